"""Glyphs into rows (one baseline across the page) and rows into text, with superscripts and emphasis marked.

A row holds every glyph sitting on one baseline, whatever column it is in; the column split comes later.
Raised glyphs in a smaller size (footnote calls, the numbers in front of footnotes) join the row they sit
above and are read as superscripts. Italic runs are wrapped in the private markers EMPH_ON/EMPH_OFF, which
the paragraph builder turns into Markdown emphasis once the lines are joined.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .reading import Glyph

EMPH_ON, EMPH_OFF = "\ue000", "\ue001"
SUPERSCRIPTS = str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

# geometry, in units of the font size
BASELINE_TOLERANCE = 0.12  # glyphs this close to a baseline share it
SUPER_MAX_RATIO = 0.85  # a superscript is at most this size relative to its row...
SUPER_MAX_RISE = 0.6  # ...and raised by at most this much
WORD_GAP = 0.17  # a gap wider than this between two glyphs is a space
EMBED_GAP = 0.6  # a glyph this close to other text on its own baseline belongs to that text


@dataclass
class Row:
    glyphs: list[Glyph]  # sorted by x0
    base: float
    size: float  # the size most of its (non-superscript) glyphs have
    x0: float = 0.0
    x1: float = 0.0
    bold: float = 0.0  # share of its letters in a bold font

    def finish(self) -> "Row":
        self.glyphs.sort(key=lambda g: (g.x0, g.x1))
        printed = [g for g in self.glyphs if not g.text.isspace()] or self.glyphs
        self.x0 = min(g.x0 for g in printed)
        self.x1 = max(g.x1 for g in printed)
        normal = [g for g in printed if not g.sup] or printed
        self.size = dominant_size(normal)
        letters = [g for g in normal if g.text.isalnum()]
        self.bold = sum(g.bold for g in letters) / len(letters) if letters else 0.0
        return self


@dataclass
class _Cluster:
    base: float
    size: float
    glyphs: list[Glyph] = field(default_factory=list)


def dominant_size(glyphs: list[Glyph]) -> float:
    counts = Counter(round(g.size, 1) for g in glyphs if not g.text.isspace())
    if not counts:
        return round(glyphs[0].size, 1) if glyphs else 0.0
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def build_rows(glyphs: list[Glyph]) -> list[Row]:
    """Rows from top to bottom (highest baseline first)."""
    ordered = sorted(glyphs, key=lambda g: (-g.base, g.x0))
    clusters: list[_Cluster] = []
    active: list[_Cluster] = []
    for g in ordered:
        tol = max(0.5, BASELINE_TOLERANCE * g.size)
        active = [c for c in active if c.base - g.base <= tol + 2.0]
        home = None
        for c in active:
            if abs(c.base - g.base) <= tol and 0.8 <= g.size / c.size <= 1.25:
                home = c
                break
        if home is None:
            home = _Cluster(g.base, g.size)
            clusters.append(home)
            active.append(home)
        home.glyphs.append(g)
    clusters = _attach_superscripts(clusters)
    rows = _merge_same_baseline([Row(c.glyphs, c.base, c.size).finish() for c in clusters if c.glyphs])
    return sorted(rows, key=lambda r: (-r.base, r.x0))


def _attach_superscripts(clusters: list[_Cluster]) -> list[_Cluster]:
    """Small raised glyphs join the row below them, marked as superscripts."""
    clusters = sorted(clusters, key=lambda c: -c.base)
    extents = {id(c): (min(g.x0 for g in c.glyphs), max(g.x1 for g in c.glyphs)) for c in clusters}
    for i, small in enumerate(clusters):
        below = []
        for c in clusters[i + 1:]:
            if small.base - c.base > SUPER_MAX_RISE * c.size + 40:
                break
            if c.size * SUPER_MAX_RATIO >= small.size and 0 < small.base - c.base <= SUPER_MAX_RISE * c.size:
                below.append(c)
        if not below:
            continue
        keep = []
        embedded = _embedded(small.glyphs)
        for g in small.glyphs:
            best = None
            for c in below:
                if c.size * SUPER_MAX_RATIO < g.size:
                    continue
                rise = g.base - c.base
                x0, x1 = extents[id(c)]
                if 0.12 * c.size <= rise <= SUPER_MAX_RISE * c.size and x0 - 3 * c.size <= g.x0 <= x1 + c.size \
                        and id(g) not in embedded:
                    if best is None or rise < g.base - best.base:
                        best = c
            if best is None:
                keep.append(g)
            else:
                g.sup = True
                best.glyphs.append(g)
        small.glyphs = keep
    return clusters


def _embedded(glyphs: list[Glyph]) -> set[int]:
    """Glyphs that are part of text on their own baseline: a word, or a number one word space after a word
    ('Legal Notice No. 87'), which stays in its row even where a larger heading of the other column sits
    just below it. A footnote call or a note's number stands apart from the text of its own baseline."""
    printed = sorted((g for g in glyphs if not g.text.isspace()), key=lambda g: g.x0)
    out: set[int] = set()
    i = 0
    while i < len(printed):  # runs of glyphs that touch (a word, a number)
        j = i + 1
        while j < len(printed) and printed[j].x0 - printed[j - 1].x1 <= 0.1 * printed[j].size:
            j += 1
        run = printed[i:j]
        near = [g for g in printed[:i] + printed[j:]
                if g.x1 >= run[0].x0 - EMBED_GAP * g.size and g.x0 <= run[-1].x1 + EMBED_GAP * g.size]
        if len(run) > 3 or near:
            out.update(id(g) for g in run)
        i = j
    return out


