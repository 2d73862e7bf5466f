// Reports built as tables (report.hpp).
#include <magmat/report.hpp>

#include <cctype>

namespace magmat {

namespace {

constexpr const char* atomic_weights_source = "PERIODIC-TABLES";  // materials/references.json

table_column mass_fraction_column(std::string key, std::string label) {
  return table_column{std::move(key), std::move(label), "1", "%", atomic_weights_source, 2};
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

} // namespace

table rare_earth_content_rows(const std::vector<std::pair<std::string, Composition>>& rows,
                              const std::vector<Element>& columns) {
  std::vector<table_column> heads{{"formula", "composition", "", "", "", -1}};
  for (Element e : columns) {
    const std::string sym(symbol(e));
    heads.push_back(mass_fraction_column(lower(sym) + "_mass_fraction", sym + " wt%"));
  }
  heads.push_back(mass_fraction_column("rare_earth_mass_fraction", "RE wt%"));
  heads.push_back(mass_fraction_column("light_rare_earth_mass_fraction", "LRE wt%"));
  heads.push_back(mass_fraction_column("heavy_rare_earth_mass_fraction", "HRE wt%"));
  table out(std::move(heads));
  for (const auto& [name, composition] : rows) {
    std::vector<table_cell> cells{name};
    for (Element e : columns) cells.emplace_back(composition.mass_fraction(e));
    cells.emplace_back(composition.rare_earth_mass_fraction());
    cells.emplace_back(composition.light_rare_earth_mass_fraction());
    cells.emplace_back(composition.heavy_rare_earth_mass_fraction());
    out.add_row(std::move(cells));
  }
  return out;
}

std::string rare_earth_content_table(const std::vector<std::pair<std::string, Composition>>& rows,
                                     const std::vector<Element>& columns) {
  return to_text(rare_earth_content_rows(rows, columns));
}

} // namespace magmat
