"""Sparse side: BM25 (rank-bm25's Okapi variant) over biomedical tokens.

Each document gets its own BM25 statistics (document frequencies, average
length): adding a document to the corpus must not change how the statements
of another one rank against each other.

Each document also gets a second BM25, its ``context``: over each statement's
tokens joined to those of the statement before it in its section, for the
claim that leaves its subject to the sentence before ("Utarini et al. ran a
cluster-randomised trial in Yogyakarta. Deployments cut dengue admissions by
86%").

Persisted as JSON (the parameters and each statement's tokens, by document)
and rebuilt in memory on load; building BM25 from stored tokens takes well
under a millisecond per hundred statements, and it keeps the index free of
pickle.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
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


# Above this many statements in one document, BM25 scores come from posting
# lists instead of rank-bm25, whose every query walks every statement's
# token counts in Python.  Measured by scripts/bench_scale.py (same scores,
# bit for bit): rank-bm25 takes about 1.6 ms per 1,000 statements per query.
POSTINGS_ABOVE = 2000


class BM25Index:
    """BM25 scores of every statement of one document for a query.

    Two engines give identical scores (rank-bm25's Okapi variant, its
    epsilon floor for common words included): ``rank-bm25`` itself, and
    ``postings``, which precomputes each term's per-statement weight so a
    query touches only the statements holding its terms.  ``engine=None``
    picks by size (``POSTINGS_ABOVE``).
    """

    context: BM25Index | None = None
    """The same statements, each with its predecessor's tokens (``paired_with_previous``)."""
    follows: list[bool] | None = None

    def __init__(
        self,
        tokens: Sequence[Sequence[str]],
        params: BM25Params = BM25Params(),
        engine: str | None = None,
        follows: Sequence[bool] | None = None,
    ):
        """``follows[i]``: statement i is in the same section as statement i - 1; given, it builds ``context``."""
        self.tokens: list[list[str]] | None = [list(t) for t in tokens]
        self.params = params
        self.engine = engine or ("postings" if len(self.tokens) > POSTINGS_ABOVE else "rank-bm25")
        self._size = len(self.tokens)
        # rank-bm25 divides by the average length; an all-empty corpus has none.
        corpus = [t or [""] for t in self.tokens]
        if self.engine == "rank-bm25":
            from rank_bm25 import BM25Okapi

            self._bm25 = BM25Okapi(corpus, **asdict(params))
        elif self.engine == "postings":
            self._bm25 = _Postings(corpus, params)
        else:
            raise ValueError(f"BM25 engine must be rank-bm25 or postings, not {engine!r}")
        if follows is not None:
            if len(follows) != self._size:
                raise ValueError("follows must give one flag per statement")
            self.follows = [bool(f) for f in follows]
            self.context = BM25Index(paired_with_previous(self.tokens, self.follows), params, self.engine)

    @classmethod
    def from_texts(
        cls,
        texts: Sequence[str],
        params: BM25Params = BM25Params(),
        gene_names: Mapping[str, str] | None = None,
        abbreviations: Mapping[str, str] | None = None,
        follows: Sequence[bool] | None = None,
    ) -> BM25Index:
        """Index texts; see ``statement_tokens`` for what a text's tokens are."""
        return cls([statement_tokens(t, gene_names, abbreviations) for t in texts], params, follows=follows)

    @classmethod
    def from_postings(cls, postings: _Postings, params: BM25Params, context: _Postings | None = None) -> BM25Index:
        """A postings-engine index read back from an index directory (no token lists kept)."""
        index = cls.__new__(cls)
        index.tokens, index.params, index.engine, index._size, index._bm25 = (
            None,
            params,
            "postings",
            postings.size,
            postings,
        )
        if context is not None:
            index.context = cls.from_postings(context, params)
        return index

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every token of every statement."""
        if self.tokens is None:
            return frozenset(t for t in self._bm25.terms() if t)  # "" stands in for an empty statement
        return frozenset(t for toks in self.tokens for t in toks)

    def __len__(self) -> int:
        return self._size

    def scores(self, query_tokens: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not query_tokens:
            return np.zeros(self._size, dtype=np.float64)
        return np.asarray(self._bm25.get_scores(list(query_tokens)), dtype=np.float64)


def paired_with_previous(tokens: Sequence[Sequence[str]], follows: Sequence[bool]) -> list[list[str]]:
    """Each statement's tokens after those of the statement before it, when that one is in its section."""
    return [[*tokens[i - 1], *t] if follows[i] else list(t) for i, t in enumerate(tokens)]


