"""`mgi new-profile`: start a profile folder from a source text, with candidate rows for a person to review.

The command never writes the validated tables: it copies the source unaltered, writes a datapackage.json
whose unknown metadata is marked TODO, and puts pattern-found candidates in draft/. `mgi validate` then
lists exactly what a person still has to write, and nothing unreviewed can pass for extracted data.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from helpers.draft.candidates import write_candidate_files, write_csv
from helpers.data.vocab import SECTION_LABELS as SECTION
from helpers.draft.extract import Draft, draft_from_text
from helpers.draft.language import Language, load_language
from helpers.draft.layout import SUMMARY_PREFIX
from helpers.draft.pdf.source import PdfSource
from helpers.data.datapackage import DESCRIPTOR, TODO, expected_resources, sha256_file, todo_fields
from helpers.paths import PROFILE_ID, BadParameter, check_plain_name, profiles_home

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
                           "a hyphen and the four-digit assessment year (e.g. PER-2021), or ISO3-PLACE-YEAR for a "
                           "local profile (e.g. COL-BOGOTA-2022: the place in capital letters and digits).")
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
                      source_sha256: str, language: str | None = None, level: str = "national") -> dict:
    """datapackage.json for a new profile: what is known, and TODO where a person must fill it in. A local
    profile (the local MGI of a city or province) also names the place: locality and locality_type."""
    country_text = country or TODO
    place = {"level": level}
    if level == "local":
        place.update({"locality": TODO, "locality_type": TODO})
    mgi = {
        "profile_id": profile_id,
        "country": country_text,
        "country_short": TODO,
        **place,
        **({"language": language} if language else {}),
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

def _title_case(text: str, lang: Language) -> str:
    """'REPUBLIC OF PERU' -> 'Republic of Peru' (the language files' connectives and articles stay small)."""
    small = {w.casefold() for w in lang.connectives | lang.articles}
    words = text.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _first(patterns: list[re.Pattern], text: str, search: bool = False) -> re.Match | None:
    for rx in patterns:
        m = rx.search(text) if search else rx.match(text)
        if m:
            return m
    return None


def metadata_suggestions(draft: Draft) -> list[list[str]]:
    """A few metadata values the source states (citation, ISBN, edition...), each with its quote; the words are
    the language files' [metadata] patterns."""
    lang = load_language()
    meta = lang.metadata
    out: list[list[str]] = []
    for b in draft.blocks:
        t = b.text
        if m := _first(meta.get("citation", []), t):
            # without the italics markers ('*Migration Governance Indicators*– Republic' loses its space too)
            out.append(["mgi/citation", re.sub(r"(\S)–", r"\1 –", m.group(1).replace("*", "")), t])
        if m := re.search(r"\bISBN\s+([0-9][0-9-]{8,16}[0-9X])", t):
            out.append(["mgi/isbn", m.group(1), t])
        if m := _first(meta.get("publisher", []), t):
            out.append(["mgi/publisher", m.group(1), t])
        if m := re.match(r"^©\s*\w+\s+((?:19|20)\d{2})$", t):
            out.append(["mgi/publication_year", m.group(1), t])
        if m := _first(meta.get("edition", []), t):
            ordinal = (m.group("ordinal") or "").casefold()
            out.append(["mgi/country", _title_case(m.group(1), lang), t])
            edition = " ".join(w for w in (ordinal.title(), m.group("profile").title(), m.group("year")) if w)
            out.append(["mgi/edition", edition, t])
            if ordinal in lang.ordinals:
                out.append(["mgi/edition_number", str(lang.ordinals[ordinal]), t])
        if b.heading and draft.baseline_year and b.section.startswith(SUMMARY_PREFIX) and \
                str(draft.baseline_year) in t and not any(r[0] == "mgi/baseline_year" for r in out):
            out.append(["mgi/baseline_year", str(draft.baseline_year), t])
        if m := _first(meta.get("baseline_title", []), t, search=True):
            out.append(["mgi/baseline_title", m.group(1), t])
    if draft.level == "local":
        out.append(["mgi/level", "local (the text has the local MGI's layout: fill locality and locality_type)", ""])
    if not any(b.section.startswith(SECTION["covid_annex"]) for b in draft.blocks):
        out.append(["mgi/absent_tables/covid_responses", "no COVID-19 annex in this edition",
                    ""])  # nothing to quote: the annex heading is absent
    if draft.baseline_year is None:
        out.append(["mgi/baseline_year", "null (a first profile: no summary of updates since a baseline)", ""])
    seen, unique = set(), []
    for row in out:
        if tuple(row[:2]) not in seen:
            seen.add(tuple(row[:2]))
            unique.append(row)
    return unique


def write_candidates(draft: Draft, folder: Path) -> tuple[dict[str, int], dict[str, str]]:
    """Every table's candidate file, and metadata.candidates.csv with the values the source states."""
    files = write_candidate_files(draft, folder)
    notes = {
        "findings.candidates.csv": "one per paragraph; domain and kind from the headings; status suggested",
        "instruments.candidates.csv": "numbered and named instruments, merged across mentions",
        "statistics.candidates.csv": "one per number; theme, indicator and label suggested",
        "covid_responses.candidates.csv": "annex paragraphs and body sentences naming a COVID-19 measure",
        "partnerships.candidates.csv": "roles in regional and global processes",
        "sources.candidates.csv": f"{sum(1 for e in draft.sources if e.address != e.address_as_printed)} "
                                  "addresses repaired",
        "errata.candidates.csv": "possible slips and contradictions: say what the tables use",
    }
    meta = metadata_suggestions(draft)
    write_csv(folder / "metadata.candidates.csv", ["field", "value", "evidence"],
              [dict(zip(["field", "value", "evidence"], row)) for row in meta])
    files["metadata.candidates.csv"] = len(meta)
    notes["metadata.candidates.csv"] = "values the source states for datapackage.json fields marked TODO"
    return files, notes


# --- the command --------------------------------------------------------------------------------------

def new_profile(profile_id: str, source: str | Path, *, country: str | None = None, iso3: str | None = None,
                year: int | None = None, home: Path | None = None) -> Drafted:
    """Scaffold <home>/<profile_id>/ (home: data/profiles) from a source text; never overwrites anything."""
    check_profile_id(profile_id)
    id_iso3, id_year = profile_id.split("-")[0], profile_id.split("-")[-1]  # 'COL-BOGOTA-2022': a local profile
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
    draft = draft_from_text(text)
    if not draft.is_profile:
        raise BadParameter(f"{source.name} is not an MGI profile: none of the MGI domain headings with their "
                           "well-developed areas / areas for further development were found; nothing was written.")

    home.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{profile_id}.", dir=home))
    try:
        if pdf is not None:  # the PDF byte for byte, its text beside it, SOURCE.md
            digest = pdf.write(work, profile_id)
        else:
            shutil.copyfile(source, work / source_name)  # byte for byte: the source stays unaltered
            digest = sha256_file(work / source_name)
        metadata = skeleton_metadata(profile_id, country=country, iso3=id_iso3, year=int(id_year),
                                     source_file=source_name, source_sha256=digest, language=draft.language,
                                     level=draft.level)
        if pdf is not None:
            metadata["mgi"].update(pdf.metadata())
            metadata["resources"] = expected_resources(metadata)
        (work / DESCRIPTOR).write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        files, notes = write_candidates(draft, work / DRAFT_DIR)
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
        f"  2. Review the candidates: open notebooks/review_draft.ipynb (profile={d.profile_id!r}) in JupyterLab,",
        "     accept, edit or reject each one (decisions are kept in draft/decisions.csv).",
        f"  3. `mgi review {d.profile_id}` counts what is decided; `mgi accept {d.profile_id}` writes the accepted",
        "     rows into the tables and validates them (nothing is written if they do not validate).",
        f"  4. `mgi validate {d.profile_id}` lists what is still missing or wrong.",
    ]
    return "\n".join(line for line in lines if line is not None)


