// The formulas of the magnet model, once: the scalar API (Phase, Magnet, demagnetization_model)
// and the batch engine (batch/engine.cpp) both call these, so the two cannot drift apart. Each is a
// small inline template on plain SI values: a double for the scalar API, an Eigen array of lanes
// (one candidate per lane, lanes.hpp) for the batch engine, or, where units matter to the caller,
// a Boost.Units quantity (benchmarks/cpp checks that the quantities cost nothing).
#pragma once

#include <magmat/lanes.hpp>
#include <magmat/phases.hpp>
#include <magmat/temperature.hpp>
#include <magmat/units.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace magmat::formulas {

/// 0 of the type of `Value`: 0.0 for a double, a zero quantity for a Boost.Units quantity.
template <class Value>
constexpr Value zero() {
  if constexpr (std::is_arithmetic_v<Value>) return Value{0};
  else return Value::from_value(0.0);
}

// --- magnet (brief §4) ----------------------------------------------------------------------

/// Br = Js f_v (rho / rho_th) <cos theta>.
template <class Polarization, class Fraction = double>
constexpr Polarization remanence(const Polarization& saturation_polarization, const Fraction& main_phase_fraction,
                                 double relative_density, double alignment) {
  return saturation_polarization * main_phase_fraction * relative_density * alignment;
}

/// Boltzmann constant (J/K), exact in the 2019 SI.
inline constexpr double boltzmann_constant_j_per_k = 1.380649e-23;

/// The thermal-activation field of the coercivity (Givord et al.): 25 kB T / (mu0 Ms v) =
/// 25 kB T / (Js v) in A/m, with v the activation volume (m^3) and 25 = ln(t / tau0) for a
/// measurement of about a second. 0 for v = 0 (no such term) and where Js = 0.
template <class Value>
Value thermal_activation_field(double activation_volume, const Value& kelvin, const Value& saturation_polarization) {
  if (!(activation_volume > 0.0)) return lanes::filled<Value>(0.0);
  const double scale = 25.0 * boltzmann_constant_j_per_k / activation_volume;
  return lanes::where(saturation_polarization > 0.0, Value(scale * kelvin / saturation_polarization), 0.0);
}

/// Kronmüller with thermal activation: HcJ = alpha_K HA - N_eff Ms - H_thermal, floored at 0.
template <class Field>
constexpr Field intrinsic_coercivity(double alpha_k, const Field& anisotropy_field, double n_eff,
                                     const Field& magnetization, const Field& thermal_field) {
  const Field value = alpha_k * anisotropy_field - n_eff * magnetization - thermal_field;
  if constexpr (lanes::is_lanes<Field>) return lanes::where(value > 0.0, value, 0.0);
  else return zero<Field>() < value ? value : zero<Field>();
}

/// The same without a thermal-activation term (doubles and quantities).
template <class Field>
constexpr Field intrinsic_coercivity(double alpha_k, const Field& anisotropy_field, double n_eff,
                                     const Field& magnetization) {
  return intrinsic_coercivity(alpha_k, anisotropy_field, n_eff, magnetization, zero<Field>());
}

// --- intrinsic phase (brief §2-3) ------------------------------------------------------------

/// A reduced temperature tau = T / Tc with its square root, which Kuz'min's law takes
/// (tau^1.5 = tau sqrt(tau)): a mixed site forms both once for all its end members.
template <class Value>
struct basic_reduced_temperature {
  Value tau;
  Value root;
  explicit basic_reduced_temperature(const Value& reduced) : tau(reduced), root(lanes::sqrt(reduced)) {}
};

/// m of one end member at the reduced temperature tau = T / Tc (its own Curie point), by the
/// record's law. A mixed site takes every member at the site's tau (brief §2), so the members'
/// own temperatures tau Tc are never formed.
template <class Value>
Value member_reduced_magnetization_at(const phase_record& record, const basic_reduced_temperature<Value>& reduced) {
  return record.law == magnetization_law::kuzmin
             ? Value(detail::kuzmin_reduced_magnetization(reduced.tau, reduced.root, record.law_first, record.law_second))
             : Value(critical_power_reduced_magnetization(reduced.tau, record.law_first, record.law_second));
}