class _Postings:
    """rank-bm25's BM25Okapi as posting lists: the same arithmetic, in the same order.

    Each term keeps the rows that hold it and their weight
    ``idf * tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl))``; a query adds
    the weights of its tokens, in query order, so the float sums match
    rank-bm25's exactly (it adds 0.0 for every other row).
    """

    def __init__(self, corpus: Sequence[Sequence[str]], params: BM25Params):
        import math

        import numpy as np

        self.size = len(corpus)
        rows: dict[str, list[int]] = {}
        counts: dict[str, list[int]] = {}
        doc_len = np.array([len(doc) for doc in corpus])
        avgdl = sum(len(doc) for doc in corpus) / self.size
        for i, doc in enumerate(corpus):
            freq: dict[str, int] = {}
            for word in doc:
                freq[word] = freq.get(word, 0) + 1
            for word, n in freq.items():
                rows.setdefault(word, []).append(i)
                counts.setdefault(word, []).append(n)
        # rank-bm25's idf: the epsilon floor for words in more than half of the rows,
        # the average taken in first-seen order, as it does.
        idf: dict[str, float] = {}
        negative = []
        for word, rows_of in rows.items():
            value = math.log(self.size - len(rows_of) + 0.5) - math.log(len(rows_of) + 0.5)
            idf[word] = value
            if value < 0:
                negative.append(word)
        eps = params.epsilon * (sum(idf.values()) / len(idf))
        for word in negative:
            idf[word] = eps
        k1, b = params.k1, params.b
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for word, rows_of in rows.items():
            at = np.array(rows_of, dtype=np.int64)
            tf = np.array(counts[word])
            dl = doc_len[at]
            self._postings[word] = (at, idf[word] * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))))

    def terms(self):
        return self._postings.keys()

    def to_arrays(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """(terms, offsets, rows, weights): term i's postings are rows/weights[offsets[i]:offsets[i+1]]."""
        import numpy as np

        terms = list(self._postings)
        lengths = [len(self._postings[t][0]) for t in terms]
        offsets = np.zeros(len(terms) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum(lengths)
        rows = np.concatenate([self._postings[t][0] for t in terms]) if terms else np.zeros(0, dtype=np.int64)
        weights = np.concatenate([self._postings[t][1] for t in terms]) if terms else np.zeros(0)
        return terms, offsets, rows.astype(np.int64), weights.astype(np.float64)

    @classmethod
    def from_arrays(cls, size: int, terms: Sequence[str], offsets, rows, weights) -> _Postings:
        postings = cls.__new__(cls)
        postings.size = size
        postings._postings = _StoredPostings(terms, offsets, rows, weights)
        return postings

    def get_scores(self, query: Sequence[str]):
        import numpy as np

        score = np.zeros(self.size)
        for q in query:
            hit = self._postings.get(q)
            if hit is not None:
                score[hit[0]] += hit[1]
        return score


class _StoredPostings(Mapping):
    """term -> (rows, weights), sliced from the stored arrays when a query asks for the term.

    Slicing every term up front cost 0.34 s of a cold ask at 100k statements.
    """

    def __init__(self, terms: Sequence[str], offsets, rows, weights):
        self._index = dict(zip(terms, range(len(terms))))
        self._offsets, self._rows, self._weights = offsets.tolist(), rows, weights

    def __getitem__(self, term: str):
        i = self._index[term]
        start, stop = self._offsets[i], self._offsets[i + 1]
        return self._rows[start:stop], self._weights[start:stop]

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def keys(self):
        return self._index.keys()


def statement_tokens(
    text: str, gene_names: Mapping[str, str] | None = None, abbreviations: Mapping[str, str] | None = None
) -> list[str]:
    """A statement's BM25 tokens, with what a reader who knows the terms would add.

    A gene the text names brings the words of its approved name ("BRCA1"
    also gives "DNA repair associated").  The document's own abbreviations
    make its two spellings meet: a statement that writes only "ECM" also
    gets "extracellular matrix", one that writes only the long form gets
    "ecm".  Only the spelling a statement lacks is added, so a statement
    naming a term both ways is not counted twice.
    """
    tokens = tokenize(text)
    extra: list[str] = []
    for name in dict.fromkeys(tokens):
        if name in (gene_names or {}):
            extra += [t for t in tokenize(gene_names[name]) if t not in tokens]
    lowered = " ".join(text.lower().split())
    for short, long in (abbreviations or {}).items():
        has_long = " ".join(long.lower().split()) in lowered
        if short in tokens and not has_long:
            extra += [t for t in tokenize(long) if t not in tokens and t not in extra]
        elif has_long and short not in tokens:
            extra.append(short)
    return tokens + extra


FILENAME = "bm25.json"


POSTINGS_FILENAME = "bm25-postings.npz"


def save(directory: Path, indexes: Mapping[str, BM25Index], params: BM25Params) -> None:
    """The parameters and, per document, each statement's tokens (rank-bm25) or its
    posting lists (postings: terms in the JSON, arrays in an .npz, no pickle).

    Posting lists are stored rather than rebuilt on load: at 100k statements
    rebuilding them would take seconds of every cold start.  A document's
    ``context`` index is stored the same way (its own posting lists), or, under
    rank-bm25, rebuilt on load from the tokens and the stored section flags.
    """
    import numpy as np

    documents, arrays = [], {}
    for i, (name, index) in enumerate(indexes.items()):
        if index.engine == "postings":
            entry = {"name": name, "engine": "postings", "size": len(index), "terms": _put(arrays, f"{i}", index)}
            if index.context is not None:
                entry["context_terms"] = _put(arrays, f"{i}.context", index.context)
        else:
            # The context index is rebuilt on load from the tokens and the section flags.
            entry = {"name": name, "engine": "rank-bm25", "tokens": index.tokens, "follows": index.follows}
        documents.append(entry)
    payload = {"params": asdict(params), "tokenizer_version": TOKENIZER_VERSION, "documents": documents}
    (directory / FILENAME).write_text(json.dumps(payload), encoding="utf-8")
    if arrays:
        with (directory / POSTINGS_FILENAME).open("wb") as fh:
            np.savez(fh, **arrays)


def _put(arrays: dict, key: str, index: BM25Index) -> list[str]:
    """Add a postings index's arrays under ``key``; its terms, for the JSON."""
    terms, offsets, rows, weights = index._bm25.to_arrays()
    arrays.update({f"{key}.offsets": offsets, f"{key}.rows": rows, f"{key}.weights": weights})
    return terms


def _read(arrays, key: str, size: int, terms: list[str]) -> _Postings:
    return _Postings.from_arrays(size, terms, arrays[f"{key}.offsets"], arrays[f"{key}.rows"], arrays[f"{key}.weights"])


def load(directory: Path) -> dict[str, BM25Index]:
    from orjson import loads  # a large corpus's terms parse several times faster than with json

    payload = loads((directory / FILENAME).read_bytes())
    params = BM25Params(**payload["params"])
    out, arrays = {}, None
    for i, d in enumerate(payload["documents"]):
        if d.get("engine") == "postings":
            if arrays is None:
                import numpy as np

                arrays = np.load(directory / POSTINGS_FILENAME, allow_pickle=False)
            context = _read(arrays, f"{i}.context", d["size"], d["context_terms"]) if "context_terms" in d else None
            out[d["name"]] = BM25Index.from_postings(_read(arrays, f"{i}", d["size"], d["terms"]), params, context)
        else:
            out[d["name"]] = BM25Index(d["tokens"], params, engine="rank-bm25", follows=d.get("follows"))
    return out
