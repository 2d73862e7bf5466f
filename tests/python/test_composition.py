"""Tests of Composition: the issue's acceptance lines, brief values, errors, round trips."""

import math
import pickle

import pytest

import magmat as mm

FORMULAS = [
    "Nd2Fe14B",
    "(Nd0.75Pr0.25)2Fe14B",
    "(Nd0.8Dy0.2)2Fe14B",
    "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5",
    "SrFe12O19",
    "Sr0.8La0.2Fe11.8Co0.2O19",
]


# --- acceptance lines of the issue, exactly as written ---------------------------------------

def test_acceptance_nd_in_nd2fe14b():
    assert abs(mm.Composition.from_formula("Nd2Fe14B").mass_fraction("Nd") - 0.2668) < 5e-4


def test_acceptance_rare_earth_in_smco5():
    assert abs(mm.Composition.from_formula("SmCo5").rare_earth_mass_fraction() - 0.3379) < 5e-4


def test_acceptance_sm_in_sm2co17():
    assert abs(mm.Composition.from_formula("Sm2Co17").mass_fraction("Sm") - 0.2309) < 5e-4


def test_acceptance_unknown_element_in_formula_is_a_parse_error():
    with pytest.raises(mm.ParseError) as info:
        mm.Composition.from_formula("Nd2Fe14Xx")
    assert isinstance(info.value, ValueError)
    assert "Xx" in str(info.value) and "position 7" in str(info.value)


def test_acceptance_negative_mass_percent_names_the_element():
    with pytest.raises(ValueError, match="Nd"):
        mm.Composition.from_mass_percent({"Nd": -1, "Fe": 101})


# --- values from the physics brief ------------------------------------------------------------

@pytest.mark.parametrize(
    "formula, symbol, fraction",
    [
        ("Nd2Fe14B", "Nd", 0.2668), ("Nd2Fe14B", "Fe", 0.7232), ("Nd2Fe14B", "B", 0.0100),
        ("SmCo5", "Sm", 0.3379), ("Sm2Co17", "Sm", 0.2309),
        ("SrFe12O19", "Sr", 0.0825), ("SrFe12O19", "Fe", 0.6312), ("SrFe12O19", "O", 0.2863),
        ("BaFe12O19", "Ba", 0.1236),
    ],
    ids=lambda v: str(v),
)
def test_mass_fraction_matches_the_brief(formula, symbol, fraction):
    assert mm.Composition.from_formula(formula).mass_fraction(symbol) == pytest.approx(fraction, abs=5e-5)


@pytest.mark.parametrize("formula", FORMULAS, ids=FORMULAS)
def test_every_issue_formula_parses_and_fractions_sum_to_one(formula):
    c = mm.Composition.from_formula(formula)
    assert sum(c.mass_fractions().values()) == pytest.approx(1.0, abs=1e-12)
    assert sum(c.atomic_fractions().values()) == pytest.approx(1.0, abs=1e-12)


def test_molar_mass_is_in_kg_per_mol():
    assert mm.Composition.from_formula("Nd2Fe14B").molar_mass == pytest.approx(1.08112, abs=5e-6)


def test_dy_substituted_phase_light_and_heavy_fractions():
    c = mm.Composition.from_formula("(Nd0.8Dy0.2)2Fe14B")
    m = 1.6 * 144.242 + 0.4 * 162.500 + 14 * 55.845 + 10.81
    assert c.heavy_rare_earth_mass_fraction() == pytest.approx(0.4 * 162.5 / m, rel=1e-12)
    assert c.light_rare_earth_mass_fraction() == pytest.approx(1.6 * 144.242 / m, rel=1e-12)
    assert c.rare_earth_mass_fraction() == pytest.approx(0.27176, abs=5e-6)


def test_amounts_accessors_accept_symbol_or_element():
    c = mm.Composition.from_formula("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5")
    assert c.amount("Co") == pytest.approx(5.175)
    assert c.amount(mm.Element.Zr) == pytest.approx(0.15)
    assert c.amount("Nd") == 0.0
    assert c.atomic_fraction("Sm") == pytest.approx(1 / 8.5)
    assert c.elements == ["Fe", "Co", "Cu", "Zr", "Sm"]
    assert "Sm" in c and mm.Element.Nd not in c


def test_mixture_of_97_percent_main_phase_and_3_percent_nd():
    main = mm.Composition.from_formula("Nd2Fe14B")
    mix = mm.Composition.mix_by_mass([(main, 97.0), (mm.Composition.from_formula("Nd"), 3.0)])
    assert mix.mass_fraction("Nd") == pytest.approx(0.97 * main.mass_fraction("Nd") + 0.03, rel=1e-12)
    assert mix.total_amount == pytest.approx(1.0)


