"""The searchable tables of the reports (display.interactive_table): escaped, complete, offline, and working
in a real browser."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import browser
from helpers.reports.common import display as disp

MARKUP = ['<script>alert("cell")</script> one', '<img src=x onerror=alert(2)> two', "</script><b>three</b>",
          "a & b < c"]


def _data(html: str) -> list[list]:
    m = re.search(r'"data_json": ("(?:[^"\\]|\\.)*")', html)
    assert m, "no data in the table's HTML"
    return json.loads(json.loads(m.group(1)))


def _markup_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "text": pd.array(MARKUP, dtype="string"),
        "year": pd.array([2020, None, 2019, 2021], dtype="Int64"),
        "flag": pd.array([True, False, None, True], dtype="boolean"),
        "ids": [["A-1", "B-2"], [], ["C"], ["D"]],
    })


def _library_html(monkeypatch) -> str:
    """What interactive_tables() puts into a notebook, as HTML."""
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **k: shown.extend(objs))
    disp.interactive_tables()
    return "\n".join(getattr(o, "data", "") or "" for o in shown)


def test_values_are_escaped_and_nothing_closes_the_script():
    html = disp.interactive_table(_markup_frame())
    plain = disp.interactive_table(pd.DataFrame({"text": ["one", "two", "three", "four"]}))
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>three" not in html
    assert html.count("</script>") == plain.count("</script>")  # data cannot end the script it sits in
    assert [r[0] for r in _data(html)] == [
        '&lt;script&gt;alert("cell")&lt;/script&gt; one', "&lt;img src=x onerror=alert(2)&gt; two",
        "&lt;/script&gt;&lt;b&gt;three&lt;/b&gt;", "a &amp; b &lt; c"]


def test_empty_is_empty_lists_joined_booleans_as_in_the_csv():
    rows = _data(disp.interactive_table(_markup_frame()))
    assert [str(r[1]) for r in rows] == ["2020", "", "2019", "2021"]  # empty: not stated, never 0 or '<NA>'
    assert [r[2] for r in rows] == ["true", "false", "", "true"]
    assert [r[3] for r in rows] == ["A-1; B-2", "", "C", "D"]


def test_every_row_is_embedded_and_text_columns_are_left_aligned():
    big = pd.DataFrame({"id": [f"R{i}" for i in range(3000)], "quote": ["word " * 40] * 3000,
                        "n": pd.array([None] + list(range(2999)), dtype="Int64")})
    html = disp.interactive_table(big)
    assert len(_data(html)) == 3000  # no down-sampling of long tables
    defs = json.loads(re.search(r'"columnDefs": (\[.*?\]),\n', html).group(1))
    left = next(d for d in defs if d.get("className") == "dt-left")
    assert left["targets"] == [0, 1]  # text columns; the number column keeps its right alignment
    assert '"column_filters": "footer"' in html or "tfoot" in html  # a filter box per column


def test_library_is_embedded_not_fetched(monkeypatch):
    lib = _library_html(monkeypatch)
    assert len(lib) > 100_000  # the DataTables bundle itself
    assert not re.search(r"""(src|href)=["']https?://|from ["']https?://|import\(["']https?://""", lib)
    table = disp.interactive_table(_markup_frame())
    assert not re.search(r"""(src|href)=["']https?://|from ["']https?://""", table)


@pytest.mark.skipif(browser.missing_reason() is not None, reason=str(browser.missing_reason()))
def test_in_a_browser_offline_the_table_searches_and_shows_markup_as_text(tmp_path, monkeypatch):
    page_html = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>" + _library_html(monkeypatch)
                 + disp.interactive_table(pd.concat([_markup_frame()] * 4, ignore_index=True)) + "</body></html>")
    path = tmp_path / "table.html"
    path.write_text(page_html, encoding="utf-8")
    with browser.chromium() as b:
        page = browser.offline_page(b)
        page.goto(path.as_uri())
        page.wait_for_selector("table.dataTable tbody td", timeout=30_000)
        cells = page.locator("table.dataTable tbody tr td:first-child").all_inner_texts()
        assert set(cells) <= set(MARKUP) and MARKUP[0] in cells  # shown as the text it is
        assert page.evaluate("document.querySelectorAll('img[src=x], table b').length") == 0
        page.locator("div.dt-search input").fill("three")
        page.wait_for_timeout(300)
        assert page.locator("table.dataTable tbody tr td:first-child").all_inner_texts() == [MARKUP[2]] * 4
        assert not page.network_requests and not page.errors and not page.dialogs


def test_a_column_of_addresses_is_linked_escaped_and_the_print_copy_has_every_row():
    addresses = ["www.example.org/a?x=1&y=2", 'example.org/"onmouseover=alert(1)', "https://ex.org/p", ""]
    frame = pd.DataFrame({"id": [f"S{i}" for i in range(12)], "address": (addresses * 3),
                          "note": ["n"] * 12})
    html = disp.interactive_table(frame, shown=["id", "address"])
    assert '"createdCell"' in html and "replaceChildren" in html  # links built with the DOM in the browser
    assert disp.link_href("www.example.org/a") == "https://www.example.org/a"
    assert disp.link_href("cdn.www.gob.pe/x.pdf") == "https://cdn.www.gob.pe/x.pdf"
    assert disp.link_href("https://ex.org/p") == "https://ex.org/p"
    assert disp.link_href("Law No. 1.2") is None and disp.link_href("") is None and disp.link_href(None) is None
    copy = html[html.index('<div class="mgi-print-table">'):]
    assert copy.count("<tr>") == 12 + 1  # every row, and the heading row
    assert '<a href="https://www.example.org/a?x=1&amp;y=2">' in copy
    assert '/"onmouseover' not in copy and "/&#34;onmouseover" in copy  # the quote cannot end the attribute
    assert "<th>note</th>" not in copy and "not printed: note" in copy  # a hidden column, said so
    assert "Also searched, and shown with the <i>Columns</i>" in html and '"visible": false' in html


def test_a_heading_sorts_on_a_click_on_its_text():
    """itables' default (text_in_header_can_be_selected=True) makes a heading's text selectable and only its
    arrow sorts; the reports turn it off (itables then leaves the option out). The click itself is tested in a
    browser in tests/test_report_pages.py."""
    from itables import to_html_datatable

    frame = pd.DataFrame({"a": ["x", "y"]})
    assert "text_in_header_can_be_selected" in to_html_datatable(frame, connected=False)
    assert "text_in_header_can_be_selected" not in disp.interactive_table(frame)
