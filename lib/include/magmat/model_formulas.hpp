// The formulas of the magnet model, once: the scalar API (Phase, Magnet, demagnetization_model)
// and the batch engine (batch.cpp) both call these, so the two cannot drift apart. Each is a
// small inline function on plain SI values or, where units matter to the caller, a template
// that takes Boost.Units quantities or raw doubles alike (benchmarks/cpp checks that the
// quantities cost nothing).
#pragma once

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
template <class Polarization>
constexpr Polarization remanence(Polarization saturation_polarization, double main_phase_fraction,
                                 double relative_density, double alignment) {
  return saturation_polarization * main_phase_fraction * relative_density * alignment;
}

/// Kronmüller: HcJ = alpha_K HA - N_eff Ms, floored at 0.
template <class Field>
constexpr Field intrinsic_coercivity(double alpha_k, Field anisotropy_field, double n_eff, Field magnetization) {
  const Field value = alpha_k * anisotropy_field - n_eff * magnetization;
  return zero<Field>() < value ? value : zero<Field>();
}

// --- intrinsic phase (brief §2-3) ------------------------------------------------------------

/// m(T/Tc) of one end member at its own temperature `kelvin`, by the record's law.
inline double member_reduced_magnetization(const phase_record& record, double kelvin) {
  const double tau = kelvin / to_kelvin(record.curie_temperature);
  return record.law == magnetization_law::kuzmin
             ? kuzmin_reduced_magnetization(tau, record.law_first, record.law_second)
             : critical_power_reduced_magnetization(tau, record.law_first, record.law_second);
}

/// m at the record's reference temperature (where its HA is stated).
inline double reference_reduced_magnetization(const phase_record& record) {
  return member_reduced_magnetization(record, to_kelvin(record.reference_temperature));
}

/// Js of one end member from its reduced magnetization m.
inline double member_polarization(const phase_record& record, double reduced_magnetization) {
  return record.saturation_polarization_0K.value() * reduced_magnetization;
}

/// HA of one end member (power law of magnetization) from m and m at its reference temperature.
/// Precondition: !record.anisotropy_tabulated (tabulated fields are read in phases.cpp).
inline double member_power_law_anisotropy_field(const phase_record& record, double reduced_magnetization,
                                                double reference_magnetization) {
  return record.anisotropy_field.value() *
         anisotropy_field_ratio(reduced_magnetization, reference_magnetization, record.anisotropy_exponent);
}

/// Mixed site (brief §2): HA = 2 K / Js with K = sum f_i Js_i HA_i / 2 and Js = sum f_i Js_i.
inline double mixed_anisotropy_field(double anisotropy_energy_density, double saturation_polarization) {
  return saturation_polarization > 0.0 ? 2.0 * anisotropy_energy_density / saturation_polarization : 0.0;
}

// --- demagnetization curve (brief §5.3, demag.hpp) -------------------------------------------

inline constexpr double ln19 = 2.9444389791664403; // ln 19: sigma = 1/20 at the knee

/// Logistic width w = HcJ (1 - q) / ln 19 (A/m).
constexpr double logistic_width(double intrinsic_coercivity, double squareness) {
  return intrinsic_coercivity * (1.0 - squareness) / ln19;
}

/// tanh(u) = 1 - 2 sigma and its derivative 1 - tanh^2(u), from one exp and without the
/// cancellation of 1 - t*t near t = 1.
struct switching {
  double value;      ///< tanh(u)
  double derivative; ///< 1 - tanh(u)^2
};
inline switching switching_at(double u) {
  const double e = std::exp(-2.0 * std::abs(u));
  const double t = (1.0 - e) / (1.0 + e);
  return {u < 0.0 ? -t : t, 4.0 * e / ((1.0 + e) * (1.0 + e))};
}

/// The curve's parameters in SI: Br (T), HcJ (A/m), relative recoil permeability, width w (A/m).
struct demag_parameters {
  double remanence;
  double intrinsic_coercivity;
  double recoil_permeability;
  double width;
};

/// J(H) = (Br + mu0 (mu_rec - 1) H) tanh((H + HcJ) / (2 w)) (T); w = 0 means no coercivity.
inline double demag_polarization(const demag_parameters& c, double field) {
  const double linear = c.remanence + vacuum_permeability_h_per_m * (c.recoil_permeability - 1.0) * field;
  if (c.width <= 0.0) return field >= 0.0 ? linear : -linear;
  return linear * switching_at((field + c.intrinsic_coercivity) / (2.0 * c.width)).value;
}

/// B(H) = mu0 H + J(H) (T).
inline double demag_flux_density(const demag_parameters& c, double field) {
  return vacuum_permeability_h_per_m * field + demag_polarization(c, field);
}

