// placeholder, replaced by the implementation
#include "pybind.hpp"
namespace magmat::python {
void register_elements(py::module_&) {}
} // namespace magmat::python
