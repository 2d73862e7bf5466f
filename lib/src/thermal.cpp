// Operating point, irreversible loss, operating temperature limits and on-axis fields (thermal.hpp).
#include <magmat/errors.hpp>
#include <magmat/permeance.hpp>
#include <magmat/shapes.hpp>
#include <magmat/thermal.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
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

// The load lines of a shape's volume elements: weight and local Pc = (1 - N)/N.
struct element_load_line {
  double weight;
  double permeance;
};

std::vector<element_load_line> element_load_lines(const magnet_shape& shape) {
  std::vector<element_load_line> out;
  for (const auto& q : volume_quadrature(shape, 24)) {
    // Inside a magnet magnetized along its length the local axial N lies in (0, 1); the clamp only
    // guards rounding at nodes near a face.
    const double n = std::clamp(-demagnetizing_field_per_magnetization(shape, q.point)[2], 1e-12, 1.0 - 1e-12);
    out.push_back({q.weight, (1.0 - n) / n});
  }
  return out;
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
  const demagnetization_model at_room = magnet.demagnetization(room);
  const double baseline =
      at_room.reversed_fraction(solve(at_room, permeance, 0.0, room).field);
  const demagnetization_model hot = magnet.demagnetization(temperature);
  const double exposed = hot.reversed_fraction(solve(hot, permeance, external_field.value(), temperature).field);
  const double after = std::max(baseline, exposed);
  if (baseline >= 0.5) return 1.0; // the magnet holds no net polarization even at 20 degC
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
  const demagnetization_model at_room = magnet.demagnetization(room);
  const demagnetization_model hot = magnet.demagnetization(temperature);
  double before = 0.0, after = 0.0;
  for (const auto& e : element_load_lines(shape)) {
    // magnetized at 20 degC in free space, then at T with the external field: the worse stays
    const double baseline = reversed_past_knee(at_room, element_field(at_room, e.permeance, 0.0, kind, room));
    const double exposed =
        reversed_past_knee(hot, element_field(hot, e.permeance, external_field.value(), kind, temperature));
    before += e.weight * (1.0 - 2.0 * baseline);
    after += e.weight * (1.0 - 2.0 * std::max(baseline, exposed));
  }
  if (!(before > 0.0)) return 1.0; // no net moment even at 20 degC
  return std::clamp(1.0 - after / before, 0.0, 1.0);
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
  return onset_margin_at(magnet, permeance_coefficients(shape).minimum_local, temperature, external_field, kind);
}

thermodynamic_temperature max_operating_temperature(const Magnet& magnet, const magnet_shape& shape, double max_loss,
                                                    magnetic_field_strength external_field, external_field_kind kind) {
  check_shape(shape);
  check_field(external_field);
  check_max_loss(max_loss);
  const double worst = permeance_coefficients(shape).minimum_local; // once, not per temperature
  const auto margin_at = [&](thermodynamic_temperature t) {
    if (max_loss > 0.0) return max_loss - irreversible_loss(magnet, shape, t, external_field, kind);
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
