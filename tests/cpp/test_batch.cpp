// Tests of batch.hpp: batch evaluation equals the scalar API, threads change nothing, invalid
// rows throw naming the row or are masked, mass fractions of formulas, Pareto fronts.
#include "batch_checks.hpp"

#include <catch2/catch.hpp>

#include <magmat/batch.hpp>
#include <magmat/composition.hpp>
#include <magmat/errors.hpp>
#include <magmat/magnet.hpp>
#include <magmat/policy.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

using Catch::Detail::Approx;
using magmat::Element;

using magmat_test::check_row_equals_scalar_api;
using magmat_test::check_same_results;
using magmat_test::random_ndfeb;

namespace {
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
} // namespace

TEST_CASE("batch evaluation equals the scalar API row by row", "[batch]") {
  const auto input = random_ndfeb(200, 7);
  const auto result = magmat::evaluate(input);
  REQUIRE(result.remanence.size() == 200);
  for (Eigen::Index i = 0; i < 200; ++i) check_row_equals_scalar_api(input, result, i);
  CHECK(result.errors.empty());
}


TEST_CASE("batch evaluation equals the scalar API for mixed sites, additions and per-row temperatures",
          "[batch]") {
  constexpr Eigen::Index rows = 300;
  auto input = magmat_test::random_mixed_ndfeb(rows, 42);
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
    check_same_results(one, magmat::evaluate(input, threads));
  }
}

TEST_CASE("evaluate into a result reuses it and gives the same bits", "[batch]") {
  const auto large = random_ndfeb(300, 5);
  const auto small = random_ndfeb(20, 6);
  magmat::batch_result reused;
  magmat::evaluate(large, reused);
  const double* storage = reused.remanence.data();
  check_same_results(reused, magmat::evaluate(large));
  magmat::evaluate(large, reused, 2);  // same size: the same storage, overwritten
  CHECK(reused.remanence.data() == storage);
  check_same_results(reused, magmat::evaluate(large));
  magmat::evaluate(small, reused);     // another size: resized
  REQUIRE(reused.remanence.size() == 20);
  check_same_results(reused, magmat::evaluate(small));
  // A masked run's errors do not stay behind in the next one.
  auto bad = small;
  bad.mass_percent(4, 0) = -1.0;
  magmat::evaluate(bad, reused, 1, true);
  REQUIRE(reused.errors.size() == 1);
  CHECK(reused.errors[0].row == 4);
  CHECK_FALSE(reused.valid(4));
  magmat::evaluate(small, reused, 1, true);
  CHECK(reused.errors.empty());
  check_same_results(reused, magmat::evaluate(small));
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
      CHECK(std::isnan(masked.remanence(i)) == bad);
      if (bad) CHECK_FALSE(masked.policy_pass(i));
    }
    // One entry per invalid row, in row order.
    REQUIRE(masked.errors.size() == 3);
    CHECK(masked.errors[0].row == 3);
    CHECK(masked.errors[1].row == 5);
    CHECK(masked.errors[2].row == 6);
    for (const auto& e : masked.errors) CHECK_FALSE(e.message.empty());
    CHECK_THAT(masked.errors[2].message, Catch::Matchers::Contains("Curie"));
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

