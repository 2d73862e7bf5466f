"""Model against published figures: the validation set of ``materials/validation/`` (embedded at
build time) evaluated by the model, with residuals.

Each figure names a magnet (a composition and process, or "the least bulk Dy that reaches an HcJ
at 20 degC"), a quantity (``beta`` and ``alpha`` in %/K over an interval, ``ratio`` HcJ(T)/HcJ(20
degC), ``remanence`` in T, ``dy_mass_percent``), the published value with the text as printed and
its source, and its role: ``calibration`` (the process was fitted to it), ``validation`` (never
fitted to) or ``report`` (shown without a tolerance). A figure the model is known to miss says
so (``expected: outside`` with the reason) instead of being pinned quietly.

``validation_report()`` returns a :class:`ValidationReport` (rows of plain values; ``to_dataframe()``
for pandas); ``grade_coefficient_report()`` lists beta(HcJ) over 20-150 degC of every shipped
sintered NdFeB grade against its own printed value or its coercivity class's.
"""

from __future__ import annotations

import functools
import json
import math

import os
from typing import Any, Iterator, Mapping, Sequence, Union, overload

from . import _core
from .table import Column, Table

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]

#: The quantities a figure may name, with the unit its model and published values are given in.
QUANTITY_UNITS = {"beta": "%/K", "alpha": "%/K", "ratio": "1", "remanence": "T", "intrinsic_coercivity": "kA/m",
                  "coercivity_gain": "1", "dy_mass_percent": "%"}
ROLES = ("calibration", "validation", "report")


