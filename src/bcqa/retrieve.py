"""Hybrid retrieval: dense and BM25 scores fused into one ranking.

Fusion functions are pure (scores in, scores out).  The default is a convex
combination of min-max-normalised scores (``"weighted"``, alpha = 0.5), chosen
with ``scripts/compare_fusion.py`` on the dev questions (README, "Fusion"): with
a few dozen short statements the *size* of a BM25 win on a rare gene symbol
carries information that RRF throws away, while the dense side keeps paraphrases
in reach when no term matches.  Measured again (2026-12-03) on the dev questions
of all 149 golden documents, with the pair BM25 (``with_context``): alpha 0.4
moved fact top-1 up on 7 documents and down on 13 (mean 0.724 -> 0.714), 0.6 up
on 15 and down on 17 (0.723), so 0.5 stays.

A statement then leans on the one before it in its section (``lean_on_previous``):
a claim often leaves its subject to the sentence before ("COMBI-d randomised 423
patients ... Three-year overall survival reached 44% in the combination arm").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from bcqa.text import tokenize
from bcqa.types import Document, Hit, Statement

if TYPE_CHECKING:
    import numpy as np

    from bcqa.dense import DenseIndex, Encoder, TokenVectors
    from bcqa.sparse import BM25Index

FUSION_METHODS = ("weighted", "rrf", "dense", "bm25")
# How far a statement that states no number falls, on the fused scale, under a question
# that asks for one (``favour_quantities``).
QUANTITY_PENALTY = 0.2
# How far a statement that states a number, but none of the kind the question names
# (``query.quantity_kind``), falls on the fused scale (``favour_quantities``).
QUANTITY_KIND_PENALTY = 0.1
# What gives each kind: a share as a percentage or "n of m", a duration with its unit.
QUANTITY_KINDS = {
    # "n in m" but not "12 in 2005": a year after "in" is when, not the whole.
    "share": re.compile(
        r"\d\s?%|\bper\s?cent\b|\b\d+\s+(?:of|out of|in(?!\s+(?:1[89]|20)\d\d\b))\s+(?:the\s+)?\d+\b", re.I
    ),
    # The one-letter units in lower case only: "24 h", "7d", but not "3D" printing or "2D" gels.
    "duration": re.compile(
        r"\d(?:[.,]\d+)?\s*(?:-\s*)?(?:(?i:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mo|years?|yrs?)|h|d)\b"
    ),
}
# A statement states a quantity: a digit, or one of these words ("halved", "twice", "a third").
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty"
    " hundred thousand million billion half third quarter twice double doubled doubles triple tripled"
    " halved fold".split()
)
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[a-z]+")


def states_quantity(text: str) -> bool:
    """Whether ``text`` gives a number: a digit or a number word ("37%", "ten-fold", "halved").

    A digit is looked for first and the words only without one: 100k statements take about
    0.3 s, once per process, where one regular expression of both took 2 s.
    """
    return bool(_DIGIT.search(text)) or not _NUMBER_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


# How much of its BM25 score over itself and the statement before it (``with_context``) a
# statement keeps when that beats its BM25 score over itself alone.
CONTEXT_WEIGHT = 0.8


def with_context(own: np.ndarray, paired: np.ndarray, weight: float = CONTEXT_WEIGHT) -> np.ndarray:
    """Each statement's BM25 score: the larger of its own and ``weight`` times its pair's.

    ``paired`` scores each statement together with the one before it in its section
    (``BM25Index.context``).  The answer often sits in the sentence after the one that
    names the subject ("Utarini et al. ran a cluster-randomised trial in Yogyakarta." /
    "Deployments cut dengue hospitalisations by 86%."); a question naming both the trial
    and the outcome then matches the pair better than either sentence.  Scaled below 1 so
    that a statement matching the question on its own still passes one that matches only
    with its neighbour's words.  Measured (2026-12-03) on the golden questions of all 149
    documents, chosen on dev (fact top-1 0.705 -> 0.724, up on 22 documents, down on 9);
    held-out, run once at 0.8: fact top-1 up on 16 documents and down on 3 (mean 0.739 ->
    0.751), top-3 up on 9 and down on 5, list recall up on 13 and down on 9, abstention
    unchanged.  Adding the predecessor's own score instead, with no second index, cost
    top-1 on 48-55 dev documents.
    """
    import numpy as np

    return np.maximum(own, weight * paired)


def bm25_scores(index: BM25Index, tokens: Iterable[str]) -> np.ndarray:
    """Every statement's BM25 score for the query tokens: ``with_context`` of its own and its
    pair's when the index has a pair index (``BM25Index.context``), its own otherwise."""
    tokens = list(tokens)
    own = index.scores(tokens)
    return own if index.context is None else with_context(own, index.context.scores(tokens))


