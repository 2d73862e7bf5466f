// One table model for every report: columns (key, label, unit, source) and rows of SI values or
// text. C++ renders it as plain text (to_text); Python renders the same rows as text, HTML, CSV,
// JSON and DataFrames.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace magmat {

/// One column of a table.
struct table_column {
  std::string key;           ///< snake_case, the key of the JSON and CSV output (nd_mass_fraction)
  std::string label;         ///< heading for people ("Nd wt%"); "{unit}" in it is the shown unit
  std::string unit;          ///< unit of the stored values, as magmat::convert spells it ("T", "1"); empty for text
  std::string display_unit;  ///< unit the text shows ("%" for a fraction); empty: `unit`
  std::string source;        ///< references.json key of the values, empty when they carry none
  int decimals = -1;         ///< fixed decimals in text; negative: four significant digits
};

/// A cell: a number in the column's unit (NaN where it is missing) or text.
using table_cell = std::variant<double, std::string>;

/// Columns and rows of cells; every row has one cell per column.
class table {
public:
  explicit table(std::vector<table_column> columns);

  const std::vector<table_column>& columns() const noexcept { return columns_; }
  const std::vector<std::vector<table_cell>>& rows() const noexcept { return rows_; }

  /// Appends a row. Throws magmat::domain_error when it has not one cell per column, or when a
  /// text column gets a number or a number column text (naming the column).
  void add_row(std::vector<table_cell> cells);

  /// The index of the column with this key; throws magmat::unknown_name_error listing the keys.
  std::size_t column_index(const std::string& key) const;

private:
  std::vector<table_column> columns_;
  std::vector<std::vector<table_cell>> rows_;
};

/// The table as aligned plain text: a heading line, a rule, one line per row; numbers are
/// converted to each column's display unit (by magmat::convert), right-aligned, "-" where
/// missing; text is left-aligned.
std::string to_text(const table& t);

} // namespace magmat
