"""Inline HTML in a markdown document, rewritten as the markdown the parser reads.

Reviews exported from a CMS, a static-site generator or a chat assistant mix
markdown with HTML: ``<h2>`` headings, ``<p>`` paragraphs, ``<ol><li>``
reference lists, ``<table>`` rows, ``<a href="#ref1">[1]</a>`` markers and
entities (``&ndash;``, ``&#8209;``).  ``html_to_markdown`` turns those into
their markdown forms (``## ``, blank lines, ``1. ``, ``| cell |`` rows,
``[1]``, the characters) so that the rest of ``bcqa.corpus`` needs no HTML
of its own; ``<em>`` and ``<strong>`` become ``*`` and ``**``.  Inline tags
the parser already reads (``<sup>``, ``<sub>``, ``<span>``) and anything it
does not know pass through unchanged.  A document with no HTML is returned as it is.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_markdown"]

# What makes a document worth rewriting: a block, link or emphasis tag, or an entity.
_HTML_HINT = re.compile(
    r"<(?:p|h[1-6]|table|tr|ol|ul|li|a|details|summary|figure|figcaption|img|div|br|blockquote|code|pre|strong|b|em|i)\b[^>]*>"
    r"|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});"
)
_BLOCKS = {"p", "div", "blockquote", "details", "figure", "figcaption", "pre", "section", "article", "header"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_DROPPED = {"img", "thead", "tbody", "tfoot", "colgroup", "col", "caption"}


def html_to_markdown(text: str) -> str:
    """``text`` with its HTML blocks, links, lists, tables and entities in markdown form."""
    if not _HTML_HINT.search(text):
        return text
    parser = _Converter()
    parser.feed(text)
    parser.close()
    return parser.result()


class _Converter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self._out: list[list[str]] = [[]]  # a stack: a link's or a table cell's text collects apart
        self._lists: list[list] = []  # [kind, next number]
        self._links: list[str] = []
        self._table: list[list[str]] | None = None
        self._header_rows = 0

    # --- output ---------------------------------------------------------------------------------

    def _write(self, s: str) -> None:
        self._out[-1].append(s)

    def _push(self) -> None:
        self._out.append([])

    def _pop(self) -> str:
        return "".join(self._out.pop())

    def result(self) -> str:
        while len(self._out) > 1:  # unclosed link or cell: keep its text
            text = self._pop()
            self._write(text)
        return "".join(self._out[0])

    # --- tags -----------------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        if tag in _HEADINGS:
            self._write("\n\n" + "#" * _HEADINGS[tag] + " ")
        elif tag in _BLOCKS:
            self._write("\n\n")
        elif tag == "br":
            self._write(" " if self._table is not None else "\n")
        elif tag in ("ol", "ul"):
            start = dict(attrs).get("start") or "1"
            self._lists.append([tag, int(start) if start.isdigit() else 1])
            self._write("\n\n")
        elif tag == "li":
            kind = self._lists[-1] if self._lists else ["ul", 1]
            indent = "  " * max(0, len(self._lists) - 1)
            if kind[0] == "ol":
                self._write(f"\n{indent}{kind[1]}. ")
                kind[1] += 1
            else:
                self._write(f"\n{indent}- ")
        elif tag == "summary":
            self._write("\n\n**")  # "**Methods note:**": a lead-in, no claim
        elif tag in ("em", "i"):
            self._write("*")
        elif tag in ("strong", "b"):
            self._write("**")
        elif tag == "a":
            self._links.append(dict(attrs).get("href") or "")
            self._push()
        elif tag == "table":
            self._table, self._header_rows = [], 0
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            if tag == "th" and len(self._table) == 1:
                self._header_rows = 1
            self._push()
        elif tag == "code":
            self._write("`")
        elif tag in _DROPPED:
            pass
        else:
            self._write(self.get_starttag_text() or "")

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "img", "hr"):
            self.handle_starttag(tag, attrs)
            if tag == "hr":
                self._write("\n\n---\n\n")
        else:
            self._write(self.get_starttag_text() or "")

    def handle_endtag(self, tag):
        if tag in _HEADINGS or tag in _BLOCKS:
            self._write("\n\n")
        elif tag in ("ol", "ul"):
            if self._lists:
                self._lists.pop()
            self._write("\n\n")
        elif tag == "li":
            self._write("\n")
        elif tag == "summary":
            self._write(":**\n\n")
        elif tag in ("em", "i"):
            self._write("*")
        elif tag in ("strong", "b"):
            self._write("**")
        elif tag == "a" and self._links:
            href, label = self._links.pop(), self._pop()
            # A web link keeps its address (a reference entry's DOI); an anchor ("#ref1") is its text.
            linked = href.startswith(("http://", "https://")) and label.strip() and label.strip() != href
            self._write(f"[{label}]({href})" if linked else label)
        elif tag in ("td", "th") and self._table is not None and len(self._out) > 1:
            cell = " ".join(self._pop().split())
            if not self._table:
                self._table.append([])
            self._table[-1].append(cell)
        elif tag == "table" and self._table is not None:
            self._write(_pipe_table(self._table))
            self._table = None
        elif tag == "code":
            self._write("`")
        elif tag in ("tr", *_DROPPED):
            pass
        else:
            self._write(f"</{tag}>")

    def handle_data(self, data):
        if self._table is not None and len(self._out) == 1:
            return  # whitespace between a table's rows and cells
        self._write(data)

    def handle_comment(self, data):
        pass  # "<!-- TODO: check ref 9 -->" is no text


def _pipe_table(rows: list[list[str]]) -> str:
    """A markdown table: the first row is the header (as the parser reads a markdown table)."""
    rows = [r for r in rows if any(c for c in r)]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    lines.insert(1, "|" + " --- |" * width)
    return "\n\n" + "\n".join(lines) + "\n\n"
