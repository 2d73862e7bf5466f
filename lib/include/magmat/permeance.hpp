// Demagnetizing factors and permeance coefficients of simple magnet shapes in free space
// (physics brief §6.1-6.2).
#pragma once

#include <magmat/units.hpp>

namespace magmat {

/// Magnetometric (volume-averaged) demagnetizing factor of a cylinder magnetized along its
/// axis: N = (2a/L) ∫0^∞ J1(x)² (1 − exp(−x L/a)) / x² dx with radius a = D/2, the exact
/// magnetostatic energy of the two charged end faces, derived in docs/model.md and checked there
/// against a Monte Carlo volume average: N(L/D = 1) = 0.3116, N -> 1 for thin discs. Evaluated
/// as series of its elliptic-integral closed form about both limits, within 1e-13 relative
/// (measured 7e-16) of a 160-digit reference for L/D in [1e-12, 1e12] (docs/model.md §7).
/// Throws domain_error for non-positive or non-finite dimensions and for L/D outside that range.
double cylinder_demagnetizing_factor(length length_along_axis, length diameter);

/// Magnetometric demagnetizing factor of a rectangular block magnetized along one edge
/// (`length`), Aharoni's closed form (J. Appl. Phys. 83, 3432 (1998); brief §6.2, AHARONI98),
/// rearranged so nothing cancels: within 1e-13 relative (measured 4.5e-16) of a 240-digit
/// evaluation for every side ratio in [1e-12, 1e12], at any scale (docs/model.md §7).
/// Throws domain_error for a non-positive or non-finite side, or largest/smallest side > 1e12.
double block_demagnetizing_factor(length length_along_magnetization, length width, length height);

/// Centre-point demagnetizing factor of an axially magnetized cylinder, 1 − L/√(L² + D²)
/// (field of the end-face charges at the centre; brief §6.2 [D]).
double cylinder_center_demagnetizing_factor(length length_along_axis, length diameter);

/// Centre-point demagnetizing factor of a block along `length` (brief §6.2 [D]).
double block_center_demagnetizing_factor(length length_along_magnetization, length width, length height);

/// Permeance coefficient Pc = (1 − N)/N of an open-circuit magnet with demagnetizing factor N
/// (brief §6.1 [D]): the load line is B = −mu0 Pc H. N must lie in (0, 1].
double permeance_coefficient(double demagnetizing_factor);

/// Pc of an axially magnetized cylinder in free space, from its magnetometric N.
double permeance_coefficient_cylinder(length length_along_axis, length diameter);
/// Pc of a block magnetized along `length` in free space, from its magnetometric N.
double permeance_coefficient_block(length length_along_magnetization, length width, length height);

} // namespace magmat
