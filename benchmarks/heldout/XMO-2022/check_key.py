"""Check the XMO-2022 answer key against its source text and against docs/codebook.md (stdlib only).

Run: python3 check_key.py   (from any directory). Exit code 1 and one line per problem when something is wrong.
The allowed values below are copied by hand from /work/main/docs/codebook.md.
"""
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXT = (HERE / "mgi-morvane-second-profile-2022.txt").read_text(encoding="utf-8")
FLAT = re.sub(r"\s+", " ", TEXT)

DOMAINS = {"migrants_rights", "whole_of_government", "partnerships", "wellbeing", "mobility_crises", "safe_orderly_regular"}
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
NUMBER = re.compile(r"^[0-9A-Za-z][0-9A-Za-z/.-]*$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
YEAR_TAG = re.compile(r"^(\d{4}[a-z]?|n\.d\.)$")
SLUG = re.compile(r"^[a-z0-9_]+$")
BOOL = {"true", "false"}

TABLES = {
    "findings.csv": dict(
        key="finding_id",
        cols=["finding_id", "domain", "kind", "section", "summary", "baseline_status", "instruments", "evidence"],
        required=["finding_id", "domain", "kind", "section", "summary", "baseline_status", "evidence"],
        enums={"domain": DOMAINS, "kind": {"update_since_baseline", "well_developed", "further_development"},
               "baseline_status": {"new", "improved", "unchanged", "gap_persisting", "not_stated"}},
        quotes=["evidence"]),
    "instruments.csv": dict(
        key="instrument_id",
        cols=["instrument_id", "type", "number", "year", "title_en", "title_es", "issuing_body", "domains", "status",
              "amends", "repeals", "regulates", "extends", "after_baseline", "covid_measure", "section", "evidence", "note"],
        required=["instrument_id", "type", "title_en", "status", "covid_measure", "section", "evidence"],
        enums={"type": {"constitution", "law", "legislative_decree", "decree_law", "supreme_decree", "emergency_decree",
                        "ministerial_resolution", "superintendency_resolution", "andean_decision", "court_ruling",
                        "communique", "code", "regulation", "policy", "plan", "strategy", "guideline", "convention",
                        "agreement", "declaration", "statute", "programme", "permit", "digital_system", "survey",
                        "act", "decree", "royal_decree", "ordinance", "order", "resolution", "statutory_instrument",
                        "legal_notice", "proclamation", "circular", "protocol", "treaty"},
               "status": {"in_force", "amended", "repealed", "annulled", "ended", "in_preparation", "not_stated"}},
        quotes=["evidence"]),
    "statistics.csv": dict(
        key="statistic_id",
        cols=["statistic_id", "theme", "indicator", "label", "value", "unit", "qualifier", "reference_date", "source_org",
              "source_id", "section", "evidence"],
        required=["statistic_id", "theme", "indicator", "label", "value", "unit", "qualifier", "section", "evidence"],
        enums={"theme": {"migrant_population", "population_by_origin", "recognition_agreements", "cooperation_agreements",
                         "roundtable", "remittances", "employment_restrictions", "residence", "education", "programmes",
                         "methodology", "labour_migration", "refugees_asylum", "diaspora", "return", "trafficking",
                         "border", "health", "other"},
               "unit": {"persons", "percent", "countries", "agreements", "entities", "years", "days", "months",
                        "questions", "indicators", "domains", "districts", "categories", "rank", "usd", "eur",
                        "local_currency"},
               "qualifier": {"exact", "over", "about", "estimated", "up_to", "less_than", "target"}},
        quotes=["evidence"]),
    "covid_responses.csv": dict(
        key="response_id",
        cols=["response_id", "area", "measure", "instruments", "date", "date_end", "covers_regardless_of_status", "status",
              "domains", "section", "evidence"],
        required=["response_id", "area", "measure", "status", "section", "evidence"],
        enums={"area": {"health_access", "vaccination", "migration_status", "health_workforce", "data",
                        "remittances_financial_services", "return_transfer", "response_planning", "consular_assistance"},
               "status": {"in_force", "repealed", "annulled", "ended", "not_stated"}},
        quotes=["evidence"]),
    "partnerships.csv": dict(
        key="partnership_id",
        cols=["partnership_id", "name", "kind", "role", "year", "evidence", "section"],
        required=["partnership_id", "name", "kind", "role", "evidence", "section"],
        enums={"kind": {"regional_consultative_process", "integration_scheme", "intergovernmental_initiative", "forum",
                        "observatory", "programme"},
               "role": {"member", "founding_member", "observer", "associate_member", "pro_tempore_presidency", "participant"}},
        quotes=["evidence"]),
    "sources.csv": dict(
        key="source_id",
        cols=["source_id", "organisation", "year_tag", "title", "address", "address_as_printed", "online"],
        required=["source_id", "organisation", "title", "online"],
        enums={}, quotes=["title", "address_as_printed", "organisation"]),
    "errata.csv": dict(
        key="erratum_id",
        cols=["erratum_id", "kind", "section", "source_says", "conflicts_with", "conflict_section", "extracts_use", "reason"],
        required=["erratum_id", "kind", "section", "source_says", "extracts_use", "reason"],
        enums={"kind": {"contradiction", "slip", "conversion"}},
        quotes=["source_says", "conflicts_with"]),
}

problems = []


def bad(table, row, col, value, expected):
    problems.append(f"{table}: row {row}, column {col}: found {value!r}; expected {expected}")


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


data = {}
for name, spec in TABLES.items():
    with open(HERE / name, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != spec["cols"]:
            bad(name, 1, "(header)", reader.fieldnames, spec["cols"])
        rows = list(reader)
    data[name] = rows
    seen = set()
    for n, r in enumerate(rows, start=2):
        k = r[spec["key"]]
        if not ID.match(k):
            bad(name, n, spec["key"], k, "an id matching " + ID.pattern)
        if k in seen:
            bad(name, n, spec["key"], k, "a unique id")
        seen.add(k)
        for col in spec["required"]:
            if not r[col].strip():
                bad(name, n, col, r[col], "a value (required)")
        for col, allowed in spec["enums"].items():
            if r[col] and r[col] not in allowed:
                bad(name, n, col, r[col], f"one of {sorted(allowed)}")
        for col in spec["quotes"]:
            if r[col] and collapse(r[col]) not in FLAT:
                bad(name, n, col, r[col][:90], "an exact substring of the source text (whitespace collapsed)")

ids = {t: {r[TABLES[t]["key"]] for r in data[t]} for t in TABLES}


def check_list(table, n, col, value, allowed, what):
    if not value:
        return
    for item in value.split(";"):
        if item not in allowed:
            bad(table, n, col, item, what)


for n, r in enumerate(data["findings.csv"], start=2):
    check_list("findings.csv", n, "instruments", r["instruments"], ids["instruments.csv"], "an instrument_id")
    if r["baseline_status"] == "gap_persisting":
        if r["kind"] != "further_development":
            bad("findings.csv", n, "kind", r["kind"], "further_development for gap_persisting")
        if not re.search(r"previous assessment|preceding assessment|2018 assessment|continue in force", r["evidence"]):
            bad("findings.csv", n, "evidence", r["evidence"][:60], "words linking the gap to the previous assessment")

for n, r in enumerate(data["instruments.csv"], start=2):
    for col in ("amends", "repeals", "regulates", "extends"):
        check_list("instruments.csv", n, col, r[col], ids["instruments.csv"], "an instrument_id")
    check_list("instruments.csv", n, "domains", r["domains"], DOMAINS, "a domain id")
    if r["number"] and not NUMBER.match(r["number"]):
        bad("instruments.csv", n, "number", r["number"], NUMBER.pattern)
    if r["year"] and not re.fullmatch(r"\d{4}", r["year"]):
        bad("instruments.csv", n, "year", r["year"], "an integer year")
    if r["after_baseline"] and r["after_baseline"] not in BOOL:
        bad("instruments.csv", n, "after_baseline", r["after_baseline"], "true/false/empty")
    if r["covid_measure"] not in BOOL:
        bad("instruments.csv", n, "covid_measure", r["covid_measure"], "true/false")
    if r["after_baseline"] and r["year"]:
        want = "true" if int(r["year"]) >= 2018 or r["status"] == "amended" else "false"
        if r["after_baseline"] != want and r["status"] != "amended":
            bad("instruments.csv", n, "after_baseline", r["after_baseline"], f"{want} for year {r['year']} (baseline 2018)")

for n, r in enumerate(data["statistics.csv"], start=2):
    try:
        float(r["value"])
    except ValueError:
        bad("statistics.csv", n, "value", r["value"], "a plain number")
    if not SLUG.match(r["indicator"]):
        bad("statistics.csv", n, "indicator", r["indicator"], SLUG.pattern)
    if r["reference_date"] and not DATE.match(r["reference_date"]):
        bad("statistics.csv", n, "reference_date", r["reference_date"], DATE.pattern)
    if r["source_id"] and r["source_id"] not in ids["sources.csv"]:
        bad("statistics.csv", n, "source_id", r["source_id"], "a source_id")
    digits = r["value"].rstrip("0").rstrip(".") if "." in r["value"] else r["value"]
    shown = {digits, f"{float(r['value']):,.0f}", f"{float(r['value']) / 1e6:g} million",
             f"{float(r['value']) / 1e9:g} billion"}
    if not any(x in r["evidence"] for x in shown):
        bad("statistics.csv", n, "value", r["value"], "a figure printed in the evidence")

for n, r in enumerate(data["covid_responses.csv"], start=2):
    check_list("covid_responses.csv", n, "instruments", r["instruments"], ids["instruments.csv"], "an instrument_id")
    check_list("covid_responses.csv", n, "domains", r["domains"], DOMAINS, "a domain id")
    for col in ("date", "date_end"):
        if r[col] and not DATE.match(r[col]):
            bad("covid_responses.csv", n, col, r[col], DATE.pattern)
    flag = r["covers_regardless_of_status"]
    if flag and flag not in BOOL:
        bad("covid_responses.csv", n, "covers_regardless_of_status", flag, "true/false/empty")
    says = re.search(r"regardless of (their |the beneficiary's )?migration status|irrespective of|including migrants in an irregular situation", r["evidence"])
    if flag == "true" and not says:
        bad("covid_responses.csv", n, "covers_regardless_of_status", flag, "a quote saying coverage is whatever the status")
    if flag != "true" and says:
        bad("covid_responses.csv", n, "covers_regardless_of_status", flag, "true (the quote says regardless of status)")

for n, r in enumerate(data["partnerships.csv"], start=2):
    if r["year"] and not re.fullmatch(r"\d{4}", r["year"]):
        bad("partnerships.csv", n, "year", r["year"], "an integer year")

for n, r in enumerate(data["sources.csv"], start=2):
    if r["year_tag"] and not YEAR_TAG.match(r["year_tag"]):
        bad("sources.csv", n, "year_tag", r["year_tag"], YEAR_TAG.pattern)
    if r["online"] not in BOOL:
        bad("sources.csv", n, "online", r["online"], "true/false")
    if r["address"] != r["address_as_printed"].replace(" ", ""):
        bad("sources.csv", n, "address", r["address"], "address_as_printed without the inserted spaces")
    if (r["online"] == "false") != (r["address"] == ""):
        bad("sources.csv", n, "online", r["online"], "false exactly when there is no address")
    entry = " ".join(x for x in (r["year_tag"], r["title"]) if x)
    tail = f" Available at {r['address_as_printed']}." if r["address"] else " Not available online."
    if collapse(entry + tail) not in FLAT:
        bad("sources.csv", n, "title", entry[:60], "the whole entry (tag, title, address) as printed")

# Key sources: every 'Available at' / 'Not available online' entry of the text is a row.
ks = FLAT[FLAT.rindex(" KEY SOURCES ") : FLAT.rindex(" ANNEXES ")]
n_entries = ks.count("Available at ") + ks.count("Not available online")
if n_entries != len(data["sources.csv"]):
    bad("sources.csv", "-", "(rows)", len(data["sources.csv"]), f"{n_entries} rows, one per Key sources entry")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("OK: " + ", ".join(f"{t} {len(data[t])} rows" for t in TABLES))
