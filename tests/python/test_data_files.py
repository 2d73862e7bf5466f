"""Reading users' data files (issue [12], items 4 and 5): regular files only, a 64 MiB cap, UTF-8
text, paths as str, bytes or os.PathLike (non-UTF-8 names too); every failure is a DataError
naming the path, never a hang, a raw OSError or UnicodeDecodeError."""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import magmat as mm

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "grades"
VALID = DATA / "valid_user_grades.json"
PRICES = pathlib.Path(__file__).resolve().parents[2] / "materials" / "prices" / "usgs_mcs_2019.json"
VALIDATION = {"schema": "magmat-validation/1", "figures": []}

LOADERS = {
    "Catalog.load": mm.Catalog.load,
    "Catalog.extend": lambda p: mm.Catalog.default().extend(p),
    "load_price_table": mm.load_price_table,
    "validation_report": mm.validation_report,
}


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_a_fifo_is_refused_at_once(tmp_path, loader):
    # In a child with a timeout: if the check were missing, open() would wait for a writer forever.
    fifo = tmp_path / "grades.fifo"
    os.mkfifo(fifo)
    code = ("import magmat as mm, sys\nloader = {'Catalog.load': mm.Catalog.load, "
            "'Catalog.extend': lambda p: mm.Catalog.default().extend(p), 'load_price_table': mm.load_price_table, "
            "'validation_report': mm.validation_report}[sys.argv[1]]\n"
            "try:\n    loader(sys.argv[2])\nexcept mm.DataError as e:\n    print(e)\n")
    try:
        done = subprocess.run([sys.executable, "-c", code, loader, str(fifo)], capture_output=True, text=True,
                              timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{loader} of a FIFO blocked")
    assert done.returncode == 0, done.stderr
    assert "grades.fifo" in done.stdout and "FIFO" in done.stdout and "regular file" in done.stdout


@pytest.mark.parametrize("loader", sorted(LOADERS))
@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null"])
def test_devices_are_refused_not_read(loader, path):
    # /dev/zero never ends: reading it ran out of memory before.
    with pytest.raises(mm.DataError, match=f"{path}: a character device, not a regular file"):
        LOADERS[loader](path)


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_a_directory_and_a_missing_file_are_data_errors(tmp_path, loader):
    with pytest.raises(mm.DataError, match="a directory"):
        LOADERS[loader](tmp_path)
    with pytest.raises(mm.DataError, match="nope.json: cannot open .*No such file"):
        LOADERS[loader](tmp_path / "nope.json")


def test_a_file_over_the_size_cap_is_refused(tmp_path):
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as f:
        f.truncate(64 * 2**20 + 1)  # sparse: no disk space used
    for loader in LOADERS.values():
        with pytest.raises(mm.DataError, match="huge.json: .*67108865 bytes, more than the 67108864 bytes"):
            loader(huge)


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_a_nul_in_the_path_is_refused_not_cut_short(loader):
    # Before, the part before the NUL was opened and loaded silently.
    with pytest.raises(mm.DataError, match=r"NUL byte at position \d+"):
        LOADERS[loader](str(VALID) + "\0zzz")
    with pytest.raises(mm.DataError, match="NUL byte"):
        LOADERS[loader](os.fsencode(VALID) + b"\0")


@pytest.mark.parametrize("loader", sorted(LOADERS))
@pytest.mark.parametrize("encoding, match", [
    ("latin-1", r"byte 0xE9 at byte offset \d+ .*Latin-1"),
    ("utf-16", "byte 0xFF at byte offset 0 is a UTF-16 byte order mark"),
    ("utf-16-be", "NUL byte at byte offset 0"),
])
def test_a_file_not_in_utf8_is_a_data_error(tmp_path, loader, encoding, match):
    # Before, a UnicodeDecodeError (not a MagmatError) escaped.
    path = tmp_path / "encoded.json"
    path.write_text(json.dumps({"schema": "magmat-grades/1", "name": "Nd\u00e9"}, ensure_ascii=False),
                    encoding=encoding)
    with pytest.raises(mm.DataError, match="encoded.json: .*" + match):
        LOADERS[loader](path)


def test_from_json_of_bytes_that_are_not_utf8():
    with pytest.raises(mm.DataError, match="mine: not UTF-8 text: byte 0xE9 at byte offset 7"):
        mm.Catalog.from_json(b'{"a": "\xe9"}', "mine")


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.read_bytes())
    assert mm.Catalog.load(path).names() == ["LAB-N40UH", "LAB-N38"]
    validation = tmp_path / "bom_validation.json"
    validation.write_bytes(b"\xef\xbb\xbf" + json.dumps(VALIDATION).encode())
    assert len(mm.validation_report(validation)) == 0


def test_every_path_type_is_accepted(tmp_path):
    for path in (VALID, str(VALID), os.fsencode(VALID)):
        assert mm.Catalog.load(path).names() == ["LAB-N40UH", "LAB-N38"]
        assert "LAB-N38" in mm.Catalog.default().extend(path)
    for path in (PRICES, str(PRICES), os.fsencode(PRICES)):
        assert mm.load_price_table(path).currency == mm.default_price_table().currency
    validation = tmp_path / "v.json"
    validation.write_text(json.dumps(VALIDATION), encoding="utf-8")
    for path in (validation, str(validation), os.fsencode(validation)):
        assert len(mm.validation_report(path)) == 0


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux")
def test_a_file_name_that_is_not_utf8_loads(tmp_path):
    raw = os.fsencode(tmp_path) + b"/gr\xe9\xff.json"
    shutil.copyfile(VALID, raw)
    assert mm.Catalog.load(raw).names() == ["LAB-N40UH", "LAB-N38"]
    assert mm.Catalog.load(os.fsdecode(raw)).names() == ["LAB-N40UH", "LAB-N38"]  # surrogateescape str
    assert mm.Catalog.load(pathlib.Path(os.fsdecode(raw))).names() == ["LAB-N40UH", "LAB-N38"]
    # An error naming such a path is still a DataError, the bytes shown as \xNN.
    with pytest.raises(mm.DataError, match=r"gr\\xe9\\xff.json.missing: cannot open"):
        mm.load_price_table(raw + b".missing")


def test_a_path_of_the_wrong_type_is_a_type_error():
    for loader in LOADERS.values():
        with pytest.raises(TypeError, match="str, bytes or os.PathLike"):
            loader(3)


def test_a_str_path_the_file_system_cannot_encode():
    # A lone high surrogate is not a surrogateescape'd byte: os.fsencode refuses it.
    with pytest.raises(mm.DataError, match="cannot be encoded for the file system"):
        mm.Catalog.load("bad\ud800.json")
