"""One table model for every report: columns with a key, a label, a unit and a source, and rows
of SI values; one renderer each for text, HTML, CSV, JSON and pandas DataFrames.

Values are stored in the column's unit (SI: T, A/m, J/m3, kg, a fraction as "1") under the
column's snake_case key, which is what CSV, JSON and DataFrames carry. Text and HTML show each
number in a display unit (kA/m and kJ/m3 in SI, kG, kOe and MGOe in cgs), converted by
:func:`magmat.convert`, the one source of conversion factors.

Text tables are drawn by ``tabulate`` when it is installed (``pip install magmat[tables]``), by a
minimal built-in renderer otherwise; wide tables are split into blocks that fit the width, each
repeating the first column, and long text is wrapped.
"""

from __future__ import annotations

import csv
import html
import io
import importlib
import json
import math
import textwrap
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Sequence

from . import _core

__all__ = ["Column", "Table", "DISPLAY_UNITS", "PROPERTY_COLUMNS", "CATALOG_COLUMNS", "catalog_table", "study_table",
           "rare_earth_content_table"]

#: The unit a value stored in an SI unit is shown in, for ``units="si"`` and ``units="cgs"``:
#: kA/m and kJ/m3 as datasheets print them, kG, kOe and MGOe as the magnet industry does.
DISPLAY_UNITS: dict[str, tuple[str, str]] = {
    "T": ("T", "kG"),
    "A/m": ("kA/m", "kOe"),
    "J/m3": ("kJ/m3", "MGOe"),
}

_UNIT_SYSTEMS = {"si": 0, "cgs": 1}


def _system(units: str) -> int:
    """0 for SI, 1 for cgs; any other name is a DomainError naming the argument."""
    index = _UNIT_SYSTEMS.get(units.lower()) if isinstance(units, str) else None
    if index is None:
        raise _core.DomainError(f"units must be 'si' or 'cgs', got {units!r}")
    return index


def _numpy_kind(value: Any) -> str | None:
    """The dtype kind of a NumPy scalar ('f', 'i', 'u', 'b', ...), None for anything else."""
    if getattr(value, "ndim", None) != 0:
        return None
    kind = getattr(getattr(value, "dtype", None), "kind", None)
    return kind if isinstance(kind, str) else None


def _is_number(value: Any) -> bool:
    """A number of a cell: int or float (a flag is not one), or a NumPy scalar of either."""
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or _numpy_kind(value) in ("f", "i", "u")


def _is_flag(value: Any) -> bool:
    return isinstance(value, bool) or _numpy_kind(value) == "b"


def _missing(value: Any) -> bool:
    return value is None or (_is_number(value) and math.isnan(float(value)))


def strict_json(value: Any) -> Any:
    """`value` with every non-finite number (a missing one) as None and NumPy scalars as plain
    floats, dicts and lists walked: what RFC 8259 JSON can hold."""
    if isinstance(value, Mapping):
        return {key: strict_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict_json(item) for item in value]
    if isinstance(value, (bool, int, str)) or value is None:
        return value
    if _numpy_kind(value) == "b":
        return bool(value)
    if _numpy_kind(value) in ("i", "u"):
        return int(value)
    number = float(value)
    return number if math.isfinite(number) else None


