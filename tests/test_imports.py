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
