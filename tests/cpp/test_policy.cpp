// Tests of policy.hpp: the programme's thresholds, the magnet criteria over the catalog and
// composition magnets, the motor target at its boundaries and the first-order sizing relations.
#include <catch2/catch.hpp>

#include <magmat/catalog.hpp>
#include <magmat/errors.hpp>
#include <magmat/policy.hpp>
#include <magmat/thermal.hpp>

#include <cmath>
#include <limits>
#include <numbers>
#include <type_traits>

using Catch::Detail::Approx;
using magmat::Composition;
using magmat::Magnet;
using magmat::from_celsius;

namespace {
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
magmat::length metres(double v) { return magmat::length::from_value(v); }
magmat::torque newton_metres(double v) { return magmat::torque::from_value(v); }
magmat::volume litres(double v) { return magmat::volume::from_value(v * magmat::cubic_metre_per_litre); }
magmat::electric_loading ampere_per_metre(double v) { return magmat::electric_loading::from_value(v); }
magmat::magnetic_flux_density tesla(double v) { return magmat::magnetic_flux_density::from_value(v); }

Magnet composition_ndfeb() {
  return Magnet::from_composition(
      Composition::from_mass_percent({{magmat::Element::Nd, 31.0}, {magmat::Element::B, 1.0}}, magmat::Element::Fe),
      "sintered");
}
} // namespace

TEST_CASE("The thresholds are the programme's numbers in SI", "[policy]") {
  CHECK(magmat::policy_min_max_energy_product.value() == 150e3);
  CHECK(magmat::policy_min_intrinsic_coercivity.value() == 800e3);
  CHECK(magmat::to_rpm(magmat::policy_min_rated_speed) == Approx(10000.0).epsilon(1e-14));
  CHECK(magmat::policy_min_rated_speed.value() == Approx(10000.0 * 2.0 * std::numbers::pi / 60.0).epsilon(1e-14));
  CHECK(magmat::to_newton_metre_per_litre(magmat::policy_min_torque_density) == Approx(50.0).epsilon(1e-14));
  CHECK(magmat::policy_min_torque_density.value() == Approx(50e3).epsilon(1e-14));
  CHECK(magmat::to_celsius(magmat::policy_room_temperature) == Approx(20.0).margin(1e-12));
  // torque per volume is its own type, not an energy density
  STATIC_REQUIRE_FALSE(std::is_same_v<magmat::torque_density, magmat::energy_density>);
  STATIC_REQUIRE(std::is_same_v<decltype(magmat::torque{} / magmat::volume{}), magmat::torque_density>);
}

TEST_CASE("Every NdFeB catalog grade meets the coercivity criterion iff its HcJ at 20 degC is >= 800 kA/m",
          "[policy]") {
  const auto& catalog = magmat::Catalog::builtin();
  int ndfeb = 0, passing = 0;
  for (const auto& record : catalog.records()) {
    if (!record.family.starts_with("ndfeb")) continue;
    ++ndfeb;
    INFO(record.name);
    const magmat::Grade grade = catalog.grade(record.name);
    const auto p = grade.properties(from_celsius(20.0));
    const auto c = magmat::check_policy(grade);
    CHECK(c.coercivity_ok == (p.intrinsic_coercivity.value() >= 800e3));
    CHECK(c.max_energy_product_ok == (p.max_energy_product.value() >= 150e3));
    CHECK(c.passes == (c.coercivity_ok && c.max_energy_product_ok));
    CHECK(c.eligible == c.passes);
    CHECK_FALSE(c.smco_eligible);
    CHECK(c.coercivity_margin.value() == Approx(p.intrinsic_coercivity.value() - 800e3).margin(1e-6));
    CHECK(c.max_energy_product_margin.value() == Approx(p.max_energy_product.value() - 150e3).margin(1e-6));
    // a sintered grade with a coercivity letter is specified at or above the letter's minimum
    if (record.family == "ndfeb_sintered") {
      const auto minimum = magmat::coercivity_letter_minimum(magmat::coercivity_letter(record.name));
      if (minimum && *minimum >= 800e3 && !record.coercivity_letter_exception) CHECK(c.coercivity_ok);
    }
    passing += c.passes;
  }
  CHECK(ndfeb > 10);
  CHECK(passing > 0);
}

