#!/usr/bin/env python3
"""Validate magmat material data: materials/references.json, materials/phases/*.json and
materials/processes/*.json.

Usage: check_materials.py [--root DIR]   (DIR defaults to the materials/ folder holding this script)

Checks (exit status 1 and one line per error, "file: /json/pointer: message"):
  * every file parses as JSON and validates against its JSON Schema (draft 2020-12):
    schema/phase.schema.json, schema/process.schema.json, schema/references.schema.json;
    the schemas also restrict each unit to the dimension the loader converts it to;
  * every "source" key (string or list) anywhere in a phase or process file resolves in
    references.json;
  * derived values (confidence "D") carry a "derivation" (also enforced by the schemas);
  * phases: "id" equals the file name without ".json"; Kuz'min s lies in [0, 5/3] (kuzmin law
    only); the magnetization law reproduces the stored saturation_polarization at the reference
    temperature within 0.5 % (the check of lib/src/phase_data.cpp, for kuzmin and critical_power);
  * processes: the file is named <family>_<process>.json; either a calibration or both alpha_k and
    n_eff are given (also in the schema); the calibration's main_phase is a phase file of the same
    family, its points lie inside the phase's validity range, and solving
    HcJ = alpha_K HA(T) - N_eff Ms(T) through them (as lib/src/process_data.cpp does) gives
    0 < alpha_K <= 1 and N_eff >= 0, which the loader requires.
Needs the 'jsonschema' package (pip install jsonschema). Exit status 2 if it is missing.
"""
import argparse
import json
import math
import pathlib
import sys

DEFAULT_ROOT = pathlib.Path(__file__).resolve().parent.parent  # materials/
S_MAX = 2.5 / 1.5
REFERENCE_TOLERANCE = 5e-3  # relative, as in lib/src/phase_data.cpp

# Scale (and offset) to SI of the units the checks below convert (mirrors lib/src/unit_conversion.cpp).
MU0 = 1.25663706212e-6  # T m/A
TESLA = {"T": 1.0, "mT": 1e-3, "G": 1e-4, "kG": 1e-1}
AMPERE_PER_METRE = {"A/m": 1.0, "kA/m": 1e3, "MA/m": 1e6, "Oe": 1e3 / (4 * math.pi),
                    "kOe": 1e6 / (4 * math.pi), "emu/cm3": 1e3}
KELVIN = {"K": (1.0, 0.0), "degC": (1.0, 273.15), "degF": (5.0 / 9.0, 459.67)}


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


def check_sources_and_derivations(path, data, keys, used, errors):
    """Every source key resolves; every confidence D sits next to a derivation."""
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


def kelvin(node):
    """A {"value", "unit"} temperature in K, or None if it cannot be read."""
    if not isinstance(node, dict) or not isinstance(node.get("value"), (int, float)):
        return None
    scale_offset = KELVIN.get(node.get("unit"))
    if scale_offset is None:
        return None
    scale, offset = scale_offset
    return (node["value"] + offset) * scale


def tesla(node):
    if not isinstance(node, dict) or not isinstance(node.get("value"), (int, float)):
        return None
    scale = TESLA.get(node.get("unit"))
    return None if scale is None else node["value"] * scale


def number(node):
    if isinstance(node, dict) and isinstance(node.get("value"), (int, float)):
        return float(node["value"])
    return None


def reduced_magnetization(law, tau):
    """m(tau) of a magnetization_temperature_law object (as lib/include/magmat/temperature.hpp), or None."""
    if tau >= 1.0:
        return 0.0
    kind = law.get("law")
    if kind == "kuzmin":
        s, p = number(law.get("s")), number(law.get("p"))
        if s is None or p is None:
            return None
        cube = 1.0 - s * tau ** 1.5 - (1.0 - s) * tau ** p
        return math.copysign(abs(cube) ** (1.0 / 3.0), cube) if cube > 0 else 0.0
    if kind == "critical_power":
        a, b = number(law.get("a")), number(law.get("b"))
        if a is None or b is None or a <= 0 or b <= 0:
            return None
        return (1.0 - tau ** a) ** b
    return None


