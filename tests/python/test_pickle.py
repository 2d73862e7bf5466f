"""Pickling of magmat objects: magnets, grades (shipped and user), catalogs, requirements and
property records travel between processes (Dask) and come back equal."""

import pathlib
import pickle

import pytest

import magmat as mm

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "grades"


def magnets():
    cat = mm.Catalog.default()
    return [
        pytest.param(cat["N42SH"], id="grade"),
        pytest.param(cat.extend(str(DATA / "valid_user_grades.json"))["LAB-N40UH"], id="user-grade"),
        pytest.param(mm.Magnet.from_composition({"Nd": 30.5, "Dy": 0.5, "Fe": 68, "B": 1},
                                                process="grain_boundary_diffused", alignment=0.97), id="gbd-override"),
        pytest.param(mm.strategy_magnet("bulk_tb", 0.01), id="strategy"),
        pytest.param(mm.Magnet.from_composition("SmCo5"), id="SmCo5"),
        pytest.param(mm.Magnet.from_composition("SrFe12O19", process="sintered_ferrite"), id="ferrite"),
    ]


@pytest.mark.parametrize("magnet", magnets())
def test_magnets_round_trip(magnet):
    copy = pickle.loads(pickle.dumps(magnet))
    assert type(copy) is type(magnet) and copy.name == magnet.name
    assert copy.process_parameters == magnet.process_parameters
    for t in (20.0, 120.0):
        assert copy.properties(t).to_dict() == magnet.properties(t).to_dict()
    if isinstance(magnet, mm.Grade):
        assert copy.datasheet == magnet.datasheet


def test_catalog_requirement_and_records_round_trip():
    cat = mm.Catalog.default()
    assert pickle.loads(pickle.dumps(cat)).names() == cat.names()
    req = mm.Requirement(temperature_C=150, permeance=2.0, external_field=1e5, min_remanence=1.2)
    assert repr(pickle.loads(pickle.dumps(req))) == repr(req)
    p = cat["N42"].properties(100)
    assert pickle.loads(pickle.dumps(p)).to_dict() == p.to_dict()
    c = mm.Composition.from_formula("(Nd0.8Dy0.2)2Fe14B")
    assert pickle.loads(pickle.dumps(c)) == c


def test_every_core_object_pickles():
    cat = mm.Catalog.default()
    g = cat["N42SH"]
    study = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), units_per_year=10)
    objects = [
        mm.element("Nd"), g.reversible_coefficients(20, 150), g.operating_point(pc=2.0, temperature_C=150),
        g.operating_point(pc=[1.0, 2.0], temperature_C=150),
        g.demag_curve(temperature_C=100, points=20), mm.check_policy(g),
        mm.check_motor(rated_speed_rpm=12000, torque_Nm=250, active_volume_L=4.5),
        mm.estimate_torque_density(g, magnet_thickness=0.005, air_gap=0.001, electric_loading=4e4),
        mm.supply_scenario("wind_ndfeb_world"), mm.default_price_table(), study, study["gbd_dy"], mm.phase("SmCo5"),
    ]
    for obj in objects:
        copy = pickle.loads(pickle.dumps(obj))
        assert type(copy) is type(obj)
        assert repr(copy) == repr(obj), type(obj).__name__
    copy = pickle.loads(pickle.dumps(study))
    assert copy["gbd_dy"].tonnes_per_year == study["gbd_dy"].tonnes_per_year
    assert copy["gbd_dy"].magnet.properties(20).to_dict() == study["gbd_dy"].magnet.properties(20).to_dict()
    curve = g.demag_curve(temperature_C=100, points=20)
    assert (pickle.loads(pickle.dumps(curve)).B == curve.B).all()


# ---- corrupted states (issue [12], item 3): every __setstate__ checks what it is given ----------

import magmat._core as core  # noqa: E402


def _magnet_state_with(index, value):
    state = list(mm.Magnet.from_composition("Nd2Fe14B").__getstate__())
    process = list(state[3])
    process[index] = value
    state[3] = tuple(process)
    return tuple(state)


@pytest.mark.parametrize("cls, state, message", [
    (mm.Grade, ("ndfeb_sintered", "", "f"), "one grade record, got 0"),  # was a segfault
    (mm.Grade, ("ndfeb_sintered",), "3 items"),
    (mm.Grade, ('x", "y": 1, "z": "', "{}", "f"), "unknown family"),
    (core.MagnetProperties, (300.0, -1.0, 1, 1, 1, 1, 1, 1), "finite number >= 0"),
    (core.MagnetProperties, (300.0, 1.0, 1e5, 2e5, 1e5, 1e5, 1e6, 1.05), "inconsistent"),
    (core.MagnetProperties, (300.0,), "8 items"),
    (core.DemagnetizationCurve, ([1.0, 2.0], [1.0], [1.0, 2.0]), "differ in length"),
    (core.DemagnetizationCurve, ([1.0], [float("nan")], [1.0]), "not finite"),
    (mm.Cylinder, (1.0,), "2 items"),
    (mm.Cylinder, (-1.0, 1.0), "length must be"),
    (mm.Ring, (0.01, 0.01, 0.02), "inner"),
    (mm.OperatingPoint, (300.0, 0.0, 1.0, 2.0, False), "B != mu0 H \\+ J"),
    (mm.OperatingPoint, ("a", 0.0, 0.0, 0.0, False), "wrong type"),
    (core.TemperatureCoefficients, (1.0,), "4 items"),
    (mm.Requirement, (423.15, None, 2.0), "12 items"),
    (mm.Magnet, (1, 2), "6 items"),
    (mm.Magnet, _magnet_state_with(3, -1.0), "relative_density must lie"),
    (mm.Magnet, _magnet_state_with(0, "no_such_family"), "unknown family"),
    (mm.Magnet, _magnet_state_with(6, float("nan")), "finite number"),
    (mm.OperatingPoints, ((3,), [1.0], [1.0], [1.0], [1.0], [True]), "do not match its shape"),
])
def test_corrupted_states_raise_naming_the_class(cls, state, message):
    obj = cls.__new__(cls)
    with pytest.raises((mm.DomainError, mm.DataError), match=message):
        obj.__setstate__(state)
