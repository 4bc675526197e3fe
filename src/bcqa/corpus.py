"""Parse a review document into cited statements and numbered references.

The input is markdown or plain text in the family of styles reviews are
written in: headings (``#`` to ``######``, numbered or not, on their own
lines or running inline in one-line markdown), paragraphs, bullets and nested
bullets, tables, rules, italic metadata lines, bold lead-ins; citation groups
written ``[4][6]``, ``[4] [6]``, ``[4, 6]`` or ``[4-6]``, before or after the
sentence's punctuation or mid-sentence; one or more reference sections
(``References``, ``## 5. References``, ``Consolidated References`` ...).

A statement is one claim with the numbers that support it, quoted from the
document: markers and markdown go, no word is dropped or added (whitespace is
normalised, and a clause loses the comma or semicolon that joined it to the
next, and a word broken at a line end is joined again).  Steps:

1. cut the text into sections at headings; reference sections go to
   ``bcqa.references``;
2. cut each section into blocks: paragraphs, list items, table rows;
3. strip a block's markdown and citation markers, remembering where each
   marker sat in the plain text;
4. split the plain text into sentences with pysbd (a maintained rule-based
   splitter that knows initials, "et al.", decimals and "e.g.");
5. give each marker to its sentence; a group that sits mid-sentence cuts the
   sentence into clauses, each keeping only its own numbers.

Questions to the reader, italic metadata lines, rules and list lead-ins that
end in a colon are not claims and give no statement.  Pure functions apart
from ``load_document``.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from bcqa.abbreviations import abbreviation_of
from bcqa.errors import CorpusError
from bcqa.htmltext import html_to_markdown
from bcqa.lightmarkup import light_markup_to_markdown, pipe_table
from bcqa.references import LINK_LABEL_LINE, OFFER, RULE_LINE, merge_reference_blocks, parse_reference_block
from bcqa.sanitize import strip_controls, unescape_markdown
from bcqa.text import PLAIN_DIGITS, SUPERSCRIPT_DIGITS, english_words, is_ordinary, is_symbol
from bcqa.types import Document, Reference, Statement

DOCUMENT_SUFFIXES = (
    ".md",
    ".txt",
    ".markdown",
    ".qmd",  # Quarto and R Markdown: markdown with a YAML header and code chunks
    ".rmd",
    ".mdx",
    ".org",
    ".rst",
    ".adoc",
    ".asciidoc",
    ".textile",
    ".wiki",
    ".mediawiki",
)
OVERVIEW = "Overview"

# --- citation markers ----------------------------------------------------------

# What a range of citations is written with: the hyphen-minus, en and em dashes, and the hyphen, figure
# dash and minus sign that text copied from a publisher's page or a PDF carries ("[4‐6]", "[4−6]").
_DASHES = "-‐‒–—−"
# Reference lists number from 1: "[0]" is text (an index, a placeholder), never a citation.
_CITE_ITEM = rf"(?!0+\b)\d{{1,4}}(?:\s*[{_DASHES}]\s*\d{{1,4}})?"
_CITE_BRACKET = rf"\[\s*{_CITE_ITEM}(?:\s*[,;]\s*{_CITE_ITEM})*\s*\](?!\()"
# Brackets next to each other, with or without spaces or a comma between them, are one group.
CITE_GROUP = re.compile(rf"{_CITE_BRACKET}(?:[ \t]*[,;]?[ \t]*{_CITE_BRACKET})*")
# Markers in parentheses of their own ("up ([4], [5]) in") are one group; the parentheses go with them.
_PAREN_GROUP = re.compile(rf"\(\s*{_CITE_BRACKET}(?:[\s,;]*{_CITE_BRACKET})*\s*\)")
_MAX_RANGE = 50  # "[1-2000]" is not a citation range anyone writes
# Other ways of writing a marker, rewritten to "[...]" before anything else reads the text.
_NUMBER_LIST = rf"(?!0+\b)\d{{1,4}}(?:\s*[{_DASHES},;]\s*\d{{1,4}})*"
# What a superscript glued to it raises to a power: ten ("10<sup>6</sup>", "5 × 10<sup>3</sup>"), and a
# symbol of one letter or a unit of length squared or cubed ("R<sup>2</sup>", "I<sup>2</sup>",
# "75 mg/m<sup>2</sup>", "4 cm<sup>3</sup>").  Glued to anything else it cites: a word, the digits that
# end a name ("BRCA1<sup>3</sup>", "IL-6<sup>4</sup>"), a year or a figure ending a sentence
# ("in 2008<sup>3</sup>.", "a hazard ratio of 0.69<sup>19</sup>.").
_TEN = re.compile(r"(?<![\w.,-])10\Z")
_SQUARED = re.compile(r"(?<![\w])(?:[^\W\d_]|[kcmµμn]m)\Z")
# ... and a variable, a lower-case letter standing alone, to any power ("a scaling of roughly v⁵ to v⁷");
# a capital one is a name ("lipid A<sup>16</sup>", "hepatitis B⁵"), raised only squared or cubed.
_VARIABLE = re.compile(r"(?<![\w/])[a-zα-ω]\Z")


def _raised(m: re.Match, numbers: str) -> bool:
    """Whether the superscript ``m``, glued to what it follows, raises it to the power ``numbers``."""
    start = max(0, m.start() - 40)
    return bool(
        _TEN.search(m.string, start, m.start())
        or (numbers in ("2", "3") and _SQUARED.search(m.string, start, m.start()))
        or (numbers.isdigit() and _VARIABLE.search(m.string, start, m.start()))
    )


def _unless_exponent(m: re.Match, numbers: str) -> str:
    """``[numbers]`` for a superscript marker, or the superscript as written when it is an exponent."""
    if m.group(0)[:1].isspace():  # "in 2014 <sup>16</sup>": set apart from what it follows, it cites
        return f"[{numbers}]"
    return m.group(0) if _raised(m, numbers) else f"[{numbers}]"


# A marker that says it is one: "(ref. 4)", "(Refs 1, 2)", "[Ref 3]".
_LABELLED_MARKER = re.compile(rf"[(\[]\s*(?:refs?|references?)\.?\s*({_NUMBER_LIST})\s*[)\]]", re.I)
_OTHER_MARKERS = (
    # [<sup>4</sup>](#ref-4), [^4,6^](#ref-4), [⁴](#ref-4): a superscript marker that links to its entry, as
    # an HTML page's copy writes it; the link's label is the marker
    (
        re.compile(
            rf"\[\s*(?:<sup>\s*({_NUMBER_LIST})\s*</sup>|\^\s*({_NUMBER_LIST})\s*\^"
            rf"|([{SUPERSCRIPT_DIGITS}][{SUPERSCRIPT_DIGITS}⁻,]*))\s*\]\([^)\s]*\)",
            re.I,
        ),
        lambda m: f"[{m[1] or m[2] or m[3].translate(PLAIN_DIGITS)}]",
    ),
    # [[4](#ref-4)], [[4](#ref-4), [6](#ref-6)]: linked numbers inside brackets of their own, as a journal page's
    # "[<a href="#ref-4">4</a>]" reads once converted to markdown (the brackets were left as "[]")
    (
        re.compile(
            rf"\[[ \t]*(\[\d{{1,4}}\]\([^)\s]*\)(?:[ \t]*[{_DASHES},;][ \t]*\[\d{{1,4}}\]\([^)\s]*\))*)[ \t]*\](?!\()"
        ),
        r"\1",
    ),
    # [4–](#page-10-4)[6](#page-10-6), [3,](#page-10-2)[4](#page-10-3): a PDF converter's superscript group
    # (marker-pdf), each number its own link, the dash or comma after it inside the link's text
    (re.compile(rf"\[(\d{{1,4}})[ \t]*[{_DASHES}]\]\([^)\s]*\)[ \t]*\[(\d{{1,4}})\]\([^)\s]*\)"), r"[\1–\2]"),
    (re.compile(r"\[(\d{1,4})[ \t]*,\]\(([^)\s]*)\)"), r"[\1](\2)"),
    # (ref. 4), (refs. 4, 6), [refs 6-8]: the number said to be a reference's
    (_LABELLED_MARKER, r"[\1]"),
    # [4,], [4, 6;]: a group with a separator left after its last number; ［4］: full-width brackets
    (re.compile(rf"\[\s*({_NUMBER_LIST})\s*[,;]\s*\]|［\s*({_NUMBER_LIST})\s*］"), r"[\1\2]"),
    # \[4\]: brackets escaped by a markdown converter
    (re.compile(rf"\\\[\s*({_NUMBER_LIST})\s*\\\]"), r"[\1]"),
    # [4]–[6], [4] - [6], [^4]–[^6], [4](#ref4)–[6](#ref6): a range written between two bracketed numbers (IEEE
    # style), footnotes or links
    (
        re.compile(
            rf"\[\^?\s*((?!0+\b)\d{{1,4}})\s*\](?:\([^)\s]*\))?[ \t]*[{_DASHES}][ \t]*"
            rf"\[\^?\s*(\d{{1,4}})\s*\](?:\([^)\s]*\))?"
        ),
        r"[\1–\2]",
    ),
    # [[4], [6]], [[4]; [6-8]]: a group of bracketed numbers inside brackets of its own
    (
        re.compile(
            rf"\[[ \t]*(\[[ \t]*{_NUMBER_LIST}[ \t]*\](?:[ \t]*[,;][ \t]*\[[ \t]*{_NUMBER_LIST}[ \t]*\])+)"
            r"[ \t]*\](?!\()"
        ),
        r"\1",
    ),
    # [4••], [4•, 6••], [4•–6]: Current Opinion's marks for papers "of special" and "of outstanding interest"
    (
        re.compile(
            rf"\[(?=[^\]\n]*•)[ \t]*((?!0+\b)\d{{1,4}}[ \t]*•{{0,2}}"
            rf"(?:[ \t]*[{_DASHES},;][ \t]*\d{{1,4}}[ \t]*•{{0,2}})*)[ \t]*\](?!\()"
        ),
        lambda m: f"[{m[1].replace('•', '')}]",
    ),
    # [#4], [#4, #6]: numbers written with a number sign
    (
        re.compile(r"\[[ \t]*#[ \t]*(\d{1,4}(?:[ \t]*[,;][ \t]*#[ \t]*\d{1,4})*)[ \t]*\](?!\()"),
        lambda m: f"[{m[1].replace('#', '')}]",
    ),
    # [[4]](https://...): a bracketed number linking to its source
    (re.compile(rf"\[\[\s*({_NUMBER_LIST})\s*\]\](?:\([^)\s]*\))?"), r"[\1]"),
    # 【4】, 【4†source】, and [4†source] as a copy of it may read
    (re.compile(rf"【\s*({_NUMBER_LIST})\s*(?:†[^】]*)?】|\[\s*({_NUMBER_LIST})\s*†[^\]\n]*\]"), r"[\1\2]"),
    # [^4^] (a chat assistant's superscript note) and ^[4]
    (re.compile(rf"\[\^\s*({_NUMBER_LIST})\s*\^\]|(?<![\d^])\^\[\s*({_NUMBER_LIST})\s*\]"), r"[\1\2]"),
    # [Source 4], [Sources 4, 6], [citation:4]: an assistant's names for its numbered sources
    (re.compile(rf"\[\s*(?:sources?|citations?)\s*:?\s*({_NUMBER_LIST})\s*\]", re.I), r"[\1]"),
    # <sup>4,6</sup>, and <sup>4</sup>–<sup>6</sup>, a range between two superscripts, each number its own (a
    # publisher's page, every number a link), as [4]–[6] is between two bracketed numbers.  Not an exponent,
    # "10<sup>6</sup>" or "75 mg/m<sup>2</sup>" (``_unless_exponent``): "in 2014 <sup>16</sup>" and "BRCA1<sup>3</sup>"
    # cite; nor an isotope's mass, written right before its letter: "<sup>31</sup>P".
    (
        re.compile(
            rf"\s*<sup>\s*((?!0+\b)\d{{1,4}})\s*</sup>[ \t]*[{_DASHES}][ \t]*<sup>\s*(\d{{1,4}})\s*</sup>(?!\w)", re.I
        ),
        lambda m: _unless_exponent(m, f"{m[1]}–{m[2]}"),
    ),
    (
        re.compile(rf"\s*<sup>\s*\[?\s*({_NUMBER_LIST})\s*\]?\s*</sup>(?!\w)", re.I),
        lambda m: _unless_exponent(m, m[1]),
    ),
    # resistance^4,6^ (Pandoc's superscript; "10^6^" is an exponent), and ^[4]^
    (re.compile(rf"\s*(?<!\^)\^\s*\[?\s*({_NUMBER_LIST})\s*\]?\s*\^"), lambda m: _unless_exponent(m, m[1])),
    # [9]: 627–629 / [1]:598[18]: the pages of the source cited (Wikipedia), not text: a range, or a
    # page that a marker, a sentence or the line's end follows ("[3]: 12 of 20 isolates" stays)
    (
        re.compile(
            rf"(\[\s*{_NUMBER_LIST}\s*\])[ \t]?:[ \t]?"
            rf"(?:\d{{1,4}}[-–]\d{{1,4}}(?=[ \t\[]|$)|\d{{1,4}}(?=\[|[ \t]+[A-Z]|[ \t]*$))",
            re.M,
        ),
        r"\1",
    ),
    # [citation needed], [clarification needed], [note 1]: an encyclopedia's tags, no citation and no words
    (
        re.compile(
            r"\[(?:(?:citation|clarification|verification|better source|page|year|full citation)[ \w]{0,20}?"
            r" needed|dubious[^\]\n]{0,20}|according to whom\?|who\?|when\?|which\?|note \d{1,3}|nb \d{1,3})\]"
        ),
        "",
    ),
    # [4 and 6], [4, 5 and 8], [4 & 6]: a group whose last number "and" joins
    (re.compile(rf"\[\s*({_NUMBER_LIST})\s*,?\s+(?:and|&)\s+({_CITE_ITEM})\s*\]"), r"[\1, \2]"),
    # [Ref. 4], [refs 4, 6]
    (re.compile(rf"\[\s*refs?\.?\s*({_NUMBER_LIST})\s*\]", re.I), r"[\1]"),
    # [4, p. 12], [4, pp. 3-5], [4, Fig. 2], [4, Table 1], [4, ch. 3], [4, Sec. 2.1]: IEEE's place in the
    # source cited goes with its marker
    (
        re.compile(
            r"\[\s*((?!0+\b)\d{1,4})\s*,\s*(?:pp?|figs?|figures?|tables?|tab|ch|chap|chapters?|sec|sections?|§|eqs?"
            r"|app|appendix|para)\.?\s*[\w.]+(?:\s*[-–—]\s*[\w.]+)?\s*\]",
            re.I,
        ),
        r"[\1]",
    ),
    # (ref. [4]), (see [4]), (cf. [4, 6]), (reviewed in [4]): the cue word goes with the markers
    (
        re.compile(
            r"\(\s*(?:refs?\.?|see(?: also)?(?:,?\s*e\.g\.,?)?|e\.g\.,?|cf\.?|reviewed in)\s*"
            r"((?:\[[^\]]*\][\s,;]*)+)\)",
            re.I,
        ),
        r"\1",
    ),
)

# A document whose numbered reference list is not cited in brackets may cite in superscript
# digits ("resistant.¹ Efflux", "pumps²,³", "⁴⁻⁶": copied from a PDF or a web page) or in
# parentheses ("rarer (7).", "(8, 9)", "(10–12)").  Either way of writing is read as markers
# only then, and only for numbers the list holds: elsewhere "m²", "I²" and "(2019)" are text.
# (Up to six digits: separate superscripts run together, "¹¹¹³" for 11 and 13, below.)
_SUP_ITEM = rf"[{SUPERSCRIPT_DIGITS}]{{1,6}}(?:\s?[⁻–-]\s?[{SUPERSCRIPT_DIGITS}]{{1,3}})?"
# Glued to a word ("it¹⁶", "I543T¹⁹", "lipid A¹⁶"), the digits that end a name ("TP53⁷", "Cys336⁵"), a figure
# or a year ("80.0%²", "in 1996⁷.", "0.48³"), punctuation or emphasis ("*neoantigen editing*⁹"); never a
# charge ("Ca²⁺").  What raises to a power
# ("10⁶", "R²", "χ²", "5 km²") is told apart as for "<sup>" (``_raised``), and a unit of three
# letters after a number ("5 kDa²") is never a marker.
_SUPERSCRIPT_MARKER = re.compile(
    rf"(?:(?<=[^\W_{SUPERSCRIPT_DIGITS}])(?<!\d[ \t][^\W\d_]{{3}})|(?<=[%.,;:)\]”\"'’*_]))"
    rf"({_SUP_ITEM}(?:\s?[,⸴˒]\s?{_SUP_ITEM})*)(?![⁺⁻{SUPERSCRIPT_DIGITS}\w])"
)
# "(7)", "(8, 9)", "(10–12)"; a lone "(2) word" right after a comma, colon, "and" or the start
# of a line is an enumerator ("two routes: (1) efflux and (2) ..."), not a marker.
_PAREN_MARKER = re.compile(rf"\(\s*({_NUMBER_LIST})\s*\)(?![\w(])")
_ENUMERATOR_BEFORE = re.compile(r"(?:^|[,:;(]|\b(?:and|or))\s*\Z", re.I | re.M)
# ... but a marker that a clause's comma follows is one even at a line's start (wrapped: "... upper limit of
# normal" / "(21), with few patients ..."): an enumerator heads words, never a comma.
_CLOSES_CLAUSE = re.compile(r"[.,;:!?](?:\s|$)")
# A PDF's copy flattens superscripts into digits glued to the text: "mutations3 in", "Africa.1,2 Of",
# "kdr mutations,8 whereas", "resistance.4–6": after an everyday word of four letters or more
# (never "GSTe2", "CYP6P3", "kelch13") or after punctuation that follows no digit (never "2.5", "1,000"),
# or one space after it before a capital ("survival. 12 Target-site mutations ..."), but not before a
# month ("Received: 14 March 2024; Accepted: 2 September 2024" is a date).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:[ \t]+\d{4})"
# After a digit, punctuation ends a sentence or clause that a marker may follow only when the digit closes a year
# ("in 2012.1 Linkermann ...") or a name with letters ("SLC3A2.1,3 Erastin", "lack GPX4.3"), glued to the marker
# with no space; after a number alone ("2.5", "1,000", "pH 7.4") it is the number's.
_SENTENCE_NEXT = re.compile(r"[ \t]*$|[ \t]+[\"“‘(]?[A-Z]", re.M)
_CLAUSE_NEXT = re.compile(r"[ \t]+[\"“‘(]?[a-z]")
_ENDS_CITABLE = re.compile(r"(?:(?<![\w.,])(?:1[89]|20)\d\d|(?<![\w-])[A-Za-z][\w-]*[A-Za-z][\w-]*\d)\Z")
_GLUED_MARKER = re.compile(
    r"(?:(?<![^\s(\[\-/])(?P<word>[A-Za-z]?[a-z]{3,})|(?<=[^\W_]|[%)\]])(?P<mark>[.,;:])(?P<gap>[ \t])?)"
    rf"(?P<numbers>(?!0)\d{{1,3}}(?:[,–-](?!0)\d{{1,3}})*)(?(gap)(?=[ \t]+[A-Z])(?![ \t]+{_MONTH})|(?=[\s.,;:)]|$))",
    re.M,
)


# Separate superscripts run together when a web page or PDF is copied: "involvement.²¹⁴" is
# "²,¹⁴" when the list has no [214].  Such a run is read as the one way to spell it with listed
# numbers in rising order (2, 14; not 2, 1, 4 nor 21, 4), as markers are written; a run with no
# such way, or more than one, is a marker that cannot be read: dropped after punctuation, with a
# warning that names it.
def _rising_readings(digits: str, listed: set[int], above: int = 0) -> list[tuple[int, ...]]:
    """The ways to spell ``digits`` as listed numbers above ``above``, each larger than the last."""
    if not digits:
        return [()]
    readings = []
    for cut in range(1, min(3, len(digits)) + 1):
        head = digits[:cut]
        if head[0] != "0" and above < int(head) and int(head) in listed:
            readings += [(int(head), *rest) for rest in _rising_readings(digits[cut:], listed, int(head))]
    return readings


_MIN_UNBRACKETED = 2  # groups of a way of writing before the document is taken to cite that way
_OUTNUMBER = 3  # ... and as many times the bracketed groups it has (a few "<sup>1</sup>" affiliations)


def _unbracketed_markers(lines: list[str], listed: set[int]) -> tuple[Callable[[str], str] | None, list[str]]:
    """How a document cites when it does not cite in brackets: a rewrite to "[n]", or None.

    A way of writing is chosen when the document has three times as many such groups as bracketed
    ones (an author's affiliation "<sup>1</sup>" is not what makes a document cite in brackets).
    Also returns warnings for superscript runs read as several numbers, or that cannot be read.
    """
    # Authors' and affiliations' marks are not how the document cites.
    # The authors may be wrapped over the lines of one paragraph ("... and Heather" / "J. O'Donnell¹").
    paragraphs = re.split(r"(?<=\n)[ \t]*\n", "\n".join(lines))
    kept = [p for p in paragraphs if "\n" not in p.strip() or not _author_line(" ".join(p.split()))]
    text = "\n".join(line for line in "\n".join(kept).split("\n") if not (_author_line(line) or _affiliations(line)))
    if not listed:
        return None, []
    # A marker that says it is one ("[Ref 2]", "(Refs 1, 2)") is read whatever the rest do, so it is no sign of citing
    # in brackets: a note citing "(1)" with a few "[Ref 2]" cites "(1)".
    bracketed = len(CITE_GROUP.findall(_bracketed_markers(_LABELLED_MARKER.sub("", text))))

    def numbers_listed(group: str) -> bool:
        numbers = parse_citation_group(f"[{group}]")
        return bool(numbers) and set(numbers) <= listed

    def run_together(group: str) -> str | None:
        """ "214" -> "2, 14" when the list has [2] and [14] but no [214]; None if no one reading."""
        items = []
        for item in group.split(","):
            readings = [] if numbers_listed(item) or not item.isdigit() else _rising_readings(item, listed)
            if len(readings) > 1 or not (readings or numbers_listed(item)):
                return None
            items.append(", ".join(map(str, readings[0])) if readings else item)
        return ", ".join(items)

    def superscript_reading(m: re.Match) -> str | None:
        """The listed numbers a superscript run cites ("2, 14" for "²¹⁴"), or None ("10⁶", "R²")."""
        group = m.group(1).translate(PLAIN_DIGITS)
        if _raised(m, group):
            return None
        return group if numbers_listed(group) else run_together(group)

    def after_punctuation(m: re.Match) -> bool:
        return m.string[m.start() - 1 : m.start()] in ".,;:)"

    def superscript(m: re.Match) -> str:
        reading = superscript_reading(m)
        return f"[{reading}]" if reading is not None else m.group(0)

    def parenthesised(m: re.Match) -> str:
        # An enumerator heads the words after it; a marker wrapped to the start of a line ends its sentence
        # ("... non-adherent patients" / "(17). Some patients ...").
        enumerator = m.group(1).isdigit() and not _CLOSES_CLAUSE.match(m.string, m.end())
        if not numbers_listed(m.group(1)) or (enumerator and _ENUMERATOR_BEFORE.search(m.string, 0, m.start())):
            return m.group(0)
        return f"[{m.group(1)}]"

    def _goes_on(m: re.Match) -> bool:
        """After the marker a new sentence opens, or, after a comma or semicolon, the clause goes on ("first
        reported in 2016,2,3 which raised ...")."""
        return bool(
            _SENTENCE_NEXT.match(m.string, m.end()) or m.group("mark") in ",;" and _CLAUSE_NEXT.match(m.string, m.end())
        )

    def glued(m: re.Match) -> str:
        word = m.group("word")
        if not numbers_listed(m.group("numbers")) or (word and not is_ordinary(word)):
            return m.group(0)  # "kelch13", "pfmdr1": a name with its number
        # After a digit, "2.5" and "1,000" are numbers; "in 2012.1 Linkermann", "SLC3A2.1,3 Erastin" cite.
        if (
            m.group("mark")
            and m.string[m.start() - 1].isdigit()
            and (m.group("gap") or not (_ENDS_CITABLE.search(m.string, 0, m.start()) and _goes_on(m)))
        ):
            return m.group(0)
        return f"{word or ''}{m.group('mark') or ''}[{m.group('numbers')}]"

    ways = [(_SUPERSCRIPT_MARKER, superscript), (_PAREN_MARKER, parenthesised), (_GLUED_MARKER, glued)]
    counts = [sum(rewrite(m) != m.group(0) for m in pattern.finditer(text)) for pattern, rewrite in ways]
    chosen = [(p, r) for (p, r), n in zip(ways, counts) if n >= max(_MIN_UNBRACKETED, _OUTNUMBER * bracketed)]
    # Superscripts, kept or flattened into glued digits, are one way of citing and "(7)" another: when
    # one outnumbers the other as bracketed groups must, the other's few are names ("sul2, strA-strB
    # and tet(A) (10)" in a document that cites "(10)").
    superscripts = counts[0] + counts[2]
    if counts[0] > counts[2]:
        # More superscripts kept as such than digits glued to a word: those are part of its name ("sul1",
        # "5-log10"), as in a document citing in brackets; a PDF's copy flattens all its markers, not some.
        chosen = [(p, r) for p, r in chosen if p is not _GLUED_MARKER]
    if counts[1] >= _OUTNUMBER * superscripts:
        chosen = [(p, r) for p, r in chosen if p is _PAREN_MARKER]
    elif superscripts >= _OUTNUMBER * counts[1]:
        chosen = [(p, r) for p, r in chosen if p is not _PAREN_MARKER]
    if not chosen:
        return None, []
    notes = []
    if (_SUPERSCRIPT_MARKER, superscript) in chosen:
        for m in _SUPERSCRIPT_MARKER.finditer(text):
            reading = superscript_reading(m)
            before = text[max(0, m.start() - 30) : m.start()].split("\n")[-1]
            if reading is None and after_punctuation(m):
                notes.append(
                    f"superscript marker {m.group(1)!r} after '…{before}' spells listed numbers in no single way; "
                    "dropped"
                )
            elif reading is not None and reading != m.group(1).translate(PLAIN_DIGITS):
                notes.append(f"superscript marker {m.group(1)!r} after '…{before}' read as [{reading}]")

    def superscript_or_drop(m: re.Match) -> str:
        reading = superscript_reading(m)
        if reading is None:
            return "" if after_punctuation(m) else m.group(0)
        return f"[{reading}]"

    rewrites = [(p, superscript_or_drop if r is superscript else r) for p, r in chosen]

    def to_brackets(body: str) -> str:
        for pattern, rewrite in rewrites:
            body = pattern.sub(rewrite, body)
        return body

    return to_brackets, notes


# --- markdown -----------------------------------------------------------------

_HEADING_LINE = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", re.M)
# In one-line markdown a heading follows the end of a sentence (or a marker).
# "^" ends Pandoc's ^[3]^, "|" a table flattened into the line, "*" or "_" an italic line.
_INLINE_HEADING = re.compile(
    r"(?:(?<=[.!?:\])*_^|][ \t])|^[ \t])(#{1,6})[ \t]+(?!\|)"
)  # "| # | Paper |" is a table's header
_MAX_HEADING_LINE = 200  # a longer "# ..." line is one-line markdown, its text running on
# A heading's line that holds the next heading is one-line markdown too: "# Title ## Overview Text ...".
_RUN_ON_HEADING = re.compile(r"[ \t]#{1,6}[ \t]+[A-Z]")
_REFERENCES_WORDS = (
    r"(?:(?:consolidated|key|selected|cited|full|complete|additional|further|main|primary|literature)\s+)?"
    r"(?:list\s+of\s+)?(?:references?|refs|bibliography|works\s+cited|literature(?:\s+cited)?|cited\s+literature|"
    r"source(?=\s+list)|sources|citations|endnotes|(?:further|suggested|recommended)\s+reading|reading(?=\s+list))"
    r"(?:\s+(?:list|cited))?(?:\s*\((?:selected|abridged|partial)\))?"
    # "Sources mentioned in this episode", "References cited in the text": the list a page closes with
    r"(?:\s+(?:mentioned|discussed|cited|quoted)\s+(?:in|on)\s+(?:this|the)\s+(?:episode|talk|video|article|post|text|review|page|show))?"
)
# "References", "Literature cited", "References (selected)", and two joined: "Sources and references",
# "References & further reading", "Notes and references".
_REFERENCES_TITLE = re.compile(
    rf"^(?:notes\s+(?:and|&)\s+)?{_REFERENCES_WORDS}(?:\s+(?:and|&)\s+(?:notes|{_REFERENCES_WORDS}))?$", re.I
)
# Back matter of a paper: who helped and paid, who declares what.
_BACK_MATTER_NAMES = (
    r"(?:acknowledge?ments?|funding(?:\s+sources?)?|conflicts?\s+of\s+interests?|competing\s+interests?"
    r"|declarations?\s+of\s+(?:competing\s+)?interests?|author\s+contributions?|disclosures?"
    r"|see\s+also|external\s+links|data\s+availability(?:\s+statement)?|publisher['’]?s\s+note"
    r"|cited\s+by(?:\s*\(\d+\))?|credit\s+authorship\s+contribution\s+statement|keywords|abbreviations|contributors"
    # a journal page's end matter (SpringerLink, BMC)
    r"|availability\s+of\s+data(?:\s+and\s+materials?)?|ethics\s+declarations?|consent\s+for\s+publication"
    r"|rights\s+and\s+permissions|cite\s+this\s+article|about\s+this\s+article|author\s+information|contributions"
    r"|additional\s+information|corresponding\s+author"
    r"|institutional\s+review\s+board\s+statement|informed\s+consent\s+statement"
    # a report's front matter: about the document, not its subject
    r"|disclaimers?|notice|legal\s+notice"
    # a page's links to other articles
    r"|similar\s+content\s+being\s+viewed\s+by\s+others|explore\s+related\s+subjects|related\s+articles"
    r"|similar\s+articles|recommended\s+articles|use\s+our\s+pre-submission\s+checklist|media\s+gallery"
    r"|questions\s+(?:&|and)\s+answers|contributor\s+information(?:\s+and\s+disclosures)?)"
)
_BACK_MATTER = re.compile(rf"^{_BACK_MATTER_NAMES}\W*$", re.I)
# The same as a paragraph's run-in label ("Conflicts of Interest: The authors declare ...", MDPI's end matter).
_BACK_MATTER_LABEL = re.compile(rf"^\W*{_BACK_MATTER_NAMES}\W*:", re.I)
# A section's number before a capitalised title ("1 Introduction", "2.1 TP53", "3) Thymectomy"): unlike
# _HEADING_NUMBER, not a year ("2019 novel coronavirus ...").
_SECTION_NUMBER = re.compile(r"[ \t]*(\d{1,2}(?:\.\d{1,2})*\.?|\d{1,2}\)|[IVX]+\.)[ \t]+(?=[A-Z])")
# "Part 2 – Oral adjuncts: ..." (a handout's or a book's parts) is numbered as "2. Oral adjuncts" is,
# and never a list item.
_PART_NUMBER = r"(?:Part|Section|Chapter)[ \t]+(?:\d{1,2}|[IVX]{1,4})[ \t]*[–—:.-]"
_HEADING_NUMBER = re.compile(rf"^(?:\d+(?:\.\d+)*\.?|\d+\)|[IVX]+\.|{_PART_NUMBER})\s+")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?$")
_ITEM_NUMBER = r"\d{1,3}[.)]|(?:[a-h]|[ivx]{1,4})[.)](?=[ \t])"  # "1.", "2)", "a.", "ii."
_BULLET = re.compile(rf"^([ \t]*)(?:[-*+•–]|{_ITEM_NUMBER})[ \t]+(.*)$")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")  # "> > nested" too
_CALLOUT = re.compile(r"^[ \t]*\[![A-Za-z-]+\][+-]?[ \t]*(.*)$")  # "> [!note] Title" (Obsidian)
_TASK = re.compile(r"^\[([ xX])\][ \t]+(.*)$")  # "- [ ] to do", "- [x] done"
# A line "Label: value" with no citation and no full stop at its end ("Authors: ...",
# "Keywords: a; b", "Date: 2025-03-14"), in a paragraph of such lines only, is metadata.
# A date as a page or a metadata line writes it: "2025-05-02", "3 March 2025", "March 3, 2025".
_DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})"
_METADATA_LINE = re.compile(
    r"^[ \t]*(?:\*\*|__|\\?\*[ \t]?(?=[A-Z])|[†‡§][ \t]?)?[A-Z][\w-]*(?: [\w-]+){0,2}:(?:\*\*|__)?[ \t]+"
    r"(?!.*(?:\[\d|<sup>[ \t]*\d))"  # no marker, bracketed or superscript ("**Key finding:** ... tumours<sup>7</sup>")
    # a value with no closing full stop, or one that opens with a date ("Generated on: 2025-05-02 by ...")
    rf"(?:(?!.*\.[ \t]*$)|(?={_DATE}\b))\S.*$"
)
_ITALIC_LINE = re.compile(r"^[ \t]*(?:\*(?!\*)[^*]+\*|_(?!_)[^_]+_)[ \t]*$")
# An uncited paragraph that says how the document itself came about ("This review was generated
# with an AI assistant ...", "Disclaimer: ...") is about the document, not a claim.
# So is a chat assistant's opening ("Here is a structured literature review of ...").
_PROVENANCE = re.compile(
    r"^\W*(?:disclaimer\b|(?:\w+\W*:\W*)?(?:(?:this|the)\s+)?(?:review|document|report|summary|article|text)\s+"
    r"(?:(?:was|has\s+been|is)\s+)?(?:\w+\s+)?(?:generated|produced|compiled|drafted|rendered|exported)\b"
    r"|(?:(?:sure|certainly|of\s+course)\W+)?(?:here\s+is|here['’]s|below\s+is)\s+(?:a|an|the|your)\b)",
    re.I,
)
# A figure or table caption ("Figure 1. Overview of ...", "Table 2: Frequency of ...") describes
# the figure: uncited it is no claim, and its label never stands alone as a sentence.
# PLOS numbers its supporting files first: "S1 Table. List of ... (XLSX)", "S2 Fig.", "S1 Text.".
_LABEL = (
    r"(?:(?:(?:Supplementary\s+)?(?:Fig(?:ure)?s?|Tables?)|Box)\.?\s+S?\d+[A-Za-z]?"
    r"|S\d+\s+(?:Fig|Table|Text|File|Appendix|Data(?:set)?|Video|Movie|Checklist))"
)
# "Table 1. ...", "Table 1 | ..." (Nature), or the label alone on its line above the caption (PMC).
_CAPTION = re.compile(rf"^\W*{_LABEL}(?:[.:]|[ \t]+\||[ \t]*$)(?:\s|$)", re.I)
_CAPTION_LABEL = re.compile(rf"{_LABEL}\.", re.I)
# A marker written as a link ("[3](https://...)", "[3](#ref-3)") or a footnote ("[^3]") is the citation [3];
# before a colon only when glued to what it follows ("... as follows[^1][16](#ref-16): ...") or when the
# colon ends the line ("... to the local genotype [^12]:" over a list), since "[^3]: Smith J. ..." (at a
# line's start or run on after a space) defines it.
_LINK_CITATION = re.compile(
    r"\[\^?((?!0+\b)\d{1,4})\](?:\([^)\s]*\)|(?!\())(?!:)"
    r"|(?<=\S)\[\^?((?!0+\b)\d{1,4})\](?:\([^)\s]*\))?(?=:)"
    r"|(?<=\S[ \t])\[\^?((?!0+\b)\d{1,4})\](?:\([^)\s]*\))?(?=:[ \t]*$)",
    re.M,
)
# "[^3]: Smith J. ..." or "[3]: https://..." at the start of a line defines reference 3.
_FOOTNOTE = re.compile(r"^[ \t]*\[\^?(\d{1,4})\]:[ \t]*(.+)$", re.M)
# A definition whose text starts on the next line, as CommonMark allows a link's ("[20]:" / "https://...").
_EMPTY_DEFINITION = re.compile(r"^[ \t]*\[\^?\d{1,4}\]:[ \t]*$")
# A footnote definition run on after other text: "... ### References [^1]: Title. ... [^2]: Title. ...".
_RUN_ON_FOOTNOTE = re.compile(r"(?<=\S)[ \t]+(?=\[\^\d{1,4}\]:[ \t])")


