#!/usr/bin/env python3
"""Validate magmat material data: materials/references.json and materials/phases/*.json.

Checks (exit status 1 and one line per error, "file: /json/pointer: message"):
  * every file parses as JSON and validates against its JSON Schema (draft 2020-12);
  * every "source" key (string or list) anywhere in a phase file resolves in references.json;
  * the phase "id" equals the file name without ".json";
  * Kuz'min s lies in [0, 5/3] (the range used by the data set; the formula is monotone there);
  * derived values (confidence "D") carry a "derivation" (also enforced by the schema).
Needs the 'jsonschema' package (pip install jsonschema). Exit status 2 if it is missing.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent  # materials/
SCHEMA_DIR = ROOT / "schema"
PHASE_DIR = ROOT / "phases"
REFS = ROOT / "references.json"
S_MAX = 2.5 / 1.5


def pointer(parts):
    out = ""
    for p in parts:
        out += "/" + str(p).replace("~", "~0").replace("/", "~1")
    return out or "/"


def load(path, errors):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        errors.append("%s: /: cannot load JSON: %s" % (path, exc))
        return None


def walk(node, parts=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield parts + (k,), k, v
            yield from walk(v, parts + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, parts + (i,))


def main():
    try:
        import jsonschema
    except ImportError:
        print("check_materials: the 'jsonschema' package is required (pip install jsonschema)", file=sys.stderr)
        return 2
    errors = []
    phase_schema = load(SCHEMA_DIR / "phase.schema.json", errors)
    ref_schema = load(SCHEMA_DIR / "references.schema.json", errors)
    refs = load(REFS, errors)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    V = jsonschema.Draft202012Validator
    for name, sch in (("phase.schema.json", phase_schema), ("references.schema.json", ref_schema)):
        try:
            V.check_schema(sch)
        except jsonschema.exceptions.SchemaError as exc:
            errors.append("%s: %s: invalid schema: %s" % (SCHEMA_DIR / name, pointer(exc.absolute_path), exc.message))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    fmt = jsonschema.FormatChecker()
    for err in sorted(V(ref_schema, format_checker=fmt).iter_errors(refs), key=lambda e: list(e.absolute_path)):
        errors.append("%s: %s: %s" % (REFS, pointer(err.absolute_path), err.message))
    keys = set(refs) if isinstance(refs, dict) else set()

    files = sorted(PHASE_DIR.glob("*.json"))
    if not files:
        errors.append("%s: /: no phase files found" % PHASE_DIR)
    validator = V(phase_schema, format_checker=fmt)
    used = set()
    for path in files:
        data = load(path, errors)
        if data is None:
            continue
        for err in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
            errors.append("%s: %s: %s" % (path, pointer(err.absolute_path), err.message))
        if isinstance(data, dict) and data.get("id") != path.stem:
            errors.append("%s: /id: id %r does not match the file name %r" % (path, data.get("id"), path.stem))
        for parts, key, value in walk(data):
            if key == "source":
                for k in ([value] if isinstance(value, str) else value if isinstance(value, list) else []):
                    used.add(k)
                    if k not in keys:
                        errors.append("%s: %s: source key %r is not in references.json" % (path, pointer(parts), k))
            if key == "confidence" and value == "D":
                parent = data
                for p in parts[:-1]:
                    parent = parent[p]
                if not parent.get("derivation") and "points" not in parent:
                    errors.append("%s: %s: confidence D without a derivation" % (path, pointer(parts[:-1])))
        law = data.get("magnetization_temperature_law") if isinstance(data, dict) else None
        if isinstance(law, dict) and isinstance(law.get("s"), dict):
            s = law["s"].get("value")
            if isinstance(s, (int, float)) and not 0.0 <= s <= S_MAX:
                errors.append("%s: /magnetization_temperature_law/s/value: s = %r outside [0, 5/3]" % (path, s))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    print("check_materials: %d phase files and %d references OK (%d keys used)" % (len(files), len(keys), len(used)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
