"""Export cited references as BibTeX or RIS (pure string functions)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bcqa.types import Reference


def _authors(ref: Reference) -> list[str]:
    """ "Post AEM, Smid M, et al" -> ["Post, A. E. M.", "Smid, M.", "others"]."""
    out = []
    for part in (p.strip() for p in ref.authors.split(",")):
        if not part:
            continue
        if part.startswith("et al"):
            out.append("others")
            continue
        words = part.split()
        if len(words) > 1 and words[-1].isupper():
            initials = " ".join(f"{c}." for c in words[-1])
            out.append(f"{' '.join(words[:-1])}, {initials}")
        else:
            out.append(part)
    return out


def _key(ref: Reference) -> str:
    surname = re.sub(r"[^A-Za-z]", "", ref.first_author) or "ref"
    return f"{surname.lower()}{ref.year or ''}ref{ref.number}"  # unique within one document


def _bib_escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text)


def to_bibtex(references: Sequence[Reference]) -> str:
    """One ``@article`` entry per reference."""
    entries = []
    for ref in references:
        fields = [
            ("author", " and ".join(_authors(ref))),
            ("title", f"{{{_bib_escape(ref.title)}}}" if ref.title else ""),
            ("journal", _bib_escape(ref.journal)),
            ("year", str(ref.year) if ref.year else ""),
            ("volume", ref.volume),
            ("number", ref.issue),
            ("pages", ref.pages.replace("-", "--")),
            ("doi", ref.doi or ""),
            ("url", ref.link or ""),
            ("note", f"Reference [{ref.number}] of {ref.document or 'the review'}"),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        entries.append(f"@article{{{_key(ref)},\n{body}\n}}")
    return "\n\n".join(entries) + ("\n" if entries else "")


def to_ris(references: Sequence[Reference]) -> str:
    """One ``TY  - JOUR`` record per reference."""
    records = []
    for ref in references:
        lines = ["TY  - JOUR"]
        lines += [f"AU  - {a}" for a in _authors(ref) if a != "others"]
        if ref.title:
            lines.append(f"TI  - {ref.title}")
        if ref.journal:
            lines.append(f"JO  - {ref.journal}")
        if ref.year:
            lines.append(f"PY  - {ref.year}")
        lines += [f"{tag}  - {value}" for tag, value in (("VL", ref.volume), ("IS", ref.issue)) if value]
        if ref.pages:
            start, _, end = ref.pages.partition("-")
            lines += [f"SP  - {start}"] + ([f"EP  - {end}"] if end else [])
        if ref.doi:
            lines.append(f"DO  - {ref.doi}")
        if ref.url:
            lines.append(f"UR  - {ref.url}")
        lines += [f"N1  - Reference [{ref.number}] of {ref.document or 'the review'}", "ER  - "]
        records.append("\n".join(lines))
    return "\n\n".join(records) + ("\n" if records else "")
