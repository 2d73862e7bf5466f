"""Tests of the phase model through Python (magmat.phase, magmat.Phase)."""

import math
import pickle

import numpy as np
import pytest

import magmat as mm

MU0 = mm.units.MU0


def test_nd2fe14b_matches_the_confirmed_values():
    ph = mm.phase("Nd2Fe14B")
    # Js 1.61 T and mu0*HA 7.3 T at room temperature [C: JPMF], within 2 %.
    assert ph.saturation_polarization(temperature_C=27) == pytest.approx(1.61, rel=0.02)
    assert ph.anisotropy_field(temperature_C=27) * 4e-7 * math.pi == pytest.approx(7.3, rel=0.02)
    # Curie point 585 K (312 degC) [C] within 5 K.
    assert ph.curie_temperature_C == pytest.approx(311.85, abs=5)
    assert 510e3 <= ph.max_energy_product_limit(temperature_C=27) <= 520e3


@pytest.mark.parametrize(
    "formula, js_falls, ha_falls",
    [
        pytest.param("(Nd0.8Dy0.2)2Fe14B", True, False, id="Dy-lowers-Js-raises-HA"),
        pytest.param("(Nd0.8Tb0.2)2Fe14B", True, False, id="Tb-lowers-Js-raises-HA"),
        pytest.param("(Nd0.8Ce0.2)2Fe14B", True, True, id="Ce-lowers-both"),
        pytest.param("(Nd0.8La0.2)2Fe14B", True, True, id="La-lowers-both"),
    ],
)
def test_substitution_on_the_rare_earth_site(formula, js_falls, ha_falls):
    nd = mm.phase("Nd2Fe14B")
    ph = mm.phase(formula)
    assert (ph.saturation_polarization(temperature_C=20) < nd.saturation_polarization(temperature_C=20)) == js_falls
    assert (ph.anisotropy_field(temperature_C=20) < nd.anisotropy_field(temperature_C=20)) == ha_falls


@pytest.mark.parametrize(
    "x, js",
    [pytest.param(0.05, 1.565, id="x=0.05"), pytest.param(0.10, 1.520, id="x=0.10"),
     pytest.param(0.20, 1.430, id="x=0.20")],
)
def test_dy_substitution_follows_the_moment_sum(x, js):
    # Brief §2 [D]: the linear moment sum of the room-temperature end members; tolerance 5 mT.
    ph = mm.phase(f"(Nd{1 - x:g}Dy{x:g})2Fe14B")
    assert ph.saturation_polarization(temperature_C=21.85) == pytest.approx(js, abs=0.005)


def test_la_co_ferrite_measured_point_inside_the_range():
    # LACO24B [C]: 72.4 emu/g at x = 0.15; the linear rule lands within 5 %.
    ph = mm.phase("Sr0.85La0.15Fe11.85Co0.15O19")
    emu_per_g = ph.saturation_polarization(temperature_C=21.85) / MU0 / ph.density
    assert emu_per_g == pytest.approx(72.4, rel=0.05)
    assert [m[0] for m in ph.members] == ["SrFe12O19", "Sr1-xLaxFe12-xCoxO19"]


def test_arrays_of_temperatures_give_arrays():
    ph = mm.phase("SmCo5")
    t = np.array([[20.0, 100.0], [200.0, 300.0]])
    js = ph.saturation_polarization(temperature_C=t)
    assert isinstance(js, np.ndarray) and js.shape == (2, 2)
    assert js[0, 0] == pytest.approx(ph.saturation_polarization(temperature_C=20.0))
    assert np.all(np.diff(js.ravel()) < 0)


@pytest.mark.parametrize(
    "formula, fragment",
    [
        pytest.param("Nd2Fe13B", "2:14:1", id="not-2-14-1"),
        pytest.param("Er2Fe14B", "Er2Fe14B", id="no-end-member"),
        pytest.param("SmCo7", "no phase data", id="unknown-phase"),
        pytest.param("Sr0.5La0.5Fe11.5Co0.5O19", "measured range", id="La-Co-beyond-x-0.3"),
        pytest.param("Sm(Co0.69Fe0.22Cu0.07Zr0.02)6", "z = 6", id="SmCo-z-out-of-range"),
    ],
)
def test_compositions_without_data_are_refused(formula, fragment):
    with pytest.raises(mm.DomainError) as info:
        mm.phase(formula)
    assert isinstance(info.value, ValueError)
    assert fragment in str(info.value)


def test_malformed_formula_is_a_parse_error():
    with pytest.raises(mm.ParseError):
        mm.phase("Nd2Fe14Xx")


@pytest.mark.parametrize(
    "temperature_C, fragment",
    [
        pytest.param(312.0, "Curie", id="at-curie"),
        pytest.param(500.0, "Curie", id="above-curie"),
        pytest.param(-300.0, "absolute zero", id="below-absolute-zero"),
        pytest.param(float("nan"), "NaN", id="nan"),
    ],
)
def test_bad_temperatures_are_refused(temperature_C, fragment):
    with pytest.raises(ValueError) as info:
        mm.phase("Nd2Fe14B").saturation_polarization(temperature_C=temperature_C)
    assert fragment in str(info.value)


def test_an_array_error_names_the_element():
    with pytest.raises(mm.DomainError, match=r"temperature_C\[1\]"):
        mm.phase("Nd2Fe14B").anisotropy_field(temperature_C=[20.0, 400.0])


def test_phases_pickle():
    ph = mm.phase("(Nd0.8Dy0.2)2Fe14B")
    again = pickle.loads(pickle.dumps(ph))
    assert again.saturation_polarization(temperature_C=50) == ph.saturation_polarization(temperature_C=50)


def test_every_shipped_phase_id_is_listed():
    ids = mm.phase_ids()
    for expected in ("Nd2Fe14B", "Dy2Fe14B", "Tb2Fe14B", "Ce2Fe14B", "La2Fe14B", "Pr2Fe14B",
                     "SmCo5", "Sm2Co17", "SrFe12O19", "BaFe12O19"):
        assert expected in ids
