"""Plots of magnets with matplotlib (an optional dependency: ``pip install matplotlib`` or
``pip install magmat[plot]``).

Only matplotlib's object-oriented API is used: figures are made with
:class:`matplotlib.figure.Figure` on an Agg canvas, never through ``pyplot``, so plotting
works without a display, changes no global pyplot state and can run in worker threads (one
figure per thread). matplotlib is imported when a function is called, not when this module is
imported, so ``import magmat.plot`` works without it; the call then raises ``ImportError``.

Inputs follow magmat's rules: SI units (A/m, T), temperatures in degrees Celsius. The axes are
drawn in SI (H in kA/m, B and J in T) or, with ``units="cgs"``, in kOe and kG.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, Literal, Optional, Tuple, Union

import numpy as np

from . import units as _units
from ._files import write_atomically
from ._core import VACUUM_PERMEABILITY, Magnet, _require_numbers

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["curve_fit", "demagnetization_curves", "loss_map", "strategy_comparison", "strategy_label"]

PathLike = Union[str, "os.PathLike[str]"]

_INSTALL_HINT = (
    "magmat.plot needs matplotlib, an optional dependency: install it with "
    "`pip install matplotlib` (or `pip install magmat[plot]`)"
)

# Axis scales: (function A/m -> H unit, H unit, function T -> B unit, B unit).
_UNITS = {
    "SI": (lambda h: np.asarray(h, dtype=float) / 1e3, "kA/m",
           lambda b: np.asarray(b, dtype=float), "T"),
    "cgs": (lambda h: np.asarray(_units.A_per_m_to_kOe(np.asarray(h, dtype=float)), dtype=float), "kOe",
            lambda b: np.asarray(_units.T_to_kG(np.asarray(b, dtype=float)), dtype=float), "kG"),
}

# Curve colours, one per temperature: matplotlib's default cycle without its red ("C3"), which
# marks operating points beyond the knee.
_COLORS = ("C0", "C1", "C2", "C4", "C5", "C6", "C7", "C8", "C9")
_KNEE_COLOR = "C3"


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401
        from matplotlib.figure import Figure  # noqa: F401
    except ImportError as exc:
        raise ImportError(_INSTALL_HINT) from exc


def _scales(units: str) -> Tuple[Any, str, Any, str]:
    if not isinstance(units, str) or units not in _UNITS:
        raise ValueError(f'units must be "SI" (kA/m, T) or "cgs" (kOe, kG), got {units!r}')
    return _UNITS[units]


def _temperatures(temperatures_C: Union[float, Iterable[float]]) -> list[float]:
    _require_numbers(temperatures_C, "temperatures_C")  # '150' is text, not a temperature
    values = np.atleast_1d(np.asarray(temperatures_C, dtype=float))
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"temperatures_C must be one temperature or a non-empty sequence of them (degC), got {temperatures_C!r}")
    if not np.all(np.isfinite(values)):
        raise ValueError(f"temperatures_C must be finite (degC), got {values.tolist()}")
    return [float(t) for t in values]


def _format_temperature(t: float) -> str:
    return f"{t:g} \N{DEGREE SIGN}C"


def _format_number(x: float) -> str:
    return f"{x:.3g}"


def _new_figure(figsize: Tuple[float, float], dpi: float, layout: Literal["constrained", "compressed"]) -> "Figure":
    """A Figure of ``figsize`` inches on an Agg canvas (no pyplot), with a constrained layout."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = figsize
    try:
        fig = Figure(figsize=(width, height), dpi=dpi, layout=layout)
    except TypeError:  # matplotlib < 3.5
        fig = Figure(figsize=(width, height), dpi=dpi, constrained_layout=True)
    FigureCanvasAgg(fig)
    return fig


def _figure_of(ax: "Axes") -> "Figure":
    """The Figure holding a caller's Axes (through a SubFigure, the Figure that holds it)."""
    from matplotlib.figure import Figure

    figure = ax.figure
    return figure if isinstance(figure, Figure) else figure.figure


def save_png(figure: "Figure", path: PathLike, dpi: float = 100) -> None:
    """Saves ``figure`` to ``path`` as a PNG of ``figure size (inches) * dpi`` pixels, atomically:
    it is written to a temporary file in the same folder, then moved over ``path`` with
    ``os.replace``, so readers never see a half-written file."""
    _require_matplotlib()
    if not (isinstance(dpi, (int, float)) and math.isfinite(dpi) and dpi > 0):
        raise ValueError(f"dpi must be a finite number > 0, got {dpi!r}")
    write_atomically(path, lambda f: figure.savefig(f, format="png", dpi=dpi))


