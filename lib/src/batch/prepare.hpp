// Stage 1 of the batch engine, per 8 consecutive rows on SIMD lanes: the scalar API's
// composition steps and checks (Composition::from_mass_percent, Magnet::from_composition,
// Phase::from_composition, check_temperature) with the same arithmetic in the same order in every
// lane, so each lane's values are bit-identical to the scalar API's (tests compare the mass
// fractions exactly). A check that fails leaves its lane to the scalar API, which evaluates it or
// refuses it with the exact exception.
// Compiled once per instruction set like the stage-2 kernel (the ODR note at the top of
// batch/kernel.hpp applies): each batch_prepare_<set>.cpp defines MAGMAT_BATCH_KERNEL_NAMESPACE
// and includes this file. Those files are compiled with -ffp-contract=off, and the AVX2 one
// without FMA: a fused multiply-add rounds once where the scalar API rounds twice, and would
// change the mass fractions' last bits.
#ifndef MAGMAT_BATCH_KERNEL_NAMESPACE
#error "define MAGMAT_BATCH_KERNEL_NAMESPACE (the kernel copy's namespace) before including batch/prepare.hpp"
#endif

#include "batch/block.hpp"
#include "batch/lanes.hpp"

#include <magmat/lanes.hpp>

#include <cstddef>
#include <cstdint>

