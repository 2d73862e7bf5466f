// Tests of the batch engine's block kernels and their runtime dispatch (lib/src/batch/dispatch.hpp):
// each kernel equals the scalar API to 1e-12 relative and gives the same bits for any thread
// count; evaluate() runs the kernel batch_kernel_name() names; MAGMAT_SIMD is obeyed.
#include "batch_checks.hpp"
#include "batch/dispatch.hpp"

#include <catch2/catch.hpp>

#include <magmat/batch.hpp>
#include <magmat/errors.hpp>

#include <cstdlib>
#include <string>

using magmat::batch_detail::kernel_set;

namespace {

// Calls body(kernel) for each kernel this build and CPU can run; says which one it skips.
template <class Body>
void for_each_runnable_kernel(Body&& body) {
  for (const kernel_set kernel : {kernel_set::baseline, kernel_set::avx2}) {
    const std::string name(magmat::batch_detail::name_of(kernel));
    if (!magmat::batch_detail::runnable(kernel)) {
      WARN("the " << name << " batch kernel is not in this build or this CPU cannot run it: not tested");
      continue;
    }
    INFO("kernel " << name);
    body(kernel);
  }
}

magmat::batch_result evaluate_on(kernel_set kernel, const magmat::batch_input& input, int threads = 1) {
  magmat::batch_result result;
  magmat::batch_detail::evaluate_with(kernel, magmat::batch_detail::columns_of(input), result, threads, false, {});
  return result;
}

} // namespace

TEST_CASE("each batch kernel equals the scalar API row by row", "[batch]") {
  for_each_runnable_kernel([](kernel_set kernel) {
    const auto simple = magmat_test::random_ndfeb(200, 7);
    const auto simple_result = evaluate_on(kernel, simple);
    for (Eigen::Index i = 0; i < simple.mass_percent.rows(); ++i)
      magmat_test::check_row_equals_scalar_api(simple, simple_result, i);
    auto mixed = magmat_test::random_mixed_ndfeb(300, 42);
    for (const char* process : {"sintered", "bonded"}) {
      mixed.process = process;
      const auto result = evaluate_on(kernel, mixed, 2);
      for (Eigen::Index i = 0; i < mixed.mass_percent.rows(); ++i)
        magmat_test::check_row_equals_scalar_api(mixed, result, i);
    }
  });
}

TEST_CASE("each batch kernel solves the curves its figure table does not cover, as the scalar API does", "[batch]") {
  // Close to the Curie point HcJ falls towards 0, so Br / (mu0 HcJ) leaves the table (r >= 64,
  // or infinite at HcJ = 0): those lanes are solved, beside tabulated lanes of the same block.
  auto input = magmat_test::random_ndfeb(400, 3);
  input.temperature_kelvin.resize(input.mass_percent.rows());
  for (Eigen::Index i = 0; i < input.temperature_kelvin.size(); ++i)
    input.temperature_kelvin(i) = 273.15 + (i % 2 == 0 ? 150.0 : 260.0 + 45.0 * static_cast<double>(i) / 400.0);
  constexpr double mu0 = magmat::vacuum_permeability_h_per_m;
  for_each_runnable_kernel([&](kernel_set kernel) {
    magmat::batch_result result;
    magmat::batch_detail::evaluate_with(kernel, magmat::batch_detail::columns_of(input), result, 1, true, {});
    int outside = 0, checked = 0;
    for (Eigen::Index i = 0; i < input.mass_percent.rows(); ++i) {
      if (!result.valid(i)) continue; // beyond the model's range: the scalar API refuses it too (tested elsewhere)
      ++checked;
      if (!(result.remanence(i) / (mu0 * result.intrinsic_coercivity(i)) < 64.0)) ++outside;
      magmat_test::check_row_equals_scalar_api(input, result, i);
    }
    CHECK(checked > 300);
    CHECK(outside > 20);
  });
}

TEST_CASE("each batch kernel is bit-identical for any thread count", "[batch][threads]") {
  const auto input = magmat_test::random_mixed_ndfeb(101, 11);
  for_each_runnable_kernel([&](kernel_set kernel) {
    const auto one = evaluate_on(kernel, input, 1);
    for (int threads : {2, 3, 8}) {
      INFO(threads << " threads");
      magmat_test::check_same_results(one, evaluate_on(kernel, input, threads));
    }
  });
}

TEST_CASE("evaluate runs the kernel batch_kernel_name names", "[batch]") {
  const std::string name(magmat::batch_kernel_name());
  CHECK((name == "avx2" || name == "baseline"));
  CHECK(name == magmat::batch_detail::name_of(magmat::batch_detail::chosen_kernel()));
  const char* forced = std::getenv("MAGMAT_SIMD");
  if (forced == nullptr || std::string(forced).empty())
    CHECK(name == (magmat::batch_detail::runnable(kernel_set::avx2) ? "avx2" : "baseline"));
  const auto input = magmat_test::random_mixed_ndfeb(64, 3);
  magmat_test::check_same_results(magmat::evaluate(input), evaluate_on(magmat::batch_detail::chosen_kernel(), input));
  if (!magmat::batch_detail::runnable(kernel_set::avx2))
    CHECK_THROWS_AS(magmat::batch_detail::entries_of(kernel_set::avx2), magmat::domain_error);
}

// Run by ctest with MAGMAT_SIMD set (tests/cpp/CMakeLists.txt): hidden from the plain run, as the
// variable is read once per process.
TEST_CASE("MAGMAT_SIMD=baseline forces the baseline kernel", "[.][simd_baseline]") {
  REQUIRE(std::string(std::getenv("MAGMAT_SIMD") ? std::getenv("MAGMAT_SIMD") : "") == "baseline");
  CHECK(magmat::batch_kernel_name() == "baseline");
  const auto input = magmat_test::random_ndfeb(40, 5);
  const auto result = magmat::evaluate(input);
  for (Eigen::Index i = 0; i < input.mass_percent.rows(); ++i) magmat_test::check_row_equals_scalar_api(input, result, i);
}

TEST_CASE("an unknown MAGMAT_SIMD is refused naming the variable and its value", "[.][simd_unknown]") {
  REQUIRE(std::string(std::getenv("MAGMAT_SIMD") ? std::getenv("MAGMAT_SIMD") : "") == "sse9");
  CHECK_THROWS_AS(magmat::batch_kernel_name(), magmat::domain_error);
  CHECK_THROWS_WITH(magmat::batch_kernel_name(),
                    Catch::Matchers::Contains("MAGMAT_SIMD") && Catch::Matchers::Contains("sse9"));
  CHECK_THROWS_AS(magmat::evaluate(magmat_test::random_ndfeb(4, 1)), magmat::domain_error);
}
