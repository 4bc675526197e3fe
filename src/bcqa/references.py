"""Parse a document's numbered reference list into ``Reference`` records.

Three steps, each a pure function (text in, records and warning strings out):

- ``parse_reference_block`` cuts the text under one references heading into numbered entries.  Entries are
  numbered ``1.``, ``1)`` or ``[1]``, one per line or all run together on one line.  On one line a number only
  starts an entry when it is the next in sequence, so ``2022;12(12):1834`` or ``Proteins 1 and 2`` stay inside
  the entry they belong to.  A marker at the start of a line always starts an entry.
- ``parse_entry`` reads title, authors, journal, year, volume, issue, pages, DOI and link out of one entry.  It
  accepts the title-first style of the seed document (``Title. Liu Z, Gao J, et al. Journal. 2022;12(12):1834.``),
  author-first Vancouver (``Liu Z, Gao J. Title. Journal. 2022;...``), APA-like entries (``Smith, J. (2020).
  Title. Journal, 5(2), 10-20.``), ABNT (``OLIVEIRA, M. C. et al. Title. Journal, v. 51, p. 100-110, 2021.``),
  IEEE, Nature, Chicago and others named where they are read, and web entries (``WHO. Report title. https://...``).
- ``merge_reference_blocks`` joins several lists of one document (e.g. "References" and "Consolidated
  References") into one map by number, and says so whenever a number is given twice.

Author lists are recognised by their shape (comma-separated ``Surname INITIALS`` items, optionally ending in
``et al``), not by a list of known names, so a new document's authors need no configuration.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from bcqa.sanitize import unescape_markdown
from bcqa.text import PLAIN_DIGITS, SUPERSCRIPT_DIGITS, english_words
from bcqa.types import ET_AL_TAIL, Reference

__all__ = ["LINK_LABEL_LINE", "merge_reference_blocks", "parse_entry", "parse_reference_block"]

# A numbered-entry marker, with an optional list bullet before it.  Markers are only ever looked for after
# whitespace, so numbers inside DOIs, page ranges and volume(issue) groups never qualify.
# "[1]", "1.", "1)", "(1)" and "【1】" as a browsing chat assistant numbers its sources (a bracket form).
_MARKER = re.compile(
    r"(?<!\S)(?:[-*+]\s+)?(?:(?:\[(?P<bracket>\d{1,3})\]|【(?P<lenticular>\d{1,3})】)\.?|(?:\((?P<paren>\d{1,3})\)|(?P<plain>\d{1,3})[.)])(?=\s|$)"
    # "1 - Russell JA, ..." at a line's start, as a newsletter numbers its sources, or "1- Russell JA, ..."
    r"|(?<![^\n])(?P<dashed>\d{1,3})(?:[ \t]+[-–—]|-)(?=[ \t])"
    # "1: Doe J, Roe K. ..." at a line's start, as PubMed's text export numbers its records
    r"|(?<![^\n])(?P<colon>\d{1,3}):(?=[ \t]))"
)
_BULLET_LINE = re.compile(r"(?m)^[ \t]*[-*+][ \t]+")
# A link's address may hold balanced brackets ("https://doi.org/10.1016/S1470-2045(11)70393-X").
_LINK_ADDRESS = r"\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\)"
_MD_LINK = re.compile(rf"\[(?P<label>[^\]]*[^\]\d\s][^\]]*)\]{_LINK_ADDRESS}")
# An entry that opens with its title as a link: "[Title](https://doi.org/...) — Paez JG et al., *Science*, 2004."
_LINKED_TITLE = re.compile(rf"^\s*\[(?P<label>[^\]]*[^\W\d_][^\]]*)\]{_LINK_ADDRESS}(?P<tail>.*)$", re.S)
# What follows a linked title: a full stop and the citation's next sentence ("[Title](url). Doe J. ..."), or
# a separator before authors and venue written as a list ("[Title](url) — Paez JG et al., Science, 2004").
_SENTENCE_TAIL = re.compile(r"\.\s+\S")
_TAIL_SEPARATOR = re.compile(r"\s*[—–\-|:,]")
_AUTOLINK = re.compile(r"<(?P<url>https?://[^>\s]+)>")
# Emphasis markers sit at a word's edge; ``_`` inside a word (``16_suppl`` in a DOI) is part of the word.
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")
_EDGE_EMPHASIS = re.compile(r"^[*_]+|[*_]+(?=[.,;:)]*$)")
# A markdown rule ("---", "* * *") on a line of its own; after the last entry it closes the list (the
# corpus parser reads rules between blocks with it too).
RULE_LINE = re.compile(r"(?m)^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# A question to the reader after the list ("2. Would you like more detail on ...?"), as an assistant ends.
_QUESTION_TAIL = re.compile(r"(?<=[.)\]])\s+(?:\d{1,3}[.)]\s+)?[A-Z][^.?!\n]*\?\s*$")
# A closing question to the reader in a paragraph of its own after the last entry, whatever that
# entry ends in ("— Pest Management Science, 2015" / blank line / "Would you like me to ...?").
_QUESTION_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*[A-Z][^\n]*\?\s*$")
# ... and so is a lead-in to what follows the list, a paragraph of its own ending in a colon ("If you want to go
# deeper, these are good starting points:" over a second list of sources).
_LEAD_IN_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*[A-Z][^\n]*:\s*$")
# A chat assistant's offer to the reader at the end of its answer ("If you'd like, I can turn this into a
# protocol.", "Let me know if you want the doses."): like a question to the reader, no claim, and after the
# last entry no part of it.
OFFER = re.compile(
    r"(?:if\s+(?:you(?:['’]d|\s+would)?\s+(?:like|prefer|want|wish)|(?:it['’]s\s+)?helpful|useful),?\s+"
    r"I\s+(?:can|could|will|would|['’]d|['’]m\s+happy)\b|let\s+me\s+know\s+if\b|feel\s+free\s+to\s+ask\b)",
    re.I,
)
_LAST_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*(?P<text>[^\n]*\S)\s*$")
# A bare number after the last entry (the seed document ends its list with a stray "2.").
_BARE_NUMBER_TAIL = re.compile(r"\s+(?:\[\d{1,3}\]|\d{1,3}[.)]?)$")
# ... but "p. 100." (Harvard's and APA's one page) and "Art. no. 12." end an entry with their number.
_STRAY_TAIL = re.compile(r"(?<=[.)\]])(?<!\bp\.)(?<!\bpp\.)(?<!\bno\.)" + _BARE_NUMBER_TAIL.pattern, re.I)

# A DOI after "doi:", at doi.org, or in a publisher's address ("https://www.science.org/doi/10.1126/...").
_DOI = re.compile(
    # "doi:10.1/x", "https://doi.org/10.1/x", a publisher's ".../doi/full/10.1/x" or ".../article/10.1007/x" (Springer),
    # a preprint server's ".../content/10.1101/x" (bioRxiv, medRxiv), or "DOI: https://doi.org/10.1/x"
    r"(?:(?:\bdoi\s*:?\s*)?(?:https?://(?:dx\.)?doi\.org/"
    r"|https?://\S+?/(?:doi/(?:(?:abs|full|pdf|epdf)/)?|article/|chapter/|content/(?=10\.1101/)))|\bdoi\s*:?\s*)"
    r"(?P<doi>10\.\d+(?:\.\d+)*/\S+)",
    re.I,
)
_BARE_DOI = re.compile(r"(?<![\w/.])(?P<doi>10\.\d{4,9}/\S+)")
_URL = re.compile(r"https?://\S+", re.I)
_DOI_TOKEN = re.compile(r"(?:doi:?)?10\.\d{4,9}/\S+", re.I)  # "doi:10.1038/s41591-023-02532-z", "10.1111/x.y"
_DOI_HOST = re.compile(r"https?://(?:dx\.)?doi\.org/", re.I)
# Access notes and database ids say where the entry was found, not what it is; they would read as title text.
_NOISE = re.compile(
    r"\b(?:PMID|PMCID)\s*:?\s*(?:PMC)?\d+\.?"
    r"|\bAvailable\s+(?:from|at|online)\s*:?"
    r"|\[Online\]\.?\s*(?:Available\s*:?)?"
    r"|\[(?:cited|accessed)[^\]]*\]\.?"
    # "..., accessed March 3, 2025, https://...": when a page was read, no date of the work (Gemini's "Works cited";
    # ABNT's "Accessed on: 5 Jan. 2024.")
    r"|,?\s*\b(?:last\s+)?(?:accessed|retrieved|viewed)(?:\s+on)?:?\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|\d{4}-\d{2}-\d{2})\b\.?"
    r"|\b(?:Accessed|Retrieved)(?:\s+on)?:?\s+[^.]*\."
    # Wikipedia's identifiers after an entry
    r"|\b(?:PMC|S2CID|OCLC)\s\d+\.?|\bBibcode:\S+|\bISBN[\s:]+[\dX-]{10,17}\.?"
    r"|\bArchived(?:\s+\(PDF\))?\s+from\s+the\s+original\s+on\s+[^.]*\."
    # a search tool's count of the work's citations (Elicit, Consensus, Semantic Scholar): "Citations: 145"
    r"|\bCitations:\s*[\d,]+\.?"
    # an article out before its issue: "[Epub ahead of print]", "Epub 2020 Mar 5." (its year is the entry's)
    r"|\[?\bEpub ahead of print\]?\.?",
    re.I,
)

_ONLINE_FIRST = re.compile(
    r"\bPublished\s+online(?:\s+ahead\s+of\s+print)?:?\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+\.?\s+)?"
    r"(?P<year>(?:19|20)\d{2})\b"
)
_PMID = re.compile(r"\b(?i:PMID)\s*:?\s*(\d{4,9})\b")  # PLOS and the BMJ write "pmid:"
# An arXiv identifier, new style ("2311.14648v2") or old ("quant-ph/9811052", "math.GT/0309136").
_ARXIV = re.compile(r"\barXiv:\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)(?!\d)")

_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_DATE = r"(?:\s+[A-Z][a-z]+\.?(?:\s*[-–/]\s*[A-Z][a-z]+\.?)?(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?)?"
# Vancouver source: "2022;12(12):1834", "2023 Jul-Dec;792:108467", "2025;:e70119", "2025;"; and as
# Medscape writes it, with a full stop where the semicolon stands: "2008 Feb 2. 371 (9610):395-403",
# "2015 Jul 17. 6:7737".
_VANCOUVER = re.compile(
    rf"(?<![\w/.-]){_YEAR}[a-z]?{_DATE}\s*(?:;|\.(?=\s*\d+\s*(?:\([^()]*\))?\s*:\s*\w))\s*(?P<volume>[^\s;:(),.]*)"
    r"\s*(?:\((?P<issue>[^()]*)\))?"
    r"\s*(?::\s*(?P<pages>[^\s,;]+))?"
)
_APA_YEAR = re.compile(rf"\({_YEAR}[a-z]?(?:,[^)]*)?\)\.?")
_APA_SOURCE = re.compile(
    # pages may carry an online suffix: "397–404.e9"
    r"(?P<journal>.+?),\s*(?P<volume>\d+)\s*(?:\((?P<issue>[^)]*)\))?\s*(?:,\s*(?:pp?\.\s*)?(?P<pages>\w+(?:\s*[-–]\s*\w+)?(?:\.e\d+)?))?"
)
_FINAL_YEAR = re.compile(rf"{_YEAR}{_DATE}\.?")
_BARE_YEAR = re.compile(rf"{_YEAR}[a-z]?\.?")
# The journal's name (no comma, digit or colon in it) and the pages, as the two sources below write them.
_SOURCE_JOURNAL = r"(?P<journal>[A-Z][^,\d:]{1,100}?)"
_SOURCE_PAGES = r"(?P<pages>\w?\d+(?:[-–]\w?\d+)?)"
# A journal, then its year after a comma, and perhaps volume(issue), pages: "Journal of Medicine, 2020, 12(3), 100-110";
# not a book's or a report's publisher ("Cambridge, U.K.: Cambridge Univ. Press, 2018", "Geneva: WHO, 2012").
_JOURNAL_COMMA_YEAR = re.compile(
    rf"{_SOURCE_JOURNAL},[ \t]*{_YEAR}"
    r"(?:[ \t]*[,;:][ \t]*(?P<volume>\d{1,4})(?:[ \t]*\((?P<issue>[\w-]+)\))?"
    rf"[ \t]*[,:][ \t]*{_SOURCE_PAGES})?\.?"
)
# ABNT's source (NBR 6023, as Brazilian journals and theses write it), after the journal's name: ", v. 75, n. 3,
# p. 45-67, 2020." or with the month: ", v. 12, p. 100, mar. 2019.".
_ABNT_SOURCE = re.compile(
    r",[ \t]*v\.[ \t]*(?P<volume>\w+)(?:,[ \t]*n\.[ \t]*(?P<issue>[\w-]+))?"
    rf"(?:,[ \t]*(?:p\.[ \t]*)?{_SOURCE_PAGES})?,[ \t]*(?:[A-Za-z]{{3,4}}\.(?:/[A-Za-z]{{3,4}}\.)?[ \t]*)?{_YEAR}\.?$"
)
# The authors and the year in one sentence, the year after a comma (Elsevier's Harvard style):
# "Smith, J., Doe, A., 2020."
_AUTHORS_COMMA_YEAR = re.compile(rf"(?P<authors>.+?),\s*{_YEAR}[a-z]?\.")
_AUTHORS_COLON = re.compile(r"(?P<authors>[^:.]{2,300}?):[ \t]+(?=[A-Z])")
_BMC_SOURCE = re.compile(
    rf"{_SOURCE_JOURNAL}[ \t]+{_YEAR},[ \t]*(?P<volume>\d{{1,4}})(?:\((?P<issue>[\w-]+)\))?:{_SOURCE_PAGES}\.?"
)
_PUBLISHER = re.compile(r"\b(?:Press|Publishers?|Publishing|ed|edn|Edition)\b")
# A chatbot's source list: "Title of the paper - PLoS Neglected Tropical Diseases (2017) - https://...",
# the title first (one sentence) and no authors.
_DASHED_SOURCE = re.compile(rf"(?P<title>(?:(?!\.\s).)+?)\s[-–—]\s(?P<journal>(?:(?!\s[-–—]\s)[^()])+?)\s*\({_YEAR}\)")
# Volume, issue and pages alone after a bracketed year: "Journal (2012). 25(1):164-192."
_NUMBERS_AFTER_YEAR = re.compile(r"(?P<volume>\d+)\s*(?:\((?P<issue>[^()]*)\))?\s*(?::\s*(?P<pages>[\w–-]+))?\.?")
_BRACKETED_FINAL_YEAR = re.compile(rf"\s*\(\s*{_YEAR}[a-z]?\s*\)\.?$")
# A book chapter's source (Vancouver, AMA): "In: Pemberton J, Lindgren K, eds. Molecular Oncology of the
# Breast. 3rd ed. Oxford University Press; 2020:112-139." The book stands where a journal would; a conference's
# proceedings may have no publisher ("In: Proceedings of the 60th Annual Meeting of the ACL. 2022:3214-3252.").
# The NLM's own form names its editors in full and its pages after the year: "In: Milne I, Ritchie RO, editors.
# Comprehensive Structural Integrity. Vol 6. Oxford: Elsevier; 2003. p. 31-101."
_CHAPTER_SOURCE = re.compile(
    r"\.\s+In:\s+(?:.*?,\s*(?:eds?|editors?)\.\s+)?(?P<book>[^.].*?)\.\s+(?:\d+(?:st|nd|rd|th)\s+ed\.\s+)?"
    r"(?:Vol\.?\s*\w+\.\s+)?"
    rf"(?:(?:[^.;:]+:\s*)?[^.;:]+[;,]\s*)?{_YEAR}(?:(?::\s*|\.\s*pp?\.\s*)(?P<pages>[\w–-]+))?\.?$"
)
_ANY_YEAR = re.compile(rf"(?<![\w/.-]){_YEAR}(?![\w/-])")
# A full stop after these does not end a title.
# Abbreviations that do not end a sentence of an entry; "sp. nov.", "gen. nov.", "comb. nov." and "spp." are
# taxonomy ("Candida auris sp. nov., a novel ... yeast").
# Ranks below the species end no title either, written in lower case ("Honecker F." ends an author):
# "Phytophthora megasperma f. sp. medicaginis", "Pseudomonas syringae pv. tomato", "C. neoformans var. grubii";
# nor does a surname's "St." ("St. Clair CR"), nor a page's "p." or "pp." ("Journal of Hospital Infection,
# 104(2), pp. 45-67", Cite Them Right's Harvard).
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:vs|e\.g|i\.e|cf|approx|sp|spp|subsp|ssp|gen|comb|nom|(?-i:f|var|pv|bv|cv|St|pp?))\.$", re.I
)
_ET_AL = re.compile(r"et\.?\s+al\.?", re.I)
# A genus abbreviated before its species ("P. falciparum", "E. coli") ends no title, nor does a dotted
# short form before a lower-case word ("seven southern U.S. states").
_GENUS = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,3}$")
_LOWER_NEXT = re.compile(r"\s+[a-z]{3,}\b")
# "in Acinetobacter spp. Antimicrob Agents Chemother": "spp." ends a title before a capital ("sp. nov." goes on);
# so does a new name's "nov." ("... Cutibacterium gen. nov. and Pseudopropionibacterium gen. nov. Int J Syst ...").
_SPECIES_END = re.compile(r"\b(?:spp?|nov)\.$")
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")
# A title in parts numbers them in capitals after a colon or a full stop; the numeral ends no sentence of it.
_PART_NUMERAL = re.compile(r"(?:[a-z]:|[a-z]\.)\s+[IVX]{1,3}\.$")
# Capitals with full stops and nothing else ("U.S.", "U.K.", "J.R."): at an entry's start, no sentence of it.
_DOTTED_SHORT = re.compile(r"(?:[A-Z]\.){2,3}")
_PART_NEXT = re.compile(r"(?<=[a-z]\.)\s+[IVX]{1,3}\.\s+[A-Z][a-z]")


@dataclass(frozen=True)
class _Marker:
    number: int
    start: int  # where the marker (and its bullet) begins
    end: int  # where the entry's text begins


# A reference list set as a table: "| No. | Reference |" / "|---|---|" / "| 1 | Goadsby PJ, ... |".
_TABLE_LINE = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")
_TABLE_NUMBER = re.compile(r"^\[?(\d{1,4})[.\])]?$")


# A rendered footnote's way back to its markers: "... 2015;373:209-219. ↩", "↩ ↩2"; and "↵" after an entry's
# number (HighWire's journals and bioRxiv: "1.↵ Wu X, ...").
_BACK_ARROWS = re.compile(r"(?:[ \t]*↩[\ufe0e\ufe0f]?\d*)+(?=[ \t]*$)|(?<=^\d\.)↵|(?<=^\d\d\.)↵|(?<=^\d{3}\.)↵", re.M)


def _table_entries(text: str) -> str:
    """A table's rows as entries ("1. Goadsby PJ, ..."), when every line of the list is a table row and
    the rows under its header open with their number; any other text as it is."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines or not all(_TABLE_LINE.match(line) for line in lines):
        return text
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines if not _TABLE_RULE.match(line)
    ]
    if rows and not _TABLE_NUMBER.match(rows[0][0]):
        rows = rows[1:]  # the header
    if not rows or not all(len(row) >= 2 and _TABLE_NUMBER.match(row[0]) for row in rows):
        return text
    return "\n".join(f"{_TABLE_NUMBER.match(row[0]).group(1)}. {' '.join(c for c in row[1:] if c)}" for row in rows)