/// m(T/Tc) of one end member at its own temperature `kelvin`, by the record's law.
template <class Value>
Value member_reduced_magnetization(const phase_record& record, const Value& kelvin) {
  return member_reduced_magnetization_at(
      record, basic_reduced_temperature<Value>(Value(kelvin / to_kelvin(record.curie_temperature))));
}

/// m at the record's reference temperature (where its HA is stated).
inline double reference_reduced_magnetization(const phase_record& record) {
  return member_reduced_magnetization(record, to_kelvin(record.reference_temperature));
}

/// Js of one end member from its reduced magnetization m.
template <class Value>
Value member_polarization(const phase_record& record, const Value& reduced_magnetization) {
  return record.saturation_polarization_0K.value() * reduced_magnetization;
}

/// HA of one end member (power law of magnetization) from m and m at its reference temperature.
/// Precondition: !record.anisotropy_tabulated.
template <class Value>
Value member_power_law_anisotropy_field(const phase_record& record, const Value& reduced_magnetization,
                                        double reference_magnetization) {
  return record.anisotropy_field.value() *
         anisotropy_field_ratio(reduced_magnetization, reference_magnetization, record.anisotropy_exponent);
}

/// HA of one end member from its table at its own temperature `kelvin` (linear between the
/// points, held at the end values outside them: the loader requires the table to cover the
/// record's validity range, which Phase checks). On blocks: the interval lane by lane, the
/// interpolation on the whole block.
template <class Value>
Value member_tabulated_anisotropy_field(const phase_record& record, const Value& kelvin) {
  const auto& table = record.anisotropy_table;
  // The interval of t: `upper` is the point above it, or the point t is held at (returns false).
  // A search, not a branch-free count of the points below t: at one temperature for all rows
  // (the usual batch) the branches predict, and the count was 12 % slower there (5 % faster with
  // a temperature per row).
  const auto interval = [&table](double t, std::size_t& upper) {
    upper = 0;
    if (!(t > to_kelvin(table.front().temperature))) return false;
    upper = 1;
    while (upper + 1 < table.size() && to_kelvin(table[upper].temperature) < t) ++upper;
    return t < to_kelvin(table[upper].temperature);
  };
  const auto temperature = [&table](std::size_t i) { return to_kelvin(table[i].temperature); };
  const auto field = [&table](std::size_t i) { return table[i].anisotropy_field.value(); };
  if constexpr (lanes::is_lanes<Value>) {
    // Intervals lane by lane, the interpolation on the whole block: one packed division instead
    // of one per lane (the division dominated this lookup), each lane's arithmetic unchanged. A
    // lane held at a point gets t = t0 = 0, t1 = 1 and f0 = that point's field: w = 0 gives f0.
    Value t = Value::Zero(), t0 = Value::Zero(), t1 = Value::Ones(), f0 = Value::Zero(), f1 = Value::Zero();
    for (Eigen::Index lane = 0; lane < kelvin.size(); ++lane) {
      std::size_t upper = 0;
      if (interval(kelvin[lane], upper)) {
        t[lane] = kelvin[lane];
        t0[lane] = temperature(upper - 1), t1[lane] = temperature(upper);
        f0[lane] = field(upper - 1), f1[lane] = field(upper);
      } else {
        f0[lane] = field(upper);
      }
    }
    const Value w = (t - t0) / (t1 - t0);
    return Value((1.0 - w) * f0 + w * f1);
  } else {
    std::size_t upper = 0;
    if (!interval(kelvin, upper)) return field(upper);
    const double t0 = temperature(upper - 1), t1 = temperature(upper);
    const double w = (kelvin - t0) / (t1 - t0);
    return (1.0 - w) * field(upper - 1) + w * field(upper);
  }
}

/// HA of one end member of a site at the site's reduced temperature: from its table at its own
/// temperature tau Tc_i, or by its power law from m (its reduced magnetization there) and m at
/// its reference temperature.
template <class Value>
Value member_anisotropy_field_at(const phase_record& record, const basic_reduced_temperature<Value>& reduced,
                                 const Value& reduced_magnetization, double reference_magnetization) {
  if (record.anisotropy_tabulated)
    return member_tabulated_anisotropy_field(record, Value(reduced.tau * to_kelvin(record.curie_temperature)));
  return member_power_law_anisotropy_field(record, reduced_magnetization, reference_magnetization);
}

