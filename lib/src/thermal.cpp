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

// The operating point on a given curve: f(H) = B(H) + mu0 Pc (H + H_ext) rises monotonically in
// H, so its root is bracketed by H = 0 (f >= 0 for H_ext >= 0) and a field far enough below.
operating_point solve(const demagnetization_model& curve, double permeance, double external,
                      thermodynamic_temperature temperature) {
  auto f = [&](double h) {
    return curve.flux_density(magnetic_field_strength::from_value(h)).value() + mu0 * permeance * (h + external);
  };
  double high = std::max(0.0, -external), low = -curve.intrinsic_coercivity().value() - std::abs(external) - 1.0;
  while (f(high) < 0.0) high = 2.0 * high + 1.0; // an aiding field can push the point to H > 0
  for (int i = 0; f(low) > 0.0; ++i) {
    if (i > 200) throw domain_error("no operating point found: the load line does not meet the curve");
    low = 2.0 * low - 1.0;
  }
  for (int i = 0; i < 200 && high - low > 1e-9 * (1.0 + std::abs(low)); ++i) {
    const double mid = 0.5 * (low + high);
    (f(mid) > 0.0 ? high : low) = mid;
  }
  const double h = 0.5 * (low + high);
  operating_point point;
  point.temperature = temperature;
  point.field = magnetic_field_strength::from_value(h);
  point.flux_density = curve.flux_density(point.field);
  point.polarization = curve.polarization(point.field);
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

// The elements of `lines` past their knee on `curve`, with the share of each one's grains reversed
// past it, as `visit(index, share)`. The external field enters as in element_field: with e the
// load-line shift (applied) and `shift` the field added inside (in_magnet), an element's field is
// the root h of f(h) = B(h) + mu0 Pc (h + e) minus shift, and it lies beyond the knee exactly when
// f(shift - Hk) > 0 (f rises with h), that is B(shift - Hk) + mu0 Pc (external - Hk) > 0: one
// multiply-add per element decides, and only the elements beyond are solved.
template <class Visit>
void visit_beyond_knee(const demagnetization_model& curve, const shape_load_lines& lines, double external,
                       external_field_kind kind, Visit&& visit) {
  const auto& elements = lines.elements();
  const double knee = curve.knee_field().value();
  const double width = formulas::logistic_width(curve.intrinsic_coercivity().value(), curve.squareness());
  if (!(width > 0.0)) {
    for (std::size_t i = 0; i < elements.size(); ++i) {
      const double share = share_without_coercivity(curve, elements[i].permeance, external, kind);
      if (share > 0.0) visit(i, share);
    }
    return;
  }
  const double e = kind == external_field_kind::applied ? external : 0.0;
  const double shift = kind == external_field_kind::applied ? 0.0 : external;
  const double at_knee_field = shift - knee;
  const double c0 = curve.flux_density(magnetic_field_strength::from_value(at_knee_field)).value();
  const double c1 = mu0 * (external - knee);
  const formulas::demag_parameters c{curve.remanence().value(), curve.intrinsic_coercivity().value(),
                                     curve.recoil_permeability(), width};
  const double per_double_width = 1.0 / (2.0 * width);
  const double sigma_knee = curve.reversed_fraction(magnetic_field_strength::from_value(-knee));
  // Every root lies in [floor, at_knee_field]: f(at_knee_field) > 0 by the test below, and at
  // floor = -HcJ - |e| - |shift| - 1 both B (J < 0 past -HcJ while Jlin > 0) and h + e are
  // negative, so f(floor) < 0 whatever Pc; the rare Jlin <= 0 there (fields of ~1e7 A/m) is checked.
  const double floor_field = -c.intrinsic_coercivity - std::abs(e) - std::abs(shift) - 1.0;
  const bool floor_holds = c.remanence + mu0 * (c.recoil_permeability - 1.0) * floor_field > 0.0;
  // Roots move smoothly with Pc along the sorted elements: each search starts on the line through
  // the previous two roots, then takes Newton steps, bisecting whenever one leaves the bracket.
  const double tolerance = 1e-8 * width; // the reversed share varies on the scale of w
  double last_h = at_knee_field, last_pc = 0.0, rate = 0.0; // rate: dh/dPc between the last two
  int solved = 0;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const double pc = elements[i].permeance;
    if (!(c0 + pc * c1 > 0.0)) continue; // inside its knee
    const auto f = [&](double h) {
      const auto p = formulas::curve_point(c, h, per_double_width);
      return std::tuple{p.flux_density + mu0 * pc * (h + e), p.slope + mu0 * pc, p.curvature};
    };
    double high = at_knee_field, low = floor_field;
    for (int k = 0; !floor_holds && std::get<0>(f(low)) > 0.0; ++k) {
      if (k > 200) throw domain_error("no operating point found: the load line does not meet the curve");
      low = 2.0 * low - 1.0;
    }
    double h = solved >= 2 ? last_h + rate * (pc - last_pc) : last_h;
    if (!(h > low && h < high)) h = solved > 0 ? last_h : 0.5 * (low + high);
    if (!(h > low && h < high)) h = 0.5 * (low + high);
    for (int k = 0; k < 200; ++k) {
      const auto [value, slope, curvature] = f(h);
      (value > 0.0 ? high : low) = h;
      double next = h - value / slope;
      const bool bisect = !(next > low && next < high);
      // Newton's error after this step is about |f''/(2 f')| step^2: done when that is within
      // tolerance (no evaluation spent only to confirm), or when the bracket has closed.
      const double step = next - h;
      const bool done = (!bisect && (std::abs(step) <= tolerance ||
                                     (std::abs(step) < 0.1 * width &&
                                      std::abs(curvature / (2.0 * slope)) * step * step <= tolerance))) ||
                        high - low <= 1e-9 * (1.0 + std::abs(low));
      if (bisect) next = 0.5 * (low + high); // safeguard
      h = next;
      if (done) break;
    }
    if (solved > 0 && pc > last_pc) rate = (h - last_h) / (pc - last_pc);
    last_h = h;
    last_pc = pc;
    ++solved;
    const double sigma = curve.reversed_fraction(magnetic_field_strength::from_value(h - shift));
    const double share = sigma_knee < 1.0 ? std::max(0.0, (sigma - sigma_knee) / (1.0 - sigma_knee)) : 1.0;
    if (share > 0.0) visit(i, share);
  }
}

} // namespace

