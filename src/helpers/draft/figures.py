"""Figures in a profile's prose: value, unit, qualifier, reference date and the organisation cited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.draft.language import Language, load_language
from helpers.draft.layout import Block
from helpers.draft.text import MONTH_NUM, MONTH_RE, format_value, is_year, sentences

# --- figures ------------------------------------------------------------------------------------------

_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100})
UNIT_WORDS: dict[str, str] = {
    "people": "persons", "persons": "persons", "migrants": "persons", "refugees": "persons",
    "nationals": "persons", "individuals": "persons", "inhabitants": "persons", "workers": "persons",
    "employees": "persons", "victims": "persons", "children": "persons", "women": "persons", "men": "persons",
    "students": "persons", "applicants": "persons", "beneficiaries": "persons", "survivors": "persons",
    "non-nationals": "persons", "foreigners": "persons", "returnees": "persons", "citizens": "persons",
    "year": "years", "years": "years", "month": "months", "months": "months", "day": "days", "days": "days",
    "countries": "countries", "country": "countries", "states": "countries",
    "agreements": "agreements", "treaties": "agreements", "conventions": "agreements",
    "entities": "entities", "institutions": "entities", "sectors": "entities", "representations": "entities",
    "organizations": "entities", "organisations": "entities", "bodies": "entities", "agencies": "entities",
    "ministries": "entities", "authorities": "entities", "offices": "entities",
    "indicators": "indicators", "questions": "questions", "domains": "domains", "dimensions": "domains",
}
_TIME_UNITS = {"year", "years", "month", "months", "day", "days"}
# the MGI method's own numbers (90 indicators, 6 domains, 12 questions, 3 principles and 3 objectives): the same in
# every profile, never a candidate
_METHOD_UNITS = {"indicators", "domains", "questions"}
_METHOD_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:principles|objectives|indicators|dimensions|domains)\b", re.IGNORECASE)
# a currency written before the amount: 'USD 11 billion', 'QSR 4,000', 'US$ 20', '€ 5'
_CURRENCY_BEFORE = re.compile(r"(?:\b(?P<code>[A-Z]{3})|(?P<sym>US\$|\$|€|£))\s?$")
_CURRENCY = {"USD": "usd", "US$": "usd", "$": "usd", "EUR": "eur", "€": "eur"}
QUALIFIER_WORDS: tuple[tuple[str, str], ...] = (
    ("more than", "over"), ("over", "over"), ("above", "over"), ("exceeding", "over"),
    ("approximately", "about"), ("approx.", "about"), ("about", "about"), ("around", "about"),
    ("roughly", "about"), ("nearly", "about"), ("almost", "about"), ("some", "about"),
    ("up to", "up_to"), ("within a period of", "up_to"), ("within", "up_to"), ("limited to", "up_to"),
    ("a maximum of", "up_to"), ("at most", "up_to"), ("no more than", "up_to"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("under", "less_than"), ("below", "less_than"),
    ("a target of", "target"), ("target of", "target"), ("the target of", "target"), ("aims to reach", "target"),
)
_SKIP_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Nº|N°|article|articles|page|pages|footnote|footnotes|target|session|box|isbn|decree|law|"
    r"resolution|decision|communiqué|comunicado|ley|decreto|sentencia|expediente|pliego|chapter|paragraph|"
    r"annex|step|phase|goal|sdg|level|number|section|sections|clause|rule|item|table|figure|part|schedule|"
    r"principle|objective|domain|dimension|indicator|question|order|circular|proclamation|notice|ordinance|"
    r"act|code|convention|protocol|instrument)\.?\s*)$", re.IGNORECASE)
_DIGITS = re.compile(r"(?<![\w/\-–.,%#$^{}+*])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w/\-–%}$^*]|\.\*)")
_SCALE = re.compile(r"^\s+(million|billion|thousand)\b", re.IGNORECASE)
_PERCENT = re.compile(r"^\s*(?:per\s*cent|percent|%)", re.IGNORECASE)
_DATE_WORDS = (r"(?:in|by|as of|at|during|of|for|at the end of|by the end of|end of|in the course of)\s+"
               r"(?:the\s+end\s+of\s+|end\s+of\s+|early\s+|late\s+|mid-)?")
_DATE = re.compile(r"\b(?P<words>" + _DATE_WORDS + r")(?:the\s+(?=(?:19|20)\d\d\s+(?:assessment|census|survey)))?(?:\d{1,2}\s+)?(?:(?P<month>" + MONTH_RE + r")\s+)?"
                   r"(?P<year>(?:19|20)\d{2})\b(?!\s*[–-]\s*\d)", re.IGNORECASE)
# a date that opens the sentence or a clause ('In 2022, …', 'By March 2022, …', '… that in 2020, …')
_CLAUSE_DATE = re.compile(r"(?:^|[,;:]\s*|\bthat\s+)(?:[A-Z][a-z]+ly\s+)?(?P<words>" + _DATE_WORDS +
                          r")(?:the\s+\w+\s+of\s+)?(?:\d{1,2}\s+)?(?:(?P<month>" + MONTH_RE + r")\s+)?"
                          r"(?P<year>(?:19|20)\d{2})(?:\s*,|(?<=\d)(?=\s+the\b))", re.IGNORECASE)
_AS_OF = re.compile(r"\bas of\s+(?:(?P<month>" + MONTH_RE + r")\s+)?(?P<year>(?:19|20)\d{2})", re.IGNORECASE)
_IN_DATE = re.compile(r"\bin\s+(?:the\s+)?(?:(?P<month>" + MONTH_RE + r")\s+)?(?P<year>(?:19|20)\d{2})\b")
_CITED = re.compile(r"\((?P<org>[A-Z][^(),]{1,80}?),\s*(?P<tag>(?:19|20)\d{2}[a-z]?|n\.d\.)\)")
_ACCORDING = re.compile(r"(?i:according to) (?:reports from |the website of |data from )?(?:the )?"
                        r"(?P<org>[A-Z][^,.()]{2,120}?)(?:\s*\((?P<tag>(?:19|20)\d{2}[a-z]?)\))?(?=[,.;]|$)")


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


def _date(month: str | None, year: str, words: str = "") -> str:
    if not month and re.search(r"\bend\b", words or "", re.IGNORECASE):
        return f"{year}-12"  # 'by the end of 2022'
    return f"{year}-{MONTH_NUM[month.lower()]:02d}" if month else year


def _dated(m: re.Match | None) -> str:
    return _date(m.group("month"), m.group("year"), m.group("words")) if m else ""


def _qualifier(before: str, sentence: str) -> str:
    tail = _CURRENCY_BEFORE.sub("", before).lower().rstrip()  # 'less than QSR 4,000'
    for words, q in QUALIFIER_WORDS:
        if re.search(r"(?:^|\W)" + re.escape(words) + r"$", tail):
            return q
    return "estimated" if re.search(r"\bestimat", tail, re.IGNORECASE) else "exact"


def _unit(after: str, sentence: str, previous: str, before: str = "") -> str:
    if _PERCENT.match(after):
        return "percent"
    cur = _CURRENCY_BEFORE.search(before)
    if cur:
        code = cur.group("code") or cur.group("sym")
        if code in _CURRENCY:
            return _CURRENCY[code]
        if re.search(r"\b" + re.escape(code) + r"\s?\d", sentence) and not re.match(r"^\s*(?:per\s*cent|%)", after):
            return "local_currency"
    words = re.findall(r"[A-Za-z]+(?:-[a-z]+)?", after[:60])
    for i, w in enumerate(words[:4]):
        if w.lower() in UNIT_WORDS:
            if i and words[i - 1].lower() in ("a", "per", "each", "every"):  # 'QSR 4,000 a month' is a rate
                break
            return UNIT_WORDS[w.lower()]
    m = re.search(r"\bnumber of (\w+)", sentence, re.IGNORECASE)
    if m and m.group(1).lower() in UNIT_WORDS:
        return UNIT_WORDS[m.group(1).lower()]
    if previous:
        return previous
    if re.search(r"\bpopulation\b", sentence, re.IGNORECASE):
        return "persons"
    return ""


def _figure_spans(sentence: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, kind) for each figure in a sentence: digits, or a number word before a unit."""
    spans = []
    for m in _DIGITS.finditer(sentence):
        raw = m.group(0)
        after = sentence[m.end():]
        before = sentence[:m.start()]
        if re.match(r"^\.\d", after):  # part of a dotted code (41.22.717)
            continue
        if re.match(r"^(?:st|nd|rd|th)\b", after):
            continue
        if _SKIP_BEFORE.search(before):
            continue
        value = float(raw.replace(",", ""))
        scale = _SCALE.match(after)
        unit_after = re.match(r"^\s+([A-Za-z]+)", after)
        if "," not in raw and "." not in raw and is_year(raw) and not scale and not _PERCENT.match(after) and (
                not (unit_after and unit_after.group(1).lower() in UNIT_WORDS)
                or re.search(r"\b(?:" + MONTH_RE + r"|in|since|of|by|until|to)\s+$", before)):
            continue  # a year is a date, not a figure
        if value <= 31 and re.match(r"^\s+(?:" + MONTH_RE + r")\b", after):
            continue  # the day of a date
        end = m.end()
        if scale:
            value *= {"million": 1e6, "billion": 1e9, "thousand": 1e3}[scale.group(1).lower()]
            end += scale.end()
        spans.append((m.start(), end, value, "digits"))
    for m in re.finditer(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b", sentence, re.IGNORECASE):
        after = sentence[m.end():]
        nxt = re.findall(r"[A-Za-z]+", after[:40])[:3]
        word = m.group(1).lower()
        units = [w.lower() for w in nxt if w.lower() in UNIT_WORDS]
        if not units or (word == "one" and units[0] not in _TIME_UNITS):
            continue
        # the unit must come right after the number or after one adjective ('four member countries')
        if nxt[0].lower() not in UNIT_WORDS and (len(nxt) < 2 or nxt[1].lower() not in UNIT_WORDS):
            continue
        spans.append((m.start(), m.end(), float(_WORD_NUMBERS[word]), "words"))
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


def _reference_date(sent: str, spans, k: int) -> tuple[str, str]:
    """(date, hint) of the k-th figure: a date right after it (before the next figure), else a date opening its
    clause before it, else 'as of …'; a date elsewhere in the sentence is only named in the hint."""
    start, end = spans[k][0], spans[k][1]
    next_start = spans[k + 1][0] if k + 1 < len(spans) else len(sent)
    prev_end = spans[k - 1][1] if k else 0
    m = _DATE.search(sent[end:next_start])
    if m and not re.match(r"(?i)(?:of|for)\s", m.group("words")):
        return _dated(m), ""
    opening = [m for m in _CLAUSE_DATE.finditer(sent[:start])]
    if opening and (opening[-1].start() >= prev_end or not k or _CLAUSE_DATE.match(sent)):
        return _dated(opening[-1]), ""
    m = _AS_OF.search(sent)
    if m:
        return _date(m.group("month"), m.group("year")), ""
    m = _DATE.search(sent)
    if m:
        return "", f"no reference date next to the figure; the sentence names {m.group(0)!r}: check"
    return "", ""


def figure_candidates(blocks: list[Block]) -> list[FigureCandidate]:
    """Every figure in the prose (not the front matter, headings or Key sources), one per number; not the MGI
    method's own numbers."""
    out: list[FigureCandidate] = []
    for b in blocks:
        if b.heading or b.region in ("front", "key_sources") or len(b.text.split()) < 4:
            continue
        for sent in sentences(b.text):
            spans = _figure_spans(sent)
            previous_unit = ""
            for k, (start, end, value, kind) in enumerate(spans):
                before, after = sent[:start], sent[end:]
                date, date_hint = _reference_date(sent, spans, k)
                hint = [date_hint] if date_hint else []
                unit = _unit(after, sent, previous_unit, before)
                if unit in _METHOD_UNITS or _METHOD_AFTER.match(after):
                    continue  # 'around 90 indicators', '6 domains', '3 principles and 3 objectives'
                previous_unit = unit or previous_unit
                org, tag = "", ""
                m_cite = _CITED.search(after) or _ACCORDING.search(after) or _ACCORDING.search(before)
                if m_cite:
                    org, tag = m_cite.group("org").strip(), (m_cite.group("tag") or "")
                if not unit:
                    hint.append("no unit word next to the figure: choose the unit")
                if kind == "words":
                    hint.append("number written in words")
                out.append(FigureCandidate(value, unit, _qualifier(before, sent), date, org, tag, b.section, sent,
                                           _context(sent, start, end), "; ".join(hint), start=start, end=end))
    return out


def suggest_theme(sentence: str, unit: str, lang: Language | None = None) -> tuple[str, str]:
    """(theme, the words that suggested it) from the language files' theme rules; ('', '') when none fires."""
    lang = lang or load_language()
    for rule in lang.themes:
        m = rule.regex.search(sentence)
        if m:
            return rule.value, m.group(0)
    return "", ""


# a figure given at two dates in one sentence: 'rose from 2 in 2018 to 5 in 2022', '9 …, compared with 6 in 2020':
# the words between the two figures
_CHANGE = re.compile(r"^\s*(?:[\w-]+\s+){0,4}?(?:in\s+(?:\w+\s+)?(?:19|20)\d\d\s*,?\s*)?(?:to|and to)\s+"
                     r"(?:(?:about|over|around|some|nearly|almost)\s+)?$|"
                     r"\b(?:compared (?:with|to)|up from|down from|as against|against)\s+(?:(?:about|over|around|some)\s+)?$",
                     re.IGNORECASE)


def assign_indicators(figures: list[FigureCandidate]) -> None:
    """One indicator slug per thing measured: the figures of one sentence that give the same measure at two dates
    ('rose from 2 in 2018 to 5 in 2022') share one, so that its change is charted; others get their own."""
    for i, f in enumerate(figures):
        if f.indicator:
            continue
        f.indicator = suggest_indicator(f.theme, f.unit, f.context)
        f.indicator_rule = "theme, unit and the words after the figure"
        for g in figures[i + 1:i + 2]:
            if g.evidence != f.evidence or g.unit != f.unit or g.indicator or g.start < f.end:
                continue
            if _CHANGE.search(f.evidence[f.end:g.start]):
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
