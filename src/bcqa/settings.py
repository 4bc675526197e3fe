"""Every setting in one object, with defaults, readable from ``bcqa.toml`` beside the corpus.

``Settings`` gathers what was spread over several classes: how many
statements an answer shows, the abstention and list thresholds, how dense
and BM25 scores are fused, the BM25 parameters, the model and the paths.
``Assistant.load`` reads the ``[settings]`` table of the corpus's
``bcqa.toml`` (the file that may also name the evidence map's columns),
then applies what the call passes::

    [settings]
    k = 3
    index_dir = "../my-index"          # relative to this file
    model_path = "/models/all-MiniLM-L6-v2"

    [settings.thresholds]
    floor_dense = 0.3

    [settings.fusion]
    method = "weighted"
    alpha = 0.5

    [settings.bm25]
    k1 = 1.5

Query-time settings (``k``, ``thresholds``, ``fusion``) can be changed per
call (``qa.ask(question, k=3)``) or for a derived assistant
(``qa.with_settings(k=3)``); index-time ones (``bm25``, ``model_path``, the
paths) take a new ``Assistant.load``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from bcqa.errors import BcqaError
from bcqa.policy import Thresholds
from bcqa.retrieve import Fusion
from bcqa.sparse import BM25Params

SETTINGS_FILE = "bcqa.toml"
QUERY_TIME = ("k", "thresholds", "fusion")


@dataclass(frozen=True)
class Settings:
    """What bcqa can be told, with its defaults.

    Attributes:
        k: Statements an answer shows at most.
        thresholds: Abstention and list cut-offs (``bcqa.policy.Thresholds``).
        fusion: How dense and BM25 scores combine (``bcqa.retrieve.Fusion``).
        bm25: BM25 parameters (index time: a change rebuilds the index).
        model_path: A folder holding all-MiniLM-L6-v2 (default: the bundled one).
        corpus: A document or a folder of them (default ``corpus/``).
        index_dir: Where the index lives (default ``index/``).
    """

    k: int = 5
    thresholds: Thresholds = field(default_factory=Thresholds)
    fusion: Fusion = field(default_factory=Fusion)
    bm25: BM25Params = field(default_factory=BM25Params)
    model_path: Path | None = None
    corpus: Path | None = None
    index_dir: Path | None = None

    def __post_init__(self):
        if isinstance(self.k, bool) or not isinstance(self.k, int) or not 1 <= self.k <= 50:
            raise BcqaError(f"settings: k must be a whole number from 1 to 50, not {self.k!r}")

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (None leaves a setting as it is)."""
        changes = {name: value for name, value in changes.items() if value is not None}
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise BcqaError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    @classmethod
    def from_toml(cls, path: str | Path) -> Settings:
        """The ``[settings]`` table of a ``bcqa.toml`` (defaults for what it does not say)."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise BcqaError(f"cannot read {path}: {exc}") from exc
        table = data.get("settings", {})
        if not isinstance(table, dict):
            raise BcqaError(f"{path}: [settings] must be a table")
        out: dict[str, Any] = {}
        for name, value in table.items():
            if name in _PARTS:
                out[name] = _part(path, name, value)
            elif name in ("model_path", "corpus", "index_dir"):
                if not isinstance(value, str):
                    raise BcqaError(f"{path}: settings.{name} must be a path in quotes")
                out[name] = (path.parent / value).resolve()
            elif name == "k":
                out[name] = value
            else:
                known = ", ".join(["k", "model_path", "corpus", "index_dir", *_PARTS])
                raise BcqaError(f"{path}: unknown setting {name!r} (known: {known})")
        return cls(**out)

    @classmethod
    def for_corpus(cls, corpus: str | Path) -> Settings:
        """The settings of the ``bcqa.toml`` beside ``corpus`` (the defaults when there is none)."""
        corpus = Path(corpus)
        folder = corpus if corpus.is_dir() else corpus.parent
        path = folder / SETTINGS_FILE
        return cls.from_toml(path) if path.is_file() else cls()


_PARTS = {"thresholds": Thresholds, "fusion": Fusion, "bm25": BM25Params}


def _part(path: Path, name: str, value: Any):
    kind = _PARTS[name]
    if not isinstance(value, dict):
        raise BcqaError(f"{path}: [settings.{name}] must be a table")
    defaults = kind()
    known = [f.name for f in fields(kind)]
    unknown = set(value) - set(known)
    if unknown:
        raise BcqaError(f"{path}: unknown [settings.{name}] key(s) {sorted(unknown)} (known: {', '.join(known)})")
    for key, given in value.items():
        expected = type(getattr(defaults, key))
        number = expected in (int, float) and isinstance(given, int | float) and not isinstance(given, bool)
        if not (number or isinstance(given, expected)):
            raise BcqaError(f"{path}: settings.{name}.{key} must be a {expected.__name__}, not {given!r}")
    try:
        return kind(**value)
    except (TypeError, ValueError) as exc:
        raise BcqaError(f"{path}: [settings.{name}]: {exc}") from exc