TEST_CASE("candidates read in place (batch_columns) give the results of batch_input", "[batch]") {
  auto input = magmat_test::random_mixed_ndfeb(50, 9);  // per-row temperatures
  // The columns as separate arrays, as a caller holding NumPy arrays has them.
  std::vector<Eigen::ArrayXd> owned;
  magmat::batch_columns columns;
  columns.elements = input.elements;
  for (Eigen::Index j = 0; j < input.mass_percent.cols(); ++j) owned.emplace_back(input.mass_percent.col(j));
  for (const auto& column : owned) columns.mass_percent.push_back(column.data());
  columns.rows = input.mass_percent.rows();
  columns.temperature_kelvin = input.temperature_kelvin.data();
  columns.temperatures = input.temperature_kelvin.size();
  for (int threads : {1, 3}) check_same_results(magmat::evaluate(columns, threads), magmat::evaluate(input, threads));
  magmat::batch_result reused;
  magmat::evaluate(columns, reused, 1, true);
  check_same_results(reused, magmat::evaluate(input, 1, true));
  const double one_temperature = 400.0;
  columns.temperature_kelvin = &one_temperature;
  columns.temperatures = 1;
  input.temperature_kelvin = Eigen::ArrayXd::Constant(1, one_temperature);
  check_same_results(magmat::evaluate(columns), magmat::evaluate(input));

  // Shapes and pointers are checked up front, naming what is wrong.
  auto wrong = columns;
  wrong.mass_percent.pop_back();
  CHECK_THROWS_WITH(magmat::evaluate(wrong), Catch::Matchers::Contains("columns but"));
  wrong = columns;
  wrong.mass_percent[2] = nullptr;
  CHECK_THROWS_WITH(magmat::evaluate(wrong), Catch::Matchers::Contains("column 2 (Nd) is a null pointer"));
  wrong = columns;
  wrong.temperature_kelvin = nullptr;
  CHECK_THROWS_WITH(magmat::evaluate(wrong), Catch::Matchers::Contains("temperature_kelvin is a null pointer"));
  wrong = columns;
  wrong.temperatures = 7;
  CHECK_THROWS_WITH(magmat::evaluate(wrong), Catch::Matchers::Contains("expected 1 or one per row (50)"));
  wrong = columns;
  wrong.rows = -1;
  CHECK_THROWS_AS(magmat::evaluate(wrong), magmat::domain_error);
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
  check_same_results(plain, reported);

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

// Stage 1 runs on groups of 8 consecutive rows, a failed check making its lane go to the scalar
// API: rows the fast path refuses, mixed in among good ones, must come out as the scalar API
// gives them (its figures, or its error in mask mode), and their neighbours unchanged.
TEST_CASE("rows refused by the fast path's checks, among good rows, give the scalar API's results or errors",
          "[batch]") {
  magmat::batch_input input;
  input.elements = {Element::La, Element::Nd, Element::Dy, Element::B, Element::Si, Element::Fe, Element::Cu};
  std::vector<std::vector<double>> rows = {
      {0.0, 30.0, 2.0, 1.0, 0.0, 67.0, 0.0},     // good
      {0.0, 30.0, 2.0, 1.0, 0.0, 65.0, 2.0},     // Cu above its 1.5 % limit
      {14.0, 16.0, 0.0, 1.0, 0.0, 69.0, 0.0},    // La about half of the site: above its limit
      {4.0, 26.0, 0.0, 1.0, 0.0, 69.0, 0.0},     // La well below its limit: good
      {0.0, 30.0, 2.0, 1.0, 0.5, 66.5, 0.0},     // Si: no role in the fast path
      {0.0, 30.0, 2.0, 1.0, 0.0, 66.0, 0.0},     // sums to 99 %
      {0.0, 30.0, -1.0, 1.0, 0.0, 70.0, 0.0},    // negative share
      {0.0, 31.0, 0.0, 1.0, 0.0, 67.0, 1.0},     // Cu within its limit: good
      {0.0, 30.0, 2.0, 0.0, 0.0, 68.0, 0.0},     // no boron: not NdFeB
      {0.0, 29.0, 3.0, 1.0, 0.0, 67.0, 0.0},     // good, its temperature NaN below
      {0.0, 29.0, 3.0, 1.0, 0.0, 67.0, 0.0},     // good, above the Curie point below
      {0.0, 28.0, 4.0, 1.0, 0.0, 67.0, 0.0}};    // good
  input.mass_percent.resize(static_cast<Eigen::Index>(rows.size()), 7);
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t j = 0; j < 7; ++j) input.mass_percent(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows[i][j];
  input.temperature_kelvin = Eigen::ArrayXd::Constant(static_cast<Eigen::Index>(rows.size()), 400.0);
  input.temperature_kelvin(9) = not_a_number;
  input.temperature_kelvin(10) = 900.0;
  input.process = "sintered";
  const auto result = magmat::evaluate(input, 1, true);
  for (Eigen::Index i = 0; i < input.mass_percent.rows(); ++i) {
    INFO("row " << i);
    std::map<Element, double> percent;
    for (std::size_t j = 0; j < input.elements.size(); ++j) percent[input.elements[j]] = input.mass_percent(i, static_cast<Eigen::Index>(j));
    std::string scalar_error;
    try {
      const auto magnet = magmat::Magnet::from_composition(magmat::Composition::from_mass_percent(percent), "sintered");
      magnet.properties(magmat::from_kelvin(input.temperature_kelvin(i)));
      magmat::check_policy(magnet);
    } catch (const magmat::error& e) {
      scalar_error = e.what();
    }
    if (scalar_error.empty()) {
      check_row_equals_scalar_api(input, result, i);
    } else {
      CHECK_FALSE(result.valid(i));
      const auto entry = std::find_if(result.errors.begin(), result.errors.end(),
                                      [i](const magmat::batch_error& e) { return e.row == i; });
      REQUIRE(entry != result.errors.end());
      CHECK(entry->message == scalar_error);
    }
  }
  // Rows 0, 3, 7 and 11 are good; rows 1 (Cu) and 6 (negative share) are refused by the scalar API too.
  CHECK(result.valid(0));
  CHECK(result.valid(3));
  CHECK(result.valid(7));
  CHECK(result.valid(11));
  CHECK_FALSE(result.valid(1));
  CHECK_FALSE(result.valid(6));
}

namespace {

// The definition itself, O(n^2): a row is on the front unless another, without NaN, is at least
// as good in every objective and strictly better in one.
std::vector<Eigen::Index> brute_force_pareto_front(const Eigen::ArrayXXd& objectives,
                                                   const std::vector<magmat::objective_sense>& senses) {
  const auto better_or_equal = [&](Eigen::Index a, Eigen::Index b, Eigen::Index j) {
    return senses[static_cast<std::size_t>(j)] == magmat::objective_sense::minimize ? objectives(a, j) <= objectives(b, j)
                                                                                    : objectives(a, j) >= objectives(b, j);
  };
  std::vector<Eigen::Index> front;
  for (Eigen::Index i = 0; i < objectives.rows(); ++i) {
    if (objectives.row(i).isNaN().any()) continue;
    bool dominated = false;
    for (Eigen::Index k = 0; k < objectives.rows() && !dominated; ++k) {
      if (k == i || objectives.row(k).isNaN().any()) continue;
      bool all = true, strict = false;
      for (Eigen::Index j = 0; j < objectives.cols(); ++j) {
        all = all && better_or_equal(k, i, j);
        strict = strict || !better_or_equal(i, k, j);
      }
      dominated = all && strict;
    }
    if (!dominated) front.push_back(i);
  }
  return front;
}

// Small random inputs with heavy ties (values from a few integers), +-inf, NaN rows, duplicate
// rows and random senses.
Eigen::ArrayXXd random_tied_objectives(std::mt19937& generator, Eigen::Index rows, Eigen::Index cols) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::uniform_int_distribution<int> levels(1, 6);
  const int level_count = levels(generator);
  std::uniform_int_distribution<int> value(0, level_count), special(0, 29);
  Eigen::ArrayXXd out(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j) {
      const int pick = special(generator);
      out(i, j) = pick == 0 ? inf : pick == 1 ? -inf : pick == 2 ? not_a_number : pick == 3 ? -0.0 : value(generator);
    }
  std::uniform_int_distribution<Eigen::Index> any_row(0, rows - 1);
  for (int copies = 0; copies < 3; ++copies) out.row(any_row(generator)) = Eigen::ArrayXXd(out.row(any_row(generator)));
  return out;
}

} // namespace

