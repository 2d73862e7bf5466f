// Python bindings of policy.hpp: the programme's magnet criteria and motor target, and the
// first-order sizing estimates (SI floats, except rpm, N m/L and litres where the programme
// states its numbers in them, and temperatures in degrees Celsius).
#include "pybind.hpp"
#include "quantity_arg.hpp"
#include "state_arg.hpp"

#include <magmat/errors.hpp>
#include <magmat/policy.hpp>

#include <fmt/format.h>

#include <cmath>
#include <string_view>

namespace magmat::python {
namespace {

length metres(double value) { return length::from_value(value); }

// Checks a Python argument so the error names it as the caller wrote it (units as given).
void require(bool ok, std::string_view argument, double value, std::string_view unit, std::string_view rule) {
  if (!ok) throw domain_error(fmt::format("{} must be {}, got {} {}", argument, rule, value, unit));
}

const char* boolean(bool b) { return b ? "True" : "False"; }

py::dict policy_margins(const policy_check& c) {
  py::dict out;
  out["max_energy_product"] = c.max_energy_product_margin.value();
  out["intrinsic_coercivity"] = c.coercivity_margin.value();
  return out;
}

py::dict motor_margins(const motor_check& c) {
  py::dict out;
  out["rated_speed_rpm"] = to_rpm(c.speed_margin);
  out["torque_density"] = to_newton_metre_per_litre(c.torque_density_margin);
  return out;
}

} // namespace

void register_policy(py::module_& m) {
  py::dict thresholds;
  thresholds["max_energy_product"] = policy_min_max_energy_product.value();
  thresholds["intrinsic_coercivity"] = policy_min_intrinsic_coercivity.value();
  thresholds["temperature_C"] = to_celsius(policy_room_temperature);
  thresholds["rated_speed_rpm"] = to_rpm(policy_min_rated_speed);
  thresholds["torque_density"] = to_newton_metre_per_litre(policy_min_torque_density);
  m.attr("POLICY_THRESHOLDS") = thresholds;

  py::class_<policy_check>(m, "PolicyCheck",
      "The programme's magnet criteria (METI 2025, Ch. 3 Sec. 2) for one magnet: passes is the numeric "
      "criterion ((BH)max >= 150 kJ/m^3 and HcJ >= 800 kA/m at temperature_C) for any family; smco_eligible "
      "marks SmCo5/Sm2Co17, eligible by rule; eligible is the whole rule (SmCo, or NdFeB that passes).")
      .def_property_readonly("name", [](const policy_check& c) { return c.name; })
      .def_property_readonly("family", [](const policy_check& c) { return c.family; })
      .def_property_readonly("temperature_C", [](const policy_check& c) { return to_celsius(c.temperature); })
      .def_property_readonly("passes", [](const policy_check& c) { return c.passes; })
      .def_property_readonly("max_energy_product_ok", [](const policy_check& c) { return c.max_energy_product_ok; })
      .def_property_readonly("coercivity_ok", [](const policy_check& c) { return c.coercivity_ok; })
      .def_property_readonly("smco_eligible", [](const policy_check& c) { return c.smco_eligible; })
      .def_property_readonly("eligible", [](const policy_check& c) { return c.eligible; })
      .def_property_readonly("max_energy_product", [](const policy_check& c) { return c.max_energy_product.value(); })
      .def_property_readonly("intrinsic_coercivity", [](const policy_check& c) { return c.intrinsic_coercivity.value(); })
      .def_property_readonly("margins", &policy_margins)
      .def("__repr__", [](const policy_check& c) {
        return fmt::format("PolicyCheck('{}', family='{}', temperature_C={:.2f}, passes={}, "
                           "(BH)max={:.1f} kJ/m^3 (margin {:+.1f}), HcJ={:.1f} kA/m (margin {:+.1f}), "
                           "smco_eligible={}, eligible={})",
                           c.name, c.family, to_celsius(c.temperature), boolean(c.passes),
                           c.max_energy_product.value() / 1e3, c.max_energy_product_margin.value() / 1e3,
                           c.intrinsic_coercivity.value() / 1e3, c.coercivity_margin.value() / 1e3,
                           boolean(c.smco_eligible), boolean(c.eligible));
      })
      .def(py::pickle(
          [](const policy_check& c) {
            return py::make_tuple(c.name, c.family, to_kelvin(c.temperature), c.passes, c.max_energy_product_ok,
                                  c.coercivity_ok, c.smco_eligible, c.eligible, c.max_energy_product.value(),
                                  c.intrinsic_coercivity.value(), c.max_energy_product_margin.value(),
                                  c.coercivity_margin.value());
          },
          [](const py::tuple& t) {
            constexpr const char* type = "PolicyCheck";
            check_state_size(t, 12, type);
            policy_check c;
            c.name = state_item<std::string>(t, 0, type);
            c.family = state_item<std::string>(t, 1, type);
            c.temperature = from_kelvin(state_number(t, 2, type, 0.0));
            c.passes = state_item<bool>(t, 3, type);
            c.max_energy_product_ok = state_item<bool>(t, 4, type);
            c.coercivity_ok = state_item<bool>(t, 5, type);
            c.smco_eligible = state_item<bool>(t, 6, type);
            c.eligible = state_item<bool>(t, 7, type);
            c.max_energy_product = energy_density::from_value(state_number(t, 8, type, 0.0));
            c.intrinsic_coercivity = magnetic_field_strength::from_value(state_number(t, 9, type, 0.0));
            c.max_energy_product_margin = energy_density::from_value(state_number(t, 10, type));
            c.coercivity_margin = magnetic_field_strength::from_value(state_number(t, 11, type));
            return c;
          }));

  py::class_<motor_check>(m, "MotorCheck",
      "The programme's motor target (METI 2025, Ch. 2 Sec. 2 (3)) for a stated motor: rated speed >= 10,000 rpm "
      "and torque density >= 50 Nm/L.")
      .def_property_readonly("passes", [](const motor_check& c) { return c.passes; })
      .def_property_readonly("speed_ok", [](const motor_check& c) { return c.speed_ok; })
      .def_property_readonly("torque_density_ok", [](const motor_check& c) { return c.torque_density_ok; })
      .def_property_readonly("torque_density",
                             [](const motor_check& c) { return to_newton_metre_per_litre(c.torque_per_volume); })
      .def_property_readonly("rated_speed_rpm", [](const motor_check& c) { return to_rpm(c.rated_speed); })
      .def_property_readonly("torque_Nm", [](const motor_check& c) { return c.rated_torque.value(); })
      .def_property_readonly("active_volume_L",
                             [](const motor_check& c) { return c.active_volume.value() / cubic_metre_per_litre; })
      .def_property_readonly("margins", &motor_margins)
      .def("__repr__", [](const motor_check& c) {
        return fmt::format("MotorCheck(rated_speed_rpm={:.6g}, torque_density={:.4g} Nm/L, passes={}, speed_ok={}, "
                           "torque_density_ok={})",
                           to_rpm(c.rated_speed), to_newton_metre_per_litre(c.torque_per_volume), boolean(c.passes),
                           boolean(c.speed_ok), boolean(c.torque_density_ok));
      })
      // a motor check is a function of its three inputs: recompute it
      .def(py::pickle(
          [](const motor_check& c) {
            return py::make_tuple(c.rated_speed.value(), c.rated_torque.value(), c.active_volume.value());
          },
          [](const py::tuple& t) {
            check_state_size(t, 3, "MotorCheck");
            return check_motor(angular_velocity::from_value(state_number(t, 0, "MotorCheck")),
                               torque::from_value(state_number(t, 1, "MotorCheck")),
                               volume::from_value(state_number(t, 2, "MotorCheck")));
          }));

  py::class_<torque_density_estimate>(m, "TorqueDensityEstimate",
      "A first-order estimate (not a motor design) of a surface-magnet machine's torque density: "
      "air_gap_flux_density and fundamental_flux_density in T, torque_per_rotor_volume in Nm/m^3, "
      "torque_density in Nm/L of the volume rotor_volume_fraction refers to.")
      .def_property_readonly("air_gap_flux_density",
                             [](const torque_density_estimate& e) { return e.air_gap_flux_density.value(); })
      .def_property_readonly("fundamental_flux_density",
                             [](const torque_density_estimate& e) { return e.fundamental_flux_density.value(); })
      .def_property_readonly("torque_per_rotor_volume",
                             [](const torque_density_estimate& e) { return e.per_rotor_volume.value(); })
      .def_property_readonly("torque_density",
                             [](const torque_density_estimate& e) { return to_newton_metre_per_litre(e.per_active_volume); })
      .def("__repr__", [](const torque_density_estimate& e) {
        return fmt::format("TorqueDensityEstimate(first-order estimate: B_gap={:.4g} T, B1={:.4g} T, "
                           "torque_per_rotor_volume={:.4g} Nm/m^3, torque_density={:.4g} Nm/L)",
                           e.air_gap_flux_density.value(), e.fundamental_flux_density.value(),
                           e.per_rotor_volume.value(), to_newton_metre_per_litre(e.per_active_volume));
      })
      .def(py::pickle(
          [](const torque_density_estimate& e) {
            return py::make_tuple(e.air_gap_flux_density.value(), e.fundamental_flux_density.value(),
                                  e.per_rotor_volume.value(), e.per_active_volume.value());
          },
          [](const py::tuple& t) {
            constexpr const char* type = "TorqueDensityEstimate";
            check_state_size(t, 4, type);
            torque_density_estimate e;
            e.air_gap_flux_density = magnetic_flux_density::from_value(state_number(t, 0, type, 0.0));
            e.fundamental_flux_density = magnetic_flux_density::from_value(state_number(t, 1, type, 0.0));
            e.per_rotor_volume = torque_density::from_value(state_number(t, 2, type, 0.0));
            e.per_active_volume = torque_density::from_value(state_number(t, 3, type, 0.0));
            return e;
          }));

  m.def("check_policy",
        [](const Magnet& magnet, celsius_arg temperature_C) { return check_policy(magnet, from_celsius(temperature_C)); },
        py::arg("magnet"), py::arg("temperature_C") = 20.0,
        "The programme's magnet criteria for `magnet` at temperature_C (degrees Celsius; the criteria are stated "
        "at room temperature, 20 degC): (BH)max >= 150 kJ/m^3 and HcJ >= 800 kA/m. Returns a PolicyCheck; "
        "margins are value minus threshold in J/m^3 and A/m.");

  m.def("check_motor",
        [](double rated_speed_rpm, double torque_Nm, double active_volume_L) {
          require(std::isfinite(rated_speed_rpm) && rated_speed_rpm >= 0.0, "rated_speed_rpm", rated_speed_rpm, "rpm",
                  "finite and >= 0");
          require(std::isfinite(torque_Nm) && torque_Nm >= 0.0, "torque_Nm", torque_Nm, "N m", "finite and >= 0");
          require(std::isfinite(active_volume_L) && active_volume_L > 0.0, "active_volume_L", active_volume_L, "L",
                  "finite and > 0");
          return check_motor(from_rpm(rated_speed_rpm), torque::from_value(torque_Nm),
                             volume::from_value(active_volume_L * cubic_metre_per_litre));
        },
        py::kw_only(), py::arg("rated_speed_rpm"), py::arg("torque_Nm"), py::arg("active_volume_L"),
        "The programme's motor target: rated_speed_rpm >= 10,000 and torque_Nm / active_volume_L >= 50 Nm/L "
        "(the document does not define the volume; state which one you pass). Returns a MotorCheck.");

  m.def("air_gap_flux_density",
        [](const Magnet& magnet, length_arg magnet_thickness, length_arg air_gap, celsius_arg temperature_C) {
          return air_gap_flux_density(magnet, from_celsius(temperature_C), metres(magnet_thickness), metres(air_gap))
              .value();
        },
        py::arg("magnet"), py::kw_only(), py::arg("magnet_thickness"), py::arg("air_gap"),
        py::arg("temperature_C") = 20.0,
        "First-order estimate of the air-gap flux density (T) of a surface-mounted magnet: "
        "Br(T) t_m / (t_m + mu_rec g), magnet and gap in series between ideal iron, no leakage, no slotting, "
        "no armature reaction. magnet_thickness (> 0) and air_gap (>= 0) in metres.");

  m.def("torque_per_rotor_volume",
        [](double air_gap_flux_density, double electric_loading) {
          return torque_per_rotor_volume(magnetic_flux_density::from_value(air_gap_flux_density),
                                         magmat::electric_loading::from_value(electric_loading))
              .value();
        },
        py::kw_only(), py::arg("air_gap_flux_density"), py::arg("electric_loading"),
        "First-order estimate of the torque per rotor volume in Nm/m^3 (SI; divide by 1000 for Nm/L): "
        "2 sigma with sigma = B1 A / sqrt(2), for air_gap_flux_density the peak B1 (T) of the sinusoidal gap "
        "flux density and electric_loading the rms linear current density A (A/m, winding factor included).");

  m.def("estimate_torque_density",
        [](const Magnet& magnet, length_arg magnet_thickness, length_arg air_gap, double electric_loading,
           double pole_arc_fraction, double rotor_volume_fraction, celsius_arg temperature_C) {
          return estimate_torque_density(magnet, from_celsius(temperature_C), metres(magnet_thickness),
                                         metres(air_gap), magmat::electric_loading::from_value(electric_loading),
                                         pole_arc_fraction, rotor_volume_fraction);
        },
        py::arg("magnet"), py::kw_only(), py::arg("magnet_thickness"), py::arg("air_gap"),
        py::arg("electric_loading"), py::arg("pole_arc_fraction") = 1.0, py::arg("rotor_volume_fraction") = 1.0,
        py::arg("temperature_C") = 20.0,
        "First-order estimate of a surface-magnet machine's torque density: air_gap_flux_density, its fundamental "
        "(4/pi) B_g sin(pole_arc_fraction pi/2), torque_per_rotor_volume with electric_loading (A/m rms), times "
        "rotor_volume_fraction (rotor volume over the quoted volume, e.g. the split ratio squared; 1 = per rotor "
        "volume). Metres in. Returns a TorqueDensityEstimate. Not a motor design.");
}

} // namespace magmat::python
