"""Columns and reading order: where the gutters are, and in which order a person reads a page's lines.

A gutter is a vertical strip inside the text block that (almost) no line of body text crosses while text
stands on both sides of it. Rows are cut at the gutters into column lines; a row with ink inside a gutter
(a heading or a footnote set across the page) spans the columns. A page is read in bands: the column lines
between two spanning rows, column by column, then the spanning row, and so on down the page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from statistics import median

from .rows import WORD_GAP, Row, dominant_size, glyph_text

GUTTER_MIN_WIDTH = 0.8  # font sizes: a narrower blank strip is not a gutter
GUTTER_MAX_CROSSING = 0.3  # share of body rows that may cross a gutter (headings, footnotes set across)
GUTTER_MIN_SIDE = 0.15  # share of body rows that must have text on each side of it
GUTTER_MIN_STARTS = 0.1  # share of body rows that must begin at its right edge (a column's left edge)
INK_MERGE = 0.6  # font sizes: blank stretches narrower than this inside a row count as ink


@dataclass
class Line:
    """A line as a person reads it: one column's part of a row, or a whole row that spans the columns."""

    page: int  # 1-based
    segment: tuple  # (page, band, column): lines of one segment stand one below the other
    col: int | None  # None: spans the columns
    x0: float
    x1: float
    base: float
    size: float
    bold: float
    text: str
    first_sup: str = ""  # superscript digits the line begins with (a footnote's number)
    spacing: float | None = None  # median width of its word spaces, in font sizes (justification stretches it)


def body_size(pages_rows: list[list[Row]]) -> float:
    """The font size of most of the document's text."""
    counts: Counter = Counter()
    for rows in pages_rows:
        for row in rows:
            counts[row.size] += sum(1 for g in row.glyphs if not g.text.isspace() and not g.sup)
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0] if counts else 10.0


def _is_body(row: Row, size: float) -> bool:
    return abs(row.size / size - 1) <= 0.15


def _ink(row: Row) -> list[tuple[float, float]]:
    spans: list[list[float]] = []
    for g in row.glyphs:
        if g.text.isspace():
            continue
        if spans and g.x0 - spans[-1][1] <= INK_MERGE * row.size:
            spans[-1][1] = max(spans[-1][1], g.x1)
        else:
            spans.append([g.x0, g.x1])
    return [(a, b) for a, b in spans]