namespace magmat::batch_detail::MAGMAT_BATCH_KERNEL_NAMESPACE {
namespace {

// Rows first .. first + count - 1 of a column, lane by lane; lanes past `count` repeat row
// `first`.
lane_values rows_of(const double* column, Eigen::Index first, int count) {
  if (count == block_rows) return load(column + first);
  lane_values values;
  for (int lane = 0; lane < block_rows; ++lane) values(lane) = column[first + (lane < count ? lane : 0)];
  return values;
}

} // namespace

// Stage 1 for rows first .. first + count - 1 (count <= block_rows) into `block` (one row per
// lane, row[lane] = first + lane). Returns the lanes (bit i for lane i) that passed every check.
[[gnu::flatten]] std::uint32_t prepare_block(const prepare_plan& plan, const prepare_input& input, Eigen::Index first,
                                             int count, row_block& block) {
  const std::size_t columns = plan.column_count;
  const prepare_column* column_of = plan.columns;
  lane_mask ok = lanes::filled_mask<lane_values>(true);
  lane_values amount[max_block_members];
  // Composition::from_mass_percent: every share finite and >= 0, the total 100 within the tolerance.
  // Then atoms per unit mass, w_i / A_i, and their sum.
  lane_values sum = lane_values::Zero(), atoms = lane_values::Zero();
  for (std::size_t k = 0; k < columns; ++k) {
    amount[k] = rows_of(input.mass_percent[column_of[k].column], first, count);
    ok = ok && lanes::is_finite(amount[k]) && (amount[k] >= 0.0);
    sum += amount[k];
    amount[k] /= column_of[k].atomic_weight;
    atoms += amount[k];
  }
  ok = ok && (lanes::abs(lane_values(sum - 100.0)) <= plan.tolerance_percent);
  ok = ok && (atoms > 0.0);
  lane_values molar_mass = lane_values::Zero(), rare_earth_mass = lane_values::Zero(),
              heavy_mass = lane_values::Zero(), rare_earth_atoms = lane_values::Zero(), boron = lane_values::Zero(),
              iron = lane_values::Zero();
  for (std::size_t k = 0; k < columns; ++k) {
    amount[k] /= atoms;
    const prepare_column& c = column_of[k];
    const lane_values mass = amount[k] * c.atomic_weight;
    molar_mass += mass;
    if (c.role == column_role::rare_earth) {
      rare_earth_mass += mass;
      rare_earth_atoms += amount[k];
      if (c.heavy) heavy_mass += mass;
    } else if (c.role == column_role::boron) boron = amount[k];
    else if (c.role == column_role::iron) iron = amount[k];
  }
  const lane_values rare_earth_fraction = rare_earth_mass / molar_mass;
  ok = ok && (boron > 0.0) && (iron > 0.0) && (rare_earth_fraction > 0.0); // else not NdFeB
  // Magnet::from_composition: minor additions within their limits, La below its site limit.
  for (std::size_t k = 0; plan.limits_checked && k < columns; ++k) {
    const prepare_column& c = column_of[k];
    const lane_mask present = !(amount[k] == 0.0);
    if (c.role == column_role::other) ok = ok && !present;
    if (c.role == column_role::addition)
      ok = ok && !(present && (lane_values(100.0 * (amount[k] * c.atomic_weight / molar_mass)) >
                               c.addition_limit_percent + 1e-9));
    if (c.role == column_role::rare_earth && c.member_slot < 0) ok = ok && !present;
    if (c.role == column_role::rare_earth && c.lanthanum)
      ok = ok && !(present && (lane_values(amount[k] / rare_earth_atoms) >= plan.max_lanthanum_site_fraction));
  }
  // The R2Fe14B main phase (magnet.cpp r2fe14b(), then Composition's sums in atomic-number
  // order). An absent member adds exact zeros to the sums, as if skipped.
  lane_values main_rare_earth_amount = lane_values::Zero(), main_rare_earth_mass = lane_values::Zero();
  lane_values main_amount[max_block_members];
  lane_values main_molar_mass = lane_values::Constant(1.0 * plan.boron_weight);
  main_molar_mass += 14.0 * plan.iron_weight;
  const std::size_t members = plan.member_count;
  const std::size_t* member_column = plan.member_columns;
  for (std::size_t slot = 0; slot < members; ++slot) {
    const std::size_t k = member_column[slot];
    const prepare_column& c = column_of[k];
    main_amount[k] = lanes::where(amount[k] == 0.0, 0.0, lane_values(2.0 * amount[k] / rare_earth_atoms));
    main_rare_earth_amount += main_amount[k];
    main_rare_earth_mass += main_amount[k] * c.atomic_weight;
    main_molar_mass += main_amount[k] * c.atomic_weight;
  }
  const lane_values available_rare_earth = rare_earth_fraction - plan.grain_boundary_rare_earth;
  ok = ok && (available_rare_earth > 0.0);
  const lane_values molar_mass_ratio = main_molar_mass / molar_mass;
  const lane_values by_boron = boron * molar_mass_ratio;
  const lane_values by_iron = iron * molar_mass_ratio * (1.0 / 14.0);
  const lane_values by_rare_earth = available_rare_earth / lane_values(main_rare_earth_mass / main_molar_mass);
  // std::min({1, a, b, c}): the first of the smallest.
  lane_values main_phase_fraction = lane_values::Constant(1.0);
  for (const lane_values* candidate : {&by_boron, &by_iron, &by_rare_earth})
    main_phase_fraction = lanes::where(*candidate < main_phase_fraction, *candidate, main_phase_fraction);
  // Phase::from_composition: site fractions, Curie point linear in them, the model's range.
  lane_values curie = lane_values::Zero();
  lane_mask present[max_block_members];
  for (std::size_t slot = 0; slot < members; ++slot) {
    const std::size_t k = member_column[slot];
    const prepare_column& c = column_of[k];
    present[slot] = !(amount[k] == 0.0);
    const lane_values site_fraction =
        lanes::where(present[slot], lane_values(main_amount[k] / main_rare_earth_amount), 0.0);
    curie += site_fraction * c.curie_kelvin;
    store(site_fraction, block.site_fraction[slot]);
  }
  lane_values min_t = lane_values::Zero(), max_t = lane_values::Constant(1e300);
  for (std::size_t slot = 0; slot < members; ++slot) {
    const prepare_column& c = column_of[member_column[slot]];
    const lane_values scale = curie / c.curie_kelvin;
    const lane_values low = c.min_kelvin * scale, high = c.max_kelvin * scale;
    min_t = lanes::where(present[slot] && (min_t < low), low, min_t);
    max_t = lanes::where(present[slot] && (high < max_t), high, max_t);
  }
  max_t = lanes::where(curie < max_t, curie, max_t);
  const lane_values kelvin =
      input.temperatures == 1 ? lane_values::Constant(input.kelvin[0]) : rows_of(input.kelvin, first, count);
  // Phase::check_temperature at T and at 20 degC.
  auto in_range = [&](const lane_values& t) {
    return (t >= 0.0) && (t < curie) && (t >= min_t) && (t <= max_t); // false for NaN
  };
  ok = ok && in_range(kelvin) && in_range(lane_values::Constant(plan.room_kelvin));

  const std::uint32_t passed = lanes::lane_bits(ok) & ((std::uint32_t{1} << count) - 1);
  block.count = count;
  for (int lane = 0; lane < count; ++lane) block.row[lane] = first + lane;
  // A member is used when a passing lane has it (the others' values are not read).
  for (std::size_t slot = 0; slot < members; ++slot) block.member_used[slot] = (lanes::lane_bits(present[slot]) & passed) != 0;
  store(kelvin, block.kelvin);
  store(curie, block.curie_kelvin);
  store(main_phase_fraction, block.main_phase_fraction);
  store(rare_earth_fraction, block.rare_earth_fraction);
  store(lane_values(heavy_mass / molar_mass), block.heavy_rare_earth_fraction);
  return passed;
}

} // namespace magmat::batch_detail::MAGMAT_BATCH_KERNEL_NAMESPACE
