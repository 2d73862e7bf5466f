// The element table (CIAAW 2024 standard atomic weights) and symbol look-up.
#include <magmat/elements.hpp>

#include <magmat/errors.hpp>

#include <array>
#include <cstddef>
#include <string>

namespace magmat {
namespace {

using enum Element;
constexpr auto no_re = rare_earth_group::none;
constexpr auto lre = rare_earth_group::light;
constexpr auto hre = rare_earth_group::heavy;

// Standard atomic weights: CIAAW, "Standard Atomic Weights 2024",
// https://www.ciaaw.org/atomic-weights.htm (Prohaska et al., Pure Appl. Chem. 94, 573 (2022),
// with the 2024 revisions of Gd 157.249, Lu 174.96669 and Zr 91.222).
// Elements with an interval (H, Li, B, C, N, O, Mg, Si, S, Cl, Ar, Br, Tl, Pb) carry the CIAAW
// conventional value (ciaaw.org, "abridged/conventional atomic weights"): H 1.008, B 10.81,
// O 15.999, Pb 207.2, ...
// Elements without a standard atomic weight carry the mass number of their longest-lived
// isotope (NUBASE2020, Kondev et al., Chin. Phys. C 45, 030001 (2021)): Tc-97 (4.21 Myr;
// Tc-98 at 4.2 Myr is within its uncertainty), Pm-145, Po-209, At-210, Rn-222, Fr-223,
// Ra-226, Ac-227.
// Checked against the magnet-relevant values of the physics brief, section 9.
constexpr std::array<element_data, element_count> table{{
    {H, "H", "hydrogen", 1, 1.008, true, no_re},
    {He, "He", "helium", 2, 4.002602, true, no_re},
    {Li, "Li", "lithium", 3, 6.94, true, no_re},
    {Be, "Be", "beryllium", 4, 9.0121831, true, no_re},
    {B, "B", "boron", 5, 10.81, true, no_re},
    {C, "C", "carbon", 6, 12.011, true, no_re},
    {N, "N", "nitrogen", 7, 14.007, true, no_re},
    {O, "O", "oxygen", 8, 15.999, true, no_re},
    {F, "F", "fluorine", 9, 18.998403162, true, no_re},
    {Ne, "Ne", "neon", 10, 20.1797, true, no_re},
    {Na, "Na", "sodium", 11, 22.98976928, true, no_re},
    {Mg, "Mg", "magnesium", 12, 24.305, true, no_re},
    {Al, "Al", "aluminium", 13, 26.9815384, true, no_re},
    {Si, "Si", "silicon", 14, 28.085, true, no_re},
    {P, "P", "phosphorus", 15, 30.973761998, true, no_re},
    {S, "S", "sulfur", 16, 32.06, true, no_re},
    {Cl, "Cl", "chlorine", 17, 35.45, true, no_re},
    {Ar, "Ar", "argon", 18, 39.95, true, no_re},
    {K, "K", "potassium", 19, 39.0983, true, no_re},
    {Ca, "Ca", "calcium", 20, 40.078, true, no_re},
    {Sc, "Sc", "scandium", 21, 44.955907, true, no_re}, // rare earth by IUPAC; see header
    {Ti, "Ti", "titanium", 22, 47.867, true, no_re},
    {V, "V", "vanadium", 23, 50.9415, true, no_re},
    {Cr, "Cr", "chromium", 24, 51.9961, true, no_re},
    {Mn, "Mn", "manganese", 25, 54.938043, true, no_re},
    {Fe, "Fe", "iron", 26, 55.845, true, no_re},
    {Co, "Co", "cobalt", 27, 58.933194, true, no_re},
    {Ni, "Ni", "nickel", 28, 58.6934, true, no_re},
    {Cu, "Cu", "copper", 29, 63.546, true, no_re},
    {Zn, "Zn", "zinc", 30, 65.38, true, no_re},
    {Ga, "Ga", "gallium", 31, 69.723, true, no_re},
    {Ge, "Ge", "germanium", 32, 72.630, true, no_re},
    {As, "As", "arsenic", 33, 74.921595, true, no_re},
    {Se, "Se", "selenium", 34, 78.971, true, no_re},
    {Br, "Br", "bromine", 35, 79.904, true, no_re},
    {Kr, "Kr", "krypton", 36, 83.798, true, no_re},
    {Rb, "Rb", "rubidium", 37, 85.4678, true, no_re},
    {Sr, "Sr", "strontium", 38, 87.62, true, no_re},
    {Y, "Y", "yttrium", 39, 88.905838, true, hre},
    {Zr, "Zr", "zirconium", 40, 91.222, true, no_re},
    {Nb, "Nb", "niobium", 41, 92.90637, true, no_re},
    {Mo, "Mo", "molybdenum", 42, 95.95, true, no_re},
    {Tc, "Tc", "technetium", 43, 97.0, false, no_re},
    {Ru, "Ru", "ruthenium", 44, 101.07, true, no_re},
    {Rh, "Rh", "rhodium", 45, 102.90549, true, no_re},
    {Pd, "Pd", "palladium", 46, 106.42, true, no_re},
    {Ag, "Ag", "silver", 47, 107.8682, true, no_re},
    {Cd, "Cd", "cadmium", 48, 112.414, true, no_re},
    {In, "In", "indium", 49, 114.818, true, no_re},
    {Sn, "Sn", "tin", 50, 118.710, true, no_re},
    {Sb, "Sb", "antimony", 51, 121.760, true, no_re},
    {Te, "Te", "tellurium", 52, 127.60, true, no_re},
    {I, "I", "iodine", 53, 126.90447, true, no_re},
    {Xe, "Xe", "xenon", 54, 131.293, true, no_re},
    {Cs, "Cs", "caesium", 55, 132.90545196, true, no_re},
    {Ba, "Ba", "barium", 56, 137.327, true, no_re},
    {La, "La", "lanthanum", 57, 138.90547, true, lre},
    {Ce, "Ce", "cerium", 58, 140.116, true, lre},
    {Pr, "Pr", "praseodymium", 59, 140.90766, true, lre},
    {Nd, "Nd", "neodymium", 60, 144.242, true, lre},
    {Pm, "Pm", "promethium", 61, 145.0, false, lre},
    {Sm, "Sm", "samarium", 62, 150.36, true, lre},
    {Eu, "Eu", "europium", 63, 151.964, true, lre},
    {Gd, "Gd", "gadolinium", 64, 157.249, true, hre},
    {Tb, "Tb", "terbium", 65, 158.925354, true, hre},
    {Dy, "Dy", "dysprosium", 66, 162.500, true, hre},
    {Ho, "Ho", "holmium", 67, 164.930329, true, hre},
    {Er, "Er", "erbium", 68, 167.259, true, hre},
    {Tm, "Tm", "thulium", 69, 168.934219, true, hre},
    {Yb, "Yb", "ytterbium", 70, 173.045, true, hre},
    {Lu, "Lu", "lutetium", 71, 174.96669, true, hre},
    {Hf, "Hf", "hafnium", 72, 178.486, true, no_re},
    {Ta, "Ta", "tantalum", 73, 180.94788, true, no_re},
    {W, "W", "tungsten", 74, 183.84, true, no_re},
    {Re, "Re", "rhenium", 75, 186.207, true, no_re},
    {Os, "Os", "osmium", 76, 190.23, true, no_re},
    {Ir, "Ir", "iridium", 77, 192.217, true, no_re},
    {Pt, "Pt", "platinum", 78, 195.084, true, no_re},
    {Au, "Au", "gold", 79, 196.966570, true, no_re},
    {Hg, "Hg", "mercury", 80, 200.592, true, no_re},
    {Tl, "Tl", "thallium", 81, 204.38, true, no_re},
    {Pb, "Pb", "lead", 82, 207.2, true, no_re},
    {Bi, "Bi", "bismuth", 83, 208.98040, true, no_re},
    {Po, "Po", "polonium", 84, 209.0, false, no_re},
    {At, "At", "astatine", 85, 210.0, false, no_re},
    {Rn, "Rn", "radon", 86, 222.0, false, no_re},
    {Fr, "Fr", "francium", 87, 223.0, false, no_re},
    {Ra, "Ra", "radium", 88, 226.0, false, no_re},
    {Ac, "Ac", "actinium", 89, 227.0, false, no_re},
    {Th, "Th", "thorium", 90, 232.0377, true, no_re},
    {Pa, "Pa", "protactinium", 91, 231.03588, true, no_re},
    {U, "U", "uranium", 92, 238.02891, true, no_re},
}};

constexpr bool table_is_consistent() {
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto& row = table[i];
    if (row.atomic_number != static_cast<int>(i) + 1) return false;
    if (static_cast<int>(row.element) != row.atomic_number) return false;
    if (row.symbol.empty() || row.symbol.size() > 2) return false;
    if (row.symbol[0] < 'A' || row.symbol[0] > 'Z') return false;
    if (row.symbol.size() == 2 && (row.symbol[1] < 'a' || row.symbol[1] > 'z')) return false;
  }
  return true;
}
static_assert(table_is_consistent(), "element table out of order or malformed symbol");

// Symbol -> Z in O(1) without hashing: rows by the capital letter, columns by the optional
// lower-case letter (column 0 = one-letter symbol). 0 marks "no such element".
using symbol_index = std::array<std::array<std::uint8_t, 27>, 26>;

constexpr symbol_index make_symbol_index() {
  symbol_index index{};
  for (const auto& row : table) {
    const auto first = static_cast<std::size_t>(row.symbol[0] - 'A');
    const auto second = row.symbol.size() == 2 ? static_cast<std::size_t>(row.symbol[1] - 'a' + 1) : 0;
    index[first][second] = static_cast<std::uint8_t>(row.atomic_number);
  }
  return index;
}
constexpr symbol_index index_by_symbol = make_symbol_index();

constexpr char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

} // namespace