# An entry numbered in superscript at a line's start, as a word processor's endnotes are copied:
# "¹ Liu Z, Gao J. Title. ..." (the number in superscript, then its text).
_SUPERSCRIPT_ENTRY = re.compile(rf"(?m)^([ \t]*)([{SUPERSCRIPT_DIGITS}]{{1,3}})[ \t.]*(?=[^\W\d_])")


# "5.•• Smith J: Title ...", "5. • Smith J ...": Current Opinion marks a paper "of special" (•) or "of
# outstanding interest" (••) after its number; the marks are not part of the entry.
_INTEREST_MARKS = re.compile(r"(?m)^([ \t]*(?:\[\d{1,4}\]\.?|\d{1,4}[.)]))[ \t]*•{1,2}[ \t]*(?=\S)")


_MIN_SAME_NUMBERS = 3  # entries, all with one number, before the list is read as numbered in order


def _superscript_numbers(text: str) -> str:
    """``text`` with each entry number written in superscript as a plain "1. "."""
    return _SUPERSCRIPT_ENTRY.sub(lambda m: f"{m.group(1)}{m.group(2).translate(PLAIN_DIGITS)}. ", text)


def parse_reference_block(text: str, document: str = "") -> tuple[list[Reference], list[str]]:
    """Entries of one reference section (text after its heading, up to the next heading), in order, plus warnings.

    Args:
        text: The section body: one entry per line, or all entries run together on one line.
        document: File name the list belongs to; set on every record and put in front of every warning.

    Returns:
        The references in the order written, and warnings about text that was skipped.  Gaps in the numbering
        are not reported (a consolidated list is often a subset); a number listed twice is returned twice and
        ``merge_reference_blocks`` reports it.
    """
    # A web page's link labels under an entry ("Article  CAS  PubMed  Google Scholar") are no part of it.
    text = _superscript_numbers(_BACK_ARROWS.sub("", _table_entries(LINK_LABEL_LINE.sub("", text))))
    text = _INTEREST_MARKS.sub(r"\1 ", text)
    # Links stay for ``parse_entry``, which reads a linked title; markers never sit inside one.
    text = _strip_markup(unicodedata.normalize("NFC", text).replace("\r\n", "\n"), links=False)
    markers = _find_markers(text)
    warnings: list[str] = []
    if not markers:
        if entries := _unnumbered_entries(text):
            # A list copied from a web page whose numbers were the page's to draw (an HTML <ol>): its entries
            # in order are 1, 2, 3 ...
            read_as = f"its {len(entries)} entries are read as 1-{len(entries)} in order"
            warnings.append(_warning(document, f"the reference list is not numbered; {read_as}"))
            return [parse_entry(n, _collapse(entry), document) for n, entry in enumerate(entries, 1)], warnings
        if text.strip():
            warnings.append(_warning(document, f"no numbered entries in the reference list: {_excerpt(text)!r}"))
        return [], warnings
    if len(markers) >= _MIN_SAME_NUMBERS and all(m.number == markers[0].number for m in markers):
        # "1. ...", "1. ...", "1. ...": a markdown list written with one number throughout, which markdown
        # numbers in order from the first; so does the reader of the rendered page the markers cite.
        first = markers[0].number
        markers = [replace(m, number=first + i) for i, m in enumerate(markers)]
        read_as = f"read as {first}-{markers[-1].number} in order, as markdown numbers them"
        warnings.append(_warning(document, f"every entry of the reference list is numbered {first}; {read_as}"))
    if re.search(r"\w", preamble := text[: markers[0].start]):
        warnings.append(_warning(document, f"text before the first reference ignored: {_excerpt(preamble)!r}"))
    # A rule closes the list: what follows it ("---" / "_Generated with a research assistant ..._") is
    # the page's footer, not part of the last entry.
    if rule := RULE_LINE.search(text, markers[-1].end):
        if re.search(r"\w", after := text[rule.end() :]):
            warnings.append(_warning(document, f"text after the reference list ignored: {_excerpt(after)!r}"))
        text = text[: rule.start()]

    entries = [text[m.end : markers[i + 1].start if i + 1 < len(markers) else len(text)] for i, m in enumerate(markers)]
    # A note under the last entry alone, in a list of several with no other note, is the page's own matter
    # ("Articles from ... are provided here courtesy of ...", as PubMed Central ends its list), not what the
    # paper shows: an annotated list notes more than its last paper.
    noted = [_annotation(e) for e in entries[:-1]]
    lone_note = len(entries) >= _MIN_NOTED and not any(note for _, note in noted)
    references: list[Reference] = []
    for i, marker in enumerate(markers):
        entry = entries[i]
        if i + 1 == len(markers) and (
            asked := _QUESTION_PARAGRAPH.search(entry) or _LEAD_IN_PARAGRAPH.search(entry) or _offer_paragraph(entry)
        ):
            warnings.append(_warning(document, f"{asked.group(0).strip()!r} after the last reference ignored"))
            entry = entry[: asked.start()]
        entry, annotation = noted[i] if i < len(noted) else _annotation(entry)
        if annotation and i + 1 == len(markers) and lone_note:
            warnings.append(_warning(document, f"{annotation!r} after the last reference ignored"))
            annotation = ""
        raw = _collapse(_fields_per_line(entry))
        if i + 1 == len(markers) and (
            stray := _QUESTION_TAIL.search(raw) or _STRAY_TAIL.search(raw) or _stray_after_address(raw)
        ):
            warnings.append(_warning(document, f"{stray.group(0).strip()!r} after the last reference ignored"))
            raw = raw[: stray.start()]
        if not raw:
            stray = i + 1 == len(markers) and i > 0 and marker.number != markers[i - 1].number + 1
            said = f"{text[marker.start : marker.end].strip()!r} after the last reference ignored"
            warnings.append(_warning(document, said if stray else f"reference [{marker.number}] has no text; skipped"))
            continue
        reference = parse_entry(marker.number, raw, document)
        references.append(replace(reference, raw=f"{reference.raw} {annotation}") if annotation else reference)
    return references, warnings


