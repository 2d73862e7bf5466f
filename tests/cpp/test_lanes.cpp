// Tests of lanes.hpp: the element-wise primitives on blocks agree with the <cmath> functions the
// scalar API uses, lane by lane, to a few ulp; masks select lane by lane.
#include <catch2/catch.hpp>

#include <magmat/lanes.hpp>

#include <cmath>
#include <limits>
#include <random>

namespace lanes = magmat::lanes;
using block = lanes::block<8>;

namespace {
// |a - b| in units of the spacing of doubles at b.
double ulps(double a, double b) { return std::abs(a - b) / (std::nextafter(std::abs(b), HUGE_VAL) - std::abs(b)); }

// Blocks of random values, log-uniform between 10^low and 10^high.
std::vector<block> random_blocks(int count, double low, double high, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> exponent(low, high);
  std::vector<block> blocks(static_cast<std::size_t>(count));
  for (auto& b : blocks)
    for (Eigen::Index lane = 0; lane < 8; ++lane) b(lane) = std::pow(10.0, exponent(generator));
  return blocks;
}
} // namespace

TEST_CASE("Block cube roots are within 3 ulp of std::cbrt over the whole normal range", "[lanes]") {
  double worst = 0.0;
  for (const auto& x : random_blocks(20000, -300.0, 300.0, 1)) {
    const block y = lanes::cbrt(x);
    for (Eigen::Index lane = 0; lane < 8; ++lane) worst = std::max(worst, ulps(y(lane), std::cbrt(x(lane))));
  }
  CHECK(worst <= 3.0);
  // Blocks wholly in [1/8, 1], where the start is a polynomial (the magnetization laws' m^3 from
  // m = 1/2 up), with both ends.
  std::mt19937 generator(3);
  std::uniform_real_distribution<double> cube(0.125, 1.0);
  double worst_in_range = 0.0;
  for (int i = 0; i < 20000; ++i) {
    block x;
    for (Eigen::Index lane = 0; lane < 8; ++lane) x(lane) = cube(generator);
    if (i == 0) x(0) = 0.125, x(1) = 1.0, x(2) = std::nextafter(0.125, 1.0), x(3) = std::nextafter(1.0, 0.0);
    const block y = lanes::cbrt(x);
    for (Eigen::Index lane = 0; lane < 8; ++lane) worst_in_range = std::max(worst_in_range, ulps(y(lane), std::cbrt(x(lane))));
  }
  CHECK(worst_in_range <= 3.0);
  // The model's range: m^3 in (0, 1], and exact cubes.
  const block x = (block() << 1.0, 0.125, 0.001, 0.5, 0.9, 1e-9, 27.0, 8.0).finished();
  const block y = lanes::cbrt(x);
  for (Eigen::Index lane = 0; lane < 8; ++lane) CHECK(ulps(y(lane), std::cbrt(x(lane))) <= 3.0);
}

TEST_CASE("The cube root's polynomial start is within 5.73e-4 of x^(-1/3) on [1/8, 1]", "[lanes]") {
  double worst = 0.0;
  for (int i = 0; i <= 1'000'000; ++i) {
    const double x = 0.125 + 0.875 * i / 1e6;
    double start = lanes::bits::cube_root_start(7);
    for (int k = 6; k >= 0; --k) start = lanes::bits::cube_root_start(k) + x * start;
    worst = std::max(worst, std::abs(start * std::cbrt(x) - 1.0));
  }
  CHECK(worst < 5.73e-4);
  CHECK(worst > 5.7e-4); // the fit's equioscillation level: a changed coefficient shows
}

TEST_CASE("Block exp, log and atanh are within a few ulp of <cmath>", "[lanes]") {
  double worst_exp = 0.0, worst_log = 0.0, worst_atanh = 0.0, worst_atanh_near_zero = 0.0;
  for (const auto& x : random_blocks(5000, -6.0, 2.0, 2)) {
    const block e = lanes::exp(block(-x)), l = lanes::log(x);
    const block t = x / (1.0 + x); // atanh's domain [0, 1)
    const block a = lanes::atanh(t);
    for (Eigen::Index lane = 0; lane < 8; ++lane) {
      worst_exp = std::max(worst_exp, ulps(e(lane), std::exp(-x(lane))));
      worst_log = std::max(worst_log, ulps(l(lane), std::log(x(lane))));
      if (t(lane) >= 0.1) worst_atanh = std::max(worst_atanh, ulps(a(lane), std::atanh(t(lane))));
      else worst_atanh_near_zero = std::max(worst_atanh_near_zero, std::abs(a(lane) - std::atanh(t(lane))));
    }
  }
  CHECK(worst_exp <= 2.0);
  CHECK(worst_log <= 2.0);
  CHECK(worst_atanh <= 8.0);
  CHECK(worst_atanh_near_zero <= 2e-16); // log(1 + 2x + ...) / 2 keeps an absolute, not a relative, accuracy
}

TEST_CASE("Masks select lane by lane and filled masks fill every lane", "[lanes]") {
  const block a = block::LinSpaced(0.0, 7.0), b = block::Constant(3.5);
  const auto less = a < b;
  const block chosen = lanes::where(less, a, 100.0);
  for (Eigen::Index lane = 0; lane < 8; ++lane) CHECK(chosen(lane) == (lane < 4 ? a(lane) : 100.0));
  CHECK(lanes::any(less));
  CHECK_FALSE(lanes::all(less));
  CHECK(lanes::all(lanes::filled_mask<block>(true)));
  CHECK_FALSE(lanes::any(lanes::filled_mask<block>(false)));
  CHECK(lanes::filled_mask<double>(true));
  CHECK(lanes::all(less || !less));
  CHECK_FALSE(lanes::any(less && !less));
}

TEST_CASE("A mask's lanes as bits, and any and all of them", "[lanes]") {
  const block x = (block() << 1.0, -2.0, 3.0, -4.0, 5.0, 6.0, -7.0, 8.0).finished();
  CHECK(lanes::lane_bits(x > 0.0) == 0b10110101u);
  CHECK(lanes::lane_bits(x > 100.0) == 0u);
  CHECK(lanes::lane_bits(x > -100.0) == 0xFFu);
  CHECK(lanes::any(x > 7.0));
  CHECK_FALSE(lanes::any(x > 8.0));
  CHECK(lanes::all(x > -8.0));
  CHECK_FALSE(lanes::all(x > -7.0));
  // NaN compares false in every lane.
  const block nan = block::Constant(std::numeric_limits<double>::quiet_NaN());
  CHECK(lanes::lane_bits(nan > 0.0) == 0u);
  CHECK(lanes::lane_bits(!(nan > 0.0)) == 0xFFu);
}
