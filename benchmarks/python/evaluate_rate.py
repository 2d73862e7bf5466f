"""Rate of ``magmat.evaluate`` from Python on the C++ benchmark's inputs (benchmarks/cpp/bench_batch.cpp:
sintered NdFeB, Nd 28-32, Dy 0-4, B 1 wt%, Fe the balance), at 150 degC and with a temperature per
candidate (20-180 degC); best of --repeat runs, one thread unless --threads. Compare the printed
rates with the benchmarks ``batch_fixed_temperature/1`` and ``batch_temperature_per_candidate/1``
(the issue's target: Python within 1.3x of the C++ batch time).

    python benchmarks/python/evaluate_rate.py --n 1000000
"""

from __future__ import annotations

import argparse

import numpy as np

import magmat as mm
from timing import best_seconds


def candidates(n: int, seed: int = 2024) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    nd = rng.uniform(28.0, 32.0, n)
    dy = rng.uniform(0.0, 4.0, n)
    return {"Nd": nd, "Dy": dy, "B": np.ones(n), "Fe": 100.0 - nd - dy - 1.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="candidates per sweep")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    cand = candidates(args.n)
    temperatures = np.random.default_rng(7).uniform(20.0, 180.0, args.n)
    for label, temperature in [("fixed 150 degC", 150.0), ("temperature per candidate", temperatures)]:
        seconds = best_seconds(lambda: mm.evaluate(cand, temperature_C=temperature, threads=args.threads), args.repeat)
        print(f"mm.evaluate, {label:26s} {args.n:>9d} candidates  {seconds:7.3f} s  {args.n / seconds:12,.0f} /s")


if __name__ == "__main__":
    main()