# An annotated entry (Current Opinion, an annotated bibliography): the source, ending in its pages or
# its DOI, then on lines of its own what the paper shows ("5.•• Doe J: Title. Curr Opin Microbiol 2019,
# 12:34-45." / "The authors show that ..."). The note is prose: a capital, six words or more, no year,
# page range or address; a wrapped entry's next line ("Efflux pumps in bacteria. J Chemother 12:34-45.")
# follows a line that ends in no source.
_SOURCE_END = re.compile(
    r"(?:\d+\s*(?:\([^()]*\))?\s*[:,]\s*[A-Za-z]?\d+(?:\s*[–-]\s*[A-Za-z]?\d+)?|10\.\d{4,9}/\S+?|https?://\S+?)\.?$"
)
_MIN_NOTE_WORDS = 6
_MIN_NOTED = 3  # entries in a list whose last alone has a note, for that note to be the page's


def _annotation(entry: str) -> tuple[str, str]:
    """``entry`` without the note on its last lines, and the note ("" when it has none)."""
    lines = [line.strip() for line in entry.strip().split("\n")]
    for k in range(1, len(lines)):
        head, note = " ".join(lines[:k]).strip(), " ".join(lines[k:]).strip()
        if (
            _SOURCE_END.search(head)
            and _ENTRY_YEAR.search(head)
            and re.match(r"[A-Z]", note)
            and len(note.split()) >= _MIN_NOTE_WORDS
            and not (_ENTRY_YEAR.search(note) or _URL.search(note) or _BARE_DOI.search(note))
            and not re.search(r"\d+\s*[:(]\s*\d+|\d+\s*[–-]\s*\d+", note)
        ):
            return "\n".join(lines[:k]), note
    return entry, ""


# A web page's links under an entry, each on a line of its own: "Article", "CAS", "PubMed", "Google Scholar";
# or all on one line, as a text browser's dump sets them ("Article  CAS  PubMed  Google Scholar").
_LINK_LABEL = (
    r"(?:Article|CAS|PubMed(?:[ \t]+Central)?|PMC|Google[ \t]+Scholar|Crossref|Web[ \t]+of[ \t]+Science|Scopus"
    r"|View[ \t]+(?:article|PDF|in[ \t]+Scopus)|Full[ \t]+text|PDF|MathSciNet)"
)
LINK_LABEL_LINE = re.compile(rf"^[ \t]*{_LINK_LABEL}(?:[ \t\u00a0]+{_LINK_LABEL})*[ \t\u00a0]*$", re.I | re.M)
_ENTRY_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
_MIN_UNNUMBERED = 2


def _offer_paragraph(entry: str) -> re.Match[str] | None:
    """The last entry's closing paragraph when it is an assistant's offer ("If you want, I can ...")."""
    m = _LAST_PARAGRAPH.search(entry)
    return m if m and OFFER.match(m.group("text")) else None


def _unnumbered_entries(text: str) -> list[str]:
    """The entries of a list with no numbers: one a paragraph (or, with no blank line, one a line), each
    naming a year; none when any piece does not look like a reference."""
    text = LINK_LABEL_LINE.sub("", text)
    pieces = [p.strip() for p in re.split(r"\n[ \t\u00a0]*\n", text) if p.strip()]
    if len(pieces) == 1:
        pieces = [line.strip() for line in pieces[0].split("\n") if line.strip()]
    if len(pieces) < _MIN_UNNUMBERED or not all(_ENTRY_YEAR.search(p) and len(p.split()) >= 4 for p in pieces):
        return []
    return [" ".join(p.split()) for p in pieces]


def _stray_after_address(raw: str) -> re.Match | None:
    """The stray number after a last entry that is only an address ("18) https://doi.org/... 2."):
    an address ends in no full stop for ``_STRAY_TAIL`` to see."""
    m = _BARE_NUMBER_TAIL.search(raw)
    return m if m and _URL.fullmatch(raw[: m.start()].strip()) else None


def _fields_per_line(entry: str) -> str:
    """An entry whose number stands alone on its line, one field a line (ScienceDirect: "[1]" /
    "C.A. Arias, B.E. Murray" / "The rise of the Enterococcus" / "Nat Rev Microbiol, 10 (2012), ..."),
    with its fields ended as sentences; any other entry as it is."""
    lines = entry.split("\n")
    if lines[0].strip() or len([line for line in lines if line.strip()]) < 2:
        return entry
    fields = [line.strip() for line in lines if line.strip()]
    return " ".join(f if f[-1] in ".?!" else f + "." for f in fields)


def merge_reference_blocks(blocks: list[list[Reference]], document: str = "") -> tuple[dict[int, Reference], list[str]]:
    """Merge several blocks (e.g. 'References' and 'Consolidated References') into one number -> Reference map.

    A number given twice with the same entry (compared on normalised raw text) is merged with a warning that it
    is repeated; with different text the first entry is kept and the warning says the texts differ.

    Args:
        blocks: Parsed reference blocks in document order.
        document: File name put in front of every warning.

    Returns:
        References by number, ascending, and the warnings.
    """
    merged: dict[int, Reference] = {}
    warnings: list[str] = []
    for block in blocks:
        unlike = [r for r in block if r.number in merged and _comparable(merged[r.number].raw) != _comparable(r.raw)]
        restarts = len(block) > 1 and block[0].number == 1 and 2 * len(unlike) > len(block)
        if restarts:
            # A list numbered afresh from [1] with other entries: each part of the file has its own list. One
            # number space per document cannot tell them apart, so the user hears it once, with what to do.
            message = (
                f"a second reference list numbered from [1] has other entries under the same numbers ({len(unlike)}"
                f" of {len(block)}, first '{_excerpt(block[0].raw)}'); its part's citations are read against the"
                " first list: give each part its own file"
            )
            warnings.append(_warning(document, message))
        for reference in block:
            first = merged.get(reference.number)
            if first is None:
                merged[reference.number] = reference
            elif _comparable(first.raw) == _comparable(reference.raw):
                warnings.append(_warning(document, f"reference [{reference.number}] is repeated; merged (same text)"))
            elif not restarts:
                message = (
                    f"reference [{reference.number}] is listed twice with different text; keeping the first"
                    f" ('{_excerpt(first.raw)}'), leaving out '{_excerpt(reference.raw)}': check which one the text"
                    " cites"
                )
                warnings.append(_warning(document, message))
    return dict(sorted(merged.items())), warnings


def parse_entry(number: int, raw: str, document: str = "") -> Reference:
    """Read title, authors, journal, year, volume, issue, pages, doi and link out of one entry.

    Args:
        number: The number the document cites the entry by.
        raw: The entry's text without its number; markdown emphasis is removed here too.
        document: File name the entry belongs to.

    Returns:
        The record; fields the entry does not give are "" or None.  A URL-only entry has just ``link``.
    """
    text = unicodedata.normalize("NFC", raw)
    raw = _collapse(_strip_markup(text))
    doi = _find_doi(raw)
    link = next((_tidy_identifier(u) for u in _URL.findall(raw) if not _DOI_HOST.match(u)), None)
    if not (doi or link) and (pmid := _PMID.search(raw)):
        link = f"https://pubmed.ncbi.nlm.nih.gov/{pmid.group(1)}/"  # the one address the entry gives
    elif not (doi or link) and (arxiv := _ARXIV.search(raw)):
        link = f"https://arxiv.org/abs/{arxiv.group(1)}"  # "arXiv:2311.14648", "arXiv:quant-ph/9811052"
    if linked := _LINKED_TITLE.match(text):
        # The entry as written is its title and what follows; the address is in ``doi`` / ``link``.
        label, tail = _collapse(_strip_markup(linked["label"])), _collapse(_strip_markup(linked["tail"]))
        if _SENTENCE_TAIL.match(tail) or (label.endswith((".", "?", "!")) and not _TAIL_SEPARATOR.match(tail)):
            # "[Title](https://doi.org/...). Doe J. J Med. 2020;1:2.": the title ends its sentence, and the rest
            # is a citation's own sentences (authors, journal, year), read as though the title were written out.
            raw = _collapse(f"{label}{tail}" if tail[:1] == "." else f"{label} {tail}")
            fields = {**_read_fields(_body(raw)), "title": _trim(label)}
        else:
            dash = re.match(r"\s*([—–-])\s", linked["tail"])  # " - Chow NA, ...": kept, though a bullet's shape
            raw = _collapse(f"{label} {dash[1] if dash and tail[:1] != dash[1] else ''} {tail}")
            fields = _read_linked(label, tail)
    else:
        fields = _read_fields(_body(raw))
    if (kind := _GBT_TYPE.search(fields.get("title") or "")) and kind.start():
        fields = {**fields, **_gbt_fields(fields["title"], kind, raw)}
    journal = _MEDIUM.sub("", fields.get("journal", ""))  # "bioRxiv [Preprint]" is bioRxiv
    if journal:
        fields["journal"] = journal
    if fields.get("title"):  # "Antimicrobial resistance [Internet]": the medium is no part of the title
        fields["title"] = _MEDIUM.sub("", fields["title"])
    if journal and _abbreviated(journal) and f"{journal}." in raw:
        fields["journal"] = f"{journal}."  # "N. Engl. J. Med.": the full stop is the abbreviation's
    # A page's link labels ("[PMC free article] [PubMed] [Google Scholar]") are no part of the entry shown either.
    shown = _collapse(_LINK_LABELS.sub(" ", raw)) if "[" in raw or "Scholar" in raw else raw
    return Reference(number=number, raw=shown or raw, doi=doi, link=link, document=document, **fields)


