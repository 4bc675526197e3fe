"""The parser against a table written by reading the document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bcqa.corpus import (
    _SLACK_MENTION,
    _inline_math,
    _note_markup,
    _pandoc_typing,
    _rejoin_broken_words,
    _strip_page_furniture,
    make_block,
    parse_citation_group,
    parse_document,
    split_blocks,
    split_sentences,
)
from bcqa.errors import CorpusError
from bcqa.lightmarkup import light_markup_to_markdown
from bcqa.text import tokenize

GENE = "Gene Mutations and Genetic Alterations"
PROT = "Protein Expression Patterns"
RNA = "Transcriptional RNA Levels"
NC = "Non-Coding RNAs"

# (section, full statement text, citations) for every statement, in order.
EXPECTED = [
    (
        "Overview",
        "Resistance to chemotherapy and radiotherapy in breast cancer is associated with multiple gene mutations, altered protein expression patterns, and distinct transcriptional RNA profiles that vary by breast cancer subtype and treatment modality.",
        (),
    ),
    (
        GENE,
        "TP53 mutations are prominently associated with chemotherapy resistance, with somatic TP53 mutations being common in anthracycline-sensitive groups while other mutations appear in resistant groups.",
        (1,),
    ),
    (
        GENE,
        "However, p53's role is complex—while mutations contribute to resistance to chemo- and radiotherapy, impaired DNA repair is offset by reduced apoptosis.",
        (2,),
    ),
    (
        GENE,
        "BRCA1 and BRCA2 mutations show contrasting effects: BRCA1- or BRCA2- deficient tumors demonstrate marked sensitivity to ionizing radiation and drugs producing double-strand breaks, though their expression decreases in post-chemotherapy residual tumors.",
        (2, 3),
    ),
    (
        GENE,
        "Mutations in CDKN1B appear only in pre-treatment samples, while APC and CTNNB1 mutations emerge only post-treatment.",
        (4,),
    ),
    (PROT, "Drug efflux transporters play critical roles in chemoresistance.", ()),
    (
        PROT,
        "ABCB1 (MDR1) is the most frequently overexpressed gene in resistant cells, with high MDR1 expression significantly associated with poor response (17% vs 68% in low expressors, p=0.005) and poor progression-free survival.",
        (5, 6),
    ),
    (PROT, "ABCB5, CYP1A1, and CYP4Z1 are significantly upregulated in anthracycline-resistant groups.", (1,)),
    (
        PROT,
        "Additional xenobiotic metabolism genes including CYP3A4 and CYP2A6 show enrichment in non-responders to anthracycline-taxane therapy.",
        (7,),
    ),
    (PROT, "DNA repair proteins demonstrate subtype-specific patterns.", ()),
    (
        PROT,
        "Lower expression of PALB2 and ERCC1 in pre-treatment biopsies correlates with pathologic complete response (p=0.005 and p=0.009).",
        (3,),
    ),
    (
        PROT,
        "P4HA2 (Prolyl 4-Hydroxylase Subunit Alpha 2) is upregulated in radioresistant cells and promotes resistance through enhanced stemness and DNA damage repair; its knockdown synergizes with radiotherapy.",
        (8,),
    ),
    (
        PROT,
        "Interferon-stimulated genes (ISGs) are involved in cross-resistance between tamoxifen and radiotherapy, with increased expression in both resistant phenotypes correlating with poor outcomes in patients receiving adjuvant tamoxifen or radiotherapy.",
        (9,),
    ),
    (RNA, "Common differentially expressed genes across chemotherapy-resistant subtypes include FOS and NR4A1.", (10,)),
    # "..., while the amino acid transporter[7] SLC7A5 shows ...[7]": the mid-sentence [7] closes the first clause,
    # and the clause after it keeps its "while": a statement quotes the document, no word dropped.
    (RNA, "In radioresistance, ORAI3 and BCAM distinguish non-responders with high AUC values (>0.75)", (7,)),
    (RNA, "while the amino acid transporter SLC7A5 shows significantly higher expression in resistant tumors.", (7,)),
    (
        RNA,
        "Pathway-specific alterations include activation of MAPK, ErbB, PI3K-Akt, mTOR, Wnt, and RAS signaling pathways in chemoresistant tumors.",
        (11,),
    ),
    (
        RNA,
        "Proliferation-associated genes are downregulated in post-treatment ER+ tumors but not in triple-negative breast cancer",
        (4,),
    ),
    (
        RNA,
        "while extracellular matrix (ECM) genes are upregulated in the majority of post-chemotherapy samples across subtypes.",
        (4,),
    ),
    (
        RNA,
        "Immune-related genes show distinct patterns: LYN, LY96, and ANXA1 are upregulated in patients with relapse within 60 months.",
        (7,),
    ),
    (
        RNA,
        "Chemoresistant tumors demonstrate increased infiltration of CD4 memory T cells, regulatory T cells, neutrophils, macrophages, and mast cells.",
        (10,),
    ),
    (RNA, "NOTCH1 and MAPK14 emerge as hub genes in protein-protein interaction networks.", (12,)),
    (NC, "MicroRNAs play substantial roles in both chemoresistance and radioresistance.", ()),
    (NC, "miR-21 promotes radioresistance via cancer stem cells", (13, 14)),
    (NC, "while miR-196a-5p is upregulated and miR-4472 is downregulated in chemoresistant tissues.", (12,)),
    (NC, "Tumor suppressor miRNAs including miR-22, miR-200c, and Let- 7 increase radiotherapy efficacy.", (13,)),
    (NC, "Long non-coding RNAs including HOTAIR and NEAT1 are associated with radioresistance", (13, 15)),
    (NC, "while LINP1 functions as a tumor suppressor enhancing radiotherapy effects.", (13,)),
    (
        NC,
        "These ncRNAs regulate cell cycle, DNA damage repair, apoptosis, autophagy, ferroptosis, and cancer stem cell properties.",
        (16,),
    ),
    (
        NC,
        "A 17-gene signature combining methylation and miRNA-regulated genes showed predictive and prognostic power in triple-negative breast cancer patients receiving anthracycline-taxane neoadjuvant chemotherapy.",
        (17,),
    ),
    (
        NC,
        "The findings emphasize that resistance mechanisms are highly individualized, with patients exhibiting distinct molecular rewiring that converges into limited dysregulated functional modules.",
        (18,),
    ),
]


def test_every_statement_with_its_own_citations(document):
    got = [(s.section, s.text, s.citations) for s in document.statements]
    assert got == EXPECTED


def test_sections_in_order(document):
    assert document.sections == ("Overview", GENE, PROT, RNA, NC)


def test_question_to_reader_is_not_a_statement(document):
    assert not any("?" in s.text or s.text.startswith("Would you like") for s in document.statements)


def test_statement_text_is_plain(document):
    for s in document.statements:
        assert "**" not in s.text and "[" not in s.text and "  " not in s.text


def test_positions_and_ids(document):
    assert [s.position for s in document.statements] == list(range(len(document.statements)))
    ids = [s.id for s in document.statements]
    assert len(set(ids)) == len(ids)
    again = parse_document(document_path().read_text(encoding="utf-8"), name=document_path().name)
    assert [s.id for s in again.statements] == ids


def document_path():
    from conftest import CORPUS_FILE

    return CORPUS_FILE


def test_references_parsed(document):
    refs = document.references
    assert sorted(refs) == list(range(1, 19))
    r9 = refs[9]
    assert r9.title.startswith("Interferon-Stimulated Genes Are Involved in Cross-Resistance")
    assert r9.authors == "Post AEM, Smid M, Nagelkerke A, et al" and r9.first_author == "Post"
    assert r9.year == 2018 and r9.doi == "10.1158/1078-0432.CCR-17-2551"
    assert refs[13].first_author == "Oghabi Bakhshaiesh"
    assert all(r.document == "breast_cancer_resistance_review.md" for r in refs.values())
    # The stray "2." after the last entry is not part of it, and the parser says so.
    assert refs[18].doi == "10.1002/1878-0261.70030"
    assert document.warnings == ("breast_cancer_resistance_review.md: '2.' after the last reference ignored",)


def _statements(text: str) -> list[tuple[str, tuple[int, ...]]]:
    return [(s.text, s.citations) for s in parse_document(text, "t.md").statements]


REFS = "\n\n## References\n\n" + "\n".join(f"{n}. Title {n}. Doe J. J Med. 2020;1:{n}." for n in range(1, 10)) + "\n"


@pytest.mark.parametrize(
    ("group", "numbers"),
    [
        ("[4][6]", (4, 6)),
        ("[4] [6]", (4, 6)),
        ("[4], [6]", (4, 6)),
        ("[4]; [6]", (4, 6)),
        ("[4, 6]", (4, 6)),
        ("[4-6]", (4, 5, 6)),
        ("[4–6]", (4, 5, 6)),
        ("[4‐6]", (4, 5, 6)),  # the hyphen of a publisher's page, U+2010
        ("[4−6]", (4, 5, 6)),  # a minus sign, U+2212
        ("[6,4]", (4, 6)),
        ("([4], [6])", (4, 6)),
        ("([4-6])", (4, 5, 6)),
    ],
)
def test_citation_group_forms(group, numbers):
    assert parse_citation_group(group) == numbers
    for placed in (f"A is higher {group}.", f"A is higher.{group}", f"A is higher{group}."):
        assert _statements(placed + REFS) == [("A is higher.", numbers)], placed


@pytest.mark.parametrize(
    ("marker", "numbers"),
    [
        ("\\[4\\]", (4,)),  # escaped by a markdown converter
        ("\\[4-6\\]", (4, 5, 6)),
        ("[[4]](https://example.org/a)", (4,)),
        ("【4】", (4,)),
        ("【4†source】", (4,)),
        ("［4］", (4,)),  # full-width brackets
        ("[4,]", (4,)),  # a separator left after the last number
        ("[4, 6,]", (4, 6)),
        ("[4-6;]", (4, 5, 6)),
        ("[[4], [6]]", (4, 6)),  # a group of bracketed numbers in brackets of its own
        ("[[4]; [6-8]]", (4, 6, 7, 8)),
        ("[4••]", (4,)),  # Current Opinion: a paper of outstanding (••) or special (•) interest
        ("[4•, 6••]", (4, 6)),
        ("[4•–6]", (4, 5, 6)),
        ("[#4]", (4,)),  # numbers written with a number sign
        ("[#4, #6]", (4, 6)),
        ("<sup>4</sup>", (4,)),
        ("<sup>4,6</sup>", (4, 6)),
        ("<sup>4</sup>–<sup>6</sup>", (4, 5, 6)),  # a range between two superscripts, as [4]–[6]
        ("<sup>4</sup> - <sup>6</sup>", (4, 5, 6)),
        ("<sup>[4]</sup>", (4,)),
        ("^4,6^", (4, 6)),  # Pandoc's superscript
        ("[Ref. 4]", (4,)),
        ("[refs 4, 6]", (4, 6)),
        ("(ref. [4])", (4,)),
        ("(see [4], [6])", (4, 6)),
        ("(cf. [4])", (4,)),
        ("[4]–[6]", (4, 5, 6)),  # IEEE: a range between two bracketed numbers
        ("[4] – [6]", (4, 5, 6)),
        ("[4]-[6]", (4, 5, 6)),
        ("[4]‐[6]", (4, 5, 6)),
        ("[4, p. 12]", (4,)),  # IEEE: the place in the source goes with the marker
        ("[4, pp. 3–5]", (4,)),
        ("[4, Fig. 2]", (4,)),
        ("[4, Table 1]", (4,)),
        ("[4, Sec. 2.1]", (4,)),
        ("[4 and 6]", (4, 6)),  # a group whose last number "and" joins
        ("[4, 5 and 8]", (4, 5, 8)),
        ("[4, 5, and 8]", (4, 5, 8)),
        ("[4 & 6]", (4, 6)),
        ("[1–3 and 6]", (1, 2, 3, 6)),
        ("[^4^]", (4,)),  # a chat assistant's superscript note
        ("^[4]", (4,)),
        ("[4†source]", (4,)),  # 【4†source】 as a copy may read it
        ("[4†L10-L20]", (4,)),
        ("[Source 4]", (4,)),
        ("[Sources 4, 6]", (4, 6)),
        ("[citation:4]", (4,)),  # DeepSeek's
        ("[citation: 4, 6]", (4, 6)),
        ("[<sup>4</sup>](#ref-4)", (4,)),  # a superscript that links to its entry (an HTML page's copy)
        ("[<sup>4,6</sup>](#ref-4)", (4, 6)),
        ("[^4,6^](#ref-4)", (4, 6)),
        ("[⁴](#ref-4)", (4,)),
        ("[⁴,⁶](#ref-4)", (4, 6)),
        ("[[4](#ref-4)]", (4,)),  # linked numbers in brackets of their own (a journal page's "[<a>4</a>]")
        ("[[4](#ref-4)],[[6](#ref-6)]", (4, 6)),
        ("[[4](#ref-4), [6](#ref-6)]", (4, 6)),
        ("[[4](#ref-4)–[6](#ref-6)]", (4, 5, 6)),
    ],
)
def test_other_ways_of_writing_a_marker(marker, numbers):
    assert _statements(f"A is higher {marker}.{REFS}") == [("A is higher.", numbers)]
    assert _statements(f"A is higher{marker} in B.{REFS}") == [("A is higher in B.", numbers)]


def test_linked_numbers_in_brackets_of_their_own_end_a_clause():
    """ "[[1](#ref-1)], whereas ...": the marker closes its clause as [1] does; it was left as "[]" and the
    sentence, one statement, cited both clauses' numbers."""
    text = "Responders carried Akkermansia [[1](#ref-1)], whereas another cohort was enriched for Faecalibacterium [[2](#ref-2)]."
    assert _statements(text + REFS) == [
        ("Responders carried Akkermansia", (1,)),
        ("whereas another cohort was enriched for Faecalibacterium.", (2,)),
    ]


def test_a_marker_glued_between_two_words_leaves_them_two_words():
    """ "modified[1]and": the statement reads "modified and", not "modifiedand"."""
    assert _statements(f"Lipid A is modified[1]and LPS is lost[2].{REFS}") == [
        ("Lipid A is modified and LPS is lost.", (1, 2))
    ]
    assert _statements(f"Lipid A is modified[1], and LPS is lost[2].{REFS}") == [
        ("Lipid A is modified", (1,)),
        ("and LPS is lost.", (2,)),
    ]


def test_endnotes_numbered_in_superscript_are_the_list_the_superscript_markers_cite():
    entries = "\n".join(f"{'¹²³'[n - 1]} Doe J{n}, Roe K. Title number {n}. J Med. 2020;{n}:1-9." for n in (1, 2, 3))
    text = f"# Colistin\n\nLipid A is modified.¹ LPS is lost.²,³\n\n## References\n\n{entries}\n"
    document = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Lipid A is modified.", (1,)),
        ("LPS is lost.", (2, 3)),
    ]
    assert document.references[2].authors.startswith("Doe J2")


def test_words_in_brackets_that_join_numbers_are_no_marker():
    assert _statements(f"Doses of [4 and 6 mg] were given [1].{REFS}") == [("Doses of [4 and 6 mg] were given.", (1,))]


def test_a_superscript_exponent_is_not_a_marker():
    assert _statements(f"Cells at 10<sup>6</sup> per ml rose [1].{REFS}") == [("Cells at 10⁶ per ml rose.", (1,))]
    assert _statements(f"A is higher (see Table 1) [2].{REFS}") == [("A is higher (see Table 1).", (2,))]


def test_a_labelled_finding_citing_in_superscripts_is_a_claim_not_metadata():
    # "Label: value" with no marker and no full stop is metadata ("Keywords: a; b"); a superscript marker is a marker.
    text = "Tumours adapt.[1]\n\n**Key finding:** MAPK is reactivated in half of tumours<sup>7</sup>, whereas 40% have no driver.<sup>8</sup>\n\nKeywords: MAPK; BRAF\n\nCells die.[2]"
    assert _statements(text + REFS) == [
        ("Tumours adapt.", (1,)),
        ("Key finding: MAPK is reactivated in half of tumours", (7,)),
        ("whereas 40% have no driver.", (8,)),
        ("Cells die.", (2,)),
    ]


@pytest.mark.parametrize("marker", ["<sup>2</sup>", "^2^", "[2]"])
def test_a_claim_citing_in_any_form_is_kept_where_an_uncited_line_would_be_no_claim(marker):
    # A done task and a sentence opening with an acronym (as a table's legend does) are claims when they
    # cite, whether the marker is bracketed or a superscript; a to-do is no claim.
    text = (
        "Tumours adapt.[1]\n\n"
        f"- [x] Pirtobrutinib was approved for CLL in December 2023{marker}.\n"
        "- [ ] Pull the forest plots\n\n"
        f"TAILOR-PCI enrolled 5,302 patients to detect *2 and *3{marker}.\n\n"
        "Cells die.[1]"
    )
    assert _statements(text + REFS) == [
        ("Tumours adapt.", (1,)),
        ("Pirtobrutinib was approved for CLL in December 2023.", (2,)),
        ("TAILOR-PCI enrolled 5,302 patients to detect *2 and *3.", (2,)),
        ("Cells die.", (1,)),
    ]


@pytest.mark.parametrize(
    "label", ["**Relapse after monotherapy:**", "**Relapse after monotherapy**:", "Relapse after monotherapy:"]
)
def test_a_labelled_paragraph_citing_in_footnotes_is_a_claim_not_metadata(label):
    """Ending in a footnote marker, not a full stop, it read as a "Label: value" line and was dropped whole."""
    text = (
        f"# T\n\nIntro sentence here.[^1]\n\n{label} In a cohort, isolates rose.[^2] Not every relapse is "
        "resistance.[^2]\n\nKeywords: relapse; cohort\n\nEnd claim here.[^1]\n\n"
        "[^1]: Doe J. A title one. J Med. 2020;1:1.\n[^2]: Roe K. A title two. J Med. 2021;2:2.\n"
    )
    assert _statements(text) == [
        ("Intro sentence here.", (1,)),
        ("Relapse after monotherapy: In a cohort, isolates rose.", (2,)),
        ("Not every relapse is resistance.", (2,)),
        ("End claim here.", (1,)),
    ]


def test_footnotes_as_pandoc_wraps_them_and_before_a_colon():
    """Pandoc's markdown wraps a long footnote definition over indented lines: they were statements and the
    title stopped at the line's end.  A footnote marker glued to a lead-in's colon ("as follows[^2]:") or
    before a colon that ends the line cites; "[^1]: ..." at a line's start defines."""
    text = (
        "# T\n\nSteroids fail in severe asthma.[^1] The main sources are summarised as follows[^1][^2]:\n\n"
        "- PI 88788, in most cultivars.[^2]\n\nThe guideline matches substances to the genotype [^2]:\n\n"
        "- Any one can be used where no variant is found.[^1]\n\n"
        "[^1]: Chung KF, Wenzel SE, Brozek JL, et al. International ERS/ATS\n"
        "    guidelines on definition, evaluation and treatment of severe asthma.\n"
        "    Eur Respir J. 2014;43:343-73.\n\n"
        "[^2]: Barnes PJ, Adcock IM. Glucocorticoid resistance in inflammatory\n"
        "    diseases. Lancet. 2009;373:1905-17.\n"
    )
    document = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Steroids fail in severe asthma.", (1,)),
        ("The main sources are summarised as follows", (1, 2)),
        ("PI 88788, in most cultivars.", (2,)),
        ("The guideline matches substances to the genotype", (2,)),
        ("Any one can be used where no variant is found.", (1,)),
    ]
    assert document.references[1].title == (
        "International ERS/ATS guidelines on definition, evaluation and treatment of severe asthma"
    )
    assert (document.references[2].title, document.references[2].year) == (
        "Glucocorticoid resistance in inflammatory diseases",
        2009,
    )


def test_a_footnote_wrapped_without_indent_and_a_definition_opening_on_the_next_line():
    """A "[^n]:" note wrapped over lines with no indent is one note, as Pandoc reads a paragraph's lazy
    continuation (the title stopped at the line's end and the rest was lost); a definition with nothing after
    its colon takes the line below, as CommonMark allows a link's destination there (the label was read
    as reference 19's text).  A list item's mark alone ("2.") is not part of the note above it."""
    text = (
        "# T\n\nColistin resistance spreads on plasmids[^1]. Guidance restricts it[^2][^3].\n\n## References\n\n"
        "[^1]: Liu YY, Wang Y, Walsh TR, et al. Emergence of plasmid-mediated colistin resistance mechanism\n"
        "MCR-1 in animals and human beings in China. Lancet Infect Dis. 2016;16(2):161-168.\n"
        "[^2]:\n"
        "https://www.ema.europa.eu/en/documents/scientific-guideline/updated-advice-use-colistin.pdf\n"
        "[^3]: Nordmann P, Poirel L. The difficult-to-control spread of carbapenemase producers. Clin\n"
        "Microbiol Infect. 2014;20(9):821-830.\n"
        "2.\n"
    )
    document = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Colistin resistance spreads on plasmids.", (1,)),
        ("Guidance restricts it.", (2, 3)),
    ]
    first, second, third = (document.references[n] for n in (1, 2, 3))
    assert (first.title, first.journal, first.year) == (
        "Emergence of plasmid-mediated colistin resistance mechanism MCR-1 in animals and human beings in China",
        "Lancet Infect Dis",
        2016,
    )
    assert second.link == "https://www.ema.europa.eu/en/documents/scientific-guideline/updated-advice-use-colistin.pdf"
    assert (third.journal, third.raw.endswith("821-830.")) == ("Clin Microbiol Infect", True)


def test_a_definition_with_only_spaces_after_its_colon_opens_on_the_next_line():
    """An editor's trailing space after "[2]:" is still nothing after the colon: the link on the line below
    is reference 2 (it was read as text after the list and reference 2 was lost)."""
    text = (
        "# T\n\nGuidance restricts it [1][2].\n\n## References\n\n"
        "[1]: Nordmann P, Poirel L. The difficult-to-control spread of carbapenemase producers. Clin Microbiol "
        "Infect. 2014;20(9):821-830.\n"
        "[2]: \t\nhttps://www.ema.europa.eu/en/documents/updated-advice-use-colistin.pdf\n"
    )
    document = parse_document(text, "t.md")
    assert document.references[2].link == "https://www.ema.europa.eu/en/documents/updated-advice-use-colistin.pdf"
    assert not document.warnings


def test_markers_that_link_to_their_entries_before_a_colon_and_as_a_range():
    """A page's markers, each number a link: "[3](#ref-3)–[5](#ref-5)" is [3–5] (the dash was left in the text
    and [4] lost), and one glued to a lead-in's colon cites (its number was left as a word)."""
    text = (
        "Esterases E4 and FE4 [3](#ref-3)–[5](#ref-5) are overproduced. Pumps act [1](#ref-1).\n\n"
        "Products fall into a few families, each with a failure mode [2](#ref-2)[6](#ref-6):\n\n"
        "- Polyurethane coatings peel at the edge.[7](#ref-7)\n"
    )
    assert _statements(text + REFS) == [
        ("Esterases E4 and FE4 are overproduced.", (3, 4, 5)),
        ("Pumps act.", (1,)),
        ("Products fall into a few families, each with a failure mode", (2, 6)),
        ("Polyurethane coatings peel at the edge.", (7,)),
    ]


def test_a_superscript_after_a_names_digits_cites_and_after_a_number_or_a_length_unit_raises():
    # A name ends in digits ("BRCA1", "IL-6"): the superscript glued to it cites, in HTML, Pandoc or Unicode.
    # A number standing alone and a length squared or cubed ("75 mg/m²", a dose by body surface) are raised.
    assert _statements(f"Loss of BRCA1<sup>2</sup> sensitises cells. It binds IL-6<sup>1</sup>.{REFS}") == [
        ("Loss of BRCA1 sensitises cells.", (2,)),
        ("It binds IL-6.", (1,)),
    ]
    assert _statements(f"Loss of BRCA1^2^ sensitises cells. It binds TP53^1^.{REFS}") == [
        ("Loss of BRCA1 sensitises cells.", (2,)),
        ("It binds TP53.", (1,)),
    ]
    assert _statements(f"Loss of BRCA1² sensitises cells. It binds TP53¹. Cells die.²{REFS}") == [
        ("Loss of BRCA1 sensitises cells.", (2,)),
        ("It binds TP53.", (1,)),
        ("Cells die.", (2,)),
    ]
    assert _statements(f"Doses of 75 mg/m<sup>2</sup> on 4 cm<sup>2</sup> at 10<sup>2</sup> CFU helped [1].{REFS}") == [
        ("Doses of 75 mg/m² on 4 cm² at 10² CFU helped.", (1,))
    ]
    # A year or a figure that ends a sentence cites with the superscript glued to it; R² is raised.
    assert _statements(f"It was sequenced in 2008<sup>3</sup>. R<sup>2</sup> was 0.69<sup>4</sup>.{REFS}") == [
        ("It was sequenced in 2008.", (3,)),
        ("R² was 0.69.", (4,)),
    ]


SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def SUP(n: int) -> str:  # noqa: N802
    return str(n).translate(SUPERSCRIPTS)


@pytest.mark.parametrize("sup", [lambda n: f"<sup>{n}</sup>", SUP])
def test_a_superscript_cites_or_raises_alike_in_html_and_unicode(sup):
    """The same sentences written with "<sup>" and with Unicode superscripts parse alike: glued to a short
    word, a percentage, a year, a figure, emphasis or a three-digit name it cites; ten, R², a variable
    and a unit per second squared are raised."""
    cites = (
        f"Most deaths were associated with it{sup(1)}. Survival was 80.0%{sup(2)}. KPC was found in 1996{sup(3)}. "
        f"The hazard ratio was 0.48{sup(4)}. This is *neoantigen editing*{sup(5)}. Cys336{sup(6)} is conserved. "
        f"Lipid A{sup(7)} is modified."
    )
    assert _statements(cites + REFS) == [
        ("Most deaths were associated with it.", (1,)),
        ("Survival was 80.0%.", (2,)),
        ("KPC was found in 1996.", (3,)),
        ("The hazard ratio was 0.48.", (4,)),
        ("This is neoantigen editing.", (5,)),
        ("Cys336 is conserved.", (6,)),
        ("Lipid A is modified.", (7,)),
    ]
    raises = (
        f"Loss scales as v{sup(5)} at 10{sup(6)} drops, R{sup(2)} 0.9, and 2 m/s{sup(2)}.{sup(1)} Cells die.{sup(3)}"
    )
    assert [text for text, _ in _statements(raises + REFS)] == [
        f"Loss scales as v{SUP(5)} at 10{SUP(6)} drops, R{SUP(2)} 0.9, and 2 m/s{SUP(2)}.",
        "Cells die.",
    ]


def test_digits_glued_to_a_name_stay_in_a_document_that_keeps_its_superscripts():
    """Only a PDF's copy flattens its markers into glued digits ("mutations3"); beside Unicode superscripts,
    "sul1" and "5-log10" are names."""
    text = "Cells carry sul1 and sul2.¹ Products need a 5-log10 drop.² Pumps act.³ Genes move.⁴ Drugs fail.⁵"
    assert _statements(text + REFS) == [
        ("Cells carry sul1 and sul2.", (1,)),
        ("Products need a 5-log10 drop.", (2,)),
        ("Pumps act.", (3,)),
        ("Genes move.", (4,)),
        ("Drugs fail.", (5,)),
    ]


def test_no_break_spaces_from_a_web_page_read_as_spaces():
    """A copied page's "\u00a0" between one-line reference entries: the list was not found and every
    entry was lost."""
    entries = [
        "Soverini S, Colarossi S, Gnani A, et al. Contribution of ABL kinase domain mutations. Clin Cancer Res. 2006;12:7374-9.",
        "Branford S, Rudzki Z, Walsh S, et al. Detection of BCR-ABL mutations. Blood. 2003;102:276-83.",
        "Gorre ME, Mohammed M, Ellwood K, et al. Clinical resistance to STI-571. Science. 2001;293:876-80.",
    ]
    text = (
        "# CML resistance ## Mechanisms Tumours adapt [1]. Cells pump drugs out [2]. Kinases mutate [3]. **References**"
    )
    parsed = []
    for space in (" ", "\u00a0"):
        document = parse_document(text + "".join(f"{space}[{n}] {e}" for n, e in enumerate(entries, 1)), "t.md")
        parsed.append(([(s.text, s.citations) for s in document.statements], document.references))
    assert parsed[1] == parsed[0]
    assert parsed[0][0] == [("Tumours adapt.", (1,)), ("Cells pump drugs out.", (2,)), ("Kinases mutate.", (3,))]
    assert parsed[0][1][2].title == "Detection of BCR-ABL mutations"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_typographic_apostrophe_reads_as_a_straight_one(apostrophe):
    """A word processor or a chat window writes "Here’s" and "Publisher’s Note": an assistant's opening
    and a page's boilerplate are no claims whichever apostrophe they carry."""
    text = (
        f"Here{apostrophe}s an overview of heparin resistance. I{apostrophe}ve pulled from the guidelines.\n\n"
        "Antithrombin deficiency lowers the response [1].\n\n"
        f"## Publisher{apostrophe}s Note\n\nAll claims expressed in this article are solely those of the authors.\n"
    )
    assert _statements(text + REFS) == [("Antithrombin deficiency lowers the response.", (1,))]


def test_a_parenthesised_marker_wrapped_to_the_start_of_a_line_before_a_comma_cites():
    """Hard-wrapped plain text: "(21), with few ..." at a line's start is a marker; "(2) drugs" would be an
    enumerator."""
    text = (
        "Tumours adapt (1). Bilirubin rose above the upper limit of normal\n(3), with few patients stopping (4).\n"
        "Two routes matter:\n(2) efflux pumps act (5). Cells die (6)."
    )
    assert _statements(text + REFS) == [
        ("Tumours adapt.", (1,)),
        ("Bilirubin rose above the upper limit of normal", (3,)),
        ("with few patients stopping.", (4,)),
        ("Two routes matter: (2) efflux pumps act.", (5,)),
        ("Cells die.", (6,)),
    ]


@pytest.mark.parametrize(
    ("marker", "numbers"),
    [("¹", (1,)), ("²,³", (2, 3)), ("²˒³", (2, 3)), ("⁴⁻⁶", (4, 5, 6)), ("⁴–⁶", (4, 5, 6)), ("¹,⁴⁻⁶", (1, 4, 5, 6))],
)
def test_superscript_digits_cite_when_the_document_never_cites_in_brackets(marker, numbers):
    """Copied from a journal's web page or PDF: "resistant.¹ Efflux pumps²,³ ..."."""
    text = f"A is higher.{marker} B is lower{marker}, while C rose.⁹{REFS}"
    assert _statements(text) == [("A is higher.", numbers), ("B is lower", numbers), ("while C rose.", (9,))]


REFS20 = "\n\n## References\n\n" + "\n".join(f"{n}. Title {n}. Doe J. J Med. 2020;1:{n}." for n in range(1, 21)) + "\n"


def test_superscripts_run_together_are_read_in_the_one_rising_way_the_list_allows():
    """A web page's "<sup>2</sup><sup>14</sup>" copied as "²¹⁴": [2, 14], not [2, 1, 4] nor [21, 4]."""
    text = "A is higher.²¹⁴ B is lower.⁷⁸ C rose.¹¹¹³ D fell.¹⁸ E rose.⁵" + REFS20
    document = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("A is higher.", (2, 14)),
        ("B is lower.", (7, 8)),
        ("C rose.", (11, 13)),
        ("D fell.", (18,)),  # a listed number is read whole
        ("E rose.", (5,)),
    ]
    read = [w for w in document.warnings if "read as" in w]
    assert len(read) == 3 and "'²¹⁴'" in read[0] and "[2, 14]" in read[0] and "A is higher." in read[0]


def test_a_run_of_superscripts_with_no_single_reading_is_dropped_with_a_warning():
    # 1, 2, 13 or 12, 13: two ways, so neither is guessed; 9, 99 is no way at all.
    text = "A is higher.¹²¹³ B is lower.⁹⁹⁹ C rose.¹ D fell.² E is high⁹⁹⁹ in F.³" + REFS20
    document = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("A is higher.", ()),
        ("B is lower.", ()),
        ("C rose.", (1,)),
        ("D fell.", (2,)),
        ("E is high⁹⁹⁹ in F.", (3,)),  # after a word, an unreadable run stays text
    ]
    dropped = [w for w in document.warnings if "dropped" in w]
    assert len(dropped) == 2 and "'¹²¹³'" in dropped[0] and "'⁹⁹⁹'" in dropped[1]


@pytest.mark.parametrize(
    ("marker", "numbers"),
    [
        ("(4)", (4,)),
        ("(4, 6)", (4, 6)),
        ("(4,6)", (4, 6)),
        ("(4–6)", (4, 5, 6)),
        ("(4-6)", (4, 5, 6)),
        ("(1, 4–6)", (1, 4, 5, 6)),
    ],
)
def test_numbers_in_parentheses_cite_when_the_document_never_cites_in_brackets(marker, numbers):
    """Vancouver in parentheses: "first reported in 1996 (1)."."""
    text = f"A is higher {marker}. B is lower {marker}, while C rose (9).{REFS}"
    assert _statements(text) == [("A is higher.", numbers), ("B is lower", numbers), ("while C rose.", (9,))]