volume_loss::volume_loss(const Magnet& magnet, std::shared_ptr<const shape_load_lines> lines, external_field_kind kind)
    : magnet_(&magnet), lines_(std::move(lines)), kind_(kind) {
  if (!lines_) throw domain_error("volume_loss: no shape load lines given");
  const auto& elements = lines_->elements();
  reversed_at_room_.assign(elements.size(), 0.0);
  // magnetized at 20 degC in free space: the external field is 0, so both kinds agree
  visit_beyond_knee(magnet.demagnetization(room), *lines_, 0.0, kind_,
                    [&](std::size_t i, double share) { reversed_at_room_[i] = share; });
  for (std::size_t i = 0; i < elements.size(); ++i)
    moment_at_room_ += elements[i].weight * (1.0 - 2.0 * reversed_at_room_[i]);
}

double volume_loss::operator()(thermodynamic_temperature temperature, magnetic_field_strength external_field) const {
  check_field(external_field);
  if (!(moment_at_room_ > 0.0)) return 1.0; // no net moment even at 20 degC
  const auto& elements = lines_->elements();
  // the moment lost: elements reversed further than after magnetizing, the worse state stays
  double lost = 0.0;
  visit_beyond_knee(magnet_->demagnetization(temperature), *lines_, external_field.value(), kind_,
                    [&](std::size_t i, double share) {
                      if (share > reversed_at_room_[i])
                        lost += elements[i].weight * 2.0 * (share - reversed_at_room_[i]);
                    });
  return std::clamp(lost / moment_at_room_, 0.0, 1.0);
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
