"""Headless Chromium for the browser tests: Debian's chromium driven by Playwright (its own download is offline)."""

from __future__ import annotations

import shutil
from contextlib import contextmanager

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not shutil.which(CHROMIUM):
        return "chromium is not installed (apt-get install -y chromium; .ci/run installs it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements.txt)"
    return None


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def offline_page(browser, **kwargs):
    """A page that may load only local files: any request to the network is refused and recorded."""
    page = browser.new_page(**kwargs)
    page.network_requests = []
    page.errors = []
    page.dialogs = []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")) or "127.0.0.1" in r.request.url:
            r.continue_()
        else:
            page.network_requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return page
