// Tests of scenarios.hpp: the seed's figures, interpolation, extrapolation and tonnage arithmetic.
#include <magmat/errors.hpp>
#include <magmat/scenarios.hpp>

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using Catch::Detail::Approx;
using namespace magmat;

TEST_CASE("the seed's figures at their years", "[scenarios]") {
  // METI-2025 intro footnote 1: 0.6万トン = 6,000 t (2017) -> 16.1万トン = 161,000 t (2040)
  const auto& ev = supply_scenario("ev_traction_ndfeb_world");
  CHECK(value_at(ev, 2017) == 6000.0);
  CHECK(value_at(ev, 2040) == 161000.0);
  CHECK(ev.unit == "t/year");
  CHECK(ev.source == "METI-2025");
  const auto& wind = supply_scenario("wind_ndfeb_world");
  CHECK(value_at(wind, 2017) == 8000.0);
  CHECK(value_at(wind, 2030) == 41000.0);
  const auto& rec = supply_scenario("recoverable_ndfeb_japan");
  CHECK(value_at(rec, 2020) == 300.0);
  CHECK(value_at(rec, 2030) == 1000.0);
  CHECK(value_at(rec, 2040) == 2500.0);
  CHECK(value_at(rec, 2050) == 5000.0);
  CHECK(rec.region == "Japan");
  const auto& sm = supply_scenario("samarium_demand_japan");
  CHECK(value_at(sm, 2021) == 80.0);
  CHECK(value_at(sm, 2015) == 80.0);
  CHECK(supply_scenario_names() == std::vector<std::string>{"ev_traction_ndfeb_world", "recoverable_ndfeb_japan",
                                                            "samarium_demand_japan", "wind_ndfeb_world"});
}

TEST_CASE("linear interpolation and extrapolation", "[scenarios]") {
  const auto& rec = supply_scenario("recoverable_ndfeb_japan");
  CHECK(value_at(rec, 2025) == Approx(650.0));
  CHECK(value_at(rec, 2045) == Approx(3750.0));
  CHECK(value_at(supply_scenario("ev_traction_ndfeb_world"), 2030) == Approx(6000.0 + 155000.0 * 13.0 / 23.0));
  CHECK_THROWS_AS(value_at(rec, 2051), domain_error);
  CHECK_THROWS_WITH(value_at(rec, 2019), Catch::Contains("2019") && Catch::Contains("2020-2050"));
  CHECK(value_at(rec, 2060, true) == Approx(7500.0));  // 5000 + 250/year
  CHECK(value_at(rec, 2010, true) == Approx(0.0));     // 300 - 70*10 < 0: clamped
  CHECK(value_at(rec, 2018, true) == Approx(160.0));
  CHECK_THROWS_AS(value_at(rec, std::numeric_limits<double>::quiet_NaN(), true), domain_error);
}

TEST_CASE("the seed's Sm arithmetic: 80 t Sm is a few hundred tonnes of SmCo", "[scenarios]") {
  const auto smco5 = Composition::from_formula("SmCo5");
  const auto sm2co17 = Composition::from_formula("Sm2Co17");
  // the seed's mass shares: about 33 % and about 23 %
  CHECK(smco5.mass_fraction(Element::Sm) == Approx(0.338).margin(0.005));
  CHECK(sm2co17.mass_fraction(Element::Sm) == Approx(0.231).margin(0.005));
  const double sm = value_at(supply_scenario("samarium_demand_japan"), 2021);
  const double t5 = compound_tonnes_from_element(sm, smco5, Element::Sm);
  const double t17 = compound_tonnes_from_element(sm, sm2co17, Element::Sm);
  CHECK(t5 == Approx(236.7).margin(1.0));
  CHECK(t17 == Approx(346.5).margin(1.0));
  CHECK(t5 > 100.0);
  CHECK(t17 < 1000.0);  // "a few hundred tonnes"
  CHECK_THROWS_AS(compound_tonnes_from_element(80.0, smco5, Element::Nd), domain_error);
  CHECK_THROWS_AS(compound_tonnes_from_element(-1.0, smco5, Element::Sm), domain_error);
}

TEST_CASE("element tonnages of a magnet and of a mix", "[scenarios]") {
  const auto nd = Composition::from_formula("Nd2Fe14B");
  const auto dy = Composition::from_formula("(Nd0.8Dy0.2)2Fe14B");
  const auto t = element_tonnes(1000.0, nd);
  CHECK(t.at(Element::Nd) == Approx(1000.0 * nd.mass_fraction(Element::Nd)));
  const auto mix = element_tonnes(1000.0, {{nd, 0.25}, {dy, 0.75}});
  CHECK(mix.at(Element::Dy) == Approx(750.0 * dy.mass_fraction(Element::Dy)));
  CHECK(mix.at(Element::Nd) == Approx(250.0 * nd.mass_fraction(Element::Nd) + 750.0 * dy.mass_fraction(Element::Nd)));
  double total = 0.0;
  for (const auto& [e, x] : mix) total += x;
  CHECK(total == Approx(1000.0));
  CHECK_THROWS_AS(element_tonnes(1000.0, {{nd, 0.5}, {dy, 0.49}}), domain_error);
  CHECK_THROWS_AS(element_tonnes(1000.0, {{nd, 1.5}, {dy, -0.5}}), domain_error);
  CHECK_THROWS_AS(element_tonnes(1000.0, std::vector<std::pair<Composition, double>>{}), domain_error);
  CHECK_THROWS_AS(element_tonnes(-1.0, nd), domain_error);
  CHECK_THROWS_AS(element_tonnes(std::numeric_limits<double>::quiet_NaN(), nd), domain_error);
}

TEST_CASE("recycled supply", "[scenarios]") {
  const auto& rec = supply_scenario("recoverable_ndfeb_japan");
  const auto scrap = Composition::from_formula("(Nd0.9Dy0.1)2Fe14B");
  const auto r = recycled_element_tonnes(rec, 2030, scrap, 0.9);
  CHECK(r.at(Element::Nd) == Approx(900.0 * scrap.mass_fraction(Element::Nd)));
  CHECK(r.at(Element::Dy) == Approx(900.0 * scrap.mass_fraction(Element::Dy)));
  CHECK(recycled_element_tonnes(rec, 2035, scrap, 1.0).at(Element::Dy) == Approx(1750.0 * scrap.mass_fraction(Element::Dy)));
  CHECK_THROWS_AS(recycled_element_tonnes(rec, 2030, scrap, 0.0), domain_error);
  CHECK_THROWS_AS(recycled_element_tonnes(rec, 2030, scrap, 1.1), domain_error);
  CHECK_THROWS_AS(recycled_element_tonnes(rec, 2030, scrap, std::numeric_limits<double>::quiet_NaN()), domain_error);
  CHECK_THROWS_AS(recycled_element_tonnes(rec, 2060, scrap, 1.0), domain_error);
}

TEST_CASE("an unknown scenario name lists the known names", "[scenarios][errors]") {
  CHECK_THROWS_AS(supply_scenario("ev_traction"), unknown_name_error);
  CHECK_THROWS_WITH(supply_scenario("ev_traction"), Catch::Contains("ev_traction_ndfeb_world"));
}