# China's GB/T 7714 writes a document's type after its title: "Title[J]. Journal, 2010, 3(2): 148-160.",
# "Title[M]. Beijing: Science Press, 2018: 10-20.", "Thesis[D]. Nanjing: Nanjing Agricultural University,
# 2020.", "Chapter[M]//LI M. Book. Beijing: Press, 2017: 33-50.", "Page[EB/OL]. (2021-05-03)[2023-01-02]. URL".
_GBT_TYPE = re.compile(r"\[(?:[JMCDRSPNZAG]|EB|DB|CP|[JMCDRSPNZAGEB]+/(?:OL|MT|DK|CD))\](?P<part>//.*)?$")
_GBT_SOURCE = re.compile(
    r"^\s*(?:(?P<book>[^.:]+)\.\s+)?(?P<place>[^:.]+):\s*(?P<publisher>[^,:]+),\s*(?P<year>(?:1[89]|20)\d{2})"
    r"(?::\s*(?P<pages>[\w–-]+))?"
)
_GBT_DATE = re.compile(r"\((?P<year>(?:1[89]|20)\d{2})-\d{1,2}(?:-\d{1,2})?\)")


def _gbt_fields(title: str, kind: re.Match[str], raw: str) -> dict:
    """A GB/T 7714 entry's title without its type, and for a book, a thesis or a chapter the publisher (or the
    book) where a journal stands, its pages, and a web page's year from its date."""
    fields: dict = {"title": title[: kind.start()].rstrip()}
    tag = kind.group(0).split("//")[0]  # "[M]" of "[M]//LI M. ..."
    after = raw[raw.find(tag) + len(tag) :].lstrip(". ")
    if kind.group("part"):  # "//LI M. Plant Stress Biology. Beijing: ...": the book's editors, then its title
        after = after.lstrip("/").split(". ", 1)[-1]
    if source := _GBT_SOURCE.match(after):
        fields.update(journal=_trim(source["book"] or source["publisher"]), year=int(source["year"]))
        fields.update(pages=source["pages"] or "")
    elif date := _GBT_DATE.search(after):
        fields["year"] = int(date["year"])
    return fields


# NLM's designators of medium and type ("Citing Medicine"): no part of the title or the journal.
_MEDIUM = re.compile(
    r"\s*\[(?:preprint|online|serial|e-?book|(?:(?:monograph|database|homepage) on the )?internet"
    r"|dissertation|master's thesis|thesis|abstract|editorial|letter|cd-rom|dvd)\]",
    re.I,
)
_DOTTED_WORD = re.compile(r"\b([A-Z][a-z]{0,11})\.\s")


def _abbreviated(journal: str) -> bool:
    """A journal name abbreviated with full stops ("Antimicrob. Agents Chemother"), not one of two
    sentences ("Mutation Research. Reviews in Mutation Research")."""
    english = english_words()
    return any(len(w) <= 5 or w.lower() not in english for w in _DOTTED_WORD.findall(journal))


# --- cutting a block into entries ------------------------------------------------------------------------


def _strip_markup(text: str, links: bool = True) -> str:
    """Remove list bullets, emphasis and (unless ``links`` is false) link syntax, keeping link addresses as text."""
    text = _BULLET_LINE.sub("", text)
    if links:
        text = _MD_LINK.sub(_plain_link, text)
    text = unescape_markdown(text)  # "16\_suppl" is 16_suppl
    text = _AUTOLINK.sub(r"\g<url>", text)
    return re.sub(r"\S+", _strip_emphasis, text)


# A link labelled with what it is rather than with a title: "[doi](https://doi.org/...)".
_LINK_WORDS = frozenset({"doi", "pmid", "pubmed", "pmc", "link", "url", "pdf", "full text", "article", "online"})


def _plain_link(m: re.Match[str]) -> str:
    label, url = m["label"].strip(), m["url"]
    plain = label == url or _URL.fullmatch(label) or label.lower().strip(" :") in _LINK_WORDS
    return url if plain else f"{label} {url}"


def _strip_emphasis(m: re.Match[str]) -> str:
    token = m.group(0)
    # Inside URLs and DOIs ``_`` and ``*`` can be real characters; only emphasis wrapped around them goes.
    if "://" in token or re.search(r"10\.\d+/", token):
        return _EDGE_EMPHASIS.sub("", token)
    return _EMPHASIS.sub("", token)


def _find_markers(text: str) -> list[_Marker]:
    """The markers that start entries.

    Mid-line, only the next number in sequence counts, and a plain ``n.`` must follow the end of the previous
    entry rather than a word ("Part 3. ..." is title text).
    """
    markers: list[_Marker] = []
    for m in _MARKER.finditer(text):
        bracketed = m["bracket"] or m["lenticular"]
        number = int(bracketed or m["plain"] or m["paren"] or m["dashed"] or m["colon"])
        if (m["dashed"] or m["colon"]) and number != (markers[-1].number + 1 if markers else 1):
            continue  # "345 - 356." or "12: 345-356." opening a wrapped line is pages, not the next entry
        line_start = not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
        if line_start:
            accept = True
        elif not markers:
            accept = number == 1 or bracketed is not None
        else:
            before = text[: m.start()].rstrip()
            # An address or a DOI ends an entry as a full stop does: "12. https://www.who.int/.../epilepsy 13. The ...",
            # "doi:10.1038/s41591-023-02532-z 11. Protocolized ...".
            last = before.rsplit(None, 1)[-1] if before else ""
            follows_word = last[-1:].isalpha() and not (_URL.fullmatch(last) or _DOI_TOKEN.fullmatch(last))
            # ... but a comma does not: "Cell, 3, 4." closes an entry with its volume and pages.
            follows_word = follows_word or last.endswith(",")
            accept = number == markers[-1].number + 1 and (bracketed is not None or not follows_word)
        if accept:
            markers.append(_Marker(number, m.start(), m.end()))
    return markers or _bare_numbers(text)


# "1 Hemingway J, Ranson H, ..." (Lancet style, or a PDF's copy of a list): a number and a space.
_BARE_NUMBER = re.compile(r"^[ \t]*(\d{1,3})[ \t]+(?=[^\W\d_])", re.M)
_MIN_BARE_ENTRIES = 3


def _bare_numbers(text: str) -> list[_Marker]:
    """Entries numbered without a full stop, read only as the sequence 1, 2, 3 ... at line starts (a
    wrapped entry's next line may open with a number too: "1785–88."), three or more, or each a line of its own."""
    markers: list[_Marker] = []
    for m in _BARE_NUMBER.finditer(text):
        if int(m[1]) == len(markers) + 1:
            markers.append(_Marker(int(m[1]), m.start(), m.end()))
    if len(markers) >= _MIN_BARE_ENTRIES:
        return markers
    # Fewer, when each opens a line and no other line stands between them (no wrapped entry could hold them):
    # "1  Conradie F, ... 2020; 382: 893–902." / "2  Nyang'wa BT, ...".
    lines = [line for line in text.split("\n") if line.strip()]
    return markers if len(markers) == len(lines) >= 1 else []


# --- reading one entry -----------------------------------------------------------------------------------


def _find_doi(raw: str) -> str | None:
    m = _DOI.search(raw) or _BARE_DOI.search(raw)
    if not m:
        return None
    doi = _tidy_identifier(m["doi"])
    # A preprint's address names its version and page ("10.1101/2023.01.15.524121v1.full"); its DOI names neither.
    return _PREPRINT_VERSION.sub("", doi) if doi.startswith("10.1101/") else doi


_PREPRINT_VERSION = re.compile(r"v\d+(?:\.(?:full|abstract|article-info)(?:\.pdf)?|\.pdf)?$")


def _tidy_identifier(value: str) -> str:
    """Drop sentence punctuation after a DOI or URL, and closing brackets it did not open.

    ``10.1016/S1474-4422(15)70016-5.`` keeps its balanced parentheses and loses the full stop.
    """
    while True:
        trimmed = value.rstrip(".,;:'\"")
        for opening, closing in ("()", "[]", "<>"):
            if trimmed.endswith(closing) and trimmed.count(closing) > trimmed.count(opening):
                trimmed = trimmed[:-1]
        if trimmed == value:
            return value
        value = trimmed


# Wikipedia's back-links before an entry ("^ a b c Unemo M, ..."); PMC's link labels after it.
_BACK_LINKS = re.compile(r"^\s*\^(?:\s+[a-z]{1,2}\b)*\s*")
_LINK_LABELS = re.compile(
    r"\[(?:(?:Europe )?PMC free article|PubMed|CrossRef|Google Scholar|Ref list|QxMD MEDLINE Link|Full Text|Medline"
    r"|Abstract)\]\.?"
    r"|(?:\s*\.?\s*(?:View PDF|View article|View in Scopus|Crossref|Google Scholar|Article CAS|PubMed|CAS))+\.?\s*$",
    re.I,
)


def _body(raw: str) -> str:
    """The entry without DOI, URLs and access notes: what is left to read bibliographic fields from."""
    body = _DOI.sub(_keep_stop, _LINK_LABELS.sub(" ", _BACK_LINKS.sub("", raw)))
    body = _URL.sub(_keep_stop, body)
    body = _BARE_DOI.sub(_keep_stop, body)
    body = _NOISE.sub(" ", body)
    body = _ONLINE_FIRST.sub(r"\g<year>", body)  # AMA's "J Med. Published online March 5, 2020." is "J Med. 2020."
    body = re.sub(r"\.(?:\s*\.)+", ".", _collapse(body))
    # "... Rev. 32 (2019) e00031-19, https://doi.org/...": the comma before the address ends the entry with it.
    body = re.sub(r"\s*[,;]\s*\.$", ".", body)
    return body.strip(" ,;:")


def _keep_stop(m: re.Match[str]) -> str:
    """An address goes, the full stop after it stays: "Title https://doi.org/10.1/x. Journal." keeps two sentences."""
    return " " + (re.search(r"[.,;:]*$", m.group(0)).group(0))


# A web page's title as a browser shows it, which is what an assistant lists as the source: "Title | Journal"
# or "Title | Journal | Publisher", or "Title - PubMed" (the site, no journal).
_SITE = (
    r"(?:PubMed(?:\s+Central)?|PMC|Europe\s+PMC|NCBI|ScienceDirect|ResearchGate|Semantic\s+Scholar|Google\s+Scholar"
    r"|SpringerLink|Wiley\s+Online\s+Library|Taylor\s+&\s+Francis\s+Online|Oxford\s+Academic|JSTOR|bioRxiv|medRxiv)"
)
# The site may name its owner after it: "Title - PubMed - National Library of Medicine", "Title - PMC - NCBI".
_PAGE_TITLE = re.compile(
    rf"(?P<title>[^|]+?)\s+(?:\|\s+(?P<journal>[^|]+?)(?:\s+\|\s+[^|]+?)?|[-–—|]\s+{_SITE}(?:\s+[-–—]\s+[^|–—]{{1,60}}?)?)"
    r"\s*\.?"
)

# Any site or journal after a dash, in capitals, as a page's title names it: "Title - Water Research",
# "Microplastics - ECHA" (Gemini's "Works cited", with no year of the work).
_DASHED_SITE = re.compile(
    r"(?P<title>.+?)\s+[-–—]\s+(?P<journal>[A-Z][\w&.]*(?:\s+(?:[A-Z][\w&.]*|&|of|and|the|for|in)){0,4})\s*\.?"
)


