// Tests of heavy_rare_earth.hpp and design_study.hpp: requirements, strategies, the solver and
// design studies.
#include <catch2/catch.hpp>

#include "data_parsers.hpp"

#include <magmat/catalog.hpp>
#include <magmat/design_study.hpp>
#include <magmat/errors.hpp>
#include <magmat/thermal.hpp>

#include <cmath>
#include <limits>

using Catch::Detail::Approx;
using magmat::Element;
using magmat::from_celsius;
using magmat::requirement;

namespace {
requirement at(double celsius, double pc) {
  requirement r;
  r.temperature = from_celsius(celsius);
  r.permeance = pc;
  return r;
}
requirement coercive(double celsius, double a_per_m) {
  requirement r;
  r.temperature = from_celsius(celsius);
  r.min_intrinsic_coercivity = magmat::magnetic_field_strength::from_value(a_per_m);
  return r;
}
double dy_needed(const char* strategy, const requirement& r) {
  const auto solution = magmat::solve_strategy(magmat::strategy_data(strategy), r);
  REQUIRE(solution.feasible);
  return solution.level;
}
} // namespace

TEST_CASE("Every shipped strategy is listed in table order and loads", "[heavy_rare_earth]") {
  const auto names = magmat::strategy_names();
  REQUIRE(names.size() == 10);
  CHECK(names.front() == "bulk_dy");
  CHECK(names.back() == "ferrite");
  for (const auto& name : names) CHECK_FALSE(magmat::strategy_data(name).description.empty());
  CHECK_THROWS_AS(magmat::strategy_data("bulk_ho"), magmat::unknown_name_error);
}

TEST_CASE("Grain-boundary diffusion needs less Dy than bulk alloying, and Tb less than Dy", "[heavy_rare_earth]") {
  const requirement r = coercive(150.0, 3e5);
  const double bulk_dy = dy_needed("bulk_dy", r), gbd_dy = dy_needed("gbd_dy", r);
  const double bulk_tb = dy_needed("bulk_tb", r), gbd_tb = dy_needed("gbd_tb", r);
  CHECK(gbd_dy < bulk_dy);
  CHECK(bulk_tb < bulk_dy);
  CHECK(gbd_tb < gbd_dy);
  // The strategy takes the process's calibrated shell fraction (materials/processes/, CRE18-GBD):
  // with the Dy concentrated 1/f-fold in the shells, about that fraction of the bulk amount.
  const double shell =
      magmat::process_data(magmat::phase_family::r2fe14b, "grain_boundary_diffused").shell_volume_fraction;
  CHECK(shell == Approx(0.1226));
  CHECK(gbd_dy / bulk_dy == Approx(shell).margin(0.03));
}

TEST_CASE("Required Dy rises monotonically with the operating temperature", "[heavy_rare_earth]") {
  double previous = -1.0;
  for (double c : {60.0, 80.0, 100.0, 120.0, 140.0, 160.0}) {
    INFO(c << " degC");
    const double dy = dy_needed("bulk_dy", coercive(c, 2e5));
    CHECK(dy >= previous);
    previous = dy;
  }
  CHECK(previous > 0.0);
}

TEST_CASE("Every feasible solution meets its requirement when checked independently", "[heavy_rare_earth]") {
  for (const requirement& r : {at(150.0, 2.0), at(120.0, 1.0), coercive(180.0, 6e5)}) {
    for (const auto& name : magmat::strategy_names()) {
      const auto solution = magmat::solve_strategy(magmat::strategy_data(name), r);
      INFO(name << ": " << solution.reason);
      if (!solution.feasible) {
        CHECK_FALSE(solution.reason.empty());
        continue;
      }
      REQUIRE(solution.magnet);
      const auto& m = *solution.magnet;
      if (r.min_intrinsic_coercivity) CHECK(m.intrinsic_coercivity(r.temperature) >= *r.min_intrinsic_coercivity);
      if (r.permeance) {
        const auto point = magmat::find_operating_point(m, *r.permeance, r.temperature, r.external_field);
        CHECK_FALSE(point.beyond_knee);
      }
    }
  }
}

