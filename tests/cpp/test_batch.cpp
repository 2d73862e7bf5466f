// Tests of batch.hpp: batch evaluation equals the scalar API, threads change nothing, invalid
// rows throw naming the row or are masked, mass fractions of formulas, Pareto fronts.
#include <catch2/catch.hpp>

#include <magmat/batch.hpp>
#include <magmat/composition.hpp>
#include <magmat/errors.hpp>
#include <magmat/magnet.hpp>
#include <magmat/policy.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

using Catch::Detail::Approx;
using magmat::Element;

namespace {
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

// `rows` random NdFeB candidates: Nd 28-32, Dy 0-4, B 1, Fe the balance (columns Nd, Dy, B, Fe).
magmat::batch_input random_ndfeb(Eigen::Index rows, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> nd(28.0, 32.0), dy(0.0, 4.0);
  magmat::batch_input input;
  input.elements = {Element::Nd, Element::Dy, Element::B, Element::Fe};
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

bool same(const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!(a(i) == b(i) || (std::isnan(a(i)) && std::isnan(b(i))))) return false;
  return true;
}
} // namespace

// The batch computes the model's formulas on SIMD blocks of rows (vectorized exp, log and cbrt),
// the scalar API on one double: the same templates, equal to 1e-12 relative (in practice to a
// few ulp). The mass fractions are computed row by row in both and compared exactly.
namespace {
// Row i of `input` through the scalar API, compared with row i of `result`
// (properties to 1e-12 relative: vectorized exp/log differ in the last bits; the rest exactly).
void check_row_equals_scalar_api(const magmat::batch_input& input, const magmat::batch_result& result, Eigen::Index i) {
  std::map<Element, double> percent;
  for (std::size_t j = 0; j < input.elements.size(); ++j)
    percent[input.elements[j]] = input.mass_percent(i, static_cast<Eigen::Index>(j));
  const auto composition = magmat::Composition::from_mass_percent(percent);
  const auto magnet = magmat::Magnet::from_composition(composition, input.process);
  const double kelvin = input.temperature_kelvin(input.temperature_kelvin.size() == 1 ? 0 : i);
  const auto p = magnet.properties(magmat::from_kelvin(kelvin));
  INFO("row " << i << ": " << composition.formula() << " at " << kelvin << " K, " << input.process);
  REQUIRE(result.valid(i));
  CHECK(result.remanence(i) == Approx(p.remanence.value()).epsilon(1e-12));
  CHECK(result.intrinsic_coercivity(i) == Approx(p.intrinsic_coercivity.value()).epsilon(1e-12));
  CHECK(result.normal_coercivity(i) == Approx(p.normal_coercivity.value()).epsilon(1e-12));
  CHECK(result.max_energy_product(i) == Approx(p.max_energy_product.value()).epsilon(1e-12));
  CHECK(result.rare_earth_mass_fraction(i) == composition.rare_earth_mass_fraction());
  CHECK(result.heavy_rare_earth_mass_fraction(i) == composition.heavy_rare_earth_mass_fraction());
  CHECK(result.policy_pass(i) == magmat::check_policy(magnet).passes);
}
} // namespace

TEST_CASE("batch evaluation equals the scalar API row by row", "[batch]") {
  const auto input = random_ndfeb(200, 7);
  const auto result = magmat::evaluate(input);
  REQUIRE(result.remanence.size() == 200);
  for (Eigen::Index i = 0; i < 200; ++i) {
    check_row_equals_scalar_api(input, result, i);
    CHECK(result.errors[static_cast<std::size_t>(i)].empty());
  }
}


