// Reading and validating grade files (catalog.hpp): every problem of a file is collected with
// its JSON pointer, and a file with any problem contributes nothing.
#include <magmat/catalog.hpp>
#include <magmat/demag.hpp>
#include <magmat/errors.hpp>
#include <magmat/phases.hpp>

#include "catalog_internal.hpp"
#include "json_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace magmat::detail {
namespace {

constexpr double mu0 = vacuum_permeability_h_per_m;
// Datasheet rounding allowed when comparing values of one grade with each other.
constexpr double rounding = 0.03;

// Physical bounds of the datasheet temperature coefficients, per family, in 1/K (issue [12]
// item 6). Datasheets give alpha(Br) -0.07..-0.13 %/K for NdFeB, -0.03..-0.05 for Sm-Co,
// -0.18..-0.20 for ferrite, and beta(HcJ) -0.34..-0.8 %/K for NdFeB, -0.17..-0.25 for Sm-Co and
// +0.27 for ferrite (brief §3.3: MAGNETSALES, SOURCEMAG, SHINETSU-HCJ, HSM-FERRITE). The
// bounds are what physics allows, not what is typical: a loss faster than 1 %/K (alpha) or
// 2 %/K (beta) would take Br or HcJ to zero within 100 or 50 K of room temperature, far below
// every family's Curie point, and Ms(T) of a ferromagnet only falls on heating (brief §3.1), so
// alpha <= 0 -- up to the Gd-compensated 2:17 magnets with alpha ~ 0 (MARINESCU08). HcJ falls on
// heating for the rare-earth phases (their HA falls, brief §3.2), except that 2:17 HcJ(T) can
// rise over part of the range (Cu-controlled pinning, GUTFLEISCH09); ferrite HcJ rises (HA of the
// hexaferrite grows as Ms falls), so its beta must be positive, below 1 %/K (about 4x +0.27).
struct coefficient_bounds {
  double alpha_min, alpha_max, beta_min, beta_max; // 1/K
};
constexpr double percent_per_kelvin = 0.01;
constexpr coefficient_bounds rare_earth_coefficients{-1.0 * percent_per_kelvin, 0.0, -2.0 * percent_per_kelvin, 0.0};
constexpr coefficient_bounds sm2co17_coefficients{-1.0 * percent_per_kelvin, 0.01 * percent_per_kelvin,
                                                  -2.0 * percent_per_kelvin, 0.1 * percent_per_kelvin};
constexpr coefficient_bounds smco5_coefficients{-1.0 * percent_per_kelvin, 0.01 * percent_per_kelvin,
                                                -2.0 * percent_per_kelvin, 0.0};
constexpr coefficient_bounds ferrite_coefficients{-1.0 * percent_per_kelvin, 0.0, 0.0, 1.0 * percent_per_kelvin};
// A datasheet Curie point: the grade's values are measured at about 20 degC, so it must be
// ferromagnetic there; and no known ferromagnet orders above cobalt's 1388 K (COEY10 [U]).
constexpr double min_curie_celsius = 20.0;
constexpr double max_curie_kelvin = 1388.0;


// Runs `step`; a data_error (or any magmat error) becomes one listed problem.
void attempt(std::vector<std::string>& problems, const std::function<void()>& step) {
  try {
    step();
  } catch (const error& e) {
    problems.emplace_back(e.what());
  }
}

datasheet_range range_of(const json_cursor& field, std::string_view si_unit) {
  datasheet_range range;
  bool any = false;
  for (const char* bound : {"min", "typical", "max"}) {
    if (!field.has(bound)) continue;
    const double value = field.at(bound).quantity(si_unit);
    if (!(value > 0.0) || !std::isfinite(value)) field.at(bound).fail(fmt::format("must be finite and > 0, got {:g} {}", value, si_unit));
    (bound[0] == 'm' && bound[1] == 'i' ? range.min : bound[0] == 't' ? range.typical : range.max) = value;
    any = true;
  }
  if (!any) field.fail("give at least one of min, typical, max");
  range.source = field.at("source").string();
  if (range.source.empty()) field.at("source").fail("must name a source");
  const auto order = [&](const std::optional<double>& low, const std::optional<double>& high, const char* what) {
    if (low && high && *low > *high * (1.0 + 1e-9)) field.fail(what);
  };
  order(range.min, range.typical, "min exceeds typical");
  order(range.typical, range.max, "typical exceeds max");
  order(range.min, range.max, "min exceeds max");
  return range;
}

datasheet_value value_of(const json_cursor& field, std::string_view si_unit, double low, double high) {
  datasheet_value v;
  v.value = field.has("unit") ? field.quantity(si_unit) : field.at("value").number();
  if (!(v.value >= low && v.value <= high))
    field.fail(fmt::format("must lie in [{:g}, {:g}] {}, got {:g}", low, high, si_unit, v.value));
  v.source = field.at("source").string();
  return v;
}

thermodynamic_temperature temperature_of(const json_cursor& field) {
  const double kelvin = field.quantity("K");
  if (!(kelvin > 0.0)) field.fail("temperature must lie above absolute zero");
  return from_kelvin(kelvin);
}

// Basic physics of one grade; returns problems as "pointer: reason" under `at`.
void check_physics(const grade_record& g, const json_cursor& at, std::vector<std::string>& problems) {
  const double br = g.remanence.nominal(), hcj = g.intrinsic_coercivity.nominal();
  auto problem = [&](const std::string& field, const std::string& reason) {
    problems.push_back(fmt::format("{}: {}/{}: {} (grade {})", at.file(), at.pointer(), field, reason, g.name));
  };
  if (!g.normal_coercivity.source.empty()) {
    const double hcb = g.normal_coercivity.nominal();
    if (hcb > hcj * (1.0 + rounding))
      problem("normal_coercivity", fmt::format("HcB {:.0f} A/m exceeds HcJ {:.0f} A/m", hcb, hcj));
    if (hcb > br / mu0 * (1.0 + rounding))
      problem("normal_coercivity", fmt::format("HcB {:.0f} A/m exceeds Br/mu0 = {:.0f} A/m", hcb, br / mu0));
  }
  const double limit = br * br / (4.0 * mu0);
  if (!g.max_energy_product.source.empty() && g.max_energy_product.nominal() > limit * (1.0 + rounding))
    problem("max_energy_product", fmt::format("(BH)max {:.0f} J/m^3 exceeds Br^2/(4 mu0) = {:.0f} J/m^3",
                                              g.max_energy_product.nominal(), limit));
  // Br cannot exceed the saturation polarization of the main phase at room temperature.
  const char* phase = g.family == "smco5"     ? "SmCo5"
                      : g.family == "sm2co17" ? "SmCoFeCuZr_2_17"
                      : g.family == "ferrite" ? "BaFe12O19"
                                              : "Nd2Fe14B";
  const auto& record = phase_data(phase);
  if (br >= record.saturation_polarization.value())
    problem("remanence", fmt::format("Br {:.3f} T is not below Js = {:.3f} T of {}", br,
                                     record.saturation_polarization.value(), phase));
  // Brown's theorem: no magnet's coercivity exceeds the anisotropy field of its hard phase
  // (brief §4.2, measured HcJ is 0.1-0.4 HA). NdFeB is bounded by the highest HA its heavy rare
  // earths can bring (Tb2Fe14B), ferrite by the La-Co substituted hexaferrite.
  const std::vector<const char*> hard_phases =
      g.family == "ferrite" ? std::vector<const char*>{"BaFe12O19", "SrFe12O19", "Sr1-xLaxFe12-xCoxO19"}
      : g.family.starts_with("ndfeb") ? std::vector<const char*>{"Nd2Fe14B", "Pr2Fe14B", "Dy2Fe14B", "Tb2Fe14B"}
                                      : std::vector<const char*>{phase};
  double max_anisotropy = 0.0;
  const char* max_phase = phase;
  for (const char* id : hard_phases)
    if (phase_data(id).anisotropy_field.value() > max_anisotropy) {
      max_anisotropy = phase_data(id).anisotropy_field.value();
      max_phase = id;
    }
  const double hcj_high = std::max({hcj, g.intrinsic_coercivity.max.value_or(0.0), g.intrinsic_coercivity.min.value_or(0.0)});
  if (hcj_high > max_anisotropy)
    problem("intrinsic_coercivity", fmt::format("HcJ {:.4g} A/m exceeds the anisotropy field HA = {:.4g} A/m of {} "
                                                "(allowed (0, {:.4g}] A/m)", hcj_high, max_anisotropy, max_phase, max_anisotropy));
  if (g.normal_coercivity.max && !g.normal_coercivity.source.empty() && *g.normal_coercivity.max > max_anisotropy)
    problem("normal_coercivity", fmt::format("HcB {:.4g} A/m exceeds HA = {:.4g} A/m of {}", *g.normal_coercivity.max,
                                             max_anisotropy, max_phase));

  const auto& bounds = g.family == "ferrite"   ? ferrite_coefficients
                       : g.family == "sm2co17" ? sm2co17_coefficients
                       : g.family == "smco5"   ? smco5_coefficients
                                               : rare_earth_coefficients;
  auto check_coefficient = [&](const std::optional<temperature_coefficient>& value, const char* field, const char* name,
                               double low, double high) {
    if (!value) return;
    const double v = value->value();
    if (!std::isfinite(v) || v < low || v > high)
      problem(std::string("temperature_coefficients/") + field,
              fmt::format("{} {:.4g} %/K outside the physical range [{:.4g}, {:.4g}] %/K of a {} grade", name, v * 100.0,
                          low * 100.0, high * 100.0, g.family));
  };
  check_coefficient(g.remanence_coefficient, "remanence", "alpha(Br)", bounds.alpha_min, bounds.alpha_max);
  check_coefficient(g.intrinsic_coercivity_coefficient, "intrinsic_coercivity", "beta(HcJ)", bounds.beta_min,
                    bounds.beta_max);

  // The datasheet's Curie point when it gives one, else the main phase's, bounds every
  // temperature the datasheet states: nothing of a magnet survives above it.
  if (g.curie_temperature) {
    const double tc = to_kelvin(*g.curie_temperature);
    if (!(tc > to_kelvin(from_celsius(min_curie_celsius)) && tc <= max_curie_kelvin))
      problem("curie_temperature", fmt::format("Curie temperature {:.2f} degC outside the plausible ({:g}, {:.2f}] degC "
                                               "(ferromagnetic at 20 degC, no ferromagnet above cobalt's {:g} K)",
                                               to_celsius(*g.curie_temperature), min_curie_celsius,
                                               max_curie_kelvin - 273.15, max_curie_kelvin));
  }
  const thermodynamic_temperature curie = g.curie_temperature.value_or(record.curie_temperature);
  const std::string curie_basis = g.curie_temperature ? "its datasheet Curie temperature"
                                                      : fmt::format("the Curie temperature of {}", phase);
  if (g.max_operating_temperature && !(*g.max_operating_temperature < curie))
    problem("max_operating_temperature",
            fmt::format("{:.2f} degC is not below {} {:.2f} degC (allowed (-273.15, {:.2f}) degC)",
                        to_celsius(*g.max_operating_temperature), curie_basis, to_celsius(curie), to_celsius(curie)));
  if (g.coefficients_to && !(*g.coefficients_to <= curie))
    problem("temperature_coefficients/to",
            fmt::format("{:.2f} degC lies above {} {:.2f} degC (the interval must lie in [-273.15, {:.2f}] degC)",
                        to_celsius(*g.coefficients_to), curie_basis, to_celsius(curie), to_celsius(curie)));
  if (g.family == "ndfeb_sintered") {
    const auto letter_minimum = coercivity_letter_minimum(magmat::coercivity_letter(g.name));
    const double stated = g.intrinsic_coercivity.min.value_or(hcj);
    if (letter_minimum && stated < *letter_minimum * (1.0 - 1e-3) && !g.coercivity_letter_exception)
      problem("intrinsic_coercivity",
              fmt::format("HcJ {:.0f} kA/m is below the {:.0f} kA/m of its coercivity letter and no "
                          "coercivity_letter_exception is recorded", stated / 1e3, *letter_minimum / 1e3));
  }
}

// The measured_curves block (a grade fitted to measured curves, Magnet.to_grade_json): one
// entry per temperature, ascending, with the parameters of demag.hpp's model.
void parse_measured_curves(const json_cursor& m, grade_record& g) {
  m.at("source").string();
  if (m.has("process")) g.process = m.at("process").string();
  measured_curves_table table;
  const auto mu = m.at("recoil_permeability");
  table.recoil_permeability = mu.quantity("1");
  if (!(table.recoil_permeability >= 1.0 && table.recoil_permeability <= max_recoil_permeability))
    mu.fail(fmt::format("must lie in [1, {:g}]", max_recoil_permeability));
  if (m.has("recoil_permeability_uncertainty")) {
    const auto u = m.at("recoil_permeability_uncertainty");
    table.recoil_permeability_uncertainty = u.quantity("1");
    if (!(table.recoil_permeability_uncertainty >= 0.0 && std::isfinite(table.recoil_permeability_uncertainty)))
      u.fail("must be finite and >= 0");
  }
  const auto list = m.at("curves");
  if (!list.node().is_array() || list.node().empty()) list.fail("expected a non-empty array of curves");
  for (std::size_t i = 0; i < list.node().size(); ++i) {
    const auto c = list.at(i);
    fitted_curve_parameters f;
    f.temperature = temperature_of(c.at("temperature"));
    if (!table.curves.empty() && !(f.temperature > table.curves.back().temperature))
      c.at("temperature").fail("the curves' temperatures must ascend");
    f.remanence = magnetic_polarization::from_value(c.at("remanence").quantity("T"));
    if (!(f.remanence.value() > 0.0 && f.remanence.value() <= 3.0)) c.at("remanence").fail("must lie in (0, 3] T");
    f.intrinsic_coercivity = magnetic_field_strength::from_value(c.at("intrinsic_coercivity").quantity("A/m"));
    if (!(f.intrinsic_coercivity.value() > 0.0)) c.at("intrinsic_coercivity").fail("must be > 0");
    f.squareness = c.at("squareness").quantity("1");
    if (!(f.squareness > 0.0 && f.squareness < 1.0)) c.at("squareness").fail("must lie in (0, 1)");
    // Uncertainties and residuals are report figures: absent means 0, present must be finite and >= 0.
    auto optional = [&](const char* key, std::string_view unit) {
      if (!c.has(key)) return 0.0;
      const double value = c.at(key).quantity(unit);
      if (!(value >= 0.0 && std::isfinite(value))) c.at(key).fail("must be finite and >= 0");
      return value;
    };
    f.remanence_uncertainty = magnetic_polarization::from_value(optional("remanence_uncertainty", "T"));
    f.intrinsic_coercivity_uncertainty =
        magnetic_field_strength::from_value(optional("intrinsic_coercivity_uncertainty", "A/m"));
    f.squareness_uncertainty = optional("squareness_uncertainty", "1");
    f.rms_residual = magnetic_polarization::from_value(optional("rms_residual", "T"));
    f.max_residual = magnetic_polarization::from_value(optional("max_residual", "T"));
    if (c.has("points")) {
      const double points = c.at("points").number();
      // Bounded before the conversion: a larger double does not fit a size_t (found by fuzz_loaders).
      if (!(points >= 0.0 && points <= 1e12 && points == std::floor(points)))
        c.at("points").fail("must be a count of points (0 to 1e12)");
      f.points = static_cast<std::size_t>(points);
    }
    table.curves.push_back(f);
  }
  g.measured_curves = table;
}

grade_record parse_grade(const json_cursor& at, const std::string& family, std::vector<std::string>& problems) {
  grade_record g;
  g.family = family;
  attempt(problems, [&] { g.name = at.at("name").string(); });
  if (g.name.empty()) problems.push_back(at.file() + ": " + at.pointer() + "/name: must not be empty");
  attempt(problems, [&] {
    if (!at.has("aliases")) return;
    const auto aliases = at.at("aliases");
    if (!aliases.node().is_array()) aliases.fail("expected an array of names");
    for (std::size_t i = 0; i < aliases.node().size(); ++i) g.aliases.push_back(aliases.at(i).string());
  });
  attempt(problems, [&] { if (at.has("description")) g.description = at.at("description").string(); });
  attempt(problems, [&] {
    if (!at.has("kind")) return;
    g.kind = at.at("kind").string();
    if (g.kind != "commercial" && g.kind != "literature") at.at("kind").fail("must be \"commercial\" or \"literature\"");
  });
  attempt(problems, [&] { g.remanence = range_of(at.at("remanence"), "T"); });
  attempt(problems, [&] { g.intrinsic_coercivity = range_of(at.at("intrinsic_coercivity"), "A/m"); });
  attempt(problems, [&] {
    // A paper may report a magnet's Br and HcJ without its (BH)max; the model then gives it.
    if (at.has("max_energy_product")) g.max_energy_product = range_of(at.at("max_energy_product"), "J/m3");
    else if (g.kind != "literature") at.at("max_energy_product"); // fails: required for a datasheet grade
  });
  attempt(problems, [&] {
    if (at.has("normal_coercivity")) g.normal_coercivity = range_of(at.at("normal_coercivity"), "A/m");
  });
  attempt(problems, [&] {
    if (!at.has("temperature_coefficients")) return;
    const auto c = at.at("temperature_coefficients");
    if (c.has("remanence"))
      g.remanence_coefficient = temperature_coefficient::from_value(c.at("remanence").quantity("1/K"));
    if (c.has("intrinsic_coercivity"))
      g.intrinsic_coercivity_coefficient = temperature_coefficient::from_value(c.at("intrinsic_coercivity").quantity("1/K"));
    // Brief §3.3: datasheet coefficients usually hold over 20-100 degC or 20-150 degC; when a
    // source does not say which, the narrower 20-100 degC is assumed (coefficients_stated false).
    g.coefficients_stated = c.has("from") && c.has("to");
    g.coefficients_from = c.has("from") ? temperature_of(c.at("from")) : from_celsius(20.0);
    g.coefficients_to = c.has("to") ? temperature_of(c.at("to")) : from_celsius(100.0);
    if (!(*g.coefficients_to > *g.coefficients_from)) c.at("to").fail("the interval must end above its start");
    g.coefficients_source = c.at("source").string();
  });
  attempt(problems, [&] {
    if (at.has("max_operating_temperature")) g.max_operating_temperature = temperature_of(at.at("max_operating_temperature"));
  });
  attempt(problems, [&] { if (at.has("curie_temperature")) g.curie_temperature = temperature_of(at.at("curie_temperature")); });
  attempt(problems, [&] { if (at.has("density")) g.density = value_of(at.at("density"), "kg/m3", 1000.0, 20000.0); });
  attempt(problems, [&] {
    if (at.has("recoil_permeability")) g.recoil_permeability = value_of(at.at("recoil_permeability"), "1", 1.0, max_recoil_permeability);
  });
  attempt(problems, [&] { if (at.has("squareness")) g.squareness = value_of(at.at("squareness"), "1", 0.01, 0.999); });
  attempt(problems, [&] {
    if (!at.has("coercivity_letter_exception")) return;
    const auto e = at.at("coercivity_letter_exception");
    datasheet_value v;
    v.value = e.at("minimum").quantity("A/m");
    v.source = e.at("source").string();
    e.at("reason").string();
    g.coercivity_letter_exception = v;
  });
  attempt(problems, [&] {
    if (!at.has("composition")) return;
    const auto c = at.at("composition");
    grade_composition comp;
    comp.basis = c.at("basis").string();
    if (comp.basis == "typical") comp.source = c.at("source").string();
    else if (comp.basis == "estimated") comp.method = c.at("method").string();
    else c.at("basis").fail("must be \"typical\" or \"estimated\"");
    if (c.has("source")) comp.source = c.at("source").string();
    auto fraction = [&](const char* key, std::optional<double>& out) {
      if (!c.has(key)) return;
      out = c.at(key).quantity("1");
      if (!(*out >= 0.0 && *out <= 1.0)) c.at(key).fail("must lie in 0-100 %");
    };
    fraction("total_rare_earth", comp.total_rare_earth);
    fraction("Dy", comp.dysprosium);
    fraction("Tb", comp.terbium);
    fraction("Pr", comp.praseodymium);
    fraction("Co", comp.cobalt);
    g.composition = comp;
  });
  attempt(problems, [&] { if (at.has("measured_curves")) parse_measured_curves(at.at("measured_curves"), g); });
  return g;
}

} // namespace

