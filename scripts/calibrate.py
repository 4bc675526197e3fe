"""Print the abstention features of every dev golden question (how policy.Thresholds were set).

For each question: its kind, the best dense cosine, the share of its tokens the
document uses, and what query analysis found (references, unknown entities).
Only the dev split is shown unless --all is given; test questions stay held out.

Usage: .venv/bin/python scripts/calibrate.py [--all] [GOLDEN_FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bcqa import Assistant
from bcqa.evaluate import load_golden
from bcqa.query import analyse
from bcqa.text import english_words

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--all"]
    rows = load_golden(args[0] if args else ROOT / "tests/golden/golden.toml")
    if "--all" not in sys.argv:
        rows = [r for r in rows if r.split == "dev"]
    qa = Assistant.load(progress=None)
    queries = [analyse(r.question, qa.vocabulary, qa.aliases, qa.references, english_words()) for r in rows]
    tables = qa.retriever.score_many([q.dense_text for q in queries], [q.tokens for q in queries])
    print(f"{'kind':10s} {'dense':>6s} {'cover':>6s} {'bm25':>6s}  question / analysis")
    for r, q, t in sorted(zip(rows, queries, tables), key=lambda x: (x[0].kind, -float(x[2].dense.max()))):
        notes = []
        if q.references or q.missing_references:
            notes.append(f"refs={list(q.references)} missing={list(q.missing_references)}")
        if q.unknown:
            notes.append(f"unknown={list(q.unknown)}")
        if q.is_list:
            notes.append("list")
        if q.expansions:
            notes.append(f"aliases={dict(q.expansions)}")
        features = f"{r.kind:10s} {t.dense.max():6.3f} {q.coverage:6.2f} {t.sparse.max():6.2f}"
        print(f"{features}  {r.question}  {' '.join(notes)}")


if __name__ == "__main__":
    main()
