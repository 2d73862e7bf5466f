// Operating point, irreversible loss, operating temperature limits and on-axis fields (thermal.hpp).
#include <magmat/errors.hpp>
#include <magmat/permeance.hpp>
#include <magmat/shapes.hpp>
#include <magmat/thermal.hpp>
#include <magmat/model_formulas.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <variant>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>
#include <numbers>

namespace magmat {
namespace {

constexpr double mu0 = vacuum_permeability_h_per_m;
const thermodynamic_temperature room = from_celsius(20.0);

void check_permeance(double permeance) {
  if (!(permeance > 0.0) || !std::isfinite(permeance))
    throw domain_error(fmt::format("permeance coefficient Pc must be a finite value > 0, got {}", permeance));
}

void check_field(magnetic_field_strength field) {
  if (!std::isfinite(field.value()))
    throw domain_error(fmt::format("external field must be finite, got {} A/m", field.value()));
}

// The operating point on a given curve: f(H) = B(H) + mu0 Pc (H + H_ext) rises strictly in H
// (J(H) is monotone, demag.hpp), so it has one root. With |J| <= Js the root lies in
// [-(Js/mu0 + Pc H_ext), Js/mu0 - Pc H_ext] / (1 + Pc), where f changes sign; bisection in that
// bracket. A curve without coercivity steps from -Br to +Br at H = 0: a load line through the
// step meets the magnet at H = 0 with J = B = -mu0 Pc H_ext, the partly reversed state between.
operating_point solve(const demagnetization_model& curve, double permeance, double external,
                      thermodynamic_temperature temperature) {
  auto f = [&](double h) {
    return curve.flux_density(magnetic_field_strength::from_value(h)).value() + mu0 * permeance * (h + external);
  };
  const double js = curve.saturation_polarization().value();
  double low = 0.0, high = 0.0;
  if (std::isfinite(js)) {
    low = -(js / mu0 + permeance * external) / (1.0 + permeance);
    high = (js / mu0 - permeance * external) / (1.0 + permeance);
  } else { // a curve without a saturation bound: widen until f changes sign
    high = std::max(0.0, -external);
    low = -curve.intrinsic_coercivity().value() - std::abs(external) - 1.0;
    for (int i = 0; f(high) < 0.0; ++i) {
      if (i > 2000) throw domain_error("no operating point found: the load line does not meet the curve");
      high = 2.0 * high + 1.0;
    }
    for (int i = 0; f(low) > 0.0; ++i) {
      if (i > 2000) throw domain_error("no operating point found: the load line does not meet the curve");
      low = 2.0 * low - 1.0;
    }
  }
  if (!std::isfinite(low) || !std::isfinite(high))
    throw domain_error(fmt::format("no finite operating point for Pc = {} and external field {} A/m", permeance,
                                   external));
  for (int i = 0; i < 2100 && high - low > 1e-9 * (1.0 + std::abs(low)); ++i) {
    const double mid = 0.5 * (low + high);
    if (mid <= low || mid >= high) break; // adjacent doubles
    (f(mid) > 0.0 ? high : low) = mid;
  }
  double h = 0.5 * (low + high);
  operating_point point;
  point.temperature = temperature;
  if (curve.intrinsic_coercivity().value() == 0.0 && f(-0x1p-1074) <= 0.0 && f(0.0) >= 0.0) {
    h = 0.0;
    point.field = magnetic_field_strength::from_value(0.0);
    point.flux_density = magnetic_flux_density::from_value(-mu0 * permeance * external);
    point.polarization = magnetic_polarization::from_value(-mu0 * permeance * external);
  } else {
    point.field = magnetic_field_strength::from_value(h);
    point.flux_density = curve.flux_density(point.field);
    point.polarization = curve.polarization(point.field);
  }
  // H is the internal field with the external field included, so the brief's |H_op| + |H_ext| < Hk
  // (§6.3) reads |H| < Hk here.
  point.beyond_knee = std::abs(h) > curve.knee_field().value();
  return point;
}

// How far the magnet is from its limit at T: > 0 inside, < 0 beyond (max_loss = 0: knee margin
// as a fraction of Hk; else allowed loss minus loss).
double margin(const Magnet& magnet, double permeance, double max_loss, magnetic_field_strength external,
              thermodynamic_temperature t) {
  if (max_loss <= 0.0) {
    const demagnetization_model curve = magnet.demagnetization(t);
    const operating_point point = solve(curve, permeance, external.value(), t);
    const double knee = curve.knee_field().value();
    return knee > 0.0 ? (knee - std::abs(point.field.value())) / knee : -1.0;
  }
  return max_loss - irreversible_loss(magnet, permeance, t, external);
}

void check_max_loss(double max_loss) {
  if (!(max_loss >= 0.0 && max_loss < 1.0))
    throw domain_error(fmt::format("max_loss must lie in [0, 1), got {}", max_loss));
}

// Scans from 20 degC towards `end` in `step` (signed) until margin_at(T) turns negative, then
// bisects; returns `end` if it never does. `what` names the case in the 20 degC error.
template <class Margin>
thermodynamic_temperature scan_limit(const Magnet& magnet, Margin&& margin_at, double end_kelvin, double step,
                                     const std::string& what) {
  if (margin_at(room) < 0.0)
    throw infeasible_error(fmt::format("{} already exceeds the allowed loss at 20 degC {}", magnet.name(), what));
  double good = to_kelvin(room);
  for (;;) {
    const double next = step > 0.0 ? std::min(good + step, end_kelvin) : std::max(good + step, end_kelvin);
    if (next == good) return from_kelvin(end_kelvin);
    if (margin_at(from_kelvin(next)) < 0.0) {
      double bad = next;
      for (int i = 0; i < 60 && std::abs(bad - good) > 1e-3; ++i) {
        const double mid = 0.5 * (good + bad);
        (margin_at(from_kelvin(mid)) < 0.0 ? bad : good) = mid;
      }
      return from_kelvin(good);
    }
    good = next;
  }
}

thermodynamic_temperature limit(const Magnet& magnet, double permeance, double max_loss,
                                magnetic_field_strength external, double end_kelvin, double step) {
  check_permeance(permeance);
  check_field(external);
  check_max_loss(max_loss);
  return scan_limit(
      magnet, [&](thermodynamic_temperature t) { return margin(magnet, permeance, max_loss, external, t); },
      end_kelvin, step, fmt::format("at Pc = {:g} (external field {:g} A/m)", permeance, external.value()));
}

// The internal field of an element at local Pc with the external field of `kind`.
double element_field(const demagnetization_model& curve, double permeance, double external, external_field_kind kind,
                     thermodynamic_temperature t) {
  if (kind == external_field_kind::applied) return solve(curve, permeance, external, t).field.value();
  return solve(curve, permeance, 0.0, t).field.value() - external;
}

// The share of an element's grains reversed past its knee (0 inside the knee).
double reversed_past_knee(const demagnetization_model& curve, double field) {
  const double at_knee = curve.reversed_fraction(magnetic_field_strength::from_value(-curve.knee_field().value()));
  const double sigma = curve.reversed_fraction(magnetic_field_strength::from_value(field));
  if (!(at_knee < 1.0)) return sigma >= 1.0 ? 1.0 : 0.0;
  return std::max(0.0, (sigma - at_knee) / (1.0 - at_knee));
}

// With no coercivity J = +-Jlin steps at H = 0, and a load line that meets the step does so at
// H = 0 with B = J = -mu0 Pc H_ext (applied; 0 for a field inside the magnet, which then moves H
// off the step): the share reversed is (1 - J/Br)/2 there, 1 below the step (a net reverse
// field), 0 above it (an aiding field strong enough to hold J = Br). A bisection would land on
// either side of the step at random.
double share_without_coercivity(const demagnetization_model& curve, double permeance, double external,
                                external_field_kind kind) {
  if (kind == external_field_kind::in_magnet) return external > 0.0 ? 1.0 : external < 0.0 ? 0.0 : 0.5;
  const double br = curve.remanence().value();
  const double polarization = std::clamp(-mu0 * permeance * external, -br, br);
  return 0.5 * (1.0 - polarization / br);
}

// The share of the grains reversed past the knee of a magnet on one load line: one element of
// a shape's volume, or a whole magnet read as one load line.
double line_reversed_share(const demagnetization_model& curve, double permeance, double external,
                           thermodynamic_temperature t) {
  if (curve.knee_field().value() > 0.0) return reversed_past_knee(curve, solve(curve, permeance, external, t).field.value());
  return share_without_coercivity(curve, permeance, external, external_field_kind::applied);
}

double polarization_at_operating_point(const Magnet& magnet, double demagnetizing_factor,
                                       thermodynamic_temperature temperature) {
  return find_operating_point(magnet, permeance_coefficient(demagnetizing_factor), temperature,
                              magnetic_field_strength::from_value(0.0))
      .polarization.value();
}

void check_distance(length distance) {
  if (!(distance.value() >= 0.0) || !std::isfinite(distance.value()))
    throw domain_error(fmt::format("distance from the pole face must be a finite length >= 0 m, got {} m",
                                   distance.value()));
}

} // namespace

operating_point find_operating_point(const Magnet& magnet, double permeance, thermodynamic_temperature temperature,
                                     magnetic_field_strength external_field) {
  check_permeance(permeance);
  check_field(external_field);
  return solve(magnet.demagnetization(temperature), permeance, external_field.value(), temperature);
}

double irreversible_loss(const Magnet& magnet, double permeance, thermodynamic_temperature temperature,
                         magnetic_field_strength external_field) {
  check_permeance(permeance);
  check_field(external_field);
  // The rule of a shape's volume elements (irreversible_loss with a shape) on one load line:
  // nothing is lost inside the knee, so a magnet that meets the knee criterion loses exactly 0.
  const double baseline = line_reversed_share(magnet.demagnetization(room), permeance, 0.0, room);
  if (baseline >= 0.5) return 1.0; // the magnet holds no net polarization even at 20 degC
  const double exposed =
      line_reversed_share(magnet.demagnetization(temperature), permeance, external_field.value(), temperature);
  const double after = std::max(baseline, exposed);
  return std::clamp(1.0 - (1.0 - 2.0 * after) / (1.0 - 2.0 * baseline), 0.0, 1.0);
}

thermodynamic_temperature max_operating_temperature(const Magnet& magnet, double permeance, double max_loss,
                                                    magnetic_field_strength external_field) {
  // stay 0.01 K inside the model's range (the Curie point itself is excluded)
  return limit(magnet, permeance, max_loss, external_field, to_kelvin(magnet.max_temperature()) - 0.01, 2.0);
}

double irreversible_loss(const Magnet& magnet, const magnet_shape& shape, thermodynamic_temperature temperature,
                         magnetic_field_strength external_field, external_field_kind kind) {
  check_shape(shape);
  check_field(external_field);
  return volume_loss(magnet, shape_load_lines::of(shape), kind)(temperature, external_field);
}

// ---- shape_load_lines, volume_loss -------------------------------------------------------------

shape_load_lines::shape_load_lines(const magnet_shape& shape) : shape_(shape) {
  check_shape(shape);
  std::vector<element_load_line> all;
  for (const auto& q : volume_quadrature(shape, 24)) {
    // Inside a magnet magnetized along its length the local axial N lies in (0, 1); the clamp only
    // guards rounding at nodes near a face.
    const double n = std::clamp(-demagnetizing_field_per_magnetization(shape, q.point)[2], 1e-12, 1.0 - 1e-12);
    all.push_back({q.weight, (1.0 - n) / n});
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.permeance < b.permeance; });
  for (const auto& e : all) {
    if (!elements_.empty() && e.permeance - elements_.back().permeance <= 1e-12 * e.permeance)
      elements_.back().weight += e.weight; // a mirror image: same load line
    else
      elements_.push_back(e);
  }
  worst_permeance_ = permeance_coefficients(shape).minimum_local;
}

