"""Exports of a profile for people who work in spreadsheets: an Excel workbook and a zip of the data package.

    mgi export PER-2021 --format xlsx --out peru.xlsx
    mgi export PER-2021 --format csv --out peru-csv.zip

`write_exports(profile_id, out_dir)` writes both beside a profile's reports, plus a copy of the data package
(datapackage.json, CSVs, source text) for the index to link to.
"""

from __future__ import annotations

from pathlib import Path

from helpers.data.loader import load_profile
from helpers.export.archive import copy_package, write_csv_zip
from helpers.export.files import ExportError
from helpers.export.workbook import write_workbook

FORMATS = {"xlsx": "Excel workbook", "csv": "zip of the CSV tables with datapackage.json and the source text"}
DATA_FOLDER = "data"  # under out_dir: the data package's own files


def default_name(profile_id: str, fmt: str) -> str:
    return f"{profile_id}.xlsx" if fmt == "xlsx" else f"{profile_id}-csv.zip"


def export_profile(profile_id: str, fmt: str, out: Path) -> Path:
    """One export of a validated profile (a data problem raises ProfileError before anything is written)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    profile = load_profile(profile_id)
    return write_workbook(profile, out) if fmt == "xlsx" else write_csv_zip(profile, out)


def write_exports(profile_id: str, out_dir: Path) -> list[Path]:
    """Workbook, CSV zip and the data package's files in out_dir (each file replaced atomically).

    Returns the paths written, in the order an index lists them: workbook, zip, datapackage.json, the source
    text, the CSVs, the source notice.
    """
    out_dir = Path(out_dir)
    profile = load_profile(profile_id)
    written = [write_workbook(profile, out_dir / default_name(profile_id, "xlsx")),
               write_csv_zip(profile, out_dir / default_name(profile_id, "csv"))]
    copies = copy_package(profile, out_dir / DATA_FOLDER)
    return written + _index_order(copies)


def _index_order(copies: list[Path]) -> list[Path]:
    """datapackage.json, the source text, the CSVs, the rest."""
    return sorted(copies, key=lambda p: (p.name != "datapackage.json", p.suffix != ".txt", p.suffix != ".csv", p.name))


def exports_present(profile_id: str, out_dir: Path) -> list[Path]:
    """The export files already in out_dir, in the order write_exports returns them (for an index)."""
    out_dir = Path(out_dir)
    written = [out_dir / default_name(profile_id, f) for f in FORMATS]
    copies = [p for p in (out_dir / DATA_FOLDER).glob("*") if p.is_file()] if (out_dir / DATA_FOLDER).is_dir() else []
    return [p for p in written if p.is_file()] + _index_order(copies)


def link_label(path: Path, profile_id: str) -> str:
    """What an index calls an exported file."""
    name = path.name
    if name == default_name(profile_id, "xlsx"):
        return "Excel workbook"
    if name == default_name(profile_id, "csv"):
        return "CSV tables (zip, with the data package)"
    if name == "datapackage.json":
        return "data package (datapackage.json)"
    if name.endswith(".csv"):
        return name
    if name.endswith(".txt"):
        return "source text"
    return name


def download_links(paths: list[Path], profile_id: str, base: Path) -> list[tuple[str, str]]:
    """(label, href relative to base) for each exported file: what the index shows for a profile."""
    return [(link_label(p, profile_id), p.relative_to(base).as_posix()) for p in paths]


__all__ = ["ExportError", "FORMATS", "default_name", "download_links", "export_profile", "exports_present",
           "write_exports"]
