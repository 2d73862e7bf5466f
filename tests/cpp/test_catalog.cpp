// Tests of catalog.hpp: loading and validating grade files, look-up, filters, grades as magnets.
#include <catch2/catch.hpp>

#include <magmat/catalog.hpp>
#include <magmat/errors.hpp>
#include <magmat/prices.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

using Catch::Detail::Approx;
using magmat::Catalog;
using magmat::from_celsius;

namespace {
const std::string data_dir = MAGMAT_TEST_DATA_DIR "/grades/";
constexpr double kOe = 1e6 / (4.0 * 3.141592653589793);
} // namespace

TEST_CASE("A user's grade file loads with every unit converted to SI", "[catalog]") {
  const Catalog user = Catalog::load(data_dir + "valid_user_grades.json");
  REQUIRE(user.size() == 2);
  const auto& g = user.record("LAB-N40UH");
  CHECK(g.family == "ndfeb_sintered");
  CHECK(g.remanence.typical.value() == Approx(1.27));
  CHECK(g.intrinsic_coercivity.min.value() == Approx(25.0 * kOe));
  CHECK(g.max_energy_product.typical.value() == Approx(39.0 * 1e5 / (4.0 * 3.141592653589793)));
  CHECK(g.remanence_coefficient->value() == Approx(-0.0011));
  CHECK(magmat::to_celsius(*g.coefficients_to) == Approx(150.0));
  CHECK(g.density->value == Approx(7550.0));
  CHECK(g.composition->dysprosium.value() == Approx(0.04));
}

TEST_CASE("Names and aliases are found case-insensitively, misses get suggestions", "[catalog]") {
  const Catalog user = Catalog::load(data_dir + "valid_user_grades.json");
  CHECK(user.record("lab-n40uh").name == "LAB-N40UH");
  CHECK(user.record("LAB40UH").name == "LAB-N40UH");
  CHECK(user.contains("lab-n38"));
  CHECK_THROWS_AS(user.record("LAB-N40XH"), magmat::unknown_name_error);
  CHECK_THROWS_WITH(user.record("LAB-N40XH"), Catch::Contains("LAB-N40UH"));
}

TEST_CASE("A grade's magnet reproduces its datasheet at 20 degC and its coefficients inside their interval",
          "[catalog]") {
  const Catalog user = Catalog::load(data_dir + "valid_user_grades.json");
  const magmat::Grade m = user.grade("LAB-N40UH");
  CHECK(m.name() == "LAB-N40UH");
  CHECK(m.record().file.find("valid_user_grades.json") != std::string::npos);
  CHECK(m.family_name() == "ndfeb_sintered");
  const auto p = m.properties(from_celsius(20.0));
  CHECK(p.remanence.value() == Approx(1.27));
  CHECK(p.intrinsic_coercivity.value() == Approx(26.0 * kOe));
  CHECK(p.normal_coercivity.value() == Approx(950e3));
  CHECK(p.max_energy_product.value() == Approx(39.0 * 1e5 / (4.0 * 3.141592653589793)));
  CHECK(p.recoil_permeability == Approx(1.04));
  // inside [20, 150] degC the datasheet's linear coefficients hold
  CHECK(m.remanence(from_celsius(100.0)).value() == Approx(1.27 * (1.0 - 0.0011 * 80.0)));
  CHECK(m.intrinsic_coercivity(from_celsius(150.0)).value() == Approx(26.0 * kOe * (1.0 - 0.005 * 130.0)));
  // beyond it the physics model carries on, continuous at the edge and still falling
  const double at_edge = m.intrinsic_coercivity(from_celsius(150.0)).value();
  const double near = m.intrinsic_coercivity(from_celsius(150.001)).value();
  const double beyond = m.intrinsic_coercivity(from_celsius(151.0)).value();
  CHECK(beyond < at_edge);
  CHECK(near == Approx(at_edge).epsilon(1e-4));
}

TEST_CASE("A grade without coefficients follows the model's shape from its 20 degC values", "[catalog]") {
  const Catalog user = Catalog::load(data_dir + "valid_user_grades.json");
  const magmat::Magnet m = user.grade("LAB-N38");
  CHECK(m.remanence(from_celsius(20.0)).value() == Approx(1.20));
  CHECK(m.intrinsic_coercivity(from_celsius(20.0)).value() == Approx(1000e3));
  CHECK(m.max_energy_product(from_celsius(20.0)).value() == Approx(280e3));
  CHECK(m.remanence(from_celsius(100.0)).value() < 1.20);
}

