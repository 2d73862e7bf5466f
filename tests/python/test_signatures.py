"""inspect.signature() works on every public callable of magmat (issue [13], item 4).

pybind11 writes a signature only as the first docstring line; the bindings turn it into CPython's
text signature (bindings/python/src/text_signatures.hpp), so IDEs, help() and inspect see the
parameters. Here every function, method and constructor the stub bindings/python/magmat/_core.pyi
declares must have a runtime signature with the stub's parameter names, in order, with the same
keyword-only parameters and defaults where the stub gives a literal.
"""

from __future__ import annotations

import ast
import inspect
import pathlib
from typing import Any, Callable, Iterator

import pytest

import magmat as mm
import magmat._core as core

STUB = pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python" / "magmat" / "_core.pyi"
TREE = ast.parse(STUB.read_text(encoding="utf-8"))


def _decorators(node: ast.FunctionDef) -> set[str]:
    return {d.id for d in node.decorator_list if isinstance(d, ast.Name)}


def _stub_parameters(node: ast.FunctionDef) -> list[tuple[str, str]]:
    """(name, kind) of the stub's parameters, kind as inspect names it."""
    a = node.args
    out = [(p.arg, "POSITIONAL_ONLY") for p in a.posonlyargs]
    out += [(p.arg, "POSITIONAL_OR_KEYWORD") for p in a.args]
    if a.vararg:
        out.append((a.vararg.arg, "VAR_POSITIONAL"))
    out += [(p.arg, "KEYWORD_ONLY") for p in a.kwonlyargs]
    if a.kwarg:
        out.append((a.kwarg.arg, "VAR_KEYWORD"))
    return out


def _stub_defaults(node: ast.FunctionDef) -> dict[str, object]:
    """The literal defaults of the stub (``...`` stands for any default and is left out)."""
    a = node.args
    positional = a.posonlyargs + a.args
    pairs = list(zip(positional[len(positional) - len(a.defaults):], a.defaults))
    pairs += [(p, d) for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None]
    out = {}
    for p, d in pairs:
        if not (isinstance(d, ast.Constant) and d.value is Ellipsis):
            out[p.arg] = ast.literal_eval(d)
    return out


def _callables() -> Iterator[tuple[str, Callable[..., Any], list[ast.FunctionDef], bool]]:
    """(qualified name, runtime callable, its stub definitions (several for an overload), whether
    the stub's first parameter is a self the runtime callable does not take)."""
    for node in TREE.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            yield node.name, getattr(core, node.name), [node], False
    classes = [n for n in TREE.body if isinstance(n, ast.ClassDef) and not n.name.startswith("_")]
    for cls_node in classes:
        cls = getattr(core, cls_node.name)
        if issubclass(cls, BaseException):
            continue  # Python exception classes: their signatures are BaseException's
        members: dict[str, list[ast.FunctionDef]] = {}
        for member in cls_node.body:
            if isinstance(member, ast.FunctionDef) and "property" not in _decorators(member):
                members.setdefault(member.name, []).append(member)
        for name, nodes in members.items():
            if name == "__init__":
                yield cls_node.name, cls, nodes, True  # the class's signature: __init__ without self
            elif not name.startswith("_") or name in ("__contains__", "__getitem__", "__len__", "__iter__"):
                yield f"{cls_node.name}.{name}", getattr(cls, name), nodes, False


CALLABLES = list(_callables())


def test_the_stub_declares_the_api() -> None:
    assert len(CALLABLES) > 100


@pytest.mark.parametrize("qualified,func,nodes,drop_self", CALLABLES, ids=[c[0] for c in CALLABLES])
def test_signature_matches_the_stub(qualified: str, func: Callable[..., Any], nodes: list[ast.FunctionDef],
                                    drop_self: bool) -> None:
    signature = inspect.signature(func)  # raised ValueError for every binding before
    runtime = [(p.name, p.kind.name) for p in signature.parameters.values()]
    for node in nodes:  # each overload of the stub has the runtime's parameters
        stubbed = _stub_parameters(node)[1:] if drop_self else _stub_parameters(node)
        assert [n for n, _ in stubbed] == [n for n, _ in runtime], f"{qualified}: stub {stubbed}, run time {runtime}"
        keyword_only_stub = [n for n, k in stubbed if k == "KEYWORD_ONLY"]
        keyword_only_runtime = [n for n, k in runtime if k == "KEYWORD_ONLY"]
        assert keyword_only_stub == keyword_only_runtime, qualified
        for name, value in _stub_defaults(node).items():
            assert signature.parameters[name].default == value, f"{qualified}: default of {name}"


def test_bound_methods_drop_self() -> None:
    grade = mm.Catalog.default()["N42SH"]
    assert list(inspect.signature(grade.remanence).parameters) == ["temperature_C"]
    assert list(inspect.signature(mm.Magnet.remanence).parameters) == ["self", "temperature_C"]
    assert str(inspect.signature(mm.convert)) == "(value, from_unit, to_unit)"
    assert str(inspect.signature(mm.Cylinder)) == "(*, length, diameter)"


def test_signature_binds_calls_as_the_binding_does() -> None:
    signature = inspect.signature(mm.Magnet.from_composition)
    bound = signature.bind({"Nd": 31.0, "Fe": 68.0, "B": 1.0}, process="sintered")
    assert bound.arguments["process"] == "sintered"
    with pytest.raises(TypeError):
        inspect.signature(mm.Cylinder).bind(0.01, 0.005)  # keyword-only, as the constructor is


def test_docstrings_keep_the_typed_signature() -> None:
    # help() and the stubs test read pybind11's line with the types; the text signature is extra.
    assert mm.convert.__doc__ is not None
    assert mm.convert.__doc__.startswith("convert(value: object, from_unit: str, to_unit: str)")
    assert mm.convert.__text_signature__ == "(value, from_unit, to_unit)"


def test_python_functions_of_the_package_have_signatures() -> None:
    import magmat.plot

    modules = [mm, mm.export, mm.units, mm.validation, magmat.plot]
    checked = 0
    for module in modules:
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if callable(obj) and not isinstance(obj, type):
                inspect.signature(obj)
                checked += 1
    assert checked > 60
