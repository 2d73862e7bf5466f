// The lanes both batch kernels (batch_prepare.hpp, batch_kernel.hpp) compute on, and their
// loads and stores: 8 rows of a block_rows array or of a column. Included inside a kernel copy's
// namespace, with internal linkage, like the rest of a kernel (see the top of batch_kernel.hpp).
#pragma once

#ifndef MAGMAT_BATCH_KERNEL_NAMESPACE
#error "define MAGMAT_BATCH_KERNEL_NAMESPACE (the kernel copy's namespace) before including batch_lanes.hpp"
#endif

#include "batch_block.hpp"

#include <magmat/lanes.hpp>

#include <cstdint>
#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace magmat::batch_detail::MAGMAT_BATCH_KERNEL_NAMESPACE {
namespace {

using lane_values = lanes::block<block_rows>;
using lane_mask = lanes::mask_of<lane_values>;

// from[0] .. from[block_rows - 1], one per lane.
lane_values load(const double* from) { return Eigen::Map<const Eigen::Array<double, block_rows, 1>>(from); }

// `values` to to[0] .. to[block_rows - 1].
void store(const lane_values& values, double* to) {
  Eigen::Map<Eigen::Array<double, block_rows, 1>> lanes_at(to);
  lanes_at = values;
}

// The lanes of a mask as bits, bit i for lane i: the sign bits in one instruction a packet.
std::uint32_t bits_of(const lane_mask& mask) {
  const double* bits = mask.bits.data();
  std::uint32_t out = 0;
#if defined(__AVX__)
  for (int packet = 0; packet < block_rows / 4; ++packet)
    out |= static_cast<std::uint32_t>(_mm256_movemask_pd(_mm256_loadu_pd(bits + 4 * packet))) << (4 * packet);
#elif defined(__SSE2__)
  for (int packet = 0; packet < block_rows / 2; ++packet)
    out |= static_cast<std::uint32_t>(_mm_movemask_pd(_mm_loadu_pd(bits + 2 * packet))) << (2 * packet);
#else
  for (int lane = 0; lane < block_rows; ++lane) out |= static_cast<std::uint32_t>(mask(lane)) << lane;
#endif
  return out;
}

// Every lane of `mask`, any lane of it (lanes::all and lanes::any through bits_of; stage 2's).
[[maybe_unused]] bool all_lanes(const lane_mask& mask) { return bits_of(mask) == (std::uint32_t{1} << block_rows) - 1; }
[[maybe_unused]] bool any_lane(const lane_mask& mask) { return bits_of(mask) != 0; }

} // namespace
} // namespace magmat::batch_detail::MAGMAT_BATCH_KERNEL_NAMESPACE
