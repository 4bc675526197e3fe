"""The index directory is bcqa's alone, checked on load, and survives killed or concurrent builds."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from bcqa import Assistant, store
from bcqa import assistant as assistant_module
from bcqa.cli import main
from bcqa.errors import IndexDirError, IndexStateError
from bcqa.store import MANIFEST, MARKER, REFERENCES, STATEMENTS, read_index, read_manifest
from conftest import FakeEncoder

ROOT = Path(__file__).resolve().parents[1]


def _load(corpus, index, **kw):
    kw.setdefault("progress", None)
    return Assistant.load(corpus, index, encoder=FakeEncoder(), **kw)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- whose directory ----------------------------------------------------------------


def test_refuses_a_folder_of_the_users(corpus_dir, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "ideas.md").write_text("my notes", encoding="utf-8")
    with pytest.raises(IndexDirError, match=r"notes holds files bcqa did not write \(ideas\.md\)"):
        _load(corpus_dir, notes)
    assert _snapshot(notes) == {"ideas.md": b"my notes"}


def _not_read_warnings(corpus_dir: Path, tmp_path: Path) -> list[str]:
    """What a build of ``corpus_dir`` says it did not read; it reads the review alone and touches nothing."""
    before = _snapshot(corpus_dir)
    heard: list[str] = []
    qa = _load(corpus_dir, tmp_path / "index", progress=heard.append)
    assert [p.name for p in qa.document_paths] == ["breast_cancer_resistance_review.md"]
    assert _snapshot(corpus_dir) == before
    return [m for m in heard if "not read" in m]


def test_files_bcqa_does_not_read_are_named_and_left_alone(corpus_dir, tmp_path):
    """A PDF beside the documents gives no answer: the build says so; a folder of PDFs only is refused."""
    from bcqa.corpus import find_documents
    from bcqa.errors import CorpusError

    (corpus_dir / "paper.pdf").write_bytes(b"%PDF-1.4 not text")
    (corpus_dir / ".notes.swp").write_bytes(b"hidden")
    assert _not_read_warnings(corpus_dir, tmp_path) == [
        "warning: 1 file(s) not read: paper.pdf (bcqa reads text: .md, .txt, .markdown ...; convert a PDF or Word"
        " file first)"
    ]  # the corpus's bcqa.toml and a hidden file are not named
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "a.pdf").write_bytes(b"%PDF")
    (papers / "b.docx").write_bytes(b"PK")
    with pytest.raises(CorpusError, match=r"no document in .*papers \(a\.pdf, b\.docx not read\)"):
        find_documents(papers)


def test_folders_of_documents_inside_the_corpus_are_named(corpus_dir, tmp_path):
    """bcqa reads the folder it is given, not below it: a folder of reviews inside it is named, not read."""
    from bcqa.corpus import find_documents
    from bcqa.errors import CorpusError

    (corpus_dir / "more").mkdir()
    (corpus_dir / "more" / "second.md").write_text("# Second\n\nA claim.", encoding="utf-8")
    (corpus_dir / ".git").mkdir()
    (corpus_dir / ".git" / "notes.txt").write_text("hidden", encoding="utf-8")
    (corpus_dir / "figures").mkdir()  # no documents in it: not named
    (corpus_dir / "figures" / "fig1.png").write_bytes(b"PNG")
    assert _not_read_warnings(corpus_dir, tmp_path) == [
        "warning: 1 folder(s) with documents not read: more (bcqa reads the folder it is given, not the folders"
        " inside it)"
    ]
    outer = tmp_path / "outer"
    (outer / "reviews").mkdir(parents=True)
    (outer / "reviews" / "a.md").write_text("# A\n\nA claim.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"no document in .*outer, but its folder reviews holds some"):
        find_documents(outer)


def test_refuses_the_corpus_folder(corpus_dir):
    before = _snapshot(corpus_dir)
    with pytest.raises(IndexDirError, match="holds the corpus"):
        _load(corpus_dir, corpus_dir)
    assert _snapshot(corpus_dir) == before


def test_refuses_a_regular_file_and_leaves_nothing_beside_it(corpus_dir, tmp_path):
    target = tmp_path / "keep.txt"
    target.write_text("precious", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(IndexDirError, match=r"keep\.txt is a file"):
        _load(corpus_dir, target)
    assert target.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_cli_refusal_exits_2_and_names_the_path(corpus_dir, tmp_path, capsys):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.txt").write_text("x", encoding="utf-8")
    code = main(["index", "--corpus", str(corpus_dir), "--index-dir", str(notes), "-q"])
    assert code == 2
    assert str(notes) in capsys.readouterr().err
    assert (notes / "a.txt").read_text(encoding="utf-8") == "x"


def test_a_stray_file_in_the_index_blocks_a_rebuild(fake_assistant, corpus_dir, tmp_path):
    (tmp_path / "index" / "my-notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(IndexDirError, match="my-notes.txt"):
        _load(corpus_dir, tmp_path / "index", rebuild="always")
    assert (tmp_path / "index" / "my-notes.txt").read_text(encoding="utf-8") == "mine"


def test_each_corpus_gets_an_index_of_its_own_by_default(corpus_dir, tmp_path, monkeypatch):
    """Without --index-dir, the default corpus keeps index/ and any other corpus gets its own folder beside
    it: switching between two corpora loads each index again instead of rebuilding one shared index."""
    monkeypatch.delenv("BCQA_INDEX", raising=False)
    monkeypatch.delenv("BCQA_CORPUS", raising=False)
    home = tmp_path / "checkout"
    (home / "corpus").mkdir(parents=True)
    monkeypatch.setattr(assistant_module, "project_root", lambda: home)
    other = tmp_path / "other corpus!"
    shutil.copytree(corpus_dir, other)
    default_index_dir = assistant_module.default_index_dir
    assert default_index_dir() == default_index_dir(home / "corpus") == home / "index"
    mine, theirs = default_index_dir(corpus_dir), default_index_dir(other)
    assert mine != theirs and mine.parent == theirs.parent == home
    assert mine.name.startswith(".index-corpus-") and theirs.name.startswith(".index-other-corpus-")
    assert default_index_dir(corpus_dir / ".." / corpus_dir.name) == mine  # the same folder, written otherwise

    said: list[str] = []
    for corpus in (corpus_dir, other, corpus_dir, other):
        Assistant.load(corpus, encoder=FakeEncoder(), progress=said.append)
    assert sum("building" in line for line in said) == 2, said
    assert (mine / MANIFEST).is_file() and (theirs / MANIFEST).is_file()
    monkeypatch.setenv("BCQA_INDEX", str(tmp_path / "chosen"))
    assert default_index_dir(other) == tmp_path / "chosen"  # a chosen index serves whatever it is given


def test_empty_folder_and_index_without_marker_are_used(corpus_dir, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    _load(corpus_dir, empty)
    assert (empty / MARKER).is_file()
    (empty / MARKER).unlink()  # an index from before the marker: only index files
    _load(corpus_dir, empty, rebuild="always")
    assert (empty / MARKER).is_file()


def test_index_is_readable_by_other_users(corpus_dir, tmp_path):
    old = os.umask(0o022)
    try:
        _load(corpus_dir, tmp_path / "index")
    finally:
        os.umask(old)
    index = tmp_path / "index"
    assert stat.S_IMODE(index.stat().st_mode) == 0o755
    assert all(stat.S_IMODE(p.stat().st_mode) & 0o044 == 0o044 for p in index.iterdir())


# --- integrity ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "manifest",
    [
        "[]",
        "42",
        '"text"',
        "null",
        "{}",
        json.dumps({"format_version": 3, "documents": "x"}),
    ],
)
def test_manifest_of_the_wrong_shape_is_rebuilt_or_refused(fake_assistant, corpus_dir, tmp_path, manifest):
    index = tmp_path / "index"
    (index / MANIFEST).write_text(manifest, encoding="utf-8")
    with pytest.raises(IndexStateError, match="damaged|format|no index|not usable"):
        _load(corpus_dir, index, rebuild="never")
    messages = []
    qa = _load(corpus_dir, index, progress=messages.append)
    assert any("building" in m for m in messages)
    assert len(qa.statements) == len(fake_assistant.statements)


@pytest.mark.parametrize("field", ["model.dimension", "counts.statements", "files", "documents.0.sections"])
def test_manifest_field_of_the_wrong_type(fake_assistant, corpus_dir, tmp_path, field):
    index = tmp_path / "index"
    manifest = read_manifest(index)
    node, *path, last = [manifest, *field.split(".")]
    for key in path:
        node = node[int(key)] if isinstance(node, list) else node[key]
    node[int(last) if isinstance(node, list) else last] = "wrong" if last != "sections" else 7
    (index / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStateError, match="damaged"):
        _load(corpus_dir, index, rebuild="never")
    messages = []
    _load(corpus_dir, index, progress=messages.append)
    assert any("damaged" in m for m in messages)


def _edit_statements(index: Path, edit) -> None:
    lines = (index / STATEMENTS).read_text(encoding="utf-8").splitlines()
    (index / STATEMENTS).write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")


def _retext(lines):
    row = json.loads(lines[0])
    row["text"] = "Chemotherapy always works."
    return [json.dumps(row), *lines[1:]]


def _recite(lines):
    row = json.loads(lines[0])
    row["citations"] = [1, 2, 3]
    return [json.dumps(row), *lines[1:]]


@pytest.mark.parametrize(
    "edit", [_retext, _recite, lambda lines: [lines[1], lines[0], *lines[2:]]], ids=["text", "citations", "swap"]
)
def test_edited_statements_are_never_served(fake_assistant, corpus_dir, tmp_path, edit):
    index = tmp_path / "index"
    _edit_statements(index, edit)
    with pytest.raises(IndexStateError, match="statements.jsonl does not match its checksum"):
        _load(corpus_dir, index, rebuild="never")
    messages = []
    qa = _load(corpus_dir, index, progress=messages.append)
    assert any("checksum" in m for m in messages)
    assert qa.statements == fake_assistant.statements


def test_removed_reference_is_caught_even_with_a_forged_checksum(fake_assistant, corpus_dir, tmp_path):
    index = tmp_path / "index"
    cited = next(n for s in fake_assistant.statements for n in s.citations)
    lines = (index / REFERENCES).read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if json.loads(line)["number"] != cited]
    (index / REFERENCES).write_text("\n".join(kept) + "\n", encoding="utf-8")
    manifest = read_manifest(index)
    manifest["files"][REFERENCES] = store.file_sha256(index / REFERENCES)
    (index / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStateError, match="cite references it does not hold"):
        read_index(index)


# --- crash safety ---------------------------------------------------------------------

KILLED = 77
STEPS = ["started", "written", "manifest", "parked", "swapped"]


def _build_in_subprocess(corpus: Path, index: Path, crash_at: str | None = None) -> subprocess.CompletedProcess:
    """Build in a child process that dies with os._exit at one step (no cleanup runs)."""
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(ROOT / "tests")!r})
        from conftest import FakeEncoder
        import bcqa.store as store
        from bcqa import Assistant
        crash_at = {crash_at!r}
        store._checkpoint = lambda step: os._exit({KILLED}) if step == crash_at else None
        Assistant.load({str(corpus)!r}, {str(index)!r}, encoder=FakeEncoder(), rebuild="always", progress=None)
        """
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)


