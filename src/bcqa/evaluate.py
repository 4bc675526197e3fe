"""Golden-set evaluation: load a golden file, rank, score top-1 / top-3 / MRR."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bcqa.errors import BcqaError
from bcqa.types import Hit


@dataclass(frozen=True)
class GoldenQuestion:
    question: str
    expect: tuple[str, ...]
    citations: tuple[int, ...]
    split: str = "dev"


@dataclass(frozen=True)
class Scores:
    n: int
    top1: float
    top3: float
    mrr: float

    def __str__(self) -> str:
        return f"n={self.n:3d}  top-1 {self.top1:.3f}  top-3 {self.top3:.3f}  MRR {self.mrr:.3f}"


def load_golden(path: str | Path) -> list[GoldenQuestion]:
    """Read a golden TOML file of ``[[question]]`` tables."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise BcqaError(f"cannot read golden file {path}: {exc}") from exc
    return [
        GoldenQuestion(
            question=row["question"],
            expect=tuple(row["expect"]),
            citations=tuple(row.get("citations", ())),
            split=row.get("split", "dev"),
        )
        for row in data.get("question", [])
    ]


def rank_of(hits: Sequence[Hit], expect: Sequence[str]) -> int | None:
    """1-based rank of the first expected statement among the hits, or None."""
    for i, h in enumerate(hits, 1):
        if h.statement.id in expect:
            return i
    return None


def score(ranks: Sequence[int | None]) -> Scores:
    n = len(ranks)
    if n == 0:
        return Scores(0, 0.0, 0.0, 0.0)
    top1 = sum(r == 1 for r in ranks) / n
    top3 = sum(r is not None and r <= 3 for r in ranks) / n
    mrr = sum(1.0 / r for r in ranks if r) / n
    return Scores(n, top1, top3, mrr)
