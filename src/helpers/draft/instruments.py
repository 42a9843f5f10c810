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
from helpers.data.vocab import SECTION_LABELS as SECTION
from helpers.draft.layout import Block, is_boilerplate
from helpers.draft.sources import split_entry
from helpers.draft.text import is_year, sentences

# a number may open with capital letters and a hyphen: 'Ministerial Order MO-45/2021', 'Circular No. CB-14/2020'
_NUMBER = r"(?:[A-Z]{1,5}-)?\d+(?:[-/.]\d+)*(?:(?:[-/]|(?<=\d))[A-Za-z]+(?:[-/.][A-Za-z0-9]+)*)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

@dataclass
class Patterns:
    mention: re.Pattern
    names: list[tuple[re.Pattern, str, str, re.Pattern | None]]  # (full-match regex of a name, type, prefix,
    #   the words the passage must hold for that type: an overlay's 'Decision' is Andean only beside 'CAN')
    after: list[re.Pattern]  # year / title patterns tried right after a number, in order
    adopted: re.Pattern
    not_law: re.Pattern  # 'Decree' before 'Law No.': a decree-law, not a law
    covid: re.Pattern  # a mention naming the pandemic
    suffixes: dict[str, str]  # issuing-body suffixes of a number (overlays: Peru's 'MINSA')
    prefix: re.Pattern  # capitalised words printed right before the name ('Federal', 'Nationality', 'Ministry of …')
    subject: re.Pattern  # the subject phrase after the number ('on the Entry and Residence of Foreigners')
    leading: set[str]


@lru_cache(maxsize=4)
def patterns(lang: Language | None = None) -> Patterns:
    lang = lang or load_language()
    alts = [f"(?i:{n.pattern})" if n.ignore_case else n.pattern for n in lang.numbered]
    names = [(re.compile(a.replace(" ", r"\s+")), n.type, n.prefix, n.context) for a, n in zip(alts, lang.numbered)]
    names.sort(key=lambda x: x[3] is None)  # a name that needs its context is tried first
    marks = "|".join(f"(?i:{m})" if m.islower() or m.startswith("n") else m for m in lang.number_marks)
    mention = re.compile(
        r"(?<![\w-])(?P<name>" + "|".join(f"(?:{a.replace(' ', chr(92) + 's+')})" for a in alts) + r")"
        r"(?:\s+(?P<mark>" + marks + r"))?\s*(?P<number>" + _NUMBER + r")(?![\w-])")
    months = "|".join(m for m in lang.months)
    of = "|".join(re.escape(w) for w in lang.of_words)
    iw = lang.instrument_words
    alias = "|".join(iw.get("alias_intro", [])) or "(?!)"  # 'Law No. 5, or the Migration Act (2016)'
    title = "|".join(iw.get("title_intro", [])) or "(?!)"  # 'Decree No. 7 on the Migration Policy'
    date = r"(?:\d{1,2}(?:st|nd|rd|th|er)?\s+)?(?:(?:de\s+)?(?:" + months + r")\s+(?:de\s+)?)?"
    after = [
        re.compile(r"^\s*\(" + _YEAR + r"\)"),
        re.compile(r"^\s*\(?(?:" + of + r")\s+" + date + _YEAR + r"\)?", re.IGNORECASE),
        re.compile(r"^,?\s+(?:" + alias + r")\s+(?P<title>[A-Z][^,;()]{3,}?)\s*\(" + _YEAR + r"\)"),
        re.compile(r"^\s+(?:" + title + r")\s+(?P<title>[A-Z][^,;().]{3,}?)\s*(?=[,;.(]|$)"
                   r"(?:\((?:[^(),]*,\s*)?" + _YEAR + r"\))?"),
        re.compile(r"^\s*\((?P<title>[^()]{4,}?)(?:,\s*(?P<year>(?:19|20)\d{2}))?\)"
                   r"(?:\s*\((?P<year2>(?:19|20)\d{2})\))?"),
        re.compile(r"^,\s+" + _YEAR + r"(?![\d-])"),
    ]
    verbs = "|".join(lang.adopted_verbs)
    passive = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in iw.get("passive", [])) or "(?!)"
    year_in = "|".join(re.escape(w) for w in iw.get("year_in", [])) or "(?!)"
    adopted = re.compile(r"^\s+(?:" + passive + r")\s+(?:" + verbs + r")\s+(?:" + year_in + r")\s+(?:(?:" + months
                         + r")\s+)?" + _YEAR + r"\b", re.IGNORECASE)
    conn = "|".join(re.escape(c) for c in sorted(lang.connectives, key=len, reverse=True)) or "(?!)"
    prefix = re.compile(r"(?:(?:[A-Z][\w’'-]*|(?:" + conn + r"))\s+)+$")
    subj = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lang.title_subject, key=len, reverse=True))
    stop = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lang.title_stop, key=len, reverse=True))
    subject = re.compile(r"^,?\s+(?P<subject>(?:" + (subj or "(?!)") + r")\s+[^,;.()]{2,120}?)"
                         r"(?=\s*[,;.()]|\s*$|\s+(?:" + (stop or "(?!)") + r")\b)")
    not_law = "|".join(re.escape(w) for w in iw.get("not_law_after", [])) or "(?!)"
    return Patterns(mention, names, after, adopted, re.compile(r"(?:" + not_law + r")\s*$", re.IGNORECASE),
                    re.compile(lang.covid["pandemic"].pattern, re.IGNORECASE) if "pandemic" in lang.covid
                    else re.compile("(?!)"), dict(lang.issuing_suffixes), prefix, subject,
                    set(lang.leading_words) | {a[:1].upper() + a[1:] for a in lang.articles})