@pytest.mark.parametrize("heading", ["## References\n", "References\n", "REFERENCES"])
def test_a_list_numbered_in_parentheses_is_read_with_the_markers_that_cite_it(heading):
    """ "(1) Adams MD, ... 2009;53:3628-3634." as ACS and some Vancouver journals number their lists,
    under a markdown or a plain-text heading (the first entry right below it, or after a blank line);
    the text cites "(2, 3)", "(4)–(6)"."""
    entries = "\n".join(f"({n}) Doe J{n}, Roe K. Title number {n}. J Med. 2020;{n}(2):1-9." for n in range(1, 7))
    text = (
        "# Review\n\nLipid A is modified (2, 3). Loss of LPS is a second route (4)–(6). "
        f"Adding meropenem did not help (1).\n\n{heading}\n{entries}\n"
    )
    document = parse_document(text, "t.md")
    assert document.warnings == ()
    assert [r.title for r in document.references.values()] == [f"Title number {n}" for n in range(1, 7)]
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Lipid A is modified.", (2, 3)),
        ("Loss of LPS is a second route.", (4, 5, 6)),
        ("Adding meropenem did not help.", (1,)),
    ]


def test_superscripts_and_parentheses_that_are_no_markers_stay_text():
    quoted = [
        "Parasites reached 10⁶ per ml and 10⁻³ of them survived in 5 km² (2019).",
        "The χ² test and I² = 40% and R² were used (n = 48), see (Table 1).",
        "Calcium (Ca²⁺) enters (12).",  # the list has nine entries
        "Three routes exist: (1) uptake, (2) sequestration and (3) metabolism.",
    ]
    text = " ".join(quoted) + " A is higher.¹ B is lower.² C rose (3). D fell (4, 5)."
    assert _statements(text + REFS) == [(q, ()) for q in quoted] + [
        ("A is higher.", (1,)),
        ("B is lower.", (2,)),
        ("C rose.", (3,)),
        ("D fell.", (4, 5)),
    ]


def test_a_link_whose_label_has_a_number_sign_is_no_marker():
    # "[#4]" cites; "[#4](#issue-4)" is a link to an anchor, and its label stays text.
    assert _statements(f"A is higher, see [#4](#issue-4). B is lower [#4].{REFS}") == [
        ("A is higher, see #4.", ()),
        ("B is lower.", (4,)),
    ]


def test_a_document_that_cites_in_brackets_keeps_its_parentheses_and_superscripts():
    text = f"A is higher [1]. B is lower (2). C rose³ and D fell (4). E and F [5] rose.{REFS}"
    assert _statements(text) == [
        ("A is higher.", (1,)),
        ("B is lower (2).", ()),
        ("C rose³ and D fell (4).", ()),
        ("E and F rose.", (5,)),
    ]


def test_markers_that_say_they_are_references_do_not_make_a_parenthesised_document_cite_in_brackets():
    """A note citing "(1)" with a few "[Ref 2]" and "(Refs 1, 2)": those were taken as citing in brackets, so every
    "(n)" was read as text and its statement left uncited."""
    text = f"A is higher (1). B is lower (2). C rose [Ref 2]. D fell (Refs 1, 2).{REFS}"
    assert _statements(text) == [("A is higher.", (1,)), ("B is lower.", (2,)), ("C rose.", (2,)), ("D fell.", (1, 2))]


def test_an_author_year_citation_or_a_cross_reference_standing_alone_is_no_statement():
    """A reference manager's link after a sentence ("([Zuo et al., 2019](zotero://...))") and a note's pointer ("→ see
    [[Bystander editing]]") were uncited statements; a sentence that only says where to look is no claim."""
    text = (
        "# Base editing\n\nBE3 raised off-target variants [3]. ([Zuo et al., 2019](zotero://select/items/ZUO))\n\n"
        "→ see [[Bystander editing]]\n\nSee Table 2. See the methods for how doses were chosen and why.\n" + REFS
    )
    assert _statements(text) == [
        ("BE3 raised off-target variants.", (3,)),
        ("See the methods for how doses were chosen and why.", ()),
    ]


@pytest.mark.parametrize(
    ("written", "quoted"),
    [
        ("10<sup>-6</sup> M", "10⁻⁶ M"),
        ("an IC<sub>50</sub> of 3 nM", "an IC₅₀ of 3 nM"),
        ("Ca<sup>2+</sup> influx", "Ca²⁺ influx"),
        ("H<sub>2</sub>O<sub>2</sub> release", "H₂O₂ release"),
    ],
)
def test_html_exponents_and_subscripts_keep_their_place(written, quoted):
    """Not run into the text ("10<sup>6</sup>" is not 106); search still reads plain digits."""
    assert _statements(f"Cells showed {written} here [1].{REFS}") == [(f"Cells showed {quoted} here.", (1,))]
    assert tokenize(quoted) == tokenize(re.sub(r"<[^>]+>", "", written))


@pytest.mark.parametrize(
    ("written", "quoted"),
    [
        ("an IC$_{50}$ of 3 nM", "an IC₅₀ of 3 nM"),  # a notebook's or a note app's inline TeX
        ("Ca$^{2+}$ influx", "Ca²⁺ influx"),
        ("$\\beta$-lactamase genes", "β-lactamase genes"),
        ("MICs of $\\geq 16$ mg/L", "MICs of ≥ 16 mg/L"),
        ("$\\Delta$F508 and $\\text{TGF-}\\beta$", "ΔF508 and TGF-β"),
        ("a cost of $5 and $10 each", "a cost of $5 and $10 each"),  # money, by Pandoc's rule
        ("a cost of $5-$10 each", "a cost of $5-$10 each"),
    ],
)
def test_inline_tex_is_written_as_the_characters_it_shows(written, quoted):
    assert _statements(f"Cells showed {written} here [1].{REFS}") == [(f"Cells showed {quoted} here.", (1,))]


@pytest.mark.parametrize(
    "formula",
    [
        "$$\np_{wh} = \\rho_l c_l \\, v\n$$",  # Quarto, R Markdown, Jupyter
        "$$ p_{wh} = \\rho_l c_l \\, v $$",
        "\\[\np_{wh} = \\rho_l c_l \\, v\n\\]",  # LaTeX's own
        "$$\np_{wh} = \\rho_l c_l \\, v\n$$ {#eq-wh}",  # with Quarto's label
    ],
)
def test_a_display_formula_is_no_statement(formula):
    """A formula on lines of its own is no claim; the sentences around it stay as written."""
    text = f"The pressure depends on impedance [1].\n{formula}\nwhere $\\rho$ is density [2].{REFS}"
    assert _statements(text) == [("The pressure depends on impedance.", (1,)), ("where ρ is density.", (2,))]


@pytest.mark.parametrize(
    "table",
    [
        "Gene | Effect | Ref\n--- | --- | ---\nmcr-1 | adds PEtN | [1]\npmrB | activates PmrA | [2]",
        "| Gene | Effect | Ref\n|:--- | :---: | ---:\n| mcr-1 | adds PEtN | [1]\n| pmrB | activates PmrA | [2]",
        "Gene | Effect | Ref |\n--- | --- | --- |\nmcr-1 | adds PEtN | [1] |\npmrB | activates PmrA | [2] |",
    ],
)
def test_a_table_without_its_outer_pipes_is_a_table(table):
    """GitHub's tables may leave out the pipes at a row's ends."""
    text = f"# Colistin\n\nThe mechanisms are summarised below.\n\n{table}\n\nBoth spread [1].{REFS}"
    assert _statements(text) == [
        ("The mechanisms are summarised below.", ()),
        ("Gene: mcr-1; Effect: adds PEtN", (1,)),
        ("Gene: pmrB; Effect: activates PmrA", (2,)),
        ("Both spread.", (1,)),
    ]


@pytest.mark.parametrize("text", ["Counting starts at [0] here.", "Counting starts at [0, 1] here.", "See [0-2] here."])
def test_zero_in_brackets_is_text_not_a_citation(text):
    """Reference lists number from 1; "[0]" keeps its place in the statement and cites nothing."""
    assert _statements(f"{text} A is higher [1].{REFS}") == [(text, ()), ("A is higher.", (1,))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A rises in X, while[1][2] B falls in Y.[3]", [("A rises in X", (1, 2)), ("while B falls in Y.", (3,))]),
        # A marker that ends no clause cites the clause it stands in, not the sentence's last one.
        (
            "A is 95% in X [8] and 80% in Y [7], yet near 0 in Z [11].",
            [("A is 95% in X and 80% in Y", (7, 8)), ("yet near 0 in Z.", (11,))],
        ),
        (
            "Recent work [6] finds A [7], while B falls [8].",
            [("Recent work finds A", (6, 7)), ("while B falls.", (8,))],
        ),
        ("A rises [1], and B falls [2].", [("A rises", (1,)), ("and B falls.", (2,))]),
        # A dash at the cut goes with it, as a comma does; a dash inside a clause stays.
        ("A rises [1] — while B falls [2].", [("A rises", (1,)), ("while B falls.", (2,))]),
        ("A rises [1] – B falls – C too [2].", [("A rises", (1,)), ("B falls – C too.", (2,))]),
        # A superscript sits after the comma: "mefloquine,²⁴ which prompted ...¹".
        ("A rises,[1] which lowers B.[2]", [("A rises", (1,)), ("which lowers B.", (2,))]),
        ("A rises and B falls.[2][1]", [("A rises and B falls.", (1, 2))]),
        ("Although A rises [1], B falls [2].", [("Although A rises", (1,)), ("B falls.", (2,))]),
        ("Drug X [3] lowers Y [4].", [("Drug X lowers Y.", (3, 4))]),
        # A bare "and" after a marker joins two nouns, not two clauses; with a comma it is a clause.
        ("Sequencing [3] and PCR can find it [4].", [("Sequencing and PCR can find it.", (3, 4))]),
        # What follows a colon is what the marker before it describes, unless it cites on its own.
        (
            "Three routes are known [9]: HR, forks and trapping.",
            [("Three routes are known: HR, forks and trapping.", (9,))],
        ),
        ("Two routes are known [9]: HR is one [2].", [("Two routes are known", (9,)), ("HR is one.", (2,))]),
        ("A rises.", [("A rises.", ())]),
        # A marker after an item of a list cites the item; the sentence is the claim.
        (
            "Inhibitors: Rapamycin,[1] MK-0752[2] and AKT inhibitors[3] each restored it.",
            [("Inhibitors: Rapamycin, MK-0752 and AKT inhibitors each restored it.", (1, 2, 3))],
        ),
        ("A, B,[1] and C rose in Y.[2]", [("A, B", (1,)), ("and C rose in Y.", (2,))]),
        # A lone word on either side of a cut is no clause: it stays with its claim, and so does the marker.
        (
            "A fell to 1%,[1] even though[2] B had not changed.",
            [("A fell to 1%", (1,)), ("even though B had not changed.", (2,))],
        ),
        ("A sequence, adapted from guidance[1], works.", [("A sequence, adapted from guidance, works.", (1,))]),
        # A marker inside a parenthesis cites the aside, which is part of its sentence: no cut inside it.
        ("A summary (of [1,2], in mg/L, rough) follows.", [("A summary (of, in mg/L, rough) follows.", (1, 2))]),
        (
            "Two routes: 1) A binds,[1] and 2) B binds.[2]",
            [("Two routes: 1) A binds", (1,)), ("and 2) B binds.", (2,))],
        ),
        # A phrase that opens the sentence (no verb, the claim right after its comma) is no claim: its marker
        # cites the claim it introduces.
        ("According to Smith et al. [1], efflux drove it.", [("According to Smith et al., efflux drove it.", (1,))]),
        ("In a 2019 study [1], efflux drove it [2].", [("In a 2019 study, efflux drove it.", (1, 2))]),
        (
            "Using sequencing of 300 isolates [1], Lee found 12 mutations.",
            [("Using sequencing of 300 isolates, Lee found 12 mutations.", (1,))],
        ),
        # A clause that opens with a preposition still ends at its marker when a joiner follows, or a verb is in it.
        (
            "In mice the drug failed [1], whereas in rats it worked [2].",
            [("In mice the drug failed", (1,)), ("whereas in rats it worked.", (2,))],
        ),
        (
            "After it was withdrawn [1], resistance fell [2].",
            [("After it was withdrawn", (1,)), ("resistance fell.", (2,))],
        ),
        (
            "Adding X delays relapse [1], but it does not stop it.",
            [("Adding X delays relapse", (1,)), ("but it does not stop it.", ())],
        ),
        # A figure's credit says only where to look: no claim.
        ("A binds B. Adapted from [1].", [("A binds B.", ())]),
        ("A binds B. Redrawn from data in [1,2].", [("A binds B.", ())]),
        ("A binds B. Resistance was reported in [1].", [("A binds B.", ()), ("Resistance was reported in.", (1,))]),
    ],
)
def test_clauses_keep_their_own_numbers_and_every_word(sentence, expected):
    assert _statements(sentence + REFS) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The biologist Georg A. Goldfuss named it [1]. It stuck.",
            ["The biologist Georg A. Goldfuss named it.", "It stuck."],
        ),
        ("Liu et al. found X [1]. Then Y.", ["Liu et al. found X.", "Then Y."]),
        (
            "The MIC was 0.5 mg/L in 3.2% of isolates [1]. Then Y.",
            ["The MIC was 0.5 mg/L in 3.2% of isolates.", "Then Y."],
        ),
        (
            "Drugs (e.g. colistin, i.e. a polymyxin) fail [1]. Then Y.",
            ["Drugs (e.g. colistin, i.e. a polymyxin) fail.", "Then Y."],
        ),
        ("X was seen.Next came Y [1].", ["X was seen.", "Next came Y."]),
        ("It binds lipid A. The charge changes [1].", ["It binds lipid A.", "The charge changes."]),
        # An abbreviation pysbd does not know: a lone word, or a plain lower-case word after it.
        ("Approx. 30% of adults sleep little [1]. Then Y.", ["Approx. 30% of adults sleep little.", "Then Y."]),
        ("Rates rose resp. fell [1]. Then Y.", ["Rates rose resp. fell.", "Then Y."]),
        ("Cells died [1]. mecA spread. p53 fell.", ["Cells died.", "mecA spread.", "p53 fell."]),
        # A surname's particle opens a sentence; a plain lower-case word after the stop still does not.
        (
            "Cases came from Canada [1]. da Silva and colleagues found more [2]. van der Meer et al. saw Y.",
            ["Cases came from Canada.", "da Silva and colleagues found more.", "van der Meer et al. saw Y."],
        ),
        ("Rates rose resp. de novo fell [1].", ["Rates rose resp. de novo fell."]),
        # ... and one that stands before a quantity; an ordinary word before a number still ends a sentence.
        ("Mortality was ca. 40% then [1]. Then Y.", ["Mortality was ca. 40% then.", "Then Y."]),
        ("Doses (approx. 20 mg) helped [1]. Then Y.", ["Doses (approx. 20 mg) helped.", "Then Y."]),
        ("Growth was slow [1]. 40% of isolates failed.", ["Growth was slow.", "40% of isolates failed."]),
        # ... and one that names where in a source the number after it points: a page, a section, a chapter.
        ("See p. 12 for the table [1]. Then Y.", ["See p. 12 for the table.", "Then Y."]),
        ("It is on pp. 3-5 there [1]. Then Y.", ["It is on pp. 3-5 there.", "Then Y."]),
        ("In Sect. 3 we discuss efflux [1]. Then Y.", ["In Sect. 3 we discuss efflux.", "Then Y."]),
        ("As in Chap. 4 of the guideline [1]. Then Y.", ["As in Chap. 4 of the guideline.", "Then Y."]),
        ("It sits on 17p. 40% of cases lose it [1].", ["It sits on 17p.", "40% of cases lose it."]),
        # A chat assistant's pleasantry says nothing of the topic; an exclamation that cites is a claim.
        ("Great question! Lipid A is modified [1].", ["Lipid A is modified."]),
        ("Certainly! Lipid A is modified [1].", ["Lipid A is modified."]),
        ("Absolutely [1]! Lipid A is modified.", ["Absolutely!", "Lipid A is modified."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert [t for t, _ in _statements(text + REFS)] == expected


LLM_STYLE = """# A Review of Things

*Generated on 2025-03-14 by a literature assistant*

---

## 1. Introduction

**Key finding:** oseltamivir resistance is common in N1 [4] [6], whereas zanamivir keeps activity [7–9].

Key mutations include:

- H275Y in N1 confers resistance [2]
  - It reduces susceptibility 400-fold [3].
* R292K in N2 is rare.[5]

| Mutation | Subtype | Fold change |
|---|---|---|
| H275Y | N1 | ~400 [2] |
| R292K | N2 | >10,000 [5] [1] |

Would you like me to summarize these findings?

## 5. References

1. Title 1. Doe J. J Med. 2020;1:1.
2. Title 2. Doe J. J Med. 2020;1:2.
3. Title 3. Doe J. J Med. 2020;1:3.

### Consolidated References

[3] Title 3. Doe J. J Med. 2020;1:3.
[4] Liu Z, Gao J, et al. Resistance in N1. Lancet Infect Dis. 2022;12(3):45-67. doi:10.1/x
5) Title 5. Doe J. J Med. 2020;1:5.
[6] https://www.who.int/publications/i/item/9789240093461
[7] Title 7. Doe J. J Med. 2020;1:7.
[8] Title 8. Doe J. J Med. 2020;1:8.
[9] Title 9. Doe J. J Med. 2020;1:9.
"""


def test_llm_style_markdown():
    doc = parse_document(LLM_STYLE, "llm.md")
    assert doc.title == "A Review of Things"
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("1. Introduction", "Key finding: oseltamivir resistance is common in N1", (4, 6)),
        ("1. Introduction", "whereas zanamivir keeps activity.", (7, 8, 9)),
        ("1. Introduction", "H275Y in N1 confers resistance", (2,)),
        ("1. Introduction", "It reduces susceptibility 400-fold.", (3,)),
        ("1. Introduction", "R292K in N2 is rare.", (5,)),
        ("1. Introduction", "Mutation: H275Y; Subtype: N1; Fold change: ~400", (2,)),
        ("1. Introduction", "Mutation: R292K; Subtype: N2; Fold change: >10,000", (1, 5)),
    ]
    refs = doc.references
    assert sorted(refs) == list(range(1, 10))
    assert refs[4].authors == "Liu Z, Gao J, et al" and refs[4].title == "Resistance in N1" and refs[4].year == 2022
    assert refs[6].link == "https://www.who.int/publications/i/item/9789240093461" and refs[6].url == refs[6].link
    assert any("[3]" in w and "repeated" in w for w in doc.warnings)


def test_words_are_never_dropped_or_added():
    """Every statement is the document's own text with only markers and markdown removed."""
    documents = document_path().parents[1] / "tests" / "documents"
    suffixes = (".md", ".txt", ".adoc", ".textile", ".wiki")
    for path in (document_path(), *sorted(p for p in documents.iterdir() if p.suffix in suffixes)):
        # A PDF's page headers and numbers are no words of its text, even where they cut a sentence; an
        # outliner's, Org's, AsciiDoc's or reStructuredText's markup is no more words than markdown's is, nor is
        # inline TeX ("$\\rho$" shows "ρ").
        raw = path.read_text(encoding="utf-8")
        for markup in (light_markup_to_markdown, _pandoc_typing, _note_markup, _inline_math):
            raw = markup(raw)
        raw = _strip_page_furniture(raw)
        # A chat mention's "@" is the chat's markup, as a link's brackets are markdown's ("@Priya Natarajan"); so is a
        # quote's "> " on each line of a hard-wrapped quotation.
        raw = re.sub(r"(?m)^[ \t]*>[ \t]?", "", _SLACK_MENTION.sub("", raw))
        # A word broken at a line end is one word again, with its hyphen ("serine-to-" / "phenylalanine")
        # or without ("resis-" / "tant").
        # Stars are compared away: the whole text read as one block can pair a star allele ("*2") with a
        # star paragraphs later, where the parser reads each paragraph alone and keeps it.
        # Superscript markers are read document-wide ("tumours¹¹ has prompted"), so they go too.
        unmarked = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*", "", raw)
        # One statement may hold both kinds ("car-" / "bamylates", "AmpC-" / "hyperproducing"): the parser's
        # reading of each break is compared too.
        plains = [
            " ".join(make_block(joined.replace("\n", " ")).text.replace("*", "").split())
            for text in (raw, unmarked)
            for joined in (text.replace("-\n", "-"), text.replace("-\n", ""), _rejoin_broken_words(text))
        ]
        for s in parse_document(raw, path.name).statements:
            pipes = "; " in s.text and ": " in s.text and ("|" in raw or "\t" in raw)
            if pipes or re.fullmatch(r"[^:;]{1,60}: [^;]*(?:; [^:;]{1,60}: [^;]*)+", s.text):
                continue  # table rows join their cells with their headers ("Domain: Dose; Requirement: ...")
            text = " ".join(s.text.replace("*", "").split())
            assert any(text in plain or text.rstrip(".") in plain for plain in plains), (path.name, s.text)


def test_a_column_of_markers_cites_its_row():
    rows = "| N2 | spindles | [10] |\n| N3 | slow waves | [1] [2] |\n| N1 | theta | <sup>3,4</sup> |\n"
    rows += "| REM | sawtooth waves | <sup>[5](#ref5)</sup> |\n"  # a linked superscript, as a site exports it
    text = f"## Stages\n\n| Stage | Hallmark | Ref |\n|---|---|---|\n{rows}"
    assert _statements(text + REFS) == [
        ("Stage: N2; Hallmark: spindles", (10,)),
        ("Stage: N3; Hallmark: slow waves", (1, 2)),
        ("Stage: N1; Hallmark: theta", (3, 4)),
        ("Stage: REM; Hallmark: sawtooth waves", (5,)),
    ]


def test_blocks_and_markers():
    block = make_block("**A** is up [1], but *B* is down [2] [3].")
    assert block.text == "A is up, but B is down." and block.terms == ("A",)
    assert [n for _, n in block.marks] == [(1,), (2, 3)]
    assert [[c.text for c in s] for s in split_sentences(block)] == [["A is up", "but B is down."]]
    kinds = [b.kind for b in split_blocks("Para one.\n\n- item [1]\n  - nested [2]\n\n| h |\n|---|\n| row [3] |")]
    assert kinds == ["paragraph", "item", "item", "row"]


def test_missing_reference_is_a_warning_naming_it():
    text = "## Findings **X** is up in resistant cells.[1] Y is down.[2] ### References 1. A title. Doe J. J Med. 2020;1:1."
    doc = parse_document(text, name="t.md")
    assert "t.md: cited but not in the reference list: [2]" in doc.warnings
    assert doc.statements[1].citations == (2,)


def test_uncited_reference_is_reported():
    text = "## Findings X is up.[1] ### References 1. A title. Doe J. J Med. 2020;1:1. 2. Other title. Roe K. J Med. 2021;2:2."
    doc = parse_document(text, name="t.md")
    assert doc.warnings == ("t.md: reference [2] is never cited",)


def test_multiline_markdown_headings():
    text = "# Title\n\nIntro claim.\n\n## Results\n\nGene X is up.[1]\n\n## References\n\n1. T. Doe J. J. 2020;1:1.\n"
    doc = parse_document(text)
    assert doc.title == "Title"
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("Overview", "Intro claim.", ()),
        ("Results", "Gene X is up.", (1,)),
    ]


def test_empty_document_is_an_error():
    with pytest.raises(CorpusError, match="empty"):
        parse_document("   ")


PLAIN_TEXT = """Antibiotic Tolerance in Biofilms
================================

Introduction

Biofilms tolerate antibiotics far better than planktonic cells [1]. Persisters survive killing [2,3].

Mechanisms
----------

Slow growth reduces the activity of beta-lactams [4]; the matrix also slows drug penetration [5].

REFERENCES

1. Costerton JW, Stewart PS, Greenberg EP. Bacterial biofilms. Science. 1999;284(5418):1318-22.
2. Lewis K. Persister cells. Annu Rev Microbiol. 2010;64:357-72.
3. Balaban NQ, Merrin J, Chait R, et al. Bacterial persistence as a phenotypic switch. Science. 2004;305:1622-5.
4. Tuomanen E, Cozens R. The rate of killing of E. coli by beta-lactams. J Gen Microbiol. 1986;132(5):1297-304.
5. Stewart PS. Diffusion in biofilms. J Bacteriol. 2003;185(5):1485-91.
"""


def test_plain_text_and_underlined_headings():
    doc = parse_document(PLAIN_TEXT, "biofilms.txt")
    assert doc.title == "Antibiotic Tolerance in Biofilms"
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("Introduction", "Biofilms tolerate antibiotics far better than planktonic cells.", (1,)),
        ("Introduction", "Persisters survive killing.", (2, 3)),
        ("Mechanisms", "Slow growth reduces the activity of beta-lactams", (4,)),
        ("Mechanisms", "the matrix also slows drug penetration.", (5,)),
    ]
    assert sorted(doc.references) == [1, 2, 3, 4, 5] and doc.references[2].first_author == "Lewis"
    assert doc.warnings == ()


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("🧬 Taxonomy and subspecies", "Taxonomy and subspecies"),
        ("β-lactamases and extended-spectrum resistance", "β-lactamases and extended-spectrum resistance"),
        ("c-MET and HGF signalling", "c-MET and HGF signalling"),
    ],
)
def test_a_plain_text_heading_may_open_with_an_emoji_a_greek_letter_or_a_lower_case_symbol(heading, section):
    """A markdown page copied as text keeps its headings as lines of their own: one opening with an emoji, a
    Greek letter or a gene symbol that keeps its lower case was read as an uncited claim, and the section
    above ran on over it.  An equation that opens with a Greek letter ("ε_d ≈ 0.1 (p/p_th)^(d/2)") stays text."""
    text = (
        "Resistance in Gram-negative bacteria\n\nIntroduction\n\nThe outer membrane slows drug entry.[1]\n\n"
        f"{heading}\n\nAmbler class A enzymes hydrolyse penicillins.[2]\n\n"
        "ε_d ≈ 0.1 (p/p_th)^(d/2)\n\nThe ratio falls with distance.[1]\n\n"
        "References\n\n1. Nikaido H. Molecular basis of bacterial outer membrane permeability. Microbiol Mol Biol Rev. "
        "2003;67:593-656.\n2. Bush K. Past and present perspectives on beta-lactamases. Antimicrob Agents Chemother. "
        "2018;62:e01076-18.\n"
    )
    document = parse_document(text, "t.txt")
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Introduction", "The outer membrane slows drug entry.", (1,)),
        (section, "Ambler class A enzymes hydrolyse penicillins.", (2,)),
        (section, "ε_d ≈ 0.1 (p/p_th)^(d/2)", ()),
        (section, "The ratio falls with distance.", (1,)),
    ]


def test_bold_written_with_underscores_reads_as_bold_written_with_asterisks():
    """mammoth writes bold "__...__": a one-line document's heading stopped at "**ALK**" but ran over "__ALK__",
    taking the claim's first word into the title, and a "__Label__:" lead-in opened no paragraph."""
    text = (
        "# ALK in lung cancer ## Background: ALK Fusions and Inhibitors **ALK rearrangements** are found in 3-5% "
        "of lung cancers.[1] **Prevalence**: By adulthood most patients carry it.[2] ## Bypass Signalling "
        "**MET amplification** is the best characterised bypass route.[3]"
    )
    stars = [(s.section, s.text, s.citations) for s in parse_document(text + REFS, "t.md").statements]
    underscores = parse_document(text.replace("**", "__") + REFS, "t.md").statements
    assert [(s.section, s.text, s.citations) for s in underscores] == stars
    assert stars[0] == (
        "Background: ALK Fusions and Inhibitors",
        "ALK rearrangements are found in 3-5% of lung cancers.",
        (1,),
    )


def test_underlined_headings_as_a_converter_writes_them():
    """markdownify and older Pandoc underline the top two heading levels: a title over 100 characters, a
    bold or check-marked heading and a title block above the first underlined heading read as they do
    written with "#"."""
    title = "Antibiotic Tolerance and Persistence in Staphylococcus aureus Biofilms on Prosthetic Joints: A Review"
    underlined = (
        "Antibiotic tolerance and persistence in biofilms\n\nJane A. Doe, Ravi K. Patel and Li Wei\n\n"
        f"{title}\n{'=' * len(title)}\n\nBiofilms tolerate antibiotics [1].\n\n"
        "**2. Mechanisms**\n-----------------\n\nSlow growth protects cells [2].\n\n"
        "✅ Bottom line\n-------------\n\n- Rifampicin kills adherent cells [3].\n"
    )
    hashed = (
        "Antibiotic tolerance and persistence in biofilms\n\nJane A. Doe, Ravi K. Patel and Li Wei\n\n"
        f"# {title}\n\nBiofilms tolerate antibiotics [1].\n\n"
        "## **2. Mechanisms**\n\nSlow growth protects cells [2].\n\n"
        "## ✅ Bottom line\n\n- Rifampicin kills adherent cells [3].\n"
    )
    documents = [parse_document(text + REFS, "t.md") for text in (underlined, hashed)]
    assert documents[0].title == documents[1].title
    parsed = [[(s.section, s.text, s.citations) for s in document.statements] for document in documents]
    assert (
        parsed[0]
        == parsed[1]
        == [
            ("Overview", "Biofilms tolerate antibiotics.", (1,)),
            ("2. Mechanisms", "Slow growth protects cells.", (2,)),
            ("Bottom line", "Rifampicin kills adherent cells.", (3,)),
        ]
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "Tumours resist drugs.1 Cells pump them out.2,3 Targets mutate.4–6",  # a PDF's flattened superscripts
        "Tumours resist drugs.¹ Cells pump them out.²,³ Targets mutate.⁴⁻⁶",
    ],
)
def test_a_one_line_paragraph_ending_in_a_glued_marker_is_text_not_a_heading(paragraph):
    """Standing alone with no closing full stop, it looked like a heading, and its sentences were lost."""
    text = "Drug resistance in tumours\n\nIntroduction\n\n" + paragraph + REFS.replace("## References", "References")
    doc = parse_document(text, "t.txt")
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("Introduction", "Tumours resist drugs.", (1,)),
        ("Introduction", "Cells pump them out.", (2, 3)),
        ("Introduction", "Targets mutate.", (4, 5, 6)),
    ]


def test_a_bold_line_of_its_own_is_a_heading():
    doc = parse_document(
        "# Sepsis markers\n\n**Abstract**\n\nSepsis kills [1].\n\n__Procalcitonin__\n\nPCT rises early [2].\n\n"
        "**Key points:**\n\n- PCT guides stopping [2].\n\n**Not a heading.** CRP is cheap [1].\n\n"
        "## References\n\n1. Title 1. Doe J. J Med. 2020;1:1.\n2. Title 2. Doe J. J Med. 2020;1:2.\n",
        "sepsis.md",
    )
    assert [(s.section, s.text, s.context) for s in doc.statements] == [
        ("Abstract", "Sepsis kills.", ""),
        ("Procalcitonin", "PCT rises early.", ""),
        ("Procalcitonin", "PCT guides stopping.", "Key points:"),  # a bold line ending in ":" leads in
        ("Procalcitonin", "Not a heading.", ""),  # a bold sentence inside a paragraph stays text
        ("Procalcitonin", "CRP is cheap.", ""),
    ]


PLAIN_TITLE_BLOCK = """Vaccine Hesitancy: Determinants and Interventions
A Literature Review

1 Introduction

Hesitancy was named a threat in 2019 [1]. Outbreaks returned [2].

References
[1] World Health Organization. Ten threats to global health in 2019. Available from: https://www.who.int/x
[2] Phadke VK, Omer SB. Vaccine refusal and vaccine-preventable diseases. JAMA 2016;315:1149-58.
"""


@pytest.mark.parametrize(
    "name", ["aml_flt3_resistance.txt", "hpylori_antibiotic_resistance.txt", "schistosoma_praziquantel.txt"]
)
def test_a_paragraph_a_line_over_a_reference_list_wrapped_at_78_columns(name):
    """Paragraphs written a line each are told apart by their lines: the same document with its reference list
    wrapped at 78 columns looked hard-wrapped, so its headings ran into the claims under them ("COMBINATION
    STRATEGIES Combining FLT3 inhibitors ..."), claims lost their markers, and wrapped entries were cut where a
    line ended a sentence (the entries after it were lost).  The parse is the same either way."""
    import textwrap

    text = (Path(__file__).parent / "documents" / name).read_text(encoding="utf-8")
    heading = re.search(r"^(?:References:?|Bibliography)[ \t]*$", text, re.M | re.I)
    head, tail = text[: heading.end()], text[heading.end() :]
    wrapped = "\n".join(
        "\n".join(textwrap.wrap(line, 78, break_on_hyphens=False, break_long_words=False)) if line.strip() else line
        for line in tail.split("\n")
    )
    plain, wrapped = parse_document(text, name), parse_document(head + wrapped, name)
    assert [(s.section, s.text, s.citations) for s in wrapped.statements] == [
        (s.section, s.text, s.citations) for s in plain.statements
    ]
    assert {n: (r.title, r.year) for n, r in wrapped.references.items()} == {
        n: (r.title, r.year) for n, r in plain.references.items()
    }


