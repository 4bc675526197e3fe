"""Scale benchmark: bcqa on generated review corpora of 10k, 100k (and 1M) statements.

A generator writes one markdown review in the corpus's style (headed sections,
sentences with [n] markers, a numbered reference list) with N statements.
For each size it builds the real index (the bundled model embeds every
statement), then reports build throughput, size on disk, warm query p50,
cold CLI ask, peak memory, and beside them the engines bcqa switches
between: rank-bm25 against posting lists, exact (flat) against approximate
(HNSW) dense search with its recall@10 on the real vectors.

The 1M row (``--million``) does not embed a million statements: its vectors
are generated (clustered unit vectors of the model's dimension) and only the
dense and BM25 engines are measured, as the table says.

Usage: .venv/bin/python scripts/bench_scale.py [--sizes 10000 100000] [--million] [--out FILE] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BCQA = Path(sys.executable).with_name("bcqa")

GENES = ["TP53", "BRCA1", "BRCA2", "ABCB1", "ERBB2", "PIK3CA", "PTEN", "MYC", "EGFR", "KRAS", "CDK4", "ESR1", "AKT1"]
GENES += [f"GENE{i}" for i in range(1, 400)]
RNAS = [f"miR-{n}" for n in range(1, 300)] + ["HOTAIR", "NEAT1", "MALAT1", "H19", "UCA1"]
VERBS = ["promotes", "reduces", "predicts", "is associated with", "drives", "reverses", "sensitises cells to"]
OUTCOMES = [
    "radioresistance",
    "chemoresistance",
    "tamoxifen resistance",
    "poor survival",
    "relapse",
    "doxorubicin resistance",
    "DNA damage repair",
    "apoptosis",
    "stemness",
    "autophagy",
]
CONTEXTS = [
    "in triple-negative tumours",
    "in luminal cell lines",
    "after neoadjuvant chemotherapy",
    "in patient-derived xenografts",
    "in a cohort of 412 patients",
    "through NF-kB signalling",
    "via the PI3K-Akt pathway",
    "by enhancing efflux",
    "under hypoxia",
    "in single-cell profiles",
]
QUESTIONS = [
    "What does {g} do in {o}?",
    "Is {g} linked to {o}?",
    "Which RNAs affect {o}?",
    "How does {r} influence {o}?",
    "Does {g} predict response {c}?",
]


def generate(n_statements: int, seed: int = 0, references: int = 200) -> str:
    """A review with n statements in the corpus's style; deterministic for a seed."""
    rng = random.Random(seed)
    lines = ["# Generated review of resistance mechanisms", ""]
    per_section = 200
    for i in range(n_statements):
        if i % per_section == 0:
            lines += ["", f"## Section {i // per_section + 1}: {rng.choice(OUTCOMES)}", ""]
        subject = rng.choice(GENES + RNAS)
        cite = "".join(f"[{rng.randint(1, references)}]" for _ in range(rng.randint(0, 2)))
        sentence = f"{subject} {rng.choice(VERBS)} {rng.choice(OUTCOMES)} {rng.choice(CONTEXTS)} (cohort {i})."
        lines.append(sentence[:-1] + "." + cite)
    lines += ["", "## References", ""]
    for n in range(1, references + 1):
        lines.append(f"{n}. Title of study {n} on resistance. Author{n} A, Other B. J Res. 20{n % 25:02d};{n}:1-9.")
    return "\n".join(lines) + "\n"


def questions(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(QUESTIONS).format(
            g=rng.choice(GENES), o=rng.choice(OUTCOMES), r=rng.choice(RNAS), c=rng.choice(CONTEXTS)
        )
        for _ in range(count)
    ]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file()) / 2**20


def worker_real(size: int, workdir: Path) -> dict:
    """Build and query a real index of `size` statements (run in its own process)."""
    import numpy as np

    from bcqa import Assistant
    from bcqa.dense import DenseIndex
    from bcqa.retrieve import bm25_scores
    from bcqa.sparse import BM25Index
    from bcqa.text import tokenize

    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    text = generate(size)
    document = corpus / "review.md"
    if not document.is_file() or document.read_text(encoding="utf-8") != text:
        document.write_text(text, encoding="utf-8")
    index = workdir / "index"
    messages: list[str] = []
    t0 = time.perf_counter()
    qa = Assistant.load(corpus, index, progress=messages.append)
    build = time.perf_counter() - t0
    built = any(m.startswith("building") for m in messages)
    build_peak = peak_mib()
    qs = questions(60)
    qa.ask(qs[0])
    lat = []
    for q in qs:
        t = time.perf_counter()
        qa.ask(q)
        lat.append((time.perf_counter() - t) * 1000)
    part = qa.retriever.parts[0]
    tokens = [tokenize(q) for q in qs[:20]]
    engines = {}
    # The stored postings keep no token lists: rebuild them (without gene names or abbreviations).
    statement_tokens = [tokenize(s.search_text) for s in qa.statements]
    for engine in ("rank-bm25", "postings"):
        bm = BM25Index(statement_tokens, engine=engine)
        t = time.perf_counter()
        for tok in tokens:
            bm.scores(tok)
        engines[engine] = (time.perf_counter() - t) / len(tokens) * 1000
    # The index's own BM25 side of a question: the statements' BM25 and, when built, the pair BM25.
    t = time.perf_counter()
    for tok in tokens:
        bm25_scores(part.sparse, tok)
    engines["index, with the pair BM25"] = (time.perf_counter() - t) / len(tokens) * 1000
    vectors = qa.retriever.dense.vectors()
    qvecs = qa.retriever.encoder.encode(qs)
    exact = qa.retriever.dense if qa.retriever.dense.exact else DenseIndex.from_vectors(vectors, approximate=False)
    t = time.perf_counter()
    hnsw = DenseIndex.from_vectors(vectors, approximate=True)
    hnsw_build = time.perf_counter() - t
    timings = {}
    for name, index_ in (("flat", exact), ("hnsw", hnsw)):
        t = time.perf_counter()
        for v in qvecs:
            index_.search(v[None, :], 2000)
        timings[name] = (time.perf_counter() - t) / len(qvecs) * 1000
    _, want = exact.search(qvecs, 10)
    _, got = hnsw.search(qvecs, 10)
    recall = float(np.mean([len(set(w) & set(g)) / 10 for w, g in zip(want, got)]))
    return {
        "statements": len(qa.statements),
        # A kept index that is still fresh is loaded, not built: no build figures then.
        "build_s": build if built else None,
        "build_throughput": len(qa.statements) / build if built else None,
        "index_reused": not built,
        "disk_mib": dir_mib(index),
        "disk_mib_without_model": dir_mib(index) - (index / "encoder.onnx").stat().st_size / 2**20,
        "warm_p50_ms": statistics.median(lat),
        "warm_p95_ms": sorted(lat)[int(0.95 * (len(lat) - 1))],
        "build_peak_mib": build_peak,
        "bm25_ms": engines,
        "bm25_engine": part.sparse.engine,
        "dense_ms_2000_candidates": timings,
        "dense_exact": qa.retriever.dense.exact,
        "hnsw_build_s": hnsw_build,
        "hnsw_recall_at_10": recall,
    }


