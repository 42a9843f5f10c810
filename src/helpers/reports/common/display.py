"""Showing text from the data in notebooks: always as text, never as markup, always with its citation.

A CSV field may hold `<script>` or `<img onerror=...>` typed by anyone; everything here escapes it for
both HTML and Markdown before it reaches a report.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from helpers.paths import BadParameter

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~])")


def esc(text) -> str:
    """Text safe inside a Markdown cell rendered to HTML: HTML-escaped, Markdown syntax neutralised."""
    if text is None or (not isinstance(text, (list, tuple)) and pd.isna(text)):
        return ""
    s = html.escape(str(text), quote=True)
    # the apostrophe entity '&#x27;' keeps its '#': escaped, Markdown renderers would show it as literal text
    return _MD_SPECIAL.sub(r"\\\1", s).replace("&\\#x27;", "&#x27;")


def quote_md(evidence: str, section: str | None = None) -> str:
    """A verbatim quote as a Markdown block quote, with where it is in the source."""
    where = f" — *{esc(section)}*" if section else ""
    return f"> “{esc(evidence)}”{where}\n"


def html_table(df: pd.DataFrame, *, index: bool = False, max_rows: int | None = None) -> str:
    """A DataFrame as an HTML table whose cells are escaped (lists joined by '; ')."""
    shown = df.copy()
    for col in shown.columns:
        if shown[col].dtype == object:
            shown[col] = shown[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
    if max_rows is not None:
        shown = shown.head(max_rows)
    return shown.to_html(index=index, escape=True, na_rep="", border=0, classes="mgi-table")


def _plain_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Values as a reader sees them: lists joined by '; ', empty for missing (never '<NA>', never 0)."""
    shown = df.reset_index(drop=True).copy()
    for col in shown.columns:
        s = shown[col]
        if s.dtype == object and s.map(lambda v: isinstance(v, (list, tuple))).any():
            s = s.map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        if pd.api.types.is_bool_dtype(s):  # as in the CSVs and the codebook
            s = s.map(lambda v: "" if pd.isna(v) else ("true" if v else "false")).astype(object)
        elif s.isna().any() or not pd.api.types.is_numeric_dtype(s):
            s = s.astype(object).where(s.notna(), "")
        shown[col] = s
    shown.columns = [str(c) for c in shown.columns]
    return shown


# the filter boxes under the columns take the column's width instead of widening every column to theirs
TABLE_CSS = ("<style>.dt-container tfoot input { width: 100%; min-width: 3em; box-sizing: border-box; }"
             " .dt-container td { vertical-align: top; }</style>")


def interactive_tables() -> None:
    """Load the table library into the notebook, offline (its JavaScript is embedded in this cell's output).

    Call it once, in a cell whose output is kept, before any interactive_table(); the HTML report made from the
    notebook then carries the library and opens without a network.
    """
    import itables
    from IPython.display import HTML, display

    itables.init_notebook_mode(all_interactive=False, connected=False)
    display(HTML(TABLE_CSS))


def interactive_table(df: pd.DataFrame, *, caption: str | None = None, page_length: int = 10) -> str:
    """A DataFrame as a searchable, sortable table with a filter box per column (itables/DataTables), as HTML.

    Every value is HTML-escaped by itables (allow_html=False) and shown as text; text columns are
    left-aligned, numbers right-aligned; every row is embedded (no down-sampling); a static, escaped copy of
    the table is shown where JavaScript does not run.
    """
    from itables import to_html_datatable

    shown = _plain_frame(df)
    text_cols = [j for j, (_, col) in enumerate(df.items())  # numbers keep DataTables' right alignment
                 if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col)]
    options: dict = dict(
        caption=caption, connected=False, allow_html=False, showIndex=False, maxBytes=0,
        classes="display compact cell-border", order=[], display_logo_when_loading=False, scrollX=True,
        pageLength=page_length, style="table-layout:auto;width:100%;margin:0;caption-side:top")
    long_text = [j for j in text_cols if shown.iloc[:, j].astype(str).str.len().max() > 80]
    defs = [{"targets": text_cols, "className": "dt-left"}] if text_cols else []
    if long_text:  # quotes and titles wrap in a column of readable width; the table scrolls sideways
        defs.append({"targets": long_text, "width": "24em"})
    if defs:
        options["columnDefs"] = defs
    if len(shown) > page_length:  # a long table: filter boxes under each column, a choice of page length
        options.update(column_filters="footer", lengthMenu=[page_length, 25, 50, 100, -1])
    return to_html_datatable(shown, **options)


def check_choice(value: str, allowed, what: str) -> str:
    """Refuse a parameter outside its allowed values, listing them."""
    allowed = list(allowed)
    if value not in allowed:
        raise BadParameter(f"Unknown {what} {value!r}. Valid values: {', '.join(map(str, allowed))}")
    return value
