// Python bindings of curve_fit.hpp: Magnet.fit_curves, the fit's report (CurveFit, FittedCurve),
// the measured range of a fitted magnet and its grade file.
#include "curve_fit_state.hpp"
#include "pybind.hpp"
#include "quantity_arg.hpp"
#include "real_array_arg.hpp"
#include "state_arg.hpp"
#include "temperature_arg.hpp"

#include <pybind11/eigen.h>

#include <magmat/curve_fit.hpp>
#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace magmat::python {
namespace {

// A 1-D float array from an array-like, or a DomainError naming `what`.
Eigen::ArrayXd one_dimensional(py::handle value, const std::string& what) {
  require_real_array(value, what);
  py::array_t<double, py::array::c_style | py::array::forcecast> a;
  try {
    a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(value);
  } catch (const py::error_already_set&) {
  }
  if (!a) throw domain_error(what + " must be an array of numbers");
  if (a.ndim() != 1) throw domain_error(fmt::format("{} must be one-dimensional, got {} dimensions", what, a.ndim()));
  return Eigen::Map<const Eigen::ArrayXd>(a.data(), a.size());
}

// {temperature_C: (H, values)} as measured curves.
std::vector<measured_curve> curves_of(py::handle curves) {
  if (!py::hasattr(curves, "items"))
    throw py::type_error("curves must be a mapping {temperature_C: (H, values)}, got " +
                         py::repr(curves).cast<std::string>().substr(0, 80));
  std::vector<measured_curve> out;
  for (py::handle item : curves.attr("items")()) {
    const py::tuple pair = py::reinterpret_borrow<py::object>(item).cast<py::tuple>();
    const py::object key = quantity_in(pair[0], "degC", "curves: a temperature_C key");
    if (!py::isinstance<py::float_>(key) && !py::isinstance<py::int_>(key))
      throw py::type_error("curves: a key must be a temperature in degC, got " + py::repr(pair[0]).cast<std::string>());
    const double celsius = key.cast<double>();
    const std::string at = fmt::format("curves[{:g}]", celsius);
    const py::object value = pair[1];
    if (py::isinstance<py::str>(value) || !py::hasattr(value, "__len__") || py::len(value) != 2)
      throw domain_error(at + " must be a pair (H, values) of arrays: H in A/m, J or B in T");
    const py::sequence both = value.cast<py::sequence>();
    out.push_back({from_celsius(celsius), one_dimensional(both[0], at + "[0] (H, A/m)"),
                   one_dimensional(both[1], at + "[1] (J or B, T)")});
  }
  return out;
}

curve_quantity quantity_of(const std::string& kind) {
  if (kind == "J") return curve_quantity::polarization;
  if (kind == "B") return curve_quantity::flux_density;
  throw domain_error("kind must be \"J\" (polarization) or \"B\" (flux density), got \"" + kind + "\"");
}

py::dict curve_dict(const fitted_curve_parameters& c) {
  py::dict out;
  out["temperature_C"] = to_celsius(c.temperature);
  out["remanence"] = c.remanence.value();
  out["remanence_uncertainty"] = c.remanence_uncertainty.value();
  out["intrinsic_coercivity"] = c.intrinsic_coercivity.value();
  out["intrinsic_coercivity_uncertainty"] = c.intrinsic_coercivity_uncertainty.value();
  out["squareness"] = c.squareness;
  out["squareness_uncertainty"] = c.squareness_uncertainty;
  out["knee_field"] = c.squareness * c.intrinsic_coercivity.value();
  out["rms_residual"] = c.rms_residual.value();
  out["max_residual"] = c.max_residual.value();
  out["points"] = c.points;
  return out;
}

py::tuple curve_state(const fitted_curve_parameters& c) {
  return py::make_tuple(to_kelvin(c.temperature), c.remanence.value(), c.intrinsic_coercivity.value(), c.squareness,
                        c.remanence_uncertainty.value(), c.intrinsic_coercivity_uncertainty.value(),
                        c.squareness_uncertainty, c.rms_residual.value(), c.max_residual.value(), c.points);
}

fitted_curve_parameters curve_from_state(const py::tuple& t) {
  constexpr const char* type = "FittedCurve";
  check_state_size(t, 10, type);
  fitted_curve_parameters c;
  c.temperature = from_kelvin(state_number(t, 0, type, 0.0));
  c.remanence = magnetic_polarization::from_value(state_number_in(t, 1, type, "remanence", 1e-6, 3.0));
  c.intrinsic_coercivity = magnetic_field_strength::from_value(state_number_in(t, 2, type, "intrinsic_coercivity", 0.0, 1e8));
  c.squareness = state_number_in(t, 3, type, "squareness", 0.0, 1.0);
  c.remanence_uncertainty = magnetic_polarization::from_value(state_number(t, 4, type, 0.0));
  c.intrinsic_coercivity_uncertainty = magnetic_field_strength::from_value(state_number(t, 5, type, 0.0));
  c.squareness_uncertainty = state_number(t, 6, type, 0.0);
  c.rms_residual = magnetic_polarization::from_value(state_number(t, 7, type, 0.0));
  c.max_residual = magnetic_polarization::from_value(state_number(t, 8, type, 0.0));
  c.points = state_item<std::size_t>(t, 9, type);
  return c;
}

std::string table_repr(const measured_curves_table& t) {
  std::string out = fmt::format("CurveFit({} curve{}, recoil permeability {:.4f} +/- {:.4f}", t.curves.size(),
                                t.curves.size() == 1 ? "" : "s", t.recoil_permeability, t.recoil_permeability_uncertainty);
  for (const auto& c : t.curves)
    out += fmt::format("\n  {:7.1f} degC: Br {:.4f} +/- {:.4f} T, HcJ {:.1f} +/- {:.1f} kA/m, q {:.4f} +/- {:.4f}; "
                       "rms {:.2f} mT, max {:.2f} mT over {} points",
                       to_celsius(c.temperature), c.remanence.value(), c.remanence_uncertainty.value(),
                       c.intrinsic_coercivity.value() / 1e3, c.intrinsic_coercivity_uncertainty.value() / 1e3, c.squareness,
                       c.squareness_uncertainty, c.rms_residual.value() * 1e3, c.max_residual.value() * 1e3, c.points);
  return out + ")";
}

} // namespace

