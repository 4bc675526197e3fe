"""The index directory: round trip, staleness, damage, atomic writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bcqa import Assistant, store
from bcqa.corpus import load_document
from bcqa.errors import IndexStateError
from bcqa.sparse import BM25Params
from bcqa.store import MANIFEST, STATEMENTS, read_index, read_manifest
from conftest import FakeEncoder

QUESTIONS = ["Which microRNAs promote radioresistance?", "MDR1 expression and response", "ECM genes after chemotherapy"]


def _results(qa):
    return [[(h.statement.id, round(h.score, 6)) for h in qa.search(q, k=5)] for q in QUESTIONS]


def test_manifest_contents(fake_assistant, tmp_path):
    m = read_manifest(tmp_path / "index")
    assert m["format_version"] == 4
    assert m["model"] == {"name": FakeEncoder.name, "dimension": 64}
    assert m["bm25"]["k1"] == 1.5 and m["bm25"]["b"] == 0.75 and "tokenizer_version" in m["bm25"]
    ((name, sha),) = m["corpus"].items()
    assert name.endswith(".md") and len(sha) == 64
    assert m["counts"]["statements"] == len(fake_assistant.statements)
    assert not list((tmp_path / "index").glob("*.pkl"))


def test_save_load_identical_results(fake_assistant, corpus_dir, tmp_path):
    messages = []
    again = Assistant.load(corpus_dir, tmp_path / "index", encoder=FakeEncoder(), progress=messages.append)
    assert messages == []  # fresh: loaded, not rebuilt
    assert again.statements == fake_assistant.statements
    assert again.references == fake_assistant.references
    assert _results(again) == _results(fake_assistant)


def test_changed_corpus_rebuilds_and_says_so(fake_assistant, corpus_dir, tmp_path):
    doc = next(corpus_dir.iterdir())
    doc.write_text(doc.read_text(encoding="utf-8").replace("mast cells", "mast cells and B cells"), encoding="utf-8")
    messages = []
    qa = Assistant.load(corpus_dir, tmp_path / "index", encoder=FakeEncoder(), progress=messages.append)
    assert any("changed" in m and doc.name in m for m in messages)
    assert any("B cells" in s.text for s in qa.statements)
    assert read_manifest(tmp_path / "index")["counts"]["statements"] == len(qa.statements)


def test_changed_settings_rebuild(fake_assistant, corpus_dir, tmp_path):
    messages = []
    Assistant.load(
        corpus_dir, tmp_path / "index", encoder=FakeEncoder(), bm25=BM25Params(k1=1.2), progress=messages.append
    )
    assert any("BM25 settings changed" in m for m in messages)


def test_never_rebuild_raises_clear_error(fake_assistant, corpus_dir, tmp_path):
    doc = next(corpus_dir.iterdir())
    doc.write_text(doc.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(IndexStateError, match="bcqa index"):
        Assistant.load(corpus_dir, tmp_path / "index", encoder=FakeEncoder(), rebuild="never", progress=None)


@pytest.mark.parametrize("damage", ["manifest", "faiss", "statements"])
def test_damaged_index_is_rebuilt(fake_assistant, corpus_dir, tmp_path, damage):
    index = tmp_path / "index"
    target = {"manifest": MANIFEST, "faiss": "dense.faiss", "statements": "statements.jsonl"}[damage]
    (index / target).write_bytes(b"\x00garbage")
    messages = []
    qa = Assistant.load(corpus_dir, index, encoder=FakeEncoder(), progress=messages.append)
    assert messages and "building" in messages[0]
    assert _results(qa) == _results(fake_assistant)


def test_failed_build_keeps_old_index(fake_assistant, corpus_dir, tmp_path):
    index = tmp_path / "index"
    before = {p.name: p.read_bytes() for p in index.iterdir()}

    class Exploding(FakeEncoder):
        def encode(self, texts):
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        Assistant.load(corpus_dir, index, encoder=Exploding(), rebuild="always", progress=None)
    assert {p.name: p.read_bytes() for p in index.iterdir()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".index-")]


def test_ids_stable_across_rebuilds(fake_assistant, corpus_dir, tmp_path):
    rebuilt = Assistant.load(corpus_dir, tmp_path / "other", encoder=FakeEncoder(), rebuild="always", progress=None)
    assert [s.id for s in rebuilt.statements] == [s.id for s in fake_assistant.statements]


def test_manifest_is_json_with_newline(fake_assistant, tmp_path):
    text = (tmp_path / "index" / MANIFEST).read_text(encoding="utf-8")
    assert text.endswith("\n") and json.loads(text)


def test_unwritable_index_location_is_a_clear_error(corpus_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(IndexStateError, match="cannot write"):
        Assistant.load(corpus_dir, blocker / "index", encoder=FakeEncoder(), progress=None)


class CountingEncoder(FakeEncoder):
    """A FakeEncoder that remembers every text it embedded."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []

    def encode(self, texts):
        self.texts += list(texts)
        return super().encode(texts)


def test_editing_a_document_re_embeds_only_what_changed(corpus_dir, tmp_path):
    index = tmp_path / "index"
    first = CountingEncoder()
    before = Assistant.load(corpus_dir, index, encoder=first, progress=None)
    assert len(first.texts) == len({s.search_text for s in before.statements})
    doc = next(corpus_dir.glob("*.md"))
    doc.write_text(doc.read_text(encoding="utf-8").replace("mast cells", "mast cells and B cells"), encoding="utf-8")
    second, messages = CountingEncoder(), []
    after = Assistant.load(corpus_dir, index, encoder=second, progress=messages.append)
    old = {s.search_text for s in before.statements}
    changed = [s.search_text for s in after.statements if s.search_text not in old]
    assert changed and sorted(second.texts) == sorted(changed)
    assert f"embedding {len(changed)} statements ({len(after.statements) - len(changed)} reused" in " ".join(messages)
    # Same vectors as a build from scratch (the fake encoder is deterministic).
    fresh = Assistant.load(corpus_dir, tmp_path / "fresh", encoder=FakeEncoder(), progress=None)
    assert _results(after) == _results(fresh)


