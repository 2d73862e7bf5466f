// Tests of prices.hpp: the shipped table, user tables, price shocks and raw-material cost.
#include <magmat/errors.hpp>
#include <magmat/prices.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

using Catch::Detail::Approx;
using namespace magmat;

namespace {

// A user table for the hand calculation: Nd, Fe and B at round test prices (not market prices).
const char* test_table = R"({
  "name": "test", "currency": "USD", "date": "test", "basis": "metal",
  "prices": {
    "Nd": {"price": {"value": 100, "unit": "USD/kg"}, "source": "TEST"},
    "Fe": {"price": {"value": 1000, "unit": "USD/t"}, "source": "TEST"},
    "B":  {"price": {"value": 10, "unit": "USD/kg"}, "source": "TEST"}
  }
})";

} // namespace

TEST_CASE("the shipped table converts oxide prices to contained element", "[prices]") {
  const auto& t = default_price_table();
  CHECK(t.currency == "USD");
  CHECK(t.date.find("2019") != std::string::npos);
  // USGS MCS 2021: Nd2O3 45 USD/kg (2019); w_Nd(Nd2O3) = 2*144.242/(2*144.242+3*15.999)
  const double w_nd = Composition::from_formula("Nd2O3").mass_fraction(Element::Nd);
  CHECK(w_nd == Approx(0.85734).epsilon(1e-4));
  CHECK(t.price_per_kg.at(Element::Nd) == Approx(45.0 / w_nd));
  CHECK(t.price_per_kg.at(Element::Dy) == Approx(239.0 / Composition::from_formula("Dy2O3").mass_fraction(Element::Dy)));
  CHECK(t.price_per_kg.at(Element::Tb) == Approx(507.0 / Composition::from_formula("Tb4O7").mass_fraction(Element::Tb)));
  CHECK(t.price_per_kg.at(Element::Co) == Approx(17.0 / 0.45359237));
  CHECK(t.price_per_kg.at(Element::Fe) == Approx(0.249));
  CHECK(t.sources.at(Element::Nd).find("USGS-MCS-2021-REE") != std::string::npos);
  CHECK(t.sources.at(Element::Nd).find("Nd2O3") != std::string::npos);
  // Fastmarkets, boric acid FCA US West Coast, 31 July 2019: midpoint of 1100-1250 USD/t, per kg of contained B
  CHECK(t.price_per_kg.at(Element::B) == Approx(1.175 / Composition::from_formula("H3BO3").mass_fraction(Element::B)));
  CHECK(t.price_per_kg.at(Element::B) == Approx(6.72).epsilon(2e-3)); // w_B(H3BO3) = 10.81/61.83 by hand
  CHECK(t.sources.at(Element::B).find("FASTMARKETS-BORIC-ACID-2019") != std::string::npos);
  // Pr and Sm are quoted in yuan per tonne of oxide and converted by their entries' exchange rates.
  const double w_pr = Composition::from_formula("Pr6O11").mass_fraction(Element::Pr);
  CHECK(t.price_per_kg.at(Element::Pr) == Approx(395000.0 / 1000.0 / 6.9081 / w_pr));
  CHECK(t.price_per_kg.at(Element::Pr) == Approx(69.08).epsilon(1e-3)); // 57.18 USD/kg of Pr6O11 / 0.8277 by hand
  CHECK(t.price_per_kg.at(Element::Sm) ==
        Approx(12000.0 / 1000.0 / 6.9042 / Composition::from_formula("Sm2O3").mass_fraction(Element::Sm)));
  CHECK(t.sources.at(Element::Pr).find("CNY/USD") != std::string::npos);
  CHECK(t.price_per_kg.count(Element::Cu) == 0); // no sourced copper price
}

TEST_CASE("raw-material cost of Nd2Fe14B by hand", "[prices]") {
  const auto t = price_table_from_json(test_table, "test.json");
  const auto nd = Composition::from_formula("Nd2Fe14B");
  const double expected = nd.mass_fraction(Element::Nd) * 100.0 + nd.mass_fraction(Element::Fe) * 1.0 +
                          nd.mass_fraction(Element::B) * 10.0;
  CHECK(raw_material_cost(nd, t) == Approx(expected));
  // by hand: M = 2*144.242 + 14*55.845 + 10.81 = 1081.12 g/mol
  CHECK(raw_material_cost(nd, t) == Approx((288.484 * 100 + 781.83 * 1 + 10.81 * 10) / 1081.124).epsilon(1e-4));
}

