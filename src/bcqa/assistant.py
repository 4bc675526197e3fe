"""The facade users touch: ``Assistant.load()`` then ``.ask(question)``."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bcqa import aliases as alias_map
from bcqa.answer import compose
from bcqa.corpus import find_documents, load_document
from bcqa.dense import MODEL_NAME, Encoder, FlatIPIndex, SentenceTransformerEncoder
from bcqa.errors import BcqaError, IndexStateError, QuestionError
from bcqa.evidence import EvidenceMap, build_evidence
from bcqa.policy import Thresholds, decide
from bcqa.query import Query, analyse
from bcqa.retrieve import Fusion, HybridRetriever
from bcqa.sparse import BM25Index, BM25Params
from bcqa.store import IndexSettings, expected_manifest, read_index, stale_reasons, write_index
from bcqa.text import english_words
from bcqa.types import Answer, Document, Hit, Reference, Statement

MAX_QUESTION_CHARS = 2000
REBUILD_MODES = ("auto", "always", "never")


def project_root() -> Path:
    """The checkout that holds ``corpus/`` (editable install), else the cwd."""
    here = Path(__file__).resolve().parents[2]
    return here if (here / "corpus").is_dir() else Path.cwd()


def default_corpus() -> Path:
    return Path(os.environ.get("BCQA_CORPUS") or project_root() / "corpus")


def default_index_dir() -> Path:
    return Path(os.environ.get("BCQA_INDEX") or project_root() / "index")


def _stderr(message: str) -> None:
    print(f"bcqa: {message}", file=sys.stderr, flush=True)


class Assistant:
    """Answers questions from one review document, every claim with its references.

    Example:
        >>> qa = Assistant.load()
        >>> qa.ask("Which transporter predicts poor response?")
    """

    def __init__(
        self,
        document: Document,
        retriever: HybridRetriever,
        aliases: dict[str, list[str]] | None = None,
        manifest: dict | None = None,
        thresholds: Thresholds = Thresholds(),
        evidence: EvidenceMap | None = None,
    ):
        self.document = document
        self.retriever = retriever
        self.aliases = aliases or {}
        self.manifest = manifest or {}
        self.thresholds = thresholds
        self.evidence = evidence or build_evidence(document.statements)
        self.document_path: Path | None = None  # set by load()
        self.statement_tokens = [set(toks) for toks in retriever.sparse.tokens]
        self.vocabulary = frozenset(t for toks in self.statement_tokens for t in toks)
        self.genes = frozenset(t for targets in self.aliases.values() for t in targets)

    @classmethod
    def load(
        cls,
        corpus: str | Path | None = None,
        index_dir: str | Path | None = None,
        *,
        encoder: Encoder | None = None,
        rebuild: str = "auto",
        fusion: Fusion = Fusion(),
        bm25: BM25Params = BM25Params(),
        progress: Callable[[str], None] | None = _stderr,
    ) -> Assistant:
        """Load the index for ``corpus``, building or rebuilding it when needed.

        Args:
            corpus: A document file or a folder holding one (default ``corpus/``).
            index_dir: Where the index lives (default ``index/``).
            encoder: Sentence encoder; the bundled all-MiniLM-L6-v2 by default.
            rebuild: ``auto`` rebuilds a missing or stale index, ``always``
                rebuilds, ``never`` raises ``IndexStateError`` instead.
            fusion: How dense and BM25 scores are combined.
            bm25: BM25 parameters.
            progress: Called with a line of text when something slow happens;
                ``None`` for silence.

        Returns:
            A ready assistant.
        """
        if rebuild not in REBUILD_MODES:
            raise ValueError(f"rebuild must be one of {REBUILD_MODES}")
        say = progress or (lambda _m: None)
        corpus = Path(corpus) if corpus is not None else default_corpus()
        index_dir = Path(index_dir) if index_dir is not None else default_index_dir()
        encoder = encoder or SentenceTransformerEncoder()
        settings = IndexSettings(model=getattr(encoder, "name", MODEL_NAME), bm25=bm25)
        files = find_documents(corpus)
        if len(files) > 1:
            names = ", ".join(p.name for p in files)
            raise BcqaError(f"{corpus} holds {len(files)} documents ({names}); bcqa answers from one at a time")

        reasons = ["rebuild requested"] if rebuild == "always" else stale_reasons(index_dir, files, settings)
        if reasons and rebuild == "never":
            raise IndexStateError(f"the index in {index_dir} is not usable ({'; '.join(reasons)}); run `bcqa index`")
        if not reasons:
            try:
                stored = read_index(index_dir)
            except IndexStateError as exc:
                if rebuild == "never":
                    raise
                reasons = [str(exc)]
        if reasons:
            say(f"building the index in {index_dir} ({'; '.join(reasons)})")
            started = time.perf_counter()
            build_index(files[0], index_dir, encoder, settings)
            stored = read_index(index_dir)
            say(f"indexed {len(stored.document.statements)} statements in {time.perf_counter() - started:.1f}s")
        retriever = HybridRetriever(stored.document.statements, stored.dense, stored.sparse, encoder, fusion)
        qa = cls(stored.document, retriever, stored.aliases, stored.manifest, evidence=stored.evidence)
        qa.document_path = files[0]
        return qa

    @property
    def statements(self) -> tuple[Statement, ...]:
        return self.document.statements

    @property
    def references(self) -> dict[int, Reference]:
        return self.document.references

    def search(self, question: str, k: int = 5) -> list[Hit]:
        """The top-k statements for a question, ranked, with no abstention or answer."""
        q = self._analyse(_check_question(question))
        (table,) = self.retriever.score_many([q.dense_text], [q.tokens])
        return table.top(self.statements, _check_k(k))

    def ask(self, question: str, k: int = 5, sections: Sequence[str] | None = None) -> Answer:
        """Answer one question.

        Args:
            question: Plain-language question.
            k: How many supporting statements to return at most.
            sections: Only answer from these sections (default: all).

        Returns:
            The cited answer; ``abstained`` is true when there is nothing to
            search for.

        Raises:
            QuestionError: The question is empty, not text or too long.
        """
        return self.ask_many([question], k, sections)[0]

    def ask_many(self, questions: Sequence[str], k: int = 5, sections: Sequence[str] | None = None) -> list[Answer]:
        """Answer several questions with one encoder call."""
        questions = [_check_question(q) for q in questions]
        k = _check_k(k)
        allowed = self._rows_in(sections)
        queries = [self._analyse(q) for q in questions]
        searchable = [q for q in queries if q.tokens or q.references or q.missing_references]
        tables = self.retriever.score_many([q.dense_text for q in searchable], [q.tokens for q in searchable])
        scored = {id(q): t for q, t in zip(searchable, tables)}
        answers = []
        for q in queries:
            if id(q) not in scored:
                reason = "The question has no words to search the document for."
                answers.append(compose(q.text, [], self.references, abstained=True, reason=reason))
                continue
            d = decide(
                q, scored[id(q)], self.statements, k, self.thresholds, self.statement_tokens, self.genes, allowed
            )
            answers.append(
                compose(
                    q.text,
                    d.hits,
                    self.references,
                    abstained=d.abstained,
                    reason=d.reason,
                    mode=d.mode,
                    focus=q.references,
                )
            )
        return answers

    def _analyse(self, question: str) -> Query:
        return analyse(question, self.vocabulary, self.aliases, self.references, english_words())

    def _rows_in(self, sections: Sequence[str] | None) -> frozenset[int] | None:
        if not sections:
            return None
        wanted = set(sections)
        unknown = wanted - set(self.document.sections)
        if unknown:
            raise QuestionError(f"no section {sorted(unknown)}; sections are: {', '.join(self.document.sections)}")
        return frozenset(i for i, s in enumerate(self.statements) if s.section in wanted)

    def __repr__(self) -> str:
        return (
            f"<Assistant {self.document.name!r}: {len(self.statements)} statements, {len(self.references)} references>"
        )


def build_index(document_path: Path, index_dir: Path, encoder: Encoder, settings: IndexSettings) -> Document:
    """Parse, embed and index one document, then write it atomically."""
    document = load_document(document_path)
    texts = [s.text for s in document.statements]
    dense = FlatIPIndex.from_vectors(encoder.encode(texts))
    names = alias_map.gene_names(texts)
    sparse = BM25Index.from_texts(texts, settings.bm25, names)
    resolved = alias_map.build_alias_map(texts)
    write_index(index_dir, expected_manifest([document_path], settings), document, dense, sparse, resolved, names)
    return document


def _check_question(question: object) -> str:
    if not isinstance(question, str):
        raise QuestionError(f"a question must be text, not {type(question).__name__}")
    text = " ".join(question.split())
    if not text:
        raise QuestionError(
            "the question is empty; ask about the document, e.g. 'Which genes predict chemoresistance?'"
        )
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(text)} characters long; keep it under {MAX_QUESTION_CHARS}")
    return question


def _check_k(k: object) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise QuestionError(f"k must be a whole number of at least 1, not {k!r}")
    return k
