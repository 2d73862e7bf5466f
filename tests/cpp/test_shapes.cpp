// Magnet shapes: the local demagnetizing field of uniform axial magnetization (shapes.hpp).
#include <magmat/errors.hpp>
#include <magmat/permeance.hpp>
#include <magmat/shapes.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <numbers>

using Catch::Detail::Approx;
using magmat::block_shape;
using magmat::cylinder_shape;
using magmat::length;
using magmat::magnet_shape;
using magmat::ring_shape;
using magmat::shape_point;

namespace {

length m(double metres) { return length::from_value(metres); }
shape_point at(double x, double y, double z) { return {m(x), m(y), m(z)}; }

// cel by composite Simpson on its defining integral (p > 0: no pole), an independent check.
double cel_by_simpson(double kc, double p, double c, double s) {
  const int n = 20000;
  const double h = (std::numbers::pi / 2) / n;
  double sum = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double phi = i * h, c2 = std::cos(phi) * std::cos(phi), s2 = std::sin(phi) * std::sin(phi);
    const double f = (c * c2 + s * s2) / ((c2 + p * s2) * std::sqrt(c2 + kc * kc * s2));
    sum += f * (i == 0 || i == n ? 1.0 : (i % 2 ? 4.0 : 2.0));
  }
  return sum * h / 3.0;
}

double volume_average_axial_factor(const magnet_shape& shape, int order) {
  double sum = 0.0;
  for (const auto& q : magmat::volume_quadrature(shape, order))
    sum -= q.weight * magmat::demagnetizing_field_per_magnetization(shape, q.point)[2];
  return sum;
}

} // namespace

TEST_CASE("Bulirsch's cel agrees with its defining integral and its special values", "[shapes]") {
  for (const auto& [kc, p, c, s] : {std::array{0.3, 1.0, 1.0, -1.0}, std::array{0.7, 0.2, 1.0, 0.5},
                                    std::array{0.05, 0.9, 1.0, 0.9}, std::array{0.999, 0.01, 1.0, 0.1}}) {
    INFO(kc << " " << p << " " << c << " " << s);
    CHECK(magmat::bulirsch_cel(kc, p, c, s) == Approx(cel_by_simpson(kc, p, c, s)).epsilon(1e-10));
  }
  CHECK(magmat::bulirsch_cel(1.0, 1.0, 1.0, 1.0) == Approx(std::numbers::pi / 2).epsilon(1e-15));
  CHECK_THROWS_AS(magmat::bulirsch_cel(0.0, 1.0, 1.0, 1.0), magmat::domain_error);
  CHECK_THROWS_AS(magmat::bulirsch_cel(0.5, std::numeric_limits<double>::quiet_NaN(), 1.0, 1.0), magmat::domain_error);
}

TEST_CASE("A cylinder's field on its axis is the closed form of its two charged end faces", "[shapes]") {
  const double a = 0.004, b = 0.003; // radius, half length
  const magnet_shape cylinder = cylinder_shape{m(2 * b), m(2 * a)};
  for (double z : {-0.0029, -0.001, 0.0, 0.0017, 0.0045, -0.02}) {
    INFO(z);
    const double expected = 0.5 * ((z + b) / std::hypot(z + b, a) - (z - b) / std::hypot(z - b, a)) -
                            (std::abs(z) <= b ? 1.0 : 0.0);
    const auto h = magmat::demagnetizing_field_per_magnetization(cylinder, at(0, 0, z));
    CHECK(h[2] == Approx(expected).epsilon(1e-13));
    CHECK(h[0] == 0.0);
  }
  // the centre against permeance.hpp's centre-point factor
  CHECK(-magmat::demagnetizing_field_per_magnetization(cylinder, at(0, 0, 0))[2] ==
        Approx(magmat::cylinder_center_demagnetizing_factor(m(2 * b), m(2 * a))).epsilon(1e-13));
}