def demagnetization_curves(
    magnet: Magnet,
    temperatures_C: Union[float, Iterable[float]] = (20, 100, 150),
    *,
    pc: Optional[float] = None,
    external_field: float = 0.0,
    units: str = "SI",
    points: int = 400,
    intrinsic: bool = True,
    ax: Optional["Axes"] = None,
    path: Optional[PathLike] = None,
    dpi: float = 100,
    figsize: Tuple[float, float] = (7, 5),
) -> "Figure":
    """Plots the major demagnetization curves of ``magnet`` at each of ``temperatures_C`` (degC).

    * Normal curves B(H) are solid lines, intrinsic curves J(H) (when ``intrinsic``) dashed, in
      one colour per temperature. They run from H = 0 down to -HcJ: the second quadrant and,
      for B, on into the third.
    * With a permeance coefficient ``pc`` (> 0), the load line B = -mu0 pc (H + external_field)
      is drawn (black, dash-dotted, label starting ``"load line"``) with the operating point at
      each temperature (:meth:`magmat.Magnet.operating_point`): a circle in the curve's colour,
      or a red cross when the point lies beyond the knee. ``external_field`` is in A/m,
      positive opposing the magnetization.
    * ``units="SI"`` labels the axes "H (kA/m)" and "B, J (T)"; ``units="cgs"`` gives "H (kOe)"
      and "B, J (kG)". Any other value raises ``ValueError``.
    * ``points`` samples per curve (checked by the core).
    * ``ax``: draw into an existing matplotlib Axes (its figure is returned and saved; ``figsize``
      is then ignored). Otherwise a new :class:`matplotlib.figure.Figure` of ``figsize`` inches
      and ``dpi`` is made on an Agg canvas (no pyplot).
    * ``path``: also save the figure there as a PNG of ``figsize * dpi`` pixels, atomically.

    Returns the Figure. Errors of the core (an invalid temperature, ``pc``, ``points``) propagate
    unchanged (``magmat.DomainError``, a ``ValueError``). Without matplotlib, raises
    ``ImportError`` telling how to install it.
    """
    _require_matplotlib()
    from matplotlib.lines import Line2D

    h_scale, h_unit, b_scale, b_unit = _scales(units)
    temps = _temperatures(temperatures_C)
    if pc is not None:
        _require_numbers(pc, "pc")
        pc = float(pc)
        if not (math.isfinite(pc) and pc > 0):
            raise ValueError(f"pc (permeance coefficient) must be a finite number > 0, got {pc!r}")
    _require_numbers(external_field, "external_field")
    external_field = float(external_field)
    if not math.isfinite(external_field):
        raise ValueError(f"external_field must be finite (A/m), got {external_field!r}")
    if not (isinstance(dpi, (int, float)) and math.isfinite(dpi) and dpi > 0):
        raise ValueError(f"dpi must be a finite number > 0, got {dpi!r}")

    # Compute everything first, so an error in the core leaves no half-drawn axes behind.
    curves = [magnet.demag_curve(temperature_C=t, points=points) for t in temps]
    ops = [magnet.operating_point(pc=pc, temperature_C=t, external_field=external_field) for t in temps] if pc is not None else []

    own_figure = ax is None
    if ax is None:
        fig = _new_figure(figsize, dpi, "constrained")
        ax = fig.add_subplot(1, 1, 1)
    else:
        fig = _figure_of(ax)

    legend_handles = []
    legend_labels = []

    # Curves.
    h_min, b_min, b_max = 0.0, 0.0, 0.0  # SI: A/m, T
    for i, (t, curve) in enumerate(zip(temps, curves)):
        color = _COLORS[i % len(_COLORS)]
        H = np.asarray(curve.H, dtype=float)
        B = np.asarray(curve.B, dtype=float)
        J = np.asarray(curve.J, dtype=float)
        (normal,) = ax.plot(h_scale(H), b_scale(B), color=color, linestyle="-", linewidth=1.8,
                            label=f"B(H) at {_format_temperature(t)}")
        if intrinsic:
            ax.plot(h_scale(H), b_scale(J), color=color, linestyle="--", linewidth=1.4,
                    label=f"J(H) at {_format_temperature(t)}")
        legend_handles.append(normal)
        legend_labels.append(_format_temperature(t))
        h_min = min(h_min, float(np.min(H)))
        b_min = min(b_min, float(np.min(B)))
        b_max = max(b_max, float(np.max(B)), float(np.max(J)) if intrinsic else float(np.max(B)))

    legend_handles.append(Line2D([], [], color="black", linestyle="-", linewidth=1.8))
    legend_labels.append("B (normal)")
    if intrinsic:
        legend_handles.append(Line2D([], [], color="black", linestyle="--", linewidth=1.4))
        legend_labels.append("J (intrinsic)")

    # Operating points widen the limits if they fall outside the curves (large external fields).
    for op in ops:
        h_min = min(h_min, op.H)
        b_min = min(b_min, op.B)
        b_max = max(b_max, op.B)

    # Limits (SI), with margins: the second quadrant and the third down to -HcJ.
    h_span = -h_min if h_min < 0 else 1.0
    b_span = (b_max - b_min) if b_max > b_min else 1.0
    x_lo, x_hi = h_min - 0.04 * h_span, 0.03 * h_span
    y_lo, y_hi = b_min - 0.04 * b_span, b_max + 0.08 * b_span

    if pc is not None:
        slope = -VACUUM_PERMEABILITY * pc  # T per A/m
        h_right = min(0.0, -external_field)  # B = 0 at H = -external_field
        h_top = y_hi / slope - external_field  # where the line leaves the top of the axes
        h_left = max(x_lo, h_top)
        if not h_left < h_right:
            h_left, h_right = x_lo, max(x_hi, h_right)
        h_line = np.array([h_left, h_right])
        b_line = slope * (h_line + external_field)
        label = f"load line, Pc = {_format_number(pc)}"
        if external_field != 0.0:
            label += f"\nH_ext = {_format_number(float(h_scale(external_field)))} {h_unit}"
        (load,) = ax.plot(h_scale(h_line), b_scale(b_line), color="black", linestyle="-.", linewidth=1.2,
                          label=label, zorder=3)
        legend_handles.append(load)
        legend_labels.append(label)

        any_knee = False
        any_ok = False
        for i, (t, op) in enumerate(zip(temps, ops)):
            color = _COLORS[i % len(_COLORS)]
            if op.beyond_knee:
                any_knee = True
                ax.plot([float(h_scale(op.H))], [float(b_scale(op.B))], linestyle="none", marker="X",
                        markersize=10, color=_KNEE_COLOR, markeredgecolor="black", markeredgewidth=0.8,
                        label=f"operating point at {_format_temperature(t)} (beyond knee)", zorder=5)
            else:
                any_ok = True
                ax.plot([float(h_scale(op.H))], [float(b_scale(op.B))], linestyle="none", marker="o",
                        markersize=7, color=color, markeredgecolor="black", markeredgewidth=0.8,
                        label=f"operating point at {_format_temperature(t)}", zorder=5)
        if any_ok:
            legend_handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7, color="white",
                                         markeredgecolor="black", markeredgewidth=0.8))
            legend_labels.append("operating point")
        if any_knee:
            legend_handles.append(Line2D([], [], linestyle="none", marker="X", markersize=10, color=_KNEE_COLOR,
                                         markeredgecolor="black", markeredgewidth=0.8))
            legend_labels.append("beyond the knee")

    ax.axhline(0.0, color="0.5", linewidth=0.8, zorder=1)
    ax.axvline(0.0, color="0.5", linewidth=0.8, zorder=1)
    ax.set_xlim(float(h_scale(x_lo)), float(h_scale(x_hi)))
    ax.set_ylim(float(b_scale(y_lo)), float(b_scale(y_hi)))
    ax.set_xlabel(f"H ({h_unit})")
    ax.set_ylabel(f"B, J ({b_unit})")
    name = str(magnet.name)
    # A composition magnet's name is its formula, which can be long: then on a line of its own.
    ax.set_title(f"Demagnetization curves of {name}" if len(name) <= 24 else f"Demagnetization curves of\n{name}")
    ax.grid(True, color="0.85", linewidth=0.6)
    ax.set_axisbelow(True)
    if own_figure:
        # Outside the axes on the right (the constrained layout makes room), so it never hides a
        # curve whatever the magnet.
        ax.legend(legend_handles, legend_labels, loc="upper left", bbox_to_anchor=(1.02, 1.0),
                  borderaxespad=0.0, fontsize="small", frameon=False)
    else:
        # A caller's Axes: its layout is theirs, so stay inside; the lower right is where the
        # curves leave most room (B > 0 near H = 0).
        ax.legend(legend_handles, legend_labels, loc="lower right", fontsize="small")

    if path is not None:
        save_png(fig, path, dpi=dpi)
    return fig


