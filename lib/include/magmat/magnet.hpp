// From intrinsic to extrinsic: a magnet made of a composition by a process, and its Br, HcJ,
// HcB, recoil permeability and (BH)max at any temperature (physics brief §4-5).
#pragma once

#include <magmat/composition.hpp>
#include <magmat/demag.hpp>
#include <magmat/phases.hpp>
#include <magmat/units.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace magmat {

/// The microstructure and micromagnetic parameters of a process, for one phase family, as
/// stored in materials/processes/<family>_<process>.json (every value with its source).
struct process_parameters {
  phase_family family = phase_family::r2fe14b;
  std::string process;                 ///< "sintered", "grain_boundary_diffused", ...
  std::string description;
  double relative_density = 1.0;       ///< rho / rho_theoretical
  double alignment = 1.0;              ///< <cos theta> of the grains' easy axes
  double recoil_permeability = 1.05;   ///< relative
  double squareness = 0.95;            ///< Hk / HcJ
  double alpha_k = 0.4;                ///< Kronmüller microstructure factor
  double n_eff = 1.0;                  ///< Kronmüller effective demagnetizing factor
  /// Activation volume v (m^3) of the thermal-activation term 25 kB T / (Js v) of the
  /// coercivity (Givord et al.); 0 = no such term.
  double activation_volume = 0.0;
  /// Rare earth (mass fraction of the magnet) held outside the main phase (R2Fe14B only).
  double grain_boundary_rare_earth = 0.0;
  /// Volume fraction of each grain that the diffused heavy rare earth occupies (GBD only; 0 = none).
  double shell_volume_fraction = 0.0;
  std::map<std::string, source_tag> sources; ///< parameter name -> source
  std::vector<std::string> notes;
};

/// The shipped process data for a family, e.g. (r2fe14b, "sintered").
/// Throws unknown_name_error naming the process and the ones known for the family.
const process_parameters& process_data(phase_family family, std::string_view process);
/// Process names shipped for a family.
std::vector<std::string> process_names(phase_family family);

/// Optional overrides of a process's defaults (unset = the process default).
struct microstructure {
  /// Mass (= volume, see Magnet) fraction of main phase; replaces the composition rule.
  std::optional<double> main_phase_fraction;
  std::optional<double> relative_density;
  std::optional<double> alignment;
  std::optional<double> recoil_permeability;
  std::optional<double> squareness;
  std::optional<double> alpha_k;
  std::optional<double> n_eff;
  std::optional<double> shell_volume_fraction;
  std::optional<double> activation_volume; ///< m^3
};

/// The extrinsic properties of a magnet at one temperature.
struct magnet_properties {
  thermodynamic_temperature temperature;
  magnetic_polarization remanence;             ///< Br (T)
  magnetic_field_strength intrinsic_coercivity; ///< HcJ (A/m, positive)
  magnetic_field_strength normal_coercivity;    ///< HcB (A/m, positive)
  magnetic_field_strength knee_field;           ///< Hk (A/m, positive)
  energy_density max_energy_product;            ///< (BH)max (J/m^3)
  energy_density max_energy_product_limit;      ///< Js^2 / (4 mu0) of the main phase (J/m^3)
  double recoil_permeability = 1.0;             ///< relative
};

/// Reversible temperature coefficients over an interval [from, to], as datasheets give them:
/// alpha = (Br(to) - Br(from)) / (Br(from) (to - from)), beta likewise for HcJ.
struct temperature_coefficients {
  thermodynamic_temperature from;
  thermodynamic_temperature to;
  temperature_coefficient remanence;            ///< alpha(Br), 1/K
  temperature_coefficient intrinsic_coercivity; ///< beta(HcJ), 1/K
};

/// A demagnetization curve's parameters at one temperature as fitted to a measured curve
/// (curve_fit.hpp), with the fit's standard uncertainties and residuals.
struct fitted_curve_parameters {
  thermodynamic_temperature temperature;
  magnetic_polarization remanence;
  magnetic_field_strength intrinsic_coercivity;
  double squareness = 0.95; ///< Hk / HcJ
  magnetic_polarization remanence_uncertainty;
  magnetic_field_strength intrinsic_coercivity_uncertainty;
  double squareness_uncertainty = 0.0;
  magnetic_polarization rms_residual; ///< of J over the curve's points
  magnetic_polarization max_residual; ///< largest |J data - J model|
  std::size_t points = 0;
};

