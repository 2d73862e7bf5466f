// Composition: construction from formulas, percentages and mixtures; mass and atomic fractions.
#include <magmat/composition.hpp>

#include "formula_parser.hpp"

#include <magmat/errors.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace magmat {
namespace {

using entry = Composition::entry;

// Sorts by atomic number, sums repeated elements and drops zero amounts.
void sort_and_merge(std::vector<entry>& v) {
  std::sort(v.begin(), v.end(), [](const entry& a, const entry& b) { return a.first < b.first; });
  std::size_t out = 0;
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (out > 0 && v[out - 1].first == v[k].first) v[out - 1].second += v[k].second;
    else v[out++] = v[k];
  }
  v.resize(out);
  std::erase_if(v, [](const entry& e) { return e.second == 0.0; });
}

void check_amount(Element e, double value, std::string_view what) {
  if (!std::isfinite(value) || value < 0.0) {
    throw domain_error(fmt::format("{} of {} is {}; it must be a finite number >= 0", what,
                                   symbol(e), value));
  }
}

enum class basis { mass, atomic };

// The rule shared by the percent and fraction constructors; `full` is 100 or 1.
Composition from_shares(const std::map<Element, double>& shares, std::optional<Element> balance,
                        double tolerance, double full, basis b, std::string_view unit) {
  const std::string_view what = b == basis::mass ? "mass share" : "atomic share";
  if (!std::isfinite(tolerance) || tolerance < 0.0) {
    throw domain_error(fmt::format("tolerance {} {} must be a finite number >= 0", tolerance, unit));
  }
  if (shares.empty() && !balance) {
    throw domain_error(fmt::format("empty composition: no element given ({})", unit));
  }
  // Every amount first, so a negative entry is named even when the total is also off.
  double sum = 0.0;
  for (const auto& [e, value] : shares) {
    check_amount(e, value, fmt::format("{} ({})", what, unit));
    sum += value;
  }
  std::vector<entry> v(shares.begin(), shares.end());
  if (balance) {
    if (shares.contains(*balance)) {
      throw domain_error(fmt::format("balance element {} must not also be given an amount",
                                     symbol(*balance)));
    }
    const double rest = full - sum;
    if (rest < -tolerance) {
      throw domain_error(fmt::format(
          "the other elements add up to {} {}, leaving {} {} for the balance element {} "
          "(tolerance {} {})", sum, unit, rest, unit, symbol(*balance), tolerance, unit));
    }
    v.emplace_back(*balance, std::max(rest, 0.0));
  } else if (!(std::abs(sum - full) <= tolerance)) {
    throw domain_error(fmt::format("amounts add up to {} {}, expected {} within a tolerance of {} {}",
                                   sum, unit, full, tolerance, unit));
  }
  sort_and_merge(v);
  if (v.empty()) throw domain_error("empty composition: no element has a positive amount");
  // Atoms per unit mass are w_i / A_i; either way normalise to one atom per formula unit.
  double atoms = 0.0;
  for (auto& [e, x] : v) {
    if (b == basis::mass) x /= atomic_weight(e);
    atoms += x;
  }
  for (auto& p : v) p.second /= atoms;
  return Composition::from_amounts(v);
}

std::map<Element, double> resolve_symbols(const std::map<std::string, double>& by_symbol) {
  std::map<Element, double> out;
  for (const auto& [s, value] : by_symbol) out.emplace(element_from_symbol(s), value);
  return out;
}

// IUPAC Red Book (Nomenclature of Inorganic Chemistry, 2005), Table VI element sequence,
// restricted to H..U: the element met first is cited first in a formula.
constexpr std::array<Element, element_count> formula_sequence = [] {
  using enum Element;
  return std::array<Element, element_count>{
      Rn, Xe, Kr, Ar, Ne, He, Fr, Cs, Rb, K, Na, Li, Ra, Ba, Sr, Ca, Mg, Be,
      U, Pa, Th, Ac, Lu, Yb, Tm, Er, Ho, Dy, Tb, Gd, Eu, Sm, Pm, Nd, Pr, Ce, La, Y, Sc,
      Hf, Zr, Ti, Ta, Nb, V, W, Mo, Cr, Re, Tc, Mn, Os, Ru, Fe, Ir, Rh, Co, Pt, Pd, Ni,
      Au, Ag, Cu, Hg, Cd, Zn, Tl, In, Ga, Al, B, Pb, Sn, Ge, Si, C, Bi, Sb, As, P, N, H,
      Po, Te, Se, S, O, At, I, Br, Cl, F};
}();

