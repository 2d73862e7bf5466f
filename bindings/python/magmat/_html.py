"""HTML renderings for Jupyter (``_repr_html_``), built as magmat.Table: SI and industry units
side by side, converted by magmat.convert (private)."""

from __future__ import annotations

import math
from typing import Any

from . import _core
from .table import Column, Table

#: The properties of a magnet at one temperature, SI values under the keys of Study and the CLI.
PROPERTY_COLUMNS = (
    Column("remanence_T", "Br ({unit})", "T"),
    Column("intrinsic_coercivity_A_per_m", "HcJ ({unit})", "A/m"),
    Column("normal_coercivity_A_per_m", "HcB ({unit})", "A/m"),
    Column("max_energy_product_J_per_m3", "(BH)max ({unit})", "J/m3"),
    Column("recoil_permeability", "μrec", "1"),
)


def properties_table(p: _core.MagnetProperties, title: str) -> Table:
    return Table(PROPERTY_COLUMNS, [{
        "remanence_T": p.remanence,
        "intrinsic_coercivity_A_per_m": p.intrinsic_coercivity,
        "normal_coercivity_A_per_m": p.normal_coercivity,
        "max_energy_product_J_per_m3": p.max_energy_product,
        "recoil_permeability": p.recoil_permeability,
    }], title)


def properties_html(p: _core.MagnetProperties) -> str:
    return properties_table(p, f"Magnet properties at {p.temperature_C:g} °C").to_html()


def magnet_html(m: _core.Magnet) -> str:
    return properties_table(m.properties(20.0), f"{m.name} ({m.family}, {m.process}), at 20 °C").to_html()


def catalog_table(c: _core.Catalog) -> Table:
    """One row per grade: nominal datasheet values in SI and the source of its remanence."""
    rows = []
    for name in c.names():
        d = c.datasheet(name)
        bh = d["max_energy_product"]  # None for a literature magnet whose paper prints no (BH)max
        rows.append({"name": name, "family": d["family"], "remanence_T": d["remanence"]["nominal"],
                     "intrinsic_coercivity_A_per_m": d["intrinsic_coercivity"]["nominal"],
                     "max_energy_product_J_per_m3": math.nan if bh is None else bh["nominal"],
                     "source": d["remanence"]["source"]})
    columns = (Column("name", "grade"), Column("family", "family"), PROPERTY_COLUMNS[0], PROPERTY_COLUMNS[1],
               PROPERTY_COLUMNS[3], Column("source", "source"))
    return Table(columns, rows, f"Catalog of {len(c)} grades")


def catalog_html(c: _core.Catalog) -> str:
    return catalog_table(c).to_html()


def study_table(s: _core.Study) -> Table:
    """One row per strategy: Dy and Tb content and tonnage, and the savings against the baseline."""
    rows: list[dict[str, Any]] = []
    for r in s:
        saved = r.saving_vs_baseline
        rows.append({"strategy": r.strategy, "feasible": r.feasible,
                     "dy_mass_fraction": r.dy_mass_fraction, "tb_mass_fraction": r.tb_mass_fraction,
                     "dy_t_per_year": r.tonnes_per_year.get("Dy", math.nan),
                     "tb_t_per_year": r.tonnes_per_year.get("Tb", math.nan),
                     "dy_saving_t_per_year": saved.get("Dy", math.nan),
                     "tb_saving_t_per_year": saved.get("Tb", math.nan), "reason": r.reason})
    columns = (Column("strategy", "strategy"), Column("feasible", "feasible"),
               Column("dy_mass_fraction", "Dy wt%", "1", display="%"),
               Column("tb_mass_fraction", "Tb wt%", "1", display="%"),
               Column("dy_t_per_year", "Dy t/year", "t"), Column("tb_t_per_year", "Tb t/year", "t"),
               Column("dy_saving_t_per_year", "Dy saved t/year", "t"),
               Column("tb_saving_t_per_year", "Tb saved t/year", "t"), Column("reason", "reason"))
    return Table(columns, rows, f"Design study ({s.requirement!r}; savings against {s.baseline})")


def study_html(s: _core.Study) -> str:
    return study_table(s).to_html()


def install() -> None:
    """Attaches the renderings to the core classes."""
    _core.MagnetProperties._repr_html_ = properties_html
    _core.Magnet._repr_html_ = magnet_html
    _core.Catalog._repr_html_ = catalog_html
    _core.Study._repr_html_ = study_html