@dataclass(frozen=True)
class Column:
    """One column: its snake_case ``key`` (the CSV, JSON and DataFrame name), a ``label`` for
    people in which ``{unit}`` is the shown unit, the ``unit`` its values are stored in (as
    :func:`magmat.convert` spells it; ``""`` for text, flags and counts), the ``display`` unit
    that text and HTML show in both unit systems (``"%"`` for a fraction; ``""``: the unit of
    :data:`DISPLAY_UNITS`, or ``unit``), the ``source`` of its values (a references.json key),
    ``decimals`` (fixed decimals in text; None: 4 significant digits) and ``hidden`` (carried in
    CSV, JSON and DataFrames, not shown in text or HTML). A unit nothing converts may be one
    convert() does not know (``"t"`` per year in a key ``..._t_per_year``)."""

    key: str
    label: str = ""
    unit: str = ""
    display: str = ""
    source: str = ""
    decimals: int | None = None
    hidden: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key:
            raise _core.DomainError(f"a table column needs a non-empty key, got {self.key!r}")
        if self.display and not self.unit:
            raise _core.DomainError(f"column {self.key!r}: display unit {self.display!r} without a stored unit")
        for system in _UNIT_SYSTEMS:  # a unit that cannot be shown fails here, not at rendering
            shown = self.shown_unit(system)
            if shown != self.unit and _core.si_unit(shown) != _core.si_unit(self.unit):
                raise _core.DomainError(f"column {self.key!r}: cannot show {self.unit!r} in {shown!r}")

    @classmethod
    def from_core(cls, column: _core.TableColumn) -> Column:
        """The column of a TableModel built by the C++ core."""
        return cls(column.key, column.label, column.unit, column.display_unit, column.source,
                   column.decimals if column.decimals >= 0 else None)

    def shown_unit(self, units: str = "si") -> str:
        """The unit text and HTML show this column in, for units 'si' or 'cgs'."""
        if self.display:
            return self.display
        pair = DISPLAY_UNITS.get(self.unit)
        return pair[_system(units)] if pair else self.unit

    def heading(self, units: str = "si") -> str:
        """The label with its {unit} filled in (the key where there is no label)."""
        return (self.label or self.key).replace("{unit}", self.shown_unit(units))

    def shown(self, value: float, units: str = "si") -> float:
        """An SI value of this column in its shown unit; missing and infinite values pass unchanged."""
        shown = self.shown_unit(units)
        if shown == self.unit or not math.isfinite(value):
            return value
        return float(_core.convert(value, self.unit, shown))

    def text(self, value: Any, units: str = "si") -> str:
        """A cell as text: '-' where missing, yes/no for a flag, numbers in the shown unit."""
        if _missing(value):
            return "-"
        if _is_flag(value):
            return "yes" if value else "no"
        if _is_number(value):
            whole = isinstance(value, int) or _numpy_kind(value) in ("i", "u")
            if whole and self.shown_unit(units) == self.unit:  # a count stays a count
                return str(int(value))
            return _format(self.shown(float(value), units), self.decimals)
        return str(value)


def _format(value: float, decimals: int | None) -> str:
    if decimals is not None:
        return f"{value:.{decimals}f}"
    return f"{value:.4g}" if abs(value) < 1e4 or not math.isfinite(value) else f"{value:.0f}"


