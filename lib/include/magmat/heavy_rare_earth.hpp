// Design strategies for a magnet that must hold its coercivity at temperature: bulk Dy/Tb
// alloying, grain-boundary diffusion, heavy-rare-earth-free and Ce/La-substituted NdFeB, and the
// non-NdFeB alternatives; a requirement, and the least heavy rare earth (or the most Ce/La) that
// meets it (physics brief §7, seed digest "Development targets").
#pragma once

#include <magmat/composition.hpp>
#include <magmat/magnet.hpp>
#include <magmat/shapes.hpp>
#include <magmat/thermal.hpp>
#include <magmat/units.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magmat {

/// One more operating point a requirement must hold, e.g. a motor's peak load (a strong armature
/// field at a lower temperature) beside its hottest continuous point.
struct duty_point {
  thermodynamic_temperature temperature;
  magnetic_field_strength external_field = magnetic_field_strength::from_value(0.0);
};

/// What a magnet must do. Either a minimum HcJ at the operating temperature, or a load line
/// (permeance coefficient, with an optional external reverse field) and an allowed irreversible
/// loss at that temperature (0: the knee is not crossed), or both; optionally a minimum Br and
/// (BH)max at 20 degC, a minimum Br at the operating temperature, a knee margin and further
/// duty points, every one of which must hold.
struct requirement {
  thermodynamic_temperature temperature = from_celsius(20.0);
  std::optional<magnetic_field_strength> min_intrinsic_coercivity;
  std::optional<double> permeance;
  /// Instead of a permeance: the magnet's shape in free space, judged over its volume
  /// (irreversible_loss and max_operating_temperature with a shape; 0 loss: the onset).
  std::optional<magnet_shape> shape;
  double max_irreversible_loss = 0.0;
  magnetic_field_strength external_field = magnetic_field_strength::from_value(0.0);
  /// How external_field enters a shaped magnet ("applied" for a permeance, always).
  external_field_kind field_kind = external_field_kind::applied;
  std::optional<magnetic_polarization> min_remanence;
  std::optional<energy_density> min_max_energy_product;
  /// Br at the operating temperature, what torque needs (min_remanence is at 20 degC).
  std::optional<magnetic_polarization> min_remanence_at_temperature;
  /// With the onset criterion (max_irreversible_loss = 0): the most exposed field must stay this
  /// fraction of the knee field inside the knee, (Hk - |H|)/Hk >= knee_margin, in [0, 1).
  double knee_margin = 0.0;
  /// Further (temperature, external field) points, judged like the main one with the same
  /// permeance or shape, loss allowance and knee margin (and min_intrinsic_coercivity, at each
  /// point's temperature).
  std::vector<duty_point> duty;
};

/// Throws domain_error naming the field if a requirement is malformed (nothing to meet, a
/// negative, NaN or infinite value, a loss outside [0, 1)).
void validate(const requirement& r);

/// Whether a magnet meets a requirement; when it does not, `reason` says which part fails.
struct requirement_check {
  bool met = false;
  std::string reason;
};
requirement_check check_requirement(const Magnet& magnet, const requirement& r);

/// What a strategy varies.
enum class strategy_kind {
  heavy_rare_earth, ///< the least Dy or Tb (wt% of the magnet) that meets the requirement
  substitution,     ///< the most Ce/La (share of the rare-earth site) that still meets it
  fixed             ///< one magnet, which meets the requirement or not
};

/// A strategy as stored in materials/strategies/<name>.json, converted to SI and fractions.
struct strategy {
  std::string name;
  std::string description;
  strategy_kind kind = strategy_kind::fixed;
  std::string process;
  std::optional<Element> element;            ///< the varied element (Dy, Tb, Ce)
  double total_rare_earth = 0.31;            ///< mass fraction of the NdFeB base
  double boron = 0.010;                      ///< mass fraction of the NdFeB base
  double max_amount = 0.0;                   ///< search bound: mass fraction (HRE) or site share (Ce/La)
  std::optional<double> gbd_efficiency;      ///< heavy rare earth saved by diffusion: shell = 1/efficiency
  std::optional<length> max_thickness;       ///< diffusion depth limit: thicker magnets are infeasible
  std::optional<double> n_eff_scale;         ///< fine-grain processes: factor on the process's N_eff
  double lanthanum_share = 0.0;              ///< La/(Ce + La) of the substitute
  double pr_share = 0.0;                     ///< Pr/(Pr + Nd) by mass of the base's light rare earth
  std::optional<std::string> composition;    ///< fixed non-NdFeB strategies: the formula
  std::map<std::string, std::string> sources; ///< parameter -> source key
};

/// Overridable strategy parameters (unset: the stored value).
struct strategy_overrides {
  std::optional<double> gbd_efficiency;
  /// Tb's coercivity per atom relative to Dy's. Unset: the physics model's own (from the
  /// Tb2Fe14B and Dy2Fe14B data). Set: a Tb magnet's coercivity is computed with Dy at
  /// `tb_dy_effectiveness` times the Tb atoms, its remanence and bill of materials with the Tb.
  std::optional<double> tb_dy_effectiveness;
  std::optional<double> lanthanum_share;
  /// Pr/(Pr + Nd) by mass of the NdFeB base's light rare earth: the Nd of every base becomes
  /// PrNd, as in commercial magnets made from PrNd alloy; Pr2Fe14B's own data then set the
  /// physics. Unset: the strategy's stored base.pr_share (19.63 %, 1 Pr for 4 Nd atoms,
  /// AMES10-PRND); 0 gives Nd alone.
  std::optional<double> pr_share;
  /// Thickness of the part along the diffusion direction (for the GBD depth limit).
  std::optional<length> magnet_thickness;
};

/// Throws domain_error naming the parameter if an override lies outside what it means:
/// gbd_efficiency finite and >= 1 (the shell takes 1/gbd_efficiency of a grain, at most all of
/// it), tb_dy_effectiveness finite and > 0, lanthanum_share and pr_share in [0, 1] (shares of a
/// whole), magnet_thickness finite and > 0 m.
void validate(const strategy_overrides& o);

/// The shipped strategies, in a fixed order: bulk_dy, bulk_tb, gbd_dy, gbd_tb,
/// hre_free_fine_grain, hre_free_hot_deformed, ce_la_substituted, smco5, sm2co17, ferrite.
std::vector<std::string> strategy_names();
/// A shipped strategy by name; unknown_name_error lists the known ones.
const strategy& strategy_data(std::string_view name);

/// The magnet a strategy makes at `level`: the Dy/Tb mass fraction of the magnet
/// (heavy_rare_earth), the substitute's share of the rare-earth site (substitution), ignored
/// for fixed strategies.
Magnet strategy_magnet(const strategy& s, double level, const strategy_overrides& overrides = {});

/// The outcome of one strategy for one requirement.
struct strategy_solution {
  std::string strategy;
  bool feasible = false;
  std::string reason;        ///< why not feasible ("" when feasible)
  double level = 0.0;        ///< the solved level (see strategy_magnet)
  std::optional<Magnet> magnet;
};

/// Solves one strategy: bisection on the level (the requirement's coercivity and load-line
/// parts are monotone in it), then the remanence and (BH)max parts are checked at the solution.
strategy_solution solve_strategy(const strategy& s, const requirement& r, const strategy_overrides& overrides = {});

} // namespace magmat
