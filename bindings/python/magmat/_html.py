"""HTML renderings for Jupyter (``_repr_html_``): SI and industry units side by side (private)."""

from __future__ import annotations

import html
import math

from . import _core
from .units import A_per_m_to_kOe, J_per_m3_to_MGOe, T_to_kG


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _number(value: float | None, digits: int = 4) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}g}"


def properties_rows(p: _core.MagnetProperties) -> list[list[str]]:
    return [
        ["Br", f"{_number(p.remanence)} T", f"{_number(T_to_kG(p.remanence))} kG"],
        ["HcJ", f"{_number(p.intrinsic_coercivity / 1e3)} kA/m", f"{_number(A_per_m_to_kOe(p.intrinsic_coercivity))} kOe"],
        ["HcB", f"{_number(p.normal_coercivity / 1e3)} kA/m", f"{_number(A_per_m_to_kOe(p.normal_coercivity))} kOe"],
        ["(BH)max", f"{_number(p.max_energy_product / 1e3)} kJ/m³",
         f"{_number(J_per_m3_to_MGOe(p.max_energy_product))} MGOe"],
        ["μrec", _number(p.recoil_permeability), ""],
    ]


def properties_html(p: _core.MagnetProperties) -> str:
    return (f"<b>Magnet properties at {p.temperature_C:g} °C</b>"
            + _table(["quantity", "SI", "industry"], properties_rows(p)))


def magnet_html(m: _core.Magnet) -> str:
    return (f"<b>{html.escape(m.name)}</b> ({html.escape(m.family)}, {html.escape(m.process)}), at 20 °C"
            + _table(["quantity", "SI", "industry"], properties_rows(m.properties(20.0))))


def catalog_html(c: _core.Catalog) -> str:
    rows = []
    for name in c.names():
        d = c.datasheet(name)
        bh = d["max_energy_product"]  # None for a literature magnet whose paper prints no (BH)max
        bh_text = ("not printed" if bh is None else
                   f"{_number(bh['nominal'] / 1e3)} kJ/m³ ({_number(J_per_m3_to_MGOe(bh['nominal']))} MGOe)")
        rows.append([html.escape(name), html.escape(d["family"]),
                     f"{_number(d['remanence']['nominal'])} T ({_number(T_to_kG(d['remanence']['nominal']))} kG)",
                     f"{_number(d['intrinsic_coercivity']['nominal'] / 1e3)} kA/m "
                     f"({_number(A_per_m_to_kOe(d['intrinsic_coercivity']['nominal']))} kOe)",
                     bh_text,
                     html.escape(d["remanence"]["source"])])
    return f"<b>Catalog of {len(c)} grades</b>" + _table(["grade", "family", "Br", "HcJ", "(BH)max", "source"], rows)


def study_html(s: _core.Study) -> str:
    rows = []
    for r in s:
        saved = r.saving_vs_baseline
        rows.append([html.escape(r.strategy), "yes" if r.feasible else "no",
                     _number(100 * r.dy_mass_fraction, 3), _number(100 * r.tb_mass_fraction, 3),
                     _number(r.tonnes_per_year.get("Dy", math.nan)), _number(r.tonnes_per_year.get("Tb", math.nan)),
                     _number(saved.get("Dy", math.nan)), _number(saved.get("Tb", math.nan)), html.escape(r.reason)])
    return (f"<b>Design study</b> ({html.escape(repr(s.requirement))}; savings against {html.escape(s.baseline)})"
            + _table(["strategy", "feasible", "Dy wt%", "Tb wt%", "Dy t/year", "Tb t/year", "Dy saved t/year",
                      "Tb saved t/year", "reason"], rows))


def install() -> None:
    """Attaches the renderings to the core classes."""
    # setattr: the stubs give the core classes no _repr_html_ (it is added here, at import).
    setattr(_core.MagnetProperties, "_repr_html_", properties_html)
    setattr(_core.Magnet, "_repr_html_", magnet_html)
    setattr(_core.Catalog, "_repr_html_", catalog_html)
    setattr(_core.Study, "_repr_html_", study_html)
