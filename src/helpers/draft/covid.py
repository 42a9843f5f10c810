"""COVID-19 responses: one candidate per paragraph of the COVID-19 annex and per body sentence that names a
COVID-19 measure, with a suggested area, dates (and their precision), status and coverage of migrants.

Coverage is suggested only where the words say so, with the phrases of the rule `mgi validate` checks
(helpers.data.wordrules.COVERAGE_RULE, said once there); otherwise empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers.data.vocab import SECTION_LABELS as SECTION
from helpers.data.wordrules import COVERAGE_RULE
from helpers.draft.findings import first_sentence
from helpers.draft.language import Language, load_language
from helpers.draft.layout import Block
from helpers.draft.text import sentences


@dataclass
class CovidCandidate:
    response_id: str
    area: str
    measure: str
    date: str
    date_end: str
    covers: str  # 'true', 'false' or ''
    status: str
    domains: str
    section: str
    evidence: str
    line: int
    rule: str
    area_rule: str = ""
    date_precision: str = ""
    coverage_words: str = ""
    instruments: str = ""
    hint: str = ""
    domains_rule: str = ""


def _alts(words, tail: str = "") -> str:
    out = []
    for w in sorted(words, key=len, reverse=True):
        rx = re.escape(w).replace(r"\ ", r"\s+")
        out.append(rx if w.endswith("-") else rx + tail)
    return "|".join(out) or "(?!)"


@lru_cache(maxsize=16)
def _date_patterns(lang: Language) -> list[tuple[re.Pattern, str]]:
    """The date shapes of every language file: '9 July 2021', '9 de julio de 2021', '1er avril 2020', 'July 9,
    2021', 'julho de 2021', and a year after 'in', 'en', 'desde', 'depuis'... (precision day, month or year)."""
    mre = _alts(lang.month_names)
    join = r"(?:(?:" + _alts(lang.date_joiners) + r")\s+)?"
    ords = r"(?:" + _alts(lang.date_ordinals) + r")?"
    y = r"(?P<y>(?:19|20)\d{2})"
    return [
        (re.compile(rf"\b(?P<d>\d{{1,2}}){ords}\s+{join}(?P<m>{mre})\s+{join}{y}\b", re.IGNORECASE), "day"),
        (re.compile(rf"\b(?P<m>{mre})\s+(?P<d>\d{{1,2}}),\s+{y}\b", re.IGNORECASE), "day"),
        (re.compile(rf"\b(?P<m>{mre})\s+{join}{y}\b", re.IGNORECASE), "month"),
        (re.compile(r"(?:\b(?:" + _alts(lang.year_before, r"\s+") + r")|\()" + y + r"\b", re.IGNORECASE), "year"),
    ]


def find_dates(text: str, lang: Language | None = None) -> list[tuple[int, str, str]]:
    """(position, ISO date, precision) for each date in the text: '9 July 2021', 'July 2021', 'in 2020', and
    the same in every language file's words ('9 de julio de 2021', 'en 2020')."""
    lang = lang or load_language()
    out: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for rx, precision in _date_patterns(lang):
        for m in rx.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            y = m.group("y")
            if precision == "year":
                out.append((m.start(), y, "year"))
                continue
            mo = lang.months[m.group("m").casefold()]
            iso = f"{y}-{mo:02d}" + (f"-{int(m.group('d')):02d}" if precision == "day" else "")
            out.append((m.start(), iso, precision))
    return sorted(out)


def dates_of(text: str, lang: Language | None = None) -> tuple[str, str, str]:
    """(start date, end date, precision note): a date after an end word ('repealed in 2021') is the end."""
    lang = lang or load_language()
    dates = find_dates(text, lang)
    start, end, notes = "", "", []
    for pos, iso, precision in dates:
        ends = [m for rx in lang.end_words for m in rx.finditer(text[:pos]) if pos - m.end() < 60]
        if ends and not end:
            end = iso
            notes.append(f"end {iso} ({precision})")
        elif not ends and not start:
            start = iso
            notes.append(f"start {iso} ({precision})")
    return start, end, "; ".join(notes)


def coverage(text: str) -> tuple[str, str]:
    """('true'|'false'|'', the words): the written rule of the data layer (helpers.data.wordrules), so that a
    suggestion is always one `mgi validate` accepts. Where the quote has words for both answers, nothing is
    suggested and both are shown."""
    yes, no = COVERAGE_RULE.found("true", text), COVERAGE_RULE.found("false", text)
    if yes and no:
        return "", "both: " + "; ".join(yes + no)
    if yes:
        return "true", "; ".join(yes)
    if no:
        return "false", "; ".join(no)
    return "", ""


def _area(text: str, lang: Language) -> tuple[str, str]:
    for rule in lang.covid_areas:
        m = rule.regex.search(text)
        if m:
            return rule.value, (m.group(0) if rule.regex.pattern != "." else "no area word: the default")
    return "response_planning", "no area word: the default"  # pragma: no cover - the default rule matches


# The MiGOF domain an area of response belongs to: the domains a response touches, unless its words name more.
AREA_DOMAINS = {
    "health_access": "migrants_rights", "vaccination": "migrants_rights", "migration_status": "safe_orderly_regular",
    "health_workforce": "wellbeing", "remittances_financial_services": "wellbeing", "data": "whole_of_government",
    "return_transfer": "mobility_crises", "consular_assistance": "mobility_crises",
    "response_planning": "whole_of_government",
}


def _status(text: str, lang: Language) -> str:
    for status in ("annulled", "repealed", "ended"):
        rx = lang.covid.get(status)
        if rx is not None and rx.search(text):
            return status
    return "not_stated"


def _candidate(n: int, text: str, b: Block, rule: str, lang: Language) -> CovidCandidate:
    area, area_rule = _area(text, lang)
    start, end, precision = dates_of(text, lang)
    covers, words = coverage(text)
    status = _status(text, lang)
    hints = ["measure drafted as the first sentence: rewrite it in your words"]
    if status != "not_stated" and not end:
        hints.append(f"{status}: no end date found in the passage")
    domains = AREA_DOMAINS.get(area, "")
    return CovidCandidate(f"C{n:02d}", area, first_sentence(text, 200), start, end, covers, status,
                          domains, b.section, text, b.line, rule, area_rule, precision, words,
                          hint="; ".join(hints), domains_rule=f"the domain of the area {area}" if domains else "")


def covid_candidates(blocks: list[Block], lang: Language | None = None) -> list[CovidCandidate]:
    lang = lang or load_language()
    pandemic, measure = lang.covid["pandemic"], lang.covid["measure"]
    intro = lang.covid.get("annex_intro")
    out: list[CovidCandidate] = []
    for b in blocks:
        if b.heading or b.footnote or b.region in ("front", "key_sources", "annex"):
            continue
        if b.section.startswith(SECTION["covid_annex"]):
            if len(b.text.split()) < lang.min_words or (intro is not None and intro.search(b.text)):
                continue
            out.append(_candidate(len(out) + 1, b.text, b, "a paragraph of the COVID-19 annex", lang))
            continue
        for sent in sentences(b.text):
            if pandemic.search(sent) and measure.search(sent) and len(sent.split()) >= lang.min_words:
                out.append(_candidate(len(out) + 1, sent, b, "a body sentence naming COVID-19 and a measure", lang))
    return out