namespace {

bool same_shape(const magnet_shape& a, const magnet_shape& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&](const auto& x) {
        const auto& y = std::get<std::decay_t<decltype(x)>>(b);
        using S = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<S, cylinder_shape>)
          return x.axial_length == y.axial_length && x.diameter == y.diameter;
        else if constexpr (std::is_same_v<S, block_shape>)
          return x.axial_length == y.axial_length && x.width == y.width && x.height == y.height;
        else
          return x.axial_length == y.axial_length && x.outer_diameter == y.outer_diameter &&
                 x.inner_diameter == y.inner_diameter;
      },
      a);
}

} // namespace

std::shared_ptr<const shape_load_lines> shape_load_lines::of(const magnet_shape& shape) {
  static std::mutex mutex;
  static std::vector<std::shared_ptr<const shape_load_lines>> recent; // most recent last
  constexpr std::size_t capacity = 16;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    for (auto it = recent.begin(); it != recent.end(); ++it) {
      if (!same_shape((*it)->shape(), shape)) continue;
      auto found = *it;
      recent.erase(it);
      recent.push_back(found);
      return found;
    }
  }
  auto made = std::make_shared<const shape_load_lines>(shape); // outside the lock: the slow part
  const std::lock_guard<std::mutex> lock(mutex);
  if (recent.size() >= capacity) recent.erase(recent.begin());
  recent.push_back(made);
  return made;
}

