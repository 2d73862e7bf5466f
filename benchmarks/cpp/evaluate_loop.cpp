// evaluate() as a Python caller runs it: the 10^6 candidates of benchmarks/python/evaluate_rate.py
// (the same distribution; C++'s generator), a fresh result each call, in a plain loop; prints
// the best of --repeat calls. The like-for-like reference for evaluate_rate.py's time: Google
// Benchmark's loop lets malloc keep more of the result's pages between calls (fewer page faults),
// see benchmarks/README.md.
//     magmat_evaluate_loop [rows] [repeat]
#include <magmat/batch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

int main(int argc, char** argv) {
  const long rows = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 7;
  if (rows <= 0 || repeat <= 0) {
    std::fprintf(stderr, "usage: magmat_evaluate_loop [rows > 0] [repeat > 0]\n");
    return 2;
  }
  std::mt19937 generator(2024);
  std::uniform_real_distribution<double> nd(28.0, 32.0), dy(0.0, 4.0);
  magmat::batch_input input;
  input.elements = {magmat::Element::Nd, magmat::Element::Dy, magmat::Element::B, magmat::Element::Fe};
  input.mass_percent.resize(rows, 4);
  for (long i = 0; i < rows; ++i) {
    const double a = nd(generator), b = dy(generator);
    input.mass_percent.row(i) << a, b, 1.0, 100.0 - a - b - 1.0;
  }
  input.temperature_kelvin = Eigen::ArrayXd::Constant(1, 150.0 + 273.15);
  double best = 1e300, checksum = 0.0;
  for (int k = 0; k < repeat; ++k) {
    const auto start = std::chrono::steady_clock::now();
    const magmat::batch_result result = magmat::evaluate(input, 1);
    const auto stop = std::chrono::steady_clock::now();
    checksum += result.max_energy_product(rows / 2);
    best = std::min(best, std::chrono::duration<double>(stop - start).count());
  }
  std::printf("evaluate, fixed 150 degC, fresh result per call  %ld candidates  %.3f s  %.0f /s  (checksum %.6g)\n",
              rows, best, static_cast<double>(rows) / best, checksum);
  return 0;
}
