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


def test_token_vectors_are_quantised_block_by_block_as_all_at_once(monkeypatch):
    """Quantising a block of statements at a time (to keep a build's memory down) gives the
    codes and scales of quantising every piece in one go, to the bit."""
    from bcqa import dense

    rng = np.random.default_rng(3)
    pieces = [_unit(rng, n) * rng.uniform(0.5, 2.0) for n in rng.integers(0, 9, size=40)]
    pieces[5] = np.zeros((2, 16), np.float32)  # a zero piece keeps scale 1
    flat = np.concatenate(pieces)
    scales = np.abs(flat).max(axis=1) / 127.0
    scales = np.where(scales > 0, scales, 1.0).astype(np.float32)
    codes = np.rint(flat / scales[:, None]).astype(np.int8)
    monkeypatch.setattr(dense, "_QUANTISE_BLOCK", 7)
    stored = TokenVectors.from_vectors(pieces, 16)
    assert stored.codes.dtype == np.int8 and stored.scales.dtype == np.float32
    assert np.array_equal(stored.codes, codes) and np.array_equal(stored.scales, scales)
    assert stored.offsets.tolist() == np.concatenate([[0], np.cumsum([len(p) for p in pieces])]).tolist()
    assert len(TokenVectors.from_vectors([np.zeros((0, 16), np.float32)] * 3, 16)) == 3


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
    assert before.matched is None and after.matched == pytest.approx(sims.max())  # the closest match, for policy


def test_late_interaction_respects_a_section_filter_and_the_document_offset():
    rng = np.random.default_rng(2)
    query = _unit(rng, 3)
    pieces = [_unit(rng, 2) for _ in range(6)] + [query]  # rows 4 to 6: a second document
    tokens = TokenVectors.from_vectors(pieces, 16)
    before = _scores([0.9, 0.8, 0.1])
    after = late_interaction(before, tokens, 4, query, weight=1.0, rows=frozenset({1, 2}))
    assert after.fused[0] == before.fused[0]  # not among the allowed rows
    assert after.fused[2] > after.fused[1]  # row 2 of this document is row 6 of the index: MaxSim 1


def test_maxsim_may_borrow_a_share_of_the_statement_before():
    rng = np.random.default_rng(3)
    query = _unit(rng, 4)
    pieces = [np.concatenate([query[:2], _unit(rng, 1)]), _unit(rng, 2), query[2:], _unit(rng, 3)]
    tokens = TokenVectors.from_vectors(pieces, 16)
    exact = [p @ query.T for p in pieces]
    own = [m.max(axis=0) for m in exact]
    rows, borrow = [1, 2, 3], np.array([True, False, True])
    got = tokens.maxsim(query, rows, borrow, share=0.5)
    want = [
        np.maximum(own[1], 0.5 * own[0]).mean(),  # row 1 may take half of row 0's best per piece
        own[2].mean(),  # row 2 starts a section: its own pieces only
        np.maximum(own[3], 0.5 * own[2]).mean(),
    ]
    assert np.allclose(got, want, atol=0.02)
    assert got[0] > tokens.maxsim(query, [1])[0] + 0.1  # row 0 holds two of the question's pieces
    assert np.allclose(tokens.maxsim(query, rows, borrow, share=0.0), tokens.maxsim(query, rows))
    assert tokens.maxsim(query, [0], np.array([True]), share=1.0)[0] == pytest.approx(tokens.maxsim(query, [0])[0])


def test_late_interaction_borrows_only_within_a_section():
    rng = np.random.default_rng(4)
    query = _unit(rng, 4)
    # Row 1 names half of what the question asks, row 2 the other half: row 2 needs row 1's words.
    pieces = [_unit(rng, 3), np.concatenate([query[:2], _unit(rng, 2)]), np.concatenate([query[2:], _unit(rng, 2)])]
    pieces += [_unit(rng, 3)]
    tokens = TokenVectors.from_vectors(pieces, 16)
    before = _scores([0.5, 0.6, 0.55, 0.52])
    same = np.array([False, True, True, True])
    after = late_interaction(before, tokens, 0, query, 1.0, follows=same, context=0.85)
    assert np.argmax(after.fused) == 2  # its own half and 0.85 of the half before it
    apart = late_interaction(before, tokens, 0, query, 1.0, follows=np.array([False, True, False, True]), context=0.85)
    assert np.argmax(apart.fused) == 1  # a section starts at row 2: nothing to borrow, row 1 stays first
    unrelated = late_interaction(before, tokens, 0, query, 1.0, follows=np.zeros(4, bool), context=0.85)
    assert np.array_equal(unrelated.fused, late_interaction(before, tokens, 0, query, 1.0).fused)
    with pytest.raises(ValueError, match="late_context"):
        Fusion(late_context=1.5)


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
