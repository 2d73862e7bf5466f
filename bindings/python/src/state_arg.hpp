// Pickled states from Python: __setstate__ takes whatever tuple it is given (a corrupted file,
// a hand-made call), so every item is checked before it reaches the core. A bad state raises
// DomainError naming the class and the item, never a crash or a silently impossible object.
#pragma once

#include "pybind.hpp"

#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <cmath>
#include <string>

namespace magmat::python {

/// Throws domain_error unless the state holds exactly `size` items.
inline void check_state_size(const py::tuple& t, std::size_t size, const char* type) {
  if (t.size() != size) throw domain_error(fmt::format("{}: a pickled state holds {} items, got {}", type, size, t.size()));
}

/// Item `i` of a pickled state as a C++ value, with a cast failure reported as domain_error.
template <class T>
T state_item(const py::tuple& t, std::size_t i, const char* type) {
  try {
    return t[i].cast<T>();
  } catch (const py::cast_error&) {
    throw domain_error(fmt::format("{}: item {} of the pickled state has the wrong type ({})", type, i,
                                   py::str(py::type::of(t[i]).attr("__name__")).cast<std::string>()));
  }
}

/// Item `i` as a finite number, at least `min`.
inline double state_number(const py::tuple& t, std::size_t i, const char* type, double min = -HUGE_VAL) {
  const double v = state_item<double>(t, i, type);
  if (!std::isfinite(v) || v < min)
    throw domain_error(fmt::format("{}: item {} of the pickled state must be a finite number{}, got {}", type, i,
                                   std::isinf(min) ? "" : fmt::format(" >= {:g}", min), v));
  return v;
}

/// Item `i` as a finite number in [low, high]; `name` says what it is.
inline double state_number_in(const py::tuple& t, std::size_t i, const char* type, const char* name, double low,
                              double high) {
  const double v = state_number(t, i, type);
  if (!(v >= low && v <= high))
    throw domain_error(fmt::format("{}: the pickled {} must lie in [{:g}, {:g}], got {:g}", type, name, low, high, v));
  return v;
}

} // namespace magmat::python
