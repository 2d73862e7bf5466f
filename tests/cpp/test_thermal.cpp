// Tests of thermal.hpp: operating points, irreversible loss, operating temperature limits and
// on-axis fields, for catalog grades and composition-defined magnets of every family.
#include <catch2/catch.hpp>

#include <magmat/catalog.hpp>
#include <magmat/errors.hpp>
#include <magmat/permeance.hpp>
#include <magmat/thermal.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <vector>

using Catch::Detail::Approx;
using magmat::Composition;
using magmat::Magnet;
using magmat::from_celsius;
using magmat::to_celsius;

namespace {
constexpr double mu0 = magmat::vacuum_permeability_h_per_m;
const auto no_field = magmat::magnetic_field_strength::from_value(0.0);
magmat::length metres(double v) { return magmat::length::from_value(v); }

std::vector<Magnet> every_kind() {
  return {magmat::Catalog::builtin().grade("N42SH"),
          Magnet::from_composition(Composition::from_mass_percent({{magmat::Element::Nd, 31.0}, {magmat::Element::B, 1.0}},
                                                                  magmat::Element::Fe), "sintered"),
          Magnet::from_composition(Composition::from_formula("SmCo5"), "sintered"),
          Magnet::from_composition(Composition::from_formula("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5"), "sintered"),
          Magnet::from_composition(Composition::from_formula("SrFe12O19"), "sintered_ferrite")};
}
} // namespace

TEST_CASE("The operating point lies on both the load line and the normal curve", "[thermal]") {
  for (const Magnet& magnet : every_kind()) {
    INFO(magnet.name());
    for (double external : {0.0, 2e4}) {
      const auto h_ext = magmat::magnetic_field_strength::from_value(external);
      const auto point = magmat::find_operating_point(magnet, 2.0, from_celsius(100.0), h_ext);
      const double h = point.field.value();
      CHECK(point.flux_density.value() == Approx(-mu0 * 2.0 * (h + external)).margin(1e-9));
      CHECK(point.flux_density.value() ==
            Approx(magnet.demagnetization(from_celsius(100.0)).flux_density(point.field).value()).margin(1e-12));
    }
  }
}

TEST_CASE("On the linear recoil line the operating point has the closed form of brief §6.1", "[thermal]") {
  const Magnet magnet = magmat::Catalog::builtin().grade("N42SH");
  const auto t = from_celsius(20.0);
  const double br = magnet.remanence(t).value(), mu_rec = magnet.process().recoil_permeability;
  for (double pc : {0.5, 1.0, 2.0, 5.0}) {
    const auto point = magmat::find_operating_point(magnet, pc, t, no_field);
    CHECK(point.flux_density.value() == Approx(br * pc / (pc + mu_rec)).epsilon(1e-6));
    CHECK(point.field.value() == Approx(-br / (mu0 * (pc + mu_rec))).epsilon(1e-6));
    CHECK_FALSE(point.beyond_knee);
  }
}

TEST_CASE("An external reverse field pushes the operating point towards the knee", "[thermal]") {
  const Magnet magnet = magmat::Catalog::builtin().grade("N42");
  const auto t = from_celsius(100.0);
  const auto quiet = magmat::find_operating_point(magnet, 2.0, t, no_field);
  const auto loaded = magmat::find_operating_point(magnet, 2.0, t, magmat::magnetic_field_strength::from_value(4e5));
  CHECK(loaded.field.value() < quiet.field.value());
  CHECK(loaded.beyond_knee);
}

TEST_CASE("A higher coercivity letter of the same Br class runs hotter at the same Pc", "[thermal]") {
  const auto& catalog = magmat::Catalog::builtin();
  const double n42 = to_celsius(magmat::max_operating_temperature(catalog.grade("N42"), 2.0, 0.0, no_field));
  const double n42sh = to_celsius(magmat::max_operating_temperature(catalog.grade("N42SH"), 2.0, 0.0, no_field));
  CHECK(n42sh > n42);
  CHECK(n42 > 20.0);
}