def full_title(sent: str, start: int, end: int, pats: Patterns) -> str:
    """The instrument's title as printed: the capitalised words right before its name, the name, number and date,
    and a subject phrase ('Federal Law No. 6 of 2008 on the Entry and Residence of Foreigners')."""
    head = ""
    m = pats.prefix.search(sent[:start])
    if m and m.start() == start - len(m.group(0)):
        words = m.group(0).split()
        while words and (words[0] in pats.leading or not words[0][:1].isupper()):
            words = words[1:]
        head = " ".join(words) + " " if words else ""
    title = head + sent[start:end].strip()
    sm = pats.subject.match(sent[end:])
    if sm and len(sm.group("subject").split()) <= 16:
        title += " " + sm.group("subject").strip()
    return re.sub(r"\s+", " ", title).rstrip(" ,;")


def instrument_status(spans: list[tuple[str, int, int]], lang: Language) -> tuple[str, str]:
    """(status, rule) from the words right before or after any of an instrument's mentions (quote, start, end);
    the rules of the language files in their order; ('not_stated', '') when none fires."""
    for name, status, before, after in lang.instrument_status:
        for quote, start, end in spans:
            if before is not None and before.search(quote[:start]):
                return status, name
            if after is not None and after.match(quote[end:]):
                return status, name
    return "not_stated", ""


def _kind(name: str, pats: Patterns, passage: str = "") -> tuple[str, str] | None:
    """(type, id prefix) of a name; None when the name is declared only for a context the passage lacks
    ('Resolution' of a city council, not 'Resolution 70/1 of the General Assembly')."""
    for rx, typ, prefix, context in pats.names:
        if rx.fullmatch(name) and (context is None or context.search(passage)):
            return typ, prefix
    return None


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
    full: str = ""  # the title as printed around the mention (full_title)

    @property
    def ident(self) -> str:
        n = normalize_number(self.number)
        return f"{n}-{self.year}" if self.per_year else n


def units_of(block: Block) -> list[str]:
    """A Key sources entry is read up to its address (words inside a URL are not names); prose by sentence."""
    if block.region == "key_sources":
        title, printed, _ = split_entry(block.text, load_language())
        return [title if printed else block.text]
    return sentences(block.text)


