#include <magmat/shapes.hpp>

#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <magmat/permeance.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace magmat {
namespace {

double metres_of(length l) { return l.value(); }
length metres(double value) { return length::from_value(value); }

void check_dimension(length value, const char* shape, const char* name) {
  const double v = metres_of(value);
  if (!(v > 0.0) || !std::isfinite(v))
    throw domain_error(fmt::format("{}: {} must be a finite length > 0 m, got {} m", shape, name, v));
}

// ln(v + R) with R = sqrt(u^2 + v^2 + w^2), without the cancellation of v + R for v < 0:
// there v + R = (u^2 + w^2) / (R - v).
double log_v_plus_r(double v, double r, double u2_plus_w2) {
  return v >= 0.0 ? std::log(v + r) : std::log(u2_plus_w2 / (r - v));
}

// H / M of a block with half sizes (a, b, c), unit magnetization along z: the field of the
// charge densities +1 on z = +c and -1 on z = -c. For one face at height z0 and the point's
// offsets u = x - x', v = y - y', w = z - z0, the field of a unit charge density is
// (1 / 4 pi) times the double integral of (u, v, w) / R^3 over the face, whose antiderivatives
// in (u, v) are -ln(v + R), -ln(u + R) and arctan(u v / (w R)).
std::array<double, 3> block_field(double a, double b, double c, double x, double y, double z) {
  std::array<double, 3> h{0.0, 0.0, 0.0};
  for (const auto& [face, charge] : {std::pair{c, 1.0}, std::pair{-c, -1.0}}) {
    const double w = z - face;
    const double corners_x[2] = {x + a, x - a}, corners_y[2] = {y + b, y - b};
    for (int i = 0; i < 2; ++i) {
      const double u = corners_x[i];
      for (int j = 0; j < 2; ++j) {
        const double v = corners_y[j];
        const double r = std::sqrt(u * u + v * v + w * w);
        if (!(r > 0.0) || (w == 0.0 && (u == 0.0 || v == 0.0)))
          throw domain_error("demagnetizing field: the point lies on an edge of a charged face of the block");
        const double sign = (i == j ? 1.0 : -1.0) * charge;
        h[0] -= sign * log_v_plus_r(v, r, u * u + w * w);
        h[1] -= sign * log_v_plus_r(u, r, v * v + w * w);
        // On a face (w = 0) the arctan jumps: the limit from inside the magnet is taken (below
        // the top face, above the bottom one).
        const double side = w != 0.0 ? w : -charge;
        h[2] += sign * (w != 0.0 ? std::atan(u * v / (w * r))
                                 : std::copysign(std::numbers::pi / 2, u * v) * (side > 0.0 ? 1.0 : -1.0));
      }
    }
  }
  for (double& component : h) component *= 1.0 / (4.0 * std::numbers::pi);
  return h;
}

// (H_rho, H_z) / M of a cylinder of radius a and half length b, unit magnetization along z, at
// (rho, z): B / (mu0 M) of Derby & Olbert (Am. J. Phys. 78 (2010) 229), minus the magnetization
// inside the cylinder.
std::array<double, 2> cylinder_field(double a, double b, double rho, double z) {
  struct end_terms {
    double alpha, beta, k;
  };
  const auto terms = [&](double zz) {
    const double den = std::sqrt(zz * zz + (rho + a) * (rho + a));
    return end_terms{a / den, zz / den, std::sqrt(zz * zz + (a - rho) * (a - rho)) / den};
  };
  const end_terms plus = terms(z + b), minus = terms(z - b);
  if (!(plus.k > 0.0) || !(minus.k > 0.0))
    throw domain_error("demagnetizing field: the point lies on the rim of an end face of the cylinder");
  // On the side surface (rho = a) gamma = 0, where B_z jumps by mu0 M (the equivalent surface
  // current) while H_z does not: the limit from inside is taken, paired with the magnetization.
  const bool inside = rho <= a && std::abs(z) <= b;
  const double gamma = rho != a ? (a - rho) / (a + rho) : 1e-150;
  const double b0 = 1.0 / std::numbers::pi;
  const double b_rho =
      b0 * (plus.alpha * bulirsch_cel(plus.k, 1.0, 1.0, -1.0) - minus.alpha * bulirsch_cel(minus.k, 1.0, 1.0, -1.0));
  const double p = gamma * gamma;
  const double b_z = b0 * a / (a + rho) *
                     (plus.beta * bulirsch_cel(plus.k, p, 1.0, gamma) - minus.beta * bulirsch_cel(minus.k, p, 1.0, gamma));
  return {b_rho, b_z - (inside ? 1.0 : 0.0)};
}

// Gauss-Legendre nodes and weights on [-1, 1] (Newton on P_n from the Chebyshev-like start).
std::pair<std::vector<double>, std::vector<double>> gauss_legendre(int n) {
  std::vector<double> nodes(static_cast<std::size_t>(n)), weights(static_cast<std::size_t>(n));
  for (int i = 0; i < (n + 1) / 2; ++i) {
    double x = std::cos(std::numbers::pi * (i + 0.75) / (n + 0.5)), derivative = 0.0;
    for (int step = 0; step < 100; ++step) {
      double p0 = 1.0, p1 = x;
      for (int k = 2; k <= n; ++k) {
        const double p2 = ((2.0 * k - 1.0) * x * p1 - (k - 1.0) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const double pn = n == 1 ? x : p1, pn_1 = n == 1 ? 1.0 : p0;
      derivative = n * (x * pn - pn_1) / (x * x - 1.0);
      const double dx = pn / derivative;
      x -= dx;
      if (std::abs(dx) < 1e-16) break;
    }
    const double w = 2.0 / ((1.0 - x * x) * derivative * derivative);
    nodes[static_cast<std::size_t>(i)] = -x;
    nodes[static_cast<std::size_t>(n - 1 - i)] = x;
    weights[static_cast<std::size_t>(i)] = weights[static_cast<std::size_t>(n - 1 - i)] = w;
  }
  return {nodes, weights};
}

// The inner and outer radius (m) of an axisymmetric shape's cross-section (inner 0: a cylinder).
std::pair<double, double> radii_of(const cylinder_shape& s) { return {0.0, 0.5 * metres_of(s.diameter)}; }
std::pair<double, double> radii_of(const ring_shape& s) {
  return {0.5 * metres_of(s.inner_diameter), 0.5 * metres_of(s.outer_diameter)};
}

// Gauss-Legendre nodes across an annulus (or disc) in rho: each node's radius and the fraction
// of the cross-section's area it stands for, w rho d(rho) / ((outer^2 - inner^2) / 2).
std::vector<std::pair<double, double>> annulus_rule(std::pair<double, double> radii,
                                                    const std::vector<double>& nodes, const std::vector<double>& weights) {
  const auto [inner, outer] = radii;
  const double mid = 0.5 * (outer + inner), span = 0.5 * (outer - inner);
  const double area = 0.5 * (outer * outer - inner * inner);
  std::vector<std::pair<double, double>> out;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const double rho = mid + span * nodes[i];
    out.emplace_back(rho, weights[i] * span * rho / area);
  }
  return out;
}

std::array<double, 3> axisymmetric(const std::array<double, 2>& field, double x, double y) {
  const double rho = std::hypot(x, y);
  if (rho == 0.0) return {0.0, 0.0, field[1]};
  return {field[0] * x / rho, field[0] * y / rho, field[1]};
}

double axial_demagnetizing_factor_at(const magnet_shape& shape, double x, double y, double z) {
  return -demagnetizing_field_per_magnetization(shape, {metres(x), metres(y), metres(z)})[2];
}

} // namespace

std::vector<shape_quadrature_point> volume_quadrature(const magnet_shape& shape, int order) {
  check_shape(shape);
  if (order < 2 || order > 200) throw domain_error(fmt::format("volume_quadrature: order must lie in 2-200, got {}", order));
  const auto rule = gauss_legendre(order);
  const std::vector<double>& nodes = rule.first;
  const std::vector<double>& weights = rule.second;
  std::vector<shape_quadrature_point> out;
  std::visit(
      [&](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        const double half = 0.5 * metres_of(s.axial_length);
        if constexpr (std::is_same_v<S, block_shape>) {
          const double a = 0.5 * metres_of(s.width), b = 0.5 * metres_of(s.height);
          for (std::size_t i = 0; i < nodes.size(); ++i)
            for (std::size_t j = 0; j < nodes.size(); ++j)
              for (std::size_t k = 0; k < nodes.size(); ++k)
                out.push_back({{metres(a * nodes[i]), metres(b * nodes[j]), metres(half * nodes[k])},
                               weights[i] * weights[j] * weights[k] / 8.0});
        } else {
          // the cross-section's area fraction times the fraction of the length
          for (const auto& [rho, area_fraction] : annulus_rule(radii_of(s), nodes, weights))
            for (std::size_t k = 0; k < nodes.size(); ++k)
              out.push_back({{metres(rho), metres(0.0), metres(half * nodes[k])}, area_fraction * weights[k] / 2.0});
        }
      },
      shape);
  return out;
}

shape_permeance_coefficients permeance_coefficients(const magnet_shape& shape) {
  check_shape(shape);
  constexpr int order = 48;
  const auto rule = gauss_legendre(order);
  const std::vector<double>& nodes = rule.first;
  const std::vector<double>& weights = rule.second;
  shape_permeance_coefficients out;
  double neutral = 0.0, magnetometric = 0.0, largest = 0.0;
  std::visit(
      [&](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        const double half = 0.5 * metres_of(s.axial_length);
        if constexpr (std::is_same_v<S, block_shape>) {
          const double a = 0.5 * metres_of(s.width), b = 0.5 * metres_of(s.height);
          for (std::size_t i = 0; i < nodes.size(); ++i)
            for (std::size_t j = 0; j < nodes.size(); ++j)
              neutral += weights[i] * weights[j] / 4.0 * axial_demagnetizing_factor_at(shape, a * nodes[i], b * nodes[j], 0.0);
          magnetometric = block_demagnetizing_factor(s.axial_length, s.width, s.height);
          largest = axial_demagnetizing_factor_at(shape, 0.0, 0.0, half);
        } else {
          for (const auto& [rho, area_fraction] : annulus_rule(radii_of(s), nodes, weights))
            neutral += area_fraction * axial_demagnetizing_factor_at(shape, rho, 0.0, 0.0);
          if constexpr (std::is_same_v<S, cylinder_shape>) {
            magnetometric = cylinder_demagnetizing_factor(s.axial_length, s.diameter);
            largest = axial_demagnetizing_factor_at(shape, 0.0, 0.0, half);
          } else {
            for (const auto& q : volume_quadrature(shape, order))
              magnetometric += q.weight * axial_demagnetizing_factor_at(shape, metres_of(q.point.x), 0.0, metres_of(q.point.z));
            // The end face's largest N along its radius: a scan, then golden-section refinement.
            const double inner = radii_of(s).first, outer = radii_of(s).second;
            const auto at = [&](double rho) { return axial_demagnetizing_factor_at(shape, rho, 0.0, half); };
            constexpr int samples = 64;
            int best = 1;
            for (int i = 1; i < samples; ++i)
              if (at(inner + (outer - inner) * i / samples) > at(inner + (outer - inner) * best / samples)) best = i;
            double lo = inner + (outer - inner) * (best - 1) / samples, hi = inner + (outer - inner) * (best + 1) / samples;
            const double ratio = 0.5 * (std::sqrt(5.0) - 1.0);
            for (int step = 0; step < 80 && hi - lo > 1e-12 * outer; ++step) {
              const double m1 = hi - ratio * (hi - lo), m2 = lo + ratio * (hi - lo);
              if (at(m1) < at(m2)) lo = m1;
              else hi = m2;
            }
            largest = at(0.5 * (lo + hi));
          }
        }
      },
      shape);
  out.neutral_section = permeance_coefficient(neutral);
  out.magnetometric = permeance_coefficient(magnetometric);
  out.minimum_local = permeance_coefficient(largest);
  return out;
}

cylinder_shape cylinder_with_neutral_section_permeance(double permeance) {
  if (!(permeance > 0.0) || !std::isfinite(permeance))
    throw domain_error(fmt::format("permeance coefficient must be a finite value > 0, got {}", permeance));
  // only the neutral section's N is needed (the magnetometric one is a slow Bessel integral)
  const auto rule = gauss_legendre(48);
  const std::vector<double>& nodes = rule.first;
  const std::vector<double>& weights = rule.second;
  const auto pc_of = [&](double ratio) {
    const magnet_shape cylinder = cylinder_shape{metres(ratio), metres(1.0)};
    double n = 0.0;
    for (const auto& [rho, area_fraction] : annulus_rule({0.0, 0.5}, nodes, weights))
      n += area_fraction * axial_demagnetizing_factor_at(cylinder, rho, 0.0, 0.0);
    return permeance_coefficient(n);
  };
  double low = std::log(1e-3), high = std::log(1e3);
  if (!(pc_of(std::exp(low)) <= permeance && permeance <= pc_of(std::exp(high))))
    throw domain_error(fmt::format("no cylinder of L/D between 0.001 and 1000 has a neutral-section Pc of {}", permeance));
  for (int i = 0; i < 100 && high - low > 1e-13; ++i) { // the Pc rises with L/D
    const double mid = 0.5 * (low + high);
    (pc_of(std::exp(mid)) < permeance ? low : high) = mid;
  }
  return cylinder_shape{metres(std::exp(0.5 * (low + high))), metres(1.0)};
}

double bulirsch_cel(double kc, double p, double c, double s) {
  if (!(kc != 0.0) || !std::isfinite(kc) || !(p != 0.0) || !std::isfinite(p))
    throw domain_error(fmt::format("bulirsch_cel: needs kc != 0 and p != 0, both finite; got kc = {}, p = {}", kc, p));
  // Bulirsch's iteration: a Landen-type descent that converges quadratically.
  double k = std::abs(kc), em = 1.0, pp, cc, ss;
  if (p > 0.0) {
    pp = std::sqrt(p);
    cc = c;
    ss = s / pp;
  } else {
    double f = kc * kc;
    double q = 1.0 - f;
    const double g = 1.0 - p;
    f -= p;
    q *= s - c * p;
    pp = std::sqrt(f / g);
    cc = (c - s) / g;
    ss = -q / (g * g * pp) + cc * pp;
  }
  double f = cc;
  cc += ss / pp;
  double g = k / pp;
  ss = 2.0 * (ss + f * g);
  pp += g;
  g = em;
  em += k;
  double kk = k;
  for (int step = 0; step < 64 && std::abs(g - k) > g * 1e-15; ++step) {
    k = 2.0 * std::sqrt(kk);
    kk = k * em;
    f = cc;
    cc += ss / pp;
    g = kk / pp;
    ss = 2.0 * (ss + f * g);
    pp += g;
    g = em;
    em += k;
  }
  return (std::numbers::pi / 2.0) * (ss + cc * em) / (em * (em + pp));
}

void check_shape(const magnet_shape& shape) {
  std::visit(
      [](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<S, cylinder_shape>) {
          check_dimension(s.axial_length, "Cylinder", "length");
          check_dimension(s.diameter, "Cylinder", "diameter");
        } else if constexpr (std::is_same_v<S, block_shape>) {
          check_dimension(s.axial_length, "Block", "length");
          check_dimension(s.width, "Block", "width");
          check_dimension(s.height, "Block", "height");
        } else {
          check_dimension(s.axial_length, "Ring", "length");
          check_dimension(s.outer_diameter, "Ring", "outer_diameter");
          check_dimension(s.inner_diameter, "Ring", "inner_diameter");
          if (!(s.inner_diameter < s.outer_diameter))
            throw domain_error(fmt::format("Ring: inner_diameter {} m must be below outer_diameter {} m",
                                           metres_of(s.inner_diameter), metres_of(s.outer_diameter)));
        }
      },
      shape);
}

