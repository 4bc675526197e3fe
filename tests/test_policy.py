"""The decision layer on synthetic scores: references, abstention, list cut-off."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bcqa.policy import Decision, Thresholds, cut_list, decide, merge_decisions, needs_drag
from bcqa.query import Query
from bcqa.retrieve import Scores
from bcqa.types import Hit, Statement

STATEMENTS = [
    Statement("a", "A rises.", (1,), "S", 0),
    Statement("b", "B falls.", (2,), "S", 1),
    Statement("c", "C is a topic sentence.", (), "S", 2),
    Statement("d", "D rises too.", (1, 3), "S", 3),
]


def scores(dense, fused):
    dense = np.asarray(dense, dtype=float)
    return Scores(dense, np.zeros(len(dense)), np.asarray(fused, dtype=float))


def test_reference_question_shows_citing_statements_ranked():
    q = Query("what does [1] say", ("say",), "what does [1] say", references=(1,))
    d = decide(q, scores([0.1, 0.9, 0.5, 0.3], [0.1, 0.9, 0.5, 0.3]), STATEMENTS, 5)
    assert d.mode == "reference" and [h.statement.id for h in d.hits] == ["d", "a"]


def test_missing_reference_abstains_naming_it():
    q = Query("[7]", (), "[7]", missing_references=(7,))
    d = decide(q, scores([0.5] * 4, [0.5] * 4), STATEMENTS, 5)
    assert d.abstained and "[7]" in d.reason and "1 to 3" in d.reason


def test_unknown_entity_abstains_with_closest_statements():
    q = Query("HER2?", ("her2",), "HER2?", unknown=("HER2", "trastuzumab"))
    d = decide(q, scores([0.9, 0.1, 0.2, 0.3], [0.9, 0.1, 0.2, 0.3]), STATEMENTS, 5)
    assert d.abstained and d.reason == "The document does not mention HER2 or trastuzumab."
    assert d.hits[0].statement.id == "a"


@pytest.mark.parametrize(
    ("best", "coverage", "abstains"),
    [(0.2, 1.0, True), (0.35, 0.3, True), (0.35, 0.8, False), (0.5, 0.0, False)],
)
def test_off_topic_thresholds(best, coverage, abstains):
    q = Query("q", ("x",), "q", coverage=coverage, uncovered=("France",))
    d = decide(q, scores([best, 0, 0, 0], [1, 0, 0, 0]), STATEMENTS, 5, Thresholds())
    assert d.abstained is abstains
    if abstains:
        assert d.reason == "The document does not mention France."


@pytest.mark.parametrize(
    ("best", "specific", "abstains"),
    [(0.45, 0.0, True), (0.45, 0.34, True), (0.45, 0.5, False), (0.55, 0.0, False)],
)
def test_a_question_whose_specific_words_are_missing_needs_a_close_statement(best, specific, abstains):
    """ "How does insulin resistance develop ...?" shares "resistance" and "develop" with a review."""
    q = Query("q", ("x",), "q", coverage=0.67, specific_coverage=specific, uncovered=("insulin",))
    d = decide(q, scores([best, 0, 0, 0], [1, 0, 0, 0]), STATEMENTS, 5, Thresholds())
    assert d.abstained is abstains
    assert not decide(replace(q, named=("HOTAIR",)), scores([best, 0, 0, 0], [1, 0, 0, 0]), STATEMENTS, 5).abstained


@pytest.mark.parametrize(
    ("best", "lifted", "abstains"),
    [(0.5, 0.59, True), (0.5, 0.57, False), (0.59, 0.7, True), (0.6, 0.8, False), (0.5, None, False)],
)
def test_a_question_that_reads_closer_without_its_missing_words_is_off_topic(best, lifted, abstains):
    """ "What dose of tulathromycin is recommended for respiratory disease in pigs?" names the
    review's drug and disease, but what it asks for (a dose, pigs) is what the review lacks."""
    question = "What dose of tulathromycin is recommended for respiratory disease in pigs?"
    q = Query(question, ("x",), question, coverage=0.6, named=("tulathromycin",), uncovered=("dose", "pigs"))
    d = decide(q, scores([best, 0, 0, 0], [1, 0, 0, 0]), STATEMENTS, 5, Thresholds(), without_uncovered=lifted)
    assert d.abstained is abstains
    if abstains:
        assert d.reason == "The document does not mention dose or pigs." and d.hits[0].statement.id == "a"


@pytest.mark.parametrize(
    ("matched", "abstains"), [(0.40, True), (0.47, True), (0.49, False), (0.8, False), (None, False)]
)
def test_a_question_no_statement_matches_word_for_word_is_off_topic(matched, abstains):
    """ "How are rip currents forecast for beach safety warnings?" reads close to a review of dune
    erosion (cosine 0.6) but no statement of it matches the question's words."""
    q = Query("How are rip currents forecast?", ("rip",), "q", coverage=0.8, uncovered=("rip", "forecast"))
    some = Scores(np.array([0.6, 0.1, 0.1, 0.1]), np.zeros(4), np.array([1.0, 0.0, 0.0, 0.0]), matched)
    d = decide(q, some, STATEMENTS, 5, Thresholds())
    assert d.abstained is abstains
    if abstains:
        assert d.reason == "The document does not mention rip or forecast." and d.hits[0].statement.id == "a"
    assert not decide(replace(q, named=("rip",)), some, STATEMENTS, 5).abstained  # names what the document has
    assert decide(q, some.only(frozenset({0, 1})), STATEMENTS, 5).abstained is abstains  # a section filter keeps it


