// The extrinsic magnet model (magnet.hpp): main-phase fraction from the bulk composition,
// remanence, Kronmüller coercivity and the demagnetization curve at temperature.
#include <magmat/magnet.hpp>
#include <magmat/errors.hpp>
#include <magmat/model_formulas.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace magmat {
namespace {

constexpr double mu0 = vacuum_permeability_h_per_m;

// Minor additions of commercial sintered NdFeB, wt% upper limits (brief §8: PATENT-HITACHI for
// Al, Cu, Co, Ga, C, O; COURAGE-NDFEB for Nb; Zr as Nb, its usual grain-growth inhibitor
// alternative, is not in the brief and is refused).
struct addition_limit { Element element; double max_percent; };
constexpr addition_limit ndfeb_additions[] = {{Element::Al, 0.6}, {Element::Cu, 1.5}, {Element::Co, 3.0},
                                              {Element::Ga, 1.0}, {Element::C, 0.3},  {Element::O, 0.4},
                                              {Element::Nb, 0.5}};

// Largest La share of the rare-earth site: (Nd2-xLax)Fe14B with x >= 0.9 forms alpha-Fe
// instead of the 2:14:1 phase (brief §2, LI20).
constexpr double max_lanthanum_site_fraction = 0.45;

[[noreturn]] void refuse(const Composition& bulk, std::string_view why) {
  throw domain_error(fmt::format("cannot model a magnet of composition '{}': {}", bulk.formula(), why));
}

process_parameters apply(process_parameters p, const microstructure& o) {
  auto set = [&p](const std::optional<double>& value, double& field, const char* name, double low, double high) {
    if (!value) return;
    if (!(*value >= low && *value <= high))
      throw domain_error(fmt::format("{} must lie in [{}, {}], got {}", name, low, high, *value));
    field = *value;
    p.sources[name] = {"user", confidence::confirmed};
  };
  set(o.relative_density, p.relative_density, "relative_density", 0.1, 1.0);
  set(o.alignment, p.alignment, "alignment", 0.5, 1.0);
  set(o.recoil_permeability, p.recoil_permeability, "recoil_permeability", 1.0, max_recoil_permeability);
  set(o.squareness, p.squareness, "squareness", 0.01, 0.999);
  set(o.alpha_k, p.alpha_k, "alpha_k", 0.0, 1.0);
  set(o.n_eff, p.n_eff, "n_eff", 0.0, 5.0);
  if (o.shell_volume_fraction && p.shell_volume_fraction == 0.0)
    throw domain_error(fmt::format("shell_volume_fraction applies to grain-boundary-diffused magnets, not to the "
                                   "'{}' process", p.process));
  set(o.shell_volume_fraction, p.shell_volume_fraction, "shell_volume_fraction", 0.01, 1.0);
  set(o.activation_volume, p.activation_volume, "activation_volume", 0.0, 1e-21);
  if (o.main_phase_fraction) p.sources["main_phase_fraction"] = {"user", confidence::confirmed};
  return p;
}

// The R2Fe14B phase holding the rare earths in `amounts` (atoms), in their proportions.
Composition r2fe14b(const std::vector<std::pair<Element, double>>& rare_earths) {
  double total = 0.0;
  for (const auto& entry : rare_earths) total += entry.second;
  std::vector<Composition::entry> amounts;
  for (const auto& [element, amount] : rare_earths) amounts.emplace_back(element, 2.0 * amount / total);
  amounts.emplace_back(Element::Fe, 14.0);
  amounts.emplace_back(Element::B, 1.0);
  return Composition::from_amounts(amounts);
}

// The user's main-phase fraction when given (checked), else the one the composition implies.
double main_phase_fraction_or(const microstructure& overrides, double from_composition) {
  if (!overrides.main_phase_fraction) return from_composition;
  const double value = *overrides.main_phase_fraction;
  if (!(value > 0.0 && value <= 1.0))
    throw domain_error(fmt::format("main_phase_fraction must lie in (0, 1], got {}", value));
  return value;
}

bool is_heavy_diffusant(Element e) { return e == Element::Dy || e == Element::Tb; }

} // namespace

Magnet::Magnet(Composition composition, Phase main_phase, Phase nucleation_phase, process_parameters process,
               double main_phase_fraction)
    : composition_(std::move(composition)), main_phase_(std::move(main_phase)),
      nucleation_phase_(std::move(nucleation_phase)), process_(std::move(process)),
      main_phase_fraction_(main_phase_fraction) {}

