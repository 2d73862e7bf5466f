// Batch evaluation: many candidate compositions at once, threaded, through the same formulas as
// the scalar API (model_formulas.hpp); R2Fe14B rows take an allocation-free path (batch/engine.cpp).
#pragma once

#include <magmat/elements.hpp>

#include <Eigen/Core>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace magmat {

/// Candidates for evaluate(): one row per candidate, one column per element.
struct batch_input {
  /// The element of each column of `mass_percent` (no repeats).
  std::vector<Element> elements;
  /// Mass percent (wt%), rows = candidates, cols = elements. Each row must sum to 100 within
  /// Composition::default_tolerance_percent; no element is added as balance.
  Eigen::ArrayXXd mass_percent;
  /// Temperature in kelvin (K): size 1 (every row) or one per row.
  Eigen::ArrayXd temperature_kelvin;
  /// A process name of process_names(family), e.g. "sintered".
  std::string process = "sintered";
};

/// Candidates for evaluate() read in place, column by column, from arrays the caller owns
/// (NumPy arrays, columns of a table): batch_input's fields as pointers, nothing copied. The
/// arrays must stay alive and unchanged during the call.
struct batch_columns {
  /// The element of each column (no repeats).
  std::vector<Element> elements;
  /// Per element, `rows` mass percents (wt%), row i of every column being candidate i.
  std::vector<const double*> mass_percent;
  Eigen::Index rows = 0;
  /// Temperatures in kelvin (K): `temperatures` of them, 1 (every row) or `rows`.
  const double* temperature_kelvin = nullptr;
  Eigen::Index temperatures = 0;
  /// A process name of process_names(family), e.g. "sintered".
  std::string process = "sintered";
};

/// A row evaluate() could not evaluate (mask mode) and the scalar API's message for it.
struct batch_error {
  Eigen::Index row = 0;
  std::string message;
};

/// Results of evaluate(), one entry per row of the input (errors: one per invalid row).
struct batch_result {
  Eigen::ArrayXd remanence;                      ///< Br (T)
  Eigen::ArrayXd intrinsic_coercivity;           ///< HcJ (A/m)
  Eigen::ArrayXd normal_coercivity;              ///< HcB (A/m)
  Eigen::ArrayXd max_energy_product;             ///< (BH)max (J/m^3)
  Eigen::ArrayXd rare_earth_mass_fraction;       ///< mass fraction, in [0, 1]
  Eigen::ArrayXd heavy_rare_earth_mass_fraction; ///< mass fraction, in [0, 1]
  /// check_policy(magnet).passes: the programme's numeric criterion at 20 degC.
  Eigen::Array<bool, Eigen::Dynamic, 1> policy_pass;
  /// False for a row that could not be evaluated (mask mode only; all true otherwise).
  Eigen::Array<bool, Eigen::Dynamic, 1> valid;
  /// The invalid rows, in row order, with their messages (mask mode; empty otherwise, as an
  /// invalid row then throws). Sparse: a sweep of millions of valid rows carries no strings.
  std::vector<batch_error> errors;
};

/// Progress of evaluate(): called from the calling thread after each chunk of rows with the
/// number of rows done so far and the total. An exception it throws stops the evaluation and
/// propagates (the Python binding turns Ctrl-C into one this way).
using batch_progress = std::function<void(Eigen::Index rows_done, Eigen::Index rows_total)>;

/// Rows per chunk between two calls of a batch_progress: ~40 ms at this machine's batch rate,
/// or a hundredth of the rows when that is more.
inline constexpr Eigen::Index batch_progress_min_chunk_rows = 65536;

