"""The language data of the drafting: heading variants and naming patterns, one TOML file per language.

`lang/en.toml`, `lang/es.toml`, `lang/fr.toml`... are read once and merged: a profile in English routinely cites
instruments by their Spanish or French names, so every pattern of every language applies to every text. A new
naming style or a new language is a change to (or a new) data file; this module only compiles what they say.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from helpers.data.domains import DOMAIN_IDS

LANG_DIR = Path(__file__).with_name("lang")
HEADING_KINDS = ("summary", "well_developed", "further_development", "covid_annex", "key_sources",
                 "introduction", "conceptual_framework", "annex")


@dataclass(frozen=True)
class NumberedName:
    pattern: str  # regex of the name ('Legislative Decree')
    type: str  # codebook instrument type
    prefix: str  # id prefix ('LD')
    ignore_case: bool = False


@dataclass(frozen=True)
class Head:
    word: str
    type: str
    modifier: bool  # the head alone is not a name


@dataclass
class Rule:
    name: str
    value: str  # the status, area, role or kind the rule suggests
    regex: re.Pattern
    kinds: tuple[str, ...] = ()
    year_after_baseline: bool = False


@dataclass(eq=False)  # hashed by identity: compiled patterns are cached per Language
class Language:
    """Everything the data files declare, merged over languages (English first)."""

    files: list[str] = field(default_factory=list)
    headings: dict[str, list[re.Pattern]] = field(default_factory=dict)
    heading_prefixes: list[re.Pattern] = field(default_factory=list)
    domains: dict[str, list[re.Pattern]] = field(default_factory=dict)
    numbered: list[NumberedName] = field(default_factory=list)
    number_marks: list[str] = field(default_factory=list)
    of_words: list[str] = field(default_factory=list)
    months: dict[str, int] = field(default_factory=dict)
    adopted_verbs: list[str] = field(default_factory=list)
    connectives: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    phrases: list[str] = field(default_factory=list)
    leading_words: set[str] = field(default_factory=set)
    number_after: list[re.Pattern] = field(default_factory=list)
    heads: list[Head] = field(default_factory=list)
    status_rules: list[Rule] = field(default_factory=list)
    min_words: int = 8
    themes: list[Rule] = field(default_factory=list)
    covid: dict[str, re.Pattern] = field(default_factory=dict)
    covid_areas: list[Rule] = field(default_factory=list)
    partnership_negation: re.Pattern | None = None
    partnership_not_after: re.Pattern | None = None
    partnership_roles: list[Rule] = field(default_factory=list)
    partnership_kinds: list[Rule] = field(default_factory=list)

    # --- headings ------------------------------------------------------------------------------------

    def heading_kind(self, normal: str) -> tuple[str, re.Match] | None:
        """('summary', match) when a normalised heading is one of the declared headings."""
        for kind in HEADING_KINDS:
            for rx in self.headings.get(kind, ()):
                m = rx.fullmatch(normal)
                if m:
                    return kind, m
        return None

    def domain_of_heading(self, normal: str) -> str | None:
        for domain in DOMAIN_IDS:
            if any(rx.fullmatch(normal) for rx in self.domains.get(domain, ())):
                return domain
        return None

    def strip_prefixes(self, normal: str) -> str:
        changed = True
        while changed:
            changed = False
            for rx in self.heading_prefixes:
                m = rx.match(normal)
                if m and m.end() < len(normal):
                    normal, changed = normal[m.end():], True
        return normal


def normalise_heading(text: str) -> tuple[str, str]:
    """(numbering, normal form) of a heading line: '1.1. Migration governance: Examples…' -> ('1.1', 'migration
    governance examples of well developed areas')."""
    t = re.sub(r"[*_#`]+", "", unicodedata.normalize("NFC", text)).strip()
    m = re.match(r"^(\d{1,2}(?:\.\d{1,2})*)\.?(?:\s+|\s*[:–—-]\s*)(?=\D)", t)
    number = m.group(1) if m else ""
    if m:
        t = t[m.end():]
    t = t.casefold()
    t = re.sub(r"[’‘'`´]", " ", t)
    t = re.sub(r"[^\w\s]|_", " ", t)
    return number, re.sub(r"\s+", " ", t).strip()


def _compile(patterns, flags=re.IGNORECASE) -> list[re.Pattern]:
    return [re.compile(p, flags) for p in patterns]


def _rules(items, value_key: str) -> list[Rule]:
    out = []
    for it in items:
        out.append(Rule(it.get("name", it[value_key]), it[value_key], re.compile(it["pattern"], re.IGNORECASE),
                        tuple(it.get("kinds", ())), bool(it.get("year_after_baseline", False))))
    return out


def _merge(lang: Language, data: dict) -> None:
    ignore_case = bool(data.get("ignore_case_names", False))
    h = data.get("headings", {})
    for kind in HEADING_KINDS:
        lang.headings.setdefault(kind, []).extend(_compile(h.get(kind, [])))
    lang.heading_prefixes += _compile(h.get("prefixes", []))
    for domain, pats in data.get("domains", {}).items():
        if domain not in DOMAIN_IDS:
            raise ValueError(f"unknown domain {domain!r} in a language file (expected one of {DOMAIN_IDS})")
        lang.domains.setdefault(domain, []).extend(_compile(pats))
    ins = data.get("instruments", {})
    for entry in ins.get("numbered", []):
        for name in entry["names"]:
            lang.numbered.append(NumberedName(name, entry["type"], entry["prefix"], ignore_case))
    lang.number_marks += [m for m in ins.get("number_marks", []) if m not in lang.number_marks]
    lang.of_words += [w for w in ins.get("of_words", []) if w not in lang.of_words]
    for i, month in enumerate(ins.get("months", [])):
        lang.months[month.casefold()] = i + 1
    lang.adopted_verbs += ins.get("adopted_verbs", [])
    named = ins.get("named", {})
    lang.connectives |= set(named.get("connectives", []))
    lang.articles |= set(named.get("articles", []))
    lang.phrases += named.get("phrases", [])
    lang.leading_words |= set(named.get("leading_words", []))
    if named.get("number_after"):
        lang.number_after.append(re.compile(named["number_after"]))
    for entry in named.get("heads", []):
        for word in entry["words"]:
            lang.heads.append(Head(word, entry["type"], bool(entry.get("modifier", True))))
    f = data.get("findings", {})
    lang.status_rules += _rules(f.get("status_rules", []), "status")
    lang.min_words = int(f.get("min_words", lang.min_words))
    lang.themes += _rules(data.get("statistics", {}).get("themes", []), "theme")
    c = data.get("covid", {})
    for key in ("pandemic", "measure", "annex_intro", "repealed", "annulled", "ended"):
        if key in c:
            lang.covid[key] = re.compile(c[key], re.IGNORECASE)
    lang.covid_areas += _rules(c.get("areas", []), "area")
    p = data.get("partnerships", {})
    if "negation" in p:
        lang.partnership_negation = re.compile(p["negation"], re.IGNORECASE)
    if "not_after" in p:
        lang.partnership_not_after = re.compile(p["not_after"], re.IGNORECASE)
    lang.partnership_roles += _rules(p.get("roles", []), "role")
    lang.partnership_kinds += _rules(p.get("kinds", []), "kind")


@lru_cache(maxsize=4)
def load_language(directory: str | None = None) -> Language:
    """Every lang/*.toml merged, English first (its catch-all rules stay last within each list)."""
    folder = Path(directory) if directory else LANG_DIR
    files = sorted(folder.glob("*.toml"), key=lambda p: (p.stem != "en", p.stem))
    if not files:
        raise FileNotFoundError(f"no language files in {folder}")
    lang = Language()
    for path in files:
        with path.open("rb") as fh:
            try:
                data = tomllib.load(fh)
            except tomllib.TOMLDecodeError as exc:
                raise ValueError(f"{path.name}: {exc}") from None
        try:
            _merge(lang, data)
        except (re.error, KeyError, TypeError) as exc:
            raise ValueError(f"{path.name}: {exc}") from None
        lang.files.append(path.name)
    # catch-all rules ('.') of English must come after the specific rules of every language
    for attr in ("covid_areas", "partnership_kinds"):
        rules = getattr(lang, attr)
        rules.sort(key=lambda r: r.regex.pattern == ".")
    return lang
