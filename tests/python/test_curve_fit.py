"""Tests of Magnet.fit_curves, read_curves and the fit's report (issue [14]).

Curves generated from catalog grades with 2 mT of Gaussian noise (fixed seed) are fitted back:
Br, HcJ and the knee within 1 %, the curves within 5 mT rms. The fitted magnet then works where a
grade does: properties, curves, losses, ratings, requirements, exports, pickles, grade files.
"""

from __future__ import annotations

import math
import pickle
import warnings

import numpy as np
import pytest

import magmat as mm
from magmat import export

MU0 = mm.units.MU0


def generated(grade, temperatures, seed=14, noise=2e-3, points=160):
    """{T: (H, J)} of a grade's curve, `points` samples from H = 0 to -HcJ, with Gaussian noise."""
    rng = np.random.default_rng(seed)
    curves = {}
    for t in temperatures:
        curve = grade.demag_curve(t, points=points)
        curves[t] = (np.asarray(curve.H), np.asarray(curve.J) + rng.normal(0.0, noise, points))
    return curves


def truth(grade, t):
    f = grade.curve_figures(t)
    return f["remanence"], f["intrinsic_coercivity"], f["knee_field"]


CASES = [("N42SH", "ndfeb_sintered", (20, 100, 150)), ("N48H", "ndfeb_sintered", (20, 100, 150)),
         ("YXG28H", "sm2co17", (20, 100, 150)), ("Y30BH", "ferrite", (20, 80, 120))]


@pytest.fixture(scope="module")
def catalog():
    return mm.Catalog.default()


@pytest.fixture(scope="module")
def fitted(catalog):
    grade = catalog["N42SH"]
    return mm.Magnet.fit_curves(generated(grade, (20, 100, 150), points=120), family="ndfeb_sintered",
                                name="LOT-42")


@pytest.mark.parametrize("name,family,temperatures", CASES)
def test_generated_curves_are_fitted_back_within_one_percent(catalog, name, family, temperatures):
    grade = catalog[name]
    magnet = mm.Magnet.fit_curves(generated(grade, temperatures), family=family, name=f"fitted {name}")
    report = magnet.fit_report
    assert report.temperatures_C == [float(t) for t in temperatures]
    for c in report.curves:
        br, hcj, hk = truth(grade, c.temperature_C)
        assert c.remanence == pytest.approx(br, rel=0.01)
        assert c.intrinsic_coercivity == pytest.approx(hcj, rel=0.01)
        assert c.knee_field == pytest.approx(hk, rel=0.01)
        assert c.rms_residual < 5e-3
        assert 0 < c.remanence_uncertainty < 2e-3
        assert 0 < c.intrinsic_coercivity_uncertainty < 0.005 * hcj
        assert c.points == 160
        # the magnet gives back the fitted values at the measured temperatures
        assert magnet.remanence(c.temperature_C) == c.remanence
        assert magnet.intrinsic_coercivity(c.temperature_C) == c.intrinsic_coercivity
    assert report.recoil_permeability == pytest.approx(grade.properties(20).recoil_permeability, rel=0.01)
    assert magnet.name == f"fitted {name}"
    assert magnet.family == family


def test_b_curves_fit_as_j_curves(catalog):
    grade = catalog["N48H"]
    curves = {t: (H, J + MU0 * H) for t, (H, J) in generated(grade, (20, 150)).items()}
    magnet = mm.Magnet.fit_curves(curves, family="ndfeb_sintered", kind="B")
    for c in magnet.fit_report.curves:
        br, hcj, hk = truth(grade, c.temperature_C)
        assert c.remanence == pytest.approx(br, rel=0.01)
        assert c.intrinsic_coercivity == pytest.approx(hcj, rel=0.01)
    assert magnet.name == "measured ndfeb_sintered"


