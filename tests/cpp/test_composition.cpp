// Tests of composition.hpp: formula parsing, fractions against the physics brief, errors.
#include <magmat/composition.hpp>
#include <magmat/errors.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

using magmat::Composition;
using magmat::Element;
using Catch::Contains;

namespace {
Composition parse(std::string_view f) { return Composition::from_formula(f); }

std::map<Element, double> as_map(const std::vector<Composition::entry>& v) {
  return {v.begin(), v.end()};
}
} // namespace

TEST_CASE("Every formula of the issue parses into the amounts it states") {
  const auto nd_pr = parse("(Nd0.75Pr0.25)2Fe14B");
  CHECK(nd_pr.amount(Element::Nd) == Approx(1.5));
  CHECK(nd_pr.amount(Element::Pr) == Approx(0.5));
  CHECK(nd_pr.amount(Element::Fe) == 14.0);
  CHECK(nd_pr.amount(Element::B) == 1.0);

  const auto nd_dy = parse("(Nd0.8Dy0.2)2Fe14B");
  CHECK(nd_dy.amount(Element::Nd) == Approx(1.6));
  CHECK(nd_dy.amount(Element::Dy) == Approx(0.4));

  const auto sm_2_17 = parse("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5");
  CHECK(sm_2_17.amount(Element::Sm) == 1.0);
  CHECK(sm_2_17.amount(Element::Co) == Approx(5.175));
  CHECK(sm_2_17.amount(Element::Fe) == Approx(1.65));
  CHECK(sm_2_17.amount(Element::Cu) == Approx(0.525));
  CHECK(sm_2_17.amount(Element::Zr) == Approx(0.15));

  const auto la_co = parse("Sr0.8La0.2Fe11.8Co0.2O19");
  CHECK(la_co.amount(Element::Sr) == 0.8);
  CHECK(la_co.amount(Element::La) == 0.2);
  CHECK(la_co.amount(Element::Fe) == 11.8);
  CHECK(la_co.amount(Element::Co) == 0.2);
  CHECK(la_co.amount(Element::O) == 19.0);

  CHECK(parse("SrFe12O19").elements() == std::vector<Element>{Element::O, Element::Fe, Element::Sr});
  CHECK(parse("Nd2Fe14B").total_amount() == 17.0);
}

TEST_CASE("Square brackets, nesting and repeated elements are merged per element") {
  CHECK(parse("[Nd0.5(Pr0.5)]2Fe14B") == parse("NdPrFe14B"));
  CHECK(parse("((Nd)2)3") == parse("Nd6"));
  CHECK(parse("FeFe") == parse("Fe2"));
  CHECK(parse("Fe14BNd2") == parse("Nd2Fe14B"));
  CHECK_FALSE(parse("Nd4Fe28B2") == parse("Nd2Fe14B"));
}

TEST_CASE("Nd2Fe14B has the mass fractions and molar mass of the physics brief") {
  const auto c = parse("Nd2Fe14B");
  CHECK(c.mass_fraction(Element::Nd) == Approx(0.2668).margin(5e-5));
  CHECK(c.mass_fraction(Element::Fe) == Approx(0.7232).margin(5e-5));
  CHECK(c.mass_fraction(Element::B) == Approx(0.0100).margin(5e-5));
  CHECK(c.formula_molar_mass() == Approx(1081.12).margin(0.005));
  CHECK(c.atomic_fraction(Element::Nd) == Approx(2.0 / 17.0));
  CHECK(c.mass_fraction(Element::Dy) == 0.0);
  CHECK(c.contains(Element::B));
  CHECK_FALSE(c.contains(Element::Dy));
  CHECK(c.rare_earth_mass_fraction() == c.light_rare_earth_mass_fraction());
  CHECK(c.heavy_rare_earth_mass_fraction() == 0.0);
}

