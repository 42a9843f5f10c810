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


@lru_cache(maxsize=16)
def figure_patterns(lang: Language) -> FigurePatterns:
    w = lang.figure_words
    months = dict(lang.months)
    mre = _alts(lang.month_names)
    joiners = _alts(lang.date_joiners) or "(?!)"
    month_year = rf"(?:(?P<month>{mre})\s+(?:(?:{joiners})\s+)?)?(?P<year>{_YEAR})"
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
        according=re.compile(w("according_to", "(?!)") + r"(?P<org>[A-ZÁÉÍÓÚÀÂÇÊÔ][^,.()]{2,120}?)"
                             r"(?:\s*\((?P<tag>(?:19|20)\d{2}[a-z]?)\))?(?=[,.;]|$)"),
        number_of=re.compile(w("number_of", "(?!)") + r"\s+(\w+)", re.IGNORECASE),
        population=re.compile(w("population", "(?!)"), re.IGNORECASE),
        estimated=re.compile(w("estimated", "(?!)"), re.IGNORECASE),
        ordinal=re.compile(w("ordinal_suffix", "(?!)")),
        date_before=re.compile(r"\b(?:" + (mre or "(?!)") + "|" + (_alts(w("date_words", [])) or "(?!)") + r")\s+$"),
        day_of=re.compile(r"^\s+(?:(?:" + joiners + r")\s+)?(?:" + (mre or "(?!)") + r")\b", re.IGNORECASE),
        months=months,
        word_numbers=re.compile(r"\b(" + (_alts(w("number_words", {})) or "(?!)") + r")\b", re.IGNORECASE),
    )


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

    @property
    def value_text(self) -> str:
        return format_value(self.value)


def _date(month: str | None, year: str, fp: FigurePatterns) -> str:
    return f"{year}-{fp.months[month.casefold()]:02d}" if month else year


def _qualifier(before: str, sentence: str, fp: FigurePatterns) -> str:
    tail = before.casefold().rstrip()
    for words, q in fp.qualifiers:
        if re.search(r"(?:^|\W)" + re.escape(words) + r"$", tail):
            return q
    return "estimated" if fp.estimated.search(sentence) else "exact"


def _unit(after: str, sentence: str, previous: str, fp: FigurePatterns) -> str:
    if fp.percent.match(after):
        return "percent"
    words = re.findall(r"[^\W\d_]+", after[:60])
    for w in words[:4]:
        if w.casefold() in fp.units:
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
            value *= fp.scales[scale.group(1).casefold()]
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


def figure_candidates(blocks: list[Block], lang: Language | None = None) -> list[FigureCandidate]:
    """Every figure in the prose (not the front matter, headings or Key sources), one per number."""
    fp = figure_patterns(lang or load_language())
    out: list[FigureCandidate] = []
    for b in blocks:
        if b.heading or b.region in ("front", "key_sources") or len(b.text.split()) < 4:
            continue
        for sent in sentences(b.text):
            spans = _figure_spans(sent, fp)
            previous_unit = ""
            as_of = fp.as_of.search(sent)
            for k, (start, end, value, kind) in enumerate(spans):
                before, after = sent[:start], sent[end:]
                next_start = spans[k + 1][0] if k + 1 < len(spans) else len(sent)
                local = sent[end:next_start]
                date = ""
                hint = []
                m_local = fp.in_date.search(local)
                if m_local:
                    date = _date(m_local.group("month"), m_local.group("year"), fp)
                elif as_of:
                    date = _date(as_of.group("month"), as_of.group("year"), fp)
                else:
                    m_any = fp.in_date.search(sent)
                    if m_any:
                        date = _date(m_any.group("month"), m_any.group("year"), fp)
                        hint.append("reference date taken from elsewhere in the sentence")
                unit = _unit(after, sent, previous_unit, fp)
                previous_unit = unit or previous_unit
                org, tag = "", ""
                m_cite = _CITED.search(after) or fp.according.search(after)
                if m_cite:
                    org, tag = m_cite.group("org").strip(), (m_cite.group("tag") or "")
                ctx_start = max(0, start - 40)
                context = ("…" if ctx_start else "") + sent[ctx_start:start] + "[" + sent[start:end] + "]" + \
                    sent[end:end + 40] + ("…" if end + 40 < len(sent) else "")
                if kind == "words":
                    hint.append("number written in words")
                out.append(FigureCandidate(value, unit, _qualifier(before, sent, fp), date, org, tag, b.section, sent,
                                           context, "; ".join(hint)))
    return out




def suggest_theme(sentence: str, unit: str, lang: Language | None = None) -> tuple[str, str]:
    """(theme, the words that suggested it) from the language files' theme rules; ('', '') when none fires."""
    lang = lang or load_language()
    for rule in lang.themes:
        m = rule.regex.search(sentence)
        if m:
            return rule.value, m.group(0)
    return "", ""


def suggest_indicator(theme: str, unit: str, context: str) -> str:
    """A slug for what is measured: theme, unit and the first content word after the figure."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", context.split("]", 1)[-1])][:2]
    return "_".join(p for p in [theme or "figure", unit, *words] if p)[:60]