namespace {

// The load lines of one curve and external field past their knee. The external field enters as in
// element_field: with e the load-line shift (applied) and `shift` the field added inside
// (in_magnet), an element's field is the root h of f(h) = B(h) + mu0 Pc (h + e) minus shift, and
// it lies beyond the knee exactly when f(shift - Hk) > 0 (f rises with h), that is
// B(shift - Hk) + mu0 Pc (external - Hk) > 0: one multiply-add per element decides.
struct knee_lines {
  formulas::demag_parameters c;
  double e, shift, width, per_double_width, sigma_knee, at_knee_field, c0, c1, floor_field;
  bool floor_holds;

  knee_lines(const demagnetization_model& curve, double width_, double external, external_field_kind kind)
      : c{curve.remanence().value(), curve.intrinsic_coercivity().value(), curve.recoil_permeability(), width_},
        e(kind == external_field_kind::applied ? external : 0.0),
        shift(kind == external_field_kind::applied ? 0.0 : external), width(width_),
        per_double_width(1.0 / (2.0 * width_)),
        sigma_knee(curve.reversed_fraction(magnetic_field_strength::from_value(-curve.knee_field().value()))),
        at_knee_field(shift - curve.knee_field().value()),
        c0(curve.flux_density(magnetic_field_strength::from_value(at_knee_field)).value()),
        c1(mu0 * (external - curve.knee_field().value())),
        // Every root lies in [floor, at_knee_field]: f(at_knee_field) > 0 for an element beyond, and at
        // floor = -HcJ - |e| - |shift| - 1 both B (J < 0 past -HcJ, where the curve's envelope, the
        // mirrored recoil line, is positive) and h + e are negative, so f(floor) < 0 whatever Pc.
        // The envelope is positive when Br > mu0 (mu_rec - 1) HcJ, which the curve's constructor checks.
        floor_field(-c.intrinsic_coercivity - std::abs(e) - std::abs(shift) - 1.0),
        floor_holds(c.remanence - mu0 * (c.recoil_permeability - 1.0) * c.intrinsic_coercivity > 0.0) {}

