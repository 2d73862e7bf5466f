"""Property-based tests (hypothesis) of compositions and units (issue [8]): atomic <-> mass
fraction round trips, fractions summing to 1, rare-earth content in [0, 1] and monotone in the
rare-earth share, and unit conversions that round-trip to 1e-12. Runs are bounded (max_examples)
so the suite stays fast; a failure prints the smallest input hypothesis found."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import magmat as mm

BOUNDED = settings(max_examples=60, deadline=None)

# Elements of the magnets the library models, plus a few others that appear in alloys.
SYMBOLS = ["Nd", "Pr", "Dy", "Tb", "Ce", "La", "Sm", "Gd", "Y", "Fe", "Co", "B", "Cu", "Zr", "Al",
           "Ga", "Sr", "Ba", "O", "Nb"]
RARE_EARTHS = {"Nd", "Pr", "Dy", "Tb", "Ce", "La", "Sm", "Gd", "Y"}

positive = st.floats(min_value=1e-6, max_value=1e4, allow_nan=False, allow_infinity=False)
amounts = st.dictionaries(st.sampled_from(SYMBOLS), positive, min_size=1, max_size=8)


def composition_of(amounts_by_symbol):
    return mm.Composition.from_amounts(list(amounts_by_symbol.items()))


@BOUNDED
@given(amounts)
def test_mass_and_atomic_fractions_sum_to_one_and_lie_in_0_1(a):
    c = composition_of(a)
    for fractions in (c.mass_fractions(), c.atomic_fractions()):
        assert math.isclose(sum(fractions.values()), 1.0, rel_tol=0, abs_tol=1e-12)
        assert all(0.0 <= f <= 1.0 for f in fractions.values())


@BOUNDED
@given(amounts)
def test_atomic_to_mass_to_atomic_fractions_round_trip(a):
    c = composition_of(a)
    through_mass = mm.Composition.from_mass_fractions(c.mass_fractions())
    through_atomic = mm.Composition.from_atomic_fractions(through_mass.atomic_fractions())
    for symbol, fraction in c.atomic_fractions().items():
        assert through_atomic.atomic_fraction(symbol) == pytest.approx(fraction, rel=1e-12, abs=1e-15)
    for symbol, fraction in c.mass_fractions().items():
        assert through_atomic.mass_fraction(symbol) == pytest.approx(fraction, rel=1e-12, abs=1e-15)


@BOUNDED
@given(amounts)
def test_formula_text_reads_back(a):
    c = composition_of(a)
    again = mm.Composition.from_formula(c.formula)
    for symbol, fraction in c.atomic_fractions().items():
        assert again.atomic_fraction(symbol) == pytest.approx(fraction, rel=1e-5)


@BOUNDED
@given(amounts)
def test_rare_earth_content_is_bounded_and_split_into_light_and_heavy(a):
    c = composition_of(a)
    total = c.rare_earth_mass_fraction()
    assert 0.0 <= total <= 1.0
    assert 0.0 <= c.rare_earth_atomic_fraction() <= 1.0
    assert total == pytest.approx(c.light_rare_earth_mass_fraction() + c.heavy_rare_earth_mass_fraction(), abs=1e-15)
    expected = sum(f for s, f in c.mass_fractions().items() if s in RARE_EARTHS)
    assert total == pytest.approx(expected, abs=1e-12)


@BOUNDED
@given(st.sampled_from(sorted(RARE_EARTHS)), st.sampled_from(["Fe", "Co", "B", "O", "Cu"]),
       st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=2, max_size=8))
def test_rare_earth_content_is_monotone_in_the_rare_earth_share(rare_earth, other, shares):
    # x atoms of a rare earth with 1 - x of another element: more x, more rare earth by mass.
    previous = -1.0
    for x in sorted(shares):
        parts = [(rare_earth, x), (other, 1.0 - x)]
        parts = [(s, v) for s, v in parts if v > 0.0]
        content = composition_of(dict(parts)).rare_earth_mass_fraction()
        assert content >= previous
        previous = content


UNIT_PAIRS = [("T", "kG"), ("T", "mT"), ("kOe", "kA/m"), ("Oe", "A/m"), ("MGOe", "kJ/m3"), ("degC", "K"),
              ("degF", "degC"), ("degF", "K"), ("g/cm3", "kg/m3"), ("%/K", "1/K"), ("kg", "g"), ("mm", "m")]


@BOUNDED
@given(st.sampled_from(UNIT_PAIRS), st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_unit_conversions_round_trip_to_1e_12(pair, value):
    from_unit, to_unit = pair
    try:
        there = mm.convert(value, from_unit, to_unit)
    except mm.DomainError:
        # Only an absolute temperature below 0 K may be refused.
        assert from_unit in ("degC", "degF", "K")
        return
    back = mm.convert(there, to_unit, from_unit)
    # Offset units (degC, degF) lose absolute precision around the offset itself.
    # Subnormal values (below 2.2e-308) carry fewer digits, hence the tiny absolute floor.
    offset = from_unit.startswith("deg") or to_unit.startswith("deg")
    assert back == pytest.approx(value, rel=1e-12, abs=1e-12 * 460.0 if offset else 1e-290)


@BOUNDED
@given(st.sampled_from(UNIT_PAIRS), st.lists(st.floats(min_value=0.0, max_value=1e6), min_size=1, max_size=20))
def test_array_conversion_equals_scalar_conversion(pair, values):
    array = mm.convert(values, *pair)
    assert list(array) == [mm.convert(v, *pair) for v in values]