std::vector<grade_record> parse_grade_file(std::string_view text, const std::string& file) {
  const auto document = parse_json(text, file);
  const json_cursor root(file, document);
  std::vector<std::string> problems;
  std::vector<grade_record> grades;
  std::string family;
  attempt(problems, [&] {
    if (root.at("schema").string() != "magmat-grades/1") root.at("schema").fail("expected \"magmat-grades/1\"");
  });
  attempt(problems, [&] {
    family = root.at("family").string();
    bool known = false;
    for (const char* f : grade_families) known = known || family == f;
    if (!known)
      root.at("family").fail("unknown family '" + family +
                             "' (ndfeb_sintered, ndfeb_bonded, ndfeb_hot_deformed, smco5, sm2co17, ferrite)");
  });
  attempt(problems, [&] {
    const auto list = root.at("grades");
    if (!list.node().is_array()) list.fail("expected an array of grades");
    for (std::size_t i = 0; i < list.node().size(); ++i) {
      const auto at = list.at(i);
      if (!at.node().is_object()) {
        problems.push_back(file + ": " + at.pointer() + ": expected a grade object");
        continue;
      }
      const std::size_t before = problems.size();
      grade_record g = parse_grade(at, family, problems);
      if (problems.size() == before) check_physics(g, at, problems);
      g.file = file;
      g.json = at.node().dump(); // the record as written, so a grade can be rebuilt from it alone
      grades.push_back(std::move(g));
    }
  });
  if (!problems.empty()) {
    std::string message = fmt::format("{}: {} problem{}; nothing was loaded from it:", file, problems.size(),
                                      problems.size() == 1 ? "" : "s");
    for (const auto& p : problems) message += "\n  " + p;
    throw data_error(message);
  }
  return grades;
}

} // namespace magmat::detail