Magnet Magnet::from_composition(const Composition& bulk, std::string_view process,
                                const microstructure& overrides) {
  const bool ndfeb = bulk.contains(Element::B) && bulk.contains(Element::Fe) && bulk.rare_earth_mass_fraction() > 0.0;
  if (!ndfeb) {
    // SmCo and ferrite: the composition is the phase (or a Sm-rich Sm-Co binary, see below).
    std::optional<Phase> phase;
    double fraction = 1.0;
    const double sm = bulk.amount(Element::Sm), co = bulk.amount(Element::Co);
    if (bulk.amounts().size() == 2 && sm > 0.0 && co > 0.0) {
      // Binary Sm-Co: the Co-richer compound holds all Co; surplus Sm is a non-magnetic
      // grain-boundary phase (sintered SmCo5 carries ~36 wt% Sm against 33.79 stoichiometric, brief §8).
      const double z = co / sm;
      const char* formula = nullptr;
      if (z >= 4.0 && z <= 5.0 + 1e-9) formula = "SmCo5";
      else if (z >= 7.5 && z <= 8.5 + 1e-9) formula = "Sm2Co17";
      else refuse(bulk, fmt::format("Co/Sm = {:.3g} lies outside 4-5 (SmCo5) and 7.5-8.5 (Sm2Co17)", z));
      phase.emplace(Phase::from_formula(formula));
      const Composition compound = Composition::from_formula(formula);
      // Mass fraction of the compound: all Co in it, Co mass fraction of the compound known.
      fraction = std::min(1.0, bulk.mass_fraction(Element::Co) / compound.mass_fraction(Element::Co));
    } else {
      phase.emplace(Phase::from_composition(bulk));
    }
    const process_parameters& defaults = process_data(phase->family(), process);
    Phase nucleation = *phase;
    return Magnet(bulk, std::move(*phase), std::move(nucleation), apply(defaults, overrides),
                  main_phase_fraction_or(overrides, fraction));
  }

  // NdFeB: sort the bulk into the 2:14:1 rare-earth site, Fe, B and minor additions.
  std::vector<std::pair<Element, double>> rare_earths; // atoms
  for (const auto& [element, amount] : bulk.amounts()) {
    if (element == Element::Fe || element == Element::B) continue;
    if (is_rare_earth(element)) { rare_earths.emplace_back(element, amount); continue; }
    const auto* limit = std::find_if(std::begin(ndfeb_additions), std::end(ndfeb_additions),
                                     [e = element](const addition_limit& l) { return l.element == e; });
    if (limit == std::end(ndfeb_additions))
      refuse(bulk, fmt::format("{} is not a documented addition of NdFeB magnets", symbol(element)));
    const double percent = 100.0 * bulk.mass_fraction(element);
    if (percent > limit->max_percent + 1e-9)
      refuse(bulk, fmt::format("{} is {:.3g} wt%, above the documented {} wt% of commercial NdFeB", symbol(element),
                               percent, limit->max_percent));
  }
  double rare_earth_atoms = 0.0;
  for (const auto& entry : rare_earths) rare_earth_atoms += entry.second;
  for (const auto& [element, amount] : rare_earths) {
    if (element == Element::La && amount / rare_earth_atoms >= max_lanthanum_site_fraction)
      refuse(bulk, fmt::format("La takes {:.3g} of the rare-earth site; from {} on the 2:14:1 phase does not form "
                               "(LI20)", amount / rare_earth_atoms, max_lanthanum_site_fraction));
  }
  const Composition main_composition = r2fe14b(rare_earths);
  Phase main_phase = Phase::from_composition(main_composition);
  const process_parameters parameters = apply(process_data(phase_family::r2fe14b, process), overrides);

  // Main-phase mass fraction: the scarcest constituent over its share in the 2:14:1 phase. For B
  // and Fe that quotient of mass fractions is the bulk's atom fraction times M(2:14:1) / M(bulk)
  // over the phase's atoms (1 B, 14 Fe): the atomic weight cancels, and one division serves both
  // (the batch engine repeats these steps, and divisions are its slowest instructions).
  const double available_rare_earth = bulk.rare_earth_mass_fraction() - parameters.grain_boundary_rare_earth;
  if (available_rare_earth <= 0.0)
    refuse(bulk, fmt::format("{:.3g} wt% rare earth does not exceed the {:.3g} wt% the grain boundaries hold",
                             100.0 * bulk.rare_earth_mass_fraction(), 100.0 * parameters.grain_boundary_rare_earth));
  const double molar_mass_ratio = main_composition.formula_molar_mass() / bulk.formula_molar_mass();
  const double fraction = std::min({1.0, bulk.amount(Element::B) * molar_mass_ratio,
                                    bulk.amount(Element::Fe) * molar_mass_ratio * (1.0 / 14.0),
                                    available_rare_earth / main_composition.rare_earth_mass_fraction()});

  // Grain-boundary diffusion: the Dy/Tb sits in a shell of each grain (brief §7); reversal
  // nucleates there, so HcJ follows the shell's composition while Js stays the bulk average.
  Phase nucleation = main_phase;
  if (parameters.shell_volume_fraction > 0.0) {
    std::vector<std::pair<Element, double>> shell;
    double heavy = 0.0;
    for (const auto& [element, amount] : rare_earths) {
      if (is_heavy_diffusant(element)) heavy += amount / rare_earth_atoms;
    }
    const double shell_heavy = std::min(1.0, heavy / parameters.shell_volume_fraction);
    const double light_scale = heavy < 1.0 ? (1.0 - shell_heavy) / (1.0 - heavy) : 0.0;
    for (const auto& [element, amount] : rare_earths) {
      const double site = amount / rare_earth_atoms;
      const double shell_site = is_heavy_diffusant(element) ? site / heavy * shell_heavy : site * light_scale;
      if (shell_site > 0.0) shell.emplace_back(element, shell_site);
    }
    nucleation = Phase::from_composition(r2fe14b(shell));
  }
  return Magnet(bulk, std::move(main_phase), std::move(nucleation), parameters,
                main_phase_fraction_or(overrides, fraction));
}

