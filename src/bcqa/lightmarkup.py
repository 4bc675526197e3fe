"""Other plain-text markups, rewritten as the markdown the parser reads.

Reviews also come as:

- Emacs's Org mode (``#+TITLE:``, ``* Heading``, ``|---+---|`` tables);
- reStructuredText (adorned titles, ``[1]_`` citations, ``.. [1]`` entries, directives);
- AsciiDoc (``= Title``, ``<<ref3>>`` cross-references to a ``[bibliography]``, ``|===`` tables);
- Textile, as Redmine's wikis write it, and Confluence's wiki markup, its descendant (``h2. Background``,
  ``# item`` numbered items, ``|_. Header |`` and ``||Header||`` tables, ``text[1]`` footnote markers,
  ``fn1. ...`` footnotes, ``{panel}`` macros);
- a lecture's slides, as the outline a presentation program exports ("Slide 2" / its title /
  its points indented by tabs / "Notes: ...");
- an outliner's page (Logseq, Roam): all bullets, its headings bullets too (``- ## Mechanisms``),
  under ``title:: ...`` properties;
- MediaWiki's wikitext as a wiki's edit box holds it (``== Background ==``, bold and italic in
  apostrophes, ``[[links]]``, ``{| tables |}``, ``# item`` numbered items, ``<ref>`` footnotes);
- DokuWiki's, whose headings it closes the same way but ranks the other way round (``====== Title
  ======`` is the page's title), with ``//italic//``, ``^ header ^`` tables, lists indented by two
  spaces (``  * bullet``, ``  - numbered``) and ``((footnotes))``;
- a forum post's BBCode (``[b]bold[/b]``, ``[url=...]label[/url]``, ``[quote]``, ``[list][*] item``,
  ``[table][tr][td]``);
- markdown with Python-Markdown's extensions, as an MkDocs site's pages use them: admonitions
  (``!!! note "Title"``, collapsible ``??? tip``) and content tabs (``=== "Label"``) whose text is
  indented by four spaces, attribute lists (``{ #id }``, ``{ .annotate }``), icons
  (``:material-alert:``) and snippet includes (``--8<-- "file.md"``);
- Typst's source (``#set``/``#show`` rules, ``= Heading``, ``+ item``, ``#table(...)``, ``#figure(...)``,
  ``#link("...")[text]``);
- a podcast's or a talk's transcript, each turn opened by a timestamp and a speaker
  (``[00:04:40] DR. KELLER: ...``), with stage directions (``[laughs]``, ``[AD BREAK]``).

Each is recognised by marks that markdown and plain text do not use, and rewritten line by line into
the forms ``bcqa.corpus`` already reads, as ``bcqa.htmltext`` does for inline HTML.  A document in
none of them is returned as it is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

__all__ = [
    "asciidoc_to_markdown",
    "bbcode_to_markdown",
    "dokuwiki_to_markdown",
    "light_markup_to_markdown",
    "mkdocs_to_markdown",
    "mediawiki_to_markdown",
    "org_to_markdown",
    "outline_to_markdown",
    "pipe_table",
    "rst_to_markdown",
    "slides_to_markdown",
    "textile_to_markdown",
    "transcript_to_markdown",
    "typst_to_markdown",
]

# --- Org mode -----------------------------------------------------------------------------

# An Org file's export settings open it; one of these lines is what tells Org from markdown, whose
# "* item" is a bullet where Org's "* Heading" is a heading.
_ORG_SETTING = re.compile(
    r"^#\+(?:TITLE|AUTHOR|DATE|EMAIL|OPTIONS|STARTUP|SUBTITLE|LANGUAGE|KEYWORDS|DESCRIPTION|FILETAGS|SETUPFILE"
    r"|PROPERTY|BEGIN_[A-Z]+):",
    re.I | re.M,
)
_ORG_KEYWORD = re.compile(r"^[ \t]*#\+([A-Za-z_]+)(?:\[[^\]]*\])?:?[ \t]*(.*)$")
_ORG_HEADING = re.compile(
    r"^(\*+)[ \t]+(?:(?:TODO|DONE|NEXT|WAITING)[ \t]+)?(?:\[#[A-C]\][ \t]+)?(.*?)(?:[ \t]+:[\w@#%:]+:)?[ \t]*$"
)
_ORG_DRAWER = re.compile(r"^[ \t]*:([A-Za-z_]+):[ \t]*$")
_ORG_TABLE_RULE = re.compile(r"^([ \t]*)\|(-+(?:\+-+)*)\|?[ \t]*$")
_ORG_LINK = re.compile(r"\[\[([^\]\n]+)\](?:\[([^\]\n]+)\])?\]")
# Org's emphasis: a mark after a space or an opening bracket, closed before a space or punctuation
# ("/Mycoplasma bovis/", "=parC=", "~code~"); "and/or" and "µg/ml" are no emphasis.
_ORG_EMPHASIS = re.compile(r"(?<![\w/=~])([/=~])(?=[^\s/=~])([^\n]*?[^\s/=~])\1(?![\w/=~])")
# Org lets emphasis run over one line break, as filled paragraphs break it ("/Canadian Journal of
# Microbiology/"): read after the emphasis within lines, so it only pairs marks left over.
_ORG_WRAPPED_EMPHASIS = re.compile(r"(?<![\w/=~])([/=~])(?=[^\s/=~])([^\n/=~]*\n[ \t]*[^\n/=~]*?[^\s/=~])\1(?![\w/=~])")
# Org's footnotes: "[fn:4]" in the text, "[fn:4] Author ..." defining it at a line's start (under "* Footnotes");
# markdown's "[^4]" and "[^4]:", which the parser reads as a citation and a reference.
_ORG_FOOTNOTE_DEFINITION = re.compile(r"^\[fn:([\w-]+)\][ \t]+")
_ORG_FOOTNOTE = re.compile(r"\[fn:([\w-]+)\]")
# Blocks whose lines are no prose.
_ORG_HIDDEN_BLOCKS = frozenset(("src", "example", "comment", "export", "latex", "html"))


def org_to_markdown(text: str) -> str:
    """``text`` as markdown when it is an Org file (``#+TITLE:`` and the like), else unchanged."""
    if not _ORG_SETTING.search(text):
        return text
    out: list[str] = []
    hidden = drawer = False
    for line in text.split("\n"):
        keyword = _ORG_KEYWORD.match(line)
        name = keyword.group(1).lower() if keyword else ""
        if hidden:
            hidden = not name.startswith("end_")
            out.append("")
        elif drawer:
            drawer = not re.match(r"^[ \t]*:END:[ \t]*$", line, re.I)
            out.append("")
        elif name.startswith("begin_"):
            hidden = name[len("begin_") :] in _ORG_HIDDEN_BLOCKS
            out.append("")
        elif keyword:
            # "#+TITLE:" is the title; other settings, captions and "#+END_QUOTE" are no text.
            title = _org_inline(keyword.group(2).strip()) if name == "title" else ""
            out.append(f"# {title}" if title else "")
        elif _ORG_DRAWER.match(line):
            drawer = True
            out.append("")
        elif heading := _ORG_HEADING.match(line):
            out.append(f"{'#' * min(len(heading.group(1)) + 1, 6)} {_org_inline(heading.group(2))}")
        elif rule := _ORG_TABLE_RULE.match(line):
            out.append(f"{rule.group(1)}|{rule.group(2).replace('+', '|')}|")
        else:
            out.append(_org_inline(line))
    return _ORG_WRAPPED_EMPHASIS.sub(_org_emphasis, "\n".join(out))


def _org_inline(line: str) -> str:
    line = _ORG_FOOTNOTE.sub(r"[^\1]", _ORG_FOOTNOTE_DEFINITION.sub(r"[^\1]: ", line))
    line = _ORG_LINK.sub(lambda m: m.group(2) or m.group(1), line)
    return _ORG_EMPHASIS.sub(_org_emphasis, line)


def _org_emphasis(match: re.Match) -> str:
    """ "/italic/" as markdown's "*italic*"; "=verbatim=" and "~code~" as their words."""
    return f"*{match.group(2)}*" if match.group(1) == "/" else match.group(2)


# --- reStructuredText ---------------------------------------------------------------------

_RST_CITATION = re.compile(r"\[(\d{1,4})\]_")  # "[12]_" cites reference 12
_RST_ENTRY = re.compile(r"^\.\.[ \t]+\[(\d{1,4})\][ \t]+", re.M)  # ".. [12] Author ..." lists it
_RST_DIRECTIVE = re.compile(r"^\.\.[ \t]+([\w-]+)::(.*)$")
_RST_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+:._])\1{2,}[ \t]*$")
_RST_FIELD = re.compile(r"^:[\w ][^:\n]*:(?:[ \t]|$)")
_RST_ROLE = re.compile(r":[\w-]+:`([^`\n]+?)(?:\s*<[^<>`\n]+>)?`")  # ":ref:`the section <label>`": its title
_RST_LINK = re.compile(r"`([^`<\n]+?)\s*<[^>\n]+>`__?")
_RST_LITERAL = re.compile(r"``([^`\n]+)``")
# Auto-numbered footnotes, "[#]_" and "[#label]_" citing ".. [#]" and ".. [#label]" entries (docutils numbers
# them in order with the first numbers no entry takes; "[#]_" cites the "[#]" entries in turn).
_RST_AUTO_CITATION = re.compile(r"\[#([\w-]*)\]_")
_RST_AUTO_ENTRY = re.compile(r"^(\.\.[ \t]+)\[#([\w-]*)\](?=[ \t])", re.M)
# Directives whose text may start on their own line: ".. note:: Thwaites ... [1]_."
_RST_ADMONITIONS = frozenset("note warning tip important caution danger attention hint error seealso".split())
# Directives whose content is no prose: code, pictures, raw markup, a table of contents.
_RST_HIDDEN = frozenset(
    "code code-block sourcecode literalinclude image figure raw contents toctree include math highlight".split()
)


