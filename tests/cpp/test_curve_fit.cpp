// Tests of curve_fit.hpp: curves generated from catalog grades, with 2 mT of noise, are fitted
// back; real-data troubles (order, first quadrant, outliers, one temperature) and bad input.
#include <catch2/catch.hpp>

#include <magmat/catalog.hpp>
#include <magmat/curve_fit.hpp>
#include <magmat/errors.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

using Catch::Detail::Approx;
using magmat::Catalog;
using magmat::curve_quantity;
using magmat::from_celsius;
using magmat::Magnet;
using magmat::measured_curve;

namespace {

// J(H) of `magnet` at `celsius`, `points` fields from `from` (a multiple of HcJ, > 0 reaches into
// the first quadrant) down to -1.1 HcJ, plus Gaussian noise of `noise` T.
measured_curve sampled(const Magnet& magnet, double celsius, std::mt19937& rng, double noise = 2e-3,
                       int points = 160, double from = 0.0) {
  const auto curve = magnet.demagnetization(from_celsius(celsius));
  const double hcj = curve.intrinsic_coercivity().value();
  std::normal_distribution<double> scatter(0.0, noise);
  measured_curve c{from_celsius(celsius), Eigen::ArrayXd(points), Eigen::ArrayXd(points)};
  for (int i = 0; i < points; ++i) {
    const double h = from * hcj - (from + 1.1) * hcj * i / (points - 1);
    c.field(i) = h;
    c.values(i) = curve.polarization(magmat::magnetic_field_strength::from_value(h)).value() + scatter(rng);
  }
  return c;
}

struct grade_case {
  const char* name;
  std::vector<double> temperatures;
};

void check_fitted_back(const Magnet& source, const magmat::measured_curves_table& table) {
  for (const auto& f : table.curves) {
    const auto truth = source.demagnetization(f.temperature);
    INFO(source.name() << " at " << magmat::to_celsius(f.temperature) << " degC: q " << f.squareness << " +/- "
                         << f.squareness_uncertainty << ", HcJ +/- " << f.intrinsic_coercivity_uncertainty.value());
    CHECK(f.remanence.value() == Approx(truth.remanence().value()).epsilon(0.01));
    CHECK(f.intrinsic_coercivity.value() == Approx(truth.intrinsic_coercivity().value()).epsilon(0.01));
    CHECK(f.squareness * f.intrinsic_coercivity.value() == Approx(truth.knee_field().value()).epsilon(0.01));
    CHECK(f.rms_residual.value() < 5e-3);
  }
  CHECK(table.recoil_permeability == Approx(source.demagnetization(table.curves.front().temperature).recoil_permeability()).epsilon(0.01));
}

} // namespace

TEST_CASE("Curves of catalog grades with 2 mT of noise are fitted back within 1 percent", "[curve_fit]") {
  const std::vector<grade_case> cases = {{"N42SH", {20.0, 100.0, 150.0}}, {"N48H", {20.0, 100.0, 150.0}},
                                         {"YXG28H", {20.0, 100.0, 150.0}}, {"Y30BH", {20.0, 80.0, 120.0}}};
  std::mt19937 rng(14);
  for (const auto& c : cases) {
    const Magnet source = Catalog::builtin().grade(c.name);
    std::vector<measured_curve> curves;
    for (double t : c.temperatures) curves.push_back(sampled(source, t, rng));
    const auto table = magmat::fit_demagnetization_curves(curves, curve_quantity::polarization);
    REQUIRE(table.curves.size() == c.temperatures.size());
    check_fitted_back(source, table);
    for (const auto& f : table.curves) {
      // the uncertainties are those of 2 mT of noise over 160 points: small, not zero
      CHECK(f.remanence_uncertainty.value() > 0.0);
      CHECK(f.remanence_uncertainty.value() < 2e-3);
      CHECK(f.intrinsic_coercivity_uncertainty.value() < 0.005 * f.intrinsic_coercivity.value());
      CHECK(f.points == 160);
    }
  }
}

