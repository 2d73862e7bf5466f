// Batch evaluation over rows of candidates, threaded; every row goes through the scalar API.
#include <magmat/batch.hpp>
#include <magmat/composition.hpp>
#include <magmat/errors.hpp>
#include <magmat/magnet.hpp>
#include <magmat/policy.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <thread>

namespace magmat {
namespace {

// Rethrows the exception in `p` as the same magmat type with `prefix` before its message;
// exceptions that are not magmat's propagate unchanged.
[[noreturn]] void rethrow_prefixed(const std::exception_ptr& p, const std::string& prefix) {
  try {
    std::rethrow_exception(p);
  } catch (const parse_error& e) {
    throw parse_error(prefix + e.what());
  } catch (const domain_error& e) {
    throw domain_error(prefix + e.what());
  } catch (const data_error& e) {
    throw data_error(prefix + e.what());
  } catch (const unknown_name_error& e) {
    throw unknown_name_error(prefix + e.what());
  } catch (const infeasible_error& e) {
    throw infeasible_error(prefix + e.what());
  } catch (const error& e) {
    throw error(prefix + e.what());
  }
}

std::string message_of(const std::exception_ptr& p) {
  try {
    std::rethrow_exception(p);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

// Runs body(begin, end) on `threads` contiguous blocks of [0, rows).
template <class Body>
void for_blocks(Eigen::Index rows, int threads, Body&& body) {
  const Eigen::Index blocks = std::max<Eigen::Index>(1, std::min<Eigen::Index>(threads, rows));
  if (blocks == 1) {
    body(Eigen::Index{0}, rows);
    return;
  }
  std::vector<std::thread> workers;
  workers.reserve(static_cast<std::size_t>(blocks));
  const Eigen::Index size = rows / blocks;
  const Eigen::Index extra = rows % blocks;
  Eigen::Index begin = 0;
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const Eigen::Index end = begin + size + (b < extra ? 1 : 0);
    workers.emplace_back([&body, begin, end] { body(begin, end); });
    begin = end;
  }
  for (auto& w : workers) w.join();
}

void check_process_name(const std::string& process) {
  for (auto family : {phase_family::r2fe14b, phase_family::smco5, phase_family::sm2co17, phase_family::hexaferrite}) {
    const auto names = process_names(family);
    if (std::find(names.begin(), names.end(), process) != names.end()) return;
  }
  process_data(phase_family::r2fe14b, process);  // throws unknown_name_error listing the known ones
  throw unknown_name_error(fmt::format("unknown process '{}'", process));
}

} // namespace

batch_result evaluate(const batch_input& input, int threads, bool mask_errors) {
  const Eigen::Index rows = input.mass_percent.rows();
  const auto columns = static_cast<Eigen::Index>(input.elements.size());
  if (input.mass_percent.cols() != columns)
    throw domain_error(fmt::format("mass_percent has {} columns but {} elements are named",
                                   input.mass_percent.cols(), columns));
  if (columns == 0) throw domain_error("no elements: mass_percent needs at least one column");
  if (std::set<Element>(input.elements.begin(), input.elements.end()).size() != input.elements.size())
    throw domain_error("an element is named twice in the columns of mass_percent");
  for (Element e : input.elements) element_info(e);  // rejects an Element outside H..U
  const Eigen::Index temperatures = input.temperature_kelvin.size();
  if (temperatures != 1 && temperatures != rows)
    throw domain_error(fmt::format("temperature_kelvin has {} entries; expected 1 or one per row ({})",
                                   temperatures, rows));
  if (threads < 0) throw domain_error(fmt::format("threads must be >= 0, got {}", threads));
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  check_process_name(input.process);

  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  batch_result out;
  for (auto* column : {&out.remanence, &out.intrinsic_coercivity, &out.normal_coercivity, &out.max_energy_product,
                       &out.rare_earth_mass_fraction, &out.heavy_rare_earth_mass_fraction})
    column->setConstant(rows, nan);
  out.policy_pass.setConstant(rows, false);
  out.valid.setConstant(rows, false);
  out.errors.assign(static_cast<std::size_t>(rows), std::string{});
  std::vector<std::exception_ptr> failures(static_cast<std::size_t>(rows));

  for_blocks(rows, threads, [&](Eigen::Index begin, Eigen::Index end) {
    std::map<Element, double> percent;
    for (Eigen::Index i = begin; i < end; ++i) {
      try {
        percent.clear();
        for (Eigen::Index j = 0; j < columns; ++j)
          percent.emplace(input.elements[static_cast<std::size_t>(j)], input.mass_percent(i, j));
        const Composition composition = Composition::from_mass_percent(percent);
        const Magnet magnet = Magnet::from_composition(composition, input.process);
        const double kelvin = input.temperature_kelvin(temperatures == 1 ? 0 : i);
        const magnet_properties p = magnet.properties(from_kelvin(kelvin));
        const policy_check policy = check_policy(magnet);
        out.remanence(i) = p.remanence.value();
        out.intrinsic_coercivity(i) = p.intrinsic_coercivity.value();
        out.normal_coercivity(i) = p.normal_coercivity.value();
        out.max_energy_product(i) = p.max_energy_product.value();
        out.rare_earth_mass_fraction(i) = composition.rare_earth_mass_fraction();
        out.heavy_rare_earth_mass_fraction(i) = composition.heavy_rare_earth_mass_fraction();
        out.policy_pass(i) = policy.passes;
        out.valid(i) = true;
      } catch (...) {
        failures[static_cast<std::size_t>(i)] = std::current_exception();
        if (!mask_errors) return;  // this block stops; the lowest failing row is reported below
      }
    }
  });

  for (Eigen::Index i = 0; i < rows; ++i) {
    const auto& failure = failures[static_cast<std::size_t>(i)];
    if (!failure) continue;
    if (!mask_errors) rethrow_prefixed(failure, fmt::format("row {}: ", i));
    out.errors[static_cast<std::size_t>(i)] = message_of(failure);
  }
  return out;
}

Eigen::ArrayXXd mass_fractions(const std::vector<std::string>& formulas, const std::vector<Element>& elements) {
  for (Element e : elements) element_info(e);
  Eigen::ArrayXXd out(static_cast<Eigen::Index>(formulas.size()), static_cast<Eigen::Index>(elements.size()));
  for (std::size_t i = 0; i < formulas.size(); ++i) {
    try {
      const Composition composition = Composition::from_formula(formulas[i]);
      for (std::size_t j = 0; j < elements.size(); ++j)
        out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = composition.mass_fraction(elements[j]);
    } catch (const error&) {
      rethrow_prefixed(std::current_exception(), fmt::format("formulas[{}]: ", i));
    }
  }
  return out;
}

std::vector<Eigen::Index> pareto_front(const Eigen::ArrayXXd& objectives, const std::vector<objective_sense>& senses) {
  const auto count = static_cast<Eigen::Index>(senses.size());
  if (count == 0) throw domain_error("pareto_front needs at least one objective");
  if (objectives.cols() != count)
    throw domain_error(fmt::format("objectives has {} columns but {} senses are given", objectives.cols(), count));
  // Every objective turned into one to minimize; rows with a NaN left out.
  Eigen::ArrayXXd cost = objectives;
  for (Eigen::Index j = 0; j < count; ++j)
    if (senses[static_cast<std::size_t>(j)] == objective_sense::maximize) cost.col(j) = -cost.col(j);
  std::vector<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < cost.rows(); ++i)
    if (!cost.row(i).isNaN().any()) rows.push_back(i);

