"""Checking evidence quotes against the source text, and pointing at the nearest passage when one is wrong."""

from __future__ import annotations

import re

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
        return self.flat[res.dest_start:res.dest_end], res.score

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
    for i, (a, b) in enumerate(zip(qw, pw)):
        if a != b:
            return f"the quote has {a!r} where the source has {b!r} (word {i + 1})"
    if len(qw) != len(pw):
        return "the quote and the passage differ in length"
    return ""