TEST_CASE("A strategy that cannot reach the requirement says why", "[heavy_rare_earth]") {
  const auto ferrite = magmat::solve_strategy(magmat::strategy_data("ferrite"), coercive(20.0, 2e6));
  CHECK_FALSE(ferrite.feasible);
  CHECK_THAT(ferrite.reason, Catch::Contains("HcJ"));
  const auto dy = magmat::solve_strategy(magmat::strategy_data("bulk_dy"), coercive(250.0, 2e6));
  CHECK_FALSE(dy.feasible);
  CHECK_THAT(dy.reason, Catch::Contains("even with"));
  requirement strong = coercive(150.0, 2e5);
  strong.min_remanence = magmat::magnetic_polarization::from_value(1.42);
  const auto short_br = magmat::solve_strategy(magmat::strategy_data("bulk_dy"), strong);
  CHECK_FALSE(short_br.feasible);
  CHECK_THAT(short_br.reason, Catch::Contains("Br"));
  magmat::strategy_overrides thick;
  thick.magnet_thickness = magmat::length::from_value(0.010);
  const auto gbd = magmat::solve_strategy(magmat::strategy_data("gbd_dy"), coercive(150.0, 6e5), thick);
  CHECK_FALSE(gbd.feasible);
  CHECK_THAT(gbd.reason, Catch::Contains("mm"));
}

TEST_CASE("Ce substitution keeps the most Ce that still meets a mild requirement", "[heavy_rare_earth]") {
  const auto solution = magmat::solve_strategy(magmat::strategy_data("ce_la_substituted"), coercive(60.0, 3e5));
  REQUIRE(solution.feasible);
  CHECK(solution.level > 0.0);
  CHECK(solution.level <= 0.5 + 1e-9);
  CHECK(solution.magnet->composition().mass_fraction(Element::Ce) > 0.0);
}

TEST_CASE("The Tb/Dy effectiveness ratio is an overridable parameter", "[heavy_rare_earth]") {
  const requirement r = coercive(150.0, 3e5);
  magmat::strategy_overrides weak, strong;
  weak.tb_dy_effectiveness = 1.0;
  strong.tb_dy_effectiveness = 2.0;
  const double with_weak = magmat::solve_strategy(magmat::strategy_data("bulk_tb"), r, weak).level;
  const double with_strong = magmat::solve_strategy(magmat::strategy_data("bulk_tb"), r, strong).level;
  CHECK(with_strong < with_weak);
  CHECK(with_strong == Approx(0.5 * with_weak).epsilon(0.02));
}

