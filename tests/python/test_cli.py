"""Tests of the magmat command line (magmat.__main__)."""

import json
import subprocess
import sys

import pytest

from magmat.__main__ import main


def test_content_without_formulas_prints_the_reference_phases(capsys):
    assert main(["content"]) == 0
    out = capsys.readouterr().out
    for formula in ("Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5", "Sm2Co17", "SrFe12O19"):
        assert formula in out
    # Nd2Fe14B: 26.68 wt% Nd; SmCo5: 33.79 wt% Sm; Sm2Co17: 23.09 wt% Sm.
    for value in ("26.68", "33.79", "23.09"):
        assert value in out


def test_content_of_a_given_formula_with_chosen_columns(capsys):
    assert main(["content", "(Nd0.8Dy0.2)2Fe14B", "--elements", "Dy"]) == 0
    out = capsys.readouterr().out
    assert "Dy wt%" in out and "Nd wt%" not in out


@pytest.mark.parametrize(
    "argv, fragment",
    [
        pytest.param(["content", "Nd2Fe14Xx"], "Xx", id="unknown-element-in-formula"),
        pytest.param(["content", "Nd2Fe14B", "--elements", "Qq"], "Qq", id="unknown-column"),
        pytest.param(["convert", "1", "T", "kA/m"], "kA/m", id="incompatible-units"),
        pytest.param(["convert", "1", "furlong", "m"], "furlong", id="unknown-unit"),
    ],
)
def test_bad_arguments_exit_2_with_a_one_line_error(capsys, argv, fragment):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("magmat: error:") and fragment in err


def test_convert_prints_the_converted_value(capsys):
    assert main(["convert", "12", "kOe", "kA/m"]) == 0
    assert "954.929" in capsys.readouterr().out


def test_the_module_runs_as_a_program():
    done = subprocess.run([sys.executable, "-m", "magmat", "content", "SmCo5"],
                          capture_output=True, text=True, check=True)
    assert "33.79" in done.stdout


def test_compare_is_the_main_job(capsys, tmp_path):
    png = tmp_path / "compare.png"
    assert main(["compare", "--at", "150C", "--pc", "2", "--plot", str(png)]) == 0
    out = capsys.readouterr().out
    for fragment in ("bulk_dy", "gbd_tb", "ce_la_substituted", "Dy+Tb saved t/year", "catalog grades that meet it",
                     "Nd kg/unit", "Dy+Tb g/unit", "Nd t/year", "policy"):
        assert fragment in out
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_compare_names_the_coercivity_class_the_bulk_dy_magnet_reaches(capsys):
    """Issue [11], item 5: the output says which class the bulk-Dy solution reaches, from its own HcJ at
    20 degC and the class minima of materials/classes/ndfeb_sintered.json; an infeasible one says so."""
    import magmat as mm

    assert main(["compare", "--at", "150C", "--pc", "2"]) == 0
    out = capsys.readouterr().out
    line = next(l for l in out.splitlines() if l.startswith("bulk_dy: "))
    study = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0))
    hcj = next(r for r in study if r.strategy == "bulk_dy").magnet.properties(temperature_C=20).intrinsic_coercivity
    minima = sorted((c["min_intrinsic_coercivity"], c["name"]) for c in mm.coercivity_classes())
    reached = [name for minimum, name in minima if hcj >= minimum][-1]
    assert f"HcJ(20 degC) = {hcj / 1e3:.0f} kA/m, the {reached} class" in line

    assert main(["compare", "--at", "180C", "--pc", "1"]) == 0
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("bulk_dy: "))
    assert line.startswith("bulk_dy: infeasible: ") and "Dy" in line


