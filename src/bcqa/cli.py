"""The ``bcqa`` command: ``bcqa ask`` and ``bcqa index``.

Exit codes: 0 success, 1 a bcqa error (message on stderr), 2 bad usage or
input: a bad question or option, a missing or unreadable corpus or question
file, a document with no statements, an index location bcqa may not write.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bcqa._version import __version__
from bcqa.errors import BcqaError, CorpusError, IndexDirError, QuestionError

EXIT_ERROR = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bcqa",
        description="Cited answers from review documents, every claim with its reference numbers.",
    )
    parser.add_argument("--version", action="version", version=f"bcqa {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", type=Path, help="document file or folder (default: corpus/)")
    common.add_argument(
        "--index-dir", type=Path, help="index directory (default: index/; another corpus gets .index-<name>-<hash>/)"
    )
    common.add_argument("--quiet", "-q", action="store_true", help="no progress messages on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ask = sub.add_parser("ask", parents=[common], help="answer questions with cited statements")
    ask.add_argument("questions", nargs="*", metavar="QUESTION", help="one or more questions")
    ask.add_argument("--file", type=Path, help="read questions from a file, one per line ('-' for stdin)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question (JSON Lines)")
    ask.add_argument("--k", type=int, default=5, help="statements per answer (default: 5)")

    ev = sub.add_parser("eval", parents=[common], help="score golden question files against baselines")
    ev.add_argument(
        "golden", nargs="*", type=Path, help="golden TOML files (default: every tests/golden/*.toml), one per document"
    )
    ev.add_argument("--json", action="store_true", help="print the reports as JSON")
    ev.add_argument("--split", help="only this split (dev, test, fresh, heldout; 'held-out' = every split but dev)")
    ev.add_argument(
        "--fail-under",
        action="append",
        default=[],
        metavar="METRIC=VALUE",
        help="exit 1 when bcqa's METRIC is below VALUE in a golden file (e.g. top1=0.8); repeatable",
    )
    ev.add_argument(
        "--fail-over",
        action="append",
        default=[],
        metavar="METRIC=VALUE",
        help="exit 1 when bcqa's METRIC is above VALUE (e.g. false_abstention=0.05); repeatable",
    )

    serve = sub.add_parser("serve", parents=[common], help="start the chat UI in the browser")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=7860, help="port (default: 7860)")

    index = sub.add_parser("index", parents=[common], help="build or refresh the index")
    index.add_argument("--force", action="store_true", help="rebuild even when the index is fresh")
    return parser


class UsageError(BcqaError):
    """A command-line option that cannot be used (exit 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "ask":
            return _ask(args, parser)
        if args.command == "eval":
            return _eval(args)
        if args.command == "serve":
            return _serve(args)
        return _index(args)
    except (QuestionError, CorpusError, IndexDirError, UsageError) as exc:
        print(f"bcqa: error: {_safe(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BcqaError as exc:
        print(f"bcqa: error: {_safe(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _progress(args):
    if args.quiet:
        return None
    return lambda message: print(f"bcqa: {message}", file=sys.stderr, flush=True)


def _read_questions(args, parser) -> list[tuple[int | None, str]]:
    """(line number in --file or None, question) in input order; blank lines are skipped."""
    from bcqa.sanitize import clean_line

    questions: list[tuple[int | None, str]] = [(None, q) for q in args.questions]
    if args.file is not None:
        try:
            if str(args.file) == "-":
                stdin = getattr(sys.stdin, "buffer", None)
                text = stdin.read().decode("utf-8-sig") if stdin else sys.stdin.read()
            else:
                text = args.file.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            parser.exit(EXIT_USAGE, f"bcqa: error: cannot read questions from {_safe(str(args.file))}: {exc}\n")
        # NUL and other controls are stripped; a line left empty counts as blank.
        lines = ((n, clean_line(line)) for n, line in enumerate(text.split("\n"), 1))
        questions += [(n, q) for n, q in lines if q]
    if not questions:
        parser.exit(
            EXIT_USAGE, 'bcqa: error: no question given; try: bcqa ask "Which genes predict chemoresistance?"\n'
        )
    return questions


def _safe(text: str) -> str:
    """Text for a terminal: no escape sequences or control characters (newlines kept)."""
    from bcqa.sanitize import strip_controls

    return strip_controls(text)


def _ask(args, parser) -> int:
    numbered = _read_questions(args, parser)
    if args.k < 1:
        parser.exit(EXIT_USAGE, "bcqa: error: --k must be at least 1\n")
    from bcqa.assistant import Assistant, check_question

    for line, question in numbered:  # before the index loads: a bad line fails fast, named
        try:
            check_question(question)
        except QuestionError as exc:
            where = f"line {line} of {args.file}" if line is not None else "question"
            raise QuestionError(f"{where}: {exc}") from None
    qa = Assistant.load(args.corpus, args.index_dir, progress=_progress(args))
    answers = qa.ask_many([q for _, q in numbered], k=args.k)
    out = sys.stdout
    for i, ((line, _), answer) in enumerate(zip(numbered, answers)):
        if args.json:
            row = answer.to_dict()
            if line is not None:
                row["line"] = line
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            if i:
                out.write("\n" + "-" * 72 + "\n\n")
            out.write(_safe(answer.to_text()) + "\n")
    out.flush()
    return 0


def _eval(args) -> int:
    from bcqa.assistant import Assistant, default_corpus, default_index_dir, project_root
    from bcqa.corpus import decode_text
    from bcqa.evaluate import HELD_OUT, METRICS, evaluate, format_report, golden_corpus, load_golden

    goldens = args.golden or sorted((project_root() / "tests" / "golden").glob("*.toml"))
    known = {key for key, _ in METRICS}
    bounds = [(*_bound(text, known), "under") for text in args.fail_under]
    bounds += [(*_bound(text, known), "over") for text in args.fail_over]
    results = {}
    for path in goldens:
        rows = load_golden(path)
        corpus, index_dir = args.corpus, args.index_dir
        named = golden_corpus(path, default_corpus()) if corpus is None else None
        if named:
            corpus = named
            index_dir = index_dir or default_index_dir().parent / f".index-eval-{named.stem}"
        qa = Assistant.load(corpus, index_dir, progress=_progress(args))
        raw = "\n\n".join(decode_text(p.read_bytes(), p)[0] for p in qa.document_paths)
        present = {r.split for r in rows}
        splits = [(args.split, args.split)] if args.split else [("all", None), ("dev", "dev"), (HELD_OUT, HELD_OUT)]
        splits += [] if args.split else [(s, s) for s in sorted(present - {"dev"}) if len(present - {"dev"}) > 1]
        for label, split in splits:
            if split is None or split in present or (split == HELD_OUT and (present - {"dev"} or args.split)):
                results[(path.stem, label)] = evaluate(qa, rows, raw, split)
    if args.json:
        out: dict = {}
        for (stem, label), report in results.items():
            out.setdefault(stem, {})[label] = report.to_dict()
        print(json.dumps(out, indent=2))
    else:
        print("\n\n".join(format_report(r, f"== {stem}: {label} ==") for (stem, label), r in results.items()))
    checked = args.split or "all"
    missed = []
    for (stem, label), report in results.items():
        if label != checked:
            continue
        for metric, limit, side in bounds:
            value = report.metrics["bcqa"][metric]
            if value is None:
                missed.append(f"{stem}: {metric} not measured (no questions of that kind)")
            elif (value < limit) if side == "under" else (value > limit):
                word = "below" if side == "under" else "above"
                missed.append(f"{stem} ({label}): {metric} {value:.3f} is {word} {limit:g}")
    for line in missed:
        print(f"bcqa: eval failed: {line}", file=sys.stderr)
    return 1 if missed else 0


def _bound(text: str, metrics: set[str]) -> tuple[str, float]:
    name, _, value = text.partition("=")
    if name not in metrics:
        raise UsageError(f"--fail-under/--fail-over: unknown metric {name!r} (one of {', '.join(sorted(metrics))})")
    try:
        return name, float(value)
    except ValueError:
        raise UsageError(f"--fail-under/--fail-over: {text!r} is not METRIC=NUMBER") from None


def _serve(args) -> int:
    import importlib.util

    from bcqa.assistant import project_root

    app = project_root() / "ui" / "app.py"
    if not app.is_file():
        print(f"bcqa: error: the UI is not here ({app}); run bcqa serve from a checkout", file=sys.stderr)
        return EXIT_ERROR
    if importlib.util.find_spec("gradio") is None:
        print("bcqa: error: the UI needs gradio: pip install -e '.[ui]'", file=sys.stderr)
        return EXIT_ERROR
    spec = importlib.util.spec_from_file_location("bcqa_ui_app", app)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.serve(args.host, args.port, args.corpus, args.index_dir)
    return 0


def _index(args) -> int:
    from bcqa.assistant import Assistant, skipped_warning

    progress = _progress(args) or (lambda _m: None)

    def say(message: str) -> None:
        if not message.startswith("warning: "):  # listed in full below
            progress(message)

    qa = Assistant.load(args.corpus, args.index_dir, rebuild="always" if args.force else "auto", progress=say)
    m = qa.manifest
    print(
        f"index ready: {len(qa.statements)} statements "
        f"({sum(1 for s in qa.statements if s.citations)} cited), "
        f"{len(qa.references)} references, model {m.get('model', {}).get('name')} "
        f"(dim {m.get('model', {}).get('dimension')})"
    )
    for document in qa.documents:
        for warning in document.warnings:
            print(f"warning: {warning}")
    if skipped := skipped_warning(qa.corpus):
        print(f"warning: {skipped}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
