"""Type stubs for magmat._core, the compiled core of magmat (hand-written; checked against the
module by tests/python/test_stubs.py).

Quantities cross the boundary as plain SI floats or float64 NumPy arrays (T, A/m, J/m^3, kg,
kg/m^3, kg/mol); temperatures are degrees Celsius in arguments named ``temperature_C``,
``from_C`` and ``to_C``.
"""

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, TypedDict, Union, overload

import numpy
import numpy.typing

from .table import Table

# A file path: what os.fsencode takes (a non-UTF-8 file name as bytes or surrogateescape str).
_PathArg = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]

# --- errors -------------------------------------------------------------------------------

class MagmatError(Exception):
    """Base class of every error raised by magmat."""

class ParseError(MagmatError, ValueError):
    """Text that cannot be read: a chemical formula, a unit string, a data file."""

class DomainError(MagmatError, ValueError):
    """A value outside the domain of the quantity or model (negative, NaN, out of range, incompatible units)."""

class DataError(MagmatError, ValueError):
    """A material data record or file that breaks the schema or basic physics (message: file and JSON pointer)."""

class InfeasibleError(MagmatError, ValueError):
    """A well-posed request that no solution satisfies."""

class UnknownNameError(MagmatError, KeyError):
    """A name that is not known: element, grade, phase, process (str() shows the message unquoted)."""

class CompositionWarning(UserWarning):
    """A composition that is probably not what was meant: a wt% alloy written as a formula, read as atoms."""

class ExtrapolationWarning(UserWarning):
    """A fitted magnet's value asked for outside its measured temperatures: the physics model carries it there from the nearer measured curve."""

# --- units --------------------------------------------------------------------------------

VACUUM_PERMEABILITY: float
"""Vacuum permeability mu0 in H/m: 1.25663706212e-6 (CODATA 2018)."""
TESLA_PER_GAUSS: float
"""T per G: 1e-4 (exact)."""
AMPERE_PER_METRE_PER_OERSTED: float
"""A/m per Oe: 1000/(4 pi) = 79.5774715... (exact)."""
JOULE_PER_CUBIC_METRE_PER_MGOE: float
"""J/m^3 per MGOe: 1e5/(4 pi) = 7957.747... (exact)."""
AMPERE_PER_METRE_PER_EMU_PER_CUBIC_CENTIMETRE: float
"""A/m per emu/cm^3 of magnetization: 1000 (exact)."""
ZERO_CELSIUS_IN_KELVIN: float
"""Kelvin at 0 degC: 273.15 (exact)."""
RADIAN_PER_SECOND_PER_RPM: float
"""rad/s per rpm: 2 pi/60 = 0.10471975... (exact)."""