def rst_to_markdown(text: str) -> str:
    """``text`` as markdown when it is reStructuredText (``[1]_`` markers, ``.. [1]`` entries or
    directives, at least two such marks), else unchanged."""
    text = _rst_auto_numbered(text)
    marks = len(_RST_CITATION.findall(text)) + len(_RST_ENTRY.findall(text))
    marks += sum(1 for line in text.split("\n") if _RST_DIRECTIVE.match(line))
    if marks < 2:
        return text
    lines = _rst_headings(text.split("\n"))
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        directive = _RST_DIRECTIVE.match(line)
        if directive or (line.startswith("..") and not _RST_ENTRY.match(line) and line[2:3] in (" ", "")):
            # A directive, a comment or a link target; an admonition's indented text (".. note::") is prose.
            name = directive.group(1).lower() if directive else ""
            keep = directive is not None and name not in _RST_HIDDEN
            out.append(_rst_inline(directive.group(2).strip()) if name in _RST_ADMONITIONS else "")
            i += 1
            start = i
            while i < len(lines) and (not lines[i].strip() or lines[i][:1] in " \t"):
                body = lines[i].strip()
                out.append(_rst_inline(body) if keep and not _RST_FIELD.match(body) else "")
                i += 1
            if name == "list-table" and (rows := _rst_list_table(lines[start:i])):
                out[len(out) - (i - start) :] = [*rows, *[""] * (i - start - len(rows))]
            continue
        if _RST_FIELD.match(line):
            out.append("")  # a document's fields (":Author: ...", ":Date: ...") are about it, not claims
        else:
            out.append(_rst_inline(line))
        i += 1
    return _RST_ENTRY.sub(r"[\1] ", "\n".join(out))


def _rst_auto_numbered(text: str) -> str:
    """Auto-numbered footnotes and their citations with the numbers docutils gives them."""
    entries = list(_RST_AUTO_ENTRY.finditer(text))
    if not entries:
        return text
    taken = {int(n) for n in _RST_ENTRY.findall(text)}
    free = (n for n in itertools.count(1) if n not in taken)
    numbers = [next(free) for _ in entries]
    labelled = {m.group(2): n for m, n in zip(entries, numbers) if m.group(2)}
    anonymous = [n for m, n in zip(entries, numbers) if not m.group(2)]

    def numbered(label: str, turn: Iterator[int]) -> str:
        n = labelled.get(label) if label else next(turn, None)
        return str(n) if n is not None else f"#{label}"

    cites, defines = iter(anonymous), iter(anonymous)
    text = _RST_AUTO_CITATION.sub(lambda m: f"[{numbered(m.group(1), cites)}]_", text)
    return _RST_AUTO_ENTRY.sub(lambda m: f"{m.group(1)}[{numbered(m.group(2), defines)}]", text)


def _rst_list_table(body: list[str]) -> list[str]:
    """A ``list-table`` directive's rows ("* - Basin" / "  - Loss") as a pipe table, its first row the header."""
    rows: list[list[str]] = []
    for line in body:
        item = re.match(r"^[ \t]*(\*[ \t]+)?-[ \t]+(.*)$", line)
        if item and (item.group(1) or not rows):
            rows.append([_rst_inline(item.group(2).strip())])
        elif item:
            rows[-1].append(_rst_inline(item.group(2).strip()))
        elif line.strip() and rows and not _RST_FIELD.match(line.strip()):
            rows[-1][-1] += " " + _rst_inline(line.strip())  # a cell's text wrapped
    width = max((len(r) for r in rows), default=0)
    return pipe_table([r + [""] * (width - len(r)) for r in rows]) if len(rows) >= 2 else []


def _rst_inline(line: str) -> str:
    line = _RST_CITATION.sub(r"[\1]", line)
    line = _RST_LINK.sub(r"\1", _RST_ROLE.sub(r"\1", line))
    return _RST_LITERAL.sub(r"\1", line)


def _rst_headings(lines: list[str]) -> list[str]:
    """Section titles as ``#`` headings, their level by the order in which each adornment (a character,
    over- and underlined or only underlined) first appears; a title whose style is used once, first, is
    the document's title."""
    found: list[tuple[int, int, tuple[str, bool]]] = []  # (first line, lines spanned, style)
    i = 0
    while i < len(lines):
        over = _RST_ADORNMENT.match(lines[i])
        closing = _RST_ADORNMENT.match(lines[i + 2]) if over and i + 2 < len(lines) else None
        if closing and lines[i + 1].strip() and closing.group(1) == over.group(1):
            found.append((i, 3, (over.group(1), True)))  # over- and underlined
            i += 3
            continue
        under = _RST_ADORNMENT.match(lines[i + 1]) if i + 1 < len(lines) and not over else None
        if under and lines[i].strip() and (i == 0 or not lines[i - 1].strip()):
            found.append((i, 2, (under.group(1), False)))  # underlined
            i += 2
            continue
        i += 1
    if not found:
        return lines
    styles: list[tuple[str, bool]] = []
    for _, _, style in found:
        if style not in styles:
            styles.append(style)
    # The first style is the document's title when it is used once; the others are its sections.
    titled = sum(1 for *_, style in found if style == styles[0]) == 1
    out = list(lines)
    for start, span, style in reversed(found):
        rank = styles.index(style)
        level = 1 if titled and rank == 0 else rank + (1 if titled else 2)
        title = lines[start + 1] if span == 3 else lines[start]
        out[start : start + span] = [f"{'#' * min(level, 6)} {title.strip()}"]
    return out


# --- a slide deck's outline ----------------------------------------------------------------

# "Slide 2", "Slide 2: Definitions", "Slide 2 – Definitions" opens each slide; three of them make a deck.
_SLIDE = re.compile(r"^[ \t]*Slide[ \t]+(\d{1,3})[ \t]*(?:[:.–—-][ \t]*(.*?))?[ \t]*$", re.M)
_MIN_SLIDES = 3
_SPEAKER_NOTES = re.compile(r"^[ \t]*(?:Speaker[ \t]+)?Notes:[ \t]*", re.I)


def slides_to_markdown(text: str) -> str:
    """``text`` as markdown when it is a slide deck's outline, else unchanged: each slide's title a heading
    (the first slide's the document's title, its subtitle and byline no text), its indented points a list,
    its speaker notes a paragraph."""
    if len(_SLIDE.findall(text)) < _MIN_SLIDES:
        return text
    out: list[str] = []
    slide, title_due = 0, False
    for line in text.split("\n"):
        if m := _SLIDE.match(line):
            slide, title_due = int(m.group(1)), not m.group(2)
            if m.group(2):
                out += ["", f"{'#' if slide == 1 else '##'} {m.group(2)}", ""]
            continue
        if not line.strip():
            out.append("")
        elif title_due:
            out += ["", f"{'#' if slide == 1 else '##'} {line.strip()}", ""]
            title_due = False
        elif notes := _SPEAKER_NOTES.match(line):
            out += ["", line[notes.end() :].strip(), ""]
        elif line[:1] == "\t" and slide != 1:
            depth = len(line) - len(line.lstrip("\t"))
            out.append(f"{'  ' * (depth - 1)}- {line.strip()}")
        elif slide != 1:
            out.append(line)
    return "\n".join(out)


