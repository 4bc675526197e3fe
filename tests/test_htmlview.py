"""The HTML answer (UI and notebooks) and the evidence map with several documents."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from bcqa import Assistant
from bcqa.htmlview import answer_html, citation_text
from bcqa.render import quoted_in_answer
from conftest import CORPUS_FILE, FakeEncoder

ROOT = Path(__file__).resolve().parents[1]


def _app():
    spec = importlib.util.spec_from_file_location("bcqa_ui_app_html", ROOT / "ui" / "app.py")
    app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app)
    return app


def test_user_and_document_text_is_escaped(fake_assistant):
    answer = fake_assistant.ask("<img src=x onerror=alert(1)> miR-21 radioresistance?")
    page = answer_html(answer, turn="t1")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page


def test_claims_are_stated_once_and_labelled(fake_assistant):
    answer = fake_assistant.ask("How does miR-21 cause radioresistance?", k=5)
    page = answer_html(answer, turn="t7")
    texts = re.findall(r"<span class='claim'>(.*?)</span>", page)
    assert len(texts) == len(set(texts)) == len(answer.statements)
    assert len(quoted_in_answer(answer)) >= 1
    assert page.count("class='support support-") == len(answer.statements)
    ids = re.findall(r"id='([^']+)'", page)
    assert len(ids) == len(set(ids)) and all(i.startswith("t7") for i in ids)


def test_citation_text_has_volume_issue_pages_and_doi(document):
    ref = document.references[13]
    assert citation_text(ref) == (
        "Oghabi Bakhshaiesh T, Esmaeili R. Effects of Noncoding RNAs in Radiotherapy Response in Breast Cancer: "
        "A Systematic Review. Cell Cycle (Georgetown, Tex.) 2022;21(9):883-893. doi:10.1080/15384101.2022.2035915"
    )

    from bcqa.references import parse_entry

    # A title asking a question ends with its own mark, not "?." (a new user's check).
    asked = parse_entry(
        20,
        "Brent KJ, Hollomon DW. Fungicide Resistance in Crop Pathogens: How Can It Be Managed? FRAC Monograph No. 1,"
        " 2nd revised edition. Brussels: Fungicide Resistance Action Committee; 2007.",
    )
    assert citation_text(asked).endswith("Crop Pathogens: How Can It Be Managed? 2007.")


@pytest.fixture
def two_documents(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS_FILE, corpus)
    shutil.copy(ROOT / "tests" / "documents" / "amr_gram_negative.md", corpus)
    return Assistant.load(corpus, tmp_path / "index", encoder=FakeEncoder(), progress=None)


def test_evidence_map_names_each_entitys_documents(two_documents):
    app = _app()
    page = app.evidence_html(two_documents)
    assert "<th scope='col'>documents</th>" in page
    rows = dict(re.findall(r"data-cell='([^'\t]+)\t'>.*?<td class='docs'>([^<]*)</td>", page))
    assert rows["miR-21"] == "breast_cancer_resistance_review.md"
    assert rows["gyrA"] == "amr_gram_negative.md"
    head = app.documents_html(two_documents)
    assert "Loaded 2 documents" in head and "amr_gram_negative.md" in head


def test_document_view_marks_the_chosen_statement(fake_assistant):
    app = _app()
    target = next(s for s in fake_assistant.statements if "miR-21" in s.text)
    page = app.document_html(fake_assistant, target.id)
    assert page.count("<mark id='document-target'>") == 1
    assert re.search(r"<mark id='document-target'>miR-21 promotes radioresistance", page)
    assert "<h2>Non-Coding RNAs</h2>" in page


def test_text_and_markdown_call_only_what_the_answer_states_supporting(fake_assistant):
    answer = fake_assistant.ask("How does miR-21 cause radioresistance?", k=5)
    quoted = quoted_in_answer(answer)
    assert 1 <= len(quoted) < len(answer.statements)  # a fact answer states one claim of five
    for rendered, heading in (
        (answer.to_text(), "Supporting statements:"),
        (answer.to_markdown(), "**Supporting statements**"),
    ):
        supporting, other = rendered.split(heading)[1].split("Other matches")
        assert all(h.statement.text in supporting for h in quoted)
        assert all(h.statement.text in other for h in answer.statements if h not in quoted)
    # Ranks run on across the two groups.
    assert re.findall(r"^  (\d+)\. ", answer.to_text(), flags=re.M) == [str(i) for i in range(1, 6)]
    off = fake_assistant.ask("What is the boiling point of mercury?")
    assert off.abstained and "Supporting statements" not in off.to_text() + off.to_markdown()


def test_the_reference_list_answer_shows_what_it_says_and_every_entry(fake_assistant):
    page = answer_html(fake_assistant.ask("List the references"))
    assert "<p class='lead'>The document lists 18 references ([1] to [18]), each below." in page
    assert page.count("<li id=") == 18 and "class='claims'" not in page


def test_an_answer_note_with_parentheses_inside_is_shown_whole():
    """A note's own parentheses ("Efflux (pumps)") do not cut it short."""
    from dataclasses import replace

    from bcqa.answer import Answer
    from bcqa.types import Hit, Statement

    hit = Hit(Statement("a", "Pumps export drugs.", (1,), "Efflux (pumps)", 0), 1.0, support="overview")
    answer = Answer("Overview?", False, "(X has 1 section: Efflux (pumps).) Pumps export drugs [1].", (hit,), ())
    page = answer_html(replace(answer, mode="overview"), turn="t1")
    assert "<p class='lead'>(X has 1 section: Efflux (pumps).)</p>" in page


