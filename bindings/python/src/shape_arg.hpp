// A magnet shape argument from Python: a Cylinder, Block or Ring object.
#pragma once

#include "pybind.hpp"

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

inline external_field_kind external_field_kind_arg(const std::string& kind) {
  if (kind == "applied") return external_field_kind::applied;
  if (kind == "in_magnet") return external_field_kind::in_magnet;
  throw py::value_error("external_field_kind must be \"applied\" or \"in_magnet\", got \"" + kind + "\"");
}

} // namespace magmat::python
