// A composition argument from Python: a Composition, a formula string, or a mapping of mass
// percent (the rules of Composition.from_mass_percent).
#pragma once

#include "pybind.hpp"

#include <magmat/composition.hpp>
#include <magmat/errors.hpp>

#include <string>
#include <string_view>

namespace magmat::python {

inline Composition to_composition(py::handle composition) {
  if (py::isinstance<Composition>(composition)) return composition.cast<Composition>();
  if (py::isinstance<py::str>(composition)) {
    // A str with a lone surrogate has no UTF-8 form; say so instead of pybind11's cast error.
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(composition.ptr(), &size);
    if (utf8 == nullptr) {
      PyErr_Clear();
      throw parse_error("formula " + std::string(py::repr(composition).cast<std::string>().substr(0, 80)) +
                        " is not valid Unicode text (it has a lone surrogate)");
    }
    return Composition::from_formula(std::string_view(utf8, static_cast<std::size_t>(size)));
  }
  if (py::isinstance(composition, py::module_::import("collections.abc").attr("Mapping"))) {
    // the same rules (and Element or symbol keys) as Composition.from_mass_percent
    py::object from_mass_percent = py::type::of<Composition>().attr("from_mass_percent");
    return from_mass_percent(py::dict(py::reinterpret_borrow<py::object>(composition))).cast<Composition>();
  }
  throw domain_error("composition must be a Composition, a formula string or a dict of mass percent, got " +
                     std::string(py::str(py::type::of(composition).attr("__name__"))));
}

} // namespace magmat::python
