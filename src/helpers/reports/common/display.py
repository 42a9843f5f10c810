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


def check_choice(value: str, allowed, what: str) -> str:
    """Refuse a parameter outside its allowed values, listing them."""
    allowed = list(allowed)
    if value not in allowed:
        raise BadParameter(f"Unknown {what} {value!r}. Valid values: {', '.join(map(str, allowed))}")
    return value
