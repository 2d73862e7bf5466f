// Google Benchmark timings of magmat's evaluation paths (issue [6]). Rates are reported as
// items_per_second (candidates, curves or formulas per second). See benchmarks/README.md for
// the figures measured and the command that produced them.
#include <magmat/batch.hpp>
#include <magmat/composition.hpp>
#include <magmat/demag.hpp>
#include <magmat/magnet.hpp>
#include <magmat/model_formulas.hpp>
#include <magmat/policy.hpp>
#include <magmat/units.hpp>

#include <benchmark/benchmark.h>

#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using magmat::Element;

// Random sintered NdFeB candidates (Nd 28-32, Dy 0-4, B 1 wt%, Fe balance), the inputs of
// benchmarks/python/compare_peers.py; temperatures 20-180 degC when per candidate.
magmat::batch_input candidates(Eigen::Index rows, bool temperature_per_candidate) {
  std::mt19937 generator(2024);
  std::uniform_real_distribution<double> nd(28.0, 32.0), dy(0.0, 4.0), celsius(20.0, 180.0);
  magmat::batch_input input;
  input.elements = {Element::Nd, Element::Dy, Element::B, Element::Fe};
  input.mass_percent.resize(rows, 4);
  for (Eigen::Index i = 0; i < rows; ++i) {
    const double a = nd(generator), b = dy(generator);
    input.mass_percent.row(i) << a, b, 1.0, 100.0 - a - b - 1.0;
  }
  if (temperature_per_candidate) {
    input.temperature_kelvin.resize(rows);
    for (Eigen::Index i = 0; i < rows; ++i) input.temperature_kelvin(i) = celsius(generator) + 273.15;
  } else {
    input.temperature_kelvin = Eigen::ArrayXd::Constant(1, 150.0 + 273.15);
  }
  return input;
}

constexpr Eigen::Index batch_rows = 100'000;

// The sweep of benchmarks/python/evaluate_rate.py (10^6 candidates), for its C++-to-Python ratio.
constexpr Eigen::Index python_comparison_rows = 1'000'000;

// The scalar API per candidate, as a user's loop runs it.
void scalar_api(benchmark::State& state) {
  const auto input = candidates(2'000, false);
  const auto temperature = magmat::from_kelvin(input.temperature_kelvin(0));
  for (auto _ : state) {
    for (Eigen::Index i = 0; i < input.mass_percent.rows(); ++i) {
      std::map<Element, double> percent;
      for (Eigen::Index j = 0; j < 4; ++j) percent.emplace(input.elements[static_cast<std::size_t>(j)], input.mass_percent(i, j));
      const auto magnet = magmat::Magnet::from_composition(magmat::Composition::from_mass_percent(percent), "sintered");
      benchmark::DoNotOptimize(magnet.properties(temperature));
      benchmark::DoNotOptimize(magmat::check_policy(magnet).passes);
    }
  }
  state.SetItemsProcessed(state.iterations() * input.mass_percent.rows());
}
BENCHMARK(scalar_api)->Unit(benchmark::kMillisecond);

// evaluate() at one temperature for every candidate; the argument is the thread count.
void batch_fixed_temperature(benchmark::State& state) {
  const auto input = candidates(batch_rows, false);
  for (auto _ : state) benchmark::DoNotOptimize(magmat::evaluate(input, static_cast<int>(state.range(0))));
  state.SetItemsProcessed(state.iterations() * batch_rows);
}
BENCHMARK(batch_fixed_temperature)->DenseRange(1, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())))
    ->Unit(benchmark::kMillisecond)->UseRealTime();

