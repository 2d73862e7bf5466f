#include "demag_figure_table.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>
#include <utility>

namespace magmat::detail {
namespace {

using build_block = lanes::block<8>;

// HcB / HcJ and (BH)max / (Br HcJ) of the shape at each r, from the solvers, 8 at a time on
// lanes. Any HcJ gives the same ratios; 2^20 A/m (~1 MA/m) keeps the solvers' fields at their
// usual scale and makes the division by it exact.
std::vector<Eigen::Array2d> solved(const std::vector<double>& ratios, double recoil_permeability, double squareness) {
  constexpr double coercivity = 0x1p20;
  const std::size_t count = ratios.size();
  std::vector<Eigen::Array2d> figures(count);
  for (std::size_t first = 0; first < count; first += build_block::SizeAtCompileTime) {
    build_block ratio;
    for (Eigen::Index lane = 0; lane < build_block::SizeAtCompileTime; ++lane)
      ratio(lane) = ratios[std::min(first + static_cast<std::size_t>(lane), count - 1)];
    const formulas::basic_demag_parameters<build_block> curve{
        ratio * (vacuum_permeability_h_per_m * coercivity), build_block::Constant(coercivity), recoil_permeability,
        build_block::Constant(formulas::logistic_width(coercivity, squareness))};
    const build_block normal_coercivity = formulas::normal_coercivity(curve);
    const build_block max_energy_product = formulas::max_energy_product(curve, normal_coercivity).value;
    for (Eigen::Index lane = 0; lane < build_block::SizeAtCompileTime && first + lane < count; ++lane)
      figures[first + static_cast<std::size_t>(lane)] = {normal_coercivity(lane) / coercivity,
                                                          max_energy_product(lane) / (curve.remanence(lane) * coercivity)};
  }
  return figures;
}

// r at `position` in [-1, 1] of an interval.
double ratio_at(std::size_t interval, double position) {
  constexpr int per_octave = demag_figure_table::intervals_per_octave;
  const int octave = demag_figure_table::first_octave + static_cast<int>(interval) / per_octave;
  const int sub = static_cast<int>(interval) % per_octave;
  return std::ldexp(1.0 + (sub + 0.5 * (position + 1.0)) / per_octave, octave);
}

} // namespace

std::shared_ptr<const demag_figure_table> demag_figure_table::of_shape(double recoil_permeability, double squareness) {
  // A handful of shapes per program (one per process), so a list searched under a lock.
  static std::mutex mutex;
  static std::vector<std::pair<std::pair<double, double>, std::shared_ptr<const demag_figure_table>>> tables;
  const std::pair<double, double> shape{recoil_permeability, squareness};
  const std::lock_guard<std::mutex> lock(mutex);
  for (const auto& [key, table] : tables)
    if (key == shape) return table;
  auto table = std::make_shared<const demag_figure_table>(recoil_permeability, squareness);
  tables.emplace_back(shape, table);
  return table;
}

demag_figure_table::demag_figure_table(double recoil_permeability, double squareness) {
  constexpr int nodes = degree + 1;
  // Per interval: the Chebyshev nodes, then the check points (the ends and the midpoints
  // between the nodes).
  constexpr int points = nodes + (nodes + 1);
  auto node = [](int j) { return std::cos(std::numbers::pi * (j + 0.5) / nodes); };
  auto check_point = [](int j) { return std::cos(std::numbers::pi * j / nodes); };
  const std::size_t intervals = static_cast<std::size_t>(octaves) * intervals_per_octave;
  std::vector<double> ratios;
  ratios.reserve(intervals * points);
  for (std::size_t interval = 0; interval < intervals; ++interval) {
    for (int j = 0; j < nodes; ++j) ratios.push_back(ratio_at(interval, node(j)));
    for (int j = 0; j <= nodes; ++j) ratios.push_back(ratio_at(interval, check_point(j)));
  }
  const std::vector<Eigen::Array2d> figures = solved(ratios, recoil_permeability, squareness);
  std::array<double, nodes * nodes> transform{}; // cos(pi k (j + 1/2) / nodes), row k
  // T_k in powers of the position, row k: T_0 = 1, T_1 = x, T_(k+1) = 2x T_k - T_(k-1).
  std::array<std::array<long double, nodes>, nodes> chebyshev_powers{};
  chebyshev_powers[0][0] = 1.0L;
  chebyshev_powers[1][1] = 1.0L;
  for (std::size_t k = 1; k + 1 < nodes; ++k)
    for (std::size_t i = 0; i < nodes; ++i)
      chebyshev_powers[k + 1][i] = (i > 0 ? 2.0L * chebyshev_powers[k][i - 1] : 0.0L) - chebyshev_powers[k - 1][i];
  for (int k = 0; k < nodes; ++k)
    for (int j = 0; j < nodes; ++j)
      transform[static_cast<std::size_t>(k * nodes + j)] = std::cos(std::numbers::pi * k * (j + 0.5) / nodes);
  series_.resize(intervals);
  used_.assign(intervals, 0);
  for (std::size_t interval = 0; interval < intervals; ++interval) {
    const Eigen::Array2d* at_node = figures.data() + interval * points;
    const Eigen::Array2d* at_check = at_node + nodes;
    // Chebyshev coefficients from the values at the nodes (discrete cosine transform).
    std::array<Eigen::Array2d, nodes> chebyshev;
    for (int k = 0; k < nodes; ++k) {
      Eigen::Array2d sum = Eigen::Array2d::Zero();
      for (int j = 0; j < nodes; ++j) sum += at_node[j] * transform[static_cast<std::size_t>(k * nodes + j)];
      chebyshev[static_cast<std::size_t>(k)] = ((k == 0 ? 1.0 : 2.0) / nodes) * sum;
    }
    // What the series leave out: their last two coefficients against the first.
    bool used = true;
    for (Eigen::Index f = 0; f < 2; ++f) {
      const double tail = std::abs(chebyshev[degree][f]) + std::abs(chebyshev[degree - 1][f]);
      used = used && tail <= tolerance * std::abs(chebyshev[0][f]);
    }
    // The same polynomials in powers of the position, summed in long double.
    std::array<std::array<long double, nodes>, 2> power{}; // per series
    for (std::size_t k = 0; k < nodes; ++k)
      for (std::size_t f = 0; f < 2; ++f)
        for (std::size_t i = 0; i < nodes; ++i)
          power[f][i] += static_cast<long double>(chebyshev[k][static_cast<Eigen::Index>(f)]) * chebyshev_powers[k][i];
    series_pair& pair = series_[interval];
    for (std::size_t i = 0; i < nodes; ++i)
      for (std::size_t f = 0; f < 2; ++f) pair[2 * i + f] = static_cast<double>(power[f][i]);
    // The polynomials against the solvers at the check points (a NaN anywhere fails it).
    for (int j = 0; used && j <= nodes; ++j) {
      const Eigen::Array2d error = (evaluate(pair, check_point(j)) - at_check[j]).abs();
      used = (error <= tolerance * at_check[j].abs()).all();
    }
    used_[interval] = used ? 1 : 0;
  }
}

std::size_t demag_figure_table::used_intervals() const {
  return static_cast<std::size_t>(std::count(used_.begin(), used_.end(), std::uint8_t{1}));
}

} // namespace magmat::detail
