// The chemical elements H..U: symbols, names, standard atomic weights, rare-earth groups.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace magmat {

/// A chemical element from hydrogen (Z = 1) to uranium (Z = 92); the enumerator value is the
/// atomic number.
enum class Element : std::uint8_t {
  // clang-format off
  H = 1, He, Li, Be, B, C, N, O, F, Ne,
  Na, Mg, Al, Si, P, S, Cl, Ar, K, Ca,
  Sc, Ti, V, Cr, Mn, Fe, Co, Ni, Cu, Zn,
  Ga, Ge, As, Se, Br, Kr, Rb, Sr, Y, Zr,
  Nb, Mo, Tc, Ru, Rh, Pd, Ag, Cd, In, Sn,
  Sb, Te, I, Xe, Cs, Ba, La, Ce, Pr, Nd,
  Pm, Sm, Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb,
  Lu, Hf, Ta, W, Re, Os, Ir, Pt, Au, Hg,
  Tl, Pb, Bi, Po, At, Rn, Fr, Ra, Ac, Th,
  Pa, U
  // clang-format on
};

/// Number of elements in the table (H..U).
inline constexpr int element_count = 92;

/// Rare-earth class used by the supply-risk policy and by the rare-earth mass fractions.
///
/// - `light`: La, Ce, Pr, Nd, Pm, Sm, Eu (the usual industry split, which puts the cut
///   between Eu and Gd; Nd and Sm are light).
/// - `heavy`: Gd, Tb, Dy, Ho, Er, Tm, Yb, Lu plus Y (Y follows the heavy lanthanides in
///   chemistry and in ores; Dy and Tb are heavy).
/// - `none`: every other element, including Sc. IUPAC counts Sc as a rare earth, but the
///   light/heavy split used by industry omits it; classing Sc as `none` keeps
///   total rare earth = light + heavy.
enum class rare_earth_group : std::uint8_t { none, light, heavy };

/// One row of the element table.
struct element_data {
  Element element;
  std::string_view symbol;        ///< IUPAC symbol with its exact case, e.g. "Nd".
  std::string_view name;          ///< IUPAC English name in lower case, e.g. "neodymium".
  int atomic_number;              ///< Z, equal to the enumerator value.
  /// Relative atomic mass Ar (dimensionless), numerically the molar mass in g/mol.
  /// For elements with an interval standard atomic weight (H, B, O, ...) this is the CIAAW
  /// conventional value; for elements without a standard atomic weight (Tc, Pm, Po, At, Rn,
  /// Fr, Ra, Ac) it is the mass number of the longest-lived isotope.
  double standard_atomic_weight;
  bool has_standard_atomic_weight; ///< False for Tc, Pm, Po, At, Rn, Fr, Ra, Ac.
  rare_earth_group group;
};

/// The table of standard atomic weights this library pins.
inline constexpr std::string_view atomic_weights_version = "CIAAW-2024";

/// The table row of an element. Precondition: `e` is one of the 92 enumerators.
const element_data& element_info(Element e);

/// The element with this exact, case-sensitive symbol ("Nd", not "ND" or "nd").
/// Throws magmat::unknown_name_error naming the symbol; when only the case is wrong the
/// message suggests the correct spelling.
Element element_from_symbol(std::string_view symbol);

/// The element with this exact symbol, or false; never throws. Used by the formula parser.
bool try_element_from_symbol(std::string_view symbol, Element& out) noexcept;

/// The IUPAC symbol, e.g. "Nd".
std::string_view symbol(Element e);

/// Relative atomic mass Ar (numerically g/mol), see element_data::standard_atomic_weight.
double atomic_weight(Element e);

/// Light or heavy rare earth, or none (Sc is none, see rare_earth_group).
rare_earth_group group_of(Element e);

/// True for the light and heavy rare earths (La..Lu and Y; not Sc).
bool is_rare_earth(Element e);

/// All 92 rows, ordered by atomic number.
std::span<const element_data> all_elements();

/// "none", "light" or "heavy".
std::string_view to_string(rare_earth_group g);

} // namespace magmat