# Named footnotes, as Pandoc and note apps write them: "[^doe2020]" in the text, "[^doe2020]: Doe J. ..." below.
_NAMED_NOTE = re.compile(r"\[\^([^\]\s^]*[^\W\d][^\]\s^]*)\]")
_NAMED_NOTE_DEFINITION = re.compile(r"^[ \t]*\[\^([^\]\s^]*[^\W\d][^\]\s^]*)\]:", re.M)


def _named_footnotes(text: str) -> tuple[str, str | None]:
    """The text with named footnotes numbered as Pandoc renders them (in the order they are first cited, any
    never cited after those), and a note that says so; the text unchanged, and None, when a document
    numbers its notes itself."""
    defined = _NAMED_NOTE_DEFINITION.findall(text)
    if not defined or _FOOTNOTE.search(text):
        return text, None
    known = set(defined)
    cited = [m[1] for m in _NAMED_NOTE.finditer(text) if m[1] in known and not text.startswith(":", m.end())]
    order = list(dict.fromkeys(cited + defined))
    number = {label: n for n, label in enumerate(order, 1)}
    text = _NAMED_NOTE.sub(lambda m: f"[^{number[m[1]]}]" if m[1] in number else m[0], text)
    return text, f"footnotes are named, not numbered ([^{order[0]}] ...): read as 1-{len(order)} in the order cited"


def _footnotes_per_line(text: str) -> str:
    """Footnote definitions run on in one line, each on a line of its own (two or more: one alone
    mid-line may be prose), and each definition wrapped over the lines below it joined into one: indented,
    as Pandoc's markdown wraps a long one ("[^1]: Chung KF, ... International ERS/ATS" / "    guidelines
    on definition ..."), or, under a "[^n]:" note or a definition with nothing after its colon, not
    indented (a paragraph's lazy continuation, which Pandoc reads as the same note; a link's destination
    on the line below its label, which CommonMark allows)."""
    split_lines = []
    for line in text.split("\n"):
        split, n = _RUN_ON_FOOTNOTE.subn("\n", line)
        split_lines.extend(split.split("\n") if n >= 2 else [line])
    lines: list[str] = []
    for line in split_lines:
        above = lines[-1] if lines and line.strip() else ""
        empty = bool(_EMPTY_DEFINITION.match(above))
        lazy = empty or above.lstrip().startswith("[^")
        if (empty or _FOOTNOTE.match(above)) and _continues_footnote(line, lazy=lazy):
            lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
        else:
            lines.append(line)
    return "\n".join(lines)


def _continues_footnote(line: str, lazy: bool = False) -> bool:
    """A line that goes on with the footnote definition above it: indented, or any line when `lazy`; not
    another definition, nor a heading, an item (or an item's mark alone: "2."), a table row, a quote or a rule."""
    return (lazy or line.startswith(("  ", "\t"))) and not (
        _FOOTNOTE.match(line)
        or _EMPTY_DEFINITION.match(line)
        or _HEADING_LINE.match(line)
        or _ITEM_MARK.match(f"{line.rstrip()} ")
        or _TABLE_ROW.match(line)
        or RULE_LINE.match(line)
        or line.lstrip().startswith(">")
    )


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(?:\{[^{}]*\})?")  # with Pandoc's {width=... height=...}
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
# A reference-style link, "[see the mutations section][mutations]", "[Table 1][tab1]", "[text][]": its words.  A
# citation written so ("[3][ref3]") has no letter in its text and stays a citation.
_LABELLED_LINK = re.compile(r"\[([^\[\]\n]*[A-Za-z][^\[\]\n]*)\]\[(?:[A-Za-z][\w:. -]*)?\]")
_HTML = re.compile(r"<!--.*?-->|</?(?:sup|sub|span|b|i|em|strong|br)\b[^>]*>", re.S)
# An exponent or a subscript in HTML ("10<sup>6</sup>", "IC<sub>50</sub>", "Ca<sup>2+</sup>") is
# written with Unicode's superscript and subscript characters, not run into the digits
# before it ("106"); search folds them back to plain digits (NFKD), so it reads "10 6" as before.
_SCRIPT = re.compile(r"<(sup|sub)>\s*([0-9+\-−]{1,6})\s*</\1>", re.I)
_SUPERSCRIPT = str.maketrans("0123456789+-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻")
_SUBSCRIPT = str.maketrans("0123456789+-−", "₀₁₂₃₄₅₆₇₈₉₊₋₋")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__", re.S)
# A star closes emphasis before a letter or digit too ("cytochrome *bc*1", as CommonMark reads it); an
# underscore does not (snake_case).
_EMPHASIS = re.compile(r"(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?!\*)|(?<![\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])")

# --- characters -------------------------------------------------------------------

# What a word processor puts inside words is typography, not text: a soft hyphen or a zero-width
# space ("lympho\u00addepletion") would cut a word in two for search, a ligature ("ﬁrst") or a
# non-breaking hyphen ("4\u20111BB") would not match the word typed.  The no-break, figure, thin and
# narrow no-break spaces a web page puts after "et al." or before a marker ("et al.\u00a0Title",
# "higher\u00a0[4]") are spaces: every rule after this one reads a space as "[ \t]".
_TYPOGRAPHY = str.maketrans(
    {"\u00ad": None, "\u200b": None, "\u2060": None, "\ufeff": None, "\u2011": "-"}
    | {space: " " for space in "\u00a0\u2007\u2009\u202f"}
    | {chr(0xFB00 + i): letters for i, letters in enumerate(("ff", "fi", "fl", "ffi", "ffl", "st", "st"))}
)

# Pandoc's typing of dashes: "--" between two words or numbers is an en dash ("antibody--drug",
# "[4--6]", "610--621"), "---" an em dash.
_TYPED_DASH = re.compile(r"(?<=[^\W_])(-{2,3})(?=[^\W_])")
# Pandoc's fenced divs ("::: {#refs .references .csl-bib-body}", ":::"): containers, no text of their own; so are
# Docusaurus's admonitions, with their titles (":::tip Monitoring relapsing patients", ":::note[Scope]").
_FENCED_DIV = re.compile(
    r"^:{3,}[ \t]*(?:\{[^}\n]*\}|[\w-]+(?:\[[^\]\n]*\]|[ \t]+[^:\s][^\n]*?)?)?[ \t]*:*[ \t]*$", re.M
)


# A heading that opens a fenced div (Quarto's callout: "::: {.callout-note}" / "## Why it matters") is the box's title,
# as an Obsidian callout's is ("> [!note] Why it matters"): no section, which would take in the text after the box.
_DIV_HEADING = re.compile(r"^(:{3,}[ \t]*(?:\{[^}\n]*\}|[\w-])[^\n]*\n)[ \t]*#{1,6}[ \t]+([^\n]*\S)[ \t#]*$", re.M)


# Pandoc's bracketed span, its words with attributes ("[Breakfast skipping]{.underline}", "[PCR]{.smallcaps}"), over
# lines too: its words; a marker so set ("[4]{.mark}") stays a marker.  A link ("[text](url){.class}") is no span.
_BRACKETED_SPAN = re.compile(r"\[([^\[\]]*)\]\{[^{}\n]*\}")


def _pandoc_typing(text: str) -> str:
    """``text`` with Pandoc's typed dashes as the dashes they stand for, its bracketed spans as their words and its
    fenced divs' fences gone."""
    if "--" in text:
        text = _TYPED_DASH.sub(lambda m: "–" if len(m.group(1)) == 2 else "—", text)
    if "]{" in text:
        text = _BRACKETED_SPAN.sub(lambda m: m[1] if re.search(r"[^\W\d_]", m[1]) else f"[{m[1]}]", text)
    if ":::" not in text:
        return text
    return _FENCED_DIV.sub("", _DIV_HEADING.sub(r"\1[!note] \2", text))


# --- an office suite's markdown export (Google Docs) -------------------------------------

# "1\. Skoulidis F, ..." escapes the full stop of a list number; "lower[a] [6]" anchors comment
# [a], whose text ("[a]Jane Doe: please check ...") is listed at the end: neither is the document's.
# So is a wiki's note marker ("MICs of 16 mg/L or higher.[14][a]").  Never inside a word: "benzo[a]pyrene"
# is a chemical's name.
# A line break inside a table cell ("G12D<br>G12C") keeps the row on its line.
_ESCAPED_NUMBER = re.compile(r"^([ \t]*(?:#{1,6}[ \t]*)?\d{1,3})\\([.)])", re.M)
_COMMENT_ANCHOR = re.compile(r"(?<=[^\s\[])\[[a-z]{1,2}\](?![A-Za-z])")
_COMMENT_LINE = re.compile(r"^[ \t]*\[[a-z]{1,2}\]\S.*$\n?", re.M)
_CELL_BREAK = re.compile(r"<br\s*/?>", re.I)


# Markdown sets code apart in fences ("```python" ... "```", "~~~"), as a notebook exported to markdown
# does its cells: code is no text, and neither is the output a notebook prints under a cell, indented
# four spaces ("    ERR = 64.9%") or fenced.  Its numbers ("np.array([1248, 312])") are no markers.
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_KNITR_OUTPUT = re.compile(r"^##(?:[ \t]|$)")
_KNITR_INDEX = re.compile(r"^##[ \t]+\[\d+\][ \t]")  # R prints a vector behind its first element's index
_KNITR_LINES = 2  # one "## Results" under a chunk is a heading; two lines of it in a row are output


def _closing_fence(lines: list[str], i: int, fence: str) -> int | None:
    """The line that closes the fence opened at ``i``: the same character, at least as many times."""
    return next(
        (
            j
            for j in range(i + 1, len(lines))
            if set(lines[j].strip()) == {fence[0]} and len(lines[j].strip()) >= len(fence)
        ),
        None,
    )


def _code_blocks(text: str) -> str:
    if "```" not in text and "~~~" not in text:
        return text
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        close = _closing_fence(lines, i, m.group(1)) if (m := _FENCE.match(lines[i])) else None
        if close is None:  # no fence, or one never closed: text as written
            out.append(lines[i])
            i += 1
            continue
        out += [""] * (close + 1 - i)
        i = close + 1
        first = next((k for k in range(i, len(lines)) if lines[k].strip()), len(lines))
        printed = first
        while printed < len(lines) and _KNITR_OUTPUT.match(lines[printed]):
            printed += 1
        if printed - first >= _KNITR_LINES or (printed > first and _KNITR_INDEX.match(lines[first])):
            # R Markdown's output under its chunk, each line behind knitr's "##": "## [1] 61.4 58.1",
            # "## # A tibble: 4 × 3" / "##   country  herds": no heading, and no text.
            out += [""] * (printed - i)
            i = printed
            continue
        # The output runs while the lines are indented, a blank line the cell printed ("    ") too when more
        # of its output follows.
        end = first
        while (
            end < len(lines)
            and _INDENTED.match(lines[end])
            and _INDENTED.match(next((x for x in lines[end:] if x.strip()), ""))
        ):
            end += 1
        if end > first and (end == len(lines) or not lines[end].strip()):
            out += [""] * (end - i)  # the cell's output, indented under it
            i = end
    return "\n".join(out)


# A heading typed with no space after its marks, "##Mechanisms" (CommonMark reads text; the writer meant a
# heading): two marks or more, a capital or a section number next ("##2. Methods").  One mark is a
# note's tag ("#review"), never a heading.
_UNSPACED_HEADING = re.compile(r"^([ \t]{0,3}#{2,6})(?=[A-Z]|\d+(?:\.\d+)*\.?[ \t]+[A-Z])", re.M)


def _spaced_headings(text: str) -> str:
    """``text`` with a space after the marks of a heading typed without one."""
    return _UNSPACED_HEADING.sub(r"\1 ", text)


def _docs_export(text: str) -> str:
    if "\\" in text:
        text = _ESCAPED_NUMBER.sub(r"\1\2", text)
    if "[" in text:
        text = _COMMENT_ANCHOR.sub("", _COMMENT_LINE.sub("", text))
    if "<br" in text.lower():
        text = "\n".join(_CELL_BREAK.sub(" ", line) if _TABLE_ROW.match(line) else line for line in text.split("\n"))
    return text


# --- a notes app's markdown (Obsidian, Notion) ------------------------------------------

# Comments ("%% reviewer: check this %%", over lines too) and embedded files ("![[figure-1.png]]")
# are no text; a wiki link is the words it shows ("[[Venetoclax|venetoclax]]" -> venetoclax,
# "[[BTK inhibitors]]" -> BTK inhibitors); a line of tags ("#cll #btk") is no claim, and a tag in
# a sentence is its word.  "[[4]]" stays a citation marker.
# A web page copied whole (Wikipedia, PubMed Central) brings the site's own lines: navigation,
# edit links, a contents box, licence and category footers. They are never the article's words.
_CHROME_LINE = re.compile(
    r"^[ \t]*(?:From Wikipedia, the free encyclopedia|Jump to (?:navigation|search)|hide|\(Top\)"
    r"|Toggle .{1,60} subsection|Go to:|Open in a (?:separate window|new tab)|v[ \t]+t[ \t]+e|[vte]"
    r"|Author information(?: Article notes)?(?: Copyright and License information)?(?: PMC Disclaimer)?"
    r"|Retrieved from [\"“].*|(?:Hidden )?[Cc]ategories: .*|This page was last edited on .*"
    r"|Text is available under the Creative Commons .*|Privacy policy ?About Wikipedia.*"
    r"|Articles from .{1,120} are provided here courtesy of .*"
    r"|PMCID: ?PMC\d+|PMID: ?\d+|Published online \d{4} .{0,80}|Copyright ©.*|©.{0,120}"
    r"|This is an open[- ]access article .*"
    # the journal's own citation of the article: "Front Microbiol. 2022; 13: 845632.", "Kidney Int Rep. 2023 Jun;
    # 8(6): 1121–1134."
    r"|[A-Z][\w.&' -]{1,60}\. \d{4}(?: [A-Z][a-z]{2}(?: \d{1,2})?)?; ?\d+(?: ?\(\w+\))?: ?\w+(?:[–-]\w+)?\."
    r"|This article is about .*|For (?:the|other) .{1,80}, see .*|Not to be confused with .*"
    # ScienceDirect
    r"|Author links open overlay panel|Show more|Add to Mendeley|Share|Cite|Get rights and content"
    r"|Under a Creative Commons license|Open access|(?:Review|Research|Original) article|•"
    r"|Volume \d+, Issue \d+, .{1,60}|Download: Download .*|View all citing articles on Scopus|Show abstract"
    r"|https://doi\.org/\S+"
    # SpringerLink and BMC
    r"|(?:Published|Received|Accepted|Revised): \d{1,2} \w+ \d{4}|\d[\d,]* (?:Accesses|Altmetric|Citations)"
    r"|Metrics details"
    r"|Download (?:citation|references|PDF)|Full size (?:table|image)|Reprints and permissions|Check for updates.*"
    r"|DOI: https?://\S+"
    r"|(?:Main articles?|See also|Further information): .{1,120})[ \t]*$"
)
# "1. ^ a b c Unemo M, ..." / "a. ^ The tetM plasmid ...": Wikipedia's back-links before a reference or a note.
_BACK_LINK = re.compile(r"^([ \t]*(?:[a-z]|\d{1,3})\.[ \t]+)\^(?:[ \t]+[a-z]{1,2}\b)*[ \t]+", re.M)
_DOI_LINE = re.compile(r"^[ \t]*https?://(?:dx\.)?doi\.org/\S+[ \t]*$")
_AUTHOR_LINKS = re.compile(r"^[ \t]*Author links open overlay panel[ \t]*$")
_SECTION_LABEL = re.compile(r"^[ \t]*(?:Highlights|Abstract|Keywords|Graphical abstract)[ \t]*$")
_CITED_BY = re.compile(r"^[ \t]*Cited by \(\d+\)[ \t]*$")
_CHROME_MARKS = (
    "Go to:",
    "Open in a separate window",
    "Open in a new tab",
    "Add to Mendeley",
    "View in Scopus",
    "Download full-size image",
    "Metrics details",
    "Download citation",
    "Download references",
    "Full size table",
    "Skip to main content",
)
_EDIT_LINK = re.compile(r"^([ \t]*\S.{0,120}?)\[edit\][ \t]*$", re.M)  # "Mechanisms[edit]": a heading
_CONTENTS = re.compile(r"^[ \t]*(?:Contents|Table of contents)[ \t]*$", re.I)
_CONTENTS_ENTRY = re.compile(r"^[ \t]*(?:\d+(?:\.\d+)*[ \t]+\S.{0,80}|hide|\(Top\)|Toggle .{1,60} subsection)[ \t]*$")


# A web page's numbered list copied as text puts each number on a line of its own, over its item: "1." / "A
# genotypic assay ...".
_LONE_ITEM_NUMBER = re.compile(r"^([ \t]*\d{1,2}\.)[ \t]*\n(?=[ \t]*[A-Z])", re.M)


# A text browser's dump sets the page's links side by side ("Cite this article  Download PDF  Share") or
# as bullets ("  • 2184 Accesses"), shows an image by its alt text alone on its line ("[Springer Nature
# Link]") and a form's fields and buttons as brackets ("Search [          ] [Search]").
_SITE_LINE = re.compile(
    r"^[ \t]*(?:Skip to (?:main )?content|Log ?in|Sign ?in|Register|Menu|Cart|Search|Home|Cite this article"
    r"|Explore all metrics|Download citation|Share this article|Get shareable link|Advertisement"
    # PMC's and Europe PMC's picture placeholder under a figure
    r"|An external file that holds a picture, illustration, etc\.|Object name is \S+"
    # bioRxiv's and HighWire's page
    r"|Follow this preprint|New Results|Full Text|Info/History|Metrics|Preview PDF|View this table:|View inline"
    r"|View popup|Download figure|Open in new tab|View Abstract|Back to top|Previous|Next|Email|Print/Save Options"
    r"|Citation Tools|Subject Areas?|All Articles|Posted [A-Z][a-z]+ \d{1,2}, \d{4}\."
    r"|This article is a preprint and has not been certified by peer review.*"
    # under a related article's title: "Article 18 March 2024"
    r"|(?:Article|Review|Chapter|Book|Preprint)[ \t]+\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}"
    r"|\[(?:image|IMG|INLINE)\][^\[\]]*)[ \t]*$"  # an image, or a related article's picture and title
)
_ALT_TEXT_LINE = re.compile(r"^[ \t]*\[[A-Z][^\[\]\n]{2,80}\][ \t]*$")
_FORM_LINE = re.compile(r"\[[ _]{4,}\]|\[(?:Search|Go|Submit|OK|Subscribe)\]")
_BULLET_MARK = re.compile(r"^[ \t]*(?:[•*]|\d{1,2}\.)[ \t]+")


_ORCID_LINK = re.compile(r"[ \t]+View ORCID Profile(?=[,;]|[ \t]|$)")  # after an author's name on bioRxiv


def _chrome_line(line: str) -> bool:
    """A line of the page, not of its article: one of ``_CHROME_LINE`` or ``_SITE_LINE``, as a bullet too,
    or several of them side by side; an image's alt text; a form's fields."""
    if _FORM_LINE.search(line) or _ALT_TEXT_LINE.match(line):
        return True
    parts = [part for part in re.split(r"[ \t]{2,}", _BULLET_MARK.sub("", line).strip()) if part]
    return bool(parts) and all(_CHROME_LINE.match(part) or _SITE_LINE.match(part) for part in parts)


def _web_page_chrome(text: str) -> str:
    """Drop a copied web page's own lines; a Wikipedia "[edit]" link or a PMC "Go to:" line marks a heading.

    Wikipedia's headings are exactly the lines with an "[edit]" link, so they are written as markdown
    headings (a lower-case one, "penA and penicillin-binding proteins", too) under the page's title.
    """
    wikipedia = _EDIT_LINK.search(text) is not None
    # A journal's page lists each reference's links on lines of their own ("Article" / "CAS" / "Google Scholar").
    labels = len(LINK_LABEL_LINE.findall(text)) >= _FURNITURE_REPEATS
    if not (wikipedia or labels or any(mark in text for mark in _CHROME_MARKS)):
        return text
    out: list[str] = []
    lines = text.split("\n")
    # ScienceDirect ends a page with the articles that cite it: their titles and excerpts, not this one's.
    lines = lines[: next((i for i, line in enumerate(lines) if _CITED_BY.match(line)), len(lines))]
    # ... and opens it with the journal's name over the title, which "Author links ..." follows.
    if (at := next((i for i, line in enumerate(lines) if _AUTHOR_LINKS.match(line)), None)) is not None:
        title = next((j for j in range(at - 1, -1, -1) if lines[j].strip() and not _CHROME_LINE.match(lines[j])), None)
        if title is not None:
            lines = ["", lines[title].strip(), "", *lines[at + 1 :]]
    i = 0
    references = False  # past the reference list's heading, a DOI on its own line is an entry's
    while i < len(lines):
        line = lines[i]
        references = references or bool(_REFERENCES_TITLE.match(line.strip()))
        if references and _DOI_LINE.match(line):
            out.append(line)
            i += 1
            continue
        if _CONTENTS.match(line):
            j = i + 1
            while j < len(lines) and _CONTENTS_ENTRY.match(lines[j]):
                j += 1
            if j - i > 2:  # a contents box: its entries repeat the headings
                i = j
                continue
        if line.strip() == "Go to:" and i + 1 < len(lines) and _looks_like_heading(lines[i + 1], numbered=True):
            out += ["", lines[i + 1].strip(), ""]  # PMC puts "Go to:" above each section heading
            i += 2
            continue
        if m := _EDIT_LINK.match(line):
            out += ["", "## " + m.group(1).strip(), ""]
        elif _SECTION_LABEL.match(line):
            out += ["", line.strip(), ""]  # "Highlights", "Abstract": headings set in their own box
        elif not (_chrome_line(line) or (labels and LINK_LABEL_LINE.match(line))):
            out.append(_ORCID_LINK.sub("", line))
        i += 1
    out = _LONE_ITEM_NUMBER.sub(r"\1 ", _BACK_LINK.sub(r"\1", "\n".join(out))).split("\n")
    first = next((j for j, line in enumerate(out) if line.strip()), None)
    if wikipedia and first is not None and _looks_like_heading(out[first], _TITLE_WORDS):
        out[first] = "# " + out[first].strip()  # the page's title, above its "[edit]" sections
    elif not wikipedia:
        out = _header_above_abstract(out)
    return "\n".join(out)


_PAGE_HEADER_LINES = 60  # at most, above a journal page's "Abstract"
_ISSUE_CITATION = re.compile(r"\(\d{4}\)|\bvolume \d|\bArticle number\b|\bpages? \d", re.I)
_TITLE_MIN_WORDS = 5
# An author's affiliation marks: "Jonas Keller 2, Priya ...", "Lindqvist,1 Daniel R. Osei,2,* and Tanabe1,3".
_AFFILIATION_NUMBERS = re.compile(
    r"(?<=[a-z]) \d{1,2}(?:,\d{1,2})*(?=,| &| and |$)|\b[A-Z][a-z]+,?\d{1,2}(?:,(?:\d{1,2}|\*))*(?=[\s,]|$)"
)


def _header_above_abstract(lines: list[str]) -> list[str]:
    """A journal page's lines above its "Abstract" (or "Highlights"), with its chrome gone, as its title alone.

    What stands there is the journal's name, the article type, dates, counts, the authors, the page's
    menus and the title.  The title is the longest of them (a line, or the lines of a block) that is no
    sentence, names no people, cites no volume or year, and is no image's alt text.  Where a line above
    the "Abstract" cites, the page is left as it is."""
    at = next((k for k, line in enumerate(lines[:_PAGE_HEADER_LINES]) if _SECTION_LABEL.match(line)), None)
    if at is None:
        return lines
    # The same label again further down ("Abstract" in the page's tabs, then over the abstract): the tab was
    # the page's, the second is the article's.
    again = [k for k in range(at + 1, min(len(lines), _PAGE_HEADER_LINES)) if lines[k].strip() == lines[at].strip()]
    at = again[-1] if again else at
    if any(CITE_GROUP.search(line) for line in lines[:at]):
        return lines

    def about_people(text: str) -> bool:  # the authors, or where they work
        return bool(_AFFILIATION_NUMBERS.search(text) or _author_line(text) or _affiliation_line(text))

    def title_like(text: str) -> bool:
        words = text.split()
        return (
            _TITLE_MIN_WORDS <= len(words) <= _TITLE_WORDS
            and text[-1] not in ".!?;,"
            and not text.startswith("[")
            and not _ISSUE_CITATION.search(text)
            and not about_people(text)
        )

    candidates: list[str] = []
    for block in re.split(r"\n[ \t]*\n", "\n".join(lines[:at])):
        rows = [_BULLET_MARK.sub("", row).strip() for row in block.split("\n") if row.strip()]
        candidates += [row for row in rows if title_like(row)]
        wrapped = len(rows) > 1 and all(len(row.split()) >= _TITLE_MIN_WORDS for row in rows[:-1])
        if wrapped and title_like(" ".join(rows)) and not any(about_people(row) for row in rows):
            candidates.append(" ".join(rows))  # a title wrapped over lines, not a menu's short lines
    if not candidates:
        return lines
    return [max(candidates, key=lambda c: len(c.split())), "", *lines[at:]]


# A page saved with ``lynx -dump`` (or ``elinks -dump``): each link's number stands right before its words
# ("the [25]PubMLST database"), the addresses are listed at the end under "References" / "Visible links:",
# headings start at the margin and text is indented under them, images and form fields show as "[IMG]",
# "(BUTTON)" and "____".
_LYNX_LINKS = re.compile(r"^(?:References[ \t]*\n(?:[ \t]*\n)*)?[ \t]*Visible links:?[ \t]*\n", re.M)
_LYNX_LINK = re.compile(r"^[ \t]*(\d+)\.[ \t]+(\S+)[ \t]*$", re.M)
_LYNX_MIN_LINKS = 3  # listed addresses that make a page lynx's
# A link's number before its words: not a citation ("[4]" before a space, a bracket or punctuation).
_LYNX_MARK = re.compile(r"\[(\d+)\](?=[^\s\[\],.;:)–-])")
# A reference's own links, by their labels: "[32]CrossRef [33]Google Scholar".
_LYNX_LABEL = re.compile(
    r"\[(\d+)\](?:CrossRef|Crossref|DOI|Article|Google\s+Scholar|PubMed(?:\s+Central)?|PMC|CAS|Web\s+of\s+Science"
    r"|Scopus|Full\s+text|PDF|Publisher\s+Site)\b"
)
_LYNX_WIDGET = re.compile(r"\[(?:IMG|INLINE|BUTTON|LINK)\]|\((?:BUTTON|RADIO|Submit|submit)\)")
_FORM_FIELD = re.compile(r"_{6,}")
# A unit of text that is links and their words only, with no sentence: a menu, a breadcrumb, a byline of
# linked names, "Download PDF Cite this article", a footer.  "C." of a name is an initial, no full stop.
_SENTENCE_STOP = re.compile(r"(?<![\s.][A-Z])[.!?](?=\s|$)")
_LYNX_COPYRIGHT = re.compile(r"^[ \t]*(?:\([cC]\)|©|Copyright)[ \t]+(?:\d{4}\b|©).{0,160}$")  # "(c) 2025 ..."
_LYNX_ITEM = re.compile(r"^[ \t]*(?:[*+#o]|\d{1,3}\.)[ \t]+")


