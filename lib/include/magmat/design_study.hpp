// A design study: every strategy solved for one requirement, with its bill of rare earths per
// kg, per unit and per year and the savings against a baseline strategy.
#pragma once

#include <magmat/heavy_rare_earth.hpp>
#include <magmat/prices.hpp>
#include <magmat/units.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magmat {

/// The rare earths a study accounts for: Nd, Pr, Dy, Tb, Ce, La, Sm.
const std::vector<Element>& study_elements();

/// How much magnet a study is about, and which strategies it compares.
struct study_options {
  std::vector<std::string> strategies; ///< empty: every shipped strategy
  std::string baseline = "bulk_dy";    ///< savings are counted against this strategy
  mass magnet_mass = mass::from_value(1.0); ///< magnet per unit (motor, part), kg
  double units_per_year = 0.0;         ///< units made per year
  /// Alternatively the magnet demand itself (t/year), e.g. a demand scenario's figure; when set,
  /// it replaces magnet_mass x units_per_year for the yearly tonnages.
  std::optional<double> magnet_tonnes_per_year;
  strategy_overrides overrides;
  /// Raw-material prices (currency per kg of element); nullptr: default_price_table(). For a
  /// price shock pass with_shock(table, factor).
  const price_table* prices = nullptr;
};

/// One strategy's line of a study. The maps hold the study elements; they are empty for an
/// infeasible strategy.
struct study_row {
  std::string strategy;
  bool feasible = false;
  std::string reason;
  double level = 0.0;
  std::optional<Magnet> magnet;
  std::map<Element, double> mass_fractions;    ///< kg per kg of magnet
  std::map<Element, double> kg_per_unit;       ///< kg per unit
  std::map<Element, double> tonnes_per_year;   ///< t per year
  /// t per year saved against the baseline (negative: more used); empty when the baseline or
  /// this strategy is infeasible.
  std::map<Element, double> saving_vs_baseline;
  double rare_earth_mass_fraction = 0.0;
  double heavy_rare_earth_mass_fraction = 0.0;
  /// Raw-material cost per kg of magnet (price table's currency), when every element is priced.
  std::optional<double> cost_per_kg;
  /// The rare earths' share of that cost, when every rare earth in the magnet is priced.
  std::optional<double> rare_earth_cost_per_kg;
  /// Elements of the magnet the price table has no price for (why a cost may be missing).
  std::vector<Element> unpriced_elements;
};

struct study {
  requirement required; ///< the requirement the study solved for
  std::string baseline;
  std::string baseline_note; ///< why savings are missing, if they are
  double magnet_tonnes_per_year = 0.0;
  std::string price_table_name;
  std::string currency;
  std::vector<study_row> rows;
  /// A row by strategy name; unknown_name_error lists the names in the study.
  const study_row& row(std::string_view strategy) const;
};

/// Solves every requested strategy for `r` and accounts its rare earths. Throws domain_error
/// for negative or NaN amounts and unknown_name_error for unknown strategies or baseline.
study design_study(const requirement& r, const study_options& options = {});

} // namespace magmat
