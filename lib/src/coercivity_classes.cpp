// The coercivity classes of sintered NdFeB (catalog.hpp), read once from the embedded
// materials/classes/ndfeb_sintered.json.
#include <magmat/catalog.hpp>

#include "embedded_files.hpp"
#include "json_fields.hpp"

#include <fmt/format.h>

namespace magmat {
namespace {

using detail::json_cursor;

thermodynamic_temperature temperature_field(const json_cursor& field) {
  const double kelvin = field.quantity("K");
  if (!(kelvin > 0.0)) field.fail("temperature must be above absolute zero");
  return from_kelvin(kelvin);
}

std::vector<coercivity_class> parse_classes(std::string_view text, const std::string& file) {
  const auto document = detail::parse_json(text, file);
  const json_cursor root(file, document);
  if (root.at("schema").string() != "magmat-classes/1") root.at("schema").fail("expected \"magmat-classes/1\"");
  if (root.at("family").string() != "ndfeb_sintered") root.at("family").fail("expected \"ndfeb_sintered\"");
  const auto list = root.at("classes");
  if (!list.node().is_array() || list.node().empty()) list.fail("expected a non-empty array of classes");
  std::vector<coercivity_class> classes;
  for (std::size_t i = 0; i < list.node().size(); ++i) {
    const auto entry = list.at(i);
    coercivity_class c;
    c.letter = entry.at("letter").string();
    c.name = entry.at("name").string();
    const auto minimum = entry.at("min_intrinsic_coercivity");
    c.min_intrinsic_coercivity = minimum.quantity("A/m");
    c.min_source = minimum.at("source").string();
    if (!(c.min_intrinsic_coercivity > 0.0)) minimum.fail("must be > 0");
    if (!classes.empty() && !(c.min_intrinsic_coercivity > classes.back().min_intrinsic_coercivity))
      minimum.fail("classes must be listed in ascending HcJ");
    for (const auto& other : classes)
      if (other.letter == c.letter) entry.at("letter").fail("letter listed twice");
    if (entry.has("intrinsic_coercivity_coefficient")) {
      const auto beta = entry.at("intrinsic_coercivity_coefficient");
      const double value = beta.quantity("1/K");
      // Sintered NdFeB loses coercivity on heating: -0.2 to -1 %/K bounds every published class.
      if (!(value >= -0.01 && value <= -0.002)) beta.fail(fmt::format("beta(HcJ) {:.4g} %/K is outside -1 to -0.2 %/K", 100.0 * value));
      c.intrinsic_coercivity_coefficient = temperature_coefficient::from_value(value);
      c.coefficient_interval_stated = beta.has("from") && beta.has("to");
      c.coefficient_from = beta.has("from") ? temperature_field(beta.at("from")) : from_celsius(20.0);
      c.coefficient_to = beta.has("to") ? temperature_field(beta.at("to")) : from_celsius(100.0);
      if (!(c.coefficient_to > c.coefficient_from)) beta.fail("the interval must end above its start");
      c.coefficient_source = beta.at("source").string();
    }
    classes.push_back(std::move(c));
  }
  return classes;
}

} // namespace

const std::vector<coercivity_class>& sintered_coercivity_classes() {
  static const std::vector<coercivity_class> classes = [] {
    for (const auto& file : detail::embedded_files()) {
      if (file.path == "classes/ndfeb_sintered.json")
        return parse_classes(file.text, "materials/classes/ndfeb_sintered.json");
    }
    throw data_error("materials/classes/ndfeb_sintered.json is not embedded");
  }();
  return classes;
}

const coercivity_class* sintered_coercivity_class(std::string_view letter) {
  for (const auto& c : sintered_coercivity_classes())
    if (c.letter == letter) return &c;
  return nullptr;
}

} // namespace magmat
