// Google Benchmark timings of the irreversible loss judged over a magnet's volume (issue [10]):
// volume_loss on precomputed shape load lines, per (temperature, field) pair, in the three regimes
// of a temperature sweep (no part past its knee, the onset region, the whole magnet reversing),
// for a cylinder, a block and a ring, and volume_loss::per_element (every element beyond its knee
// solved, no interpolation: the path before issue [10] item 7's interpolated sums), beside the
// one-load-line loss and the one-off cost of a shape's load lines. items_per_second counts
// magnet-temperature pairs. See benchmarks/README.md for the figures measured.
#include <magmat/catalog.hpp>
#include <magmat/thermal.hpp>
#include <magmat/volume_loss.hpp>

#include <benchmark/benchmark.h>

#include <vector>

namespace {

using magmat::from_celsius;
using magmat::length;
using magmat::magnetic_field_strength;

// N42SH in the makers' rating cylinder (L/D = 0.7): onset near 145 degC, fully reversed by 200.
const magmat::magnet_shape rating_cylinder = magmat::cylinder_shape{length::from_value(0.007), length::from_value(0.01)};
const magmat::magnet_shape flat_block =
    magmat::block_shape{length::from_value(0.004), length::from_value(0.02), length::from_value(0.01)};

std::vector<magmat::thermodynamic_temperature> sweep(double from_C, double to_C) {
  std::vector<magmat::thermodynamic_temperature> out;
  for (int i = 0; i < 64; ++i) out.push_back(from_celsius(from_C + (to_C - from_C) * i / 63.0));
  return out;
}

const magmat::magnet_shape thin_ring = magmat::ring_shape{length::from_value(0.005), length::from_value(0.02),
                                                           length::from_value(0.008)};

// `per_element`: every element beyond its knee solved on its own, the path before the
// interpolated sums (and their reference).
void run_volume_loss(benchmark::State& state, const magmat::magnet_shape& shape, double from_C, double to_C,
                     bool per_element = false) {
  const magmat::Grade g = magmat::Catalog::builtin().grade("N42SH");
  const magmat::volume_loss loss(g, magmat::shape_load_lines::of(shape));
  const auto temperatures = sweep(from_C, to_C);
  const auto none = magnetic_field_strength::from_value(0.0);
  for (auto _ : state)
    for (const auto& t : temperatures) benchmark::DoNotOptimize(per_element ? loss.per_element(t, none) : loss(t, none));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(temperatures.size()));
}

#define MAGMAT_LOSS_BENCHMARKS(name, shape)                                                                         \
  void shaped_loss_##name##_inside_knee(benchmark::State& s) { run_volume_loss(s, shape, 20.0, 140.0); }          \
  void shaped_loss_##name##_onset_region(benchmark::State& s) { run_volume_loss(s, shape, 140.0, 180.0); }        \
  void shaped_loss_##name##_reversing(benchmark::State& s) { run_volume_loss(s, shape, 180.0, 250.0); }           \
  void shaped_loss_##name##_sweep(benchmark::State& s) { run_volume_loss(s, shape, 20.0, 250.0); }                \
  void per_element_loss_##name##_onset_region(benchmark::State& s) { run_volume_loss(s, shape, 140.0, 180.0, true); } \
  void per_element_loss_##name##_reversing(benchmark::State& s) { run_volume_loss(s, shape, 180.0, 250.0, true); }  \
  BENCHMARK(shaped_loss_##name##_inside_knee);                                                                    \
  BENCHMARK(shaped_loss_##name##_onset_region);                                                                   \
  BENCHMARK(shaped_loss_##name##_reversing);                                                                      \
  BENCHMARK(shaped_loss_##name##_sweep);                                                                          \
  BENCHMARK(per_element_loss_##name##_onset_region);                                                              \
  BENCHMARK(per_element_loss_##name##_reversing);

MAGMAT_LOSS_BENCHMARKS(cylinder, rating_cylinder)
MAGMAT_LOSS_BENCHMARKS(block, flat_block)
MAGMAT_LOSS_BENCHMARKS(ring, thin_ring)

// The first-order loss on one load line, the reference rate.
void one_load_line_loss_sweep(benchmark::State& state) {
  const magmat::Grade g = magmat::Catalog::builtin().grade("N42SH");
  const auto temperatures = sweep(20.0, 250.0);
  const auto none = magnetic_field_strength::from_value(0.0);
  for (auto _ : state)
    for (const auto& t : temperatures) benchmark::DoNotOptimize(magmat::irreversible_loss(g, 2.0, t, none));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(temperatures.size()));
}
BENCHMARK(one_load_line_loss_sweep);

// A shape's load lines from scratch (what the cache saves): the local fields at 24^2 or 24^3 nodes.
void shape_load_lines_cylinder(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(magmat::shape_load_lines(rating_cylinder));
}
void shape_load_lines_block(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(magmat::shape_load_lines(flat_block));
}
BENCHMARK(shape_load_lines_cylinder)->Unit(benchmark::kMillisecond);
BENCHMARK(shape_load_lines_block)->Unit(benchmark::kMillisecond);

} // namespace
