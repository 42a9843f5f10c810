"""Exploring in `make lab` leaves the repository as it was: a notebook run in the notebooks folder and saved
through JupyterLab's contents manager, with the hook the Makefile's `lab` target gives it, changes no tracked file
(a run saved with its outputs used to make `make test` fail)."""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import subprocess

import nbformat
import pytest

from helpers.paths import notebooks_dir, project_root
from helpers.run import lab

ROOT = project_root()


def _lab_hook() -> str:
    """The pre_save_hook the Makefile's `lab` target passes to JupyterLab (read from `make -n lab`)."""
    res = subprocess.run(["make", "-n", "-s", "lab"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, MAKEFLAGS=""))
    assert res.returncode == 0, res.stderr
    words = shlex.split(res.stdout.replace("\\\n", " "))
    hooks = [w.split("=", 1)[1] for w in words if re.match(r"--\w*ContentsManager\.pre_save_hook=", w)]
    assert hooks, f"`make lab` sets no pre_save_hook: {res.stdout}"
    return hooks[0]


def _tracked_state() -> tuple[str, dict[str, str]]:
    """git's view of the tracked files, and the hash of every tracked file under notebooks/ and data/."""
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    files = subprocess.run(["git", "ls-files", "notebooks", "data"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    return status, {f: hashlib.sha256((ROOT / f).read_bytes()).hexdigest() for f in files if (ROOT / f).is_file()}


def test_make_lab_saves_notebooks_through_the_stripping_hook():
    assert _lab_hook() == lab.HOOK


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout")
def test_running_and_saving_a_notebook_in_the_lab_changes_no_tracked_file():
    from jupyter_server.services.contents.filemanager import FileContentsManager
    from nbclient import NotebookClient

    name = "migration_statistics.ipynb"
    path = notebooks_dir() / name
    original = path.read_bytes()
    before = _tracked_state()
    cm = FileContentsManager(root_dir=str(notebooks_dir()), pre_save_hook=_lab_hook())
    try:
        model = cm.get(name)
        nb = nbformat.from_dict(model["content"])
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(notebooks_dir())}}).execute()  # as the lab runs it
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), "the notebook produced nothing"
        cm.save({"type": "notebook", "format": "json", "content": nb}, name)  # what the lab's Save does
        after = _tracked_state()
        assert path.read_bytes() == original, "saving the executed notebook changed it"
        assert after == before, "running a notebook changed tracked files"
    finally:
        if path.read_bytes() != original:  # a failing hook must not leave the repository dirty
            path.write_bytes(original)


def test_the_committed_form_is_what_nbstripout_verifies(tmp_path):
    """A notebook with outputs, counts, run metadata: after the hook, `nbstripout --keep-id --verify` passes."""
    nb = nbformat.read(str(notebooks_dir() / "overview.ipynb"), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.execution_count = 3
            cell.outputs = [nbformat.v4.new_output("stream", text="x")]
            cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01"}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.2", "mimetype": "text/x-python"}
    model = {"type": "notebook", "content": nb}
    lab.strip_on_save(model)
    out = tmp_path / "nb.ipynb"
    nbformat.write(model["content"], str(out))
    assert out.read_bytes() == (notebooks_dir() / "overview.ipynb").read_bytes()