# MDPI's author list, initials with full stops ("Buonfrate D., Bisanzio D., White A.C., Jr., ..., et al. Title."):
# read as Vancouver writes it ("Buonfrate D, Bisanzio D, White AC, Jr, ..., et al. Title.").
_DOTTED_NAME = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,3} (?:[A-Z]\.-?){1,4}")
_DOTTED_SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III"})


def _undotted_authors(body: str) -> str:
    items = body.split(", ")
    names: list[str] = []
    for k, item in enumerate(items):
        if names and item in _DOTTED_SUFFIXES:
            names[-1] += " " + item  # "White A.C., Jr." is one author
            continue
        if _DOTTED_NAME.fullmatch(item):
            names.append(item)
            continue
        last = re.match(rf"(et al\.|{_DOTTED_NAME.pattern})\s+(?=[A-Z0-9\"“(])", item)
        if not last or not names:
            return body
        names.append(last.group(1))
        undotted = [re.sub(r"(?<=[A-Z])\.(?=-?[A-Z]|$| )|(?<=al)\.$|(?<=[JS]r)\.$", "", name) for name in names]
        return ", ".join(undotted) + ". " + ", ".join([item[last.end() :], *items[k + 1 :]])
    return body


def _read_fields(body: str) -> dict:
    """Title, authors, journal, year, volume, issue and pages, from whichever citation style fits."""
    if not body:
        return {}
    body = _undotted_authors(body)
    if (colon := _AUTHORS_COLON.match(body)) and _is_author_list(colon["authors"]):
        # BioMed Central: "Doe J, Roe K: Title. ..."; but a title's colon when the authors follow it ("Drug-Resistant
        # HBV: Standardization of Nomenclature. Lok AS, Zoulim F, et al. Hepatology. ...").
        rest = body[colon.end() :]
        if not any(_is_author_list(segment) for segment in _segments(rest)):
            body = f"{colon['authors']}. {rest}"
    if whole := _WHOLLY_QUOTED.fullmatch(body):
        # A markdown link definition whose title is the whole citation, as Copilot writes its sources:
        # '[1]: https://doi.org/... "Renault CA, Israelski DM. Time to clearance ... Sex Health. 2011;8:69-73"'.
        body = whole["body"]
    if not _ANY_YEAR.search(body):  # a web page's title, naming its site or journal
        if m := _PAGE_TITLE.fullmatch(body):
            journal = m["journal"] or ""
            return {"title": _trim(m["title"]), "journal": "" if re.fullmatch(_SITE, journal) else _trim(journal)}
        if m := _DASHED_SITE.fullmatch(body):
            return {"title": _trim(m["title"]), "journal": _trim(m["journal"])}
    if m := _DASHED_SOURCE.fullmatch(body.rstrip(" -–—.")):  # "... (2017) - https://..." or "... (2017). https://..."
        return {"title": _trim(m["title"]), "journal": _trim(m["journal"]), "year": int(m["year"])}
    if m := _QUOTED_TITLE.search(body):
        return _read_ieee(body, m)
    if m := _RSC_ENTRY.fullmatch(body):
        return {
            "authors": _authors(m["authors"]),
            "journal": _trim(m["journal"]),
            "year": int(m["year"]),
            **_volume_fields(m),
        }
    if m := _IEEE_BOOK.fullmatch(body):
        return {
            "authors": _authors(m["authors"]),
            "title": _trim(m["title"]),
            "journal": _trim(m["publisher"]),
            "year": int(m["year"]),
        }
    if m := _VANCOUVER.search(body):
        return {**_read_head(_segments(body[: m.start()]), has_journal=True), **_vancouver_source(m)}
    if m := _ABNT_SOURCE.search(body):
        return {
            **_read_head(_segments(body[: m.start()]), has_journal=True),
            **_volume_fields(m),
            "year": int(m["year"]),
        }
    if m := _ELSEVIER_SOURCE.search(body):
        return _read_elsevier(body, m)
    if (m := _CSL_NUMERIC_SOURCE.search(body)) and (authors := _COMMA_AUTHORS.match(body[: m.start()])):
        # Elsevier's numeric CSL style, as Pandoc's citeproc writes it: "S. Modi, C. Saura, et al., Title,
        # N. Engl. J. Med. 382 (2020) 610–621."
        title = _trim(body[authors.end() : m.start()])
        return {"authors": _authors(authors["authors"]), "title": title, **_source(m, m["year"])}
    if (m := _APS_SOURCE.search(body)) and (fields := _read_aps(body, m)):
        return fields
    if m := _CHAPTER_SOURCE.search(body):
        head = _read_head(_segments(body[: m.start() + 1]), has_journal=False)
        return {**head, "journal": _trim(m["book"]), "year": int(m["year"]), "pages": m["pages"] or ""}
    if fields := _read_comma_parted(body):
        return fields
    if m := _APA_YEAR.search(body):
        numbers = _NUMBERS_AFTER_YEAR.fullmatch(body[m.end() :].strip())
        if m.end() == len(body) or numbers:
            if not numbers and (fields := _read_nature(body, m)):
                return fields
            # "Title. Authors. Journal (2013).": a year in brackets that closes the entry follows the journal,
            # as it does before the numbers alone in "Authors. Title. Journal (2012). 25(1):164-192.".
            if len(segments := _segments(body[: m.start()].strip())) >= 2:
                fields = {**_read_head(segments, has_journal=True), "year": int(m["year"])}
                return {**fields, **_volume_fields(numbers)} if numbers else fields
        return _read_apa(body, m)
    segments = _segments(body)
    if len(segments) >= 3 and (year := _BARE_YEAR.fullmatch(segments[1])) and _is_author_list(segments[0]):
        # Ecology journals' style: "Singh A, Masih A. 2018. Title. Mycoses 61:477-484."
        fields = {**_read_head([segments[0], *segments[2:]], has_journal=True), "year": int(year["year"])}
        if source := _SPRINGER_SOURCE.fullmatch(fields.get("journal", "").rstrip(".")):
            fields.update(journal=_trim(source["journal"]), **_volume_fields(source))
        return fields
    if harvard := _harvard_head(segments):
        # Elsevier's Harvard style: "Smith, J., Doe, A., 2020. Title. J. Hosp. Infect. 104, 45–67.", and with a
        # group author, "World Health Organization, 2022. Title. WHO, Geneva." (the publisher where a journal
        # stands); the year may be a sentence of its own: "Smith, J. & Doe, A. 2020. Title. J Med 1:2."
        authors, year, first = harvard
        start = _journal_start(segments, first + 1)
        journal = " ".join(segments[start:])
        fields = {"authors": _authors(authors), "title": _title(segments[first:start]), "year": year}
        if source := next(filter(None, (p.fullmatch(journal.rstrip(".")) for p in _HARVARD_SOURCES)), None):
            return {**fields, "journal": _trim(source["journal"]), **_volume_fields(source)}
        return {**fields, "journal": _trim(journal)}
    if acs := _acs_source(segments):
        head, source = acs
        return {**_read_head(head, has_journal=False), **source}
    if len(segments) > 1 and (m := _FINAL_YEAR.fullmatch(segments[-1])):
        return {**_read_head(segments[:-1], has_journal=True), "year": int(m["year"])}
    # "Doe J, Roe K. Title. Journal of Medicine, 2020, 12, 100-110.": the journal, then its year after a comma;
    # BioMed Central's "Title. BMC Cancer 2020, 12:100.": the journal, its year, volume:pages.
    source = _JOURNAL_COMMA_YEAR.fullmatch(segments[-1]) or _BMC_SOURCE.fullmatch(segments[-1]) if segments else None
    if source and len(segments) >= 3 and not _PUBLISHER.search(body):
        fields = {**_read_head([*segments[:-1], source["journal"]], has_journal=True), "year": int(source["year"])}
        return {**fields, **_volume_fields(source)} if source["volume"] else fields
    years = _ANY_YEAR.findall(body)
    return {**_read_head(segments, has_journal=False), "year": int(years[-1]) if years else None}


def _harvard_head(segments: list[str]) -> tuple[str, int, int] | None:
    """The authors and year that open a Harvard entry ("Smith, J., Doe, A., 2020." or "Smith, J. & Doe, A." /
    "2020."), and the index of the sentence its title starts at; None for another style."""
    head = _AUTHORS_COMMA_YEAR.fullmatch(segments[0]) if len(segments) >= 3 else None
    if head and (_COMMA_INITIALS.fullmatch(head["authors"]) or _looks_corporate(head["authors"])):
        return head["authors"], int(head["year"]), 1
    if len(segments) >= 4 and (year := _BARE_YEAR.fullmatch(segments[1])) and _COMMA_INITIALS.fullmatch(segments[0]):
        return segments[0], int(year["year"]), 2
    return None


def _read_comma_parted(body: str) -> dict | None:
    """An entry in one sentence whose fields a comma parts, as chat assistants write them: authors, the title when
    there is one, the journal, then the year after a comma or in brackets ("Perlin DS, et al., Lancet Infect Dis,
    2017.", "Finkel RS, Mercuri E, et al., Nusinersen versus sham control in infantile-onset spinal muscular
    atrophy, New England Journal of Medicine (2017).").  A title may hold commas, a journal's name does not."""
    text = body.strip()
    if len(_segments(text)) != 1 or not (year := _COMMA_PARTED_YEAR.search(text)):
        return None
    items = [item.strip() for item in text[: year.start()].split(",")]
    k = 0
    while k < len(items) - 1 and (_is_author(ET_AL_TAIL.sub("", items[k])) or _ET_AL.fullmatch(items[k])):
        k += 1
    # Elsevier's report: "World Health Organization, Microplastics in drinking-water, WHO, Geneva, 2019": its
    # author, title, publisher and place
    if (
        k == 0
        and len(items) == 4
        and _GROUP_WORD.search(items[0])
        and _looks_corporate(items[0])
        and all(_PLACE.fullmatch(item) for item in items[2:])
    ):
        return {"authors": items[0], "title": _trim(items[1]), "journal": items[2], "year": int(year["year"])}
    if k == 0 or _ET_AL.fullmatch(items[0]):
        return None
    rest, fields = items[k:], {"authors": _authors(", ".join(items[:k])), "year": int(year["year"])}
    title = ", ".join(rest[:-1])
    if len(rest) >= 2 and len(title.split()) >= _MIN_PARTED_TITLE_WORDS and re.fullmatch(r"[^\W\d][^\d]*", rest[-1]):
        return {**fields, "title": _trim(title), "journal": _trim(rest[-1])}
    if year[0].lstrip().startswith("("):
        return None  # "Doe J, Title (2017).": read as another style reads it
    return {**fields, "journal": _trim(", ".join(rest))}


_PLACE = re.compile(r"(?:[A-Z][\w'’&.-]*\s?){1,4}")  # a publisher or a city: capitalised words, no digits
_COMMA_PARTED_YEAR = re.compile(rf"(?:,\s*|\s+\(){_YEAR}\)?\.?$")
_MIN_PARTED_TITLE_WORDS = 3  # "Lancet Infect Dis, 17" is a journal and its volume, not a title and a journal


# ACS style source: "J. Am. Chem. Soc. 2019, 141, 123-130" / "Lancet 2019, 393, 123".
_ACS_YEAR_VOLUME = rf"{_YEAR},\s*(?P<volume>\d+)(?:,\s*(?P<pages>[\w–-]+))?"
_ACS_SOURCE = re.compile(rf"(?:(?P<journal>[A-Z][^,;:]*?)\s+)?{_ACS_YEAR_VOLUME}")
# One piece of an abbreviated journal name: "J.", "Antimicrob.", "Agents Chemother.", "U.S.A.".
# A comma may part two of them: "Chem., Int." of "Angew. Chem., Int. Ed.".
_JOURNAL_PIECE = r"(?:(?:[A-Z][A-Za-z]*\s+){0,2}[A-Z][A-Za-z]{0,13}|(?:[A-Z]\.){1,3}[A-Z])\."
_JOURNAL_WORDS = re.compile(rf"(?:{_JOURNAL_PIECE},\s+)?{_JOURNAL_PIECE}")