# How many statements the dense side ranks per question; every statement of
# the four test documents together is well under it, so there it is exact.
DENSE_CANDIDATES = 2000


@dataclass(frozen=True)
class Fusion:
    """How dense and sparse scores are combined.

    Attributes:
        method: ``weighted`` (min-max + convex sum), ``rrf``, or a single side.
        alpha: Weight of the dense side for ``weighted``.
        rrf_k: The constant of reciprocal-rank fusion.
        lean: How far a statement is drawn towards the score of the statement
            before it in its section, when that one scores higher (0 = not at all).
        late: Weight of the late-interaction score (``late_interaction``) among the
            best ``LATE_DEPTH`` statements (0 = off).
        late_context: In the late interaction, the share of its best cosine with the statement
            before a candidate (in its section) that a question's word piece may take instead
            of its own best (0 = none).
    """

    method: str = "weighted"
    alpha: float = 0.5
    rrf_k: int = 60
    lean: float = 0.3
    late: float = 1.0
    late_context: float = 0.85

    def __post_init__(self):
        if self.method not in FUSION_METHODS:
            raise ValueError(f"fusion method must be one of {FUSION_METHODS}, not {self.method!r}")
        if not 0.0 <= self.alpha <= 1.0:
            raise ValueError("fusion alpha must be between 0 and 1")
        if not 0.0 <= self.lean < 1.0:
            raise ValueError("fusion lean must be at least 0 and below 1")
        if not 0.0 <= self.late <= 10.0:
            raise ValueError("fusion late must be between 0 and 10")
        if not 0.0 <= self.late_context <= 1.0:
            raise ValueError("fusion late_context must be between 0 and 1")


def minmax(scores: np.ndarray) -> np.ndarray:
    """Scale to [0, 1]; a constant vector becomes all zeros (it ranks nothing)."""
    import numpy as np

    scores = np.asarray(scores, dtype=np.float64)
    lo, hi = float(scores.min()), float(scores.max())
    if hi - lo <= 1e-12:
        return np.zeros_like(scores)
    return (scores - lo) / (hi - lo)


def ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of each entry, best (highest) first; ties broken by position."""
    import numpy as np

    order = np.argsort(-np.asarray(scores), kind="stable")
    out = np.empty(len(order), dtype=np.int64)
    out[order] = np.arange(1, len(order) + 1)
    return out


def rrf(score_lists: Sequence[np.ndarray], k: int = 60) -> np.ndarray:
    """Reciprocal-rank fusion: sum of 1 / (k + rank) over the lists."""
    import numpy as np

    total = np.zeros(len(score_lists[0]), dtype=np.float64)
    for scores in score_lists:
        total += 1.0 / (k + ranks(scores))
    return total


def fuse(dense: np.ndarray, sparse: np.ndarray, fusion: Fusion = Fusion()) -> np.ndarray:
    """One score per statement from its dense and sparse scores."""
    import numpy as np

    if fusion.method == "dense":
        return np.asarray(dense, dtype=np.float64)
    if fusion.method == "bm25":
        return np.asarray(sparse, dtype=np.float64)
    if fusion.method == "rrf":
        if not np.any(sparse > 0):
            return rrf([dense], fusion.rrf_k)
        return rrf([dense, sparse], fusion.rrf_k)
    return fusion.alpha * minmax(dense) + (1.0 - fusion.alpha) * minmax(sparse)


def lean_on_previous(fused: np.ndarray, follows: np.ndarray, lean: float) -> np.ndarray:
    """Draw each statement ``lean`` of the way towards its predecessor's score when that is higher.

    ``follows[i]`` is True when statement i is in the same section as statement i - 1.
    A statement never passes its predecessor, so the best match keeps its place
    above what follows it, while a claim that leaves its subject to the sentence
    before ("Three-year overall survival reached 44% in the combination arm")
    comes up beside it.  Measured on the dev questions of all 74 documents with
    golden files (2026-12-01): fact top-1 unchanged on every one, top-3 up on six
    and down on one (a note-taking export, 1.0 -> 0.917), list recall up on
    seventeen and down on four.  0.6 gave more top-3 and list recall but more
    losses (influenza top-3, hepatitis B list 1.0 -> 0.5); plain addition of 0.1
    or 0.2 of the predecessor's score cost top-1 on a dozen documents.
    Held-out, measured once with 0.3: top-1 unchanged on all 59 documents, top-3
    up on four (0.833 -> 1.0 on three, 0.667 -> 1.0 on one) and down on none.
    """
    import numpy as np

    if not lean or len(fused) < 2:
        return fused
    # A predecessor is always the row before: neighbouring slices, no gathering by index.
    gap = np.where(follows[1:], np.maximum(fused[:-1] - fused[1:], 0.0), 0.0)
    out = np.array(fused, dtype=np.float64, copy=True)
    out[1:] += lean * gap
    return out


def same_section_as_previous(statements: Sequence[Statement]) -> list[bool]:
    """Whether each statement is in the same section as the one before it."""
    return [bool(i) and statements[i - 1].section == s.section for i, s in enumerate(statements)]


def statement_texts(statements: Sequence[Statement]) -> list[str]:
    """Every statement's text; stored rows give theirs without being parsed."""
    texts = getattr(statements, "texts", None)
    return texts() if texts is not None else [s.text for s in statements]


def favour_quantities(
    fused: np.ndarray,
    quantified: np.ndarray,
    penalty: float = QUANTITY_PENALTY,
    gives: np.ndarray | None = None,
    kind_penalty: float = QUANTITY_KIND_PENALTY,
) -> np.ndarray:
    """Lower by ``penalty`` every statement that states no number (``quantified`` False), and by
    ``kind_penalty`` one that states a number but not of the kind asked (``gives`` False).

    For a question that asks for one ("By how much did ... lower dengue admissions?"): the
    sentence that sets the scene ("Utarini et al. found in a cluster-randomised trial ...")
    shares its words, but the answer is the one that gives the figure.  Of 312 such dev
    questions, the expected statement of 301 states a number.  Measured (2026-12-03) on the
    golden questions of all 149 documents, the penalty chosen on dev (0.05: top-1 up on one
    document; 0.1: five; 0.2: seven, none down, top-3 up on six and down on one; 0.3: ten up,
    one down; 1.0: ten up, three down), then run once on held-out: fact top-1 up on nine
    documents (mean 0.729 -> 0.739), top-3 up on three, no figure down on any document.
    A statement whose only number is a name ("KEYNOTE-045") counts as stating one.

    ``gives``: for a question that names the kind of number it wants, a share ("What fraction of
    patients ...") or a duration ("How long was median PFS ...", ``query.quantity_kind``), whether
    each statement gives one (``QUANTITY_KINDS``). The sentence that describes a trial ("BRUIN
    CLL-321 randomised 238 patients to ...") states numbers too, and outranks the one after it
    that gives the answer ("Median progression-free survival was 14.0 months ..."). Measured
    (2026-12-05) on the golden questions of all 233 documents at 0.1, chosen before the run: dev
    fact top-1 up on 7 documents and down on none (mean 0.768 -> 0.773), top-3 up on 2, MRR up on
    12; held-out, run once: top-1 0.767 -> 0.776, up on 12 documents and down on none, top-3 up on 2,
    list recall down on one (README, "Quantities of a kind").
    """
    import numpy as np

    out = np.where(quantified, fused, fused - penalty)
    if gives is not None:
        out = np.where(quantified & ~gives, out - kind_penalty, out)
    return out


