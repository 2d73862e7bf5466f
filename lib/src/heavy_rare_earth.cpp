// Requirements, design strategies and their solver (heavy_rare_earth.hpp).
#include <magmat/errors.hpp>
#include <magmat/heavy_rare_earth.hpp>
#include <magmat/thermal.hpp>

#include "data_parsers.hpp"
#include "embedded_files.hpp"
#include "json_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace magmat {
namespace {

using detail::json_cursor;

const thermodynamic_temperature room = from_celsius(20.0);

// Stored order of the shipped strategies (the table order of a design study).
const char* const shipped_order[] = {"bulk_dy", "bulk_tb", "gbd_dy", "gbd_tb", "hre_free_fine_grain",
                                     "hre_free_hot_deformed", "ce_la_substituted", "smco5", "sm2co17", "ferrite"};

double fraction_of(strategy& s, const json_cursor& field, const std::string& name) {
  s.sources[name] = field.at("source").string();
  return field.has("unit") ? field.quantity("1") : field.at("value").number();
}

strategy parse_strategy(std::string_view text, const std::string& file) {
  const auto document = detail::parse_json(text, file);
  const json_cursor root(file, document);
  strategy s;
  s.name = root.at("name").string();
  s.description = root.at("description").string();
  const std::string kind = root.at("kind").string();
  if (kind == "heavy_rare_earth") s.kind = strategy_kind::heavy_rare_earth;
  else if (kind == "substitution") s.kind = strategy_kind::substitution;
  else if (kind == "fixed") s.kind = strategy_kind::fixed;
  else root.at("kind").fail("must be heavy_rare_earth, substitution or fixed");
  s.process = root.at("process").string();
  if (root.has("element")) s.element = element_from_symbol(root.at("element").string());
  if (root.has("base")) {
    const auto base = root.at("base");
    s.total_rare_earth = fraction_of(s, base.at("total_rare_earth"), "total_rare_earth");
    s.boron = fraction_of(s, base.at("boron"), "boron");
    if (base.has("pr_share")) {
      s.pr_share = fraction_of(s, base.at("pr_share"), "pr_share");
      if (!(s.pr_share >= 0.0 && s.pr_share <= 1.0)) base.at("pr_share").fail("must lie in [0, 100] %");
    }
  }
  if (root.has("max_amount")) s.max_amount = fraction_of(s, root.at("max_amount"), "max_amount");
  if (root.has("gbd_efficiency")) s.gbd_efficiency = fraction_of(s, root.at("gbd_efficiency"), "gbd_efficiency");
  if (root.has("max_thickness")) {
    s.max_thickness = length::from_value(root.at("max_thickness").quantity("m"));
    s.sources["max_thickness"] = root.at("max_thickness").at("source").string();
  }
  if (root.has("n_eff_scale")) s.n_eff_scale = fraction_of(s, root.at("n_eff_scale"), "n_eff_scale");
  if (root.has("lanthanum_share")) s.lanthanum_share = fraction_of(s, root.at("lanthanum_share"), "lanthanum_share");
  if (root.has("composition")) s.composition = root.at("composition").string();
  if (s.kind != strategy_kind::fixed && (!s.element || !(s.max_amount > 0.0)))
    root.fail("a varied strategy needs an element and a max_amount > 0");
  if (!s.composition && !(s.total_rare_earth > 0.0 && s.total_rare_earth < 0.5 && s.boron > 0.0))
    root.at("base").fail("needs 0 < total_rare_earth < 50 % and boron > 0");
  if (s.gbd_efficiency && !(*s.gbd_efficiency >= 1.0)) root.at("gbd_efficiency").fail("must be >= 1");
  return s;
}

const std::map<std::string, strategy, std::less<>>& registry() {
  static const auto strategies = [] {
    std::map<std::string, strategy, std::less<>> loaded;
    for (const auto& file : detail::embedded_files()) {
      if (!file.path.starts_with("strategies/") || !file.path.ends_with(".json")) continue;
      const std::string label = "materials/" + std::string(file.path);
      strategy s = parse_strategy(file.text, label);
      const std::string name = s.name;
      if (!loaded.emplace(name, std::move(s)).second) throw data_error(label + ": /name: duplicate strategy");
    }
    return loaded;
  }();
  return strategies;
}

std::string kilo(double a_per_m) { return fmt::format("{:.0f} kA/m", a_per_m / 1e3); }

// The NdFeB bulk: Nd (and the substitutes) filling `total` rare earth, plus `extra` mass
// fraction of one element, B and Fe balance.
Composition ndfeb_bulk(const strategy& s, std::map<Element, double> rare_earth_masses) {
  std::map<Element, double> percent;
  for (const auto& [element, mass] : rare_earth_masses) {
    if (mass > 0.0) percent[element] = 100.0 * mass;
  }
  percent[Element::B] = 100.0 * s.boron;
  return Composition::from_mass_percent(percent, Element::Fe);
}

} // namespace

