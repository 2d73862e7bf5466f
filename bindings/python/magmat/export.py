"""Export a magnet (a catalog Grade or a composition-defined Magnet) to the material formats of
tools users already run: a FEMM material block or ``mi_addmaterial`` Lua call, a pyleecan
``Material`` JSON, a magpylib polarization/magnetization vector, and a plain CSV of the
demagnetization curve.

Everything here is pure Python on top of :mod:`magmat._core` and NumPy; FEMM, pyleecan and
magpylib are *not* needed. Inputs follow magmat's rules (SI units, temperatures in degrees
Celsius); each target format's own units are named in the function that writes it. An invalid
temperature or point count raises the core's error (``magmat.DomainError``, a ``ValueError``)
unchanged. See ``docs/exports.md`` for the format rules followed and where they come from.
"""

from __future__ import annotations

import importlib
import json
import math
import os
from typing import Any, Sequence, Union

import numpy as np

from ._core import VACUUM_PERMEABILITY, Magnet, _require_numbers
from ._files import write_text_atomically
from .table import Column, Table

__all__ = [
    "FEMM_MU0",
    "PYLEECAN_MU0",
    "CSV_HEADER",
    "femm_bh_points",
    "femm_block",
    "femm_lua",
    "pyleecan_material",
    "write_pyleecan_json",
    "magpylib_polarization",
    "magpylib_magnetization",
    "magpylib_susceptibility",
    "magpylib_demagnetize",
    "demag_curve_csv",
]

PathLike = Union[str, "os.PathLike[str]"]

FEMM_MU0 = 4e-7 * math.pi
"""The vacuum permeability FEMM computes with, in H/m: ``muo 1.2566370614359173e-6`` (= 4 pi 1e-7)
in FEMM's sources (``#define muo`` in fkn/femmedoccore.h). FEMM's linear magnet is
B = FEMM_MU0 * mu_r * (H + H_c), so H_c is computed with this value for FEMM to give back Br."""

PYLEECAN_MU0 = 4e-7 * math.pi
"""The vacuum permeability pyleecan uses between Brm20, mur_lin and Hc, in H/m: ``4 * pi * 1e-7``
(pyleecan/Methods/Material/MatMagnetics/get_Brm.py)."""

CSV_HEADER = ("H_A_per_m", "B_T", "J_T")
"""Column names of :func:`demag_curve_csv`: internal field H in A/m, flux density B in T,
polarization J in T."""


# --- helpers ------------------------------------------------------------------------------


def _g17(x: float) -> str:
    """A float as C's ``%.17g`` (what FEMM writes): enough digits to read back the same double."""
    return format(float(x), ".17g")


def _default_name(magnet: Magnet, temperature_C: float) -> str:
    """The exported material's default name: the magnet's name and the temperature its curve is
    for, so materials exported at two temperatures do not collide in one model ("N42SH 80degC")."""
    return f"{magnet.name} {float(temperature_C):g}degC"


def _femm_name(magnet: Magnet, name: str | None, temperature_C: float) -> str:
    text = _default_name(magnet, temperature_C) if name is None else name
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"a FEMM material name must be a non-empty string, got {text!r}")
    bad = [c for c in text if c in '"\\' or c in "\r\n" or ord(c) < 32]
    if bad:
        # FEMM writes the name as "%s" with no escaping and reads it back between quotes.
        raise ValueError(f"a FEMM material name cannot contain quotes, backslashes or control characters: {text!r}")
    return text


def _femm_conductivity_MS_per_m(conductivity: float | None) -> float:
    if conductivity is None:
        return 0.0
    _require_numbers(conductivity, "conductivity")  # float('5e5') would accept text
    sigma = float(conductivity)
    if not math.isfinite(sigma) or sigma < 0:
        raise ValueError(f"conductivity must be a finite number >= 0 in S/m, got {conductivity!r}")
    return sigma / 1e6


def _linear_magnet(magnet: Magnet, temperature_C: float) -> tuple[float, float]:
    """(Br in T, recoil permeability) at temperature_C from the core (its errors pass through)."""
    p = magnet.properties(temperature_C)
    return p.remanence, p.recoil_permeability


def _atomic_write_text(path: PathLike, text: str) -> None:
    """Writes text to path through a temporary file in the same folder and os.replace."""
    write_text_atomically(path, text)


# --- FEMM ---------------------------------------------------------------------------------

