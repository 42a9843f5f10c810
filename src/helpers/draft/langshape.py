"""The declared shape of a language or overlay file (helpers.draft.language checks every file against it when it
loads): each section and key, what kind of value it holds, and the schema codes a value must be one of."""

from __future__ import annotations

import re

from helpers.data.domains import DOMAIN_IDS
from helpers.data.schema import (
    BASELINE_STATUSES, COVID_AREAS, FINDING_KINDS, INSTRUMENT_STATUSES, INSTRUMENT_TYPES, PARTNERSHIP_KINDS, PARTNERSHIP_ROLES,
    QUALIFIERS, STAT_THEMES, STAT_UNITS, TITLE_LANGUAGES,
)

HEADING_KINDS = ("summary", "well_developed", "further_development", "covid_annex", "key_sources",
                 "introduction", "conceptual_framework", "competences", "annex")


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
        "passive": LIST, "year_in": LIST, "title_intro": PATS, "alias_intro": PATS, "not_law_after": LIST,
        "number_marks": LIST, "of_words": LIST, "months": LIST, "adopted_verbs": LIST,
        "numbered": Entries({"names": LIST, "type": _TYPES, "prefix": STR, "context": PAT},
                            ("names", "type", "prefix")),
        "named": {"connectives": LIST, "articles": LIST, "phrases": LIST, "leading_words": LIST,
                  "lowercase_names": bool, "name_stops": LIST,
                  "and_words": LIST, "tail_words": LIST,
                  "number_after": PAT,
                  "heads": Entries({"words": LIST, "type": _TYPES, "modifier": bool}, ("words", "type"))},
        "issuing_suffixes": Table(STR),  # overlays: 'MINSA' -> 'Ministry of Health'
        # a numbered instrument's full title: the subject phrase after its number, and the words that end it
        "title_subject": LIST, "title_stop": LIST,
        # after_baseline of an instrument older than the baseline: changed since (true) or said to go on (false)
        "changed_in": PAT, "goes_on": PAT,
        # an instrument's status from the words around one of its mentions (helpers.draft.instruments)
        "status": Entries({"name": STR, "status": Code("instrument status", INSTRUMENT_STATUSES), "before": PAT,
                           "after": PAT}, ("status",)),
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
        "clause_openers_after": PAT, "clause_links": LIST, "method_words": PAT, "rate_words": LIST, "change_between": PAT, "target": PAT,
    },
    "dates": {"joiners": LIST, "ordinals": LIST, "year_before": LIST, "end_words": PAT},
    "sources": {"available_at": LIST, "not_online": LIST},
    "sentences": {"abbreviations": LIST},
    # values the front matter states for the metadata (draft/metadata.candidates.csv): group 1 (or the named groups
    # ordinal, profile, year of an edition line 'REPUBLIC OF PERU | SECOND PROFILE 2021') is the value
    "metadata": {"citation": PATS, "publisher": PATS, "edition": PATS, "baseline_title": PATS,
                 "ordinals": Table(int)},
    "covid": {
        "pandemic": PAT, "caps_heading": PAT, "measure": PAT, "annex_intro": PAT, "repealed": PAT, "annulled": PAT, "ended": PAT,
        "areas": Entries({"name": STR, "area": Code("COVID-19 area", COVID_AREAS), "pattern": PAT}, ("area", "pattern")),
    },
    "partnerships": {
        "negation": PAT, "not_after": PAT,
        # 'X and the Y' (two names), ', the' between names of a list, '… and also in the Y', 'in 2019'
        "and_the": PAT, "list_joiner": PAT, "list_continues": PAT, "year_words": PAT, "since_words": PAT, "founded_words": PAT,
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
