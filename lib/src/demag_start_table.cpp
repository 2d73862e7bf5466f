#include "demag_start_table.hpp"

#include <cmath>
#include <mutex>
#include <numbers>
#include <utility>

namespace magmat::detail {

std::shared_ptr<const demag_start_table> demag_start_table::of_shape(double recoil_permeability, double squareness) {
  // A handful of shapes per program (one per process), so a list searched under a lock.
  static std::mutex mutex;
  static std::vector<std::pair<std::pair<double, double>, std::shared_ptr<const demag_start_table>>> tables;
  const std::pair<double, double> shape{recoil_permeability, squareness};
  const std::lock_guard<std::mutex> lock(mutex);
  for (const auto& [key, table] : tables)
    if (key == shape) return table;
  auto table = std::make_shared<const demag_start_table>(recoil_permeability, squareness);
  tables.emplace_back(shape, table);
  return table;
}

demag_start_table::demag_start_table(double recoil_permeability, double squareness) {
  // Any HcJ gives the same ratios; 1 MA/m keeps the solvers' fields at their usual scale.
  constexpr double coercivity = 1e6;
  constexpr int nodes = degree + 1;
  std::array<double, nodes> position{};
  for (int j = 0; j < nodes; ++j) position[static_cast<std::size_t>(j)] = std::cos(std::numbers::pi * (j + 0.5) / nodes);
  const std::size_t intervals = static_cast<std::size_t>(octaves) * intervals_per_octave;
  series_.resize(intervals);
  for (std::size_t interval = 0; interval < intervals; ++interval) {
    const int octave = first_octave + static_cast<int>(interval) / intervals_per_octave;
    const int sub = static_cast<int>(interval) % intervals_per_octave;
    std::array<double, nodes> hcb{}, optimum{};
    for (std::size_t j = 0; j < nodes; ++j) {
      const double ratio = std::ldexp(1.0 + (sub + 0.5 * (position[j] + 1.0)) / intervals_per_octave, octave);
      const formulas::demag_parameters curve{ratio * vacuum_permeability_h_per_m * coercivity, coercivity,
                                             recoil_permeability, formulas::logistic_width(coercivity, squareness)};
      const double normal_coercivity = formulas::normal_coercivity(curve);
      hcb[j] = -normal_coercivity / coercivity;
      optimum[j] = formulas::max_energy_product(curve, normal_coercivity).field / coercivity;
    }
    // Chebyshev coefficients from the values at the nodes (discrete cosine transform).
    for (std::size_t k = 0; k < nodes; ++k) {
      double a = 0.0, b = 0.0;
      for (std::size_t j = 0; j < nodes; ++j) {
        const double weight = std::cos(std::numbers::pi * static_cast<double>(k) * (static_cast<double>(j) + 0.5) / nodes);
        a += hcb[j] * weight;
        b += optimum[j] * weight;
      }
      const double scale = (k == 0 ? 1.0 : 2.0) / nodes;
      series_[interval][2 * k] = scale * a;
      series_[interval][2 * k + 1] = scale * b;
    }
  }
}

} // namespace magmat::detail
