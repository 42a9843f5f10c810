"""A small stand-in project for the runner tests: the real profiles, and tiny notebooks named like real ones.

The stand-in project (MGI_HOME) links the real profiles and holds a one-chart `overview` and a one-line
`compare_profiles`, so the runner tests exercise the runner itself in seconds; the real notebooks are run by the
notebook tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat

from helpers.paths import project_root

MGI = [sys.executable, "-m", "helpers"]

OVERVIEW_BODY = """\
import os, time
from helpers import load_profile
from helpers.reports.common.display import html_table
from IPython.display import HTML, display
import matplotlib.pyplot as plt
prof = load_profile(profile)
if os.environ.get("MGI_TEST_FAIL") == profile:
    raise RuntimeError("forced failure for " + profile)
if os.environ.get("MGI_TEST_SLEEP"):
    time.sleep(float(os.environ["MGI_TEST_SLEEP"]))
fig, ax = plt.subplots()
ax.bar([1, 2], [len(prof.findings), len(prof.instruments)])
ax.set_title("stand-in chart")
if output_dir:
    os.makedirs(output_dir, exist_ok=True)
    fig.savefig(os.path.join(output_dir, "standin.png"))
plt.show()
display(HTML(html_table(prof.findings[["finding_id", "summary"]].head(3))))
"""

COMPARE_BODY = """\
import os
from helpers import load_profile
if os.environ.get("MGI_TEST_FAIL") == "_compare":
    raise RuntimeError("forced failure for the comparison")
print("compared: " + ", ".join(load_profile(p).id for p in profiles))
"""


def _notebook(path: Path, params: str, body: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell(params)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell(body)]
    nbformat.write(nb, str(path))


def make_project(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "data" / "profiles").symlink_to(project_root() / "data" / "profiles")
    (root / "notebooks").mkdir()
    _notebook(root / "notebooks" / "overview.ipynb", 'profile = "PER-2021"\noutput_dir = ""', OVERVIEW_BODY)
    _notebook(root / "notebooks" / "compare_profiles.ipynb", 'profiles = []\noutput_dir = ""', COMPARE_BODY)
    return root


def environment(root: Path, profile_path: Path | None = None) -> dict:
    env = dict(os.environ, MGI_HOME=str(root),
               MGI_PROFILE_PATH=str(profile_path or project_root() / "tests" / "profiles"))
    for name in ("MGI_TEST_FAIL", "MGI_TEST_SLEEP"):
        env.pop(name, None)
    return env


def mgi_run(env: dict, *args, out: Path, notebooks=("overview",), timeout=300):
    nbs = [a for nb in notebooks for a in ("--notebook", nb)]
    return subprocess.run(MGI + ["run", *nbs, "--out", str(out), *args], env=env, capture_output=True, text=True,
                          timeout=timeout)
