// Tests of unit_conversion.hpp: every accepted unit, exact factors, round trips and each
// error path with its exception type and message.
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include <magmat/errors.hpp>
#include <magmat/unit_conversion.hpp>

using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

struct expected_unit {
  std::string_view unit;
  std::string_view si_unit;
  double si_value_of_one;  // 1 unit in the SI unit (for K, degC, degF: 1 degree on the scale)
};

// Every accepted spelling, with its SI unit and the SI value of 1 of it.
constexpr expected_unit every_unit[] = {
    {"T", "T", 1.0},
    {"mT", "T", 1e-3},
    {"G", "T", 1e-4},
    {"kG", "T", 0.1},
    {"A/m", "A/m", 1.0},
    {"kA/m", "A/m", 1e3},
    {"MA/m", "A/m", 1e6},
    {"Oe", "A/m", 79.57747154594767},
    {"kOe", "A/m", 79577.47154594767},
    {"emu/cm3", "A/m", 1e3},
    {"emu/cm^3", "A/m", 1e3},
    {"J/m3", "J/m3", 1.0},
    {"kJ/m3", "J/m3", 1e3},
    {"kJ / m^3", "J/m3", 1e3},
    {"MJ/m3", "J/m3", 1e6},
    {"MGOe", "J/m3", 7957.747154594767},
    {"K", "K", 1.0},
    {"degC", "K", 274.15},
    {"\u00B0C", "K", 274.15},
    {"degF", "K", 255.92777777777777},
    {"\u00B0F", "K", 255.92777777777777},
    {"kg", "kg", 1.0},
    {"g", "kg", 1e-3},
    {"t", "kg", 1e3},
    {"m", "m", 1.0},
    {"mm", "m", 1e-3},
    {"cm", "m", 1e-2},
    {"um", "m", 1e-6},
    {"\u00B5m", "m", 1e-6},
    {"m2", "m2", 1.0},
    {"cm2", "m2", 1e-4},
    {"mm2", "m2", 1e-6},
    {"m3", "m3", 1.0},
    {"cm3", "m3", 1e-6},
    {"mm3", "m3", 1e-9},
    {"L", "m3", 1e-3},
    {"kg/m3", "kg/m3", 1.0},
    {"g/cm3", "kg/m3", 1e3},
    {"kg/mol", "kg/mol", 1.0},
    {"g/mol", "kg/mol", 1e-3},
    {"mol", "mol", 1.0},
    {"N m", "N m", 1.0},
    {"N*m", "N m", 1.0},
    {"Nm", "N m", 1.0},
    {"rad/s", "rad/s", 1.0},
    {"rpm", "rad/s", 0.10471975511965977},
    {"W", "W", 1.0},
    {"kW", "W", 1e3},
    {"H/m", "H/m", 1.0},
    {"1/K", "1/K", 1.0},
    {"%/K", "1/K", 0.01},
    {"%/degC", "1/K", 0.01},
    {"s", "s", 1.0},
    {"min", "s", 60.0},
    {"h", "s", 3600.0},
    {"1", "1", 1.0},
    {"%", "1", 0.01},
};

} // namespace

TEST_CASE("Every accepted unit converts to its SI unit with the right factor", "[units]") {
  for (const auto& u : every_unit) {
    INFO("unit " << u.unit);
    CHECK(magmat::si_unit_of(u.unit) == u.si_unit);
    CHECK_THAT(magmat::convert(1.0, u.unit, u.si_unit), WithinRel(u.si_value_of_one, 1e-12));
  }
}

TEST_CASE("Every accepted unit round-trips through its SI unit to 1e-12", "[units]") {
  for (const auto& u : every_unit) {
    for (const double value : {0.5, 1.0, 12.0, 300.0, 1.0e4}) {
      INFO("unit " << u.unit << ", value " << value);
      const double si = magmat::convert(value, u.unit, u.si_unit);
      CHECK_THAT(magmat::convert(si, u.si_unit, u.unit), WithinRel(value, 1e-12));
    }
  }
}

