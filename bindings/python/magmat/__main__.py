"""The ``magmat`` command line (also ``python -m magmat``)."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

import magmat as mm

#: The reference phases whose rare-earth content the main job prints.
REFERENCE_FORMULAS = ("Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5", "Sm2Co17", "SrFe12O19")


def _content(args: argparse.Namespace) -> int:
    formulas = args.formulas or list(REFERENCE_FORMULAS)
    rows = [(f, mm.Composition.from_formula(f)) for f in formulas]
    print(mm.rare_earth_content_table(rows, args.elements), end="")
    return 0


def _convert(args: argparse.Namespace) -> int:
    value = mm.convert(args.value, args.from_unit, args.to_unit)
    print(f"{args.value:g} {args.from_unit} = {value:.10g} {args.to_unit}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="magmat",
        description="Properties and rare-earth footprint of permanent-magnet materials.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    content = sub.add_parser(
        "content",
        help="rare-earth mass content of compositions",
        description="Print the mass fraction (wt%%) of chosen elements and of total, light and "
        "heavy rare earths for each chemical formula. With no formula, the reference phases "
        + ", ".join(REFERENCE_FORMULAS) + ".",
    )
    content.add_argument("formulas", nargs="*", help="chemical formulas, e.g. '(Nd0.8Dy0.2)2Fe14B'")
    content.add_argument("--elements", nargs="+", default=["Nd", "Sm", "Dy"],
                         help="element columns (default: Nd Sm Dy)")
    content.set_defaults(run=_content)

    conv = sub.add_parser("convert", help="convert a value between units",
                          description="Convert a value between units, e.g. `magmat convert 12 kOe kA/m`.")
    conv.add_argument("value", type=float)
    conv.add_argument("from_unit")
    conv.add_argument("to_unit")
    conv.set_defaults(run=_convert)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (mm.MagmatError, ValueError, KeyError) as exc:
        print(f"magmat: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