def redraft(profile_id: str, source: str | Path, *, home: Path | None = None) -> tuple[Drafted, int, int]:
    """Draft an existing profile again from a corrected source text: the source file and its SHA-256 are
    replaced, the candidate files rewritten, and draft/decisions.csv kept. Returns the summary, the number of
    decisions that still apply (unchanged candidates) and the number that no longer match a candidate."""
    from helpers.draft.review import load_decisions

    check_profile_id(profile_id)
    home = Path(home) if home is not None else profiles_home()
    target = home / profile_id
    if not (target / DRAFT_DIR).is_dir():
        raise BadParameter(f"{target} has no {DRAFT_DIR}/ folder: --redraft needs a profile started with "
                           "mgi new-profile.")
    text, _ = _check_source(Path(source))
    draft = draft_from_text(text)
    if not draft.is_profile:
        raise BadParameter(f"{Path(source).name} is not an MGI profile: none of the MGI domain headings with their "
                           "well-developed areas / areas for further development were found; nothing was written.")
    meta = json.loads((target / DESCRIPTOR).read_text(encoding="utf-8"))
    name = meta["mgi"]["source_file"]
    work = Path(tempfile.mkdtemp(prefix=f".{profile_id}.redraft.", dir=home))
    try:
        shutil.copyfile(source, work / name)
        digest = sha256_file(work / name)
        files, notes = write_candidates(draft, work / DRAFT_DIR)
        meta["mgi"]["source_sha256"] = digest
        meta["resources"] = expected_resources(meta)
        (work / DESCRIPTOR).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        for f in sorted((work / DRAFT_DIR).iterdir()):
            os.replace(f, target / DRAFT_DIR / f.name)
        os.replace(work / name, target / name)
        os.replace(work / DESCRIPTOR, target / DESCRIPTOR)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    from helpers.draft.candidates import TABLE_ORDER, read_csv

    keys = {r["review_key"] for t in TABLE_ORDER for r in read_csv(target / DRAFT_DIR / f"{t}.candidates.csv")}
    decisions = load_decisions(target)
    kept = sum(1 for k in decisions if k in keys)
    return (Drafted(profile_id, target, name, digest, todo_fields(meta), files, notes), kept, len(decisions) - kept)