strategy detail::parse_strategy_file(std::string_view text, const std::string& file) {
  return parse_strategy(text, file);
}

void validate(const requirement& r) {
  const double kelvin = to_kelvin(r.temperature);
  if (!(kelvin > 0.0) || !std::isfinite(kelvin))
    throw domain_error(fmt::format("requirement temperature must lie above absolute zero, got {} K", kelvin));
  if (!r.min_intrinsic_coercivity && !r.permeance && !r.shape)
    throw domain_error("a requirement needs min_intrinsic_coercivity, permeance or shape");
  if (r.permeance && r.shape)
    throw domain_error("a requirement takes a permeance (one load line) or a shape (its volume), not both");
  if (r.shape) check_shape(*r.shape);
  if (!r.shape && r.field_kind != external_field_kind::applied)
    throw domain_error("external_field_kind \"in_magnet\" needs the requirement's shape");
  // Minima must be finite too: an infinite one made every strategy "infeasible" with a reason
  // quoting "inf A/m" instead of naming the bad argument (found by tests/python/test_robustness.py).
  if (r.min_intrinsic_coercivity && !(r.min_intrinsic_coercivity->value() >= 0.0 && std::isfinite(r.min_intrinsic_coercivity->value())))
    throw domain_error(fmt::format("min_intrinsic_coercivity must be finite and >= 0 A/m, got {}", r.min_intrinsic_coercivity->value()));
  if (r.permeance && !(*r.permeance > 0.0 && std::isfinite(*r.permeance)))
    throw domain_error(fmt::format("permeance must be a finite value > 0, got {}", *r.permeance));
  if (!(r.max_irreversible_loss >= 0.0 && r.max_irreversible_loss < 1.0))
    throw domain_error(fmt::format("max_irreversible_loss must lie in [0, 1), got {}", r.max_irreversible_loss));
  if (!std::isfinite(r.external_field.value()))
    throw domain_error("external_field must be finite");
  if (r.min_remanence && !(r.min_remanence->value() >= 0.0 && std::isfinite(r.min_remanence->value())))
    throw domain_error(fmt::format("min_remanence must be finite and >= 0 T, got {}", r.min_remanence->value()));
  if (r.min_max_energy_product && !(r.min_max_energy_product->value() >= 0.0 && std::isfinite(r.min_max_energy_product->value())))
    throw domain_error(fmt::format("min_max_energy_product must be finite and >= 0 J/m^3, got {}", r.min_max_energy_product->value()));
  if (r.min_remanence_at_temperature &&
      !(r.min_remanence_at_temperature->value() >= 0.0 && std::isfinite(r.min_remanence_at_temperature->value())))
    throw domain_error(fmt::format("min_remanence_at_temperature must be finite and >= 0 T, got {}",
                                   r.min_remanence_at_temperature->value()));
  if (!(r.knee_margin >= 0.0 && r.knee_margin < 1.0))
    throw domain_error(fmt::format("knee_margin must lie in [0, 1), got {}", r.knee_margin));
  if (r.knee_margin > 0.0 && r.max_irreversible_loss > 0.0)
    throw domain_error("knee_margin applies to the onset criterion (max_irreversible_loss = 0), not to a loss allowance");
  if (r.knee_margin > 0.0 && !r.permeance && !r.shape)
    throw domain_error("knee_margin needs the requirement's permeance or shape");
  if (!r.duty.empty() && !r.permeance && !r.shape && !r.min_intrinsic_coercivity)
    throw domain_error("duty points need a permeance, a shape or min_intrinsic_coercivity to judge");
  for (std::size_t i = 0; i < r.duty.size(); ++i) {
    const double k = to_kelvin(r.duty[i].temperature);
    if (!(k > 0.0) || !std::isfinite(k))
      throw domain_error(fmt::format("duty[{}]: temperature must lie above absolute zero, got {} K", i, k));
    if (!std::isfinite(r.duty[i].external_field.value()))
      throw domain_error(fmt::format("duty[{}]: external field must be finite", i));
  }
}