TEST_CASE("A PrNd base splits the light rare earth by pr_share, and a bad share is refused", "[heavy_rare_earth]") {
  magmat::strategy_overrides prnd;
  prnd.pr_share = 0.25;
  const auto& bulk = magmat::strategy_data("bulk_dy");
  const auto magnet = magmat::strategy_magnet(bulk, 0.02, prnd);
  const auto& c = magnet.composition();
  // 31 wt% rare earth, 2 wt% of it Dy: the other 29 wt% is PrNd, a quarter of it Pr by mass
  CHECK(c.mass_fraction(Element::Pr) == Approx(0.25 * 0.29).epsilon(1e-12));
  CHECK(c.mass_fraction(Element::Nd) == Approx(0.75 * 0.29).epsilon(1e-12));
  CHECK(c.mass_fraction(Element::Dy) == Approx(0.02).epsilon(1e-12));
  // Pr2Fe14B's anisotropy field is above Nd2Fe14B's at room temperature (Hirosawa 1986): more HcJ
  magmat::strategy_overrides nd;
  nd.pr_share = 0.0;
  const auto nd_only = magmat::strategy_magnet(bulk, 0.02, nd);
  CHECK(nd_only.composition().mass_fraction(Element::Pr) == 0.0);
  // unset, the share is the strategy's stored one: 1 Pr for 4 Nd atoms (AMES10-PRND)
  CHECK(bulk.pr_share == Approx(0.2 * 140.90766 / (0.2 * 140.90766 + 0.8 * 144.242)).epsilon(1e-3));
  CHECK(bulk.sources.at("pr_share") == "AMES10-PRND");
  const auto stored = magmat::strategy_magnet(bulk, 0.02).composition();
  CHECK(stored.mass_fraction(Element::Pr) == Approx(bulk.pr_share * 0.29).epsilon(1e-12));
  for (const auto& name : magmat::strategy_names()) {
    const auto& s = magmat::strategy_data(name);
    CHECK((s.composition ? s.pr_share == 0.0 : s.pr_share == bulk.pr_share));
  }
  CHECK(magnet.intrinsic_coercivity(magmat::from_celsius(20.0)).value() >
        nd_only.intrinsic_coercivity(magmat::from_celsius(20.0)).value());
  // the Ce/La base keeps its substitute and splits only the Nd
  const auto ce = magmat::strategy_magnet(magmat::strategy_data("ce_la_substituted"), 0.3, prnd).composition();
  CHECK(ce.mass_fraction(Element::Pr) == Approx(ce.mass_fraction(Element::Nd) / 3.0).epsilon(1e-12));
  CHECK(ce.mass_fraction(Element::Ce) > 0.0);
  // a fixed non-NdFeB strategy has no light rare earth to split
  CHECK(magmat::strategy_magnet(magmat::strategy_data("smco5"), 0.0, prnd).composition().mass_fraction(Element::Pr) == 0.0);
  for (const double bad : {-0.1, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
    magmat::strategy_overrides o;
    o.pr_share = bad;
    CHECK_THROWS_WITH(magmat::solve_strategy(bulk, coercive(150.0, 3e5), o), Catch::Contains("pr_share"));
    CHECK_THROWS_AS(magmat::strategy_magnet(bulk, 0.02, o), magmat::domain_error);
  }
}

TEST_CASE("A strategy file's base.pr_share outside 0-100 percent is a data error naming where", "[heavy_rare_earth]") {
  const auto file = [](const std::string& share) {
    return R"({"schema": "magmat-strategy/1", "name": "x", "description": "d", "kind": "fixed", "process": "sintered",
      "base": {"total_rare_earth": {"value": 31, "unit": "%", "source": "S"}, "boron": {"value": 1, "unit": "%", "source": "S"},
               "pr_share": {"value": )" + share + R"(, "unit": "%", "source": "S"}}})";
  };
  CHECK(magmat::detail::parse_strategy_file(file("19.63"), "x.json").pr_share == Approx(0.1963));
  for (const char* bad : {"-1", "150"})
    CHECK_THROWS_WITH(magmat::detail::parse_strategy_file(file(bad), "x.json"), Catch::Contains("/base/pr_share"));
}

TEST_CASE("A design study accounts rare earths per kg, per unit and per year, and savings", "[design_study]") {
  magmat::study_options options;
  options.magnet_mass = magmat::mass::from_value(1.5);
  options.units_per_year = 1e6;
  const auto study = magmat::design_study(at(150.0, 2.0), options);
  CHECK(study.rows.size() == 10);
  const auto& base = study.row("bulk_dy");
  REQUIRE(base.feasible);
  for (const auto& row : study.rows) {
    INFO(row.strategy);
    if (!row.feasible) continue;
    for (Element e : magmat::study_elements()) {
      CHECK(row.kg_per_unit.at(e) == Approx(1.5 * row.mass_fractions.at(e)));
      CHECK(row.tonnes_per_year.at(e) == Approx(1.5e6 * row.mass_fractions.at(e) / 1000.0));
      CHECK(row.saving_vs_baseline.at(e) == Approx(base.tonnes_per_year.at(e) - row.tonnes_per_year.at(e)));
    }
  }
  CHECK(study.row("gbd_dy").saving_vs_baseline.at(Element::Dy) > 0.0);
  CHECK(study.row("smco5").tonnes_per_year.at(Element::Sm) > 0.0);
  CHECK_THROWS_AS(study.row("nope"), magmat::unknown_name_error);
}

