// Element price tables and the raw-material cost of a magnet, with price-shock scenarios.
#pragma once

#include <magmat/composition.hpp>
#include <magmat/elements.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magmat {

/// A table of element prices: currency per kg of contained element.
///
/// The shipped table (default_price_table(), materials/prices/usgs_mcs_2019.json) holds 2019
/// annual averages from the USGS Mineral Commodity Summaries; rare earths are quoted there as
/// oxides and converted to a price per kg of contained element by dividing by the element's mass
/// fraction in the oxide (no oxide-to-metal processing cost is added). `sources` says, per
/// element, what the number is and how it was converted.
struct price_table {
  std::string name;                          ///< e.g. "usgs_mcs_2019"
  std::string currency;                      ///< e.g. "USD"
  std::string date;                          ///< the period the prices refer to
  std::string basis;                         ///< e.g. "oxide, per kg of contained element"
  std::map<Element, double> price_per_kg;    ///< currency per kg of contained element, each finite and >= 0
  std::map<Element, std::string> sources;    ///< per element: source key, form and derivation
};

/// The shipped table (materials/prices/usgs_mcs_2019.json), loaded once.
const price_table& default_price_table();

/// Reads a price table file (the format of materials/prices/*.json). Throws magmat::data_error
/// naming the file, the JSON pointer and the reason.
price_table load_price_table(const std::filesystem::path& path);

/// A price table from JSON text; `label` names it in error messages.
price_table price_table_from_json(std::string_view text, const std::string& label = "<string>");

/// A copy of `table` with the prices of `elements` multiplied by `factor` (e.g. 7 for the 2010
/// rare-earth price rise the METI policy reports). Without `elements`, every rare earth in the
/// table (is_rare_earth) is shocked and nothing else. `factor` must be finite and >= 0, else
/// magmat::domain_error; an element of `elements` missing from the table throws
/// magmat::unknown_name_error naming it. The name gains " x<factor>".
price_table with_shock(const price_table& table, double factor,
                       const std::optional<std::vector<Element>>& elements = std::nullopt);

/// Raw-material cost of one kg of magnet: sum over its elements of mass fraction x price, in
/// the table's currency per kg of magnet. An element of the composition missing from the table
/// throws magmat::unknown_name_error naming it and the table (never a silent zero).
double raw_material_cost(const Composition& magnet, const price_table& table);

} // namespace magmat
