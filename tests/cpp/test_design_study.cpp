// Tests of design_study.hpp: like-for-like magnet masses (equal_basis) and the accounts that
// follow them.
#include <catch2/catch.hpp>

#include <magmat/catalog.hpp>
#include <magmat/design_study.hpp>
#include <magmat/errors.hpp>

#include <algorithm>
#include <cmath>

using Catch::Detail::Approx;
using magmat::equal_basis;
using magmat::from_celsius;

namespace {

magmat::requirement hot_requirement() {
  magmat::requirement r;
  r.temperature = from_celsius(150.0);
  r.permeance = 2.0;
  return r;
}

magmat::study run(equal_basis equal, const magmat::requirement& r = hot_requirement()) {
  magmat::study_options o;
  o.strategies = {"bulk_dy", "gbd_tb", "smco5", "ferrite"};
  o.magnet_mass = magmat::mass::from_value(1.2);
  o.units_per_year = 1000.0;
  o.equal = equal;
  return magmat::design_study(r, o);
}

} // namespace

TEST_CASE("Like for like: flux and energy scale each magnet's mass from the baseline's", "[design_study]") {
  const auto t = from_celsius(150.0);
  for (const auto equal : {equal_basis::flux, equal_basis::energy}) {
    const magmat::study s = run(equal);
    CHECK(s.equal == equal);
    const auto& base = s.row("bulk_dy");
    REQUIRE(base.feasible);
    CHECK(base.magnet_mass.value() == 1.2);
    for (const auto& row : s.rows) {
      if (!row.feasible) continue;
      const auto figure = [&](const magmat::Magnet& m) {
        return equal == equal_basis::flux ? m.remanence(t).value() : m.max_energy_product(t).value();
      };
      const double expected = 1.2 * figure(*base.magnet) / figure(*row.magnet) *
                              (row.magnet->density().value() / base.magnet->density().value());
      INFO(row.strategy);
      CHECK(row.magnet_mass.value() == Approx(expected).epsilon(1e-12));
      // the accounts follow the scaled mass
      for (const auto& [element, w] : row.mass_fractions) {
        CHECK(row.kg_per_unit.at(element) == Approx(w * row.magnet_mass.value()).epsilon(1e-12));
        CHECK(row.tonnes_per_year.at(element) == Approx(w * row.magnet_mass.value()).epsilon(1e-12)); // 1000 units
      }
    }
    // ferrite gives far less flux per kg: much more of it for the same flux
    CHECK(s.row("ferrite").magnet_mass.value() > 2.0 * 1.2);
  }
  // "mass" leaves every magnet at the given mass
  for (const auto& row : run(equal_basis::mass).rows) CHECK(row.magnet_mass.value() == 1.2);
}

TEST_CASE("Like for like needs a feasible baseline, and says so when there is none", "[design_study]") {
  magmat::requirement r = hot_requirement();
  r.temperature = from_celsius(330.0); // beyond any NdFeB magnet: the bulk-Dy baseline fails
  const magmat::study s = run(equal_basis::flux, r);
  REQUIRE_FALSE(s.row("bulk_dy").feasible);
  for (const auto& row : s.rows) CHECK(row.magnet_mass.value() == 1.2);
  CHECK(s.baseline_note.find("nothing to match like for like") != std::string::npos);
}

TEST_CASE("A row names the derived and unconfirmed data its magnet rests on", "[design_study]") {
  const magmat::study s = run(equal_basis::mass);
  for (const auto& row : s.rows) {
    if (!row.magnet) continue;
    INFO(row.strategy);
    REQUIRE_FALSE(row.assumptions.empty());
    for (std::size_t i = 0; i < row.assumptions.size(); ++i) {
      CHECK(row.assumptions[i].level != magmat::confidence::confirmed);
      if (i > 0) CHECK(row.assumptions[i - 1].parameter < row.assumptions[i].parameter); // sorted, once each
    }
    for (const auto& [name, tag] : row.magnet->process().sources) {
      const std::string key = "process." + name; // a structured binding: clang 14 cannot capture it
      const bool listed = std::any_of(row.assumptions.begin(), row.assumptions.end(),
                                      [&](const auto& a) { return a.parameter == key; });
      CHECK(listed == (tag.confidence != magmat::confidence::confirmed));
    }
  }
  const auto& dy = s.row("bulk_dy").assumptions;
  CHECK(std::any_of(dy.begin(), dy.end(), [](const auto& a) { return a.parameter.rfind("phase.Dy2Fe14B.", 0) == 0; }));
  CHECK(s.row("bulk_dy").rests_on_unconfirmed());
}

