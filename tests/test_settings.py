"""One settings object: defaults, bcqa.toml beside the corpus, per-call overrides; logging."""

from __future__ import annotations

import logging
import re
import shutil

import pytest

from bcqa import Assistant
from bcqa.errors import BcqaError, QuestionError
from bcqa.policy import Thresholds
from bcqa.retrieve import Fusion
from bcqa.settings import Settings
from conftest import CORPUS_FILE, FakeEncoder


def test_defaults_are_the_classes_defaults():
    s = Settings()
    assert s.k == 5 and s.thresholds == Thresholds() and s.fusion == Fusion() and s.index_dir is None


def test_toml_is_read_with_paths_relative_to_it(tmp_path):
    (tmp_path / "bcqa.toml").write_text(
        '[settings]\nk = 3\nindex_dir = "idx"\n[settings.thresholds]\nfloor_dense = 0.25\n'
        '[settings.fusion]\nmethod = "rrf"\n[evidence.columns]\nchemo = ["chemo"]\n',
        encoding="utf-8",
    )
    s = Settings.for_corpus(tmp_path)
    assert s.k == 3 and s.index_dir == (tmp_path / "idx").resolve()
    assert s.thresholds.floor_dense == 0.25 and s.thresholds.min_dense == Thresholds().min_dense
    assert s.fusion.method == "rrf"
    assert Settings.for_corpus(tmp_path / "missing-dir" / "x.md") == Settings()


@pytest.mark.parametrize(
    "text, message",
    [
        ("[settings]\nkk = 3\n", "unknown setting 'kk'"),
        ("[settings]\nk = 0\n", "k must be a whole number"),
        ("[settings.thresholds]\nfloor = 0.3\n", "unknown [settings.thresholds] key(s) ['floor']"),
        ('[settings.thresholds]\nfloor_dense = "high"\n', "floor_dense must be a float"),
        ('[settings.fusion]\nmethod = "magic"\n', "fusion method must be one of"),
        ("[settings\n", "cannot read"),
    ],
)
def test_bad_settings_are_named(tmp_path, text, message):
    (tmp_path / "bcqa.toml").write_text(text, encoding="utf-8")
    with pytest.raises(BcqaError, match=re.escape(message)):
        Settings.for_corpus(tmp_path)


@pytest.fixture
def configured(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS_FILE, corpus)
    (corpus / "bcqa.toml").write_text(
        '[settings]\nk = 2\nindex_dir = "../my-index"\n\n[settings.thresholds]\ndrag = 1.0  # off: a fake encoder\n',
        encoding="utf-8",
    )
    return corpus


def test_load_uses_the_corpus_settings_and_calls_override_them(configured, tmp_path):
    qa = Assistant.load(configured, encoder=FakeEncoder(), progress=None)
    assert (tmp_path / "my-index" / "manifest.json").is_file()
    question = "Which genes are linked to chemotherapy resistance?"
    assert len(qa.ask(question).statements) == 2
    assert len(qa.ask(question, k=4).statements) == 4
    wider = qa.with_settings(k=3, thresholds=Thresholds(floor_dense=0.99, min_dense=0.99))
    assert len(wider.ask(question).statements) in (0, 3)
    assert wider.ask("What does reference 9 say?").references  # reference questions do not need the floor
    assert qa.settings.k == 2 and len(qa.ask(question).statements) == 2  # the original is unchanged
    with pytest.raises(QuestionError, match="set at index time"):
        qa.with_settings(bm25=None, model_path="x")


def test_progress_goes_to_the_bcqa_logger(corpus_dir, tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="bcqa"):
        Assistant.load(corpus_dir, tmp_path / "index", encoder=FakeEncoder())
    assert any(r.name == "bcqa" and "building the index" in r.getMessage() for r in caplog.records)
