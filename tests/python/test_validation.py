"""The validation set (materials/validation/): model against published figures, with residuals."""

import json
import math
from pathlib import Path

import pytest

import magmat as mm
from magmat.__main__ import main


@pytest.fixture(scope="module")
def report():
    return mm.validation_report()


def test_every_figure_has_a_source_a_role_and_a_finite_model_value(report):
    assert len(report) >= 8
    for row in report:
        assert row["role"] in ("calibration", "validation", "report")
        assert row["source"] and row["printed"]
        assert math.isfinite(row["model"]) and math.isfinite(row["published"])
        assert row["residual"] == pytest.approx(row["model"] - row["published"])


def test_each_figure_lands_where_the_data_say_it_does(report):
    """Figures with a tolerance hold it; a figure the model is known to miss stays outside and
    says why (so that neither changes silently)."""
    for row in report:
        if row["tolerance"] is None:
            continue
        assert row["within"] is (row["expected"] == "within"), row["id"]
        if row["expected"] == "outside":
            assert row["why"], row["id"]


def test_calibration_and_validation_are_kept_apart(report):
    """Only Dy-free N-class data calibrate the sintered process, one heavy-rare-earth-free
    magnet the hot-deformed one, four commercial-type magnets' chords the 2:17 HcJ(T) table and
    two magnets' chords the SmCo5 one; every Dy-bearing class and every other magnet validates."""
    calibration = sorted(r["id"] for r in report if r["role"] == "calibration")
    assert calibration == ["CRE18-GBD-gain", "GUO02-beta-450", "N-class-beta", "RECOMA28HE-beta", "RECOMA33E-beta",
                           "SPS21-SmCo5-beta-400", "Sm2Co17-27MGOe-beta", "XIA19-HcJ-180", "XIA19-HcJ-20", "YX-beta"]
    for figure in ("M-class-beta", "H-class-beta", "UH-class-beta", "EH-class-beta", "AH-class-beta",
                   "N48SH-ratio", "N48SH-beta", "JING19-HcJ", "LIU17-HcJ-base", "AHN24-HcJ",
                   "RECOMA35E-beta", "YXG-beta", "SmCo5-20MGOe-beta", "RECOMA20-beta",
                   "ZHANG15-gain", "CAO18-HcJ", "CAO18-beta", "MAT24-Ce50-HcJ", "RMME07-ratio-500", "GONG17-ratio-500",
                   "GUO02-beta-450-lowfe"):
        assert report.row(figure)["role"] == "validation"


def test_the_hot_deformed_process_is_calibrated_within_its_physical_range(report):
    m = mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0}, "hot_deformed")
    p = m.process_parameters
    assert 0.2 <= p["alpha_k"] <= 0.35  # brief section 4.2 for hot-deformed magnets
    assert p["n_eff"] == 0.55
    assert report.row("XIA19-HcJ-180")["within"] and report.row("JING19-HcJ")["within"]
    assert report.row("JING19-HcJ")["unit"] == "kA/m"
    # the hot-deformed family ships literature magnets, each sourced and marked
    cat = mm.Catalog.default()
    hot = cat.find(family="ndfeb_hot_deformed")
    assert len(hot) >= 3
    for g in hot:
        d = g.datasheet
        assert d["kind"] == "literature" and d["remanence"]["source"] and d["intrinsic_coercivity"]["source"]
        assert g.max_energy_product(20) <= g.properties(20).max_energy_product_limit


def test_the_acceptance_figures_of_the_coercivity_model(report):
    # N48SH's HcJ(150 degC)/HcJ(20 degC) within 10 % of the measured 6.29/21.06
    assert report.row("N48SH-ratio")["model"] == pytest.approx(6.29 / 21.06, rel=0.10)
    # the Dy-free composition: beta(20-100 degC) in -0.80 to -0.58 %/K with physical parameters
    m = mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0}, "sintered")
    beta = 100 * m.reversible_coefficients(from_C=20, to_C=100).intrinsic_coercivity
    assert -0.80 <= beta <= -0.58
    p = m.process_parameters
    assert 0 < p["alpha_k"] <= 1 and 0.8 <= p["n_eff"] <= 1.6
    assert p["sources"]["n_eff"] == ("BANCE14", "C")


