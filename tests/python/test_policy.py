"""Tests of the programme's criteria and the first-order motor estimates through Python (issue [5])."""

import math

import pytest

import magmat as mm


def ndfeb_grades():
    cat = mm.Catalog.default()
    return [pytest.param(g, id=g.name) for g in cat if g.family.startswith("ndfeb")]


def test_thresholds_are_the_programme_numbers():
    t = mm.POLICY_THRESHOLDS
    assert t["max_energy_product"] == 150e3
    assert t["intrinsic_coercivity"] == 800e3
    assert t["temperature_C"] == pytest.approx(20.0)
    assert t["rated_speed_rpm"] == pytest.approx(10000.0, rel=1e-14)
    assert t["torque_density"] == pytest.approx(50.0, rel=1e-14)


@pytest.mark.parametrize("grade", ndfeb_grades())
def test_an_ndfeb_grade_meets_800_kA_per_m_only_if_its_HcJ_does(grade):
    hcj = grade.intrinsic_coercivity(temperature_C=20.0)
    bh = grade.max_energy_product(temperature_C=20.0)
    c = mm.check_policy(grade)
    assert c.coercivity_ok == (hcj >= 800e3)
    assert c.max_energy_product_ok == (bh >= 150e3)
    assert c.passes == (c.coercivity_ok and c.max_energy_product_ok)
    assert c.eligible == c.passes and not c.smco_eligible
    assert c.intrinsic_coercivity == pytest.approx(hcj)
    assert c.margins["intrinsic_coercivity"] == pytest.approx(hcj - 800e3, abs=1e-6)
    assert c.margins["max_energy_product"] == pytest.approx(bh - 150e3, abs=1e-6)
    assert c.temperature_C == pytest.approx(20.0)


def test_the_catalog_has_ndfeb_grades_on_both_sides_of_the_criteria():
    checks = [mm.check_policy(p.values[0]) for p in ndfeb_grades()]
    assert len(checks) > 10
    assert any(c.passes for c in checks)
    assert not all(c.coercivity_ok for c in checks)  # bonded grades below 800 kA/m


def test_a_composition_magnet_and_the_temperature_argument():
    m = mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0}, process="sintered")
    c = mm.check_policy(m)
    p = m.properties(temperature_C=20.0)
    assert c.family == "ndfeb_sintered"
    assert c.max_energy_product == pytest.approx(p.max_energy_product)
    assert c.max_energy_product_ok == (p.max_energy_product >= 150e3)
    hot = mm.check_policy(m, temperature_C=150.0)
    assert hot.intrinsic_coercivity < c.intrinsic_coercivity
    assert hot.temperature_C == pytest.approx(150.0)
    assert "PolicyCheck(" in repr(c) and "passes=" in repr(c)


def test_ferrite_fails_the_energy_product_and_is_never_eligible():
    f = mm.check_policy(mm.Magnet.from_composition("SrFe12O19", process="sintered_ferrite"))
    assert not f.max_energy_product_ok
    assert f.margins["max_energy_product"] < 0
    assert not f.passes and not f.smco_eligible and not f.eligible


@pytest.mark.parametrize("formula", ["SmCo5", "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5"])
def test_smco_is_eligible_by_rule(formula):
    s = mm.check_policy(mm.Magnet.from_composition(formula, process="sintered"))
    assert s.smco_eligible and s.eligible
    assert s.passes == (s.max_energy_product_ok and s.coercivity_ok)


def test_smco_catalog_grades_are_eligible():
    grades = [g for g in mm.Catalog.default() if g.family in ("smco5", "sm2co17")]
    assert grades
    assert all(mm.check_policy(g).eligible for g in grades)


@pytest.mark.parametrize(
    "torque_Nm, active_volume_L",
    [(50.0, 1.0), (5.0, 0.1), (15.0, 0.3), (3.5, 0.07), (100.0, 2.0)],
)
def test_the_motor_target_passes_exactly_at_the_boundary(torque_Nm, active_volume_L):
    c = mm.check_motor(rated_speed_rpm=10000, torque_Nm=torque_Nm, active_volume_L=active_volume_L)
    assert c.speed_ok and c.torque_density_ok and c.passes
    assert c.torque_density == pytest.approx(50.0)
    assert c.rated_speed_rpm == pytest.approx(10000.0)


def test_the_motor_target_fails_just_below_either_number():
    slow = mm.check_motor(rated_speed_rpm=9999, torque_Nm=200, active_volume_L=1)
    assert not slow.speed_ok and slow.torque_density_ok and not slow.passes
    assert slow.margins["rated_speed_rpm"] == pytest.approx(-1.0)
    weak = mm.check_motor(rated_speed_rpm=12000, torque_Nm=49.9, active_volume_L=1)
    assert weak.speed_ok and not weak.torque_density_ok and not weak.passes
    assert weak.margins["torque_density"] == pytest.approx(-0.1)
    assert "MotorCheck(" in repr(weak)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(rated_speed_rpm=-1.0, torque_Nm=100.0, active_volume_L=1.0), "rated_speed_rpm"),
        (dict(rated_speed_rpm=math.nan, torque_Nm=100.0, active_volume_L=1.0), "rated_speed_rpm"),
        (dict(rated_speed_rpm=1e4, torque_Nm=-1.0, active_volume_L=1.0), "torque_Nm"),
        (dict(rated_speed_rpm=1e4, torque_Nm=math.nan, active_volume_L=1.0), "torque_Nm"),
        (dict(rated_speed_rpm=1e4, torque_Nm=100.0, active_volume_L=0.0), "active_volume_L"),
        (dict(rated_speed_rpm=1e4, torque_Nm=100.0, active_volume_L=-1.0), "active_volume_L"),
        (dict(rated_speed_rpm=1e4, torque_Nm=100.0, active_volume_L=math.nan), "active_volume_L"),
    ],
)
def test_motor_inputs_outside_their_domain_raise_naming_the_argument(kwargs, name):
    with pytest.raises(ValueError, match=name) as info:
        mm.check_motor(**kwargs)
    assert isinstance(info.value, mm.DomainError)


