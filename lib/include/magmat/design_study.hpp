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

/// The elements a study accounts for: the rare earths Nd, Pr, Dy, Tb, Ce, La, Sm, and Co, the
/// other critical element of the magnets modelled (SmCo is half cobalt).
const std::vector<Element>& study_elements();

/// What the strategies' magnets are made equal in. A first-order magnetic-circuit argument: a
/// magnet of the same thickness along its magnetization keeps the circuit's permeance coefficient
/// (Pc is about (l_m / g)(A_g / A_m) and the pole area scales with the gap area), so only its pole
/// area changes, and with it its volume (the magnetic-circuit equations of Hendershot & Miller, Design of
/// Brushless Permanent-Magnet Machines, 2010, and Campbell, Permanent Magnet Materials and their
/// Application, 1994). It ignores leakage and saturation, which change with the magnet's size.
enum class equal_basis {
  mass,   ///< every strategy uses magnet_mass per unit (no like-for-like scaling)
  flux,   ///< the same flux Br(T) x pole area at the requirement's temperature as the baseline
  energy  ///< the same (BH)max(T) x volume at the requirement's temperature as the baseline
};

/// How much magnet a study is about, and which strategies it compares.
struct study_options {
  std::vector<std::string> strategies; ///< empty: every shipped strategy
  std::string baseline = "bulk_dy";    ///< savings are counted against this strategy
  /// A magnet of one's own as the baseline instead of a strategy: a catalog grade, a composition,
  /// a magnet fitted to its maker's curves (Magnet::fit_curves). Its row, named after the magnet,
  /// is not solved but checked against the requirement as it is (check_requirement); its level is
  /// its Dy + Tb mass fraction. Savings and like-for-like masses are counted against it, and
  /// `baseline` is then unused. A name equal to a strategy's is refused (the rows are by name).
  std::optional<Magnet> baseline_magnet;
  mass magnet_mass = mass::from_value(1.0); ///< the baseline's magnet per unit (motor, part), kg
  /// Like for like: each strategy's magnet mass per unit is scaled from magnet_mass so that it
  /// gives the baseline's flux or energy at the requirement's temperature, by
  /// m = magnet_mass (X_baseline / X) (rho / rho_baseline), X = Br(T) for flux, (BH)max(T) for
  /// energy. With a baseline that is infeasible there is nothing to match: masses stay
  /// magnet_mass and the study's baseline_note says so.
  equal_basis equal = equal_basis::mass;
  double units_per_year = 0.0;         ///< units made per year
  /// Alternatively the magnet demand itself (t/year), e.g. a demand scenario's figure; when set,
  /// it replaces magnet_mass x units_per_year for the yearly tonnages.
  std::optional<double> magnet_tonnes_per_year;
  strategy_overrides overrides;
  /// Raw-material prices (currency per kg of element); nullptr: default_price_table(). For a
  /// price shock pass with_shock(table, factor).
  const price_table* prices = nullptr;
};

/// A model parameter a row's answer rests on whose value is not confirmed in its source: derived
/// ([D]: computed or fitted, "calibration" for the model's own fits) or unconfirmed ([U]).
struct row_assumption {
  std::string parameter; ///< "process.alignment", "phase.Dy2Fe14B.anisotropy_field"
  std::string source;    ///< key of materials/references.json, or "calibration"
  confidence level = confidence::unconfirmed;
};

/// The [D] and [U] parameters a magnet's model uses: its process's, and those of the end members
/// of its main and nucleation phases (the members present), sorted by parameter.
std::vector<row_assumption> assumptions_of(const Magnet& magnet);

/// One strategy's line of a study. The maps hold the study elements; they are empty for an
/// infeasible strategy.
struct study_row {
  std::string strategy;
  bool feasible = false;
  std::string reason;
  double level = 0.0;
  std::optional<Magnet> magnet;
  /// This strategy's magnet per unit (the study's magnet_mass unless scaled like for like).
  mass magnet_mass = mass::from_value(0.0);
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
  /// What the answer rests on beyond confirmed data (assumptions_of the row's magnet).
  std::vector<row_assumption> assumptions;
  /// True when one of the assumptions is unconfirmed ([U]).
  bool rests_on_unconfirmed() const;
};

struct study {
  requirement required; ///< the requirement the study solved for
  std::string baseline;
  std::string baseline_note; ///< why savings (or like-for-like masses) are missing, if they are
  equal_basis equal = equal_basis::mass; ///< what the rows' magnet masses were made equal in
  double magnet_tonnes_per_year = 0.0; ///< the baseline's magnet demand (t/year)
  std::string price_table_name;
  std::string currency;
  std::vector<study_row> rows;
  /// A row by strategy name; unknown_name_error lists the names in the study.
  const study_row& row(std::string_view strategy) const;
};

/// Solves every requested strategy for `r` and accounts its rare earths. Throws domain_error
/// for negative or NaN amounts or a baseline magnet named like a strategy, and
/// unknown_name_error for unknown strategies or baseline.
study design_study(const requirement& r, const study_options& options = {});

} // namespace magmat