def test_plain_text_title_block_and_a_reference_heading_right_above_its_entries():
    doc = parse_document(PLAIN_TITLE_BLOCK, "hesitancy.txt")
    assert doc.title == "Vaccine Hesitancy: Determinants and Interventions — A Literature Review"
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("1 Introduction", "Hesitancy was named a threat in 2019.", (1,)),
        ("1 Introduction", "Outbreaks returned.", (2,)),
    ]
    assert sorted(doc.references) == [1, 2] and doc.references[2].first_author == "Phadke"
    assert doc.warnings == ()


PLAIN_REFS = "\n\nReferences\n[1] Doe J. A title. J Med. 2020;1:1.\n"


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        (
            "Antifungal Resistance\nMechanisms and detection: a narrative review\n"
            "Miriam Okafor, Lukas Brandt and Sunita Iyer, Department of Medical Mycology, 14 March 2025",
            "Antifungal Resistance — Mechanisms and detection: a narrative review",
        ),
        ("Antifungal Resistance\nM. Okafor, 2025", "Antifungal Resistance"),
    ],
)
def test_a_byline_under_a_plain_text_title_is_not_a_claim(opening, title):
    doc = parse_document(f"{opening}\n\n1 Introduction\n\nA rises [1].{PLAIN_REFS}", "review.txt")
    assert doc.title == title
    assert [(s.section, s.text) for s in doc.statements] == [("1 Introduction", "A rises.")]


def test_an_opening_paragraph_of_prose_is_not_a_title_block():
    text = "Antifungal Resistance\nis rising in hospitals and\nfarms alike.\n\n1 Introduction\n\nA rises [1]."
    doc = parse_document(text + PLAIN_REFS, "review.txt")
    assert doc.statements[0].text == "Antifungal Resistance is rising in hospitals and farms alike."


LLM_OUTLINE = """# CRISPR Off-Target Effects

> **Generated on:** 2025-05-02 by a research assistant.

## Contents
1. Background
2. Detection

## 1. Background

Off-target cleavage occurs at sites with mismatches [1].

- **Guide design**
  - Truncated guides reduce off-target activity [2].
  - Higher GC content increases tolerance [1].
- Fidelity variants retain activity [2].

## 2. Detection

Date: 14 May 2025. GUIDE-seq captures breaks in cells [2].

## References

1. Hsu PD, Scott DA. DNA targeting specificity of Cas9. Nat Biotechnol. 2013;31:827-832.
2. Tsai SQ, Zheng Z. GUIDE-seq. Nat Biotechnol. 2015;33:187-197.
"""


def test_dated_metadata_a_table_of_contents_and_a_nested_list_lead_in_are_not_claims():
    doc = parse_document(LLM_OUTLINE, "crispr.md")
    assert [(s.section, s.text, s.context) for s in doc.statements] == [
        ("1. Background", "Off-target cleavage occurs at sites with mismatches.", ""),
        ("1. Background", "Truncated guides reduce off-target activity.", "Guide design"),
        ("1. Background", "Higher GC content increases tolerance.", "Guide design"),
        ("1. Background", "Fidelity variants retain activity.", ""),
        # Not a paragraph of metadata lines only: the date line stays with the claim after it.
        ("2. Detection", "Date: 14 May 2025.", ""),
        ("2. Detection", "GUIDE-seq captures breaks in cells.", ""),
    ]


@pytest.mark.parametrize(
    "note",
    [
        "> **Disclaimer:** This review was generated with an AI assistant and may contain errors.",
        "This review was automatically generated by a language model. Check every claim against its source.",
        "*Note:* this document has been compiled from public abstracts only.",
        "Document generated on 2024-03-18 with pandoc 3.1.",
        "Here is a structured literature review of resistance, with inline citations to the literature.",
        "Sure! Below is a summary of what is known.",
        "Figure 1. Overview of the pathways that confer resistance.",
        "**Table 2:** Frequency of each mechanism by line of therapy.",
    ],
)
def test_a_note_on_how_the_document_was_made_is_not_a_claim(note):
    text = f"# A Review\n\n{note}\n\n## Findings\n\nThis review summarises two findings.\n\nA rises [1].{REFS}"
    assert _statements(text) == [("This review summarises two findings.", ()), ("A rises.", (1,))]
    # With a citation it is the document's claim about its sources, and stays.
    cited = f"The report was compiled by the WHO from 40 surveys [1]. A rises [1].{REFS}"
    assert _statements(cited)[0] == ("The report was compiled by the WHO from 40 surveys.", (1,))


NUMBERED_PLAIN = """Microplastics and Health

Keywords: microplastics; inflammation
Date: 2025-03-14

1. Background

Particles enter by ingestion [1]. Note: this is debated.

2.1 Mechanisms

Proposed mechanisms:

1. oxidative stress [2]

2. inflammation

Effects at real doses are unknown.

References

[1] Title 1. Doe J. J Med. 2020;1:1.
[2] Title 2. Doe J. J Med. 2020;1:2.
"""


def test_numbered_plain_headings_and_metadata_lines():
    doc = parse_document(NUMBERED_PLAIN, "mp.txt")
    assert doc.title == "Microplastics and Health"
    # A loose numbered list stays a list; "Keywords: ..." and "Date: ..." are not claims.
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("1. Background", "Particles enter by ingestion.", (1,)),
        ("1. Background", "Note: this is debated.", ()),
        ("2.1 Mechanisms", "oxidative stress", (2,)),
        ("2.1 Mechanisms", "inflammation", ()),
        ("2.1 Mechanisms", "Effects at real doses are unknown.", ()),
    ]


def test_a_claim_opening_with_a_pronoun_is_searched_with_the_one_before():
    doc = parse_document(
        "# T\n\n## Cytokines\n\nIts role is debated [1].\n\nTGF-β1 is ambiguous in AD [1]. Its overexpression in"
        " astrocytes promoted vascular amyloid [2]. However, it also cleared plaques [3], while these mice lived"
        " longer.\n\n## Astrocytes\n\nThey react [2].\n\n## References\n\n1. A. B. 2020;1:1.\n2. C. D. 2021;2:2.\n"
        "3. E. F. 2022;3:3.\n"
    )
    found = {s.text: s for s in doc.statements}
    assert found["Its role is debated."].antecedent == ""  # nothing before it in its section
    overexpression = found["Its overexpression in astrocytes promoted vascular amyloid."]
    assert overexpression.antecedent == "TGF-β1 is ambiguous in AD."
    assert overexpression.search_text.startswith("Cytokines TGF-β1 is ambiguous in AD.: Its overexpression")
    assert found["However, it also cleared plaques"].antecedent == ""  # a connective names its own subject
    assert found["while these mice lived longer."].antecedent == ""  # only an opening pronoun counts
    assert found["They react."].antecedent == ""  # not across a section
    assert all(s.text == found[s.text].text for s in doc.statements)


def test_short_markdown_paragraph_is_not_a_heading():
    doc = parse_document(
        "# T\n\n## Results\n\nX rose [1].\n\nIt fell\n\nY rose [1].\n\n## References\n\n1. A. Doe J. J. 2020;1:1.\n"
    )
    assert [s.section for s in doc.statements] == ["Results"] * 3


@pytest.mark.parametrize(
    "heading",
    [
        "## References",
        "### 5. References",
        "## Consolidated References",
        "#### Bibliography",
        "## Sources",
        "## References:",
        "## References cited",
        "## Literature references",
        "## References (selected)",
        "## Source list",
        "## Sources and references",
        "## References & further reading",
        "## Notes and references",
    ],
)
def test_reference_section_titles(heading):
    text = f"# T\n\nSleep consolidates memory [1].\n\n{heading}\n\n- [1] Diekelmann S, Born J. The memory function of sleep. Nat Rev Neurosci. 2010;11:114-26.\n"
    doc = parse_document(text, "t.md")
    assert [s.text for s in doc.statements] == ["Sleep consolidates memory."]
    assert doc.references[1].first_author == "Diekelmann" and doc.warnings == ()


def test_a_title_that_mentions_references_is_not_a_reference_list():
    doc = parse_document("# Notes without references\n\nCaffeine blocks adenosine receptors.\n", "t.md")
    assert doc.title == "Notes without references" and [s.text for s in doc.statements] == [
        "Caffeine blocks adenosine receptors."
    ]


def test_link_and_footnote_citations():
    text = (
        "# T\n\nSleep consolidates memory [1](https://doi.org/10.1038/nrn2762). Spindles matter[^2].\n\n"
        "[1]: https://doi.org/10.1038/nrn2762\n[^2]: Walker MP. Sleep-dependent memory processing. Harv Rev Psychiatry. 2008;16:287-98.\n"
    )
    doc = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in doc.statements] == [
        ("Sleep consolidates memory.", (1,)),
        ("Spindles matter.", (2,)),
    ]
    assert doc.references[1].doi == "10.1038/nrn2762" and doc.references[2].first_author == "Walker"


def test_named_footnotes_are_numbered_in_the_order_they_are_first_cited():
    """Pandoc's "[^walker2008]": numbered as Pandoc renders them, with a warning that says so."""
    text = (
        "# T\n\nSpindles matter.[^walker2008] Sleep consolidates memory.[^diekelmann] Both hold.[^walker2008]"
        "[^diekelmann]\n\n[^diekelmann]: Diekelmann S, Born J. The memory function of sleep. Nat Rev Neurosci."
        " 2010;11:114-26.\n[^walker2008]: Walker MP. Sleep-dependent memory processing. Harv Rev Psychiatry."
        " 2008;16:287-98.\n[^unused]: Stickgold R. Sleep-dependent memory consolidation. Nature. 2005;437:1272-8.\n"
    )
    doc = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in doc.statements] == [
        ("Spindles matter.", (1,)),
        ("Sleep consolidates memory.", (2,)),
        ("Both hold.", (1, 2)),
    ]
    assert [(n, r.first_author) for n, r in doc.references.items()] == [
        (1, "Walker"),
        (2, "Diekelmann"),
        (3, "Stickgold"),
    ]
    assert any("named, not numbered ([^walker2008]" in w and "1-3" in w for w in doc.warnings)


@pytest.mark.parametrize("note", ["1", "shiftdef"])
def test_a_word_processors_footnote_beside_a_numbered_reference_list_is_a_note(note):
    """Pandoc writes a Word file's footnote "[^1]" beside its numbered reference list: the note is no
    reference (it took reference 1's place) and its mark no citation; its text stays, uncited."""
    text = (
        "# Introduction\n\nNearly all mammalian cells contain a molecular clock.^1^ Around 20% of\nthe workforce"
        f" works outside standard daytime hours.^2^[^{note}]\n\n# References\n\n1.  Takahashi JS. Transcriptional"
        " architecture of the mammalian\n    circadian clock. *Nat Rev Genet*. 2017;18(3):164--179.\n\n2.  Eurofound."
        " *Sixth European Working Conditions Survey*. Luxembourg:\n    Publications Office of the European Union;"
        f" 2016.\n\n[^{note}]: Estimates vary with the definition of shift work used in each\n    national labour survey.\n"
    )
    doc = parse_document(text, "t.md")
    assert [(s.text, s.citations, s.section) for s in doc.statements] == [
        ("Nearly all mammalian cells contain a molecular clock.", (1,), "Overview"),
        ("Around 20% of the workforce works outside standard daytime hours.", (2,), "Overview"),
        ("Estimates vary with the definition of shift work used in each national labour survey.", (), "Notes"),
    ]
    assert doc.references[1].first_author == "Takahashi" and doc.references[1].journal == "Nat Rev Genet"
    assert not any("listed twice" in w or "named, not numbered" in w for w in doc.warnings)
    assert any("1 footnote(s) ('Estimates vary with the definition of ...') are notes" in w for w in doc.warnings)


def test_documents_in_other_encodings_are_read_and_binary_files_refused(tmp_path):
    from bcqa.corpus import load_document

    text = "# T\n\n## S\n\nCafé au lait spots are common [1].\n\n## References\n\n1. Doe J. Title. J Med. 2020;1:1.\n"
    (tmp_path / "utf8-bom.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "windows.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.md").write_text(text, encoding="utf-16")
    (tmp_path / "image.md").write_bytes(bytes(range(256)) * 4)
    bom = load_document(tmp_path / "utf8-bom.md")
    assert bom.title == "T" and bom.warnings == ()
    windows = load_document(tmp_path / "windows.txt")
    assert windows.statements[0].text == "Café au lait spots are common."
    assert windows.warnings == ("windows.txt: not UTF-8; read as Windows-1252",)
    assert load_document(tmp_path / "utf16.md").statements[0].text == "Café au lait spots are common."
    with pytest.raises(CorpusError, match="not a text file"):
        load_document(tmp_path / "image.md")


@pytest.mark.parametrize(
    ("wrapped", "quoted"),
    [
        ("tumours become resis-\ntant to it", "tumours become resistant to it"),  # neither part is a word
        ("improved out-\ncomes in them", "improved outcomes in them"),  # the joined form is a word
        ("depends on PARP-\ntrapping in them", "depends on PARP-trapping in them"),  # after a name
        ("seen in 1990-\n2000 in them", "seen in 1990-2000 in them"),  # between numbers
        ("a drug-\nresistant strain", "a drug-resistant strain"),  # two words, no joined word
        ("the nucle-\nolytic step and the nucleolytic cut", "the nucleolytic step and the nucleolytic cut"),
        (
            "a multi-\ndrug pump and a multi-drug pump",
            "a multi-drug pump and a multi-drug pump",
        ),  # as written elsewhere
        ("a ceftolozane-tazobactam-\nresistant strain", "a ceftolozane-tazobactam-resistant strain"),  # a compound
        ("imipenem–\nrelebactam is used", "imipenem–relebactam is used"),  # a dash keeps no space
        # A suspended hyphen keeps its space; a compound's link word keeps its hyphen.
        ("MICs rose four-\nto eightfold in them", "MICs rose four- to eightfold in them"),
        ("MICs rose 8-\nto 16-fold in them", "MICs rose 8- to 16-fold in them"),
        ("a dose-\nand time-dependent loss", "a dose- and time-dependent loss"),
        ("a mother-\nto-child route", "a mother-to-child route"),
    ],
)
def test_a_word_broken_at_a_line_end_is_joined_as_the_document_writes_it(wrapped, quoted):
    """Text copied out of a PDF breaks words at line ends; the statement quotes the word, not "resis- tant"."""
    assert _statements(f"It is so that {wrapped} [1].{REFS}") == [(f"It is so that {quoted}.", (1,))]


def test_emoji_that_decorate_a_heading_are_not_part_of_it():
    text = (
        "# 🫁 Resistance to EGFR inhibitors\n\n## 🧬 1. On-target resistance\n\nT790M restores ATP affinity [1].\n\n"
        "## 📚 References\n\n1. Yun CH et al. The T790M mutation. PNAS. 2008;105:2070-5.\n\n"
        "### Further reading\n\n1. Yun CH et al. The T790M mutation. PNAS. 2008;105:2070-5.\n"
    )
    document = parse_document(text, "t.md")
    assert document.title == "Resistance to EGFR inhibitors"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("1. On-target resistance", "T790M restores ATP affinity.", (1,))
    ]
    assert list(document.references) == [1]
    assert any("[1] is repeated" in w for w in document.warnings)  # the further-reading list repeats it


def test_a_headings_citation_markers_are_no_part_of_its_section_name():
    text = (
        "# Resistance to EGFR inhibitors [1]\n\n## 2.1 Efflux pumps (ABCB1) [1, 2]\n\nPumps export the drug.[1]\n\n"
        "Target mutations [2]\n--------------------\n\nT790M restores ATP affinity [2].\n\n"
        "## References\n\n1. Doe J. Pumps. J Med. 2020;1:2.\n2. Yun CH et al. The T790M mutation. PNAS. 2008;105:2070-5.\n"
    )
    document = parse_document(text, "t.md")
    assert document.title == "Resistance to EGFR inhibitors"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("2.1 Efflux pumps (ABCB1)", "Pumps export the drug.", (1,)),
        ("Target mutations", "T790M restores ATP affinity.", (2,)),
    ]


def test_a_hugo_posts_toml_front_matter_and_shortcodes_are_no_text():
    text = (
        '+++\ntitle = "When Wolbachia Falls Short"\ndate = 2024-05-14T08:30:00+10:00\ntags = ["dengue"]\n'
        "draft = false\n+++\n\nwMel blocks dengue<sup>[1](#ref1)</sup>.\n\n<!--more-->\n\n## Heat\n\n"
        '{{< figure src="/img/wmel.png" caption="Wolbachia in an ovary." >}}\n\n'
        "{{% notice info %}}\nHot containers lose wMel<sup>[2](#ref2)</sup>.\n{{% /notice %}}\n\n"
        'See an [earlier post]({{< ref "cairns.md" >}}) for the first releases.\n\n{% include note.html %}\n' + REFS
    )
    document = parse_document(text, "t.md")
    assert document.title == "When Wolbachia Falls Short"
    assert [(s.text, s.citations) for s in document.statements] == [
        ("wMel blocks dengue.", (1,)),
        ("Hot containers lose wMel.", (2,)),
        ("See an earlier post for the first releases.", ()),
    ]


def test_yaml_front_matter_gives_the_title_and_no_statement():
    text = (
        '---\ntitle: "Resistance to checkpoint inhibitors"\nauthor:\n  - name: "R. Okafor"\n'
        "date: 2024-03-18\nkeywords: [melanoma, PD-1]\n---\n\n"
        "Introduction\n============\n\nB2M loss hides tumour cells [1].\n\n"
        "Antigen presentation {#sec-antigen}\n------------------\n\nJAK1 loss blunts IFN-γ [2].\n\n"
        "# Conclusions {.unnumbered}\n\nResistance has many routes [1].\n" + REFS
    )
    document = parse_document(text, "t.md")
    assert document.title == "Resistance to checkpoint inhibitors"
    assert [(s.section, s.text) for s in document.statements] == [
        ("Introduction", "B2M loss hides tumour cells."),
        ("Antigen presentation", "JAK1 loss blunts IFN-γ."),
        ("Conclusions", "Resistance has many routes."),
    ]


def test_a_note_apps_title_heading_in_other_words_is_the_title_not_a_section():
    """Obsidian / Notion: a YAML title, then one "#" heading that restates it, then "##" sections."""
    text = (
        '---\ntitle: "Non-response to interferon beta and DMTs"\ntags: [ms]\n---\n\n'
        "# Non-response to interferon beta and disease-modifying therapies\n\n"
        "Up to half of patients relapse on interferon beta [1].\n\n"
        "## Neutralising antibodies\n\nNAbs appear after 6 to 18 months [2].\n" + REFS
    )
    document = parse_document(text, "t.md")
    assert document.title == "Non-response to interferon beta and DMTs"
    assert [(s.section, s.text) for s in document.statements] == [
        ("Overview", "Up to half of patients relapse on interferon beta."),
        ("Neutralising antibodies", "NAbs appear after 6 to 18 months."),
    ]


def test_a_quarto_review_keeps_its_sections_around_a_callout():
    """Quarto: "# Background" under a YAML title is a section (it was read as the title restated, and its
    statements filed under "Overview"); a callout's "## Title" is the box's title, not a section that took in the
    text after the box."""
    text = (
        '---\ntitle: "Resistance in wastewater"\nauthor: "K. Lindahl"\n---\n\n# Background\n\nPlants are hotspots'
        " for gene exchange [1].\n\n## Removal during treatment\n\nActivated sludge removes 1 to 3 log units [2].\n\n"
        "::: {.callout-note}\n## Why relative abundance matters\nOnly the ratio to 16S rRNA shows selection [2].\n"
        ":::\n\nCiprofloxacin promoted plasmid transfer [3].\n\n::: {.callout-tip}\n## Is it seasonal?\nLoads"
        " peak in winter [1].\n:::\n\n## Outlook\n\nMonitoring should be routine [3].\n" + REFS
    )
    document = parse_document(text, "t.qmd")
    assert document.title == "Resistance in wastewater"
    assert [(s.section, s.text) for s in document.statements] == [
        ("Background", "Plants are hotspots for gene exchange."),
        ("Removal during treatment", "Activated sludge removes 1 to 3 log units."),
        ("Removal during treatment", "Only the ratio to 16S rRNA shows selection."),
        ("Removal during treatment", "Ciprofloxacin promoted plasmid transfer."),
        ("Removal during treatment", "Loads peak in winter."),
        ("Outlook", "Monitoring should be routine."),
    ]


def test_a_rule_and_key_value_lines_that_are_no_yaml_stay_text():
    text = "---\nThis opening paragraph is prose [1].\n---\n\nMore prose follows here [2].\n" + REFS
    assert [s.text for s in parse_document(text, "t.md").statements] == [
        "This opening paragraph is prose.",
        "More prose follows here.",
    ]


def test_a_cited_caption_keeps_its_label():
    text = f"Fig. 2. PARP trapping is 100-fold stronger with talazoparib [1].{REFS}"
    assert _statements(text) == [("Fig. 2. PARP trapping is 100-fold stronger with talazoparib.", (1,))]


def test_plos_supporting_files_are_captions_not_claims():
    """PLOS lists its supporting files as "S1 Table. ..." and "S2 Fig. ...": each describes a file."""
    text = (
        "Phage review\n\nResults\nPhages bind to type IV pili [1].\n\nSupporting information\n"
        "S1 Table. List of phages used in compassionate-use cases (XLSX).\n"
        "S2 Fig. Host range of phages against 120 clinical isolates (TIF).\n"
        "S1 Text. Search strategy and the PRISMA checklist (PDF).\n\n"
        "References\n1. Chan BK, Turner PE. Phage selection. Sci Rep. 2016;6:26717.\n"
    )
    document = parse_document(text, "t.txt")
    assert [(s.section, s.text) for s in document.statements] == [("Results", "Phages bind to type IV pili.")]
    # The prose of a sentence that names S1 Table stays a claim.
    assert _statements(f"S1 Table lists all phages we found in the sewage samples [1].{REFS}") == [
        ("S1 Table lists all phages we found in the sewage samples.", (1,))
    ]


def test_page_headers_footers_and_numbers_of_a_pdf_copy_are_dropped():
    header = "Journal of Ovarian Research 2024; 17: 112"
    text = (
        "PARP Inhibitor Resistance\n\n1. INTRODUCTION\n\nReversions restore the reading frame [1]. Patients with a reversion had a median\n\n3\n\n"
        f"{header}\n\nprogression-free survival of 1.8 months [2].\n\n{header}\n4\n\n2. METHODS\n\n"
        f"Screens were used to identify point\n{header}\n5\nmutations in PARP1 [1].\n"
        "Varga et al.\n\nThe cohort was small.\n" + REFS.replace("## References", "REFERENCES")
    )
    document = parse_document(text, "t.txt")
    assert [(s.section, s.text) for s in document.statements] == [
        ("1. INTRODUCTION", "Reversions restore the reading frame."),
        ("1. INTRODUCTION", "Patients with a reversion had a median progression-free survival of 1.8 months."),
        ("2. METHODS", "Screens were used to identify point mutations in PARP1."),
        ("2. METHODS", "Varga et al."),  # said once, it is the document's text
        ("2. METHODS", "The cohort was small."),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "Oncol Radiother Rev 2024;12:233-251",
        "J. Fungi 2024, 10, 87",
        "Journal of Hazardous Materials 465 (2024) 133245",  # Elsevier's volume (year) article number
        "Radiotherapy and Oncology 12 (2024) 233-251",
    ],
)
def test_a_journal_issue_line_said_twice_is_a_running_header(header):
    """A short paper has two pages' headers; the issue line is no heading, the rest stays text."""
    text = (
        "Radioresistance in Review\n\n1. Introduction\n\nRadiation kills cells [1].\n\n"
        f"{header}\n\nStem cells survive it [2].\n\n2. Hypoxia\n\nHypoxic cells resist [1].\n\n"
        f"{header}\n\nNimorazole helps [2].\n\nSee Lancet 2019;394:64-80 once.\n"
        + REFS.replace("## References", "References")
    )
    document = parse_document(text, "t.txt")
    assert [(s.section, s.text) for s in document.statements] == [
        ("1. Introduction", "Radiation kills cells."),
        ("1. Introduction", "Stem cells survive it."),
        ("2. Hypoxia", "Hypoxic cells resist."),
        ("2. Hypoxia", "Nimorazole helps."),
        ("2. Hypoxia", "See Lancet 2019;394:64-80 once."),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "Respiratory Medicine Reviews 12 (2024) 45–58                                        47",
        "48                              Respiratory Medicine Reviews 12 (2024) 45–58",
        "",  # a page break with no header at all
    ],
)
def test_a_page_break_inside_a_sentence_and_a_header_with_its_page_number(header):
    """A PDF's copy: a sentence a page break cuts ("... the hallmarks of" / "" / "ageing as ...") was two
    statements, the first with no citation; the issue line with its page number set apart, said once, was a claim."""
    text = (
        "Senolytics in Lung Fibrosis\n\n1. Introduction\n\nIPF affects about 3 million people [1]. Ageing is the "
        "strongest\nrisk factor for IPF, which has prompted interest in the hallmarks of\n\n"
        + (f"{header}\n\n" if header else "")
        + "ageing as therapeutic targets [2]. Senescence is a stable arrest [2].\n"
        + REFS.replace("## References", "References")
    )
    assert [(s.text, s.citations) for s in parse_document(text, "t.txt").statements] == [
        ("IPF affects about 3 million people.", (1,)),
        (
            "Ageing is the strongest risk factor for IPF, which has prompted interest in the hallmarks of ageing as "
            "therapeutic targets.",
            (2,),
        ),
        ("Senescence is a stable arrest.", (2,)),
    ]


def test_a_word_broken_at_a_page_break_is_one_word_again():
    """ "stereo-" / page number / running header / "tactic body radiotherapy": the PDF's one word."""
    header = "Journal of Cutaneous Oncology Reviews 2024;12:211-229"
    text = (
        "Merkel cell carcinoma\n\n1. Introduction\n\nAvelumab was given every\n\n213\n"
        f"{header}\n\ntwo weeks [1]. Nivolumab was given with or without stereo-\n\n215\n{header}\n\n"
        "tactic body radiotherapy [2]. Adding stereotactic radiotherapy did not help [2].\n"
        + REFS.replace("## References", "References")
    )
    assert [s.text for s in parse_document(text, "t.txt").statements] == [
        "Avelumab was given every two weeks.",
        "Nivolumab was given with or without stereotactic body radiotherapy.",
        "Adding stereotactic radiotherapy did not help.",
    ]


def test_a_sentence_cut_by_a_page_break_after_a_link_word_is_one_sentence_again():
    """ "... in ST235 and" / page number, running header / "ST111, hydrolyse ...": the sentence goes on, though
    the next page opens with a capital."""
    header = "J. Glob. Antimicrob. Resist. 31 (2022) 145–154"
    text = (
        "Carbapenemases\n\n1. Introduction\n\nVIM is found in ST235 and\n147\nR. Okafor et al.\n"
        f"{header}\n\nST111, its main clones [1]. It spreads\n\n148\nR. Okafor et al.\n{header}\n\n"
        f"on plasmids [2]. It costs little [2].\n\n149\nR. Okafor et al.\n{header}\n\nIt persists [1].\n"
        + REFS.replace("## References", "References")
    )
    assert [s.text for s in parse_document(text, "t.txt").statements] == [
        "VIM is found in ST235 and ST111, its main clones.",
        "It spreads on plasmids.",
        "It costs little.",
        "It persists.",
    ]


def test_a_numbered_heading_over_its_numbered_subheading_in_plain_text():
    """ "4. Mechanisms of resistance" right above "4.1. Loss of HLA class I antigen presentation": two
    headings, and a numbered heading right under a sentence that ends in superscript markers is one too."""
    text = (
        "Resistance in Merkel cell carcinoma\n\n1. Introduction\nMerkel cell carcinoma is a rare skin cancer of"
        " elderly people.¹ Late progression is a distinct problem.²,³\n\n4. Mechanisms of resistance\n"
        "4.1. Loss of HLA class I antigen presentation\nBecause MCC depends on CD8+ T-cell recognition, loss of"
        " antigen\npresentation is the best-characterised escape mechanism.¹ It is often reversed.²,³\n"
        "4.2. T-cell exhaustion and repertoire contraction\nChronic exposure to viral antigen drives virus-specific"
        " T cells towards an\nexhausted phenotype.²\n\nReferences\n"
        + "\n".join(f"{n}. Doe J. Title {n}. J Med. 2020;1:{n}." for n in range(1, 4))
    )
    doc = parse_document(text, "t.txt")
    assert [(s.section, s.citations) for s in doc.statements] == [
        ("1. Introduction", (1,)),
        ("1. Introduction", (2, 3)),
        ("4.1. Loss of HLA class I antigen presentation", (1,)),
        ("4.1. Loss of HLA class I antigen presentation", (2, 3)),
        ("4.2. T-cell exhaustion and repertoire contraction", (2,)),
    ]


def test_a_run_in_bold_heading_heads_the_text_after_it():
    """ "**Nitrofurantoin.** Nitrofurantoin is ..." in one line of markdown is a section's heading; a bold
    sentence of a claim and a table's bold label are not."""
    text = (
        "**Uropathogenic E. coli causes most cystitis, and its resistance is rising around the world.** This"
        " review covers it. **Clinical context.** Cystitis affects half of all women.[1] **Nitrofurantoin.**"
        " Nitrofurantoin is a prodrug.[2] **Table 1.** Resistance rates by country.[3] **ST131 is not one"
        " clone.** It has subclones.[3] **References** "
        + " ".join(f"{n}. Title {n}. Doe J. J Med. 2020;1:{n}." for n in range(1, 4))
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Overview", "Uropathogenic E. coli causes most cystitis, and its resistance is rising around the world."),
        ("Overview", "This review covers it."),
        ("Clinical context", "Cystitis affects half of all women."),
        ("Nitrofurantoin", "Nitrofurantoin is a prodrug."),
        ("Nitrofurantoin", "Table 1. Resistance rates by country."),
        ("Nitrofurantoin", "ST131 is not one clone."),
        ("Nitrofurantoin", "It has subclones."),
    ]


def test_a_run_in_bold_heading_in_a_blockquote_heads_it():
    """ "> **Key points.** Cities are warmer ..." as a summary box: the bold phrase heads the box, no claim."""
    text = "# Heat\n\n> **Key points.** Cities are warmer [1]. Trees cool them [2].\n\n## Causes\n\nRoofs store heat [3].\n"
    assert [(s.section, s.text) for s in parse_document(text + REFS, "t.md").statements] == [
        ("Key points", "Cities are warmer."),
        ("Key points", "Trees cool them."),
        ("Causes", "Roofs store heat."),
    ]


def test_a_run_in_heading_may_ask_a_question():
    """ "**What is still missing.** No trial ..." heads its paragraph though "is" would make it a sentence."""
    text = "## Outlook\n\nRoxadustat works [1].\n\n**What is still missing.** No trial enrolled them [2].\n" + REFS
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Outlook", "Roxadustat works."),
        ("Outlook › What is still missing", "No trial enrolled them."),
    ]


def test_a_run_in_heading_is_named_under_the_heading_it_sits_in():
    """Two drugs' "**Mechanism.**" were one section "Mechanism", and the drugs' headings were lost; each is now the
    section "3.1 Nusinersen › Mechanism" (the document's title, "#", names none)."""
    text = (
        "# Therapies\n\n**Scope.** Two drugs are approved [1].\n\n## 3. Approved therapies\n\n### 3.1 Nusinersen\n\n"
        "**Mechanism.** Nusinersen is an antisense oligonucleotide [1].\n\n**Delivery.** It is given intrathecally"
        " [1].\n\n### 3.2 Risdiplam\n\n**Mechanism.** Risdiplam modifies SMN2 splicing [2].\n\n"
        "__Table 2\\.__ Doses by age [2].\n" + REFS  # Pandoc's escaped full stop: a caption's label, no heading
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Scope", "Two drugs are approved."),
        ("3.1 Nusinersen › Mechanism", "Nusinersen is an antisense oligonucleotide."),
        ("3.1 Nusinersen › Delivery", "It is given intrathecally."),
        ("3.2 Risdiplam › Mechanism", "Risdiplam modifies SMN2 splicing."),
        ("3.2 Risdiplam › Mechanism", "Table 2. Doses by age."),
    ]


def test_a_bold_phrase_on_a_line_of_its_own_heads_what_follows():
    """ "**A genomic breakthrough.**" over bullets or a paragraph heads them, as it would run into the text;
    a bold sentence with an auxiliary on its own line stays a claim."""
    text = (
        "## Mechanisms\n\nThe target is a channel [1].\n\n**A genomic breakthrough.**\n- One locus was found [2].\n"
        "- It holds cky-1 [3].\n\n**Resistance is now common.**\n\nFarms report it [3].\n" + REFS
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Mechanisms", "The target is a channel."),
        ("Mechanisms › A genomic breakthrough", "One locus was found."),
        ("Mechanisms › A genomic breakthrough", "It holds cky-1."),
        ("Mechanisms › A genomic breakthrough", "Resistance is now common."),
        ("Mechanisms › A genomic breakthrough", "Farms report it."),
    ]


