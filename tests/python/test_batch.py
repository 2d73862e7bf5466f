"""Tests of the batch API (issue [6]): evaluate equals the scalar API, threads change nothing,
invalid rows raise naming the row or are masked, DataFrames in and out, mass_fractions, pareto_front."""

import math
import sys
import threading

import numpy as np
import pytest

import magmat as mm

KEYS = [
    "remanence",
    "intrinsic_coercivity",
    "normal_coercivity",
    "max_energy_product",
    "rare_earth_mass_fraction",
    "heavy_rare_earth_mass_fraction",
    "policy_pass",
]


def random_ndfeb(n, seed=0):
    """Nd 28-32, Dy 0-4, B 1 and Fe the balance, in mass percent."""
    rng = np.random.default_rng(seed)
    nd = rng.uniform(28.0, 32.0, n)
    dy = rng.uniform(0.0, 4.0, n)
    b = np.ones(n)
    return {"Nd": nd, "Dy": dy, "B": b, "Fe": 100.0 - nd - dy - b}


def row(candidates, i):
    return {k: float(v[i]) for k, v in candidates.items()}


def test_batch_equals_the_scalar_api_for_random_candidates():
    cand = random_ndfeb(200, seed=1)
    res = mm.evaluate(cand, temperature_C=150, process="sintered", threads=1, errors="raise")
    assert list(res) == KEYS
    for i in range(200):
        magnet = mm.Magnet.from_composition(row(cand, i), process="sintered")
        p = magnet.properties(150.0)
        comp = magnet.composition
        for key, expected in [
            ("remanence", p.remanence),
            ("intrinsic_coercivity", p.intrinsic_coercivity),
            ("normal_coercivity", p.normal_coercivity),
            ("max_energy_product", p.max_energy_product),
            ("rare_earth_mass_fraction", comp.rare_earth_mass_fraction()),
            ("heavy_rare_earth_mass_fraction", comp.heavy_rare_earth_mass_fraction()),
        ]:
            assert res[key][i] == pytest.approx(expected, rel=1e-12, abs=0.0), (key, i)
        assert bool(res["policy_pass"][i]) == mm.check_policy(magnet).passes


def test_temperature_per_row_equals_the_scalar_api():
    cand = random_ndfeb(20, seed=2)
    temps = np.linspace(20.0, 180.0, 20)
    res = mm.evaluate(cand, temperature_C=temps)
    for i, t in enumerate(temps):
        expected = mm.Magnet.from_composition(row(cand, i)).properties(float(t)).intrinsic_coercivity
        assert res["intrinsic_coercivity"][i] == pytest.approx(expected, rel=1e-12, abs=0.0)


@pytest.mark.parametrize("threads", [2, 4, 0])
def test_threaded_equals_single_threaded_exactly(threads):
    cand = random_ndfeb(257, seed=3)
    one = mm.evaluate(cand, temperature_C=120, threads=1)
    many = mm.evaluate(cand, temperature_C=120, threads=threads)
    for key in KEYS:
        assert np.array_equal(one[key], many[key]), key


def invalid_candidates():
    cand = random_ndfeb(8, seed=4)
    cand["Dy"][3] = -1.0  # negative amount
    cand["Nd"][5] = np.nan  # NaN
    temps = np.full(8, 100.0)
    temps[6] = 900.0  # above the Curie point
    return cand, temps


def test_raise_mode_names_the_row():
    cand, temps = invalid_candidates()
    with pytest.raises(mm.DomainError, match=r"^row 3: "):
        mm.evaluate(cand, temperature_C=temps, threads=4)
    cand["Dy"][3] = random_ndfeb(8, seed=4)["Dy"][3]
    with pytest.raises(mm.DomainError, match=r"^row 5: "):
        mm.evaluate(cand, temperature_C=temps)
    cand["Nd"][5] = 30.0
    cand["Fe"][5] = 100.0 - 30.0 - cand["Dy"][5] - 1.0
    with pytest.raises(mm.DomainError, match=r"^row 6: .*Curie"):
        mm.evaluate(cand, temperature_C=temps)
    with pytest.raises(ValueError):  # DomainError is a ValueError
        mm.evaluate(cand, temperature_C=temps)


def test_mask_mode_gives_nan_and_valid_false_and_leaves_other_rows_unchanged():
    cand, temps = invalid_candidates()
    res = mm.evaluate(cand, temperature_C=temps, errors="mask", threads=3)
    assert list(res) == KEYS + ["valid"]
    bad = np.zeros(8, dtype=bool)
    bad[[3, 5, 6]] = True
    assert res["valid"].dtype == np.bool_
    assert np.array_equal(res["valid"], ~bad)
    for key in KEYS[:-1]:
        assert np.isnan(res[key][bad]).all(), key
        assert not np.isnan(res[key][~bad]).any(), key
    assert not res["policy_pass"][bad].any()
    clean = mm.evaluate(random_ndfeb(8, seed=4), temperature_C=100.0)
    for key in KEYS:
        assert np.array_equal(res[key][~bad], clean[key][~bad]), key


