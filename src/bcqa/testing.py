"""Regression tests on expected answers: golden files under pytest.

A pytest plugin (registered through the ``pytest11`` entry point, so it is
active wherever bcqa is installed): every ``*.golden.toml`` file pytest meets
becomes a test module, each of its questions a test.  The format is the one
``bcqa eval`` reads, described in ``docs/formats.md``::

    document = "my_review.md"       # beside this file, in ../documents, or in corpus/
    top = 3                         # a fact passes when an expected statement is in the first 3

    [[question]]
    question = "Which gene predicts poor response to anthracyclines?"
    expect_text = ["ABCB1 (MDR1) is the most frequently overexpressed gene"]
    citations = [5, 6]

    [[question]]
    question = "What is the capital of France?"
    kind = "off-topic"               # must abstain

A failure prints the question, what was expected and what bcqa showed (its
statements with their reference numbers and support labels).  For tests
written by hand, ``check(assistant, golden_question)`` raises the same
``AssertionError`` and ``golden_questions(path)`` gives the rows to
parametrize over.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bcqa.errors import BcqaError
from bcqa.evaluate import GoldenQuestion, golden_corpus, golden_header, load_golden, resolve

if TYPE_CHECKING:
    from bcqa.answer import Answer
    from bcqa.assistant import Assistant

GOLDEN_SUFFIX = ".golden.toml"


def golden_questions(path: str | Path) -> list[GoldenQuestion]:
    """The questions of a golden file (for ``pytest.mark.parametrize``)."""
    return load_golden(path)


def problems(answer: Answer, row: GoldenQuestion, top: int = 1) -> list[str]:
    """What is wrong with ``answer`` for the golden ``row`` (empty when it passes).

    ``row.expect`` must already hold statement ids (``bcqa.evaluate.resolve``).
    """
    shown = [h.statement for h in answer.statements]
    if row.kind in ("off-topic", "absent"):
        return [] if answer.abstained else ["expected bcqa to abstain (not covered), but it answered"]
    if answer.abstained:
        return [f"expected an answer, but bcqa abstained: {answer.answer}"]
    out = []
    ids = [s.id for s in shown]
    if row.kind == "fact":
        ranks = [i for i, sid in enumerate(ids, 1) if sid in row.expect]
        if not ranks or ranks[0] > top:
            where = f"at rank {ranks[0]}" if ranks else "not among the shown statements"
            out.append(f"expected statement {'first' if top == 1 else f'in the first {top}'}, found it {where}")
    else:
        missing = [sid for sid in row.expect if sid not in ids]
        if missing:
            out.append(f"{len(missing)} of {len(row.expect)} expected statements not shown")
    if row.citations:
        for s in shown:
            if s.id in row.expect and tuple(s.citations) != tuple(row.citations):
                out.append(f"expected citations {list(row.citations)}, the statement carries {list(s.citations)}")
    if row.references:
        listed = {r.number for r in answer.references}
        absent = sorted(set(row.references) - listed)
        if absent:
            out.append(f"expected references {absent} among the answer's references {sorted(listed)}")
    return out


def explain(answer: Answer, row: GoldenQuestion, found: Sequence[str], statements_by_id: dict) -> str:
    """A readable failure: the question, expected against got."""
    lines = [f"question: {row.question}", *[f"  problem: {p}" for p in found], "expected:"]
    if row.kind in ("off-topic", "absent"):
        lines.append("  an abstention")
    for sid in row.expect:
        s = statements_by_id.get(sid)
        text = f"{s.text} {list(s.citations)}" if s else sid
        lines.append(f"  - {text}")
    if row.citations:
        lines.append(f"  citations {list(row.citations)}")
    if row.references:
        lines.append(f"  references {list(row.references)}")
    lines.append("got:" if not answer.abstained else f"got: not covered ({answer.answer})")
    for i, h in enumerate(answer.statements, 1):
        s = h.statement
        lines.append(f"  {i}. {s.text} {list(s.citations)} ({h.support}; {s.section})")
    return "\n".join(lines)


def check(assistant: Assistant, row: GoldenQuestion, top: int = 1, k: int = 5) -> None:
    """Ask ``row.question`` and raise ``AssertionError`` (expected vs got) when the answer misses."""
    (row,) = resolve([row], assistant.statements)
    answer = assistant.ask(row.question, k=k)
    found = problems(answer, row, top)
    if found:
        raise AssertionError(explain(answer, row, found, {s.id: s for s in assistant.statements}))


# --- the pytest plugin ---

try:
    import pytest
except ImportError:  # pragma: no cover - the plugin is only loaded by pytest
    pytest = None

if pytest is not None:

    class GoldenFailure(Exception):
        """A golden question whose answer missed (its message is the readable report)."""

    class GoldenFile(pytest.File):
        def collect(self):
            try:
                rows = load_golden(self.path)
                top = int(golden_header(self.path).get("top", 1))
            except (BcqaError, TypeError, ValueError) as exc:
                raise self.CollectError(str(exc)) from exc
            for i, row in enumerate(rows, 1):
                short = " ".join(row.question.split())[:60]
                yield GoldenItem.from_parent(self, name=f"q{i}: {short}", row=row, top=top)

    class GoldenItem(pytest.Item):
        def __init__(self, *, row: GoldenQuestion, top: int, **kwargs):
            super().__init__(**kwargs)
            self.row = row
            self.top = top

        def runtest(self):
            qa = _assistant(self.config, self.path)
            try:
                check(qa, self.row, self.top)
            except AssertionError as exc:
                raise GoldenFailure(str(exc)) from None

        def repr_failure(self, excinfo):
            if isinstance(excinfo.value, GoldenFailure | BcqaError):
                return str(excinfo.value)
            return super().repr_failure(excinfo)

        def reportinfo(self):
            return self.path, None, self.name

    def _assistant(config, path: Path) -> Assistant:
        """One assistant per corpus per session; its index under pytest's cache folder."""
        from bcqa.assistant import Assistant, default_corpus

        loaded = config.stash.setdefault(_LOADED, {})
        corpus = golden_corpus(path, path.parent / "corpus") or default_corpus()
        if corpus not in loaded:
            name = f"bcqa-index-{corpus.stem}-{abs(hash(str(corpus))) % 10**8}"
            cache = getattr(config, "cache", None)
            if cache is not None:
                index_dir = cache.mkdir(name)  # empty at first: bcqa builds into it
            else:
                import tempfile

                index_dir = Path(tempfile.mkdtemp(prefix="bcqa-golden-")) / "index"
            loaded[corpus] = Assistant.load(corpus, index_dir, progress=None)
        return loaded[corpus]

    _LOADED = pytest.StashKey[dict]()

    def pytest_collect_file(file_path: Path, parent):
        """pytest hook: a ``*.golden.toml`` file is a module of golden-question tests."""
        if file_path.name.endswith(GOLDEN_SUFFIX):
            return GoldenFile.from_parent(parent, path=file_path)
        return None