// evaluate() at one temperature into a result reused from call to call (the overload that
// takes a batch_result&): the same work without fresh pages for the result columns.
void batch_fixed_temperature_reused_result(benchmark::State& state) {
  const auto input = candidates(batch_rows, false);
  magmat::batch_result result;
  magmat::evaluate(input, result, static_cast<int>(state.range(0)));
  for (auto _ : state) {
    magmat::evaluate(input, result, static_cast<int>(state.range(0)));
    benchmark::DoNotOptimize(result.max_energy_product.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * batch_rows);
}
BENCHMARK(batch_fixed_temperature_reused_result)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// evaluate() on the 10^6 candidates of benchmarks/python/evaluate_rate.py, one thread, as
// mm.evaluate runs them (a fresh result each call); argument 0: 150 degC, 1: a temperature per
// candidate.
void batch_million_rows(benchmark::State& state) {
  const auto input = candidates(python_comparison_rows, state.range(0) == 1);
  for (auto _ : state) benchmark::DoNotOptimize(magmat::evaluate(input, 1));
  state.SetItemsProcessed(state.iterations() * python_comparison_rows);
}
BENCHMARK(batch_million_rows)->ArgName("temperature_per_candidate")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// evaluate() with a temperature per candidate (20-180 degC).
void batch_temperature_per_candidate(benchmark::State& state) {
  const auto input = candidates(batch_rows, true);
  for (auto _ : state) benchmark::DoNotOptimize(magmat::evaluate(input, static_cast<int>(state.range(0))));
  state.SetItemsProcessed(state.iterations() * batch_rows);
}
BENCHMARK(batch_temperature_per_candidate)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// The magnet formulas (Br, then HcJ from HA and Ms) instantiated on Boost.Units quantities and
// on raw doubles: the same template, so any difference is the cost of unit safety.
template <class Polarization, class Field>
void magnet_formulas(benchmark::State& state) {
  constexpr std::size_t n = 4096;
  std::mt19937 generator(7);
  std::uniform_real_distribution<double> js(1.2, 1.6), ha(4e6, 8e6), fraction(0.9, 1.0);
  std::vector<Polarization> polarization(n);
  std::vector<Field> anisotropy(n), magnetization(n);
  std::vector<double> main_phase(n);
  for (std::size_t i = 0; i < n; ++i) {
    if constexpr (std::is_arithmetic_v<Polarization>) {
      polarization[i] = js(generator);
      anisotropy[i] = ha(generator);
      magnetization[i] = polarization[i] / magmat::vacuum_permeability_h_per_m;
    } else {
      polarization[i] = Polarization::from_value(js(generator));
      anisotropy[i] = Field::from_value(ha(generator));
      magnetization[i] = polarization[i] / magmat::vacuum_permeability; // T / (H/m) = A/m, checked
    }
    main_phase[i] = fraction(generator);
  }
  std::vector<Polarization> remanence(n);
  std::vector<Field> coercivity(n);
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) {
      remanence[i] = magmat::formulas::remanence(polarization[i], main_phase[i], 0.98, 0.96);
      coercivity[i] = magmat::formulas::intrinsic_coercivity(0.4, anisotropy[i], 1.0, magnetization[i]);
    }
    benchmark::DoNotOptimize(remanence.data());
    benchmark::DoNotOptimize(coercivity.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(magnet_formulas<magmat::magnetic_polarization, magmat::magnetic_field_strength>)->Name("formulas_boost_units");
BENCHMARK(magnet_formulas<double, double>)->Name("formulas_raw_double");

// The demagnetization figures alone (HcB and (BH)max): knee far beyond the recoil-line optimum
// (closed forms) and knee-limited curves (Newton on the concave product).
void demag_figures(benchmark::State& state) {
  const double coercivity = static_cast<double>(state.range(0)) * 1e3;
  std::vector<magmat::formulas::demag_parameters> curves;
  for (int i = 0; i < 1024; ++i) {
    const double hcj = coercivity * (1.0 + 1e-4 * i);
    curves.push_back({1.3, hcj, 1.05, magmat::formulas::logistic_width(hcj, 0.95)});
  }
  for (auto _ : state) {
    for (const auto& c : curves) {
      const double hcb = magmat::formulas::normal_coercivity(c);
      benchmark::DoNotOptimize(magmat::formulas::max_energy_product(c, hcb).value);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(curves.size()));
}
BENCHMARK(demag_figures)->Arg(2000)->Arg(800)->ArgName("HcJ_kA_per_m");

// The same curves through the same templates on blocks of lanes (the batch engine's form).
// Flattened, as the batch's evaluate_block is (lib/src/batch/engine.cpp).
template <int Lanes>
[[gnu::flatten]] void demag_figures_blocks(benchmark::State& state) {
  using block = magmat::lanes::block<Lanes>;
  const double coercivity = static_cast<double>(state.range(0)) * 1e3;
  std::vector<magmat::formulas::basic_demag_parameters<block>> curves;
  for (int i = 0; i < 1024; i += Lanes) {
    block hcj;
    for (int lane = 0; lane < Lanes; ++lane) hcj(lane) = coercivity * (1.0 + 1e-4 * (i + lane));
    curves.push_back({block::Constant(1.3), hcj, 1.05, magmat::formulas::logistic_width(hcj, 0.95)});
  }
  for (auto _ : state) {
    for (const auto& c : curves) {
      const block hcb = magmat::formulas::normal_coercivity(c);
      benchmark::DoNotOptimize(magmat::formulas::max_energy_product(c, hcb).value.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * 1024);
}
BENCHMARK(demag_figures_blocks<8>)->Arg(2000)->Arg(800)->ArgName("HcJ_kA_per_m"); // the batch's block

// mass_fractions() over formulas: parsing rate.
void formula_parsing(benchmark::State& state) {
  std::vector<std::string> formulas;
  std::mt19937 generator(3);
  std::uniform_int_distribution<int> dy(1, 40); // hundredths of the site
  for (int i = 0; i < 10'000; ++i) {
    const int d = dy(generator);
    formulas.push_back(i % 3 == 0 ? "SmCo5"
                                   : "(Nd0." + std::to_string(100 - d) + "Dy0." + (d < 10 ? "0" : "") +
                                         std::to_string(d) + ")2Fe14B");
  }
  const std::vector<Element> elements = {Element::Nd, Element::Dy, Element::Sm};
  for (auto _ : state) benchmark::DoNotOptimize(magmat::mass_fractions(formulas, elements));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(formulas.size()));
}
BENCHMARK(formula_parsing)->Unit(benchmark::kMillisecond);

} // namespace

// BENCHMARK_MAIN, plus the batch kernel in the context header (MAGMAT_SIMD=baseline forces it).
int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("magmat_batch_kernel", std::string(magmat::batch_kernel_name()));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
