"""The public API: Answer shape, citations, bad input."""

from __future__ import annotations

import pytest

from bcqa import Answer, Assistant
from bcqa.errors import BcqaError, QuestionError


def test_answer_shape(fake_assistant):
    a = fake_assistant.ask("Which genes are linked to radioresistance?", k=3)
    assert isinstance(a, Answer)
    assert a.question == "Which genes are linked to radioresistance?"
    assert a.abstained is False
    assert len(a.statements) == 3
    d = a.to_dict()
    assert set(d) == {"question", "abstained", "answer", "statements", "references"}
    assert set(d["statements"][0]) == {"id", "text", "citations", "section", "score"}
    assert set(d["references"][0]) == {"number", "text", "doi"}


def test_references_are_exactly_the_cited_ones(fake_assistant):
    for q in ["miR-21 radioresistance", "MDR1 response", "tamoxifen radiotherapy cross-resistance"]:
        a = fake_assistant.ask(q, k=5)
        cited = sorted({n for h in a.statements for n in h.statement.citations})
        assert [r.number for r in a.references] == cited


def test_answer_text_cites_only_shown_statements(fake_assistant):
    import re

    for q in ["HOTAIR", "P4HA2 knockdown", "efflux transporters", "CD4 T cells"]:
        a = fake_assistant.ask(q)
        shown = {n for h in a.statements for n in h.statement.citations}
        assert {int(n) for n in re.findall(r"\[(\d+)\]", a.answer)} <= shown


def test_uncited_statement_is_marked(fake_assistant):
    a = fake_assistant.ask("drug efflux transporters critical roles", k=1)
    assert a.statements[0].statement.citations == ()
    assert "uncited" in a.answer


def test_markdown_and_text_rendering(fake_assistant):
    a = fake_assistant.ask("<script>alert(1)</script> miR-21", k=2)
    md = a._repr_markdown_()
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "https://doi.org/" in md
    assert str(a).startswith("Q: <script>")


@pytest.mark.parametrize("bad", ["", "   ", None, 42, "x" * 5000])
def test_bad_questions_raise_clear_errors(fake_assistant, bad):
    with pytest.raises(QuestionError):
        fake_assistant.ask(bad)


@pytest.mark.parametrize("k", [0, -1, "3", 2.5, True])
def test_bad_k(fake_assistant, k):
    with pytest.raises(QuestionError):
        fake_assistant.ask("TP53", k=k)


def test_question_without_searchable_words_abstains(fake_assistant):
    a = fake_assistant.ask("???")
    assert a.abstained and a.statements == () and a.references == ()


def test_ask_many_encodes_once(fake_assistant):
    enc = fake_assistant.retriever.encoder
    before = enc.calls
    answers = fake_assistant.ask_many(["TP53", "miR-21", "HOTAIR"])
    assert enc.calls == before + 1
    assert [a.question for a in answers] == ["TP53", "miR-21", "HOTAIR"]


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(BcqaError, match="corpus not found"):
        Assistant.load(tmp_path / "nope", tmp_path / "index", progress=None)


def test_two_documents_are_refused(corpus_dir, tmp_path):
    (corpus_dir / "second.md").write_text("## A\nB is up.\n", encoding="utf-8")
    with pytest.raises(BcqaError, match="one at a time"):
        Assistant.load(corpus_dir, tmp_path / "index", progress=None)