def test_every_sintered_grade_has_its_class_or_own_beta_within_tolerance():
    grades = mm.grade_coefficient_report()
    assert len(grades) == len(mm.Catalog.default().find(family="ndfeb_sintered"))
    # Known misses (issue [9], docs/validation.md): Arnold prints -0.62 %/K over 20-80 degC for its
    # Dy-free N grades and -0.60 over 20-100 for N42M; past its interval a grade follows the model's
    # ratio, and the model's Dy-free magnet, calibrated on SDSDXT's steeper N class, has no HcJ left
    # at 150 degC, so these chords over 20-150 degC come out 0.10-0.15 %/K steeper than printed.
    known = {"N35 (Arnold)", "N42 (Arnold)", "N48 (Arnold)", "N50 (Arnold)", "N52 (Arnold)", "N42M (Arnold)"}
    missed = {row["id"] for row in grades if row["published"] is not None and not row["within"]}
    assert missed == known
    assert all(-0.16 < row["residual"] < -0.09 for row in grades if row["id"] in known)
    # a grade whose page prints no beta takes its class's
    assert mm.Catalog.default()["N48SH"].coercivity_coefficient_basis == "class"
    assert mm.Catalog.default()["N42"].coercivity_coefficient_basis == "datasheet"


def test_report_rows_by_id_and_unknown_ids(report):
    assert report.row("N-class-beta")["quantity"] == "beta"
    with pytest.raises(KeyError, match="N-class-beta"):
        report.row("nonsense")


def test_a_users_validation_file(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"schema": "magmat-validation/1", "figures": [{
        "id": "mine", "role": "validation", "quantity": "beta", "from_C": 20, "to_C": 100,
        "magnet": {"composition": {"Nd": 31.0, "Fe": 68.0, "B": 1.0}},
        "published": {"value": -0.7, "unit": "%/K", "printed": "-0.7", "source": "LAB"},
        "tolerance": {"value": 0.1, "unit": "%/K"}}]}))
    rows = mm.validation_report(str(path))
    assert len(rows) == 1 and rows[0]["within"]


@pytest.mark.parametrize("figure, match", [
    pytest.param({"id": "x"}, "magnet", id="missing-field"),
    pytest.param({"id": "x", "role": "guess", "quantity": "beta", "magnet": {}, "published": {}}, "role",
                 id="bad-role"),
    pytest.param({"id": "x", "role": "validation", "quantity": "beta", "magnet": {"composition": {"Nd": 31, "Fe": 68, "B": 1}},
                  "from_C": 20, "to_C": 100, "published": {"value": 1, "unit": "T"}}, "unit", id="wrong-unit"),
    pytest.param({"id": "x", "role": "validation", "quantity": "mass", "magnet": {}, "published": {}}, "quantity",
                 id="unknown-quantity"),
])
def test_bad_validation_files_name_what_is_wrong(tmp_path, figure, match):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"schema": "magmat-validation/1", "figures": [figure]}))
    with pytest.raises(mm.DataError, match=match):
        mm.validation_report(str(path))


def test_a_key_repeated_in_a_validation_file_is_refused(tmp_path):
    """JSON leaves a repeated key undefined; Python's parser would keep the last one silently."""
    path = tmp_path / "twice.json"
    path.write_text('{"schema": "magmat-validation/1", "figures": [{"id": "a", "id": "b"}]}')
    with pytest.raises(mm.DataError, match='twice.json: key "id" appears twice'):
        mm.validation_report(str(path))