def curve_fit(
    magnet: Magnet,
    curves: Optional[Dict[float, Tuple[Any, Any]]] = None,
    kind: str = "J",
    *,
    units: str = "SI",
    points: int = 400,
    ax: Optional["Axes"] = None,
    path: Optional[PathLike] = None,
    dpi: float = 100,
    figsize: Tuple[float, float] = (7, 5),
) -> "Figure":
    """Plots a magnet fitted by :meth:`magmat.Magnet.fit_curves` against its measured curves.

    * At each measured temperature of ``magnet.fit_report`` the fitted model is a line, one
      colour per temperature, labelled with the curve's rms and largest residual (mT).
    * ``curves`` (the ``{temperature_C: (H, values)}`` given to ``fit_curves``, SI) are drawn as
      markers in their temperature's colour; ``kind`` (``"J"`` or ``"B"``) says what their values
      are, and the model is drawn as the same quantity. Without ``curves`` only the model is drawn.
    * ``units``, ``points``, ``ax``, ``path``, ``dpi`` and ``figsize`` as for
      :func:`demagnetization_curves`.

    Returns the Figure. Raises ``ValueError`` for a magnet without a fit report, an unknown
    ``kind`` or ``units``, and for curves at a temperature the fit does not hold.
    """
    _require_matplotlib()

    report = magnet.fit_report
    if report is None:
        raise ValueError(f"{magnet.name!r} was not fitted to measured curves (Magnet.fit_curves); it has no fit report")
    if kind not in ("J", "B"):
        raise ValueError(f'kind must be "J" (polarization) or "B" (flux density), got {kind!r}')
    h_scale, h_unit, b_scale, b_unit = _scales(units)
    if not (isinstance(dpi, (int, float)) and math.isfinite(dpi) and dpi > 0):
        raise ValueError(f"dpi must be a finite number > 0, got {dpi!r}")
    fitted = report.curves
    data: Dict[int, Tuple[np.ndarray, np.ndarray]] = {}
    for t, (H, values) in (curves or {}).items():
        match = [i for i, c in enumerate(fitted) if abs(c.temperature_C - float(t)) < 1e-6]
        if not match:
            raise ValueError(f"curves at {float(t):g} degC: the fit holds no curve at that temperature "
                             f"(it has {', '.join(f'{c.temperature_C:g}' for c in fitted)} degC)")
        data[match[0]] = (np.asarray(H, dtype=float), np.asarray(values, dtype=float))
    # The model over each curve's measured fields (or 0 to -1.1 HcJ without data), computed first.
    models = []
    for i, c in enumerate(fitted):
        low = float(np.min(data[i][0])) if i in data else -1.1 * c.intrinsic_coercivity
        high = max(0.0, float(np.max(data[i][0]))) if i in data else 0.0
        H = np.linspace(low, high, points)
        J = np.asarray(report.polarization(c.temperature_C, H), dtype=float)
        mu0 = VACUUM_PERMEABILITY
        models.append((H, J + mu0 * H if kind == "B" else J))

    if ax is None:
        fig = _new_figure(figsize, dpi, "constrained")
        ax = fig.add_subplot(1, 1, 1)
    else:
        fig = _figure_of(ax)
    for i, (c, (H, model)) in enumerate(zip(fitted, models)):
        color = _COLORS[i % len(_COLORS)]
        label = (f"{_format_temperature(c.temperature_C)}: rms {c.rms_residual * 1e3:.2f} mT, "
                 f"max {c.max_residual * 1e3:.2f} mT")
        ax.plot(h_scale(H), b_scale(model), color=color, linewidth=1.6, label=label, zorder=3)
        if i in data:
            ax.plot(h_scale(data[i][0]), b_scale(data[i][1]), linestyle="none", marker="o", markersize=3,
                    color=color, alpha=0.6, zorder=2)
    ax.axhline(0.0, color="0.5", linewidth=0.8, zorder=1)
    ax.axvline(0.0, color="0.5", linewidth=0.8, zorder=1)
    ax.set_xlabel(f"H ({h_unit})")
    ax.set_ylabel(f"{kind} ({b_unit})")
    ax.set_title(f"{magnet.name}: measured (points) and fitted (lines)")
    ax.grid(True, color="0.85", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="lower right", fontsize="small")
    if path is not None:
        save_png(fig, path, dpi=dpi)
    return fig


