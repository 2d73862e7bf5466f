// Demagnetizing factors and permeance coefficients (permeance.hpp).
#include <magmat/errors.hpp>
#include <magmat/permeance.hpp>

#include "bessel.hpp"

#include <fmt/format.h>

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
  check_dimension("block length", length_along_magnetization.value());
  check_dimension("block width", width.value());
  check_dimension("block height", height.value());
  // Aharoni's formula with half-sides a, b (across) and c (along the magnetization).
  const double a = 0.5 * width.value(), b = 0.5 * height.value(), c = 0.5 * length_along_magnetization.value();
  const double r = std::sqrt(a * a + b * b + c * c);
  const double rab = std::sqrt(a * a + b * b), rbc = std::sqrt(b * b + c * c), rac = std::sqrt(a * a + c * c);
  const double pi_n = (b * b - c * c) / (2.0 * b * c) * std::log((r - a) / (r + a)) +
                      (a * a - c * c) / (2.0 * a * c) * std::log((r - b) / (r + b)) +
                      b / (2.0 * c) * std::log((rab + a) / (rab - a)) + a / (2.0 * c) * std::log((rab + b) / (rab - b)) +
                      c / (2.0 * a) * std::log((rbc - b) / (rbc + b)) + c / (2.0 * b) * std::log((rac - a) / (rac + a)) +
                      2.0 * std::atan2(a * b, c * r) + (a * a * a + b * b * b - 2.0 * c * c * c) / (3.0 * a * b * c) +
                      (a * a + b * b - 2.0 * c * c) * r / (3.0 * a * b * c) + c / (a * b) * (rac + rbc) -
                      (rab * rab * rab + rbc * rbc * rbc + rac * rac * rac) / (3.0 * a * b * c);
  return pi_n / std::numbers::pi;
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