def test_element_masses_in_a_1_5_kg_magnet():
    masses = mm.Composition.from_formula("Nd2Fe14B").element_masses(1.5)
    assert list(masses) == ["B", "Fe", "Nd"]
    assert masses["Nd"] == pytest.approx(1.5 * 0.2668371, rel=1e-6)
    assert sum(masses.values()) == pytest.approx(1.5, abs=1e-12)
    assert mm.Composition.from_formula("Nd2Fe14B").element_mass("Dy", 1.5) == 0.0


# --- round trips ------------------------------------------------------------------------------

@pytest.mark.parametrize("formula", FORMULAS, ids=FORMULAS)
def test_mass_and_atomic_fractions_round_trip(formula):
    c = mm.Composition.from_formula(formula)
    from_mass = mm.Composition.from_mass_fractions(c.mass_fractions())
    from_atoms = mm.Composition.from_atomic_percent({k: 100 * v for k, v in c.atomic_fractions().items()})
    for symbol, x in c.atomic_fractions().items():
        assert from_mass.atomic_fraction(symbol) == pytest.approx(x, abs=1e-12)
        assert from_atoms.mass_fraction(symbol) == pytest.approx(c.mass_fraction(symbol), abs=1e-12)


def test_mass_percent_with_balance_element():
    c = mm.Composition.from_mass_percent({"Nd": 26.68, mm.Element.B: 1.0}, balance="Fe")
    assert c.mass_fraction("Fe") == pytest.approx(0.7232, abs=1e-12)
    assert c.atomic_fraction("Nd") == pytest.approx(2 / 17, abs=1e-4)


@pytest.mark.parametrize("formula", FORMULAS, ids=FORMULAS)
def test_pickle_round_trip_is_exact(formula):
    c = mm.Composition.from_formula(formula)
    assert pickle.loads(pickle.dumps(c)) == c


def test_repr_formula_and_equality_and_hash():
    c = mm.Composition.from_formula("Fe14BNd2")
    assert repr(c) == "Composition('Nd2Fe14B')"
    assert c.formula == "Nd2Fe14B"
    assert c == mm.Composition.from_formula("Nd2Fe14B")
    assert c != mm.Composition.from_formula("Nd4Fe28B2")
    assert c != "Nd2Fe14B"
    assert hash(c) == hash(mm.Composition.from_formula("Nd2Fe14B"))
    assert len({c, mm.Composition.from_formula("Nd2Fe14B"), mm.Composition.from_formula("SmCo5")}) == 2
    assert mm.Composition.from_amounts([("Nd", 2), (mm.Element.Fe, 14), ("B", 1)]) == c


# --- error paths ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "formula, message",
    [
        ("Nd2Fe14Xx", "unknown element 'Xx' at position 7"),
        ("", "empty formula"),
        ("(Nd2Fe14B", "unclosed '(' at position 0"),
        ("Nd2Fe14B)", "unmatched ')' at position 8"),
        ("Fe0", "every amount in formula \"Fe0\" is zero"),
        ("Fe.5", "must start with a digit"),
        ("Nd2 Fe14B", "whitespace"),
        ("Nd2Fe14B!", "unexpected character '!' at position 8"),
        ("(" * 100000, "nested deeper than 16 levels"),
        ("Fe1" + "0" * 20, "exceeds the limit"),
    ],
    ids=["unknown", "empty", "unclosed", "unmatched", "zero", "leading-dot", "space", "stray",
         "deep", "huge"],
)
def test_malformed_formula_raises_parse_error(formula, message):
    with pytest.raises(mm.ParseError, match=message.replace("(", r"\(").replace(")", r"\)")):
        mm.Composition.from_formula(formula)


@pytest.mark.parametrize(
    "percent, message",
    [
        ({"Nd": -1, "Fe": 101}, "of Nd is -1"),
        ({"Nd": math.nan, "Fe": 100}, "of Nd is nan"),
        ({"Nd": 30, "Fe": 71}, "add up to 101 wt%, expected 100 within a tolerance of 0.5 wt%"),
        ({}, "empty composition"),
        ({"Nd": 30, mm.Element.Nd: 1, "Fe": 69}, "given twice"),
    ],
    ids=["negative", "nan", "total-off", "empty", "duplicate"],
)
def test_bad_percentages_raise_domain_error(percent, message):
    with pytest.raises(mm.DomainError, match=message) as info:
        mm.Composition.from_mass_percent(percent)
    assert isinstance(info.value, ValueError)


def test_tolerance_and_balance_errors():
    assert mm.Composition.from_mass_percent({"Nd": 30, "Fe": 71}, tolerance_percent=1.0).mass_fraction("Nd") == pytest.approx(30 / 101)
    with pytest.raises(mm.DomainError, match="balance element Fe"):
        mm.Composition.from_mass_percent({"Nd": 60, "B": 50}, balance="Fe")
    with pytest.raises(TypeError):
        mm.Composition.from_mass_percent({"Nd": 30, "Fe": 70}, None)  # balance is keyword-only


