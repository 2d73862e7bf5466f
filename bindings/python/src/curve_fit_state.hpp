// Pickled state of a fitted magnet's measured curves (register_curve_fit.cpp), shared with the
// Magnet's own state (register_magnet.cpp).
#pragma once

#include "pybind.hpp"

#include <magmat/magnet.hpp>

namespace magmat::python {

py::tuple measured_state(const measured_curves_table& table);
/// Throws domain_error naming what in the state is wrong.
measured_curves_table measured_from_state(const py::tuple& state);

/// An ExtrapolationWarning when `outside`: `magnet`'s values at some of the temperatures asked
/// for are carried beyond its measured curves by the physics model.
void warn_if_extrapolated(const Magnet& magnet, bool outside);

} // namespace magmat::python