TEST_CASE("a x7 shock multiplies the rare-earth part only", "[prices]") {
  const auto t = price_table_from_json(test_table, "test.json");
  const auto nd = Composition::from_formula("Nd2Fe14B");
  const double re_part = nd.mass_fraction(Element::Nd) * 100.0;
  const double rest = raw_material_cost(nd, t) - re_part;
  const auto shocked = with_shock(t, 7.0);
  CHECK(raw_material_cost(nd, shocked) == Approx(7.0 * re_part + rest));
  CHECK(shocked.price_per_kg.at(Element::Fe) == t.price_per_kg.at(Element::Fe));
  CHECK(shocked.name == "test x7");
  const auto iron = with_shock(t, 2.0, std::vector<Element>{Element::Fe});
  CHECK(iron.price_per_kg.at(Element::Fe) == Approx(2.0));
  CHECK(iron.price_per_kg.at(Element::Nd) == Approx(100.0));
  // the shipped table: Dy and Tb (heavy) are shocked too, Co and Fe are not
  const auto d7 = with_shock(default_price_table(), 7.0);
  CHECK(d7.price_per_kg.at(Element::Dy) == Approx(7.0 * default_price_table().price_per_kg.at(Element::Dy)));
  CHECK(d7.price_per_kg.at(Element::Co) == default_price_table().price_per_kg.at(Element::Co));
}

// Issue [12] item 9: a finite factor that overflows a price gave inf costs.
TEST_CASE("a shock that overflows a price is refused, naming the factor and the element", "[prices][errors]") {
  CHECK_THROWS_AS(with_shock(default_price_table(), 1e308), domain_error);
  CHECK_THROWS_WITH(with_shock(default_price_table(), 1e308), Catch::Contains("1e+308") && Catch::Contains("overflows"));
  const auto t = price_table_from_json(test_table, "test.json");
  // x1e307: Nd's 100 USD/kg overflows, Fe's 1 USD/kg does not
  CHECK_THROWS_WITH(with_shock(t, 1e307), Catch::Contains("price of Nd"));
  CHECK(with_shock(t, 1e307, std::vector<Element>{Element::Fe}).price_per_kg.at(Element::Fe) == Approx(1e307));
  const auto large = with_shock(t, 1e300);  // large, finite: every price stays finite
  for (const auto& [e, price] : large.price_per_kg) CHECK(std::isfinite(price));
}

