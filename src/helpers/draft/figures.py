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
    "nationals": "persons", "individuals": "persons", "inhabitants": "persons",
    "year": "years", "years": "years", "month": "months", "months": "months", "day": "days", "days": "days",
    "countries": "countries", "country": "countries", "states": "countries",
    "agreements": "agreements", "treaties": "agreements", "conventions": "agreements",
    "entities": "entities", "institutions": "entities", "sectors": "entities", "representations": "entities",
    "organizations": "entities", "organisations": "entities", "bodies": "entities", "agencies": "entities",
    "ministries": "entities", "authorities": "entities", "offices": "entities",
    "indicators": "indicators", "questions": "questions", "domains": "domains", "dimensions": "domains",
}
_TIME_UNITS = {"year", "years", "month", "months", "day", "days"}
QUALIFIER_WORDS: tuple[tuple[str, str], ...] = (
    ("more than", "over"), ("over", "over"), ("above", "over"), ("exceeding", "over"),
    ("approximately", "about"), ("approx.", "about"), ("about", "about"), ("around", "about"),
    ("roughly", "about"), ("nearly", "about"), ("almost", "about"), ("some", "about"),
    ("up to", "up_to"), ("within a period of", "up_to"), ("within", "up_to"), ("limited to", "up_to"),
    ("a maximum of", "up_to"), ("at most", "up_to"), ("no more than", "up_to"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("under", "less_than"), ("below", "less_than"),
)
_SKIP_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Nº|N°|article|articles|page|pages|footnote|footnotes|target|session|box|isbn|decree|law|"
    r"resolution|decision|communiqué|comunicado|ley|decreto|sentencia|expediente|pliego|chapter|paragraph|"
    r"annex|step|phase|goal|sdg|level|number)\.?\s*)$", re.IGNORECASE)
_DIGITS = re.compile(r"(?<![\w/\-–.,%#$^{}+*])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w/\-–%}$^*]|\.\*)")
_SCALE = re.compile(r"^\s+(million|billion|thousand)\b", re.IGNORECASE)
_PERCENT = re.compile(r"^\s*(?:per\s*cent|percent|%)", re.IGNORECASE)
_AS_OF = re.compile(r"\bas of\s+(?:(?P<month>" + MONTH_RE + r")\s+)?(?P<year>(?:19|20)\d{2})", re.IGNORECASE)
_IN_DATE = re.compile(r"\bin\s+(?:the\s+)?(?:(?P<month>" + MONTH_RE + r")\s+)?(?P<year>(?:19|20)\d{2})\b")
_CITED = re.compile(r"\((?P<org>[A-Z][^(),]{1,80}?),\s*(?P<tag>(?:19|20)\d{2}[a-z]?|n\.d\.)\)")
_ACCORDING = re.compile(r"according to (?:reports from |the website of |data from )?(?:the )?"
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

    @property
    def value_text(self) -> str:
        return format_value(self.value)


def _date(month: str | None, year: str) -> str:
    return f"{year}-{MONTH_NUM[month.lower()]:02d}" if month else year


def _qualifier(before: str, sentence: str) -> str:
    tail = before.lower().rstrip()
    for words, q in QUALIFIER_WORDS:
        if re.search(r"(?:^|\W)" + re.escape(words) + r"$", tail):
            return q
    return "estimated" if re.search(r"\bestimat", sentence, re.IGNORECASE) else "exact"


def _unit(after: str, sentence: str, previous: str) -> str:
    if _PERCENT.match(after):
        return "percent"
    words = re.findall(r"[A-Za-z]+", after[:60])
    for w in words[:4]:
        if w.lower() in UNIT_WORDS:
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


def figure_candidates(blocks: list[Block]) -> list[FigureCandidate]:
    """Every figure in the prose (not the front matter, headings or Key sources), one per number."""
    out: list[FigureCandidate] = []
    for b in blocks:
        if b.heading or b.region in ("front", "key_sources") or len(b.text.split()) < 4:
            continue
        for sent in sentences(b.text):
            spans = _figure_spans(sent)
            previous_unit = ""
            as_of = _AS_OF.search(sent)
            for k, (start, end, value, kind) in enumerate(spans):
                before, after = sent[:start], sent[end:]
                next_start = spans[k + 1][0] if k + 1 < len(spans) else len(sent)
                local = sent[end:next_start]
                date = ""
                hint = []
                m_local = _IN_DATE.search(local)
                if m_local:
                    date = _date(m_local.group("month"), m_local.group("year"))
                elif as_of:
                    date = _date(as_of.group("month"), as_of.group("year"))
                else:
                    m_any = _IN_DATE.search(sent)
                    if m_any:
                        date = _date(m_any.group("month"), m_any.group("year"))
                        hint.append("reference date taken from elsewhere in the sentence")
                unit = _unit(after, sent, previous_unit)
                previous_unit = unit or previous_unit
                org, tag = "", ""
                m_cite = _CITED.search(after) or _ACCORDING.search(after)
                if m_cite:
                    org, tag = m_cite.group("org").strip(), (m_cite.group("tag") or "")
                ctx_start = max(0, start - 40)
                context = ("…" if ctx_start else "") + sent[ctx_start:start] + "[" + sent[start:end] + "]" + \
                    sent[end:end + 40] + ("…" if end + 40 < len(sent) else "")
                if kind == "words":
                    hint.append("number written in words")
                out.append(FigureCandidate(value, unit, _qualifier(before, sent), date, org, tag, b.section, sent,
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
