// SI quantity types of magmat (Boost.Units, double), mu0, and Celsius/kelvin helpers.
#pragma once

#include <numbers>

#include <boost/units/absolute.hpp>
#include <boost/units/derived_dimension.hpp>
#include <boost/units/physical_dimensions/amount.hpp>
#include <boost/units/physical_dimensions/energy_density.hpp>
#include <boost/units/physical_dimensions/mass.hpp>
#include <boost/units/physical_dimensions/temperature.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/systems/si/amount.hpp>
#include <boost/units/systems/si/angular_velocity.hpp>
#include <boost/units/systems/si/area.hpp>
#include <boost/units/systems/si/dimensionless.hpp>
#include <boost/units/systems/si/length.hpp>
#include <boost/units/systems/si/magnetic_field_intensity.hpp>
#include <boost/units/systems/si/magnetic_flux_density.hpp>
#include <boost/units/systems/si/mass.hpp>
#include <boost/units/systems/si/mass_density.hpp>
#include <boost/units/systems/si/permeability.hpp>
#include <boost/units/systems/si/power.hpp>
#include <boost/units/systems/si/temperature.hpp>
#include <boost/units/systems/si/torque.hpp>
#include <boost/units/systems/si/volume.hpp>

namespace magmat {

/// Offset of the Celsius scale: 0 degC = 273.15 K exactly (SI Brochure, 9th ed., 2.3.1).
inline constexpr double zero_celsius_in_kelvin = 273.15;

// Boost.Units has no unit for energy density (it is the pressure unit) nor for molar mass
// or temperature coefficients; these are the units we name ourselves.

/// J/m^3 = kg m^-1 s^-2. The same Boost type as the pascal: Boost checks dimensions,
/// not kinds, so keep (BH)max in fields named as energy densities.
using energy_density_unit =
    boost::units::unit<boost::units::energy_density_dimension, boost::units::si::system>;

/// kg/mol.
using molar_mass_unit = boost::units::unit<
    boost::units::derived_dimension<boost::units::mass_base_dimension, 1,
                                    boost::units::amount_base_dimension, -1>::type,
    boost::units::si::system>;

/// 1/K: relative change per kelvin of temperature difference.
using per_kelvin_unit = boost::units::unit<
    boost::units::derived_dimension<boost::units::temperature_base_dimension, -1>::type,
    boost::units::si::system>;

/// Magnetic flux density B, in tesla (T).
using magnetic_flux_density = boost::units::quantity<boost::units::si::magnetic_flux_density>;
/// Magnetic polarization J = mu0 M, in tesla (T). The same type as magnetic_flux_density
/// (same dimension); the name says which quantity is meant (ISO 80000-6).
using magnetic_polarization = magnetic_flux_density;
/// Magnetic field strength H, in ampere per metre (A/m). Never tesla.
using magnetic_field_strength = boost::units::quantity<boost::units::si::magnetic_field_intensity>;
/// Magnetization M, in ampere per metre (A/m).
using magnetization = boost::units::quantity<boost::units::si::magnetic_field_intensity>;
/// Energy density, e.g. (BH)max or anisotropy constant K1, in joule per cubic metre (J/m^3).
using energy_density = boost::units::quantity<energy_density_unit>;
/// Absolute (thermodynamic) temperature, in kelvin (K); 0 is absolute zero.
using thermodynamic_temperature =
    boost::units::quantity<boost::units::absolute<boost::units::si::temperature>>;
/// Temperature difference, in kelvin (K); what a temperature coefficient multiplies.
using temperature_difference = boost::units::quantity<boost::units::si::temperature>;
/// Mass, in kilogram (kg).
using mass = boost::units::quantity<boost::units::si::mass>;
/// Length, in metre (m).
using length = boost::units::quantity<boost::units::si::length>;
/// Area, in square metre (m^2).
using area = boost::units::quantity<boost::units::si::area>;
/// Volume, in cubic metre (m^3).
using volume = boost::units::quantity<boost::units::si::volume>;
/// Mass density, in kilogram per cubic metre (kg/m^3).
using mass_density = boost::units::quantity<boost::units::si::mass_density>;
/// Molar mass, in kilogram per mole (kg/mol).
using molar_mass = boost::units::quantity<molar_mass_unit>;
/// Amount of substance, in mole (mol).
using amount_of_substance = boost::units::quantity<boost::units::si::amount>;
/// Torque, in newton metre (N m; Boost counts it per radian so torque x rad/s = W).
using torque = boost::units::quantity<boost::units::si::torque>;
/// Angular velocity, in radian per second (rad/s).
using angular_velocity = boost::units::quantity<boost::units::si::angular_velocity>;
/// Power, in watt (W).
using power = boost::units::quantity<boost::units::si::power>;
/// Dimensionless ratio, in 1 (not percent).
using dimensionless = boost::units::quantity<boost::units::si::dimensionless>;
/// Magnetic permeability, in henry per metre (H/m).
using permeability = boost::units::quantity<boost::units::si::permeability>;
/// Torque per volume, in newton metre per cubic metre (N m/m^3; per radian, like Boost's torque,
/// so it is a different type from energy_density although both are kg m^-1 s^-2). Motor torque
/// densities are quoted in N m/L: 1 N m/L = 1000 N m/m^3.
using torque_density_unit =
    boost::units::divide_typeof_helper<boost::units::si::torque, boost::units::si::volume>::type;
/// Torque density (see torque_density_unit), in newton metre per cubic metre (N m/m^3).
using torque_density = boost::units::quantity<torque_density_unit>;
/// Temperature coefficient, e.g. alpha(Br) or beta(HcJ), in per kelvin (1/K).
/// A datasheet value in %/K is 0.01 times this: -0.12 %/K is -0.0012 /K.
using temperature_coefficient = boost::units::quantity<per_kelvin_unit>;

/// Vacuum magnetic permeability mu0 in H/m, as a plain double.
/// CODATA 2018 recommended value, 1.25663706212(19)e-6 N A^-2 (NIST, physics.nist.gov/cuu).
inline constexpr double vacuum_permeability_h_per_m = 1.25663706212e-6;

/// Vacuum magnetic permeability mu0, in henry per metre (H/m); CODATA 2018 (see above).
inline constexpr permeability vacuum_permeability =
    permeability::from_value(vacuum_permeability_h_per_m);

/// Radian per second per revolution per minute: 1 rpm = 2 pi rad / 60 s (exact).
inline constexpr double radian_per_second_per_rpm = 2.0 * std::numbers::pi / 60.0;

/// Cubic metre per litre: 1 L = 1 dm^3 = 1e-3 m^3 exactly (SI Brochure, 9th ed., Table 8).
inline constexpr double cubic_metre_per_litre = 1e-3;

/// Absolute temperature from kelvin (K).
constexpr thermodynamic_temperature from_kelvin(double kelvin) {
  return thermodynamic_temperature::from_value(kelvin);
}

/// Value in kelvin (K) of an absolute temperature.
constexpr double to_kelvin(thermodynamic_temperature t) { return t.value(); }

/// Absolute temperature from degrees Celsius (degC): 20 degC is 293.15 K. Only for
/// temperatures, never for differences (a difference of 1 degC is 1 K).
constexpr thermodynamic_temperature from_celsius(double degrees_celsius) {
  return from_kelvin(degrees_celsius + zero_celsius_in_kelvin);
}

/// Value in degrees Celsius (degC) of an absolute temperature.
constexpr double to_celsius(thermodynamic_temperature t) {
  return to_kelvin(t) - zero_celsius_in_kelvin;
}

/// Angular velocity from revolutions per minute (rpm), stored in rad/s.
constexpr angular_velocity from_rpm(double rpm) {
  return angular_velocity::from_value(rpm * radian_per_second_per_rpm);
}

/// Value in revolutions per minute (rpm) of an angular velocity.
constexpr double to_rpm(angular_velocity w) { return w.value() / radian_per_second_per_rpm; }

/// Torque density from newton metre per litre (N m/L), stored in N m/m^3.
constexpr torque_density from_newton_metre_per_litre(double newton_metre_per_litre) {
  return torque_density::from_value(newton_metre_per_litre / cubic_metre_per_litre);
}

/// Value in newton metre per litre (N m/L) of a torque density.
constexpr double to_newton_metre_per_litre(torque_density d) { return d.value() * cubic_metre_per_litre; }

} // namespace magmat

// Literals (and with them the CGS units and pi/four_pi) come with the quantity types.
#include <magmat/units/literals.hpp>
