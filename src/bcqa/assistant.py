"""The facade users touch: ``Assistant.load()`` then ``.ask(question)``.

One assistant answers from every document of a corpus.  Each document is read
on its own terms: the question is analysed against that document's
vocabulary and reference list, its statements are ranked with its own BM25
statistics, and it answers or abstains by itself; the answers of the
documents that answer are then merged.  So ``[3]`` of one document never
mixes with ``[3]`` of another, and adding a document leaves the answers
about the others as they were.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bcqa import aliases as alias_map
from bcqa.abbreviations import find_abbreviations
from bcqa.answer import Answer, compose, with_leads
from bcqa.corpus import (
    DOCUMENT_SUFFIXES,
    file_names,
    find_documents,
    load_document,
    skipped_files,
    skipped_folders,
)
from bcqa.dense import (
    MODEL_NAME,
    ONNX_FILENAME,
    TOKEN_VECTORS_UP_TO,
    DenseIndex,
    Encoder,
    OnnxEncoder,
    SentenceTransformerEncoder,
    TokenEncoder,
    TokenVectors,
)
from bcqa.errors import CorpusError, IndexStateError, QuestionError
from bcqa.evidence import EvidenceMap, build_evidence, read_columns
from bcqa.modelcache import write_encoder
from bcqa.policy import Decision, Thresholds, decide, merge_decisions, needs_drag
from bcqa.query import Query, Spellings, analyse
from bcqa.retrieve import Fusion, HybridRetriever, Part, same_section_as_previous, statement_texts
from bcqa.sanitize import clean_line, foreign_script
from bcqa.settings import QUERY_TIME, Settings
from bcqa.sparse import BM25Index, BM25Params
from bcqa.store import (
    MANIFEST,
    IndexSettings,
    StoredIndex,
    build_lock,
    cached_vectors,
    check_index_location,
    expected_manifest,
    leftovers,
    read_index,
    read_lock,
    recover,
    stale_reasons,
    write_index,
)
from bcqa.text import abbreviation_table, english_words, preload_common_words, preload_english_stems, tokenize
from bcqa.types import Document, Hit, Reference, Statement

if TYPE_CHECKING:
    import numpy as np

MAX_QUESTION_CHARS = 2000
REBUILD_MODES = ("auto", "always", "never")
ASK_IN_ENGLISH = "bcqa reads questions in English, and this one is written in another script; please ask it in English."


def project_root() -> Path:
    """The checkout that holds ``corpus/`` (editable install), else the cwd."""
    here = Path(__file__).resolve().parents[2]
    return here if (here / "corpus").is_dir() else Path.cwd()


def default_corpus() -> Path:
    """``$BCQA_CORPUS``, else ``corpus/`` of the checkout."""
    return Path(os.environ.get("BCQA_CORPUS") or project_root() / "corpus")


def default_index_dir(corpus: str | Path | None = None) -> Path:
    """``$BCQA_INDEX``, else ``index/`` of the checkout for the default corpus, and for any other corpus
    an index of its own beside it: ``.index-<name>-<hash of its path>/``.

    One index shared by every corpus was rebuilt at each switch: a user asking about their own
    documents and then about the default corpus waited for two builds (about 10 s each) instead of
    two loads (under 1 s each).
    """
    if chosen := os.environ.get("BCQA_INDEX"):
        return Path(chosen)
    root = project_root()
    if corpus is None or _same_path(Path(corpus), default_corpus()):
        return root / "index"
    where = Path(corpus).expanduser().resolve()
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", where.stem or where.name).strip("-")[:40] or "corpus"
    digest = hashlib.sha1(str(where).encode()).hexdigest()[:8]
    return root / f".index-{name}-{digest}"


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.expanduser().resolve() == b.expanduser().resolve()
    except OSError:
        return False


logger = logging.getLogger("bcqa")


def _log(message: str) -> None:
    """The library's progress messages go to the ``bcqa`` logger (the CLI prints its own)."""
    logger.info(message)


@dataclass(frozen=True)
class _View:
    """What query analysis needs to know about one document: its part, its BM25 vocabulary and the
    words of its reference titles (what it cites is something it mentions)."""

    part: Part
    vocabulary: frozenset[str]
    cited: frozenset[str] = frozenset()
    title: str = ""  # named by an overview
    named: re.Pattern[str] | None = None  # the document's file name as a question writes it
    spells_out: Spellings | None = None  # which abbreviations it writes out in full