# How many of a question's best statements the late interaction re-scores.
LATE_DEPTH = 10


def late_interaction(
    scores: Scores,
    tokens: TokenVectors,
    start: int,
    query: np.ndarray,
    weight: float,
    rows: frozenset[int] | None = None,
    depth: int = LATE_DEPTH,
    follows: np.ndarray | None = None,
    context: float = 0.0,
) -> Scores:
    """Re-score the ``depth`` best statements with MaxSim over word-piece vectors (ColBERT).

    Each of the question's word pieces (``query``, unit rows) finds its most similar piece in a
    statement; the mean of those similarities, less the lowest among the candidates, times
    ``weight``, is added to the candidate's fused score.  A candidate only rises, so the
    candidates stay above every other statement and the order below them is kept.  ``start``
    is the document's first row in ``tokens``; ``rows`` limits the candidates (a section filter).

    The sentence vector averages a claim's words away; MaxSim keeps the one word that matches
    ("Which enzyme ..." against the statement naming it among six others).  Weight 1.0 chosen
    on the dev questions of all 231 documents (2026-12-04; list questions left out, see
    ``Assistant._decide_all``): fact top-1 0.724 -> 0.749, up on 53 documents and down on 25
    (0.5: 0.738, up 36, down 18).  Held-out, run once: fact top-1 0.737 -> 0.760, up on 45
    documents and down on 18; top-3 0.891 -> 0.899; list recall 0.542 -> 0.537; abstention and
    attribution unchanged.

    ``follows`` (``same_section_as_previous``) and ``context``: a question piece may take
    ``context`` of its best cosine with the statement before a candidate in its section, so a
    claim that leaves its subject to that sentence ("Only 1 of 34 patients (3%) responded"
    after the one naming the drug and the trial) still matches the question's words for it.
    The pair BM25 (``with_context``) does the same for terms.  0.85 chosen on the dev questions
    of all 231 documents (2026-12-05): fact top-1 0.749 -> 0.760, up on 25 documents and down on
    13 (0.7: 0.755, up 16, down 8; 1.0: 0.754, up 37, down 31).  Held-out, run once: fact top-1
    0.760 -> 0.763 (up on 14 documents, down on 11), top-3 0.899 -> 0.902, list recall 0.537 ->
    0.546; abstention and attribution unchanged.  Borrowing from the statement after as well
    was worse on dev (2026-12-05, on top of 0.85 before: 0.7 after, fact top-1 0.764 -> 0.758,
    up on 4 documents and down on 13; 0.85 after: 0.754, up 6, down 21), so it is not done.
    """
    import numpy as np

    fused = scores.fused if rows is None else scores.only(rows).fused
    candidates = best_first(fused, depth)
    candidates = candidates[np.isfinite(fused[candidates])]
    if len(candidates) < 2 or not len(query):
        return scores
    borrow = None if follows is None else np.asarray(follows, dtype=bool)[candidates]
    sims = tokens.maxsim(query, start + candidates, borrow, context)
    out = np.array(scores.fused, dtype=np.float64, copy=True)
    out[candidates] += weight * (sims - sims.min())
    return Scores(scores.dense, scores.sparse, out, float(sims.max()))


