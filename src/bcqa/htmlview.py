"""An answer as accessible HTML: for the chat UI and for notebooks (``Answer._repr_html_``).

Each claim is stated once.  The statements the short answer quotes come
first, under an "Answer" heading, each with its own reference numbers and a
support label (``bcqa.support``) whose tooltip says what it means; the other
direct and related statements follow under "Also relevant"; weak matches
sit in a collapsed list.  A reference number opens a popover with the
reference (authors, title, journal, year, DOI) on hover, focus or tap; each
reference has a copy-citation button.  Ids are prefixed with ``turn``, so
several answers on one page never share an anchor.

Every document and user string is HTML-escaped here; nothing is left to a
sanitiser.  The buttons carry ``data-`` attributes only: the page's own
script (the UI's) gives them behaviour, and without it they are inert text.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING

from bcqa.render import format_reference, lead_of, quoted_and_rest
from bcqa.support import EXPLANATIONS
from bcqa.types import Hit, Reference, Statement

if TYPE_CHECKING:
    from bcqa.answer import Answer

LABEL_TEXT = {
    "direct": "direct",
    "related": "related",
    "weak": "weak",
    "cites": "cites the reference",
    "overview": "overview",
}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def citation_text(ref: Reference, link: bool = True) -> str:
    """One line to paste into a manuscript: authors. title. journal year;volume(issue):pages. doi.

    ``link=False`` leaves the DOI or web address out (shown as a link beside it).
    """
    where = ref.journal
    if ref.year:
        where = f"{where} {ref.year}".strip()
    detail = ref.volume + (f"({ref.issue})" if ref.issue else "") + (f":{ref.pages}" if ref.pages else "")
    if detail:
        where = f"{where};{detail}"
    parts = [p.strip().rstrip(".") for p in (ref.authors, ref.title, where) if p and p.strip()]
    if not parts:
        return format_reference(ref)
    # a title asking a question ends its sentence with its own mark: "How Can It Be Managed? 2007."
    text = "".join(p + (" " if p.endswith(("?", "!")) else ". ") for p in parts[:-1]) + parts[-1]
    text += "" if text.endswith(("?", "!")) else "."
    if not link:
        return text
    if ref.doi:
        text += f" doi:{ref.doi}"
    elif ref.link:
        text += f" {ref.link}"
    return text


def _ref_id(turn: str, ref: Reference, documents: Sequence[str]) -> str:
    doc = documents.index(ref.document) if ref.document in documents else 0
    return f"{turn}-ref-{doc}-{ref.number}"


def _popover(ref: Reference) -> str:
    lines = []
    if ref.authors:
        lines.append(f"<span class='pop-authors'>{_e(ref.authors)}</span>")
    if ref.title:
        lines.append(f"<span class='pop-title'>{_e(ref.title)}</span>")
    where = " ".join(p for p in (ref.journal, str(ref.year or "")) if p)
    if where:
        lines.append(f"<span class='pop-journal'>{_e(where)}</span>")
    if not lines:
        lines.append(f"<span>{_e(ref.raw)}</span>")
    if ref.url:
        label = f"doi:{ref.doi}" if ref.doi else "link"
        lines.append(f"<a href='{_e(ref.url)}' target='_blank' rel='noopener noreferrer'>{_e(label)}</a>")
    return "".join(lines)


def cite_buttons(
    numbers: Sequence[int],
    document: str,
    refs: dict[tuple[str, int], Reference],
    turn: str,
    documents: Sequence[str],
    serial: Iterator[int],
) -> str:
    """[n] markers: each a button that shows its reference in a popover (ids numbered by ``serial``)."""
    out = []
    for n in numbers:
        ref = refs.get((document, n))
        if ref is None:
            out.append(f"<span class='cite missing' title='not in the reference list'>[{n}]</span>")
            continue
        target, pop = _ref_id(turn, ref, documents), f"{turn}-pop-{next(serial)}"
        out.append(
            f"<span class='cite'><button type='button' class='cite-btn' aria-describedby='{pop}' "
            f"data-ref='{target}'>[{n}]</button>"
            f"<span class='pop' role='tooltip' id='{pop}'>{_popover(ref)}</span></span>"
        )
    return "".join(out)


def _support(label: str, tip: str) -> str:
    """The label, focusable, with its meaning in a tooltip shown on hover, focus or tap."""
    text = LABEL_TEXT.get(label, label)
    return (
        f"<span class='support support-{_e(label)}' tabindex='0' aria-describedby='{tip}'>{_e(text)}"
        f"<span class='tip' role='tooltip' id='{tip}'>{_e(EXPLANATIONS.get(label, ''))}</span></span>"
    )


def _statement(
    hit: Hit,
    refs: dict[tuple[str, int], Reference],
    turn: str,
    documents: Sequence[str],
    several: bool,
    serial: Iterator[int],
    shown: Collection[str] = (),
) -> str:
    """One statement of a list, after the clauses it goes on from that are not ``shown`` as their own."""
    s = hit.statement
    cites = cite_buttons(s.citations, s.document, refs, turn, documents, serial)
    cites = cites or "<span class='uncited'>(uncited)</span>"
    where = f"{s.document} · {s.section}" if several else s.section
    label = _support(hit.support, f"{turn}-tip-{next(serial)}")

    def clause(c: Statement) -> str:
        return f"{_e(c.text)} {cite_buttons(c.citations, c.document, refs, turn, documents, serial)}"

    lead = lead_of(hit, clause, shown)
    lead = f"<span class='sentence-before'>{lead}</span>" if lead else ""
    return (
        f"<li class='statement' data-statement='{_e(s.id)}'>{lead}<span class='claim'>{_e(s.text)}</span> {cites} "
        f"<span class='meta'>{label} <span class='where'>{_e(where)}</span> "
        f"<a href='#' class='view' data-view='{_e(s.id)}'>view in document</a></span></li>"
    )


def _heading(level: int, text: str, ident: str = "") -> str:
    attr = f" id='{ident}'" if ident else ""
    return f"<h{level}{attr}>{_e(text)}</h{level}>"


def answer_html(answer: Answer, turn: str = "answer", notes: Sequence[str] = (), level: int = 3) -> str:
    """The answer as an ``<article>``; ``notes`` are HTML snippets shown first (already escaped)."""
    turn = re.sub(r"[^A-Za-z0-9_-]", "", turn) or "answer"
    documents = list(answer.documents) or sorted({h.statement.document for h in answer.statements})
    several = len(documents) > 1
    refs = {(r.document, r.number): r for r in answer.references}
    serial = itertools.count(1)
    parts = [f"<article class='bcqa-answer' id='{turn}-article' aria-labelledby='{turn}-q'>"]
    parts.append(f"<h{level - 1} class='question' id='{turn}-q'>{_e(answer.question)}</h{level - 1}>")
    if answer.read_as:
        parts.append(f"<p class='read-as'>Read as: <q>{_e(answer.read_as)}</q></p>")
    parts += [f"<p class='note'>{n}</p>" for n in notes]
    quoted, rest = quoted_and_rest(answer)
    shown = {h.statement.id for h in answer.statements}
    if answer.abstained:
        parts.append(
            f"<p class='abstain' role='status'><strong>Not covered by the document.</strong> {_e(answer.answer)}</p>"
        )
    else:
        parts.append(_heading(level, "Answer", f"{turn}-answer"))
        if answer.mode == "reference":
            # One line a document ("**r.md:** The document cites [1] ... for: ..."), each over its own statements:
            # [1] of one document is not [1] of another.
            for line in answer.answer.split("\n"):
                named = re.match(r"^\*\*([^*\n]+):\*\* ", line)
                mine = [h for h in quoted if not named or h.statement.document == named.group(1)]
                cites = line[named.end() if named else 0 :].split(" for: ")[0]
                parts.append(f"<p class='lead'>{_e(f'{named.group(1)}: ' if named else '')}{_e(cites)}:</p>")
                parts.append("<ul class='claims'>")
                parts += [_statement(h, refs, turn, documents, several, serial, shown) for h in mine]
                parts.append("</ul>")
        elif answer.mode == "references":  # the reference list: its entries follow, no statement
            parts.append(f"<p class='lead'>{_e(answer.answer)}</p>")
        elif lead := _leading_note(answer.answer):
            parts.append(f"<p class='lead'>{_e(lead)}</p>")
        if answer.mode not in ("reference", "references"):
            parts.append("<ul class='claims'>")
            parts += [_statement(h, refs, turn, documents, several, serial, shown) for h in quoted]
            parts.append("</ul>")
    related = [h for h in rest if h.support in ("direct", "related", "cites")]
    weak = [h for h in rest if h not in related]
    if related:
        parts.append(_heading(level, "Also relevant"))
        parts.append("<ul class='related'>")
        parts += [_statement(h, refs, turn, documents, several, serial, shown) for h in related]
        parts.append("</ul>")
    if weak:
        title = "Closest statements (low confidence)" if answer.abstained else "Weak matches"
        parts.append(f"<details class='weak'><summary>{title} ({len(weak)})</summary><ul>")
        parts += [_statement(h, refs, turn, documents, several, serial, shown) for h in weak]
        parts.append("</ul></details>")
    if answer.references:
        parts.append(_heading(level, "References"))
        parts.append("<ul class='references'>")
        for r in answer.references:
            source = f" <span class='where'>({_e(r.document)})</span>" if several else ""
            link = (
                f" <a href='{_e(r.url)}' target='_blank' rel='noopener noreferrer'>"
                f"{_e('doi:' + r.doi if r.doi else 'link')}</a>"
                if r.url
                else ""
            )
            parts.append(
                f"<li id='{_ref_id(turn, r, documents)}'><span class='ref-number'>[{r.number}]</span> "
                f"{_e(citation_text(r, link=False))}{link}{source} "
                f"<button type='button' class='copy' data-copy='{_e(citation_text(r))}'>Copy citation</button></li>"
            )
        parts.append("</ul>")
    parts.append("</article>")
    return "".join(parts)


def _leading_note(text: str) -> str:
    """The "(...)" note an answer opens with, to its matching parenthesis ("" when none):
    a note may itself hold parentheses ("... sections: Protein (subtype); ...")."""
    if not text.startswith("("):
        return ""
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return text[: i + 1]
    return ""


NOTEBOOK_CSS = """
<style>
.bcqa-answer .pop { display: none; }
.bcqa-answer .cite:hover .pop, .bcqa-answer .cite:focus-within .pop { display: block; position: absolute;
  max-width: 28em; background: #fff; color: #111; border: 1px solid #555; padding: 6px; z-index: 10; }
.bcqa-answer .pop span { display: block; }
.bcqa-answer .cite { position: relative; }
.bcqa-answer .cite-btn { border: none; background: none; color: #1d4ed8; text-decoration: underline; padding: 0;
  cursor: pointer; font: inherit; }
.bcqa-answer .support { font-size: 0.8em; border: 1px solid currentColor; border-radius: 3px; padding: 0 3px;
  position: relative; }
.bcqa-answer .support .tip { display: none; }
.bcqa-answer .support:hover .tip, .bcqa-answer .support:focus .tip { display: block; position: absolute; z-index: 10;
  width: 18em; background: #fff; color: #111; border: 1px solid #555; padding: 4px; }
.bcqa-answer .where { font-style: italic; }
.bcqa-answer .view, .bcqa-answer .copy { display: none; }
</style>
"""
