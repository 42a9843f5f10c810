"""Check the XKA-2021 answer key against its source text (stdlib only).

Every evidence-like cell must be an exact substring of the source text once runs of whitespace are
collapsed to one space; ids, enums, patterns, list references and source_id links follow docs/codebook.md.
Usage: python3 check_key.py [folder]   (exit status 1 on any problem)
"""
import csv, re, sys
from pathlib import Path

HERE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
TEXT = next(HERE.glob("mgi-*.txt"))
FLAT = re.sub(r"\s+", " ", TEXT.read_text(encoding="utf-8"))
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
NUM = re.compile(r"^[0-9A-Za-z][0-9A-Za-z/.-]*$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
DOMAINS = {"migrants_rights", "whole_of_government", "partnerships", "wellbeing", "mobility_crises", "safe_orderly_regular"}
ENUM = {
    ("findings", "kind"): {"update_since_baseline", "well_developed", "further_development"},
    ("findings", "baseline_status"): {"new", "improved", "unchanged", "gap_persisting", "not_stated"},
    ("instruments", "type"): set("constitution law legislative_decree decree_law supreme_decree emergency_decree ministerial_resolution "
        "superintendency_resolution andean_decision court_ruling communique code regulation policy plan strategy guideline "
        "convention agreement declaration statute programme permit digital_system survey act decree royal_decree ordinance "
        "order resolution statutory_instrument legal_notice proclamation circular protocol treaty".split()),
    ("instruments", "status"): {"in_force", "amended", "repealed", "annulled", "ended", "in_preparation", "not_stated"},
    ("statistics", "theme"): set("migrant_population population_by_origin recognition_agreements cooperation_agreements roundtable "
        "remittances employment_restrictions residence education programmes methodology labour_migration refugees_asylum "
        "diaspora return trafficking border health other".split()),
    ("statistics", "unit"): set("persons percent countries agreements entities years days months questions indicators domains "
        "districts categories rank usd eur local_currency".split()),
    ("statistics", "qualifier"): {"exact", "over", "about", "estimated", "up_to", "less_than", "target"},
    ("covid_responses", "area"): set("health_access vaccination migration_status health_workforce data "
        "remittances_financial_services return_transfer response_planning consular_assistance".split()),
    ("covid_responses", "status"): {"in_force", "repealed", "annulled", "ended", "not_stated"},
    ("partnerships", "kind"): set("regional_consultative_process integration_scheme intergovernmental_initiative forum observatory programme".split()),
    ("partnerships", "role"): set("member founding_member observer associate_member pro_tempore_presidency participant".split()),
    ("errata", "kind"): {"contradiction", "slip", "conversion"},
}
KEYS = {"findings": "finding_id", "instruments": "instrument_id", "statistics": "statistic_id", "covid_responses": "response_id",
        "partnerships": "partnership_id", "sources": "source_id", "errata": "erratum_id"}
QUOTED = {"findings": ["evidence"], "instruments": ["evidence"], "statistics": ["evidence"], "covid_responses": ["evidence"],
          "partnerships": ["evidence"], "errata": ["source_says", "conflicts_with"],
          "sources": ["organisation", "title", "address_as_printed"]}
problems = []

def bad(table, row, col, value, expected):
    problems.append(f"{table}.csv row {row} column {col}: found {value!r}, expected {expected}")

tables = {t: list(csv.DictReader((HERE / f"{t}.csv").open(encoding="utf-8", newline=""))) for t in KEYS}
ids = {t: [r[k] for r in rows] for t, rows in tables.items() for k in [KEYS[t]]}
for t, rows in tables.items():
    seen = set()
    for n, r in enumerate(rows, 2):
        key = r[KEYS[t]]
        if not ID.match(key) or key in seen:
            bad(t, n, KEYS[t], key, "a unique id matching " + ID.pattern)
        seen.add(key)
        for col in QUOTED[t]:
            v = r[col]
            if v and re.sub(r"\s+", " ", v) not in FLAT:
                bad(t, n, col, v[:80], "a verbatim substring of " + TEXT.name)
        for (tt, col), allowed in ENUM.items():
            if tt == t and r[col] not in allowed:
                bad(t, n, col, r[col], "one of " + ", ".join(sorted(allowed)))
        for col in ("domain", "domains"):
            if col in r:
                for d in filter(None, r[col].split(";")):
                    if d not in DOMAINS:
                        bad(t, n, col, d, "a domain id")
        for col in ("instruments", "amends", "repeals", "regulates", "extends"):
            if col in r:
                for i in filter(None, r[col].split(";")):
                    if i not in ids["instruments"]:
                        bad(t, n, col, i, "an instrument_id in instruments.csv")
        for col in ("date", "date_end", "reference_date"):
            if col in r and r[col] and not DATE.match(r[col]):
                bad(t, n, col, r[col], "YYYY, YYYY-MM or YYYY-MM-DD")
        if t == "instruments" and r["number"] and not NUM.match(r["number"]):
            bad(t, n, "number", r["number"], NUM.pattern)
        if t == "statistics":
            try:
                float(r["value"])
            except ValueError:
                bad(t, n, "value", r["value"], "a plain number")
            if r["source_id"] and r["source_id"] not in ids["sources"]:
                bad(t, n, "source_id", r["source_id"], "a source_id in sources.csv")
        if t == "sources":
            if r["year_tag"] and not re.match(r"^(\d{4}[a-z]?|n\.d\.)$", r["year_tag"]):
                bad(t, n, "year_tag", r["year_tag"], "2017, 2017b or n.d.")
            if r["address"] != r["address_as_printed"].replace(" ", ""):
                bad(t, n, "address", r["address"], "address_as_printed without its spaces")
            if r["online"] != ("true" if r["address"] else "false"):
                bad(t, n, "online", r["online"], "true exactly when there is an address")
for line in problems:
    print(line)
print(f"{TEXT.name}: " + ", ".join(f"{t} {len(rows)}" for t, rows in tables.items()) + f"; {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