const element_data& element_info(Element e) {
  const auto z = static_cast<int>(e);
  // A value cast from an integer outside 1..92 would read past the table.
  if (z < 1 || z > element_count) {
    throw domain_error("element with atomic number " + std::to_string(z) +
                       " is outside the table H..U (1..92)");
  }
  return table[static_cast<std::size_t>(z) - 1];
}

bool try_element_from_symbol(std::string_view s, Element& out) noexcept {
  if (s.empty() || s.size() > 2 || s[0] < 'A' || s[0] > 'Z') return false;
  std::size_t second = 0;
  if (s.size() == 2) {
    if (s[1] < 'a' || s[1] > 'z') return false;
    second = static_cast<std::size_t>(s[1] - 'a' + 1);
  }
  const std::uint8_t z = index_by_symbol[static_cast<std::size_t>(s[0] - 'A')][second];
  if (z == 0) return false;
  out = static_cast<Element>(z);
  return true;
}

Element element_from_symbol(std::string_view s) {
  Element e{};
  if (try_element_from_symbol(s, e)) return e;
  std::string message = "unknown element symbol '" + std::string(s) + "'";
  if (s.size() == 1 || s.size() == 2) {
    std::string fixed(s);
    fixed[0] = to_upper(fixed[0]);
    if (fixed.size() == 2) fixed[1] = to_lower(fixed[1]);
    if (try_element_from_symbol(fixed, e)) {
      message += "; symbols are case-sensitive, did you mean '" + fixed + "'?";
      throw unknown_name_error(message);
    }
  }
  message += " (expected an element symbol H..U with its exact case, e.g. 'Nd')";
  throw unknown_name_error(message);
}

std::string_view symbol(Element e) { return element_info(e).symbol; }

double atomic_weight(Element e) { return element_info(e).standard_atomic_weight; }

rare_earth_group group_of(Element e) { return element_info(e).group; }

bool is_rare_earth(Element e) { return group_of(e) != rare_earth_group::none; }

std::span<const element_data> all_elements() { return {table.data(), table.size()}; }

std::string_view to_string(rare_earth_group g) {
  switch (g) {
  case rare_earth_group::light: return "light";
  case rare_earth_group::heavy: return "heavy";
  case rare_earth_group::none: break;
  }
  return "none";
}

} // namespace magmat
