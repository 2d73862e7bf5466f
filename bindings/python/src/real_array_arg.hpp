// Guard for number and array arguments converted with forcecast: NumPy would turn complex
// numbers into their real part (dropping the imaginary one), dates or timedeltas into counts of
// days or seconds, and text such as '30' or ['30'] into numbers, silently giving wrong numbers
// or accepting what is not a number, so such values are refused before the conversion. The one
// rule of every Python entry point taking numbers (docs/reliability.md, "Numbers, not text"):
// Python and NumPy numbers (bools too, as NumPy counts them) and numeric arrays are accepted;
// str, bytes and arrays or sequences holding them are a TypeError.
#pragma once

#include "pybind.hpp"
#include "quantity_arg.hpp"

#include <string>

namespace magmat::python {

/// Throws TypeError naming `what` if `value` is text (str, bytes) or is (or NumPy reads it as)
/// an array of text, complex numbers, datetimes, timedeltas or records. Other dtypes are left to
/// the conversion.
inline void require_real_array(py::handle value, const std::string& what) {
  const auto refuse_text = [&what, value](py::handle text) {
    std::string shown = py::repr(value).cast<std::string>().substr(0, 80);
    if (text.ptr() != value.ptr()) shown += ", holding " + py::repr(text).cast<std::string>().substr(0, 40);
    throw py::type_error(what + " must be a number or an array of numbers, not text (got " + shown + ")");
  };
  if (py::isinstance<py::str>(value) || py::isinstance<py::bytes>(value)) refuse_text(value);
  // NumPy would read a Quantity as its bare magnitude, whatever its unit: where the unit is known
  // the caller reads it first (quantity_in); here it is refused.
  if (is_pint_quantity(value))
    throw py::type_error(what + ": a pint Quantity is read where the argument's unit is known (temperatures, fields, "
                         "convert()); give a number in SI here");
  if (has_units(value)) refuse_foreign_quantity(value, what);
  py::object array = py::reinterpret_borrow<py::object>(value);
  if (!py::isinstance<py::array>(value)) {
    // A sequence: the dtype NumPy would give it (a list of complex numbers is complex).
    try {
      array = py::module_::import("numpy").attr("asarray")(value);
    } catch (const py::error_already_set&) {
      return;  // not array-like at all: the conversion that follows reports it
    }
  }
  const py::array a = py::cast<py::array>(array);
  const char kind = a.dtype().kind();
  if (kind == 'U' || kind == 'S') {
    if (a.size() == 0) return;  // an empty array holds no text to convert
    refuse_text(value);
  }
  if (kind == 'O') {
    // Mixed content ([Decimal(1), '2'], a pandas column of strings): look at each element.
    for (py::handle element : a.attr("flat"))
      if (py::isinstance<py::str>(element) || py::isinstance<py::bytes>(element)) refuse_text(element);
  }
  if (kind == 'c' || kind == 'M' || kind == 'm' || kind == 'V')
    throw py::type_error(what + " must hold real numbers, got an array of dtype " +
                         py::str(a.dtype()).cast<std::string>());
}

} // namespace magmat::python
