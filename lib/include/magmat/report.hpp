// Reports built as tables (table.hpp): the rows in SI, rendered as plain text for terminals and logs.
#pragma once

#include <magmat/composition.hpp>
#include <magmat/elements.hpp>
#include <magmat/table.hpp>

#include <string>
#include <utility>
#include <vector>

namespace magmat {

/// Rare-earth mass content, one row per named composition: the name (key "formula"), the mass
/// fraction of each element in `columns` (key "nd_mass_fraction", unit "1", shown in wt%), then
/// total, light and heavy rare earth ("rare_earth_mass_fraction", ...). Rows keep the caller's
/// order; names are kept as given. The fractions rest on the standard atomic weights
/// (source PERIODIC-TABLES).
table rare_earth_content_rows(const std::vector<std::pair<std::string, Composition>>& rows,
                              const std::vector<Element>& columns);

/// The same table as plain text (to_text), in wt% with two decimals.
std::string rare_earth_content_table(const std::vector<std::pair<std::string, Composition>>& rows,
                                     const std::vector<Element>& columns);

} // namespace magmat
