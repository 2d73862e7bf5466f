"""Robustness sweep (issue [8]): no input from Python crashes the interpreter. Wrong types, huge,
empty, non-contiguous and non-float arrays, NaN/inf and Unicode junk reach every main entry point
and each gets a Python exception of the project's kinds (magmat.MagmatError, or the TypeError /
ValueError / KeyError that argument conversion raises). The whole sweep first runs in a child
interpreter, so a crash shows up as a failed test naming the case rather than a dead pytest.
Then: calls from 8 Python threads at once give the serial results."""

import math
import subprocess
import sys
import threading

import numpy as np
import pytest

import magmat as mm

ACCEPTED = (mm.MagmatError, TypeError, ValueError, KeyError)

JUNK_TEXT = [
    "",
    "\x00",
    "Nd2\x00Fe14B",
    "\ud800",                       # lone surrogate: not encodable as UTF-8
    "Nd2Fe14B\udfff",
    "\U0001F9F2",                   # emoji (a magnet)
    "Nd\u2082Fe\u2081\u2084B",      # subscript digits
    "\u0391\u03b2",                 # Greek capitals that look like symbols
    "Ｎｄ２Ｆｅ１４Ｂ",                # full-width letters
    "(" * 100_000,
    "Fe" * 200_000,
    "Nd2Fe14B" + " " * 10,
    "1e308",
    "Fe1e400",
    "Fe99999999999999999999999999999999",
    "-Fe",
    "\u202eB41eF2dN",               # right-to-left override
]

NUMBERS = [math.nan, math.inf, -math.inf, -1.0, 0.0, 1e308, -1e308, 5e-324]

WRONG_TYPES = [None, object(), [1, 2], {"a": 1}, b"Nd2Fe14B", 1j, (1,), set()]


def _percent(nd=30.0, dy=2.0, b=1.0):
    return {"Nd": nd, "Dy": dy, "B": b, "Fe": 100.0 - nd - dy - b}


def _ndfeb():
    return mm.Magnet.from_composition(_percent(), "sintered")


# Inputs an entry point may accept and answer (all others must raise): a long but valid formula,
# bytes where a str is expected (pybind11 decodes UTF-8), sequences where an array is expected.
MAY_ANSWER = {"from_formula-text10", "mass_fractions-text10", "from_formula-type4", "magnet-type4",
              "convert-type2", "convert-type6", "mass_fractions-type7", "pareto-huge",
              "mass_fractions-no-elements",
              # pc may be an array of permeance coefficients (a sweep): [1, 2] and (1,) are two and one
              "irreversible_loss-type2", "irreversible_loss-type6",
              # NumPy reads None as NaN; a masked row and a Pareto objective document NaN
              "evaluate-masked-column-object-none", "pareto-object-none"}
# Known bugs in the batch bindings (bindings/python/src/register_batch.cpp, owned by the batch
# engine rewrite): complex and datetime columns are cast to float silently, and a result
# without __getitem__ raises AttributeError. Strict: the marker must go when they are fixed.
# Arrays that hold no real numbers: every entry point must refuse them rather than guess.
NOT_NUMBERS = ("object-strings", "object-none", "complex", "datetime", "structured")
ARRAY_CASES = ("evaluate-column-", "evaluate-masked-column-", "evaluate-temperature-", "convert-", "remanence-",
               "pareto-")


