"""Every coded value of the schema with the words a reader sees for it: the one place a code gets its label.

schema.py takes its allowed values from the keys below (in this order), so a code cannot exist without a label;
reports, charts and tables take their words from here.
"""

from __future__ import annotations

# findings.kind -> (label of one finding, heading of a list of them)
FINDING_KIND_WORDS: dict[str, tuple[str, str]] = {
    "update_since_baseline": ("Update since baseline", "Updates since the baseline"),
    "well_developed": ("Well-developed area", "Well-developed areas"),
    "further_development": ("Potential for further development", "Areas with potential for further development"),
}
KIND_LABELS: dict[str, str] = {k: w[0] for k, w in FINDING_KIND_WORDS.items()}
KIND_HEADINGS: dict[str, str] = {k: w[1] for k, w in FINDING_KIND_WORDS.items()}

# statistics.theme
THEME_LABELS: dict[str, str] = {
    "migrant_population": "Migrant population",
    "population_by_origin": "Migrants and refugees by origin",
    "recognition_agreements": "Recognition of degrees and diplomas",
    "cooperation_agreements": "Cooperation agreements",
    "roundtable": "Migration coordination body",
    "remittances": "Remittances",
    "employment_restrictions": "Limits on employing foreign workers",
    "residence": "Residence",
    "education": "Education",
    "programmes": "Programmes and schemes",
    "methodology": "About the MGI assessment",
    "labour_migration": "Labour migration",
    "refugees_asylum": "Refugees and asylum",
    "diaspora": "Diaspora",
    "return": "Return and reintegration",
    "trafficking": "Trafficking in persons",
    "border": "Border management",
    "health": "Health",
    "other": "Other figures",
}

# statistics.unit -> (singular, plural); None: the code itself is the word whatever the number
UNIT_WORDS: dict[str, tuple[str, str] | None] = {
    "persons": ("person", "persons"), "percent": ("per cent", "per cent"), "countries": ("country", "countries"),
    "agreements": ("agreement", "agreements"), "entities": ("entity", "entities"), "years": ("year", "years"),
    "days": ("day", "days"), "months": ("month", "months"), "questions": ("question", "questions"),
    "indicators": ("indicator", "indicators"), "domains": ("domain", "domains"),
    "districts": None, "categories": None, "rank": None,
    # money: the currency as printed stays in the label and the quote; local_currency is the country's own
    "usd": ("US dollar", "US dollars"), "eur": ("euro", "euros"),
    "local_currency": ("unit of local currency", "units of local currency"),
}

# statistics.qualifier -> the words put before the number ("over 50")
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "", "over": "over", "about": "about", "estimated": "an estimated", "up_to": "up to",
    "less_than": "less than", "target": "a target of",
}

# covid_responses.area
AREA_LABELS: dict[str, str] = {
    "health_access": "Access to health care",
    "vaccination": "Vaccination",
    "migration_status": "Migration status and deadlines",
    "health_workforce": "Health workforce",
    "data": "Data on migrants",
    "remittances_financial_services": "Remittances and financial services",
    "return_transfer": "Return and transfer of people",
    "response_planning": "Response planning and coordination",
    "consular_assistance": "Consular assistance",
}

# covid_responses.status
MEASURE_STATUS_LABELS: dict[str, str] = {
    "in_force": "In force", "repealed": "Repealed", "annulled": "Annulled", "ended": "Ended",
    "not_stated": "Status not stated",
}

# errata.kind -> the word for one of them
ERRATUM_KIND_WORDS: dict[str, str] = {"contradiction": "contradiction", "slip": "slip",
                                      "conversion": "conversion error"}

# instruments.title_language: the language of an original-language title (ISO 639-1)
LANGUAGE_LABELS: dict[str, str] = {
    "es": "Spanish", "fr": "French", "pt": "Portuguese", "en": "English", "ar": "Arabic", "ru": "Russian",
    "it": "Italian", "de": "German", "nl": "Dutch", "zh": "Chinese",
}

# the level of government a profile assesses (mgi.level): national (the MGI) or local (the local MGI)
LEVEL_LABELS: dict[str, str] = {"national": "National profile", "local": "Local profile"}
# mgi.locality_type of a local profile -> the word the reports use for it ("the city")
LOCALITY_WORDS: dict[str, str] = {"city": "city", "municipality": "municipality", "district": "district",
                                  "province": "province", "state": "state", "region": "region"}

# the `section` labels of rows (where a quote is), whatever the language of the profile
SECTION_LABELS: dict[str, str] = {
    "front": "Front matter", "introduction": "Introduction", "conceptual_framework": "Conceptual framework",
    "summary": "Summary of updates since {year}", "covid_annex": "COVID-19 annex", "annex": "Annex – MiGOF",
    "key_sources": "Key sources", "footnote": "{section}, footnote {number}",
    "competences": "Competences of the local government",
}

# the month of a partial date (YYYY-MM, YYYY-MM-DD), 1 to 12
MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December")


def code_words(code: str) -> str:
    """A code without a declared label, in words: 'supreme_decree' -> 'Supreme decree'."""
    return code.replace("_", " ").capitalize()


# instruments.type: the codes whose words are not the code itself ('supreme_decree' reads 'Supreme decree')
TYPE_LABELS: dict[str, str] = {
    "by_law": "By-law", "council_resolution": "Council resolution", "mayoral_decree": "Mayoral decree",
    "andean_decision": "Andean Community decision",
}


def type_label(type_id: str) -> str:
    """instruments.type in words: 'supreme_decree' -> 'Supreme decree' (the codes are the profile's own terms)."""
    return TYPE_LABELS.get(type_id) or code_words(type_id)


def theme_label(theme: str) -> str:
    return THEME_LABELS.get(theme) or code_words(theme)


def area_label(area: str) -> str:
    return AREA_LABELS.get(area) or code_words(area)


def unit_words(unit: str) -> tuple[str, str]:
    """(singular, plural) of a unit: ('country', 'countries')."""
    return UNIT_WORDS.get(unit) or (unit, unit)