/// Evaluates every row as the scalar API does: Composition::from_mass_percent, then
/// Magnet::from_composition(process), then properties(T) and check_policy(magnet) (20 degC).
/// `threads`: number of worker threads (>= 1; 0 = std::thread::hardware_concurrency()); the
/// rows are split into contiguous blocks and each row depends only on itself, so the results
/// are bit-identical for any thread count.
/// `mask_errors` false: the first (lowest) invalid row throws the exception type of the scalar
/// API with "row <i>: <message>"; true: invalid rows get NaN, policy_pass = valid = false and
/// an entry in `errors`.
/// Throws domain_error naming the mismatch for inconsistent shapes, repeated elements or a
/// negative thread count, and unknown_name_error for an unknown process (before any row).
/// R2Fe14B rows are computed on SIMD blocks of rows through the same formula templates as the
/// scalar API (model_formulas.hpp), by the kernel batch_kernel_name() names: equal to it within
/// 1e-12 relative (vectorized exp/log, FMA), and bit-identical whatever the thread count, the
/// chunking or the other rows of the input.
/// `progress` (optional): see batch_progress; the rows are then evaluated chunk by chunk, with
/// the same results.
batch_result evaluate(const batch_input& input, int threads = 1, bool mask_errors = false,
                      const batch_progress& progress = {});

/// The same into `result`, whose columns are resized to the rows of `input` and so are reused,
/// without allocating, when they already have that size: a sweep evaluated chunk by chunk, or
/// over and over, allocates once (fresh result memory, which the OS hands out zeroed page by
/// page, costs ~20 % of a call of 10^6 rows even on huge pages, benchmarks/README.md). Every column is overwritten; after an exception
/// `result` holds partial values.
void evaluate(const batch_input& input, batch_result& result, int threads = 1, bool mask_errors = false,
              const batch_progress& progress = {});

/// The same on candidates read in place (batch_columns): the Python binding's way, which
/// hands NumPy arrays over without a copy. Throws domain_error naming the mismatch for a
/// column count different from the elements', a null column or temperature pointer, or a
/// temperature count other than 1 or `rows`, besides the errors above.
batch_result evaluate(const batch_columns& input, int threads = 1, bool mask_errors = false,
                      const batch_progress& progress = {});
void evaluate(const batch_columns& input, batch_result& result, int threads = 1, bool mask_errors = false,
              const batch_progress& progress = {});

/// The SIMD kernel evaluate() runs its blocks of rows on: "avx2" (AVX2 + FMA, on x86-64 CPUs
/// that have both, with builds by GCC or clang) or "baseline" (the library's own target flags).
/// The environment variable MAGMAT_SIMD=baseline forces "baseline"; MAGMAT_SIMD is read once, at
/// the first call of this or evaluate(). Both kernels equal the scalar API to 1e-12 relative
/// (AVX2's fused multiply-adds round differently in the last bits); one process uses one kernel,
/// so results stay bit-identical for any thread count. Throws domain_error naming MAGMAT_SIMD
/// and its value when it is neither unset, empty, "baseline" nor "avx2", or is "avx2" where
/// that kernel cannot run.
std::string_view batch_kernel_name();

/// Mass fraction (in [0, 1]) of each of `elements` in each formula (Composition::from_formula),
/// rows = formulas, cols = elements. A formula that cannot be parsed throws parse_error with
/// "formulas[<i>]: <message>".
Eigen::ArrayXXd mass_fractions(const std::vector<std::string>& formulas, const std::vector<Element>& elements);

/// Whether an objective of pareto_front() is to be made small or large.
enum class objective_sense { minimize, maximize };

/// Indices (ascending) of the non-dominated rows of `objectives` (rows = candidates, cols =
/// objectives, any units), each column with its sense in `senses`. A row is dominated when
/// another is at least as good in every objective and strictly better in one; identical rows
/// do not dominate each other. Rows with a NaN in any objective are excluded; +-inf are
/// ordinary values.
/// Methods: one objective, the rows at the best value; two, a sort and sweep; three, a sort by
/// the first objective and a sweep over its groups of equal values, with a balanced-tree
/// staircase of the earlier groups' (second, third) front; all O(n log n). Four or more: a
/// lexicographic sort, then each row compared with the front found so far, O(n log n + n m d)
/// for a front of m rows in d objectives (O(n^2 d) when most rows are on the front).
/// `check_interrupt`, when given, is called after about every 65536 rows (above three
/// objectives: 65536 row comparisons); whatever it throws ends the call and propagates
/// (Python's binding raises KeyboardInterrupt this way). Throws domain_error when the number of
/// senses differs from the number of columns or is 0.
std::vector<Eigen::Index> pareto_front(const Eigen::ArrayXXd& objectives, const std::vector<objective_sense>& senses,
                                       const std::function<void()>& check_interrupt = {});

} // namespace magmat