class Assistant:
    """Answers questions from one or more review documents, every claim with its references.

    Example:
        >>> qa = Assistant.load()
        >>> qa.ask("Which transporter predicts poor response?")
    """

    def __init__(
        self,
        retriever: HybridRetriever,
        aliases: dict[str, list[str]] | None = None,
        manifest: dict | None = None,
        thresholds: Thresholds | None = None,
        evidence: EvidenceMap | Callable[[], EvidenceMap] | None = None,
        abbreviations: dict[str, dict[str, str]] | None = None,
        settings: Settings | None = None,
    ):
        """Use ``Assistant.load``; this wires already loaded parts together."""
        self.settings = settings or Settings()
        if thresholds is not None:
            self.settings = self.settings.replace(thresholds=thresholds)
        self.retriever = retriever
        self.documents: tuple[Document, ...] = tuple(p.document for p in retriever.parts)
        self.aliases = aliases or {}
        self.manifest = manifest or {}
        self._evidence = evidence
        self.document_paths: list[Path] = []  # set by load()
        self.corpus: Path | None = None  # the document file or folder given to load()
        self.abbreviations = abbreviations or {}  # per document, short -> long
        self._views = [
            _View(
                part,
                part.sparse.vocabulary,
                _title_words(part.document),
                document_title(part.document),
                re.compile(rf"(?<![\w.]){re.escape(part.document.name)}\b", re.I),
                Spellings(partial(statement_texts, part.statements)),
            )
            for part in retriever.parts
        ]

    @classmethod
    def load(
        cls,
        corpus: str | Path | None = None,
        index_dir: str | Path | None = None,
        *,
        encoder: Encoder | None = None,
        rebuild: str = "auto",
        fusion: Fusion | None = None,
        bm25: BM25Params | None = None,
        settings: Settings | None = None,
        progress: Callable[[str], None] | None = _log,
    ) -> Assistant:
        """Load the index for ``corpus``, building or rebuilding it when needed.

        Args:
            corpus: A document file or a folder of them (default ``corpus/``);
                a document of each kind bcqa reads (``corpus.DOCUMENT_SUFFIXES``: ``.md``, ``.txt``, ``.org`` ...)
                in a folder is indexed.
            index_dir: Where the index lives (default ``default_index_dir(corpus)``: ``index/`` for the
                default corpus, a folder of its own beside it for another).
            encoder: Sentence encoder; the bundled all-MiniLM-L6-v2 by default.
            rebuild: ``auto`` rebuilds a missing or stale index, ``always``
                rebuilds, ``never`` raises ``IndexStateError`` instead.
            fusion: How dense and BM25 scores are combined (overrides ``settings``).
            bm25: BM25 parameters (overrides ``settings``).
            settings: Every setting at once (``bcqa.settings.Settings``); by
                default the ``[settings]`` of the ``bcqa.toml`` beside the corpus.
            progress: Called with a line of text when something slow happens
                (default: the ``bcqa`` logger at INFO); ``None`` for silence.

        Returns:
            A ready assistant.
        """
        if rebuild not in REBUILD_MODES:
            raise ValueError(f"rebuild must be one of {REBUILD_MODES}")
        say = progress or (lambda _m: None)
        corpus = Path(corpus) if corpus is not None else (settings.corpus if settings else None) or default_corpus()
        settings = (settings or Settings.for_corpus(corpus)).replace(fusion=fusion, bm25=bm25)
        index_dir = Path(index_dir) if index_dir is not None else settings.index_dir or default_index_dir(corpus)
        fusion, bm25 = settings.fusion, settings.bm25
        query_encoder = encoder
        # Builds; loads torch only when it embeds.
        encoder = encoder or SentenceTransformerEncoder(settings.model_path)
        files = find_documents(corpus)
        columns = tuple((name, words) for name, words in read_columns(corpus).items())
        index_settings = IndexSettings(model=getattr(encoder, "name", MODEL_NAME), bm25=bm25, evidence_columns=columns)

        if not (index_dir / MANIFEST).is_file():
            # Refuse a user's folder, a file or the corpus before leaving anything beside it.
            check_index_location(index_dir, files)
        if leftovers(index_dir):
            # A killed build left folders behind: recover them unless a build is running right now.
            with build_lock(index_dir, timeout=0) as held:
                for line in recover(index_dir) if held else ():
                    say(line)
        stored, reasons = None, ["rebuild requested"]
        if rebuild != "always":
            stored, reasons = _read_fresh(index_dir, files, index_settings)
        if reasons and rebuild == "never":
            raise IndexStateError(f"the index in {index_dir} is not usable ({'; '.join(reasons)}); run `bcqa index`")
        if reasons:
            check_index_location(index_dir, files)
            with build_lock(index_dir):
                for line in recover(index_dir):
                    say(line)
                if rebuild != "always":  # another process may have built it while we waited
                    stored, reasons = _read_fresh(index_dir, files, index_settings)
                if reasons:
                    say(f"building the index in {index_dir} ({'; '.join(reasons)})")
                    if skipped := skipped_warning(corpus):
                        say(f"warning: {skipped}")
                    started = time.perf_counter()
                    build_index(files, index_dir, encoder, index_settings, reuse=rebuild != "always", progress=say)
                    with read_lock(index_dir):
                        stored = read_index(index_dir)
                    n = sum(len(d.statements) for d in stored.documents)
                    took = time.perf_counter() - started
                    say(f"indexed {n} statements of {len(stored.documents)} document(s) in {took:.1f}s")
        if stored.english_stems is not None:
            preload_english_stems(stored.english_stems)
        if stored.common_words is not None:
            preload_common_words(stored.common_words, stored.frequent_words)
        if query_encoder is None:
            query_encoder = _query_encoder(index_dir, stored, encoder, settings.model_path)
        encoder = query_encoder
        parts, start = [], 0
        for document in stored.documents:
            parts.append(Part(document, start, stored.sparse[document.name]))
            start += len(document.statements)
        retriever = HybridRetriever(parts, stored.dense, encoder, fusion, stored.statements, stored.tokens)
        qa = cls(
            retriever,
            stored.aliases,
            stored.manifest,
            evidence=lambda: stored.evidence,  # parsed on first use
            abbreviations=stored.abbreviations,
            settings=settings,
        )
        read = {d.name for d in stored.documents}
        qa.document_paths, qa.corpus = [p for p in files if p.name in read], corpus
        return qa

    @property
    def thresholds(self) -> Thresholds:
        """The abstention and list cut-offs in use (``settings.thresholds``)."""
        return self.settings.thresholds

    @property
    def evidence(self) -> EvidenceMap:
        """Which named entities the documents tie to which column (parsed on first use)."""
        if callable(self._evidence):
            try:
                self._evidence = self._evidence()
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise IndexStateError(f"the index's evidence map is damaged ({exc}); run `bcqa index --force`") from exc
        elif self._evidence is None:
            self._evidence = build_evidence(self.statements)
        return self._evidence

    @property
    def document(self) -> Document:
        """The first (with a one-document corpus, the only) document."""
        return self.documents[0]

    @property
    def document_path(self) -> Path | None:
        """The file of the first document (None for an assistant not made by ``load``)."""
        return self.document_paths[0] if self.document_paths else None

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every statement, documents in corpus order."""
        return self.retriever.statements

    def _previous(self, statement: Statement) -> Statement | None:
        """The statement just before ``statement`` in its document (None for the first); reads that row only."""
        part = next(p for p in self.retriever.parts if p.document.name == statement.document)
        i = statement.position - part.statements[0].position
        return part.statements[i - 1] if 0 < i <= len(part.statements) else None

    @property
    def references(self) -> dict[tuple[str, int], Reference]:
        """Every reference, keyed by (document name, number)."""
        return {(d.name, n): r for d in self.documents for n, r in d.references.items()}

    @property
    def sections(self) -> tuple[str, ...]:
        """Every section title of the loaded documents, in order, each once."""
        return tuple(dict.fromkeys(s for d in self.documents for s in d.sections))

    @property
    def title(self) -> str:
        """A name for what is loaded: the document's title, or how many documents."""
        if len(self.documents) == 1:
            return document_title(self.document)
        return f"{len(self.documents)} documents"

    def search(self, question: str, k: int | None = None) -> list[Hit]:
        """The top-k statements for a question, ranked, with no abstention or answer."""
        question = check_question(question)
        k = _check_k(self.settings.k if k is None else k)
        decisions = self._decide_all([question], len(self.statements), None, search_only=True)[0]
        return list(merge_decisions(decisions, k).hits)

    def ask(self, question: str, k: int | None = None, sections: Sequence[str] | None = None) -> Answer:
        """Answer one question.

        Args:
            question: Plain-language question.
            k: How many supporting statements to return at most (default ``settings.k``, 5).
            sections: Only answer from these sections (default: all).

        Returns:
            The cited answer; ``abstained`` is true when the documents do not
            cover the question.

        Raises:
            QuestionError: The question is empty, not text or too long.
        """
        return self.ask_many([question], k, sections)[0]

    def ask_many(
        self, questions: Sequence[str], k: int | None = None, sections: Sequence[str] | None = None
    ) -> list[Answer]:
        """Answer several questions with one encoder call."""
        questions = [check_question(q) for q in questions]
        k = _check_k(self.settings.k if k is None else k)
        allowed = self._check_sections(sections)
        names = tuple(d.name for d in self.documents)
        answers = []
        readable = [q for q in questions if not foreign_script(q)]
        decided = dict(zip(readable, self._decide_all(readable, k, allowed)))
        for question in questions:
            if question not in decided:
                answers.append(compose(question, [], {}, abstained=True, reason=ASK_IN_ENGLISH, documents=names))
                continue
            decisions = decided[question]
            if not decisions:
                reason = "The question has no words to search the documents for."
                answers.append(compose(question, [], {}, abstained=True, reason=reason, documents=names))
                continue
            d = merge_decisions(decisions, k, several=len(self.documents) > 1)
            if allowed is not None and d.abstained:
                # Only the chosen sections were searched: a word the rest of the documents use is not "not
                # mentioned" (a new user's check), and the rest is named by the caller (the UI's best match outside).
                d = replace(d, reason=_SECTION_ABSTAINS, missing=())
            answers.append(
                compose(
                    question,
                    with_leads(d.hits, self._previous),
                    self.references,
                    abstained=d.abstained,
                    reason=d.reason,
                    mode=d.mode,
                    focus=d.focus,
                    note=d.note,
                    documents=names,
                )
            )
        return answers

    def ask_frame(self, questions: Sequence[str], k: int | None = None, sections: Sequence[str] | None = None):
        """Answers as a pandas DataFrame, one row per shown statement (pandas must be installed).

        Columns: those of ``Answer.rows`` (question, read_as, abstained, rank,
        statement, citations, section, document, support, cosine, score,
        references as "First et al., Journal year", dois).
        """
        from bcqa.answer import answers_frame

        return answers_frame(self.ask_many(questions, k, sections))

    def with_settings(self, **changes) -> Assistant:
        """A copy answering with other query-time settings (``k``, ``thresholds``, ``fusion``).

        The loaded index is shared, not copied.  Index-time settings (``bm25``,
        ``model_path``, the paths) need ``Assistant.load``.
        """
        fixed = set(changes) - set(QUERY_TIME)
        if fixed:
            raise QuestionError(
                f"{', '.join(sorted(fixed))}: set at index time; pass it to Assistant.load (settings=...)"
            )
        other = copy.copy(self)
        other.settings = self.settings.replace(**changes)
        if "fusion" in changes:
            other.retriever = copy.copy(self.retriever)
            other.retriever.fusion = other.settings.fusion
        return other

    def analyse(self, question: str) -> list[Query]:
        """The question as each document reads it (one Query per document)."""
        return [self._analyse(question, v) for v in self._views]

    def _analyse(self, question: str, view: _View) -> Query:
        return analyse(
            question,
            view.vocabulary,
            self.aliases,
            view.part.document.references,
            english_words(),
            view.cited,
            view.spells_out,
        )

    def _decide_all(
        self, questions: Sequence[str], k: int, allowed: frozenset[str] | None, search_only: bool = False
    ) -> list[list[tuple[Decision, float]]]:
        """Per question, each document's decision with its best cosine (for merging)."""
        queries = []
        for question in questions:
            text, views = self._named_documents(question)
            queries.append([(v, self._analyse(text, v)) for v in views])
        texts = list(dict.fromkeys(q.dense_text for per in queries for _, q in per))
        matrix, pieces = self.retriever.dense_scores_and_pieces(texts)
        row_of = {t: matrix[i] for i, t in enumerate(texts)}
        pieces_of = dict(zip(texts, pieces or ()))
        scored = []
        for per in queries:
            rows_of = []
            for view, q in per:
                if not (q.tokens or q.references or q.missing_references or q.overview or q.bibliography):
                    continue
                scores = self.retriever.score_part(
                    view.part,
                    row_of[q.dense_text],
                    q.tokens,
                    wants_quantity=q.asks_quantity,
                    quantity_kind=q.quantity_kind,
                )
                rows = None
                if allowed is not None:
                    rows = frozenset(i for i, s in enumerate(view.part.statements) if s.section in allowed)
                    if not rows:
                        continue
                # A list is a set, not a ranking: re-scored, dev list recall fell 0.572 -> 0.556 (on 40
                # documents, up on 24); left as fused, 0.568.
                if q.dense_text in pieces_of and not q.is_list:
                    scores = self.retriever.rerank(view.part, scores, pieces_of[q.dense_text], rows)
                best = float(scores.only(rows).dense.max() if rows is not None else scores.dense.max())
                rows_of.append((view, q, scores, rows, best))
            scored.append(rows_of)
        # A second encoder call, only for the questions policy.needs_drag picks.
        again = [
            q.without_uncovered for per in scored for _, q, _, _, best in per if needs_drag(q, best, self.thresholds)
        ]
        again = [] if search_only else [t for t in dict.fromkeys(again) if t not in row_of]
        if again:
            row_of.update(zip(again, self.retriever.dense_scores(again)))
        out = []
        for per in scored:
            decisions = []
            for view, q, scores, rows, best in per:
                if search_only:
                    scores = scores.only(rows) if rows is not None else scores
                    decisions.append((Decision(False, tuple(scores.top(view.part.statements, k))), 1.0))
                    continue
                lifted = None
                if needs_drag(q, best, self.thresholds):
                    dense = row_of[q.without_uncovered][view.part.start : view.part.stop]
                    lifted = float(dense[sorted(rows)].max() if rows is not None else dense.max())
                d = decide(q, scores, view.part.statements, k, self.thresholds, rows, view.title, lifted)
                decisions.append((d, best))
            out.append(decisions)
        return out

    def _named_documents(self, question: str) -> tuple[str, list[_View]]:
        """A question that names a loaded file ("What is refstyles.md about?", "Which statements in
        amr.md cite reference 6?") is about that document only, read as "this document"."""
        if len(self._views) < 2:
            return question, self._views
        named = [v for v in self._views if v.named.search(question)]
        if not named:
            return question, self._views
        for view in named:
            question = view.named.sub("this document", question)
        return question, named

    def _check_sections(self, sections: Sequence[str] | None) -> frozenset[str] | None:
        if not sections:
            return None
        wanted = frozenset(sections)
        unknown = wanted - set(self.sections)
        if unknown:
            raise QuestionError(f"no section {sorted(unknown)}; sections are: {', '.join(self.sections)}")
        return wanted

    def __repr__(self) -> str:
        names = ", ".join(d.name for d in self.documents)
        return f"<Assistant {names}: {len(self.statements)} statements, {len(self.references)} references>"


