"""Tests of demagnetization curves, load lines and thermal stability through Python (issue [4])."""

import math
import pathlib

import numpy as np
import pytest

import magmat as mm

MU0 = mm.units.MU0


def magnets():
    cat = mm.Catalog.default()
    return [
        pytest.param(cat["N42SH"], id="grade-N42SH"),
        pytest.param(mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0}), id="composition-NdFeB"),
        pytest.param(mm.Magnet.from_composition("SmCo5", process="sintered"), id="SmCo5"),
        pytest.param(mm.Magnet.from_composition("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5", process="sintered"), id="Sm2Co17"),
        pytest.param(mm.Magnet.from_composition("SrFe12O19", process="sintered_ferrite"), id="ferrite"),
    ]


@pytest.mark.parametrize("m", magnets())
def test_the_contract_calls_work_for_every_kind_of_magnet(m):
    c = m.demag_curve(temperature_C=100, points=400)
    assert c.H.shape == c.B.shape == c.J.shape == (400,)
    np.testing.assert_allclose(c.B, MU0 * c.H + c.J, rtol=0, atol=1e-12)
    op = m.operating_point(pc=2.0, temperature_C=100, external_field=0.0)
    assert op.H < 0 < op.B and op.beyond_knee in (True, False)
    assert op.B == pytest.approx(-MU0 * 2.0 * op.H, rel=1e-7)
    loss = m.irreversible_loss(pc=1.0, temperature_C=120)
    assert 0.0 <= loss <= 1.0
    t_max = m.max_operating_temperature(pc=2.0, max_loss=0.0)
    t_min = m.min_operating_temperature(pc=2.0)
    assert t_min <= 20.0 <= t_max
    b = m.field_on_axis_cylinder(length=0.01, diameter=0.01, distance=0.002, temperature_C=20)
    assert 0 < b < m.remanence(temperature_C=20)


def test_figures_from_the_curve_match_the_catalog_at_20_C():
    g = mm.Catalog.default()["N42SH"]
    c = g.demag_curve(temperature_C=20, points=20001)
    p = g.properties(temperature_C=20)
    # Br and HcJ are the curve's end points exactly
    assert c.B[0] == pytest.approx(p.remanence, rel=1e-12)
    assert -c.H[-1] == pytest.approx(p.intrinsic_coercivity, rel=1e-12)
    # HcB and (BH)max read off the sampled curve agree with the catalog's (datasheet) values within
    # 12 %: the curve is the model's straight recoil line with a knee, the datasheet is measured.
    hcb_curve = -np.interp(0.0, c.B[::-1], c.H[::-1])
    bh_curve = np.max(-c.H * c.B)
    assert hcb_curve == pytest.approx(p.normal_coercivity, rel=0.12)
    assert bh_curve == pytest.approx(p.max_energy_product, rel=0.12)


def test_energy_product_from_the_curve_is_the_linear_optimum_when_the_knee_is_beyond_it():
    g = mm.Catalog.default()["N42SH"]
    c = g.demag_curve(temperature_C=20, points=200001)
    br = g.remanence(temperature_C=20)
    mu_rec = g.properties(temperature_C=20).recoil_permeability
    assert np.max(-c.H * c.B) == pytest.approx(br ** 2 / (4 * MU0 * mu_rec), rel=1e-6)


def test_higher_coercivity_runs_hotter():
    cat = mm.Catalog.default()
    assert cat["N42SH"].max_operating_temperature(pc=2.0) > cat["N42"].max_operating_temperature(pc=2.0)


def test_ferrite_loss_is_worst_at_the_cold_end():
    y30 = mm.Catalog.default()["Y30"]
    assert y30.irreversible_loss(pc=0.5, temperature_C=-40) > y30.irreversible_loss(pc=0.5, temperature_C=100)
    assert -60 < y30.min_operating_temperature(pc=0.7) < 20


def test_permeance_coefficients_of_shapes():
    assert mm.permeance_coefficient_block(length=0.01, width=0.01, height=0.01) == pytest.approx(2.0)
    assert mm.permeance_coefficient_cylinder(length=0.02, diameter=0.01) > mm.permeance_coefficient_cylinder(
        length=0.01, diameter=0.01)
    assert mm.demagnetizing_factor_cylinder(length=0.01, diameter=0.01) == pytest.approx(0.3116, abs=1e-4)
    assert mm.permeance_coefficient(0.5) == pytest.approx(1.0)


