"""A user's script: design study, batch evaluation, shapes and irreversible loss, policy check.

Checked by ``mypy --strict`` against the installed package and run by
tests/python/test_typing.py.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

import magmat as mm


def design_study() -> None:
    requirement = mm.Requirement(temperature_C=150.0, permeance=2.0)
    study: mm.Study = mm.design_study(requirement, magnet_mass_kg=1.5, units_per_year=1e6)
    row: mm.StudyRow = study["gbd_tb"]
    tb: float = row.tb_mass_fraction  # kg/kg
    saved: dict[str, float] = row.saving_vs_baseline  # t/year against the baseline
    feasible: list[str] = [r.strategy for r in study if r.feasible]
    magnet: mm.Magnet | None = row.magnet
    assert tb >= 0.0 and "Dy" in saved and feasible
    if magnet is not None:
        ok, why = requirement.check(magnet)
        assert isinstance(ok, bool) and isinstance(why, str)


def batch_evaluation() -> None:
    dy = np.linspace(0.0, 4.0, 100)  # wt%, one candidate per entry
    result = mm.evaluate(
        {"Nd": 31.0 - dy, "Dy": dy, "B": np.full_like(dy, 1.0), "Fe": np.full_like(dy, 68.0)},
        temperature_C=150.0,
    )
    hcj: npt.NDArray[np.float64] = result["intrinsic_coercivity"]  # A/m, one per candidate
    passes: npt.NDArray[np.bool_] = result["policy_pass"]
    front: npt.NDArray[np.int64] = mm.pareto_front(
        result, minimize=["heavy_rare_earth_mass_fraction"], maximize=["intrinsic_coercivity"])
    assert hcj.shape == (100,) and passes.dtype == np.bool_ and len(front) > 0


def shapes_and_losses() -> None:
    g = mm.Catalog.default()["N42SH"]
    cylinder = mm.Cylinder(length=0.005, diameter=0.01)  # metres
    pc: float = mm.permeance_coefficient_cylinder(length=0.005, diameter=0.01)
    point: mm.OperatingPoint = g.operating_point(pc=pc, temperature_C=150.0)
    sweep: mm.OperatingPoints = g.operating_point(pc=pc, temperature_C=np.array([20.0, 150.0, 200.0]))
    loss: float = g.irreversible_loss(shape=cylinder, temperature_C=180.0)  # 0.03 = 3 %
    losses: npt.NDArray[np.float64] = g.irreversible_loss(pc=pc, temperature_C=[150.0, 200.0])
    limit: float = g.max_operating_temperature(pc=pc)  # degC
    factors: dict[str, float] = mm.permeance_coefficients(cylinder)
    assert point.B > 0.0 and sweep.B.shape == (3,) and 0.0 <= loss <= 1.0
    assert losses.shape == (2,) and limit > 20.0 and factors["magnetometric"] > 0.0


def policy() -> None:
    check: mm.PolicyCheck = mm.check_policy(mm.Catalog.default()["N42SH"])
    passes: bool = check.passes
    assert passes


def main() -> None:
    design_study()
    batch_evaluation()
    shapes_and_losses()
    policy()


if __name__ == "__main__":
    main()
