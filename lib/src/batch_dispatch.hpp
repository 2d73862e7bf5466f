// Runtime CPU dispatch of the batch engine's stage-2 block kernel (batch_block.hpp): the AVX2 +
// FMA copy where the build has it and the CPU runs it, else the baseline one; MAGMAT_SIMD can
// force the baseline.
#pragma once

#include "batch_block.hpp"

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

// The entry point of `kernel`; throws domain_error when it is not runnable here.
block_kernel entry_of(kernel_set kernel);

// evaluate() on a given kernel (batch.cpp); the tests compare the kernels through it.
batch_result evaluate_with(kernel_set kernel, const batch_input& input, int threads, bool mask_errors,
                           const batch_progress& progress);

} // namespace magmat::batch_detail
