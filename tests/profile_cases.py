"""Shared by the data tests: which profiles ship, reading their CSVs and source texts without the loader.

The data tests read the files directly (csv module, plain text) so that they check the data independently
of helpers.data.validate, which has its own tests on broken copies.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

from helpers.paths import profiles_home, project_root
from helpers.data.quotes import collapse
from helpers.data.schema import TABLES, TABLES_BY_NAME

TEST_PROFILES = project_root() / "tests" / "profiles"


def shipped_profiles() -> dict[str, Path]:
    """Every profile in the repository: the real ones (data/profiles) and the fictional ones (tests/profiles)."""
    found: dict[str, Path] = {}
    for base in (profiles_home(), TEST_PROFILES):
        for d in sorted(base.iterdir()) if base.is_dir() else []:
            if (d / "datapackage.json").is_file():
                found[d.name] = d
    return found


PROFILES = shipped_profiles()
PROFILE_IDS = list(PROFILES)


def _language(pid: str) -> str:
    return json.loads((PROFILES[pid] / "datapackage.json").read_text(encoding="utf-8"))["mgi"].get("language", "en")


# the checks that read the source text with English words of their own ('No.', 'Available at', 'per cent',
# 'SUMMARY OF UPDATES SINCE'), independently of the drafter: English profiles; a profile in another language
# is checked by the drafter's language file and its own test (tests/test_language_files.py)
ENGLISH_IDS = [pid for pid in PROFILE_IDS if _language(pid) == "en"]


def metadata(pid: str) -> dict:
    return json.loads((PROFILES[pid] / "datapackage.json").read_text(encoding="utf-8"))


def present_tables(pid: str) -> list[str]:
    absent = metadata(pid)["mgi"].get("absent_tables") or {}
    return [t.name for t in TABLES if t.name not in absent]


def source_raw(pid: str) -> str:
    return (PROFILES[pid] / metadata(pid)["mgi"]["source_file"]).read_text(encoding="utf-8")


def source_flat(pid: str) -> str:
    return collapse(source_raw(pid))


def read_table(pid: str, name: str) -> list[dict[str, str]]:
    """Rows of a table as dicts (spreadsheet row number under '__row__'); fails plainly if the file is missing."""
    path = PROFILES[pid] / TABLES_BY_NAME[name].filename
    assert path.is_file(), f"{pid}: {path.name} is missing (and not declared in mgi.absent_tables)"
    with path.open(encoding="utf-8", newline="") as f:
        return [r | {"__row__": i} for i, r in enumerate(csv.DictReader(f), start=2)]


def split_list(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split(";") if x.strip()]


def quote_cases() -> list[tuple[str, str, str]]:
    """(profile, table, column) for every column holding verbatim quotes in every present table."""
    return [(pid, t.name, f.name) for pid in PROFILE_IDS for t in TABLES if t.name in present_tables(pid)
            for f in t.fields if f.quote]


def copy_profile(pid: str, dest_root: Path, name: str | None = None) -> Path:
    """A copy of a shipped profile under dest_root, to be broken by a test."""
    dest = dest_root / (name or pid)
    shutil.copytree(PROFILES[pid], dest)
    for p in dest.iterdir():
        p.chmod(0o644)  # the source text is read-only in the repository
    return dest


# --- reading the source text the way a person checking completeness would --------------------------------

FOOTNOTE_LINE = re.compile(r"^\s*(\$\^\{|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s)")
SECTION_HEADING = re.compile(r"^([1-6])\.([12])\.\s+\S")
INSTRUMENT_NUMBER = re.compile(r"\bNo\.\s+([0-9][0-9A-Za-z]*(?:[-/][0-9A-Za-z]+)*)")
MIGOF_ANNEX = "MiGOF: Migration Governance Framework"


def key_source_entries(raw: str) -> list[str]:
    """Lines of the Key sources list that are entries (they end in an address or 'Not available online').

    The list runs from the last footnote (or a 'KEY SOURCES' heading) before the MiGOF annex to that annex.
    """
    lines = raw.splitlines()
    end = next(i for i, line in enumerate(lines) if line.strip().startswith(MIGOF_ANNEX))
    start = max(i for i, line in enumerate(lines[:end])
                if FOOTNOTE_LINE.match(line) or line.strip() == "KEY SOURCES")
    return [line.strip() for line in lines[start + 1:end]
            if "Available at" in line or "Not available online" in line]


def sentences(raw: str) -> list[str]:
    """Sentences of the source, never running across a line break (headings carry no full stop)."""
    out: list[str] = []
    for line in raw.splitlines():
        if line.strip():
            out += re.split(r"(?<=[.!?])[¹²³⁴⁵⁶⁷⁸⁹⁰]*\s+(?=[A-Z\"(*¹²³⁴⁵⁶⁷⁸⁹])", collapse(line))
    return out


NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+million)?(?![\w/-]|[.,]\d)")


def numbers_in(sentence: str) -> list[tuple[float, int, int]]:
    """(value, start, end) of every number written with digits (1,049,970 -> 1049970; 1.2 million -> 1200000)."""
    out = []
    for m in NUMBER.finditer(sentence):
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= 1_000_000
        out.append((value, m.start(), m.end()))
    return out
