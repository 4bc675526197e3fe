"""The README's examples run as written: the Python block and the golden-file section."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.model


def _blocks(language: str, section: str) -> list[str]:
    body = README.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", body, re.S)


def test_python_example_runs(tmp_path):
    (code,) = _blocks("python", "Python / notebooks")
    example_index = Path("/tmp/bcqa-reviews-index")
    existed = example_index.exists()
    env = {**os.environ, "BCQA_INDEX": str(tmp_path / "index")}  # not the checkout's index/
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    if not existed:
        shutil.rmtree(example_index, ignore_errors=True)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[1] == "Does MDR1 also predict survival?"
    assert "amr_gram_negative.md" in lines[2]


def test_golden_file_example_runs_under_pytest_and_eval(tmp_path):
    (golden,) = _blocks("toml", "Regression tests on expected answers")
    (commands,) = _blocks("bash", "Regression tests on expected answers")
    document = re.search(r'document = "(.+?)"', golden).group(1)
    shutil.copy(ROOT / "corpus" / document, tmp_path)
    (tmp_path / "review.golden.toml").write_text(golden, encoding="utf-8")
    env = {**os.environ, "BCQA_INDEX": str(tmp_path / "index")}
    for line in commands.strip().splitlines():
        program, *args = line.split()
        proc = subprocess.run([str(BIN / program), *args], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert proc.returncode == 0, f"{line}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