def _section(shape: Any, resolution: int) -> Tuple[np.ndarray, np.ndarray, str]:
    """Cell centres of the section through the magnet's axis that holds its most exposed points
    (y = 0: a cylinder's or ring's axial plane, a block's plane along its width), in metres, and
    the label of the horizontal axis."""
    from ._core import Block, Cylinder, Ring

    if isinstance(shape, Cylinder):
        half_width, label = shape.diameter / 2, "x (mm)"
    elif isinstance(shape, Ring):
        half_width, label = shape.outer_diameter / 2, "x (mm)"
    elif isinstance(shape, Block):
        half_width, label = shape.width / 2, "x, along the width (mm)"
    else:
        raise TypeError(f"loss_map: expected a Cylinder, Block or Ring, got {type(shape).__name__}")
    half_length = shape.length / 2
    # cell centres: never on a face or an edge, where the local field is singular
    columns = 2 * resolution
    rows = max(2, int(round(resolution * half_length / half_width)))
    x = -half_width + (np.arange(columns) + 0.5) * (2 * half_width / columns)
    z = -half_length + (np.arange(rows) + 0.5) * (2 * half_length / rows)
    return x, z, label


def loss_map(
    magnet: Magnet,
    shape: Any,
    temperature_C: float,
    *,
    external_field: float = 0.0,
    external_field_kind: str = "applied",
    resolution: int = 60,
    ax: Optional["Axes"] = None,
    path: Optional[PathLike] = None,
    dpi: float = 100,
    figsize: Tuple[float, float] = (7, 5),
) -> "Figure":
    """Maps which part of ``magnet`` in ``shape`` (a :class:`magmat.Cylinder`, ``Block`` or
    ``Ring``, magnetized along its length) reverses first at ``temperature_C`` (degC).

    * The section drawn is the plane through the axis that holds the most exposed points (y = 0;
      for a block the plane along its width), in mm, magnetization upwards.
    * Colour: the local knee margin (Hk - |H|)/Hk of :meth:`magmat.Magnet.local_demagnetization`,
      on the load lines that :meth:`magmat.Magnet.irreversible_loss` uses: blue inside the knee,
      red beyond it, white at it. A black line marks the knee (margin 0); hatching marks where
      grains are reversed past the knee (the parts that lose their magnetization).
    * The title gives the magnet's moment loss over the volume at that point,
      ``irreversible_loss(shape=..., temperature_C=..., external_field=..., external_field_kind=...)``.
    * ``external_field`` (A/m, positive opposing) and ``external_field_kind`` ('applied' or
      'in_magnet') as for ``irreversible_loss``.
    * ``resolution``: cells across half the section's width (8-400); the section's cells are
      evaluated at their centres.
    * ``ax``, ``path``, ``dpi`` and ``figsize`` as for :func:`demagnetization_curves`.

    Returns the Figure. Errors of the core propagate unchanged; a shape that is not a Cylinder,
    Block or Ring raises ``TypeError``.
    """
    _require_matplotlib()
    from matplotlib.colors import TwoSlopeNorm

    if isinstance(resolution, bool) or not isinstance(resolution, int) or not 8 <= resolution <= 400:
        raise ValueError(f"resolution must be an integer in 8-400, got {resolution!r}")
    if not (isinstance(dpi, (int, float)) and math.isfinite(dpi) and dpi > 0):
        raise ValueError(f"dpi must be a finite number > 0, got {dpi!r}")
    x, z, x_label = _section(shape, resolution)
    xx, zz = np.meshgrid(x, z)
    points = np.column_stack([xx.ravel(), np.zeros(xx.size), zz.ravel()])
    inside = shape.contains(points)
    margin = np.full(xx.size, np.nan)
    reversed_share = np.full(xx.size, np.nan)
    # Compute everything first, so an error in the core leaves no half-drawn axes behind.
    local = magnet.local_demagnetization(shape=shape, points=points[inside], temperature_C=temperature_C,
                                         external_field=external_field, external_field_kind=external_field_kind)
    margin[inside] = local["knee_margin"]
    reversed_share[inside] = local["reversed_share"]
    loss = magnet.irreversible_loss(shape=shape, temperature_C=temperature_C, external_field=external_field,
                                    external_field_kind=external_field_kind)
    margin = margin.reshape(xx.shape)
    reversed_share = reversed_share.reshape(xx.shape)

    if ax is None:
        # "compressed": the constrained layout made for fixed-aspect axes with a colorbar
        fig = _new_figure(figsize, dpi, "compressed")
        ax = fig.add_subplot(1, 1, 1)
    else:
        fig = _figure_of(ax)

    lowest = float(np.nanmin(margin))
    highest = float(np.nanmax(margin))
    span = max(abs(lowest), abs(highest), 1e-3)
    vmin, vmax = min(lowest, -0.05 * span), max(highest, 0.05 * span)
    norm = TwoSlopeNorm(vmin=vmin, vcenter=0.0, vmax=vmax)
    mm_x, mm_z = 1e3 * x, 1e3 * z
    image = ax.pcolormesh(mm_x, mm_z, np.ma.masked_invalid(margin), cmap="RdBu", norm=norm, shading="nearest")
    colorbar = fig.colorbar(image, ax=ax)
    # ticks on both sides of the knee (the two slopes of the norm differ)
    ticks = np.unique(np.round(np.concatenate([np.linspace(vmin, 0.0, 4), np.linspace(0.0, vmax, 5)]), 3))
    colorbar.set_ticks(ticks[(ticks >= vmin) & (ticks <= vmax)].tolist())  # rounding must not leave the range
    colorbar.set_label("knee margin (Hk - |H|)/Hk")
    if lowest < 0.0 < highest:
        ax.contour(mm_x, mm_z, np.ma.masked_invalid(margin), levels=[0.0], colors="black", linewidths=1.2)
    past = np.where(np.isnan(reversed_share), 0.0, reversed_share)
    if float(past.max()) > 0.0:
        ax.contourf(mm_x, mm_z, past, levels=[1e-9, 2.0], colors="none", hatches=["//"])
    ax.set_aspect("equal")
    ax.set_xlabel(x_label)
    ax.set_ylabel("z, along the magnetization (mm)")
    name = str(magnet.name)
    ax.set_title(f"{name} at {_format_temperature(float(temperature_C))}: moment loss {100 * loss:.3g} %\n"
                 f"black: the knee; hatched: reversed past it")
    if path is not None:
        save_png(fig, path, dpi=dpi)
    return fig