bool contains(const magnet_shape& shape, const shape_point& point) {
  const double x = metres_of(point.x), y = metres_of(point.y), z = metres_of(point.z);
  return std::visit(
      [&](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        const double half = 0.5 * metres_of(s.axial_length);
        if (!(std::abs(z) < half)) return false;
        if constexpr (std::is_same_v<S, cylinder_shape>) {
          return std::hypot(x, y) < 0.5 * metres_of(s.diameter);
        } else if constexpr (std::is_same_v<S, block_shape>) {
          return std::abs(x) < 0.5 * metres_of(s.width) && std::abs(y) < 0.5 * metres_of(s.height);
        } else {
          const double rho = std::hypot(x, y);
          return rho < 0.5 * metres_of(s.outer_diameter) && rho > 0.5 * metres_of(s.inner_diameter);
        }
      },
      shape);
}

std::array<double, 3> demagnetizing_field_per_magnetization(const magnet_shape& shape, const shape_point& point) {
  check_shape(shape);
  const double x = metres_of(point.x), y = metres_of(point.y), z = metres_of(point.z);
  if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(z))
    throw domain_error(fmt::format("demagnetizing field: the point ({}, {}, {}) m is not finite", x, y, z));
  return std::visit(
      [&](const auto& s) -> std::array<double, 3> {
        using S = std::decay_t<decltype(s)>;
        const double half = 0.5 * metres_of(s.axial_length);
        if constexpr (std::is_same_v<S, cylinder_shape>) {
          return axisymmetric(cylinder_field(0.5 * metres_of(s.diameter), half, std::hypot(x, y), z), x, y);
        } else if constexpr (std::is_same_v<S, block_shape>) {
          return block_field(0.5 * metres_of(s.width), 0.5 * metres_of(s.height), half, x, y, z);
        } else {
          // A ring is the outer cylinder less the inner one (superposition of their charges and,
          // inside each, of their magnetization).
          const double rho = std::hypot(x, y);
          const auto outer = cylinder_field(0.5 * metres_of(s.outer_diameter), half, rho, z);
          const auto inner = cylinder_field(0.5 * metres_of(s.inner_diameter), half, rho, z);
          return axisymmetric({outer[0] - inner[0], outer[1] - inner[1]}, x, y);
        }
      },
      shape);
}

} // namespace magmat
