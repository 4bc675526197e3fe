"""The public API: Answer shape, citations, bad input."""

from __future__ import annotations

import json

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
    keys = {"id", "text", "citations", "section", "document", "score", "cosine", "support"}
    assert all(keys <= set(s) <= keys | {"lead"} for s in d["statements"])
    assert {s["support"] for s in d["statements"]} <= {"direct", "related", "weak"}
    assert set(d["references"][0]) == {
        "number",
        "text",
        "doi",
        "url",
        "document",
        "authors",
        "title",
        "journal",
        "year",
        "volume",
        "issue",
        "pages",
    }
    assert {s["document"] for s in d["statements"]} == {"breast_cancer_resistance_review.md"}
    # The fields read from each entry, so that a script need not parse it again.
    first = a.references[0]
    assert d["references"][0] | {"text": ""} == {
        "number": first.number,
        "text": "",
        "doi": first.doi,
        "url": first.url,
        "document": first.document,
        "authors": first.authors,
        "title": first.title,
        "journal": first.journal,
        "year": first.year,
        "volume": first.volume,
        "issue": first.issue,
        "pages": first.pages,
    }
    assert all(r["authors"] and r["title"] and isinstance(r["year"], int) for r in d["references"])


def test_references_are_exactly_the_cited_ones(fake_assistant):
    for q in ["miR-21 radioresistance", "MDR1 response", "tamoxifen radiotherapy cross-resistance"]:
        a = fake_assistant.ask(q, k=5)
        # the shown statements' numbers and those of the clauses they go on from (Hit.lead)
        cited = sorted({n for h in a.statements for s in h.told for n in s.citations})
        assert [r.number for r in a.references] == cited


def test_answer_text_cites_only_shown_statements(fake_assistant):
    import re

    for q in ["HOTAIR", "P4HA2 knockdown", "efflux transporters", "CD4 T cells"]:
        a = fake_assistant.ask(q)
        shown = {n for h in a.statements for s in h.told for n in s.citations}
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
    # No heading over an empty list of closest statements.
    assert "Closest statements" not in str(a) and "Closest statements" not in a._repr_markdown_()


def test_ask_many_encodes_once(fake_assistant):
    enc = fake_assistant.retriever.encoder
    before = enc.calls
    answers = fake_assistant.ask_many(["TP53", "miR-21", "HOTAIR"])
    assert enc.calls == before + 1
    assert [a.question for a in answers] == ["TP53", "miR-21", "HOTAIR"]


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(BcqaError, match="corpus not found"):
        Assistant.load(tmp_path / "nope", tmp_path / "index", progress=None)


SECOND = """# Antibiotic notes

## Findings

KRAS is amplified in resistant isolates [3]. Efflux through AcrB rises after exposure [1] [2].

## References

[1] Smith J, Doe A. Efflux in bacteria. J Microbiol. 2020;1(2):3-4.
[2] https://www.who.int/publications/i/item/9789240093461
[3] Roe K. KRAS in microbes. Nat Rev. 2021;5:6.
"""


@pytest.fixture
def two_documents(tmp_path):
    import shutil

    from conftest import CORPUS_FILE, FakeEncoder

    folder = tmp_path / "two"
    folder.mkdir()
    shutil.copy(CORPUS_FILE, folder / CORPUS_FILE.name)
    (folder / "antibiotic_notes.md").write_text(SECOND, encoding="utf-8")
    return Assistant.load(folder, tmp_path / "index2", encoder=FakeEncoder(), progress=None)


def test_every_document_of_a_folder_is_indexed(two_documents):
    names = [d.name for d in two_documents.documents]
    assert names == ["antibiotic_notes.md", "breast_cancer_resistance_review.md"]
    assert {s.document for s in two_documents.statements} == set(names)


def test_citations_are_namespaced_by_document(two_documents):
    a = two_documents.ask("Does efflux through AcrB rise after exposure?")
    top = a.statements[0].statement
    assert top.document == "antibiotic_notes.md" and top.citations == (1, 2)
    refs = {(r.document, r.number) for r in a.references}
    assert ("antibiotic_notes.md", 2) in refs
    # [2] of the notes is its own URL-only entry, never the review's [2].
    two = next(r for r in a.references if r.document == "antibiotic_notes.md" and r.number == 2)
    assert two.link == "https://www.who.int/publications/i/item/9789240093461" and two.url == two.link
    d = a.to_dict()
    assert all(s["document"] for s in d["statements"]) and all(r["document"] for r in d["references"])
    for s in d["statements"]:
        assert {r["number"] for r in d["references"] if r["document"] == s["document"]} >= set(s["citations"])


