// Python bindings of elements.hpp: Element, ElementInfo, element(), elements().
#include "element_arg.hpp"
#include "pybind.hpp"

#include <magmat/elements.hpp>

#include <string>

namespace magmat::python {

void register_elements(py::module_& m) {
  py::enum_<Element> element_enum(m, "Element",
      "A chemical element from H to U; members are named by symbol (Element.Nd) and their "
      "integer value is the atomic number.");
  for (const auto& row : all_elements()) {
    element_enum.value(std::string(row.symbol).c_str(), row.element);
  }
  element_enum
      .def_property_readonly("symbol", [](Element e) { return std::string(symbol(e)); },
                             "IUPAC symbol, e.g. 'Nd'.")
      .def_property_readonly("info", [](Element e) -> const element_data& { return element_info(e); },
                             py::return_value_policy::reference,
                             "The ElementInfo row of this element.");

  py::class_<element_data>(m, "ElementInfo",
      "One row of the element table (read-only). Atomic weights are relative atomic masses, "
      "numerically g/mol, from the table named by ATOMIC_WEIGHTS_VERSION.")
      .def_property_readonly("element", [](const element_data& d) { return d.element; },
                             "The Element member.")
      .def_property_readonly("symbol", [](const element_data& d) { return std::string(d.symbol); },
                             "IUPAC symbol with its exact case, e.g. 'Nd'.")
      .def_property_readonly("name", [](const element_data& d) { return std::string(d.name); },
                             "IUPAC English name in lower case, e.g. 'neodymium'.")
      .def_property_readonly("atomic_number", [](const element_data& d) { return d.atomic_number; },
                             "Atomic number Z.")
      .def_property_readonly("standard_atomic_weight",
                             [](const element_data& d) { return d.standard_atomic_weight; },
                             "Relative atomic mass Ar (dimensionless; numerically g/mol). CIAAW "
                             "conventional value for interval elements (B 10.81, O 15.999); mass "
                             "number of the longest-lived isotope where there is no standard "
                             "atomic weight (Tc, Pm, Po, At, Rn, Fr, Ra, Ac).")
      .def_property_readonly("has_standard_atomic_weight",
                             [](const element_data& d) { return d.has_standard_atomic_weight; },
                             "False for Tc, Pm, Po, At, Rn, Fr, Ra and Ac.")
      .def_property_readonly("rare_earth_group",
                             [](const element_data& d) { return std::string(to_string(d.group)); },
                             "'light' (La..Eu), 'heavy' (Gd..Lu and Y) or 'none' (all others, "
                             "including Sc, which the light/heavy split omits).")
      .def("__repr__", [](const element_data& d) {
        return "ElementInfo(symbol='" + std::string(d.symbol) + "', name='" + std::string(d.name) +
               "', atomic_number=" + std::to_string(d.atomic_number) + ")";
      });

  m.def("element", [](const element_arg& e) -> const element_data& { return element_info(to_element(e)); },
        py::arg("element"), py::return_value_policy::reference,
        "The ElementInfo of an element given as Element or exact-case symbol ('Nd'). "
        "An unknown symbol raises UnknownNameError (a KeyError), suggesting the right case.");
  m.def("elements", [] {
        py::list out;
        for (const auto& row : all_elements()) out.append(py::cast(row, py::return_value_policy::reference));
        return out;
      },
      "All 92 ElementInfo rows, H to U, in atomic-number order.");
  m.attr("ATOMIC_WEIGHTS_VERSION") = std::string(atomic_weights_version);
}

} // namespace magmat::python
