// Python access to the plain-text tables of report.hpp.
#include "pybind.hpp"

#include <magmat/report.hpp>

#include <string>

namespace magmat::python {

void register_report(py::module_& m) {
  m.def(
      "rare_earth_content_table",
      [](const std::vector<std::pair<std::string, Composition>>& rows,
         const std::vector<std::string>& elements) {
        std::vector<Element> columns;
        columns.reserve(elements.size());
        for (const auto& s : elements) columns.push_back(element_from_symbol(s));
        return rare_earth_content_table(rows, columns);
      },
      py::arg("rows"), py::arg("elements") = std::vector<std::string>{"Nd", "Sm", "Dy"},
      R"doc(Plain-text table of rare-earth mass content.

rows: list of (name, Composition) pairs, printed in that order.
elements: element symbols shown as columns, in wt%; total, light and heavy rare earth
(wt%) always follow.)doc");
}

} // namespace magmat::python