# The keys of one material in the [BlockProps] section of a .fem file, in the order FEMM writes
# them (CFemmeDoc::OnSaveDocument in FEMM 4.2's femm/FemmeDoc.cpp; read back, case-insensitively,
# by CFemmeDocCore::OnOpenDocument in fkn/femmedoccore.cpp; both in the GitHub mirror cenit/FEMM).
# The Lua argument order is lua_addmatprop's in femm/femmeLua.cpp.
_FEMM_KEYS = (
    "BlockName", "Mu_x", "Mu_y", "H_c", "H_cAngle", "J_re", "J_im", "Sigma", "d_lam", "Phi_h",
    "Phi_hx", "Phi_hy", "LamType", "LamFill", "NStrands", "WireD", "BHPoints",
)


def _bh_point_count(bh_points: int) -> int:
    if isinstance(bh_points, bool) or not isinstance(bh_points, (int, np.integer)) or not (
            bh_points == 0 or 2 <= bh_points <= 10_000):
        raise ValueError(f"bh_points must be 0 (a linear magnet) or an integer in 2-10000, got {bh_points!r}")
    return int(bh_points)


def femm_bh_points(magnet: Magnet, temperature_C: float = 20.0, points: int = 40) -> np.ndarray:
    """The magnet's demagnetization curve at ``temperature_C`` (degC) as FEMM's nonlinear
    permanent magnet takes it: an array of shape (points, 2) with columns B in **T** and
    H + H_c in **A/m**, where H_c is the normal coercivity HcB at that temperature, read where the
    model's curve crosses B = 0 (the first row is (0, 0); the last is (Br, HcB), at H = 0). Both
    columns increase strictly, as FEMM requires. A curve that never reaches B = 0 (HcJ = 0: the
    magnet has no coercivity left at that temperature) raises ``ValueError``.

    This is the convention of FEMM's own material library (bin/matlib.dat: "Cast Alnico 5
    (LNG37)" has H_c = 48600 A/m and B-H points from (0, 0) to (1.204 T, 48600 A/m)): FEMM reads a
    magnet's curve shifted by H_c so that it starts at the origin, and continues it past the last
    point with the last segment's slope (here the recoil line). The points are spaced evenly along
    the curve in units of Br and HcB, so a knee above B = 0 (a hot NdFeB magnet) gets as many
    points as the straight part.
    """
    n = _bh_point_count(points)
    if n == 0:
        raise ValueError("femm_bh_points needs at least 2 points")
    curve = magnet.demag_curve(temperature_C=temperature_C, points=4001)
    h = np.asarray(curve.H, dtype=float)[::-1]   # ascending: -HcJ .. 0
    b = np.asarray(curve.B, dtype=float)[::-1]
    br = float(b[-1])
    negative = np.nonzero(b <= 0.0)[0]
    if not (math.isfinite(br) and br > 0.0) or negative.size == 0:
        raise ValueError(f"{magnet.name} at {temperature_C:g} degC has no second-quadrant curve from B = 0 "
                         f"to Br to export (Br {br!r} T, HcJ {float(magnet.intrinsic_coercivity(temperature_C))!r} A/m)")
    # HcB where this curve crosses B = 0 (linear between the samples around it), so that the
    # shifted curve starts exactly at the origin
    i = int(negative[-1])
    hcb = -float(h[i] + (h[i + 1] - h[i]) * (0.0 - b[i]) / (b[i + 1] - b[i]))
    keep = slice(i + 1, None)
    shifted = np.concatenate([[0.0], h[keep] + hcb])
    flux = np.concatenate([[0.0], b[keep]])
    # arc length in (H/HcB, B/Br): even spacing along the curve, knee included
    step = np.hypot(np.diff(shifted) / hcb, np.diff(flux) / br)
    s = np.concatenate([[0.0], np.cumsum(step)])
    targets = np.linspace(0.0, s[-1], n)
    out = np.column_stack([np.interp(targets, s, flux), np.interp(targets, s, shifted)])
    out[0] = (0.0, 0.0)
    out[-1] = (br, hcb)
    if not (np.all(np.diff(out[:, 0]) > 0.0) and np.all(np.diff(out[:, 1]) > 0.0)):
        raise ValueError(f"{magnet.name} at {temperature_C:g} degC: the B-H points do not increase strictly "
                         f"with {n} points; use fewer")
    return out