def test_unsorted_points_and_outliers_do_not_move_the_fit(catalog):
    grade = catalog["N48H"]
    H, J = generated(grade, (20,), seed=3)[20]
    J = J.copy()
    J[[10, 45, 80, 115]] += [0.08, -0.15, 0.2, -0.1]
    order = np.random.default_rng(0).permutation(H.size)
    c = mm.Magnet.fit_curves({20: (H[order], J[order])}, family="ndfeb_sintered").fit_report.curves[0]
    br, hcj, hk = truth(grade, 20)
    assert c.remanence == pytest.approx(br, rel=0.01)
    assert c.intrinsic_coercivity == pytest.approx(hcj, rel=0.01)
    assert c.knee_field == pytest.approx(hk, rel=0.01)
    assert c.max_residual > 0.1  # the outliers are reported, not fitted


def test_first_quadrant_points_are_welcome(catalog):
    grade = catalog["N42SH"]
    br, hcj, _ = truth(grade, 20)
    mu_rec = grade.properties(20).recoil_permeability
    H2, J2 = generated(grade, (20,), points=120)[20]
    H1 = np.linspace(0.2 * hcj, 0.2 * hcj / 30, 30)  # the recoil line continues into the first quadrant
    H = np.concatenate([H1, H2])
    J = np.concatenate([br + MU0 * (mu_rec - 1) * H1 + np.random.default_rng(2).normal(0, 2e-3, 30), J2])
    c = mm.Magnet.fit_curves({20: (H, J)}, family="ndfeb_sintered").fit_report.curves[0]
    assert c.remanence == pytest.approx(br, rel=0.01)
    assert c.intrinsic_coercivity == pytest.approx(hcj, rel=0.01)


def test_between_and_beyond_the_measured_temperatures(fitted, catalog):
    grade = catalog["N42SH"]
    assert fitted.measured_temperature_range == (20.0, 150.0)
    assert fitted.is_extrapolated(60) is False
    assert fitted.is_extrapolated(180) is True
    assert fitted.is_extrapolated(np.array([0.0, 60.0, 180.0])).tolist() == [True, False, True]
    assert grade.is_extrapolated(180) is False
    assert grade.measured_temperature_range is None and grade.fit_report is None
    assert fitted.remanence(60) == pytest.approx(grade.remanence(60), rel=0.01)
    assert fitted.intrinsic_coercivity(60) == pytest.approx(grade.intrinsic_coercivity(60), rel=0.02)
    # the physics model carries on beyond 150 degC, continuously
    with pytest.warns(mm.ExtrapolationWarning):
        assert fitted.intrinsic_coercivity(150.01) == pytest.approx(fitted.intrinsic_coercivity(150), rel=1e-3)
    with pytest.warns(mm.ExtrapolationWarning, match="outside its measured curves"):
        assert fitted.intrinsic_coercivity(180) < fitted.intrinsic_coercivity(150)
    with pytest.warns(mm.ExtrapolationWarning):
        fitted.properties(180)
    with pytest.warns(mm.ExtrapolationWarning):
        fitted.demag_curve(-20)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fitted.properties(100)
        fitted.remanence(np.array([20.0, 90.0, 150.0]))
        grade.properties(180)


