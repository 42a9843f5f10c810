"""Data text made safe for where it is shown: the one place text from a CSV is escaped.

A CSV field may hold `<script>`, `<img onerror=...>`, Markdown syntax or a '$' typed by anyone; it must always
show as the text it is. Markdown cells get esc(), HTML built from templates gets Jinja2's autoescape (the same
html.escape rules), and text drawn by matplotlib gets chart_text(), so that a '$' never starts mathematics.
"""

from __future__ import annotations

import html
import re

import pandas as pd

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~])")


def _missing(text) -> bool:
    return text is None or (not isinstance(text, (list, tuple)) and pd.isna(text))


def esc(text) -> str:
    """Text safe inside a Markdown cell rendered to HTML: HTML-escaped, Markdown syntax neutralised."""
    if _missing(text):
        return ""
    s = html.escape(str(text), quote=True)
    # the apostrophe entity '&#x27;' keeps its '#': escaped, Markdown renderers would show it as literal text
    return _MD_SPECIAL.sub(r"\\\1", s).replace("&\\#x27;", "&#x27;")


def chart_text(text) -> str:
    """Text matplotlib draws as text: a '$' must not start mathematics (empty for a missing value)."""
    return "" if _missing(text) else str(text).replace("$", r"\$")
