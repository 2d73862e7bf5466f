"""magmat: properties and rare-earth footprint of permanent-magnet materials.

Quantities cross the Python boundary as plain SI floats or float64 NumPy arrays
(T, A/m, J/m^3, kg, m, kg/mol); temperatures are in degrees Celsius in arguments named
``temperature_C``. Industry units (kG, kOe, MGOe) are converted explicitly with
:func:`convert` or the helpers in :mod:`magmat.units`.
"""

from __future__ import annotations

import types

try:
    from . import _core
except ImportError as _missing:  # pragma: no cover - only when the extension was not built
    raise ImportError(
        "magmat's compiled extension (magmat._core) is missing. Build and install the package "
        "from the source tree with `pip install .` (needs the Debian packages libeigen3-dev "
        "libboost-dev libfmt-dev nlohmann-json3-dev and a C++20 compiler), or run the README's "
        "set-up command."
    ) from _missing

from ._core import (
    ATOMIC_WEIGHTS_VERSION,
    Block,
    Catalog,
    Cylinder,
    Composition,
    DataError,
    DomainError,
    Element,
    Grade,
    InfeasibleError,
    MagmatError,
    Magnet,
    MagnetProperties,
    MotorCheck,
    OperatingPoint,
    OperatingPoints,
    POLICY_THRESHOLDS,
    ParseError,
    Phase,
    Requirement,
    Study,
    StudyRow,
    PriceTable,
    SupplyScenario,
    PolicyCheck,
    Ring,
    TemperatureCoefficients,
    TorqueDensityEstimate,
    UnknownNameError,
    CompositionWarning,
    CurveFit,
    ExtrapolationWarning,
    FittedCurve,
    air_gap_flux_density,
    batch_kernel,
    check_motor,
    check_policy,
    coercivity_classes,
    coercivity_letter,
    coercivity_letter_minimum,
    compound_tonnes_from_element,
    convert,
    default_price_table,
    demagnetizing_factor_block,
    demagnetizing_factor_cylinder,
    design_study,
    element,
    element_tonnes,
    formula_reading,
    elements,
    load_price_table,
    estimate_torque_density,
    evaluate,
    mass_fractions,
    pareto_front,
    permeance_coefficient,
    permeance_coefficient_block,
    permeance_coefficient_cylinder,
    permeance_coefficients,
    phase,
    phase_ids,
    process_names,
    raw_material_cost,
    recycled_element_tonnes,
    si_unit,
    strategy_magnet,
    strategy_names,
    supply_scenario,
    supply_scenario_names,
    torque_per_rotor_volume,
)
from . import export, table, units, validation
from ._curve_files import read_curves
from .table import Column, Table, rare_earth_content_table
from .validation import ValidationReport, grade_coefficient_report, grade_rating_report, validation_for, validation_report
from . import _html, _pickling

_html.install()  # Jupyter renders magnets, properties, catalogs and studies as HTML tables
_pickling.install()  # look-up records pickle as the call that makes them

__version__ = "0.1.0"


def __getattr__(name: str) -> types.ModuleType:
    # The plotting submodule (matplotlib, an optional dependency) is loaded lazily, on first
    # use as ``magmat.plot`` (``import magmat.plot`` and ``from magmat import plot`` work too),
    # never by ``import magmat``; it is not in __all__, so ``from magmat import *`` skips it.
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ATOMIC_WEIGHTS_VERSION",
    "Block",
    "Catalog",
    "Column",
    "Cylinder",
    "Composition",
    "DataError",
    "DomainError",
    "Element",
    "Grade",
    "InfeasibleError",
    "MagmatError",
    "Magnet",
    "MagnetProperties",
    "MotorCheck",
    "OperatingPoint",
    "OperatingPoints",
    "POLICY_THRESHOLDS",
    "ParseError",
    "Phase",
    "Requirement",
    "Study",
    "StudyRow",
    "PriceTable",
    "SupplyScenario",
    "PolicyCheck",
    "Ring",
    "Table",
    "TemperatureCoefficients",
    "TorqueDensityEstimate",
    "UnknownNameError",
    "CompositionWarning",
    "CurveFit",
    "ExtrapolationWarning",
    "FittedCurve",
    "__version__",
    "air_gap_flux_density",
    "batch_kernel",
    "check_motor",
    "check_policy",
    "coercivity_classes",
    "coercivity_letter",
    "coercivity_letter_minimum",
    "compound_tonnes_from_element",
    "convert",
    "default_price_table",
    "demagnetizing_factor_block",
    "demagnetizing_factor_cylinder",
    "design_study",
    "element",
    "element_tonnes",
    "formula_reading",
    "elements",
    "estimate_torque_density",
    "evaluate",
    "export",
    "load_price_table",
    "mass_fractions",
    "pareto_front",
    "permeance_coefficient",
    "permeance_coefficient_block",
    "permeance_coefficient_cylinder",
    "permeance_coefficients",
    "phase",
    "phase_ids",
    "process_names",
    "read_curves",
    "rare_earth_content_table",
    "raw_material_cost",
    "recycled_element_tonnes",
    "si_unit",
    "strategy_magnet",
    "strategy_names",
    "supply_scenario",
    "supply_scenario_names",
    "torque_per_rotor_volume",
    "table",
    "units",
    "validation",
    "ValidationReport",
    "grade_coefficient_report",
    "grade_rating_report",
    "validation_for",
    "validation_report",
]
