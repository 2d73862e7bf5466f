// Element price tables (materials/prices/*.json) and raw-material cost per kg of magnet.
#include <magmat/prices.hpp>

#include "embedded_files.hpp"
#include "json_fields.hpp"

#include <magmat/data_files.hpp>
#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace magmat {
namespace {

using detail::json_cursor;

/// Exact definition of the avoirdupois pound (International Yard and Pound Agreement, 1959).
constexpr double kg_per_pound = 0.45359237;

// A quote {"value", "unit"} with unit "<currency>/kg", "/lb" or "/t" (currency: three capitals).
struct quote {
  std::string currency;
  double per_kg = 0.0;
};

quote price_per_kg_field(const json_cursor& price) {
  const double value = price.at("value").number();
  if (!(value >= 0.0) || !std::isfinite(value)) price.at("value").fail("a price must be finite and >= 0");
  const auto unit_field = price.at("unit");
  const std::string unit = unit_field.string();
  const auto slash = unit.find('/');
  const std::string currency = unit.substr(0, slash);
  const bool currency_ok = slash == 3 && std::all_of(currency.begin(), currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  const std::string per = slash == std::string::npos ? "" : unit.substr(slash + 1);
  if (currency_ok && per == "kg") return {currency, value};
  if (currency_ok && per == "lb") return {currency, value / kg_per_pound};
  if (currency_ok && per == "t") return {currency, value / 1000.0};
  unit_field.fail(fmt::format("unit '{}' is not <currency>/kg, /lb or /t (e.g. USD/kg)", unit));
}

// A quote in another currency than the table's is converted by the entry's "exchange_rate"
// {"value", "unit": "<quote currency>/<table currency>", "source", "where"}: one sourced rate per
// entry, so the table says which rate turned which quote into its currency.
double in_table_currency(const json_cursor& entry, const quote& q, const std::string& table_currency,
                         std::string& note) {
  if (q.currency == table_currency) {
    if (entry.has("exchange_rate"))
      entry.at("exchange_rate").fail("the price is already in the table's currency " + table_currency);
    return q.per_kg;
  }
  if (!entry.has("exchange_rate"))
    entry.at("price").at("unit").fail(fmt::format("a price in {} needs an exchange_rate to the table's currency {}",
                                                  q.currency, table_currency));
  const auto rate = entry.at("exchange_rate");
  const double value = rate.at("value").number();
  if (!(value > 0.0) || !std::isfinite(value)) rate.at("value").fail("an exchange rate must be finite and > 0");
  const std::string wanted = q.currency + "/" + table_currency;
  if (rate.at("unit").string() != wanted) rate.at("unit").fail("expected " + wanted);
  const double converted = q.per_kg / value;
  note += fmt::format("; {:.6g} {}/kg / {:.6g} {} ({}: {}) = {:.6g} {}/kg", q.per_kg, q.currency, value, wanted,
                      rate.at("source").string(), rate.at("where").string(), converted, table_currency);
  return converted;
}

} // namespace

price_table price_table_from_json(std::string_view text, const std::string& label) {
  const auto document = detail::parse_json(text, label);
  const json_cursor root(label, document);
  if (!document.is_object()) root.fail("expected an object");
  price_table table;
  table.name = root.at("name").string();
  table.currency = root.at("currency").string();
  if (table.currency.empty()) root.at("currency").fail("must not be empty");
  table.date = root.at("date").string();
  table.basis = root.at("basis").string();
  const auto prices = root.at("prices");
  if (!prices.node().is_object() || prices.node().empty()) prices.fail("expected a non-empty object of element prices");
  for (const auto& [symbol_text, entry_node] : prices.node().items()) {
    const json_cursor entry(label, entry_node, prices.pointer() + "/" + symbol_text);
    Element element{};
    if (!try_element_from_symbol(symbol_text, element)) entry.fail("unknown element symbol '" + symbol_text + "'");
    const std::string source = entry.at("source").string();
    std::string note = source;
    if (entry.has("form")) note += ": " + entry.at("form").string();
    if (entry.has("where")) note += " (" + entry.at("where").string() + ")";
    const double quoted = in_table_currency(entry, price_per_kg_field(entry.at("price")), table.currency, note);
    double per_element = quoted;
    if (entry.has("compound")) {
      // The quote is per kg of compound (an oxide): divide by the element's mass fraction.
      const auto compound_field = entry.at("compound");
      const std::string formula = compound_field.string();
      double fraction = 0.0;
      try {
        fraction = Composition::from_formula(formula).mass_fraction(element);
      } catch (const error& e) {
        compound_field.fail(std::string("not a formula magmat can read: ") + e.what());
      }
      if (!(fraction > 0.0)) compound_field.fail("the compound " + formula + " does not contain " + symbol_text);
      per_element = quoted / fraction;
      note += fmt::format("; {:.6g} {}/kg of {} / w_{}({}) = {:.6g} -> {:.6g} {}/kg of contained {}", quoted,
                          table.currency, formula, symbol_text, formula, fraction, per_element, table.currency,
                          symbol_text);
    } else {
      note += fmt::format("; {:.6g} {}/kg", per_element, table.currency);
    }
    // Each step above is finite, but a huge quote can still overflow through the /lb, exchange-rate
    // or oxide-fraction division.
    if (!std::isfinite(per_element))
      entry.at("price").at("value").fail(fmt::format("the price overflows when converted to {}/kg of contained {}",
                                                     table.currency, symbol_text));
    table.price_per_kg[element] = per_element;
    table.sources[element] = note;
  }
  return table;
}

price_table load_price_table(const std::filesystem::path& path) {
  return price_table_from_json(read_data_file(path, "price table"), path.string());
}

const price_table& default_price_table() {
  static const price_table table = [] {
    for (const auto& file : detail::embedded_files()) {
      if (file.path == "prices/usgs_mcs_2019.json") return price_table_from_json(file.text, "materials/" + std::string(file.path));
    }
    throw data_error("materials/prices/usgs_mcs_2019.json: /: not embedded in the library");
  }();
  return table;
}

price_table with_shock(const price_table& table, double factor, const std::optional<std::vector<Element>>& elements) {
  if (!std::isfinite(factor) || factor < 0.0)
    throw domain_error(fmt::format("price shock factor must be finite and >= 0, got {}", factor));
  price_table out = table;
  out.name = fmt::format("{} x{:g}", table.name, factor);
  if (elements) {
    for (const Element e : *elements) {
      const auto it = out.price_per_kg.find(e);
      if (it == out.price_per_kg.end())
        throw unknown_name_error(fmt::format("cannot shock the price of {}: it is not in the price table '{}'",
                                             symbol(e), table.name));
    }
    for (const Element e : *elements) out.price_per_kg[e] = table.price_per_kg.at(e) * factor;
  } else {
    for (auto& [e, price] : out.price_per_kg)
      if (is_rare_earth(e)) price *= factor;
  }
  // A finite factor can still overflow a price (x1e308 on 50 USD/kg), and every cost after it.
  for (const auto& [e, price] : out.price_per_kg) {
    if (!std::isfinite(price))
      throw domain_error(fmt::format("price shock factor {:g} overflows the price of {} ({:g} {}/kg in '{}')", factor,
                                     symbol(e), table.price_per_kg.at(e), table.currency, table.name));
  }
  return out;
}

double raw_material_cost(const Composition& magnet, const price_table& table) {
  double cost = 0.0;
  for (const auto& [e, w] : magnet.mass_fractions()) {
    const auto it = table.price_per_kg.find(e);
    if (it == table.price_per_kg.end())
      throw unknown_name_error(fmt::format(
          "no price for {} in the price table '{}' (it has no sourced price); add one to a user table "
          "(load_price_table) to cost {}", symbol(e), table.name, magnet.formula()));
    cost += w * it->second;
  }
  return cost;
}

} // namespace magmat