def check_phase(path, data, errors):
    if data.get("id") != path.stem:
        errors.append("%s: /id: id %r does not match the file name %r" % (path, data.get("id"), path.stem))
    law = data.get("magnetization_temperature_law")
    if not isinstance(law, dict):
        return
    if law.get("law") == "kuzmin":
        s = number(law.get("s"))
        if s is not None and not 0.0 <= s <= S_MAX:
            errors.append("%s: /magnetization_temperature_law/s/value: s = %r outside [0, 5/3]" % (path, s))
    t_ref = kelvin(data.get("reference_temperature"))
    t_c = kelvin(data.get("curie_temperature"))
    js_ref = tesla(data.get("saturation_polarization"))
    js0 = tesla(law.get("saturation_polarization_0K"))
    if None in (t_ref, t_c, js_ref, js0) or t_c <= 0 or js_ref <= 0:
        return  # the schema reports the unreadable field
    m = reduced_magnetization(law, t_ref / t_c)
    if m is None:
        return
    predicted = js0 * m
    if abs(predicted / js_ref - 1.0) > REFERENCE_TOLERANCE:
        errors.append(
            "%s: /magnetization_temperature_law/saturation_polarization_0K: the %s law gives Js = %.4f T at the "
            "reference temperature %.2f K, not the stored saturation_polarization %.4f T (tolerance 0.5 %%)"
            % (path, law.get("law"), predicted, t_ref, js_ref))


def phase_fields(phase, t_kelvin):
    """(HA in A/m, Ms in A/m) of a single-phase record at t_kelvin, as lib/src/phases.cpp computes them.

    Raises ValueError with a reason if the phase cannot be evaluated there."""
    validity = phase.get("validity") or {}
    t_min = kelvin(validity.get("min_temperature")) if "min_temperature" in validity else 0.0
    t_c = kelvin(phase.get("curie_temperature"))
    t_max = kelvin(validity.get("max_temperature")) if "max_temperature" in validity else t_c
    t_ref = kelvin(phase.get("reference_temperature"))
    law = phase.get("magnetization_temperature_law") or {}
    js0 = tesla(law.get("saturation_polarization_0K"))
    ha_ref = tesla(phase.get("anisotropy_field_mu0"))
    if None in (t_min, t_c, t_max, t_ref, js0, ha_ref):
        raise ValueError("the phase data cannot be read")
    if not t_min <= t_kelvin <= t_max:
        raise ValueError("%.2f K is outside the phase's validity range %.2f-%.2f K" % (t_kelvin, t_min, t_max))
    m = reduced_magnetization(law, t_kelvin / t_c)
    m_ref = reduced_magnetization(law, t_ref / t_c)
    if m is None or m_ref is None:
        raise ValueError("the magnetization law cannot be evaluated")
    ms = js0 * m / MU0
    aniso = phase.get("anisotropy_temperature_law") or {}
    if aniso.get("law") == "table":
        points = [(kelvin(p.get("temperature")), tesla(p.get("anisotropy_field_mu0"))) for p in aniso.get("points", [])]
        if not points or any(None in p for p in points):
            raise ValueError("the anisotropy table cannot be read")
        if not points[0][0] <= t_kelvin <= points[-1][0]:
            raise ValueError("%.2f K is outside the tabulated anisotropy field" % t_kelvin)
        for (t0, h0), (t1, h1) in zip(points, points[1:]):
            if t0 <= t_kelvin <= t1:
                w = (t_kelvin - t0) / (t1 - t0)
                return ((1 - w) * h0 + w * h1) / MU0, ms
        return points[-1][1] / MU0, ms
    n = number(aniso.get("exponent"))
    if n is None:
        raise ValueError("the anisotropy exponent cannot be read")
    ha = 0.0 if m <= 0 else ha_ref / MU0 * (m / m_ref) ** (n - 1.0)
    return ha, ms


def check_calibration(path, data, phase, errors):
    """Solve alpha_K (and N_eff for two points) as lib/src/process_data.cpp does and check the result."""
    points = data["calibration"].get("intrinsic_coercivity")
    if not isinstance(points, list) or not 1 <= len(points) <= 2:
        return  # reported by the schema
    rows = []
    for i, point in enumerate(points):
        t = kelvin(point.get("temperature")) if isinstance(point, dict) else None
        value = point.get("value") if isinstance(point, dict) else None
        scale = AMPERE_PER_METRE.get(value.get("unit")) if isinstance(value, dict) else None
        if t is None or scale is None or not isinstance(value.get("value"), (int, float)):
            return  # reported by the schema
        try:
            ha, ms = phase_fields(phase, t)
        except ValueError as exc:
            errors.append("%s: /calibration/intrinsic_coercivity/%d/temperature: %s" % (path, i, exc))
            return
        rows.append((ha, ms, value["value"] * scale))
    n_eff = number(data.get("n_eff"))
    if len(rows) == 1:
        if n_eff is None:
            return  # reported by the schema
        ha, ms, hcj = rows[0]
        alpha_k = (hcj + n_eff * ms) / ha if ha > 0 else float("nan")
    else:
        (a11, m1, h1), (a21, m2, h2) = rows
        a12, a22 = -m1, -m2
        det = a11 * a22 - a12 * a21
        if abs(det) < 1e-9 * abs(a11 * a22):
            errors.append("%s: /calibration/intrinsic_coercivity: calibration points are degenerate" % path)
            return
        alpha_k = (h1 * a22 - a12 * h2) / det
        n_eff = (a11 * h2 - a21 * h1) / det
    if not (0.0 < alpha_k <= 1.0) or not n_eff >= 0.0:
        errors.append("%s: /calibration: the calibration gives alpha_K = %.4g, N_eff = %.4g; the loader needs "
                      "0 < alpha_K <= 1 and N_eff >= 0" % (path, alpha_k, n_eff))


