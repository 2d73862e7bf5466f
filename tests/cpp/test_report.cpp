// Tests of report.hpp: the rare-earth content table.
#include <catch2/catch.hpp>

#include <magmat/report.hpp>

#include <string>
#include <vector>

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

TEST_CASE("The content rows hold mass fractions in SI under snake_case keys with their source", "[report]") {
  const magmat::table t = magmat::rare_earth_content_rows(
      {{"Nd2Fe14B", Composition::from_formula("Nd2Fe14B")}}, {Element::Nd, Element::Dy});
  std::vector<std::string> keys;
  for (const auto& c : t.columns()) keys.push_back(c.key);
  CHECK(keys == std::vector<std::string>{"formula", "nd_mass_fraction", "dy_mass_fraction", "rare_earth_mass_fraction",
                                         "light_rare_earth_mass_fraction", "heavy_rare_earth_mass_fraction"});
  const auto& nd = t.columns()[t.column_index("nd_mass_fraction")];
  CHECK(nd.unit == "1");
  CHECK(nd.display_unit == "%");
  CHECK(nd.source == "PERIODIC-TABLES");
  REQUIRE(t.rows().size() == 1);
  CHECK(std::get<std::string>(t.rows()[0][0]) == "Nd2Fe14B");
  // 26.68 wt% Nd as a fraction, no Dy (brief §1.2)
  CHECK(std::get<double>(t.rows()[0][1]) == Catch::Detail::Approx(0.2668).margin(5e-5));
  CHECK(std::get<double>(t.rows()[0][2]) == 0.0);
}

TEST_CASE("The content text is the text rendering of the content rows", "[report]") {
  const std::vector<std::pair<std::string, Composition>> rows{{"SmCo5", Composition::from_formula("SmCo5")}};
  CHECK(magmat::rare_earth_content_table(rows, {Element::Sm}) ==
        magmat::to_text(magmat::rare_earth_content_rows(rows, {Element::Sm})));
}