def _cases():
    """(id, zero-argument callable, must_raise) for every junk input of every entry point."""
    cases = []
    for i, text in enumerate(JUNK_TEXT):
        cases += [
            (f"from_formula-text{i}", lambda t=text: mm.Composition.from_formula(t)),
            (f"magnet-text{i}", lambda t=text: mm.Magnet.from_composition(t, "sintered")),
            (f"magnet-process-text{i}", lambda t=text: mm.Magnet.from_composition("Nd2Fe14B", t)),
            (f"catalog-text{i}", lambda t=text: mm.Catalog.default()[t]),
            (f"catalog-json-text{i}", lambda t=text: mm.Catalog.from_json(t)),
            (f"convert-from-text{i}", lambda t=text: mm.convert(1.0, t, "T")),
            (f"convert-to-text{i}", lambda t=text: mm.convert(1.0, "T", t)),
            (f"mass_fractions-text{i}", lambda t=text: mm.mass_fractions([t], ["Nd"])),
            (f"mass_fractions-element-text{i}", lambda t=text: mm.mass_fractions(["Nd2Fe14B"], [t])),
            (f"evaluate-key-text{i}", lambda t=text: mm.evaluate({t: np.array([100.0])})),
            (f"evaluate-process-text{i}", lambda t=text: mm.evaluate(_percent(), process=t)),
            (f"design_study-strategy-text{i}",
             lambda t=text: mm.design_study(mm.Requirement(temperature_C=100, permeance=2.0), [t])),
            (f"pareto-name-text{i}", lambda t=text: mm.pareto_front({"a": np.array([1.0])}, minimize=[t])),
        ]
    for i, x in enumerate(NUMBERS):
        cases += [
            (f"mass_percent-number{i}", lambda x=x: mm.Composition.from_mass_percent({"Nd": x, "Fe": 70.0})),
            (f"amounts-number{i}", lambda x=x: mm.Composition.from_amounts([("Nd", x)])),
            (f"element_mass-number{i}", lambda x=x: mm.Composition.from_formula("Nd2Fe14B").element_mass("Nd", x)),
            (f"convert-number{i}", lambda x=x: mm.convert(x, "degC", "K")),
            (f"properties-number{i}", lambda x=x: _ndfeb().properties(x)),
            (f"remanence-array-number{i}", lambda x=x: _ndfeb().remanence(np.array([20.0, x]))),
            (f"requirement-number{i}", lambda x=x: mm.Requirement(temperature_C=x, permeance=x)),
            (f"requirement-hcj-number{i}", lambda x=x: mm.design_study(
                mm.Requirement(temperature_C=100, min_intrinsic_coercivity=x), ["bulk_dy"])),
            (f"operating_point-number{i}", lambda x=x: _ndfeb().operating_point(pc=x, temperature_C=x)),
            (f"irreversible_loss-number{i}", lambda x=x: _ndfeb().irreversible_loss(pc=2.0, temperature_C=x)),
            (f"max_operating_temperature-number{i}",
             lambda x=x: _ndfeb().max_operating_temperature(pc=x, max_loss=x)),
            (f"field_on_axis-number{i}",
             lambda x=x: _ndfeb().field_on_axis_cylinder(length=x, diameter=0.01, distance=0.0)),
            (f"evaluate-value-number{i}", lambda x=x: mm.evaluate(_percent(nd=x))),
            (f"evaluate-temperature-number{i}", lambda x=x: mm.evaluate(_percent(), temperature_C=x)),
            (f"evaluate-masked-number{i}", lambda x=x: mm.evaluate(_percent(nd=x), errors="mask")),
            (f"pareto-number{i}", lambda x=x: mm.pareto_front({"a": np.array([x, 1.0])}, minimize=["a"])),
            (f"demag_curve-points-number{i}", lambda x=x: _ndfeb().demag_curve(20.0, x)),
        ]
    for i, w in enumerate(WRONG_TYPES):
        cases += [
            (f"from_formula-type{i}", lambda w=w: mm.Composition.from_formula(w)),
            (f"mass_percent-type{i}", lambda w=w: mm.Composition.from_mass_percent(w)),
            (f"magnet-type{i}", lambda w=w: mm.Magnet.from_composition(w)),
            (f"catalog-type{i}", lambda w=w: mm.Catalog.default()[w]),
            (f"convert-type{i}", lambda w=w: mm.convert(w, "T", "mT")),
            (f"evaluate-type{i}", lambda w=w: mm.evaluate(w)),
            (f"evaluate-column-type{i}", lambda w=w: mm.evaluate({"Nd": w, "Fe": np.array([70.0])})),
            (f"evaluate-threads-type{i}", lambda w=w: mm.evaluate(_percent(), threads=w)),
            (f"evaluate-temperature-type{i}", lambda w=w: mm.evaluate(_percent(), temperature_C=w)),
            (f"mass_fractions-type{i}", lambda w=w: mm.mass_fractions(w, ["Nd"])),
            (f"pareto-type{i}", lambda w=w: mm.pareto_front(w, minimize=["a"])),
            (f"design_study-type{i}", lambda w=w: mm.design_study(w)),
            (f"requirement-type{i}", lambda w=w: mm.Requirement(temperature_C=w, permeance=2.0)),
            (f"properties-type{i}", lambda w=w: _ndfeb().properties(w)),
            (f"irreversible_loss-type{i}", lambda w=w: _ndfeb().irreversible_loss(pc=w, temperature_C=20.0)),
        ]
    # Arrays of every awkward kind.
    arrays = {
        "empty": np.array([], dtype=float),
        "int": np.array([30, 2, 1, 67]),
        "bool": np.array([True, False, True, True]),
        "object-numbers": np.array([30.0, 2.0, 1.0, 67.0], dtype=object),
        "object-strings": np.array(["a", "b", "c", "d"], dtype=object),
        "object-none": np.array([None, None, None, None], dtype=object),
        "complex": np.array([30 + 1j, 2, 1, 67]),
        "strided": np.linspace(0.0, 100.0, 8)[::2],
        "2-D": np.ones((2, 2)),
        "0-D": np.array(30.0),
        "fortran": np.asfortranarray(np.ones((4, 3)))[:, 0],
        "float32": np.array([30, 2, 1, 67], dtype=np.float32),
        "big-endian": np.array([30, 2, 1, 67], dtype=">f8"),
        "datetime": np.array(["2020-01-01"] * 4, dtype="datetime64[D]"),
        "structured": np.zeros(4, dtype=[("a", float), ("b", int)]),
        "nan": np.full(4, np.nan),
        "readonly": np.frombuffer(np.array([30.0, 2.0, 1.0, 67.0]).tobytes()),
    }
    for name, a in arrays.items():
        cases += [
            (f"evaluate-column-{name}", lambda a=a: mm.evaluate({"Nd": a, "Dy": a, "B": a, "Fe": a})),
            (f"evaluate-masked-column-{name}",
             lambda a=a: mm.evaluate({"Nd": a, "Dy": a, "B": a, "Fe": a}, errors="mask")),
            (f"evaluate-temperature-{name}", lambda a=a: mm.evaluate(_percent(), temperature_C=a)),
            (f"convert-{name}", lambda a=a: mm.convert(a, "kOe", "kA/m")),
            (f"remanence-{name}", lambda a=a: _ndfeb().remanence(a)),
            (f"pareto-{name}", lambda a=a: mm.pareto_front({"x": a, "y": a}, minimize=["x"], maximize=["y"])),
        ]
    # Huge inputs: a million rows (shape errors and NaN rows fail fast; the work is bounded).
    million = 1_000_000
    cases += [
        ("evaluate-huge-shape-mismatch",
         lambda: mm.evaluate({"Nd": np.zeros(million), "Fe": np.zeros(million - 1)})),
        ("evaluate-huge-nan-raise", lambda: mm.evaluate({"Nd": np.full(million, np.nan), "Fe": np.zeros(million)})),
        ("convert-huge", lambda: mm.convert(np.full(million, -300.0), "degC", "K")),
        ("pareto-huge", lambda: mm.pareto_front({"a": np.full(million, np.nan)}, minimize=["a"])),
        ("mass_fractions-huge", lambda: mm.mass_fractions(["Nd2Fe14B"] * (million - 1) + ["Xx"], ["Nd"])),
        ("evaluate-threads-huge", lambda: mm.evaluate(_percent(), threads=10**12)),
        ("evaluate-threads-negative", lambda: mm.evaluate(_percent(), threads=-5)),
        ("evaluate-errors-junk", lambda: mm.evaluate(_percent(), errors="\ud800")),
        ("evaluate-empty-dict", lambda: mm.evaluate({})),
        ("mass_fractions-no-elements", lambda: mm.mass_fractions(["Nd2Fe14B"], [])),
        ("pareto-no-objective", lambda: mm.pareto_front({"a": np.ones(3)})),
        ("pareto-missing-column", lambda: mm.pareto_front({"a": np.ones(3)}, minimize=["b"])),
        ("demag-curve-huge-points", lambda: _ndfeb().demag_curve(20.0, 10**12)),
    ]
    out = []
    for name, call in cases:
        if name in MAY_ANSWER:
            must_raise = False
        elif "-type" in name:
            must_raise = True
        elif "-number" in name:
            # NaN and +-inf must raise, except where the API documents them: a NaN objective
            # leaves the Pareto front and a masked evaluation turns a bad row into NaN.
            must_raise = name.endswith(("number0", "number1", "number2")) and not name.startswith(
                ("pareto-", "evaluate-masked-"))
        elif name.endswith(NOT_NUMBERS):
            must_raise = True
        elif name.startswith(ARRAY_CASES):
            must_raise = False  # int, bool, strided, big-endian... arrays are numbers; answering is right
        else:
            must_raise = True
        out.append((name, call, must_raise))
    return out


