// The programme's magnet criteria and motor target, and the first-order sizing relations (policy.hpp).
#include <magmat/errors.hpp>
#include <magmat/policy.hpp>

#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <string_view>

namespace magmat {
namespace {

bool meets(double value, double threshold) { return policy_meets(value, threshold); }

void require(bool ok, std::string_view argument, double value, std::string_view unit, std::string_view rule) {
  if (!ok) throw domain_error(fmt::format("{} must be {}, got {} {}", argument, rule, value, unit));
}

void require_non_negative(std::string_view argument, double value, std::string_view unit) {
  require(std::isfinite(value) && value >= 0.0, argument, value, unit, "finite and >= 0");
}

void require_positive(std::string_view argument, double value, std::string_view unit) {
  require(std::isfinite(value) && value > 0.0, argument, value, unit, "finite and > 0");
}

} // namespace

policy_check check_policy(const Magnet& magnet, thermodynamic_temperature temperature) {
  const magnet_properties p = magnet.properties(temperature);
  policy_check c;
  c.name = magnet.name();
  c.family = std::string(magnet.family_name());
  c.temperature = temperature;
  c.max_energy_product = p.max_energy_product;
  c.intrinsic_coercivity = p.intrinsic_coercivity;
  c.max_energy_product_margin = p.max_energy_product - policy_min_max_energy_product;
  c.coercivity_margin = p.intrinsic_coercivity - policy_min_intrinsic_coercivity;
  c.max_energy_product_ok = meets(p.max_energy_product.value(), policy_min_max_energy_product.value());
  c.coercivity_ok = meets(p.intrinsic_coercivity.value(), policy_min_intrinsic_coercivity.value());
  c.passes = c.max_energy_product_ok && c.coercivity_ok;
  c.smco_eligible = c.family == "smco5" || c.family == "sm2co17";
  const bool ndfeb = c.family.starts_with("ndfeb");
  c.eligible = c.smco_eligible || (ndfeb && c.passes);
  return c;
}

motor_check check_motor(angular_velocity rated_speed, torque rated_torque, volume active_volume) {
  require_non_negative("rated_speed", rated_speed.value(), "rad/s");
  require_non_negative("rated_torque", rated_torque.value(), "N m");
  require_positive("active_volume", active_volume.value(), "m^3");
  motor_check c;
  c.rated_speed = rated_speed;
  c.rated_torque = rated_torque;
  c.active_volume = active_volume;
  c.torque_per_volume = rated_torque / active_volume;
  c.speed_ok = meets(rated_speed.value(), policy_min_rated_speed.value());
  c.torque_density_ok = meets(c.torque_per_volume.value(), policy_min_torque_density.value());
  c.passes = c.speed_ok && c.torque_density_ok;
  c.speed_margin = rated_speed - policy_min_rated_speed;
  c.torque_density_margin = c.torque_per_volume - policy_min_torque_density;
  return c;
}

magnetic_flux_density air_gap_flux_density(const Magnet& magnet, thermodynamic_temperature temperature,
                                           length magnet_thickness, length air_gap) {
  require_positive("magnet_thickness", magnet_thickness.value(), "m");
  require_non_negative("air_gap", air_gap.value(), "m");
  const magnet_properties p = magnet.properties(temperature);
  const double t_m = magnet_thickness.value(), g = air_gap.value();
  return p.remanence * (t_m / (t_m + p.recoil_permeability * g));
}

torque_density torque_per_rotor_volume(magnetic_flux_density fundamental_flux_density, electric_loading loading) {
  require_non_negative("air_gap_flux_density", fundamental_flux_density.value(), "T");
  require_non_negative("electric_loading", loading.value(), "A/m");
  // sqrt(2) B1 A: T x A/m = N/m^2 = N m/m^3 (per radian of the torque unit)
  return torque_density::from_value(std::numbers::sqrt2 * fundamental_flux_density.value() * loading.value());
}

magnetic_flux_density fundamental_flux_density(magnetic_flux_density flux_density, double pole_arc_fraction) {
  require_non_negative("flux_density", flux_density.value(), "T");
  require(std::isfinite(pole_arc_fraction) && pole_arc_fraction > 0.0 && pole_arc_fraction <= 1.0,
          "pole_arc_fraction", pole_arc_fraction, "", "in (0, 1]");
  return flux_density * (4.0 / std::numbers::pi * std::sin(pole_arc_fraction * std::numbers::pi / 2.0));
}

torque_density_estimate estimate_torque_density(const Magnet& magnet, thermodynamic_temperature temperature,
                                                length magnet_thickness, length air_gap, electric_loading loading,
                                                double pole_arc_fraction, double rotor_volume_fraction) {
  require_non_negative("electric_loading", loading.value(), "A/m");
  require(std::isfinite(rotor_volume_fraction) && rotor_volume_fraction > 0.0 && rotor_volume_fraction <= 1.0,
          "rotor_volume_fraction", rotor_volume_fraction, "", "in (0, 1]");
  torque_density_estimate e;
  e.air_gap_flux_density = air_gap_flux_density(magnet, temperature, magnet_thickness, air_gap);
  e.fundamental_flux_density = fundamental_flux_density(e.air_gap_flux_density, pole_arc_fraction);
  e.per_rotor_volume = torque_per_rotor_volume(e.fundamental_flux_density, loading);
  e.per_active_volume = e.per_rotor_volume * rotor_volume_fraction;
  return e;
}

} // namespace magmat