def _lynx_dump(text: str) -> str:
    """A lynx dump as markdown: headings marked, paragraphs dedented, links as their words, its own
    lines (menus, buttons, the address list) dropped.  A reference's DOI link stays as its address."""
    found = list(_LYNX_LINKS.finditer(text))
    if not found:
        return text
    tail = text[found[-1].end() :]
    links = {int(m.group(1)): m.group(2) for m in _LYNX_LINK.finditer(tail)}
    if len(links) < _LYNX_MIN_LINKS:
        return text
    text = text[: found[-1].start()]

    def label(m: re.Match) -> str:
        url = links.get(int(m.group(1)), "")
        return url if _DOI_LINE.match(url) else ""

    def unlink(line: str) -> str:  # a listed link's number goes, and so do images and buttons
        return _LYNX_WIDGET.sub("", _LYNX_MARK.sub(lambda m: "" if int(m.group(1)) in links else m.group(0), line))

    text = _LYNX_LABEL.sub(label, text)
    blocks = re.split(r"\n[ \t]*\n", text)
    out: list[str] = []
    headings = 0
    for block in blocks:
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if _FORM_FIELD.search(block) or all(_LYNX_WIDGET.sub("", line).strip() == "" for line in lines):
            continue
        if not lines[0][:1].isspace() and len(lines) <= 2:  # at the margin: a heading
            heading = " ".join(line.strip() for line in lines)
            out.append(("# " if not headings else "## ") + unlink(heading).strip())
            headings += 1
            continue
        indent = min(len(line) - len(line.lstrip()) for line in lines)
        units: list[list[str]] = []
        for line in lines:
            if not units or _LYNX_ITEM.match(line):
                units.append([])
            units[-1].append(line[indent:])
        kept = []
        for unit in units:
            joined = " ".join(unit)
            plain = unlink(joined)
            linked = plain != _LYNX_WIDGET.sub("", joined)
            linked = linked and not (_SENTENCE_STOP.search(plain) or CITE_GROUP.search(plain))
            if not (linked or _LYNX_COPYRIGHT.match(plain)) and plain.strip():
                kept += [unlink(line).rstrip() for line in unit]
        if kept:
            out.append("\n".join(kept))
    # The page's title line, "Title | Journal", over the article's own heading: the heading is the title.
    if len(out) > 1 and out[0].startswith("# ") and " | " in out[0]:
        name = _heading_key(out[0][2:].split(" | ")[0])
        if any(_heading_key(block[3:]) == name for block in out[1:] if block.startswith("## ")):
            at = next(
                k for k, block in enumerate(out) if k and block.startswith("## ") and _heading_key(block[3:]) == name
            )
            out = ["# " + out[at][3:], *out[at + 1 :]]  # what stands above it is the site's header
    return "\n\n".join(out) + "\n"


_NOTE_COMMENT = re.compile(r"%%.*?%%", re.S)
# A line that only opens or closes an HTML box around markdown (Notion's callout "<aside>" / "💡 ..." /
# "</aside>", "<details>", "<div>"): the box goes, its text stays.
_BOX_TAG_LINE = re.compile(
    r"^[ \t]*</?(?:aside|details|summary|div|section|figure|center|span|p)\b[^>\n]*>[ \t]*$", re.M | re.I
)
_EMBED = re.compile(r"!\[\[[^\[\]\n]*\]\]")
_WIKI_LINK = re.compile(r"\[\[(?![\d\s,;–-]+\]\])([^\[\]|\n#]+)(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]+))?\]\]")
_TAG_LINE = re.compile(r"^[ \t]*#[A-Za-z][\w/-]*(?:[ \t]+#[A-Za-z][\w/-]*)*[ \t]*$", re.M)
_TAG = re.compile(r"(?<=[\s(])(?<!\]\()#(?=[A-Za-z][\w/-]*)")  # not a link's target: "[Top](#contents)"


# A note app's check boxes copied as text ("☐\tAsk the lab ...", "☑\tEmail pharmacy ..."): a task list's items,
# as markdown writes them ("- [ ] ...", "- [x] ...").
# A check mark with no box ("✅ Vonoprazan healed more ...", "✓ ...") marks a key point, as a bullet does: an item.
_OPEN_BOX = re.compile(r"^([ \t]*)[☐□][ \t]+", re.M)
_TICKED_BOX = re.compile(r"^([ \t]*)[☑☒][ \t]+", re.M)
# Not over an underline: "✅ Bottom line" / "-----" is a heading, as "## ✅ Bottom line" is.
_CHECK_MARK = re.compile(r"^([ \t]*)[✅✔✓][ \t]+(?![^\n]*\n[ \t]{0,3}(?:=+|-+)[ \t]*$)", re.M)


def _check_boxes(text: str) -> str:
    if not any(box in text for box in "☐□☑☒✅✔✓"):
        return text
    return _CHECK_MARK.sub(r"\1- ", _TICKED_BOX.sub(r"\1- [x] ", _OPEN_BOX.sub(r"\1- [ ] ", text)))


# Bullets that a word processor or a PDF's copy writes with other glyphs ("► efflux ...", "▪ ...", "◦ ...", "·",
# and the Symbol and Wingdings fonts' private-use code points "\uf0b7" and "\uf0a7" that a copy from Word keeps), and
# its second-level "o" ("o efflux pumps ..." on two lines or more in a row): list items, as "- " marks them.
_GLYPH_BULLET = re.compile(r"^([ \t]*)[◦▪▫■●○►▸▹➢➤‣⁃∙·\uf0b7\uf0a7\uf0d8\uf076\uf0fc][ \t]+(?=\S)", re.M)
_O_BULLET = re.compile(r"^([ \t]*)o[ \t]+(?=\S)", re.M)


def _other_bullets(text: str) -> str:
    text = _GLYPH_BULLET.sub(r"\1- ", text)
    if not _O_BULLET.search(text):
        return text
    lines = text.split("\n")
    marked = [bool(_O_BULLET.match(line)) for line in lines]
    for i, line in enumerate(lines):
        if marked[i] and ((i and marked[i - 1]) or (i + 1 < len(lines) and marked[i + 1])):
            lines[i] = _O_BULLET.sub(r"\1- ", line)
    return "\n".join(lines)


# An MDX page (Docusaurus, Nextra): JavaScript's import and export lines, JSX components on lines of their own
# ("<Tabs>", "<TabItem value=... label=...>", "</TabItem>", "<Figure src=... />") and JSX comments
# ("{/* TODO */}") are the page's code; the text between the components stays.
_MDX_MODULE_LINE = re.compile(
    r"^(?:import[ \t]+.+[ \t]+from[ \t]+['\"][^'\"\n]+['\"]|import[ \t]+['\"][^'\"\n]+['\"]"
    r"|export[ \t]+(?:const|let|default|function)\b.*);?[ \t]*$",
    re.M,
)
_JSX_LINE = re.compile(r"^[ \t]*(?:</?[A-Z][\w.]*(?:[ \t][^<>\n]*)?/?>[ \t]*)+$", re.M)
_JSX_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.S)


def _mdx_markup(text: str) -> str:
    if not (_MDX_MODULE_LINE.search(text) or _JSX_LINE.search(text)):
        return text
    return _JSX_COMMENT.sub("", _JSX_LINE.sub("", _MDX_MODULE_LINE.sub("", text)))


# A static-site generator's shortcodes and tags (Hugo's "{{< figure ... >}}", "{{% notice info %}}", Jekyll's
# "{% include ... %}"): the page's machinery, not its words; the text a shortcode wraps stays.
_SHORTCODE = re.compile(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{%.*?%\}", re.S)


# An empty anchor a converter leaves before a paragraph, heading or entry ("<span id="page-10-2"></span>",
# marker-pdf; "<a name="ref3"></a>"): a link's target, no text.
_EMPTY_ANCHOR = re.compile(r"<(span|a)\b[^<>]*\b(?:id|name)[ \t]*=[^<>]*>[ \t]*</\1[ \t]*>", re.I)


# HackMD's and GitHub's note markup: emoji shortcodes (":pushpin:", ":warning:"), inserted text ("++Micro
# update ...++", markdown-it's "ins"), and lines about the note, not in it ("###### tags: `AMR`", "[TOC]").
_EMOJI_SHORTCODE = re.compile(r"(?<![\w:/]):(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{2,40}:(?![\w:/])[ \t]?")
_INSERTED = re.compile(r"\+\+(?=\S)([^+\n]*?\S)\+\+")
_NOTE_META_LINE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+tags:[ \t].*|\[TOC\]|\[\[_?TOC_?\]\]|\{:toc\})[ \t]*$", re.M | re.I
)


# Bold written with underscores ("__MET amplification__ is ...", "__Keywords:__", as mammoth writes it) reads
# as "**...**", the form every later step knows; not inside a code span ("`__init__`").
_UNDERSCORE_BOLD = re.compile(r"(`[^`\n]+`)|(?<![\w\\_*])__(?=[^\s_])([^\n]*?[^\s_\\])__(?![\w_])")


def _underscore_bold(text: str) -> str:
    if "__" not in text:
        return text
    return _UNDERSCORE_BOLD.sub(lambda m: m.group(1) or f"**{m.group(2)}**", text)


def _note_markup(text: str) -> str:
    if "++" in text:
        text = _INSERTED.sub(r"\1", text)
    if ":" in text:
        text = _EMOJI_SHORTCODE.sub("", text)
    text = _NOTE_META_LINE.sub("", text)
    if "</span>" in text or "</a>" in text:
        text = _EMPTY_ANCHOR.sub("", text)
    if "{{<" in text or "{{%" in text or "{%" in text:
        text = _SHORTCODE.sub("", text)
    if "</" in text:
        text = _BOX_TAG_LINE.sub("", text)
    if "%%" in text:
        text = _NOTE_COMMENT.sub("", text)
    if "[[" in text:
        text = _WIKI_LINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), _EMBED.sub("", text))
    if "#" in text:
        text = _TAG.sub("", _TAG_LINE.sub("", text))
    return text


# --- grid tables --------------------------------------------------------------------

# Pandoc's grid table: "+----+----+" borders ("+====+" under the header), "| cell | cell |"
# lines, a cell's text running over several lines.  Rewritten as a pipe table.
_GRID_BORDER = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")


# A table drawn with box-drawing characters (w3m's and links's dumps, Python's tabulate "fancy_grid",
# psql's unicode border): the same grid in other characters ("┌───┬───┐", "│ a │ b │", "├───┼───┤").
_BOX_LINE = re.compile(r"^[ \t]*[┌├└╞╘╒╔╠╚╟│║]")
_BOX_ASCII = str.maketrans("┌┬┐├┼┤└┴┘╞╪╡╘╧╛╒╤╕╔╦╗╠╬╣╚╩╝╟╫╢─═│║", "+" * 30 + "-=||")


def _box_tables(text: str) -> str:
    if "│" not in text and "║" not in text:
        return text
    return "\n".join(line.translate(_BOX_ASCII) if _BOX_LINE.match(line) else line for line in text.split("\n"))


def _grid_tables(text: str) -> str:
    if "+-" not in text:
        return text
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        if not _GRID_BORDER.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (_GRID_BORDER.match(lines[j]) or lines[j].lstrip().startswith("|")):
            j += 1
        out += _grid_as_pipes(lines[i:j])
        i = j
    return "\n".join(out)


def _grid_as_pipes(block: list[str]) -> list[str]:
    """A grid table's lines as pipe-table lines (its first row the header)."""
    border = block[0].strip()
    cuts = [k for k, ch in enumerate(border) if ch == "+"]
    rows: list[list[str]] = []
    current: list[list[str]] = []
    for line in block[1:]:
        if _GRID_BORDER.match(line):
            if current:
                rows.append([" ".join(" ".join(part).split()) for part in current])
            current = []
            continue
        line = line.strip()
        cells = [line[a + 1 : b] for a, b in zip(cuts, cuts[1:])]
        current = current or [[] for _ in cells]
        for part, cell in zip(current, cells):
            part.append(cell.strip(" |"))
    return pipe_table(rows) if rows else block


# --- Pandoc's simple and multiline tables -------------------------------------------------------------

# Columns set out with spaces under a rule of dashes, one run of dashes a column ("Gene    Effect" /
# "------  ------" / "mcr-1   adds PEtN"), as Pandoc's plain-text writer and a mail client's newsletter
# write a table.  A multiline table sits between two unbroken rules, its rows apart by blank lines and a
# cell's text running over several lines.  Rewritten as a pipe table; Pandoc's caption under it
# (": Table 1. ...", "Table: ...") goes above it, where a caption heads a table.
_COLUMN_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$")
_FULL_RULE = re.compile(r"^[ \t]*-{10,}[ \t]*$")
_TABLE_CAPTION = re.compile(r"^[ \t]*(?::|Table:)[ \t]+(\S.*)$")
_HEADER_LINES = 4  # at most, above the column rule


def _simple_tables(text: str) -> str:
    if "---" not in text:
        return text
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        found = _simple_table_at(lines, i) if _COLUMN_RULE.match(lines[i]) else None
        if found is None:
            i += 1
            continue
        start, stop, table = found
        lines[start:stop] = table
        i = start + len(table)
    return "\n".join(lines)


def _simple_table_at(lines: list[str], rule: int) -> tuple[int, int, list[str]] | None:
    """The table whose column rule is line ``rule``: its first line, the line after it (its caption
    included) and its lines as a pipe table; None when no header stands over the rule."""
    top = rule
    while top > 0 and rule - top < _HEADER_LINES and lines[top - 1].strip() and not _FULL_RULE.match(lines[top - 1]):
        top -= 1
    multiline = top > 0 and _FULL_RULE.match(lines[top - 1]) is not None
    if top == rule and not multiline:
        return None
    end, rows, current = rule + 1, [], []
    while end < len(lines):
        line = lines[end]
        if _FULL_RULE.match(line) or _COLUMN_RULE.match(line) or (not line.strip() and not multiline):
            break
        if line.strip():
            current.append(line)
        elif current:  # a multiline table's rows are apart by blank lines
            rows.append(current)
            current = []
        end += 1
    rows += [current] if current else []
    if not multiline:
        rows = [[line] for group in rows for line in group]  # a simple table's row is one line
    if not rows:
        return None
    closed = end < len(lines) and (_FULL_RULE.match(lines[end]) or _COLUMN_RULE.match(lines[end]))
    stop = end + 1 if closed else end
    caption = []
    after = next((k for k in range(stop, min(stop + 2, len(lines))) if lines[k].strip()), None)
    if after is not None and (m := _TABLE_CAPTION.match(lines[after])):
        caption, stop = [m.group(1).strip()], after + 1
        while stop < len(lines) and lines[stop].strip():
            caption.append(lines[stop].strip())
            stop += 1
    starts = [m.start() for m in re.finditer(r"-+", lines[rule])]
    table = [_column_cells(lines[top:rule], starts), *(_column_cells(row, starts) for row in rows)]
    start = top - 1 if multiline else top
    return start, stop, ["", *([" ".join(caption)] if caption else []), *pipe_table(table), ""]


def _column_cells(block: list[str], starts: list[int]) -> list[str]:
    """Each column's text over the lines of one row: a column runs from its rule's start to the next one's."""
    cells = []
    for a, b in zip(starts, [*starts[1:], None]):
        parts = [line[a:b].strip() for line in block]
        cells.append(" ".join(p for p in parts if p).replace("|", "/"))
    return cells


# GitHub's table without its outer pipes ("Gene | Effect" / "--- | ---" / "mcr-1 | adds PEtN"), or with
# only one of them: rewritten with both, as the rest of the parser reads a table.
def _pipeless_tables(text: str) -> str:
    if "|" not in text or "-" not in text:
        return text
    lines = text.split("\n")
    i = 1
    while i < len(lines):
        header, rule = lines[i - 1], lines[i]
        if (
            _TABLE_SEPARATOR.match(rule)
            and "|" in header
            and not (_TABLE_ROW.match(header) and _TABLE_ROW.match(rule))
            and len(_cells(header)) == len(_cells(rule)) > 1
        ):
            j = i + 1
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                j += 1
            lines[i - 1 : j] = ["| " + " | ".join(_cells(line)) + " |" for line in lines[i - 1 : j]]
            i = j
        i += 1
    return "\n".join(lines)


# Display TeX on lines of its own, as Quarto, R Markdown, Jupyter and note apps write it: "$$" above and below
# the formula (or both on its one line), or "\\[" and "\\]".  A formula is no claim, and the words around it
# stay as written ("... of both media:" / "where ρ is density ... [7].").
_DISPLAY_MATH = re.compile(
    r"^[ \t]*(?:\$\$[^\n]*?\$\$|\$\$[ \t]*\n(?:(?![ \t]*\$\$)[^\n]*\n){1,40}?[ \t]*\$\$"
    r"|\\\[[ \t]*\n(?:(?![ \t]*\\\])[^\n]*\n){1,40}?[ \t]*\\\])(?:[ \t]*\{#[\w:-]+\})?[ \t]*$",
    re.M,
)


def _display_math(text: str) -> str:
    """``text`` with its display formulas gone, each line of one a blank line (a paragraph ends there)."""
    if "$$" not in text and "\\[" not in text:
        return text
    return _DISPLAY_MATH.sub(lambda m: "\n" * m.group(0).count("\n"), text)


# Inline TeX as a notebook or a note app writes it ("IC$_{50}$", "$\\beta$-lactamase", "$\\geq 16$ mg/L"),
# by Pandoc's rule: the opening "$" has a non-space right after it, the closing one a non-space right
# before it and no digit after it, so "$5 and $10" and "$5-$10" stay money.
_INLINE_MATH = re.compile(
    r"(?<![\\$\w])\$(?=[^\s$])([^$\n]{1,120}?)(?<=[^\s\\])\$(?![\d$])|(?<=\w)\$([_^][^$\s]{1,20})\$"
)
_TEX_WRAPPER = re.compile(r"\\(?:text|textrm|textit|mathrm|mathit|mathbf|mathsf|operatorname)\s*\{([^{}]*)\}")
_TEX_SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|([^\s{}\\]))")
_TEX_COMMAND = re.compile(r"\\([A-Za-z]+|[%,;:! #&_$])")
_TEX_GREEK = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    " nu xi pi rho sigma tau upsilon phi chi psi omega"
).split()
_TEX_SYMBOLS = (
    dict(zip(_TEX_GREEK, "αβγδεζηθικλμνξπρστυφχψω"))
    | dict(zip((name.title() for name in _TEX_GREEK), "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΠΡΣΤΥΦΧΨΩ"))
    | {"varepsilon": "ε", "vartheta": "θ", "varphi": "φ", "geq": "≥", "ge": "≥", "leq": "≤", "le": "≤"}
    | {"neq": "≠", "ne": "≠", "pm": "±", "mp": "∓", "times": "×", "cdot": "·", "sim": "~", "approx": "≈"}
    | {"to": "→", "rightarrow": "→", "leftarrow": "←", "uparrow": "↑", "downarrow": "↓", "infty": "∞"}
    | {"circ": "°", "degree": "°", "prime": "′", "%": "%", "#": "#", "&": "&", "_": "_", "$": "$"}
    | {",": " ", ";": " ", ":": " ", "!": "", " ": " ", "quad": " ", "qquad": " "}
)


def _inline_math(text: str) -> str:
    """``text`` with its inline TeX written as the characters it shows ("IC₅₀", "β-lactamase", "≥ 16")."""
    return _INLINE_MATH.sub(lambda m: _tex_text(m.group(1) or m.group(2)), text) if "$" in text else text


def _tex_text(tex: str) -> str:
    def script(m: re.Match) -> str:
        body = m.group(2) if m.group(2) is not None else m.group(3)
        plain = re.fullmatch(r"[0-9+\-−]+", body)
        return body.translate(_SUPERSCRIPT if m.group(1) == "^" else _SUBSCRIPT) if plain else body

    tex = _TEX_SCRIPT.sub(script, _TEX_WRAPPER.sub(r"\1", tex))
    tex = _TEX_COMMAND.sub(lambda m: _TEX_SYMBOLS.get(m.group(1), m.group(1)), tex)
    return tex.replace("{", "").replace("}", "")


# A letter's or an e-mail's close: "Best wishes," and the signature under it ("Helen" / "Dr Helen Marsh" /
# "Consultant Endocrinologist" / "Ext. 4471 | Bleep 2213"), up to the reference list or the end; a mail's
# signature also under the "--" line that sets it apart by convention (RFC 3676).  Only
# short lines, a few of them, with no citation, are a signature: a paragraph of prose after "Thanks" is text.
_VALEDICTION = re.compile(
    r"^[ \t]*(?:best(?:[ \t]+(?:wishes|regards))?|kind(?:est)?[ \t]+regards|warm(?:est)?[ \t]+regards|regards"
    r"|(?:many[ \t]+)?thanks(?:[ \t]+again)?|thank[ \t]+you|cheers|sincerely|yours[ \t]+(?:sincerely|faithfully|truly)"
    r"|all[ \t]+the[ \t]+best|with[ \t]+(?:best|kind)[ \t]+(?:wishes|regards)|--(?=[ \t]*$))[ \t]*[,.!]?[ \t]*$",
    re.I | re.M,
)
_SIGNATURE_LINES = 8  # at most, after the valediction
# A number in brackets that may cite, not a telephone's area code ("(555) 014-2290").
_CITATION_LIKE = re.compile(r"[\[(]\d{1,3}[\])\],–-](?![ \t]*\d{3}[ \t-]?\d)")
_SIGNATURE_WORDS = 12  # at most, on each of them


def _signature(text: str) -> str:
    """``text`` without the close of a letter: its valediction and the signature under it."""
    for m in _VALEDICTION.finditer(text):  # a line of its own
        lines = text[m.end() :].split("\n")[1:]
        end = next(
            (k for k, line in enumerate(lines) if _REFERENCES_TITLE.match(_plain_title(line).rstrip(":"))),
            len(lines),
        )
        signature = [line for line in lines[:end] if line.strip()]
        if 0 < len(signature) <= _SIGNATURE_LINES and not any(
            len(line.split()) > _SIGNATURE_WORDS or _CITATION_LIKE.search(line) for line in signature
        ):
            return text[: m.start()] + "\n" * (end + 1) + "\n".join(lines[end:])
    return text


# A message saved from a mail client opens with its header ("From: ...", "To: ...", "Date: ...",
# "Subject: ..."): who sent it and when, not what it says.  Two such lines or more, one of them From or
# Subject, at the very top and up to the first blank line, are no text.
_MAIL_HEADER = re.compile(
    r"^(?:From|To|Cc|Bcc|Date|Sent|Subject|Reply-To|Message-ID|MIME-Version|Content-Type|List-Id|X-[\w-]+):"
    r"(?:[ \t].*)?$",
    re.I,
)


def _mail_header(text: str) -> str:
    lines = text.split("\n")
    start = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    end = start
    while end < len(lines) and _MAIL_HEADER.match(lines[end].strip()):
        end += 1
    names = {lines[k].split(":", 1)[0].strip().lower() for k in range(start, end)}
    if end - start < 2 or not names & {"from", "subject"} or (end < len(lines) and lines[end].strip()):
        return text
    return "\n" * end + "\n".join(lines[end:])


# A newsletter as a mail client shows it in plain text: its pictures as "[image: Company logo]", and the
# mailing service's own lines around it ("View this email in your browser", "Forward to a friend",
# "Unsubscribe | Update preferences", "Our mailing address is:" over the sender's address) and its row of
# links ("Facebook <https://...> | LinkedIn <https://...>"): none of it is text.
_IMAGE_PLACEHOLDER = re.compile(r"[ \t]*\[image:[^\]\n]*\]")
_MAILING_CHROME = re.compile(
    r"^\W*(?:view\s+(?:this\s+(?:e-?mail|message|newsletter)\s+)?(?:in|on)\s+(?:your|a|the)\s+(?:web\s+)?browser"
    r"|forward\s+(?:this\s+(?:e-?mail\s+)?)?to\s+a\s+friend|add\s+us\s+to\s+your\s+address\s+book|unsubscribe\b"
    r"|update\s+(?:your\s+)?(?:subscription\s+)?preferences|you\s+are\s+receiving\s+this\s+(?:e-?mail|message)"
    r"|want\s+to\s+change\s+how\s+you\s+receive\s+these\s+e-?mails)[^\n]*$",
    re.I,
)
_MAILING_ADDRESS = re.compile(r"^\W*our\s+mailing\s+address\s+is:?\s*$", re.I)
_PLAIN_LINK_ROW = re.compile(r"^[ \t]*(?:[\w .&'-]{1,30}<https?://[^<>\s]+>[ \t]*[|·•,]?[ \t]*){2,}$")


def _mail_chrome(text: str) -> str:
    if "[image:" in text:
        text = _IMAGE_PLACEHOLDER.sub("", text)
    if "<http" not in text and not re.search(r"unsubscribe|mailing address", text, re.I):
        return text
    out: list[str] = []
    address = False  # inside the sender's address under "Our mailing address is:"
    for line in text.split("\n"):
        address = address and bool(line.strip())
        if _MAILING_ADDRESS.match(line):
            address = True
        if address or _MAILING_CHROME.match(line) or _PLAIN_LINK_ROW.match(line):
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


# A journal's article-type label set as the first heading of a converted PDF, the title as the next one
# ("## Review" / "## Azole Resistance in Candida tropicalis ...", as Docling writes every heading at one
# level): the label is no section, and with no level-1 heading in the document the next heading is the title.
_ARTICLE_TYPE = re.compile(
    r"(?:(?:original|invited|narrative|systematic|research|short|brief|mini)[ \t-]+)?"
    r"(?:review(?:[ \t]+article)?|article|paper|research|perspective|commentary|editorial|report|communication"
    r"|opinion|viewpoint|minireview)",
    re.I,
)
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")


