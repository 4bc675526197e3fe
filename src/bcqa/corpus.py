"""Parse a review document into cited statements and numbered references.

The input is markdown with ``##`` section headings, ``**bold**`` key terms,
citation markers ``[n]`` and a ``### References`` list; it may be one long
line (headings then run straight into the text), as the seed document is.

A statement is one claim with the numbers that support it.  A sentence is one
statement unless a citation group sits mid-sentence: then the sentence is cut
into clauses and each clause keeps only its own numbers.  Sentences without a
marker are kept with no citations; questions addressed to the reader are not
claims and are dropped.  Pure functions: text in, records out.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bcqa.errors import CorpusError
from bcqa.types import Document, Reference, Statement

DOCUMENT_SUFFIXES = (".md", ".txt", ".markdown")
OVERVIEW = "Overview"

_CITE_GROUP = re.compile(r"(?:\[\d+\])+")
_CITE_NUM = re.compile(r"\[(\d+)\]")
_HEADING = re.compile(r"(?:^|(?<=\s))(#{1,6})\s+")
_REFERENCES_TITLE = re.compile(r"references|bibliography|works cited", re.I)
# End of a sentence: terminal punctuation, an optional citation group, then
# whitespace and the start of the next sentence (capital, digit or bold).
_SENTENCE_END = re.compile(r"\s?[.?!](?:\[\d+\])*(?=\s+(?:\*\*\S|[A-Z0-9\"(]|mi[Rr]-|let-)|\s*$)")
_ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "vs.", "fig.", "approx.", "cf.")
# Where one clause ends and the next begins inside a sentence.
_CLAUSE_JOIN = re.compile(r"(?:,\s*|;\s*|\s+)(?:while|whereas|although|though|but)\b|;\s*", re.I)
_LEADING_JOIN = re.compile(r"^[\s,;:]*(?:(?:while|whereas|although|though|but|and)\b)?[\s,;:]*", re.I)
_TITLE_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with"}


@dataclass(frozen=True)
class _Clause:
    raw: str
    citations: tuple[int, ...]


def load_document(path: str | Path) -> Document:
    """Read and parse one document file.

    Args:
        path: A markdown or text file.

    Returns:
        The parsed document.

    Raises:
        CorpusError: The file cannot be read or its citations do not resolve.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"cannot read document {path}: {exc}") from exc
    return parse_document(text, name=path.name)


def find_documents(corpus: str | Path) -> list[Path]:
    """The document files of a corpus: a single file, or a folder's text files."""
    corpus = Path(corpus)
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise CorpusError(f"corpus not found: {corpus} (give a document file or a folder holding one)")
    files = sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
    if not files:
        raise CorpusError(f"no document in {corpus}: put one .md or .txt file there")
    return files


