// Stage 2 of the batch engine, per block of rows on SIMD lanes: properties(T) and check_policy
// through the shared formula templates (model_formulas.hpp). Compiled once per instruction set:
// each kernel_<set>.cpp defines MAGMAT_BATCH_KERNEL_NAMESPACE and includes this file.
//
// Why the copies do not mix (ODR): a translation unit built with -mavx2 emits its own copies of
// the inline templates it uses (Eigen, std, the formulas) under the same mangled names as the
// baseline's, as weak (COMDAT) symbols, and the linker keeps one copy for every caller, so
// baseline code could run AVX2 instructions (SIGILL on an older CPU) or the reverse. Here the
// entry point is [[gnu::flatten]] (every call inlined into it, recursively) and its helpers have
// internal linkage, so a kernel object defines no weak symbol and nothing global but its entry
// point; error paths call out-of-line functions of the baseline library instead of building
// exceptions inline (temperature.hpp). The test batch_kernel_avx2.symbols checks this with nm.
// The interface (batch/block.hpp) is plain data for the same reason.
#ifndef MAGMAT_BATCH_KERNEL_NAMESPACE
#error "define MAGMAT_BATCH_KERNEL_NAMESPACE (the kernel copy's namespace) before including batch/kernel.hpp"
#endif

#include "batch/block.hpp"
#include "batch/lanes.hpp"
#include "demag_figure_table.hpp"

#include <magmat/lanes.hpp>
#include <magmat/magnet.hpp>
#include <magmat/model_formulas.hpp>
#include <magmat/policy.hpp>

#include <cstddef>
#include <cstdint>