py::tuple measured_state(const measured_curves_table& t) {
  py::list curves;
  for (const auto& c : t.curves) curves.append(curve_state(c));
  return py::make_tuple(t.recoil_permeability, t.recoil_permeability_uncertainty, curves);
}

measured_curves_table measured_from_state(const py::tuple& t) {
  constexpr const char* type = "CurveFit";
  check_state_size(t, 3, type);
  measured_curves_table table;
  table.recoil_permeability = state_number_in(t, 0, type, "recoil_permeability", 1.0, max_recoil_permeability);
  table.recoil_permeability_uncertainty = state_number(t, 1, type, 0.0);
  for (const auto& item : state_item<py::list>(t, 2, type)) {
    if (!py::isinstance<py::tuple>(item)) throw domain_error("CurveFit: a pickled curve must be a tuple");
    table.curves.push_back(curve_from_state(item.cast<py::tuple>()));
  }
  return table;
}

void warn_if_extrapolated(const Magnet& magnet, bool outside) {
  if (!outside) return;
  const auto range = magnet.measured_temperature_range();
  if (!range) return;
  const py::object warning = py::module_::import("magmat._core").attr("ExtrapolationWarning");
  const std::string message = fmt::format(
      "'{}': a temperature outside its measured curves ({:g} to {:g} degC); the physics model carries the values "
      "there from the nearer curve", magnet.name(), to_celsius(range->first), to_celsius(range->second));
  // stack level 1: the caller's line (this is a C function)
  if (PyErr_WarnEx(warning.ptr(), message.c_str(), 1) != 0) throw py::error_already_set();
}

