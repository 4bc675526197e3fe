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
    assert [o["question"] for o in objs] == [  # whitespace collapsed; blank lines skipped
        "How does miR-21 cause radioresistance?",
        "What do interferon-stimulated genes do?",
        "Which lncRNAs enhance radiotherapy?",
    ]
    assert [o.get("line") for o in objs] == [None, 1, 4]  # --file questions name their line
    for o in objs:
        assert set(o) - {"line"} == {"question", "abstained", "answer", "statements", "references"}
        assert isinstance(o["abstained"], bool) and isinstance(o["answer"], str)
        assert 1 <= len(o["statements"]) <= 3
        scores = [s["score"] for s in o["statements"]]
        assert scores == sorted(scores, reverse=True)
        for s in o["statements"]:
            assert set(s) - {"lead"} == {"id", "text", "citations", "section", "document", "score", "cosine", "support"}
            assert all(set(c) == {"text", "citations"} for c in s.get("lead", []))
            assert s["support"] in ("direct", "related", "weak", "cites") and isinstance(s["cosine"], float)
            assert s["document"] == "breast_cancer_resistance_review.md"
            assert s["citations"] == sorted(s["citations"])
            assert all(isinstance(n, int) for n in s["citations"])
            assert isinstance(s["score"], float)
        # the shown statements' numbers, and those of the clauses a statement goes on from
        cited = sorted({n for s in o["statements"] for c in [s, *s.get("lead", [])] for n in c["citations"]})
        assert [r["number"] for r in o["references"]] == cited
        for r in o["references"]:  # every key in test_assistant.test_answer_shape
            assert r["document"] == "breast_cancer_resistance_review.md" and r["text"] and isinstance(r["year"], int)
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


def _with_fake(monkeypatch, fake_assistant):
    import bcqa.assistant

    monkeypatch.setattr(bcqa.assistant.Assistant, "load", classmethod(lambda cls, *a, **k: fake_assistant))


def test_escape_sequences_never_reach_analysis_or_the_terminal(capsys, monkeypatch, fake_assistant):
    _with_fake(monkeypatch, fake_assistant)
    assert main(["ask", "\x1b[31mWhat does HOTAIR do?\x1b[0m\x07\x9b2J\u202e"]) == 0
    out = capsys.readouterr().out
    assert "Q: What does HOTAIR do?\n" in out
    assert not any(c in out for c in "\x1b\x07\x9b\u202e")
    assert "31m" not in out and "HOTAIR" in out


def test_question_file_with_nul_and_blank_lines_keeps_line_numbers(capsys, monkeypatch, fake_assistant, tmp_path):
    _with_fake(monkeypatch, fake_assistant)
    qfile = tmp_path / "q.txt"
    qfile.write_bytes(b"What does\x00 HOTAIR do?\r\n\n\x00\x00\n   \nTP53 mutations\n")
    assert main(["ask", "--json", "--file", str(qfile)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(o["line"], o["question"]) for o in out] == [(1, "What does HOTAIR do?"), (5, "TP53 mutations")]


def test_bad_line_in_question_file_is_named(capsys, monkeypatch, fake_assistant, tmp_path):
    _with_fake(monkeypatch, fake_assistant)
    qfile = tmp_path / "q.txt"
    qfile.write_text("TP53\n\n" + "x" * 3000 + "\n", encoding="utf-8")
    assert main(["ask", "--file", str(qfile)]) == 2
    err = capsys.readouterr().err
    assert f"line 3 of {qfile}" in err and "characters long" in err


def test_binary_question_file_exits_2(capsys, tmp_path):
    qfile = tmp_path / "q.bin"
    qfile.write_bytes(bytes(range(128, 256)))
    with pytest.raises(SystemExit) as exit_:
        main(["ask", "--file", str(qfile)])
    assert exit_.value.code == 2
    assert "cannot read questions" in capsys.readouterr().err


OTHER_SCRIPTS = ["什么基因导致化疗耐药？", "ما هي الجينات المرتبطة بمقاومة العلاج؟", "Какие гены?"]


@pytest.mark.parametrize("question", OTHER_SCRIPTS)
def test_questions_in_other_scripts_ask_for_english(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert a.abstained and "English" in a.answer and not a.statements


def test_greek_letters_and_accents_are_still_read(fake_assistant):
    assert "English" not in fake_assistant.ask("TGF-β and résistance to chemotherapy").answer


def test_corpus_without_statements_exits_2(capsys, tmp_path):
    doc = tmp_path / "empty.md"
    doc.write_text("# Title only\n", encoding="utf-8")
    assert main(["ask", "--corpus", str(doc), "--index-dir", str(tmp_path / "i"), "TP53"]) == 2
    assert "no statements" in capsys.readouterr().err


@pytest.mark.model
def test_a_folders_empty_file_is_left_out_with_a_warning_and_read_once_it_has_text(capsys, tmp_path):
    """One empty (or binary) file among a folder's documents does not stop the others: it is named in a
    warning and left out; once it holds a document, the next question's build reads it."""
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "biochar.md").write_text(
        "# Biochar\n\nBiochar raised soil microbial biomass by 18% [1].\n\n## References\n\n"
        "1. Smith J. Biochar. Soil Biol Biochem. 2020;1:2.\n",
        encoding="utf-8",
    )
    (folder / "todo.md").write_text("", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02PDF" * 50)
    args = ["ask", "--corpus", str(folder), "--index-dir", str(tmp_path / "i"), "Does biochar raise microbial biomass?"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "raised soil microbial biomass by 18% [1]" in out
    assert "todo.md: the document is empty; left out of the index" in err
    assert "scan.txt" in err and "not a text file" in err
    (folder / "todo.md").write_text(
        "# Char\n\nSoil pH rose after pyrolysed straw was added [1].\n\n## References\n\n"
        "1. Roe K. Straw. Geoderma. 2021;3:4.\n",
        encoding="utf-8",
    )
    assert main([*args[:-1], "--json", "Does soil pH rise after straw char is added?"]) == 0
    out, err = capsys.readouterr()
    assert "building the index" in err and "todo.md: the document is empty" not in err
    assert json.loads(out)["statements"][0]["document"] == "todo.md"
    # With no document left to read, the build stops and says why.
    for f in folder.iterdir():
        f.write_text("", encoding="utf-8")
    assert main(args) == 2
    assert "none of the 3 documents can be read" in capsys.readouterr().err
