"""The CLI contract that scripts and regression checks depend on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bcqa.cli import main

BCQA = Path(sys.executable).with_name("bcqa")


def run(*args, stdin=None):
    return subprocess.run([str(BCQA), *args], capture_output=True, text=True, input=stdin, timeout=300)


@pytest.mark.model
def test_json_lines_contract(real_index, tmp_path):
    corpus, index = real_index
    qfile = tmp_path / "questions.txt"
    qfile.write_text(
        "What do interferon-stimulated genes do?\n\n   \nWhich lncRNAs enhance radiotherapy?\n", encoding="utf-8"
    )
    proc = run(
        "ask",
        "--json",
        "--k",
        "3",
        "--corpus",
        str(corpus),
        "--index-dir",
        str(index),
        "  How does miR-21 cause radioresistance? ",
        "--file",
        str(qfile),
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 3
    objs = [json.loads(line) for line in lines]
    assert [o["question"] for o in objs] == [
        "  How does miR-21 cause radioresistance? ",
        "What do interferon-stimulated genes do?",
        "Which lncRNAs enhance radiotherapy?",
    ]
    for o in objs:
        assert set(o) == {"question", "abstained", "answer", "statements", "references"}
        assert isinstance(o["abstained"], bool) and isinstance(o["answer"], str)
        assert 1 <= len(o["statements"]) <= 3
        scores = [s["score"] for s in o["statements"]]
        assert scores == sorted(scores, reverse=True)
        for s in o["statements"]:
            assert set(s) == {"id", "text", "citations", "section", "document", "score"}
            assert s["document"] == "breast_cancer_resistance_review.md"
            assert s["citations"] == sorted(s["citations"])
            assert all(isinstance(n, int) for n in s["citations"])
            assert isinstance(s["score"], float)
        cited = sorted({n for s in o["statements"] for n in s["citations"]})
        assert [r["number"] for r in o["references"]] == cited
        for r in o["references"]:
            assert set(r) == {"number", "text", "doi", "url", "document"}
    first = objs[0]["statements"][0]
    assert first["citations"] == [13, 14] and "miR-21" in first["text"]
    assert "building" not in proc.stderr  # the fresh index was loaded, not rebuilt


@pytest.mark.model
def test_plain_answer_and_index_command(real_index):
    corpus, index = real_index
    proc = run("ask", "--corpus", str(corpus), "--index-dir", str(index), "Is MDR1 linked to poor response?")
    assert proc.returncode == 0, proc.stderr
    assert "[5][6]" in proc.stdout and "References:" in proc.stdout
    assert "doi:10.1016/j.mrrev.2023.108467" in proc.stdout
    proc = run("index", "--corpus", str(corpus), "--index-dir", str(index))
    assert proc.returncode == 0, proc.stderr
    assert "index ready: 31 statements" in proc.stdout


def test_no_question_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["ask"])
    assert exc.value.code == 2
    assert "no question given" in capsys.readouterr().err


def test_unreadable_question_file(capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["ask", "--file", str(tmp_path / "missing.txt")])
    assert exc.value.code == 2
    assert "cannot read questions" in capsys.readouterr().err


def test_bad_k(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["ask", "--k", "0", "TP53"])
    assert exc.value.code == 2


def test_missing_corpus_exits_2_without_traceback(capsys, tmp_path):
    code = main(["ask", "--corpus", str(tmp_path / "nope"), "--index-dir", str(tmp_path / "i"), "TP53"])
    err = capsys.readouterr().err
    assert code == 2 and "corpus not found" in err and "Traceback" not in err


def test_too_long_question_exits_2(capsys, monkeypatch, fake_assistant):
    import bcqa.assistant

    monkeypatch.setattr(bcqa.assistant.Assistant, "load", classmethod(lambda cls, *a, **k: fake_assistant))
    assert main(["ask", "x" * 3000]) == 2
    assert "characters long" in capsys.readouterr().err


def test_json_from_stdin_with_fake_model(capsys, monkeypatch, fake_assistant):
    import io

    import bcqa.assistant

    monkeypatch.setattr(bcqa.assistant.Assistant, "load", classmethod(lambda cls, *a, **k: fake_assistant))
    monkeypatch.setattr(sys, "stdin", io.StringIO("TP53\n\nHOTAIR\n"))
    assert main(["ask", "--json", "--file", "-"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["question"] for o in out] == ["TP53", "HOTAIR"]


@pytest.mark.model
def test_eval_command_json(real_assistant, monkeypatch, capsys, tmp_path):
    import bcqa.assistant

    monkeypatch.setattr(bcqa.assistant.Assistant, "load", classmethod(lambda cls, *a, **k: real_assistant))
    golden = tmp_path / "mini.toml"
    golden.write_text(
        '[[question]]\nquestion = "Is LAT1 higher in resistant tumours?"\nkind = "fact"\n'
        'expect_text = ["amino acid transporter SLC7A5"]\ncitations = [7]\n\n'
        '[[question]]\nquestion = "What is the capital of France?"\nkind = "off-topic"\n',
        encoding="utf-8",
    )
    assert main(["eval", str(golden), "--json", "--split", "dev"]) == 0
    report = json.loads(capsys.readouterr().out)["mini"]["dev"]
    assert report["counts"]["total"] == 2
    assert set(report["metrics"]) == {"bcqa", "bm25", "dense", "naive-rrf"}
    assert report["metrics"]["bcqa"]["top1"] == 1.0
    assert report["metrics"]["bcqa"]["offtopic_abstention"] == 1.0
    assert report["metrics"]["bm25"]["offtopic_abstention"] == 0.0


def test_eval_bad_golden_file(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[question]]\nkind = 'fact'\n", encoding="utf-8")
    assert main(["eval", str(bad)]) == 1
    assert "malformed" in capsys.readouterr().err