def test_only_a_question_with_missing_words_and_no_close_statement_is_encoded_again():
    q = Query(
        "What dose of X is given to pigs?", ("x",), "What dose of X is given to pigs?", uncovered=("dose", "pigs")
    )
    assert q.without_uncovered == "What of X is given to ?"
    assert needs_drag(q, 0.5) and not needs_drag(q, 0.6) and not needs_drag(replace(q, uncovered=()), 0.5)
    assert not needs_drag(replace(q, dense_text="dose pigs"), 0.5)  # nothing left to encode


def test_list_drops_uncited_and_cuts_low_scores():
    q = Query("which", ("x",), "which", is_list=True)
    d = decide(q, scores([0.9] * 4, [0.9, 0.1, 1.0, 0.8]), STATEMENTS, 5)
    assert d.mode == "list" and [h.statement.id for h in d.hits] == ["a", "d"]


def test_a_missing_subject_abstains_even_beside_a_known_name_and_a_missing_qualifier_gets_a_note():
    question = "Does peramivir keep its activity against H275Y?"
    q = Query(question, ("h275y",), question, unknown=("peramivir",), named=("H275Y",), unknown_subject=True)
    d = decide(q, scores([0.9, 0.1, 0.2, 0.3], [0.9, 0.1, 0.2, 0.3]), STATEMENTS, 5)
    assert d.abstained and d.reason == "The document does not mention peramivir." and d.hits[0].statement.id == "a"
    d = decide(replace(q, unknown_subject=False), scores([0.9, 0.1, 0.2, 0.3], [0.9, 0.1, 0.2, 0.3]), STATEMENTS, 5)
    assert not d.abstained and d.note == "The document does not mention peramivir; these statements are about H275Y."


def test_a_name_only_the_reference_titles_use_is_answered_with_a_note():
    q = Query("Do antibiotics hurt immunotherapy?", ("antibiot",), "q", coverage=0.5, cited_only=("immunotherapy",))
    d = decide(q, scores([0.7, 0.1, 0.2, 0.3], [0.9, 0.1, 0.2, 0.3]), STATEMENTS, 5)
    assert not d.abstained and d.hits[0].statement.id == "a"
    assert d.note == "The document's statements never use immunotherapy; only titles of papers it cites do."


def test_a_named_subject_the_document_uses_is_never_off_topic():
    q = Query("What does HOTAIR do?", ("hotair",), "q", coverage=0.3, named=("HOTAIR",))
    d = decide(q, scores([0.2, 0, 0, 0], [1, 0, 0, 0]), STATEMENTS, 5, Thresholds())
    assert not d.abstained


def test_merge_keeps_each_documents_order_and_shows_a_text_once():
    one = [
        Statement("a", "A rises.", (1,), "S", 0, document="x.md"),
        Statement("b", "B.", (2,), "S", 1, document="x.md"),
    ]
    two = [
        Statement("c", "A rises.", (1,), "S", 0, document="y.md"),
        Statement("d", "C.", (3,), "S", 1, document="y.md"),
    ]
    d1 = Decision(False, (Hit(one[0], 1.0), Hit(one[1], 0.5)))
    d2 = Decision(False, (Hit(two[0], 1.0), Hit(two[1], 0.9)))
    merged = merge_decisions([(d1, 0.8), (d2, 0.4)], 5)
    assert [h.statement.id for h in merged.hits] == ["a", "b", "d"]
    assert (
        merge_decisions([(d1, 0.8), (Decision(True, (), "The document does not mention Y."), 0.9)], 5).hits == d1.hits
    )


def test_statements_citing_a_paper_asked_for_take_turns_across_documents():
    """ "What does reference 13 say?" of several documents named only the first two when one document's statements
    filled k: each document's [13] is named before any document's second statement, the closest document first."""
    docs = {
        name: [Statement(f"{name}{i}", f"{name} claim {i}.", (13,), "S", i, document=f"{name}.md") for i in range(3)]
        for name in "xyz"
    }
    decisions = [
        (Decision(False, tuple(Hit(st, 1.0 - i / 10) for i, st in enumerate(docs[name])), mode="reference"), best)
        for name, best in (("x", 0.9), ("y", 0.2), ("z", 0.5))
    ]
    merged = merge_decisions(decisions, 4)
    assert [h.statement.id for h in merged.hits] == ["x0", "z0", "y0", "x1"]
    assert merged.mode == "reference"


def test_all_abstain_says_why_for_the_closest_document():
    far = Decision(True, (), "The document does not mention X.", "abstain")
    near = Decision(True, (), "The document does not mention Y.", "abstain")
    d = merge_decisions([(far, 0.1), (near, 0.5)], 5, several=True)
    assert d.abstained and d.reason == "The documents do not mention Y."


