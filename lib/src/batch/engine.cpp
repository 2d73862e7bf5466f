// Batch evaluation over rows of candidates, threaded. R2Fe14B rows of a process without a
// diffused shell take the fast path below, through two kernels that batch/dispatch.cpp picks for
// the CPU (compiled for the baseline and for AVX2): stage 1 (batch/prepare.hpp), per 8
// consecutive rows on SIMD lanes, the scalar API's composition steps (Composition::from_mass_percent,
// Magnet::from_composition, Phase) with the same arithmetic in the same order in every lane;
// stage 2 (batch/kernel.hpp), per block of 8 rows that passed, properties(T) and check_policy
// through the shared formula templates of model_formulas.hpp on SIMD lanes (lanes.hpp). Any row
// the fast path does not take (other families, the grain-boundary-diffused process, and every row
// the scalar API would refuse) goes through the scalar API itself, which also gives the exact
// exception for an invalid row. The rows are read in place (batch_columns).
#include "batch/block.hpp"
#include "batch/dispatch.hpp"
#include "batch/threads.hpp"

#include <magmat/batch.hpp>
#include <magmat/composition.hpp>
#include <magmat/errors.hpp>
#include <magmat/magnet.hpp>
#include <magmat/model_formulas.hpp>
#include <magmat/policy.hpp>