TEST_CASE("Magnet criteria for a composition magnet, ferrite and SmCo", "[policy]") {
  const Magnet nd = composition_ndfeb();
  const auto c = magmat::check_policy(nd);
  const auto p = nd.properties(from_celsius(20.0));
  CHECK(c.family == "ndfeb_sintered");
  CHECK(c.max_energy_product.value() == Approx(p.max_energy_product.value()));
  CHECK(c.intrinsic_coercivity.value() == Approx(p.intrinsic_coercivity.value()));
  CHECK(c.max_energy_product_ok == (p.max_energy_product.value() >= 150e3));

  // the criteria can be asked at another temperature: HcJ of NdFeB falls as it warms
  const auto hot = magmat::check_policy(nd, from_celsius(150.0));
  CHECK(hot.intrinsic_coercivity.value() < c.intrinsic_coercivity.value());
  CHECK(magmat::to_celsius(hot.temperature) == Approx(150.0));

  const Magnet ferrite = Magnet::from_composition(Composition::from_formula("SrFe12O19"), "sintered_ferrite");
  const auto f = magmat::check_policy(ferrite);
  CHECK_FALSE(f.max_energy_product_ok);
  CHECK(f.max_energy_product_margin.value() < 0.0);
  CHECK_FALSE(f.passes);
  CHECK_FALSE(f.smco_eligible);
  CHECK_FALSE(f.eligible);

  for (const char* formula : {"SmCo5", "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5"}) {
    INFO(formula);
    const auto s = magmat::check_policy(Magnet::from_composition(Composition::from_formula(formula), "sintered"));
    CHECK(s.smco_eligible);
    CHECK(s.eligible);
  }
  for (const auto& record : magmat::Catalog::builtin().records()) {
    if (record.family != "smco5" && record.family != "sm2co17") continue;
    INFO(record.name);
    CHECK(magmat::check_policy(magmat::Catalog::builtin().grade(record.name)).eligible);
  }
}

TEST_CASE("The motor target passes exactly at 10,000 rpm and 50 N m/L", "[policy]") {
  using magmat::check_motor;
  using magmat::from_rpm;
  auto at = [](double rpm, double nm, double litre) { return check_motor(from_rpm(rpm), newton_metres(nm), litres(litre)); };
  const auto edge = at(10000.0, 50.0, 1.0);
  CHECK(edge.speed_ok);
  CHECK(edge.torque_density_ok);
  CHECK(edge.passes);
  CHECK(magmat::to_newton_metre_per_litre(edge.torque_per_volume) == Approx(50.0));
  // decimal inputs at the boundary that do not divide exactly in binary
  CHECK(at(10000.0, 5.0, 0.1).passes);
  CHECK(at(10000.0, 15.0, 0.3).passes);
  CHECK(at(10000.0, 3.5, 0.07).passes);
  const auto slow = at(9999.0, 200.0, 1.0);
  CHECK_FALSE(slow.speed_ok);
  CHECK(slow.torque_density_ok);
  CHECK_FALSE(slow.passes);
  CHECK(magmat::to_rpm(slow.speed_margin) == Approx(-1.0));
  const auto weak = at(12000.0, 49.9, 1.0);
  CHECK(weak.speed_ok);
  CHECK_FALSE(weak.torque_density_ok);
  CHECK_FALSE(weak.passes);
  CHECK(magmat::to_newton_metre_per_litre(weak.torque_density_margin) == Approx(-0.1));
  CHECK(at(0.0, 0.0, 1.0).passes == false);
}

TEST_CASE("Motor and sizing inputs outside their domain are domain errors naming the argument", "[policy]") {
  using Catch::Matchers::Contains;
  const auto w = magmat::from_rpm(10000.0);
  const auto t = newton_metres(100.0);
  const auto v = litres(1.0);
  CHECK_THROWS_WITH(magmat::check_motor(magmat::from_rpm(-1.0), t, v), Contains("rated_speed"));
  CHECK_THROWS_WITH(magmat::check_motor(magmat::from_rpm(not_a_number), t, v), Contains("rated_speed"));
  CHECK_THROWS_WITH(magmat::check_motor(w, newton_metres(-1.0), v), Contains("rated_torque"));
  CHECK_THROWS_WITH(magmat::check_motor(w, newton_metres(not_a_number), v), Contains("rated_torque"));
  CHECK_THROWS_WITH(magmat::check_motor(w, t, litres(0.0)), Contains("active_volume"));
  CHECK_THROWS_WITH(magmat::check_motor(w, t, litres(not_a_number)), Contains("active_volume"));
  CHECK_THROWS_AS(magmat::check_motor(w, t, litres(-1.0)), magmat::domain_error);

  const Magnet n = magmat::Catalog::builtin().grade("N42SH");
  const auto room = from_celsius(20.0);
  CHECK_THROWS_WITH(magmat::air_gap_flux_density(n, room, metres(0.0), metres(1e-3)), Contains("magnet_thickness"));
  CHECK_THROWS_WITH(magmat::air_gap_flux_density(n, room, metres(not_a_number), metres(1e-3)), Contains("magnet_thickness"));
  CHECK_THROWS_WITH(magmat::air_gap_flux_density(n, room, metres(5e-3), metres(-1e-3)), Contains("air_gap"));
  CHECK_THROWS_WITH(magmat::air_gap_flux_density(n, room, metres(5e-3), metres(not_a_number)), Contains("air_gap"));
  CHECK_THROWS_WITH(magmat::torque_per_rotor_volume(tesla(1.0), ampere_per_metre(-1.0)), Contains("electric_loading"));
  CHECK_THROWS_WITH(magmat::torque_per_rotor_volume(tesla(not_a_number), ampere_per_metre(1.0)), Contains("air_gap_flux_density"));
  CHECK_THROWS_WITH(magmat::fundamental_flux_density(tesla(1.0), 0.0), Contains("pole_arc_fraction"));
  CHECK_THROWS_WITH(magmat::fundamental_flux_density(tesla(1.0), 1.5), Contains("pole_arc_fraction"));
  CHECK_THROWS_WITH(magmat::estimate_torque_density(n, room, metres(5e-3), metres(1e-3), ampere_per_metre(5e4), 1.0, 0.0),
                    Contains("rotor_volume_fraction"));
  CHECK_THROWS_AS(magmat::estimate_torque_density(n, room, metres(5e-3), metres(1e-3), ampere_per_metre(not_a_number), 1.0, 1.0),
                  magmat::domain_error);
}

