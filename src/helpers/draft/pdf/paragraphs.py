"""Lines into paragraphs: one paragraph per line of output, a blank line between paragraphs.

Within a column, a paragraph ends where the gap to the next line is wider than the document's usual line
pitch, or where the kind of text changes (heading, body). Across a column or page break a paragraph goes on
when the last line of the column is a full line of justified text (or, in ragged text, does not end a
sentence). The footnotes of a page follow the paragraph that holds the page's last line of running text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .columns import Line
from .joining import Vocabulary, address_cut, ends_with_break_hyphen, join, render, terminal, visible
from .notes import Footnote, note_text
from .reading import SOFT_HYPHEN

_LEFT_WORD = re.compile(r"[^\W\d_]+$")
_RIGHT_WORD = re.compile(r"^[^\W\d_]+")
_DASH_ITEM = re.compile(r"^[-–—]\s+(?:\d{4}[a-z]?|n\.d\.)\s+[^\W\d_]")
BULLETS = "•●▪■◦‣∙·\ufffd"  # list bullets as printed (U+FFFD: a bullet glyph the PDF maps to no character)
HANGING = 0.5  # font sizes: a first line this far left of the next ones begins a hanging-indent entry

PARAGRAPH_GAP = 1.22  # a pitch this many times the usual one separates paragraphs
FULL_LINE = 0.5  # font sizes: a line ending this close to the column's right edge is full
JUSTIFIED_SHARE = 0.6
NATURAL_SLACK = 0.008  # font sizes: word spacing this close to the natural one is not stretched  # share of full lines inside paragraphs above which the text counts as justified


@dataclass
class Metrics:
    pitch: dict[float, float]  # size -> usual distance between two lines of one paragraph of running text
    right: dict[tuple, float]  # (page parity, column) -> right edge of the column
    justified: bool
    leading: float = 1.25  # the body text's pitch over its size: the guess for other sizes (headings)
    natural_space: float | None = None  # word spacing of lines justification did not stretch (last lines)

    def usual_pitch(self, size: float) -> float:
        return self.pitch.get(round(size * 2) / 2, self.leading * size)

    def full(self, ln: Line, slack: float = FULL_LINE) -> bool:
        edge = self.right.get((ln.page % 2, ln.col)) or self.right.get((None, ln.col)) or ln.x1
        return ln.x1 >= edge - slack * ln.size


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def measure(lines: list[Line], kinds: dict[int, str]) -> Metrics:
    pitches: dict[float, Counter] = defaultdict(Counter)
    for a, b in zip(lines, lines[1:]):
        if a.segment == b.segment and abs(a.size - b.size) < 0.3 and kinds[id(a)] == kinds[id(b)] == "body":
            d = a.base - b.base
            if d > 0:
                pitches[round(a.size * 2) / 2][round(d * 4) / 4] += 1
    pitch = {s: max(c.items(), key=lambda kv: (kv[1], -kv[0]))[0] for s, c in pitches.items() if sum(c.values()) >= 3}
    edges: dict[tuple, list[float]] = defaultdict(list)
    for ln in lines:
        if kinds[id(ln)] == "body":
            edges[(ln.page % 2, ln.col)].append(ln.x1)
            edges[(None, ln.col)].append(ln.x1)
    right = {k: _percentile(v, 0.9) for k, v in edges.items() if len(v) >= 5}
    for parity in (0, 1, None):  # a line across the columns ends where the last column ends
        cols = [v for (p, c), v in right.items() if p == parity and c is not None]
        if cols and (parity, None) not in right:
            right[(parity, None)] = max(cols)
    metrics = Metrics(pitch, right, False)
    if pitch:
        most = max(pitches, key=lambda s: (sum(pitches[s].values()), s))
        if most in pitch:
            metrics.leading = pitch[most] / most
    inside = [a for a, b in zip(lines, lines[1:])
              if a.segment == b.segment and kinds[id(a)] == kinds[id(b)] == "body"
              and 0 < a.base - b.base <= 1.05 * metrics.usual_pitch(a.size)]
    metrics.justified = bool(inside) and sum(metrics.full(a) for a in inside) >= JUSTIFIED_SHARE * len(inside)
    short = sorted(ln.spacing for ln in lines if kinds[id(ln)] == "body" and ln.spacing is not None
                   and not metrics.full(ln))
    if len(short) >= 5:
        metrics.natural_space = short[len(short) // 2]
    return metrics


def _unstretched(ln: Line, m: Metrics) -> bool:
    """A full line whose spaces justification did not widen: maybe the last line of a paragraph that
    happens to fill the column."""
    return m.natural_space is not None and ln.spacing is not None and ln.spacing <= m.natural_space + NATURAL_SLACK


def _continues(a: Line, b: Line, kinds: dict[int, str], m: Metrics) -> bool:
    kind = kinds[id(a)]
    if kind != kinds[id(b)]:
        return False
    pitch = a.base - b.base
    if kind == "heading":  # the next line of a heading: right below it, same style, same left edge
        below = a.segment == b.segment or (a.page == b.page and abs(a.x0 - b.x0) <= a.size)
        return (below and abs(a.size - b.size) < 0.3 and abs(a.bold - b.bold) < 0.5
                and 0 < pitch <= PARAGRAPH_GAP * m.usual_pitch(a.size) + 0.5)
    if a.segment == b.segment:
        if not 0 < pitch <= PARAGRAPH_GAP * m.usual_pitch(a.size) + 0.5 or abs(a.size - b.size) > 0.6:
            return False
        if m.justified and not m.full(a) and " " in visible(a.text).strip() and terminal(a.text):
            return False  # a short last line of a paragraph, where the next one starts without a gap
        return True
    if ends_with_break_hyphen(a.text) or address_cut(a.text):
        return True
    first = visible(b.text).lstrip()
    if m.justified:
        if m.full(a) and _unstretched(a, m) and terminal(a.text) and first[:1].isupper():
            return False
        return m.full(a)
    return not terminal(a.text) or (first[:1].islower())


def line_end_breaks(lines: list[Line]) -> list[tuple[str, str]]:
    """(word before, word after) of every line that ends with a hyphen between letters."""
    out = []
    for a, b in zip(lines, lines[1:]):
        if ends_with_break_hyphen(a.text) and not visible(a.text).rstrip().endswith(SOFT_HYPHEN):
            left = _LEFT_WORD.search(visible(a.text).rstrip()[:-1])
            right = _RIGHT_WORD.search(visible(b.text).lstrip())
            if left and right:
                out.append((left.group(0), right.group(0)))
    return out


def bulleted(text: str) -> bool:
    """The line begins with a list bullet followed by a space, or with a dash set as a bullet before a
    Key sources entry's year tag ('– 2020a Annual report'; a dash before other words may be running text)."""
    v = visible(text).lstrip()
    return (len(v) >= 2 and v[0] in BULLETS and v[1].isspace()) or bool(_DASH_ITEM.match(v))


