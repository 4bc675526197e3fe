"""Compare fusion methods on the dev questions of every golden document.

How the default in retrieve.py was chosen: each fusion runs the whole bcqa
pipeline over each document's dev split (held-out questions are not looked
at), and prints fact top-1 / top-3 and list recall@5 per document.

Usage: .venv/bin/python scripts/compare_fusion.py [GOLDEN_FILE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bcqa import Assistant
from bcqa.assistant import default_corpus
from bcqa.evaluate import evaluate, find_document, golden_document, load_golden
from bcqa.retrieve import Fusion

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = [Fusion("dense"), Fusion("bm25"), Fusion("rrf", rrf_k=60)]
CANDIDATES += [Fusion("weighted", alpha=a) for a in (0.3, 0.4, 0.5, 0.6, 0.7)]


def main() -> None:
    goldens = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "tests" / "golden").glob("*.toml"))
    table: dict[str, list[str]] = {}
    for path in goldens:
        name = golden_document(path)
        document = find_document(name, path, default_corpus())
        qa = Assistant.load(document, ROOT / f".index-eval-{Path(name).stem}", progress=None)
        rows, raw = load_golden(path), document.read_text(encoding="utf-8")
        for fusion in CANDIDATES:
            qa.retriever.fusion = fusion
            m = evaluate(qa, rows, raw, "dev").metrics["bcqa"]
            label = f"{fusion.method:8s} alpha={fusion.alpha:.1f}"
            table.setdefault(label, []).append(
                f"{path.stem[:12]:12s} {m['top1']:.2f}/{m['top3']:.2f}/{m['list_recall5']:.2f}"
            )
    print("fusion               per document: dev top-1 / top-3 / list recall@5")
    for label, cells in table.items():
        print(f"{label:20s} " + "  ".join(cells))


if __name__ == "__main__":
    main()
