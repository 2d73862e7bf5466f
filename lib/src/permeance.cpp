// Demagnetizing factors and permeance coefficients (permeance.hpp).
#include <magmat/errors.hpp>
#include <magmat/permeance.hpp>

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

// L/D accepted by cylinder_demagnetizing_factor, the range checked against the closed form at
// 120 digits (tests/data/demagnetizing_factors); the same bound as for blocks.
constexpr double max_cylinder_aspect_ratio = 1e12 * (1.0 + 1e-12);

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
  const double l = length_along_axis.value(), d = diameter.value();
  check_dimension("cylinder length", l);
  check_dimension("cylinder diameter", d);
  const double tau = l / d;
  if (!(tau <= max_cylinder_aspect_ratio && tau >= 1.0 / max_cylinder_aspect_ratio))
    throw domain_error(fmt::format("cylinder length = {} m, diameter = {} m: length/diameter = {:.3g} lies outside the "
                                   "supported [1e-12, 1e+12]",
                                   l, d, tau));
  // The Bessel integral of docs/model.md §7 in closed form (Beleggia et al., J. Phys. D 38, 3333
  // (2005), circular case; BELEGGIA05, checked against that integral at 30 digits by the reference
  // generator): with tau = L/D, k² = m = 1/(1 + tau²),
  //   N = 1 + 4/(3 pi tau) [1 − √(1 + tau²) ((1 − tau²) E(m) + tau² K(m))].
  // Both limits cancel in that form, so each is summed as its own convergent series.
  if (tau >= 1.0) {
    // Rods (m <= 1/2): with K = (pi/2) sum c_n m^n, E = (pi/2) sum c_n m^n/(1 − 2n) (DLMF 19.5.1-2),
    // N = 4/(3 pi tau) + sum_{n>=1} u_n m^n / √(1 − m), u_n = r_n − (2/3) t_n, where r_n are the
    // coefficients of √(1 − m), t_n = e_n + g_{n+1} − g_n, e_n = c_n/(1 − 2n), g_n = 2n c_n/(2n − 1):
    // the constant terms cancel exactly (u_0 = 1 − (2/3)(3/2) = 0), leaving N -> 4/(3 pi tau) − 1/(8 tau²).
    const double m = 1.0 / (1.0 + tau * tau);
    double c = 0.25, c_next = 0.25 * (3.0 / 4.0) * (3.0 / 4.0); // c_1, c_2
    double r = 1.0, power = 1.0, sum = 0.0;
    for (int n = 1; n < 200; ++n) {
      r *= (n - 1.5) / n;
      const double t = c / (1.0 - 2.0 * n) + 2.0 * (n + 1) * c_next / (2.0 * n + 1.0) - 2.0 * n * c / (2.0 * n - 1.0);
      power *= m;
      const double term = (r - 2.0 / 3.0 * t) * power;
      sum += term;
      if (std::abs(term) <= 1e-18 * std::abs(sum)) break;
      c = c_next;
      c_next *= ((2.0 * n + 3.0) / (2.0 * n + 4.0)) * ((2.0 * n + 3.0) / (2.0 * n + 4.0));
    }
    return 4.0 / (3.0 * std::numbers::pi * tau) + sum / std::sqrt(1.0 - m);
  }
  // Discs (k'² = m1 = tau²/(1 + tau²) <= 1/2): with k = √(1 − m1), the bracket is
  // (B − 1) = [(1 − 2 m1)(E − 1) + m1 K + (1 − k³) − 2 m1] / k³ and 1 − N = 4/(3 pi tau) (B − 1),
  // K and E − 1 from their series about k' = 0 (DLMF 19.12.1-2):
  //   K = sum a_n m1^n (ln(1/k') + d_n),  E − 1 = ½ sum b_n m1^(n+1) (ln(1/k') + d_n − 1/((2n+1)(2n+2))),
  // a_n = ((1/2)_n/n!)², b_n = (1/2)_n (3/2)_n / ((2)_n n!), d_n = psi(1+n) − psi(1/2+n), d_0 = 2 ln 2.
  // So N -> 1 − (2 tau/pi)(ln(4/tau) − 1/2) is 1 minus a small term computed on its own.
  const double m1 = tau * tau / (1.0 + tau * tau);
  const double log_inverse_kp = -std::log(tau) + 0.5 * std::log1p(tau * tau);
  double a = 1.0, b = 1.0, dn = 2.0 * std::numbers::ln2, power = 1.0, k_sum = 0.0, e_minus_1 = 0.0;
  for (int n = 0; n < 200; ++n) {
    const double tk = a * power * (log_inverse_kp + dn);
    const double te = 0.5 * b * power * m1 * (log_inverse_kp + dn - 1.0 / ((2.0 * n + 1.0) * (2.0 * n + 2.0)));
    k_sum += tk;
    e_minus_1 += te;
    if (std::abs(tk) <= 1e-18 * k_sum && std::abs(te) <= 1e-18 * e_minus_1) break;
    a *= ((n + 0.5) / (n + 1.0)) * ((n + 0.5) / (n + 1.0));
    b *= (n + 0.5) * (n + 1.5) / ((n + 2.0) * (n + 1.0));
    dn -= 1.0 / ((n + 1.0) * (2.0 * n + 1.0));
    power *= m1;
  }
  const double log_k3 = 1.5 * std::log1p(-m1);
  const double bracket = (1.0 - 2.0 * m1) * e_minus_1 + m1 * k_sum + (-std::expm1(log_k3) - 2.0 * m1);
  return 1.0 - 4.0 / (3.0 * std::numbers::pi * tau) * bracket / std::exp(log_k3);
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