class ValidationReport(Sequence[Mapping[str, Any]]):
    """Rows of model against published values (one dict per figure), printable as a table."""

    COLUMNS = ("id", "role", "quantity", "unit", "model", "published", "residual", "tolerance", "within",
               "expected", "source", "printed")

    def __init__(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self._rows = list(rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Mapping[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Mapping[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> Mapping[str, Any] | Sequence[Mapping[str, Any]]:
        return self._rows[index]

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        return iter(self._rows)

    def row(self, figure_id: str) -> Mapping[str, Any]:
        """The row of a figure by its id (KeyError naming the known ids otherwise)."""
        for r in self._rows:
            if r["id"] == figure_id:
                return r
        raise KeyError(f"no validation figure {figure_id!r}; known: {', '.join(r['id'] for r in self._rows)}")

    #: The columns the text shows; the others are carried in records, CSV and DataFrames.
    SHOWN = ("id", "role", "unit", "model", "published", "residual", "tolerance", "within", "source")

    def to_table(self) -> Table:
        """The rows as a magmat.Table (each row's values are in its own ``unit``)."""
        return Table([Column(key, key, hidden=key not in self.SHOWN) for key in self.COLUMNS], self._rows)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the rows (needs pandas)."""
        return self.to_table().to_dataframe()

    def to_text(self, width: int = 200) -> str:
        """The table as aligned text (the output of ``magmat validate``)."""
        return self.to_table().to_text(width=width, max_cell_width=60)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return f"ValidationReport({len(self._rows)} figures)"


def _to_si(value: float, unit: str, si: str) -> float:
    return float(_core.convert(value, unit, si))


def _least_dy_magnet(target_a_per_m: float, process: str) -> _core.Magnet:
    """The least bulk Dy (wt%, replacing Nd in Nd31Fe68B1) at which HcJ(20 degC) reaches the target."""

    def magnet(dy: float) -> _core.Magnet:
        composition = {"Nd": 31.0 - dy, "Fe": 68.0, "B": 1.0}
        if dy > 0.0:
            composition["Dy"] = dy
        return _core.Magnet.from_composition(composition, process)

    if magnet(0.0).intrinsic_coercivity(20.0) >= target_a_per_m:
        return magnet(0.0)
    low, high = 0.0, 31.0 * 0.75
    if magnet(high).intrinsic_coercivity(20.0) < target_a_per_m:
        raise _core.InfeasibleError(f"no bulk Dy up to {high:g} wt% reaches {target_a_per_m / 1e3:.0f} kA/m at 20 degC")
    while high - low > 1e-6:
        mid = 0.5 * (low + high)
        if magnet(mid).intrinsic_coercivity(20.0) < target_a_per_m:
            low = mid
        else:
            high = mid
    return magnet(high)


def _magnet_of(spec: Mapping[str, Any], where: str) -> _core.Magnet:
    process = spec.get("process", "sintered")
    if "composition" in spec:
        composition = spec["composition"]  # wt% by element, or a formula such as "SmCo5"
        return _core.Magnet.from_composition(composition if isinstance(composition, str) else dict(composition), process)
    if "strategy" in spec:  # a strategy's magnet at a level (wt%; 0 for a fixed strategy)
        return _core.strategy_magnet(spec["strategy"], float(spec.get("level", 0.0)) / 100.0)
    if "least_dy_for" in spec:
        target = spec["least_dy_for"]
        return _least_dy_magnet(_to_si(float(target["value"]), target["unit"], "A/m"), process)
    raise _core.DataError(f"{where}: /magnet: give 'composition', 'strategy' or 'least_dy_for'")


def _model_value(magnet: _core.Magnet, figure: Mapping[str, Any], where: str) -> float:
    quantity = figure["quantity"]
    if quantity in ("beta", "alpha"):
        c = magnet.reversible_coefficients(from_C=float(figure["from_C"]), to_C=float(figure["to_C"]))
        return 100.0 * (c.intrinsic_coercivity if quantity == "beta" else c.remanence)
    if quantity == "ratio":
        return float(magnet.intrinsic_coercivity(float(figure["to_C"])) / magnet.intrinsic_coercivity(float(figure["from_C"])))
    if quantity == "remanence":
        return float(magnet.remanence(float(figure.get("to_C", 20.0))))
    if quantity == "intrinsic_coercivity":
        return float(magnet.intrinsic_coercivity(float(figure.get("to_C", 20.0)))) / 1e3
    if quantity == "coercivity_gain":  # HcJ of the magnet over HcJ of its base (e.g. before diffusion)
        if "base" not in figure:
            raise _core.DataError(f"{where}: /base: coercivity_gain needs the base magnet")
        at = float(figure.get("to_C", 20.0))
        base = _magnet_of(figure["base"], where + "/base")
        return float(magnet.intrinsic_coercivity(at) / base.intrinsic_coercivity(at))
    if quantity == "dy_mass_percent":
        return 100.0 * magnet.composition.mass_fraction("Dy")
    raise _core.DataError(f"{where}: /quantity: unknown quantity {quantity!r}; known: {', '.join(QUANTITY_UNITS)}")


def _row(figure: Mapping[str, Any], where: str) -> dict[str, Any]:
    for key in ("id", "magnet", "quantity", "published", "role"):
        if key not in figure:
            raise _core.DataError(f"{where}: /{key}: required field is missing")
    if figure["role"] not in ROLES:
        raise _core.DataError(f"{where}: /role: expected one of {', '.join(ROLES)}, got {figure['role']!r}")
    unit = QUANTITY_UNITS.get(figure["quantity"])
    if unit is None:
        raise _core.DataError(f"{where}: /quantity: unknown quantity {figure['quantity']!r}")
    published = figure["published"]
    if published.get("unit") != unit:
        raise _core.DataError(f"{where}: /published/unit: expected {unit!r} for {figure['quantity']}")
    magnet = _magnet_of(figure["magnet"], where)
    model = _model_value(magnet, figure, where)
    value = float(published["value"])
    residual = model - value
    tolerance = figure.get("tolerance")
    within = None
    tolerance_text = None
    if tolerance is not None:
        if tolerance["unit"] == "%":
            within = abs(residual) <= abs(value) * float(tolerance["value"]) / 100.0
            tolerance_text = f"{tolerance['value']:g} %"
        else:
            if tolerance["unit"] != unit:
                raise _core.DataError(f"{where}: /tolerance/unit: expected {unit!r} or '%'")
            within = abs(residual) <= float(tolerance["value"])
            tolerance_text = f"{tolerance['value']:g} {unit}"
    return {
        "id": figure["id"], "role": figure["role"], "quantity": figure["quantity"], "unit": unit,
        "model": model, "published": value, "residual": residual, "tolerance": tolerance_text, "within": within,
        "expected": figure.get("expected", "within" if tolerance is not None else None),
        "source": published.get("source", ""), "printed": published.get("printed", ""),
        "description": figure.get("description", ""), "why": figure.get("why", ""),
        # the magnet class the figure speaks for (what validation_for matches on)
        "family": magnet.family, "process": magnet.process,
    }


class _RepeatedKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all distinct: JSON leaves a repeated key undefined and Python's
    parser would keep the last one silently (the library's loader refuses it too)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _RepeatedKey(key)
        out[key] = value
    return out


def _figures_of(text: str, where: str) -> list[dict[str, Any]]:
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys)
    except _RepeatedKey as repeated:
        raise _core.DataError(f"{where}: key \"{repeated}\" appears twice in one object") from None
    except json.JSONDecodeError as exc:
        raise _core.DataError(f"{where}: not valid JSON: {exc}") from None
    except RecursionError:  # Python's parser recurses per level, like the library's 64-level cap
        raise _core.DataError(f"{where}: nested too deeply to be a validation file") from None
    if not isinstance(document, dict) or document.get("schema") != "magmat-validation/1":
        raise _core.DataError(f"{where}: /schema: expected \"magmat-validation/1\"")
    figures = document.get("figures")
    if not isinstance(figures, list):
        raise _core.DataError(f"{where}: /figures: expected an array")
    return figures


def validation_report(path: PathLike | None = None) -> ValidationReport:
    """Model against published for every figure of the shipped validation set, or of the user's
    file ``path`` (the format of ``materials/validation/*.json``)."""
    if path is None:
        sources = [(f"materials/{name}", text) for name, text in _core._embedded_data_files("validation/")]
    else:
        # the library's one reader: regular file, size cap, UTF-8 checked, DataError naming the path
        sources = [(os.fsdecode(path), _core._read_data_file(path))]
    rows = []
    for where, text in sources:
        for i, figure in enumerate(_figures_of(text, where)):
            rows.append(_row(figure, f"{where}: /figures/{i}"))
    return ValidationReport(rows)


def grade_coefficient_report() -> ValidationReport:
    """beta(HcJ) over 20-150 degC of every shipped sintered NdFeB grade (as the catalog models it)
    against its own printed beta or, where its page prints none, its coercivity class's; tolerance
    0.06 %/K. Grades whose class has no published beta are listed with ``published`` None."""
    classes = {c["letter"]: c for c in _core.coercivity_classes()}
    rows = []
    for grade in _core.Catalog.default().find(family="ndfeb_sintered"):
        model = 100.0 * grade.reversible_coefficients(from_C=20.0, to_C=150.0).intrinsic_coercivity
        printed = grade.datasheet["temperature_coefficients"]["intrinsic_coercivity"] \
            if grade.datasheet.get("temperature_coefficients") else None
        letter = _core.coercivity_letter(grade.name)
        cls = classes.get(letter)
        if printed is not None:
            published, source = 100.0 * printed, grade.datasheet["temperature_coefficients"]["source"]
        elif cls is not None and cls["intrinsic_coercivity_coefficient"] is not None:
            published, source = 100.0 * cls["intrinsic_coercivity_coefficient"], cls["coefficient_source"]
        else:
            published, source = None, ""
        residual = None if published is None else model - published
        rows.append({
            "id": grade.name, "role": f"class {cls['name'] if cls else letter or 'N'}", "quantity": "beta",
            "unit": "%/K", "model": model, "published": published, "residual": residual,
            "tolerance": "0.06 %/K" if published is not None else None,
            "within": None if residual is None else abs(residual) <= 0.06,
            "expected": "within" if published is not None else None, "source": source,
            "printed": grade.coercivity_coefficient_basis, "description": "", "why": "",
        })
    return ValidationReport(rows)


@functools.lru_cache(maxsize=1)
def _shipped_report() -> ValidationReport:
    return validation_report()


def validation_for(magnet: _core.Magnet) -> ValidationReport:
    """The shipped figures with role ``validation`` (never fitted to) whose magnet is of the same
    class as ``magnet``: the same phase family and process. What a design-study row's
    ``validation`` shows: how far the model of that class is from published data. An empty report
    means no figure covers the class."""
    return ValidationReport([r for r in _shipped_report() if r["role"] == "validation"
                             and r["family"] == magnet.family and r["process"] == magnet.process])


def grade_rating_report() -> ValidationReport:
    """The computed rating (``Magnet.rated_temperature``: L/D = 0.7 cylinder, no external field, no
    part past its knee) of every shipped grade whose datasheet prints a maximum operating
    temperature, against that temperature; tolerance 15 K. Nothing was fitted to these figures.
    A grade whose model range ends before any part crosses its knee (the ferrites' 250 degC) has
    ``within`` None and role "range end": the model gives no limit to compare; one already past
    its knee at the pole faces at 20 degC has role "knee at 20 degC" and model NaN."""
    rows = []
    for grade in _core.Catalog.default():
        printed = grade.datasheet["max_operating_temperature_C"]
        if printed is None:
            continue
        try:
            rated = grade.rated_temperature()
            model, ended, role = rated["temperature_C"], rated["limited_by"] == "model_range", grade.family
            if ended:
                role = "range end"
        except _core.InfeasibleError:  # past its knee at the pole faces already at 20 degC
            model, ended, role = math.nan, True, "knee at 20 degC"
        residual = model - printed
        rows.append({
            "id": grade.name, "role": role, "quantity": "max_operating_temperature",
            "unit": "degC", "model": model, "published": printed, "residual": residual,
            "tolerance": None if ended else "15 K", "within": None if ended else abs(residual) <= 15.0,
            "expected": None, "source": grade.datasheet["remanence"]["source"], "printed": "", "description": "", "why": "",
        })
    return ValidationReport(rows)