def test_all_abstain_names_only_the_words_no_document_uses():
    """ "The documents do not mention treatment, migraine or headaches" when one of them writes "treatment"."""
    crispr = Decision(
        True,
        (),
        "The document does not mention treatment, migraine or headaches.",
        "abstain",
        missing=("treatment", "migraine", "headaches"),
    )
    wastewater = Decision(
        True, (), "The document does not mention migraine or headaches.", "abstain", missing=("migraine", "headaches")
    )
    d = merge_decisions([(crispr, 0.4), (wastewater, 0.3)], 5, several=True)
    assert d.abstained and d.reason == "The documents do not mention migraine or headaches."
    vague = Decision(True, (), "The document does not address this question.", "abstain")
    d = merge_decisions([(crispr, 0.4), (vague, 0.3)], 5, several=True)
    assert d.reason == "The documents do not address this question."


SECTIONED = [
    Statement("a", "Resistance is common.", (), "Introduction", 0),
    Statement("b", "It costs lives.", (1,), "Introduction", 1),
    Statement("c", "This review summarises the known mechanisms.", (), "Introduction", 2),
    Statement("d", "Pumps export drugs (efflux).", (2,), "Efflux (pumps)", 3),
    Statement("e", "AcrB is one.", (3,), "Efflux (pumps)", 4),
    Statement("f", "Porins close.", (4,), "Porins", 5),
]


def test_an_overview_shows_the_sections_and_their_first_statements_in_reading_order():
    q = Query("What is this review about?", (), "What is this review about?", overview=True)
    # Scores play no part: the statement most like the question is not what opens a section.
    d = decide(q, scores([0.1, 0.9, 0.2, 0.3, 0.8, 0.1], [0, 1, 0, 0, 1, 0]), SECTIONED, 5, title="Resistance")
    assert not d.abstained and d.mode == "overview"
    assert [h.statement.id for h in d.hits] == ["a", "c", "d", "f"]
    assert [h.score for h in d.hits] == sorted((h.score for h in d.hits), reverse=True)
    assert d.note == "Resistance has 3 sections: Introduction; Efflux (pumps); Porins."
    # k first keeps what the document says about itself, then the sections in order.
    assert [h.statement.id for h in decide(q, scores([0] * 6, [0] * 6), SECTIONED, 2).hits] == ["a", "c"]
    # Within a section filter, an overview of those sections.
    d = decide(q, scores([0] * 6, [0] * 6), SECTIONED, 5, allowed=frozenset({3, 4, 5}))
    assert [h.statement.id for h in d.hits] == ["d", "f"] and "2 sections: Efflux (pumps); Porins." in d.note


def test_overviews_of_several_documents_keep_every_note():
    x = Decision(False, (Hit(STATEMENTS[0], 1.0),), mode="overview", note="X has 1 section: S.")
    y = Decision(False, (Hit(SECTIONED[0], 1.0),), mode="overview", note="Y has 3 sections: A; B; C.")
    merged = merge_decisions([(x, 0.5), (y, 0.5)], 5)
    assert merged.mode == "overview" and merged.note == "X has 1 section: S. Y has 3 sections: A; B; C."
    # Each document gets its turn, whatever its best cosine.
    y = replace(y, hits=tuple(Hit(s, 1.0 - i / 10) for i, s in enumerate(SECTIONED[:3])))
    x = replace(x, hits=tuple(Hit(s, 1.0 - i / 10) for i, s in enumerate(STATEMENTS[:2])))
    merged = merge_decisions([(x, 0.1), (y, 0.9)], 4)
    assert [h.statement.id for h in merged.hits] == ["a", "a", "b", "b"]
    assert [h.statement.text for h in merged.hits][:2] == ["A rises.", "Resistance is common."]


def test_cut_list_keeps_at_least_one():
    hits = [Hit(STATEMENTS[0], 1.0), Hit(STATEMENTS[1], 0.1)]
    assert cut_list(hits, Thresholds(list_ratio=0.5)) == hits[:1]
    assert cut_list([]) == []


def test_an_author_the_list_does_not_name_is_found_in_the_text():
    """ "What did Morin et al. find?" with no reference naming Morin: the statements saying "Morin and
    colleagues ..." answer it, with the references they cite; a weak match alone would abstain."""
    statements = [*STATEMENTS, Statement("e", "Morin and colleagues identified L925I.", (6,), "S", 4)]
    q = Query("What did Morin et al. find?", ("morin", "et", "al", "find"), "What did Morin et al. find?", coverage=0.2)
    d = decide(q, scores([0.1, 0.1, 0.1, 0.1, 0.2], [0.1, 0.1, 0.1, 0.1, 0.2]), statements, 5)
    assert not d.abstained and d.mode == "reference" and d.focus == (("", 6),)
    assert [h.statement.id for h in d.hits] == ["e"]
    other = replace(q, text="What did Dupont et al. find?")
    assert decide(other, scores([0.1] * 5, [0.1] * 5), statements, 5).abstained
