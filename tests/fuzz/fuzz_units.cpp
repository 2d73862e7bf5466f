// Fuzzes the unit-string converter: input = 8 bytes of a double, then "from\nto". Any unit
// string either parses or raises a magmat::error; a conversion that succeeds is finite and
// converts back to the starting value.
#include <magmat/errors.hpp>
#include <magmat/unit_conversion.hpp>

#include "fuzz_input.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

using magmat_fuzz::property_violated;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  magmat_fuzz::byte_reader in(data, size);
  const double value = in.raw_double();
  const std::string from(in.line());
  const std::string to(in.rest());

  for (const std::string& unit : {from, to}) {
    try {
      const auto& info = magmat::parse_unit(unit);
      if (!(info.scale > 0.0 && std::isfinite(info.scale))) property_violated("unit scale not finite and positive");
      (void)magmat::si_unit_of(unit);
      (void)magmat::dimension_string(info.dimension);
    } catch (const magmat::error&) {
    }
  }

  double converted = 0.0;
  try {
    converted = magmat::convert(value, from, to);
  } catch (const magmat::error&) {
    return 0;
  }
  if (!std::isfinite(converted)) property_violated("convert returned a non-finite value");
  try {
    const magmat::unit_converter forward(from, to);
    if (forward(value) != converted) property_violated("unit_converter differs from convert");
    const double back = magmat::convert(converted, to, from);
    // Offsets (degC, degF) cost absolute precision near the offset; subnormals cost all of it.
    const double offset = std::max(std::abs(forward.from().offset), std::abs(forward.to().offset));
    const double scale = std::max(std::abs(value), offset);
    if (std::abs(back - value) > 1e-12 * scale + 1e-290) property_violated("conversion does not round-trip");
  } catch (const magmat::error&) {
    // Back-conversion may leave the finite range (e.g. 1e300 mT -> T -> mT is fine, but a huge
    // value through a tiny scale may overflow); an error is the correct answer there.
  }
  return 0;
}