def test_magmat_validate_prints_the_table(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "N48SH-ratio" in out and "calibration" in out and "residual" in out and "N42SH" in out


def test_magmat_validate_json_parses_strictly(capsys):
    assert main(["validate", "--json", "--no-grades"]) == 0
    def refuse(name):
        raise ValueError(name)
    document = json.loads(capsys.readouterr().out, parse_constant=refuse)
    assert {r["id"] for r in document["figures"]} >= {"N-class-beta", "N48SH-ratio"}
    assert document["grade_coefficients"] == [] and document["grade_ratings"] == []  # --no-grades


def test_diffusion_grades_hold_diffusion_levels_of_terbium():
    """Issue [9]: a diffusion grade holds at most 2 wt% Dy + Tb. The grain-boundary-diffused process is
    calibrated on CRE18-GBD; G38AHT, the most coercive diffusion grade, still needs slightly more
    (an open item of the issue, docs/validation.md), and this test shows if that changes."""
    cat = mm.Catalog.default()
    diffusion = [g for g in cat.find(family="ndfeb_sintered") if "grain-boundary-diffused" in g.datasheet["description"].lower()
                 or "gbd" in g.datasheet["description"].lower()]
    assert len(diffusion) >= 10
    for g in diffusion:
        heavy = g.composition.mass_fraction("Dy") + g.composition.mass_fraction("Tb")
        if g.name == "G38AHT":
            assert 0.020 < heavy < 0.022, heavy
        else:
            assert heavy <= 0.020, (g.name, heavy)
        assert g.composition.mass_fraction("Tb") > 0  # Tb, as the source says "Dy/Tb"


def test_grain_boundary_diffusion_calibration_and_its_validation(report):
    assert report.row("CRE18-GBD-gain")["role"] == "calibration" and report.row("CRE18-GBD-gain")["within"]
    row = report.row("ZHANG15-gain")
    assert row["role"] == "validation" and row["expected"] == "outside" and row["why"]
    p = mm.Magnet.from_composition({"Nd": 30.0, "Dy": 1.0, "Fe": 68.0, "B": 1.0}, "grain_boundary_diffused").process_parameters
    assert p["shell_volume_fraction"] == pytest.approx(0.1226)


def test_the_fine_grain_strategy_meets_a_published_dy_free_magnet_without_a_fitted_factor(report):
    row = report.row("FINE-GRAIN-HcJ")
    assert row["role"] == "validation" and row["within"]
    m = mm.strategy_magnet("hre_free_fine_grain", 0.0)
    assert m.process_parameters["n_eff"] == pytest.approx(1.22 * 0.6475)  # BANCE14 at 1 um over 8.3 um
    assert m.composition.mass_fraction("Dy") == 0 and m.composition.mass_fraction("Tb") == 0


def test_the_2_17_table_follows_its_chords_to_450_degC_and_validates_on_another_maker(report):
    """The cell material's HcJ(T) is tabulated through four commercial-type magnets' chords (20-120,
    -200, -300 and -450 degC); HORIZON's YXG coefficient and Recoma 35E validate it, and the
    high-temperature alloys (less Fe, more Cu) stay outside: the table vanishes at 456 degC."""
    for figure in ("Sm2Co17-27MGOe-beta", "RECOMA33E-beta", "RECOMA28HE-beta", "GUO02-beta-450"):
        assert report.row(figure)["role"] == "calibration" and report.row(figure)["within"]
    for figure in ("YXG-beta", "RECOMA35E-beta"):
        assert report.row(figure)["role"] == "validation" and report.row(figure)["within"]
    for figure in ("RMME07-ratio-500", "GONG17-ratio-500"):
        row = report.row(figure)
        assert not row["within"] and row["model"] == 0.0 < row["published"]
    low_fe = report.row("GUO02-beta-450-lowfe")
    assert not low_fe["within"] and low_fe["model"] < low_fe["published"]  # the alloy falls slower
    m = mm.Magnet.from_composition("Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5", "sintered")
    h20 = m.intrinsic_coercivity(temperature_C=20)
    assert m.intrinsic_coercivity(temperature_C=450) / h20 == pytest.approx(0.011, rel=1e-6)
    assert m.intrinsic_coercivity(temperature_C=460) == 0.0
    assert m.intrinsic_coercivity(temperature_C=-73.0) / h20 == pytest.approx(1 + 0.0020 * 93.0, rel=1e-6)
    with pytest.raises(ValueError, match="outside the range -73.1 to 800.0 degC"):  # below the table: no data
        m.intrinsic_coercivity(temperature_C=-100.0)


def test_tb_diffusion_is_validated_at_room_temperature_and_to_160_degC(report):
    """Nothing in the diffusion model was fitted to Tb: the shell fraction comes from one Dy result
    (CRE18-GBD). A published TbF3-diffused magnet validates it, and its annealed base shows the
    Dy-free model's HcJ(T) ending too early (a report: the base's composition is not printed)."""
    hcj, beta = report.row("CAO18-HcJ"), report.row("CAO18-beta")
    assert hcj["role"] == beta["role"] == "validation" and hcj["within"] and beta["within"]
    assert hcj["model"] < hcj["published"]  # with the printed upper bound of Tb the model is still short
    annealed = report.row("CAO18-annealed-beta")
    assert annealed["role"] == "report" and annealed["tolerance"] is None
    assert annealed["model"] == pytest.approx(-100.0 / 135.0)  # HcJ is 0 at 160 degC in the model
    assert annealed["model"] < annealed["published"]


def test_smco5_coercivity_follows_its_table_of_chords(report):
    """SmCo5's HcJ(T) passes through HORIZON's 20-100 degC chord and SPS21's 27-400 degC one,
    is straight between them and reaches zero where that segment does (428.6 degC)."""
    assert report.row("YX-beta")["within"] and report.row("SPS21-SmCo5-beta-400")["within"]
    assert report.row("SPS21-SmCo5-beta-400")["role"] == "calibration"
    m = mm.Magnet.from_composition("SmCo5", "sintered")
    h20 = m.intrinsic_coercivity(temperature_C=20)
    assert m.intrinsic_coercivity(temperature_C=100) / h20 == pytest.approx(0.76, rel=1e-6)
    h27 = m.intrinsic_coercivity(temperature_C=27)
    assert m.intrinsic_coercivity(temperature_C=400) / h27 == pytest.approx(1 - 0.0025 * 373, rel=1e-6)
    h250 = m.intrinsic_coercivity(temperature_C=250)
    assert h250 == pytest.approx((m.intrinsic_coercivity(temperature_C=100)
                                  + m.intrinsic_coercivity(temperature_C=400)) / 2, rel=1e-6)
    assert m.intrinsic_coercivity(temperature_C=428.0) > 0.0
    assert m.intrinsic_coercivity(temperature_C=429.0) == 0.0
    assert m.intrinsic_coercivity(temperature_C=-73.0) / h20 == pytest.approx(1 + 0.0030 * 93.0, rel=1e-6)
    with pytest.raises(ValueError, match="outside the range -73.1"):  # below the table: no data
        m.intrinsic_coercivity(temperature_C=-100.0)
    # Makers' SmCo5 coefficients lie on both sides of the table: Arnold's 20 MGOe SmCo5 falls faster
    # over 20-120 degC, Recoma 20 slower over 20-150 degC (known misses, docs/validation.md).
    faster, slower = report.row("SmCo5-20MGOe-beta"), report.row("RECOMA20-beta")
    assert faster["role"] == slower["role"] == "validation" and not faster["within"] and not slower["within"]
    assert faster["published"] < faster["model"] < slower["model"] < slower["published"]


def test_the_bulk_dy_shortfall_is_shown_against_the_published_dy_contents(report):
    """The model's SH magnet needs more Dy than published contents allow (docs/validation.md,
    'Dy per class'): a known limit of the mixing rule, asserted so that a fix shows here."""
    rows = [report.row(f) for f in ("SH-least-dy", "SH-least-dy-motors", "SH-least-dy-applications")]
    assert all(r["role"] == "report" and r["tolerance"] is None for r in rows)
    assert rows[0]["model"] == rows[1]["model"] == rows[2]["model"]
    assert rows[2]["published"] == 8.7 and rows[2]["source"] == "SUSNER15-CE"
    assert rows[2]["published"] < rows[2]["model"] < rows[1]["published"]


def _docs_table_rows(columns: int) -> list[list[str]]:
    """The body rows of docs/validation.md's tables with `columns` cells, as stripped cells (the
    header and separator rows are left out by the callers' first-cell tests)."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "validation.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == columns:
            rows.append(cells)
    return rows


def _docs_figure_rows() -> dict[str, list[str]]:
    """The figure tables (id | role | quantity | model | published | residual | tolerance |
    within | source), by figure id."""
    return {cells[0]: cells for cells in _docs_table_rows(9) if cells[0] != "id" and not cells[0].startswith("-")}


def _agrees(shown: str, value: float, units_of_last_digit: float = 0.5) -> bool:
    """A number as docs print it (rounded; '+' allowed) against the report's value."""
    number = float(shown.replace("+", ""))
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    return abs(value - number) <= units_of_last_digit * 10.0 ** (-decimals) * (1 + 1e-9) + 1e-12


def test_docs_show_every_figure_as_the_model_gives_it(report):
    """docs/validation.md is written by hand: every figure of the validation set must be in it,
    with the model value, residual and verdict the model gives now (a model change that moves a
    figure must update the page)."""
    rows = _docs_figure_rows()
    for figure in (r["id"] for r in report):
        assert figure in rows, f"{figure} is not in docs/validation.md"
        row, cells = report.row(figure), rows[figure]
        assert cells[1] == row["role"], figure
        assert _agrees(cells[3], row["model"]), (figure, cells[3], row["model"])
        if cells[5]:
            # a residual may be the difference of the rounded values: one unit of its last digit
            assert _agrees(cells[5], row["residual"], 1.0), (figure, cells[5], row["residual"])
        if row["tolerance"] is not None:
            assert cells[7].startswith("yes") == bool(row["within"]), (figure, cells[7])


def test_docs_show_every_grade_rating_as_the_model_gives_it():
    """The rating table of docs/validation.md (grade | family | source | computed | datasheet |
    residual | within 15 K) against mm.grade_rating_report(), grade by grade."""
    ratings = {r["id"]: r for r in mm.grade_rating_report()}
    shown = {cells[0]: cells for cells in _docs_table_rows(7) if cells[0] in ratings}
    assert sorted(shown) == sorted(ratings)
    for grade, cells in shown.items():
        computed = cells[3].removeprefix(">= ")
        if computed != "-":
            assert _agrees(computed, ratings[grade]["model"]), (grade, cells[3], ratings[grade]["model"])


def _least_heavy_rare_earth(target_a_per_m: float, process: str, element: str) -> float:
    """wt% of `element` replacing Nd in Nd31Fe68B1 at which HcJ(20 degC) first reaches the target."""
    return _least_amount(lambda amount: _replacing_nd(amount, element, process).intrinsic_coercivity(20.0), target_a_per_m)


def _replacing_nd(amount: float, element: str = "Dy", process: str = "sintered", **overrides):
    """Nd31Fe68B1 with `amount` wt% of `element` in place of Nd, as a magnet of `process`."""
    composition = {"Nd": 31.0 - amount, "Fe": 68.0, "B": 1.0}
    if amount > 0.0:
        composition[element] = amount
    return mm.Magnet.from_composition(composition, process, **overrides)


def _least_amount(coercivity, target_a_per_m: float) -> float:
    """The least amount (wt%, 0-23) at which `coercivity(amount)` first reaches the target, by bisection."""
    low, high = 0.0, 23.0
    while high - low > 1e-4:
        mid = 0.5 * (low + high)
        low, high = (mid, high) if coercivity(mid) < target_a_per_m else (low, mid)
    return high


def test_docs_dy_per_class_table_is_the_models():
    """docs/validation.md's table of the least bulk Dy, diffused Dy and diffused Tb per class."""
    rows = {float(cells[0].split("(")[1].split()[0]): cells[1:]
            for cells in _docs_table_rows(4) if cells[0].endswith("kA/m)")}
    assert sorted(rows) == [1592.0, 1990.0, 2388.0, 2786.0]
    for target, (bulk, diffused_dy, diffused_tb) in rows.items():
        assert _agrees(bulk, _least_heavy_rare_earth(1e3 * target, "sintered", "Dy"))
        assert _agrees(diffused_dy, _least_heavy_rare_earth(1e3 * target, "grain_boundary_diffused", "Dy"))
        assert _agrees(diffused_tb, _least_heavy_rare_earth(1e3 * target, "grain_boundary_diffused", "Tb"))


def test_docs_calibration_sensitivity_table_is_the_models():
    """docs/validation.md: the N-class calibration redone on Arnold's chord instead of SDSDXT's
    (alpha_K and v solved through 955 kA/m at 20 degC and the chord's end, N_eff fixed), row by
    row: alpha_K, v, the Dy-free HcJ at 150 degC, the least bulk Dy for the SH minimum and the SH
    and UH betas."""
    import numpy as np

    boltzmann, mu0 = 1.380649e-23, 4e-7 * math.pi
    phase = mm.phase("Nd2Fe14B")
    n_eff = mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0}).process_parameters["n_eff"]

    def calibrated(chord_end_c: float, coercivity_at_end: float) -> tuple[float, float]:
        rows, rhs = [], []
        for temperature, coercivity in ((20.0, 955e3), (chord_end_c, coercivity_at_end)):
            js = phase.saturation_polarization(temperature)
            rows.append([phase.anisotropy_field(temperature), -(temperature + 273.15) / js])
            rhs.append(coercivity + n_eff * js / mu0)
        alpha_k, c = np.linalg.solve(rows, rhs)
        return float(alpha_k), 25 * boltzmann / float(c)

    def magnet(dy: float, alpha_k: float, volume: float):
        return _replacing_nd(dy, alpha_k=alpha_k, activation_volume=volume)

    def least_dy(target: float, alpha_k: float, volume: float) -> float:
        return _least_amount(lambda dy: magnet(dy, alpha_k, volume).intrinsic_coercivity(20.0), target)

    def beta(m, t2: float) -> float:
        return 100 * (m.intrinsic_coercivity(t2) / m.intrinsic_coercivity(20.0) - 1) / (t2 - 20.0)

    shown = {cells[0]: cells for cells in _docs_table_rows(8) if cells[0].startswith("-0.")}
    assert sorted(shown) == ["-0.62 (Arnold N sheets)", "-0.76 (SDSDXT, shipped)"]
    shipped = mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0}).process_parameters
    # The shipped file's second point, 374.4 kA/m, is 955 x (1 - 0.76 % x 80) as it prints it (rounded).
    ends = {"-0.76 (SDSDXT, shipped)": (100.0, 374.4e3), "-0.62 (Arnold N sheets)": (80.0, 955e3 * (1 - 0.0062 * 60))}
    for label, (end, coercivity) in ends.items():
        alpha_k, volume = calibrated(end, coercivity)
        if "shipped" in label:  # the check reproduces the shipped calibration
            assert alpha_k == pytest.approx(shipped["alpha_k"], rel=1e-6)
            assert volume == pytest.approx(shipped["activation_volume"], rel=1e-6)
        cells = shown[label]
        assert _agrees(cells[2], alpha_k) and _agrees(cells[3], volume * 1e27)
        assert _agrees(cells[4], magnet(0.0, alpha_k, volume).intrinsic_coercivity(150.0) / 1e3)
        sh, uh = least_dy(1592e3, alpha_k, volume), least_dy(1990e3, alpha_k, volume)
        assert _agrees(cells[5], sh)
        assert _agrees(cells[6], beta(magnet(sh, alpha_k, volume), 150.0))
        assert _agrees(cells[7], beta(magnet(uh, alpha_k, volume), 180.0))