def test_a_numbered_items_bold_lead_in_is_no_run_in_heading():
    """ "1. **Altered target.** Sequencing ..." right under its lead-in: the item's "1." ends no sentence, so
    the lead-in stays whole, the items stay items, and the paragraph after the list keeps its section."""
    text = (
        "## Mechanisms\n\nThe hypotheses tested are:\n1. **Altered target (β-tubulin).** Sequencing found nothing"
        " [1].\n2. **Reduced uptake.** Flukes took up less drug [2].\n\nThe locus is dominant [3].\n\n## References\n\n"
        + "\n".join(f"{n}. Doe J. Title {n}. J Med. 2020;1:{n}." for n in range(1, 4))
    )
    assert [(s.section, s.text, s.citations, s.context) for s in parse_document(text, "t.md").statements] == [
        ("Mechanisms", "Altered target (β-tubulin). Sequencing found nothing.", (1,), "The hypotheses tested are:"),
        ("Mechanisms", "Reduced uptake. Flukes took up less drug.", (2,), "The hypotheses tested are:"),
        ("Mechanisms", "The locus is dominant.", (3,), ""),
    ]


def test_an_items_bold_label_stays_with_its_claim():
    """ "- **Monitoring.** Regular bioassays ... [7]": the label names what the claim is about; alone it would
    be an uncited statement that claims nothing.  A bold sentence ("**It is odd.**") is no label."""
    text = (
        "## Management\n\n- **Monitoring.** Regular bioassays catch kdr early [1]. Genotyping helps too [2].\n"
        "- __Biological control.__ Parasitoids reduce adults [3].\n- **It is odd.** Flies vary [1].\n" + REFS
    )
    assert _statements(text) == [
        ("Monitoring. Regular bioassays catch kdr early.", (1,)),
        ("Genotyping helps too.", (2,)),
        ("Biological control. Parasitoids reduce adults.", (3,)),
        ("It is odd.", ()),
        ("Flies vary.", (1,)),
    ]


def test_ref_prefixed_markers_cite():
    text = "## Background\n\nTEM-1 is common (ref. 3). BLNAR rose in Japan (refs. 4, 5). It spread [refs 6-8].\n" + REFS
    assert _statements(text) == [
        ("TEM-1 is common.", (3,)),
        ("BLNAR rose in Japan.", (4, 5)),
        ("It spread.", (6, 7, 8)),
    ]


def test_a_newsletters_colon_headings_and_dashed_sources():
    """Plain text pasted from a newsletter: "Why Vasopressors Stop Working:" alone on its line heads a section
    (a sentence that leads into a list is no heading, and no claim), and "Sources:" lists "1 - Author ..."
    entries."""
    text = (
        "Refractory Septic Shock: When Vasopressors Fail\n\nFew situations are as alarming as falling pressure.\n\n"
        "Why Vasopressors Stop Working:\n\nReceptors desensitise in sepsis (1). Nitric oxide relaxes vessels (2).\n\n"
        "The main options are these:\n\nVasopressin spares catecholamines (1,2).\n\nSources:\n"
        "1 - Russell JA, Walley KR. Vasopressin versus norepinephrine infusion in septic shock. N Engl J Med."
        " 2008;358:877-887.\n2 - Khanna A, English SW. Angiotensin II for the treatment of vasodilatory shock. N Engl"
        " J Med. 2017;377:419-430.\n"
    )
    doc = parse_document(text, "t.txt")
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("Overview", "Few situations are as alarming as falling pressure.", ()),
        ("Why Vasopressors Stop Working", "Receptors desensitise in sepsis.", (1,)),
        ("Why Vasopressors Stop Working", "Nitric oxide relaxes vessels.", (2,)),
        ("Why Vasopressors Stop Working", "Vasopressin spares catecholamines.", (1, 2)),
    ]
    assert [r.journal for r in doc.references.values()] == ["N Engl J Med", "N Engl J Med"]


def test_a_numbered_heading_that_continues_the_numbering_is_a_heading():
    """ "8 Management with multisite fungicides and biologicals" after "7.2 Spain", over a first line of text
    hardly wider than it: the numbering says it is a heading."""
    body = (
        "1 Introduction\nPowdery mildew is the main disease of cucurbits grown in greenhouses and in the\nopen"
        " field [1].\n\n7.2 Spain\nIn Spain, resistance to QoI fungicides was found in nearly all of the\n"
        "populations that were sampled [2].\n\n8 Management with multisite fungicides and biologicals\n"
        "FRAC guidelines recommend that single-site fungicides be applied in\nalternation with other modes [3].\n"
    )
    doc = parse_document(body + REFS.replace("## References", "References"), "t.txt")
    assert [s.section for s in doc.statements] == [
        "1 Introduction",
        "7.2 Spain",
        "8 Management with multisite fungicides and biologicals",
    ]


@pytest.mark.parametrize("heading", ["REFERENCES", "3. References"])
def test_a_wrapped_entry_whose_number_follows_the_headings_is_an_entry(heading):
    """Under the reference heading, "3. Doe J, Roe K. Pumps in tumour" over its wrapped rest is entry 3, not a
    heading that continues "1. INTRODUCTION", "2. MECHANISMS" (or "3. References")."""
    body = (
        "Drug resistance in tumours\n\n1. INTRODUCTION\n\nPumps export the drug.[1]\n\n2. MECHANISMS\n\n"
        "Targets mutate.[2] Others do not.[3] Some cells sleep.[4]\n\n"
    )
    entries = "\n".join(f"{n}. Doe J, Roe K. Pumps in tumour\n   line {n}. J Med. 2020;1:{n}." for n in range(1, 5))
    doc = parse_document(f"{body}{heading}\n\n{entries}\n", "t.txt")
    assert list(doc.references) == [1, 2, 3, 4]
    assert [r.title for r in doc.references.values()] == [f"Pumps in tumour line {n}" for n in range(1, 5)]
    assert [s.section for s in doc.statements] == ["1. INTRODUCTION"] + ["2. MECHANISMS"] * 3
    assert not doc.warnings


def test_a_posts_date_line_and_a_newsletters_sign_off_are_no_claims():
    text = (
        "# When the Virus Fights Back\n\nPosted on March 3, 2025 · 9 min read\n\n## Mpro mutations\n\n"
        "E166V lowers nirmatrelvir activity.[^1]\n\nThanks for reading! Subscribe for free to receive new posts.\n\n"
        "[^1]: Iketani S, et al. Multiple pathways for SARS-CoV-2 resistance to nirmatrelvir. Nature. 2023;613:558-564.\n"
    )
    assert [s.text for s in parse_document(text, "t.md").statements] == ["E166V lowers nirmatrelvir activity."]


def test_a_pdfs_keyword_line_and_first_page_footnote_are_no_claims():
    text = (
        "Powdery mildew in cucurbits\n\nAbstract\nPowdery mildew is the main foliar disease of cucurbits"
        " worldwide.\nKeywords: Podosphaera xanthii; cucurbits; QoI;\nresistance management\n\n1 Introduction\n"
        "Cucurbits are widely grown vegetable crops, and the disease limits their yield [1].\n\n"
        "* Corresponding author: lm.ortega@uma.es (L.M. Ortega-Ruiz)\n© 2024 The Authors. Published by Elsevier"
        " Ltd. This is an open access\narticle under the CC BY license.\n\nFungicides are sprayed often [2].\n"
        + REFS.replace("## References", "References")
    )
    assert [s.text for s in parse_document(text, "t.txt").statements] == [
        "Powdery mildew is the main foliar disease of cucurbits worldwide.",
        "Cucurbits are widely grown vegetable crops, and the disease limits their yield.",
        "Fungicides are sprayed often.",
    ]


def test_a_sentence_case_heading_ends_where_its_first_word_heads_a_compound():
    text = (
        "Daratumumab fails in time.[1] ### Complement inhibitors CD55 and CD59 Complement-mediated killing is"
        " restrained by CD55.[2] ### References 1. Title 1. Doe J. J Med. 2020;1:1. 2. Title 2. Doe J. J Med."
        " 2020;1:2."
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Overview", "Daratumumab fails in time."),
        ("Complement inhibitors CD55 and CD59", "Complement-mediated killing is restrained by CD55."),
    ]


def test_a_word_processors_numbered_top_headings_and_endnotes():
    """ "# 1 Introduction" is a section, not the title, and "# Endnotes" is the reference list."""
    text = (
        "Scabies treatment failure: is it resistance?\n\n# 1 Introduction\n\nScabies is common [1].\n\n"
        "# 2 Evidence\n\nMites survive permethrin [2].\n\n# Endnotes\n\n"
        "1. Romani, L., & Kaldor, J. M. (2015). Prevalence of scabies. _The Lancet_, 15(8), 960–967.\n"
        "2. Walton, S. F. (2007). Problems in diagnosing scabies. _Clinical Microbiology Reviews_, 20(2), 268–279.\n"
    )
    document = parse_document(text, "t.md")
    assert document.title == "" and not document.warnings
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("1 Introduction", "Scabies is common.", (1,)),
        ("2 Evidence", "Mites survive permethrin.", (2,)),
    ]
    assert document.references[2].title == "Problems in diagnosing scabies"


def test_a_numbered_bold_line_of_up_to_sixteen_words_is_a_heading():
    text = (
        "**1. Introduction**\n\nOesophageal cancer is lethal [1].\n\n"
        "**2. Clinical context: CROSS and the meaning of pathological complete response**\n\n"
        "The CROSS trial randomised 368 patients [2].\n\n" + REFS
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("1. Introduction", "Oesophageal cancer is lethal."),
        (
            "2. Clinical context: CROSS and the meaning of pathological complete response",
            "The CROSS trial randomised 368 patients.",
        ),
    ]


def test_a_notion_callout_box_goes_and_its_text_stays():
    text = (
        "# Dupilumab failure\n\nCreated: November 12, 2026 3:14 PM\nTags: dermatology\n\n<aside>\n"
        "💡 One in three adults responds poorly [1].\n</aside>\n\n## Introduction\n\nDupilumab blocks IL-4 [2].\n"
        + REFS
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Overview", "One in three adults responds poorly."),  # the callout's emoji is no word
        ("Introduction", "Dupilumab blocks IL-4."),
    ]


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Elena M. Varga, Tomás R. Okafor, Hiroshi Kanda, Priya Natarajan", True),
        ("Hiroshi Kanda, Priya Natarajan and Ana Souza", True),
        # Two names with no initial and no mark, or a sentence's full stop, say too little.
        ("Hiroshi Kanda and Priya Natarajan", False),
        ("Elena M. Varga and Tomás R. Okafor.", False),
        # A web page's "By ..." line, with a date or a role after a bar or a dot, is one too.
        ("By Jane Doe | 3 March 2025", True),
        ("By Ana Ruiz and Tom Lee · Updated 4 May 2024", True),
        ("By contrast, BCG fails in half.", False),
        # The BMJ's: each author with a role ("Rebecca Thornhill, consultant allergist; Ajay Menon, ...").
        (
            "**Rebecca Thornhill, consultant allergist; Ajay Menon, general practitioner; Louise Carrow, pharmacist**",
            True,
        ),
        ("Rebecca Thornhill, consultant allergist", True),
        ("Intravesical BCG, the standard of care, fails in half", False),
    ],
)
def test_a_byline_of_names_under_a_title_is_no_claim(line, byline):
    text = f"# BCG failure in bladder cancer\n\n{line}\n\n## Introduction\n\nBCG fails in 40% [1].\n" + REFS
    texts = [s.text for s in parse_document(text, "t.md").statements]
    assert texts == (["BCG fails in 40%."] if byline else [line, "BCG fails in 40%."])


@pytest.mark.parametrize("marks", ["***{}***", "___{}___", "**_{}_**", "__*{}*__", "_**{}**_", "*__{}__*"])
def test_a_bold_line_in_italics_too_is_a_heading(marks):
    text = "\n\n".join(
        ["# Colistin", marks.format("Mechanisms"), "Lipid A is modified [1].", marks.format("Plasmid spread")]
        + ["The mcr-1 gene spreads [2].", marks.format("References"), "1. Doe J. Title one. J Med. 2020;1:1."]
        + ["2. Roe K, Kim S. Title two. J Med. 2021;2:2."]
    )
    document = parse_document(text, "t.md")
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Mechanisms", "Lipid A is modified.", (1,)),
        ("Plasmid spread", "The mcr-1 gene spreads.", (2,)),
    ]
    assert sorted(document.references) == [1, 2]


def test_marks_that_do_not_close_in_reverse_order_are_no_bold_italic_heading():
    text = "# Colistin\n\n***Mechanisms_**\n\nLipid A is modified [1].\n" + REFS
    assert [s.section for s in parse_document(text, "t.md").statements] == ["Overview", "Overview"]


def test_a_heading_typed_without_a_space_after_its_marks():
    text = "# Colistin\n\n##Mechanisms\n\nLipid A is modified [1].\n\n###2. Plasmid spread\n\nThe mcr-1 gene spreads [1].\n"
    document = parse_document(text + "\n#review #amr\n" + REFS.replace("## References", "##References"), "t.md")
    assert [(s.section, s.text) for s in document.statements] == [
        ("Mechanisms", "Lipid A is modified."),
        ("2. Plasmid spread", "The mcr-1 gene spreads."),
    ]
    assert sorted(document.references) == list(range(1, 10))


def test_a_bold_line_holding_a_name_in_italics_is_a_heading():
    """Here the document's first line over a "#" heading: its title (``test_a_bold_first_line_over_hashed_...``)."""
    text = "**Echinocandin resistance in *Candida glabrata*: key points**\n\nFKS mutations cause it [1].\n" + REFS
    document = parse_document(text, "t.md")
    assert document.title == "Echinocandin resistance in Candida glabrata: key points"
    assert [(s.section, s.text) for s in document.statements] == [("Overview", "FKS mutations cause it.")]
    text = "# Echinocandins\n\n" + text
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Echinocandin resistance in Candida glabrata: key points", "FKS mutations cause it."),
    ]


def test_a_pdf_front_page_gives_a_title_and_no_claims():
    text = (
        "Mechanisms of Resistance to PARP Inhibitors in Ovarian Cancer: A Review of Twenty Years\n\n"
        "Helena M. Varga 1, Tomasz R. Olejnik 2, and Priya S. Raman 1,2\n"
        "1 Department of Gynecologic Oncology, Northbridge University Medical Center,\nLeeds, UK\n"
        "Correspondence: p.raman@example.ac.uk\n\nAbstract\n\nMost patients eventually progress.\n\n"
        "Keywords: PARP inhibitor; olaparib; BRCA reversion;\ndrug resistance; ovarian cancer\n\n"
        "1. INTRODUCTION\n\nReversions restore BRCA2 [1].\n" + REFS.replace("## References", "REFERENCES")
    )
    document = parse_document(text, "t.txt")
    assert document.title.startswith("Mechanisms of Resistance to PARP Inhibitors")
    assert [(s.section, s.text) for s in document.statements] == [
        ("Abstract", "Most patients eventually progress."),
        ("1. INTRODUCTION", "Reversions restore BRCA2."),
    ]


@pytest.mark.parametrize("kind", ["", "Review\n"])
def test_a_journals_first_page_in_one_paragraph_gives_a_title_and_no_claims(kind):
    """A PDF's first page copied as one paragraph: the article's kind, the title wrapped after its colon, the
    authors, the journal's line, the DOI, affiliations and an e-mail address. None of it is a claim."""
    text = (
        f"{kind}Insecticide resistance in Anopheles malaria vectors:\nmechanisms, consequences, and management\n"
        "Amina K Diallo, Thomas R Whitfield\nLancet Infect Dis 2024; 24: e210–22\n"
        "https://doi.org/10.1016/S1473-3099(23)00512-4\nDepartment of Vector Biology, Liverpool,\n"
        "Lisbon, Portugal (P M Silva PhD)\namina.diallo@lstmed.ac.uk\n\nSummary\nNets still work in Africa.[1]"
        " Resistance is spreading among mosquitoes.[2]" + PLAIN_REFS
    )
    document = parse_document(text, "t.txt")
    assert (
        document.title
        == "Insecticide resistance in Anopheles malaria vectors: mechanisms, consequences, and management"
    )
    assert [(s.section, s.text) for s in document.statements] == [
        ("Summary", "Nets still work in Africa."),
        ("Summary", "Resistance is spreading among mosquitoes."),
    ]


@pytest.mark.parametrize(
    ("paragraph", "statement"),
    [
        (
            "The trial data are public\nat the journal site\nhttps://doi.org/10.1/x\nfor all readers [1].",
            "The trial data are public at the journal site https://doi.org/10.1/x for all readers.",
        ),
        (
            "The code is available from the\nrepository that Doe and colleagues describe\nhttps://doi.org/10.1/x",
            "The code is available from the repository that Doe and colleagues describe https://doi.org/10.1/x",
        ),
    ],
)
def test_a_wrapped_sentence_with_a_doi_is_a_claim(paragraph, statement):
    """A DOI line in a paragraph does not make it a journal's first page."""
    assert [s for s, _ in _statements(f"# Nets\n\nNets work [2].\n\n{paragraph}\n" + REFS)] == [
        "Nets work.",
        statement,
    ]


def test_a_plain_text_table_gives_one_statement_per_row_with_its_own_reference():
    table = (
        "Mechanism              Gene(s)             Frequency      Ref.\n"
        "BRCA reversion         BRCA1, BRCA2        18%            [1]\n"
        "Drug efflux            ABCB1               8%             [2]\n"
    )
    assert _statements(f"Reported frequencies of each mechanism:\n\n{table}{REFS}") == [
        ("Mechanism: BRCA reversion; Gene(s): BRCA1, BRCA2; Frequency: 18%", (1,)),
        ("Mechanism: Drug efflux; Gene(s): ABCB1; Frequency: 8%", (2,)),
    ]
    rows = parse_document(f"Reported frequencies of each mechanism:\n\n{table}{REFS}", "t.txt").statements
    assert {s.context for s in rows} == {"Reported frequencies of each mechanism:"}


def test_a_table_row_of_citation_markers_only_is_no_statement():
    # Found by the property test on random markdown: such a row gave a statement with no text.
    piped = "Intro claim here [2].\n\n| Gene | Ref |\n|---|---|\n| [1] | [1] |\n| TP53 | [2] |\n"
    assert _statements(f"{piped}{REFS}") == [("Intro claim here.", (2,)), ("Gene: TP53", (2,))]
    plain = "Intro claim here [2].\n\nGene     Ref\n[1]      [1]\nTP53     [2]\n"
    assert _statements(f"{plain}{REFS}") == [("Intro claim here.", (2,)), ("Gene: TP53", (2,))]


def test_double_spaces_in_prose_are_no_table():
    prose = "A rises in cells.  B falls then.\nIt was seen twice.  C is flat.\nNo one knows why.  D is unknown [1].\n"
    assert [t for t, _ in _statements(prose + REFS)] == [
        "A rises in cells.",
        "B falls then.",
        "It was seen twice.",
        "C is flat.",
        "No one knows why.",
        "D is unknown.",
    ]


def test_a_word_processors_typography_is_not_text():
    """Soft hyphens, ligatures and non-breaking hyphens; Pandoc's escapes, superscripts and image sizes."""
    text = (
        "Optimising lympho\u00addepletion helps in the \ufb01rst year with 4\u20111BB [1].\n\n"
        '![Figure 1. Timeline](media/image1.png){width="6.2in" height="3.1in"}\n\n'
        "Cells with low CD19 (\\<2,000 per cell) escape at 10^6^ cells per kg, as H~2~O does [2].\n"
    )
    assert _statements(text + REFS) == [
        ("Optimising lymphodepletion helps in the first year with 4-1BB.", (1,)),
        ("Cells with low CD19 (<2,000 per cell) escape at 10⁶ cells per kg, as H₂O does.", (2,)),
    ]


def test_a_pandoc_grid_table_gives_one_statement_per_row():
    table = (
        "+------------------+-----------------------+----------+\n"
        "| Mechanism        | Main evidence         | Refs     |\n"
        "+==================+=======================+==========+\n"
        "| CD19 exon 2      | Truncated CD19        | \\[1,2\\] |\n"
        "| mutations        | retained in the cell  |          |\n"
        "+------------------+-----------------------+----------+\n"
        "| Lineage switch   | Myeloid relapse       | [3]      |\n"
        "+------------------+-----------------------+----------+\n"
    )
    assert _statements(table + REFS) == [
        ("Mechanism: CD19 exon 2 mutations; Main evidence: Truncated CD19 retained in the cell", (1, 2)),
        ("Mechanism: Lineage switch; Main evidence: Myeloid relapse", (3,)),
    ]


def test_a_notes_apps_markup_obsidian():
    """Callouts, wiki links, embeds, tags, comments, highlights, struck text and tasks."""
    text = (
        "#cll #resistance\n\n> [!note] Key point\n> Most relapses carry a BTK C481 mutation [1].\n\n"
        "Covalent [[BTK inhibitors]] bind C481, while [[Venetoclax|venetoclax]] targets BCL2 [2].\n\n"
        "![[figure-1.png]]\n\n"
        "Stopping was common [1]. %% reviewer: also see [3] %% Progression is rarer in #cll [1].\n\n"
        "In one cohort ==85% of relapses== had mutations [2]. ~~C481S never follows zanubrutinib.~~ "
        "C481S follows acalabrutinib [3].\n\n"
        "- [ ] verify frequency of T474I\n- [x] add refs\n- [x] Pirtobrutinib was approved in 2023 [3].\n"
    )
    assert _statements(text + REFS) == [
        ("Most relapses carry a BTK C481 mutation.", (1,)),
        ("Covalent BTK inhibitors bind C481, while venetoclax targets BCL2.", (2,)),
        ("Stopping was common.", (1,)),
        ("Progression is rarer in cll.", (1,)),
        ("In one cohort 85% of relapses had mutations.", (2,)),
        ("C481S follows acalabrutinib.", (3,)),
        ("Pirtobrutinib was approved in 2023.", (3,)),
    ]


def test_a_word_processors_paste_one_line_per_paragraph():
    """No blank line between paragraphs: each long line is one; headings, a tab table, IEEE habits."""
    long = "Phage resistance arises quickly in most bacterial cultures exposed to a single phage in the laboratory"
    text = (
        "Mechanisms of Bacterial Resistance to Bacteriophage Therapy: A Review\n"
        "Index Terms—Phage therapy, receptor loss, restriction-modification, CRISPR-Cas, abortive infection.\n"
        "I. INTRODUCTION\n"
        f"{long} [1]. It is usually measured as defined in Eq. (1) as the ratio of titres on two strains [2].\n"
        "A. Receptor loss\n"
        f"{long}, and three classes have been described [2]: (i) point mutations, (ii) deletions, and (iii) "
        "regulatory changes. As shown in [1], LPS mutations arose in 18 of 20 cultures within one day of exposure.\n"
        "Species\tPhage\tRef.\nE. coli\tT4\t[1]\nE. coli\tλ\t[2]\n"
        "ACKNOWLEDGMENT\n"
        "The authors thank the members of the laboratory for helpful discussions and the reviewers for comments.\n"
        "REFERENCES\n[1] A. Roe and C. Poe, “Phage resistance in the clinic and the laboratory,” Nat. Commun.,"
        " vol. 13, no. 1, Art. no. 4457, 2022.\n"
        "[2] B. Doe and D. Moe, “Receptor loss and receptor masking in Gram-negative bacteria,” Sci. Rep., vol. 6,"
        " pp. 1–9, 2016.\n"
    )
    document = parse_document(text, "t.txt")
    assert document.title.startswith("Mechanisms of Bacterial Resistance")
    assert [(s.section, s.text[:40], s.citations) for s in document.statements] == [
        ("I. INTRODUCTION", long[:40], (1,)),
        ("I. INTRODUCTION", "It is usually measured as defined in Eq.", (2,)),
        ("A. Receptor loss", long[:40], (2,)),
        ("A. Receptor loss", "As shown in, LPS mutations arose in 18 o", (1,)),
        ("A. Receptor loss", "Species: E. coli; Phage: T4", (1,)),
        ("A. Receptor loss", "Species: E. coli; Phage: λ", (2,)),
    ]
    assert document.statements[2].text.endswith("(iii) regulatory changes.")
    assert (document.references[1].volume, document.references[1].issue) == ("13", "1")  # not "Art. no."


def test_a_google_docs_export():
    """Escaped list numbers, comment anchors and their list, lettered and roman items, a cell break."""
    text = (
        "# KRAS G12C resistance\n\n## 1\\. Bypass\n\nBypass routes include [3]:\n\n"
        "1. upstream kinases [1]:\n    a. oncogenic fusions of ALK and RET [2];\n"
        "        i. NF1 loss raises RAS-GTP [2];\n        ii. PTEN loss activates AKT [3].\n\n"
        "In lung cancer lines the feedback is weaker[a] [1].\n\n"
        "| Mechanism | Example | Ref |\n|---|---|---|\n| In trans | G12D<br>G12V | [2] |\n| Bypass | MET | [3] |\n\n"
        "**References**\n\n1\\. Skoulidis F, Li BT. Sotorasib for lung cancers. N Engl J Med. 2021;384(25):2371-81.\n"
        "2\\. Awad MM. Acquired resistance. J Clin Oncol. 2022;40(16\\_suppl):102.\n"
        "3\\. Zhao Y. Diverse alterations. Nature. 2021;599:679-83.\n\n"
        "[a]Jane Doe: please check whether this holds for all lung cancer lines\n"
    )
    document = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Bypass routes include", (3,)),
        ("upstream kinases", (1,)),
        ("oncogenic fusions of ALK and RET", (2,)),
        ("NF1 loss raises RAS-GTP", (2,)),
        ("PTEN loss activates AKT.", (3,)),
        ("In lung cancer lines the feedback is weaker.", (1,)),
        ("Mechanism: In trans; Example: G12D G12V", (2,)),
        ("Mechanism: Bypass; Example: MET", (3,)),
    ]
    assert sorted(document.references) == [1, 2, 3] and not document.warnings
    assert document.references[2].issue == "16_suppl"


def test_a_preprints_line_numbers_wrapped_header_and_headings_right_above_their_text():
    header = (
        "bioRxiv preprint doi: https://doi.org/10.1101/2024.05.01.592000; this version posted May 3, 2024.\n"
        "(which was not certified by peer review) is the author/funder. All rights reserved.\n"
    )
    body = [
        "Pathways to integrase inhibitor resistance in HIV-1: mechanisms,",
        "fitness costs and clinical implications",
        "",
        "Introduction",
        "More than 29 million people were receiving antiretroviral therapy at the end of",
        "2022, and the number continues to grow [1]. Resistance to the first-",
        "generation agents arises through three main pathways [2].",
        "",
        "Results and Discussion",
        "The Q148 pathway",
        "Substitutions at glutamine 148 cause the biggest loss of raltegravir susceptibility",
        "[1]. Raltegravir and dolutegravir share the",
        "same two-metal-binding pharmacophore [2].",
    ]
    lines = [f"{n} {line}".rstrip() for n, line in enumerate(body, 1)]
    refs = "\nReferences\n\n1. Title 1. Doe J. J Med. 2020;1:1.\n2. Title 2. Roe K. J Med. 2021;2:2.\n"
    text = header + "\n".join(lines[:12]) + "\n" + header + lines[12] + "\n" + header + refs
    document = parse_document(text, "preprint.txt")
    assert (
        document.title
        == "Pathways to integrase inhibitor resistance in HIV-1: mechanisms, fitness costs and clinical implications"
    )
    assert [(s.section, s.text[:50], s.citations) for s in document.statements] == [
        ("Introduction", "More than 29 million people were receiving antiret", (1,)),
        ("Introduction", "Resistance to the first-generation agents arises t", (2,)),
        ("The Q148 pathway", "Substitutions at glutamine 148 cause the biggest l", (1,)),
        ("The Q148 pathway", "Raltegravir and dolutegravir share the same two-me", (2,)),
    ]


@pytest.mark.parametrize(
    ("first", "second", "title"),
    [
        (
            "Mechanisms of",
            "Colistin Resistance in Enterobacterales",
            "Mechanisms of Colistin Resistance in Enterobacterales",
        ),
        ("Vaccine Hesitancy: Determinants and Interventions", "A Literature Review", None),
    ],
)
def test_a_plain_text_title_wrapped_after_a_word_no_title_ends_in(first, second, title):
    """A title wrapped after "of", "to", "and" ... is one title; it read "Mechanisms of — Colistin ...", as if the
    second line were a subtitle. A subtitle under a whole title stays one."""
    text = f"{first}\n{second}\n\nIntroduction\n\nColistin binds lipid A [1].\n\n" + REFS.replace(
        "## References", "References"
    )
    assert parse_document(text, "t.txt").title == (title or f"{first} — {second}")


def test_a_heading_right_above_a_parenthetical_note():
    """ "TRANSCRIPT" over "(Machine transcript, ...)": the note opens with a bracket, its heading still
    titles what follows instead of running into it."""
    text = (
        "Pathogen Pod\n\nSHOW NOTES\n\nMaya talks to Dr. Keller about vaccine failures [1].\n\n"
        "TRANSCRIPT\n(Machine transcript, lightly edited for readability. Timestamps are approximate.)\n\n"
        "Breakthrough infections are rare but real [2].\n\nReferences\n\n"
        "1. Title 1. Doe J. J Med. 2020;1:1.\n2. Title 2. Roe K. J Med. 2021;2:2.\n"
    )
    assert [(s.section, s.text, s.citations) for s in parse_document(text, "pod.txt").statements] == [
        ("SHOW NOTES", "Maya talks to Dr. Keller about vaccine failures.", (1,)),
        ("TRANSCRIPT", "(Machine transcript, lightly edited for readability. Timestamps are approximate.)", ()),
        ("TRANSCRIPT", "Breakthrough infections are rare but real.", (2,)),
    ]


def test_affiliations_and_the_corresponding_author_are_no_claims():
    text = (
        "# INSTI resistance\n\n1 Department of Molecular Virology, University of Northbridge, UK\n"
        "3 Division of Infectious Diseases, St. Columba Hospital, Dublin, Ireland\n\n"
        "*Corresponding author: Daniel J. Ferreira, daniel.ferreira@example.ie\n\n"
        "The Department of Health reported rising resistance [1].\n" + REFS
    )
    assert _statements(text) == [("The Department of Health reported rising resistance.", (1,))]


@pytest.mark.parametrize(
    "byline",
    [
        "Laura M. Bertolini<sup>1</sup>, Rajesh K. Venkataraman<sup>2</sup> and Heather J. O'Donnell<sup>1,*</sup>",
        "Maria T. Okonkwo¹, James R. Holloway², Sokha Chea³ & Ingrid Lindqvist¹,⁴",
        "Anne-Marie van der Berg^1^ and José Núñez^2^",
        # Wrapped, as Pandoc's markdown writer wraps a paragraph, with a name broken over the line end.
        "Laura M. Bertolini<sup>1</sup>, Rajesh K. Venkataraman<sup>2</sup> and Heather\nJ. O'Donnell<sup>1,*</sup>",
        "Maria T. Okonkwo¹, James R.\nHolloway², Sokha Chea³ & Ingrid Lindqvist¹,⁴",
    ],
)
def test_an_author_line_with_affiliation_marks_is_no_claim(byline):
    text = (
        f"# Herbicide resistance\n\n{byline}\n\n"
        "<sup>1</sup> Department of Agronomy, University of Western Plains, Lincoln, NE, USA\n"
        "<sup>2</sup> School of Agriculture, Coastal University, Brisbane, Australia\n\n"
        "¹Centre for Tropical Medicine, University of Oxford, Oxford, UK. ²Department of Epidemiology, London, UK.\n\n"
        "\\* Correspondence: h.odonnell@uwp.edu\n\ne-mail: maria.okonkwo@example.org\n\n"
        "Glyphosate resistance was first reported in 1996 (1). Ryegrass resisted it (2). "
        "Uptake was traced with <sup>31</sup>P NMR (3).\n" + REFS
    )
    assert _statements(text) == [
        ("Glyphosate resistance was first reported in 1996.", (1,)),
        ("Ryegrass resisted it.", (2,)),
        ("Uptake was traced with ³¹P NMR.", (3,)),
    ]


def test_a_sentence_in_title_case_names_is_still_a_claim():
    text = f"Maria Okonkwo and James Holloway found resistance¹ in Rwanda. Kelch13 mutations² rose.{REFS}"
    assert _statements(text) == [
        ("Maria Okonkwo and James Holloway found resistance in Rwanda.", (1,)),
        ("Kelch13 mutations rose.", (2,)),
    ]


