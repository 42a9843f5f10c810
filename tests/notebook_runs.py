"""Running a project notebook under papermill from a folder other than notebooks/, and reading what it shows."""

from __future__ import annotations

import papermill as pm

from helpers.paths import notebooks_dir


def run(name: str, tmp_path, **parameters):
    """Execute notebooks/<name>.ipynb with the given parameters; the kernel starts in tmp_path."""
    out = tmp_path / f"{name}-executed.ipynb"
    return pm.execute_notebook(str(notebooks_dir() / f"{name}.ipynb"), str(out), parameters=parameters,
                               kernel_name="python3", cwd=str(tmp_path), progress_bar=False)


def shown_text(nb) -> str:
    """Everything the executed notebook displays as Markdown, HTML or text."""
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            parts += [data.get("text/markdown", ""), data.get("text/html", ""), o.get("text", "")]
    return "\n".join(parts)


def images(nb) -> int:
    """How many charts the executed notebook shows."""
    return sum(1 for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {}))


def pngs(folder) -> set[str]:
    return {p.name for p in folder.glob("*.png")}
