"""Errata candidates: places where the source may contradict itself or slip, for a person to judge.

- one instrument printed with two years, or two numbers one character apart, or one number as two types;
- a footnote marker with no footnote, or a footnote with no marker;
- a Key sources heading that nearly matches an organisation named elsewhere ('Ouito Process' / 'Quito Process').

What the extracts use and why is left for the person: a candidate cannot be accepted without it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from helpers.draft.instruments import Mention
from helpers.draft.layout import SUPERSCRIPTS, Block
from helpers.draft.named import NamedMention


@dataclass
class ErratumCandidate:
    erratum_id: str
    kind: str
    section: str
    source_says: str
    conflicts_with: str
    conflict_section: str
    reason: str
    rule: str


def _printed(m) -> str:
    return m.quote[m.start:m.end].strip().rstrip(",;.")


def year_conflicts(groups: list[list], label) -> list[ErratumCandidate]:
    """Mentions of one instrument that give different years: the rarer year against the commoner one."""
    out = []
    for ms in groups:
        dated = [m for m in ms if m.year and not getattr(m, "key_sources", False)]
        years = Counter(m.year for m in dated)
        if len(years) < 2:
            continue
        common = years.most_common(1)[0][0]
        base = next(m for m in dated if m.year == common)
        for year in sorted(y for y in years if y != common):
            odd = next(m for m in dated if m.year == year)
            out.append(ErratumCandidate("", "contradiction", odd.section, _printed(odd), _printed(base), base.section,
                                        f"{label(odd)} is dated {year} here and {common} elsewhere",
                                        "one instrument printed with two years"))
    return out


def number_conflicts(groups: dict[tuple[str, str], list[Mention]]) -> list[ErratumCandidate]:
    """Two numbers of one type a character (or two swapped characters) apart, one of them printed once ('Law No. 21146' / 'Law No. 31146');
    and one number printed as two types ('Decree Law No. 689' / 'Legislative Decree No. 689')."""
    out = []
    keys = list(groups)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            ma, mb = groups[a], groups[b]
            if a[0] == b[0] and len(a[1]) == len(b[1]) >= 3 and OSA.distance(a[1], b[1]) == 1 \
                    and min(len(ma), len(mb)) == 1:
                odd, base = (ma, mb) if len(ma) < len(mb) else (mb, ma)
                out.append(ErratumCandidate("", "slip", odd[0].section, odd[0].printed, base[0].printed,
                                            base[0].section, f"{odd[0].printed} is printed once; {base[0].printed} "
                                            f"{len(base)} time(s)", "one instrument printed with two numbers"))
            elif a[0] != b[0] and a[1] == b[1]:
                odd, base = (ma, mb) if len(ma) <= len(mb) else (mb, ma)
                out.append(ErratumCandidate("", "contradiction", odd[0].section, odd[0].printed, base[0].printed,
                                            base[0].section, f"number {a[1]} is printed as two types of instrument",
                                            "one number printed as two types"))
    return out


_MARKER = re.compile(rf"(?<=[\w.,;:)”\"’*%])([{SUPERSCRIPTS}]+)|\$\^\{{?\^?\{{?\\rm\s*(\d+)\}}?\}}?\$")
_SUP = str.maketrans(SUPERSCRIPTS, "0123456789")


def _segment(b: Block) -> str:
    if b.section.startswith("COVID-19 annex"):
        return "COVID-19 annex"
    return "annex" if b.region == "annex" else "body"


def footnote_conflicts(blocks: list[Block]) -> list[ErratumCandidate]:
    """Markers without a footnote and footnotes without a marker, per part of the text (numbering restarts)."""
    markers: dict[tuple[str, str], tuple[Block, str]] = {}
    notes: dict[tuple[str, str], Block] = {}
    for b in blocks:
        if b.region in ("front", "key_sources"):
            continue
        seg = _segment(b)
        if b.footnote:
            notes.setdefault((seg, b.footnote), b)
        if b.heading:
            continue
        for m in _MARKER.finditer(b.text):
            n = (m.group(1) or "").translate(_SUP) or m.group(2)
            snippet = b.text[max(0, m.start() - 40):m.end()]
            snippet = snippet.split(" ", 1)[1] if m.start() > 40 and " " in snippet else snippet
            markers.setdefault((seg, n), (b, snippet))
    out = []
    for (seg, n), (b, snippet) in markers.items():
        if (seg, n) not in notes:
            out.append(ErratumCandidate("", "slip", b.section, snippet, "", "",
                                        f"footnote marker {n} has no footnote in the {seg}", "marker without footnote"))
    for (seg, n), b in notes.items():
        if (seg, n) not in markers:
            text = b.text if len(b.text) <= 160 else b.text[:160].rsplit(" ", 1)[0]
            out.append(ErratumCandidate("", "slip", b.section, text, "", "",
                                        f"footnote {n} has no marker in the {seg} text", "footnote without marker"))
    return out


def heading_conflicts(blocks: list[Block]) -> list[ErratumCandidate]:
    """A Key sources heading that nearly matches (but not exactly) a name printed in the body."""
    body = [b for b in blocks if b.region in ("body", "annex") and not b.heading]
    text = " ".join(b.text for b in body)
    words = text.split()
    out = []
    grams: dict[int, list[str]] = {}
    headings = {b.organisation for b in blocks if b.region == "key_sources" and b.heading and b.organisation}
    for org in sorted(headings):
        name = re.sub(r"\s*\([^()]*\)\s*$", "", org).strip()
        n = len(name.split())
        if n < 2 or name.casefold() in text.casefold():
            continue
        if n not in grams:
            grams[n] = sorted({" ".join(words[k:k + n]).strip(".,;:()*") for k in range(len(words) - n + 1)
                               if words[k][:1].isupper()})
        found = process.extractOne(name, grams[n], scorer=fuzz.ratio, score_cutoff=88)
        if found is None:
            continue
        best, score = found[0], found[1]
        if score < 100:
            where = next((b.section for b in body if best in b.text), "")
            out.append(ErratumCandidate("", "conversion", f"Key sources – {org}", name, best, where,
                                        f"Key sources heading '{name}' nearly matches '{best}' in the text",
                                        "Key sources heading nearly matching a name in the text"))
    return out


def errata_candidates(blocks: list[Block], numbered: dict[tuple[str, str], list[Mention]],
                      named: list[list[NamedMention]]) -> list[ErratumCandidate]:
    out = year_conflicts(list(numbered.values()), lambda m: m.printed)
    out += year_conflicts(named, lambda m: m.name)
    out += number_conflicts(numbered)
    out += footnote_conflicts(blocks)
    out += heading_conflicts(blocks)
    for i, e in enumerate(out, start=1):
        e.erratum_id = f"E{i:02d}"
    return out
