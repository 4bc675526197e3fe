"""The encoder export is made once and linked into every index; the cache is only ever a speed-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from bcqa.modelcache import cache_dir, export_shared, model_fingerprint


class Export:
    def __init__(self, graph: bytes = b"graph"):
        self.graph = graph
        self.calls = 0

    def __call__(self, target: Path) -> None:
        self.calls += 1
        target.write_bytes(self.graph)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("BCQA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_second_index_links_the_first_export(cache, tmp_path):
    export = Export()
    a, b = tmp_path / "a.onnx", tmp_path / "b.onnx"
    export_shared(export, "f1", a)
    export_shared(export, "f1", b)
    assert export.calls == 1
    assert a.read_bytes() == b.read_bytes() == b"graph"
    assert a.stat().st_ino == b.stat().st_ino == (cache / "encoders" / "f1.onnx").stat().st_ino
    assert sorted(p.name for p in (cache / "encoders").iterdir()) == ["f1.onnx", "f1.sha256"]


def test_another_fingerprint_is_exported_afresh(cache, tmp_path):
    export_shared(Export(b"one"), "f1", tmp_path / "a.onnx")
    other = Export(b"two")
    export_shared(other, "f2", tmp_path / "b.onnx")
    assert other.calls == 1 and (tmp_path / "b.onnx").read_bytes() == b"two"


def test_an_entry_that_fails_its_checksum_is_exported_afresh(cache, tmp_path):
    export_shared(Export(), "f1", tmp_path / "a.onnx")
    entry = cache / "encoders" / "f1.onnx"
    entry.unlink()
    entry.write_bytes(b"cut sh")  # a damaged entry, not the first index's file
    export = Export()
    export_shared(export, "f1", tmp_path / "b.onnx")
    assert export.calls == 1 and (tmp_path / "b.onnx").read_bytes() == b"graph"
    assert (tmp_path / "a.onnx").read_bytes() == b"graph"
    export_shared(Export(b"unused"), "f1", tmp_path / "c.onnx")  # the entry is whole again
    assert (tmp_path / "c.onnx").read_bytes() == b"graph"


def test_an_unwritable_cache_is_passed_by(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a user's file", encoding="utf-8")
    monkeypatch.setenv("BCQA_CACHE_DIR", str(blocker))
    export = Export()
    export_shared(export, "f1", tmp_path / "a.onnx")
    assert export.calls == 1 and (tmp_path / "a.onnx").read_bytes() == b"graph"
    assert blocker.read_text(encoding="utf-8") == "a user's file"


def test_the_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("BCQA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "bcqa"
    monkeypatch.setenv("BCQA_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"


def test_the_fingerprint_names_the_model_files_and_the_tools(tmp_path):
    model = tmp_path / "model"
    (model / "1_Pooling").mkdir(parents=True)
    (model / "model.safetensors").write_bytes(b"weights")
    (model / "1_Pooling" / "config.json").write_text("{}", encoding="utf-8")
    first = model_fingerprint(model, "torch 1", "ort 1")
    assert model_fingerprint(model, "torch 1", "ort 2") != first
    (model / "model.safetensors").write_bytes(b"weights, retrained")
    model_fingerprint.cache_clear()
    assert model_fingerprint(model, "torch 1", "ort 1") != first
