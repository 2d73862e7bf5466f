// Tests of report.hpp: the rare-earth content table.
#include <catch2/catch.hpp>

#include <magmat/report.hpp>

#include <string>

using magmat::Composition;
using magmat::Element;

TEST_CASE("The content table shows each element column in wt% with two decimals", "[report]") {
  const std::string table = magmat::rare_earth_content_table(
      {{"Nd2Fe14B", Composition::from_formula("Nd2Fe14B")},
       {"SmCo5", Composition::from_formula("SmCo5")}},
      {Element::Nd, Element::Sm});
  CHECK(table.find("Nd wt%") != std::string::npos);
  CHECK(table.find("Sm wt%") != std::string::npos);
  CHECK(table.find("HRE wt%") != std::string::npos);
  // Nd2Fe14B holds 26.68 wt% Nd; SmCo5 holds 33.79 wt% Sm (brief §1.2, §8).
  CHECK(table.find("26.68") != std::string::npos);
  CHECK(table.find("33.79") != std::string::npos);
}

TEST_CASE("The content table keeps the caller's row order and names", "[report]") {
  const std::string table = magmat::rare_earth_content_table(
      {{"second-listed-first", Composition::from_formula("SrFe12O19")},
       {"then this", Composition::from_formula("Nd2Fe14B")}},
      {Element::Nd});
  const auto first = table.find("second-listed-first");
  const auto second = table.find("then this");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);
}
