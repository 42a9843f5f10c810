"""Showing text from the data in notebooks: always as text, never as markup, always with its citation.

Markdown is built with escape.esc; HTML comes from the Jinja2 templates in templates/ with autoescape on, so every
value is escaped where it is written. Tables align text columns left and numbers right (in the HTML reports and
in JupyterLab, whose default is to right-align every cell).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from helpers.paths import BadParameter
from helpers.reports.common.escape import esc

TEMPLATES = Path(__file__).resolve().parent / "templates"
_NUMBER = re.compile(r"^[−+-]?\d[\d,]*(\.\d+)?( million)?%?$")  # a number as the reports print it: '1,049,970'


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)


def render(template: str, **values) -> str:
    """A template of templates/ filled with values, every value escaped (pass Markup for ready HTML)."""
    return _environment().get_template(template).render(**values)


def quote_md(evidence: str, section: str | None = None) -> str:
    """A verbatim quote as a Markdown block quote, with where it is in the source."""
    where = f" — *{esc(section)}*" if section else ""
    return f"> “{esc(evidence)}”{where}\n"


def _cell(v) -> str:
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v))
    if v is None or pd.isna(v):
        return ""
    return str(v)


def _is_number_column(values: pd.Series) -> bool:
    """Numbers (or numbers as the reports print them) are right-aligned; everything else is text."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return False
    if pd.api.types.is_numeric_dtype(values.dtype):
        return True
    shown = [v for v in values if isinstance(v, str) and v]
    return bool(shown) and all(_NUMBER.match(v) for v in shown) and \
        all(isinstance(v, str) or v is None or pd.isna(v) for v in values)


def html_table(df: pd.DataFrame, *, index: bool = False, max_rows: int | None = None) -> str:
    """A DataFrame as an HTML table whose cells are escaped (lists joined by '; '), text columns left-aligned,
    number columns right-aligned."""
    shown = df if max_rows is None else df.head(max_rows)
    if index:
        shown = shown.reset_index()
    columns = [{"name": str(c), "align": "right" if _is_number_column(shown[c]) else "left"}
               for c in shown.columns]
    rows = [[_cell(v) for v in row] for row in shown.itertuples(index=False, name=None)]
    return Markup(render("table.html.j2", columns=columns, rows=rows))


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


# the filter boxes under the columns take the column's width instead of widening every column to theirs; the print
# copy of each table is shown only on paper, the interactive table only on screen (the report's page template
# sets the page; this style also serves JupyterLab's own printing)
TABLE_CSS = ("<style>.dt-container tfoot input { width: 100%; min-width: 3em; box-sizing: border-box; }"
             " .dt-container td { vertical-align: top; } .dt-container th { cursor: pointer; }"
             " .mgi-print-table { display: none; } .mgi-table-note { font-size: .9em; color: #444; }"
             " @media print { .dt-container, table[id^=itables], div[id$=fallback] { display: none !important; }"
             " .mgi-print-table { display: block; } }</style>")

_URL = re.compile(r"^(https?://)?([a-z0-9-]+\.)+[a-z]{2,}(/\S*)?$", re.IGNORECASE)  # 'cdn.www.gob.pe/...' too
# The same rule in the browser, for the interactive table (a test checks both give the same addresses): a cell
# whose whole text is an address becomes a link built with the DOM (its text set as text, never parsed as HTML).
_LINK_CELL = """function (td, cellData) {
    const text = td.textContent.trim();
    if (!/^(https?:\\/\\/)?([a-z0-9-]+\\.)+[a-z]{2,}(\\/\\S*)?$/i.test(text)) { return; }
    const a = document.createElement('a');
    a.href = /^https?:\\/\\//i.test(text) ? text : 'https://' + text;
    a.textContent = text;
    td.replaceChildren(a);
}"""


def link_href(text) -> str | None:
    """The address a link points to when a cell holds only an address (one without a scheme over https), else
    None."""
    if not isinstance(text, str) or not _URL.match(text.strip()):
        return None
    text = text.strip()
    return text if re.match(r"^https?://", text, re.IGNORECASE) else "https://" + text


def _is_link_column(values: pd.Series) -> bool:
    shown = [v for v in values if isinstance(v, str) and v]
    return bool(shown) and all(link_href(v) for v in shown)


