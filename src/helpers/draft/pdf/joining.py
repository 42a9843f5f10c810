"""Joining printed lines into running text: hyphenation, addresses, dashes; and the final form of a paragraph.

Where a word breaks at a line end with a hyphen, the document itself is the dictionary (no word list is
needed): the hyphen stays when the hyphenated form is what the document prints elsewhere, and goes when the
closed form is. Without such evidence it stays for what typesetting never produces (a single letter before
or after the break, digits: "COVID-19", "010-2020-IN"; a capital after the break: "Pre-Registration") and
for a prefix or suffix the document hyphenates elsewhere ("self-", "non-", "-based"); otherwise it goes.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter

from .reading import SOFT_HYPHEN
from .rows import EMPH_OFF, EMPH_ON, SUPERSCRIPT_DIGITS

_MARKERS = EMPH_ON + EMPH_OFF
HYPHENATING_EVIDENCE = 2  # broken words seen closed elsewhere that show the typesetter hyphenates
HYPHENATING_PER_PAGE = 2.0  # ...or this many line-end hyphens a page
WORD_EVIDENCE = 2  # times each half must stand as a word of its own for a line-end hyphen between them to stay

# What typesetting knows about English compounds, used only where the document gives no evidence either way:
# first parts a hyphen joins to a following word ("self-employment", "one-year"), the endings that follow
# such a part inside a closed word instead ("self-ish", "nine-teen"), and second parts ("follow-up").
LEADING_PARTS = {"en": frozenset("self well ill non cross half one two three four five six seven eight nine".split())}
CLOSED_ENDINGS = {"en": frozenset("teen teenth een ty ing ings ness ish less way ward wards".split())}
TRAILING_PARTS = {"en": frozenset({"up"})}
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_LEFT = re.compile(r"([^\W_](?:[\w'’-]*[^\W_])?)-$")
_RIGHT = re.compile(r"^([^\W_](?:[\w'’-]*[^\W_])?)")
_TERMINAL = re.compile(rf"[.!?:;…][\"'”’)\]»*]*[{SUPERSCRIPT_DIGITS}]*$")
_URL_PART_LEFT = re.compile(r"([^\W_]+)-$")  # the letters before a line-end hyphen inside an address
_URL_PART_RIGHT = re.compile(r"^([^\W_]+)")  # ... and after it
_URL_START = re.compile(r"^[(\[<\"“]?(?:https?://|www\.)", re.IGNORECASE)
_DOMAIN_PATH = re.compile(r"[a-z0-9-]+\.[a-z]{2,}[a-z0-9./?=&#%_~+-]*/", re.IGNORECASE)
_URL_BREAK_AFTER = "/._=?&#%~:+-"
_URL_INSIDE = "/._=?&#%-"
_URL_COMPLETE = re.compile(r"\.(?:[a-z]{2,3}|info|aspx?|html?|php|pdf|docx?|xlsx?)$", re.IGNORECASE)


def visible(text: str) -> str:
    return text.translate({ord(c): None for c in _MARKERS})


def _split_tail(text: str) -> tuple[str, str]:
    core = text.rstrip(_MARKERS)
    return core, text[len(core):]


def _split_head(text: str) -> tuple[str, str]:
    core = text.lstrip(_MARKERS)
    return text[: len(text) - len(core)], core


def terminal(text: str) -> bool:
    """The line ends a sentence (or a clause a paragraph may end with)."""
    return bool(_TERMINAL.search(visible(text).rstrip()))


def ends_with_break_hyphen(text: str) -> bool:
    v = visible(text).rstrip()
    return v.endswith(SOFT_HYPHEN) or (len(v) >= 2 and v.endswith("-") and v[-2].isalnum())


class Vocabulary:
    """How the document spells its words where no line break interferes."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        self.words: Counter = Counter()  # unhyphenated words
        self.parts: Counter = Counter()  # unhyphenated words, and each part of a hyphenated one
        self.pairs: Counter = Counter()  # (first, second) parts joined by a hyphen
        self.hyph_prefix: Counter = Counter()
        self.hyph_suffix: Counter = Counter()
        self._sorted: list[str] | None = None
        self._reversed: list[str] | None = None
        self.hyphenating = True  # the typesetter breaks words at line ends (see judge_typesetter)

    def add_line(self, text: str, cut_first: bool, cut_last: bool) -> None:
        words = _WORD.findall(visible(text).lower())
        if cut_last and words:
            words = words[:-1]
        if cut_first and words:
            words = words[1:]
        for w in words:
            parts = w.split("-")
            if len(parts) == 1:
                self.words[w] += 1
            self.parts.update(p for p in parts if p)
            for a, b in zip(parts, parts[1:]):
                if a and b:
                    self.pairs[(a, b)] += 1
                    self.hyph_prefix[a] += 1
                    self.hyph_suffix[b] += 1
        self._sorted = self._reversed = None

    def judge_typesetter(self, breaks: list[tuple[str, str]], pages: int) -> None:
        """Whether the typesetter hyphenates words at all: some word it broke stands closed elsewhere in the
        document, or it breaks lines at a hyphen often (several times a page). A typesetter that does not
        (a word processor without automatic hyphenation) breaks only at the hyphens the text has, so a
        line-end hyphen with no evidence either way is then kept ('pre-' + 'departure')."""
        closed = sum(1 for a, b in breaks if self.parts[(a + b).lower()] > self.pairs[(a.lower(), b.lower())])
        self.hyphenating = closed >= HYPHENATING_EVIDENCE or len(breaks) >= HYPHENATING_PER_PAGE * max(pages, 1)

    def _closed(self, fragment: str, suffix: bool) -> int:
        """How many words (with repeats) are the fragment plus more letters: 'self' -> 'selfish'."""
        if self._sorted is None:
            self._sorted = sorted(self.parts)
            self._reversed = sorted(w[::-1] for w in self.parts)
        keys, probe = (self._reversed, fragment[::-1]) if suffix else (self._sorted, fragment)
        lo, hi = bisect_left(keys, probe), bisect_right(keys, probe + "\U0010ffff")
        total = 0
        for k in keys[lo:hi]:
            if len(k) > len(probe) and k[len(probe)].isalpha():
                total += self.parts[k[::-1] if suffix else k]
        return total

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """left: the word before the line-end hyphen ('whole-of'), right: the word after it ('government')."""
        lpart, rpart = left.split("-")[-1], right.split("-")[0]
        if not lpart or not rpart:
            return True
        lo, ro = lpart.lower(), rpart.lower()
        hyphenated, closed = self.pairs[(lo, ro)], self.parts[lo + ro]
        if hyphenated != closed:
            return hyphenated > closed
        if any(c.isdigit() for c in lpart + rpart) or len(lpart) < 2 or len(rpart) < 2:
            return True
        if not self.hyphenating:
            return True
        if rpart[0].isupper() and not lpart.isupper():
            return True
        if (lo in LEADING_PARTS.get(self.lang, ()) and len(ro) >= 3 and ro not in CLOSED_ENDINGS.get(self.lang, ())) \
                or ro in TRAILING_PARTS.get(self.lang, ()):
            return True
        if self.hyph_prefix[lo] and self.hyph_prefix[lo] >= self._closed(lo, suffix=False):
            return True
        if self.hyph_suffix[ro] and self.hyph_suffix[ro] >= self._closed(ro, suffix=True):
            return True
        # two words the document uses on their own ("one-year"): typesetting rarely breaks a word into two
        # others, and a closed compound ("regardless") usually stands unbroken somewhere else; likewise
        # a compound already under way ("whole-of-" + "government") and a short particle ("follow-" + "up")
        if self.words[lo] and self.words[ro]:
            if "-" in left:
                return True
            if len(ro) == 2:  # a particle ("up", "in"), not an ending ("-ly", "-al", "-es")
                return self._closed(ro, suffix=True) < self.words[ro]
            return min(len(lo), len(ro)) >= 3 and self.words[lo] >= WORD_EVIDENCE and self.words[ro] >= WORD_EVIDENCE
        return False


    def address_break_hyphen(self, left: str, right: str) -> bool:
        """A hyphen at a line end inside a web address ('gaz-' + 'ette') that the typesetter put there:
        the document spells the closed form more often than the hyphenated one, or, with no evidence either
        way, neither part is a word of the document ('gaz', 'ette'), where a real hyphen in an address joins
        words ('extension-of-permits')."""
        lo, ro = left.lower(), right.lower()
        if any(c.isdigit() for c in lo + ro) or len(lo) < 2 or len(ro) < 2:
            return False
        hyphenated, closed = self.pairs[(lo, ro)], self.parts[lo + ro]
        if hyphenated != closed:
            return closed > hyphenated
        return not self.parts[lo] and not self.parts[ro]