  bool beyond(double pc) const { return c0 + pc * c1 > 0.0; }

  // f(h) and its first two derivatives in h on the load line of `pc`.
  std::tuple<double, double, double> line(double pc, double h) const {
    const auto p = formulas::curve_point(c, h, per_double_width);
    return {p.flux_density + mu0 * pc * (h + e), p.slope + mu0 * pc, p.curvature};
  }

  // The root h of an element beyond its knee by safeguarded Newton steps from `h`, bisecting
  // whenever one leaves the bracket. Done when Newton's error after a step, about
  // |f''/(2 f')| step^2, is within `tolerance` (no evaluation spent only to confirm), or when the
  // bracket has closed to `closed` relative.
  double root(double pc, double h, double tolerance, double closed) const {
    double high = at_knee_field, low = floor_field;
    for (int k = 0; !floor_holds && std::get<0>(line(pc, low)) > 0.0; ++k) {
      if (k > 200) throw domain_error("no operating point found: the load line does not meet the curve");
      low = 2.0 * low - 1.0;
    }
    if (!(h > low && h < high)) h = 0.5 * (low + high);
    for (int k = 0; k < 200; ++k) {
      const auto [value, slope, curvature] = line(pc, h);
      (value > 0.0 ? high : low) = h;
      double next = h - value / slope;
      const bool bisect = !(next > low && next < high);
      const double step = next - h;
      const bool done = (!bisect && (std::abs(step) <= tolerance ||
                                     (std::abs(step) < 0.1 * width &&
                                      std::abs(curvature / (2.0 * slope)) * step * step <= tolerance))) ||
                        high - low <= closed * (1.0 + std::abs(low));
      if (bisect) next = 0.5 * (low + high); // safeguard
      h = next;
      if (done) break;
    }
    return h;
  }

