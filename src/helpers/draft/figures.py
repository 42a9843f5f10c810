"""Figures in a profile's prose: value, unit, qualifier, reference date and the organisation cited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers.draft.language import Language, load_language
from helpers.draft.layout import Block
from helpers.draft.text import format_value, is_year, sentences

# --- figures ------------------------------------------------------------------------------------------
# The words (number words, units, qualifiers, scales, 'per cent', 'as of', 'according to') and the way numbers
# are written (1,234.5 / 1.234,5 / 1 234,5) are the [figures] section of the profile's language file.

_YEAR = r"(?:19|20)\d{2}"


def _alts(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class FigurePatterns:
    number_words: dict[str, int]
    units: dict[str, str]
    time_units: frozenset[str]
    one_words: frozenset[str]  # number words that are also articles: a figure only before a time unit
    qualifiers: tuple[tuple[str, str], ...]
    scales: dict[str, float]
    thousands: tuple[str, ...]
    decimal: str
    skip_before: re.Pattern
    digits: re.Pattern
    scale: re.Pattern
    percent: re.Pattern
    as_of: re.Pattern
    in_date: re.Pattern
    according: re.Pattern
    number_of: re.Pattern
    population: re.Pattern
    estimated: re.Pattern
    ordinal: re.Pattern
    date_before: re.Pattern  # words right before a year that make it a date ('in 2019')
    day_of: re.Pattern  # a day before a month ('9 July')
    months: dict[str, int]
    word_numbers: re.Pattern
    ref_date: re.Pattern  # a reference date next to a figure ('in 2020', 'by the end of 2022', 'as of June 2023')
    clause_date: re.Pattern  # a date opening the figure's clause ('In 2022, …', '… that in 2020, …')
    end_of: re.Pattern  # 'by the end of 2022' -> 2022-12
    only_before: re.Pattern  # date words that date a figure only when they come before it ('of', 'for')
    method_after: re.Pattern  # the MGI method's own numbers ('3 principles and 3 objectives')
    rate_words: frozenset[str]  # 'QSR 4,000 a month' is a rate, not a duration
    change: re.Pattern  # the words between two figures of one measure at two dates ('… in 2018 to …')
    target: re.Pattern  # a figure that is aimed at ('aims to', 'a target of')


@lru_cache(maxsize=16)
def figure_patterns(lang: Language) -> FigurePatterns:
    w = lang.figure_words
    months = dict(lang.months)
    mre = _alts(lang.month_names)
    joiners = _alts(lang.date_joiners) or "(?!)"
    month_year = rf"(?:(?P<month>{mre})\s+(?:(?:{joiners})\s+)?)?(?P<year>{_YEAR})"
    day_join = rf"(?:(?:{joiners})\s+)?"  # '31 de diciembre de 2020'
    articles = _alts(lang.articles) or "(?!)"
    links = _alts(w("clause_links", [])) or "(?!)"  # 'In 2020, … of 2021': words before a date inside the clause
    thousands = tuple(w("thousands_separators", [","]))
    decimal = w("decimal_mark", ".")
    seps = "".join(re.escape(t) for t in thousands)
    lead = r"(?<![\w/\-–.,%#$^{}+*])"
    grouped = rf"\d{{1,3}}(?:[{seps}]\d{{3}})+" if seps else r"(?!)"
    digits = re.compile(lead + rf"({grouped}|\d+)(?:{re.escape(decimal)}(\d+))?(?![\w/\-–%}}$^*]|[.,]\*)")
    skip = set()
    for code in lang.codes:  # a number after 'No.', 'article', 'ley'... of any language is not a figure
        skip |= set(lang.figures.get(code, {}).get("skip_before", []))
    scales = {k.casefold(): float(v) for k, v in w("scales", {}).items()}
    return FigurePatterns(
        number_words={k.casefold(): int(v) for k, v in w("number_words", {}).items()},
        units={k.casefold(): v for k, v in w("units", {}).items()},
        time_units=frozenset(u.casefold() for u in w("time_units", [])),
        one_words=frozenset(u.casefold() for u in w("one_words", [])),
        qualifiers=tuple((k.casefold(), v) for k, v in w("qualifiers", {}).items()),
        scales=scales, thousands=thousands, decimal=decimal,
        skip_before=re.compile(r"(?:\b(?:" + _alts(skip) + r")\.?\s*)$", re.IGNORECASE),
        digits=digits,
        scale=re.compile(r"^\s+(" + (_alts(scales) or "(?!)") + r")\b", re.IGNORECASE),
        percent=re.compile(w("percent", "(?!)"), re.IGNORECASE),
        as_of=re.compile(r"\b(?:" + w("as_of", "(?!)") + r")\s+" + month_year, re.IGNORECASE),
        in_date=re.compile(r"\b(?:" + w("in_date", "(?!)") + r")\s+" + month_year + r"\b"),
        according=re.compile("(?i:" + w("according_to", "(?!)") + ")" + r"(?P<org>[A-ZÁÉÍÓÚÀÂÇÊÔ][^,.()]{2,120}?)"
                             r"(?:\s*\((?P<tag>(?:19|20)\d{2}[a-z]?)\))?(?=[,.;]|$)"),
        number_of=re.compile(w("number_of", "(?!)") + r"\s+(\w+)", re.IGNORECASE),
        population=re.compile(w("population", "(?!)"), re.IGNORECASE),
        estimated=re.compile(w("estimated", "(?!)"), re.IGNORECASE),
        ordinal=re.compile(w("ordinal_suffix", "(?!)")),
        date_before=re.compile(r"\b(?:" + (mre or "(?!)") + "|" + (_alts(w("date_words", [])) or "(?!)") + r")\s+$"),
        day_of=re.compile(r"^\s+(?:(?:" + joiners + r")\s+)?(?:" + (mre or "(?!)") + r")\b", re.IGNORECASE),
        months=months,
        word_numbers=re.compile(r"\b(" + (_alts(w("number_words", {})) or "(?!)") + r")\b", re.IGNORECASE),
        ref_date=re.compile(r"\b(?P<words>" + w("reference_date", "(?!)") + r")\s+(?:(?:" + articles + r")\s+(?=" + _YEAR +
                            r"\s+(?:" + w("dated_events", "(?!)") + r")))?(?:(?P<day>\d{1,2})\s+" + day_join + r")?" +
                            month_year + r"\b(?!\s*[–-]\s*\d)",
                            re.IGNORECASE),
        clause_date=re.compile(r"(?:^|[,;:]\s*|\b(?:" + w("clause_openers", "(?!)") + r")\s+)(?P<words>" +
                               w("reference_date", "(?!)") + r")\s+(?:[^,;]{0,40}?\s+(?:" + links + r")\s+)?"
                               r"(?:(?P<day>\d{1,2})\s+" + day_join + r")?" +
                               month_year + r"(?:\s*,|(?<=\d)(?=\s+(?:" + w("clause_openers_after", "(?!)") + r")\b))",
                               re.IGNORECASE),
        end_of=re.compile(w("end_of", "(?!)"), re.IGNORECASE),
        only_before=re.compile(r"^(?:" + w("date_only_before", "(?!)") + r")\s", re.IGNORECASE),
        method_after=re.compile(r"^\s+(?:\w+\s+)?(?:" + w("method_words", "(?!)") + r")\b", re.IGNORECASE),
        rate_words=frozenset(x.casefold() for x in w("rate_words", [])),
        change=re.compile(w("change_between", "(?!)"), re.IGNORECASE),
        target=re.compile(w("target", "(?!)"), re.IGNORECASE),
    )


# the MGI method's own numbers (90 indicators, 6 domains, 12 questions): the same in every profile, never a candidate
_METHOD_UNITS = {"indicators", "domains", "questions"}
# a currency written before the amount: 'USD 11 billion', 'QSR 4,000', 'US$ 20', '€ 5' (ISO codes and symbols)
_CURRENCY_BEFORE = re.compile(r"(?:\b(?P<code>[A-Z]{3})|(?P<sym>US\$|\$|€|£))\s?$")
_CURRENCY = {"USD": "usd", "US$": "usd", "$": "usd", "EUR": "eur", "€": "eur"}


_CITED = re.compile(r"\((?P<org>[A-Z][^(),]{1,80}?),\s*(?P<tag>(?:19|20)\d{2}[a-z]?|n\.d\.)\)")


@dataclass
class FigureCandidate:
    value: float
    unit: str
    qualifier: str
    reference_date: str
    source_org: str
    source_tag: str
    section: str
    evidence: str
    context: str
    hint: str = ""
    source_id: str = ""
    theme: str = ""
    theme_rule: str = ""
    indicator: str = ""
    indicator_rule: str = ""
    start: int = 0  # where the figure stands in its sentence (evidence)
    end: int = 0

    @property
    def value_text(self) -> str:
        return format_value(self.value)


def _date(month: str | None, year: str, fp: FigurePatterns, words: str = "") -> str:
    if not month and words and fp.end_of.search(words):
        return f"{year}-12"  # 'by the end of 2022'
    return f"{year}-{fp.months[month.casefold()]:02d}" if month else year


def _dated(m: re.Match, fp: FigurePatterns) -> str:
    date = _date(m.group("month"), m.group("year"), fp, m.group("words"))
    day = m.groupdict().get("day")
    return f"{date}-{int(day):02d}" if day and m.group("month") else date  # 'as at 31 December 2021'


# a footnote that opens with the source it cites: '⁴ Office of the Commissioner for Refugees, 2022. About 60 per cent …'
_FOOTNOTE_CITES = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*(?P<org>[A-Z][^,.()]{2,100}?),\s*(?P<tag>(?:19|20)\d{2}[a-z]?)\.\s")


def _qualifier(before: str, sentence: str, fp: FigurePatterns) -> str:
    if fp.target.search(before):  # 'the NIS aims to decide … within 30 days': an aim, whatever the words after it
        return "target"
    tail = _CURRENCY_BEFORE.sub("", before).casefold().rstrip()  # 'less than QSR 4,000'
    for words, q in fp.qualifiers:
        if re.search(r"(?:^|\W)" + re.escape(words) + r"$", tail):
            return q
    return "estimated" if fp.estimated.search(before) else "exact"  # 'an estimated 450,000', 'estimates that 48,000'


def _unit(after: str, sentence: str, previous: str, fp: FigurePatterns, before: str = "") -> str:
    if fp.percent.match(after):
        return "percent"
    cur = _CURRENCY_BEFORE.search(before)
    if cur:
        code = cur.group("code") or cur.group("sym")
        if code in _CURRENCY:
            return _CURRENCY[code]
        return "local_currency"  # a three-letter code other than USD and EUR before the amount
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", after[:60])
    for i, w in enumerate(words[:4]):
        if w.casefold() in fp.units:
            if i and words[i - 1].casefold() in fp.rate_words:  # 'QSR 4,000 a month' is a rate
                break
            return fp.units[w.casefold()]
    m = fp.number_of.search(sentence)
    if m and m.group(1).casefold() in fp.units:
        return fp.units[m.group(1).casefold()]
    if previous:
        return previous
    if fp.population.search(sentence):
        return "persons"
    return ""


def _value(raw: str, fp: FigurePatterns) -> float:
    """'1,234' (en), '1.234' (es, pt), '1 234' (fr) -> 1234; '12,5' (es, fr, pt) -> 12.5."""
    whole, _, frac = raw.partition(fp.decimal) if fp.decimal in raw else (raw, "", "")
    for sep in fp.thousands:
        whole = whole.replace(sep, "")
    return float(whole + ("." + frac if frac else ""))


def _figure_spans(sentence: str, fp: FigurePatterns) -> list[tuple[int, int, float, str]]:
    """(start, end, value, kind) for each figure in a sentence: digits, or a number word before a unit."""
    spans = []
    for m in fp.digits.finditer(sentence):
        raw = m.group(0)
        after = sentence[m.end():]
        before = sentence[:m.start()]
        if re.match(r"^[.,]\d", after):  # part of a dotted code (41.22.717)
            continue
        if fp.ordinal.match(after):
            continue
        if fp.skip_before.search(before):
            continue
        value = _value(raw, fp)
        scale = fp.scale.match(after)
        unit_after = re.match(r"^\s+([^\W\d_]+)", after)
        if raw.isdigit() and is_year(raw) and not scale and not fp.percent.match(after) and (
                not (unit_after and unit_after.group(1).casefold() in fp.units)
                or fp.date_before.search(before)):
            continue  # a year is a date, not a figure
        if value <= 31 and fp.day_of.match(after):
            continue  # the day of a date
        end = m.end()
        if scale:
            value = round(value * fp.scales[scale.group(1).casefold()], 6)  # 16.4 million, not 16399999.99…
            end += scale.end()
        spans.append((m.start(), end, value, "digits"))
    for m in fp.word_numbers.finditer(sentence):
        after = sentence[m.end():]
        nxt = re.findall(r"[^\W\d_]+", after[:40])[:3]
        word = m.group(1).casefold()
        units = [w.casefold() for w in nxt if w.casefold() in fp.units]
        if not units or (word in fp.one_words and units[0] not in fp.time_units):
            continue
        # the unit must come right after the number or after one adjective ('four member countries')
        if nxt[0].casefold() not in fp.units and (len(nxt) < 2 or nxt[1].casefold() not in fp.units):
            continue
        spans.append((m.start(), m.end(), float(fp.number_words[word]), "words"))
    return sorted(spans)


def _context(sent: str, start: int, end: int, width: int = 50) -> str:
    """The figure in brackets with up to `width` characters either side, cut at word boundaries."""
    a = max(0, start - width)
    if a:
        a = sent.find(" ", a, start)
        a = start if a < 0 else a + 1
    b = min(len(sent), end + width)
    if b < len(sent):
        cut = sent.rfind(" ", end, b)
        b = end if cut < 0 else cut
    return (("…" if a else "") + sent[a:start] + "[" + sent[start:end] + "]" + sent[end:b].rstrip(" ,;:") +
            ("…" if b < len(sent) else ""))


def _reference_date(sent: str, spans, k: int, fp: FigurePatterns) -> tuple[str, str]:
    """(date, hint) of the k-th figure: a date right after it (before the next figure), else a date opening its
    clause before it, else 'as of …'; a date elsewhere in the sentence is only named in the hint."""
    start, end = spans[k][0], spans[k][1]
    next_start = spans[k + 1][0] if k + 1 < len(spans) else len(sent)
    prev_end = spans[k - 1][1] if k else 0
    m = fp.ref_date.search(sent[end:next_start])
    if m and not fp.only_before.match(m.group("words") + " "):
        return _dated(m, fp), ""
    opening = list(fp.clause_date.finditer(sent[:start]))
    if opening and (opening[-1].start() >= prev_end or not k or fp.clause_date.match(sent)):
        return _dated(opening[-1], fp), ""
    m = fp.as_of.search(sent)
    if m:
        return _date(m.group("month"), m.group("year"), fp), ""
    m = fp.ref_date.search(sent)
    if m:
        return "", f"no reference date next to the figure; the sentence names {m.group(0)!r}: check"
    return "", ""


def figure_candidates(blocks: list[Block], lang: Language | None = None) -> list[FigureCandidate]:
    """Every figure in the prose (not the front matter, headings or Key sources), one per number; not the MGI
    method's own numbers."""
    fp = figure_patterns(lang or load_language())
    out: list[FigureCandidate] = []
    for b in blocks:
        if b.heading or b.region in ("front", "key_sources") or len(b.text.split()) < 4:
            continue
        for sent in sentences(b.text):
            spans = _figure_spans(sent, fp)
            previous_unit = ""
            for k, (start, end, value, kind) in enumerate(spans):
                before, after = sent[:start], sent[end:]
                date, date_hint = _reference_date(sent, spans, k, fp)
                hint = [date_hint] if date_hint else []
                unit = _unit(after, sent, previous_unit, fp, before)
                if unit in _METHOD_UNITS or fp.method_after.match(after):
                    continue  # 'around 90 indicators', '6 domains', '3 principles and 3 objectives'
                previous_unit = unit or previous_unit
                org, tag = "", ""
                m_cite = _CITED.search(after) or fp.according.search(after) or fp.according.search(before) or \
                    _FOOTNOTE_CITES.match(b.text)
                if m_cite:
                    org, tag = m_cite.group("org").strip(), (m_cite.group("tag") or "")
                if not unit:
                    hint.append("no unit word next to the figure: choose the unit")
                if kind == "words":
                    hint.append("number written in words")
                out.append(FigureCandidate(value, unit, _qualifier(before, sent, fp), date, org, tag, b.section,
                                           sent, _context(sent, start, end), "; ".join(hint), start=start, end=end))
    return out


