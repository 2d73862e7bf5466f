// Python bindings of magnet.hpp: magnets from composition and process, and their properties.
#include "composition_arg.hpp"
#include "curve_fit_state.hpp"
#include "pybind.hpp"
#include "quantity_arg.hpp"
#include "state_arg.hpp"
#include "temperature_arg.hpp"

#include <pybind11/eigen.h>

#include <magmat/errors.hpp>
#include <magmat/magnet.hpp>
#include <magmat/units/cgs_magnetic.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>

namespace magmat::python {
namespace {

// map_celsius over a scalar or array of temperatures, with one ExtrapolationWarning when any of
// them lies beyond a fitted magnet's measured curves.
template <class F>
py::object map_celsius_warning(const Magnet& g, py::handle temperature, F&& value_at) {
  extrapolation_seen seen(g);
  py::object out = map_celsius(temperature, [&](thermodynamic_temperature k) { return value_at(seen(k)); });
  seen.warn();
  return out;
}

std::string properties_repr(const magnet_properties& p) {
  using namespace cgs;
  return fmt::format(
      "MagnetProperties(temperature_C={:.2f}, remanence={:.4f} T [{:.3f} kG], "
      "intrinsic_coercivity={:.4g} A/m [{:.3f} kOe], normal_coercivity={:.4g} A/m [{:.3f} kOe], "
      "max_energy_product={:.4g} J/m^3 [{:.2f} MGOe], recoil_permeability={:.3f})",
      to_celsius(p.temperature), p.remanence.value(), p.remanence.value() / tesla_per_gauss / 1e3,
      p.intrinsic_coercivity.value(), p.intrinsic_coercivity.value() / ampere_per_metre_per_oersted / 1e3,
      p.normal_coercivity.value(), p.normal_coercivity.value() / ampere_per_metre_per_oersted / 1e3,
      p.max_energy_product.value(), p.max_energy_product.value() / joule_per_cubic_metre_per_mgoe,
      p.recoil_permeability);
}

py::dict process_dict(const process_parameters& p) {
  py::dict out;
  out["family"] = std::string(to_string(p.family));
  out["process"] = p.process;
  out["relative_density"] = p.relative_density;
  out["alignment"] = p.alignment;
  out["recoil_permeability"] = p.recoil_permeability;
  out["squareness"] = p.squareness;
  out["alpha_k"] = p.alpha_k;
  out["n_eff"] = p.n_eff;
  out["grain_boundary_rare_earth"] = p.grain_boundary_rare_earth;
  out["shell_volume_fraction"] = p.shell_volume_fraction;
  out["activation_volume"] = p.activation_volume;
  py::dict sources;
  for (const auto& [name, tag] : p.sources) {
    sources[py::str(name)] = py::make_tuple(tag.key, confidence_letter(tag.confidence));
  }
  out["sources"] = sources;
  return out;
}

// Pickling: a magnet travels as its parts (see Magnet::from_parts), so a copy is exact.
py::tuple magnet_state(const Magnet& g) {
  const process_parameters& p = g.process();
  py::list sources;
  for (const auto& [name, tag] : p.sources) sources.append(py::make_tuple(name, tag.key, static_cast<int>(tag.confidence)));
  py::tuple process = py::make_tuple(std::string(to_string(p.family)), p.process, p.description, p.relative_density,
                                     p.alignment, p.recoil_permeability, p.squareness, p.alpha_k, p.n_eff,
                                     p.grain_boundary_rare_earth, p.shell_volume_fraction, sources, p.notes,
                                     p.activation_volume);
  py::object anchor = py::none();
  if (const auto& a = g.datasheet()) {
    auto opt = [](const auto& v) { return v ? py::object(py::float_(v->value())) : py::object(py::none()); };
    anchor = py::make_tuple(a->name, to_kelvin(a->reference_temperature), a->remanence.value(),
                            a->intrinsic_coercivity.value(), opt(a->normal_coercivity), opt(a->max_energy_product),
                            opt(a->remanence_coefficient), opt(a->intrinsic_coercivity_coefficient),
                            to_kelvin(a->coefficients_from), to_kelvin(a->coefficients_to),
                            a->coercivity_coefficient_from ? py::object(py::float_(to_kelvin(*a->coercivity_coefficient_from))) : py::object(py::none()),
                            a->coercivity_coefficient_to ? py::object(py::float_(to_kelvin(*a->coercivity_coefficient_to))) : py::object(py::none()),
                            a->measured ? py::object(measured_state(*a->measured)) : py::object(py::none()));
  }
  return py::make_tuple(g.composition(), g.main_phase().composition(), g.nucleation_phase().composition(), process,
                        g.main_phase_fraction(), anchor);
}

Magnet magnet_from_state(const py::tuple& t) {
  constexpr const char* type = "Magnet";
  check_state_size(t, 6, type);
  const py::tuple process = state_item<py::tuple>(t, 3, type);
  check_state_size(process, 14, "Magnet process");
  constexpr const char* where = "Magnet process";
  process_parameters p;
  const std::string family = state_item<std::string>(process, 0, where);
  bool known = false;
  for (phase_family f : {phase_family::r2fe14b, phase_family::smco5, phase_family::sm2co17, phase_family::hexaferrite})
    if (to_string(f) == family) {
      p.family = f;
      known = true;
    }
  if (!known) throw domain_error("Magnet: the pickled state names an unknown family '" + family + "'");
  p.process = state_item<std::string>(process, 1, where);
  p.description = state_item<std::string>(process, 2, where);
  // the ranges the loader and Magnet.from_composition accept
  p.relative_density = state_number_in(process, 3, where, "relative_density", 0.1, 1.0);
  p.alignment = state_number_in(process, 4, where, "alignment", 0.5, 1.0);
  p.recoil_permeability = state_number_in(process, 5, where, "recoil_permeability", 1.0, 2.0);
  p.squareness = state_number_in(process, 6, where, "squareness", 0.01, 0.999);
  p.alpha_k = state_number_in(process, 7, where, "alpha_k", 0.0, 1.0);
  p.n_eff = state_number_in(process, 8, where, "n_eff", 0.0, 5.0);
  p.grain_boundary_rare_earth = state_number_in(process, 9, where, "grain_boundary_rare_earth", 0.0, 1.0);
  p.shell_volume_fraction = state_number_in(process, 10, where, "shell_volume_fraction", 0.0, 1.0);
  for (const auto& item : state_item<py::list>(process, 11, where)) {
    if (!py::isinstance<py::tuple>(item)) throw domain_error("Magnet: a pickled source must be a tuple");
    const auto entry = item.cast<py::tuple>();
    check_state_size(entry, 3, "Magnet source");
    const int level = state_item<int>(entry, 2, "Magnet source");
    if (level < 0 || level > 2) throw domain_error("Magnet: a pickled source's confidence must be 0, 1 or 2");
    p.sources[state_item<std::string>(entry, 0, "Magnet source")] = {state_item<std::string>(entry, 1, "Magnet source"),
                                                                    static_cast<confidence>(level)};
  }
  p.notes = state_item<std::vector<std::string>>(process, 12, where);
  p.activation_volume = state_number_in(process, 13, where, "activation_volume", 0.0, 1e-21);
  std::optional<datasheet_anchor> anchor;
  if (!t[5].is_none()) {
    const py::tuple a = state_item<py::tuple>(t, 5, type);
    constexpr const char* at = "Magnet datasheet";
    // 12 items: a state from before measured curves existed
    if (a.size() != 12) check_state_size(a, 13, at);
    const auto optional_number = [&](std::size_t i) -> std::optional<double> {
      if (a[i].is_none()) return std::nullopt;
      return state_number(a, i, at);
    };
    datasheet_anchor d;
    d.name = state_item<std::string>(a, 0, at);
    d.reference_temperature = from_kelvin(state_number(a, 1, at, 0.0));
    d.remanence = magnetic_polarization::from_value(state_number_in(a, 2, at, "remanence", 1e-6, 3.0));
    d.intrinsic_coercivity = magnetic_field_strength::from_value(state_number_in(a, 3, at, "intrinsic_coercivity", 0.0, 1e8));
    if (const auto v = optional_number(4)) d.normal_coercivity = magnetic_field_strength::from_value(*v);
    if (const auto v = optional_number(5)) d.max_energy_product = energy_density::from_value(*v);
    if (const auto v = optional_number(6)) d.remanence_coefficient = temperature_coefficient::from_value(*v);
    if (const auto v = optional_number(7)) d.intrinsic_coercivity_coefficient = temperature_coefficient::from_value(*v);
    d.coefficients_from = from_kelvin(state_number(a, 8, at, 0.0));
    d.coefficients_to = from_kelvin(state_number(a, 9, at, 0.0));
    if (const auto v = optional_number(10)) d.coercivity_coefficient_from = from_kelvin(*v);
    if (const auto v = optional_number(11)) d.coercivity_coefficient_to = from_kelvin(*v);
    if (a.size() == 13 && !a[12].is_none()) d.measured = measured_from_state(state_item<py::tuple>(a, 12, at));
    anchor = d;
  }
  return Magnet::from_parts(state_item<Composition>(t, 0, type), Phase::from_composition(state_item<Composition>(t, 1, type)),
                            Phase::from_composition(state_item<Composition>(t, 2, type)), p,
                            state_number(t, 4, type), anchor);
}

} // namespace

void register_magnet(py::module_& m) {
  py::class_<magnet_properties>(m, "MagnetProperties",
      "Extrinsic properties at one temperature, in SI: remanence (T), intrinsic_coercivity, "
      "normal_coercivity and knee_field (A/m, positive magnitudes), max_energy_product and "
      "max_energy_product_limit (J/m^3), recoil_permeability (relative). The repr adds kG, kOe, MGOe.")
      .def_property_readonly("temperature_C", [](const magnet_properties& p) { return to_celsius(p.temperature); })
      .def_property_readonly("remanence", [](const magnet_properties& p) { return p.remanence.value(); })
      .def_property_readonly("intrinsic_coercivity", [](const magnet_properties& p) { return p.intrinsic_coercivity.value(); })
      .def_property_readonly("normal_coercivity", [](const magnet_properties& p) { return p.normal_coercivity.value(); })
      .def_property_readonly("knee_field", [](const magnet_properties& p) { return p.knee_field.value(); })
      .def_property_readonly("max_energy_product", [](const magnet_properties& p) { return p.max_energy_product.value(); })
      .def_property_readonly("max_energy_product_limit",
                             [](const magnet_properties& p) { return p.max_energy_product_limit.value(); })
      .def_property_readonly("recoil_permeability", [](const magnet_properties& p) { return p.recoil_permeability; })
      .def("to_dict", [](const magnet_properties& p) {
            py::dict out;
            out["temperature_C"] = to_celsius(p.temperature);
            out["remanence"] = p.remanence.value();
            out["intrinsic_coercivity"] = p.intrinsic_coercivity.value();
            out["normal_coercivity"] = p.normal_coercivity.value();
            out["knee_field"] = p.knee_field.value();
            out["max_energy_product"] = p.max_energy_product.value();
            out["max_energy_product_limit"] = p.max_energy_product_limit.value();
            out["recoil_permeability"] = p.recoil_permeability;
            return out;
          }, "The values as a dict (SI units, temperature in degrees Celsius).")
      .def("__repr__", &properties_repr)
      .def(py::pickle(
          [](const magnet_properties& p) {
            return py::make_tuple(to_kelvin(p.temperature), p.remanence.value(), p.intrinsic_coercivity.value(),
                                  p.normal_coercivity.value(), p.knee_field.value(), p.max_energy_product.value(),
                                  p.max_energy_product_limit.value(), p.recoil_permeability);
          },
          [](const py::tuple& t) {
            constexpr const char* type = "MagnetProperties";
            check_state_size(t, 8, type);
            magnet_properties p;
            p.temperature = from_kelvin(state_number(t, 0, type, 0.0));
            p.remanence = magnetic_polarization::from_value(state_number(t, 1, type, 0.0));
            p.intrinsic_coercivity = magnetic_field_strength::from_value(state_number(t, 2, type, 0.0));
            p.normal_coercivity = magnetic_field_strength::from_value(state_number(t, 3, type, 0.0));
            p.knee_field = magnetic_field_strength::from_value(state_number(t, 4, type, 0.0));
            p.max_energy_product = energy_density::from_value(state_number(t, 5, type, 0.0));
            p.max_energy_product_limit = energy_density::from_value(state_number(t, 6, type, 0.0));
            p.recoil_permeability = state_number(t, 7, type, 1.0);
            // what a model gives: HcB and Hk at most HcJ, (BH)max within its limit
            if (p.normal_coercivity > p.intrinsic_coercivity || p.knee_field > p.intrinsic_coercivity ||
                p.max_energy_product > p.max_energy_product_limit)
              throw domain_error("MagnetProperties: the pickled state is inconsistent (HcB or Hk above HcJ, or "
                                 "(BH)max above its limit)");
            return p;
          }));

  py::class_<temperature_coefficients>(m, "TemperatureCoefficients",
      "Reversible temperature coefficients over an interval: remanence (alpha) and "
      "intrinsic_coercivity (beta) in 1/K (multiply by 100 for %/K).")
      .def_property_readonly("from_C", [](const temperature_coefficients& c) { return to_celsius(c.from); })
      .def_property_readonly("to_C", [](const temperature_coefficients& c) { return to_celsius(c.to); })
      .def_property_readonly("remanence", [](const temperature_coefficients& c) { return c.remanence.value(); })
      .def_property_readonly("intrinsic_coercivity",
                             [](const temperature_coefficients& c) { return c.intrinsic_coercivity.value(); })
      .def("__repr__", [](const temperature_coefficients& c) {
        return fmt::format("TemperatureCoefficients({:.1f} to {:.1f} degC: alpha(Br) = {:.4f} %/K, "
                           "beta(HcJ) = {:.4f} %/K)", to_celsius(c.from), to_celsius(c.to),
                           100.0 * c.remanence.value(), 100.0 * c.intrinsic_coercivity.value());
      })
      .def(py::pickle(
          [](const temperature_coefficients& c) {
            return py::make_tuple(to_kelvin(c.from), to_kelvin(c.to), c.remanence.value(), c.intrinsic_coercivity.value());
          },
          [](const py::tuple& t) {
            constexpr const char* type = "TemperatureCoefficients";
            check_state_size(t, 4, type);
            temperature_coefficients c;
            c.from = from_kelvin(state_number(t, 0, type, 0.0));
            c.to = from_kelvin(state_number(t, 1, type, 0.0));
            c.remanence = temperature_coefficient::from_value(state_number(t, 2, type));
            c.intrinsic_coercivity = temperature_coefficient::from_value(state_number(t, 3, type));
            return c;
          }));

  py::class_<demagnetization_curve>(m, "DemagnetizationCurve",
      "Samples of a demagnetization curve: H (A/m, from 0 down to -HcJ), B and J (T), NumPy arrays.")
      .def_readonly("H", &demagnetization_curve::field, "Internal field H in A/m (0 down to -HcJ).")
      .def_readonly("B", &demagnetization_curve::flux_density, "Flux density B in T.")
      .def_readonly("J", &demagnetization_curve::polarization, "Polarization J in T.")
      .def("__len__", [](const demagnetization_curve& c) { return static_cast<std::size_t>(c.field.size()); })
      .def("__repr__", [](const demagnetization_curve& c) {
        return fmt::format("DemagnetizationCurve({} points, H from 0 to {:.4g} A/m)", c.field.size(),
                           c.field.size() ? c.field(c.field.size() - 1) : 0.0);
      })
      .def(py::pickle(
          [](const demagnetization_curve& c) { return py::make_tuple(c.field, c.flux_density, c.polarization); },
          [](const py::tuple& t) {
            constexpr const char* type = "DemagnetizationCurve";
            check_state_size(t, 3, type);
            demagnetization_curve c;
            c.field = state_item<Eigen::ArrayXd>(t, 0, type);
            c.flux_density = state_item<Eigen::ArrayXd>(t, 1, type);
            c.polarization = state_item<Eigen::ArrayXd>(t, 2, type);
            if (c.field.size() != c.flux_density.size() || c.field.size() != c.polarization.size())
              throw domain_error("DemagnetizationCurve: the pickled arrays H, B and J differ in length");
            if (!c.field.isFinite().all() || !c.flux_density.isFinite().all() || !c.polarization.isFinite().all())
              throw domain_error("DemagnetizationCurve: the pickled arrays hold a value that is not finite");
            return c;
          }));

  py::class_<Magnet> cls(m, "Magnet",
      "A magnet made of a bulk composition by a process. Temperatures in degrees Celsius (float or "
      "array); results in SI (T, A/m, J/m^3).");
  cls.def_static("from_composition",
          [](py::handle composition, const std::string& process, std::optional<double> main_phase_fraction,
             std::optional<double> relative_density,
             std::optional<double> alignment, std::optional<double> recoil_permeability,
             std::optional<double> squareness, std::optional<double> alpha_k, std::optional<double> n_eff,
             std::optional<double> shell_volume_fraction, std::optional<double> activation_volume,
             std::optional<std::string> basis) {
            microstructure overrides{main_phase_fraction, relative_density, alignment, recoil_permeability, squareness,
                                     alpha_k, n_eff, shell_volume_fraction, activation_volume};
            return Magnet::from_composition(to_composition(composition, basis), process, overrides);
          },
          py::arg("composition"), py::arg("process") = "sintered", py::kw_only(),
          py::arg("main_phase_fraction") = py::none(), py::arg("relative_density") = py::none(), py::arg("alignment") = py::none(),
          py::arg("recoil_permeability") = py::none(), py::arg("squareness") = py::none(),
          py::arg("alpha_k") = py::none(), py::arg("n_eff") = py::none(),
          py::arg("shell_volume_fraction") = py::none(), py::arg("activation_volume") = py::none(),
          py::arg("basis") = py::none(),
          "A magnet from a composition (a Composition, a formula string, or a dict of mass percent "
          "such as {'Nd': 31.0, 'Fe': 68.0, 'B': 1.0}) and a process: 'sintered', "
          "'grain_boundary_diffused', 'hot_deformed', 'bonded' (NdFeB); 'sintered' (SmCo); "
          "'sintered_ferrite' (ferrite). Keyword arguments override the process defaults: "
          "main_phase_fraction (instead of the composition rule), relative_density, alignment (<cos theta>), recoil_permeability, squareness (Hk/HcJ), "
          "alpha_k and n_eff (Kronmüller), activation_volume (m^3, thermal activation 25 kB T / (Js v); 0 = none), "
          "shell_volume_fraction (grain-boundary diffusion). "
          "NdFeB: Dy, Tb, Pr, Ce, La go on the 2:14:1 site; the rare earth beyond the process's "
          "grain-boundary allowance and the main phase's share forms the grain-boundary phase. "
          "basis: how a formula string's subscripts are read, 'atomic' or 'mass' (percent); by default "
          "as atoms, with a CompositionWarning when the formula reads like a wt% alloy (Nd31Fe68B1).")
      .def_property_readonly("composition", &Magnet::composition)
      .def_property_readonly("main_phase", &Magnet::main_phase, "The main magnetic Phase.")
      .def_property_readonly("nucleation_phase", &Magnet::nucleation_phase,
          "The Phase where reversal nucleates: the diffused shell for grain-boundary-diffused magnets.")
      .def_property_readonly("name", &Magnet::name, "The grade name, or the composition's formula.")
      .def_property_readonly("family", [](const Magnet& g) { return std::string(g.family_name()); },
          "'ndfeb_sintered' (also grain-boundary diffused), 'ndfeb_hot_deformed', 'ndfeb_bonded', 'smco5', "
          "'sm2co17' or 'ferrite'; the phase family is main_phase.family.")
      .def_property_readonly("process", [](const Magnet& g) { return g.process().process; })
      .def_property_readonly("process_parameters", [](const Magnet& g) { return process_dict(g.process()); },
          "The process parameters in use, with their sources as {name: (key, confidence)}.")
      .def_property_readonly("density", [](const Magnet& g) { return g.density().value(); },
          "Mass density in kg/m^3: the main phase's x-ray density times the process's relative density.")
      .def_property_readonly("main_phase_fraction", &Magnet::main_phase_fraction,
          "Mass (and volume) fraction of the magnet that is main phase.")
      .def_property_readonly("curie_temperature_C", [](const Magnet& g) { return to_celsius(g.curie_temperature()); })
      .def("properties",
          [](const Magnet& g, celsius_arg temperature_C) {
            const magnet_properties p = g.properties(from_celsius(temperature_C));
            warn_if_extrapolated(g, g.is_extrapolated(from_celsius(temperature_C)));
            return p;
          },
          py::arg("temperature_C") = 20.0, "All extrinsic properties at one temperature (a MagnetProperties).")
      .def("remanence",
          [](const Magnet& g, py::handle t) {
            return map_celsius_warning(g, t, [&](thermodynamic_temperature k) { return g.remanence(k).value(); });
          },
          py::arg("temperature_C"), "Remanence Br in T.")
      .def("intrinsic_coercivity",
          [](const Magnet& g, py::handle t) {
            return map_celsius_warning(g, t, [&](thermodynamic_temperature k) { return g.intrinsic_coercivity(k).value(); });
          },
          py::arg("temperature_C"), "Intrinsic coercivity HcJ in A/m.")
      .def("normal_coercivity",
          [](const Magnet& g, py::handle t) {
            return map_celsius_warning(g, t, [&](thermodynamic_temperature k) { return g.normal_coercivity(k).value(); });
          },
          py::arg("temperature_C"), "Normal coercivity HcB in A/m.")
      .def("max_energy_product",
          [](const Magnet& g, py::handle t) {
            return map_celsius_warning(g, t, [&](thermodynamic_temperature k) { return g.max_energy_product(k).value(); });
          },
          py::arg("temperature_C"), "Maximum energy product (BH)max in J/m^3.")
      .def("demag_curve",
          [](const Magnet& g, celsius_arg temperature_C, std::size_t points) {
            demagnetization_curve curve = g.sample_demagnetization(from_celsius(temperature_C), points);
            warn_if_extrapolated(g, g.is_extrapolated(from_celsius(temperature_C)));
            return curve;
          },
          py::arg("temperature_C") = 20.0, py::arg("points") = 400,
          "The major demagnetization curve at temperature_C (degrees Celsius), sampled at `points` "
          "fields from 0 to -HcJ: a DemagnetizationCurve with H (A/m), B and J (T) arrays.")
      .def("curve_figures",
          [](const Magnet& g, celsius_arg temperature_C) {
            const demagnetization_model curve = g.demagnetization(from_celsius(temperature_C));
            warn_if_extrapolated(g, g.is_extrapolated(from_celsius(temperature_C)));
            py::dict out;
            out["remanence"] = curve.remanence().value();
            out["intrinsic_coercivity"] = curve.intrinsic_coercivity().value();
            out["normal_coercivity"] = curve.normal_coercivity().value();
            out["knee_field"] = curve.knee_field().value();
            out["max_energy_product"] = curve.max_energy_product().value();
            out["max_energy_product_field"] = curve.max_energy_product_field().value();
            return out;
          },
          py::arg("temperature_C") = 20.0,
          "HcB, HcJ, Hk, (BH)max and the field of (BH)max read off the demagnetization curve itself at "
          "temperature_C (dict, SI: T, A/m, J/m^3; fields as positive magnitudes except "
          "max_energy_product_field, the negative internal field). For a catalog grade these are the curve's "
          "values; properties() gives the datasheet's HcB and (BH)max at 20 degC.")
      .def("reversible_coefficients",
          [](const Magnet& g, celsius_arg from_C, celsius_arg to_C) {
            return g.reversible_coefficients(from_celsius(from_C), from_celsius(to_C));
          },
          py::arg("from_C") = 20.0, py::arg("to_C") = 150.0,
          "alpha(Br) and beta(HcJ) over [from_C, to_C] (degrees Celsius), in 1/K.")
      .def("__repr__", [](const Magnet& g) {
        return fmt::format("Magnet('{}', process='{}')", g.composition().formula(), g.process().process);
      })
      .def(py::pickle(&magnet_state, &magnet_from_state));

  m.def("process_names", [](const std::string& family) {
        for (phase_family f : {phase_family::r2fe14b, phase_family::smco5, phase_family::sm2co17,
                               phase_family::hexaferrite}) {
          if (to_string(f) == family) return process_names(f);
        }
        throw unknown_name_error("unknown family '" + family + "' (r2fe14b, smco5, sm2co17, hexaferrite)");
      },
      py::arg("family"), "Process names shipped for a phase family.");
}

} // namespace magmat::python