def cold_ask(workdir: Path) -> tuple[float, float]:
    """Wall time and peak RSS of `bcqa ask` in a fresh process on the built index."""
    cmd = [
        "/usr/bin/time",
        "-f",
        "%M",
        str(BCQA),
        "ask",
        "-q",
        "--json",
        "--corpus",
        str(workdir / "corpus"),
        "--index-dir",
        str(workdir / "index"),
        "What does TP53 do in radioresistance?",
    ]
    walls, peaks = [], []
    for _ in range(3):
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        walls.append(time.perf_counter() - t)
        peaks.append(int(proc.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(walls), max(peaks)


def worker_million(size: int) -> dict:
    """Engines only, on generated vectors and generated statement tokens."""
    import numpy as np

    from bcqa.dense import DenseIndex
    from bcqa.sparse import BM25Index

    rng = np.random.default_rng(0)
    centres = rng.standard_normal((2000, 384)).astype(np.float32)
    vectors = centres[rng.integers(0, 2000, size)] + 0.5 * rng.standard_normal((size, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    # Whitespace tokens of the generated sentences: bcqa's tokenizer over a million lines would
    # take minutes and does not change what the engines cost per token.
    text = generate(size).splitlines()
    tokens = [line.lower().split() for line in text if "cohort" in line][:size]
    t = time.perf_counter()
    bm = BM25Index(tokens)
    bm_build = time.perf_counter() - t
    qs = [q.lower().split() for q in questions(20)]
    t = time.perf_counter()
    for q in qs:
        bm.scores(q)
    bm_query = (time.perf_counter() - t) / len(qs) * 1000
    t = time.perf_counter()
    hnsw = DenseIndex.from_vectors(vectors, approximate=True)
    hnsw_build = time.perf_counter() - t
    queries = vectors[rng.integers(0, size, 100)] + 0.1 * rng.standard_normal((100, 384)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    t = time.perf_counter()
    for v in queries:
        hnsw.search(v[None, :], 2000)
    hnsw_query = (time.perf_counter() - t) / len(queries) * 1000
    exact = DenseIndex.from_vectors(vectors, approximate=False)
    t = time.perf_counter()
    for v in queries[:20]:
        exact.search(v[None, :], 2000)
    flat_query = (time.perf_counter() - t) / 20 * 1000
    _, want = exact.search(queries, 10)
    _, got = hnsw.search(queries, 10)
    recall = float(np.mean([len(set(w) & set(g)) / 10 for w, g in zip(want, got)]))
    with tempfile.TemporaryDirectory() as d:
        hnsw.save(Path(d))
        disk = dir_mib(Path(d))
    return {
        "statements": size,
        "vectors": "generated (clustered unit vectors, 384-d)",
        "bm25_engine": bm.engine,
        "bm25_build_s": bm_build,
        "bm25_query_ms": bm_query,
        "hnsw_build_s": hnsw_build,
        "hnsw_throughput": size / hnsw_build,
        "hnsw_query_ms": hnsw_query,
        "flat_query_ms": flat_query,
        "hnsw_recall_at_10": recall,
        "dense_disk_mib": disk,
        "peak_mib": peak_mib(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--million", action="store_true", help="also the 1M row (generated vectors)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "scale.json")
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep each size's corpus and index in KEEP/<size> and reuse a fresh one there "
        "(re-measures queries and cold asks without a half-hour build)",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "real":
        print(json.dumps(worker_real(args.sizes[0], args.workdir)))
        return
    if args.worker == "million":
        print(json.dumps(worker_million(args.sizes[0])))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="bcqa-scale-") as tmp:
        for size in args.sizes:
            workdir = (args.keep or Path(tmp)) / str(size)
            out = subprocess.run(
                [sys.executable, __file__, "--worker", "real", "--sizes", str(size), "--workdir", str(workdir)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            row = json.loads(out.strip().splitlines()[-1])
            row["cold_ask_s"], row["cold_ask_peak_mib"] = cold_ask(workdir)
            rows.append(row)
            print(json.dumps(row), flush=True)
    if args.million:
        out = subprocess.run(
            [sys.executable, __file__, "--worker", "million", "--sizes", "1000000"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
