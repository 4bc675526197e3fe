"""Print the abstention features of the dev golden questions of every document.

How ``policy.Thresholds`` were set: for each dev question of each golden file,
its kind, the best dense cosine over its document, the share of its tokens the
document uses, the share of its specific words (outside the commonest of English)
the document uses, how much closer it comes without the words the document never
uses (``lift``, blank when it has none), how well its best statements match its word pieces
(``match``, the late interaction's ``Scores.matched``; blank for a list, which is not re-scored),
and what query analysis found (references,
names the document uses, names it never mentions).  Only the dev split is shown unless --all is
given: held-out questions stay held out.

Usage: .venv/bin/python scripts/calibrate.py [--all] [GOLDEN_FILE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bcqa import Assistant
from bcqa.assistant import default_corpus
from bcqa.evaluate import find_document, golden_document, load_golden

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--all"]
    goldens = [Path(a) for a in args] or sorted((ROOT / "tests" / "golden").glob("*.toml"))
    print(
        f"{'document':26s} {'kind':10s} {'dense':>6s} {'cover':>6s} {'spec':>5s} {'lift':>6s} {'match':>6s}"
        "  question / analysis"
    )
    for path in goldens:
        rows = load_golden(path)
        if "--all" not in sys.argv:
            rows = [r for r in rows if r.split == "dev"]
        name = golden_document(path)
        document = find_document(name, path, default_corpus())
        qa = Assistant.load(document, ROOT / f".index-eval-{Path(name).stem}", progress=None)
        for r in sorted(rows, key=lambda r: r.kind):
            (q,) = qa.analyse(r.question)
            retriever = qa.retriever
            dense, pieces = retriever.dense_scores_and_pieces([q.dense_text])
            best = float(dense.max())
            match = ""
            if pieces and not q.is_list:
                part = retriever.parts[0]
                scores = retriever.score_part(part, dense[0], q.tokens, wants_quantity=q.asks_quantity)
                matched = retriever.rerank(part, scores, pieces[0]).matched
                match = "" if matched is None else f"{matched:6.3f}"
            lift = ""
            if q.uncovered and q.without_uncovered:
                lift = f"{float(qa.retriever.dense_scores([q.without_uncovered]).max()) - best:6.3f}"
            notes = []
            if q.references or q.missing_references:
                notes.append(f"refs={list(q.references)} missing={list(q.missing_references)}")
            if q.unknown:
                notes.append(f"unknown={list(q.unknown)}")
            if q.named:
                notes.append(f"named={list(q.named)}")
            print(
                f"{path.stem[:26]:26s} {r.kind:10s} {best:6.3f} {q.coverage:6.2f} {q.specific_coverage:5.2f} {lift:>6s}"
                f" {match:>6s}"
                f"  {r.question}  {' '.join(notes)}"
            )


if __name__ == "__main__":
    main()
