"""Org mode and reStructuredText, rewritten as the markdown the parser reads.

Some reviews are kept in Emacs's Org mode (``#+TITLE:``, ``* Heading``,
``|---+---|`` tables) or in reStructuredText (underlined titles, ``[1]_``
citations, ``.. [1]`` entries, directives).  Each is recognised by marks that
markdown and plain text do not use, and rewritten line by line into the forms
``bcqa.corpus`` already reads, as ``bcqa.htmltext`` does for inline HTML.  A
document with neither is returned as it is.
"""

from __future__ import annotations

import re

__all__ = ["org_to_markdown", "rst_to_markdown"]

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
            out.append(f"# {keyword.group(2).strip()}" if name == "title" and keyword.group(2).strip() else "")
        elif _ORG_DRAWER.match(line):
            drawer = True
            out.append("")
        elif heading := _ORG_HEADING.match(line):
            out.append(f"{'#' * min(len(heading.group(1)) + 1, 6)} {_org_inline(heading.group(2))}")
        elif rule := _ORG_TABLE_RULE.match(line):
            out.append(f"{rule.group(1)}|{rule.group(2).replace('+', '|')}|")
        else:
            out.append(_org_inline(line))
    return "\n".join(out)


def _org_inline(line: str) -> str:
    line = _ORG_LINK.sub(lambda m: m.group(2) or m.group(1), line)
    return _ORG_EMPHASIS.sub(lambda m: f"*{m.group(2)}*" if m.group(1) == "/" else m.group(2), line)


# --- reStructuredText ---------------------------------------------------------------------

_RST_CITATION = re.compile(r"\[(\d{1,4})\]_")  # "[12]_" cites reference 12
_RST_ENTRY = re.compile(r"^\.\.[ \t]+\[(\d{1,4})\][ \t]+", re.M)  # ".. [12] Author ..." lists it
_RST_DIRECTIVE = re.compile(r"^\.\.[ \t]+([\w-]+)::(.*)$")
_RST_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+:._])\1{2,}[ \t]*$")
_RST_FIELD = re.compile(r"^:[\w ][^:\n]*:(?:[ \t]|$)")
_RST_ROLE = re.compile(r":[\w-]+:`([^`\n]+)`")
_RST_LINK = re.compile(r"`([^`<\n]+?)\s*<[^>\n]+>`__?")
_RST_LITERAL = re.compile(r"``([^`\n]+)``")
# Directives whose content is no prose: code, pictures, raw markup, a table of contents.
_RST_HIDDEN = frozenset(
    "code code-block sourcecode literalinclude image figure raw contents toctree include math highlight".split()
)


def rst_to_markdown(text: str) -> str:
    """``text`` as markdown when it is reStructuredText (``[1]_`` markers, ``.. [1]`` entries or
    directives, at least two such marks), else unchanged."""
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
            keep = directive is not None and directive.group(1).lower() not in _RST_HIDDEN
            out.append("")
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i][:1] in " \t"):
                body = lines[i].strip()
                out.append(_rst_inline(body) if keep and not _RST_FIELD.match(body) else "")
                i += 1
            continue
        if _RST_FIELD.match(line):
            out.append("")  # a document's fields (":Author: ...", ":Date: ...") are about it, not claims
        else:
            out.append(_rst_inline(line))
        i += 1
    return _RST_ENTRY.sub(r"[\1] ", "\n".join(out))


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
