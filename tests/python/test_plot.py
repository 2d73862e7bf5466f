"""Tests of magmat.plot (matplotlib is optional: the module is skipped without it).

Figures are rendered to PNG files and checked without Pillow: the PNG signature, a non-empty
file, and the width and height read from the IHDR chunk (which the PNG specification requires
to come first: 4-byte length 13, b"IHDR", then width and height as big-endian uint32).
"""

from __future__ import annotations

import importlib
import os
import struct
import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("matplotlib")

import magmat as mm  # noqa: E402
from magmat import plot  # noqa: E402

MU0 = mm.units.MU0
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --- helpers ------------------------------------------------------------------------------


def png_size(path) -> tuple[int, int]:
    """(width, height) in pixels of a PNG file, checking its signature and first chunk."""
    with open(path, "rb") as f:
        data = f.read()
    assert len(data) > 33, "not even a PNG header"
    assert data[:8] == PNG_SIGNATURE
    length, kind, width, height = struct.unpack(">I4sII", data[8:24])
    assert kind == b"IHDR" and length == 13
    return width, height


def lines_by_label(fig):
    return {line.get_label(): line for ax in fig.axes for line in ax.get_lines()}


def load_line(fig):
    found = [line for label, line in lines_by_label(fig).items() if label.startswith("load line")]
    assert len(found) == 1, sorted(lines_by_label(fig))
    return found[0]


