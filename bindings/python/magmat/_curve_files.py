"""Reading measured demagnetization curves from CSV files (``magmat.read_curves``; private module).

A file has one header line naming three columns with their units in brackets, then one point
per line, the curves of all temperatures in one table (docs/curves.md)::

    T [degC], H [kA/m], J [T]
    20, 0, 1.32
    20, -100, 1.315
    ...

* ``T``: the temperature of the curve (degC, K or degF);
* ``H``: the internal field, negative in the second quadrant (A/m, kA/m, Oe, kOe, ...);
* ``J`` (polarization) or ``B`` (flux density), one of them (T, mT, G, kG, ...).

Units are read by ``magmat.convert`` (the one table of unit factors); a column without a unit,
an unknown unit or a unit of the wrong quantity is a ``DomainError`` naming the column. Lines
that are empty or start with ``#`` are skipped; columns may come in any order, separated by
commas, semicolons or tabs.
"""

from __future__ import annotations

import csv
import os
import re
from typing import Dict, List, Tuple, Union

import numpy as np

from ._core import DomainError, ParseError, UnknownNameError, convert

PathLike = Union[str, "os.PathLike[str]"]

# A header cell: a name, then its unit in [] or ().
_HEADER_CELL = re.compile(r"^\s*([A-Za-z][A-Za-z_ ]*?)\s*(?:\[(.*)\]|\((.*)\))?\s*$")
# What each column may be called, and the SI unit it is read in.
_COLUMNS = {
    "t": ("T", "degC"), "temperature": ("T", "degC"),
    "h": ("H", "A/m"), "field": ("H", "A/m"),
    "j": ("J", "T"), "polarization": ("J", "T"), "polarisation": ("J", "T"),
    "b": ("B", "T"), "flux density": ("B", "T"), "induction": ("B", "T"),
}
_EXAMPLE_UNITS = {"T": "degC", "H": "kA/m", "J": "T", "B": "T"}


def _columns(header: List[str], where: str) -> Dict[str, Tuple[int, str]]:
    """{'T'|'H'|'J'|'B': (index, unit)} from the header, or DomainError naming the cell."""
    found: Dict[str, Tuple[int, str]] = {}
    for index, cell in enumerate(header):
        if not cell.strip():
            continue
        match = _HEADER_CELL.match(cell)
        name = match.group(1).strip().lower() if match else ""
        if match is None or name not in _COLUMNS:
            raise DomainError(f"{where}: header column {index + 1} {cell.strip()!r} is none of T, H, J, B "
                              "(write e.g. 'T [degC], H [kA/m], J [T]')")
        symbol, si_unit = _COLUMNS[name]
        unit = (match.group(2) or match.group(3) or "").strip()
        if not unit:
            raise DomainError(f"{where}: column {symbol} ({cell.strip()!r}) has no unit; write it with its unit "
                              f"in brackets, e.g. '{symbol} [{_EXAMPLE_UNITS[symbol]}]'")
        try:
            convert(1.0, unit, si_unit)
        except (DomainError, ParseError, UnknownNameError) as exc:
            raise DomainError(f"{where}: column {symbol}: unit {unit!r} cannot be read as {si_unit}: {exc}") from None
        if symbol in found:
            raise DomainError(f"{where}: column {symbol} appears twice in the header")
        found[symbol] = (index, unit)
    for symbol in ("T", "H"):
        if symbol not in found:
            raise DomainError(f"{where}: the header has no {symbol} column (expected T, H and one of J, B)")
    if ("J" in found) == ("B" in found):
        raise DomainError(f"{where}: the header must have exactly one of a J (polarization) and a B (flux density) "
                          "column")
    return found


def read_curves(path: PathLike) -> Tuple[Dict[float, Tuple[np.ndarray, np.ndarray]], str]:
    """Reads measured demagnetization curves from a CSV file (format in docs/curves.md).

    Returns ``(curves, kind)``: ``curves`` maps each temperature (degC) to ``(H, values)``, NumPy
    arrays in SI (H in A/m, values in T) in the file's order; ``kind`` is ``"J"`` or ``"B"``, the
    quantity of the values. Both go straight to :meth:`magmat.Magnet.fit_curves`::

        curves, kind = mm.read_curves("supplier.csv")
        magnet = mm.Magnet.fit_curves(curves, family="ndfeb_sintered", kind=kind)

    Raises ``DomainError`` naming the file, line and column for a header without units or
    with an unknown one, a cell that is not a number, a line with too few cells, and a file with
    no points; ``OSError`` when the file cannot be read.
    """
    where = os.fspath(path)
    if isinstance(where, bytes):
        where = os.fsdecode(where)
    with open(where, newline="", encoding="utf-8-sig") as f:
        text = f.read()
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise DomainError(f"{where}: no header and no points")
    dialect = ","
    first = lines[0][1]
    for candidate in (",", ";", "\t"):
        if candidate in first:
            dialect = candidate
            break
    rows = list(csv.reader([line for _, line in lines], delimiter=dialect))
    columns = _columns(rows[0], f"{where}, line {lines[0][0]}")
    kind = "J" if "J" in columns else "B"
    order = ("T", "H", kind)
    raw: Dict[str, List[float]] = {symbol: [] for symbol in order}
    for (number, _), row in zip(lines[1:], rows[1:]):
        for symbol in order:
            index, _unit = columns[symbol]
            if index >= len(row) or not row[index].strip():
                raise DomainError(f"{where}, line {number}: no value in column {symbol}")
            try:
                value = float(row[index])
            except ValueError:
                raise DomainError(f"{where}, line {number}: column {symbol} holds {row[index].strip()!r}, "
                                  "not a number") from None
            if not np.isfinite(value):
                raise DomainError(f"{where}, line {number}: column {symbol} holds {row[index].strip()!r}, "
                                  "not a finite number")
            raw[symbol].append(value)
    if not raw["T"]:
        raise DomainError(f"{where}: a header but no points")
    si = {symbol: np.asarray(convert(np.asarray(raw[symbol]), columns[symbol][1], _COLUMNS[symbol.lower()][1]),
                             dtype=float)
          for symbol in order}
    curves: Dict[float, Tuple[np.ndarray, np.ndarray]] = {}
    # One curve per temperature as written (rounded to 1e-9 degC against unit-conversion noise).
    temperatures = np.round(si["T"], 9)
    for t in dict.fromkeys(temperatures.tolist()):
        mask = temperatures == t
        curves[float(t)] = (si["H"][mask], si[kind][mask])
    return curves, kind
