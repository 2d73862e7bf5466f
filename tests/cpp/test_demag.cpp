// Tests of demag.hpp: the logistic-switching demagnetization curve and its figures.
#include <catch2/catch.hpp>

#include <magmat/demag.hpp>
#include <magmat/errors.hpp>
#include <magmat/model_formulas.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using Catch::Detail::Approx;
using magmat::demagnetization_model;
using magmat::magnetic_field_strength;
using magmat::magnetic_polarization;

namespace {
constexpr double mu0 = magmat::vacuum_permeability_h_per_m;
magnetic_field_strength field(double a_per_m) { return magnetic_field_strength::from_value(a_per_m); }
magnetic_polarization tesla(double t) { return magnetic_polarization::from_value(t); }
} // namespace

TEST_CASE("The curve passes through Br at H = 0 and through J = 0 at -HcJ", "[demag]") {
  const demagnetization_model curve(tesla(1.3), field(1.6e6), 1.05, 0.95);
  CHECK(curve.polarization(field(0.0)).value() == Approx(1.3).epsilon(1e-12));
  CHECK(curve.polarization(field(-1.6e6)).value() == Approx(0.0).margin(1e-12));
  // At the knee J has fallen to 0.9 of the recoil line (brief §5.3).
  const double hk = curve.knee_field().value();
  CHECK(hk == Approx(0.95 * 1.6e6));
  const double recoil_line = 1.3 + mu0 * 0.05 * (-hk);
  CHECK(curve.polarization(field(-hk)).value() == Approx(0.9 * recoil_line).epsilon(1e-9));
}

TEST_CASE("Above the knee the curve is the linear recoil line", "[demag]") {
  const demagnetization_model curve(tesla(1.3), field(1.6e6), 1.05, 0.95);
  const double h = -4e5;
  CHECK(curve.flux_density(field(h)).value() == Approx(1.3 + mu0 * 1.05 * h).epsilon(1e-9));
}

TEST_CASE("HcB is Br / (mu0 mu_rec) when the knee lies beyond it, and HcJ bounds it", "[demag]") {
  const demagnetization_model high_coercivity(tesla(1.3), field(2.0e6), 1.05, 0.95);
  CHECK(high_coercivity.normal_coercivity().value() == Approx(1.3 / (mu0 * 1.05)).epsilon(1e-6));
  const demagnetization_model low_coercivity(tesla(1.3), field(5.0e5), 1.05, 0.95);
  CHECK(low_coercivity.normal_coercivity().value() < 5.0e5);
  CHECK(low_coercivity.normal_coercivity().value() > 0.9 * 5.0e5);
}

TEST_CASE("(BH)max equals Br^2/(4 mu0 mu_rec) when the knee lies beyond the optimum", "[demag]") {
  const demagnetization_model curve(tesla(1.3), field(2.0e6), 1.05, 0.95);
  const double linear_optimum = 1.3 * 1.3 / (4.0 * mu0 * 1.05);
  CHECK(curve.max_energy_product().value() == Approx(linear_optimum).epsilon(1e-6));
  CHECK(curve.max_energy_product_field().value() == Approx(-1.3 / (2.0 * mu0 * 1.05)).epsilon(1e-4));
}

TEST_CASE("(BH)max is knee-limited when the knee comes before the optimum", "[demag]") {
  // Optimum of the recoil line at |H*| = Br/(2 mu0 mu_rec) = 493 kA/m; the knee here is at 285 kA/m.
  const demagnetization_model curve(tesla(1.3), field(3.0e5), 1.05, 0.95);
  const double linear_optimum = 1.3 * 1.3 / (4.0 * mu0 * 1.05);
  const double hk = curve.knee_field().value();
  const double upper_bound = hk * (1.3 - mu0 * 1.05 * hk); // brief §5.2, J collapsing at Hk
  CHECK(curve.max_energy_product().value() < linear_optimum);
  CHECK(curve.max_energy_product().value() <= upper_bound * 1.0001);
  CHECK(curve.max_energy_product().value() > 0.8 * upper_bound);
}

TEST_CASE("A zero coercivity gives a curve that holds nothing against a reverse field", "[demag]") {
  const demagnetization_model curve(tesla(0.4), field(0.0), 1.05, 0.9);
  CHECK(curve.normal_coercivity().value() == 0.0);
  CHECK(curve.max_energy_product().value() == 0.0);
}

TEST_CASE("Out-of-range curve parameters are refused with the value named", "[demag]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(demagnetization_model(tesla(-1.0), field(1e6), 1.05, 0.95),
                    Catch::Contains("remanence") && Catch::Contains("-1"));
  CHECK_THROWS_AS(demagnetization_model(tesla(nan), field(1e6), 1.05, 0.95), magmat::domain_error);
  CHECK_THROWS_AS(demagnetization_model(tesla(1.0), field(-5.0), 1.05, 0.95), magmat::domain_error);
  CHECK_THROWS_AS(demagnetization_model(tesla(1.0), field(1e6), 0.5, 0.95), magmat::domain_error);
  CHECK_THROWS_WITH(demagnetization_model(tesla(1.0), field(1e6), 1.05, 1.2), Catch::Contains("squareness"));
}

