"""Frozen records shared by every stage: statements, references, documents, hits.

``Answer`` lives in ``bcqa.answer`` beside the code that composes and renders it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bcqa.text import fold

# "et al" closing an author's name ("Smith J et al"), shared by every reader of author lists.
ET_AL_TAIL = re.compile(r"\s+et\.?\s+al\.?$")
_INITIAL = re.compile(r"(?:[A-Z]\.-?){1,3}")
# The second of two authors: "M. Castellanos and T. Whitfield" (IEEE), "Smith J & Doe A" (Vancouver).
_SECOND_PERSON = re.compile(
    r"\s+(?:and|&)\s+(?:(?:[A-Z]\.[ -]?)+[A-Z][\w'’-]+|[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+)? [A-Z]{1,3})$"
)
_INITIALS = re.compile(r"[A-Z]{1,3}\.?|(?:[A-Z]\.-?){1,3}")  # "Z", "JA", "J.", "J.-P."


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
        antecedent: For a claim that opens with a pronoun ("Its overexpression
            ..."), the statement before it, which names what the pronoun
            stands for (searched, not quoted).
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
    antecedent: str = ""

    @property
    def cited(self) -> bool:
        """True when the document gives the claim at least one reference number."""
        return bool(self.citations)

    @property
    def search_text(self) -> str:
        """What retrieval reads: the section title and a list item's lead-in, then the text.

        A statement often leaves its subject to its heading ("It confers ..."
        under "H275Y in N1"). Measured on the dev questions of the four golden
        documents (scripts/compare_fusion.py): mean fact top-1 0.797 -> 0.827,
        list recall up on two documents, top-3 down one question on two.
        The antecedent of a claim that opens with a pronoun, measured the same
        way: fact top-1 up one dev question on the AMR and neuroinflammation
        reviews, list recall up on the influenza and neuroinflammation ones,
        nothing changed on the breast-cancer review.
        """
        section = self.section if self.section != "Overview" else ""
        head = " ".join(p for p in (section, self.context, self.antecedent) if p)
        return f"{head}: {self.text}" if head else self.text

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record (the index stores statements this way)."""
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
            "antecedent": self.antecedent,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Statement:
        """The statement of a ``to_dict`` record."""
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
            antecedent=d.get("antecedent", ""),
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
        # A comma inside a number ("the 100,000 Genomes Project") does not end an author.
        first = ET_AL_TAIL.sub("", re.split(r",(?!\d{3}\b)", self.authors.replace(";", ","))[0].strip())
        first = _SECOND_PERSON.sub("", first)  # "M. Castellanos and T. Whitfield" (IEEE, two authors)
        if _CAPITALS_LIST.search(self.authors) and _CAPITALS_NAME.fullmatch(first.split(",")[0]):
            return _capitalised(first.split(",")[0])  # "OLIVEIRA, M. C." (ABNT): Oliveira
        parts = first.split()
        if len(parts) > 1 and _INITIAL.fullmatch(parts[0]):
            return parts[-1]  # "J. Smith" (IEEE)
        if len(parts) > 1 and not _INITIALS.fullmatch(parts[-1]):
            return first  # a group author: "World Health Organization"
        return " ".join(parts[:-1]) if len(parts) > 1 else first

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record of every field."""
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
        """The reference of a ``to_dict`` record."""
        return cls(**d)


@dataclass(frozen=True)
class Document:
    """A parsed document: its statements in order, its references by number.

    ``statements`` is a tuple from the parser and a lazily parsed
    ``store.StatementRows`` (equal to that tuple) from a stored index.
    ``glossary`` holds the pairs of the document's list of abbreviations ("N2O: Nitrous oxide"),
    short -> long, from the parser only: the index keeps them among the document's abbreviations.
    """

    name: str
    statements: Sequence[Statement]
    references: dict[int, Reference]
    sections: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    title: str = ""
    glossary: tuple[tuple[str, str], ...] = ()


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
        lead: For a clause that goes on a sentence ("..., demonstrating that ..."), the
            sentence's clauses before it, each with its own numbers: shown before it, never
            searched or scored (``bcqa.answer.with_leads``).
    """

    statement: Statement
    score: float
    dense: float = 0.0
    sparse: float = 0.0
    support: str = ""
    lead: tuple[Statement, ...] = ()

    @property
    def told(self) -> tuple[Statement, ...]:
        """What an answer tells of this hit, in order: its lead clauses, then its statement."""
        return (*self.lead, self.statement)

    def to_dict(self) -> dict[str, Any]:
        """One statement of the JSON answer (docs/formats.md)."""
        s = self.statement
        out = {
            "id": s.id,
            "text": s.text,
            "citations": sorted(s.citations),
            "section": s.section,
            "document": s.document,
            "score": float(self.score),
            "cosine": float(self.dense),
            "support": self.support,
        }
        if self.lead:
            out["lead"] = [{"text": c.text, "citations": sorted(c.citations)} for c in self.lead]
        return out


