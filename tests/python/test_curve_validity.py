"""Curves used outside their validity (issue [12], item 7): J = 0 exactly at the reported HcJ,
|J| <= Js at every field, recoil permeabilities outside the physical range refused, and the
operating point on the load line for any finite external field (also with HcJ = 0)."""

import numpy as np
import pytest

import magmat as mm

MU0 = mm.units.MU0


def ndfeb(nd, dy, process="sintered", **overrides):
    return mm.Magnet.from_composition({"Nd": nd, "Dy": dy, "B": 1.0, "Fe": 99.0 - nd - dy}, process, **overrides)


def check_curve(magnet, temperature_C):
    """J falls monotonically from Br to exactly 0 at the reported HcJ, never past Js; HcB <= HcJ."""
    p = magnet.properties(temperature_C)
    curve = magnet.demag_curve(temperature_C, 801)
    js = magnet.main_phase.saturation_polarization(temperature_C)
    assert np.all(np.isfinite(curve.J)) and np.all(np.abs(curve.J) <= js)
    assert np.all(np.diff(curve.J) <= 0.0)  # H runs from 0 down to -HcJ
    assert curve.H[-1] == pytest.approx(-p.intrinsic_coercivity)
    if p.intrinsic_coercivity > 0.0:
        assert np.all(curve.J[:-1] > 0.0)  # the only zero is the last sample, H = -HcJ
        assert abs(curve.J[-1]) <= 1e-12
    else:
        assert np.all(curve.J == p.remanence)  # no coercivity: every sample at H = 0, before the step
    assert p.normal_coercivity <= p.intrinsic_coercivity
    assert p.remanence <= js
    assert 1.0 <= p.recoil_permeability <= 1.3


@pytest.mark.parametrize("mu", [2.0, 1.9489436749377653, 1.31])
def test_recoil_permeability_above_the_physical_range_is_refused(mu):
    # The sweep's recoil_permeability = 2.0 (and the 1.95 of its first bad curve) was a user argument.
    with pytest.raises(mm.DomainError, match=r"recoil_permeability must lie in \[1, 1.3\]"):
        ndfeb(24.28, 5.10, "bonded", recoil_permeability=mu)


def test_bonded_high_dy_curve_crosses_zero_at_the_reported_hcj():
    # The sweep's first bad curve: J = 0 at -0.43 MA/m with HcJ = 1.11 MA/m (mu_rec was 1.95).
    check_curve(ndfeb(24.28, 5.10, "bonded", recoil_permeability=1.3), 65.0)
    check_curve(ndfeb(21.45, 9.09, "bonded"), 53.66)


def test_a_recoil_line_reaching_zero_before_hcj_is_refused():
    # mu_rec 1.3 with a bonded high-Dy magnet at -60 degC: mu0 (mu_rec - 1) HcJ would exceed Br,
    # so the curve is refused (DomainError naming the limit) rather than crossing 0 early.
    magnet = ndfeb(20.0, 12.0, "bonded", recoil_permeability=1.3)
    for t in np.linspace(magnet.main_phase.min_temperature_C, 150.0, 12):
        p_br, p_hcj = magnet.remanence(t), magnet.intrinsic_coercivity(t)
        if MU0 * 0.3 * p_hcj >= p_br:
            with pytest.raises(mm.DomainError, match="recoil line would reach J = 0"):
                magnet.demag_curve(t)
        else:
            check_curve(magnet, t)


def test_seeded_sweep_over_grades_and_compositions_keeps_the_curve_invariants():
    rng = np.random.default_rng(12)  # issue [12]
    catalog = mm.Catalog.default()
    magnets = [(catalog[name], False) for name in catalog.names()[::5]]  # (magnet, user mu_rec)
    magnets += [(mm.Magnet.from_composition("SmCo5", "sintered"), False),
                (mm.Magnet.from_composition("SrFe12O19", "sintered_ferrite"), False)]
    for i in range(60):
        dy, nd = rng.uniform(0.0, 12.0), rng.uniform(20.0, 30.0)
        mu = rng.uniform(1.0, 1.3) if i % 2 == 0 else None
        try:
            magnets.append((ndfeb(nd, dy, ["sintered", "bonded", "hot_deformed"][i % 3], recoil_permeability=mu,
                                  squareness=rng.uniform(0.3, 0.95)), mu is not None))
        except mm.DomainError:
            pass  # a composition without data, refused by name
    assert len(magnets) > 50
    checked = 0
    for magnet, user_recoil in magnets:
        phases = (magnet.main_phase, magnet.nucleation_phase)
        lo = max(p.min_temperature_C for p in phases) + 0.01
        hi = min(min(p.max_temperature_C for p in phases), magnet.curie_temperature_C) - 0.1
        for t in rng.uniform(lo, hi, 4):
            try:
                check_curve(magnet, t)
                checked += 1
            except mm.DomainError as e:
                assert user_recoil and "recoil line would reach J = 0" in str(e)  # never shipped data
    assert checked > 150


@pytest.mark.parametrize("pc", [0.05, 2.0, 50.0])
def test_operating_point_is_on_the_load_line_with_j_below_js_for_any_field(pc):
    magnet = ndfeb(29.0, 1.0)
    js = magnet.main_phase.saturation_polarization(20.0)
    for external in [1e8, 1e7, 3e6, 0.0, -3e6, -1e7, -1e8, 1e300, -1e300]:
        p = magnet.operating_point(pc=pc, external_field=external)
        assert np.isfinite(p.H) and abs(p.J) <= js
        assert p.B == pytest.approx(-MU0 * pc * (p.H + external), rel=1e-6, abs=1e-9 * (1 + abs(MU0 * pc * external)))


def test_operating_point_after_full_reversal_saturates_at_minus_js():
    magnet = ndfeb(29.0, 1.0)
    js = magnet.main_phase.saturation_polarization(20.0)
    reversed_point = magnet.operating_point(pc=2, external_field=1e8)
    assert -js <= reversed_point.J < -0.9 * magnet.remanence(20.0)  # it was +2.92 T
    assisted = magnet.operating_point(pc=2, external_field=-1e7)
    assert magnet.remanence(20.0) < assisted.J <= js  # it was above Js


def test_with_zero_hcj_the_operating_point_is_on_the_load_line():
    magnet = ndfeb(31.0, 0.0, alpha_k=0.0)
    assert magnet.intrinsic_coercivity(20.0) == 0.0
    for external in [0.0, 1e5, -1e5, 1e7, -1e7]:
        p = magnet.operating_point(pc=2, external_field=external)
        assert p.B == pytest.approx(-MU0 * 2 * (p.H + external), rel=1e-6, abs=1e-9)
        if abs(MU0 * 2 * external) < magnet.remanence(20.0):
            assert p.H == 0.0 and p.J == pytest.approx(-MU0 * 2 * external, abs=1e-15)