def to_si(units, x, y):
    """Plotted data back to (H in A/m, B in T)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if units == "SI":
        return x * 1e3, y
    return np.asarray(mm.units.kOe_to_A_per_m(x)), np.asarray(mm.units.kG_to_T(y))


# --- magnets ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog():
    return mm.Catalog.default()


# (how to make it, temperatures in degC, a permeance coefficient that gives a sensible plot)
MAGNETS = {
    "grade": (lambda c: c["N42SH"], (20, 100, 150), 1.0),
    "composition": (lambda c: mm.Magnet.from_composition({"Nd": 31, "Fe": 68, "B": 1}), (20, 100, 150), 2.0),
    "ferrite": (lambda c: c["Y30BH"], (-40, 20, 100), 0.5),
}


@pytest.fixture(params=sorted(MAGNETS))
def case(request, catalog):
    make, temperatures, pc = MAGNETS[request.param]
    return make(catalog), temperatures, pc


# --- rendering ----------------------------------------------------------------------------


@pytest.mark.parametrize("units", ["SI", "cgs"])
@pytest.mark.parametrize("with_pc", [False, True])
def test_renders_png_of_expected_size(case, units, with_pc, tmp_path):
    magnet, temperatures, pc = case
    path = tmp_path / "x.png"
    fig = plot.demagnetization_curves(magnet, temperatures, pc=pc if with_pc else None, units=units, path=path)
    assert path.stat().st_size > 0
    assert png_size(path) == (700, 500)  # figsize (7, 5) in at 100 dpi
    assert sorted(os.listdir(tmp_path)) == ["x.png"]  # no temporary file left behind

    from matplotlib.figure import Figure

    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    h_unit, b_unit = ("kA/m", "T") if units == "SI" else ("kOe", "kG")
    assert ax.get_xlabel() == f"H ({h_unit})"
    assert ax.get_ylabel() == f"B, J ({b_unit})"
    assert magnet.name in ax.get_title()
    assert ax.get_legend() is not None
    labels = lines_by_label(fig)
    assert any(label.startswith("load line") for label in labels) == with_pc


def test_size_follows_figsize_and_dpi(catalog, tmp_path):
    path = tmp_path / "x.png"
    plot.demagnetization_curves(catalog["N42SH"], path=path, figsize=(4, 3), dpi=50)
    assert png_size(path) == (200, 150)
    plot.demagnetization_curves(catalog["N42SH"], path=str(path), figsize=(6.4, 4.8), dpi=150)
    assert png_size(path) == (960, 720)  # overwrites the earlier file
    assert sorted(os.listdir(tmp_path)) == ["x.png"]


def test_no_path_writes_nothing(catalog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fig = plot.demagnetization_curves(catalog["N42SH"])
    assert os.listdir(tmp_path) == []
    fig.canvas.draw()  # an Agg canvas is attached: draws without pyplot


# --- data ---------------------------------------------------------------------------------


@pytest.mark.parametrize("units", ["SI", "cgs"])
@pytest.mark.parametrize("external_field", [0.0, 1.2e5, -5e4])
def test_load_line_data(case, units, external_field):
    magnet, temperatures, pc = case
    fig = plot.demagnetization_curves(magnet, temperatures, pc=pc, external_field=external_field, units=units)
    H, B = to_si(units, *load_line(fig).get_data())
    assert H.size >= 2 and np.ptp(H) > 0
    np.testing.assert_allclose(B, -MU0 * pc * (H + external_field), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("units", ["SI", "cgs"])
def test_curves_and_operating_points(case, units):
    magnet, temperatures, pc = case
    fig = plot.demagnetization_curves(magnet, temperatures, pc=pc, units=units, points=123)
    labels = lines_by_label(fig)
    knees = 0
    for t in temperatures:
        curve = magnet.demag_curve(temperature_C=t, points=123)
        name = f"{t:g} \N{DEGREE SIGN}C"
        H, B = to_si(units, *labels[f"B(H) at {name}"].get_data())
        np.testing.assert_allclose(H, curve.H, rtol=1e-12, atol=1e-9)
        np.testing.assert_allclose(B, curve.B, rtol=1e-12, atol=1e-12)
        H, J = to_si(units, *labels[f"J(H) at {name}"].get_data())
        np.testing.assert_allclose(J, curve.J, rtol=1e-12, atol=1e-12)
        assert labels[f"B(H) at {name}"].get_linestyle() == "-"
        assert labels[f"J(H) at {name}"].get_linestyle() == "--"
        assert labels[f"B(H) at {name}"].get_color() == labels[f"J(H) at {name}"].get_color()

        op = magnet.operating_point(pc=pc, temperature_C=t)
        label = f"operating point at {name}" + (" (beyond knee)" if op.beyond_knee else "")
        marker = labels[label]
        H, B = to_si(units, *marker.get_data())
        np.testing.assert_allclose(H, [op.H], rtol=1e-12)
        np.testing.assert_allclose(B, [op.B], rtol=1e-12)
        assert marker.get_marker() == ("X" if op.beyond_knee else "o")
        knees += op.beyond_knee
    if magnet.name == "Y30BH":
        assert knees >= 1  # ferrite at -40 degC and Pc 0.5: the beyond-knee marker is exercised
    # Limits: the whole of every curve is visible, down to -HcJ, and H = 0 is inside.
    ax = fig.axes[0]
    xmin, xmax = ax.get_xlim()
    ymin, ymax = ax.get_ylim()
    for line in ax.get_lines():
        if line.get_label().startswith(("B(H)", "J(H)", "operating point")):
            x, y = line.get_data()
            assert xmin <= np.min(x) and np.max(x) <= xmax
            assert ymin <= np.min(y) and np.max(y) <= ymax
    assert xmin < 0 < xmax and ymin < 0 < ymax


def test_colors_differ_per_temperature(catalog):
    fig = plot.demagnetization_curves(catalog["N42SH"], (20, 60, 100, 150))
    labels = lines_by_label(fig)
    colors = [labels[f"B(H) at {t} \N{DEGREE SIGN}C"].get_color() for t in (20, 60, 100, 150)]
    assert len(set(colors)) == 4


def test_without_intrinsic(catalog):
    fig = plot.demagnetization_curves(catalog["N42SH"], 20, intrinsic=False)
    labels = lines_by_label(fig)
    assert "B(H) at 20 \N{DEGREE SIGN}C" in labels
    assert not any(label.startswith("J(H)") for label in labels)


def test_draws_into_given_axes(catalog, tmp_path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4), dpi=60)
    FigureCanvasAgg(fig)
    left, right = fig.subplots(1, 2)
    out = plot.demagnetization_curves(catalog["N42SH"], pc=1.0, ax=right, path=tmp_path / "x.png", dpi=60)
    assert out is fig
    assert right.get_lines() and not left.get_lines()
    assert png_size(tmp_path / "x.png") == (480, 240)


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("units", ["si", "CGS", "kOe", "", None, "SI "])
def test_bad_units(catalog, units):
    with pytest.raises(ValueError, match="units"):
        plot.demagnetization_curves(catalog["N42SH"], units=units)


@pytest.mark.parametrize("pc", [0.0, -1.0, float("nan"), float("inf")])
def test_bad_pc(catalog, pc):
    with pytest.raises(ValueError):
        plot.demagnetization_curves(catalog["N42SH"], pc=pc)


@pytest.mark.parametrize("temperatures", [(), [float("nan")], [[20, 100]]])
def test_bad_temperatures(catalog, temperatures):
    with pytest.raises(ValueError):
        plot.demagnetization_curves(catalog["N42SH"], temperatures)


def test_core_errors_propagate_and_write_nothing(catalog, tmp_path):
    with pytest.raises(mm.DomainError):
        plot.demagnetization_curves(catalog["N42SH"], points=1, path=tmp_path / "x.png")
    assert os.listdir(tmp_path) == []


def test_missing_matplotlib_names_the_install(monkeypatch):
    monkeypatch.setattr(mm, "plot", plot)  # restored after the test, like sys.modules
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails
    monkeypatch.delitem(sys.modules, "magmat.plot")
    fresh = importlib.import_module("magmat.plot")  # the module itself imports without matplotlib
    with pytest.raises(ImportError, match=r"pip install matplotlib"):
        fresh.demagnetization_curves(mm.Catalog.default()["N42SH"])


def test_import_magmat_does_not_import_matplotlib():
    code = (
        "import sys\n"
        "sys.modules['matplotlib'] = None\n"
        "import magmat\n"
        "assert 'magmat.plot' not in sys.modules\n"
        "assert not hasattr(magmat, '__all__') or 'plot' not in magmat.__all__\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_lazy_attribute(monkeypatch):
    monkeypatch.setitem(sys.modules, "magmat.plot", plot)  # both restored after the test
    monkeypatch.setattr(mm, "plot", plot)
    monkeypatch.delitem(sys.modules, "magmat.plot")
    monkeypatch.delattr(mm, "plot")
    module = mm.plot  # module __getattr__ imports the submodule on first use
    assert module.__name__ == "magmat.plot"
    assert callable(module.demagnetization_curves)
    with pytest.raises(AttributeError):
        mm.no_such_attribute  # noqa: B018


# --- loss maps (issue [10], item 8) -------------------------------------------------------

SHAPES = {
    "cylinder": mm.Cylinder(length=0.007, diameter=0.01),
    "block": mm.Block(length=0.004, width=0.02, height=0.01),
    "ring": mm.Ring(length=0.005, outer_diameter=0.02, inner_diameter=0.008),
}


def hatched(fig):
    """Collections drawn with a hatch (a contour set keeps its hatches in .hatches)."""
    found = []
    for ax in fig.axes:
        for c in ax.collections:
            hatches = list(getattr(c, "hatches", None) or []) + [c.get_hatch()]
            if any(hatches):
                found.append(c)
    return found


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_loss_map_shows_where_the_magnet_reverses_first(catalog, name, tmp_path):
    g, shape = catalog["N42SH"], SHAPES[name]
    onset = g.max_operating_temperature(shape=shape)
    path = tmp_path / "map.png"
    fig = plot.loss_map(g, shape, onset + 15.0, path=path, resolution=24)
    assert png_size(path) == (700, 500)
    ax = fig.axes[0]
    assert hatched(fig), "reversed parts are hatched"
    assert "moment loss" in ax.get_title() and ax.get_ylabel().startswith("z")
    mesh = ax.collections[0]
    margin = np.ma.masked_invalid(mesh.get_array()).compressed()
    assert margin.min() < 0 < margin.max()
    loss = g.irreversible_loss(shape=shape, temperature_C=onset + 15.0)
    assert f"{100 * loss:.3g} %" in ax.get_title()
    # below the onset: nothing reversed, nothing hatched, every cell inside its knee
    cool = plot.loss_map(g, shape, onset - 10.0, resolution=16)
    assert not hatched(cool)
    assert np.ma.masked_invalid(cool.axes[0].collections[0].get_array()).compressed().min() > 0


def test_loss_map_of_a_ring_leaves_its_hole_empty(catalog):
    fig = plot.loss_map(catalog["N42SH"], SHAPES["ring"], 100.0, resolution=20)
    values = fig.axes[0].collections[0].get_array()
    assert np.ma.count_masked(values) > 0  # the bore is no material


def test_loss_map_draws_into_given_axes_and_checks_its_arguments(catalog):
    from matplotlib.figure import Figure

    own = Figure()
    ax = own.add_subplot(1, 1, 1)
    assert plot.loss_map(catalog["N42H"], SHAPES["cylinder"], 130.0, ax=ax, resolution=10) is own
    with pytest.raises(TypeError, match="Cylinder, Block or Ring"):
        plot.loss_map(catalog["N42H"], 0.01, 130.0)
    for bad in (4, 1000, 2.5, True):
        with pytest.raises(ValueError, match="resolution"):
            plot.loss_map(catalog["N42H"], SHAPES["cylinder"], 130.0, resolution=bad)
    with pytest.raises(mm.DomainError):
        plot.loss_map(catalog["N42H"], SHAPES["cylinder"], 130.0, external_field=float("nan"))
    with pytest.raises(ValueError, match="external_field_kind"):
        plot.loss_map(catalog["N42H"], SHAPES["cylinder"], 130.0, external_field_kind="bogus")


# --- strategy_comparison ------------------------------------------------------------------


@pytest.mark.parametrize("name, label", [
    ("bulk_dy", "Bulk Dy"), ("gbd_tb", "GBD Tb"), ("hre_free_fine_grain", "HRE-free fine grain"),
    ("ce_la_substituted", "Ce/La substituted"), ("smco5", "SmCo5"), ("sm2co17", "Sm2Co17"),
    ("ferrite", "Ferrite"), ("my_strategy", "My strategy"),
])
def test_strategy_labels_are_readable(name, label):
    assert plot.strategy_label(name) == label


def test_strategy_comparison_shows_every_element_cost_and_infeasible_rows(tmp_path):
    """Issue [11], item 5: Nd, Pr, Dy, Tb, Sm, Co per year and the cost, readable labels, and an
    infeasible strategy kept as a greyed row that says so."""
    study = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), magnet_mass_kg=1.5,
                            units_per_year=1e6, pr_share=0.2)
    png = tmp_path / "compare.png"
    fig = plot.strategy_comparison(study, path=png, figsize=(12, 5.5), dpi=50)
    assert png_size(png) == (600, 275)
    heavy, light, cost = fig.axes
    ticks = [t.get_text() for t in heavy.get_yticklabels()]
    assert [t.replace(" [U]", "") for t in ticks] == [plot.strategy_label(r.strategy) for r in study]
    legend = lambda ax: {t.get_text() for t in ax.get_legend().get_texts()}  # noqa: E731
    assert legend(heavy) == {"Dy", "Tb"}
    assert legend(light) == {"Nd", "Pr", "Sm", "Co"}  # no strategy here uses Ce or La
    # the bars are the rows' own tonnages: Dy of bulk Dy, Sm + Co of SmCo5 stacked
    rows = list(study)
    assert round(study["bulk_dy"].tonnes_per_year["Dy"], 6) in {round(p.get_width(), 6) for p in heavy.patches}
    assert round(study["smco5"].tonnes_per_year["Co"], 6) in {round(p.get_width(), 6) for p in light.patches}
    # cost per unit = cost per kg x magnet mass; unpriced feasible rows say "no price"
    assert round(study["bulk_dy"].cost_per_kg * 1.5, 6) in {round(p.get_width(), 6) for p in cost.patches}
    assert any(t.get_text() == "no price" for t in cost.texts)
    infeasible = [r for r in rows if not r.feasible]
    assert infeasible, "the case must hold an infeasible strategy to test"
    notes = [t.get_text() for t in heavy.texts]
    assert sum(n.startswith("infeasible: ") for n in notes) == len(infeasible)
    for tick, row in zip(heavy.get_yticklabels(), rows):
        assert (tick.get_color() == "0.5") == (not row.feasible)


def test_strategy_comparison_refuses_bad_arguments():
    study = mm.design_study(mm.Requirement(temperature_C=100, permeance=2.0), ["bulk_dy"])
    with pytest.raises(ValueError, match="dpi"):
        plot.strategy_comparison(study, dpi=0)


# Issue [12] item 12: float('150') turned text into a temperature; refused as everywhere.
@pytest.mark.parametrize("kwargs", [{"temperatures_C": "150"}, {"temperatures_C": ["20", "150"]},
                                    {"temperatures_C": 150.0, "pc": "2"},
                                    {"temperatures_C": 150.0, "external_field": "1e5"}],
                         ids=["temperature", "temperature-list", "pc", "external_field"])
def test_demagnetization_curves_refuse_text(catalog, kwargs):
    with pytest.raises(TypeError, match="not text"):
        plot.demagnetization_curves(catalog["N42SH"], **kwargs)