/// HcB (A/m, positive): the root of B(H) in [-HcJ, 0].
/// When tanh is 1 to double precision at the root of the linear recoil line, that root
/// Br / (mu0 mu_rec) is the answer in closed form; otherwise safeguarded Newton iterations on B,
/// which rises monotonically on the branch (B(-HcJ) = -mu0 HcJ < 0 < B(0)).
inline double normal_coercivity(const demag_parameters& c) {
  constexpr double mu0 = vacuum_permeability_h_per_m;
  if (c.intrinsic_coercivity == 0.0 || c.width <= 0.0) return 0.0;
  const double slope = mu0 * (c.recoil_permeability - 1.0);
  const double linear_root = -c.remanence / (mu0 * c.recoil_permeability);
  double low = -c.intrinsic_coercivity, high = 0.0;
  if (linear_root > low && switching_at((linear_root + c.intrinsic_coercivity) / (2.0 * c.width)).value == 1.0)
    return -linear_root;
  // Start left of the root, where B <= 0: B is increasing and, wherever J >= 2 mu0 (mu_rec - 1) w,
  // concave, so Newton from the left climbs monotonically. At the recoil line's root B =
  // Jlin (tanh - 1) <= 0. When that root lies beyond -HcJ (knee-limited HcB), two steps of the
  // fixed point H = -HcJ + 2 w atanh(-mu0 H / Jlin(H)) from -HcJ bracket the root from the right
  // and then the left, close to it.
  double h = linear_root;
  if (!(linear_root > low)) {
    auto fixed_point = [&](double field) {
      const double ratio = -mu0 * field / (c.remanence + slope * field);
      return low + 2.0 * c.width * std::atanh(std::clamp(ratio, 0.0, 1.0 - 0x1p-53));
    };
    h = std::clamp(fixed_point(fixed_point(low)), low, high);
  }
  for (int i = 0; i < 100; ++i) {
    const switching s = switching_at((h + c.intrinsic_coercivity) / (2.0 * c.width));
    const double linear = c.remanence + slope * h;
    const double b = mu0 * h + linear * s.value;
    if (b > 0.0) high = h;
    else if (b < 0.0) low = h;
    else return -h;
    const double db = mu0 + slope * s.value + linear * s.derivative / (2.0 * c.width);
    const double next = h - b / db;
    if (std::abs(next - h) <= 1e-15 * std::abs(h)) { // converged: a last step inside the bracket
      if (next > low && next < high) h = next;
      break;
    }
    h = next > low && next < high ? next : 0.5 * (low + high);
    if (high - low <= 1e-15 * std::abs(h)) break;
  }
  return -h;
}

/// (BH)max and the (negative) field where -H B(H) is largest.
struct energy_product_point {
  double field;
  double value;
};

/// The largest -H B(H) on [-HcB, 0], given HcB = normal_coercivity(c).
/// Closed form Br^2 / (4 mu0 mu_rec) when tanh is 1 to double precision at the optimum of the
/// linear recoil line (-H B <= that everywhere, and reaches it there). Otherwise, when
/// HcB >= 2 (mu_rec - 1) w, B is concave on the branch (J >= mu0 HcB >= 2 mu0 (mu_rec - 1) w
/// makes (Jlin tanh)'' <= 0), so -H B is strictly concave and safeguarded Newton on its
/// derivative finds the one maximum; else a coarse scan then golden-section search.
inline energy_product_point max_energy_product(const demag_parameters& c, double normal_coercivity) {
  constexpr double mu0 = vacuum_permeability_h_per_m;
  const double hcb = normal_coercivity;
  if (!(hcb > 0.0)) return {0.0, 0.0};
  const double permeability = mu0 * c.recoil_permeability;
  const double linear_optimum = -c.remanence / (2.0 * permeability);
  if (linear_optimum > -c.intrinsic_coercivity &&
      switching_at((linear_optimum + c.intrinsic_coercivity) / (2.0 * c.width)).value == 1.0)
    return {linear_optimum, c.remanence * c.remanence / (4.0 * permeability)};
  auto product = [&c](double h) { return -h * demag_flux_density(c, h); };
  const double slope = mu0 * (c.recoil_permeability - 1.0);
  if (hcb < c.intrinsic_coercivity && hcb >= 2.0 * (c.recoil_permeability - 1.0) * c.width) {
    // P(H) = -H B(H); P' = -B - H B', P'' = -2 B' - H B''; P' > 0 at -HcB, < 0 at 0.
    double low = -hcb, high = 0.0;
    double h = std::clamp(linear_optimum, low, high);
    for (int i = 0; i < 100; ++i) {
      const switching s = switching_at((h + c.intrinsic_coercivity) / (2.0 * c.width));
      const double dt = s.derivative / (2.0 * c.width);
      const double d2t = -2.0 * s.value * dt / (2.0 * c.width);
      const double linear = c.remanence + slope * h;
      const double b = mu0 * h + linear * s.value;
      const double db = mu0 + slope * s.value + linear * dt;
      const double d2b = 2.0 * slope * dt + linear * d2t;
      const double dp = -b - h * db;
      const double d2p = -2.0 * db - h * d2b;
      if (dp > 0.0) low = h;
      else if (dp < 0.0) high = h;
      else break;
      const double next = d2p < 0.0 ? h - dp / d2p : 0.5 * (low + high);
      if (std::abs(next - h) <= 1e-15 * hcb) {
        if (next > low && next < high) h = next;
        break;
      }
      h = next > low && next < high ? next : 0.5 * (low + high);
      if (high - low <= 1e-15 * hcb) break;
    }
    const double value = product(h);
    return {h, value > 0.0 ? value : 0.0};
  }
  // A coarse scan finds the bracket of the largest product (the curve may have a knee inside),
  // then golden-section search refines it.
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

} // namespace magmat::formulas