TEST_CASE("Sm-Co and hexaferrite phases have the weight percentages of the physics brief") {
  CHECK(parse("SmCo5").mass_fraction(Element::Sm) == Approx(0.3379).margin(5e-5));
  CHECK(parse("SmCo5").rare_earth_mass_fraction() == Approx(0.3379).margin(5e-5));
  CHECK(parse("Sm2Co17").mass_fraction(Element::Sm) == Approx(0.2309).margin(5e-5));
  const auto srm = parse("SrFe12O19");
  CHECK(srm.mass_fraction(Element::Sr) == Approx(0.0825).margin(5e-5));
  CHECK(srm.mass_fraction(Element::Fe) == Approx(0.6312).margin(5e-5));
  CHECK(srm.mass_fraction(Element::O) == Approx(0.2863).margin(5e-5));
  CHECK(srm.rare_earth_mass_fraction() == 0.0);
  CHECK(parse("BaFe12O19").mass_fraction(Element::Ba) == Approx(0.1236).margin(5e-5));
  CHECK(parse("SmCo5").formula_molar_mass() == Approx(445.026).margin(5e-4));
  CHECK(parse("Sm2Co17").formula_molar_mass() == Approx(1302.584).margin(5e-4));
}

TEST_CASE("A Dy-substituted main phase splits its rare earths into light and heavy as computed by hand") {
  // M = 1.6*144.242 + 0.4*162.500 + 14*55.845 + 10.81 = 1088.4272 g/mol.
  const auto c = parse("(Nd0.8Dy0.2)2Fe14B");
  const double m = 1.6 * 144.242 + 0.4 * 162.500 + 14 * 55.845 + 10.81;
  CHECK(c.formula_molar_mass() == Approx(1088.4272));
  CHECK(c.heavy_rare_earth_mass_fraction() == Approx(0.4 * 162.500 / m));
  CHECK(c.heavy_rare_earth_mass_fraction() == Approx(0.05972).margin(5e-6));
  CHECK(c.light_rare_earth_mass_fraction() == Approx(1.6 * 144.242 / m));
  CHECK(c.rare_earth_mass_fraction() == Approx(0.27176).margin(5e-6));
  CHECK(c.rare_earth_atomic_fraction() == Approx(2.0 / 17.0));
}

TEST_CASE("Mass and atomic fractions each sum to one and convert into each other to 1e-12") {
  const std::string f = GENERATE("Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5",
                                 "Sr0.8La0.2Fe11.8Co0.2O19");
  const auto c = parse(f);
  double mass_sum = 0.0, atom_sum = 0.0;
  for (const auto& p : c.mass_fractions()) mass_sum += p.second;
  for (const auto& p : c.atomic_fractions()) atom_sum += p.second;
  CHECK(mass_sum == Approx(1.0).margin(1e-12));
  CHECK(atom_sum == Approx(1.0).margin(1e-12));

  const auto from_mass = Composition::from_mass_fractions(as_map(c.mass_fractions()));
  const auto from_atoms = Composition::from_atomic_fractions(as_map(c.atomic_fractions()));
  for (const auto& [e, x] : c.atomic_fractions()) {
    CHECK(from_mass.atomic_fraction(e) == Approx(x).margin(1e-12));
    CHECK(from_atoms.mass_fraction(e) == Approx(c.mass_fraction(e)).margin(1e-12));
  }
  CHECK(from_mass.total_amount() == Approx(1.0).margin(1e-12));
}

