"""The answer: compose it from ranked hits; ``Answer`` and its renderings.

The answer is extractive: it quotes the best statements, each followed by its
own reference numbers.  A number is never added, moved or renumbered; the
references listed are exactly those the shown statements carry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from bcqa.export import to_bibtex, to_ris
from bcqa.htmlview import NOTEBOOK_CSS, answer_html
from bcqa.render import cite, render_markdown, render_text, short_reference, untold
from bcqa.support import support
from bcqa.types import Hit, Reference, Statement

# A hit joins the short answer when its fused score is at least this share
# of the best one; the fused score is in [0, 1] for the default fusion, the best ten
# raised by up to the spread of their late-interaction scores (retrieve.late_interaction).
ANSWER_SHARE = 0.85
ANSWER_MAX = 3


@dataclass(frozen=True)
class Answer:
    """What ``Assistant.ask`` returns: the cited answer and its evidence.

    ``mode`` says how the statements were chosen: ``search`` (top k),
    ``list`` (all close to the best), ``reference`` (those citing the
    references asked about), ``overview`` (what a document covers: the
    statements that open its sections), ``references`` (the reference
    list itself: every entry, no statement) or ``abstain``.
    """

    question: str
    abstained: bool
    answer: str
    statements: tuple[Hit, ...]
    references: tuple[Reference, ...]
    mode: str = "search"
    documents: tuple[str, ...] = ()  # the loaded documents' names
    read_as: str = ""  # a follow-up question as bcqa read it ("Does MDR1 also predict survival?")

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``bcqa ask --json`` (one object per question)."""
        out = {
            "question": self.question,
            "abstained": self.abstained,
            "answer": self.answer,
            "statements": [h.to_dict() for h in self.statements],
            "references": [_reference_dict(r) for r in self.references],
        }
        if self.read_as:
            out["read_as"] = self.read_as
        return out

    def to_markdown(self, question: bool = True, link_citations: bool = False) -> str:
        """Markdown; ``link_citations`` makes each [n] a link to its DOI."""
        return render_markdown(self, question=question, link_citations=link_citations)

    def to_text(self) -> str:
        """Plain text for a terminal (what ``bcqa ask`` prints)."""
        return render_text(self)

    def to_bibtex(self) -> str:
        """The cited references as BibTeX."""
        return to_bibtex(self.references)

    def to_ris(self) -> str:
        """The cited references as RIS (EndNote, Zotero, Mendeley)."""
        return to_ris(self.references)

    def rows(self) -> list[dict[str, Any]]:
        """One flat record per shown statement (one with no statement when there is none)."""
        base = {"question": self.question, "read_as": self.read_as, "abstained": self.abstained}
        refs = {(r.document, r.number): r for r in self.references}
        if not self.statements:
            return [{**base, "rank": None, "statement": None, "citations": (), "section": None, "document": None}]
        out = []
        for rank, h in enumerate(self.statements, 1):
            s = h.statement
            cited = [refs[(s.document, n)] for n in s.citations if (s.document, n) in refs]
            out.append(
                {
                    **base,
                    "rank": rank,
                    "statement": s.text,
                    "citations": s.citations,
                    "section": s.section,
                    "document": s.document,
                    "support": h.support,
                    "cosine": h.dense,
                    "score": h.score,
                    "references": "; ".join(short_reference(r) for r in cited),
                    "dois": tuple(r.doi for r in cited if r.doi),
                }
            )
        return out

    def to_frame(self):
        """The answer as a pandas DataFrame, one row per shown statement (needs pandas)."""
        return answers_frame([self])

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        """Rich display in notebooks: headings, support labels, reference popovers."""
        return NOTEBOOK_CSS + answer_html(self)

    def __str__(self) -> str:
        return self.to_text()


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
        mode: How the hits were chosen (search, list, reference, overview, references, abstain).
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
        {(s.document, n) for h in hits for s in h.told for n in s.citations},
        key=lambda k: (order[k[0]], k[1]),
    )
    refs = tuple(references[key] for key in keys if key in references)
    if mode == "references" and not abstained:
        return _reference_list(question, references, [d for d, _ in focus], documents)
    if abstained or not hits:
        text = reason or "The document has no statements that answer this."
        return Answer(question, True, text, hits, refs, "abstain", tuple(documents))
    if mode == "reference":
        focused = [references[key] for key in focus if key in references]
        text = _by_document(hits, lambda group: _reference_answer(group, focused))
    elif mode == "list":
        text = _grouped(hits)
    elif mode == "overview":
        text = _by_document(hits, _claims)
    else:
        top = hits[0].score
        chosen = [h for h in hits[:ANSWER_MAX] if h.score >= ANSWER_SHARE * top] or [hits[0]]
        text = _by_document(_sentences_together(chosen), _claims)
    if note:
        text = f"({note}) {text}"
    return Answer(question, False, text, hits, refs, mode, tuple(documents))


def _reference_list(
    question: str, references: Mapping[tuple[str, int], Reference], names: Sequence[str], documents: Sequence[str]
) -> Answer:
    """The answer to "List the references": every entry of the named documents' lists, in their order."""
    names = list(dict.fromkeys(names))
    listed = {d: sorted((r for (doc, _), r in references.items() if doc == d), key=lambda r: r.number) for d in names}
    refs = tuple(r for d in names for r in listed[d])
    if not refs:
        return Answer(question, True, "The document lists no references.", (), (), "abstain", tuple(documents))

    def counted(d: str) -> str:
        numbers = [r.number for r in listed[d]]
        return f"{len(numbers)} reference{'s' if len(numbers) != 1 else ''} ([{numbers[0]}] to [{numbers[-1]}])"

    if len(names) == 1:
        text = f"The document lists {counted(names[0])}, each below."
    else:
        text = "The documents list " + "; ".join(f"{d}: {counted(d)}" for d in names if listed[d]) + ", each below."
    text += ' Ask about one by its number ("What does reference 3 say?") for the statements that cite it.'
    return Answer(question, False, text, (), refs, "references", tuple(documents))