TEST_CASE("Every spelling in the list of accepted units parses", "[units]") {
  for (const std::string_view symbol : magmat::accepted_units()) {
    INFO("unit " << symbol);
    CHECK_NOTHROW(magmat::parse_unit(symbol));
    CHECK_NOTHROW(magmat::convert(1.0, symbol, magmat::si_unit_of(symbol)));
  }
}

TEST_CASE("Industry magnetic units convert with the exact factors", "[units]") {
  CHECK(std::abs(magmat::convert(12.0, "kOe", "kA/m") - 954.93) < 0.01);
  CHECK(std::abs(magmat::convert(1.0, "MGOe", "kJ/m3") - 7.9577) < 1e-4);
  CHECK_THAT(magmat::convert(1.0, "T", "kG"), WithinRel(10.0, 1e-15));
  CHECK_THAT(magmat::convert(1.0, "kA/m", "Oe"), WithinRel(12.566370614359172, 1e-14));
  CHECK_THAT(magmat::convert(1.0, "kJ/m3", "MGOe"), WithinRel(0.12566370614359172, 1e-14));
  CHECK_THAT(magmat::convert(1.0, "emu/cm3", "kA/m"), WithinRel(1.0, 1e-15));
  CHECK_THAT(magmat::convert(52.0, "MGOe", "kJ/m3"), WithinRel(413.8028520389279, 1e-12));
}

TEST_CASE("Temperatures convert between kelvin, Celsius and Fahrenheit", "[units]") {
  CHECK(magmat::convert(20.0, "degC", "K") == 293.15);
  CHECK_THAT(magmat::convert(293.15, "K", "degC"), WithinRel(20.0, 1e-12));
  CHECK_THAT(magmat::convert(100.0, "degC", "degF"), WithinRel(212.0, 1e-12));
  CHECK_THAT(magmat::convert(32.0, "degF", "degC") + 1.0, WithinRel(1.0, 1e-12));
  CHECK_THAT(magmat::convert(-40.0, "degF", "degC"), WithinRel(-40.0, 1e-12));
  CHECK(magmat::convert(-273.15, "degC", "K") == 0.0);
  CHECK(magmat::convert(-459.67, "degF", "K") == 0.0);
  CHECK(magmat::convert(20.0, "\u00B0C", "K") == 293.15);
}

TEST_CASE("Percent per kelvin converts to per kelvin with a factor 0.01", "[units]") {
  CHECK_THAT(magmat::convert(-0.12, "%/K", "1/K"), WithinRel(-0.0012, 1e-15));
  CHECK_THAT(magmat::convert(-0.0012, "1/K", "%/K"), WithinRel(-0.12, 1e-15));
  CHECK_THAT(magmat::convert(50.0, "%", "1"), WithinRel(0.5, 1e-15));
}

TEST_CASE("Unit strings tolerate spaces around the slash and at the ends", "[units]") {
  CHECK(magmat::convert(1.0, "kA / m", "A/m") == 1000.0);
  CHECK(magmat::convert(1.0, " kA/ m ", "A /m") == 1000.0);
  CHECK(magmat::convert(1.0, "g / cm3", "kg/m3") == 1000.0);
  CHECK(magmat::convert(2.0, "N m", "Nm") == 2.0);
}

TEST_CASE("The dimension string puts positive exponents first", "[units]") {
  CHECK(magmat::dimension_string(magmat::parse_unit("T").dimension) == "kg s^-2 A^-1");
  CHECK(magmat::dimension_string(magmat::parse_unit("kA/m").dimension) == "A m^-1");
  CHECK(magmat::dimension_string(magmat::parse_unit("MGOe").dimension) == "kg m^-1 s^-2");
  CHECK(magmat::dimension_string(magmat::parse_unit("%").dimension) == "1");
  CHECK(magmat::parse_unit("kOe").quantity == "magnetic field strength");
  CHECK(magmat::parse_unit("kOe").symbol == "kOe");
}