TEST_CASE("price errors", "[prices][errors]") {
  const auto& t = default_price_table();
  SECTION("a missing price names the element") {
    try {
      raw_material_cost(Composition::from_formula("SrFe12O19"), t);
      FAIL("expected unknown_name_error");
    } catch (const unknown_name_error& e) {
      CHECK(std::string(e.what()).find("no price for") != std::string::npos);
    }
    CHECK_NOTHROW(raw_material_cost(Composition::from_formula("Nd2Fe14B"), t));
    CHECK_NOTHROW(raw_material_cost(Composition::from_formula("SmCo5"), t));
  }
  SECTION("bad shock factors and elements") {
    CHECK_THROWS_AS(with_shock(t, -1.0), domain_error);
    CHECK_THROWS_AS(with_shock(t, std::numeric_limits<double>::quiet_NaN()), domain_error);
    CHECK_THROWS_AS(with_shock(t, 2.0, std::vector<Element>{Element::Ga}), unknown_name_error);
  }
  SECTION("a bad file is rejected with its pointer") {
    const std::string bad = R"({"name": "x", "currency": "USD", "date": "d", "basis": "b",
      "prices": {"Nd": {"price": {"value": -3, "unit": "USD/kg"}, "source": "S"}}})";
    try {
      price_table_from_json(bad, "bad.json");
      FAIL("expected data_error");
    } catch (const data_error& e) {
      CHECK(std::string(e.what()).find("bad.json: /prices/Nd/price/value") != std::string::npos);
    }
    const std::string bad_unit = R"({"name": "x", "currency": "USD", "date": "d", "basis": "b",
      "prices": {"Nd": {"price": {"value": 3, "unit": "EUR/kg"}, "source": "S"}}})";
    CHECK_THROWS_WITH(price_table_from_json(bad_unit, "u.json"), Catch::Contains("u.json: /prices/Nd/price/unit"));
    const std::string bad_symbol = R"({"name": "x", "currency": "USD", "date": "d", "basis": "b",
      "prices": {"Xx": {"price": {"value": 3, "unit": "USD/kg"}, "source": "S"}}})";
    CHECK_THROWS_WITH(price_table_from_json(bad_symbol, "s.json"), Catch::Contains("s.json: /prices/Xx"));
    const std::string missing = R"({"name": "x", "currency": "USD", "date": "d", "prices": {}})";
    CHECK_THROWS_WITH(price_table_from_json(missing, "m.json"), Catch::Contains("m.json: /basis"));
    // Found by fuzz_loaders: a finite quote near DBL_MAX overflowed through the oxide fraction.
    const std::string overflow = R"({"name": "x", "currency": "USD", "date": "d", "basis": "b",
      "prices": {"Nd": {"price": {"value": 1.7976931348623157e308, "unit": "USD/kg"}, "compound": "Nd2O3",
                        "source": "S"}}})";
    CHECK_THROWS_WITH(price_table_from_json(overflow, "o.json"),
                      Catch::Contains("o.json: /prices/Nd/price/value") && Catch::Contains("overflows"));
    CHECK_THROWS_AS(price_table_from_json("{", "j.json"), data_error);
    CHECK_THROWS_AS(load_price_table("/nonexistent/prices.json"), data_error);
  }
}

TEST_CASE("a quote in another currency needs its exchange rate", "[prices][errors]") {
  const auto table = [](const std::string& entry) {
    return R"({"name": "x", "currency": "USD", "date": "d", "basis": "b", "prices": {"Nd": )" + entry + "}}";
  };
  const std::string rate = R"("exchange_rate": {"value": 8, "unit": "CNY/USD", "source": "S", "where": "w"})";
  const auto t = price_table_from_json(table(R"({"price": {"value": 80000, "unit": "CNY/t"}, "source": "S", )" + rate + "}"));
  CHECK(t.price_per_kg.at(Element::Nd) == Approx(10.0)); // 80 CNY/kg / 8 CNY/USD
  CHECK(t.sources.at(Element::Nd).find("80 CNY/kg / 8 CNY/USD") != std::string::npos);
  CHECK_THROWS_WITH(price_table_from_json(table(R"({"price": {"value": 80, "unit": "CNY/kg"}, "source": "S"})"), "r.json"),
                    Catch::Contains("r.json: /prices/Nd/price/unit") && Catch::Contains("needs an exchange_rate"));
  CHECK_THROWS_WITH(price_table_from_json(table(R"({"price": {"value": 80, "unit": "EUR/kg"}, "source": "S", )" + rate + "}"), "r.json"),
                    Catch::Contains("/prices/Nd/exchange_rate/unit") && Catch::Contains("expected EUR/USD"));
  CHECK_THROWS_WITH(price_table_from_json(table(R"({"price": {"value": 80, "unit": "USD/kg"}, "source": "S", )" + rate + "}"), "r.json"),
                    Catch::Contains("/prices/Nd/exchange_rate") && Catch::Contains("already in the table's currency"));
  const std::string zero = R"("exchange_rate": {"value": 0, "unit": "CNY/USD", "source": "S", "where": "w"})";
  CHECK_THROWS_WITH(price_table_from_json(table(R"({"price": {"value": 80, "unit": "CNY/kg"}, "source": "S", )" + zero + "}"), "r.json"),
                    Catch::Contains("/prices/Nd/exchange_rate/value"));
  CHECK_THROWS_WITH(price_table_from_json(table(R"({"price": {"value": 80, "unit": "cny/kg"}, "source": "S"})"), "r.json"),
                    Catch::Contains("is not <currency>/kg"));
}

TEST_CASE("a user table loads from a file", "[prices]") {
  const auto t = load_price_table(std::string(MAGMAT_MATERIALS_DIR) + "/prices/usgs_mcs_2019.json");
  CHECK(t.price_per_kg == default_price_table().price_per_kg);
}