def _article_type_label(text: str) -> str:
    if "#" not in text or re.search(r"^#[ \t]", text, re.M):
        return text
    lines = text.split("\n")
    filled = [k for k, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return text
    label, title = (_ATX.match(lines[k]) for k in filled[:2])
    if not (label and title and _ARTICLE_TYPE.fullmatch(_plain_title(label.group(2)))):
        return text
    lines[filled[0]] = ""
    lines[filled[1]] = f"# {title.group(2)}"
    return "\n".join(lines)


# A Medium article copied from the browser: above the title and under the byline the page's own lines
# ("Follow", "9 min read", "·", the date, "--", the clap and response counts, "Listen", "Share"), the
# names that "Follow" follows (the publication's and the author's), and below the article the author box
# and other articles ("Written by ...", "More from ...", "Recommended from Medium", "Help Status About ...").
# Told by a reading time near the top with "Listen" and "Share" lines, or with a "Follow" line (a copy
# that kept the byline but not the audio buttons, blank lines between them as a markdown export has).
_MEDIUM_TOP = 30  # lines
_READ_TIME = re.compile(r"^[ \t]*·?[ \t]*\d{1,3}[ \t]+min[ \t]+read\b.*$", re.I)
_MEDIUM_LINE = re.compile(
    rf"^[ \t]*(?:follow|listen|share|·|--|[\d.,]+[KkMm]?(?:[ \t]+[\d.,]+[KkMm]?)?|·?[ \t]*{_DATE}"
    r"|published in .{1,60}|member-only story)[ \t]*$",
    re.I,
)
_MEDIUM_END = re.compile(
    r"^[ \t]*(?:written by\b|more from\b|recommended from medium|see all from\b|see more recommendations"
    r"|help[ \t]+status[ \t]+about\b)",
    re.I,
)


def _medium_page(text: str) -> str:
    lines = text.split("\n")
    top = [line.strip().lower() for line in lines[:_MEDIUM_TOP]]
    read = [k for k, line in enumerate(top) if _READ_TIME.match(line)]
    buttons = ("listen", "share") if "listen" in top and "share" in top else ("follow",)
    if not read or buttons[0] not in top:
        return text
    last = max(k for k, line in enumerate(top) if line in buttons)
    if buttons == ("follow",):
        last = max(last, read[-1])  # the reading time and the counts under it: "7 min read · Feb 2" / "1.2K 34"
        while last + 1 < len(top) and (not top[last + 1] or _MEDIUM_LINE.match(top[last + 1])):
            last += 1
    for k in range(last + 1):
        after = next((line for line in top[k + 1 : last + 1] if line), "")
        follows = bool(lines[k].strip()) and after == "follow"  # the name "Follow" follows
        if _MEDIUM_LINE.match(lines[k]) or _READ_TIME.match(lines[k]) or follows:
            lines[k] = ""
    end = next((k for k in range(last + 1, len(lines)) if _MEDIUM_END.match(lines[k])), len(lines))
    # The clap and response counts over the author box ("--" / "142" / "3") go with it.
    while end > last + 1 and (not lines[end - 1].strip() or _MEDIUM_LINE.match(lines[end - 1])):
        end -= 1
    return "\n".join(lines[:end])


# A blog post copied from its page (WordPress and themes like it): the site's name, tagline and menu over the
# post's title, a "Posted on <date> by <author>" line and its category and tag lines under it; under the post,
# the sharing buttons, related posts, the links to the posts before and after it, its comments and the form
# to add one.  None of it is the post's.
_SKIP_LINK = re.compile(r"^[ \t]*Skip to (?:main )?content[ \t]*$", re.I)
_POSTED = re.compile(
    rf"^[ \t]*(?:(?:Posted|Published)(?: on)?[ \t]+{_DATE}[ \t]+by[ \t]+\S.*"
    rf"|By[ \t]+[^\n]{{2,60}}?[ \t]*(?:[|·—–-])[ \t]*{_DATE}.*)$"
)
_POST_META = re.compile(r"^[ \t]*(?:Categories|Category|Tags|Tagged|Filed under|Posted in)[ \t]*:?[ \t]+\S.*$", re.I)
_POST_END = re.compile(
    r"^[ \t]*(?:Share this:?|Like this:?|Post navigation|Leave a (?:Reply|Comment)\b.*"
    r"|\d+ (?:thoughts?|comments?|responses?|replies) (?:on|to) .+|Proudly powered by WordPress.*)[ \t]*$",
    re.I,
)
_POST_TOP = 40  # lines


def _blog_page(text: str) -> str:
    lines = text.split("\n")
    posted = next((k for k, line in enumerate(lines[:_POST_TOP]) if _POSTED.match(line)), None)
    if posted is None:
        return text
    end = next((k for k in range(posted + 1, len(lines)) if _POST_END.match(lines[k])), None)
    if end is None and not any(_SKIP_LINK.match(line) for line in lines[:posted]):
        return text  # a byline with a date, but no page around it
    title = next((k for k in range(posted - 1, -1, -1) if lines[k].strip()), None)
    if title is None:
        return text
    body = posted + 1
    while body < len(lines) and (not lines[body].strip() or _POST_META.match(lines[body])):
        body += 1
    return "\n".join([lines[title].strip(), "", *lines[body : end if end is not None else len(lines)]])


# A question-and-answer page of the Stack Exchange sites copied from the browser: the question's title
# over its "Asked ... ago" / "Modified" / "Viewed" lines, vote counts on lines of their own, the tags,
# and under each post its "Share Improve this answer Follow" links, edit and answer dates and the
# poster's card.  The page is read as the question and its first answer: the comments, the other answers
# and the site's lines under it are no part of the answer's text.
_QA_SHARE = re.compile(r"^[ \t]*Share(?:[ \t]+(?:Improve this (?:question|answer)|Edit|Cite))*[ \t]+Follow[ \t]*$")
_QA_ASKED = re.compile(r"^[ \t]*(?:Asked|Modified|Viewed)[ \t]+.*(?:ago|times|today|yesterday)[ \t]*$", re.I)
_QA_LINE = re.compile(
    r"^[ \t]*(?:\d{1,5}|Highest score \(default\)|Sorted by:|Reset to default|\d+ Answers?"
    r"|(?:edited|answered|asked)[ \t]+.{3,40}[ \t]at[ \t]+\d{1,2}:\d{2})[ \t]*$"
)
_QA_TAGS = re.compile(r"^[ \t]*[a-z0-9][a-z0-9.+#-]*(?:[ \t]+[a-z0-9][a-z0-9.+#-]*)*[ \t]*$")


def _qa_page(text: str) -> str:
    lines = text.split("\n")
    shares = [k for k, line in enumerate(lines) if _QA_SHARE.match(line)]
    asked = next((k for k, line in enumerate(lines[:_POST_TOP]) if _QA_ASKED.match(line)), None)
    if not shares or asked is None:
        return text
    answers = [k for k in shares if "answer" in lines[k].lower()]
    end = answers[0] if answers else len(lines)
    out: list[str] = []
    k = 0
    while k < end:
        line = lines[k]
        if _QA_SHARE.match(line):
            # The post's links, dates and poster's card, down to the next blank line.
            while k < end and lines[k].strip():
                k += 1
            continue
        tags = k + 2 < len(lines) and not lines[k + 1].strip() and _QA_SHARE.match(lines[k + 2])
        if _QA_ASKED.match(line) or _QA_LINE.match(line) or (tags and _QA_TAGS.match(line)):
            out.append("")
        else:
            out.append(line)
        k += 1
    return "\n".join(out)


# A Substack post copied from the browser: the publication's name over "Subscribe" and "Sign in", the
# like, comment and share counts under the byline and again under the post, then the discussion and the
# site's footer ("Discussion about this post", "Ready for more?", "Substack is the home for great culture").
_SUBSTACK_TOP = re.compile(r"^[ \t]*(?:Subscribe|Sign in)[ \t]*$")
_SUBSTACK_LINE = re.compile(r"^[ \t]*(?:\d[\d,.]*[KkMm]?|Share|∙ Paid|Paid|Subscribe|Sign in|Previous|Next)[ \t]*$")
_SUBSTACK_END = re.compile(r"^[ \t]*(?:Discussion about this post|Ready for more\?)[ \t]*$")
_SUBSTACK_BOX = re.compile(r"^[ \t]*Thanks for reading .{1,80}! Subscribe for free to receive new posts.*$")


def _substack_page(text: str) -> str:
    lines = text.split("\n")
    start = next((k for k, line in enumerate(lines) if line.strip()), 0)
    header = _paragraph_at(lines, start)  # the publication's name and its buttons, above the title
    end = next((k for k, line in enumerate(lines) if _SUBSTACK_END.match(line)), None)
    if sum(1 for k in header if _SUBSTACK_TOP.match(lines[k])) < 2 or end is None:
        return text
    lines[: header.stop] = [""] * header.stop
    # The like, comment and share counts and the buttons under the post go with the discussion.
    while end > 0 and (not lines[end - 1].strip() or _SUBSTACK_LINE.match(lines[end - 1])):
        end -= 1
    first = next((k for k, line in enumerate(lines) if line.strip()), 0)
    head = next((k for k in range(first, end) if not lines[k].strip()), end)  # the title block: title to counts
    kept = [
        "" if (first <= k < head and _SUBSTACK_LINE.match(line)) or _SUBSTACK_BOX.match(line) else line
        for k, line in enumerate(lines[:end])
    ]
    return "\n".join(kept)


# A chapter of the NCBI Bookshelf (StatPearls and the other books there) copied from its page: the site's
# and the book's lines over the title, the authors under it and again with their affiliations, the
# page's links, and under the references the authors' disclosures, the copyright, the licence and the
# chapter's Bookshelf ID.
_BOOKSHELF = re.compile(r"^[ \t]*(?:NCBI Bookshelf\. .*|Bookshelf ID: NBK\d+.*)$", re.M)
_BOOKSHELF_LINE = re.compile(
    r"^[ \t]*(?:NCBI Bookshelf\. .*|[^\n]{1,120} \[Internet\]\. [^\n]*|Show details|Search term"
    r"|Author Information(?: and Affiliations)?|Access free multiple choice questions on this topic\."
    r"|Comment on this article\.|Disclosure: .*|This (?:book|chapter) is distributed under the terms of .*"
    r"|Bookshelf ID: NBK\d+.*)[ \t]*$"
)
_AUTHORS_LABEL = re.compile(r"^[ \t]*Authors?[ \t]*$")
_LAST_UPDATE = re.compile(r"^[ \t]*Last Update: .*$")
_NAME_LIST = re.compile(r"^[ \t]*[A-Z][\w.' -]{1,60}(?:; [A-Z][\w.' -]{1,60})*\.?[ \t]*$")


def _bookshelf_page(text: str) -> str:
    if not _BOOKSHELF.search(text):
        return text
    lines = text.split("\n")
    start = next((k for k, line in enumerate(lines) if _AUTHORS_LABEL.match(line)), None)
    stop = next((k for k, line in enumerate(lines) if _LAST_UPDATE.match(line)), None)
    if start is not None and stop is not None and 0 < stop - start <= _AUTHOR_LINES:
        lines[start : stop + 1] = [""] * (stop + 1 - start)  # the authors with their numbers, the affiliations
    lines = ["" if _BOOKSHELF_LINE.match(line) else line for line in lines]
    title = next((k for k, line in enumerate(lines) if line.strip()), None)
    if title is not None and title + 1 < len(lines) and _NAME_LIST.match(lines[title + 1]) and ";" in lines[title + 1]:
        lines[title + 1] = ""  # "Maria L. Okafor; Daniel R. Whitcombe." under the title
    return "\n".join(lines)


# An UpToDate topic copied from its page: the site's menu over the title, the authors and editors
# under it, the review dates, a contents box of the headings, and under the text the terms-of-use
# line, the topic's number and the copyright.
_UPTODATE = re.compile(r"^[ \t]*(?:Literature review current through: .*|Use of UpToDate is subject to .*)$", re.M)
_UPTODATE_LINE = re.compile(
    r"^[ \t]*(?:(?:Authors?|Section Editors?|Deputy Editors?|Contributors?): .*"
    r"|Literature review current through: .*|This topic last updated: .*"
    r"|All topics are updated as new evidence becomes available .*|Use of UpToDate is subject to .*"
    r"|Topic \d+ Version \d+(?:\.\d+)*|(?:©|\(c\)) ?\d{4} UpToDate.*)[ \t]*$"
)
_EDITORS = re.compile(r"^[ \t]*(?:Authors?|Section Editors?|Deputy Editors?): ")


def _uptodate_page(text: str) -> str:
    if not _UPTODATE.search(text):
        return text
    lines = text.split("\n")
    byline = next((k for k, line in enumerate(lines) if _EDITORS.match(line)), None)
    if byline is not None:
        title = next((k for k in range(byline - 1, -1, -1) if lines[k].strip()), None)
        if title is not None:  # the menu above the title goes; the title is the page's
            lines = lines[title:]
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _CONTENTS.match(lines[i]):  # the contents box: its lines repeat the headings, up to a blank line
            while i < len(lines) and lines[i].strip():
                i += 1
            continue
        out.append("" if _UPTODATE_LINE.match(lines[i]) else lines[i])
        i += 1
    return "\n".join(out)


# A Consensus (consensus.app) answer copied from its page: the app's menu and the question over a
# "Summary", a "Consensus Meter" poll, "Copilot" over the answer, and under it the "Papers" it cites,
# each as "1." / title / authors / "Journal · 2004 · 402 citations" / "doi.org/..." / badges /
# "Study snapshot" / the app's one-line summary.  The papers become a numbered reference list.
_CONSENSUS = re.compile(r"^[ \t]*Consensus Meter[ \t]*$|^[ \t]*Papers[ \t]*\n[ \t]*\d+ results?[ \t]*$", re.M)
_CONSENSUS_LINE = re.compile(
    r"^[ \t]*(?:Consensus|Search|Copilot|Pro|Filters|Share|Save|Export|Beta|Load more|Ask a follow-up question"
    r"|Here is what the research says, drawn from \d+ papers\.|\d+ results?|Sort by: .*)[ \t]*$"
)
_PAPER_NUMBER = re.compile(r"^[ \t]*(\d{1,3})\.[ \t]*$")
_PAPER_SOURCE = re.compile(r"^[ \t]*(.+?)[ \t]+·[ \t]+((?:19|20)\d{2})(?:[ \t]+·[ \t]+[\d,]+ citations?)?[ \t]*$")
_PAPER_DOI = re.compile(r"^[ \t]*(?:https?://)?((?:dx\.)?doi\.org/\S+)[ \t]*$")


def _consensus_page(text: str) -> str:
    if not _CONSENSUS.search(text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "Consensus Meter":  # the poll: its question, its answers' shares, up to a blank line
            while i < len(lines) and lines[i].strip():
                i += 1
            continue
        if line.strip() == "Papers" and i + 1 < len(lines) and re.match(r"^[ \t]*\d+ results?[ \t]*$", lines[i + 1]):
            out += ["", "References", ""]
            i += 2
            continue
        if (number := _PAPER_NUMBER.match(line)) and (entry := _consensus_paper(lines, i + 1)):
            text_, i = entry
            out.append(f"{number.group(1)}. {text_}")
            continue
        out.append("" if _CONSENSUS_LINE.match(line) else line)
        i += 1
    return "\n".join(out)


def _consensus_paper(lines: list[str], start: int) -> tuple[str, int] | None:
    """One paper of a Consensus answer's list as a reference entry ("Authors. Title. Journal. 2004.
    https://doi.org/..."), and the line after it; None when the lines are not one."""
    end = start
    while end < len(lines) and lines[end].strip() and not _PAPER_NUMBER.match(lines[end]):
        end += 1
    block = [line.strip() for line in lines[start:end]]
    source = next((k for k, line in enumerate(block) if _PAPER_SOURCE.match(line)), None)
    if source is None or source < 1:
        return None
    title, authors = block[0], " ".join(block[1:source])
    journal, year = _PAPER_SOURCE.match(block[source]).groups()
    more = re.search(r",?[ \t]*(?:\.\.\.|…)$", authors)
    names = [_surname_first(name) for name in re.split(r",[ \t]*", authors[: more.start()] if more else authors)]
    authors = ", ".join(name for name in names if name) + (", et al" if more else "")
    doi = next((m.group(1) for line in block[source + 1 :] if (m := _PAPER_DOI.match(line))), None)
    parts = [authors, title.rstrip("."), journal, year]
    entry = ". ".join(part for part in parts if part) + "."
    return (f"{entry} https://{doi}" if doi else entry), end


def _surname_first(name: str) -> str:
    """ "S. A. Lukehart" as a reference list writes it, "Lukehart SA"; a name without initials as it is."""
    m = re.fullmatch(r"((?:[A-Z]\.[ \t]*|[A-Z]\.-[A-Z]\.[ \t]*)+)(\S.*)", name.strip())
    return f"{m.group(2)} {re.sub(r'[^A-Z]', '', m.group(1))}" if m else name.strip()


# A Medscape (eMedicine) reference article copied from its page: the site's menu and a breadcrumb over the
# title, "Updated: <date>", the author and chief editor, the "Sections" outline down to its "References",
# and between its pages "Next: ...", "Previous" and "Advertisement" lines; "Show All", "of 3" and the
# print dialog further down.
_MEDSCAPE = re.compile(r"\[QxMD MEDLINE Link\]")
_MEDSCAPE_LINE = re.compile(
    r"^[ \t]*(?:Next: .{1,80}|Previous|Advertisement|Show All|Back to List|Close|Share|Feedback|Print"
    r"|What would you like to print\?|Print this section|Print the entire contents of.*|of \d{1,3}"
    r"|Updated: .{1,40}|Author: .*Chief Editor: .*)[ \t]*$"
)
_UPDATED = re.compile(r"^[ \t]*Updated: [A-Z][a-z]{2} \d{1,2}, \d{4}[ \t]*$")
_OUTLINE_LINES = 80  # at most, in the "Sections" outline


def _medscape_page(text: str) -> str:
    if not _MEDSCAPE.search(text):
        return text
    lines = text.split("\n")
    updated = next((k for k, line in enumerate(lines) if _UPDATED.match(line)), None)
    if updated is not None and updated > 0 and lines[updated - 1].strip():
        lines = lines[updated - 1 :]  # the menu and the breadcrumb above the title go
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() == "Sections":  # the outline, down to its last entry, "References"
            end = next(
                (k for k in range(i + 1, min(i + _OUTLINE_LINES, len(lines))) if lines[k].strip() == "References"),
                None,
            )
            if end is not None and all(line.strip() for line in lines[i:end]):
                i = end + 1
                continue
        out.append("" if _MEDSCAPE_LINE.match(lines[i]) else lines[i])
        i += 1
    return "\n".join(out)


# Reaction counts under a message or comment: "👍 3 ❤️ 1"; Slack writes them by name too (":+1: 7").
_EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?"
_REACTIONS = rf"(?:{_EMOJI}[ \t]*\d+[ \t]*)+"

# A GitHub issue copied from its page: the repository's header and tabs over the issue's title ("... #412"),
# "New issue", its state, "<user> opened this issue on <date> · 6 comments", then each comment under
# "@<user>" / "<user> commented on <date>" and its badges ("Member", "Author"), with reaction counts,
# timeline events ("... added the documentation label on ...", "... mentioned this issue on ...") and the
# sidebar and footer from "Assignees" down.  The opening comment is the text; a later one that cites
# stays, under a heading of its own, so the reference list above it does not swallow it.
_GITHUB_OPENED = re.compile(r"^[ \t]*\S+ opened this issue on [A-Z][a-z]{2} \d{1,2}, \d{4}.*$", re.M)
_GITHUB_COMMENTED = re.compile(r"^[ \t]*(\S+) commented on ([A-Z][a-z]{2} \d{1,2}, \d{4})\b.*$")
_GITHUB_LINE = re.compile(
    r"^[ \t]*(?:@[\w-]+|New issue|Open|Closed|Merged|Draft|Comments|edited|Member|Author|Owner|Contributor"
    r"|Collaborator|First-time contributor|None yet"
    rf"|{_REACTIONS}"
    r"|@[\w-]+ [\w-]+ (?:added|removed|mentioned|linked|closed|reopened|assigned|unassigned|self-assigned"
    r"|changed|referenced|marked|pinned)\b.*"  # timeline events
    r"|.{1,120} #\d+)[ \t]*$"  # a linked issue's or pull request's title
)
_GITHUB_SIDEBAR = re.compile(r"^[ \t]*Assignees[ \t]*$")


def _github_issue_page(text: str) -> str:
    opened = _GITHUB_OPENED.search(text)
    if not opened:
        return text
    lines = text.split("\n")
    at = text[: opened.start()].count("\n")
    title = next((k for k in range(at - 1, -1, -1) if re.search(r" #\d+[ \t]*$", lines[k])), None)
    end = next((k for k in range(at, len(lines)) if _GITHUB_SIDEBAR.match(lines[k])), len(lines))
    out = [re.sub(r"[ \t]+#\d+[ \t]*$", "", lines[title]).strip(), ""] if title is not None else []
    first = True
    for line in lines[at + 1 : end]:
        if comment := _GITHUB_COMMENTED.match(line):
            if not first:
                out += ["", f"Comment by {comment.group(1)}, {comment.group(2)}", ""]
            first = False
        elif not _GITHUB_LINE.match(line):
            out.append(line)
    return "\n".join(out)


# A Slack channel copied from the app: each message under "<name>  10:42 AM" (a follow-on one under its
# time alone, an app's under "<app>  APP  4:12 PM"), Slack's own bold ("*1) How linezolid works*"),
# "(edited)", reactions (":+1: 7  :pray: 3", "👍 3"), "11 replies" / "Last reply ..." / "View thread",
# "replied to a thread:" with the quoted parent, "Also sent to the channel", pins, day dividers and the
# channel's header.  The channel names the page, and each message is a section under its poster's name and
# time; an app's message and a link's preview are no one's words.
_SLACK_HEADER = re.compile(r"^[ \t]*(\S[^\n]{0,60}?)[ \t]{2,}(?:APP[ \t]{2,})?(\d{1,2}:\d{2}[ \t]?[AP]M)[ \t]*$")
_SLACK_MIN_HEADERS = 3
_SLACK_LINE = re.compile(
    r"^[ \t]*(?:\d+ repl(?:y|ies)|Last reply .*|View thread|Also sent to the channel|Thread"
    r"|📌 Pinned by .*|#[\w-]+|👤 .*|\d{1,2}:\d{2}(?:[ \t]?[AP]M)?"
    r"|(?:Today|Yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)?)"
    rf"|(?:(?::[\w+-]+:|{_EMOJI})[ \t]*\d+[ \t]*)+)[ \t]*$"  # reactions
)
_SLACK_BOLD_LINE = re.compile(r"^\*([^*\n]+)\*(?=[ \t]|$)")
_SLACK_EDITED = re.compile(r"[ \t]*\(edited\)[ \t]*$")
_SLACK_ITEM = re.compile(r"^[ \t]*(?:[•◦▪*-]|\d{1,2}[.)])[ \t]+\S")
_SLACK_MENTION = re.compile(r"(?<![\w@])@(?=[A-Z])")  # "@Dr. Okafor": the "@" is Slack's, the name the text's


# A thread copied from old Reddit: each comment opens with its header ("[–]u/microbe_baker Microbiology 1.2k points 2
# days ago") and ends in its action links ("permalink embed save report reply"); the thread's own header says who
# submitted it, and more replies hide behind "load more comments (12 replies)".
_REDDIT_ACTIONS = re.compile(
    r"^[ \t]*permalink(?:[ \t]+(?:embed|save|parent|report|give[ \t]+award|reply))+[ \t]*$", re.M
)
_REDDIT_CHROME = re.compile(
    r"^[ \t]*(?:(?:\[[–-]\][ \t]*)?u/[\w-]+\b.*\b\d[\d.,]*k?[ \t]+points?\b.*\bago"
    r"|submitted[ \t]+.*\bago[ \t]+by[ \t]+u/[\w-]+.*"
    r"|load[ \t]+more[ \t]+comments[ \t]*\(\d+[ \t]+repl(?:y|ies)\))[ \t]*$",
    re.M,
)


def _reddit_thread(text: str) -> str:
    """A Reddit thread's comments as text, each closed by a rule where its action links stood (so that a reply
    after the answer's sources is read as the text after a reference list is); its headers and links gone."""
    if not _REDDIT_ACTIONS.search(text):
        return text
    return _REDDIT_CHROME.sub("", _REDDIT_ACTIONS.sub("---", text))


def _slack_thread(text: str) -> str:
    lines = text.split("\n")
    if sum(1 for line in lines if _SLACK_HEADER.match(line)) < _SLACK_MIN_HEADERS:
        return text
    channel = next((line.strip() for line in lines if line.strip()), "")
    out = [f"# {channel.lstrip('#')}", ""] if re.fullmatch(r"#[\w-]+", channel) else []  # the channel names it
    skip = 0  # lines still to drop: a reply's quoted parent, a link's preview
    app = False  # inside an app's message (a shared folder, a bot's post): not a person's words
    for k, line in enumerate(lines):
        if header := _SLACK_HEADER.match(line):
            app = re.search(r"[ \t]{2,}APP[ \t]{2,}", line) is not None
            out += ["", f"## {header.group(1).strip()}, {header.group(2)}", ""] if not app else [""]
            continue
        if app and line.strip():
            continue
        app = False
        if skip or line.strip() == "replied to a thread:":
            skip = 1 if line.strip() == "replied to a thread:" else skip - 1
            continue
        nxt = lines[k + 1].strip() if k + 1 < len(lines) else ""
        if re.fullmatch(r"https?://\S+", line.strip()) and nxt and len(nxt.split()) <= 3:
            skip = 3  # a link's preview under it: the site's name, the page's title and its description
            continue
        if _SLACK_LINE.match(line):
            out.append("")
            continue
        line = _SLACK_MENTION.sub("", _SLACK_EDITED.sub("", line))
        if out and _SLACK_ITEM.match(out[-1]) and not _SLACK_ITEM.match(line):
            out.append("")  # a message's lines are hard breaks: a line under a bullet is not the bullet's text
        if bold := re.fullmatch(r"\*([^*\n]+)\*", line.strip()):
            out += ["", f"**{bold.group(1)}**", ""]  # Slack's bold line: a heading
        else:
            out.append(_SLACK_BOLD_LINE.sub(r"**\1**", line))
    return "\n".join(out)


# --- line breaks ------------------------------------------------------------------

# A preprint's PDF numbers its lines ("48 and a single substitution can" / "49 reduce raltegravir
# ..."), blank ones too ("23" alone).  When most lines open with a number and the numbers count up
# one by one, they are the page's, not the text's: the number goes, and a numbered blank line is blank.
_LINE_NUMBER = re.compile(r"^[ \t]*(\d{1,5})(?:[ \t]+|$)")
_NUMBERED_SHARE = 0.5
_COUNTING_SHARE = 0.8


def _strip_line_numbers(text: str) -> str:
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    numbers = [int(m.group(1)) for line in filled if (m := _LINE_NUMBER.match(line))]
    if len(numbers) < 10 or len(numbers) < _NUMBERED_SHARE * len(filled):
        return text
    steps = sum(b == a + 1 for a, b in zip(numbers, numbers[1:]))
    if steps < _COUNTING_SHARE * (len(numbers) - 1):
        return text
    return "\n".join(_LINE_NUMBER.sub("", line, count=1) for line in lines)


# Text pasted from a word processor has one line per paragraph and no blank line between them
# ("I. INTRODUCTION" / "Antimicrobial resistance was ..." / "A. Receptor loss" / ...).  Read line
# by line, it would be one paragraph; when most lines are long and blank lines rare, each line is
# a paragraph of its own (a table's rows and a list's items stay together).
_LONG_LINE = 100
_FEW_BLANKS = 0.1


_ADDRESS_END = re.compile(r"(?:https?://|doi:\s*)\S+\s*$", re.I)


def _a_paragraph_a_line(lines: list[str]) -> bool:
    """Few blank lines, and most lines long ones that end a sentence: not hard-wrapped, where a paragraph's
    lines are short and run on."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < 3 or (len(lines) - len(filled)) > _FEW_BLANKS * len(filled):
        return False
    long = [line.rstrip() for line in filled if len(line) >= _LONG_LINE]
    ended = sum(line.endswith((".", "!", "?", "]", ")", '"', "”")) for line in long)
    return len(long) >= 3 and len(long) >= 0.3 * len(filled) and ended >= 0.6 * len(long)


_ENTRY_END = re.compile(rf"[.)\]>]\s*$|{_ADDRESS_END.pattern}", re.I)
_ADDRESS_LINE = re.compile(r"[ \t]*(?:https?://|doi:|DOI:?\s)")
_WRAPPED_LENGTH = (60, 100)  # the lengths of a line that text wrapped at 72-100 characters fills


def _one_paragraph_per_line(text: str) -> str:
    lines = text.split("\n")
    # The whole text, or the text above the reference list, tells how paragraphs are written: entries wrapped
    # over short lines ("1. Smith J. Title ..." / "Journal. 2020;...") say nothing of it.
    end = next(
        (i for i in range(len(lines) - 1, -1, -1) if _REFERENCES_TITLE.match(lines[i].strip().rstrip(":"))), len(lines)
    )
    if not (_a_paragraph_a_line(lines) or (end < len(lines) and _a_paragraph_a_line(lines[:end]))):
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        previous = out[-1] if out else ""
        joined = (
            # an entry of the reference list wrapped: mid-sentence ("... a multicentre," / "randomised trial. ..."),
            # before its address ("... 155:1372-1382." / "https://doi.org/..."), or at a sentence's end of a line
            # as long as a wrapped one (an entry on one line of its own is longer, and page matter after the list
            # stays apart from it)
            (
                i > end
                and not _ENTRY_START.match(line)
                and (
                    not _ENTRY_END.search(previous)
                    or _ADDRESS_LINE.match(line)
                    or (
                        _WRAPPED_LENGTH[0] <= len(previous.rstrip()) <= _WRAPPED_LENGTH[1]
                        and not _ADDRESS_END.search(previous)  # an address ends an entry
                    )
                )
            )
            or (_TABLE_ROW.match(line) and _TABLE_ROW.match(previous))  # a table's rows
            or ("\t" in line and "\t" in previous)  # a tab-separated table's rows
            or (_BULLET.match(line) and (_BULLET.match(previous) or previous.rstrip().endswith(":")))  # a list
            or line[:1].isspace()  # a continuation or a nested item
        )
        if previous.strip() and line.strip() and not joined:
            out.append("")
        out.append(line)
    return "\n".join(out)


# A run-in heading, as a word processor or a journal sets a paragraph's heading: "... episodes.[2]
# **Nitrofurantoin.** Nitrofurantoin is ...": a short bold phrase that ends in its own full stop,
# opening a line or following a sentence's end, before the capitalised text it heads.  A longer bold
# sentence ("**Uropathogenic E. coli causes most cystitis ...**") is a claim.
_BOLD_PHRASE = r"(\*\*|__)([A-Z][^*_\n]{0,100}?)\.\1"  # its marks (group 1) and its words (group 2)
_RUN_IN_HEADING = re.compile(r"(?:(?<=[.!?\]])[ \t]+|^[ \t]*(?:>[ \t]*)?)" + _BOLD_PHRASE + r"[ \t]+(?=[A-Z\d])", re.M)
# The same phrase as a paragraph of its own, above the text or the list it heads ("**A genomic
# breakthrough.**" over three bullets).
_BOLD_LINE_HEADING = re.compile(
    r"^[ \t]*" + _BOLD_PHRASE + r"[ \t]*\n(?=(?:[ \t]*\n)*[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|[A-Z]))", re.M
)
_RUN_IN_WORDS = 6
_WH_WORDS = frozenset({"what", "why", "how", "where", "when", "which", "who"})
_ITEM_MARK = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[-*+•])[ \t]")  # a list item's number or bullet
# A heading names its topic; a bold short sentence says something of it ("**KRAS-mutant lung
# adenocarcinoma is not a single disease.**"): English's auxiliaries and negation mark the sentence.
_SENTENCE_WORDS = frozenset(
    (
        "is are was were be been being am has have had do does did can could may might must shall should will would not"
    ).split()
)


# A run-in heading in capitals before a dash, as UpToDate and older journals set a section's first
# paragraph ("INTRODUCTION — Chronic cough, defined ...", "WHY TREATMENT OF COMMON CAUSES OFTEN FAILS — ..."):
# a heading line of its own over the paragraph.  An acronym ("HIV — ...") is too short to be one.
_CAPS_RUN_IN = re.compile(
    r"(?:^|(?<=\n\n))((?:[A-Z][A-Z0-9'&/,-]*[ \t]+){0,8}[A-Z][A-Z0-9'&/-]*)[ \t]+[—–][ \t]+(?=[A-Z(\"“])"
)
_CAPS_RUN_IN_LETTERS = 6


def _caps_run_in_headings(text: str) -> str:
    def heading(m: re.Match) -> str:
        title = m.group(1)
        return f"{title}\n\n" if sum(c.isalpha() for c in title) >= _CAPS_RUN_IN_LETTERS else m.group(0)

    return _CAPS_RUN_IN.sub(heading, text)


def _run_in_headings(text: str) -> str:
    """Each run-in bold heading as a heading line of its own, above the text it heads, named under the heading it
    sits in ("### 3.1 Nusinersen" / "**Mechanism.** ..." is "3.1 Nusinersen › Mechanism": each drug's mechanism
    under a section of its own, and the drug's name read with the claims)."""
    if "**" not in text and "__" not in text:
        return text
    return _headed_run_ins(_BOLD_LINE_HEADING, _headed_run_ins(_RUN_IN_HEADING, text))


def _headed_run_ins(pattern: re.Pattern[str], text: str) -> str:
    # The headings a run-in may sit in: "##" to "#####" ("#" is the document's title, "######" a run-in's own).
    parents = [(m.start(), m.group(2)) for m in _HEADING_LINE.finditer(text) if 2 <= len(m.group(1)) <= 5]
    starts = [start for start, _ in parents]

    def heading(m: re.Match) -> str:
        title = m.group(2).strip().removesuffix("\\")  # "__Table 1\\.__", Pandoc's escaped full stop
        words = title.split()
        if _ITEM_MARK.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start() + 1):
            return m.group(0)  # "1. **Altered target.** Sequencing ...": an item's lead-in; "1." ends no sentence
        # "**What is still missing.**", "**Why it matters.**": a heading may ask, auxiliaries and all.
        asks = words[0].lower() in _WH_WORDS
        if len(words) > _RUN_IN_WORDS or (not asks and _SENTENCE_WORDS.intersection(w.lower() for w in words)):
            return m.group(0)
        if _cites(title) or _CAPTION_LABEL.fullmatch(f"{title}."):
            return m.group(0)  # "**Table 1.** Selected mutations ..." labels a caption
        if k := bisect.bisect_right(starts, m.start()):
            title = f"{_plain_title(parents[k - 1][1])} › {title}"
        return f"\n\n###### {title}\n\n"

    return pattern.sub(heading, text)


# Text copied out of a PDF carries each page's running header or footer ("Journal of Ovarian
# Research 2024; 17: 112", "Varga et al.") and its page number, often mid-paragraph.  A line
# repeated at least three times that holds a number or "et al." is such furniture; so is a
# lone number next to one of them or standing between blank lines.
_FURNITURE_REPEATS = 3
# A journal's issue line ("Oncol Radiother Rev 2024;12:233-251", "J Clin Oncol 2019; 37: 100-110", "J. Fungi
# 2024, 10, 87", "Journal of Hazardous Materials 465 (2024) 133245") is furniture from its second time: a
# short paper has few pages, and no sentence or heading says it twice.
_ISSUE_LINE = re.compile(
    r"^\D{3,80}\b(?:19|20)\d{2}\s*(?:;\s*\d+\s*(?:\(\w+\))?\s*:\s*\w?\d+(?:\s*[-–]\s*\w?\d+)?"
    r"|,\s*\d+\s*,\s*\w?\d+)$"  # MDPI's "J. Fungi 2024, 10, 87"
    r"|^\D{3,80}\s\d{1,4}\s*\((?:19|20)\d{2}\)\s*\w?\d+(?:\s*[-–]\s*\w?\d+)?$"  # Elsevier's volume (year) pages
)
# The same line with the page's number set apart by a run of spaces, as a PDF's header is copied ("Respiratory
# Medicine Reviews 12 (2024) 45–58          47"): a page header the first time too.
_PAGED_ISSUE_LINE = re.compile(r"^(?:\d{1,4}[ \t]{3,})?(?P<issue>\S.*?\S)(?:[ \t]{3,}\d{1,4})?$")
_PAGE_NUMBER = re.compile(r"^[ \t]*(?:page[ \t]+)?\d{1,4}(?:[ \t]*(?:/|of)[ \t]*\d{1,4})?[ \t]*$", re.I)


def _page_key(line: str) -> tuple[str, ...] | None:
    """A header line's words without its numbers, in any order; None for a line that is no such header
    (no number, fewer than three other words, a sentence, a heading, an item, a row or a citation)."""
    words = line.split()
    if not any(re.search(r"\d", w) for w in words) or line.rstrip().endswith((".", ":", ";", ",")):
        return None
    if _HEADING_LINE.match(line) or _BULLET.match(line) or _TABLE_ROW.match(line) or _cites(line):
        return None
    rest = tuple(sorted(w for w in words if not re.search(r"\d", w)))
    return rest if len(rest) >= _PAGE_KEY_WORDS and len(set(rest)) == len(rest) else None


_PAGE_KEY_WORDS = 3


def _cuts_text(lines: list[str], i: int, counts: Counter) -> bool:
    """Line ``i`` stands inside a sentence: the text before it runs on after it, in lower case
    (lines repeated as often as a header, such as a section label under it, are skipped)."""
    before = next((line for line in reversed(lines[:i]) if line.strip()), "")
    after = next((line for line in lines[i + 1 :] if line.strip() and counts[line.strip()] < _FURNITURE_REPEATS), "")
    return bool(before) and not before.rstrip().endswith((".", "!", "?", ":")) and after.lstrip()[:1].islower()


def _paged_issue_line(line: str) -> bool:
    m = _PAGED_ISSUE_LINE.fullmatch(line)
    return bool(m) and m["issue"] != line and bool(_ISSUE_LINE.match(m["issue"]))


def _strip_page_furniture(text: str) -> str:
    """The text without page headers, footers and numbers; a paragraph they cut is one paragraph again."""
    lines = text.split("\n")
    counts = Counter(line.strip() for line in lines)
    repeated = {
        key
        for key, n in counts.items()
        if (n >= _FURNITURE_REPEATS or (n >= 2 and _ISSUE_LINE.match(key)) or _paged_issue_line(key))
        and len(key.split()) >= 2
        and (re.search(r"\d", key) or re.search(r"\bet al\b", key))
        and not (_HEADING_LINE.match(key) or _BULLET.match(key) or _TABLE_ROW.match(key) or CITE_GROUP.search(key))
    }
    # A running header whose page number changes ("www.thelancet.com/infection Vol 24 March 2024 e211",
    # "e212 www.thelancet.com/infection Vol 24 March 2024"): the same words on every page, the number moving.
    keys = [_page_key(line) for line in lines]
    paged = Counter(keys)
    # ... and it is a header only if it cuts a sentence somewhere ("has since" / header / "shown that"):
    # a reference list's "Clin Microbiol Infect, 16 (2010), pp. 527-532" repeats its words too.
    headers = {
        key for i, key in enumerate(keys) if key and paged[key] >= _FURNITURE_REPEATS and _cuts_text(lines, i, counts)
    }
    blank = [not line.strip() for line in lines]
    furniture = [line.strip() in repeated or keys[i] in headers for i, line in enumerate(lines)]
    # A header wrapped over lines ("... posted May 3, 2024. The copyright holder for this preprint" /
    # "(which was not certified by peer review) is the author/funder. ..."): a line repeated as
    # often that stands next to furniture is furniture.
    spread = True
    while spread:
        spread = False
        for i, line in enumerate(lines):
            if furniture[i] or blank[i] or counts[line.strip()] < _FURNITURE_REPEATS:
                continue
            if any(furniture[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)):
                furniture[i] = spread = True
    for i, line in enumerate(lines):
        if _PAGE_NUMBER.match(line):
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if any(furniture[j] for j in near) or all(blank[j] for j in near):
                furniture[i] = True
    if not any(furniture):
        return text
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not (furniture[i] or blank[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and (furniture[j] or blank[j]):
            j += 1
        if not any(furniture[i:j]):
            out += lines[i:j]
        else:
            before = out[-1].rstrip() if out else ""
            after = lines[j].lstrip() if j < len(lines) else ""
            # "... had a median" / page break / "progression-free survival of ...": one paragraph; and
            # "... with or without stereo-" / page break / "tactic body radiotherapy": one word, rejoined below.
            joins = re.search(r"[^\W\d_,]-?$|,$", before) and after[:1].islower() and not _HEADING_LINE.match(before)
            # "... in ST235 and" / page break / "ST111, hydrolyse ...": a line ending in a link word goes on.
            joins = joins or (bool(after) and before.rpartition(" ")[2] in _OPEN_WORDS)
            if not joins:
                out.append("")
        i = j
    return "\n".join(out)


# A word broken at the end of a line ("resis-" / "tant", "PARP-" / "trapping"), as in text
# copied out of a PDF.  What follows the hyphen starts the next line.
_BROKEN_WORD = re.compile(r"([\w-]*\w)-[ \t]*\n[ \t]*(?=(\w+))")
# ... or after a dash that joins two words, which keeps no space: "imipenem–" / "relebactam".
_BROKEN_AT_DASH = re.compile(r"(?<=\w)([–—])[ \t]*\n[ \t]*(?=[^\W\d_])")


# Small words that link the parts of a hyphenated compound ("mother-to-child", "state-of-the-art").
_COMPOUND_LINKS = frozenset({"to", "of", "the", "and", "in", "on", "by", "for", "a"})
# The words after a suspended hyphen ("four- to eightfold", "dose- and time-dependent", "pre- or post-"): a
# line break after the hyphen keeps its space.  Followed by a hyphen they are a compound's ("mother-to-child").
_SUSPENDING = frozenset({"to", "and", "or"})
# Words no sentence, heading or paragraph ends in: a line ending in one runs on to the next.
_OPEN_WORDS = _COMPOUND_LINKS | {"or", "an", "with", "from", "at", "as", "than"}


# A page break copied out of a PDF leaves a blank line inside a sentence: a wrapped paragraph whose last line ends
# in a word or a comma, then a line that goes on in lower case ("... interest in the hallmarks of" / "" / "ageing as
# therapeutic targets [2]."). A paragraph of one line (a heading, a title) or one ending in a mark stays apart.
_PAGE_BREAK = re.compile(
    r"(?<=\S\n)(?P<last>[ \t]*(?![-*+•][ \t]|\d{1,3}[.)][ \t])[^\s#|>][^\n]*?(?:[^\W\d_]-?|,))[ \t]*\n(?:[ \t]*\n)+"
    r"(?=[ \t]*[a-z]{2}[a-z-]*\b(?![.)]))"
)


def _join_page_breaks(text: str) -> str:
    """A paragraph a page break cut in two is one paragraph again."""
    return _PAGE_BREAK.sub(lambda m: m["last"] + "\n", text) if "\n\n" in text else text


def _rejoin_broken_words(text: str) -> str:
    """Join the words a line break split at a hyphen, keeping the hyphen only where it is part of the word.

    The document decides first: a form it writes elsewhere ("drug-resistant",
    or "resistant") is the word.  Otherwise the hyphen stays after a name or a
    number ("PARP-trapping", "1990-2000"), and between two English words whose
    joined form is no word ("drug-resistant", "long-term"), and it goes where the
    joined form is a word ("out-comes" -> "outcomes") or either part is none
    ("resis-tant" -> "resistant").  English words are the encoder's vocabulary.
    """
    if not re.search(r"[-–—][ \t]*\n", text):
        return text
    written = {w.casefold() for w in re.findall(r"\w+(?:-\w+)*", text)}

    def join(m: re.Match) -> str:
        before, after = m.group(1), m.group(2)
        if after in _SUSPENDING and m.string.startswith(" ", m.end() + len(after)):
            return "- "  # a suspended hyphen: "four-" / "to eightfold", "pre-" / "and post-treatment"
        head = before.rsplit("-", 1)[-1]
        if f"{before}-{after}".casefold() in written:
            return "-"
        if f"{before}{after}".casefold() in written:
            return ""
        if not (head.isalpha() and head.islower() and after.isalpha() and after.islower()):
            return "-"
        if "-" in before and head in _COMPOUND_LINKS:
            return "-"  # a compound broken after its link word: "serine-to-" / "phenylalanine", "end-of-" / "life"
        english = english_words()
        if f"{head}{after}" in english:
            return ""
        if "-" in before and after in english:
            return "-"  # a compound's next part: "ceftolozane-tazobactam-" / "resistant"
        return "-" if head in english and after in english else ""

    text = _BROKEN_AT_DASH.sub(r"\1", text)
    return _BROKEN_WORD.sub(lambda m: m.group(1) + join(m), text)


# --- sentences and clauses -------------------------------------------------------

# Boundaries the splitter misses: a full stop with no space before a capitalised
# word ("seen.Next"), and a one-letter name after a lower-case word before a new
# sentence ("lipid A. The", "influenza A. Influenza B", "penicillin G. A multicentre trial"; "Georg A.
# Goldfuss" is an initial, and an initial is never followed by the article "A" and a lower-case word).
_GLUED_END = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_LETTER_END = re.compile(r"\b([A-Za-z]+) ([A-Z])\.(?= ([A-Z][a-z]+|A(?= [a-z])))")
# pysbd knows "ph." as an abbreviation (of "phone"), so "the drop in pH. In a mortar ..." stayed one sentence: a
# "pH" in that case is the acidity, and its full stop before a capitalised word ends the sentence.  So does
# "ms." after a number, which pysbd reads as "Ms." ("each lasted about 25 ms. Even on Willow ..."); of the
# units after a number, only these two kept a sentence whole (checked over 33 common units, 2026-12-04).
_UNIT_END = re.compile(r"(?:(?<=\bpH\.)|(?<=\d ms\.)|(?<=\dms\.))(?=\s+[A-Z][a-z])")
# A genus written out and then abbreviated before the same word: "Salmonella Typhi ... resistant S. Typhi".
_WRITTEN_OUT = re.compile(r"\b([A-Z])[a-z]{3,} ([A-Za-z][a-z]+)\b")
_ABBREVIATED = re.compile(r"(?<![\w.])([A-Z])\. ([A-Za-z][a-z]+)\b")


def abbreviated_genera(text: str) -> frozenset[tuple[str, str]]:
    """(letter, word) for each genus the text abbreviates before a word it also writes out after it.

    After a lower-case word a capital with a full stop ends a sentence ("hepatitis B. Chronic ...",
    "lipid A. Moffatt ..."), but not in "resistant S. Typhi strains" when the text also writes
    "Salmonella Typhi": a serovar, unlike a species ("S. aureus"), starts with a capital.
    """
    written = {(m[1], m[2]) for m in _WRITTEN_OUT.finditer(text)}
    return frozenset((m[1], m[2]) for m in _ABBREVIATED.finditer(text) if (m[1], m[2]) in written)


# Words that start a new clause after a citation group that slipped past the comma.
_CLAUSE_JOIN = re.compile(r"(?:,\s*|;\s*|\s+)(?:while|whereas|although|though|but)\b|;", re.I)
# A bare "and" / "or" after a marker usually joins two nouns ("Whole-genome sequencing [17] and
# targeted sequencing can ..."), not two clauses: only a comma before it makes a clause boundary.
_CONTINUES_CLAUSE = re.compile(r"^\s*[,;:–—]|^\s+(?:but|while|whereas|although|though|yet)\b", re.I)
# A claim that opens with a pronoun or a demonstrative ("Its overexpression in
# astrocytes ...", "These enzymes ...") is searched with the statement before it
# in its section, which names what the pronoun stands for (Statement.antecedent).
# Connectives ("However", "In contrast") are left out: their claim names its own
# subject, and the longer text pushed one breast-cancer dev question down.
_ANAPHORIC_OPENING = re.compile(r"(?:it|its|this|these|those|they|their|them|such|both|the latter|the former)\b", re.I)
_CLOSING = re.compile(r"^[\s.!?)\]\"'”’*]*$")
# An author-year parenthesis right before a marker ("(Conroy et al.)[1]", "(Poplin et al., 2013)[5]",
# "(Smith and Jones, 2010)[4]"), and what makes the text after a marker a clause of its own.
_AUTHOR_YEAR_BEFORE = re.compile(
    r"\((?:[^()]*\bet\s+al\b\.?(?:,?\s*(?:19|20)\d{2}[a-z]?)?|[A-Z][^()]{0,40}?,?\s*(?:19|20)\d{2}[a-z]?)\)\s*$"
)
_NEW_CLAUSE_AFTER = re.compile(r"^\s*[,;]?\s*(?:while|whereas|although|though|but|yet|which|and|or)\b", re.I)
_CITES_AS_OBJECT = re.compile(
    r"(?:^|\b(?:as\s+(?:shown|reported|described|reviewed)|according))\s*(?:in|by|to)?\s*$"
    r"|\b(?:reported|described|shown)\s+(?:in|by|to)\s*$|^\W*(?:in|see|cf\.?)\s*$",
    re.I,
)
_EDGE = " \t,;:"
# Up to three words (after a "Label:" lead-in) and a comma before a marker: an item of a list ...
_LIST_ITEM_BEFORE = re.compile(r"(?:^|[:;]\s*)\W*(?:[^\s,;:]+\s+){0,2}[^\s,;:]+\s*,\s*$")
# ... unless a word that opens a clause follows it (``_NEW_CLAUSE_AFTER``: "PTEN was lost,[3] whereas").


@dataclass
class _Block:
    """A paragraph, list item or table row: markdown-free text and its markers."""

    text: str
    marks: list[tuple[int, tuple[int, ...]]]  # (offset in text, numbers)
    terms: tuple[str, ...] = ()
    kind: str = "paragraph"  # paragraph | item | row
    context: str = ""  # the lead-in a list item hangs from ("Future work should include:")
    indent: int = 0  # a list item's indentation (nested items are deeper)
    label: str = ""  # an item's bold lead-in that ends in a full stop ("**Altered target.** Sequencing ...")


@dataclass
class _Clause:
    text: str
    citations: tuple[int, ...]


@dataclass
class _Section:
    title: str
    level: int
    body: list[str] = field(default_factory=list)


def load_document(path: str | Path) -> Document:
    """Read and parse one document file.

    Args:
        path: A markdown or text file.

    Returns:
        The parsed document, named by its file name.

    Raises:
        CorpusError: The file cannot be read or holds no statement.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read document {path}: {exc}") from exc
    text, note = decode_text(data, path)
    document = parse_document(text, name=path.name)
    if note:
        document = replace(document, warnings=(f"{path.name}: {note}", *document.warnings))
    return document


def decode_text(data: bytes, path: Path | str = "") -> tuple[str, str]:
    """The text of a document file and a note on how it was read ("" for plain UTF-8).

    UTF-8 (a byte-order mark is dropped) and UTF-16 with its mark are read as
    such; other text, typically saved by a Windows editor, is read as
    Windows-1252 with a note; bytes that are not text (control bytes) are refused.
    """
    import codecs

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError as exc:
            raise CorpusError(f"cannot read document {path}: {exc}") from exc
    # NUL and other control bytes: an image, an archive, a PDF ... (such bytes are valid UTF-8 too)
    controls = sum(data.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13))
    if controls > len(data) // 100:
        raise CorpusError(f"cannot read document {path}: it is not a text file (binary data)")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not UTF-8; read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8; read as Latin-1"


def find_documents(corpus: str | Path) -> list[Path]:
    """The document files of a corpus: a single file, or a folder's text files (sorted)."""
    corpus = Path(corpus)
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise CorpusError(f"corpus not found: {corpus} (give a document file or a folder of them)")
    files = sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
    if not files:
        if folders := skipped_folders(corpus):
            raise CorpusError(
                f"no document in {corpus}, but its folder {file_names(folders, 3)} holds some: bcqa reads the"
                " documents of the folder it is given, not of the folders inside it; give that folder"
            )
        skipped = skipped_files(corpus)
        kinds = f" ({file_names(skipped, 3)} not read)" if skipped else ""
        raise CorpusError(f"no document in {corpus}{kinds}: put .md or .txt files there")
    return files


def file_names(paths: Sequence[Path], shown: int) -> str:
    """The first ``shown`` files' names, then " ..." when there are more: "paper.pdf, notes.docx ..."."""
    return first_few([p.name for p in paths], shown)


def first_few(names: Sequence[str], shown: int) -> str:
    """The first ``shown`` names joined with commas, then " ..." when there are more."""
    return ", ".join(names[:shown]) + (" ..." if len(names) > shown else "")


# Files beside the documents that are bcqa's own (its settings, ``settings.SETTINGS_FILE``, a module above this
# one) or no one's text: never reported as skipped.
_NOT_DOCUMENTS = frozenset({"bcqa.toml", "license", "licence", "readme", "notice"})


def skipped_files(corpus: str | Path) -> list[Path]:
    """The files of a corpus folder that bcqa does not read (a PDF, a Word file, a web page), so that
    a user hears why a paper they put there gives no answer; hidden files and the corpus's settings
    file are not listed."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        return []
    return sorted(
        p
        for p in corpus.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and p.suffix.lower() not in DOCUMENT_SUFFIXES
        and p.name.lower() not in _NOT_DOCUMENTS
        and p.stem.lower() not in _NOT_DOCUMENTS
    )


def skipped_folders(corpus: str | Path) -> list[Path]:
    """The folders inside a corpus folder that hold documents of their own: bcqa reads the folder it is
    given, not below it, so a user hears why "reviews/" gives no answer (hidden folders are not listed)."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        return []
    return sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith(".") and _holds_documents(p))


def _holds_documents(folder: Path) -> bool:
    try:
        return any(p.suffix.lower() in DOCUMENT_SUFFIXES and p.is_file() for p in folder.iterdir())
    except OSError:  # a folder the user may not list is none of bcqa's business
        return False


def parse_document(text: str, name: str = "document") -> Document:
    """Split a document into statements and references.

    Args:
        text: The whole document.
        name: Its file name; statement ids and references are namespaced by it.

    Returns:
        The statements in document order, the references by number, and
        warnings (uncited or missing references, repeated entries).

    Raises:
        CorpusError: There is no text, or no statement in it.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = strip_controls(text)  # NUL, escape sequences, bidi overrides: never words, never printed
    text = text.translate(_TYPOGRAPHY)
    # Each step undoes one way a tool wraps text, in the order they were applied to it.
    steps = (
        _lynx_dump,
        _mail_header,
        _mail_chrome,
        _medium_page,
        _blog_page,
        _bookshelf_page,
        _uptodate_page,
        _consensus_page,
        _medscape_page,
        _github_issue_page,
        _slack_thread,
        _reddit_thread,
        _qa_page,
        _substack_page,
        light_markup_to_markdown,
        _code_blocks,
        _web_page_chrome,
        _strip_line_numbers,
        _docs_export,
        _pandoc_typing,
        _spaced_headings,
        _article_type_label,
        _mdx_markup,
        _check_boxes,
        _other_bullets,
        html_to_markdown,
        _underscore_bold,
        _note_markup,
        _box_tables,
        _grid_tables,
        _simple_tables,
        _pipeless_tables,
        _display_math,
        _inline_math,
        _signature,
    )
    for step in steps:
        text = step(text)
    text = _rejoin_broken_words(_join_page_breaks(_strip_page_furniture(text)))
    text = _caps_run_in_headings(_run_in_headings(_one_paragraph_per_line(text)))
    # A PDF's keyword line right under the abstract, or its list of abbreviations under the byline, is a
    # paragraph of its own and no claim: "... management.\nKeywords: ...", "Ingrid M. Haugen\nAbbreviations: AMR, ...".
    text = _KEYWORDS_LINE.sub("\n\n", text)
    if not text.strip():
        raise CorpusError(f"{name}: the document is empty")
    front_title, text = _front_matter(text)
    if not front_title:
        front_title, text = _lead_title(text)
    text, named = _named_footnotes(text)
    text = _footnotes_per_line(text)
    footnotes = "\n".join(f"[{m.group(1)}] {m.group(2)}" for m in _FOOTNOTE.finditer(text))
    sections = _split_sections(_FOOTNOTE.sub("", text))
    # The title is the front matter's, or else the first top-level heading; every other
    # top-level heading ("Introduction" / "=====" under a YAML title) is a section.
    # A numbered one ("# 1 Introduction" of a word processor's export) is a section, never the title,
    # and so is the reference list's ("# Endnotes").
    top = [
        s
        for s in sections
        if s.level == 1 and s.title and not _SECTION_NUMBER.match(s.title) and not _REFERENCES_TITLE.match(s.title)
    ]
    title_section = next((s for s in top if _heading_key(s.title) == _heading_key(front_title or s.title)), None)
    if title_section is None and front_title and len(top) == 1 and any(s.level == 2 for s in sections):
        # A note app's export repeats the title as its one "#" heading, in other words ("DMTs" spelt
        # out), right under the front matter and above "##" sections: it is the title, not a section.
        # A heading of its own ("# Background", as Quarto writes a section under a YAML title) shares no word with it.
        first = next((s for s in sections if s.title or any(line.strip() for line in s.body)), None)
        title_section = top[0] if first is top[0] and _shares_a_word(top[0].title, front_title) else None
    title = front_title or (title_section.title if title_section else "")

    blocks, warnings = [], [f"{name}: {named}"] if named else []
    glossary = _glossary(
        [_GLOSSARY_END.split(" ".join(m["pairs"].split()), maxsplit=1)[0]] for m in _ABBREVIATIONS_LINE.finditer(text)
    )
    if footnotes:
        entries, problems = parse_reference_block(footnotes, document=name)
        blocks.append(entries)
        warnings += problems
    body_sections = []
    unnamed_list = None if footnotes else _unnamed_reference_list(sections, text)
    # Past the last reference list a page has only its own matter (the authors' affiliations, "Similar
    # articles", the site's menus and footer): a section there that cites nothing holds no claim.
    closing: set[int] = set()
    past_references = False
    for section in sections:
        bare = _HEADING_NUMBER.sub("", section.title)
        if (
            _REFERENCES_TITLE.match(bare.rstrip(":"))
            or (_NOTES_TITLE.match(bare.rstrip(":")) and _reference_shaped("\n".join(section.body)))
            or section is unnamed_list
        ):
            listed_text, reply = _text_after_list("\n".join(section.body))
            entries, problems = parse_reference_block(listed_text, document=name)
            blocks.append(entries)
            warnings += problems
            closing = set()
            past_references = True
            if reply is not None:
                reply, rest = reply
                body_sections.append(_Section("", 0, reply.split("\n")))
                if re.search(r"\w", rest):
                    excerpt = " ".join(rest.split())
                    excerpt = excerpt if len(excerpt) <= 60 else excerpt[:59] + "…"
                    warnings.append(f"{name}: text after the reference list ignored: {excerpt!r}")
        elif not _BACK_MATTER.match(bare):  # acknowledgements, funding: about the authors, not the subject
            body_sections.append(section)
            if past_references:
                closing.add(id(section))
        elif _ABBREVIATIONS_TITLE.match(bare.strip(" \t:")):
            glossary.update((k, v) for k, v in _glossary([section.body]).items() if k not in glossary)
    if not blocks and body_sections and (tail := _trailing_reference_list(body_sections)):
        body_sections[-1].body, entries = tail
        block, problems = parse_reference_block(entries, document=name)
        blocks.append(block)
        warnings += problems
    if footnotes and (notes := _notes_beside_list(blocks, text)):
        blocks[0] = [r for r in blocks[0] if r.number not in notes]
        for section in body_sections:
            section.body = _without_notes(section.body, notes)
        body_sections.append(_Section(_NOTES_SECTION, 1, [notes[n] for n in sorted(notes)]))
        if named and not blocks[0]:
            warnings.remove(f"{name}: {named}")  # no footnote is read as a reference
        first = " ".join(notes[min(notes)].split()[:6])
        warnings.append(
            f"{name}: {len(notes)} footnote(s) ('{first} ...') are notes beside the numbered reference list, not"
            f" references: their text is kept under {_NOTES_SECTION!r}, uncited"
        )
    listed = {r.number for block in blocks for r in block}
    markers, problems = _unbracketed_markers([line for s in body_sections for line in s.body], listed)
    warnings += [f"{name}: {problem}" for problem in problems]
    statements: list[Statement] = []
    seen_ids: dict[str, int] = {}
    sentence_no = 0
    genera = abbreviated_genera(text)  # the title and the reference list write genera out too
    # An uncited line that only repeats a heading ("Background" in a table of contents) is not a claim.
    headings = {_heading_key(s.title) for s in sections if s.title}
    past_list: list[str] = []  # sections after the reference list that held only uncited text
    for section in body_sections:
        first = len(statements)
        body = "\n".join(section.body)
        if markers is not None:
            body = markers(body)
        body = _inline_structure(body)
        label = section.title if section.level and section.title and section is not title_section else OVERVIEW
        for n, block in enumerate(split_blocks(body)):
            if n == 0 and section is title_section and _byline_block(block):
                continue  # "Ruth Alcott, Animal Health Epidemiology Unit — 14 March 2024" under the title
            if block.kind == "paragraph" and not block.marks and _POST_HEADER.fullmatch(block.text):
                continue  # a forum post's or a comment's header, "coastal_morph — Mar 13, 2024": who, and when
            if block.kind == "paragraph" and not block.marks and _COUNTS_ONLY.fullmatch(block.text):
                continue  # "1.2K 34", a page's claps and comments: no word, no claim
            for sentence in split_sentences(block, genera):
                sentence_no += 1
                for clause in sentence:
                    if not clause.citations and (
                        _heading_key(clause.text) in headings or _REFERS_ONLY.fullmatch(clause.text)
                    ):
                        continue
                    # A callout's emoji ("> 💡 Key point: ...") decorates it, as it does a heading.
                    if (bare := _strip_leading_pictographs(clause.text)) != clause.text:
                        if not bare:
                            continue
                        clause = replace(clause, text=bare)
                    sid = _statement_id(name, label, clause.text, seen_ids)
                    previous = statements[-1] if statements and statements[-1].section == label else None
                    statements.append(
                        Statement(
                            id=sid,
                            text=clause.text,
                            citations=clause.citations,
                            section=label,
                            position=len(statements),
                            terms=tuple(t for t in block.terms if t in clause.text),
                            sentence=sentence_no,
                            document=name,
                            context=block.context,
                            antecedent=previous.text if previous and _ANAPHORIC_OPENING.match(clause.text) else "",
                        )
                    )
        if id(section) in closing and not any(st.citations for st in statements[first:]):
            if len(statements) > first and section.title:
                past_list.append(section.title)
            del statements[first:]
    if past_list:
        # Said, so that an appendix of claims placed after the list is not lost without a word.
        warnings.append(
            f"{name}: {len(past_list)} section(s) after the reference list cite nothing and are read as the"
            f" page's own matter, not statements: {first_few([repr(t) for t in past_list], 3)}"
        )
    if not statements:
        raise CorpusError(f"{name}: no statements found; is this a review document with sentences?")
    references, problems = merge_reference_blocks(blocks, document=name)
    warnings += problems
    cited = {n for s in statements for n in s.citations}
    missing = sorted(cited - references.keys())
    if missing:
        listed = ", ".join(f"[{n}]" for n in missing)
        warnings.append(f"{name}: cited but not in the reference list: {listed}")
    warnings += [f"{name}: reference [{n}] is never cited" for n in sorted(references.keys() - cited)]
    return Document(
        name=name,
        statements=tuple(statements),
        references=references,
        sections=tuple(dict.fromkeys(s.section for s in statements)),
        warnings=tuple(warnings),
        title=title,
        glossary=tuple(glossary.items()),
    )


# A paper's list of its abbreviations is no claim, but each pair in it is the document's own definition, as
# "extracellular matrix (ECM)" in its text is: MDPI's lines ("N2O: Nitrous oxide"), Elsevier's paragraph
# ("AMR, antimicrobial resistance; MIC, minimum ..."), a run-in "Abbreviations: ...", a table's rows, and
# BMC's short form on a line over its long form.
_ABBREVIATIONS_TITLE = re.compile(r"^(?:list\s+of\s+)?abbreviations(?:\s+used)?$", re.I)
# The run-in label's pairs run to the paragraph's end or the first sentence after them.
_ABBREVIATIONS_LINE = re.compile(
    r"^\W*abbreviations(?:\s+used)?\s*[—–:]\s*(?P<pairs>\S.*(?:\n(?![ \t]*\n).+)*)", re.I | re.M
)
_GLOSSARY_PAIR = re.compile(
    r"^(?P<short>[^\s,:;=|]{1,15})[ \t]*(?:[,:=|\t]|[ \t][–—-][ \t])[ \t]*(?P<long>[^\W\d_][^;|]*?)[\s.]*$"
)
_GLOSSARY_END = re.compile(r"\.\s+(?![a-z])")  # "... concentration. 1. INTRODUCTION The ..."
_GLOSSARY_MARKUP = re.compile(r"^[ \t]*(?:[-*+•][ \t]+)?|[*_`]+")


def _glossary(lists: Iterable[Sequence[str]]) -> dict[str, str]:
    """Short form -> long form of each pair of lists of abbreviations, each given as its lines (the first
    definition wins).  A list with semicolons is one paragraph, maybe wrapped; without, a pair a line.  A
    short form has a capital or a digit and no space; a long form is up to ten words, the first starting
    with the short form's first letter."""
    entries: list[str] = []
    for lines in lists:
        lines = [_GLOSSARY_MARKUP.sub("", line).strip() for line in lines]
        # a table's row: "| ECM | extracellular matrix |"; its rule has no letter
        lines = [
            "\t".join(c.strip() for c in line.strip("|").split("|")) if line.startswith("|") else line for line in lines
        ]
        if any(";" in line for line in lines):
            paragraph = _GLOSSARY_END.split(" ".join(line for line in lines if line), maxsplit=1)[0]
            lines = paragraph.split(";")
        entries += [line.strip() for line in lines if line.strip()]
    out: dict[str, str] = {}
    pending = ""
    for entry in entries:
        m = _GLOSSARY_PAIR.match(entry)
        short, long = (m["short"], m["long"]) if m else (pending, entry) if pending else ("", "")
        pending = entry if not m and re.fullmatch(r"\S{1,15}", entry) else ""
        if (
            short
            and re.search(r"[A-Z0-9]", short)
            and re.search(r"[^\W\d_]", long)
            and len(long.split()) <= 10
            and (not short[0].isalpha() or long[0].casefold() == short[0].casefold())
            and short not in out
            and not pending
        ):
            out[short] = long.strip()
    return out


# --- sections -------------------------------------------------------------------

# A numbered list that ends the document under no "References" heading, as an assistant's
# answer is often copied: "... survival.[18] 1. Title. Authors. Journal. 2021;3:45. doi:..."
# Its "1." starts a line or follows a sentence's end.
_LIST_START = re.compile(r"(?:^|(?<=[.!?)\]*][ \t]))[ \t]*(?:\[1\]|1[.)])[ \t]+(?=\S)", re.M)
_MIN_UNHEADED_ENTRIES = 3
# What a reference entry holds and running text rarely does: a year, and a DOI, a web address,
# "et al." or a source's numbers ("2021;12(3):345", "14:1437542").
_ENTRY_YEAR = re.compile(r"(?<![\w.])(?:1[89]|20)\d{2}(?![\w.])")
_ENTRY_SOURCE = re.compile(r"\b10\.\d{4,9}/|https?://|\bet al\b|\d\s*\(\s*\d+\s*\)|\d{4}\s*;|\b\d+\s*:\s*[\de]")


# A blog's rendered footnotes under "Notes" ("1. Turner NC, et al. ... 2015;373:209-219. ↩") are its
# reference list when they read as one; notes in prose stay text.
_NOTES_TITLE = re.compile(r"^(?:foot)?notes$", re.I)


def _unnamed_reference_list(sections: list[_Section], text: str) -> _Section | None:
    """The reference list under a heading of the writer's own words ("Sources consulted", "Appendix:
    References", "Studies cited"): in a document that cites numbers and names no reference list, the last
    section whose body is entries numbered 1, 2, 3 ... that hold a year and a source."""
    if not CITE_GROUP.search(text):
        return None
    if any(_references_heading(s.title) for s in sections):
        return None
    shaped = [s for s in sections if s.title and _only_entries("\n".join(s.body))]
    return shaped[-1] if shaped else None


def _only_entries(text: str) -> bool:
    """``_reference_shaped``, with no text before the first entry (a section of prose that ends in an
    unheaded list is prose)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    return bool(_FIRST_ENTRY.match(re.sub(r"^[ \t]*[-*+][ \t]+", "", first))) and _reference_shaped(text)


_NOTES_SECTION = "Notes"
# A footnote written "[^3]" where the reference list already numbers its own entries 1, 2, 3 ...
_CARET_DEFINITION = re.compile(r"^[ \t]*\[\^(\d{1,4})\]:[ \t]*(.+)$", re.M)


def _notes_beside_list(blocks: list[list[Reference]], text: str) -> dict[int, str]:
    """The footnotes (``blocks[0]``) that are a writer's notes, not references, by number: defined "[^n]:" as a
    word processor's footnote is, under a number the document's numbered reference list also gives an entry,
    and with no year and source of their own ("[^1]: Estimates vary with the definition of shift work ...").
    Pandoc writes a Word file's footnotes so beside its endnote-style reference list; read as references, the
    note took reference 1's place."""
    listed = {r.number for block in blocks[1:] for r in block}
    carets = {int(m[1]) for m in _CARET_DEFINITION.finditer(text)}
    return {
        r.number: r.raw
        for r in blocks[0]
        if r.number in carets and r.number in listed and not (_ENTRY_YEAR.search(r.raw) and _ENTRY_SOURCE.search(r.raw))
    }


def _without_notes(lines: list[str], notes: dict[int, str]) -> list[str]:
    """The lines with their note marks ("hours.^2^[^1]") taken out: a note is no citation."""
    mark = re.compile(r"\[\^(?:" + "|".join(map(str, notes)) + r")\]")
    return [mark.sub("", line) for line in lines]


def _shares_a_word(a: str, b: str) -> bool:
    """Whether two titles share a word of four letters or more ("interferon" of two wordings of one title)."""
    words = [{w for w in re.findall(r"[^\W\d_][\w-]{3,}", t.lower())} for t in (a, b)]
    return not words[0].isdisjoint(words[1])


def _reference_shaped(text: str) -> bool:
    """Entries numbered 1, 2, 3 ... (three or more), most of them with a year and a source."""
    entries, _ = parse_reference_block(text)
    return _numbered_from_one(entries) and _mostly_shaped(entries)


def _numbered_from_one(entries: list[Reference]) -> bool:
    numbers = [r.number for r in entries]
    return len(numbers) >= _MIN_UNHEADED_ENTRIES and numbers == list(range(1, len(numbers) + 1))


def _mostly_shaped(entries: list[Reference]) -> bool:
    """Most entries hold a year and a source, as references do."""
    shaped = sum(bool(_ENTRY_YEAR.search(r.raw) and _ENTRY_SOURCE.search(r.raw)) for r in entries)
    return 2 * shaped >= len(entries)


def _trailing_reference_list(sections: list[_Section]) -> tuple[list[str], str] | None:
    """(the last section's lines before it, the list) when the last section ends in an unheaded
    reference list, else None.

    The list is the last run 1, 2, 3 ... (three or more entries) going on to the end whose entries
    mostly look like references, and the numbers cited in brackets before it (in any section) are
    mostly its own: a numbered list of findings is not taken for one.
    """
    text = "\n".join(sections[-1].body)
    earlier = "\n".join(line for s in sections[:-1] for line in s.body)
    # A "1." after a run-in "References:" starts the list whatever comes before it, even where a
    # sentence's last group opens with [1] ("... benefit. [1] [23] Future studies ... References: 1.").
    # Only the 200 characters before a "1." are read ("\0" keeps "^" off a cut).
    tail = lambda at: text[:at] if at <= 200 else "\0" + text[at - 200 : at]  # noqa: E731
    titled = [m.start() for m in _ENTRY_ONE.finditer(text) if _references_title_run_on(tail(m.start()))]
    starts = [m.start() for m in _LIST_START.finditer(text)]
    for start in [*reversed(titled), *(s for s in reversed(starts) if s not in titled)]:
        entries, _ = parse_reference_block(text[start:])
        if not _numbered_from_one(entries):
            continue
        numbers = [r.number for r in entries]
        cited = {n for g in CITE_GROUP.findall(f"{earlier}\n{text[:start]}") for n in parse_citation_group(g)}
        if not _mostly_shaped(entries) or not cited or 2 * len(cited & set(numbers)) < len(cited):
            return None
        before = text[:start].rstrip()
        # Its title run into the line, in bold or plain: "... goal. **References** [1] Gorre ME, ...".
        if title := _references_title_run_on(before):
            before = before[: title.start()].rstrip()
        return (before.split("\n"), text[start:]) if before.strip() else None
    return None


# The last words of a line after a sentence's end, bold or plain: a title run into the line.
_RUN_ON_TITLE = re.compile(r"(?:(?<=[.!?\]])[ \t]+|^[ \t]*)(?:\*\*|__)?([A-Za-z][\w ]{0,40}?:?)(?:\*\*|__)?[ \t]*$")
_ENTRY_ONE = re.compile(r"(?:\[1\]|(?<!\d)1[.)])[ \t]+(?=\S)")


def _references_title_run_on(before: str) -> re.Match | None:
    """The references title run into the end of ``before`` ("... refractory. References:"), or None."""
    title = _RUN_ON_TITLE.search(before)
    return title if title and _REFERENCES_TITLE.match(title.group(1).rstrip(":")) else None


# A YAML block at the very top ("---" / "title: ..." / "---", as Pandoc, Jekyll or Obsidian
# write it) is about the document: its title is the document's, the rest is no claim.
# YAML between "---" lines, or TOML between "+++" lines as Hugo writes it ('title = "..."').
_FRONT_MATTER = re.compile(
    r"\A[ \t]*(?:---[ \t]*\n((?:[^\n]*\n){1,80}?)[ \t]*(?:---|\.\.\.)|\+\+\+[ \t]*\n((?:[^\n]*\n){1,80}?)[ \t]*\+\+\+)"
    r"[ \t]*(?:\n|\Z)"
)
_YAML_LINE = re.compile(r"^(?:[ \t]*#.*|[\w][\w .-]*:(?:[ \t].*)?|[ \t]+\S.*|[ \t]*-[ \t].*|[ \t]*)$")
_TOML_LINE = re.compile(r"^(?:[ \t]*#.*|[\w][\w.-]*[ \t]*=[ \t]*\S.*|\[[\w.]+\]|[ \t]+\S.*|[ \t]*)$")
_YAML_TITLE = re.compile(r"^title[ \t]*[:=][ \t]*(.*\S)[ \t]*$", re.M)


# MultiMarkdown's metadata: "Key: value" lines from the first line to the first blank one, a title among
# them ("Title: ..." / "Author: ..." / "Base Header Level: 2"), as Scrivener compiles a project.
_MMD_TITLE = re.compile(r"^title[ \t]*:[ \t]*(.*\S)[ \t]*$", re.M | re.I)
_MMD_METADATA = re.compile(r"\A(?:[A-Za-z][\w -]{0,30}:[ \t]*[^\n]*\n(?:[ \t]+\S[^\n]*\n)*){2,40}(?:[ \t]*\n|\Z)")


def _lead_title(text: str) -> tuple[str, str]:
    """(title, text without it) when a markdown document opens with a plain title block above its first
    heading: a converted word processor's Title paragraph, its authors and affiliation under it, as mammoth
    writes a .docx whose Title style has no heading ("Hypomethylating agent failure in MDS" / "Clare M.
    Hollis, ..." / "# Abstract").  ("", text) otherwise."""
    starts = [m.start() for m in (_HEADING_LINE.search(text), _UNDERLINED_HEADING.search(text)) if m]
    if not starts or min(starts) == 0:
        return "", text
    first = min(starts)
    lines = text[:first].split("\n")
    if sum(1 for line in lines if line.strip()) > _AUTHOR_LINES:
        return "", text
    found = _title_block([unescape_markdown(line) for line in lines] + [""], {})
    start = next((i for i, mark in found.items() if mark == "="), None)
    # Under the authors, the affiliation may stand in a paragraph of its own: as short, and no sentence.
    if start is None or any(
        line.strip() and i not in found and (i < start or not _byline_like(unescape_markdown(line)))
        for i, line in enumerate(lines)
    ):
        return "", text
    title = " ".join(unescape_markdown(lines[i]).strip() for i in sorted(found) if found[i] in "=&")
    if _INNER_SENTENCE_END.search(title):
        return "", text  # "A is higher.¹ B is lower¹": sentences, not a title
    return _plain_title(title), "\n" * len(lines[:-1]) + text[first:]


_INNER_SENTENCE_END = re.compile(r"[.!?]\S*\s+[A-Z]")


def _front_matter(text: str) -> tuple[str, str]:
    """(title, text without the front matter); ("", text) when there is none."""
    m = _FRONT_MATTER.match(text)
    if not m and (meta := _MMD_METADATA.match(text)) and (title := _MMD_TITLE.search(meta.group(0))):
        return _plain_title(title.group(1)), "\n" * meta.group(0).count("\n") + text[meta.end() :]
    if not m:
        return "", text
    body, line_shape = (m.group(1), _YAML_LINE) if m.group(1) is not None else (m.group(2), _TOML_LINE)
    if not all(line_shape.match(line) for line in body.split("\n")):
        return "", text
    title = _YAML_TITLE.search(body)
    value = title.group(1).strip("'\"") if title else ""
    return _plain_title(value), "\n" * m.group(0).count("\n") + text[m.end() :]


def _split_sections(text: str) -> list[_Section]:
    """Cut the text at headings.

    Markdown headings (``## Title``, and underlined ``Title`` / ``=====``),
    inline ones in one-line markdown, and, in plain text, a short line standing
    alone between blank lines.  A line that only says "References" (or
    "REFERENCES", "Bibliography:" ...) always starts the reference list.
    """
    lines = text.split("\n")
    plain = _plain_heading_lines(lines)
    lower = _lower_case_words(text)
    sections = [_Section(OVERVIEW, 0)]
    for i, line in enumerate(lines):
        if plain.get(i) == "+":  # a subtitle line under the title
            sections[-1].title = f"{sections[-1].title} — {_plain_title(line.strip())}"
            continue
        if plain.get(i) == "&":  # the title, wrapped
            sections[-1].title = f"{sections[-1].title} {_plain_title(line.strip())}"
            continue
        if plain.get(i) == "~":  # an author or date line under the title
            continue
        if i in plain:
            # An underlined "====" title, or a plain-text document's first line, is its title.
            first = plain[i] == "?" and not any(line.strip() for line in lines[:i])
            level = 1 if plain[i] == "=" or first else 2
            # A title's colon stays when its subtitle runs on under it ("... Bleaching:" / "Symbionts, ...").
            heading = lines[i].strip() if plain.get(i + 1) == "&" else lines[i].strip().rstrip(":")
            sections.append(_Section(_plain_title(heading), level))
            continue
        if i - 1 in plain and _SETEXT.match(line):
            continue  # the underline of the heading above
        m = _HEADING_LINE.match(line)
        if (
            m
            and len(line) <= _MAX_HEADING_LINE
            and not _INLINE_HEADING.search(line, m.end(1))
            and not _RUN_ON_HEADING.search(line, m.end(1))
        ):
            sections.append(_Section(_plain_title(m.group(2)), len(m.group(1))))
            continue
        if m:  # one-line markdown that starts with a heading
            line = " " + line.lstrip()
        pieces = _INLINE_HEADING.split(line)
        sections[-1].body.append(pieces[0])
        for hashes, rest in zip(pieces[1::2], pieces[2::2]):
            while True:
                title, consumed = _inline_title(rest, lower)
                sections.append(_Section(title, len(hashes), [rest[consumed:]]))
                # A subheading right under it, with no text between: "## Mechanisms ### Porin Loss ...".
                sub = re.match(r"[ \t]*(#{1,6})[ \t]+", rest[consumed:])
                if not sub:
                    break
                hashes, rest = sub.group(1), rest[consumed + sub.end() :]
                sections[-1].body = []
    return [s for s in sections if s.level or any(line.strip() for line in s.body)]


_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
# The longest author or date line a plain-text title block may hold.
_BYLINE_WORDS = 25
# What marks a line as a byline rather than a subtitle: a year, an e-mail address or an initialled name.
_BYLINE = re.compile(r"\b(?:19|20)\d{2}\b|@|\b[A-Z]\.[ \t]?[A-Z][a-z]")
_STANDALONE = re.compile(r"^[ \t]*[^\s#|>*+\-•].{0,100}$")
# A line that an underline makes a heading (a setext heading): not a bullet, a quote, a row or an "#"
# heading; bold is fine ("**6. Summary table**" / "-----"), and so is a number ("1. Introduction" / "-----",
# as a converter that does not escape it writes it).
_UNDERLINED_TEXT = r"[ \t]{0,3}(?![-*+•][ \t]|[#|>])\S"
_UNDERLINED = re.compile(rf"^{_UNDERLINED_TEXT}(.*)$")
# The first such heading after a blank line ("Abstract" / "========", as markdownify writes one), where a title
# block above it ends (``_lead_title``).
_UNDERLINED_HEADING = re.compile(rf"(?:\A|(?<=\n\n)){_UNDERLINED_TEXT}[^\n]*\n[ \t]{{0,3}}(?:=+|-+)[ \t]*$", re.M)
_UNDERLINED_LENGTH = {"=": 300, "-": 100}  # "=====" makes any line a title; "-----" may be a rule under a sentence


def _underlined_title(line: str, underline: str) -> bool:
    m = _UNDERLINED.match(line)
    return bool(m) and len(m.group(1)) <= _UNDERLINED_LENGTH[underline] and not _TABLE_ROW.match(line)


def _plain_heading_lines(lines: list[str]) -> dict[int, str]:
    """Line numbers of headings that carry no ``#``: index -> "=" / "-" (underlined) or "?" (plain text).

    A short line standing alone (blank lines around it, no closing punctuation,
    no citation) is a heading only when the document has no ``#`` heading at
    all: in markdown such a line is just a short paragraph.
    """
    found: dict[int, str] = {}
    blank = lambda j: j < 0 or j >= len(lines) or not lines[j].strip()  # noqa: E731
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    hashed = any(_HEADING_LINE.match(line) for line in lines)
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and _REFERENCES_TITLE.match(line.strip()) and _FIRST_ENTRY.match(nxt):
            found[i] = "-"  # "References" right above "1 Hemingway J, ..." even in a PDF's unbroken text
            continue
        if not line.strip() or not blank(i - 1):
            continue
        underline = _SETEXT.match(nxt)
        if underline and _underlined_title(line, underline.group(1)[0]):
            found[i] = underline.group(1)[0]
        elif _references_heading(line) and (
            blank(i + 1) or _ENTRY_START.match(nxt) or (_ENTRY_YEAR.search(nxt) and _ENTRY_SOURCE.search(nxt))
        ):
            found[i] = "-"  # "References", alone or right above its first entry, numbered or not
        elif (
            blank(i + 1)
            and i == first
            and _bold_heading(line, _TITLE_WORDS)
            and (not _bold_heading(line) or (hashed and len(line.split()) >= _BOLD_TITLE_MIN_WORDS))
        ):
            # A bold line that opens the document, longer than a heading, or of a few words above "#" headings (an
            # assistant's answer: "**Machine-Learning Detection of Ransomware: What the Research Shows**" / "###
            # Why behaviour beats signatures"; "**Abstract**" over them is a section): its title
            found[i] = "="
        elif blank(i + 1) and _bold_heading(line):
            found[i] = "-"
    if hashed or len(lines) < 3:
        return found
    found.update(_title_block(lines, found))
    heading = lambda j: _looks_like_heading(  # noqa: E731
        lines[j], 10, numbered=bool(_BULLET.match(lines[j])) and _numbered_heading(lines, j)
    )
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        # In a PDF's text with no blank lines, a heading stands between the sentence that ends above
        # it and the paragraph right under it ("... management strategy." / "Introduction" / "Long-...").
        after_sentence = (
            i > 0
            and bool(_SENTENCE_END.search(lines[i - 1]))
            and _right_above_its_text(line, nxt, numbered=_numbered_heading(lines, i))
        )
        if i in found or not (blank(i - 1) or found.get(i - 1) == "?" or after_sentence):
            continue
        if _BACK_MATTER.match(line.strip()):
            # "Availability of data and materials" / "Not applicable.": back matter, whatever is under it.
            found[i] = "?"
            continue
        if _ENTRY_YEAR.search(line) and _ENTRY_SOURCE.search(line):
            continue  # "Olaitan AO (2014) Mechanisms of polymyxin resistance. Front Microbiol 5:643": an entry
        # A heading over a sub-heading over its text ("Results and Discussion" / "The Q148 pathway" / ...,
        # "4. Mechanisms of resistance" / "4.1. Loss of HLA class I antigen presentation" / ...).
        numbered_sub = i + 1 < len(lines) and _numbered_heading(lines, i + 1)
        over_subheading = (
            i + 2 < len(lines)
            and len(nxt.split()) <= (_NUMBERED_HEADING_ABOVE_WORDS if numbered_sub else _HEADING_ABOVE_WORDS)
            and _right_above_its_text(nxt, lines[i + 2], numbered=numbered_sub)
            and heading(i + 1)
        )
        below = list(itertools.takewhile(lambda j: not blank(j), range(i + 2, i + 4)))
        # ... or stacked on it alone, the two between blank lines ("Medication" / "Medication Summary").
        over_subheading = over_subheading or (
            not blank(i + 1)
            and blank(i + 2)
            and max(len(line.split()), len(nxt.split())) <= _HEADING_ABOVE_WORDS
            and not _CAPTION_LABEL.match(line.strip())
            and heading(i + 1)
        )
        above = blank(i + 1) or _right_above_its_text(
            line, nxt, numbered=_numbered_heading(lines, i), rest=[lines[j] for j in below]
        )
        colon = blank(i + 1) and _colon_heading(line)  # "Why Vasopressors Stop Working:" alone on its line
        if ((above or over_subheading) and heading(i)) or colon:
            found[i] = "?"
    found.update(_numbered_in_sequence(lines, found, heading))
    return found


def _colon_heading(line: str) -> bool:
    """ "Why Vasopressors Stop Working:" alone on its line, in Title Case: a heading (a list's lead-in,
    "The main causes are:", is a sentence)."""
    text = line.strip()
    if not text.endswith(":") or len(text.split()) > _HEADING_ABOVE_WORDS + 2:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[:-1])
    return bool(words) and all(w[0].isupper() for w in words if len(w) > 3) and _looks_like_heading(text[:-1])


def _number_key(line: str) -> tuple[int, ...] | None:
    m = re.match(r"[ \t]*(\d{1,2}(?:\.\d{1,2})*)\.?[ \t]+\S", line)
    return tuple(int(n) for n in m.group(1).split(".")) if m else None


def _references_heading(line: str) -> bool:
    """Whether a heading line names the reference list: "References", "3. References", "REFERENCES:"."""
    return bool(_REFERENCES_TITLE.match(_HEADING_NUMBER.sub("", _plain_title(line).rstrip(":"))))


def _numbered_in_sequence(lines: list[str], found: dict[int, str], heading) -> dict[int, str]:
    """Numbered heading lines that continue the document's numbering ("7.4 Israel" ... "8 Management with
    multisite fungicides and biologicals"), at a paragraph's start, even when the first line of their
    text is hardly wider than they are."""
    out: dict[int, str] = {}
    last: tuple[int, ...] | None = None
    for i, line in enumerate(lines):
        key = _number_key(line)
        if i in found:
            # Under "References" ("3. References", "REFERENCES"), a numbered line is an entry, however its
            # number follows the headings' ("4. Doe J, Roe K. Title ..." wrapped onto a second line).
            last = None if _references_heading(line) else key or last
            continue
        if key is None or last is None or not _continues(last, key):
            continue
        opens = i > 0 and (not lines[i - 1].strip() or _SENTENCE_END.search(lines[i - 1]))
        if opens and len(line.split()) <= _NUMBERED_HEADING_ABOVE_WORDS and heading(i):
            out[i] = "?"
            last = key
    return out


def _continues(last: tuple[int, ...], key: tuple[int, ...]) -> bool:
    """Whether section number ``key`` comes right after ``last``: its first subsection, its next sibling,
    or the next at a higher level (2.3 -> 2.3.1, 2.4 or 3)."""
    if key == (*last, 1):
        return True
    return any(key == (*last[:k], last[k] + 1) for k in range(len(last)))


_SUBTITLED_HEADING_ABOVE_WORDS = 10
_SPACED_DASH = re.compile(r"\S[ \t]+[–—][ \t]+\S")


def _right_above_its_text(line: str, nxt: str, numbered: bool = False, rest: Sequence[str] = ()) -> bool:
    """A short heading with its paragraph on the very next line ("Introduction" / "More than 29
    million people ..."): the next line opens a sentence and is far longer.  The first line of a
    hard-wrapped paragraph is as long as the lines under it, so it never qualifies.  A numbered
    heading ("3. TP53 mutation and the DNA damage response") may be longer and nearer its text's width.
    ``rest``: the lines under the next one, in its block.  When the next line is a lead-in ending in a colon
    ("Guideline panels cite several lines of evidence:"), the widest of them all is the text's width: the
    lead-in is a sentence of its own, as short as it likes, over the items it introduces."""
    if (item := _BULLET.match(nxt)) and not nxt.lstrip()[:1].isdigit():
        nxt = item.group(2)  # a heading right above its list ("Part 4 – Surgical options" / "• In the ...")
        nxt = box.group(2) if (box := _TASK.match(nxt)) else nxt  # ... or its task list ("- [ ] Ask ...")
    if numbered:
        short, wider = len(line.split()) <= _NUMBERED_HEADING_ABOVE_WORDS, 1.3
    else:
        # "Dicamba, 2,4-D and fluroxypyr: the auxin problem", "Chromosomal fosA – why Klebsiella MICs run high": a
        # title and its subtitle may run longer.
        subtitled = ":" in line.strip()[:-1] or _SPACED_DASH.search(line)
        words = _SUBTITLED_HEADING_ABOVE_WORDS if subtitled else _HEADING_ABOVE_WORDS
        short, wider = len(line.split()) <= words, 2
    width = max(len(text.strip()) for text in (nxt, *(rest if nxt.rstrip().endswith(":") else ())))
    opens = nxt.lstrip().lstrip("(")[:1]  # "TRANSCRIPT" / "(Machine transcript, lightly edited ...)"
    return short and opens.isupper() and width >= wider * len(line.strip())


_HEADING_ABOVE_WORDS = 6
_NUMBERED_HEADING_ABOVE_WORDS = 10
# A line that ends a sentence, its marker after it: "... resistance.", "... pressure.5", "... higher.[4]",
# "... in detail.⁹,¹⁶".
_SENTENCE_END = re.compile(
    rf"[.?!](?:\d{{1,3}}(?:[,–-]\d{{1,3}})*|\[[^\]\n]*\]|{_SUP_ITEM}(?:\s?[,⸴˒]\s?{_SUP_ITEM})*)?[ \t]*$"
)


# A paragraph that is one bold phrase ("**Introduction**") is a heading, in
# markdown as in plain text; one that ends in a colon ("**Key points:**") is
# the lead-in of what follows.
_NUMBERED_BOLD_WORDS = 16
_BOLD_LINE = re.compile(r"^[ \t]*(\*\*|__)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1[ \t]*$")


# A name in italics inside a bold line: "**Echinocandin resistance in *Candida glabrata*: key points**".
_ITALIC_IN_BOLD = re.compile(r"(?<!\*)\*(?!\*)([^*\n]+?)(?<!\*)\*(?!\*)")


# A bold line in italics too: "***Mechanisms***", "**_Mechanisms_**", "_**Mechanisms**_", its marks
# closing in the reverse order of their opening.
_BOLD_ITALIC_LINE = re.compile(r"^([ \t]*)([*_]{3})(?=\S)([^*_\n]{1,200}?)(?<=\S)([*_]{3})[ \t]*$")
_BOLD_ITALIC_MARKS = frozenset(("***", "___", "**_", "__*", "_**", "*__"))


def _bold_heading(line: str, max_words: int = 10) -> bool:
    italic = _BOLD_ITALIC_LINE.match(line)
    if italic and italic.group(2) in _BOLD_ITALIC_MARKS and italic.group(4) == italic.group(2)[::-1]:
        line = f"{italic.group(1)}**{italic.group(3)}**"
    m = _BOLD_LINE.match(_ITALIC_IN_BOLD.sub(r"\1", line) if line.count("*") > 4 else line)
    # A numbered one may be longer: "**2. Clinical context: CROSS and the meaning of pathological complete response**".
    numbered = bool(m) and _SECTION_NUMBER.match(m.group(2)) is not None
    return (
        bool(m)
        and len(m.group(2).split()) <= (max(max_words, _NUMBERED_BOLD_WORDS) if numbered else max_words)
        and m.group(2)[-1] not in ".?!;:,"
        and not _cites(line)
    )


# The first line of a reference entry: "[1] ...", "1. ...", "1) ...", "(1) ...", "[1]. ..." as some
# exports number them, and "1 - ..." as a newsletter does.
_FIRST_ENTRY = re.compile(r"^[ \t]*(?:\[1\]\.?|\(1\)|1[.)]?|1[ \t]+[-–—])(?:[ \t]+[^\W\d_]|[ \t]*$)")
_ENTRY_START = re.compile(r"^[ \t]*(?:\[\d{1,4}\]\.?|\(\d{1,4}\)|\d{1,4}[.)]|\d{1,4}[ \t]+[-–—])(?:[ \t]+\S|[ \t]*$)")


def _looks_like_heading(line: str, max_words: int = 12, numbered: bool = False) -> bool:
    """Short, capitalised or numbered, no closing punctuation, no citation; ``numbered``: "1. Background" may pass."""
    words = line.split()
    return (
        0 < len(words) <= max_words
        and bool(_STANDALONE.match(line) or (max_words > 12 and _STANDALONE.match(line[:100])))
        and (numbered or not _BULLET.match(line))
        and line.rstrip()[-1] not in ".?!;:,"
        and not _cites(line)
        and _opens_like_a_heading(line)
        and not _CAPTION.match(line)  # "Table 1" alone on its line labels a caption
        and not _tab_cells(line)  # "Isolate\tOrigin\tPhenotype": a table's header row
        and not LINK_LABEL_LINE.match(line)  # "Article  CAS  PubMed  Google Scholar" under a reference
        and not _legend(line)  # "TMP-SMX trimethoprim-sulfamethoxazole" under a table
        and not _CITING_STOP.search(line)  # "Tumours resist drugs.1 Cells pump them out.2,3": sentences
    )


def _opens_like_a_heading(line: str) -> bool:
    """The line's first word, after any emoji or ornament ("🧬 Taxonomy and subspecies"), opens with a capital or
    a digit, or is a symbol that keeps its lower case ("c-MET and HGF signalling", "mRNA vaccines", "β-lactamases
    and extended-spectrum resistance"): a capital or a digit inside it, or a Greek letter first."""
    words = line.split()
    emoji = all(unicodedata.category(c) == "So" or c in "\ufe0f\u200d" for c in words[0])
    word = words[1] if len(words) > 1 and emoji else words[0]
    return (
        word[0].isupper()
        or word[0].isdigit()
        or bool(re.match(r"[\u03b1-\u03c9][-\w]", word) and word[1] != "_")
        or (word[0].isalpha() and any(c.isupper() or c.isdigit() for c in word))
    )


# A sentence's end with a superscript marker glued to it, flattened by a PDF's copy or not, before the next
# sentence or the line's end ("drugs.1 Cells", "out.2,3", "mutate.4–6", "drugs.¹ Cells"): no heading holds one.
_CITING_STOP = re.compile(
    rf"[a-z]{{2}}[.!?,;:][0-9{SUPERSCRIPT_DIGITS}][0-9{SUPERSCRIPT_DIGITS},–\-\u207b]*(?=\s+[A-Z]|\s*$)"
)


# A table's legend of abbreviations, with or without a colon or comma ("TMP-SMX trimethoprim-sulfamethoxazole;
# MIC, minimum inhibitory concentration"): each short form's letters begin the words of its long form.
_LEGEND_ENTRY = re.compile(r"^[ \t]*(\S*[A-Z]\S*?)[,:]?[ \t]+(\S.*?)[ \t]*$")


def _legend(line: str) -> bool:
    entries = [part for part in re.split(r"[;.][ \t]*", line) if part.strip()]
    if not entries:
        return False
    for entry in entries:
        m = _LEGEND_ENTRY.match(entry)
        short, long = m.groups() if m else ("", "")
        if sum(c.isupper() for c in short) < 2 or not long[:1].islower() or abbreviation_of(short, long) != long:
            return False
    return True


def _tab_cells(line: str) -> bool:
    """The line is cells set apart by tabs; "1.\tIntroduction", a numbered heading, is not."""
    cells = [cell for cell in line.strip().split("\t") if cell.strip()]
    return len(cells) >= 2 and not _HEADING_NUMBER.match(cells[0].strip() + " ")


def _title_block(lines: list[str], found: dict[int, str]) -> dict[int, str]:
    """A plain-text document's opening paragraph of a title line and up to three more: its title,
    subtitle and byline.

    "Vaccine Hesitancy: Determinants and Interventions" over "A Literature
    Review" is one title ("=" for the first line, "+" for each heading-like
    line that continues it), not an uncited claim; an author or date line
    under it ("Miriam Okafor, Lukas Brandt, ..., 14 March 2025") is about the
    document ("~": left out).  No line of the paragraph may end a sentence or
    cite: an opening paragraph of prose is not a title block.
    """
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or start in found:
        return {}
    block = _paragraph_at(lines, start)
    # A journal article's first page copied from its PDF, longer than a title block: its title, under the
    # article's kind when one word stands over it ("Review"), and the rest is about the document.
    front = len(block) > 4 and _article_front([lines[i] for i in block])
    label = start if front and len(lines[start].split()) == 1 else None
    if label is not None:
        start += 1
        block = range(start, block.stop)

    # A title wrapped over lines ("... in HIV-1: mechanisms," / "fitness costs and clinical
    # implications") is read whole: a line that ends in a comma or a word no title ends in ("Mechanisms of" /
    # "Resistance to Colistin") or runs on in lower case continues it, and so does a subtitle under a line that
    # ends in a colon ("... Heat-Induced Bleaching:" / "Symbionts, ...").
    def continues(i: int) -> bool:
        above = lines[i - 1].rstrip()
        return (
            above.endswith((",", ":"))
            or above.rpartition(" ")[2].lower() in _OPEN_WORDS
            or lines[i].lstrip()[:1].islower()
        )

    wrapped = [i for i in block[1:] if continues(i)]
    if front:  # only the lines right under the title: an affiliation after a comma is no part of it
        wrapped = list(itertools.takewhile(continues, block[1:]))
    title = " ".join(lines[i].strip() for i in [start, *wrapped])
    if not (front or 1 <= len(block) <= 4) or not _looks_like_heading(lines[start].rstrip(" ,:"), _TITLE_WORDS):
        return {}
    if _GREETING.match(lines[start]):
        return {}  # "Hi team," opens a letter; it is no title
    if len(title.split()) > _TITLE_WORDS or title.rstrip()[-1] in ".?!;:":
        return {}
    if any(not _byline_like(lines[i]) for i in block):
        return {}
    out, mark = {start: "="}, "~" if front else "+"
    if label is not None:
        out[label] = "~"
    for i in block[1:]:
        if i in wrapped and (front or mark == "+"):
            out[i] = "&"
            continue
        if not _looks_like_heading(lines[i]) or _BYLINE.search(lines[i]):
            mark = "~"  # from the first byline line on, the rest is byline too
        out[i] = mark
    # A paragraph of authors and affiliations under the title ("Helena M. Varga 1, ..." /
    # "1 Department of ..." / "Correspondence: ..."), as a PDF's first page has it.
    after = next((i for i in range(block[-1] + 1, len(lines)) if lines[i].strip()), None)
    if after is not None and after not in found and _BYLINE.search(lines[after]):
        authors = _paragraph_at(lines, after)
        if len(authors) <= _AUTHOR_LINES and all(_byline_like(lines[i]) for i in authors):
            out.update(dict.fromkeys(authors, "~"))
    return out


# The longest title a document opens with (a plain-text first line, a bold first line, a one-line heading
# that the next heading ends), and the longest author block under a plain-text title.
_TITLE_WORDS = 25
_BOLD_TITLE_MIN_WORDS = 4
_AUTHOR_LINES = 10


def _paragraph_at(lines: list[str], start: int) -> range:
    return range(start, next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines)))


