"""Render an answer as markdown or plain text (pure string functions).

All document and user text is escaped for markdown and HTML here.  Takes any
object shaped like ``bcqa.answer.Answer``; nothing here imports it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bcqa.types import Reference, surnames_of

if TYPE_CHECKING:
    from bcqa.answer import Answer
    from bcqa.types import Hit, Statement

# Backslash-escaped so that no markdown construct (image, link, autolink, emphasis, heading,
# list, table, code) can form from user text; CommonMark allows the escape before any ASCII punctuation.
_MARKDOWN_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|~:"})


def escape_markdown(text: str) -> str:
    """User text for markdown: every markdown character escaped, then HTML-escaped.

    ``![x](http://host/t.png)`` renders as those characters, not as an image
    the browser would fetch.
    """
    return html.escape(text.translate(_MARKDOWN_ESCAPES), quote=False)


def _text(text: str) -> str:
    """Document text in markdown: HTML's ``<`` and ``&`` escaped, quotes as they are ("Hawke's", not
    "Hawke&#x27;s", in a copied answer)."""
    return html.escape(text, quote=False)


def cite(numbers: Sequence[int]) -> str:
    """``[5][6]`` for (5, 6)."""
    return "".join(f"[{n}]" for n in numbers)


def cite_links(numbers: Sequence[int], references: Mapping[int, Reference]) -> str:
    """Markdown [n] markers, each a link to that reference's DOI or web address (plain [n] without one)."""
    out = []
    for n in numbers:
        ref = references.get(n)
        out.append(f"[[{n}]]({ref.url})" if ref and ref.url else f"[{n}]")
    return "".join(out)


def lead_of(hit: Hit, render: Callable[[Statement], str], shown: Collection[str] = ()) -> str:
    """The clauses a hit goes on from ("A [18], "), each rendered with its own numbers, or "": those after
    the last that is ``shown`` (the ids of statements the answer shows as their own), so that each claim
    is shown once."""
    return "".join(f"{render(c).rstrip(',;')}, " for c in untold(hit.lead, shown))


def untold(lead: Sequence[Statement], told: Collection[str]) -> Sequence[Statement]:
    """The clauses of ``lead`` after the last one whose id is in ``told``."""
    last = max((i for i, c in enumerate(lead) if c.id in told), default=-1)
    return lead[last + 1 :]


def short_reference(ref: Reference) -> str:
    """ "Post et al., Clinical Cancer Research 2018" ("Okonkwo and Brandt" for two authors)."""
    surnames = surnames_of(ref.authors)
    if re.search(r"\bet\.?\s+al\b", ref.authors) or len(surnames) > 2:
        who = f"{ref.first_author} et al."
    elif len(surnames) == 2:
        who = f"{ref.first_author} and {surnames[1]}"
    else:
        who = ref.first_author
    where = ref.journal.split(" : ")[0]
    label = ", ".join(p for p in (who, f"{where} {ref.year or ''}".strip()) if p)
    if not label and ref.link:  # a URL-only entry: its site ("who.int")
        label = re.sub(r"^www\d*\.", "", urlsplit(ref.link).netloc)
    return label


def format_reference(ref: Reference) -> str:
    """``[n] the entry as written`` (plus its link when the entry does not show it)."""
    link = f" {ref.link}" if ref.link and ref.link not in ref.raw else ""
    return f"[{ref.number}] {ref.raw}{link}"


def quoted_in_answer(answer: Answer) -> list[Hit]:
    """The hits whose claims the short answer states (all of them for list and reference answers)."""
    if answer.abstained:
        return []
    if answer.mode in ("list", "reference", "overview"):
        return list(answer.statements)
    return [h for h in answer.statements if h.statement.text.rstrip(".!") in answer.answer]


def quoted_and_rest(answer: Answer) -> tuple[list[Hit], list[Hit]]:
    """The hits the answer states, and the other hits, each in rank order."""
    quoted = quoted_in_answer(answer)
    ids = {h.statement.id for h in quoted}
    return quoted, [h for h in answer.statements if h.statement.id not in ids]