CASES = _cases()


def _outcome(call):
    """'ok', or the exception's class name when it is an accepted kind; raises otherwise."""
    try:
        call()
    except ACCEPTED as exc:
        return type(exc).__name__
    return "ok"


def test_no_input_crashes_a_child_interpreter():
    # Runs every case in a fresh interpreter; a segfault or abort would kill only the child.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import test_robustness as t\n"
        "for name, call, must_raise in t.CASES:\n"
        "    print(name, flush=True)\n"
        "    try:\n"
        "        t._outcome(call)\n"
        "    except BaseException as exc:\n"
        "        print('UNEXPECTED', name, type(exc).__name__, exc, flush=True)\n"
        "print('DONE', flush=True)\n"
    )
    here = str(__import__("pathlib").Path(__file__).parent)
    child = subprocess.run([sys.executable, "-c", code, here], capture_output=True, text=True, timeout=600)
    last = child.stdout.strip().splitlines()[-1] if child.stdout.strip() else "<nothing>"
    assert child.returncode == 0, f"interpreter died (exit {child.returncode}) in case {last}\n{child.stderr[-2000:]}"
    assert "DONE" in child.stdout
    unexpected = [line for line in child.stdout.splitlines() if line.startswith("UNEXPECTED")]
    assert not unexpected, "\n".join(unexpected)


