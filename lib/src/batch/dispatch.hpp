// Runtime CPU dispatch of the batch engine's block kernels (batch/block.hpp): the AVX2 (+ FMA)
// copies where the build has them and the CPU runs them, else the baseline ones; MAGMAT_SIMD can
// force the baseline.
#pragma once

#include "batch/block.hpp"

#include <magmat/batch.hpp>

#include <string_view>

namespace magmat::batch_detail {

enum class kernel_set { baseline, avx2 };

// "baseline" or "avx2".
std::string_view name_of(kernel_set kernel);

// Whether `kernel` is in this build and this CPU can run it (baseline: always).
bool runnable(kernel_set kernel);

// The kernel evaluate() uses: avx2 where runnable, unless the environment variable MAGMAT_SIMD
// says "baseline". MAGMAT_SIMD is read once, at the first call: unset or empty = automatic;
// "avx2" on a build or CPU without it, or any other value, throws domain_error naming the
// variable and its value (again at every call).
kernel_set chosen_kernel();

// The entry points of a kernel set: stage 1 and stage 2 compiled for the same instructions.
struct kernel_entries {
  prepare_kernel prepare_block;
  block_kernel evaluate_block;
};

// The entry points of `kernel`; throws domain_error when it is not runnable here.
kernel_entries entries_of(kernel_set kernel);

// evaluate() on a given kernel (batch/engine.cpp); the tests compare the kernels through it.
void evaluate_with(kernel_set kernel, const batch_columns& input, batch_result& out, int threads, bool mask_errors,
                   const batch_progress& progress);

// batch_input's columns in place; throws domain_error when its shapes do not match.
batch_columns columns_of(const batch_input& input);

} // namespace magmat::batch_detail