def _block_reference():
    """Rows of tests/data/demagnetizing_factors/block_reference.csv (Aharoni 1998 at 240 digits)."""
    path = pathlib.Path(__file__).resolve().parents[1] / "data" / "demagnetizing_factors" / "block_reference.csv"
    rows = [line.split(",") for line in path.read_text().splitlines() if line and not line.startswith("#")]
    return {tuple(float(v) for v in row[:3]): float(row[3]) for row in rows}


def test_issue_12_item_10_extreme_blocks():
    # the issue's examples: 164x too large, negative, +-inf and NaN before
    ref = _block_reference()
    needle = mm.demagnetizing_factor_block(length=1, width=1e-6, height=1e-6)
    assert needle == pytest.approx(ref[(1.0, 1e-6, 1e-6)], rel=1e-13)
    assert mm.demagnetizing_factor_block(length=1, width=1e-8, height=1e-8) == pytest.approx(
        ref[(1.0, 1e-8, 1e-8)], rel=1e-13)
    for thickness in (1e-8, 1e-10, 1e-12):
        plate = mm.demagnetizing_factor_block(length=thickness, width=1, height=1)
        assert 0.99 < plate < 1.0
        # the sum rule with the two in-plane factors, each from the reference
        in_plane = ref[(1.0, 1.0, thickness)]
        assert plate == pytest.approx(1.0 - 2.0 * in_plane, rel=1e-14)
    assert mm.demagnetizing_factor_block(length=1e103, width=1e103, height=1e103) == pytest.approx(1 / 3, rel=1e-15)
    assert mm.demagnetizing_factor_block(length=2e103, width=1e103, height=3e103) == pytest.approx(
        mm.demagnetizing_factor_block(length=2, width=1, height=3), rel=1e-15)


def test_block_factor_refuses_absurd_sides_naming_them():
    with pytest.raises(mm.DomainError, match=r"length = 1e-14 m.*exceeds the supported 1e\+12"):
        mm.demagnetizing_factor_block(length=1e-14, width=1, height=1)
    for bad in (0.0, -1.0, math.inf, math.nan):
        with pytest.raises(mm.DomainError, match="block width"):
            mm.demagnetizing_factor_block(length=1, width=bad, height=1)
    with pytest.raises(mm.DomainError, match="block height"):
        mm.permeance_coefficient_block(length=1, width=1, height=-1)


def test_external_field_moves_the_operating_point():
    g = mm.Catalog.default()["N42"]
    quiet = g.operating_point(pc=2.0, temperature_C=100)
    loaded = g.operating_point(pc=2.0, temperature_C=100, external_field=4e5)
    assert loaded.H < quiet.H and loaded.beyond_knee


@pytest.mark.parametrize(
    "call, error",
    [
        pytest.param(lambda: mm.permeance_coefficient_cylinder(length=-0.01, diameter=0.01), mm.DomainError,
                     id="negative-length"),
        pytest.param(lambda: mm.permeance_coefficient_block(length=0.01, width=float("nan"), height=0.01),
                     mm.DomainError, id="nan-width"),
        pytest.param(lambda: mm.Catalog.default()["N42"].operating_point(pc=-2.0), mm.DomainError, id="negative-pc"),
        pytest.param(lambda: mm.Catalog.default()["N42"].operating_point(pc=2.0, temperature_C=400), mm.DomainError,
                     id="above-curie"),
        pytest.param(lambda: mm.Catalog.default()["N42"].irreversible_loss(pc=2.0, temperature_C=-300),
                     mm.DomainError, id="below-absolute-zero"),
        pytest.param(lambda: mm.Catalog.default()["N42"].operating_point(pc=float("nan")), mm.DomainError, id="nan-pc"),
        pytest.param(lambda: mm.Catalog.default()["Y30"].max_operating_temperature(pc=0.1), mm.InfeasibleError,
                     id="beyond-limit-at-20C"),
        pytest.param(lambda: mm.Catalog.default()["N42"].demag_curve(points=1), mm.DomainError, id="one-point"),
        pytest.param(lambda: mm.Catalog.default()["N42"].field_on_axis_cylinder(length=0.01, diameter=0.01,
                                                                                 distance=-1.0), mm.DomainError,
                     id="negative-distance"),
    ],
)
def test_bad_input_raises_a_clear_error(call, error):
    with pytest.raises(error) as info:
        call()
    assert isinstance(info.value, ValueError)
    assert str(info.value)


