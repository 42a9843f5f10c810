"""The Excel workbook of a profile: About, Fields, then one sheet per table with every row.

Written with XlsxWriter cell by cell rather than through DataFrame.to_excel, because every text cell must be
written as text with an explicit type: a value that begins with '=', '+', '-', '@', a tab or a carriage return
is stored as a string with Excel's quote prefix, so that no spreadsheet ever runs it as a formula, not even
after a person edits the cell (formula injection). Numbers and booleans are written as such, so columns sort
and filter as a person expects; empty cells stay empty (the profile does not say; never zero).

The file is the same byte for byte for the same data: fixed document dates, fixed zip timestamps
(XlsxWriter's own), nothing taken from the clock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from helpers.data.datapackage import present_tables
from helpers.data.loader import Profile
from helpers.data.schema import TABLES_BY_NAME
from helpers.export.content import FIELD_HEADER, about_rows, field_rows, table_cells, table_notes
from helpers.export.files import ExportError, atomic_output

RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")  # what a spreadsheet may read as the start of a formula
EXCEL_MAX_TEXT = 32767  # characters a cell holds
FIXED_DATE = dt.datetime(1980, 1, 1)  # the workbook's created/modified date: deterministic, plainly no real date
WIDE = 60  # columns of longer text are this wide and wrap
PRINT_WIDTH = 240  # column-width units a sheet may take in all: on A4 landscape, fitted to the width, about 60 %
MARGIN_IN = 0.3  # left and right print margins (inches)
LINE_HEIGHT = 13  # points per line of 10-point text
OPTIONS = {
    "strings_to_formulas": False,  # never turn '=...' into a formula
    "strings_to_urls": False,  # nor 'http:', 'mailto:' or 'external:' into links
    "strings_to_numbers": False,
    "nan_inf_to_errors": True,
}


class _Formats:
    """The few cell formats the workbook uses, made once per workbook."""

    def __init__(self, wb):
        self._wb = wb
        self._made: dict[tuple, object] = {}

    def get(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self._made:
            self._made[key] = self._wb.add_format({"valign": "top", "font_size": 10} | props)
        return self._made[key]


def write_cell(ws, fmt: _Formats, row: int, col: int, value, *, wrap: bool = False, where: str = "",
               **style) -> None:
    """One cell, typed explicitly; text is always written as text (see the module docstring)."""
    if wrap:
        style["text_wrap"] = True
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt.get(**style))
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt.get(**style))
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt.get(**style))
    else:
        text = str(value)
        if len(text) > EXCEL_MAX_TEXT:
            raise ExportError(f"{where}: {len(text)} characters, more than the {EXCEL_MAX_TEXT} a spreadsheet "
                              f"cell holds; found {text[:80]!r}...")
        if text.startswith(RISKY_START):
            style["quote_prefix"] = True  # text, even when a person edits the cell
        ws.write_string(row, col, text, fmt.get(**style))


def _width(header: str, values: list) -> int:
    lengths = sorted(len(str(v)) for v in values if v is not None) or [0]
    typical = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) > 1 else lengths[0]
    return max(len(header) + 3, min(typical + 2, WIDE), 8)


def fit_print_width(widths: list[float], header: list[str], volumes: list[float] | None = None,
                    budget: float = PRINT_WIDTH) -> list[float]:
    """Widths narrowed so that the sheet, fitted to the width of the page, prints at a readable size.

    Each column keeps at most k times its volume (the mean length of its cells, empty ones counted as 0), with
    one k for the sheet, the largest that fits the budget: the columns that hold the most text (quotes, titles)
    keep the most width, a column that is mostly empty gives its width up. No column becomes narrower than the
    longest word of its heading (or 8; spreadsheets do not break at "_"), so headings still read whole; text in a narrowed column wraps (the
    caller sets the row heights from the new widths).
    """
    if sum(widths) <= budget:
        return list(widths)
    volumes = volumes or list(widths)
    floors = [min(w, max(8, max((len(word) for word in h.split()), default=0) + 2))  # no break at "_"
              for w, h in zip(widths, header)]

    def fitted(k: float) -> list[float]:
        return [max(f, min(w, k * v)) for w, f, v in zip(widths, floors, volumes)]

    lo, hi = 0.0, max(w / max(v, 1e-9) for w, v in zip(widths, volumes))
    for _ in range(50):  # the largest k whose widths fit the budget
        k = (lo + hi) / 2
        lo, hi = (k, hi) if sum(fitted(k)) <= budget else (lo, k)
    return fitted(lo)


def _lines(text, width: float) -> int:
    """How many lines a wrapped cell of this width needs (about 1.1 characters of 10-point text per unit)."""
    if text is None or text == "":
        return 1
    per_line = max(int(width * 1.1), 1)
    return sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n"))


def _fit_rows(ws, rows: list[list], widths: list[float], wrapped: list[bool], first: int = 0) -> None:
    """Row heights set from the wrapped text: spreadsheets do not grow rows of a file they open."""
    for i, r in enumerate(rows, start=first):
        lines = max([_lines(v, widths[j]) for j, v in enumerate(r) if wrapped[j]] or [1])
        if lines > 1:
            ws.set_row(i, min(LINE_HEIGHT * lines + 3, 409))


def _print_setup(ws, header_rows: int = 1) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.set_margins(left=MARGIN_IN, right=MARGIN_IN, top=0.5, bottom=0.5)
    ws.fit_to_pages(1, 0)  # every column on the page's width, as many pages down as the rows need
    if header_rows:
        ws.repeat_rows(0, header_rows - 1)  # the header row on every printed page
        ws.hide_gridlines(0)  # cell borders printed too: a printed table keeps its rows apart


def write_table_sheet(wb, fmt: _Formats, name: str, header: list[str], rows: list[list], *,
                      source: str) -> None:
    """A sheet with a frozen, filterable header row, readable widths, long text wrapped."""
    ws = wb.add_worksheet(name)
    for j, h in enumerate(header):
        write_cell(ws, fmt, 0, j, h, bold=True, bg_color="#E8EEF4", bottom=1, text_wrap=True)
    volumes = [sum(len(str(r[j])) for r in rows if r[j] is not None) / max(len(rows), 1) for j in range(len(header))]
    widths = fit_print_width([_width(h, [r[j] for r in rows]) for j, h in enumerate(header)], header, volumes)
    for j, w in enumerate(widths):
        ws.set_column(j, j, w)
    wrapped = [any(isinstance(r[j], str) and len(r[j]) > w for r in rows) for j, w in enumerate(widths)]
    for i, r in enumerate(rows, start=1):
        for j, v in enumerate(r):
            write_cell(ws, fmt, i, j, v, wrap=wrapped[j], where=f"{source}, row {i + 1}, column '{header[j]}'")
    _fit_rows(ws, [header], widths, [True] * len(header))
    _fit_rows(ws, rows, widths, wrapped, first=1)
    _print_setup(ws)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(len(rows), 1), len(header) - 1)


def write_about(wb, fmt: _Formats, profile: Profile) -> None:
    ws = wb.add_worksheet("About")
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 110)
    rows = about_rows(profile)
    ws.set_row(0, 40)
    write_cell(ws, fmt, 0, 1, rows[0][1], where="datapackage.json, title", bold=True, font_size=14, text_wrap=True)
    write_cell(ws, fmt, 0, 0, rows[0][0], bold=True, font_size=14)
    for i, (label, text) in enumerate(rows[1:], start=2):
        write_cell(ws, fmt, i, 0, label, bold=True, text_wrap=True)
        write_cell(ws, fmt, i, 1, text, wrap=True, where=f"About sheet, {label or 'row ' + str(i + 1)}")
    notes = table_notes()
    start = len(rows) + 2
    write_cell(ws, fmt, start, 0, "Borderline cases", bold=True)
    for k, (table, note) in enumerate(notes, start=start + 1):
        write_cell(ws, fmt, k, 0, table)
        write_cell(ws, fmt, k, 1, note, wrap=True)
    body = [["", ""]] + [list(r) for r in rows[1:]] + [["", ""], ["", ""]] + [list(n) for n in notes]
    _fit_rows(ws, body, [34, 110], [True, True], first=1)
    _print_setup(ws, header_rows=0)
    ws.activate()


def write_workbook(profile: Profile, target: Path) -> Path:
    """profile as an .xlsx workbook at target (atomic: the old file stays until the new one is complete)."""
    with atomic_output(Path(target)) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), OPTIONS)
        wb.set_properties({
            "title": profile.title, "subject": f"MGI profile {profile.id}: cited tabular extracts",
            "author": "mgi-profiles", "created": FIXED_DATE,
            "comments": "Generated by mgi export; see the About sheet for citation and licences.",
        })
        fmt = _Formats(wb)
        try:
            write_about(wb, fmt, profile)
            write_table_sheet(wb, fmt, "Fields", list(FIELD_HEADER), [list(r) for r in field_rows()],
                              source="Fields sheet")
            for name in present_tables(profile.metadata):
                df = getattr(profile, name)
                write_table_sheet(wb, fmt, name, list(df.columns), table_cells(df),
                                  source=f"{profile.id}/{TABLES_BY_NAME[name].filename}")
        finally:
            wb.close()
    return Path(target)
