// The table of accepted unit symbols and the runtime converter built on it.
#include <magmat/unit_conversion.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <magmat/errors.hpp>
#include <magmat/units.hpp>
#include <magmat/units/cgs_magnetic.hpp>

namespace magmat {
namespace {

// Dimensions, as exponents of m, kg, s, A, K, mol, cd.
constexpr dimension_exponents dim(int m, int kg, int s, int a, int k = 0, int mol = 0) {
  return {static_cast<std::int8_t>(m), static_cast<std::int8_t>(kg), static_cast<std::int8_t>(s),
          static_cast<std::int8_t>(a), static_cast<std::int8_t>(k), static_cast<std::int8_t>(mol),
          0};
}
constexpr auto d_flux_density = dim(0, 1, -2, -1);
constexpr auto d_field_strength = dim(-1, 0, 0, 1);
constexpr auto d_energy_density = dim(-1, 1, -2, 0);
constexpr auto d_temperature = dim(0, 0, 0, 0, 1);
constexpr auto d_mass = dim(0, 1, 0, 0);
constexpr auto d_length = dim(1, 0, 0, 0);
constexpr auto d_area = dim(2, 0, 0, 0);
constexpr auto d_volume = dim(3, 0, 0, 0);
constexpr auto d_mass_density = dim(-3, 1, 0, 0);
constexpr auto d_molar_mass = dim(0, 1, 0, 0, 0, -1);
constexpr auto d_amount = dim(0, 0, 0, 0, 0, 1);
constexpr auto d_torque = dim(2, 1, -2, 0);
constexpr auto d_angular_velocity = dim(0, 0, -1, 0);
constexpr auto d_power = dim(2, 1, -3, 0);
constexpr auto d_permeability = dim(1, 1, -2, -2);
constexpr auto d_per_kelvin = dim(0, 0, 0, 0, -1);
constexpr auto d_time = dim(0, 0, 1, 0);
constexpr auto d_one = dim(0, 0, 0, 0);

// 1 degF = 5/9 K; 0 K = -459.67 degF (exact, from the definition of the Rankine scale).
constexpr double kelvin_per_fahrenheit_degree = 5.0 / 9.0;
constexpr double zero_fahrenheit_in_rankine = 459.67;

// The SI unit of each dimension comes first in its group: si_unit_of() takes the first
// entry of the dimension with scale 1 and offset 0.
constexpr std::array units{
    unit_info{"T", "magnetic flux density", d_flux_density, 1.0},
    unit_info{"mT", "magnetic flux density", d_flux_density, 1e-3},
    unit_info{"G", "magnetic flux density", d_flux_density, cgs::tesla_per_gauss},
    unit_info{"kG", "magnetic flux density", d_flux_density, 1e3 * cgs::tesla_per_gauss},
    unit_info{"A/m", "magnetic field strength", d_field_strength, 1.0},
    unit_info{"kA/m", "magnetic field strength", d_field_strength, 1e3},
    unit_info{"MA/m", "magnetic field strength", d_field_strength, 1e6},
    unit_info{"Oe", "magnetic field strength", d_field_strength,
              cgs::ampere_per_metre_per_oersted},
    unit_info{"kOe", "magnetic field strength", d_field_strength,
              1e3 * cgs::ampere_per_metre_per_oersted},
    unit_info{"emu/cm3", "magnetization", d_field_strength,
              cgs::ampere_per_metre_per_emu_per_cubic_centimetre},
    unit_info{"J/m3", "energy density", d_energy_density, 1.0},
    unit_info{"kJ/m3", "energy density", d_energy_density, 1e3},
    unit_info{"MJ/m3", "energy density", d_energy_density, 1e6},
    unit_info{"MGOe", "energy density", d_energy_density, cgs::joule_per_cubic_metre_per_mgoe},
    unit_info{"K", "thermodynamic temperature", d_temperature, 1.0, 0.0, true},
    unit_info{"degC", "thermodynamic temperature", d_temperature, 1.0, zero_celsius_in_kelvin,
              true},
    unit_info{"degF", "thermodynamic temperature", d_temperature, kelvin_per_fahrenheit_degree,
              zero_fahrenheit_in_rankine, true},
    unit_info{"kg", "mass", d_mass, 1.0},
    unit_info{"g", "mass", d_mass, 1e-3},
    unit_info{"t", "mass", d_mass, 1e3},
    unit_info{"m", "length", d_length, 1.0},
    unit_info{"mm", "length", d_length, 1e-3},
    unit_info{"cm", "length", d_length, 1e-2},
    unit_info{"um", "length", d_length, 1e-6},
    unit_info{"m2", "area", d_area, 1.0},
    unit_info{"cm2", "area", d_area, 1e-4},
    unit_info{"mm2", "area", d_area, 1e-6},
    unit_info{"m3", "volume", d_volume, 1.0},
    unit_info{"cm3", "volume", d_volume, 1e-6},
    unit_info{"mm3", "volume", d_volume, 1e-9},
    unit_info{"L", "volume", d_volume, 1e-3},
    unit_info{"kg/m3", "mass density", d_mass_density, 1.0},
    unit_info{"g/cm3", "mass density", d_mass_density, 1e3},
    unit_info{"kg/mol", "molar mass", d_molar_mass, 1.0},
    unit_info{"g/mol", "molar mass", d_molar_mass, 1e-3},
    unit_info{"mol", "amount of substance", d_amount, 1.0},
    unit_info{"N m", "torque", d_torque, 1.0},
    unit_info{"rad/s", "angular velocity", d_angular_velocity, 1.0},
    unit_info{"rpm", "angular velocity", d_angular_velocity, radian_per_second_per_rpm},
    unit_info{"W", "power", d_power, 1.0},
    unit_info{"kW", "power", d_power, 1e3},
    unit_info{"H/m", "permeability", d_permeability, 1.0},
    unit_info{"1/K", "temperature coefficient", d_per_kelvin, 1.0},
    unit_info{"%/K", "temperature coefficient", d_per_kelvin, 1e-2},
    unit_info{"s", "time", d_time, 1.0},
    unit_info{"min", "time", d_time, 60.0},
    unit_info{"h", "time", d_time, 3600.0},
    unit_info{"1", "dimensionless", d_one, 1.0},
    unit_info{"%", "dimensionless", d_one, 1e-2},
};

constexpr std::size_t index_of(std::string_view symbol) {
  for (std::size_t i = 0; i < units.size(); ++i)
    if (units[i].symbol == symbol) return i;
  return units.size();
}

struct alias {
  std::string_view name;
  std::size_t unit;
};

// Other spellings of the same unit, after normalisation (no spaces around "/", no "^").
// Bare "C" is deliberately absent: it is the coulomb, not degrees Celsius.
constexpr std::array aliases{
    alias{"\u00B0C", index_of("degC")},    alias{"\u00B0F", index_of("degF")},
    alias{"N*m", index_of("N m")},         alias{"Nm", index_of("N m")},
    alias{"\u00B5m", index_of("um")},      alias{"\u03BCm", index_of("um")},
    alias{"%/degC", index_of("%/K")},      alias{"%/\u00B0C", index_of("%/K")},
    alias{"1/degC", index_of("1/K")},      alias{"1/\u00B0C", index_of("1/K")},
};

constexpr bool aliases_resolve() {
  for (const auto& a : aliases)
    if (a.unit >= units.size()) return false;
  return true;
}
static_assert(aliases_resolve(), "every alias names a unit of the table");

// All accepted spellings, for error messages and accepted_units().
constexpr auto all_symbols = [] {
  std::array<std::string_view, units.size() + aliases.size()> out{};
  std::size_t n = 0;
  for (const auto& u : units) out[n++] = u.symbol;
  for (const auto& a : aliases) out[n++] = a.name;
  return out;
}();

constexpr bool is_space(char c) { return c == ' ' || c == '\t'; }

// Longest accepted spelling is far shorter; longer input cannot match.
constexpr std::size_t max_symbol_length = 16;

// Writes `unit` without outer spaces, spaces next to "/", and "^" into `buffer`; returns the
// normalised view, or an empty view when it is too long to be a unit.
std::string_view normalise(std::string_view unit, std::array<char, max_symbol_length>& buffer) {
  while (!unit.empty() && is_space(unit.front())) unit.remove_prefix(1);
  while (!unit.empty() && is_space(unit.back())) unit.remove_suffix(1);
  std::size_t n = 0;
  for (std::size_t i = 0; i < unit.size(); ++i) {
    const char c = unit[i];
    if (c == '^') continue;
    if (is_space(c)) {
      // Drop a space that touches "/" on either side (looking past runs of spaces).
      std::size_t j = i;
      while (j < unit.size() && is_space(unit[j])) ++j;
      const bool before_slash = j < unit.size() && unit[j] == '/';
      const bool after_slash = n > 0 && buffer[n - 1] == '/';
      if (before_slash || after_slash) continue;
    }
    if (n == buffer.size()) return {};
    buffer[n++] = c;
  }
  return {buffer.data(), n};
}

const unit_info* find_unit(std::string_view unit) {
  std::array<char, max_symbol_length> buffer{};
  const std::string_view key = normalise(unit, buffer);
  if (key.empty()) return nullptr;
  for (const auto& u : units)
    if (u.symbol == key) return &u;
  for (const auto& a : aliases)
    if (a.name == key) return &units[a.unit];
  return nullptr;
}

} // namespace

const unit_info& parse_unit(std::string_view unit) {
  if (const unit_info* found = find_unit(unit)) return *found;
  throw parse_error(fmt::format("unknown unit '{}'; accepted units (case-sensitive): {}", unit,
                                fmt::join(all_symbols, ", ")));
}

std::span<const std::string_view> accepted_units() { return all_symbols; }

std::string si_unit_of(std::string_view unit) {
  const unit_info& info = parse_unit(unit);
  for (const auto& u : units)
    if (u.dimension == info.dimension && u.scale == 1.0 && u.offset == 0.0)
      return std::string(u.symbol);
  // Unreachable: every dimension of the table has its SI unit (the tests check each unit).
  return std::string(info.symbol);
}

std::string dimension_string(const dimension_exponents& d) {
  const std::array<std::pair<const char*, int>, 7> parts{{{"m", d.length},
                                                          {"kg", d.mass},
                                                          {"s", d.time},
                                                          {"A", d.current},
                                                          {"K", d.temperature},
                                                          {"mol", d.amount},
                                                          {"cd", d.luminous_intensity}}};
  std::string out;
  const auto append = [&out](const char* symbol, int exponent) {
    if (!out.empty()) out += ' ';
    out += symbol;
    if (exponent != 1) out += fmt::format("^{}", exponent);
  };
  // Positive exponents first, then negative ones: "kg s^-2 A^-1".
  for (const auto& [symbol, exponent] : parts)
    if (exponent > 0) append(symbol, exponent);
  for (const auto& [symbol, exponent] : parts)
    if (exponent < 0) append(symbol, exponent);
  return out.empty() ? std::string("1") : out;
}

unit_converter::unit_converter(std::string_view from_unit, std::string_view to_unit)
    : from_(&parse_unit(from_unit)), to_(&parse_unit(to_unit)),
      factor_(from_->scale / to_->scale) {
  if (from_->dimension != to_->dimension) {
    throw domain_error(fmt::format(
        "cannot convert '{}' ({}, {}) to '{}' ({}, {}): dimensions differ", from_unit,
        from_->quantity, dimension_string(from_->dimension), to_unit, to_->quantity,
        dimension_string(to_->dimension)));
  }
}

double unit_converter::operator()(double value) const {
  if (!std::isfinite(value)) {
    throw domain_error(fmt::format("cannot convert {} from '{}' to '{}': the value is not finite",
                                   value, from_->symbol, to_->symbol));
  }
  const double shifted = value + from_->offset;  // in units of from.scale above absolute zero
  if (from_->absolute_temperature && shifted < 0.0) {
    throw domain_error(fmt::format("cannot convert {} {} to '{}': {} K is below absolute zero",
                                   value, from_->symbol, to_->symbol, shifted * from_->scale));
  }
  const double result = shifted * factor_ - to_->offset;
  if (!std::isfinite(result)) {
    throw domain_error(fmt::format("cannot convert {} from '{}' to '{}': the result overflows",
                                   value, from_->symbol, to_->symbol));
  }
  return result;
}

double convert(double value, std::string_view from_unit, std::string_view to_unit) {
  return unit_converter(from_unit, to_unit)(value);
}

} // namespace magmat