TEST_CASE("A grade without a stated composition gets Dy estimated from its coercivity", "[catalog]") {
  const Catalog user = Catalog::load(data_dir + "valid_user_grades.json");
  // 1000 kA/m needs little or no Dy in the sintered model (its Dy-free HcJ is 960 kA/m)
  const magmat::Magnet magnet = user.grade("LAB-N38");
  const auto& composition = magnet.composition();
  CHECK(composition.mass_fraction(magmat::Element::Dy) < 0.01);
  CHECK(composition.rare_earth_mass_fraction() == Approx(0.31).epsilon(1e-6));
}

TEST_CASE("Malformed grade files are rejected whole with file, pointer and reason", "[catalog]") {
  struct bad_case {
    const char* file;
    const char* fragment;
  };
  const bad_case cases[] = {
      {"bad_json.json", "not valid JSON"},
      {"missing_field.json", "/grades/0/remanence: required field is missing"},
      {"wrong_unit.json", "/grades/0/remanence/typical/unit"},
      {"negative_value.json", "/grades/0/density"},
      {"duplicate_name.json", "already used"},
      {"physics_violations.json", "5 problems"},
      {"physics_violations.json", "/grades/0/remanence: min exceeds typical"},
      {"physics_violations.json", "/grades/1/normal_coercivity: HcB"},
      {"physics_violations.json", "/grades/2/max_energy_product: (BH)max"},
      {"physics_violations.json", "/grades/3/intrinsic_coercivity: HcJ 1353 kA/m is below the 1592 kA/m"},
      {"physics_violations.json", "/grades/4/remanence: Br 1.650 T is not below Js"},
      {"no_such_file.json", "cannot open"},
  };
  for (const auto& c : cases) {
    INFO(c.file << " -> " << c.fragment);
    CHECK_THROWS_AS(Catalog::load(data_dir + c.file), magmat::data_error);
    CHECK_THROWS_WITH(Catalog::load(data_dir + c.file), Catch::Contains(c.file) && Catch::Contains(c.fragment));
  }
}

// Regression (fuzz_catalog): a number beyond double's range made nlohmann::json throw
// out_of_range, which escaped as a foreign exception instead of data_error.
TEST_CASE("A number too large for a double is a data_error naming the file", "[catalog]") {
  for (const char* text : {"1e999", "{\"grades\": [-1e400]}", "[52222224444444444444222222222E2222222]"}) {
    INFO(text);
    CHECK_THROWS_AS(Catalog::from_json(text, "huge.json"), magmat::data_error);
    CHECK_THROWS_WITH(Catalog::from_json(text, "huge.json"),
                      Catch::Contains("huge.json") && Catch::Contains("not valid JSON") && Catch::Contains("overflow"));
  }
  CHECK_THROWS_AS(magmat::price_table_from_json("{\"prices\": 1e999}", "p.json"), magmat::data_error);
}

TEST_CASE("Extending returns a new catalog and leaves the old one unchanged, also on failure", "[catalog]") {
  const Catalog user = Catalog::load(data_dir + "valid_user_grades.json");
  const std::size_t before = Catalog::builtin().size();
  const Catalog extended = Catalog::builtin().extend(user);
  CHECK(extended.size() == before + 2);
  CHECK(Catalog::builtin().size() == before);
  CHECK_FALSE(Catalog::builtin().contains("LAB-N40UH"));
  CHECK_THROWS_AS(extended.extend(data_dir + "wrong_unit.json"), magmat::data_error);
  CHECK_THROWS_WITH(extended.extend(user), Catch::Contains("already used"));
  CHECK(extended.size() == before + 2);
}

TEST_CASE("Filters select by family, coercivity at temperature and heavy rare earth", "[catalog]") {
  const Catalog user = Catalog::load(data_dir + "valid_user_grades.json");
  magmat::grade_filter hot;
  hot.min_intrinsic_coercivity = magmat::magnetic_field_strength::from_value(1.0e6);
  hot.temperature = from_celsius(120.0);
  const auto found = user.find(hot);
  REQUIRE(found.size() == 1);
  CHECK(found.front() == "LAB-N40UH");
  magmat::grade_filter lean;
  lean.max_heavy_rare_earth = 0.01;
  CHECK(user.find(lean) == std::vector<std::string>{"LAB-N38"});
  magmat::grade_filter ferrite;
  ferrite.family = "ferrite";
  CHECK(user.find(ferrite).empty());
  magmat::grade_filter literature;
  literature.kind = "literature";
  CHECK(user.find(literature).empty()); // a user's file without "kind" is commercial
  magmat::grade_filter commercial;
  commercial.kind = "commercial";
  CHECK(user.find(commercial).size() == user.size());
  magmat::grade_filter misspelt;
  misspelt.kind = "comercial";
  CHECK_THROWS_AS(user.find(misspelt), magmat::unknown_name_error);
  misspelt = {};
  misspelt.family = "ferite";
  CHECK_THROWS_AS(user.find(misspelt), magmat::unknown_name_error);
}

