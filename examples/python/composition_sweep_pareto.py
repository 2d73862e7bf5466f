"""Sweep sintered NdFeB compositions (Dy 0-4 wt%, Ce 0-6 wt% in place of Nd) at 150 degC and keep
the Pareto front: least heavy rare earth for the most coercivity. Writes the plot to
composition_sweep_pareto.png (needs matplotlib).

Run: python examples/python/composition_sweep_pareto.py [output.png]
"""

import sys

import numpy as np

import magmat as mm


def main(path="composition_sweep_pareto.png"):
    dy, ce = np.meshgrid(np.linspace(0.0, 4.0, 41), np.linspace(0.0, 6.0, 13))
    dy, ce = dy.ravel(), ce.ravel()
    candidates = {"Nd": 31.0 - dy - ce, "Dy": dy, "Ce": ce, "B": np.full_like(dy, 1.0), "Fe": np.full_like(dy, 68.0)}
    res = mm.evaluate(candidates, temperature_C=150, process="sintered", errors="mask")
    front = mm.pareto_front(res, minimize=["heavy_rare_earth_mass_fraction"], maximize=["intrinsic_coercivity"])
    print(f"{len(dy)} candidates, {int(res['valid'].sum())} valid, {len(front)} on the Pareto front")
    print(f"{'Dy wt%':>7} {'Ce wt%':>7} {'HcJ(150 C) kA/m':>16} {'Br(150 C) T':>12}")
    for i in front[np.argsort(res["intrinsic_coercivity"][front])]:
        print(f"{dy[i]:7.2f} {ce[i]:7.2f} {res['intrinsic_coercivity'][i] / 1e3:16.0f} {res['remanence'][i]:12.3f}")
    try:
        from matplotlib.figure import Figure
    except ImportError:
        print("matplotlib is not installed: no plot")
        return
    fig = Figure(figsize=(6, 4), layout="constrained")
    ax = fig.add_subplot()
    ax.scatter(100 * res["heavy_rare_earth_mass_fraction"], res["intrinsic_coercivity"] / 1e3, s=6, c=ce,
               cmap="viridis", label="candidates (colour: Ce wt%)")
    ax.plot(100 * res["heavy_rare_earth_mass_fraction"][front], res["intrinsic_coercivity"][front] / 1e3, "r.-",
            label="Pareto front")
    ax.set_xlabel("heavy rare earth (wt%)")
    ax.set_ylabel("HcJ at 150 °C (kA/m)")
    ax.legend()
    fig.savefig(path, dpi=100)
    print(f"plot written to {path}")


if __name__ == "__main__":
    main(*sys.argv[1:])