def test_compare_counts_savings_against_a_catalog_grade_as_baseline(capsys):
    import magmat as mm

    assert main(["compare", "--at", "150C", "--pc", "2", "--baseline", "N42SH", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["baseline"] == "N42SH" and data["baseline_coercivity"].startswith("HcJ(20 degC)")
    grade = mm.Catalog.default()["N42SH"]
    rows = {r["strategy"]: r for r in data["strategies"]}
    assert rows["N42SH"]["feasible"] == mm.Requirement(temperature_C=150, permeance=2.0).check(grade)[0]
    assert rows["N42SH"]["dy_tb_saved_t_per_year"] == pytest.approx(0.0, abs=1e-9)
    assert main(["compare", "--baseline", "N42XX"]) == 2
    err = capsys.readouterr().err
    assert "--baseline 'N42XX' is neither a strategy" in err and "did you mean" in err


def test_compare_reads_the_fleet_from_a_demand_scenario(capsys):
    """Issue [11], item 5: the main job's fleet comes from the seed's EV-traction demand figures."""
    import json

    import magmat as mm

    expected = mm.supply_scenario("ev_traction_ndfeb_world").at(2030)
    assert main(["compare", "--mass-kg", "1.2", "--demand", "ev_traction_ndfeb_world", "--year", "2030",
                 "--json"]) == 0
    rows = {r["strategy"]: r for r in json.loads(capsys.readouterr().out)["strategies"]}
    study = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), magnet_mass_kg=1.2,
                            magnet_tonnes_per_year=expected)
    assert rows["bulk_dy"]["dy_t_per_year"] == pytest.approx(study["bulk_dy"].tonnes_per_year["Dy"])
    assert main(["compare", "--demand", "ev_traction_ndfeb_world", "--year", "2030"]) == 0
    assert f"{expected:.6g} t of magnet/year (ev_traction_ndfeb_world at 2030" in capsys.readouterr().out


