"""Compose the cited answer from ranked hits, and render it as markdown or text.

The answer is extractive: it quotes the best statements, each followed by its
own reference numbers.  A number is never added, moved or renumbered; the
references listed are exactly those the shown statements carry.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import replace

from bcqa.support import support
from bcqa.types import Answer, Hit, Reference

# A hit joins the short answer when its fused score is at least this share
# of the best one; the fused score is in [0, 1] for the default fusion.
ANSWER_SHARE = 0.85
ANSWER_MAX = 3


# Backslash-escaped so that no markdown construct (image, link, autolink, emphasis, heading,
# list, table, code) can form from user text; CommonMark allows the escape before any ASCII punctuation.
_MARKDOWN_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|~:"})


def escape_markdown(text: str) -> str:
    """User text for markdown: every markdown character escaped, then HTML-escaped.

    ``![x](http://host/t.png)`` renders as those characters, not as an image
    the browser would fetch.
    """
    return html.escape(text.translate(_MARKDOWN_ESCAPES), quote=False)


def cite(numbers: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def cite_links(numbers: Sequence[int], references: Mapping[int, Reference]) -> str:
    """Markdown [n] markers, each a link to that reference's DOI or web address (plain [n] without one)."""
    out = []
    for n in numbers:
        ref = references.get(n)
        out.append(f"[[{n}]]({ref.url})" if ref and ref.url else f"[{n}]")
    return "".join(out)


def compose(
    question: str,
    hits: Sequence[Hit],
    references: Mapping[tuple[str, int], Reference],
    abstained: bool = False,
    reason: str = "",
    mode: str = "search",
    focus: Sequence[tuple[str, int]] = (),
    note: str = "",
    documents: Sequence[str] = (),
) -> Answer:
    """Build the ``Answer`` for ``question`` from the chosen hits.

    Args:
        question: The question as the user asked it.
        hits: Chosen hits, best first.
        references: Every loaded reference by (document name, number).
        abstained: True when the documents do not address the question.
        reason: The abstention message.
        mode: How the hits were chosen (search, list, reference, abstain).
        focus: The (document, number) of the references a reference question is about.
        note: Said before the answer (what the question names that the documents lack).
        documents: The names of the loaded documents (renderings name a statement's
            document when there are several).

    Returns:
        The answer; its references are exactly those the hits carry, each
        from the hit's own document.
    """
    hits = tuple(replace(h, support=support(h, "abstain" if abstained else mode)) for h in hits)
    order = {}
    for h in hits:
        order.setdefault(h.statement.document, len(order))
    keys = sorted(
        {(h.statement.document, n) for h in hits for n in h.statement.citations}, key=lambda k: (order[k[0]], k[1])
    )
    refs = tuple(references[key] for key in keys if key in references)
    if abstained or not hits:
        text = reason or "The document has no statements that answer this."
        return Answer(question, True, text, hits, refs, "abstain", tuple(documents))
    if mode == "reference":
        text = _reference_answer(hits, [references[key] for key in focus if key in references])
    elif mode == "list":
        text = _grouped(hits)
    else:
        top = hits[0].score
        chosen = [h for h in hits[:ANSWER_MAX] if h.score >= ANSWER_SHARE * top] or [hits[0]]
        text = " ".join(_claim(h) for h in chosen)
    if note:
        text = f"({note}) {text}"
    return Answer(question, False, text, hits, refs, mode, tuple(documents))


def _claim(hit: Hit) -> str:
    """The statement with its own reference numbers before the full stop."""
    text = hit.statement.text.rstrip()
    mark = cite(hit.statement.citations) or "(uncited in the document)"
    end = text[-1] if text[-1:] in ".!" else "."
    return f"{text.rstrip('.!')} {mark}{end}"


def _grouped(hits: Sequence[Hit]) -> str:
    """Claims grouped by section, in document order within each group."""
    sections: dict[str, list[Hit]] = {}
    for h in hits:
        sections.setdefault(h.statement.section, []).append(h)
    parts = []
    for section, group in sections.items():
        group.sort(key=lambda h: h.statement.position)
        parts.append(f"**{section}:** " + " ".join(_claim(h) for h in group))
    return "\n".join(parts)


def _reference_answer(hits: Sequence[Hit], focus: Sequence[Reference]) -> str:
    names = "; ".join(f"[{r.number}] {short_reference(r)}" for r in focus)
    ordered = sorted(hits, key=lambda h: h.statement.position)
    return f"The document cites {names} for: " + " ".join(_claim(h) for h in ordered)


def short_reference(ref: Reference) -> str:
    """ "Post et al., Clinical Cancer Research 2018"."""
    many = ref.authors.count(",") >= 1
    who = f"{ref.first_author} et al." if many else ref.first_author
    where = ref.journal.split(" : ")[0]
    return ", ".join(p for p in (who, f"{where} {ref.year or ''}".strip()) if p)


def format_reference(ref: Reference) -> str:
    link = f" {ref.link}" if ref.link and ref.link not in ref.raw else ""
    return f"[{ref.number}] {ref.raw}{link}"


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
        lines += [f"⚠️ **Not covered by the document.** {text}", ""]
        if answer.statements:
            lines.append("*Closest statements (low confidence):*")
    else:
        lines += [text, "", "**Supporting statements**"]
    for i, h in enumerate(answer.statements, 1):
        s = h.statement
        cited = marks(s.citations, s.document) or "*(uncited)*"
        where = f"{s.document} · {s.section}" if several else s.section
        lines.append(f"{i}. {html.escape(s.text)} {cited} — *{html.escape(where)}* (support: {h.support})")
    if answer.references:
        lines += ["", "**References**"]
        for r in answer.references:
            link = f" [doi:{r.doi}]({r.url})" if r.doi else (f" [link]({r.link})" if r.link else "")
            source = f" *({html.escape(r.document)})*" if several else ""
            lines.append(f"- [{r.number}] {html.escape(r.raw.split(' doi:')[0])}{link}{source}")
    return "\n".join(lines)


def render_text(answer: Answer) -> str:
    """Plain text for the terminal."""
    lines = [f"Q: {answer.question}", ""]
    if answer.abstained:
        lines += [f"Not covered: {answer.answer}", ""]
        if answer.statements:
            lines.append("Closest statements (low confidence):")
    else:
        lines += [answer.answer, "", "Supporting statements:"]
    several = len({h.statement.document for h in answer.statements}) > 1 or len(answer.documents) > 1
    for i, h in enumerate(answer.statements, 1):
        s = h.statement
        lines.append(f"  {i}. {s.text} {cite(s.citations) or '(uncited)'}")
        where = f"{s.document} · {s.section}" if several else s.section
        lines.append(f"     {where} · {s.id} · support: {h.support}")
    if answer.references:
        lines += ["", "References:"]
        lines += [f"  {format_reference(r)}" + (f"  ({r.document})" if several else "") for r in answer.references]
    return "\n".join(lines)