def _url_like(token: str) -> bool:
    return bool(_URL_START.search(token) or ("://" in token) or _DOMAIN_PATH.search(token)
                or (len(token) >= 8 and re.search(r"/|%[0-9A-Fa-f]{2}", token) and re.search(r"[^\W\d_]", token)
                    and not re.search(r"[,;]$", token)))


def address_cut(text: str) -> bool:
    """The line ends inside a web address: its last token is an address ending where one cannot end ('/', '-')."""
    v = visible(text).rstrip()
    last = v.rsplit(" ", 1)[-1]
    return len(last) > 8 and last[-1] in "/-_=?&#" and _url_like(last)


def _url_continues(last: str, first: str) -> bool:
    """An address broken at a line end goes on in the next line's first token."""
    if not first or _URL_START.search(first):
        return False
    if last[-1] in _URL_BREAK_AFTER:
        if last[-1] == ".":
            return first[0].islower() or first[0].isdigit() or "/" in first
        return True
    if first[0] in _URL_BREAK_AFTER:  # '-trabajas...', '_2018.pdf': no word of running text starts so
        return True
    if _URL_COMPLETE.search(last):  # 'www.iom.int', '.../report.pdf': the address ended with the line
        return False
    return any(c in first.rstrip(".,;:)") for c in _URL_INSIDE)


