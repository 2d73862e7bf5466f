"""Tests of magmat.convert, magmat.si_unit and the magmat.units converters."""
import math

import numpy as np
import pytest

import magmat as mm
from magmat import units


def test_kOe_to_kA_per_m_acceptance():
    assert abs(mm.convert(12.0, "kOe", "kA/m") - 954.93) < 0.01


def test_MGOe_to_kJ_per_m3_acceptance():
    assert abs(mm.convert(1.0, "MGOe", "kJ/m3") - 7.9577) < 1e-4


@pytest.mark.parametrize(
    "value, from_unit, to_unit, expected",
    [
        pytest.param(1.0, "T", "kG", 10.0, id="1 T is 10 kG"),
        pytest.param(14.0, "kG", "T", 1.4, id="14 kG is 1.4 T"),
        pytest.param(1.0, "kA/m", "Oe", 4 * math.pi, id="1 kA/m is 4 pi Oe"),
        pytest.param(1.0, "emu/cm3", "kA/m", 1.0, id="1 emu/cm3 is 1 kA/m"),
        pytest.param(20.0, "degC", "K", 293.15, id="20 degC is 293.15 K"),
        pytest.param(212.0, "degF", "degC", 100.0, id="212 degF is 100 degC"),
        pytest.param(-0.12, "%/K", "1/K", -0.0012, id="-0.12 %/K is -0.0012 1/K"),
        pytest.param(7.5, "g / cm3", "kg/m3", 7500.0, id="spaces around the slash"),
        pytest.param(60.0, "rpm", "rad/s", 2 * math.pi, id="60 rpm is 2 pi rad/s"),
        pytest.param(5, "N m", "Nm", 5.0, id="an int value gives a float"),
    ],
)
def test_convert_scalar(value, from_unit, to_unit, expected):
    result = mm.convert(value, from_unit, to_unit)
    assert isinstance(result, float)
    assert result == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "unit, si",
    [
        pytest.param("kOe", "A/m", id="kOe"),
        pytest.param("MGOe", "J/m3", id="MGOe"),
        pytest.param("degC", "K", id="degC"),
        pytest.param("kG", "T", id="kG"),
        pytest.param("%/K", "1/K", id="percent per kelvin"),
        pytest.param("g/mol", "kg/mol", id="g/mol"),
    ],
)
def test_si_unit(unit, si):
    assert mm.si_unit(unit) == si


def test_convert_numpy_array_keeps_shape():
    values = np.array([[1.0, 2.0], [12.0, 25.0]])
    result = mm.convert(values, "kOe", "kA/m")
    assert isinstance(result, np.ndarray)
    assert result.shape == (2, 2)
    assert result.dtype == np.float64
    np.testing.assert_allclose(result, values * 1e6 / (4 * math.pi) / 1e3, rtol=1e-14)


def test_convert_sequence_gives_array():
    result = mm.convert([1, 2, 3], "kG", "T")
    np.testing.assert_allclose(result, [0.1, 0.2, 0.3], rtol=1e-15)


def test_convert_empty_array_still_checks_units():
    assert mm.convert(np.array([]), "T", "mT").shape == (0,)
    with pytest.raises(mm.DomainError):
        mm.convert(np.array([]), "T", "kA/m")


@pytest.mark.parametrize(
    "from_unit, to_unit, bad",
    [
        pytest.param("kOersted", "kA/m", "kOersted", id="unknown source unit"),
        pytest.param("T", "MT", "MT", id="case matters: MT is not mT"),
        pytest.param("C", "K", "C", id="bare C is refused (coulomb)"),
    ],
)
def test_unknown_unit_raises_parse_error(from_unit, to_unit, bad):
    with pytest.raises(mm.ParseError, match=f"'{bad}'") as info:
        mm.convert(1.0, from_unit, to_unit)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, mm.MagmatError)
    assert "kOe" in str(info.value) and "MGOe" in str(info.value)


def test_unknown_unit_in_si_unit_raises():
    with pytest.raises(ValueError, match="'furlong'"):
        mm.si_unit("furlong")


