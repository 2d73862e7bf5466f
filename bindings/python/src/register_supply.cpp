// Python bindings of prices.hpp and scenarios.hpp: price tables, raw-material cost, supply scenarios.
#include "element_arg.hpp"
#include "composition_arg.hpp"
#include "path_arg.hpp"
#include "pybind.hpp"
#include "real_array_arg.hpp"

#include <magmat/composition.hpp>
#include <magmat/errors.hpp>
#include <magmat/prices.hpp>
#include <magmat/scenarios.hpp>

#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace magmat::python {
namespace {


template <class T>
py::dict symbol_dict(const std::map<Element, T>& values) {
  py::dict out;
  for (const auto& [e, v] : values) out[py::str(std::string(symbol(e)))] = v;
  return out;
}

template <class T>
std::map<Element, T> element_map(const std::map<element_arg, T>& values) {
  std::map<Element, T> out;
  for (const auto& [key, v] : values) {
    const Element e = to_element(key);
    if (!out.emplace(e, v).second) throw domain_error("element " + std::string(symbol(e)) + " is given twice");
  }
  return out;
}

price_table make_table(const std::string& name, const std::string& currency, const std::string& date,
                       const std::string& basis, const std::map<element_arg, double>& prices,
                       const std::optional<std::map<element_arg, std::string>>& sources) {
  price_table t{name, currency, date, basis, element_map(prices), {}};
  for (const auto& [e, p] : t.price_per_kg)
    if (!std::isfinite(p) || p < 0.0)
      throw domain_error(fmt::format("the price of {} must be finite and >= 0, got {}", symbol(e), p));
  if (sources) t.sources = element_map(*sources);
  return t;
}

} // namespace

