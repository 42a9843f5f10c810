"""The HTML reports as a reader meets them: titled, navigable, sortable, printable, every link working offline.

PER-2021's reports are rendered once by the real `mgi run` into a temporary folder; the page checks read the HTML,
the browser checks drive headless Chromium (Debian's, through Playwright) with the network cut: clicking a heading's
text sorts, the filter boxes filter, the search finds a phrase in any column (also in columns not shown), printing
to PDF (page.pdf) holds every row and the quotes and no paging controls, and every link of every report leads to
a file or an anchor that is there. Expected values come from the profile's own tables (pandas), never typed in.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

import browser
from helpers.data.loader import load_profile
from helpers.reports.common.display import link_href
from helpers.reports.common.text import REPORT_NAMES, report_title
from helpers.run.registry import PER_PROFILE_NOTEBOOKS

MGI = [sys.executable, "-m", "helpers"]
PID = "PER-2021"
needs_browser = pytest.mark.skipif(browser.missing_reason() is not None, reason=str(browser.missing_reason()))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pages") / "reports"
    res = subprocess.run(MGI + ["run", "--profile", PID, "--out", str(out), "--jobs", "2"], capture_output=True,
                         text=True, timeout=1500)
    assert res.returncode == 0, res.stdout + res.stderr
    return out


@pytest.fixture(scope="module")
def peru():
    return load_profile(PID)


def report(out: Path, nb: str) -> Path:
    return out / PID / nb / f"{nb}.html"


class _Page(HTMLParser):
    """Ids, links, the <title> and the first <h1> of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.title = ""
        self.h1 = None
        self._in = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "title" or (tag == "h1" and self.h1 is None):
            self._in = tag
            if tag == "h1":
                self.h1 = ""

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = ""

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


