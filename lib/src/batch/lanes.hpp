// The lanes both batch kernels (batch/prepare.hpp, batch/kernel.hpp) compute on, and their
// loads and stores: 8 rows of a block_rows array or of a column. Included inside a kernel copy's
// namespace, with internal linkage, like the rest of a kernel (see the top of batch/kernel.hpp).
#pragma once

#ifndef MAGMAT_BATCH_KERNEL_NAMESPACE
#error "define MAGMAT_BATCH_KERNEL_NAMESPACE (the kernel copy's namespace) before including batch/lanes.hpp"
#endif

#include "batch/block.hpp"

#include <magmat/lanes.hpp>

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

} // namespace
} // namespace magmat::batch_detail::MAGMAT_BATCH_KERNEL_NAMESPACE