TEST_CASE("Pareto fronts of three and four objectives equal the definition on random tied inputs", "[batch][pareto]") {
  using magmat::objective_sense;
  std::mt19937 generator(2026);
  std::uniform_int_distribution<Eigen::Index> row_count(1, 60);
  std::bernoulli_distribution maximize(0.5);
  for (Eigen::Index cols : {3, 4, 5}) {
    for (int trial = 0; trial < 1500; ++trial) {
      const Eigen::Index rows = row_count(generator);
      const Eigen::ArrayXXd objectives = random_tied_objectives(generator, rows, cols);
      std::vector<objective_sense> senses;
      for (Eigen::Index j = 0; j < cols; ++j)
        senses.push_back(maximize(generator) ? objective_sense::maximize : objective_sense::minimize);
      const auto expected = brute_force_pareto_front(objectives, senses);
      const auto front = magmat::pareto_front(objectives, senses);
      INFO("cols " << cols << " trial " << trial << "\n" << objectives);
      REQUIRE(front == expected);
    }
  }
  // a row of a group dominated only by a later row of its own group (equal first objective)
  Eigen::ArrayXXd same_first(3, 3);
  same_first << 1.0, 2.0, 2.0,  // dominated by row 2 in the second objective
      0.0, 5.0, 5.0,            // front
      1.0, 1.0, 2.0;            // front
  CHECK(magmat::pareto_front(same_first, {objective_sense::minimize, objective_sense::minimize,
                                          objective_sense::minimize}) == std::vector<Eigen::Index>{1, 2});
}

TEST_CASE("Pareto fronts call check_interrupt in long runs and stop with what it throws", "[batch][pareto]") {
  using magmat::objective_sense;
  std::mt19937 generator(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const Eigen::Index rows = 300'000;
  Eigen::ArrayXXd objectives(rows, 4);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < 4; ++j) objectives(i, j) = unit(generator);
  for (Eigen::Index cols : {2, 3}) {
    const std::vector<objective_sense> senses(static_cast<std::size_t>(cols), objective_sense::minimize);
    int calls = 0;
    const auto front = magmat::pareto_front(objectives.leftCols(cols), senses, [&calls] { ++calls; });
    CHECK(calls >= 4);  // 300,000 rows: once per 65,536
    CHECK(front == magmat::pareto_front(objectives.leftCols(cols), senses));
  }
  // four objectives on a plane: every row on the front, O(n^2) comparisons; the first call stops it
  Eigen::ArrayXXd plane(rows, 4);
  for (Eigen::Index i = 0; i < rows; ++i) {
    plane.row(i).head(3) = objectives.row(i).head(3);
    plane(i, 3) = 3.0 - objectives.row(i).head(3).sum();
  }
  struct stopped {};
  int calls = 0;
  CHECK_THROWS_AS(magmat::pareto_front(plane, std::vector<objective_sense>(4, objective_sense::minimize),
                                       [&calls] {
                                         if (++calls == 3) throw stopped{};
                                       }),
                  stopped);
  CHECK(calls == 3);
}
