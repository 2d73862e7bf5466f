// The batch engine's stage 1 for the library's own target flags, compiled with -ffp-contract=off
// (lib/CMakeLists.txt; see batch/prepare.hpp); it runs wherever the AVX2 one cannot.
#define MAGMAT_BATCH_KERNEL_NAMESPACE kernel_baseline
#include "batch/prepare.hpp"
