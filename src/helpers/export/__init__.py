"""Exports of a profile for people who work in spreadsheets: an Excel workbook and a zip of the data package.

    mgi export PER-2021 --format xlsx --out peru.xlsx
    mgi export PER-2021 --format csv --out peru-csv.zip

`write_exports(profile_id, out_dir)` writes both beside a profile's reports, plus a copy of the data package
(datapackage.json, CSVs, source text) for the index to link to.

    mgi export --all --out DIR                     # every profile as one dataset (helpers.export.combined)

`write_combined(ids, out_dir)` writes the combined workbook, data package zip and Parquet files.
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


def write_combined(ids, out_dir: Path, *, level: str | None = None, language: str | None = None) -> list[Path]:
    """Every profile asked for (None: all) as one dataset in out_dir: the workbook, the data package zip, then a
    Parquet file per table under parquet/ (each file replaced atomically). Returns the paths in that order."""
    from helpers.data.corpus import load_profiles
    from helpers.export.combined import PARQUET_FOLDER, workbook_name, write_parquet, write_zip, zip_name
    from helpers.export.combined_workbook import write_combined_workbook

    corpus = load_profiles(ids, level=level, language=language)
    if not len(corpus):
        raise ExportError("no profile matches: nothing to export (check --level and --language)")
    out_dir = Path(out_dir)
    return [write_combined_workbook(corpus, out_dir / workbook_name()), write_zip(corpus, out_dir / zip_name()),
            *write_parquet(corpus, out_dir / PARQUET_FOLDER)]


def combined_present(out_dir: Path) -> list[Path]:
    """The combined files already in out_dir (for an index): workbook, zip, Parquet files."""
    from helpers.export.combined import PARQUET_FOLDER, workbook_name, zip_name

    out_dir = Path(out_dir)
    found = [p for p in (out_dir / workbook_name(), out_dir / zip_name()) if p.is_file()]
    return found + sorted((out_dir / PARQUET_FOLDER).glob("*.parquet"))


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
    return [p for p in written if p.is_file()] + _index_order(copies) + combined_present(out_dir)


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
    if name.endswith("-datapackage.zip"):
        return "data package of every profile (zip: CSVs, link tables, datapackage.json)"
    if name.endswith(".xlsx"):
        return "Excel workbook of every profile"
    if name.endswith(".parquet"):
        return f"{name} (Parquet)"
    if name.endswith(".txt"):
        return "source text"
    return name


def download_links(paths: list[Path], profile_id: str, base: Path) -> list[tuple[str, str]]:
    """(label, href relative to base) for each exported file: what the index shows for a profile."""
    return [(link_label(p, profile_id), p.relative_to(base).as_posix()) for p in paths]


__all__ = ["ExportError", "FORMATS", "combined_present", "default_name", "download_links", "export_profile",
           "exports_present", "write_combined", "write_exports"]