def find_gutters(rows: list[Row], size: float, width: float) -> list[tuple[float, float]]:
    """Gutters of a set of rows (one page, or the whole document), left to right."""
    body = [r for r in rows if _is_body(r, size)]
    n = len(body)
    if n < 6:
        return []
    bins = int(width) + 3
    diff = [0] * (bins + 1)
    for r in body:
        for a, b in _ink(r):
            lo, hi = max(0, int(a)), min(bins - 1, int(b) + 1)
            diff[lo] += 1
            diff[hi] -= 1
    occ, run = [], 0
    for d in diff[:bins]:
        run += d
        occ.append(run)
    x0s = sorted(r.x0 for r in body)
    x1s = sorted(r.x1 for r in body)
    left, right = x0s[n // 20], x1s[n - 1 - n // 20]
    inner_lo, inner_hi = left + 0.1 * (right - left), right - 0.1 * (right - left)
    lo_bin, hi_bin = max(0, int(inner_lo)), min(bins - 1, int(inner_hi))
    if hi_bin <= lo_bin:
        return []
    floor = min(occ[lo_bin:hi_bin])
    if floor > GUTTER_MAX_CROSSING * n:
        return []
    low = floor + 0.03 * n + 1  # a gutter is as empty as the emptiest strip (ragged columns thin out before it)
    gutters = []
    x = lo_bin
    while x < hi_bin:
        if occ[x] <= low:
            start = x
            while x < hi_bin and occ[x] <= low:
                x += 1
            if x - start >= GUTTER_MIN_WIDTH * size:
                g = (float(start), float(x))
                lefts = sum(1 for r in body if r.x0 < g[0])
                rights = sum(1 for r in body if r.x1 > g[1])
                # rows that begin where the strip ends: a column's left edge, not a one-column page whose
                # short lines (addresses, last lines of paragraphs) merely leave the strip blank
                starts = sum(1 for r in body if abs(r.x0 - g[1]) <= 1.5 * size)
                if lefts >= GUTTER_MIN_SIDE * n and rights >= GUTTER_MIN_SIDE * n and starts >= GUTTER_MIN_STARTS * n:
                    gutters.append(g)
        x += 1
    return gutters


def crosses(row: Row, gutters: list[tuple[float, float]]) -> bool:
    """Ink inside a gutter: the row spans the columns."""
    for a, b in gutters:
        margin = 0.35 * (b - a)  # the middle of the gutter: ragged lines may reach into its edge
        for g in row.glyphs:
            if not g.text.isspace() and g.x1 > a + margin and g.x0 < b - margin:
                return True
    return False


def page_gutters(rows: list[Row], size: float, width: float,
                 document: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """This page's gutters, or the document's where the page has too little text to show its own."""
    own = find_gutters(rows, size, width)
    body = [r for r in rows if _is_body(r, size)]
    fits = bool(document and body and sum(crosses(r, document) for r in body) <= 0.5 * len(body))
    # the page shows only some of the document's gutters (a last column with little text): the document's
    if own and fits and len(own) < len(document) and all(any(abs(a - c) <= size and abs(b - d) <= size
                                                             for c, d in document) for a, b in own):
        return document
    if own:
        return own
    return document if fits else []


def _column_of(x: float, gutters: list[tuple[float, float]]) -> int:
    return sum(1 for a, b in gutters if x >= (a + b) / 2)


def _extent(row: Row, pad: float) -> tuple[float, float]:
    return row.base - (0.25 + pad) * row.size, row.base + (0.8 + pad) * row.size


def standalone_headings(rows: list[Row], gutters: list[tuple[float, float]], heading_like) -> set[int]:
    """Headings set across the columns that are too short to reach a gutter: nothing stands beside them in
    the other columns, which have text above them, and every column starts again at one height below them."""
    if not gutters:
        return set()
    columns = [{_column_of((g.x0 + g.x1) / 2, gutters) for g in r.glyphs if not g.text.isspace()} for r in rows]
    found = set()
    for i, row in enumerate(rows):
        if not heading_like(row) or crosses(row, gutters):
            continue
        lo, hi = _extent(row, 0.5)
        others = set(range(len(gutters) + 1)) - columns[i]
        beside = above = False
        first_below: dict[int, Row] = {}  # column -> its first row below the heading
        for j, other in enumerate(rows):
            if j == i or crosses(other, gutters):
                continue
            o_lo, o_hi = _extent(other, 0.0)
            if columns[j] & others and o_hi > lo and o_lo < hi:
                beside = True
                break
            above |= bool(columns[j] & others) and o_lo >= hi
            if o_hi <= lo:
                for col in columns[j]:
                    first_below.setdefault(col, other)
        # below it, every column starts afresh at about one height (the columns of a new section; a
        # sub-heading at the top of one of them may push its text down by a line or so)
        starts = [r.base for r in first_below.values()]
        spread = 1.6 * max((r.size for r in first_below.values()), default=0.0)
        aligned = len(first_below) == len(gutters) + 1 and max(starts) - min(starts) <= spread \
            and row.base - max(starts) <= 4 * row.size
        if not beside and above and aligned:
            found.add(id(row))
    return found


def reading_order(rows: list[Row], gutters: list[tuple[float, float]], page: int,
                  emphasis: bool = True, heading_like=lambda row: False) -> list[Line]:
    """The page's lines in the order a person reads them."""
    blocks: list[tuple[str, object]] = []  # ("span", [rows]) or ("band", {column: [glyph lists with rows]})
    across = standalone_headings(rows, gutters, heading_like)
    for row in rows:  # top to bottom
        if not gutters or id(row) in across or crosses(row, gutters):
            if not blocks or blocks[-1][0] != "span":
                blocks.append(("span", []))
            blocks[-1][1].append(row)
            continue
        if not blocks or blocks[-1][0] != "band":
            blocks.append(("band", {}))
        by_column: dict[int, list] = {}
        for g in row.glyphs:  # each glyph to the column on its side of the gutter's middle
            by_column.setdefault(_column_of((g.x0 + g.x1) / 2, gutters), []).append(g)
        for col in sorted(by_column):
            if any(not g.text.isspace() for g in by_column[col]):
                blocks[-1][1].setdefault(col, []).append((by_column[col], row))
    out: list[Line] = []
    for i, (kind, content) in enumerate(blocks):
        if kind == "span":
            out.extend(_line(row.glyphs, row, page, (page, i, None), None, emphasis) for row in content)
        else:
            for col in sorted(content):
                out.extend(_line(glyphs, row, page, (page, i, col), col, emphasis) for glyphs, row in content[col])
    return out


def _line(glyphs, row: Row, page: int, segment: tuple, col: int | None, emphasis: bool) -> Line:
    printed = [g for g in glyphs if not g.text.isspace()]
    normal = [g for g in printed if not g.sup] or printed
    letters = [g for g in normal if g.text.isalnum()]
    first_sup = ""
    for g in printed:
        if not g.sup:
            break
        first_sup += g.text
    return Line(page, segment, col, min(g.x0 for g in printed), max(g.x1 for g in printed), row.base,
                dominant_size(normal), sum(g.bold for g in letters) / len(letters) if letters else 0.0,
                glyph_text(glyphs, row.size, emphasis).strip(), first_sup if first_sup.isdigit() else "",
                word_spacing(glyphs, row.size))


def word_spacing(glyphs, size: float) -> float | None:
    """The median blank between two words of the line, in font sizes."""
    gaps, prev, spaced = [], None, False
    for g in glyphs:
        if g.text.isspace():
            spaced = prev is not None
            continue
        if prev is not None and not g.sup and not prev.sup and (spaced or g.x0 - prev.x1 > WORD_GAP * size):
            gaps.append((g.x0 - prev.x1) / size)
        prev, spaced = g, False
    return round(median(gaps), 3) if gaps else None