/// Curves measured at several temperatures, fitted: one entry per temperature (ascending), one
/// recoil permeability for all. Br is the physics model's Br times its ratio to the measured
/// ones, that ratio linear in T between the measured temperatures (the main phase's Js(T)
/// carries the shape) and held beyond them. HcJ is linear in T between the measured
/// temperatures and follows the model's ratio from the nearer end beyond them. q is linear in
/// T between them and held beyond (the model has no law for the squareness). Each measured
/// value comes back exactly at its temperature.
struct measured_curves_table {
  std::vector<fitted_curve_parameters> curves;
  double recoil_permeability = 1.05;
  double recoil_permeability_uncertainty = 0.0;
};

/// Datasheet values that pin a magnet's behaviour (a catalog grade): at the reference
/// temperature the datasheet's Br and HcJ hold exactly; inside [coefficients_from,
/// coefficients_to] the datasheet's linear coefficients apply; outside it (or without
/// coefficients) the physics model's ratio carries the value on from the interval's edge.
struct datasheet_anchor {
  std::string name;
  thermodynamic_temperature reference_temperature;
  magnetic_polarization remanence;
  magnetic_field_strength intrinsic_coercivity;
  /// Datasheet HcB and (BH)max at the reference temperature; at other temperatures they scale
  /// with the curve's own values (unset: the curve's values).
  std::optional<magnetic_field_strength> normal_coercivity;
  std::optional<energy_density> max_energy_product;
  std::optional<temperature_coefficient> remanence_coefficient;
  std::optional<temperature_coefficient> intrinsic_coercivity_coefficient;
  thermodynamic_temperature coefficients_from;
  thermodynamic_temperature coefficients_to;
  /// The interval of the HcJ coefficient when it differs from the Br coefficient's (a grade
  /// that takes its coercivity class's beta(HcJ)); unset: [coefficients_from, coefficients_to].
  std::optional<thermodynamic_temperature> coercivity_coefficient_from;
  std::optional<thermodynamic_temperature> coercivity_coefficient_to;
  /// Fitted measured curves (Magnet::fit_curves); when set they replace the reference values and
  /// coefficients above at every temperature (the reference is the entry nearest 20 degC).
  std::optional<measured_curves_table> measured;
};

/// A magnet: a bulk composition turned into a main phase (plus secondary phases) by a process.
///
/// Model (brief §4): Br = Js(T) f_v (rho/rho_th) <cos theta>; HcJ = alpha_K HA(T) - N_eff Ms(T)
/// - 25 kB T / (Js(T) v) (Kronmüller with Givord's thermal activation), floored at 0, with HA and Ms of the grain shell for grain-boundary-diffused magnets; the
/// demagnetization curve of demag.hpp gives HcB, Hk and (BH)max.
class Magnet {
public:
  /// `bulk` in any form (mass percent or formula); `process` one of process_names(family).
  /// NdFeB: Dy, Tb, Pr, Ce, La (and Nd, Y, Gd, Ho) go on the 2:14:1 site in their bulk atomic
  /// proportions; the main-phase mass fraction is the least of B, Fe and (RE minus the
  /// process's grain-boundary allowance) over their shares in the 2:14:1 phase; minor
  /// additions (Co, Cu, Al, Ga, Nb, Zr, C, O) up to documented commercial limits count as
  /// non-magnetic secondary phase. Throws domain_error for compositions without data and
  /// unknown_name_error for an unknown process.
  static Magnet from_composition(const Composition& bulk, std::string_view process,
                                 const microstructure& overrides = {});

