"""A user's script: exports to FEMM, pyleecan, magpylib and CSV, and the plots.

Checked by ``mypy --strict`` against the installed package and run by
tests/python/test_typing.py (matplotlib draws on an Agg canvas; files go to a temporary folder).
"""

from __future__ import annotations

import pathlib
import tempfile
from typing import Any

import numpy as np
import numpy.typing as npt
from matplotlib.figure import Figure

import magmat as mm
import magmat.plot


def exports(folder: pathlib.Path) -> None:
    g = mm.Catalog.default()["N42SH"]
    bh: npt.NDArray[np.float64] = mm.export.femm_bh_points(g, temperature_C=100.0, points=20)  # T, A/m
    block: str = mm.export.femm_block(g, 100.0, name="N42SH hot")
    lua: str = mm.export.femm_lua(g, 100.0)
    material: dict[str, Any] = mm.export.write_pyleecan_json(g, folder / "n42sh.json", temperature_C=100.0)
    polarization: npt.NDArray[np.float64] = mm.export.magpylib_polarization(g, 100.0, direction=(0.0, 0.0, 1.0))
    csv: str = mm.export.demag_curve_csv(g, 100.0, points=10, path=folder / "n42sh.csv")
    assert bh.shape == (20, 2) and "<BeginBlock>" in block and lua.startswith("mi_addmaterial")
    assert (folder / "n42sh.json").is_file() and material and polarization.shape == (3,)
    assert csv.splitlines()[0] == "H_A_per_m,B_T,J_T"


def plots(folder: pathlib.Path) -> None:
    g = mm.Catalog.default()["N42SH"]
    curves: Figure = magmat.plot.demagnetization_curves(g, (20.0, 150.0), pc=2.0, path=folder / "curves.png")
    losses: Figure = magmat.plot.loss_map(g, mm.Cylinder(length=0.002, diameter=0.01), 180.0, resolution=10)
    study = mm.design_study(mm.Requirement(temperature_C=150.0, permeance=2.0), magnet_mass_kg=1.5, units_per_year=1e6)
    comparison: Figure = magmat.plot.strategy_comparison(study)
    label: str = magmat.plot.strategy_label("gbd_tb")
    assert (folder / "curves.png").is_file() and losses.axes and comparison.axes and label


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        exports(folder)
        plots(folder)


if __name__ == "__main__":
    main()
