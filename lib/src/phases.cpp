// The intrinsic phase model (phases.hpp): recognising a phase from its composition, mixing
// end members on the rare-earth site, and the temperature laws of Js and HA.
#include <magmat/phases.hpp>
#include <magmat/model_formulas.hpp>
#include <magmat/temperature.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace magmat {
namespace {

constexpr double mu0 = vacuum_permeability_h_per_m;

// Relative tolerance on the stoichiometry of a recognised formula unit.
constexpr double stoichiometry_tolerance = 1e-6;

bool close(double a, double b) { return std::abs(a - b) <= stoichiometry_tolerance * std::max(1.0, std::abs(b)); }

[[noreturn]] void no_data(const Composition& composition, std::string_view why) {
  throw domain_error(fmt::format(
      "no phase data for '{}': {}. magmat models R2Fe14B with R in {{Y, La, Ce, Pr, Nd, Gd, Tb, "
      "Dy, Ho}} (mixed sites allowed), SmCo5, Sm2Co17, Sm(Co,Fe,Cu,Zr)z within its commercial "
      "range, SrFe12O19, BaFe12O19 and Sr(1-x)La(x)Fe(12-x)Co(x)O19 within its measured range",
      composition.formula(), why));
}

} // namespace

Phase Phase::from_formula(std::string_view formula) {
  Phase phase = from_composition(Composition::from_formula(formula));
  phase.formula_ = std::string(formula); // shown as the caller wrote it
  return phase;
}