def test_a_journal_web_pages_copy_title_table_caption_and_markers_after_symbols():
    title = (
        "Artemisinin and partner-drug resistance in Plasmodium falciparum malaria: mechanisms, spread and surveillance"
    )
    text = (
        f"{title}\n\nMaria T. Okonkwo¹ & Sokha Chea²\n\nIntroduction\n\n"
        "The dominant allele is C580Y,¹ whereas R539T and I543T² confer the highest survival.\n\n"
        "Table 1 | Combinations and their markers\n"
        "Partner drug    Combination                       Marker\n"
        "Lumefantrine    artemether–lumefantrine           pfmdr1 N86\n"
        "Piperaquine     dihydroartemisinin–piperaquine    plasmepsin 2/3\n"
        + REFS.replace("## References", "References")
    )
    document = parse_document(text, "t.txt")
    assert document.title == title
    assert [(s.text, s.citations) for s in document.statements] == [
        ("The dominant allele is C580Y", (1,)),
        ("whereas R539T and I543T confer the highest survival.", (2,)),
        ("Partner drug: Lumefantrine; Combination: artemether–lumefantrine; Marker: pfmdr1 N86", ()),
        ("Partner drug: Piperaquine; Combination: dihydroartemisinin–piperaquine; Marker: plasmepsin 2/3", ()),
    ]
    assert document.statements[-1].context == "Table 1 | Combinations and their markers"


WIKIPEDIA = """Antimicrobial resistance in Neisseria gonorrhoeae

From Wikipedia, the free encyclopedia

This article is about drug resistance in the gonococcus. For the infection itself, see Gonorrhea.

Resistance in Neisseria gonorrhoeae now spans every class of drug used against it.[1][2]

Contents
hide
(Top)
1 History
Toggle History subsection
1.1 Penicillin
2 Mechanisms
2.1 penA

History[edit]

Penicillin[edit]
Penicillinase-producing strains appeared in 1976,[1]: 594–595 while chromosomal resistance rose slowly.[2]:12[3]
The tetM plasmid spread widely.[3][citation needed] Surveillance began in 1986.[2][note 1]

penA[edit]
Mosaic penA alleles lower ceftriaxone susceptibility.[3]: 45
See also[edit]
Antimicrobial resistance
Gonorrhea

Notes[edit]
a. ^ The tetM plasmid mobilises other plasmids.

References[edit]
1. ^ a b Unemo M, Shafer WM (July 2014). "Antimicrobial resistance in Neisseria gonorrhoeae in the 21st century". Clinical Microbiology Reviews. 27 (3): 587–613. doi:10.1128/CMR.00010-14. PMC 4135894. PMID 24982323.
2. ^ a b c "Gonococcal infections". World Health Organization. 11 July 2023. Retrieved 12 May 2023.
3. ^ Spratt BG (March 1988). "Hybrid penicillin-binding proteins". Nature. 332 (6160): 173–176. Bibcode:1988Natur.332..173S.

External links[edit]
"Gonorrhea – CDC Detailed Fact Sheet". Centers for Disease Control and Prevention.
v t e
Retrieved from "https://en.wikipedia.org/w/index.php?title=X&oldid=1"
Categories: Antimicrobial resistance | Gonorrhea
This page was last edited on 3 March 2024, at 10:15 (UTC).
"""


def test_a_wikipedia_page_copied_whole():
    document = parse_document(WIKIPEDIA, "wiki.txt")
    assert document.title == "Antimicrobial resistance in Neisseria gonorrhoeae"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Resistance in Neisseria gonorrhoeae now spans every class of drug used against it.", (1, 2)),
        ("Penicillin", "Penicillinase-producing strains appeared in 1976", (1,)),
        ("Penicillin", "while chromosomal resistance rose slowly.", (2, 3)),
        ("Penicillin", "The tetM plasmid spread widely.", (3,)),
        ("Penicillin", "Surveillance began in 1986.", (2,)),
        ("penA", "Mosaic penA alleles lower ceftriaxone susceptibility.", (3,)),
        ("Notes", "The tetM plasmid mobilises other plasmids.", ()),
    ]
    assert not document.warnings
    first, who, spratt = document.references.values()
    assert (first.authors, first.year, first.journal, first.volume, first.pages) == (
        "Unemo M, Shafer WM",
        2014,
        "Clinical Microbiology Reviews",
        "27",
        "587–613",
    )
    assert who.title == "Gonococcal infections" and spratt.journal == "Nature" and spratt.year == 1988


PMC = """Front Microbiol. 2022; 13: 845632.
Published online 2022 Mar 8. doi: 10.3389/fmicb.2022.845632
PMCID: PMC8950000
PMID: 35356524
Carbapenem Resistance in Acinetobacter baumannii: Mechanisms and Infection Control
Maria K. Lindqvist,1 Daniel R. Osei,2,* and Hiroshi Tanabe1,3
Author information Article notes Copyright and License information PMC Disclaimer
Copyright © 2022 Lindqvist, Osei and Tanabe.
This is an open-access article distributed under the terms of the Creative Commons Attribution License (CC BY).
Go to:
Introduction
Acinetobacter baumannii survives for months on dry hospital surfaces [1].

Table 1
Principal mechanisms of carbapenem resistance.
Mechanism\tMain determinants
Class D carbapenemases\tOXA-23, OXA-24/40
Porin loss\tCarO
Open in a separate window
RND, resistance-nodulation-division.

Figure 1
Outer membrane of A. baumannii.
Open in a separate window

Go to:
Conclusions
OXA-23 dominates worldwide [2].

Go to:
Data Availability Statement
The original contributions are included in the article.

Go to:
References
1. Peleg AY, Seifert H. Acinetobacter baumannii: emergence of a successful pathogen. Clin Microbiol Rev. 2008;21(3):538–582. doi: 10.1128/CMR.00058-07. [PMC free article] [PubMed] [CrossRef] [Google Scholar]
2. Coyne S, Courvalin P. Efflux-mediated resistance in Acinetobacter spp. Antimicrob Agents Chemother. 2011;55(3):947–953. [PubMed] [Google Scholar]

Articles from Frontiers in Microbiology are provided here courtesy of Frontiers Media SA
"""


def test_a_journal_pages_open_in_a_new_tab_line_is_no_claim():
    """PubMed Central's figure link now reads "Open in a new tab" (it was "Open in a separate window"): no statement."""
    text = (
        "# The gut microbiome and checkpoint blockade\n\nOpen in a new tab\n\n## Findings\n\nResponders carried"
        " Akkermansia [1].\n\n**Figure 1.** Taxa enriched in responders.\n\nOpen in a new tab\n" + REFS
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Findings", "Responders carried Akkermansia.")
    ]


@pytest.mark.parametrize("banner", ["Front Microbiol. 2022; 13: 845632.", "Kidney Int Rep. 2023 Jun; 8(6): 1121–1134."])
def test_a_pubmed_central_page_copied_whole(banner):
    """The journal's banner with a page range ("8(6): 1121–1134.") was a claim, and the title and authors under it ran
    together into cited statements ("... Control Maria K. Lindqvist" [1])."""
    document = parse_document(PMC.replace("Front Microbiol. 2022; 13: 845632.", banner), "pmc.txt")
    assert document.title == "Carbapenem Resistance in Acinetobacter baumannii: Mechanisms and Infection Control"
    assert [(s.section, s.text, s.citations, s.context) for s in document.statements] == [
        ("Introduction", "Acinetobacter baumannii survives for months on dry hospital surfaces.", (1,), ""),
        ("Introduction", "Mechanism: Class D carbapenemases; Main determinants: OXA-23, OXA-24/40", (), CAPTION),
        ("Introduction", "Mechanism: Porin loss; Main determinants: CarO", (), CAPTION),
        ("Conclusions", "OXA-23 dominates worldwide.", (2,), ""),
    ]
    assert not document.warnings
    peleg, coyne = document.references.values()
    assert (peleg.journal, peleg.year, peleg.doi) == ("Clin Microbiol Rev", 2008, "10.1128/CMR.00058-07")
    assert (coyne.title, coyne.journal) == (
        "Efflux-mediated resistance in Acinetobacter spp",
        "Antimicrob Agents Chemother",
    )


CAPTION = "Table 1 Principal mechanisms of carbapenem resistance."


def test_a_number_after_a_markers_colon_is_text_unless_it_is_a_page():
    assert _statements(f"Resistance was common [3]: 12 of 20 isolates grew.{REFS}") == [
        ("Resistance was common: 12 of 20 isolates grew.", (3,))
    ]
    assert _statements(f"Resistance was common [3]: 12–14 and rising.{REFS}") == [
        ("Resistance was common and rising.", (3,))
    ]


def test_a_heading_that_asks_a_question_ends_at_its_question_mark():
    """One-line markdown whose headings ask: "## Why did refuges delay resistance? **Refuges** ..."."""
    text = (
        "**Bt resistance spread.** ## Why did refuges delay resistance in China? **Natural refuges**: "
        "Non-Bt host crops diluted resistance alleles.[1] ## What changes in the cadherin gene? Deletions "
        "knock out the receptor.[2] ### References 1. Doe J. Title one. J Med. 2020;1:1. 2. Roe K. Title "
        "two. J Med. 2021;2:2."
    )
    document = parse_document(text, "t.md")
    assert document.sections[1:] == ("Why did refuges delay resistance in China?", "What changes in the cadherin gene?")
    assert [(s.section[:3], s.text, s.citations) for s in document.statements[1:]] == [
        ("Why", "Natural refuges: Non-Bt host crops diluted resistance alleles.", (1,)),
        ("Wha", "Deletions knock out the receptor.", (2,)),
    ]


def test_entries_numbered_with_a_bracket_and_a_full_stop_are_a_reference_list():
    text = (
        "Venetoclax Resistance\n\nIntroduction\n\nBCL2 G101V lowers venetoclax binding [1]. MCL1 rises [2].\n\n"
        "References\n[1]. Blombery P, Anderson MA. Acquisition of G101V. Cancer Discov. 2019;9(3):342-353.\n"
        "[2]. Guièze R, Liu VM. Mitochondrial reprogramming. Cancer Cell. 2019;36(4):369-384.\n"
    )
    document = parse_document(text, "cll.txt")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("BCL2 G101V lowers venetoclax binding.", (1,)),
        ("MCL1 rises.", (2,)),
    ]
    assert document.references[1].journal == "Cancer Discov" and document.references[2].year == 2019


def test_a_date_in_a_pdf_copy_is_not_a_glued_marker():
    text = (
        "Received: 14 March 2024; Accepted: 2 September 2024\n\n"
        "Resistance is common across Africa.1,2 Target-site mutations3 in the channel matter.\n\n"
        "References\n" + "\n".join(f"{n} Doe J. Title {n}. Lancet 2020; 1: {n}." for n in range(1, 20)) + "\n"
    )
    assert _statements(text) == [
        ("Resistance is common across Africa.", (1, 2)),
        ("Target-site mutations in the channel matter.", (3,)),
    ]


def test_a_marker_glued_after_a_year_or_a_symbol_ending_in_a_digit():
    """ "in 2012.1 Linkermann ..." and "SLC3A2.1,3 Erastin ...": a PDF's marker after a digit, before a new sentence,
    cites (the two sentences were one, credited to the second's paper); "2.5 mg", "7.4 units" and "pH 7.4" stay
    numbers."""
    text = (
        "Ferroptosis was described by Dixon et al. in 2012.1 Linkermann showed it kills tubules.2 GPX4 needs "
        "SLC3A2.1,3 Erastin blocks it.2 Cells that lack GPX4.3\n\nDoses of 2.5 mg were used.1 The mean was 7.4 units.2 "
        "Buffers held pH 7.4 Cells survived.3\n\n" + REFS
    )
    assert _statements(text) == [
        ("Ferroptosis was described by Dixon et al. in 2012.", (1,)),
        ("Linkermann showed it kills tubules.", (2,)),
        ("GPX4 needs SLC3A2.", (1, 3)),
        ("Erastin blocks it.", (2,)),
        ("Cells that lack GPX4.", (3,)),
        ("Doses of 2.5 mg were used.", (1,)),
        ("The mean was 7.4 units.", (2,)),
        ("Buffers held pH 7.4 Cells survived.", (3,)),
    ]
    # After a year and a comma the clause may go on in lower case (Lancet): "first reported in 2016,2,3 which ...";
    # after a number alone it stays the number's ("1,000,2 were" is no marker).
    text = (
        "Resistance is common in Europe,1 and it was first reported in 2016,2,3 which raised concern. It rose in"
        " 2014,4 and spread. Of 1,000,2 were resistant.\n\n" + REFS
    )
    assert _statements(text) == [
        ("Resistance is common in Europe", (1,)),
        ("and it was first reported in 2016", (2, 3)),
        ("which raised concern.", ()),
        ("It rose in 2014", (4,)),
        ("and spread.", ()),
        ("Of 1,000,2 were resistant.", ()),
    ]


@pytest.mark.parametrize("number", ["4.••", "4. ••", "4. •", "[4] ••"])
def test_an_entrys_marks_of_interest_are_not_part_of_it(number):
    """Current Opinion marks a paper of special (•) or outstanding interest (••) after its number."""
    entries = "\n".join(
        f"{number.replace('4', str(n))} Doe J, Roe K: Title {n}. Curr Opin Microbiol 2019, {n}:34-45." for n in (1, 4)
    )
    document = parse_document(f"# T\n\nA is higher [4••] than B [1].\n\n## References\n\n{entries}\n", "co.md")
    assert [(s.text, s.citations) for s in document.statements] == [("A is higher than B.", (1, 4))]
    ref = document.references[4]
    assert (ref.authors, ref.title, ref.journal, ref.year) == ("Doe J, Roe K", "Title 4", "Curr Opin Microbiol", 2019)
    assert not document.warnings


def test_superscripts_flattened_by_a_pdf_copy_are_markers_when_the_document_has_no_other():
    text = (
        "Pyrethroid resistance is common across Africa.1,2 Target-site mutations3 in the channel matter. "
        "Metabolic routes,4 which are rarer, add to it.5–7 GSTe2 and CYP6P3 and kelch13 and L1014F are names. "
        "Mortality fell 2.5 times in 1,000 mosquitoes (87%, n=240).8 Nets helped. 9 Sprays did too. "
        "They cost 12 dollars.\n\n"
        "References\n" + "\n".join(f"{n} Doe J. Title {n}. Lancet 2020; 1: {n}." for n in range(1, 14)) + "\n"
    )
    assert _statements(text) == [
        ("Pyrethroid resistance is common across Africa.", (1, 2)),
        ("Target-site mutations in the channel matter.", (3,)),
        ("Metabolic routes", (4,)),
        ("which are rarer, add to it.", (5, 6, 7)),
        ("GSTe2 and CYP6P3 and kelch13 and L1014F are names.", ()),
        ("Mortality fell 2.5 times in 1,000 mosquitoes (87%, n=240).", (8,)),
        ("Nets helped.", (9,)),
        ("Sprays did too.", ()),
        ("They cost 12 dollars.", ()),
    ]


SCIENCEDIRECT = """Clinical Microbiology and Infection Reviews
Volume 12, Issue 3, March 2024, Pages 101–118
Clinical Microbiology and Infection Reviews
Review article
Vancomycin-resistant enterococci: from van operons to infection control
Author links open overlay panel
Anna Keller a, Jonas Brandt b, Lea Moser a c
Show more
Add to Mendeley
Share
Cite
https://doi.org/10.1016/j.cmir.2024.01.005
Get rights and content
Open access
a Institute of Medical Microbiology, University of Zurich, Zurich, Switzerland
c Swiss Centre for Antibiotic Resistance (ANRESIS), Bern, Switzerland
Highlights
•
Intestinal colonisation precedes infection.

Keywords
Enterococcus faecium
Linezolid

1. Introduction
VRE were first reported in 1986 in England and France [1], [2].

Fig. 1. The vanA operon.
Download: Download high-res image (245KB)
Download: Download full-size image

CRediT authorship contribution statement
Anna Keller: Writing – original draft, Conceptualization. Jonas Brandt: Writing – review & editing, Visualization.

References
[1]
C.A. Arias, B.E. Murray
The rise of the Enterococcus: beyond vancomycin resistance
Nat Rev Microbiol, 10 (2012), pp. 266-278, 10.1038/nrmicro2761
CrossrefView in ScopusGoogle Scholar
[2]
W.R. Miller, A.S. Bayer, C.A. Arias
Mechanism of action and resistance to daptomycin
Cold Spring Harb Perspect Med, 6 (2016), Article a026997
View PDFView articleView in ScopusGoogle Scholar
Cited by (12)
Genomic surveillance of vancomycin-resistant Enterococcus faecium
2024, Journal of Hospital Infection
Citation Excerpt :
Higher daptomycin doses improved survival [1], [2].
"""


def test_a_sciencedirect_page_copied_whole():
    document = parse_document(SCIENCEDIRECT, "sd.txt")
    assert document.title == "Vancomycin-resistant enterococci: from van operons to infection control"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Highlights", "Intestinal colonisation precedes infection.", ()),
        ("1. Introduction", "VRE were first reported in 1986 in England and France.", (1, 2)),
    ]
    arias, miller = document.references.values()
    assert (arias.authors, arias.title, arias.journal, arias.year, arias.volume, arias.pages, arias.doi) == (
        "C.A. Arias, B.E. Murray",
        "The rise of the Enterococcus: beyond vancomycin resistance",
        "Nat Rev Microbiol",
        2012,
        "10",
        "266-278",
        "10.1038/nrmicro2761",
    )
    assert (miller.journal, miller.pages, miller.title) == (
        "Cold Spring Harb Perspect Med",
        "a026997",
        "Mechanism of action and resistance to daptomycin",
    )


def test_a_running_header_whose_page_number_changes_is_dropped():
    header = "www.thelancet.com/infection Vol 24 March 2024"
    text = (
        f"Resistance spread widely [1]. Sequencing has since\n{header} e211\nshown that alleles arose often [2].\n\n"
        f"A study found no\ne212 {header}\nassociation with infection [3].\n\nNets still work [4].\n{header} e213\n\n"
        "Clin Microbiol Infect, 16 (2010), pp. 527-532\nClin Microbiol Infect, 17 (2011), pp. 1-2\n"
        "Clin Microbiol Infect, 18 (2012), pp. 3-4\n" + REFS
    )
    assert [t for t, _ in _statements(text)][:4] == [
        "Resistance spread widely.",
        "Sequencing has since shown that alleles arose often.",
        "A study found no association with infection.",
        "Nets still work.",
    ]


def test_a_heading_between_two_paragraphs_of_a_pdfs_unbroken_text():
    text = (
        "Resistance to pyrethroids is now almost universal in the major vectors.\n"
        "Introduction\n"
        "Long-lasting insecticidal nets and indoor residual spraying averted most cases in Africa [1].\n"
        "They depend on a narrow range of insecticides, as surveys show.2\n"  # a flattened marker ends it
        "Target-site resistance\n"
        "The first resistance mechanism to be characterised was knockdown resistance [2].\n"
        + REFS.replace("## References", "References")
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.txt").statements][1:] == [
        ("Introduction", "Long-lasting insecticidal nets and indoor residual spraying averted most cases in Africa."),
        ("Introduction", "They depend on a narrow range of insecticides, as surveys show.2"),
        ("Target-site resistance", "The first resistance mechanism to be characterised was knockdown resistance."),
    ]


# An assistant's answer copied whole: one line, headings inline, the reference list run on with no heading.
_UNHEADED = (
    "**Osimertinib resistance arises through on-target and bypass mechanisms** in lung cancer. "
    "## On-Target EGFR Alterations The **T790M mutation** is found in half of rebiopsies.[1] "
    "**C797S** prevents covalent binding,[2] while MET amplification bypasses EGFR.[3][4] "
    "## Clinical Implications Rebiopsy remains standard. "
    "1. Acquired Resistance to EGFR Inhibitors. Yu HA, Arcila ME, et al. Clinical Cancer Research. 2013;19(8):2240-2247. doi:10.1158/1078-0432.CCR-12-2246. "
    "2. Acquired EGFR C797S Mutation. Thress KS , Paweletz CP. Nature Medicine. 2015;21(6):560-562. doi:10.1038/nm.3854. "
    "3. MET Amplification Leads to Gefitinib Resistance. Engelman JA, Zejnullahu K, et al. Science. 2007;316(5827):1039-1043. "
    "4. Bypass Signalling in Lung Cancer. Ortiz L. Lung Cancer. 2024;:e70119. doi:10.1016/j.lungcan.2024.1. 2."
)


def test_a_numbered_reference_list_with_no_heading_that_ends_the_document_is_its_reference_list():
    doc = parse_document(_UNHEADED, "t.md")
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("Overview", "Osimertinib resistance arises through on-target and bypass mechanisms in lung cancer.", ()),
        ("On-Target EGFR Alterations", "The T790M mutation is found in half of rebiopsies.", (1,)),
        ("On-Target EGFR Alterations", "C797S prevents covalent binding", (2,)),
        ("On-Target EGFR Alterations", "while MET amplification bypasses EGFR.", (3, 4)),
        ("Clinical Implications", "Rebiopsy remains standard.", ()),
    ]
    assert sorted(doc.references) == [1, 2, 3, 4]
    assert doc.references[2].first_author == "Thress" and doc.references[2].year == 2015
    assert doc.references[3].journal == "Science" and doc.references[4].doi == "10.1016/j.lungcan.2024.1"
    assert doc.warnings == ("t.md: '2.' after the last reference ignored",)


@pytest.mark.parametrize(
    "tail",
    [
        # Findings numbered at the end are statements: no year or source in them.
        "In short: 1. T790M is common. 2. C797S follows osimertinib. 3. MET bypasses EGFR.",
        # A numbered list whose numbers are not the ones cited is no reference list either.
        "1. Smith J. A. J Med. 2020;1:1. 2. Doe J. B. J Med. 2021;2:2. 3. Roe J. C. J Med. 2022;3:3.",
    ],
)
def test_a_numbered_list_that_is_no_reference_list_stays_text(tail):
    text = "Osimertinib fails. ## Findings Resistance to osimertinib is common.[7][8] " + tail
    doc = parse_document(text, "t.md")
    assert doc.references == {} and len(doc.statements) >= 2


@pytest.mark.parametrize("marks", [("-", "-"), ("1.", "2."), ("•", "•")])
def test_an_inline_list_in_one_line_markdown_gives_one_statement_per_item(marks):
    text = (
        f"Tumours adapt. ## Survival Pathways Several pathways converge on survival: {marks[0]} **EGFRvIII**: it "
        f"activates AKT.[13] {marks[1]} **Autophagy**: chloroquine restores apoptosis.[14] Both are targets.[15]"
    )
    doc = parse_document(text, "t.md")
    assert [(s.text, s.citations, s.context) for s in doc.statements[1:]] == [
        ("EGFRvIII: it activates AKT.", (13,), "Several pathways converge on survival:"),
        ("Autophagy: chloroquine restores apoptosis.", (14,), "Several pathways converge on survival:"),
        ("Both are targets.", (15,), "Several pathways converge on survival:"),
    ]
    # One bold term after a dash is no list: "a - **b**" stays one sentence.
    one = parse_document("Tumours adapt. ## S Resistance is common: - **T790M** above all.[1]", "t.md")
    assert [s.text for s in one.statements[1:]] == ["Resistance is common: - T790M above all."]


@pytest.mark.parametrize("opener", ["The", "Several", "These", "Most"])
def test_an_inline_heading_leaves_a_sentences_opening_determiner_to_the_sentence(opener):
    text = f"Tumours adapt. ## MicroRNAs and Circulating Biomarkers {opener} **microRNAs** predict response.[1]"
    doc = parse_document(text, "t.md")
    assert [(s.section, s.text) for s in doc.statements[1:]] == [
        ("MicroRNAs and Circulating Biomarkers", f"{opener} microRNAs predict response.")
    ]


def test_an_assistants_one_line_answer_with_subheadings_plain_lists_a_table_and_a_closing_note():
    text = (
        "**Carbapenem resistance has several causes** in Pseudomonas. "
        "## Mechanisms of Resistance ### Porin Loss **OprD deficiency** is common.[1] "
        "## Clinical Evidence In the CANTOS trial, canakinumab reduced events.[2] "
        "## Resolution Specialized pro-resolving mediators promote efferocytosis.[3] "
        "## Key Points - OprD loss dominates.[1] - Efflux reduces susceptibility.[2] "
        "## Management The steps are: 1. Repeat the biopsy.[3] 2. Add a MET inhibitor.[4] "
        "## Alterations They are summarised below. | Gene | Effect | |---|---| | EGFR | loss of binding [3] | "
        "| MET | bypass [4] | **MET amplification** was found in 15%.[4] "
        "*This summary was generated from the cited literature and may be incomplete.* ### References "
        "1. OprD Loss. Li H, Wu Y. J Antimicrob Chemother. 2020;75(3):1-9. doi:10.1/a. "
        "2. Canakinumab. Ridker PM, et al. N Engl J Med. 2017;377:1119-1131. doi:10.1/b. "
        "3. Biopsy. Oxnard GR. JAMA Oncol. 2018;4(11):1527-1534. doi:10.1/c. "
        "4. MET. Engelman JA. Science. 2007;316:1039-1043. doi:10.1/d. "
        "2. Would you like more detail on carbapenemases?"
    )
    doc = parse_document(text, "t.md")
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("Overview", "Carbapenem resistance has several causes in Pseudomonas.", ()),
        ("Porin Loss", "OprD deficiency is common.", (1,)),
        ("Clinical Evidence", "In the CANTOS trial, canakinumab reduced events.", (2,)),
        ("Resolution", "Specialized pro-resolving mediators promote efferocytosis.", (3,)),
        ("Key Points", "OprD loss dominates.", (1,)),
        ("Key Points", "Efflux reduces susceptibility.", (2,)),
        ("Management", "Repeat the biopsy.", (3,)),
        ("Management", "Add a MET inhibitor.", (4,)),
        ("Alterations", "They are summarised below.", ()),
        ("Alterations", "Gene: EGFR; Effect: loss of binding", (3,)),
        ("Alterations", "Gene: MET; Effect: bypass", (4,)),
        ("Alterations", "MET amplification was found in 15%.", (4,)),
    ]
    assert [s.context for s in doc.statements if s.section == "Management"] == ["The steps are:"] * 2
    assert sorted(doc.references) == [1, 2, 3, 4] and doc.references[4].doi == "10.1/d"
    assert doc.warnings == (
        "t.md: '2. Would you like more detail on carbapenemases?' after the last reference ignored",
    )


@pytest.mark.parametrize(
    "prose",
    [
        "Pumps matter.[1] - and porins too.[2]",  # one dash after a citation is no list
        "Pumps matter. *In vitro* data agree.[1]",  # an italic phrase opening a sentence stays
        "Pumps matter. *Porins do not.*[2]",  # a cited italic sentence is a claim
    ],
)
def test_prose_that_only_looks_like_an_inline_list_or_note_stays_prose(prose):
    doc = parse_document(f"Tumours adapt. ## Findings **Pumps** {prose.removeprefix('Pumps ')}", "t.md")
    words = " ".join(s.text for s in doc.statements[1:]).replace("*", "")
    assert words.split() == prose.replace("*", "").replace("[1]", "").replace("[2]", "").split()


@pytest.mark.parametrize(
    ("written", "section", "statements"),
    [
        (
            "## 🧬 Genetic Factors Carrying one APOE ε4 allele raises risk.[1]",
            "Genetic Factors",
            [("Carrying one APOE ε4 allele raises risk.", (1,))],
        ),
        (
            "## Microglia and “Resistant” Clones Somatic mosaicism produces clones.[1]",
            "Microglia and “Resistant” Clones",
            [("Somatic mosaicism produces clones.", (1,))],
        ),
        ("## Conclusion EMT in IPF is a spectrum.[1]", "Conclusion", [("EMT in IPF is a spectrum.", (1,))]),
        (
            "## Bypass KRAS mutations have also been reported[2], though each is rare.[6]",
            "Bypass",
            [("KRAS mutations have also been reported", (2,)), ("though each is rare.", (6,))],
        ),
        (
            # A name in lower case inside a heading is part of it.
            "## Non-Coding RNAs: miR-21 and H19 **miR-21**: miR-21 is overexpressed.[19]",
            "Non-Coding RNAs: miR-21 and H19",
            [("miR-21: miR-21 is overexpressed.", (19,))],
        ),
        (
            # So is one in lower case without a digit, when title words and then a bold term follow.
            "## Target-Site Resistance: kdr Mutations **Knockdown resistance** is caused by it.[3]",
            "Target-Site Resistance: kdr Mutations",
            [("Knockdown resistance is caused by it.", (3,))],
        ),
        (
            "## QoIs and Cytochrome b G143A **Quinone outside inhibitors** block the Qo site.[3]",
            "QoIs and Cytochrome b G143A",
            [("Quinone outside inhibitors block the Qo site.", (3,))],
        ),
        (
            # Not when the words after it are a sentence's.
            "## Results mutations are **common** in relapse.[2]",
            "Results",
            [("mutations are common in relapse.", (2,))],
        ),
        (
            # A heading may open with a name in lower case.
            "## kelch13 Mutations in Southeast Asia **Discovery of the marker**: C580Y was found.[5]",
            "kelch13 Mutations in Southeast Asia",
            [("Discovery of the marker: C580Y was found.", (5,))],
        ),
        (
            "## Risk Scores improve prediction.^[3]^ ## Clones Mosaicism is proposed.[4]",
            "Risk",
            [("Scores improve prediction.", (3,))],
        ),
        (
            # A heading in sentence case runs up to a capitalised word that repeats its first word ...
            "## Hydrogen peroxide Hydrogen peroxide has been used since the 1990s.[3]",
            "Hydrogen peroxide",
            [("Hydrogen peroxide has been used since the 1990s.", (3,))],
        ),
        (
            # ... or opens a sentence.
            "## Pyrethroids and mitochondrial haplotypes The pyrethroids are bath treatments.[4]",
            "Pyrethroids and mitochondrial haplotypes",
            [("The pyrethroids are bath treatments.", (4,))],
        ),
        (
            # A heading in sentence case runs up to a bold lead-in that opens a sentence.
            "## The H58 lineage and the genomic framework **Origins of H58** The haplotype was defined.[2]",
            "The H58 lineage and the genomic framework",
            [("Origins of H58 The haplotype was defined.", (2,))],
        ),
        (
            # ... or to a capitalised word the document writes in lower case elsewhere (not a name),
            # names such as BTK among its words ...
            "## Clinical context of BTK inhibitor failure Ibrutinib binds BTK.[1] Most relapse on ibrutinib.[2]",
            "Clinical context of BTK inhibitor failure",
            [("Ibrutinib binds BTK.", (1,)), ("Most relapse on ibrutinib.", (2,))],
        ),
        (
            # ... a gene's name too, opening its sentence with a capital ("Kelch13"; "kelch13" elsewhere),
            # after a proper name the document never writes small ("Africa").
            "## Artemisinin partial resistance in Africa raises the stakes Kelch13 R561H parasites spread.[1]"
            " Most carry a kelch13 mutation.[2]",
            "Artemisinin partial resistance in Africa raises the stakes",
            [("Kelch13 R561H parasites spread.", (1,)), ("Most carry a kelch13 mutation.", (2,))],
        ),
        (
            # ... or to a bold term that opens the text.
            "## TP53, CDKN2A and other genomic drivers **TP53 mutations** predict a poor outcome.[13]",
            "TP53, CDKN2A and other genomic drivers",
            [("TP53 mutations predict a poor outcome.", (13,))],
        ),
        (
            "## Metabolic reprogramming **Oxidative phosphorylation** marks resistance.[17]",
            "Metabolic reprogramming",
            [("Oxidative phosphorylation marks resistance.", (17,))],
        ),
        (
            # In Start Case the small words are capitalised too: only one before a lower-case word opens
            # the text.
            "## Biology And Global Spread Of A Polyphagous Pest The fall armyworm spread.[1]",
            "Biology And Global Spread Of A Polyphagous Pest",
            [("The fall armyworm spread.", (1,))],
        ),
        (
            "## Metabolic Resistance: P450s, UGTs And Esterases Metabolic resistance is common.[2]",
            "Metabolic Resistance: P450s, UGTs And Esterases",
            [("Metabolic resistance is common.", (2,))],
        ),
        (
            # A numbered one is read after its number; a proper name the document never writes small
            # ("Mexico") and a word with a slash may stand in a heading in sentence case.
            "## 7. Regional patterns in Mexico, Brazil and Australia In **Mexico**, ticks resist.[5]",
            "7. Regional patterns in Mexico, Brazil and Australia",
            [("In Mexico, ticks resist.", (5,))],
        ),
        (
            "## 4. Amitraz and the octopamine/tyramine receptors **Amitraz** is a formamidine.[6]",
            "4. Amitraz and the octopamine/tyramine receptors",
            [("Amitraz is a formamidine.", (6,))],
        ),
        (
            # ... and its lower-case words may end in a colon.
            "## Knockdown resistance: the molecular basis **Knockdown resistance** is target-site insensitivity.[3]",
            "Knockdown resistance: the molecular basis",
            [("Knockdown resistance is target-site insensitivity.", (3,))],
        ),
        (
            # A heading in Title Case is no sentence-case one: the bold term stands mid-sentence.
            "## Patterns of Resistance Antibodies against **PD-1 and CTLA-4** produce remissions.[1]",
            "Patterns of Resistance",
            [("Antibodies against PD-1 and CTLA-4 produce remissions.", (1,))],
        ),
    ],
)
def test_inline_headings_and_clauses_of_other_exports(written, section, statements):
    doc = parse_document(f"Tumours adapt. {written}", "t.md")
    assert doc.statements[1].section == section
    assert [(s.text, s.citations) for s in doc.statements[1:] if s.section == section] == statements


