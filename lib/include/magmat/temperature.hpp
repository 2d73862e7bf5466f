// Temperature laws of intrinsic properties: Kuz'min's magnetization curve and the power law
// that ties anisotropy to magnetization (physics brief §3.1-3.2).
#pragma once

#include <magmat/errors.hpp> // domain_error, thrown below
#include <magmat/lanes.hpp>

#include <cmath>

namespace magmat {

namespace detail {

// Throws domain_error for a reduced temperature below 0 or NaN. Out of line (temperature.cpp),
// so the throw path instantiates no std::string or exception code where the laws are inlined:
// the batch engine's AVX2 kernel must define no inline (weak) function of its own (batch/kernel.hpp).
[[noreturn]] void throw_negative_reduced_temperature(double tau);

// The laws below, written once on a double or on an Eigen array of lanes (lanes.hpp).
// `root` is sqrt(tau), which a mixed site computes once for all its end members.
template <class Value>
Value kuzmin_reduced_magnetization(const Value& tau, const Value& root, double s, double p) {
  const lanes::mask_of<Value> invalid = !(tau >= 0.0);
  if (lanes::any(invalid))
    throw_negative_reduced_temperature(lanes::first_where(invalid, tau));
  // tau^1.5 = tau sqrt(tau), and tau^p likewise for the usual p = 5/2: one sqrt instead of two pow.
  const Value tau_p = p == 2.5 ? Value(tau * tau * root) : Value(lanes::pow(tau, p));
  const Value cube = 1.0 - s * (tau * root) - (1.0 - s) * tau_p;
  const Value below_curie = lanes::where(cube > 0.0, lanes::cbrt(cube), 0.0);
  return lanes::where(tau >= 1.0, 0.0, below_curie);
}

template <class Value>
Value kuzmin_reduced_magnetization(const Value& tau, double s, double p) {
  return kuzmin_reduced_magnetization(tau, Value(lanes::sqrt(tau)), s, p);
}

template <class Value>
Value critical_power_reduced_magnetization(const Value& tau, double a, double b) {
  const lanes::mask_of<Value> invalid = !(tau >= 0.0);
  if (lanes::any(invalid))
    throw_negative_reduced_temperature(lanes::first_where(invalid, tau));
  const Value below_one = lanes::min(tau, 1.0);
  const Value law = lanes::pow(Value(1.0 - lanes::pow(below_one, a)), b);
  return lanes::where(tau >= 1.0, 0.0, law);
}

template <class Value>
Value anisotropy_field_ratio(const Value& reduced_magnetization, double reference_reduced_magnetization,
                             double exponent) {
  // The ratio must be exactly 1 at the reference temperature, so that a grade's stated HcJ comes
  // back unchanged there: a product with the inverse (a packed division is the batch's slowest
  // instruction; within 2 ulp of the quotient), and 1 where m is the reference m.
  const Value ratio = lanes::where(reduced_magnetization == reference_reduced_magnetization, 1.0,
                                   Value(reduced_magnetization * (1.0 / reference_reduced_magnetization)));
  // n = 3: the usual l = 2 case, without a pow.
  const Value scaled = exponent == 3.0 ? Value(ratio * ratio) : Value(lanes::pow(ratio, exponent - 1.0));
  return lanes::where(reduced_magnetization <= 0.0, 0.0, scaled);
}

} // namespace detail

/// Kuz'min's reduced spontaneous magnetization m = Ms(T)/Ms(0) at reduced temperature
/// tau = T/Tc: m = [1 - s tau^(3/2) - (1 - s) tau^p]^(1/3) for 0 <= tau < 1, and 0 from the
/// Curie point up (M. D. Kuz'min, PRL 94, 107204 (2005); the form with p = 5/2 is the one of
/// MaMMoS mammos-analysis kuzmin.py, brief §3.1). Throws domain_error for tau < 0 or NaN.
inline double kuzmin_reduced_magnetization(double tau, double s, double p) {
  return detail::kuzmin_reduced_magnetization(tau, s, p);
}
/// The same, lane by lane over a block of reduced temperatures (the batch engine).
template <int Size>
lanes::block<Size> kuzmin_reduced_magnetization(const lanes::block<Size>& tau, double s, double p) {
  return detail::kuzmin_reduced_magnetization(tau, s, p);
}

/// A critical-power reduced magnetization m = (1 - tau^a)^b for 0 <= tau < 1, 0 above: with
/// a = b = 1 the linear Ms(T) of M-type hexaferrites, whose many sublattices defeat Kuz'min's
/// single-sublattice form (brief §3.1 fits p = 5/2; ferrite data give s outside its range).
inline double critical_power_reduced_magnetization(double tau, double a, double b) {
  return detail::critical_power_reduced_magnetization(tau, a, b);
}
template <int Size>
lanes::block<Size> critical_power_reduced_magnetization(const lanes::block<Size>& tau, double a, double b) {
  return detail::critical_power_reduced_magnetization(tau, a, b);
}

/// Anisotropy field scaled by magnetization: with K1 proportional to m^n (Callen-Callen, n = 3
/// for l = 2, brief §3.2) and HA = 2 K1 / (mu0 Ms), HA(T)/HA(Tref) = (m(T)/m(Tref))^(n - 1).
/// n < 1 makes HA rise as m falls, as in hexaferrites.
inline double anisotropy_field_ratio(double reduced_magnetization, double reference_reduced_magnetization,
                                     double exponent) {
  return detail::anisotropy_field_ratio(reduced_magnetization, reference_reduced_magnetization, exponent);
}
template <int Size>
lanes::block<Size> anisotropy_field_ratio(const lanes::block<Size>& reduced_magnetization,
                                          double reference_reduced_magnetization, double exponent) {
  return detail::anisotropy_field_ratio(reduced_magnetization, reference_reduced_magnetization, exponent);
}

} // namespace magmat
