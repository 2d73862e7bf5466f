"""Tests of the magmat command line (magmat.__main__)."""

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


def test_compare_reads_the_fleet_from_a_demand_scenario(capsys):
    """Issue [11], item 5: the main job's fleet comes from the seed's EV-traction demand figures."""
    import json

    import magmat as mm

    expected = mm.supply_scenario("ev_traction_ndfeb_world").at(2030)
    assert main(["compare", "--mass-kg", "1.2", "--demand", "ev_traction_ndfeb_world", "--year", "2030",
                 "--json"]) == 0
    rows = {r["strategy"]: r for r in json.loads(capsys.readouterr().out)}
    study = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), magnet_mass_kg=1.2,
                            magnet_tonnes_per_year=expected)
    assert rows["bulk_dy"]["Dy t/year"] == pytest.approx(study["bulk_dy"].tonnes_per_year["Dy"])
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
    for option in ("--at 150C", "--pc 2", "--mass-kg 1.2", "--demand ev_traction_ndfeb_world", "--year 2030"):
        assert option in command
    references = json.loads((Path(__file__).resolve().parents[2] / "materials" / "references.json").read_text())
    assert "MAINRICH-EV" in script and "1.2 kg" in references["MAINRICH-EV"]["seen"]


def test_compare_json_is_machine_readable(capsys):
    import json

    def refuse(constant):
        raise AssertionError(f"not strict JSON: {constant}")

    assert main(["compare", "--json"]) == 0
    # strict JSON: NaN and Infinity are not JSON (issue [11]); a missing number is null
    rows = json.loads(capsys.readouterr().out, parse_constant=refuse)
    assert {row["strategy"] for row in rows} >= {"bulk_dy", "gbd_dy", "ferrite"}
    by_name = {row["strategy"]: row for row in rows}
    # NdFeB is priced whole (the total adds Fe and B to the rare earths), SmCo5 too (Sm and Co); Sm2Co17's
    # Cu and Zr have no price: its total is null, never NaN
    assert by_name["bulk_dy"]["total USD/kg"] > by_name["bulk_dy"]["RE USD/kg"] > 0
    assert by_name["smco5"]["total USD/kg"] > 0
    assert by_name["sm2co17"]["total USD/kg"] is None


def test_grades_filter_and_units(capsys):
    assert main(["grades", "--family", "ndfeb", "--min-hcj", "20kOe", "--at", "20C", "--units", "cgs"]) == 0
    out = capsys.readouterr().out
    assert "N42SH" in out and "kOe" in out and "N42 " not in out


def test_show_a_grade_with_load_line(capsys, tmp_path):
    png = tmp_path / "n42sh.png"
    assert main(["show", "N42SH", "--at", "150C", "--pc", "2", "--plot", str(png), "--csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("name,") and "max operating T (degC)" in out
    assert png.stat().st_size > 0


@pytest.mark.parametrize(
    "argv, fragment",
    [
        pytest.param(["show", "N99XX"], "did you mean", id="unknown-grade"),
        pytest.param(["grades", "--min-hcj", "lots"], "lots", id="unreadable-quantity"),
        pytest.param(["grades", "--min-hcj", "1600T"], "T", id="wrong-dimension"),
        pytest.param(["compare", "--pc", "-1"], "permeance", id="negative-pc"),
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