# --- an outliner's page (Logseq, Roam) -----------------------------------------------------

# "title:: Candida parapsilosis", "tags:: [[mycology]]", "collapsed:: true": a page's or a block's property.
_PROPERTY = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z][\w-]*)::[ \t]*(.*)$")
_BULLET_HEADING = re.compile(r"^([ \t]*)-[ \t]+(#{1,6})[ \t]+(.*)$")
_OUTLINE_BULLET = re.compile(r"^[ \t]*-[ \t]+\S")
# Tags at a line's end ("... alternatives. #review", "## Outbreaks #outbreak") file the block; inside a
# sentence a tag is its word ("#[[treatment failure]] checklist").
_TRAILING_TAGS = re.compile(r"(?:[ \t]+#(?:\[\[[^\]\n]+\]\]|[\w/-]+))+[ \t]*$")
_TAG = re.compile(r"(?<![\w#])#(?:\[\[([^\]\n]+)\]\]|(?=[A-Za-z])([\w/-]+))")
_BLOCK_REF = re.compile(r"\(\([0-9a-f-]{8,}\)\)|\{\{[^}\n]*\}\}")
_OUTLINE_SHARE = 0.6  # of a page's lines that are bullets, when it has no properties


def outline_to_markdown(text: str) -> str:
    """``text`` as markdown when it is an outliner's page, else unchanged: its properties no text
    (``title::`` its title), a heading bullet a heading, the bullets under it one level less deep."""
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    headings = sum(1 for line in filled if _BULLET_HEADING.match(line))
    properties = bool(filled) and _PROPERTY.match(filled[0]) is not None
    bullets = sum(1 for line in filled if _OUTLINE_BULLET.match(line))
    if not (properties or (headings >= 2 and bullets >= _OUTLINE_SHARE * len(filled))):
        return text
    out: list[str] = []
    above: list[int] = []  # the depths of the heading bullets the line sits under
    for line in lines:
        if prop := _PROPERTY.match(line):
            titled = prop.group(1).lower() == "title" and not any(o.strip() for o in out)
            out.append(f"# {prop.group(2).strip()}" if titled else "")
            continue
        depth = _depth(line)
        while above and line.strip() and above[-1] >= depth:
            above.pop()
        if heading := _BULLET_HEADING.match(line):
            out += ["", f"{heading.group(2)} {_tags(heading.group(3))}", ""]
            above.append(depth)
            continue
        out.append(_tags(_dedent(line, len(above))))
    return "\n".join(out)


def _depth(line: str) -> int:
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    return indent.count("\t") + indent.count(" ") // 2


def _dedent(line: str, levels: int) -> str:
    for _ in range(levels):
        line = line[1:] if line.startswith("\t") else line[2:] if line.startswith("  ") else line
    return line


def _tags(line: str) -> str:
    line = _BLOCK_REF.sub("", _TRAILING_TAGS.sub("", line))
    return _TAG.sub(lambda m: m.group(1) or m.group(2), line)


# --- AsciiDoc ---------------------------------------------------------------------------------

_ADOC_HEADING = re.compile(r"^(={1,6})[ \t]+(\S.*?)[ \t]*$")
_ADOC_ATTRIBUTE = re.compile(r"^:!?[\w-]+!?:(?:[ \t].*)?$")
_ADOC_BLOCK_ATTRIBUTES = re.compile(r"^\[[^\[\]\n]*\][ \t]*$")  # [NOTE], [bibliography], [source,python], [cols=...]
_ADOC_DELIMITER = re.compile(r"^(={4,}|\*{4,}|_{4,}|-{4,}|\.{4,}|\+{4,}|/{4,})[ \t]*$")
_ADOC_HIDDEN = frozenset("-.+/")  # listing, literal, passthrough and comment blocks hold no prose
_ADOC_BLOCK_TITLE = re.compile(r"^\.(?=[A-Za-z])(.+)$")
_ADOC_ADMONITION = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+")
_ADOC_XREF = re.compile(r"<<([\w:.-]+)(?:,[^>\n]*)?>>")
_ADOC_ENTRY = re.compile(r"^[ \t]*[-*][ \t]+\[\[\[([\w:.-]+)(?:,[ \t]*([^\]\n]*))?\]\]\][ \t]*(.*)$")
_ADOC_INLINE = re.compile(r"\[\[[\w:.-]+(?:,[^\]\n]*)?\]\]|(?:link|xref):\S+?\[([^\]\n]*)\]|(?<=\S)[ \t]\+$")
# "xref:ref1[]" to a bibliography entry cites it as "<<ref1>>" does; "footnote:[Measured with EEG.]" is a note.
_ADOC_XREF_MACRO = re.compile(r"xref:#?([\w:.-]+)\[\]")
_ADOC_FOOTNOTE = re.compile(r"[ \t]*footnote(?:ref)?:[\w-]*\[[^\]\n]*\]")


def asciidoc_to_markdown(text: str) -> str:
    """``text`` as markdown when it is AsciiDoc (``= Title`` or ``==`` sections, with attributes,
    ``<<ref>>`` cross-references, ``|===`` tables or ``[[[ref]]]`` entries), else unchanged."""
    lines = text.split("\n")
    titled = any(_ADOC_HEADING.match(line) for line in lines[:3])
    sections = sum(1 for line in lines if line.startswith("== "))
    marks = any(_ADOC_ATTRIBUTE.match(line) or line.startswith("|===") or _ADOC_ENTRY.match(line) for line in lines)
    if not ((titled or sections >= 2) and (marks or _ADOC_XREF.search(text))):
        return text
    numbers = _adoc_numbers(lines)
    out: list[str] = []
    hidden = ""
    table: list[str] | None = None
    byline = False
    caption = ""  # a block's title (".Susceptibility of BTK mutations"), kept for the table under it
    for line in lines:
        byline = byline and bool(line.strip())
        if caption and table is None and not (line.startswith("|===") or _ADOC_BLOCK_ATTRIBUTES.match(line)):
            out += ["", caption, ""]  # the title of something else: a line of its own
            caption = ""
        if hidden:
            hidden = "" if line.strip() == hidden else hidden
            out.append("")
        elif table is not None:
            if line.startswith("|==="):
                out += [caption, *_adoc_table(table, numbers), ""] if caption else [*_adoc_table(table, numbers), ""]
                table, caption = None, ""
            else:
                table.append(line)
        elif line.startswith("|==="):
            table = []  # its title, if any, stands right above it as the line that introduces it
            out.append("")
        elif delimiter := _ADOC_DELIMITER.match(line):
            hidden = delimiter.group(1) if delimiter.group(1)[0] in _ADOC_HIDDEN else ""
            out.append("")
        elif heading := _ADOC_HEADING.match(line):
            out += ["", f"{'#' * len(heading.group(1))} {_adoc_inline(heading.group(2), numbers)}", ""]
            byline = len(heading.group(1)) == 1  # the author line under the document's title
        elif byline and line.strip() and not _ADOC_ATTRIBUTE.match(line):
            out.append("")  # the authors ("Miriam Osei-Bonsu; Tomasz Wieczorek") and the revision line
        elif _ADOC_ATTRIBUTE.match(line) or _ADOC_BLOCK_ATTRIBUTES.match(line) or line.startswith("//"):
            out.append("")
        elif entry := _ADOC_ENTRY.match(line):
            out.append(f"{numbers[entry.group(1)]}. {_adoc_inline(entry.group(3), numbers)}")
        elif title := _ADOC_BLOCK_TITLE.match(line):
            if caption:
                out += ["", caption, ""]
            caption = _adoc_inline(title.group(1), numbers)
            continue
        else:
            out.append(_adoc_inline(_ADOC_ADMONITION.sub("", line), numbers))
    return "\n".join(out)