# A post's header in a thread copied from a forum or a comment section: a handle (one to four words), a dash or a
# dot, and when it was posted ("Mar 13, 2024", "13 March 2024", "2024-03-13", "3 days ago", "2h").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_POST_HEADER = re.compile(
    r"@?[\w.'’-]+(?: [\w.'’-]+){0,3}\s+[—–·|-]\s+(?:edited\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}"
    r"|\d{1,2}\s*(?:h|d|w|mo|y|min|hours?|days?|weeks?|months?|years?)(?:\s+ago)?)"
)


_ENTRY_LINE = re.compile(_ENTRY_START.pattern, re.M)


def _text_after_list(body: str) -> tuple[str, tuple[str, str] | None]:
    """(the reference list, (the text after it that cites, the rest)) when a rule closes the list and what
    follows it cites, as a forum thread's next reply does ("---" / "**sandfence_sam** — Mar 14" / "... [13]");
    (body, None) otherwise.  Past the last paragraph that cites is the page's own matter ("3 Replies",
    "Suggested Topics", "Powered by Discourse")."""
    rule = next((m for m in RULE_LINE.finditer(body) if _ENTRY_LINE.search(body, 0, m.start())), None)
    if rule is None or not CITE_GROUP.search(body, rule.end()):
        return body, None
    after = body[rule.end() :]
    paragraphs = re.split(r"(\n[ \t]*\n)", after)
    last = max(i for i, p in enumerate(paragraphs) if CITE_GROUP.search(p))
    return body[: rule.start()], ("".join(paragraphs[: last + 1]), "".join(paragraphs[last + 1 :]))


