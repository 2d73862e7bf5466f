// Several numeric arguments from Python, each a number or array-like, broadcast together as
// NumPy broadcasts them: sweeps over temperatures, permeance coefficients and external fields.
#pragma once

#include "pybind.hpp"
#include "quantity_arg.hpp"
#include "real_array_arg.hpp"

#include <magmat/errors.hpp>

#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace magmat::python {

/// The broadcast of named arguments: `scalar` when every one is a Python or NumPy number (then
/// results are floats), else the broadcast `shape` and each argument's values flattened to it.
class broadcast_args {
  // The unit a pint Quantity given for the argument is read in, by the argument's name.
  static std::string unit_of(const std::string& name) {
    if (name.find("temperature") != std::string::npos) return "degC";
    if (name.find("field") != std::string::npos) return "A/m";
    return "dimensionless";  // pc, loss fractions
  }

public:
  broadcast_args(std::initializer_list<std::pair<std::string, py::handle>> arguments) {
    py::module_ numpy = py::module_::import("numpy");
    py::list arrays;
    for (const auto& [name, given] : arguments) {
      names_.push_back(name);
      // a pint Quantity is read in the argument's SI unit (temperatures in degC)
      const py::object value = quantity_in(given, unit_of(name), name);
      if (!py::isinstance<py::float_>(value) && !py::isinstance<py::int_>(value)) scalar_ = false;
      require_real_array(value, name);
      try {
        arrays.append(numpy.attr("asarray")(value, py::arg("dtype") = "float64"));
      } catch (const py::error_already_set&) {
        throw domain_error(name + " must be a number or an array of numbers");
      }
    }
    py::tuple broadcast;
    try {
      broadcast = numpy.attr("broadcast_arrays")(*arrays);
    } catch (const py::error_already_set&) {
      std::string shapes;
      for (std::size_t i = 0; i < names_.size(); ++i)
        shapes += (i ? ", " : "") + names_[i] + " " + py::str(arrays[i].attr("shape")).cast<std::string>();
      throw domain_error("arguments do not broadcast together: " + shapes);
    }
    for (const auto& a : broadcast) {
      auto flat = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(
          numpy.attr("array")(a, py::arg("dtype") = "float64", py::arg("order") = "C")); // keeps 0-d
      values_.push_back(flat);
    }
    const auto& first = values_.front();
    shape_.assign(first.shape(), first.shape() + first.ndim());
    size_ = static_cast<std::size_t>(first.size());
    if (shape_.empty()) scalar_ = true; // 0-d arrays act as numbers, as in NumPy's ufuncs
  }

  bool scalar() const { return scalar_; }
  const std::vector<py::ssize_t>& shape() const { return shape_; }
  std::size_t size() const { return size_; }
  /// Value of argument `argument` (in the order given) at flat index `i`.
  double operator()(std::size_t argument, std::size_t i) const { return values_[argument].data()[i]; }

  /// "at [2, 1] (pc=0.5, temperature_C=300): ", naming where an element's error arose.
  std::string where(std::size_t i) const {
    std::string index;
    std::size_t rest = i;
    std::vector<std::size_t> digits(shape_.size());
    for (std::size_t d = shape_.size(); d-- > 0;) {
      digits[d] = rest % static_cast<std::size_t>(shape_[d]);
      rest /= static_cast<std::size_t>(shape_[d]);
    }
    for (std::size_t d = 0; d < digits.size(); ++d) index += (d ? ", " : "") + std::to_string(digits[d]);
    std::string values;
    for (std::size_t a = 0; a < names_.size(); ++a)
      values += (a ? ", " : "") + names_[a] + "=" + py::repr(py::float_((*this)(a, i))).cast<std::string>();
    return "at [" + index + "] (" + values + "): ";
  }

  /// Calls `f(i) -> double` for every flat index with the GIL released, into a float64 array of
  /// the broadcast shape (a float when scalar). An error is raised as its own kind, naming where.
  template <class F>
  py::object map(F&& f) const {
    if (scalar_) return py::float_(f(std::size_t{0}));
    py::array_t<double> out(shape_);
    double* data = out.mutable_data();
    std::exception_ptr failure;
    std::size_t failed = 0;
    {
      py::gil_scoped_release release;
      for (std::size_t i = 0; i < size_; ++i) {
        try {
          data[i] = f(i);
        } catch (...) {
          failure = std::current_exception();
          failed = i;
          break;
        }
      }
    }
    if (failure) rethrow_at(failure, where(failed));
    return std::move(out);
  }

  /// Rethrows a magmat error as the same kind with `prefix` before its message.
  [[noreturn]] static void rethrow_at(const std::exception_ptr& failure, const std::string& prefix) {
    try {
      std::rethrow_exception(failure);
    } catch (const infeasible_error& e) {
      throw infeasible_error(prefix + e.what());
    } catch (const unknown_name_error& e) {
      throw unknown_name_error(prefix + e.what());
    } catch (const data_error& e) {
      throw data_error(prefix + e.what());
    } catch (const parse_error& e) {
      throw parse_error(prefix + e.what());
    } catch (const domain_error& e) {
      throw domain_error(prefix + e.what());
    } catch (const error& e) {
      throw error(prefix + e.what());
    }
  }

private:
  std::vector<std::string> names_;
  std::vector<py::array_t<double, py::array::c_style | py::array::forcecast>> values_;
  std::vector<py::ssize_t> shape_;
  std::size_t size_ = 0;
  bool scalar_ = true;
};

} // namespace magmat::python