def test_forced_rebuild_embeds_everything(fake_assistant, corpus_dir, tmp_path):
    counting = CountingEncoder()
    qa = Assistant.load(corpus_dir, tmp_path / "index", encoder=counting, rebuild="always", progress=None)
    assert len(counting.texts) == len({s.search_text for s in qa.statements})


# --- statements parsed when used (issue 9: a cold ask at 100k statements) -----------------

DOCUMENTS = Path(__file__).parent / "documents"


@pytest.fixture
def two_documents(corpus_dir, tmp_path):
    """The review and the AMR review, indexed with the fake encoder; (corpus dir, index dir)."""
    shutil.copy(DOCUMENTS / "amr_gram_negative.md", corpus_dir / "amr_gram_negative.md")
    Assistant.load(corpus_dir, tmp_path / "index", encoder=FakeEncoder(), progress=None)
    return corpus_dir, tmp_path / "index"


def _forge(index, name, data: bytes) -> None:
    (index / name).write_bytes(data)
    manifest = read_manifest(index)
    manifest["files"][name] = store.file_sha256(index / name)
    (index / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def test_statements_are_parsed_only_when_used(two_documents, monkeypatch):
    corpus, index = two_documents
    parsed = []
    real = store._parse_statement
    monkeypatch.setattr(store, "_parse_statement", lambda line: parsed.append(line) or real(line))
    qa = Assistant.load(corpus, index, encoder=FakeEncoder(), rebuild="never", progress=None)
    assert len(parsed) <= 2 * len(qa.documents)  # first and last row of each document, checked on load
    answer = qa.ask("Which microRNAs promote radioresistance?", k=5)
    assert answer.statements and len(parsed) < len(qa.statements) / 2
    # The same rows, whichever way they are reached: a document's slice shares what was parsed.
    before = len(parsed)
    shown = answer.statements[0].statement
    part = next(p for p in qa.retriever.parts if p.document.name == shown.document)
    assert part.statements[shown.position - part.statements[0].position] == shown
    assert len(parsed) == before


@pytest.fixture
def stored_parts(two_documents, monkeypatch):
    """(corpus dir, the loaded index's parts, the lines parsed since loading it)."""
    corpus, index = two_documents
    qa = Assistant.load(corpus, index, encoder=FakeEncoder(), rebuild="never", progress=None)
    parsed = []
    real = store._parse_statement
    monkeypatch.setattr(store, "_parse_statement", lambda line: parsed.append(line) or real(line))
    return corpus, qa.retriever.parts, parsed


def test_sections_read_from_the_raw_lines_match_the_statements(stored_parts):
    corpus, parts, parsed = stored_parts
    for part in parts:
        follows = part.follows  # read from the stored lines, no statement parsed
        assert not parsed
        fresh = load_document(corpus / part.document.name).statements
        assert list(follows) == [bool(i) and fresh[i - 1].section == s.section for i, s in enumerate(fresh)]
        assert (~follows).sum() >= 2  # several sections, each starting afresh


def test_texts_read_from_the_raw_lines_match_the_statements(stored_parts):
    corpus, parts, parsed = stored_parts
    for part in parts:
        texts = part.statements.texts()  # read from the stored lines, no statement parsed
        assert not parsed
        assert texts == [s.text for s in load_document(corpus / part.document.name).statements]


def test_stored_statements_equal_the_parsed_documents(two_documents):
    corpus, index = two_documents
    stored = read_index(index)
    for document in stored.documents:
        fresh = load_document(corpus / document.name)
        assert document.statements == fresh.statements and len(document.statements) == len(fresh.statements)
        assert list(document.statements[1:4]) == list(fresh.statements[1:4])
        assert document.statements[-1] == fresh.statements[-1]
    assert list(stored.statements) == [s for d in stored.documents for s in d.statements]
    with pytest.raises(IndexError):
        stored.statements[len(stored.statements)]


def test_citations_read_from_the_raw_lines_match_the_statements(two_documents):
    _, index = two_documents
    lines = [line for line in (index / STATEMENTS).read_bytes().splitlines() if line]
    for line in lines:
        assert store._cited_numbers([line]) == set(json.loads(line)["citations"])


def test_documents_rows_out_of_order_are_caught_with_a_forged_checksum(two_documents):
    corpus, index = two_documents
    lines = (index / STATEMENTS).read_bytes().splitlines(keepends=True)
    n = len(
        load_document(
            next(p for p in corpus.iterdir() if p.name != "amr_gram_negative.md" and p.suffix == ".md")
        ).statements
    )
    _forge(index, STATEMENTS, b"".join(lines[n:] + lines[:n]))
    with pytest.raises(IndexStateError, match="inconsistent"):
        read_index(index)


def test_a_damaged_statement_line_is_an_index_error_not_a_traceback(two_documents):
    _, index = two_documents
    lines = (index / STATEMENTS).read_bytes().splitlines(keepends=True)
    lines[3] = b'{"id": "x", "citations": []}\n'
    _forge(index, STATEMENTS, b"".join(lines))
    stored = read_index(index)  # only the first and last rows are read on load
    with pytest.raises(IndexStateError, match="damaged statement"):
        stored.statements[3]
