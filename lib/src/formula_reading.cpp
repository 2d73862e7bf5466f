#include <magmat/formula_reading.hpp>

#include "formula_parser.hpp"
#include <magmat/composition.hpp>
#include <magmat/elements.hpp>
#include <magmat/phases.hpp>

#include <fmt/core.h>

#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <vector>

namespace magmat {
namespace {

// Site classes of the magnet phases: R2Fe14B, SmCo5, Sm2Co17, (Sr,Ba)Fe12O19.
enum site : std::size_t { rare_earth, alkaline_earth, metalloid, oxygen, other, site_count };
using site_fractions = std::array<double, site_count>;

site site_of(Element e) {
  if (is_rare_earth(e)) return rare_earth;
  const std::string_view s = symbol(e);
  if (s == "Ca" || s == "Sr" || s == "Ba") return alkaline_earth;
  if (s == "B" || s == "C") return metalloid;
  if (s == "O") return oxygen;
  return other;
}

site_fractions atomic_sites(std::span<const Composition::entry> amounts) {
  site_fractions out{};
  double total = 0.0;
  for (const auto& [e, n] : amounts) {
    out[site_of(e)] += n;
    total += n;
  }
  for (double& x : out) x /= total;
  return out;
}

struct nearest {
  std::string phase;
  double distance = std::numeric_limits<double>::infinity();
};

// Phases of one structure have the same site fractions (Nd2Fe14B, Ce2Fe14B, ...); among those,
// the one sharing most elements with the formula is named.
nearest nearest_phase(const site_fractions& x, std::span<const Composition::entry> formula) {
  nearest best;
  std::size_t best_shared = 0;
  for (const std::string& id : phase_ids()) {
    const phase_record& r = phase_data(id);
    const Composition c = Composition::from_formula(r.nominal_formula);
    const site_fractions p = atomic_sites(c.amounts());
    double d = 0.0;
    for (std::size_t k = 0; k < site_count; ++k) d += std::abs(x[k] - p[k]);
    std::size_t shared = 0;
    for (const auto& [e, n] : formula) shared += c.contains(e) ? 1 : 0;
    const bool tie = std::abs(d - best.distance) <= 1e-12;
    if ((!tie && d < best.distance) || (tie && shared > best_shared)) {
      best = {r.nominal_formula, d};
      best_shared = shared;
    }
  }
  return best;
}

} // namespace

Composition composition_from_mass_formula(std::string_view formula) {
  std::map<Element, double> percent;
  for (const auto& [e, n] : detail::parse_formula(formula)) percent[e] += n;
  return Composition::from_mass_percent(percent);
}

formula_reading read_formula_against_phases(std::string_view formula) {
  const std::vector<Composition::entry> entries = detail::parse_formula(formula);
  formula_reading out;
  const nearest atomic = nearest_phase(atomic_sites(entries), entries);
  out.atomic_phase = atomic.phase;
  out.atomic_distance = atomic.distance;

  // The same numbers as mass percent, when they total 100 as a wt% alloy does.
  double total = 0.0;
  for (const auto& [e, n] : entries) total += n;
  if (std::abs(total - 100.0) <= Composition::default_tolerance_percent) {
    const Composition by_mass = composition_from_mass_formula(formula);
    std::vector<Composition::entry> moles(by_mass.amounts().begin(), by_mass.amounts().end());
    const nearest mass = nearest_phase(atomic_sites(moles), entries);
    out.mass_phase = mass.phase;
    out.mass_distance = mass.distance;
    out.probably_mass_percent = out.atomic_distance > far_from_phases && out.mass_distance < near_a_phase;
  }
  if (out.probably_mass_percent) {
    out.advice = fmt::format(
        "formula {} is read as atoms (subscripts are amounts per formula unit), which is far from every "
        "magnet phase (nearest {}, site distance {:.2f}); its subscripts total 100 and, read as mass percent, "
        "it is close to {} ({:.2f}): if it is a wt% alloy, give it as mass percent "
        "(a dict such as {{'Nd': 31, 'Fe': 68, 'B': 1}}, or basis='mass')",
        detail::quote_formula(formula), out.atomic_phase, out.atomic_distance, out.mass_phase, out.mass_distance);
  }
  return out;
}

} // namespace magmat
