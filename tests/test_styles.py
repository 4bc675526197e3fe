"""Reviews in the styles users export from their tools, each written blind with its questions.

``tests/documents/styles/`` holds a Pandoc markdown review (YAML front matter,
underlined headings, APA entries), a plain-text copy of a PDF (hyphenated line
breaks, page headers, an aligned table, IEEE entries), a chat assistant's
export (emoji headings, link markers, linked-title entries), a Word document
converted by Pandoc (CRLF, soft hyphens, ligatures, a grid table), a CMS
page full of inline HTML, a review whose reference list mixes eleven citation
styles (AMA, Harvard, Chicago, MLA, Cell, Nature, books, preprints, trial
registrations) and a note kept in Obsidian (callouts, wiki links, comments,
tasks, footnote references), a Google Docs export (escaped numbers, comment
anchors, lettered and roman items) and a word processor's paste of an
IEEE-style review (one line per paragraph, roman headings, a tab table), a
preprint copied from its PDF (line numbers, a wrapped running header), a review
copied from a journal's web page (superscript citation digits), an MDPI-style
review citing in parentheses, a Wikipedia page, a PubMed Central article and a
ScienceDirect article each copied whole from the browser, and a Lancet-style
review copied from its PDF (superscripts flattened into digits).  The
parser was fixed on them, so their questions are dev: these tests keep what was
fixed from coming back.
"""

from __future__ import annotations

import re

import pytest

from bcqa.corpus import load_document
from bcqa.evaluate import evaluate, golden_document, load_golden
from conftest import ROOT

STYLES = ROOT / "tests" / "documents" / "styles"
GOLDEN = sorted(STYLES.glob("*.toml"))
DOCUMENTS = sorted(p for p in STYLES.iterdir() if p.suffix in (".md", ".txt"))

# Markup or typography that should never reach a statement: tags, entities, escapes,
# Pandoc attributes and superscripts, soft hyphens, ligatures, citation markers (not code's df[1]).
LEFTOVER = re.compile(
    r"<[a-zA-Z/!]|&(?:[a-zA-Z]+|#\d+);|\\[<>*_\[\]#]|\{[#.]|\{width|\^\d+\^|\u00ad|[\ufb00-\ufb06]|(?<!\w)\[\d+(?:\s*[-–,]\s*\d+)*\]"
)

# Dev figures when the suite was written (2026-12-01); a drop fails.
MAX_FALSE_ABSTENTION = {
    # "By what biochemical mechanism does the gatekeeper substitution reduce sensitivity ...?" abstains since
    # a question no statement matches word for word does (policy.Thresholds.min_matched, 2026-12-05).
    "assistant_export": 0.07,
    "ieee_review": 0.07,
    "preprint": 0.07,
    "parenthesis_review": 0.07,
    "pdf_export_review": 0.07,  # "Is a low level of Schlafen 11 ...": its missing subject abstains (SLFN11 in the text)
}
FLOOR = {
    "assistant_export": {"top1": 0.75, "reference_recall5": 1.0},
    "docx_export": {"top1": 0.75, "reference_recall5": 1.0},
    "html_review": {"top1": 0.83, "reference_recall5": 1.0},
    "pandoc_review": {"top1": 0.91, "reference_recall5": 1.0},
    "pdf_export_review": {"top1": 0.75, "reference_recall5": 1.0},  # 0.83 until a missing subject abstained
    # 0.83 until the late interaction (2026-12-04; over these 16 documents' questions top-1 0.802 -> 0.818, up on
    # four, down here: two questions go to rank 2).
    "refstyles": {"top1": 0.66, "reference_recall5": 0.87},
    "vault_note": {"top1": 0.66, "reference_recall5": 1.0},
    "gdocs_export": {"top1": 0.58, "reference_recall5": 0.83},  # 0.66 with the cue-word title rule, taken out
    "ieee_review": {"top1": 0.83, "reference_recall5": 1.0},
    "preprint": {"top1": 0.5, "reference_recall5": 1.0},
    "superscript_review": {"top1": 0.75, "reference_recall5": 1.0},
    "parenthesis_review": {"top1": 0.75, "reference_recall5": 1.0},
    "wikipedia_copy": {"top1": 0.83, "reference_recall5": 1.0},
    "pmc_copy": {"top1": 0.75, "reference_recall5": 1.0},
    "sciencedirect_copy": {"top1": 0.75, "reference_recall5": 1.0},
    "pdf_superscripts": {"top1": 1.0, "reference_recall5": 1.0},
}


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_a_style_document_parses_clean(path):
    document = load_document(path)
    assert document.title and document.references
    assert not [w for w in document.warnings if "cited but not in the reference list" in w], document.warnings
    cited = {n for s in document.statements for n in s.citations}
    assert cited <= set(document.references)
    dirty = [s.text for s in document.statements if LEFTOVER.search(s.text)]
    assert not dirty


@pytest.mark.model
@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_a_style_documents_answers_do_not_drop(path, tmp_path):
    from bcqa import Assistant

    document = STYLES / golden_document(path)
    qa = Assistant.load(document, tmp_path / "index", progress=None)
    report = evaluate(qa, load_golden(path), document.read_text(encoding="utf-8-sig"))
    m = report.metrics["bcqa"]
    for metric, floor in FLOOR[path.stem].items():
        assert m[metric] >= floor, (metric, m[metric], report.failures)
    assert m["attribution"] == 1.0, report.failures
    assert m["false_abstention"] <= MAX_FALSE_ABSTENTION.get(path.stem, 0.0), report.failures
