// inspect.signature() for the bindings: pybind11 writes each signature as the first docstring
// line, with annotations, which CPython does not read (pybind11 issue #945). After every
// register_* call, expose_text_signatures() prefixes each docstring with the CPython text
// signature header "name(a, b=1.0)\n--\n\n", from which builtins derive __text_signature__.
#pragma once

#include "pybind.hpp"

namespace magmat::python {

// Rewrites the docstrings of every module function, method, static method and constructor of
// the module's classes (the visible __doc__ stays pybind11's text, with the annotations).
void expose_text_signatures(py::module_& m);

} // namespace magmat::python
