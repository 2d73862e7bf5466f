// A composition argument from Python: a Composition, a formula string, or a mapping of mass
// percent (the rules of Composition.from_mass_percent).
#pragma once

#include "pybind.hpp"

#include <magmat/composition.hpp>
#include <magmat/errors.hpp>
#include <magmat/formula_reading.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace magmat::python {

// How a formula string's subscripts are read: as atoms (the default, with a CompositionWarning
// when the formula looks like a wt% alloy: issue [13], item 3), or as mass percent.
inline std::optional<bool> formula_basis_is_mass(const std::optional<std::string>& basis) {
  if (!basis) return std::nullopt;
  if (*basis == "atomic") return false;
  if (*basis == "mass") return true;
  throw domain_error("basis must be 'atomic' or 'mass', got '" + *basis + "'");
}

inline Composition formula_composition(std::string_view formula, std::optional<bool> as_mass) {
  if (as_mass.value_or(false)) return composition_from_mass_formula(formula);
  if (!as_mass) {
    const formula_reading reading = read_formula_against_phases(formula);
    if (reading.probably_mass_percent) {
      py::object category = py::module_::import("magmat._core").attr("CompositionWarning");
      if (PyErr_WarnEx(category.ptr(), reading.advice.c_str(), 2) != 0) throw py::error_already_set();
    }
  }
  return Composition::from_formula(formula);
}

inline Composition to_composition(py::handle composition, const std::optional<std::string>& basis = std::nullopt) {
  const std::optional<bool> as_mass = formula_basis_is_mass(basis);
  if (py::isinstance<Composition>(composition)) {
    if (basis) throw domain_error("basis applies to a formula string; a Composition is already read");
    return composition.cast<Composition>();
  }
  if (py::isinstance<py::str>(composition)) {
    // A str with a lone surrogate has no UTF-8 form; say so instead of pybind11's cast error.
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(composition.ptr(), &size);
    if (utf8 == nullptr) {
      PyErr_Clear();
      throw parse_error("formula " + std::string(py::repr(composition).cast<std::string>().substr(0, 80)) +
                        " is not valid Unicode text (it has a lone surrogate)");
    }
    return formula_composition(std::string_view(utf8, static_cast<std::size_t>(size)), as_mass);
  }
  if (basis) throw domain_error("basis applies to a formula string; a dict is mass percent already");
  if (py::isinstance(composition, py::module_::import("collections.abc").attr("Mapping"))) {
    // the same rules (and Element or symbol keys) as Composition.from_mass_percent
    py::object from_mass_percent = py::type::of<Composition>().attr("from_mass_percent");
    return from_mass_percent(py::dict(py::reinterpret_borrow<py::object>(composition))).cast<Composition>();
  }
  throw domain_error("composition must be a Composition, a formula string or a dict of mass percent, got " +
                     std::string(py::str(py::type::of(composition).attr("__name__"))));
}

} // namespace magmat::python
