"""Sparse side: BM25 (rank-bm25's Okapi variant) over biomedical tokens.

Persisted as JSON (the parameters and each statement's tokens) and rebuilt
in memory on load; building BM25 from stored tokens takes well under a
millisecond per hundred statements, and it keeps the index free of pickle.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bcqa.text import TOKENIZER_VERSION, tokenize

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class BM25Params:
    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


class BM25Index:
    """BM25 scores of every statement for a query."""

    FILENAME = "bm25.json"

    def __init__(self, tokens: Sequence[Sequence[str]], params: BM25Params = BM25Params()):
        from rank_bm25 import BM25Okapi

        self.tokens = [list(t) for t in tokens]
        self.params = params
        # rank-bm25 divides by the average length; an all-empty corpus has none.
        self._bm25 = BM25Okapi([t or [""] for t in self.tokens], **asdict(params))

    @classmethod
    def from_texts(
        cls, texts: Sequence[str], params: BM25Params = BM25Params(), gene_names: dict[str, str] | None = None
    ) -> BM25Index:
        """Index texts; a gene a text names also brings the words of its approved name.

        "BRCA1 ... mutations" is then found by "DNA repair genes" (BRCA1 DNA
        repair associated), as a reader who knows the gene would find it.
        """
        names = {g: tokenize(n) for g, n in (gene_names or {}).items()}
        rows = []
        for text in texts:
            tokens = tokenize(text)
            extra = [t for g in dict.fromkeys(tokens) if g in names for t in names[g]]
            rows.append(tokens + extra)
        return cls(rows, params)

    def __len__(self) -> int:
        return len(self.tokens)

    def scores(self, query_tokens: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not query_tokens:
            return np.zeros(len(self.tokens), dtype=np.float64)
        return np.asarray(self._bm25.get_scores(list(query_tokens)), dtype=np.float64)

    def save(self, directory: Path) -> None:
        payload = {
            "params": asdict(self.params),
            "tokenizer_version": TOKENIZER_VERSION,
            "tokens": self.tokens,
        }
        (directory / self.FILENAME).write_text(json.dumps(payload), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> BM25Index:
        payload = json.loads((directory / cls.FILENAME).read_text(encoding="utf-8"))
        return cls(payload["tokens"], BM25Params(**payload["params"]))
