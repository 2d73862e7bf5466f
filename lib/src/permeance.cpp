// Demagnetizing factors and permeance coefficients (permeance.hpp).
#include <magmat/errors.hpp>
#include <magmat/permeance.hpp>

#include "bessel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace magmat {
namespace {

void check_dimension(const char* name, double metres) {
  if (!(metres > 0.0) || !std::isfinite(metres))
    throw domain_error(fmt::format("{} must be a finite length > 0 m, got {} m", name, metres));
}

// 10-point Gauss-Legendre nodes and weights on [-1, 1].
constexpr double gauss_nodes[5] = {0.1488743389816312, 0.4333953941292472, 0.6794095682990244,
                                   0.8650633666889845, 0.9739065285171717};
constexpr double gauss_weights[5] = {0.2955242247147529, 0.2692667193099963, 0.2190863625159820,
                                     0.1494513491505806, 0.0666713443086881};

template <class F>
double gauss_legendre(F&& f, double a, double b) {
  const double mid = 0.5 * (a + b), half = 0.5 * (b - a);
  double sum = 0.0;
  for (int i = 0; i < 5; ++i) sum += gauss_weights[i] * (f(mid - half * gauss_nodes[i]) + f(mid + half * gauss_nodes[i]));
  return half * sum;
}

// Largest / smallest side accepted by block_demagnetizing_factor: the range over which it is
// checked against a 240-digit evaluation of Aharoni's formula (tests/data/demagnetizing_factors);
// a 1 m plate 1 pm thick is no magnet.
constexpr double max_block_aspect_ratio = 1e12 * (1.0 + 1e-12); // slack for the rounding of 1 / 1e-12

// Aharoni's closed form (J. Appl. Phys. 83, 3432 (1998), eq. 1) rearranged so that no step
// cancels: with half-sides a, b across and c along M, normalized by the largest, every
// ln[(x−y)/(x+y)] of the original is −2 asinh of a ratio (ln[(r−a)/(r+a)] = −2 asinh(a/r_bc), ...),
// the pairs whose O(1) parts cancel in needles and in-plane plates are merged with
// asinh x − asinh y = asinh(x√(1+y²) − y√(1+x²)) and differences of roots written as
// r − r_ac = b²/(r + r_ac), and the polynomial part, whose c³ and c(a² + b²) terms cancel
// exactly, is reduced by hand to what is left (derivation in docs/model.md §7). This is exact
// algebra, not an expansion, and agrees with the formula at 240 digits to 5e-16 for every
// aspect ratio in 1e-12..1e12 (tests/data/demagnetizing_factors) when c is not the shortest side.
double block_factor_c_not_shortest(double a, double b, double c) {
  const double r = std::sqrt(a * a + b * b + c * c);
  const double rab = std::hypot(a, b), rbc = std::hypot(b, c), rac = std::hypot(a, c);
  // (c/b) ln-pair: asinh(a/r_bc) − asinh(a/c), and (c/a): asinh(b/r_ac) − asinh(b/c) (both < 0)
  const double d1 = -std::asinh(a * b * b / (c * rbc * (r + rac)));
  const double d2 = -std::asinh(b * a * a / (c * rac * (r + rbc)));
  // (b/c) ln-pair: asinh(a/b) − asinh(a/r_bc), and (a/c): asinh(b/a) − asinh(b/r_ac) (both > 0)
  const double d3 = std::asinh(a * c * c / (b * rbc * (r + rab)));
  const double d4 = std::asinh(b * c * c / (a * rac * (r + rab)));
  // 3abc × polynomial part = a³ + b³ − r_ab³ + a²b² [1/(r + r_ac) + 1/(r + r_bc)] − 2c² e,
  // e = (r − c) − (r_ac − c) − (r_bc − c) < 0; a³ + b³ − r_ab³ with the shorter side s and the
  // longer l is s³ − s² (l² + l r_ab + r_ab²)/(l + r_ab).
  const double e = -a * a * b * b * (1.0 / (r + rbc) + 1.0 / (c + rac)) / ((r + rac) * (rbc + c));
  const double s = std::min(a, b), l = std::max(a, b);
  const double cubes = s * s * s - s * s * (l * l + l * rab + rab * rab) / (l + rab);
  const double poly = cubes + a * a * b * b * (1.0 / (r + rac) + 1.0 / (r + rbc)) - 2.0 * c * c * e;
  const double pi_n = b / c * d3 + a / c * d4 + c / b * d1 + c / a * d2 + 2.0 * std::atan2(a * b, c * r) +
                      poly / (3.0 * a * b * c);
  return pi_n / std::numbers::pi;
}

} // namespace

