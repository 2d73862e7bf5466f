// The table model and its plain-text rendering (table.hpp).
#include <magmat/table.hpp>

#include <magmat/errors.hpp>
#include <magmat/unit_conversion.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace magmat {

table::table(std::vector<table_column> columns) : columns_(std::move(columns)) {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].key.empty()) throw domain_error(fmt::format("table column {} has no key", i));
    for (std::size_t j = 0; j < i; ++j) {
      if (columns_[j].key == columns_[i].key)
        throw domain_error(fmt::format("table column key '{}' appears twice", columns_[i].key));
    }
    // a shown unit the stored one cannot convert to fails here, not at the first rendering
    const auto& c = columns_[i];
    if (c.unit.empty() && !c.display_unit.empty())
      throw domain_error(fmt::format("table column '{}' holds text but shows the unit '{}'", c.key, c.display_unit));
    if (!c.unit.empty() && !c.display_unit.empty() && c.display_unit != c.unit) unit_converter(c.unit, c.display_unit);
  }
}

void table::add_row(std::vector<table_cell> cells) {
  if (cells.size() != columns_.size()) {
    throw domain_error(fmt::format("table row {} has {} cells for {} columns", rows_.size(), cells.size(),
                                   columns_.size()));
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool text_column = columns_[i].unit.empty();
    if (text_column != std::holds_alternative<std::string>(cells[i])) {
      throw domain_error(fmt::format("table row {}, column '{}': {} expected", rows_.size(), columns_[i].key,
                                     text_column ? "text" : fmt::format("a number in {}", columns_[i].unit)));
    }
  }
  rows_.push_back(std::move(cells));
}

std::size_t table::column_index(const std::string& key) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].key == key) return i;
  std::string keys;
  for (const auto& c : columns_) keys += (keys.empty() ? "" : ", ") + c.key;
  throw unknown_name_error(fmt::format("no table column '{}'; columns: {}", key, keys));
}

namespace {

std::string shown_unit(const table_column& c) { return c.display_unit.empty() ? c.unit : c.display_unit; }

std::string heading(const table_column& c) {
  std::string label = c.label.empty() ? c.key : c.label;
  const auto at = label.find("{unit}");
  if (at != std::string::npos) label.replace(at, 6, shown_unit(c));
  return label;
}

std::string number_text(double value, int decimals) {
  if (std::isnan(value)) return "-";
  if (decimals >= 0) return fmt::format("{:.{}f}", value, decimals);
  return std::abs(value) < 1e4 ? fmt::format("{:.4g}", value) : fmt::format("{:.0f}", value);
}

} // namespace

std::string to_text(const table& t) {
  const auto& columns = t.columns();
  // One converter per number column whose shown unit differs from the stored one.
  std::vector<std::optional<unit_converter>> converters(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].unit.empty() && shown_unit(columns[i]) != columns[i].unit)
      converters[i].emplace(columns[i].unit, shown_unit(columns[i]));
  }
  std::vector<std::vector<std::string>> lines;
  lines.reserve(t.rows().size() + 1);
  std::vector<std::string>& head = lines.emplace_back();
  for (const auto& c : columns) head.push_back(heading(c));
  for (const auto& row : t.rows()) {
    std::vector<std::string>& line = lines.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (const auto* text = std::get_if<std::string>(&row[i])) {
        line.push_back(*text);
        continue;
      }
      const double value = std::get<double>(row[i]);
      const double shown = converters[i] && std::isfinite(value) ? (*converters[i])(value) : value;
      line.push_back(number_text(shown, columns[i].decimals));
    }
  }
  std::vector<std::size_t> widths(columns.size(), 0);
  for (const auto& line : lines)
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], line[i].size());

  std::string out;
  auto sink = std::back_inserter(out);
  auto write_line = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (i > 0) text += "  ";
      text += columns[i].unit.empty() ? fmt::format("{:<{}}", line[i], widths[i])
                                      : fmt::format("{:>{}}", line[i], widths[i]);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();  // no trailing blanks
    fmt::format_to(sink, "{}\n", text);
  };
  write_line(lines.front());
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.emplace_back(w, '-');
  write_line(rule);
  for (std::size_t r = 1; r < lines.size(); ++r) write_line(lines[r]);
  return out;
}

} // namespace magmat
