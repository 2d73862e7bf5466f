"""The ``magmat`` command line (also ``python -m magmat``).

Subcommands: ``content``, ``convert``, ``grades``, ``show``, ``validate``, ``compare`` (the main job). SI output by
default, ``--units cgs`` for kG/kOe/MGOe, ``--json`` or ``--csv`` for machines. Every bad argument
gets a one-line error and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import sys
from typing import Any, NoReturn, Sequence, Union

import magmat as mm
from magmat._files import check_target
import magmat.table
from magmat.table import Column, Table, strict_json

#: The reference phases whose rare-earth content ``magmat content`` prints by default.
REFERENCE_FORMULAS = ("Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5", "Sm2Co17", "SrFe12O19")

_QUANTITY = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")


class UsageError(ValueError):
    """A command-line argument that cannot be read."""


#: Temperature unit spellings of the command line, in mm.convert's names.
_TEMPERATURE_UNITS = {"C": "degC", "°C": "degC", "F": "degF", "°F": "degF"}


def quantity(text: str, si_unit: str, default_unit: str) -> float:
    """'1600kA/m' -> 1.6e6 in `si_unit` (converted by mm.convert, the one source of factors); a bare
    number takes `default_unit`; 'C' and 'F' mean degC and degF."""
    match = _QUANTITY.match(text)
    if not match:
        raise UsageError(f"cannot read {text!r} as a number with a unit (e.g. 1600kA/m, 150C)")
    value, unit = float(match.group(1)), match.group(2) or default_unit
    return mm.convert(value, _TEMPERATURE_UNITS.get(unit, unit), si_unit)


def temperature(text: str) -> float:
    """Degrees Celsius from '150C', '150', '423K', '302F', '-40C'."""
    return mm.convert(quantity(text, "K", "degC"), "K", "degC")


def field(text: str) -> float:
    """A magnetic field strength in A/m from '300kA/m', '3.77kOe' or a bare number of A/m."""
    return quantity(text, "A/m", "A/m")


#: --shape kinds: the constructor and its dimensions, in the order and names of the Python API.
_SHAPES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "cylinder": (mm.Cylinder, ("length", "diameter")),
    "block": (mm.Block, ("length", "width", "height")),
    "ring": (mm.Ring, ("length", "outer_diameter", "inner_diameter")),
}


def shape(text: str) -> Any:
    """A shape from 'cylinder:length=7mm,diameter=10mm' (block: length, width, height; ring: length,
    outer_diameter, inner_diameter; magnetized along length; a bare number is metres)."""
    kind, _, dimensions = text.partition(":")
    if kind.strip().lower() not in _SHAPES:
        raise UsageError(f"--shape {text!r}: the kind must be one of {', '.join(_SHAPES)} "
                         "(e.g. cylinder:length=7mm,diameter=10mm)")
    make, names = _SHAPES[kind.strip().lower()]
    given: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in dimensions.split(","))):
        name, equals, value = part.partition("=")
        name = name.strip()
        if not equals or name not in names:
            raise UsageError(f"--shape {text!r}: {part!r} is not NAME=LENGTH with NAME one of {', '.join(names)}")
        if name in given:
            raise UsageError(f"--shape {text!r}: {name} is given twice")
        given[name] = quantity(value, "m", "m")
    missing = [n for n in names if n not in given]
    if missing:
        raise UsageError(f"--shape {text!r}: {kind} needs {', '.join(names)}; missing {', '.join(missing)}")
    return make(**given)


def shape_record(magnet_shape: Any) -> dict[str, Any]:
    """A shape as --json prints it: its kind and its dimensions in metres."""
    kind = type(magnet_shape).__name__.lower()
    return {"kind": kind, **{n: getattr(magnet_shape, n) for n in _SHAPES[kind][1]}}


# --- output -------------------------------------------------------------------------------
# Rows are SI values under snake_case keys (what --json and --csv print); magmat.Table renders
# them, showing numbers in the display units of --units (converted by mm.convert).

def print_json(document: Any) -> None:
    """Strict JSON (RFC 8259 has no NaN or Infinity): a value that is missing is null."""
    print(json.dumps(strict_json(document), indent=2, allow_nan=False))


def _text_width() -> int:
    """The terminal's width (COLUMNS where set), 120 characters when output goes to a pipe or file."""
    return max(40, shutil.get_terminal_size((120, 24)).columns)


