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
from helpers.data.vocab import SECTION_LABELS as SECTION
from helpers.draft.instruments import InstrumentCandidate, Mention, instrument_status, names_pandemic, units_of
from helpers.draft.language import Language, load_language
from helpers.draft.layout import Block, is_boilerplate
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
    year_after: re.Pattern  # a year printed after a name: '(2016)', 'of 2016', 'de 2016', ', 2016'
    tail: re.Pattern  # a trailing date phrase caught by the capitalised run ('... Community in 1999')
    and_split: re.Pattern  # 'X and the Y', 'X y la Y': two names when both halves have a head
    mark: re.Pattern  # a number mark right after a name ('No.', 'N°', 'n.º')
    and_words: frozenset[str] = frozenset()
    lowercase: bool = False  # the profile's language writes names in lower case after the head ('Politique
    #   nationale migratoire'): a name runs on over lower-case words until a stop word or punctuation
    stops: frozenset[str] = frozenset()  # words that end such a name (verbs, conjunctions of that language)
    head_start: re.Pattern | None = None  # a capitalised head word


@lru_cache(maxsize=4)
def named_patterns(lang: Language | None = None) -> NamedPatterns:
    lang = lang or load_language()
    conn = sorted(lang.connectives, key=len, reverse=True)
    phrases = [re.escape(p).replace(r"\ ", r"\s+") for p in lang.phrases]
    marks = "|".join(f"(?:{m})" for m in lang.number_marks) or "(?!)"
    # a capitalised parenthesis inside a title: 'Immigration (Work Permits) Regulations', not '(Act No. 6 of 2011)'
    # (not a bracket holding a number: '(Directive 2011/98/EU)' is the instrument's number, not part of its name)
    paren = r"\((?![^()]*(?<!\w)(?:" + marks + r"))(?![^()]*\d+/\d+)[A-Z][^(),]{0,60}\)"
    word = r"(?:" + "|".join(phrases + [_CAP, paren]) + r")"
    join = r"(?:\s+(?:(?:" + "|".join(re.escape(c) for c in conn) + r")\s+)*|\s*[’']\s*|[-–])"
    span = re.compile(r"(?<![\w\-–])" + word + r"(?:" + join + word + r")*")
    heads = {h.word.casefold(): (h.type, h.modifier) for h in lang.heads}
    months = "|".join(re.escape(m) for m in lang.month_names) or "(?!)"
    of = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lang.of_words) or "(?!)"
    join = "|".join(re.escape(w) for w in lang.date_joiners) or "(?!)"
    year = r"(?:19|20)\d{2}"
    year_after = re.compile(r"^\s*(?:\((?P<y4>" + year + r")(?:/\d{2})?\s*[–-]\s*(?:19|20)?\d{2}(?:/\d{2})?\)"
                            r"|\((?P<y1>" + year + r")\)|(?:" + of + r")\s+(?:\d{1,2}\s+(?:(?:" + join + r")\s+)?)?"
                            r"(?:(?:" + months + r")\s+(?:(?:" + join + r")\s+)?)?(?P<y2>" + year + r")\b"
                            r"|,\s+(?P<y3>" + year + r")(?![\d-]))")
    tail_words = "|".join(re.escape(w) for w in lang.name_tail_words) or "(?!)"
    tail = re.compile(r"\s+(?:" + tail_words + r")\s+(?:" + year + "|" + months + r")\b.*$")
    ands = "|".join(re.escape(w) for w in lang.and_words) or "(?!)"
    arts = "|".join(re.escape(a) for a in sorted(lang.articles, key=len, reverse=True)) or "(?!)"
    and_split = re.compile(r"\s+(?:" + ands + r")\s+(?:(?:" + arts + r")\s+)?")
    lower = lang.code in lang.lowercase_names
    head_words = sorted({h.word for h in lang.heads if h.word[:1].isupper()}, key=len, reverse=True)
    head_start = re.compile(r"(?<![\w\-–])(?:" + "|".join(re.escape(w) for w in head_words) + r")(?![\w’'-])") \
        if lower and head_words else None
    return NamedPatterns(span, heads, {c.casefold() for c in lang.connectives}, {a.casefold() for a in lang.articles},
                         set(lang.leading_words), list(lang.number_after), year_after, tail, and_split,
                         re.compile(r"^\s*(?:" + marks + ")"), frozenset(w.casefold() for w in lang.and_words), lower,
                         frozenset(w.casefold() for w in lang.name_stops.get(lang.code, [])), head_start)


_TOKEN = re.compile(r"[^\s,;:.()\[\]«»“”\"]+")


_CAPITAL = re.compile(r"(?<![\w\-–’'])[A-ZÁÉÍÓÚÑÀÂÇÈÊÎÔÛ][\w’'-]+")


def lowercase_runs(sent: str, np: NamedPatterns) -> list[tuple[int, str]]:
    """(start, text) of every name that opens with a capitalised word and runs on in lower case ('Communauté
    économique des États de l'Afrique de l'Ouest'), for a language whose file says lowercase_names."""
    if not np.lowercase:
        return []
    return _lowercase_spans(sent, np, _CAPITAL, np.and_words)


