// Python access to the table model (table.hpp) and the reports built as tables (report.hpp).
// Python renders the rows (magmat.table.Table); the C++ text rendering is kept as to_text().
#include "pybind.hpp"

#include <magmat/report.hpp>
#include <magmat/table.hpp>

#include <string>
#include <variant>

namespace magmat::python {

void register_report(py::module_& m) {
  py::class_<table_column>(m, "TableColumn",
                           "One column of a TableModel: key, label, unit, display_unit, source, decimals.")
      .def_readonly("key", &table_column::key, "snake_case key of the JSON and CSV output.")
      .def_readonly("label", &table_column::label, "Heading for people; '{unit}' in it is the shown unit.")
      .def_readonly("unit", &table_column::unit,
                    "Unit of the stored values as convert() spells it ('T', '1'); '' for text.")
      .def_readonly("display_unit", &table_column::display_unit, "Unit shown in text; '' means unit.")
      .def_readonly("source", &table_column::source, "references.json key of the values, '' when none.")
      .def_readonly("decimals", &table_column::decimals, "Fixed decimals in text; negative: 4 significant digits.")
      .def("__repr__", [](const table_column& c) { return "TableColumn('" + c.key + "', unit='" + c.unit + "')"; });

  py::class_<table>(m, "TableModel",
                    "Rows of a report in SI with their columns, as the C++ core builds them; magmat.Table renders them.")
      .def_property_readonly("columns", &table::columns, "The columns, in order (list of TableColumn).")
      .def_property_readonly(
          "rows",
          [](const table& t) {
            py::list rows;
            for (const auto& row : t.rows()) {
              py::list cells;
              for (const auto& cell : row) {
                if (const auto* text = std::get_if<std::string>(&cell)) cells.append(py::str(*text));
                else cells.append(py::float_(std::get<double>(cell)));
              }
              rows.append(cells);
            }
            return rows;
          },
          "The rows: lists of floats (NaN where missing) and str, one cell per column.")
      .def("to_text", [](const table& t) { return to_text(t); }, "The C++ plain-text rendering.")
      .def("__len__", [](const table& t) { return t.rows().size(); }, "The number of rows.");

  m.def(
      "rare_earth_content_rows",
      [](const std::vector<std::pair<std::string, Composition>>& rows,
         const std::vector<std::string>& elements) {
        std::vector<Element> columns;
        columns.reserve(elements.size());
        for (const auto& s : elements) columns.push_back(element_from_symbol(s));
        return rare_earth_content_rows(rows, columns);
      },
      py::arg("rows"), py::arg("elements") = std::vector<std::string>{"Nd", "Sm", "Dy"},
      R"doc(Rare-earth mass content as a TableModel.

rows: list of (name, Composition) pairs, kept in that order (key "formula").
elements: element symbols whose mass fraction (unit "1", shown in wt%) is a column
("nd_mass_fraction"); total, light and heavy rare earth always follow.)doc");
}

} // namespace magmat::python
