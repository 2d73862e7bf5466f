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

// Found by fuzz_loaders: a point count beyond size_t was converted (undefined behaviour); report
// figures that are negative or not finite were taken as they came.
TEST_CASE("A measured_curves block's count and report figures are checked", "[curve_fit][catalog]") {
  const std::string text = magmat::measured_grade_json(fitted_n42sh(), "report");
  const auto replaced = [&](const std::string& key, const std::string& value) {
    const std::string pattern = "\"" + key + "\":";
    const auto at = text.find(pattern);
    REQUIRE(at != std::string::npos);
    auto start = text.find_first_not_of(' ', at + pattern.size());
    if (text[start] == '{') { // a quantity {"value": ..., "unit": ...}: its value
      start = text.find("\"value\":", start) + 8;
      start = text.find_first_not_of(' ', start);
    }
    const auto end = text.find_first_of(",}\n", start);
    std::string out = text;
    out.replace(start, end - start, value);
    return out;
  };
  CHECK_THROWS_WITH(Catalog::from_json(replaced("points", "1.23457e29"), "p.json"),
                    Catch::Contains("/measured_curves/curves/0/points") && Catch::Contains("a count"));
  CHECK_THROWS_WITH(Catalog::from_json(replaced("points", "-3"), "p.json"), Catch::Contains("a count"));
  CHECK_THROWS_WITH(Catalog::from_json(replaced("recoil_permeability_uncertainty", "-0.1"), "u.json"),
                    Catch::Contains("recoil_permeability_uncertainty") && Catch::Contains("finite and >= 0"));
  CHECK_THROWS_WITH(Catalog::from_json(replaced("rms_residual", "-1e-3"), "r.json"),
                    Catch::Contains("/measured_curves/curves/0/rms_residual") && Catch::Contains("finite and >= 0"));
  CHECK_NOTHROW(Catalog::from_json(replaced("points", "120"), "ok.json"));
}
