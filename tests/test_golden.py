"""Golden regression set, with the real bundled model.

Each row of golden/golden.toml is a question as a researcher would ask it, the
statement that answers it, and that statement's exact reference numbers.
"""

from __future__ import annotations

import pytest

from bcqa.evaluate import load_golden
from conftest import GOLDEN

ROWS = load_golden(GOLDEN)


def test_golden_set_is_big_enough():
    assert len(ROWS) >= 40
    assert len({r.question for r in ROWS}) == len(ROWS)


@pytest.mark.model
@pytest.mark.parametrize("row", ROWS, ids=[f"{i:02d}" for i in range(len(ROWS))])
def test_expected_statement_in_top3_with_its_citations(real_assistant, row):
    answer = real_assistant.ask(row.question, k=3)
    ranked = [h.statement for h in answer.statements]
    found = [s for s in ranked if s.id in row.expect]
    assert found, f"expected {row.expect} in top 3, got {[(s.id, s.text[:50]) for s in ranked]}"
    assert found[0].citations == row.citations
    # Every citation shown belongs to a shown statement, and the reference list is exactly those.
    cited = sorted({n for s in ranked for n in s.citations})
    assert [r.number for r in answer.references] == cited
