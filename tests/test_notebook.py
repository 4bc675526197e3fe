"""The quickstart notebook runs top to bottom, and is stored without outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "quickstart.ipynb"

pytestmark = pytest.mark.model


def test_notebook_is_stored_without_outputs():
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


def test_notebook_executes(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Executed in memory: the stored file is never rewritten.
    NotebookClient(
        nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    outputs = {i: c.outputs for i, c in enumerate(nb.cells) if c.cell_type == "code"}
    errors = [o for out in outputs.values() for o in out if o.output_type == "error"]
    assert errors == []
    html = "".join(o.get("data", {}).get("text/html", "") for out in outputs.values() for o in out)
    assert "class='bcqa-answer'" in html and "miR-21 promotes radioresistance" in html
    text = "".join(o.get("text", "") for out in outputs.values() for o in out)
    assert " of 12 passed" in text
