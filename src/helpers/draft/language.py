"""The language data of the drafting: heading variants and naming patterns, one TOML file per language.

`lang/en.toml`, `lang/es.toml`, `lang/fr.toml`, `lang/pt.toml`... are read once and merged: a profile in English
routinely cites instruments by their Spanish or French names, so every pattern of every language applies to every
text. Settings that belong to one language (`findings.min_words`, how numbers are written) stay with it: the
language a profile is written in (`detect_language`) picks them (`Language.for_code`). Knowledge of one country or
legal system (Peru's issuing bodies, Andean Community decisions) is not a language: it lives in `overlays/*.toml`,
read the same way. A new naming style or a new language is a change to (or a new) data file, checked against
`SHAPE` when it loads; this module only compiles what the files say.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from helpers.data.domains import DOMAIN_IDS
from helpers.data.schema import (
    BASELINE_STATUSES, COVID_AREAS, FINDING_KINDS, INSTRUMENT_TYPES, PARTNERSHIP_KINDS, PARTNERSHIP_ROLES,
    QUALIFIERS, STAT_THEMES, STAT_UNITS, TITLE_LANGUAGES,
)

LANG_DIR = Path(__file__).with_name("lang")
OVERLAY_DIR = Path(__file__).with_name("overlays")
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
    months: dict[str, int] = field(default_factory=dict)  # casefolded month name -> 1..12
    month_names: list[str] = field(default_factory=list)  # as the files write them ('January', 'enero')
    adopted_verbs: list[str] = field(default_factory=list)
    connectives: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    phrases: list[str] = field(default_factory=list)
    leading_words: set[str] = field(default_factory=set)
    number_after: list[re.Pattern] = field(default_factory=list)
    heads: list[Head] = field(default_factory=list)
    status_rules: list[Rule] = field(default_factory=list)
    themes: list[Rule] = field(default_factory=list)
    covid: dict[str, re.Pattern] = field(default_factory=dict)
    covid_areas: list[Rule] = field(default_factory=list)
    partnership_negation: re.Pattern | None = None
    partnership_not_after: re.Pattern | None = None
    partnership_roles: list[Rule] = field(default_factory=list)
    partnership_kinds: list[Rule] = field(default_factory=list)
    issuing_suffixes: dict[str, str] = field(default_factory=dict)  # from overlays: 'MINSA' -> its body
    available_at: list[str] = field(default_factory=list)  # Key sources: 'Available at', 'Disponible en'...
    not_online: list[str] = field(default_factory=list)
    date_joiners: list[str] = field(default_factory=list)  # '9 de julio de 2021'
    date_ordinals: list[str] = field(default_factory=list)  # '1er avril', 'July 1st'
    year_before: list[str] = field(default_factory=list)  # 'in 2020', 'en 2020', 'desde 2020'
    end_words: list[re.Pattern] = field(default_factory=list)
    figures: dict[str, dict] = field(default_factory=dict)  # language code -> its [figures] section
    detect_words: dict[str, set[str]] = field(default_factory=dict)  # language code -> common words
    settings: dict[str, dict] = field(default_factory=dict)  # language code -> per-language settings
    printed_prefixes: list[str] = field(default_factory=list)  # 'Migration governance:' before a printed heading
    covid_caps: re.Pattern | None = None  # a heading in capitals naming the pandemic starts the COVID-19 annex
    abbreviations: frozenset[str] = frozenset()  # a full stop after these does not end a sentence
    code: str = "en"  # the language of the profile being drafted (for_code); its settings apply

    @property
    def codes(self) -> list[str]:
        return list(self.settings)

    @property
    def min_words(self) -> int:
        """A paragraph under a findings heading is a finding when it has at least this many words: the setting of
        the profile's language (English's when that language does not set it)."""
        for code in (self.code, "en"):
            if "min_words" in self.settings.get(code, {}):
                return self.settings[code]["min_words"]
        return 8

    def figure_words(self, key: str, default=None):
        """A [figures] value of the profile's language, falling back to English's."""
        for code in (self.code, "en"):
            if key in self.figures.get(code, {}):
                return self.figures[code][key]
        return default

    def for_code(self, code: str) -> "Language":
        """The same patterns with the settings of one language (cached, so compiled patterns are reused)."""
        return _for_code(self, code)

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


# --- the declared shape of a language file -------------------------------------------------------------

class Code:
    """A value that must be one of the schema's codes."""

    def __init__(self, what: str, codes: tuple[str, ...]):
        self.what, self.codes = what, tuple(codes)