def test_a_one_line_table_titled_in_bold_with_a_heading_right_after_it():
    text = (
        "Relapse is common. ## Lineage Switch It is rare in lymphoma.[1] **Summary of escape mechanisms** "
        "| Mechanism | Frequency | |---|---| | CD19 loss | ~30% [2] | | Lineage switch | 2 of 7 [3] | "
        "## CAR Design: CD28 versus 4-1BB **Costimulatory domain** choice shapes kinetics.[4]"
    )
    doc = parse_document(text, "t.md")
    assert [(s.section, s.text, s.citations, s.context) for s in doc.statements[1:]] == [
        ("Lineage Switch", "It is rare in lymphoma.", (1,), ""),
        ("Lineage Switch", "Mechanism: CD19 loss; Frequency: ~30%", (2,), "Summary of escape mechanisms"),
        ("Lineage Switch", "Mechanism: Lineage switch; Frequency: 2 of 7", (3,), "Summary of escape mechanisms"),
        ("CAR Design: CD28 versus 4-1BB", "Costimulatory domain choice shapes kinetics.", (4,), ""),
    ]


@pytest.mark.parametrize(
    ("above", "context", "kept"),
    [
        ("Pumps matter.[1]\nTable 2 summary of pumps", "Table 2 summary of pumps", ["Pumps matter."]),
        ("Summary of pumps", "Summary of pumps", []),
        # A line that ends a sentence, or one that continues the sentence above it, is no title.
        ("Pumps are summarised below.", "", ["Pumps are summarised below."]),
        ("The pumps are listed\nin the table below", "", ["The pumps are listed in the table below"]),
    ],
)
def test_a_title_line_right_above_a_table_is_its_rows_context(above, context, kept):
    doc = parse_document(f"# Review\n\n{above}\n| Pump | Drug |\n|---|---|\n| AcrB | ciprofloxacin [2] |\n", "t.md")
    assert [s.text for s in doc.statements[:-1]] == kept
    assert (doc.statements[-1].text, doc.statements[-1].context) == ("Pump: AcrB; Drug: ciprofloxacin", context)


def test_a_one_line_answer_with_footnote_markers_a_quote_and_footnotes_run_on():
    text = (
        "**Biofilms protect Pseudomonas** in CF airways. ## Biofilms Alginate slows drug entry.[^1] "
        "> **Note:** Mucoid isolates revert in culture.[^2] Sequestration makes a reservoir.[^1]–[^3] "
        "### References [^1]: Alginate and drugs. Roe K, Doe J. Thorax. 2010;1:2. "
        "[^2]: Reversion of mucoidy. Lee A. Cell. 2011;3:4. [^3]: Biofilm tolerance. Kim B. Nature. 2012;5:6. 2."
    )
    doc = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in doc.statements[1:]] == [
        ("Alginate slows drug entry.", (1,)),
        ("Note: Mucoid isolates revert in culture.", (2,)),
        ("Sequestration makes a reservoir.", (1, 2, 3)),
    ]
    assert sorted(doc.references) == [1, 2, 3] and doc.references[3].title == "Biofilm tolerance"


def test_a_references_title_run_into_the_line_before_an_unheaded_list_is_no_statement():
    entries = " ".join(f"[{n}] Roe K{n}, Doe J. Title {n}. Blood. 2020;{n}:2." for n in (1, 2, 3))
    doc = parse_document(f"TKIs fail.[1] Mutations recur.[2] Stem cells persist.[3] **References** {entries}", "t.md")
    assert [s.text for s in doc.statements] == ["TKIs fail.", "Mutations recur.", "Stem cells persist."]
    assert sorted(doc.references) == [1, 2, 3]


@pytest.mark.parametrize("group", ["[1] [3]", "[1][3]", "[1, 3]", "[1,3]"])
def test_a_group_opening_with_1_before_a_run_in_references_title_is_no_entry(group):
    # The last group of the text starts with [1]: the list still starts at "References: 1.", so the
    # claim keeps its numbers, the sentence after it is kept, and entry 1 is the paper.
    entries = " ".join(f"{n}. Roe K{n}, Doe J. Title {n}. Blood. 2020;{n}:2." for n in (1, 2, 3))
    text = f"Tumours adapt.[2] Monitoring may help. {group} Future studies should test this. References: {entries}"
    doc = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in doc.statements] == [
        ("Tumours adapt.", (2,)),
        ("Monitoring may help.", (1, 3)),
        ("Future studies should test this.", ()),
    ]
    assert doc.references[1].title == "Title 1"
    assert not doc.warnings


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        # An author-year parenthesis names who reported the claim: its marker cites the sentence.
        (
            "In the PRODIGE 4 trial (Conroy et al.)[1], 342 patients were randomised.",
            [("In the PRODIGE 4 trial (Conroy et al.), 342 patients were randomised.", (1,))],
        ),
        (
            "In LEAP (Poplin et al., 2013)[5], hENT1 did not predict outcome.",
            [("In LEAP (Poplin et al., 2013), hENT1 did not predict outcome.", (5,))],
        ),
        # Before a new clause it still closes its own.
        (
            "Stroma slows delivery (Olive et al.)[9], while hyaluronan raises pressure.[10]",
            [("Stroma slows delivery (Olive et al.)", (9,)), ("while hyaluronan raises pressure.", (10,))],
        ),
    ],
)
def test_a_marker_after_an_author_year_parenthesis(sentence, clauses):
    doc = parse_document(f"Tumours adapt. {sentence}", "t.md")
    assert [(s.text, s.citations) for s in doc.statements[1:]] == clauses


def test_a_one_line_title_in_sentence_case_ends_at_the_next_heading():
    doc = parse_document(
        "# Resistance in Salmonella Typhi: from MDR to XDR ## Overview Typhoid is common.[1]" + REFS, "t.md"
    )
    assert doc.title == "Resistance in Salmonella Typhi: from MDR to XDR"
    assert [(s.section, s.text) for s in doc.statements] == [("Overview", "Typhoid is common.")]


@pytest.mark.parametrize("italic", ["*Generated on 2025-01-01*", "_Prepared by the Infection Group, March 2025._"])
def test_a_one_line_title_ends_at_an_italic_line_before_the_next_heading(italic):
    """ "# Resistance in Acinetobacter baumannii *Generated on ...* ## Abstract ...": the title is not cut at
    the lower-case "baumannii", and the italic line is no statement."""
    doc = parse_document(
        f"# Resistance in Acinetobacter baumannii {italic} ## Abstract Colistin is a last resort.[1]" + REFS, "t.md"
    )
    assert doc.title == "Resistance in Acinetobacter baumannii"
    assert [(s.section, s.text) for s in doc.statements] == [("Abstract", "Colistin is a last resort.")]


def test_a_genus_the_document_writes_out_ends_no_sentence_when_abbreviated():
    text = (
        "Salmonella Typhi causes typhoid.[1] Resistant S. Typhi strains spread from Asia.[2] "
        "Lipid A is modified in hepatitis B. Moffatt showed it later.[3]"
    )
    assert _statements(text + REFS) == [
        ("Salmonella Typhi causes typhoid.", (1,)),
        ("Resistant S. Typhi strains spread from Asia.", (2,)),
        ("Lipid A is modified in hepatitis B.", ()),
        ("Moffatt showed it later.", (3,)),
    ]


def test_a_star_closes_emphasis_before_a_digit():
    assert _statements("QoIs block the cytochrome *bc*1 complex in *B. cinerea* isolates.[4]" + REFS) == [
        ("QoIs block the cytochrome bc1 complex in B. cinerea isolates.", (4,))
    ]


def test_a_long_bold_line_that_opens_the_document_is_its_title():
    title = "Chemoresistance in Ewing Sarcoma: Fusion Biology, Genomic Modifiers and the Limits of Intensified Therapy"
    doc = parse_document(f"**{title}**\n\n## Overview\n\nEwing sarcoma is rare.[1]\n" + REFS, "t.md")
    assert doc.title == title
    assert [s.text for s in doc.statements] == ["Ewing sarcoma is rare."]


def test_a_numbered_heading_right_above_its_text_in_plain_text():
    text = (
        "Radioresistance in medulloblastoma\n\n1. Introduction\nMedulloblastoma is the most common malignant brain"
        " tumour of childhood in most registries.[1]\n\n3. TP53 mutation and the DNA damage response\nRadiation kills"
        " tumour cells mainly through DNA double-strand breaks in most settings.[2]\n\nReferences\n"
        + "\n".join(f"{n}. Doe J. Title {n}. J Med. 2020;1:{n}." for n in range(1, 4))
    )
    doc = parse_document(text, "t.txt")
    assert [(s.section, s.citations) for s in doc.statements] == [
        ("1. Introduction", (1,)),
        ("3. TP53 mutation and the DNA damage response", (2,)),
    ]


def test_a_numbered_heading_between_bulleted_lists_in_plain_text():
    """A page copied as text shows bullets as "•": a numbered line between two such lists is the next section's
    heading, not an item of theirs (it was read as an uncited claim, or glued to the claim under it).  Between
    numbered items it stays an item."""
    text = (
        "Candida auris\n\n1. Introduction\nC. auris spreads in hospitals.[1]\n\n"
        "Several points follow:\n• Screen contacts on admission.[1]\n• Clean with sporicidal agents.[2]\n\n"
        "2. Practical takeaways\n\n• Test every isolate against all three classes.[2]\n\n"
        "Steps:\n1. Isolate the patient.[1]\n\n2. Treat with an echinocandin\n\n3. Repeat cultures.[2]\n\n"
        "References\n" + "\n".join(f"{n}. Doe J. Title {n}. J Med. 2020;1:{n}." for n in range(1, 3))
    )
    doc = parse_document(text, "t.txt")
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        ("1. Introduction", "C. auris spreads in hospitals.", (1,)),
        ("1. Introduction", "Screen contacts on admission.", (1,)),
        ("1. Introduction", "Clean with sporicidal agents.", (2,)),
        ("2. Practical takeaways", "Test every isolate against all three classes.", (2,)),
        ("2. Practical takeaways", "Isolate the patient.", (1,)),
        ("2. Practical takeaways", "Treat with an echinocandin", ()),
        ("2. Practical takeaways", "Repeat cultures.", (2,)),
    ]


def test_a_compound_broken_after_its_link_word_keeps_its_hyphen():
    text = "Nabeshima found a serine-to-\nphenylalanine substitution in ace2.[1]\n" + REFS
    assert _statements(text) == [("Nabeshima found a serine-to-phenylalanine substitution in ace2.", (1,))]


def test_a_document_citing_in_parentheses_keeps_names_that_end_in_a_digit():
    """Superscripts flattened into glued digits are one way of citing and "(7)" another: in a document
    that cites "(10)", "sul2," is a gene, not sul cited [2]."""
    text = (
        "Title\n\nfloR lay on pAB5S9 together with sul2, strA-strB and tet(A) (3). Integrons carry"
        " qacEdelta1 and sul1 (2). Aeromonas is common (1, 2). It spreads (1). Fish farms use"
        " oxytetracycline (2, 3). Vaccines cut use (1).\n\nReferences\n"
        + "\n".join(f"{n}. Doe J. Title {n}. J Med. 2020;1:{n}." for n in range(1, 4))
    )
    assert _statements(text) == [
        ("floR lay on pAB5S9 together with sul2, strA-strB and tet(A).", (3,)),
        ("Integrons carry qacEdelta1 and sul1.", (2,)),
        ("Aeromonas is common.", (1, 2)),
        ("It spreads.", (1,)),
        ("Fish farms use oxytetracycline.", (2, 3)),
        ("Vaccines cut use.", (1,)),
    ]


def test_a_line_of_links_within_the_page_is_navigation():
    text = (
        "# Bevacizumab in glioblastoma\n\n## Background\n\nVEGF drives the vessels.[1]\n\n"
        "[↑ Back to top](#contents)\n\n## Trials\n\nAVAglio found no survival gain.[2]\n\n"
        "[Next: Trials](#trials) · [Contents](#contents)\n" + REFS
    )
    assert _statements(text) == [("VEGF drives the vessels.", (1,)), ("AVAglio found no survival gain.", (2,))]


def test_a_link_to_a_page_beside_it_is_navigation_and_a_web_link_is_text():
    """A Notion export's sub-page link alone on its line is no claim; a line linking out to the web says something."""
    text = (
        "# OCD notes\n\n[Search log](Search%20log%2012ab34cd.md)\n\n## Drugs\n\nClomipramine helps [1].\n\n"
        "[The OCD guideline](https://www.nice.org.uk/guidance/cg31)\n" + REFS
    )
    assert _statements(text) == [("Clomipramine helps.", (1,)), ("The OCD guideline", ())]


def test_the_emoji_of_a_callout_is_no_word_of_its_statement():
    text = "## Key points\n\n> 💡 Key point: Chlorhexidine selects colistin resistance. [4] [5]\n\n> ⚠️ cepA is common.[6]\n"
    assert _statements(text + REFS) == [
        ("Key point: Chlorhexidine selects colistin resistance.", (4, 5)),
        ("cepA is common.", (6,)),
    ]


def test_a_list_of_abbreviations_under_the_byline_is_no_claim():
    text = (
        "Antimicrobial resistance in Aeromonas from aquaculture\nLinh T. Pham, Carlos A. Rojas\n"
        "Abbreviations: AMR, antimicrobial resistance; ECOFF, epidemiological cut-off value; MIC, minimum\n"
        "inhibitory concentration.\n\n1. INTRODUCTION\n\nThe ECOFF is 1 mg/L (1). MICs vary (2).\n\nREFERENCES\n"
        "1. Doe J. Title. J Med. 2020;1:1.\n2. Roe J. Title. J Med. 2021;1:2.\n"
    )
    doc = parse_document(text, "t.txt")
    assert doc.title == "Antimicrobial resistance in Aeromonas from aquaculture"
    assert [(s.text, s.citations) for s in doc.statements] == [("The ECOFF is 1 mg/L.", (1,)), ("MICs vary.", (2,))]


def test_a_list_of_abbreviations_gives_the_documents_glossary():
    """No claim, but the document's own definitions: MDPI's lines, Elsevier's paragraph (wrapped), a run-in
    label, a table; a pair must read as one (a capital or digit in the short form, a long form that starts
    with its letter), so prose under the heading gives none."""
    mdpi = "# Biochar\n\n## 1. Results\n\nIt cut N2O by 38% [1].\n\n## Abbreviations\n\nN2O: Nitrous oxide\n"
    mdpi += "SOC: soil organic carbon\n- **CEC**: cation exchange capacity\n" + REFS
    doc = parse_document(mdpi, "t.md")
    assert dict(doc.glossary) == {
        "N2O": "Nitrous oxide",
        "SOC": "soil organic carbon",
        "CEC": "cation exchange capacity",
    }
    assert [s.text for s in doc.statements] == ["It cut N2O by 38%."]
    wrapped = "Abbreviations\nAMR, antimicrobial resistance; MIC, minimum\ninhibitory concentration; HP LC-MS/MS, high-"
    wrapped = f"Title line\n\nIntro\nMICs vary (1).\n\n{wrapped}\nperformance liquid chromatography.\n\nREFERENCES\n"
    doc = parse_document(wrapped + "1. Doe J. Title. J Med. 2020;1:1.\n", "t.txt")
    assert dict(doc.glossary) == {"AMR": "antimicrobial resistance", "MIC": "minimum inhibitory concentration"}
    table = "# T\n\nEGFR is mutated [1].\n\n## Abbreviations\n\n| Short | Long |\n|---|---|\n| EGFR | epidermal growth"
    table += " factor receptor |\n" + REFS
    assert dict(parse_document(table, "t.md").glossary) == {"EGFR": "epidermal growth factor receptor"}
    one_line = "# T\n\nAbbreviations: MIC, minimum inhibitory concentration. ## 1. Intro MICs vary [1]. " + REFS
    assert dict(parse_document(one_line, "t.md").glossary) == {"MIC": "minimum inhibitory concentration"}
    prose = "# T\n\nMICs vary [1].\n\n## Abbreviations\n\nWe spell out every abbreviation: at first use.\n" + REFS
    assert parse_document(prose, "t.md").glossary == ()


def test_a_notes_section_of_rendered_footnotes_is_the_reference_list():
    entries = "\n".join(f"{n}. Doe J, et al. Title {n}. N Engl J Med. 2015;373:{n}-{n + 9}. ↩" for n in range(1, 4))
    text = f"# CDK4/6 inhibitors\n\nRB1 loss is rare.<sup>1</sup> CCNE1 rises.<sup>2,3</sup>\n\n## Notes\n\n{entries}\n"
    doc = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in doc.statements] == [("RB1 loss is rare.", (1,)), ("CCNE1 rises.", (2, 3))]
    assert sorted(doc.references) == [1, 2, 3] and doc.warnings == ()
    # Notes in prose stay text.
    prose = "# CDK4/6 inhibitors\n\nRB1 loss is rare [1].\n\n## Notes\n\nDoses are per day.\n" + REFS
    assert ("Doses are per day.", ()) in _statements(prose)


def test_code_and_a_notebooks_output_are_no_text():
    text = (
        "# Hookworm notes\n\nAlbendazole cures 72% [1].\n\n```python\npre = np.array([1248, 312, 4680])\n"
        "print(f'ERR = {err:.1f}%')\n```\n\n    ERR = 64.9%\n    cure rate = 20.0%\n\n"
        "The arithmetic mean is preferred [2].\n\n~~~text\nKenya 0.021 [3]\n~~~\n" + REFS
    )
    assert _statements(text) == [("Albendazole cures 72%.", (1,)), ("The arithmetic mean is preferred.", (2,))]


def test_a_blank_line_a_cell_printed_is_part_of_its_output():
    """nbconvert indents a printed blank line too ("    "): the output goes on after it."""
    text = (
        "# Bollworm notes\n\nResistance rose in India [1].\n\n```python\nprint(rr)\nprint('\\nRR:', 101.4)\n```\n\n"
        "        count  median\n    India  18    64.0\n    \n    India Cry2Ab, 2016 Adilabad RR: 101.4\n\n\nRefuges were rare [2].\n"
        + REFS
    )
    assert _statements(text) == [("Resistance rose in India.", (1,)), ("Refuges were rare.", (2,))]


@pytest.mark.parametrize(
    "byline",
    ["Ruth Alcott, Animal Health Epidemiology Unit — 14 March 2024", "Draft for the journal club, edited 2 May 2025"],
)
def test_a_byline_under_a_markdown_title_is_no_statement(byline):
    for title in ("# Why TB persists\n\n", "Why TB persists\n===============\n"):
        text = f"{title}{byline}\n\n## Background\n\nTB persists [1].\n" + REFS
        assert _statements(text) == [("TB persists.", (1,))]
    # A sentence under the title is a claim, a year or not.
    assert _statements(
        f"# Why TB persists\n\nTB has persisted since 1950.\n\n## Background\n\nIt persists [1].\n{REFS}"
    ) == [
        ("TB has persisted since 1950.", ()),
        ("It persists.", (1,)),
    ]


def test_r_markdowns_printed_output_is_no_heading():
    """knitr writes a chunk's output behind "##": "## [1] 61.4 58.1" is no section, and the prose after it keeps
    its own; one "## Results" under a chunk is a heading still."""
    text = (
        "# Report\n\n## Data\n\nHerds broke down often [1].\n\n```r\nx\n```\n\n## [1] 61.42857 58.13953\n"
        "##       0%      25%\n\nProse after output [2].\n\n```r\ny\n```\n\n## # A tibble: 4 × 3\n##   country  herds\n\n"
        "More prose [2].\n\n```r\nz\n```\n\n## Results\n\nThe rate fell [3].\n" + REFS
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Data", "Herds broke down often."),
        ("Data", "Prose after output."),
        ("Data", "More prose."),
        ("Results", "The rate fell."),
    ]


def test_a_table_under_its_label_and_two_lines_of_caption_gives_a_statement_per_row():
    text = (
        "Carbapenemases\n\n1. Mechanisms\n\nTable 1\nPrincipal mechanisms affecting the two\ncombinations.\n"
        "Mechanism           Genetic basis        CZA       Refs\n"
        "AmpC derepression   ampD, ampR, dacB     Minor     [1]\n"
        "MBLs                VIM, IMP             High      [2]\n"
        "Minor, ≤4-fold MIC increase; High, clinical resistance expected.\n\n"
        "∗ Corresponding author.\nhttps://doi.org/10.1016/j.jgar.2022.08.011\n© 2022 The Authors.\n\n"
        "MBLs abolish both [2].\n" + REFS.replace("## References", "References")
    )
    assert _statements(text) == [
        ("Mechanism: AmpC derepression; Genetic basis: ampD, ampR, dacB; CZA: Minor", (1,)),
        ("Mechanism: MBLs; Genetic basis: VIM, IMP; CZA: High", (2,)),
        ("MBLs abolish both.", (2,)),
    ]


def test_a_journal_pages_reference_links_and_unnumbered_entries():
    """Copied from a journal's web page: the entries lost their numbers and carry the page's links on lines of
    their own; the last entry, short and unpunctuated, is no heading."""
    text = (
        "Colistin review\n\nMechanisms\nLipid A is modified [1, 2]. LPS loss is a second route [3].\n\n"
        "References\nLiu YY, Wang Y (2016) Emergence of MCR-1. Lancet Infect Dis 16:161–168\n\nArticle\u00a0\n"
        "Google Scholar\u00a0\n\nMoffatt JH, Harper M (2010) Loss of LPS. Antimicrob Agents Chemother 54:4971–4977\n\n"
        "Article\u00a0\nCAS\u00a0\nGoogle Scholar\u00a0\n\nOlaitan AO (2014) Mechanisms of polymyxin resistance. Front"
        " Microbiol 5:643\n\nGoogle Scholar\u00a0\n"
    )
    doc = parse_document(text, "t.txt")
    assert [(s.text, s.citations) for s in doc.statements] == [
        ("Lipid A is modified.", (1, 2)),
        ("LPS loss is a second route.", (3,)),
    ]
    assert [(n, r.first_author) for n, r in doc.references.items()] == [(1, "Liu"), (2, "Moffatt"), (3, "Olaitan")]


def test_a_springer_pages_chrome_numbered_list_and_end_matter():
    """A BMC article copied from its web page: the counters and links are the page's, a numbered list's numbers
    stand on lines of their own, and the end matter (data availability, ethics, rights) says nothing of the topic."""
    text = (
        "Tropical Medicine and Health\nReview\nOpen access\nPublished: 12 March 2024\n\n2714 Accesses\n\n"
        "Metrics details\n\nBackground\nThe evidence for resistance is thin [1].\n\n1.\nA genotypic assay found no"
        " mutations [1].\n\n2.\nA phenotypic survey found reduced susceptibility [2].\n\nFull size table\n\n"
        "Availability of data and materials\nNot applicable.\n\nReferences\nDoe J, Lee M. Title one. J Med. 2020;1:1.\n\n"
        "Article\nGoogle Scholar\n\nRoe K, Kim S. Title two. J Med. 2021;2:2.\n\nArticle\nCAS\nGoogle Scholar\n\n"
        "Download references\n\nEthics declarations\nConsent for publication\nNot applicable.\n\n"
        "Rights and permissions\nOpen Access This article is licensed under a Creative Commons licence.\n\n"
        "Download citation\n\nReceived: 14 November 2023\n"
    )
    doc = parse_document(text, "t.txt")
    assert [(s.text, s.citations) for s in doc.statements] == [
        ("The evidence for resistance is thin.", (1,)),
        ("A genotypic assay found no mutations.", (1,)),
        ("A phenotypic survey found reduced susceptibility.", (2,)),
    ]
    assert sorted(doc.references) == [1, 2]


def test_a_handouts_parts_and_en_dash_sub_bullets():
    text = (
        "Motor fluctuations in Parkinson's disease\n\n"
        "Part 1 – Why fluctuations appear\nRoughly 40% of patients develop motor fluctuations after five years [1].\n"
        "• In the 056 trial, 45% had dyskinesia at five years [2].\n"
        "  – The gap narrowed once ropinirole needed levodopa [2].\n\n"
        "Part 4 – Surgical options: subthalamic stimulation and focused ultrasound\n"
        "• In the German multicentre trial, bilateral subthalamic stimulation improved quality of life in 156"
        " patients [3].\n\n"
        "Reading list\n" + "\n".join(f"[{n}] Doe J. Title {n}. Mov Disord. 2001;16:{n}." for n in range(1, 4))
    )
    doc = parse_document(text, "t.txt")
    assert [(s.section, s.text, s.citations) for s in doc.statements] == [
        (
            "Part 1 – Why fluctuations appear",
            "Roughly 40% of patients develop motor fluctuations after five years.",
            (1,),
        ),
        ("Part 1 – Why fluctuations appear", "In the 056 trial, 45% had dyskinesia at five years.", (2,)),
        ("Part 1 – Why fluctuations appear", "The gap narrowed once ropinirole needed levodopa.", (2,)),
        (
            "Part 4 – Surgical options: subthalamic stimulation and focused ultrasound",
            "In the German multicentre trial, bilateral subthalamic stimulation improved quality of life in 156 patients.",
            (3,),
        ),
    ]
    assert sorted(doc.references) == [1, 2, 3]


def test_an_email_gives_no_greeting_title_header_lines_or_signature():
    """A referenced summary pasted from an e-mail: "Hi team," is no title, the quoted message's header
    lines are no claims, and neither are the valediction and the signature under it."""
    text = (
        "Hi team,\n\nFollowing on from the meeting, here is a short summary.\n\n"
        "> From: Priya Raman\n> Sent: 13 February 2025 17:42\n> Subject: LT4 non-responders\n>\n"
        "> We keep seeing patients whose TSH stays high.\n\n"
        "What Counts As Refractory\n\nMost adults need about 1.6 micrograms per kilogram (1). Coffee lowers\n"
        "absorption by a quarter in several studies of patients on a stable dose of the\n"
        "tablet (2). Calcium does the same\n(3). Bedtime dosing helps (1, 2).\n\n"
        "Best wishes,\n\nHelen\n\nDr Helen Marsh\nConsultant Endocrinologist\nExt. 4471 | Bleep 2213\n\n"
        "References\n\n1. Jonklaas J. Guidelines for hypothyroidism. Thyroid. 2014;24:1670-751.\n"
        "2. Benvenga S. Altered absorption of L-thyroxine caused by coffee. Thyroid. 2008;18:293-301.\n"
        "3. Singh N. Effect of calcium carbonate on levothyroxine. JAMA. 2000;283:2822-5.\n"
    )
    document = parse_document(text, "mail.txt")
    assert document.title == ""
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Following on from the meeting, here is a short summary.", ()),
        ("Overview", "We keep seeing patients whose TSH stays high.", ()),
        ("What Counts As Refractory", "Most adults need about 1.6 micrograms per kilogram.", (1,)),
        (
            "What Counts As Refractory",
            "Coffee lowers absorption by a quarter in several studies of patients on a stable dose of the tablet.",
            (2,),
        ),
        ("What Counts As Refractory", "Calcium does the same.", (3,)),  # its marker wrapped to the next line
        ("What Counts As Refractory", "Bedtime dosing helps.", (1, 2)),
    ]
    assert sorted(document.references) == [1, 2, 3]


def test_a_saved_newsletter_gives_no_mail_header_or_signature_and_reads_its_spaced_table():
    """A mail client's plain text: the header lines above the first blank line are no text, the setext title
    is the title, a table set out with spaces under a rule of dashes gives a statement a row, and the
    signature under "--" is no claim."""
    text = (
        "From: Dana Kessler <dk@ento.example.edu>\nTo: list@example.edu\nDate: Thu, 19 Nov 2026 07:42\n"
        "Subject: [Ento] Rootworm Notes 37\n\nROOTWORM NOTES No. 37\n=====================\n\nHello everyone,\n\n"
        "Traits at a glance\n------------------\n\nCry3Bb1 failed first in Iowa [1].\n\n"
        "  Protein   Event        Reg.  First report\n"
        "  --------  -----------  ----  ---------------\n"
        "  Cry3Bb1   MON863       2003  Iowa, 2009 [1]\n"
        "  mCry3A    MIR604       2006  Iowa, 2011 [2]\n\n"
        "Good luck with harvest,\n\nDana\n\n--\nDana R. Kessler, Ph.D.\nExtension Entomologist\n"
        "dk@ento.example.edu | (555) 014-2290\n\nSources\n-------\n\n"
        "[1] Gassmann AJ, St. Clair CR. 2011. Field-evolved resistance to Bt maize. PLoS ONE 6: e22629.\n"
        "[2] Gassmann AJ, Petzold-Maxwell JL. 2014. Resistance to multiple Bt toxins. PNAS 111: 5141-5146.\n"
    )
    document = parse_document(text, "notes.txt")
    assert document.title == "ROOTWORM NOTES No. 37"
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Cry3Bb1 failed first in Iowa.", (1,)),
        ("Protein: Cry3Bb1; Event: MON863; Reg.: 2003; First report: Iowa, 2009", (1,)),
        ("Protein: mCry3A; Event: MIR604; Reg.: 2006; First report: Iowa, 2011", (2,)),
        ("Good luck with harvest", ()),
    ]
    assert document.references[1].authors == "Gassmann AJ, St. Clair CR"
    assert document.references[1].title == "Field-evolved resistance to Bt maize"


def test_a_pandoc_multiline_table_gives_a_row_a_statement_under_its_caption():
    """``pandoc -t plain``: a table between two unbroken rules, a header of two lines, rows apart by blank
    lines with their cells running over lines, and the ": caption" under it."""
    text = (
        "Response to modulators\n======================\n\nIvacaftor works in G551D [1].\n\n"
        "  ------------------------------------------\n"
        "  Regimen      Population        ppFEV1\n"
        "                                 change\n"
        "  ------------ ----------------- -----------\n"
        "  Ivacaftor    G551D, age 12+    +10.6 [1]\n"
        "               (STRIVE)\n\n"
        "  Lumacaftor   F508del/F508del   +2.6 [2]\n"
        "  plus\n"
        "  ivacaftor\n"
        "  ------------------------------------------\n\n"
        "  : Table 1. Mean responses in selected\n  trials\n\n"
        "References\n----------\n\n1.  Ramsey BW. A CFTR potentiator. N Engl J Med. 2011;365:1663-72.\n"
        "2.  Wainwright CE. Lumacaftor-ivacaftor. N Engl J Med. 2015;373:220-31.\n"
    )
    document = parse_document(text, "cftr.txt")
    assert [(s.text, s.citations, s.context) for s in document.statements] == [
        ("Ivacaftor works in G551D.", (1,), ""),
        (
            "Regimen: Ivacaftor; Population: G551D, age 12+ (STRIVE); ppFEV1 change: +10.6",
            (1,),
            "Table 1. Mean responses in selected trials",
        ),
        (
            "Regimen: Lumacaftor plus ivacaftor; Population: F508del/F508del; ppFEV1 change: +2.6",
            (2,),
            "Table 1. Mean responses in selected trials",
        ),
    ]


def test_a_chat_assistants_source_links_and_closing_offer_are_no_claims():
    text = (
        "## Bottom line\n\nDoxycycline cures more rectal infections than azithromycin [^1^][^2^].\n\n"
        "If you'd like, I can turn this into a one-page clinic protocol.\n\n"
        "Learn more: [1. nejm.org](https://doi.org/10.1056/a) [2. cdc.gov](https://www.cdc.gov/std)\n\n"
        '[1]: https://doi.org/10.1056/a "Lau A, Kong FYS. Azithromycin or doxycycline for rectal chlamydia. '
        'N Engl J Med. 2021;384:2418-27"\n'
        '[2]: https://www.cdc.gov/std "Sexually transmitted infections treatment guidelines"\n'
    )
    document = parse_document(text, "copilot.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Doxycycline cures more rectal infections than azithromycin.", (1, 2)),
    ]
    lau = document.references[1]
    assert (lau.authors, lau.title, lau.journal, lau.year) == (
        "Lau A, Kong FYS",
        "Azithromycin or doxycycline for rectal chlamydia",
        "N Engl J Med",
        2021,
    )
    assert document.references[2].title == "Sexually transmitted infections treatment guidelines"


