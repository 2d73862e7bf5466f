// Fitting the demagnetization model (demag.hpp) to measured curves at several temperatures,
// and the magnet that rests on them: Br(T), HcJ(T) and q(T) from the curves, one recoil
// permeability, the physics model beyond the measured temperatures.
#pragma once

#include <magmat/magnet.hpp>
#include <magmat/units.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magmat {

/// What a measured curve's values are: polarization J or flux density B = mu0 H + J (T).
enum class curve_quantity { polarization, flux_density };

/// One measured demagnetization curve in SI: internal field H (A/m, negative in the second
/// quadrant, as in demag.hpp) and J or B (T) at each H, in any order.
struct measured_curve {
  thermodynamic_temperature temperature;
  Eigen::ArrayXd field;
  Eigen::ArrayXd values;
};

/// Fewest points a curve needs (with H < 0): three parameters per curve and the shared recoil
/// permeability leave at least four degrees of freedom.
inline constexpr std::size_t min_curve_points = 8;

/// Fits the model J(H) of demag.hpp to every curve: (Br, HcJ, q) per curve and one recoil
/// permeability for all, by Levenberg-Marquardt on the residuals in J, made robust to
/// outliers by iteratively reweighted least squares with Huber's loss (threshold 1.345 times
/// the residuals' scale, from their median absolute deviation). Uncertainties are the standard
/// ones of the weighted Jacobian, s^2 (J^T W J)^-1. Points in the first quadrant (H > 0) and
/// past -HcJ take part: the model continues there (demag.hpp). Throws domain_error naming the
/// curve (by temperature) for: no curve, two curves at one temperature, H and values of
/// different lengths, a value that is not finite, fewer than min_curve_points points with H < 0,
/// J that falls as H rises (a sign convention other than demag.hpp's, or columns swapped), no
/// positive J at H = 0, and points that stop before the knee (short of Hk - w, where J is still
/// within about 4 % of the recoil line: HcJ and q are then not determined).
measured_curves_table fit_demagnetization_curves(std::vector<measured_curve> curves, curve_quantity quantity);

/// A magnet fitted to measured curves: the catalog's physics model for the family ("ndfeb_sintered",
/// "ndfeb_bonded", "ndfeb_hot_deformed", "smco5", "sm2co17", "ferrite"; its process unless
/// `process` names another, e.g. "grain_boundary_diffused"), built as a catalog grade of that
/// family with the fitted Br and HcJ nearest 20 degC, pinned to the fitted curves. Throws
/// unknown_name_error for an unknown family or process, domain_error as
/// fit_demagnetization_curves, for temperatures outside the family's model and for a fitted HcJ
/// the family's model cannot reach.
Magnet fit_magnet_to_curves(std::vector<measured_curve> curves, curve_quantity quantity, std::string_view family,
                            std::optional<std::string> process, std::string name);

/// The magnet of a family pinned to an already fitted table (a grade file's measured_curves block).
Magnet magnet_of_measured_curves(const measured_curves_table& table, std::string_view family,
                                 std::optional<std::string> process, std::string name);

/// A grade file (materials/grades schema, magmat-grades/1) holding a fitted magnet as one grade:
/// its 20 degC values as the datasheet's, `source` as their citation, and a measured_curves
/// block with the fitted table, which the catalog's loader reads back into the same magnet
/// (Catalog::load / extend). Throws domain_error for a magnet without measured curves.
std::string measured_grade_json(const Magnet& fitted, std::string_view source);

} // namespace magmat
