// Tests of temperature.hpp: Kuz'min and critical-power magnetization laws, anisotropy scaling.
#include <catch2/catch.hpp>

#include <magmat/errors.hpp>
#include <magmat/temperature.hpp>

#include <cmath>
#include <limits>

using Catch::Detail::Approx;

TEST_CASE("Kuz'min's law starts at 1, falls monotonically and vanishes at the Curie point", "[temperature]") {
  CHECK(magmat::kuzmin_reduced_magnetization(0.0, 0.9, 2.5) == Approx(1.0));
  CHECK(magmat::kuzmin_reduced_magnetization(1.0, 0.9, 2.5) == 0.0);
  CHECK(magmat::kuzmin_reduced_magnetization(1.3, 0.9, 2.5) == 0.0);
  double previous = 1.0;
  for (int i = 1; i < 100; ++i) {
    const double m = magmat::kuzmin_reduced_magnetization(i / 100.0, 0.9, 2.5);
    CHECK(m < previous);
    previous = m;
  }
}

TEST_CASE("Kuz'min's law matches its closed form at a chosen point", "[temperature]") {
  // tau = 0.5, s = 0.5, p = 2.5: m^3 = 1 - 0.5*0.5^1.5 - 0.5*0.5^2.5
  const double expected = std::cbrt(1.0 - 0.5 * std::pow(0.5, 1.5) - 0.5 * std::pow(0.5, 2.5));
  CHECK(magmat::kuzmin_reduced_magnetization(0.5, 0.5, 2.5) == Approx(expected).epsilon(1e-14));
}

TEST_CASE("The critical-power law with a = b = 1 is linear in temperature", "[temperature]") {
  CHECK(magmat::critical_power_reduced_magnetization(0.25, 1.0, 1.0) == Approx(0.75));
  CHECK(magmat::critical_power_reduced_magnetization(0.6, 1.0, 1.0) == Approx(0.4));
  CHECK(magmat::critical_power_reduced_magnetization(1.0, 1.0, 1.0) == 0.0);
}

TEST_CASE("Negative or NaN reduced temperatures are refused", "[temperature]") {
  CHECK_THROWS_AS(magmat::kuzmin_reduced_magnetization(-0.1, 0.5, 2.5), magmat::domain_error);
  CHECK_THROWS_AS(magmat::kuzmin_reduced_magnetization(std::numeric_limits<double>::quiet_NaN(), 0.5, 2.5),
                  magmat::domain_error);
  CHECK_THROWS_AS(magmat::critical_power_reduced_magnetization(-1.0, 1.0, 1.0), magmat::domain_error);
}

TEST_CASE("The anisotropy field follows m^(n-1): falls for n > 1 and rises for n < 1", "[temperature]") {
  CHECK(magmat::anisotropy_field_ratio(0.8, 0.9, 3.0) == Approx(std::pow(0.8 / 0.9, 2.0)));
  CHECK(magmat::anisotropy_field_ratio(0.8, 0.9, 3.0) < 1.0);
  CHECK(magmat::anisotropy_field_ratio(0.8, 0.9, -0.35) > 1.0);
  CHECK(magmat::anisotropy_field_ratio(0.0, 0.9, 3.0) == 0.0);
}

TEST_CASE("At the reference magnetization the anisotropy ratio is exactly 1, on doubles and on blocks", "[temperature]") {
  // A grade's HcJ is stated at its reference temperature and must come back unchanged there
  // (a product with 1/m_ref instead of the quotient is off by an ulp for most m_ref).
  for (double reference : {0.9, 0.8712345678901, 0.7, 0.95, 0.6180339887}) {
    for (double exponent : {3.0, 2.5, -0.35}) {
      CHECK(magmat::anisotropy_field_ratio(reference, reference, exponent) == 1.0);
      const auto ratios = magmat::anisotropy_field_ratio(magmat::lanes::block<8>(magmat::lanes::block<8>::Constant(reference)), reference, exponent);
      CHECK(magmat::lanes::all(ratios == 1.0));
    }
  }
}