#include "demag_figure_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace magmat {
namespace {

using batch_detail::block_kernel;
using batch_detail::block_member;
using batch_detail::block_plan;
using batch_detail::block_rows;
using batch_detail::row_block;

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

// Asks the kernel for transparent huge pages on the 2 MiB-aligned part of a large fresh result
// column: writing it then costs a page fault per 2 MiB instead of one per 4 KiB (~12,700 faults
// per 10^6 rows, 15-25 % of a call in a plain loop; benchmarks/README.md). Advice only: where
// the kernel has no THP, or keeps it to madvise'd memory and is out of huge pages, nothing changes.
void advise_huge_pages([[maybe_unused]] void* data, [[maybe_unused]] std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge_page = std::uintptr_t{1} << 21;
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (start + huge_page - 1) & ~(huge_page - 1);
  const std::uintptr_t end = (start + bytes) & ~(huge_page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE); // advice: result ignored
#endif
}

void check_process_name(const std::string& process) {
  for (auto family : {phase_family::r2fe14b, phase_family::smco5, phase_family::sm2co17, phase_family::hexaferrite}) {
    const auto names = process_names(family);
    if (std::find(names.begin(), names.end(), process) != names.end()) return;
  }
  process_data(phase_family::r2fe14b, process);  // throws unknown_name_error listing the known ones
  throw unknown_name_error(fmt::format("unknown process '{}'", process));
}

// --- the fast path ----------------------------------------------------------------------------

// Most columns the fast path takes (the kernels' stack arrays); wider inputs use the scalar path.
constexpr std::size_t max_fast_columns = batch_detail::max_block_members;

using batch_detail::column_role;
using batch_detail::prepare_column;

// A column's plan and, for a rare earth, its R2Fe14B end member (null: none; the scalar path
// takes rows that have such a column, and refuses them).
struct column_plan {
  prepare_column kernel;
  const phase_record* record = nullptr;
  double reference_magnetization = 0.0;  // m at the record's reference temperature
};

struct fast_plan {
  bool usable = false;
  const process_parameters* process = nullptr;
  std::shared_ptr<const detail::demag_figure_table> figure_table; // of the process's curve shape
  std::vector<prepare_column> columns; // ordered by atomic number, as Composition orders entries
  std::vector<block_member> members;   // the rare-earth columns with an end member, same order
  std::vector<std::size_t> member_columns; // per member, its index in `columns`
  bool limits_checked = false;             // some column to check against a limit or refuse
  double grain_boundary_rare_earth = 0.0;
  double room_kelvin = 0.0;
};

// Same constants as magnet.cpp's Magnet::from_composition (brief §8, LI20).
double ndfeb_addition_limit(Element e) {
  switch (e) {
  case Element::Al: return 0.6;
  case Element::Cu: return 1.5;
  case Element::Co: return 3.0;
  case Element::Ga: return 1.0;
  case Element::C: return 0.3;
  case Element::O: return 0.4;
  case Element::Nb: return 0.5;
  default: return -1.0;
  }
}
constexpr double max_lanthanum_site_fraction = 0.45;

fast_plan make_fast_plan(const batch_columns& input) {
  fast_plan plan;
  if (input.elements.size() > max_fast_columns) return plan;
  const auto& names = process_names(phase_family::r2fe14b);
  if (std::find(names.begin(), names.end(), input.process) == names.end()) return plan;
  const process_parameters& process = process_data(phase_family::r2fe14b, input.process);
  // A diffused shell changes the nucleation phase per row: that process goes through the scalar
  // path. So do process data the demagnetization model would refuse.
  if (process.shell_volume_fraction > 0.0) return plan;
  if (!(process.recoil_permeability >= 1.0 && process.recoil_permeability <= max_recoil_permeability)) return plan;
  if (!(process.squareness > 0.0 && process.squareness < 1.0)) return plan;
  plan.process = &process;
  plan.figure_table = detail::demag_figure_table::of_shape(process.recoil_permeability, process.squareness);
  plan.room_kelvin = to_kelvin(policy_room_temperature);
  std::vector<column_plan> columns;
  for (std::size_t j = 0; j < input.elements.size(); ++j) {
    const Element e = input.elements[j];
    column_plan c;
    c.kernel.column = static_cast<Eigen::Index>(j);
    c.kernel.atomic_weight = atomic_weight(e);
    if (e == Element::Fe) c.kernel.role = column_role::iron;
    else if (e == Element::B) c.kernel.role = column_role::boron;
    else if (is_rare_earth(e)) {
      c.kernel.role = column_role::rare_earth;
      c.kernel.heavy = group_of(e) == rare_earth_group::heavy;
      c.kernel.lanthanum = e == Element::La;
      try {
        c.record = &phase_data(fmt::format("{}2Fe14B", symbol(e)));
      } catch (const unknown_name_error&) {
        c.record = nullptr; // rows with this element go to the scalar path, which refuses them
      }
      if (c.record) {
        c.reference_magnetization = formulas::reference_reduced_magnetization(*c.record);
        c.kernel.curie_kelvin = to_kelvin(c.record->curie_temperature);
        c.kernel.min_kelvin = to_kelvin(c.record->min_temperature);
        c.kernel.max_kelvin = to_kelvin(c.record->max_temperature);
      }
    } else if (ndfeb_addition_limit(e) >= 0.0) {
      c.kernel.role = column_role::addition;
      c.kernel.addition_limit_percent = ndfeb_addition_limit(e);
    }
    columns.push_back(c);
  }
  std::sort(columns.begin(), columns.end(), [&](const column_plan& a, const column_plan& b) {
    return input.elements[static_cast<std::size_t>(a.kernel.column)] <
           input.elements[static_cast<std::size_t>(b.kernel.column)];
  });
  for (auto& c : columns) {
    if (c.kernel.role == column_role::rare_earth && c.record != nullptr) {
      c.kernel.member_slot = static_cast<int>(plan.members.size());
      plan.members.push_back({c.record, c.reference_magnetization});
      plan.member_columns.push_back(plan.columns.size());
    }
    const bool rare_earth_checked =
        c.kernel.role == column_role::rare_earth && (c.kernel.member_slot < 0 || c.kernel.lanthanum);
    plan.limits_checked = plan.limits_checked || c.kernel.role == column_role::addition ||
                          c.kernel.role == column_role::other || rare_earth_checked;
    plan.columns.push_back(c.kernel);
  }
  plan.grain_boundary_rare_earth = process.grain_boundary_rare_earth;
  plan.usable = true;
  return plan;
}

// What the stage-1 kernel needs of `plan` (a view: valid while `plan` is).
batch_detail::prepare_plan prepare_view(const fast_plan& plan) {
  return {plan.columns.data(),
          plan.columns.size(),
          plan.member_columns.data(),
          plan.member_columns.size(),
          plan.limits_checked,
          Composition::default_tolerance_percent,
          max_lanthanum_site_fraction,
          atomic_weight(Element::B),
          atomic_weight(Element::Fe),
          plan.grain_boundary_rare_earth,
          plan.room_kelvin};
}

// What the block kernel needs of `plan` (a view: valid while `plan` is).
block_plan kernel_view(const fast_plan& plan) {
  return {plan.process, plan.members.data(), plan.members.size(), plan.room_kelvin, plan.figure_table.get()};
}

// Where the block kernel writes: the columns of `out`.
batch_detail::block_outputs outputs_of(batch_result& out) {
  return {out.remanence.data(),
          out.intrinsic_coercivity.data(),
          out.normal_coercivity.data(),
          out.max_energy_product.data(),
          out.rare_earth_mass_fraction.data(),
          out.heavy_rare_earth_mass_fraction.data(),
          out.policy_pass.data(),
          out.valid.data()};
}

// Row `row` of `out` as an invalid row: NaN values, no policy pass.
void mark_invalid(batch_result& out, Eigen::Index row) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  for (auto* column : {&out.remanence, &out.intrinsic_coercivity, &out.normal_coercivity, &out.max_energy_product,
                       &out.rare_earth_mass_fraction, &out.heavy_rare_earth_mass_fraction})
    (*column)(row) = nan;
  out.policy_pass(row) = false;
  out.valid(row) = false;
}

