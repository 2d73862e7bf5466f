"""A user's script: grades, compositions, properties at temperature, curves and units.

Checked by ``mypy --strict`` against the installed package and run by
tests/python/test_typing.py, so the annotations below are what a type checker infers.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

import magmat as mm


def grade_at_temperature() -> None:
    catalog: mm.Catalog = mm.Catalog.default()
    g: mm.Grade = catalog["N42SH"]
    br: float = g.remanence(150.0)  # one temperature: a float (T)
    hcj: float = g.intrinsic_coercivity(150.0)  # A/m
    temperatures = np.linspace(20.0, 150.0, 5)
    br_sweep: npt.NDArray[np.float64] = g.remanence(temperatures)  # an array in: an array out
    assert br_sweep.shape == (5,) and abs(br_sweep[-1] - br) < 1e-12
    assert hcj > 0.0

    props: mm.MagnetProperties = g.properties(temperature_C=150.0)
    bh_MGOe: float = mm.units.J_per_m3_to_MGOe(props.max_energy_product)
    hcj_kOe: float = mm.convert(props.intrinsic_coercivity, "A/m", "kOe")
    assert bh_MGOe > 0.0 and hcj_kOe > 0.0

    coefficients: mm.TemperatureCoefficients = g.reversible_coefficients(from_C=20.0, to_C=150.0)
    alpha: float = coefficients.remanence  # 1/K, negative for NdFeB
    assert alpha < 0.0

    found: list[mm.Grade] = catalog.find(family="NdFeB", min_intrinsic_coercivity=1.5e6)  # A/m
    assert found and all(grade.name in catalog for grade in found)


def demagnetization_curve() -> None:
    g = mm.Catalog.default()["N42SH"]
    curve = g.demag_curve(temperature_C=150.0, points=50)
    h: npt.NDArray[np.float64] = curve.H  # A/m, from 0 to -HcJ
    b: npt.NDArray[np.float64] = curve.B  # T
    assert len(curve) == 50 and h.shape == b.shape


def magnet_from_composition() -> None:
    m: mm.Magnet = mm.Magnet.from_composition({"Nd": 29.0, "Dy": 2.0, "Fe": 68.0, "B": 1.0}, process="sintered")
    dy: float = m.composition.mass_fraction("Dy")  # kg/kg
    kg_dy: dict[str, float] = m.composition.element_masses(1.5)  # kg of each element in 1.5 kg
    heavy: float = m.composition.heavy_rare_earth_mass_fraction()
    assert abs(dy - 0.02) < 1e-9 and kg_dy["Dy"] > 0.0 and heavy >= dy

    nd: mm.Composition = mm.Composition.from_formula("(Nd0.8Dy0.2)2Fe14B")
    field: float = mm.phase("(Nd0.8Dy0.2)2Fe14B").anisotropy_field(temperature_C=150.0)  # A/m
    table: list[dict[str, object]] = [{"formula": nd.formula, "Dy": nd.mass_fraction("Dy"), "HA": field}]
    assert table[0]["HA"] == field


def errors_are_value_and_key_errors() -> None:
    try:
        mm.Composition.from_formula("Nd2Fe14Xx")
    except ValueError as error:  # mm.ParseError
        assert isinstance(error, mm.ParseError)
    else:
        raise AssertionError("an unknown element parsed")
    try:
        mm.Catalog.default()["N99XX"]
    except KeyError as error:  # mm.UnknownNameError
        assert isinstance(error, mm.UnknownNameError)
    else:
        raise AssertionError("an unknown grade was found")
    try:
        mm.Catalog.default()["N42SH"].remanence(-300.0)  # below absolute zero
    except mm.DomainError as error:
        message: str = str(error)
        assert "temperature" in message


def main() -> None:
    grade_at_temperature()
    demagnetization_curve()
    magnet_from_composition()
    errors_are_value_and_key_errors()


if __name__ == "__main__":
    main()
