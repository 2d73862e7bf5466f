"""Tests of the grade catalog through Python (magmat.Catalog, magmat.Grade), issue [3]'s contract."""

import math
import pathlib

import numpy as np
import pytest

import magmat as mm

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "grades"
MU0 = mm.units.MU0


@pytest.fixture(scope="module")
def cat():
    return mm.Catalog.default()


def test_default_catalog_size_and_names(cat):
    assert len(cat) >= 60
    names = cat.names()
    assert len(names) == len(cat) and "N42SH" in names
    assert {g.family for g in cat} >= {"ndfeb_sintered", "ndfeb_bonded", "smco5", "sm2co17", "ferrite"}


def test_grade_lookup_is_case_insensitive_and_knows_aliases(cat):
    g = cat["N42SH"]
    assert isinstance(g, mm.Magnet) and isinstance(g, mm.Grade)
    assert (g.name, g.family) == ("N42SH", "ndfeb_sintered")
    assert cat["n42sh"].name == "N42SH"
    assert cat["42SH"].name == "N42SH"


def test_unknown_grade_is_a_key_error_with_suggestions(cat):
    with pytest.raises(KeyError) as info:
        cat["N42XH"]
    assert isinstance(info.value, mm.UnknownNameError)
    message = str(info.value)
    assert "N42SH" in message or "N42H" in message


def test_properties_at_20_C_are_the_datasheet_values(cat):
    g = cat["N42SH"]
    p = g.properties(temperature_C=20)
    ds = g.datasheet
    assert p.remanence == pytest.approx(ds["remanence"]["nominal"])
    assert p.intrinsic_coercivity == pytest.approx(ds["intrinsic_coercivity"]["nominal"])
    assert p.max_energy_product == pytest.approx(ds["max_energy_product"]["nominal"])
    # typical when the file gives one
    if ds["remanence"]["typical"] is not None:
        assert p.remanence == pytest.approx(ds["remanence"]["typical"])


@pytest.mark.parametrize("name", [g for g in mm.Catalog.default().names()])
def test_every_grade_is_a_working_magnet(cat, name):
    g = cat[name]
    ds = g.datasheet
    p20 = g.properties(temperature_C=20)
    assert p20.remanence == pytest.approx(ds["remanence"]["nominal"])
    # basic physics of the datasheet within rounding
    assert p20.max_energy_product <= p20.remanence ** 2 / (4 * MU0) * 1.03
    if ds["normal_coercivity"] is not None:
        assert ds["normal_coercivity"]["nominal"] <= ds["intrinsic_coercivity"]["nominal"] * 1.03
    hot = g.properties(temperature_C=80)
    for t in (-40, 80, 150):
        try:
            q = g.properties(temperature_C=t)
        except mm.DomainError:
            continue
        assert q.normal_coercivity <= q.intrinsic_coercivity
        assert q.normal_coercivity <= q.remanence / MU0 * (1 + 1e-12)
        assert q.max_energy_product <= q.remanence ** 2 / (4 * MU0) * (1 + 1e-12)
    if g.family == "ferrite":
        assert hot.intrinsic_coercivity > p20.intrinsic_coercivity  # coercivity rises with T
    else:
        assert hot.intrinsic_coercivity < p20.intrinsic_coercivity
    assert hot.remanence < p20.remanence


def test_sintered_grades_meet_their_coercivity_letter(cat):
    for g in cat:
        if g.family != "ndfeb_sintered":
            continue
        minimum = mm.coercivity_letter_minimum(mm.coercivity_letter(g.name))
        if minimum is None:
            continue
        ds = g.datasheet
        stated = ds["intrinsic_coercivity"]["min"] or ds["intrinsic_coercivity"]["nominal"]
        exception = ds["coercivity_letter_exception"]
        if exception is None:
            assert stated >= minimum * 0.999, g.name
        else:
            assert exception["source"], g.name
            assert stated == pytest.approx(exception["value"], rel=0.01), g.name


