"""Candidate rows for every table, drafted from a profile's source text by patterns, for a person to review.

Nothing here is final data: every candidate carries its verbatim quote and the cells a pattern can fill
honestly; cells that need judgement are suggestions, and the rule behind each goes into the review columns.
The patterns themselves are data (helpers/draft/lang/*.toml).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helpers.data.vocab import SECTION_LABELS as SECTION
from helpers.draft.covid import CovidCandidate, covid_candidates
from helpers.draft.errata import ErratumCandidate, errata_candidates
from helpers.draft.figures import FigureCandidate, assign_indicators, figure_candidates, suggest_theme
from helpers.draft.findings import FindingCandidate, finding_candidates
from helpers.draft.instruments import (
    InstrumentCandidate, group_mentions, instrument_mentions, merge_mentions, normalize_number, numbers_match,
)
from helpers.draft.language import Language, detect_language, load_language
from helpers.draft.layout import Block, is_mgi_profile, source_blocks
from helpers.draft.named import named_candidates
from helpers.draft.partnerships import PartnershipCandidate, partnership_candidates
from helpers.draft.sources import SourceEntry, cite_source, key_source_entries
from helpers.draft.text import format_value, repair_address, sentences  # noqa: F401  (re-exported)

__all__ = ["Draft", "draft_from_text", "format_value", "instrument_candidates", "normalize_number",
           "numbers_match", "repair_address", "sentences"]


@dataclass
class Draft:
    blocks: list[Block]
    instruments: list[InstrumentCandidate]
    figures: list[FigureCandidate]
    sources: list[SourceEntry]
    findings: list[FindingCandidate] = field(default_factory=list)
    covid: list[CovidCandidate] = field(default_factory=list)
    partnerships: list[PartnershipCandidate] = field(default_factory=list)
    errata: list[ErratumCandidate] = field(default_factory=list)
    baseline_year: int | None = None
    is_profile: bool = True
    language: str = "en"  # the language the profile is written in (detect_language)
    level: str = "national"  # 'local' when the text has the local MGI's layout (the city's competences)


def instrument_candidates(blocks: list[Block], lang: Language | None = None) -> list[InstrumentCandidate]:
    """Numbered and named instruments, merged across mentions."""
    return _instruments(blocks, lang or load_language(), None)[0]


def _instruments(blocks, lang, baseline_year):
    mentions = instrument_mentions(blocks, lang)
    order, groups = group_mentions(mentions)
    by_number: dict[str, set[str]] = {}
    for typ, num in order:
        by_number.setdefault(num, set()).add(typ)
    numbered = [merge_mentions(groups[key], key, by_number, lang) for key in order]
    ids = {}
    line_ids: dict[int, list[str]] = {}
    for key, cand in zip(order, numbered):
        for m in groups[key]:
            ids[(m.line, m.quote, m.start)] = cand.instrument_id
            line_ids.setdefault(m.line, []).append(cand.instrument_id)
    named = named_candidates(blocks, mentions, ids, lang)
    taken = {c.instrument_id for c in numbered}
    for cand, ms in zip(named.candidates, named.groups):
        while cand.instrument_id in taken:
            cand.instrument_id += "-2"
        taken.add(cand.instrument_id)
    for cand, ms in zip(named.candidates, named.groups):
        for m in ms:
            line_ids.setdefault(_line_of(blocks, m.section, m.quote), []).append(cand.instrument_id)
    for nm, iid in named.alias_hits:
        line_ids.setdefault(_line_of(blocks, nm.section, nm.quote), []).append(iid)
    for cand in numbered:  # the name printed with the number ('Refugees Act, 2006 (Act No. 5 of 2006)') is its title
        if cand.instrument_id in named.titles:
            cand.title_en = named.titles[cand.instrument_id]
    out = numbered + named.candidates
    quotes = [[m.quote for m in groups[key] if not m.key_sources] for key in order] + \
        [[m.quote for m in ms] for ms in named.groups]
    for c, qs in zip(out, quotes):
        c.after_baseline, why = after_baseline(c.year, qs, baseline_year, lang)
        if why:
            c.hint = "; ".join(filter(None, [c.hint, why]))
    return out, groups, named.groups, {k: list(dict.fromkeys(v)) for k, v in line_ids.items()}


def after_baseline(year: str, quotes: list[str], baseline_year: int | None, lang: Language) -> tuple[str, str]:
    """('true' | 'false' | '', why): adopted in or after the baseline year, or changed since per a mention ('was
    amended in 2022'); otherwise false, with a hint unless a mention says it goes on ('remains in force')."""
    if not baseline_year or not year:
        return "", ""
    if int(year) >= baseline_year:
        return "true", ""
    changed, goes_on = lang.instrument_words.get("changed_in"), lang.instrument_words.get("goes_on")
    for q in quotes:
        for m in (changed.finditer(q) if changed is not None else ()):
            if int(m.group("year")) >= baseline_year:
                return "true", f"after_baseline: changed since the baseline ({m.group(0)!r})"
    if goes_on is not None and any(goes_on.search(q) for q in quotes):
        return "false", ""
    return "false", (f"after_baseline false: adopted in {year}, before the baseline ({baseline_year}), and no "
                     "mention says it changed since; empty if the profile does not say")


def _line_of(blocks: list[Block], section: str, quote: str) -> int:
    for b in blocks:
        if b.section == section and quote in b.text:
            return b.line
    return 0


def _ids_in(line: int, line_ids: dict[int, list[str]]) -> str:
    return ";".join(line_ids.get(line, []))


def draft_from_text(raw: str, lang: Language | None = None) -> Draft:
    lang = lang or load_language()
    code = detect_language(raw, lang, default=lang.code)  # the profile's language: its settings apply
    if code and code != lang.code:
        lang = lang.for_code(code)
    blocks = source_blocks(raw, lang)
    years = [int(b.summary_year) for b in blocks if b.summary_year]
    baseline = years[0] if years else None
    sources = key_source_entries(blocks, lang)
    figures = figure_candidates(blocks, lang)
    for f in figures:
        f.theme, f.theme_rule = suggest_theme(f.evidence, f.unit, lang)
        cite_source(f, sources, raw)
    assign_indicators(figures, lang)
    instruments, numbered_groups, named_groups, line_ids = _instruments(blocks, lang, baseline)
    findings = finding_candidates(blocks, baseline, lang)
    parts_of: dict[int, int] = {}
    for fc in findings:
        parts_of[fc.line] = parts_of.get(fc.line, 0) + 1
    for fc in findings:  # a paragraph cut into several findings: each names its own instruments
        ids = line_ids.get(fc.line, [])
        if parts_of[fc.line] > 1:
            ids = [i for i in ids if _named_in(i, instruments, fc.evidence)]
        fc.instruments = ";".join(ids)
    covid = covid_candidates(blocks, lang)
    for cc in covid:
        cc.instruments = ";".join(i for i in line_ids.get(cc.line, []) if _named_in(i, instruments, cc.evidence))
    return Draft(blocks, instruments, figures, sources, findings, covid, partnership_candidates(blocks, lang),
                 errata_candidates(blocks, numbered_groups, named_groups), baseline, is_mgi_profile(blocks),
                 language=lang.code, level=level_of(blocks))


def level_of(blocks: list[Block]) -> str:
    """'local' when the text has the local MGI's layout (a section on the local government's competences, or a
    printed 'Local migration governance:' heading prefix), else 'national'."""
    return "local" if any(b.section == SECTION["competences"] for b in blocks) else "national"


def _named_in(iid: str, instruments: list[InstrumentCandidate], passage: str) -> bool:
    """Only the instruments a COVID-19 passage itself names (a sentence, not its whole paragraph)."""
    for c in instruments:
        if c.instrument_id == iid:
            return any(p and p in passage for p in [c.printed, c.number] if p)
    return False
