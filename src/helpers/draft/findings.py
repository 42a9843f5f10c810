"""Findings: one candidate per paragraph of the summary of updates and of each domain's well-developed areas
and areas with potential for further development, with a suggested baseline_status and the rule that fired.

Domain and kind come from the headings (helpers.draft.layout); the status rules from the language files. A
first profile has no baseline, so every status is not_stated. The summary is drafted as the paragraph's
first sentence and marked as such: the person writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.draft.language import Language, load_language
from helpers.draft.layout import Block
from helpers.draft.text import sentences

# a footnote opening with the source it cites ('⁷ Statistics Norvalia, 2022. …')
_SOURCE_NOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*[A-Z][^,.()]{2,100}?,\s*(?:19|20)\d{2}[a-z]?\.\s")
SUMMARY_DRAFT_HINT = "summary drafted as the first sentence: rewrite it in your words"


@dataclass
class FindingCandidate:
    finding_id: str
    domain: str
    kind: str
    section: str
    summary: str
    baseline_status: str
    evidence: str
    line: int
    rule: str
    matched: str = ""
    instruments: str = ""
    hint: str = ""


def first_sentence(text: str, limit: int = 240) -> str:
    s = sentences(text)[0] if sentences(text) else text
    return s if len(s) <= limit else s[:limit].rsplit(" ", 1)[0] + " …"


_RANGE = re.compile(r"\b(?:19|20)\d{2}\s*[–-]\s*(?:19|20)?\d{2}\b")


def _event_years(sentence: str) -> list[int]:
    """Years of the sentence that can date an event: not those of a range in a name ('Strategy 2018–2022')."""
    return [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", _RANGE.sub(" ", sentence))]


def suggest_status(text: str, kind: str, baseline_year: int | None,
                   lang: Language | None = None) -> tuple[str, str, str]:
    """(status, rule name, words that fired it); not_stated when no rule fires or there is no baseline."""
    lang = lang or load_language()
    if baseline_year is None:
        return "not_stated", "first profile: no baseline to compare with", ""
    for rule in lang.status_rules:
        if rule.kinds and kind not in rule.kinds:
            continue
        if rule.year_after_baseline:
            for sent in sentences(text):
                m = rule.regex.search(sent)
                if not m:
                    continue
                if "year" in rule.regex.groupindex:  # the year the rule names must be the later one
                    if m.group("year") and int(m.group("year")) > baseline_year:
                        return rule.value, rule.name, m.group(0)
                    continue
                later = [y for y in _event_years(sent) if y > baseline_year]
                if later:
                    return rule.value, rule.name, f"{later[0]} … {m.group(0)}"
            continue
        m = rule.regex.search(text)
        if m:
            return rule.value, rule.name, m.group(0)
    return "not_stated", "no rule fired", ""


def finding_parts(text: str, kind: str, baseline_year: int | None, lang: Language) -> list[str]:
    """A paragraph cut where a later sentence states a finding of its own against the baseline (a sentence on which
    a status rule fires: 'Since 2021, …', '… remains in force'); the whole paragraph when none does or there is no
    baseline. Each part is an exact substring of the paragraph."""
    if baseline_year is None:
        return [text]
    sents = sentences(text)
    starts = [0]
    pos = 0
    for i, sent in enumerate(sents):
        at = text.find(sent, pos)
        pos = at + len(sent)
        if i and suggest_status(sent, kind, baseline_year, lang)[1] not in ("no rule fired",):
            starts.append(at)
    if len(starts) == 1:
        return [text]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)]) if text[a:b].strip()]


def _continues(prev: FindingCandidate, b: Block) -> bool:
    """b is the continuation of the previous finding's paragraph: same section, the previous one ends without a
    sentence end and b opens in lower case."""
    return (prev.section == b.section and "footnote" not in prev.section and bool(re.match(r"^[a-z]", b.text))
            and not re.search(r"[.!?:;»\"”)…]\s*$", prev.evidence))


def finding_candidates(blocks: list[Block], baseline_year: int | None,
                       lang: Language | None = None) -> list[FindingCandidate]:
    lang = lang or load_language()
    out: list[FindingCandidate] = []
    for b in blocks:
        if not b.kind or not b.domain or b.heading:
            continue
        if len(b.text.split()) < lang.min_words + (4 if b.footnote else 0):
            continue
        if b.footnote and _SOURCE_NOTE.match(b.text):
            continue  # '¹² Norvalian Immigration Service, 2024. At the peak, …': a source note, not a finding
        prev = out[-1] if out else None
        if prev is not None and not b.footnote and _continues(prev, b):
            # the rest of a paragraph that a page or column break cut: one finding, not two
            if b.line - prev.line <= 2:  # only blank lines between: the joined text is the source's, verbatim
                prev.evidence = f"{prev.evidence} {b.text}"
                prev.baseline_status, prev.rule, prev.matched = suggest_status(prev.evidence, prev.kind,
                                                                               baseline_year, lang)
            prev.hint += "; the paragraph continues after a page break (line %d): merged" % b.line
            continue
        parts = [b.text] if b.footnote else finding_parts(b.text, b.kind, baseline_year, lang)
        for part in parts:
            status, rule, matched = suggest_status(part, b.kind, baseline_year, lang)
            hint = SUMMARY_DRAFT_HINT + ("; a footnote: keep it only if it states a finding" if b.footnote else "")
            if len(parts) > 1:
                hint += f"; one of {len(parts)} findings of one paragraph (cut where a sentence states its own status)"
            out.append(FindingCandidate(f"F{len(out) + 1:03d}", b.domain, b.kind, b.section, first_sentence(part),
                                        status, part, b.line, rule, matched, hint=hint))
    return out