/// Ms = Js / mu0 (A/m from T), as a product with the constant 1 / mu0: a packed division is the
/// batch's slowest instruction.
template <class Value>
Value magnetization_of(const Value& saturation_polarization) {
  return saturation_polarization * (1.0 / vacuum_permeability_h_per_m);
}

/// Mixed site (brief §2): HA = 2 K / Js with K = sum f_i Js_i HA_i / 2 and Js = sum f_i Js_i.
template <class Value>
Value mixed_anisotropy_field(const Value& anisotropy_energy_density, const Value& saturation_polarization) {
  return lanes::where(saturation_polarization > 0.0, 2.0 * anisotropy_energy_density / saturation_polarization, 0.0);
}

// --- demagnetization curve (brief §5.3, demag.hpp) -------------------------------------------
// Written on lanes: the scalar API runs them on one double, the batch engine on blocks of
// candidates in lockstep, each lane with its own bracket, iterate and stopping test (a lane
// that has stopped is frozen, so a lane's result never depends on its neighbours).

inline constexpr double ln19 = 2.9444389791664403; // ln 19: sigma = 1/20 at the knee

/// From this argument up, tanh(u) is 1 to double precision (1 - tanh u < 2 e^(-2u) < 2^-54), so
/// a solver whose recoil-line answer sits there takes that answer in closed form, without an exp.
inline constexpr double saturated_switching_argument = 19.1;

/// Logistic width w = HcJ (1 - q) / ln 19 (A/m).
template <class Value>
constexpr Value logistic_width(const Value& intrinsic_coercivity, double squareness) {
  return intrinsic_coercivity * ((1.0 - squareness) / ln19);
}

/// tanh(u) = 1 - 2 sigma and its derivative 1 - tanh^2(u), from one exp and without the
/// cancellation of 1 - t*t near t = 1.
template <class Value>
struct basic_switching {
  Value value;      ///< tanh(u)
  Value derivative; ///< 1 - tanh(u)^2
};
using switching = basic_switching<double>;
template <class Value>
basic_switching<Value> switching_at(const Value& u) {
  const Value e = lanes::exp(Value(-2.0 * lanes::abs(u)));
  const Value inverse = 1.0 / (1.0 + e); // one division for both
  const Value t = (1.0 - e) * inverse;
  return {lanes::where(u < 0.0, -t, t), 4.0 * e * inverse * inverse};
}

/// The curve's parameters in SI: Br (T), HcJ (A/m), relative recoil permeability, width w (A/m).
template <class Value>
struct basic_demag_parameters {
  Value remanence;
  Value intrinsic_coercivity;
  double recoil_permeability;
  Value width;
};
using demag_parameters = basic_demag_parameters<double>;

/// J(H) = (Br + mu0 (mu_rec - 1) H) tanh((H + HcJ) / (2 w)) (T); w = 0 means no coercivity.
template <class Value>
Value demag_polarization(const basic_demag_parameters<Value>& c, const Value& field) {
  const Value linear = c.remanence + vacuum_permeability_h_per_m * (c.recoil_permeability - 1.0) * field;
  const Value no_coercivity = lanes::where(field >= 0.0, linear, -linear);
  if constexpr (!lanes::is_lanes<Value>)
    if (c.width <= 0.0) return no_coercivity;
  const Value u = (field + c.intrinsic_coercivity) / (2.0 * c.width);
  return lanes::where(c.width <= 0.0, no_coercivity, Value(linear * switching_at(u).value));
}

/// B(H) = mu0 H + J(H) (T).
template <class Value>
Value demag_flux_density(const basic_demag_parameters<Value>& c, const Value& field) {
  return vacuum_permeability_h_per_m * field + demag_polarization(c, field);
}

