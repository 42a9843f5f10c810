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
from functools import cached_property, lru_cache
from pathlib import Path

from helpers.data.domains import DOMAIN_IDS
from helpers.data.schema import TITLE_LANGUAGES
from helpers.draft.langshape import HEADING_KINDS, SHAPE, LanguageFileError, check_shape  # noqa: F401 (re-exported)

LANG_DIR = Path(__file__).with_name("lang")
OVERLAY_DIR = Path(__file__).with_name("overlays")


@dataclass(frozen=True)
class NumberedName:
    pattern: str  # regex of the name ('Legislative Decree')
    type: str  # codebook instrument type
    prefix: str  # id prefix ('LD')
    ignore_case: bool = False
    context: re.Pattern | None = None  # the passage must hold these words for this type (overlays)


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
    language: str = ""  # the file it comes from ('' for an overlay: every language)


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
    title_subject: list[str] = field(default_factory=list)
    title_stop: list[str] = field(default_factory=list)
    instrument_words: dict[str, re.Pattern] = field(default_factory=dict)  # changed_in, goes_on
    instrument_status: list[tuple[str, str, re.Pattern | None, re.Pattern | None]] = field(default_factory=list)
    connectives: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    phrases: list[str] = field(default_factory=list)
    leading_words: set[str] = field(default_factory=set)
    lowercase_names: set[str] = field(default_factory=set)  # languages writing 'Politique nationale migratoire'
    name_stops: dict[str, list[str]] = field(default_factory=dict)  # language -> words that end such a name
    and_words: list[str] = field(default_factory=list)  # 'and', 'y', 'et', 'e': between two names
    name_tail_words: list[str] = field(default_factory=list)  # 'in', 'since': a date phrase after a name
    instrument_words: dict[str, list[str]] = field(default_factory=dict)  # passive, year_in, title_intro...
    number_after: list[re.Pattern] = field(default_factory=list)
    heads: list[Head] = field(default_factory=list)
    all_status_rules: list[Rule] = field(default_factory=list)
    all_themes: list[Rule] = field(default_factory=list)
    covid: dict[str, re.Pattern] = field(default_factory=dict)
    all_covid_areas: list[Rule] = field(default_factory=list)
    partnership_negation: re.Pattern | None = None
    partnership_not_after: re.Pattern | None = None
    all_partnership_roles: list[Rule] = field(default_factory=list)
    all_partnership_kinds: list[Rule] = field(default_factory=list)
    partnership_words: dict[str, re.Pattern] = field(default_factory=dict)  # and_the, list_joiner, year_words...
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
    abbreviations: frozenset[str] = frozenset()
    metadata: dict[str, list[re.Pattern]] = field(default_factory=dict)  # citation, publisher, edition...
    ordinals: dict[str, int] = field(default_factory=dict)  # 'second' -> 2, 'segundo' -> 2  # a full stop after these does not end a sentence
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

    def _of_language(self, rules: list[Rule]) -> list[Rule]:
        """Rules that read the words of a paragraph: the profile's language first, then English (a profile in
        another language still quotes English names), then overlays; catch-all rules ('.') last."""
        order = {self.code: 0, "en": 1, "": 2}
        picked = [r for r in rules if r.language in order]
        return sorted(picked, key=lambda r: (r.regex.pattern == ".", order[r.language]))

    @cached_property
    def status_rules(self) -> list[Rule]:
        return self._of_language(self.all_status_rules)

    @cached_property
    def themes(self) -> list[Rule]:
        return self._of_language(self.all_themes)

    @cached_property
    def covid_areas(self) -> list[Rule]:
        return self._of_language(self.all_covid_areas)

    @cached_property
    def partnership_roles(self) -> list[Rule]:
        return self._of_language(self.all_partnership_roles)

    @cached_property
    def partnership_kinds(self) -> list[Rule]:
        return self._of_language(self.all_partnership_kinds)

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


def _compile(patterns, flags=re.IGNORECASE) -> list[re.Pattern]:
    return [re.compile(p, flags) for p in patterns]


def _rules(items, value_key: str, language: str = "") -> list[Rule]:
    out = []
    for it in items:
        out.append(Rule(it.get("name", it[value_key]), it[value_key], re.compile(it["pattern"], re.IGNORECASE),
                        tuple(it.get("kinds", ())), bool(it.get("year_after_baseline", False)), language))
    return out