def emit(rows: list[dict[str, Any]], args: argparse.Namespace, title: str = "",
         columns: Sequence[Column] = ()) -> None:
    """Prints rows as JSON, CSV, or the text table of `columns` (every key when none are given)."""
    print_table(Table(columns, rows, title), args)


def print_table(table: Table, args: argparse.Namespace) -> None:
    """The table as JSON or CSV (keys and SI values) or as text in the units of --units."""
    if args.json:
        print(table.to_json())
    elif args.csv:
        print(table.to_csv(), end="")
    else:
        print(table.to_text(units=getattr(args, "units", "SI"), width=_text_width()), end="")


#: The columns of properties_row: name and family, then Br, HcJ, HcB and (BH)max.
PROPERTY_COLUMNS: tuple[Column, ...] = (Column("name", "name"), Column("family", "family"),
                                        *magmat.table.PROPERTY_COLUMNS[:4])


def properties_row(magnet: mm.Magnet, temperature_C: float) -> dict[str, Any]:
    """The magnet's properties at temperature_C, SI values under snake_case keys."""
    p = magnet.properties(temperature_C)
    return {
        "name": magnet.name,
        "family": magnet.family,
        "remanence_T": p.remanence,
        "intrinsic_coercivity_A_per_m": p.intrinsic_coercivity,
        "normal_coercivity_A_per_m": p.normal_coercivity,
        "max_energy_product_J_per_m3": p.max_energy_product,
    }


# --- subcommands --------------------------------------------------------------------------

def _content(args: argparse.Namespace) -> int:
    formulas = args.formulas or list(REFERENCE_FORMULAS)
    compositions = [(f, mm.Composition.from_formula(f)) for f in formulas]
    for f in formulas:  # a wt% alloy written as a formula reads as atoms: say so (issue [13], item 3)
        reading = mm.formula_reading(f)
        if reading["probably_mass_percent"]:
            print(f"magmat: warning: {reading['advice']}", file=sys.stderr)
    # the C++ core builds the rows (SI fractions under snake_case keys); text, JSON and CSV render them
    print_table(Table.from_model(mm._core.rare_earth_content_rows(compositions, args.elements)), args)
    return 0


def _convert(args: argparse.Namespace) -> int:
    value = mm.convert(args.value, args.from_unit, args.to_unit)
    if args.json:
        print_json({"value": args.value, "from_unit": args.from_unit, "to_unit": args.to_unit, "result": value})
        return 0
    print(f"{args.value:g} {args.from_unit} = {value:.10g} {args.to_unit}")
    return 0


def _grades(args: argparse.Namespace) -> int:
    catalog = mm.Catalog.default()
    t = temperature(args.at)
    min_hcj = quantity(args.min_hcj, "A/m", "kA/m") if args.min_hcj else None
    min_bhmax = quantity(args.min_bhmax, "J/m3", "kJ/m3") if args.min_bhmax else None
    rows, skipped = [], []
    # family names are case-insensitive and "ndfeb" is every NdFeB family (Catalog.find)
    for g in catalog.find(family=args.family):
        # a grade whose model range ends below t is listed as skipped, not a failure of the list
        try:
            row = properties_row(g, t)
        except mm.DomainError as exc:
            skipped.append({"name": g.name, "family": g.family, "reason": str(exc).splitlines()[0]})
            continue
        if min_hcj is not None and not row["intrinsic_coercivity_A_per_m"] >= min_hcj:
            continue
        if min_bhmax is not None and not row["max_energy_product_J_per_m3"] >= min_bhmax:
            continue
        rows.append(row)
    if args.json:
        print_json({"temperature_C": t, "grades": rows, "skipped": skipped})
        return 0
    emit(rows, args, f"Catalog grades at {t:g} degC", PROPERTY_COLUMNS)
    if skipped and not args.csv:
        names = ", ".join(r["name"] for r in skipped)
        print(f"\nskipped {len(skipped)} grade(s) whose data do not reach {t:g} degC: {names}")
    return 0


