"""Throughput of magmat's batch API against the ways a Python user would do the same sweep, in
one process, on the same inputs; prints the agreement check, then candidates/s and ratios.

    python benchmarks/python/compare_peers.py --n 100000 [--json out.json]

Candidates: random sintered NdFeB, Nd 28-32, Dy 0-4, B 1 wt%, Fe the balance, at 150 degC.
Outputs compared: Br, HcJ, HcB, (BH)max at the temperature, rare-earth and heavy-rare-earth mass
fractions, and the programme's criterion at 20 degC (policy_pass).

  (a) magmat batch: mm.evaluate on all --n candidates (threads=1).
  (b) magmat scalar API in a Python loop (Magnet.from_composition, properties, check_policy).
  (c) the peer way: pymatgen Composition for the weight and atomic fractions, then the model's
      formulas written with pint quantities, per candidate in a Python loop.
  (d) the same formulas with pint wrapping NumPy arrays, vectorized over the candidates.

(c) and (d) are a REIMPLEMENTATION OF MAGMAT'S MODEL FOR TIMING ONLY (below, "peer model"): the
formulas of lib/src/magnet.cpp, phases.cpp and demag.cpp, with the phase constants read from
materials/phases/*.json and the process parameters from mm.Magnet.process_parameters. They exist so that
the comparison times the same physics; magmat never imports pint or pymatgen. The slow loops
(b) and (c) run on a subset (--scalar-n, --peer-n) and their rates are compared (the work is the
same per candidate). Before any timing, all four must agree to a relative 1e-9 on those subsets.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
from pathlib import Path

import numpy as np

import magmat as mm
from timing import best_seconds

ROOT = Path(__file__).resolve().parents[2]
MU0 = 1.25663706212e-6  # H/m, as magmat's units.hpp
BOLTZMANN = 1.380649e-23  # J/K, as model_formulas.hpp
LN19 = math.log(19.0)
FLOAT_KEYS = [
    "remanence",
    "intrinsic_coercivity",
    "normal_coercivity",
    "max_energy_product",
    "rare_earth_mass_fraction",
    "heavy_rare_earth_mass_fraction",
]
KEYS = FLOAT_KEYS + ["policy_pass"]
ELEMENTS = ["Nd", "Dy", "B", "Fe"]
RARE_EARTHS = ["Nd", "Dy"]
HEAVY = ["Dy"]
ROOM_K = 293.15


def random_ndfeb(n: int, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    nd = rng.uniform(28.0, 32.0, n)
    dy = rng.uniform(0.0, 4.0, n)
    b = np.ones(n)
    return {"Nd": nd, "Dy": dy, "B": b, "Fe": 100.0 - nd - dy - b}


def subset(cand: dict[str, np.ndarray], n: int) -> dict[str, np.ndarray]:
    return {k: v[:n].copy() for k, v in cand.items()}


# --- (b) magmat's scalar API in a Python loop -----------------------------------------------------


def scalar_loop(cand: dict[str, np.ndarray], temperature_C: float) -> dict[str, np.ndarray]:
    n = len(cand["Nd"])
    out = {k: np.empty(n) for k in FLOAT_KEYS}
    out["policy_pass"] = np.empty(n, dtype=bool)
    for i in range(n):
        magnet = mm.Magnet.from_composition({k: float(v[i]) for k, v in cand.items()}, process="sintered")
        p = magnet.properties(temperature_C)
        comp = magnet.composition
        out["remanence"][i] = p.remanence
        out["intrinsic_coercivity"][i] = p.intrinsic_coercivity
        out["normal_coercivity"][i] = p.normal_coercivity
        out["max_energy_product"][i] = p.max_energy_product
        out["rare_earth_mass_fraction"][i] = comp.rare_earth_mass_fraction()
        out["heavy_rare_earth_mass_fraction"][i] = comp.heavy_rare_earth_mass_fraction()
        out["policy_pass"][i] = mm.check_policy(magnet).passes
    return out


# --- peer model: the data it needs -------------------------------------------------------------------


def load_peer_data() -> dict:
    """Phase constants (materials/phases/*.json) and process parameters (mm.Magnet.process_parameters)."""
    phases = {}
    for re in RARE_EARTHS:
        d = json.loads((ROOT / "materials" / "phases" / f"{re}2Fe14B.json").read_text())
        law = d["magnetization_temperature_law"]
        assert law["law"] == "kuzmin", law["law"]
        anisotropy = d["anisotropy_temperature_law"]
        assert anisotropy["law"] == "table", anisotropy["law"]  # single-crystal HA(T), issue [9]
        points = anisotropy["points"]
        assert all(pt["temperature"]["unit"] == "K" and pt["anisotropy_field_mu0"]["unit"] == "T" for pt in points)
        phases[re] = {
            "js0": law["saturation_polarization_0K"]["value"],
            "s": law["s"]["value"],
            "p": law["p"]["value"],
            "tc": d["curie_temperature"]["value"],
            "ha_kelvin": np.array([pt["temperature"]["value"] for pt in points], dtype=float),
            "ha_field": np.array([pt["anisotropy_field_mu0"]["value"] / MU0 for pt in points], dtype=float),
        }
    process = mm.Magnet.from_composition({"Nd": 30.0, "B": 1.0, "Fe": 69.0}, process="sintered").process_parameters
    weights = {e: mm.element(e).standard_atomic_weight for e in ELEMENTS}
    return {"phases": phases, "process": dict(process), "weights": weights}


def align_pymatgen_atomic_masses(weights: dict[str, float]) -> dict[str, float]:
    """pymatgen's atomic weights are not all magmat's CIAAW-2024 ones (B: 10.811 against 10.81), a
    1e-4 difference that would hide everything else. For a like-for-like check the peer run sets
    pymatgen's masses of the four elements to magmat's; returns pymatgen's own values."""
    from pymatgen.core import Element
    from pymatgen.core.units import Mass

    own = {}
    for symbol, weight in weights.items():
        el = Element(symbol)
        own[symbol] = float(el.atomic_mass)
        el._atomic_mass = Mass(weight, "amu")  # the attribute behind Element.atomic_mass
        if abs(float(Element(symbol).atomic_mass) - weight) > 0.0:
            raise RuntimeError(f"could not align pymatgen's atomic mass of {symbol}")
    return own


# --- (c) peer model, per candidate: pymatgen fractions + pint quantities -------------------------


def kuzmin(tau, s, p):
    return (1.0 - s * tau**1.5 - (1.0 - s) * tau**p) ** (1.0 / 3.0)


def tabulated_anisotropy_field(phase: dict, kelvin):
    """HA (A/m) of one end member at its own temperature: linear between the table's points, held
    at the end values outside them (np.interp does both)."""
    return np.interp(kelvin, phase["ha_kelvin"], phase["ha_field"])


def thermal_activation_field(proc: dict, kelvin, js_tesla):
    """Givord's 25 kB T / (Js v) in A/m (0 without an activation volume)."""
    v = proc["activation_volume"]
    return 25.0 * BOLTZMANN * kelvin / (js_tesla * v) if v > 0.0 else 0.0 * kelvin


def peer_scalar(cand: dict[str, np.ndarray], temperature_C: float, data: dict, ureg) -> dict[str, np.ndarray]:
    from pymatgen.core import Composition

    Q = ureg.Quantity
    mu0 = Q(MU0, "H/m")
    proc = data["process"]
    phases = data["phases"]
    weights = data["weights"]
    n = len(cand["Nd"])
    out = {k: np.empty(n) for k in FLOAT_KEYS}
    out["policy_pass"] = np.empty(n, dtype=bool)

    def state(site, fraction, kelvin):
        """Br (T) and HcJ (A/m) as pint quantities at `kelvin`."""
        tc = sum(f * phases[re]["tc"] for re, f in site.items())
        tau = kelvin / tc
        js = Q(0.0, "T")
        energy = Q(0.0, "J/m^3")
        for re, f in site.items():
            ph = phases[re]
            m = kuzmin(tau, ph["s"], ph["p"])
            js_i = Q(ph["js0"], "T") * m
            ha_i = Q(float(tabulated_anisotropy_field(ph, tau * ph["tc"])), "A/m")
            js = js + f * js_i
            energy = energy + (f * 0.5 * js_i * ha_i).to("J/m^3")
        ha = (2.0 * energy / js).to("A/m")
        ms = (js / mu0).to("A/m")
        br = js * fraction * proc["relative_density"] * proc["alignment"]
        thermal = Q(thermal_activation_field(proc, kelvin, js.to("T").magnitude), "A/m")
        hcj = proc["alpha_k"] * ha - proc["n_eff"] * ms - thermal
        return br, max(hcj, Q(0.0, "A/m"))

    def curve(br, hcj):
        """HcB and (BH)max of the logistic curve: bisection and golden-section on plain floats."""
        b_r, h_j = br.to("T").magnitude, hcj.to("A/m").magnitude
        if h_j == 0.0:  # no coercivity left: HcB = (BH)max = 0, as magmat gives
            return Q(0.0, "A/m"), Q(0.0, "J/m^3")
        mu_rec, q = proc["recoil_permeability"], proc["squareness"]
        w = h_j * (1.0 - q) / LN19

        def flux(h):
            return MU0 * h + (b_r + MU0 * (mu_rec - 1.0) * h) * math.tanh((h + h_j) / (2.0 * w))

        low, high = -h_j, 0.0
        for _ in range(200):
            mid = 0.5 * (low + high)
            if mid in (low, high):
                break
            if flux(mid) > 0.0:
                high = mid
            else:
                low = mid
        hcb = -0.5 * (low + high)
        product = lambda h: -h * flux(h)  # noqa: E731
        a, b = -hcb, 0.0  # -H B is concave on the branch here (see model_formulas.hpp)
        g = (math.sqrt(5.0) - 1.0) / 2.0
        for _ in range(120):
            c, d = b - g * (b - a), a + g * (b - a)
            if product(c) > product(d):
                b = d
            else:
                a = c
        return Q(hcb, "A/m"), Q(product(0.5 * (a + b)), "J/m^3")

    for i in range(n):
        comp = Composition.from_weight_dict({e: float(cand[e][i]) for e in ELEMENTS})
        wt = {e: comp.get_wt_fraction(e) for e in ELEMENTS}
        at = {e: comp.get_atomic_fraction(e) for e in ELEMENTS}
        re_atoms = sum(at[re] for re in RARE_EARTHS)
        site = {re: at[re] / re_atoms for re in RARE_EARTHS if at[re] > 0.0}
        main = Composition({**{re: 2.0 * f for re, f in site.items()}, "Fe": 14.0, "B": 1.0})
        re_fraction = sum(float(wt[re]) for re in RARE_EARTHS)
        main_re = sum(float(main.get_wt_fraction(re)) for re in site)
        fraction = min(
            1.0,
            float(wt["B"]) / float(main.get_wt_fraction("B")),
            float(wt["Fe"]) / float(main.get_wt_fraction("Fe")),
            (re_fraction - proc["grain_boundary_rare_earth"]) / main_re,
        )
        br, hcj = state(site, fraction, temperature_C + 273.15)
        hcb, bhmax = curve(br, hcj)
        br20, hcj20 = state(site, fraction, ROOM_K)
        passes = hcj20 >= Q(800e3 * (1 - 1e-12), "A/m")
        if passes:
            passes = curve(br20, hcj20)[1] >= Q(150e3 * (1 - 1e-12), "J/m^3")
        out["remanence"][i] = br.to("T").magnitude
        out["intrinsic_coercivity"][i] = hcj.to("A/m").magnitude
        out["normal_coercivity"][i] = hcb.magnitude
        out["max_energy_product"][i] = bhmax.magnitude
        out["rare_earth_mass_fraction"][i] = re_fraction
        out["heavy_rare_earth_mass_fraction"][i] = sum(float(wt[h]) for h in HEAVY)
        out["policy_pass"][i] = bool(passes)
    return out


# --- (d) peer model, vectorized: pint quantities wrapping NumPy arrays -----------------------------


def peer_vectorized(cand: dict[str, np.ndarray], temperature_C: float, data: dict, ureg) -> dict[str, np.ndarray]:
    Q = ureg.Quantity
    mu0 = Q(MU0, "H/m")
    proc = data["process"]
    phases = data["phases"]
    wts = data["weights"]
    percent = {e: Q(np.asarray(cand[e], dtype=float), "percent") for e in ELEMENTS}
    moles = {e: (percent[e] / Q(wts[e], "g/mol")).to("mol/kg") for e in ELEMENTS}
    atoms = sum(moles.values())
    at = {e: (moles[e] / atoms).to("").magnitude for e in ELEMENTS}
    molar = sum(at[e] * Q(wts[e], "g/mol") for e in ELEMENTS)
    wt = {e: (at[e] * Q(wts[e], "g/mol") / molar).to("").magnitude for e in ELEMENTS}
    re_atoms = sum(at[re] for re in RARE_EARTHS)
    site = {re: at[re] / re_atoms for re in RARE_EARTHS}
    main_molar = Q(wts["B"], "g/mol") + 14.0 * Q(wts["Fe"], "g/mol") + sum(2.0 * site[re] * Q(wts[re], "g/mol") for re in RARE_EARTHS)
    main_b = (Q(wts["B"], "g/mol") / main_molar).to("").magnitude
    main_fe = (14.0 * Q(wts["Fe"], "g/mol") / main_molar).to("").magnitude
    main_re = (sum(2.0 * site[re] * Q(wts[re], "g/mol") for re in RARE_EARTHS) / main_molar).to("").magnitude
    re_fraction = sum(wt[re] for re in RARE_EARTHS)
    fraction = np.minimum.reduce(
        [np.ones_like(main_b), wt["B"] / main_b, wt["Fe"] / main_fe, (re_fraction - proc["grain_boundary_rare_earth"]) / main_re]
    )

    def state(kelvin):
        tc = sum(site[re] * phases[re]["tc"] for re in RARE_EARTHS)
        tau = kelvin / tc
        js = Q(np.zeros_like(tc), "T")
        energy = Q(np.zeros_like(tc), "J/m^3")
        for re in RARE_EARTHS:
            ph = phases[re]
            m = kuzmin(tau, ph["s"], ph["p"])
            js_i = Q(ph["js0"], "T") * m
            ha_i = Q(tabulated_anisotropy_field(ph, tau * ph["tc"]), "A/m")
            js = js + site[re] * js_i
            energy = energy + (site[re] * 0.5 * js_i * ha_i).to("J/m^3")
        # one member (Dy = 0): HA is that member's own; the mixing rule gives the same value
        ha = (2.0 * energy / js).to("A/m")
        ms = (js / mu0).to("A/m")
        br = js * fraction * proc["relative_density"] * proc["alignment"]
        thermal = Q(thermal_activation_field(proc, kelvin, js.to("T").magnitude), "A/m")
        hcj = proc["alpha_k"] * ha - proc["n_eff"] * ms - thermal
        hcj = Q(np.maximum(hcj.to("A/m").magnitude, 0.0), "A/m")
        return br, hcj

    def curve(br, hcj):
        mu_rec, q = proc["recoil_permeability"], proc["squareness"]
        # Rows with no coercivity left get HcB = (BH)max = 0 (as magmat); a stand-in HcJ of 1 A/m
        # keeps their arithmetic finite until then.
        demagnetized = hcj.magnitude == 0.0
        hcj = Q(np.where(demagnetized, 1.0, hcj.magnitude), "A/m")
        w = hcj * (1.0 - q) / LN19

        def flux(h):
            return (mu0 * h).to("T") + (br + (mu0 * (mu_rec - 1.0) * h).to("T")) * np.tanh((h + hcj) / (2.0 * w))

        low, high = -hcj, Q(np.zeros_like(hcj.magnitude), "A/m")
        for _ in range(80):  # vectorized bisection: a fixed count reaches 1e-16 of HcJ
            mid = 0.5 * (low + high)
            positive = flux(mid).magnitude > 0.0
            high = Q(np.where(positive, mid.magnitude, high.magnitude), "A/m")
            low = Q(np.where(positive, low.magnitude, mid.magnitude), "A/m")
        hcb = -0.5 * (low + high)
        a, b = -hcb, Q(np.zeros_like(hcb.magnitude), "A/m")
        g = (math.sqrt(5.0) - 1.0) / 2.0
        for _ in range(90):  # vectorized golden section on the concave -H B
            c, d = b - g * (b - a), a + g * (b - a)
            left = (-c * flux(c)).magnitude > (-d * flux(d)).magnitude
            b = Q(np.where(left, d.magnitude, b.magnitude), "A/m")
            a = Q(np.where(left, a.magnitude, c.magnitude), "A/m")
        h = 0.5 * (a + b)
        product = (-h * flux(h)).to("J/m^3")
        return (Q(np.where(demagnetized, 0.0, hcb.to("A/m").magnitude), "A/m"),
                Q(np.where(demagnetized, 0.0, product.magnitude), "J/m^3"))

    br, hcj = state(temperature_C + 273.15)
    hcb, bhmax = curve(br, hcj)
    br20, hcj20 = state(ROOM_K)
    bh20 = curve(br20, hcj20)[1]
    passes = (hcj20.magnitude >= 800e3 * (1 - 1e-12)) & (bh20.magnitude >= 150e3 * (1 - 1e-12))
    return {
        "remanence": br.to("T").magnitude,
        "intrinsic_coercivity": hcj.magnitude,
        "normal_coercivity": hcb.to("A/m").magnitude,
        "max_energy_product": bhmax.magnitude,
        "rare_earth_mass_fraction": re_fraction,
        "heavy_rare_earth_mass_fraction": sum(wt[h] for h in HEAVY),
        "policy_pass": passes,
    }


# --- agreement and timing ---------------------------------------------------------------------------


def worst_relative(a: dict, b: dict) -> dict[str, float]:
    out = {}
    for k in FLOAT_KEYS:
        x, y = np.asarray(a[k], dtype=float), np.asarray(b[k], dtype=float)
        out[k] = float(np.max(np.abs(x - y) / np.maximum(np.abs(y), 1e-300)))
    out["policy_pass mismatches"] = float(np.count_nonzero(np.asarray(a["policy_pass"]) != np.asarray(b["policy_pass"])))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="candidates for the batch runs (a) and (d)")
    ap.add_argument("--scalar-n", type=int, default=5_000, help="candidates for the scalar loop (b)")
    ap.add_argument("--peer-n", type=int, default=300, help="candidates for the pymatgen + pint loop (c)")
    ap.add_argument("--temperature-C", type=float, default=150.0)
    ap.add_argument("--repeat", type=int, default=3, help="best of this many runs for (a) and (d)")
    ap.add_argument("--json", help="write the agreement check and the figures here")
    args = ap.parse_args()

    try:
        import pint
        import pymatgen.core  # noqa: F401
    except ImportError as e:
        print(f"peers missing ({e.name}): pip install pymatgen pint", file=sys.stderr)
        return 2
    ureg = pint.UnitRegistry()
    data = load_peer_data()
    pymatgen_masses = align_pymatgen_atomic_masses(data["weights"])
    cand = random_ndfeb(args.n, seed=0)
    t = args.temperature_C

    # Agreement on the peer subset, before any timing.
    check_n = min(args.peer_n, args.n)
    small = subset(cand, check_n)
    results = {
        "(a) magmat batch": mm.evaluate(small, temperature_C=t, process="sintered", threads=1),
        "(b) magmat scalar loop": scalar_loop(small, t),
        "(c) pymatgen + pint loop": peer_scalar(small, t, data, ureg),
        "(d) pint + NumPy": peer_vectorized(small, t, data, ureg),
    }
    reference = results["(a) magmat batch"]
    agreement = {name: worst_relative(res, reference) for name, res in results.items() if res is not reference}
    print(f"Agreement on {check_n} candidates (largest relative difference to (a)):")
    ok = True
    for name, diffs in agreement.items():
        worst = max(v for k, v in diffs.items() if k in FLOAT_KEYS)
        ok &= worst <= 1e-9 and diffs["policy_pass mismatches"] == 0
        print(f"  {name:28s} {worst:.2e}  policy_pass mismatches: {int(diffs['policy_pass mismatches'])}")
    if not ok:
        print("DISAGREEMENT above 1e-9: no timing", file=sys.stderr)
        return 1

    rows = []

    def add(name, count, seconds):
        rows.append({"name": name, "count": count, "seconds": seconds, "per_second": count / seconds})

    # The loops over single candidates run once (they take seconds); the array calls, best of --repeat.
    add("(a) magmat batch mm.evaluate", args.n,
        best_seconds(lambda: mm.evaluate(cand, temperature_C=t, process="sintered", threads=1), args.repeat))
    n_b = min(args.scalar_n, args.n)
    add("(b) magmat scalar API loop", n_b, best_seconds(lambda: scalar_loop(subset(cand, n_b), t), 1))
    n_c = min(args.peer_n, args.n)
    add("(c) pymatgen + pint loop", n_c, best_seconds(lambda: peer_scalar(subset(cand, n_c), t, data, ureg), 1))
    add("(d) pint + NumPy vectorized", args.n,
        best_seconds(lambda: peer_vectorized(cand, t, data, ureg), args.repeat))
    base = rows[0]["per_second"]
    for r in rows:
        r["magmat_batch_ratio"] = base / r["per_second"]

    print(f"\n{args.n} sintered NdFeB candidates at {t:g} degC, one thread; Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs reported")
    print(f"{'run':34s} {'count':>9s} {'seconds':>9s} {'candidates/s':>14s} {'(a) is faster by':>17s}")
    for r in rows:
        print(f"{r['name']:34s} {r['count']:9d} {r['seconds']:9.4f} {r['per_second']:14,.0f} {r['magmat_batch_ratio']:16.1f}x")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "candidates": args.n, "temperature_C": t, "agreement": agreement, "rows": rows,
            "python": platform.python_version(), "cpus": os.cpu_count(),
            "pymatgen_atomic_masses": pymatgen_masses, "magmat_atomic_masses": data["weights"],
        }, indent=2))
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
