"""The Python benchmark scripts keep working as the model changes (they are not timed here:
benchmarks/README.md). compare_peers.py's reimplementation of the model in pint must agree with
magmat, or its timings compare different physics; issue [9]'s tabulated HA(T) once broke it
unnoticed."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import magmat as mm

pytest.importorskip("pint")

SCRIPTS = Path(__file__).resolve().parents[2] / "benchmarks" / "python"


@pytest.fixture(scope="module")
def compare_peers():
    sys.path.insert(0, str(SCRIPTS))
    try:
        yield importlib.import_module("compare_peers")
    finally:
        sys.path.remove(str(SCRIPTS))


@pytest.mark.parametrize("temperature_C", [20.0, 150.0])
def test_the_pint_reimplementation_agrees_with_magmat(compare_peers, temperature_C):
    import pint

    data = compare_peers.load_peer_data()
    candidates = compare_peers.random_ndfeb(300, seed=1)
    ours = mm.evaluate(candidates, temperature_C=temperature_C, process="sintered", threads=1)
    peer = compare_peers.peer_vectorized(candidates, temperature_C, data, pint.UnitRegistry())
    worst = compare_peers.worst_relative(peer, ours)
    assert worst.pop("policy_pass mismatches") == 0
    assert max(worst.values()) < 1e-9, worst
    if temperature_C == 150.0:  # the sample reaches the demagnetized rows (HcJ = 0) the script handles
        assert np.any(np.asarray(ours["intrinsic_coercivity"]) == 0.0)


@pytest.mark.parametrize("script", ["evaluate_rate.py", "loss_rate.py", "pareto_rate.py"])
def test_the_rate_scripts_run(script):
    done = subprocess.run([sys.executable, str(SCRIPTS / script), "--n", "2000", "--repeat", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "/s" in done.stdout
