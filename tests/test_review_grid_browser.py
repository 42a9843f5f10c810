"""The review grid in a real JupyterLab (headless Chromium): the notebook's grid is drawn, and a decision typed into
a cell of it, as a person types it, is recorded by the kernel (the line under the grid counts it)."""

from __future__ import annotations

import pytest

import browser
from test_lab_browser import RUN_ALL, STATE, chromium, lab  # noqa: F401  (the JupyterLab server and browser)

pytestmark = pytest.mark.skipif(browser.missing_reason() is not None, reason=str(browser.missing_reason()))


def test_a_decision_typed_into_the_grid_is_recorded(lab, chromium):  # noqa: F811
    base, token = lab
    page = browser.offline_page(chromium, viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/lab/tree/review_draft.ipynb?token={token}&reset", wait_until="domcontentloaded")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                               " && window.jupyterapp.shell.currentWidget.sessionContext", timeout=60_000)
        page.evaluate(RUN_ALL)
        for _ in range(480):
            state = page.evaluate(STATE)
            if (state["pending"] == 0 and state["status"] == "idle") or state["errors"]:
                break
            page.wait_for_timeout(500)
        assert not state["errors"], state["errors"]
        page.wait_for_timeout(1500)
        grid = page.locator(".lm-DataGrid, .p-DataGrid").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        # the first row's decision cell: right of the row-number column, below the header
        page.mouse.dblclick(box["x"] + 100, box["y"] + 29)
        page.wait_for_timeout(500)
        page.keyboard.press("Control+A")
        page.keyboard.type("reject")
        page.keyboard.press("Enter")
        status = ""
        for _ in range(40):
            status = " ".join(t for t in page.locator(".jp-OutputArea-output").all_inner_texts() if "findings:" in t)
            if "reject: 1" in status:
                break
            page.wait_for_timeout(250)
        assert "reject: 1" in status and "row 1: reject" in status, status
    finally:
        page.close()
