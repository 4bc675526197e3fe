"""bcqa: citation-grounded answers about breast cancer therapy resistance.

``from bcqa import Assistant`` is all a notebook needs.  Heavy modules (torch,
faiss, sentence-transformers) load only when an index is built or queried.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bcqa._version import __version__

__all__ = ["Answer", "Assistant", "BcqaError", "Hit", "Reference", "Statement", "__version__"]

if TYPE_CHECKING:
    from bcqa.answer import Answer
    from bcqa.assistant import Assistant
    from bcqa.errors import BcqaError
    from bcqa.types import Hit, Reference, Statement

_LAZY = {
    "Assistant": "bcqa.assistant",
    "BcqaError": "bcqa.errors",
    "Answer": "bcqa.answer",
    "Hit": "bcqa.types",
    "Reference": "bcqa.types",
    "Statement": "bcqa.types",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'bcqa' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