def test_bad_arguments():
    cand = random_ndfeb(4)
    with pytest.raises(ValueError, match="errors"):
        mm.evaluate(cand, errors="ignore")
    with pytest.raises(mm.UnknownNameError):
        mm.evaluate({**cand, "Xx": np.zeros(4)})
    with pytest.raises(mm.DomainError, match="rows"):
        mm.evaluate({**cand, "Co": np.zeros(3)})
    with pytest.raises(mm.DomainError, match="temperature_C"):
        mm.evaluate(cand, temperature_C=[20.0, 30.0])
    with pytest.raises(mm.UnknownNameError):
        mm.evaluate(cand, process="baked")
    with pytest.raises(mm.DomainError):
        mm.evaluate(cand, threads=-1)
    with pytest.raises(mm.DomainError):
        mm.evaluate({})


def test_no_fe_balance_is_added():
    with pytest.raises(mm.DomainError, match="^row 0: "):
        mm.evaluate({"Nd": [31.0], "B": [1.0]})


def test_element_keys_are_accepted():
    cand = random_ndfeb(5, seed=6)
    by_element = {mm.Element.Nd: cand["Nd"], mm.Element.Dy: cand["Dy"], "B": cand["B"], "Fe": cand["Fe"]}
    a, b = mm.evaluate(cand), mm.evaluate(by_element)
    assert all(np.array_equal(a[k], b[k]) for k in KEYS)


def test_dataframe_in_dataframe_out_with_the_same_index():
    pd = pytest.importorskip("pandas")
    cand = random_ndfeb(6, seed=7)
    df = pd.DataFrame(cand, index=[f"c{i}" for i in range(6)])
    out = mm.evaluate(df, temperature_C=150)
    assert isinstance(out, pd.DataFrame)
    assert list(out.index) == list(df.index)
    assert list(out.columns) == KEYS
    plain = mm.evaluate(cand, temperature_C=150)
    for key in KEYS:
        assert np.array_equal(out[key].to_numpy(), plain[key]), key
    front = mm.pareto_front(out, minimize=["heavy_rare_earth_mass_fraction"], maximize=["intrinsic_coercivity"])
    assert front.dtype == np.int64 and len(out.iloc[front]) == len(front) > 0


def test_evaluate_releases_the_gil():
    cand = random_ndfeb(300_000, seed=8)  # a few tenths of a second of C++ work: the ticker must run meanwhile
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        before = len(ticks)
        mm.evaluate(cand, threads=1)
        during = len(ticks) - before
    finally:
        done.set()
        ticker.join()
    assert during > 1


def test_mass_fractions_equal_the_composition():
    formulas = ["(Nd0.8Dy0.2)2Fe14B", "SmCo5", "Sm2Co17", "Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5", "SrFe12O19",
                "Sr0.8La0.2Fe11.8Co0.2O19"]
    fr = mm.mass_fractions(formulas, elements=["Nd", "Dy", "Sm", mm.Element.Sr])
    assert list(fr) == ["Nd", "Dy", "Sm", "Sr"]
    for symbol, values in fr.items():
        assert values.shape == (len(formulas),)
        for i, f in enumerate(formulas):
            assert values[i] == mm.Composition.from_formula(f).mass_fraction(symbol)
    with pytest.raises(mm.ParseError, match=r"^formulas\[1\]: "):
        mm.mass_fractions(["SmCo5", "Nd2Fe14Xx"], elements=["Nd"])
    with pytest.raises(mm.UnknownNameError):
        mm.mass_fractions(["SmCo5"], elements=["Qq"])


def test_pareto_front_on_a_hand_made_example():
    res = {
        "hre": np.array([0.0, 0.01, 0.01, 0.02, 0.0, math.nan, 0.01]),
        "hcj": np.array([1.0, 3.0, 2.0, 3.0, 0.5, 9.0, 3.0]),
    }
    # row 2 is dominated by row 1, row 3 by row 1, row 4 by row 0; row 5 has a NaN; row 6 ties row 1
    front = mm.pareto_front(res, minimize=["hre"], maximize=["hcj"])
    assert front.tolist() == [0, 1, 6]
    # only the named columns count: row 5's NaN is in "hre"
    assert mm.pareto_front(res, maximize=["hcj"]).tolist() == [5]
    with pytest.raises(mm.UnknownNameError):
        mm.pareto_front(res, minimize=["nope"])
    with pytest.raises(mm.DomainError):
        mm.pareto_front(res)


