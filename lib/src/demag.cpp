// The logistic-switching demagnetization model (demag.hpp, physics brief §5.3).
#include <magmat/demag.hpp>
#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace magmat {
namespace {

constexpr double ln19 = 2.9444389791664403; // ln 19: sigma = 1/20 at the knee, brief §5.3

constexpr double mu0() { return vacuum_permeability_h_per_m; }

} // namespace

demagnetization_model::demagnetization_model(magnetic_polarization remanence,
                                             magnetic_field_strength intrinsic_coercivity,
                                             double recoil_permeability, double squareness)
    : remanence_(remanence), intrinsic_coercivity_(intrinsic_coercivity),
      recoil_permeability_(recoil_permeability), squareness_(squareness) {
  if (!(remanence.value() > 0.0) || !std::isfinite(remanence.value()))
    throw domain_error(fmt::format("remanence must be a finite value > 0 T, got {} T", remanence.value()));
  if (!(intrinsic_coercivity.value() >= 0.0) || !std::isfinite(intrinsic_coercivity.value()))
    throw domain_error(fmt::format("intrinsic coercivity must be a finite value >= 0 A/m, got {} A/m",
                                   intrinsic_coercivity.value()));
  if (!(recoil_permeability >= 1.0) || !(recoil_permeability < 10.0))
    throw domain_error(fmt::format("recoil permeability must lie in [1, 10), got {}", recoil_permeability));
  if (!(squareness > 0.0 && squareness < 1.0))
    throw domain_error(fmt::format("squareness Hk/HcJ must lie in (0, 1), got {}", squareness));
  width_ = intrinsic_coercivity.value() * (1.0 - squareness) / ln19;
}

magnetic_polarization demagnetization_model::polarization(magnetic_field_strength field) const {
  const double h = field.value();
  const double linear = remanence_.value() + mu0() * (recoil_permeability_ - 1.0) * h;
  if (width_ <= 0.0) { // HcJ = 0: the magnet holds no polarization against any reverse field
    return magnetic_polarization::from_value(h >= 0.0 ? linear : -linear);
  }
  // 1 - 2 sigma = tanh((H + HcJ) / (2 w)), written so that it cannot overflow.
  const double switching = std::tanh((h + intrinsic_coercivity_.value()) / (2.0 * width_));
  return magnetic_polarization::from_value(linear * switching);
}

double demagnetization_model::reversed_fraction(magnetic_field_strength field) const {
  if (width_ <= 0.0) return field.value() >= 0.0 ? 0.0 : 1.0;
  return 0.5 * (1.0 - std::tanh((field.value() + intrinsic_coercivity_.value()) / (2.0 * width_)));
}

magnetic_flux_density demagnetization_model::flux_density(magnetic_field_strength field) const {
  return magnetic_flux_density::from_value(mu0() * field.value() + polarization(field).value());
}

magnetic_field_strength demagnetization_model::knee_field() const {
  return squareness_ * intrinsic_coercivity_;
}

magnetic_field_strength demagnetization_model::normal_coercivity() const {
  // B(0) = Br > 0 and B(-HcJ) = -mu0 HcJ <= 0, and B rises monotonically in H on the branch:
  // bisection is safe and reaches machine precision in ~60 steps.
  double low = -intrinsic_coercivity_.value();
  double high = 0.0;
  if (low == 0.0) return magnetic_field_strength::from_value(0.0);
  for (int i = 0; i < 200 && high - low > 1e-12 * (1.0 + std::abs(low)); ++i) {
    const double mid = 0.5 * (low + high);
    if (flux_density(magnetic_field_strength::from_value(mid)).value() > 0.0) high = mid; else low = mid;
  }
  return magnetic_field_strength::from_value(-0.5 * (low + high));
}

magnetic_field_strength demagnetization_model::max_energy_product_field() const {
  const double hcb = normal_coercivity().value();
  if (hcb <= 0.0) return magnetic_field_strength::from_value(0.0);
  auto product = [this](double h) { return -h * flux_density(magnetic_field_strength::from_value(h)).value(); };
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
  double c = b - golden * (b - a);
  double d = a + golden * (b - a);
  double fc = product(c), fd = product(d);
  for (int i = 0; i < 200 && std::abs(b - a) > 1e-10 * hcb; ++i) {
    if (fc > fd) { b = d; d = c; fd = fc; c = b - golden * (b - a); fc = product(c); }
    else { a = c; c = d; fc = fd; d = a + golden * (b - a); fd = product(d); }
  }
  return magnetic_field_strength::from_value(0.5 * (a + b));
}

energy_density demagnetization_model::max_energy_product() const {
  const magnetic_field_strength h = max_energy_product_field();
  const double value = -h.value() * flux_density(h).value();
  return energy_density::from_value(value > 0.0 ? value : 0.0); // never -0 for a zero-coercivity curve
}

} // namespace magmat

namespace magmat {

demagnetization_curve demagnetization_model::sample(std::size_t points) const {
  if (points < 2 || points > 100'000'000)
    throw domain_error(fmt::format("a demagnetization curve needs 2 to 1e8 points, got {}", points));
  demagnetization_curve curve;
  const auto n = static_cast<Eigen::Index>(points);
  curve.field = Eigen::ArrayXd::LinSpaced(n, 0.0, -intrinsic_coercivity_.value());
  curve.polarization.resize(n);
  curve.flux_density.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto h = magnetic_field_strength::from_value(curve.field(i));
    curve.polarization(i) = polarization(h).value();
    curve.flux_density(i) = mu0() * curve.field(i) + curve.polarization(i);
  }
  return curve;
}

} // namespace magmat
