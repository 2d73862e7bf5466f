// Loading of the process records from the embedded materials/processes/*.json files, with the
// calibration of the Kronmüller parameters to published magnets.
#include <magmat/magnet.hpp>

#include "data_parsers.hpp"
#include "embedded_files.hpp"
#include "data_fields.hpp"
#include "json_fields.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>

namespace magmat {
namespace {

using detail::json_cursor;

using detail::confidence_from;

void note_source(process_parameters& record, const std::string& name, const json_cursor& value) {
  if (!value.has("source")) value.fail("every value needs a \"source\"");
  source_tag tag{value.at("source").string(), confidence::unconfirmed};
  if (value.has("confidence")) tag.confidence = confidence_from(value.at("confidence"));
  record.sources[name] = tag;
}

// A dimensionless sourced value {"value": v[, "unit": "%"|"1"], "source": ...} within [low, high].
double ratio(process_parameters& record, const json_cursor& root, const char* name, double low, double high) {
  const auto field = root.at(name);
  const double value = field.has("unit") ? field.quantity("1") : field.at("value").number();
  if (!(value >= low && value <= high)) field.fail(fmt::format("must lie in [{}, {}], got {}", low, high, value));
  note_source(record, name, field);
  return value;
}

struct coercivity_point {
  thermodynamic_temperature temperature;
  double coercivity; // A/m
};

// Fits alpha_K (and N_eff when two points are given, else keeps the stored N_eff) so that
// HcJ = alpha_K HA(T) - N_eff Ms(T) of the calibration phase passes through the points.
void calibrate(process_parameters& record, const json_cursor& calibration) {
  const Phase phase = Phase::from_formula(calibration.at("main_phase").string());
  const auto points_field = calibration.at("intrinsic_coercivity");
  std::vector<coercivity_point> points;
  for (std::size_t i = 0; i < points_field.node().size(); ++i) {
    const auto point = points_field.at(i);
    note_source(record, fmt::format("calibration.intrinsic_coercivity[{}]", i), point);
    points.push_back({from_kelvin(point.at("temperature").quantity("K")), point.at("value").quantity("A/m")});
  }
  if (points.empty() || points.size() > 2) points_field.fail("give one or two calibration points");
  auto ha = [&](const coercivity_point& p) { return phase.anisotropy_field(p.temperature).value(); };
  auto ms = [&](const coercivity_point& p) { return phase.saturation_magnetization(p.temperature).value(); };
  if (points.size() == 1) {
    record.alpha_k = (points[0].coercivity + record.n_eff * ms(points[0])) / ha(points[0]);
    record.sources["alpha_k"] = {"calibration", confidence::derived};
  } else {
    // Two linear equations a HA_i - n Ms_i = HcJ_i, solved by Cramer's rule.
    const double a11 = ha(points[0]), a12 = -ms(points[0]), a21 = ha(points[1]), a22 = -ms(points[1]);
    const double det = a11 * a22 - a12 * a21;
    if (std::abs(det) < 1e-9 * std::abs(a11 * a22)) points_field.fail("calibration points are degenerate");
    record.alpha_k = (points[0].coercivity * a22 - a12 * points[1].coercivity) / det;
    record.n_eff = (a11 * points[1].coercivity - a21 * points[0].coercivity) / det;
    record.sources["alpha_k"] = {"calibration", confidence::derived};
    record.sources["n_eff"] = {"calibration", confidence::derived};
  }
  if (!(record.alpha_k > 0.0 && record.alpha_k <= 1.0) || !(record.n_eff >= 0.0))
    calibration.fail(fmt::format("calibration gives alpha_K = {:.4g}, N_eff = {:.4g}; expected 0 < alpha_K <= 1 "
                                 "and N_eff >= 0", record.alpha_k, record.n_eff));
}

process_parameters parse_process(std::string_view text, const std::string& file) {
  const auto document = detail::parse_json(text, file);
  const json_cursor root(file, document);
  process_parameters record;
  record.family = detail::phase_family_from(root.at("family"));
  record.process = root.at("process").string();
  record.description = root.at("description").string();
  record.relative_density = ratio(record, root, "relative_density", 0.1, 1.0);
  record.alignment = ratio(record, root, "alignment", 0.5, 1.0);
  record.recoil_permeability = ratio(record, root, "recoil_permeability", 1.0, 2.0);
  record.squareness = ratio(record, root, "squareness", 0.01, 0.999);
  if (root.has("n_eff")) record.n_eff = ratio(record, root, "n_eff", 0.0, 5.0);
  if (root.has("alpha_k")) record.alpha_k = ratio(record, root, "alpha_k", 0.0, 1.0);
  if (root.has("grain_boundary_rare_earth"))
    record.grain_boundary_rare_earth = ratio(record, root, "grain_boundary_rare_earth", 0.0, 0.2);
  if (root.has("shell_volume_fraction"))
    record.shell_volume_fraction = ratio(record, root, "shell_volume_fraction", 0.01, 1.0);
  if (root.has("calibration")) {
    const auto calibration = root.at("calibration");
    try {
      calibrate(record, calibration);
    } catch (const data_error&) {
      throw;
    } catch (const error& e) { // a phase or temperature the model refuses: say where it came from
      calibration.fail(e.what());
    }
  } else if (!root.has("alpha_k") || !root.has("n_eff")) {
    root.fail("give alpha_k and n_eff, or a calibration");
  }
  if (root.has("notes")) {
    const auto notes = root.at("notes");
    if (!notes.node().is_array()) notes.fail("expected an array of strings");
    for (std::size_t i = 0; i < notes.node().size(); ++i) record.notes.push_back(notes.at(i).string());
  }
  return record;
}

using registry_map = std::map<std::pair<phase_family, std::string>, process_parameters, std::less<>>;

const registry_map& registry() {
  static const registry_map processes = [] {
    registry_map loaded;
    for (const auto& file : detail::embedded_files()) {
      if (!file.path.starts_with("processes/") || !file.path.ends_with(".json")) continue;
      const std::string name = "materials/" + std::string(file.path);
      process_parameters record = parse_process(file.text, name);
      const std::string expected = "processes/" + std::string(to_string(record.family)) + "_" + record.process + ".json";
      if (file.path != expected) throw data_error(name + ": /process: file name must be " + expected);
      auto key = std::make_pair(record.family, record.process);
      if (!loaded.emplace(std::move(key), std::move(record)).second)
        throw data_error(name + ": /process: duplicate process");
    }
    return loaded;
  }();
  return processes;
}

} // namespace

process_parameters detail::parse_process_file(std::string_view text, const std::string& file) {
  return parse_process(text, file);
}

const process_parameters& process_data(phase_family family, std::string_view process) {
  const auto& processes = registry();
  const auto it = processes.find(std::make_pair(family, std::string(process)));
  if (it == processes.end()) {
    std::string known;
    for (const auto& name : process_names(family)) known += (known.empty() ? "" : ", ") + name;
    throw unknown_name_error(fmt::format("unknown process '{}' for {} magnets; known: {}", process,
                                         to_string(family), known));
  }
  return it->second;
}

std::vector<std::string> process_names(phase_family family) {
  std::vector<std::string> names;
  for (const auto& [key, record] : registry()) {
    if (key.first == family) names.push_back(key.second);
  }
  return names;
}

} // namespace magmat