namespace {

// The anchored value at `temperature` (datasheet_anchor): linear inside the coefficients'
// interval, then the model's ratio from the interval's nearer edge.
template <class Model>
double anchored(double reference_value, const std::optional<temperature_coefficient>& coefficient,
                const datasheet_anchor& anchor, thermodynamic_temperature interval_from,
                thermodynamic_temperature interval_to, thermodynamic_temperature temperature, Model&& model) {
  const double t = to_kelvin(temperature);
  const double t0 = to_kelvin(anchor.reference_temperature);
  // The model's ratio first: it is exactly 1 at the reference temperature, so the datasheet value
  // comes back there as printed ((value * x) / x may differ from value in the last bit).
  if (!coefficient) {
    const double at_reference = model(anchor.reference_temperature);
    return at_reference > 0.0 ? reference_value * (model(temperature) / at_reference) : 0.0;
  }
  const double from = to_kelvin(interval_from), to = to_kelvin(interval_to);
  const auto linear = [&](double kelvin) { return reference_value * (1.0 + coefficient->value() * (kelvin - t0)); };
  if (t >= from && t <= to) return std::max(0.0, linear(t));
  const double edge = t < from ? from : to;
  const double at_edge = model(from_kelvin(edge));
  return at_edge > 0.0 ? std::max(0.0, linear(edge)) * (model(temperature) / at_edge) : 0.0;
}

// Linear in T between the two measured curves around `temperature` (inside their range).
template <class Value>
double interpolated(const measured_curves_table& table, thermodynamic_temperature temperature, Value&& value_of) {
  const auto& curves = table.curves;
  const double t = to_kelvin(temperature);
  for (std::size_t i = 0; i + 1 < curves.size(); ++i) {
    const double t0 = to_kelvin(curves[i].temperature), t1 = to_kelvin(curves[i + 1].temperature);
    if (t == t0) return value_of(curves[i]);
    if (t < t1) return value_of(curves[i]) + (value_of(curves[i + 1]) - value_of(curves[i])) * ((t - t0) / (t1 - t0));
  }
  return value_of(curves.back());
}

// A fitted magnet's Br at `temperature` (measured_curves_table): the model's value times
// its ratio to the measured one, that ratio linear in T between the measured temperatures and
// held beyond them, so that the model's physics carries the shape between and beyond the
// curves and each measured value comes back exactly. Where the model gives no value (0) at a
// measured temperature, the measured values are interpolated linearly instead.
template <class Value, class Model>
double measured(const measured_curves_table& table, thermodynamic_temperature temperature, Value&& value_of,
                Model&& model) {
  const auto& curves = table.curves;
  const double t = to_kelvin(temperature);
  for (const fitted_curve_parameters& c : curves)
    if (t == to_kelvin(c.temperature)) return value_of(c);
  const auto ratio = [&](const fitted_curve_parameters& c) {
    const double at = model(c.temperature);
    return at > 0.0 ? value_of(c) / at : std::numeric_limits<double>::quiet_NaN();
  };
  const double here = model(temperature);
  if (t < to_kelvin(curves.front().temperature) || t > to_kelvin(curves.back().temperature)) {
    const fitted_curve_parameters& edge = t < to_kelvin(curves.front().temperature) ? curves.front() : curves.back();
    const double r = ratio(edge);
    return std::isnan(r) ? 0.0 : here * r;
  }
  std::size_t i = 0;
  while (t > to_kelvin(curves[i + 1].temperature)) ++i;
  const double t0 = to_kelvin(curves[i].temperature), t1 = to_kelvin(curves[i + 1].temperature);
  const double share = (t - t0) / (t1 - t0);
  const double r0 = ratio(curves[i]), r1 = ratio(curves[i + 1]);
  if (std::isnan(r0) || std::isnan(r1))
    return value_of(curves[i]) + (value_of(curves[i + 1]) - value_of(curves[i])) * share;
  return here * (r0 + (r1 - r0) * share);
}

// A fitted magnet's HcJ at `temperature`: linear in T between the measured temperatures (the
// coercivity model is calibrated at one temperature only, and its curvature between measured
// curves is less certain than a straight line through them), the model's ratio from the nearer
// end beyond them.
template <class Value, class Model>
double measured_linear(const measured_curves_table& table, thermodynamic_temperature temperature, Value&& value_of,
                       Model&& model) {
  const auto& curves = table.curves;
  const double t = to_kelvin(temperature);
  if (t < to_kelvin(curves.front().temperature) || t > to_kelvin(curves.back().temperature)) {
    const fitted_curve_parameters& edge = t < to_kelvin(curves.front().temperature) ? curves.front() : curves.back();
    const double at_edge = model(edge.temperature);
    return at_edge > 0.0 ? value_of(edge) * (model(temperature) / at_edge) : 0.0;
  }
  return interpolated(table, temperature, value_of);
}

void check_measured(const measured_curves_table& table, const std::string& name) {
  const auto refuse_table = [&](const std::string& why) {
    throw domain_error(fmt::format("measured curves of '{}': {}", name, why));
  };
  if (table.curves.empty()) refuse_table("no curve");
  if (!(table.recoil_permeability >= 1.0 && table.recoil_permeability <= max_recoil_permeability))
    refuse_table(fmt::format("recoil permeability {} lies outside [1, {}]", table.recoil_permeability,
                             max_recoil_permeability));
  for (std::size_t i = 0; i < table.curves.size(); ++i) {
    const fitted_curve_parameters& c = table.curves[i];
    const double celsius = to_celsius(c.temperature);
    if (!std::isfinite(celsius)) refuse_table(fmt::format("curve {} has no finite temperature", i));
    if (i > 0 && !(c.temperature > table.curves[i - 1].temperature))
      refuse_table(fmt::format("the temperatures must ascend, {:.6g} degC follows {:.6g} degC", celsius,
                               to_celsius(table.curves[i - 1].temperature)));
    if (!(c.remanence.value() > 0.0 && c.intrinsic_coercivity.value() > 0.0))
      refuse_table(fmt::format("at {:.6g} degC Br and HcJ must be > 0", celsius));
    if (!(c.squareness > 0.0 && c.squareness < 1.0))
      refuse_table(fmt::format("at {:.6g} degC the squareness must lie in (0, 1), got {}", celsius, c.squareness));
  }
}

} // namespace

