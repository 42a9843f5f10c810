"""Partnerships: the country's role in a regional or global process, scheme or forum ('a founding member of
the South American Conference on Migration', 'an observer of the Regional Conference on Migration', 'held the
presidency pro tempore in 2019', 'participates in the Budapest Process'). Role words, kinds and the negation
that cancels a role are in the language files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.draft.language import Language, load_language
from helpers.draft.layout import Block, is_boilerplate
from helpers.draft.named import lowercase_runs, named_patterns, trim_name
from helpers.draft.text import sentences, slug

_ROLE_SLUG = {"member": "member", "founding_member": "founding-member", "observer": "observer",
              "associate_member": "associate-member", "pro_tempore_presidency": "ppt", "participant": "participant"}
_ACRONYM = re.compile(r"^\s*\((?:[^()]*?,\s*)?\*?(?P<acr>[A-Z][A-Za-z]*[A-Z]+)\*?\)")


@dataclass
class PartnershipCandidate:
    partnership_id: str
    name: str
    kind: str
    role: str
    year: str
    evidence: str
    section: str
    line: int
    rule: str
    matched: str
    hint: str = ""


def _names(sent: str, lang: Language) -> list[tuple[int, int, str]]:
    """(start, end, name) of each capitalised run that may name a process, split at 'and the'."""
    np = named_patterns(lang)
    and_the = lang.partnership_words.get("and_the")
    out = []
    for m in np.span.finditer(sent):
        text, start = trim_name(m.group(0), lang), m.start()
        for part in (re.split(f"({and_the.pattern})", text, flags=re.IGNORECASE) if and_the else [text]):
            if part and not (and_the and and_the.fullmatch(part)):
                words = part.split()
                k = 0
                while k < len(words) and words[k].casefold() in np.articles:
                    k += 1
                name = " ".join(words[k:])
                s = start + part.find(name) if name else start
                if len(words[k:]) >= 2 or re.fullmatch(r"[A-Z]{3,}", name or ""):
                    out.append((s, s + len(name), name))
            start += len(part)
    for s, text in lowercase_runs(sent, np):  # 'Communauté économique des États de l'Afrique de l'Ouest'
        words = text.split()
        if len(words) < 2 or any(a == s and (b - a >= len(text) or len(n.split()) >= 2) for a, b, n in out):
            continue  # the capitalised name stands ('Conferencia Suramericana sobre Migraciones'); a run inside
            # another is kept: 'Membre fondateur de la Communauté économique …'
        out = [n for n in out if n[0] != s] + [(s, s + len(text), text)]
    out.sort()
    return out


def _kind(name: str, lang: Language) -> str:
    for rule in lang.partnership_kinds:
        if rule.regex.search(name):
            return rule.value
    return "intergovernmental_initiative"  # pragma: no cover - the catch-all rule matches


def _year(sent: str, pos: int, lang: Language) -> str:
    words = lang.partnership_words.get("year_words")
    if words is None:
        return ""
    years = [(abs(m.start() - pos), m.group(1)) for m in re.finditer(r"\b(?:" + words.pattern + r")\s+((?:19|20)\d{2})\b",
                                                                      sent, re.IGNORECASE)]
    return min(years)[1] if years else ""


def _start_year(sent: str, m: re.Match, name_end: int, role: str, lang: Language) -> str:
    """The year a role began, where the words say it: 'since 2010' after the name (before any other role phrase),
    'Since 2021, X has been an observer', a founding member 'in 1999'; else empty."""
    words = lang.partnership_words.get("since_words" if role != "founding_member" else "founded_words")
    if words is None:
        return ""
    rest = sent[name_end:]
    nxt = [r.regex.search(rest) for r in lang.partnership_roles]
    stop = min([x.start() for x in nxt if x] + [len(rest)])
    y = re.search(r"^[^;]*?\b(?:" + words.pattern + r")\s+((?:19|20)\d{2})\b", rest[:stop], re.IGNORECASE)
    if y:
        return y.group(1)
    y = re.match(r"^\s*(?:" + words.pattern + r")\s+((?:19|20)\d{2})\s*,", sent[:m.start()], re.IGNORECASE)
    return y.group(1) if y else ""


def partnership_candidates(blocks: list[Block], lang: Language | None = None) -> list[PartnershipCandidate]:
    lang = lang or load_language()
    out: list[PartnershipCandidate] = []
    seen: set[tuple[str, str]] = set()
    for b in blocks:
        if b.heading or b.footnote or b.region in ("front", "key_sources", "annex") or is_boilerplate(b):
            continue
        for sent in sentences(b.text):
            names = _names(sent, lang)
            if not names:
                continue
            for rule in lang.partnership_roles:
                for m in rule.regex.finditer(sent):
                    before = sent[max(0, m.start() - 30):m.start()]
                    if lang.partnership_negation is not None and lang.partnership_negation.search(before):
                        continue
                    if lang.partnership_not_after is not None and lang.partnership_not_after.search(before):
                        continue
                    after = [n for n in names if 0 <= n[0] - m.end() <= 6]
                    targets = after
                    if not after and rule.value in ("pro_tempore_presidency", "observer", "member"):
                        earlier = [n for n in names if n[1] <= m.start()]
                        targets = earlier[-1:]
                    joiners = [lang.partnership_words[k] for k in ("and_the", "list_joiner") if k in lang.partnership_words]
                    continues = lang.partnership_words.get("list_continues")
                    if rule.value == "participant" and after:
                        # 'participates in the X and the Y': every name of the list
                        run = [after[0]]
                        for n in names:
                            gap = sent[run[-1][1]:n[0]]
                            if n[0] > run[-1][1] and (any(rx.fullmatch(gap) for rx in joiners)
                                                      or (continues is not None and continues.search(gap))):
                                run.append(n)  # "... in the X, launched in 2020, and in the Y"
                        targets = run
                    for start, end, name in targets:
                        kind = _kind(name, lang)
                        acr = _ACRONYM.match(sent[end:])
                        if rule.value == "participant" and kind == "intergovernmental_initiative" and not acr:
                            continue  # 'participates in the Labour Market': a role needs a process, forum or scheme
                        full = f"{name} ({acr.group('acr')})" if acr and acr.group("acr") not in name else name
                        key = (slug(name), rule.value)
                        if key in seen:
                            continue
                        seen.add(key)
                        year = _year(sent, m.start(), lang) if rule.value == "pro_tempore_presidency" else \
                            _start_year(sent, m, end, rule.value, lang)
                        pid = f"{slug(name)[:60]}-{_ROLE_SLUG[rule.value]}" + (f"-{year}" if year else "")
                        out.append(PartnershipCandidate(pid, full, kind, rule.value, year, sent, b.section, b.line,
                                                        rule.name, m.group(0).strip(),
                                                        "kind suggested from the name: check it"))
    return out