TEST_CASE("Mass percent with or without a balance element gives the stoichiometric phase") {
  const auto stoich = parse("Nd2Fe14B");
  const auto by_symbol = Composition::from_mass_percent(
      std::map<std::string, double>{{"Nd", 26.68}, {"Fe", 72.32}, {"B", 1.00}});
  const auto by_balance = Composition::from_mass_percent(
      std::map<Element, double>{{Element::Nd, 26.68}, {Element::B, 1.00}}, Element::Fe);
  for (const auto e : {Element::Nd, Element::Fe, Element::B}) {
    CHECK(by_symbol.atomic_fraction(e) == Approx(stoich.atomic_fraction(e)).margin(1e-4));
    CHECK(by_balance.mass_fraction(e) == Approx(by_symbol.mass_fraction(e)).margin(1e-12));
  }
  // 100.4 is inside the default 0.5-point tolerance and is rescaled to 100.
  const auto rescaled = Composition::from_mass_percent(std::map<std::string, double>{{"Nd", 30.0}, {"Fe", 70.4}});
  CHECK(rescaled.mass_fraction(Element::Nd) == Approx(30.0 / 100.4));
  const auto at = Composition::from_atomic_percent(std::map<std::string, double>{{"Sm", 1.0 / 6.0 * 100}, {"Co", 5.0 / 6.0 * 100}});
  CHECK(at.mass_fraction(Element::Sm) == Approx(parse("SmCo5").mass_fraction(Element::Sm)).epsilon(1e-12));
}

TEST_CASE("A mixture of 97 wt% Nd2Fe14B and 3 wt% Nd has the hand-computed Nd fraction") {
  const auto main_phase = parse("Nd2Fe14B");
  const auto nd = parse("Nd");
  const auto mix = Composition::mix_by_mass({{main_phase, 0.97}, {nd, 0.03}});
  const double expected = 0.97 * main_phase.mass_fraction(Element::Nd) + 0.03;  // 0.288832
  CHECK(mix.mass_fraction(Element::Nd) == Approx(expected).epsilon(1e-12));
  CHECK(mix.mass_fraction(Element::Nd) == Approx(0.288832).margin(1e-6));
  CHECK(mix.mass_fraction(Element::B) == Approx(0.97 * main_phase.mass_fraction(Element::B)).epsilon(1e-12));
  CHECK(mix.total_amount() == Approx(1.0));
  const auto percent = Composition::mix_by_mass({{main_phase, 97.0}, {nd, 3.0}});
  CHECK(percent.mass_fraction(Element::Nd) == Approx(mix.mass_fraction(Element::Nd)).epsilon(1e-14));
}

TEST_CASE("Element masses in a 1.5 kg Nd2Fe14B magnet follow the mass fractions") {
  const auto c = parse("Nd2Fe14B");
  CHECK(c.element_mass(Element::Nd, 1.5) == Approx(1.5 * 0.266837).margin(1e-6));
  CHECK(c.element_mass(Element::Dy, 1.5) == 0.0);
  double total = 0.0;
  for (const auto& p : c.element_masses(1.5)) total += p.second;
  CHECK(total == Approx(1.5).margin(1e-12));
  CHECK_THROWS_MATCHES(c.element_mass(Element::Nd, -1.0), magmat::domain_error,
                       Catch::Message("magnet mass -1 kg must be a finite number >= 0"));
  CHECK_THROWS_AS(c.element_masses(std::numeric_limits<double>::quiet_NaN()), magmat::domain_error);
}

TEST_CASE("formula() prints a normalised formula that parses back") {
  CHECK(parse("Nd2Fe14B").formula() == "Nd2Fe14B");
  CHECK(parse("Fe14BNd2").formula() == "Nd2Fe14B");
  CHECK(parse("SrFe12O19").formula() == "SrFe12O19");
  CHECK(parse("SmCo5").formula() == "SmCo5");
  CHECK(parse("Sr0.8La0.2Fe11.8Co0.2O19").formula() == "Sr0.8La0.2Fe11.8Co0.2O19");
  CHECK(parse("(Nd0.8Dy0.2)2Fe14B").formula() == "Dy0.4Nd1.6Fe14B");
  CHECK(parse("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5").formula() == "SmZr0.15Fe1.65Co5.175Cu0.525");
  const auto mixed = Composition::mix_by_mass({{parse("Nd2Fe14B"), 97.0}, {parse("Nd"), 3.0}});
  const auto again = parse(mixed.formula());
  for (const auto& [e, x] : mixed.amounts()) CHECK(again.amount(e) == Approx(x).epsilon(1e-5));
}

