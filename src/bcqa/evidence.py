"""The evidence map: which named entities the documents tie to which column.

Derived from the statements when the index is built, never drawn by hand.
A row is a named entity of a cited statement: a symbol-shaped word (TP53,
miR-21, HOTAIR, H275Y, gyrA, IL-1β), with the aliases the index resolved
merged into one row ("ABCB1 (MDR1)").  A symbol the document defines as an
abbreviation of a plain phrase ("extracellular matrix (ECM)") names a
concept, not an entity, and is left out.

The columns come from the corpus: by default the sections each entity is
discussed in; a corpus may instead name its own columns in a ``bcqa.toml``
beside its documents::

    [evidence.columns]
    chemotherapy = ["chemo", "anthracycline", "taxane"]
    radiotherapy = ["radio", "radiation"]

A statement falls in a column when it (or, for a clause, its sentence)
contains one of the column's words; with none, in "unspecified".  Each cell
carries the reference numbers of the statements behind it.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bcqa.text import is_symbol, tokenize
from bcqa.types import Statement

FILENAME = "evidence.json"
SETTINGS_FILE = "bcqa.toml"
UNSPECIFIED = "unspecified"

_GENERIC = {"dna", "rna", "rnas", "mrna", "mrnas", "mirna", "mirnas", "microrna", "lncrna", "lncrnas"}
_GENERIC |= {"ncrna", "ncrnas", "sirna", "cdna"}
_WORD = re.compile(r"[^\W_][\w-]*[\w+]|[^\W_]", re.U)


@dataclass(frozen=True)
class Cell:
    references: tuple[int, ...]
    statements: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceMap:
    """``markers[name] = {column: Cell}`` and the columns in display order."""

    markers: dict[str, dict[str, Cell]] = field(default_factory=dict)
    columns: tuple[str, ...] = ()

    def cells(self, marker: str) -> dict[str, Cell]:
        return self.markers[marker]

    def used_columns(self) -> list[str]:
        """The columns that hold any evidence, in order."""
        return [c for c in self.columns if any(c in cells for cells in self.markers.values())]

    def statement_ids(self, marker: str) -> list[str]:
        ids: list[str] = []
        for cell in self.cells(marker).values():
            ids += [i for i in cell.statements if i not in ids]
        return ids

    def to_dict(self) -> dict:
        return {
            "columns": list(self.columns),
            "markers": {
                name: {
                    c: {"references": list(cell.references), "statements": list(cell.statements)}
                    for c, cell in m.items()
                }
                for name, m in self.markers.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict) -> EvidenceMap:
        markers = {
            name: {c: Cell(tuple(cell["references"]), tuple(cell["statements"])) for c, cell in m.items()}
            for name, m in data["markers"].items()
        }
        return cls(markers, tuple(data["columns"]))


def read_columns(corpus: Path) -> dict[str, tuple[str, ...]]:
    """The ``[evidence.columns]`` of ``bcqa.toml`` beside the corpus ({} when there is none)."""
    folder = corpus if corpus.is_dir() else corpus.parent
    path = folder / SETTINGS_FILE
    if not path.is_file():
        return {}
    from bcqa.errors import CorpusError

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CorpusError(f"cannot read {path}: {exc}") from exc
    columns = data.get("evidence", {}).get("columns", {})
    if not isinstance(columns, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in columns.values()
    ):
        raise CorpusError(f"{path}: [evidence.columns] must map each column name to a list of words")
    return {name: tuple(words) for name, words in columns.items()}


def entities_of(statement: Statement, concepts: frozenset[str] = frozenset()) -> list[str]:
    """Named entities of a statement: symbol-shaped words that are not generic or concepts."""
    found = []
    for word in _WORD.findall(statement.text):
        word = word.strip("-")
        generic = word.lower() in _GENERIC or word.split("-")[0].lower() in _GENERIC  # "miRNA-regulated"
        if not word or word[0].isdigit() or not is_symbol(word) or generic or word in concepts:
            continue
        found.append(word)
    found += [re.sub(r"\s", "", m) for m in re.findall(r"\blet-\s?7[a-z]?\b", statement.text, re.I)]
    return list(dict.fromkeys(found))


def concept_abbreviations(abbreviations: Mapping[str, str]) -> frozenset[str]:
    """Abbreviations of plain phrases (ECM, ISGs, CSF): concepts, not entities.

    A long form with a digit names one entity (TREM2, P4HA2) and stays.
    """
    return frozenset(short for short, long in abbreviations.items() if not re.search(r"\d", long))


def build_evidence(
    statements: Sequence[Statement],
    aliases: Mapping[str, list[str]] | None = None,
    columns: Mapping[str, Sequence[str]] | None = None,
    abbreviations: Mapping[str, str] | None = None,
) -> EvidenceMap:
    """Build the map from the cited statements.

    Args:
        statements: Every statement of the corpus.
        aliases: The index's alias map; an entity the documents also name by
            an alias becomes one row: "ABCB1 (MDR1)".
        columns: Column name -> words (from ``bcqa.toml``); default: sections.
        abbreviations: Short -> long forms the documents define.
    """
    concepts = concept_abbreviations(abbreviations or {})
    patterns = {c: re.compile("|".join(re.escape(w) for w in words), re.I) for c, words in (columns or {}).items()}
    sentences: dict[tuple[str, int], str] = {}
    for s in statements:
        key = (s.document, s.sentence)
        sentences[key] = f"{sentences.get(key, '')} {s.text}"
    markers: dict[str, dict[str, Cell]] = {}
    order: list[str] = []
    several = len({s.document for s in statements}) > 1
    for s in statements:
        if not s.citations:
            continue
        if patterns:
            here = [c for c, p in patterns.items() if p.search(s.text)]
            here = here or [c for c, p in patterns.items() if p.search(sentences[(s.document, s.sentence)])]
            here = here or [UNSPECIFIED]
        else:
            here = [s.section]
        if several:  # reference numbers are per document: one document's [3] never joins another's
            here = [f"{c} ({s.document})" for c in here]
        order += [c for c in here if c not in order]
        for name in entities_of(s, concepts):
            cells = markers.setdefault(name, {})
            for column in here:
                old = cells.get(column, Cell((), ()))
                cells[column] = Cell(tuple(sorted(set(old.references) | set(s.citations))), old.statements + (s.id,))
    markers = _merge_aliases(markers, aliases or {})
    named = [c for name in (columns or {}) for c in order if c == name or c.startswith(f"{name} (")]
    column_order = named + [c for c in order if c not in named]
    return EvidenceMap(dict(sorted(markers.items(), key=lambda kv: kv[0].lower())), tuple(column_order))


def _merge_aliases(markers: dict[str, dict[str, Cell]], aliases: Mapping[str, list[str]]) -> dict[str, dict]:
    by_token = {tokenize(name)[0]: name for name in markers if tokenize(name)}
    merged = dict(markers)
    for name in list(markers):
        tokens = tokenize(name)
        targets = aliases.get(tokens[0], []) if tokens else []
        main = next((by_token[t] for t in targets if t in by_token and by_token[t] != name), None)
        if main is None or main not in merged or name not in merged:
            continue
        alias_cells = merged.pop(name)
        cells = dict(merged.pop(main))
        for column, cell in alias_cells.items():
            old = cells.get(column, Cell((), ()))
            ids = old.statements + tuple(i for i in cell.statements if i not in old.statements)
            cells[column] = Cell(tuple(sorted(set(old.references) | set(cell.references))), ids)
        merged[f"{main} ({name})"] = cells
    return merged


def save(directory: Path, evidence: EvidenceMap) -> None:
    (directory / FILENAME).write_text(json.dumps(evidence.to_dict(), ensure_ascii=False), encoding="utf-8")


def load(directory: Path) -> EvidenceMap:
    return parse((directory / FILENAME).read_bytes())


def parse(raw: bytes) -> EvidenceMap:
    """The map from the bytes of ``evidence.json``."""
    from orjson import loads  # a large corpus's map parses several times faster than with json

    return EvidenceMap.from_dict(loads(raw))
