"""Tests of the element table bindings: weights, groups, symbols, errors."""

import pytest

import magmat as mm

# Physics brief section 9: CIAAW standard atomic weights (conventional values for intervals).
BRIEF_WEIGHTS = {
    "Nd": 144.242, "Pr": 140.90766, "Dy": 162.500, "Tb": 158.925354, "Ce": 140.116,
    "La": 138.90547, "Sm": 150.36, "Fe": 55.845, "Co": 58.933194, "B": 10.81, "O": 15.999,
    "Sr": 87.62, "Ba": 137.327, "Zr": 91.222, "Cu": 63.546, "Y": 88.905838, "Gd": 157.249,
    "Ho": 164.930329, "Al": 26.9815384, "Ga": 69.723, "Nb": 92.90637,
}


@pytest.mark.parametrize("symbol, weight", BRIEF_WEIGHTS.items(), ids=list(BRIEF_WEIGHTS))
def test_standard_atomic_weight_matches_the_brief_exactly(symbol, weight):
    info = mm.element(symbol)
    assert info.standard_atomic_weight == weight
    assert info.has_standard_atomic_weight


def test_the_weights_version_is_pinned():
    assert mm.ATOMIC_WEIGHTS_VERSION == "CIAAW-2024"


def test_elements_lists_h_to_u_in_order():
    rows = mm.elements()
    assert len(rows) == 92
    assert [r.atomic_number for r in rows] == list(range(1, 93))
    assert rows[0].symbol == "H" and rows[-1].symbol == "U"


@pytest.mark.parametrize("info", mm.elements(), ids=lambda r: r.symbol)
def test_symbol_round_trips_through_enum_and_lookup(info):
    member = getattr(mm.Element, info.symbol)
    assert int(member) == info.atomic_number
    assert member.symbol == info.symbol
    assert mm.element(member).symbol == info.symbol
    assert mm.element(info.symbol).element == member


@pytest.mark.parametrize(
    "symbol, group",
    [("La", "light"), ("Nd", "light"), ("Sm", "light"), ("Eu", "light"), ("Gd", "heavy"),
     ("Tb", "heavy"), ("Dy", "heavy"), ("Lu", "heavy"), ("Y", "heavy"), ("Sc", "none"),
     ("Fe", "none"), ("Co", "none")],
    ids=lambda v: v,
)
def test_rare_earth_group(symbol, group):
    assert mm.element(symbol).rare_earth_group == group


@pytest.mark.parametrize("symbol, mass_number", [("Tc", 97), ("Pm", 145), ("Ra", 226)],
                         ids=["Tc", "Pm", "Ra"])
def test_elements_without_standard_weight_carry_a_mass_number(symbol, mass_number):
    info = mm.element(symbol)
    assert not info.has_standard_atomic_weight
    assert info.standard_atomic_weight == mass_number


def test_element_info_attributes_are_read_only():
    with pytest.raises(AttributeError):
        mm.element("Nd").standard_atomic_weight = 1.0


@pytest.mark.parametrize("symbol", ["Xx", "", "Ndd"], ids=["Xx", "empty", "Ndd"])
def test_unknown_symbol_raises_unknown_name_error(symbol):
    with pytest.raises(mm.UnknownNameError, match=f"'{symbol}'") as info:
        mm.element(symbol)
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, mm.MagmatError)


@pytest.mark.parametrize("typed, right", [("ND", "Nd"), ("dy", "Dy"), ("fe", "Fe")],
                         ids=["ND", "dy", "fe"])
def test_wrong_case_suggests_the_right_symbol(typed, right):
    with pytest.raises(mm.UnknownNameError, match=f"did you mean '{right}'"):
        mm.element(typed)


def test_a_non_element_argument_is_a_type_error():
    with pytest.raises(TypeError):
        mm.element(60)
