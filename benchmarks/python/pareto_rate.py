"""Time of ``mm.pareto_front`` from Python (issue [12], item 13): 10^6 rows of three objectives
against the target of under 2 s on one core (before: O(n^2), 17.5 s for 10^5 rows), on independent
uniform objectives (a small front) and on anti-correlated ones (points near the plane of constant
sum: a large front); two objectives beside them. The C++ figures are benchmarks/cpp/bench_pareto.cpp's.

    python benchmarks/python/pareto_rate.py --n 1000000
"""

from __future__ import annotations

import argparse

import numpy as np

import magmat as mm
from timing import best_seconds

TARGET_SECONDS = 2.0  # 10^6 rows, three objectives, one core


def objectives(n: int, count: int, anticorrelated: bool) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(13)
    values = rng.random((n, count))
    if anticorrelated:
        values[:, -1] = count - values[:, :-1].sum(axis=1) + rng.uniform(0.0, 1e-3, n)
    return {f"o{j}": values[:, j].copy() for j in range(count)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="rows")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = parser.parse_args()

    print(f"{'objectives':>10s} {'inputs':16s} {'rows':>9s} {'front':>8s} {'seconds':>9s} {'rows/s':>11s}")
    for count in (3, 2):
        for anticorrelated in (False, True):
            res = objectives(args.n, count, anticorrelated)
            names = list(res)
            front = mm.pareto_front(res, minimize=names)
            seconds = best_seconds(lambda: mm.pareto_front(res, minimize=names), args.repeat)
            label = "anti-correlated" if anticorrelated else "uniform"
            note = f"  (target < {TARGET_SECONDS:g} s: {'met' if seconds < TARGET_SECONDS else 'MISSED'})" \
                if count == 3 and args.n == 1_000_000 else ""
            print(f"{count:10d} {label:16s} {args.n:9d} {len(front):8d} {seconds:9.3f} {args.n / seconds:11.4g}{note}")


if __name__ == "__main__":
    main()
