"""Golden-set evaluation of bcqa beside single-retriever baselines.

A golden file is TOML: an optional ``document`` (the file name of the
document it is about) and ``[[question]]`` tables::

    document = "amr_gram_negative.md"

    [[question]]
    question = "Is LAT1 expression higher in resistant tumours?"
    kind = "fact"            # fact | list | reference | off-topic | absent
    expect = ["s-e150c142"]  # statement ids that answer it (all of them, for list/reference)
    expect_text = ["amino acid transporter SLC7A5"]  # or: a snippet of each such statement
    citations = [7]          # fact: the exact numbers the expected statement carries
    references = [7]         # reference: the references the question is about
    mentions = ["HER2"]      # absent: what bcqa should say is missing
    split = "dev"            # dev (may tune on it); any other split is held out

Every system answers every question in the same run: bcqa itself, and BM25
alone, dense alone and their reciprocal-rank fusion over a naive regex
sentence split of the raw document.  Baselines never abstain.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bcqa.errors import BcqaError
from bcqa.types import Hit

if TYPE_CHECKING:
    from bcqa.assistant import Assistant

KINDS = ("fact", "list", "reference", "off-topic", "absent")
IN_SCOPE = ("fact", "list", "reference")
K = 5

METRICS = (
    ("top1", "top-1 (fact questions)"),
    ("top3", "top-3 (fact questions)"),
    ("mrr", "MRR (fact questions)"),
    ("list_recall5", "list recall@5"),
    ("reference_recall5", "reference-question recall@5"),
    ("attribution", "citation attribution accuracy"),
    ("offtopic_abstention", "abstention, off-topic"),
    ("absent_abstention", "abstention, absent entity"),
    ("false_abstention", "false abstention, in-scope"),
)
SYSTEMS = ("bcqa", "bm25", "dense", "naive-rrf")
HELD_OUT = "held-out"  # every split but dev


@dataclass(frozen=True)
class GoldenQuestion:
    question: str
    kind: str = "fact"
    expect: tuple[str, ...] = ()
    expect_text: tuple[str, ...] = ()
    citations: tuple[int, ...] = ()
    references: tuple[int, ...] = ()
    mentions: tuple[str, ...] = ()
    split: str = "dev"


@dataclass
class Outcome:
    """One system's answer to one golden question, reduced to what is scored."""

    ids: list[str]
    citations: dict[str, tuple[int, ...]]
    abstained: bool = False
    answer_ok: bool = True  # every [n] in the answer text is carried by a shown statement


@dataclass
class Report:
    counts: dict[str, int]
    metrics: dict[str, dict[str, float | None]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts, "metrics": self.metrics, "failures": self.failures}


def golden_header(path: str | Path) -> dict[str, Any]:
    """The whole golden file as a table (its top-level keys: document, corpus, top ...)."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BcqaError(f"cannot read golden file {path}: {exc}") from exc


def golden_document(path: str | Path) -> str | None:
    """The ``document`` a golden file names, if any."""
    return golden_header(path).get("document")


def find_document(name: str, golden: Path, corpus: Path) -> Path:
    """A golden file's document: beside it, in ../documents, or in ``corpus``."""
    for folder in (golden.parent, golden.parent.parent / "documents", corpus if corpus.is_dir() else corpus.parent):
        if (folder / name).is_file():
            return folder / name
    raise BcqaError(f"{golden}: document {name} not found beside it, in ../documents or in {corpus}")


def golden_corpus(path: Path, corpus: Path) -> Path | None:
    """What a golden file is about: its ``corpus`` (relative to the file) or its ``document``
    (looked up by ``find_document`` with ``corpus``); None when it names neither."""
    header = golden_header(path)
    if "corpus" in header:
        return (path.parent / header["corpus"]).resolve()
    name = header.get("document")
    return find_document(name, path, corpus) if name else None


