#!/usr/bin/env python3
"""Validate magmat material data: materials/references.json, materials/phases/*.json,
materials/processes/*.json, materials/grades/*.json, materials/prices/*.json, materials/scenarios/*.json
and materials/strategies/*.json.

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
  * prices (schema/price.schema.json) and scenarios (schema/scenario.schema.json): each file validates,
    is named <name>.json, its source keys resolve; scenario years increase strictly.
  * grades: each file validates against schema/grade.schema.json and is named <family>.json; every
    source key resolves; grade names and aliases are unique across all grade files (case-insensitive);
    per quantity min <= typical <= max; HcB <= HcJ; HcB <= Br/mu0; (BH)max <= Br^2/(4 mu0) * 1.03;
    Br below the Js of the family's main phase (MAIN_PHASE); the loader's physical bounds (COEFFICIENT_BOUNDS,
    HcJ and HcB at most the largest HA of HARD_PHASES, CURIE_RANGE_K, max operating temperature and
    coefficient interval below the Curie temperature, the main phase's without one; phase values read from
    phases/); for ndfeb_sintered, HcJ(min) at least the minimum
    of the grade's coercivity letter (classes/ndfeb_sintered.json, 0.5 % rounding allowance), unless the
    grade records a coercivity_letter_exception whose minimum equals its stated HcJ minimum.
  * strategies (schema/strategy.schema.json, read by lib/src/heavy_rare_earth.cpp): each file validates,
    is named <name>.json, its source keys resolve; its process is a file processes/<family>_<process>.json,
    family r2fe14b for an NdFeB base, else the family of the composition (smco5, sm2co17, hexaferrite: the
    phase file whose formula it is, or by its elements); a varied element has a phase file <element>2Fe14B;
    as the loader needs: 0 < base.total_rare_earth < 50 %, boron > 0, gbd_efficiency >= 1,
    0 <= lanthanum_share <= 1; heavy_rare_earth: max_amount < base.total_rare_earth; substitution:
    max_amount <= 1 (a share of the rare-earth site).
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
JOULE_PER_M3 = {"J/m3": 1.0, "kJ/m3": 1e3, "MJ/m3": 1e6, "MGOe": 1e5 / (4 * math.pi)}

# Grade checks (see materials/grades/README.md for the sources of these numbers).
LETTER_TOLERANCE = 5e-3   # kOe-rounded minima (20 kOe = 1591.5 kA/m) against the kA/m convention
ENERGY_TOLERANCE = 1.03   # (BH)max <= Br^2/(4 mu0) within datasheet rounding
# Physical bounds of the loader (mirrors lib/src/catalog_loading.cpp, issue [12] item 6; reasons
# and sources there and in docs/catalog.md). Coefficients in %/K: (alpha min, alpha max, beta min, beta max).
COEFFICIENT_BOUNDS = {"ndfeb_sintered": (-1.0, 0.0, -2.0, 0.0), "ndfeb_bonded": (-1.0, 0.0, -2.0, 0.0),
                      "ndfeb_hot_deformed": (-1.0, 0.0, -2.0, 0.0), "smco5": (-1.0, 0.01, -2.0, 0.0),
                      "sm2co17": (-1.0, 0.01, -2.0, 0.1), "ferrite": (-1.0, 0.0, 0.0, 1.0)}
# The phases behind the grade bounds, as lib/src/catalog_loading.cpp names them: the main phase,
# whose Js at its reference temperature (295 K) bounds Br and whose Curie point bounds the
# temperatures of a grade that gives none, and the hard phases, whose largest mu0 HA bounds HcJ
# and HcB (Brown's theorem). The values are read from materials/phases/ (family_bounds).
NDFEB_FAMILIES = ("ndfeb_sintered", "ndfeb_bonded", "ndfeb_hot_deformed")
MAIN_PHASE = {**{f: "Nd2Fe14B" for f in NDFEB_FAMILIES}, "smco5": "SmCo5", "sm2co17": "SmCoFeCuZr_2_17",
              "ferrite": "BaFe12O19"}
HARD_PHASES = {**{f: ("Nd2Fe14B", "Pr2Fe14B", "Dy2Fe14B", "Tb2Fe14B") for f in NDFEB_FAMILIES},
               "smco5": ("SmCo5",), "sm2co17": ("SmCoFeCuZr_2_17",),
               "ferrite": ("BaFe12O19", "SrFe12O19", "Sr1-xLaxFe12-xCoxO19")}
CURIE_RANGE_K = (293.15, 1388.0)  # ferromagnetic at 20 degC; cobalt's 1388 K is the highest (COEY10)
PER_KELVIN = {"%/K": 1.0, "1/K": 100.0}  # to %/K
# A grade name, optionally followed by its maker in parentheses where two makers' grades share a
# name ("N42SH (ARNOLD)" after upper-casing; the C++ reader stops at the space, too).
GRADE_NAME = __import__("re").compile(r"^[A-Z]*?(\d+)(AH|EH|UH|SH|TH|M|H)?(T)?( \([A-Z][A-Z .&-]*\))?$")


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


def si(node, table):
    """A {"value", "unit"} quantity in SI units via table, or None."""
    if not isinstance(node, dict) or not isinstance(node.get("value"), (int, float)):
        return None
    scale = table.get(node.get("unit"))
    return None if scale is None else node["value"] * scale


def stats(block, table):
    """{"min": x, "typical": y, "max": z} (SI, only those present) of a {min, typical, max} block."""
    out = {}
    if isinstance(block, dict):
        for key in ("min", "typical", "max"):
            v = si(block.get(key), table)
            if v is not None:
                out[key] = v
    return out


def lower(st):
    for key in ("min", "typical", "max"):
        if key in st:
            return st[key]
    return None


def upper(st):
    for key in ("max", "typical", "min"):
        if key in st:
            return st[key]
    return None


def coercivity_letter(name):
    """The coercivity letter of a sintered NdFeB grade name (N52 -> N, N42SH -> SH, G52SHT -> SH), or None."""
    m = GRADE_NAME.match(name.upper())
    if not m:
        return None
    return m.group(2) or "N"


def family_bounds(phases, errors):
    """{family: (Js of the main phase in T, largest mu0 HA of the hard phases in T, the main phase's
    Curie point in K)}, from the phase records by id."""
    out = {}
    for family, main in MAIN_PHASE.items():
        needed = (main, *HARD_PHASES[family])
        missing = [p for p in needed if p not in phases]
        if missing:
            errors.append("grade bounds of %s: no phase file for %s" % (family, ", ".join(missing)))
            continue
        js = tesla(phases[main].get("saturation_polarization"))
        tc = kelvin(phases[main].get("curie_temperature"))
        fields = [tesla(phases[p].get("anisotropy_field_mu0")) for p in HARD_PHASES[family]]
        if js is None or tc is None or None in fields:
            errors.append("grade bounds of %s: the phase data of %s cannot be read" % (family, ", ".join(needed)))
            continue
        out[family] = (js, max(fields), tc)
    return out


def letter_minima(path, errors):
    """{class name (N, M, H, SH, ...): minimum HcJ in A/m} from the coercivity classes file."""
    data = load(path, errors) if path.exists() else None
    if data is None:
        errors.append("%s: /: the coercivity classes are needed to check the grades' letters" % path)
        return {}
    out = {}
    for c in data.get("classes") or []:
        minimum = si(c.get("min_intrinsic_coercivity"), AMPERE_PER_METRE) if isinstance(c, dict) else None
        if minimum is not None and isinstance(c.get("name"), str):
            out[c["name"]] = minimum
    return out


def check_grade_bounds(path, family, base, name, grade, hcb, hcj, bounds, errors):
    """The loader's physical bounds: HcJ, HcB <= HA; coefficients per family; Curie point and the
    temperatures it bounds."""
    if family not in COEFFICIENT_BOUNDS or family not in bounds:
        return
    _, ha_tesla, main_curie = bounds[family]
    ha = ha_tesla / MU0
    for field, st in (("intrinsic_coercivity", hcj), ("normal_coercivity", hcb)):
        if st and (max(st.values()) > ha or not all(math.isfinite(v) for v in st.values())):
            errors.append("%s: %s/%s: %s: %.4g A/m exceeds the hard phase's HA %.4g A/m"
                          % (path, base, field, name, max(st.values()), ha))
    coefficients = grade.get("temperature_coefficients") or {}
    alpha_min, alpha_max, beta_min, beta_max = COEFFICIENT_BOUNDS[family]
    for key, low, high in (("remanence", alpha_min, alpha_max), ("intrinsic_coercivity", beta_min, beta_max)):
        v = si(coefficients.get(key), PER_KELVIN)
        if v is not None and not low <= v <= high:
            errors.append("%s: %s/temperature_coefficients/%s: %s: %g %%/K outside [%g, %g] %%/K for %s"
                          % (path, base, key, name, v, low, high, family))
    curie = kelvin(grade.get("curie_temperature"))
    if curie is not None and not CURIE_RANGE_K[0] < curie <= CURIE_RANGE_K[1]:
        errors.append("%s: %s/curie_temperature: %s: %.2f K outside (%g, %g] K"
                      % (path, base, name, curie, CURIE_RANGE_K[0], CURIE_RANGE_K[1]))
    bound = curie if curie is not None else main_curie
    t_max = kelvin(grade.get("max_operating_temperature"))
    if t_max is not None and not t_max < bound:
        errors.append("%s: %s/max_operating_temperature: %s: %.2f K is not below the Curie temperature %.2f K"
                      % (path, base, name, t_max, bound))
    t_to = kelvin(coefficients.get("to"))
    if t_to is not None and not t_to <= bound:
        errors.append("%s: %s/temperature_coefficients/to: %s: %.2f K lies above the Curie temperature %.2f K"
                      % (path, base, name, t_to, bound))


def check_grade_physics(path, family, i, grade, bounds, minima, errors):
    base = "/grades/%d" % i
    name = grade.get("name")
    br = stats(grade.get("remanence"), TESLA)
    hcb = stats(grade.get("normal_coercivity"), AMPERE_PER_METRE)
    hcj = stats(grade.get("intrinsic_coercivity"), AMPERE_PER_METRE)
    bh = stats(grade.get("max_energy_product"), JOULE_PER_M3)
    for field, st in (("remanence", br), ("normal_coercivity", hcb), ("intrinsic_coercivity", hcj),
                      ("max_energy_product", bh)):
        vals = [st[k] for k in ("min", "typical", "max") if k in st]
        if any(a > b * (1 + 1e-9) for a, b in zip(vals, vals[1:])):
            errors.append("%s: %s/%s: %s: min <= typical <= max does not hold" % (path, base, field, name))

    def pairs(a, b):
        """(a, b, label) pairs to compare: a's lower bound with b's upper bound, then like with like."""
        out = []
        if lower(a) is not None and upper(b) is not None:
            out.append((lower(a), upper(b), "lower bound vs upper bound"))
        for key in ("typical", "max"):
            if key in a and key in b:
                out.append((a[key], b[key], key))
        return out

    for x, y, label in pairs(hcb, hcj):
        if x > y * (1 + 1e-9):
            errors.append("%s: %s/normal_coercivity: %s: HcB %.0f kA/m > HcJ %.0f kA/m (%s)"
                          % (path, base, name, x / 1e3, y / 1e3, label))
    for x, y, label in pairs(hcb, br):
        if x > y / MU0 * (1 + 1e-9):
            errors.append("%s: %s/normal_coercivity: %s: HcB %.0f kA/m > Br/mu0 = %.0f kA/m (%s)"
                          % (path, base, name, x / 1e3, y / MU0 / 1e3, label))
    for x, y, label in pairs(bh, br):
        limit = y * y / (4 * MU0) * ENERGY_TOLERANCE
        if x > limit:
            errors.append("%s: %s/max_energy_product: %s: (BH)max %.1f kJ/m3 > 1.03 Br^2/(4 mu0) = %.1f kJ/m3 (%s)"
                          % (path, base, name, x / 1e3, limit / 1e3, label))
    js = bounds[family][0] if family in bounds else None
    if js is not None and upper(br) is not None and upper(br) >= js:
        errors.append("%s: %s/remanence: %s: Br %.3f T is not below the main phase's Js %.2f T"
                      % (path, base, name, upper(br), js))

    check_grade_bounds(path, family, base, name, grade, hcb, hcj, bounds, errors)
    if family != "ndfeb_sintered" or not isinstance(name, str):
        return
    letter = coercivity_letter(name)
    if letter is None or letter not in minima:
        errors.append("%s: %s/name: %r: cannot tell its coercivity letter (expected e.g. N42, N42SH, G52SHT)"
                      % (path, base, name))
        return
    required = minima[letter]
    stated = lower(hcj)
    if stated is None:
        return  # the schema reports a missing HcJ
    exception = grade.get("coercivity_letter_exception")
    if stated >= required * (1 - LETTER_TOLERANCE):
        if exception is not None:
            errors.append("%s: %s/coercivity_letter_exception: %s: HcJ %.0f kA/m meets the %s minimum %.0f kA/m; "
                          "remove the exception" % (path, base, name, stated / 1e3, letter, required / 1e3))
        return
    if exception is None:
        errors.append("%s: %s/intrinsic_coercivity: %s: HcJ %.0f kA/m is below the %s-letter minimum %.0f kA/m; "
                      "record a coercivity_letter_exception if the grade's source states this minimum"
                      % (path, base, name, stated / 1e3, letter, required / 1e3))
        return
    minimum = si(exception.get("minimum"), AMPERE_PER_METRE)
    if minimum is None or abs(minimum - stated) > 1e-3 * stated:
        errors.append("%s: %s/coercivity_letter_exception/minimum: %s: the exception's minimum does not equal the "
                      "stated HcJ minimum %.0f kA/m" % (path, base, name, stated / 1e3))


def documents(files, validator, keys, used, errors):
    """Loads each file, validates it against its schema and checks its sources and derivations;
    yields (path, data) for the files whose top level is an object."""
    for path in files:
        data = load(path, errors)
        if data is None:
            continue
        validate(validator, path, data, errors)
        check_sources_and_derivations(path, data, keys, used, errors)
        if isinstance(data, dict):
            yield path, data


def check_grades(grade_dir, validator, keys, used, phases, errors):
    """Validate materials/grades/*.json; return the number of grades."""
    files = sorted(grade_dir.glob("*.json"))
    if not files:
        errors.append("%s: /: no grade files found" % grade_dir)
    bounds = family_bounds(phases, errors)
    minima = letter_minima(grade_dir.parent / "classes" / "ndfeb_sintered.json", errors)
    seen_names = {}
    count = 0
    for path, data in documents(files, validator, keys, used, errors):
        family = data.get("family")
        if isinstance(family, str) and path.stem != family:
            errors.append("%s: /family: file name %r does not match the family %r" % (path, path.name, family))
        grades = data.get("grades") if isinstance(data.get("grades"), list) else []
        for i, grade in enumerate(grades):
            if not isinstance(grade, dict):
                continue
            count += 1
            if "kind" not in grade:
                errors.append("%s: /grades/%d: a shipped grade states its kind (commercial or literature)" % (path, i))
            if grade.get("kind") != "literature" and "max_energy_product" not in grade:
                errors.append("%s: /grades/%d: max_energy_product is required (only a literature magnet may leave it out)" % (path, i))
            labels = [("name", grade.get("name"))] + [("aliases/%d" % j, a) for j, a in enumerate(grade.get("aliases") or [])]
            for where, label in labels:
                if not isinstance(label, str):
                    continue
                key = label.strip().lower()
                if key in seen_names:
                    errors.append("%s: /grades/%d/%s: %r is already used by %s" % (path, i, where, label, seen_names[key]))
                else:
                    seen_names[key] = "%s grade %r" % (path.name, grade.get("name"))
            check_grade_physics(path, family, i, grade, bounds, minima, errors)
    return len(files), count


def check_classes_and_validation(root, class_validator, validation_validator, keys, used, errors):
    """Validate materials/classes/*.json and materials/validation/*.json; return the file counts."""
    class_files = sorted((root / "classes").glob("*.json"))
    validation_files = sorted((root / "validation").glob("*.json"))
    for kind, files, validator in (("classes", class_files, class_validator),
                                   ("validation", validation_files, validation_validator)):
        if not files:
            errors.append("%s: /: no %s files found" % (root / kind, kind))
        for path, data in documents(files, validator, keys, used, errors):
            if kind == "validation":
                ids = [f.get("id") for f in data.get("figures", []) if isinstance(f, dict)]
                if len(ids) != len(set(ids)):
                    errors.append("%s: /figures: figure ids must be unique" % path)
                for i, f in enumerate(data.get("figures", [])):
                    source = f.get("published", {}).get("source") if isinstance(f, dict) else None
                    if isinstance(source, str) and source not in keys:
                        errors.append("%s: /figures/%d/published/source: unknown reference key %r" % (path, i, source))
                    elif isinstance(source, str):
                        used.add(source)
    return len(class_files), len(validation_files)


def check_prices_and_scenarios(root, price_validator, scenario_validator, keys, used, errors):
    """Validate materials/prices/*.json and materials/scenarios/*.json; return the file counts."""
    price_files = sorted((root / "prices").glob("*.json"))
    scenario_files = sorted((root / "scenarios").glob("*.json"))
    for kind, files, validator in (("price", price_files, price_validator),
                                   ("scenario", scenario_files, scenario_validator)):
        if not files:
            errors.append("%s: /: no %s files found" % (root / (kind + "s"), kind))
        for path, data in documents(files, validator, keys, used, errors):
            if data.get("name") != path.stem:
                errors.append("%s: /name: name %r does not match the file name %r" % (path, data.get("name"), path.stem))
            if kind == "scenario":
                points = data.get("points") if isinstance(data.get("points"), list) else []
                years = [p.get("year") for p in points if isinstance(p, dict)]
                for i in range(1, len(years)):
                    if isinstance(years[i], (int, float)) and isinstance(years[i - 1], (int, float)) \
                            and not years[i] > years[i - 1]:
                        errors.append("%s: /points/%d/year: years must increase strictly" % (path, i))
    return len(price_files), len(scenario_files)


def fraction(node):
    """A dimensionless {"value"[, "unit"]} value as a plain fraction (no unit = fraction, "1", "%" = 0.01), or None."""
    if not isinstance(node, dict) or not isinstance(node.get("value"), (int, float)):
        return None
    scale = {None: 1.0, "1": 1.0, "%": 1e-2}.get(node.get("unit"), None)
    return None if scale is None else node["value"] * scale


FORMULA_TOKEN = __import__("re").compile(r"([A-Z][a-z]?|\(|\))([0-9.]*)")


def formula_amounts(formula):
    """{element: amount} of a plain formula with parentheses ("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5"), or None."""
    stack, pos = [{}], 0
    while pos < len(formula):
        m = FORMULA_TOKEN.match(formula, pos)
        if not m or m.end() == pos:
            return None
        token, count = m.group(1), m.group(2)
        try:
            n = float(count) if count else 1.0
        except ValueError:
            return None
        if token == "(":
            if count:
                return None
            stack.append({})
        elif token == ")":
            if len(stack) < 2:
                return None
            inner = stack.pop()
            for el, a in inner.items():
                stack[-1][el] = stack[-1].get(el, 0.0) + a * n
        else:
            stack[-1][token] = stack[-1].get(token, 0.0) + n
        pos = m.end()
    return stack[0] if len(stack) == 1 else None


def composition_family(formula, phases):
    """Phase family of a composition formula: the phase file of that formula (or id), else by its elements
    as lib/src/phases.cpp sorts them; None if it cannot be told."""
    for key, phase in phases.items():
        if formula in (key, phase.get("formula")):
            return phase.get("family")
    amounts = formula_amounts(formula)
    if not amounts:
        return None
    if amounts.get("B", 0) > 0 and amounts.get("Fe", 0) > 0:
        return "r2fe14b"
    sm, co = amounts.get("Sm", 0), amounts.get("Co", 0)
    if sm > 0 and co > 0:
        return "smco5" if len(amounts) == 2 and abs(co / sm - 5.0) < 1e-6 * 5.0 else "sm2co17"
    if amounts.get("O", 0) > 0 and amounts.get("Fe", 0) > 0:
        return "hexaferrite"
    return None


def check_strategy(path, data, phases, process_names, errors):
    """Cross-checks of one strategy file (the schema has checked the types)."""
    if data.get("name") != path.stem:
        errors.append("%s: /name: name %r does not match the file name %r" % (path, data.get("name"), path.stem))
    kind, process = data.get("kind"), data.get("process")
    composition = data.get("composition")
    if isinstance(composition, str):
        family = composition_family(composition, phases)
        if family is None:
            errors.append("%s: /composition: cannot tell the phase family of %r (no phase file has this formula)"
                          % (path, composition))
    else:
        family = "r2fe14b"
    if family is not None and isinstance(process, str) and "%s_%s" % (family, process) not in process_names:
        errors.append("%s: /process: %r is not a %s process: no file processes/%s_%s.json"
                      % (path, process, family, family, process))
    element = data.get("element")
    if kind in ("heavy_rare_earth", "substitution") and isinstance(element, str) \
            and "%s2Fe14B" % element not in phases:
        errors.append("%s: /element: no phase file phases/%s2Fe14B.json for element %r" % (path, element, element))
    base = data.get("base") if isinstance(data.get("base"), dict) else {}
    tre, boron = fraction(base.get("total_rare_earth")), fraction(base.get("boron"))
    if tre is not None and not 0.0 < tre < 0.5:
        errors.append("%s: /base/total_rare_earth: %.4g is outside 0 < total_rare_earth < 50 %%" % (path, tre))
    if boron is not None and not boron > 0.0:
        errors.append("%s: /base/boron: boron must be > 0" % path)
    amount = fraction(data.get("max_amount"))
    if kind == "heavy_rare_earth" and amount is not None and tre is not None and not amount < tre:
        errors.append("%s: /max_amount: %.4g %% %s is not below base.total_rare_earth %.4g %%"
                      % (path, 100 * amount, element, 100 * tre))
    if kind == "substitution" and amount is not None and amount > 1.0:
        errors.append("%s: /max_amount: a substitute share of %.4g exceeds the whole rare-earth site (max 1)"
                      % (path, amount))
    efficiency = fraction(data.get("gbd_efficiency"))
    if efficiency is not None and not efficiency >= 1.0:
        errors.append("%s: /gbd_efficiency: %.4g must be >= 1" % (path, efficiency))
    la = fraction(data.get("lanthanum_share"))
    if la is not None and not 0.0 <= la <= 1.0:
        errors.append("%s: /lanthanum_share: %.4g is outside 0-1" % (path, la))


def check_strategies(strategy_dir, validator, keys, used, phases, process_names, errors):
    """Validate materials/strategies/*.json; return the number of files."""
    files = sorted(strategy_dir.glob("*.json"))
    if not files:
        errors.append("%s: /: no strategy files found" % strategy_dir)
    for path, data in documents(files, validator, keys, used, errors):
        check_strategy(path, data, phases, process_names, errors)
    return len(files)


def validate(validator, path, data, errors):
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        errors.append("%s: %s: %s" % (path, pointer(err.absolute_path), err.message))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Validate magmat material data (references, phases, processes, grades, prices, "
                                                 "scenarios, strategies).")
    parser.add_argument("--root", type=pathlib.Path, default=DEFAULT_ROOT,
                        help="materials folder holding schema/, phases/, processes/, grades/, prices/, scenarios/, "
                             "strategies/ and references.json "
                             "(default: %(default)s)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    schema_dir, phase_dir, process_dir, refs_path = (root / "schema", root / "phases", root / "processes",
                                                     root / "references.json")
    grade_dir = root / "grades"
    try:
        import jsonschema
    except ImportError:
        print("check_materials: the 'jsonschema' package is required (pip install jsonschema)", file=sys.stderr)
        return 2
    errors = []
    schemas = {name: load(schema_dir / name, errors)
               for name in ("phase.schema.json", "process.schema.json", "references.schema.json",
                            "grade.schema.json", "price.schema.json", "scenario.schema.json",
                            "strategy.schema.json", "classes.schema.json", "validation.schema.json")}
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
    for path, data in documents(phase_files, phase_validator, keys, used, errors):
        phases[path.stem] = data
        check_phase(path, data, errors)

    process_files = sorted(process_dir.glob("*.json"))
    if not process_files:
        errors.append("%s: /: no process files found" % process_dir)
    process_validator = V(schemas["process.schema.json"], format_checker=fmt)
    for path, data in documents(process_files, process_validator, keys, used, errors):
        check_process(path, data, phases, errors)

    grade_files, grade_count = check_grades(grade_dir, V(schemas["grade.schema.json"], format_checker=fmt),
                                            keys, used, phases, errors)

    price_files, scenario_files = check_prices_and_scenarios(
        root, V(schemas["price.schema.json"], format_checker=fmt), V(schemas["scenario.schema.json"], format_checker=fmt),
        keys, used, errors)

    class_files, validation_files = check_classes_and_validation(
        root, V(schemas["classes.schema.json"], format_checker=fmt), V(schemas["validation.schema.json"], format_checker=fmt),
        keys, used, errors)

    strategy_files = check_strategies(root / "strategies", V(schemas["strategy.schema.json"], format_checker=fmt),
                                      keys, used, phases, {p.stem for p in process_files}, errors)

    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    print("check_materials: %d phase files, %d process files, %d grade files (%d grades) and %d references OK "
          "(%d keys used), %d price files, %d scenario files, %d strategy files, %d class files and "
          "%d validation files OK"
          % (len(phase_files), len(process_files), grade_files, grade_count, len(keys), len(used),
             price_files, scenario_files, strategy_files, class_files, validation_files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
