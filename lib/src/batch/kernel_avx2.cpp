// The batch engine's block kernel compiled with -mavx2 -mfma (lib/CMakeLists.txt), run only on
// CPUs that have both (batch/dispatch.cpp). Nothing else may be in this file: see the ODR note
// at the top of batch/kernel.hpp.
#define MAGMAT_BATCH_KERNEL_NAMESPACE kernel_avx2
#include "batch/kernel.hpp"