TEST_CASE("A design study can take the yearly magnet tonnage of a demand figure", "[design_study]") {
  magmat::study_options options;
  options.magnet_mass = magmat::mass::from_value(2.0);
  options.magnet_tonnes_per_year = 16100.0; // EV traction NdFeB in 2040 (seed digest)
  options.strategies = {"bulk_dy", "gbd_dy"};
  const auto study = magmat::design_study(at(150.0, 2.0), options);
  CHECK(study.magnet_tonnes_per_year == Approx(16100.0));
  CHECK(study.row("bulk_dy").tonnes_per_year.at(Element::Dy) ==
        Approx(16100.0 * study.row("bulk_dy").mass_fractions.at(Element::Dy)));
}

// Regression (test_robustness.py): an infinite minimum was accepted and every strategy came
// back "infeasible" with "inf A/m" in its reason instead of an error naming the argument.
TEST_CASE("Infinite minima in a requirement are refused", "[design_study]") {
  const double inf = std::numeric_limits<double>::infinity();
  requirement hcj = coercive(150.0, inf);
  CHECK_THROWS_WITH(magmat::validate(hcj), Catch::Contains("min_intrinsic_coercivity must be finite"));
  CHECK_THROWS_AS(magmat::design_study(hcj), magmat::domain_error);
  requirement br = at(150.0, 2.0);
  br.min_remanence = magmat::magnetic_polarization::from_value(inf);
  CHECK_THROWS_WITH(magmat::validate(br), Catch::Contains("min_remanence must be finite"));
  requirement bh = at(150.0, 2.0);
  bh.min_max_energy_product = magmat::energy_density::from_value(inf);
  CHECK_THROWS_WITH(magmat::validate(bh), Catch::Contains("min_max_energy_product must be finite"));
}

TEST_CASE("Bad requirements and options are refused", "[design_study]") {
  requirement nothing;
  CHECK_THROWS_WITH(magmat::validate(nothing), Catch::Contains("min_intrinsic_coercivity, permeance or shape"));
  CHECK_THROWS_AS(magmat::validate(at(150.0, -1.0)), magmat::domain_error);
  CHECK_THROWS_AS(magmat::validate(at(std::numeric_limits<double>::quiet_NaN(), 2.0)), magmat::domain_error);
  requirement lossy = at(150.0, 2.0);
  lossy.max_irreversible_loss = 1.5;
  CHECK_THROWS_WITH(magmat::validate(lossy), Catch::Contains("max_irreversible_loss"));
  magmat::study_options negative;
  negative.units_per_year = -5.0;
  CHECK_THROWS_WITH(magmat::design_study(at(150.0, 2.0), negative), Catch::Contains("units_per_year"));
  magmat::study_options unknown;
  unknown.strategies = {"bulk_dy", "magic"};
  CHECK_THROWS_AS(magmat::design_study(at(150.0, 2.0), unknown), magmat::unknown_name_error);
}

TEST_CASE("Study costs use the price table and never count an unpriced element as free", "[design_study]") {
  magmat::price_table table;
  table.name = "test";
  table.currency = "USD";
  table.price_per_kg = {{Element::Nd, 50.0}, {Element::Pr, 60.0}, {Element::Dy, 300.0}, {Element::Fe, 0.5}};
  magmat::study_options options;
  options.strategies = {"bulk_dy"};
  options.prices = &table;
  const auto partial = magmat::design_study(coercive(150.0, 3e5), options).row("bulk_dy");
  CHECK_FALSE(partial.cost_per_kg);
  REQUIRE(partial.unpriced_elements == std::vector<Element>{Element::B});
  const auto& c = partial.magnet->composition();
  CHECK(*partial.rare_earth_cost_per_kg ==
        Approx(50.0 * c.mass_fraction(Element::Nd) + 60.0 * c.mass_fraction(Element::Pr) +
               300.0 * c.mass_fraction(Element::Dy)));
  CHECK(c.mass_fraction(Element::Pr) > 0.0); // the stored PrNd base
  table.price_per_kg[Element::B] = 5.0;
  const auto full = magmat::design_study(coercive(150.0, 3e5), options).row("bulk_dy");
  REQUIRE(full.cost_per_kg);
  CHECK(*full.cost_per_kg == Approx(*full.rare_earth_cost_per_kg + 0.5 * c.mass_fraction(Element::Fe) +
                                    5.0 * c.mass_fraction(Element::B)));
}

