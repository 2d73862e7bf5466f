// User-defined literals for magmat quantities; each returns the SI type, converting CGS input.
#pragma once

#include <magmat/units.hpp>
#include <magmat/units/cgs_magnetic.hpp>

namespace magmat::literals {

namespace detail {
// value x (SI units per unit of the literal), stored in the SI quantity Q.
template <class Q>
constexpr Q make(long double value, double si_per_unit) {
  return Q::from_value(static_cast<double>(value) * si_per_unit);
}
template <class Q>
constexpr Q make(unsigned long long value, double si_per_unit) {
  return Q::from_value(static_cast<double>(value) * si_per_unit);
}
} // namespace detail

// Magnetic flux density and polarization, stored in tesla (T).
/// tesla (T)
constexpr magnetic_flux_density operator""_T(long double v) {
  return detail::make<magnetic_flux_density>(v, 1.0);
}
constexpr magnetic_flux_density operator""_T(unsigned long long v) {
  return detail::make<magnetic_flux_density>(v, 1.0);
}
/// millitesla (mT)
constexpr magnetic_flux_density operator""_mT(long double v) {
  return detail::make<magnetic_flux_density>(v, 1e-3);
}
constexpr magnetic_flux_density operator""_mT(unsigned long long v) {
  return detail::make<magnetic_flux_density>(v, 1e-3);
}
/// gauss (G) = 1e-4 T
constexpr magnetic_flux_density operator""_G(long double v) {
  return detail::make<magnetic_flux_density>(v, cgs::tesla_per_gauss);
}
constexpr magnetic_flux_density operator""_G(unsigned long long v) {
  return detail::make<magnetic_flux_density>(v, cgs::tesla_per_gauss);
}
/// kilogauss (kG) = 0.1 T
constexpr magnetic_flux_density operator""_kG(long double v) {
  return detail::make<magnetic_flux_density>(v, 1e3 * cgs::tesla_per_gauss);
}
constexpr magnetic_flux_density operator""_kG(unsigned long long v) {
  return detail::make<magnetic_flux_density>(v, 1e3 * cgs::tesla_per_gauss);
}

// Magnetic field strength (and magnetization), stored in ampere per metre (A/m).
/// ampere per metre (A/m)
constexpr magnetic_field_strength operator""_A_per_m(long double v) {
  return detail::make<magnetic_field_strength>(v, 1.0);
}
constexpr magnetic_field_strength operator""_A_per_m(unsigned long long v) {
  return detail::make<magnetic_field_strength>(v, 1.0);
}
/// kiloampere per metre (kA/m)
constexpr magnetic_field_strength operator""_kA_per_m(long double v) {
  return detail::make<magnetic_field_strength>(v, 1e3);
}
constexpr magnetic_field_strength operator""_kA_per_m(unsigned long long v) {
  return detail::make<magnetic_field_strength>(v, 1e3);
}
/// megaampere per metre (MA/m)
constexpr magnetic_field_strength operator""_MA_per_m(long double v) {
  return detail::make<magnetic_field_strength>(v, 1e6);
}
constexpr magnetic_field_strength operator""_MA_per_m(unsigned long long v) {
  return detail::make<magnetic_field_strength>(v, 1e6);
}
/// oersted (Oe) = 1000/(4 pi) A/m
constexpr magnetic_field_strength operator""_Oe(long double v) {
  return detail::make<magnetic_field_strength>(v, cgs::ampere_per_metre_per_oersted);
}
constexpr magnetic_field_strength operator""_Oe(unsigned long long v) {
  return detail::make<magnetic_field_strength>(v, cgs::ampere_per_metre_per_oersted);
}
/// kilooersted (kOe) = 1e6/(4 pi) A/m = 79.577 kA/m
constexpr magnetic_field_strength operator""_kOe(long double v) {
  return detail::make<magnetic_field_strength>(v, 1e3 * cgs::ampere_per_metre_per_oersted);
}
constexpr magnetic_field_strength operator""_kOe(unsigned long long v) {
  return detail::make<magnetic_field_strength>(v, 1e3 * cgs::ampere_per_metre_per_oersted);
}

// Energy density, stored in joule per cubic metre (J/m^3).
/// joule per cubic metre (J/m^3)
constexpr energy_density operator""_J_per_m3(long double v) {
  return detail::make<energy_density>(v, 1.0);
}
constexpr energy_density operator""_J_per_m3(unsigned long long v) {
  return detail::make<energy_density>(v, 1.0);
}
/// kilojoule per cubic metre (kJ/m^3)
constexpr energy_density operator""_kJ_per_m3(long double v) {
  return detail::make<energy_density>(v, 1e3);
}
constexpr energy_density operator""_kJ_per_m3(unsigned long long v) {
  return detail::make<energy_density>(v, 1e3);
}
/// megajoule per cubic metre (MJ/m^3)
constexpr energy_density operator""_MJ_per_m3(long double v) {
  return detail::make<energy_density>(v, 1e6);
}
constexpr energy_density operator""_MJ_per_m3(unsigned long long v) {
  return detail::make<energy_density>(v, 1e6);
}
/// mega-gauss-oersted (MGOe) = 1e5/(4 pi) J/m^3
constexpr energy_density operator""_MGOe(long double v) {
  return detail::make<energy_density>(v, cgs::joule_per_cubic_metre_per_mgoe);
}
constexpr energy_density operator""_MGOe(unsigned long long v) {
  return detail::make<energy_density>(v, cgs::joule_per_cubic_metre_per_mgoe);
}

// Temperatures: absolute (K, degC) and differences (delta_K), all stored in kelvin.
/// absolute temperature in kelvin (K)
constexpr thermodynamic_temperature operator""_K(long double v) {
  return from_kelvin(static_cast<double>(v));
}
constexpr thermodynamic_temperature operator""_K(unsigned long long v) {
  return from_kelvin(static_cast<double>(v));
}
/// absolute temperature in degrees Celsius (degC), stored in K: 20_degC is 293.15 K
constexpr thermodynamic_temperature operator""_degC(long double v) {
  return from_celsius(static_cast<double>(v));
}
constexpr thermodynamic_temperature operator""_degC(unsigned long long v) {
  return from_celsius(static_cast<double>(v));
}
/// temperature difference in kelvin (K), equal to the same number of degC of difference
constexpr temperature_difference operator""_delta_K(long double v) {
  return detail::make<temperature_difference>(v, 1.0);
}
constexpr temperature_difference operator""_delta_K(unsigned long long v) {
  return detail::make<temperature_difference>(v, 1.0);
}

// Mass, length, volume and density, stored in kg, m, m^3, kg/m^3.
/// kilogram (kg)
constexpr mass operator""_kg(long double v) { return detail::make<mass>(v, 1.0); }
constexpr mass operator""_kg(unsigned long long v) { return detail::make<mass>(v, 1.0); }
/// gram (g)
constexpr mass operator""_g(long double v) { return detail::make<mass>(v, 1e-3); }
constexpr mass operator""_g(unsigned long long v) { return detail::make<mass>(v, 1e-3); }
/// metre (m)
constexpr length operator""_m(long double v) { return detail::make<length>(v, 1.0); }
constexpr length operator""_m(unsigned long long v) { return detail::make<length>(v, 1.0); }
/// millimetre (mm)
constexpr length operator""_mm(long double v) { return detail::make<length>(v, 1e-3); }
constexpr length operator""_mm(unsigned long long v) { return detail::make<length>(v, 1e-3); }
/// cubic centimetre (cm^3)
constexpr volume operator""_cm3(long double v) { return detail::make<volume>(v, 1e-6); }
constexpr volume operator""_cm3(unsigned long long v) { return detail::make<volume>(v, 1e-6); }
/// cubic metre (m^3)
constexpr volume operator""_m3(long double v) { return detail::make<volume>(v, 1.0); }
constexpr volume operator""_m3(unsigned long long v) { return detail::make<volume>(v, 1.0); }
/// gram per cubic centimetre (g/cm^3) = 1000 kg/m^3
constexpr mass_density operator""_g_per_cm3(long double v) {
  return detail::make<mass_density>(v, 1e3);
}
constexpr mass_density operator""_g_per_cm3(unsigned long long v) {
  return detail::make<mass_density>(v, 1e3);
}
/// kilogram per cubic metre (kg/m^3)
constexpr mass_density operator""_kg_per_m3(long double v) {
  return detail::make<mass_density>(v, 1.0);
}
constexpr mass_density operator""_kg_per_m3(unsigned long long v) {
  return detail::make<mass_density>(v, 1.0);
}

// Mechanics, stored in N m and rad/s.
/// newton metre (N m)
constexpr torque operator""_Nm(long double v) { return detail::make<torque>(v, 1.0); }
constexpr torque operator""_Nm(unsigned long long v) { return detail::make<torque>(v, 1.0); }
/// revolutions per minute (rpm), stored in rad/s: 1 rpm = 2 pi / 60 rad/s
constexpr angular_velocity operator""_rpm(long double v) {
  return detail::make<angular_velocity>(v, radian_per_second_per_rpm);
}
constexpr angular_velocity operator""_rpm(unsigned long long v) {
  return detail::make<angular_velocity>(v, radian_per_second_per_rpm);
}
/// radian per second (rad/s)
constexpr angular_velocity operator""_rad_per_s(long double v) {
  return detail::make<angular_velocity>(v, 1.0);
}
constexpr angular_velocity operator""_rad_per_s(unsigned long long v) {
  return detail::make<angular_velocity>(v, 1.0);
}

} // namespace magmat::literals
