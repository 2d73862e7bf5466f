// Python bindings of permeance.hpp and thermal.hpp: load lines, operating points, thermal
// stability and on-axis fields (all SI; temperatures in degrees Celsius).
#include "pybind.hpp"
#include "shape_arg.hpp"

#include <magmat/catalog.hpp>
#include <magmat/permeance.hpp>
#include <magmat/thermal.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>

namespace magmat::python {
namespace {

length metres(double value) { return length::from_value(value); }
magnetic_field_strength ampere_per_metre(double value) { return magnetic_field_strength::from_value(value); }

} // namespace

void register_thermal(py::module_& m) {
  py::class_<operating_point>(m, "OperatingPoint",
      "Where the load line meets the normal curve: H (A/m, internal field, negative when "
      "demagnetizing), B and J (T), beyond_knee (bool), temperature_C.")
      .def_property_readonly("H", [](const operating_point& p) { return p.field.value(); })
      .def_property_readonly("B", [](const operating_point& p) { return p.flux_density.value(); })
      .def_property_readonly("J", [](const operating_point& p) { return p.polarization.value(); })
      .def_property_readonly("beyond_knee", [](const operating_point& p) { return p.beyond_knee; })
      .def_property_readonly("temperature_C", [](const operating_point& p) { return to_celsius(p.temperature); })
      .def("__repr__", [](const operating_point& p) {
        return fmt::format("OperatingPoint(temperature_C={:.2f}, H={:.6g} A/m, B={:.5g} T, J={:.5g} T, beyond_knee={})",
                           to_celsius(p.temperature), p.field.value(), p.flux_density.value(), p.polarization.value(),
                           p.beyond_knee ? "True" : "False");
      })
      .def(py::pickle(
          [](const operating_point& p) {
            return py::make_tuple(to_kelvin(p.temperature), p.field.value(), p.flux_density.value(),
                                  p.polarization.value(), p.beyond_knee);
          },
          [](const py::tuple& t) {
            operating_point p;
            p.temperature = from_kelvin(t[0].cast<double>());
            p.field = magnetic_field_strength::from_value(t[1].cast<double>());
            p.flux_density = magnetic_flux_density::from_value(t[2].cast<double>());
            p.polarization = magnetic_polarization::from_value(t[3].cast<double>());
            p.beyond_knee = t[4].cast<bool>();
            return p;
          }));

  m.def("permeance_coefficient_cylinder",
        [](double length, double diameter) { return permeance_coefficient_cylinder(metres(length), metres(diameter)); },
        py::kw_only(), py::arg("length"), py::arg("diameter"),
        "Permeance coefficient Pc = (1 - N)/N of a cylinder magnetized along its axis in free space, from its "
        "magnetometric demagnetizing factor N. length and diameter in metres.");
  m.def("permeance_coefficient_block",
        [](double length, double width, double height) {
          return permeance_coefficient_block(metres(length), metres(width), metres(height));
        },
        py::kw_only(), py::arg("length"), py::arg("width"), py::arg("height"),
        "Pc of a block magnetized along `length` in free space, from Aharoni's magnetometric N. Metres.");
  m.def("demagnetizing_factor_cylinder",
        [](double length, double diameter) { return cylinder_demagnetizing_factor(metres(length), metres(diameter)); },
        py::kw_only(), py::arg("length"), py::arg("diameter"),
        "Magnetometric demagnetizing factor of an axially magnetized cylinder (metres in).");
  m.def("demagnetizing_factor_block",
        [](double length, double width, double height) {
          return block_demagnetizing_factor(metres(length), metres(width), metres(height));
        },
        py::kw_only(), py::arg("length"), py::arg("width"), py::arg("height"),
        "Magnetometric demagnetizing factor of a block along `length` (Aharoni; metres in).");
  m.def("permeance_coefficient", &permeance_coefficient, py::arg("demagnetizing_factor"),
        "Pc = (1 - N)/N for a demagnetizing factor N in (0, 1].");

  py::class_<Magnet> magnet = py::reinterpret_borrow<py::class_<Magnet>>(m.attr("Magnet"));
  magnet
      .def("operating_point",
           [](const Magnet& g, double pc, double temperature_C, double external_field) {
             return find_operating_point(g, pc, from_celsius(temperature_C), ampere_per_metre(external_field));
           },
           py::kw_only(), py::arg("pc"), py::arg("temperature_C") = 20.0, py::arg("external_field") = 0.0,
           "The operating point at permeance coefficient pc and temperature_C (degrees Celsius): the load line "
           "B = -mu0 pc (H + external_field) meets the normal curve. external_field (A/m) is an extra reverse "
           "field at the magnet such as armature reaction; positive values oppose the magnetization.")
      .def("irreversible_loss",
           [](const Magnet& g, std::optional<double> pc, double temperature_C, double external_field,
              const py::object& shape, const std::string& kind) {
             if (pc.has_value() == !shape.is_none())
               throw py::value_error("irreversible_loss: give either pc (a load line) or shape (a Cylinder, Block or Ring)");
             if (!shape.is_none())
               return irreversible_loss(g, shape_arg(shape, "irreversible_loss"), from_celsius(temperature_C),
                                        ampere_per_metre(external_field), external_field_kind_arg(kind));
             if (kind != "applied")
               throw py::value_error("irreversible_loss: external_field_kind=\"in_magnet\" needs a shape");
             return irreversible_loss(g, *pc, from_celsius(temperature_C), ampere_per_metre(external_field));
           },
           py::kw_only(), py::arg("pc") = py::none(), py::arg("temperature_C"), py::arg("external_field") = 0.0,
           py::arg("shape") = py::none(), py::arg("external_field_kind") = "applied",
           "Fraction of the moment lost irreversibly (0.03 = 3 %) after taking the magnet from 20 degC to "
           "temperature_C (with the external field there, A/m, positive opposing) and back. With pc: one load line "
           "for the whole magnet (the first-order model of docs/model.md section 9). With shape (Cylinder, Block, "
           "Ring): every element of the shape's volume on its own load line; nothing is lost until an element "
           "crosses its knee. external_field_kind: 'applied' (a load-line shift, e.g. armature MMF per magnet "
           "length) or 'in_magnet' (added to every element's internal field, as a field simulation gives; shape "
           "only).")
      .def("max_operating_temperature",
           [](const Magnet& g, std::optional<double> pc, double max_loss, double external_field, const py::object& shape,
              const std::string& kind, const std::string& criterion) {
             if (pc.has_value() == !shape.is_none())
               throw py::value_error("max_operating_temperature: give either pc (a load line) or shape");
             if (criterion != "local" && criterion != "average_knee")
               throw py::value_error("criterion must be \"local\" or \"average_knee\", got \"" + criterion + "\"");
             if (!shape.is_none()) {
               if (criterion != "local")
                 throw py::value_error("max_operating_temperature: criterion=\"average_knee\" reads a pc, not a shape");
               return to_celsius(max_operating_temperature(g, shape_arg(shape, "max_operating_temperature"), max_loss,
                                                           ampere_per_metre(external_field), external_field_kind_arg(kind)));
             }
             if (kind != "applied")
               throw py::value_error("max_operating_temperature: external_field_kind=\"in_magnet\" needs a shape");
             return to_celsius(max_operating_temperature(
                 g, *pc, max_loss, ampere_per_metre(external_field),
                 criterion == "local" ? permeance_reading::makers_cylinder : permeance_reading::one_load_line));
           },
           py::kw_only(), py::arg("pc") = py::none(), py::arg("max_loss") = 0.0, py::arg("external_field") = 0.0,
           py::arg("shape") = py::none(), py::arg("external_field_kind") = "applied", py::arg("criterion") = "local",
           "Highest temperature (degrees Celsius) keeping the irreversible loss within max_loss; the top of the "
           "model's range if never reached, InfeasibleError if exceeded at 20 degC. With shape: max_loss = 0 is "
           "the onset (no part of the magnet past its knee, judged where the local demagnetizing factor is "
           "largest), consistent with irreversible_loss(shape=...) == 0; otherwise the volume's moment loss. With "
           "pc, read as makers do: the neutral-section Pc of a cylinder (Pc = 2: L/D = 0.68), whose local fields "
           "then decide as for a shape. criterion='average_knee' keeps the older test: one load line at pc for the "
           "whole magnet (max_loss = 0: the knee is not crossed there, about 10 % of the grains already reversed).")
      .def("rated_temperature",
           [](const py::object& self) {
             const Magnet& g = self.cast<const Magnet&>();
             const rated_temperature_result r = rated_temperature(g);
             py::dict out;
             out["temperature_C"] = to_celsius(r.temperature);
             out["limited_by"] = r.range_end ? "model_range" : "knee";
             out["permeance"] = r.permeance;
             py::object datasheet = py::none();
             if (py::isinstance<Grade>(self)) {
               const auto& record = self.cast<const Grade&>().record();
               if (record.max_operating_temperature) datasheet = py::float_(to_celsius(*record.max_operating_temperature));
             }
             out["datasheet_C"] = datasheet;
             return out;
           },
           "The makers' rating of the maximum operating temperature, computed: a cylinder of L/D = 0.7 in free "
           "space, no external field, the highest temperature (degrees Celsius) at which no part of the magnet "
           "crosses its knee (the pole-face centres, local Pc 'permeance' = 0.687, reverse first). A dict: "
           "temperature_C, limited_by ('knee', or 'model_range' where the model's data range ends first: then "
           "temperature_C is that end, not a limit), permeance, and datasheet_C (a catalog grade's printed maximum "
           "operating temperature, else None).")
      .def("min_operating_temperature",
           [](const Magnet& g, double pc, double max_loss, double external_field) {
             return to_celsius(min_operating_temperature(g, pc, max_loss, ampere_per_metre(external_field)));
           },
           py::kw_only(), py::arg("pc"), py::arg("max_loss") = 0.0, py::arg("external_field") = 0.0,
           "Lowest temperature (degrees Celsius) with the same criterion: the cold limit of ferrite.")
      .def("field_on_axis_cylinder",
           [](const Magnet& g, double length, double diameter, double distance, double temperature_C) {
             return field_on_axis_cylinder(g, metres(length), metres(diameter), metres(distance),
                                           from_celsius(temperature_C)).value();
           },
           py::kw_only(), py::arg("length"), py::arg("diameter"), py::arg("distance"), py::arg("temperature_C") = 20.0,
           "Flux density (T) on the axis of an axially magnetized cylinder of this material at `distance` (m) "
           "from a pole face; length and diameter in metres.")
      .def("field_on_axis_block",
           [](const Magnet& g, double length, double width, double height, double distance, double temperature_C) {
             return field_on_axis_block(g, metres(length), metres(width), metres(height), metres(distance),
                                        from_celsius(temperature_C)).value();
           },
           py::kw_only(), py::arg("length"), py::arg("width"), py::arg("height"), py::arg("distance"),
           py::arg("temperature_C") = 20.0,
           "Flux density (T) on the axis through the centre of a pole face of a block magnetized along `length`, "
           "at `distance` (m) from that face; sides in metres.");
}

} // namespace magmat::python