def test_progress_gives_the_same_results_and_names_the_failing_row():
    cand = random_ndfeb(200_000, seed=9)  # several chunks of the engine's progress reports
    plain = mm.evaluate(cand, temperature_C=150)
    with_progress = mm.evaluate(cand, temperature_C=150, progress=True)
    for key in KEYS:
        assert np.array_equal(with_progress[key], plain[key]), key
    cand["Nd"][150_000] = -1.0  # in a later chunk: the row number is the sweep's, not the chunk's
    with pytest.raises(mm.DomainError, match="row 150000"):
        mm.evaluate(cand, progress=True)
    masked = mm.evaluate(cand, errors="mask", progress=True)
    assert not masked["valid"][150_000] and masked["valid"].sum() == 200_000 - 1


class _FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class _FakeBar:
    def __init__(self, total, initial, **_):
        self.total, self.n, self.closed = total, initial, False

    def update(self, rows):
        self.n += rows

    def close(self):
        self.closed = True


def test_progress_bar_appears_only_when_the_sweep_is_predicted_to_take_over_a_second():
    from magmat._progress import SweepProgress

    clock = _FakeClock()
    quick = SweepProgress(1000, _FakeBar, clock)
    clock.now = 0.05
    quick.update(500)  # predicted 0.1 s
    clock.now = 0.1
    quick.update(1000)
    quick.close()
    assert quick.bar is None

    clock = _FakeClock()
    slow = SweepProgress(1000, _FakeBar, clock)
    clock.now = 0.05
    slow.update(100)  # predicted 0.5 s: no bar yet
    assert slow.bar is None
    clock.now = 0.5
    slow.update(200)  # predicted 2.5 s: the bar starts at the rows already done
    assert slow.bar is not None and slow.bar.total == 1000 and slow.bar.n == 200
    clock.now = 2.5
    slow.update(1000)
    slow.close()
    assert slow.bar.n == 1000 and slow.bar.closed


def test_progress_bar_is_drawn_by_tqdm_for_a_long_sweep(monkeypatch, capsys):
    pytest.importorskip("tqdm")
    import magmat._progress

    monkeypatch.setattr(magmat._progress, "SHOW_AFTER_SECONDS", 0.0)  # as if every sweep were long
    mm.evaluate(random_ndfeb(150_000, seed=10), progress=True)
    err = capsys.readouterr().err
    assert "magmat.evaluate" in err and "150k/150k" in err


def test_progress_without_tqdm_warns_and_gives_the_same_results(monkeypatch):
    cand = random_ndfeb(1000, seed=11)
    plain = mm.evaluate(cand)
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now raises ImportError
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.warns(RuntimeWarning, match="tqdm"):
        res = mm.evaluate(cand, progress=True)
    for key in KEYS:
        assert np.array_equal(res[key], plain[key]), key


def test_batch_kernel_names_the_kernel_in_use():
    assert mm.batch_kernel() in ("avx2", "baseline")


def test_magmat_simd_baseline_forces_the_baseline_kernel_with_the_same_results():
    # MAGMAT_SIMD is read once per process: a child process with it set.
    import json
    import os
    import subprocess

    code = (
        "import json, numpy as np, magmat as mm\n"
        "rng = np.random.default_rng(3); nd = rng.uniform(28, 32, 50); dy = rng.uniform(0, 4, 50)\n"
        "r = mm.evaluate({'Nd': nd, 'Dy': dy, 'B': np.ones(50), 'Fe': 99 - nd - dy}, temperature_C=150)\n"
        "print(json.dumps([mm.batch_kernel(), r['max_energy_product'].tolist()]))\n"
    )
    env = dict(os.environ, MAGMAT_SIMD="baseline")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    kernel, forced = json.loads(out.stdout)
    assert kernel == "baseline"
    rng = np.random.default_rng(3)
    nd = rng.uniform(28, 32, 50)
    dy = rng.uniform(0, 4, 50)
    here = mm.evaluate({"Nd": nd, "Dy": dy, "B": np.ones(50), "Fe": 99 - nd - dy}, temperature_C=150)
    np.testing.assert_allclose(forced, here["max_energy_product"], rtol=1e-12)

    env["MAGMAT_SIMD"] = "sse9"
    bad = subprocess.run([sys.executable, "-c", "import magmat as mm; mm.batch_kernel()"], env=env,
                         capture_output=True, text=True)
    assert bad.returncode != 0
    assert "MAGMAT_SIMD" in bad.stderr and "sse9" in bad.stderr


