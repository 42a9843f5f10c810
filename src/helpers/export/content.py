"""What the workbook says, independent of how it is written: the About rows, the Fields rows, the table cells.

Everything about a profile (title, citation, licences, data version) is read from its datapackage.json,
SOURCE.md and the project's LICENSE; the field descriptions come from helpers.data.schema, the declaration
the codebook and the validator use.
"""

from __future__ import annotations

import math
import re
from importlib.metadata import PackageNotFoundError, version

import pandas as pd

from helpers.data.codebook import allowed_values
from helpers.data.datapackage import present_tables
from helpers.data.domains import DOMAINS
from helpers.data.loader import Profile
from helpers.data.schema import LIST_DELIMITER, TABLES, TABLES_BY_NAME
from helpers.paths import project_root

SOURCE_NOTICE = "SOURCE.md"  # the attribution and licence notice kept beside a profile's source text

CONVENTIONS = (
    "An empty cell means the profile does not say; it is never zero. "
    f"List cells hold values separated by '{LIST_DELIMITER}'. "
    "Every evidence cell is a verbatim quote of the source text, checked by mgi validate. "
    "The MGI is not a ranking: these tables hold counts, statuses and the profile's own words, no scores."
)


def _text(value) -> str:
    return "" if value is None else str(value)


def _plain(markdown: str) -> str:
    """A paragraph of SOURCE.md as plain text: block-quote marks, emphasis and code marks dropped."""
    lines = [re.sub(r"^\s*>\s?", "", line) for line in markdown.splitlines()]
    return re.sub(r"\*\*|(?<!\w)\*|\*(?!\w)|`", "", " ".join(" ".join(lines).split()))


def licence_lines(metadata: dict) -> list[str]:
    """Every licence the data package declares, as 'title (name): path'."""
    out = []
    for lic in metadata.get("licenses") or []:
        head = lic.get("title") or lic.get("name") or ""
        name = lic.get("name")
        out.append(head + (f" ({name})" if name and name != head else "") +
                   (f": {lic['path']}" if lic.get("path") else ""))
    return out


def extracts_citation(metadata: dict) -> str:
    who = "; ".join(c.get("title", "") for c in metadata.get("contributors") or [] if c.get("title"))
    version = metadata.get("mgi", {}).get("data_version") or metadata.get("version") or ""
    return f"{who or 'mgi-profiles contributors'}. {metadata.get('title', '')}. Data version {version}."


def software_version() -> str:
    try:
        return version("mgi-profiles")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "unknown version"


def code_licence() -> str:
    path = project_root() / "LICENSE"
    if not path.is_file():
        return ""
    lines = path.read_text(encoding="utf-8").splitlines()
    return (lines[0].strip() if lines else "") + " (the software only; it does not cover the data)"


def about_rows(profile: Profile) -> list[tuple[str, str]]:
    """(label, text) pairs for the About sheet; a blank label continues the entry above."""
    md, mgi = profile.metadata, profile.mgi
    rows: list[tuple[str, str]] = [("Title", _text(md.get("title")))]
    if mgi.get("fictional"):
        rows.append(("FICTIONAL", "This is a fictional test profile: nothing in it is a fact about any country."))
    rows += [
        ("Profile", f"{profile.id}: {_text(mgi.get('country'))}, {_text(mgi.get('edition'))}"),
        ("Source (cite as)", _text(mgi.get("citation")) + (f" ISBN {mgi['isbn']}." if mgi.get("isbn") else "")),
        ("Source text", f"{_text(mgi.get('source_file'))} (SHA-256 {_text(mgi.get('source_sha256'))})"),
        ("Licence of the source text and of the verbatim quotations", _text(mgi.get("source_license"))),
    ]
    lics = licence_lines(md)
    rows += [("Licences of this data package" if i == 0 else "", line) for i, line in enumerate(lics)]
    rows += [
        ("Extracts (cite as)", extracts_citation(md)),
        ("Data version", f"{_text(mgi.get('data_version'))} (data hash {profile.data_hash[:12]})"),
    ]
    notice = profile.path / SOURCE_NOTICE
    if notice.is_file():
        paras = [_plain(p) for p in notice.read_text(encoding="utf-8").split("\n\n")
                 if p.strip() and not p.lstrip().startswith("#")]
        rows += [(f"Source notice ({SOURCE_NOTICE})" if i == 0 else "", p) for i, p in enumerate(paras)]
    rows += [("Software", f"mgi-profiles {software_version()}; {code_licence()}".rstrip("; ")),
             ("Conventions", CONVENTIONS), ("", ""), ("Sheets", "")]
    rows += [("About", "this sheet"), ("Fields", "every column of every table: type, allowed values, meaning")]
    for name in present_tables(md):
        t = TABLES_BY_NAME[name]
        n = len(profile.tables.get(name, []))
        rows.append((name, f"{t.title}: {n} row{'s' if n != 1 else ''}, one per line. {t.description}"))
    for name, reason in profile.absent_tables.items():
        rows.append((name, f"not in this profile: {reason}"))
    rows += [("", ""), ("Domains", "id, number, label, MiGOF")]
    rows += [(d.id, f"{d.number}. {d.label} ({d.migof})") for d in DOMAINS]
    return rows


FIELD_HEADER = ("table", "field", "type", "required", "allowed values", "meaning")


def field_rows() -> list[tuple[str, ...]]:
    """One row per column of every table, from the schema: the codebook as a sheet."""
    rows = []
    for t in TABLES:
        for f in t.fields:
            meaning = f.description
            if f.name == t.primary_key:
                meaning += " (Primary key.)"
            rows.append((t.name, f.name, f.type, "yes" if f.required else "", allowed_values(t, f, code=str),
                         meaning))
    return rows


def table_notes() -> list[tuple[str, str]]:
    return [(t.name, n) for t in TABLES for n in t.notes]


def cell_value(value):
    """A DataFrame value as a spreadsheet value: None for empty, lists joined, numbers and booleans kept."""
    if isinstance(value, (list, tuple)):
        return LIST_DELIMITER.join(map(str, value)) or None
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return value


def table_cells(df: pd.DataFrame) -> list[list]:
    return [[cell_value(v) for v in row] for row in df.itertuples(index=False, name=None)]
