"""Sweeps beyond one machine with Dask: the batch engine mapped over the chunks of a Dask
collection, and design studies for many requirements as Dask tasks.

Dask is an optional dependency (``pip install magmat[dask]``). Only plain data (NumPy arrays,
pandas frames, dicts of numbers) crosses to the workers, which import magmat themselves.
"""

from __future__ import annotations

import importlib
from typing import Any, Mapping, Sequence

import numpy as np

import magmat as mm
from magmat._core import _require_numbers

#: The result columns of :func:`magmat.evaluate`, with their dtypes.
RESULT_COLUMNS = {
    "remanence": "float64",
    "intrinsic_coercivity": "float64",
    "normal_coercivity": "float64",
    "max_energy_product": "float64",
    "rare_earth_mass_fraction": "float64",
    "heavy_rare_earth_mass_fraction": "float64",
    "policy_pass": "bool",
}


def _dask_module(name: str) -> Any:
    # Typed as Any: dask's functions are largely unannotated (mypy --strict refuses calls to them)
    # and pandas may have no stubs installed; what crosses back to the caller is documented.
    return importlib.import_module(name)


def _require() -> Any:
    try:
        dd = _dask_module("dask.dataframe")
    except ImportError as exc:  # pragma: no cover - exercised only without dask
        raise ImportError("magmat.dask needs Dask: pip install 'dask[dataframe]' distributed "
                          "(or magmat[dask])") from exc
    return dd


def _evaluate_partition(frame: Any, temperature_C: float, process: str, errors: str) -> Any:
    # Runs on a worker: one pandas partition through the batch engine.
    return mm.evaluate(frame, temperature_C=temperature_C, process=process, threads=1, errors=errors)


def evaluate(candidates: Any, temperature_C: float = 20.0, process: str = "sintered", errors: str = "raise") -> Any:
    """:func:`magmat.evaluate` over a Dask collection, partition by partition.

    ``candidates``: a ``dask.dataframe.DataFrame`` with element columns (mass percent), or a mapping
    element symbol -> 1-D ``dask.array`` (same length and chunks). ``temperature_C`` is a number
    (degrees Celsius). Returns a lazy ``dask.dataframe.DataFrame`` with the columns of
    :func:`magmat.evaluate` (plus ``valid`` with ``errors="mask"``); call ``.compute()``.
    """
    dd = _require()
    if errors not in ("raise", "mask"):
        raise ValueError(f"errors must be 'raise' or 'mask', got {errors!r}")
    if isinstance(candidates, Mapping):
        da = _dask_module("dask.array")
        columns = list(candidates)
        arrays = [candidates[c] for c in columns]
        if not all(isinstance(a, da.Array) and a.ndim == 1 for a in arrays):
            raise ValueError("a mapping of candidates must hold 1-D dask arrays")
        candidates = dd.from_dask_array(da.stack(arrays, axis=1), columns=[str(c) for c in columns])
    if not isinstance(candidates, dd.DataFrame):
        raise ValueError("candidates must be a dask DataFrame or a mapping of 1-D dask arrays")
    pd = _dask_module("pandas")
    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in RESULT_COLUMNS.items()})
    if errors == "mask":
        meta["valid"] = pd.Series(dtype="bool")
    _require_numbers(temperature_C, "temperature_C")  # float('30') would accept text
    return candidates.map_partitions(_evaluate_partition, float(temperature_C), process, errors, meta=meta)


def _study_frame(requirement: Mapping[str, Any], options: Mapping[str, Any]) -> Any:
    # Runs on a worker: one design study, returned as plain pandas data.
    study = mm.design_study(mm.Requirement(**requirement), **options)
    frame = study.to_dataframe()
    for key, value in requirement.items():
        frame.insert(0, f"requirement_{key}", value)
    return frame


def design_studies(requirements: Sequence[Mapping[str, Any]], client: Any = None, **options: Any) -> Any:
    """Runs :func:`magmat.design_study` for each requirement (given as the keyword arguments of
    :class:`magmat.Requirement`, e.g. ``{"temperature_C": 150, "permeance": 2.0}``) as Dask tasks,
    on ``client`` (a ``dask.distributed.Client``) or the default scheduler. ``options`` go to
    design_study (``magnet_mass_kg``, ``units_per_year``, ...). Returns one pandas DataFrame, a row
    per requirement and strategy, with the requirement's fields as ``requirement_*`` columns."""
    _require()
    dask = _dask_module("dask")
    pd = _dask_module("pandas")

    for requirement in requirements:
        mm.Requirement(**requirement)  # refuse a bad requirement here, naming it, before any task runs
    tasks = [dask.delayed(_study_frame)(dict(r), dict(options)) for r in requirements]
    frames = client.gather(client.compute(tasks)) if client is not None else dask.compute(*tasks)
    return pd.concat(list(frames), ignore_index=True)


def random_candidates(n: int, chunks: int, seed: int = 0) -> Any:
    """A reproducible Dask DataFrame of ``n`` sintered NdFeB candidates (Nd 28-32, Dy 0-4, B 1 wt%,
    Fe the balance) in partitions of ``chunks`` rows, for sweeps and tests."""
    dd = _require()
    pd = _dask_module("pandas")
    rng = np.random.default_rng(seed)
    nd = rng.uniform(28.0, 32.0, n)
    dy = rng.uniform(0.0, 4.0, n)
    frame = pd.DataFrame({"Nd": nd, "Dy": dy, "B": np.full(n, 1.0), "Fe": 100.0 - nd - dy - 1.0})
    return dd.from_pandas(frame, chunksize=chunks)