def test_curve_figures_agree_with_the_model_and_the_catalog():
    m = mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0})
    f = m.curve_figures(temperature_C=100)
    p = m.properties(temperature_C=100)
    # composition magnets: the properties are the curve's own figures
    assert f["normal_coercivity"] == pytest.approx(p.normal_coercivity, rel=1e-12)
    assert f["max_energy_product"] == pytest.approx(p.max_energy_product, rel=1e-12)
    assert f["knee_field"] == pytest.approx(p.knee_field, rel=1e-12)
    assert -f["max_energy_product_field"] < f["intrinsic_coercivity"]
    # grades: the curve agrees with the datasheet's HcB and (BH)max within 12 % at 20 degC
    g = mm.Catalog.default()["N42SH"]
    fg, pg = g.curve_figures(temperature_C=20), g.properties(temperature_C=20)
    assert fg["normal_coercivity"] == pytest.approx(pg.normal_coercivity, rel=0.12)
    assert fg["max_energy_product"] == pytest.approx(pg.max_energy_product, rel=0.12)


def test_rated_temperature_follows_the_makers_convention():
    """Issue [10], item 5: an L/D = 0.7 cylinder, onset (no part past its knee). The pole-face centres
    reverse first; their local Pc is the rating's."""
    cat = mm.Catalog.default()
    pc = mm.permeance_coefficients(mm.Cylinder(length=0.007, diameter=0.010))["minimum_local"]
    for name, printed in (("N42", 80.0), ("N42M", 100.0), ("N42H", 120.0), ("N48SH", 150.0)):
        rated = cat[name].rated_temperature()
        assert rated["limited_by"] == "knee"
        assert rated["permeance"] == pytest.approx(pc)
        assert rated["temperature_C"] == pytest.approx(cat[name].max_operating_temperature(pc=pc, criterion="average_knee"))
        assert rated["datasheet_C"] == printed
        assert abs(rated["temperature_C"] - printed) <= 15.0, name
    # a ferrite's data range ends first: said, not passed off as a limit
    y30 = cat["Y30"].rated_temperature()
    assert y30["limited_by"] == "model_range" and y30["datasheet_C"] == 250.0
    # a composition magnet has no datasheet value
    m = mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0})
    assert m.rated_temperature()["datasheet_C"] is None


def test_grade_rating_report_against_every_datasheet_rating():
    import statistics

    report = mm.grade_rating_report()
    sintered = [r for r in report if r["role"] == "ndfeb_sintered"]
    assert len(sintered) >= 25
    assert abs(statistics.median(r["residual"] for r in sintered)) <= 20.0
    hot_classes = [r for r in sintered if mm.coercivity_letter(r["id"]) in ("H", "SH")]
    assert hot_classes and sum(r["within"] for r in hot_classes) >= 0.85 * len(hot_classes)
    # A second maker: Arnold's per-grade sheets with a catalog Tw (N35 to N38UH) all within 15 K.
    arnold = [r for r in sintered if r["source"] == "ARNOLD-GRADE-SHEETS"]
    assert len(arnold) == 9 and all(r["within"] for r in arnold)
    # Known open (issue [10]): SmCo and bonded ratings are not knee-limited in the model as makers rate them.
    smco5 = [r["residual"] for r in report if r["role"] == "smco5"]
    assert statistics.median(smco5) > 20.0
    # A second maker rates a far more coercive SmCo5 at the same 250 degC: the rating is a convention.
    recoma = mm.Catalog.default()["Recoma 20"]
    assert recoma.reversible_coefficients(20.0, 150.0).intrinsic_coercivity == pytest.approx(-0.0019, rel=1e-6)
    by_id = {r["id"]: r for r in report}
    assert by_id["Recoma 20"]["published"] == by_id["YX16"]["published"] == 250.0
    assert by_id["Recoma 20"]["model"] > max(by_id[g]["model"] for g in ("YX16", "YX16H"))
    # Sm2Co17 on the tabulated HcJ(T): the high-coercivity grades rated 350 degC land just below it,
    # the lower-coercivity ones (YXG22, the L grades) far below, and they set the family median.
    sm2co17 = {r["id"]: r["residual"] for r in report if r["role"] == "sm2co17"}
    high = [sm2co17[g] for g in ("YXG22H", "YXG24H", "YXG26H", "YXG28H", "XGS32H")]
    assert all(-30.0 < x < 0.0 for x in high) and sum(abs(x) <= 15.0 for x in high) >= 3
    assert all(sm2co17[g] < -40.0 for g in ("YXG22", "XGS24L", "XGS26L"))
    # Arnold's two fully transcribed Sm2Co17 sheets land on both sides of their ratings (the grade
    # magnets follow the printed typical HcJ), which brings the family median inside the 20 K asked.
    assert -20.0 < sm2co17["Recoma 26"] < -15.0 and 30.0 < sm2co17["Recoma 30"] < 45.0
    assert -20.0 < statistics.median(sm2co17.values()) < -15.0
    assert sum(abs(x) <= 15.0 for x in sm2co17.values()) == 3  # but few grades within 15 K
    assert by_id["Recoma 22"]["published"] == 250.0 and by_id["Recoma 22"]["model"] > 350.0
    ended = {r["id"] for r in report if r["within"] is None}
    assert "Y30" in ended