TEST_CASE("A block's centre field is permeance.hpp's centre factor, and the fields keep their symmetries", "[shapes]") {
  const magnet_shape block = block_shape{m(0.01), m(0.008), m(0.006)};
  CHECK(-magmat::demagnetizing_field_per_magnetization(block, at(0, 0, 0))[2] ==
        Approx(magmat::block_center_demagnetizing_factor(m(0.01), m(0.008), m(0.006))).epsilon(1e-12));
  for (const magnet_shape& shape : {block, magnet_shape{cylinder_shape{m(0.007), m(0.01)}},
                                    magnet_shape{ring_shape{m(0.007), m(0.02), m(0.01)}}}) {
    const auto h = magmat::demagnetizing_field_per_magnetization(shape, at(0.0031, 0.0012, 0.002));
    const auto mirrored = magmat::demagnetizing_field_per_magnetization(shape, at(0.0031, 0.0012, -0.002));
    CHECK(mirrored[2] == Approx(h[2]).epsilon(1e-12)); // even in z
    CHECK(mirrored[0] == Approx(-h[0]).epsilon(1e-12)); // odd in z
    const auto flipped = magmat::demagnetizing_field_per_magnetization(shape, at(-0.0031, 0.0012, 0.002));
    CHECK(flipped[0] == Approx(-h[0]).epsilon(1e-12));
    CHECK(flipped[2] == Approx(h[2]).epsilon(1e-12));
  }
}

TEST_CASE("Far away every shape is a dipole of moment M V", "[shapes]") {
  struct case_t {
    magnet_shape shape;
    double volume;
  };
  const double pi = std::numbers::pi;
  for (const auto& [shape, volume] :
       {case_t{cylinder_shape{m(0.006), m(0.01)}, pi * 0.005 * 0.005 * 0.006},
        case_t{block_shape{m(0.01), m(0.008), m(0.006)}, 0.01 * 0.008 * 0.006},
        case_t{ring_shape{m(0.006), m(0.02), m(0.012)}, pi * (0.01 * 0.01 - 0.006 * 0.006) * 0.006}}) {
    const double x = 0.3, y = 0.4, z = 1.2, r = std::sqrt(x * x + y * y + z * z);
    const auto h = magmat::demagnetizing_field_per_magnetization(shape, at(x, y, z));
    const double scale = volume / (4.0 * pi * r * r * r);
    CHECK(h[2] == Approx(scale * (3.0 * z * z / (r * r) - 1.0)).epsilon(1e-3));
    CHECK(h[0] == Approx(scale * 3.0 * x * z / (r * r)).epsilon(1e-3));
  }
}

TEST_CASE("The volume average of the local axial factor is the magnetometric factor", "[shapes]") {
  // L/D = 0.7 (the makers' rating cylinder), a long and a flat one, and blocks
  for (const double ratio : {0.2, 0.7, 2.0}) {
    INFO("cylinder L/D " << ratio);
    const magnet_shape c = cylinder_shape{m(0.01 * ratio), m(0.01)};
    CHECK(volume_average_axial_factor(c, 64) ==
          Approx(magmat::cylinder_demagnetizing_factor(m(0.01 * ratio), m(0.01))).epsilon(2e-3));
  }
  for (const auto& dims : {std::array{0.01, 0.01, 0.01}, std::array{0.004, 0.02, 0.01}}) {
    const magnet_shape blk = block_shape{m(dims[0]), m(dims[1]), m(dims[2])};
    CHECK(volume_average_axial_factor(blk, 40) ==
          Approx(magmat::block_demagnetizing_factor(m(dims[0]), m(dims[1]), m(dims[2]))).epsilon(2e-3));
  }
  // a ring with a vanishing bore tends to the cylinder
  const magnet_shape nearly_solid = ring_shape{m(0.007), m(0.01), m(1e-6)};
  CHECK(volume_average_axial_factor(nearly_solid, 64) ==
        Approx(magmat::cylinder_demagnetizing_factor(m(0.007), m(0.01))).epsilon(2e-3));
}

