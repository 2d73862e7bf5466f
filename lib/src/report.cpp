// Plain-text tables (report.hpp).
#include <magmat/report.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace magmat {

std::string rare_earth_content_table(const std::vector<std::pair<std::string, Composition>>& rows,
                                     const std::vector<Element>& columns) {
  std::size_t name_width = std::string_view("composition").size();
  for (const auto& row : rows) name_width = std::max(name_width, row.first.size());

  constexpr int column_width = 9;
  std::string out;
  auto sink = std::back_inserter(out);
  fmt::format_to(sink, "{:<{}}", "composition", name_width);
  for (Element e : columns) fmt::format_to(sink, " {:>{}}", fmt::format("{} wt%", symbol(e)), column_width);
  fmt::format_to(sink, " {:>{}} {:>{}} {:>{}}\n", "RE wt%", column_width, "LRE wt%", column_width,
                 "HRE wt%", column_width);
  const std::size_t total_width = name_width + (columns.size() + 3) * (column_width + 1);
  out.append(total_width, '-');
  out.push_back('\n');

  for (const auto& [name, composition] : rows) {
    fmt::format_to(sink, "{:<{}}", name, name_width);
    for (Element e : columns) {
      fmt::format_to(sink, " {:>{}.2f}", 100.0 * composition.mass_fraction(e), column_width);
    }
    fmt::format_to(sink, " {:>{}.2f} {:>{}.2f} {:>{}.2f}\n",
                   100.0 * composition.rare_earth_mass_fraction(), column_width,
                   100.0 * composition.light_rare_earth_mass_fraction(), column_width,
                   100.0 * composition.heavy_rare_earth_mass_fraction(), column_width);
  }
  return out;
}

} // namespace magmat