TEST_CASE("A bonded magnet's soft knee is fitted back within its uncertainty", "[curve_fit]") {
  // q = 0.5: the knee is spread over half of HcJ, and 2 mT of noise leave Hk about 0.3 % uncertain.
  const Magnet source = Catalog::builtin().grade("BNP-8");
  std::mt19937 rng(14);
  std::vector<measured_curve> curves;
  for (double t : {20.0, 80.0, 120.0}) curves.push_back(sampled(source, t, rng));
  const auto table = magmat::fit_demagnetization_curves(curves, curve_quantity::polarization);
  for (const auto& f : table.curves) {
    const auto truth = source.demagnetization(f.temperature);
    INFO("BNP-8 at " << magmat::to_celsius(f.temperature) << " degC");
    CHECK(f.remanence.value() == Approx(truth.remanence().value()).epsilon(0.01));
    CHECK(f.intrinsic_coercivity.value() == Approx(truth.intrinsic_coercivity().value()).epsilon(0.01));
    const double knee_uncertainty = f.squareness_uncertainty * f.intrinsic_coercivity.value();
    CHECK(std::abs(f.squareness * f.intrinsic_coercivity.value() - truth.knee_field().value()) < 4.0 * knee_uncertainty);
    CHECK(knee_uncertainty < 0.01 * truth.knee_field().value());
    CHECK(f.rms_residual.value() < 5e-3);
  }
}

TEST_CASE("B(H) curves fit as well as J(H) curves", "[curve_fit]") {
  const Magnet source = Catalog::builtin().grade("N42SH");
  std::mt19937 rng(1);
  std::vector<measured_curve> curves;
  for (double t : {20.0, 150.0}) {
    measured_curve c = sampled(source, t, rng);
    c.values += magmat::vacuum_permeability_h_per_m * c.field;
    curves.push_back(c);
  }
  check_fitted_back(source, magmat::fit_demagnetization_curves(curves, curve_quantity::flux_density));
}

TEST_CASE("Unsorted points, first-quadrant points and a few outliers do not move the fit", "[curve_fit]") {
  const Magnet source = Catalog::builtin().grade("N48H");
  std::mt19937 rng(7);
  measured_curve c = sampled(source, 20.0, rng, 2e-3, 160, 0.2);
  // five outliers of 50 to 250 mT, then the points shuffled
  for (int i : {10, 40, 70, 100, 130}) c.values(i) += (i % 20 == 0 ? -1.0 : 1.0) * (0.05 + 0.05 * (i / 30));
  std::vector<int> order(static_cast<std::size_t>(c.field.size()));
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::shuffle(order.begin(), order.end(), rng);
  measured_curve shuffled{c.temperature, c.field, c.values};
  for (std::size_t i = 0; i < order.size(); ++i) {
    shuffled.field(static_cast<Eigen::Index>(i)) = c.field(order[i]);
    shuffled.values(static_cast<Eigen::Index>(i)) = c.values(order[i]);
  }
  const auto table = magmat::fit_demagnetization_curves({shuffled}, curve_quantity::polarization);
  const auto truth = source.demagnetization(from_celsius(20.0));
  const auto& f = table.curves.front();
  CHECK(f.remanence.value() == Approx(truth.remanence().value()).epsilon(0.01));
  CHECK(f.intrinsic_coercivity.value() == Approx(truth.intrinsic_coercivity().value()).epsilon(0.01));
  CHECK(f.squareness * f.intrinsic_coercivity.value() == Approx(truth.knee_field().value()).epsilon(0.01));
  CHECK(f.max_residual.value() > 0.05); // the outliers stay outliers
}

TEST_CASE("A fitted magnet holds the fitted values at the measured temperatures and flags extrapolation",
          "[curve_fit]") {
  const Magnet source = Catalog::builtin().grade("N42SH");
  std::mt19937 rng(3);
  std::vector<measured_curve> curves;
  for (double t : {150.0, 20.0}) curves.push_back(sampled(source, t, rng)); // in any order
  const Magnet fitted = magmat::fit_magnet_to_curves(curves, curve_quantity::polarization, "ndfeb_sintered",
                                                     std::nullopt, "supplier N42SH");
  CHECK(fitted.name() == "supplier N42SH");
  const auto& table = *fitted.datasheet()->measured;
  for (const auto& f : table.curves) {
    CHECK(fitted.remanence(f.temperature).value() == f.remanence.value());
    CHECK(fitted.intrinsic_coercivity(f.temperature).value() == f.intrinsic_coercivity.value());
    CHECK(fitted.demagnetization(f.temperature).squareness() == f.squareness);
    CHECK(fitted.demagnetization(f.temperature).recoil_permeability() == table.recoil_permeability);
  }
  // between the measured temperatures linear, and close to the source's own values there
  const auto middle = from_celsius(85.0);
  CHECK_FALSE(fitted.is_extrapolated(middle));
  CHECK(fitted.remanence(middle).value() == Approx(source.remanence(middle).value()).epsilon(0.01));
  CHECK(fitted.intrinsic_coercivity(middle).value() == Approx(source.intrinsic_coercivity(middle).value()).epsilon(0.01));
  // beyond them the physics model carries on: continuous at the edge, falling with T
  const auto range = *fitted.measured_temperature_range();
  CHECK(magmat::to_celsius(range.first) == Approx(20.0));
  CHECK(magmat::to_celsius(range.second) == Approx(150.0));
  CHECK(fitted.is_extrapolated(from_celsius(180.0)));
  CHECK(fitted.is_extrapolated(from_celsius(0.0)));
  CHECK(fitted.intrinsic_coercivity(from_celsius(150.001)).value() ==
        Approx(fitted.intrinsic_coercivity(from_celsius(150.0)).value()).epsilon(1e-4));
  CHECK(fitted.intrinsic_coercivity(from_celsius(180.0)) < fitted.intrinsic_coercivity(from_celsius(150.0)));
  CHECK(fitted.demagnetization(from_celsius(180.0)).squareness() == table.curves.back().squareness);
  CHECK_FALSE(source.is_extrapolated(from_celsius(180.0)));
}

