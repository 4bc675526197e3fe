"""A user's golden file: under pytest (the bcqa plugin) and under `bcqa eval --fail-under`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS_FILE

BCQA = Path(sys.executable).with_name("bcqa")
GOLDEN = """document = "{document}"

[[question]]
question = "Which transporter gene predicts a poor response to chemotherapy?"
expect_text = ["ABCB1 (MDR1) is the most frequently overexpressed gene"]
citations = [5, 6]

[[question]]
question = "What is the capital of France?"
kind = "off-topic"

[[question]]
question = "How does miR-21 cause radioresistance?"
expect_text = ["LINP1 functions as a tumor suppressor"]
"""

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A user's folder: their review and a golden file about it."""
    root = tmp_path_factory.mktemp("user")
    shutil.copy(CORPUS_FILE, root)
    (root / "review.golden.toml").write_text(GOLDEN.format(document=CORPUS_FILE.name), encoding="utf-8")
    return root


def test_pytest_runs_a_golden_file_with_readable_failures(project):
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "review.golden.toml"], cwd=project, capture_output=True, text=True
    )
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    assert "1 failed, 2 passed" in out
    # The failure says what was asked, what was expected and what bcqa showed.
    report = out.split("FAILURES")[1]
    assert "question: How does miR-21 cause radioresistance?" in report
    assert "expected statement first, found it not among the shown statements" in report
    assert "- while LINP1 functions as a tumor suppressor enhancing radiotherapy effects. [13]" in report
    assert "1. miR-21 promotes radioresistance via cancer stem cells [13, 14] (direct; Non-Coding RNAs)" in report
    assert "Traceback" not in out


def test_eval_fail_under_sets_the_exit_status(project, tmp_path):
    base = [str(BCQA), "eval", "-q", "review.golden.toml", "--corpus", CORPUS_FILE.name, "--index-dir", "ix"]
    run = lambda *extra: subprocess.run([*base, *extra], cwd=project, capture_output=True, text=True)  # noqa: E731
    strict = run("--fail-under", "top1=0.9", "--fail-over", "false_abstention=0.1")
    assert strict.returncode == 1 and "top1 0.500 is below 0.9" in strict.stderr
    lenient = run("--fail-under", "top1=0.5", "--fail-under", "offtopic_abstention=1")
    assert lenient.returncode == 0, lenient.stderr
    bad = run("--fail-under", "recall=1")
    assert bad.returncode == 2 and "unknown metric 'recall'" in bad.stderr