def _journal_start(segments: list[str], floor: int) -> int:
    """Where the journal begins among an entry's sentences: its last sentence, with the sentences before it that are
    pieces of a name abbreviated with full stops ("J." / "Am." / "Chem." / "Soc."), never before ``floor``."""
    start = len(segments) - 1
    while start > floor and _JOURNAL_WORDS.fullmatch(segments[start - 1]):
        start -= 1
    return start


def _acs_source(segments: list[str]) -> tuple[list[str], dict] | None:
    """(the sentences before the source, its fields) when the entry ends in an ACS source.

    The journal stands before the year in the last sentence ("Lancet 2019, 393"), or, when
    abbreviated with full stops, fills sentences of its own ("J. Am. Chem. Soc. 2019, 141").
    """
    m = _ACS_SOURCE.fullmatch(segments[-1].rstrip(".")) if len(segments) > 1 else None
    if not m:
        return None
    # The name's pieces abbreviated with full stops stand before it ("J." / "Phys." / "Chem." / "C 2020, 124", "ACS
    # Appl." / "Mater." / "Interfaces 2019, 11"); the name was its last word ("C", "Interfaces").
    start = _journal_start(segments, 2)
    if m["journal"]:
        journal = " ".join([*segments[start:-1], m["journal"].strip()])
    elif start == len(segments) - 1:
        return None
    else:
        journal = _trim(" ".join(segments[start:-1]))
    fields = {"journal": journal, "year": int(m["year"]), "volume": m["volume"], "pages": m["pages"] or ""}
    return segments[:start], fields


# IEEE style: 'J. Smith and K. Jones, "Title of the paper," Journal, vol. 38, no. 2, pp. 12-20, 2019.'
# The title in double quotes after the authors: after a comma (IEEE) or a full stop (Chicago, MLA).
_WHOLLY_QUOTED = re.compile(r"[\"“](?P<body>[^\"”]+)[\"”][.,]?")
_QUOTED_TITLE = re.compile(r"(?:^|,\s*|\.\s+)[\"“](?P<title>[^\"”]{10,}?)[,.]?[\"”]")
# Chicago source: "Breast Cancer Research 22, no. 4 (2020): 118–131".
_CHICAGO_SOURCE = re.compile(
    rf"(?P<journal>[^,]+?)\s+(?P<volume>\d+)(?:,\s*no\.\s*(?P<issue>[\w-]+))?\s*\((?:[A-Za-z]+\.?\s+)?{_YEAR}\)"
    r"(?::\s*(?P<pages>[\w–-]+))?"
)
# Chicago's author-date style: the year after the authors ("Smith, John, and Kate Roe. 2019."), and the
# source after the title ("Journal of Bacteriology 201 (3): 34–45", "... 201, no. 3: 34–45").
_AUTHOR_DATE_HEAD = re.compile(rf"(?<=\S)[.,]\s+{_YEAR}[a-z]?$")
_AUTHOR_DATE_SOURCE = re.compile(
    r"(?P<journal>[^,:]+?)\s+(?P<volume>\d+)\s*(?:\((?P<issue>[^()]+)\)|,\s*no\.\s*(?P<number>[\w-]+))?"
    r"(?::\s*(?P<pages>[\w–-]+))?"
)
# not "Art. no. 4457"; pages as an online journal numbers them: "pp. 95.e11–95.e17"
_IEEE_FIELD = re.compile(r"\b(?<!Art\. )(?:vol|no|pp?)\.\s*(?P<value>[\w–-]+(?:\.[\w–-]+)*)", re.I)
# Where an IEEE source's name ends: at its volume, number or pages, or at its date, a month maybe before the year
# (", Jul. 2020", ", Mar.–Apr. 2019", ", Dec. 5, 2019").
_MONTH_DAY = r"(?-i:[A-Z][a-z]{2,8})\.?(?:\s*[-–/]\s*(?-i:[A-Z][a-z]{2,8})\.?)?\s+(?:\d{1,2},\s*)?"
_IEEE_JOURNAL_END = re.compile(rf",\s*(?:vol|no|pp?)\.|,\s*(?:{_MONTH_DAY})?(?:1[89]|20)\d{{2}}\b", re.I)


# IEEE's book: "G. S. Springer, Erosion by Liquid Impact. Washington, DC, USA: Scripta Publishing, 1976." (its
# title is in italics, gone by now; the publisher stands where a journal would).
_IEEE_NAME = r"(?:[A-Z]\.[ -]?){1,3}(?:(?:van|von|der|den|de|da|del|di|la|le)\s+)*[A-Z][\w'’-]+(?:,? Jr\.?)?"
_IEEE_AUTHORS = rf"(?P<authors>{_IEEE_NAME}(?:(?:,|,? and) {_IEEE_NAME})*(?:,? et al\.)?)"
_IEEE_BOOK = re.compile(
    rf"{_IEEE_AUTHORS},\s+(?P<title>[^.]+?)"
    rf"(?:,\s+\d+(?:st|nd|rd|th)\s+ed)?\.\s+(?P<place>[^:.]+(?:\.[^:.]+)*?\.?):\s+(?P<publisher>[^,]+),\s+{_YEAR}\.?"
)
# The Royal Society of Chemistry's style names no title: "J. Smith and A. Doe, J. Hosp. Infect., 2020, 104, 45–67."
_RSC_ENTRY = re.compile(
    rf"{_IEEE_AUTHORS},\s+(?P<journal>[A-Z][^,]*?),\s+{_YEAR},"
    r"\s+(?P<volume>\d+)(?:\s*\((?P<issue>[^)]*)\))?,\s+(?P<pages>\w+(?:[–-]\w+)?)\.?"
)
_CS1_DATE = re.compile(rf"\s*\((?:[^()]*?\s)?{_YEAR}[a-z]?\)$")
_CS1_SOURCE = re.compile(
    r"^(?P<journal>[^\d\s].*?)(?:\.\s+(?P<volume>\d+)(?:\s*\((?P<issue>[^)]*)\))?)?:\s*(?P<pages>[\w–-]+)"
)


def _read_ieee(body: str, m: re.Match[str]) -> dict:
    """``Authors, "Title," Journal, vol. 5, no. 2, pp. 10-20, 2020.`` (IEEE, MLA), or Chicago's
    ``Authors. "Title." Journal 22, no. 4 (2020): 118–131.``"""
    rest = body[m.end() :].strip(" ,.")
    head = body[: m.start()].strip(" ,.")
    cs1 = _CS1_DATE.search(head)
    if dated := cs1 or _AUTHOR_DATE_HEAD.search(head):
        # Wikipedia's citations: Authors (July 2014). "Title". Journal. 27 (3): 587–613.
        # Chicago's author-date style: Authors. 2019. "Title." Journal 201 (3): 34–45.
        source = _CS1_SOURCE.match(rest) if cs1 else _AUTHOR_DATE_SOURCE.fullmatch(rest)
        found = source.groupdict() if source else {}
        return {
            "authors": _authors(head[: dated.start()]),
            "title": _trim(m["title"]),
            "journal": found["journal"].strip() if source else _trim(rest.split(". ")[0]),
            "year": int(dated["year"]),
            "volume": found.get("volume") or "",
            "issue": (found.get("issue") or found.get("number") or "").strip(),
            "pages": found.get("pages") or "",
        }
    if chicago := _CHICAGO_SOURCE.match(rest):
        return {
            "authors": _authors(body[: m.start()].strip(" ,.")),
            "title": _trim(m["title"]),
            "journal": chicago["journal"].strip(),
            "year": int(chicago["year"]),
            "volume": chicago["volume"],
            "issue": chicago["issue"] or "",
            "pages": chicago["pages"] or "",
        }
    fields = {f.group(0).split(".")[0].lower(): f["value"] for f in _IEEE_FIELD.finditer(rest)}
    years = _ANY_YEAR.findall(rest)
    journal = _IEEE_JOURNAL_END.split(rest, maxsplit=1)[0]
    return {
        "authors": _authors(body[: m.start()].strip(" ,")),
        "title": _trim(m["title"]),
        "journal": "" if _ANY_YEAR.fullmatch(_trim(journal)) else _trim(re.sub(r"^in\s+", "", journal)),
        "year": int(years[-1]) if years else None,
        "volume": fields.get("vol", ""),
        "issue": fields.get("no", ""),
        "pages": fields.get("pp", fields.get("p", "")),
    }