class Entries:
    """An array of tables ([[section.entry]]): each entry a table of the given keys, `required` among them."""

    def __init__(self, keys: dict, required: tuple[str, ...]):
        self.keys, self.required = keys, required


class Table:
    """A table whose keys are free words (a word -> its value)."""

    def __init__(self, value):
        self.value = value


class Pattern:
    """A regular expression, compiled when the file loads."""


STR, LIST, PAT, PATS = str, [str], Pattern(), [Pattern()]
_TYPES = Code("instrument type", INSTRUMENT_TYPES)
SHAPE: dict = {
    "language": Code("language code", TITLE_LANGUAGES),
    "name": STR,  # the language's name, in English ('Portuguese')
    "ignore_case_names": bool,
    "detect": {"words": LIST},  # common words of the language: the language a profile is written in
    "headings": {"prefixes": PATS, "printed_prefixes": LIST, **{k: PATS for k in HEADING_KINDS}},
    "domains": {d: PATS for d in DOMAIN_IDS},
    "instruments": {
        "number_marks": LIST, "of_words": LIST, "months": LIST, "adopted_verbs": LIST,
        "numbered": Entries({"names": LIST, "type": _TYPES, "prefix": STR}, ("names", "type", "prefix")),
        "named": {"connectives": LIST, "articles": LIST, "phrases": LIST, "leading_words": LIST,
                  "number_after": PAT,
                  "heads": Entries({"words": LIST, "type": _TYPES, "modifier": bool}, ("words", "type"))},
        "issuing_suffixes": Table(STR),  # overlays: 'MINSA' -> 'Ministry of Health'
    },
    "findings": {
        "min_words": int,
        "status_rules": Entries({"name": STR, "status": Code("baseline status", BASELINE_STATUSES), "pattern": PAT,
                                 "kinds": [Code("finding kind", FINDING_KINDS)], "year_after_baseline": bool},
                                ("status", "pattern")),
    },
    "statistics": {"themes": Entries({"name": STR, "theme": Code("statistics theme", STAT_THEMES), "pattern": PAT},
                                     ("theme", "pattern"))},
    "figures": {
        "decimal_mark": STR, "thousands_separators": LIST,  # how the language writes 1,234.5 / 1.234,5 / 1 234,5
        "number_words": Table(int), "scales": Table(float), "units": Table(Code("unit", STAT_UNITS)),
        "time_units": LIST, "qualifiers": Table(Code("qualifier", QUALIFIERS)), "estimated": PAT,
        "percent": PAT, "skip_before": LIST, "as_of": PAT, "in_date": PAT, "according_to": PAT,
        "number_of": PAT, "population": PAT, "ordinal_suffix": PAT, "date_words": LIST, "one_words": LIST,
        # reference dates, the MGI method's numbers, rates, a figure at two dates (helpers.draft.figures)
        "reference_date": PAT, "dated_events": PAT, "end_of": PAT, "date_only_before": PAT, "clause_openers": PAT,
        "clause_openers_after": PAT, "method_words": PAT, "rate_words": LIST, "change_between": PAT,
    },
    "dates": {"joiners": LIST, "ordinals": LIST, "year_before": LIST, "end_words": PAT},
    "sources": {"available_at": LIST, "not_online": LIST},
    "sentences": {"abbreviations": LIST},
    "covid": {
        "pandemic": PAT, "caps_heading": PAT, "measure": PAT, "annex_intro": PAT, "repealed": PAT, "annulled": PAT, "ended": PAT,
        "areas": Entries({"name": STR, "area": Code("COVID-19 area", COVID_AREAS), "pattern": PAT}, ("area", "pattern")),
    },
    "partnerships": {
        "negation": PAT, "not_after": PAT,
        "roles": Entries({"name": STR, "role": Code("partnership role", PARTNERSHIP_ROLES), "pattern": PAT},
                         ("role", "pattern")),
        "kinds": Entries({"name": STR, "kind": Code("partnership kind", PARTNERSHIP_KINDS), "pattern": PAT},
                         ("kind", "pattern")),
    },
}


class LanguageFileError(ValueError):
    """A language or overlay file that does not have the declared shape: the file, the key and what is expected."""