// Lane `lane` of `prepared` joins `block` as its next lane. A member with a zero site fraction
// adds exact zeros in stage 2, so skipping it when no lane has a nonzero one changes nothing.
void append_lane(std::size_t members, const row_block& prepared, int lane, row_block& block) {
  const int to = block.count++;
  block.row[to] = prepared.row[lane];
  block.kelvin[to] = prepared.kelvin[lane];
  block.curie_kelvin[to] = prepared.curie_kelvin[lane];
  block.main_phase_fraction[to] = prepared.main_phase_fraction[lane];
  block.rare_earth_fraction[to] = prepared.rare_earth_fraction[lane];
  block.heavy_rare_earth_fraction[to] = prepared.heavy_rare_earth_fraction[lane];
  for (std::size_t slot = 0; slot < members; ++slot) {
    block.site_fraction[slot][to] = prepared.site_fraction[slot][lane];
    if (prepared.site_fraction[slot][lane] != 0.0) block.member_used[slot] = true;
  }
}

} // namespace

batch_columns batch_detail::columns_of(const batch_input& input) {
  const auto columns = static_cast<Eigen::Index>(input.elements.size());
  if (input.mass_percent.cols() != columns)
    throw domain_error(fmt::format("mass_percent has {} columns but {} elements are named",
                                   input.mass_percent.cols(), columns));
  batch_columns view;
  view.elements = input.elements;
  view.rows = input.mass_percent.rows();
  for (Eigen::Index j = 0; j < columns; ++j) view.mass_percent.push_back(input.mass_percent.col(j).data());
  view.temperature_kelvin = input.temperature_kelvin.data();
  view.temperatures = input.temperature_kelvin.size();
  view.process = input.process;
  return view;
}

batch_result evaluate(const batch_input& input, int threads, bool mask_errors, const batch_progress& progress) {
  batch_result out;
  evaluate(input, out, threads, mask_errors, progress);
  return out;
}

void evaluate(const batch_input& input, batch_result& result, int threads, bool mask_errors,
              const batch_progress& progress) {
  batch_detail::evaluate_with(batch_detail::chosen_kernel(), batch_detail::columns_of(input), result, threads,
                              mask_errors, progress);
}

batch_result evaluate(const batch_columns& input, int threads, bool mask_errors, const batch_progress& progress) {
  batch_result out;
  evaluate(input, out, threads, mask_errors, progress);
  return out;
}

void evaluate(const batch_columns& input, batch_result& result, int threads, bool mask_errors,
              const batch_progress& progress) {
  batch_detail::evaluate_with(batch_detail::chosen_kernel(), input, result, threads, mask_errors, progress);
}