def test_find_filters_by_family_and_coercivity_at_temperature(cat):
    found = cat.find(family="ndfeb_sintered", min_intrinsic_coercivity=1.2e6, temperature_C=150)
    assert found, "some sintered grades keep 1.2 MA/m at 150 degC"
    for g in found:
        assert g.family == "ndfeb_sintered"
        assert g.intrinsic_coercivity(temperature_C=150) >= 1.2e6
    everything_sintered = {g.name for g in cat.find(family="ndfeb_sintered")}
    assert {g.name for g in found} < everything_sintered
    assert cat.find(family="ferrite", min_max_energy_product=1e6) == []


def test_to_dataframe(cat):
    pd = pytest.importorskip("pandas")
    df = cat.to_dataframe()
    assert isinstance(df, pd.DataFrame)
    assert len(df) == len(cat)
    row = df.set_index("name").loc["N42SH"]
    assert row["intrinsic_coercivity"] == pytest.approx(cat["N42SH"].datasheet["intrinsic_coercivity"]["nominal"])


def test_extend_returns_a_new_catalog(cat):
    before = len(cat)
    bigger = cat.extend(str(DATA / "valid_user_grades.json"))
    assert len(bigger) == before + 2 and len(cat) == before
    assert "LAB-N40UH" in bigger and "LAB-N40UH" not in cat
    g = bigger["lab40uh"]
    assert g.properties(temperature_C=20).remanence == pytest.approx(1.27)
    assert g.remanence(temperature_C=100) == pytest.approx(1.27 * (1 - 0.0011 * 80))
    assert mm.Catalog.load(str(DATA / "valid_user_grades.json")).names() == ["LAB-N40UH", "LAB-N38"]


@pytest.mark.parametrize(
    "file, fragment",
    [
        pytest.param("bad_json.json", "not valid JSON", id="bad-json"),
        pytest.param("missing_field.json", "/grades/0/remanence: required field is missing", id="missing-field"),
        pytest.param("wrong_unit.json", "/grades/0/remanence/typical/unit", id="wrong-unit"),
        pytest.param("negative_value.json", "/grades/0/density", id="negative-value"),
        pytest.param("duplicate_name.json", "already used", id="duplicate-name"),
        pytest.param("physics_violations.json", "/grades/1/normal_coercivity: HcB", id="physics"),
    ],
)
def test_malformed_user_files_are_rejected_whole(cat, file, fragment):
    before = len(cat)
    with pytest.raises(mm.DataError) as info:
        cat.extend(str(DATA / file))
    assert isinstance(info.value, ValueError)
    assert file in str(info.value) and fragment in str(info.value)
    assert len(cat) == before
    with pytest.raises(mm.DataError):
        mm.Catalog.load(str(DATA / file))


def test_extending_with_a_clashing_name_fails_and_changes_nothing(cat):
    user = mm.Catalog.load(str(DATA / "valid_user_grades.json"))
    twice = cat.merge(user)
    with pytest.raises(mm.DataError, match="already used"):
        twice.merge(user)
    assert len(twice) == len(cat) + 2


def test_grades_give_demagnetization_curves(cat):
    c = cat["N42SH"].demag_curve(temperature_C=150, points=50)
    assert c.H.shape == c.B.shape == c.J.shape == (50,)
    assert c.H[0] == 0 and c.H[-1] == pytest.approx(-cat["N42SH"].intrinsic_coercivity(temperature_C=150))
    assert np.allclose(c.B, MU0 * c.H + c.J)
    assert c.J[-1] == pytest.approx(0, abs=1e-12)


def test_datasheet_units_are_si(cat):
    ds = cat["Y30"].datasheet
    assert ds["remanence"]["typical"] == pytest.approx(0.385)          # 385 mT
    assert ds["intrinsic_coercivity"]["typical"] == pytest.approx(220e3)  # 220 kA/m
    assert ds["max_energy_product"]["typical"] == pytest.approx(28e3)   # 28 kJ/m^3
    assert math.isclose(mm.convert(ds["max_energy_product"]["typical"], "J/m3", "MGOe"), 3.5186, rel_tol=1e-3)