def _femm_values(magnet: Magnet, temperature_C: float, name: str | None,
                 conductivity: float | None, bh_points: int) -> dict[str, Any]:
    block_name = _femm_name(magnet, name, temperature_C)
    sigma = _femm_conductivity_MS_per_m(conductivity)
    br, mu_rec = _linear_magnet(magnet, temperature_C)
    n = _bh_point_count(bh_points)
    curve = femm_bh_points(magnet, temperature_C, n) if n else np.zeros((0, 2))
    return {
        "BlockName": block_name,
        "Mu_x": mu_rec,                       # relative permeability (used by FEMM when linear)
        "Mu_y": mu_rec,
        # A/m: linear, FEMM's B = mu0 mu_r (H + H_c); nonlinear, the curve's shift, HcB
        "H_c": curve[-1, 1] if n else br / (FEMM_MU0 * mu_rec),
        "H_cAngle": 0.0,                      # degrees; the direction is set per block label
        "J_re": 0.0,                          # MA/m^2, source current density
        "J_im": 0.0,
        "Sigma": sigma,                       # MS/m
        "d_lam": 0.0,                         # mm, lamination thickness (not laminated)
        "Phi_h": 0.0,                         # degrees, hysteresis lag
        "Phi_hx": 0.0,
        "Phi_hy": 0.0,
        "LamType": 0,                         # 0: not laminated / in-plane
        "LamFill": 1.0,                       # fill factor
        "NStrands": 0,
        "WireD": 0.0,                         # mm
        "BHPoints": curve,                    # (B, H + H_c) rows; none for a linear magnet
    }


def femm_block(magnet: Magnet, temperature_C: float = 20.0, *, name: str | None = None,
               conductivity: float | None = None, bh_points: int = 40) -> str:
    """The magnet as a FEMM material block, as FEMM writes it in the ``[BlockProps]`` section of a
    magnetics ``.fem`` file (``<BeginBlock>`` ... ``<EndBlock>``, one ``<Key> = value`` per line,
    numbers as ``%.17g``).

    By default a **nonlinear** magnet: ``bh_points`` (default 40) rows of
    :func:`femm_bh_points` after ``<BHPoints> = N``, the demagnetization curve at
    ``temperature_C`` (degrees Celsius) with its knee, shifted by ``H_c`` = HcB at that
    temperature in **A/m**, as FEMM's material library writes magnets.

    With ``bh_points=0``, FEMM's **linear** permanent magnet: ``H_c = Br / (mu0 * mu_rec)``
    (mu0 = :data:`FEMM_MU0`, FEMM's 4 pi 1e-7 H/m), so that FEMM's B = mu0 mu_rec (H + H_c)
    gives B = Br at H = 0; this H_c is the straight recoil line's intercept and the knee is lost.
    In both, ``Mu_x = Mu_y`` = the recoil permeability mu_rec at ``temperature_C`` (FEMM uses it
    only for a linear material). The magnetization direction is not a material property in FEMM
    (it is set on each block label), so ``H_cAngle`` is 0.

    ``name``: the ``BlockName`` (default: the magnet's name and the temperature, "N42SH 80degC",
    so materials at two temperatures can sit in one model); quotes, backslashes and control
    characters are rejected (FEMM writes the name between quotes without escaping).
    ``conductivity``: electrical conductivity in **S/m** (magmat's SI); written as ``Sigma`` in
    **MS/m**, FEMM's unit. ``None`` writes 0 (no eddy currents; enough for magnetostatics).

    Returns the block as text ending in a newline; put it under a ``[BlockProps] = N`` line.
    """
    values = _femm_values(magnet, temperature_C, name, conductivity, bh_points)
    lines = ["  <BeginBlock>"]
    for key in _FEMM_KEYS:
        value = values[key]
        if key == "BlockName":
            text = f'"{value}"'
        elif key == "BHPoints":
            text = str(len(value))
        elif isinstance(value, int):
            text = str(value)
        else:
            text = _g17(value)
        lines.append(f"    <{key}> = {text}")
    # FEMM writes each point as "%.17g\t%.17g" (B, then H), indented (CFemmeDoc::OnSaveDocument)
    lines.extend(f"      {_g17(flux)}\t{_g17(field)}" for flux, field in values["BHPoints"])
    lines.append("  <EndBlock>")
    return "\n".join(lines) + "\n"