_NAME_INITIAL = re.compile(r"[A-Za-z]\.?(?:-[A-Za-z]\.?)?|(?:[A-Z]\.){2,3}")  # "J", "J.-P.", "R.A."
_JOINER = re.compile(r"^(?:&|and)\s+")  # "and L. Brown", "& Zhang, F"


@lru_cache(maxsize=65536)
def surnames_of(authors: str) -> tuple[str, ...]:
    """Surnames of an author list, accents folded (cached: every question checks every reference)."""
    names = []
    for author in re.split(
        r"[,;]|\s&\s|\s+and\s+(?=(?:[A-Z]\.[ -]?)+[A-Z]|[A-ZÀ-ÖØ-Þ][\w'’-]+ [A-Z]{1,3}(?:,|$))", authors
    ):
        parts = ET_AL_TAIL.sub("", _JOINER.sub("", fold(author).strip())).split()
        # "J." and "P. D." are the initials of an APA or Nature list ("Hsu, P. D., Lander, E. S."), not names.
        if not parts or parts[0] == "et" or all(_NAME_INITIAL.fullmatch(p) for p in parts):
            continue
        if len(parts) > 1 and _NAME_INITIAL.fullmatch(parts[0]) and parts[0].endswith("."):
            names.append(parts[-1])  # "J. Smith" (IEEE): initials first
        elif len(parts) > 1 and _INITIALS.fullmatch(parts[-1]):
            while len(parts) > 2 and re.fullmatch(r"[A-Z]", parts[-2]):
                parts = parts[:-1]  # "THOMSON M J" (GB/T 7714): initials apart
            names.append(" ".join(parts[:-1]))  # "El Khoury J" (Vancouver)
        else:
            names.append(" ".join(parts))  # "Ó Súilleabháin" of "Ó Súilleabháin, C." (its initials apart)
    if _CAPITALS_LIST.search(authors):
        names = [_capitalised(n) if _CAPITALS_NAME.fullmatch(n) else n for n in names]
    return tuple(n for n in names if n)


# Surnames in capitals before initials with full stops, as ABNT and some French and German styles write them
# ("OLIVEIRA, M. C.; DA SILVA, J.; LI, X."): a question names "Oliveira", "da Silva" or "Li".  A list without
# such a name keeps its capitals ("WHO", "IARC Working Group").
# GB/T 7714 writes them before initials apart, with no stop: "THOMSON M J, DE OCAMPO M".
_CAPITALS_LIST = re.compile(r"\b[A-ZÀ-ÖØ-Þ'’-]{2,}(?:,\s+[A-Z]\.|(?: [A-Z]){1,3}(?:,|$))")
_CAPITALS_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ'’-]{2,}(?: [A-ZÀ-ÖØ-Þ'’-]{2,})*")
_PARTICLES = frozenset("da das de del della der di do dos du la le van von".split())


def _capitalised(name: str) -> str:
    words = [
        w.lower() if w.lower() in _PARTICLES and i < len(name.split()) - 1 else w.capitalize()
        for i, w in enumerate(name.split())
    ]
    return " ".join(words)