def test_air_gap_flux_density_limits():
    g = mm.Catalog.default()["N42SH"]
    p = g.properties(temperature_C=20.0)
    br, mu_rec = p.remanence, p.recoil_permeability

    def b(t_m, gap, temperature_C=20.0):
        return mm.air_gap_flux_density(g, magnet_thickness=t_m, air_gap=gap, temperature_C=temperature_C)

    assert b(5e-3, 0.0) == pytest.approx(br, rel=1e-14)
    assert b(5e-3, 1e-9) == pytest.approx(br, rel=1e-6)
    assert b(5e-3, 1e-3) == pytest.approx(br * 5 / (5 + mu_rec), rel=1e-12)
    assert b(5e-3, 2e-3) < b(5e-3, 1e-3) < b(5e-3, 0.5e-3)
    assert b(5e-3, 1.0) < 0.01 * br
    assert mu_rec > 1.0 and b(5e-3, 1e-3) < br * 5 / 6  # mu_rec > 1 lowers B_g
    assert b(5e-3, 1e-3, temperature_C=100.0) < b(5e-3, 1e-3)
    # the operating point on the load line Pc = t_m / g
    op = g.operating_point(pc=5.0, temperature_C=20.0)
    assert b(5e-3, 1e-3) == pytest.approx(op.B, rel=1e-6)


def test_torque_per_rotor_volume_and_the_estimate():
    assert mm.torque_per_rotor_volume(air_gap_flux_density=1.0, electric_loading=50e3) == pytest.approx(
        math.sqrt(2) * 50e3
    )
    g = mm.Catalog.default()["N42SH"]
    e = mm.estimate_torque_density(
        g, magnet_thickness=5e-3, air_gap=1e-3, electric_loading=50e3, pole_arc_fraction=0.8, rotor_volume_fraction=0.36
    )
    bg = mm.air_gap_flux_density(g, magnet_thickness=5e-3, air_gap=1e-3)
    assert e.air_gap_flux_density == pytest.approx(bg)
    assert e.fundamental_flux_density == pytest.approx(4 / math.pi * math.sin(0.4 * math.pi) * bg)
    assert e.torque_per_rotor_volume == pytest.approx(math.sqrt(2) * e.fundamental_flux_density * 50e3)
    assert e.torque_density == pytest.approx(0.36 * e.torque_per_rotor_volume / 1000)
    assert "first-order estimate" in repr(e)
    ferrite = mm.Magnet.from_composition("SrFe12O19", process="sintered_ferrite")
    ef = mm.estimate_torque_density(ferrite, magnet_thickness=5e-3, air_gap=1e-3, electric_loading=50e3)
    full = mm.estimate_torque_density(g, magnet_thickness=5e-3, air_gap=1e-3, electric_loading=50e3)
    assert ef.torque_density < 0.5 * full.torque_density


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda g: mm.air_gap_flux_density(g, magnet_thickness=0.0, air_gap=1e-3), "magnet_thickness"),
        (lambda g: mm.air_gap_flux_density(g, magnet_thickness=-1e-3, air_gap=1e-3), "magnet_thickness"),
        (lambda g: mm.air_gap_flux_density(g, magnet_thickness=math.nan, air_gap=1e-3), "magnet_thickness"),
        (lambda g: mm.air_gap_flux_density(g, magnet_thickness=5e-3, air_gap=-1e-3), "air_gap"),
        (lambda g: mm.air_gap_flux_density(g, magnet_thickness=5e-3, air_gap=math.nan), "air_gap"),
        (lambda g: mm.torque_per_rotor_volume(air_gap_flux_density=1.0, electric_loading=-1.0), "electric_loading"),
        (lambda g: mm.torque_per_rotor_volume(air_gap_flux_density=1.0, electric_loading=math.nan), "electric_loading"),
        (lambda g: mm.torque_per_rotor_volume(air_gap_flux_density=-1.0, electric_loading=1.0), "air_gap_flux_density"),
        (
            lambda g: mm.estimate_torque_density(g, magnet_thickness=5e-3, air_gap=1e-3, electric_loading=-5.0),
            "electric_loading",
        ),
        (
            lambda g: mm.estimate_torque_density(
                g, magnet_thickness=5e-3, air_gap=1e-3, electric_loading=5e4, pole_arc_fraction=0.0
            ),
            "pole_arc_fraction",
        ),
        (
            lambda g: mm.estimate_torque_density(
                g, magnet_thickness=5e-3, air_gap=1e-3, electric_loading=5e4, rotor_volume_fraction=1.5
            ),
            "rotor_volume_fraction",
        ),
    ],
)
def test_sizing_inputs_outside_their_domain_raise_naming_the_argument(call, name):
    g = mm.Catalog.default()["N42SH"]
    with pytest.raises(mm.DomainError, match=name) as info:
        call(g)
    assert isinstance(info.value, ValueError)
