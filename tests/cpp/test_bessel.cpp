// Tests of the private bessel.hpp: J1 against published values and against libstdc++'s own
// implementation (used here only, single-threaded), on both sides of the switch at x = 25.
#include <catch2/catch.hpp>

#include "bessel.hpp"

#include <cmath>

using Catch::Detail::Approx;
using magmat::detail::bessel_j1;

TEST_CASE("J1 reproduces Abramowitz & Stegun's table 9.1", "[bessel]") {
  CHECK(bessel_j1(0.0) == Approx(0.0).margin(1e-15));
  CHECK(bessel_j1(1.0) == Approx(0.4400505857449335).margin(1e-15));
  CHECK(bessel_j1(2.0) == Approx(0.5767248077568734).margin(1e-15));
  CHECK(bessel_j1(5.0) == Approx(-0.3275791375914652).margin(1e-15));
  CHECK(bessel_j1(10.0) == Approx(0.04347274616886144).margin(1e-15));
  CHECK(bessel_j1(-1.0) == Approx(-0.4400505857449335).margin(1e-15)); // J1 is odd
}

TEST_CASE("J1 matches the power series summed in 600-digit decimal arithmetic", "[bessel]") {
  // sum (-1)^k (x/2)^(2k+1) / (k! (k+1)!) with Python's decimal module, prec = 600
  CHECK(bessel_j1(25.0) == Approx(-1.25350249580289896389e-01).margin(1e-15));
  CHECK(bessel_j1(100.0) == Approx(-7.71453520141121562581e-02).margin(1e-15));
  CHECK(bessel_j1(1000.0) == Approx(4.72831190708952395219e-03).margin(1e-15));
}

TEST_CASE("J1 agrees with std::cyl_bessel_j from 0 to 2000, across the method switch", "[bessel]") {
  double worst_small = 0.0, worst_large = 0.0;
  for (double x = 0.0; x < 2000.0; x += (x < 40.0 ? 0.013 : 0.77)) {
    const double error = std::abs(bessel_j1(x) - std::cyl_bessel_j(1.0, x));
    (x < 40.0 ? worst_small : worst_large) = std::max(x < 40.0 ? worst_small : worst_large, error);
  }
  CHECK(worst_small < 1e-14);
  // At large x libstdc++'s own phase error reaches 2e-14 at x = 1000 (against the decimal series
  // above), so the comparison there is only as good as it.
  CHECK(worst_large < 1e-12);
  // Both sides of x = 25, where the trapezoidal integral hands over to Hankel's expansion.
  CHECK(bessel_j1(std::nextafter(25.0, 0.0)) == Approx(bessel_j1(25.0)).margin(1e-14));
}