def _adoc_numbers(lines: list[str]) -> dict[str, int]:
    """Each bibliography anchor's number: its label when numeric ("[[[ref3,3]]]"), else the digits
    its id ends in when every id has some, else its place in the list."""
    entries = [m for m in map(_ADOC_ENTRY.match, lines) if m]
    ids = [m.group(1) for m in entries]
    digits = [re.search(r"(\d+)$", i) for i in ids]
    numbers = {}
    for place, (m, tail) in enumerate(zip(entries, digits), 1):
        label = (m.group(2) or "").strip()
        numbers[m.group(1)] = int(label) if label.isdigit() else int(tail.group(1)) if all(digits) else place
    return numbers


def _adoc_inline(line: str, numbers: dict[str, int]) -> str:
    line = _ADOC_XREF_MACRO.sub(lambda m: f"<<{m.group(1)}>>" if m.group(1) in numbers else m.group(0), line)
    line = _ADOC_FOOTNOTE.sub("", line)
    line = _ADOC_XREF.sub(lambda m: f"[{numbers[m.group(1)]}]" if m.group(1) in numbers else m.group(0), line)
    return _ADOC_INLINE.sub(lambda m: m.group(1) or "", line)


def _adoc_table(rows: list[str], numbers: dict[str, int]) -> list[str]:
    """A ``|===`` table's rows as a pipe table, its first row the header.  Its first line gives the number of
    columns; cells written one a line (as Asciidoctor allows) fill the rows in turn."""
    cells = [
        [_adoc_inline(c.strip(), numbers) for c in row.strip()[1:].split("|")]
        for row in rows
        if row.strip().startswith("|")
    ]
    width = len(cells[0]) if cells else 0
    if width > 1 and any(len(row) != width for row in cells[1:]):
        flat = [c for row in cells for c in row]
        cells = [flat[i : i + width] for i in range(0, len(flat), width)]
        cells[-1] += [""] * (width - len(cells[-1]))
    return pipe_table(cells) if cells else []


# --- Textile (Redmine, older Confluence) ---------------------------------------------------------

_TEXTILE_HEADING = re.compile(r"^h([1-6])(?:\([^)\n]*\)|\{[^}\n]*\}|\[[^\]\n]*\]|[<>=])*\.[ \t]+(.*)$")
_TEXTILE_FOOTNOTE = re.compile(r"^fn(\d{1,4})\^?(?:\([^)\n]*\))?\.[ \t]+")  # "fn1. Janz D, ..."
_TEXTILE_NUMBERED = re.compile(r"^(#+)[ \t]+")  # "# item": Textile numbers its lists with "#"
_TEXTILE_BULLET = re.compile(r"^(\*+)[ \t]+")
_TEXTILE_BLOCK = re.compile(r"^(?:bq|p)(?:\([^)\n]*\))?\.[ \t]+")  # "bq. quote", "p. paragraph"
_TEXTILE_CODE = re.compile(r"^(?:bc|pre)\.\.?[ \t]+")
_TEXTILE_MACRO = re.compile(r"^[ \t]*\{\{[^}\n]*\}\}[ \t]*$")  # Redmine's "{{toc}}"
_TEXTILE_CELL = re.compile(r"(?<=\|)[ \t]*(?:_|[<>=^~]|\\\d+|/\d+|\{[^}\n]*\})+\.[ \t]*")  # "|_. Header"
_TEXTILE_LINK = re.compile(r'"([^"\n]+)":(?:https?://|/|#)[^\s<>"]*[^\s<>".,;:!?)]')
_TEXTILE_SPAN = re.compile(r"(?<![\w@])([@]|\?\?)(?=\S)([^\n]*?\S)\1(?!\w)")  # "@code@", "??citation??"
_MIN_TEXTILE_HEADINGS = 2
# Confluence: a macro alone on its line, perhaps with text after it ("{note:title=Caution} Tolerance is ...").
_CONFLUENCE_MACRO = re.compile(r"^[ \t]*\{([a-zA-Z][\w-]*)(?::[^{}\n]*)?\}[ \t]*(.*?)[ \t]*$")
_CONFLUENCE_HIDDEN = frozenset({"code", "noformat"})
_CONFLUENCE_MONOSPACE = re.compile(r"\{\{([^{}\n]+)\}\}")
_CONFLUENCE_LINK = re.compile(r"\[([^\[\]|\n]+)\|(?:https?://|mailto:|/)[^\]\s]*\]")


def _next_number(numbers: list[int], depth: int) -> int:
    """The number a ``#`` item at ``depth`` shows, as a wiki renders it: one more than the last at its level,
    which deeper levels under it restart.  ``numbers`` holds the last number given at each open level."""
    del numbers[depth:]
    numbers += [0] * (depth - len(numbers))
    numbers[-1] += 1
    return numbers[-1]


def textile_to_markdown(text: str) -> str:
    """``text`` as markdown when it is Textile (two ``hN.`` headings or more), else unchanged.

    Confluence's wiki markup, Textile's descendant, is read too: its macros (``{toc}``, ``{panel:title=...}``,
    ``{note}``) are no text, what they frame stays, and a ``{code}`` block's lines go; ``||Header||`` rows head
    a table, ``{{monospace}}`` is its word and ``[label|https://...]`` its label.
    """
    lines = text.split("\n")
    if sum(1 for line in lines if _TEXTILE_HEADING.match(line)) < _MIN_TEXTILE_HEADINGS:
        return text
    out: list[str] = []
    numbers: list[int] = []  # the last number given at each open "#" level: the n-th item is n, as shown
    code = False
    hidden = ""  # the Confluence macro whose block is hidden ("code", "noformat")
    for line in lines:
        item = _TEXTILE_NUMBERED.match(line)
        if not item:
            numbers = []
        if hidden:
            hidden = "" if (macro := _CONFLUENCE_MACRO.match(line)) and macro.group(1).lower() == hidden else hidden
            out.append("")
        elif code:
            code = bool(line.strip())  # a code block runs to the next blank line
            out.append("")
        elif heading := _TEXTILE_HEADING.match(line):
            out += ["", f"{'#' * int(heading.group(1))} {_textile_inline(heading.group(2))}", ""]
        elif _TEXTILE_CODE.match(line):
            code = True
            out.append("")
        elif _TEXTILE_MACRO.match(line):
            out.append("")
        elif macro := _CONFLUENCE_MACRO.match(line):
            name = macro.group(1).lower()
            hidden = name if name in _CONFLUENCE_HIDDEN and not macro.group(2) else ""
            out += ["", _textile_inline(macro.group(2))] if macro.group(2) else [""]
        elif note := _TEXTILE_FOOTNOTE.match(line):
            out.append(f"{note.group(1)}. {_textile_inline(line[note.end() :])}")
        elif item:
            depth = len(item.group(1))
            out.append(f"{'   ' * (depth - 1)}{_next_number(numbers, depth)}. {_textile_inline(line[item.end() :])}")
        elif item := _TEXTILE_BULLET.match(line):
            out.append(f"{'  ' * (len(item.group(1)) - 1)}- {_textile_inline(line[item.end() :])}")
        elif block := _TEXTILE_BLOCK.match(line):
            quote = "> " if line.startswith("bq") else ""
            out.append(quote + _textile_inline(line[block.end() :]))
        elif line.lstrip().startswith("|"):
            out += _textile_row(line, out)
        else:
            out.append(_textile_inline(line))
    return "\n".join(out)


# Confluence's inline macros, which frame words on one line: "{color:red}not recommended{color}",
# "{quote}...{quote}", "{anchor:refs}"; its forced line break "\\"; Textile's underline ("+Do not+") and
# strike-through ("-SPICE-"), whose words are the text.
_CONFLUENCE_INLINE = re.compile(r"\{(?:color|quote|anchor|span|status)(?::[^{}\n]*)?\}")
_FORCED_BREAK = re.compile(r"[ \t]*\\\\[ \t]*")
_TEXTILE_MARKED = re.compile(r"(?<![\w+\-])([+\-])(?=[A-Za-z])([^\n]*?[A-Za-z.])\1(?![\w+\-])")