def _expect(shape) -> str:
    if isinstance(shape, Code):
        return f"a {shape.what}: one of " + ", ".join(shape.codes)
    if isinstance(shape, Pattern):
        return "a regular expression (a string)"
    if isinstance(shape, list):
        return "a list of " + _expect(shape[0]).removeprefix("a ").removeprefix("an ")
    if isinstance(shape, Table):
        return "a table of words, each with " + _expect(shape.value)
    if isinstance(shape, Entries):
        return "entries ([[...]]) with the keys " + ", ".join(shape.keys)
    if isinstance(shape, dict):
        return "a section ([...]) with the keys " + ", ".join(shape)
    return {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}[shape]


def check_shape(data, shape, where: str, file: str) -> None:
    """Raise LanguageFileError naming the file, the key and what is expected, for the first thing that does not
    fit the declared shape (an unknown section or key, a value of the wrong kind, a code the schema lacks, a
    pattern that does not compile)."""
    def fail(what: str, expected) -> None:
        raise LanguageFileError(f"{file}: {where or '(top level)'}: {what} (expected {expected})")

    if isinstance(shape, dict):
        if not isinstance(data, dict):
            fail(f"found {type(data).__name__}", _expect(shape))
        for key, value in data.items():
            sub = f"{where}.{key}" if where else key
            if key not in shape:
                raise LanguageFileError(f"{file}: {sub}: unknown {'key' if where else 'section or key'} "
                                        f"(expected one of: {', '.join(shape)})")
            check_shape(value, shape[key], sub, file)
    elif isinstance(shape, Entries):
        if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
            fail("not a list of entries", _expect(shape))
        for i, entry in enumerate(data):
            missing = [k for k in shape.required if k not in entry]
            if missing:
                raise LanguageFileError(f"{file}: {where}[{i + 1}]: the key {missing[0]!r} is missing "
                                        f"(expected the keys {', '.join(shape.required)})")
            check_shape(entry, shape.keys, f"{where}[{i + 1}]", file)
    elif isinstance(shape, Table):
        if not isinstance(data, dict):
            fail(f"found {type(data).__name__}", _expect(shape))
        for key, value in data.items():
            check_shape(value, shape.value, f"{where}.{key}", file)
    elif isinstance(shape, list):
        if not isinstance(data, list):
            fail(f"found {data!r}"[:120], _expect(shape))
        for i, item in enumerate(data):
            check_shape(item, shape[0], f"{where}[{i + 1}]", file)
    elif isinstance(shape, Code):
        if data not in shape.codes:
            fail(f"{data!r} is not a schema code", _expect(shape))
    elif isinstance(shape, Pattern):
        if not isinstance(data, str):
            fail(f"found {data!r}"[:120], _expect(shape))
        try:
            re.compile(data)
        except re.error as exc:
            fail(f"the pattern does not compile ({exc})", "a valid regular expression")
    elif shape is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            fail(f"found {data!r}", _expect(shape))
    elif shape is int:
        if isinstance(data, bool) or not isinstance(data, int):
            fail(f"found {data!r}", _expect(shape))
    elif not isinstance(data, shape):
        fail(f"found {data!r}"[:120], _expect(shape))


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
    lang.printed_prefixes += [x for x in h.get("printed_prefixes", []) if x not in lang.printed_prefixes]
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
        if month not in lang.month_names:
            lang.month_names.append(month)
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
    code = data.get("language")
    if code:
        settings = lang.settings.setdefault(code, {})
        if "min_words" in f:
            settings["min_words"] = int(f["min_words"])
        lang.detect_words.setdefault(code, set()).update(w.casefold() for w in data.get("detect", {}).get("words", []))
        if "figures" in data:
            lang.figures.setdefault(code, {}).update(data["figures"])
    lang.issuing_suffixes.update(ins.get("issuing_suffixes", {}))
    lang.abbreviations = lang.abbreviations | set(data.get("sentences", {}).get("abbreviations", []))
    src = data.get("sources", {})
    lang.available_at += [w for w in src.get("available_at", []) if w not in lang.available_at]
    lang.not_online += [w for w in src.get("not_online", []) if w not in lang.not_online]
    dates = data.get("dates", {})
    lang.date_joiners += [w for w in dates.get("joiners", []) if w not in lang.date_joiners]
    lang.date_ordinals += [w for w in dates.get("ordinals", []) if w not in lang.date_ordinals]
    lang.year_before += [w for w in dates.get("year_before", []) if w not in lang.year_before]
    if "end_words" in dates:
        lang.end_words.append(re.compile(dates["end_words"], re.IGNORECASE))
    lang.themes += _rules(data.get("statistics", {}).get("themes", []), "theme")
    c = data.get("covid", {})
    for key in ("pandemic", "measure", "annex_intro", "repealed", "annulled", "ended"):
        if key in c:
            lang.covid[key] = re.compile(c[key], re.IGNORECASE)
    lang.covid_areas += _rules(c.get("areas", []), "area")
    if "caps_heading" in c:
        caps = c["caps_heading"] if lang.covid_caps is None else f"{lang.covid_caps.pattern}|{c['caps_heading']}"
        lang.covid_caps = re.compile(caps)
    p = data.get("partnerships", {})
    if "negation" in p:
        lang.partnership_negation = re.compile(p["negation"], re.IGNORECASE)
    if "not_after" in p:
        lang.partnership_not_after = re.compile(p["not_after"], re.IGNORECASE)
    lang.partnership_roles += _rules(p.get("roles", []), "role")
    lang.partnership_kinds += _rules(p.get("kinds", []), "kind")