def _show(args: argparse.Namespace) -> int:
    catalog = mm.Catalog.default()
    if args.grade not in catalog:
        hint = ", ".join(catalog.suggestions(args.grade))
        raise UsageError(f"no grade named {args.grade!r}; did you mean {hint}?")
    g = catalog[args.grade]
    t = temperature(args.at)
    external = field(args.external_field)
    row = properties_row(g, t)
    row["temperature_C"] = t
    columns = [*PROPERTY_COLUMNS, Column("temperature_C", "temperature ({unit})", "degC")]
    if args.pc is not None:
        op = g.operating_point(pc=args.pc, temperature_C=t, external_field=external)
        row.update({
            "permeance_coefficient": args.pc,
            "external_field_A_per_m": external,
            "operating_field_A_per_m": op.H,
            "operating_flux_density_T": op.B,
            "beyond_knee": op.beyond_knee,
            "irreversible_loss": g.irreversible_loss(pc=args.pc, temperature_C=t, external_field=external),
            "max_operating_temperature_C": g.max_operating_temperature(pc=args.pc, external_field=external),
        })
        columns += [
            Column("permeance_coefficient", unit="1", hidden=True),
            Column("external_field_A_per_m", "external field ({unit})", "A/m"),
            Column("operating_field_A_per_m", "H op ({unit})", "A/m"),
            Column("operating_flux_density_T", "B op ({unit})", "T"),
            Column("beyond_knee", "beyond knee"),
            Column("irreversible_loss", "irreversible loss ({unit})", "1", display="%"),
            Column("max_operating_temperature_C", "max operating T ({unit})", "degC"),
        ]
    elif external != 0.0:
        raise UsageError("--external-field needs --pc (the load line it shifts)")
    rated = g.rated_temperature()
    # the makers' rating computed (L/D = 0.7, onset), beside the datasheet's where it prints one
    row["rated_temperature_C"] = rated["temperature_C"]
    row["rated_temperature_limited_by"] = rated["limited_by"]
    row["datasheet_max_operating_temperature_C"] = rated["datasheet_C"]  # None (JSON null) where none is printed
    columns += [
        Column("rated_temperature_C", "rated T ({unit})", "degC"),
        Column("rated_temperature_limited_by", "rated T limited by"),
        Column("datasheet_max_operating_temperature_C", "datasheet max T ({unit})", "degC"),
    ]
    if args.json:
        print_json(row)
    else:
        emit([row], args, f"{g.name} ({g.family})", columns)
    if args.plot:
        from . import plot

        plot.demagnetization_curves(g, sorted({20.0, t}), pc=args.pc, external_field=external,
                                    units="cgs" if args.units == "cgs" else "SI", path=args.plot)
        print(f"plot written to {args.plot}", file=sys.stderr)
    return 0


def _coercivity_class_line(magnet: mm.Magnet) -> str:
    """Which sintered NdFeB coercivity class (materials/classes/ndfeb_sintered.json) the magnet's
    HcJ at 20 degC falls in: the class whose minimum it reaches, up to the next class's minimum."""
    hcj = magnet.properties(temperature_C=20).intrinsic_coercivity
    classes = sorted(mm.coercivity_classes(), key=lambda c: c["min_intrinsic_coercivity"])
    reached = [c for c in classes if hcj >= c["min_intrinsic_coercivity"]]
    if not reached:
        return (f"HcJ(20 degC) = {hcj / 1e3:.0f} kA/m, below every sintered class "
                f"(N from {classes[0]['min_intrinsic_coercivity'] / 1e3:.0f} kA/m)")
    top = reached[-1]
    higher = classes[len(reached)] if len(reached) < len(classes) else None
    span = (f"{top['min_intrinsic_coercivity'] / 1e3:.0f}-{higher['min_intrinsic_coercivity'] / 1e3:.0f} kA/m"
            if higher is not None else f">= {top['min_intrinsic_coercivity'] / 1e3:.0f} kA/m")
    return f"HcJ(20 degC) = {hcj / 1e3:.0f} kA/m, the {top['name']} class ({span})"


