"""The schema is declared once and everything generated from it is in step: datapackage.json resources,
CSV headers, the codebook; the metadata of every shipped profile is complete and consistent."""

from __future__ import annotations

import csv
import hashlib

import jsonschema
import pytest
from frictionless import validate

from helpers.data.codebook import render_codebook
from helpers.data.domains import DOMAIN_IDS
from helpers.data.datapackage import expected_resources
from helpers.paths import project_root
from helpers.data.schema import METADATA_SCHEMA, TABLES, TABLES_BY_NAME
from profile_cases import (
    PROFILE_IDS, PROFILES, TEST_PROFILES, copy_profile, metadata, present_tables, read_table,
)


# --- the schema declaration itself --------------------------------------------------------------------

@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_table_declaration_is_consistent(table):
    names = table.field_names
    assert len(names) == len(set(names)), f"{table.name}: duplicate field names"
    assert table.primary_key in names
    assert table.field(table.primary_key).required
    for f in table.fields:
        assert f.description.strip(), f"{table.name}.{f.name} has no description"
        assert f.type in ("string", "integer", "number", "boolean", "list")
        if f.item_ref:
            assert f.item_ref in TABLES_BY_NAME and f.type == "list"
        if f.item_enum:
            assert f.type == "list"
    for fk in table.foreign_keys:
        assert fk.fields in names
        assert fk.table in TABLES_BY_NAME
        assert fk.ref_field == TABLES_BY_NAME[fk.table].primary_key


def test_domain_fields_use_the_declared_domain_ids():
    assert TABLES_BY_NAME["findings"].field("domain").enum == DOMAIN_IDS
    for name in ("instruments", "covid_responses"):
        assert TABLES_BY_NAME[name].field("domains").item_enum == DOMAIN_IDS


def test_codebook_is_up_to_date():
    path = project_root() / "docs" / "codebook.md"
    assert path.read_text(encoding="utf-8") == render_codebook(), "docs/codebook.md is out of date: run `mgi codebook`"


def test_codebook_documents_every_field_and_allowed_value():
    text = render_codebook()
    for t in TABLES:
        assert f"## {t.filename}" in text
        for f in t.fields:
            assert f"| `{f.name}` |" in text
            for v in f.enum or ():
                assert f"`{v}`" in text


# --- every shipped profile ----------------------------------------------------------------------------

@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_resources_are_generated_from_the_schema(pid):
    md = metadata(pid)
    assert md["resources"] == expected_resources(md), \
        f"{pid}: datapackage.json resources differ from the schema; run `mgi package {pid}`"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_metadata_is_complete(pid):
    md = metadata(pid)
    jsonschema.validate(md, METADATA_SCHEMA)
    mgi = md["mgi"]
    assert mgi["profile_id"] == pid
    country, year = pid.split("-")
    assert mgi["iso3"] == country
    assert mgi["assessment_year"] == int(year)
    assert mgi["publication_year"] >= mgi["assessment_year"]
    assert set(mgi["domain_headings"]) == set(DOMAIN_IDS)
    src = PROFILES[pid] / mgi["source_file"]
    assert hashlib.sha256(src.read_bytes()).hexdigest() == mgi["source_sha256"], f"{pid}: the source text changed"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_baseline_is_consistent_with_the_edition(pid):
    mgi = metadata(pid)["mgi"]
    findings = read_table(pid, "findings")
    if mgi["edition_number"] == 1:
        assert mgi["baseline_year"] is None and mgi["baseline_title"] is None
        assert not [r["__row__"] for r in findings if r["kind"] == "update_since_baseline"], \
            "a first profile has no summary of updates since a baseline"
        assert {r["baseline_status"] for r in findings} == {"not_stated"}, \
            "a first profile has no baseline to compare with"
    else:
        assert mgi["baseline_year"] is not None and mgi["baseline_year"] < mgi["assessment_year"]
        assert mgi["baseline_title"]
        assert any(r["kind"] == "update_since_baseline" for r in findings)


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_csv_files_match_present_and_absent_tables(pid):
    folder = PROFILES[pid]
    absent = metadata(pid)["mgi"].get("absent_tables") or {}
    for t in TABLES:
        path = folder / t.filename
        if t.name in absent:
            assert t.optional, f"{pid}: {t.name} cannot be declared absent"
            assert not path.exists(), f"{pid}: {t.filename} exists but mgi.absent_tables says it is absent"
        else:
            assert path.is_file(), f"{pid}: {t.filename} is missing"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_csv_headers_and_format_follow_the_schema(pid):
    for name in present_tables(pid):
        path = PROFILES[pid] / TABLES_BY_NAME[name].filename
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), f"{path.name}: written with a byte-order mark"
        assert b"\r\n" not in data, f"{path.name}: Windows line endings"
        header = next(csv.reader(data.decode("utf-8").splitlines()))
        assert header == TABLES_BY_NAME[name].field_names, f"{pid}/{path.name}: header differs from the schema"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_list_cells_have_no_spaces(pid):
    for name in present_tables(pid):
        table = TABLES_BY_NAME[name]
        for f in table.fields:
            if f.type != "list":
                continue
            bad = [(r["__row__"], r[f.name]) for r in read_table(pid, name) if " " in r[f.name]]
            assert not bad, f"{pid}/{table.filename} column {f.name}: ';'-lists without spaces expected: {bad}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_fictional_profiles_are_marked_and_only_in_tests(pid):
    mgi = metadata(pid)["mgi"]
    in_tests = PROFILES[pid].parent == TEST_PROFILES
    assert mgi.get("fictional", False) is in_tests
    if in_tests:
        first_line = (PROFILES[pid] / mgi["source_file"]).read_text(encoding="utf-8").splitlines()[0]
        assert "FICTIONAL" in first_line.upper()
        assert "fictional" in metadata(pid)["title"].lower()


def _frictionless_errors(folder, monkeypatch) -> list[str]:
    monkeypatch.chdir(folder)  # the descriptor's paths are relative to its folder
    report = validate("datapackage.json")
    return [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_frictionless_validates_the_package_on_its_own(pid, monkeypatch):
    assert _frictionless_errors(PROFILES[pid], monkeypatch) == []


def test_frictionless_sees_a_broken_copy(tmp_path, monkeypatch):
    folder = copy_profile("XEX-2022", tmp_path)
    path = folder / "statistics.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",persons,", ",people,", 1), encoding="utf-8")
    errors = _frictionless_errors(folder, monkeypatch)
    assert len(errors) == 1 and errors[0].startswith("statistics")