def hanging_pairs(groups: list[list[Line]]) -> set[tuple[int, int, float]]:
    """(page, column, first-line edge, indent) of the lists set with hanging indents so far: an entry whose
    first line stands further left than the lines that follow it, as Key sources are printed."""
    out = set()
    for g in groups:
        if len(g) >= 2 and g[0].segment == g[1].segment and g[0].x0 < g[1].x0 - HANGING * g[0].size:
            out.add((g[0].page, g[0].col, round(g[0].x0), round(g[1].x0)))
    return out


def _new_item(group: list[Line], ln: Line, pairs: set) -> bool:
    """A line that begins a new list item although nothing else ends the paragraph: a bullet; or, in a list
    set with hanging indents, a line back at the entries' left edge after an indented line."""
    if bulleted(ln.text):
        return True
    a = group[-1]
    if a.segment != ln.segment or a.x0 < ln.x0 + HANGING * ln.size:
        return False
    if abs(group[0].x0 - ln.x0) <= 0.3 * ln.size and group[0] is not a:
        return True
    return any(p == ln.page and c == ln.col and abs(f - ln.x0) <= 1 and abs(i - a.x0) <= 1 for p, c, f, i in pairs)


def _entry_goes_on(group: list[Line], ln: Line, pairs: set) -> bool:
    """In a list, a line at the indent below an entry's first line goes on with it: under a bullet, at the
    text after the bullet; in a list set with hanging indents, at the indent its earlier entries show."""
    first = group[0]
    if first.segment != ln.segment or not kinds_same(first, ln) or bulleted(ln.text):
        return False
    if bulleted(first.text) and ln.x0 > first.x0 + HANGING * ln.size and abs(ln.x0 - group[-1].x0) <= \
            (0.3 * ln.size if len(group) > 1 else 3 * ln.size):
        return True
    return (any(p == ln.page and c == ln.col and abs(f - first.x0) <= 1 and abs(i - ln.x0) <= 1
                    for p, c, f, i in pairs))


