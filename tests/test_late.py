"""Late interaction: word-piece vectors stored with the index, MaxSim over a question's best statements."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bcqa import Assistant
from bcqa import assistant as assistant_module
from bcqa.dense import TokenVectors
from bcqa.errors import IndexStateError
from bcqa.retrieve import Fusion, Scores, late_interaction
from bcqa.store import MANIFEST, file_sha256, read_index, read_manifest
from conftest import FakeEncoder, FakeTokenEncoder


def _unit(rng, n, d=16):
    a = rng.standard_normal((n, d)).astype(np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def test_token_vectors_round_trip_within_int8_rounding(tmp_path):
    rng = np.random.default_rng(0)
    pieces = [_unit(rng, n) for n in (3, 0, 7, 1)]
    stored = TokenVectors.from_vectors(pieces, 16)
    stored.save(tmp_path)
    loaded = TokenVectors.load(tmp_path)
    assert len(loaded) == 4
    for row, exact in enumerate(pieces):
        assert loaded.pieces(row).shape == exact.shape
        assert np.abs(loaded.pieces(row) - exact).max(initial=0.0) < 0.01
    query = _unit(rng, 5)
    exact = [float((query @ p.T).max(axis=1).mean()) if len(p) else 0.0 for p in pieces]
    assert np.allclose(loaded.maxsim(query, [0, 1, 2, 3]), exact, atol=0.02)
    assert loaded.maxsim(query[:0], [0, 2]).tolist() == [0.0, 0.0]


def test_token_vectors_that_do_not_add_up_are_refused():
    with pytest.raises(IndexStateError, match="do not add up"):
        TokenVectors(np.zeros((3, 4), np.int8), np.ones(3, np.float32), np.array([0, 2], np.int64))


def _scores(fused):
    fused = np.asarray(fused, dtype=np.float64)
    return Scores(np.zeros_like(fused), np.zeros_like(fused), fused)


def test_late_interaction_lifts_only_the_best_candidates_and_keeps_them_on_top():
    rng = np.random.default_rng(1)
    query = _unit(rng, 4)
    pieces = [_unit(rng, 3) for _ in range(6)]
    pieces[2] = np.concatenate([query, _unit(rng, 2)])  # holds every query piece: MaxSim 1
    tokens = TokenVectors.from_vectors(pieces, 16)
    before = _scores([0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    after = late_interaction(before, tokens, 0, query, weight=1.0, depth=3)
    assert np.argmax(after.fused) == 2  # the exact match passes the two above it
    assert (after.fused[:3] >= before.fused[:3]).all()
    assert after.fused[3:].tolist() == before.fused[3:].tolist()  # outside the depth: untouched
    assert after.fused[:3].min() >= before.fused[3:].max()
    sims = tokens.maxsim(query, [0, 1, 2])
    assert np.allclose(after.fused[:3] - before.fused[:3], sims - sims.min())


def test_late_interaction_respects_a_section_filter_and_the_document_offset():
    rng = np.random.default_rng(2)
    query = _unit(rng, 3)
    pieces = [_unit(rng, 2) for _ in range(6)] + [query]  # rows 4 to 6: a second document
    tokens = TokenVectors.from_vectors(pieces, 16)
    before = _scores([0.9, 0.8, 0.1])
    after = late_interaction(before, tokens, 4, query, weight=1.0, rows=frozenset({1, 2}))
    assert after.fused[0] == before.fused[0]  # not among the allowed rows
    assert after.fused[2] > after.fused[1]  # row 2 of this document is row 6 of the index: MaxSim 1


def test_index_stores_word_pieces_and_a_rebuild_reuses_them(corpus_dir, tmp_path):
    index = tmp_path / "index"
    first = FakeTokenEncoder()
    before = Assistant.load(corpus_dir, index, encoder=first, progress=None)
    stored = read_index(index).tokens
    assert stored is not None and len(stored) == len(before.statements)
    assert before.retriever.late
    doc = next(corpus_dir.glob("*.md"))
    doc.write_text(doc.read_text(encoding="utf-8").replace("mast cells", "mast cells and B cells"), encoding="utf-8")
    second = FakeTokenEncoder()
    after = Assistant.load(corpus_dir, index, encoder=second, progress=None)
    old = {s.search_text for s in before.statements}
    changed = sorted({s.search_text for s in after.statements if s.search_text not in old})
    assert changed and sorted(second.texts) == changed  # only what changed is embedded again, pieces and all
    Assistant.load(corpus_dir, tmp_path / "fresh", encoder=FakeTokenEncoder(), progress=None)
    kept, made = read_index(index).tokens, read_index(tmp_path / "fresh").tokens
    for row in range(len(after.statements)):
        assert np.array_equal(kept.pieces(row), made.pieces(row))


def test_a_corpus_past_the_limit_or_an_encoder_without_pieces_stores_none(corpus_dir, tmp_path, monkeypatch):
    qa = Assistant.load(corpus_dir, tmp_path / "plain", encoder=FakeEncoder(), progress=None)
    assert read_index(tmp_path / "plain").tokens is None and not qa.retriever.late
    monkeypatch.setattr(assistant_module, "TOKEN_VECTORS_UP_TO", 3)
    qa = Assistant.load(corpus_dir, tmp_path / "large", encoder=FakeTokenEncoder(), progress=None)
    assert read_index(tmp_path / "large").tokens is None and not qa.retriever.late
    assert not list((tmp_path / "large").glob("token*.npy"))


def test_late_interaction_is_a_setting_that_can_be_turned_off(corpus_dir, tmp_path):
    qa = Assistant.load(corpus_dir, tmp_path / "index", encoder=FakeTokenEncoder(), progress=None)
    off = qa.with_settings(fusion=Fusion(late=0.0))
    assert qa.retriever.late and not off.retriever.late
    question = "Which cells drive resistance?"
    assert [h.statement.id for h in off.ask(question).statements]  # answers without it
    with pytest.raises(ValueError, match="late"):
        Fusion(late=-1.0)


def test_damaged_word_piece_files_are_never_served(corpus_dir, tmp_path):
    index = tmp_path / "index"
    Assistant.load(corpus_dir, index, encoder=FakeTokenEncoder(), progress=None)
    codes = index / "tokens.npy"
    data = bytearray(codes.read_bytes())
    data[-1] ^= 0x7F
    codes.write_bytes(bytes(data))
    with pytest.raises(IndexStateError, match="tokens.npy does not match its checksum"):
        read_index(index)
    # Offsets that no longer fit the codes, with a forged checksum: refused all the same.
    offsets = index / "token_offsets.npy"
    np.save(offsets, np.load(offsets)[:-1], allow_pickle=False)
    manifest = read_manifest(index)
    for name in ("tokens.npy", "token_offsets.npy"):
        manifest["files"][name] = file_sha256(index / name)
    (index / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStateError, match="do not add up"):
        read_index(index)
    qa = Assistant.load(corpus_dir, index, encoder=FakeTokenEncoder(), progress=None)  # rebuilt
    assert read_index(index).tokens is not None and qa.retriever.late
