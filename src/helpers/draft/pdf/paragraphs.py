"""Lines into paragraphs: one paragraph per line of output, a blank line between paragraphs.

Within a column, a paragraph ends where the gap to the next line is wider than the document's usual line
pitch, or where the kind of text changes (heading, body). Across a column or page break a paragraph goes on
when the last line of the column is a full line of justified text (or, in ragged text, does not end a
sentence). The footnotes of a page follow the paragraph that holds the page's last line of running text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .columns import Line
from .joining import Vocabulary, ends_with_break_hyphen, join, render, terminal, visible
from .notes import Footnote, note_text

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
    if ends_with_break_hyphen(a.text):
        return True
    first = visible(b.text).lstrip()
    if m.justified:
        if m.full(a) and _unstretched(a, m) and terminal(a.text) and first[:1].isupper():
            return False
        return m.full(a)
    return not terminal(a.text) or (first[:1].islower())


def paragraphs(body: list[Line], notes: dict[int, list[Footnote]], kinds: dict[int, str],
               emphasis: bool = True) -> list[str]:
    """The document's paragraphs in reading order, footnotes placed after the paragraph their page ends in."""
    metrics = measure(body, kinds)
    vocab = Vocabulary()
    previous_cut = False
    for ln in body + [ln for fs in notes.values() for f in fs for ln in f.lines]:
        cut = ends_with_break_hyphen(ln.text)
        vocab.add_line(ln.text, previous_cut, cut)
        previous_cut = cut

    groups: list[list[Line]] = []
    for ln in body:
        if groups and _continues(groups[-1][-1], ln, kinds, metrics):
            groups[-1].append(ln)
        else:
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
        out.append(render(_join_lines(group, vocab, metrics), emphasis))
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
