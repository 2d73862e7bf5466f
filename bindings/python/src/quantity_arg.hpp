// pint Quantities at the boundary (issue [13], item 2). NumPy reads a pint Quantity as its bare
// magnitude, so g.remanence(Q(300, "K")) used to be taken as 300 degC. A Quantity is now read by
// its units where the argument's unit is known (temperatures in degC, fields in A/m, permeance
// coefficients dimensionless, convert()'s from_unit), and refused elsewhere; any other object
// with `.units` (astropy, a home-made class) is a TypeError, never a silent magnitude.
#pragma once

#include "pybind.hpp"

#include <magmat/errors.hpp>

#include <string>

namespace magmat::python {

/// True for an instance of a class from the pint package (pint.Quantity and its registries'
/// subclasses), recognised without importing pint.
inline bool is_pint_quantity(py::handle value) {
  if (!py::hasattr(value, "units") || !py::hasattr(value, "magnitude") || !py::hasattr(value, "to")) return false;
  const std::string module = py::str(py::type::of(value).attr("__module__"));
  return module == "pint" || module.rfind("pint.", 0) == 0;
}

/// True for anything carrying `.units`: a quantity of some unit library.
inline bool has_units(py::handle value) { return py::hasattr(value, "units"); }

[[noreturn]] inline void refuse_foreign_quantity(py::handle value, const std::string& what) {
  throw py::type_error(what + ": an object with .units that is not a pint Quantity (" +
                       py::str(py::type::of(value).attr("__qualname__")).cast<std::string>() +
                       "); give a number in SI or a pint Quantity");
}

/// `value` read in `unit` (a pint unit name: "degC", "A/m", "dimensionless", ...) when it is a
/// pint Quantity, as its magnitude (a float or an array); `value` itself when it has no units.
/// A Quantity pint cannot express in `unit` is a DomainError naming both.
inline py::object quantity_in(py::handle value, const std::string& unit, const std::string& what) {
  if (!has_units(value)) return py::reinterpret_borrow<py::object>(value);
  if (!is_pint_quantity(value)) refuse_foreign_quantity(value, what);
  try {
    return value.attr("to")(unit).attr("magnitude");
  } catch (py::error_already_set& e) {
    const std::string units = py::str(value.attr("units")).cast<std::string>();
    throw domain_error(what + ": a pint Quantity in " + units + " cannot be read in " + unit + " (" +
                       std::string(e.what()).substr(0, 200) + ")");
  }
}

/// A scalar argument with a known unit (Tag::unit, a pint unit name): a Python number, or a pint
/// Quantity read in that unit. Binding signatures take `celsius_arg temperature_C` etc. instead of
/// `double`; it converts to double (the value in Tag::unit) where the C++ call needs it.
template <class Tag>
struct scalar_quantity {
  double value = 0.0;
  operator double() const { return value; } // NOLINT: used where a double was
};

struct celsius_tag { static constexpr const char* unit = "degC"; static constexpr const char* what = "a temperature (degC)"; };
struct field_tag { static constexpr const char* unit = "A/m"; static constexpr const char* what = "a field strength (A/m)"; };
struct length_tag { static constexpr const char* unit = "m"; static constexpr const char* what = "a length (m)"; };

using celsius_arg = scalar_quantity<celsius_tag>;     ///< degrees Celsius
using field_arg = scalar_quantity<field_tag>;         ///< A/m
using length_arg = scalar_quantity<length_tag>;       ///< metres

} // namespace magmat::python

namespace pybind11::detail {

/// Loads a scalar_quantity as a double loads (same name in signatures and stubs), after reading a
/// pint Quantity in the tag's unit; an object with `.units` that is not pint is a TypeError, a pint
/// Quantity of another dimension a DomainError, both naming the quantity.
template <class Tag>
struct type_caster<magmat::python::scalar_quantity<Tag>> {
  using value_conv = make_caster<double>;
  PYBIND11_TYPE_CASTER(magmat::python::scalar_quantity<Tag>, value_conv::name);

  bool load(handle src, bool convert) {
    object plain = reinterpret_borrow<object>(src);
    if (magmat::python::has_units(src)) {
      plain = magmat::python::quantity_in(src, Tag::unit, Tag::what);
      convert = true; // the magnitude may be a NumPy scalar
    }
    value_conv inner;
    if (!inner.load(plain, convert)) return false;
    value.value = static_cast<double>(inner);
    return true;
  }

  static handle cast(const magmat::python::scalar_quantity<Tag>& q, return_value_policy, handle) {
    return PyFloat_FromDouble(q.value);
  }
};

} // namespace pybind11::detail
