"""BM25 and fusion against tiny, obviously correct reference implementations."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bcqa.retrieve import Fusion, fuse, minmax, ranks, rrf
from bcqa.sparse import BM25Index, BM25Params


def okapi_oracle(docs, query, k1=1.5, b=0.75, epsilon=0.25):
    """BM25 Okapi as rank-bm25 defines it, written out longhand."""
    n = len(docs)
    avgdl = sum(len(d) for d in docs) / n
    df = {}
    for d in docs:
        for t in set(d):
            df[t] = df.get(t, 0) + 1
    idf = {t: math.log(n - f + 0.5) - math.log(f + 0.5) for t, f in df.items()}
    floor = epsilon * sum(idf.values()) / len(idf)
    idf = {t: (v if v >= 0 else floor) for t, v in idf.items()}
    scores = []
    for d in docs:
        s = 0.0
        for q in query:
            f = d.count(q)
            s += idf.get(q, 0.0) * f * (k1 + 1) / (f + k1 * (1 - b + b * len(d) / avgdl))
        scores.append(s)
    return scores


def test_bm25_matches_oracle(document):
    tokens = [t for t in BM25Index.from_texts([s.text for s in document.statements]).tokens]
    index = BM25Index(tokens, BM25Params(k1=1.2, b=0.7))
    for query in (["tp53", "mutat"], ["mir-21", "radioresist"], ["nope"], ["gene", "gene", "cell"]):
        assert index.scores(query) == pytest.approx(okapi_oracle(tokens, query, k1=1.2, b=0.7))


def test_bm25_empty_query_scores_zero():
    index = BM25Index([["a", "b"], ["c"]])
    assert list(index.scores([])) == [0.0, 0.0]


def test_minmax_and_ranks():
    assert list(minmax(np.array([2.0, 4.0, 3.0]))) == [0.0, 1.0, 0.5]
    assert list(minmax(np.array([5.0, 5.0]))) == [0.0, 0.0]
    assert list(ranks(np.array([0.1, 0.9, 0.5, 0.9]))) == [4, 1, 3, 2]


def test_rrf_oracle():
    dense = np.array([0.9, 0.1, 0.5])
    sparse = np.array([0.0, 3.0, 1.0])
    expected = [1 / 61 + 1 / 63, 1 / 63 + 1 / 61, 1 / 62 + 1 / 62]
    assert list(rrf([dense, sparse], 60)) == pytest.approx(expected)


def test_weighted_fusion_oracle():
    dense = np.array([0.2, 0.6, 0.4])
    sparse = np.array([10.0, 0.0, 5.0])
    got = fuse(dense, sparse, Fusion("weighted", alpha=0.25))
    assert list(got) == pytest.approx([0.25 * 0 + 0.75 * 1, 0.25 * 1 + 0, 0.25 * 0.5 + 0.75 * 0.5])


def test_single_sided_fusions():
    dense, sparse = np.array([0.3, 0.1]), np.array([0.0, 2.0])
    assert list(fuse(dense, sparse, Fusion("dense"))) == [0.3, 0.1]
    assert list(fuse(dense, sparse, Fusion("bm25"))) == [0.0, 2.0]


def test_bad_fusion_settings():
    with pytest.raises(ValueError):
        Fusion("max")
    with pytest.raises(ValueError):
        Fusion(alpha=1.5)


def test_search_ranks_by_fused_score(fake_assistant):
    hits = fake_assistant.search("HOTAIR NEAT1 lncRNA radioresistance", k=4)
    assert hits[0].statement.text.startswith("Long non-coding RNAs including HOTAIR")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len(hits) == 4
