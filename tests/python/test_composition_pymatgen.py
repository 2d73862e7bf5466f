"""Compositions cross-checked against an independent tool, pymatgen (a test-only dependency):
formula parsing (atomic fractions, independent of atomic weights), mass fractions and molar
masses, and mass percent to atomic fractions. pymatgen's atomic weights are not magmat's CIAAW
standard atomic weights (B: 10.811 against 10.81), so mass-based figures are compared twice:
with pymatgen's own weights within the weights' spread, and recomputed from pymatgen's parsed
amounts with magmat's weights, where they must agree to rounding."""

from __future__ import annotations

import pytest

import magmat as mm

pymatgen_core = pytest.importorskip("pymatgen.core")

FORMULAS = [
    "Nd2Fe14B",
    "(Nd0.75Pr0.25)2Fe14B",
    "(Nd0.8Dy0.2)2Fe14B",
    "(Nd0.6Ce0.3La0.1)2Fe14B",
    "Tb2Fe14B",
    "SmCo5",
    "Sm2Co17",
    "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5",
    "SrFe12O19",
    "BaFe12O19",
    "Sr0.8La0.2Fe11.8Co0.2O19",
    "Nd30Dy2Fe67B1",
]

# Mass percent compositions as the design studies and the batch state them.
MASS_PERCENT = [
    {"Nd": 31.0, "Fe": 68.0, "B": 1.0},
    {"Nd": 22.0, "Pr": 5.5, "Dy": 3.5, "Fe": 67.95, "B": 1.05},
    {"Nd": 20.0, "Ce": 8.0, "La": 2.0, "Fe": 69.0, "B": 1.0},
    {"Sm": 25.5, "Co": 50.0, "Fe": 16.0, "Cu": 6.0, "Zr": 2.5},
]


def _weights(symbols) -> dict[str, float]:
    return {s: mm.element(s).standard_atomic_weight for s in symbols}


@pytest.mark.parametrize("formula", FORMULAS)
def test_formulas_parse_to_pymatgens_atomic_fractions(formula):
    ours = mm.Composition.from_formula(formula)
    theirs = pymatgen_core.Composition(formula)
    assert sorted(str(e) for e in theirs.elements) == sorted(ours.atomic_fractions())
    for symbol, fraction in ours.atomic_fractions().items():
        assert fraction == pytest.approx(theirs.get_atomic_fraction(symbol), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("formula", FORMULAS)
def test_mass_fractions_and_molar_mass_agree_with_pymatgen(formula):
    ours = mm.Composition.from_formula(formula)
    theirs = pymatgen_core.Composition(formula)
    # pymatgen's own weights: within their spread from CIAAW's (a few 1e-4 at most here)
    for symbol, fraction in ours.mass_fractions().items():
        assert fraction == pytest.approx(theirs.get_wt_fraction(symbol), rel=1e-3)
    # pymatgen's amounts with magmat's weights: the same arithmetic, to rounding
    amounts = {str(e): float(theirs[e]) for e in theirs.elements}
    weights = _weights(amounts)
    total = sum(amounts[s] * weights[s] for s in amounts)
    for symbol, fraction in ours.mass_fractions().items():
        assert fraction == pytest.approx(amounts[symbol] * weights[symbol] / total, rel=1e-12)
    per_atom = total / sum(amounts.values())  # g/mol per atom (pymatgen may scale the formula)
    assert 1e3 * ours.molar_mass / ours.total_amount == pytest.approx(per_atom, rel=1e-12)


@pytest.mark.parametrize("percent", MASS_PERCENT, ids=lambda p: "-".join(p))
def test_mass_percent_to_atomic_fractions_agrees_with_pymatgen(percent):
    ours = mm.Composition.from_mass_percent(percent)
    theirs = pymatgen_core.Composition.from_weight_dict(percent)
    for symbol, fraction in ours.atomic_fractions().items():
        assert fraction == pytest.approx(theirs.get_atomic_fraction(symbol), rel=1e-3)
    weights = _weights(percent)
    moles = {s: percent[s] / weights[s] for s in percent}
    total = sum(moles.values())
    for symbol, fraction in ours.atomic_fractions().items():
        assert fraction == pytest.approx(moles[symbol] / total, rel=1e-12)
    assert ours.rare_earth_mass_fraction() == pytest.approx(
        sum(theirs.get_wt_fraction(s) for s in percent if s in ("Nd", "Pr", "Dy", "Ce", "La", "Sm")), rel=1e-9)