def _textile_inline(line: str) -> str:
    line = _CONFLUENCE_LINK.sub(r"\1", _CONFLUENCE_MONOSPACE.sub(r"\1", line))
    line = _TEXTILE_MARKED.sub(r"\2", _CONFLUENCE_INLINE.sub("", line))
    parts = _FORCED_BREAK.split(line.rstrip())
    line = "\n".join(parts[:-1] if len(parts) > 1 and not parts[-1] else parts)
    return _TEXTILE_SPAN.sub(r"\2", _TEXTILE_LINK.sub(r"\1", line))


def _textile_row(line: str, out: list[str]) -> list[str]:
    """A table row as a pipe-table row; a header row ("|_. Drug |_. Dose |", Confluence's "||Drug||Dose||") gets
    the rule under it."""
    if line.lstrip().startswith("||"):
        header, row = True, _textile_inline(line.rstrip()).replace("||", "|")
    else:
        header = "|_." in line.replace(" ", "")
        row = _textile_inline(_TEXTILE_CELL.sub(" ", line.rstrip()))
    if header:
        return [row, "|" + " --- |" * max(row.count("|") - 1, 1)]
    return [row]


# --- MediaWiki ---------------------------------------------------------------------------------------

_WIKI_HEADING = re.compile(r"^(={1,6})[ \t]*([^=\n](?:.*?[^=\n])?)[ \t]*\1[ \t]*$")  # "== Background ==": closed
_MIN_WIKI_HEADINGS = 2
_WIKI_COMMENT = re.compile(r"<!--.*?-->", re.S)
_WIKI_REF = re.compile(r"<ref\b([^>]*?)(?:/>|>(.*?)</ref[ \t]*>)", re.S | re.I)
_WIKI_REF_NAME = re.compile(r"""name[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'|([^\s"'/>]+))""", re.I)
_WIKI_REF_LIST = re.compile(
    r"<references\b[^>]*?(?:/>|>.*?</references[ \t]*>)|\{\{[ \t]*reflist\b[^{}]*\}\}", re.S | re.I
)
_WIKI_LIST = re.compile(r"^([*#:;]+)[ \t]*(.*)$")
_WIKI_TABLE_CELLS = re.compile(r"\|\||!!")
_WIKI_CELL_ATTRIBUTES = re.compile(r"^[^|\[\]]*=[^|\[\]]*\|(?!\|)")  # '| style="width:20%" | cell'
_WIKI_LINK = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]*))?\]\]")
_WIKI_HIDDEN_LINK = re.compile(r"^[ \t]*(?:file|image|media|category|[a-z]{2,3}(?:-[a-z]+)?):", re.I)
_WIKI_EXTERNAL = re.compile(r"(?<!\[)\[((?:https?|ftp)://[^\s\]]+)(?:[ \t]+([^\]\n]*))?\](?!\])")
_WIKI_EMPHASIS = (
    (re.compile(r"'''''(.+?)'''''"), r"***\1***"),
    (re.compile(r"'''(.+?)'''"), r"**\1**"),
    (re.compile(r"''(.+?)''"), r"*\1*"),
)
_WIKI_TAGS = re.compile(r"</?(?:nowiki|small|big|u|s|span|div|center|font|abbr)\b[^>]*>|__[A-Z]+__", re.I)
_WIKI_RULE = re.compile(r"^-{4,}[ \t]*$")
# A heading under which external links keep their address: the entries of a reference list.
_WIKI_REFERENCE_HEADING = re.compile(r"reference|bibliograph|source|notes|works cited|literature|reading", re.I)
_NOTES_MARK = "\x00notes\x00"  # where the footnotes are listed: control characters never reach this step


def mediawiki_to_markdown(text: str) -> str:
    """``text`` as markdown when it is MediaWiki wikitext (two closed ``== Heading ==`` lines or
    more), else unchanged.

    ``<ref>`` footnotes are numbered in the order they first appear (a named one keeps its number
    where it is used again) and listed where ``<references />`` or ``{{Reflist}}`` stands, or at
    the end; a citation template (``{{cite journal |last1=... |title=...}}``) is written out as a
    reference; other templates, comments, files and categories are no text.
    """
    if sum(1 for line in text.split("\n") if _WIKI_HEADING.match(line)) < _MIN_WIKI_HEADINGS:
        return text
    text, notes = _wiki_refs(_WIKI_COMMENT.sub("", text))
    text = _wiki_templates(text)
    out: list[str] = []
    numbers: list[int] = []  # the last number given at each open "#" level
    table: list[str] | None = None
    references = False
    for line in text.split("\n"):
        stripped = line.strip()
        if table is not None:
            if stripped.startswith("|}"):
                out += [*_wiki_table(table), ""]
                table = None
            else:
                table.append(stripped)
            continue
        item = _WIKI_LIST.match(line)
        if not (item and "#" in item.group(1)):
            numbers = []
        if stripped.startswith("{|"):
            table = []
            out.append("")
        elif line == _NOTES_MARK:
            out += _wiki_notes(notes)
        elif heading := _WIKI_HEADING.match(line):
            references = bool(_WIKI_REFERENCE_HEADING.search(heading.group(2)))
            out += ["", f"{'#' * len(heading.group(1))} {_wiki_inline(heading.group(2), references)}", ""]
        elif _WIKI_RULE.match(line):
            out += ["", "---", ""]
        elif item:
            out.append(_wiki_item(item.group(1), _wiki_inline(item.group(2), references), numbers))
        else:
            out.append(_wiki_inline(line, references))
    if table is not None:
        out += _wiki_table(table)
    if notes and _NOTES_MARK not in text:
        out += ["", "## References", "", *_wiki_notes(notes)]
    return "\n".join(out)


def _wiki_refs(text: str) -> tuple[str, list[str]]:
    """The text with each ``<ref>`` as ``[n]``, and the footnotes in the order of their numbers."""
    notes: list[str] = []
    named: dict[str, int] = {}

    def number(match: re.Match) -> str:
        name = _WIKI_REF_NAME.search(match.group(1) or "")
        key = next((g for g in name.groups() if g is not None), "") if name else ""
        body = (match.group(2) or "").strip()
        if key in named:
            n = named[key]
            if body and not notes[n - 1]:
                notes[n - 1] = body  # used before its text was given
        else:
            notes.append(body)
            n = len(notes)
            if key:
                named[key] = n
        return f"[{n}]"

    text = _WIKI_REF.sub(number, text)
    if notes:
        text = _WIKI_REF_LIST.sub(f"\n{_NOTES_MARK}\n", text, count=1)
    return text, [_wiki_templates(note) for note in notes]


def _wiki_notes(notes: list[str]) -> list[str]:
    return [f"{n}. {_wiki_inline(' '.join(note.split()), True)}" for n, note in enumerate(notes, 1) if note]


def _wiki_templates(text: str) -> str:
    """``text`` without its ``{{templates}}`` (nested ones too); a citation template as its reference."""
    out: list[str] = []
    depth = start = i = 0
    while i < len(text):
        if text.startswith("{{", i):
            start = i if depth == 0 else start
            depth += 1
            i += 2
        elif depth and text.startswith("}}", i):
            depth -= 1
            i += 2
            if depth == 0:
                out.append(_cite_template(text[start + 2 : i - 2]))
        else:
            if depth == 0:
                out.append(text[i])
            i += 1
    if depth:  # never closed: its text stays
        out.append(text[start:])
    return "".join(out)


def _cite_template(body: str) -> str:
    """A ``{{cite journal |...}}`` or ``{{citation |...}}`` as "Authors. Title. Journal. Year. ...";
    another template as nothing."""
    name, _, rest = body.partition("|")
    if not re.match(r"\s*(?:cite\b|citation\b|vcite)", name, re.I):
        return ""
    fields: dict[str, str] = {}
    for part in rest.split("|"):
        key, sep, value = part.partition("=")
        if sep and value.strip():
            fields[key.strip().lower()] = " ".join(value.split())
    names = []
    for n in ["", *map(str, range(1, 100))]:
        last = fields.get(f"last{n}") or fields.get(f"surname{n}") or fields.get(f"author{n}")
        if not last:
            if n:
                break
            continue
        first = fields.get(f"first{n}") or fields.get(f"given{n}") or ""
        initials = "".join(word[0] for word in re.split(r"[\s.-]+", first) if word)
        names.append(f"{last} {initials}".strip())
    authors = fields.get("authors") or fields.get("vauthors") or ", ".join(dict.fromkeys(names))
    year = fields.get("year") or next(iter(re.findall(r"\d{4}", fields.get("date", ""))), "")
    journal = fields.get("journal") or fields.get("work") or fields.get("website") or fields.get("publisher", "")
    issue = f"{year};{fields.get('volume', '')}" if fields.get("volume") else year  # Vancouver: "2016;16:161-8"
    issue += f":{fields['pages']}" if fields.get("pages") and issue else ""
    doi = f"doi:{fields['doi']}" if fields.get("doi") else ""
    parts = (authors, fields.get("title", ""), journal, issue, doi)
    return " ".join([*(f"{part.rstrip('.')}." for part in parts if part), fields.get("url", "")]).strip()


