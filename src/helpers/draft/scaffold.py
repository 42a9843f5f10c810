"""`mgi new-profile`: start a profile folder from a source text, with candidate rows for a person to review.

The command never writes the validated tables: it copies the source unaltered, writes a datapackage.json
whose unknown metadata is marked TODO, and puts pattern-found candidates in draft/. `mgi validate` then
lists exactly what a person still has to write, and nothing unreviewed can pass for extracted data.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from helpers.draft.extract import Draft, draft_from_text, format_value
from helpers.draft.pdf.source import PdfSource
from helpers.data.datapackage import DESCRIPTOR, TODO, expected_resources, sha256_file, todo_fields
from helpers.paths import PROFILE_ID, BadParameter, check_plain_name, profiles_home
from helpers.data.schema import INSTRUMENTS, SOURCES, STATISTICS

DRAFT_DIR = "draft"
DATA_VERSION = "0.1.0"
_SOURCE_NAME = re.compile(r"^[A-Za-z0-9._-]+\.txt$")
EXTRACTS_LICENSE = {
    "name": "CC-BY-NC-4.0",
    "path": "https://creativecommons.org/licenses/by-nc/4.0/",
    "title": "Extracts (structure, summaries, codes): Creative Commons Attribution-NonCommercial 4.0",
}


@dataclass
class Drafted:
    """What new-profile wrote, for the summary it prints."""

    profile_id: str
    path: Path
    source_file: str
    source_sha256: str
    todo: list[str]  # metadata fields still saying TODO
    files: dict[str, int] = field(default_factory=dict)  # draft file -> candidate rows
    notes: dict[str, str] = field(default_factory=dict)  # draft file -> what to look at first
    source_pdf: str | None = None  # the published PDF, when the profile was started from it


# --- checks on what the person typed ------------------------------------------------------------------

def check_profile_id(profile_id: str) -> str:
    check_plain_name(profile_id, "Profile id")
    if not PROFILE_ID.match(profile_id):
        raise BadParameter(f"Profile id {profile_id!r} does not have the form ISO3-YEAR: three capital letters, "
                           "a hyphen and the four-digit assessment year (e.g. PER-2021).")
    return profile_id


def _check_source(source: Path) -> tuple[str, str]:
    """The source's text and the name it gets in the profile folder."""
    if not source.is_file():
        raise BadParameter(f"Source {str(source)!r} not found (give the path of the profile's PDF or .txt file).")
    if source.suffix.lower() != ".txt":
        raise BadParameter(f"Source {source.name!r} is neither a .pdf nor a .txt file: give the published PDF "
                           "or its text.")
    data = source.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadParameter(f"Source {source.name!r} is not UTF-8 (first bad byte at line {line}); "
                           "save it as UTF-8 and run again.") from None
    if not text.strip():
        raise BadParameter(f"Source {source.name!r} is empty.")
    name = source.name if _SOURCE_NAME.match(source.name) else \
        re.sub(r"[^A-Za-z0-9._-]+", "-", source.stem).strip("-.") + ".txt"
    return text, name


# --- the descriptor -----------------------------------------------------------------------------------

def skeleton_metadata(profile_id: str, *, country: str | None, iso3: str, year: int, source_file: str,
                      source_sha256: str) -> dict:
    """datapackage.json for a new profile: what is known, and TODO where a person must fill it in."""
    country_text = country or TODO
    mgi = {
        "profile_id": profile_id,
        "country": country_text,
        "country_short": TODO,
        "iso3": iso3,
        "edition": TODO,
        "edition_number": TODO,
        "assessment_year": year,
        "publication_year": TODO,
        "baseline_year": TODO,
        "baseline_title": TODO,
        "publisher": TODO,
        "citation": TODO,
        "isbn": TODO,
        "source_file": source_file,
        "source_sha256": source_sha256,
        "source_license": TODO,
        "data_version": DATA_VERSION,
        "fictional": TODO,
        "absent_tables": {},
    }
    metadata = {
        "name": f"mgi-{profile_id.lower()}",
        "title": f"{TODO}: Migration Governance Indicators – {country_text} <edition>: cited tabular extracts",
        "description": f"{TODO}: what the profile is and how the tables were extracted.",
        "version": DATA_VERSION,
        "licenses": [EXTRACTS_LICENSE,
                     {"name": TODO, "title": f"{TODO}: licence of the source text and verbatim quotations"}],
        "sources": [{"title": f"{TODO}: the citation of the published profile", "path": TODO}],
        "mgi": mgi,
    }
    metadata["resources"] = expected_resources(metadata)
    return metadata