def _read_fresh(index_dir: Path, files: list[Path], settings: IndexSettings) -> tuple[StoredIndex | None, list[str]]:
    """The stored index if it is fresh and sound, else None and why not."""
    with read_lock(index_dir):
        reasons = stale_reasons(index_dir, files, settings)
        if reasons:
            return None, reasons
        try:
            return read_index(index_dir), []
        except IndexStateError as exc:
            return None, [str(exc)]


def _title_words(document: Document) -> frozenset[str]:
    return frozenset(t for ref in document.references.values() for t in tokenize(ref.title or ""))


def document_title(document: Document) -> str:
    """The document's level-1 heading, else its file name without the suffix."""
    if document.title:
        return document.title
    stem = Path(document.name).stem.replace("_", " ").replace("-", " ").strip()
    return stem[:1].upper() + stem[1:]


_WARNINGS_SHOWN = 5
_SECTION_ABSTAINS = "No statement of the chosen sections answers this."


def skipped_warning(corpus: str | Path) -> str | None:
    """What to tell a user whose corpus folder holds files bcqa does not read (a PDF, a Word file) or
    folders of documents (it reads the folder it is given, not below it), or None."""
    said = []
    if skipped := skipped_files(corpus):
        kinds = ", ".join(DOCUMENT_SUFFIXES[:3])
        said.append(
            f"{len(skipped)} file(s) not read: {file_names(skipped, 5)} (bcqa reads text: {kinds} ...; "
            "convert a PDF or Word file first)"
        )
    if folders := skipped_folders(corpus):
        said.append(
            f"{len(folders)} folder(s) with documents not read: {file_names(folders, 5)} (bcqa reads the"
            " folder it is given, not the folders inside it)"
        )
    return "; ".join(said) or None