def _wiki_inline(line: str, references: bool = False) -> str:
    """A line's links as their labels (an external link in a reference list keeps its address),
    its ``'''bold'''`` and ``''italic''`` as markdown's, its other tags dropped."""

    def link(match: re.Match) -> str:
        target, label = match.group(1), match.group(2)
        return "" if _WIKI_HIDDEN_LINK.match(target) else (label if label is not None else target)

    def external(match: re.Match) -> str:
        url, label = match.group(1), (match.group(2) or "").strip()
        return f"{label} {url}".strip() if references or not label else label

    while (linked := _WIKI_LINK.sub(link, line)) != line:  # innermost first: a file's caption holds links
        line = linked
    line = _WIKI_EXTERNAL.sub(external, line)
    for pattern, replacement in _WIKI_EMPHASIS:
        line = pattern.sub(replacement, line)
    return _WIKI_TAGS.sub("", line)


def _wiki_item(marks: str, body: str, numbers: list[int]) -> str:
    """A list line ("* ", "## ", "#* ", ": ", "; term") as a markdown item; ``numbers`` counts the "#" items."""
    depth, kind = len(marks), marks[-1]
    if kind == ";":
        term, _, definition = body.partition(" : ")
        return " ".join(filter(None, (f"**{term.strip()}**", definition.strip())))
    if kind == ":":
        return body  # an indented paragraph
    indent = "   " * (depth - 1)
    if kind == "#":
        return f"{indent}{_next_number(numbers, depth)}. {body}"
    del numbers[depth:]  # a bullet ends the deeper numbered levels under it
    return f"{indent}- {body}"


def _wiki_table(rows: list[str]) -> list[str]:
    """A ``{| ... |}`` table as its caption and a pipe table, the first row its header."""
    caption = ""
    cells: list[list[str]] = [[]]
    for row in rows:
        if row.startswith("|+"):
            caption = _wiki_inline(row[2:].strip())
        elif row.startswith("|-"):
            cells.append([])
        elif row.startswith(("|", "!")):
            cells[-1] += [
                _wiki_inline(_WIKI_CELL_ATTRIBUTES.sub("", cell).strip()) for cell in _WIKI_TABLE_CELLS.split(row[1:])
            ]
        elif cells[-1] and row:
            cells[-1][-1] = f"{cells[-1][-1]} {_wiki_inline(row)}".strip()  # a cell's text runs on
    cells = [row for row in cells if row]
    if not cells:
        return [caption] if caption else []
    table = pipe_table(_square([[cell.replace("|", "/") for cell in row] for row in cells]))
    return ([caption, ""] if caption else []) + table


# --- DokuWiki ----------------------------------------------------------------------------------------

# DokuWiki closes its headings as MediaWiki does (_WIKI_HEADING); these marks are its own.  A page
# that has its headings and one of them is DokuWiki's, unless it has a mark only MediaWiki uses.
_DOKU_MARKS = re.compile(
    r"^[ \t]{2,}[*-][ \t]+\S|^\^.*\^[ \t]*$|~~[A-Z]+~~|\{\{tag>|^</?(?:note|WRAP)\b|(?<![:/\w])//\S", re.M
)
_MEDIAWIKI_MARKS = re.compile(r"'''|<ref\b|^\{\||^[*#]+[ \t]", re.M | re.I)
_DOKU_LIST = re.compile(r"^((?:  )+)([*-])[ \t]*(.*)$")  # "  * bullet", "    - numbered, second level"
_DOKU_TABLE = re.compile(r"^[ \t]*[|^]")
_DOKU_HIDDEN = re.compile(r"^[ \t]*<(code|file|html|php)\b[^>]*>(.*)$", re.I)  # runs to its closing tag
_DOKU_BOX = re.compile(r"^[ \t]*</?(?:note|WRAP|wrap|hidden|box)\b[^>]*>[ \t]*$")  # a frame: its text stays
_DOKU_MACRO = re.compile(r"~~[A-Z]+(?::[^~\n]*)?~~|\{\{[^{}\n]*\}\}")  # ~~NOTOC~~, {{tag>...}}, {{image.png}}
_DOKU_FOOTNOTE = re.compile(r"\(\((.+?)\)\)", re.S)
_DOKU_EMPHASIS = (
    (re.compile(r"(?<![:/\w])//(?=\S)(.+?)(?<=\S)//"), r"*\1*"),  # not the "//" of an address
    (re.compile(r"''(.+?)''"), r"\1"),  # monospace
    (re.compile(r"__(.+?)__"), r"\1"),  # underline
    (re.compile(r"%%(.+?)%%"), r"\1"),  # unformatted
    (re.compile(r"<del>(.+?)</del>"), r"~~\1~~"),
    (re.compile(r"<(?:sub|sup)>(.+?)</(?:sub|sup)>"), r"\1"),
    (re.compile(r"[ \t]*\\\\(?=[ \t]|$)"), ""),  # a forced line break
)


def dokuwiki_to_markdown(text: str) -> str:
    """``text`` as markdown when it is a DokuWiki page (two closed ``== Heading ==`` lines or more and one
    of DokuWiki's own marks), else unchanged.

    Its headings rank the other way round from MediaWiki's: six ``=`` are the page's title, five a
    section, two the lowest.  ``((footnotes))`` are numbered in order, as the wiki shows them, and listed
    at the end as the references.
    """
    if sum(1 for line in text.split("\n") if _WIKI_HEADING.match(line)) < _MIN_WIKI_HEADINGS:
        return text
    if not _DOKU_MARKS.search(text) or _MEDIAWIKI_MARKS.search(text):
        return text
    notes: list[str] = []

    def footnote(match: re.Match) -> str:
        notes.append(" ".join(match.group(1).split()))
        return f"[{len(notes)}]"

    out: list[str] = []
    numbers: list[int] = []  # the last number given at each open "-" level
    table: list[list[str]] = []
    hidden = ""
    for line in _DOKU_FOOTNOTE.sub(footnote, text).split("\n"):
        if hidden:
            hidden = "" if re.search(rf"</{hidden}>", line, re.I) else hidden
            out.append("")
            continue
        if _DOKU_TABLE.match(line):
            table.append(_doku_cells(line))
            continue
        if table:
            out += [*pipe_table(_square(table)), ""]
            table = []
        item = _DOKU_LIST.match(line)
        if not (item and item.group(2) == "-"):
            numbers = []
        if code := _DOKU_HIDDEN.match(line):
            hidden = "" if re.search(rf"</{code.group(1)}>", code.group(2), re.I) else code.group(1)
            out.append("")
        elif _DOKU_BOX.match(line):
            out.append("")
        elif heading := _WIKI_HEADING.match(line):
            level = max(1, 7 - len(heading.group(1)))
            out += ["", f"{'#' * level} {_doku_inline(heading.group(2))}", ""]
        elif _WIKI_RULE.match(line):
            out += ["", "---", ""]
        elif item:
            depth = len(item.group(1)) // 2
            indent = "   " * (depth - 1)
            if item.group(2) == "-":
                out.append(f"{indent}{_next_number(numbers, depth)}. {_doku_inline(item.group(3))}")
            else:
                del numbers[depth:]  # a bullet ends the deeper numbered levels under it
                out.append(f"{indent}- {_doku_inline(item.group(3))}")
        else:
            out.append(_doku_inline(line))
    if table:
        out += pipe_table(_square(table))
    if notes:
        out += ["", "## References", "", *(f"{n}. {_doku_inline(note)}" for n, note in enumerate(notes, 1))]
    return "\n".join(out)