def with_leads(hits: Sequence[Hit], previous: Callable[[Statement], Statement | None]) -> list[Hit]:
    """Give each hit that goes on a sentence the clauses before it.

    A marker mid-sentence cuts the sentence into clauses, each with its own numbers; a clause after
    the first that opens in lower case ("demonstrating that this old chemistry still selects ...",
    "while miR-196a-5p is ...") reads as a fragment alone, so the answer tells it after the clauses
    it goes on from, each with the numbers the document gives it.

    Args:
        hits: Ranked hits.
        previous: The statement just before a statement in its document (None for the first); only
            the few rows a lead needs are read, so a stored index parses no more than those.
    """
    out = []
    for h in hits:
        s = h.statement
        lead: list[Statement] = []
        if s.sentence >= 0 and s.text[:1].islower():
            c = previous(s)
            while c is not None and c.sentence == s.sentence:
                lead.insert(0, c)
                c = previous(c)
        out.append(replace(h, lead=tuple(lead)) if lead else h)
    return out


def _claim(s: Statement, joined: bool = False) -> str:
    """The statement with its own reference numbers before the full stop (a comma when ``joined``)."""
    text = s.text.rstrip()
    mark = cite(s.citations) or "(uncited in the document)"
    end = "," if joined else text[-1] if text[-1:] in ".!" else "."
    return f"{text.rstrip('.!')} {mark}{end}"


def _claims(hits: Sequence[Hit]) -> str:
    """Claims one after another; clauses of one sentence in a row stay one sentence ("... cells [13][14],
    while miR-196a-5p ... [12].") instead of ending in ". while", and a hit's lead clauses come before it."""
    told: set[str] = set()
    shown: list[Statement] = []
    for h in hits:
        for s in (*untold(h.lead, told), h.statement):
            if s.id not in told:
                told.add(s.id)
                shown.append(s)
    out = []
    for s, nxt in zip(shown, [*shown[1:], None]):
        joined = (
            nxt is not None
            and s.sentence >= 0
            and (nxt.document, nxt.sentence, nxt.position) == (s.document, s.sentence, s.position + 1)
            and not s.text.rstrip().endswith((".", "!", "?"))
        )
        out.append(_claim(s, joined))
    return " ".join(out)


def _sentences_together(hits: Sequence[Hit]) -> list[Hit]:
    """Best first, except that clauses of one sentence are told together and in the document's order, where
    the best of them ranks: "Durusdinium is common on turbid reefs [3], and in the Persian Gulf ... [4]." rather
    than the second clause first and its subject after it."""
    groups: dict[tuple, list[Hit]] = {}
    for i, h in enumerate(hits):
        s = h.statement
        groups.setdefault((s.document, s.sentence) if s.sentence >= 0 else (i,), []).append(h)
    return [h for group in groups.values() for h in sorted(group, key=lambda h: h.statement.position)]


def _by_document(hits: Sequence[Hit], render) -> str:
    """``render`` of the hits; with hits from several documents, one line per document, named,
    so that [6] of one document is never read as [6] of another."""
    documents = list(dict.fromkeys(h.statement.document for h in hits))
    if len(documents) <= 1:
        return render(hits)
    return "\n".join(f"**{d}:** " + render([h for h in hits if h.statement.document == d]) for d in documents)


def _grouped(hits: Sequence[Hit]) -> str:
    """Claims grouped by section (by document and section when several), in document order within each group."""
    several = len({h.statement.document for h in hits}) > 1
    sections: dict[tuple[str, str], list[Hit]] = {}
    for h in hits:
        sections.setdefault((h.statement.document, h.statement.section), []).append(h)
    parts = []
    for (document, section), group in sections.items():
        group.sort(key=lambda h: h.statement.position)
        label = f"{document} · {section}" if several else section
        parts.append(f"**{label}:** " + _claims(group))
    return "\n".join(parts)


def _reference_answer(hits: Sequence[Hit], focus: Sequence[Reference]) -> str:
    """ "The document cites [n] Author et al., Journal Year for: ..." naming only this document's references,
    and of them only those a shown statement cites (a question may match more papers than k statements cite)."""
    cited = {(h.statement.document, n) for h in hits for n in h.statement.citations}
    names = "; ".join(f"[{r.number}] {short_reference(r)}".rstrip() for r in focus if (r.document, r.number) in cited)
    ordered = sorted(hits, key=lambda h: h.statement.position)
    return f"The document cites {names} for: " + _claims(ordered)


def answers_frame(answers: Sequence[Answer]):
    """Answers as one pandas DataFrame (pandas is optional: imported here, when asked for)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError("to_frame and ask_frame need pandas: pip install pandas") from exc
    return pd.DataFrame([row for a in answers for row in a.rows()])


def _reference_dict(r: Reference) -> dict[str, Any]:
    """A reference in the JSON: the entry as written, where to read it, and the fields read from it ("" or null
    where the entry gives none), so a script need not parse the entry again."""
    return {
        "number": r.number,
        "text": r.raw,
        "doi": r.doi,
        "url": r.url,
        "document": r.document,
        "authors": r.authors,
        "title": r.title,
        "journal": r.journal,
        "year": r.year,
        "volume": r.volume,
        "issue": r.issue,
        "pages": r.pages,
    }