def test_adding_a_document_leaves_answers_about_the_others(fake_assistant, two_documents):
    assert len(fake_assistant.documents) == 1 and len(two_documents.documents) == 2
    for q in ["Which microRNAs are linked to radioresistance?", "Does MDR1 predict response?", "HOTAIR"]:
        alone = [h.statement.id for h in fake_assistant.ask(q).statements]
        both = [
            h.statement.id for h in two_documents.ask(q).statements if h.statement.document != "antibiotic_notes.md"
        ]
        assert both == alone[: len(both)], q


def test_renderings_name_the_document_when_several_are_loaded(two_documents, fake_assistant):
    a = two_documents.ask("Does efflux through AcrB rise after exposure?", k=2)
    assert "antibiotic_notes.md · Findings" in a.to_text()
    assert "antibiotic_notes.md" in a.to_markdown()
    single = fake_assistant.ask("HOTAIR", k=2)
    assert "breast_cancer_resistance_review.md" not in single.to_text()


def test_evidence_columns_keep_documents_apart(two_documents):
    ev = two_documents.evidence
    assert "Findings (antibiotic_notes.md)" in ev.columns
    assert set(ev.cells("KRAS")) == {"Findings (antibiotic_notes.md)"}


def test_a_word_only_the_reference_titles_use_is_not_called_absent(fake_assistant):
    """The review cites "Comprehensive Analysis of Transcriptomics ..."; its statements never say the word."""
    a = fake_assistant.ask("What do transcriptomics studies show about chemotherapy resistance?")
    assert not a.abstained
    assert "never use transcriptomics; only titles of papers it cites do" in a.answer
    assert fake_assistant.ask("What does Bifidobacterium do to chemotherapy resistance?").abstained