def parse_document(text: str, name: str = "document") -> Document:
    """Split a document into statements and references.

    Args:
        text: The whole document.
        name: A label for messages.

    Returns:
        The statements in document order and the references by number.

    Raises:
        CorpusError: A cited number has no reference entry, or there is no text.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    if not text.strip():
        raise CorpusError(f"{name}: the document is empty")
    sections, reference_text = _split_sections(text)
    references = parse_references(reference_text) if reference_text else {}

    statements: list[Statement] = []
    seen_ids: dict[str, int] = {}
    sentence_no = 0
    for title, body in sections:
        for sentence in split_sentences(body):
            sentence_no += 1
            for clause in split_clauses(sentence):
                plain = clean_text(clause.raw)
                if not plain or plain.endswith("?") or not re.search(r"[A-Za-z]", plain):
                    continue
                sid = _statement_id(title, plain, seen_ids)
                statements.append(
                    Statement(
                        id=sid,
                        text=plain,
                        citations=clause.citations,
                        section=title,
                        position=len(statements),
                        terms=_bold_terms(clause.raw),
                        sentence=sentence_no,
                    )
                )
    if not statements:
        raise CorpusError(f"{name}: no statements found; is this the review document?")

    cited = {n for s in statements for n in s.citations}
    missing = sorted(cited - references.keys())
    if missing:
        listed = ", ".join(f"[{n}]" for n in missing)
        raise CorpusError(f"{name}: cited but not in the reference list: {listed}")
    warnings = tuple(f"{name}: reference [{n}] is never cited" for n in sorted(references.keys() - cited))
    return Document(
        name=name,
        statements=tuple(statements),
        references=references,
        sections=tuple(dict.fromkeys(s.section for s in statements)),
        warnings=warnings,
    )


def _split_sections(text: str) -> tuple[list[tuple[str, str]], str]:
    """Cut the text at headings; return (title, body) pairs and the reference list."""
    sections: list[tuple[str, str]] = []
    reference_text = ""
    title, start = OVERVIEW, 0
    for m in list(_HEADING.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        body = text[start:end]
        if _REFERENCES_TITLE.fullmatch(title):
            reference_text += body
        elif body.strip():
            sections.append((title, body))
        if m:
            heading, consumed = _heading_title(text[m.end() :])
            # A level-1 heading is the document's title; its text stays in the overview.
            title = OVERVIEW if len(m.group(1)) == 1 else heading
            start = m.end() + consumed
    return sections, reference_text


def _heading_title(rest: str) -> tuple[str, int]:
    """Title of a heading and how many characters it takes.

    In multi-line markdown the title is the line.  In one-line markdown it runs
    up to the first bold term or list item, or else over the Title-Case words
    before the first sentence word.
    """
    line, newline, _ = rest.partition("\n")
    if newline and len(line) <= 200:
        return line.strip().strip("#").strip(), len(line) + 1
    stop = re.search(r"\*\*|(?<=\s)\d+\.\s", rest)
    candidate = rest[: stop.start()] if stop else rest
    words = candidate.split()
    taken = 0
    for word in words:
        if word[0].isupper() or word[0].isdigit() or word.lower() in _TITLE_SMALL_WORDS or word == "-":
            taken += 1
        else:
            break
    if taken < len(words) and taken > 1:
        taken -= 1  # the last capitalised word starts the first sentence
    title = " ".join(words[:taken]).strip()
    if _REFERENCES_TITLE.match(title):
        title = _REFERENCES_TITLE.match(title).group(0)
    consumed = len(candidate) if taken == len(words) else _offset_after_words(rest, taken)
    return title, consumed


def _offset_after_words(text: str, n: int) -> int:
    pos = 0
    for m in re.finditer(r"\S+", text):
        if n == 0:
            return m.start()
        n -= 1
        pos = m.end()
    return pos


def split_sentences(body: str) -> list[str]:
    """Split section text into sentences, keeping each sentence's markers."""
    sentences, start = [], 0
    for m in _SENTENCE_END.finditer(body):
        head = body[start : m.end()]
        if head.rstrip().lower().endswith(_ABBREVIATIONS):
            continue
        sentences.append(head.strip())
        start = m.end()
    tail = body[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def split_clauses(sentence: str) -> list[_Clause]:
    """Give each clause of a sentence its own citation numbers.

    The final citation group belongs to the last clause.  A group that sits
    mid-sentence closes a clause: where it is followed by punctuation or a
    clause joiner, the clause ends at the group; where it is followed by a word
    (``..., while[13][14] miR-196a-5p is ...``) the marker has slipped past the
    clause boundary, so the clause ends at the last joiner before it.
    """
    groups = list(_CITE_GROUP.finditer(sentence))
    clauses: list[_Clause] = []
    start = 0
    for g in groups:
        after = sentence[g.end() :]
        if not after.strip() or re.fullmatch(r"\s*[.?!]?\s*", after):
            break  # the closing group, handled below
        numbers = _numbers(g.group(0))
        if re.match(r"\s*(?:\*\*)?\s*\w", after) and not re.match(r"\s*(?:\*\*)?\s*[.,;:]", after):
            joins = [j for j in _CLAUSE_JOIN.finditer(sentence, start, g.start())]
            cut = joins[-1].start() if joins else g.start()
        else:
            cut = g.start()
        clauses.append(_Clause(sentence[start:cut], numbers))
        start = cut
    closing = groups[-1] if groups and not sentence[groups[-1].end() :].strip(" .?!") else None
    clauses.append(_Clause(sentence[start:], _numbers(closing.group(0)) if closing else ()))
    return [c for c in clauses if clean_text(c.raw)]


def clean_text(raw: str) -> str:
    """Plain statement text: no markers, no bold, single spaces, a capital start."""
    text = _CITE_GROUP.sub("", raw).replace("**", "")
    text = _LEADING_JOIN.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = re.sub(r"[,;:\s]+$", "", text)
    if not text:
        return ""
    first = text.split(" ", 1)[0]
    if first.isalpha() and first.islower():
        text = text[0].upper() + text[1:]
    if text[-1] not in ".?!":
        text += "."
    return text


def _numbers(group: str) -> tuple[int, ...]:
    return tuple(sorted({int(n) for n in _CITE_NUM.findall(group)}))


def _bold_terms(raw: str) -> tuple[str, ...]:
    terms = (re.sub(r"\s+", " ", t).strip() for t in re.findall(r"\*\*(.+?)\*\*", raw))
    return tuple(dict.fromkeys(t for t in terms if t))


def _statement_id(section: str, text: str, seen: dict[str, int]) -> str:
    digest = hashlib.sha1(f"{section}\x1f{text}".encode()).hexdigest()[:8]
    sid = f"s-{digest}"
    seen[sid] = seen.get(sid, 0) + 1
    return sid if seen[sid] == 1 else f"{sid}-{seen[sid]}"


# --- references -------------------------------------------------------------

_NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
_AUTHOR = rf"{_NAME} [A-Z]{{1,3}}"
_AUTHORS = re.compile(rf"(?<=\. )(?P<authors>{_AUTHOR}(?: ?, ?{_AUTHOR})*(?: ?, ?et al)?)\.(?=\s)")
_YEAR = re.compile(r"\.\s+(?P<year>(?:19|20)\d{2})\b[^.;]*;")
_DOI = re.compile(r"doi:\s*(?P<doi>10\.\S+?)\.?(?=\s|$)", re.I)


def parse_references(text: str) -> dict[int, Reference]:
    """Parse a numbered reference list ("1. Title. Authors. Journal. 2022;...").

    Entries are numbered 1, 2, 3, ... in order; a number out of sequence is
    part of the entry before it, and a bare number after the last entry is
    not a reference.
    """
    text = re.sub(r"\s+", " ", text).strip()
    starts: list[tuple[int, int, int]] = []
    expected = 1
    for m in re.finditer(r"(?:^|(?<=\s))(\d{1,3})\.\s+(?=\S)", text):
        if int(m.group(1)) == expected:
            starts.append((expected, m.start(), m.end()))
            expected += 1
    refs: dict[int, Reference] = {}
    for i, (number, _, body_start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
        raw = text[body_start:end].strip()
        if i + 1 == len(starts):
            raw = re.sub(r"\s+\d{1,3}\.?$", "", raw)
        refs[number] = _parse_entry(number, raw)
    return refs


def _parse_entry(number: int, raw: str) -> Reference:
    doi_m = _DOI.search(raw)
    authors_m = _AUTHORS.search(raw)
    title = authors = journal = ""
    year = None
    if authors_m:
        title = raw[: authors_m.start()].strip().rstrip(".")
        authors = authors_m.group("authors").replace(" ,", ",").strip()
        rest = raw[authors_m.end() :]
        year_m = _YEAR.search(rest)
        if year_m:
            journal = rest[: year_m.start()].strip().rstrip(".")
            year = int(year_m.group("year"))
    else:
        title = raw.split(". ")[0].strip()
    return Reference(
        number=number,
        raw=raw,
        title=title,
        authors=authors,
        journal=journal,
        year=year,
        doi=doi_m.group("doi") if doi_m else None,
    )
