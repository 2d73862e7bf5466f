// Runtime conversion of values between unit strings ("kOe", "kA/m", "degC"), e.g. for Python.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace magmat {

/// Exponents of the SI base dimensions of a unit (the radian counts as 1, as in SI).
struct dimension_exponents {
  std::int8_t length = 0;              ///< m
  std::int8_t mass = 0;                ///< kg
  std::int8_t time = 0;                ///< s
  std::int8_t current = 0;             ///< A
  std::int8_t temperature = 0;         ///< K
  std::int8_t amount = 0;              ///< mol
  std::int8_t luminous_intensity = 0;  ///< cd

  friend constexpr bool operator==(const dimension_exponents&,
                                   const dimension_exponents&) = default;
};

/// One accepted unit. A value v in this unit is (v + offset) * scale in the SI unit of the
/// same dimension (offset is non-zero only for degC and degF).
struct unit_info {
  std::string_view symbol;     ///< canonical symbol, e.g. "kA/m"
  std::string_view quantity;   ///< what it measures, e.g. "magnetic field strength"
  dimension_exponents dimension;
  double scale = 1.0;          ///< SI units per unit (after the offset)
  double offset = 0.0;         ///< added before scaling; degC: 273.15
  bool absolute_temperature = false;  ///< K, degC, degF: may not go below 0 K
};

/// The unit a symbol names. Exact, case-sensitive symbols ("mT" is not "MT"); spaces around
/// "/" and at the ends are ignored; "N m", "N*m" and "Nm" are the same unit; "C" alone is
/// refused (it is the coulomb). Throws magmat::parse_error naming the string and listing the
/// accepted units. Returns a reference into a static table.
const unit_info& parse_unit(std::string_view unit);

/// Every accepted symbol, aliases included, in table order.
std::span<const std::string_view> accepted_units();

/// The SI unit of the same dimension as `unit`: "kOe" -> "A/m", "MGOe" -> "J/m3",
/// "degC" -> "K", "%/K" -> "1/K". Throws magmat::parse_error for an unknown unit.
std::string si_unit_of(std::string_view unit);

/// The dimension written in SI base units, positive exponents first: "kg s^-2 A^-1" for T,
/// "A m^-1" for A/m, "1" for a dimensionless unit.
std::string dimension_string(const dimension_exponents& dimension);

/// Converts values from one unit to another, with both units parsed once; for loops.
class unit_converter {
public:
  /// Throws magmat::parse_error for an unknown unit and magmat::domain_error when the two
  /// dimensions differ, naming both units and both dimensions.
  unit_converter(std::string_view from_unit, std::string_view to_unit);

  /// `value` in from_unit, converted to to_unit. Throws magmat::domain_error for a NaN or
  /// infinite value or result, and for an absolute temperature below 0 K.
  double operator()(double value) const;

  const unit_info& from() const { return *from_; }
  const unit_info& to() const { return *to_; }

private:
  const unit_info* from_;
  const unit_info* to_;
  double factor_;  // from.scale / to.scale
};

/// `value` in `from_unit`, converted to `to_unit`: convert(12, "kOe", "kA/m") is 954.93.
/// Throws magmat::parse_error for an unknown unit, magmat::domain_error for incompatible
/// dimensions, a NaN or infinite value, or an absolute temperature below 0 K.
double convert(double value, std::string_view from_unit, std::string_view to_unit);

} // namespace magmat
