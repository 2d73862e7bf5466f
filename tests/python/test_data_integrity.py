"""Data integrity (issue [8]): loading a file never changes it; a malformed or truncated file is
rejected whole with file, JSON pointer (or position) and reason, and the catalog being extended
stays as it was; writes go through a temporary file and an atomic rename, so a write that fails
half-way leaves the previous file as it was and no temporary file behind."""

import hashlib
import os
import pathlib
import shutil

import pytest

import magmat as mm
from magmat import _files

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "grades"
MATERIALS = pathlib.Path(__file__).resolve().parents[2] / "materials"


def _fingerprint(path):
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_mtime_ns, stat.st_mode


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.json")))
def test_loading_a_user_file_never_changes_it(tmp_path, name):
    path = tmp_path / name
    shutil.copy2(DATA / name, path)
    before = _fingerprint(path)
    for load in (mm.Catalog.load, mm.Catalog.default().extend):
        try:
            load(str(path))
        except mm.DataError:
            pass  # the malformed files are rejected; they must still be left as they were
    assert _fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no side files either


@pytest.mark.parametrize("kind", ["grades", "prices"])
def test_loading_shipped_files_never_changes_them(tmp_path, kind):
    for source in sorted((MATERIALS / kind).glob("*.json")):
        path = tmp_path / source.name
        shutil.copy2(source, path)
        before = _fingerprint(path)
        (mm.Catalog.load if kind == "grades" else mm.load_price_table)(str(path))
        assert _fingerprint(path) == before


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.33, 0.5, 0.77, 0.99])
def test_a_truncated_file_is_rejected_whole_and_the_catalog_is_unchanged(tmp_path, fraction):
    text = (DATA / "valid_user_grades.json").read_bytes()
    path = tmp_path / "cut.json"
    path.write_bytes(text[: int(len(text) * fraction)])
    base = mm.Catalog.default()
    names = base.names()
    with pytest.raises(mm.DataError) as info:
        base.extend(str(path))
    message = str(info.value)
    assert "cut.json" in message
    assert "JSON" in message  # a syntax error names the position in the JSON text
    assert base.names() == names
    with pytest.raises(mm.DataError):
        mm.Catalog.load(str(path))


def test_a_file_with_one_bad_grade_contributes_no_grade(tmp_path):
    # The first grade is valid, the second is not: neither may enter the catalog.
    good = (DATA / "valid_user_grades.json").read_text(encoding="utf-8")
    bad = good.replace('"LAB-N38"', '"LAB-N38", "density": {"value": -1, "unit": "kg/m3", "source": "x"}', 1)
    assert bad != good
    path = tmp_path / "half_bad.json"
    path.write_text(bad, encoding="utf-8")
    base = mm.Catalog.default()
    with pytest.raises(mm.DataError) as info:
        base.extend(str(path))
    assert "half_bad.json" in str(info.value) and "/grades/1" in str(info.value)
    assert "LAB-N40UH" not in base


def test_a_write_that_fails_half_way_leaves_the_previous_file(tmp_path):
    path = tmp_path / "curve.csv"
    path.write_text("previous contents\n", encoding="utf-8")

    def half_then_fail(f):
        f.write(b"partial,")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        _files.write_atomically(path, half_then_fail)
    assert path.read_text(encoding="utf-8") == "previous contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["curve.csv"]


def test_a_write_replaces_the_file_in_one_step(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("old\n", encoding="utf-8")
    inode_before = path.stat().st_ino
    _files.write_text_atomically(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    # A rename installs a new file rather than rewriting the old one in place.
    assert path.stat().st_ino != inode_before
    assert oct(path.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("text", ["1e999", '{"grades": [-1e400]}'])
def test_a_number_too_large_for_a_double_is_a_data_error(text):
    # Regression (fuzz_catalog): nlohmann::json's out_of_range escaped as RuntimeError.
    with pytest.raises(mm.DataError, match="huge.json: not valid JSON"):
        mm.Catalog.from_json(text, "huge.json")