TEST_CASE("Permeance coefficients of the makers' L/D = 0.7 cylinder", "[shapes]") {
  const auto pc = magmat::permeance_coefficients(cylinder_shape{m(0.007), m(0.01)});
  CHECK(pc.neutral_section == Approx(2.0557).epsilon(1e-3)); // about 2, as makers rate it
  CHECK(pc.magnetometric == Approx(magmat::permeance_coefficient_cylinder(m(0.007), m(0.01))));
  CHECK(pc.magnetometric == Approx(1.54).epsilon(2e-3));
  CHECK(pc.minimum_local == Approx(1.0 / (1.0 - 0.35 / std::hypot(0.7, 0.5)) - 1.0).epsilon(1e-12)); // pole-face centre
  CHECK(pc.minimum_local < pc.magnetometric);
  CHECK(pc.magnetometric < pc.neutral_section);
  // no interior point has a larger local factor than the one minimum_local reports
  const magnet_shape c = cylinder_shape{m(0.007), m(0.01)};
  const double largest = 1.0 / (1.0 + pc.minimum_local);
  for (int i = 0; i < 40; ++i)
    for (int k = 0; k <= 40; ++k) {
      const double rho = 0.005 * i / 40.0, z = 0.0035 * (2.0 * k / 40.0 - 1.0);
      CHECK(-magmat::demagnetizing_field_per_magnetization(c, at(rho, 0, z))[2] <= largest * (1 + 1e-12));
    }
  const auto ring = magmat::permeance_coefficients(ring_shape{m(0.007), m(0.03), m(0.015)});
  CHECK(ring.minimum_local < ring.magnetometric);
  CHECK(ring.magnetometric < ring.neutral_section);
}

TEST_CASE("Bad shapes and singular points are named", "[shapes]") {
  CHECK_THROWS_WITH(magmat::check_shape(cylinder_shape{m(-0.01), m(0.01)}), Catch::Contains("Cylinder: length"));
  CHECK_THROWS_WITH(magmat::check_shape(block_shape{m(0.01), m(0.0), m(0.01)}), Catch::Contains("Block: width"));
  CHECK_THROWS_WITH(magmat::check_shape(ring_shape{m(0.01), m(0.01), m(0.02)}), Catch::Contains("inner_diameter"));
  CHECK_THROWS_AS(magmat::check_shape(cylinder_shape{m(std::numeric_limits<double>::infinity()), m(0.01)}),
                  magmat::domain_error);
  const magnet_shape c = cylinder_shape{m(0.01), m(0.01)};
  CHECK_THROWS_WITH(magmat::demagnetizing_field_per_magnetization(c, at(0.005, 0, 0.005)), Catch::Contains("rim"));
  CHECK_THROWS_WITH(magmat::demagnetizing_field_per_magnetization(block_shape{m(0.01), m(0.01), m(0.01)}, at(0.005, 0.001, 0.005)),
                    Catch::Contains("edge"));
  CHECK_THROWS_AS(magmat::demagnetizing_field_per_magnetization(c, at(std::nan(""), 0, 0)), magmat::domain_error);
  CHECK_THROWS_AS(magmat::volume_quadrature(c, 1), magmat::domain_error);
  CHECK(magmat::contains(c, at(0, 0, 0)));
  CHECK_FALSE(magmat::contains(c, at(0, 0, 0.005)));
  CHECK_FALSE(magmat::contains(ring_shape{m(0.01), m(0.02), m(0.01)}, at(0.001, 0, 0)));
}

TEST_CASE("Volume quadrature weights sum to one and nodes lie inside", "[shapes]") {
  for (const magnet_shape& shape : {magnet_shape{cylinder_shape{m(0.007), m(0.01)}}, magnet_shape{block_shape{m(0.01), m(0.008), m(0.006)}},
                                    magnet_shape{ring_shape{m(0.007), m(0.02), m(0.01)}}}) {
    double total = 0.0;
    for (const auto& q : magmat::volume_quadrature(shape, 12)) {
      total += q.weight;
      CHECK(magmat::contains(shape, q.point));
    }
    CHECK(total == Approx(1.0).epsilon(1e-13));
  }
}

TEST_CASE("A Pc read as makers read it is a cylinder's neutral-section Pc", "[shapes]") {
  const cylinder_shape c = magmat::cylinder_with_neutral_section_permeance(2.0);
  CHECK(c.diameter.value() == 1.0);
  CHECK(c.axial_length.value() == Approx(0.68).margin(0.01)); // L/D
  CHECK(magmat::permeance_coefficients(c).neutral_section == Approx(2.0).epsilon(1e-9));
  CHECK(magmat::cylinder_with_neutral_section_permeance(0.5).axial_length < c.axial_length);
  CHECK_THROWS_AS(magmat::cylinder_with_neutral_section_permeance(-1.0), magmat::domain_error);
  CHECK_THROWS_AS(magmat::cylinder_with_neutral_section_permeance(1e9), magmat::domain_error);
}