# --- candidate files ----------------------------------------------------------------------------------

def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def _instrument_rows(draft: Draft) -> tuple[list[str], list[list]]:
    header = INSTRUMENTS.field_names + ["review_printed_as", "review_mentions", "review_sections", "review_hint"]
    rows = []
    for c in draft.instruments:
        cells = {"instrument_id": c.instrument_id, "type": c.type, "number": c.number, "year": c.year,
                 "title_en": c.title_en, "title_es": c.title_es, "domains": ";".join(c.domains),
                 "section": c.section, "evidence": c.evidence}
        rows.append([cells.get(f, "") for f in INSTRUMENTS.field_names]
                    + [c.printed, c.mentions, " | ".join(c.sections), c.hint])
    return header, rows


def _statistic_rows(draft: Draft) -> tuple[list[str], list[list]]:
    header = STATISTICS.field_names + ["review_context", "review_hint"]
    rows = []
    for i, c in enumerate(draft.figures, start=1):
        cells = {"statistic_id": f"ST{i:03d}", "value": format_value(c.value), "unit": c.unit,
                 "qualifier": c.qualifier, "reference_date": c.reference_date, "source_org": c.source_org,
                 "source_id": c.source_id, "section": c.section, "evidence": c.evidence}
        rows.append([cells.get(f, "") for f in STATISTICS.field_names] + [c.context, c.hint])
    return header, rows


def _source_rows(draft: Draft) -> tuple[list[str], list[list]]:
    header = SOURCES.field_names + ["review_entry", "review_hint"]
    rows = []
    for e in draft.sources:
        hints = []
        if e.address != e.address_as_printed:
            hints.append("address repaired: spaces from the PDF conversion removed")
        if not e.year_tag:
            hints.append("no year tag printed: the id uses the entry's place under its heading")
        rows.append([e.source_id, e.organisation, e.year_tag, e.title, e.address, e.address_as_printed,
                     "true" if e.online else "false", e.quote, "; ".join(hints)])
    return header, rows


_SMALL_WORDS = {"of", "the", "and", "de", "del", "la", "las", "los", "y", "et", "du", "des"}


def _title_case(text: str) -> str:
    """'REPUBLIC OF PERU' -> 'Republic of Peru'."""
    words = text.lower().split()
    return " ".join(w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words))


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def metadata_suggestions(draft: Draft) -> list[list[str]]:
    """A few metadata values the source states (citation, ISBN, edition...), each with its quote."""
    out: list[list[str]] = []
    for b in draft.blocks:
        t = b.text
        if m := re.match(r"^Required citation:\s*(.+)$", t):
            # without the italics markers ('*Migration Governance Indicators*– Republic' loses its space too)
            out.append(["mgi/citation", re.sub(r"(\S)–", r"\1 –", m.group(1).replace("*", "")), t])
        if m := re.search(r"\bISBN\s+([0-9][0-9-]{8,16}[0-9X])", t):
            out.append(["mgi/isbn", m.group(1), t])
        if m := re.match(r"^Publisher:\s*(.+)$", t):
            out.append(["mgi/publisher", m.group(1), t])
        if m := re.match(r"^©\s*\w+\s+((?:19|20)\d{2})$", t):
            out.append(["mgi/publication_year", m.group(1), t])
        if m := re.match(r"^(.+?)\s*\|\s*(?:(FIRST|SECOND|THIRD|FOURTH|FIFTH)\s+)?PROFILE\s+((?:19|20)\d{2})$", t,
                         re.IGNORECASE):
            ordinal = (m.group(2) or "").lower()
            out.append(["mgi/country", _title_case(m.group(1)), t])
            out.append(["mgi/edition", f"{ordinal.title() + ' ' if ordinal else ''}Profile {m.group(3)}", t])
            if ordinal:
                out.append(["mgi/edition_number", str(_ORDINALS[ordinal]), t])
        if b.heading and (m := re.match(r"^SUMMARY OF UPDATES SINCE ((?:19|20)\d{2})$", t, re.IGNORECASE)):
            out.append(["mgi/baseline_year", m.group(1), t])
        if m := re.search(r"(Migration Governance Indicators Profile (?:19|20)\d{2} – [^.]+?) is available", t):
            out.append(["mgi/baseline_title", m.group(1), t])
    seen, unique = set(), []
    for row in out:
        if tuple(row[:2]) not in seen:
            seen.add(tuple(row[:2]))
            unique.append(row)
    return unique


