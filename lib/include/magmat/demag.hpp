// The major demagnetization branch J(H), B(H) of a magnet at one temperature, and the figures
// read off it: normal coercivity HcB, knee field Hk and the maximum energy product (BH)max.
#pragma once

#include <magmat/units.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <limits>

namespace magmat {

/// Largest relative recoil permeability accepted from data or a user: every family's published range lies below it, the highest being bonded NdFeB at 1.15-1.22
/// (SOURCEMAG, brief §5.1; sintered NdFeB ~1.05, SmCo 1.03-1.10 MIOTTI, ferrite 1.05-1.1 COEY10).
inline constexpr double max_recoil_permeability = 1.3;

/// Samples of a demagnetization curve, in SI: internal field H (A/m, from 0 down to -HcJ),
/// flux density B and polarization J (T) at each H.
struct demagnetization_curve {
  Eigen::ArrayXd field;
  Eigen::ArrayXd flux_density;
  Eigen::ArrayXd polarization;
};

/// The 4-parameter logistic-switching model of the physics brief §5.3:
///   J(H) = Jlin(H) [1 - 2 sigma(H)],  Jlin(H) = Br + mu0 (mu_rec - 1) H,
///   sigma(H) = 1 / (1 + exp((H + HcJ) / w)),  w = HcJ (1 - q) / ln 19,
/// so that J(-HcJ) = 0 exactly, J follows the linear recoil line above the knee, and
/// J(-Hk) = 0.9 Jlin(-Hk) at the knee field Hk = q HcJ (q = squareness Hk/HcJ).
/// Fields are negative in the second quadrant (H opposes the magnetization).
///
/// Outside [-HcJ, 0] (a strong reverse or aiding field) the same construction continues so that
/// J is monotone in H and |J| <= Js everywhere: past -HcJ the envelope is the recoil line
/// mirrored about -HcJ (the reversed grains' recoil line, J = -(Br - 2 mu0 (mu_rec - 1) HcJ) +
/// mu0 (mu_rec - 1) H once fully reversed), and J is clipped to [-Js, Js], Js the saturation
/// polarization of the magnet (all of its moments along the field). The recoil line must stay
/// positive down to -HcJ, Br > mu0 (mu_rec - 1) HcJ, so that J is 0 exactly and only at -HcJ.
class demagnetization_model {
public:
  /// remanence > 0 T; intrinsic_coercivity >= 0 A/m; recoil_permeability in
  /// [1, max_recoil_permeability] (relative) with Br > mu0 (mu_rec - 1) HcJ; squareness q in
  /// (0, 1); saturation_polarization >= remanence (T; infinite: J is not clipped). Throws
  /// domain_error naming the first value out of range.
  demagnetization_model(magnetic_polarization remanence, magnetic_field_strength intrinsic_coercivity,
                        double recoil_permeability, double squareness,
                        magnetic_polarization saturation_polarization =
                            magnetic_polarization::from_value(std::numeric_limits<double>::infinity()));

  magnetic_polarization remanence() const { return remanence_; }
  magnetic_field_strength intrinsic_coercivity() const { return intrinsic_coercivity_; }
  double recoil_permeability() const { return recoil_permeability_; }
  double squareness() const { return squareness_; }
  /// The bound Js (T) of |J| at any field (infinite when none was given).
  magnetic_polarization saturation_polarization() const { return saturation_polarization_; }

  /// Polarization J (T) on the major branch at applied internal field H (A/m).
  magnetic_polarization polarization(magnetic_field_strength field) const;
  /// Share of the magnet reversed at internal field H: sigma(H) of the model, 0 (none) to 1 (all);
  /// J = Jlin (1 - 2 sigma).
  double reversed_fraction(magnetic_field_strength field) const;
  /// Flux density B = mu0 H + J (T) at internal field H (A/m).
  magnetic_flux_density flux_density(magnetic_field_strength field) const;

  /// The knee field magnitude Hk = q HcJ (A/m), where J has fallen to 0.9 of the recoil line.
  magnetic_field_strength knee_field() const;
  /// Normal coercivity HcB (A/m, positive): the field magnitude where B = 0.
  magnetic_field_strength normal_coercivity() const;
  /// (BH)max (J/m^3): the largest -H B(H) on the curve; equals Br^2 / (4 mu0 mu_rec) when the knee
  /// lies beyond the optimum of the recoil line, and is knee-limited otherwise.
  energy_density max_energy_product() const;
  /// The internal field (A/m, negative) at which -H B(H) is largest.
  magnetic_field_strength max_energy_product_field() const;

  /// `points` (>= 2) evenly spaced samples from H = 0 down to H = -HcJ (through the second
  /// quadrant into the third, where B < 0). Throws domain_error for fewer than 2 points.
  demagnetization_curve sample(std::size_t points) const;

private:
  magnetic_polarization remanence_;
  magnetic_field_strength intrinsic_coercivity_;
  double recoil_permeability_;
  double squareness_;
  magnetic_polarization saturation_polarization_;
  double width_; // logistic width w, A/m
};

} // namespace magmat