TEST_CASE("A requirement with a shape is met exactly when the shaped magnet's onset lies above it", "[heavy_rare_earth]") {
  using magmat::length;
  requirement r;
  r.temperature = from_celsius(150.0);
  r.shape = magmat::cylinder_shape{length::from_value(0.007), length::from_value(0.01)};
  const auto solution = magmat::solve_strategy(magmat::strategy_data("gbd_tb"), r);
  REQUIRE(solution.feasible);
  REQUIRE(solution.magnet);
  const auto none = magmat::magnetic_field_strength::from_value(0.0);
  CHECK(magmat::irreversible_loss(*solution.magnet, *r.shape, r.temperature, none) == 0.0);
  CHECK(magmat::to_celsius(magmat::max_operating_temperature(*solution.magnet, *r.shape, 0.0, none)) >= 150.0 - 1e-2);
  CHECK(magmat::check_requirement(*solution.magnet, r).met);
  requirement both = r;
  both.permeance = 2.0;
  CHECK_THROWS_WITH(magmat::validate(both), Catch::Contains("not both"));
  requirement inside = at(100.0, 2.0);
  inside.field_kind = magmat::external_field_kind::in_magnet;
  CHECK_THROWS_WITH(magmat::validate(inside), Catch::Contains("needs the requirement's shape"));
}

TEST_CASE("Duty points, knee margin and Br at temperature", "[heavy_rare_earth]") {
  using magmat::from_celsius;
  magmat::requirement r;
  r.temperature = from_celsius(150.0);
  r.permeance = 2.0;
  const magmat::Magnet g = magmat::Catalog::builtin().grade("N42SH");
  REQUIRE(magmat::check_requirement(g, r).met);
  // a peak point the grade cannot hold is named
  r.duty = {{from_celsius(100.0), magmat::magnetic_field_strength::from_value(0.0)},
            {from_celsius(20.0), magmat::magnetic_field_strength::from_value(5e6)}};
  const auto failed = magmat::check_requirement(g, r);
  CHECK_FALSE(failed.met);
  CHECK(failed.reason.rfind("duty[1] (20 degC, external field 5000 kA/m): ", 0) == 0);
  r.duty.pop_back();
  CHECK(magmat::check_requirement(g, r).met);
  // a knee margin larger than the grade's at 150 degC fails with the margin quoted
  const auto curve = g.demagnetization(from_celsius(150.0));
  const double h = magmat::find_operating_point(g, 2.0, from_celsius(150.0),
                                                magmat::magnetic_field_strength::from_value(0.0)).field.value();
  const double margin = (curve.knee_field().value() - std::abs(h)) / curve.knee_field().value();
  r.knee_margin = margin + 0.01;
  CHECK(magmat::check_requirement(g, r).reason.find("less than the required knee margin") != std::string::npos);
  r.knee_margin = margin - 0.01;
  CHECK(magmat::check_requirement(g, r).met);
  // Br where it is used
  r.min_remanence_at_temperature = magmat::magnetic_polarization::from_value(g.remanence(from_celsius(150.0)).value() + 0.01);
  CHECK(magmat::check_requirement(g, r).reason.rfind("Br at 150 degC", 0) == 0);
  // malformed parts are refused by name
  r.min_remanence_at_temperature.reset();
  r.knee_margin = 1.0;
  CHECK_THROWS_WITH(magmat::validate(r), Catch::Contains("knee_margin must lie in [0, 1)"));
  r.knee_margin = 0.1;
  r.max_irreversible_loss = 0.02;
  CHECK_THROWS_WITH(magmat::validate(r), Catch::Contains("onset criterion"));
}

