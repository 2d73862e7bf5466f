"""Runs every Python example as a user would, and checks what it prints."""

import pathlib
import subprocess
import sys

import pytest

EXAMPLES = sorted((pathlib.Path(__file__).resolve().parents[2] / "examples" / "python").glob("*.py"))
EXPECTED = {
    "ev_traction_dy_savings.py": ["161,000 t/year", "gbd_tb", "Dy saved t/y"],
    "grade_selection.py": ["do not cross the knee at 160 degC", "N48SH"],
    "programme_criteria.py": ["N42SH", "Nm/L, passes = True"],
    "smco_vs_ndfeb_hot.py": ["YXG28H", "T max (degC)"],
    "composition_sweep_pareto.py": ["on the Pareto front", "plot written to"],
}


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(example, tmp_path):
    done = subprocess.run([sys.executable, str(example)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for fragment in EXPECTED.get(example.name, []):
        assert fragment in done.stdout


def test_every_example_is_checked():
    assert {p.name for p in EXAMPLES} == set(EXPECTED)
