// Tests of units.hpp, units/cgs_magnetic.hpp and units/literals.hpp: SI values of literals,
// explicit CGS-to-SI conversions, mu0 and Celsius handling.
#include <type_traits>

#include <catch2/catch.hpp>

#include <magmat/units.hpp>
#include <magmat/units/cgs_magnetic.hpp>

using namespace magmat::literals;
using Catch::Matchers::WithinRel;

TEST_CASE("CGS literals give SI values", "[units]") {
  // 12 kOe = 12e6/(4 pi) A/m = 954.929658... kA/m.
  const magmat::magnetic_field_strength h = 12.0_kOe;
  CHECK_THAT(h.value(), WithinRel(954929.658551372, 1e-9));
  CHECK_THAT((12_kOe).value(), WithinRel(954929.658551372, 1e-9));
  CHECK_THAT((1_MGOe).value(), WithinRel(7957.74715459477, 1e-9));
  CHECK_THAT((1.0_kG).value(), WithinRel(0.1, 1e-12));
  CHECK_THAT((10000_G).value(), WithinRel(1.0, 1e-12));
  CHECK_THAT((1_Oe).value(), WithinRel(79.5774715459477, 1e-12));
}

TEST_CASE("SI literals store SI values", "[units]") {
  CHECK((1.2_T).value() == 1.2);
  CHECK_THAT((500_mT).value(), WithinRel(0.5, 1e-15));
  CHECK((800_A_per_m).value() == 800.0);
  CHECK((900_kA_per_m).value() == 900e3);
  CHECK((1.5_MA_per_m).value() == 1.5e6);
  CHECK((7_J_per_m3).value() == 7.0);
  CHECK((400_kJ_per_m3).value() == 400e3);
  CHECK((4.3_MJ_per_m3).value() == 4.3e6);
  CHECK((2_kg).value() == 2.0);
  CHECK_THAT((7.5_g).value(), WithinRel(7.5e-3, 1e-15));
  CHECK((3_m).value() == 3.0);
  CHECK_THAT((20_mm).value(), WithinRel(0.02, 1e-15));
  CHECK_THAT((8_cm3).value(), WithinRel(8e-6, 1e-15));
  CHECK((1_m3).value() == 1.0);
  CHECK_THAT((7.5_g_per_cm3).value(), WithinRel(7500.0, 1e-15));
  CHECK((7500_kg_per_m3).value() == 7500.0);
  CHECK((10_Nm).value() == 10.0);
  CHECK_THAT((60_rpm).value(), WithinRel(2.0 * magmat::pi, 1e-15));
  CHECK((3.5_rad_per_s).value() == 3.5);
  CHECK((5_delta_K).value() == 5.0);
  CHECK((300_K).value() == 300.0);
}

TEST_CASE("Literals have the SI quantity types", "[units]") {
  STATIC_REQUIRE(std::is_same_v<decltype(1_kOe), magmat::magnetic_field_strength>);
  STATIC_REQUIRE(std::is_same_v<decltype(1.0_kG), magmat::magnetic_flux_density>);
  STATIC_REQUIRE(std::is_same_v<decltype(1_MGOe), magmat::energy_density>);
  STATIC_REQUIRE(std::is_same_v<decltype(20_degC), magmat::thermodynamic_temperature>);
  STATIC_REQUIRE(std::is_same_v<decltype(1_delta_K), magmat::temperature_difference>);
  STATIC_REQUIRE(std::is_same_v<decltype(1_rpm), magmat::angular_velocity>);
}

TEST_CASE("Celsius literals are absolute temperatures in kelvin", "[units]") {
  const magmat::thermodynamic_temperature t = 20_degC;
  CHECK_THAT(magmat::to_kelvin(t), WithinRel(293.15, 1e-15));
  CHECK_THAT(magmat::to_celsius(t), WithinRel(20.0, 1e-12));
  CHECK_THAT(magmat::to_kelvin(20.0_degC), WithinRel(293.15, 1e-15));
}

