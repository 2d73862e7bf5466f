// Chemical composition of a magnet material: formula parsing, mass and atomic fractions.
#pragma once

#include <magmat/elements.hpp>
#include <magmat/units.hpp>

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace magmat {

/// An immutable chemical composition: a list of (element, amount) with amounts in atoms per
/// formula unit, merged per element, ordered by atomic number, each finite and > 0, never empty.
///
/// A composition built from a formula keeps the formula unit as written ("Nd2Fe14B" has 17
/// atoms per formula unit); one built from percentages or fractions, or by mixing, is
/// normalised to one atom per formula unit (amounts are atomic fractions).
/// Atomic weights are those of elements.hpp (CIAAW-2024), so molar masses are in g/mol.
class Composition {
public:
  using entry = std::pair<Element, double>;

  /// Tolerance on the sum of percentages when none is given: 0.5 percentage points, about the
  /// rounding of a datasheet that lists ten elements to 0.05 %.
  static constexpr double default_tolerance_percent = 0.5;

  /// Parses a chemical formula such as "Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B",
  /// "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5" or "Sr0.8La0.2Fe11.8Co0.2O19".
  ///
  /// Grammar: a sequence of items; an item is an element symbol (a capital letter and an
  /// optional lower-case letter, case-sensitive) or a group in "(...)" or "[...]", each
  /// optionally followed by a positive decimal subscript (digits, optionally "." and digits:
  /// "2", "0.75", "7.5"; not ".5", "5.", "1e3", "+2"). Groups nest up to 16 levels. Whitespace
  /// is rejected, not ignored, so that a formula is always one token. A subscript must be
  /// > 0 and <= 1e6, and so must every amount after multiplying out the groups, which also
  /// may not fall below the smallest normal double (2.2e-308) through nested small subscripts.
  /// Repeated elements are merged ("FeFe" == "Fe2").
  /// Throws magmat::parse_error naming the problem and its 0-based character position,
  /// e.g. `unknown element 'Xx' at position 7 in formula "Nd2Fe14Xx"`.
  static Composition from_formula(std::string_view formula);

  /// Builds a composition from (element, atoms per formula unit) pairs, kept as given:
  /// repeated elements are summed, zero amounts dropped. Throws magmat::domain_error for a
  /// negative, NaN or infinite amount, or when nothing positive is left.
  static Composition from_amounts(std::span<const entry> amounts);

  /// From mass percent (wt%), normalised to one atom per formula unit.
  /// Every amount must be finite and >= 0 (checked first, per element, in the map's order);
  /// zero amounts are dropped. With `balance`, that element (which must not be in the map)
  /// takes 100 - sum(others); a negative remainder beyond the tolerance is an error and one
  /// within it counts as 0. Without `balance`, |sum - 100| must be <= tolerance_percent
  /// (default 0.5 percentage points); the amounts are then rescaled to a total of 100.
  /// Throws magmat::domain_error naming the element and value, or the total and tolerance.
  static Composition from_mass_percent(const std::map<Element, double>& percent,
                                       std::optional<Element> balance = std::nullopt,
                                       double tolerance_percent = default_tolerance_percent);
  /// As above with symbol keys ("Nd"); an unknown symbol throws magmat::unknown_name_error.
  static Composition from_mass_percent(const std::map<std::string, double>& percent,
                                       std::optional<Element> balance = std::nullopt,
                                       double tolerance_percent = default_tolerance_percent);

  /// From atomic percent (at%); same rules as from_mass_percent.
  static Composition from_atomic_percent(const std::map<Element, double>& percent,
                                         std::optional<Element> balance = std::nullopt,
                                         double tolerance_percent = default_tolerance_percent);
  /// As above with symbol keys; an unknown symbol throws magmat::unknown_name_error.
  static Composition from_atomic_percent(const std::map<std::string, double>& percent,
                                         std::optional<Element> balance = std::nullopt,
                                         double tolerance_percent = default_tolerance_percent);

  /// From mass fractions (total 1); the rules of from_mass_percent with the tolerance on a
  /// total of 1 (default 0.005, the same 0.5 percentage points).
  static Composition from_mass_fractions(const std::map<Element, double>& fractions,
                                         std::optional<Element> balance = std::nullopt,
                                         double tolerance = default_tolerance_percent / 100.0);
  /// From atomic fractions (total 1); same rules as from_mass_fractions.
  static Composition from_atomic_fractions(const std::map<Element, double>& fractions,
                                           std::optional<Element> balance = std::nullopt,
                                           double tolerance = default_tolerance_percent / 100.0);

  /// Mixes phases by mass, e.g. {{Nd2Fe14B, 97}, {Nd, 3}} for 97 wt% main phase and 3 wt%
  /// Nd-rich grain-boundary phase. Weights are masses in any common unit (fractions, percent,
  /// kg): each must be finite and >= 0, their sum > 0; they are normalised, so {0.97, 0.03}
  /// and {97, 3} give the same result. The result has one atom per formula unit.
  /// Throws magmat::domain_error for no parts or bad weights.
  static Composition mix_by_mass(const std::vector<std::pair<Composition, double>>& parts);

  /// The (element, atoms per formula unit) pairs, ordered by atomic number.
  std::span<const entry> amounts() const noexcept { return entries_; }
  /// The elements present, ordered by atomic number.
  std::vector<Element> elements() const;
  bool contains(Element e) const noexcept;
  /// Atoms of `e` per formula unit as stored (0 if absent).
  double amount(Element e) const noexcept;
  /// Atoms per formula unit, all elements.
  double total_amount() const noexcept { return total_amount_; }

  /// Atomic (mole) fraction of `e`, in [0, 1].
  double atomic_fraction(Element e) const noexcept;
  /// Mass fraction of `e`, in [0, 1].
  double mass_fraction(Element e) const noexcept;
  /// Atomic fractions of all elements present, ordered by atomic number; they sum to 1.
  std::vector<entry> atomic_fractions() const;
  /// Mass fractions of all elements present, ordered by atomic number; they sum to 1.
  std::vector<entry> mass_fractions() const;

  /// Mass fraction of all rare earths (light + heavy; Sc is not counted, see elements.hpp).
  double rare_earth_mass_fraction() const noexcept;
  /// Mass fraction of La, Ce, Pr, Nd, Pm, Sm, Eu.
  double light_rare_earth_mass_fraction() const noexcept;
  /// Mass fraction of Gd..Lu and Y.
  double heavy_rare_earth_mass_fraction() const noexcept;
  /// Atomic fraction of all rare earths.
  double rare_earth_atomic_fraction() const noexcept;

  /// Molar mass of one formula unit as stored, in g/mol (1081.12 g/mol for Nd2Fe14B; the
  /// mean atomic mass for a composition normalised to one atom).
  double formula_molar_mass() const noexcept { return molar_mass_; }

  /// Mass of `e` in kg contained in a magnet of `magnet_mass_kg` kg of this composition.
  /// Throws magmat::domain_error if the magnet mass is negative, NaN or infinite.
  double element_mass(Element e, double magnet_mass_kg) const;
  /// Masses in kg of every element present in a magnet of `magnet_mass_kg` kg.
  std::vector<entry> element_masses(double magnet_mass_kg) const;
  /// Mass of `e` in a magnet of the given mass, as a unit-checked quantity.
  mass element_mass(Element e, mass magnet_mass) const {
    return mass::from_value(element_mass(e, magnet_mass.value()));
  }
  /// Molar mass of one formula unit as stored, as a unit-checked quantity (kg/mol).
  magmat::molar_mass molar_mass() const noexcept { return magmat::molar_mass::from_value(molar_mass_ * 1e-3); }

  /// A formula for display, elements in the IUPAC electropositive-first sequence (Red Book
  /// 2005, Table VI) with amounts rounded to 6 significant digits and 1 omitted:
  /// "Nd2Fe14B", "SrFe12O19". from_formula reads it back for amounts in [1e-50, 1e6].
  std::string formula() const;

  /// Exact equality of the stored amounts (so Nd2Fe14B != Nd4Fe28B2).
  friend bool operator==(const Composition& a, const Composition& b) noexcept {
    return a.entries_ == b.entries_;
  }

private:
  explicit Composition(std::vector<entry> entries);  // sorted, merged, validated

  std::vector<entry> entries_;
  double total_amount_ = 0.0;
  double molar_mass_ = 0.0;  // g/mol per formula unit
};

} // namespace magmat