def test_losses_ratings_and_checks_warn_beyond_the_measured_temperatures(fitted, catalog):
    shape = mm.Cylinder(diameter=0.01, length=0.005)
    req_hot = mm.Requirement(temperature_C=180, permeance=1.0)
    beyond = [
        lambda: fitted.irreversible_loss(pc=1.0, temperature_C=180),
        lambda: fitted.irreversible_loss(shape=shape, temperature_C=np.array([100.0, 180.0])),
        lambda: fitted.operating_point(pc=1.0, temperature_C=180),
        lambda: fitted.operating_point(pc=1.0, temperature_C=np.array([100.0, 180.0])),
        lambda: fitted.local_demagnetization(shape=shape, points=(0.0, 0.0, 0.0), temperature_C=180),
        lambda: fitted.field_on_axis_cylinder(length=0.005, diameter=0.01, distance=0.001, temperature_C=180),
        lambda: req_hot.check(fitted),
        lambda: mm.Requirement(temperature_C=100, permeance=1.0, duty=[(180, 0.0)]).check(fitted),
    ]
    for call in beyond:
        with pytest.warns(mm.ExtrapolationWarning, match="outside its measured curves"):
            call()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fitted.irreversible_loss(pc=1.0, temperature_C=120)
        fitted.operating_point(pc=1.0, temperature_C=np.array([20.0, 150.0]))
        mm.Requirement(temperature_C=120, permeance=1.0).check(fitted)
        catalog["N42SH"].irreversible_loss(pc=1.0, temperature_C=180)   # a grade has no measured range
        catalog["N42SH"].rated_temperature()
    # A rating warns exactly when the temperature it finds lies beyond the curves.
    for rating in (lambda: fitted.rated_temperature()["temperature_C"],
                   lambda: fitted.max_operating_temperature(pc=0.5),
                   lambda: fitted.max_operating_temperature(pc=8.0),
                   lambda: fitted.max_operating_temperature(shape=shape)):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            t = rating()
        warned = any(issubclass(w.category, mm.ExtrapolationWarning) for w in caught)
        assert warned == fitted.is_extrapolated(t)


def test_a_fitted_magnet_works_where_a_grade_does(fitted, catalog):
    p = fitted.properties(100)
    assert 0 < p.normal_coercivity <= p.intrinsic_coercivity
    assert fitted.demag_curve(100, 50).J[0] == pytest.approx(fitted.remanence(100))
    shape = mm.Cylinder(diameter=0.01, length=0.005)
    loss = fitted.irreversible_loss(temperature_C=150, shape=shape)
    assert 0.0 <= loss < 1.0
    t_max = fitted.max_operating_temperature(pc=1.0)
    assert 20 < t_max < 300
    met, _ = mm.Requirement(temperature_C=120, permeance=1.0).check(fitted)
    assert isinstance(met, bool)
    assert fitted.rated_temperature()["temperature_C"] > 20


def test_a_fitted_magnet_exports_nonlinear_tables_per_temperature(fitted):
    tables = {t: export.femm_bh_points(fitted, t, 30) for t in (20, 100, 150)}
    for t, points in tables.items():
        assert points.shape == (30, 2)
        assert points[-1, 0] == pytest.approx(fitted.remanence(t), rel=1e-6)  # B at H + HcB = HcB is Br
    assert not np.allclose(tables[20], tables[150])
    assert "mi_addmaterial" in export.femm_lua(fitted, 100)
    material = export.pyleecan_material(fitted, 150)
    assert material["name"] == "LOT-42 150degC"
    assert len(material["mag"]["BH_curve"]["value"]) == 40


def test_pickles_carry_the_fit(fitted):
    copy = pickle.loads(pickle.dumps(fitted))
    assert copy.fit_report.to_dict() == fitted.fit_report.to_dict()
    for t in (0, 60, 150, 200):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", mm.ExtrapolationWarning)
            assert copy.intrinsic_coercivity(t) == fitted.intrinsic_coercivity(t)
    report = pickle.loads(pickle.dumps(fitted.fit_report))
    assert report.to_dict() == fitted.fit_report.to_dict()
    assert pickle.loads(pickle.dumps(fitted.fit_report.curves[0])).to_dict() == fitted.fit_report.curves[0].to_dict()


def test_grade_json_loads_back_into_the_same_magnet(fitted, tmp_path):
    path = tmp_path / "lot42.json"
    path.write_text(fitted.to_grade_json(source="supplier test report"), encoding="utf-8")
    grade = mm.Catalog.load(path)["LOT-42"]
    assert grade.coercivity_coefficient_basis == "measured"
    assert grade.fit_report.to_dict() == fitted.fit_report.to_dict()
    for t in (20.0, 60.0, 150.0):
        assert grade.remanence(t) == pytest.approx(fitted.remanence(t), rel=1e-12)
        assert grade.intrinsic_coercivity(t) == pytest.approx(fitted.intrinsic_coercivity(t), rel=1e-12)
    again = pickle.loads(pickle.dumps(grade))
    assert again.fit_report.to_dict() == grade.fit_report.to_dict()
    assert again.intrinsic_coercivity(60.0) == grade.intrinsic_coercivity(60.0)
    extended = mm.Catalog.default().extend(path)
    assert "LOT-42" in extended.names()
    with pytest.raises(mm.DomainError, match="no measured curves"):
        mm.Catalog.default()["N42SH"].to_grade_json()