namespace {

// The coercivity and load-line parts of a requirement at one (temperature, external field) point
// (monotone in a strategy's level).
requirement_check check_point(const Magnet& magnet, const requirement& r) {
  const double c = to_celsius(r.temperature);
  try {
    if (r.min_intrinsic_coercivity) {
      const double hcj = magnet.intrinsic_coercivity(r.temperature).value();
      if (hcj < r.min_intrinsic_coercivity->value())
        return {false, fmt::format("HcJ at {:.0f} degC is {}, below the required {}", c, kilo(hcj),
                                   kilo(r.min_intrinsic_coercivity->value()))};
    }
    if (r.shape) {
      // the same functions as Magnet.irreversible_loss(shape=...) and the shaped limits
      if (r.max_irreversible_loss <= 0.0) {
        const double margin = onset_margin(magnet, *r.shape, r.temperature, r.external_field, r.field_kind);
        if (margin < 0.0)
          return {false, fmt::format("at {:.0f} degC the most exposed part of the shaped magnet (where its local "
                                     "demagnetizing factor is largest) lies beyond its knee", c)};
        if (margin < r.knee_margin)
          return {false, fmt::format("at {:.0f} degC the most exposed part of the shaped magnet is {:.1f} % of its knee "
                                     "field inside the knee, less than the required knee margin of {:.1f} %", c,
                                     100.0 * margin, 100.0 * r.knee_margin)};
      } else {
        const double loss = irreversible_loss(magnet, *r.shape, r.temperature, r.external_field, r.field_kind);
        if (loss > r.max_irreversible_loss)
          return {false, fmt::format("irreversible loss of the shaped magnet after {:.0f} degC is {:.2f} %, above the "
                                     "allowed {:.2f} %", c, 100.0 * loss, 100.0 * r.max_irreversible_loss)};
      }
    }
    if (r.permeance) {
      if (r.max_irreversible_loss <= 0.0) {
        const auto point = find_operating_point(magnet, *r.permeance, r.temperature, r.external_field);
        const double knee = magnet.demagnetization(r.temperature).knee_field().value();
        if (!(knee > 0.0))
          return {false, fmt::format("at {:.0f} degC the magnet has no coercivity left (HcJ = 0)", c)};
        if (point.beyond_knee)
          return {false, fmt::format("at {:.0f} degC and Pc = {:g} the operating point ({}) lies beyond the knee", c,
                                     *r.permeance, kilo(point.field.value()))};
        const double margin = (knee - std::abs(point.field.value())) / knee;
        if (margin < r.knee_margin)
          return {false, fmt::format("at {:.0f} degC and Pc = {:g} the operating point ({}) is {:.1f} % of the knee "
                                     "field inside the knee, less than the required knee margin of {:.1f} %", c,
                                     *r.permeance, kilo(point.field.value()), 100.0 * margin, 100.0 * r.knee_margin)};
      } else {
        const double loss = irreversible_loss(magnet, *r.permeance, r.temperature, r.external_field);
        if (loss > r.max_irreversible_loss)
          return {false, fmt::format("irreversible loss after {:.0f} degC at Pc = {:g} is {:.2f} %, above the allowed "
                                     "{:.2f} %", c, *r.permeance, 100.0 * loss, 100.0 * r.max_irreversible_loss)};
      }
    }
  } catch (const domain_error& e) {
    return {false, e.what()};
  }
  return {true, ""};
}

// The main point and every duty point; a failing duty point is named.
requirement_check check_hot(const Magnet& magnet, const requirement& r) {
  requirement_check main = check_point(magnet, r);
  if (!main.met) return main;
  for (std::size_t i = 0; i < r.duty.size(); ++i) {
    requirement at = r;
    at.temperature = r.duty[i].temperature;
    at.external_field = r.duty[i].external_field;
    requirement_check point = check_point(magnet, at);
    if (!point.met)
      return {false, fmt::format("duty[{}] ({:.0f} degC, external field {}): {}", i,
                                 to_celsius(at.temperature), kilo(at.external_field.value()), point.reason)};
  }
  return main;
}

// The parts a strategy's level makes worse (heavy rare earth lowers Br): checked after the search.
requirement_check check_room(const Magnet& magnet, const requirement& r) {
  if (r.min_remanence_at_temperature) {
    try {
      const double br = magnet.remanence(r.temperature).value();
      if (br < r.min_remanence_at_temperature->value())
        return {false, fmt::format("Br at {:.0f} degC is {:.3f} T, below the required {:.3f} T", to_celsius(r.temperature),
                                   br, r.min_remanence_at_temperature->value())};
    } catch (const domain_error& e) {
      return {false, e.what()};
    }
  }
  if (r.min_remanence) {
    const double br = magnet.remanence(room).value();
    if (br < r.min_remanence->value())
      return {false, fmt::format("Br at 20 degC is {:.3f} T, below the required {:.3f} T", br, r.min_remanence->value())};
  }
  if (r.min_max_energy_product) {
    const double bh = magnet.max_energy_product(room).value();
    if (bh < r.min_max_energy_product->value())
      return {false, fmt::format("(BH)max at 20 degC is {:.0f} kJ/m^3, below the required {:.0f} kJ/m^3", bh / 1e3,
                                 r.min_max_energy_product->value() / 1e3)};
  }
  return {true, ""};
}

} // namespace