def test_bonded_ratings_follow_the_maker_not_the_magnet():
    """Issue [10], acceptance (bonded median): two makers rate bonded grades of the same Br and HcJ
    ranges 60 K apart (HGT BN8 at 160 degC, Risheng BNP-8 at 100 degC), so no rating computed from
    the magnet can sit within 20 K of both. The model, which gives like magnets like ratings, stays
    within 20 K of Risheng's median and far below HGT's: both facts are asserted so a change shows."""
    import statistics

    cat = mm.Catalog.default()
    hgt, risheng = cat["BN8"], cat["BNP-8"]
    for key in ("remanence", "intrinsic_coercivity"):
        a, b = hgt.datasheet[key], risheng.datasheet[key]
        assert max(a["min"], b["min"]) < min(a["max"], b["max"])  # the ranges overlap
    printed = hgt.datasheet["max_operating_temperature_C"] - risheng.datasheet["max_operating_temperature_C"]
    assert printed == pytest.approx(60.0)
    computed = hgt.rated_temperature()["temperature_C"] - risheng.rated_temperature()["temperature_C"]
    assert abs(computed) < 5.0

    bonded = [r for r in mm.grade_rating_report() if r["role"] == "ndfeb_bonded"]
    by_maker = {}
    for r in bonded:
        by_maker.setdefault(r["source"], []).append(r["residual"])
    assert abs(statistics.median(by_maker["RISHENG-BONDED"])) <= 20.0
    assert statistics.median(by_maker["HGT-BONDED"]) < -40.0  # known miss (docs/validation.md)


def test_loss_over_a_shape_is_zero_until_the_onset_and_agrees_with_the_limits():
    """Issue [10], items 2 and 3: every element on its own load line; max_loss = 0 is the onset."""
    g = mm.Catalog.default()["N42SH"]
    cylinder = mm.Cylinder(length=0.007, diameter=0.010)
    onset = g.max_operating_temperature(shape=cylinder)
    assert onset == pytest.approx(g.rated_temperature()["temperature_C"], abs=1e-3)  # the rating's cylinder
    assert g.irreversible_loss(shape=cylinder, temperature_C=onset) == 0.0
    losses = [g.irreversible_loss(shape=cylinder, temperature_C=onset + dt) for dt in (2, 5, 10, 20, 40)]
    assert losses == sorted(losses) and 0 < losses[0] < losses[-1] <= 1
    # a loss budget: the returned temperature keeps it, a little above does not
    t1 = g.max_operating_temperature(shape=cylinder, max_loss=0.01)
    assert g.irreversible_loss(shape=cylinder, temperature_C=t1) <= 0.01
    assert g.irreversible_loss(shape=cylinder, temperature_C=t1 + 0.5) > 0.01
    # a longer magnet (higher Pc everywhere) keeps its moment to a higher temperature
    long = mm.Cylinder(length=0.02, diameter=0.010)
    assert g.max_operating_temperature(shape=long) > onset
    # external fields: zero is zero either way; a reverse field lowers the limit, more so inside the magnet
    assert g.irreversible_loss(shape=cylinder, temperature_C=onset + 10, external_field_kind="in_magnet") == \
        g.irreversible_loss(shape=cylinder, temperature_C=onset + 10)
    applied = g.max_operating_temperature(shape=cylinder, external_field=1e5)
    inside = g.max_operating_temperature(shape=cylinder, external_field=1e5, external_field_kind="in_magnet")
    assert inside < applied < onset
    for shape in (mm.Block(length=0.005, width=0.02, height=0.01),
                  mm.Ring(length=0.005, outer_diameter=0.03, inner_diameter=0.015)):
        t = g.max_operating_temperature(shape=shape)
        assert g.irreversible_loss(shape=shape, temperature_C=t) == 0.0
        assert g.irreversible_loss(shape=shape, temperature_C=t + 15) > 0.0