def _either(old: re.Pattern | None, new: str) -> re.Pattern:
    """A pattern of one more language joined to those already read (case-insensitive)."""
    return re.compile(new if old is None else f"(?:{old.pattern})|(?:{new})", re.IGNORECASE)


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
            lang.numbered.append(NumberedName(name, entry["type"], entry["prefix"], ignore_case,
                                              re.compile(entry["context"]) if "context" in entry else None))
    lang.number_marks += [m for m in ins.get("number_marks", []) if m not in lang.number_marks]
    lang.of_words += [w for w in ins.get("of_words", []) if w not in lang.of_words]
    for i, month in enumerate(ins.get("months", [])):
        lang.months[month.casefold()] = i + 1
        if month not in lang.month_names:
            lang.month_names.append(month)
    lang.adopted_verbs += ins.get("adopted_verbs", [])
    lang.title_subject += [w for w in ins.get("title_subject", []) if w not in lang.title_subject]
    lang.title_stop += [w for w in ins.get("title_stop", []) if w not in lang.title_stop]
    for key in ("changed_in", "goes_on"):
        if key in ins:  # every language's words apply (a profile cites instruments in several languages)
            old = lang.instrument_words.get(key)
            lang.instrument_words[key] = re.compile(
                (f"{old.pattern}|" if old is not None else "") + f"(?:{ins[key]})", re.IGNORECASE)
    for st in ins.get("status", []):
        lang.instrument_status.append((st.get("name", st["status"]), st["status"],
                                       re.compile(st["before"] + r"$", re.IGNORECASE) if st.get("before") else None,
                                       re.compile("^" + st["after"], re.IGNORECASE) if st.get("after") else None))
    named = ins.get("named", {})
    lang.connectives |= set(named.get("connectives", []))
    lang.articles |= set(named.get("articles", []))
    lang.phrases += named.get("phrases", [])
    lang.leading_words |= set(named.get("leading_words", []))
    lang.and_words += [w for w in named.get("and_words", []) if w not in lang.and_words]
    if named.get("lowercase_names") and data.get("language"):
        lang.lowercase_names.add(data["language"])
    if named.get("name_stops") and data.get("language"):
        lang.name_stops.setdefault(data["language"], []).extend(named["name_stops"])
    lang.name_tail_words += [w for w in named.get("tail_words", []) if w not in lang.name_tail_words]
    for key in ("passive", "year_in", "not_law_after"):
        lang.instrument_words.setdefault(key, [])
        lang.instrument_words[key] += [w for w in ins.get(key, []) if w not in lang.instrument_words[key]]
    for key in ("title_intro", "alias_intro"):
        lang.instrument_words.setdefault(key, [])
        lang.instrument_words[key] += ins.get(key, [])
    if named.get("number_after"):
        lang.number_after.append(re.compile(named["number_after"]))
    for entry in named.get("heads", []):
        for word in entry["words"]:
            lang.heads.append(Head(word, entry["type"], bool(entry.get("modifier", True))))
    f = data.get("findings", {})
    code = data.get("language", "")
    lang.all_status_rules += _rules(f.get("status_rules", []), "status", code)
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
    meta = data.get("metadata", {})
    for key in ("citation", "publisher", "edition", "baseline_title"):
        lang.metadata.setdefault(key, []).extend(re.compile(p, re.IGNORECASE if key == "edition" else 0)
                                                 for p in meta.get(key, []))
    lang.ordinals.update({k.casefold(): int(v) for k, v in meta.get("ordinals", {}).items()})
    src = data.get("sources", {})
    lang.available_at += [w for w in src.get("available_at", []) if w not in lang.available_at]
    lang.not_online += [w for w in src.get("not_online", []) if w not in lang.not_online]
    dates = data.get("dates", {})
    lang.date_joiners += [w for w in dates.get("joiners", []) if w not in lang.date_joiners]
    lang.date_ordinals += [w for w in dates.get("ordinals", []) if w not in lang.date_ordinals]
    lang.year_before += [w for w in dates.get("year_before", []) if w not in lang.year_before]
    if "end_words" in dates:
        lang.end_words.append(re.compile(dates["end_words"], re.IGNORECASE))
    lang.all_themes += _rules(data.get("statistics", {}).get("themes", []), "theme", code)
    c = data.get("covid", {})
    for key in ("pandemic", "measure", "annex_intro", "repealed", "annulled", "ended"):
        if key in c:  # every language's words apply: the patterns are joined, not replaced
            lang.covid[key] = _either(lang.covid.get(key), c[key])
    lang.all_covid_areas += _rules(c.get("areas", []), "area", code)
    if "caps_heading" in c:
        caps = c["caps_heading"] if lang.covid_caps is None else f"{lang.covid_caps.pattern}|{c['caps_heading']}"
        lang.covid_caps = re.compile(caps)
    p = data.get("partnerships", {})
    if "negation" in p:
        lang.partnership_negation = _either(lang.partnership_negation, p["negation"])
    if "not_after" in p:
        lang.partnership_not_after = _either(lang.partnership_not_after, p["not_after"])
    for key in ("and_the", "list_joiner", "list_continues", "year_words", "since_words", "founded_words"):
        if key in p:
            lang.partnership_words[key] = _either(lang.partnership_words.get(key), p[key])
    lang.all_partnership_roles += _rules(p.get("roles", []), "role", code)
    lang.all_partnership_kinds += _rules(p.get("kinds", []), "kind", code)


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
    for attr in ("all_covid_areas", "all_partnership_kinds"):
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
