// Tests of permeance.hpp: demagnetizing factors and permeance coefficients of simple shapes.
#include <catch2/catch.hpp>

#include <magmat/errors.hpp>
#include <magmat/permeance.hpp>

#include <limits>

using Catch::Detail::Approx;
using magmat::length;

namespace {
length m(double metres) { return length::from_value(metres); }
} // namespace

TEST_CASE("A cube's demagnetizing factor is 1/3 and its Pc is 2", "[permeance]") {
  CHECK(magmat::block_demagnetizing_factor(m(1), m(1), m(1)) == Approx(1.0 / 3.0).epsilon(1e-12));
  CHECK(magmat::block_center_demagnetizing_factor(m(1), m(1), m(1)) == Approx(1.0 / 3.0).epsilon(1e-12));
  CHECK(magmat::permeance_coefficient_block(m(0.01), m(0.01), m(0.01)) == Approx(2.0).epsilon(1e-10));
}

TEST_CASE("Block factors reproduce the brief's Aharoni and centre-point table", "[permeance]") {
  // brief §6.2 [D]: square blocks with C/A = 0.25, 0.5, 2
  CHECK(magmat::block_demagnetizing_factor(m(0.25), m(1), m(1)) == Approx(0.651).margin(5e-4));
  CHECK(magmat::block_demagnetizing_factor(m(0.5), m(1), m(1)) == Approx(0.496).margin(5e-4));
  CHECK(magmat::block_demagnetizing_factor(m(2), m(1), m(1)) == Approx(0.198).margin(5e-4));
  CHECK(magmat::block_center_demagnetizing_factor(m(0.5), m(1), m(1)) == Approx(0.590).margin(5e-4));
  CHECK(magmat::block_center_demagnetizing_factor(m(2), m(1), m(1)) == Approx(0.128).margin(5e-4));
}

TEST_CASE("Cylinder factors: centre-point values of the brief and the magnetometric integral", "[permeance]") {
  CHECK(magmat::cylinder_center_demagnetizing_factor(m(1), m(1)) == Approx(0.293).margin(5e-4));
  CHECK(magmat::cylinder_center_demagnetizing_factor(m(0.25), m(1)) == Approx(0.758).margin(1e-3)); // 0.75746
  // magnetometric N of a cylinder with L = D, checked against a Monte Carlo volume average of
  // the end-face charges' field (docs/model.md): 0.3116
  CHECK(magmat::cylinder_demagnetizing_factor(m(1), m(1)) == Approx(0.31158).margin(1e-4));
  // limits: thin disc -> 1, long rod -> 4/(3 pi) (D/L)
  // thin discs: 0.99935 at L/D = 1e-4 (direct quadrature), never above 1
  CHECK(magmat::cylinder_demagnetizing_factor(m(1e-4), m(1)) == Approx(0.99935).margin(2e-5));
  CHECK(magmat::cylinder_demagnetizing_factor(m(3e-5), m(1)) <= 1.0);
  CHECK(magmat::permeance_coefficient_cylinder(m(3e-5), m(1)) > 0.0);
  CHECK(magmat::cylinder_demagnetizing_factor(m(100), m(1)) == Approx(4.0 / (3.0 * 3.141592653589793) / 100.0).epsilon(0.01));
}

TEST_CASE("The factors of the three axes of a block sum to 1", "[permeance]") {
  const double a = 0.7, b = 1.3, c = 0.4;
  const double sum = magmat::block_demagnetizing_factor(m(a), m(b), m(c)) +
                     magmat::block_demagnetizing_factor(m(b), m(c), m(a)) +
                     magmat::block_demagnetizing_factor(m(c), m(a), m(b));
  CHECK(sum == Approx(1.0).epsilon(1e-10));
}

TEST_CASE("Longer magnets have smaller N and larger Pc", "[permeance]") {
  double previous = 0.0;
  for (double l : {0.1, 0.3, 1.0, 3.0}) {
    const double pc = magmat::permeance_coefficient_cylinder(m(l), m(1));
    CHECK(pc > previous);
    previous = pc;
  }
}

TEST_CASE("Bad dimensions and factors are refused with the value named", "[permeance]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(magmat::permeance_coefficient_cylinder(m(-0.01), m(0.01)), Catch::Contains("length") &&
                                                                                 Catch::Contains("-0.01"));
  CHECK_THROWS_AS(magmat::permeance_coefficient_block(m(0.01), m(nan), m(0.01)), magmat::domain_error);
  CHECK_THROWS_AS(magmat::permeance_coefficient_block(m(0.01), m(0.01), m(0.0)), magmat::domain_error);
  CHECK_THROWS_AS(magmat::permeance_coefficient(0.0), magmat::domain_error);
  CHECK_THROWS_AS(magmat::permeance_coefficient(1.5), magmat::domain_error);
}