TEST_CASE("One curve is enough; the model carries it to other temperatures", "[curve_fit]") {
  const Magnet source = Catalog::builtin().grade("YXG28H");
  std::mt19937 rng(5);
  const Magnet fitted = magmat::fit_magnet_to_curves({sampled(source, 20.0, rng)}, curve_quantity::polarization,
                                                     "sm2co17", std::nullopt, "one curve");
  CHECK(fitted.remanence(from_celsius(20.0)).value() == Approx(source.remanence(from_celsius(20.0)).value()).epsilon(0.01));
  CHECK(fitted.is_extrapolated(from_celsius(100.0)));
  CHECK(fitted.remanence(from_celsius(100.0)) < fitted.remanence(from_celsius(20.0)));
}

TEST_CASE("Bad curves are refused with the curve and the reason named", "[curve_fit]") {
  const Magnet source = Catalog::builtin().grade("N42SH");
  std::mt19937 rng(9);
  const measured_curve good = sampled(source, 20.0, rng, 2e-3, 40);
  using Catch::Contains;
  const auto fit = [](std::vector<measured_curve> curves) {
    return magmat::fit_demagnetization_curves(std::move(curves), curve_quantity::polarization);
  };
  CHECK_THROWS_AS(fit({}), magmat::domain_error);
  measured_curve few{good.temperature, good.field.head(5), good.values.head(5)};
  CHECK_THROWS_WITH(fit({few}), Contains("at 20 degC") && Contains("4 points with H < 0, at least 8"));
  measured_curve nan = good;
  nan.values(3) = std::nan("");
  CHECK_THROWS_WITH(fit({nan}), Contains("point 3") && Contains("not finite"));
  measured_curve mismatched{good.temperature, good.field, good.values.head(30)};
  CHECK_THROWS_WITH(fit({mismatched}), Contains("H has 40 points, the values 30"));
  // second-quadrant fields given as positive magnitudes
  measured_curve flipped{good.temperature, -good.field, good.values};
  CHECK_THROWS_WITH(fit({flipped}), Contains("0 points with H < 0"));
  // the values in the opposite order of their fields: J falls as H rises
  measured_curve reversed{good.temperature, good.field, good.values.reverse()};
  CHECK_THROWS_WITH(fit({reversed}), Contains("J must rise with H"));
  CHECK_THROWS_WITH(fit({good, good}), Contains("two curves at 20 degC"));
  // a curve that stops at 60 % of HcJ, before its knee
  const measured_curve short_of_knee = sampled(source, 20.0, rng, 2e-3, 40, -0.0);
  measured_curve stopped{short_of_knee.temperature, short_of_knee.field.head(22), short_of_knee.values.head(22)};
  CHECK_THROWS_WITH(fit({stopped}), Contains("short of the knee"));
  CHECK_THROWS_AS(magmat::fit_magnet_to_curves({good}, curve_quantity::polarization, "alnico", std::nullopt, "x"),
                  magmat::unknown_name_error);
  CHECK_THROWS_AS(magmat::fit_magnet_to_curves({good}, curve_quantity::polarization, "ndfeb_sintered",
                                               std::string("sintered_ferrite"), "x"),
                  magmat::unknown_name_error);
}