  const Composition& composition() const { return composition_; }
  const Phase& main_phase() const { return main_phase_; }
  /// The phase at the grains' surface where reversal nucleates (the main phase unless diffused).
  const Phase& nucleation_phase() const { return nucleation_phase_; }
  const process_parameters& process() const { return process_; }
  /// Mass density: the main phase's x-ray density times the process's relative density
  /// (secondary phases are taken at the main phase's density, as for main_phase_fraction).
  mass_density density() const { return main_phase_.density() * process_.relative_density; }
  phase_family family() const { return main_phase_.family(); }
  /// The grade name for a catalog magnet, else the composition's formula.
  std::string name() const;
  /// The industry family: "ndfeb_sintered" (sintered and grain-boundary-diffused),
  /// "ndfeb_hot_deformed", "ndfeb_bonded", "smco5", "sm2co17" or "ferrite".
  std::string_view family_name() const;
  /// This magnet pinned to datasheet values (see datasheet_anchor); the physics model stays
  /// underneath for the temperature behaviour outside the datasheet's interval. Throws
  /// domain_error for Br or HcJ <= 0, an interval that ends before it starts, and measured
  /// curves out of order or outside the model's ranges (q in (0, 1), mu_rec in [1, 1.3]).
  Magnet with_datasheet(datasheet_anchor anchor) const;
  const std::optional<datasheet_anchor>& datasheet() const { return anchor_; }
  /// A magnet from its parts, exactly as another magnet holds them (for serialization: the
  /// parts come from composition(), main_phase(), nucleation_phase(), process(),
  /// main_phase_fraction() and datasheet()). Throws domain_error for a fraction outside (0, 1]
  /// and for measured curves that with_datasheet would refuse.
  static Magnet from_parts(Composition composition, Phase main_phase, Phase nucleation_phase,
                           process_parameters process, double main_phase_fraction,
                           std::optional<datasheet_anchor> anchor);
  /// The temperatures of the measured curves a fitted magnet rests on (lowest, highest), or
  /// nothing for a magnet without measured curves.
  std::optional<std::pair<thermodynamic_temperature, thermodynamic_temperature>> measured_temperature_range() const;
  /// True where a fitted magnet's values are carried beyond its measured temperatures by the
  /// physics model (false inside them, and for every magnet without measured curves).
  bool is_extrapolated(thermodynamic_temperature temperature) const;
  /// This magnet with reversal nucleating in another phase (e.g. a shell of another composition);
  /// remanence and the bill of materials stay this magnet's.
  Magnet with_nucleation_phase(Phase phase) const {
    Magnet changed = *this;
    changed.nucleation_phase_ = std::move(phase);
    return changed;
  }
  /// Mass (and, as secondary phases are taken at the main phase's density, volume) fraction of
  /// the magnet that is main phase.
  double main_phase_fraction() const { return main_phase_fraction_; }
  thermodynamic_temperature curie_temperature() const { return main_phase_.curie_temperature(); }
  /// The temperature interval where the model (and so this magnet) is defined.
  thermodynamic_temperature min_temperature() const {
    return std::max(main_phase_.min_temperature(), nucleation_phase_.min_temperature());
  }
  thermodynamic_temperature max_temperature() const {
    return std::min(main_phase_.max_temperature(), nucleation_phase_.max_temperature());
  }

  magnet_properties properties(thermodynamic_temperature temperature) const;
  magnetic_polarization remanence(thermodynamic_temperature temperature) const;
  magnetic_field_strength intrinsic_coercivity(thermodynamic_temperature temperature) const;
  magnetic_field_strength normal_coercivity(thermodynamic_temperature temperature) const;
  energy_density max_energy_product(thermodynamic_temperature temperature) const;
  /// The demagnetization curve at a temperature.
  demagnetization_model demagnetization(thermodynamic_temperature temperature) const;
  /// Samples of that curve from H = 0 to -HcJ (see demagnetization_model::sample).
  magmat::demagnetization_curve sample_demagnetization(thermodynamic_temperature temperature, std::size_t points) const {
    return demagnetization(temperature).sample(points);
  }
  /// alpha(Br) and beta(HcJ) over [from, to]; `from` must differ from `to`.
  temperature_coefficients reversible_coefficients(thermodynamic_temperature from,
                                                   thermodynamic_temperature to) const;

private:
  Magnet(Composition composition, Phase main_phase, Phase nucleation_phase, process_parameters process,
         double main_phase_fraction);

  magnetic_polarization model_remanence(thermodynamic_temperature temperature) const;
  magnetic_field_strength model_intrinsic_coercivity(thermodynamic_temperature temperature) const;
  double squareness(thermodynamic_temperature temperature) const;
  double recoil_permeability() const;

  Composition composition_;
  std::optional<datasheet_anchor> anchor_;
  Phase main_phase_;
  Phase nucleation_phase_;
  process_parameters process_;
  double main_phase_fraction_;
};

} // namespace magmat
