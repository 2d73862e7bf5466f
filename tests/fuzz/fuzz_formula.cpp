// Fuzzes the formula parser: any bytes either give a valid Composition or a magmat::error;
// a valid one has fractions in [0, 1] summing to 1, and its display formula reads back.
#include <magmat/composition.hpp>
#include <magmat/errors.hpp>

#include "fuzz_input.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

using magmat_fuzz::property_violated;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view formula(reinterpret_cast<const char*>(data), size);
  std::optional<magmat::Composition> parsed;
  try {
    parsed = magmat::Composition::from_formula(formula);
  } catch (const magmat::error&) {
    return 0;  // bad input is reported as an error: that is the contract
  }
  double mass_sum = 0.0, atomic_sum = 0.0;
  for (const auto& [element, fraction] : parsed->mass_fractions()) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) property_violated("mass fraction outside [0, 1]");
    mass_sum += fraction;
  }
  for (const auto& [element, fraction] : parsed->atomic_fractions()) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) property_violated("atomic fraction outside [0, 1]");
    atomic_sum += fraction;
  }
  if (std::abs(mass_sum - 1.0) > 1e-9) property_violated("mass fractions do not sum to 1");
  if (std::abs(atomic_sum - 1.0) > 1e-9) property_violated("atomic fractions do not sum to 1");
  const double re = parsed->rare_earth_mass_fraction();
  if (!(re >= 0.0 && re <= 1.0 + 1e-12)) property_violated("rare-earth mass fraction outside [0, 1]");
  if (!(parsed->formula_molar_mass() > 0.0 && std::isfinite(parsed->formula_molar_mass())))
    property_violated("molar mass not finite and positive");

  // formula() promises to read back for amounts in [1e-50, 1e6]; it rounds to 6 digits.
  bool in_range = true;
  for (const auto& [element, amount] : parsed->amounts()) in_range = in_range && amount >= 1e-50 && amount <= 1e6;
  if (in_range) {
    try {
      const auto again = magmat::Composition::from_formula(parsed->formula());
      for (const auto& [element, fraction] : parsed->atomic_fractions())
        if (std::abs(again.atomic_fraction(element) - fraction) > 1e-5 * fraction + 1e-300)
          property_violated("formula() does not read back to the same atomic fractions");
    } catch (const magmat::error&) {
      property_violated("formula() of a valid composition does not parse");
    }
  }
  return 0;
}