def test_a_newsletter_in_a_mail_clients_plain_text_gives_no_pictures_or_mailing_service_lines():
    text = (
        "View this email in your browser <https://us14.campaign-archive.com/?u=7f3c>\n\n[image: Company logo]\n\n"
        "STREPTOCOCCUS SUIS AND RESISTANCE\n\nTetracycline resistance exceeds 75% of isolates [1].\n\n"
        "REFERENCES\n\n[1] Palmieri C, Varaldo PE. Streptococcus suis and resistance. Vet Microbiol. 2011;148:1-9.\n\n"
        "Forward to a friend <https://us14.forward-to-friend.com/forward?u=7f3c>\n\n"
        "Facebook <https://www.facebook.com/x> | LinkedIn <https://www.linkedin.com/company/x>\n\n"
        "Our mailing address is:\nHollowmere Pig Health Ltd\nDriffield YO25 6RT\n\n"
        "Unsubscribe <https://x.list-manage.com/unsubscribe?u=7f3c> | Update preferences <https://x.example/p>\n"
    )
    document = parse_document(text, "newsletter.txt")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Tetracycline resistance exceeds 75% of isolates.", (1,)),
    ]
    assert sorted(document.references) == [1] and not document.warnings


def test_a_pdf_converters_markdown_gives_its_title_under_the_article_type_and_no_front_or_end_matter():
    """Docling writes every heading at one level, the article type first; the authors' numbers as plain
    digits, the affiliations as list items and the running header as paragraphs; marker-pdf links each
    cited number to its entry's page anchor, the comma or dash inside the link."""
    text = (
        "## Review\n\n## Azole Resistance in Candida tropicalis\n\n"
        "Wei-Lin Hsu 1 , Arjun Mehta 2 and Soo-Jin Park 3, *\n\n"
        "- 1 Department of Laboratory Medicine, National Taiwan University Hospital, Taipei, Taiwan\n"
        "- <sup>2</sup> Unit of Medical Microbiology, Chandigarh, India\n"
        "- **\\*** Correspondence: sjpark@example.kr\n\n"
        "## 1. Introduction\n\nY132F dominates in China<sup>[1,](#page-9-1)[2](#page-9-2)</sup>. "
        "ERG3 loss is rare<sup>[2–](#page-9-2)[4](#page-9-4)</sup>.\n\nJ. Fungi 2024, 10, 87\n\n"
        "K143R gives pan-azole resistance [3].\n\nJ. Fungi 2024, 10, 87\n\n"
        "Conflicts of Interest: The authors declare no conflict of interest.\n\n## References\n\n"
        + "\n".join(
            f'- <span id="page-9-{n}"></span>[{n}] Doe J. Title {n}. Mycoses. 2020;63:{n}.' for n in range(1, 5)
        )
    )
    document = parse_document(text, "tropicalis.md")
    assert document.title == "Azole Resistance in Candida tropicalis"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("1. Introduction", "Y132F dominates in China.", (1, 2)),
        ("1. Introduction", "ERG3 loss is rare.", (2, 3, 4)),
        ("1. Introduction", "K143R gives pan-azole resistance.", (3,)),
    ]
    assert document.references[2].authors == "Doe J" and document.references[2].title == "Title 2"


def test_authors_with_affiliation_digits_glued_on_and_their_affiliations_are_no_claim():
    """A plain-text copy: "Maria Lopez1,2, Tom Becker2" over "1 Department of ...", "2 Institute of ..."."""
    text = (
        "Efflux-mediated resistance in Gram-negative bacteria\n\nMaria Lopez1,2, Tom Becker2\n"
        "1 Department of Microbiology, University of Somewhere, Spain\n2 Institute of Infection, Berlin, Germany\n\n"
        "Introduction\n\nEfflux contributes to resistance in most clinical isolates [1]. AcrAB-TolC spans both"
        " membranes [2].\n" + REFS.replace("## References", "References")
    )
    document = parse_document(text, "t.txt")
    assert document.title == "Efflux-mediated resistance in Gram-negative bacteria"
    assert [(s.section, s.text) for s in document.statements] == [
        ("Introduction", "Efflux contributes to resistance in most clinical isolates."),
        ("Introduction", "AcrAB-TolC spans both membranes."),
    ]


def test_a_medium_article_gives_its_title_and_no_page_lines():
    text = (
        "The Breathing Room\nFollow\n\nWhen the Macrolide Stops Working\nOne base in the 23S rRNA gene\n"
        "Hannah Okafor, PharmD\nFollow\n9 min read\n·\nMar 3, 2025\n--\n142\n3\nListen\nShare\n\n"
        "Macrolide resistance maps to positions 2058 and 2059 [1].\n\nReferences\n\n"
        "[1] Meier A, Kirschner P. Identification of mutations in 23S rRNA gene. Antimicrob Agents Chemother. "
        "1994;38:381-4.\n\n--\n142\n3\nWritten by Hannah Okafor, PharmD\n1.2K Followers\nMore from Hannah Okafor\n"
        "Ethambutol Eyes: What to Check\n5 min read·Jan 9, 2025\nRecommended from Medium\n"
        "Help Status About Careers Press Blog Privacy Terms Text to speech Teams\n"
    )
    document = parse_document(text, "medium.txt")
    assert document.title.startswith("When the Macrolide Stops Working")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Macrolide resistance maps to positions 2058 and 2059.", (1,)),
    ]
    assert sorted(document.references) == [1] and not document.warnings


def test_a_medium_article_exported_with_blank_lines_and_no_audio_buttons_gives_no_byline():
    text = (
        "# When the Macrolide Stops Working\n\n*One base in the 23S rRNA gene*\n\nHannah Okafor\n\nFollow\n\n"
        "9 min read · Mar 3, 2025\n\n1.2K 34\n\nMacrolide resistance maps to positions 2058 and 2059 [1].\n\n"
        "## References\n\n1. Meier A, Kirschner P. Identification of mutations in 23S rRNA gene. Antimicrob Agents "
        "Chemother. 1994;38:381-4.\n"
    )
    document = parse_document(text, "medium.md")
    assert document.title == "When the Macrolide Stops Working"
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Macrolide resistance maps to positions 2058 and 2059.", (1,)),
    ]


def test_a_thank_you_over_prose_is_no_signature():
    text = (
        "# Colistin\n\nLipid A is modified [1].\n\nThank you.\n\nThe reviewers asked for a last point, and it is"
        " that plasmid-borne mcr genes now circulate in animals and in people on every continent [1].\n" + REFS
    )
    assert [t for t, _ in _statements(text)][-1].startswith("The reviewers asked for a last point")


def test_pandoc_citeproc_output_with_typed_dashes_and_fenced_divs():
    text = (
        "---\ntitle: T-DXd resistance\n---\n\n# Introduction {#sec-intro}\n\n"
        "It is an antibody--drug conjugate [1]. The trials [1--3] were not designed for this---nor powered.\n\n"
        "# References\n\n::: {#refs .references .csl-bib-body}\n::: {#ref-modi2020 .csl-entry}\n"
        "[1] S. Modi, C. Saura, et al., Trastuzumab deruxtecan in HER2-positive breast cancer, N. Engl. J. Med. 382"
        " (2020) 610--621. https://doi.org/10.1056/NEJMoa1914510\n:::\n\n::: {#ref-modi2022 .csl-entry}\n"
        "[2] S. Modi, Y. Hee Park, K. Van Baelen, Trastuzumab deruxtecan in HER2-low breast cancer, N. Engl. J. Med."
        " 387 (2022) 9--20.\n:::\n\n::: {#ref-cortes .csl-entry}\n[3] J. Cortés, S.-B. Kim, Trastuzumab deruxtecan"
        " versus trastuzumab emtansine, N. Engl. J. Med. 386 (2022) 1143--1154.\n:::\n:::\n"
    )
    document = parse_document(text, "tdxd.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("It is an antibody–drug conjugate.", (1,)),
        ("The trials were not designed for this—nor powered.", (1, 2, 3)),
    ]
    second = document.references[2]
    assert (second.authors, second.title) == (
        "S. Modi, Y. Hee Park, K. Van Baelen",
        "Trastuzumab deruxtecan in HER2-low breast cancer",
    )
    assert (second.journal, second.year, second.pages) == ("N. Engl. J. Med.", 2022, "9–20")
    assert not document.warnings


def test_pandoc_bracketed_spans_and_scripts_of_letters_are_their_words():
    """A Word file through Pandoc: "[Breakfast\\nskipping]{.underline}" was cut at "{." into two statements, and
    "HbA~1c~" and "*Clock*^Δ19^" kept their marks, so a question about HbA1c was "not covered"."""
    text = (
        "# Shift work\n\n[Breakfast\nskipping]{.underline} is associated with diabetes.^1^ Among shift workers, "
        "HbA~1c~ was 0.3 points higher.^1^ Homozygous *Clock*^Δ19^ mutant mice became obese.^2^ Water is H~2~O and "
        "[4]{.mark} stays a citation.\n" + REFS
    )
    assert _statements(text) == [
        ("Breakfast skipping is associated with diabetes.", (1,)),
        ("Among shift workers, HbA1c was 0.3 points higher.", (1,)),
        ("Homozygous ClockΔ19 mutant mice became obese.", (2,)),
        ("Water is H₂O and stays a citation.", (4,)),
    ]


def test_a_table_whose_first_header_is_a_hash_is_a_table_and_an_apps_dotted_header_no_claim():
    text = (
        '# Palmer amaranth\n\nResearch report · Question: "Why?" · 22 papers · Exported 22 January 2025\n\n'
        "## Papers\n\n| # | Paper | Year | Key finding |\n|---|---|---|---|\n"
        "| 1 | Gaines et al., Gene amplification | 2010 | EPSPS copy number rose |\n\n## Background\n\n"
        f"EPSPS is amplified [1].{REFS}"
    )
    assert [(s.section, s.text) for s in parse_document(text, "t.md").statements] == [
        ("Papers", "#: 1; Paper: Gaines et al., Gene amplification; Year: 2010; Key finding: EPSPS copy number rose"),
        ("Background", "EPSPS is amplified."),
    ]


def test_a_task_lists_open_items_and_their_continuation_lines_are_no_statements():
    text = (
        "# Copper\n\n## Open questions\n\n- [ ] Check whether the strains carry copLAB\n  on a plasmid [1].\n"
        "- [x] Re-read the Tn5393 paper for the transposase\n  genes [2].\n- [x] Ask the extension group.\n" + REFS
    )
    assert _statements(text) == [("Re-read the Tn5393 paper for the transposase genes.", (2,))]


def test_a_list_copied_without_its_bullets_gives_an_item_a_line_under_its_lead_in():
    text = (
        "# Status epilepticus\n\n## Management\n\nFor SRSE, options include the following:\n"
        "Ketamine infusion to target NMDA receptor-mediated excitation[1]\n"
        "The classic ketogenic diet, started in the intensive care unit[2][3]\n"
        "Therapeutic hypothermia to 32 to 35 °C[2]\n\n"
        "Hard-wrapped prose keeps its lines together:\nthe next line runs on in lower case [1],\n"
        "And So Does A Line After A Comma [2].\n" + REFS
    )
    document = parse_document(text, "t.md")
    assert [(s.text, s.citations, s.context) for s in document.statements] == [
        (
            "Ketamine infusion to target NMDA receptor-mediated excitation",
            (1,),
            "For SRSE, options include the following:",
        ),
        (
            "The classic ketogenic diet, started in the intensive care unit",
            (2, 3),
            "For SRSE, options include the following:",
        ),
        ("Therapeutic hypothermia to 32 to 35 °C", (2,), "For SRSE, options include the following:"),
        ("Hard-wrapped prose keeps its lines together: the next line runs on in lower case", (1,), ""),
        ("And So Does A Line After A Comma.", (2,), ""),
    ]


def test_a_tab_separated_table_with_an_empty_corner_cell_keeps_its_rows():
    """Copied from a word processor, a table whose top-left cell is empty starts its header with a tab: the
    header had one cell fewer than its rows and the table was read as one run of words."""
    text = (
        "Candida tropicalis\n\nSurveillance studies\nResistance rose across Asia in the last decade [1].\n\n"
        "\tSetting\tPeriod\tFluconazole R (%)\n"
        "CHIF-NET, China\tBloodstream, multicentre\t2009-2014\t5.7 [1]\n"
        "Taiwan\tBloodstream, single centre\t2016-2019\t14.6 [2]\n"
        "Indian ICU study\tICU-acquired candidemia\t2011-2012\t11.8 [3]\n\n"
        "Resistance is highest in Asia.\n\nReferences\n\n"
        + "\n".join(f"{n}. Doe J. Title {n}. J Med. 2020;1:{n}." for n in range(1, 4))
    )
    assert _statements(text)[1:4] == [
        ("CHIF-NET, China; Setting: Bloodstream, multicentre; Period: 2009-2014; Fluconazole R (%): 5.7", (1,)),
        ("Taiwan; Setting: Bloodstream, single centre; Period: 2016-2019; Fluconazole R (%): 14.6", (2,)),
        ("Indian ICU study; Setting: ICU-acquired candidemia; Period: 2011-2012; Fluconazole R (%): 11.8", (3,)),
    ]


def test_a_tab_separated_tables_header_is_no_heading():
    text = (
        "Heartworm resistance\n\nResistant isolates in the lab\nA handful of isolates now anchor most of the "
        "research, and it helps to know their names [1].\n\nIsolate\tOrigin\tML phenotype\tKey finding\n"
        "Missouri\tMissouri, USA\tSusceptible\tFully controlled by every preventive tested [1]\n"
        "JYD-34\tMississippi valley\tResistant\tIvermectin efficacy of 29.0% [2]\n"
        "MP3\tMississippi Delta\tResistant\tMicrofilariae persisted [3]\n\n"
        "JYD-34 is the benchmark strain.\n\nReferences\n\n"
        + "\n".join(f"{n}. Doe J. Title {n}. J Med. 2020;1:{n}." for n in range(1, 4))
    )
    document = parse_document(text, "t.txt")
    lab = "Resistant isolates in the lab"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        (lab, "A handful of isolates now anchor most of the research, and it helps to know their names.", (1,)),
        (
            lab,
            "Isolate: Missouri; Origin: Missouri, USA; ML phenotype: Susceptible; Key finding: Fully controlled by every preventive tested",
            (1,),
        ),
        (
            lab,
            "Isolate: JYD-34; Origin: Mississippi valley; ML phenotype: Resistant; Key finding: Ivermectin efficacy of 29.0%",
            (2,),
        ),
        (
            lab,
            "Isolate: MP3; Origin: Mississippi Delta; ML phenotype: Resistant; Key finding: Microfilariae persisted",
            (3,),
        ),
        (lab, "JYD-34 is the benchmark strain.", ()),
    ]
    numbered = text.replace("JYD-34 is the benchmark strain.", "1.\tMarkers\n\nTwo SNPs classify most samples [3].")
    assert parse_document(numbered, "t.txt").statements[-1].section == "1. Markers"  # a numbered heading, tab and all


def test_a_blog_post_copied_from_its_page_gives_its_title_and_none_of_the_pages_lines():
    text = (
        "Skip to content\nThe Parasite Desk\nPractical parasitology for the clinic\nHome\nAbout\nSearch for:\nSearch\n\n"
        "When Prevention Fails: Macrocyclic Lactone Resistance\n"
        "Posted on March 12, 2025 by Dr. Laura Whitfield, DVM — 4 Comments\n"
        "Categories: Parasitology, Small animal\nTags: heartworm, ivermectin\n\n"
        "Reports of lack of efficacy have piled up in the Delta [1].\n\nHow the drugs work\n"
        "Moxidectin persists in fat for weeks [2].\n\nReferences\n"
        "1. Hampshire VA. Evaluation of efficacy of heartworm preventives. Vet Parasitol. 2005;133:191-5.\n"
        "2. Geary TG, Moreno Y. Macrocyclic lactone anthelmintics. Curr Pharm Biotechnol. 2012;13:866-72.\n\n"
        "Share this:\nTwitter\nFacebook\nLike this:\nLike Loading...\n\nRelated\nSlow-kill protocols\nJanuary 28, 2025\n\n"
        "Post navigation\n← Giardia in shelter puppies\n\n4 thoughts on “When Prevention Fails”\nMegan R.\n"
        "March 14, 2025 at 9:12 am\nWe had two positives last year.\nReply\n\nLeave a Reply Cancel reply\n"
        "Your email address will not be published.\nPost Comment\n\nProudly powered by WordPress\n"
    )
    document = parse_document(text, "blog.txt")
    assert document.title == "When Prevention Fails: Macrocyclic Lactone Resistance"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Reports of lack of efficacy have piled up in the Delta.", (1,)),
        ("How the drugs work", "Moxidectin persists in fat for weeks.", (2,)),
    ]
    assert sorted(document.references) == [1, 2] and not document.warnings


def test_an_ncbi_bookshelf_chapter_gives_its_title_and_none_of_the_pages_lines():
    text = (
        "NCBI Bookshelf. A service of the National Library of Medicine, National Institutes of Health.\n\n"
        "StatPearls [Internet]. Treasure Island (FL): StatPearls Publishing; 2025 Jan-.\n\nShow details\nSearch term\n\n"
        "Refractory Status Epilepticus\nMaria L. Okafor; Daniel R. Whitcombe.\n\nAuthor Information and Affiliations\n"
        "Authors\nMaria L. Okafor1; Daniel R. Whitcombe2.\nAffiliations\n1 University of Cincinnati\n2 Vanderbilt University\n"
        "Last Update: March 9, 2025.\n\nContinuing Education Activity\nRefractory status epilepticus is a neurologic "
        "emergency in which seizures continue despite an adequately dosed benzodiazepine.\n"
        "Access free multiple choice questions on this topic.\n\nIntroduction\nESETT found no difference between the "
        "three drugs.[1][2]\n\nReview Questions\nAccess free multiple choice questions on this topic.\n"
        "Comment on this article.\n\nReferences\n1.\nKapur J, Elm J. Randomized trial of three anticonvulsant "
        "medications. N Engl J Med. 2019 Nov 28;381(22):2103-2113. [PMC free article: PMC7098487] [PubMed: 31774955]\n"
        "2.\nBrophy GM, Bell R, Vespa PM., Neurocritical Care Society Status Epilepticus Guideline Writing Committee. "
        "Guidelines for the evaluation and management of status epilepticus. Neurocrit Care. 2012 Aug;17(1):3-23.\n\n"
        "Disclosure: Maria Okafor declares no relevant financial relationships with ineligible companies.\n\n"
        "Copyright © 2025, StatPearls Publishing LLC.\n\nThis book is distributed under the terms of the Creative "
        "Commons Attribution-NonCommercial-NoDerivatives 4.0 International (CC BY-NC-ND 4.0) "
        "( http://creativecommons.org/licenses/by-nc-nd/4.0/ ), which permits others to distribute the work.\n\n"
        "Bookshelf ID: NBK500000 PMID: 30000000\n"
    )
    document = parse_document(text, "statpearls.txt")
    assert document.title == "Refractory Status Epilepticus"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        (
            "Continuing Education Activity",
            "Refractory status epilepticus is a neurologic emergency in which seizures continue despite an "
            "adequately dosed benzodiazepine.",
            (),
        ),
        ("Introduction", "ESETT found no difference between the three drugs.", (1, 2)),
    ]
    guideline = document.references[2]
    assert (guideline.authors, guideline.title) == (
        "Brophy GM, Bell R, Vespa PM., Neurocritical Care Society Status Epilepticus Guideline Writing Committee",
        "Guidelines for the evaluation and management of status epilepticus",
    )
    assert guideline.url is None or "creativecommons" not in guideline.url


def test_multimarkdown_metadata_gives_the_title_and_labels_and_labelled_links_their_words():
    text = (
        "Title: Anticoagulant rodenticide resistance\nAuthor: Helen M. Carver\nBase Header Level: 2\n"
        "latex input: mmd-article-header\n\n# Introduction [intro]\n\nWarfarin resistance was first recorded in 1958 [1]. "
        "Its residues are treated in the [non-target section][nontarget].\n\n# Non-target exposure [nontarget]\n\n"
        "Owls carry residues, as [Table 1][tab1] shows [2].\n" + REFS
    )
    document = parse_document(text, "rodents.md")
    assert document.title == "Anticoagulant rodenticide resistance"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Introduction", "Warfarin resistance was first recorded in 1958.", (1,)),
        ("Introduction", "Its residues are treated in the non-target section.", ()),
        ("Non-target exposure", "Owls carry residues, as Table 1 shows.", (2,)),
    ]


def test_a_stack_exchange_page_is_read_as_its_question_and_first_answer():
    text = (
        "Why do staphylococci become daptomycin non-susceptible?\nAsked 2 years, 3 months ago\nModified 8 months ago\n"
        "Viewed 4k times\n12\n\nWe had a patient whose daptomycin MIC rose on treatment.\n\n"
        "microbiology antibiotics staphylococcus-aureus\n\nShare Improve this question Follow\n"
        "edited Mar 3, 2023 at 14:02\nasked Feb 28, 2023 at 22:47\nkestrel_pharm\n1,234 5 20 41\n2 Answers\n"
        "Sorted by:\nReset to default\n\nHighest score (default)\n\n27\n\nShort answer\n\n"
        "Gain-of-function mprF mutations come first in S. aureus [1].\n\nReferences\n\n"
        "1. Ernst CM, Peschel A. Broad-spectrum antimicrobial peptide resistance by MprF. Mol Microbiol. "
        "2011;80:290-9.\n\nShare Improve this answer Follow\nanswered Apr 11, 2023 at 9:15\ngram_positive_rod\n"
        "8,911 2 28 57\n5\nGreat answer, thanks! – kestrel_pharm Apr 12, 2023 at 7:40\nAdd a comment\n4\n\n"
        "Honestly, the mechanism matters less than source control.\n\nShare Improve this answer Follow\n"
        "answered Jul 2, 2024 at 21:58\nNightShiftRegistrar\n641 1 6 14\nAdd a comment\nYour Answer\n"
        "Post Your Answer\n\nHot Network Questions\nWhy does caffeine make some people sleepy?\n"
    )
    document = parse_document(text, "se.txt")
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "We had a patient whose daptomycin MIC rose on treatment.", ()),
        ("Short answer", "Gain-of-function mprF mutations come first in S. aureus.", (1,)),
    ]
    assert sorted(document.references) == [1] and not document.warnings


def test_a_substack_post_loses_its_buttons_counts_box_and_discussion():
    text = (
        "Dryland Weeds Dispatch\nSubscribe\nSign in\n\nKochia keeps winning\nFive modes of action down\n"
        "Dana Kowalczyk\nMar 4, 2025\n48\n6\nShare\n\nKochia outcrosses through wind-borne pollen [1].\n\n"
        "Thanks for reading Dryland Weeds Dispatch! Subscribe for free to receive new posts and support my work.\n\n"
        "Glyphosate: more copies of the target\nExtra EPSPS copies form a tandem array on one chromosome pair, "
        "as fluorescence in situ hybridization showed [2].\n\nReferences\n"
        "1. Friesen LF, Beckie HJ. Kochia biology. Can J Plant Sci. 2009;89:141-67.\n"
        "2. Jugulam M, Gill BS. Tandem amplification of EPSPS. Genetics. 2014;198:1051-9.\n\n48\n6\nShare\nPrevious\n"
        "Next\nDiscussion about this post\nComments\nMark Heidt\nMar 5\nSame story north of Goodland.\nLike (3)\n"
        "Ready for more?\nSubscribe\n© 2025 Dana Kowalczyk\nSubstack is the home for great culture\n"
    )
    document = parse_document(text, "substack.txt")
    assert document.title.startswith("Kochia keeps winning")
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Kochia outcrosses through wind-borne pollen.", (1,)),
        (
            "Glyphosate: more copies of the target",
            "Extra EPSPS copies form a tandem array on one chromosome pair, as fluorescence in situ hybridization showed.",
            (2,),
        ),
    ]
    assert sorted(document.references) == [1, 2] and not document.warnings


def test_a_heading_with_a_subtitle_right_above_its_text_may_run_longer():
    text = (
        "Kochia resistance notes\n\nWhy kochia wins\nKochia outcrosses readily through wind-borne pollen, and its "
        "tumbleweeds carry seed for kilometres in autumn [1].\n\nDicamba, 2,4-D and fluroxypyr: the auxin problem\n"
        "Dicamba-resistant kochia was first reported from Montana and North Dakota small-grain fields [2].\n\n"
        "Chromosomal fosA – why Klebsiella MICs run high\nChromosomal fosA is found in Klebsiella pneumoniae and "
        "Enterobacter cloacae but not in Escherichia coli [1].\n\nReferences\n\n"
        + "\n".join(f"{n}. Doe J. Title {n}. J Med. 2020;1:{n}." for n in range(1, 3))
    )
    assert [s.section for s in parse_document(text, "t.txt").statements] == [
        "Why kochia wins",
        "Dicamba, 2,4-D and fluroxypyr: the auxin problem",
        "Chromosomal fosA – why Klebsiella MICs run high",
    ]


def test_an_mdx_pages_imports_components_comments_and_admonition_titles_are_no_text():
    text = (
        "---\ntitle: Drug resistance in Babesia\n---\n\nimport Tabs from '@theme/Tabs';\n"
        "import TabItem from '@theme/TabItem';\n\nexport const lastReviewed = '2024-11-18';\n\n"
        "# Drug resistance in Babesia\n\n:::tip Monitoring relapsing patients\n\n"
        "Sequence cytb from any relapse isolate [1].\n\n:::\n\n<Tabs>\n"
        '<TabItem value="human" label="Human babesiosis" default>\n\nTafenoquine cleared a relapsing infection [2].\n\n'
        "</TabItem>\n</Tabs>\n\n{/* TODO: add the 2024 cohort */}\n\n## References\n\n"
        "1. Simon MS, Westblade LF. Cytochrome b mutations in Babesia microti. J Infect Dis. 2017;215:1-2.\n"
        "2. Rogers R, Krause PJ. Tafenoquine for babesiosis. Clin Infect Dis. 2023;76:1-3.\n"
    )
    document = parse_document(text, "babesia.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Sequence cytb from any relapse isolate.", (1,)),
        ("Tafenoquine cleared a relapsing infection.", (2,)),
    ]


def test_a_converted_word_documents_title_paragraph_above_its_first_heading_is_its_title():
    text = (
        "Hypomethylating agent failure in myelodysplastic syndromes\n\nClare M\\. Hollis and Laurent Ferrand\n\n"
        'Department of Haematology, St Aldhelm’s University Hospital\n\n# <a id="_Toc1"></a>Abstract\n\n'
        "Survival after failure is short \\[1\\]\\.\n\n# Introduction\n\nAzacitidine prolonged survival \\[2\\]\\.\n"
        "\n# References\n\n1\\. Prebet T, Vey N\\. Outcome after azacitidine failure\\. J Clin Oncol\\. 2011;29:3322\\-7\\.\n"
        "2\\. Fenaux P, Mufti GJ\\. Azacitidine in higher-risk MDS\\. Lancet Oncol\\. 2009;10:223\\-32\\.\n"
    )
    document = parse_document(text, "mds.md")
    assert document.title == "Hypomethylating agent failure in myelodysplastic syndromes"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Abstract", "Survival after failure is short.", (1,)),
        ("Introduction", "Azacitidine prolonged survival.", (2,)),
    ]


def test_a_note_apps_check_boxes_are_task_items_and_refs_heads_the_reference_list():
    text = (
        "Fosfomycin reading notes\n\nTransporters\n•\tGlpT carries fosfomycin into most Gram-negatives [1].\n"
        "\tLoss of uhpA behaves like a uhpT deletion [2].\n\nTo do\n☐\tAsk micro whether MICs are by agar dilution\n"
        "☑\tEmail pharmacy about the sodium load\n\nRefs\n1.\tCastañeda-García A, Blázquez J. Fosfomycin uptake. "
        "Antimicrob Agents Chemother. 2013;57:2434-42.\n2.\tTakahata S, Ida T. Resistance in E. coli. Int J "
        "Antimicrob Agents. 2010;35:333-7.\n"
    )
    document = parse_document(text, "notes.txt")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("GlpT carries fosfomycin into most Gram-negatives.", (1,)),
        ("Loss of uhpA behaves like a uhpT deletion.", (2,)),
    ]
    assert sorted(document.references) == [1, 2] and not document.warnings


def test_a_lynx_dump_reads_as_its_article_with_links_as_their_words():
    text = (
        "Meningococcal resistance | Clinical Microbiology Perspectives\n\n"
        "   [1]Skip to main content [2]Home [3]Topics [4]Sign in\n\n"
        "   Search: ______________________________ (BUTTON) Search\n\n"
        "   [5]Home > [6]Bacteriology > Review\n\n"
        "Meningococcal resistance\n\n"
        "   [7]Marta Ahlqvist & [8]Luisa C. Ferreira\n\n"
        "   Clinical Microbiology Perspectives volume 11 (2025) [9]Download PDF [10]Cite this article\n\n"
        "Introduction\n\n"
        "   Lineages are tracked in the [11]PubMLST database, which holds allele\n"
        "   schemes for penA and gyrA [1]. Ceftriaxone remains active [1, 2].\n\n"
        "   [IMG] Figure 1. Timeline of resistance events\n\n"
        "   [12]View larger image [13]Download PowerPoint slide\n\n"
        "References\n\n"
        "    1. Stephens DS, Greenwood B. Epidemic meningitis. Lancet.\n"
        "       2007;369:2196-2210. [14]CrossRef [15]Google Scholar\n"
        "    2. Deghmane AE, Taha MK. Reduced susceptibility to cephalosporins. J\n"
        "       Antimicrob Chemother. 2017;72:95-98. [16]CrossRef [17]Google\n"
        "       Scholar\n\n"
        "   [18]Privacy [19]Contact [20]Back to top\n\n"
        "   (c) 2025 Clinical Microbiology Perspectives. All rights reserved.\n\n"
        "References\n\n   Visible links:\n"
        + "".join(f"   {n}. https://example.org/{n}\n" for n in range(1, 14))
        + "  14. https://doi.org/10.1016/S0140-6736(07)61016-2\n  15. https://scholar.google.com/?q=1\n"
        "  16. https://doi.org/10.1093/jac/dkw400\n  17. https://scholar.google.com/?q=2\n"
        + "".join(f"  {n}. https://example.org/{n}\n" for n in range(18, 21))
    )
    document = parse_document(text, "lynx.txt")
    assert document.title == "Meningococcal resistance"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        (
            "Introduction",
            "Lineages are tracked in the PubMLST database, which holds allele schemes for penA and gyrA.",
            (1,),
        ),
        ("Introduction", "Ceftriaxone remains active.", (1, 2)),
    ]
    assert document.references[1].doi == "10.1016/S0140-6736(07)61016-2"
    assert document.references[2].doi == "10.1093/jac/dkw400"
    assert document.references[2].journal == "J Antimicrob Chemother"
    assert not document.warnings


def test_a_plain_text_tables_wrapped_cells_join_their_rows():
    text = (
        "Determinants\n\nThe main determinants are listed below [1].\n\n"
        "Drug              Gene       Key change                  Refs\n"
        "Penicillin        penA       F504L, A510V, I515V,        [1]\n"
        "                             I566V (mosaic)\n"
        "Penicillin,       blaROB-1   chromosomal beta-           [2]\n"
        "ampicillin                   lactamase\n"
        "Rifampicin        rpoB       H552Y, S548F                [2]\n"
        "Minor, a twofold MIC increase; High, clinical resistance expected in practice.\n\n"
        "References\n\n1. Doe J. Title one. J Med. 2020;1:1.\n2. Roe K. Title two. J Med. 2021;2:2.\n"
    )
    rows = [(s.text, s.citations) for s in parse_document(text, "table.txt").statements if s.text.startswith("Drug")]
    assert rows == [
        ("Drug: Penicillin; Gene: penA; Key change: F504L, A510V, I515V, I566V (mosaic)", (1,)),
        ("Drug: Penicillin, ampicillin; Gene: blaROB-1; Key change: chromosomal beta-lactamase", (2,)),
        ("Drug: Rifampicin; Gene: rpoB; Key change: H552Y, S548F", (2,)),
    ]


def test_an_uptodate_topic_loses_its_menu_editors_dates_contents_and_cross_references():
    text = (
        "UpToDate\nSearch\nContents\nCalculators\n\nRefractory chronic cough in adults: Management\n\n"
        "Author: Helen M Castellano, MD\nSection Editor: Richard D Okafor, MD\n\n"
        "Literature review current through: Feb 2025.\nThis topic last updated: Jan 14, 2025.\n\n"
        "All topics are updated as new evidence becomes available and our peer review process is complete.\n\n"
        "Contents\nINTRODUCTION\nMANAGEMENT\nNeuromodulators\nREFERENCES\n\n"
        "INTRODUCTION — Chronic cough lasts longer than eight weeks in adults [1]. The general evaluation is "
        'discussed separately. (See "Evaluation of chronic cough in adults".)\n\n'
        "MANAGEMENT\n\nNeuromodulators\nGabapentin improved cough-specific quality of life in a randomized trial [2]. "
        "(See 'Summary' below.)\n\nUse of UpToDate is subject to the Terms of Use.\n\nREFERENCES\n\n"
        "1. Irwin RS, French CL. Classification of cough. Chest 2018; 153:196.\n"
        "2. Ryan NM, Birring SS. Gabapentin for refractory chronic cough. Lancet 2012; 380:1583.\n\n"
        "Topic 12345 Version 21.0\n\n© 2025 UpToDate, Inc. and/or its affiliates. All Rights Reserved.\n"
    )
    document = parse_document(text, "uptodate.txt")
    assert document.title == "Refractory chronic cough in adults: Management"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("INTRODUCTION", "Chronic cough lasts longer than eight weeks in adults.", (1,)),
        ("INTRODUCTION", "The general evaluation is discussed separately.", ()),
        ("Neuromodulators", "Gabapentin improved cough-specific quality of life in a randomized trial.", (2,)),
    ]
    assert sorted(document.references) == [1, 2] and not document.warnings


