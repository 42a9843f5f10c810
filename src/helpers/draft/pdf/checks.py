"""What the converted text says about its own footnotes: calls in the running text against footnotes found.

A print PDF calls a footnote with a raised number in the running text and sets the note elsewhere on the
page (often far from the call). Where the conversion could not tell the notes apart (a layout it misreads),
they come back merged into one long paragraph or lost in the running text, and every later step (errata
about "calls without footnote", candidates with a passage of several kilobytes) pays for it. The counts here
are recorded with the conversion and, when they disagree, said to the user in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .rows import SUPERSCRIPT_DIGITS

_NOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s")
_CALL = re.compile(rf"(?<=[^\s{SUPERSCRIPT_DIGITS}])([{SUPERSCRIPT_DIGITS}]+)(?![{SUPERSCRIPT_DIGITS}])")
_FROM_SUPER = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
LONG_NOTE = 1500  # characters: a footnote this long is most likely several notes run together
CALL_SHARE = 0.8  # fewer footnotes than this share of the distinct calls: notes were merged or lost


@dataclass
class FootnoteCheck:
    calls: int  # distinct footnote numbers called in the running text
    footnotes: int  # paragraphs that are footnotes
    uncalled: list[int] = field(default_factory=list)  # footnote numbers no call points at
    missing: list[int] = field(default_factory=list)  # numbers called that have no footnote
    longest: int = 0  # characters of the longest footnote

    @property
    def warnings(self) -> list[str]:
        out = []
        if self.calls and self.footnotes < CALL_SHARE * self.calls:
            out.append(f"the text calls {self.calls} footnotes but the conversion found {self.footnotes}: "
                       "footnotes may have been merged or left in the running text; compare the footnotes "
                       "with the PDF before reviewing")
        elif self.missing:
            shown = ", ".join(map(str, self.missing[:12])) + (", …" if len(self.missing) > 12 else "")
            out.append(f"{len(self.missing)} footnote number(s) called in the text have no footnote in the "
                       f"converted text ({shown}): the PDF may not print them, or the conversion missed them; "
                       "check them in the PDF")
        if self.longest > LONG_NOTE:
            out.append(f"one footnote is {self.longest:,} characters long: several footnotes (or running text) "
                       "were probably run together; check it against the PDF")
        return out


def _numbers(found: list[str]) -> list[int]:
    return [int(n.translate(_FROM_SUPER)) for n in found]


def check_footnotes(paragraphs: list[str]) -> FootnoteCheck:
    """Footnote calls and footnotes of a converted text (one paragraph per item)."""
    notes = [p for p in paragraphs if _NOTE.match(p)]
    numbers = set(_numbers([_NOTE.match(p).group(1) for p in notes]))
    calls: set[int] = set()
    for p in paragraphs:
        if not _NOTE.match(p):
            calls.update(n for n in _numbers(_CALL.findall(p)) if 0 < n < 1000)
    return FootnoteCheck(len(calls), len(notes), sorted(numbers - calls), sorted(calls - numbers),
                         max((len(p) for p in notes), default=0))