def test_loss_arguments_are_checked():
    g = mm.Catalog.default()["N42"]
    cylinder = mm.Cylinder(length=0.007, diameter=0.010)
    with pytest.raises(ValueError, match="either pc"):
        g.irreversible_loss(pc=2.0, shape=cylinder, temperature_C=100)
    with pytest.raises(ValueError, match="either pc"):
        g.irreversible_loss(temperature_C=100)
    with pytest.raises(ValueError, match="in_magnet"):
        g.irreversible_loss(shape=cylinder, temperature_C=100, external_field_kind="inside")
    with pytest.raises(ValueError, match="needs a shape"):
        g.max_operating_temperature(pc=2.0, external_field_kind="in_magnet")
    with pytest.raises(TypeError, match="Cylinder, Block or Ring"):
        g.irreversible_loss(shape="cylinder", temperature_C=100)
    with pytest.raises(ValueError, match="max_loss"):
        g.max_operating_temperature(shape=cylinder, max_loss=1.5)
    with pytest.raises(ValueError, match="already exceeds"):
        g.max_operating_temperature(shape=cylinder, external_field=2e6)


def test_a_pc_is_read_as_makers_read_it():
    """Issue [10], item 4 / acceptance: max_operating_temperature(pc=2.0) of N42, N42M, N42H and N42SH
    within 20 K of their classes' 80, 100, 120 and 150 degC; the older one-load-line test stays."""
    cat = mm.Catalog.default()
    for name, rated in (("N42", 80.0), ("N42M", 100.0), ("N42H", 120.0), ("N42SH", 150.0)):
        local = cat[name].max_operating_temperature(pc=2.0)
        assert abs(local - rated) <= 20.0, (name, local)
        average = cat[name].max_operating_temperature(pc=2.0, criterion="average_knee")
        assert average > local  # one load line at the mean field is the more optimistic test
    with pytest.raises(ValueError, match="criterion"):
        cat["N42"].max_operating_temperature(pc=2.0, criterion="average")
    with pytest.raises(ValueError, match="reads a pc"):
        cat["N42"].max_operating_temperature(shape=mm.Cylinder(length=0.007, diameter=0.01), criterion="average_knee")



# ---- sweeps: array arguments broadcast (issue [10], item 7) ----------------------------------

RATING = mm.Cylinder(length=0.007, diameter=0.01)


def test_loss_sweeps_broadcast_and_equal_the_scalar_calls():
    g = mm.Catalog.default()["N42SH"]
    t = np.array([20.0, 120.0, 150.0, 165.0, 180.0, 230.0])
    fields = np.array([[0.0], [1e5], [-5e4]])  # (3, 1) x (6,) -> (3, 6)
    for kind in ("applied", "in_magnet"):
        swept = g.irreversible_loss(shape=RATING, temperature_C=t, external_field=fields, external_field_kind=kind)
        assert swept.shape == (3, 6) and swept.dtype == np.float64
        for i, h in enumerate(fields[:, 0]):
            for j, tj in enumerate(t):
                assert swept[i, j] == g.irreversible_loss(shape=RATING, temperature_C=float(tj), external_field=float(h),
                                                          external_field_kind=kind)
    pcs = np.array([0.5, 1.0, 2.0, 4.0])
    swept = g.irreversible_loss(pc=pcs[:, None], temperature_C=t)
    assert swept.shape == (4, 6)
    assert swept[2, 3] == g.irreversible_loss(pc=2.0, temperature_C=165.0)
    # numbers stay numbers; 0-d arrays and lists act as NumPy does
    assert isinstance(g.irreversible_loss(shape=RATING, temperature_C=150.0), float)
    assert isinstance(g.irreversible_loss(shape=RATING, temperature_C=np.float64(150.0)), float)
    assert isinstance(g.irreversible_loss(pc=2.0, temperature_C=np.array(150.0)), float)
    assert g.irreversible_loss(pc=[1.0, 2.0], temperature_C=150.0).shape == (2,)
    # the loss rises with temperature along a sweep
    assert np.all(np.diff(g.irreversible_loss(shape=RATING, temperature_C=np.linspace(20, 250, 200))) >= 0)