  std::vector<Eigen::Index> front;
  if (count == 1) {
    if (rows.empty()) return front;
    double best = cost(rows.front(), 0);
    for (Eigen::Index i : rows) best = std::min(best, cost(i, 0));
    for (Eigen::Index i : rows)
      if (cost(i, 0) == best) front.push_back(i);
  } else if (count == 2) {
    // Sweep in order of the first objective: a group of equal first values is on the front
    // when its least second value beats every earlier group's.
    std::sort(rows.begin(), rows.end(), [&](Eigen::Index a, Eigen::Index b) {
      return cost(a, 0) != cost(b, 0) ? cost(a, 0) < cost(b, 0) : cost(a, 1) < cost(b, 1);
    });
    double best = std::numeric_limits<double>::infinity();
    bool first_group = true;
    for (std::size_t g = 0; g < rows.size();) {
      std::size_t h = g;
      while (h < rows.size() && cost(rows[h], 0) == cost(rows[g], 0)) ++h;
      const double least = cost(rows[g], 1);  // sorted: the group's least second value
      if (first_group || least < best) {
        for (std::size_t k = g; k < h && cost(rows[k], 1) == least; ++k) front.push_back(rows[k]);
      }
      best = first_group ? least : std::min(best, least);
      first_group = false;
      g = h;
    }
  } else {
    for (Eigen::Index i : rows) {
      bool dominated = false;
      for (Eigen::Index k : rows) {
        if (k == i) continue;
        if ((cost.row(k) <= cost.row(i)).all() && (cost.row(k) < cost.row(i)).any()) {
          dominated = true;
          break;
        }
      }
      if (!dominated) front.push_back(i);
    }
  }
  std::sort(front.begin(), front.end());
  return front;
}

} // namespace magmat
