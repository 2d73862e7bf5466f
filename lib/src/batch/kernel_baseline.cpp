// The batch engine's block kernel for the library's own target flags (x86-64: SSE2); it runs
// wherever the AVX2 one cannot (batch/dispatch.cpp).
#define MAGMAT_BATCH_KERNEL_NAMESPACE kernel_baseline
#include "batch/kernel.hpp"
