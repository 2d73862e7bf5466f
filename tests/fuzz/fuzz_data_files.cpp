// Fuzzes the parsers of every other kind of data file: the first byte picks the kind (phase,
// process, price table, supply scenario, strategy), the rest is the file's text. Any text either
// parses or raises a magmat::error.
#include <magmat/errors.hpp>
#include <magmat/prices.hpp>

#include "data_parsers.hpp"
#include "fuzz_input.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

using magmat_fuzz::property_violated;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  magmat_fuzz::byte_reader in(data, size);
  const std::uint8_t kind = in.byte() % 5;
  const std::string_view text = in.rest();
  const std::string label = "fuzz.json";
  try {
    switch (kind) {
    case 0: (void)magmat::detail::parse_phase_file(text, label); break;
    case 1: (void)magmat::detail::parse_process_file(text, label); break;
    case 2: {
      const auto table = magmat::price_table_from_json(text, label);
      for (const auto& [element, price] : table.price_per_kg)
        if (!(price >= 0.0 && std::isfinite(price))) property_violated("a loaded price is negative or not finite");
      break;
    }
    case 3: {
      const auto series = magmat::detail::parse_scenario_file(text, label);
      if (series.points.size() < 2) property_violated("a loaded series has fewer than two points");
      for (std::size_t i = 1; i < series.points.size(); ++i)
        if (!(series.points[i].year > series.points[i - 1].year)) property_violated("years not increasing");
      break;
    }
    case 4: (void)magmat::detail::parse_strategy_file(text, label); break;
    }
  } catch (const magmat::error&) {
  }
  return 0;
}
