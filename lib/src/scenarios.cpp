// Supply scenarios (materials/scenarios/*.json): loading, interpolation, element tonnages.
#include <magmat/scenarios.hpp>

#include "data_parsers.hpp"
#include "embedded_files.hpp"
#include "json_fields.hpp"

#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace magmat {
namespace {

using detail::json_cursor;

/// Tolerance on the sum of the mass shares of a magnet mix (the brief's 1e-6).
constexpr double share_sum_tolerance = 1e-6;

supply_series parse_series(std::string_view text, const std::string& file) {
  const auto document = detail::parse_json(text, file);
  const json_cursor root(file, document);
  if (!document.is_object()) root.fail("expected an object");
  supply_series s;
  s.name = root.at("name").string();
  s.description = root.at("description").string();
  s.quantity = root.at("quantity").string();
  s.unit = root.at("unit").string();
  if (s.unit != "t/year") root.at("unit").fail("unit must be \"t/year\", got \"" + s.unit + "\"");
  s.region = root.at("region").string();
  s.source = root.at("source").string();
  s.location = root.at("location").string();
  s.quote = root.at("quote").string();
  s.cited_source = root.has("cited_source") ? root.at("cited_source").string() : std::string();
  const auto points = root.at("points");
  if (!points.node().is_array() || points.node().size() < 2) points.fail("needs an array of at least two points");
  for (std::size_t i = 0; i < points.node().size(); ++i) {
    const auto p = points.at(i);
    supply_point point{p.at("year").number(), p.at("value").number(),
                       p.has("as_written") ? p.at("as_written").string() : std::string()};
    if (!(point.value >= 0.0)) p.at("value").fail("a tonnage must be >= 0");
    if (i > 0 && !(point.year > s.points.back().year)) p.at("year").fail("years must increase strictly");
    s.points.push_back(std::move(point));
  }
  return s;
}

const std::map<std::string, supply_series, std::less<>>& registry() {
  static const auto series = [] {
    std::map<std::string, supply_series, std::less<>> loaded;
    for (const auto& file : detail::embedded_files()) {
      if (!file.path.starts_with("scenarios/") || !file.path.ends_with(".json")) continue;
      const std::string name = "materials/" + std::string(file.path);
      supply_series s = parse_series(file.text, name);
      const std::string expected(file.path.substr(10, file.path.size() - 10 - 5)); // scenarios/<name>.json
      if (s.name != expected) throw data_error(name + ": /name: '" + s.name + "' does not match the file name");
      loaded.emplace(s.name, std::move(s));
    }
    return loaded;
  }();
  return series;
}

void check_tonnes(double tonnes, std::string_view what) {
  if (!std::isfinite(tonnes) || tonnes < 0.0)
    throw domain_error(fmt::format("{} must be finite and >= 0 t, got {}", what, tonnes));
}

double interpolate(const supply_point& a, const supply_point& b, double year) {
  return a.value + (b.value - a.value) * (year - a.year) / (b.year - a.year);
}

} // namespace

supply_series detail::parse_scenario_file(std::string_view text, const std::string& file) {
  return parse_series(text, file);
}

const supply_series& supply_scenario(std::string_view name) {
  const auto& all = registry();
  const auto it = all.find(name);
  if (it != all.end()) return it->second;
  std::string known;
  for (const auto& [n, s] : all) known += (known.empty() ? "" : ", ") + n;
  throw unknown_name_error(fmt::format("no supply scenario named '{}'; known scenarios: {}", name, known));
}

std::vector<std::string> supply_scenario_names() {
  std::vector<std::string> names;
  for (const auto& [n, s] : registry()) names.push_back(n);
  return names;
}

double value_at(const supply_series& series, double year, bool extrapolate) {
  if (!std::isfinite(year)) throw domain_error(fmt::format("year must be finite, got {}", year));
  const auto& p = series.points;
  if (p.size() < 2) throw data_error(fmt::format("supply scenario '{}' has fewer than two points", series.name));
  const double first = p.front().year, last = p.back().year;
  if (year < first || year > last) {
    if (!extrapolate)
      throw domain_error(fmt::format("year {:g} is outside the years {:g}-{:g} given for '{}'; pass "
                                     "extrapolate=true to continue the line through the two nearest points",
                                     year, first, last, series.name));
    const double value = year < first ? interpolate(p[0], p[1], year) : interpolate(p[p.size() - 2], p.back(), year);
    return std::max(value, 0.0);
  }
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (year == p[i].year) return p[i].value;
    if (year < p[i + 1].year) return interpolate(p[i], p[i + 1], year);
  }
  return p.back().value;
}

std::map<Element, double> element_tonnes(double magnet_tonnes, const Composition& magnet) {
  check_tonnes(magnet_tonnes, "magnet tonnage");
  std::map<Element, double> out;
  for (const auto& [e, w] : magnet.mass_fractions()) out[e] = magnet_tonnes * w;
  return out;
}

std::map<Element, double> element_tonnes(double magnet_tonnes,
                                         const std::vector<std::pair<Composition, double>>& mix) {
  check_tonnes(magnet_tonnes, "magnet tonnage");
  if (mix.empty()) throw domain_error("a magnet mix needs at least one (composition, share) pair");
  double sum = 0.0;
  for (const auto& [c, share] : mix) {
    if (!std::isfinite(share) || share < 0.0)
      throw domain_error(fmt::format("the share of {} must be finite and >= 0, got {}", c.formula(), share));
    sum += share;
  }
  if (std::abs(sum - 1.0) > share_sum_tolerance)
    throw domain_error(fmt::format("the shares of a magnet mix must sum to 1 within {:g}, got {:.9g}",
                                   share_sum_tolerance, sum));
  std::map<Element, double> out;
  for (const auto& [c, share] : mix)
    for (const auto& [e, t] : element_tonnes(magnet_tonnes * share, c)) out[e] += t;
  return out;
}

double compound_tonnes_from_element(double element_tonnes, const Composition& compound, Element element) {
  check_tonnes(element_tonnes, "element tonnage");
  const double w = compound.mass_fraction(element);
  if (!(w > 0.0))
    throw domain_error(fmt::format("{} contains no {}", compound.formula(), symbol(element)));
  return element_tonnes / w;
}

std::map<Element, double> recycled_element_tonnes(const supply_series& recoverable, double year,
                                                  const Composition& scrap_composition, double recovery_yield) {
  if (!std::isfinite(recovery_yield) || !(recovery_yield > 0.0 && recovery_yield <= 1.0))
    throw domain_error(fmt::format("recovery yield must lie in (0, 1], got {}", recovery_yield));
  return element_tonnes(value_at(recoverable, year) * recovery_yield, scrap_composition);
}

} // namespace magmat