  // (sigma(h - shift) - sigma_knee) / (1 - sigma_knee), not clipped at 0: smooth in Pc.
  double share(double sigma) const { return (sigma - sigma_knee) / (1.0 - sigma_knee); }
};

// The elements' Newton tolerance: the reversed share varies on the scale of w.
constexpr double element_tolerance = 1e-8;

// Every element past its knee solved on its own, each search started on the line through the
// previous two roots (roots move smoothly with Pc along the sorted elements).
template <class Visit>
void visit_each_beyond_knee(const demagnetization_model& curve, const knee_lines& k, const shape_load_lines& lines,
                            std::size_t first, std::size_t end, Visit&& visit) {
  const auto& elements = lines.elements();
  double last_h = k.at_knee_field, last_pc = 0.0, rate = 0.0; // rate: dh/dPc between the last two
  int solved = 0;
  for (std::size_t i = first; i < end; ++i) {
    const double pc = elements[i].permeance;
    if (!k.beyond(pc)) continue; // inside its knee
    double h = solved >= 2 ? last_h + rate * (pc - last_pc) : last_h;
    if (!(h > k.floor_field && h < k.at_knee_field)) h = solved > 0 ? last_h : 0.5 * (k.floor_field + k.at_knee_field);
    h = k.root(pc, h, element_tolerance * k.width, 1e-9);
    if (solved > 0 && pc > last_pc) rate = (h - last_h) / (pc - last_pc);
    last_h = h;
    last_pc = pc;
    ++solved;
    const double sigma = curve.reversed_fraction(magnetic_field_strength::from_value(h - k.shift));
    const double share = k.sigma_knee < 1.0 ? std::max(0.0, k.share(sigma)) : 1.0;
    if (share > 0.0) visit(i, share);
  }
}

// A node of the interpolant of the share over Pc: an exact solve, its root h, and the share with
// its first two derivatives in Pc, by implicit differentiation of F(h, Pc) = B(h) + mu0 Pc (h + e)
// = 0: h' = -mu0 (h + e) / F_h, h'' = -(B'' h'^2 + 2 mu0 h') / F_h with F_h = B' + mu0 Pc.
struct share_node {
  double pc, h, dh, d2h, share, slope, curvature;
};

share_node solve_node(const knee_lines& k, double pc, double start) {
  // converged to rounding: the interpolant's nodes must be far more accurate than its tolerance
  const double h = k.root(pc, start, 1e-13 * k.width, 1e-15);
  // B' and B'' as formulas::curve_point has them, from the tanh that (applied field) also gives sigma
  const double u = (h + k.c.intrinsic_coercivity) * k.per_double_width;
  const auto t = formulas::switching_at(u);
  const auto at = formulas::curve_point(k.c, h, k.per_double_width); // also past -HcJ
  const double f_h = at.slope + mu0 * pc;
  const double b_hh = at.curvature;
  const auto s = k.shift == 0.0 ? t : formulas::switching_at(u - k.shift * k.per_double_width);
  const double dh = -mu0 * (h + k.e) / f_h;
  const double d2h = -(b_hh * dh * dh + 2.0 * mu0 * dh) / f_h;
  // sigma = (1 - tanh u) / 2 with u = (h - shift + HcJ) / (2 w)
  const double dsigma = -0.5 * s.derivative * k.per_double_width;
  const double d2sigma = s.value * s.derivative * k.per_double_width * k.per_double_width;
  const double per_share = 1.0 / (1.0 - k.sigma_knee);
  return {pc, h, dh, d2h, k.share(0.5 * (1.0 - s.value)), dsigma * dh * per_share,
          (d2sigma * dh * dh + dsigma * d2h) * per_share};
}

// Quintic Hermite interpolation between two nodes (value, slope and curvature at both ends), as
// the polynomial in d = Pc - l.pc. Its error is (x - l)^3 (x - r)^3 f^(6) / 720, largest at the
// midpoint.
struct hermite_piece {
  double a, c0, c1, c2, c3, c4, c5;
  explicit hermite_piece(const share_node& l, const share_node& r)
      : a(l.pc), c0(l.share), c1(l.slope), c2(0.5 * l.curvature) {
    const double span = r.pc - l.pc;
    // what the left end's quadratic misses at the right end, in value, slope and curvature
    const double r0 = r.share - (l.share + span * (l.slope + span * 0.5 * l.curvature));
    const double r1 = (r.slope - (l.slope + span * l.curvature)) * span;
    const double r2 = (r.curvature - l.curvature) * span * span;
    const double span3 = span * span * span;
    c3 = (10.0 * r0 - 4.0 * r1 + 0.5 * r2) / span3;
    c4 = (-15.0 * r0 + 7.0 * r1 - r2) / (span3 * span);
    c5 = (6.0 * r0 - 3.0 * r1 + 0.5 * r2) / (span3 * span * span);
  }
  double operator()(double pc) const {
    const double d = pc - a;
    return c0 + d * (c1 + d * (c2 + d * (c3 + d * (c4 + d * c5))));
  }
};

// From this many elements past the knee up, the interpolated sum is tried (fewer: each is solved).
constexpr std::size_t interpolate_from = 64;

// Many elements past the knee (a block has 1728 load lines): the share is a smooth function of Pc
// alone (for one curve and field), so it is solved exactly at nodes and interpolated between them
// by quintic Hermite pieces with exact first and second derivatives. Each piece [l, r] is
// accepted when the interpolant misses the exact share at its midpoint m by at most `tolerance`
// (where the error peaks) and then split at m, which cuts its error by another ~64; otherwise
// both halves are refined. Returns false, having visited nothing, when this would need more nodes
// than a quarter of the elements (then they are solved one by one).
template <class VisitPiece>
bool visit_interpolated_beyond_knee(const knee_lines& k, const shape_load_lines& lines, std::size_t first,
                                    std::size_t last, double tolerance, VisitPiece&& visit_piece) {
  const auto& elements = lines.elements();
  const std::size_t budget = (last - first + 1) / 4;
  thread_local std::vector<share_node> nodes, pending; // pending: right ends still to reach; kept, so
  nodes.clear();                                       // that no call allocates
  pending.clear();
  nodes.push_back(solve_node(k, elements[first].permeance, 0.5 * (k.floor_field + k.at_knee_field)));
  pending.push_back(solve_node(k, elements[last].permeance, nodes.back().h));
  while (!pending.empty()) {
    if (nodes.size() + pending.size() > budget) return false;
    const share_node& l = nodes.back();
    const share_node r = pending.back();
    const double mid = 0.5 * (l.pc + r.pc);
    const double d = mid - l.pc; // started on the left node's Taylor quadratic
    const share_node m = solve_node(k, mid, l.h + d * (l.dh + 0.5 * d * l.d2h));
    if (std::abs(hermite_piece(l, r)(mid) - m.share) <= tolerance || !(mid > l.pc && mid < r.pc)) {
      nodes.push_back(m);
      nodes.push_back(r);
      pending.pop_back();
    } else {
      pending.push_back(m);
    }
  }
  std::size_t i = first;
  for (std::size_t piece = 0; piece + 1 < nodes.size(); ++piece) {
    const std::size_t begin = i;
    const double right = piece + 2 < nodes.size() ? nodes[piece + 1].pc : elements[last].permeance;
    i = static_cast<std::size_t>(std::upper_bound(elements.begin() + static_cast<std::ptrdiff_t>(i),
                                                  elements.begin() + static_cast<std::ptrdiff_t>(last + 1), right,
                                                  [](double pc, const auto& l) { return pc < l.permeance; }) -
                                 elements.begin());
    if (i > begin) visit_piece(begin, i, hermite_piece(nodes[piece], nodes[piece + 1]));
  }
  return true;
}

// The elements of `lines` past their knee on `curve`, with the share of each one's grains reversed
// past it, as `visit(index, share)`, or with `interpolate` through visit_interpolated_beyond_knee
// (to `tolerance` in each share) as `visit_piece(begin, end, share)` for the elements in
// [begin, end), `share(Pc)` before it is clipped at 0. Only the elements beyond are solved.
template <class Visit, class VisitPiece>
void visit_beyond_knee(const demagnetization_model& curve, const shape_load_lines& lines, double external,
                       external_field_kind kind, bool interpolate, double tolerance, Visit&& visit,
                       VisitPiece&& visit_piece) {
  const auto& elements = lines.elements();
  const double width = formulas::logistic_width(curve.intrinsic_coercivity().value(), curve.squareness());
  if (!(width > 0.0)) {
    for (std::size_t i = 0; i < elements.size(); ++i) {
      const double share = share_without_coercivity(curve, elements[i].permeance, external, kind);
      if (share > 0.0) visit(i, share);
    }
    return;
  }
  const knee_lines k(curve, width, external, kind);
  // The test is linear in Pc and the elements are sorted (c0 + Pc c1 is monotone in Pc also in
  // rounding), so those beyond form one run: a prefix for c1 < 0, a suffix for c1 > 0.
  const auto is_beyond = [&](const element_load_line& l) { return k.beyond(l.permeance); };
  std::size_t first = 0, end = elements.size();
  if (k.c1 < 0.0)
    end = static_cast<std::size_t>(std::partition_point(elements.begin(), elements.end(), is_beyond) - elements.begin());
  else if (k.c1 > 0.0)
    first = static_cast<std::size_t>(
        std::partition_point(elements.begin(), elements.end(), [&](const auto& l) { return !is_beyond(l); }) -
        elements.begin());
  else if (!k.beyond(0.0))
    end = 0;
  if (interpolate && k.floor_holds && k.sigma_knee < 1.0 && end > first && end - first >= interpolate_from &&
      elements[first].permeance < elements[end - 1].permeance) {
    if (visit_interpolated_beyond_knee(k, lines, first, end - 1, tolerance, visit_piece)) return;
  }
  visit_each_beyond_knee(curve, k, lines, first, end, visit);
}

} // namespace

