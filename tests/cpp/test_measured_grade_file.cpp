// Tests of measured_grade_json (curve_fit.hpp) and the catalog loader's measured_curves block:
// a fitted magnet written as a grade file and loaded back is the same magnet.
#include <catch2/catch.hpp>

#include <magmat/catalog.hpp>
#include <magmat/curve_fit.hpp>
#include <magmat/errors.hpp>

#include <random>
#include <string>
#include <vector>

using Catch::Detail::Approx;
using magmat::Catalog;
using magmat::from_celsius;
using magmat::Magnet;

namespace {

Magnet fitted_n42sh() {
  const Magnet source = Catalog::builtin().grade("N42SH");
  std::mt19937 rng(42);
  std::normal_distribution<double> noise(0.0, 2e-3);
  std::vector<magmat::measured_curve> curves;
  for (double t : {20.0, 100.0, 150.0}) {
    const auto model = source.demagnetization(from_celsius(t));
    const double hcj = model.intrinsic_coercivity().value();
    magmat::measured_curve c{from_celsius(t), Eigen::ArrayXd(60), Eigen::ArrayXd(60)};
    for (int i = 0; i < 60; ++i) {
      c.field(i) = -1.1 * hcj * i / 59.0;
      c.values(i) = model.polarization(magmat::magnetic_field_strength::from_value(c.field(i))).value() + noise(rng);
    }
    curves.push_back(c);
  }
  return magmat::fit_magnet_to_curves(curves, magmat::curve_quantity::polarization, "ndfeb_sintered", std::nullopt,
                                      "LOT-42");
}

} // namespace

TEST_CASE("A fitted magnet written as a grade file loads back as the same magnet", "[curve_fit][catalog]") {
  const Magnet fitted = fitted_n42sh();
  const std::string text = magmat::measured_grade_json(fitted, "supplier test report 2026-01");
  const Catalog catalog = Catalog::from_json(text, "lot42.json");
  REQUIRE(catalog.names() == std::vector<std::string>{"LOT-42"});
  const magmat::Grade grade = catalog.grade("LOT-42");
  CHECK(grade.coercivity_coefficient_basis() == "measured");
  CHECK(grade.record().measured_curves.has_value());
  for (double t : {-20.0, 20.0, 60.0, 100.0, 150.0, 180.0}) {
    INFO(t << " degC");
    const auto at = from_celsius(t);
    CHECK(grade.remanence(at).value() == Approx(fitted.remanence(at).value()).epsilon(1e-12));
    CHECK(grade.intrinsic_coercivity(at).value() == Approx(fitted.intrinsic_coercivity(at).value()).epsilon(1e-12));
    CHECK(grade.demagnetization(at).squareness() == Approx(fitted.demagnetization(at).squareness()).epsilon(1e-12));
    CHECK(grade.is_extrapolated(at) == fitted.is_extrapolated(at));
  }
  CHECK(grade.process().process == fitted.process().process);
  CHECK(grade.datasheet()->measured->recoil_permeability == fitted.datasheet()->measured->recoil_permeability);
}

TEST_CASE("Only a fitted magnet is written as a measured grade", "[curve_fit][catalog]") {
  CHECK_THROWS_AS(magmat::measured_grade_json(Catalog::builtin().grade("N42SH"), "x"), magmat::domain_error);
  CHECK_THROWS_WITH(magmat::measured_grade_json(fitted_n42sh(), ""), Catch::Contains("source"));
}

TEST_CASE("A measured_curves block out of order or out of range is a data error naming where", "[curve_fit][catalog]") {
  std::string text = magmat::measured_grade_json(fitted_n42sh(), "report");
  // the second curve's temperature moved below the first's
  const std::string second = "\"value\": 100.0";
  const auto at = text.find(second);
  REQUIRE(at != std::string::npos);
  std::string unordered = text;
  unordered.replace(at, second.size(), "\"value\": 10.0");
  CHECK_THROWS_WITH(Catalog::from_json(unordered, "bad.json"),
                    Catch::Contains("measured_curves/curves/1/temperature") && Catch::Contains("ascend"));
}