def femm_lua(magnet: Magnet, temperature_C: float = 20.0, *, name: str | None = None,
             conductivity: float | None = None, bh_points: int = 40) -> str:
    """The same material as a FEMM Lua call (FEMM 4.2 argument order):
    ``mi_addmaterial("name", mu_x, mu_y, H_c, J, Cduct, Lam_d, Phi_hmax, lam_fill, LamType,
    Phi_hx, Phi_hy, NStrands, WireD)`` -- 14 arguments: relative permeabilities, H_c in **A/m**,
    source current density J in **MA/m^2** (0), conductivity Cduct in **MS/m**, lamination
    thickness in mm (0), hysteresis angles in degrees (0), fill factor 1, lamination type 0,
    strands 0 and wire diameter in mm (0). Values as in :func:`femm_block` (``conductivity`` is
    given in S/m). A nonlinear magnet (``bh_points`` > 0) adds one ``mi_addbhpoint("name", B, H)``
    line per point after the first (FEMM adds the (0, 0) point itself). Returns the lines joined
    by newlines, without a trailing newline.
    """
    v = _femm_values(magnet, temperature_C, name, conductivity, bh_points)
    args = [
        f'"{v["BlockName"]}"',
        _g17(v["Mu_x"]), _g17(v["Mu_y"]), _g17(v["H_c"]), _g17(v["J_re"]), _g17(v["Sigma"]),
        _g17(v["d_lam"]), _g17(v["Phi_h"]), _g17(v["LamFill"]), str(v["LamType"]),
        _g17(v["Phi_hx"]), _g17(v["Phi_hy"]), str(v["NStrands"]), _g17(v["WireD"]),
    ]
    lines = ["mi_addmaterial(" + ", ".join(args) + ")"]
    # mi_addbhpoint("name", b, h) adds (0, 0) itself before the first point (lua_addbhpoint)
    lines.extend(f'mi_addbhpoint("{v["BlockName"]}", {_g17(flux)}, {_g17(field)})'
                 for flux, field in v["BHPoints"][1:])
    return "\n".join(lines)


# --- pyleecan -----------------------------------------------------------------------------


def pyleecan_material(magnet: Magnet, temperature_C: float = 20.0, *, name: str | None = None,
                      coefficient_to_C: float | None = None, bh_points: int = 40) -> dict[str, Any]:
    """The magnet as a pyleecan ``Material`` in pyleecan's JSON layout (a dict ready for
    ``json.dump``; pyleecan's ``load`` builds the objects from the ``__class__`` keys).

    Field names and units follow pyleecan's class definitions (repository Eomys/pyleecan)
    (pyleecan/Generator/ClassesRef/Material/Material.csv, MatMagnetics.csv, MatStructural.csv) and
    its shipped magnets (pyleecan/Data/Material/Magnet_42SH.json):

    * ``mag`` (``MatMagnetics``): ``Brm20`` = Br at 20 degC in **T**; ``alpha_Br`` in **1/K**,
      pyleecan's linear law Br(T) = Brm20 (1 + alpha_Br (T - 20)) (get_Brm.py); ``mur_lin`` =
      the recoil permeability at ``temperature_C``; ``Hc`` = Brm20 / (mu0 mur_lin) in **A/m**
      with pyleecan's mu0 = 4 pi 1e-7 (:data:`PYLEECAN_MU0`); ``Wlam`` = 0 m (not laminated).
    * ``alpha_Br`` is magmat's secant coefficient over [20, ``coefficient_to_C``] degC; by default
      ``coefficient_to_C`` is ``temperature_C`` (the operating temperature, so pyleecan's law
      gives magmat's Br there exactly), or 150 degC when ``temperature_C`` is 20.
    * ``mag.BH_curve`` (``ImportMatrixVal``, pyleecan's [H, B] rows): ``bh_points`` (default 40;
      0 leaves it out) points of the demagnetization curve at ``temperature_C`` with its knee,
      shifted by HcB as FEMM takes a nonlinear magnet (:func:`femm_bh_points`): H + HcB in
      **A/m**, B in **T**, from (0, 0) to (HcB, Br). pyleecan's FEMM coupling builds a magnet from
      ``Brm20``, ``alpha_Br`` and ``mur_lin`` alone (Functions/FEMM/create_FEMM_magnet.py), so the
      curve is carried for the user and for couplings that read it.
    * ``struct`` (``MatStructural``) with ``rho`` in **kg/m^3**: the datasheet's density when it
      gives one, otherwise the model's (``magnet.density``: main-phase x-ray density x relative
      density); ``desc`` says which. pyleecan's own default would be 7650 kg/m^3, a steel value.
    * ``is_isotropic`` is true, as in pyleecan's shipped magnet materials.

    ``name``: the material name (default: the magnet's name and ``temperature_C``,
    "N42SH 100degC", the temperature of ``mur_lin`` and of the curve).
    """
    to_C = coefficient_to_C
    if to_C is None:
        to_C = 150.0 if float(temperature_C) == 20.0 else float(temperature_C)
    brm20 = magnet.remanence(20.0)
    p = magnet.properties(temperature_C)
    alpha = magnet.reversible_coefficients(20.0, to_C).remanence
    mur = p.recoil_permeability
    mat_name = _default_name(magnet, temperature_C) if name is None else str(name)
    n = _bh_point_count(bh_points)
    density = _datasheet_density(magnet)
    density_basis = "the datasheet's"
    if density is None:
        density, density_basis = float(magnet.density), "the model's (main phase x relative density)"

    # Layout and field names as read in Eomys/pyleecan: pyleecan/Generator/ClassesRef/Material/
    # Material.csv, MatMagnetics.csv, MatStructural.csv, pyleecan/Classes/MatMagnetics.py and
    # pyleecan/Data/Material/Magnet_42SH.json; the temperature law in
    # pyleecan/Methods/Material/MatMagnetics/get_Brm.py.
    material: dict[str, Any] = {
        "__class__": "Material",
        "name": mat_name,
        "is_isotropic": True,
        "desc": (
            f"Exported by magmat from {magnet.name} ({magnet.family}); mur_lin at "
            f"{float(temperature_C):g} degC, alpha_Br over 20 to {float(to_C):g} degC, density "
            f"{density_basis}" + (f", BH_curve at {float(temperature_C):g} degC shifted by HcB." if n else ".")
        ),
        "mag": {
            "__class__": "MatMagnetics",
            "Brm20": float(brm20),
            "alpha_Br": float(alpha),
            "mur_lin": float(mur),
            "Hc": float(brm20 / (PYLEECAN_MU0 * mur)),
            "Wlam": 0.0,
        },
    }
    if n:
        curve = femm_bh_points(magnet, temperature_C, n)
        material["mag"]["BH_curve"] = {
            "__class__": "ImportMatrixVal",
            "is_transpose": False,
            "value": [[float(field), float(flux)] for flux, field in curve],
        }
    material["struct"] = {"__class__": "MatStructural", "rho": float(density)}
    return material


