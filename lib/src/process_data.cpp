// Loading of the process records from the embedded materials/processes/*.json files, with the
// calibration of the Kronmüller parameters to published magnets.
#include <magmat/magnet.hpp>
#include <magmat/model_formulas.hpp>

#include "data_parsers.hpp"
#include "embedded_files.hpp"
#include "data_fields.hpp"
#include "json_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
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

// The unknowns a calibration may solve for. HcJ = alpha_K HA - N_eff Ms - c T / Js is linear in
// (alpha_K, N_eff, c) with c = 25 kB / v, so n points fix n of them; the others keep the file's values.
enum class unknown { alpha_k, n_eff, activation_volume };

unknown unknown_from(const json_cursor& name) {
  const std::string text = name.string();
  if (text == "alpha_k") return unknown::alpha_k;
  if (text == "n_eff") return unknown::n_eff;
  if (text == "activation_volume") return unknown::activation_volume;
  name.fail("unknown calibration parameter '" + text + "' (expected alpha_k, n_eff or activation_volume)");
}

// Solves the n x n system a x = b (n <= 3) by Gaussian elimination with partial pivoting; false
// if it is singular to working precision.
bool solve_linear(std::vector<std::vector<double>> a, std::vector<double> b, std::vector<double>& x) {
  const std::size_t n = b.size();
  double scale = 0.0;
  for (const auto& row : a)
    for (double v : row) scale = std::max(scale, std::abs(v));
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < n; ++r)
      if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
    if (!(std::abs(a[pivot][col]) > 1e-12 * scale)) return false;
    std::swap(a[col], a[pivot]);
    std::swap(b[col], b[pivot]);
    for (std::size_t r = col + 1; r < n; ++r) {
      const double f = a[r][col] / a[col][col];
      for (std::size_t k = col; k < n; ++k) a[r][k] -= f * a[col][k];
      b[r] -= f * b[col];
    }
  }
  x.assign(n, 0.0);
  for (std::size_t i = n; i-- > 0;) {
    double sum = b[i];
    for (std::size_t k = i + 1; k < n; ++k) sum -= a[i][k] * x[k];
    x[i] = sum / a[i][i];
  }
  return true;
}

// Solves the calibration's unknowns (`solve_for`; by default alpha_K for one point, alpha_K and
// N_eff for two) so that HcJ = alpha_K HA(T) - N_eff Ms(T) - 25 kB T / (Js(T) v) of the
// calibration phase passes through the points.
void calibrate(process_parameters& record, const json_cursor& calibration) {
  const Phase phase = Phase::from_formula(calibration.at("main_phase").string());
  const auto points_field = calibration.at("intrinsic_coercivity");
  if (!points_field.node().is_array()) points_field.fail("expected an array of points");
  std::vector<std::pair<thermodynamic_temperature, double>> points; // temperature, HcJ (A/m)
  for (std::size_t i = 0; i < points_field.node().size(); ++i) {
    const auto point = points_field.at(i);
    note_source(record, fmt::format("calibration.intrinsic_coercivity[{}]", i), point);
    points.emplace_back(from_kelvin(point.at("temperature").quantity("K")), point.at("value").quantity("A/m"));
  }
  if (points.empty() || points.size() > 3) points_field.fail("give one to three calibration points");
  std::vector<unknown> unknowns;
  if (calibration.has("solve_for")) {
    const auto names = calibration.at("solve_for");
    if (!names.node().is_array()) names.fail("expected an array of parameter names");
    for (std::size_t i = 0; i < names.node().size(); ++i) {
      const unknown u = unknown_from(names.at(i));
      if (std::find(unknowns.begin(), unknowns.end(), u) != unknowns.end()) names.at(i).fail("named twice");
      unknowns.push_back(u);
    }
  } else {
    unknowns = {unknown::alpha_k};
    if (points.size() == 2) unknowns.push_back(unknown::n_eff);
  }
  if (unknowns.size() != points.size())
    points_field.fail(fmt::format("{} points for {} unknowns: give one point per parameter solved for",
                                  points.size(), unknowns.size()));
  // Row i: HA_i a - Ms_i n - (T_i / Js_i) c = HcJ_i, the known terms moved to the right.
  const double c_known = record.activation_volume > 0.0
                             ? 25.0 * formulas::boltzmann_constant_j_per_k / record.activation_volume : 0.0;
  std::vector<std::vector<double>> a;
  std::vector<double> b;
  for (const auto& [temperature, coercivity] : points) {
    const double ha = phase.anisotropy_field(temperature).value();
    const double js = phase.saturation_polarization(temperature).value();
    const double ms = formulas::magnetization_of(js);
    const double thermal = to_kelvin(temperature) / js;
    const double column[] = {ha, -ms, -thermal};
    const double known[] = {record.alpha_k, record.n_eff, c_known};
    std::vector<double> row;
    double rhs = coercivity;
    for (int k = 0; k < 3; ++k) {
      if (std::find(unknowns.begin(), unknowns.end(), static_cast<unknown>(k)) != unknowns.end()) continue;
      rhs -= column[k] * known[k];
    }
    for (unknown u : unknowns) row.push_back(column[static_cast<int>(u)]);
    a.push_back(row);
    b.push_back(rhs);
  }
  std::vector<double> x;
  if (!solve_linear(a, b, x)) points_field.fail("calibration points are degenerate");
  for (std::size_t i = 0; i < unknowns.size(); ++i) {
    switch (unknowns[i]) {
    case unknown::alpha_k: record.alpha_k = x[i]; record.sources["alpha_k"] = {"calibration", confidence::derived}; break;
    case unknown::n_eff: record.n_eff = x[i]; record.sources["n_eff"] = {"calibration", confidence::derived}; break;
    case unknown::activation_volume:
      if (!(x[i] > 0.0))
        calibration.fail(fmt::format("calibration gives a thermal-activation coefficient {:.4g} <= 0, so no "
                                     "activation volume fits", x[i]));
      record.activation_volume = 25.0 * formulas::boltzmann_constant_j_per_k / x[i];
      record.sources["activation_volume"] = {"calibration", confidence::derived};
      break;
    }
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
  record.recoil_permeability = ratio(record, root, "recoil_permeability", 1.0, max_recoil_permeability);
  record.squareness = ratio(record, root, "squareness", 0.01, 0.999);
  if (root.has("n_eff")) record.n_eff = ratio(record, root, "n_eff", 0.0, 5.0);
  if (root.has("alpha_k")) record.alpha_k = ratio(record, root, "alpha_k", 0.0, 1.0);
  if (root.has("grain_boundary_rare_earth"))
    record.grain_boundary_rare_earth = ratio(record, root, "grain_boundary_rare_earth", 0.0, 0.2);
  if (root.has("shell_volume_fraction"))
    record.shell_volume_fraction = ratio(record, root, "shell_volume_fraction", 0.01, 1.0);
  if (root.has("activation_volume")) {
    // In nm^3 (the unit converter has no volumes); 1e-3 to 1e6 nm^3 spans every reported value.
    const auto field = root.at("activation_volume");
    if (!field.has("unit") || field.at("unit").string() != "nm3") field.fail("give the activation volume in \"nm3\"");
    const double nm3 = field.at("value").number();
    if (!(nm3 >= 1e-3 && nm3 <= 1e6)) field.fail(fmt::format("must lie in [0.001, 1e6] nm3, got {}", nm3));
    record.activation_volume = nm3 * 1e-27;
    note_source(record, "activation_volume", field);
  }
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