def write_candidates(draft: Draft, folder: Path) -> tuple[dict[str, int], dict[str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, int] = {}
    notes: dict[str, str] = {}
    for name, make in (("instruments", _instrument_rows), ("statistics", _statistic_rows),
                       ("sources", _source_rows)):
        header, rows = make(draft)
        fname = f"{name}.candidates.csv"
        _write_csv(folder / fname, header, rows)
        files[fname] = len(rows)
    only_ks = sum(1 for c in draft.instruments if not any(not s.startswith("Key sources") for s in c.sections))
    notes["instruments.candidates.csv"] = (f"numbered instruments only; {only_ks} named only in Key sources; "
                                           "add constitutions, codes, policies, plans, programmes and systems by hand")
    notes["statistics.candidates.csv"] = "one row per number; fill theme, indicator and label; drop false figures"
    repaired = sum(1 for e in draft.sources if e.address != e.address_as_printed)
    notes["sources.candidates.csv"] = f"{repaired} addresses repaired; check organisation headings for typos"
    meta = metadata_suggestions(draft)
    _write_csv(folder / "metadata.candidates.csv", ["field", "value", "evidence"], meta)
    files["metadata.candidates.csv"] = len(meta)
    notes["metadata.candidates.csv"] = "values the source states for datapackage.json fields marked TODO"
    return files, notes


# --- the command --------------------------------------------------------------------------------------

def new_profile(profile_id: str, source: str | Path, *, country: str | None = None, iso3: str | None = None,
                year: int | None = None, home: Path | None = None) -> Drafted:
    """Scaffold <home>/<profile_id>/ (home: data/profiles) from a source text; never overwrites anything."""
    check_profile_id(profile_id)
    id_iso3, id_year = profile_id.split("-")
    if iso3 is not None and iso3 != id_iso3:
        raise BadParameter(f"--iso3 {iso3!r} differs from the profile id {profile_id!r}: the id is "
                           f"<ISO3>-<assessment year>, so this profile's ISO3 code is {id_iso3}.")
    if year is not None and int(year) != int(id_year):
        raise BadParameter(f"--year {year} differs from the profile id {profile_id!r}: the id is "
                           f"<ISO3>-<assessment year>, so this profile's assessment year is {id_year}.")
    if country is not None and not country.strip():
        raise BadParameter("--country is empty: give the country's name as the profile prints it, or leave "
                           "the option out (datapackage.json then says TODO).")
    home = Path(home) if home is not None else profiles_home()
    target = home / profile_id
    if target.exists():
        raise BadParameter(f"{target} already exists: new-profile never overwrites a profile. Choose another "
                           "id, or move the folder away first.")
    source = Path(source)
    pdf = None
    if source.suffix.lower() == ".pdf" and source.is_file():  # the published PDF: convert it (PdfError if not)
        pdf = PdfSource.convert(source)
        text, source_name = pdf.text, pdf.text_name
    else:
        text, source_name = _check_source(source)

    home.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{profile_id}.", dir=home))
    try:
        if pdf is not None:  # the PDF byte for byte, its text beside it, SOURCE.md
            digest = pdf.write(work, profile_id)
        else:
            shutil.copyfile(source, work / source_name)  # byte for byte: the source stays unaltered
            digest = sha256_file(work / source_name)
        metadata = skeleton_metadata(profile_id, country=country, iso3=id_iso3, year=int(id_year),
                                     source_file=source_name, source_sha256=digest)
        if pdf is not None:
            metadata["mgi"].update(pdf.metadata())
            metadata["resources"] = expected_resources(metadata)
        (work / DESCRIPTOR).write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        files, notes = write_candidates(draft_from_text(text), work / DRAFT_DIR)
        if target.exists():  # pragma: no cover - someone made it while we were drafting
            raise BadParameter(f"{target} appeared while drafting; nothing was written.")
        os.rename(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Drafted(profile_id, target, source_name, digest, todo_fields(metadata), files, notes,
                   pdf.pdf_name if pdf is not None else None)


def summary_text(d: Drafted) -> str:
    lines = [
        f"Drafted profile {d.profile_id} in {d.path}",
        f"  {d.source_pdf}: the published PDF, copied unaltered; SOURCE.md: how its text was made"
        if d.source_pdf else None,
        f"  {d.source_file}: the source text, " + ("converted from the PDF" if d.source_pdf else "copied unaltered")
        + f" (sha256 {d.source_sha256[:12]}…)",
        f"  {DESCRIPTOR}: metadata skeleton; {len(d.todo)} fields say TODO: " + ", ".join(d.todo),
        f"  {DRAFT_DIR}/ candidate rows found by patterns (nothing here is validated data):",
    ]
    for fname, n in d.files.items():
        lines.append(f"    {fname:<28} {n:>4} rows  – {d.notes.get(fname, '')}")
    lines += [
        "Next steps:",
        f"  1. Fill every TODO in {DESCRIPTOR} ({DRAFT_DIR}/metadata.candidates.csv has values the source states).",
        "  2. Review each candidate file: keep the right rows, fill the empty cells, delete the review_* columns,",
        "     and save the accepted rows as <table>.csv beside datapackage.json (instruments.csv, statistics.csv,",
        "     sources.csv). Every evidence quote is already verbatim; keep it that way.",
        "  3. Write findings.csv, partnerships.csv, covid_responses.csv and errata.csv by hand: patterns cannot",
        "     draft them. A profile without a COVID-19 annex declares it in mgi.absent_tables, then runs",
        f"     `mgi package {d.profile_id}`.",
        f"  4. `mgi validate {d.profile_id}` lists what is still missing or wrong.",
    ]
    return "\n".join(line for line in lines if line is not None)


def cmd_new_profile(args) -> int:
    drafted = new_profile(args.profile_id, args.source, country=args.country, iso3=args.iso3, year=args.year)
    print(summary_text(drafted))
    return 0


def add_new_profile_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "new-profile", help="start a profile folder from the published PDF or a source text, with candidate rows",
        description="Create data/profiles/ID/ with the source (a PDF is kept unaltered and its text written beside "
                    "it, the conversion recorded in datapackage.json and SOURCE.md; a .txt is copied unaltered), "
                    "a datapackage.json skeleton and "
                    "candidate rows in draft/ found by patterns: numbered legal instruments, figures and the "
                    "Key sources list. Never overwrites an existing profile.")
    p.add_argument("profile_id", metavar="ID", help="ISO3-YEAR, e.g. PER-2021 (year: the assessment year)")
    p.add_argument("--source", required=True, metavar="FILE.pdf|FILE.txt",
                   help="the published PDF, or the profile's text (UTF-8)")
    p.add_argument("--country", help="country name as the profile prints it (else TODO)")
    p.add_argument("--iso3", help="ISO 3166-1 alpha-3 code; must match the id")
    p.add_argument("--year", type=int, help="assessment year; must match the id")
    p.set_defaults(func=cmd_new_profile)
