// Python bindings of phases.hpp: the intrinsic model of a magnetic phase.
#include "pybind.hpp"
#include "temperature_arg.hpp"

#include <magmat/phases.hpp>

#include <fmt/format.h>

namespace magmat::python {

void register_phases(py::module_& m) {
  py::class_<Phase> cls(m, "Phase",
      "Intrinsic properties of one magnetic phase (R2Fe14B with a mixed rare-earth site, SmCo5, "
      "Sm2Co17, Sm(Co,Fe,Cu,Zr)z, M-type hexaferrites) at any temperature. Temperatures are in "
      "degrees Celsius (float or array); results in SI: T, A/m, J/m^3, kg/m^3.");
  cls.def_property_readonly("formula", &Phase::formula, "The phase's formula.")
      .def_property_readonly("family", [](const Phase& p) { return std::string(to_string(p.family())); },
          "'r2fe14b', 'smco5', 'sm2co17' or 'hexaferrite'.")
      .def_property_readonly("composition", &Phase::composition, "The Composition of one formula unit.")
      .def_property_readonly("members", [](const Phase& p) {
            py::list out;
            for (const auto& member : p.members()) out.append(py::make_tuple(member.record->id, member.fraction));
            return out;
          },
          "End-member phases and their shares of the mixed site, as (id, fraction) pairs.")
      .def_property_readonly("curie_temperature_C", [](const Phase& p) { return to_celsius(p.curie_temperature()); },
          "Curie temperature in degrees Celsius.")
      .def_property_readonly("curie_temperature_K", [](const Phase& p) { return to_kelvin(p.curie_temperature()); },
          "Curie temperature in kelvin.")
      .def_property_readonly("density", [](const Phase& p) { return p.density().value(); },
          "X-ray density in kg/m^3.")
      .def_property_readonly("min_temperature_C", [](const Phase& p) { return to_celsius(p.min_temperature()); },
          "Lowest temperature (degrees Celsius) where the data hold.")
      .def_property_readonly("max_temperature_C", [](const Phase& p) { return to_celsius(p.max_temperature()); },
          "Highest temperature (degrees Celsius) where the data hold.")
      .def("saturation_polarization",
          [](const Phase& p, py::handle t) {
            return map_celsius(t, [&](thermodynamic_temperature k) { return p.saturation_polarization(k).value(); });
          },
          py::arg("temperature_C"), "Saturation polarization Js = mu0 Ms in T.")
      .def("saturation_magnetization",
          [](const Phase& p, py::handle t) {
            return map_celsius(t, [&](thermodynamic_temperature k) { return p.saturation_magnetization(k).value(); });
          },
          py::arg("temperature_C"), "Spontaneous magnetization Ms in A/m.")
      .def("anisotropy_field",
          [](const Phase& p, py::handle t) {
            return map_celsius(t, [&](thermodynamic_temperature k) { return p.anisotropy_field(k).value(); });
          },
          py::arg("temperature_C"), "Anisotropy field HA in A/m (mu0*HA in T is 4e-7*pi times it).")
      .def("anisotropy_energy_density",
          [](const Phase& p, py::handle t) {
            return map_celsius(t, [&](thermodynamic_temperature k) { return p.anisotropy_energy_density(k).value(); });
          },
          py::arg("temperature_C"), "Effective anisotropy energy density K = Js HA / 2 in J/m^3.")
      .def("max_energy_product_limit",
          [](const Phase& p, py::handle t) {
            return map_celsius(t, [&](thermodynamic_temperature k) { return p.max_energy_product_limit(k).value(); });
          },
          py::arg("temperature_C"), "Theoretical limit Js^2/(4 mu0) of the energy product, J/m^3.")
      .def("__repr__", [](const Phase& p) { return fmt::format("Phase('{}')", p.formula()); })
      .def(py::pickle([](const Phase& p) { return p.composition(); },
                      [](const Composition& c) { return Phase::from_composition(c); }));

  m.def("phase", &Phase::from_formula, py::arg("formula"),
        "The phase model for a formula: 'Nd2Fe14B', '(Nd0.8Dy0.2)2Fe14B', 'SmCo5', 'Sm2Co17', "
        "'Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5', 'SrFe12O19', 'BaFe12O19', 'Sr0.8La0.2Fe11.8Co0.2O19'. "
        "A composition without data raises DomainError (a ValueError) saying why.");
  m.def("phase_ids", &phase_ids, "Ids of the shipped end-member phase records.");
}

} // namespace magmat::python