def _read(path: Path, overlay: bool) -> dict:
    with path.open("rb") as fh:
        try:
            data = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise LanguageFileError(f"{path.name}: {exc}") from None
    check_shape(data, SHAPE, "", f"{'overlays/' if overlay else ''}{path.name}")
    if not overlay and "language" not in data:
        raise LanguageFileError(f"{path.name}: language: the key is missing (expected the language's code, "
                                f"one of {', '.join(TITLE_LANGUAGES)})")
    if not overlay and data["language"] != path.stem:
        raise LanguageFileError(f"{path.name}: language: {data['language']!r} is not the file's name "
                                f"(expected {path.stem!r})")
    if overlay and "language" in data:
        raise LanguageFileError(f"overlays/{path.name}: language: an overlay is not a language "
                                "(expected no language key; its patterns apply to every language)")
    return data


@lru_cache(maxsize=4)
def load_language(directory: str | None = None, overlays: str | None = None) -> Language:
    """Every lang/*.toml merged, English first (its catch-all rules stay last within each list), then every
    overlays/*.toml (knowledge of one country or legal system). Each file is checked against SHAPE."""
    folder = Path(directory) if directory else LANG_DIR
    files = sorted(folder.glob("*.toml"), key=lambda p: (p.stem != "en", p.stem))
    if not files:
        raise FileNotFoundError(f"no language files in {folder}")
    extra = Path(overlays) if overlays else (OVERLAY_DIR if directory is None else folder / "overlays")
    lang = Language()
    for path, overlay in [(p, False) for p in files] + [(p, True) for p in sorted(extra.glob("*.toml"))]:
        data = _read(path, overlay)
        try:
            _merge(lang, data)
        except (re.error, KeyError, TypeError) as exc:
            raise LanguageFileError(f"{path.name}: {exc}") from None
        lang.files.append(("overlays/" if overlay else "") + path.name)
    # catch-all rules ('.') of English must come after the specific rules of every language
    for attr in ("covid_areas", "partnership_kinds"):
        rules = getattr(lang, attr)
        rules.sort(key=lambda r: r.regex.pattern == ".")
    return lang


@lru_cache(maxsize=16)
def _for_code(lang: Language, code: str) -> Language:
    if code not in lang.settings:
        raise ValueError(f"no language file for {code!r} (languages: {', '.join(lang.settings)})")
    return replace(lang, code=code)


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def language_scores(text: str, lang: Language | None = None) -> dict[str, int]:
    """How many of each language's common words (`detect.words`) the text holds."""
    lang = lang or load_language()
    words = [w.casefold() for w in _WORD.findall(text)]
    return {code: sum(1 for w in words if w in common) for code, common in lang.detect_words.items() if common}


def detect_language(text: str, lang: Language | None = None, default: str | None = "en") -> str | None:
    """The language a profile (or a title) is written in: the one whose common words it holds most of; `default`
    when it holds none (or two languages tie)."""
    scores = language_scores(text, lang)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return default
    return ranked[0][0]