@dataclass(frozen=True)
class Scores:
    """Every statement's dense, BM25 and fused score for one query.

    ``matched``: the best late-interaction MaxSim among the statements it re-scored (how well
    the closest statement, with the one before it, matches the question's word pieces), or
    None when none were re-scored.
    """

    dense: np.ndarray
    sparse: np.ndarray
    fused: np.ndarray
    matched: float | None = None

    def only(self, rows: frozenset[int]) -> Scores:
        """The same scores with every other row pushed below any real score."""
        import numpy as np

        mask = np.zeros(len(self.fused), dtype=bool)
        mask[list(rows)] = True
        return Scores(
            np.where(mask, self.dense, -1.0),
            np.where(mask, self.sparse, 0.0),
            np.where(mask, self.fused, -np.inf),
            self.matched,
        )

    def top(self, statements: Sequence[Statement], k: int, among: Sequence[int] | None = None) -> list[Hit]:
        """The k best statements, optionally only among the given rows."""
        import numpy as np

        rows = np.arange(len(statements)) if among is None else np.asarray(list(among), dtype=np.int64)
        rows = rows[np.isfinite(self.fused[rows])]
        if len(rows) == 0:
            return []
        order = rows[best_first(self.fused[rows], k)]
        return [Hit(statements[i], float(self.fused[i]), float(self.dense[i]), float(self.sparse[i])) for i in order]