constexpr std::array<int, element_count + 1> formula_rank = [] {
  std::array<int, element_count + 1> rank{};
  for (std::size_t k = 0; k < formula_sequence.size(); ++k) {
    rank[static_cast<std::size_t>(formula_sequence[k])] = static_cast<int>(k) + 1;
  }
  return rank;
}();

constexpr bool sequence_is_complete() {
  for (std::size_t z = 1; z < formula_rank.size(); ++z) {
    if (formula_rank[z] == 0) return false;
  }
  return true;
}
static_assert(sequence_is_complete(), "formula_sequence must list each element once");

// Six significant digits in fixed notation (the parser reads no exponent), trailing zeros cut.
std::string format_amount(double x) {
  const int exponent = static_cast<int>(std::floor(std::log10(x)));
  const int decimals = std::max(0, 5 - exponent);
  std::string s = fmt::format("{:.{}f}", x, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

} // namespace

Composition::Composition(std::vector<entry> entries) : entries_(std::move(entries)) {
  for (const auto& [e, n] : entries_) {
    total_amount_ += n;
    molar_mass_ += n * atomic_weight(e);
  }
}

Composition Composition::from_formula(std::string_view formula) {
  std::vector<entry> v = detail::parse_formula(formula);
  sort_and_merge(v);
  for (const auto& [e, n] : v) {
    if (n > detail::max_formula_amount) {
      throw parse_error(fmt::format("amount of {} ({:g}) exceeds the limit of {:g} in formula {}",
                                    symbol(e), n, detail::max_formula_amount,
                                    detail::quote_formula(formula)));
    }
  }
  return Composition(std::move(v));
}

Composition Composition::from_amounts(std::span<const entry> amounts) {
  for (const auto& [e, n] : amounts) {
    element_info(e);  // rejects a value outside H..U
    check_amount(e, n, "amount (atoms per formula unit)");
  }
  std::vector<entry> v(amounts.begin(), amounts.end());
  sort_and_merge(v);
  if (v.empty()) throw domain_error("empty composition: no element has a positive amount");
  for (const auto& [e, n] : v) {
    if (!std::isfinite(n)) throw domain_error(fmt::format("amount of {} overflows", symbol(e)));
  }
  // Each amount finite, their sum or molar mass not (Fe 1e308 + Nd 1e308): every fraction
  // would then be 0 or NaN.
  double total = 0.0, molar_mass = 0.0;
  for (const auto& [e, n] : v) {
    total += n;
    molar_mass += n * atomic_weight(e);
  }
  if (!std::isfinite(total) || !std::isfinite(molar_mass))
    throw domain_error(fmt::format("amounts overflow: their sum ({} atoms) or molar mass ({} g/mol) is not finite; "
                                   "give amounts per formula unit, e.g. scaled to sum to 1", total, molar_mass));
  return Composition(std::move(v));
}

Composition Composition::from_mass_percent(const std::map<Element, double>& percent,
                                           std::optional<Element> balance, double tolerance_percent) {
  return from_shares(percent, balance, tolerance_percent, 100.0, basis::mass, "wt%");
}

Composition Composition::from_mass_percent(const std::map<std::string, double>& percent,
                                           std::optional<Element> balance, double tolerance_percent) {
  return from_mass_percent(resolve_symbols(percent), balance, tolerance_percent);
}

Composition Composition::from_atomic_percent(const std::map<Element, double>& percent,
                                             std::optional<Element> balance, double tolerance_percent) {
  return from_shares(percent, balance, tolerance_percent, 100.0, basis::atomic, "at%");
}

Composition Composition::from_atomic_percent(const std::map<std::string, double>& percent,
                                             std::optional<Element> balance, double tolerance_percent) {
  return from_atomic_percent(resolve_symbols(percent), balance, tolerance_percent);
}

Composition Composition::from_mass_fractions(const std::map<Element, double>& fractions,
                                             std::optional<Element> balance, double tolerance) {
  return from_shares(fractions, balance, tolerance, 1.0, basis::mass, "(mass fraction)");
}

Composition Composition::from_atomic_fractions(const std::map<Element, double>& fractions,
                                               std::optional<Element> balance, double tolerance) {
  return from_shares(fractions, balance, tolerance, 1.0, basis::atomic, "(atomic fraction)");
}

Composition Composition::mix_by_mass(const std::vector<std::pair<Composition, double>>& parts) {
  if (parts.empty()) throw domain_error("mix_by_mass needs at least one part");
  double total_weight = 0.0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const double w = parts[k].second;
    if (!std::isfinite(w) || w < 0.0) {
      throw domain_error(fmt::format("mass weight of part {} ({}) is {}; it must be a finite number >= 0",
                                     k, parts[k].first.formula(), w));
    }
    total_weight += w;
  }
  if (!(total_weight > 0.0) || !std::isfinite(total_weight)) {
    throw domain_error(fmt::format("mass weights add up to {}; their sum must be finite and > 0",
                                   total_weight));
  }
  // Formula units per unit mass of part k are w_k / M_k; each carries amount(e) atoms of e.
  std::vector<entry> atoms;
  for (const auto& [c, w] : parts) {
    const double units = (w / total_weight) / c.formula_molar_mass();
    for (const auto& [e, n] : c.amounts()) atoms.emplace_back(e, n * units);
  }
  sort_and_merge(atoms);
  if (atoms.empty()) throw domain_error("empty composition: every part has a zero weight");
  double sum = 0.0;
  for (const auto& p : atoms) sum += p.second;
  for (auto& p : atoms) p.second /= sum;
  return Composition(std::move(atoms));
}

