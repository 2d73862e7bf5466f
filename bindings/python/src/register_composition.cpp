// placeholder, replaced by the implementation
#include "pybind.hpp"
namespace magmat::python {
void register_composition(py::module_&) {}
} // namespace magmat::python