TEST_CASE("batch evaluation equals the scalar API for mixed sites, additions and per-row temperatures",
          "[batch]") {
  // Columns in no particular order; Nd, Pr, Dy, Tb, Ce on the site; Co, Cu, Al additions; zeros.
  std::mt19937 generator(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  magmat::batch_input input;
  input.elements = {Element::Fe, Element::Tb, Element::Nd, Element::Co, Element::B, Element::Pr,
                    Element::Dy, Element::Cu, Element::Ce, Element::Al};
  constexpr Eigen::Index rows = 300;
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
  for (const char* process : {"sintered", "hot_deformed", "bonded"}) {
    input.process = process;
    const auto result = magmat::evaluate(input, 2);
    for (Eigen::Index i = 0; i < rows; ++i) check_row_equals_scalar_api(input, result, i);
  }
}

TEST_CASE("rows outside the fast path go through the scalar API: SmCo rows, diffused magnets", "[batch]") {
  magmat::batch_input input;
  input.elements = {Element::Nd, Element::Dy, Element::B, Element::Fe, Element::Sm, Element::Co};
  input.mass_percent.resize(4, 6);
  input.mass_percent << 29.0, 2.0, 1.0, 68.0, 0.0, 0.0,   // NdFeB
                        0.0, 0.0, 0.0, 0.0, 36.0, 64.0,   // sintered SmCo5 with surplus Sm
                        31.0, 0.0, 1.0, 68.0, 0.0, 0.0,
                        0.0, 0.0, 0.0, 0.0, 33.8, 66.2;
  input.temperature_kelvin = Eigen::ArrayXd::Constant(1, 373.15);
  const auto sintered = magmat::evaluate(input);
  for (Eigen::Index i = 0; i < 4; ++i) check_row_equals_scalar_api(input, sintered, i);
  magmat::batch_input diffused = random_ndfeb(20, 5);
  diffused.process = "grain_boundary_diffused";
  const auto result = magmat::evaluate(diffused);
  for (Eigen::Index i = 0; i < 20; ++i) check_row_equals_scalar_api(diffused, result, i);
}

TEST_CASE("a row's result does not depend on the rows evaluated with it", "[batch]") {
  // Rows are evaluated in SIMD blocks: each lane must be computed on its own (no lane's Newton
  // iterations may depend on its neighbours'), so a row alone gives the bits it gives in a block.
  const auto input = random_ndfeb(150, 13);
  const auto together = magmat::evaluate(input);
  for (Eigen::Index i : {Eigen::Index{0}, Eigen::Index{1}, Eigen::Index{127}, Eigen::Index{128}, Eigen::Index{149}}) {
    magmat::batch_input alone = input;
    alone.mass_percent = input.mass_percent.row(i);
    const auto single = magmat::evaluate(alone);
    INFO("row " << i);
    CHECK(single.remanence(0) == together.remanence(i));
    CHECK(single.intrinsic_coercivity(0) == together.intrinsic_coercivity(i));
    CHECK(single.normal_coercivity(0) == together.normal_coercivity(i));
    CHECK(single.max_energy_product(0) == together.max_energy_product(i));
    CHECK(single.policy_pass(0) == together.policy_pass(i));
  }
}

TEST_CASE("batch evaluation is bit-identical for any thread count", "[batch][threads]") {
  const auto input = random_ndfeb(101, 11);
  const auto one = magmat::evaluate(input, 1);
  for (int threads : {2, 3, 4, 0, 500}) {
    const auto many = magmat::evaluate(input, threads);
    CHECK(same(one.remanence, many.remanence));
    CHECK(same(one.intrinsic_coercivity, many.intrinsic_coercivity));
    CHECK(same(one.normal_coercivity, many.normal_coercivity));
    CHECK(same(one.max_energy_product, many.max_energy_product));
    CHECK(same(one.heavy_rare_earth_mass_fraction, many.heavy_rare_earth_mass_fraction));
    CHECK((one.policy_pass == many.policy_pass).all());
  }
}

TEST_CASE("invalid rows throw naming the row, or are masked", "[batch][threads]") {
  auto input = random_ndfeb(8, 3);
  input.temperature_kelvin = Eigen::ArrayXd::Constant(8, magmat::to_kelvin(magmat::from_celsius(100.0)));
  input.mass_percent(3, 1) = -1.0;                 // negative Dy
  input.mass_percent(5, 0) = not_a_number;         // NaN Nd
  input.temperature_kelvin(6) = magmat::to_kelvin(magmat::from_celsius(900.0));  // above the Curie point
  for (int threads : {1, 4}) {
    CHECK_THROWS_AS(magmat::evaluate(input, threads), magmat::domain_error);
    CHECK_THROWS_WITH(magmat::evaluate(input, threads), Catch::Matchers::StartsWith("row 3: "));
  }
  for (int threads : {1, 3}) {
    const auto masked = magmat::evaluate(input, threads, true);
    for (Eigen::Index i = 0; i < 8; ++i) {
      const bool bad = i == 3 || i == 5 || i == 6;
      CHECK(masked.valid(i) == !bad);
      CHECK(masked.errors[static_cast<std::size_t>(i)].empty() == !bad);
      CHECK(std::isnan(masked.remanence(i)) == bad);
      if (bad) CHECK_FALSE(masked.policy_pass(i));
    }
    CHECK_THAT(masked.errors[6], Catch::Matchers::Contains("Curie"));
  }
  // valid rows equal an all-valid run at the same temperature
  auto fine = random_ndfeb(8, 3);
  fine.temperature_kelvin = input.temperature_kelvin;
  fine.temperature_kelvin(6) = input.temperature_kelvin(0);
  const auto reference = magmat::evaluate(fine);
  const auto masked = magmat::evaluate(input, 1, true);
  for (Eigen::Index i : {0, 1, 2, 4, 7}) CHECK(masked.max_energy_product(i) == reference.max_energy_product(i));
}

TEST_CASE("batch evaluation checks shapes and arguments up front", "[batch]") {
  auto input = random_ndfeb(4, 1);
  input.temperature_kelvin = Eigen::ArrayXd::Constant(3, 300.0);
  CHECK_THROWS_AS(magmat::evaluate(input), magmat::domain_error);
  input = random_ndfeb(4, 1);
  input.elements.pop_back();
  CHECK_THROWS_AS(magmat::evaluate(input), magmat::domain_error);
  input = random_ndfeb(4, 1);
  input.elements[3] = Element::Nd;
  CHECK_THROWS_WITH(magmat::evaluate(input), Catch::Matchers::Contains("twice"));
  input = random_ndfeb(4, 1);
  CHECK_THROWS_AS(magmat::evaluate(input, -1), magmat::domain_error);
  input.process = "baked";
  CHECK_THROWS_AS(magmat::evaluate(input), magmat::unknown_name_error);
  input = random_ndfeb(0, 1);
  CHECK(magmat::evaluate(input, 4).remanence.size() == 0);
}

TEST_CASE("mass fractions of many formulas", "[batch]") {
  const std::vector<std::string> formulas = {"(Nd0.8Dy0.2)2Fe14B", "SmCo5", "Sm2Co17", "SrFe12O19"};
  const std::vector<Element> elements = {Element::Nd, Element::Dy, Element::Sm, Element::Sr};
  const auto fractions = magmat::mass_fractions(formulas, elements);
  REQUIRE(fractions.rows() == 4);
  REQUIRE(fractions.cols() == 4);
  for (std::size_t i = 0; i < formulas.size(); ++i)
    for (std::size_t j = 0; j < elements.size(); ++j)
      CHECK(fractions(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) ==
            magmat::Composition::from_formula(formulas[i]).mass_fraction(elements[j]));
  CHECK_THROWS_AS(magmat::mass_fractions({"SmCo5", "Nd2Fe14Xx"}, elements), magmat::parse_error);
  CHECK_THROWS_WITH(magmat::mass_fractions({"SmCo5", "Nd2Fe14Xx"}, elements),
                    Catch::Matchers::StartsWith("formulas[1]: "));
}

TEST_CASE("Pareto fronts", "[batch]") {
  using magmat::objective_sense;
  // minimize column 0, maximize column 1
  Eigen::ArrayXXd points(7, 2);
  points << 1.0, 1.0,   // front
      2.0, 3.0,         // front
      2.0, 2.0,         // dominated by row 1
      3.0, 3.0,         // dominated by row 1
      0.5, 0.5,         // front
      not_a_number, 9.0,  // excluded
      2.0, 3.0;         // identical to row 1: front too
  const std::vector<objective_sense> senses = {objective_sense::minimize, objective_sense::maximize};
  CHECK(magmat::pareto_front(points, senses) == std::vector<Eigen::Index>{0, 1, 4, 6});
  // a third, constant objective gives the same front through the general path
  Eigen::ArrayXXd three(7, 3);
  three << points, Eigen::ArrayXd::Constant(7, 5.0);
  CHECK(magmat::pareto_front(three, {objective_sense::minimize, objective_sense::maximize, objective_sense::minimize}) ==
        std::vector<Eigen::Index>{0, 1, 4, 6});
  CHECK(magmat::pareto_front(points.col(0), {objective_sense::maximize}) == std::vector<Eigen::Index>{3});
  CHECK_THROWS_AS(magmat::pareto_front(points, {objective_sense::minimize}), magmat::domain_error);
  // random points: the 2-objective sweep agrees with the general O(n^2) path
  std::mt19937 generator(5);
  std::uniform_int_distribution<int> value(0, 20);
  Eigen::ArrayXXd random(300, 3);
  for (Eigen::Index i = 0; i < 300; ++i) random.row(i) << value(generator), value(generator), 0.0;
  CHECK(magmat::pareto_front(random.leftCols(2), senses) == magmat::pareto_front(random, {objective_sense::minimize,
        objective_sense::maximize, objective_sense::minimize}));
}

TEST_CASE("evaluate with a progress callback reports every chunk and gives the same bits", "[batch]") {
  const Eigen::Index rows = 3 * magmat::batch_progress_min_chunk_rows + 17;
  const auto input = random_ndfeb(rows, 17);
  const auto plain = magmat::evaluate(input);
  std::vector<Eigen::Index> reports;
  const auto reported = magmat::evaluate(input, 2, false, [&](Eigen::Index done, Eigen::Index total) {
    CHECK(total == rows);
    reports.push_back(done);
  });
  REQUIRE(reports.size() == 4);
  CHECK(reports.front() == magmat::batch_progress_min_chunk_rows);
  CHECK(reports.back() == rows);
  CHECK(same(plain.remanence, reported.remanence));
  CHECK(same(plain.normal_coercivity, reported.normal_coercivity));
  CHECK(same(plain.max_energy_product, reported.max_energy_product));
  CHECK((plain.policy_pass == reported.policy_pass).all());

  // An exception from the callback stops the evaluation and reaches the caller.
  struct stop_requested {};
  int calls = 0;
  CHECK_THROWS_AS(magmat::evaluate(input, 1, false, [&](Eigen::Index, Eigen::Index) {
                    ++calls;
                    throw stop_requested{};
                  }),
                  stop_requested);
  CHECK(calls == 1);

  // Raise mode: an invalid row in a later chunk is named by its row in the input.
  auto broken = input;
  broken.mass_percent(rows - 5, 0) = -1.0;
  CHECK_THROWS_WITH(magmat::evaluate(broken, 1, false, [](Eigen::Index, Eigen::Index) {}),
                    Catch::Matchers::StartsWith("row " + std::to_string(rows - 5) + ": "));
}