class Table:
    """Columns and rows of SI values (one mapping per row, keyed by column key), with renderers.

    A row may leave a key out (shown as missing, absent from its JSON record); a key of a row
    that no column names gets a plain column of its own, after the given ones."""

    def __init__(self, columns: Sequence[Column], rows: Iterable[Mapping[str, Any]] = (), title: str = "") -> None:
        self._rows = []
        for index, row in enumerate(rows):
            if not isinstance(row, Mapping):
                raise TypeError(f"table row {index} must be a mapping of column keys to values, got {row!r}")
            self._rows.append(dict(row))
        given = list(columns)
        for column in given:
            if not isinstance(column, Column):
                raise TypeError(f"table columns must be magmat.Column, got {column!r}")
        keys = [c.key for c in given]
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        if repeated:
            raise _core.DomainError(f"table column keys appear twice: {', '.join(repeated)}")
        known = set(keys)
        for row in self._rows:
            for key in row:
                if not isinstance(key, str):
                    raise _core.DomainError(f"table row keys must be text, got {key!r}")
                if key not in known:
                    given.append(Column(key))
                    known.add(key)
        self._columns = tuple(given)
        self.title = title

    @classmethod
    def from_model(cls, model: _core.TableModel, title: str = "") -> Table:
        """The table of a TableModel the C++ core built (e.g. rare_earth_content_rows)."""
        columns = [Column.from_core(c) for c in model.columns]
        rows = [dict(zip((c.key for c in columns), cells)) for cells in model.rows]
        return cls(columns, rows, title)

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The rows (copies), SI values under the column keys."""
        return [dict(row) for row in self._rows]

    def column(self, key: str) -> Column:
        """The column of a key (a KeyError naming the keys otherwise)."""
        for c in self._columns:
            if c.key == key:
                return c
        raise _core.UnknownNameError(f"no table column {key!r}; columns: {', '.join(c.key for c in self._columns)}")

    def select(self, keys: Sequence[str], title: str | None = None) -> Table:
        """A table of these columns only, in this order (an UnknownNameError names a key no column has)."""
        columns = [self.column(key) for key in keys]
        rows = [{key: row[key] for key in keys if key in row} for row in self._rows]
        return Table(columns, rows, self.title if title is None else title)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __repr__(self) -> str:
        return f"Table({len(self._rows)} rows: {', '.join(c.key for c in self._columns)})"

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        return self.to_html(units="both")

    # --- machine formats: SI values under the keys ------------------------------------------

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row in column order, SI values, None where a number is missing (strict JSON)."""
        return [{c.key: strict_json(row[c.key]) for c in self._columns if c.key in row} for row in self._rows]

    def to_json(self, indent: int | None = 2) -> str:
        """The records as strict JSON (RFC 8259 has no NaN: a missing number is null)."""
        return json.dumps(self.to_records(), indent=indent, allow_nan=False)

    def to_csv(self) -> str:
        """CSV with the keys as header and SI values; a missing value is an empty field. No rows, no text."""
        if not self._rows:
            return ""
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=[c.key for c in self._columns], restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.to_records())
        return out.getvalue()

    def to_dataframe(self) -> Any:
        """A pandas DataFrame: one column per key, SI values, float64 (NaN where missing) for
        number columns; ``attrs`` holds each key's unit, label and source. Needs pandas."""
        try:
            # Any: pandas is optional and may have no stubs installed (pandas-stubs).
            pd: Any = importlib.import_module("pandas")
        except ImportError as exc:
            raise ImportError("Table.to_dataframe needs pandas: pip install pandas (or magmat[dataframe])") from exc
        data: dict[str, Any] = {}
        for c in self._columns:
            values = [row.get(c.key) for row in self._rows]
            if self._numeric(c):
                data[c.key] = pd.array([math.nan if v is None or _missing(v) else float(v) for v in values], dtype="float64")
            else:
                data[c.key] = values
        frame = pd.DataFrame(data, columns=[c.key for c in self._columns])
        frame.attrs["units"] = {c.key: c.unit for c in self._columns}
        frame.attrs["labels"] = {c.key: c.heading() for c in self._columns}
        frame.attrs["sources"] = {c.key: c.source for c in self._columns if c.source}
        return frame

    # --- for people: display units ------------------------------------------------------------

    def _numeric(self, column: Column) -> bool:
        """A column of numbers (flags and text excepted); an all-missing one counts when it has a unit."""
        values = [row.get(column.key) for row in self._rows if not _missing(row.get(column.key))]
        return all(_is_number(v) for v in values) and (bool(values) or column.unit != "")

    def _shown_columns(self) -> list[Column]:
        return [c for c in self._columns if not c.hidden]

    def to_text(self, units: str = "si", width: int = 120, max_cell_width: int = 40) -> str:
        """Aligned text in the display units of `units` ('si' or 'cgs'): the title, headings,
        a rule, one line per row. Columns that do not fit `width` characters go to further
        blocks, each repeating the first column; text longer than `max_cell_width` is wrapped."""
        _system(units)
        lines = [self.title] if self.title else []  # a title is one line, to be found whole
        columns = self._shown_columns()
        if not self._rows or not columns:
            return "\n".join(lines + ["(nothing matches)"]) + "\n"
        cells = {c.key: [_wrap(c.text(row.get(c.key), units), max_cell_width) for row in self._rows]
                 for c in columns}
        headings = {c.key: c.heading(units) for c in columns}
        widths = {c.key: max([len(headings[c.key]) + _HEADING_PADDING] + [len(line) for cell in cells[c.key]
                                                        for line in cell.split("\n")]) for c in columns}
        for number, block in enumerate(_blocks(columns, widths, width)):
            if number:
                lines.append("")
            lines.extend(_render_block([headings[c.key] for c in block],
                                       [[cells[c.key][i] for c in block] for i in range(len(self._rows))],
                                       ["right" if self._numeric(c) else "left" for c in block]))
        return "\n".join(lines) + "\n"

    def to_html(self, units: str = "both") -> str:
        """An HTML table (what Jupyter shows): units 'si' or 'cgs' give numbers under headings
        with their unit; 'both' writes each number in SI and, where it differs, the cgs unit
        beside it. Values and headings are escaped."""
        both = units == "both"
        if not both:
            _system(units)
        columns = self._shown_columns()

        def dual(c: Column) -> bool:  # a column whose SI and cgs units differ: both in each cell
            return both and bool(c.unit) and c.shown_unit("si") != c.shown_unit("cgs")

        def heading(c: Column) -> str:
            label = c.label or c.key
            if dual(c):
                return html.escape(label.replace(" ({unit})", "").replace("{unit}", ""))
            return html.escape(label.replace("{unit}", _pretty(c.shown_unit("si" if both else units))))

        def cell(c: Column, value: Any) -> str:
            if _missing(value):
                return "–"
            if not dual(c) or not _is_number(value):
                return html.escape(c.text(value, "si" if both else units))
            si, cgs = c.shown_unit("si"), c.shown_unit("cgs")
            return html.escape(f"{_with_unit(c.text(value, 'si'), _pretty(si))} "
                               f"({_with_unit(c.text(value, 'cgs'), _pretty(cgs))})")

        head = "".join(f"<th>{heading(c)}</th>" for c in columns)
        body = "".join("<tr>" + "".join(f"<td>{cell(c, row.get(c.key))}</td>" for c in columns) + "</tr>"
                       for row in self._rows)
        title = f"<b>{html.escape(self.title)}</b>" if self.title else ""
        return f"{title}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _with_unit(text: str, unit: str) -> str:
    return text if unit in ("", "1") or text == "-" else f"{text} {unit}"