@pytest.mark.parametrize("argv, fragment", [
    (["--demand", "ev_traction_ndfeb_world"], "--year"),
    (["--year", "2030"], "--demand"),
    (["--demand", "ev_traction_ndfeb_world", "--year", "2030", "--units-per-year", "5"], "not both"),
    (["--demand", "no_such_scenario", "--year", "2030"], "no_such_scenario"),
    (["--demand", "ev_traction_ndfeb_world", "--year", "2050"], "2050"),
])
def test_compare_demand_arguments_are_checked(capsys, argv, fragment):
    assert main(["compare", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("magmat: error:") and fragment in err


def test_the_main_job_states_its_case_from_sources():
    """The README's main job runs the case of docs/design_study.md; its sourced inputs are in the script."""
    import json
    from pathlib import Path

    script = (Path(__file__).resolve().parents[2] / "examples" / "run_main_job.sh").read_text()
    command = script[script.index('"$MAGMAT_VENV/bin/magmat" compare'):]
    for option in ("--at 150C", "--shape cylinder:length=7mm,diameter=10mm", "--mass-kg 1.2", "--equal flux",
                   "--demand ev_traction_ndfeb_world", "--year 2030"):
        assert option in command
    references = json.loads((Path(__file__).resolve().parents[2] / "materials" / "references.json").read_text())
    assert "MAINRICH-EV" in script and "1.2 kg" in references["MAINRICH-EV"]["seen"]
    assert "N42SH" in references["MAINRICH-EV"]["seen"] and "L/D = 0.7" in script


def test_compare_judges_a_shape_over_its_volume(capsys):
    """--shape: the requirement's shape (docs/shapes.md), the same as mm.Requirement(shape=...)."""
    import magmat as mm

    assert main(["compare", "--at", "150C", "--shape", "cylinder:length=7mm,diameter=10mm", "--json",
                 "--external-field", "50kA/m", "--field-kind", "in_magnet"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["requirement"]["shape"] == {"kind": "cylinder", "length": pytest.approx(0.007),
                                            "diameter": pytest.approx(0.010)}
    assert data["requirement"]["permeance_coefficient"] is None
    assert data["requirement"]["external_field_kind"] == "in_magnet"
    req = mm.Requirement(temperature_C=150, shape=mm.Cylinder(length=0.007, diameter=0.010), external_field=5e4,
                         external_field_kind="in_magnet")
    study = mm.design_study(req, magnet_mass_kg=1.5, units_per_year=1e6)  # the CLI's defaults
    rows = {r["strategy"]: r for r in data["strategies"]}
    for row in study:
        assert rows[row.strategy]["feasible"] == row.feasible
    assert study["gbd_tb"].feasible and not study["bulk_dy"].feasible  # the field inside decides
    assert rows["gbd_tb"]["tb_t_per_year"] == pytest.approx(study["gbd_tb"].tonnes_per_year["Tb"])
    for kind, dims in (("block", "length=5mm,width=20mm,height=10mm"),
                       ("ring", "length=5mm,outer_diameter=20mm,inner_diameter=10mm")):
        assert main(["compare", "--shape", f"{kind}:{dims}", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["requirement"]["shape"]["kind"] == kind


def test_compare_equal_scales_each_magnet_like_the_python_study(capsys):
    import magmat as mm

    assert main(["compare", "--at", "150C", "--equal", "flux", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["equal"] == "flux"
    rows = {r["strategy"]: r for r in data["strategies"]}
    study = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), magnet_mass_kg=1.5, equal="flux")
    assert rows["ferrite"]["magnet_mass_kg"] == pytest.approx(study["ferrite"].magnet_mass_kg)
    assert rows["ferrite"]["magnet_mass_kg"] > 2.0 * rows["bulk_dy"]["magnet_mass_kg"]  # Br 0.4 T against 1.1 T
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", "--equal", "volume"])
    assert exit_info.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_the_main_job_case_reaches_the_sh_class_and_states_the_gbd_saving():
    """Issue [11] acceptance, with the makers' rating convention at 150 degC (L/D = 0.7 cylinder, onset, no
    external field): the bulk-Dy solution's HcJ(20 degC) lies in the SH class. Its GBD-Tb saving is 90.7 %,
    just above the accepted 30-90 % (docs/design_study.md): a known miss that must stay known."""
    import magmat as mm

    req = mm.Requirement(temperature_C=150, shape=mm.Cylinder(length=0.007, diameter=0.010))
    study = mm.design_study(req, ["bulk_dy", "gbd_tb"])
    bulk, gbd = study["bulk_dy"], study["gbd_tb"]
    assert bulk.feasible and gbd.feasible
    hcj = bulk.magnet.properties(temperature_C=20).intrinsic_coercivity
    assert 1592e3 <= hcj < 1990e3
    sh = next(c for c in mm.coercivity_classes() if c["name"] == "SH")
    assert sh["min_intrinsic_coercivity"] == 1592e3
    bulk_hre = bulk.kg_per_unit["Dy"] + bulk.kg_per_unit["Tb"]
    saving = 1.0 - (gbd.kg_per_unit["Dy"] + gbd.kg_per_unit["Tb"]) / bulk_hre
    assert 0.30 <= saving
    assert saving > 0.90  # known miss (90.7 %): the bulk row carries two to three times commercial Dy
    # docs/design_study.md states these figures of the case in words: they must be the model's
    import re
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "design_study.md").read_text(encoding="utf-8")
    stated = re.search(r"bulk-Dy solution needs ([\d.]+) wt% Dy and its HcJ at 20 degC is (\d+) kA/m", page)
    assert stated, "docs/design_study.md no longer states the case's bulk-Dy figures"
    assert float(stated[1]) == pytest.approx(100 * bulk.magnet.composition.mass_fraction("Dy"), abs=0.005)
    assert float(stated[2]) == pytest.approx(hcj / 1e3, abs=0.5)
    stated = re.search(r"GBD-Tb row needs ([\d.]+) wt% Tb and saves ([\d.]+) %", page)
    assert stated, "docs/design_study.md no longer states the case's GBD-Tb figures"
    assert float(stated[1]) == pytest.approx(100 * gbd.magnet.composition.mass_fraction("Tb"), abs=0.005)
    assert float(stated[2]) == pytest.approx(100 * saving, abs=0.05)
    # ... and at equal flux (the main job's --equal flux with 1.2 kg), and at one load line of Pc 2
    flux = mm.design_study(req, ["bulk_dy", "gbd_tb", "ferrite"], magnet_mass_kg=1.2, equal="flux")
    flux_saving = 1.0 - (flux["gbd_tb"].kg_per_unit["Dy"] + flux["gbd_tb"].kg_per_unit["Tb"]) / (
        flux["bulk_dy"].kg_per_unit["Dy"] + flux["bulk_dy"].kg_per_unit["Tb"])
    stated = re.search(r"\(([\d.]+) %, its magnet being ([\d.]+) kg for the", page)
    assert stated and float(stated[1]) == pytest.approx(100 * flux_saving, abs=0.05)
    assert float(stated[2]) == pytest.approx(flux["gbd_tb"].magnet_mass_kg, abs=0.005)
    stated = re.search(r"Ferrite needs ([\d.]+) kg for the bulk-Dy magnet's flux", page)
    assert stated and float(stated[1]) == pytest.approx(flux["ferrite"].magnet_mass_kg, abs=0.005)
    one_line = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), ["bulk_dy"])["bulk_dy"]
    stated = re.search(r"the bulk-Dy solution needs ([\d.]+) wt% Dy and reaches only the H class", page)
    assert stated and float(stated[1]) == pytest.approx(100 * one_line.magnet.composition.mass_fraction("Dy"), abs=0.005)
    h_class = next(c for c in mm.coercivity_classes() if c["name"] == "H")
    assert h_class["min_intrinsic_coercivity"] <= one_line.magnet.intrinsic_coercivity(20.0) < sh["min_intrinsic_coercivity"]


def test_compare_json_is_machine_readable(capsys):
    import json

    def refuse(constant):
        raise AssertionError(f"not strict JSON: {constant}")

    assert main(["compare", "--json"]) == 0
    # strict JSON: NaN and Infinity are not JSON (issue [11]); a missing number is null
    document = json.loads(capsys.readouterr().out, parse_constant=refuse)
    rows = document["strategies"]
    assert {row["strategy"] for row in rows} >= {"bulk_dy", "gbd_dy", "ferrite"}
    by_name = {row["strategy"]: row for row in rows}
    # NdFeB is priced whole (the total adds Fe and B to the rare earths), SmCo5 too (Sm and Co); Sm2Co17's
    # Cu and Zr have no price: its total is null, never NaN
    assert by_name["bulk_dy"]["cost_per_kg"] > by_name["bulk_dy"]["rare_earth_cost_per_kg"] > 0
    assert by_name["smco5"]["cost_per_kg"] > 0
    assert by_name["sm2co17"]["cost_per_kg"] is None
    # the text output's second table is in the JSON too (issue [13], item 1), in SI
    assert document["grades_that_meet_it"] and all(g["family"] == "ndfeb_sintered" for g in document["grades_that_meet_it"])
    assert document["currency"] == "USD" and document["requirement"]["temperature_C"] == 150.0


def test_grades_filter_and_units(capsys):
    assert main(["grades", "--family", "ndfeb", "--min-hcj", "20kOe", "--at", "20C", "--units", "cgs"]) == 0
    out = capsys.readouterr().out
    assert "N42SH" in out and "kOe" in out and "N42 " not in out


def test_show_a_grade_with_load_line(capsys, tmp_path):
    png = tmp_path / "n42sh.png"
    assert main(["show", "N42SH", "--at", "150C", "--pc", "2", "--plot", str(png), "--csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("name,") and "max_operating_temperature_C" in out.splitlines()[0]
    assert png.stat().st_size > 0


@pytest.mark.parametrize(
    "argv, fragment",
    [
        pytest.param(["show", "N99XX"], "did you mean", id="unknown-grade"),
        pytest.param(["grades", "--min-hcj", "lots"], "lots", id="unreadable-quantity"),
        pytest.param(["grades", "--min-hcj", "1600T"], "T", id="wrong-dimension"),
        pytest.param(["compare", "--pc", "-1"], "permeance", id="negative-pc"),
        pytest.param(["compare", "--shape", "sphere:radius=1mm"], "cylinder, block, ring", id="unknown-shape"),
        pytest.param(["compare", "--shape", "cylinder:length=7mm"], "missing diameter", id="shape-missing-dimension"),
        pytest.param(["compare", "--shape", "cylinder:length=7mm,diameter=1cm,length=2mm"], "twice",
                     id="shape-dimension-twice"),
        pytest.param(["compare", "--shape", "block:length=7mm,width=2mm,depth=1mm"], "'depth=1mm'",
                     id="shape-unknown-dimension"),
        pytest.param(["compare", "--shape", "cylinder:length=7kg,diameter=10mm"], "kg", id="shape-not-a-length"),
        pytest.param(["compare", "--shape", "cylinder:length=-7mm,diameter=10mm"], "length", id="shape-negative"),
        pytest.param(["compare", "--shape", "cylinder:length=7mm,diameter=10mm", "--pc", "2"], "not both",
                     id="shape-and-pc"),
        pytest.param(["compare", "--field-kind", "in_magnet"], "needs --shape", id="in-magnet-without-shape"),
        pytest.param(["compare", "--at", "400C"], "", id="above-curie-is-reported-per-strategy"),
    ],
)
def test_bad_cli_input(capsys, argv, fragment):
    code = main(argv)
    err = capsys.readouterr().err
    if argv[:1] == ["compare"] and "400C" in argv:
        assert code == 0  # every strategy is reported infeasible with its reason, not a crash
        return
    assert code == 2 and err.startswith("magmat: error:") and fragment in err and err.count("\n") == 1


def test_argparse_errors_exit_2():
    done = subprocess.run([sys.executable, "-m", "magmat", "compare", "--pc", "two"], capture_output=True, text=True)
    assert done.returncode == 2 and "magmat: error:" in done.stderr


def test_content_warns_about_a_wt_percent_alloy_written_as_a_formula(capsys):
    """Issue [13], item 3: `content Nd31Fe68B1` reads atoms (54 wt% Nd) and says why that is probably wrong."""
    assert main(["content", "Nd31Fe68B1", "Nd2Fe14B"]) == 0
    captured = capsys.readouterr()
    assert "54.01" in captured.out
    warnings = [l for l in captured.err.splitlines() if l.startswith("magmat: warning:")]
    assert len(warnings) == 1 and '"Nd31Fe68B1"' in warnings[0] and "Nd2Fe14B" in warnings[0]


# Issue [12] item 11: these printed a traceback; each is one line on stderr and exit code 2.
def _run_cli(argv):
    return subprocess.run([sys.executable, "-m", "magmat", *argv], capture_output=True)


@pytest.mark.parametrize("where", ["missing-folder", "directory"])
def test_show_plot_to_an_unwritable_path_is_a_one_line_error(tmp_path, where):
    path = tmp_path / "no" / "such" / "n42sh.png" if where == "missing-folder" else tmp_path
    done = _run_cli(["show", "N42SH", "--plot", str(path)])
    err = done.stderr.decode("utf-8", "backslashreplace")
    assert done.returncode == 2, err
    assert err.startswith("magmat: error:") and err.count("\n") == 1 and "Traceback" not in err
    assert str(path) in err
    assert not list(tmp_path.rglob("*.tmp"))  # no temporary file left behind


@pytest.mark.parametrize("argv", [[b"show", b"N42\xff"], [b"convert", b"1\xff", b"T", b"kG"], [b"grades", b"--family", b"\xfe"]],
                         ids=["grade-name", "number", "option-value"])
def test_a_non_utf8_argument_is_a_one_line_error(argv):
    done = subprocess.run([sys.executable.encode(), b"-m", b"magmat", *argv], capture_output=True)
    err = done.stderr.decode("utf-8", "backslashreplace")
    assert done.returncode == 2, err
    assert err.startswith("magmat: error:") and err.count("\n") == 1 and "Traceback" not in err
    assert "UTF-8" in err


# --- issue [13], item 1: one consistent command line ----------------------------------------

def _strict(text):
    import json

    def refuse(constant):
        raise AssertionError(f"not strict JSON: {constant}")
    return json.loads(text, parse_constant=refuse)


# snake_case, ending in an SI unit as the Python API writes them (temperature_C, remanence_T)
_SNAKE = __import__("re").compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*(_(T|A_per_m|J_per_m3|C|K))?$")


def _keys(value):
    """Every key of every object in a JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


@pytest.mark.parametrize("argv, top", [
    (["content"], list),
    (["convert", "12", "kOe", "kA/m"], dict),
    (["grades", "--family", "smco5"], dict),
    (["show", "N42SH", "--pc", "2"], dict),
    (["validate", "--no-grades"], dict),
    (["compare"], dict),
])
def test_every_subcommand_prints_strict_json_with_snake_case_keys(capsys, argv, top):
    assert main([*argv, "--json"]) == 0
    document = _strict(capsys.readouterr().out)
    assert isinstance(document, top)
    bad = sorted({k for k in _keys(document) if not _SNAKE.match(k)})
    assert not bad, bad


def test_json_is_in_si_whatever_the_display_units(capsys):
    assert main(["show", "N42SH", "--json", "--units", "cgs"]) == 0
    shown = _strict(capsys.readouterr().out)
    assert shown["remanence_T"] == 1.315 and shown["intrinsic_coercivity_A_per_m"] > 1.5e6


def test_negative_and_unit_bearing_values_on_every_option(capsys):
    assert main(["grades", "--family", "ferrite", "--at", "-40C", "--json"]) == 0
    cold = _strict(capsys.readouterr().out)
    assert cold["temperature_C"] == -40.0 and cold["grades"]
    for spelled in ("233.15K", "-40F"):
        assert main(["grades", "--family", "ferrite", "--at", spelled, "--json"]) == 0
        assert _strict(capsys.readouterr().out)["temperature_C"] == pytest.approx(-40.0)
    assert main(["compare", "--external-field", "300kA/m", "--at", "100C", "--json"]) == 0
    assert _strict(capsys.readouterr().out)["requirement"]["external_field_A_per_m"] == pytest.approx(3e5)
    assert main(["show", "N42SH", "--pc", "2", "--external-field", "3.77kOe", "--json"]) == 0
    assert _strict(capsys.readouterr().out)["external_field_A_per_m"] == pytest.approx(3.77e3 * 1e3 / (4 * 3.141592653589793) * 1, rel=1e-3)


def test_grades_beyond_some_data_list_what_is_valid(capsys):
    assert main(["grades", "--at", "300C", "--json"]) == 0
    hot = _strict(capsys.readouterr().out)
    skipped = {r["name"] for r in hot["skipped"]}
    assert "Y30" in skipped and all(r["family"] == "ferrite" for r in hot["skipped"])
    assert hot["grades"] and not skipped & {g["name"] for g in hot["grades"]}
    assert main(["grades", "--at", "300C"]) == 0
    assert "skipped 15 grade(s) whose data do not reach 300 degC" in capsys.readouterr().out


def test_family_names_are_case_insensitive_and_ndfeb_means_every_ndfeb_family(capsys):
    import magmat as mm

    assert main(["grades", "--family", "NdFeB", "--json"]) == 0
    families = {g["family"] for g in _strict(capsys.readouterr().out)["grades"]}
    assert families == {"ndfeb_sintered", "ndfeb_bonded", "ndfeb_hot_deformed"}
    assert [g.name for g in mm.Catalog.default().find(family="NDFEB_SINTERED")] == \
        [g.name for g in mm.Catalog.default().find(family="ndfeb_sintered")]
    with pytest.raises(mm.UnknownNameError, match="ndfeb"):
        mm.Catalog.default().find(family="neodymium")
    assert main(["grades", "--family", "neodymium"]) == 2
    assert "unknown family 'neodymium'" in capsys.readouterr().err


def test_version_and_help_texts(capsys):
    import magmat as mm

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"magmat {mm.__version__}"
    with pytest.raises(SystemExit):
        main(["content", "--help"])
    text = capsys.readouterr().out
    assert "(wt%)" in text and "%%" not in text


def test_content_and_csv_share_the_json_keys(capsys):
    assert main(["content", "Nd2Fe14B", "--csv"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split(",")[:2] == ["formula", "nd_mass_fraction"]
    assert float(row.split(",")[1]) == pytest.approx(0.26684, rel=1e-4)


def test_wide_text_tables_continue_in_blocks_that_fit_the_terminal(capsys, monkeypatch):
    """Issue [13], item 5: the strategies table fits the terminal's width instead of padding lines to
    hundreds of characters; every column heading is still printed."""
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["compare"]) == 0
    out = capsys.readouterr().out
    titles = ("Strategies for ", "Sintered NdFeB catalog grades", "bulk_dy: ")  # prose lines, kept whole
    assert max(len(line) for line in out.splitlines() if not line.startswith(titles)) <= 100
    for heading in ("strategy", "Dy wt%", "Nd kg/unit", "Co t/year", "RE USD/kg", "validated", "reason"):
        assert heading in out
    assert sum(line.startswith("strategy ") for line in out.splitlines()) > 1  # blocks repeat the first column