def test_grade_json_follows_the_grade_schema(fitted):
    jsonschema = pytest.importorskip("jsonschema")
    import json
    import pathlib

    schema_path = pathlib.Path(__file__).resolve().parents[2] / "materials" / "schema" / "grade.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    document = json.loads(fitted.to_grade_json(source="SUPPLIER-LOT-42"))
    jsonschema.Draft202012Validator(schema).validate(document)
    block = document["grades"][0]["measured_curves"]
    assert [c["temperature"]["value"] for c in block["curves"]] == [20.0, 100.0, 150.0]
    assert block["process"] == fitted.process


def test_report_repr_and_model(fitted):
    report = fitted.fit_report
    assert len(report) == 3
    assert "recoil permeability" in repr(report) and "rms" in repr(report)
    c = report.curves[1]
    J = report.polarization(100, np.array([0.0, -c.intrinsic_coercivity]))
    assert J[0] == pytest.approx(c.remanence)
    assert J[1] == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(mm.DomainError, match="no curve at 90"):
        report.polarization(90, np.array([0.0]))


# --- bad input ----------------------------------------------------------------------------


def test_bad_curves_are_refused_with_a_clear_error(catalog):
    grade = catalog["N42SH"]
    H, J = generated(grade, (20,), points=40)[20]
    fit = mm.Magnet.fit_curves
    with pytest.raises(mm.DomainError, match="at least 8"):
        fit({20: (H[:5], J[:5])}, family="ndfeb_sintered")
    bad = J.copy()
    bad[4] = math.nan
    with pytest.raises(mm.DomainError, match="point 4 .* not finite"):
        fit({20: (H, bad)}, family="ndfeb_sintered")
    with pytest.raises(mm.DomainError, match="J must rise with H"):
        fit({20: (H, J[::-1])}, family="ndfeb_sintered")
    with pytest.raises(mm.DomainError, match="0 points with H < 0"):
        fit({20: (-H, J)}, family="ndfeb_sintered")
    with pytest.raises(mm.DomainError, match="H has 40 points, the values 30"):
        fit({20: (H, J[:30])}, family="ndfeb_sintered")
    with pytest.raises(mm.DomainError, match="kind"):
        fit({20: (H, J)}, family="ndfeb_sintered", kind="M")
    with pytest.raises(mm.DomainError, match="pair"):
        fit({20: H}, family="ndfeb_sintered")
    # a B(H) curve that stops at B = 0 (HcB), far before the knee of this high-HcJ grade
    c = grade.demag_curve(20, 200)
    keep = c.B >= 0
    with pytest.raises(mm.DomainError, match="at 20 degC: the points reach .* short of the knee"):
        fit({20: (c.H[keep], c.B[keep])}, family="ndfeb_sintered", kind="B")
    with pytest.raises(mm.DomainError, match="at least one curve"):
        fit({}, family="ndfeb_sintered")
    with pytest.raises(TypeError):
        fit([(H, J)], family="ndfeb_sintered")
    with pytest.raises(KeyError, match="alnico"):
        fit({20: (H, J)}, family="alnico")
    with pytest.raises(KeyError):
        fit({20: (H, J)}, family="ndfeb_sintered", process="sintered_ferrite")


# --- read_curves ----------------------------------------------------------------------------


def write_csv(path, header, rows):
    path.write_text(header + "\n" + "\n".join(", ".join(f"{v:.9g}" for v in row) for row in rows) + "\n",
                    encoding="utf-8")