# A paragraph of counts only, as a page copied from the browser shows its likes and comments ("1.2K 34").
_COUNTS_ONLY = re.compile(r"\s*\d[\d.,]*[KkM]?(?:\s+\d[\d.,]*[KkM]?)*\s*")
# What points elsewhere and says nothing: a citation by author and year standing alone, as a reference manager's
# link leaves it after a sentence ("(Zuo et al., 2019)", "(Smith and Doe 2020)"), and a cross-reference: a note's
# arrow ("→ see Bystander editing") or a label ("See Table 2.", "cf. Figure 3", "See also Box 1").
_CITED_NAMES = r"[A-Z][\w'’-]+(?: et al\.?| (?:and|&) [A-Z][\w'’-]+)"  # "Zuo et al.", "Smith and Doe"
_REFERS_ONLY = re.compile(
    rf"\({_CITED_NAMES}?,? (?:19|20)\d\d[a-z]?\)\.?|{_CITED_NAMES},? (?:19|20)\d\d[a-z]?\.?"
    r"|(?:[→⇒➜]|->)[ \t]*(?:[Ss]ee(?: also)?|cf\.)[ \t]+\S+(?:[ \t]+\S+){0,5}?\.?"
    r"|\(?(?:[Ss]ee(?: also)?|cf\.)[ \t]+(?:Table|Figure|Fig\.|Box|Section|Appendix|Supplementary)[ \t]+\S+\)?\.?"
)