def _merge_same_baseline(rows: list[Row]) -> list[Row]:
    """Glyphs of different sizes on one baseline (a bigger initial, small capitals) make one row."""
    rows = sorted(rows, key=lambda r: -r.base)
    out: list[Row] = []
    for r in rows:
        for o in out[-3:]:
            if abs(o.base - r.base) <= max(0.5, BASELINE_TOLERANCE * min(o.size, r.size)) and \
                    (r.x1 <= o.x0 or r.x0 >= o.x1):
                o.glyphs.extend(r.glyphs)
                o.finish()
                break
        else:
            out.append(r)
    return out


def split_at_gaps(glyphs: list[Glyph], min_gap: float) -> list[list[Glyph]]:
    """Runs of glyphs separated by blank stretches wider than min_gap (spaces do not count as ink)."""
    runs: list[list[Glyph]] = []
    last_x1 = None
    for g in glyphs:
        if g.text.isspace():
            if runs:
                runs[-1].append(g)
            continue
        if last_x1 is None or g.x0 - last_x1 > min_gap:
            runs.append([])
        runs[-1].append(g)
        last_x1 = g.x1 if last_x1 is None else max(last_x1, g.x1)
    return [[g for g in run] for run in runs if any(not g.text.isspace() for g in run)]


def glyph_text(glyphs: list[Glyph], size: float, emphasis: bool = True) -> str:
    """The text of glyphs on one line, left to right: spaces from gaps or space glyphs, superscripts, emphasis."""
    out: list[str] = []
    prev: Glyph | None = None
    pending_space = False
    in_emph = False
    for g in glyphs:
        if g.text.isspace():
            pending_space = prev is not None
            continue
        if prev is not None and g.text == prev.text and abs(g.x0 - prev.x0) < 0.2 * g.size:
            continue  # the same glyph printed twice (a poor man's bold)
        gap_unit = min(size, g.size) if not (g.sup or (prev is not None and prev.sup)) else size
        space = prev is not None and (pending_space or g.x0 - prev.x1 > WORD_GAP * gap_unit)
        italic = emphasis and g.italic and not g.sup
        if in_emph and not italic:
            out.append(EMPH_OFF)
            in_emph = False
        if space:
            out.append(" ")
        if italic and not in_emph:
            out.append(EMPH_ON)
            in_emph = True
        out.append(g.text.translate(SUPERSCRIPTS) if g.sup else g.text)
        prev, pending_space = g, False
    if in_emph:
        out.append(EMPH_OFF)
    return "".join(out)