# Words of strategy names written as the trade writes them ("gbd_tb" -> "GBD Tb").
_LABEL_WORDS = {"dy": "Dy", "tb": "Tb", "nd": "Nd", "pr": "Pr", "ce": "Ce", "la": "La", "gbd": "GBD",
                "smco5": "SmCo5", "sm2co17": "Sm2Co17", "hre": "HRE", "ndfeb": "NdFeB"}
# The elements of the bill, in the two panels where their tonnages are comparable: the heavy rare
# earths (tens of t/year) and the light rare earths with Co (hundreds).
_HEAVY = (("Dy", "C0"), ("Tb", "C1"))
_LIGHT = (("Nd", "C2"), ("Pr", "C4"), ("Ce", "C5"), ("La", "C6"), ("Sm", "C8"), ("Co", "C9"))


def strategy_label(strategy: str) -> str:
    """A readable label for a strategy name: words split at '_', element symbols and the trade's
    abbreviations capitalized as written ('gbd_tb' -> 'GBD Tb', 'hre_free_fine_grain' ->
    'HRE-free fine grain', 'ce_la_substituted' -> 'Ce/La substituted'). Unknown words are kept."""
    words = [w for w in str(strategy).split("_") if w]
    out: list[str] = []
    for i, word in enumerate(words):
        if word == "free" and out:
            out[-1] += "-free"
            continue
        label = _LABEL_WORDS.get(word.lower(), word)
        # two element symbols in a row are alternatives of one site: "Ce/La"
        if out and label in ("La", "Ce", "Pr", "Nd") and out[-1] in ("Ce", "La", "Pr", "Nd"):
            out[-1] += "/" + label
            continue
        out.append(label if label != word or i else word[:1].upper() + word[1:])
    return " ".join(out)