def test_every_shipped_grade_states_its_kind_and_find_filters_on_it(cat):
    kinds = {g.name: g.datasheet["kind"] for g in cat}
    assert set(kinds.values()) <= {"commercial", "literature"}
    commercial = {g.name for g in cat.find(kind="commercial")}
    literature = {g.name for g in cat.find(kind="literature")}
    assert commercial == {n for n, k in kinds.items() if k == "commercial"}
    assert literature == {n for n, k in kinds.items() if k == "literature"}
    assert commercial | literature == set(kinds)
    with pytest.raises(KeyError, match="kind 'comercial'"):
        cat.find(kind="comercial")
    with pytest.raises(KeyError, match="family 'ndfeb_sinterd'"):
        cat.find(family="ndfeb_sinterd")


def test_a_users_grade_without_kind_is_commercial_and_a_wrong_kind_is_named(tmp_path):
    import json
    grade = {"name": "MY1", "remanence": {"typical": {"value": 1.2, "unit": "T"}, "source": "me"},
             "intrinsic_coercivity": {"min": {"value": 1000, "unit": "kA/m"}, "source": "me"},
             "max_energy_product": {"typical": {"value": 270, "unit": "kJ/m3"}, "source": "me"}}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"schema": "magmat-grades/1", "family": "ndfeb_hot_deformed", "grades": [grade]}))
    assert mm.Catalog.load(str(path))["MY1"].datasheet["kind"] == "commercial"
    grade["kind"] = "paper"
    path.write_text(json.dumps({"schema": "magmat-grades/1", "family": "ndfeb_hot_deformed", "grades": [grade]}))
    with pytest.raises(mm.DataError, match=r"/grades/0/kind.*commercial.*literature"):
        mm.Catalog.load(str(path))


# ---- hostile grade files (issue [12], items 1 and 6) --------------------------------------------


def test_deep_nesting_is_refused_not_a_crash(tmp_path):
    # 200,000 nested brackets overflowed the stack of the record's dump()
    nest = "[" * 200_000 + "]" * 200_000
    deep = '{"schema":"magmat-grades/1","family":"ferrite","grades":[{"name":"X","x":' + nest + "}]}"
    with pytest.raises(mm.DataError, match="nested deeper than 64 levels"):
        mm.Catalog.from_json(deep)
    path = tmp_path / "deep.json"
    path.write_text(deep)
    with pytest.raises(mm.DataError, match="nested deeper"):
        mm.Catalog.load(str(path))
    with pytest.raises(mm.DataError, match="nested deeper"):
        mm.Catalog.default().extend(str(path))
    prices = tmp_path / "prices.json"
    prices.write_text('{"name": "p", "prices": ' + nest + "}")
    with pytest.raises(mm.DataError, match="nested deeper"):
        mm.load_price_table(str(prices))


def test_a_key_given_twice_is_refused():
    text = '{"schema":"magmat-grades/1","family":"ferrite","family":"smco5","grades":[]}'
    with pytest.raises(mm.DataError, match='key "family" appears twice'):
        mm.Catalog.from_json(text)
    # also deep inside a record
    text = ('{"schema":"magmat-grades/1","family":"ferrite","grades":[{"name":"A","name":"B"}]}')
    with pytest.raises(mm.DataError, match='key "name" appears twice'):
        mm.Catalog.from_json(text)


def _grade_file(family, br=1.30, hcj_kA_m=1000.0, bh_kJ_m3=100.0, **extra):
    import json
    grade = {"name": "BAD", "remanence": {"typical": {"value": br, "unit": "T"}, "source": "x"},
             "intrinsic_coercivity": {"min": {"value": hcj_kA_m, "unit": "kA/m"}, "source": "x"},
             "max_energy_product": {"typical": {"value": bh_kJ_m3, "unit": "kJ/m3"}, "source": "x"}, **extra}
    return json.dumps({"schema": "magmat-grades/1", "family": family, "grades": [grade]})


def _coefficients(alpha, beta, to_C=100.0):
    return {"remanence": {"value": alpha, "unit": "%/K"}, "intrinsic_coercivity": {"value": beta, "unit": "%/K"},
            "from": {"value": 20, "unit": "degC"}, "to": {"value": to_C, "unit": "degC"}, "source": "x"}


def _celsius(value):
    return {"value": value, "unit": "degC", "source": "x"}


