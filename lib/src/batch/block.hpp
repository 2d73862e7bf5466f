// The interface between the batch engine (batch/engine.cpp) and its kernels, compiled once per
// instruction set (stage 1: batch/prepare.hpp, stage 2: batch/kernel.hpp): plain arrays and
// pointers only.
// Its layout is then the same in every translation unit whatever its -m flags (Eigen aligns a
// fixed-size array to 16 bytes under SSE2 but to 32 under AVX, so a struct holding one would
// differ), and a kernel needs no std or Eigen code out of line to read or write it.
#pragma once

#include <magmat/magnet.hpp>
#include <magmat/phases.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>

namespace magmat::detail {
class demag_figure_table;
}

namespace magmat::batch_detail {

// Rows per block of the vectorized stage: 8 lanes (four SSE2 packets, two AVX ones), with the
// kernel flattened (every formula inlined into it), so a block's values live in registers and
// the lockstep Newton solvers wait little for a block's slowest lane. Measured (best of 7, with
// flatten, SSE2): 2 lanes 1.4 M/s, 4-16 lanes 2.0-2.2 M/s, 32 1.85, 128 1.6; without flatten
// 128 lanes were best (1.5-1.8 M/s) and 8 worst (0.86).
inline constexpr int block_rows = 8;

// Most rare-earth end members a block can mix (one per input column at most).
inline constexpr std::size_t max_block_members = 32;

// --- stage 1 (batch/prepare.hpp) ---------------------------------------------------------------

enum class column_role { iron, boron, rare_earth, addition, other };

// Everything about one input column that does not depend on the row, resolved once per call.
struct prepare_column {
  Eigen::Index column = 0;              // in batch_input::mass_percent
  double atomic_weight = 0.0;
  column_role role = column_role::other;
  bool heavy = false;                   // rare_earth_group::heavy
  bool lanthanum = false;
  double addition_limit_percent = 0.0;  // role addition
  int member_slot = -1;                 // role rare_earth with an R2Fe14B end member: its slot
  double curie_kelvin = 0.0, min_kelvin = 0.0, max_kelvin = 0.0; // of that end member
};

// What stage 1 needs of a call: the columns in atomic-number order (as Composition orders its
// entries) and the constants of Magnet::from_composition and Phase::check_temperature.
struct prepare_plan {
  const prepare_column* columns = nullptr;
  std::size_t column_count = 0;
  const std::size_t* member_columns = nullptr; // per member slot, its index in `columns`
  std::size_t member_count = 0;
  bool limits_checked = false; // a column to check against a limit or refuse (addition, other, La, RE without member)
  double tolerance_percent = 0.0;         // Composition::default_tolerance_percent
  double max_lanthanum_site_fraction = 0.0;
  double boron_weight = 0.0, iron_weight = 0.0;
  double grain_boundary_rare_earth = 0.0; // of the process
  double room_kelvin = 0.0;
};

// The input of a call (batch_columns): one pointer per input column, `rows` values each.
struct prepare_input {
  const double* const* mass_percent = nullptr;
  const double* kelvin = nullptr;
  Eigen::Index temperatures = 0;  // 1 or rows
};

// --- stage 2 (batch/kernel.hpp) ---------------------------------------------------------------

// One rare-earth end member of the R2Fe14B site, resolved once per call.
struct block_member {
  const phase_record* record = nullptr;  // its data (power-law or tabulated anisotropy)
  double reference_magnetization = 0.0;  // m at the record's reference temperature (power law)
};

// What stage 2 needs of a call: the process and the end members, in slot order.
struct block_plan {
  const process_parameters* process = nullptr;
  const block_member* members = nullptr;
  std::size_t member_count = 0;
  double room_kelvin = 0.0;
  const detail::demag_figure_table* figure_table = nullptr; // HcB and (BH)max of the process's curve shape
};

// Up to block_rows rows prepared by stage 1, one per lane: row index, temperature, and what the
// composition gives (main phase, its Curie point and site fractions, the mass fractions).
struct row_block {
  int count = 0;
  Eigen::Index row[block_rows];
  alignas(64) double kelvin[block_rows];
  alignas(64) double curie_kelvin[block_rows];
  alignas(64) double main_phase_fraction[block_rows];
  alignas(64) double rare_earth_fraction[block_rows];
  alignas(64) double heavy_rare_earth_fraction[block_rows];
  alignas(64) double site_fraction[max_block_members][block_rows]; // per member slot, 0 where absent
  bool member_used[max_block_members] = {};                         // any lane with that member
};

// Where stage 2 writes, indexed by row (the columns of batch_result).
struct block_outputs {
  double* remanence;
  double* intrinsic_coercivity;
  double* normal_coercivity;
  double* max_energy_product;
  double* rare_earth_mass_fraction;
  double* heavy_rare_earth_mass_fraction;
  bool* policy_pass;
  bool* valid;
};

// Stage 2 for a block: properties(T) and check_policy of every lane, written to `out` by row.
// Returns the lanes (bit i for lane i) whose curve the demagnetization model would refuse: those
// rows are left to the scalar API. Lanes past block.count are overwritten.
using block_kernel = std::uint32_t (*)(const block_plan& plan, row_block& block, const block_outputs& out);

// Stage 1 for rows first .. first + count - 1 (count <= block_rows): fills `block` with one row
// per lane and returns the lanes (bit i for lane i) that passed every check of the scalar API;
// the others are left to it. member_used: the members some passing lane has.
using prepare_kernel = std::uint32_t (*)(const prepare_plan& plan, const prepare_input& input, Eigen::Index first,
                                         int count, row_block& block);

// The kernels compiled for the x86-64 baseline (or the target's default), and for AVX2 (stage 2
// with FMA) where the build has it (MAGMAT_HAVE_AVX2_KERNEL); batch/dispatch.hpp picks a set.
namespace kernel_baseline {
std::uint32_t prepare_block(const prepare_plan& plan, const prepare_input& input, Eigen::Index first, int count,
                            row_block& block);
std::uint32_t evaluate_block(const block_plan& plan, row_block& block, const block_outputs& out);
}
namespace kernel_avx2 {
std::uint32_t prepare_block(const prepare_plan& plan, const prepare_input& input, Eigen::Index first, int count,
                            row_block& block);
std::uint32_t evaluate_block(const block_plan& plan, row_block& block, const block_outputs& out);
}

} // namespace magmat::batch_detail