namespace {
// Reference root of B(H) by plain bisection to machine precision, and the largest -H B(H) on a
// dense grid refined by golden section: slow, independent of the solver in model_formulas.hpp.
double bisected_normal_coercivity(const magmat::demagnetization_model& curve) {
  double low = -curve.intrinsic_coercivity().value(), high = 0.0;
  for (int i = 0; i < 2000 && high - low > 0.0; ++i) {
    const double mid = 0.5 * (low + high);
    if (mid == low || mid == high) break;
    if (curve.flux_density(magmat::magnetic_field_strength::from_value(mid)).value() > 0.0) high = mid; else low = mid;
  }
  return -0.5 * (low + high);
}

double scanned_max_energy_product(const magmat::demagnetization_model& curve) {
  const double hcb = curve.normal_coercivity().value();
  auto product = [&](double h) { return -h * curve.flux_density(magmat::magnetic_field_strength::from_value(h)).value(); };
  constexpr int samples = 20000;
  int best = 0;
  for (int i = 0; i <= samples; ++i)
    if (product(-hcb * i / samples) > product(-hcb * best / samples)) best = i;
  double a = -hcb * std::min(best + 1, samples) / samples, b = -hcb * std::max(best - 1, 0) / samples;
  for (int i = 0; i < 300; ++i) {
    const double c = b - 0.6180339887498949 * (b - a), d = a + 0.6180339887498949 * (b - a);
    if (product(c) > product(d)) b = d; else a = c;
  }
  return product(0.5 * (a + b));
}
} // namespace

TEST_CASE("HcB and (BH)max equal slow reference searches across knee positions", "[demag]") {
  // From knees far beyond the recoil-line optimum (closed forms) through knee-limited curves
  // (Newton) to curves whose knee sits near H = 0; every recoil permeability of the data.
  for (double mu_rec : {1.0, 1.03, 1.05, 1.1, 1.3}) {
    for (double squareness : {0.3, 0.7, 0.9, 0.95, 0.98}) {
      for (double hcj : {2.0e4, 2.0e5, 4.0e5, 6.0e5, 8.0e5, 1.0e6, 1.2e6, 2.5e6}) {
        const magmat::demagnetization_model curve(magmat::magnetic_polarization::from_value(1.3),
                                                  magmat::magnetic_field_strength::from_value(hcj), mu_rec, squareness);
        INFO("mu_rec " << mu_rec << " q " << squareness << " HcJ " << hcj);
        CHECK(curve.normal_coercivity().value() == Approx(bisected_normal_coercivity(curve)).epsilon(1e-13));
        CHECK(curve.max_energy_product().value() == Approx(scanned_max_energy_product(curve)).epsilon(1e-12));
      }
    }
  }
}

TEST_CASE("Whether (BH)max reaches a limit, decided from bounds, is the answer of the full solve", "[demag]") {
  namespace formulas = magmat::formulas;
  using block = magmat::lanes::block<8>;
  std::mt19937 generator(17);
  std::uniform_real_distribution<double> remanence(0.2, 1.6), coercivity(5e4, 3e6), recoil(1.0, 1.3),
      squareness(0.5, 0.99);
  int checked = 0;
  for (int curve_index = 0; curve_index < 400; ++curve_index) {
    const double hcj = coercivity(generator);
    const formulas::demag_parameters c{remanence(generator), hcj, recoil(generator),
                                       formulas::logistic_width(hcj, squareness(generator))};
    const double solved = formulas::max_energy_product(c, formulas::normal_coercivity(c)).value;
    // On lanes (vectorized exp and log) the solve may differ in the last bits.
    const formulas::basic_demag_parameters<block> lanes{block::Constant(c.remanence), block::Constant(hcj),
                                                        c.recoil_permeability, block::Constant(c.width)};
    const double solved_on_lanes = formulas::max_energy_product(lanes, formulas::normal_coercivity(lanes)).value(0);
    INFO("Br " << c.remanence << " HcJ " << c.intrinsic_coercivity << " mu_rec " << c.recoil_permeability << " w "
               << c.width << " (BH)max " << solved);
    // Limits far from the answer (decided by the bounds) and within 1e-11 of it (solved).
    for (double factor : {0.3, 0.9, 0.999, 1.0 - 1e-11, 1.0, 1.0 + 1e-11, 1.001, 1.2, 3.0}) {
      const double limit = factor * solved;
      if (!(limit > 0.0)) continue;
      CHECK(formulas::max_energy_product_reaches(c, limit) == (solved >= limit));
      CHECK(magmat::lanes::all(formulas::max_energy_product_reaches(lanes, limit)) == (solved_on_lanes >= limit));
      ++checked;
    }
  }
  CHECK(checked > 3000);
}
