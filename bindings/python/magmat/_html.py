"""HTML renderings for Jupyter (``_repr_html_``), built as magmat.Table: SI and industry units
side by side, converted by magmat.convert (private)."""

from __future__ import annotations

from . import _core
from .table import PROPERTY_COLUMNS, Table

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


def catalog_html(c: _core.Catalog) -> str:
    # nominal datasheet values and each grade's source, from the rows of Catalog.to_table()
    return c.to_table().select(["name", "family", "remanence", "intrinsic_coercivity", "max_energy_product",
                                "source"]).to_html()


def study_html(s: _core.Study) -> str:
    # Dy and Tb content, tonnage and savings against the baseline, from the rows of Study.to_table()
    keys = ["strategy", "feasible", "Dy_mass_fraction", "Tb_mass_fraction", "Dy_t_per_year", "Tb_t_per_year",
            "Dy_saving_t_per_year", "Tb_saving_t_per_year", "reason"]
    return s.to_table().select(keys, f"Design study ({s.requirement!r}; savings against {s.baseline})").to_html()


def install() -> None:
    """Attaches the renderings to the core classes."""
    # setattr: the stubs give the core classes no _repr_html_ (it is added here, at import).
    setattr(_core.MagnetProperties, "_repr_html_", properties_html)
    setattr(_core.Magnet, "_repr_html_", magnet_html)
    setattr(_core.Catalog, "_repr_html_", catalog_html)
    setattr(_core.Study, "_repr_html_", study_html)
