// Plain-text tables for terminals and logs, formatted with fmt.
#pragma once

#include <magmat/composition.hpp>
#include <magmat/elements.hpp>

#include <string>
#include <utility>
#include <vector>

namespace magmat {

/// A table of rare-earth mass content, one row per named composition: the mass fraction
/// (in wt%) of each element in `columns`, then total, light and heavy rare earth (wt%).
/// Rows keep the caller's order; names are printed as given.
std::string rare_earth_content_table(const std::vector<std::pair<std::string, Composition>>& rows,
                                     const std::vector<Element>& columns);

} // namespace magmat
