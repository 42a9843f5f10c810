"""The single declaration of every table, field and allowed value.

Validation (frictionless Table Schemas written into each datapackage.json), the pandas dtypes of the
loader and the codebook (docs/codebook.md) are all generated from the structures below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field

from helpers.data import vocab
from helpers.data.domains import DOMAIN_IDS
from helpers.data.wordrules import COVERAGE_RULE, WordRule
from helpers.paths import PLAIN_NAME, PROFILE_ID

LIST_DELIMITER = ";"

# --- enumerations -----------------------------------------------------------------------------------

FINDING_KINDS = tuple(vocab.FINDING_KIND_WORDS)  # each code with its words in helpers.data.vocab
BASELINE_STATUSES = ("new", "improved", "unchanged", "gap_persisting", "not_stated")
INSTRUMENT_TYPES = (
    "constitution", "law", "legislative_decree", "decree_law", "supreme_decree", "emergency_decree",
    "ministerial_resolution", "superintendency_resolution", "andean_decision", "court_ruling", "communique",
    "code", "regulation", "policy", "plan", "strategy", "guideline", "convention", "agreement", "declaration",
    "statute", "programme", "permit", "digital_system", "survey",
    # the naming styles of other legal systems (common law, civil law, francophone, Commonwealth)
    "act", "decree", "royal_decree", "ordinance", "order", "resolution", "statutory_instrument", "legal_notice",
    "proclamation", "circular", "protocol", "treaty", "decision",
    # the instruments of a city or province (local MGI profiles)
    "by_law", "council_resolution", "mayoral_decree",
)
INSTRUMENT_STATUSES = ("in_force", "amended", "repealed", "annulled", "ended", "in_preparation", "not_stated")
RELATIONS = ("amends", "repeals", "regulates", "extends")
STAT_THEMES = tuple(vocab.THEME_LABELS)
STAT_UNITS = tuple(vocab.UNIT_WORDS)
QUALIFIERS = tuple(vocab.QUALIFIER_WORDS)
COVID_AREAS = tuple(vocab.AREA_LABELS)
MEASURE_STATUSES = tuple(vocab.MEASURE_STATUS_LABELS)
PARTNERSHIP_KINDS = (
    "regional_consultative_process", "integration_scheme", "intergovernmental_initiative", "forum",
    "observatory", "programme", "city_network",
)
PARTNERSHIP_ROLES = (
    "member", "founding_member", "observer", "associate_member", "pro_tempore_presidency", "participant",
)
ERRATUM_KINDS = tuple(vocab.ERRATUM_KIND_WORDS)
TITLE_LANGUAGES = tuple(vocab.LANGUAGE_LABELS)
LEVELS = tuple(vocab.LEVEL_LABELS)

DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
ID_PATTERN = PLAIN_NAME.pattern  # an id is also a plain file name


def number_key(number: str) -> str:
    """An instrument's number as a comparable key: upper case, '/' as '-', no spaces
    ('00016-2020-PI/TC' -> '00016-2020-PI-TC'). Two instruments of one type with one key are the same."""
    return re.sub(r"\s+", "", number).upper().replace("/", "-")


# --- declaration helpers ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    name: str
    type: str  # frictionless type: string, integer, number, boolean, list
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    item_enum: tuple[str, ...] | None = None  # allowed items of a list field (checked by helpers.data.validate)
    item_ref: str | None = None  # table whose primary key every list item must match
    quote: bool = False  # verbatim quote, checked against the source text
    minimum: float | None = None
    words: WordRule | None = None  # the words of the row's quote that must justify the value (helpers.data.wordrules)
    required_with: str | None = None  # this cell is required when that field of the row has a value

    def descriptor(self) -> dict:
        d: dict = {"name": self.name, "type": self.type, "description": self.description}
        if self.type == "list":
            d["delimiter"] = LIST_DELIMITER
            d["itemType"] = "string"
        if self.type == "boolean":
            d["trueValues"] = ["true"]
            d["falseValues"] = ["false"]
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if constraints:
            d["constraints"] = constraints
        return d

    def expected(self) -> str:
        """Plain words for what a cell of this field must hold (used in error messages)."""
        if self.enum:
            return "one of: " + ", ".join(self.enum)
        if self.item_enum:
            return f"'{LIST_DELIMITER}'-separated values from: " + ", ".join(self.item_enum)
        if self.item_ref:
            return f"'{LIST_DELIMITER}'-separated ids that exist in {self.item_ref}.csv"
        return {
            "integer": "a whole number (for a year: four digits, e.g. 2021)",
            "number": "a plain number with a dot for decimals and no thousands separator (1.2 million is 1200000)",
            "boolean": "true, false or empty",
            "string": "text" + (" matching " + self.pattern if self.pattern else ""),
            "list": f"'{LIST_DELIMITER}'-separated values",
        }.get(self.type, self.type)


@dataclass(frozen=True)
class ForeignKey:
    fields: str
    table: str
    ref_field: str


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    primary_key: str
    fields: tuple[Field, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    min_rows: int = 1
    optional: bool = False  # a profile may declare this table absent when its edition lacks the section
    notes: tuple[str, ...] = dc_field(default_factory=tuple)  # borderline decisions, for the codebook

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def schema_descriptor(self) -> dict:
        d: dict = {"fields": [f.descriptor() for f in self.fields], "primaryKey": [self.primary_key]}
        if self.foreign_keys:
            d["foreignKeys"] = [
                {"fields": [fk.fields], "reference": {"resource": fk.table, "fields": [fk.ref_field]}}
                for fk in self.foreign_keys
            ]
        d["missingValues"] = [""]
        return d


def _id(name: str, what: str) -> Field:
    return Field(name, "string", f"Identifier of the {what}, unique within the profile.", required=True,
                 pattern=ID_PATTERN)


def _evidence() -> Field:
    return Field("evidence", "string",
                 "Verbatim quote from the source text (an exact substring once whitespace is collapsed) that "
                 "supports every other cell of the row.", required=True, quote=True)


def _section(required: bool = True) -> Field:
    return Field("section", "string",
                 "Where the quote is: a section number and heading (e.g. '2.2 Areas with potential for further "
                 "development'), a footnote ('2.2, footnote 13'), the summary of updates, the COVID-19 annex or "
                 "Key sources.", required=required)


def _domains(desc: str) -> Field:
    return Field("domains", "list", desc, item_enum=DOMAIN_IDS)


def _instruments(desc: str) -> Field:
    return Field("instruments", "list", desc, item_ref="instruments")


# --- the tables ---------------------------------------------------------------------------------------

FINDINGS = Table(
    name="findings",
    title="Findings",
    description="Every finding of the profile: the summary of updates since the baseline, the well-developed "
                "areas and the areas with potential for further development, per domain.",
    primary_key="finding_id",
    fields=(
        _id("finding_id", "finding"),
        Field("domain", "string", "MGI domain the finding belongs to.", required=True, enum=DOMAIN_IDS),
        Field("kind", "string",
              "update_since_baseline: the 'Summary of updates since <baseline year>'; well_developed: "
              "'Examples of well-developed areas' (x.1); further_development: 'Areas with potential for further "
              "development' (x.2).", required=True, enum=FINDING_KINDS),
        _section(),
        Field("summary", "string", "A short summary in the editors' words; it adds no fact the quote lacks.",
              required=True),
        Field("baseline_status", "string",
              "How the finding stands against the baseline assessment: new (adopted or created since), improved "
              "(existed and was expanded), unchanged (continues as before), gap_persisting (an area for development "
              "that the text says was already identified and is still open), not_stated (the text does not say).",
              required=True, enum=BASELINE_STATUSES),
        _instruments("Instruments the finding cites, as instrument_id values separated by ';'."),
        _evidence(),
    ),
    notes=(
        "One row per distinct finding: usually one per paragraph; a paragraph stating several findings is split.",
        "gap_persisting is used only where the text itself links the gap to the previous assessment "
        "('continue in force', 'as identified in the preceding assessment'); otherwise not_stated.",
    ),
)

INSTRUMENTS = Table(
    name="instruments",
    title="Instruments",
    description="Every law, decree, resolution, Andean decision, policy, plan, strategy, convention, agreement, "
                "programme, digital system and survey the profile names.",
    primary_key="instrument_id",
    fields=(
        _id("instrument_id", "instrument ('<TYPE>-<number>' for numbered instruments, a slug otherwise)"),
        Field("type", "string", "Kind of instrument, as the profile calls it.", required=True,
              enum=INSTRUMENT_TYPES),
        Field("number", "string", "Official number as printed (read as text: '010-2020-IN', '000104-2020').",
              pattern=r"^[0-9A-Za-z][0-9A-Za-z/.-]*$"),
        Field("year", "integer", "Year the profile gives for the instrument.", minimum=1900),
        Field("title_en", "string", "English title as the profile words it.", required=True),
        Field("title_original", "string", "Title in the instrument's own language (Spanish, French, Portuguese…) "
              "as the source gives it; empty when the source gives only an English title."),
        Field("title_language", "string", "Language of title_original (ISO 639-1 code); required when "
              "title_original is given.", enum=TITLE_LANGUAGES, required_with="title_original"),
        Field("issuing_body", "string", "Issuing body as the profile names it."),
        _domains("Domains whose sections cite the instrument (empty when only Key sources name it)."),
        Field("status", "string", "Status as the profile supports it.", required=True, enum=INSTRUMENT_STATUSES),
        Field("amends", "list", "Instruments this one amends.", item_ref="instruments"),
        Field("repeals", "list", "Instruments this one repeals or annuls.", item_ref="instruments"),
        Field("regulates", "list", "Instruments this one regulates (implementing regulations).",
              item_ref="instruments"),
        Field("extends", "list", "Instruments whose validity or benefits this one extends.", item_ref="instruments"),
        Field("after_baseline", "boolean",
              "true: adopted or amended in or after the baseline year per the profile; false: adopted before and "
              "not amended since per the profile; empty: not stated."),
        Field("covid_measure", "boolean", "true when the profile presents it as a COVID-19 response.",
              required=True),
        _section(),
        _evidence(),
        Field("note", "string", "How a borderline case was decided (e.g. where a number came from)."),
    ),
    notes=(
        "When the body names an instrument without its number and Key sources give it, the row carries both and "
        "note says so.",
        "A Supreme Decree approving a policy or plan is typed by what the profile calls it (policy, plan).",
    ),
)

STATISTICS = Table(
    name="statistics",
    title="Statistics",
    description="Every figure the profile states, as a plain number with its unit, qualifier, reference date "
                "and the organisation the profile cites.",
    primary_key="statistic_id",
    fields=(
        _id("statistic_id", "figure"),
        Field("theme", "string", "Theme the figure belongs to.", required=True, enum=STAT_THEMES),
        Field("indicator", "string",
              "Stable slug for what is measured; figures of the same thing at different dates share it.",
              required=True, pattern=r"^[a-z0-9_]+$"),
        Field("label", "string", "Plain-English label of the figure.", required=True),
        Field("value", "number", "The figure as a plain number (1.2 million is 1200000; 3.36 per cent is 3.36).",
              required=True),
        Field("unit", "string", "Unit of the value.", required=True, enum=STAT_UNITS),
        Field("qualifier", "string", "How the profile qualifies the figure ('over 50' is over).", required=True,
              enum=QUALIFIERS),
        Field("reference_date", "string", "Date the figure refers to (YYYY, YYYY-MM or YYYY-MM-DD); empty when "
              "the profile gives none.", pattern=DATE_PATTERN),
        Field("source_org", "string", "Organisation the profile cites for the figure; empty when none."),
        Field("source_id", "string", "The Key sources entry cited for the figure, when there is one."),
        _section(),
        _evidence(),
    ),
    foreign_keys=(ForeignKey("source_id", "sources", "source_id"),),
    notes=("Years of adoption of instruments are not figures; they live in instruments.year.",),
)

COVID_RESPONSES = Table(
    name="covid_responses",
    title="COVID-19 responses",
    description="The COVID-19 annex, one row per response, plus COVID-19 responses stated in the body.",
    primary_key="response_id",
    optional=True,
    fields=(
        _id("response_id", "response"),
        Field("area", "string", "Area of the response.", required=True, enum=COVID_AREAS),
        Field("measure", "string", "The measure, in the editors' words.", required=True),
        _instruments("Instruments that enact the measure."),
        Field("date", "string", "When the measure started (YYYY, YYYY-MM or YYYY-MM-DD).", pattern=DATE_PATTERN),
        Field("date_end", "string", "When it ended or was repealed.", pattern=DATE_PATTERN),
        Field("covers_regardless_of_status", "boolean", COVERAGE_RULE.describe(), words=COVERAGE_RULE),
        Field("status", "string", "Status of the measure as the profile supports it.", required=True,
              enum=MEASURE_STATUSES),
        _domains("Domains the measure touches."),
        _section(),
        _evidence(),
    ),
)

PARTNERSHIPS = Table(
    name="partnerships",
    title="Partnerships",
    description="Regional and multilateral processes, integration schemes and forums, with the country's role.",
    primary_key="partnership_id",
    fields=(
        _id("partnership_id", "process and role"),
        Field("name", "string", "Name of the process, scheme or forum.", required=True),
        Field("kind", "string", "What kind of partnership it is.", required=True, enum=PARTNERSHIP_KINDS),
        Field("role", "string", "The country's role in it.", required=True, enum=PARTNERSHIP_ROLES),
        Field("year", "integer", "Year of that role, when stated.", minimum=1900),
        _evidence(),
        _section(),
    ),
    notes=("One row per process and role: a founding member that also held the presidency has two rows.",),
)

SOURCES = Table(
    name="sources",
    title="Key sources",
    description="The whole Key sources list of the profile.",
    primary_key="source_id",
    fields=(
        _id("source_id", "Key sources entry"),
        Field("organisation", "string", "The heading the entry is listed under.", required=True),
        Field("year_tag", "string", "Year tag as printed (2017b, n.d.); empty when the conversion lost it.",
              pattern=r"^(\d{4}[a-z]?|n\.d\.)$"),
        Field("title", "string", "Entry text before its address, as printed.", required=True),
        Field("address", "string", "Web address with the spaces inserted by the PDF conversion removed."),
        Field("address_as_printed", "string", "Web address exactly as printed in the source text."),
        Field("online", "boolean", "false when the entry says 'Not available online'.", required=True),
    ),
    notes=("Year tags lost in the PDF conversion are left empty, never guessed.",),
)

ERRATA = Table(
    name="errata",
    title="Errata",
    description="Every place where the source contradicts itself or has an evident slip, what the extracts use "
                "and why. Nothing is corrected silently.",
    primary_key="erratum_id",
    min_rows=0,
    fields=(
        _id("erratum_id", "erratum"),
        Field("kind", "string", "contradiction, slip or conversion (damage from the PDF conversion).",
              required=True, enum=ERRATUM_KINDS),
        _section(),
        Field("source_says", "string", "The questionable words, verbatim.", required=True, quote=True),
        Field("conflicts_with", "string", "The other mention it disagrees with, verbatim (empty for a slip "
              "that has no counterpart).", quote=True),
        Field("conflict_section", "string", "Where the other mention is."),
        Field("extracts_use", "string", "What the extracts use.", required=True),
        Field("reason", "string", "Why.", required=True),
    ),
)

TABLES: tuple[Table, ...] = (FINDINGS, INSTRUMENTS, STATISTICS, COVID_RESPONSES, PARTNERSHIPS, SOURCES, ERRATA)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}


# --- profile metadata (the top of datapackage.json) ---------------------------------------------------

METADATA_SCHEMA: dict = {
    "type": "object",
    "required": ["name", "title", "licenses", "resources", "mgi"],
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z0-9._-]+$"},
        "title": {"type": "string", "minLength": 1},
        "mgi": {
            "type": "object",
            "required": ["profile_id", "country", "iso3", "edition", "edition_number", "assessment_year",
                         "publication_year", "publisher", "citation", "source_file", "source_sha256",
                         "source_license", "data_version"],
            "properties": {
                "profile_id": {"type": "string", "pattern": PROFILE_ID.pattern},
                "country": {"type": "string", "minLength": 1},
                "country_short": {"type": "string", "minLength": 1},
                # national: the MGI of a country; local: the local MGI of a city or province of that country
                "level": {"enum": list(LEVELS)},
                "locality": {"type": "string", "minLength": 1},  # 'Bogotá', 'São Paulo', 'Province of Buenos Aires'
                "locality_short": {"type": "string", "minLength": 1},
                "locality_type": {"enum": list(vocab.LOCALITY_WORDS)},
                "language": {"enum": list(TITLE_LANGUAGES)},  # the language the profile is written in
                "iso3": {"type": "string", "pattern": "^[A-Z]{3}$"},
                "edition": {"type": "string", "minLength": 1},
                "edition_number": {"type": "integer", "minimum": 1},
                "assessment_year": {"type": "integer", "minimum": 2015, "maximum": 2100},
                "publication_year": {"type": "integer", "minimum": 2015, "maximum": 2100},
                "baseline_year": {"type": ["integer", "null"]},
                "baseline_title": {"type": ["string", "null"]},
                "publisher": {"type": "string"},
                "citation": {"type": "string"},
                "isbn": {"type": ["string", "null"]},
                "source_file": {"type": "string", "pattern": "^[A-Za-z0-9._-]+\\.txt$"},
                "source_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "source_pdf": {"type": "string", "pattern": "^[A-Za-z0-9._-]+\\.pdf$"},
                "source_pdf_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "conversion": {  # how source_file was made from source_pdf (helpers.draft.pdf)
                    "type": "object",
                    "required": ["converter", "converter_version", "library", "library_version", "options"],
                },
                "source_license": {"type": "string"},
                "data_version": {"type": "string", "pattern": "^\\d+\\.\\d+\\.\\d+$"},
                "fictional": {"type": "boolean"},
                "absent_tables": {
                    "type": "object",
                    "propertyNames": {"enum": [t.name for t in TABLES if t.optional]},
                    "additionalProperties": {"type": "string", "minLength": 1},
                },
                "domain_headings": {
                    "type": "object",
                    "propertyNames": {"enum": list(DOMAIN_IDS)},
                    "additionalProperties": {"type": "string"},
                },
            },
            "dependentRequired": {"source_pdf": ["source_pdf_sha256", "conversion"],
                                  "locality": ["level", "locality_type"]},
            # a local profile names its city or province (country and iso3 stay those of its country)
            "if": {"properties": {"level": {"const": "local"}}, "required": ["level"]},
            "then": {"required": ["locality", "locality_type"]},
            "else": {"not": {"required": ["locality"]}},
        },
    },
}