def _datasheet_density(magnet: Magnet) -> float | None:
    datasheet = getattr(magnet, "datasheet", None)  # only a catalog Grade has one
    if not datasheet:
        return None
    entry = datasheet.get("density")
    if not entry or entry.get("value") is None:
        return None
    return float(entry["value"])


def write_pyleecan_json(magnet: Magnet, path: PathLike, temperature_C: float = 20.0, *,
                        name: str | None = None, coefficient_to_C: float | None = None,
                        bh_points: int = 40) -> dict[str, Any]:
    """Writes :func:`pyleecan_material` to ``path`` as strict JSON (UTF-8, sorted keys, no NaN),
    atomically (a temporary file in the same folder, then ``os.replace``). Returns the dict."""
    material = pyleecan_material(magnet, temperature_C, name=name, coefficient_to_C=coefficient_to_C,
                                 bh_points=bh_points)
    text = json.dumps(material, indent=2, sort_keys=True, allow_nan=False, ensure_ascii=False) + "\n"
    _atomic_write_text(path, text)
    return material


# --- magpylib -----------------------------------------------------------------------------


def _unit_vector(direction: Sequence[float] | np.ndarray) -> np.ndarray:
    d = np.asarray(direction, dtype=float)
    if d.shape != (3,):
        raise ValueError(f"direction must be a 3-vector, got shape {d.shape}")
    if not np.all(np.isfinite(d)):
        raise ValueError(f"direction must be finite, got {d.tolist()}")
    scale = float(np.max(np.abs(d)))
    if scale == 0.0:
        raise ValueError("direction must not be the zero vector")
    d = d / scale  # scale first, so tiny or huge components do not under- or overflow the norm
    return d / np.linalg.norm(d)