/// B and its first two derivatives in H at `field`; `per_double_width` = 1/(2w).
template <class Value>
struct basic_curve_point {
  Value flux_density, slope, curvature; // B, dB/dH, d2B/dH2
};
template <class Value>
basic_curve_point<Value> curve_point(const basic_demag_parameters<Value>& c, const Value& field,
                                     const Value& per_double_width) {
  constexpr double mu0 = vacuum_permeability_h_per_m;
  const double slope = mu0 * (c.recoil_permeability - 1.0);
  const basic_switching<Value> s = switching_at(Value((field + c.intrinsic_coercivity) * per_double_width));
  const Value dt = s.derivative * per_double_width;         // dt/dH, t = tanh u
  const Value d2t = -2.0 * s.value * dt * per_double_width; // d2t/dH2
  // Past -HcJ the envelope is the recoil line mirrored about -HcJ (demag.hpp), falling with H.
  const Value reversal = -c.intrinsic_coercivity;
  const lanes::mask_of<Value> reversed_side = field < reversal;
  const Value linear = lanes::where(reversed_side, Value(c.remanence - slope * c.intrinsic_coercivity -
                                                         slope * (field + c.intrinsic_coercivity)),
                                    Value(c.remanence + slope * field)); // Jlin(H) above -HcJ
  const Value envelope_slope = lanes::where(reversed_side, lanes::filled<Value>(-slope), lanes::filled<Value>(slope));
  return {mu0 * field + linear * s.value, mu0 + envelope_slope * s.value + linear * dt,
          2.0 * envelope_slope * dt + linear * d2t};
}

/// HcB (A/m, positive): the root of B(H) in [-HcJ, 0].
/// When tanh is 1 to double precision at the root of the linear recoil line, that root
/// Br / (mu0 mu_rec) is the answer in closed form; otherwise safeguarded Newton iterations on B,
/// which rises monotonically on the branch (B(-HcJ) = -mu0 HcJ < 0 < B(0)).
template <class Value>
Value normal_coercivity(const basic_demag_parameters<Value>& c) {
  using Mask = lanes::mask_of<Value>;
  constexpr double mu0 = vacuum_permeability_h_per_m;
  const Mask no_coercivity = (c.intrinsic_coercivity == 0.0) || (c.width <= 0.0);
  if constexpr (!lanes::is_lanes<Value>)
    if (no_coercivity) return 0.0;
  const double slope = mu0 * (c.recoil_permeability - 1.0);
  // Divisions by per-call constants are multiplications (packed divisions are the batch's
  // slowest instructions).
  const Value linear_root = c.remanence * (-1.0 / (mu0 * c.recoil_permeability));
  Value low = -c.intrinsic_coercivity;
  Value high = lanes::filled<Value>(0.0);
  const Mask root_on_branch = linear_root > low;
  const Value per_double_width = 1.0 / (2.0 * c.width); // multiplications below
  const Value u_root = (linear_root + c.intrinsic_coercivity) * per_double_width;
  const Mask closed_form = !no_coercivity && root_on_branch && (u_root >= saturated_switching_argument);
  if constexpr (!lanes::is_lanes<Value>)
    if (closed_form) return -linear_root;
  // Start at the recoil line's root, where B = Jlin (tanh - 1) <= 0: B is increasing and,
  // wherever J >= 2 mu0 (mu_rec - 1) w, concave, so Newton from the left climbs monotonically.
  // In the knee (that root beyond -HcJ, or tanh below 0.999 there: u < atanh 0.999) that crawls:
  // the start is then the fixed point H = g(H) = -HcJ + 2 w atanh(-mu0 H / Jlin(H)), two steps
  // from -HcJ (or from one width right of the recoil line's root, where atanh is finite) and
  // Aitken's extrapolation of the three points, within ~1e-5 of the root on either side (the
  // Newton loop keeps the bracket).
  Value h = linear_root;
  Mask active = !no_coercivity && !closed_form;
  const Mask knee = active && (!root_on_branch || (u_root < 3.8002011672502)); // atanh(0.999)
  if (lanes::any(knee)) {
    auto fixed_point = [&](const Value& field) {
      const Value ratio = -mu0 * field / (c.remanence + slope * field);
      return Value(low + 2.0 * c.width * lanes::atanh(lanes::clamp(ratio, 0.0, 1.0 - 0x1p-53)));
    };
    const Value h0 = lanes::where(root_on_branch, lanes::min(Value(linear_root + c.width), 0.0), low);
    const Value h1 = fixed_point(h0);
    const Value h2 = fixed_point(h1);
    const Value first = h1 - h0, second = h2 - h1;
    const Value curvature = second - first;
    const Value aitken = lanes::where(curvature == 0.0, h2, Value(h2 - second * second / curvature));
    const Value start_field = lanes::where(lanes::is_finite(aitken), aitken, h2);
    h = lanes::where(knee, lanes::clamp(start_field, low, high), h);
  }
  for (int i = 0; i < 100 && lanes::any(active); ++i) {
    const basic_curve_point<Value> at = curve_point(c, h, per_double_width);
    const Value& b = at.flux_density;
    high = lanes::where(active && (b > 0.0), h, high);
    low = lanes::where(active && (b < 0.0), h, low);
    active = active && ((b > 0.0) || (b < 0.0)); // B = 0 (or NaN): h is the answer
    const Value next = h - b / at.slope;
    const Mask inside = (next > low) && (next < high);
    const Mask converged = active && (lanes::abs(Value(next - h)) <= Value(1e-15 * lanes::abs(h)));
    h = lanes::where(converged && inside, next, h); // converged: a last step inside the bracket
    active = active && !converged;
    h = lanes::where(active, lanes::where(inside, next, 0.5 * (low + high)), h);
    active = active && !(Value(high - low) <= Value(1e-15 * lanes::abs(h)));
  }
  return lanes::where(no_coercivity, 0.0, lanes::where(closed_form, -linear_root, -h));
}