def _lowercase_spans(sent: str, np: NamedPatterns, start_rx: re.Pattern | None = None,
                     allow: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(start, text) of names written in lower case after a capitalised head ('Politique nationale migratoire
    2021-2030', 'Code du travail', 'Fonds d'appui aux initiatives de la diaspora'): the head, then words up to
    punctuation, a stop word of the language, or an article that no connective introduces."""
    out = []
    start_rx = start_rx or np.head_start
    if start_rx is None:
        return out
    for m in start_rx.finditer(sent):
        end, prev_conn, n = m.end(), True, 0
        pos = m.end()
        while n < 14:
            gap = re.match(r"[ \t]+|\s*[’']\s*", sent[pos:])
            if not gap:
                break
            tok = _TOKEN.match(sent, pos + gap.end())
            if not tok:
                break
            word = tok.group(0)
            bare = re.split(r"[’']", word.casefold())[0] if re.search(r"[’']", word) else word.casefold()
            elided = bool(re.search(r"[’'][^\W\d_]", word))  # "l'Afrique": an article joined to its word
            if (word.casefold() in np.stops or bare in np.stops) and word.casefold() not in allow and not elided:
                break
            if (word.casefold() in np.articles or bare in np.articles) and not prev_conn:
                break
            if not (word[:1].isalpha() or is_year(word[:4])):
                break
            prev_conn = not elided and (word.casefold() in np.connectives or word.casefold() in np.articles
                                        or word.casefold() in allow)
            pos = tok.end()
            if not prev_conn:
                end = pos
            n += 1
        if end > m.end():
            out.append((m.start(), sent[m.start():end]))
    return out


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


def name_key(name: str, typ: str, lang: Language | None = None) -> str:
    """What two mentions of one instrument share: type and name without article, years and punctuation."""
    if typ == "constitution":
        return "constitution"
    articles = named_patterns(lang or load_language()).articles
    name = re.sub(r"\s*\([A-Z][A-Za-z]*[A-Z]+\)\s*$", "", name)  # a trailing acronym: '(IBMIS)'
    words = [w for w in re.findall(r"[\w]+", name.casefold()) if not re.fullmatch(r"\d+", w)]
    while words and words[0] in articles:
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


_RANGE_END = re.compile(r"\b((?:19|20)\d{2})(?:/\d{2})?\s*[–-]\s*(?:19|20)?\d{2}(?:/\d{2})?\)?$")


def _split_on_and(text: str, np: NamedPatterns) -> list[tuple[int, str]]:
    """'Code of Criminal Procedure and the Law against Trafficking' -> two names, when both halves have a head."""
    parts = [(0, text)]
    for m in np.and_split.finditer(text):
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
        if b.heading or b.region in ("front", "key_sources") or is_boilerplate(b):
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
            for start, text in _lowercase_spans(sent, np):
                end = start + len(text)
                if any(s <= start < e or s < end <= e for s, e in spans):
                    continue
                nm = _named(text, start, sent, b, np, lowercase=True)
                if nm is None:
                    continue
                same = [o for o in out if o.quote == sent and o.start < nm.end and nm.start < o.end]
                if any(o.end - o.start >= nm.end - nm.start for o in same):
                    continue  # the capitalised run already took it
                out = [o for o in out if o not in same] + [nm]
    return out


def trim_name(text: str, lang: Language | None = None) -> str:
    """A name without a trailing date phrase caught by the capitalised run ('... Community in 1999')."""
    return named_patterns(lang or load_language()).tail.sub("", text)


def _named(text: str, start: int, sent: str, b: Block, np: NamedPatterns,
           lowercase: bool = False) -> NamedMention | None:
    text = np.tail.sub("", text)
    tokens = text.split()
    while tokens and (tokens[0].casefold() in np.articles or tokens[0].casefold() in np.connectives
                      or tokens[0] in np.leading):
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    while len(tokens) > 1 and is_year(tokens[0]) and not tokens[1][:1].isupper():  # '2019 by the … Policy'
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
        while tokens and (tokens[0].casefold() in np.articles or tokens[0].casefold() in np.connectives):
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
    others = [t for j, t in enumerate(tokens) if j != k and t.casefold() not in np.connectives
              and (t[:1].isupper() or (lowercase and t.casefold() not in np.articles))]
    lead_year = is_year(tokens[0])
    name = " ".join(tokens)
    end = start + len(name)
    if sent[start:end] != name:  # spaces other than one blank inside the name: keep the printed words
        name = sent[start:end]
    after = sent[end:]
    ym = np.year_after.match(sent[start + len(" ".join(tokens)):]) if year_in_name else np.year_after.match(after)
    year = year_in_name or ((ym.group("y1") or ym.group("y2") or ym.group("y3") or ym.group("y4")) if ym else "")
    rng = _RANGE_END.search(name)
    if not year and rng:  # 'National Migration Strategy 2021–2030': the plan's first year
        year = rng.group(1)
    if ym and (ym.group("y3") or ym.group("y4")):  # 'Refugees Act, 2006', 'Programme (2018–2022)': part of the name
        name = sent[start:end + ym.end()].strip()
    if year_in_name and not lead_year:
        end = start + len(" ".join(tokens)) + 1 + len(year_in_name)
        ym = None
        after = sent[end:]
    number = ""
    for rx in np.number_after:
        nm = rx.match(sent[end + (ym.end() if ym else 0):])
        if nm:
            number = nm.group("number")
            if not year and "/" in number:  # 'Aliens Act (301/2004)': numbered per year
                year = number.rsplit("/", 1)[1]
    if needs_modifier and not others and (not year or lead_year):
        return None  # 'the Law', 'the Plan'
    if np.mark.match(after):
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
        first = max(ms, key=lambda m: len(m.name))  # the fullest name ('Constitution of the Republic of ...',
        #   'National Strategy for Diaspora Engagement 2018–2022' before 'the National Strategy for Diaspora Engagement')
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
            covid=any(m.section.startswith(SECTION["covid_annex"]) or names_pandemic(m.quote) for m in ms),
            rule="named",
            **dict(zip(("status", "status_rule"), instrument_status([(m.quote, m.start, m.end) for m in ms],
                                                                      lang or load_language())))))
    return NamedResult(out, aliases, list(groups.values()), alias_hits, titles)
