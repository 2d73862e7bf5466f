"""Explicit converters between industry (CGS) units and SI, for floats or NumPy arrays.

Every factor comes from the C++ core (magmat._core), which holds the one definition; the
converters below read theirs from :func:`magmat.convert`'s table of units. The constants:

- ``MU0``: vacuum permeability mu0 in H/m (CODATA 2018, 1.25663706212e-6 H/m).
- ``TESLA_PER_GAUSS``: T per G (1 G = 1e-4 T).
- ``AMPERE_PER_METRE_PER_OERSTED``: A/m per Oe (1 Oe = 1000/(4 pi) A/m).
- ``JOULE_PER_CUBIC_METRE_PER_MGOE``: J/m^3 per MGOe (1 MGOe = 1e5/(4 pi) J/m^3).
- ``AMPERE_PER_METRE_PER_EMU_PER_CUBIC_CENTIMETRE``: A/m per emu/cm^3 (1000).
- ``ZERO_CELSIUS_IN_KELVIN``: 273.15 K.

These converters are plain arithmetic on numbers: a NaN or infinite field, polarization or
energy density passes through as in NumPy (a missing value stays missing), but a finite value
whose converted value overflows raises DomainError, and a temperature must be a finite one at or
above absolute zero. Text ('12', ['30']) is refused with TypeError, as everywhere in magmat
(docs/reliability.md, "Numbers, not text"). Use ``magmat.convert`` for checked conversion
between any two unit strings (it refuses NaN and infinity too).
"""
from __future__ import annotations

from typing import Callable, Union, overload

import numpy as np
import numpy.typing as npt

from ._core import (
    AMPERE_PER_METRE_PER_EMU_PER_CUBIC_CENTIMETRE,
    AMPERE_PER_METRE_PER_OERSTED,
    JOULE_PER_CUBIC_METRE_PER_MGOE,
    TESLA_PER_GAUSS,
    VACUUM_PERMEABILITY,
    ZERO_CELSIUS_IN_KELVIN,
    DomainError,
    _require_numbers,
    convert,
)

__all__ = [
    "MU0",
    "TESLA_PER_GAUSS",
    "AMPERE_PER_METRE_PER_OERSTED",
    "JOULE_PER_CUBIC_METRE_PER_MGOE",
    "AMPERE_PER_METRE_PER_EMU_PER_CUBIC_CENTIMETRE",
    "ZERO_CELSIUS_IN_KELVIN",
    "kG_to_T",
    "T_to_kG",
    "kOe_to_A_per_m",
    "A_per_m_to_kOe",
    "MGOe_to_J_per_m3",
    "J_per_m3_to_MGOe",
    "celsius_to_kelvin",
    "kelvin_to_celsius",
]

# A float for a number, a float64 array for an array or sequence (as the core's converters).
_FloatOrArray = Union[float, "npt.NDArray[np.float64]"]

#: Vacuum permeability mu0, in H/m (CODATA 2018).
MU0: float = VACUUM_PERMEABILITY

# The converters' factors are magmat.convert's (one table of units in the C++ core), read once.
_TESLA_PER_KILOGAUSS = float(convert(1.0, "kG", "T"))
_AMPERE_PER_METRE_PER_KILOOERSTED = float(convert(1.0, "kOe", "A/m"))
_JOULE_PER_CUBIC_METRE_PER_MGOE = float(convert(1.0, "MGOe", "J/m3"))
_ZERO_CELSIUS_IN_KELVIN = float(convert(0.0, "degC", "K"))


def _as_float_or_array(x: npt.ArrayLike, name: str) -> _FloatOrArray:
    """A float for a scalar input, a float64 array otherwise; text is a TypeError naming `name`."""
    _require_numbers(x, name)
    a = np.asarray(x, dtype=np.float64)
    return float(a) if a.ndim == 0 else a


def _finite_where_given(result: _FloatOrArray, given: _FloatOrArray, name: str) -> _FloatOrArray:
    """`result`, unless a finite input gave a non-finite result (an overflow: 1e308 T in kG)."""
    with np.errstate(invalid="ignore"):
        overflow = np.isfinite(np.asarray(given, dtype=np.float64)) & ~np.isfinite(np.asarray(result))
    if np.any(overflow):
        raise DomainError(f"{name}: converting {given!r} overflows the largest float")
    return result


def _scaled(x: npt.ArrayLike, name: str, convert: Callable[[_FloatOrArray], _FloatOrArray]) -> _FloatOrArray:
    given = _as_float_or_array(x, name)
    with np.errstate(over="ignore"):
        return _finite_where_given(convert(given), given, name)