Magnet Magnet::from_parts(Composition composition, Phase main_phase, Phase nucleation_phase,
                          process_parameters process, double main_phase_fraction,
                          std::optional<datasheet_anchor> anchor) {
  if (!(main_phase_fraction > 0.0 && main_phase_fraction <= 1.0))
    throw domain_error(fmt::format("main_phase_fraction must lie in (0, 1], got {}", main_phase_fraction));
  if (anchor && anchor->measured) check_measured(*anchor->measured, anchor->name);
  Magnet magnet(std::move(composition), std::move(main_phase), std::move(nucleation_phase), std::move(process),
                main_phase_fraction);
  magnet.anchor_ = std::move(anchor);
  return magnet;
}

std::string_view Magnet::family_name() const {
  switch (family()) {
  case phase_family::r2fe14b:
    if (process_.process == "hot_deformed") return "ndfeb_hot_deformed";
    if (process_.process == "bonded") return "ndfeb_bonded";
    return "ndfeb_sintered";
  case phase_family::smco5: return "smco5";
  case phase_family::sm2co17: return "sm2co17";
  case phase_family::hexaferrite: return "ferrite";
  }
  return "unknown";
}

Magnet Magnet::with_datasheet(datasheet_anchor anchor) const {
  if (!(anchor.remanence.value() > 0.0) || !(anchor.intrinsic_coercivity.value() > 0.0))
    throw domain_error(fmt::format("datasheet of '{}': Br and HcJ must be > 0", anchor.name));
  if (anchor.coefficients_to < anchor.coefficients_from ||
      anchor.coercivity_coefficient_to.value_or(anchor.coefficients_to) <
          anchor.coercivity_coefficient_from.value_or(anchor.coefficients_from))
    throw domain_error(fmt::format("datasheet of '{}': coefficient interval ends before it starts", anchor.name));
  if (anchor.measured) check_measured(*anchor.measured, anchor.name);
  Magnet pinned = *this;
  pinned.anchor_ = std::move(anchor);
  return pinned;
}

