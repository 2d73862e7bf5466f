// Google Benchmark timings of pareto_front (issue [12], item 13): 10^6 rows of three objectives
// (the target: under 2 s on one core), two and four objectives beside them. Rates are rows per
// second (items_per_second). See benchmarks/README.md for the figures measured.
#include <magmat/batch.hpp>

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace {

using magmat::objective_sense;

// Independent uniform objectives (a small front, ~(ln n)^(d-1)/(d-1)! rows), or objectives on
// the plane sum = const plus a little noise (anti-correlated: a large front, the hard case).
Eigen::ArrayXXd random_objectives(Eigen::Index rows, Eigen::Index cols, bool anticorrelated) {
  std::mt19937 generator(13);
  std::uniform_real_distribution<double> unit(0.0, 1.0), noise(0.0, 1e-3);
  Eigen::ArrayXXd out(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i) {
    for (Eigen::Index j = 0; j < cols; ++j) out(i, j) = unit(generator);
    if (anticorrelated) out(i, cols - 1) = static_cast<double>(cols) - out.row(i).head(cols - 1).sum() + noise(generator);
  }
  return out;
}

// Arguments: rows, objectives, anticorrelated (0/1). All minimized.
void pareto(benchmark::State& state) {
  const auto rows = static_cast<Eigen::Index>(state.range(0));
  const auto cols = static_cast<Eigen::Index>(state.range(1));
  const auto objectives = random_objectives(rows, cols, state.range(2) != 0);
  const std::vector<objective_sense> senses(static_cast<std::size_t>(cols), objective_sense::minimize);
  std::size_t front_rows = 0;
  for (auto _ : state) {
    const auto front = magmat::pareto_front(objectives, senses);
    front_rows = front.size();
    benchmark::DoNotOptimize(front.data());
  }
  state.counters["front_rows"] = static_cast<double>(front_rows);
  state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(pareto)
    ->ArgNames({"rows", "objectives", "anticorrelated"})
    ->Args({1'000'000, 3, 0})
    ->Args({1'000'000, 3, 1})
    ->Args({1'000'000, 2, 0})
    ->Args({1'000'000, 2, 1})
    ->Args({100'000, 4, 0})
    ->Args({10'000, 4, 1})
    ->Unit(benchmark::kMillisecond);

} // namespace
