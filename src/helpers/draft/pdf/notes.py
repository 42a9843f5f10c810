"""What each line is: body text, a heading, or part of a footnote at the foot of the page.

A heading is set larger than the body text, or bold where the body is not. A footnote line is set smaller
than the body text and has no body text below it in its part of the page; a footnote begins at a line that
starts with its number (raised and smaller, or plain and next in sequence). Footnotes are taken out of the
running text and given back as their own paragraphs, each beginning with its number in superscript digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .columns import Line
from .rows import SUPERSCRIPT_DIGITS, SUPERSCRIPTS

HEADING_MIN_RATIO = 1.08  # a line this much larger than the body text is a heading
NOTE_MAX_RATIO = 0.88  # a line at most this size relative to the body text may be a footnote
_PLAIN_NUMBER = re.compile(r"^(\d{1,3})[.)]?\s+(?=\S)")


@dataclass
class Footnote:
    page: int
    number: str  # superscript digits; "" when the PDF prints none
    lines: list[Line] = field(default_factory=list)


def is_heading(line_size: float, bold: float, size: float, body_bold: float) -> bool:
    """Larger than the body text, or bold where the body text is not."""
    return line_size >= HEADING_MIN_RATIO * size or (bold >= 0.7 and body_bold < 0.3 and line_size >= 0.92 * size)


def classify(lines: list[Line], size: float, body_bold: float) -> dict[int, str]:
    """id(line) -> 'heading' | 'body' | 'small'."""
    kinds = {}
    for ln in lines:
        if is_heading(ln.size, ln.bold, size, body_bold):
            kinds[id(ln)] = "heading"
        elif ln.size <= NOTE_MAX_RATIO * size:
            kinds[id(ln)] = "small"
        else:
            kinds[id(ln)] = "body"
    return kinds


def _at_foot(ln: Line, page_lines: list[Line], kinds: dict[int, str]) -> bool:
    """No larger text below this line in its part of the page."""
    for other in page_lines:
        if other is ln or kinds[id(other)] == "small" or other.base >= ln.base:
            continue
        if other.x0 < ln.x1 and ln.x0 < other.x1:
            return False
    return True


def _goes_on_from(ln: Line, body: list[Line]) -> bool:
    """The line follows, in its own column and at the usual distance, a line of the running text: small
    text going on to the foot of the column, not a footnote, which the layout sets apart from the text."""
    above = [b for b in body if b.segment == ln.segment and b.base > ln.base]
    if not above:
        return False
    prev = min(above, key=lambda b: b.base - ln.base)
    return prev.base - ln.base <= 1.6 * max(prev.size, ln.size) and abs(prev.x0 - ln.x0) <= 2 * ln.size


def split_notes(page_lines: list[Line], kinds: dict[int, str],
                carry: Footnote | None) -> tuple[list[Line], list[Footnote]]:
    """The page's running text and its footnotes (carry: the previous page's last footnote, which may go on)."""
    body: list[Line] = []
    notes: list[Footnote] = []
    current: Footnote | None = None
    for ln in page_lines:
        if kinds[id(ln)] != "small" or not _at_foot(ln, page_lines, kinds):
            body.append(ln)
            continue
        if current is None and not ln.first_sup and not _PLAIN_NUMBER.match(ln.text) and _goes_on_from(ln, body):
            body.append(ln)  # the last lines of small text set in the column (Key sources), not a footnote
            continue
        number = ln.first_sup
        if not number:
            m = _PLAIN_NUMBER.match(ln.text)
            if m and (current is None or not current.number.translate(_FROM_SUPER).isdigit()
                      or int(m.group(1)) == int(current.number.translate(_FROM_SUPER)) + 1):
                number = m.group(1).translate(SUPERSCRIPTS)
                ln.text = number + " " + ln.text[m.end():]
        if number:
            current = Footnote(ln.page, number, [ln])
            notes.append(current)
        elif current is not None:
            current.lines.append(ln)
        elif carry is not None and not notes:
            carry.lines.append(ln)  # a footnote that runs on from the previous page
        else:
            current = Footnote(ln.page, "", [ln])
            notes.append(current)
    return body, notes


_FROM_SUPER = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def note_text(text: str) -> str:
    """'⁷Text' or '⁷  Text' -> '⁷ Text'."""
    return re.sub(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*", r"\1 ", text)
