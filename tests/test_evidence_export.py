"""Evidence map (derived from statements) and BibTeX / RIS export."""

from __future__ import annotations

from bcqa.corpus import parse_document
from bcqa.evidence import build_evidence, concept_abbreviations, entities_of, read_columns
from bcqa.export import to_bibtex, to_ris
from conftest import CORPUS_FILE

THERAPIES = read_columns(CORPUS_FILE.parent)


def test_review_columns_come_from_its_settings_file():
    assert list(THERAPIES) == ["chemotherapy", "radiotherapy", "endocrine / cross-resistance"]


def test_map_of_the_review(document):
    ev = build_evidence(document.statements, columns=THERAPIES, abbreviations={"ECM": "extracellular matrix"})
    assert ev.cells("TP53")["chemotherapy"].references == (1,)
    assert ev.cells("miR-21")["radiotherapy"].references == (13, 14)
    assert set(ev.cells("P4HA2")) == {"radiotherapy"}
    # A clause without column words takes its sentence's ("In radioresistance, ... while SLC7A5 ...").
    assert set(ev.cells("SLC7A5")) == {"radiotherapy"}
    assert "Let-7" in ev.markers and "HOTAIR" in ev.markers
    # Rows are entities: no bold phrases, no generic molecule words, no defined concepts.
    assert "ECM" not in ev.markers and "miRNA-regulated" not in ev.markers
    assert not any(" " in m for m in ev.markers)
    # Every cell's numbers are exactly those of the statements behind it.
    by_id = {s.id: s for s in document.statements}
    for marker in ev.markers:
        for cell in ev.cells(marker).values():
            assert set(cell.references) == {n for sid in cell.statements for n in by_id[sid].citations}


def test_without_settings_the_columns_are_sections():
    text = (
        "## Genetic Variants **KRAS** mutations drive resistance to cisplatin chemotherapy.[1] "
        "## Non-coding RNAs miR-155 lowers radiation response.[2] "
        "### References 1. A. Doe J. J Med. 2020;1:1. 2. B. Roe K. J Med. 2021;2:2."
    )
    ev = build_evidence(parse_document(text).statements)
    assert ev.columns == ("Genetic Variants", "Non-coding RNAs")
    assert ev.cells("KRAS") == {"Genetic Variants": ev.cells("KRAS")["Genetic Variants"]}
    assert ev.cells("miR-155")["Non-coding RNAs"].references == (2,)


def test_entities_outside_oncology():
    doc = parse_document(
        "## Targets\n\nMutations in gyrA and parC raise the MIC, and blaKPC spreads on plasmids.[1]\n\n"
        "## Cytokines\n\nIL-1β and TNF-α rise in cerebrospinal fluid (CSF).[2]\n\n"
        "### References\n\n1. Doe J. A. J Med. 2020;1:1.\n2. Roe K. B. J Med. 2021;2:2.\n"
    )
    found = [e for s in doc.statements for e in entities_of(s, concept_abbreviations({"CSF": "cerebrospinal fluid"}))]
    assert found == ["gyrA", "parC", "MIC", "blaKPC", "IL-1β", "TNF-α"]


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
    assert "volume = {24}" in bib and "number = {14}" in bib and "pages = {3397--3408}" in bib
    assert "VL  - 24" in ris and "SP  - 3397" in ris and "EP  - 3408" in ris
    assert to_bibtex([]) == "" and to_ris([]) == ""


def test_author_first_and_url_only_entries_export():
    from bcqa.references import parse_entry

    vancouver = parse_entry(4, "Liu Z, Gao J, et al. Resistance in N1. Lancet Infect Dis. 2022;12(3):45-67.", "x.md")
    web = parse_entry(6, "https://www.who.int/publications/i/item/9789240093461", "x.md")
    bib = to_bibtex([vancouver, web])
    assert "author = {Liu, Z. and Gao, J. and others}" in bib and "title = {{Resistance in N1}}" in bib
    assert "journal = {Lancet Infect Dis}" in bib and "year = {2022}" in bib
    assert "url = {https://www.who.int/publications/i/item/9789240093461}" in bib
    assert "UR  - https://www.who.int/publications/i/item/9789240093461" in to_ris([web])


def test_every_author_style_exports_as_surname_and_initials():
    from bcqa.references import parse_entry

    styles = [
        "Hsu, P. D., Lander, E. S. & Zhang, F. Development of CRISPR. Cell 157, 1262–1278 (2014).",
        'J. Smith, K. Jones, and L. Brown, "Antibiotic resistance in the ICU," IEEE Trans. Med. Imaging, vol. 38,'
        " pp. 12–20, 2019.",
        "Ó Súilleabháin, C., Byrne, D. & Walsh, E. FGFR1 amplification. Nat. Commun. 11, 5021 (2020).",
        "World Health Organization. Global tuberculosis report 2023. Geneva: WHO; 2023.",
    ]
    bib = to_bibtex([parse_entry(n, raw, "x.md") for n, raw in enumerate(styles, 1)])
    assert "author = {Hsu, P. D. and Lander, E. S. and Zhang, F.}" in bib and "pages = {1262--1278}" in bib
    assert "author = {Smith, J. and Jones, K. and Brown, L.}" in bib
    assert (
        "author = {Ó Súilleabháin, C. and Byrne, D. and Walsh, E.}" in bib and "@article{osuilleabhain2020ref3," in bib
    )
    assert "author = {{World Health Organization}}" in bib
    assert "SP  - 1262\nEP  - 1278" in to_ris([parse_entry(1, styles[0])])


def test_aliases_merge_rows(document):
    ev = build_evidence(document.statements, {"mdr1": ["abcb1"], "p53": ["tp53"]}, columns=THERAPIES)
    assert "ABCB1 (MDR1)" in ev.markers and "MDR1" not in ev.markers and "ABCB1" not in ev.markers
    cells = ev.cells("TP53 (p53)")
    assert cells["chemotherapy"].references == (1, 2) and cells["radiotherapy"].references == (2,)