@pytest.mark.parametrize(
    "text, pattern",
    [
        pytest.param(_grade_file("ndfeb_sintered", hcj_kA_m=1e297),
                     r"/grades/0/intrinsic_coercivity: HcJ 1e\+300 A/m exceeds the anisotropy field .*\(grade BAD\)",
                     id="hcj-1e300"),
        pytest.param(_grade_file("ndfeb_sintered", temperature_coefficients=_coefficients(1.0, -0.6)),
                     r"temperature_coefficients/remanence: alpha\(Br\) 1 %/K outside the physical range \[-1, 0\] %/K",
                     id="alpha-plus-1"),
        pytest.param(_grade_file("ndfeb_sintered", temperature_coefficients=_coefficients(-0.12, 3.0)),
                     r"temperature_coefficients/intrinsic_coercivity: beta\(HcJ\) 3 %/K outside .*\[-2, 0\]",
                     id="beta-plus-3"),
        pytest.param(_grade_file("ferrite", br=0.4, hcj_kA_m=250, bh_kJ_m3=25,
                                 temperature_coefficients=_coefficients(-0.2, 3.0)),
                     r"beta\(HcJ\) 3 %/K outside the physical range \[0, 1\] %/K of a ferrite", id="ferrite-beta"),
        pytest.param(_grade_file("smco5", br=0.9, hcj_kA_m=1200,
                                 temperature_coefficients=_coefficients(-0.04, -0.3, to_C=1e6)),
                     r"temperature_coefficients/to: 1000000.00 degC lies above the Curie temperature of SmCo5",
                     id="interval-to-1e6"),
        pytest.param(_grade_file("ndfeb_sintered", max_operating_temperature=_celsius(5000),
                                 curie_temperature=_celsius(100)),
                     r"max_operating_temperature: 5000.00 degC is not below its datasheet Curie temperature 100.00",
                     id="max-operating-above-curie"),
        pytest.param(_grade_file("ndfeb_sintered", curie_temperature=_celsius(-100)),
                     r"curie_temperature: Curie temperature -100.00 degC outside the plausible \(20, 1114.85\]",
                     id="curie-minus-100"),
        pytest.param(_grade_file("ndfeb_sintered", curie_temperature=_celsius(100),
                                 temperature_coefficients=_coefficients(-0.12, -0.6, to_C=200)),
                     r"to: 200.00 degC lies above its datasheet Curie temperature 100.00", id="curie-is-used"),
    ],
)
def test_issue_12_item_6_impossible_datasheets_are_refused(text, pattern):
    with pytest.raises(mm.DataError, match=pattern):
        mm.Catalog.from_json(text)


def test_physical_bounds_are_not_the_typical_values():
    # Gd-compensated 2:17 (alpha ~ 0, MARINESCU08) and ferrite's positive beta (+0.27 %/K, HSM-FERRITE) load
    mm.Catalog.from_json(_grade_file("sm2co17", br=1.0, hcj_kA_m=1500,
                                     temperature_coefficients=_coefficients(0.005, -0.2)))
    mm.Catalog.from_json(_grade_file("ferrite", br=0.4, hcj_kA_m=250, bh_kJ_m3=25,
                                     temperature_coefficients=_coefficients(-0.2, 0.27)))


# Issue [12] item 8: NaN or sub-zero temperatures returned [], a NaN minimum passed every grade.
@pytest.mark.parametrize(
    "kwargs, name",
    [
        pytest.param({"temperature_C": math.nan, "min_intrinsic_coercivity": 1e6}, "temperature", id="temperature-nan"),
        pytest.param({"temperature_C": -300.0, "min_intrinsic_coercivity": 1e6}, "temperature", id="temperature-300"),
        pytest.param({"temperature_C": math.nan}, "temperature", id="temperature-nan-alone"),
        pytest.param({"min_intrinsic_coercivity": math.nan}, "min_intrinsic_coercivity", id="hcj-nan"),
        pytest.param({"min_max_energy_product": math.nan}, "min_max_energy_product", id="bhmax-nan"),
        pytest.param({"max_heavy_rare_earth": math.nan}, "max_heavy_rare_earth", id="hre-nan"),
    ],
)
def test_find_refuses_bad_filter_values_naming_them(cat, kwargs, name):
    with pytest.raises(mm.DomainError, match=name):
        cat.find(**kwargs)