// Issue [12] item 9: finite arguments whose product overflows gave inf t/year in every row.
TEST_CASE("A yearly demand that overflows raises domain_error naming magnet_mass and units_per_year", "[design_study][errors]") {
  magmat::study_options o;
  o.strategies = {"bulk_dy"};
  o.magnet_mass = magmat::mass::from_value(1e300);
  o.units_per_year = 1e300;
  CHECK_THROWS_AS(magmat::design_study(hot_requirement(), o), magmat::domain_error);
  CHECK_THROWS_WITH(magmat::design_study(hot_requirement(), o),
                    Catch::Contains("magnet mass") && Catch::Contains("units_per_year"));
  // a tiny mass per unit with a huge demand overflows the units made
  magmat::study_options tiny;
  tiny.strategies = {"bulk_dy"};
  tiny.magnet_mass = magmat::mass::from_value(1e-300);
  tiny.magnet_tonnes_per_year = 1e300;
  CHECK_THROWS_WITH(magmat::design_study(hot_requirement(), tiny), Catch::Contains("magnet_tonnes_per_year"));
  // large but finite demands stay finite in every row
  magmat::study_options big;
  big.magnet_mass = magmat::mass::from_value(1e150);
  big.units_per_year = 1e150;
  for (const auto& row : magmat::design_study(hot_requirement(), big).rows)
    for (const auto& [element, tonnes] : row.tonnes_per_year) CHECK(std::isfinite(tonnes));
}

TEST_CASE("A magnet of one's own as the baseline is checked as it is, and savings count against it", "[design_study]") {
  const auto r = hot_requirement();
  const magmat::Magnet own = magmat::Catalog::builtin().grade("N42SH");
  magmat::study_options o;
  o.strategies = {"bulk_dy", "gbd_tb", "ferrite"};
  o.baseline_magnet = own;
  o.magnet_mass = magmat::mass::from_value(1.2);
  o.units_per_year = 1000.0;
  const auto s = magmat::design_study(r, o);
  CHECK(s.baseline == "N42SH");
  REQUIRE(s.rows.size() == 4);
  CHECK(s.rows.front().strategy == "N42SH"); // the baseline's row leads, as a strategy baseline's does
  const auto& base = s.row("N42SH");
  const auto check = magmat::check_requirement(own, r);
  CHECK(base.feasible == check.met);
  CHECK(base.reason == check.reason);
  const auto& c = own.composition();
  CHECK(base.level == Approx(c.mass_fraction(magmat::Element::Dy) + c.mass_fraction(magmat::Element::Tb)));
  REQUIRE(base.feasible); // N42SH holds its knee at 150 degC on Pc = 2 (its SH class)
  CHECK(base.tonnes_per_year.at(magmat::Element::Dy) ==
        Approx(c.mass_fraction(magmat::Element::Dy) * 1.2 * 1000.0 / 1000.0));
  const auto& gbd = s.row("gbd_tb");
  REQUIRE(gbd.feasible);
  for (magmat::Element e : magmat::study_elements())
    CHECK(gbd.saving_vs_baseline.at(e) == Approx(base.tonnes_per_year.at(e) - gbd.tonnes_per_year.at(e)).margin(1e-12));
  CHECK(s.baseline_note.empty()); // a catalog grade has no measured range to leave

  // Like for like scales from the user's magnet.
  o.equal = equal_basis::flux;
  const auto flux = magmat::design_study(r, o);
  CHECK(flux.row("N42SH").magnet_mass.value() == Approx(1.2));
  const auto& g = *flux.row("gbd_tb").magnet;
  CHECK(flux.row("gbd_tb").magnet_mass.value() ==
        Approx(1.2 * own.remanence(r.temperature).value() / g.remanence(r.temperature).value() *
               g.density().value() / own.density().value()));
}

TEST_CASE("A baseline magnet named like a strategy is refused", "[design_study][errors]") {
  magmat::study_options o;
  o.strategies = {"bulk_dy"};
  // A user's grade file whose grade is called like the strategy.
  const auto catalog = magmat::Catalog::from_json(
      R"({"schema":"magmat-grades/1","family":"ndfeb_sintered","grades":[{"name":"bulk_dy",)"
      R"("remanence":{"typical":{"value":1.30,"unit":"T"},"source":"x"},)"
      R"("intrinsic_coercivity":{"min":{"value":1000,"unit":"kA/m"},"source":"x"},)"
      R"("max_energy_product":{"typical":{"value":320,"unit":"kJ/m3"},"source":"x"}}]})",
      "clash.json");
  o.baseline_magnet = catalog.grade("bulk_dy");
  CHECK_THROWS_AS(magmat::design_study(hot_requirement(), o), magmat::domain_error);
  CHECK_THROWS_WITH(magmat::design_study(hot_requirement(), o), Catch::Contains("named 'bulk_dy'"));
}
