// HcB and (BH)max of the batch engine, tabulated once per curve shape (docs/model.md §5).
//
// In units of HcJ, the demagnetization curve depends on one number per candidate: with
// h = H / HcJ and r = Br / (mu0 HcJ), B / (mu0 HcJ) = h + (r + (mu_rec - 1) h) tanh(a (h + 1)),
// a = ln 19 / (2 (1 - q)), and mu_rec, q are the process's. So HcB / HcJ and (BH)max / (Br HcJ)
// are functions of r alone, analytic in r. A table of them per curve shape (mu_rec, q), built
// once from the scalar solvers (model_formulas.hpp), gives both figures of a candidate from one
// series sum instead of two Newton solves, within 1e-14 of the solved figures. Every interval
// of the table is checked against the solvers when it is built, and one that misses the
// tolerance is marked: candidates there, and outside the table, are solved as in the scalar API.
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

class demag_figure_table {
public:
  // r in [2^first_octave, 2^(first_octave + octaves)): from a nearly demagnetized curve
  // (HcJ = Br / (4096 mu0), ~0.3 kA/m; hot Dy-free magnets come this low, and a lane outside the
  // table sends its block to the solvers) to HcJ = 16 Br / mu0. Each octave is cut into
  // intervals_per_octave intervals of equal width in r, indexed from r's exponent and leading
  // mantissa bits (no logarithm), each with a Chebyshev series of `degree` in the interval.
  // 64 intervals of degree 10 pass the check below in every interval of the shipped shapes. The
  // hard place is r ~ 1 for the sintered shape (q = 0.95), where the knee is sharp and HcB turns
  // from Br-limited to HcJ-limited: 32 intervals of degree 11 missed it in two intervals there
  // (16 of degree 9 were 1e-11 off); 32 of degree 13 pass too, but cost three more steps a lane.
  static constexpr int first_octave = -4;
  static constexpr int octaves = 16;
  static constexpr int intervals_per_octave = 64; // a power of 2: indexed by mantissa bits
  static constexpr int degree = 10;

  /// An interval is used when its series are within `tolerance` (relative) of the solvers at
  /// every check point (the interval's ends and the midpoints between its nodes) and their last
  /// two Chebyshev coefficients are below `tolerance` of the first (what the series leave out).
  static constexpr double tolerance = 4e-15;

  /// The two polynomials of an interval in the position (below), interleaved coefficient by
  /// coefficient (HcB's of degree k, then (BH)max's): a lane sums both at once on a pair of
  /// doubles. They are the Chebyshev interpolants at the interval's nodes, rewritten in powers of
  /// the position (the coefficients fall fast on an interval this short, so Horner's rule loses
  /// nothing the check below would see).
  using series_pair = std::array<double, 2 * (degree + 1)>;

  /// The table of the curve shape (mu_rec, q), built on first use and then shared (thread-safe).
  static std::shared_ptr<const demag_figure_table> of_shape(double recoil_permeability, double squareness);

  /// Builds the table by solving the curve at each interval's Chebyshev nodes, then checks it.
  demag_figure_table(double recoil_permeability, double squareness);

  /// Where r falls: the interval, and the position in it in [-1, 1); false outside the table.
  /// From r's bits alone: the exponent and the leading mantissa bits, read together, number the
  /// intervals consecutively (the table starts at an octave boundary), and the bits below them
  /// are the position.
  static bool locate(double ratio, int& interval, double& position) {
    constexpr int mantissa_bits = std::countr_zero(static_cast<unsigned>(intervals_per_octave));
    constexpr int low_bits = 52 - mantissa_bits; // below the interval's bits
    constexpr std::uint64_t first = std::uint64_t{1023 + first_octave} << mantissa_bits;
    constexpr std::uint64_t count = std::uint64_t{octaves} * intervals_per_octave;
    const auto bits = std::bit_cast<std::uint64_t>(ratio);
    // Unsigned: below the table (also 0 and the subnormals) wraps around; a negative r, an
    // infinity or a NaN has a sign bit or an exponent beyond it.
    const std::uint64_t index = (bits >> low_bits) - first;
    if (!(index < count)) return false;
    interval = static_cast<int>(index);
    // The low bits as a fraction in [0, 1) (exact): they fill the mantissa of a number in [1, 2).
    const double fraction =
        std::bit_cast<double>(((bits & ((std::uint64_t{1} << low_bits) - 1)) << mantissa_bits) |
                              (std::uint64_t{1023} << 52)) - 1.0;
    position = 2.0 * fraction - 1.0;
    return true;
  }

  /// Both polynomials of `pair` at `position` in [-1, 1] (Horner's rule on a pair of doubles: one
  /// multiply-add a degree, where Clenshaw's recurrence on the Chebyshev series takes two).
  static Eigen::Array2d evaluate(const series_pair& pair, double position) {
    using coefficients = Eigen::Map<const Eigen::Array2d>;
    Eigen::Array2d sum = coefficients(pair.data() + 2 * degree);
    for (std::size_t k = degree; k-- > 0;) sum = coefficients(pair.data() + 2 * k) + position * sum;
    return sum;
  }

  /// HcB / HcJ and (BH)max / (Br HcJ) at r; false outside the table or in an interval that
  /// missed the tolerance.
  bool ratios(double ratio, double& normal_coercivity, double& max_energy_product) const {
    int interval = 0;
    double position = 0.0;
    if (!locate(ratio, interval, position) || !used_[static_cast<std::size_t>(interval)]) return false;
    const Eigen::Array2d both = evaluate(series_[static_cast<std::size_t>(interval)], position);
    normal_coercivity = both[0];
    max_energy_product = both[1];
    return true;
  }

  /// The intervals that met the tolerance, of intervals_per_octave * octaves.
  std::size_t used_intervals() const;

  /// HcB (A/m) and (BH)max (J/m^3) of every lane of a block of curves of this shape, and the
  /// lanes they hold for (the others, outside the table or in an unused interval, are not set
  /// to anything meaningful). Lane by lane, both series at once on a pair of doubles whose
  /// coefficients are read in place: gathering them into blocks cost more than the sums.
  template <int Size>
  lanes::block_mask<Size> figures(const formulas::basic_demag_parameters<lanes::block<Size>>& curve,
                                   lanes::block<Size>& normal_coercivity,
                                   lanes::block<Size>& max_energy_product) const {
    using block = lanes::block<Size>;
    const block ratio = curve.remanence / (vacuum_permeability_h_per_m * curve.intrinsic_coercivity);
    block hcb_ratio, product_ratio;
    lanes::block_mask<Size> tabulated;
    for (Eigen::Index lane = 0; lane < Size; ++lane) {
      int interval = 0;
      double at = 0.0;
      const bool used = locate(ratio.coeff(lane), interval, at) && used_[static_cast<std::size_t>(interval)];
      // Elsewhere: any series at any position, not used.
      const Eigen::Array2d both = evaluate(series_[static_cast<std::size_t>(used ? interval : 0)], used ? at : 0.0);
      hcb_ratio(lane) = both[0];
      product_ratio(lane) = both[1];
      tabulated.bits(lane) = lanes::bits::from_bool(used);
    }
    normal_coercivity = hcb_ratio * curve.intrinsic_coercivity;
    max_energy_product = product_ratio * (curve.remanence * curve.intrinsic_coercivity);
    return tabulated;
  }

private:
  std::vector<series_pair> series_;   // per interval
  std::vector<std::uint8_t> used_;    // per interval: met the tolerance
};

} // namespace magmat::detail