def check_process(path, data, phases, errors):
    family, process = data.get("family"), data.get("process")
    if isinstance(family, str) and isinstance(process, str) and path.stem != "%s_%s" % (family, process):
        errors.append("%s: /process: file name %r does not match <family>_<process> = %r"
                      % (path, path.name, "%s_%s.json" % (family, process)))
    if "calibration" not in data and not ("alpha_k" in data and "n_eff" in data):
        errors.append("%s: /: give a calibration, or both alpha_k and n_eff" % path)
    calibration = data.get("calibration")
    if isinstance(calibration, dict) and isinstance(calibration.get("main_phase"), str):
        main = calibration["main_phase"]
        # the loader accepts any formula it can model; a phase file's formula names that file
        main = main if main in phases else {d.get("formula"): k for k, d in phases.items()}.get(main, main)
        if main not in phases:
            errors.append("%s: /calibration/main_phase: %r is not a phase file in phases/" % (path, main))
        elif isinstance(family, str) and phases[main].get("family") != family:
            errors.append("%s: /calibration/main_phase: phase %r has family %r, not %r"
                          % (path, main, phases[main].get("family"), family))
        else:
            check_calibration(path, data, phases[main], errors)


def validate(validator, path, data, errors):
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        errors.append("%s: %s: %s" % (path, pointer(err.absolute_path), err.message))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Validate magmat material data (references, phases, processes).")
    parser.add_argument("--root", type=pathlib.Path, default=DEFAULT_ROOT,
                        help="materials folder holding schema/, phases/, processes/ and references.json "
                             "(default: %(default)s)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    schema_dir, phase_dir, process_dir, refs_path = (root / "schema", root / "phases", root / "processes",
                                                     root / "references.json")
    try:
        import jsonschema
    except ImportError:
        print("check_materials: the 'jsonschema' package is required (pip install jsonschema)", file=sys.stderr)
        return 2
    errors = []
    schemas = {name: load(schema_dir / name, errors)
               for name in ("phase.schema.json", "process.schema.json", "references.schema.json")}
    refs = load(refs_path, errors)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    V = jsonschema.Draft202012Validator
    for name, sch in schemas.items():
        try:
            V.check_schema(sch)
        except jsonschema.exceptions.SchemaError as exc:
            errors.append("%s: %s: invalid schema: %s" % (schema_dir / name, pointer(exc.absolute_path), exc.message))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    fmt = jsonschema.FormatChecker()
    validate(V(schemas["references.schema.json"], format_checker=fmt), refs_path, refs, errors)
    keys = set(refs) if isinstance(refs, dict) else set()
    used = set()

    phase_files = sorted(phase_dir.glob("*.json"))
    if not phase_files:
        errors.append("%s: /: no phase files found" % phase_dir)
    phase_validator = V(schemas["phase.schema.json"], format_checker=fmt)
    phases = {}
    for path in phase_files:
        data = load(path, errors)
        if data is None:
            continue
        validate(phase_validator, path, data, errors)
        check_sources_and_derivations(path, data, keys, used, errors)
        if isinstance(data, dict):
            phases[path.stem] = data
            check_phase(path, data, errors)

    process_files = sorted(process_dir.glob("*.json"))
    if not process_files:
        errors.append("%s: /: no process files found" % process_dir)
    process_validator = V(schemas["process.schema.json"], format_checker=fmt)
    for path in process_files:
        data = load(path, errors)
        if data is None:
            continue
        validate(process_validator, path, data, errors)
        check_sources_and_derivations(path, data, keys, used, errors)
        if isinstance(data, dict):
            check_process(path, data, phases, errors)

    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    print("check_materials: %d phase files, %d process files and %d references OK (%d keys used)"
          % (len(phase_files), len(process_files), len(keys), len(used)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