def parsed(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


# --- the pages, read as HTML ---------------------------------------------------------------------------------

@pytest.mark.parametrize("nb", PER_PROFILE_NOTEBOOKS)
def test_title_and_heading_name_the_report_and_the_profile(out, peru, nb):
    page = parsed(report(out, nb))
    expected = report_title(nb, [peru])
    assert expected == f"{peru.short_name} – {REPORT_NAMES[nb]} – MGI {peru.mgi['edition']}"
    assert page.title.strip() == expected  # the browser's tab, a bookmark, a printed page's header
    assert page.h1.strip() == expected
    assert page.title.strip() != "Notebook"


@pytest.mark.parametrize("nb", PER_PROFILE_NOTEBOOKS)
def test_notes_for_notebook_users_are_not_in_the_report(out, nb):
    text = report(out, nb).read_text(encoding="utf-8")
    assert "output_dir" not in text and "Parameters:" not in text and "**Parameters.**" not in text
    import nbformat

    from helpers.paths import notebooks_dir

    cells = nbformat.read(str(notebooks_dir() / f"{nb}.ipynb"), as_version=4).cells
    notes = [c for c in cells if "notebook-only" in c.metadata.get("tags", [])]
    assert notes and all("output_dir" in c.source for c in notes)  # kept in the notebook, tagged


@pytest.mark.parametrize("nb", PER_PROFILE_NOTEBOOKS)
def test_anchors_are_unique(out, nb):
    ids = parsed(report(out, nb)).ids
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"{nb}: ids used more than once: {dupes[:5]}"


def test_domain_progress_has_contents_and_anchors_that_name_the_domain(out, peru):
    text = report(out, "domain_progress").read_text(encoding="utf-8")
    page = parsed(report(out, "domain_progress"))
    year = peru.mgi["baseline_year"]
    updates = [i for i in page.ids if i.endswith(f"--Updates-since-{year}")]
    assert len(updates) == 6 and len(set(updates)) == 6  # one per domain, each with its domain in it
    assert any(i.startswith("1.-Migrants") for i in updates)
    assert 'class="mgi-toc"' in text
    toc = text[text.index('class="mgi-toc"'):text.index("</nav>", text.index('class="mgi-toc"'))]
    assert toc.count("href=\"#") >= 6 + 6 * 4
    assert "Every finding, searchable" in text


def test_each_report_links_the_index_the_downloads_and_its_charts(out):
    for nb in PER_PROFILE_NOTEBOOKS:
        page = parsed(report(out, nb))
        assert "../../index.html" in page.links
        for name in (f"../{PID}.xlsx", f"../{PID}-csv.zip", "../data/datapackage.json"):
            assert name in page.links, (nb, name)
        charts = sorted(p.name for p in (report(out, nb).parent / "charts").glob("*.png"))
        assert charts, nb
        for png in charts:
            assert f"charts/{png}" in page.links and f"charts/{png[:-4]}.svg" in page.links, (nb, png)


# --- in a browser ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium():
    if browser.missing_reason():
        pytest.skip(browser.missing_reason())
    with browser.chromium() as b:
        yield b


def _open(chromium, path: Path):
    page = browser.offline_page(chromium, viewport={"width": 1400, "height": 1000})
    page.goto(path.as_uri())
    page.wait_for_selector("table.dataTable tbody td", timeout=60_000)
    return page


def _table(page, heading: str):
    """The DataTables container whose headings include `heading`."""
    return page.locator("div.dt-container").filter(has=page.locator(f"th:has-text('{heading}')")).first


def _column(container, name: str) -> list[str]:
    heads = container.locator("div.dt-scroll-head th, thead th").all_inner_texts()
    j = [h.strip() for h in heads].index(name)
    return container.locator(f"div.dt-scroll-body tbody tr td:nth-child({j + 1})").all_inner_texts()


@needs_browser
def test_clicking_a_headings_text_sorts_the_table(out, peru, chromium):
    page = _open(chromium, report(out, "overview"))
    try:
        t = _table(page, "instrument_id")
        original = _column(t, "instrument_id")
        assert original == list(peru.instruments["instrument_id"][:10])  # the CSV's order at first
        title = t.locator("div.dt-scroll-head th .dt-column-title", has_text=re.compile(r"^year$"))
        title.click()  # the heading's text, not the 12-pixel arrow beside it
        page.wait_for_timeout(300)
        years = peru.instruments["year"]
        shown = _column(t, "year")
        assert shown == sorted(shown, key=lambda v: int(v) if v else -1)  # ascending, empty ("not stated") first
        title.click()
        page.wait_for_timeout(300)
        shown = _column(t, "year")
        assert shown[0] == str(int(years.max())) and shown == sorted(shown, key=lambda v: int(v) if v else -1,
                                                                     reverse=True)
        assert t.locator("div.dt-scroll-head th[aria-sort='descending']").count() == 1
        assert not page.errors and not page.network_requests
    finally:
        page.close()


@needs_browser
def test_filter_boxes_and_search_find_every_row_in_every_column(out, peru, chromium):
    page = _open(chromium, report(out, "overview"))
    try:
        t = _table(page, "instrument_id")
        heads = [h.strip() for h in t.locator("div.dt-scroll-head th").all_inner_texts()]
        box = t.locator("div.dt-scroll-foot tfoot input").nth(heads.index("type"))
        box.press_sequentially("law")  # typed, as a person does (the filter listens to keys)
        page.wait_for_timeout(400)
        types = _column(t, "type")
        expected = peru.instruments["type"].astype(str).str.contains("law", case=False)
        assert types and all("law" in v.lower() for v in types)
        assert f"of {int(expected.sum())} entries" in t.locator("div.dt-info").inner_text()
        box.fill("")
        box.press("Backspace")
        # a phrase in a column the table does not show at first (the original-language title) is found
        phrase = "Decreto Legislativo"
        frame = peru.instruments.astype(str)
        hits = int(frame.apply(lambda col: col.str.contains(phrase, case=False, regex=False)).any(axis=1).sum())
        assert hits >= 2
        t.locator("div.dt-search input").fill(phrase)
        page.wait_for_timeout(400)
        info = t.locator("div.dt-info").inner_text()
        assert f"of {hits} entries" in info or f"to {hits} of {hits}" in info, info
        assert "title_original" in heads  # shown, since lang's schema: the original-language title
        assert not page.errors and not page.network_requests
    finally:
        page.close()


def _pdf_text(page, path: Path) -> str:
    from pypdf import PdfReader

    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4", landscape=True, print_background=True)
    return " ".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def _norm(text: str) -> str:
    """Text as compared: NFKC (a PDF's 'ﬁ' ligature is 'fi'), soft hyphens out, whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).replace("\u00ad", "")).strip()


@needs_browser
@pytest.mark.parametrize("nb", ["overview", "domain_progress"])
def test_printed_report_holds_every_row_and_the_quotes_without_controls(out, peru, chromium, tmp_path, nb):
    page = _open(chromium, report(out, nb))
    try:
        text = _norm(_pdf_text(page, tmp_path / f"{nb}.pdf"))
        squashed = text.replace(" ", "")
        findings = peru.findings
        missing = [f for f in findings["finding_id"] if f not in text]
        assert not missing, f"{nb}: {len(missing)} of {len(findings)} findings not printed: {missing[:5]}"
        # the quote column: the opening words of every finding's quote are on paper
        absent = [r.finding_id for r in findings.itertuples()
                  if _norm(str(r.evidence))[:40].replace(" ", "") not in squashed]
        assert not absent, f"{nb}: quotes of {absent[:5]} not printed ({len(absent)} in all)"
        assert not re.search(r"Showing \d+ to \d+ of \d+ entries", text)  # no paging or search controls
        assert "Search:" not in text and "entries per page" not in text
        if nb == "overview":
            for iid in peru.instruments["instrument_id"]:
                assert iid.replace(" ", "") in squashed, iid
        assert not page.errors
    finally:
        page.close()


@needs_browser
def test_every_link_of_every_report_leads_somewhere_offline(out, peru, chromium):
    index = out / "index.html"
    pages = [index] + [report(out, nb) for nb in PER_PROFILE_NOTEBOOKS]
    for path in pages:
        page = browser.offline_page(chromium)
        try:
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            page.wait_for_timeout(500)
            hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
            ids = set(page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)"))
            for href in hrefs:
                u = urlparse(href)
                if u.scheme in ("http", "https", "mailto"):
                    continue  # the Key sources online (not followed offline; their addresses are checked below)
                assert u.scheme == "file", (path.name, href)
                target = Path(unquote(u.path))
                assert target.exists(), f"{path.name}: link to a missing file: {href}"
                if u.fragment and target == path:
                    assert unquote(u.fragment) in ids, f"{path.name}: link to a missing anchor: #{u.fragment}"
            for href in {h.split("#")[0] for h in hrefs if h.startswith("file:") and h.split("#")[0].endswith(".html")}:
                other = browser.offline_page(chromium)
                try:
                    other.goto(href)
                    other.wait_for_load_state("load")
                    assert not other.errors, (href, other.errors)
                finally:
                    other.close()
            assert not page.errors and not page.network_requests, (path.name, page.errors, page.network_requests)
        finally:
            page.close()


@needs_browser
def test_key_sources_addresses_are_links_to_the_address_the_profile_gives(out, peru, chromium):
    page = _open(chromium, report(out, "overview"))
    try:
        t = _table(page, "address")
        t.locator("button.buttons-page-length").click()  # every row on screen
        page.locator(".dt-button-collection").get_by_text(re.compile(r"^All$")).click()
        page.wait_for_timeout(400)
        heads = [h.strip() for h in t.locator("div.dt-scroll-head th").all_inner_texts()]
        j = heads.index("address") + 1
        cells = t.locator(f"div.dt-scroll-body tbody tr td:nth-child({j})")
        shown = [(c.inner_text(), c.locator("a").get_attribute("href") if c.locator("a").count() else None)
                 for c in cells.all()]
        assert len(shown) == len(peru.sources)
        for text, href in shown:
            assert href == link_href(text), text  # the same rule in the browser as in the print copy
        online = [a for a in peru.sources["address"] if isinstance(a, str) and a]
        assert sum(h is not None for _, h in shown) == len(online)
        # the print copy carries the same links
        printed = page.evaluate("() => [...document.querySelectorAll('.mgi-print-table a')].map(a => a.getAttribute('href'))")
        for a in online:
            assert link_href(a) in printed
    finally:
        page.close()
