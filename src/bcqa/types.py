"""Frozen records shared by every stage: statements, references, hits, answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Statement:
    """One claim of the document with the reference numbers that support it.

    Attributes:
        id: Stable id derived from the section and text (same corpus, same id).
        text: Plain text: no markdown emphasis, no ``[n]`` markers.
        citations: Reference numbers, ascending; empty for an uncited sentence.
        section: Title of the ``##`` section the claim sits in.
        position: Order of the statement in the document, from 0.
        terms: Phrases the document set in bold inside this claim.
        sentence: Index of the sentence the claim was cut from (clauses of
            one sentence share it).
        document: File name of the document it comes from.
        context: For a list item, the lead-in it hangs from (searched, not quoted).
    """

    id: str
    text: str
    citations: tuple[int, ...]
    section: str
    position: int
    terms: tuple[str, ...] = ()
    sentence: int = -1
    document: str = ""
    context: str = ""

    @property
    def cited(self) -> bool:
        return bool(self.citations)

    @property
    def search_text(self) -> str:
        """What retrieval reads: the section title and a list item's lead-in, then the text.

        A statement often leaves its subject to its heading ("It confers ..."
        under "H275Y in N1"). Measured on the dev questions of the four golden
        documents (scripts/compare_fusion.py): mean fact top-1 0.797 -> 0.827,
        list recall up on two documents, top-3 down one question on two.
        """
        head = " ".join(p for p in (self.section if self.section != "Overview" else "", self.context) if p)
        return f"{head}: {self.text}" if head else self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "citations": list(self.citations),
            "section": self.section,
            "position": self.position,
            "terms": list(self.terms),
            "sentence": self.sentence,
            "document": self.document,
            "context": self.context,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Statement:
        return cls(
            id=d["id"],
            text=d["text"],
            citations=tuple(d["citations"]),
            section=d["section"],
            position=d["position"],
            terms=tuple(d.get("terms", ())),
            sentence=d.get("sentence", -1),
            document=d.get("document", ""),
            context=d.get("context", ""),
        )


@dataclass(frozen=True)
class Reference:
    """One entry of a document's numbered reference list.

    Attributes:
        number: The number the document cites it by (``[n]``).
        raw: The entry as written, markdown removed.
        title, authors, journal, year, volume, issue, pages, doi: What could
            be read from the entry ("" or None when it does not say).
        link: A web address the entry gives (a URL-only entry has just this).
        document: File name of the document whose list it belongs to.
    """

    number: int
    raw: str
    title: str = ""
    authors: str = ""
    journal: str = ""
    year: int | None = None
    doi: str | None = None
    volume: str = ""
    issue: str = ""
    pages: str = ""
    link: str | None = None
    document: str = ""

    @property
    def url(self) -> str | None:
        """Where to read it: the DOI's address, else the entry's own link."""
        return f"https://doi.org/{self.doi}" if self.doi else self.link

    @property
    def first_author(self) -> str:
        """Surname of the first author ("Post" for "Post AEM, Smid M, ...")."""
        first = self.authors.split(",")[0].strip()
        parts = first.split()
        return " ".join(parts[:-1]) if len(parts) > 1 else first

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "raw": self.raw,
            "title": self.title,
            "authors": self.authors,
            "journal": self.journal,
            "year": self.year,
            "doi": self.doi,
            "volume": self.volume,
            "issue": self.issue,
            "pages": self.pages,
            "link": self.link,
            "document": self.document,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reference:
        return cls(**d)


@dataclass(frozen=True)
class Document:
    """A parsed document: its statements in order, its references by number."""

    name: str
    statements: tuple[Statement, ...]
    references: dict[int, Reference]
    sections: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class Hit:
    """A statement retrieved for a question, with its scores.

    Attributes:
        score: Fused score, relative to the question's best statement (the
            top one scores 1.0 with the default fusion): an order, not a confidence.
        dense: Cosine between the question and the statement.
        sparse: BM25 score, normalised per question.
        support: How strongly it supports the answer (``direct``, ``related``,
            ``weak`` or ``cites``; see ``bcqa.support``), set when the answer is composed.
    """

    statement: Statement
    score: float
    dense: float = 0.0
    sparse: float = 0.0
    support: str = ""

    def to_dict(self) -> dict[str, Any]:
        s = self.statement
        return {
            "id": s.id,
            "text": s.text,
            "citations": sorted(s.citations),
            "section": s.section,
            "document": s.document,
            "score": float(self.score),
            "cosine": float(self.dense),
            "support": self.support,
        }


@dataclass(frozen=True)
class Answer:
    """What ``Assistant.ask`` returns: the cited answer and its evidence.

    ``mode`` says how the statements were chosen: ``search`` (top k),
    ``list`` (all close to the best), ``reference`` (those citing the
    references asked about) or ``abstain``.
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
            "references": [
                {"number": r.number, "text": r.raw, "doi": r.doi, "url": r.url, "document": r.document}
                for r in self.references
            ],
        }
        if self.read_as:
            out["read_as"] = self.read_as
        return out

    def to_markdown(self, question: bool = True, link_citations: bool = False) -> str:
        """Markdown; ``link_citations`` makes each [n] a link to its DOI."""
        from bcqa.answer import render_markdown

        return render_markdown(self, question=question, link_citations=link_citations)

    def to_text(self) -> str:
        from bcqa.answer import render_text

        return render_text(self)

    def to_bibtex(self) -> str:
        """The cited references as BibTeX."""
        from bcqa.export import to_bibtex

        return to_bibtex(self.references)

    def to_ris(self) -> str:
        """The cited references as RIS (EndNote, Zotero, Mendeley)."""
        from bcqa.export import to_ris

        return to_ris(self.references)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        """Rich display in notebooks: headings, support labels, reference popovers."""
        from bcqa.htmlview import NOTEBOOK_CSS, answer_html

        return NOTEBOOK_CSS + answer_html(self)

    def __str__(self) -> str:
        return self.to_text()
