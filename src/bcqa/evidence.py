"""The evidence map: which markers the document ties to which therapy and layer.

Derived from the statements when the index is built, never drawn by hand, so
another review in the same format gets its own map.  A marker is a gene-like
symbol in a cited statement (TP53, miR-21, HOTAIR), or a bold term with no
symbol in it ("Proliferation-associated genes").  Its therapy comes from the
statement's words (a clause with none takes its sentence's), its molecular
layer from the section title, and each cell carries the reference numbers of
the statements behind it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bcqa.text import is_symbol, tokenize
from bcqa.types import Statement

FILENAME = "evidence.json"
THERAPIES = ("chemotherapy", "radiotherapy", "endocrine / cross-resistance", "unspecified")
LAYERS = ("mutation", "protein", "RNA", "non-coding RNA", "other")

_THERAPY_WORDS = {
    "chemotherapy": r"chemo|anthracycline|taxane|neoadjuvant|drug|efflux|xenobiotic",
    "radiotherapy": r"radio|radiation|irradiat",
    "endocrine / cross-resistance": r"tamoxifen|endocrine|cross-resistance|hormon",
}
_LAYER_WORDS = (
    ("non-coding RNA", r"non-coding|noncoding|ncrna|microrna|mirna|lncrna"),
    ("mutation", r"mutation|genetic|variant"),
    ("protein", r"protein"),
    ("RNA", r"rna|transcript|expression"),
)
_NOT_MARKERS = {"DNA", "RNA", "RNAs", "AUC", "ER+", "ECM", "MicroRNAs", "miRNAs", "miRNA", "ncRNAs"}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9+]")


@dataclass(frozen=True)
class Cell:
    references: tuple[int, ...]
    statements: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceMap:
    """markers[name] = {"layer": ..., "cells": {therapy: Cell}}."""

    markers: dict[str, dict] = field(default_factory=dict)

    def layer(self, marker: str) -> str:
        return self.markers[marker]["layer"]

    def cells(self, marker: str) -> dict[str, Cell]:
        return self.markers[marker]["cells"]

    def therapies(self) -> list[str]:
        """The therapy columns that hold any evidence, in a fixed order."""
        return [t for t in THERAPIES if any(t in m["cells"] for m in self.markers.values())]

    def statement_ids(self, marker: str) -> list[str]:
        ids: list[str] = []
        for cell in self.cells(marker).values():
            ids += [i for i in cell.statements if i not in ids]
        return ids

    def to_dict(self) -> dict:
        return {
            name: {
                "layer": m["layer"],
                "cells": {
                    t: {"references": list(c.references), "statements": list(c.statements)}
                    for t, c in m["cells"].items()
                },
            }
            for name, m in self.markers.items()
        }

    @classmethod
    def from_dict(cls, data: dict) -> EvidenceMap:
        return cls(
            {
                name: {
                    "layer": m["layer"],
                    "cells": {t: Cell(tuple(c["references"]), tuple(c["statements"])) for t, c in m["cells"].items()},
                }
                for name, m in data.items()
            }
        )


def layer_of(section: str, text: str) -> str:
    """The molecular layer a section reports on, by its title (then the text)."""
    for source in (section, text):
        for layer, pattern in _LAYER_WORDS:
            if re.search(pattern, source, re.I):
                return layer
    return "other"


def therapies_of(text: str) -> list[str]:
    return [t for t, pattern in _THERAPY_WORDS.items() if re.search(pattern, text, re.I)]


def markers_of(statement: Statement) -> list[str]:
    found = [w for w in _WORD.findall(statement.text) if is_symbol(w) and not w[0].isdigit()]
    found = [w for w in found if w not in _NOT_MARKERS and not w.lower().startswith("mirna")]
    found += [re.sub(r"\s", "", m) for m in re.findall(r"\blet-\s?7[a-z]?\b", statement.text, re.I)]
    for term in statement.terms:
        if not any(is_symbol(w) for w in _WORD.findall(term)):
            found.append(term[0].upper() + term[1:])
    return list(dict.fromkeys(found))


def build_evidence(statements: Sequence[Statement], aliases: dict[str, list[str]] | None = None) -> EvidenceMap:
    """Build the map from the cited statements.

    A clause without therapy words takes those of the sentence it was cut
    from.  With the index's alias map, a marker the document also names by an
    alias is one row: "ABCB1 (MDR1)", "TP53 (p53)".
    """
    sentences: dict[int, str] = {}
    for s in statements:
        sentences[s.sentence] = f"{sentences.get(s.sentence, '')} {s.text}"
    markers: dict[str, dict] = {}
    for s in statements:
        if not s.citations:
            continue
        therapies = therapies_of(s.text) or therapies_of(sentences.get(s.sentence, "")) or ["unspecified"]
        layer = layer_of(s.section, s.text)
        for name in markers_of(s):
            entry = markers.setdefault(name, {"layer": layer, "cells": {}})
            for therapy in therapies:
                old = entry["cells"].get(therapy, Cell((), ()))
                entry["cells"][therapy] = Cell(
                    tuple(sorted(set(old.references) | set(s.citations))), old.statements + (s.id,)
                )
    markers = _merge_aliases(markers, aliases or {})
    order = {layer: i for i, layer in enumerate(LAYERS)}
    ordered = dict(sorted(markers.items(), key=lambda kv: (order.get(kv[1]["layer"], 99), kv[0].lower())))
    return EvidenceMap(ordered)


def _merge_aliases(markers: dict[str, dict], aliases: dict[str, list[str]]) -> dict[str, dict]:
    by_token = {tokenize(name)[0]: name for name in markers if tokenize(name)}
    merged = dict(markers)
    for name in list(markers):
        tokens = tokenize(name)
        targets = aliases.get(tokens[0], []) if tokens else []
        main = next((by_token[t] for t in targets if t in by_token and by_token[t] != name), None)
        if main is None or main not in merged or name not in merged:
            continue
        alias_entry = merged.pop(name)
        entry = merged.pop(main)
        cells = dict(entry["cells"])
        for therapy, cell in alias_entry["cells"].items():
            old = cells.get(therapy, Cell((), ()))
            ids = old.statements + tuple(i for i in cell.statements if i not in old.statements)
            cells[therapy] = Cell(tuple(sorted(set(old.references) | set(cell.references))), ids)
        merged[f"{main} ({name})"] = {"layer": entry["layer"], "cells": cells}
    return merged


def save(directory: Path, evidence: EvidenceMap) -> None:
    (directory / FILENAME).write_text(json.dumps(evidence.to_dict(), ensure_ascii=False), encoding="utf-8")


def load(directory: Path) -> EvidenceMap:
    return EvidenceMap.from_dict(json.loads((directory / FILENAME).read_text(encoding="utf-8")))