TEST_CASE("A zero subscript means the element or group is absent (issue [13], item 3)") {
  // What a sweep's f-strings write: the Tb of "(Nd0.7Dy0.3Tb0.0)2Fe14B" is not there.
  const auto entries = [](const Composition& c) {
    return std::vector<Composition::entry>(c.amounts().begin(), c.amounts().end());
  };
  const auto swept = parse("(Nd0.7Dy0.3Tb0.0)2Fe14B");
  CHECK(entries(swept) == entries(parse("(Nd0.7Dy0.3)2Fe14B")));
  CHECK(swept.amount(Element::Tb) == 0.0);
  CHECK(entries(parse("Nd2Fe14B(Dy0.5Tb0.5)0")) == entries(parse("Nd2Fe14B")));
  CHECK(entries(parse("Nd2Fe14B0")) == entries(parse("Nd2Fe14")));
}

TEST_CASE("A malformed formula throws parse_error naming the problem and its position") {
  const auto [formula, message] = GENERATE(table<std::string, std::string>({
      {"Nd2Fe14Xx", "unknown element 'Xx' at position 7 in formula \"Nd2Fe14Xx\""},
      {"", "empty formula"},
      {"(Nd2Fe14B", "unclosed '(' at position 0"},
      {"Nd2Fe14B)", "unmatched ')' at position 8"},
      {"(Nd2]Fe", "']' closes the '(' opened at position 0 at position 4"},
      {"Fe0", "every amount in formula \"Fe0\" is zero: no element is present"},
      {"Fe0.000", "every amount in formula \"Fe0.000\" is zero"},
      {"(Fe)0", "every amount in formula \"(Fe)0\" is zero"},
      {"(Nd0Dy0)2Fe0", "every amount in formula"},
      {"Fe.5", "must start with a digit (write 0.5, not .5) at position 2"},
      {"Fe5.", "malformed number '5.': digits must follow the decimal point at position 2"},
      {"Nd2 Fe14B", "whitespace (not allowed in a formula) at position 3"},
      {" Nd2Fe14B", "whitespace (not allowed in a formula) at position 0"},
      {"nd2Fe14B", "unexpected 'n' (element symbols start with a capital letter) at position 0"},
      {"Fe1e3", "unexpected 'e' (element symbols start with a capital letter) at position 3"},
      {"Nd2Fe14B%", "unexpected character '%' at position 8"},
      {"Nd2Fe14B\xc3\xa9", "unexpected character '\\xc3' at position 8"},
      {"2Nd", "number that follows no element or group at position 0"},
      {"Fe2.5.1", "number that follows no element or group at position 5"},
      {"()", "empty group at position 0"},
      {"Fe-2", "unexpected character '-' at position 2"},
      {"Fe10000000", "subscript '10000000' exceeds the limit of 1e+06 at position 2"},
      {"(Fe1000)1000000", "amount of Fe exceeds the limit of 1e+06 after this multiplier at position 8"},
      {"Fe1000000Fe1000000", "amount of Fe (2e+06) exceeds the limit of 1e+06"},
      {"((((((((((((((((((Fe))))))))))))))))))", "groups nested deeper than 16 levels at position 16"},
  }));
  INFO("formula \"" << formula << "\"");
  try {
    Composition::from_formula(formula);
    FAIL("no exception");
  } catch (const magmat::parse_error& e) {
    CHECK_THAT(e.what(), Contains(message));
  }
}

TEST_CASE("Absurd formulas fail with parse_error instead of crashing") {
  CHECK_THROWS_AS(Composition::from_formula(std::string(1'000'000, '(')), magmat::parse_error);
  CHECK_THROWS_WITH(Composition::from_formula("Fe" + std::string(100, '9')), Contains("longer than 64"));
  const std::string long_bad = std::string(500, 'C') + "Xx";
  CHECK_THROWS_WITH(Composition::from_formula(long_bad), Contains("(502 characters)"));
  CHECK(Composition::from_formula(std::string(1000, 'C')).amount(Element::C) == 1000.0);
}

