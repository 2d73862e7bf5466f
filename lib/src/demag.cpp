// The logistic-switching demagnetization model (demag.hpp, physics brief §5.3).
#include <magmat/demag.hpp>
#include <magmat/errors.hpp>
#include <magmat/model_formulas.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace magmat {
namespace {

constexpr double mu0() { return vacuum_permeability_h_per_m; }

} // namespace

demagnetization_model::demagnetization_model(magnetic_polarization remanence,
                                             magnetic_field_strength intrinsic_coercivity,
                                             double recoil_permeability, double squareness,
                                             magnetic_polarization saturation_polarization)
    : remanence_(remanence), intrinsic_coercivity_(intrinsic_coercivity),
      recoil_permeability_(recoil_permeability), squareness_(squareness),
      saturation_polarization_(saturation_polarization) {
  if (!(remanence.value() > 0.0) || !std::isfinite(remanence.value()))
    throw domain_error(fmt::format("remanence must be a finite value > 0 T, got {} T", remanence.value()));
  if (!(intrinsic_coercivity.value() >= 0.0) || !std::isfinite(intrinsic_coercivity.value()))
    throw domain_error(fmt::format("intrinsic coercivity must be a finite value >= 0 A/m, got {} A/m",
                                   intrinsic_coercivity.value()));
  if (!(recoil_permeability >= 1.0) || !(recoil_permeability <= max_recoil_permeability))
    throw domain_error(fmt::format("recoil permeability must lie in [1, {}], got {}", max_recoil_permeability,
                                   recoil_permeability));
  if (!(squareness > 0.0 && squareness < 1.0))
    throw domain_error(fmt::format("squareness Hk/HcJ must lie in (0, 1), got {}", squareness));
  if (!(saturation_polarization.value() >= remanence.value()))
    throw domain_error(fmt::format("saturation polarization must be >= the remanence {} T, got {} T",
                                   remanence.value(), saturation_polarization.value()));
  // Were the recoil line 0 before -HcJ, J would change sign there, not at the reported HcJ.
  const double recoil_drop = mu0() * (recoil_permeability - 1.0) * intrinsic_coercivity.value();
  if (!(recoil_drop < remanence.value()))
    throw domain_error(fmt::format(
        "recoil permeability {} is too large for Br = {} T and HcJ = {} A/m: the recoil line would reach J = 0 at "
        "H = {} A/m, before -HcJ; it must be below 1 + Br/(mu0 HcJ) = {}",
        recoil_permeability, remanence.value(), intrinsic_coercivity.value(),
        -remanence.value() / (mu0() * (recoil_permeability - 1.0)),
        1.0 + remanence.value() / (mu0() * intrinsic_coercivity.value())));
  width_ = formulas::logistic_width(intrinsic_coercivity.value(), squareness);
}

namespace {

formulas::demag_parameters parameters_of(const demagnetization_model& m, double width) {
  return {m.remanence().value(), m.intrinsic_coercivity().value(), m.recoil_permeability(), width};
}

} // namespace

magnetic_polarization demagnetization_model::polarization(magnetic_field_strength field) const {
  const double h = field.value(), coercivity = intrinsic_coercivity_.value();
  double j = 0.0;
  if (h >= -coercivity) {
    j = formulas::demag_polarization(parameters_of(*this, width_), h); // the batch kernel's formula
  } else {
    // Past -HcJ the recoil line mirrored about -HcJ: positive (the constructor's check), rising
    // as H falls, so J = envelope * tanh keeps rising with H and reaches -Js once reversed.
    const double slope = mu0() * (recoil_permeability_ - 1.0);
    const double envelope = remanence_.value() - slope * coercivity - slope * (h + coercivity);
    j = width_ > 0.0 ? envelope * formulas::switching_at((h + coercivity) / (2.0 * width_)).value : -envelope;
  }
  const double js = saturation_polarization_.value();
  return magnetic_polarization::from_value(std::clamp(j, -js, js));
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
  return magnetic_field_strength::from_value(formulas::normal_coercivity(parameters_of(*this, width_)));
}

magnetic_field_strength demagnetization_model::max_energy_product_field() const {
  const auto c = parameters_of(*this, width_);
  return magnetic_field_strength::from_value(formulas::max_energy_product(c, formulas::normal_coercivity(c)).field);
}

energy_density demagnetization_model::max_energy_product() const {
  const auto c = parameters_of(*this, width_);
  return energy_density::from_value(formulas::max_energy_product(c, formulas::normal_coercivity(c)).value);
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