volume_loss::volume_loss(const Magnet& magnet, std::shared_ptr<const shape_load_lines> lines, external_field_kind kind)
    : magnet_(&magnet), lines_(std::move(lines)), kind_(kind) {
  if (!lines_) throw domain_error("volume_loss: no shape load lines given");
  const auto& elements = lines_->elements();
  reversed_at_room_.assign(elements.size(), 0.0);
  // magnetized at 20 degC in free space: the external field is 0, so both kinds agree; once, so
  // every element is solved
  visit_beyond_knee(
      magnet.demagnetization(room), *lines_, 0.0, kind_, false, 0.0,
      [&](std::size_t i, double share) { reversed_at_room_[i] = share; }, [](std::size_t, std::size_t, const auto&) {});
  for (std::size_t i = 0; i < elements.size(); ++i)
    moment_at_room_ += elements[i].weight * (1.0 - 2.0 * reversed_at_room_[i]);
}

double volume_loss::loss(thermodynamic_temperature temperature, magnetic_field_strength external_field,
                         bool interpolate) const {
  check_field(external_field);
  if (!(moment_at_room_ > 0.0)) return 1.0; // no net moment even at 20 degC
  const auto& elements = lines_->elements();
  // the moment lost: elements reversed further than after magnetizing, the worse state stays.
  // The weights sum to 1, so a share off by at most t moves the loss by at most 2 t / moment.
  double lost = 0.0;
  const double* room_share = reversed_at_room_.data();
  const auto visit = [&](std::size_t i, double share) {
    if (share > room_share[i]) lost += elements[i].weight * 2.0 * (share - room_share[i]);
  };
  // The same sum over a piece, without branches (the room's share is >= 0, so a share below 0
  // adds nothing either way) and in four running sums that need not wait for each other.
  const auto visit_piece = [&](std::size_t begin, std::size_t end, const auto& share) {
    double sums[4] = {0.0, 0.0, 0.0, 0.0};
    std::size_t i = begin;
    for (; i + 4 <= end; i += 4)
      for (std::size_t j = 0; j < 4; ++j)
        sums[j] += elements[i + j].weight * std::max(share(elements[i + j].permeance) - room_share[i + j], 0.0);
    for (; i < end; ++i) sums[0] += elements[i].weight * std::max(share(elements[i].permeance) - room_share[i], 0.0);
    lost += 2.0 * ((sums[0] + sums[1]) + (sums[2] + sums[3]));
  };
  visit_beyond_knee(magnet_->demagnetization(temperature), *lines_, external_field.value(), kind_, interpolate,
                    share_tolerance * moment_at_room_, visit, visit_piece);
  return std::clamp(lost / moment_at_room_, 0.0, 1.0);
}

