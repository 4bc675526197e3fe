"""Compare fusion methods on the golden set (how the default in retrieve.py was chosen).

Usage: .venv/bin/python scripts/compare_fusion.py [GOLDEN_FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bcqa import Assistant
from bcqa.evaluate import load_golden, rank_of, score
from bcqa.retrieve import Fusion

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    golden = load_golden(sys.argv[1] if len(sys.argv) > 1 else ROOT / "tests/golden/golden.toml")
    golden = [g for g in golden if g.kind == "fact"]
    qa = Assistant.load(progress=None)
    questions = [g.question for g in golden]
    n = len(qa.statements)
    candidates = [Fusion("dense"), Fusion("bm25"), Fusion("rrf", rrf_k=60), Fusion("rrf", rrf_k=10)]
    candidates += [Fusion("weighted", alpha=a) for a in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)]
    for fusion in candidates:
        results = qa.retriever.search_many(questions, n, fusion=fusion)
        label = f"{fusion.method:8s} alpha={fusion.alpha:.1f} rrf_k={fusion.rrf_k:2d}"
        for split in ("dev", "test"):
            ranks = [rank_of(hits, g.expect) for g, hits in zip(golden, results) if g.split == split]
            print(f"{label}  {split:4s}  {score(ranks)}")
        misses = [g.question for g, hits in zip(golden, results) if rank_of(hits, g.expect) != 1]
        print("    not first:", misses[:6])


if __name__ == "__main__":
    main()
