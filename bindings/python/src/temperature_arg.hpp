// Temperatures from Python: degrees Celsius as a float or a NumPy array, mapped element-wise.
#pragma once

#include "pybind.hpp"
#include "quantity_arg.hpp"
#include "real_array_arg.hpp"

#include <magmat/errors.hpp>
#include <magmat/units.hpp>

#include <string>

namespace magmat::python {

/// Calls `f(thermodynamic_temperature) -> double` for a Celsius temperature given as a Python
/// number (returns a float) or anything array-like (returns a float64 array of the same shape).
/// An error for one element of an array names its index.
template <class F>
py::object map_celsius(py::handle temperature, F&& f) {
  const py::object temperature_C = quantity_in(temperature, "degC", "temperature_C");  // a pint Quantity in K, degF...
  if (py::isinstance<py::float_>(temperature_C) || py::isinstance<py::int_>(temperature_C)) {
    return py::float_(f(from_celsius(temperature_C.cast<double>())));
  }
  require_real_array(temperature_C, "temperature_C");
  auto input = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(temperature_C);
  if (!input) throw domain_error("temperature_C must be a number or an array of numbers");
  py::array_t<double> output(std::vector<py::ssize_t>(input.shape(), input.shape() + input.ndim()));
  const double* in = input.data();
  double* out = output.mutable_data();
  for (py::ssize_t i = 0; i < input.size(); ++i) {
    try {
      out[i] = f(from_celsius(in[i]));
    } catch (const error& e) {
      throw domain_error("temperature_C[" + std::to_string(i) + "]: " + e.what());
    }
  }
  return output;
}

} // namespace magmat::python
