"""Checking evidence quotes against the source text, and pointing at the nearest passage when one is wrong."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rapidfuzz import fuzz

_WS = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Whitespace-collapsed text: the form in which a quote must be an exact substring of the source."""
    return _WS.sub(" ", text).strip()


class SourceText:
    def __init__(self, raw: str):
        self.raw = raw
        self.flat = collapse(raw)

    def contains(self, quote: str) -> bool:
        q = collapse(quote)
        return bool(q) and q in self.flat

    def closest(self, quote: str) -> tuple[str, float]:
        """The passage of the source most like the quote, and a similarity score 0-100."""
        q = collapse(quote)
        if not q:
            return "", 0.0
        res = fuzz.partial_ratio_alignment(q, self.flat, score_cutoff=0)
        if res is None:
            return "", 0.0
        # the alignment may cut a word in two; widen it to whole words so the passage reads and compares cleanly
        start, end = res.dest_start, res.dest_end
        while start > 0 and not self.flat[start - 1].isspace():
            start -= 1
        while end < len(self.flat) and not self.flat[end].isspace():
            end += 1
        return self.flat[start:end].strip(), res.score

    def locate(self, quote: str) -> int | None:
        """Line number (1-based) in the raw source where the quote starts, for readers checking by hand."""
        q = collapse(quote)
        pos = self.flat.find(q)
        if pos < 0:
            return None
        # map the position in the collapsed text back to a raw line by walking both texts
        raw_i = 0
        flat_i = 0
        raw = self.raw
        # skip leading whitespace the collapse stripped
        while raw_i < len(raw) and raw[raw_i].isspace():
            raw_i += 1
        while flat_i < pos and raw_i < len(raw):
            if raw[raw_i].isspace():
                while raw_i < len(raw) and raw[raw_i].isspace():
                    raw_i += 1
                flat_i += 1
            else:
                raw_i += 1
                flat_i += 1
        return raw.count("\n", 0, raw_i) + 1


def first_difference(quote: str, passage: str) -> str:
    """The first words where a quote departs from the passage, to make a pasted typo easy to see."""
    qw, pw = collapse(quote).split(" "), collapse(passage).split(" ")
    # align word by word, so that a passage with a word more or less at its edges does not shift the comparison
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=qw, b=pw, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "insert" and i1 in (0, len(qw))):
            continue
        found, source = " ".join(qw[i1:i2]), " ".join(pw[j1:j2])
        if tag == "insert":
            return f"the quote lacks {source!r} after word {i1} ({qw[i1 - 1]!r})"
        if tag == "delete":
            return f"the quote has {found!r} that the source lacks (word {i1 + 1})"
        return f"the quote has {found!r} where the source has {source!r} (word {i1 + 1})"
    return ""
