"""Instruments named without a number: the Constitution, codes, named acts and laws, policies, strategies,
plans, programmes, conventions, agreements, protocols, digital systems and surveys.

A name is a run of capitalised words (with the connectives of the language files between them: 'of', 'on',
'the', 'de', 'du'...) that holds a head word ('Code', 'Plan', 'System'...). Names printed as the title of a
numbered instrument ('Legislative Decree No. 1350 on the Law on Migration (Migration Act, 2017)') are aliases
of that instrument, and later mentions of the alias are merged into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from helpers.data.domains import DOMAIN_IDS
from helpers.draft.instruments import InstrumentCandidate, Mention, _COVID, units_of
from helpers.draft.language import Language, load_language
from helpers.draft.layout import Block
from helpers.draft.text import is_year, slug

_L = "A-Za-z0-9À-ÖØ-öø-ÿ"  # letters and digits, not the superscript digits of footnote markers
_CAP = rf"(?:[A-ZÁÉÍÓÚÑÀÂÇÈÊÎÔÛ][{_L}’'.-]*[{_L}]|[A-Z]|(?:19|20)\d{{2}}(?:[–-](?:19|20)?\d{{2}})?)"


@dataclass
class NamedPatterns:
    span: re.Pattern
    heads: dict[str, tuple[str, bool]]  # head word (casefolded) -> (type, needs a modifier)
    connectives: set[str]
    articles: set[str]
    leading: set[str]
    number_after: list[re.Pattern]


@lru_cache(maxsize=4)
def named_patterns(lang: Language | None = None) -> NamedPatterns:
    lang = lang or load_language()
    conn = sorted(lang.connectives, key=len, reverse=True)
    phrases = [re.escape(p).replace(r"\ ", r"\s+") for p in lang.phrases]
    # a capitalised parenthesis inside a title: 'Immigration (Work Permits) Regulations', not '(Act No. 6 of 2011)'
    paren = r"\((?![^()]*\b(?:No|Nos|N°|Nº)\b)[A-Z][^(),]{0,60}\)"
    word = r"(?:" + "|".join(phrases + [_CAP, paren]) + r")"
    join = r"(?:\s+(?:(?:" + "|".join(re.escape(c) for c in conn) + r")\s+)*|\s*[’']\s*|[-–])"
    span = re.compile(r"(?<![\w\-–])" + word + r"(?:" + join + word + r")*")
    heads = {h.word.casefold(): (h.type, h.modifier) for h in lang.heads}
    return NamedPatterns(span, heads, {c.casefold() for c in lang.connectives}, {a.casefold() for a in lang.articles},
                         set(lang.leading_words), list(lang.number_after))


@dataclass
class NamedResult:
    candidates: list[InstrumentCandidate]
    aliases: dict[str, str]  # name key -> id of the numbered instrument whose title it is
    groups: list[list["NamedMention"]]  # the mentions of each candidate, in the same order
    alias_hits: list[tuple["NamedMention", str]]  # mentions of an alias, with the numbered id
    titles: dict[str, str] = field(default_factory=dict)  # numbered id -> name printed with it


@dataclass
class NamedMention:
    name: str
    type: str
    year: str
    section: str
    quote: str
    domain: str | None
    start: int
    end: int
    number: str = ""  # a number printed after the name: '..., 1975 (No. 143)'

    @property
    def key(self) -> str:
        return name_key(self.name, self.type)


def name_key(name: str, typ: str) -> str:
    """What two mentions of one instrument share: type and name without article, years and punctuation."""
    if typ == "constitution":
        return "constitution"
    name = re.sub(r"\s*\([A-Z][A-Za-z]*[A-Z]+\)\s*$", "", name)  # a trailing acronym: '(IBMIS)'
    words = [w for w in re.findall(r"[\w]+", name.casefold()) if not re.fullmatch(r"\d+", w)]
    while words and words[0] in ("the", "a", "an", "el", "la", "le", "les", "l"):
        words = words[1:]
    return typ + ":" + " ".join(words)


def _head_in(tokens: list[str], np: NamedPatterns) -> tuple[int, str, bool] | None:
    """The head that types the name: the first head followed by a connective ('Plan for the ...'), else the last."""
    found = []
    for k, tok in enumerate(tokens):
        for n in (3, 2, 1):  # multi-word heads ('Memorandum of Understanding', 'Road Map')
            words = " ".join(tokens[k:k + n]).casefold()
            if words in np.heads:
                found.append((k, *np.heads[words]))
                break
    if not found:
        return None
    for k, typ, mod in found:
        if k + 1 < len(tokens) and tokens[k + 1].casefold() in np.connectives:
            return k, typ, mod
    return found[-1]


_YEAR_AFTER = re.compile(r"^\s*(?:\((?P<y1>(?:19|20)\d{2})\)|of\s+(?:\d{1,2}\s+)?(?:(?:January|February|March|April|"
                         r"May|June|July|August|September|October|November|December)\s+)?(?P<y2>(?:19|20)\d{2})\b"
                         r"|,\s+(?P<y3>(?:19|20)\d{2})(?![\d-]))")


def _split_on_and(text: str, np: NamedPatterns) -> list[tuple[int, str]]:
    """'Code of Criminal Procedure and the Law against Trafficking' -> two names, when both halves have a head."""
    parts = [(0, text)]
    for m in re.finditer(r"\s+and\s+(?:the\s+)?", text):
        left, right = text[:m.start()], text[m.end():]
        if _head_in(left.split(), np) and _head_in(right.split(), np) and right[:1].isupper():
            return [(0, left)] + [(m.end() + o, t) for o, t in _split_on_and(right, np)]
    return parts


def named_mentions(blocks: list[Block], numbered: list[Mention], lang: Language | None = None) -> list[NamedMention]:
    np = named_patterns(lang or load_language())
    taken: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for m in numbered:
        taken.setdefault((m.line, m.quote), []).append((m.start, m.end))
    out: list[NamedMention] = []
    for b in blocks:
        if b.heading or b.region in ("front", "key_sources"):
            continue
        for sent in units_of(b):
            spans = taken.get((b.line, sent), [])
            for m in np.span.finditer(sent):
                for offset, text in _split_on_and(m.group(0), np):
                    start = m.start() + offset
                    end = start + len(text)
                    if any(s <= start < e or s < end <= e for s, e in spans):
                        continue  # part of a numbered mention ('Law No. 31146') or its title
                    nm = _named(text, start, sent, b, np)
                    if nm:
                        out.append(nm)
    return out


_TAIL = re.compile(r"\s+(?:in|on|since|by|from|of|until)\s+(?:(?:19|20)\d{2}|January|February|March|April|May|June|"
                   r"July|August|September|October|November|December)\b.*$")


def trim_name(text: str) -> str:
    """A name without a trailing date phrase caught by the capitalised run ('... Community in 1999')."""
    return _TAIL.sub("", text)


def _named(text: str, start: int, sent: str, b: Block, np: NamedPatterns) -> NamedMention | None:
    text = trim_name(text)
    tokens = text.split()
    while tokens and (tokens[0].casefold() in np.articles or tokens[0].casefold() in np.connectives
                      or tokens[0] in np.leading):
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    year_in_name = tokens[0] if tokens and is_year(tokens[0]) else ""  # '1951 Convention relating to ...'
    while tokens and (tokens[-1].casefold() in np.connectives or is_year(tokens[-1])):
        if is_year(tokens[-1]) and not year_in_name:
            year_in_name = tokens[-1]  # 'Immigration and Citizenship Act 2011'
        tokens = tokens[:-1]
    head = _head_in(tokens, np)
    if not head:
        return None
    k, typ, needs_modifier = head
    others = [t for j, t in enumerate(tokens) if j != k and t.casefold() not in np.connectives and t[:1].isupper()]
    lead_year = is_year(tokens[0])
    name = " ".join(tokens)
    end = start + len(name)
    if sent[start:end] != name:  # spaces other than one blank inside the name: keep the printed words
        name = sent[start:end]
    after = sent[end:]
    ym = _YEAR_AFTER.match(sent[start + len(" ".join(tokens)):]) if year_in_name else _YEAR_AFTER.match(after)
    year = year_in_name or ((ym.group("y1") or ym.group("y2") or ym.group("y3")) if ym else "")
    if year_in_name and not lead_year:
        end = start + len(" ".join(tokens)) + 1 + len(year_in_name)
        ym = None
        after = sent[end:]
    number = ""
    for rx in np.number_after:
        nm = rx.match(sent[end + (ym.end() if ym else 0):])
        if nm:
            number = nm.group("number")
    if needs_modifier and not others and (not year or lead_year):
        return None  # 'the Law', 'the Plan'
    if re.match(r"^\s*(?:No\.|N°|Nº|n°)", after):
        return None  # a numbered instrument the numbered patterns did not take
    if len(tokens) == 1 and typ != "constitution":  # "the Law (2016)": a reference, not a name
        return None
    return NamedMention(name, typ, year, b.section, sent, b.domain, start, end + (ym.end() if ym else 0), number)


def named_candidates(blocks: list[Block], numbered: list[Mention], numbered_ids: dict[tuple[int, str, int], str],
                     lang: Language | None = None) -> NamedResult:
    """Candidates for the named instruments, aliases (name key -> id of the numbered instrument it titles) and
    the mentions of each candidate."""
    mentions = named_mentions(blocks, numbered, lang)
    aliases: dict[str, str] = {}
    for m in numbered:  # 'Legislative Decree No. 1350 on the Law on Migration (Migration Act, 2017)'
        iid = numbered_ids.get((m.line, m.quote, m.start))
        if iid and m.end > m.start:
            titled = m.quote[m.start:m.end]
            for nm in named_mentions([Block(m.line, titled, m.section, "body", domain=m.domain)], [], lang):
                aliases.setdefault(nm.key, iid)
    titles: dict[str, str] = {}  # numbered id -> the name printed with it
    for nm in mentions:  # 'Immigration and Citizenship Act 2011 (Act No. 6 of 2011)'
        for m in numbered:
            if m.quote == nm.quote and 0 <= m.start - nm.end <= 3 and nm.quote[nm.end:m.start].strip() == "(":
                iid = numbered_ids.get((m.line, m.quote, m.start))
                if iid:
                    aliases.setdefault(nm.key, iid)
                    titles.setdefault(iid, nm.name + (f" {nm.year}" if nm.year and nm.year not in nm.name else ""))
    groups: dict[str, list[NamedMention]] = {}
    alias_hits: list[tuple[NamedMention, str]] = []
    titles_original: dict[str, str] = {}
    translated: dict[str, str] = {}  # name key -> key of the name it translates
    prev: NamedMention | None = None
    for nm in mentions:
        if nm.key in aliases:
            alias_hits.append((nm, aliases[nm.key]))
            continue
        if prev is not None and prev.quote == nm.quote and re.fullmatch(r"\s*\(\*?", nm.quote[prev.end:nm.start]):
            translated.setdefault(nm.key, prev.key)  # 'Virtual Registry … (*Sistema Virtual …*, SIVICE)'
        prev = nm
        if nm.key in translated and translated[nm.key] in groups:
            titles_original.setdefault(translated[nm.key], nm.name)
            continue
        groups.setdefault(nm.key, []).append(nm)
    out: list[InstrumentCandidate] = []
    used: set[str] = set()
    for key, ms in groups.items():
        first = ms[0]
        years = sorted({m.year for m in ms if m.year})
        year = first.year or (years[0] if years else "")
        hints = ["named, not numbered: check the name and type against the profile"]
        if len(years) > 1:
            hints.append("mentions give different years: " + ", ".join(years))
        names = list(dict.fromkeys(m.name for m in ms))
        if len(names) > 1:
            hints.append("printed as " + " / ".join(names[:4]))
        number = next((m.number for m in ms if m.number), "")
        if first.type == "constitution":  # the fullest name ('Constitution of the Republic of ...')
            first = max(ms, key=lambda m: len(m.name))
        base = slug(first.name)[:60].strip("-") or first.type
        iid = base if first.type != "constitution" else f"constitution{'-' + year if year else ''}"
        if year and not iid.endswith(year) and first.type != "constitution":
            iid = f"{iid}-{year}"
        if number:
            iid = f"CONV-{number}" if first.type == "convention" else f"{iid}-{number}"
        while iid in used:
            iid += "-2"
        used.add(iid)
        out.append(InstrumentCandidate(
            instrument_id=iid, type=first.type, number=number, year=year, title_en=first.name,
            title_original=titles_original.get(key, ""),
            domains=sorted({m.domain for m in ms if m.domain}, key=DOMAIN_IDS.index), section=first.section,
            evidence=first.quote, printed=first.name, mentions=len(ms),
            sections=list(dict.fromkeys(m.section for m in ms)), hint="; ".join(hints), years=years,
            covid=any(m.section.startswith("COVID-19 annex") or _COVID.search(m.quote) for m in ms), rule="named"))
    return NamedResult(out, aliases, list(groups.values()), alias_hits, titles)
