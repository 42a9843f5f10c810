"""mgi export --all: one workbook, one data package zip (validated by frictionless, bytes and hash on every
resource, link tables for the many-to-many relations), a Parquet file per table. Everything is read back as a
user's tool would read it (openpyxl, pandas, frictionless, pyarrow) and compared with each profile's own tables."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile

import openpyxl
import pandas as pd
import pytest

from helpers.data.corpus import PROFILE_COLUMNS
from helpers.data.loader import load_profile
from helpers.data.schema import TABLES
from helpers.export import write_combined
from helpers.export.combined import LINKS, PACKAGE_FOLDER, zip_name
from profile_cases import PROFILES, TEST_PROFILES

MGI = [sys.executable, "-m", "helpers"]
IDS = list(PROFILES)  # the shipped profile and the fictional ones


@pytest.fixture(scope="module")
def combined(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))
    out = tmp_path_factory.mktemp("combined")
    paths = write_combined(None, out)
    yield out, paths
    mp.undo()


@pytest.fixture(scope="module")
def package(combined, tmp_path_factory):
    out, _ = combined
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(out / zip_name()) as z:
        z.extractall(folder)
    return folder / PACKAGE_FOLDER


def test_frictionless_validates_the_combined_package(package):
    from frictionless import Package

    report = Package(str(package / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_every_resource_has_bytes_and_hash_of_its_file(package):
    desc = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["resources"]
    for r in desc["resources"]:
        data = (package / r["path"]).read_bytes()
        assert r["bytes"] == len(data) and r["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert "$schema" not in desc and desc["profile"] == "tabular-data-package"  # v1 features only
    assert not any(f["type"] == "list" for r in desc["resources"] for f in r["schema"]["fields"])


def test_a_changed_file_no_longer_validates(package, tmp_path):
    """The hash is checked: one changed character in one CSV makes the package invalid."""
    import shutil

    from frictionless import Package

    copy = tmp_path / "pkg"
    shutil.copytree(package, copy)
    errata = copy / "errata.csv"
    errata.write_text(errata.read_text(encoding="utf-8").replace("Examplia", "Examplio", 1), encoding="utf-8")
    report = Package(str(copy / "datapackage.json")).validate()
    assert not report.valid
    assert "hash-count" in {e.type for task in report.tasks for e in task.errors}


def test_workbook_has_every_row_of_every_profile_with_its_profile_columns(combined):
    out, paths = combined
    wb = openpyxl.load_workbook(paths[0], read_only=True)
    assert wb.sheetnames[:3] == ["About", "Fields", "profiles"]
    assert set(t.name for t in TABLES) | {lk.name for lk in LINKS} <= set(wb.sheetnames)
    profiles = pd.read_excel(paths[0], sheet_name="profiles", dtype=str)
    assert list(profiles["profile_id"]) == IDS
    for t in TABLES:
        sheet = pd.read_excel(paths[0], sheet_name=t.name, dtype=str, keep_default_na=False)
        assert list(sheet.columns) == list(PROFILE_COLUMNS) + t.field_names
        for pid in IDS:
            p = load_profile(pid)
            own = getattr(p, t.name)
            rows = sheet.loc[sheet["profile_id"] == pid]
            assert list(rows[t.primary_key]) == list(own[t.primary_key]), (t.name, pid)
            for col, want in (("iso3", p.mgi["iso3"]), ("country", p.mgi["country"]),
                              ("edition", p.mgi["edition"]), ("assessment_year", str(p.mgi["assessment_year"])),
                              ("level", "national")):
                assert set(rows[col]) <= {want}, (t.name, pid, col)
            if "evidence" in own:
                assert list(rows["evidence"]) == list(own["evidence"])
    assert sum(len(pd.read_excel(paths[0], sheet_name=t.name)) for t in TABLES) == \
        sum(len(getattr(load_profile(pid), t.name)) for pid in IDS for t in TABLES)


def test_link_tables_hold_every_pair_of_the_lists(package):
    links = pd.read_csv(package / "findings_instruments.csv", dtype=str)
    want = [(pid, r.finding_id, inst) for pid in IDS for r in load_profile(pid).findings.itertuples()
            for inst in r.instruments]
    assert list(links[["profile_id", "finding_id", "instrument_id"]].itertuples(index=False, name=None)) == want
    rel = pd.read_csv(package / "instrument_relations.csv", dtype=str)
    for pid in IDS:
        inst = load_profile(pid).instruments
        n = sum(len(v) for col in ("amends", "repeals", "regulates", "extends") for v in inst[col])
        assert (rel["profile_id"] == pid).sum() == n
    findings = pd.read_csv(package / "findings.csv", dtype=str, keep_default_na=False)
    row = findings.loc[findings["instruments"].str.contains(";")].iloc[0]  # the plain-string list column
    pairs = links.loc[(links["profile_id"] == row["profile_id"]) & (links["finding_id"] == row["finding_id"])]
    assert ";".join(pairs["instrument_id"]) == row["instruments"]


def test_parquet_per_table_keeps_lists_and_types(combined):
    import pyarrow.parquet as pq

    out, _ = combined
    findings = pq.read_table(out / "parquet" / "findings.parquet").to_pandas()
    own = load_profile("XEX-2022").findings
    mine = findings.loc[findings["profile_id"] == "XEX-2022"]
    assert [list(v) for v in mine["instruments"]] == list(own["instruments"])
    years = pq.read_table(out / "parquet" / "instruments.parquet").schema.field("year").type
    assert str(years) == "int64"


def test_same_data_same_bytes(combined, tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))
    out, paths = combined
    again = write_combined(None, tmp_path)
    for a, b in zip(paths, again):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))
    res = subprocess.run(MGI + ["export", "--profile", "XEX-2019", "--profile", "XEX-2022", "--out",
                                str(tmp_path / "two")], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    profiles = pd.read_excel(tmp_path / "two" / "mgi-profiles.xlsx", sheet_name="profiles", dtype=str)
    assert list(profiles["profile_id"]) == ["XEX-2019", "XEX-2022"]
    res = subprocess.run(MGI + ["export", "--all", "--level", "local", "--out", str(tmp_path / "none")],
                         capture_output=True, text=True)
    assert res.returncode == 1 and "no profile matches" in res.stderr and not (tmp_path / "none").exists()
    res = subprocess.run(MGI + ["export", "--profile", "NOPE-2020"], capture_output=True, text=True)
    assert res.returncode == 2 and "Profiles available" in res.stderr
