"""Tests of magmat.table: one table model (columns, SI rows) and its renderers."""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from typing import Any

import pytest

import magmat as mm
from magmat.table import Column, Table


#: The renderers' input: N42SH's datasheet remanence with its source, other numbers that exercise
#: conversion, a missing value (NaN and None) and flags.
N42SH_REMANENCE = mm.Catalog.default().datasheet("N42SH")["remanence"]


def grades() -> Table:
    columns = [Column("name", "grade"), Column("remanence_T", "Br ({unit})", "T", source=N42SH_REMANENCE["source"]),
               Column("intrinsic_coercivity_A_per_m", "HcJ ({unit})", "A/m"),
               Column("max_energy_product_J_per_m3", "(BH)max ({unit})", "J/m3"),
               Column("irreversible_loss", "loss ({unit})", "1", display="%"),
               Column("feasible", "feasible")]
    return Table(columns, [
        {"name": "N42SH", "remanence_T": N42SH_REMANENCE["nominal"], "intrinsic_coercivity_A_per_m": 1.6e6,
         "max_energy_product_J_per_m3": 3.3e5, "irreversible_loss": 0.012, "feasible": True},
        {"name": "missing", "remanence_T": 1.2, "intrinsic_coercivity_A_per_m": math.nan,
         "max_energy_product_J_per_m3": None, "irreversible_loss": 0.0, "feasible": False},
    ], title="two grades")


def _strict(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"not strict JSON: {constant}")
    return json.loads(text, parse_constant=refuse)


def test_text_shows_si_display_units_converted_by_convert() -> None:
    text = grades().to_text()
    lines = text.splitlines()
    assert lines[0] == "two grades"
    assert "Br (T)" in lines[1] and "HcJ (kA/m)" in lines[1] and "(BH)max (kJ/m3)" in lines[1]
    assert f"{mm.convert(1.6e6, 'A/m', 'kA/m'):.4g}" in lines[3] and f"{N42SH_REMANENCE['nominal']:.4g}" in lines[3]
    assert "1.2" in lines[3] and "yes" in lines[3]  # 0.012 shown in percent; a flag as yes/no


def test_text_in_cgs_uses_the_factors_of_convert() -> None:
    text = grades().to_text(units="cgs")
    assert "Br (kG)" in text and "HcJ (kOe)" in text and "(BH)max (MGOe)" in text
    assert f"{mm.convert(N42SH_REMANENCE['nominal'], 'T', 'kG'):.4g}" in text
    assert f"{mm.convert(1.6e6, 'A/m', 'kOe'):.4g}" in text
    assert f"{mm.convert(3.3e5, 'J/m3', 'MGOe'):.4g}" in text
    assert grades().to_text(units="SI") == grades().to_text(units="si")


def test_unknown_unit_systems_and_unshowable_units_are_refused() -> None:
    with pytest.raises(mm.DomainError, match="units"):
        grades().to_text(units="imperial")
    with pytest.raises(mm.DomainError, match="units"):
        grades().to_html(units="furlongs")
    with pytest.raises(mm.DomainError, match="remanence_T"):
        Column("remanence_T", unit="T", display="kA/m")
    with pytest.raises(mm.ParseError, match="furlong"):
        Column("length", unit="m", display="furlong")
    with pytest.raises(mm.DomainError, match="twice"):
        Table([Column("a"), Column("a")])
    with pytest.raises(TypeError, match="row 1"):
        Table([Column("a")], [{"a": 1.0}, [("a", 2.0)]])
    with pytest.raises(TypeError, match="Column"):
        Table(["a"], [])


def test_missing_values_are_dashes_in_text_null_in_json_and_empty_in_csv() -> None:
    table = grades()
    missing_line = table.to_text().splitlines()[4]
    assert missing_line.split()[2] == "-" and missing_line.split()[3] == "-"
    records = _strict(table.to_json())
    assert records[1]["intrinsic_coercivity_A_per_m"] is None
    assert records[1]["max_energy_product_J_per_m3"] is None
    assert records == table.to_records()
    rows = list(csv.DictReader(io.StringIO(table.to_csv())))
    assert rows[1]["intrinsic_coercivity_A_per_m"] == "" and rows[1]["max_energy_product_J_per_m3"] == ""


def test_machine_formats_carry_si_values_under_the_keys() -> None:
    table = grades()
    header, first, _ = table.to_csv().splitlines()
    assert header.split(",") == [c.key for c in table.columns]
    assert first.split(",")[1:4] == [repr(N42SH_REMANENCE["nominal"]), "1600000.0", "330000.0"]
    assert _strict(table.to_json())[0] == {
        "name": "N42SH", "remanence_T": N42SH_REMANENCE["nominal"], "intrinsic_coercivity_A_per_m": 1.6e6,
        "max_energy_product_J_per_m3": 3.3e5, "irreversible_loss": 0.012, "feasible": True}