TEST_CASE("Maximum operating temperatures at Pc 2 rise with the coercivity letter over the catalog", "[thermal]") {
  // Grades of one (BH)max class (the number in the name) have similar Br; within a class the
  // limit must rise N < M < H < SH < UH < EH < AH.
  const std::map<std::string, int> order{{"", 0}, {"M", 1}, {"H", 2}, {"SH", 3}, {"UH", 4}, {"EH", 5}, {"AH", 6}};
  std::map<int, std::map<int, double>> by_class; // class number -> letter rank -> T max
  const auto& catalog = magmat::Catalog::builtin();
  int compared = 0;
  for (const auto& g : catalog.records()) {
    if (g.family != "ndfeb_sintered") continue;
    const auto letter = order.find(magmat::coercivity_letter(g.name));
    if (letter == order.end()) continue;
    const int number = std::atoi(g.name.c_str() + g.name.find_first_of("0123456789"));
    const double t = to_celsius(magmat::max_operating_temperature(catalog.grade(g.name), 2.0, 0.0, no_field));
    auto& slot = by_class[number];
    slot[letter->second] = slot.count(letter->second) ? std::min(slot[letter->second], t) : t;
  }
  for (const auto& [number, letters] : by_class) {
    double previous = -1e9;
    for (const auto& [rank, t] : letters) {
      INFO("class " << number << ", letter rank " << rank << ": " << t << " degC");
      CHECK(t > previous);
      previous = t;
      ++compared;
    }
  }
  CHECK(compared >= 20);
}

TEST_CASE("Irreversible loss is zero inside the knee and grows beyond it", "[thermal]") {
  const Magnet magnet = magmat::Catalog::builtin().grade("N42");
  // the knee criterion and the loss agree: exactly 0 up to the knee limit, > 0 beyond it
  const double knee_limit = to_celsius(magmat::max_operating_temperature(magnet, 2.0, 0.0, no_field));
  CHECK(magmat::irreversible_loss(magnet, 2.0, from_celsius(60.0), no_field) == 0.0);
  CHECK(magmat::irreversible_loss(magnet, 2.0, from_celsius(knee_limit - 0.01), no_field) == 0.0);
  CHECK(magmat::irreversible_loss(magnet, 2.0, from_celsius(knee_limit + 0.5), no_field) > 0.0);
  const double hot = magmat::irreversible_loss(magnet, 2.0, from_celsius(knee_limit + 10.0), no_field);
  const double hotter = magmat::irreversible_loss(magnet, 2.0, from_celsius(knee_limit + 25.0), no_field);
  CHECK(hot > 0.01);
  CHECK(hotter > hot);
  CHECK(hotter <= 1.0);
  // the limit found for a 5 % loss lies where the loss is 5 %
  const auto limit = magmat::max_operating_temperature(magnet, 2.0, 0.05, no_field);
  CHECK(magmat::irreversible_loss(magnet, 2.0, limit, no_field) == Approx(0.05).margin(1e-3));
}

TEST_CASE("Ferrite loses most at the cold end and has a cold operating limit", "[thermal]") {
  const Magnet ferrite = magmat::Catalog::builtin().grade("Y30");
  const double cold = magmat::irreversible_loss(ferrite, 0.5, from_celsius(-40.0), no_field);
  const double warm = magmat::irreversible_loss(ferrite, 0.5, from_celsius(100.0), no_field);
  CHECK(cold > warm);
  const double t_min = to_celsius(magmat::min_operating_temperature(ferrite, 0.7, 0.0, no_field));
  CHECK(t_min > -60.0);
  CHECK(t_min < 20.0);
  // at the limit the operating point sits at the knee
  const auto point = magmat::find_operating_point(ferrite, 0.7, from_celsius(t_min), no_field);
  CHECK(std::abs(point.field.value()) ==
        Approx(ferrite.demagnetization(from_celsius(t_min)).knee_field().value()).epsilon(1e-3));
}

TEST_CASE("A magnet beyond its limit at 20 degC is reported as infeasible", "[thermal]") {
  const Magnet ferrite = magmat::Catalog::builtin().grade("Y30");
  CHECK_THROWS_AS(magmat::max_operating_temperature(ferrite, 0.1, 0.0, no_field), magmat::infeasible_error);
}

TEST_CASE("On-axis field of a cylinder: at the face about J/2 times the closed form, falling with distance",
          "[thermal]") {
  const Magnet magnet = magmat::Catalog::builtin().grade("N42");
  const auto t = from_celsius(20.0);
  const double at_face = magmat::field_on_axis_cylinder(magnet, metres(0.01), metres(0.01), metres(0.0), t).value();
  const double far = magmat::field_on_axis_cylinder(magnet, metres(0.01), metres(0.01), metres(0.01), t).value();
  const double br = magnet.remanence(t).value();
  // B(0) = (J/2) L/sqrt(L^2 + R^2) = 0.447 J for L = D, with J just below Br
  CHECK(at_face == Approx(0.5 * br / std::sqrt(1.25)).epsilon(0.02));
  CHECK(far < 0.3 * at_face);
  const double block = magmat::field_on_axis_block(magnet, metres(0.01), metres(0.01), metres(0.01), metres(0.0), t).value();
  CHECK(block > 0.0);
  CHECK(block < br);
  CHECK_THROWS_AS(magmat::field_on_axis_cylinder(magnet, metres(0.01), metres(0.01), metres(-1.0), t),
                  magmat::domain_error);
}

