"""Throughput of magmat's batch API against its own scalar Python loop (and, when installed,
pymatgen and pint for the parts they also do); prints candidates/s and ratios.

    python benchmarks/python/compare_peers.py --n 100000 --threads 0 --json out.json

Random NdFeB candidates: Nd 28-32, Dy 0-4, B 1 wt%, Fe the balance, at 150 degC, sintered.
The scalar loop runs on a subset (--scalar-n) and its rate is what is compared (rates scale
linearly with the count). Peers (only if installed; never faked): pymatgen for the mass
fractions of formulas against mm.mass_fractions, pint for an array unit conversion against
mm.convert, on --peer-n items. Before any timing, the batch results must equal the scalar ones
(relative 1e-12) on a sample.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time

import numpy as np

import magmat as mm

KEYS = ["remanence", "intrinsic_coercivity", "normal_coercivity", "max_energy_product"]
FORMULAS = ["(Nd0.8Dy0.2)2Fe14B", "Nd2Fe14B", "SmCo5", "Sm2Co17", "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5", "SrFe12O19"]


def random_ndfeb(n: int, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    nd = rng.uniform(28.0, 32.0, n)
    dy = rng.uniform(0.0, 4.0, n)
    b = np.ones(n)
    return {"Nd": nd, "Dy": dy, "B": b, "Fe": 100.0 - nd - dy - b}


def scalar_loop(cand: dict[str, np.ndarray], temperature_C: float) -> dict[str, np.ndarray]:
    n = len(next(iter(cand.values())))
    out = {k: np.empty(n) for k in KEYS}
    for i in range(n):
        magnet = mm.Magnet.from_composition({k: float(v[i]) for k, v in cand.items()}, process="sintered")
        p = magnet.properties(temperature_C)
        out["remanence"][i] = p.remanence
        out["intrinsic_coercivity"][i] = p.intrinsic_coercivity
        out["normal_coercivity"][i] = p.normal_coercivity
        out["max_energy_product"][i] = p.max_energy_product
    return out


def timed(f, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = f(*args, **kwargs)
    return time.perf_counter() - start, result


def rows_for_peers(n: int) -> list[dict]:
    """mass fractions of n formulas (pymatgen) and n unit conversions (pint), magmat alongside."""
    rows = []
    formulas = [FORMULAS[i % len(FORMULAS)] for i in range(n)]
    t_mm, _ = timed(mm.mass_fractions, formulas, elements=["Nd", "Dy", "Sm"])
    rows.append({"name": "mm.mass_fractions", "count": n, "seconds": t_mm, "per_second": n / t_mm})
    try:
        from pymatgen.core import Composition as PmgComposition
    except ImportError:
        print("pymatgen: not installed, row skipped")
    else:
        t, _ = timed(lambda: [[PmgComposition(f).get_wt_fraction(e) for e in ("Nd", "Dy", "Sm")] for f in formulas])
        rows.append({"name": "pymatgen Composition.get_wt_fraction", "count": n, "seconds": t, "per_second": n / t,
                     "magmat_ratio": t / t_mm})
    values = np.linspace(1.0, 30.0, n)
    t_conv, _ = timed(mm.convert, values, "kOe", "A/m")
    rows.append({"name": "mm.convert (array, kOe -> A/m)", "count": n, "seconds": t_conv, "per_second": n / t_conv})
    try:
        import pint
    except ImportError:
        print("pint: not installed, row skipped")
    else:
        ureg = pint.UnitRegistry()
        # pint puts the oersted in Gaussian units: the conversion to A/m needs that context
        t, _ = timed(lambda: (values * ureg.kilooersted).to("A/m", "Gaussian").magnitude)
        rows.append({"name": "pint (array, kOe -> A/m)", "count": n, "seconds": t, "per_second": n / t,
                     "magmat_ratio": t / t_conv})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100000, help="candidates for the batch run")
    parser.add_argument("--scalar-n", type=int, default=2000, help="candidates for the scalar Python loop")
    parser.add_argument("--peer-n", type=int, default=10000, help="items for the peer comparisons")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 0], help="thread counts (0 = all cores)")
    parser.add_argument("--temperature-C", type=float, default=150.0)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()

    # correctness first: batch == scalar on a sample
    sample = random_ndfeb(200, seed=1)
    batch = mm.evaluate(sample, temperature_C=args.temperature_C)
    scalar = scalar_loop(sample, args.temperature_C)
    for key in KEYS:
        np.testing.assert_allclose(batch[key], scalar[key], rtol=1e-12, atol=0.0, err_msg=key)

    cand = random_ndfeb(args.n, seed=2)
    subset = {k: v[: args.scalar_n] for k, v in cand.items()}
    t_scalar, _ = timed(scalar_loop, subset, args.temperature_C)
    scalar_rate = args.scalar_n / t_scalar
    rows = [{"name": "scalar Python loop", "count": args.scalar_n, "seconds": t_scalar, "per_second": scalar_rate}]
    for threads in args.threads:
        t, res = timed(mm.evaluate, cand, temperature_C=args.temperature_C, threads=threads)
        assert not np.isnan(res["remanence"]).any()
        rows.append({"name": f"mm.evaluate threads={threads}", "count": args.n, "seconds": t,
                     "per_second": args.n / t, "vs_scalar_loop": (args.n / t) / scalar_rate})
    peer_rows = rows_for_peers(args.peer_n)

    print(f"magmat {mm.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs")
    print(f"{'run':45s} {'count':>8s} {'seconds':>9s} {'per second':>12s} {'ratio':>8s}")
    for r in rows + peer_rows:
        ratio = r.get("vs_scalar_loop", r.get("magmat_ratio"))
        print(f"{r['name']:45s} {r['count']:8d} {r['seconds']:9.3f} {r['per_second']:12.0f} "
              f"{'' if ratio is None else f'{ratio:8.1f}'}")
    print("ratio: evaluate rows = speed-up over the scalar loop; peer rows = peer time / magmat time")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"cpus": os.cpu_count(), "python": platform.python_version(), "evaluate": rows,
                       "peers": peer_rows}, f, indent=2)


if __name__ == "__main__":
    main()