requirement_check check_requirement(const Magnet& magnet, const requirement& r) {
  validate(r);
  requirement_check hot = check_hot(magnet, r);
  if (!hot.met) return hot;
  return check_room(magnet, r);
}

std::vector<std::string> strategy_names() {
  std::vector<std::string> names;
  for (const char* name : shipped_order) {
    if (registry().count(name)) names.emplace_back(name);
  }
  for (const auto& [name, s] : registry()) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

const strategy& strategy_data(std::string_view name) {
  const auto it = registry().find(name);
  if (it == registry().end()) {
    std::string known;
    for (const auto& n : strategy_names()) known += (known.empty() ? "" : ", ") + n;
    throw unknown_name_error(fmt::format("unknown strategy '{}'; known strategies: {}", name, known));
  }
  return it->second;
}

void validate(const strategy_overrides& o) {
  // The shell is 1/gbd_efficiency of each grain: below 1 it would exceed the grain (0.5: twice
  // its volume), and an infinite efficiency leaves a shell of no volume holding the Dy/Tb.
  if (o.gbd_efficiency && !(*o.gbd_efficiency >= 1.0 && std::isfinite(*o.gbd_efficiency)))
    throw domain_error(fmt::format("gbd_efficiency must be finite and >= 1 (the diffused shell takes 1/gbd_efficiency "
                                   "of each grain), got {}", *o.gbd_efficiency));
  if (o.tb_dy_effectiveness && !(*o.tb_dy_effectiveness > 0.0 && std::isfinite(*o.tb_dy_effectiveness)))
    throw domain_error(fmt::format("tb_dy_effectiveness (Tb's coercivity per atom relative to Dy's) must be finite "
                                   "and > 0, got {}", *o.tb_dy_effectiveness));
  if (o.lanthanum_share && !(*o.lanthanum_share >= 0.0 && *o.lanthanum_share <= 1.0))
    throw domain_error(fmt::format("lanthanum_share (La/(Ce + La)) must lie in [0, 1], got {}", *o.lanthanum_share));
  if (o.pr_share && !(*o.pr_share >= 0.0 && *o.pr_share <= 1.0))
    throw domain_error(fmt::format("pr_share (Pr/(Pr + Nd) by mass) must lie in [0, 1], got {}", *o.pr_share));
  if (o.magnet_thickness && !(o.magnet_thickness->value() > 0.0 && std::isfinite(o.magnet_thickness->value())))
    throw domain_error(fmt::format("magnet_thickness must be a finite length > 0 m, got {} m",
                                   o.magnet_thickness->value()));
}

Magnet strategy_magnet(const strategy& s, double level, const strategy_overrides& o) {
  validate(o);
  if (!(level >= 0.0) || !std::isfinite(level))
    throw domain_error(fmt::format("strategy level must be a finite value >= 0, got {}", level));
  if (s.composition) return Magnet::from_composition(Composition::from_formula(*s.composition), s.process);

  microstructure m;
  const auto efficiency = o.gbd_efficiency ? o.gbd_efficiency : s.gbd_efficiency;
  if (efficiency) {
    if (!(*efficiency >= 1.0)) throw domain_error(fmt::format("gbd_efficiency must be >= 1, got {}", *efficiency));
    m.shell_volume_fraction = 1.0 / *efficiency;
  }
  if (s.n_eff_scale) m.n_eff = process_data(phase_family::r2fe14b, s.process).n_eff * *s.n_eff_scale;

  std::map<Element, double> rare_earths;
  if (s.kind == strategy_kind::heavy_rare_earth) {
    if (level >= s.total_rare_earth) throw domain_error(fmt::format("{:.3g} wt% {} exceeds the rare earth of the base",
                                                                     100.0 * level, symbol(*s.element)));
    rare_earths = {{Element::Nd, s.total_rare_earth - level}, {*s.element, level}};
  } else if (s.kind == strategy_kind::substitution) {
    if (level > 1.0) throw domain_error(fmt::format("substitute share {} exceeds the whole rare-earth site", level));
    const double la = o.lanthanum_share.value_or(s.lanthanum_share);
    if (!(la >= 0.0 && la <= 1.0)) throw domain_error(fmt::format("lanthanum_share must lie in [0, 1], got {}", la));
    // Atomic shares on the site at a fixed rare-earth mass.
    const double nd_w = atomic_weight(Element::Nd), ce_w = atomic_weight(Element::Ce), la_w = atomic_weight(Element::La);
    const double per_atom = (1.0 - level) * nd_w + level * (1.0 - la) * ce_w + level * la * la_w;
    const double atoms = s.total_rare_earth / per_atom;
    rare_earths = {{Element::Nd, atoms * (1.0 - level) * nd_w}, {Element::Ce, atoms * level * (1.0 - la) * ce_w},
                   {Element::La, atoms * level * la * la_w}};
  } else {
    rare_earths = {{Element::Nd, s.total_rare_earth}};
  }
  const double pr = o.pr_share.value_or(s.pr_share);
  if (!(pr >= 0.0 && pr <= 1.0)) throw domain_error(fmt::format("pr_share must lie in [0, 1], got {}", pr));
  // PrNd base: the share of the Nd mass that is Pr (by mass, as PrNd alloy is sold).
  const auto with_pr = [pr](std::map<Element, double> amounts) {
    if (pr > 0.0) {
      const double light = amounts.at(Element::Nd);
      amounts[Element::Nd] = light * (1.0 - pr);
      amounts[Element::Pr] = light * pr;
    }
    return amounts;
  };
  Magnet magnet = Magnet::from_composition(ndfeb_bulk(s, with_pr(rare_earths)), s.process, m);

  if (o.tb_dy_effectiveness && s.element == Element::Tb && level > 0.0) {
    const double r = *o.tb_dy_effectiveness;
    if (!(r > 0.0) || !std::isfinite(r)) throw domain_error(fmt::format("tb_dy_effectiveness must be > 0, got {}", r));
    // Dy at r times the Tb atoms sets the coercivity; the Tb composition sets Br and the bill.
    const double dy = level * r * atomic_weight(Element::Dy) / atomic_weight(Element::Tb);
    if (dy >= s.total_rare_earth)
      throw domain_error("tb_dy_effectiveness asks for more Dy-equivalent than the base's rare earth");
    const Magnet equivalent = Magnet::from_composition(
        ndfeb_bulk(s, with_pr({{Element::Nd, s.total_rare_earth - dy}, {Element::Dy, dy}})), s.process, m);
    magnet = magnet.with_nucleation_phase(equivalent.nucleation_phase());
  }
  return magnet;
}

strategy_solution solve_strategy(const strategy& s, const requirement& r, const strategy_overrides& o) {
  validate(r);
  // Checked here, before any attempt: the search below reads a domain_error as "this level
  // cannot be made", which would report a bad argument as an infeasible strategy.
  validate(o);
  // The search reaches max_amount: a tb_dy_effectiveness whose Dy-equivalent there exceeds the
  // base's rare earth would make its upper levels unmodellable and the strategy look infeasible.
  if (o.tb_dy_effectiveness && s.element == Element::Tb && s.kind == strategy_kind::heavy_rare_earth) {
    const double per_tb = atomic_weight(Element::Dy) / atomic_weight(Element::Tb);
    const double most = s.total_rare_earth / (s.max_amount * per_tb);
    if (!(*o.tb_dy_effectiveness < most))
      throw domain_error(fmt::format("tb_dy_effectiveness {} asks for {:.3g} wt% Dy-equivalent at {}'s {:.3g} wt% Tb, more "
                                     "than the base's {:.3g} wt% rare earth; it must lie below {:.3g} for this strategy",
                                     *o.tb_dy_effectiveness, 100.0 * s.max_amount * *o.tb_dy_effectiveness * per_tb,
                                     s.name, 100.0 * s.max_amount, 100.0 * s.total_rare_earth, most));
  }
  strategy_solution out;
  out.strategy = s.name;
  if (s.max_thickness && o.magnet_thickness && *o.magnet_thickness > *s.max_thickness) {
    out.reason = fmt::format("grain-boundary diffusion reaches only {:.1f} mm into a magnet; this one is {:.1f} mm thick",
                             s.max_thickness->value() * 1e3, o.magnet_thickness->value() * 1e3);
    return out;
  }
  auto attempt = [&](double level) -> std::optional<Magnet> {
    try {
      return strategy_magnet(s, level, o);
    } catch (const domain_error&) {
      return std::nullopt;
    }
  };
  auto hot_ok = [&](double level) {
    const auto magnet = attempt(level);
    return magnet && check_hot(*magnet, r).met;
  };
  const std::string what = s.element ? std::string(symbol(*s.element)) : std::string();

  if (s.kind == strategy_kind::fixed) {
    out.level = 0.0;
  } else if (s.kind == strategy_kind::heavy_rare_earth) {
    if (!hot_ok(s.max_amount)) {
      const auto magnet = attempt(s.max_amount);
      out.reason = fmt::format("cannot meet the requirement even with {:.2f} wt% {}: {}", 100.0 * s.max_amount, what,
                               magnet ? check_hot(*magnet, r).reason : "no model for that composition");
      return out;
    }
    double low = 0.0, high = s.max_amount;
    if (hot_ok(0.0)) high = 0.0;
    for (int i = 0; i < 60 && high - low > 1e-6; ++i) {
      const double mid = 0.5 * (low + high);
      (hot_ok(mid) ? high : low) = mid;
    }
    out.level = high;
  } else { // substitution: the most substitute that still meets every part
    auto all_ok = [&](double level) {
      const auto magnet = attempt(level);
      return magnet && check_requirement(*magnet, r).met;
    };
    if (!all_ok(0.0)) {
      const auto magnet = attempt(0.0);
      out.reason = fmt::format("even without {} the base magnet fails: {}", what,
                               magnet ? check_requirement(*magnet, r).reason : "no model");
      return out;
    }
    double low = 0.0, high = s.max_amount;
    if (all_ok(high)) low = high;
    for (int i = 0; i < 60 && high - low > 1e-6; ++i) {
      const double mid = 0.5 * (low + high);
      (all_ok(mid) ? low : high) = mid;
    }
    out.level = low;
  }

  const auto magnet = attempt(out.level);
  if (!magnet) {
    out.reason = "no model for the composition this strategy needs";
    return out;
  }
  const requirement_check check = check_requirement(*magnet, r);
  out.magnet = *magnet;
  if (!check.met) {
    out.reason = s.kind == strategy_kind::heavy_rare_earth
                     ? fmt::format("the {:.2f} wt% {} needed for coercivity leaves the magnet short: {}",
                                   100.0 * out.level, what, check.reason)
                     : check.reason;
    return out;
  }
  out.feasible = true;
  return out;
}

} // namespace magmat