// Issue [12] item 8: a bad override used to make strategies "infeasible" (the solver reads a
// domain_error at one level as "this level cannot be made"); it is refused up front, named.
TEST_CASE("Bad strategy overrides raise domain_error naming the argument, not 'infeasible'", "[heavy_rare_earth][errors]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const auto r = coercive(150.0, 1.6e6);
  const auto check_refused = [&](const char* strategy, const magmat::strategy_overrides& o, const char* name) {
    INFO(strategy << ": " << name);
    CHECK_THROWS_AS(magmat::solve_strategy(magmat::strategy_data(strategy), r, o), magmat::domain_error);
    CHECK_THROWS_WITH(magmat::solve_strategy(magmat::strategy_data(strategy), r, o), Catch::Contains(name));
    CHECK_THROWS_WITH(magmat::validate(o), Catch::Contains(name));
    magmat::study_options options;
    options.strategies = {strategy};
    options.overrides = o;
    CHECK_THROWS_WITH(magmat::design_study(r, options), Catch::Contains(name));
  };
  // gbd_efficiency: the shell is 1/efficiency of a grain, so 0.5 would be two grains' volume
  for (const double bad : {0.5, 0.0, -1.0, nan, inf}) {
    magmat::strategy_overrides o;
    o.gbd_efficiency = bad;
    check_refused("gbd_dy", o, "gbd_efficiency");
    check_refused("bulk_dy", o, "gbd_efficiency"); // a bad argument whichever strategy is asked
  }
  for (const double bad : {-1.0, 0.0, nan, inf}) {
    magmat::strategy_overrides o;
    o.tb_dy_effectiveness = bad;
    check_refused("gbd_tb", o, "tb_dy_effectiveness");
  }
  // bulk_tb searches up to 10 wt% Tb: at 3.1x its Dy-equivalent (10 x 3.1 x 162.5/158.93 =
  // 31.7 wt%) exceeds the base's 31 wt% rare earth, which made the strategy look infeasible
  {
    magmat::strategy_overrides o;
    o.tb_dy_effectiveness = 3.1;
    CHECK_NOTHROW(magmat::validate(o)); // a bound of this strategy's search, not of the value
    CHECK_THROWS_WITH(magmat::solve_strategy(magmat::strategy_data("bulk_tb"), r, o),
                      Catch::Contains("tb_dy_effectiveness") && Catch::Contains("must lie below 3.03"));
    o.tb_dy_effectiveness = 3.0; // 30.7 wt% Dy-equivalent at 10 wt% Tb: inside the base
    CHECK(magmat::solve_strategy(magmat::strategy_data("bulk_tb"), coercive(150.0, 8e5), o).feasible);
    o.tb_dy_effectiveness = 3.1; // gbd_tb searches up to 2 wt%: 3.1 is within its bound of 15.2
    CHECK_NOTHROW(magmat::solve_strategy(magmat::strategy_data("gbd_tb"), r, o));
  }
  for (const double bad : {2.0, -0.1, nan}) {
    magmat::strategy_overrides o;
    o.lanthanum_share = bad;
    check_refused("ce_la_substituted", o, "lanthanum_share");
  }
  for (const double bad : {-0.003, 0.0, nan, inf}) {
    magmat::strategy_overrides o;
    o.magnet_thickness = magmat::length::from_value(bad);
    check_refused("gbd_dy", o, "magnet_thickness");
  }
  // the edges are meaningful: efficiency 1 (the whole grain is shell), La share 0 and 1
  magmat::strategy_overrides edge;
  edge.gbd_efficiency = 1.0;
  edge.lanthanum_share = 1.0;
  edge.magnet_thickness = magmat::length::from_value(0.004);
  CHECK_NOTHROW(magmat::validate(edge));
  CHECK(magmat::solve_strategy(magmat::strategy_data("gbd_dy"), coercive(20.0, 1.0e6), edge).feasible);
}
