// Tests of elements.hpp: atomic weights against the physics brief, groups, symbol look-up.
#include <magmat/elements.hpp>
#include <magmat/errors.hpp>

#include <catch2/catch.hpp>

#include <string>

using magmat::Element;
using magmat::rare_earth_group;

TEST_CASE("The standard atomic weights of the magnet elements match the physics brief section 9") {
  // Exact equality: the table must carry the brief's digits, not a rounded value.
  const auto [e, weight] = GENERATE(table<Element, double>({
      {Element::Nd, 144.242},     {Element::Pr, 140.90766},  {Element::Dy, 162.500},
      {Element::Tb, 158.925354},  {Element::Ce, 140.116},    {Element::La, 138.90547},
      {Element::Sm, 150.36},      {Element::Fe, 55.845},     {Element::Co, 58.933194},
      {Element::B, 10.81},        {Element::O, 15.999},      {Element::Sr, 87.62},
      {Element::Ba, 137.327},     {Element::Zr, 91.222},     {Element::Cu, 63.546},
      {Element::Y, 88.905838},    {Element::Gd, 157.249},    {Element::Ho, 164.930329},
      {Element::Al, 26.9815384},  {Element::Ga, 69.723},     {Element::Nb, 92.90637},
  }));
  INFO("element " << magmat::symbol(e));
  CHECK(magmat::element_info(e).standard_atomic_weight == weight);
  CHECK(magmat::atomic_weight(e) == weight);
  CHECK(magmat::element_info(e).has_standard_atomic_weight);
}

TEST_CASE("The table pins the CIAAW 2024 atomic weights") {
  CHECK(magmat::atomic_weights_version == "CIAAW-2024");
  CHECK(magmat::atomic_weight(Element::H) == 1.008);
  CHECK(magmat::atomic_weight(Element::Lu) == 174.96669);
  CHECK(magmat::atomic_weight(Element::U) == 238.02891);
}

TEST_CASE("Elements without a standard atomic weight carry the mass number of their longest-lived isotope") {
  const auto [e, mass_number] = GENERATE(table<Element, double>({
      {Element::Tc, 97}, {Element::Pm, 145}, {Element::Po, 209}, {Element::At, 210},
      {Element::Rn, 222}, {Element::Fr, 223}, {Element::Ra, 226}, {Element::Ac, 227}}));
  CHECK_FALSE(magmat::element_info(e).has_standard_atomic_weight);
  CHECK(magmat::atomic_weight(e) == mass_number);
}

TEST_CASE("Exactly eight elements of H..U have no standard atomic weight") {
  int without = 0;
  for (const auto& row : magmat::all_elements()) {
    if (!row.has_standard_atomic_weight) ++without;
  }
  CHECK(without == 8);
}

TEST_CASE("The table holds all 92 elements from H to U in atomic-number order") {
  const auto rows = magmat::all_elements();
  REQUIRE(rows.size() == 92);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    CHECK(rows[k].atomic_number == static_cast<int>(k) + 1);
    CHECK(static_cast<int>(rows[k].element) == rows[k].atomic_number);
    CHECK(rows[k].standard_atomic_weight > 0.0);
    CHECK_FALSE(rows[k].name.empty());
  }
  CHECK(magmat::element_info(Element::Nd).name == "neodymium");
  CHECK(magmat::element_info(Element::Nd).atomic_number == 60);
}

TEST_CASE("Every symbol round-trips through element_from_symbol") {
  for (const auto& row : magmat::all_elements()) {
    INFO("symbol " << row.symbol);
    CHECK(magmat::element_from_symbol(row.symbol) == row.element);
    CHECK(magmat::symbol(row.element) == row.symbol);
  }
}

TEST_CASE("Light rare earths are La to Eu, heavy ones Gd to Lu plus Y, and Sc is in neither group") {
  for (const auto& row : magmat::all_elements()) {
    const int z = row.atomic_number;
    rare_earth_group expected = rare_earth_group::none;
    if (z >= 57 && z <= 63) expected = rare_earth_group::light;
    if ((z >= 64 && z <= 71) || z == 39) expected = rare_earth_group::heavy;
    INFO("element " << row.symbol);
    CHECK(row.group == expected);
    CHECK(magmat::group_of(row.element) == expected);
    CHECK(magmat::is_rare_earth(row.element) == (expected != rare_earth_group::none));
  }
  CHECK(magmat::group_of(Element::Nd) == rare_earth_group::light);
  CHECK(magmat::group_of(Element::Sm) == rare_earth_group::light);
  CHECK(magmat::group_of(Element::Dy) == rare_earth_group::heavy);
  CHECK(magmat::group_of(Element::Tb) == rare_earth_group::heavy);
  CHECK(magmat::group_of(Element::Sc) == rare_earth_group::none);
  CHECK(magmat::to_string(rare_earth_group::heavy) == "heavy");
}

TEST_CASE("An unknown symbol throws unknown_name_error naming it") {
  const std::string bad = GENERATE(std::string("Xx"), std::string(""), std::string("Ndd"),
                                   std::string("1"));
  try {
    magmat::element_from_symbol(bad);
    FAIL("no exception for '" << bad << "'");
  } catch (const magmat::unknown_name_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("'" + bad + "'"));
  }
}

TEST_CASE("A symbol with the wrong case suggests the right spelling") {
  const auto [typed, suggestion] = GENERATE(table<std::string, std::string>(
      {{"ND", "Nd"}, {"nd", "Nd"}, {"dY", "Dy"}, {"fe", "Fe"}, {"b", "B"}}));
  try {
    magmat::element_from_symbol(typed);
    FAIL("no exception for '" << typed << "'");
  } catch (const magmat::unknown_name_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("did you mean '" + suggestion + "'"));
  }
}

TEST_CASE("An enumerator value outside H..U is rejected, not read past the table") {
  CHECK_THROWS_AS(magmat::element_info(static_cast<Element>(0)), magmat::domain_error);
  CHECK_THROWS_AS(magmat::element_info(static_cast<Element>(93)), magmat::domain_error);
}
