"""Importing bcqa stays light: no torch, faiss, gradio or sentence-transformers."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["torch", "faiss", "gradio", "sentence_transformers", "transformers", "numpy", "rank_bm25"]


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


def test_import_bcqa_is_light():
    loaded = _loaded_after("import bcqa")
    assert not loaded & set(HEAVY)


def test_public_names_resolve_without_heavy_imports():
    loaded = _loaded_after("from bcqa import Assistant, Answer, Statement, Reference, Hit, BcqaError")
    assert not loaded & {"torch", "faiss", "gradio", "sentence_transformers"}


def test_all_is_explicit():
    import bcqa

    assert set(bcqa.__all__) == {"Answer", "Assistant", "BcqaError", "Hit", "Reference", "Statement", "__version__"}
    for name in bcqa.__all__:
        assert getattr(bcqa, name) is not None


# The modules from the bottom up: a module imports only modules before it in
# this list (at run time, function-level imports included; `if TYPE_CHECKING:`
# imports are hints only).  A new module must be placed here.
LAYERS = [
    "errors",
    "_version",
    "sanitize",
    "text",
    "types",
    "support",
    "export",
    "render",
    "htmlview",
    "answer",
    "references",
    "htmltext",
    "lightmarkup",
    "abbreviations",
    "corpus",
    "aliases",
    "evidence",
    "sparse",
    "modelcache",
    "dense",
    "store",
    "retrieve",
    "query",
    "policy",
    "settings",
    "assistant",
    "conversation",
    "evaluate",
    "testing",
    "cli",
    "__main__",
    "__init__",
]


def _runtime_imports(path):
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    hints = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hints.update(id(n) for n in ast.walk(node))
    package = path.parent
    for node in ast.walk(tree):
        if id(node) in hints:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "bcqa":
            if node.module == "bcqa":
                for alias in node.names:
                    yield alias.name if (package / f"{alias.name}.py").exists() else "__init__"
            else:
                yield node.module.split(".")[1]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "bcqa":
                    yield alias.name.split(".")[1] if "." in alias.name else "__init__"


def test_no_module_imports_one_above_it():
    from pathlib import Path

    import bcqa

    package = Path(bcqa.__file__).parent
    modules = sorted(p.stem for p in package.glob("*.py"))
    assert set(modules) <= set(LAYERS), f"place {sorted(set(modules) - set(LAYERS))} in LAYERS"
    back_edges = [
        f"{m} imports {target}"
        for m in modules
        for target in _runtime_imports(package / f"{m}.py")
        if LAYERS.index(target) >= LAYERS.index(m)
    ]
    assert back_edges == []


PUBLIC_MODULES = [
    "bcqa.assistant",
    "bcqa.answer",
    "bcqa.types",
    "bcqa.settings",
    "bcqa.conversation",
    "bcqa.testing",
    "bcqa.htmlview",
    "bcqa.render",
    "bcqa.export",
    "bcqa.support",
    "bcqa.errors",
]


def test_public_api_has_docstrings():
    import importlib
    import inspect

    missing = []
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        assert inspect.getdoc(module), name
        for attr, obj in vars(module).items():
            if attr.startswith("_") or getattr(obj, "__module__", None) != name:
                continue
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if not inspect.getdoc(obj):
                missing.append(f"{name}.{attr}")
            for member, value in vars(obj).items() if inspect.isclass(obj) else ():
                function = value.fget if isinstance(value, property) else getattr(value, "__func__", value)
                if not member.startswith("_") and inspect.isfunction(function) and not inspect.getdoc(function):
                    missing.append(f"{name}.{attr}.{member}")
    assert missing == []