def _hidden_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "-new-" in p.name or "-old-" in p.name)


@pytest.mark.parametrize("step", STEPS)
def test_killed_rebuild_keeps_the_previous_index(fake_assistant, corpus_dir, tmp_path, step):
    index = tmp_path / "index"
    before = [s.id for s in fake_assistant.statements]
    result = _build_in_subprocess(corpus_dir, index, crash_at=step)
    assert result.returncode == KILLED, result.stderr
    messages = []
    qa = _load(corpus_dir, index, rebuild="never", progress=messages.append)
    assert [s.id for s in qa.statements] == before
    assert _hidden_leftovers(tmp_path) == []
    if step == "parked":  # killed between the renames: the previous index is put back
        assert any("restored the previous index" in m for m in messages)


@pytest.mark.parametrize("step", [s for s in STEPS if s != "parked"])
def test_killed_first_build_leaves_a_clean_state(corpus_dir, tmp_path, step):
    index = tmp_path / "index"
    result = _build_in_subprocess(corpus_dir, index, crash_at=step)
    assert result.returncode == KILLED, result.stderr
    qa = _load(corpus_dir, index)
    assert qa.statements
    assert _hidden_leftovers(tmp_path) == []


def test_leftovers_holding_user_files_are_left_alone(fake_assistant, corpus_dir, tmp_path):
    odd = tmp_path / ".index-new-abc"
    odd.mkdir()
    (odd / "mine.txt").write_text("mine", encoding="utf-8")
    messages = []
    _load(corpus_dir, tmp_path / "index", progress=messages.append)
    assert (odd / "mine.txt").read_text(encoding="utf-8") == "mine"
    assert any("left" in m and "alone" in m for m in messages)