def instrument_mentions(blocks: list[Block], lang: Language | None = None) -> list[Mention]:
    """Every mention of a numbered legal instrument, in order of appearance."""
    pats = patterns(lang or load_language())
    out: list[Mention] = []
    for b in blocks:
        if b.heading or b.region == "front" or is_boilerplate(b):
            continue
        for sent in units_of(b):
            for m in pats.mention.finditer(sent):
                kind = _kind(re.sub(r"\s+", " ", m.group("name")), pats, f"{sent} {b.section}")
                if kind is None:
                    continue
                typ, prefix = kind
                number = m.group("number")
                after = sent[m.end():]
                if not m.group("mark") and not _bare_number_ok(number, after):
                    continue
                if typ == "law" and pats.not_law.search(sent[:m.start()]):
                    continue
                year, title, end, per_year, titled = "", "", m.end(), False, False
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
                    titled = k in (2, 4) and bool(title)  # a title printed in brackets or after 'or the'
                    per_year = k == 1 and bool(year) and number.isdigit() and len(number) <= 4 and \
                        not is_year(number)
                    break
                if not year:
                    adopted = pats.adopted.match(after)
                    year = adopted.group("year") if adopted else ""
                out.append(Mention(typ, prefix, number, m.group(0), year, title, b.section, sent, b.line,
                                   b.region == "key_sources", m.start(), end, b.domain, b.region, per_year,
                                   "" if titled else full_title(sent, m.start(), end, pats)))
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
    status: str = "not_stated"
    status_rule: str = ""


def names_pandemic(text: str, lang: Language | None = None) -> bool:
    """The text names the pandemic (the language files' covid.pandemic words)."""
    return bool(patterns(lang or load_language()).covid.search(text))


def merge_mentions(ms: list[Mention], key: tuple[str, str], by_number: dict[str, set[str]],
                   lang: Language | None = None) -> InstrumentCandidate:
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
    suffixes = patterns(load_language()).suffixes
    if suffix and suffix.group(1).upper() in suffixes:
        hints.append(f"suffix -{suffix.group(1).upper()} usually means {suffixes[suffix.group(1).upper()]}"
                     " (fill issuing_body only if the profile names it)")
    ks = [m for m in ms if m.key_sources and m.start <= 6]  # an entry about this instrument, not naming it
    title_original = ""
    if ks:
        rest = split_entry(ks[0].quote, load_language())[0]
        title_original = re.sub(r"^(\d{4}[a-z]?|n\.d\.)\s+", "", rest).rstrip(". ")
    domains = sorted({m.domain for m in ms if m.domain}, key=DOMAIN_IDS.index)
    fulls = [m.full for m in body if m.full and m.full != m.printed]
    full = max(fulls, key=len) if fulls else ""  # the mention that prints the most of its title
    title_en = full or next((m.title for m in body if m.title), "")
    if not body:
        hints.append("named only in Key sources")
    if len(by_number.get(key[1], ())) > 1:
        others = sorted(by_number[key[1]] - {key[0]})
        hints.append(f"the same number is also printed as another type ({', '.join(others)}): "
                     "one instrument or two? (record a contradiction in errata.csv)")
    sections = list(dict.fromkeys(m.section for m in ms))
    ident = normalize_number(number) + (f"-{first.year}" if first.per_year else "")
    covid = any(m.section.startswith(SECTION["covid_annex"]) or names_pandemic(m.quote) for m in body)
    return InstrumentCandidate(
        instrument_id=f"{first.prefix}-{ident}", type=first.type, number=number, year=year,
        title_en=title_en, title_original=title_original, domains=domains, section=first.section, evidence=first.quote,
        printed=first.printed, mentions=len(ms), sections=sections, hint="; ".join(hints),
        years=sorted(set(years)), numbers=numbers, covid=covid,
        **dict(zip(("status", "status_rule"), instrument_status([(m.quote, m.start, m.end) for m in body],
                                                                  lang or load_language()))))


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
