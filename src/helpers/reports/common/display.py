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


def check_choice(value: str, allowed, what: str) -> str:
    """Refuse a parameter outside its allowed values, listing them."""
    allowed = list(allowed)
    if value not in allowed:
        raise BadParameter(f"Unknown {what} {value!r}. Valid values: {', '.join(map(str, allowed))}")
    return value