def test_operating_point_sweeps_give_operating_points_of_arrays():
    g = mm.Catalog.default()["N42H"]
    pcs = np.array([0.3, 1.0, 2.0])
    temps = np.array([[20.0], [150.0]])
    ops = g.operating_point(pc=pcs, temperature_C=temps, external_field=1e5)
    assert isinstance(ops, mm.OperatingPoints) and ops.shape == (2, 3) and len(ops) == 6
    for name in ("H", "B", "J", "temperature_C"):
        assert getattr(ops, name).shape == (2, 3) and getattr(ops, name).dtype == np.float64
    assert ops.beyond_knee.dtype == np.bool_
    one = g.operating_point(pc=0.3, temperature_C=150.0, external_field=1e5)
    assert isinstance(one, mm.OperatingPoint)
    assert (ops.H[1, 0], ops.B[1, 0], ops.J[1, 0], ops.beyond_knee[1, 0]) == (one.H, one.B, one.J, one.beyond_knee)
    np.testing.assert_array_equal(ops.temperature_C, np.broadcast_to(temps, (2, 3)))
    np.testing.assert_allclose(ops.B, -MU0 * pcs * (ops.H + 1e5), rtol=1e-7)
    assert "OperatingPoints(shape=(2, 3)" in repr(ops)


def test_max_operating_temperature_sweeps():
    g = mm.Catalog.default()["N42SH"]
    pcs = np.array([0.5, 1.0, 2.0, 4.0])
    swept = g.max_operating_temperature(pc=pcs)
    assert swept.shape == (4,)
    assert list(swept) == [g.max_operating_temperature(pc=float(p)) for p in pcs]
    assert np.all(np.diff(swept) > 0)  # a higher Pc holds longer
    losses = g.max_operating_temperature(shape=RATING, max_loss=np.array([0.0, 0.01, 0.05]))
    assert np.all(np.diff(losses) > 0)
    fields = g.max_operating_temperature(pc=2.0, external_field=[0.0, 1e5], criterion="average_knee")
    assert fields[1] < fields[0]


def test_sweep_errors_name_the_element_and_keep_their_kind():
    g = mm.Catalog.default()["N42SH"]
    with pytest.raises(mm.DomainError, match=r"at \[1\] \(pc=-1.0, temperature_C=100.0"):
        g.irreversible_loss(pc=np.array([1.0, -1.0]), temperature_C=100.0)
    with pytest.raises(mm.DomainError, match="do not broadcast together: pc \\(3,\\), temperature_C \\(2,\\)"):
        g.irreversible_loss(pc=[1.0, 2.0, 3.0], temperature_C=[100.0, 200.0])
    with pytest.raises(mm.DomainError, match=r"at \[0, 1\]"):
        g.irreversible_loss(shape=RATING, temperature_C=[[100.0, np.nan]])
    with pytest.raises(mm.InfeasibleError, match=r"at \[1\]"):
        g.max_operating_temperature(pc=[2.0, 2.0], external_field=[0.0, 5e6])
    with pytest.raises(TypeError, match="real numbers"):
        g.irreversible_loss(pc=np.array([1.0 + 1j]), temperature_C=100.0)
    # text is a TypeError like convert('12') (issue [12], item 12), not a DomainError
    with pytest.raises(TypeError, match="temperature_C must be a number or an array of numbers, not text"):
        g.irreversible_loss(pc=1.0, temperature_C=["hot"])
    with pytest.raises(TypeError, match="pc must be a number or an array of numbers, not text"):
        g.irreversible_loss(pc=["2"], temperature_C=100.0)


def test_local_state_agrees_with_the_loss_over_the_volume():
    g = mm.Catalog.default()["N42H"]
    onset = g.max_operating_temperature(shape=RATING)
    quadrature_points, _ = RATING.volume_quadrature(24)
    for t, lost in ((onset - 5.0, False), (onset + 20.0, True)):
        local = g.local_demagnetization(shape=RATING, points=quadrature_points, temperature_C=t)
        assert set(local) == {"permeance", "H", "knee_margin", "reversed_share"}
        assert (local["reversed_share"] > 0).any() == lost
        assert (g.irreversible_loss(shape=RATING, temperature_C=t) > 0) == lost
        np.testing.assert_allclose(local["permeance"], (1 + RATING.demagnetizing_field(quadrature_points)[:, 2])
                                   / -RATING.demagnetizing_field(quadrature_points)[:, 2], rtol=1e-9)
    face_centre = g.local_demagnetization(shape=RATING, points=[0.0, 0.0, 0.0035 - 1e-7], temperature_C=onset)
    assert face_centre["knee_margin"] == pytest.approx(0.0, abs=2e-3)
    with pytest.raises(mm.DomainError, match="outside the magnet"):
        g.local_demagnetization(shape=RATING, points=[0.0, 0.0, 0.01], temperature_C=onset)
