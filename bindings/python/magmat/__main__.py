"""The ``magmat`` command line (also ``python -m magmat``).

Subcommands: ``content``, ``convert``, ``grades``, ``show``, ``validate``, ``compare`` (the main job). SI output by
default, ``--units cgs`` for kG/kOe/MGOe, ``--json`` or ``--csv`` for machines. Every bad argument
gets a one-line error and exit code 2.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import re
import sys
from typing import Any, Callable, Sequence

import magmat as mm
from magmat._files import check_target

#: The reference phases whose rare-earth content ``magmat content`` prints by default.
REFERENCE_FORMULAS = ("Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5", "Sm2Co17", "SrFe12O19")

_QUANTITY = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")


class UsageError(ValueError):
    """A command-line argument that cannot be read."""


def quantity(text: str, si_unit: str, default_unit: str) -> float:
    """'1600kA/m' -> 1.6e6 in `si_unit`; a bare number takes `default_unit`; 'C' means degC."""
    match = _QUANTITY.match(text)
    if not match:
        raise UsageError(f"cannot read {text!r} as a number with a unit (e.g. 1600kA/m, 150C)")
    value, unit = float(match.group(1)), match.group(2) or default_unit
    if unit in ("C", "°C"):
        unit = "degC"
    return mm.convert(value, unit, si_unit)


def temperature(text: str) -> float:
    """Degrees Celsius from '150C', '150', '423K'."""
    return mm.convert(quantity(text, "K", "degC"), "K", "degC")


# --- output -------------------------------------------------------------------------------

UNITS = {  # column kind -> (SI label, SI factor, cgs label, cgs factor)
    "T": ("T", 1.0, "kG", 10.0),
    "A/m": ("kA/m", 1e-3, "kOe", 1e-3 * 4e-3 * math.pi),
    "J/m3": ("kJ/m3", 1e-3, "MGOe", 4e-5 * math.pi),
}


def convert_column(value: float, kind: str, units: str) -> float:
    label_si, f_si, label_cgs, f_cgs = UNITS[kind]
    return value * (f_cgs if units == "cgs" else f_si)


def unit_label(kind: str, units: str) -> str:
    label_si, _, label_cgs, _ = UNITS[kind]
    return label_cgs if units == "cgs" else label_si


def _strict_json(value: Any) -> Any:
    """value with every non-finite float (a missing number) replaced by None, NumPy scalars as floats."""
    if isinstance(value, dict):
        return {key: _strict_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_strict_json(item) for item in value]
    if isinstance(value, (bool, int, str)) or value is None:
        return value
    number = float(value)
    return number if math.isfinite(number) else None


def emit(rows: list[dict[str, Any]], args: argparse.Namespace, title: str = "") -> None:
    """Prints rows as a table, JSON or CSV."""
    if args.json:
        # Strict JSON (RFC 8259 has no NaN or Infinity): a value that is missing is null.
        print(json.dumps(_strict_json(rows), indent=2, allow_nan=False))
        return
    if not rows:
        print("(nothing matches)")
        return
    columns = list(rows[0])
    if args.csv:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        print(out.getvalue(), end="")
        return

    def text(v: Any) -> str:
        if v is None:
            return "-"
        if isinstance(v, float):
            return "nan" if math.isnan(v) else f"{v:.4g}" if abs(v) < 1e4 else f"{v:.0f}"
        return str(v)

    widths = {c: max(len(c), *(len(text(r[c])) for r in rows)) for c in columns}
    if title:
        print(title)
    print("  ".join(c.ljust(widths[c]) for c in columns))
    print("  ".join("-" * widths[c] for c in columns))
    for r in rows:
        print("  ".join(text(r[c]).ljust(widths[c]) for c in columns))


def properties_row(magnet: mm.Magnet, temperature_C: float, units: str) -> dict[str, Any]:
    p = magnet.properties(temperature_C)
    return {
        "name": magnet.name,
        "family": magnet.family,
        f"Br ({unit_label('T', units)})": convert_column(p.remanence, "T", units),
        f"HcJ ({unit_label('A/m', units)})": convert_column(p.intrinsic_coercivity, "A/m", units),
        f"HcB ({unit_label('A/m', units)})": convert_column(p.normal_coercivity, "A/m", units),
        f"(BH)max ({unit_label('J/m3', units)})": convert_column(p.max_energy_product, "J/m3", units),
    }


# --- subcommands --------------------------------------------------------------------------

def _content(args: argparse.Namespace) -> int:
    formulas = args.formulas or list(REFERENCE_FORMULAS)
    rows = [(f, mm.Composition.from_formula(f)) for f in formulas]
    for f in formulas:  # a wt% alloy written as a formula reads as atoms: say so (issue [13], item 3)
        reading = mm.formula_reading(f)
        if reading["probably_mass_percent"]:
            print(f"magmat: warning: {reading['advice']}", file=sys.stderr)
    print(mm.rare_earth_content_table(rows, args.elements), end="")
    return 0


def _convert(args: argparse.Namespace) -> int:
    value = mm.convert(args.value, args.from_unit, args.to_unit)
    print(f"{args.value:g} {args.from_unit} = {value:.10g} {args.to_unit}")
    return 0


def _grades(args: argparse.Namespace) -> int:
    catalog = mm.Catalog.default()
    family = {"ndfeb": "ndfeb_sintered"}.get(args.family, args.family)
    t = temperature(args.at)
    grades = catalog.find(
        family=family,
        min_intrinsic_coercivity=quantity(args.min_hcj, "A/m", "kA/m") if args.min_hcj else None,
        min_max_energy_product=quantity(args.min_bhmax, "J/m3", "kJ/m3") if args.min_bhmax else None,
        temperature_C=t)
    rows = [properties_row(g, t, args.units) for g in grades]
    emit(rows, args, f"Catalog grades at {t:g} degC")
    return 0


def _show(args: argparse.Namespace) -> int:
    catalog = mm.Catalog.default()
    if args.grade not in catalog:
        hint = ", ".join(catalog.suggestions(args.grade))
        raise UsageError(f"no grade named {args.grade!r}; did you mean {hint}?")
    g = catalog[args.grade]
    t = temperature(args.at)
    row = properties_row(g, t, args.units)
    row["temperature (degC)"] = t
    if args.pc is not None:
        op = g.operating_point(pc=args.pc, temperature_C=t)
        row[f"H op ({unit_label('A/m', args.units)})"] = convert_column(op.H, "A/m", args.units)
        row[f"B op ({unit_label('T', args.units)})"] = convert_column(op.B, "T", args.units)
        row["beyond knee"] = op.beyond_knee
        row["irreversible loss (%)"] = 100.0 * g.irreversible_loss(pc=args.pc, temperature_C=t)
        row["max operating T (degC)"] = g.max_operating_temperature(pc=args.pc)
    rated = g.rated_temperature()
    # the makers' rating computed (L/D = 0.7, onset), beside the datasheet's where it prints one
    row["rated T (degC)"] = rated["temperature_C"]
    row["rated T limited by"] = "knee" if rated["limited_by"] == "knee" else "model range end"
    row["datasheet max T (degC)"] = rated["datasheet_C"]  # None (JSON null, "-" in a table) where none is printed
    emit([row], args, f"{g.name} ({g.family})")
    if args.plot:
        from . import plot

        plot.demagnetization_curves(g, sorted({20.0, t}), pc=args.pc, units="cgs" if args.units == "cgs" else "SI",
                                    path=args.plot)
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
    requirement = mm.Requirement(temperature_C=t, permeance=args.pc, external_field=args.external_field,
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
    study = mm.design_study(requirement, magnet_mass_kg=args.mass_kg, **fleet,
                            pr_share=args.pr_share)
    rows = []
    for r in study:
        rare_earth_cost = r.rare_earth_cost_per_kg
        rows.append({
            "strategy": r.strategy,
            "feasible": r.feasible,
            "Dy wt%": 100 * r.dy_mass_fraction,
            "Tb wt%": 100 * r.tb_mass_fraction,
            "Nd wt%": 100 * r.nd_mass_fraction,
            "Nd kg/unit": r.kg_per_unit.get("Nd", math.nan),
            "Dy+Tb g/unit": 1e3 * (r.kg_per_unit.get("Dy", math.nan) + r.kg_per_unit.get("Tb", math.nan)),
            "Nd t/year": r.tonnes_per_year.get("Nd", math.nan),
            "Pr t/year": r.tonnes_per_year.get("Pr", math.nan),
            "Dy t/year": r.tonnes_per_year.get("Dy", math.nan),
            "Tb t/year": r.tonnes_per_year.get("Tb", math.nan),
            "Dy+Tb saved t/year": r.saving_vs_baseline.get("Dy", math.nan) + r.saving_vs_baseline.get("Tb", math.nan),
            f"RE {study.currency}/kg": rare_earth_cost if rare_earth_cost is not None else math.nan,
            # nan where an element has no price in the table (e.g. Sm): never counted as free
            f"total {study.currency}/kg": r.cost_per_kg if r.cost_per_kg is not None else math.nan,
            "policy": mm.check_policy(r.magnet).passes if r.magnet is not None else False,
            # confidence: how many [U] parameters the row rests on, and the class's validation figures
            "[U] params": sum(a["confidence"] == "U" for a in r.assumptions),
            "validated": _validated(r),
            "reason": r.reason,
        })
    rows.sort(key=lambda row: (not row["feasible"], -row["Dy+Tb saved t/year"]
                               if not math.isnan(row["Dy+Tb saved t/year"]) else 0.0))
    title = (f"Strategies for {requirement} with {args.mass_kg:g} kg per unit, {fleet_text}; "
             f"savings against {study.baseline}; raw-material costs from {study.price_table}")
    if args.plot:
        _compare_plot(study, args.plot)
        print(f"plot written to {args.plot}", file=sys.stderr)
    emit(rows, args, title)
    if not args.json and not args.csv:
        baseline = next((r for r in study if r.strategy == study.baseline), None)
        if baseline is not None and baseline.feasible and baseline.magnet is not None:
            print(f"\n{study.baseline}: {_coercivity_class_line(baseline.magnet)}")
        elif baseline is not None:
            print(f"\n{study.baseline}: infeasible: {baseline.reason}")
    # Catalog grades that meet the same requirement.
    grades = []
    for g in mm.Catalog.default().find(family="ndfeb_sintered"):
        met, _ = requirement.check(g)
        if met:
            grades.append(properties_row(g, t, args.units))
    if not args.json and not args.csv:
        print()
        emit(grades, args, f"Sintered NdFeB catalog grades that meet it ({len(grades)}), values at {t:g} degC")
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
    if args.json or args.csv:
        rows = [dict(r) for r in report] + ([dict(r) for r in grades] if grades is not None else []) + \
            ([dict(r) for r in ratings] if ratings is not None else [])
        emit(rows, args)
        return 0
    print("Model against published figures (role: calibration = fitted to it; validation = never fitted to)")
    print(report.to_text(), end="")
    if grades is not None:
        print()
        print("beta(HcJ) over 20-150 degC of the catalog's sintered NdFeB grades against their own or their class's")
        print(grades.to_text(), end="")
    if ratings is not None:
        print()
        print("Maximum operating temperature as makers rate it (L/D = 0.7, onset), computed, against the datasheets'")
        print(ratings.to_text(), end="")
    missed = [r["id"] for r in report if r["within"] is False]
    if missed:
        print(f"\noutside tolerance: {', '.join(missed)} (see docs/validation.md)")
    return 0


def _compare_plot(study: mm.Study, path: str) -> None:
    from .plot import strategy_comparison

    strategy_comparison(study, path=path)


# --- parser -------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(2, f"magmat: error: {message}\n")


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--units", choices=["SI", "cgs"], default="SI", help="SI (default) or cgs (kG, kOe, MGOe)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="print JSON")
    g.add_argument("--csv", action="store_true", help="print CSV")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="magmat", description="Properties and rare-earth footprint of permanent-magnet materials.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    content = sub.add_parser("content", help="rare-earth mass content of compositions",
                             description="Print the mass fraction (wt%%) of chosen elements and of total, light "
                             "and heavy rare earths for each formula. With no formula, the reference phases "
                             + ", ".join(REFERENCE_FORMULAS) + ".")
    content.add_argument("formulas", nargs="*", help="chemical formulas, e.g. '(Nd0.8Dy0.2)2Fe14B'")
    content.add_argument("--elements", nargs="+", default=["Nd", "Sm", "Dy"], help="element columns")
    content.set_defaults(run=_content)

    conv = sub.add_parser("convert", help="convert a value between units",
                          description="Convert a value between units, e.g. `magmat convert 12 kOe kA/m`.")
    conv.add_argument("value", type=float)
    conv.add_argument("from_unit")
    conv.add_argument("to_unit")
    conv.set_defaults(run=_convert)

    grades = sub.add_parser("grades", help="catalog grades, filtered",
                            description="List catalog grades with their properties at a temperature.")
    grades.add_argument("--family", help="ndfeb (= ndfeb_sintered), ndfeb_bonded, smco5, sm2co17, ferrite, ...")
    grades.add_argument("--min-hcj", help="minimum HcJ at --at, e.g. 1600kA/m or 20kOe")
    grades.add_argument("--min-bhmax", help="minimum (BH)max at --at, e.g. 300kJ/m3 or 40MGOe")
    grades.add_argument("--at", default="20C", help="temperature, e.g. 150C (default 20C)")
    _output_options(grades)
    grades.set_defaults(run=_grades)

    show = sub.add_parser("show", help="one grade at temperature",
                          description="Properties of a grade at a temperature; with --pc also the operating point, "
                          "irreversible loss and maximum operating temperature; --plot writes demagnetization curves.")
    show.add_argument("grade")
    show.add_argument("--at", default="20C", help="temperature, e.g. 150C")
    show.add_argument("--pc", type=float, help="permeance coefficient of the load line")
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
                             "per unit and per year, savings against bulk Dy, rare-earth cost, policy criteria, and "
                             "the catalog grades that meet it.")
    compare.add_argument("--at", default="150C", help="operating temperature (default 150C)")
    compare.add_argument("--pc", type=float, default=2.0, help="permeance coefficient (default 2)")
    compare.add_argument("--external-field", type=float, default=0.0, help="extra reverse field, A/m")
    compare.add_argument("--max-loss", type=float, default=0.0, help="allowed irreversible loss (0: knee)")
    compare.add_argument("--mass-kg", type=float, default=1.5, help="magnet per unit, kg (default 1.5)")
    compare.add_argument("--units-per-year", type=float, default=None, help="units per year (default 1e6)")
    compare.add_argument("--demand", default=None,
                         help="read the magnet tonnage per year from a supply scenario instead "
                         "(e.g. ev_traction_ndfeb_world; see `docs/supply.md`), at --year")
    compare.add_argument("--year", type=float, default=None, help="the year of the --demand scenario")
    compare.add_argument("--pr-share", type=float, default=None,
                         help="Pr/(Pr + Nd) by mass of the NdFeB light rare earth (default 0: Nd alone)")
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


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    bad = _undecodable(arguments)
    if bad:
        return _fail(bad)
    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        if getattr(args, "plot", None):
            check_target(args.plot)  # before any output: a table and then the error would mislead
        return args.run(args)
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