def join(text: str, line: str, vocab: Vocabulary, forced: bool = False) -> str:
    """The running text followed by the next printed line. forced: the previous line fills the column
    without stretched spaces, as when an address too long for the column was cut wherever the line ended."""
    if not text:
        return line
    core, tail = _split_tail(text)
    head, rest = _split_head(line)
    if not core or not rest:
        return text + " " + line
    if core.endswith(SOFT_HYPHEN):
        return core[:-1] + tail + head + rest
    vis_core, vis_rest = visible(core), visible(rest)
    last = vis_core.rsplit(" ", 1)[-1]
    first = vis_rest.split(" ", 1)[0]
    if _url_like(last) and ends_with_break_hyphen(core) and rest[0].isalnum():
        left, right = _URL_PART_LEFT.search(vis_core), _URL_PART_RIGHT.search(vis_rest)
        if left and right and vocab.address_break_hyphen(left.group(1), right.group(1)):
            return core[:-1] + tail + head + rest  # 'www.gaz-' + 'ette.gov': the typesetter's hyphen
        return core + tail + head + rest
    if _url_like(last) and (_url_continues(last, first) or (forced and last[-1].isalnum() and first[0].isalnum())):
        return core + tail + head + rest
    if ends_with_break_hyphen(core) and rest[0].isalnum():
        left, right = _LEFT.search(vis_core), _RIGHT.search(vis_rest)
        if left and right and not vocab.keeps_hyphen(left.group(1), right.group(1)):
            return core[:-1] + tail + head + rest
        return core + tail + head + rest
    if core[-1] in "–—" and len(core) >= 2 and not core[-2].isspace():
        return core + tail + head + rest
    if core.endswith("/"):
        return core + tail + head + rest
    return core + tail + " " + head + rest


_EMPH_RUN = re.compile(f"{EMPH_ON}(.*?){EMPH_OFF}", re.S)


def render(text: str, emphasis: bool = True) -> str:
    """A paragraph's final text: emphasis as Markdown, single spaces, NFC."""
    text = re.sub(f"{EMPH_OFF}(\\s*){EMPH_ON}", r"\1", text)

    def emph(m: re.Match) -> str:
        inner = m.group(1)
        return f"*{inner}*" if emphasis and any(c.isalpha() for c in inner) else inner

    text = _EMPH_RUN.sub(emph, text)
    text = visible(text).replace(SOFT_HYPHEN, "")
    text = re.sub(r"\s+", " ", text).strip()
    return unicodedata.normalize("NFC", text)