TEST_CASE("A reusable converter gives the same values as convert", "[units]") {
  const magmat::unit_converter to_kA_per_m("kOe", "kA/m");
  CHECK(to_kA_per_m.from().symbol == "kOe");
  CHECK(to_kA_per_m.to().symbol == "kA/m");
  for (const double value : {0.0, 1.0, 12.0, 25.0})
    CHECK(to_kA_per_m(value) == magmat::convert(value, "kOe", "kA/m"));
}

TEST_CASE("An unknown unit is a parse error naming it and listing the accepted units",
          "[units]") {
  for (const std::string_view bad : {"kOersted", "MT", "C", "", "kA//m", "tesla", "kJ/m3x",
                                     "a very long string that is no unit"}) {
    INFO("unit '" << bad << "'");
    CHECK_THROWS_AS(magmat::convert(1.0, bad, "T"), magmat::parse_error);
    CHECK_THROWS_WITH(magmat::convert(1.0, bad, "T"),
                      Contains("'" + std::string(bad) + "'") && Contains("kOe") &&
                          Contains("MGOe") && Contains("degC"));
    CHECK_THROWS_AS(magmat::convert(1.0, "T", bad), magmat::parse_error);
    CHECK_THROWS_AS(magmat::si_unit_of(bad), magmat::parse_error);
  }
}

TEST_CASE("Incompatible dimensions are a domain error naming both units and dimensions",
          "[units]") {
  CHECK_THROWS_AS(magmat::convert(1.0, "T", "kA/m"), magmat::domain_error);
  CHECK_THROWS_WITH(magmat::convert(1.0, "T", "kA/m"),
                    "cannot convert 'T' (magnetic flux density, kg s^-2 A^-1) to 'kA/m' "
                    "(magnetic field strength, A m^-1): dimensions differ");
  CHECK_THROWS_WITH(magmat::convert(1.0, "MGOe", "kOe"),
                    Contains("'MGOe'") && Contains("'kOe'") && Contains("energy density") &&
                        Contains("magnetic field strength"));
  CHECK_THROWS_AS(magmat::convert(1.0, "K", "1/K"), magmat::domain_error);
  CHECK_THROWS_AS(magmat::convert(1.0, "%", "%/K"), magmat::domain_error);
  CHECK_THROWS_AS(magmat::unit_converter("kg", "m3"), magmat::domain_error);
}

TEST_CASE("NaN and infinite values are domain errors naming the value", "[units]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(magmat::convert(nan, "kOe", "kA/m"), magmat::domain_error);
  CHECK_THROWS_WITH(magmat::convert(nan, "kOe", "kA/m"),
                    Contains("nan") && Contains("'kOe'") && Contains("'kA/m'"));
  CHECK_THROWS_AS(magmat::convert(inf, "T", "mT"), magmat::domain_error);
  CHECK_THROWS_WITH(magmat::convert(inf, "T", "mT"), Contains("inf"));
  CHECK_THROWS_WITH(magmat::convert(-inf, "degC", "K"), Contains("-inf"));
  // A finite value whose result overflows is refused too.
  CHECK_THROWS_AS(magmat::convert(1e308, "MGOe", "J/m3"), magmat::domain_error);
}

TEST_CASE("Absolute temperatures below 0 K are domain errors", "[units]") {
  CHECK_THROWS_AS(magmat::convert(-300.0, "degC", "K"), magmat::domain_error);
  CHECK_THROWS_WITH(magmat::convert(-300.0, "degC", "K"),
                    Contains("-300") && Contains("degC") && Contains("below absolute zero"));
  CHECK_THROWS_AS(magmat::convert(-1.0, "K", "degC"), magmat::domain_error);
  CHECK_THROWS_AS(magmat::convert(-500.0, "degF", "degC"), magmat::domain_error);
  // Differences and coefficients may be negative.
  CHECK(magmat::convert(-0.5, "%/K", "1/K") == Approx(-0.005));
}
