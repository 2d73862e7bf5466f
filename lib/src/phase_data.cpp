// Loading of the end-member phase records from the embedded materials/phases/*.json files.
#include <magmat/phases.hpp>

#include "data_parsers.hpp"
#include "embedded_files.hpp"
#include "data_fields.hpp"
#include "json_fields.hpp"

#include <magmat/temperature.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace magmat {
namespace {

using detail::json_cursor;

using detail::confidence_from;

// Records the source of a sourced value object under `name`, if it names one.
void note_source(phase_record& record, const std::string& name, const json_cursor& value) {
  if (!value.has("source")) return;
  source_tag tag;
  const auto source = value.at("source");
  if (source.node().is_array()) { // several keys: "A; B"
    for (std::size_t i = 0; i < source.node().size(); ++i) tag.key += (i ? "; " : "") + source.at(i).string();
  } else {
    tag.key = source.string();
  }
  if (value.has("confidence")) tag.confidence = confidence_from(value.at("confidence"));
  record.sources[name] = tag;
}

thermodynamic_temperature kelvin_field(const json_cursor& field) {
  const double kelvin = field.quantity("K");
  if (!(kelvin >= 0.0)) field.fail("temperature below absolute zero");
  return from_kelvin(kelvin);
}

phase_record parse_phase(std::string_view text, const std::string& file) {
  const auto document = detail::parse_json(text, file);
  const json_cursor root(file, document);
  phase_record record;
  record.id = root.at("id").string();
  record.formula = root.at("formula").string();
  record.nominal_formula = root.has("nominal_formula") ? root.at("nominal_formula").string() : record.formula;
  try {
    Composition::from_formula(record.nominal_formula);
  } catch (const error& e) {
    root.at(root.has("nominal_formula") ? "nominal_formula" : "formula")
        .fail(std::string("not a formula magmat can read (give a nominal_formula): ") + e.what());
  }
  record.family = detail::phase_family_from(root.at("family"));
  record.reference_temperature = kelvin_field(root.at("reference_temperature"));

  const auto js = root.at("saturation_polarization");
  record.saturation_polarization = magnetic_polarization::from_value(js.quantity("T"));
  note_source(record, "saturation_polarization", js);
  if (!(record.saturation_polarization.value() > 0.0)) js.fail("saturation polarization must be > 0 T");

  const auto ha = root.at("anisotropy_field_mu0");
  record.anisotropy_field = magnetic_field_strength::from_value(ha.quantity("T") / vacuum_permeability_h_per_m);
  note_source(record, "anisotropy_field", ha);
  if (!(record.anisotropy_field.value() >= 0.0)) ha.fail("anisotropy field must be >= 0");

  const auto tc = root.at("curie_temperature");
  record.curie_temperature = kelvin_field(tc);
  note_source(record, "curie_temperature", tc);
  if (!(record.curie_temperature > record.reference_temperature))
    tc.fail("Curie temperature must lie above the reference temperature");

  const auto rho = root.at("density");
  record.density = mass_density::from_value(rho.quantity("kg/m3"));
  note_source(record, "density", rho);
  if (!(record.density.value() > 0.0)) rho.fail("density must be > 0");

  if (root.has("rare_earth_coupling")) {
    const auto coupling = root.at("rare_earth_coupling");
    const std::string value = coupling.string();
    if (value != "parallel" && value != "antiparallel")
      coupling.fail("must be \"parallel\" or \"antiparallel\"");
    record.rare_earth_antiparallel = value == "antiparallel";
  }

  const auto magnetization = root.at("magnetization_temperature_law");
  const auto js0 = magnetization.at("saturation_polarization_0K");
  record.saturation_polarization_0K = magnetic_polarization::from_value(js0.quantity("T"));
  note_source(record, "saturation_polarization_0K", js0);
  const std::string law = magnetization.at("law").string();
  if (law == "kuzmin") {
    record.law = magnetization_law::kuzmin;
    const auto s = magnetization.at("s");
    const auto p = magnetization.at("p");
    record.law_first = s.at("value").number();
    record.law_second = p.at("value").number();
    note_source(record, "kuzmin_s", s);
    note_source(record, "kuzmin_p", p);
    if (!(record.law_second > 1.5)) p.fail("Kuz'min p must be > 1.5");
    // m^3 = 1 - s tau^1.5 - (1 - s) tau^p falls monotonically from 1 to 0 on [0, 1] for s <= p/1.5.
    if (!(record.law_first >= 0.0 && record.law_first <= record.law_second / 1.5))
      s.fail("Kuz'min s must lie in [0, p/1.5] for a monotone magnetization curve");
  } else if (law == "critical_power") {
    record.law = magnetization_law::critical_power;
    const auto a = magnetization.at("a");
    const auto b = magnetization.at("b");
    record.law_first = a.at("value").number();
    record.law_second = b.at("value").number();
    note_source(record, "critical_power_a", a);
    note_source(record, "critical_power_b", b);
    if (!(record.law_first > 0.0)) a.fail("a must be > 0");
    if (!(record.law_second > 0.0)) b.fail("b must be > 0");
  } else {
    magnetization.at("law").fail("unknown law '" + law + "' (expected kuzmin or critical_power)");
  }
  // The law must reproduce the reference polarization it was anchored to (to 0.5 %).
  {
    const double tau = to_kelvin(record.reference_temperature) / to_kelvin(record.curie_temperature);
    const double m = record.law == magnetization_law::kuzmin
                         ? kuzmin_reduced_magnetization(tau, record.law_first, record.law_second)
                         : critical_power_reduced_magnetization(tau, record.law_first, record.law_second);
    const double predicted = record.saturation_polarization_0K.value() * m;
    if (std::abs(predicted / record.saturation_polarization.value() - 1.0) > 5e-3)
      js0.fail(fmt::format("the law gives Js = {:.4f} T at the reference temperature, not the stored {:.4f} T",
                           predicted, record.saturation_polarization.value()));
  }

  const auto anisotropy_law = root.at("anisotropy_temperature_law");
  const std::string anisotropy = anisotropy_law.at("law").string();
  if (anisotropy == "power_of_magnetization") {
    const auto n = anisotropy_law.at("exponent");
    record.anisotropy_exponent = n.at("value").number();
    note_source(record, "anisotropy_exponent", n);
  } else if (anisotropy == "table") {
    record.anisotropy_tabulated = true;
    const auto points = anisotropy_law.at("points");
    if (!points.node().is_array() || points.node().size() < 2) points.fail("needs at least two points");
    for (std::size_t i = 0; i < points.node().size(); ++i) {
      const auto point = points.at(i);
      record.anisotropy_table.push_back(
          {kelvin_field(point.at("temperature")),
           magnetic_field_strength::from_value(point.at("anisotropy_field_mu0").quantity("T") / vacuum_permeability_h_per_m)});
    }
    for (std::size_t i = 1; i < record.anisotropy_table.size(); ++i) {
      if (!(record.anisotropy_table[i].temperature > record.anisotropy_table[i - 1].temperature))
        points.at(i).fail("temperatures must increase");
    }
    note_source(record, "anisotropy_table", anisotropy_law);
  } else {
    anisotropy_law.at("law").fail("unknown law '" + anisotropy + "' (expected power_of_magnetization or table)");
  }

  if (root.has("composition")) {
    const auto composition = root.at("composition");
    const auto parameter = composition.at("parameter");
    record.substitution_nominal = parameter.at("nominal").number();
    record.substitution_min = parameter.at("min").number();
    record.substitution_max = parameter.at("max").number();
    if (!(record.substitution_nominal > 0.0 && record.substitution_min <= record.substitution_nominal &&
          record.substitution_max >= record.substitution_nominal))
      parameter.fail("needs min <= nominal <= max and nominal > 0");
    if (composition.has("mass_fraction_ranges")) {
      const auto ranges = composition.at("mass_fraction_ranges");
      if (!ranges.node().is_object()) ranges.fail("expected an object of element ranges");
      for (const auto& [symbol_text, range] : ranges.node().items()) {
        const json_cursor entry(file, range, ranges.pointer() + "/" + symbol_text);
        Element element{};
        if (!try_element_from_symbol(symbol_text, element)) entry.fail("unknown element symbol");
        const double scale = entry.has("unit") ? convert(1.0, entry.at("unit").string(), "1") : 1.0;
        const double low = entry.at("min").number() * scale, high = entry.at("max").number() * scale;
        if (!(low >= 0.0 && low <= high && high <= 1.0)) entry.fail("needs 0 <= min <= max <= 100 %");
        record.mass_fraction_ranges.push_back({element, low, high});
      }
    }
  }

  record.min_temperature = from_kelvin(0.0);
  record.max_temperature = record.curie_temperature;
  if (root.has("validity")) {
    const auto validity = root.at("validity");
    if (validity.has("min_temperature")) record.min_temperature = kelvin_field(validity.at("min_temperature"));
    if (validity.has("max_temperature")) record.max_temperature = kelvin_field(validity.at("max_temperature"));
  }
  if (record.anisotropy_tabulated) {
    // The table must cover the whole validity range: between its points HA is interpolated,
    // and nothing is extrapolated (model_formulas.hpp).
    const auto& table = record.anisotropy_table;
    if (table.front().temperature > record.min_temperature || table.back().temperature < record.max_temperature)
      root.at("anisotropy_temperature_law").at("points").fail(fmt::format(
          "the table covers {:.1f}-{:.1f} K but the validity range is {:.1f}-{:.1f} K",
          to_kelvin(table.front().temperature), to_kelvin(table.back().temperature),
          to_kelvin(record.min_temperature), to_kelvin(record.max_temperature)));
    for (std::size_t i = 0; i < table.size(); ++i) {
      if (!(table[i].anisotropy_field.value() >= 0.0) || !std::isfinite(table[i].anisotropy_field.value()))
        root.at("anisotropy_temperature_law").at("points").at(i).fail("anisotropy field must be finite and >= 0");
    }
  }
  if (root.has("notes")) {
    const auto notes = root.at("notes");
    if (!notes.node().is_array()) notes.fail("expected an array of strings");
    for (std::size_t i = 0; i < notes.node().size(); ++i) record.notes.push_back(notes.at(i).string());
  }
  return record;
}

const std::map<std::string, phase_record, std::less<>>& registry() {
  static const auto phases = [] {
    std::map<std::string, phase_record, std::less<>> loaded;
    for (const auto& file : detail::embedded_files()) {
      if (!file.path.starts_with("phases/") || !file.path.ends_with(".json")) continue;
      const std::string name = "materials/" + std::string(file.path);
      phase_record record = parse_phase(file.text, name);
      const std::string expected = std::string(file.path.substr(7, file.path.size() - 7 - 5)); // phases/<id>.json
      if (record.id != expected)
        throw data_error(name + ": /id: '" + record.id + "' does not match the file name");
      const std::string id = record.id;
      if (!loaded.emplace(id, std::move(record)).second) throw data_error(name + ": /id: duplicate phase id '" + id + "'");
    }
    return loaded;
  }();
  return phases;
}

} // namespace

phase_record detail::parse_phase_file(std::string_view text, const std::string& file) {
  return parse_phase(text, file);
}

std::string_view to_string(phase_family family) {
  switch (family) {
  case phase_family::r2fe14b: return "r2fe14b";
  case phase_family::smco5: return "smco5";
  case phase_family::sm2co17: return "sm2co17";
  case phase_family::hexaferrite: return "hexaferrite";
  }
  return "unknown";
}

const phase_record& phase_data(std::string_view id) {
  const auto& phases = registry();
  const auto it = phases.find(id);
  if (it == phases.end()) {
    std::string known;
    for (const auto& [name, record] : phases) known += (known.empty() ? "" : ", ") + name;
    throw unknown_name_error("no phase data for '" + std::string(id) + "'; known phases: " + known);
  }
  return it->second;
}

std::vector<std::string> phase_ids() {
  std::vector<std::string> ids;
  for (const auto& [name, record] : registry()) ids.push_back(name);
  return ids;
}

} // namespace magmat