@pytest.mark.parametrize(
    "from_unit, to_unit, from_quantity, to_quantity",
    [
        pytest.param("T", "kA/m", "magnetic flux density", "magnetic field strength",
                     id="tesla to kA/m"),
        pytest.param("MGOe", "kOe", "energy density", "magnetic field strength",
                     id="MGOe to kOe"),
        pytest.param("K", "%/K", "thermodynamic temperature", "temperature coefficient",
                     id="K to percent per K"),
    ],
)
def test_incompatible_units_raise_domain_error(from_unit, to_unit, from_quantity, to_quantity):
    with pytest.raises(mm.DomainError) as info:
        mm.convert(1.0, from_unit, to_unit)
    message = str(info.value)
    assert isinstance(info.value, ValueError)
    assert f"'{from_unit}'" in message and f"'{to_unit}'" in message
    assert from_quantity in message and to_quantity in message


def test_incompatible_message_names_dimensions():
    with pytest.raises(ValueError) as info:
        mm.convert(1.0, "T", "kA/m")
    assert str(info.value) == (
        "cannot convert 'T' (magnetic flux density, kg s^-2 A^-1) to 'kA/m' "
        "(magnetic field strength, A m^-1): dimensions differ"
    )


@pytest.mark.parametrize(
    "value, text",
    [
        pytest.param(float("nan"), "nan", id="NaN"),
        pytest.param(float("inf"), "inf", id="infinity"),
        pytest.param(np.array([1.0, float("nan")]), "nan", id="NaN inside an array"),
    ],
)
def test_non_finite_value_raises_domain_error(value, text):
    with pytest.raises(mm.DomainError, match=text):
        mm.convert(value, "kOe", "kA/m")


def test_below_absolute_zero_raises_domain_error():
    with pytest.raises(mm.DomainError, match="below absolute zero"):
        mm.convert(-300.0, "degC", "K")
    with pytest.raises(ValueError):
        mm.convert(-1.0, "K", "degC")


def test_non_numeric_value_raises_type_error():
    with pytest.raises(TypeError):
        mm.convert("12", "kOe", "kA/m")


def test_constants_match_definitions():
    assert units.MU0 == 1.25663706212e-6
    assert mm._core.VACUUM_PERMEABILITY == 1.25663706212e-6
    assert units.TESLA_PER_GAUSS == 1e-4
    assert units.AMPERE_PER_METRE_PER_OERSTED == pytest.approx(1000 / (4 * math.pi), rel=1e-15)
    assert units.JOULE_PER_CUBIC_METRE_PER_MGOE == pytest.approx(1e5 / (4 * math.pi), rel=1e-15)


@pytest.mark.parametrize(
    "forward, backward, value",
    [
        pytest.param(units.kG_to_T, units.T_to_kG, 14.2, id="kG and T"),
        pytest.param(units.kOe_to_A_per_m, units.A_per_m_to_kOe, 25.0, id="kOe and A/m"),
        pytest.param(units.MGOe_to_J_per_m3, units.J_per_m3_to_MGOe, 52.0, id="MGOe and J/m3"),
        pytest.param(units.celsius_to_kelvin, units.kelvin_to_celsius, 180.0, id="degC and K"),
    ],
)
def test_converters_round_trip(forward, backward, value):
    assert backward(forward(value)) == pytest.approx(value, rel=1e-12)
    array = np.array([value, 2 * value])
    np.testing.assert_allclose(backward(forward(array)), array, rtol=1e-12)