def load_golden(path: str | Path) -> list[GoldenQuestion]:
    """Read a golden TOML file of ``[[question]]`` tables."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BcqaError(f"cannot read golden file {path}: {exc}") from exc
    rows = []
    for i, row in enumerate(data.get("question", []), 1):
        try:
            q = GoldenQuestion(
                question=row["question"],
                kind=row.get("kind", "fact"),
                expect=tuple(row.get("expect", ())),
                expect_text=tuple(row.get("expect_text", ())),
                citations=tuple(sorted(row.get("citations", ()))),  # "[17, 4]" as written is (4, 17)
                references=tuple(row.get("references", ())),
                mentions=tuple(row.get("mentions", ())),
                split=row.get("split", "dev"),
            )
        except (KeyError, TypeError) as exc:
            raise BcqaError(f"{path}: question {i} is malformed ({exc})") from exc
        if q.kind not in KINDS:
            raise BcqaError(f"{path}: question {i} has unknown kind {q.kind!r} (one of {', '.join(KINDS)})")
        if q.kind in IN_SCOPE and not (q.expect or q.expect_text):
            raise BcqaError(f"{path}: question {i} ({q.kind}) needs expect (ids) or expect_text (snippets)")
        rows.append(q)
    if not rows:
        raise BcqaError(f"{path} holds no [[question]] tables")
    return rows


def _fold_text(text: str) -> str:
    return " ".join(text.split()).casefold()


def resolve(rows: Sequence[GoldenQuestion], statements: Sequence) -> list[GoldenQuestion]:
    """Turn each ``expect_text`` snippet into the id of the one statement that contains it.

    Raises:
        BcqaError: A snippet matches no statement, or several different ones.
    """
    from dataclasses import replace

    out = []
    for row in rows:
        ids = list(row.expect)
        for snippet in row.expect_text:
            found = [s.id for s in statements if _fold_text(snippet) in _fold_text(s.text)]
            if len(found) != 1:
                where = "no statement" if not found else f"{len(found)} statements"
                raise BcqaError(f"golden question {row.question!r}: {snippet!r} matches {where}")
            ids += [i for i in found if i not in ids]
        out.append(replace(row, expect=tuple(ids)))
    return out


def rank_of(hits: Sequence[Hit], expect: Sequence[str]) -> int | None:
    """1-based rank of the first expected statement among the hits, or None."""
    for i, h in enumerate(hits, 1):
        if h.statement.id in expect:
            return i
    return None


@dataclass(frozen=True)
class Scores:
    n: int
    top1: float
    top3: float
    mrr: float

    def __str__(self) -> str:
        return f"n={self.n:3d}  top-1 {self.top1:.3f}  top-3 {self.top3:.3f}  MRR {self.mrr:.3f}"


def score(ranks: Sequence[int | None]) -> Scores:
    n = len(ranks)
    if n == 0:
        return Scores(0, 0.0, 0.0, 0.0)
    top1 = sum(r == 1 for r in ranks) / n
    top3 = sum(r is not None and r <= 3 for r in ranks) / n
    mrr = sum(1.0 / r for r in ranks if r) / n
    return Scores(n, top1, top3, mrr)


# --- running the systems ------------------------------------------------------


def run_bcqa(qa: Assistant, rows: Sequence[GoldenQuestion]) -> list[Outcome]:
    answers = qa.ask_many([r.question for r in rows], k=K)
    out = []
    for a in answers:
        # a statement's numbers, and those of the clauses it goes on from, told before it (Hit.lead)
        shown = {n for h in a.statements for s in h.told for n in s.citations}
        cited = {int(n) for n in re.findall(r"\[(\d+)\]", a.answer)}
        out.append(
            Outcome(
                ids=[] if a.abstained else [h.statement.id for h in a.statements],
                citations={h.statement.id: h.statement.citations for h in a.statements},
                abstained=a.abstained,
                answer_ok=cited <= shown,
            )
        )
    return out


def naive_sentences(raw: str) -> list[str]:
    """The naive split: a regex on sentence punctuation (or a closing citation
    marker, "]" or a superscript digit) followed by a capital, over the raw text,
    references and all."""
    parts = re.split(r"(?<=[.?!])\s+|(?<=[\]⁰¹²³⁴⁵⁶⁷⁸⁹])\s+(?=[A-Z*])", raw)
    return [s.strip() for s in parts if len(s.strip()) > 20]


def run_naive(qa: Assistant, rows: Sequence[GoldenQuestion], raw: str) -> dict[str, list[Outcome]]:
    """BM25 alone, dense alone and their reciprocal-rank fusion over naive sentences.

    A naive sentence stands for every statement whose text it contains; its
    citations are all the markers in it, which is what a reader of that
    pipeline would be shown.
    """
    import numpy as np

    from bcqa.corpus import CITE_GROUP, parse_citation_group
    from bcqa.retrieve import rrf
    from bcqa.sparse import BM25Index
    from bcqa.text import tokenize

    sentences = naive_sentences(raw)
    plain = [" ".join(CITE_GROUP.sub(" ", s).replace("**", " ").split()) for s in sentences]
    covers = [[st.id for st in qa.statements if _squash(st.text.rstrip("."))[:60] in _squash(p)] for p in plain]
    numbers = [tuple(sorted({n for g in CITE_GROUP.findall(s) for n in parse_citation_group(g)})) for s in sentences]
    encoder = qa.retriever.encoder
    matrix = encoder.encode(plain)
    bm25 = BM25Index.from_texts(plain)
    queries = encoder.encode([r.question for r in rows])
    out: dict[str, list[Outcome]] = {"bm25": [], "dense": [], "naive-rrf": []}
    for row, qvec in zip(rows, queries):
        dense, sparse = matrix @ qvec, bm25.scores(tokenize(row.question))
        for name, scores in (("bm25", sparse), ("dense", dense), ("naive-rrf", rrf([dense, sparse]))):
            ids: list[str] = []
            cites: dict[str, tuple[int, ...]] = {}
            for j in np.argsort(-scores, kind="stable")[:K]:
                for sid in covers[j] or [f"naive-{j}"]:
                    ids.append(sid)
                    cites.setdefault(sid, numbers[j])
            out[name].append(Outcome(ids=ids, citations=cites))
    return out


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


# --- metrics --------------------------------------------------------------------


def metrics(rows: Sequence[GoldenQuestion], outcomes: Sequence[Outcome], truth: dict[str, tuple[int, ...]]):
    """The metric table for one system; ``truth`` is each statement's own citations."""
    ranks, list_recall, ref_recall, attribution = [], [], [], []
    off, absent, false_abs = [], [], []
    failures = []
    for row, o in zip(rows, outcomes):
        if row.kind in ("off-topic", "absent"):
            (off if row.kind == "off-topic" else absent).append(o.abstained)
            if not o.abstained:
                failures.append(f"[{row.kind}] did not abstain: {row.question}")
            continue
        false_abs.append(o.abstained)
        shown = o.ids[:K]
        if row.kind == "fact":
            r = next((i for i, sid in enumerate(shown, 1) if sid in row.expect), None)
            ranks.append(r)
            if r != 1:
                failures.append(f"[fact] {f'rank {r}' if r else f'not in the top {K}'}: {row.question}")
        else:
            recall = len(set(row.expect) & set(shown)) / len(row.expect)
            (list_recall if row.kind == "list" else ref_recall).append(recall)
            if recall < 1:
                failures.append(f"[{row.kind}] recall {recall:.2f}: {row.question}")
        if not o.abstained:
            attribution.append(_attributed(row, o, truth))
    s = score(ranks)
    mean = lambda xs: sum(xs) / len(xs) if xs else None  # noqa: E731
    return {  # None: not measured (no question of that kind)
        "top1": s.top1 if ranks else None,
        "top3": s.top3 if ranks else None,
        "mrr": s.mrr if ranks else None,
        "list_recall5": mean(list_recall),
        "reference_recall5": mean(ref_recall),
        "attribution": mean(attribution),
        "offtopic_abstention": mean(off),
        "absent_abstention": mean(absent),
        "false_abstention": mean(false_abs),
    }, failures


