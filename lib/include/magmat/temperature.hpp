// Temperature laws of intrinsic properties: Kuz'min's magnetization curve and the power law
// that ties anisotropy to magnetization (physics brief §3.1-3.2).
#pragma once

#include <magmat/errors.hpp>

#include <cmath>
#include <string>

namespace magmat {

/// Kuz'min's reduced spontaneous magnetization m = Ms(T)/Ms(0) at reduced temperature
/// tau = T/Tc: m = [1 - s tau^(3/2) - (1 - s) tau^p]^(1/3) for 0 <= tau < 1, and 0 from the
/// Curie point up (M. D. Kuz'min, PRL 94, 107204 (2005); the form with p = 5/2 is the one of
/// MaMMoS mammos-analysis kuzmin.py, brief §3.1). Throws domain_error for tau < 0 or NaN.
inline double kuzmin_reduced_magnetization(double tau, double s, double p) {
  if (!(tau >= 0.0)) throw domain_error("reduced temperature T/Tc must be >= 0, got " + std::to_string(tau));
  if (tau >= 1.0) return 0.0;
  // tau^1.5 = tau sqrt(tau), and tau^p likewise for the usual p = 5/2: one sqrt instead of two pow.
  const double root = std::sqrt(tau);
  const double tau_p = p == 2.5 ? tau * tau * root : std::pow(tau, p);
  const double cube = 1.0 - s * (tau * root) - (1.0 - s) * tau_p;
  return cube > 0.0 ? std::cbrt(cube) : 0.0;
}

/// A critical-power reduced magnetization m = (1 - tau^a)^b for 0 <= tau < 1, 0 above: with
/// a = b = 1 the linear Ms(T) of M-type hexaferrites, whose many sublattices defeat Kuz'min's
/// single-sublattice form (brief §3.1 fits p = 5/2; ferrite data give s outside its range).
inline double critical_power_reduced_magnetization(double tau, double a, double b) {
  if (!(tau >= 0.0)) throw domain_error("reduced temperature T/Tc must be >= 0, got " + std::to_string(tau));
  if (tau >= 1.0) return 0.0;
  return std::pow(1.0 - std::pow(tau, a), b);
}

/// Anisotropy field scaled by magnetization: with K1 proportional to m^n (Callen-Callen, n = 3
/// for l = 2, brief §3.2) and HA = 2 K1 / (mu0 Ms), HA(T)/HA(Tref) = (m(T)/m(Tref))^(n - 1).
/// n < 1 makes HA rise as m falls, as in hexaferrites.
inline double anisotropy_field_ratio(double reduced_magnetization, double reference_reduced_magnetization,
                                     double exponent) {
  if (reduced_magnetization <= 0.0) return 0.0;
  const double ratio = reduced_magnetization / reference_reduced_magnetization;
  return exponent == 3.0 ? ratio * ratio : std::pow(ratio, exponent - 1.0); // n = 3: the usual l = 2 case
}

} // namespace magmat