double volume_loss::operator()(thermodynamic_temperature temperature, magnetic_field_strength external_field) const {
  return loss(temperature, external_field, true);
}

double volume_loss::per_element(thermodynamic_temperature temperature, magnetic_field_strength external_field) const {
  return loss(temperature, external_field, false);
}

std::vector<local_demagnetization> local_demagnetization_at(const Magnet& magnet, const magnet_shape& shape,
                                                            const std::vector<shape_point>& points,
                                                            thermodynamic_temperature temperature,
                                                            magnetic_field_strength external_field,
                                                            external_field_kind kind) {
  check_shape(shape);
  check_field(external_field);
  const demagnetization_model curve = magnet.demagnetization(temperature);
  const double knee = curve.knee_field().value();
  std::vector<local_demagnetization> out;
  out.reserve(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!contains(shape, points[i]))
      throw domain_error(fmt::format("point {} ({:g}, {:g}, {:g}) m lies outside the magnet", i,
                                     points[i].x.value(), points[i].y.value(), points[i].z.value()));
    const double n =
        std::clamp(-demagnetizing_field_per_magnetization(shape, points[i])[2], 1e-12, 1.0 - 1e-12);
    local_demagnetization local;
    local.permeance = (1.0 - n) / n;
    const double field = element_field(curve, local.permeance, external_field.value(), kind, temperature);
    local.field = magnetic_field_strength::from_value(field);
    local.knee_margin = knee > 0.0 ? (knee - std::abs(field)) / knee : -1.0;
    local.reversed_share = knee > 0.0 ? reversed_past_knee(curve, field)
                                      : share_without_coercivity(curve, local.permeance, external_field.value(), kind);
    out.push_back(local);
  }
  return out;
}