def test_keys_no_column_names_get_columns_of_their_own_and_rows_may_leave_keys_out() -> None:
    table = Table([Column("a", unit="T")], [{"a": 1.0, "b": "x"}, {"a": 2.0, "c": 3}])
    assert [c.key for c in table.columns] == ["a", "b", "c"]
    assert table.to_records() == [{"a": 1.0, "b": "x"}, {"a": 2.0, "c": 3}]
    assert table.to_csv().splitlines() == ["a,b,c", "1.0,x,", "2.0,,3"]


def test_hidden_columns_are_in_the_data_not_in_the_text() -> None:
    table = Table([Column("name"), Column("pc", "pc", "1", hidden=True)], [{"name": "N42", "pc": 2.0}])
    assert "pc" not in table.to_text() and "pc" not in table.to_html()
    assert table.to_records() == [{"name": "N42", "pc": 2.0}]


def test_an_empty_table_says_so() -> None:
    table = Table([Column("name")], [], title="nothing")
    assert table.to_text() == "nothing\n(nothing matches)\n"
    assert table.to_csv() == "" and table.to_json() == "[]"


def test_html_shows_si_and_industry_units_side_by_side_escaped() -> None:
    table = Table([Column("name"), Column("remanence_T", "Br ({unit})", "T"),
                   Column("max_energy_product_J_per_m3", "(BH)max ({unit})", "J/m3")],
                  [{"name": "<b>N42</b>", "remanence_T": 1.3, "max_energy_product_J_per_m3": math.nan}])
    both = table.to_html()
    assert "<th>Br</th>" in both and "1.3 T (13 kG)" in both and "&lt;b&gt;N42&lt;/b&gt;" in both
    assert "<td>–</td>" in both
    cgs = table.to_html(units="cgs")
    assert "<th>Br (kG)</th>" in cgs and "<td>13</td>" in cgs
    assert "(BH)max (kJ/m³)" in table.to_html(units="si")