def _pretty(unit: str) -> str:
    """A unit for people (HTML): convert() spells m³ and m² as m3 and m2."""
    return unit.replace("m3", "m³").replace("m2", "m²")


def _wrap(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


#: Room tabulate leaves beside each heading (its MIN_PADDING); the built-in renderer does the
#: same, so both draw the same table.
_HEADING_PADDING = 2


def _blocks(columns: list[Column], widths: Mapping[str, int], width: int) -> list[list[Column]]:
    """Columns in blocks no wider than `width` (two spaces between columns), each block after
    the first repeating the first column; a column wider than `width` gets a block alone."""
    first, rest = columns[0], columns[1:]
    blocks: list[list[Column]] = [[first]]
    used = widths[first.key]
    for c in rest:
        if used + 2 + widths[c.key] > width and len(blocks[-1]) > 1:
            blocks.append([first])
            used = widths[first.key]
        blocks[-1].append(c)
        used += 2 + widths[c.key]
    return blocks


def _render_block(headings: list[str], rows: list[list[str]], align: list[str]) -> list[str]:
    try:
        # Any: tabulate is optional and has no stubs of its own (types-tabulate).
        tabulate: Any = importlib.import_module("tabulate").tabulate
    except ImportError:
        return _plain_block(headings, rows, align)
    text = tabulate(rows, headers=headings, tablefmt="simple", colalign=align, disable_numparse=True)
    return [line.rstrip() for line in text.split("\n")]


def _plain_block(headings: list[str], rows: list[list[str]], align: list[str]) -> list[str]:
    """The text of one block without tabulate: headings, a rule, rows (a wrapped cell takes lines)."""
    split = [[cell.split("\n") for cell in row] for row in rows]
    widths = [max([len(h) + _HEADING_PADDING] + [len(line) for row in split for line in row[i]])
              for i, h in enumerate(headings)]

    def line(parts: list[str]) -> str:
        return "  ".join(p.rjust(w) if a == "right" else p.ljust(w) for p, w, a in zip(parts, widths, align)).rstrip()

    out = [line(headings), line(["-" * w for w in widths])]
    for row in split:
        for k in range(max(len(cell) for cell in row)):
            out.append(line([cell[k] if k < len(cell) else "" for cell in row]))
    return out


def rare_earth_content_table(rows: Sequence[tuple[str, _core.Composition]],
                             elements: Sequence[str] = ("Nd", "Sm", "Dy")) -> str:
    """Plain-text table of rare-earth mass content: wt% of each element in `elements`, then total,
    light and heavy rare earth (wt%), one row per (name, Composition), in the given order.

    The rows are built by the C++ core (``_core.rare_earth_content_rows``); :class:`Table`
    renders them. ``Table.from_model(magmat._core.rare_earth_content_rows(rows))`` gives the same
    rows for CSV, JSON or a DataFrame."""
    return Table.from_model(_core.rare_earth_content_rows(list(rows), list(elements))).to_text()


def _study_column(key: str) -> Column:
    """The unit and label of a Study.to_records() key, read from its name (the keys say their units)."""
    for suffix, label, unit, display in (("_mass_fraction", " wt%", "1", "%"), ("_kg_per_unit", " kg/unit", "kg", ""),
                                         ("_saving_t_per_year", " saved t/year", "t", ""),
                                         ("_t_per_year", " t/year", "t", "")):
        if key.endswith(suffix):
            return Column(key, key[: -len(suffix)].replace("_", " ") + label, unit, display=display)
    named = {"magnet_mass_kg": Column(key, "magnet kg", "kg"),
             "remanence_20C": Column(key, "Br at 20 degC ({unit})", "T"),
             "intrinsic_coercivity_at_T": Column(key, "HcJ at T ({unit})", "A/m")}
    return named.get(key, Column(key, key.replace("_", " ")))


def study_table(records: Sequence[Mapping[str, Any]]) -> Table:
    """The Table of a design study's records (``Study.to_records()``; ``Study.to_table()`` calls this)."""
    keys = list(dict.fromkeys(key for record in records for key in record))
    return Table([_study_column(key) for key in keys], records, "Design study")


#: A magnet's properties at one temperature, SI values under the keys of the command line's JSON.
PROPERTY_COLUMNS: tuple[Column, ...] = (
    Column("remanence_T", "Br ({unit})", "T"),
    Column("intrinsic_coercivity_A_per_m", "HcJ ({unit})", "A/m"),
    Column("normal_coercivity_A_per_m", "HcB ({unit})", "A/m"),
    Column("max_energy_product_J_per_m3", "(BH)max ({unit})", "J/m3"),
    Column("recoil_permeability", "μrec", "1"),
)


#: The columns of Catalog.to_records(), in order: SI values (temperatures in degC), each
#: grade's remanence source in ``source``.
CATALOG_COLUMNS: tuple[Column, ...] = (
    Column("name", "grade"), Column("family", "family"), Column("kind", "kind"), Column("aliases", "aliases"),
    Column("remanence", "Br ({unit})", "T"), Column("remanence_min", "Br min ({unit})", "T"),
    Column("remanence_max", "Br max ({unit})", "T"),
    Column("intrinsic_coercivity", "HcJ ({unit})", "A/m"),
    Column("intrinsic_coercivity_min", "HcJ min ({unit})", "A/m"),
    Column("normal_coercivity", "HcB ({unit})", "A/m"),
    Column("max_energy_product", "(BH)max ({unit})", "J/m3"),
    Column("max_energy_product_min", "(BH)max min ({unit})", "J/m3"),
    Column("max_energy_product_max", "(BH)max max ({unit})", "J/m3"),
    Column("remanence_coefficient", "alpha(Br) ({unit})", "1/K", display="%/K"),
    Column("intrinsic_coercivity_coefficient", "beta(HcJ) ({unit})", "1/K", display="%/K"),
    Column("coefficients_from_C", "coefficients from ({unit})", "degC"),
    Column("coefficients_to_C", "coefficients to ({unit})", "degC"),
    Column("max_operating_temperature_C", "max operating T ({unit})", "degC"),
    Column("curie_temperature_C", "Curie T ({unit})", "degC"),
    Column("density", "density ({unit})", "kg/m3", display="g/cm3"),
    Column("recoil_permeability", "μrec", "1"),
    Column("source", "source"),
)


def catalog_table(records: Sequence[Mapping[str, Any]]) -> Table:
    """The Table of a catalog's records (``Catalog.to_records()``; ``Catalog.to_table()`` calls this)."""
    return Table(CATALOG_COLUMNS, records, f"Catalog of {len(records)} grades")
