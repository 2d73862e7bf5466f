// placeholder, replaced by the implementation
#include "pybind.hpp"
namespace magmat::python {
void register_units(py::module_&) {}
} // namespace magmat::python