std::optional<std::pair<thermodynamic_temperature, thermodynamic_temperature>>
Magnet::measured_temperature_range() const {
  if (!anchor_ || !anchor_->measured) return std::nullopt;
  return std::pair{anchor_->measured->curves.front().temperature, anchor_->measured->curves.back().temperature};
}

bool Magnet::is_extrapolated(thermodynamic_temperature temperature) const {
  const auto range = measured_temperature_range();
  return range && !(temperature >= range->first && temperature <= range->second);
}

double Magnet::squareness(thermodynamic_temperature temperature) const {
  if (!anchor_ || !anchor_->measured) return process_.squareness;
  const auto& curves = anchor_->measured->curves;
  const auto at = std::clamp(temperature, curves.front().temperature, curves.back().temperature);
  return interpolated(*anchor_->measured, at, [](const fitted_curve_parameters& c) { return c.squareness; });
}

double Magnet::recoil_permeability() const {
  return anchor_ && anchor_->measured ? anchor_->measured->recoil_permeability : process_.recoil_permeability;
}

magnetic_polarization Magnet::remanence(thermodynamic_temperature temperature) const {
  if (!anchor_) return model_remanence(temperature);
  model_remanence(temperature); // validates the temperature against the model's range
  if (anchor_->measured)
    return magnetic_polarization::from_value(measured(
        *anchor_->measured, temperature, [](const fitted_curve_parameters& c) { return c.remanence.value(); },
        [this](thermodynamic_temperature t) { return model_remanence(t).value(); }));
  return magnetic_polarization::from_value(
      anchored(anchor_->remanence.value(), anchor_->remanence_coefficient, *anchor_, anchor_->coefficients_from,
               anchor_->coefficients_to, temperature,
               [this](thermodynamic_temperature t) { return model_remanence(t).value(); }));
}

magnetic_field_strength Magnet::intrinsic_coercivity(thermodynamic_temperature temperature) const {
  if (!anchor_) return model_intrinsic_coercivity(temperature);
  model_intrinsic_coercivity(temperature);
  if (anchor_->measured)
    return magnetic_field_strength::from_value(measured_linear(
        *anchor_->measured, temperature, [](const fitted_curve_parameters& c) { return c.intrinsic_coercivity.value(); },
        [this](thermodynamic_temperature t) { return model_intrinsic_coercivity(t).value(); }));
  return magnetic_field_strength::from_value(
      anchored(anchor_->intrinsic_coercivity.value(), anchor_->intrinsic_coercivity_coefficient, *anchor_,
               anchor_->coercivity_coefficient_from.value_or(anchor_->coefficients_from),
               anchor_->coercivity_coefficient_to.value_or(anchor_->coefficients_to), temperature, [this](thermodynamic_temperature t) { return model_intrinsic_coercivity(t).value(); }));
}

magnetic_polarization Magnet::model_remanence(thermodynamic_temperature temperature) const {
  return formulas::remanence(main_phase_.saturation_polarization(temperature), main_phase_fraction_,
                             process_.relative_density, process_.alignment);
}

