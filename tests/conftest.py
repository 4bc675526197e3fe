"""Shared fixtures: the real document, a fake encoder, assistants on tmp indexes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from bcqa.corpus import load_document
from bcqa.dense import unit_rows
from bcqa.policy import Thresholds
from bcqa.text import tokenize

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FILE = next((ROOT / "corpus").glob("*.md"))
CORPUS_SETTINGS = ROOT / "corpus" / "bcqa.toml"
GOLDEN = ROOT / "tests" / "golden" / "breast_cancer_resistance_review.toml"


# A bag of tokens is no sentence encoder: taking any word the document lacks out of a question brings it
# closer to every statement, which the bundled model does not do (policy.Thresholds.drag, measured on it).
# Where the fake stands in for the model, that check is off.
FAKE_THRESHOLDS = Thresholds(drag=1.0)


class FakeEncoder:
    """Seeded bag-of-tokens vectors: deterministic, model-free, cosine-meaningful."""

    name = "fake/hashed-bag-of-tokens"

    def __init__(self, dimension: int = 64):
        self.dimension = dimension
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in tokenize(text) or ["<empty>"]:
                out[row] += self.token_vector(token)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out

    def token_vector(self, token: str) -> np.ndarray:
        """The seeded random vector of one token (not normalised)."""
        seed = int.from_bytes(hashlib.sha256(token.encode()).digest()[:4], "little")
        return np.random.default_rng(seed).standard_normal(self.dimension)


class FakeTokenEncoder(FakeEncoder):
    """A FakeEncoder that also gives word-piece vectors: one seeded unit vector per token."""

    def __init__(self, dimension: int = 64):
        super().__init__(dimension)
        self.texts: list[str] = []

    def encode_tokens(self, texts):
        self.texts += list(texts)
        pieces = []
        for text in texts:
            rows = [self.token_vector(token) for token in tokenize(text)]
            pieces.append(unit_rows(np.array(rows, dtype=np.float32).reshape(len(rows), self.dimension)))
        return self.encode(texts), pieces

    def count_pieces(self, texts):
        return [len(tokenize(t)) for t in texts]


@pytest.fixture(scope="session", autouse=True)
def model_cache(tmp_path_factory) -> Path:
    """The encoder export is made once per session and linked into every index (not into ~/.cache)."""
    import os

    folder = tmp_path_factory.mktemp("model-cache")
    os.environ["BCQA_CACHE_DIR"] = str(folder)  # subprocesses (the CLI, the notebook) inherit it
    return folder


@pytest.fixture(scope="session")
def document():
    return load_document(CORPUS_FILE)


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    """A private copy of the corpus that a test may edit."""
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(CORPUS_FILE, d / CORPUS_FILE.name)
    shutil.copy(CORPUS_SETTINGS, d / CORPUS_SETTINGS.name)
    return d


@pytest.fixture
def fake_assistant(corpus_dir, tmp_path):
    from bcqa import Assistant

    qa = Assistant.load(corpus_dir, tmp_path / "index", encoder=FakeEncoder(), progress=None)
    return qa.with_settings(thresholds=FAKE_THRESHOLDS)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory) -> tuple[Path, Path]:
    """(corpus dir, index dir) built once per session with the bundled model."""
    base = tmp_path_factory.mktemp("real")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS_FILE, corpus / CORPUS_FILE.name)
    shutil.copy(CORPUS_SETTINGS, corpus / CORPUS_SETTINGS.name)
    from bcqa import Assistant

    Assistant.load(corpus, base / "index", progress=None)
    return corpus, base / "index"


@pytest.fixture(scope="session")
def real_assistant(real_index):
    from bcqa import Assistant

    corpus, index = real_index
    return Assistant.load(corpus, index, rebuild="never", progress=None)
