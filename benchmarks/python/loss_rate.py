"""Rate of the irreversible loss judged over a magnet's volume from Python (issue [10], item 7):
``Grade.irreversible_loss(shape=..., temperature_C=<array>)`` on one precomputed shape, in magnet-
temperature pairs per second on one core, against the target of 1e5 pairs/s, for N42SH in the
makers' rating cylinder (L/D = 0.7), in a flat block and in a ring, over the three regimes of a sweep (every
part inside its knee, the onset region, the magnet reversing) and over 20-250 degC; beside it a
Python loop of scalar calls and the one-load-line loss (pc=2). The C++ figures are
benchmarks/cpp/bench_loss.cpp's.

    python benchmarks/python/loss_rate.py --n 100000
"""

from __future__ import annotations

import argparse

import numpy as np

import magmat as mm
from timing import best_seconds

TARGET = 1e5  # pairs per second per core


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="temperatures per sweep")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = parser.parse_args()

    g = mm.Catalog.default()["N42SH"]
    shapes = {
        "cylinder L/D 0.7": mm.Cylinder(length=0.007, diameter=0.01),
        "block 4 x 20 x 10 mm": mm.Block(length=0.004, width=0.02, height=0.01),
        "ring 5 x 20/8 mm": mm.Ring(length=0.005, outer_diameter=0.02, inner_diameter=0.008),
    }
    regimes = {"inside the knee": (20.0, 140.0), "onset region": (140.0, 180.0), "reversing": (180.0, 250.0),
               "sweep": (20.0, 250.0)}
    print(f"{'shape':22s} {'temperatures (degC)':24s} {'pairs/s':>12s} {'/ target':>9s}")
    for label, shape in shapes.items():
        g.irreversible_loss(shape=shape, temperature_C=20.0)  # the shape's local fields, once
        for regime, (low, high) in regimes.items():
            temperatures = np.linspace(low, high, args.n)
            seconds = best_seconds(lambda: g.irreversible_loss(shape=shape, temperature_C=temperatures), args.repeat)
            rate = args.n / seconds
            print(f"{label:22s} {regime + f' {low:g}-{high:g}':24s} {rate:12.4g} {rate / TARGET:9.2f}")
    # a Python loop of scalar calls (each rebuilds the 20 degC state) and the one-load-line loss
    loop = np.linspace(20.0, 250.0, max(1, args.n // 20))
    cylinder = shapes["cylinder L/D 0.7"]
    seconds = best_seconds(lambda: [g.irreversible_loss(shape=cylinder, temperature_C=float(t)) for t in loop],
                           args.repeat)
    print(f"{'cylinder, scalar loop':22s} {'sweep 20-250':24s} {loop.size / seconds:12.4g} "
          f"{loop.size / seconds / TARGET:9.2f}")
    temperatures = np.linspace(20.0, 250.0, args.n)
    seconds = best_seconds(lambda: g.irreversible_loss(pc=2.0, temperature_C=temperatures), args.repeat)
    print(f"{'one load line, pc=2':22s} {'sweep 20-250':24s} {args.n / seconds:12.4g} "
          f"{args.n / seconds / TARGET:9.2f}")


if __name__ == "__main__":
    main()
