"""Runs the Python snippets of the README and docs/ so that the documentation cannot drift from
the API. Every block runs on its own, in a fresh namespace, as a reader who copies only that block
would run it (issue [13], item 7); a block preceded by the line `<!-- not run -->` is skipped (it
needs files a reader has)."""

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"(<!-- not run -->\s*\n)?```python\n(.*?)```", re.S)


def blocks(doc):
    return [m.group(2) for m in BLOCK.finditer(doc.read_text(encoding="utf-8")) if not m.group(1)]


@pytest.mark.parametrize("doc", [d for d in DOCS if blocks(d)], ids=lambda d: d.name)
def test_snippets_run(doc, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for number, code in enumerate(blocks(doc)):
        namespace = {"__name__": "__snippet__"}  # each block on its own
        try:
            exec(compile(code, f"{doc.name} block {number}", "exec"), namespace)
        except Exception as exc:  # name the block that broke
            raise AssertionError(f"{doc.name}, Python block {number}: {type(exc).__name__}: {exc}") from exc
