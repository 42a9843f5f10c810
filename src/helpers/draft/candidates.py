"""The candidate files of a draft: draft/<table>.candidates.csv, one per table, with the table's own columns
followed by review_* columns (a stable key, the rule that proposed the row, the words it matched, a hint).

The key of a candidate is a hash of its table, its evidence and its key fields: re-drafting after a corrected
source gives unchanged candidates the same key, so the decisions a person took on them are kept.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from helpers.data.quotes import collapse
from helpers.data.schema import TABLES_BY_NAME
from helpers.draft.language import detect_language
from helpers.draft.extract import Draft
from helpers.draft.figures import suggest_indicator
from helpers.draft.text import format_value

REVIEW = ["review_key", "review_rule", "review_matched", "review_hint"]
EXTRA = {
    "instruments": ["review_printed_as", "review_mentions", "review_sections"],
    "statistics": ["review_context"],
    "covid_responses": ["review_date_precision"],
    "sources": ["review_entry"],
}
# the fields that, with the evidence, identify a candidate across re-drafts
KEY_FIELDS = {
    "findings": ("domain", "kind"),
    "instruments": ("type", "number", "title_en"),
    "statistics": ("value", "unit"),
    "covid_responses": (),
    "partnerships": ("name", "role"),
    "sources": ("organisation", "title", "address_as_printed"),
    "errata": ("source_says", "conflicts_with"),
}
TABLE_ORDER = ("findings", "instruments", "statistics", "covid_responses", "partnerships", "sources", "errata")



def _title_language(title: str, profile_language: str) -> str:
    """The language of an original-language title: its own words, else the profile's language."""
    if not title:
        return ""
    return detect_language(title, default=None) or profile_language

def candidate_key(table: str, row: dict[str, str]) -> str:
    evidence = row.get("evidence") or row.get("review_entry") or row.get("source_says") or ""
    parts = [table, collapse(evidence)] + [collapse(str(row.get(f, ""))) for f in KEY_FIELDS[table]]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def header(table: str) -> list[str]:
    return TABLES_BY_NAME[table].field_names + REVIEW + EXTRA.get(table, [])


def _b(flag: bool) -> str:
    return "true" if flag else "false"


def candidate_rows(draft: Draft) -> dict[str, list[dict[str, str]]]:
    """Every table's candidate rows as dicts of the candidate file's columns."""
    rows: dict[str, list[dict[str, str]]] = {t: [] for t in TABLE_ORDER}
    for c in draft.findings:
        rows["findings"].append({
            "finding_id": c.finding_id, "domain": c.domain, "kind": c.kind, "section": c.section,
            "summary": c.summary, "baseline_status": c.baseline_status, "instruments": c.instruments,
            "evidence": c.evidence, "review_rule": c.rule, "review_matched": c.matched, "review_hint": c.hint})
    for c in draft.instruments:
        rows["instruments"].append({
            "instrument_id": c.instrument_id, "type": c.type, "number": c.number, "year": c.year,
            "title_en": c.title_en or c.printed, "title_original": c.title_original,
            "title_language": _title_language(c.title_original, draft.language), "domains": ";".join(c.domains),
            "status": c.status, "after_baseline": c.after_baseline, "covid_measure": _b(c.covid),
            "section": c.section, "evidence": c.evidence,
            "review_rule": f"{c.rule} instrument" + (" (title_en is the name as printed: check it)"
                                                     if not c.title_en else ""),
            "review_matched": c.printed + (f"; status: {c.status_rule}" if c.status_rule else ""),
            "review_hint": c.hint, "review_printed_as": c.printed,
            "review_mentions": str(c.mentions), "review_sections": " | ".join(c.sections)})
    for i, c in enumerate(draft.figures, start=1):
        rows["statistics"].append({
            "statistic_id": f"ST{i:03d}", "theme": c.theme,
            "indicator": c.indicator or suggest_indicator(c.theme, c.unit, c.context),
            "label": c.context.replace("[", "").replace("]", "").strip("…"),
            "value": format_value(c.value), "unit": c.unit, "qualifier": c.qualifier,
            "reference_date": c.reference_date, "source_org": c.source_org, "source_id": c.source_id,
            "section": c.section, "evidence": c.evidence, "review_rule": "a figure in the prose",
            "review_matched": "; ".join(filter(None, [f"theme: {c.theme_rule}" if c.theme_rule else "",
                                                      f"indicator: {c.indicator_rule}" if c.indicator_rule else ""])),
            "review_context": c.context,
            "review_hint": "; ".join(filter(None, [c.hint, "theme, indicator and label are suggestions: check them"]))})
    for c in draft.covid:
        rows["covid_responses"].append({
            "response_id": c.response_id, "area": c.area, "measure": c.measure, "instruments": c.instruments,
            "date": c.date, "date_end": c.date_end, "covers_regardless_of_status": c.covers, "status": c.status,
            "domains": c.domains, "section": c.section, "evidence": c.evidence, "review_rule": c.rule,
            "review_matched": "; ".join(filter(None, [f"area: {c.area_rule}",
                                                      f"domains: {c.domains_rule}" if c.domains_rule else "",
                                                      f"coverage: {c.coverage_words}" if c.coverage_words else ""])),
            "review_hint": c.hint, "review_date_precision": c.date_precision})
    for c in draft.partnerships:
        rows["partnerships"].append({
            "partnership_id": c.partnership_id, "name": c.name, "kind": c.kind, "role": c.role, "year": c.year,
            "evidence": c.evidence, "section": c.section, "review_rule": f"role: {c.rule}",
            "review_matched": c.matched, "review_hint": c.hint})
    for e in draft.sources:
        hints = []
        if e.address != e.address_as_printed:
            hints.append("address repaired: spaces from the PDF conversion removed")
        if not e.year_tag:
            hints.append("no year tag printed: the id uses the entry's place under its heading")
        rows["sources"].append({
            "source_id": e.source_id, "organisation": e.organisation, "year_tag": e.year_tag, "title": e.title,
            "address": e.address, "address_as_printed": e.address_as_printed, "online": _b(e.online),
            "review_rule": "an entry of the Key sources list", "review_entry": e.quote, "review_hint": "; ".join(hints)})
    for e in draft.errata:
        rows["errata"].append({
            "erratum_id": e.erratum_id, "kind": e.kind, "section": e.section, "source_says": e.source_says,
            "conflicts_with": e.conflicts_with, "conflict_section": e.conflict_section, "extracts_use": "",
            "reason": e.reason, "review_rule": e.rule,
            "review_hint": "write extracts_use (what the tables use) before accepting; check the reason"})
    for table, items in rows.items():
        for r in items:
            r["review_key"] = candidate_key(table, r)
    return rows


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_candidate_files(draft: Draft, folder: Path) -> dict[str, int]:
    """draft/<table>.candidates.csv for every table; returns rows per file."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for table, rows in candidate_rows(draft).items():
        name = f"{table}.candidates.csv"
        write_csv(folder / name, header(table), rows)
        files[name] = len(rows)
    return files
