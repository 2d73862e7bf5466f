"""Tests of the material data files (materials/) through materials/schema/check_materials.py.

The checker runs in a subprocess; these tests do not import magmat. Each failure test writes a
copy of materials/ to tmp_path, breaks one field, and checks that the checker exits 1 and names
the file and the JSON pointer of the broken field.
"""
import importlib.util
import json
import pathlib
import shutil
import subprocess
import sys

import pytest

MATERIALS = pathlib.Path(__file__).resolve().parents[2] / "materials"
CHECKER = MATERIALS / "schema" / "check_materials.py"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("jsonschema") is None,
    reason="check_materials.py needs the 'jsonschema' package (pip install jsonschema); it is installed in CI",
)


def run_checker(root=None):
    cmd = [sys.executable, str(CHECKER)]
    if root is not None:
        cmd += ["--root", str(root)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def materials_copy(tmp_path):
    root = tmp_path / "materials"
    shutil.copytree(MATERIALS, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def assert_fails(result, file_name, json_pointer, *words):
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if file_name in line and (": %s:" % json_pointer) in line]
    assert lines, "no error naming %s and %s in:\n%s" % (file_name, json_pointer, result.stderr)
    for word in words:
        assert any(word in line for line in lines), "%r not in %s" % (word, lines)


def test_material_data_is_valid():
    result = run_checker()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK" in result.stdout


def test_copy_is_valid(materials_copy):
    result = run_checker(materials_copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_unknown_source_key_fails(materials_copy):
    def change(d):
        d["curie_temperature"]["source"] = "NO-SUCH-KEY"

    edit(materials_copy / "phases" / "Nd2Fe14B.json", change)
    assert_fails(run_checker(materials_copy), "Nd2Fe14B.json", "/curie_temperature/source", "NO-SUCH-KEY")


def test_unknown_source_key_in_process_file_fails(materials_copy):
    def change(d):
        d["calibration"]["intrinsic_coercivity"][0]["source"] = "NO-SUCH-KEY"

    edit(materials_copy / "processes" / "r2fe14b_sintered.json", change)
    assert_fails(run_checker(materials_copy), "r2fe14b_sintered.json",
                 "/calibration/intrinsic_coercivity/0/source", "NO-SUCH-KEY")


def test_unit_of_wrong_dimension_fails(materials_copy):
    def change(d):
        d["saturation_polarization"]["unit"] = "kA/m"  # a field strength, not a polarization

    edit(materials_copy / "phases" / "SmCo5.json", change)
    assert_fails(run_checker(materials_copy), "SmCo5.json", "/saturation_polarization/unit", "kA/m")


def test_unit_of_wrong_dimension_in_process_file_fails(materials_copy):
    def change(d):
        d["calibration"]["intrinsic_coercivity"][0]["value"]["unit"] = "T"

    edit(materials_copy / "processes" / "smco5_sintered.json", change)
    assert_fails(run_checker(materials_copy), "smco5_sintered.json",
                 "/calibration/intrinsic_coercivity/0/value/unit")


def test_derived_value_without_derivation_fails(materials_copy):
    def change(d):
        del d["molar_mass"]["derivation"]

    edit(materials_copy / "phases" / "SrFe12O19.json", change)
    assert_fails(run_checker(materials_copy), "SrFe12O19.json", "/molar_mass", "derivation")


def test_derived_process_value_without_derivation_fails(materials_copy):
    def change(d):
        del d["relative_density"]["derivation"]

    edit(materials_copy / "processes" / "smco5_sintered.json", change)
    assert_fails(run_checker(materials_copy), "smco5_sintered.json", "/relative_density", "derivation")


def test_process_without_calibration_or_parameters_fails(materials_copy):
    def change(d):
        del d["n_eff"]  # alpha_k alone is not enough

    edit(materials_copy / "processes" / "r2fe14b_bonded.json", change)
    assert_fails(run_checker(materials_copy), "r2fe14b_bonded.json", "/", "n_eff")


def test_process_file_name_must_match_family_and_process(materials_copy):
    processes = materials_copy / "processes"
    (processes / "r2fe14b_bonded.json").rename(processes / "r2fe14b_plastic.json")
    assert_fails(run_checker(materials_copy), "r2fe14b_plastic.json", "/process", "r2fe14b_bonded.json")


def test_law_not_reproducing_reference_polarization_fails(materials_copy):
    def change(d):
        d["magnetization_temperature_law"]["saturation_polarization_0K"]["value"] *= 1.01

    edit(materials_copy / "phases" / "BaFe12O19.json", change)
    assert_fails(run_checker(materials_copy), "BaFe12O19.json",
                 "/magnetization_temperature_law/saturation_polarization_0K", "0.5 %")


def test_kuzmin_s_range_applies_to_kuzmin_only(materials_copy):
    def change(d):
        d["magnetization_temperature_law"]["s"]["value"] = 2.0

    edit(materials_copy / "phases" / "Nd2Fe14B.json", change)
    assert_fails(run_checker(materials_copy), "Nd2Fe14B.json", "/magnetization_temperature_law/s/value", "5/3")


def test_calibration_the_loader_would_reject_fails(materials_copy):
    # A second calibration point above the first: HcJ rising with temperature cannot come from
    # Nd2Fe14B's falling HA with a non-negative N_eff.
    def change(d):
        d["calibration"]["intrinsic_coercivity"][1]["value"]["value"] = 2000.0

    edit(materials_copy / "processes" / "r2fe14b_sintered.json", change)
    assert_fails(run_checker(materials_copy), "r2fe14b_sintered.json", "/calibration", "N_eff")


def test_unknown_source_key_in_strategy_fails(materials_copy):
    def change(d):
        d["max_amount"]["source"] = "NO-SUCH-KEY"

    edit(materials_copy / "strategies" / "bulk_dy.json", change)
    assert_fails(run_checker(materials_copy), "bulk_dy.json", "/max_amount/source", "NO-SUCH-KEY")


def test_strategy_file_name_must_match_name(materials_copy):
    strategies = materials_copy / "strategies"
    (strategies / "gbd_tb.json").rename(strategies / "gbd_terbium.json")
    assert_fails(run_checker(materials_copy), "gbd_terbium.json", "/name", "gbd_tb")


def test_heavy_rare_earth_strategy_without_max_amount_fails(materials_copy):
    def change(d):
        del d["max_amount"]

    edit(materials_copy / "strategies" / "bulk_tb.json", change)
    assert_fails(run_checker(materials_copy), "bulk_tb.json", "/", "max_amount")


def test_strategy_max_amount_not_below_total_rare_earth_fails(materials_copy):
    def change(d):
        d["max_amount"]["value"] = 31.0  # all of the base's rare earth

    edit(materials_copy / "strategies" / "bulk_dy.json", change)
    assert_fails(run_checker(materials_copy), "bulk_dy.json", "/max_amount", "total_rare_earth")


def test_strategy_gbd_efficiency_below_one_fails(materials_copy):
    def change(d):  # the shipped strategies take the process's calibrated shell; a user's may set one
        d["gbd_efficiency"] = {"value": 0.5, "source": "COEY10", "confidence": "U"}

    edit(materials_copy / "strategies" / "gbd_dy.json", change)
    assert_fails(run_checker(materials_copy), "gbd_dy.json", "/gbd_efficiency", ">= 1")


def test_strategy_process_of_wrong_family_fails(materials_copy):
    def change(d):
        d["process"] = "sintered"  # a ferrite is made by the hexaferrite process sintered_ferrite

    edit(materials_copy / "strategies" / "ferrite.json", change)
    assert_fails(run_checker(materials_copy), "ferrite.json", "/process", "hexaferrite_sintered.json")


def test_strategy_thickness_unit_of_wrong_dimension_fails(materials_copy):
    def change(d):
        d["max_thickness"]["unit"] = "%"

    edit(materials_copy / "strategies" / "gbd_dy.json", change)
    assert_fails(run_checker(materials_copy), "gbd_dy.json", "/max_thickness/unit", "%")


def test_derived_strategy_value_without_derivation_fails(materials_copy):
    def change(d):
        del d["n_eff_scale"]["derivation"]

    edit(materials_copy / "strategies" / "hre_free_fine_grain.json", change)
    assert_fails(run_checker(materials_copy), "hre_free_fine_grain.json", "/n_eff_scale", "derivation")


def test_grade_physics_bounds_of_the_loader_are_checked(materials_copy):
    # issue [12] item 6: the loader's physical bounds, mirrored by the checker
    def change(d):
        g = d["grades"][0]
        g["temperature_coefficients"]["remanence"] = {"value": 1, "unit": "%/K"}
        g["temperature_coefficients"]["intrinsic_coercivity"] = {"value": 3, "unit": "%/K"}
        g["max_operating_temperature"]["value"] = 5000
        g["curie_temperature"]["value"] = -100
        d["grades"][1]["intrinsic_coercivity"]["min"] = {"value": 1e297, "unit": "kA/m"}
        d["grades"][2]["temperature_coefficients"]["from"] = {"value": 20, "unit": "degC"}
        d["grades"][2]["temperature_coefficients"]["to"] = {"value": 1e6, "unit": "degC"}

    edit(materials_copy / "grades" / "smco5.json", change)
    result = run_checker(materials_copy)
    assert_fails(result, "smco5.json", "/grades/0/temperature_coefficients/remanence", "1 %/K outside [-1, 0.01]")
    assert_fails(result, "smco5.json", "/grades/0/temperature_coefficients/intrinsic_coercivity", "3 %/K outside")
    assert_fails(result, "smco5.json", "/grades/0/curie_temperature", "173.15 K outside")
    assert_fails(result, "smco5.json", "/grades/0/max_operating_temperature", "5273.15 K is not below")
    assert_fails(result, "smco5.json", "/grades/1/intrinsic_coercivity", "exceeds the hard phase's HA")
    assert_fails(result, "smco5.json", "/grades/2/temperature_coefficients/to", "lies above the Curie temperature")


def test_grade_bounds_come_from_the_phase_and_class_files(materials_copy):
    # Br below the main phase's Js, HcJ at most the hard phases' HA and the letter minima are read
    # from phases/ and classes/, not kept as a second copy in the checker.
    def break_grades(d):
        names = {g["name"]: g for g in d["grades"]}
        names["N42SH"]["intrinsic_coercivity"]["min"] = {"value": 18, "unit": "kOe"}   # below SH's 1592 kA/m
        names["N42"]["remanence"]["max"] = {"value": 1.7, "unit": "T"}                # above Nd2Fe14B's 1.61 T

    grades = materials_copy / "grades" / "ndfeb_sintered.json"
    edit(grades, break_grades)
    index = {g["name"]: i for i, g in enumerate(json.loads(grades.read_text(encoding="utf-8"))["grades"])}
    result = run_checker(materials_copy)
    assert_fails(result, "ndfeb_sintered.json", "/grades/%d/intrinsic_coercivity" % index["N42SH"], "SH-letter minimum 1592")
    assert_fails(result, "ndfeb_sintered.json", "/grades/%d/remanence" % index["N42"], "main phase's Js 1.61")

    # the same grades pass once the data files say so: a lower SH minimum, a larger Js
    def lower_sh(d):
        next(c for c in d["classes"] if c["name"] == "SH")["min_intrinsic_coercivity"]["value"] = 1400
    edit(materials_copy / "classes" / "ndfeb_sintered.json", lower_sh)
    edit(materials_copy / "phases" / "Nd2Fe14B.json", lambda d: d["saturation_polarization"].update(value=1.75))
    result = run_checker(materials_copy)
    assert "SH-letter minimum" not in result.stderr and "main phase's Js" not in result.stderr


def test_grade_bounds_need_their_phase_files(materials_copy):
    (materials_copy / "phases" / "Tb2Fe14B.json").unlink()
    result = run_checker(materials_copy)
    assert result.returncode == 1 and "grade bounds of ndfeb_sintered: no phase file for Tb2Fe14B" in result.stderr


def test_a_makers_suffix_keeps_the_coercivity_letter_and_a_malformed_one_fails(materials_copy):
    """A second maker's grade of a name already in the catalog carries the maker in parentheses
    (materials/grades/README.md): the letter is still read, below its minimum still fails, and a
    name that is not a grade name followed by a maker is refused."""
    grades = materials_copy / "grades" / "ndfeb_sintered.json"
    index = {g["name"]: i for i, g in enumerate(json.loads(grades.read_text(encoding="utf-8"))["grades"])}
    assert {"N42SH (Arnold)", "N38UH (Arnold)"} <= set(index)

    def change(d):
        d["grades"][index["N42SH (Arnold)"]]["intrinsic_coercivity"]["min"] = {"value": 1500, "unit": "kA/m"}
        d["grades"][index["N38UH (Arnold)"]]["name"] = "N38UH Arnold"

    edit(grades, change)
    result = run_checker(materials_copy)
    assert_fails(result, "ndfeb_sintered.json", "/grades/%d/intrinsic_coercivity" % index["N42SH (Arnold)"], "SH-letter minimum 1592")
    assert_fails(result, "ndfeb_sintered.json", "/grades/%d/name" % index["N38UH (Arnold)"], "cannot tell its coercivity letter")
