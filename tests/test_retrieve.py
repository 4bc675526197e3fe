"""BM25 and fusion against tiny, obviously correct reference implementations."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bcqa.retrieve import (
    QUANTITY_KINDS,
    Fusion,
    bm25_scores,
    favour_quantities,
    fuse,
    lean_on_previous,
    minmax,
    ranks,
    rrf,
    states_quantity,
    with_context,
)
from bcqa.sparse import BM25Index, BM25Params, paired_with_previous


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
    with pytest.raises(ValueError):
        Fusion(lean=1.0)


def test_a_statement_leans_on_a_better_predecessor_but_never_passes_it():
    fused = np.array([0.9, 0.5, 0.95, 0.2, 0.8])
    follows = np.array([False, True, True, False, True])  # rows 0-2 one section, rows 3-4 the next
    previous = np.array([-1, 0, 1, -1, 3])
    got = lean_on_previous(fused, follows, 0.3)
    # Row 1 is drawn 0.3 of the way to row 0; row 2 already scores above row 1 and row 4 above row 3;
    # a section's first statement keeps its score.
    assert list(got) == pytest.approx([0.9, 0.62, 0.95, 0.2, 0.8])
    assert list(lean_on_previous(fused, follows, 0.0)) == list(fused)
    assert all(got[i] <= max(fused[i], got[previous[i]]) for i in range(5) if previous[i] >= 0)


def test_a_statement_without_a_number_falls_only_under_a_question_for_one():
    fused = np.array([0.9, 0.8, 0.3])
    quantified = np.array([False, True, False])
    assert list(favour_quantities(fused, quantified, 0.2)) == pytest.approx([0.7, 0.8, 0.1])
    assert list(favour_quantities(fused, quantified, 0.0)) == list(fused)


def test_a_number_of_another_kind_falls_less_under_a_question_that_names_its_kind():
    fused = np.array([0.9, 0.8, 0.3])
    quantified = np.array([True, True, False])
    gives = np.array([False, True, False])  # row 0 states a number, but not of the kind asked
    assert list(favour_quantities(fused, quantified, 0.2, gives, 0.1)) == pytest.approx([0.8, 0.8, 0.1])
    assert list(favour_quantities(fused, quantified, 0.2, None, 0.1)) == pytest.approx([0.9, 0.8, 0.1])


@pytest.mark.parametrize(
    ("kind", "text", "gives"),
    [
        ("share", "Decreased HER2 expression was seen in 65% of the patients analysed.", True),
        ("share", "Only 1 of 34 patients responded.", True),
        ("share", "The trial randomised 238 patients to pirtobrutinib or idelalisib.", False),
        ("duration", "Median progression-free survival was 14.0 months with pirtobrutinib.", True),
        ("duration", "Relapse came 6-12 weeks after the last dose.", True),
        ("duration", "A 2 h infusion of 0.5 mg/kg ketamine", True),
        ("duration", "Response rates were 70.6% and 37.5%.", False),
        ("duration", "FOCUS enrolled 838 adults at 104 sites in 14 countries.", False),
        ("share", "Resistance was found in 12 in 2005 and in 40 by 2010.", False),  # a year is no whole
        ("share", "Two cases arose in 3 in 10 households.", True),
        ("duration", "Spheroids grew in 3D culture.", False),  # no unit in capitals: "3D", "2D gels"
        ("duration", "Samples were read at 48 Hours.", True),
        ("duration", "Cure was read at 7d.", True),
    ],
)
def test_what_gives_a_number_of_a_kind(kind, text, gives):
    assert bool(QUANTITY_KINDS[kind].search(text)) is gives


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Awake cough frequency fell by 37% against placebo.", True),
        ("Resistance rose three-fold after the first course.", True),
        ("Mortality was halved in the treated arm.", True),
        ("Twice as many isolates carried the plasmid.", True),
        ("The COUGH-1 trial compared gefapixant with placebo.", True),  # a name with a digit counts
        ("Taste disturbance was the commonest adverse event.", False),
        ("Someone noted that the tone of the review was neutral.", False),  # "one" inside words
    ],
)
def test_statements_that_state_a_number(text, states):
    assert states_quantity(text) is states


TRIAL_REVIEW = """# Cough trials

## Gefapixant