def _byline_block(block: _Block) -> bool:
    """A one-line paragraph that names the authors or the date (a year, an e-mail address, an initialled name), or
    the authors with their roles, as the BMJ writes them ("Rebecca Thornhill, consultant allergist; Ajay Menon,
    general practitioner")."""
    return (
        block.kind == "paragraph"
        and not block.marks
        and _byline_like(block.text)
        and bool(_BYLINE.search(block.text) or _ROLE_BYLINE.fullmatch(block.text.strip()))
    )


# An author, a comma and a role of a few lower-case words ("Ajay Menon, general practitioner"), one or more parted
# by semicolons.
_ROLE = r"[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}, [a-z]+(?: [a-z]+){0,4}"
_ROLE_BYLINE = re.compile(rf"{_ROLE}(?:; {_ROLE})*")


def _byline_like(line: str) -> bool:
    """No sentence ends on the line, it cites nothing and it is short."""
    line = line.rstrip()
    return line[-1] not in ".?!" and not _cites(line) and len(line.split()) <= _BYLINE_WORDS


def _numbered_heading(lines: list[str], i: int) -> bool:
    """Whether "1. Background" (or "2.1 Methods", "II. Results") at ``i`` is a heading, not a list item.

    It is one when the text around it is not a list: neither the line before nor
    the line after it (blank lines aside) is a list item.
    """
    if not (number := _HEADING_NUMBER.match(lines[i].lstrip())):
        return False
    if re.match(_PART_NUMBER, number.group(0)):
        return True
    before = next((line for line in reversed(lines[:i]) if line.strip()), "")
    after = next((line for line in lines[i + 1 :] if line.strip()), "")
    # "4. Mechanisms of resistance" right above "4.1. Loss of ..." is its section's heading, not an item.
    parent = _HEADING_NUMBER.match(before.lstrip())
    within = parent is not None and number.group(0).startswith(parent.group(0).strip().rstrip(".") + ".")
    # Items of another kind ("• ..." bullets, as a page copied as text shows them) are a list of their own.
    return (within or not _NUMBERED_ITEM.match(before)) and not _NUMBERED_ITEM.match(after)


_NUMBERED_ITEM = re.compile(rf"^[ \t]*(?:{_ITEM_NUMBER})[ \t]+")  # a list item's number, not a bullet


def _heading_key(text: str) -> str:
    return " ".join(_HEADING_NUMBER.sub("", text.strip()).casefold().strip(" .:").split())


# Pandoc's attributes after a heading: "{#sec-antigen}", "{.unnumbered}", "{-}"; MultiMarkdown's label,
# "## Resistance mutations [mutations]".
_HEADING_ATTRIBUTES = re.compile(r"\s*(?:\{(?:[#.][\w:.-]+|-)(?:\s[^{}]*)?\}|\[[a-z][\w:.-]*\])\s*$")


def _plain_title(title: str) -> str:
    # A heading's citation markers ("### Efflux pumps [4, 5]") go, as they do from a statement: a section's
    # name is the heading's words.
    title = CITE_GROUP.sub("", _strip_markdown(title))
    return _strip_pictographs(_HEADING_ATTRIBUTES.sub("", " ".join(title.split()).strip()))


def _strip_leading_pictographs(text: str) -> str:
    """The text without the emoji or symbols before its first word."""
    start = 0
    while start < len(text) and _decoration(text[start]):
        start += 1
    return text[start:]


def _decoration(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("So", "Sk", "Cf", "Mn", "Cs")


def _strip_pictographs(title: str) -> str:
    """A heading without the emoji or symbols that decorate its ends ("## 📚 References" is References)."""
    title = _strip_leading_pictographs(title)
    end = len(title)
    while end and _decoration(title[end - 1]):
        end -= 1
    return title[:end]


_TITLE_SMALL_WORDS = set("a an and as at by for in of on or the to vs vs. versus with".split())
# English determiners and quantifiers open a noun phrase: a heading ends in neither them nor a small word.
_DETERMINERS = set("this these those several many most some each both all such another few".split())
_NO_TITLE_END = _TITLE_SMALL_WORDS | _DETERMINERS


_MAX_ASKED_TITLE = 15  # words of a heading that asks a question and ends at its question mark


# Where a heading's title that runs into its text stops at the latest (``_inline_title``): a bold term, a
# numbered item, a marker, or an italic line run on right before the next heading, a byline or a
# "generated on" line (``italic``).
_TITLE_STOP = re.compile(
    r"\*\*|(?<=\s)\d+[.)]\s|\[\d"
    r"|(?P<italic>(?<=\s)(?:\*(?![*\s])[^*\n]+(?<!\s)\*|_(?![_\s])[^_\n]+(?<!\s)_)(?=[ \t]*$|[ \t]+#{1,6}[ \t]))"
)


def _inline_title(rest: str, lower: frozenset[str] = frozenset()) -> tuple[str, int]:
    """Title of a heading that runs into its text, and how many characters it takes.

    It runs up to the first bold term or list item, or else over the
    Title-Case words before the first sentence word.  ``lower``: the words the
    document writes in lower case (``_lower_case_words``).
    """
    if number := _SECTION_NUMBER.match(rest):
        # "## 2. Pyrethroids and the sodium channel Synthetic pyrethroids ...": the title after its number
        # is read as a title of its own ("Pyrethroids" its first word, not "2.").
        title, consumed = _inline_title(rest[number.end() :], lower)
        return f"{number.group(1)} {title}".strip(), number.end() + consumed
    stop = _TITLE_STOP.search(rest)
    candidate = rest[: stop.start()] if stop else rest
    bold = stop is not None and stop.group(0) == "**"
    asked = re.match(r"[ \t]*[A-Z][^?.!#]{0,150}\?", candidate)
    if asked and len(asked.group().split()) <= _MAX_ASKED_TITLE:
        return asked.group().strip(), asked.end()  # "## Why did refuges delay resistance? **Refuges** ..."
    words = candidate.split()
    if _REFERENCES_TITLE.match(" ".join(words[:1])):
        return words[0], _offset_after_words(rest, 1)
    if whole := _whole_title(rest, candidate, stop):
        return whole
    taken = 0
    for word in words:
        if word[0] == "#":
            break  # a subheading right under the heading: "## Mechanisms ### Porin Loss **OprD** is"
        first = word.lstrip("\"'“‘(")[:1]
        pictograph = not any(c.isalnum() for c in word) and word not in "-–"  # "## 🧬 Genetic Factors"
        # A heading's first word is its own even in lower case: a name such as "kelch13" or "hrp2/3".
        lead = taken == 0 and any(c.isalnum() for c in word)
        small = word.lower() in _TITLE_SMALL_WORDS or word in "-–"
        # A name in lower case is a title word too: "## Non-Coding RNAs: miR-21 and H19 **miR-21**: ...".
        symbol = is_symbol(word.strip(",:;()")) and any(c.isalpha() for c in word)
        if lead or pictograph or first.isupper() or first.isdigit() or small or symbol:
            taken += 1
        elif bold and _all_title_words(words[taken + 1 :]):
            # A name in lower case between title words, the bold term next: the bold term opens
            # the text, so the word is the title's ("## Target-Site Resistance: kdr Mutations **Knockdown").
            taken += 1
        else:
            break
    # A bold term that starts with a capital may open the text ("**Oxidative phosphorylation** is").
    opens = bold and rest[stop.end() : stop.end() + 1].isupper()
    if 0 < taken < len(words) and (restart := _sentence_restart(words, taken, lower, opens)):
        taken = restart  # "## Emamectin benzoate Emamectin benzoate, an in-feed ...": a heading in sentence case
    elif taken < len(words):
        # The text runs on in lower case: a capitalised "In" or "The" after the title's first word
        # opens the sentence ("## Clinical Evidence In the CANTOS trial, ..."); a title writes them small.
        # In Start Case ("## Biology And Global Spread Of A Polyphagous Pest The fall armyworm ...") the
        # small words are capitalised too: only one with a lower-case word after it opens the sentence.
        start_case = any(_opens_sentence(words[i]) and _capitalised(words[i + 1]) for i in range(1, taken - 1))
        opener = next(
            (i for i in range(1, taken) if _opens_sentence(words[i]) and (not start_case or _lower_after(words, i))),
            None,
        )
        taken = opener if opener is not None else taken
    taken = _title_end(words, taken)
    if 1 < taken < len(words) and re.fullmatch(r"[a-z]+(?:-[a-z]+)*,?", words[taken]):
        # The last capitalised word starts the first sentence ("Results TP53 mutations are"), and
        # so does one with small words after it ("Conclusion EMT in IPF is").
        end = _title_end(words, taken - 1)
        small = any(w.lower() in _TITLE_SMALL_WORDS for w in words[end : taken - 1])
        taken = end - 1 if small and end > 1 else end
    consumed = len(candidate) if taken == len(words) else _offset_after_words(rest, taken)
    return _plain_title(" ".join(words[:taken])), consumed


_MAX_RUN_IN_TITLE = 12  # words of a sentence-case heading that the next heading or a bold lead-in ends
_MAX_LOWER_TITLE_WORDS = 8  # lower-case words a sentence-case heading may hold after its capitalised ones


def _sentence_restart(
    words: list[str], taken: int, lower: frozenset[str] = frozenset(), bold: bool = False
) -> int | None:
    """Where the text starts after a heading in sentence case, or None.

    The heading's lower-case words (and names such as BTK or NF-κB among them) run up to a
    capitalised word that opens a sentence ("The", "By"), repeats the heading's first word, alone or
    heading a compound ("## Hydrogen peroxide Hydrogen peroxide has been used ...", "## Pyrethroids and mitochondrial
    haplotypes The pyrethroids ..."), or is a word the document writes in lower case elsewhere
    and follows no small word ("## Clinical context of BTK inhibitor failure Ibrutinib binds ...":
    "ibrutinib" mid-sentence; a place name such as "Norway" is never written so, and "common in
    Gram-negative" ends in "in", where no heading ends); or up to a bold term that opens the text
    ("## Metabolic reprogramming **Oxidative phosphorylation** is ...").  Any other word
    (punctuation, a marker) leaves the heading to the rules for Title Case.
    """
    head = words[0].strip(",;:")
    # Only the first word is capitalised ("Patterns of Resistance Antibodies against **PD-1** ..." is
    # in Title Case, and its bold term is mid-sentence).
    sentence_case = not any(_capitalised(w) for w in words[1:taken])
    end = min(len(words), taken + _MAX_LOWER_TITLE_WORDS)
    for j in range(taken, end):
        bare = words[j].rstrip(",;:")
        # The heading's first word again, alone or heading a compound: "## Complement inhibitors CD55 and
        # CD59 Complement-mediated killing is ...".
        if j > taken and (_opens_sentence(bare) or bare == head or bare.startswith(f"{head}-")):
            return j
        written = sentence_case and _written_lower(bare, lower)
        if written and j > taken and words[j - 1].lower() not in _NO_TITLE_END:
            return j
        # Lower-case words ("octopamine/tyramine"), names (BTK, NF-κB) and, in sentence case, proper
        # names the document never writes small ("## Regional patterns in Mexico, Brazil and Australia In ...").
        proper = sentence_case and _capitalised(bare) and not written
        if not (re.fullmatch(r"[a-z][a-z/-]*[,:]?", words[j]) or is_symbol(bare) or proper):
            return None
    ends_at_bold = sentence_case and bold and end == len(words) and words[-1].lower() not in _NO_TITLE_END
    return end if ends_at_bold else None


def _capitalised(word: str) -> bool:
    """ "Ibrutinib", "Alternative": a capital, then lower-case letters (not a name such as BTK or TP53)."""
    word = word.strip(",;:()")
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _written_lower(word: str, lower: frozenset[str]) -> bool:
    """A capitalised word ("Ibrutinib", "Alternative", a gene's "Kelch13" opening a sentence) that the
    document also writes in lower case ("kelch13")."""
    return len(word) > 2 and re.fullmatch(r"[A-Z][a-z]+\d*", word) is not None and word.lower() in lower


def _lower_case_words(text: str) -> frozenset[str]:
    """Every word the text writes in lower case (a common word or a gene's name, "kelch13", not a proper
    name, in this document)."""
    return frozenset(re.findall(r"(?<![\w-])[a-z][a-z]+\d*(?![\w-])", text))


def _whole_title(rest: str, candidate: str, stop: re.Match[str] | None) -> tuple[str, int] | None:
    """A heading in sentence case, ended by the next heading, by a bold lead-in that opens a sentence, or
    by an italic line before the next heading.

    "# Resistance in Salmonella Typhi ## Overview ..." and "## The H58 lineage and the genomic framework
    **Origins of H58** The haplotype ...": no sentence can end between the heading and what ends it, so
    every word before it is the title's, in lower case or not.
    """
    subheading = re.search(r"(?<=\s)#{1,6}[ \t]", candidate)
    if not subheading and stop is not None and stop["italic"]:
        subheading = stop  # "# Resistance in Acinetobacter baumannii *Generated on 2025-01-01* ## Abstract ..."
    if subheading:
        end = subheading.start()
    elif stop is not None and stop.group(0) == "**" and re.match(r"\*\*[^*\n]+\*\*[ \t]+[A-Z]", rest[stop.start() :]):
        end = len(candidate)
    else:
        return None
    words = rest[:end].split()
    if (
        not words
        or len(words) > (_TITLE_WORDS if subheading else _MAX_RUN_IN_TITLE)
        or not words[0][0].isupper()
        or re.search(r"[.,;!?]|\[\d", rest[:end])
    ):
        return None
    return _plain_title(" ".join(words)), _offset_after_words(rest, len(words))


def _all_title_words(words: list[str]) -> bool:
    """Words a title writes: each capitalised, a number, or a small word, the last not small."""
    return (
        bool(words)
        and words[-1].lower() not in _NO_TITLE_END
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)
    )


def _title_end(words: list[str], taken: int) -> int:
    """A title ends in no "the", "and", "several" or dash: "Alterations The **T790M mutation** is"."""
    while taken > 1 and (words[taken - 1].lower() in _NO_TITLE_END or words[taken - 1] in "-–"):
        taken -= 1
    return taken


def _lower_after(words: list[str], i: int) -> bool:
    """The word after ``words[i]`` starts in lower case ("The fall", "In the"; not "And Global")."""
    return i + 1 < len(words) and words[i + 1][:1].islower()


def _opens_sentence(word: str) -> bool:
    """A capitalised small word or determiner ("In", "The", "These"): mid-title it is written small."""
    return _capitalised(word) and word.lower() in _NO_TITLE_END


def _offset_after_words(text: str, n: int) -> int:
    pos = 0
    for m in re.finditer(r"\S+", text):
        if n == 0:
            return m.start()
        n -= 1
        pos = m.end()
    return pos


# --- blocks ---------------------------------------------------------------------


def _inline_structure(body: str) -> str:
    """Give what one-line markdown runs into a paragraph the lines it would have on its own: a
    table, a list's items (two or more, dashed or numbered from 1), an italic note and a quote."""
    return "\n".join(
        _INLINE_ITALIC.sub(r"\n\1\n", _inline_items(_inline_table(_INLINE_QUOTE.sub("\n> ", line))))
        for line in body.split("\n")
    )


# A block quote run into the line after a sentence's end: "... silent.[5] > **Note:** Mucoid isolates ...".
_INLINE_QUOTE = re.compile(r"(?<=[.!?\]])[ \t]+>[ \t]+(?=\*\*|[A-Z])")


# A table flattened into the line: "below. | Gene | Effect | |---|---| | MET | bypass [4] | **MET** was ..."
_INLINE_SEPARATOR = re.compile(r"\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+")


def _inline_table(line: str) -> str:
    """A table written inside a line on lines of its own: header, separator and rows of as many cells."""
    sep = _INLINE_SEPARATOR.search(line)
    if not sep or sep.start() == 0:
        return line
    row = rf"\|(?:[^|\n]*\|){{{sep.group(0).count('|') - 1}}}"
    header = re.search(rf"{row}[ \t]*$", line[: sep.start()])
    if not header:
        return line
    next_row = re.compile(rf"[ \t]*({row})")
    rows, end = [], sep.end()
    while m := next_row.match(line, end):
        rows.append(m.group(1))
        end = m.end()
    if not rows:
        return line
    table = "\n".join([header.group(0).strip(), sep.group(0), *rows])
    # A bold title right before the table goes on a line of its own, as it would stand above it.
    before = _INLINE_TABLE_TITLE.sub(r"\n\1", line[: header.start()].rstrip())
    return f"{before}\n{table}\n{line[end:].lstrip()}"


_INLINE_TABLE_TITLE = re.compile(r"(?<=[.!?\]])[ \t]+(\*\*[^*\n]+\*\*|__[^_\n]+__)$")


# A list written inside a one-line paragraph, its items after a sentence's end: "... after chemoradiation:
# - **EGFRvIII**: ...[13] - **Autophagy**: ..." or "... sequence: 1. Repeat the biopsy.[2] 2. Treat ...[3]".
_INLINE_ITEM = re.compile(r"(?<=[.!?:\]])[ \t]+([-*•]|(\d{1,2})[.)])[ \t]+(?=\S)")


def _inline_items(line: str) -> str:
    """Each item of a list run into the line on a line of its own."""
    found = list(_INLINE_ITEM.finditer(line))
    # The list may open the line ("- OprD loss ...[1] - Metallo ..."): that item is one of them.
    opens = _BULLET.match(line)
    first = 2 if opens and re.match(r"[ \t]*1[.)]", line) else 1
    dashed = [m for m in found if not m.group(2)]
    numbered: list[re.Match[str]] = []
    for m in found:
        if m.group(2) and int(m.group(2)) == first + len(numbered):
            numbered.append(m)
    items = dashed if len(dashed) + bool(opens and first == 1) >= 2 else []
    items += numbered if len(numbered) + first - 1 >= 2 else []
    for m in sorted(items, key=lambda m: m.start(), reverse=True):
        line = f"{line[: m.start()]}\n{m.group(1)} {line[m.end() :]}"
    return line


# An italic sentence standing alone in a one-line paragraph ("... plaques.[10] *This summary was generated
# from the cited literature.*"): on a line of its own, an uncited italic line is a note, not a claim.
_INLINE_ITALIC = re.compile(r"(?<=[.!?\]])[ \t]+(\*(?!\*)[^*\n\[]+[.!?]\*|_(?!_)[^_\n\[]+[.!?]_)(?=[ \t]|$)")


def split_blocks(body: str) -> list[_Block]:
    """Paragraphs, list items (nested ones too) and table rows of a section body.

    A table row becomes "Header: cell; Header: cell" so that it keeps its
    column names (a column of citation markers only cites the row); the
    separator row and the header row give no statement.
    A list item keeps the lead-in it hangs from ("... should include:") as
    its context: not part of its text, but searched with it.
    """
    blocks: list[_Block] = []
    current: list[str] = []
    kind = "paragraph"
    header: list[str] | None = None
    pending_header: list[str] | None = None
    lead_in = ""
    indent = 0
    raw: list[str] = []  # the paragraph's lines as written (a plain-text table keeps its columns)
    task = ""  # the item's check box, " " or "x", when it is a task ("- [ ] to do", "- [x] done")

    def flush():
        nonlocal current, lead_in, raw, task
        if kind == "paragraph" and (rows := _aligned_table(raw)):
            blocks.extend(_row_blocks(rows[0], rows[1:], lead_in))
            current = []
        elif kind == "paragraph" and (table := _captioned_table(raw)):
            # A caption over its table: the rows are searched with it.
            caption, rows = table
            blocks.extend(_row_blocks(rows[0], rows[1:], caption))
            current = []
        raw = []
        if kind == "paragraph" and (unmarked := _unmarked_items(current)):
            # A list copied from a web page without its bullets: each line an item, under its lead-in.
            lead, items = unmarked
            blocks.append(make_block(lead, "paragraph"))
            for item in items:
                block = make_block(item, "item")
                block.context = lead
                if block.text:
                    blocks.append(block)
            current = []
        if kind == "paragraph" and current and _metadata(current):
            current = []  # "Keywords: ...", "Date: 2025-03-14": about the document, not a claim
        joined = " ".join(current)
        if current and _PAGE_FOOTNOTE.match(_strip_markdown(joined)) and not _cites(joined):
            current = []  # "* Corresponding author: ...": a footnote of the page, even set as a list item
        if kind == "item" and current and _MARKED_AFFILIATION.match(joined) and not CITE_GROUP.search(joined):
            current = []  # "- 1 Department of ...": an affiliation that a converter set as a list item
        if kind == "item" and task and (task == " " or not _cites(joined)):
            current = []  # a to-do, with its continuation lines, is no claim; a done item that cites is one
        task = ""
        if kind == "paragraph" and current and _BACK_MATTER_LABEL.match(joined) and not _cites(joined):
            current = []  # "Funding: This work received no external funding.": about the authors, not the subject
        if kind == "paragraph" and current and _about_its_making(current):
            current = []  # "This review was generated with an AI assistant ...": how it was made
        if current:
            block = make_block(" ".join(current), kind)
            if kind == "item":
                block.context, block.indent = lead_in, indent
            elif block.text:
                last = sentence_spans(block.text)[-1]
                lead_in = block.text[last[0] : last[1]].strip() if block.text.endswith(":") else ""
            if block.text:
                blocks.append(block)
        current = []

    for line in body.split("\n"):
        if _TABLE_ROW.match(line):
            first_row = header is None and pending_header is None
            title = _table_title(current) if first_row and kind == "paragraph" else ""
            if title:
                current.pop()  # a title over the table ("**Summary of escape mechanisms**"), not a claim
            flush()
            lead_in = title or lead_in
            if _TABLE_SEPARATOR.match(line):
                header, pending_header = pending_header, None
                continue
            cells = [_bracketed_markers(c) for c in _cells(line)]
            if header is None:
                pending_header = cells  # a header until a separator row proves otherwise
                continue
            blocks.extend(_row_blocks(header, [cells], lead_in))
            continue
        header = pending_header = None
        if not line.strip() or RULE_LINE.match(line):
            flush()
            kind = "paragraph"
            continue
        if _ITALIC_LINE.match(line) and not _cites(line):
            flush()  # "*Generated on 2025-03-14 ...*": metadata, not a claim
            continue
        quoted, line = _QUOTE.match(line), _QUOTE.sub("", line)
        if quoted and not line.strip():
            flush()  # ">" alone parts two paragraphs of a quote
            kind = "paragraph"
            continue
        if callout := _CALLOUT.match(line):
            # "> [!note] Key point": the callout's type and title are a label; a title that cites
            # or ends a sentence ("> [!tip] C481S is ... [1].") is a claim and stays.
            line = callout.group(1)
            if not _cites(line) and not line.rstrip().endswith((".", "!", "?")):
                flush()
                continue
        bullet = _BULLET.match(line)
        if bullet:
            flush()
            kind = "item"
            current = [bullet.group(2)]
            indent = len(bullet.group(1).expandtabs(4))
            if box := _TASK.match(bullet.group(2)):
                task, current = box.group(1).lower(), [box.group(2)]
        else:
            current.append(line.strip())
            raw.append(line)
    flush()
    return _nested_lead_ins(blocks)


# A list whose bullets a copy from a web page dropped: under a lead-in that ends in a colon, two or more
# lines that each open in capitals and none runs on into the next (no comma, hyphen or small word at its
# end).  Hard-wrapped prose breaks mid-sentence and its lines open in lower case.


def _unmarked_items(lines: list[str]) -> tuple[str, list[str]] | None:
    """(lead-in, items) when the paragraph's lines are a list without bullets, else None."""
    lines = [line.strip() for line in lines if line.strip()]
    if len(lines) < 3 or not _strip_markdown(lines[0]).rstrip().endswith(":"):
        return None
    lead, items = lines[0], lines[1:]
    for line in items:
        plain = CITE_GROUP.sub("", _strip_markdown(line)).strip()
        words = plain.split()
        if not words or not plain[0].isupper() or _BULLET.match(line) or _METADATA_LINE.match(line):
            return None
        if plain.endswith((",", "-", "–", "(")) or words[-1].lower() in _NO_TITLE_END:
            return None
    return lead, items


_REFERENCE_COLUMN = re.compile(r"(?:refs?\.?|references?|citations?|sources?)", re.I)
_BARE_NUMBERS = re.compile(r"\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*")


def _row_blocks(header: list[str], rows: list[list[str]], lead_in: str) -> list[_Block]:
    """The rows that say something: a row of citation markers only ("| [1] | [2] |") is no statement."""
    return [block for block in (_row_block(header, cells, lead_in) for cells in rows) if block.text]


def _row_block(header: list[str], cells: list[str], lead_in: str) -> _Block:
    """One table row as "Header: cell; Header: cell", searched with the sentence that introduced the table."""
    # Under a column named for references, bare numbers ("| 6,17 |" under "Ref", as knitr prints a table) are markers.
    cells = [
        f"[{c}]" if _REFERENCE_COLUMN.fullmatch(h.strip()) and _BARE_NUMBERS.fullmatch(c) else c
        for h, c in zip(header + [""] * len(cells), cells)
    ]
    # A cell of citation markers only ("| [10] |", "| <sup>[5](#ref5)</sup> |" under "Ref") cites the
    # row; its header says nothing.
    markers = [_markers_only(c) for c in cells]
    named = zip(header + [""] * len(cells), cells, markers)
    row = "; ".join(f"{h}: {c}" if h else c for h, c, only in named if c and not only)
    row += "".join(f" {c}" for c, only in zip(cells, markers) if only)
    block = make_block(row, "row")
    block.context = lead_in
    return block


def _markers_only(cell: str) -> bool:
    """Whether a table cell is citation markers and nothing else, however they are written."""
    if CITE_GROUP.fullmatch(cell):
        return True
    block = make_block(cell)
    return not block.text and bool(block.marks)


# A table in plain text: its columns are set apart by two or more spaces and start at the same place on every line.
_CELL = re.compile(r"\S+(?: \S+)*")
_MIN_TABLE_LINES = 3
_COLUMN_SLACK = 2


_CAPTION_LINES = 3


# The most words a table's title line may hold.
_TABLE_TITLE_WORDS = 12


def _table_title(lines: list[str]) -> str:
    """The paragraph's last line when it titles the table right under it: short, uncited, ending in
    no punctuation, alone or after a sentence's end.  Its rows are searched with it."""
    if not lines or _cites(lines[-1]):
        return ""
    title = make_block(lines[-1].strip()).text
    if not title or title[-1] in ".!?:;," or len(title.split()) > _TABLE_TITLE_WORDS:
        return ""
    before = re.sub(r"(?:\s*\[[^\]\n]*\])+\s*$", "", lines[-2]) if len(lines) > 1 else "."
    return title if before.rstrip().endswith((".", "!", "?")) else ""


def _captioned_table(lines: list[str]) -> tuple[str, list[list[str]]] | None:
    """A table under one or two lines of caption or lead-in ("Table 1" / "Principal mechanisms ..."),
    with up to two lines of footnote under it ("RND, resistance-nodulation-division; ...")."""
    if not any("\t" in line or "   " in line for line in lines):
        return None  # no column is set apart by a tab or a gap of three spaces: prose, not a table
    for k in range(_CAPTION_LINES + 1):
        for tail in range(_CAPTION_LINES + 1):
            end = len(lines) - tail
            if not (k or tail) or end <= k or "\t" in "".join(lines[:k] + lines[end:]):
                continue
            if rows := _aligned_table(lines[k:end]):
                return make_block(" ".join(lines[:k])).text if k else "", rows
    return None


def _aligned_table(lines: list[str]) -> list[list[str]] | None:
    """The cells of a paragraph laid out as a table (header first), or None."""
    if len(lines) < _MIN_TABLE_LINES:
        return None
    if all("\t" in line for line in lines):  # columns set apart by tabs
        # A run of tabs as one, as a writer aligning by hand types them; failing that, one tab between cells and
        # an empty cell between two (a copied table's empty corner, "\tSetting\tPeriod" over "China\tBlood\t2009").
        for cut in (lambda line: re.split(r"\t+", line.strip()), lambda line: line.strip(" \r").split("\t")):
            cells = [[c.strip() for c in cut(line)] for line in lines]
            if len(cells[0]) >= 2 and all(len(row) == len(cells[0]) for row in cells):
                return [[_bracketed_markers(c) for c in row] for row in cells]
    spans = _wrapped_cells([[(m.start(), m.group(0)) for m in _CELL.finditer(line.expandtabs(8))] for line in lines])
    width = len(spans[0])
    if width < 2 or len(spans) < 2 or any(len(row) != width for row in spans):
        return None
    for column in range(1, width):
        starts = [row[column][0] for row in spans]
        gaps = [row[column][0] - row[column - 1][0] - len(row[column - 1][1]) for row in spans]
        # Aligned columns are padded: two spaces between sentences of prose are not.
        if max(starts) - min(starts) > _COLUMN_SLACK or max(gaps) <= 2:
            return None
    return [[_bracketed_markers(cell) for _, cell in row] for row in spans]