def _brute_force_pareto_front(values, senses):
    """The definition on a small array (rows x objectives), in NumPy: O(n^2) pairwise."""
    cost = np.where(np.array(senses) == "max", -values, values)
    valid = ~np.isnan(cost).any(axis=1)
    at_least_as_good = (cost[:, None, :] <= cost[None, :, :]).all(axis=2)  # [k, i]: k <= i everywhere
    strictly_better = (cost[:, None, :] < cost[None, :, :]).any(axis=2)
    dominates = at_least_as_good & strictly_better & valid[:, None] & valid[None, :]
    return [i for i in range(len(cost)) if valid[i] and not dominates[:, i].any()]


def test_pareto_front_equals_a_numpy_brute_force_on_small_tied_sets():
    rng = np.random.default_rng(12)
    for trial in range(300):
        n = int(rng.integers(1, 50))
        d = int(rng.integers(2, 6))
        values = rng.integers(0, 4, size=(n, d)).astype(float)
        values[rng.random((n, d)) < 0.05] = np.inf
        values[rng.random((n, d)) < 0.05] = -np.inf
        values[rng.random((n, d)) < 0.03] = np.nan
        values[rng.integers(0, n)] = values[rng.integers(0, n)]  # a duplicate row
        senses = ["max" if s else "min" for s in rng.random(d) < 0.5]
        res = {f"o{j}": values[:, j] for j in range(d)}
        front = mm.pareto_front(res, minimize=[f"o{j}" for j in range(d) if senses[j] == "min"] or None,
                                maximize=[f"o{j}" for j in range(d) if senses[j] == "max"] or None)
        # the binding lists minimize columns first, then maximize ones: the front does not depend on the order
        assert front.dtype == np.int64
        assert front.tolist() == _brute_force_pareto_front(values, senses), (trial, values, senses)


def test_pareto_front_of_1e5_rows_and_three_objectives_completes():
    # was O(n^2): 17.5 s; the front of uniform random points is small and undominated
    rng = np.random.default_rng(3)
    res = {"a": rng.random(100_000), "b": rng.random(100_000), "c": rng.random(100_000)}
    front = mm.pareto_front(res, minimize=["a", "b"], maximize=["c"])
    assert 0 < len(front) < 100_000
    assert np.all(np.diff(front) > 0)
    a, b, c = res["a"][front], res["b"][front], res["c"][front]
    assert not ((a[:, None] <= a) & (b[:, None] <= b) & (c[:, None] >= c)
                & ((a[:, None] < a) | (b[:, None] < b) | (c[:, None] > c))).any()


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="needs signal.setitimer")
def test_pareto_front_stops_on_a_signal():
    # five objectives on a plane: every row is on the front, ~n^2/2 comparisons (~30 s);
    # a timer's handler raises, as Ctrl-C's KeyboardInterrupt would, while the call runs
    import signal
    import time

    class Stopped(Exception):
        pass

    def stop(signum, frame):
        raise Stopped

    rng = np.random.default_rng(4)
    n = 200_000
    values = rng.random((n, 4))
    res = {f"o{j}": values[:, j] for j in range(4)}
    res["o4"] = 4.0 - values.sum(axis=1)
    previous = signal.signal(signal.SIGALRM, stop)
    try:
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(Stopped):
            mm.pareto_front(res, minimize=list(res))
        assert time.perf_counter() - start < 30.0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Issue [12] item 12: text where numbers belong was converted silently ('30' -> 30.0).
@pytest.mark.parametrize(
    "candidates, temperature_C, name",
    [
        pytest.param({"Nd": ["30"], "B": [1.0], "Fe": [69.0]}, 20.0, "candidates\\['Nd'\\]", id="text-column"),
        pytest.param({"Nd": np.array(["30"]), "B": [1.0], "Fe": [69.0]}, 20.0, "candidates\\['Nd'\\]", id="str-array"),
        pytest.param({"Nd": [30.0], "B": [1.0], "Fe": [69.0]}, "30", "temperature_C", id="text-temperature"),
        pytest.param({"Nd": [30.0], "B": [1.0], "Fe": [69.0]}, ["30"], "temperature_C", id="text-temperature-list"),
    ],
)
def test_evaluate_refuses_text_as_convert_does(candidates, temperature_C, name):
    with pytest.raises(TypeError, match=name + ".*not text"):
        mm.evaluate(candidates, temperature_C=temperature_C, errors="raise")
    with pytest.raises(TypeError, match="not text"):
        mm.convert("12", "kOe", "kA/m")


def test_evaluate_refuses_a_dataframe_column_of_text():
    # A pandas column read from a CSV as strings is object dtype: NumPy converted it silently.
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"Nd": ["30"], "B": [1.0], "Fe": [69.0]})
    with pytest.raises(TypeError, match="candidates\\['Nd'\\].*not text"):
        mm.evaluate(frame, temperature_C=20.0)
