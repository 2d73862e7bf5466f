// Candidates and checks shared by the batch tests (test_batch.cpp, test_batch_kernel.cpp).
#pragma once

#include <catch2/catch.hpp>

#include <magmat/batch.hpp>
#include <magmat/composition.hpp>
#include <magmat/magnet.hpp>
#include <magmat/policy.hpp>

#include <cmath>
#include <map>
#include <random>

namespace magmat_test {

// `rows` random NdFeB candidates: Nd 28-32, Dy 0-4, B 1, Fe the balance (columns Nd, Dy, B, Fe).
inline magmat::batch_input random_ndfeb(Eigen::Index rows, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> nd(28.0, 32.0), dy(0.0, 4.0);
  magmat::batch_input input;
  input.elements = {magmat::Element::Nd, magmat::Element::Dy, magmat::Element::B, magmat::Element::Fe};
  input.mass_percent.resize(rows, 4);
  for (Eigen::Index i = 0; i < rows; ++i) {
    input.mass_percent(i, 0) = nd(generator);
    input.mass_percent(i, 1) = dy(generator);
    input.mass_percent(i, 2) = 1.0;
    input.mass_percent(i, 3) = 100.0 - input.mass_percent(i, 0) - input.mass_percent(i, 1) - 1.0;
  }
  input.temperature_kelvin = Eigen::ArrayXd::Constant(1, magmat::to_kelvin(magmat::from_celsius(150.0)));
  input.process = "sintered";
  return input;
}

// `rows` random NdFeB candidates with mixed sites, additions and per-row temperatures: columns in
// no particular order; Nd, Pr, Dy, Tb, Ce on the site; Co, Cu, Al additions; zeros.
inline magmat::batch_input random_mixed_ndfeb(Eigen::Index rows, unsigned seed) {
  using magmat::Element;
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  magmat::batch_input input;
  input.elements = {Element::Fe, Element::Tb, Element::Nd, Element::Co, Element::B, Element::Pr,
                    Element::Dy, Element::Cu, Element::Ce, Element::Al};
  input.mass_percent.resize(rows, 10);
  input.temperature_kelvin.resize(rows);
  for (Eigen::Index i = 0; i < rows; ++i) {
    const double tb = i % 3 == 0 ? 0.0 : 2.0 * unit(generator);
    const double nd = 20.0 + 8.0 * unit(generator), pr = i % 4 == 0 ? 0.0 : 5.0 * unit(generator);
    const double dy = i % 5 == 0 ? 0.0 : 4.0 * unit(generator), ce = i % 2 == 0 ? 0.0 : 2.0 * unit(generator);
    const double co = 2.5 * unit(generator), cu = 0.2 * unit(generator), al = 0.5 * unit(generator);
    const double b = 0.95 + 0.1 * unit(generator);
    input.mass_percent.row(i) << 100.0 - (tb + nd + co + b + pr + dy + cu + ce + al), tb, nd, co, b, pr, dy, cu, ce, al;
    input.temperature_kelvin(i) = 273.15 + 20.0 + 180.0 * unit(generator);
  }
  return input;
}

// Equal bits, NaN equal to NaN.
inline bool same(const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!(a(i) == b(i) || (std::isnan(a(i)) && std::isnan(b(i))))) return false;
  return true;
}

// Every column of two results bit for bit.
inline void check_same_results(const magmat::batch_result& a, const magmat::batch_result& b) {
  CHECK(same(a.remanence, b.remanence));
  CHECK(same(a.intrinsic_coercivity, b.intrinsic_coercivity));
  CHECK(same(a.normal_coercivity, b.normal_coercivity));
  CHECK(same(a.max_energy_product, b.max_energy_product));
  CHECK(same(a.rare_earth_mass_fraction, b.rare_earth_mass_fraction));
  CHECK(same(a.heavy_rare_earth_mass_fraction, b.heavy_rare_earth_mass_fraction));
  CHECK((a.policy_pass == b.policy_pass).all());
  CHECK((a.valid == b.valid).all());
}

// The batch computes the model's formulas on SIMD blocks of rows (vectorized exp, log and cbrt,
// and fused multiply-adds in the AVX2 kernel), the scalar API on one double: the same templates,
// equal to 1e-12 relative (in practice to a few ulp). The mass fractions are computed row by row
// in both and compared exactly.
// Row i of `input` through the scalar API, compared with row i of `result`.
inline void check_row_equals_scalar_api(const magmat::batch_input& input, const magmat::batch_result& result,
                                        Eigen::Index i) {
  using Catch::Detail::Approx;
  std::map<magmat::Element, double> percent;
  for (std::size_t j = 0; j < input.elements.size(); ++j)
    percent[input.elements[j]] = input.mass_percent(i, static_cast<Eigen::Index>(j));
  const auto composition = magmat::Composition::from_mass_percent(percent);
  const auto magnet = magmat::Magnet::from_composition(composition, input.process);
  const double kelvin = input.temperature_kelvin(input.temperature_kelvin.size() == 1 ? 0 : i);
  const auto p = magnet.properties(magmat::from_kelvin(kelvin));
  INFO("row " << i << ": " << composition.formula() << " at " << kelvin << " K, " << input.process);
  REQUIRE(result.valid(i));
  CHECK(result.remanence(i) == Approx(p.remanence.value()).epsilon(1e-12));
  // HcJ is a difference of terms of the size of alpha_K HA (Kronmüller): near HcJ = 0 ulps of
  // those terms are what the two paths may differ by, so that size is the absolute margin.
  const double terms = magnet.process().alpha_k *
                       magnet.nucleation_phase().anisotropy_field(magmat::from_kelvin(kelvin)).value();
  CHECK(result.intrinsic_coercivity(i) == Approx(p.intrinsic_coercivity.value()).epsilon(1e-12).margin(1e-12 * terms));
  CHECK(result.normal_coercivity(i) == Approx(p.normal_coercivity.value()).epsilon(1e-12).margin(1e-12 * terms));
  CHECK(result.max_energy_product(i) ==
        Approx(p.max_energy_product.value()).epsilon(1e-12).margin(1e-12 * terms * p.remanence.value()));
  CHECK(result.rare_earth_mass_fraction(i) == composition.rare_earth_mass_fraction());
  CHECK(result.heavy_rare_earth_mass_fraction(i) == composition.heavy_rare_earth_mass_fraction());
  CHECK(result.policy_pass(i) == magmat::check_policy(magnet).passes);
}

} // namespace magmat_test
