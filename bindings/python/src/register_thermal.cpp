// Python bindings of permeance.hpp and thermal.hpp: load lines, operating points, thermal
// stability and on-axis fields (all SI; temperatures in degrees Celsius).
#include "curve_fit_state.hpp"
#include "pybind.hpp"
#include "quantity_arg.hpp"
#include "broadcast_arg.hpp"
#include "shape_arg.hpp"
#include "state_arg.hpp"

#include <magmat/catalog.hpp>
#include <magmat/permeance.hpp>
#include <magmat/thermal.hpp>
#include <magmat/volume_loss.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>
#include <string>

namespace magmat::python {
namespace {

length metres(double value) { return length::from_value(value); }
magnetic_field_strength ampere_per_metre(double value) { return magnetic_field_strength::from_value(value); }

} // namespace

// Operating points of a broadcast sweep: arrays of one shape (C order).
struct operating_points {
  std::vector<py::ssize_t> shape;
  std::vector<double> temperature_C, field, flux_density, polarization;
  std::vector<bool> beyond_knee;
};

template <class T>
py::array_t<T> as_array(const std::vector<py::ssize_t>& shape, const std::vector<T>& values) {
  py::array_t<T> out(shape);
  std::copy(values.begin(), values.end(), out.mutable_data());
  return out;
}

py::array_t<bool> as_array(const std::vector<py::ssize_t>& shape, const std::vector<bool>& values) {
  py::array_t<bool> out(shape);
  std::copy(values.begin(), values.end(), out.mutable_data());
  return out;
}

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
            constexpr const char* type = "OperatingPoint";
            check_state_size(t, 5, type);
            operating_point p;
            p.temperature = from_kelvin(state_number(t, 0, type, 0.0));
            p.field = magnetic_field_strength::from_value(state_number(t, 1, type));
            p.flux_density = magnetic_flux_density::from_value(state_number(t, 2, type));
            p.polarization = magnetic_polarization::from_value(state_number(t, 3, type));
            p.beyond_knee = state_item<bool>(t, 4, type);
            // B = mu0 H + J on the curve
            if (std::abs(p.flux_density.value() - (vacuum_permeability_h_per_m * p.field.value() + p.polarization.value())) >
                1e-9 * (1.0 + std::abs(p.flux_density.value())))
              throw domain_error("OperatingPoint: the pickled state has B != mu0 H + J");
            return p;
          }));

  py::class_<operating_points>(m, "OperatingPoints",
      "Operating points of a sweep (Magnet.operating_point with array arguments): H (A/m), B, J (T), "
      "beyond_knee and temperature_C as NumPy arrays of the broadcast shape.")
      .def_property_readonly("H", [](const operating_points& p) { return as_array(p.shape, p.field); },
                             "Internal fields in A/m (negative when demagnetizing).")
      .def_property_readonly("B", [](const operating_points& p) { return as_array(p.shape, p.flux_density); },
                             "Flux densities in T.")
      .def_property_readonly("J", [](const operating_points& p) { return as_array(p.shape, p.polarization); },
                             "Polarizations in T.")
      .def_property_readonly("beyond_knee", [](const operating_points& p) { return as_array(p.shape, p.beyond_knee); },
                             "True where |H| exceeds the knee field Hk.")
      .def_property_readonly("temperature_C",
                             [](const operating_points& p) { return as_array(p.shape, p.temperature_C); },
                             "Temperatures in degC.")
      .def_property_readonly("shape", [](const operating_points& p) {
        py::tuple out(p.shape.size());
        for (std::size_t i = 0; i < p.shape.size(); ++i) out[i] = p.shape[i];
        return out;
      }, "The broadcast shape of the sweep.")
      .def("__len__", [](const operating_points& p) { return p.temperature_C.size(); })
      .def("__repr__", [](const operating_points& p) {
        std::string dims;
        for (std::size_t i = 0; i < p.shape.size(); ++i) dims += (i ? ", " : "") + std::to_string(p.shape[i]);
        return fmt::format("OperatingPoints(shape=({}{}), {} beyond the knee)", dims, p.shape.size() == 1 ? "," : "",
                           std::count(p.beyond_knee.begin(), p.beyond_knee.end(), true));
      })
      .def(py::pickle(
          [](const operating_points& p) {
            return py::make_tuple(py::cast(p.shape), p.temperature_C, p.field, p.flux_density, p.polarization,
                                  p.beyond_knee);
          },
          [](const py::tuple& t) {
            if (t.size() != 6) throw domain_error("OperatingPoints: a pickled state holds 6 items");
            operating_points p;
            p.shape = t[0].cast<std::vector<py::ssize_t>>();
            p.temperature_C = t[1].cast<std::vector<double>>();
            p.field = t[2].cast<std::vector<double>>();
            p.flux_density = t[3].cast<std::vector<double>>();
            p.polarization = t[4].cast<std::vector<double>>();
            p.beyond_knee = t[5].cast<std::vector<bool>>();
            py::ssize_t size = 1;
            for (const auto d : p.shape) {
              if (d < 0) throw domain_error("OperatingPoints: a pickled shape holds a negative size");
              size *= d;
            }
            for (const std::size_t n : {p.temperature_C.size(), p.field.size(), p.flux_density.size(),
                                        p.polarization.size(), p.beyond_knee.size()})
              if (n != static_cast<std::size_t>(size))
                throw domain_error("OperatingPoints: a pickled state's arrays do not match its shape");
            return p;
          }));

  m.def("permeance_coefficient_cylinder",
        [](length_arg length, length_arg diameter) { return permeance_coefficient_cylinder(metres(length), metres(diameter)); },
        py::kw_only(), py::arg("length"), py::arg("diameter"),
        "Permeance coefficient Pc = (1 - N)/N of a cylinder magnetized along its axis in free space, from its "
        "magnetometric demagnetizing factor N. length and diameter in metres.");
  m.def("permeance_coefficient_block",
        [](length_arg length, length_arg width, length_arg height) {
          return permeance_coefficient_block(metres(length), metres(width), metres(height));
        },
        py::kw_only(), py::arg("length"), py::arg("width"), py::arg("height"),
        "Pc of a block magnetized along `length` in free space, from Aharoni's magnetometric N. Metres.");
  m.def("demagnetizing_factor_cylinder",
        [](length_arg length, length_arg diameter) { return cylinder_demagnetizing_factor(metres(length), metres(diameter)); },
        py::kw_only(), py::arg("length"), py::arg("diameter"),
        "Magnetometric demagnetizing factor of an axially magnetized cylinder (metres in), accurate to rounding "
        "for length/diameter in [1e-12, 1e12]; DomainError outside.");
  m.def("demagnetizing_factor_block",
        [](length_arg length, length_arg width, length_arg height) {
          return block_demagnetizing_factor(metres(length), metres(width), metres(height));
        },
        py::kw_only(), py::arg("length"), py::arg("width"), py::arg("height"),
        "Magnetometric demagnetizing factor of a block along `length` (Aharoni; metres in), accurate to rounding "
        "for side ratios up to 1e12; DomainError beyond.");
  m.def("permeance_coefficient", &permeance_coefficient, py::arg("demagnetizing_factor"),
        "Pc = (1 - N)/N for a demagnetizing factor N in (0, 1].");

  py::class_<Magnet> magnet = py::reinterpret_borrow<py::class_<Magnet>>(m.attr("Magnet"));
  magnet
      .def("operating_point",
           [](const Magnet& g, const py::object& pc, const py::object& temperature_C,
              const py::object& external_field) -> py::object {
             const broadcast_args args{{"pc", pc}, {"temperature_C", temperature_C}, {"external_field", external_field}};
             extrapolation_seen seen(g);
             const auto point_at = [&](std::size_t i) {
               return find_operating_point(g, args(0, i), seen(from_celsius(args(1, i))), ampere_per_metre(args(2, i)));
             };
             if (args.scalar()) {
               py::object point = py::cast(point_at(0));
               seen.warn();
               return point;
             }
             operating_points out;
             out.shape = args.shape();
             for (auto* v : {&out.temperature_C, &out.field, &out.flux_density, &out.polarization}) v->resize(args.size());
             out.beyond_knee.resize(args.size());
             args.map([&](std::size_t i) {
               const operating_point p = point_at(i);
               out.temperature_C[i] = to_celsius(p.temperature);
               out.field[i] = p.field.value();
               out.flux_density[i] = p.flux_density.value();
               out.polarization[i] = p.polarization.value();
               out.beyond_knee[i] = p.beyond_knee;
               return 0.0;
             });
             seen.warn();
             return py::cast(std::move(out));
           },
           py::kw_only(), py::arg("pc"), py::arg("temperature_C") = 20.0, py::arg("external_field") = 0.0,
           "The operating point at permeance coefficient pc and temperature_C (degrees Celsius): the load line "
           "B = -mu0 pc (H + external_field) meets the normal curve. external_field (A/m) is an extra reverse "
           "field at the magnet such as armature reaction; positive values oppose the magnetization. pc, "
           "temperature_C and external_field may be NumPy arrays (broadcast together): the result is then an "
           "OperatingPoints of arrays of the broadcast shape.")
      .def("irreversible_loss",
           [](const Magnet& g, const py::object& pc, const py::object& temperature_C, const py::object& external_field,
              const py::object& shape, const std::string& kind) {
             if (pc.is_none() == shape.is_none())
               throw py::value_error("irreversible_loss: give either pc (a load line) or shape (a Cylinder, Block or Ring)");
             if (!shape.is_none()) {
               const broadcast_args args{{"temperature_C", temperature_C}, {"external_field", external_field}};
               const magnet_shape s = shape_arg(shape, "irreversible_loss");
               const external_field_kind field_kind = external_field_kind_arg(kind);
               const volume_loss loss(g, shape_load_lines::of(s), field_kind); // the 20 degC state, once per call
               extrapolation_seen seen(g);
               py::object out =
                   args.map([&](std::size_t i) { return loss(seen(from_celsius(args(0, i))), ampere_per_metre(args(1, i))); });
               seen.warn();
               return out;
             }
             if (kind != "applied")
               throw py::value_error("irreversible_loss: external_field_kind=\"in_magnet\" needs a shape");
             const broadcast_args args{{"pc", pc}, {"temperature_C", temperature_C}, {"external_field", external_field}};
             extrapolation_seen seen(g);
             py::object out = args.map([&](std::size_t i) {
               return irreversible_loss(g, args(0, i), seen(from_celsius(args(1, i))), ampere_per_metre(args(2, i)));
             });
             seen.warn();
             return out;
           },
           py::kw_only(), py::arg("pc") = py::none(), py::arg("temperature_C"), py::arg("external_field") = 0.0,
           py::arg("shape") = py::none(), py::arg("external_field_kind") = "applied",
           "Fraction of the moment lost irreversibly (0.03 = 3 %) after taking the magnet from 20 degC to "
           "temperature_C (with the external field there, A/m, positive opposing) and back. With pc: one load line "
           "for the whole magnet (docs/model.md section 9). With shape (Cylinder, Block, Ring): every element of "
           "the shape's volume on its own load line. Either way nothing is lost until the magnet or an element "
           "crosses its knee, so the knee criterion and a loss of 0 agree. external_field_kind: 'applied' (a load-line shift, e.g. armature MMF per magnet "
           "length) or 'in_magnet' (added to every element's internal field, as a field simulation gives; shape "
           "only). pc, temperature_C and external_field may be NumPy arrays, broadcast together (a float array "
           "of the broadcast shape comes back); a shape's local fields are computed once and kept for the next "
           "calls.")
      .def("max_operating_temperature",
           [](const Magnet& g, const py::object& pc, const py::object& max_loss, const py::object& external_field,
              const py::object& shape, const std::string& kind, const std::string& criterion) {
             if (pc.is_none() == shape.is_none())
               throw py::value_error("max_operating_temperature: give either pc (a load line) or shape");
             if (criterion != "local" && criterion != "average_knee")
               throw py::value_error("criterion must be \"local\" or \"average_knee\", got \"" + criterion + "\"");
             if (!shape.is_none()) {
               if (criterion != "local")
                 throw py::value_error("max_operating_temperature: criterion=\"average_knee\" reads a pc, not a shape");
               const magnet_shape s = shape_arg(shape, "max_operating_temperature");
               const external_field_kind field_kind = external_field_kind_arg(kind);
               const broadcast_args args{{"max_loss", max_loss}, {"external_field", external_field}};
               extrapolation_seen seen(g);
               py::object out = args.map([&](std::size_t i) {
                 return to_celsius(seen(max_operating_temperature(g, s, args(0, i), ampere_per_metre(args(1, i)), field_kind)));
               });
               seen.warn();
               return out;
             }
             if (kind != "applied")
               throw py::value_error("max_operating_temperature: external_field_kind=\"in_magnet\" needs a shape");
             const permeance_reading reading =
                 criterion == "local" ? permeance_reading::makers_cylinder : permeance_reading::one_load_line;
             const broadcast_args args{{"pc", pc}, {"max_loss", max_loss}, {"external_field", external_field}};
             extrapolation_seen seen(g);
             py::object out = args.map([&](std::size_t i) {
               return to_celsius(seen(max_operating_temperature(g, args(0, i), args(1, i), ampere_per_metre(args(2, i)), reading)));
             });
             seen.warn();
             return out;
           },
           py::kw_only(), py::arg("pc") = py::none(), py::arg("max_loss") = 0.0, py::arg("external_field") = 0.0,
           py::arg("shape") = py::none(), py::arg("external_field_kind") = "applied", py::arg("criterion") = "local",
           "Highest temperature (degrees Celsius) keeping the irreversible loss within max_loss; the top of the "
           "model's range if never reached, InfeasibleError if exceeded at 20 degC. With shape: max_loss = 0 is "
           "the onset (no part of the magnet past its knee, judged where the local demagnetizing factor is "
           "largest), consistent with irreversible_loss(shape=...) == 0; otherwise the volume's moment loss. With "
           "pc, read as makers do: the neutral-section Pc of a cylinder (Pc = 2: L/D = 0.68), whose local fields "
           "then decide as for a shape. criterion='average_knee' keeps the older test: one load line at pc for the "
           "whole magnet (max_loss = 0: the knee is not crossed there, about 10 % of the grains already reversed). "
           "pc, max_loss and external_field may be NumPy arrays, broadcast together; an element that fails "
           "(e.g. InfeasibleError) raises for the call, naming its index.")
      .def("local_demagnetization",
           [](const Magnet& g, const py::object& shape, const py::object& points, celsius_arg temperature_C,
              field_arg external_field, const std::string& kind) {
             const magnet_shape s = shape_arg(shape, "local_demagnetization");
             const external_field_kind field_kind = external_field_kind_arg(kind);
             bool single = false;
             const points_array p = points_of(points, &single);
             const auto in = p.unchecked<2>();
             std::vector<shape_point> at;
             for (py::ssize_t i = 0; i < p.shape(0); ++i)
               at.push_back({metres(in(i, 0)), metres(in(i, 1)), metres(in(i, 2))});
             const auto local = local_demagnetization_at(g, s, at, from_celsius(temperature_C),
                                                         ampere_per_metre(external_field), field_kind);
             warn_if_extrapolated(g, g.is_extrapolated(from_celsius(temperature_C)));
             const py::ssize_t n = p.shape(0);
             py::array_t<double> pc(n), field(n), margin(n), share(n);
             for (py::ssize_t i = 0; i < n; ++i) {
               const auto& l = local[static_cast<std::size_t>(i)];
               pc.mutable_at(i) = l.permeance;
               field.mutable_at(i) = l.field.value();
               margin.mutable_at(i) = l.knee_margin;
               share.mutable_at(i) = l.reversed_share;
             }
             py::dict out;
             const auto put = [&](const char* key, py::array_t<double>& a) {
               out[key] = single ? py::object(py::float_(a.at(0))) : py::object(a);
             };
             put("permeance", pc);
             put("H", field);
             put("knee_margin", margin);
             put("reversed_share", share);
             return out;
           },
           py::kw_only(), py::arg("shape"), py::arg("points"), py::arg("temperature_C"), py::arg("external_field") = 0.0,
           py::arg("external_field_kind") = "applied",
           "The magnet's state at points inside a shape (points: (n, 3) or (3,) in metres, the shape's frame) at "
           "temperature_C, on the load lines of irreversible_loss(shape=...): a dict of arrays 'permeance' (local "
           "Pc), 'H' (internal field, A/m, the external field included), 'knee_margin' ((Hk - |H|)/Hk, negative "
           "past the knee) and 'reversed_share' (share of the grains reversed past the knee, 0 inside it). A point "
           "outside the magnet raises DomainError. What plot.loss_map draws.")
      .def("rated_temperature",
           [](const py::object& self) {
             const Magnet& g = self.cast<const Magnet&>();
             const rated_temperature_result r = rated_temperature(g);
             warn_if_extrapolated(g, g.is_extrapolated(r.temperature));
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
           [](const Magnet& g, double pc, double max_loss, field_arg external_field) {
             const auto t = min_operating_temperature(g, pc, max_loss, ampere_per_metre(external_field));
             warn_if_extrapolated(g, g.is_extrapolated(t));
             return to_celsius(t);
           },
           py::kw_only(), py::arg("pc"), py::arg("max_loss") = 0.0, py::arg("external_field") = 0.0,
           "Lowest temperature (degrees Celsius) with the same criterion: the cold limit of ferrite.")
      .def("field_on_axis_cylinder",
           [](const Magnet& g, length_arg length, length_arg diameter, length_arg distance, celsius_arg temperature_C) {
             warn_if_extrapolated(g, g.is_extrapolated(from_celsius(temperature_C)));
             return field_on_axis_cylinder(g, metres(length), metres(diameter), metres(distance),
                                           from_celsius(temperature_C)).value();
           },
           py::kw_only(), py::arg("length"), py::arg("diameter"), py::arg("distance"), py::arg("temperature_C") = 20.0,
           "Flux density (T) on the axis of an axially magnetized cylinder of this material at `distance` (m) "
           "from a pole face; length and diameter in metres.")
      .def("field_on_axis_block",
           [](const Magnet& g, length_arg length, length_arg width, length_arg height, length_arg distance, celsius_arg temperature_C) {
             warn_if_extrapolated(g, g.is_extrapolated(from_celsius(temperature_C)));
             return field_on_axis_block(g, metres(length), metres(width), metres(height), metres(distance),
                                        from_celsius(temperature_C)).value();
           },
           py::kw_only(), py::arg("length"), py::arg("width"), py::arg("height"), py::arg("distance"),
           py::arg("temperature_C") = 20.0,
           "Flux density (T) on the axis through the centre of a pole face of a block magnetized along `length`, "
           "at `distance` (m) from that face; sides in metres.");
}

} // namespace magmat::python