# --- concurrency ----------------------------------------------------------------------


def test_two_builds_at_once_are_serialised(corpus_dir, tmp_path):
    index = tmp_path / "index"
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT / "tests")!r})
        from conftest import FakeEncoder
        from bcqa import Assistant
        Assistant.load({str(corpus_dir)!r}, {str(index)!r}, encoder=FakeEncoder(), rebuild="always", progress=None)
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert read_index(index).documents
    assert _hidden_leftovers(tmp_path) == []


def test_waiting_for_a_build_times_out_with_a_message(corpus_dir, tmp_path, monkeypatch):
    index = tmp_path / "index"
    monkeypatch.setattr(store, "LOCK_TIMEOUT", 0.2)
    with store.build_lock(index), pytest.raises(IndexStateError, match="another bcqa is building"):
        _load(corpus_dir, index)


def test_a_reader_never_sees_a_half_swapped_index(fake_assistant, corpus_dir, tmp_path, monkeypatch):
    index = tmp_path / "index"
    seen: dict[str, object] = {}

    def read():
        try:
            seen["statements"] = len(_load(corpus_dir, index, rebuild="never").statements)
        except Exception as exc:  # the assertion below shows it
            seen["error"] = exc
        seen["done"] = time.monotonic()

    def checkpoint(step):
        if step == "parked":  # the old index is moved away, the new one not yet in place
            reader = threading.Thread(target=read)
            reader.start()
            time.sleep(0.3)
            seen["swapped"] = time.monotonic()
            seen["reader"] = reader

    monkeypatch.setattr(store, "_checkpoint", checkpoint)
    _load(corpus_dir, index, rebuild="always")
    seen["reader"].join(30)
    assert "error" not in seen, seen.get("error")
    assert seen["statements"] == len(fake_assistant.statements)
    assert seen["done"] > seen["swapped"]  # it waited for the swap