void batch_detail::evaluate_with(kernel_set kernel, const batch_columns& input, batch_result& out, int threads,
                                 bool mask_errors, const batch_progress& progress) {
  const batch_detail::kernel_entries kernels = entries_of(kernel);
  const Eigen::Index rows = input.rows;
  const auto columns = static_cast<Eigen::Index>(input.elements.size());
  if (static_cast<Eigen::Index>(input.mass_percent.size()) != columns)
    throw domain_error(fmt::format("mass_percent has {} columns but {} elements are named",
                                   input.mass_percent.size(), columns));
  if (columns == 0) throw domain_error("no elements: mass_percent needs at least one column");
  if (rows < 0) throw domain_error(fmt::format("rows must be >= 0, got {}", rows));
  for (Eigen::Index j = 0; j < columns; ++j)
    if (rows > 0 && input.mass_percent[static_cast<std::size_t>(j)] == nullptr)
      throw domain_error(fmt::format("mass_percent column {} ({}) is a null pointer", j,
                                     symbol(input.elements[static_cast<std::size_t>(j)])));
  if (std::set<Element>(input.elements.begin(), input.elements.end()).size() != input.elements.size())
    throw domain_error("an element is named twice in the columns of mass_percent");
  for (Element e : input.elements) element_info(e);  // rejects an Element outside H..U
  const Eigen::Index temperatures = input.temperatures;
  if (temperatures != 1 && temperatures != rows)
    throw domain_error(fmt::format("temperature_kelvin has {} entries; expected 1 or one per row ({})",
                                   temperatures, rows));
  if (temperatures > 0 && input.temperature_kelvin == nullptr)
    throw domain_error("temperature_kelvin is a null pointer");
  if (threads < 0) throw domain_error(fmt::format("threads must be >= 0, got {}", threads));
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  check_process_name(input.process);

  // The columns are not filled beforehand: every row evaluated is written once, by the block
  // kernel, the scalar API or mark_invalid (a raise-mode failure throws before any is read).
  for (auto* column : {&out.remanence, &out.intrinsic_coercivity, &out.normal_coercivity, &out.max_energy_product,
                       &out.rare_earth_mass_fraction, &out.heavy_rare_earth_mass_fraction}) {
    const double* before = column->data();
    column->resize(rows);
    if (column->data() != before) advise_huge_pages(column->data(), static_cast<std::size_t>(rows) * sizeof(double));
  }
  out.policy_pass.resize(rows);
  out.valid.resize(rows);
  // The rows that failed, with their exceptions, from every thread (failures are rare).
  std::vector<std::pair<Eigen::Index, std::exception_ptr>> failures;
  std::mutex failures_mutex;
  const fast_plan plan = make_fast_plan(input);
  const batch_detail::prepare_plan prepare_plan = prepare_view(plan);
  const block_plan kernel_plan = kernel_view(plan);
  const batch_detail::prepare_input prepare_input{input.mass_percent.data(), input.temperature_kelvin, temperatures};
  const batch_detail::block_outputs outputs = outputs_of(out);

  auto evaluate_rows = [&](Eigen::Index begin, Eigen::Index end) {
    std::map<Element, double> percent;
    // The scalar API for row i; false when it failed (the failure is kept for the caller).
    auto evaluate_scalar = [&](Eigen::Index i) {
      try {
        percent.clear();
        for (Eigen::Index j = 0; j < columns; ++j)
          percent.emplace(input.elements[static_cast<std::size_t>(j)], input.mass_percent[static_cast<std::size_t>(j)][i]);
        const Composition composition = Composition::from_mass_percent(percent);
        const Magnet magnet = Magnet::from_composition(composition, input.process);
        const double kelvin = input.temperature_kelvin[temperatures == 1 ? 0 : i];
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
        return true;
      } catch (...) {
        mark_invalid(out, i);
        const std::lock_guard<std::mutex> lock(failures_mutex);
        failures.emplace_back(i, std::current_exception());
        return false;
      }
    };
    bool failed = false;
    // Stage 2 for a block; rows whose curve the kernel leaves undefined go to the scalar API.
    auto evaluate_block = [&](row_block& block) {
      const std::uint32_t needs_scalar_api = kernels.evaluate_block(kernel_plan, block, outputs);
      for (int lane = 0; lane < block.count; ++lane)
        if ((needs_scalar_api >> lane) & 1u) failed = !evaluate_scalar(block.row[lane]) || failed;
    };
    // Rows that passed stage 1 in groups that did not pass whole, gathered into full blocks.
    row_block pending;
    auto flush = [&] {
      if (pending.count == 0) return;
      evaluate_block(pending);
      pending.count = 0;
      std::fill(std::begin(pending.member_used), std::end(pending.member_used), false);
    };
    row_block prepared;
    for (Eigen::Index first = begin; first < end && !(failed && !mask_errors); first += block_rows) {
      const int count = static_cast<int>(std::min<Eigen::Index>(block_rows, end - first));
      const std::uint32_t passed =
          plan.usable ? kernels.prepare_block(prepare_plan, prepare_input, first, count, prepared) : 0;
      if (count == block_rows && passed == (std::uint32_t{1} << block_rows) - 1) {
        evaluate_block(prepared);  // the usual case: the group is a block
      } else {
        for (int lane = 0; lane < count; ++lane) {
          if ((passed >> lane) & 1u) {
            append_lane(plan.members.size(), prepared, lane, pending);
            if (pending.count == block_rows) flush();
          } else if (!evaluate_scalar(first + lane)) {
            failed = true;
          }
          // Raise mode: this thread's range stops at its first failure, once every earlier row
          // is done (the lowest failing row overall is reported below).
          if (failed && !mask_errors) break;
        }
      }
    }
    flush();
  };

  // Without progress, one pass; with it, chunks of rows (each split over the threads) with a
  // report after each. In raise mode the chunks stop at the first failing one.
  const Eigen::Index chunk_rows = progress ? std::max(batch_progress_min_chunk_rows, rows / 100) : rows;
  bool any_failure = false;
  for (Eigen::Index chunk_begin = 0; chunk_begin < rows && !(any_failure && !mask_errors);) {
    const Eigen::Index chunk_end = std::min(rows, chunk_begin + std::max<Eigen::Index>(chunk_rows, 1));
    detail::for_blocks(chunk_end - chunk_begin, threads, [&](Eigen::Index begin, Eigen::Index end) {
      evaluate_rows(chunk_begin + begin, chunk_begin + end);
    });
    any_failure = !failures.empty();
    chunk_begin = chunk_end;
    if (progress) progress(chunk_begin, rows);
  }

  // In row order, whatever thread found them.
  std::sort(failures.begin(), failures.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  if (!mask_errors && !failures.empty())
    rethrow_prefixed(failures.front().second, fmt::format("row {}: ", failures.front().first));
  out.errors.clear();
  out.errors.reserve(failures.size());
  for (const auto& [row, failure] : failures) out.errors.push_back({row, message_of(failure)});
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

namespace {

// Calls a pareto_front caller's check_interrupt after about every pareto_interrupt_stride units
// of work (rows, or row comparisons above three objectives), so that a long run can be stopped
// (Ctrl-C from Python) without a call per row.
class interrupt_poll {
 public:
  explicit interrupt_poll(const std::function<void()>& check_interrupt) : check_interrupt_(check_interrupt) {}
  void add_work(std::size_t units) {
    if (!check_interrupt_) return;
    pending_ += units;
    if (pending_ < pareto_interrupt_stride) return;
    pending_ = 0;
    check_interrupt_();  // may throw: nothing is left half-made, the result is a local
  }

 private:
  static constexpr std::size_t pareto_interrupt_stride = 65536;
  const std::function<void()>& check_interrupt_;
  std::size_t pending_ = 0;
};

struct cost_point3 {
  double first, second, third;
  Eigen::Index row;
};

// The non-dominated (second, third) cost pairs of the points seen so far, as a staircase:
// second ascending as map keys, third strictly descending as values. O(log n) per query and
// amortized per insertion (each pair is erased at most once).
class staircase2 {
 public:
  // Whether a pair seen so far is <= (second, third) in both: the entry with the largest key
  // not above `second` has the least value among all such keys.
  bool covers(double second, double third) const {
    auto above = steps_.upper_bound(second);
    return above != steps_.begin() && std::prev(above)->second <= third;
  }
  void insert(double second, double third) {
    if (covers(second, third)) return;
    // the steps it covers start at its key and run while their value is not below its own
    auto step = steps_.lower_bound(second);
    while (step != steps_.end() && step->second >= third) step = steps_.erase(step);
    steps_.emplace_hint(step, second, third);
  }

 private:
  std::map<double, double> steps_;
};

// Three costs to minimize, no NaN. Sweep in order of the first cost, a group of equal first
// costs at a time: a point is dominated by an earlier group's point when that one is <= in
// the other two (it is already strictly better in the first), which the staircase of the
// earlier groups answers; and by a point of its own group when that one is <= in the other two
// with one strict, a 2-D sweep within the group. The group enters the staircase only after it
// was queried, so equal first costs never count as strictly better. O(n log n).
void front_of_three(std::vector<cost_point3>& points, std::vector<Eigen::Index>& front, interrupt_poll& poll) {
  std::sort(points.begin(), points.end(), [](const cost_point3& a, const cost_point3& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second != b.second) return a.second < b.second;
    return a.third < b.third;
  });
  staircase2 earlier_groups;
  std::vector<std::size_t> group_minimal;  // the group's points no other of the group dominates
  for (std::size_t group = 0; group < points.size();) {
    std::size_t group_end = group;
    while (group_end < points.size() && points[group_end].first == points[group].first) ++group_end;
    // Within the group, by runs of equal second cost (sorted by third within a run): a run's
    // points with its least third survive when that third is below every earlier run's.
    group_minimal.clear();
    double least_third_so_far = 0.0;
    for (std::size_t run = group; run < group_end;) {
      std::size_t run_end = run;
      while (run_end < group_end && points[run_end].second == points[run].second) ++run_end;
      const double least_third = points[run].third;
      if (run == group || least_third < least_third_so_far) {
        for (std::size_t k = run; k < run_end && points[k].third == least_third; ++k) group_minimal.push_back(k);
        least_third_so_far = least_third;
      }
      run = run_end;
    }
    for (std::size_t k : group_minimal)
      if (!earlier_groups.covers(points[k].second, points[k].third)) front.push_back(points[k].row);
    // The group's other points are covered by its minimal ones, so they add no step.
    for (std::size_t k : group_minimal) earlier_groups.insert(points[k].second, points[k].third);
    poll.add_work(group_end - group);
    group = group_end;
  }
}

// Four or more costs to minimize, no NaN (the rows of `cost` listed in `rows`). Sort and
// filter: a row can be dominated only by one before it in lexicographic order, and, dominance
// being transitive, then also by one that is itself on the front; so each row is compared with
// the front found so far. O(n log n + n m d) for a front of m rows and d objectives: near
// n log n when the front is small, O(n^2 d) when most rows are on it.
void front_of_many(const Eigen::ArrayXXd& cost, const std::vector<Eigen::Index>& rows, std::vector<Eigen::Index>& front,
                   interrupt_poll& poll) {
  const auto dimensions = static_cast<std::size_t>(cost.cols());
  // Row-major copy: the comparisons read whole rows.
  std::vector<double> values(rows.size() * dimensions);
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t j = 0; j < dimensions; ++j) values[i * dimensions + j] = cost(rows[i], static_cast<Eigen::Index>(j));
  const auto row_values = [&](std::size_t i) { return values.data() + i * dimensions; };
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::lexicographical_compare(row_values(a), row_values(a) + dimensions, row_values(b), row_values(b) + dimensions);
  });
  std::vector<std::size_t> front_so_far;
  for (std::size_t candidate : order) {
    const double* mine = row_values(candidate);
    bool dominated = false;
    for (std::size_t member : front_so_far) {
      const double* theirs = row_values(member);
      bool all_at_least_as_good = true, one_better = false;
      for (std::size_t j = 0; j < dimensions && all_at_least_as_good; ++j) {
        all_at_least_as_good = theirs[j] <= mine[j];
        one_better = one_better || theirs[j] < mine[j];
      }
      if (all_at_least_as_good && one_better) {
        dominated = true;
        break;
      }
    }
    if (!dominated) front_so_far.push_back(candidate);
    poll.add_work(front_so_far.size());
  }
  for (std::size_t member : front_so_far) front.push_back(rows[member]);
}

} // namespace

std::vector<Eigen::Index> pareto_front(const Eigen::ArrayXXd& objectives, const std::vector<objective_sense>& senses,
                                       const std::function<void()>& check_interrupt) {
  const auto count = static_cast<Eigen::Index>(senses.size());
  if (count == 0) throw domain_error("pareto_front needs at least one objective");
  if (objectives.cols() != count)
    throw domain_error(fmt::format("objectives has {} columns but {} senses are given", objectives.cols(), count));
  interrupt_poll poll(check_interrupt);
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
      poll.add_work(h - g);
      g = h;
    }
  } else if (count == 3) {
    std::vector<cost_point3> points;
    points.reserve(rows.size());
    for (Eigen::Index i : rows) points.push_back({cost(i, 0), cost(i, 1), cost(i, 2), i});
    front_of_three(points, front, poll);
  } else {
    front_of_many(cost, rows, front, poll);
  }
  std::sort(front.begin(), front.end());
  return front;
}

} // namespace magmat
