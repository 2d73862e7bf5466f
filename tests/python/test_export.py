"""Tests of magmat.export (item 7 of the catalog issue): each produced file parses with the target
format's rules as documented, and round-trips the numbers it carries. The target tools (FEMM,
pyleecan) are not needed; magpylib is a test dependency (pyproject's [test] extra), and its test is skipped where it is absent.

Format rules used by the parsers below (see docs/exports.md for the sources):
* FEMM .fem [BlockProps]: between <BeginBlock> and <EndBlock>, one "<Key> = value" per line,
  keys matched case-insensitively, BlockName a double-quoted string, numbers read by sscanf
  ("%lf", integers "%i"), <BHPoints> = N followed by N "B<tab>H" lines.
* FEMM Lua: mi_addmaterial("name", mu_x, mu_y, H_c, J, Cduct, Lam_d, Phi_hmax, lam_fill,
  LamType, Phi_hx, Phi_hy, NStrands, WireD).
* pyleecan: JSON objects with "__class__" naming Material, MatMagnetics, MatStructural.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import sys

import numpy as np
import pytest

import magmat as mm
from magmat import export

MU0 = mm.units.MU0


# --- magnets ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog():
    return mm.Catalog.default()


MAGNETS = {
    "grade-N42SH": lambda c: c["N42SH"],
    "grade-ferrite-C8A": lambda c: c["C8A"],
    "grade-SmCo-YXG24H": lambda c: c["YXG24H"],
    "composition-Nd2Fe14B": lambda c: mm.Magnet.from_composition("Nd2Fe14B"),
    "composition-wt%-NdDyFeB": lambda c: mm.Magnet.from_composition({"Nd": 28.0, "Dy": 3.0, "Fe": 68.0, "B": 1.0}),
}


@pytest.fixture(params=sorted(MAGNETS), ids=sorted(MAGNETS))
def magnet(request, catalog):
    return MAGNETS[request.param](catalog)


# --- FEMM ---------------------------------------------------------------------------------

_FEMM_LINE = re.compile(r"^\s*<([A-Za-z_]+)>\s*=\s*(.*?)\s*$")
_FEMM_INTEGER_KEYS = {"lamtype", "nstrands", "bhpoints"}


def parse_femm_block(text: str) -> dict[str, object]:
    """A small parser that follows FEMM's block grammar; keys are returned lower case (FEMM
    compares them case-insensitively). Raises AssertionError on anything outside the grammar."""
    lines = text.splitlines()
    assert lines, "empty block"
    assert lines[0].strip().lower() == "<beginblock>", lines[0]
    assert lines[-1].strip().lower() == "<endblock>", lines[-1]
    values: dict[str, object] = {}
    body = iter(lines[1:-1])
    for line in body:
        m = _FEMM_LINE.match(line)
        assert m, f"not a '<Key> = value' line: {line!r}"
        key, raw = m.group(1).lower(), m.group(2)
        assert key not in values, f"duplicate key {key}"
        if key == "blockname":
            q = re.fullmatch(r'"([^"\r\n]*)"', raw)
            assert q, f"BlockName must be a quoted string: {raw!r}"
            values[key] = q.group(1)
        elif key in _FEMM_INTEGER_KEYS:
            assert re.fullmatch(r"[+-]?\d+", raw), f"{key} must be an integer: {raw!r}"
            values[key] = int(raw)
        else:
            values[key] = float(raw)  # C's %lf accepts what Python's float() accepts here
        if key == "bhpoints":
            values["bh"] = [tuple(float(v) for v in next(body).split("\t")) for _ in range(values[key])]
    return values


FEMM_KEYS = [
    "blockname", "mu_x", "mu_y", "h_c", "h_cangle", "j_re", "j_im", "sigma", "d_lam", "phi_h",
    "phi_hx", "phi_hy", "lamtype", "lamfill", "nstrands", "wired", "bhpoints",
]


def test_femm_block_follows_the_grammar_with_every_key_in_femm_order(catalog):
    text = export.femm_block(catalog["N42SH"])
    assert text.endswith("\n")
    values = parse_femm_block(text)
    assert [k for k in values if k != "bh"] == FEMM_KEYS
    assert values["blockname"] == "N42SH 20degC"  # the temperature is in the default name
    assert values["bhpoints"] == 40 and len(values["bh"]) == 40  # nonlinear by default
    assert values["bh"][0] == (0.0, 0.0)
    assert values["lamtype"] == 0 and values["lamfill"] == 1.0 and values["nstrands"] == 0
    assert values["h_cangle"] == 0.0 and values["j_re"] == 0.0 and values["j_im"] == 0.0
    # FEMM's own writer: two-space <BeginBlock>, four-space keys
    assert text.splitlines()[0] == "  <BeginBlock>"
    assert text.splitlines()[1] == '    <BlockName> = "N42SH 20degC"'
    linear = parse_femm_block(export.femm_block(catalog["N42SH"], bh_points=0))
    assert linear["bhpoints"] == 0 and linear["bh"] == []


@pytest.mark.parametrize("temperature_C", [20.0, 80.0, 150.0], ids=["20C", "80C", "150C"])
def test_femm_block_round_trips_br_and_recoil_permeability(magnet, temperature_C):
    p = magnet.properties(temperature_C)
    values = parse_femm_block(export.femm_block(magnet, temperature_C, bh_points=0))
    assert values["mu_x"] == p.recoil_permeability
    assert values["mu_y"] == p.recoil_permeability
    br_back = export.FEMM_MU0 * values["mu_x"] * values["h_c"]
    assert br_back == pytest.approx(p.remanence, rel=1e-12, abs=0)
    assert values["h_c"] > 0


def test_femm_uses_femms_own_mu0():
    assert export.FEMM_MU0 == 1.2566370614359173e-6  # FEMM's `#define muo`
    assert export.FEMM_MU0 == pytest.approx(MU0, rel=1e-9)


def test_femm_name_and_conductivity_units(catalog):
    values = parse_femm_block(export.femm_block(catalog["N42SH"], name="NdFeB 42SH hot", conductivity=0.667e6))
    assert values["blockname"] == "NdFeB 42SH hot"
    assert values["sigma"] == pytest.approx(0.667, rel=1e-15)  # S/m in, MS/m out


@pytest.mark.parametrize("bad", ['say "hi"', "back\\slash", "two\nlines", "", "   "],
                         ids=["quote", "backslash", "newline", "empty", "blank"])
def test_femm_rejects_names_femm_cannot_read_back(catalog, bad):
    with pytest.raises(ValueError):
        export.femm_block(catalog["N42SH"], name=bad)
    with pytest.raises(ValueError):
        export.femm_lua(catalog["N42SH"], name=bad)


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf], ids=["negative", "nan", "inf"])
def test_femm_rejects_bad_conductivity(catalog, bad):
    with pytest.raises(ValueError):
        export.femm_block(catalog["N42SH"], conductivity=bad)


def parse_lua_call(text: str) -> tuple[str, list[object]]:
    """Function name and arguments of one Lua call with string and number literals."""
    m = re.fullmatch(r"\s*([A-Za-z_][A-Za-z0-9_]*)\((.*)\)\s*", text, flags=re.S)
    assert m, f"not a call: {text!r}"
    args: list[object] = []
    token = re.compile(r'\s*(?:"((?:[^"\\\n]|\\.)*)"|([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))\s*(,|$)')
    rest, pos = m.group(2), 0
    while pos < len(rest):
        t = token.match(rest, pos)
        assert t, f"bad argument at {rest[pos:]!r}"
        args.append(t.group(1) if t.group(1) is not None else float(t.group(2)))
        pos = t.end()
        if t.group(3) == "":
            assert pos == len(rest)
    return m.group(1), args


def test_femm_lua_call_has_fourteen_arguments_in_femms_order(magnet):
    first, *points = export.femm_lua(magnet, 60.0, conductivity=1.2e6).split("\n")
    name, args = parse_lua_call(first)
    block = parse_femm_block(export.femm_block(magnet, 60.0, conductivity=1.2e6))
    assert name == "mi_addmaterial"
    assert len(args) == 14
    # ("name", mu_x, mu_y, H_c, J, Cduct, Lam_d, Phi_hmax, lam_fill, LamType, Phi_hx, Phi_hy, NStrands, WireD)
    expected = [block["blockname"], block["mu_x"], block["mu_y"], block["h_c"], block["j_re"], block["sigma"],
                block["d_lam"], block["phi_h"], block["lamfill"], block["lamtype"], block["phi_hx"],
                block["phi_hy"], block["nstrands"], block["wired"]]
    assert args == expected
    assert args[0] == f"{magnet.name} 60degC"


# --- nonlinear B-H points (issue [13], item 6) ----------------------------------------------


@pytest.mark.parametrize("temperature_C", [20.0, 80.0, 120.0], ids=["20C", "80C", "120C"])
def test_femm_bh_points_are_the_models_curve_shifted_by_hcb(magnet, temperature_C):
    points = export.femm_bh_points(magnet, temperature_C, 40)
    assert points.shape == (40, 2)
    assert tuple(points[0]) == (0.0, 0.0)
    assert np.all(np.diff(points[:, 0]) > 0) and np.all(np.diff(points[:, 1]) > 0)  # FEMM needs both
    hcb = points[-1, 1]
    assert points[-1, 0] == pytest.approx(magnet.remanence(temperature_C), rel=1e-6)  # the curve at H = 0
    # every point lies on the core's curve at H = (H + H_c) - H_c
    fine = magnet.demag_curve(temperature_C=temperature_C, points=20001)
    on_curve = np.interp(points[:, 1] - hcb, fine.H[::-1], fine.B[::-1])
    assert np.max(np.abs(on_curve - points[:, 0])) < 2e-3 * points[-1, 0]


def test_femm_bh_points_follow_a_knee_above_zero_flux(catalog):
    """A hot N42 crosses its knee before B = 0: arc-length spacing puts points in the bend."""
    g = catalog["N42"]
    points = export.femm_bh_points(g, 120.0, 40)
    slope = np.diff(points[:, 0]) / np.diff(points[:, 1])       # dB/dH, T per A/m
    recoil = MU0 * g.properties(120.0).recoil_permeability
    steep = slope > 5 * recoil                                  # past the knee: far steeper than recoil
    assert steep.sum() >= 10 and (~steep).sum() >= 10
    with pytest.raises(ValueError, match="no second-quadrant curve"):
        export.femm_bh_points(g, 150.0)                         # HcJ = 0 there: nothing to export


def test_femm_block_and_lua_carry_the_same_nonlinear_curve(catalog):
    g = catalog["N42SH"]
    points = export.femm_bh_points(g, 150.0, 25)
    block = parse_femm_block(export.femm_block(g, 150.0, bh_points=25))
    assert block["bhpoints"] == 25 and np.array_equal(np.array(block["bh"]), points)  # %.17g round-trips
    assert block["h_c"] == points[-1, 1]
    first, *adds = export.femm_lua(g, 150.0, bh_points=25).split("\n")
    assert parse_lua_call(first)[1][3] == points[-1, 1]
    assert len(adds) == 24  # FEMM's mi_addbhpoint adds (0, 0) itself
    for line, (flux, field) in zip(adds, points[1:]):
        name, args = parse_lua_call(line)
        assert name == "mi_addbhpoint" and args == ["N42SH 150degC", flux, field]


def test_exports_at_two_temperatures_have_two_names(catalog):
    g = catalog["N42SH"]
    assert parse_femm_block(export.femm_block(g, 20.0))["blockname"] != parse_femm_block(export.femm_block(g, 120.0))["blockname"]
    assert export.pyleecan_material(g, 120.0)["name"] == "N42SH 120degC"


def test_pyleecan_carries_the_curve_as_an_import_matrix(catalog):
    g = catalog["N42SH"]
    mag = export.pyleecan_material(g, 150.0, bh_points=30)["mag"]
    curve = mag["BH_curve"]
    assert curve["__class__"] == "ImportMatrixVal" and curve["is_transpose"] is False
    points = export.femm_bh_points(g, 150.0, 30)
    assert curve["value"] == [[field, flux] for flux, field in points.tolist()]  # pyleecan's [H, B] rows
    assert "BH_curve" not in export.pyleecan_material(g, 150.0, bh_points=0)["mag"]


@pytest.mark.parametrize("bad", [-1, 1, 10_001, 2.5, True, "40"])
def test_bad_bh_point_counts_are_refused(catalog, bad):
    for call in (lambda: export.femm_block(catalog["N42SH"], bh_points=bad),
                 lambda: export.femm_lua(catalog["N42SH"], bh_points=bad),
                 lambda: export.pyleecan_material(catalog["N42SH"], bh_points=bad)):
        with pytest.raises(ValueError, match="bh_points"):
            call()


# --- pyleecan -----------------------------------------------------------------------------


def test_pyleecan_json_file_parses_and_round_trips(tmp_path, catalog):
    grade = catalog["C8A"]  # a ferrite grade whose datasheet has a density
    path = tmp_path / "C8A.json"
    returned = export.write_pyleecan_json(grade, path, 100.0)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == returned
    assert data["__class__"] == "Material"
    assert data["name"] == "C8A 100degC"
    assert data["is_isotropic"] is True
    mag = data["mag"]
    assert mag["__class__"] == "MatMagnetics"
    assert mag["Brm20"] == grade.remanence(20.0)
    assert mag["mur_lin"] == grade.properties(100.0).recoil_permeability
    assert mag["alpha_Br"] == grade.reversible_coefficients(20.0, 100.0).remanence
    assert mag["Hc"] == pytest.approx(mag["Brm20"] / (4e-7 * math.pi * mag["mur_lin"]), rel=1e-15)
    assert data["struct"] == {"__class__": "MatStructural", "rho": grade.datasheet["density"]["value"]}
    # pyleecan's law Br(T) = Brm20 (1 + alpha_Br (T - 20)) gives magmat's Br at the operating point
    assert mag["Brm20"] * (1 + mag["alpha_Br"] * (100.0 - 20.0)) == pytest.approx(grade.remanence(100.0), rel=1e-12)
    assert [p.name for p in tmp_path.iterdir()] == ["C8A.json"]  # no temporary file left


def test_pyleecan_json_is_strict_json_with_only_known_fields(tmp_path, magnet):
    path = tmp_path / "m.json"
    export.write_pyleecan_json(magnet, path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard JSON constant {c}"))
    # field names from pyleecan's Generator/ClassesRef/Material/{Material,MatMagnetics,MatStructural}.csv
    assert set(data) <= {"__class__", "name", "is_isotropic", "elec", "mag", "struct", "HT", "eco", "desc", "path"}
    assert set(data["mag"]) <= {"__class__", "mur_lin", "Hc", "Brm20", "alpha_Br", "Wlam", "BH_curve", "LossData"}
    assert data["mag"]["Wlam"] == 0.0
    assert isinstance(data["name"], str) and isinstance(data["desc"], str)


def test_pyleecan_default_coefficient_interval_is_20_to_150(magnet):
    mag = export.pyleecan_material(magnet)["mag"]
    assert mag["alpha_Br"] == magnet.reversible_coefficients(20.0, 150.0).remanence
    assert mag["Brm20"] == magnet.properties(20.0).remanence
    explicit = export.pyleecan_material(magnet, 20.0, coefficient_to_C=100.0)["mag"]
    assert explicit["alpha_Br"] == magnet.reversible_coefficients(20.0, 100.0).remanence


def test_pyleecan_density_is_the_datasheets_or_the_models(catalog):
    """Issue [13], item 6: without a density pyleecan would take 7650 kg/m^3 (a steel value)."""
    assert catalog["N42SH"].datasheet["density"] is None
    for magnet in (catalog["N42SH"], mm.Magnet.from_composition("Nd2Fe14B")):
        material = export.pyleecan_material(magnet)
        assert material["struct"] == {"__class__": "MatStructural", "rho": magnet.density}
        assert "density the model's" in material["desc"]
    ferrite = export.pyleecan_material(catalog["C8A"], name="my ferrite")
    assert ferrite["name"] == "my ferrite" and "density the datasheet's" in ferrite["desc"]


# --- magpylib -----------------------------------------------------------------------------


@pytest.mark.parametrize("temperature_C", [-20.0, 20.0, 120.0], ids=["-20C", "20C", "120C"])
def test_magpylib_polarization_norm_is_br(magnet, temperature_C):
    j = export.magpylib_polarization(magnet, temperature_C)
    assert isinstance(j, np.ndarray) and j.shape == (3,) and j.dtype == np.float64
    assert np.linalg.norm(j) == pytest.approx(magnet.remanence(temperature_C), rel=1e-15)
    assert j[0] == 0.0 and j[1] == 0.0 and j[2] > 0


@pytest.mark.parametrize("direction", [(1, 0, 0), (0, -3, 0), (1, 1, 1), (1e-300, 2e-300, 0), (1e300, -1e300, 1e300)],
                         ids=["x", "minus-y", "diagonal", "tiny", "huge"])
def test_magpylib_direction_is_normalised(catalog, direction):
    g = catalog["N42SH"]
    j = export.magpylib_polarization(g, 20.0, direction)
    d = np.asarray(direction, dtype=float)
    d = d / np.max(np.abs(d))  # rescaled so that the norm neither under- nor overflows
    assert np.linalg.norm(j) == pytest.approx(g.remanence(20.0), rel=1e-14)
    assert np.allclose(j / g.remanence(20.0), d / np.linalg.norm(d), rtol=1e-14, atol=0)


def test_magpylib_magnetization_is_polarization_over_mu0(catalog):
    g = catalog["N42SH"]
    m = export.magpylib_magnetization(g, 80.0, (0, 1, 0))
    assert np.allclose(m * MU0, export.magpylib_polarization(g, 80.0, (0, 1, 0)), rtol=1e-15, atol=0)


@pytest.mark.parametrize("direction", [(0, 0, 0), (0, math.nan, 1), (math.inf, 0, 0), (1, 0), (1, 0, 0, 0), [[1, 0, 0]]],
                         ids=["zero", "nan", "inf", "two-components", "four-components", "nested"])
def test_magpylib_bad_direction_raises_value_error(catalog, direction):
    with pytest.raises(ValueError):
        export.magpylib_polarization(catalog["N42SH"], 20.0, direction)
    with pytest.raises(ValueError):
        export.magpylib_magnetization(catalog["N42SH"], 20.0, direction)


def test_magpylib_accepts_the_vectors_when_installed(catalog):
    magpy = pytest.importorskip("magpylib")
    if int(magpy.__version__.split(".")[0]) < 5:
        pytest.skip("magpylib < 5 has no polarization parameter")
    g = catalog["N42SH"]
    j = export.magpylib_polarization(g, 60.0, (1, 0, 0))
    cube = magpy.magnet.Cuboid(polarization=j, dimension=(0.01, 0.01, 0.01))
    assert np.array_equal(cube.polarization, j)
    assert np.allclose(cube.magnetization, export.magpylib_magnetization(g, 60.0, (1, 0, 0)), rtol=1e-8)
    # far on the axis the field points along the polarization
    b = cube.getB((0.1, 0.0, 0.0))
    assert b[0] > 0 and abs(b[1]) < 1e-12 and abs(b[2]) < 1e-12


def test_magpylib_susceptibility_is_the_recoil_line(catalog):
    g = catalog["N42SH"]
    assert export.magpylib_susceptibility(g, 80.0) == pytest.approx(g.properties(80.0).recoil_permeability - 1.0,
                                                                      rel=1e-15)
    assert 0.0 < export.magpylib_susceptibility(g) < 0.3


def test_magpylib_demagnetize_gives_the_cube_its_demagnetizing_factor(catalog):
    """A cube is one cell whose demagnetizing factor is 1/3: J = Br / (1 + chi/3), an independent
    check of the susceptibility handed to magpylib-material-response."""
    magpy = pytest.importorskip("magpylib")
    pytest.importorskip("magpylib_material_response")
    g = catalog["N42SH"]
    j = export.magpylib_polarization(g, 80.0)
    cube = magpy.magnet.Cuboid(dimension=(0.01, 0.01, 0.01), polarization=j)
    out = export.magpylib_demagnetize(magpy.Collection(cube), g, 80.0)
    chi = export.magpylib_susceptibility(g, 80.0)
    got = out.sources_all[0].polarization
    assert got[2] == pytest.approx(g.remanence(80.0) / (1.0 + chi / 3.0), rel=1e-9)
    assert abs(got[0]) < 1e-12 and abs(got[1]) < 1e-12
    assert np.array_equal(cube.polarization, j)  # a copy unless inplace=True


def test_magpylib_demagnetize_names_the_missing_package(catalog, monkeypatch):
    # None in sys.modules: the import fails as if the package were not installed
    monkeypatch.setitem(sys.modules, "magpylib_material_response", None)
    monkeypatch.setitem(sys.modules, "magpylib_material_response.demag", None)
    with pytest.raises(ImportError, match="magpylib-material-response"):
        export.magpylib_demagnetize(object(), catalog["N42SH"], 20.0)


# --- CSV ----------------------------------------------------------------------------------


@pytest.mark.parametrize("points", [2, 7, 200], ids=["2-points", "7-points", "200-points"])
def test_csv_parses_and_round_trips_the_curve_exactly(magnet, points):
    text = export.demag_curve_csv(magnet, 60.0, points)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["H_A_per_m", "B_T", "J_T"]
    assert len(rows) - 1 == points
    assert all(len(r) == 3 for r in rows)
    data = np.array([[float(v) for v in r] for r in rows[1:]])
    curve = magnet.demag_curve(temperature_C=60.0, points=points)
    assert np.array_equal(data[:, 0], curve.H)
    assert np.array_equal(data[:, 1], curve.B)
    assert np.array_equal(data[:, 2], curve.J)


def test_csv_default_is_200_points_at_20C(catalog):
    g = catalog["N42SH"]
    text = export.demag_curve_csv(g)
    assert text.count("\n") == 201
    assert text.splitlines()[1].split(",")[1] == repr(g.remanence(20.0))


def test_csv_written_atomically_to_path(tmp_path, catalog):
    path = tmp_path / "curve.csv"
    path.write_text("old contents\n")
    text = export.demag_curve_csv(catalog["N42SH"], 20.0, 10, path=path)
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["curve.csv"]
    with open(path, newline="") as f:
        assert next(csv.reader(f)) == list(export.CSV_HEADER)
    os.remove(path)
    export.demag_curve_csv(catalog["N42SH"], 20.0, 10, path=str(path))  # str paths too
    assert path.exists()


def test_csv_failed_write_leaves_no_file(tmp_path, catalog):
    with pytest.raises(OSError):
        export.demag_curve_csv(catalog["N42SH"], 20.0, 10, path=tmp_path / "missing-folder" / "c.csv")
    assert list(tmp_path.iterdir()) == []


# --- errors from the core pass through ----------------------------------------------------

EXPORTS = {
    "femm_block": lambda m, t: export.femm_block(m, t),
    "femm_lua": lambda m, t: export.femm_lua(m, t),
    "pyleecan_material": lambda m, t: export.pyleecan_material(m, t),
    "magpylib_polarization": lambda m, t: export.magpylib_polarization(m, t),
    "magpylib_magnetization": lambda m, t: export.magpylib_magnetization(m, t),
    "demag_curve_csv": lambda m, t: export.demag_curve_csv(m, t),
}


@pytest.mark.parametrize("which", sorted(EXPORTS), ids=sorted(EXPORTS))
@pytest.mark.parametrize("temperature_C", [400.0, math.nan], ids=["above-curie", "nan"])
def test_bad_temperature_raises_the_core_error(which, temperature_C):
    m = mm.Magnet.from_composition("Nd2Fe14B")
    with pytest.raises(mm.DomainError):
        EXPORTS[which](m, temperature_C)


def test_bad_point_count_raises_the_core_error(catalog):
    with pytest.raises(mm.DomainError):
        export.demag_curve_csv(catalog["N42SH"], 20.0, 1)


def test_export_is_a_submodule_of_the_package():
    assert mm.export is export
    assert "export" in mm.__all__
    assert set(export.__all__) <= set(dir(export))


def test_femm_conductivity_refuses_text(catalog):
    # Issue [12] item 12: float('6.7e5') accepted text where the core refuses it.
    with pytest.raises(TypeError, match="conductivity.*not text"):
        export.femm_block(catalog["N42SH"], conductivity="6.7e5")