def build_index(
    files: Sequence[Path],
    index_dir: Path,
    encoder: Encoder,
    settings: IndexSettings,
    reuse: bool = True,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Parse, embed and index every document, then write the index atomically.

    With ``reuse``, statements whose searched text the current index already
    holds keep their vectors; ``bcqa index --force`` embeds everything afresh.
    ``progress`` hears one line per stage (a large corpus takes minutes).
    """
    say = progress or (lambda _m: None)
    documents = _read_documents(files, say)
    texts = [s.text for d in documents for s in d.statements]
    say(f"parsed {len(texts)} statements from {len(documents)} document(s)")
    for d in documents:  # what the parser could not read, where the user sees it (all of them: bcqa index)
        for warning in d.warnings[:_WARNINGS_SHOWN]:
            say(f"warning: {warning}")
        if len(d.warnings) > _WARNINGS_SHOWN:
            say(f"warning: {d.name}: {len(d.warnings) - _WARNINGS_SHOWN} more; `bcqa index` lists them all")
    vectors, pieces = _embed([s for d in documents for s in d.statements], index_dir if reuse else None, encoder, say)
    dense = DenseIndex.from_vectors(vectors)
    tokens = None if pieces is None else TokenVectors.from_vectors(pieces, dense.dimension)
    names = alias_map.gene_names(texts)
    # The pairs a document's text defines, then those only its list of abbreviations gives.
    abbreviations = {d.name: dict(d.glossary) | find_abbreviations(s.text for s in d.statements) for d in documents}
    bm25 = {
        d.name: BM25Index.from_texts(
            [s.search_text for s in d.statements],
            settings.bm25,
            names,
            abbreviation_table(abbreviations[d.name]),
            follows=same_section_as_previous(d.statements),
        )
        for d in documents
    }
    resolved = alias_map.build_alias_map(texts)
    defined = {short: long for pairs in abbreviations.values() for short, long in pairs.items()}
    statements = [s for d in documents for s in d.statements]
    evidence = build_evidence(statements, resolved, dict(settings.evidence_columns), defined)
    exportable = hasattr(encoder, "export_onnx") and OnnxEncoder.available()
    exports = [lambda folder: write_encoder(encoder, folder / ONNX_FILENAME)] if exportable else []
    write_index(
        index_dir,
        expected_manifest(list(files), settings),
        documents,
        dense,
        bm25,
        resolved,
        names,
        abbreviations,
        evidence,
        exports=exports,
        tokens=tokens,
    )


def _read_documents(files: Sequence[Path], say: Callable[[str], None]) -> tuple[Document, ...]:
    """Every document that can be read; of a folder's files, one that cannot (empty, binary, no statement)
    is left out with a warning naming it, while the others are read.  The index's manifest still lists it,
    so that the build runs again once the file changes.

    Raises:
        CorpusError: A single document cannot be read, or none of the folder's can.
    """
    documents, unread = [], []
    for path in files:
        try:
            documents.append(load_document(path))
        except CorpusError as exc:
            if len(files) == 1:
                raise
            unread.append(str(exc))
    if not documents:
        raise CorpusError(f"none of the {len(files)} documents can be read: " + "; ".join(unread))
    for reason in unread:
        say(f"warning: {reason}; left out of the index")
    return tuple(documents)


def _query_encoder(index_dir: Path, stored: StoredIndex, fallback: Encoder, model_path: Path | None) -> Encoder:
    """The ONNX encoder the index carries (no torch at query time), else ``fallback``."""
    if ONNX_FILENAME in stored.manifest["files"] and OnnxEncoder.available():
        return OnnxEncoder(index_dir / ONNX_FILENAME, model_path)
    return fallback


def _embed(
    statements: Sequence[Statement],
    index_dir: Path | None,
    encoder: Encoder,
    say: Callable[[str], None] = lambda _m: None,
) -> tuple[np.ndarray, list[np.ndarray] | None]:
    """Each statement's vector (of its searched text) and, from an encoder that gives them and a
    corpus of at most ``TOKEN_VECTORS_UP_TO`` statements, its word-piece vectors (else None);
    reusing what the current index holds for the same text and model.

    The word pieces are those of the statement's own text, out of the same pass over the searched
    text: read in the context of the section title, without its pieces (``_own_pieces``).

    Editing one document re-embeds only the statements whose searched text
    changed (a statement's text, its section title or its lead-in).
    """
    import numpy as np

    texts = [s.search_text for s in statements]
    name = getattr(encoder, "name", MODEL_NAME)
    cache, cached_pieces = cached_vectors(index_dir, name) if index_dir is not None else ({}, {})
    with_pieces = hasattr(encoder, "encode_tokens") and len(texts) <= TOKEN_VECTORS_UP_TO
    keys = [(s.search_text, s.text) for s in statements]
    if with_pieces:  # a text counts as embedded only with its pieces
        todo = list(dict.fromkeys(t for t, key in zip(texts, keys) if t not in cache or key not in cached_pieces))
    else:
        todo = list(dict.fromkeys(t for t in texts if t not in cache))
    reused = f" ({len(texts) - len(todo)} reused from the current index)" if cache else ""
    say(f"embedding {len(todo)} statements{reused}")
    if todo and with_pieces:
        vectors, pieces = encoder.encode_tokens(todo)
        cache = {**cache, **dict(zip(todo, vectors))}
        cached_pieces = {**cached_pieces, **_own_pieces(encoder, dict(zip(todo, pieces)), keys)}
    elif todo:
        cache = {**cache, **dict(zip(todo, encoder.encode(todo)))}
    vectors = np.stack([np.asarray(cache[t], dtype=np.float32) for t in texts])
    return vectors, [cached_pieces[key] for key in keys] if with_pieces else None


def _own_pieces(encoder: TokenEncoder, pieces: dict[str, np.ndarray], keys: Sequence[tuple[str, str]]) -> dict:
    """(searched text, text) -> the word pieces of the text alone, for every key whose searched
    text has ``pieces``.

    The searched text is "section title: text"; its title's pieces are dropped, so MaxSim
    matches a question against what the statement says.  Measured on the dev questions of all
    231 documents (2026-12-04, weight 1.0): fact top-1 0.724 without the late interaction, 0.749
    with the text's own pieces from this pass, 0.736 with all the searched text's pieces, 0.743
    with a second pass over the text alone.
    """
    wanted = list(dict.fromkeys(key for key in keys if key[0] in pieces))
    heads = [search[: len(search) - len(text)] if search.endswith(text) else "" for search, text in wanted]
    counts = encoder.count_pieces(heads)
    out = {}
    for (search, text), n in zip(wanted, counts):
        full = pieces[search]
        out[(search, text)] = full[n:] if n < len(full) else full
    return out


def check_question(question: object) -> str:
    """The question cleaned (controls stripped, whitespace collapsed), or ``QuestionError``."""
    if not isinstance(question, str):
        raise QuestionError(f"a question must be text, not {type(question).__name__}")
    text = clean_line(question)
    if not text:
        raise QuestionError("the question is empty; ask about the documents in plain words")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(text)} characters long; keep it under {MAX_QUESTION_CHARS}")
    return text


def _check_k(k: object) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise QuestionError(f"k must be a whole number of at least 1, not {k!r}")
    return k