@pytest.mark.parametrize("name,call,must_raise", [pytest.param(*case, id=case[0]) for case in CASES])
def test_junk_input_raises_an_accepted_exception(name, call, must_raise):
    # _outcome lets any exception outside ACCEPTED propagate, which fails the test.
    outcome = _outcome(call)
    if must_raise:
        assert outcome != "ok", f"{name} answered instead of raising"


def _work(seed):
    """A mix of calls that touch every lazily loaded table (phases, processes, catalog,
    strategies, prices) and the batch engine; returns plain values to compare."""
    rng = np.random.default_rng(seed)
    nd = rng.uniform(28.0, 32.0, 64)
    dy = rng.uniform(0.0, 4.0, 64)
    batch = mm.evaluate({"Nd": nd, "Dy": dy, "B": np.ones(64), "Fe": 99.0 - nd - dy}, temperature_C=120.0,
                        threads=2, errors="mask")
    grade = mm.Catalog.default()["N42SH"]
    study = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), ["bulk_dy", "gbd_tb"])
    return (
        tuple(batch["remanence"]), tuple(batch["intrinsic_coercivity"]), tuple(batch["valid"]),
        tuple(mm.mass_fractions(["Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5"], ["Nd", "Dy", "Sm"])["Nd"]),
        mm.Composition.from_formula("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5").rare_earth_mass_fraction(),
        grade.intrinsic_coercivity(150.0),
        _ndfeb().irreversible_loss(pc=1.0, temperature_C=180.0),
        study["bulk_dy"].level, study["gbd_tb"].level,
        mm.convert(12.0, "kOe", "kA/m"),
        tuple(mm.pareto_front(batch, minimize=["rare_earth_mass_fraction"], maximize=["intrinsic_coercivity"])),
    )


def test_eight_python_threads_give_the_serial_results():
    serial = [_work(seed) for seed in range(8)]
    results = [None] * 8
    errors = []
    barrier = threading.Barrier(8)

    def run(i):
        try:
            barrier.wait()  # start together, to overlap the calls as much as possible
            results[i] = _work(i)
        except BaseException as exc:  # reported below; a thread's exception would be lost otherwise
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert results == serial