def test_docs_mixing_rule_sensitivity_table_is_the_models():
    """docs/validation.md, 'Dy per class': the least bulk Dy per class with HA interpolated linearly
    between Nd2Fe14B and Dy2Fe14B instead of the K-and-Js rule, everything else the calibrated
    model's. The formula is first checked against the library with the library's own HA."""
    import re

    boltzmann, mu0 = 1.380649e-23, 4e-7 * math.pi
    p = mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0}).process_parameters
    nd, dy = mm.phase("Nd2Fe14B"), mm.phase("Dy2Fe14B")

    magnet = _replacing_nd

    def coercivity(m, t: float, anisotropy_field: float) -> float:
        js = m.nucleation_phase.saturation_polarization(t)
        thermal = 25 * boltzmann * (t + 273.15) / (js * p["activation_volume"])
        return max(0.0, p["alpha_k"] * anisotropy_field - p["n_eff"] * js / mu0 - thermal)

    def linear(m, t: float) -> float:
        found = re.search(r"Dy([0-9.]+)", m.nucleation_phase.formula)
        x = float(found.group(1)) / 2 if found else 0.0
        return coercivity(m, t, (1 - x) * nd.anisotropy_field(t) + x * dy.anisotropy_field(t))

    for amount in (0.0, 5.0, 12.0):
        m = magnet(amount)
        assert coercivity(m, 20.0, m.nucleation_phase.anisotropy_field(20.0)) == pytest.approx(m.intrinsic_coercivity(20.0), rel=1e-9)

    def least(target: float, hcj) -> float:
        return _least_amount(lambda dy: hcj(magnet(dy)), target)

    rows = {cells[0]: cells for cells in _docs_table_rows(6) if cells[0] in ("M", "H", "SH", "UH", "EH")}
    assert sorted(rows) == ["EH", "H", "M", "SH", "UH"]
    for cells in rows.values():
        target = 1e3 * float(cells[1])
        assert _agrees(cells[2], least(target, lambda m: m.intrinsic_coercivity(20.0)))
        amount = least(target, lambda m: linear(m, 20.0))
        assert _agrees(cells[3], amount)
        m = magnet(amount)
        assert _agrees(cells[4], m.remanence(20.0))
        assert _agrees(cells[5], 100 * (linear(m, 150.0) / linear(m, 20.0) - 1) / 130.0)