/// (BH)max and the (negative) field where -H B(H) is largest.
template <class Value>
struct basic_energy_product_point {
  Value field;
  Value value;
};
using energy_product_point = basic_energy_product_point<double>;

/// The largest -H B(H) on [-HcB, 0] by a coarse scan for the bracket of the largest product (the
/// curve may have a knee inside), then golden-section search: the case max_energy_product below
/// cannot show concave.
inline energy_product_point max_energy_product_by_search(const demag_parameters& c, double normal_coercivity) {
  const double hcb = normal_coercivity;
  auto product = [&c](double h) { return -h * demag_flux_density(c, h); };
  constexpr int samples = 64;
  int best = 0;
  double best_value = -1.0;
  for (int i = 0; i <= samples; ++i) {
    const double value = product(-hcb * i / samples);
    if (value > best_value) { best_value = value; best = i; }
  }
  double a = -hcb * std::min(best + 1, samples) / samples;
  double b = -hcb * std::max(best - 1, 0) / samples;
  const double golden = 0.6180339887498949;
  double x1 = b - golden * (b - a);
  double x2 = a + golden * (b - a);
  double f1 = product(x1), f2 = product(x2);
  for (int i = 0; i < 200 && std::abs(b - a) > 1e-10 * hcb; ++i) {
    if (f1 > f2) { b = x2; x2 = x1; f2 = f1; x1 = b - golden * (b - a); f1 = product(x1); }
    else { a = x1; x1 = x2; f1 = f2; x2 = a + golden * (b - a); f2 = product(x2); }
  }
  const double h = 0.5 * (a + b);
  const double value = product(h);
  return {h, value > 0.0 ? value : 0.0}; // never -0 for a zero-coercivity curve
}

