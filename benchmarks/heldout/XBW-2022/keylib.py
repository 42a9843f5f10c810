"""Small helper shared by build_key.py: writes the answer-key CSVs and checks every quote.

Written for the held-out profiles; it does not use any code of mgi-profiles.
"""
import csv
import re
import sys
from pathlib import Path

COLS = {
    "findings": ["finding_id", "domain", "kind", "section", "summary", "baseline_status", "instruments", "evidence"],
    "instruments": ["instrument_id", "type", "number", "year", "title_en", "title_es", "issuing_body", "domains",
                    "status", "amends", "repeals", "regulates", "extends", "after_baseline", "covid_measure",
                    "section", "evidence", "note"],
    "statistics": ["statistic_id", "theme", "indicator", "label", "value", "unit", "qualifier", "reference_date",
                   "source_org", "source_id", "section", "evidence"],
    "covid_responses": ["response_id", "area", "measure", "instruments", "date", "date_end",
                        "covers_regardless_of_status", "status", "domains", "section", "evidence"],
    "partnerships": ["partnership_id", "name", "kind", "role", "year", "evidence", "section"],
    "sources": ["source_id", "organisation", "year_tag", "title", "address", "address_as_printed", "online"],
    "errata": ["erratum_id", "kind", "section", "source_says", "conflicts_with", "conflict_section",
               "extracts_use", "reason"],
}
QUOTED = {"findings": ["evidence"], "instruments": ["evidence"], "statistics": ["evidence"],
          "covid_responses": ["evidence"], "partnerships": ["evidence"], "errata": ["source_says", "conflicts_with"]}


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def parse_sources(text, slug):
    """Split the KEY SOURCES list into entries (organisation heading, year tag, title, address)."""
    lines = text.split("\n")
    start = lines.index("KEY SOURCES") + 1
    rows, org, counters = [], None, {}
    for ln in lines[start:]:
        s = ln.strip()
        if not s:
            continue
        if s.startswith("ANNEX") or s.startswith("MiGOF"):
            break
        body = s[2:] if s.startswith("- ") else s
        if " Available at " not in body and not body.endswith("Not available online.") and not s.startswith("- "):
            org = s
            continue
        m = re.match(r"^(\d{4}[a-z]?|n\.d\.)\s+(.*)$", body)
        tag, rest = (m.group(1), m.group(2)) if m else ("", body)
        if " Available at " in rest:
            title, addr = rest.split(" Available at ", 1)
            addr = addr.rstrip()
            if addr.endswith("."):
                addr = addr[:-1]
            online = "true"
        else:
            title, addr, online = rest.replace(" Not available online.", "").strip(), "", "false"
        counters[org] = counters.get(org, 0) + 1
        sid = f"S-{slug(org)}-{tag.replace('.', '') if tag else counters[org]}"
        rows.append({"source_id": sid, "organisation": org, "year_tag": tag, "title": title.strip(),
                     "address": addr.replace(" ", ""), "address_as_printed": addr, "online": online})
    return rows


def write_all(folder, text_name, tables):
    folder = Path(folder)
    text = (folder / text_name).read_text(encoding="utf-8")
    nt = norm(text)
    bad = 0
    for t, rows in tables.items():
        ids = set()
        for r in rows:
            for c in QUOTED.get(t, []):
                v = r.get(c, "")
                if v and norm(v) not in nt:
                    print(f"NOT IN TEXT {t} {r[COLS[t][0]]} {c}: {v[:90]}")
                    bad += 1
            k = r[COLS[t][0]]
            if k in ids:
                print("DUP", t, k)
                bad += 1
            ids.add(k)
    inst = {r["instrument_id"] for r in tables["instruments"]}
    src = {r["source_id"] for r in tables["sources"]}
    for t, col in [("findings", "instruments"), ("covid_responses", "instruments"), ("instruments", "amends"),
                   ("instruments", "repeals"), ("instruments", "regulates"), ("instruments", "extends")]:
        for r in tables[t]:
            for i in filter(None, (r.get(col) or "").split(";")):
                if i not in inst:
                    print("UNKNOWN INSTRUMENT", t, r[COLS[t][0]], i)
                    bad += 1
    for r in tables["statistics"]:
        if r.get("source_id") and r["source_id"] not in src:
            print("UNKNOWN SOURCE", r["statistic_id"], r["source_id"])
            bad += 1
    for t, rows in tables.items():
        with open(folder / f"{t}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=COLS[t], lineterminator="\n")
            w.writeheader()
            for r in rows:
                w.writerow({c: ("" if r.get(c) is None else r.get(c, "")) for c in COLS[t]})
        print(f"{t}: {len(rows)} rows")
    if bad:
        sys.exit(f"{bad} problems")