@pytest.mark.parametrize("question", ["What is this review about?", "Summarize the paper."])
def test_a_question_about_the_document_gets_an_overview_not_an_abstention(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert not a.abstained and a.mode == "overview"
    sections = list(dict.fromkeys(s.section for s in fake_assistant.statements))
    listed = "; ".join(sections)
    assert a.answer.startswith(f"(Breast cancer resistance review has {len(sections)} sections: {listed}.)")
    assert [h.statement.section for h in a.statements] == sections[:5]
    assert {h.support for h in a.statements} == {"overview"}
    assert "support-overview" in a._repr_html_()


@pytest.mark.parametrize(
    "question",
    [
        "List the references",
        "Which papers does the document cite?",
        "What sources does it cite?",
        "Show me the bibliography",
        "Which references have a DOI?",
    ],
)
def test_a_question_for_the_reference_list_gets_every_entry_not_an_abstention(fake_assistant, question):
    """It said "The document does not mention references."; the list is what the user asked for."""
    a = fake_assistant.ask(question)
    assert not a.abstained and a.mode == "references" and a.statements == ()
    assert [r.number for r in a.references] == list(range(1, 19))
    assert a.answer.startswith("The document lists 18 references ([1] to [18]), each below.")
    assert "Liu Z, Gao J" in a.to_text() and "doi:10.3390/biom12121834" in a.to_text()
    assert json.loads(json.dumps(a.to_dict()))["references"][0]["number"] == 1


@pytest.mark.parametrize(
    "question", ["What does reference 3 say?", "Which study is cited for radioresistance?", "What did Liu et al. find?"]
)
def test_a_question_about_one_reference_or_a_subject_is_no_request_for_the_list(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert a.mode != "references" and a.statements


def test_the_reference_lists_of_several_documents_are_each_named(two_documents):
    a = two_documents.ask("List all references")
    assert not a.abstained and a.mode == "references"
    assert a.answer.startswith(
        "The documents list antibiotic_notes.md: 3 references ([1] to [3]); breast_cancer_resistance_review.md:"
        " 18 references ([1] to [18]), each below."
    )
    assert [(r.document, r.number) for r in a.references][:4] == [
        ("antibiotic_notes.md", 1),
        ("antibiotic_notes.md", 2),
        ("antibiotic_notes.md", 3),
        ("breast_cancer_resistance_review.md", 1),
    ]
    one = two_documents.ask("List the references of antibiotic_notes.md")
    assert {r.document for r in one.references} == {"antibiotic_notes.md"}


def test_two_clauses_of_one_sentence_shown_in_a_row_stay_one_sentence():
    from bcqa.answer import compose
    from bcqa.types import Hit, Statement

    first = Statement("a", "miR-21 promotes radioresistance", (13, 14), "S", 4, sentence=2, document="r.md")
    second = Statement("b", "while miR-196a-5p is upregulated.", (12,), "S", 5, sentence=2, document="r.md")
    other = Statement("c", "HOTAIR is linked to it", (15,), "S", 9, sentence=5, document="r.md")
    hits = [Hit(s, 1.0 - i / 10, 0.8, 0.5) for i, s in enumerate((first, second, other))]
    text = compose("q", hits, {}, mode="list").answer
    assert text == (
        "**S:** miR-21 promotes radioresistance [13][14], while miR-196a-5p is upregulated [12]."
        " HOTAIR is linked to it [15]."
    )
    # Not in a row: each clause ends as a sentence of its own.
    assert "radioresistance [13][14]. HOTAIR" in compose("q", [hits[0], hits[2]], {}, mode="list").answer


def test_a_fact_answer_tells_the_clauses_of_one_sentence_in_their_order():
    """The second clause ranked first ("and in the Persian Gulf ..."): the answer still reads as the sentence
    does, where its best clause ranks; the supporting statements keep their ranking."""
    from bcqa.answer import compose
    from bcqa.types import Hit, Statement

    first = Statement("a", "Durusdinium is common on turbid reefs", (3,), "S", 4, sentence=2, document="r.md")
    second = Statement("b", "and in the Persian Gulf above 35 °C.", (4,), "S", 5, sentence=2, document="r.md")
    other = Statement("c", "Symbiont density matters.", (5,), "S", 9, sentence=5, document="r.md")
    answer = compose("q", [Hit(second, 1.0), Hit(other, 0.95), Hit(first, 0.9)], {})
    assert answer.answer == (
        "Durusdinium is common on turbid reefs [3], and in the Persian Gulf above 35 °C [4]."
        " Symbiont density matters [5]."
    )
    assert [h.statement.id for h in answer.statements] == ["b", "c", "a"]
    # Statements of other sentences keep their ranking.
    later = compose("q", [Hit(other, 1.0), Hit(first, 0.9)], {})
    assert later.answer.startswith("Symbiont density matters [5]. Durusdinium")


def _one_document(tmp_path, name: str, text: str) -> Assistant:
    from conftest import FakeEncoder

    (tmp_path / name).write_text(text, encoding="utf-8")
    return Assistant.load(tmp_path / name, tmp_path / "ix", encoder=FakeEncoder(), progress=None)


def test_a_clause_that_goes_on_a_sentence_is_told_after_the_clauses_before_it(tmp_path):
    """ "..., demonstrating that ..." alone is a fragment: the answer and the statement list tell the sentence's
    clauses before it, each with its own numbers, and list their references too; the JSON says which they are."""
    qa = _one_document(
        tmp_path,
        "scab.md",
        "# Scab\n\n## Dodine\n\nDodine resistance appeared in New York orchards in 1969 [1]. "
        "Sensitivity to dodine had declined in orchards where it was sprayed often [2], demonstrating that "
        "this old chemistry still selects for resistance [3]. Growers now rotate fungicide classes [4].\n\n"
        "## References\n\n1. Szkolnik M. Dodine. Plant Dis Rep. 1969;53:861.\n"
        "2. Beresford RM. Sensitivity. N Z Plant Prot. 2012;65:106.\n3. Koller W. Dodine. Phytopathology. "
        "1995;85:1.\n4. Brent KJ. Resistance. FRAC. 2007;1:1.\n",
    )
    clause = next(s for s in qa.statements if s.text.startswith("demonstrating"))
    before = next(s for s in qa.statements if s.text.startswith("Sensitivity"))
    assert (clause.citations, before.citations) == ((3,), (2,))
    a = qa.ask("Does this old chemistry still select for resistance?", k=1)
    assert a.statements[0].statement == clause and a.statements[0].lead == (before,)
    assert a.answer == (
        "Sensitivity to dodine had declined in orchards where it was sprayed often [2], demonstrating that "
        "this old chemistry still selects for resistance [3]."
    )
    assert [r.number for r in a.references] == [2, 3]
    assert a.to_dict()["statements"][0]["lead"] == [{"text": before.text, "citations": [2]}]
    assert "1. Sensitivity to dodine had declined in orchards where it was sprayed often [2], demonstrating" in (
        a.to_text()
    )
    assert "class='sentence-before'" in a._repr_html_()
    # A sentence's first clause, or a clause opening in capitals, goes on from nothing.
    first = qa.ask("Did dodine resistance appear in New York orchards?", k=1)
    assert first.statements[0].lead == () and "lead" not in first.to_dict()["statements"][0]


def test_a_list_of_abbreviations_lets_a_question_use_the_short_form(tmp_path):
    """Only the list says N2O is nitrous oxide: a question writing N2O finds the statement that writes it out,
    with no note that the statements never use N2O (a cited title does)."""
    qa = _one_document(
        tmp_path,
        "biochar.md",
        "# Biochar\n\n## 1. Results\n\nBiochar reduced nitrous oxide emissions by 38% in a pooled analysis [1]. "
        "Biochar raised soil pH in acidic soils [2].\n\n## Abbreviations\n\nN2O: Nitrous oxide\n\n## References\n\n"
        "1. Cayuela, M.L. Biochar and soil emissions: a meta-analysis. *Agric. Ecosyst. Environ.* **2014**, *191*, 5.\n"
        "2. Harter, J. Linking N2O emissions from biochar-amended soil. *ISME J.* **2014**, *8*, 660.\n",
    )
    assert qa.abbreviations["biochar.md"]["N2O"] == "Nitrous oxide"
    a = qa.ask("How much does biochar reduce N2O emissions?", k=1)
    assert a.answer == "Biochar reduced nitrous oxide emissions by 38% in a pooled analysis [1]."


def test_a_reference_answer_names_only_the_papers_its_shown_statements_cite():
    from bcqa.answer import compose
    from bcqa.types import Hit, Reference, Statement

    refs = {
        ("r.md", n): Reference(n, f"{a} J. T. J. 2020;1:2.", "T", f"{a} J", "J", 2020, document="r.md")
        for n, a in ((1, "Roe"), (4, "Doe"), (15, "Arnold"))
    }
    shown = Statement("a", "Left-sided tumours benefit.", (15, 16), "S", 3, document="r.md")
    # The question matched papers 1, 4 and 15; only [15] is cited by what is shown.
    a = compose("q", [Hit(shown, 1.0)], refs, mode="reference", focus=(("r.md", 1), ("r.md", 4), ("r.md", 15)))
    assert a.answer.startswith("The document cites [15] Arnold") and "[1]" not in a.answer and "[4]" not in a.answer


def test_a_build_says_what_the_parser_could_not_read(tmp_path):
    from conftest import FakeEncoder

    text = "# Notes\n\nA rises [1]. B falls [2].\n\n## References\n\n1. Roe K. A. J. 2020;1:2.\n"
    (tmp_path / "notes.md").write_text(text, encoding="utf-8")
    heard: list[str] = []
    Assistant.load(tmp_path / "notes.md", tmp_path / "index", encoder=FakeEncoder(), progress=heard.append)
    assert "warning: notes.md: cited but not in the reference list: [2]" in heard


def test_an_answer_from_several_documents_says_whose_each_claim_is(two_documents):
    """[1] of one document is never read as [1] of another: the answer names each document."""
    a = two_documents.ask("Which statements cite reference 1?", k=10)
    documents = {h.statement.document for h in a.statements}
    assert documents == {"antibiotic_notes.md", "breast_cancer_resistance_review.md"}
    lines = a.answer.split("\n")
    assert {line.split(":**")[0].lstrip("*") for line in lines} == documents
    for line in lines:
        document = line.split(":**")[0].lstrip("*")
        # Each line names only its own document's [1].
        own = next(r for r in a.references if r.document == document and r.number == 1)
        assert own.first_author in line


def test_a_question_naming_a_loaded_file_is_about_that_document(two_documents):
    a = two_documents.ask("Which statements in antibiotic_notes.md cite reference 1?", k=10)
    assert a.statements and {h.statement.document for h in a.statements} == {"antibiotic_notes.md"}
    overview = two_documents.ask("What is antibiotic_notes.md about?")
    assert not overview.abstained and overview.mode == "overview"
    assert {h.statement.document for h in overview.statements} == {"antibiotic_notes.md"}


def test_a_section_filter_abstains_for_its_sections_not_the_documents(two_documents):
    """A word another document uses is not "not mentioned" when only one section was searched."""
    a = two_documents.ask("What does HOTAIR do?", sections=["Findings"])  # the notes' section; the review has it
    assert a.abstained and a.answer == "No statement of the chosen sections answers this."
    assert not two_documents.ask("What does HOTAIR do?").abstained
