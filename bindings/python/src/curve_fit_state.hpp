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

/// The temperatures one call reaches, checked against a fitted magnet's measured curves: pass each
/// through `seen(t)` (it returns t), then `seen.warn()` once, after the call's work.
class extrapolation_seen {
 public:
  explicit extrapolation_seen(const Magnet& magnet) : magnet_(magnet) {}
  thermodynamic_temperature operator()(thermodynamic_temperature t) {
    outside_ = outside_ || magnet_.is_extrapolated(t);
    return t;
  }
  void warn() const { warn_if_extrapolated(magnet_, outside_); }

 private:
  const Magnet& magnet_;
  bool outside_ = false;
};

} // namespace magmat::python