def test_a_consensus_answer_loses_its_menu_and_meter_and_its_papers_are_the_references():
    text = (
        "Consensus\nSearch\nCopilot\nIs azithromycin still reliable for syphilis?\nFilters\nShare\n\n"
        "Summary\nAzithromycin can no longer be relied on, because A2058G blocks macrolide binding [1].\n\n"
        "Consensus Meter\nIs azithromycin effective for treating syphilis?\nNo - 73%\nYes - 27%\nBased on 2 papers\n"
        "Beta\n\nCopilot\nHere is what the research says, drawn from 2 papers.\n\nWhy azithromycin was abandoned\n"
        "Guideline panels cite converging evidence:\n"
        "Treatment failure was documented in patients infected with A2058G strains [1].\n"
        "Resistance mutations became the majority genotype within a decade of routine use [2].\n\n"
        "Papers\n2 results\nSort by: Relevance\n\n1.\nMacrolide resistance in Treponema pallidum\n"
        "S. A. Lukehart, C. Godornes, ...\nNew England Journal of Medicine · 2004 · 402 citations\n"
        "doi.org/10.1056/NEJMoa040216\nHighly Cited\nStudy snapshot\nA2058G in four cities.\n\n2.\n"
        "Two mutations associated with macrolide resistance\nM. Grimes, S. Sahi\nSexually Transmitted Diseases · 2012\n"
        "Study snapshot\nBoth mutations increased in Seattle.\n\nLoad more\nAsk a follow-up question\n"
    )
    document = parse_document(text, "consensus.txt")
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Summary", "Azithromycin can no longer be relied on, because A2058G blocks macrolide binding.", (1,)),
        (
            "Why azithromycin was abandoned",
            "Treatment failure was documented in patients infected with A2058G strains.",
            (1,),
        ),
        (
            "Why azithromycin was abandoned",
            "Resistance mutations became the majority genotype within a decade of routine use.",
            (2,),
        ),
    ]
    first, second = document.references[1], document.references[2]
    assert (first.authors, first.title, first.journal, first.year, first.doi) == (
        "Lukehart SA, Godornes C, et al",
        "Macrolide resistance in Treponema pallidum",
        "New England Journal of Medicine",
        2004,
        "10.1056/NEJMoa040216",
    )
    assert (second.authors, second.year, second.doi) == ("Grimes M, Sahi S", 2012, None)
    assert not document.warnings


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Cure was 95.0% with benzathine penicillin G. A multicentre trial found the same.",
            ["Cure was 95.0% with benzathine penicillin G.", "A multicentre trial found the same."],
        ),
        (
            "Rats need more vitamin K. A wider survey added mice.",
            ["Rats need more vitamin K.", "A wider survey added mice."],
        ),
        ("The biologist Georg A. Goldfuss named it.", ["The biologist Georg A. Goldfuss named it."]),
    ],
)
def test_a_one_letter_name_ends_a_sentence_before_the_article_a(text, sentences):
    assert [c[0].text for c in split_sentences(make_block(text))] == sentences


def test_a_check_mark_without_a_box_is_a_bullet_not_a_done_task():
    text = (
        "Reflux notes\n\nKey points\n✅ Vonoprazan healed more erosive oesophagitis than lansoprazole.\n"
        "✓ Baclofen cuts transient sphincter relaxations [1].\n\nTo do\n☑\tEmail pharmacy about the sodium load\n\n"
        "References\n1. Lidums I, Dent J. Baclofen and TLESRs. Gastroenterology. 2000;118:7-13.\n"
    )
    assert [(s.section, s.text, s.citations) for s in parse_document(text, "notes.txt").statements] == [
        ("Key points", "Vonoprazan healed more erosive oesophagitis than lansoprazole.", ()),
        ("Key points", "Baclofen cuts transient sphincter relaxations.", (1,)),
    ]


@pytest.mark.parametrize("bullet", ["►", "▪", "●", "◦", "·", "\uf0b7", "o"])  # U+F0B7: Word's Symbol-font bullet
def test_a_word_processors_bullet_glyphs_mark_items(bullet):
    """ "► efflux ...", and a PDF copy's second-level "o": each item a statement with its own citations."""
    text = (
        "Resistance in tumours\n\nMechanisms\n\nMechanisms include:\n"
        f"{bullet} efflux pumps that export drugs [1]\n{bullet} target mutations [2]\n\n"
        "They often act together [3].\n" + REFS.replace("## References", "References")
    )
    assert [(s.text, s.citations) for s in parse_document(text, "t.txt").statements] == [
        ("efflux pumps that export drugs", (1,)),
        ("target mutations", (2,)),
        ("They often act together.", (3,)),
    ]


def test_a_line_opening_with_a_lone_o_is_no_item():
    text = "Resistance in tumours\n\nMechanisms\n\no Tumours resist drugs [1].\n" + REFS.replace(
        "## References", "References"
    )
    assert [s.text for s in parse_document(text, "t.txt").statements] == ["o Tumours resist drugs."]


def test_a_text_browsers_journal_page_reads_as_its_article():
    text = (
        "Skip to main content\n\n[Springer Nature Link]\nLog in\nMenu\nSearch [                    ] [Search]\nCart\n\n"
        "  1. Home\n  2. Clinical Microbiology Reviews\n  3. Article\n\n"
        "Antimicrobial susceptibility of Nocardia species:\nspecies-specific patterns and treatment\n\n"
        "  • Review\n  • Open access\n  • Published: 21 October 2025\n\n  • Volume 44, pages 2713–2729, (2025)\n\n"
        "Cite this article  Download PDF  Share\n\n"
        "Marta Olivares-Ruiz 1, Jonas Keller 2 & Thomas Beaulieu 1,3\n\n  • 2184 Accesses\n\n  • 6 Citations\n\n"
        "Abstract\n\nLinezolid inhibits virtually every clinical isolate.\n\n"
        "Similar content being viewed by others\n\n[image] Nocardiosis in transplant recipients\n\n"
        "Article 18 March 2024\n\nIntroduction\n\nNocardia are aerobic actinomycetes that live in soil [1].\n\n"
        "┌──────────────┬──────────────────┐\n│Species       │Usually           │\n│              │susceptible       │\n"
        "├──────────────┼──────────────────┤\n│N. farcinica  │Amikacin,         │\n│              │linezolid [1]     │\n"
        "├──────────────┼──────────────────┤\n│N. nova       │Clarithromycin [2]│\n"
        "└──────────────┴──────────────────┘\n\nFull size table\n\nReferences\n\n"
        "  1. Brown-Elliott BA, Wallace RJ Jr (2006) Clinical and laboratory features of the\n"
        "     Nocardia spp. Clin Microbiol Rev 19:259–282.\n     https://doi.org/10.1128/CMR.19.2.259-282.2006\n\n"
        "     Article  CAS  PubMed  Google Scholar\n\n"
        "  2. Schlaberg R, Hanson KE (2014) Susceptibility profiles of Nocardia isolates.\n"
        "     Antimicrob Agents Chemother 58:795–800.\n\n     Article  CAS  PubMed  Google Scholar\n\n"
        "Download references\n\nAuthors and Affiliations\n\n  1. Department of Clinical Microbiology, Madrid, Spain\n"
        "     Marta Olivares-Ruiz\n\nSearch by keyword or author\n\nFind a journal\n\nTrack your research\n\n"
        "© 2025 Springer Nature\n"
    )
    document = parse_document(text, "w3m.txt")
    assert document.title == "Antimicrobial susceptibility of Nocardia species: species-specific patterns and treatment"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Abstract", "Linezolid inhibits virtually every clinical isolate.", ()),
        ("Introduction", "Nocardia are aerobic actinomycetes that live in soil.", (1,)),
        ("Introduction", "Species: N. farcinica; Usually susceptible: Amikacin, linezolid", (1,)),
        ("Introduction", "Species: N. nova; Usually susceptible: Clarithromycin", (2,)),
    ]
    assert document.references[1].doi == "10.1128/CMR.19.2.259-282.2006"
    assert document.references[2].journal == "Antimicrob Agents Chemother"
    # the page's matter after the list is said as left out, and nothing else is
    assert document.warnings == (
        "w3m.txt: 1 section(s) after the reference list cite nothing and are read as the page's own matter, not"
        " statements: 'Authors and Affiliations'",
    )


def test_a_section_past_the_last_reference_list_that_cites_nothing_holds_no_claim():
    text = (
        "# Review\n\n## Findings\n\nThe drug failed in most patients [1].\n\n## References\n\n"
        "1. Doe J. Drug failure. J Med. 2020;1:1.\n\n## Recommended for you\n\nA newsletter about gut health.\n\n"
        "## Appendix\n\nThe search also found a second trial [1].\n"
    )
    assert [(s.section, s.text) for s in parse_document(text, "page.md").statements] == [
        ("Findings", "The drug failed in most patients."),
        ("Appendix", "The search also found a second trial."),
    ]


def test_a_tables_legend_of_abbreviations_is_no_heading_and_no_claim():
    text = (
        "Review\n\nPatterns\n\nSpecies\tUsually susceptible\tRef\nN. farcinica\tAmikacin, TMP-SMX\t[1]\n"
        "N. nova\tClarithromycin\t[1]\n\nTMP-SMX trimethoprim-sulfamethoxazole\n\n"
        "The species mix differs between regions [1].\n\nReferences\n\n1. Doe J. Nocardia. J Med. 2020;1:1.\n"
    )
    statements = parse_document(text, "legend.txt").statements
    assert [(s.section, s.text) for s in statements][-1] == ("Patterns", "The species mix differs between regions.")
    assert not any("trimethoprim-sulfamethoxazole" in s.text for s in statements)


def test_a_medscape_article_loses_its_menu_outline_page_breaks_and_gallery():
    text = (
        "Medscape\nDrugs & Diseases\nLog in\nRegister\n\nDrugs & Diseases > Hematology\n"
        "Refractory Immune Thrombocytopenia in Adults\nUpdated: Jan 22, 2025\n"
        "Author: Adrian K Holloway, MD; Chief Editor: Renata M Szabo, MD  more...\nShare\nFeedback\nPrint\n"
        "Sections\nRefractory Immune Thrombocytopenia in Adults\nOverview\nPractice Essentials\nTreatment\n"
        "Media Gallery\nReferences\nOverview\nPractice Essentials\n\n"
        "Refractory ITP accounts for most disease-related morbidity.[1] See Workup for more detail.\n\n"
        "Next: Treatment\nAdvertisement\n\nTreatment\n\nRomiplostim gave durable responses in 38%.[2]\n\n"
        "Medication\nMedication Summary\n\nTPO-RAs are the preferred maintenance agents.[2]\n\n"
        "Media Gallery\nPeripheral blood smear in immune thrombocytopenia.\nof 3\n\nReferences\n\n"
        "1. Cuker A, Neunert CE. How I treat refractory ITP. Blood. 2016 Sep 22. 128 (12):1547-54. [QxMD MEDLINE Link].\n"
        "2. Kuter DJ, Bussel JB. Romiplostim in chronic ITP. Lancet. 2008 Feb 2. 371 (9610):395-403. "
        "[QxMD MEDLINE Link]. [Full Text].\n\nClose\nWhat would you like to print?\nPrint this section\n"
    )
    document = parse_document(text, "medscape.txt")
    assert document.title == "Refractory Immune Thrombocytopenia in Adults"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Practice Essentials", "Refractory ITP accounts for most disease-related morbidity.", (1,)),
        ("Treatment", "Romiplostim gave durable responses in 38%.", (2,)),
        ("Medication Summary", "TPO-RAs are the preferred maintenance agents.", (2,)),
    ]
    assert document.references[2].journal == "Lancet" and not document.warnings


def test_a_github_issue_is_read_as_its_opening_comment_and_the_replies_that_cite():
    text = (
        "Skip to content\nNavigation Menu\namr-curation\n/\ncarbapenemase-db\n\nType / to search\n\nPublic\nFork 23\n"
        "Code\nIssues\n57\nLiterature review: OXA-48-like family #412\nNew issue\nOpen\n"
        "curator-jl opened this issue on Mar 3, 2025 · 3 comments\nComments\n@curator-jl\n"
        "curator-jl commented on Mar 3, 2025 •\nedited\nMember\nAuthor\nBackground\n\n"
        "OXA-48 was first described in Istanbul in 2001 [1].\n\nReferences\n\n"
        "[1] Poirel L, Nordmann P. Emergence of OXA-48. Antimicrob Agents Chemother. 2004;48:15-22.\n"
        "[2] Dortet L, Naas T. Evaluation of the OXA-48 K-SeT assay. J Antimicrob Chemother. 2016;71:1834-40.\n\n"
        "👍 3 ❤️ 1\n@mbhatt-amr\nmbhatt-amr commented on Mar 4, 2025\nContributor\n"
        "Can we add a column on rapid tests?\n\n@curator-jl\ncurator-jl commented on Mar 4, 2025\nMember\nAuthor\n"
        "The K-SeT cassette also detected OXA-181 producers [2].\n\n"
        "@curator-jl curator-jl added the documentation label on Mar 4, 2025\n"
        "@mbhatt-amr mbhatt-amr mentioned this issue on Mar 5, 2025\nAdd OXA-48-like family notes #415\nOpen\n"
        "@rk\nrk commented on Mar 5, 2025\nContributor\nThanks, merged locally.\n\nAssignees\n@curator-jl\nLabels\n"
        "documentation\nFooter\n© 2025 GitHub, Inc.\n"
    )
    document = parse_document(text, "issue.txt")
    assert document.title == "Literature review: OXA-48-like family"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Background", "OXA-48 was first described in Istanbul in 2001.", (1,)),
        ("Comment by curator-jl, Mar 4, 2025", "The K-SeT cassette also detected OXA-181 producers.", (2,)),
    ]
    assert sorted(document.references) == [1, 2]
    assert document.warnings == (
        "issue.txt: 1 section(s) after the reference list cite nothing and are read as the page's own matter, not"
        " statements: 'Comment by rk, Mar 5, 2025'",
    )  # the reply that cites nothing is said as left out


def test_a_hackmd_note_loses_its_tags_line_toc_emoji_shortcodes_and_insert_marks():
    text = (
        "---\ntitle: Macrolide-resistant pertussis\ntags: pertussis, AMR\n---\n\n# Macrolide-resistant pertussis\n\n"
        "###### tags: `pertussis` `AMR`\n\n[TOC]\n\n:::info\n:pushpin: **Status:** living note.\n:::\n\n"
        "## 1. Mechanism :dna:\n\nThe first resistant isolate was found in Arizona in 1994 [1]. "
        "++Micro update: our lab now runs the domain V PCR.++\n\n:warning: Read plates at 5–7 days, not 3 [1].\n\n"
        "{%hackmd BkXp3tQ9Zr %}\n\n## References\n\n1. Lewis K, Saubolle MA. Pertussis in Arizona. MMWR. 1995;44:1.\n"
    )
    document = parse_document(text, "hackmd.md")
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Status: living note.", ()),
        ("1. Mechanism", "The first resistant isolate was found in Arizona in 1994.", (1,)),
        ("1. Mechanism", "Micro update: our lab now runs the domain V PCR.", ()),
        ("1. Mechanism", "Read plates at 5–7 days, not 3.", (1,)),
    ]


def test_a_slack_channel_reads_as_its_messages_under_their_posters():
    text = (
        "#id-pharmacy-journal-club\n👤 31  |  📌 2  |  ID pharmacy journal club.\n\nTuesday, March 4th\n\n"
        "Google Drive  APP  4:12 PM\nDr. Okafor shared a folder\n📁 JC 2025-03\n:+1: 5\n\n"
        "Priya Natarajan  10:42 AM\n*1) How linezolid works*\nLinezolid binds the A site of the PTC [1]. "
        "@Dr. Okafor asked for a digest. (edited)\n:+1: 7  :pray: 3\n11 replies\nLast reply 2 hours ago\nView thread\n\n"
        "Marcus Lee, PharmD  11:20 AM\nMarshall et al. tied MICs to the number of mutant 23S alleles [2].\n👍 3\n\n"
        "Priya Natarajan  12:02 PM\nPosting the paper\nhttps://pubmed.ncbi.nlm.nih.gov/28483962/\nPubMed\n"
        "Five-Year Summary of Linezolid Activity\nThe LEADER program has monitored linezolid since 2004.\n\n"
        "Priya Natarajan  1:40 PM\n*References*\n1. Long KS, Vester B. Resistance to linezolid. "
        "Antimicrob Agents Chemother. 2012;56:603-12.\n2. Marshall SH, Rice LB. Gene dosage and linezolid resistance. "
        "Antimicrob Agents Chemother. 2002;46:3334-6.\n"
    )
    document = parse_document(text, "slack.txt")
    assert document.title == "id-pharmacy-journal-club"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("1) How linezolid works", "Linezolid binds the A site of the PTC.", (1,)),
        ("1) How linezolid works", "Dr. Okafor asked for a digest.", ()),
        ("Marcus Lee, PharmD, 11:20 AM", "Marshall et al. tied MICs to the number of mutant 23S alleles.", (2,)),
        ("Priya Natarajan, 12:02 PM", "Posting the paper", ()),
    ]
    assert sorted(document.references) == [1, 2] and not document.warnings


def test_a_line_under_a_slack_bullet_is_a_statement_of_its_own():
    # A chat message's lines are hard breaks: the line after a bullet is not the bullet's lazy continuation.
    posters = "".join(f"Poster {k}  1{k}:0{k} AM\nLine {k}.\n\n" for k in range(1, 3))
    text = (
        f"#journal-club\n\n{posters}Sofia Ramírez  11:34 AM\nTwo things:\n"
        "• optrA sits beside fexA on one plasmid [1]\nAlso, the ABC-F review is a nice read [2]. (edited)\n\n"
        "References\n1. Long KS. Linezolid. J Antimicrob. 2012;1:1-2.\n2. Sharkey LK. ABC-F. mBio. 2016;7:1-3.\n"
    )
    statements = [(s.text, s.citations) for s in parse_document(text, "slack.txt").statements]
    assert ("optrA sits beside fexA on one plasmid", (1,)) in statements
    assert ("Also, the ABC-F review is a nice read.", (2,)) in statements


def test_a_preprint_page_with_tabs_orcid_links_and_arrowed_references():
    text = (
        "Skip to main content\nbioRxiv\nTHE PREPRINT SERVER FOR BIOLOGY\nSearch\nNew Results\nFollow this preprint\n"
        "Viral escape from broadly neutralizing antibodies in HIV-1 prevention and therapy\n"
        "Hannah R. Okonkwo View ORCID Profile, Matteo Bianchi, Sipho N. Dlamini View ORCID Profile\n"
        "doi: https://doi.org/10.1101/2025.02.14.638211\n"
        "This article is a preprint and has not been certified by peer review [what does this mean?].\n"
        "Abstract\nFull Text\nInfo/History\nMetrics\n Preview PDF\nAbstract\n"
        "Broadly neutralizing antibodies have moved to phase 2b efficacy trials.\n\n1. Introduction\n"
        "VRC01 mimics CD4 binding (1). Rebound viruses lost the N332 glycan (2, 3).\n\nDownload figure\nOpen in new tab\n\n"
        "References\n1.↵ Wu X, Yang ZY. Rational design of envelope. Science. 2010;329:856–61.\nCrossRef PubMed Google Scholar\n"
        "2.↵ Caskey M, Schoofs T. Antibody 10-1074 suppresses viremia. Nat Med. 2017;23:185–91.\n"
        "CrossRef PubMed Google Scholar\n3.↵ Bar-On Y, Gruell H. Safety of 3BNC117 and 10-1074. Nat Med. 2018;24:1701–7.\n"
        "CrossRef PubMed Google Scholar\n\nBack to top\nPrevious\nNext\nPosted February 17, 2025.\n"
    )
    document = parse_document(text, "biorxiv.txt")
    assert document.title == "Viral escape from broadly neutralizing antibodies in HIV-1 prevention and therapy"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Abstract", "Broadly neutralizing antibodies have moved to phase 2b efficacy trials.", ()),
        ("1. Introduction", "VRC01 mimics CD4 binding.", (1,)),
        ("1. Introduction", "Rebound viruses lost the N332 glycan.", (2, 3)),
    ]
    assert [r.first_author for r in document.references.values()] == ["Wu", "Caskey", "Bar-On"]
    assert not document.warnings


def test_a_full_stop_after_ph_ends_the_sentence():
    # pysbd reads "pH." as an abbreviation; the acidity ends a sentence like any word (the concrete review).
    text = "## Binding\n\nThe hydrates resist the drop in pH[4]. In a mortar, thresholds were 1.2% to 3.1%[2].\n"
    assert _statements(text + REFS) == [
        ("The hydrates resist the drop in pH.", (4,)),
        ("In a mortar, thresholds were 1.2% to 3.1%.", (2,)),
    ]
    # ... and "ms." after a number, which it reads as "Ms." (the surface-code review).
    text = "## Bursts\n\nEach lasted about 25 ms [19]. Even on Willow, errors set a floor [17].\n"
    assert _statements(text + REFS20) == [
        ("Each lasted about 25 ms.", (19,)),
        ("Even on Willow, errors set a floor.", (17,)),
    ]


def test_a_plain_text_title_continues_under_its_colon():
    text = (
        "Why Some Corals Resist Heat-Induced Bleaching:\nSymbionts, Host Physiology, Microbes and Refugia\n\n"
        "A review\n\n1. INTRODUCTION\n\nCoral bleaching is the breakdown of the symbiosis [1].\n\n"
        "REFERENCES\n[1] Hughes TP. Global warming and recurrent mass bleaching of corals. Nature. 2017;543:373-7.\n"
    )
    document = parse_document(text, "coral.txt")
    assert (
        document.title
        == "Why Some Corals Resist Heat-Induced Bleaching: Symbionts, Host Physiology, Microbes and Refugia"
    )
    assert [s.text for s in document.statements] == ["Coral bleaching is the breakdown of the symbiosis."]


@pytest.mark.parametrize("marks", [("[1]", "[2]", "[3]", "[4]"), ("¹", "²", "³", "⁴")])
def test_a_marker_after_ph_cites_its_own_sentence(marks):
    """The sentence splitter leaves out the space after "pH." (after no other word): the marker there fell
    between two sentences and was given to a later one ("It is metabolized by the liver." cited [1, 3])."""
    text = (
        "## Stability\n\nZIF-8 keeps its shape at neutral pH.{} It dissolves in acid.{} It is metabolized by the"
        " liver.{} It resists boiling water.{}\n\n## References\n\n".format(*marks)
        + "".join(f"{n}. Park A. Study {n}. J Chem. 2020;{n}:1-5.\n" for n in range(1, 5))
    )
    assert _statements(text) == [
        ("ZIF-8 keeps its shape at neutral pH.", (1,)),
        ("It dissolves in acid.", (2,)),
        ("It is metabolized by the liver.", (3,)),
        ("It resists boiling water.", (4,)),
    ]


def test_a_capitalised_opener_after_a_marker_starts_a_sentence():
    # A list run into one line leaves its last item without a full stop: "... predators [22][23] The zebra ...".
    text = "## Cases\n\nBirds died without predators [2][3] The zebra mussel shows how shipping works [1].\n"
    assert _statements(text + REFS) == [
        ("Birds died without predators", (2, 3)),
        ("The zebra mussel shows how shipping works.", (1,)),
    ]
    # A capitalised name after a marker is not an opener: the sentence goes on.
    assert _statements("## S\n\nAs shown by Smith [3] Lancet data agree [4].\n" + REFS) == [
        ("As shown by Smith Lancet data agree.", (3, 4))
    ]


@pytest.mark.parametrize(
    ("first", "title", "section"),
    [
        # An assistant's answer: its bold first line over "###" headings is its title.
        (
            "**Machine-Learning Detection of Ransomware: What the Research Shows**",
            "Machine-Learning Detection of Ransomware: What the Research Shows",
            "Overview",
        ),
        # A bold "Abstract" over them (under a YAML title) is a section.
        ("**Abstract**", "", "Abstract"),
    ],
)
def test_a_bold_first_line_over_hashed_headings_is_the_title(first, title, section):
    text = f"{first}\n\nEntropy rises in encrypted files [1].\n\n### Why behaviour beats signatures\n\nHashes break [2].{REFS}"
    document = parse_document(text, "t.md")
    assert document.title == title
    assert [(s.section, s.text) for s in document.statements][0] == (section, "Entropy rises in encrypted files.")


def test_a_disclaimer_is_no_claim():
    text = "# PFAS removal\n\n## Disclaimer\n\nThe views expressed are those of the authors.\n\n## Summary\n\nGAC works [1].\n"
    assert _statements(text + REFS) == [("GAC works.", (1,))]


def test_bare_numbers_under_a_reference_column_cite_the_row():
    """knitr prints a table's references as plain numbers under "Ref"."""
    table = "| Chemistry | T1 | Ref |\n|---|---|---|\n| LCO | 105 | 6,7 |\n| LFP | 145 | 6 |\n| NCA | 100 | n/a |"
    text = f"# Cells\n\nOnset temperatures differ by chemistry.\n\n{table}\n{REFS}"
    assert _statements(text) == [
        ("Onset temperatures differ by chemistry.", ()),
        ("Chemistry: LCO; T1: 105", (6, 7)),
        ("Chemistry: LFP; T1: 145", (6,)),
        ("Chemistry: NCA; T1: 100; Ref: n/a", ()),
    ]


def test_a_forum_thread_keeps_the_reply_after_the_answers_references():
    """A post's header is no claim; a reply after the answer's list is text, the forum's chrome after it is not."""
    text = (
        "# Does dune management work?\n\n**dunegeek** — Mar 12, 2024\n\nI have joined a dune group.\n\n---\n\n"
        "**coastal_morph** — Mar 13, 2024\n\nMarram grass thrives under burial [1].\n\n**References**\n\n"
        "[1] Adaptations of plants to burial in coastal sand dunes. Maun MA. Can J Bot 1998;76:713–738.\n"
        "[2] Sand fencing and dunes. Itzkin M. Geomorphology 2020;352:106995.\n\n---\n\n"
        "**sandfence_sam** — Mar 14, 2024\n\nSlatted fences with 50% porosity trap sand best [2].\n\n"
        "3 Replies\n\nSuggested Topics\n\nPowered by Discourse\n"
    )
    document = parse_document(text, "t.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("I have joined a dune group.", ()),
        ("Marram grass thrives under burial.", (1,)),
        ("Slatted fences with 50% porosity trap sand best.", (2,)),
    ]
    assert sorted(document.references) == [1, 2]
    assert any("ignored: '3 Replies Suggested Topics Powered by Discourse'" in w for w in document.warnings)


def test_a_pages_counts_are_no_claims():
    """A Medium article copied from the browser: its claps and comments between paragraphs are no claim."""
    text = "# Long COVID\n\n1.2K 34\n\nPacing helps some patients [1].\n\nIt fell\n"
    assert _statements(text + REFS) == [("Pacing helps some patients.", (1,)), ("It fell", ())]


def test_an_old_reddit_thread_is_read_as_its_comments():
    text = (
        "What happens in a sourdough starter?\n\nsubmitted 2 days ago by u/crumb_curious\n\n"
        "[–]u/microbe_baker Microbiology 1.2k points 2 days ago\n\n**What lives in a starter**\n\n"
        "Bacteria outnumber yeasts a hundred to one [1].\n\nSources:\n\n"
        "1. Gänzle MG (2014). Enzymatic and bacterial conversions during sourdough fermentation. Food "
        "Microbiology 37:2-10.\n2. Laatikainen R, Koskenpato J (2016). Low-FODMAP rye bread. Aliment Pharmacol "
        "Ther 44:460-470.\n\npermalink embed save report reply\n\n[–]u/rye_and_shine 214 points 2 days ago\n\n"
        "The rye trial ran for only four weeks [2].\n\npermalink save parent report reply\n\n"
        "load more comments (12 replies)\n"
    )
    document = parse_document(text, "thread.md")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Bacteria outnumber yeasts a hundred to one.", (1,)),
        ("The rye trial ran for only four weeks.", (2,)),
    ]
    assert sorted(document.references) == [1, 2] and not document.warnings


def test_a_letter_in_brackets_inside_a_word_is_part_of_it():
    """A Google Docs comment anchor or a wiki's note marker ("lower[a] [6]") goes; "benzo[a]pyrene" is a name."""
    doc = parse_document(
        "# T\n\n## A\n\nFish fed benzo[a]pyrene on plastic [1]. Uptake was lower[a] [2].\n\n"
        "## References\n1. A B. Title one. J. 2020;1:1.\n2. C D. Title two. J. 2021;1:1.\n",
        "t.md",
    )
    assert [(s.text, s.citations) for s in doc.statements] == [
        ("Fish fed benzo[a]pyrene on plastic.", (1,)),
        ("Uptake was lower.", (2,)),
    ]


_ENTRIES = "\n".join(f"{n}. Doe J, Roe K. Title number {n}. J Med. 2020;1:{n}." for n in (1, 2, 3))


@pytest.mark.parametrize(
    ("layout", "name"),
    [
        ("# A review\n\n## Intro\n\n{body}\n\n## Sources consulted\n\n{entries}\n", "t.md"),
        ("# A review\n\n## Intro\n\n{body}\n\n## Appendix: References\n\n{entries}\n", "t.md"),
        ("# A review\n\n## Intro\n\n{body}\n\n### Studies cited\n\n{entries}\n", "t.md"),
        ("A review\n\nIntro\n\n{body}\n\nWorks consulted\n\n{entries}\n", "t.txt"),
    ],
)
def test_a_reference_list_under_a_heading_of_the_writers_own_words(layout, name):
    """A document that cites numbers and names no reference list: its last section of entries only is the list."""
    document = parse_document(layout.format(body="Drugs fail.[1] Cells adapt.[2,3]", entries=_ENTRIES), name)
    assert [(s.text, s.citations) for s in document.statements] == [("Drugs fail.", (1,)), ("Cells adapt.", (2, 3))]
    assert [r.title for r in document.references.values()] == ["Title number 1", "Title number 2", "Title number 3"]
    assert not document.warnings


def test_a_numbered_list_of_sources_is_no_reference_list_beside_one_or_without_markers():
    trials = "## Key trials\n\n" + _ENTRIES
    named = parse_document(f"# A review\n\n## Intro\n\nDrugs fail.[1]\n\n{trials}{REFS}", "t.md")
    assert len(named.references) == 9 and "Key trials" in {s.section for s in named.statements}
    unmarked = parse_document(f"# A review\n\n## Intro\n\nDrugs fail.\n\n{trials}\n", "t.md")
    assert not unmarked.references and "Key trials" in {s.section for s in unmarked.statements}


def test_uncited_sections_after_the_reference_list_are_said_as_left_out():
    """Past the list a page has its own matter (menus, affiliations); an appendix placed there is not lost
    without a word."""
    text = f"# A review\n\nDrugs fail [1].{REFS}\n## Appendix A: Glossary\n\nEfflux pumps a drug out of the cell.\n"
    document = parse_document(text, "t.md")
    assert [s.text for s in document.statements] == ["Drugs fail."]
    assert [w for w in document.warnings if "after the reference list" in w] == [
        "t.md: 1 section(s) after the reference list cite nothing and are read as the page's own matter, not"
        " statements: 'Appendix A: Glossary'"
    ]


# --- the same citations written another way parse the same --------------------------------------

_ADJACENT_GROUPS = re.compile(r"\[(\d+)\](?: ?\[(\d+)\])+")
_TEST_DOCUMENTS = sorted(
    p
    for p in (Path(__file__).parent / "documents").rglob("*")
    if p.is_file() and _ADJACENT_GROUPS.search(p.read_text(encoding="utf-8"))
)


@pytest.mark.parametrize("path", _TEST_DOCUMENTS, ids=[p.name for p in _TEST_DOCUMENTS])
def test_adjacent_groups_parse_as_one_comma_group(path):
    # "[1] [23]" and "[1][23]" written "[1, 23]" give every statement the same words and numbers and
    # leave the reference list as it was (found so: a group opening with [1] before an inline
    # "References: 1." was taken for the list's first entry, dropping the sentence after it).
    raw = path.read_text(encoding="utf-8")
    joined = _ADJACENT_GROUPS.sub(lambda m: "[" + ", ".join(re.findall(r"\d+", m.group(0))) + "]", raw)
    as_written, rewritten = parse_document(raw, path.name), parse_document(joined, path.name)
    assert [(s.text, s.citations) for s in rewritten.statements] == [
        (s.text, s.citations) for s in as_written.statements
    ]
    assert {n: r.title for n, r in rewritten.references.items()} == {
        n: r.title for n, r in as_written.references.items()
    }