// Regression (fuzz_formula): nested small subscripts multiplied an amount below the smallest
// double; it became 0 and was dropped, leaving an empty Composition or one element fewer.
TEST_CASE("An amount that underflows through nested groups is a parse_error") {
  const std::string tiny = "0." + std::string(61, '0') + "1";  // 1e-62, a valid subscript
  std::string nested = std::string(16, '(') + "Fe" + tiny;
  for (int k = 0; k < 16; ++k) nested += ")" + tiny;
  CHECK_THROWS_AS(Composition::from_formula(nested), magmat::parse_error);
  CHECK_THROWS_WITH(Composition::from_formula(nested), Contains("amount of Fe underflows"));
  CHECK_THROWS_WITH(Composition::from_formula("Nd2" + nested), Contains("amount of Fe underflows"));
  // Small but representable amounts are kept.
  const auto small = Composition::from_formula("Nd2((Fe" + tiny + ")" + tiny + ")" + tiny);
  CHECK(small.amount(Element::Fe) == Approx(1e-186).epsilon(1e-9));
}

TEST_CASE("Percentages are checked element by element before the total") {
  CHECK_THROWS_MATCHES(
      Composition::from_mass_percent(std::map<std::string, double>{{"Nd", -1.0}, {"Fe", 101.0}}),
      magmat::domain_error, Catch::Message("mass share (wt%) of Nd is -1; it must be a finite number >= 0"));
  CHECK_THROWS_WITH(Composition::from_atomic_percent(std::map<std::string, double>{
                        {"Nd", std::numeric_limits<double>::quiet_NaN()}, {"Fe", 100.0}}),
                    Contains("of Nd is nan"));
  CHECK_THROWS_WITH(Composition::from_mass_percent(std::map<std::string, double>{
                        {"Nd", std::numeric_limits<double>::infinity()}}),
                    Contains("of Nd is inf"));
}

TEST_CASE("A total off by more than the tolerance throws domain_error naming total and tolerance") {
  using map = std::map<std::string, double>;
  CHECK_THROWS_MATCHES(Composition::from_mass_percent(map{{"Nd", 30.0}, {"Fe", 71.0}}), magmat::domain_error,
                       Catch::Message("amounts add up to 101 wt%, expected 100 within a tolerance of 0.5 wt%"));
  CHECK_NOTHROW(Composition::from_mass_percent(map{{"Nd", 30.0}, {"Fe", 71.0}}, std::nullopt, 1.0));
  CHECK_THROWS_WITH(Composition::from_atomic_percent(map{{"Sm", 10.0}, {"Co", 80.0}}),
                    Contains("add up to 90 at%"));
  CHECK_THROWS_WITH(Composition::from_mass_fractions({{Element::Fe, 0.9}}), Contains("add up to 0.9"));
  CHECK_THROWS_WITH(Composition::from_mass_percent(std::map<Element, double>{{Element::Nd, 60.0}, {Element::B, 50.0}}, Element::Fe),
                    Contains("leaving -10 wt% for the balance element Fe"));
  CHECK_THROWS_WITH(Composition::from_mass_percent(std::map<Element, double>{{Element::Fe, 60.0}}, Element::Fe),
                    Contains("balance element Fe must not also be given"));
  CHECK_THROWS_WITH(Composition::from_mass_percent(map{{"Fe", 100.0}}, std::nullopt, -1.0),
                    Contains("tolerance -1 wt% must be"));
}