def _compare(args: argparse.Namespace) -> int:
    t = temperature(args.at)
    # --shape judges the magnet over its volume; otherwise one load line at --pc (default 2).
    if args.shape is not None and args.pc is not None:
        raise UsageError("give either --pc (one load line) or --shape (the magnet's volume), not both")
    magnet_shape = shape(args.shape) if args.shape is not None else None
    pc = None if magnet_shape is not None else (2.0 if args.pc is None else args.pc)
    if magnet_shape is None and args.field_kind != "applied":
        raise UsageError("--field-kind in_magnet needs --shape (the field is added inside its volume)")
    requirement = mm.Requirement(temperature_C=t, permeance=pc, shape=magnet_shape,
                                 external_field=field(args.external_field), external_field_kind=args.field_kind,
                                 max_irreversible_loss=args.max_loss)
    if args.demand is not None:
        if args.units_per_year is not None:
            raise mm.DomainError("give either --units-per-year or --demand, not both")
        if args.year is None:
            raise mm.DomainError(f"--demand {args.demand} needs --year (the year of the scenario to read)")
        scenario = mm.supply_scenario(args.demand)
        fleet = {"magnet_tonnes_per_year": scenario.at(args.year)}
        fleet_text = (f"{fleet['magnet_tonnes_per_year']:.6g} t of magnet/year ({args.demand} at {args.year:g}, "
                      f"source {scenario.source})")
    else:
        if args.year is not None:
            raise mm.DomainError("--year reads a --demand scenario; give --demand too")
        units = 1e6 if args.units_per_year is None else args.units_per_year
        fleet = {"units_per_year": units}
        fleet_text = f"{units:g} units/year"
    # --baseline: a strategy's name, else a catalog grade (the magnet used today), else a KeyError
    # that lists both.
    baseline_arg: Union[str, mm.Magnet] = args.baseline
    if args.baseline not in mm.strategy_names():
        catalog = mm.Catalog.default()
        if args.baseline not in catalog:
            hints = catalog.suggestions(args.baseline)
            raise mm.UnknownNameError(
                f"--baseline {args.baseline!r} is neither a strategy ({', '.join(mm.strategy_names())}) nor a "
                f"catalog grade" + (f" (did you mean {', '.join(hints)}?)" if hints else ""))
        baseline_arg = catalog[args.baseline]
    study = mm.design_study(requirement, magnet_mass_kg=args.mass_kg, **fleet,
                            pr_share=args.pr_share, baseline=baseline_arg, equal=args.equal)
    currency = study.currency
    rows: list[dict[str, Any]] = []
    for r in study:
        per_unit, per_year, saved = r.kg_per_unit, r.tonnes_per_year, r.saving_vs_baseline
        rows.append({
            "strategy": r.strategy,
            "feasible": r.feasible,
            "dy_mass_fraction": r.dy_mass_fraction,
            "tb_mass_fraction": r.tb_mass_fraction,
            "nd_mass_fraction": r.nd_mass_fraction,
            "magnet_mass_kg": r.magnet_mass_kg,
            "nd_kg_per_unit": per_unit.get("Nd", math.nan),
            "dy_tb_kg_per_unit": per_unit.get("Dy", math.nan) + per_unit.get("Tb", math.nan),
            **{f"{e.lower()}_t_per_year": per_year.get(e, math.nan) for e in ("Nd", "Pr", "Dy", "Tb", "Sm", "Co")},
            "dy_tb_saved_t_per_year": saved.get("Dy", math.nan) + saved.get("Tb", math.nan),
            "rare_earth_cost_per_kg": r.rare_earth_cost_per_kg,
            # None where an element has no price in the table (e.g. Cu): never counted as free
            "cost_per_kg": r.cost_per_kg,
            "policy": mm.check_policy(r.magnet).passes if r.magnet is not None else False,
            # confidence: how many [U] parameters the row rests on, and the class's validation figures
            "unconfirmed_parameters": sum(a["confidence"] == "U" for a in r.assumptions),
            "validated": _validated(r),
            "reason": r.reason,
        })
    rows.sort(key=lambda row: (not row["feasible"], -row["dy_tb_saved_t_per_year"]
                               if not math.isnan(row["dy_tb_saved_t_per_year"]) else 0.0))
    columns = [
        Column("strategy", "strategy"), Column("feasible", "feasible"),
        Column("dy_mass_fraction", "Dy wt%", "1", display="%"), Column("tb_mass_fraction", "Tb wt%", "1", display="%"),
        Column("nd_mass_fraction", "Nd wt%", "1", display="%"), Column("magnet_mass_kg", "magnet kg/unit", "kg"),
        Column("nd_kg_per_unit", "Nd kg/unit", "kg"), Column("dy_tb_kg_per_unit", "Dy+Tb g/unit", "kg", display="g"),
        *(Column(f"{e.lower()}_t_per_year", f"{e} t/year", "t") for e in ("Nd", "Pr", "Dy", "Tb", "Sm", "Co")),
        Column("dy_tb_saved_t_per_year", "Dy+Tb saved t/year", "t"),
        Column("rare_earth_cost_per_kg", f"RE {currency}/kg"),
        Column("cost_per_kg", f"total {currency}/kg"),
        Column("policy", "policy"), Column("unconfirmed_parameters", "[U] params"),
        Column("validated", "validated"), Column("reason", "reason"),
    ]
    mass_text = (f"{args.mass_kg:g} kg per unit" if args.equal == "mass" else
                 f"the baseline's {args.equal} from {args.mass_kg:g} kg per unit (each strategy's mass scaled to it)")
    title = (f"Strategies for {requirement} with {mass_text}, {fleet_text}; "
             f"savings against {study.baseline}; raw-material costs from {study.price_table}")
    if args.plot:
        _compare_plot(study, args.plot)
        print(f"plot written to {args.plot}", file=sys.stderr)
    baseline = next((r for r in study if r.strategy == study.baseline), None)
    if baseline is not None and baseline.feasible and baseline.magnet is not None:
        baseline_text = _coercivity_class_line(baseline.magnet)
    else:
        baseline_text = f"infeasible: {baseline.reason}" if baseline is not None else ""
    # Catalog grades that meet the same requirement.
    grades = [properties_row(g, t) for g in mm.Catalog.default().find(family="ndfeb_sintered")
              if requirement.check(g)[0]]
    if args.json:
        print_json({
            "requirement": {"temperature_C": t, "permeance_coefficient": pc,
                            "shape": None if magnet_shape is None else shape_record(magnet_shape),
                            "external_field_A_per_m": requirement.external_field,
                            "external_field_kind": args.field_kind,
                            "max_irreversible_loss": args.max_loss},
            "fleet": fleet_text, "equal": args.equal, "currency": currency, "baseline": study.baseline,
            "baseline_coercivity": baseline_text,
            "strategies": rows, "grades_that_meet_it": grades,
        })
        return 0
    emit(rows, args, title, columns)
    if not args.csv:
        if baseline_text:
            print(f"\n{study.baseline}: {baseline_text}")
        print()
        emit(grades, args, f"Sintered NdFeB catalog grades that meet it ({len(grades)}), values at {t:g} degC",
             PROPERTY_COLUMNS)
    return 0