/// The largest -H B(H) on [-HcB, 0], given HcB = normal_coercivity(c).
/// Closed form Br^2 / (4 mu0 mu_rec) when tanh is 1 to double precision at the optimum of the
/// linear recoil line (-H B <= that everywhere, and reaches it there). Otherwise, when
/// HcB >= 2 (mu_rec - 1) w, B is concave on the branch (J >= mu0 HcB >= 2 mu0 (mu_rec - 1) w
/// makes (Jlin tanh)'' <= 0), so -H B is strictly concave and safeguarded Newton on its
/// derivative finds the one maximum; else max_energy_product_by_search (lane by lane).
template <class Value>
basic_energy_product_point<Value> max_energy_product(const basic_demag_parameters<Value>& c,
                                                     const Value& normal_coercivity) {
  using Mask = lanes::mask_of<Value>;
  constexpr double mu0 = vacuum_permeability_h_per_m;
  const Value& hcb = normal_coercivity;
  const Mask no_product = !(hcb > 0.0);
  if constexpr (!lanes::is_lanes<Value>)
    if (no_product) return {0.0, 0.0};
  const double permeability = mu0 * c.recoil_permeability;
  const Value linear_optimum = c.remanence * (-1.0 / (2.0 * permeability));
  const Value per_double_width = 1.0 / (2.0 * c.width); // multiplications below
  const Value u_optimum = (linear_optimum + c.intrinsic_coercivity) * per_double_width;
  const Mask closed_form = !no_product && (linear_optimum > Value(-c.intrinsic_coercivity)) &&
                           (u_optimum >= saturated_switching_argument);
  const Value closed_form_value = c.remanence * c.remanence * (1.0 / (4.0 * permeability));
  if constexpr (!lanes::is_lanes<Value>)
    if (closed_form) return {linear_optimum, closed_form_value};
  const double slope = mu0 * (c.recoil_permeability - 1.0);
  const Mask concave = !no_product && !closed_form && (hcb < c.intrinsic_coercivity) &&
                       (hcb >= Value(2.0 * (c.recoil_permeability - 1.0) * c.width));
  if constexpr (!lanes::is_lanes<Value>)
    if (!concave) return max_energy_product_by_search(c, hcb);
  // P(H) = -H B(H); P' = -B - H B', P'' = -2 B' - H B''; P' > 0 at -HcB, < 0 at 0.
  Value low = -hcb;
  Value high = lanes::filled<Value>(0.0);
  Value h = lanes::clamp(linear_optimum, low, high);
  Mask active = concave;
  // Near the knee (the recoil line's optimum beyond -HcB, or tanh below 1 - 1e-6 there:
  // u < atanh(1 - 1e-6)) Newton from that start crawls along the knee's exponential (~10 steps).
  // There P' = 0 reads 1 - t^2 = s(x, t) = 2 w (Jlin t - 2 mu0 x - (mu_rec - 1) mu0 x t) / (x Jlin)
  // with x = -H, t = tanh u; with u = atanh t = ln(1 + t) - ln(s) / 2 and x = HcJ - 2 w u it is a
  // fixed point in x, g(x) = x, whose slope is about w / (x* - x) for the optimum x* of the
  // recoil line: small in the knee, near 1 or above when x* is within ~w. Two steps of g from
  // min(0.9 HcB, x* - w) and Aitken's extrapolation of the three points (exact for a linear g,
  // contracting or not) start Newton within ~1e-5 of the optimum (at most 5 steps for any of
  // 128 random candidates at 150 degC, most 3, against up to 8). Lanes where s leaves (0, 1)
  // keep their plain start; Newton is bracketed either way.
  const Mask near_knee = concave && ((linear_optimum < low) || (u_optimum < 7.2543291346166)); // atanh(1 - 1e-6)
  if (lanes::any(near_knee)) {
    auto fixed_point = [&](const Value& x, Mask& usable) {
      const Value t = switching_at(Value((c.intrinsic_coercivity - x) / (2.0 * c.width))).value;
      const Value jlin = c.remanence - slope * x;
      const Value s = 2.0 * c.width * (jlin * t - 2.0 * mu0 * x - slope * x * t) / (x * jlin);
      usable = usable && (s > 0.0) && (s < 1.0);
      const Value u = lanes::log(Value(1.0 + t)) - 0.5 * lanes::log(s);
      return Value(c.intrinsic_coercivity - 2.0 * c.width * u);
    };
    Mask usable = near_knee;
    const Value x0 = lanes::min(Value(0.9 * hcb), Value(-linear_optimum - c.width));
    const Value x1 = fixed_point(x0, usable);
    const Value x2 = fixed_point(x1, usable);
    const Value first = x1 - x0, second = x2 - x1;
    const Value curvature = second - first;
    const Value aitken = lanes::where(curvature == 0.0, x2, Value(x2 - second * second / curvature));
    h = lanes::where(usable && lanes::is_finite(aitken), lanes::clamp(Value(-aitken), low, high), h);
  }
  for (int i = 0; i < 100 && lanes::any(active); ++i) {
    const basic_curve_point<Value> at = curve_point(c, h, per_double_width);
    const Value dp = -at.flux_density - h * at.slope;
    const Value d2p = -2.0 * at.slope - h * at.curvature;
    low = lanes::where(active && (dp > 0.0), h, low);
    high = lanes::where(active && (dp < 0.0), h, high);
    active = active && ((dp > 0.0) || (dp < 0.0)); // P' = 0 (or NaN): h is the optimum
    const Value next = lanes::where(d2p < 0.0, h - dp / d2p, 0.5 * (low + high));
    const Mask inside = (next > low) && (next < high);
    const Mask converged = active && (lanes::abs(Value(next - h)) <= Value(1e-15 * hcb));
    h = lanes::where(converged && inside, next, h);
    active = active && !converged;
    h = lanes::where(active, lanes::where(inside, next, 0.5 * (low + high)), h);
    active = active && !(Value(high - low) <= Value(1e-15 * hcb));
  }
  const Value product = -h * demag_flux_density(c, h);
  basic_energy_product_point<Value> point{h, lanes::where(product > 0.0, product, 0.0)};
  if constexpr (lanes::is_lanes<Value>) {
    point.field = lanes::where(closed_form, linear_optimum, point.field);
    point.value = lanes::where(closed_form, closed_form_value, point.value);
    point.field = lanes::where(no_product, 0.0, point.field);
    point.value = lanes::where(no_product, 0.0, point.value);
    const Mask search = !no_product && !closed_form && !concave;
    for (Eigen::Index lane = 0; lane < h.size(); ++lane) {
      if (!search(lane)) continue;
      const energy_product_point one = max_energy_product_by_search(
          {c.remanence(lane), c.intrinsic_coercivity(lane), c.recoil_permeability, c.width(lane)}, hcb(lane));
      point.field(lane) = one.field;
      point.value(lane) = one.value;
    }
  }
  return point;
}

