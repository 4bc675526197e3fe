"""Calibrate the support labels (direct / related / weak) on the dev golden questions.

For every dev fact and list question of every golden document, the top 10
statements bcqa returns, with their cosine to the question and whether the
golden file expects them.  Prints the cosine distribution of the expected
statements and of the others, and the precision of each cut, so that the
cut-offs in ``bcqa.support`` can be read off it.  ``--held-out`` prints the
same table for the held-out questions, for reporting only (never for tuning).

Usage: .venv/bin/python scripts/calibrate_support.py [--held-out]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bcqa import Assistant
from bcqa.assistant import default_corpus
from bcqa.evaluate import find_document, golden_document, load_golden, resolve

ROOT = Path(__file__).resolve().parents[1]


def collect(held_out: bool) -> list[tuple[str, float, bool, int]]:
    rows = []
    for path in sorted((ROOT / "tests" / "golden").glob("*.toml")):
        name = golden_document(path)
        document = find_document(name, path, default_corpus())
        qa = Assistant.load(document, ROOT / f".index-eval-{Path(name).stem}", progress=None)
        golden = [g for g in load_golden(path) if g.kind in ("fact", "list") and (g.split != "dev") == held_out]
        golden = resolve(golden, qa.statements)
        for g, answer in zip(golden, qa.ask_many([g.question for g in golden], k=10)):
            if answer.abstained:
                continue
            for rank, h in enumerate(answer.statements, 1):
                rows.append((path.stem, h.dense, h.statement.id in g.expect, rank))
    return rows


def main() -> None:
    held_out = "--held-out" in sys.argv
    rows = collect(held_out)
    hits = sorted(c for _, c, ok, _ in rows if ok)
    others = sorted(c for _, c, ok, _ in rows if not ok)
    print(f"{'held-out' if held_out else 'dev'} questions: {len(hits)} expected statements shown, {len(others)} others")

    def pct(values, q):
        return values[min(len(values) - 1, int(q / 100 * len(values)))] if values else float("nan")

    print("cosine percentiles      5%    10%    25%    50%    75%")
    for label, values in (("expected", hits), ("others", others)):
        print(f"  {label:18s}" + "".join(f"{pct(values, q):7.3f}" for q in (5, 10, 25, 50, 75)))
    print("\ncut    expected at or above   precision at or above   share of others below")
    for cut in [x / 100 for x in range(30, 80, 5)]:
        above = [ok for _, c, ok, _ in rows if c >= cut]
        kept = sum(c >= cut for c in hits) / max(len(hits), 1)
        precision = sum(above) / max(len(above), 1)
        below = sum(c < cut for c in others) / max(len(others), 1)
        print(f"{cut:4.2f}   {kept:20.2f}   {precision:21.2f}   {below:21.2f}")
    for doc in sorted({d for d, *_ in rows}):
        mine = sorted(c for d, c, ok, _ in rows if d == doc and ok)
        print(f"  {doc:36s} expected: 10% {pct(mine, 10):.3f}  median {pct(mine, 50):.3f}")


if __name__ == "__main__":
    main()