Phase Phase::from_composition(const Composition& composition) {
  Phase phase(composition);
  phase.formula_ = composition.formula();
  const auto entries = composition.amounts();

  auto single = [&](const char* id) { phase.members_.push_back({&phase_data(id), 1.0}); };
  const double boron = composition.amount(Element::B);
  const double iron = composition.amount(Element::Fe);
  const double samarium = composition.amount(Element::Sm);
  const double cobalt = composition.amount(Element::Co);

  if (boron > 0.0 && iron > 0.0) {
    // R2Fe14B: every other element is a rare earth on the 2:14:1 site.
    double rare_earth = 0.0;
    for (const auto& [element, amount] : entries) {
      if (element == Element::B || element == Element::Fe) continue;
      if (!is_rare_earth(element))
        no_data(composition, fmt::format("{} has no site in R2Fe14B data (only rare earths on the R site)",
                                         symbol(element)));
      rare_earth += amount;
    }
    if (!close(iron / boron, 14.0) || !close(rare_earth / boron, 2.0))
      no_data(composition, fmt::format("R:Fe:B is {:.4g}:{:.4g}:1, not 2:14:1", rare_earth / boron, iron / boron));
    phase.family_ = phase_family::r2fe14b;
    for (const auto& [element, amount] : entries) {
      if (element == Element::B || element == Element::Fe) continue;
      const std::string id = fmt::format("{}2Fe14B", symbol(element));
      const phase_record* record = nullptr;
      try {
        record = &phase_data(id);
      } catch (const unknown_name_error&) {
        no_data(composition, fmt::format("no end-member data for {}", id));
      }
      phase.members_.push_back({record, amount / rare_earth});
    }
  } else if (samarium > 0.0 && cobalt > 0.0 && entries.size() == 2 && close(cobalt / samarium, 5.0)) {
    phase.family_ = phase_family::smco5;
    single("SmCo5");
  } else if (samarium > 0.0 && cobalt > 0.0 && entries.size() == 2 && close(cobalt / samarium, 8.5)) {
    phase.family_ = phase_family::sm2co17;
    single("Sm2Co17");
  } else if (samarium > 0.0 && cobalt > 0.0) {
    // Sm(Co,Fe,Cu,Zr)z: accepted inside the commercial ranges the cell-material record states.
    const phase_record& cell = phase_data("SmCoFeCuZr_2_17");
    const auto& ranges = cell.mass_fraction_ranges;
    for (const auto& [element, amount] : entries) {
      const bool listed = std::any_of(ranges.begin(), ranges.end(),
                                      [e = element](const auto& r) { return r.element == e; });
      if (!listed) no_data(composition, fmt::format("{} is not part of Sm(Co,Fe,Cu,Zr)z", symbol(element)));
    }
    const double z = (composition.total_amount() - samarium) / samarium;
    if (z < cell.substitution_min - 1e-9 || z > cell.substitution_max + 1e-9)
      no_data(composition, fmt::format("z = {:.3g} lies outside the 2:17-type range {}-{}", z,
                                       cell.substitution_min, cell.substitution_max));
    for (const auto& r : ranges) {
      const double fraction = composition.mass_fraction(r.element);
      if (fraction < r.min - 1e-11 || fraction > r.max + 1e-11)
        no_data(composition, fmt::format("{} is {:.2f} wt%, outside the 2:17-type range {:g}-{:g} wt%",
                                         symbol(r.element), 100.0 * fraction, 100.0 * r.min, 100.0 * r.max));
    }
    phase.family_ = phase_family::sm2co17;
    single("SmCoFeCuZr_2_17");
  } else if (composition.amount(Element::O) > 0.0 && iron > 0.0) {
    phase.family_ = phase_family::hexaferrite;
    const double oxygen = composition.amount(Element::O);
    const double strontium = composition.amount(Element::Sr);
    const double barium = composition.amount(Element::Ba);
    const double lanthanum = composition.amount(Element::La);
    const double cobalt_in_ferrite = composition.amount(Element::Co);
    const double scale = 19.0 / oxygen; // per formula unit of MFe12O19
    if (barium > 0.0 && entries.size() == 3 && close(barium * scale, 1.0) && close(iron * scale, 12.0)) {
      single("BaFe12O19");
    } else if (strontium > 0.0 && entries.size() == 3 && close(strontium * scale, 1.0) &&
               close(iron * scale, 12.0)) {
      single("SrFe12O19");
    } else if (strontium > 0.0 && lanthanum > 0.0 && cobalt_in_ferrite > 0.0 && entries.size() == 5) {
      // Sr(1-x)La(x)Fe(12-x)Co(x)O19: La and Co replace Sr and Fe one for one.
      const double x = lanthanum * scale;
      if (!close(cobalt_in_ferrite * scale, x) || !close(strontium * scale, 1.0 - x) ||
          !close(iron * scale, 12.0 - x))
        no_data(composition, "not of the form Sr(1-x)La(x)Fe(12-x)Co(x)O19");
      const phase_record& substituted = phase_data("Sr1-xLaxFe12-xCoxO19");
      if (x > substituted.substitution_max + 1e-9)
        no_data(composition, fmt::format("La-Co substitution x = {:.3g} exceeds the measured range 0-{}", x,
                                         substituted.substitution_max));
      // Linear between SrM (x = 0) and the record's nominal x (LACO24B, as the record states).
      const double weight = x / substituted.substitution_nominal;
      phase.members_.push_back({&phase_data("SrFe12O19"), 1.0 - weight});
      phase.members_.push_back({&substituted, weight});
    } else {
      no_data(composition, "not a recognised M-type hexaferrite");
    }
  } else {
    no_data(composition, "not a recognised magnetic phase");
  }

  // Mixed site: the Curie point is linear in the site fractions (brief §2); every other property
  // mixes the end members' values at the same reduced temperature T/Tc (corresponding states),
  // so a single member reproduces its own record exactly.
  double curie = 0.0, min_t = 0.0, max_t = 1e300;
  for (const auto& [record, fraction] : phase.members_) curie += fraction * to_kelvin(record->curie_temperature);
  for (const auto& [record, fraction] : phase.members_) {
    const double scale = curie / to_kelvin(record->curie_temperature);
    min_t = std::max(min_t, to_kelvin(record->min_temperature) * scale);
    max_t = std::min(max_t, to_kelvin(record->max_temperature) * scale);
  }
  phase.curie_temperature_ = from_kelvin(curie);
  phase.min_temperature_ = from_kelvin(min_t);
  phase.max_temperature_ = from_kelvin(std::min(max_t, curie));
  // Vegard-like density: the formula-unit volumes add, weighted by site fraction.
  double molar_mass_sum = 0.0, volume_per_mass_weighted = 0.0;
  for (const auto& [record, fraction] : phase.members_) {
    const double member_molar_mass = Composition::from_formula(record->nominal_formula).formula_molar_mass();
    molar_mass_sum += fraction * member_molar_mass;
    volume_per_mass_weighted += fraction * member_molar_mass / record->density.value();
  }
  phase.density_ = mass_density::from_value(molar_mass_sum / volume_per_mass_weighted);
  return phase;
}