TEST_CASE("Empty compositions and unknown symbols are rejected") {
  CHECK_THROWS_WITH(Composition::from_mass_percent(std::map<std::string, double>{}), Contains("empty composition"));
  CHECK_THROWS_WITH(Composition::from_mass_percent(std::map<std::string, double>{{"Fe", 0.0}}, std::nullopt, 100.0),
                    Contains("empty composition"));
  CHECK_THROWS_AS(Composition::from_amounts({}), magmat::domain_error);
  const std::vector<Composition::entry> negative{{Element::Fe, -2.0}};
  CHECK_THROWS_WITH(Composition::from_amounts(negative), Contains("of Fe is -2"));
  CHECK_THROWS_AS(Composition::from_mass_percent(std::map<std::string, double>{{"Xx", 50.0}, {"Fe", 50.0}}),
                  magmat::unknown_name_error);
  CHECK_THROWS_WITH(Composition::from_mass_percent(std::map<std::string, double>{{"Xx", 50.0}, {"Fe", 50.0}}),
                    Contains("'Xx'"));
  CHECK_THROWS_WITH(Composition::from_mass_percent(std::map<std::string, double>{{"ND", 30.0}, {"Fe", 70.0}}),
                    Contains("did you mean 'Nd'"));
}

TEST_CASE("Mixing rejects no parts, negative or non-finite weights and a zero total") {
  const auto fe = Composition::from_formula("Fe");
  CHECK_THROWS_WITH(Composition::mix_by_mass({}), Contains("at least one part"));
  CHECK_THROWS_WITH(Composition::mix_by_mass({{fe, -1.0}}), Contains("mass weight of part 0 (Fe) is -1"));
  CHECK_THROWS_AS(Composition::mix_by_mass({{fe, std::numeric_limits<double>::quiet_NaN()}}), magmat::domain_error);
  CHECK_THROWS_WITH(Composition::mix_by_mass({{fe, 0.0}}), Contains("add up to 0"));
}

TEST_CASE("from_amounts keeps the formula unit as given") {
  const std::vector<Composition::entry> v{{Element::B, 1.0}, {Element::Nd, 2.0}, {Element::Fe, 14.0}, {Element::Dy, 0.0}};
  const auto c = Composition::from_amounts(v);
  CHECK(c == parse("Nd2Fe14B"));
  CHECK_FALSE(c.contains(Element::Dy));
}

// Issue [12] item 9: finite amounts whose sum or molar mass overflows gave 0 or NaN fractions.
TEST_CASE("from_amounts refuses amounts whose sum or molar mass overflows", "[composition][errors]") {
  const std::vector<Composition::entry> huge{{Element::Fe, 1e308}, {Element::Nd, 1e308}};
  CHECK_THROWS_AS(Composition::from_amounts(huge), magmat::domain_error);
  CHECK_THROWS_WITH(Composition::from_amounts(huge), Catch::Contains("overflow"));
  // one amount, finite, whose molar mass is not: 1e307 Fe x 55.845 g/mol
  const std::vector<Composition::entry> heavy{{Element::Fe, 1e307}};
  CHECK_THROWS_WITH(Composition::from_amounts(heavy), Catch::Contains("molar mass"));
  // large amounts that stay finite keep their fractions
  const std::vector<Composition::entry> large{{Element::Fe, 14e300}, {Element::Nd, 2e300}, {Element::B, 1e300}};
  CHECK(Composition::from_amounts(large).atomic_fraction(Element::Nd) == Approx(2.0 / 17.0));
}

TEST_CASE("Element masses and the molar mass are also given as unit-checked quantities", "[composition]") {
  using namespace magmat::literals;
  const auto nd2fe14b = magmat::Composition::from_formula("Nd2Fe14B");
  const magmat::mass nd = nd2fe14b.element_mass(magmat::Element::Nd, 1.5_kg);
  CHECK(nd.value() == Catch::Detail::Approx(1.5 * nd2fe14b.mass_fraction(magmat::Element::Nd)));
  const magmat::molar_mass m = nd2fe14b.molar_mass();
  CHECK(m.value() == Catch::Detail::Approx(1.081124).epsilon(1e-6)); // kg/mol
  CHECK_THROWS_AS(nd2fe14b.element_mass(magmat::Element::Nd, magmat::mass::from_value(-1.0)), magmat::domain_error);
}