TEST_CASE("Coercivity letters are read from grade names", "[catalog]") {
  CHECK(magmat::coercivity_letter("N42SH") == "SH");
  CHECK(magmat::coercivity_letter("N52") == "");
  CHECK(magmat::coercivity_letter("48UH") == "UH");
  CHECK(magmat::coercivity_letter_minimum("SH").value() == Approx(1592e3));
  CHECK(magmat::coercivity_letter_minimum("").value() == Approx(955e3));
  CHECK(magmat::coercivity_letter_minimum("AH").value() == Approx(2786e3));
  CHECK_FALSE(magmat::coercivity_letter_minimum("ZZ"));
}

TEST_CASE("The shipped catalog holds at least 60 sourced grades, five per family, literature magnets for hot-deformed", "[catalog]") {
  const Catalog& builtin = Catalog::builtin();
  CHECK(builtin.size() >= 60);
  std::map<std::string, int> per_family;
  for (const auto& g : builtin.records()) {
    ++per_family[g.family];
    INFO(g.name);
    CHECK_FALSE(g.remanence.source.empty());
    CHECK_FALSE(g.intrinsic_coercivity.source.empty());
    // Only a paper's magnet may come without (BH)max; a maker's grade always prints it.
    if (g.kind != "literature") CHECK_FALSE(g.max_energy_product.source.empty());
    if (g.family == "ndfeb_hot_deformed") CHECK(g.kind == "literature");
  }
  for (const char* family : {"ndfeb_sintered", "ndfeb_bonded", "smco5", "sm2co17", "ferrite"}) {
    INFO(family);
    CHECK(per_family[family] >= 5);
  }
  CHECK(per_family["ndfeb_hot_deformed"] >= 3);
}

TEST_CASE("Every shipped grade becomes a magnet whose 20 degC values are the datasheet's", "[catalog]") {
  const Catalog& builtin = Catalog::builtin();
  for (const auto& g : builtin.records()) {
    INFO(g.name);
    const magmat::Grade m = builtin.grade(g.name);
    const auto p = m.properties(from_celsius(20.0));
    // Br and HcJ exactly as printed: a filter at a datasheet's round value must find the grade.
    CHECK(p.remanence.value() == g.remanence.nominal());
    CHECK(p.intrinsic_coercivity.value() == g.intrinsic_coercivity.nominal());
    if (!g.max_energy_product.source.empty())
      CHECK(p.max_energy_product.value() == Approx(g.max_energy_product.nominal()));
    else
      CHECK(p.max_energy_product.value() <= p.max_energy_product_limit.value()); // the model's (BH)max
    if (!g.normal_coercivity.source.empty()) CHECK(p.normal_coercivity.value() == Approx(g.normal_coercivity.nominal()));
    CHECK(m.family_name() == g.family);
  }
}

TEST_CASE("Sintered NdFeB grades meet their coercivity letter or record the exception", "[catalog]") {
  for (const auto& g : Catalog::builtin().records()) {
    if (g.family != "ndfeb_sintered") continue;
    const auto minimum = magmat::coercivity_letter_minimum(magmat::coercivity_letter(g.name));
    if (!minimum) continue;
    INFO(g.name);
    const double stated = g.intrinsic_coercivity.min.value_or(g.intrinsic_coercivity.nominal());
    if (g.coercivity_letter_exception) {
      CHECK(stated == Approx(g.coercivity_letter_exception->value).epsilon(0.01));
      CHECK_FALSE(g.coercivity_letter_exception->source.empty());
    } else {
      CHECK(stated >= *minimum * 0.999);
    }
  }
}

