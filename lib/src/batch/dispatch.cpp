// Runtime CPU dispatch of the batch engine's block kernels (batch/dispatch.hpp).
#include "batch/dispatch.hpp"

#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <string>

namespace magmat::batch_detail {
namespace {

bool cpu_runs_avx2_kernel() {
#ifdef MAGMAT_HAVE_AVX2_KERNEL
  // GCC's and clang's runtime check of CPUID, including the OS's support of the AVX state.
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return false;
#endif
}

kernel_set kernel_from_environment() {
  const char* variable = std::getenv("MAGMAT_SIMD");
  const std::string value = variable ? variable : "";
  if (value.empty()) return runnable(kernel_set::avx2) ? kernel_set::avx2 : kernel_set::baseline;
  if (value == "baseline") return kernel_set::baseline;
  if (value == "avx2") {
    if (!runnable(kernel_set::avx2))
      throw domain_error("MAGMAT_SIMD=avx2, but this build of magmat or this CPU has no AVX2 + FMA kernel; "
                         "unset MAGMAT_SIMD or set it to 'baseline'");
    return kernel_set::avx2;
  }
  throw domain_error(fmt::format("MAGMAT_SIMD='{}' is not a kernel: expected 'baseline', 'avx2' or unset", value));
}

} // namespace

std::string_view name_of(kernel_set kernel) { return kernel == kernel_set::avx2 ? "avx2" : "baseline"; }

bool runnable(kernel_set kernel) {
  if (kernel == kernel_set::baseline) return true;
  static const bool cpu_runs_it = cpu_runs_avx2_kernel();
  return cpu_runs_it;
}

kernel_set chosen_kernel() {
  // A throwing initializer leaves it uninitialized: an invalid MAGMAT_SIMD throws at every call.
  static const kernel_set chosen = kernel_from_environment();
  return chosen;
}

kernel_entries entries_of(kernel_set kernel) {
  if (!runnable(kernel))
    throw domain_error(fmt::format("the {} batch kernel is not in this build or not supported by this CPU",
                                   name_of(kernel)));
#ifdef MAGMAT_HAVE_AVX2_KERNEL
  if (kernel == kernel_set::avx2) return {&kernel_avx2::prepare_block, &kernel_avx2::evaluate_block};
#endif
  return {&kernel_baseline::prepare_block, &kernel_baseline::evaluate_block};
}

} // namespace magmat::batch_detail

namespace magmat {

std::string_view batch_kernel_name() { return batch_detail::name_of(batch_detail::chosen_kernel()); }

} // namespace magmat