def _attributed(row: GoldenQuestion, o: Outcome, truth: dict[str, tuple[int, ...]]) -> bool:
    """Every shown citation is the statement's own, and the answer cites nothing else."""
    for sid in o.ids[:K]:
        if sid in truth and o.citations.get(sid) != truth[sid]:
            return False
    if row.kind == "fact" and row.citations is not None:
        for sid in o.ids[:K]:
            if sid in row.expect and o.citations.get(sid) != row.citations:
                return False
    return o.answer_ok


def evaluate(qa: Assistant, rows: Sequence[GoldenQuestion], raw_document: str, split: str | None = None) -> Report:
    """Run every system on the golden rows (optionally one split) and score them.

    ``split`` is a split name, or ``HELD_OUT`` for every split but dev.
    """
    if split == HELD_OUT:
        rows = [r for r in rows if r.split != "dev"]
    elif split:
        rows = [r for r in rows if r.split == split]
    rows = resolve(rows, qa.statements)
    truth = {s.id: s.citations for s in qa.statements}
    outcomes = {"bcqa": run_bcqa(qa, rows), **run_naive(qa, rows, raw_document)}
    counts = {kind: sum(r.kind == kind for r in rows) for kind in KINDS}
    report = Report(counts={"total": len(rows), **counts})
    for system in SYSTEMS:
        m, failures = metrics(rows, outcomes[system], truth)
        report.metrics[system] = m
        if system == "bcqa":
            report.failures = failures
    return report


def format_report(report: Report, title: str = "") -> str:
    lines = []
    if title:
        lines.append(title)
    c = report.counts
    lines.append(
        f"{c['total']} questions: {c['fact']} fact, {c['list']} list, {c['reference']} reference, "
        f"{c['off-topic']} off-topic, {c['absent']} absent-entity"
    )
    header = f"{'metric':34s}" + "".join(f"{s:>11s}" for s in SYSTEMS)
    lines += [header, "-" * len(header)]
    for key, label in METRICS:
        cells = []
        for system in SYSTEMS:
            v = report.metrics[system][key]
            cells.append(f"{'n/a' if v is None else f'{v:.3f}':>11s}")
        lines.append(f"{label:34s}" + "".join(cells))
    lines.append("baselines run over a naive regex sentence split and never abstain; naive-rrf fuses bm25 and dense")
    if report.failures:
        lines.append("")
        lines.append("bcqa misses:")
        lines += [f"  {f}" for f in report.failures]
    return "\n".join(lines)