void register_curve_fit(py::module_& m) {
  py::class_<fitted_curve_parameters>(m, "FittedCurve",
      "One measured curve's fitted parameters (SI): remanence (T), intrinsic_coercivity and knee_field "
      "(A/m), squareness (Hk/HcJ), each with its standard uncertainty from the fit's Jacobian, and the "
      "residuals of J over the curve's points (rms_residual, max_residual in T).")
      .def_property_readonly("temperature_C", [](const fitted_curve_parameters& c) { return to_celsius(c.temperature); })
      .def_property_readonly("remanence", [](const fitted_curve_parameters& c) { return c.remanence.value(); })
      .def_property_readonly("remanence_uncertainty",
                             [](const fitted_curve_parameters& c) { return c.remanence_uncertainty.value(); })
      .def_property_readonly("intrinsic_coercivity",
                             [](const fitted_curve_parameters& c) { return c.intrinsic_coercivity.value(); })
      .def_property_readonly("intrinsic_coercivity_uncertainty",
                             [](const fitted_curve_parameters& c) { return c.intrinsic_coercivity_uncertainty.value(); })
      .def_property_readonly("squareness", [](const fitted_curve_parameters& c) { return c.squareness; })
      .def_property_readonly("squareness_uncertainty",
                             [](const fitted_curve_parameters& c) { return c.squareness_uncertainty; })
      .def_property_readonly("knee_field",
                             [](const fitted_curve_parameters& c) { return c.squareness * c.intrinsic_coercivity.value(); },
                             "Hk = q HcJ in A/m.")
      .def_property_readonly("rms_residual", [](const fitted_curve_parameters& c) { return c.rms_residual.value(); })
      .def_property_readonly("max_residual", [](const fitted_curve_parameters& c) { return c.max_residual.value(); })
      .def_property_readonly("points", [](const fitted_curve_parameters& c) { return c.points; })
      .def("to_dict", &curve_dict, "The values as a dict (SI units, temperature in degrees Celsius).")
      .def("__repr__", [](const fitted_curve_parameters& c) {
        return fmt::format("FittedCurve({:.1f} degC: Br {:.4f} T, HcJ {:.1f} kA/m, q {:.4f}, rms {:.2f} mT)",
                           to_celsius(c.temperature), c.remanence.value(), c.intrinsic_coercivity.value() / 1e3,
                           c.squareness, c.rms_residual.value() * 1e3);
      })
      .def(py::pickle(&curve_state, [](const py::tuple& t) { return curve_from_state(t); }));

  py::class_<measured_curves_table>(m, "CurveFit",
      "The report of Magnet.fit_curves: one FittedCurve per measured temperature (ascending) and the "
      "recoil permeability shared by all, with its standard uncertainty.")
      .def_property_readonly("curves", [](const measured_curves_table& t) { return t.curves; })
      .def_property_readonly("temperatures_C", [](const measured_curves_table& t) {
        std::vector<double> out;
        for (const auto& c : t.curves) out.push_back(to_celsius(c.temperature));
        return out;
      })
      .def_property_readonly("recoil_permeability", [](const measured_curves_table& t) { return t.recoil_permeability; })
      .def_property_readonly("recoil_permeability_uncertainty",
                             [](const measured_curves_table& t) { return t.recoil_permeability_uncertainty; })
      .def("to_dict", [](const measured_curves_table& t) {
            py::dict out;
            out["recoil_permeability"] = t.recoil_permeability;
            out["recoil_permeability_uncertainty"] = t.recoil_permeability_uncertainty;
            py::list curves;
            for (const auto& c : t.curves) curves.append(curve_dict(c));
            out["curves"] = curves;
            return out;
          }, "The report as plain data: {'recoil_permeability', 'recoil_permeability_uncertainty', 'curves': "
             "[FittedCurve.to_dict(), ...]}.")
      .def("polarization",
          [](const measured_curves_table& t, celsius_arg temperature_C, py::handle field) {
            const auto at = std::find_if(t.curves.begin(), t.curves.end(), [&](const fitted_curve_parameters& c) {
              return std::abs(to_celsius(c.temperature) - temperature_C) < 1e-6;
            });
            if (at == t.curves.end())
              throw domain_error(fmt::format("the fit holds no curve at {:g} degC", static_cast<double>(temperature_C)));
            const demagnetization_model model(at->remanence, at->intrinsic_coercivity, t.recoil_permeability,
                                              at->squareness);
            const Eigen::ArrayXd h = one_dimensional(field, "H (A/m)");
            Eigen::ArrayXd j(h.size());
            for (Eigen::Index i = 0; i < h.size(); ++i)
              j(i) = model.polarization(magnetic_field_strength::from_value(h(i))).value();
            return j;
          },
          py::arg("temperature_C"), py::arg("H"),
          "J (T) of the fitted model at the measured temperature temperature_C (degC) and fields H (A/m, a "
          "1-D array): the curve the fit found, without the physics model's Js bound.")
      .def("__len__", [](const measured_curves_table& t) { return t.curves.size(); })
      .def("__repr__", &table_repr)
      .def(py::pickle(&measured_state, [](const py::tuple& t) { return measured_from_state(t); }));

  py::class_<Magnet> magnet = py::reinterpret_borrow<py::class_<Magnet>>(m.attr("Magnet"));
  magnet
      .def_static("fit_curves",
          [](py::handle curves, const std::string& family, const std::string& kind, std::optional<std::string> process,
             std::optional<std::string> name) {
            const curve_quantity quantity = quantity_of(kind);
            std::vector<measured_curve> measured = curves_of(curves);
            return fit_magnet_to_curves(std::move(measured), quantity, family, std::move(process),
                                        name.value_or("measured " + family));
          },
          py::arg("curves"), py::arg("family"), py::arg("kind") = "J", py::arg("process") = py::none(),
          py::arg("name") = py::none(),
          "A magnet fitted to measured demagnetization curves: curves = {temperature_C: (H, values)}, H in A/m "
          "(negative in the second quadrant), values J (kind='J') or B (kind='B') in T, points in any order; "
          "at least 8 points with H < 0 per curve. Fits Br, HcJ and squareness per temperature and one recoil "
          "permeability (robust Levenberg-Marquardt, Huber loss). family: 'ndfeb_sintered', 'ndfeb_bonded', "
          "'ndfeb_hot_deformed', 'smco5', 'sm2co17' or 'ferrite' (the catalog's physics model for it carries "
          "the values beyond the measured temperatures); process: another process of the family (e.g. "
          "'grain_boundary_diffused'); name: the magnet's name (default 'measured <family>'). The report is "
          "the result's fit_report; see docs/curves.md.")
      .def_property_readonly("fit_report",
          [](const Magnet& g) -> std::optional<measured_curves_table> {
            if (g.datasheet() && g.datasheet()->measured) return *g.datasheet()->measured;
            return std::nullopt;
          },
          "The CurveFit a magnet from Magnet.fit_curves rests on (None for other magnets).")
      .def_property_readonly("measured_temperature_range",
          [](const Magnet& g) -> py::object {
            const auto range = g.measured_temperature_range();
            if (!range) return py::none();
            return py::make_tuple(to_celsius(range->first), to_celsius(range->second));
          },
          "(lowest, highest) measured temperature in degC of a fitted magnet, else None.")
      .def("is_extrapolated",
          [](const Magnet& g, py::handle t) -> py::object {
            const py::object flags =
                map_celsius(t, [&](thermodynamic_temperature k) { return g.is_extrapolated(k) ? 1.0 : 0.0; });
            if (py::isinstance<py::float_>(flags)) return py::bool_(flags.cast<double>() != 0.0);
            return flags.attr("astype")("bool");
          },
          py::arg("temperature_C"),
          "True where a fitted magnet's values at temperature_C (degC, float or array: bool or bool array) lie "
          "outside its measured temperatures, carried there by the physics model; False inside them and "
          "for every magnet without measured curves.")
      .def("to_grade_json",
          [](const Magnet& g, const std::string& source) { return measured_grade_json(g, source); },
          py::arg("source") = "MEASURED-CURVES",
          "A fitted magnet as a grade file (materials/grades format, text): load it with Catalog.load or "
          "Catalog.extend to get the same magnet back as a Grade. source: where the curves come from.");
}

} // namespace magmat::python