def strategy_comparison(
    study: Any,
    *,
    path: Optional[PathLike] = None,
    dpi: float = 100,
    figsize: Tuple[float, float] = (12, 5.5),
) -> "Figure":
    """Plots a :func:`magmat.design_study` result, one row per strategy in the study's order:

    * left: Dy and Tb in t/year (stacked);
    * middle: Nd, Pr, Ce, La, Sm and Co in t/year (stacked);
    * right: raw-material cost per unit (cost per kg of magnet x the row's magnet mass), in the
      study's currency; "no price" where an element of the magnet has none in the price table.

    Labels come from :func:`strategy_label`; " [U]" marks rows resting on unconfirmed parameters.
    Infeasible strategies keep their row, greyed, with "infeasible" and the start of their
    reason drawn in it (the whole reason is ``row.reason``). ``path``, ``dpi`` and ``figsize`` as
    for :func:`demagnetization_curves`. Returns the Figure.
    """
    _require_matplotlib()

    if not (isinstance(dpi, (int, float)) and math.isfinite(dpi) and dpi > 0):
        raise ValueError(f"dpi must be a finite number > 0, got {dpi!r}")
    rows = list(study)
    if not rows:
        raise ValueError("strategy_comparison: the study has no rows")
    labels = [strategy_label(r.strategy) + (" [U]" if r.rests_on_unconfirmed else "") for r in rows]
    y = np.arange(len(rows))
    fig = _new_figure(figsize, dpi, "constrained")
    axes = fig.subplots(1, 3, sharey=True, gridspec_kw={"width_ratios": [1.0, 1.3, 0.9]})

    def stacked(ax: "Axes", elements: Tuple[Tuple[str, str], ...]) -> None:
        left = np.zeros(len(rows))
        for element, color in elements:
            values = np.array([r.tonnes_per_year.get(element, 0.0) if r.feasible else 0.0 for r in rows])
            if np.any(values > 0.0):
                ax.barh(y, values, left=left, color=color, label=element)
                left += values
        if np.any(left > 0.0):
            ax.legend(loc="lower right", fontsize="small")
        ax.set_xlabel("t/year")

    stacked(axes[0], _HEAVY)
    axes[0].set_title("Dy and Tb")
    stacked(axes[1], _LIGHT)
    axes[1].set_title("Nd, Pr, Ce, La, Sm, Co")
    costs = [r.cost_per_kg * r.magnet_mass_kg if r.feasible and r.cost_per_kg is not None else math.nan
             for r in rows]
    priced = [c for c in costs if math.isfinite(c)]
    axes[2].barh(y, [c if math.isfinite(c) else 0.0 for c in costs], color="C7")
    axes[2].set_xlabel(f"{study.currency} per unit")
    axes[2].set_title("raw-material cost")
    top = max(priced) if priced else 1.0
    for i, (row, cost) in enumerate(zip(rows, costs)):
        if row.feasible and not math.isfinite(cost):
            axes[2].text(0.02 * top, i, "no price", va="center", fontsize="small", color="0.3")
    for i, row in enumerate(rows):
        if not row.feasible:
            for ax in axes:
                ax.axhspan(i - 0.45, i + 0.45, color="0.92", zorder=0)
            reason = row.reason if len(row.reason) <= 60 else row.reason[:57] + "..."
            axes[0].text(0.01, i, f"infeasible: {reason}", transform=axes[0].get_yaxis_transform(),
                         va="center", fontsize="x-small", color="0.25", clip_on=False, zorder=3)
    axes[0].set_yticks(y)
    axes[0].set_yticklabels(labels)
    for tick, row in zip(axes[0].get_yticklabels(), rows):
        if not row.feasible:
            tick.set_color("0.5")
    axes[0].invert_yaxis()
    r = study.requirement
    load = f", Pc {r.permeance:g}" if r.permeance is not None else ""
    fig.suptitle(f"Rare earths and Co per year, and cost, for a magnet at {_format_temperature(float(r.temperature_C))}"
                 f"{load} (equal {study.equal}; [U]: rests on unconfirmed parameters)")
    if path is not None:
        save_png(fig, path, dpi=dpi)
    return fig
