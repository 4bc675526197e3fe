"""Inline HTML in markdown: read as the markdown it stands for."""

from __future__ import annotations

from bcqa.corpus import parse_document
from bcqa.htmltext import html_to_markdown

REFS_HTML = (
    '\n\n<h2 id="references">References</h2>\n<ol class="references">\n'
    '<li id="ref1">White NJ, Hien TT. Malaria. <em>Lancet</em>. 2014;383:723-735. '
    '<a href="https://doi.org/10.1016/S0140-6736(13)60024-0">10.1016/S0140-6736(13)60024-0</a></li>\n'
    '<li id="ref2">Ariey F, Witkowski B. A molecular marker of artemisinin resistance. Nature. 2014;505:50-5.</li>\n'
    "<li>Laufer MK. Return of chloroquine efficacy in Malawi. N Engl J Med. 2006;355:1959-66.</li>\n</ol>\n"
)


def _parse(body: str):
    return parse_document("# Antimalarial resistance\n\n" + body + REFS_HTML, "html.md")


def test_a_document_without_html_is_untouched():
    text = "# Title\n\nA < B and C > D, p < 0.05 [1].\n"
    assert html_to_markdown(text) is text


def test_headings_paragraphs_entities_and_link_markers():
    document = _parse(
        '<h2 id="bg">Background &amp; Drugs</h2>\n<p class="lead">It spread in sub&#8209;Saharan Africa '
        'in the 1980s <a href="#ref1">[1]</a>.</p>\n<p>Mefloquine works in Asia <a href="#ref1">[1]</a>, '
        'whereas it fails in Africa <sup><a href="#ref2">2</a></sup>.</p>'
    )
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Background & Drugs", "It spread in sub‑Saharan Africa in the 1980s.", (1,)),
        ("Background & Drugs", "Mefloquine works in Asia", (1,)),
        ("Background & Drugs", "whereas it fails in Africa.", (2,)),
    ]


def test_an_html_reference_list_is_the_reference_list():
    document = _parse("<p>Chloroquine returned [3]. Kelch13 marks resistance [2]. Malaria kills [1].</p>")
    assert sorted(document.references) == [1, 2, 3]
    first = document.references[1]
    assert (first.journal, first.doi) == ("Lancet", "10.1016/S0140-6736(13)60024-0")
    assert not document.warnings


def test_an_html_table_gives_one_statement_per_row():
    document = _parse(
        "<p>The markers are:</p>\n<table><thead><tr><th>Drug</th><th>Marker</th><th>Ref</th></tr></thead>\n"
        "<tbody><tr><td>Chloroquine</td><td>pfcrt K76T</td><td>[3]</td></tr>\n"
        "<tr><td>Artemisinin</td><td>k13 C580Y</td><td><sup>2</sup></td></tr></tbody></table>\n"
        "<p>Malaria kills [1].</p>"
    )
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Drug: Chloroquine; Marker: pfcrt K76T", (3,)),
        ("Drug: Artemisinin; Marker: k13 C580Y", (2,)),
        ("Malaria kills.", (1,)),
    ]


def test_details_figures_comments_code_and_nested_quotes():
    document = _parse(
        "<details><summary>Methods note</summary>\n<p>The survival assay exposes rings for 6 hours [2].</p>\n"
        '</details>\n<figure><img src="map.png" alt="Map of mutations"><figcaption>Figure 2. Mutations in '
        "East Africa.</figcaption></figure>\n<!-- TODO: check ref 3 -->\n"
        "<p>Calls were read with <code>df[1]</code> before filtering [1].</p>\n\n"
        "> > Reintroducing chloroquine would select K76T again [3].\n"
    )
    assert [(s.text, s.citations) for s in document.statements] == [
        ("The survival assay exposes rings for 6 hours.", (2,)),
        ("Calls were read with df[1] before filtering.", (1,)),
        ("Reintroducing chloroquine would select K76T again.", (3,)),
    ]


def test_a_paragraph_that_is_one_strong_phrase_is_a_heading_with_no_other_html():
    document = parse_document(
        "# Antimalarial resistance\n\n<strong>Chloroquine</strong>\n\nIt returned in Malawi [1].\n\n"
        "<b>Mefloquine</b>\n\nIt fails in <em>Africa</em> [1].\n\n## References\n\n"
        "1. Laufer MK. Return of chloroquine efficacy in Malawi. N Engl J Med. 2006;355:1959-66.\n",
        "html.md",
    )
    assert [(s.section, s.text) for s in document.statements] == [
        ("Chloroquine", "It returned in Malawi."),
        ("Mefloquine", "It fails in Africa."),
    ]
