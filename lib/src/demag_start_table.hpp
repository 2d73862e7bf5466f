// Tabulated starts for the batch engine's HcB and (BH)max solvers (model_formulas.hpp).
//
// In units of HcJ, the demagnetization curve depends on one number per candidate: with
// h = H / HcJ and r = Br / (mu0 HcJ), B / (mu0 HcJ) = h + (r + (mu_rec - 1) h) tanh(a (h + 1)),
// a = ln 19 / (2 (1 - q)), and mu_rec, q are the process's. So HcB / HcJ and the field of
// (BH)max over HcJ are functions of r alone, smooth in r. A table of them per curve shape
// (mu_rec, q), solved once with the scalar solvers, starts each lane's Newton iteration within
// ~1e-11 (sintered shape), where it converges in two steps instead of a fixed-point start and up
// to five. The table only starts the solvers: every lane still iterates to the same stopping test.
#pragma once

#include <magmat/lanes.hpp>
#include <magmat/model_formulas.hpp>

#include <Eigen/Core>

#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <vector>

namespace magmat::detail {

class demag_start_table {
public:
  // r in [2^first_octave, 2^(first_octave + octaves)): from a nearly demagnetized curve
  // (HcJ = Br / (64 mu0), ~20 kA/m) to HcJ = 16 Br / mu0. Each octave is cut into
  // intervals_per_octave intervals of equal width in r, indexed from r's exponent and leading
  // mantissa bits (no logarithm), each with a Chebyshev series of `degree` in the interval.
  static constexpr int first_octave = -4;
  static constexpr int octaves = 10;
  static constexpr int intervals_per_octave = 16; // a power of 2: indexed by mantissa bits
  static constexpr int degree = 9;
  /// The two series of an interval interleaved, coefficient by coefficient (HcB's k-th, then
  /// the optimum field's): a lane sums both at once on a pair of doubles.
  using series_pair = std::array<double, 2 * (degree + 1)>;

  /// The table of the curve shape (mu_rec, q), built on first use and then shared (thread-safe).
  static std::shared_ptr<const demag_start_table> of_shape(double recoil_permeability, double squareness);

  /// Builds the table by solving the curve at each interval's Chebyshev nodes.
  demag_start_table(double recoil_permeability, double squareness);

  /// Where r falls: the interval, and the position in it in [-1, 1); false outside the table.
  static bool locate(double ratio, int& interval, double& position) {
    if (!(ratio > 0.0)) return false; // also NaN
    const auto bits = std::bit_cast<std::uint64_t>(ratio);
    const int octave = static_cast<int>(bits >> 52) - 1023; // biased exponent, sign bit 0 here
    if (octave < first_octave || octave >= first_octave + octaves) return false;
    constexpr int mantissa_bits = std::countr_zero(static_cast<unsigned>(intervals_per_octave));
    const int sub = static_cast<int>((bits >> (52 - mantissa_bits)) & (intervals_per_octave - 1));
    // The mantissa as a number in [1, 2): r = 2^octave (1 + (sub + (position + 1) / 2) / n).
    const double mantissa =
        std::bit_cast<double>((bits & ((std::uint64_t{1} << 52) - 1)) | (std::uint64_t{1023} << 52));
    position = 2.0 * intervals_per_octave * (mantissa - 1.0) - 2.0 * sub - 1.0;
    interval = (octave - first_octave) * intervals_per_octave + sub;
    return true;
  }

  /// Both series of `pair` at `position` in [-1, 1] (Clenshaw's recurrence on a pair of doubles).
  static Eigen::Array2d evaluate(const series_pair& pair, double position) {
    using coefficients = Eigen::Map<const Eigen::Array2d>;
    Eigen::Array2d next = Eigen::Array2d::Zero(), after = Eigen::Array2d::Zero();
    const double twice_position = 2.0 * position;
    for (std::size_t k = degree; k >= 1; --k) {
      const Eigen::Array2d current = coefficients(pair.data() + 2 * k) + twice_position * next - after;
      after = next;
      next = current;
    }
    return coefficients(pair.data()) + position * next - after;
  }

  /// HcB / HcJ and the (BH)max field over HcJ (both < 0) at r; false outside the table.
  bool ratios(double ratio, double& normal_coercivity, double& optimum_field) const {
    int interval = 0;
    double position = 0.0;
    if (!locate(ratio, interval, position)) return false;
    const Eigen::Array2d both = evaluate(series_[static_cast<std::size_t>(interval)], position);
    normal_coercivity = both[0];
    optimum_field = both[1];
    return true;
  }

  /// Solver starts for every lane of a block of curves: the field of HcB (negative) and of
  /// (BH)max, in A/m; lanes outside the table are not usable. Lane by lane, both series at once
  /// on a pair of doubles whose coefficients are read in place: gathering them into blocks cost
  /// more than the sums.
  template <int Size>
  void starts(const formulas::basic_demag_parameters<lanes::block<Size>>& curve,
              formulas::basic_solver_start<lanes::block<Size>>& normal_coercivity,
              formulas::basic_solver_start<lanes::block<Size>>& optimum_field) const {
    using block = lanes::block<Size>;
    const block ratio = curve.remanence / (vacuum_permeability_h_per_m * curve.intrinsic_coercivity);
    block hcb_ratio, optimum_ratio;
    for (Eigen::Index lane = 0; lane < Size; ++lane) {
      int interval = 0;
      double at = 0.0;
      const bool inside = locate(ratio.coeff(lane), interval, at);
      // Outside: any series at any position, not used.
      const Eigen::Array2d both = evaluate(series_[static_cast<std::size_t>(inside ? interval : 0)], inside ? at : 0.0);
      hcb_ratio(lane) = both[0];
      optimum_ratio(lane) = both[1];
      normal_coercivity.usable.bits(lane) = lanes::bits::from_bool(inside);
    }
    optimum_field.usable = normal_coercivity.usable;
    normal_coercivity.field = hcb_ratio * curve.intrinsic_coercivity;
    optimum_field.field = optimum_ratio * curve.intrinsic_coercivity;
  }

private:
  std::vector<series_pair> series_; // per interval
};

} // namespace magmat::detail
