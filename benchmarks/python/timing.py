"""Timing helper shared by the benchmark scripts in this folder (evaluate_rate.py, loss_rate.py,
pareto_rate.py, compare_peers.py), which import it as a sibling module when run as ``python benchmarks/python/<script>.py``."""

from __future__ import annotations

import time
from typing import Callable


def best_seconds(run: Callable[[], object], repeat: int) -> float:
    """Wall-clock seconds of the fastest of ``repeat`` calls of ``run`` (the least disturbed by
    other load on the machine)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