def suggest_theme(sentence: str, unit: str, lang: Language | None = None) -> tuple[str, str]:
    """(theme, the words that suggested it) from the language files' theme rules; ('', '') when none fires."""
    lang = lang or load_language()
    for rule in lang.themes:
        m = rule.regex.search(sentence)
        if m:
            return rule.value, m.group(0)
    return "", ""


def assign_indicators(figures: list[FigureCandidate], lang: Language | None = None) -> None:
    """One indicator slug per thing measured: the figures of one sentence that give the same measure at two dates
    ('rose from 2 in 2018 to 5 in 2022') share one, so that its change is charted; others get their own."""
    change = figure_patterns(lang or load_language()).change
    for i, f in enumerate(figures):
        if f.indicator:
            continue
        f.indicator = suggest_indicator(f.theme, f.unit, f.context)
        f.indicator_rule = "theme, unit and the words after the figure"
        for g in figures[i + 1:i + 2]:
            if g.evidence != f.evidence or g.unit != f.unit or g.indicator or g.start < f.end:
                continue
            if change.search(f.evidence[f.end:g.start]):
                g.indicator = f.indicator
                g.indicator_rule = f"the same measure as {format_value(f.value)} in the same sentence (a change)"
                f.indicator_rule = "shared with the next figure of the same sentence (a change)"
    seen: dict[str, float] = {}
    for f in figures:  # another measure that drew the same words: keep them apart
        if "(a change)" in f.indicator_rule:
            seen.setdefault(f.indicator, f.value)
            continue
        base, n = f.indicator, 2
        while f.indicator in seen and seen[f.indicator] != f.value:
            f.indicator = f"{base}_{n}"
            n += 1
        seen.setdefault(f.indicator, f.value)


def suggest_indicator(theme: str, unit: str, context: str) -> str:
    """A slug for what is measured: theme, unit and the first content word after the figure."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", context.split("]", 1)[-1])][:2]
    return "_".join(p for p in [theme or "figure", unit, *words] if p)[:60]