def _doku_inline(line: str) -> str:
    """A line's links as their labels, its emphasis as markdown's, its macros and media dropped."""
    line = _DOKU_MACRO.sub("", line)
    line = _WIKI_LINK.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(1).split(":")[-1], line)
    for pattern, replacement in _DOKU_EMPHASIS:
        line = pattern.sub(replacement, line)
    return line


def _doku_cells(line: str) -> list[str]:
    """A table row's cells (``^ header ^`` or ``| cell |``), links read first: a link's ``|`` is no border."""
    row = _doku_inline(line.strip())
    return [cell.strip() for cell in re.split(r"[|^]", row)[1:-1]]


def _square(rows: list[list[str]]) -> list[list[str]]:
    """Rows padded to the widest; a table needs one row at least."""
    rows = [row for row in rows if row] or [[""]]
    width = max(len(row) for row in rows)
    return [row + [""] * (width - len(row)) for row in rows]


# --- BBCode --------------------------------------------------------------------------------------------

# A forum post's source as its edit box holds it: "[b]bold[/b]", "[url=https://...]label[/url]",
# "[quote="member"]...[/quote]", "[list][*] item[/list]", "[table][tr][td]...". Its tags are words in
# brackets, which no citation marker is ("[3]", "[4-6]"); three of them or more make a post.
_BB_TAG = re.compile(
    r"\[(/?)(b|i|u|s|size|color|colour|font|center|left|right|quote|url|img|list|table|tr|td|th|hr|code|sup|sub"
    r"|spoiler|indent|highlight|\*)(?:=([^\]\n]*))?\]",
    re.I,
)
_MIN_BB_TAGS = 3
_BB_SIGNATURE = re.compile(r"^[ \t]*_{5,}[ \t]*$")  # phpBB's line over the poster's signature


def bbcode_to_markdown(text: str) -> str:
    """``text`` as markdown when it is a forum post in BBCode (three tags or more), else unchanged.

    A line that is only a sized or coloured phrase ("[size=150][b]Benzimidazoles[/b][/size]") is a heading;
    the signature under a line of underscores is no text.
    """
    if len({m.group(2).lower() for m in _BB_TAG.finditer(text)}) < _MIN_BB_TAGS:
        return text
    lines = text.split("\n")
    end = next((k for k in range(len(lines) - 1, -1, -1) if _BB_SIGNATURE.match(lines[k])), None)
    if end is not None and len([line for line in lines[end + 1 :] if line.strip()]) <= 3:
        lines = lines[:end]
    text = re.sub(
        r"\[(img|code)\b[^\]]*\].*?\[/\1\]", "", "\n".join(lines), flags=re.I | re.S
    )  # an image's address, a code block: no text
    text = re.sub(r"\[url=([^\]\n]*)\](.*?)\[/url\]", r"\2", text, flags=re.I | re.S)
    text = _bb_tables(text)
    out: list[str] = []
    numbered: list[bool] = []  # the open lists, True for a numbered one
    counts: list[int] = []
    quote = 0
    for line in text.split("\n"):
        heading = _bb_heading(line)
        pieces = re.split(r"(\[/?(?:list|quote)(?:=[^\]\n]*)?\]|\[\*\]|\[hr\])", line, flags=re.I)
        if heading:
            out += ["", f"## {heading}", ""]
            continue
        current = ""
        for piece in pieces:
            tag = piece.lower()
            if tag.startswith("[list"):
                numbered.append("=" in tag)
                counts.append(0)
            elif tag == "[/list]":
                numbered, counts = numbered[:-1], counts[:-1]
                out.append(current)
                current = ""
            elif tag.startswith("[quote"):
                out.append(current)
                current, quote = "", quote + 1
            elif tag == "[/quote]":
                out.append(current)
                current, quote = "", max(0, quote - 1)
            elif tag == "[hr]":
                out += [current, "", "---", ""]
                current = ""
            elif tag == "[*]":
                out.append(current)
                if counts:
                    counts[-1] += 1
                indent = "   " * (len(numbered) - 1)
                current = f"{indent}{counts[-1]}. " if numbered and numbered[-1] else f"{indent}- "
            else:
                current += _bb_inline(piece)
        out.append(("> " if quote and current.strip() else "") + current)
    return "\n".join(line.rstrip() for line in out)


def _bb_inline(text: str) -> str:
    """Bold and italic as markdown's, every other tag dropped, its text kept."""
    text = re.sub(r"\[b\](.*?)\[/b\]", r"**\1**", text, flags=re.I)
    text = re.sub(r"\[i\](.*?)\[/i\]", r"*\1*", text, flags=re.I)
    return _BB_TAG.sub("", text)


def _bb_heading(line: str) -> str:
    """A line that is one phrase in a size or colour tag, or all bold, as a heading's text; else ""."""
    stripped = line.strip()
    if not re.match(r"\[(?:size|color|colour|font|b|u)\b", stripped, re.I) or not re.search(r"\[/\w+\]$", stripped):
        return ""
    if not re.search(r"\[(?:size|color|colour|u)\b", stripped, re.I):
        return ""  # bold alone is a bold line: the parser decides whether it heads a section
    words = _BB_TAG.sub("", stripped).strip()
    return words if words and len(words.split()) <= 12 and not re.search(r"\[\d", words) else ""


def _bb_tables(text: str) -> str:
    """Each ``[table]`` as a pipe table, its first row the header."""

    def table(m: re.Match) -> str:
        rows = []
        for row in re.findall(r"\[tr\](.*?)\[/tr\]", m.group(1), flags=re.I | re.S):
            cells = re.findall(r"\[t[dh]\](.*?)\[/t[dh]\]", row, flags=re.I | re.S)
            rows.append([" ".join(_bb_inline(cell).replace("**", "").replace("|", "/").split()) for cell in cells])
        rows = [row for row in rows if row]
        if not rows:
            return ""
        return "\n\n" + "\n".join(pipe_table(_square(rows))) + "\n\n"

    return re.sub(r"\[table\](.*?)\[/table\]", table, text, flags=re.I | re.S)


# --- Python-Markdown's extensions (MkDocs) ----------------------------------------------------------

# A box's or a tab's first line: its kind and title (a label, not a claim); its text is indented under it.
_MK_BLOCK = re.compile(
    r"^([ \t]*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+\"[^\"\n]*\")?[ \t]*$"
    r"|^([ \t]*)===\+?[ \t]+\"[^\"\n]*\"[ \t]*$"
)
# An attribute list: after a heading ("## Receptors { #receptors }") or on a line of its own ("{ .annotate }").
_MK_ATTRIBUTES = re.compile(
    r"[ \t]*\{:?[ \t]*(?:[#.][\w:-]+|[\w-]+=\S+)(?:[ \t]+(?:[#.][\w:-]+|[\w-]+=\S+))*[ \t]*\}[ \t]*$", re.M
)
_MK_ICON = re.compile(r"(?<![\w:]):(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:(?![\w:])[ \t]?")
_MK_SNIPPET = re.compile(r"^[ \t]*-{2}8<-{2}[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*')?[ \t]*$", re.M)
_MK_INDENT = 4


def mkdocs_to_markdown(text: str) -> str:
    """``text`` with its admonitions, tabs, attribute lists, icons and snippet lines as plain markdown,
    when it has any of them, else unchanged: a box's or tab's text is dedented into paragraphs of its own."""
    if not (re.search(r"^[ \t]*(?:!!!|\?\?\?|===)[ \t]", text, re.M) or "--8<--" in text or _MK_ICON.search(text)):
        return text
    text = _MK_ICON.sub("", _MK_SNIPPET.sub("", text))
    text = _MK_ATTRIBUTES.sub("", text)
    lines, out = text.split("\n"), []
    inside: list[int] = []  # the indents of the boxes the line stands in
    for line in lines:
        indent = len(line) - len(line.lstrip(" ")) if line.strip() else None
        while inside and indent is not None and indent < inside[-1]:
            inside.pop()
        if block := _MK_BLOCK.match(line):
            out += ["", ""]
            inside.append(len(block.group(1) if block.group(1) is not None else block.group(2)) + _MK_INDENT)
            continue
        out.append(line[inside[-1] :] if inside and indent is not None else line)
    return "\n".join(out)


# --- Typst ----------------------------------------------------------------------------------------