/// Whether (BH)max >= `limit` (> 0), deciding from bounds where they suffice, as a policy
/// check needs no more: Br^2 / (4 mu0 mu_rec) bounds the product from above, and the product
/// at the recoil line's optimum H* = -Br / (2 mu0 mu_rec) bounds the largest one from below when
/// B(H*) > 0 (H* is then on the branch [-HcB, 0]). Only values between the bounds are solved
/// for (normal_coercivity, max_energy_product). The bounds decide only with a 1e-12 relative
/// margin, far above their rounding, so the answer is the one of the full solve.
/// The lower bound is first taken without an exp or a division: with a = H* + HcJ >= 0 and
/// u = a / (2 w), tanh u >= 1 - 2 e^(-2u) >= 1 - 2 / q, q = 1 + 2u + 2u^2 + 4u^3/3 (e^(2u) is
/// above its Taylor polynomials), so -H* B(H*) >= A - D / q with A = -H* (mu0 H* + Jlin(H*)),
/// the upper bound, and D = -2 H* Jlin(H*); multiplied through by q w^3 > 0, that is
/// (A - limit) (w^3 + a w^2 + a^2 w / 2 + a^3 / 6) >= D w^3, decided with a 1e-9 margin.
/// Magnets far above the limit (nearly all at 20 degC) stop there.
template <class Value>
lanes::mask_of<Value> max_energy_product_reaches(const basic_demag_parameters<Value>& c, double limit) {
  using Mask = lanes::mask_of<Value>;
  constexpr double mu0 = vacuum_permeability_h_per_m;
  constexpr double margin = 1e-12;
  const double permeability = mu0 * c.recoil_permeability;
  const Value upper = c.remanence * c.remanence * (1.0 / (4.0 * permeability));
  const Value optimum = c.remanence * (-1.0 / (2.0 * permeability));
  const Value linear = c.remanence + mu0 * (c.recoil_permeability - 1.0) * optimum; // Jlin(H*) > 0
  const Value a = optimum + c.intrinsic_coercivity;
  const Value& w = c.width;
  const Value excess = upper * (1.0 - 1e-9) - limit; // A - limit, with the margin
  const Value series = w * w * w + a * w * w + 0.5 * a * a * w + (1.0 / 6.0) * a * a * a;
  Mask reaches = (w > 0.0) && (a >= 0.0) && (excess > 0.0) &&
                 (Value(excess * series) >= Value(-2.0 * optimum * linear * w * w * w * (1.0 + 1e-9)));
  if (lanes::all(reaches)) return reaches;
  const Value flux_density = demag_flux_density(c, optimum);
  const Value lower = lanes::where(flux_density > 0.0, Value(-optimum * flux_density), 0.0);
  reaches = reaches || (lower >= limit * (1.0 + margin));
  const Mask undecided = !reaches && !(upper < limit * (1.0 - margin));
  if (lanes::any(undecided)) {
    const Value solved = max_energy_product(c, normal_coercivity(c)).value;
    reaches = reaches || (undecided && (solved >= limit));
  }
  return reaches;
}

} // namespace magmat::formulas