@pytest.mark.parametrize(
    "function, value, from_unit, to_unit",
    [
        pytest.param(units.kG_to_T, 14.2, "kG", "T", id="kG_to_T"),
        pytest.param(units.T_to_kG, 1.42, "T", "kG", id="T_to_kG"),
        pytest.param(units.kOe_to_A_per_m, 12.0, "kOe", "A/m", id="kOe_to_A_per_m"),
        pytest.param(units.A_per_m_to_kOe, 9.5e5, "A/m", "kOe", id="A_per_m_to_kOe"),
        pytest.param(units.MGOe_to_J_per_m3, 52.0, "MGOe", "J/m3", id="MGOe_to_J_per_m3"),
        pytest.param(units.J_per_m3_to_MGOe, 4e5, "J/m3", "MGOe", id="J_per_m3_to_MGOe"),
        pytest.param(units.celsius_to_kelvin, 20.0, "degC", "K", id="celsius_to_kelvin"),
        pytest.param(units.kelvin_to_celsius, 293.15, "K", "degC", id="kelvin_to_celsius"),
    ],
)
def test_converters_agree_with_convert(function, value, from_unit, to_unit):
    result = function(value)
    assert isinstance(result, float)
    assert result == pytest.approx(mm.convert(value, from_unit, to_unit), rel=1e-14)


def test_celsius_below_absolute_zero_raises():
    with pytest.raises(mm.DomainError):
        units.celsius_to_kelvin(-300.0)
    with pytest.raises(ValueError):
        units.kelvin_to_celsius(np.array([10.0, -1.0]))


@pytest.mark.parametrize(
    "values",
    [
        np.array([1.0 + 2.0j, 3.0]),                      # the imaginary part would be dropped
        [1.0 + 2.0j],
        np.array(["2020-01-01"], dtype="datetime64[D]"),  # would become a count of days
        np.array([1], dtype="timedelta64[s]"),
        np.zeros(2, dtype=[("a", float)]),
        np.array(["12", "x"], dtype=object),
    ],
    ids=["complex", "complex-list", "datetime", "timedelta", "structured", "object-strings"],
)
def test_convert_refuses_arrays_that_hold_no_real_numbers(values):
    # Regression (test_robustness.py): these were cast silently or raised RuntimeError.
    with pytest.raises(TypeError, match="convert"):
        mm.convert(values, "kOe", "kA/m")


# Issue [12] items 9 and 12: a NaN temperature, an overflow or text converted silently.
@pytest.mark.parametrize("value", [math.nan, math.inf, np.array([20.0, math.nan])], ids=["nan", "inf", "nan-in-array"])
def test_temperature_converters_refuse_nan_and_infinity(value):
    with pytest.raises(mm.DomainError, match="finite"):
        units.celsius_to_kelvin(value)
    with pytest.raises(mm.DomainError, match="finite"):
        units.kelvin_to_celsius(value)


def test_field_converters_pass_missing_values_but_refuse_overflow():
    assert math.isnan(units.kG_to_T(math.nan))  # a missing value stays missing
    with pytest.raises(mm.DomainError, match="overflows"):
        units.T_to_kG(1e308)
    with pytest.raises(mm.DomainError, match="overflows"):
        units.kOe_to_A_per_m(np.array([1.0, 1e305]))


@pytest.mark.parametrize("value", ["12", b"12", ["30"], np.array(["30"]), np.array([1.0, "2"], dtype=object)],
                         ids=["str", "bytes", "list-of-str", "str-array", "object-array"])
def test_text_is_refused_alike_everywhere(value):
    # One rule: convert('12') refused text, convert(['30']) and units.kG_to_T('12') did not.
    with pytest.raises(TypeError, match="not text"):
        mm.convert(value, "kOe", "kA/m")
    for f in (units.kG_to_T, units.T_to_kG, units.kOe_to_A_per_m, units.A_per_m_to_kOe,
              units.MGOe_to_J_per_m3, units.J_per_m3_to_MGOe, units.celsius_to_kelvin, units.kelvin_to_celsius):
        with pytest.raises(TypeError, match="not text"):
            f(value)


def test_numbers_bools_and_numeric_arrays_are_still_accepted():
    assert units.kG_to_T(True) == pytest.approx(0.1)
    assert mm.convert(np.array([1, 2], dtype=np.int32), "kG", "T") == pytest.approx([0.1, 0.2])
    assert mm.convert(np.array([1.0, 2.0], dtype=object), "kG", "T") == pytest.approx([0.1, 0.2])
    assert mm.convert([], "kG", "T").shape == (0,)