def kinds_same(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) < 0.3 and abs(a.bold - b.bold) < 0.5


def as_list_item(text: str) -> str:
    """'• 2020a Title…' -> '- 2020a Title…', the way the profiles' source texts write list items."""
    stripped = text.lstrip()
    return "- " + stripped[1:].lstrip() if bulleted(stripped) else text


def paragraphs(body: list[Line], notes: dict[int, list[Footnote]], kinds: dict[int, str],
               emphasis: bool = True) -> list[str]:
    """The document's paragraphs in reading order, footnotes placed after the paragraph their page ends in."""
    metrics = measure(body, kinds)
    vocab = Vocabulary()
    previous_cut = False
    every = body + [ln for fs in notes.values() for f in fs for ln in f.lines]
    for ln in every:
        cut = ends_with_break_hyphen(ln.text)
        vocab.add_line(ln.text, previous_cut, cut)
        previous_cut = cut
    vocab.judge_typesetter(line_end_breaks(every), len({ln.page for ln in every}))

    groups: list[list[Line]] = []
    pairs: set = set()
    for ln in body:
        if groups and (_continues(groups[-1][-1], ln, kinds, metrics) or _entry_goes_on(groups[-1], ln, pairs)) \
                and not _new_item(groups[-1], ln, pairs):
            groups[-1].append(ln)
        else:
            if groups:
                pairs |= hanging_pairs(groups[-1:])
            groups.append([ln])

    last_index: dict[int, int] = {}  # page -> index in body of its last line of running text
    for i, ln in enumerate(body):
        last_index[ln.page] = i
    before = -1
    for page in sorted(set(notes) | set(last_index)):  # a page of footnotes only: with the page before it
        before = last_index.setdefault(page, before)
    pending = sorted(notes)
    out: list[str] = []
    seen = 0
    for group in groups:
        out.append(as_list_item(render(_join_lines(group, vocab, metrics), emphasis)))
        seen += len(group)
        while pending and last_index[pending[0]] < seen:
            for note in notes[pending.pop(0)]:
                out.append(note_text(render(_join_lines(note.lines, vocab, metrics), emphasis)))
    for page in pending:
        for note in notes[page]:
            out.append(note_text(render(_join_lines(note.lines, vocab, metrics), emphasis)))
    return [p for p in out if p]


def _join_lines(lines: list[Line], vocab: Vocabulary, m: Metrics) -> str:
    text, forced = "", False
    for ln in lines:
        text = join(text, ln.text, vocab, forced)
        # a line that ends where the column does, spaces not stretched (or none to stretch)
        forced = (m.full(ln) and _unstretched(ln, m)) or (ln.spacing is None and m.full(ln, 2 * FULL_LINE))
    return text
