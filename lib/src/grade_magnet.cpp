// A catalog grade as a Magnet (catalog.hpp): a composition for the physics model underneath,
// pinned to the datasheet's values.
#include <magmat/catalog.hpp>
#include <magmat/curve_fit.hpp>
#include "catalog_internal.hpp"
#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

namespace magmat {
namespace {

// Total rare earth of sintered NdFeB when a grade states none: 31 wt%, inside the 29.5-33 wt%
// of the patents in brief §8 (PATENT-HITACHI, PATENT-PR).
constexpr double default_total_rare_earth = 0.31;
// Boron of the assumed bulk: 1.00 wt%, the stoichiometric share of Nd2Fe14B (brief §8).
constexpr double default_boron = 0.010;

bool mentions(const grade_record& g, std::string_view word) {
  auto has = [&](std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text.find(word) != std::string::npos;
  };
  return has(g.description) || has(g.name);
}

// A grade its source calls grain-boundary diffused (HL Magnetics' "Dy/Tb grain-boundary-diffused
// (GBD)" grades): the heavy rare earth sits in a shell of each grain.
bool diffused(const grade_record& g) {
  return g.family == "ndfeb_sintered" && (mentions(g, "grain-boundary-diffused") || mentions(g, "grain boundary diffus") ||
                                          mentions(g, "(gbd)"));
}

const char* process_of(const grade_record& g) {
  if (g.family == "ndfeb_bonded") return "bonded";
  if (g.family == "ndfeb_hot_deformed") return "hot_deformed";
  if (g.family == "ferrite") return "sintered_ferrite";
  if (diffused(g)) return "grain_boundary_diffused";
  return "sintered";
}

microstructure overrides_of(const grade_record& g) {
  microstructure o;
  if (g.recoil_permeability) o.recoil_permeability = g.recoil_permeability->value;
  if (g.squareness) o.squareness = g.squareness->value;
  return o;
}

// The NdFeB bulk for a grade: its stated rare earths, else 31 wt% rare earth with `heavy` of the
// estimated heavy rare earth `element`; B 1 wt%; Co as stated; Fe the balance.
Composition ndfeb_bulk(const grade_record& g, Element element, double heavy) {
  const grade_composition c = g.composition.value_or(grade_composition{});
  const double total = c.total_rare_earth.value_or(default_total_rare_earth);
  const double dy = c.dysprosium.value_or(element == Element::Dy ? heavy : 0.0);
  const double tb = c.terbium.value_or(element == Element::Tb ? heavy : 0.0);
  const double pr = c.praseodymium.value_or(0.0);
  const double nd = total - dy - tb - pr;
  if (nd < 0.0)
    throw data_error(fmt::format("{}: grade '{}': Dy + Tb + Pr exceed its total rare earth", g.file, g.name));
  std::map<Element, double> percent{{Element::Nd, 100.0 * nd}, {Element::B, 100.0 * default_boron}};
  if (dy > 0.0) percent[Element::Dy] = 100.0 * dy;
  if (tb > 0.0) percent[Element::Tb] = 100.0 * tb;
  if (pr > 0.0) percent[Element::Pr] = 100.0 * pr;
  if (c.cobalt && *c.cobalt > 0.0) percent[Element::Co] = 100.0 * *c.cobalt;
  return Composition::from_mass_percent(percent, Element::Fe);
}

// The least heavy rare earth (mass fraction, up to `most`) at which `build` reaches `target` HcJ
// at 20 degC (HcJ rises monotonically with it), by bisection to 1e-5; data_error naming the
// grade when even `most` does not reach it, never a weaker magnet anchored to the datasheet.
double least_heavy_rare_earth(const grade_record& g, const std::function<Magnet(double)>& build, double most,
                              const char* element, const char* how) {
  const double target = g.intrinsic_coercivity.nominal();
  const auto room = from_celsius(20.0);
  if (build(0.0).intrinsic_coercivity(room).value() >= target) return 0.0;
  const double reached = build(most).intrinsic_coercivity(room).value();
  if (reached < target)
    throw data_error(fmt::format("{}: grade '{}': the {} model reaches only {:.0f} kA/m at 20 degC with {:.2f} wt% {}, "
                                 "below the grade's {:.0f} kA/m; give the grade a composition block",
                                 g.file, g.name, how, reached / 1e3, 100.0 * most, element, target / 1e3));
  double low = 0.0, high = most;
  for (int i = 0; i < 60 && high - low > 1e-5; ++i) {
    const double mid = 0.5 * (low + high);
    (build(mid).intrinsic_coercivity(room).value() < target ? low : high) = mid;
  }
  return high;
}

// A diffusion magnet for the grade: the least Tb (the source says "Dy/Tb"; Tb, the more
// effective, where it does not say Dy alone) that reaches the grade's HcJ, up to what the shells
// can hold (all of their rare-earth site heavy: the shell fraction of the site, brief §7).
Magnet diffused_model(const grade_record& g, const std::string& process, const microstructure& overrides, double total,
                      const char* how) {
  const Element element = mentions(g, "tb") || !mentions(g, "dy") ? Element::Tb : Element::Dy;
  const double shell = process_data(phase_family::r2fe14b, process).shell_volume_fraction;
  auto build = [&](double heavy) { return Magnet::from_composition(ndfeb_bulk(g, element, heavy), process, overrides); };
  const double most = std::min(0.5 * total, shell * total);
  return build(least_heavy_rare_earth(g, build, most, element == Element::Tb ? "Tb" : "Dy", how));
}

Magnet model_of(const grade_record& g, const std::optional<std::string>& chosen) {
  const std::string process = chosen.value_or(process_of(g));
  const microstructure overrides = overrides_of(g);
  if (g.family == "smco5") return Magnet::from_composition(Composition::from_formula("SmCo5"), process, overrides);
  if (g.family == "sm2co17")
    return Magnet::from_composition(Composition::from_formula("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5"), process, overrides);
  if (g.family == "ferrite") {
    const bool barium = mentions(g, "ba ferrite") || mentions(g, "barium") || mentions(g, "bafe");
    return Magnet::from_composition(Composition::from_formula(barium ? "BaFe12O19" : "SrFe12O19"), process, overrides);
  }
  const bool stated = g.composition && (g.composition->dysprosium || g.composition->terbium);
  if (stated) return Magnet::from_composition(ndfeb_bulk(g, Element::Dy, 0.0), process, overrides);
  const double total = g.composition.value_or(grade_composition{}).total_rare_earth.value_or(default_total_rare_earth);
  if (process == "grain_boundary_diffused" || (!chosen && diffused(g)))
    return diffused_model(g, "grain_boundary_diffused", overrides, total, "grain-boundary-diffused");
  // No heavy rare earth stated: the least bulk Dy at which the model reaches the grade's HcJ at
  // 20 degC, up to half of the rare earth (past that no commercial magnet goes).
  auto build = [&](double dy) { return Magnet::from_composition(ndfeb_bulk(g, Element::Dy, dy), process, overrides); };
  const char* how = g.family == "ndfeb_hot_deformed" ? "bulk-Dy hot-deformed"
                    : g.family == "ndfeb_bonded"     ? "bulk-Dy bonded"
                                                     : "bulk-Dy sintered";
  Magnet bulk = build(least_heavy_rare_earth(g, build, 0.5 * total, "Dy", how));
  // A bulk-Dy magnet whose main phase has less Js than the grade's own Br cannot be the grade: the
  // grade owes its HcJ to a heavy rare earth where reversal starts, not to bulk Dy, as makers make
  // such grades ("Regular + GBD", SHANGHAI-MAGNET). It is modelled as grain-boundary diffused.
  if (g.family == "ndfeb_sintered" && !chosen &&
      bulk.main_phase().saturation_polarization(from_celsius(20.0)).value() < g.remanence.nominal())
    return diffused_model(g, "grain_boundary_diffused", overrides, total, "grain-boundary-diffused");
  return bulk;
}

} // namespace

void grade_family_check(std::string_view family) {
  for (const char* known : detail::grade_families)
    if (family == known) return;
  throw unknown_name_error(fmt::format("unknown magnet family '{}' (ndfeb_sintered, ndfeb_bonded, ndfeb_hot_deformed, "
                                       "smco5, sm2co17, ferrite)", family));
}

Magnet grade_model(const grade_record& record, const std::optional<std::string>& process) {
  grade_family_check(record.family);
  return model_of(record, process);
}

Grade grade_magnet(const grade_record& g) {
  if (g.measured_curves)
    return Grade(magnet_of_measured_curves(*g.measured_curves, g.family, g.process, g.name), g, "measured");
  const Magnet model = model_of(g, g.process);
  datasheet_anchor anchor;
  anchor.name = g.name;
  anchor.reference_temperature = from_celsius(20.0);
  anchor.remanence = magnetic_polarization::from_value(g.remanence.nominal());
  anchor.intrinsic_coercivity = magnetic_field_strength::from_value(g.intrinsic_coercivity.nominal());
  if (!g.normal_coercivity.source.empty())
    anchor.normal_coercivity = magnetic_field_strength::from_value(g.normal_coercivity.nominal());
  if (!g.max_energy_product.source.empty())
    anchor.max_energy_product = energy_density::from_value(g.max_energy_product.nominal());
  anchor.remanence_coefficient = g.remanence_coefficient;
  anchor.intrinsic_coercivity_coefficient = g.intrinsic_coercivity_coefficient;
  anchor.coefficients_from = g.coefficients_from.value_or(anchor.reference_temperature);
  anchor.coefficients_to = g.coefficients_to.value_or(anchor.reference_temperature);
  std::string basis = g.intrinsic_coercivity_coefficient ? "datasheet" : "model";
  // A sintered grade whose page prints no beta(HcJ) takes its coercivity class's published one
  // (materials/classes/ndfeb_sintered.json), over the class's interval.
  if (!g.intrinsic_coercivity_coefficient && g.family == "ndfeb_sintered") {
    const coercivity_class* c = sintered_coercivity_class(coercivity_letter(g.name));
    if (c && c->intrinsic_coercivity_coefficient) {
      anchor.intrinsic_coercivity_coefficient = c->intrinsic_coercivity_coefficient;
      anchor.coercivity_coefficient_from = c->coefficient_from;
      anchor.coercivity_coefficient_to = c->coefficient_to;
      basis = "class";
    }
  }
  return Grade(model.with_datasheet(anchor), g, basis);
}

} // namespace magmat