def test_long_tables_are_split_into_blocks_that_fit_the_width() -> None:
    columns = [Column("strategy", "strategy")] + [Column(f"value_{i}_T", f"value number {i} ({{unit}})", "T")
                                                  for i in range(12)]
    rows = [{"strategy": "bulk_dy", **{f"value_{i}_T": 1.0 + i for i in range(12)}}]
    text = Table(columns, rows).to_text(width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    headings = [line for line in lines if line.startswith("strategy")]
    assert len(headings) > 1  # each block repeats the first column
    for i in range(12):
        assert f"value number {i} (T)" in text


def test_long_text_is_wrapped_not_padded() -> None:
    reason = " ".join(["word"] * 40)
    text = Table([Column("name"), Column("reason")], [{"name": "x", "reason": reason}]).to_text(max_cell_width=30)
    assert max(len(line) for line in text.splitlines()) < 40
    assert text.count("word") == 40


def test_the_text_without_tabulate_has_the_same_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("tabulate")
    with_library = grades().to_text()
    monkeypatch.setitem(sys.modules, "tabulate", None)  # None in sys.modules: the import fails
    plain = grades().to_text()
    assert plain == with_library
    wrapped = Table([Column("name"), Column("reason")], [{"name": "x", "reason": "a b c d e f g h"}])
    assert wrapped.to_text(max_cell_width=3).splitlines()[2:] == ["x       a b", "        c d", "        e f", "        g h"]
    monkeypatch.undo()
    assert wrapped.to_text(max_cell_width=3).splitlines()[2:] == ["x       a b", "        c d", "        e f", "        g h"]


def test_dataframe_columns_dtypes_units_and_sources() -> None:
    pd = pytest.importorskip("pandas")
    frame = grades().to_dataframe()
    assert list(frame.columns) == [c.key for c in grades().columns]
    assert frame["remanence_T"].dtype == "float64" and frame["max_energy_product_J_per_m3"].dtype == "float64"
    assert math.isnan(frame["max_energy_product_J_per_m3"][1]) and frame["remanence_T"][0] == N42SH_REMANENCE["nominal"]
    assert frame.attrs["units"]["intrinsic_coercivity_A_per_m"] == "A/m"
    assert frame.attrs["sources"] == {"remanence_T": N42SH_REMANENCE["source"]}
    assert isinstance(frame, pd.DataFrame) and frame["name"].tolist() == ["N42SH", "missing"]


def test_dataframe_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # None in sys.modules: the import fails
    with pytest.raises(ImportError, match="pip install pandas"):
        grades().to_dataframe()


def test_the_core_content_rows_carry_their_keys_units_and_source() -> None:
    model = mm._core.rare_earth_content_rows([("Nd2Fe14B", mm.Composition.from_formula("Nd2Fe14B"))], ["Nd"])
    table = Table.from_model(model)
    assert [c.key for c in table.columns] == ["formula", "nd_mass_fraction", "rare_earth_mass_fraction",
                                              "light_rare_earth_mass_fraction", "heavy_rare_earth_mass_fraction"]
    nd = table.column("nd_mass_fraction")
    assert (nd.unit, nd.shown_unit(), nd.source, nd.decimals) == ("1", "%", "PERIODIC-TABLES", 2)
    assert table.rows[0]["nd_mass_fraction"] == pytest.approx(0.26684, rel=1e-4)
    assert "26.68" in table.to_text() and "Nd wt%" in table.to_text()
    with pytest.raises(mm.UnknownNameError, match="nd_mass_fraction"):
        table.column("nd")


def test_rare_earth_content_table_keeps_its_public_signature() -> None:
    rows = [("SmCo5", mm.Composition.from_formula("SmCo5")), ("Nd2Fe14B", mm.Composition.from_formula("Nd2Fe14B"))]
    text = mm.rare_earth_content_table(rows)
    lines = text.splitlines()
    assert lines[0].split() == ["composition", "Nd", "wt%", "Sm", "wt%", "Dy", "wt%", "RE", "wt%", "LRE", "wt%",
                                "HRE", "wt%"]
    assert lines[2].startswith("SmCo5") and "33.79" in lines[2] and lines[3].startswith("Nd2Fe14B")
    assert "Dy wt%" not in mm.rare_earth_content_table(rows, ["Nd"])
    with pytest.raises(mm.UnknownNameError, match="Qq"):
        mm.rare_earth_content_table(rows, ["Qq"])


def test_select_keeps_the_columns_asked_for_in_that_order() -> None:
    picked = grades().select(["remanence_T", "name"], title="picked")
    assert [c.key for c in picked.columns] == ["remanence_T", "name"] and picked.title == "picked"
    assert picked.to_records()[0] == {"remanence_T": N42SH_REMANENCE["nominal"], "name": "N42SH"}
    with pytest.raises(mm.UnknownNameError, match="remanence"):
        grades().select(["remanence"])


def test_study_and_catalog_tables_are_the_rows_of_their_dataframes() -> None:
    pytest.importorskip("pandas")
    study = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), units_per_year=1e6)
    table = study.to_table()
    assert [r["strategy"] for r in table.to_records()] == [r.strategy for r in study]
    assert table.column("Dy_t_per_year").unit == "t" and table.column("Dy_mass_fraction").shown_unit() == "%"
    assert list(study.to_dataframe().columns) == [c.key for c in table.columns]
    bulk = next(r for r in table.to_records() if r["strategy"] == "bulk_dy")
    assert bulk["Dy_t_per_year"] == pytest.approx(study["bulk_dy"].tonnes_per_year["Dy"])
    assert len(study.to_records()) == len(table)

    catalog = mm.Catalog.default()
    grades_table = catalog.to_table()
    assert len(grades_table) == len(catalog) and grades_table.column("remanence").unit == "T"
    frame = catalog.to_dataframe()
    assert list(frame.columns) == [c.key for c in grades_table.columns]
    assert frame["remanence"].dtype == "float64" and frame.attrs["units"]["intrinsic_coercivity"] == "A/m"
    n42sh = next(r for r in grades_table.to_records() if r["name"] == "N42SH")
    assert n42sh["source"] == N42SH_REMANENCE["source"]
    assert "kOe" in grades_table.select(["name", "intrinsic_coercivity"]).to_text(units="cgs")


def test_numpy_scalars_are_numbers_and_flags() -> None:
    np = pytest.importorskip("numpy")
    table = Table([Column("b", unit="T"), Column("n"), Column("ok")],
                  [{"b": np.float64(1.5), "n": np.int64(3), "ok": np.bool_(True)},
                   {"b": np.float64("nan"), "n": np.int64(4), "ok": np.bool_(False)}])
    assert _strict(table.to_json()) == [{"b": 1.5, "n": 3, "ok": True}, {"b": None, "n": 4, "ok": False}]
    lines = table.to_text().splitlines()
    assert lines[2].split() == ["1.5", "3", "yes"] and lines[3].split() == ["-", "4", "no"]
