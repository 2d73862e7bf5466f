// Tests of <magmat/formula_reading.hpp>: a wt% alloy written as a formula is told apart from
// phases and magnet alloys written in atoms (issue [13], item 3).
#include <magmat/errors.hpp>
#include <magmat/formula_reading.hpp>

#include <catch2/catch.hpp>

#include <string>

using magmat::read_formula_against_phases;
using Catch::Detail::Approx;

TEST_CASE("A wt% alloy written as a formula is probably mass percent") {
  const auto r = read_formula_against_phases("Nd31Fe68B1");
  CHECK(r.atomic_distance > magmat::far_from_phases);
  CHECK(r.mass_phase == "Nd2Fe14B");  // of the R2Fe14B phases, the one with the formula's Nd
  CHECK(r.mass_distance < magmat::near_a_phase);
  CHECK(r.probably_mass_percent);
  CHECK(r.advice.find("basis='mass'") != std::string::npos);
  CHECK(r.advice.find("\"Nd31Fe68B1\"") != std::string::npos);
}

TEST_CASE("Phases and atomic magnet alloys are read as atoms without advice") {
  for (const char* f : {"Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5", "Sm2Co17", "SrFe12O19", "BaFe12O19",
                        "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5", "Nd13.5Fe80.5B6"}) {
    INFO(f);
    const auto r = read_formula_against_phases(f);
    CHECK_FALSE(r.probably_mass_percent);
    CHECK(r.advice.empty());
    CHECK(r.atomic_distance < magmat::far_from_phases);
  }
  CHECK(read_formula_against_phases("(Nd0.8Dy0.2)2Fe14B").atomic_distance == Approx(0.0).margin(1e-12));
  // Subscripts that do not total 100 offer no mass reading at all.
  CHECK(read_formula_against_phases("Nd2Fe14B").mass_phase.empty());
  // A far formula whose mass reading is far too: no advice (it is not a wt% slip).
  const auto odd = read_formula_against_phases("Fe50Nd50");
  CHECK_FALSE(odd.probably_mass_percent);
}

TEST_CASE("A malformed formula is a parse_error as in Composition::from_formula") {
  CHECK_THROWS_AS(read_formula_against_phases("Nd2Fe14Xx"), magmat::parse_error);
  CHECK_THROWS_AS(read_formula_against_phases(""), magmat::parse_error);
}
