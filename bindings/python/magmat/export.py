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

import json
import math
import os
from typing import Any, Sequence, Union

import numpy as np

from ._core import VACUUM_PERMEABILITY, Magnet, _require_numbers
from ._files import write_text_atomically

__all__ = [
    "FEMM_MU0",
    "PYLEECAN_MU0",
    "CSV_HEADER",
    "femm_block",
    "femm_lua",
    "pyleecan_material",
    "write_pyleecan_json",
    "magpylib_polarization",
    "magpylib_magnetization",
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


def _femm_name(magnet: Magnet, name: str | None) -> str:
    text = magnet.name if name is None else name
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


def _femm_values(magnet: Magnet, temperature_C: float, name: str | None,
                 conductivity: float | None) -> dict[str, Any]:
    block_name = _femm_name(magnet, name)
    sigma = _femm_conductivity_MS_per_m(conductivity)
    br, mu_rec = _linear_magnet(magnet, temperature_C)
    return {
        "BlockName": block_name,
        "Mu_x": mu_rec,                       # relative permeability (linear material)
        "Mu_y": mu_rec,
        "H_c": br / (FEMM_MU0 * mu_rec),      # A/m: FEMM's B = mu0 mu_r (H + H_c)
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
        "BHPoints": 0,                        # linear: no B(H) table
    }


def femm_block(magnet: Magnet, temperature_C: float = 20.0, *, name: str | None = None,
               conductivity: float | None = None) -> str:
    """The magnet as a FEMM material block, as FEMM writes it in the ``[BlockProps]`` section of a
    magnetics ``.fem`` file (``<BeginBlock>`` ... ``<EndBlock>``, one ``<Key> = value`` per line,
    numbers as ``%.17g``).

    FEMM's linear permanent magnet: relative permeability ``Mu_x = Mu_y`` = the recoil
    permeability mu_rec at ``temperature_C`` (degrees Celsius), and coercivity
    ``H_c = Br / (mu0 * mu_rec)`` in **A/m** (mu0 = :data:`FEMM_MU0`, FEMM's 4 pi 1e-7 H/m), so
    that FEMM's B = mu0 mu_rec (H + H_c) gives B = Br at H = 0. This H_c is the straight recoil
    line's intercept; it equals the datasheet HcB only where the curve is straight down to HcB.
    The magnetization direction is not a material property in FEMM (it is set on each block
    label), so ``H_cAngle`` is 0.

    ``name``: the ``BlockName`` (default: ``magnet.name``); quotes, backslashes and control
    characters are rejected (FEMM writes the name between quotes without escaping).
    ``conductivity``: electrical conductivity in **S/m** (magmat's SI); written as ``Sigma`` in
    **MS/m**, FEMM's unit. ``None`` writes 0 (no eddy currents; enough for magnetostatics).

    Returns the block as text ending in a newline; put it under a ``[BlockProps] = N`` line.
    """
    values = _femm_values(magnet, temperature_C, name, conductivity)
    lines = ["  <BeginBlock>"]
    for key in _FEMM_KEYS:
        value = values[key]
        if key == "BlockName":
            text = f'"{value}"'
        elif isinstance(value, int):
            text = str(value)
        else:
            text = _g17(value)
        lines.append(f"    <{key}> = {text}")
    lines.append("  <EndBlock>")
    return "\n".join(lines) + "\n"


def femm_lua(magnet: Magnet, temperature_C: float = 20.0, *, name: str | None = None,
             conductivity: float | None = None) -> str:
    """The same material as a FEMM Lua call (FEMM 4.2 argument order):
    ``mi_addmaterial("name", mu_x, mu_y, H_c, J, Cduct, Lam_d, Phi_hmax, lam_fill, LamType,
    Phi_hx, Phi_hy, NStrands, WireD)`` -- 14 arguments: relative permeabilities, H_c in **A/m**,
    source current density J in **MA/m^2** (0), conductivity Cduct in **MS/m**, lamination
    thickness in mm (0), hysteresis angles in degrees (0), fill factor 1, lamination type 0,
    strands 0 and wire diameter in mm (0). Values as in :func:`femm_block` (``conductivity`` is
    given in S/m). Returns one line without a trailing newline.
    """
    v = _femm_values(magnet, temperature_C, name, conductivity)
    args = [
        f'"{v["BlockName"]}"',
        _g17(v["Mu_x"]), _g17(v["Mu_y"]), _g17(v["H_c"]), _g17(v["J_re"]), _g17(v["Sigma"]),
        _g17(v["d_lam"]), _g17(v["Phi_h"]), _g17(v["LamFill"]), str(v["LamType"]),
        _g17(v["Phi_hx"]), _g17(v["Phi_hy"]), str(v["NStrands"]), _g17(v["WireD"]),
    ]
    return "mi_addmaterial(" + ", ".join(args) + ")"


# --- pyleecan -----------------------------------------------------------------------------


def pyleecan_material(magnet: Magnet, temperature_C: float = 20.0, *, name: str | None = None,
                      coefficient_to_C: float | None = None) -> dict[str, Any]:
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
    * ``struct`` (``MatStructural``) with ``rho`` in **kg/m^3** only when the magnet's datasheet
      gives a density; otherwise it is left out and pyleecan applies its own default.
    * ``is_isotropic`` is true, as in pyleecan's shipped magnet materials.

    ``name``: the material name (default: ``magnet.name``).
    """
    to_C = coefficient_to_C
    if to_C is None:
        to_C = 150.0 if float(temperature_C) == 20.0 else float(temperature_C)
    brm20 = magnet.remanence(20.0)
    p = magnet.properties(temperature_C)
    alpha = magnet.reversible_coefficients(20.0, to_C).remanence
    mur = p.recoil_permeability
    mat_name = magnet.name if name is None else str(name)

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
            f"{float(temperature_C):g} degC, alpha_Br over 20 to {float(to_C):g} degC."
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
    density = _datasheet_density(magnet)
    if density is not None:
        material["struct"] = {"__class__": "MatStructural", "rho": density}
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
                        name: str | None = None, coefficient_to_C: float | None = None) -> dict[str, Any]:
    """Writes :func:`pyleecan_material` to ``path`` as strict JSON (UTF-8, sorted keys, no NaN),
    atomically (a temporary file in the same folder, then ``os.replace``). Returns the dict."""
    material = pyleecan_material(magnet, temperature_C, name=name, coefficient_to_C=coefficient_to_C)
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
    lines = [",".join(CSV_HEADER)]
    lines.extend(",".join(repr(float(x)) for x in row) for row in zip(*columns))
    text = "\n".join(lines) + "\n"
    if path is not None:
        _atomic_write_text(path, text)
    return text