void register_supply(py::module_& m) {
  py::class_<price_table>(m, "PriceTable",
      "Element prices in a currency per kg of contained element, with date, basis and a source note per "
      "element. default_price_table() is the shipped USGS MCS 2019 table; build your own with "
      "PriceTable(...) or load_price_table(path).")
      .def(py::init(&make_table), py::arg("name"), py::arg("currency"), py::arg("date"), py::arg("basis"),
           py::arg("prices"), py::arg("sources") = py::none(),
           "A table from prices in `currency` per kg of element ({'Nd': 52.5, ...}, symbols or Element keys); "
           "each price must be finite and >= 0.")
      .def_readonly("name", &price_table::name)
      .def_readonly("currency", &price_table::currency)
      .def_readonly("date", &price_table::date)
      .def_readonly("basis", &price_table::basis)
      .def_property_readonly("prices", [](const price_table& t) { return symbol_dict(t.price_per_kg); },
          "{symbol: price per kg of contained element}.")
      .def_property_readonly("sources", [](const price_table& t) { return symbol_dict(t.sources); },
          "{symbol: source key, form and conversion}.")
      .def("with_shock",
          [](const price_table& t, double factor, const std::optional<std::vector<element_arg>>& elements) {
            if (!elements) return with_shock(t, factor);
            std::vector<Element> list;
            for (const auto& e : *elements) list.push_back(to_element(e));
            return with_shock(t, factor, list);
          },
          py::arg("factor"), py::arg("elements") = py::none(),
          "A copy with the prices of `elements` (default: every rare earth in the table) multiplied by factor.")
      .def("__repr__", [](const price_table& t) {
        return fmt::format("PriceTable('{}', currency='{}', date='{}', {} elements)", t.name, t.currency, t.date,
                           t.price_per_kg.size());
      });

  m.def("default_price_table", &default_price_table, py::return_value_policy::copy,
        "The shipped price table (materials/prices/usgs_mcs_2019.json).");
  m.def("load_price_table", [](const py::object& path) { return load_price_table(path_arg(path)); }, py::arg("path"),
        "A price table from a file in the format of materials/prices/*.json (path: str, bytes or os.PathLike "
        "naming a regular UTF-8 file of at most 64 MiB); DataError names file, pointer, reason.");
  m.def("raw_material_cost",
        [](py::handle composition, const std::optional<price_table>& prices) {
          return raw_material_cost(to_composition(composition), prices ? *prices : default_price_table());
        },
        py::arg("composition"), py::arg("prices") = py::none(),
        "Raw-material cost per kg of magnet (sum of mass fraction x price), in the table's currency; "
        "an element without a price raises UnknownNameError naming it.");

  py::class_<supply_series>(m, "SupplyScenario",
      "A yearly tonnage series from the METI policy (t/year), with its source and location in it.")
      .def_readonly("name", &supply_series::name)
      .def_readonly("description", &supply_series::description)
      .def_readonly("quantity", &supply_series::quantity)
      .def_readonly("unit", &supply_series::unit)
      .def_readonly("region", &supply_series::region)
      .def_readonly("source", &supply_series::source)
      .def_readonly("location", &supply_series::location)
      .def_readonly("quote", &supply_series::quote)
      .def_property_readonly("years", [](const supply_series& s) {
        std::vector<double> v;
        for (const auto& p : s.points) v.push_back(p.year);
        return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
      }, "The given years (float64 array).")
      .def_property_readonly("values", [](const supply_series& s) {
        std::vector<double> v;
        for (const auto& p : s.points) v.push_back(p.value);
        return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
      }, "The given values in t/year (float64 array).")
      .def("at",
          [](const supply_series& s, py::object year, bool extrapolate) -> py::object {
            if (py::isinstance<py::float_>(year) || py::isinstance<py::int_>(year))
              return py::float_(value_at(s, year.cast<double>(), extrapolate));
            require_real_array(year, "year");
            auto years = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(year);
            if (!years) throw domain_error("year must be a number or an array of numbers");
            py::array_t<double> out(years.request().shape);
            const double* in = years.data();
            double* o = out.mutable_data();
            for (py::ssize_t i = 0; i < years.size(); ++i) o[i] = value_at(s, in[i], extrapolate);
            return std::move(out);
          },
          py::arg("year"), py::arg("extrapolate") = false,
          "Value in t/year at year (float or array): exact at given years, linear between them; outside "
          "the range DomainError unless extrapolate=True (line through the two nearest points, clamped at 0).")
      .def("__repr__", [](const supply_series& s) {
        return fmt::format("SupplyScenario('{}', quantity='{}', region='{}')", s.name, s.quantity, s.region);
      });

  m.def("supply_scenario", &supply_scenario, py::return_value_policy::reference, py::arg("name"),
        "The shipped scenario by name; an unknown name raises UnknownNameError listing the known names.");
  m.def("supply_scenario_names", &supply_scenario_names, "Names of the shipped scenarios, sorted.");
  m.def("element_tonnes",
        [](double magnet_tonnes, py::handle composition) {
          if (py::isinstance<py::list>(composition) || py::isinstance<py::tuple>(composition)) {
            std::vector<std::pair<Composition, double>> mix;
            for (auto item : composition) {
              auto pair = item.cast<py::sequence>();
              if (pair.size() != 2) throw domain_error("a magnet mix is a list of (composition, share) pairs");
              mix.emplace_back(to_composition(pair[0]), pair[1].cast<double>());
            }
            return symbol_dict(element_tonnes(magnet_tonnes, mix));
          }
          return symbol_dict(element_tonnes(magnet_tonnes, to_composition(composition)));
        },
        py::arg("magnet_tonnes"), py::arg("composition"),
        "{symbol: t} in magnet_tonnes t of a magnet (Composition, formula, dict of wt%) or of a mix given as "
        "[(composition, share), ...] with shares summing to 1 within 1e-6.");
  m.def("compound_tonnes_from_element",
        [](double element_tonnes, py::handle compound, const element_arg& element) {
          return compound_tonnes_from_element(element_tonnes, to_composition(compound), to_element(element));
        },
        py::arg("element_tonnes"), py::arg("compound"), py::arg("element"),
        "Tonnes of compound containing element_tonnes t of element (80 t Sm -> 236.7 t SmCo5).");
  m.def("recycled_element_tonnes",
        [](const supply_series& scenario, double year, py::handle scrap, double recovery_yield) {
          return symbol_dict(recycled_element_tonnes(scenario, year, to_composition(scrap), recovery_yield));
        },
        py::arg("scenario"), py::arg("year"), py::arg("scrap_composition"), py::arg("recovery_yield") = 1.0,
        "{symbol: t} recovered in year from a recoverable-scrap scenario, scrap composition and yield in (0, 1].");
}

} // namespace magmat::python