def test_unknown_symbol_key_is_an_unknown_name_error_not_a_parse_error():
    with pytest.raises(mm.UnknownNameError, match="'Xx'") as info:
        mm.Composition.from_mass_percent({"Xx": 50, "Fe": 50})
    assert isinstance(info.value, KeyError)
    with pytest.raises(mm.UnknownNameError, match="did you mean 'Nd'"):
        mm.Composition.from_formula("Nd2Fe14B").mass_fraction("ND")


@pytest.mark.parametrize("mass", [-1.0, math.nan, math.inf], ids=["negative", "nan", "inf"])
def test_bad_magnet_mass_raises_domain_error(mass):
    c = mm.Composition.from_formula("Nd2Fe14B")
    with pytest.raises(mm.DomainError, match="magnet mass"):
        c.element_mass("Nd", mass)
    with pytest.raises(mm.DomainError, match="magnet mass"):
        c.element_masses(mass)


@pytest.mark.parametrize(
    "weights, message",
    [([], "at least one part"), ([-1.0], "is -1"), ([0.0], "add up to 0"), ([math.nan], "is nan")],
    ids=["no-parts", "negative", "zero-total", "nan"],
)
def test_bad_mixture_weights_raise_domain_error(weights, message):
    fe = mm.Composition.from_formula("Fe")
    with pytest.raises(mm.DomainError, match=message):
        mm.Composition.mix_by_mass([(fe, w) for w in weights])


def test_composition_cannot_be_modified():
    c = mm.Composition.from_formula("Nd2Fe14B")
    with pytest.raises(AttributeError):
        c.formula = "SmCo5"


def test_an_amount_that_underflows_through_nested_groups_raises():
    # Regression (fuzz_formula): the amount multiplied out to 0 and the element vanished.
    tiny = "0." + "0" * 61 + "1"
    nested = "(" * 16 + "Fe" + tiny + "".join(")" + tiny for _ in range(16))
    with pytest.raises(mm.ParseError, match="amount of Fe underflows"):
        mm.Composition.from_formula("Nd2" + nested)


def test_a_zero_subscript_means_absent():
    """Issue [13], item 3: sweeps write "(Nd0.7Dy0.3Tb0.0)2Fe14B"; the Tb is absent."""
    swept = mm.Composition.from_formula("(Nd0.7Dy0.3Tb0.0)2Fe14B")
    assert swept.mass_fractions() == mm.Composition.from_formula("(Nd0.7Dy0.3)2Fe14B").mass_fractions()
    assert "Tb" not in swept.mass_fractions()


# --- a wt% alloy written as a formula (issue [13], item 3) ----------------------------------


def test_a_wt_percent_alloy_written_as_a_formula_warns():
    reading = mm.formula_reading("Nd31Fe68B1")
    assert reading["probably_mass_percent"] and reading["mass_phase"] == "Nd2Fe14B"
    assert reading["atomic_distance"] > 0.15 > 0.10 > reading["mass_distance"]
    with pytest.warns(mm.CompositionWarning, match="basis='mass'"):
        atoms = mm.Magnet.from_composition("Nd31Fe68B1")
    by_mass = mm.Magnet.from_composition("Nd31Fe68B1", basis="mass")
    assert by_mass.composition == mm.Magnet.from_composition({"Nd": 31, "Fe": 68, "B": 1}).composition
    assert atoms.remanence(20) < 0.5 < by_mass.remanence(20)  # what the slip costs: Br 0.198 T against 1.43 T


def test_phases_and_explicit_bases_do_not_warn():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for formula in ("Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5", "SrFe12O19", "Nd13.5Fe80.5B6"):
            mm.Magnet.from_composition(formula, "sintered_ferrite" if "Sr" in formula else "sintered")
            assert not mm.formula_reading(formula)["probably_mass_percent"]
        mm.Magnet.from_composition("Nd31Fe68B1", basis="atomic")  # said so: no warning
    assert mm.formula_reading("Nd2Fe14B")["mass_phase"] is None  # subscripts do not total 100


@pytest.mark.parametrize("composition, basis, fragment", [
    ("Nd2Fe14B", "weight", "'atomic' or 'mass'"),
    ({"Nd": 31, "Fe": 68, "B": 1}, "mass", "dict is mass percent already"),
    (mm.Composition.from_formula("Nd2Fe14B"), "atomic", "Composition is already read"),
    ("Nd2Fe14B", "mass", "100"),  # 17 is not a total of 100 percent
])
def test_bad_bases_are_refused(composition, basis, fragment):
    with pytest.raises(mm.DomainError, match=fragment):
        mm.Magnet.from_composition(composition, basis=basis)


def test_from_amounts_whose_sum_overflows_raises_domain_error():
    # Issue [12] item 9: each amount finite, their sum not; the fractions came out 0 or NaN.
    with pytest.raises(mm.DomainError, match="overflow"):
        mm.Composition.from_amounts([("Fe", 1e308), ("Nd", 1e308)])
