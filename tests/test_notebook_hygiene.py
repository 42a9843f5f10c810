"""Every notebook is committed as the reader should get it: no outputs, the `parameters` cell first, the python3
kernelspec, and thin code cells (the computation lives in src/helpers)."""

from __future__ import annotations

import ast

import nbformat
import pytest

from helpers.paths import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))
MAX_CODE_LINES = 15  # a cell that needs more is computing, and belongs in a helper


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.stem)
def nb(request):
    return nbformat.read(str(request.param), as_version=4)


def test_there_are_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= {"overview", "domain_progress", "migration_statistics",
                                           "covid_responses", "compare_profiles"}


def test_first_code_cell_is_tagged_parameters_and_only_assigns(nb):
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "parameters" in first.metadata.get("tags", [])
    tree = ast.parse(first.source)
    assert tree.body and all(isinstance(node, ast.Assign) for node in tree.body)


def test_kernelspec_is_python3(nb):
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_no_outputs_are_committed(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_code_cells_are_thin(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = [ln for ln in cell.source.splitlines() if ln.strip() and not ln.strip().startswith("#")]
            assert len(lines) <= MAX_CODE_LINES, cell.source
            tree = ast.parse(cell.source)
            assert not any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) for n in ast.walk(tree)), cell.source


def test_notebooks_never_set_a_backend(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert "matplotlib.use(" not in cell.source and "%matplotlib" not in cell.source


def test_helpers_never_set_a_backend():
    """Setting Agg in a helper would strip every chart from a papermill report."""
    from helpers.paths import project_root

    for path in (project_root() / "src" / "helpers").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "matplotlib.use(" not in text and "switch_backend" not in text, path.name
