"""Abbreviations learnt with Schwartz & Hearst: true definitions found, look-alikes refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from bcqa.abbreviations import find_abbreviations

CORPUS_FILE = Path(__file__).resolve().parents[1] / "corpus" / "breast_cancer_resistance_review.md"


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("extracellular matrix (ECM) genes are upregulated", "ECM", "extracellular matrix"),
        ("Interferon-stimulated genes (ISGs) are involved", "ISGs", "Interferon-stimulated genes"),
        (
            "triggering receptor expressed on myeloid cells 2 (TREM2)",
            "TREM2",
            "triggering receptor expressed on myeloid cells 2",
        ),
        ("cerebrospinal fluid (CSF) levels", "CSF", "cerebrospinal fluid"),
        ("neuraminidase inhibitors (NAIs)", "NAIs", "neuraminidase inhibitors"),
        ("extended-spectrum β-lactamases (ESBLs)", "ESBLs", "extended-spectrum β-lactamases"),
        # Reversed: the short form comes first, the long form is in the parenthesis.
        (
            "P4HA2 (Prolyl 4-Hydroxylase Subunit Alpha 2) is upregulated",
            "P4HA2",
            "Prolyl 4-Hydroxylase Subunit Alpha 2",
        ),
        # Only the words that the short form spells are kept, not the whole clause.
        ("Samples showed high extracellular matrix (ECM) content", "ECM", "extracellular matrix"),
        # Markdown bold around either part, or around the short form alone.
        ("**extracellular matrix (ECM) genes**", "ECM", "extracellular matrix"),
        ("while[4] **extracellular matrix (ECM)** genes", "ECM", "extracellular matrix"),
        ("**P4HA2** (Prolyl 4-Hydroxylase Subunit Alpha 2) is", "P4HA2", "Prolyl 4-Hydroxylase Subunit Alpha 2"),
        # A remark after the short form inside the parenthesis.
        ("the extracellular matrix (ECM; see below) stiffens", "ECM", "extracellular matrix"),
        (
            "triggering receptor expressed on myeloid cells 2 (TREM2, a receptor on microglia)",
            "TREM2",
            "triggering receptor expressed on myeloid cells 2",
        ),
    ],
)
def test_definition_found(text, short, long):
    assert find_abbreviations([text]) == {short: long}


@pytest.mark.parametrize(
    "text",
    [
        "high AUC values (>0.75)",
        # Two names of one gene: M, D, R cannot be found in "ABCB1".
        "ABCB1 (MDR1) is",
        "**ABCB1 (MDR1)** is the most frequently overexpressed gene",
        "poor response (17% vs 68% in low expressors, p=0.005)",
        "(p=0.005 and p=0.009)",
        "complete response (p=0.005 and p=0.009)",
        "tumours (see below)",
        "Cell Cycle (Georgetown, Tex.). 2022;21(9):883-893.",
        "Journal of Clinical Oncology. 2022;40(Suppl 16):e12538.",
        # Would spell "DT" from "Data ... Tumours", but a long form stays in its sentence.
        "Data were collected. Tumours (DT) grew.",
        # A name repeated is not a definition.
        "ABCB1 (ABCB1) is",
        "a single letter (A) is too short",
        "an overlong name (ABCDEFGHIJK) is refused",
    ],
)
def test_no_definition(text):
    assert find_abbreviations([text]) == {}


def test_first_definition_wins_across_texts():
    texts = ["extracellular matrix (ECM) genes", "the enhanced cell migration (ECM) assay", "cerebrospinal fluid (CSF)"]
    assert find_abbreviations(texts) == {"ECM": "extracellular matrix", "CSF": "cerebrospinal fluid"}


def test_several_definitions_in_one_text():
    text = "Interferon-stimulated genes (ISGs) and extracellular matrix (ECM) genes (p=0.005)."
    assert find_abbreviations([text]) == {"ISGs": "Interferon-stimulated genes", "ECM": "extracellular matrix"}


def test_review_document():
    found = find_abbreviations([CORPUS_FILE.read_text(encoding="utf-8")])
    # P4HA2 is written "**P4HA2** (Prolyl 4-Hydroxylase Subunit Alpha 2)": a true, reversed definition.
    assert found == {
        "ECM": "extracellular matrix",
        "ISGs": "Interferon-stimulated genes",
        "P4HA2": "Prolyl 4-Hydroxylase Subunit Alpha 2",
    }
