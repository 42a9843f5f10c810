"""Markup typed into a CSV or the metadata must reach the rendered HTML reports as text, never as markup.

Copies of the fictional profiles get HTML and Markdown in the fields the reports display but the validator
does not compare with the source text (summaries, labels, titles, names, reasons, the metadata); every report
is then rendered by the real `mgi run` and read back. Each piece of markup carries a unique key, so a tag that
reaches a report raw, or mangled by the Markdown renderer, is found wherever it lands.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import browser
from helpers.data.validate import check_profile
from profile_cases import copy_profile

MGI = [sys.executable, "-m", "helpers"]


def script(key: str) -> str:
    return f'<script>alert("{key}")</script> '


def img(key: str) -> str:
    return f"<img src=x alt={key} onerror=alert(1)> "  # valid HTML: a Markdown renderer passes it through


# (table, id of the row (first column), column, text put in front of the cell); each key is unique.
# partnerships.name is marked too although no report displays it today: if one starts to, the raw-markup check
# below covers it. (sources.title is shown in the overview's searchable tables.)
CELL_MARKUP = [
    ("findings", "F007", "summary", script("findings-summary")),
    ("statistics", "ST005", "label", img("statistics-label")),
    ("statistics", "ST005", "source_org", script("statistics-source_org")),
    ("instruments", "LAW-412", "title_en", "**bold** <b>b</b> "),
    ("instruments", "LAW-101", "title_en", script("instruments-title_en")),
    ("covid_responses", "C01", "measure", script("covid-measure")),
    ("errata", "E01", "reason", script("errata-reason")),
    ("partnerships", "gfmd-participant-2021", "name", img("partnerships-name")),
    ("sources", "S-central-bank-of-examplia-2021", "title", script("sources-title")),
]
NOT_DISPLAYED = {"partnerships-name", "meta-title"}  # meta-title: shown in index.html only
METADATA_MARKUP = {  # datapackage.json: the top-level title, and fields of "mgi"
    "title": script("meta-title"),
    "mgi.country": img("meta-country"),
    "mgi.citation": script("meta-citation"),
    "mgi.baseline_title": "**bold** <b>b</b> ",
}

RAW = ["<script>alert", "<img src=x", "<b>b</b>", "<strong>bold</strong>"]  # markup, or Markdown rendered
WRONG = ["&amp;lt;", "alert\\(", "\\*\\*bold"]  # escaped twice, or Markdown escapes left visible in HTML
KEYS = [re.search(r'alert\("([^"]+)"|alt=(\S+)', t).group(1, 2) for t in
        [c[3] for c in CELL_MARKUP] + list(METADATA_MARKUP.values()) if "<" in t and "<b>" not in t]
KEYS = [a or b for a, b in KEYS]
# what a reader must see right before a key: the escaped opening of its tag (from html.escape, pandas or a
# Markdown renderer; in a heading's anchor the spaces become '-' and the link to it is %-encoded; in the data of
# an interactive table, HTML-escaped text inside a JSON string, so the quote carries backslashes)
ESCAPED_OPENING = re.compile(
    r"((&lt;|%3C)script(&gt;|%3E)alert\((&quot;|&#34;|\\*\"|%22)|(&lt;|%3C)img[ -]src=x[ -]alt=)$")


def key_contexts(text: str, key: str) -> list[str]:
    """The 60 characters before every occurrence of key in a report."""
    return [text[max(0, m.start() - 60):m.start()] for m in re.finditer(re.escape(key), text)]


def _prefix_cell(path: Path, row_id: str, column: str, text: str) -> bool:
    if not path.is_file():
        return False
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    hits = [r for r in rows[1:] if r[0] == row_id]
    if not hits:
        return False
    j = rows[0].index(column)
    hits[0][j] = text + hits[0][j]
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return True


def add_markup(folder: Path) -> list[str]:
    """Put the markup into a copy of a profile; return the cells it could not mark (rows the profile lacks)."""
    missed = [f"{table}.csv {row_id}" for table, row_id, column, text in CELL_MARKUP
              if not _prefix_cell(folder / f"{table}.csv", row_id, column, text)]
    dp = folder / "datapackage.json"
    md = json.loads(dp.read_text(encoding="utf-8"))
    for key, text in METADATA_MARKUP.items():
        *parents, name = key.split(".")
        target = md
        for p in parents:
            target = target[p]
        if target.get(name):
            target[name] = text + target[name]
        else:
            missed.append(key)
    dp.write_text(json.dumps(md, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return missed


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """Every report of both fictional profiles (and their comparison), rendered from copies full of markup."""
    root = tmp_path_factory.mktemp("escaping")
    home = root / "profiles"
    home.mkdir()
    for pid in ("XEX-2019", "XEX-2022"):
        folder = copy_profile(pid, home)
        missed = add_markup(folder)
        assert pid != "XEX-2022" or not missed, f"XEX-2022 lacks the rows to mark: {missed}"
        checked = check_profile(folder)
        assert checked.ok, "the markup must not make the profile invalid:\n" + \
            "\n".join(p.format() for p in checked.problems)
    out = root / "reports"
    env = dict(os.environ, MGI_PROFILE_PATH=str(home))
    env.pop("MGI_HOME", None)
    res = subprocess.run(MGI + ["run", "--profile", "XEX-2019", "--profile", "XEX-2022", "--out", str(out),
                                "--jobs", "2"], env=env, cwd=root, capture_output=True, text=True, timeout=1200)
    assert res.returncode == 0, res.stdout + res.stderr
    return out


def _reports(out: Path) -> dict[str, str]:
    found = {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.glob("*/*/*.html"))}
    assert found, "no HTML report was rendered"
    return found


def test_every_report_was_rendered(rendered):
    names = set(_reports(rendered))
    manifest = json.loads((rendered / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["reports"] and all(r["status"] == "ok" for r in manifest["reports"])
    assert names == {f"{r['key']}/{r['notebook']}/{r['notebook']}.html" for r in manifest["reports"]}
    assert any(n.startswith("_compare/") for n in names)


def test_no_report_holds_raw_markup(rendered):
    leaks = [(name, raw) for name, text in _reports(rendered).items() for raw in RAW if raw in text]
    assert not leaks, f"markup from the data reached a report unescaped: {leaks}"


def test_every_occurrence_of_the_markup_is_escaped(rendered):
    """A tag left raw, or mangled by the Markdown renderer ('<script></script>alert'), is found by its key."""
    bad = [(name, key, before[-40:]) for name, text in _reports(rendered).items() for key in KEYS
           for before in key_contexts(text, key) if not ESCAPED_OPENING.search(before)]
    assert not bad, f"markup from the data not shown as escaped text: {bad}"
    wrong = [(name, w) for name, text in _reports(rendered).items() for w in WRONG if w in text]
    assert not wrong, f"text escaped twice, or Markdown escapes left visible in HTML: {wrong}"


def test_markdown_in_the_data_is_shown_as_text(rendered):
    everything = "\n".join(_reports(rendered).values())
    assert "**bold** &lt;b&gt;b&lt;/b&gt;" in everything


@pytest.mark.parametrize("key", [k for k in KEYS if k not in NOT_DISPLAYED])
def test_each_marked_field_is_shown(rendered, key):
    """Not vacuous: each field marked above is displayed by some report (escaped, by the test above)."""
    shown = [name for name, text in _reports(rendered).items() if key_contexts(text, key)]
    assert shown, f"the markup put in {key} appears in no report"


def test_index_escapes_the_profile_title(rendered):
    index = (rendered / "index.html").read_text(encoding="utf-8")
    # the index is a Jinja2 template with autoescape, which writes a double quote as &#34;
    assert any(f"&lt;script&gt;alert({q}meta-title{q})&lt;/script&gt;" in index for q in ("&quot;", "&#34;"))
    assert not [raw for raw in RAW if raw in index]
    assert all(ESCAPED_OPENING.search(before) for key in KEYS for before in key_contexts(index, key))


@pytest.mark.skipif(browser.missing_reason() is not None, reason=str(browser.missing_reason()))
def test_in_a_browser_no_markup_runs_and_the_tables_show_it_as_text(rendered):
    """Each report opened offline in Chromium after its scripts ran (the searchable tables build their cells
    in the browser): no alert fires, no element from the data exists, nothing is fetched, and the marked
    text is in the tables' cells as text."""
    seen_in_cells = set()
    with browser.chromium() as b:
        for name in _reports(rendered):
            page = browser.offline_page(b)
            page.goto((rendered / name).as_uri())
            if page.locator("table.itables, table[id^=itables_]").count():
                page.wait_for_selector("table.dataTable tbody td", timeout=30_000)
            page.wait_for_timeout(200)
            injected = page.evaluate("""() => [...document.querySelectorAll('img[src=x], script')]
                .filter(e => e.tagName === 'IMG' || /^\\s*alert\\(/.test(e.textContent || '')).length""")
            cells = " ".join(page.locator("table.dataTable tbody td").all_inner_texts())
            seen_in_cells |= {k for k in KEYS if k in cells}
            assert not page.dialogs and not injected, (name, page.dialogs, injected)
            assert not page.network_requests, (name, page.network_requests)
            assert not page.errors, (name, page.errors)
            page.close()
    assert {"findings-summary", "instruments-title_en", "covid-measure", "sources-title"} <= seen_in_cells
