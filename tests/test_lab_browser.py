"""The exploration the design card names, in a real browser: JupyterLab, each notebook, Run All.

A JupyterLab server starts on a free local port with a token, serving copies of notebooks/ (so nothing is
saved into the repository); headless Chromium (Debian's, driven by Playwright) opens each notebook with its
default parameters, runs all cells and checks what a person would see: no cell shows an error, every chart
the kernel produced is on the page as an image, and the searchable tables are built. The fictional profiles
are on the server's MGI_PROFILE_PATH, so compare_profiles has editions to compare.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

import browser
from helpers.paths import notebooks_dir, project_root

NOTEBOOKS = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))
RUN_TIMEOUT_S = 240  # one notebook, all cells

pytestmark = pytest.mark.skipif(browser.missing_reason() is not None, reason=str(browser.missing_reason()))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    work = root / "notebooks"
    shutil.copytree(notebooks_dir(), work, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, MGI_PROFILE_PATH=str(project_root() / "tests" / "profiles"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"), JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"),
               JUPYTER_CONFIG_DIR=str(root / "config"))
    env.pop("MPLBACKEND", None)  # the notebooks' charts use the kernel's inline backend, as in a person's lab
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
           "--LabApp.expose_app_in_browser=True",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.news_url=None"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = (root / "lab.log").open("w")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
        time.sleep(0.3)
    try:
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def chromium():
    with browser.chromium() as b:
        yield b


RUN_ALL = """async () => {
    const app = window.jupyterapp;
    const panel = app.shell.currentWidget;
    await panel.context.ready;
    await panel.sessionContext.ready;
    await app.commands.execute('notebook:run-all-cells');
}"""

STATE = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const cells = panel.content.model.toJSON().cells.filter(c => c.cell_type === 'code');
    const node = panel.content.node;
    return {
        status: panel.sessionContext.kernelDisplayStatus,
        pending: cells.filter(c => c.execution_count === null).length,
        errors: cells.flatMap(c => c.outputs.filter(o => o.output_type === 'error')
                                         .map(o => o.ename + ': ' + o.evalue)),
        images: cells.flatMap(c => c.outputs).filter(o => o.data && o.data['image/png']).length,
        shown: [...node.querySelectorAll('.jp-OutputArea-output img')]
                 .filter(i => i.complete && i.naturalWidth > 0).length,
        itables: cells.flatMap(c => c.outputs).filter(o => o.data && /itables_/.test(o.data['text/html'] || '')).length,
        datatables: node.querySelectorAll('table.dataTable').length,
        grids: node.querySelectorAll('.lm-DataGrid, .p-DataGrid').length,
        widget_errors: [...node.querySelectorAll('.jp-OutputArea-output')]
                         .filter(n => /Error displaying widget|model not found/.test(n.innerText)).length,
        tracebacks: [...node.querySelectorAll('.jp-OutputArea-output')]
                      .filter(n => /Traceback \\(most recent call last\\)/.test(n.innerText)).length,
    };
}"""


def test_there_are_notebooks_to_open():
    assert NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab_and_shows_its_charts(lab, chromium, name):
    base, token = lab
    page = browser.offline_page(chromium, viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/lab/tree/{name}?token={token}&reset", wait_until="domcontentloaded")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                               " && window.jupyterapp.shell.currentWidget.sessionContext", timeout=60_000)
        page.evaluate(RUN_ALL)
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while True:
            state = page.evaluate(STATE)
            if (state["pending"] == 0 and state["status"] == "idle") or state["errors"]:
                break
            assert time.monotonic() < deadline, f"{name}: cells still running after {RUN_TIMEOUT_S} s: {state}"
            page.wait_for_timeout(500)
        page.wait_for_timeout(1500)  # images decode, tables build
        state = page.evaluate(STATE)
        assert not state["errors"], f"{name}: a cell shows an error: {state['errors']}"
        assert state["tracebacks"] == 0, f"{name}: a traceback is shown on the page"
        source = json.loads((notebooks_dir() / name).read_text(encoding="utf-8"))
        code = "\n".join("".join(c["source"]) for c in source["cells"] if c["cell_type"] == "code")
        if "show(" in code:
            assert state["images"] > 0, f"{name}: the kernel made no chart"
        assert state["shown"] == state["images"], f"{name}: {state['images']} charts made, {state['shown']} shown"
        if ".widget()" in code:  # the review grid (ipydatagrid) is drawn, not left as a model the page cannot show
            assert state["grids"] > 0 and state["widget_errors"] == 0, f"{name}: the grid is not shown: {state}"
        if state["itables"]:
            assert state["datatables"] >= state["itables"], f"{name}: searchable tables not built: {state}"
        assert not page.network_requests, f"{name}: the page reached out: {page.network_requests[:5]}"
    finally:
        page.close()