TEST_CASE("Air-gap flux density: Br with no gap, lower with a thicker gap, the load line at Pc = t_m/g",
          "[policy]") {
  const Magnet n = magmat::Catalog::builtin().grade("N42SH");
  const auto room = from_celsius(20.0);
  const auto p = n.properties(room);
  const double br = p.remanence.value(), mu_rec = p.recoil_permeability;
  const auto b = [&](double t_m, double g, double celsius = 20.0) {
    return magmat::air_gap_flux_density(n, from_celsius(celsius), metres(t_m), metres(g)).value();
  };
  CHECK(b(5e-3, 0.0) == Approx(br).epsilon(1e-14));
  CHECK(b(5e-3, 1e-9) == Approx(br).epsilon(1e-6));
  CHECK(b(5e-3, 1e-3) == Approx(br * 5.0 / (5.0 + mu_rec * 1.0)).epsilon(1e-12));
  CHECK(b(5e-3, 2e-3) < b(5e-3, 1e-3));
  CHECK(b(10e-3, 1e-3) > b(5e-3, 1e-3));
  CHECK(b(5e-3, 1.0) < 0.01 * br);
  // the recoil permeability lowers the gap flux density below the mu_rec = 1 value
  CHECK(mu_rec > 1.0);
  CHECK(b(5e-3, 1e-3) < br * 5.0 / 6.0);
  // Br falls with temperature, and so does B_g
  CHECK(b(5e-3, 1e-3, 100.0) < b(5e-3, 1e-3));
  // the same point as the operating point on the load line of Pc = t_m / g (brief §6.1)
  for (double g : {0.5e-3, 1e-3, 2e-3}) {
    const auto point = magmat::find_operating_point(n, 5e-3 / g, room, magmat::magnetic_field_strength::from_value(0.0));
    CHECK_FALSE(point.beyond_knee);
    CHECK(b(5e-3, g) == Approx(point.flux_density.value()).epsilon(1e-6));
  }
}

TEST_CASE("Torque per rotor volume is 2 sigma with sigma = B1 A / sqrt(2)", "[policy]") {
  const auto trv = magmat::torque_per_rotor_volume(tesla(1.0), ampere_per_metre(50e3));
  CHECK(trv.value() == Approx(std::numbers::sqrt2 * 50e3));
  CHECK(magmat::to_newton_metre_per_litre(trv) == Approx(70.7107).epsilon(1e-5));
  CHECK(magmat::torque_per_rotor_volume(tesla(0.0), ampere_per_metre(50e3)).value() == 0.0);
  // T = sigma x surface x radius equals 2 sigma V_r for any rotor
  const double d = 0.12, l = 0.15, sigma = 1.0 * 50e3 / std::numbers::sqrt2;
  CHECK(sigma * std::numbers::pi * d * l * d / 2.0 == Approx(trv.value() * std::numbers::pi * d * d * l / 4.0));

  CHECK(magmat::fundamental_flux_density(tesla(1.0), 1.0).value() == Approx(4.0 / std::numbers::pi));
  CHECK(magmat::fundamental_flux_density(tesla(1.0), 2.0 / 3.0).value() ==
        Approx(4.0 / std::numbers::pi * std::sin(std::numbers::pi / 3.0)));

  const Magnet n = magmat::Catalog::builtin().grade("N42SH");
  const auto e = magmat::estimate_torque_density(n, from_celsius(20.0), metres(5e-3), metres(1e-3),
                                                 ampere_per_metre(50e3), 0.8, 0.36);
  CHECK(e.air_gap_flux_density.value() ==
        Approx(magmat::air_gap_flux_density(n, from_celsius(20.0), metres(5e-3), metres(1e-3)).value()));
  CHECK(e.fundamental_flux_density.value() ==
        Approx(4.0 / std::numbers::pi * std::sin(0.4 * std::numbers::pi) * e.air_gap_flux_density.value()));
  CHECK(e.per_rotor_volume.value() == Approx(std::numbers::sqrt2 * e.fundamental_flux_density.value() * 50e3));
  CHECK(e.per_active_volume.value() == Approx(0.36 * e.per_rotor_volume.value()));
  // a ferrite in the same machine gives a far lower estimate
  const Magnet ferrite = Magnet::from_composition(Composition::from_formula("SrFe12O19"), "sintered_ferrite");
  const auto ef = magmat::estimate_torque_density(ferrite, from_celsius(20.0), metres(5e-3), metres(1e-3),
                                                  ampere_per_metre(50e3), 0.8, 0.36);
  CHECK(ef.per_active_volume.value() < 0.5 * e.per_active_volume.value());
}
