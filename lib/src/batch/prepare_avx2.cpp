// The batch engine's stage 1 compiled with -mavx2 and without FMA or contraction
// (lib/CMakeLists.txt; see batch/prepare.hpp), run only on CPUs that have AVX2
// (batch/dispatch.cpp). Nothing else may be in this file: see the ODR note at the top of
// batch/kernel.hpp.
#define MAGMAT_BATCH_KERNEL_NAMESPACE kernel_avx2
#include "batch/prepare.hpp"
