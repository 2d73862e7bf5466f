// First include of every binding translation unit: pybind11 with the type casters we use,
// and the declarations of the per-topic register functions.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace magmat::python {
void register_errors(py::module_& m);
void register_units(py::module_& m);
void register_elements(py::module_& m);
void register_composition(py::module_& m);
void register_report(py::module_& m);
void register_phases(py::module_& m);
void register_magnet(py::module_& m);
void register_catalog(py::module_& m);
void register_curve_fit(py::module_& m);
void register_thermal(py::module_& m);
void register_shapes(py::module_& m);
void register_design(py::module_& m);
void register_supply(py::module_& m);
void register_policy(py::module_& m);
void register_batch(py::module_& m);
} // namespace magmat::python
