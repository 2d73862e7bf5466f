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