def test_a_clause_shown_as_its_own_statement_is_not_told_again_before_the_next():
    """ "A [17]; B [17]": with both clauses hits, the list shows A once, and B after it without A as its lead;
    with only B a hit, B comes after A. The short answer tells A once either way."""
    from bcqa.answer import compose
    from bcqa.types import Hit, Statement

    a = Statement(
        "a", "Villani et al. sequenced sdhB from orchards with no SDHI use", (17,), "S", 4, sentence=2, document="r.md"
    )
    b = Statement("b", "mean EC50 values were below 0.1 μg/ml.", (17,), "S", 5, sentence=2, document="r.md")
    both = compose("q", [Hit(b, 1.0, 0.7, lead=(a,)), Hit(a, 0.9, 0.6)], {})
    assert both.answer.count("Villani") == 1
    lists = [both.to_text().split("Supporting statements")[1], both.to_markdown().split("Supporting statements")[1]]
    for text in (*lists, both._repr_html_()):
        assert text.count("Villani et al. sequenced") == 1, text
    alone = compose("q", [Hit(b, 1.0, 0.7, lead=(a,))], {})
    assert alone.to_text().count("Villani et al. sequenced sdhB from orchards with no SDHI use [17], mean") == 2


def test_a_reference_answer_from_several_documents_heads_each_documents_statements():
    """ "What does reference 1 say?" with three documents: each document's [1] over its own statements."""
    from bcqa.answer import compose
    from bcqa.types import Hit, Reference, Statement

    refs = {
        (d, 1): Reference(1, f"{a} J. T. J. 2020;1:2.", "T", f"{a} J", "J", 2020, document=d)
        for d, a in (("a.md", "Liu"), ("b.md", "Dean"))
    }
    hits = [
        Hit(Statement("x", "Botrytis is a grey mould.", (1,), "S", 0, sentence=0, document="b.md"), 1.0),
        Hit(Statement("y", "HOTAIR is up in resistant cells.", (1,), "S", 1, sentence=0, document="a.md"), 0.9),
    ]
    page = compose("q", hits, refs, mode="reference", focus=list(refs), documents=["a.md", "b.md"])._repr_html_()
    first, second = page.index("b.md: The document cites [1] Dean"), page.index("a.md: The document cites [1] Liu")
    assert first < page.index("Botrytis is a grey mould") < second < page.index("HOTAIR is up")