def _validated(row: mm.StudyRow) -> str:
    """'k/n' figures of the row's magnet class within their tolerance, '-' when none covers it."""
    report = row.validation
    if report is None or len(report) == 0:
        return "-"
    judged = [r for r in report if r["within"] is not None]
    return f"{sum(bool(r['within']) for r in judged)}/{len(judged)}"


def _validate(args: argparse.Namespace) -> int:
    report = mm.validation_report(args.file)
    grades = mm.grade_coefficient_report() if args.grades and args.file is None else None
    ratings = mm.grade_rating_report() if args.grades and args.file is None else None
    if args.json:  # each table of the text output under its own key
        print_json({"figures": [dict(r) for r in report],
                    "grade_coefficients": [dict(r) for r in grades] if grades is not None else [],
                    "grade_ratings": [dict(r) for r in ratings] if ratings is not None else []})
        return 0
    if args.csv:  # one table of rows with the same keys; "table" says which
        rows = [{"table": "figures", **dict(r)} for r in report]
        rows += [{"table": "grade_coefficients", **dict(r)} for r in grades or []]
        rows += [{"table": "grade_ratings", **dict(r)} for r in ratings or []]
        emit(rows, args)
        return 0
    print("Model against published figures (role: calibration = fitted to it; validation = never fitted to)")
    print(report.to_text(width=_text_width()), end="")
    if grades is not None:
        print()
        print("beta(HcJ) over 20-150 degC of the catalog's sintered NdFeB grades against their own or their class's")
        print(grades.to_text(width=_text_width()), end="")
    if ratings is not None:
        print()
        print("Maximum operating temperature as makers rate it (L/D = 0.7, onset), computed, against the datasheets'")
        print(ratings.to_text(width=_text_width()), end="")
    missed = [r["id"] for r in report if r["within"] is False]
    if missed:
        print(f"\noutside tolerance: {', '.join(missed)} (see docs/validation.md)")
    return 0


def _compare_plot(study: mm.Study, path: str) -> None:
    from .plot import strategy_comparison

    strategy_comparison(study, path=path)