TEST_CASE("Every shipped grade keeps the physical invariants at every temperature of its range", "[catalog]") {
  // Br <= Js of the main phase, (BH)max <= Js^2/(4 mu0), HcB <= HcJ (issue [9], point 7).
  const Catalog& catalog = Catalog::builtin();
  int checked = 0;
  for (const auto& name : catalog.names()) {
    const magmat::Grade g = catalog.grade(name);
    const double low = magmat::to_kelvin(g.min_temperature()), high = magmat::to_kelvin(g.max_temperature());
    const double step = std::max(1.0, (high - low) / 60.0);
    for (double kelvin = low + 0.01; kelvin < high - 0.01; kelvin += step) {
      INFO(name << " at " << kelvin - 273.15 << " degC");
      const auto t = magmat::from_kelvin(kelvin);
      const auto p = g.properties(t);
      const double js = g.main_phase().saturation_polarization(t).value();
      CHECK(p.remanence.value() <= js);
      CHECK(p.max_energy_product.value() <= p.max_energy_product_limit.value());
      CHECK(p.normal_coercivity.value() <= p.intrinsic_coercivity.value());
      ++checked;
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("Grade files nested absurdly deep or with a key given twice are refused", "[catalog]") {
  const std::string deep = R"({"schema":"magmat-grades/1","family":"ferrite","grades":[{"name":"X","x":)" +
                           std::string(100000, '[') + std::string(100000, ']') + "}]}";
  CHECK_THROWS_WITH(magmat::Catalog::from_json(deep, "deep.json"), Catch::Contains("nested deeper than 64 levels"));
  CHECK_THROWS_AS(magmat::Catalog::from_json(R"({"schema":"magmat-grades/1","family":"ferrite","family":"x","grades":[]})",
                                             "twice.json"),
                  magmat::data_error);
}

namespace {
// One grade of `family` with the given extra members, as a grade file's text.
std::string one_grade(const std::string& family, const std::string& extra, const std::string& br = "1.30",
                      const std::string& hcj = "1000", const std::string& bh = "100") {
  return R"({"schema":"magmat-grades/1","family":")" + family + R"(","grades":[{"name":"BAD",)" +
         R"("remanence":{"typical":{"value":)" + br + R"(,"unit":"T"},"source":"x"},)" +
         R"("intrinsic_coercivity":{"min":{"value":)" + hcj + R"(,"unit":"kA/m"},"source":"x"},)" +
         R"("max_energy_product":{"typical":{"value":)" + bh + R"(,"unit":"kJ/m3"},"source":"x"})" + extra + "}]}";
}
std::string coefficients(const std::string& alpha, const std::string& beta, const std::string& to = "100") {
  return R"(,"temperature_coefficients":{"remanence":{"value":)" + alpha + R"(,"unit":"%/K"},)" +
         R"("intrinsic_coercivity":{"value":)" + beta + R"(,"unit":"%/K"},"from":{"value":20,"unit":"degC"},)" +
         R"("to":{"value":)" + to + R"(,"unit":"degC"},"source":"x"})";
}
} // namespace

// Issue [12] item 6: each of the issue's impossible datasheets, refused with the grade, the
// field, the value and the allowed range.
TEST_CASE("Physically impossible datasheet values are refused with grade, field, value and range", "[catalog]") {
  struct bad_case {
    std::string text;
    std::vector<std::string> fragments;
  };
  const std::string tc100 = R"(,"curie_temperature":{"value":100,"unit":"degC"})";
  const bad_case cases[] = {
      {one_grade("ndfeb_sintered", "", "1.30", "1e297"),
       {"/grades/0/intrinsic_coercivity", "HcJ 1e+300 A/m exceeds the anisotropy field", "Tb2Fe14B", "grade BAD"}},
      {one_grade("smco5", "", "0.9", "1e297"), {"/grades/0/intrinsic_coercivity", "of SmCo5"}},
      {one_grade("ndfeb_sintered", coefficients("1", "-0.6")),
       {"/grades/0/temperature_coefficients/remanence", "alpha(Br) 1 %/K", "[-1, 0] %/K", "ndfeb_sintered"}},
      {one_grade("ndfeb_sintered", coefficients("-0.12", "3")),
       {"/grades/0/temperature_coefficients/intrinsic_coercivity", "beta(HcJ) 3 %/K", "[-2, 0] %/K"}},
      {one_grade("ferrite", coefficients("-0.2", "3"), "0.4", "250", "25"), {"beta(HcJ) 3 %/K", "[0, 1] %/K of a ferrite"}},
      {one_grade("ferrite", coefficients("-0.2", "-0.3"), "0.4", "250", "25"), {"beta(HcJ) -0.3 %/K"}},
      {one_grade("smco5", coefficients("-0.04", "-0.3", "1e6"), "0.9", "1200"),
       {"/grades/0/temperature_coefficients/to", "1000000.00 degC lies above the Curie temperature of SmCo5 746.85 degC"}},
      {one_grade("ndfeb_sintered", R"(,"max_operating_temperature":{"value":5000,"unit":"degC"})" + tc100),
       {"/grades/0/max_operating_temperature", "5000.00 degC is not below its datasheet Curie temperature 100.00 degC"}},
      {one_grade("ndfeb_sintered", R"(,"max_operating_temperature":{"value":400,"unit":"degC"})"),
       {"not below the Curie temperature of Nd2Fe14B 311.85 degC"}},
      {one_grade("ndfeb_sintered", R"(,"curie_temperature":{"value":-100,"unit":"degC"})"),
       {"/grades/0/curie_temperature", "-100.00 degC outside the plausible (20, 1114.85] degC"}},
      {one_grade("ndfeb_sintered", R"(,"curie_temperature":{"value":5000,"unit":"K"})"), {"4726.85 degC outside"}},
      {one_grade("ndfeb_sintered", coefficients("-0.12", "-0.6", "200") + tc100),
       {"/grades/0/temperature_coefficients/to", "its datasheet Curie temperature 100.00 degC"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK_THROWS_AS(Catalog::from_json(c.text, "bad.json"), magmat::data_error);
    for (const auto& fragment : c.fragments)
      CHECK_THROWS_WITH(Catalog::from_json(c.text, "bad.json"), Catch::Contains(fragment));
  }
  // the bounds are not the typical values: a compensated 2:17 (alpha ~ 0, MARINESCU08) and
  // a ferrite with its positive beta load
  CHECK_NOTHROW(Catalog::from_json(one_grade("sm2co17", coefficients("0.005", "-0.2"), "1.0", "1500"), "ok.json"));
  CHECK_NOTHROW(Catalog::from_json(one_grade("ferrite", coefficients("-0.2", "0.27"), "0.4", "250", "25"), "ok.json"));
}

// Issue [12] item 8: a NaN or sub-zero temperature returned no grade, a NaN minimum every grade.
TEST_CASE("Catalog::find refuses NaN, infinite and impossible filter values, naming them", "[catalog][errors]") {
  const Catalog& c = Catalog::builtin();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const double celsius : {nan, -300.0, std::numeric_limits<double>::infinity()}) {
    magmat::grade_filter f;
    f.min_intrinsic_coercivity = magmat::magnetic_field_strength::from_value(1e6);
    f.temperature = from_celsius(celsius);
    CHECK_THROWS_AS(c.find(f), magmat::domain_error);
    CHECK_THROWS_WITH(c.find(f), Catch::Contains("temperature"));
  }
  magmat::grade_filter hcj;
  hcj.min_intrinsic_coercivity = magmat::magnetic_field_strength::from_value(nan);
  CHECK_THROWS_WITH(c.find(hcj), Catch::Contains("min_intrinsic_coercivity"));
  hcj.min_intrinsic_coercivity = magmat::magnetic_field_strength::from_value(-1.0);
  CHECK_THROWS_WITH(c.find(hcj), Catch::Contains("min_intrinsic_coercivity"));
  magmat::grade_filter bh;
  bh.min_max_energy_product = magmat::energy_density::from_value(nan);
  CHECK_THROWS_WITH(c.find(bh), Catch::Contains("min_max_energy_product"));
  magmat::grade_filter hre;
  hre.max_heavy_rare_earth = nan;
  CHECK_THROWS_WITH(c.find(hre), Catch::Contains("max_heavy_rare_earth"));
  hre.max_heavy_rare_earth = 1.5;
  CHECK_THROWS_WITH(c.find(hre), Catch::Contains("max_heavy_rare_earth"));
  // zero limits are meaningful: every grade has HcJ >= 0 at 20 degC
  magmat::grade_filter zero;
  zero.min_intrinsic_coercivity = magmat::magnetic_field_strength::from_value(0.0);
  CHECK(c.find(zero).size() == c.size());
}

// Issue [13], item 1: "NdFeB" and "ndfeb" found nothing; families are case-insensitive and
// "ndfeb" is every NdFeB family.
TEST_CASE("Catalog::find reads family names case-insensitively, ndfeb as every NdFeB family", "[catalog]") {
  const Catalog& c = Catalog::builtin();
  magmat::grade_filter sintered, upper, all_ndfeb;
  sintered.family = "ndfeb_sintered";
  upper.family = "NdFeB_Sintered";
  all_ndfeb.family = "NdFeB";
  CHECK(c.find(upper) == c.find(sintered));
  std::size_t expected = 0;
  for (const char* f : {"ndfeb_sintered", "ndfeb_bonded", "ndfeb_hot_deformed"}) {
    magmat::grade_filter one;
    one.family = f;
    expected += c.find(one).size();
  }
  CHECK(c.find(all_ndfeb).size() == expected);
  CHECK(expected > c.find(sintered).size());
  magmat::grade_filter unknown;
  unknown.family = "neodymium";
  CHECK_THROWS_AS(c.find(unknown), magmat::unknown_name_error);
}