The ASTER trial compared gefapixant with placebo in adults with refractory chronic cough [1].
Awake cough frequency fell by 37% against placebo at week 12 [1].
Taste disturbance was the commonest adverse event, reported by most participants on the higher dose [2].

## References

1. McGarvey L, Birring SS. Efficacy and safety of gefapixant in refractory chronic cough. Lancet. 2022.
2. Smith JA, Kitt MM. Gefapixant in chronic cough: taste effects. Chest. 2020.
"""


def test_a_question_for_a_number_ranks_the_statement_that_gives_it(tmp_path):
    from bcqa import Assistant
    from conftest import FakeEncoder

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "cough.md").write_text(TRIAL_REVIEW)
    qa = Assistant.load(tmp_path / "corpus", tmp_path / "index", encoder=FakeEncoder(), progress=None)
    question = "By how much did gefapixant lower awake cough frequency in the ASTER trial?"
    part = qa.retriever.parts[0]
    assert list(part.quantified) == [False, True, False]
    row = qa.retriever.dense_scores([question])[0]
    tokens = qa.analyse(question)[0].tokens
    plain = qa.retriever.score_part(part, row, tokens)
    wanted = qa.retriever.score_part(part, row, tokens, wants_quantity=True)
    # Without the answer type the scene-setting sentence wins on the shared names ...
    assert int(np.argmax(plain.fused)) == 0
    # ... with it the sentence that gives the figure does, and that is what ask shows.
    assert int(np.argmax(wanted.fused)) == 1
    assert qa.ask(question).statements[0].statement.text.startswith("Awake cough frequency fell by 37%")


def test_each_statement_is_paired_with_its_predecessor_in_its_section_only():
    tokens = [["a"], ["b", "c"], ["d"], []]
    follows = [False, True, False, True]  # rows 0-1 one section, rows 2-3 the next
    assert paired_with_previous(tokens, follows) == [["a"], ["a", "b", "c"], ["d"], ["d"]]
    index = BM25Index(tokens, follows=follows)
    query = ["a", "d"]
    assert np.array_equal(index.context.scores(query), BM25Index(paired_with_previous(tokens, follows)).scores(query))
    assert BM25Index(tokens).context is None
    with pytest.raises(ValueError, match="one flag per statement"):
        BM25Index(tokens, follows=[False])


def test_a_statement_keeps_the_larger_of_its_own_and_its_scaled_pair_score():
    own, paired = np.array([2.0, 0.5, 0.0]), np.array([2.0, 3.0, 1.0])
    assert list(with_context(own, paired, 0.8)) == pytest.approx([2.0, 2.4, 0.8])
    assert list(with_context(own, paired, 0.0)) == list(own)


def test_bm25_scores_read_the_pair_index_only_when_there_is_one():
    tokens = [["wolbachia", "trial"], ["dengue", "fell"], ["kdr", "spray"], ["eggs", "ovitrap"], ["larvae", "water"]]
    follows, query = [False, True, False, True, True], ["wolbachia"]
    alone, paired = BM25Index(tokens), BM25Index(tokens, follows=follows)
    assert np.array_equal(bm25_scores(alone, query), alone.scores(query))
    own = paired.scores(query)
    lifted = bm25_scores(paired, iter(query))  # any iterable of tokens
    assert np.array_equal(lifted, with_context(own, paired.context.scores(query)))
    # The sentence after the one naming the trial now scores for "wolbachia" too.
    assert lifted[1] > own[1] and lifted[0] == own[0]


WOLBACHIA_REVIEW = """# Arbovirus control

## Wolbachia releases

A cluster-randomised trial tested Wolbachia releases in Yogyakarta [1].
Dengue hospitalisations fell sharply where the mosquitoes were released [1].
Mosquito populations recovered quickly once spraying stopped in Jakarta [2].

## Insecticides

Pyrethroid spraying selects kdr mutations in the sodium channel of Aedes aegypti [2].
Resistant mosquitoes survived doses that killed susceptible colonies [2].

## Surveillance

Ovitrap indices track the density of Aedes eggs across city blocks [2].
Serotype shifts preceded several large outbreaks in Southeast Asia [2].
Climate anomalies lengthen the transmission season in coastal towns [2].
Household water storage creates breeding sites that escape spraying [2].
Larval source reduction depends on community participation [2].