# Typst sources open with set and show rules (or imports, let bindings); that is what tells their
# "= Heading" from AsciiDoc's, and their "#" from a markdown heading.
_TYPST_RULE = re.compile(r"^#(?:set|show|let|import|include)\b", re.M)
_TYPST_HEADING = re.compile(r"^(={1,6})[ \t]+(\S.*?)[ \t]*(?:<[\w:.-]+>)?[ \t]*$")
_MIN_TYPST_HEADINGS = 2
_TYPST_CALL = re.compile(r"^[ \t]*#([a-z][\w.-]*)")  # a line opening with a function call: "#figure(" ...
# Calls whose content is prose: run into a line ("#link(...)[text]", "#emph[...]"), or a block of their own.
_TYPST_RUN_IN = ("link", "emph", "strong", "underline", "highlight", "smallcaps")
_TYPST_SHOWN = frozenset({"align", "block", "box", "text", "par", "quote", "pad", "center"})
_TYPST_INLINE = re.compile(rf"#(?:{'|'.join(_TYPST_RUN_IN)}|text|box)(?:\(([^()]*)\))?\[([^\[\]]*)\]")
_TYPST_SPACING = re.compile(r"#(?:v|h)\([^()]*\)")
_TYPST_BARE_LINK = re.compile(r'#link\("([^"]*)"\)')
_TYPST_LABEL = re.compile(r"[ \t]*<[\w:.-]+>[ \t]*$")
_TYPST_LINE_BREAK = re.compile(r"[ \t]+\\$")
_TYPST_COMMENT = re.compile(r"(?<![:/\w])//(?!/).*$")  # "text // note", not "https://..."
_TYPST_STRONG = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])")


def typst_to_markdown(text: str) -> str:
    """``text`` as markdown when it is a Typst source (set/show rules and ``=`` headings), else unchanged.

    Headings become ``#`` headings, ``+`` items numbered ones and a ``#table(columns: n, ...)`` a pipe
    table (its first row the header); a content block's text (``#align(center)[...]``, ``#text(...)[...]``,
    ``#link("...")[text]``) is kept; rules, spacing, figures and comments hold no prose and go.
    """
    lines = text.split("\n")
    headings = sum(1 for line in lines if _TYPST_HEADING.match(line))
    if not (_TYPST_RULE.search(text) and headings >= _MIN_TYPST_HEADINGS):
        return text
    out: list[str] = []
    i = 0
    comment = False
    # A content block opened before any text (``#align(center)[``) is the title block: its first
    # line is the title, the rest (authors, affiliation, date) no claim.
    front = titled = False
    while i < len(lines):
        line = _TYPST_COMMENT.sub("", lines[i])
        i += 1
        if comment or line.lstrip().startswith("/*"):
            comment = "*/" not in line
            out.append("")
            continue
        if front and line.strip() != "]":
            text = _typst_inline(line).strip().strip("*").strip()
            if text and not titled:
                titled = True
                out += [f"# {text}", ""]
            else:
                out.append("")
            continue
        call = _TYPST_CALL.match(line)
        if call and call.group(1) not in _TYPST_RUN_IN:
            # The whole call, to where its parentheses close (a content block opened on its line stays open).
            body, depth = line, line.count("(") - line.count(")")
            while depth > 0 and i < len(lines):
                body += "\n" + lines[i]
                depth += lines[i].count("(") - lines[i].count(")")
                i += 1
            name = call.group(1)
            if name == "table":
                out += ["", *_typst_table(body), ""]
            elif name in _TYPST_SHOWN and body.rstrip().endswith("[") and not _has_text(out):
                front = True
                out.append("")
            elif name in _TYPST_SHOWN:
                content = body[body.find("[") + 1 :] if body.rstrip().endswith("[") else _typst_inline(body)
                out += ["", _typst_inline(content).strip()] if content.strip() else [""]
            else:
                out.append("")  # a rule, spacing, a figure, a page break: no prose
            continue
        if line.strip() == "]":
            front = False
            out.append("")  # the end of a content block opened above
            continue
        if heading := _TYPST_HEADING.match(line):
            out += ["", f"{'#' * len(heading.group(1))} {_typst_inline(heading.group(2))}", ""]
            continue
        numbered = re.match(r"^([ \t]*)\+[ \t]+", line)
        if numbered:
            line = f"{numbered.group(1)}1. {line[numbered.end() :]}"
        out.append(_TYPST_LINE_BREAK.sub("", _typst_inline(line)))
    return "\n".join(out)


def _has_text(out: list[str]) -> bool:
    """Whether any line written so far holds text."""
    return any(line.strip() for line in out)


def _typst_inline(line: str) -> str:
    """A line's content calls replaced by their content, bare links by their address."""
    previous = None
    while previous != line:
        previous, line = line, _TYPST_INLINE.sub(lambda m: m.group(2), line)
    line = _TYPST_BARE_LINK.sub(lambda m: m.group(1), line)
    line = _TYPST_SPACING.sub("", line)
    line = _TYPST_STRONG.sub(r"**\1**", line)  # Typst's *strong* is markdown's **strong**
    return _TYPST_LABEL.sub("", line)


def _typst_table(body: str) -> list[str]:
    """``#table(columns: n, [a], [b], ...)`` as a pipe table of rows of n cells."""
    columns = re.search(r"columns:[ \t]*(?:(\d+)|\(([^()]*)\))", body)
    width = 0  # "columns: 3", or "columns: (auto, 1fr, 2fr)": one per width
    if columns:
        width = int(columns.group(1)) if columns.group(1) else len(columns.group(2).split(","))
    cells, depth, start = [], 0, 0
    for at, char in enumerate(body):
        if char == "[":
            depth += 1
            if depth == 1:
                start = at + 1
        elif char == "]" and depth:
            depth -= 1
            if depth == 0:
                cells.append(" ".join(_typst_inline(body[start:at]).replace("|", "/").split()))
    if not width or len(cells) < width:
        return [" ".join(cells)] if cells else []
    rows = [cells[k : k + width] for k in range(0, len(cells) - len(cells) % width, width)]
    return pipe_table(rows)


# --- transcripts ----------------------------------------------------------------------------------

# A turn of a podcast's or a talk's transcript: "[00:04:40] DR. KELLER: ...", "(12:31) HOST - ...".
_TURN = re.compile(
    r"^[ \t]*[\[(](\d{1,2}:\d{2}(?::\d{2})?)[\])][ \t]*"
    r"(?:((?:[A-Z][A-Za-z.'’-]*[ \t]+){0,3}[A-Z][A-Z.'’-]+)[ \t]*(?::|[ \t]-)[ \t]*)?"
)
_MIN_TURNS = 3
# In a transcript, a bracketed note with no digit is a stage direction: "[laughs]", "[crosstalk]", "[AD BREAK]".
_STAGE_DIRECTION = re.compile(r"[ \t]*\[(?:[a-z][a-z \t'-]*|[A-Z][A-Z \t'-]*)\][ \t]*")


def transcript_to_markdown(text: str) -> str:
    """``text`` without its turns' timestamps and speakers, and without stage directions, when at
    least three lines open with a bracketed timestamp, else unchanged: each turn is a paragraph."""
    lines = text.split("\n")
    if sum(1 for line in lines if _TURN.match(line)) < _MIN_TURNS:
        return text
    out: list[str] = []
    for line in lines:
        if turn := _TURN.match(line):
            line = line[turn.end() :]
            out.append("")
        out.append(_STAGE_DIRECTION.sub(" ", line).strip() if _STAGE_DIRECTION.search(line) else line)
    return "\n".join(out)


# --- all of them -----------------------------------------------------------------------------------

# In the order the parser tries them; each leaves a document in another markup as it is.
_MARKUPS = (
    bbcode_to_markdown,
    dokuwiki_to_markdown,
    mediawiki_to_markdown,
    org_to_markdown,
    rst_to_markdown,
    asciidoc_to_markdown,
    textile_to_markdown,
    slides_to_markdown,
    outline_to_markdown,
    mkdocs_to_markdown,
    typst_to_markdown,
    transcript_to_markdown,
)


def light_markup_to_markdown(text: str) -> str:
    """``text`` as markdown when it is in one of the markups above, else unchanged."""
    for markup in _MARKUPS:
        text = markup(text)
    return text


def pipe_table(rows: list[list[str]]) -> list[str]:
    """Rows of cells as a markdown pipe table, the first row its header."""
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + " --- |" * len(rows[0]))
    return lines