# --- parser -------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2
        self.exit(2, f"magmat: error: {message}\n")


def _machine_options(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="print JSON (snake_case keys, SI values, null if missing)")
    g.add_argument("--csv", action="store_true", help="print CSV (the same keys and values)")


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--units", choices=["SI", "cgs"], default="SI", help="SI (default) or cgs (kG, kOe, MGOe)")
    _machine_options(p)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="magmat", description="Properties and rare-earth footprint of permanent-magnet materials.")
    parser.add_argument("--version", action="version", version=f"magmat {mm.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    content = sub.add_parser("content", help="rare-earth mass content of compositions",
                             description="Print the mass fraction (wt%) of chosen elements and of total, light "
                             "and heavy rare earths for each formula. With no formula, the reference phases "
                             + ", ".join(REFERENCE_FORMULAS) + ".")
    content.add_argument("formulas", nargs="*", help="chemical formulas, e.g. '(Nd0.8Dy0.2)2Fe14B'")
    content.add_argument("--elements", nargs="+", default=["Nd", "Sm", "Dy"], help="element columns")
    _machine_options(content)
    content.set_defaults(run=_content)

    conv = sub.add_parser("convert", help="convert a value between units",
                          description="Convert a value between units, e.g. `magmat convert 12 kOe kA/m`.")
    conv.add_argument("value", type=float)
    conv.add_argument("from_unit")
    conv.add_argument("to_unit")
    conv.add_argument("--json", action="store_true", help="print JSON")
    conv.set_defaults(run=_convert)

    grades = sub.add_parser("grades", help="catalog grades, filtered",
                            description="List catalog grades with their properties at a temperature.")
    grades.add_argument("--family", help="a family, case-insensitive: ndfeb (every NdFeB family), ndfeb_sintered, "
                        "ndfeb_bonded, ndfeb_hot_deformed, smco5, sm2co17, ferrite")
    grades.add_argument("--min-hcj", help="minimum HcJ at --at, e.g. 1600kA/m or 20kOe")
    grades.add_argument("--min-bhmax", help="minimum (BH)max at --at, e.g. 300kJ/m3 or 40MGOe")
    grades.add_argument("--at", default="20C", help="temperature, e.g. 150C, -40C, 423K, 302F (default 20C)")
    _output_options(grades)
    grades.set_defaults(run=_grades)

    show = sub.add_parser("show", help="one grade at temperature",
                          description="Properties of a grade at a temperature; with --pc also the operating point, "
                          "irreversible loss and maximum operating temperature; --plot writes demagnetization curves.")
    show.add_argument("grade")
    show.add_argument("--at", default="20C", help="temperature, e.g. 150C")
    show.add_argument("--pc", type=float, help="permeance coefficient of the load line")
    show.add_argument("--external-field", default="0", help="reverse field on the load line (with --pc), e.g. "
                      "300kA/m or 3.8kOe; a bare number is A/m")
    show.add_argument("--plot", help="write a PNG of the demagnetization curves")
    _output_options(show)
    show.set_defaults(run=_show)

    validate = sub.add_parser("validate", help="model against published figures, with residuals",
                              description="Evaluate every figure of the validation set (materials/validation/, "
                              "embedded) with the model and print model, published value, residual, tolerance and "
                              "whether the figure calibrated the model; then beta(HcJ) of every sintered NdFeB grade "
                              "against its own or its coercivity class's.")
    validate.add_argument("--file", help="a validation file of your own (the format of materials/validation/*.json)")
    validate.add_argument("--no-grades", dest="grades", action="store_false", help="skip the per-grade beta table")
    _output_options(validate)
    validate.set_defaults(run=_validate)

    compare = sub.add_parser("compare", help="the main job: every strategy for a requirement",
                             description="Solve every design strategy (bulk/GBD Dy and Tb, heavy-rare-earth-free, "
                             "Ce/La, SmCo, ferrite) for a magnet at temperature and permeance coefficient; print Dy/Tb "
                             "per unit and per year, savings against bulk Dy (or --baseline), rare-earth cost, policy criteria, and "
                             "the catalog grades that meet it.")
    compare.add_argument("--at", default="150C", help="operating temperature (default 150C)")
    compare.add_argument("--pc", type=float, default=None,
                         help="permeance coefficient of one load line (default 2 when --shape is not given)")
    compare.add_argument("--shape", default=None,
                         help="judge the magnet over its volume instead, e.g. cylinder:length=7mm,diameter=10mm "
                         "(the makers' L/D = 0.7 rating cylinder), block:length=,width=,height=, "
                         "ring:length=,outer_diameter=,inner_diameter= (magnetized along length)")
    compare.add_argument("--external-field", default="0", help="extra reverse field, e.g. 300kA/m or 3.8kOe; "
                         "a bare number is A/m")
    compare.add_argument("--field-kind", default="applied", choices=("applied", "in_magnet"),
                         help="applied: a load-line shift (default); in_magnet: added to every part's internal "
                         "field, as a field simulation gives it (needs --shape)")
    compare.add_argument("--max-loss", type=float, default=0.0, help="allowed irreversible loss (0: knee)")
    compare.add_argument("--mass-kg", type=float, default=1.5, help="magnet per unit, kg (default 1.5)")
    compare.add_argument("--units-per-year", type=float, default=None, help="units per year (default 1e6)")
    compare.add_argument("--demand", default=None,
                         help="read the magnet tonnage per year from a supply scenario instead "
                         "(e.g. ev_traction_ndfeb_world; see `docs/supply.md`), at --year")
    compare.add_argument("--year", type=float, default=None, help="the year of the --demand scenario")
    compare.add_argument("--pr-share", type=float, default=None,
                         help="Pr/(Pr + Nd) by mass of the NdFeB light rare earth (default: each strategy's "
                         "stored share, 0.1963, i.e. 1 Pr for 4 Nd atoms; 0: Nd alone)")
    compare.add_argument("--baseline", default="bulk_dy",
                         help="what savings count against: a strategy (default bulk_dy) or a catalog grade, "
                         "e.g. N42SH, checked as it is")
    compare.add_argument("--equal", default="mass", choices=("mass", "flux", "energy"),
                         help="like-for-like rule: every strategy at --mass-kg (mass, default), or each magnet's "
                         "mass scaled to the baseline's Br x pole area (flux) or (BH)max x volume (energy) at --at")
    compare.add_argument("--plot", help="write a PNG of the rare earths, Co and cost per strategy")
    _output_options(compare)
    compare.set_defaults(run=_compare)
    return parser


