// Design studies (design_study.hpp): solve, account, compare.
#include <magmat/design_study.hpp>
#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <cmath>

namespace magmat {

const std::vector<Element>& study_elements() {
  static const std::vector<Element> elements{Element::Nd, Element::Pr, Element::Dy, Element::Tb,
                                             Element::Ce, Element::La, Element::Sm, Element::Co};
  return elements;
}

std::vector<row_assumption> assumptions_of(const Magnet& magnet) {
  std::map<std::string, row_assumption> found; // by parameter: sorted, each once
  const auto take = [&](const std::string& prefix, const std::map<std::string, source_tag>& sources) {
    for (const auto& [name, tag] : sources)
      if (tag.confidence != confidence::confirmed) found[prefix + name] = {prefix + name, tag.key, tag.confidence};
  };
  take("process.", magnet.process().sources);
  for (const Phase* phase : {&magnet.main_phase(), &magnet.nucleation_phase()})
    for (const auto& member : phase->members())
      if (member.fraction > 0.0) take("phase." + member.record->id + ".", member.record->sources);
  std::vector<row_assumption> out;
  for (auto& [name, a] : found) out.push_back(std::move(a));
  return out;
}

bool study_row::rests_on_unconfirmed() const {
  return std::any_of(assumptions.begin(), assumptions.end(),
                     [](const row_assumption& a) { return a.level == confidence::unconfirmed; });
}

const study_row& study::row(std::string_view strategy) const {
  for (const auto& r : rows) {
    if (r.strategy == strategy) return r;
  }
  std::string names;
  for (const auto& r : rows) names += (names.empty() ? "" : ", ") + r.strategy;
  throw unknown_name_error(fmt::format("no strategy '{}' in this study; it has {}", strategy, names));
}

study design_study(const requirement& r, const study_options& options) {
  validate(r);
  const double mass_kg = options.magnet_mass.value();
  if (!(mass_kg > 0.0) || !std::isfinite(mass_kg))
    throw domain_error(fmt::format("the magnet mass must be finite and > 0 kg, got {} kg", mass_kg));
  if (!(options.units_per_year >= 0.0) || !std::isfinite(options.units_per_year))
    throw domain_error(fmt::format("units_per_year must be a finite number >= 0, got {}", options.units_per_year));
  if (options.magnet_tonnes_per_year &&
      (!(*options.magnet_tonnes_per_year >= 0.0) || !std::isfinite(*options.magnet_tonnes_per_year)))
    throw domain_error(fmt::format("magnet_tonnes_per_year must be a finite value >= 0, got {}",
                                   *options.magnet_tonnes_per_year));
  validate(options.overrides);
  // Each finite but their product not: 1e300 kg x 1e300 units would give inf t/year in every row.
  const double demand_t = options.magnet_tonnes_per_year.value_or(mass_kg * options.units_per_year / 1000.0);
  const double units_made = options.magnet_tonnes_per_year ? *options.magnet_tonnes_per_year * 1000.0 / mass_kg
                                                           : options.units_per_year;
  if (!options.magnet_tonnes_per_year && !std::isfinite(demand_t))
    throw domain_error(fmt::format("the magnet mass ({} kg) x units_per_year ({}) overflows: the yearly magnet demand must "
                                   "be finite, got {} t/year", mass_kg, options.units_per_year, demand_t));
  if (!std::isfinite(units_made))
    throw domain_error(fmt::format("magnet_tonnes_per_year ({} t) / the magnet mass ({} kg) overflows: the units made per "
                                   "year must be finite, got {}", demand_t, mass_kg, units_made));

  std::vector<std::string> names = options.strategies.empty() ? strategy_names() : options.strategies;
  const std::string baseline = options.baseline_magnet ? options.baseline_magnet->name() : options.baseline;
  if (options.baseline_magnet && std::find(names.begin(), names.end(), baseline) != names.end())
    throw domain_error(fmt::format("the baseline magnet is named '{}', as a strategy of the study is; give it another "
                                   "name (the rows are found by name)", baseline));
  if (std::find(names.begin(), names.end(), baseline) == names.end()) names.insert(names.begin(), baseline);

  const price_table& prices = options.prices ? *options.prices : default_price_table();
  study out;
  out.required = r;
  out.price_table_name = prices.name;
  out.currency = prices.currency;
  out.baseline = baseline;
  out.magnet_tonnes_per_year = demand_t;
  const double units = units_made;
  out.equal = options.equal;
  // Solve first: like-for-like masses need the baseline's magnet.
  std::vector<strategy_solution> solutions;
  for (const auto& name : names) {
    if (options.baseline_magnet && name == baseline) {
      // The user's magnet as it is: checked, not solved.
      const Magnet& own = *options.baseline_magnet;
      const requirement_check check = check_requirement(own, r);
      const Composition& c = own.composition();
      solutions.push_back({name, check.met, check.reason, c.mass_fraction(Element::Dy) + c.mass_fraction(Element::Tb),
                           own});
      continue;
    }
    const strategy& s = strategy_data(name); // unknown names throw here, before any work
    solutions.push_back(solve_strategy(s, r, options.overrides));
  }
  const auto base_index = static_cast<std::size_t>(std::find(names.begin(), names.end(), baseline) - names.begin());
  const strategy_solution& base_solution = solutions[base_index];
  const bool scaled = options.equal != equal_basis::mass && base_solution.feasible;
  // What each magnet gives per unit of its volume at the requirement's temperature.
  const auto figure_of = [&](const Magnet& m) {
    return options.equal == equal_basis::flux ? m.remanence(r.temperature).value()
                                              : m.max_energy_product(r.temperature).value();
  };
  double base_figure = 0.0, base_density = 0.0;
  if (scaled) {
    base_figure = figure_of(*base_solution.magnet);
    base_density = base_solution.magnet->density().value();
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    const strategy_solution& solution = solutions[i];
    study_row row;
    row.strategy = names[i];
    row.feasible = solution.feasible;
    row.reason = solution.reason;
    row.level = solution.level;
    row.magnet = solution.magnet;
    row.magnet_mass = options.magnet_mass;
    if (solution.magnet) row.assumptions = assumptions_of(*solution.magnet);
    if (solution.feasible) {
      double row_mass_kg = mass_kg;
      if (scaled) {
        const double figure = figure_of(*solution.magnet);
        if (!(figure > 0.0)) {
          row.feasible = false;
          row.reason = fmt::format("gives no {} at {:g} degC to match the baseline's",
                                   options.equal == equal_basis::flux ? "remanence" : "energy product",
                                   to_celsius(r.temperature));
        } else {
          row_mass_kg = mass_kg * (base_figure / figure) * (solution.magnet->density().value() / base_density);
        }
      }
      row.magnet_mass = mass::from_value(row_mass_kg);
    }
    if (row.feasible) {
      const double row_mass_kg = row.magnet_mass.value();
      const Composition& c = solution.magnet->composition();
      for (Element e : study_elements()) {
        const double w = c.mass_fraction(e);
        row.mass_fractions[e] = w;
        row.kg_per_unit[e] = w * row_mass_kg;
        row.tonnes_per_year[e] = w * row_mass_kg * units / 1000.0;
        // A like-for-like mass can scale a finite demand past the largest double.
        if (!std::isfinite(row.tonnes_per_year[e]))
          throw domain_error(fmt::format("{}: {} kg per unit x {} units per year overflows the yearly tonnage; "
                                         "lower the magnet mass or units_per_year", row.strategy, row_mass_kg, units));
      }
      row.rare_earth_mass_fraction = c.rare_earth_mass_fraction();
      row.heavy_rare_earth_mass_fraction = c.heavy_rare_earth_mass_fraction();
      // Cost: sum of mass fraction x price; an unpriced element leaves the total unknown
      // rather than silently counted as free.
      double total = 0.0, rare_earth = 0.0;
      bool rare_earths_priced = true;
      for (const auto& [element, w] : c.mass_fractions()) {
        const auto price = prices.price_per_kg.find(element);
        if (price == prices.price_per_kg.end()) {
          row.unpriced_elements.push_back(element);
          if (is_rare_earth(element)) rare_earths_priced = false;
          continue;
        }
        total += w * price->second;
        if (is_rare_earth(element)) rare_earth += w * price->second;
      }
      if (row.unpriced_elements.empty()) row.cost_per_kg = total;
      if (rare_earths_priced) row.rare_earth_cost_per_kg = rare_earth;
    }
    out.rows.push_back(std::move(row));
  }
  const study_row& base = out.row(baseline);
  if (!base.feasible) {
    out.baseline_note = fmt::format("the baseline '{}' is infeasible ({}), so no savings are given{}", base.strategy,
                                    base.reason,
                                    options.equal == equal_basis::mass
                                        ? ""
                                        : " and every magnet keeps magnet_mass (nothing to match like for like)");
  } else {
    for (auto& row : out.rows) {
      if (!row.feasible) continue;
      for (Element e : study_elements()) row.saving_vs_baseline[e] = base.tonnes_per_year.at(e) - row.tonnes_per_year.at(e);
    }
  }
  // A fitted baseline beyond its measured curves is judged on the model's extrapolation: say so.
  if (options.baseline_magnet && options.baseline_magnet->is_extrapolated(r.temperature)) {
    const auto range = options.baseline_magnet->measured_temperature_range();
    out.baseline_note += fmt::format("{}the baseline magnet '{}' was measured at {:g} to {:g} degC; at {:g} degC its "
                                     "values are the model's extrapolation",
                                     out.baseline_note.empty() ? "" : "; ", baseline, to_celsius(range->first),
                                     to_celsius(range->second), to_celsius(r.temperature));
  }
  return out;
}

} // namespace magmat