TEST_CASE("Bad load-line input is refused", "[thermal]") {
  const Magnet magnet = magmat::Catalog::builtin().grade("N42");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(magmat::find_operating_point(magnet, -1.0, from_celsius(20.0), no_field), Catch::Contains("Pc"));
  CHECK_THROWS_AS(magmat::find_operating_point(magnet, nan, from_celsius(20.0), no_field), magmat::domain_error);
  CHECK_THROWS_AS(magmat::find_operating_point(magnet, 2.0, from_celsius(400.0), no_field), magmat::domain_error);
  CHECK_THROWS_AS(magmat::find_operating_point(magnet, 2.0, from_celsius(20.0),
                                               magmat::magnetic_field_strength::from_value(nan)),
                  magmat::domain_error);
  CHECK_THROWS_AS(magmat::max_operating_temperature(magnet, 2.0, 1.5, no_field), magmat::domain_error);
}

TEST_CASE("The computed rating: an L/D = 0.7 cylinder with no part past its knee", "[thermal]") {
  const auto& catalog = magmat::Catalog::builtin();
  const double pole_face_pc = 1.0 / (1.0 - 0.35 / std::hypot(0.7, 0.5)) - 1.0; // local Pc at a pole-face centre
  for (const auto& [name, printed] : std::map<std::string, double>{{"N42", 80.0}, {"N42M", 100.0}, {"N42H", 120.0}}) {
    INFO(name);
    const magmat::Grade g = catalog.grade(name);
    const auto rated = magmat::rated_temperature(g);
    CHECK(rated.permeance == Approx(pole_face_pc).epsilon(1e-12));
    CHECK_FALSE(rated.range_end);
    CHECK(to_celsius(rated.temperature) ==
          Approx(to_celsius(magmat::max_operating_temperature(g, pole_face_pc, 0.0,
                                                              magmat::magnetic_field_strength::from_value(0.0)))));
    CHECK(std::abs(to_celsius(rated.temperature) - printed) <= 15.0);
  }
  // a ferrite's model range ends before its knee: flagged
  const auto ferrite = magmat::rated_temperature(catalog.grade("Y30"));
  CHECK(ferrite.range_end);
  CHECK(to_celsius(ferrite.temperature) == Approx(249.99));
}

TEST_CASE("Loss over a shape: nothing until the onset, which is the rating's criterion", "[thermal]") {
  using magmat::length;
  const magmat::Grade g = magmat::Catalog::builtin().grade("N42H");
  const magmat::magnet_shape rating = magmat::cylinder_shape{length::from_value(0.007), length::from_value(0.01)};
  const auto none = magmat::magnetic_field_strength::from_value(0.0);
  const auto onset = magmat::max_operating_temperature(g, rating, 0.0, none);
  CHECK(to_celsius(onset) == Approx(to_celsius(magmat::rated_temperature(g).temperature)).margin(1e-3));
  CHECK(magmat::irreversible_loss(g, rating, onset, none) == 0.0);
  const double hotter = magmat::irreversible_loss(g, rating, from_celsius(to_celsius(onset) + 20.0), none);
  CHECK(hotter > 0.0);
  CHECK(hotter < 1.0);
  // a loss budget is kept at the temperature returned for it
  const auto budget = magmat::max_operating_temperature(g, rating, 0.02, none);
  CHECK(magmat::irreversible_loss(g, rating, budget, none) <= 0.02);
  CHECK(to_celsius(budget) > to_celsius(onset));
  // the field inside the magnet (a simulation's) weighs more than the same load-line shift
  const auto field = magmat::magnetic_field_strength::from_value(1e5);
  CHECK(magmat::irreversible_loss(g, rating, onset, field, magmat::external_field_kind::in_magnet) >
        magmat::irreversible_loss(g, rating, onset, field, magmat::external_field_kind::applied));
  CHECK_THROWS_AS(magmat::max_operating_temperature(g, rating, 1.0, none), magmat::domain_error);
}
