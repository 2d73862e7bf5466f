"""The hand-written stubs bindings/python/magmat/_core.pyi must describe magmat._core exactly.

The stub is parsed with ``ast`` (never imported) and compared with the compiled module:

* every public name of the module is in the stub, and every public name of the stub is in
  the module;
* the same for the public attributes of every class (inherited builtin attributes such as
  BaseException.args are not counted);
* the kind matches: property / staticmethod / method / plain attribute;
* for every function and method, the parameter names, their order, which are keyword-only and
  the default values agree with the signature pybind11 writes in the docstring;
* exception classes have the same bases;
* every public item of the stub has a docstring (Element members excepted).
"""

from __future__ import annotations

import ast
import inspect
import pathlib

import pytest

import magmat
import magmat._core as core

STUB = pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python" / "magmat" / "_core.pyi"


def _public(name: str) -> bool:
    return not name.startswith("_")


@pytest.fixture(scope="module")
def stub() -> ast.Module:
    return ast.parse(STUB.read_text(encoding="utf-8"), filename=str(STUB))


def _module_items(tree: ast.Module) -> dict[str, ast.AST]:
    """Top-level definitions of the stub: classes, functions and annotated or plain assignments."""
    items: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            items[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            items[node.target.id] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    items[target.id] = node
    return items


def _class_items(cls: ast.ClassDef) -> dict[str, ast.AST]:
    items: dict[str, ast.AST] = {}
    for node in cls.body:
        if isinstance(node, ast.FunctionDef):
            items[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            items[node.target.id] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    items[target.id] = node
    return items


def _class_items_with_bases(cls: ast.ClassDef, module_items: dict[str, ast.AST]) -> dict[str, ast.AST]:
    """The members of a stub class including those it inherits from its stub base classes
    (``class Grade(Magnet)`` has Magnet's members, as a type checker reads the stub)."""
    items: dict[str, ast.AST] = {}
    for base in cls.bases:
        base_node = module_items.get(base.id) if isinstance(base, ast.Name) else None
        if isinstance(base_node, ast.ClassDef) and base_node is not cls:
            items.update(_class_items_with_bases(base_node, module_items))
    items.update(_class_items(cls))
    return items


def _decorators(node: ast.FunctionDef) -> set[str]:
    return {d.id for d in node.decorator_list if isinstance(d, ast.Name)}


def _runtime_classes() -> dict[str, type]:
    return {name: obj for name, obj in vars(core).items() if _public(name) and isinstance(obj, type)}


def _builtin_attributes(cls: type) -> set[str]:
    """Attributes a class inherits from builtins (Exception.args, ...), which the stub omits."""
    names: set[str] = set()
    for base in cls.__mro__[1:]:
        if base.__module__ == "builtins":
            names.update(dir(base))
    return names


def _runtime_public_attributes(cls: type) -> set[str]:
    inherited = _builtin_attributes(cls)
    return {name for name in dir(cls) if _public(name) and name not in inherited}


# --- names --------------------------------------------------------------------------------


def test_stub_file_exists():
    assert STUB.is_file(), f"missing {STUB}"


def test_every_public_module_name_is_in_the_stub(stub):
    runtime = {name for name in dir(core) if _public(name)}
    stubbed = {name for name in _module_items(stub) if _public(name)}
    assert sorted(runtime - stubbed) == [], "names of magmat._core missing from _core.pyi"
    assert sorted(stubbed - runtime) == [], "names in _core.pyi that magmat._core does not have"


def test_every_public_class_attribute_is_in_the_stub(stub):
    items = _module_items(stub)
    problems = []
    for name, cls in _runtime_classes().items():
        node = items.get(name)
        if not isinstance(node, ast.ClassDef):
            problems.append(f"{name}: not a class in the stub")
            continue
        runtime = _runtime_public_attributes(cls)
        stubbed = {n for n in _class_items_with_bases(node, items) if _public(n)}
        for missing in sorted(runtime - stubbed):
            problems.append(f"{name}.{missing}: missing from the stub")
        for extra in sorted(stubbed - runtime):
            problems.append(f"{name}.{extra}: in the stub but not in magmat._core")
    assert problems == []


def test_classes_and_functions_have_the_same_kind(stub):
    items = _module_items(stub)
    problems = []
    for name, node in items.items():
        if not _public(name):
            continue
        obj = getattr(core, name, None)
        if obj is None:
            continue  # reported by the name test
        if isinstance(node, ast.ClassDef) and not isinstance(obj, type):
            problems.append(f"{name}: class in the stub, {type(obj).__name__} at run time")
        if isinstance(node, ast.FunctionDef) and not callable(obj):
            problems.append(f"{name}: function in the stub, {type(obj).__name__} at run time")
        if isinstance(node, (ast.AnnAssign, ast.Assign)) and (callable(obj) or isinstance(obj, type)):
            problems.append(f"{name}: constant in the stub, {type(obj).__name__} at run time")
    for cname, cls in _runtime_classes().items():
        node = items.get(cname)
        if not isinstance(node, ast.ClassDef):
            continue
        for aname, member in _class_items(node).items():
            if not _public(aname) or not hasattr(cls, aname):
                continue
            static = inspect.getattr_static(cls, aname)
            if isinstance(member, ast.FunctionDef):
                decorators = _decorators(member)
                if "property" in decorators:
                    ok = isinstance(static, property)
                elif "staticmethod" in decorators:
                    ok = isinstance(static, staticmethod)
                else:
                    ok = callable(static) and not isinstance(static, (property, staticmethod))
                if not ok:
                    problems.append(f"{cname}.{aname}: stub kind {sorted(decorators) or 'method'}, "
                                    f"run time {type(static).__name__}")
            elif callable(static) or isinstance(static, property):
                problems.append(f"{cname}.{aname}: attribute in the stub, {type(static).__name__} at run time")
    assert problems == []


def test_exception_bases_match(stub):
    items = _module_items(stub)
    problems = []
    for name, cls in _runtime_classes().items():
        if not issubclass(cls, BaseException):
            continue
        node = items[name]
        stub_bases = [b.id for b in node.bases if isinstance(b, ast.Name)]
        runtime_bases = [b.__name__ for b in cls.__bases__]
        if stub_bases != runtime_bases:
            problems.append(f"{name}: stub bases {stub_bases}, run time {runtime_bases}")
    assert problems == []


def test_element_members_match(stub):
    node = _module_items(stub)["Element"]
    stubbed = {
        n.target.id
        for n in node.body
        if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name) and _public(n.target.id)
    }
    assert stubbed == set(core.Element.__members__)


# --- signatures ---------------------------------------------------------------------------


def _split_top_level(text: str) -> list[str]:
    """Splits a parameter list at commas outside brackets and quotes."""
    parts, depth, quote, current = [], 0, "", []
    for ch in text:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def _runtime_signature(func) -> list[tuple[str, str, object]]:
    """(name, kind, default) from the first line of a pybind11 docstring; kind is 'positional',
    'keyword' (keyword-only) or 'positional_only'; default is inspect.Parameter.empty if none."""
    first = (func.__doc__ or "").splitlines()[0]
    name = func.__name__
    assert first.startswith(name + "("), f"no pybind11 signature in the docstring of {name}: {first!r}"
    depth, end = 0, None
    for i, ch in enumerate(first[len(name):], start=len(name)):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                end = i
                break
    params = _split_top_level(first[len(name) + 1:end])
    out, kind = [], "positional"
    for p in params:
        if p == "*":
            kind = "keyword"
            continue
        if p == "/":
            out = [(n, "positional_only", d) for n, _, d in out]
            continue
        head, _, default = p.partition(" = ")
        pname = head.split(":")[0].strip()
        value = ast.literal_eval(default) if default else inspect.Parameter.empty
        out.append((pname, kind, value))
    if out and out[0][0] == "self":
        out = out[1:]
    return out


def _stub_signature(node: ast.FunctionDef) -> list[tuple[str, str, object]]:
    args = node.args
    positional = [(a.arg, "positional_only") for a in args.posonlyargs] + [(a.arg, "positional") for a in args.args]
    defaults = [inspect.Parameter.empty] * (len(positional) - len(args.defaults)) + [
        _literal(d) for d in args.defaults
    ]
    out = [(n, k, d) for (n, k), d in zip(positional, defaults)]
    for a, d in zip(args.kwonlyargs, args.kw_defaults):
        out.append((a.arg, "keyword", inspect.Parameter.empty if d is None else _literal(d)))
    if out and out[0][0] == "self" and "staticmethod" not in _decorators(node):
        out = out[1:]
    return out


_ELLIPSIS = object()


def _literal(node: ast.expr) -> object:
    if isinstance(node, ast.Constant) and node.value is Ellipsis:
        return _ELLIPSIS
    return ast.literal_eval(node)


def _same(stub_sig, runtime_sig) -> bool:
    if len(stub_sig) != len(runtime_sig):
        return False
    for (sn, sk, sd), (rn, rk, rd) in zip(stub_sig, runtime_sig):
        if sn != rn or sk != rk:
            return False
        if (sd is inspect.Parameter.empty) != (rd is inspect.Parameter.empty):
            return False
        if sd is not _ELLIPSIS and sd is not inspect.Parameter.empty and sd != rd:
            return False
    return True


def _functions_to_check(stub):
    items = _module_items(stub)
    for name, node in items.items():
        if _public(name) and isinstance(node, ast.FunctionDef) and hasattr(core, name):
            yield name, node, getattr(core, name)
    for cname, cls in _runtime_classes().items():
        cnode = items.get(cname)
        if not isinstance(cnode, ast.ClassDef) or issubclass(cls, BaseException) or cname == "Element":
            continue  # exceptions and the enum have no pybind11 signatures of their own
        for aname, node in _class_items(cnode).items():
            if not isinstance(node, ast.FunctionDef) or "property" in _decorators(node):
                continue
            if not (_public(aname) or aname == "__contains__") or not hasattr(cls, aname):
                continue
            yield f"{cname}.{aname}", node, getattr(cls, aname)


def test_signatures_match(stub):
    problems = []
    checked = 0
    for qualified, node, func in _functions_to_check(stub):
        runtime = _runtime_signature(func)
        stubbed = _stub_signature(node)
        checked += 1
        if not _same(stubbed, runtime):
            problems.append(f"{qualified}: stub {stubbed} != run time {runtime}")
    assert checked >= 40
    assert problems == []


# --- documentation ------------------------------------------------------------------------


def _has_docstring(node) -> bool:
    return (
        bool(node.body)
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
        and node.body[0].value.value.strip() != ""
    )


def test_every_public_item_has_a_docstring(stub):
    problems = []
    body = stub.body
    for i, node in enumerate(body):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and _public(node.name):
            if not _has_docstring(node):
                problems.append(node.name)
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, ast.FunctionDef) and not _has_docstring(member):
                        problems.append(f"{node.name}.{member.name}")
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and _public(node.target.id):
            following = body[i + 1] if i + 1 < len(body) else None
            if not (isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                    and isinstance(following.value.value, str)):
                problems.append(node.target.id)
    assert problems == []


def test_package_reexports_are_stubbed(stub):
    """Everything magmat re-exports from magmat._core is described by the stub."""
    stubbed = set(_module_items(stub))
    reexported = {
        name for name in magmat.__all__
        if name not in {"__version__", "units"} and getattr(magmat, name, None) is getattr(core, name, object())
    }
    assert reexported, "magmat re-exports nothing from magmat._core?"
    assert sorted(reexported - stubbed) == []

