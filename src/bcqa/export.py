"""Export cited references as BibTeX or RIS (pure string functions)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bcqa.types import Reference


def _authors(ref: Reference) -> list[str]:
    """Each author as "Surname, I.", whatever the style: "Post AEM, Smid M, et al" (Vancouver),
    "Hsu, P. D., Lander, E. S. & Zhang, F" (APA, Nature), "J. Smith and K. Jones" (IEEE)
    -> ["Post, A. E. M.", "Smid, M.", "others"], ["Hsu, P. D.", ...], ["Smith, J.", "Jones, K."]."""
    parts = [p.strip() for p in _JOINERS.sub(", ", ref.authors).split(",") if p.strip()]
    out, i = [], 0
    while i < len(parts):
        part, nxt = parts[i], parts[i + 1] if i + 1 < len(parts) else ""
        words = part.split()
        if _ET_AL.match(part):
            out.append("others")
        elif _SPELLED_INITIALS.fullmatch(nxt) and not _SPELLED_INITIALS.fullmatch(part):
            out.append(f"{part}, {nxt}")  # "Hsu" + "P. D."
            i += 1
        elif len(words) > 1 and words[-1].isalpha() and words[-1].isupper() and len(words[-1]) <= 3:
            out.append(f"{' '.join(words[:-1])}, {' '.join(f'{c}.' for c in words[-1])}")  # "Post AEM"
        elif len(words) > 1 and _SPELLED_INITIALS.fullmatch(" ".join(words[:-1])):
            out.append(f"{words[-1]}, {' '.join(words[:-1])}")  # "J. Smith"
        else:
            out.append(part)
        i += 1
    return out


_JOINERS = re.compile(r"\s*,?\s+(?:&|and)\s+|\s*&\s*")
_ET_AL = re.compile(r"et\.?\s+al\b")
_SPELLED_INITIALS = re.compile(r"(?:[A-Z]\.?[ -]?){1,3}")  # "P. D.", "R.A.", "E", "J.-P."


def _key(ref: Reference) -> str:
    ascii_name = unicodedata.normalize("NFKD", ref.first_author).encode("ascii", "ignore").decode()
    surname = re.sub(r"[^A-Za-z]", "", ascii_name) or "ref"
    return f"{surname.lower()}{ref.year or ''}ref{ref.number}"  # unique within one document


def _bib_escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text)


def to_bibtex(references: Sequence[Reference]) -> str:
    """One ``@article`` entry per reference."""
    entries = []
    for ref in references:
        fields = [
            # A group author is one name in braces, not "Organization, World Health".
            ("author", " and ".join(a if "," in a or a == "others" else f"{{{a}}}" for a in _authors(ref))),
            ("title", f"{{{_bib_escape(ref.title)}}}" if ref.title else ""),
            ("journal", _bib_escape(ref.journal)),
            ("year", str(ref.year) if ref.year else ""),
            ("volume", ref.volume),
            ("number", ref.issue),
            ("pages", re.sub(r"[-–—]+", "--", ref.pages)),
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
            start, _, end = re.sub(r"[–—]", "-", ref.pages).partition("-")
            lines += [f"SP  - {start}"] + ([f"EP  - {end}"] if end else [])
        if ref.doi:
            lines.append(f"DO  - {ref.doi}")
        if ref.url:
            lines.append(f"UR  - {ref.url}")
        lines += [f"N1  - Reference [{ref.number}] of {ref.document or 'the review'}", "ER  - "]
        records.append("\n".join(lines))
    return "\n\n".join(records) + ("\n" if records else "")