## References

1. Utarini A, Indriani C. Efficacy of Wolbachia-infected mosquito deployments for dengue control. N Engl J Med. 2021.
2. Moyes CL, Vontas J. Contemporary status of insecticide resistance in Aedes. PLoS Negl Trop Dis. 2017.
"""


def test_the_statement_after_the_one_naming_the_subject_is_found_with_it(tmp_path):
    from bcqa import Assistant
    from conftest import FakeEncoder

    # Enough statements for BM25's idf to tell a rare name from a common word, as in a real review.
    towns = "Bandung Surabaya Medan Semarang Makassar Palembang Denpasar Manado Padang Malang".split()
    survey = "\n".join(f"Entomologists in {t} mapped larval habitats along drainage channels [2]." for t in towns)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "wolbachia.md").write_text(
        WOLBACHIA_REVIEW.replace("## References", f"## Field surveys\n\n{survey}\n\n## References")
    )
    qa = Assistant.load(tmp_path / "corpus", tmp_path / "index", encoder=FakeEncoder(), progress=None)
    question = "What happened to dengue in the Wolbachia trial?"
    part = qa.retriever.parts[0]
    tokens = qa.analyse(question)[0].tokens
    flat = np.zeros(len(qa.statements))  # a dense side that ranks nothing: BM25 decides
    paired = qa.retriever.score_part(part, flat, tokens)
    context, part.sparse.context = part.sparse.context, None
    try:
        alone = qa.retriever.score_part(part, flat, tokens)
    finally:
        part.sparse.context = context
    # Scored alone, the sentence that names the trial wins on its two names over the one
    # that names dengue ...
    assert int(np.argmax(alone.fused)) == 0
    # ... scored with the sentence before it, the one that says what happened to dengue does.
    assert int(np.argmax(paired.fused)) == 1


def test_search_ranks_by_fused_score(fake_assistant):
    hits = fake_assistant.search("HOTAIR NEAT1 lncRNA radioresistance", k=4)
    assert hits[0].statement.text.startswith("Long non-coding RNAs including HOTAIR")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len(hits) == 4


# --- the two BM25 engines --------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORD = st.sampled_from([*"abcdefghij", "tp53"])
_TOKENS = st.lists(st.lists(_WORD, max_size=12), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None, database=None)
@given(corpus=_TOKENS, query=st.lists(st.sampled_from(list("abcdefghijkz")), max_size=6))
def test_postings_engine_scores_exactly_as_rank_bm25(corpus, query):
    a = BM25Index(corpus, engine="rank-bm25").scores(query)
    b = BM25Index(corpus, engine="postings").scores(query)
    assert np.array_equal(a, b)


def test_both_engines_rank_the_seed_identically(document):
    from bcqa.evaluate import load_golden
    from bcqa.text import tokenize
    from conftest import GOLDEN

    texts = [s.search_text for s in document.statements]
    small = BM25Index.from_texts(texts)
    assert small.engine == "rank-bm25"  # the seed is far below the switch
    big = BM25Index(small.tokens, engine="postings")
    for q in load_golden(GOLDEN):
        tokens = tokenize(q.question)
        assert np.array_equal(small.scores(tokens), big.scores(tokens)), q.question
        assert list(ranks(small.scores(tokens))) == list(ranks(big.scores(tokens)))


def test_engine_switches_by_size():
    from bcqa.sparse import POSTINGS_ABOVE

    assert BM25Index([["a"]] * POSTINGS_ABOVE).engine == "rank-bm25"
    assert BM25Index([["a"]] * (POSTINGS_ABOVE + 1)).engine == "postings"
    with pytest.raises(ValueError):
        BM25Index([["a"]], engine="bm25x")


# --- the two dense indexes -------------------------------------------------------


def test_approximate_index_finds_the_exact_top_10():
    from bcqa.dense import APPROXIMATE_ABOVE, DenseIndex

    rng = np.random.default_rng(7)
    # Clustered unit vectors, like sentence embeddings of one field.
    centres = rng.standard_normal((40, 64))
    vectors = centres[rng.integers(0, 40, 5000)] + 0.6 * rng.standard_normal((5000, 64))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    queries = vectors[rng.integers(0, 5000, 200)] + 0.1 * rng.standard_normal((200, 64)).astype(np.float32)
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    exact, approx = DenseIndex.from_vectors(vectors), DenseIndex.from_vectors(vectors, approximate=True)
    assert exact.exact and not approx.exact and len(vectors) <= APPROXIMATE_ABOVE
    _, want = exact.search(queries, 10)
    _, got = approx.search(queries, 10)
    recall = np.mean([len(set(w) & set(g)) / 10 for w, g in zip(want, got)])
    assert recall >= 0.95
    np.testing.assert_allclose(approx.vectors(), vectors, atol=1e-6)


def test_approximate_index_round_trips(tmp_path):
    from bcqa.dense import DenseIndex

    vectors = np.eye(8, dtype=np.float32)
    DenseIndex.from_vectors(vectors, approximate=True).save(tmp_path)
    loaded = DenseIndex.load(tmp_path)
    assert not loaded.exact and len(loaded) == 8
    _, ids = loaded.search(vectors[:1], 1)
    assert ids[0][0] == 0


def test_dense_scores_past_the_candidates_get_the_lowest_candidate_score(fake_assistant, monkeypatch):
    import bcqa.retrieve

    full = fake_assistant.retriever.dense_scores(["MDR1 expression"])[0]
    monkeypatch.setattr(bcqa.retrieve, "DENSE_CANDIDATES", 5)
    cut = fake_assistant.retriever.dense_scores(["MDR1 expression"])[0]
    top = np.argsort(-full)[:5]
    np.testing.assert_allclose(cut[top], full[top], rtol=1e-6)
    rest = np.setdiff1d(np.arange(len(full)), top)
    assert np.allclose(cut[rest], full[top].min())


def test_postings_are_stored_and_read_back_without_rebuilding(tmp_path, monkeypatch):
    from bcqa import sparse

    corpus = [["tp53", "loss", "resist"], ["mir-21", "resist"], ["tp53"], []] * 700
    follows = [i % 3 != 0 for i in range(len(corpus))]
    built = {
        "doc.md": BM25Index(corpus, engine="postings", follows=follows),
        "small.md": BM25Index(corpus[:8], follows=follows[:8]),
        "plain.md": BM25Index(corpus[:8]),
    }
    sparse.save(tmp_path, built, BM25Params())
    assert (tmp_path / sparse.POSTINGS_FILENAME).is_file()

    def no_rebuild(*_a, **_k):
        raise AssertionError("posting lists were rebuilt on load")

    monkeypatch.setattr(sparse._Postings, "__init__", no_rebuild)
    loaded = sparse.load(tmp_path)
    assert loaded["doc.md"].engine == "postings" and loaded["doc.md"].tokens is None
    assert loaded["small.md"].engine == "rank-bm25"
    assert loaded["doc.md"].vocabulary == built["doc.md"].vocabulary
    assert loaded["plain.md"].context is None
    for query in (["tp53"], ["resist", "mir-21", "resist"], ["absent"]):
        for name in built:
            assert np.array_equal(loaded[name].scores(query), built[name].scores(query))
            assert len(loaded[name]) == len(built[name])
        for name in ("doc.md", "small.md"):
            assert loaded[name].context.engine == built[name].engine
            assert np.array_equal(loaded[name].context.scores(query), built[name].context.scores(query))


@settings(max_examples=200, deadline=None, database=None)
@given(
    values=st.lists(st.sampled_from([0.0, 0.1, 0.5, 0.5, 0.9, 1.0, -np.inf]), min_size=1, max_size=400),
    k=st.integers(1, 30),
)
def test_best_first_is_a_stable_argsorts_first_k(values, k):
    from bcqa.retrieve import best_first

    a = np.asarray(values)
    assert list(best_first(a, k)) == list(np.argsort(-a, kind="stable")[:k])


@settings(max_examples=200, deadline=None, database=None)
@given(values=st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30), lean=st.floats(0.0, 0.99))
def test_leaning_keeps_every_statement_at_or_below_its_predecessor_if_it_was(values, lean):
    fused = np.array(values)
    follows = np.arange(len(values)) > 0  # one section
    got = lean_on_previous(fused, follows, lean)
    assert np.all(got >= fused)
    for i in range(1, len(values)):
        if fused[i] <= fused[i - 1]:
            assert got[i] <= fused[i - 1] + 1e-12
