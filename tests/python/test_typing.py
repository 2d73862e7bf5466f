"""Static typing of the installed package, as a user's type checker sees it (issue [13], item 4).

* ``mypy --strict`` over the package itself and over tests/typing/*.py, scripts written as a user
  writes them (``br: float = g.remanence(150.0)``);
* ``mypy.stubtest``: the stubs bindings/python/magmat/_core.pyi against the compiled module, with
  the allowlist tests/typing/stubtest_allowlist.txt for what pybind11 cannot express;
* the scripts also run, so they cannot drift from what the package does.

mypy keeps its cache in build/mypy_cache, so a second run takes seconds.
"""

from __future__ import annotations

import os
import pathlib
import runpy
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TYPING = ROOT / "tests" / "typing"
SCRIPTS = sorted(TYPING.glob("*.py"))
ALLOWLIST = TYPING / "stubtest_allowlist.txt"


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy", reason="mypy is a test dependency: pip install '.[test]'")
    # magmat.plot's types and the plotting script name matplotlib's (the README's set-up installs it).
    pytest.importorskip("matplotlib", reason="the typed plot functions need matplotlib: pip install '.[plot]'")
    env = dict(os.environ, MYPY_CACHE_DIR=str(ROOT / "build" / "mypy_cache"))
    # From the repository root, where no magmat/ folder shadows the installed package.
    return subprocess.run([sys.executable, "-m", *arguments], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)


def test_there_are_user_scripts() -> None:
    assert len(SCRIPTS) >= 3, f"expected the user scripts in {TYPING}"


def test_package_passes_mypy_strict() -> None:
    result = _run("mypy", "--strict", "-p", "magmat")
    assert result.returncode == 0, f"mypy --strict -p magmat failed:\n{result.stdout}{result.stderr}"


def test_user_scripts_pass_mypy_strict() -> None:
    # A second run (mypy takes a package or files, not both); it reuses the package's cache.
    result = _run("mypy", "--strict", *(str(s.relative_to(ROOT)) for s in SCRIPTS))
    assert result.returncode == 0, f"mypy --strict tests/typing failed:\n{result.stdout}{result.stderr}"


def test_mypy_sees_floats_and_arrays() -> None:
    # The types are precise, not Any: mypy refuses these, naming what each call returns.
    program = "\n".join([
        "import numpy as np",
        "import magmat as mm",
        "g = mm.Catalog.default()['N42SH']",
        "a: str = g.remanence(150.0)",
        "b: float = g.remanence(np.array([20.0, 150.0]))",
        "c: mm.OperatingPoints = g.operating_point(pc=2.0)",
        "d: int = mm.convert(12.0, 'kOe', 'kA/m')",
    ])
    result = _run("mypy", "--strict", "-c", program)
    assert result.returncode == 1, result.stdout + result.stderr
    expected = [
        'line 4: error: Incompatible types in assignment (expression has type "float", variable has type "str")',
        'line 5: error: Incompatible types in assignment (expression has type "ndarray[',
        'line 6: error: Incompatible types in assignment (expression has type "OperatingPoint", variable has type '
        '"OperatingPoints")',
        'line 7: error: Incompatible types in assignment (expression has type "float", variable has type "int")',
    ]
    for line in expected:
        assert line in result.stdout.replace("<string>:", "line "), f"{line!r} not in:\n{result.stdout}"
    assert "Found 4 errors" in result.stdout, result.stdout


def test_stubs_pass_stubtest() -> None:
    result = _run("mypy.stubtest", "magmat", "--allowlist", str(ALLOWLIST))
    assert result.returncode == 0, f"stubtest failed:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_user_script_runs(script: pathlib.Path) -> None:
    if "plot" in script.name:
        pytest.importorskip("matplotlib")  # an optional dependency (magmat[plot])
    runpy.run_path(str(script), run_name="__main__")