@overload
def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Value in from_unit converted to to_unit (unit strings such as "kOe", "kA/m", "MGOe", "degC"); a number gives a float, an array or sequence a float64 array of the same shape."""
@overload
def convert(value: numpy.typing.ArrayLike, from_unit: str, to_unit: str) -> numpy.typing.NDArray[numpy.float64]:
    """Value in from_unit converted to to_unit (unit strings such as "kOe", "kA/m", "MGOe", "degC"); a number gives a float, an array or sequence a float64 array of the same shape."""

def si_unit(unit: str) -> str:
    """The SI unit of the same dimension as unit: "kOe" -> "A/m", "MGOe" -> "J/m3", "degC" -> "K"."""

def _require_numbers(value: object, what: str) -> None:
    """Raises TypeError naming `what` if value is text or an array of text, complex numbers, dates or records (private)."""

# --- elements -----------------------------------------------------------------------------

ATOMIC_WEIGHTS_VERSION: str
"""The pinned table of standard atomic weights: "CIAAW-2024"."""

class Element:
    """A chemical element from H to U, named by symbol (Element.Nd); its integer value is the atomic number."""

    __members__: ClassVar[dict[str, Element]]
    H: ClassVar[Element]  # Z = 1
    He: ClassVar[Element]  # Z = 2
    Li: ClassVar[Element]  # Z = 3
    Be: ClassVar[Element]  # Z = 4
    B: ClassVar[Element]  # Z = 5
    C: ClassVar[Element]  # Z = 6
    N: ClassVar[Element]  # Z = 7
    O: ClassVar[Element]  # Z = 8
    F: ClassVar[Element]  # Z = 9
    Ne: ClassVar[Element]  # Z = 10
    Na: ClassVar[Element]  # Z = 11
    Mg: ClassVar[Element]  # Z = 12
    Al: ClassVar[Element]  # Z = 13
    Si: ClassVar[Element]  # Z = 14
    P: ClassVar[Element]  # Z = 15
    S: ClassVar[Element]  # Z = 16
    Cl: ClassVar[Element]  # Z = 17
    Ar: ClassVar[Element]  # Z = 18
    K: ClassVar[Element]  # Z = 19
    Ca: ClassVar[Element]  # Z = 20
    Sc: ClassVar[Element]  # Z = 21
    Ti: ClassVar[Element]  # Z = 22
    V: ClassVar[Element]  # Z = 23
    Cr: ClassVar[Element]  # Z = 24
    Mn: ClassVar[Element]  # Z = 25
    Fe: ClassVar[Element]  # Z = 26
    Co: ClassVar[Element]  # Z = 27
    Ni: ClassVar[Element]  # Z = 28
    Cu: ClassVar[Element]  # Z = 29
    Zn: ClassVar[Element]  # Z = 30
    Ga: ClassVar[Element]  # Z = 31
    Ge: ClassVar[Element]  # Z = 32
    As: ClassVar[Element]  # Z = 33
    Se: ClassVar[Element]  # Z = 34
    Br: ClassVar[Element]  # Z = 35
    Kr: ClassVar[Element]  # Z = 36
    Rb: ClassVar[Element]  # Z = 37
    Sr: ClassVar[Element]  # Z = 38
    Y: ClassVar[Element]  # Z = 39
    Zr: ClassVar[Element]  # Z = 40
    Nb: ClassVar[Element]  # Z = 41
    Mo: ClassVar[Element]  # Z = 42
    Tc: ClassVar[Element]  # Z = 43
    Ru: ClassVar[Element]  # Z = 44
    Rh: ClassVar[Element]  # Z = 45
    Pd: ClassVar[Element]  # Z = 46
    Ag: ClassVar[Element]  # Z = 47
    Cd: ClassVar[Element]  # Z = 48
    In: ClassVar[Element]  # Z = 49
    Sn: ClassVar[Element]  # Z = 50
    Sb: ClassVar[Element]  # Z = 51
    Te: ClassVar[Element]  # Z = 52
    I: ClassVar[Element]  # Z = 53
    Xe: ClassVar[Element]  # Z = 54
    Cs: ClassVar[Element]  # Z = 55
    Ba: ClassVar[Element]  # Z = 56
    La: ClassVar[Element]  # Z = 57
    Ce: ClassVar[Element]  # Z = 58
    Pr: ClassVar[Element]  # Z = 59
    Nd: ClassVar[Element]  # Z = 60
    Pm: ClassVar[Element]  # Z = 61
    Sm: ClassVar[Element]  # Z = 62
    Eu: ClassVar[Element]  # Z = 63
    Gd: ClassVar[Element]  # Z = 64
    Tb: ClassVar[Element]  # Z = 65
    Dy: ClassVar[Element]  # Z = 66
    Ho: ClassVar[Element]  # Z = 67
    Er: ClassVar[Element]  # Z = 68
    Tm: ClassVar[Element]  # Z = 69
    Yb: ClassVar[Element]  # Z = 70
    Lu: ClassVar[Element]  # Z = 71
    Hf: ClassVar[Element]  # Z = 72
    Ta: ClassVar[Element]  # Z = 73
    W: ClassVar[Element]  # Z = 74
    Re: ClassVar[Element]  # Z = 75
    Os: ClassVar[Element]  # Z = 76
    Ir: ClassVar[Element]  # Z = 77
    Pt: ClassVar[Element]  # Z = 78
    Au: ClassVar[Element]  # Z = 79
    Hg: ClassVar[Element]  # Z = 80
    Tl: ClassVar[Element]  # Z = 81
    Pb: ClassVar[Element]  # Z = 82
    Bi: ClassVar[Element]  # Z = 83
    Po: ClassVar[Element]  # Z = 84
    At: ClassVar[Element]  # Z = 85
    Rn: ClassVar[Element]  # Z = 86
    Fr: ClassVar[Element]  # Z = 87
    Ra: ClassVar[Element]  # Z = 88
    Ac: ClassVar[Element]  # Z = 89
    Th: ClassVar[Element]  # Z = 90
    Pa: ClassVar[Element]  # Z = 91
    U: ClassVar[Element]  # Z = 92

    def __init__(self, value: int) -> None:
        """The element with atomic number value (1..92); other values are rejected on use."""
    def __int__(self) -> int:
        """Atomic number Z."""
    def __index__(self) -> int:
        """Atomic number Z."""
    def __eq__(self, other: object) -> bool:
        """Equal to the same member."""
    def __ne__(self, other: object) -> bool:
        """Not the same member."""
    def __hash__(self) -> int:
        """Hash of the atomic number."""
    def __getstate__(self) -> int:
        """Pickle state: the atomic number."""
    def __setstate__(self, state: int, /) -> None:
        """Restore from the atomic number."""
    @property
    def name(self) -> str:
        """Member name, equal to the IUPAC symbol, e.g. 'Nd'."""
    @property
    def value(self) -> int:
        """Atomic number Z (dimensionless)."""
    @property
    def symbol(self) -> str:
        """IUPAC symbol, e.g. 'Nd'."""
    @property
    def info(self) -> ElementInfo:
        """The ElementInfo row of this element."""

class ElementInfo:
    """One read-only row of the element table; atomic weights in g/mol (relative atomic masses)."""

    @property
    def element(self) -> Element:
        """The Element member."""
    @property
    def symbol(self) -> str:
        """IUPAC symbol with its exact case, e.g. 'Nd'."""
    @property
    def name(self) -> str:
        """IUPAC English name in lower case, e.g. 'neodymium'."""
    @property
    def atomic_number(self) -> int:
        """Atomic number Z (dimensionless)."""
    @property
    def standard_atomic_weight(self) -> float:
        """Relative atomic mass Ar (dimensionless; numerically g/mol), CIAAW-2024 conventional value."""
    @property
    def has_standard_atomic_weight(self) -> bool:
        """False for Tc, Pm, Po, At, Rn, Fr, Ra and Ac (their weight is a mass number)."""
    @property
    def rare_earth_group(self) -> str:
        """'light' (La..Eu), 'heavy' (Gd..Lu and Y) or 'none' (all others, Sc included)."""
    def __repr__(self) -> str:
        """ElementInfo(symbol='Nd', name='neodymium', atomic_number=60)."""

def element(element: Element | str) -> ElementInfo:
    """The ElementInfo of an Element or exact-case symbol ('Nd'); an unknown symbol raises UnknownNameError."""

def elements() -> list[ElementInfo]:
    """All 92 ElementInfo rows, H to U, in atomic-number order."""

# --- compositions -------------------------------------------------------------------------

class Composition:
    """An immutable composition: elements with amounts in atoms per formula unit; masses in kg, molar masses in kg/mol."""

    @staticmethod
    def from_formula(formula: str) -> Composition:
        """Parse a chemical formula such as 'Nd2Fe14B' or '(Nd0.8Dy0.2)2Fe14B' (formula unit kept as written; a zero subscript means absent); errors raise ParseError."""
    @staticmethod
    def from_amounts(amounts: Sequence[tuple[Element | str, float]]) -> Composition:
        """From (element, atoms per formula unit) pairs, kept as given; repeated elements are summed."""
    @staticmethod
    def from_mass_percent(
        percent: Mapping[Element | str, float],
        *,
        balance: Element | str | None = None,
        tolerance_percent: float = 0.5,
    ) -> Composition:
        """From mass percent (wt%, total 100 within tolerance_percent percentage points), normalised to one atom per formula unit."""
    @staticmethod
    def from_atomic_percent(
        percent: Mapping[Element | str, float],
        *,
        balance: Element | str | None = None,
        tolerance_percent: float = 0.5,
    ) -> Composition:
        """From atomic percent (at%, total 100 within tolerance_percent percentage points), normalised to one atom per formula unit."""
    @staticmethod
    def from_mass_fractions(
        fractions: Mapping[Element | str, float],
        *,
        balance: Element | str | None = None,
        tolerance: float = 0.005,
    ) -> Composition:
        """From mass fractions (total 1 within tolerance), normalised to one atom per formula unit."""
    @staticmethod
    def from_atomic_fractions(
        fractions: Mapping[Element | str, float],
        *,
        balance: Element | str | None = None,
        tolerance: float = 0.005,
    ) -> Composition:
        """From atomic fractions (total 1 within tolerance), normalised to one atom per formula unit."""
    @staticmethod
    def mix_by_mass(parts: Sequence[tuple[Composition, float]]) -> Composition:
        """Mix compositions by mass: (Composition, weight) pairs, weights in any common mass unit, normalised."""
    def mass_fraction(self, element: Element | str) -> float:
        """Mass fraction of an element (0..1, dimensionless; 0 if absent)."""
    def atomic_fraction(self, element: Element | str) -> float:
        """Atomic (mole) fraction of an element (0..1, dimensionless; 0 if absent)."""
    def amount(self, element: Element | str) -> float:
        """Atoms of an element per formula unit (0 if absent)."""
    def __contains__(self, element: Element | str) -> bool:
        """True if the element is present."""
    def mass_fractions(self) -> dict[str, float]:
        """Mass fractions {symbol: fraction} (dimensionless, sum 1) in atomic-number order."""
    def atomic_fractions(self) -> dict[str, float]:
        """Atomic fractions {symbol: fraction} (dimensionless, sum 1) in atomic-number order."""
    def amounts(self) -> dict[str, float]:
        """Atoms per formula unit {symbol: amount} in atomic-number order."""
    def rare_earth_mass_fraction(self) -> float:
        """Mass fraction (0..1) of all rare earths, light + heavy (Sc not counted)."""
    def light_rare_earth_mass_fraction(self) -> float:
        """Mass fraction (0..1) of La, Ce, Pr, Nd, Pm, Sm, Eu."""
    def heavy_rare_earth_mass_fraction(self) -> float:
        """Mass fraction (0..1) of Gd..Lu and Y."""
    def rare_earth_atomic_fraction(self) -> float:
        """Atomic fraction (0..1) of all rare earths."""
    def element_mass(self, element: Element | str, magnet_mass_kg: float) -> float:
        """Mass in kg of an element in a magnet of magnet_mass_kg kg."""
    def element_masses(self, magnet_mass_kg: float) -> dict[str, float]:
        """Masses in kg {symbol: kg} of every element in a magnet of magnet_mass_kg kg."""
    @property
    def formula(self) -> str:
        """Normalised display formula, electropositive elements first, 6 significant digits: 'Nd2Fe14B'."""
    @property
    def molar_mass(self) -> float:
        """Molar mass of one formula unit in kg/mol (1.08112 kg/mol for Nd2Fe14B)."""
    @property
    def elements(self) -> list[str]:
        """Symbols of the elements present, in atomic-number order."""
    @property
    def total_amount(self) -> float:
        """Atoms per formula unit (all elements)."""
    def __repr__(self) -> str:
        """Composition('Nd2Fe14B')."""
    def __str__(self) -> str:
        """The formula."""
    def __eq__(self, other: object) -> bool:
        """Exact equality of the amounts (Nd2Fe14B != Nd4Fe28B2)."""
    def __hash__(self) -> int:
        """Hash of the (symbol, amount) pairs."""
    def __getstate__(self) -> tuple[tuple[str, float], ...]:
        """Pickle state: the (symbol, atoms per formula unit) pairs."""
    def __setstate__(self, state: tuple[tuple[Element | str, float], ...], /) -> None:
        """Restore from (element, atoms per formula unit) pairs."""

class TableColumn:
    """One column of a TableModel: key, label, unit, display_unit, source, decimals."""
    @property
    def key(self) -> str:
        """snake_case key of the JSON and CSV output."""
    @property
    def label(self) -> str:
        """Heading for people; '{unit}' in it is the shown unit."""
    @property
    def unit(self) -> str:
        """Unit of the stored values as convert() spells it ('T', '1'); '' for text."""
    @property
    def display_unit(self) -> str:
        """Unit shown in text; '' means unit."""
    @property
    def source(self) -> str:
        """references.json key of the values, '' when none."""
    @property
    def decimals(self) -> int:
        """Fixed decimals in text; negative: 4 significant digits."""

class TableModel:
    """Rows of a report in SI with their columns, as the C++ core builds them; magmat.Table renders them."""
    @property
    def columns(self) -> list[TableColumn]:
        """The columns, in order (list of TableColumn)."""
    @property
    def rows(self) -> list[list[float | str]]:
        """The rows: lists of floats (NaN where missing) and str, one cell per column."""
    def to_text(self) -> str:
        """The C++ plain-text rendering."""
    def __len__(self) -> int:
        """The number of rows."""

def rare_earth_content_rows(
    rows: Sequence[tuple[str, Composition]], elements: Sequence[str] = ["Nd", "Sm", "Dy"]
) -> TableModel:
    """Rare-earth mass content as a TableModel: a "formula" column, the mass fraction (unit "1", shown in wt%) of each element, then total, light and heavy rare earth, one row per (name, Composition)."""

def formula_reading(formula: str) -> dict[str, Any]:
    """How a formula reads against the shipped phases, as atoms and (when its subscripts total 100) as mass percent: atomic_phase, atomic_distance, mass_phase, mass_distance, probably_mass_percent, advice."""

# --- phases -------------------------------------------------------------------------------

class Phase:
    """Intrinsic properties of one magnetic phase; temperatures in degC (float or array), results in T, A/m, J/m^3, kg/m^3."""

    @property
    def formula(self) -> str:
        """The phase's formula as given to phase() (normalised when built from a Composition)."""
    @property
    def family(self) -> str:
        """'r2fe14b', 'smco5', 'sm2co17' or 'hexaferrite'."""
    @property
    def composition(self) -> Composition:
        """The Composition of one formula unit."""
    @property
    def members(self) -> list[tuple[str, float]]:
        """End-member phase ids and their shares (dimensionless, sum 1) of the mixed site, as (id, fraction) pairs."""
    @property
    def curie_temperature_C(self) -> float:
        """Curie temperature in degC."""
    @property
    def curie_temperature_K(self) -> float:
        """Curie temperature in K."""
    @property
    def density(self) -> float:
        """X-ray density in kg/m^3."""
    @property
    def min_temperature_C(self) -> float:
        """Lowest temperature (degC) where the data hold."""
    @property
    def max_temperature_C(self) -> float:
        """Highest temperature (degC) where the data hold."""
    @overload
    def saturation_polarization(self, temperature_C: float) -> float:
        """Saturation polarization Js = mu0 Ms in T at temperature_C (degC)."""
    @overload
    def saturation_polarization(self, temperature_C: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """Saturation polarization Js = mu0 Ms in T at temperature_C (degC)."""
    @overload
    def saturation_magnetization(self, temperature_C: float) -> float:
        """Spontaneous magnetization Ms in A/m at temperature_C (degC)."""
    @overload
    def saturation_magnetization(self, temperature_C: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """Spontaneous magnetization Ms in A/m at temperature_C (degC)."""
    @overload
    def anisotropy_field(self, temperature_C: float) -> float:
        """Anisotropy field HA in A/m at temperature_C (degC); mu0*HA in T is VACUUM_PERMEABILITY times it."""
    @overload
    def anisotropy_field(self, temperature_C: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """Anisotropy field HA in A/m at temperature_C (degC); mu0*HA in T is VACUUM_PERMEABILITY times it."""
    @overload
    def anisotropy_energy_density(self, temperature_C: float) -> float:
        """Effective anisotropy energy density K = Js HA / 2 in J/m^3 at temperature_C (degC)."""
    @overload
    def anisotropy_energy_density(self, temperature_C: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """Effective anisotropy energy density K = Js HA / 2 in J/m^3 at temperature_C (degC)."""
    @overload
    def max_energy_product_limit(self, temperature_C: float) -> float:
        """Theoretical energy-product limit Js^2/(4 mu0) in J/m^3 at temperature_C (degC)."""
    @overload
    def max_energy_product_limit(self, temperature_C: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """Theoretical energy-product limit Js^2/(4 mu0) in J/m^3 at temperature_C (degC)."""
    def __repr__(self) -> str:
        """Phase('Nd2Fe14B')."""
    def __getstate__(self) -> Composition:
        """Pickle state: the Composition."""
    def __setstate__(self, state: Composition, /) -> None:
        """Restore from the Composition."""

def phase(formula: str) -> Phase:
    """The phase model for a formula ('Nd2Fe14B', '(Nd0.8Dy0.2)2Fe14B', 'SmCo5', 'SrFe12O19', ...); no data raises DomainError."""

def phase_ids() -> list[str]:
    """Ids of the shipped end-member phase records, sorted."""

# --- magnets ------------------------------------------------------------------------------

class _ProcessParameters(TypedDict):
    family: str
    process: str
    relative_density: float
    alignment: float
    recoil_permeability: float
    squareness: float
    alpha_k: float
    n_eff: float
    grain_boundary_rare_earth: float
    shell_volume_fraction: float
    activation_volume: float
    sources: dict[str, tuple[str, str]]

class _PropertiesDict(TypedDict):
    temperature_C: float
    remanence: float
    intrinsic_coercivity: float
    normal_coercivity: float
    knee_field: float
    max_energy_product: float
    max_energy_product_limit: float
    recoil_permeability: float

class MagnetProperties:
    """Extrinsic properties at one temperature in SI: T, A/m (positive magnitudes), J/m^3; temperature in degC."""

    @property
    def temperature_C(self) -> float:
        """Temperature in degC."""
    @property
    def remanence(self) -> float:
        """Remanence Br in T."""
    @property
    def intrinsic_coercivity(self) -> float:
        """Intrinsic coercivity HcJ in A/m (positive)."""
    @property
    def normal_coercivity(self) -> float:
        """Normal coercivity HcB in A/m (positive)."""
    @property
    def knee_field(self) -> float:
        """Knee field Hk = squareness * HcJ in A/m (positive)."""
    @property
    def max_energy_product(self) -> float:
        """Maximum energy product (BH)max in J/m^3."""
    @property
    def max_energy_product_limit(self) -> float:
        """Js^2/(4 mu0) of the main phase in J/m^3."""
    @property
    def recoil_permeability(self) -> float:
        """Relative recoil permeability (dimensionless)."""
    def to_dict(self) -> _PropertiesDict:
        """The values as a dict: SI units, temperature_C in degC."""
    def __repr__(self) -> str:
        """SI values with kG, kOe and MGOe in brackets."""

class TemperatureCoefficients:
    """Reversible temperature coefficients over [from_C, to_C]: alpha(Br) and beta(HcJ) in 1/K (x100 for %/K)."""

    @property
    def from_C(self) -> float:
        """Start of the interval in degC."""
    @property
    def to_C(self) -> float:
        """End of the interval in degC."""
    @property
    def remanence(self) -> float:
        """alpha(Br) in 1/K."""
    @property
    def intrinsic_coercivity(self) -> float:
        """beta(HcJ) in 1/K."""
    def __repr__(self) -> str:
        """The interval in degC and both coefficients in %/K."""

class DemagnetizationCurve:
    """Samples of a major demagnetization curve: H (A/m, from 0 down to -HcJ), B and J (T), float64 NumPy arrays of equal length."""

    @property
    def H(self) -> numpy.typing.NDArray[numpy.float64]:
        """Internal field H in A/m, from 0 down to -HcJ."""
    @property
    def B(self) -> numpy.typing.NDArray[numpy.float64]:
        """Flux density B = mu0 H + J in T at each H."""
    @property
    def J(self) -> numpy.typing.NDArray[numpy.float64]:
        """Polarization J in T at each H."""
    def __len__(self) -> int:
        """Number of samples."""
    def __repr__(self) -> str:
        """DemagnetizationCurve(<n> points, H from 0 to <-HcJ> A/m)."""

class Magnet:
    """A magnet made of a bulk composition by a process; temperatures in degC (float or array), results in T, A/m, J/m^3."""

    @staticmethod
    def from_composition(
        composition: Composition | str | dict[str, float],
        process: str = "sintered",
        *,
        main_phase_fraction: float | None = None,
        relative_density: float | None = None,
        alignment: float | None = None,
        recoil_permeability: float | None = None,
        squareness: float | None = None,
        alpha_k: float | None = None,
        n_eff: float | None = None,
        shell_volume_fraction: float | None = None,
        activation_volume: float | None = None,
        basis: str | None = None,
    ) -> Magnet:
        """A magnet from a Composition, formula or dict of mass percent (wt%) and a process name; keywords override the process defaults and the main-phase fraction (dimensionless; activation_volume in m^3); basis 'atomic' | 'mass' says how a formula's subscripts are read (default atoms, with a CompositionWarning for a formula that reads like a wt% alloy)."""
    @property
    def composition(self) -> Composition:
        """The bulk composition."""
    @property
    def main_phase(self) -> Phase:
        """The main magnetic Phase."""
    @property
    def nucleation_phase(self) -> Phase:
        """The Phase where reversal nucleates: the diffused shell for grain-boundary-diffused magnets."""
    @property
    def name(self) -> str:
        """The grade name, or the composition's formula for a composition-defined magnet."""
    @property
    def family(self) -> str:
        """Magnet family: 'ndfeb_sintered' (also grain-boundary diffused), 'ndfeb_hot_deformed', 'ndfeb_bonded', 'smco5', 'sm2co17' or 'ferrite'; the phase family is main_phase.family."""
    @property
    def process(self) -> str:
        """Process name, e.g. 'sintered'."""
    @property
    def process_parameters(self) -> _ProcessParameters:
        """Process parameters in use (dimensionless; grain_boundary_rare_earth as a mass fraction) with sources {name: (key, 'C'|'D'|'U')}."""
    @property
    def density(self) -> float:
        """Mass density in kg/m^3 (main phase x-ray density x relative density)."""
    @property
    def main_phase_fraction(self) -> float:
        """Mass (and volume) fraction of the magnet that is main phase (0..1)."""
    @property
    def curie_temperature_C(self) -> float:
        """Curie temperature of the main phase in degC."""
    def properties(self, temperature_C: float = 20.0) -> MagnetProperties:
        """All extrinsic properties at temperature_C (degC)."""
    @overload
    def remanence(self, temperature_C: float) -> float:
        """Remanence Br in T at temperature_C (degC)."""
    @overload
    def remanence(self, temperature_C: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """Remanence Br in T at temperature_C (degC)."""
    @overload
    def intrinsic_coercivity(self, temperature_C: float) -> float:
        """Intrinsic coercivity HcJ in A/m at temperature_C (degC)."""
    @overload
    def intrinsic_coercivity(self, temperature_C: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """Intrinsic coercivity HcJ in A/m at temperature_C (degC)."""
    @overload
    def normal_coercivity(self, temperature_C: float) -> float:
        """Normal coercivity HcB in A/m at temperature_C (degC)."""
    @overload
    def normal_coercivity(self, temperature_C: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """Normal coercivity HcB in A/m at temperature_C (degC)."""
    @overload
    def max_energy_product(self, temperature_C: float) -> float:
        """Maximum energy product (BH)max in J/m^3 at temperature_C (degC)."""
    @overload
    def max_energy_product(self, temperature_C: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """Maximum energy product (BH)max in J/m^3 at temperature_C (degC)."""
    def demag_curve(self, temperature_C: float = 20.0, points: int = 400) -> DemagnetizationCurve:
        """The major demagnetization curve at temperature_C (degC), sampled at `points` (2 to 1e8) fields from 0 to -HcJ: H in A/m, B and J in T."""
    def reversible_coefficients(self, from_C: float = 20.0, to_C: float = 150.0) -> TemperatureCoefficients:
        """alpha(Br) and beta(HcJ) in 1/K over [from_C, to_C] (degC)."""
    def curve_figures(self, temperature_C: float = 20.0) -> dict[str, float]:
        """HcB, HcJ, Hk (A/m), (BH)max (J/m^3), Br (T) and the (negative) field of (BH)max read off the curve."""
    @overload
    def operating_point(
        self,
        *,
        pc: float,
        temperature_C: float = 20.0,
        external_field: float = 0.0,
    ) -> OperatingPoint:
        """Load line B = -mu0 pc (H + external_field) meets the normal curve; external_field in A/m, positive opposing; arrays broadcast into an OperatingPoints."""
    @overload
    def operating_point(
        self,
        *,
        pc: numpy.typing.ArrayLike,
        temperature_C: numpy.typing.ArrayLike = 20.0,
        external_field: numpy.typing.ArrayLike = 0.0,
    ) -> OperatingPoints:
        """Load line B = -mu0 pc (H + external_field) meets the normal curve; external_field in A/m, positive opposing; arrays broadcast into an OperatingPoints."""
    @overload
    def irreversible_loss(
        self,
        *,
        pc: float | None = None,
        temperature_C: float,
        external_field: float = 0.0,
        shape: Cylinder | Block | Ring | None = None,
        external_field_kind: str = "applied",
    ) -> float:
        """Fraction of the moment lost irreversibly after 20 degC -> temperature_C -> 20 degC (0.03 = 3 %): at one load line pc, or over a shape's volume (each element on its own load line); nothing is lost inside the knee; external_field_kind 'applied' or 'in_magnet' (shape only); arrays broadcast."""
    @overload
    def irreversible_loss(
        self,
        *,
        pc: numpy.typing.ArrayLike | None = None,
        temperature_C: numpy.typing.ArrayLike,
        external_field: numpy.typing.ArrayLike = 0.0,
        shape: Cylinder | Block | Ring | None = None,
        external_field_kind: str = "applied",
    ) -> numpy.typing.NDArray[numpy.float64]:
        """Fraction of the moment lost irreversibly after 20 degC -> temperature_C -> 20 degC (0.03 = 3 %): at one load line pc, or over a shape's volume (each element on its own load line); nothing is lost inside the knee; external_field_kind 'applied' or 'in_magnet' (shape only); arrays broadcast."""
    @overload
    def max_operating_temperature(
        self,
        *,
        pc: float | None = None,
        max_loss: float = 0.0,
        external_field: float = 0.0,
        shape: Cylinder | Block | Ring | None = None,
        external_field_kind: str = "applied",
        criterion: str = "local",
    ) -> float:
        """Highest temperature in degC within max_loss for a shape (0: onset, no part past its knee) or a pc read as makers do (the neutral-section Pc of a cylinder, then its local fields); criterion='average_knee': one load line at pc (the older test)."""
    @overload
    def max_operating_temperature(
        self,
        *,
        pc: numpy.typing.ArrayLike | None = None,
        max_loss: numpy.typing.ArrayLike = 0.0,
        external_field: numpy.typing.ArrayLike = 0.0,
        shape: Cylinder | Block | Ring | None = None,
        external_field_kind: str = "applied",
        criterion: str = "local",
    ) -> numpy.typing.NDArray[numpy.float64]:
        """Highest temperature in degC within max_loss for a shape (0: onset, no part past its knee) or a pc read as makers do (the neutral-section Pc of a cylinder, then its local fields); criterion='average_knee': one load line at pc (the older test)."""
    def local_demagnetization(
        self,
        *,
        shape: Cylinder | Block | Ring,
        points: numpy.typing.ArrayLike,
        temperature_C: float,
        external_field: float = 0.0,
        external_field_kind: str = "applied",
    ) -> dict[str, Any]:
        """State at points (m) inside a shape at temperature_C: {'permeance', 'H' (A/m), 'knee_margin', 'reversed_share'} arrays (floats for one (3,) point)."""
    def rated_temperature(self) -> dict[str, Any]:
        """The makers' rating computed (L/D = 0.7 cylinder, no external field, no part past its knee): {'temperature_C', 'limited_by': 'knee' | 'model_range', 'permeance', 'datasheet_C': float | None}."""
    def min_operating_temperature(self, *, pc: float, max_loss: float = 0.0, external_field: float = 0.0) -> float:
        """Lowest temperature in degC with the same criterion (the cold limit of ferrite)."""
    def field_on_axis_cylinder(self, *, length: float, diameter: float, distance: float, temperature_C: float = 20.0) -> float:
        """On-axis flux density in T at distance (m) from a pole face of an axially magnetized cylinder (m)."""
    def field_on_axis_block(
        self, *, length: float, width: float, height: float, distance: float, temperature_C: float = 20.0
    ) -> float:
        """On-axis flux density in T at distance (m) from the centre of a pole face of a block along length (m)."""
    @staticmethod
    def fit_curves(
        curves: Mapping[float, tuple[numpy.typing.ArrayLike, numpy.typing.ArrayLike]],
        family: str,
        kind: str = "J",
        process: str | None = None,
        name: str | None = None,
    ) -> Magnet:
        """A magnet fitted to measured curves {temperature_C: (H in A/m, J or B in T)}: Br, HcJ, squareness per temperature and one recoil permeability (robust Levenberg-Marquardt); the family's physics model carries the values beyond the measured temperatures."""
    @property
    def fit_report(self) -> CurveFit | None:
        """The CurveFit a magnet from fit_curves rests on (None for other magnets)."""
    @property
    def measured_temperature_range(self) -> tuple[float, float] | None:
        """(lowest, highest) measured temperature in degC of a fitted magnet, else None."""
    def is_extrapolated(self, temperature_C: float | numpy.typing.ArrayLike) -> bool | numpy.typing.NDArray[numpy.bool_]:
        """True where a fitted magnet's values at temperature_C (degC) lie outside its measured temperatures; False for magnets without measured curves."""
    def to_grade_json(self, source: str = "MEASURED-CURVES") -> str:
        """A fitted magnet as a grade file (materials/grades format) that Catalog.load / Catalog.extend read back into the same magnet."""
    def __repr__(self) -> str:
        """Magnet('<formula>', process='<process>')."""

class FittedCurve:
    """One measured curve's fitted parameters (SI) with standard uncertainties, and the residuals of J (T)."""

    @property
    def temperature_C(self) -> float:
        """The curve's temperature in degC."""
    @property
    def remanence(self) -> float:
        """Br in T."""
    @property
    def remanence_uncertainty(self) -> float:
        """Standard uncertainty of Br in T."""
    @property
    def intrinsic_coercivity(self) -> float:
        """HcJ in A/m."""
    @property
    def intrinsic_coercivity_uncertainty(self) -> float:
        """Standard uncertainty of HcJ in A/m."""
    @property
    def squareness(self) -> float:
        """q = Hk/HcJ."""
    @property
    def squareness_uncertainty(self) -> float:
        """Standard uncertainty of q."""
    @property
    def knee_field(self) -> float:
        """Hk = q HcJ in A/m."""
    @property
    def rms_residual(self) -> float:
        """Root-mean-square residual of J over the curve's points, in T."""
    @property
    def max_residual(self) -> float:
        """Largest |J data - J model| in T."""
    @property
    def points(self) -> int:
        """Number of measured points."""
    def to_dict(self) -> dict[str, float]:
        """The values as a dict (SI, temperature in degC)."""
    def __repr__(self) -> str:
        """Temperature, Br, HcJ, q and the rms residual."""

class CurveFit:
    """The report of Magnet.fit_curves: one FittedCurve per measured temperature (ascending) and the shared recoil permeability."""

    @property
    def curves(self) -> list[FittedCurve]:
        """The fitted curves, by ascending temperature."""
    @property
    def temperatures_C(self) -> list[float]:
        """The measured temperatures in degC."""
    @property
    def recoil_permeability(self) -> float:
        """The recoil permeability shared by all curves (relative)."""
    @property
    def recoil_permeability_uncertainty(self) -> float:
        """Its standard uncertainty."""
    def to_dict(self) -> dict[str, Any]:
        """The report as plain data."""
    def polarization(self, temperature_C: float, H: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """J (T) of the fitted model at a measured temperature (degC) and fields H (A/m)."""
    def __len__(self) -> int:
        """Number of curves."""
    def __repr__(self) -> str:
        """A table of the parameters with uncertainties and residuals."""

class OperatingPoint:
    """Where the load line meets the normal curve: H in A/m, B and J in T, beyond_knee, temperature_C (degC)."""

    @property
    def H(self) -> float:
        """Internal field in A/m (negative when demagnetizing)."""
    @property
    def B(self) -> float:
        """Flux density in T."""
    @property
    def J(self) -> float:
        """Polarization in T."""
    @property
    def beyond_knee(self) -> bool:
        """True when |H| exceeds the knee field Hk."""
    @property
    def temperature_C(self) -> float:
        """Temperature in degC."""
    def __repr__(self) -> str:
        """OperatingPoint(temperature_C=..., H=... A/m, B=... T, J=... T, beyond_knee=...)."""

class OperatingPoints:
    """Operating points of a sweep: H (A/m), B, J (T), beyond_knee and temperature_C as arrays of the broadcast shape."""

    @property
    def H(self) -> numpy.typing.NDArray[numpy.float64]:
        """Internal fields in A/m (negative when demagnetizing)."""
    @property
    def B(self) -> numpy.typing.NDArray[numpy.float64]:
        """Flux densities in T."""
    @property
    def J(self) -> numpy.typing.NDArray[numpy.float64]:
        """Polarizations in T."""
    @property
    def beyond_knee(self) -> numpy.typing.NDArray[numpy.bool_]:
        """True where |H| exceeds the knee field Hk."""
    @property
    def temperature_C(self) -> numpy.typing.NDArray[numpy.float64]:
        """Temperatures in degC."""
    @property
    def shape(self) -> tuple[int, ...]:
        """The broadcast shape of the sweep."""
    def __len__(self) -> int:
        """Number of operating points."""
    def __repr__(self) -> str:
        """OperatingPoints(shape=(...), n beyond the knee)."""

def permeance_coefficient_cylinder(*, length: float, diameter: float) -> float:
    """Pc = (1 - N)/N of an axially magnetized cylinder in free space (magnetometric N); metres in."""

def permeance_coefficient_block(*, length: float, width: float, height: float) -> float:
    """Pc of a block magnetized along length in free space (Aharoni's N); metres in."""


class Cylinder:
    """A cylinder magnetized along its axis; metres."""
    def __init__(self, *, length: float, diameter: float) -> None:
        """Cylinder(length=..., diameter=...)."""
    @property
    def length(self) -> float:
        """length in metres."""
    @property
    def diameter(self) -> float:
        """diameter in metres."""
    def demagnetizing_field(self, points: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """H_d / M at points (metres, (3,) or (n, 3); origin at the centre, z along the magnetization) of the shape uniformly magnetized along +z; inside, -H_d[..., 2] is the local axial demagnetizing factor."""
    def contains(self, points: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.bool_]:
        """True where each point (metres, (n, 3)) lies inside the magnet (boundary excluded)."""
    def volume_quadrature(self, order: int = 24) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
        """(points (n, 3) in metres, weights (n,) summing to 1) of a Gauss-Legendre volume quadrature."""
    def __repr__(self) -> str:
        """Cylinder(length=..., diameter=...)."""

class Block:
    """A block magnetized along length (z); width along x, height along y; metres."""
    def __init__(self, *, length: float, width: float, height: float) -> None:
        """Block(length=..., width=..., height=...)."""
    @property
    def length(self) -> float:
        """length in metres."""
    @property
    def width(self) -> float:
        """width in metres."""
    @property
    def height(self) -> float:
        """height in metres."""
    def demagnetizing_field(self, points: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """H_d / M at points (metres, (3,) or (n, 3); origin at the centre, z along the magnetization) of the shape uniformly magnetized along +z; inside, -H_d[..., 2] is the local axial demagnetizing factor."""
    def contains(self, points: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.bool_]:
        """True where each point (metres, (n, 3)) lies inside the magnet (boundary excluded)."""
    def volume_quadrature(self, order: int = 24) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
        """(points (n, 3) in metres, weights (n,) summing to 1) of a Gauss-Legendre volume quadrature."""
    def __repr__(self) -> str:
        """Block(length=..., width=..., height=...)."""

class Ring:
    """An axially magnetized ring; metres."""
    def __init__(self, *, length: float, outer_diameter: float, inner_diameter: float) -> None:
        """Ring(length=..., outer_diameter=..., inner_diameter=...)."""
    @property
    def length(self) -> float:
        """length in metres."""
    @property
    def outer_diameter(self) -> float:
        """outer_diameter in metres."""
    @property
    def inner_diameter(self) -> float:
        """inner_diameter in metres."""
    def demagnetizing_field(self, points: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """H_d / M at points (metres, (3,) or (n, 3); origin at the centre, z along the magnetization) of the shape uniformly magnetized along +z; inside, -H_d[..., 2] is the local axial demagnetizing factor."""
    def contains(self, points: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.bool_]:
        """True where each point (metres, (n, 3)) lies inside the magnet (boundary excluded)."""
    def volume_quadrature(self, order: int = 24) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
        """(points (n, 3) in metres, weights (n,) summing to 1) of a Gauss-Legendre volume quadrature."""
    def __repr__(self) -> str:
        """Ring(length=..., outer_diameter=..., inner_diameter=...)."""

def permeance_coefficients(shape: Cylinder | Block | Ring) -> dict[str, float]:
    """{'neutral_section', 'magnetometric', 'minimum_local'}: Pc = (1 - N)/N from the mid-plane average, the volume average and the largest local axial N."""

def demagnetizing_factor_cylinder(*, length: float, diameter: float) -> float:
    """Magnetometric demagnetizing factor of an axially magnetized cylinder; metres in. Accurate to
    rounding for length/diameter in [1e-12, 1e12]; DomainError outside."""

def demagnetizing_factor_block(*, length: float, width: float, height: float) -> float:
    """Magnetometric demagnetizing factor of a block along length (Aharoni); metres in. Accurate to
    rounding for side ratios up to 1e12 (largest/smallest); DomainError beyond."""

def permeance_coefficient(demagnetizing_factor: float) -> float:
    """Pc = (1 - N)/N for N in (0, 1]."""

def process_names(family: str) -> list[str]:
    """Process names shipped for a phase family ('r2fe14b', 'smco5', 'sm2co17', 'hexaferrite')."""

# --- catalog ------------------------------------------------------------------------------

class _DatasheetRange(TypedDict):
    min: float | None
    typical: float | None
    max: float | None
    nominal: float
    source: str

class _DatasheetValue(TypedDict):
    value: float
    source: str

class _DatasheetCoefficients(TypedDict):
    remanence: float | None
    intrinsic_coercivity: float | None
    from_C: float | None
    to_C: float | None
    interval_stated: bool
    source: str

class _DatasheetComposition(TypedDict):
    basis: str
    total_rare_earth: float | None
    Dy: float | None
    Tb: float | None
    Pr: float | None
    Co: float | None
    source: str
    method: str

class _Datasheet(TypedDict):
    name: str
    aliases: list[str]
    family: str
    kind: str
    description: str
    remanence: _DatasheetRange
    normal_coercivity: _DatasheetRange | None
    intrinsic_coercivity: _DatasheetRange
    max_energy_product: _DatasheetRange | None
    temperature_coefficients: _DatasheetCoefficients
    max_operating_temperature_C: float | None
    curie_temperature_C: float | None
    density: _DatasheetValue | None
    recoil_permeability: _DatasheetValue | None
    squareness: _DatasheetValue | None
    composition: _DatasheetComposition | None
    coercivity_letter_exception: _DatasheetValue | None
    file: str

class Grade(Magnet):
    """A catalog grade: a Magnet whose 20 degC values are its datasheet's and whose temperature behaviour follows the datasheet's coefficients inside their interval and the physics model outside it."""

    @property
    def density(self) -> float:
        """Mass density in kg/m^3: the datasheet's where printed, else the model's."""
    @property
    def datasheet(self) -> _Datasheet:
        """The datasheet in SI: ranges {'min','typical','max','nominal','source'} in T, A/m, J/m^3; coefficients in 1/K; temperatures in degC; density in kg/m^3."""
    @property
    def coercivity_coefficient_basis(self) -> str:
        """Where the beta(HcJ) anchoring this grade comes from: 'datasheet', 'class' or 'model'."""
    def __repr__(self) -> str:
        """Grade('<name>', family='<family>')."""

class Catalog:
    """An immutable catalog of magnet grades; a file with any problem is rejected whole (DataError lists file, JSON pointer and reason of each problem)."""

    @staticmethod
    def default() -> Catalog:
        """The grades shipped with magmat."""
    @staticmethod
    def load(path: _PathArg) -> Catalog:
        """A catalog of the grades in a file (the format of materials/grades/*.json); path is a str, bytes or os.PathLike naming a regular UTF-8 file of at most 64 MiB."""
    @staticmethod
    def from_json(text: str, label: str = "<string>") -> Catalog:
        """A catalog from JSON text; `label` names it in error messages."""
    def extend(self, path: _PathArg) -> Catalog:
        """A new catalog with this one's grades plus the file's (path as for load); this catalog is unchanged."""
    def merge(self, other: Catalog) -> Catalog:
        """A new catalog with the grades of both; clashing names are an error."""
    def __len__(self) -> int:
        """Number of grades."""
    def names(self) -> list[str]:
        """Grade names in catalog order."""
    def __contains__(self, name: str) -> bool:
        """True if name is a grade name or alias (case-insensitive)."""
    def __getitem__(self, name: str) -> Grade:
        """The Grade by name or alias, case-insensitive; an unknown name raises UnknownNameError suggesting the nearest names."""
    def __iter__(self) -> Iterator[Grade]:
        """Iterates over the grades (Grade objects) in catalog order."""
    def datasheet(self, name: str) -> _Datasheet:
        """The datasheet of a grade as plain data in SI (see Grade.datasheet)."""
    def suggestions(self, name: str, count: int = 3) -> list[str]:
        """The nearest grade names to `name`, best first."""
    def find(
        self,
        *,
        family: str | None = None,
        kind: str | None = None,
        min_intrinsic_coercivity: float | None = None,
        min_max_energy_product: float | None = None,
        max_heavy_rare_earth: float | None = None,
        temperature_C: float = 20.0,
    ) -> list[Grade]:
        """The grades passing every given filter: family (case-insensitive; 'ndfeb' = every NdFeB family), kind ('commercial' or 'literature'), min_intrinsic_coercivity (A/m) and min_max_energy_product (J/m^3) at temperature_C (degC), max_heavy_rare_earth (mass fraction 0..1)."""
    def to_dataframe(self) -> Any:
        """A pandas DataFrame, one row per grade: nominal, min and max in SI (T, A/m, J/m^3), coefficients in 1/K, temperatures in degC, density in kg/m^3; missing values NaN (needs pandas)."""
    def to_records(self) -> list[dict[str, Any]]:
        """One dict per grade: the columns of to_dataframe(), SI values, NaN where missing."""
    def to_table(self) -> Table:
        """The grades as a magmat.Table (units and sources per column): to_text(), to_csv(), to_json(), to_dataframe()."""
    def __repr__(self) -> str:
        """Catalog(<n> grades)."""

def coercivity_letter(grade_name: str) -> str:
    """The coercivity letter of a sintered NdFeB grade name ('N42SH' -> 'SH', 'N52' -> '')."""

def coercivity_classes() -> list[dict[str, Any]]:
    """The coercivity classes of sintered NdFeB: letter, minimum HcJ (A/m), published beta(HcJ) (1/K or None), its interval (degC) and sources."""
def _embedded_data_files(folder: str) -> list[tuple[str, str]]:
    """(path, text) of the material files compiled in under a folder of materials/ (private)."""
def _read_data_file(path: _PathArg) -> str:
    """The text of a user's data file through the library's one reader (private)."""
def coercivity_letter_minimum(letter: str) -> float | None:
    """The industry's minimum HcJ in A/m of a sintered NdFeB coercivity letter, or None."""

# --- design studies -----------------------------------------------------------------------

class Requirement:
    """What a magnet must do at temperature_C (degC): min HcJ (A/m) and/or a load line (Pc, allowed loss, external field in A/m); optional min Br (T) and (BH)max (J/m^3) at 20 degC."""

    def __init__(
        self,
        *,
        temperature_C: float,
        min_intrinsic_coercivity: float | None = None,
        permeance: float | None = None,
        max_irreversible_loss: float = 0.0,
        external_field: float = 0.0,
        min_remanence: float | None = None,
        min_max_energy_product: float | None = None,
        shape: Cylinder | Block | Ring | None = None,
        external_field_kind: str = "applied",
        min_remanence_at_temperature: float | None = None,
        knee_margin: float = 0.0,
        duty: Sequence[tuple[float, float]] | None = None,
    ) -> None:
        """Validates the requirement (DomainError names the bad field); shape instead of permeance judges the magnet over its volume; duty: further (temperature_C, external_field) points that must all hold."""
    @property
    def temperature_C(self) -> float:
        """Operating temperature in degC."""
    @property
    def min_intrinsic_coercivity(self) -> float | None:
        """Minimum HcJ at temperature_C in A/m."""
    @property
    def permeance(self) -> float | None:
        """Permeance coefficient of the load line."""
    @property
    def shape(self) -> Cylinder | Block | Ring | None:
        """The magnet's shape (instead of a permeance), or None."""
    @property
    def external_field_kind(self) -> str:
        """'applied' (a load-line shift) or 'in_magnet' (added to every part's internal field; shape only)."""
    @property
    def max_irreversible_loss(self) -> float:
        """Allowed irreversible loss (0: knee not crossed)."""
    @property
    def external_field(self) -> float:
        """Extra reverse field in A/m (positive opposes the magnetization)."""
    @property
    def min_remanence(self) -> float | None:
        """Minimum Br at 20 degC in T."""
    @property
    def min_remanence_at_temperature(self) -> float | None:
        """Minimum Br at temperature_C in T."""
    @property
    def knee_margin(self) -> float:
        """Required knee margin (Hk - |H|)/Hk at the most exposed point (onset criterion)."""
    @property
    def duty(self) -> list[tuple[float, float]]:
        """Further (temperature_C, external_field) points that must hold."""
    @property
    def min_max_energy_product(self) -> float | None:
        """Minimum (BH)max at 20 degC in J/m^3."""
    def check(self, magnet: Magnet) -> tuple[bool, str]:
        """(met, reason) for a magnet."""
    def __repr__(self) -> str:
        """Requirement(temperature_C=..., ...)."""

class StudyRow:
    """One strategy's result; dicts are keyed by element symbol (Nd, Pr, Dy, Tb, Ce, La, Sm, Co)."""

    @property
    def strategy(self) -> str:
        """Strategy name."""
    @property
    def feasible(self) -> bool:
        """Whether the strategy meets the requirement."""
    @property
    def reason(self) -> str:
        """Why it is infeasible ("" when feasible)."""
    @property
    def level(self) -> float:
        """Solved Dy/Tb mass fraction, or the substitute's share of the rare-earth site."""
    @property
    def assumptions(self) -> list[dict[str, str]]:
        """The [D] and [U] parameters the answer rests on: {'parameter', 'source', 'confidence': 'D' | 'U'}."""
    @property
    def rests_on_unconfirmed(self) -> bool:
        """True when an assumption is unconfirmed ([U])."""
    @property
    def validation(self) -> Any:
        """The published figures validating this row's magnet class (a magmat.ValidationReport), or None."""
    @property
    def magnet_mass_kg(self) -> float:
        """This strategy's magnet per unit in kg (scaled like for like with equal='flux' | 'energy')."""
    @property
    def magnet(self) -> Magnet | None:
        """The solved magnet."""
    @property
    def dy_mass_fraction(self) -> float:
        """Dy, kg per kg of magnet (NaN when infeasible)."""
    @property
    def tb_mass_fraction(self) -> float:
        """Tb, kg per kg of magnet (NaN when infeasible)."""
    @property
    def nd_mass_fraction(self) -> float:
        """Nd, kg per kg of magnet (NaN when infeasible)."""
    @property
    def rare_earth_mass_fraction(self) -> float:
        """All rare earths, kg per kg (NaN when infeasible)."""
    @property
    def heavy_rare_earth_mass_fraction(self) -> float:
        """Heavy rare earths, kg per kg (NaN when infeasible)."""
    @property
    def mass_fractions(self) -> dict[str, float]:
        """kg per kg of magnet."""
    @property
    def kg_per_unit(self) -> dict[str, float]:
        """kg per unit."""
    @property
    def tonnes_per_year(self) -> dict[str, float]:
        """t per year."""
    @property
    def saving_vs_baseline(self) -> dict[str, float]:
        """t per year saved against the baseline (negative: more used)."""
    @property
    def cost_per_kg(self) -> float | None:
        """Raw-material cost per kg of magnet (price table currency); None if an element is unpriced."""
    @property
    def rare_earth_cost_per_kg(self) -> float | None:
        """The rare earths' part of that cost; None if a rare earth is unpriced."""
    @property
    def unpriced_elements(self) -> list[str]:
        """Elements of the magnet without a price in the table."""
    def __repr__(self) -> str:
        """StudyRow('<strategy>', ...)."""

class Study:
    """A design study: study['gbd_tb'], iteration over StudyRow, to_dataframe()."""

    def __getitem__(self, strategy: str) -> StudyRow:
        """The row of a strategy (UnknownNameError if absent)."""
    def __iter__(self) -> Iterator[StudyRow]:
        """Rows in table order."""
    def __len__(self) -> int:
        """Number of strategies."""
    @property
    def rows(self) -> list[StudyRow]:
        """Rows in table order."""
    @property
    def baseline(self) -> str:
        """Baseline strategy of the savings."""
    @property
    def equal(self) -> str:
        """What the rows' magnet masses were made equal in: 'mass', 'flux' or 'energy'."""
    @property
    def baseline_note(self) -> str:
        """Why savings are missing, if they are."""
    @property
    def requirement(self) -> Requirement:
        """The requirement solved for."""
    @property
    def magnet_tonnes_per_year(self) -> float:
        """Magnet demand the yearly tonnages refer to, t/year."""
    @property
    def price_table(self) -> str:
        """Name of the price table of the costs."""
    @property
    def currency(self) -> str:
        """Currency of the costs."""
    def to_dataframe(self) -> Any:
        """A pandas DataFrame, one row per strategy (mass fractions, kg/unit, t/year, savings)."""
    def to_records(self) -> list[dict[str, Any]]:
        """One dict per strategy: the columns of to_dataframe(), SI values, NaN where missing."""
    def to_table(self) -> Table:
        """The rows as a magmat.Table (units per column): to_text(), to_csv(), to_json(), to_dataframe()."""
    def __repr__(self) -> str:
        """Study(N strategies, baseline '...')."""

def design_study(
    requirement: Requirement,
    strategies: list[str] | None = None,
    *,
    baseline: str | Magnet = "bulk_dy",
    magnet_mass_kg: float = 1.0,
    units_per_year: float = 0.0,
    magnet_tonnes_per_year: float | None = None,
    gbd_efficiency: float | None = None,
    tb_dy_effectiveness: float | None = None,
    lanthanum_share: float | None = None,
    magnet_thickness: float | None = None,
    prices: PriceTable | None = None,
    equal: str = "mass",
    pr_share: float | None = None,
) -> Study:
    """Solve the strategies for the requirement and account rare earths per kg, unit (kg) and year (t); baseline: a strategy's name or a Magnet of one's own (checked, not solved); equal='flux' | 'energy' scales each magnet's mass to the baseline's flux or energy at temperature."""

def strategy_names() -> list[str]:
    """Names of the shipped design strategies, in table order."""

def strategy_magnet(strategy: str, level: float, *, pr_share: float | None = None) -> Magnet:
    """The magnet a strategy makes at a level (Dy/Tb mass fraction or substitute share)."""
# --- prices and supply scenarios ----------------------------------------------------------

class PriceTable:
    """Element prices in a currency per kg of contained element, with date, basis and a source note per element."""

    def __init__(
        self,
        name: str,
        currency: str,
        date: str,
        basis: str,
        prices: Mapping[Element | str, float],
        sources: Mapping[Element | str, str] | None = None,
    ) -> None:
        """A table from prices in `currency` per kg of element; each price must be finite and >= 0."""
    @property
    def name(self) -> str:
        """Table name, e.g. 'usgs_mcs_2019'."""
    @property
    def currency(self) -> str:
        """Currency, e.g. 'USD'."""
    @property
    def date(self) -> str:
        """The period the prices refer to."""
    @property
    def basis(self) -> str:
        """What the prices are (oxide or metal, per kg of contained element)."""
    @property
    def prices(self) -> dict[str, float]:
        """{symbol: price per kg of contained element}."""
    @property
    def sources(self) -> dict[str, str]:
        """{symbol: source key, form and conversion}."""
    def with_shock(self, factor: float, elements: Sequence[Element | str] | None = None) -> PriceTable:
        """A copy with the prices of `elements` (default: every rare earth in the table) multiplied by factor."""
    def __repr__(self) -> str:
        """PriceTable('<name>', currency=..., date=..., <n> elements)."""

def default_price_table() -> PriceTable:
    """The shipped price table (materials/prices/usgs_mcs_2019.json)."""

def load_price_table(path: _PathArg) -> PriceTable:
    """A price table from a file in the format of materials/prices/*.json (path: str, bytes or os.PathLike naming a regular UTF-8 file of at most 64 MiB)."""

def raw_material_cost(composition: Composition | str | dict[str, float], prices: PriceTable | None = None) -> float:
    """Raw-material cost per kg of magnet in the table's currency; an element without a price raises UnknownNameError."""

class SupplyScenario:
    """A yearly tonnage series from the METI policy (t/year), with its source and location in it."""

    @property
    def name(self) -> str:
        """Scenario name (file name without .json)."""
    @property
    def description(self) -> str:
        """What the series is."""
    @property
    def quantity(self) -> str:
        """E.g. 'NdFeB demand', 'recoverable end-of-life NdFeB', 'Sm demand'."""
    @property
    def unit(self) -> str:
        """Always 't/year'."""
    @property
    def region(self) -> str:
        """'world' or 'Japan'."""
    @property
    def source(self) -> str:
        """Reference key in materials/references.json."""
    @property
    def location(self) -> str:
        """Where in the source the figures stand."""
    @property
    def quote(self) -> str:
        """The source's sentence."""
    @property
    def years(self) -> numpy.typing.NDArray[numpy.float64]:
        """The given years."""
    @property
    def values(self) -> numpy.typing.NDArray[numpy.float64]:
        """The given values in t/year."""
    @overload
    def at(self, year: float, extrapolate: bool = False) -> float:
        """Value in t/year at year: exact at given years, linear between them; outside the range DomainError unless extrapolate=True."""
    @overload
    def at(self, year: numpy.typing.ArrayLike, extrapolate: bool = False) -> numpy.typing.NDArray[numpy.float64]:
        """Value in t/year at year: exact at given years, linear between them; outside the range DomainError unless extrapolate=True."""
    def __repr__(self) -> str:
        """SupplyScenario('<name>', quantity=..., region=...)."""

def supply_scenario(name: str) -> SupplyScenario:
    """The shipped scenario by name; an unknown name raises UnknownNameError listing the known names."""

def supply_scenario_names() -> list[str]:
    """Names of the shipped scenarios, sorted."""

def element_tonnes(
    magnet_tonnes: float,
    composition: Composition | str | dict[str, float] | Sequence[tuple[Composition | str | dict[str, float], float]],
) -> dict[str, float]:
    """{symbol: t} in magnet_tonnes t of a magnet or of a mix [(composition, share), ...] (shares sum to 1 within 1e-6)."""

def compound_tonnes_from_element(
    element_tonnes: float, compound: Composition | str | dict[str, float], element: Element | str
) -> float:
    """Tonnes of compound containing element_tonnes t of element (80 t Sm -> 236.7 t SmCo5)."""

def recycled_element_tonnes(
    scenario: SupplyScenario,
    year: float,
    scrap_composition: Composition | str | dict[str, float],
    recovery_yield: float = 1.0,
) -> dict[str, float]:
    """{symbol: t} recovered in year from a recoverable-scrap scenario, scrap composition and yield in (0, 1]."""
# --- policy (METI 2025 programme criteria; first-order motor estimates) -------------------

POLICY_THRESHOLDS: dict[str, float]
"""The programme's numbers: max_energy_product 150e3 J/m^3 and intrinsic_coercivity 800e3 A/m at temperature_C 20 degC (Ch. 3 Sec. 2); rated_speed_rpm 10000 and torque_density 50 Nm/L (Ch. 2 Sec. 2 (3))."""

class PolicyCheck:
    """The magnet criteria for one magnet: passes is the numeric criterion for any family; smco_eligible marks SmCo (eligible by rule); eligible is the whole rule."""

    @property
    def name(self) -> str:
        """The magnet's name (grade name or formula)."""
    @property
    def family(self) -> str:
        """Magnet.family: 'ndfeb_sintered', 'ndfeb_hot_deformed', 'ndfeb_bonded', 'smco5', 'sm2co17' or 'ferrite'."""
    @property
    def temperature_C(self) -> float:
        """Temperature of the check in degC (20 = the criteria's room temperature)."""
    @property
    def passes(self) -> bool:
        """max_energy_product_ok and coercivity_ok (the numeric criterion, any family)."""
    @property
    def max_energy_product_ok(self) -> bool:
        """(BH)max >= 150 kJ/m^3."""
    @property
    def coercivity_ok(self) -> bool:
        """HcJ >= 800 kA/m."""
    @property
    def smco_eligible(self) -> bool:
        """True for SmCo5 and Sm2Co17 magnets, eligible whatever their numbers."""
    @property
    def eligible(self) -> bool:
        """smco_eligible, or an NdFeB magnet that passes; never a ferrite."""
    @property
    def max_energy_product(self) -> float:
        """(BH)max in J/m^3 at temperature_C."""
    @property
    def intrinsic_coercivity(self) -> float:
        """HcJ in A/m at temperature_C."""
    @property
    def margins(self) -> dict[str, float]:
        """{'max_energy_product': J/m^3, 'intrinsic_coercivity': A/m}: value minus threshold, positive above it."""
    def __repr__(self) -> str:
        """PolicyCheck('<name>', family=..., passes=..., (BH)max and HcJ with margins, smco_eligible, eligible)."""

class MotorCheck:
    """The motor target for a stated motor: rated speed >= 10,000 rpm and torque density >= 50 Nm/L."""

    @property
    def passes(self) -> bool:
        """speed_ok and torque_density_ok."""
    @property
    def speed_ok(self) -> bool:
        """rated_speed_rpm >= 10,000."""
    @property
    def torque_density_ok(self) -> bool:
        """torque_density >= 50 Nm/L."""
    @property
    def torque_density(self) -> float:
        """torque_Nm / active_volume_L in Nm/L."""
    @property
    def rated_speed_rpm(self) -> float:
        """Rated speed in rpm."""
    @property
    def torque_Nm(self) -> float:
        """Rated torque in N m."""
    @property
    def active_volume_L(self) -> float:
        """The volume the torque density is per, in litres."""
    @property
    def margins(self) -> dict[str, float]:
        """{'rated_speed_rpm': rpm, 'torque_density': Nm/L}: value minus threshold, positive above it."""
    def __repr__(self) -> str:
        """MotorCheck(rated_speed_rpm=..., torque_density=... Nm/L, passes=..., speed_ok=..., torque_density_ok=...)."""

class TorqueDensityEstimate:
    """A first-order estimate (not a motor design) of a surface-magnet machine's torque density."""

    @property
    def air_gap_flux_density(self) -> float:
        """B_g under the magnet in T."""
    @property
    def fundamental_flux_density(self) -> float:
        """Peak B1 of the fundamental of the gap flux density wave in T."""
    @property
    def torque_per_rotor_volume(self) -> float:
        """sqrt(2) B1 A in Nm/m^3."""
    @property
    def torque_density(self) -> float:
        """torque_per_rotor_volume x rotor_volume_fraction in Nm/L."""
    def __repr__(self) -> str:
        """TorqueDensityEstimate(first-order estimate: B_gap, B1, torque_per_rotor_volume, torque_density)."""

def check_policy(magnet: Magnet, temperature_C: float = 20.0) -> PolicyCheck:
    """The programme's magnet criteria ((BH)max >= 150 kJ/m^3, HcJ >= 800 kA/m; room temperature = 20 degC) for magnet at temperature_C."""

def check_motor(*, rated_speed_rpm: float, torque_Nm: float, active_volume_L: float) -> MotorCheck:
    """The programme's motor target (>= 10,000 rpm, >= 50 Nm/L) for a stated motor; DomainError naming a negative or NaN argument."""

def air_gap_flux_density(magnet: Magnet, *, magnet_thickness: float, air_gap: float, temperature_C: float = 20.0) -> float:
    """First-order estimate Br t_m / (t_m + mu_rec g) in T of a surface-mounted magnet; metres in."""

def torque_per_rotor_volume(*, air_gap_flux_density: float, electric_loading: float) -> float:
    """First-order estimate sqrt(2) B1 A in Nm/m^3 (B1 peak fundamental in T, A rms electric loading in A/m)."""

def estimate_torque_density(
    magnet: Magnet,
    *,
    magnet_thickness: float,
    air_gap: float,
    electric_loading: float,
    pole_arc_fraction: float = 1.0,
    rotor_volume_fraction: float = 1.0,
    temperature_C: float = 20.0,
) -> TorqueDensityEstimate:
    """First-order estimate of a surface-magnet machine's torque density from the magnet, its thickness and gap (m), electric loading (A/m), pole arc and rotor volume fractions."""

# --- batch evaluation ---------------------------------------------------------------------

@overload
def evaluate(
    candidates: Mapping[str | Element, numpy.typing.ArrayLike],
    temperature_C: float | numpy.typing.ArrayLike = 20.0,
    process: str = "sintered",
    threads: int = 1,
    errors: str = "raise",
    progress: bool = False,
) -> dict[str, numpy.typing.NDArray[Any]]:
    """Many candidates (element -> 1-D mass percent arrays, or a DataFrame; rows sum to 100, no Fe balance added) at once, with the scalar API's formulas on SIMD blocks of rows: dict of arrays (DataFrame in, DataFrame out) with remanence (T), intrinsic_coercivity, normal_coercivity (A/m), max_energy_product (J/m^3), rare_earth_mass_fraction, heavy_rare_earth_mass_fraction, policy_pass; errors='raise' names the first invalid row, errors='mask' gives NaN and a 'valid' array; progress=True shows a tqdm bar for sweeps over a second (RuntimeWarning without tqdm); runs without the GIL."""
@overload
def evaluate(
    candidates: Any,
    temperature_C: float | numpy.typing.ArrayLike = 20.0,
    process: str = "sintered",
    threads: int = 1,
    errors: str = "raise",
    progress: bool = False,
) -> Any:
    """Many candidates (element -> 1-D mass percent arrays, or a DataFrame; rows sum to 100, no Fe balance added) at once, with the scalar API's formulas on SIMD blocks of rows: dict of arrays (DataFrame in, DataFrame out) with remanence (T), intrinsic_coercivity, normal_coercivity (A/m), max_energy_product (J/m^3), rare_earth_mass_fraction, heavy_rare_earth_mass_fraction, policy_pass; errors='raise' names the first invalid row, errors='mask' gives NaN and a 'valid' array; progress=True shows a tqdm bar for sweeps over a second (RuntimeWarning without tqdm); runs without the GIL."""

def mass_fractions(
    formulas: Sequence[str], elements: Sequence[str | Element]
) -> dict[str, numpy.typing.NDArray[numpy.float64]]:
    """Mass fraction of each element in each formula, parsed in C++: dict symbol -> array (one entry per formula); ParseError with 'formulas[i]: ...'."""

def pareto_front(
    result: Mapping[str, numpy.typing.ArrayLike] | Any,
    minimize: Sequence[str] | None = None,
    maximize: Sequence[str] | None = None,
) -> numpy.typing.NDArray[numpy.int64]:
    """Positional indices (ascending) of the non-dominated rows of an evaluate() result for the named columns; NaN rows left out; O(n log n) up to three objectives; runs without the GIL, Ctrl-C raises KeyboardInterrupt."""

def batch_kernel() -> str:
    """The SIMD kernel evaluate() runs: 'avx2' (AVX2 + FMA, chosen at run time where the CPU has both) or 'baseline'; MAGMAT_SIMD=baseline forces 'baseline'."""
