"""Numbered legal instruments in a profile's text ('Law No. 31146', 'Act No. 14 of 2016', 'Royal Decree 211/2020',
'Decree No. 2020-345/PRES/PM', 'loi n° 2019-021'), and the merging of every mention into one candidate.

The names, number marks and date words come from the language files (helpers.draft.language); this module
only knows the shape of a mention: a name, an optional number mark, a number, then perhaps a year or a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from helpers.data.domains import DOMAIN_IDS
from helpers.draft.language import Language, load_language
from helpers.draft.layout import Block
from helpers.draft.text import is_year, sentences

_NUMBER = r"\d+(?:[-/.]\d+)*(?:(?:[-/]|(?<=\d))[A-Za-z]+(?:[-/.][A-Za-z0-9]+)*)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

ISSUING_SUFFIXES = {
    "IN": "Ministry of the Interior", "MINSA": "Ministry of Health", "RE": "Ministry of Foreign Affairs",
    "TR": "Ministry of Labour and Employment Promotion", "PCM": "Presidency of the Council of Ministers",
    "MIMP": "Ministry of Women and Vulnerable Populations", "MIGRACIONES": "National Migration Authority",
    "SUNAFIL": "National Superintendency of Labour Inspection",
}


@dataclass
class Patterns:
    mention: re.Pattern
    names: list[tuple[re.Pattern, str, str]]  # (full-match regex of a name, type, prefix)
    after: list[re.Pattern]  # year / title patterns tried right after a number, in order
    adopted: re.Pattern


@lru_cache(maxsize=4)
def patterns(lang: Language | None = None) -> Patterns:
    lang = lang or load_language()
    alts = [f"(?i:{n.pattern})" if n.ignore_case else n.pattern for n in lang.numbered]
    names = [(re.compile(a.replace(" ", r"\s+")), n.type, n.prefix) for a, n in zip(alts, lang.numbered)]
    marks = "|".join(f"(?i:{m})" if m.islower() or m.startswith("n") else m for m in lang.number_marks)
    mention = re.compile(
        r"(?<![\w-])(?P<name>" + "|".join(f"(?:{a.replace(' ', chr(92) + 's+')})" for a in alts) + r")"
        r"(?:\s+(?P<mark>" + marks + r"))?\s*(?P<number>" + _NUMBER + r")(?![\w-])")
    months = "|".join(m for m in lang.months)
    of = "|".join(re.escape(w) for w in lang.of_words)
    date = r"(?:\d{1,2}(?:st|nd|rd|th|er)?\s+)?(?:(?:de\s+)?(?:" + months + r")\s+(?:de\s+)?)?"
    after = [
        re.compile(r"^\s*\(" + _YEAR + r"\)"),
        re.compile(r"^\s*\(?(?:" + of + r")\s+" + date + _YEAR + r"\)?", re.IGNORECASE),
        re.compile(r"^,?\s+or\s+the\s+(?P<title>[A-Z][^,;()]{3,}?)\s*\(" + _YEAR + r"\)"),
        re.compile(r"^\s+on\s+the\s+(?P<title>[A-Z][^,;().]{3,}?)\s*(?=[,;.(]|$)"
                   r"(?:\((?:[^(),]*,\s*)?" + _YEAR + r"\))?"),
        re.compile(r"^\s*\((?P<title>[^()]{4,}?)(?:,\s*(?P<year>(?:19|20)\d{2}))?\)"
                   r"(?:\s*\((?P<year2>(?:19|20)\d{2})\))?"),
        re.compile(r"^,\s+" + _YEAR + r"(?![\d-])"),
    ]
    verbs = "|".join(lang.adopted_verbs)
    adopted = re.compile(r"^\s+(?:was|were|fue|a été)\s+(?:" + verbs + r")\s+(?:in|en)\s+(?:(?:" + months
                         + r")\s+)?" + _YEAR + r"\b", re.IGNORECASE)
    return Patterns(mention, names, after, adopted)


def _kind(name: str, pats: Patterns) -> tuple[str, str]:
    for rx, typ, prefix in pats.names:
        if rx.fullmatch(name):
            return typ, prefix
    raise ValueError(name)  # pragma: no cover - the regex only matches declared names


def normalize_number(number: str) -> str:
    """The number as a comparable key: upper case, '/' as '-', no spaces ('00016-2020-PI/TC' -> '00016-2020-PI-TC')."""
    return re.sub(r"\s+", "", number).upper().replace("/", "-")


def numbers_match(a: str, b: str) -> bool:
    """Same number, or one is the other with an issuing-body suffix ('000104-2020' ~ '000104-2020-MIGRACIONES')."""
    a, b = normalize_number(a), normalize_number(b)
    if not a or not b:
        return False
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _bare_number_ok(number: str, after: str) -> bool:
    """Without 'No.' only a hyphenated or slashed number ('007-2017-IN', '211/2020'), three or more digits that
    are not a year ('Decisión 545'), or a number followed by 'of <year>' ('Act 14 of 2016') is a number."""
    if "-" in number or "/" in number:
        return True
    if re.match(r"^\s+of\s+(?:19|20)\d{2}\b", after):
        return True
    return number.isdigit() and len(number) >= 3 and not is_year(number)


@dataclass
class Mention:
    type: str
    prefix: str
    number: str
    printed: str  # the words as printed: 'Supreme Decree No. 010-2020-IN'
    year: str
    title: str
    section: str
    quote: str
    line: int
    key_sources: bool
    start: int = 0  # where the mention starts in its quote
    end: int = 0  # where its number (and a title or year right after it) ends in the quote
    domain: str | None = None
    region: str = "body"
    per_year: bool = False  # numbered per year ('Act No. 14 of 2016'): the year is part of the identity

    @property
    def ident(self) -> str:
        n = normalize_number(self.number)
        return f"{n}-{self.year}" if self.per_year else n


def units_of(block: Block) -> list[str]:
    """A Key sources entry is read up to its address (words inside a URL are not names); prose by sentence."""
    return [block.text.split(" Available at ")[0]] if block.region == "key_sources" else sentences(block.text)


def instrument_mentions(blocks: list[Block], lang: Language | None = None) -> list[Mention]:
    """Every mention of a numbered legal instrument, in order of appearance."""
    pats = patterns(lang or load_language())
    out: list[Mention] = []
    for b in blocks:
        if b.heading or b.region == "front":
            continue
        for sent in units_of(b):
            for m in pats.mention.finditer(sent):
                typ, prefix = _kind(re.sub(r"\s+", " ", m.group("name")), pats)
                number = m.group("number")
                after = sent[m.end():]
                if not m.group("mark") and not _bare_number_ok(number, after):
                    continue
                if typ == "law" and re.search(r"(?:Decree|Decreto|décret)\s*$", sent[:m.start()], re.IGNORECASE):
                    continue
                year, title, end, per_year = "", "", m.end(), False
                for k, pat in enumerate(pats.after):
                    mm = pat.match(after)
                    if not mm:
                        continue
                    gd = mm.groupdict()
                    year = gd.get("year") or gd.get("year2") or ""
                    title = (gd.get("title") or "").strip()
                    if title and is_year(title):
                        title = ""
                    end = m.end() + mm.end()
                    per_year = k == 1 and bool(year) and number.isdigit() and len(number) <= 4 and \
                        not is_year(number)
                    break
                if not year:
                    adopted = pats.adopted.match(after)
                    year = adopted.group("year") if adopted else ""
                out.append(Mention(typ, prefix, number, m.group(0), year, title, b.section, sent, b.line,
                                   b.region == "key_sources", m.start(), end, b.domain, b.region, per_year))
    return out


@dataclass
class InstrumentCandidate:
    instrument_id: str
    type: str
    number: str
    year: str = ""
    title_en: str = ""
    title_original: str = ""  # the title in its own language, from the Key sources entry
    domains: list[str] = field(default_factory=list)
    section: str = ""
    evidence: str = ""
    printed: str = ""
    mentions: int = 0
    sections: list[str] = field(default_factory=list)
    hint: str = ""
    years: list[str] = field(default_factory=list)  # every year the mentions give
    numbers: list[str] = field(default_factory=list)  # every number as printed
    covid: bool = False  # a mention is in the COVID-19 annex or names the pandemic
    rule: str = "numbered"
    after_baseline: str = ""  # 'true' / 'false' from the year against the baseline year; '' when not known


_COVID = re.compile(r"\bCOVID|\bcoronavirus|\bpandemic", re.IGNORECASE)


def merge_mentions(ms: list[Mention], key: tuple[str, str], by_number: dict[str, set[str]]) -> InstrumentCandidate:
    body = [m for m in ms if not m.key_sources]
    first = (body or ms)[0]
    longest = max((m.number for m in ms), key=len)
    number = longest.upper() if re.search(r"[a-z]", longest) and re.search(r"[A-Z]", longest) else longest
    hints = []
    years = [m.year for m in body if m.year] or [m.year for m in ms if m.year]
    year = years[0] if years else ""
    if not year:
        inner = [p for p in re.split(r"[-/]", number) if is_year(p)]
        if inner:
            year = inner[0]
            hints.append("year read from the number")
    if len(set(years)) > 1:
        hints.append("mentions give different years: " + ", ".join(sorted(set(years))))
    numbers = sorted({m.number for m in ms})
    if len(numbers) > 1:
        hints.append("printed as " + " / ".join(numbers))
    suffix = re.search(r"-([A-Za-z]+)$", number)
    if suffix and suffix.group(1).upper() in ISSUING_SUFFIXES:
        hints.append(f"suffix -{suffix.group(1).upper()} usually means {ISSUING_SUFFIXES[suffix.group(1).upper()]}"
                     " (fill issuing_body only if the profile names it)")
    ks = [m for m in ms if m.key_sources and m.start <= 6]  # an entry about this instrument, not naming it
    title_original = ""
    if ks:
        rest = ks[0].quote.split(" Available at ")[0].split(" Not available online")[0]
        title_original = re.sub(r"^(\d{4}[a-z]?|n\.d\.)\s+", "", rest).rstrip(". ")
    domains = sorted({m.domain for m in ms if m.domain}, key=DOMAIN_IDS.index)
    title_en = next((m.title for m in body if m.title), "")
    if not body:
        hints.append("named only in Key sources")
    if len(by_number.get(key[1], ())) > 1:
        others = sorted(by_number[key[1]] - {key[0]})
        hints.append(f"the same number is also printed as another type ({', '.join(others)}): "
                     "one instrument or two? (record a contradiction in errata.csv)")
    sections = list(dict.fromkeys(m.section for m in ms))
    ident = normalize_number(number) + (f"-{first.year}" if first.per_year else "")
    covid = any(m.section.startswith("COVID-19 annex") or _COVID.search(m.quote) for m in body)
    return InstrumentCandidate(
        instrument_id=f"{first.prefix}-{ident}", type=first.type, number=number, year=year,
        title_en=title_en, title_original=title_original, domains=domains, section=first.section, evidence=first.quote,
        printed=first.printed, mentions=len(ms), sections=sections, hint="; ".join(hints),
        years=sorted(set(years)), numbers=numbers, covid=covid)


def group_mentions(mentions: list[Mention]) -> tuple[list[tuple[str, str]], dict[tuple[str, str], list[Mention]]]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    order: list[tuple[str, str]] = []
    for mn in mentions:
        key = None
        for k in order:  # the same instrument printed with or without its issuing-body suffix
            if k[0] == mn.type and numbers_match(k[1], mn.ident):
                key = k
                break
        if key is None:
            key = (mn.type, mn.ident)
            order.append(key)
            groups[key] = []
        groups[key].append(mn)
    return order, groups


def instrument_candidates(blocks: list[Block], lang: Language | None = None) -> list[InstrumentCandidate]:
    """One candidate per distinct numbered instrument: its first body mention (Key sources if only there)."""
    order, groups = group_mentions(instrument_mentions(blocks, lang))
    by_number: dict[str, set[str]] = {}
    for typ, num in order:
        by_number.setdefault(num, set()).add(typ)
    return [merge_mentions(groups[key], key, by_number) for key in order]