namespace {

// The onset margin at the local Pc of a shape's most exposed part.
double onset_margin_at(const Magnet& magnet, double worst_permeance, thermodynamic_temperature temperature,
                       magnetic_field_strength external_field, external_field_kind kind) {
  const demagnetization_model curve = magnet.demagnetization(temperature);
  const double knee = curve.knee_field().value();
  const double field = element_field(curve, worst_permeance, external_field.value(), kind, temperature);
  return knee > 0.0 ? (knee - std::abs(field)) / knee : -1.0;
}

} // namespace

double onset_margin(const Magnet& magnet, const magnet_shape& shape, thermodynamic_temperature temperature,
                    magnetic_field_strength external_field, external_field_kind kind) {
  check_shape(shape);
  check_field(external_field);
  return onset_margin_at(magnet, shape_load_lines::of(shape)->worst_permeance(), temperature, external_field, kind);
}

thermodynamic_temperature max_operating_temperature(const Magnet& magnet, const magnet_shape& shape, double max_loss,
                                                    magnetic_field_strength external_field, external_field_kind kind) {
  check_shape(shape);
  check_field(external_field);
  check_max_loss(max_loss);
  const volume_loss loss(magnet, shape_load_lines::of(shape), kind); // once, not per temperature
  const double worst = loss.lines().worst_permeance();
  const auto margin_at = [&](thermodynamic_temperature t) {
    if (max_loss > 0.0) return max_loss - loss(t, external_field);
    return onset_margin_at(magnet, worst, t, external_field, kind); // no part past its knee
  };
  return scan_limit(magnet, margin_at, to_kelvin(magnet.max_temperature()) - 0.01, 2.0,
                    fmt::format("in its shape (external field {:g} A/m)", external_field.value()));
}

thermodynamic_temperature max_operating_temperature(const Magnet& magnet, double permeance, double max_loss,
                                                    magnetic_field_strength external_field, permeance_reading reading) {
  if (reading == permeance_reading::one_load_line)
    return max_operating_temperature(magnet, permeance, max_loss, external_field);
  check_permeance(permeance);
  return max_operating_temperature(magnet, cylinder_with_neutral_section_permeance(permeance), max_loss, external_field);
}

rated_temperature_result rated_temperature(const Magnet& magnet) {
  // The rating cylinder is scale-free: only L/D matters.
  static const double rating_permeance =
      permeance_coefficients(cylinder_shape{length::from_value(0.7), length::from_value(1.0)}).minimum_local;
  const double end = to_kelvin(magnet.max_temperature()) - 0.01;
  rated_temperature_result out;
  out.permeance = rating_permeance;
  out.temperature = limit(magnet, rating_permeance, 0.0, magnetic_field_strength::from_value(0.0), end, 2.0);
  // the same as the shape's onset: max_operating_temperature(magnet, L/D 0.7 cylinder, 0, 0 A/m)
  out.range_end = to_kelvin(out.temperature) == end;
  return out;
}

thermodynamic_temperature min_operating_temperature(const Magnet& magnet, double permeance, double max_loss,
                                                    magnetic_field_strength external_field) {
  return limit(magnet, permeance, max_loss, external_field, to_kelvin(magnet.min_temperature()) + 0.01, -2.0);
}

magnetic_flux_density field_on_axis_cylinder(const Magnet& magnet, length length_along_axis, length diameter,
                                             length distance, thermodynamic_temperature temperature) {
  check_distance(distance);
  const double n = cylinder_demagnetizing_factor(length_along_axis, diameter);
  const double j = polarization_at_operating_point(magnet, n, temperature);
  const double z = distance.value(), l = length_along_axis.value(), r = 0.5 * diameter.value();
  return magnetic_flux_density::from_value(0.5 * j * ((z + l) / std::hypot(z + l, r) - z / std::hypot(z, r)));
}

magnetic_flux_density field_on_axis_block(const Magnet& magnet, length length_along_magnetization, length width,
                                          length height, length distance, thermodynamic_temperature temperature) {
  check_distance(distance);
  const double n = block_demagnetizing_factor(length_along_magnetization, width, height);
  const double j = polarization_at_operating_point(magnet, n, temperature);
  const double z = distance.value(), l = length_along_magnetization.value(), a = width.value(), b = height.value();
  auto term = [&](double d) {
    return d == 0.0 ? 0.5 * std::numbers::pi : std::atan(a * b / (2.0 * d * std::sqrt(4.0 * d * d + a * a + b * b)));
  };
  return magnetic_flux_density::from_value(j / std::numbers::pi * (term(z) - term(z + l)));
}

} // namespace magmat