magnetic_field_strength Magnet::model_intrinsic_coercivity(thermodynamic_temperature temperature) const {
  const double polarization = nucleation_phase_.saturation_polarization(temperature).value();
  const double thermal = formulas::thermal_activation_field(process_.activation_volume, to_kelvin(temperature), polarization);
  return magnetic_field_strength::from_value(formulas::intrinsic_coercivity(
      process_.alpha_k, nucleation_phase_.anisotropy_field(temperature).value(), process_.n_eff,
      formulas::magnetization_of(polarization), thermal));
}

demagnetization_model Magnet::demagnetization(thermodynamic_temperature temperature) const {
  // The magnet saturates when all of its main phase points along the field: Js f_v rho/rho_th,
  // Br over the alignment (brief §4); a datasheet-anchored Br can only raise that bound.
  const magnetic_polarization br = remanence(temperature);
  const double saturated =
      main_phase_.saturation_polarization(temperature).value() * main_phase_fraction_ * process_.relative_density;
  return demagnetization_model(br, intrinsic_coercivity(temperature), recoil_permeability(),
                               squareness(temperature), magnetic_polarization::from_value(std::max(saturated, br.value())));
}

magnetic_field_strength Magnet::normal_coercivity(thermodynamic_temperature temperature) const {
  const double curve = demagnetization(temperature).normal_coercivity().value();
  if (!anchor_ || !anchor_->normal_coercivity) return magnetic_field_strength::from_value(curve);
  if (temperature == anchor_->reference_temperature) return *anchor_->normal_coercivity; // the datasheet, as printed
  const double at_reference = demagnetization(anchor_->reference_temperature).normal_coercivity().value();
  const double scaled = at_reference > 0.0 ? anchor_->normal_coercivity->value() * curve / at_reference : 0.0;
  // Scaling must not carry HcB past HcJ or Br/mu0 at this temperature.
  const double bound = std::min(intrinsic_coercivity(temperature).value(),
                                remanence(temperature).value() / vacuum_permeability_h_per_m);
  return magnetic_field_strength::from_value(std::min(scaled, bound));
}

energy_density Magnet::max_energy_product(thermodynamic_temperature temperature) const {
  const double curve = demagnetization(temperature).max_energy_product().value();
  if (!anchor_ || !anchor_->max_energy_product) return energy_density::from_value(curve);
  if (temperature == anchor_->reference_temperature) return *anchor_->max_energy_product;
  const double at_reference = demagnetization(anchor_->reference_temperature).max_energy_product().value();
  const double scaled = at_reference > 0.0 ? anchor_->max_energy_product->value() * curve / at_reference : 0.0;
  const double br = remanence(temperature).value();
  return energy_density::from_value(std::min(scaled, br * br / (4.0 * vacuum_permeability_h_per_m)));
}

std::string Magnet::name() const { return anchor_ ? anchor_->name : composition_.formula(); }

magnet_properties Magnet::properties(thermodynamic_temperature temperature) const {
  const demagnetization_model curve = demagnetization(temperature);
  magnet_properties p;
  p.temperature = temperature;
  p.remanence = curve.remanence();
  p.intrinsic_coercivity = curve.intrinsic_coercivity();
  p.normal_coercivity = normal_coercivity(temperature);
  p.knee_field = curve.knee_field();
  p.max_energy_product = max_energy_product(temperature);
  p.max_energy_product_limit = main_phase_.max_energy_product_limit(temperature);
  p.recoil_permeability = curve.recoil_permeability();
  return p;
}

temperature_coefficients Magnet::reversible_coefficients(thermodynamic_temperature from,
                                                         thermodynamic_temperature to) const {
  const double span = to_kelvin(to) - to_kelvin(from);
  if (!(std::abs(span) > 0.0))
    throw domain_error("temperature coefficients need two different temperatures");
  const double br0 = remanence(from).value(), br1 = remanence(to).value();
  const double hcj0 = intrinsic_coercivity(from).value(), hcj1 = intrinsic_coercivity(to).value();
  if (!(hcj0 > 0.0))
    throw domain_error(fmt::format("HcJ is 0 at {:.1f} degC, so beta(HcJ) is undefined", to_celsius(from)));
  temperature_coefficients c;
  c.from = from;
  c.to = to;
  c.remanence = temperature_coefficient::from_value((br1 - br0) / (br0 * span));
  c.intrinsic_coercivity = temperature_coefficient::from_value((hcj1 - hcj0) / (hcj0 * span));
  return c;
}

} // namespace magmat
