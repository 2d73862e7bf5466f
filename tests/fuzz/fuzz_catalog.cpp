// Fuzzes the user grade-file loader (Catalog::from_json): any text either gives a catalog or a
// magmat::error; a loaded catalog's grades build Magnets, and extending the built-in catalog
// with it leaves the built-in catalog unchanged.
#include <magmat/catalog.hpp>
#include <magmat/errors.hpp>

#include "fuzz_input.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

using magmat_fuzz::property_violated;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const std::size_t builtin_size = magmat::Catalog::builtin().size();
  std::optional<magmat::Catalog> catalog;
  try {
    catalog = magmat::Catalog::from_json(text, "fuzz.json");
  } catch (const magmat::error&) {
    return 0;
  }
  for (const auto& name : catalog->names()) {
    try {
      const auto grade = catalog->grade(name);
      const auto p = grade.properties(magmat::from_celsius(20.0));
      if (!(std::isfinite(p.remanence.value()) && std::isfinite(p.intrinsic_coercivity.value())))
        property_violated("a loaded grade has non-finite properties at 20 degC");
    } catch (const magmat::error&) {
    }
  }
  try {
    const auto extended = magmat::Catalog::builtin().extend(*catalog);
    if (extended.size() != builtin_size + catalog->size()) property_violated("extend lost or added grades");
  } catch (const magmat::error&) {
  }
  if (magmat::Catalog::builtin().size() != builtin_size) property_violated("the built-in catalog changed");
  return 0;
}
