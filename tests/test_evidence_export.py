"""Evidence map (derived from statements) and BibTeX / RIS export."""

from __future__ import annotations

from bcqa.corpus import parse_document
from bcqa.evidence import build_evidence, layer_of, therapies_of
from bcqa.export import to_bibtex, to_ris


def test_map_of_the_review(document):
    ev = build_evidence(document.statements)
    assert ev.layer("TP53") == "mutation" and ev.cells("TP53")["chemotherapy"].references == (1,)
    assert ev.layer("miR-21") == "non-coding RNA" and ev.cells("miR-21")["radiotherapy"].references == (13, 14)
    assert ev.layer("P4HA2") == "protein" and set(ev.cells("P4HA2")) == {"radiotherapy"}
    assert set(ev.cells("ISGs")) == {"radiotherapy", "endocrine / cross-resistance"}
    # A clause without therapy words takes its sentence's ("In radioresistance, ... while SLC7A5 ...").
    assert set(ev.cells("SLC7A5")) == {"radiotherapy"}
    assert "Let-7" in ev.markers
    # Every cell's numbers are exactly those of the statements behind it.
    by_id = {s.id: s for s in document.statements}
    for marker in ev.markers:
        for cell in ev.cells(marker).values():
            assert set(cell.references) == {n for sid in cell.statements for n in by_id[sid].citations}


def test_another_document_gets_its_own_map():
    text = (
        "## Genetic Variants **KRAS** mutations drive resistance to cisplatin chemotherapy.[1] "
        "## Non-coding RNAs miR-155 lowers radiation response.[2] "
        "### References 1. A. Doe J. J Med. 2020;1:1. 2. B. Roe K. J Med. 2021;2:2."
    )
    ev = build_evidence(parse_document(text).statements)
    assert ev.layer("KRAS") == "mutation" and ev.cells("KRAS")["chemotherapy"].references == (1,)
    assert ev.layer("miR-155") == "non-coding RNA" and ev.cells("miR-155")["radiotherapy"].references == (2,)


def test_layer_and_therapy_words():
    assert layer_of("Protein Expression Patterns", "") == "protein"
    assert layer_of("Results", "HOTAIR is a lncRNA") == "non-coding RNA"
    assert therapies_of("tamoxifen and radiotherapy") == ["radiotherapy", "endocrine / cross-resistance"]


def test_bibtex_and_ris(document):
    refs = [document.references[9], document.references[6]]
    bib = to_bibtex(refs)
    assert bib.count("@article{") == 2
    assert "author = {Post, A. E. M. and Smid, M. and Nagelkerke, A. and others}" in bib
    assert "doi = {10.1158/1078-0432.CCR-17-2551}" in bib and "year = {2003}" in bib
    ris = to_ris(refs)
    assert ris.count("TY  - JOUR") == 2 and ris.count("ER  - ") == 2
    assert "UR  - https://doi.org/10.1158/1078-0432.CCR-17-2551" in ris
    assert "AU  - Burger, H." in ris
    assert to_bibtex([]) == "" and to_ris([]) == ""


def test_aliases_merge_rows(document):
    ev = build_evidence(document.statements, {"mdr1": ["abcb1"], "p53": ["tp53"]})
    assert "ABCB1 (MDR1)" in ev.markers and "MDR1" not in ev.markers and "ABCB1" not in ev.markers
    cells = ev.cells("TP53 (p53)")
    assert cells["chemotherapy"].references == (1, 2) and cells["radiotherapy"].references == (2,)