def magpylib_polarization(magnet: Magnet, temperature_C: float = 20.0,
                          direction: Sequence[float] | np.ndarray = (0, 0, 1)) -> np.ndarray:
    """The polarization vector J = Br(temperature_C) * unit(direction) in **T** (float64 array of
    shape (3,)), for magpylib 5 and later: ``magpylib.magnet.Cuboid(polarization=J, ...)``
    (magpylib's ``polarization`` is in T, ``magnetization`` in A/m).

    magpylib models a magnet as homogeneously magnetized with mu_r = 1, so the remanence is the
    polarization to give; the recoil permeability is not represented. A direction that is not a
    finite, non-zero 3-vector raises ``ValueError``.
    """
    unit = _unit_vector(direction)
    return magnet.properties(temperature_C).remanence * unit


def magpylib_magnetization(magnet: Magnet, temperature_C: float = 20.0,
                           direction: Sequence[float] | np.ndarray = (0, 0, 1)) -> np.ndarray:
    """The magnetization vector M = J / mu0 in **A/m** (magpylib's ``magnetization=``), with J
    from :func:`magpylib_polarization` and mu0 = magmat's ``VACUUM_PERMEABILITY`` (CODATA 2018;
    magpylib takes scipy's mu0, which may be a later CODATA value differing by ~1e-9 relative)."""
    return magpylib_polarization(magnet, temperature_C, direction) / VACUUM_PERMEABILITY


def magpylib_susceptibility(magnet: Magnet, temperature_C: float = 20.0) -> float:
    """The magnet's reversible susceptibility chi = mu_rec - 1 (dimensionless) at temperature_C,
    what magpylib-material-response takes as ``susceptibility``: above the knee the magnet is
    J = J0 + chi mu0 H along its easy axis (the recoil line of the demagnetization curve)."""
    return float(magnet.properties(temperature_C).recoil_permeability) - 1.0


def magpylib_demagnetize(collection: Any, magnet: Magnet, temperature_C: float = 20.0, **options: Any) -> Any:
    """magpylib sources (a ``magpylib.Collection`` or one magnet) with the recoil permeability that
    magpylib drops: the self-consistent polarizations of magpylib-material-response's
    ``apply_demag`` (optional package, Python >= 3.11) with ``susceptibility`` =
    :func:`magpylib_susceptibility` for every cell. Give the sources their remanent polarization
    first (:func:`magpylib_polarization`) and mesh them (its ``meshing`` module) for non-uniform
    fields; ``options`` go to ``apply_demag`` unchanged (it returns a demagnetized copy unless
    ``inplace=True``). The response is linear, so it holds while no cell is driven past its knee
    (check with :meth:`Magnet.irreversible_loss`), and isotropic, the recoil permeability standing
    for the perpendicular one too. Without the package: ``ImportError`` naming it."""
    try:
        # Any: the optional package is not typed for callers.
        apply_demag: Any = importlib.import_module("magpylib_material_response.demag").apply_demag
    except ImportError as e:
        raise ImportError("magpylib_demagnetize needs the optional package magpylib-material-response "
                          "(pip install magpylib-material-response; Python >= 3.11)") from e
    chi = magpylib_susceptibility(magnet, temperature_C)
    return apply_demag(collection, susceptibility=chi, **options)


# --- CSV ----------------------------------------------------------------------------------


def demag_curve_csv(magnet: Magnet, temperature_C: float = 20.0, points: int = 200,
                    path: PathLike | None = None) -> str:
    """The major demagnetization curve at ``temperature_C`` (degrees Celsius) as CSV text
    (RFC 4180 style, comma-separated, ``\\n`` line ends): a header line ``H_A_per_m,B_T,J_T`` and
    one row per sample -- internal field H in **A/m** (0 down to -HcJ), flux density B and
    polarization J in **T** -- with each float written as its shortest round-trip ``repr``, so
    ``float(text)`` gives back the identical double. ``points`` samples (the core checks the
    count). Written to ``path`` as well when given, atomically (temporary file in the same folder,
    then ``os.replace``). Returns the text.
    """
    curve = magnet.demag_curve(temperature_C=temperature_C, points=points)
    columns = (np.asarray(curve.H, dtype=float), np.asarray(curve.B, dtype=float), np.asarray(curve.J, dtype=float))
    table = Table([Column(key, key, unit) for key, unit in zip(CSV_HEADER, ("A/m", "T", "T"))],
                  [dict(zip(CSV_HEADER, (float(h), float(b), float(j)))) for h, b, j in zip(*columns)])
    text = table.to_csv()  # the csv module writes each float as its repr
    if path is not None:
        _atomic_write_text(path, text)
    return text