std::vector<Element> Composition::elements() const {
  std::vector<Element> out;
  out.reserve(entries_.size());
  for (const auto& p : entries_) out.push_back(p.first);
  return out;
}

bool Composition::contains(Element e) const noexcept { return amount(e) > 0.0; }

double Composition::amount(Element e) const noexcept {
  for (const auto& [el, n] : entries_) {
    if (el == e) return n;
  }
  return 0.0;
}

double Composition::atomic_fraction(Element e) const noexcept { return amount(e) / total_amount_; }

double Composition::mass_fraction(Element e) const noexcept {
  const double n = amount(e);
  return n == 0.0 ? 0.0 : n * atomic_weight(e) / molar_mass_;
}

std::vector<entry> Composition::atomic_fractions() const {
  std::vector<entry> out(entries_);
  for (auto& p : out) p.second /= total_amount_;
  return out;
}

std::vector<entry> Composition::mass_fractions() const {
  std::vector<entry> out(entries_);
  for (auto& [e, x] : out) x = x * atomic_weight(e) / molar_mass_;
  return out;
}

double Composition::light_rare_earth_mass_fraction() const noexcept {
  double m = 0.0;
  for (const auto& [e, n] : entries_) {
    if (group_of(e) == rare_earth_group::light) m += n * atomic_weight(e);
  }
  return m / molar_mass_;
}

double Composition::heavy_rare_earth_mass_fraction() const noexcept {
  double m = 0.0;
  for (const auto& [e, n] : entries_) {
    if (group_of(e) == rare_earth_group::heavy) m += n * atomic_weight(e);
  }
  return m / molar_mass_;
}

double Composition::rare_earth_mass_fraction() const noexcept {
  double m = 0.0;
  for (const auto& [e, n] : entries_) {
    if (is_rare_earth(e)) m += n * atomic_weight(e);
  }
  return m / molar_mass_;
}

double Composition::rare_earth_atomic_fraction() const noexcept {
  double a = 0.0;
  for (const auto& [e, n] : entries_) {
    if (is_rare_earth(e)) a += n;
  }
  return a / total_amount_;
}

double Composition::element_mass(Element e, double magnet_mass_kg) const {
  if (!std::isfinite(magnet_mass_kg) || magnet_mass_kg < 0.0) {
    throw domain_error(fmt::format("magnet mass {} kg must be a finite number >= 0", magnet_mass_kg));
  }
  return mass_fraction(e) * magnet_mass_kg;
}

std::vector<entry> Composition::element_masses(double magnet_mass_kg) const {
  element_mass(entries_.front().first, magnet_mass_kg);  // validates the mass
  std::vector<entry> out = mass_fractions();
  for (auto& p : out) p.second *= magnet_mass_kg;
  return out;
}

std::string Composition::formula() const {
  std::vector<entry> ordered(entries_);
  std::sort(ordered.begin(), ordered.end(), [](const entry& a, const entry& b) {
    return formula_rank[static_cast<std::size_t>(a.first)] < formula_rank[static_cast<std::size_t>(b.first)];
  });
  std::string out;
  for (const auto& [e, n] : ordered) {
    out += symbol(e);
    const std::string amount = format_amount(n);
    if (amount != "1") out += amount;
  }
  return out;
}

} // namespace magmat
