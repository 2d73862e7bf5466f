// Guard for array arguments converted with forcecast: NumPy would turn complex numbers into
// their real part (dropping the imaginary one) and dates or timedeltas into counts of days or
// seconds, silently giving wrong numbers, so such arrays are refused before the conversion.
#pragma once

#include "pybind.hpp"

#include <string>

namespace magmat::python {

/// Throws TypeError naming `what` if `value` is (or NumPy reads it as) an array of complex
/// numbers, datetimes, timedeltas or records. Other dtypes are left to the conversion.
inline void require_real_array(py::handle value, const std::string& what) {
  py::object array = py::reinterpret_borrow<py::object>(value);
  if (!py::isinstance<py::array>(value)) {
    // A sequence: the dtype NumPy would give it (a list of complex numbers is complex).
    try {
      array = py::module_::import("numpy").attr("asarray")(value);
    } catch (const py::error_already_set&) {
      return;  // not array-like at all: the conversion that follows reports it
    }
  }
  const char kind = py::cast<py::array>(array).dtype().kind();
  if (kind == 'c' || kind == 'M' || kind == 'm' || kind == 'V')
    throw py::type_error(what + " must hold real numbers, got an array of dtype " +
                         py::str(py::cast<py::array>(array).dtype()).cast<std::string>());
}

} // namespace magmat::python