def best_first(values: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k largest values, best first, ties by position: a stable argsort's first k.

    A full sort of 100k scores costs milliseconds per question; partitioning
    at the k-th value and sorting only the values at or above it gives the
    same positions in the same order.
    """
    import numpy as np

    n = len(values)
    if k >= n or n <= 4 * k + 64:
        return np.argsort(-values, kind="stable")[:k]
    kth = np.partition(values, n - k)[n - k]
    keep = np.flatnonzero(values >= kth)  # ascending positions: the stable sort keeps their order on ties
    return keep[np.argsort(-values[keep], kind="stable")][:k]


@dataclass(frozen=True)
class Part:
    """One document's share of the index: its statements, its first row, its BM25."""

    document: Document
    start: int
    sparse: BM25Index

    @property
    def statements(self) -> Sequence[Statement]:
        return self.document.statements

    @property
    def stop(self) -> int:
        return self.start + len(self.document.statements)

    @cached_property
    def follows(self) -> np.ndarray:
        """Whether each statement is in the same section as the one before it.

        Stored statements are parsed only when shown (a cold ask at 100k
        statements), so their sections are compared as stored.
        """
        import numpy as np

        st = self.statements
        if hasattr(st, "same_section_as_previous"):
            return np.asarray(st.same_section_as_previous(), dtype=bool)
        return np.array(same_section_as_previous(st), dtype=bool)

    @cached_property
    def _gives(self) -> dict[str, np.ndarray]:
        return {}

    def gives(self, kind: str) -> np.ndarray:
        """Whether each statement gives a number of ``kind`` (``QUANTITY_KINDS``); computed once."""
        import numpy as np

        if kind not in self._gives:
            pattern = QUANTITY_KINDS[kind]
            texts = statement_texts(self.statements)
            self._gives[kind] = np.fromiter((bool(pattern.search(t)) for t in texts), dtype=bool, count=len(texts))
        return self._gives[kind]

    @cached_property
    def quantified(self) -> np.ndarray:
        """Whether each statement states a number (``favour_quantities``); read from the stored
        text without parsing the statements."""
        import numpy as np

        texts = statement_texts(self.statements)
        return np.fromiter((states_quantity(t) for t in texts), dtype=bool, count=len(texts))


class HybridRetriever:
    """Dense + BM25 search over the statements of one or more documents.

    Dense cosines are absolute, so one FAISS index serves every document;
    BM25 statistics and the min-max fusion are per document, so that adding a
    document leaves the ranking inside the others as it was.
    """

    def __init__(
        self,
        parts: Sequence[Part],
        dense: DenseIndex,
        encoder: Encoder,
        fusion: Fusion = Fusion(),
        statements: Sequence[Statement] | None = None,
        tokens: TokenVectors | None = None,
    ):
        """``statements``: every part's statements in order, when the caller already holds them joined;
        ``tokens``: their word-piece vectors, for the late interaction (``late_interaction``)."""
        self.parts = tuple(parts)
        self.statements = tuple(s for p in self.parts for s in p.statements) if statements is None else statements
        if len(self.statements) != sum(len(p.statements) for p in self.parts):
            raise ValueError("statements must be the parts' statements, in order")
        self.dense = dense
        self.encoder = encoder
        self.fusion = fusion
        self.tokens = tokens if tokens is not None and len(tokens) == len(self.statements) else None

    @property
    def late(self) -> bool:
        """Whether questions are re-scored by late interaction: the index holds word-piece
        vectors, the encoder gives them for questions and ``fusion.late`` is on."""
        return self.tokens is not None and bool(self.fusion.late) and hasattr(self.encoder, "encode_tokens")

    def dense_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Cosine of every statement for each text: shape (len(texts), statements).

        The best ``DENSE_CANDIDATES`` statements get their cosine; the rest
        (only in a corpus larger than that) get the lowest of those, so that
        they neither rank above a candidate nor stretch the min-max scaling.
        """
        return self.dense_scores_and_pieces(texts, pieces=False)[0]

    def dense_scores_and_pieces(
        self, texts: Sequence[str], pieces: bool = True
    ) -> tuple[np.ndarray, list[np.ndarray] | None]:
        """``dense_scores`` and, when ``pieces`` and ``late``, each text's word-piece vectors
        from the same encoder call (else None)."""
        import numpy as np

        n = len(self.statements)
        out = np.full((len(texts), n), -1.0)
        if not texts or not n:
            return out, None
        found = None
        if pieces and self.late:
            vectors, found = self.encoder.encode_tokens(list(texts))
        else:
            vectors = self.encoder.encode(list(texts))
        scores, ids = self.dense.search(vectors, min(n, DENSE_CANDIDATES))
        for row in range(len(texts)):
            valid = ids[row] >= 0
            if valid.sum() < n:
                out[row] = scores[row][valid].min()
            out[row, ids[row][valid]] = scores[row][valid]
        return out, found

    def rerank(self, part: Part, scores: Scores, query: np.ndarray, rows: frozenset[int] | None = None) -> Scores:
        """``late_interaction`` of one document's scores, when the retriever does it (``late``)."""
        if not self.late:
            return scores
        fusion = self.fusion
        return late_interaction(
            scores, self.tokens, part.start, query, fusion.late, rows, follows=part.follows, context=fusion.late_context
        )

    def score_part(
        self,
        part: Part,
        dense_row: np.ndarray,
        tokens: Sequence[str],
        fusion: Fusion | None = None,
        wants_quantity: bool = False,
        quantity_kind: str | None = None,
    ):
        """One document's Scores (rows local to it) from a full dense row and query tokens.

        ``wants_quantity``: the question asks for a number (``favour_quantities``);
        ``quantity_kind``: of that kind ("share", "duration"; ``query.quantity_kind``).
        """
        dense = dense_row[part.start : part.stop]
        sparse = bm25_scores(part.sparse, tokens)
        fusion = fusion or self.fusion
        fused = lean_on_previous(fuse(dense, sparse, fusion), part.follows, fusion.lean)
        if wants_quantity:
            gives = part.gives(quantity_kind) if quantity_kind else None
            fused = favour_quantities(fused, part.quantified, gives=gives)
        return Scores(dense, sparse, fused)

    def search(self, question: str, k: int = 5) -> list[Hit]:
        return self.search_many([question], k)[0]

    def search_many(self, questions: Sequence[str], k: int = 5, fusion: Fusion | None = None) -> list[list[Hit]]:
        """Top-k hits per plain question (no query analysis); one encoder call."""
        tables = self.score_many(questions, [tokenize(q) for q in questions], fusion)
        return [t.top(self.statements, k) for t in tables]

    def score_many(
        self,
        dense_texts: Sequence[str],
        token_lists: Sequence[Sequence[str]],
        fusion: Fusion | None = None,
    ) -> list[Scores]:
        """Every statement's scores for each query, documents side by side; one encoder call."""
        import numpy as np

        if not dense_texts:
            return []
        matrix = self.dense_scores(dense_texts)
        tables = []
        for row, tokens in zip(matrix, token_lists):
            parts = [self.score_part(p, row, tokens, fusion) for p in self.parts]
            tables.append(
                Scores(*(np.concatenate([getattr(t, f) for t in parts]) for f in ("dense", "sparse", "fused")))
            )
        return tables