def _fail(message: str) -> int:
    """Prints the one-line error (stderr escapes what it cannot encode) and gives exit code 2."""
    print(f"magmat: error: {message}", file=sys.stderr)
    return 2


def _undecodable(argv: Sequence[str]) -> str | None:
    """The first argument that was not valid UTF-8 (Python keeps its bytes as lone surrogates,
    which no name, number or path of magmat can match and stdout cannot print)."""
    for position, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return f"argument {position} is not valid UTF-8 text: {os.fsencode(arg)!r}"
    return None


#: Options whose value may start with '-' ("--at -40C"), which argparse would take for an option.
_SIGNED_VALUE_OPTIONS = ("--at", "--external-field", "--min-hcj", "--min-bhmax", "--pc", "--max-loss")
_SIGNED_VALUE = re.compile(r"^-(\d|\.\d)")


def _attach_negative_values(arguments: list[str]) -> list[str]:
    """['--at', '-40C'] -> ['--at=-40C'], so a negative value with a unit reaches its option."""
    out: list[str] = []
    i = 0
    while i < len(arguments):
        arg = arguments[i]
        if arg in _SIGNED_VALUE_OPTIONS and i + 1 < len(arguments) and _SIGNED_VALUE.match(arguments[i + 1]):
            out.append(f"{arg}={arguments[i + 1]}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    bad = _undecodable(arguments)
    if bad:
        return _fail(bad)
    parser = build_parser()
    args = parser.parse_args(_attach_negative_values(arguments))
    try:
        if getattr(args, "plot", None):
            check_target(args.plot)  # before any output: a table and then the error would mislead
        status: int = args.run(args)  # each subcommand's run returns its exit status
        return status
    except BrokenPipeError:  # output piped into `head` and closed: stop quietly
        sys.stderr.close()
        return 0
    except OSError as exc:  # --plot into a missing folder or onto a directory
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}")
    except (mm.MagmatError, ValueError, KeyError, ImportError) as exc:  # UnicodeError is a ValueError
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return _fail(message)


if __name__ == "__main__":
    sys.exit(main())