namespace magmat::batch_detail::MAGMAT_BATCH_KERNEL_NAMESPACE {
namespace {

// Br and HcJ of every lane at `kelvin` (Phase::saturation_polarization and anisotropy_field,
// then Magnet::model_remanence and model_intrinsic_coercivity). Each end member is taken at the
// lane's reduced temperature, so nothing here is per call.
void magnetic_state(const block_plan& plan, const row_block& block, const lane_values& kelvin, lane_values& remanence,
                    lane_values& intrinsic_coercivity) {
  const formulas::basic_reduced_temperature<lane_values> tau(kelvin / load(block.curie_kelvin));
  lane_values polarization = lane_values::Zero(), energy = lane_values::Zero();
  for (std::size_t slot = 0; slot < plan.member_count; ++slot) {
    if (!block.member_used[slot]) continue;
    const block_member& member = plan.members[slot];
    const lane_values m = formulas::member_reduced_magnetization_at(*member.record, tau);
    const lane_values js = formulas::member_polarization(*member.record, m);
    const lane_values anisotropy =
        formulas::member_anisotropy_field_at(*member.record, tau, m, member.reference_magnetization);
    // An absent member adds an exact 0 (its fraction is 0), as if it were skipped.
    const lane_values site_fraction = load(block.site_fraction[slot]);
    polarization += site_fraction * js;
    energy += site_fraction * 0.5 * js * anisotropy;
  }
  const lane_values anisotropy_field = formulas::mixed_anisotropy_field(energy, polarization);
  const lane_values magnetization = formulas::magnetization_of(polarization);
  const process_parameters& process = *plan.process;
  remanence = formulas::remanence(polarization, load(block.main_phase_fraction), process.relative_density,
                                  process.alignment);
  const lane_values thermal = formulas::thermal_activation_field(process.activation_volume, kelvin, polarization);
  intrinsic_coercivity =
      formulas::intrinsic_coercivity(process.alpha_k, anisotropy_field, process.n_eff, magnetization, thermal);
}

// demagnetization_model's checks on Br and HcJ.
lane_mask curve_defined(const lane_values& remanence, const lane_values& intrinsic_coercivity) {
  return (remanence > 0.0) && lanes::is_finite(remanence) && (intrinsic_coercivity >= 0.0) &&
         lanes::is_finite(intrinsic_coercivity);
}

// The demagnetization curve of each lane from Br and HcJ.
formulas::basic_demag_parameters<lane_values> curve_of(const process_parameters& process, const lane_values& remanence,
                                                       const lane_values& intrinsic_coercivity) {
  return {remanence, intrinsic_coercivity, process.recoil_permeability,
          formulas::logistic_width(intrinsic_coercivity, process.squareness)};
}

} // namespace

// Stage 2 for a block (block_kernel, batch/block.hpp): properties(T) and check_policy (20 degC:
// HcJ, then (BH)max where HcJ passes) of every lane. Lanes past block.count repeat lane 0, so
// every lane computes on valid data.
// Flattened: for speed (see block_rows) and so that this object defines no inline function of
// its own (see the top of this file).
[[gnu::flatten]] std::uint32_t evaluate_block(const block_plan& plan, row_block& block, const block_outputs& out) {
  if (block.count == 0) return 0;
  for (int lane = block.count; lane < block_rows; ++lane) {
    block.kelvin[lane] = block.kelvin[0];
    block.curie_kelvin[lane] = block.curie_kelvin[0];
    block.main_phase_fraction[lane] = block.main_phase_fraction[0];
    for (std::size_t slot = 0; slot < plan.member_count; ++slot)
      block.site_fraction[slot][lane] = block.site_fraction[slot][0];
  }
  const process_parameters& process = *plan.process;
  const lane_values kelvin = load(block.kelvin);
  lane_values remanence, coercivity;
  magnetic_state(plan, block, kelvin, remanence, coercivity);
  // At 20 degC the room curve is the curve at T: computed once.
  const bool at_room = lanes::all(kelvin == plan.room_kelvin);
  lane_values room_remanence = remanence, room_coercivity = coercivity;
  if (!at_room)
    magnetic_state(plan, block, lanes::filled<lane_values>(plan.room_kelvin), room_remanence, room_coercivity);
  const lane_mask defined = curve_defined(remanence, coercivity) && curve_defined(room_remanence, room_coercivity);

  // HcB and (BH)max from the process's table; lanes it does not cover are solved (the table's
  // figures are within 1e-14 of the solvers', demag_figure_table.hpp).
  const auto curve = curve_of(process, remanence, coercivity);
  lane_values normal_coercivity, max_energy_product;
  lane_mask tabulated = plan.figure_table->figures(curve, normal_coercivity, max_energy_product);
  // A curve with no coercivity left (HcJ = 0: the table's ratio Br / (mu0 HcJ) is infinite) has
  // HcB = (BH)max = 0, as the solvers give; without this, such lanes sent whole blocks to them.
  const lane_mask demagnetized = coercivity == 0.0;
  normal_coercivity = lanes::where(demagnetized, 0.0, normal_coercivity);
  max_energy_product = lanes::where(demagnetized, 0.0, max_energy_product);
  tabulated = tabulated || demagnetized;
  if (!lanes::all(tabulated)) {
    const lane_values solved_coercivity = formulas::normal_coercivity(curve);
    const lane_values solved_product = formulas::max_energy_product(curve, solved_coercivity).value;
    normal_coercivity = lanes::where(tabulated, normal_coercivity, solved_coercivity);
    max_energy_product = lanes::where(tabulated, max_energy_product, solved_product);
  }
  // check_policy: HcJ, then (BH)max, at 20 degC; the (BH)max test is decided from bounds where
  // they suffice (formulas::max_energy_product_reaches), which at 20 degC is nearly always.
  lane_mask passes = policy_meets(room_coercivity, policy_min_intrinsic_coercivity.value());
  if (lanes::any(passes)) {
    const double lowest_passing = policy_lowest_passing(policy_min_max_energy_product.value());
    const lane_mask reaches =
        at_room ? lane_mask(max_energy_product >= lowest_passing)
                : formulas::max_energy_product_reaches(curve_of(process, room_remanence, room_coercivity), lowest_passing);
    passes = passes && reaches;
  }

  // The usual block: 8 consecutive rows (rows are appended in order), every curve defined.
  if (block.count == block_rows && block.row[block_rows - 1] - block.row[0] == block_rows - 1 && lanes::all(defined)) {
    const Eigen::Index first = block.row[0];
    store(remanence, out.remanence + first);
    store(coercivity, out.intrinsic_coercivity + first);
    store(normal_coercivity, out.normal_coercivity + first);
    store(max_energy_product, out.max_energy_product + first);
    store(load(block.rare_earth_fraction), out.rare_earth_mass_fraction + first);
    store(load(block.heavy_rare_earth_fraction), out.heavy_rare_earth_mass_fraction + first);
    for (int lane = 0; lane < block_rows; ++lane) {
      out.policy_pass[first + lane] = passes(lane);
      out.valid[first + lane] = true;
    }
    return 0;
  }
  std::uint32_t needs_scalar_api = 0;
  for (int lane = 0; lane < block.count; ++lane) {
    const Eigen::Index row = block.row[lane];
    if (!defined(lane)) {
      needs_scalar_api |= std::uint32_t{1} << lane;
      continue;
    }
    out.remanence[row] = remanence(lane);
    out.intrinsic_coercivity[row] = coercivity(lane);
    out.normal_coercivity[row] = normal_coercivity(lane);
    out.max_energy_product[row] = max_energy_product(lane);
    out.rare_earth_mass_fraction[row] = block.rare_earth_fraction[lane];
    out.heavy_rare_earth_mass_fraction[row] = block.heavy_rare_earth_fraction[lane];
    out.policy_pass[row] = passes(lane);
    out.valid[row] = true;
  }
  return needs_scalar_api;
}

} // namespace magmat::batch_detail::MAGMAT_BATCH_KERNEL_NAMESPACE
