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


def backend_settings(source: str) -> list[str]:
    """Every place a module sets matplotlib's backend: matplotlib.use (under any alias), pyplot.switch_backend,
    rcParams['backend'] or the MPLBACKEND environment variable."""
    tree = ast.parse(source)
    aliases = {"matplotlib"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            aliases |= {a.asname or a.name for a in node.names if a.name == "matplotlib"}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "matplotlib" and any(a.name == "use" for a in node.names):
            found.append(f"line {node.lineno}: from matplotlib import use")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            f = node.func
            if f.attr == "switch_backend" or (f.attr == "use" and isinstance(f.value, ast.Name) and f.value.id in aliases):
                found.append(f"line {node.lineno}: {ast.unparse(f)}(...)")
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) \
                and node.slice.value in ("backend", "MPLBACKEND"):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_the_backend_check_finds_each_way_of_setting_one():
    assert backend_settings("import matplotlib as mpl\nmpl.use('Agg')")
    assert backend_settings("import matplotlib.pyplot as plt\nplt.switch_backend('agg')")
    assert backend_settings("from matplotlib import use")
    assert backend_settings("import matplotlib\nmatplotlib.rcParams['backend'] = 'Agg'")
    assert backend_settings("import os\nos.environ['MPLBACKEND'] = 'Agg'")
    assert not backend_settings("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.use = 1")


def test_helpers_never_set_a_backend():
    """Setting Agg in a helper would strip every chart from a papermill report. Every module of the package is
    read, at any depth (the chart modules live in helpers/reports/<report>/)."""
    from helpers.paths import project_root

    root = project_root() / "src" / "helpers"
    modules = sorted(root.rglob("*.py"))
    names = {p.relative_to(root).as_posix() for p in modules}
    assert {"reports/common/style.py", "reports/progress/charts.py", "reports/covid/charts.py",
            "run/execute.py"} <= names, "the walk missed the nested modules"
    for path in modules:
        assert not backend_settings(path.read_text(encoding="utf-8")), path.relative_to(root).as_posix()


REPORTS = [p for p in NOTEBOOKS if p.stem != "review_draft"]  # the notebooks `mgi run` renders into HTML


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_a_report_notebook_tags_its_heading_and_its_notes_for_notebook_users(path):
    """The heading cell is tagged report-title (the HTML shows the report's title there); every note about the
    parameters or output_dir is tagged notebook-only (left out of the HTML, kept in the notebook)."""
    from helpers.run.page import NOTEBOOK_ONLY_TAG, TITLE_TAG

    cells = nbformat.read(str(path), as_version=4).cells
    assert TITLE_TAG in cells[0].metadata.get("tags", []) and cells[0].source.startswith("# ")
    for cell in cells:
        if cell.cell_type == "markdown" and ("output_dir" in cell.source or "Parameters" in cell.source):
            assert NOTEBOOK_ONLY_TAG in cell.metadata.get("tags", []), cell.source[:80]
    assert any(NOTEBOOK_ONLY_TAG in c.metadata.get("tags", []) for c in cells)
