// A magnet shape argument from Python: a Cylinder, Block or Ring object.
#pragma once

#include "pybind.hpp"
#include "real_array_arg.hpp"

#include <fmt/format.h>

#include <magmat/shapes.hpp>
#include <magmat/thermal.hpp>

#include <string>

namespace magmat::python {

inline magnet_shape shape_arg(const py::handle& shape, const std::string& where) {
  if (py::isinstance<cylinder_shape>(shape)) return shape.cast<cylinder_shape>();
  if (py::isinstance<block_shape>(shape)) return shape.cast<block_shape>();
  if (py::isinstance<ring_shape>(shape)) return shape.cast<ring_shape>();
  throw py::type_error(where + ": expected a Cylinder, Block or Ring, got " +
                       py::str(py::type::of(shape).attr("__name__")).cast<std::string>());
}

using points_array = py::array_t<double, py::array::c_style | py::array::forcecast>;

// (n, 3) points in metres from an array of shape (3,) or (n, 3); `single` says it was (3,).
inline points_array points_of(const py::object& points, bool* single = nullptr) {
  require_real_array(points, "points");
  points_array array = points_array::ensure(points);
  if (!array) throw py::type_error("points must be an array of (x, y, z) in metres");
  if (single) *single = array.ndim() == 1;
  if (array.ndim() == 1 && array.shape(0) == 3) array = array.reshape({py::ssize_t{1}, py::ssize_t{3}});
  if (array.ndim() != 2 || array.shape(1) != 3)
    throw py::value_error(fmt::format("points must have shape (3,) or (n, 3), got an array of {} dimension(s)"
                                      " whose last has {} entries", array.ndim(), array.ndim() ? array.shape(array.ndim() - 1) : 0));
  return array;
}

inline external_field_kind external_field_kind_arg(const std::string& kind) {
  if (kind == "applied") return external_field_kind::applied;
  if (kind == "in_magnet") return external_field_kind::in_magnet;
  throw py::value_error("external_field_kind must be \"applied\" or \"in_magnet\", got \"" + kind + "\"");
}

} // namespace magmat::python