TEST_CASE("The difference of two absolute temperatures is a temperature difference",
          "[units]") {
  const auto difference = 120_degC - 20_degC;
  STATIC_REQUIRE(std::is_same_v<std::remove_cv_t<decltype(difference)>,
                                magmat::temperature_difference>);
  CHECK_THAT(difference.value(), WithinRel(100.0, 1e-12));
  // An absolute temperature plus a difference is again absolute.
  const magmat::thermodynamic_temperature hot = 293.15_K + 100_delta_K;
  CHECK_THAT(magmat::to_celsius(hot), WithinRel(120.0, 1e-12));
}

TEST_CASE("Celsius and kelvin helpers round-trip", "[units]") {
  for (const double celsius : {-273.15, -40.0, 0.0, 20.0, 180.0, 312.0}) {
    CHECK(magmat::to_celsius(magmat::from_celsius(celsius)) == Approx(celsius).margin(1e-12));
  }
  CHECK(magmat::to_kelvin(magmat::from_kelvin(4.2)) == 4.2);
  CHECK(magmat::to_kelvin(magmat::from_celsius(0.0)) == 273.15);
}

TEST_CASE("CGS quantities convert explicitly to SI with the exact factors", "[units]") {
  using namespace magmat::cgs;
  const magmat::magnetic_flux_density b(gauss_quantity::from_value(12500.0));
  CHECK_THAT(b.value(), WithinRel(1.25, 1e-15));
  const magmat::magnetic_flux_density b_kg(kilogauss_quantity::from_value(14.0));
  CHECK_THAT(b_kg.value(), WithinRel(1.4, 1e-15));
  const magmat::magnetic_field_strength h(oersted_quantity::from_value(1.0));
  CHECK_THAT(h.value(), WithinRel(1000.0 / (4.0 * magmat::pi), 1e-15));
  const magmat::magnetic_field_strength h_k(kilooersted_quantity::from_value(12.0));
  CHECK_THAT(h_k.value(), WithinRel(12.0e6 / (4.0 * magmat::pi), 1e-15));
  const magmat::energy_density e(mgoe_quantity::from_value(52.0));
  CHECK_THAT(e.value(), WithinRel(52.0e5 / (4.0 * magmat::pi), 1e-15));
  const magmat::magnetization m(emu_per_cubic_centimetre_quantity::from_value(1280.0));
  CHECK_THAT(m.value(), WithinRel(1.28e6, 1e-15));
}

TEST_CASE("The CGS factors are the definitions", "[units]") {
  CHECK(magmat::cgs::tesla_per_gauss == 1e-4);
  CHECK_THAT(magmat::cgs::ampere_per_metre_per_oersted, WithinRel(79.5774715459477, 1e-14));
  CHECK_THAT(magmat::cgs::joule_per_cubic_metre_per_mgoe, WithinRel(7957.74715459477, 1e-14));
  CHECK(magmat::cgs::ampere_per_metre_per_emu_per_cubic_centimetre == 1000.0);
  CHECK_THAT(magmat::radian_per_second_per_rpm, WithinRel(0.104719755119660, 1e-14));
}

TEST_CASE("Vacuum permeability is the CODATA 2018 value", "[units]") {
  CHECK(magmat::vacuum_permeability.value() == 1.25663706212e-6);
  CHECK(magmat::vacuum_permeability_h_per_m == 1.25663706212e-6);
  // Within 1e-9 of the pre-2019 exact value 4 pi 1e-7 H/m.
  CHECK_THAT(magmat::vacuum_permeability.value(), WithinRel(4e-7 * magmat::pi, 1e-9));
  // mu0 H for 1 kOe is 0.1 T (physics brief section 10).
  const magmat::magnetic_flux_density b = magmat::vacuum_permeability * 1.0_kOe;
  CHECK_THAT(b.value(), WithinRel(0.1, 1e-9));
}

TEST_CASE("Temperature coefficients in percent per kelvin scale by 0.01", "[units]") {
  const magmat::temperature_coefficient alpha =
      magmat::temperature_coefficient::from_value(-0.12 * 0.01);
  const magmat::dimensionless change = alpha * (100_degC - 20_degC);
  CHECK_THAT(change.value(), WithinRel(-0.096, 1e-12));
}