# Authors as a chat assistant names them after a linked title, surnames without initials: "Kharraz et al.",
# "Anderson & Roth", "Kharraz and Kirda".  A lone name ("Moore") could be a journal, so it is left as one.
_SURNAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ -][A-ZÀ-ÖØ-Þ][\w'’-]+)?"
_SURNAMES_ONLY = re.compile(rf"{_SURNAME}(?:\s+et\.?\s+al\.?|\s+(?:&|and)\s+{_SURNAME})")


def _read_linked(title: str, tail: str) -> dict:
    """A linked title and what follows it: "— Paez JG et al., Science, 2004" (authors, journal, year)."""
    tail = tail.lstrip(" —–-:|")
    if wrapped := re.fullmatch(r"\(([^()]*)\)\.?", tail.strip()):  # "[Title](url) (Cancer Res, 2019)"
        tail = wrapped[1]
    items = [item.strip() for item in _trim(tail).split(",") if item.strip()]
    years = [i for i, item in enumerate(items) if _FINAL_YEAR.fullmatch(item)]
    year = int(_FINAL_YEAR.fullmatch(items[years[-1]])["year"]) if years else None
    if years:
        del items[years[-1]]
    elif items and (bracketed := _BRACKETED_FINAL_YEAR.search(items[-1])):  # "..., mBio (2020)"
        year, items[-1] = int(bracketed["year"]), items[-1][: bracketed.start()]
    cut = next((k for k in range(len(items), 0, -1) if _is_author_list(", ".join(items[:k]))), 0)
    if not cut and len(items) >= 2 and _SURNAMES_ONLY.fullmatch(items[0]):
        cut = 1  # "— Kharraz et al., DIMVA, 2015", "— Anderson & Roth, arXiv, 2018": surnames, then the venue
    elif not cut and len(items) >= 2 and _GROUP_WORD.search(items[0]) and _looks_corporate(items[0]):
        cut = 1  # "— World Health Organization, WHO Report (2022)": an organisation, then its series
    return {
        "title": _trim(title),
        "authors": _authors(", ".join(items[:cut])),
        "journal": _trim(", ".join(items[cut:])),
        "year": year,
    }


def _vancouver_source(m: re.Match[str]) -> dict:
    return {"year": int(m["year"]), **_volume_fields(m)}


def _volume_fields(m: re.Match[str]) -> dict:
    """Volume, issue and pages from a match with those groups ("12(3):100-110")."""
    return {"volume": m["volume"] or "", "issue": (m["issue"] or "").strip(), "pages": (m["pages"] or "").rstrip(".")}


# Nature style: "Hsu, P. D., Lander, E. S. & Zhang, F. Title. Cell 157, 1262–1278 (2014)."
# A journal's name may open in lower case: "eLife", "mBio", "iScience", "npj Vaccines".
_JOURNAL_START = r"(?:[A-Z]|[a-z]{1,2}[A-Z]|npj\s)"


def _volume_source(before_pages: str) -> re.Pattern[str]:
    """``Journal Volume(Issue)`` then ``before_pages`` and the pages."""
    return re.compile(
        rf"(?P<journal>{_JOURNAL_START}[^,;:]*?)\s+(?P<volume>\d+)(?:\s*\((?P<issue>[^)]*)\))?"
        rf"{before_pages}\s*(?P<pages>\S+)"
    )


_NATURE_SOURCE = _volume_source(",")
# Springer's source after an author-year head: "Gut 62:34-42", "Antimicrob Agents Chemother 40(2):477-480".
_SPRINGER_SOURCE = _volume_source(":")
# Cite Them Right's Harvard source: "Journal of Hospital Infection, 104(2), pp. 45-67".
_PAGED_SOURCE = re.compile(
    rf"(?P<journal>{_JOURNAL_START}[^,;:]*?),\s+(?P<volume>\d+)(?:\s*\((?P<issue>[^)]*)\))?,\s+pp?\.\s*(?P<pages>\S+)"
)
_HARVARD_SOURCES = (_NATURE_SOURCE, _SPRINGER_SOURCE, _PAGED_SOURCE)
_UPPER = "A-ZÀ-ÖØ-Þ"  # "Ó Súilleabháin", "Müller"
_NATURE_AUTHOR = rf"[{_UPPER}][\w'’-]*(?: [{_UPPER}][\w'’-]+){{0,3}},? (?:[A-Z]\.[ -]?){{1,3}}"
# "Smith, J., Doe, A.-B., Roe, C.D." and "..., et al.": surnames, then dotted initials after a comma.
_NATURE_NAMES = rf"{_NATURE_AUTHOR}(?:(?:,| &| and|, &|, and) {_NATURE_AUTHOR})*"
_COMMA_INITIALS = re.compile(rf"{_NATURE_NAMES}(?:,? et al\.?)?")
_NATURE_AUTHORS = re.compile(rf"(?P<authors>{_NATURE_NAMES}(?: et al\.)?)\s+")


# Elsevier's numbered style: "C.A. Arias, B.E. Murray. The rise of the Enterococcus. Nat Rev Microbiol,
# 10 (2012), pp. 266-278" (initials before the surname, the year in brackets after the volume).
_ELSEVIER_SOURCE = re.compile(
    rf"(?P<journal>{_JOURNAL_START}(?:[^,.]|\.(?!\s))*?),\s*(?P<volume>\d+)(?:\s*\((?P<issue>[^)]*)\))?\s*\({_YEAR}\)"
    r",\s*(?:pp?\.\s*|Article\s+)?(?P<pages>[\w–-]+)\.?$"
)
_INITIALS_FIRST = r"(?:[A-Z]\.(?:-?[A-Z]\.)*\s?(?:[a-z]{1,3}\s)*[A-ZÀ-ÖØ-Þ][\w'’-]+)"
_INITIALS_FIRST_AUTHORS = re.compile(
    rf"^(?P<authors>{_INITIALS_FIRST}(?:,\s{_INITIALS_FIRST})*(?:,?\s(?:and\s{_INITIALS_FIRST}|et al\.?))?)\.?\s+"
)


# "..., N. Engl. J. Med. 382 (2020) 610–621." / "..., Clin. Cancer Res. 22 (20) (2016) 5097–5108.": the
# journal after the title's comma, the volume, the year in brackets and the pages, no comma between them.
_CSL_NUMERIC_SOURCE = re.compile(
    rf",\s+(?P<journal>{_JOURNAL_START}[^,]*?)\s+(?P<volume>\d+)(?:\s*\((?P<issue>[^)]*)\))?\s+\({_YEAR}\)"
    r"\s+(?P<pages>[\w–-]+)\.?$"
)
# Initials first, and a surname of two words where the style keeps them ("Y. Hee Park", "K. Van Baelen"),
# with particles before or inside it ("D. van Duin", "J.M. Ortiz de la Rosa").
_INITIALS_FIRST_NAME = (
    r"(?:[A-Z]\.(?:-?[A-Z]\.)*\s?(?:[a-z]{1,3}\s)*(?:[A-ZÀ-ÖØ-Þ][\w'’-]+\s(?:[a-z]{1,3}\s)*)?[A-ZÀ-ÖØ-Þ][\w'’-]+)"
)
_COMMA_AUTHORS = re.compile(rf"^(?P<authors>{_INITIALS_FIRST_NAME}(?:,\s{_INITIALS_FIRST_NAME})*(?:,\s+et al\.?)?),\s+")


# The physics journals' style (APS, IOP, Quantum): "A. G. Fowler, M. Mariantoni, J. M. Martinis and A. N. Cleland,
# Surface codes: towards practical large-scale quantum computation, Phys. Rev. A 86, 032324 (2012)." Initials first
# ("A. Yu. Kitaev"), "and" before the last name, the title between commas, the volume, the page or article number
# and the year in brackets; an arXiv number stands for the journal, volume and page of a preprint.
_APS_NAME = r"(?:[A-Z][a-z]?\.[\s-]?){1,3}(?:[a-z]{1,3}\s)*[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'’-]+)?"
_APS_AUTHORS = re.compile(rf"^(?P<authors>{_APS_NAME}(?:(?:,\s|,?\s+and\s+){_APS_NAME})*(?:,?\s+et al\.?)?),\s+")
_APS_SOURCE = re.compile(
    rf",\s+(?:(?P<journal>{_JOURNAL_START}[^,]*?)\s+(?P<volume>\d+),\s+(?P<pages>[\w–.-]+)|(?P<preprint>arXiv:\S+))"
    rf"\s+\({_YEAR}\)\.?$"
)


# A title's last words, then the journal: a lower-case word ends a sentence ("... in bacteria. Science"), which
# an abbreviated journal's words never do ("Phys. Rev. A", "Proc. Natl. Acad. Sci. U.S.A.").
_TITLE_THEN_JOURNAL = re.compile(r".*\b[a-z][a-z-]{2,}\.\s+[A-Z]")


def _read_aps(body: str, m: re.Match[str]) -> dict | None:
    """Authors, title and source of an entry in the physics journals' style (``_APS_SOURCE``); None when it
    does not open with initialled names or a group's name ("Google Quantum AI, Title, Nature 595, 383 (2021).")."""
    if m["journal"] and _TITLE_THEN_JOURNAL.match(m["journal"]):
        return None  # "J. Smith, K. Roe, Efflux pumps in bacteria. Science 363, 34–45 (2019).": Science's style
    head = body[: m.start()]
    if authors := _APS_AUTHORS.match(head):
        names, title = authors["authors"], head[authors.end() :]
    else:
        names, _, title = head.partition(", ")
        # Initials after a surname ("Kowalski, P., Adeyemi, F. & Strand, H. Title.") are Nature's style, and a second
        # author after the first ("Mills SD, Jasalavich CA, ...") Vancouver's.
        first = title.split(", ")[0]
        if not (title and _looks_corporate(names)) or re.match(r"[A-Z]\.", title) or _is_author_list(first):
            return None
    return {
        "authors": _authors(names),
        "title": _trim(title),
        "journal": (m["journal"] or m["preprint"]).strip(),
        "year": int(m["year"]),
        "volume": m["volume"] or "",
        "pages": m["pages"] or "",
    }


def _read_elsevier(body: str, m: re.Match[str]) -> dict:
    head = body[: m.start()].strip(" .")
    if authors := _INITIALS_FIRST_AUTHORS.match(head):
        fields = {"authors": _authors(authors["authors"]), "title": _trim(head[authors.end() :])}
    else:
        fields = _read_head(_segments(head), has_journal=False)
    return {**fields, **_source(m, m["year"])}


def _source(m: re.Match[str], year: str) -> dict:
    """Journal, year, volume, issue and pages from a match that names them."""
    return {
        "journal": m["journal"].strip(),
        "year": int(year),
        "volume": m["volume"],
        "issue": (m["issue"] or "").strip(),
        "pages": m["pages"],
    }


def _read_nature(body: str, m: re.Match[str]) -> dict | None:
    """``Authors. Title. Journal 5, 10-20 (2020).``: the year in brackets closes the entry."""
    segments = _segments(body[: m.start()].strip())
    # A journal abbreviated with full stops ("Nat. Genet. 52, 1183–1194") fills sentences of its own.
    start = _journal_start(segments, 1)
    segments = [*segments[:start], " ".join(segments[start:])]
    source = _NATURE_SOURCE.fullmatch(segments[-1].rstrip(".")) if len(segments) >= 2 else None
    if not source:
        return None
    front = " ".join(segments[:-1])
    # Nature's authors ("Smith, J. & Roe, K."), or Science's, initials first with the title after a comma
    # ("J. Smith, K. Roe, Efflux pumps in bacteria. Science 363, 34–45 (2019).").
    if authors := _NATURE_AUTHORS.match(front) or _APS_AUTHORS.match(front):
        head = {"authors": _authors(authors["authors"]), "title": _title([front[authors.end() :]])}
    else:
        head = _read_head(segments[:-1], has_journal=False)
    return {**head, **_source(source, m["year"])}


def _read_apa(body: str, m: re.Match[str]) -> dict:
    """``Authors (2020). Title. Journal, 5(2), 10-20.``; Harvard's ``Authors (2019) 'Title', Journal, 37(15),
    pp. 12–20.``; Cell Press's ``Authors (2018). Title. Cancer Cell 33, 10–25.``; Springer's ``Authors (2013)
    Title. Gut 62:34-42``"""
    after = body[m.end() :].strip()
    if quoted := _SINGLE_QUOTED_TITLE.match(after):
        title, source = quoted["title"], after[quoted.end() :].strip(" ,.")
    else:
        rest = _segments(after)
        title, source = _title(rest[:1]), " ".join(rest[1:]).rstrip(".")
    fields = {"authors": _authors(body[: m.start()]), "year": int(m["year"]), "title": _trim(title)}
    if s := _APA_SOURCE.fullmatch(source) or _NATURE_SOURCE.fullmatch(source) or _SPRINGER_SOURCE.fullmatch(source):
        issue = s["issue"] or ""
        fields.update(journal=s["journal"].strip(), volume=s["volume"], issue=issue, pages=s["pages"] or "")
    else:
        fields["journal"] = source.strip()
    return fields


# Harvard's title in single quotes, followed by a comma: "'Acquired ESR1 mutations', Journal of ..."
_SINGLE_QUOTED_TITLE = re.compile(r"^['‘](?P<title>.+?)['’],\s")


def _read_head(segments: list[str], has_journal: bool) -> dict:
    """Title, authors and journal from the sentences before the year.

    The author list is the first sentence shaped like one: at the start (Vancouver) the title follows it, later
    (title first) the title comes before it.  The journal is what lies between the title and the year.
    """
    # With three or more sentences the last is the journal, and abbreviations such as "EMBO J" look like an author.
    searched = segments[:-1] if has_journal and len(segments) >= 3 else segments
    at = next((i for i, s in enumerate(searched) if _is_author_list(s)), None)
    # A group author ("WHO", "Antimicrobial Resistance Collaborators") leads when a title still follows it;
    # one named as a group ("Cancer Genome Atlas Research Network") may follow the title instead (a later
    # one is the publisher: "WHO. Global plan .... Geneva: World Health Organization, 2012.").
    if at is None and len(segments) > (2 if has_journal else 1):
        grouped = (i for i, s in enumerate(searched[:2]) if _looks_corporate(s) and _GROUP_WORD.search(s))
        at = next(grouped, 0 if _looks_corporate(segments[0]) else None)
    if at is None and len(segments) == 2 and _looks_corporate(segments[0]) and _sentence_case(segments[1]):
        # "National Cancer Institute. Drug resistance in cancer. https://... (2021).": no journal is written in
        # sentence case, so the second sentence is the title and the name before it its author.
        return {
            "authors": _authors(segments[0]),
            "title": _title(segments[1:]),
            **({"journal": ""} if has_journal else {}),
        }
    if at is None:
        if has_journal and len(segments) > 1:
            return {"title": _title(segments[:-1]), "journal": _trim(segments[-1])}
        return {"title": _title(segments if has_journal else segments[:1])}
    if at == 0 and has_journal:
        # Authors, title, journal: the journal is the last sentence, and the sentences before it that are
        # pieces of an abbreviated name ("J. Am. Chem. Soc."); the rest is the title, which may be in two
        # ("What is an adequate trial with clozapine? Therapeutic drug monitoring ...", "Arsenic - a review.
        # Part II: oxidation ...").
        start = _journal_start(segments, 2)
        title, journal = segments[1 : max(start, 2)], segments[max(start, 2) :]
    elif at == 0:
        # a title asking a question goes on after its mark to the source ("Does biochar ...? A systematic
        # review. *Geoderma* **2020**", MDPI); a book's series after it is no subtitle ("... Managed? FRAC
        # Monograph No. 1, 2nd revised edition. Brussels: ...")
        end = 3 if len(segments) == 3 and segments[1].endswith(("?", "!")) else 2
        title, journal = segments[1:end], segments[end:]
    else:
        title, journal = segments[:at], segments[at + 1 :]
    fields = {"authors": _authors(segments[at]), "title": _title(title)}
    if has_journal:
        fields["journal"] = _trim(" ".join(journal))
    return fields


_ET_AL_NEXT = re.compile(r"\s+et\.?\s+al\b")
_ENDS_INITIAL = re.compile(r"(?:^|[\s,;-])[A-Z]\.$")
_NEXT_INITIAL = re.compile(r"\s+[A-Z]\.(?!\s+(?!et\b)[a-z])")
_NEXT_JOINED = re.compile(r"\s+(?:&|and)\s+[A-Z]")  # "Smith, J. & Doe, A. 2020." (Harvard): the next author


def _segments(text: str) -> list[str]:
    """Split at sentence ends outside brackets ("Cell Cycle (Georgetown, Tex.)." is one sentence)."""
    segments, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in ".?!" and depth == 0 and (i + 1 == len(text) or text[i + 1].isspace()):
            segment = text[start : i + 1].strip()
            species = _SPECIES_END.search(text, 0, i + 1)
            if (_ABBREVIATION_END.search(segment) and not species) or (
                (_GENUS.search(text, 0, i + 1) and _LOWER_NEXT.match(text, i + 1))
                or (species and _LOWER_WORD_NEXT.match(text, i + 1))
            ):
                continue  # "vs.", "sp. nov.", "in P. falciparum": no sentence ends there
            if _ET_AL_NEXT.match(text, i + 1) or (
                _ENDS_INITIAL.search(segment) and (_NEXT_INITIAL.match(text, i + 1) or _NEXT_JOINED.match(text, i + 1))
            ):
                # "SMITH, J. et al. Title." (ABNT): no sentence opens with "et al."; "SILVA, A. B.; COSTA, R." and
                # "Smith, J. A., Doe, B.": an author's initials, not sentences ("J. A. baumannii" is a genus)
                continue
            if _PART_NUMERAL.search(segment) or (segment.endswith(".") and _PART_NEXT.match(text, i + 1)):
                continue  # a title's part: "Calendar aging ...: I. Impact of ...", "... circulation. I. Problems ..."
            if not segments and _DOTTED_SHORT.fullmatch(segment):
                continue  # "U.S. Environmental Protection Agency." or "J.R. Smith, ..." opening an entry: no sentence
            segments.append(segment)
            start = i + 1
    tail = text[start:].strip()
    return [s for s in [*segments, tail] if s.strip(" .,;:")]


# A book's editors say so after their names: "Yeomans SR (editor)", "Bertolini L, Polder R, eds".
_EDITORS = re.compile(r"(?:\s*\((?:[Ee]ds?\.?|[Ee]ditors?)\)|,?\s+(?:eds?|editors?)\.?)$")


def _is_author_list(segment: str) -> bool:
    """A comma-separated run of ``Surname INITIALS`` items, optionally ending in "et al" or in a group
    author after a semicolon ("MacDonald NE; SAGE Working Group on Vaccine Hesitancy")."""
    if _SEMICOLON_NAMES.fullmatch(segment.strip()):
        return True
    head, _, group = _EDITORS.sub("", segment.strip().rstrip(".")).partition(";")
    if group and not (head.strip() and _looks_corporate(group)):
        return False
    items = [item.strip() for item in head.split(",")]
    if len(items) > 1 and _GROUP_WORD.search(items[0]) and _looks_corporate(items[0]):
        items = items[1:]  # a group author before the named ones: "International ... Study Group, Lorch A, ..."
    elif len(items) > 1 and _GROUP_WORD.search(items[-1]) and _looks_corporate(items[-1]):
        # ... after them, as the NLM's style writes it: "Vespa PM., Neurocritical Care Society ... Committee"
        items = [*items[:-2], items[-2].removesuffix(".")]
    if items and _ET_AL.fullmatch(items[-1]):
        items = items[:-1]
    elif items and (bare := ET_AL_TAIL.sub("", items[-1])) != items[-1]:
        items[-1] = bare  # "Smith J et al"
    if items:
        items[-1] = re.sub(r"^(?:and|&)\s+", "", items[-1])
    # The last two names may be parted by "and" or "&" alone: "Smith J & Doe A", "Smith J, Roe K and Doe A".
    return bool(items) and all(_is_author(item) or _two_authors(item) for item in items)


# ACS's author list: "Surname, I. I." items parted by semicolons ("Farha, O. K.; Eryazici, I.; Jeong, N. C.;
# Hauser, B. G."), maybe ending in "et al." or with "and" before the last; two or more of them.
_SEMICOLON_NAME = r"(?:[^\W\d_][\w'’-]*\s+){0,3}[^\W\d_][\w'’-]*,\s*(?:[A-Z][a-z]?\.[ -]?-?){1,4}"
_SEMICOLON_NAMES = re.compile(rf"{_SEMICOLON_NAME}(?:\s*;\s*(?:and\s+)?{_SEMICOLON_NAME})+(?:\s*;?\s*et\s+al\.)?\s*")


def _two_authors(item: str) -> bool:
    """``Smith J & Doe A``, ``Roe K and Doe A``."""
    names = _JOINED.split(item)
    return len(names) == 2 and all(_is_author(name) for name in names)


_JOINED = re.compile(r"\s+(?:&|and)\s+")


_ELIDED = re.compile(r"[a-z]{1,4}['’]?[A-Z]")
# A generational suffix after the initials: "Diaz LA Jr", "King ML III", "Thompson GR 3rd" (PubMed).
_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV", "2nd", "3rd", "4th"})
_SAINT = frozenset({"St.", "Ste."})  # a surname's "Saint" abbreviated: "St. Clair CR", "Ste. Marie J"


def _is_author(item: str) -> bool:
    """``Liu Z``, ``El Khoury J``, ``Guevara-Nieto HM``, ``Győrffy B``, ``van der Berg A``."""
    words = item.split()
    if len(words) >= 3 and words[-1].rstrip(".") in _NAME_SUFFIXES:
        words = words[:-1]  # "Diaz LA Jr"; in "Rybkin II" the II are initials
    *surname, initials = words or [""]
    # Up to four initials: "Schauwvlieghe AFAD", "Rijs AJMM".
    if not surname or len(surname) > 4 or not (1 <= len(initials) <= 4 and initials.isalpha() and initials.isupper()):
        return False
    surname = [word.removesuffix(".") if word in _SAINT else word for word in surname]  # "St. Clair CR"
    if not all(all(c.isalpha() or c in "-'’" for c in word) for word in surname):
        return False
    # Lower-case words are name particles ("van", "de la"); they are short and never end a surname.
    # An elided or joined particle starts a capitalised name: "d'Avignon", "dell'Orto", "deFazio".
    capitalised = [word[0].isupper() or bool(_ELIDED.match(word)) for word in surname]
    particles_ok = all(cap or len(word) <= 3 for word, cap in zip(surname, capitalised))
    return capitalised[-1] and particles_ok


# A word that names a body of people: with it a group author may be longer and hold numbers
# ("GBD 2019 Antimicrobial Resistance Collaborators", "CRyPTIC Consortium and the 100,000 Genomes Project").
_GROUP_WORD = re.compile(
    r"\b(?:Consortium|Collaborators?|Collaboration|Group|Organi[sz]ation|Committee|Society|Association|Network"
    r"|Institutes?|Agency|Cent(?:re|er)s?|Project|Initiative|Council|Panel|Foundation|Ministry|Investigators"
    r"|Commission|Task Force|Authority)\b"
)


_FUNCTION_WORDS = frozenset("a an and as at by for from in of on or the to with".split())


def _sentence_case(segment: str) -> bool:
    """Two words or more in lower case that are not function words ("Drug resistance in cancer"), as a title
    is written and a journal's name is not ("Journal of Clinical Oncology", "J Clin Oncol")."""
    words = re.findall(r"[^\W\d_][\w'-]*", segment)
    return sum(w[0].islower() and w not in _FUNCTION_WORDS for w in words) >= 2


def _looks_corporate(segment: str) -> bool:
    """A short name in capitals ("WHO", "World Health Organization") heading a web or report entry, or
    two or three such names a joint report lists ("European Food Safety Authority, European Centre for
    Disease Prevention and Control")."""
    parts = [p for p in _trim(segment).split(", ") if p]
    if 1 < len(parts) <= 3 and sum(_GROUP_WORD.search(p) is not None for p in parts) >= 2:
        return all(_looks_corporate(p) for p in parts)
    # A short form in brackets goes with the name: "World Health Organization (WHO)".
    words = [w.strip("()") for w in _trim(segment).split() if w.strip("()")]
    group = _GROUP_WORD.search(segment) is not None
    # A name that ends in its group word may hold any lower-case word ("MalariaGEN Plasmodium falciparum
    # Community Project"); elsewhere only short ones ("of", "the").
    named = bool(words) and _GROUP_WORD.fullmatch(words[-1]) is not None
    return (
        0 < len(words) <= (10 if group else 6)
        and words[0][0].isupper()
        and all(
            w[0].isupper() or (group and w[0].isdigit()) or (w.isalpha() and w.islower() and (len(w) <= 3 or named))
            for w in words
        )
    )


def _authors(text: str) -> str:
    """The author list as written, but for the full stop that closes the field; the last initial keeps its own
    where the list writes initials with full stops ("Hauser, B. G.", "Arthur, E.", not "Smith J")."""
    authors = _collapse(re.sub(r"\s+,", ",", _trim(text)))
    if _LAST_INITIAL.search(authors) and _DOTTED_INITIAL.search(authors) and text.rstrip().endswith("."):
        authors += "."
    return authors


_LAST_INITIAL = re.compile(r"(?:^|[\s,.;-])[A-Z]$")
_DOTTED_INITIAL = re.compile(r"(?:^|[\s,;-])[A-Z]\.")


def _title(segments: list[str]) -> str:
    return _trim(" ".join(segments))


def _trim(text: str) -> str:
    """Drop the full stop that closes a field; keep ``?`` and ``!`` since they belong to titles."""
    return text.strip().rstrip(".,;:").strip()


# --- small helpers ---------------------------------------------------------------------------------------


def _collapse(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+[-*+]$", "", text)


def _comparable(raw: str) -> str:
    """Raw text as compared for duplicates: case, spacing and closing punctuation do not count."""
    text = unicodedata.normalize("NFKC", raw).casefold()
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def _excerpt(text: str, limit: int = 60) -> str:
    text = _collapse(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _warning(document: str, message: str) -> str:
    return f"{document}: {message}" if document else message