double cylinder_demagnetizing_factor(length length_along_axis, length diameter) {
  check_dimension("cylinder length", length_along_axis.value());
  check_dimension("cylinder diameter", diameter.value());
  const double ratio = length_along_axis.value() / (0.5 * diameter.value()); // L / a
  auto integrand = [ratio](double x) {
    if (x < 1e-8) return 0.25 * ratio * x; // J1(x) ~ x/2, 1 - exp(-r x) ~ r x
    const double j1 = detail::bessel_j1(x);
    return j1 * j1 * -std::expm1(-x * ratio) / (x * x);
  };
  // Panels of width pi/2 follow the Bessel function's oscillation up to x_max; beyond it
  // J1(x)² averages 1/(pi x), and the tail (1/pi) ∫ (1 − exp(−r x))/x³ dx is integrated after
  // u = 1/x, where it is smooth: (1/pi) ∫0^(1/x_max) u (1 − exp(−r/u)) du.
  constexpr double x_max = 2000.0;
  const double panel = 0.5 * std::numbers::pi;
  double integral = 0.0;
  for (double a = 0.0; a < x_max; a += panel) integral += gauss_legendre(integrand, a, std::min(a + panel, x_max));
  auto tail = [ratio](double u) { return u > 0.0 ? u * -std::expm1(-ratio / u) / std::numbers::pi : 0.0; };
  constexpr int tail_panels = 16;
  for (int i = 0; i < tail_panels; ++i)
    integral += gauss_legendre(tail, i / (tail_panels * x_max), (i + 1) / (tail_panels * x_max));
  return 2.0 / ratio * integral;
}

double block_demagnetizing_factor(length length_along_magnetization, length width, length height) {
  const double l = length_along_magnetization.value(), w = width.value(), h = height.value();
  check_dimension("block length", l);
  check_dimension("block width", w);
  check_dimension("block height", h);
  const double largest = std::max({l, w, h}), smallest = std::min({l, w, h});
  if (largest / smallest > max_block_aspect_ratio)
    throw domain_error(fmt::format("block sides length = {} m, width = {} m, height = {} m: the ratio of the "
                                   "largest to the smallest side, {:.3g}, exceeds the supported {:.0e}",
                                   l, w, h, largest / smallest, max_block_aspect_ratio));
  // N depends only on the shape: scale by the largest side so no square or cube overflows (sides
  // near 1e103 m gave NaN) and the smallest normalized half-side is >= 5e-13.
  const double a = 0.5 * w / largest, b = 0.5 * h / largest, c = 0.5 * l / largest;
  // With c the shortest side (plates magnetized across) N -> 1 and the closed form loses
  // 1e-16/c; the sum rule N_x + N_y + N_z = 1 (trace of the demagnetizing tensor) gives it from
  // the two small in-plane factors instead, each accurate to rounding.
  if (c < std::min(a, b)) return 1.0 - block_factor_c_not_shortest(b, c, a) - block_factor_c_not_shortest(c, a, b);
  return block_factor_c_not_shortest(a, b, c);
}

double cylinder_center_demagnetizing_factor(length length_along_axis, length diameter) {
  check_dimension("cylinder length", length_along_axis.value());
  check_dimension("cylinder diameter", diameter.value());
  const double l = length_along_axis.value(), d = diameter.value();
  return 1.0 - l / std::sqrt(l * l + d * d);
}

double block_center_demagnetizing_factor(length length_along_magnetization, length width, length height) {
  check_dimension("block length", length_along_magnetization.value());
  check_dimension("block width", width.value());
  check_dimension("block height", height.value());
  const double a = 0.5 * width.value(), b = 0.5 * height.value(), c = 0.5 * length_along_magnetization.value();
  return 2.0 / std::numbers::pi * std::atan(a * b / (c * std::sqrt(a * a + b * b + c * c)));
}

double permeance_coefficient(double demagnetizing_factor) {
  if (!(demagnetizing_factor > 0.0 && demagnetizing_factor <= 1.0))
    throw domain_error(fmt::format("a demagnetizing factor must lie in (0, 1], got {}", demagnetizing_factor));
  return (1.0 - demagnetizing_factor) / demagnetizing_factor;
}

double permeance_coefficient_cylinder(length length_along_axis, length diameter) {
  return permeance_coefficient(cylinder_demagnetizing_factor(length_along_axis, diameter));
}

double permeance_coefficient_block(length length_along_magnetization, length width, length height) {
  return permeance_coefficient(block_demagnetizing_factor(length_along_magnetization, width, height));
}

} // namespace magmat
