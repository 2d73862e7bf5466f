// The Bessel function J1 for the cylinder's demagnetizing factor (permeance.cpp). The library
// computes it itself: libstdc++'s std::cyl_bessel_j races when called from several threads
// (ThreadSanitizer, shaped losses evaluated in parallel), and this one is also faster.
#pragma once

#include <cmath>
#include <numbers>

namespace magmat::detail {

// J1(x) for x >= 0, to about 1e-15 absolute.
//  - x < 25: Bessel's integral J1(x) = (1/pi) ∫0^pi cos(t - x sin t) dt by the trapezoidal rule.
//    Its integrand is periodic and smooth, so the rule's error is the aliased J_(1±k M)(x), which
//    for M = 2 * 48 points and x < 25 lies below 1e-16 ((e x / 2n)^n / sqrt(2 pi n) at n = 95).
//  - x >= 25: Hankel's asymptotic expansion (Abramowitz & Stegun 9.2.5, 9.2.9, 9.2.10), summed
//    until its terms fall below 1e-17; its smallest term is near exp(-2x) < 1e-21.
inline double bessel_j1(double x) {
  if (x < 0.0) return -bessel_j1(-x);
  if (x < 25.0) {
    constexpr int half_points = 48; // points on [0, pi]; the full period has 96
    const double step = std::numbers::pi / half_points;
    // Trapezoid over [0, pi]: the ends count half. cos(t - x sin t) is 1 at t = 0 and -1 at pi.
    double sum = 0.5 * (1.0 - 1.0);
    for (int k = 1; k < half_points; ++k) {
      const double t = k * step;
      sum += std::cos(t - x * std::sin(t));
    }
    return sum / half_points;
  }
  // P and Q of J1 = sqrt(2 / (pi x)) (P cos w - Q sin w), w = x - 3 pi / 4, with mu = 4 nu^2 = 4.
  constexpr double mu = 4.0;
  const double eight_x = 8.0 * x;
  double p = 1.0, q = 0.0, term = 1.0;
  for (int k = 1; k < 60; ++k) {
    const double odd = 2.0 * k - 1.0;
    term *= (mu - odd * odd) / (k * eight_x);
    if (k % 2 == 1) q += (k % 4 == 1 ? term : -term);
    else p += (k % 4 == 2 ? -term : term);
    if (std::abs(term) < 1e-17) break;
  }
  const double w = x - 0.75 * std::numbers::pi;
  return std::sqrt(2.0 / (std::numbers::pi * x)) * (p * std::cos(w) - q * std::sin(w));
}

} // namespace magmat::detail
