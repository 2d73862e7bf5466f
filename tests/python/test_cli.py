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
