// How a formula reads against the shipped phases: a wt% alloy written as a formula
// ("Nd31Fe68B1") is an easy mistake, and read as atoms it is far from every magnet phase.
#pragma once

#include <magmat/composition.hpp>

#include <string>
#include <string_view>

namespace magmat {

/// The nearest shipped end-member phase (materials/phases/) to a formula, compared by the atomic
/// fractions of its site classes: rare earths (Y, La-Lu), alkaline earths (Ca, Sr, Ba), B and
/// C, O, and the rest (Fe, Co, Cu, Zr, ...). The distance is the sum of the absolute differences
/// (0 for a substituted phase such as "(Nd0.8Dy0.2)2Fe14B", at most 2).
struct formula_reading {
  std::string atomic_phase;      ///< nearest phase reading the subscripts as atoms
  double atomic_distance = 0.0;
  /// Nearest phase reading the subscripts as mass percent; empty when they do not total 100
  /// within Composition::default_tolerance_percent (then no mass reading is offered).
  std::string mass_phase;
  double mass_distance = 0.0;
  /// True when the atomic reading is farther than `far_from_phases` from every phase and the
  /// mass reading is nearer than `near_a_phase` to one: the formula is probably a wt% alloy.
  bool probably_mass_percent = false;
  /// One sentence for a warning, empty unless probably_mass_percent.
  std::string advice;
};

/// A magnet alloy's atomic reading may stray from its main phase by its grain-boundary phase
/// (a sintered Nd13.5Fe80.5B6 is 0.04 from Nd2Fe14B); a wt% alloy read as atoms is far beyond
/// (Nd31Fe68B1: 0.39).
inline constexpr double far_from_phases = 0.15;
inline constexpr double near_a_phase = 0.10;

/// Reads `formula` (the formula grammar of Composition::from_formula; parse_error as there).
formula_reading read_formula_against_phases(std::string_view formula);

/// The formula's subscripts read as mass percent ("Nd31Fe68B1" is 31 wt% Nd): the rules of
/// Composition::from_mass_percent (a total of 100 within its tolerance; domain_error otherwise).
Composition composition_from_mass_formula(std::string_view formula);

} // namespace magmat