void Phase::check_temperature(thermodynamic_temperature temperature) const {
  const double kelvin = to_kelvin(temperature);
  if (std::isnan(kelvin)) throw domain_error("temperature is NaN");
  if (kelvin < 0.0)
    throw domain_error(fmt::format("temperature {:.2f} K ({:.2f} degC) is below absolute zero", kelvin,
                                   to_celsius(temperature)));
  if (kelvin >= to_kelvin(curie_temperature_))
    throw domain_error(fmt::format("temperature {:.2f} degC is at or above the Curie point {:.1f} degC of {}",
                                   to_celsius(temperature), to_celsius(curie_temperature_), formula_));
  if (kelvin < to_kelvin(min_temperature_) || kelvin > to_kelvin(max_temperature_))
    throw domain_error(fmt::format("temperature {:.2f} degC is outside the range {:.1f} to {:.1f} degC where the "
                                   "data of {} hold",
                                   to_celsius(temperature), to_celsius(min_temperature_),
                                   to_celsius(max_temperature_), formula_));
}

magnetization Phase::saturation_magnetization(thermodynamic_temperature temperature) const {
  return magnetization::from_value(formulas::magnetization_of(saturation_polarization(temperature).value()));
}

namespace {

// HA of one end member at its own temperature `kelvin`, from its table or power law.
double member_anisotropy_field(const phase_record& record, double kelvin) {
  if (record.anisotropy_tabulated) return formulas::member_tabulated_anisotropy_field(record, kelvin);
  return formulas::member_power_law_anisotropy_field(record, formulas::member_reduced_magnetization(record, kelvin),
                                                     formulas::reference_reduced_magnetization(record));
}

// HA of one end member of a mixed site at the site's reduced temperature `tau`.
double member_anisotropy_field_at(const phase_record& record, double tau) {
  const formulas::basic_reduced_temperature<double> reduced(tau);
  const double m = record.anisotropy_tabulated ? 0.0 : formulas::member_reduced_magnetization_at(record, reduced);
  return formulas::member_anisotropy_field_at(record, reduced, m,
                                             record.anisotropy_tabulated ? 0.0 : formulas::reference_reduced_magnetization(record));
}

// Js of one end member of a mixed site at the site's reduced temperature `tau`.
double member_polarization_at(const phase_record& record, double tau) {
  return formulas::member_polarization(record, formulas::member_reduced_magnetization_at(record, formulas::basic_reduced_temperature<double>(tau)));
}

} // namespace

magnetic_polarization Phase::saturation_polarization(thermodynamic_temperature temperature) const {
  check_temperature(temperature);
  const double tau = to_kelvin(temperature) / to_kelvin(curie_temperature_);
  double polarization = 0.0;
  for (const auto& [record, fraction] : members_) polarization += fraction * member_polarization_at(*record, tau);
  return magnetic_polarization::from_value(polarization);
}

energy_density Phase::anisotropy_energy_density(thermodynamic_temperature temperature) const {
  check_temperature(temperature);
  const double tau = to_kelvin(temperature) / to_kelvin(curie_temperature_);
  double energy = 0.0;
  for (const auto& [record, fraction] : members_)
    energy += fraction * 0.5 * member_polarization_at(*record, tau) * member_anisotropy_field_at(*record, tau);
  return energy_density::from_value(energy);
}

magnetic_field_strength Phase::anisotropy_field(thermodynamic_temperature temperature) const {
  if (members_.size() == 1) {
    check_temperature(temperature);
    return magnetic_field_strength::from_value(member_anisotropy_field(*members_.front().record, to_kelvin(temperature)));
  }
  const double energy = anisotropy_energy_density(temperature).value();
  const double js = saturation_polarization(temperature).value();
  return magnetic_field_strength::from_value(formulas::mixed_anisotropy_field(energy, js));
}

energy_density Phase::max_energy_product_limit(thermodynamic_temperature temperature) const {
  const double js = saturation_polarization(temperature).value();
  return energy_density::from_value(js * js / (4.0 * mu0));
}

} // namespace magmat
