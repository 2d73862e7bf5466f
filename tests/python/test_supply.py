"""Tests of the price tables and supply scenarios (magmat.PriceTable, magmat.supply_scenario, ...)."""
import json
import math

import numpy as np
import pytest

import magmat as mm


@pytest.mark.parametrize(
    "name, year, value",
    [
        # METI-2025 intro footnote 1 writes 0.6万トン, 16.1万トン, 0.8万トン, 4.1万トン (1万トン = 10,000 t)
        ("ev_traction_ndfeb_world", 2017, 6000.0),
        ("ev_traction_ndfeb_world", 2040, 161000.0),
        ("wind_ndfeb_world", 2017, 8000.0),
        ("wind_ndfeb_world", 2030, 41000.0),
        ("recoverable_ndfeb_japan", 2020, 300.0),
        ("recoverable_ndfeb_japan", 2030, 1000.0),
        ("recoverable_ndfeb_japan", 2040, 2500.0),
        ("recoverable_ndfeb_japan", 2050, 5000.0),
        ("samarium_demand_japan", 2021, 80.0),
    ],
)
def test_seed_figures_at_their_years(name, year, value):
    s = mm.supply_scenario(name)
    assert s.at(year) == value
    assert s.unit == "t/year"
    assert s.source == "METI-2025"


def test_interpolation_arrays_and_extrapolation():
    s = mm.supply_scenario("recoverable_ndfeb_japan")
    assert s.at(2025) == pytest.approx(650.0)
    np.testing.assert_allclose(s.at(np.array([2020.0, 2035.0, 2050.0])), [300.0, 1750.0, 5000.0])
    np.testing.assert_array_equal(s.years, [2020, 2030, 2040, 2050])
    with pytest.raises(mm.DomainError, match="2051"):
        s.at(2051)
    assert s.at(2060, extrapolate=True) == pytest.approx(7500.0)
    with pytest.raises(mm.DomainError):
        s.at(math.nan, extrapolate=True)
    assert mm.supply_scenario_names() == sorted(mm.supply_scenario_names())


def test_sm_arithmetic():
    sm = mm.supply_scenario("samarium_demand_japan").at(2021)
    t5 = mm.compound_tonnes_from_element(sm, "SmCo5", "Sm")
    t17 = mm.compound_tonnes_from_element(sm, mm.Composition.from_formula("Sm2Co17"), mm.Element.Sm)
    assert t5 == pytest.approx(236.7, abs=1.0)   # "about 240 t"
    assert t17 == pytest.approx(346.5, abs=1.0)  # "about 350 t"
    assert 100 < t5 < t17 < 1000                 # "a few hundred tonnes"


def test_mix_and_recycled_supply():
    nd, dy = "Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B"
    t = mm.element_tonnes(1000.0, [(nd, 0.5), (dy, 0.5)])
    assert sum(t.values()) == pytest.approx(1000.0)
    assert t["Dy"] == pytest.approx(500.0 * mm.Composition.from_formula(dy).mass_fraction("Dy"))
    with pytest.raises(mm.DomainError, match="sum to 1"):
        mm.element_tonnes(1000.0, [(nd, 0.5), (dy, 0.4)])
    with pytest.raises(mm.DomainError):
        mm.element_tonnes(-1.0, nd)
    rec = mm.supply_scenario("recoverable_ndfeb_japan")
    r = mm.recycled_element_tonnes(rec, 2030, dy, recovery_yield=0.8)
    assert r["Nd"] == pytest.approx(800.0 * mm.Composition.from_formula(dy).mass_fraction("Nd"))
    for bad in (0.0, 1.5, math.nan):
        with pytest.raises(mm.DomainError):
            mm.recycled_element_tonnes(rec, 2030, dy, bad)


def test_cost_by_hand_and_shock():
    table = mm.PriceTable("test", "USD", "test", "metal", {"Nd": 100.0, "Fe": 1.0, "B": 10.0})
    c = mm.Composition.from_formula("Nd2Fe14B")
    expected = c.mass_fraction("Nd") * 100 + c.mass_fraction("Fe") * 1 + c.mass_fraction("B") * 10
    assert mm.raw_material_cost(c, table) == pytest.approx(expected)
    shocked = table.with_shock(7)
    assert mm.raw_material_cost("Nd2Fe14B", shocked) == pytest.approx(expected + 6 * c.mass_fraction("Nd") * 100)
    assert shocked.prices["Fe"] == 1.0
    assert table.with_shock(2, elements=["Fe"]).prices["Fe"] == 2.0


def test_default_table_and_errors(tmp_path):
    d = mm.default_price_table()
    assert d.currency == "USD" and "2019" in d.date
    assert "Nd2O3" in d.sources["Nd"]
    assert "H3BO3" in d.sources["B"] and "FASTMARKETS" in d.sources["B"]
    assert mm.raw_material_cost("Nd2Fe14B") > 0
    with pytest.raises(mm.UnknownNameError, match="no price for"):
        mm.raw_material_cost("SrFe12O19")
    # Pr and Sm: yuan quotes converted by their entries' sourced exchange rates
    assert d.prices["Pr"] == pytest.approx(395.0 / 6.9081 / mm.Composition.from_formula("Pr6O11").mass_fraction("Pr"))
    assert "CNY/USD" in d.sources["Sm"] and "SMM-2020-07-07" in d.sources["Sm"]
    assert mm.raw_material_cost("SmCo5") > 0
    with pytest.raises(mm.UnknownNameError, match="ev_traction_ndfeb_world"):
        mm.supply_scenario("ev")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"name": "x", "currency": "USD", "date": "d", "basis": "b",
                               "prices": {"Nd": {"price": {"value": 1, "unit": "EUR/kg"}, "source": "S"}}}))
    with pytest.raises(mm.DataError, match="/prices/Nd/price/unit"):
        mm.load_price_table(str(bad))
    with pytest.raises(mm.DomainError):
        mm.PriceTable("x", "USD", "d", "b", {"Nd": math.nan})