@overload
def kG_to_T(b_kG: float) -> float: ...
@overload
def kG_to_T(b_kG: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def kG_to_T(b_kG: npt.ArrayLike) -> _FloatOrArray:
    """Flux density or polarization in kilogauss (kG) -> tesla (T); 1 kG = 0.1 T."""
    return _scaled(b_kG, "b_kG", lambda v: v * _TESLA_PER_KILOGAUSS)


@overload
def T_to_kG(b_T: float) -> float: ...
@overload
def T_to_kG(b_T: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def T_to_kG(b_T: npt.ArrayLike) -> _FloatOrArray:
    """Flux density or polarization in tesla (T) -> kilogauss (kG); 1 T = 10 kG."""
    return _scaled(b_T, "b_T", lambda v: v / _TESLA_PER_KILOGAUSS)


@overload
def kOe_to_A_per_m(h_kOe: float) -> float: ...
@overload
def kOe_to_A_per_m(h_kOe: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def kOe_to_A_per_m(h_kOe: npt.ArrayLike) -> _FloatOrArray:
    """Field strength in kilooersted (kOe) -> ampere per metre (A/m); 1 kOe = 79577.47 A/m."""
    return _scaled(h_kOe, "h_kOe", lambda v: v * _AMPERE_PER_METRE_PER_KILOOERSTED)


@overload
def A_per_m_to_kOe(h_A_per_m: float) -> float: ...
@overload
def A_per_m_to_kOe(h_A_per_m: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def A_per_m_to_kOe(h_A_per_m: npt.ArrayLike) -> _FloatOrArray:
    """Field strength in ampere per metre (A/m) -> kilooersted (kOe)."""
    return _scaled(h_A_per_m, "h_A_per_m", lambda v: v / _AMPERE_PER_METRE_PER_KILOOERSTED)


@overload
def MGOe_to_J_per_m3(bh_MGOe: float) -> float: ...
@overload
def MGOe_to_J_per_m3(bh_MGOe: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def MGOe_to_J_per_m3(bh_MGOe: npt.ArrayLike) -> _FloatOrArray:
    """Energy density in mega-gauss-oersted (MGOe) -> J/m^3; 1 MGOe = 7957.747 J/m^3."""
    return _scaled(bh_MGOe, "bh_MGOe", lambda v: v * _JOULE_PER_CUBIC_METRE_PER_MGOE)


@overload
def J_per_m3_to_MGOe(bh_J_per_m3: float) -> float: ...
@overload
def J_per_m3_to_MGOe(bh_J_per_m3: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def J_per_m3_to_MGOe(bh_J_per_m3: npt.ArrayLike) -> _FloatOrArray:
    """Energy density in J/m^3 -> mega-gauss-oersted (MGOe)."""
    return _scaled(bh_J_per_m3, "bh_J_per_m3", lambda v: v / _JOULE_PER_CUBIC_METRE_PER_MGOE)


def _check_absolute(kelvin: _FloatOrArray, given: npt.ArrayLike, unit: str, name: str) -> _FloatOrArray:
    k = np.asarray(kelvin)
    # NaN and infinity are no temperature: a NaN kelvin value would only carry the error on.
    if not np.all(np.isfinite(k)):
        raise DomainError(f"{name} must be a finite temperature, got {given!r} {unit}")
    if np.any(k < 0.0):
        raise DomainError(f"temperature {given!r} {unit} is below absolute zero (0 K)")
    return kelvin


@overload
def celsius_to_kelvin(temperature_C: float) -> float: ...
@overload
def celsius_to_kelvin(temperature_C: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def celsius_to_kelvin(temperature_C: npt.ArrayLike) -> _FloatOrArray:
    """Absolute temperature in degrees Celsius (degC) -> kelvin (K); 20 degC = 293.15 K.

    Raises DomainError (a ValueError) for a NaN or infinite temperature or one below absolute
    zero."""
    kelvin = _as_float_or_array(temperature_C, "temperature_C") + _ZERO_CELSIUS_IN_KELVIN
    return _check_absolute(kelvin, temperature_C, "degC", "temperature_C")


@overload
def kelvin_to_celsius(temperature_K: float) -> float: ...
@overload
def kelvin_to_celsius(temperature_K: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def kelvin_to_celsius(temperature_K: npt.ArrayLike) -> _FloatOrArray:
    """Absolute temperature in kelvin (K) -> degrees Celsius (degC); 293.15 K = 20 degC.

    Raises DomainError (a ValueError) for a NaN, infinite or negative kelvin temperature."""
    given = _as_float_or_array(temperature_K, "temperature_K")
    kelvin = _check_absolute(given, temperature_K, "K", "temperature_K")
    return kelvin - _ZERO_CELSIUS_IN_KELVIN