def test_refuses_a_symbolic_link(corpus_dir, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    with pytest.raises(IndexDirError, match="symbolic link"):
        _load(corpus_dir, tmp_path / "link")
    assert list(real.iterdir()) == []


def test_a_failed_encoder_export_keeps_the_previous_index(fake_assistant, corpus_dir, tmp_path):
    # On a full disk the ONNX export leaves a file cut short, and onnxruntime's optimizer fails on
    # it with its own exception: that is a clear IndexStateError, and the old index stays.
    class FailingExport(FakeEncoder):
        def export_onnx(self, path):
            path.write_bytes(b"cut short")
            raise RuntimeError("Protobuf serialization failed")

    index = tmp_path / "index"
    before = _snapshot(index)
    doc = next(corpus_dir.glob("*.md"))
    doc.write_text(doc.read_text(encoding="utf-8") + " A new claim about tumours.[1]", encoding="utf-8")
    with pytest.raises(IndexStateError, match="cannot export the query encoder.*previous one is untouched"):
        Assistant.load(corpus_dir, index, encoder=FailingExport(), progress=None)
    assert _snapshot(index) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".index-new-")] == []


def test_a_damaged_vector_file_never_reaches_faiss(fake_assistant, corpus_dir, tmp_path, monkeypatch):
    # Checksums are computed while the JSON files parse; the FAISS loader (native code)
    # still only ever sees a file that passed.
    from bcqa.dense import DenseIndex

    index = tmp_path / "index"
    path = index / DenseIndex.FILENAME
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    loaded = []
    real = DenseIndex.load.__func__
    monkeypatch.setattr(DenseIndex, "load", classmethod(lambda cls, d: loaded.append(d) or real(cls, d)))
    with pytest.raises(IndexStateError, match="dense.faiss does not match its checksum"):
        read_index(index)
    assert loaded == []


def test_a_folder_reads_quarto_and_r_markdown_files(tmp_path):
    """A ".qmd" file given alone was read, but a folder of them was refused ("put .md or .txt files there")."""
    from bcqa.corpus import find_documents

    for name in ("review.qmd", "notes.Rmd", "page.mdx"):
        (tmp_path / name).write_text("# T\n\nA claim [1].\n\n## References\n\n1. Doe J. Title. J Med. 2020;1:2.\n")
    assert [p.name for p in find_documents(tmp_path)] == ["notes.Rmd", "page.mdx", "review.qmd"]