def interactive_tables() -> None:
    """Load the table library into the notebook, offline (its JavaScript is embedded in this cell's output).

    Call it once, in a cell whose output is kept, before any interactive_table(); the HTML report made from the
    notebook then carries the library and opens without a network.
    """
    import itables
    from IPython.display import HTML, display

    itables.init_notebook_mode(all_interactive=False, connected=False)
    display(HTML(TABLE_CSS))


def interactive_table(df: pd.DataFrame, *, caption: str | None = None, page_length: int = 10,
                      shown: list[str] | None = None) -> str:
    """A DataFrame as a searchable, sortable table with a filter box per column (itables/DataTables), as HTML.

    Every column of df is searched; `shown` (default: all) are the columns on screen at first, the others are
    hidden but searched, and the *Columns* button shows them, which a note under the table says. A heading sorts
    when its text is clicked. Every value is HTML-escaped by itables (allow_html=False) and shown as text; a
    column of addresses shows them as links; text columns are left-aligned, numbers right-aligned; every row is
    embedded (no down-sampling). A static copy of the table, every row of the shown columns with long text
    wrapped, comes with it for print (and where JavaScript does not run it is what a printout holds).
    """
    from itables import JavascriptFunction, to_html_datatable

    plain = _plain_frame(df)
    names = list(plain.columns)
    shown = names if shown is None else [str(c) for c in shown]
    unknown = [c for c in shown if c not in names]
    if unknown:
        raise BadParameter(f"interactive_table: no column {', '.join(unknown)}; the table has {', '.join(names)}")
    hidden = [j for j, c in enumerate(names) if c not in shown]
    text_cols = [j for j, (_, col) in enumerate(df.items())  # numbers keep DataTables' right alignment
                 if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col)]
    options: dict = dict(
        caption=caption, connected=False, allow_html=False, showIndex=False, maxBytes=0,
        classes="display compact cell-border", order=[], display_logo_when_loading=False, scrollX=True,
        pageLength=page_length, style="table-layout:auto;width:100%;margin:0;caption-side:top",
        text_in_header_can_be_selected=False)  # a click on a heading's text sorts (not only on its arrow)
    long_text = [j for j in text_cols if plain.iloc[:, j].astype(str).str.len().max() > 80]
    links = [j for j in text_cols if _is_link_column(plain.iloc[:, j])]
    defs = [{"targets": text_cols, "className": "dt-left"}] if text_cols else []
    if long_text:  # quotes and titles wrap in a column of readable width; the table scrolls sideways
        defs.append({"targets": long_text, "width": "24em"})
    if hidden:  # searched (DataTables searches hidden columns), shown on demand
        defs.append({"targets": hidden, "visible": False})
    if links:
        defs.append({"targets": links, "createdCell": JavascriptFunction(_LINK_CELL)})
    if defs:
        options["columnDefs"] = defs
    if len(plain) > page_length:  # a long table: filter boxes under each column, a choice of page length
        options.update(column_filters="footer",
                       lengthMenu=[page_length, 25, 50, 100, {"label": "All", "value": -1}])
    if hidden:  # the Columns button; the page length becomes a button beside it (itables puts buttons first)
        options["buttons"] = (["pageLength"] if len(plain) > page_length else []) + [
            {"extend": "colvis", "text": "Columns"}]
    table = to_html_datatable(plain, **options)
    printed = [c for c in names if c in shown]
    linked = {names[j] for j in links}
    rows = [[{"text": plain.at[i, c], "href": link_href(plain.at[i, c]) if c in linked else None} for c in printed]
            for i in plain.index]
    copy = render("print_table.html.j2", caption=caption, columns=printed, rows=rows,
                  hidden=[names[j] for j in hidden], n=len(plain))
    return table + "\n" + str(copy)  # plain text, as itables gives it (Markup would escape what it is added to)


def check_choice(value: str, allowed, what: str) -> str:
    """Refuse a parameter outside its allowed values, listing them."""
    allowed = list(allowed)
    if value not in allowed:
        raise BadParameter(f"Unknown {what} {value!r}. Valid values: {', '.join(map(str, allowed))}")
    return value
