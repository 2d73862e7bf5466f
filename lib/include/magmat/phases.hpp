// Intrinsic magnetic phases: the data of each end-member compound (materials/phases/) and the
// model of a phase at any temperature, including mixed rare-earth sites (physics brief §1-3).
#pragma once

#include <magmat/composition.hpp>
#include <magmat/units.hpp>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace magmat {

enum class phase_family { r2fe14b, smco5, sm2co17, hexaferrite };

/// "r2fe14b", "smco5", "sm2co17", "hexaferrite".
std::string_view to_string(phase_family family);

/// How a value was established, as tagged in the physics brief: seen in the cited source
/// (confirmed), computed from confirmed inputs (derived), or a literature value not checked
/// against its primary source (unconfirmed).
enum class confidence { confirmed, derived, unconfirmed };

/// The letter the data files and the brief write for a confidence: "C", "D" or "U".
constexpr const char* confidence_letter(confidence c) {
  return c == confidence::confirmed ? "C" : c == confidence::derived ? "D" : "U";
}

/// The law of the reduced magnetization m(T/Tc) (temperature.hpp): Kuz'min's
/// [1 - s tau^1.5 - (1-s) tau^p]^(1/3), or the critical power (1 - tau^a)^b.
enum class magnetization_law { kuzmin, critical_power };

/// Where a stored value comes from: a key of materials/references.json and its confidence.
struct source_tag {
  std::string key;
  magmat::confidence confidence = confidence::unconfirmed;
};

/// One point of a tabulated anisotropy field.
struct anisotropy_point {
  thermodynamic_temperature temperature;
  magnetic_field_strength anisotropy_field;
};

/// One end-member compound as stored in materials/phases/<id>.json, converted to SI.
struct phase_record {
  std::string id;       ///< e.g. "Nd2Fe14B"
  std::string formula;  ///< chemical formula of the formula unit (may name a range, "Sr1-xLax...")
  std::string nominal_formula; ///< a parseable formula the values hold for (= formula if parseable)
  phase_family family = phase_family::r2fe14b;
  thermodynamic_temperature reference_temperature;  ///< where the values below hold
  magnetic_polarization saturation_polarization;    ///< Js at the reference temperature
  magnetic_field_strength anisotropy_field;         ///< HA at the reference temperature
  thermodynamic_temperature curie_temperature;
  mass_density density;                             ///< x-ray density of the compound
  bool rare_earth_antiparallel = false;             ///< heavy rare earths couple antiparallel to Fe
  magnetic_polarization saturation_polarization_0K; ///< Js(0 K) of the magnetization law
  magnetization_law law = magnetization_law::kuzmin;
  double law_first = 0.5;  ///< Kuz'min s, or the critical-power a
  double law_second = 2.5; ///< Kuz'min p, or the critical-power b
  bool anisotropy_tabulated = false;                ///< HA(T) from `anisotropy_table`, else power law
  double anisotropy_exponent = 3.0;                 ///< n in K1 ∝ m^n (power law)
  std::vector<anisotropy_point> anisotropy_table;   ///< sorted by temperature
  /// For a substituted compound such as Sr(1-x)La(x)Fe(12-x)Co(x)O19: the x its values hold at,
  /// and the largest x the data cover (both 0 for a plain compound).
  double substitution_nominal = 0.0;
  double substitution_min = 0.0;
  double substitution_max = 0.0;
  /// For a composition family (Sm(Co,Fe,Cu,Zr)z): the mass-fraction range of each element
  /// inside which the record's values are taken to hold, as (element, min, max), fractions.
  struct mass_fraction_range {
    Element element;
    double min;
    double max;
  };
  std::vector<mass_fraction_range> mass_fraction_ranges;
  thermodynamic_temperature min_temperature;        ///< lowest temperature the laws hold at
  thermodynamic_temperature max_temperature;        ///< highest temperature the laws hold at
  std::map<std::string, source_tag> sources;        ///< field name -> source
  std::vector<std::string> notes;                   ///< model limits stated in the data
};

/// The shipped (embedded) end-member phases, by id. Throws unknown_name_error for an unknown id.
const phase_record& phase_data(std::string_view id);
/// Ids of every shipped phase, sorted.
std::vector<std::string> phase_ids();

/// An end member of a phase and its share of the mixed site (sums to 1 over the members).
struct phase_member {
  const phase_record* record;
  double fraction;
};

/// The intrinsic model of one magnetic phase, possibly with a mixed rare-earth site
/// ((Nd0.8Dy0.2)2Fe14B) or a substituted ferrite (Sr0.8La0.2Fe11.8Co0.2O19). Immutable.
///
/// Mixing rules (brief §2): the Curie point is linear in the site fractions; Js is the linear
/// moment sum of the end members' Js (heavy rare earths enter with the lower Js of their
/// ferrimagnetic end member), and the anisotropy energy density K = Js HA / 2 is linear too
/// (single-ion additivity), each end member taken at the mixture's reduced temperature T/Tc;
/// then HA = 2 K / Ms of the mixture. Compositions without data are refused.
class Phase {
public:
  /// A phase from its formula: "Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5", "Sm2Co17",
  /// "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5", "SrFe12O19", "BaFe12O19", "Sr0.8La0.2Fe11.8Co0.2O19".
  /// Throws parse_error for malformed text and domain_error for a composition with no data.
  static Phase from_formula(std::string_view formula);
  /// The same from a Composition holding one formula unit of the phase.
  static Phase from_composition(const Composition& composition);

  const std::string& formula() const { return formula_; }
  phase_family family() const { return family_; }
  const Composition& composition() const { return composition_; }
  const std::vector<phase_member>& members() const { return members_; }

  /// Saturation polarization Js = mu0 Ms (T); 0 at and above the Curie point.
  magnetic_polarization saturation_polarization(thermodynamic_temperature temperature) const;
  /// Spontaneous magnetization Ms (A/m).
  magnetization saturation_magnetization(thermodynamic_temperature temperature) const;
  /// Anisotropy field HA (A/m); mu0 HA in tesla is vacuum_permeability times it.
  magnetic_field_strength anisotropy_field(thermodynamic_temperature temperature) const;
  /// Effective anisotropy energy density K = Js HA / 2 (J/m^3).
  energy_density anisotropy_energy_density(thermodynamic_temperature temperature) const;
  /// The theoretical limit of the energy product, Js^2 / (4 mu0) (J/m^3).
  energy_density max_energy_product_limit(thermodynamic_temperature temperature) const;
  thermodynamic_temperature curie_temperature() const { return curie_temperature_; }
  /// X-ray density of the phase (kg/m^3), from the end members' formula volumes.
  mass_density density() const { return density_; }
  /// The temperature interval where the model holds; outside it, the property calls throw.
  thermodynamic_temperature min_temperature() const { return min_temperature_; }
  thermodynamic_temperature max_temperature() const { return max_temperature_; }

private:
  explicit Phase(Composition composition) : composition_(std::move(composition)) {}
  void check_temperature(thermodynamic_temperature temperature) const;

  std::string formula_;
  phase_family family_ = phase_family::r2fe14b;
  Composition composition_;
  std::vector<phase_member> members_;
  thermodynamic_temperature curie_temperature_;
  mass_density density_;
  thermodynamic_temperature min_temperature_;
  thermodynamic_temperature max_temperature_;
};

} // namespace magmat