def _groups(answer: Answer) -> list[tuple[str, list[Hit]]]:
    """(heading, hits) in the order shown: what the answer states, then the other matches.

    Numbering runs on across the groups, so a hit keeps its rank.  A statement
    the answer does not state is not called "supporting": it is a match the
    reader may still want (the UI collapses the weak ones).
    """
    if answer.abstained:
        return [("Closest statements (low confidence)", list(answer.statements))] if answer.statements else []
    quoted, rest = quoted_and_rest(answer)
    return [(title, hits) for title, hits in (("Supporting statements", quoted), ("Other matches", rest)) if hits]


def render_markdown(answer: Answer, question: bool = True, link_citations: bool = False) -> str:
    """Markdown for notebooks and the UI; all document and user text is escaped.

    Args:
        answer: The answer to render.
        question: Start with the question (a chat shows it already).
        link_citations: Make each [n] a link to that reference's DOI.
    """
    mixed = len({r.document for r in answer.references} | {h.statement.document for h in answer.statements}) > 1
    several = mixed or len(answer.documents) > 1

    def marks(numbers: Sequence[int], document: str) -> str:
        refs = {r.number: r for r in answer.references if r.document == document}
        return cite_links(numbers, refs) if link_citations else cite(numbers)

    # The answer text carries the user's words (an abstention names what it lacks).
    text = escape_markdown(answer.answer)
    if not mixed:
        document = answer.references[0].document if answer.references else ""
        for r in answer.references:
            text = text.replace(escape_markdown(f"[{r.number}]"), marks([r.number], document))
    lines = [f"**Q:** {escape_markdown(answer.question)}", ""] if question else []
    if answer.abstained:
        lines += [f"⚠️ **Not covered by the document.** {text}"]
    else:
        lines += [text]
    rank, shown = 0, {h.statement.id for h in answer.statements}
    for title, hits in _groups(answer):
        lines += ["", f"*{title}:*" if answer.abstained else f"**{title}**"]
        for h in hits:
            rank += 1
            s = h.statement
            cited = marks(s.citations, s.document) or "*(uncited)*"
            where = f"{s.document} · {s.section}" if several else s.section
            lead = lead_of(h, lambda c: f"{_text(c.text)} {marks(c.citations, c.document)}".rstrip(), shown)
            lines.append(f"{rank}. {lead}{_text(s.text)} {cited} — *{_text(where)}* (support: {h.support})")
    if answer.references:
        lines += ["", "**References**"]
        for r in answer.references:
            link = f" [doi:{r.doi}]({r.url})" if r.doi else (f" [link]({r.link})" if r.link else "")
            source = f" *({_text(r.document)})*" if several else ""
            lines.append(f"- [{r.number}] {_text(r.raw.split(' doi:')[0])}{link}{source}")
    return "\n".join(lines)


def render_text(answer: Answer) -> str:
    """Plain text for the terminal."""
    lines = [f"Q: {answer.question}", ""]
    lines.append(f"Not covered: {answer.answer}" if answer.abstained else answer.answer)
    several = len({h.statement.document for h in answer.statements}) > 1 or len(answer.documents) > 1
    rank, shown = 0, {h.statement.id for h in answer.statements}
    for title, hits in _groups(answer):
        lines += ["", f"{title}:"]
        for h in hits:
            rank += 1
            s = h.statement
            lead = lead_of(h, lambda c: f"{c.text} {cite(c.citations)}".rstrip(), shown)
            lines.append(f"  {rank}. {lead}{s.text} {cite(s.citations) or '(uncited)'}")
            where = f"{s.document} · {s.section}" if several else s.section
            lines.append(f"     {where} · {s.id} · support: {h.support}")
    if answer.references:
        lines += ["", "References:"]
        lines += [f"  {format_reference(r)}" + (f"  ({r.document})" if several else "") for r in answer.references]
    return "\n".join(lines)