def _wrapped_cells(spans: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """Rows of cells with the lines of wrapped cells joined: a line with fewer cells than the header, each
    starting under one of its columns, goes on the row above ("F504L, A510V," / "I566V (mosaic)")."""
    starts = [start for start, _ in spans[0]]
    rows = [list(spans[0])]
    for row in spans[1:]:
        under = [min(range(len(starts)), key=lambda c: abs(starts[c] - start)) for start, _ in row]
        # ... and each fits its column: a note under the table runs across them.
        ends = [*starts[1:], None]
        aligned = all(
            abs(starts[c] - start) <= _COLUMN_SLACK and (ends[c] is None or start + len(cell) < ends[c])
            for c, (start, cell) in zip(under, row)
        )
        if len(rows) > 1 and len(row) < len(starts) and aligned and len(set(under)) == len(under):
            above = rows[-1]
            for c, (_, cell) in zip(under, row):
                start, text = above[c]
                above[c] = (start, text + ("" if text.endswith("-") else " ") + cell)
        else:
            rows.append(list(row))
    return rows


# A line of three fields or more set apart by middle dots, as an app heads its export ("Research report ·
# Question: "..." · 22 papers · Exported 22 January 2025"): about the page, no claim.
_DOTTED_FIELDS = re.compile(r"^[ \t]*[^·\n]{1,120}(?:[ \t]+·[ \t]+[^·\n]{1,160}){2,}$")
# A letter's or an e-mail's opening: "Hi team,", "Dear colleagues,", "Good morning all!".
_GREETING = re.compile(
    r"^[ \t]*(?:hi|hello|hey|dear|greetings|good[ \t]+(?:morning|afternoon|evening))\b[^\n.!?,:]{0,40}[,!:][ \t]*$",
    re.I,
)


# A journal article's first page copied from its PDF: the title, the authors, the journal's line, the DOI,
# the affiliations and the address for correspondence in one paragraph, no line of which ends a sentence.
# A DOI or an e-mail address alone does not make one: "The code is available from the repository" /
# "https://doi.org/..." is a wrapped sentence; an institution's name beside it does.
_FRONT_LINES = 3
_ADDRESS_LINE = re.compile(r"^[ \t]*(?:https?://(?:dx\.)?doi\.org/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)[ \t]*$")


def _article_front(lines: list[str]) -> bool:
    return (
        len(lines) >= _FRONT_LINES
        and any(_ADDRESS_LINE.match(line) for line in lines)
        and any(_INSTITUTION.search(line) for line in lines)
        and all(_byline_like(line) for line in lines)
    )


def _metadata(lines: list[str]) -> bool:
    """Lines of "Label: value" only, or one such line wrapped ("Keywords: a; b;" / "c; d"), a keyword
    list, or the authors' affiliations ("1 Department of Molecular Virology, University of ...")."""
    joined = " ".join(lines)
    if all(_AFFILIATION.match(line) for line in lines) and not CITE_GROUP.search(joined):
        return True
    if _affiliations(joined) or _EMAIL_LINE.match(joined):
        return True
    if _article_front(lines):
        return True
    # The authors, and their affiliations under them ("a Institute of Medical Microbiology, ...").
    if _author_line(lines[0]) and all(_author_line(line) or _affiliation_line(line) for line in lines):
        return True
    if len(lines) > 1 and _author_line(" ".join(line.strip() for line in lines)):
        return True  # the authors wrapped, a name broken over the line end ("... and Heather" / "J. O'Donnell¹")
    if len(lines) == 1 and (_by_line(lines[0]) or _DATELINE.match(_strip_markdown(lines[0]))):
        return True
    if _SIGN_OFF.match(joined) and not _cites(joined):
        return True
    if len(lines) == 1 and _GREETING.match(lines[0]):
        return True
    if _legend(joined) and not _cites(joined):
        return True  # "TMP-SMX trimethoprim-sulfamethoxazole" under a table
    if len(lines) == 1 and _DOTTED_FIELDS.match(lines[0]) and not _cites(lines[0]):
        return True
    if all(_NAVIGATION.match(line) for line in lines) or (len(lines) == 1 and _LINK_ROW.match(lines[0])):
        return True
    # A "Label: value" that cites in any way is a claim: "**Relapse after monotherapy:** In a cohort, isolates
    # rose.[^2]" (a footnote marker, which the line's own pattern does not see).
    return not _cites(joined) and (
        all(_METADATA_LINE.match(line) for line in lines)
        or bool(_METADATA_LINE.match(joined) or _KEYWORDS.match(joined))
    )


# An affiliation's mark ("<sup>1</sup>", "¹") and the words that name an institution.
_LEADING_MARK = rf"<sup>[^<>]{{1,8}}</sup>|[{SUPERSCRIPT_DIGITS}]{{1,2}}"
_INSTITUTION_WORDS = (
    r"Department|Dept\.|Institute|Division|School|Faculty|Laboratory|Centre|Center|University|Hospital|College"
)
_AFFILIATION = re.compile(
    rf"^[ \t]*(?:{_LEADING_MARK}|\d{{1,2}}|[a-z]|[*†‡§])?[ \t]*"
    rf"(?:{_INSTITUTION_WORDS})\b(?!.*\.[ \t]*$).{{0,200}}$"  # no sentence ends on it
)

# The same with its mark required: a list item that is one ("- 1 Department of Laboratory Medicine, ...").
_MARKED_AFFILIATION = re.compile(
    rf"^[ \t]*(?:{_LEADING_MARK}|\d{{1,2}}|[a-z])[ \t]*(?:{_INSTITUTION_WORDS}|Unit)\b(?!.*\.[ \t]*$).{{0,200}}$"
)

# Several affiliations run together, each after its mark: "¹Centre for Tropical Medicine, ..., UK.
# ²Department of ...".
_AFFILIATION_START = re.compile(rf"(?:<sup>[^<>]{{1,8}}</sup>|(?<![\w.])[{SUPERSCRIPT_DIGITS}]{{1,2}})[ \t]*")
_INSTITUTION = re.compile(rf"\b(?:{_INSTITUTION_WORDS}|Institut\w*|Unit|Program(?:me)?)\b")
# "e-mail: a.b@example.org", "Email a.b@example.org": a contact line, no claim.
_EMAIL_LINE = re.compile(r"^\W*e-?mail\b[^@]{0,40}\S+@\S+\s*$", re.I)


def _affiliation_line(line: str) -> bool:
    """ "1 Department of ...", or a marked line naming an institution ("c Swiss Centre for Antibiotic Resistance")."""
    return bool(_AFFILIATION.match(line) or (_MARKED_LINE.match(line) and _INSTITUTION.search(line)))


_MARKED_LINE = re.compile(rf"^[ \t]*(?:{_LEADING_MARK}|\d{{1,2}}|[a-z])[ \t]*[A-Z](?!.*\.[ \t]*$)")


def _affiliations(text: str) -> bool:
    """Text that is only affiliations, each after its mark and naming an institution."""
    if CITE_GROUP.search(text) or not _AFFILIATION_START.match(text.lstrip()):
        return False
    parts = [p for p in _AFFILIATION_START.split(text.strip()) if p.strip()]
    return all(_INSTITUTION.search(p) for p in parts)


# The authors under a title, each name with its affiliation mark: "Laura M. Bertolini<sup>1</sup>,
# Rajesh K. Venkataraman<sup>2</sup> and Heather J. O'Donnell<sup>1,*</sup>", "A. Smith¹, B. Jones²*".
_AFFILIATION_MARK = re.compile(
    r"[ \t]*(?:<sup>[^<>]{1,12}</sup>|\^[^^\s]{1,12}\^|\[[\d,*†‡a-z]{1,8}\]"
    rf"|[{SUPERSCRIPT_DIGITS}*†‡§⁎][,{SUPERSCRIPT_DIGITS}*†‡§⁎]{{0,7}})"
)
_LETTER_MARKS = re.compile(r"(?<=[^\W\d_]{2})(?:[ \t][a-z](?=[ \t,]|$))+(?=[ \t]*(?:,|$|[ \t]and[ \t]))")
# A PDF converter's affiliation numbers, set as plain digits after each name: "Wei-Lin Hsu 1 , Arjun Mehta 2
# and Soo-Jin Park 3, *" (Docling); a plain-text copy glues them on ("Maria Lopez1,2, Tom Becker2").
_DIGIT_MARKS = re.compile(r"(?<=[^\W\d_]{2})[ \t]?\d{1,2}(?:[ \t]?,[ \t]?\d{1,2})*(?=[ \t]*(?:,|$|[ \t]and[ \t]))")
_NAME_SEPARATOR = re.compile(r"[ \t]*(?:,|;|&|\band\b)[ \t]*")
_NAME_WORD = (
    r"(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*\.?(?:-[A-Z]\.)?"  # Heather, O'Donnell, M., J.-P.
    r"|van|von|de|der|den|da|das|dos|del|della|di|du|le|la|ten|ter|bin)"
)
_PERSON = re.compile(rf"(?=[A-ZÀ-ÖØ-Þ]){_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,4}}")


def _author_line(line: str) -> bool:
    """Only people's names (two to five words each), at least one with an affiliation mark; or, with
    no marks, a byline of several names that ends in no punctuation and holds an initial or three
    names ("Elena M. Varga, Tomás R. Okafor, Hiroshi Kanda, Priya Natarajan" under a web page's title)."""
    line = _LETTER_MARKS.sub("¹", line)  # "Anna Keller a, Lea Moser a c" (Elsevier)
    line = _DIGIT_MARKS.sub("¹", line)
    if len(line) > 600:
        return False
    marked = len(_AFFILIATION_MARK.findall(line)) >= 1
    names = [n.strip() for part in _AFFILIATION_MARK.split(line) for n in _NAME_SEPARATOR.split(part) if n.strip()]
    if not names or not all(_PERSON.fullmatch(n) for n in names):
        return False
    if marked:
        return True
    initialled = any(re.search(r"\b[A-Z]\.", n) for n in names)
    return len(names) >= 2 and line.rstrip()[-1:] not in ".!?:;," and (initialled or len(names) >= 3)


# A post's date line ("Posted on March 3, 2025 · 9 min read", "Updated 4 May 2024") and a newsletter's
# sign-off ("Thanks for reading! Subscribe for free to receive new posts.") are about the page, not claims.
_DATELINE = re.compile(
    rf"^[ \t]*(?:posted|published|updated|last updated|first published)(?:[ \t]+on)?[ \t]+{_DATE}"
    r"(?:[ \t]*(?:[|·•—–,]|\bby\b)[^\n]{0,60})?[ \t]*$",
    re.I,
)
_SIGN_OFF = re.compile(
    r"^\W*(?:thanks? (?:you )?for reading\b[^\n]{0,40}?[.!]\s*)?(?:subscribe|sign up)\b[^\n]{0,100}$"
    r"|^\W*thanks? (?:you )?for reading\b[^\n]{0,40}$",
    re.I,
)
# A line of links within the page and nothing else ("[↑ Back to top](#contents)", "[Next: Methods](#methods)"),
# or to a page beside it (a Notion export's sub-page, "[Search log](Search%20log%2012ab.md)"), is the page's
# navigation; a link marker ("[3](#ref-3)") cites.
_NAVIGATION = re.compile(
    r"^\W*(?:\[(?!\^?\d)[^\]\n]+\]\((?:#[^)\s]*|(?![a-z][\w+.-]*:)[^)\s]+\.(?:md|markdown|html?)(?:#[^)\s]*)?)\)\W*)+$"
)
# A row of links and nothing else, under a short label or none ("Learn more: [1. nejm.org](https://...)
# [2. cdc.gov](https://...)", as a chat assistant lists its sources; "See also: [A](...), [B](...)"): where
# to read on, not a claim.
_LINK_ROW = re.compile(r"^\W*(?:[A-Z][\w ]{0,30}:[ \t]*)?(?:\[[^\]\n]+\]\([^)\s]+\)[\s,;·|•]*){2,}$")
# A paper's first-page footnote: "* Corresponding author: a.b@uni.es (A. B.)", "© 2024 The Authors. Published by ...".
_PAGE_FOOTNOTE = re.compile(r"^[ \t]*(?:[*∗⁎†][ \t]*)?(?:corresponding author\b|correspondence:|©|copyright\b)", re.I)
# A web page's byline: "By Jane Doe | 3 March 2025", "by Ana Ruiz and Tom Lee · Updated 4 May 2024".
_BY_LINE = re.compile(r"^[ \t]*by[ \t]+([^|·•—–\n]+?)[ \t]*(?:[|·•—–][ \t]*([^\n]*?))?[ \t]*$", re.I)
_BY_LINE_TAIL_WORDS = 8


def _by_line(line: str) -> bool:
    """ "By" and people's names only, perhaps a date or a role after a bar or a dot (no sentence)."""
    m = _BY_LINE.match(_strip_markdown(line))
    if not m or (m.group(2) and (len(m.group(2).split()) > _BY_LINE_TAIL_WORDS or m.group(2)[-1:] in ".!?")):
        return False
    names = [n.strip() for n in _NAME_SEPARATOR.split(m.group(1)) if n.strip()]
    return bool(names) and all(_PERSON.fullmatch(n) for n in names)


# "Index Terms—Abortive infection, ...", "Keywords: a; b." (with or without a full stop).
_KEYWORDS_LINE = re.compile(
    r"(?<=\S)[ \t]*\n(?=[ \t]*(?:index\s+terms|key\s*words|abbreviations(?:\s+used)?)[ \t]*[—–:])", re.I
)
_KEYWORDS = re.compile(r"^\W*(?:index\s+terms|key\s*words|subject\s+terms|abbreviations(?:\s+used)?)\s*[—–:-]", re.I)


def _about_its_making(lines: list[str]) -> bool:
    """An uncited paragraph about how the document was made, or a figure's caption."""
    opening = _strip_markdown(lines[0])
    return (_PROVENANCE.match(opening) or _CAPTION.match(opening)) is not None and not make_block(" ".join(lines)).marks


def _nested_lead_ins(blocks: list[_Block]) -> list[_Block]:
    """A list item with deeper items under it, no citation and no closing full stop ("Guide design")
    is their lead-in, not a claim: it becomes their context."""
    out: list[_Block] = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        heads = (
            block.kind == "item"
            and nxt is not None
            and nxt.kind == "item"
            and nxt.indent > block.indent
            and not block.marks
            and not block.text.rstrip().endswith((".", "!", "?"))
        )
        if not heads:
            out.append(block)
            continue
        head = " ".join(p for p in (block.context, block.text.rstrip(":")) if p)
        for child in blocks[i + 1 :]:
            if child.kind != "item" or child.indent <= block.indent:
                break
            child.context = head
    return out


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _bracketed_markers(raw: str) -> str:
    """Every way of writing a marker ("<sup>4</sup>", "[[4]](url)", "【4】") as "[4]"."""
    for pattern, canonical in _OTHER_MARKERS:
        raw = pattern.sub(canonical, raw)
    return _LINK_CITATION.sub(lambda m: f"[{m[1] or m[2] or m[3]}]", raw)


def _cites(text: str) -> bool:
    """Whether ``text`` holds a citation marker in any of its ways of writing ("[7]", "<sup>7</sup>",
    "^7^", "【7】"): what tells a claim from a label, a to-do or a page's furniture."""
    return any(c in text for c in "[<^【［") and bool(CITE_GROUP.search(_bracketed_markers(text)))


# Brackets inside a code span ("`df[1]`") are code, never a citation: they are hidden while markers are read.
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_HIDDEN_BRACKETS = str.maketrans("[]", "\ue000\ue001")
_SHOWN_BRACKETS = str.maketrans("\ue000\ue001", "[]")


def make_block(raw: str, kind: str = "paragraph") -> _Block:
    """Strip markdown and citation markers from ``raw``, keeping where each marker sat."""
    raw = _CODE_SPAN.sub(lambda m: m.group(0).translate(_HIDDEN_BRACKETS), raw)
    raw = _STRUCK.sub("", raw)
    terms = tuple(dict.fromkeys(" ".join(t.split()) for a, b in _BOLD.findall(raw) for t in (a or b,) if t.strip()))
    text = _strip_markdown(_bracketed_markers(raw))
    text = _PAREN_GROUP.sub(lambda m: "".join(re.findall(_CITE_BRACKET, m.group(0))), text)
    out: list[str] = []
    marks: list[tuple[int, tuple[int, ...]]] = []
    pos = 0
    for m in CITE_GROUP.finditer(text):
        _append(out, text[pos : m.start()])
        while out and out[-1] in " \t":
            out.pop()  # "higher [4]." -> "higher."
        marks.append((len(out), parse_citation_group(m.group(0))))
        pos = m.end()
        if out and out[-1].isalnum() and text[pos : pos + 1].isalnum():
            out.append(" ")  # "modified[1]and": two words, not "modifiedand"
    _append(out, text[pos:])
    plain = "".join(out).strip().translate(_SHOWN_BRACKETS)
    lead = len("".join(out)) - len("".join(out).lstrip())
    marks = [(max(0, min(o - lead, len(plain))), n) for o, n in marks]
    label = _ITEM_LABEL.match(raw) if kind == "item" else None
    if label and not _SENTENCE_WORDS.intersection(label.group(2).lower().split()):
        return _Block(plain, marks, terms, kind, label=_strip_markdown(label.group(2)).strip())
    return _Block(plain, marks, terms, kind)


# An item's bold lead-in, a short name ending in a full stop: "- **Altered target (β-tubulin).** Sequencing ...".
_ITEM_LABEL = re.compile(r"[ \t]*(\*\*|__)((?:(?!\1)[^\n]){1,80}?\.)\1[ \t]+(?=\S)")


def _append(out: list[str], text: str) -> None:
    """Append with whitespace collapsed and no space before , ; : . ! ?"""
    for ch in text:
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        elif ch in ",;:.!?" and out and out[-1] == " ":
            out[-1] = ch
        else:
            out.append(ch)


# "==highlighted==" is its words; "~~struck~~" words are withdrawn, with any marker among them.
_HIGHLIGHT = re.compile(r"(?<!=)==(?=\S)(.+?)(?<=\S)==(?!=)")
_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")


def _strip_markdown(text: str) -> str:
    text = _HIGHLIGHT.sub(r"\1", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _LABELLED_LINK.sub(r"\1", text)
    text = _SCRIPT.sub(_script, text)
    text = _PANDOC_SCRIPT.sub(_pandoc_script, text)
    text = _PANDOC_SCRIPT_TEXT.sub(r"\2", text)
    text = _HTML.sub("", text)
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return unescape_markdown(text.replace("`", ""))


def _script(match: re.Match) -> str:
    return match.group(2).translate(_SUPERSCRIPT if match.group(1).lower() == "sup" else _SUBSCRIPT)


# Pandoc's superscript and subscript after a letter or digit: "10^6^", "H~2~O".
_PANDOC_SCRIPT = re.compile(r"(?<=\w)(\^|~)([0-9+\-−]{1,6})\1")
# ... and one of letters, or letters and digits, written plainly, as no Unicode character raises or lowers most
# letters: "HbA~1c~" is HbA1c, "*Clock*^Δ19^" ClockΔ19.
_PANDOC_SCRIPT_TEXT = re.compile(r"(?<=[\w*_])(\^|~)(?=[^\s^~]*[^\W\d_])([^\s^~\[\]]{1,12})\1")


def _pandoc_script(match: re.Match) -> str:
    return match.group(2).translate(_SUPERSCRIPT if match.group(1) == "^" else _SUBSCRIPT)


def parse_citation_group(group: str) -> tuple[int, ...]:
    """``[4][6]``, ``[4] [6]``, ``[4, 6]``, ``[4-6]`` -> (4, 6) or (4, 5, 6)."""
    numbers: set[int] = set()
    for item in re.findall(_CITE_ITEM, group):
        ends = [int(n) for n in re.findall(r"\d+", item)]
        if len(ends) == 2 and 0 <= ends[1] - ends[0] <= _MAX_RANGE:
            numbers.update(range(ends[0], ends[1] + 1))
        else:
            numbers.update(ends)
    return tuple(sorted(numbers))


# --- sentences and clauses ------------------------------------------------------------


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentence_spans(
    text: str, genera: frozenset[tuple[str, str]] = frozenset(), ends: Sequence[int] = ()
) -> list[tuple[int, int]]:
    """(start, end) of each sentence of plain text; no sentence ends inside a genus abbreviation of
    ``genera`` ("S. Typhi"); one ends at each offset of ``ends``."""
    spans: list[tuple[int, int]] = []
    forced = [m.start() for m in (*_GLUED_END.finditer(text), *_UNIT_END.finditer(text))] + list(ends)
    forced += [m.end() + 1 for m in _LETTER_END.finditer(text) if m.group(1).islower() and (m[2], m[3]) not in genera]
    cuts = [0, *sorted(set(forced)), len(text)]
    for a, b in zip(cuts, cuts[1:]):
        for s in _segmenter().segment(text[a:b]):
            start, end = a + s.start, a + s.end
            if spans and _abbreviation_cut(text[spans[-1][0] : spans[-1][1]], text[start:end], genera):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans or [(0, len(text))]


# pysbd ends a sentence at any full stop it does not know as an abbreviation's
# ("approx. thirty", "Resp. rates", "Ca. 40%").  No sentence starts with a plain
# lower-case word (symbols such as miR-21, p53 or mecA do, and are not plain
# words), and a lone word with a full stop before a number is no sentence: both
# join what follows.
# The same holds for the abbreviations that stand before a quantity ("was ca. 40%",
# "at approx. 2 h"), which pysbd does not know in that place.
_LOWER_START = re.compile(r"[a-z]+(?=[\s,;:.)]|$)")
# ... except a surname's particle before the capitalised rest of the name: "Australia. da Silva and
# colleagues", "in 2019. van der Meer et al. showed" (the Salmonella review cut nothing there).
_NAME_PARTICLE = re.compile(
    r"(?:da|de|del|della|der|di|do|dos|du|le|van|von|ten|ter)(?:\s(?:de|den|der|la))?\s[A-Z][a-z]"
)
_LONE_WORD = re.compile(r"[^\W\d_]+\.")
_BEFORE_QUANTITY = re.compile(r"(?:^|[\s(])(?:ca|approx|avg)\.$", re.I)
# Abbreviations that name what the number after them points to: "Eq. (1)", "Fig. 2", "Ref. 9".
_BEFORE_NUMBER = re.compile(
    r"(?:^|[\s(])(?:eqs?|figs?|refs?|tabs?|nos?|art|secs?|sects?|vol|ch|chap|suppl|pp?|para|app)\.$", re.I
)
# An item of a list inside a sentence: "(a)", "(ii)", "1)".
_ENUMERATOR = re.compile(r"\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})\)[\s,;:]")


def _abbreviation_cut(before: str, after: str, genera: frozenset[tuple[str, str]] = frozenset()) -> bool:
    """True when pysbd's cut between ``before`` and ``after`` follows an abbreviation, not a sentence."""
    before = before.strip()
    genus = _ABBREVIATED.match(f"{before[-2:]} {after.lstrip()}") if genera else None
    if genus and (genus[1], genus[2]) in genera and not before[-3:-2].isalnum():
        return True  # "history of S." + "Typhi and noted ..."
    if _ENUMERATOR.match(after) and (after.startswith("(") or not before.endswith((".", "!", "?"))):
        return True  # "(a), capsule-deficient ...", "two routes: 1) homologous ...": items of one sentence
    if not before.endswith("."):
        return False
    if _BEFORE_NUMBER.search(before) and after[:1] in "(0123456789":
        return True  # "defined in Eq. (1) as", "Ref. [9]", "Art. no. 4457"
    if _CAPTION_LABEL.fullmatch(before):
        return True  # "Figure 1." starts its caption
    if _LOWER_START.match(after) is not None and not _NAME_PARTICLE.match(after):
        return True
    if not after[:1].isdigit():
        return False
    return _LONE_WORD.fullmatch(before) is not None or _BEFORE_QUANTITY.search(before) is not None


# A chat assistant's pleasantry before its answer ("Great question!", "Certainly!") says nothing of the topic.
# A sentence that only points elsewhere: "(See 'Neuromodulators' above.)", "(See "Evaluation of chronic cough".)",
# "(Refer to Table 2.)".  It claims nothing.
_CROSS_REFERENCE = re.compile(
    r"\((?:see|refer to)\b[^()]{0,200}\)\.?"
    # "See Workup for more detail."
    r"|(?:see|refer to)\b[^.()]{0,120}\bfor (?:more |further )?(?:details?|information|discussion)\.",
    re.I,
)
# A figure's credit or a pointer whose object is the marker ("Adapted from [8].", "Redrawn from data in
# [10,13,14].", "Reviewed in [3]."): without the marker, a few words ending in a preposition and no
# auxiliary (``_SENTENCE_WORDS``), no claim.
_POINTER_ONLY = re.compile(r"[A-Z][a-z]*(?:\s+[a-z]+){0,3}\s+(?:from|in|by)\s*\.?")
_PLEASANTRY = re.compile(
    r"(?:(?:what\s+an?\s+|an?\s+)?(?:great|good|excellent|interesting|fascinating|important)\s+question"
    r"|sure(?:\s+thing)?|certainly|absolutely|of\s+course|happy\s+to\s+help)\s*[!.]",
    re.I,
)


_OPENER_AFTER_MARK = re.compile(
    r"(?<=[\w)%])[ \t]+(?:" + "|".join(sorted(w.capitalize() for w in _NO_TITLE_END if w.isalpha())) + r")[ \t]+[a-z]"
)


def split_sentences(block: _Block, genera: frozenset[tuple[str, str]] = frozenset()) -> list[list[_Clause]]:
    """The sentences of a block, each as its clauses with their own numbers.

    A sentence that is a question to the reader, an assistant's pleasantry ("Great question!") or offer
    ("If you'd like, I can ..."), or a list lead-in ending in a colon with no citation, is left out.
    A table row is one statement.
    ``genera``: the genus abbreviations the document spells out (``abbreviated_genera``).
    """
    if block.kind == "row":
        # A table row is one statement with every number of its cells.
        return [[_Clause(block.text, tuple(sorted({n for _, ns in block.marks for n in ns})))]]
    # A marker with a capitalised "The", "In", "These" ... after it ends a sentence that lost its full stop, as an
    # item of a list run into one line does ("... predators [22][23] The zebra mussel illustrates ...").
    ends = [offset for offset, _ in block.marks if _OPENER_AFTER_MARK.match(block.text, offset)]
    spans = sentence_spans(block.text, genera, ends)
    if block.label and len(spans) > 1 and block.text[slice(*spans[0])].strip() == block.label:
        # "Altered target (β-tubulin). Sequencing found nothing [17].": the item's label names what its claim
        # is about, and stays with it.
        spans[:2] = [(spans[0][0], spans[1][1])]
    owned: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in spans]
    for offset, numbers in block.marks:
        # The sentence that opens at or before it: one in a gap between two spans (the splitter leaves out the
        # space after "neutral pH." as it does after no other word) closes the one before, as at a span's end.
        i = max((j for j, (a, _) in enumerate(spans) if a <= offset), default=0)
        # A marker right at the start of a sentence closes the one before it ("pumps.[3]Next").
        if i > 0 and not block.text[spans[i][0] : offset].strip():
            i -= 1
        owned[i].append((offset - spans[i][0], numbers))
    out = []
    for (a, b), marks in zip(spans, owned):
        sentence = block.text[a:b].rstrip()
        if sentence.endswith("?") or (
            not marks
            and (_PLEASANTRY.fullmatch(sentence) or OFFER.match(sentence) or _CROSS_REFERENCE.fullmatch(sentence))
        ):
            continue
        if marks and _POINTER_ONLY.fullmatch(sentence) and _SENTENCE_WORDS.isdisjoint(sentence.lower().split()):
            # "Adapted from [8].", "Redrawn from data in [10,13,14].": its words say only where to look
            # ("Resistance was reported in [3]." says something: an auxiliary makes it a sentence).
            continue
        clauses = split_clauses(sentence, marks)
        if clauses and not (sentence.endswith(":") and not any(c.citations for c in clauses)):
            out.append(clauses)
    return out


def split_clauses(sentence: str, marks: list[tuple[int, tuple[int, ...]]]) -> list[_Clause]:
    """Give each clause of a sentence its own citation numbers.

    A marker with only punctuation after it closes the sentence.  One that sits
    mid-sentence closes a clause: where punctuation or a conjunction such as
    "but" or "whereas" follows it, the clause ends at the marker (a bare "and"
    joins nouns as often as clauses, so it does not); where a word follows it
    (``..., while[13][14] miR-196a-5p is ...``) the marker has slipped past the
    clause boundary, so the clause ends at the last joiner before it.  With
    no joiner to cut at, the marker stays with the whole sentence.

    Args:
        sentence: Plain sentence text.
        marks: (offset in the sentence, numbers) of each citation group.
    """
    cuts: list[tuple[int, tuple[int, ...]]] = []
    # The numbers of the clause now open: a marker inside it that ends no clause ("Recent work [6]
    # suggests ...") cites that clause, not the sentence's last one.
    held: set[int] = set()
    start = 0
    for offset, numbers in sorted(marks):
        after = sentence[offset:]
        if _CLOSING.match(after):
            held.update(numbers)
            continue
        if _CITES_AS_OBJECT.search(sentence[start:offset]):
            # "As shown in [8], mutations ...", "In [18], a ...": the marker is what the words
            # before it point to, so it cites the claim that follows, not a clause of its own.
            held.update(numbers)
            continue
        if _AUTHOR_YEAR_BEFORE.search(sentence, start, offset) and not _NEW_CLAUSE_AFTER.match(after):
            # "In the PRODIGE 4 trial published in 2011 (Conroy et al.)[1], 342 patients were ...":
            # the parenthesis names who reported the claim, and the marker cites it.
            held.update(numbers)
            continue
        if after.lstrip().startswith(":") and not any(o > offset for o, _ in marks):
            # "Three classes have been described [9]: restoration of HR, ...": what follows the
            # colon is what [9] describes, not a claim of its own without a number.
            held.update(numbers)
            continue
        if _LIST_ITEM_BEFORE.search(sentence, start, offset) and not _NEW_CLAUSE_AFTER.match(after):
            # "Pathway inhibitors: Rapamycin,[12] gamma-secretase inhibitors[13] and ...": the marker
            # cites an item of a list, not a claim of its own: the sentence is the claim, and it
            # carries the number.
            held.update(numbers)
            continue
        opening = sentence[:offset].rstrip()  # all of the sentence so far, when no cut has been made
        if (
            start == 0
            and (after.lstrip().startswith(",") or opening.endswith(","))
            and _OPENING_PHRASE.match(opening)
            and "," not in opening.rstrip(",")  # the phrase ends at the sentence's first comma
            and len(opening.split()) <= _MAX_OPENING_WORDS
            and _SENTENCE_WORDS.isdisjoint(opening.lower().split())
            and not _JOINS_NEXT.match(after.lstrip().lstrip(","))
        ):
            # "In a 2019 study [5], efflux drove ...", "According to Smith et al. [5], ...", "Using
            # sequencing [7], Lee et al. found ...": a phrase that opens the sentence is no claim of its own
            # (no verb), so its marker cites the claim it introduces.
            held.update(numbers)
            continue
        if _CONTINUES_CLAUSE.match(after) or sentence[start:offset].rstrip().endswith((",", ";")):
            cut = offset  # "..., [4] which" as "... [4], which": a superscript sits after the comma
        else:
            joins = list(_CLAUSE_JOIN.finditer(sentence, start, offset))
            if not joins:
                held.update(numbers)
                continue
            cut = joins[-1].start()
        if _inside_parenthesis(sentence, cut):
            # "Quick cheat sheet (my own summary of [3,12], MICs in mg/L, ballpark only):": a cut inside
            # a parenthesis would leave both halves unbalanced; the aside is part of its sentence's claim.
            held.update(numbers)
        elif len(sentence[start:cut].strip(_EDGE).split()) > 1:
            cuts.append((cut, tuple(sorted(held.union(numbers)))))
            held = set()
            start = cut
        else:
            # Nothing, or a lone word ("even" of "..., even though[2] the distribution had not
            # changed"), before the cut: no clause of its own, so the marker goes with the claim.
            held.update(numbers)
    if cuts and len(_clause_text(sentence[cuts[-1][0] :]).split()) <= 1:
        # A lone word after the last cut ("... adapted from published guidance[21], is:") is no
        # clause either: it stays with the one before, and so does that clause's marker.
        held.update(cuts.pop()[1])
    clauses = []
    start = 0
    for cut, numbers in cuts:
        clauses.append(_Clause(_clause_text(sentence[start:cut], start > 0), numbers))
        start = cut
    clauses.append(_Clause(_clause_text(sentence[start:], start > 0), tuple(sorted(held))))
    return [c for c in clauses if re.search(r"[^\W\d_]", c.text)]


# A phrase that opens a sentence before its claim: a preposition ("In a 2019 study", "Among 300
# isolates", "By 2020"), one written as a participle ("According to Smith et al.", "Following the work
# of Jones", "Using sequencing") or an adjective with its preposition ("Consistent with earlier reports").
# Subordinators ("Because", "Although", "As", "When") open clauses of their own and are not here, nor
# is a word in -ing, which as often opens the claim itself ("Adding a MEK inhibitor delays relapse").
_OPENING_PHRASE = re.compile(
    r"\W*(?:(?:in|on|at|among|across|during|after|before|for|with|without|within|from|through|throughout|over|"
    r"under|by|beyond|despite|unlike|like|besides|via|upon|between|of|according\s+to|following|using|based\s+on)\b|"
    r"(?:consistent|similar|contrary|compared|prior|due|owing|together|along|in\s+line|in\s+contrast|"
    r"in\s+addition|apart)\s+(?:with|to|from)\b)",
    re.I,
)
_MAX_OPENING_WORDS = 10
# ... and the claim it opens follows the comma at once: a clause that ends at the comma is followed by
# a word that joins the next one ("In the Indian cohort all isolates carried S639F,[6] while ...").
_JOINS_NEXT = re.compile(
    r"\W*(?:and|or|but|nor|yet|so|while|whereas|although|though|even|which|who|whose|where|when|as|with|"
    r"since|because|thus|hence|including|[a-z]+ing)\b",
    re.I,
)


def _inside_parenthesis(sentence: str, offset: int) -> bool:
    """Whether ``offset`` lies inside an open round bracket (an item's "1)" closes none)."""
    depth = 0
    for char in sentence[:offset]:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
    return depth > 0


def _clause_text(raw: str, after_cut: bool = False) -> str:
    """A clause's text without the punctuation at its cut; a later clause also loses the dash that
    opened it ("... rises [1] — while porins fall [2]": "while porins fall", as after a comma)."""
    edge = _EDGE + "–—" if after_cut else _EDGE
    return raw.strip().lstrip(edge).rstrip(_EDGE).strip()


def _statement_id(document: str, section: str, text: str, seen: dict[str, int]) -> str:
    digest = hashlib.sha1(f"{document}\x1f{section}\x1f{text}".encode()).hexdigest()[:8]
    sid = f"s-{digest}"
    seen[sid] = seen.get(sid, 0) + 1
    return sid if seen[sid] == 1 else f"{sid}-{seen[sid]}"
