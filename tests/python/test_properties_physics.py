"""Property-based tests (hypothesis) of the physics (issue [8]): Br and HcJ fall with temperature
for NdFeB and SmCo while ferrite's HcJ rises, more Dy never lowers HcJ, the requirement solver's
answer always meets the requirement (checked with the thermal functions, not the solver's own
check), and batch evaluation equals the scalar API. Runs are bounded (max_examples)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import magmat as mm

BOUNDED = settings(max_examples=25, deadline=None)


def ndfeb(nd, dy, process="sintered"):
    return mm.Magnet.from_composition({"Nd": nd, "Dy": dy, "B": 1.0, "Fe": 99.0 - nd - dy}, process)


MAGNETS = {
    "ndfeb_sintered": lambda: ndfeb(30.0, 0.0),
    "ndfeb_dy": lambda: ndfeb(27.0, 4.0),
    "ndfeb_hot_deformed": lambda: ndfeb(30.0, 0.0, "hot_deformed"),
    "smco5": lambda: mm.Magnet.from_composition("SmCo5", "sintered"),
    "sm2co17": lambda: mm.Magnet.from_composition("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5", "sintered"),
    "ferrite": lambda: mm.Magnet.from_composition("SrFe12O19", "sintered_ferrite"),
}


def temperature_pair(magnet, low, high):
    """Two temperatures in the magnet's model range, strictly ordered."""
    lo = max(magnet.main_phase.min_temperature_C, -60.0)
    hi = min(magnet.main_phase.max_temperature_C, magnet.curie_temperature_C - 20.0, 250.0)
    a, b = sorted((lo + (hi - lo) * low, lo + (hi - lo) * high))
    return a, b


unit = st.floats(min_value=0.0, max_value=1.0)


@BOUNDED
@given(st.sampled_from(sorted(MAGNETS)), unit, unit)
def test_br_falls_with_temperature_and_hcj_falls_except_for_ferrite(name, low, high):
    magnet = MAGNETS[name]()
    t1, t2 = temperature_pair(magnet, low, high)
    if t2 - t1 < 1e-6:
        return
    assert magnet.remanence(t2) <= magnet.remanence(t1)
    if name == "ferrite":
        assert magnet.intrinsic_coercivity(t2) >= magnet.intrinsic_coercivity(t1)
    else:
        assert magnet.intrinsic_coercivity(t2) <= magnet.intrinsic_coercivity(t1)


@BOUNDED
@given(st.floats(min_value=26.0, max_value=32.0), st.lists(st.floats(min_value=0.0, max_value=6.0), min_size=2, max_size=6),
       st.floats(min_value=-40.0, max_value=200.0), st.sampled_from(["sintered", "grain_boundary_diffused"]))
def test_more_dy_never_lowers_hcj(total_rare_earth, dy_levels, temperature_C, process):
    # Dy replaces Nd at constant total rare earth, the way alloys are designed.
    previous = -1.0
    for dy in sorted(dy_levels):
        hcj = ndfeb(total_rare_earth - dy, dy, process).intrinsic_coercivity(temperature_C)
        assert hcj >= previous * (1.0 - 1e-12)
        previous = hcj


SOLVED = ["bulk_dy", "bulk_tb", "gbd_dy", "ce_la_substituted"]


@settings(max_examples=10, deadline=None)
@given(st.floats(min_value=20.0, max_value=200.0),
       st.one_of(st.none(), st.floats(min_value=3e5, max_value=2.5e6)),
       st.one_of(st.none(), st.floats(min_value=0.5, max_value=8.0)),
       st.one_of(st.just(0.0), st.floats(min_value=1e-3, max_value=0.05)))
def test_the_solver_answer_always_meets_the_requirement(temperature_C, min_hcj, permeance, max_loss):
    if min_hcj is None and permeance is None:
        permeance = 2.0
    req = mm.Requirement(temperature_C=temperature_C, min_intrinsic_coercivity=min_hcj, permeance=permeance,
                         max_irreversible_loss=max_loss)
    study = mm.design_study(req, SOLVED, baseline="bulk_dy")
    for name in SOLVED:
        row = study[name]
        if not row.feasible:
            assert row.reason
            continue
        magnet = row.magnet
        if min_hcj is not None:
            assert magnet.intrinsic_coercivity(temperature_C) >= min_hcj * (1.0 - 1e-9)
        if permeance is not None:
            # A loss of 0 means "the knee is not crossed" (docs/design_study.md); the model
            # reverses 1/20 of the grains at the knee itself, so the loss there is not 0.
            if max_loss == 0.0:
                assert not magnet.operating_point(pc=permeance, temperature_C=temperature_C).beyond_knee
            else:
                assert magnet.irreversible_loss(pc=permeance, temperature_C=temperature_C) <= max_loss + 1e-9
        assert req.check(magnet)[0]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.floats(min_value=26.0, max_value=33.0), st.floats(min_value=0.0, max_value=5.0),
                          st.floats(min_value=0.8, max_value=1.2)), min_size=1, max_size=12),
       st.floats(min_value=-40.0, max_value=200.0), st.sampled_from(["sintered", "hot_deformed"]),
       st.integers(min_value=0, max_value=4))
def test_batch_equals_scalar(rows, temperature_C, process, threads):
    nd = np.array([r[0] for r in rows])
    dy = np.array([r[1] for r in rows])
    b = np.array([r[2] for r in rows])
    candidates = {"Nd": nd, "Dy": dy, "B": b, "Fe": 100.0 - nd - dy - b}
    result = mm.evaluate(candidates, temperature_C=temperature_C, process=process, threads=threads, errors="mask")
    for i in range(len(rows)):
        percent = {k: float(v[i]) for k, v in candidates.items()}
        try:
            magnet = mm.Magnet.from_composition(mm.Composition.from_mass_percent(percent), process)
            p = magnet.properties(temperature_C)
        except mm.MagmatError:
            assert not result["valid"][i]
            continue
        assert result["valid"][i]
        assert result["remanence"][i] == pytest.approx(p.remanence, rel=1e-12, abs=0.0)  # SIMD exp/log: a few ulp
        assert result["intrinsic_coercivity"][i] == pytest.approx(p.intrinsic_coercivity, rel=1e-12, abs=0.0)  # SIMD exp/log: a few ulp
        assert result["normal_coercivity"][i] == pytest.approx(p.normal_coercivity, rel=1e-12, abs=0.0)  # SIMD exp/log: a few ulp
        assert result["max_energy_product"][i] == pytest.approx(p.max_energy_product, rel=1e-12, abs=0.0)  # SIMD exp/log: a few ulp
        assert result["rare_earth_mass_fraction"][i] == magnet.composition.rare_earth_mass_fraction()
        assert result["policy_pass"][i] == mm.check_policy(magnet).passes


@BOUNDED
@given(st.lists(st.sampled_from(["Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5", "SrFe12O19", "Sm2Co17", "FeFe"]),
                min_size=0, max_size=10),
       st.lists(st.sampled_from(["Nd", "Dy", "Fe", "Sm", "Co", "O", "B"]), min_size=1, max_size=4, unique=True))
def test_batch_mass_fractions_equal_scalar(formulas, symbols):
    table = mm.mass_fractions(formulas, symbols)
    for s in symbols:
        assert len(table[s]) == len(formulas)
        for i, f in enumerate(formulas):
            assert table[s][i] == mm.Composition.from_formula(f).mass_fraction(s)