def test_read_curves_si_and_cgs(catalog, tmp_path):
    curves = generated(catalog["N42SH"], (20, 150), points=30)
    rows = [(t, h / 1e3, j) for t, (H, J) in curves.items() for h, j in zip(H, J)]
    write_csv(tmp_path / "si.csv", "T [degC], H [kA/m], J [T]", rows)
    read, kind = mm.read_curves(tmp_path / "si.csv")
    assert kind == "J" and sorted(read) == [20.0, 150.0]
    np.testing.assert_allclose(read[150.0][0], curves[150][0], rtol=1e-8)
    np.testing.assert_allclose(read[150.0][1], curves[150][1], rtol=1e-8)
    # the same as B in kG against H in kOe, with temperatures in K, columns reordered, comments
    oe = mm.units.AMPERE_PER_METRE_PER_OERSTED
    cgs = [(h / oe / 1e3, (j + MU0 * h) / 0.1, t + 273.15) for t, (H, J) in curves.items()
           for h, j in zip(H, J)]
    (tmp_path / "cgs.csv").write_text(
        "# supplier X, lot 42\nH (kOe);B (kG);T [K]\n" + "\n".join(";".join(f"{v:.12g}" for v in r) for r in cgs) + "\n",
        encoding="utf-8")
    read_b, kind_b = mm.read_curves(tmp_path / "cgs.csv")
    assert kind_b == "B" and sorted(read_b) == pytest.approx([20.0, 150.0])
    t150 = [t for t in read_b if abs(t - 150) < 1e-6][0]
    np.testing.assert_allclose(read_b[t150][0], curves[150][0], rtol=1e-9)
    np.testing.assert_allclose(read_b[t150][1], curves[150][1] + MU0 * curves[150][0], rtol=1e-9)
    magnet = mm.Magnet.fit_curves(read, family="ndfeb_sintered", kind=kind)
    assert magnet.fit_report.curves[0].remanence == pytest.approx(truth(catalog["N42SH"], 20)[0], rel=0.01)


@pytest.mark.parametrize("header,match", [
    ("T [degC], H, J [T]", "column H .* has no unit"),
    ("T [degC], H [kA/m], J", "column J .* has no unit"),
    ("T, H [kA/m], J [T]", "column T .* has no unit"),
    ("T [degC], H [furlong], J [T]", "column H: unit 'furlong'"),
    ("T [degC], H [T], J [T]", "column H: unit 'T'"),
    ("T [degC], H [kA/m], J [T], B [T]", "exactly one of"),
    ("T [degC], J [T]", "no H column"),
    ("T [degC], H [kA/m], M [T]", "none of T, H, J, B"),
])
def test_read_curves_refuses_headers_without_units(tmp_path, header, match):
    path = tmp_path / "bad.csv"
    write_csv(path, header, [(20, -1, 1.0, 1.0)[: header.count(",") + 1]])
    with pytest.raises(mm.DomainError, match=match):
        mm.read_curves(path)


def test_read_curves_names_the_bad_cell(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("T [degC], H [kA/m], J [T]\n20, 0, 1.3\n20, -100, abc\n", encoding="utf-8")
    with pytest.raises(mm.DomainError, match="line 3: column J holds 'abc'"):
        mm.read_curves(path)
    path.write_text("T [degC], H [kA/m], J [T]\n20, 0\n", encoding="utf-8")
    with pytest.raises(mm.DomainError, match="line 2: no value in column J"):
        mm.read_curves(path)
    path.write_text("T [degC], H [kA/m], J [T]\n", encoding="utf-8")
    with pytest.raises(mm.DomainError, match="no points"):
        mm.read_curves(path)


def test_plot_curve_fit(fitted, catalog):
    pytest.importorskip("matplotlib")
    from magmat import plot

    curves = generated(catalog["N42SH"], (20, 100, 150), points=120)
    fig = plot.curve_fit(fitted, curves)
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert sum("rms" in label for label in labels) == 3
    with pytest.raises(ValueError, match="no fit report"):
        plot.curve_fit(catalog["N42SH"])
    with pytest.raises(ValueError, match="no curve at that temperature"):
        plot.curve_fit(fitted, {90: curves[100]})
