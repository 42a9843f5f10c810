"""Checks on the shipped data (references between tables, completeness against the source text) and on the
validator itself (broken copies of a profile must give problems that name file, row, column and value)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import cli
from helpers.data.domains import DOMAINS, DOMAIN_IDS, domain_label
from helpers.paths import project_root
from helpers.data.schema import RELATIONS, TABLES_BY_NAME
from helpers.data.validate import check_profile
from profile_cases import (
    INSTRUMENT_NUMBER, PROFILE_IDS, SECTION_HEADING, TEST_PROFILES, copy_profile, key_source_entries,
    metadata, numbers_in, present_tables, read_table, sentences, source_flat, source_raw, split_list,
)

KIND_OF_SUBSECTION = {"1": "well_developed", "2": "further_development"}


# --- referential integrity of every shipped profile ---------------------------------------------------

@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_primary_keys_are_unique(pid):
    for name in present_tables(pid):
        key = TABLES_BY_NAME[name].primary_key
        ids = [r[key] for r in read_table(pid, name)]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        assert not dupes, f"{pid}/{name}.csv: duplicate {key}: {dupes}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_cited_instruments_exist(pid):
    known = {r["instrument_id"] for r in read_table(pid, "instruments")}
    for name in ("findings", "covid_responses"):
        if name not in present_tables(pid):
            continue
        key = TABLES_BY_NAME[name].primary_key
        missing = [(r[key], i) for r in read_table(pid, name) for i in split_list(r["instruments"]) if i not in known]
        assert not missing, f"{pid}/{name}.csv cites instruments missing from instruments.csv: {missing}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_relation_targets_exist(pid):
    rows = read_table(pid, "instruments")
    known = {r["instrument_id"] for r in rows}
    for rel in RELATIONS:
        bad = [(r["instrument_id"], t) for r in rows for t in split_list(r[rel]) if t not in known]
        assert not bad, f"{pid}/instruments.csv column {rel!r} names unknown instruments: {bad}"
        selfref = [r["instrument_id"] for r in rows if r["instrument_id"] in split_list(r[rel])]
        assert not selfref, f"{pid}/instruments.csv: an instrument {rel} itself: {selfref}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_every_domain_is_known(pid):
    bad = [("findings", r["finding_id"], r["domain"]) for r in read_table(pid, "findings")
           if r["domain"] not in DOMAIN_IDS]
    for name in ("instruments", "covid_responses"):
        if name in present_tables(pid):
            key = TABLES_BY_NAME[name].primary_key
            bad += [(name, r[key], d) for r in read_table(pid, name) for d in split_list(r["domains"])
                    if d not in DOMAIN_IDS]
    assert not bad, f"{pid}: unknown domain ids: {bad}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_statistics_cite_existing_sources(pid):
    sources = {r["source_id"] for r in read_table(pid, "sources")}
    bad = [(r["statistic_id"], r["source_id"]) for r in read_table(pid, "statistics")
           if r["source_id"] and r["source_id"] not in sources]
    assert not bad, f"{pid}/statistics.csv: source_id not in sources.csv: {bad}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_instrument_domains_include_the_domains_of_findings_citing_them(pid):
    # instruments.domains lists the domains whose sections cite the instrument
    domains = {r["instrument_id"]: set(split_list(r["domains"])) for r in read_table(pid, "instruments")}
    bad = sorted({(i, r["domain"]) for r in read_table(pid, "findings") for i in split_list(r["instruments"])
                  if i in domains and r["domain"] not in domains[i]})
    assert not bad, f"{pid}: (instrument, domain of a finding citing it) missing from instruments.domains: {bad}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_findings_kind_and_domain_agree_with_their_section(pid):
    bad = []
    for r in read_table(pid, "findings"):
        sec = r["section"]
        if r["kind"] == "update_since_baseline":
            ok = sec.startswith("Summary of updates")
        else:
            head = sec.split(" ")[0].rstrip(",.")
            parts = head.split(".")
            ok = (len(parts) == 2 and parts[0] == str(DOMAIN_IDS.index(r["domain"]) + 1)
                  and KIND_OF_SUBSECTION.get(parts[1]) == r["kind"])
        if not ok:
            bad.append((r["finding_id"], r["domain"], r["kind"], sec))
    assert not bad, f"{pid}/findings.csv: section does not match domain and kind: {bad}"


# --- completeness, computed from the source text ------------------------------------------------------

def _number_known(number: str, numbers: set[str]) -> bool:
    # the body sometimes shortens a number ("No. 000104-2020" for 000104-2020-MIGRACIONES); case may differ
    n = number.upper()
    return any(m == n or m.startswith(n + "-") for m in numbers)


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_every_numbered_instrument_of_the_text_is_extracted(pid):
    numbers = {r["number"].upper() for r in read_table(pid, "instruments") if r["number"]}
    errata_text = " ".join(r["source_says"] + " " + r["conflicts_with"] for r in read_table(pid, "errata"))
    in_text = sorted({m.group(1) for m in INSTRUMENT_NUMBER.finditer(source_flat(pid))})
    assert in_text, "the pattern found no instrument number at all"
    missing = [n for n in in_text if not _number_known(n, numbers) and f"No. {n}" not in errata_text]
    assert not missing, (f"{pid}: 'No. <number>' in the source text but not in instruments.csv `number` "
                         f"(nor recorded in errata.csv): {missing}")


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_every_subsection_has_findings(pid):
    findings = read_table(pid, "findings")
    headings = [SECTION_HEADING.match(line.strip()) for line in source_raw(pid).splitlines()]
    headings = [(m.group(1), m.group(2), m.string) for m in headings if m]
    assert len(headings) >= 6, "the pattern found too few x.1/x.2 headings"
    empty = []
    for d, k, line in headings:
        domain = DOMAINS[int(d) - 1].id
        if not any(r["domain"] == domain and r["kind"] == KIND_OF_SUBSECTION[k]
                   and (r["section"].startswith(f"{d}.{k} ") or r["section"].startswith(f"{d}.{k},"))
                   for r in findings):
            empty.append(line)
    assert not empty, f"{pid}: headings of the source without any finding: {empty}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_every_summary_of_updates_heading_has_findings(pid):
    baseline = metadata(pid)["mgi"]["baseline_year"]
    lines = [line.strip() for line in source_raw(pid).splitlines()]
    start_heading = f"SUMMARY OF UPDATES SINCE {baseline}"
    if baseline is None:
        assert not any(line.upper().startswith("SUMMARY OF UPDATES SINCE") and "//" not in line for line in lines)
        return
    start = lines.index(start_heading)
    end = next(i for i in range(start, len(lines)) if SECTION_HEADING.match(lines[i]))
    labels = {domain_label(d): d for d in DOMAIN_IDS}
    headed = [labels[line] for line in lines[start:end] if line in labels]
    assert headed, "no domain heading found in the summary of updates"
    findings = read_table(pid, "findings")
    empty = [d for d in headed if not any(r["domain"] == d and r["kind"] == "update_since_baseline" for r in findings)]
    assert not empty, f"{pid}: summary-of-updates headings without an update_since_baseline finding: {empty}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_every_key_source_entry_has_a_sources_row(pid):
    entries = key_source_entries(source_raw(pid))
    rows = read_table(pid, "sources")
    assert entries, "no Key sources entry found"
    assert len(rows) == len(entries), \
        f"{pid}: {len(entries)} Key sources entries in the text, {len(rows)} rows in sources.csv"
    for line, r in zip(entries, rows):  # rows are in the order of the text
        assert r["title"] in line, f"{pid}/sources.csv row {r['__row__']} title not in entry {line[:100]!r}"
        assert r["address_as_printed"] in line, f"{pid}/sources.csv row {r['__row__']}: address_as_printed"
        assert r["online"] == ("false" if "Not available online" in line else "true"), \
            f"{pid}/sources.csv row {r['__row__']}: online"
        assert " " not in r["address"], f"{pid}/sources.csv row {r['__row__']}: address keeps a space"
        assert r["address"].replace(" ", "") == r["address_as_printed"].replace(" ", "")


def _is_year(value: float, sentence: str, start: int) -> bool:
    return value.is_integer() and 1900 <= value <= 2100 and sentence[start:start + 4].isdigit()


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_every_figure_of_a_per_cent_sentence_is_a_statistic(pid):
    stats = read_table(pid, "statistics")
    percents = {float(r["value"]) for r in stats if r["unit"] == "percent"}
    values = {float(r["value"]) for r in stats}
    checked, missing = 0, []
    for s in sentences(source_raw(pid)):
        if "per cent" not in s:
            continue
        for value, start, end in numbers_in(s):
            if s[end:].startswith(" per cent"):
                checked += 1
                if value not in percents:
                    missing.append((value, "percent", s[:90]))
            # years and instrument numbers are not figures (they live in instruments or reference_date)
            elif not _is_year(value, s, start) and not s[:start].endswith("No. ") and value not in values:
                missing.append((value, "any unit", s[:90]))
    assert checked, "no 'per cent' figure found in the source text"
    assert not missing, f"{pid}: figures of 'per cent' sentences missing from statistics.csv: {missing}"


# --- the validator on broken copies -------------------------------------------------------------------

BASE = "XEX-2022"


@pytest.fixture
def copy(tmp_path) -> Path:
    return copy_profile(BASE, tmp_path)


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write(path: Path, rows: list[list[str]], **fmt) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n", **fmt).writerows(rows)


def _set_cell(path: Path, row: int, column: str, value: str) -> str:
    """Set a cell by spreadsheet row number (header = row 1); return the old value."""
    rows = _rows(path)
    j = rows[0].index(column)
    old = rows[row - 1][j]
    rows[row - 1][j] = value
    _write(path, rows)
    return old


def _only_problem(folder: Path):
    problems = check_profile(folder).problems
    assert len(problems) == 1, "expected exactly one problem, got:\n" + "\n".join(p.format() for p in problems)
    return problems[0]


def _assert_where(p, file: str, row: int | None, column: str | None) -> None:
    assert (p.file, p.row, p.column) == (file, row, column), p.format()
    text = p.format()
    assert text.startswith(file)
    if row is not None:
        assert f"row {row}" in text
    if column is not None:
        assert f"column '{column}'" in text


def test_base_copy_is_valid(copy):
    assert check_profile(copy).ok


@pytest.mark.parametrize("where", ["middle", "last"])
def test_unterminated_quote(copy, where):
    path = copy / "findings.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = 4 if where == "middle" else len([x for x in lines if x])
    assert lines[n - 1].endswith('"')
    lines[n - 1] = lines[n - 1][:-1]
    path.write_text("\n".join(lines), encoding="utf-8")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", n, "evidence")
    assert "quote" in p.format().lower()


def test_semicolon_delimiter(copy):
    path = copy / "findings.csv"
    _write(path, _rows(path), delimiter=";")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 1, None)
    assert "semicolon" in p.message and "comma" in p.expected


def test_missing_column(copy):
    path = copy / "findings.csv"
    rows = _rows(path)
    j = rows[0].index("summary")
    _write(path, [r[:j] + r[j + 1:] for r in rows])
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 1, "summary")
    assert "missing" in p.message


def test_extra_column(copy):
    path = copy / "findings.csv"
    rows = _rows(path)
    _write(path, [rows[0] + ["comment"]] + [r + ["checked"] for r in rows[1:]])
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 1, "comment")
    assert "extra column" in p.message


def test_renamed_column(copy):
    path = copy / "findings.csv"
    _set_cell(path, 1, "evidence", "quote")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 1, "quote")
    assert "renamed" in p.message and "'evidence'" in p.expected


def test_columns_in_wrong_order(copy):
    path = copy / "findings.csv"
    rows = _rows(path)
    _write(path, [[r[1], r[0]] + r[2:] for r in rows])
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 1, None)
    assert "order" in p.message


def test_letter_o_in_a_year(copy):
    path = copy / "instruments.csv"
    rows = _rows(path)
    row = next(i for i, r in enumerate(rows, start=1) if r[0] == "LAW-412")
    assert _set_cell(path, row, "year", "2O21") == "2021"
    p = _only_problem(copy)
    _assert_where(p, "instruments.csv", row, "year")
    assert p.value == "2O21" and "whole number" in p.expected


def test_spanish_number_in_statistics_value(copy):
    path = copy / "statistics.csv"
    _set_cell(path, 6, "value", "1,2 millones")
    p = _only_problem(copy)
    _assert_where(p, "statistics.csv", 6, "value")
    assert p.value == "1,2 millones" and "plain number" in p.expected and "1200000" in p.expected


def test_unknown_domain(copy):
    _set_cell(copy / "findings.csv", 3, "domain", "migrant_rights")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 3, "domain")
    assert p.value == "migrant_rights"
    assert all(d in p.expected for d in DOMAIN_IDS)


def test_unknown_domain_in_a_list(copy):
    _set_cell(copy / "covid_responses.csv", 4, "domains", "safe_orderly_regular;health")
    p = _only_problem(copy)
    _assert_where(p, "covid_responses.csv", 4, "domains")
    assert p.value == "health" and "migrants_rights" in p.expected


def test_unknown_kind(copy):
    _set_cell(copy / "findings.csv", 9, "kind", "well-developed")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 9, "kind")
    assert p.value == "well-developed" and "well_developed" in p.expected


def test_required_cell_empty(copy):
    _set_cell(copy / "findings.csv", 5, "summary", "")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 5, "summary")
    assert "required" in p.message


def test_duplicate_id(copy):
    _set_cell(copy / "findings.csv", 5, "finding_id", "F002")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 5, "finding_id")
    assert "duplicate" in p.message


def test_reference_to_missing_instrument(copy):
    _set_cell(copy / "findings.csv", 2, "instruments", "LAW-412;LAW-999")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 2, "instruments")
    assert p.value == "LAW-999" and "instruments.csv" in p.message


def test_relation_to_missing_instrument(copy):
    path = copy / "instruments.csv"
    row = next(i for i, r in enumerate(_rows(path), start=1) if r[0] == "MR-12-2021-MI")
    _set_cell(path, row, "repeals", "MR-45-2020-XX")
    p = _only_problem(copy)
    _assert_where(p, "instruments.csv", row, "repeals")
    assert p.value == "MR-45-2020-XX"


def test_statistic_citing_missing_source(copy):
    _set_cell(copy / "statistics.csv", 6, "source_id", "S-nowhere-2021")
    p = _only_problem(copy)
    _assert_where(p, "statistics.csv", 6, "source_id")
    assert p.value == "S-nowhere-2021" and "sources.csv" in p.message


def test_empty_table(copy):
    path = copy / "findings.csv"
    _write(path, _rows(path)[:1])
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", None, None)
    assert "no rows" in p.message


def test_empty_file(copy):
    (copy / "partnerships.csv").write_bytes(b"")
    p = _only_problem(copy)
    _assert_where(p, "partnerships.csv", None, None)
    assert "empty" in p.message and "partnership_id" in p.expected


def test_header_only_errata_is_accepted(tmp_path):
    folder = copy_profile("XEX-2019", tmp_path)
    assert len(_rows(folder / "errata.csv")) == 1
    assert check_profile(folder).ok


def test_missing_table(copy):
    (copy / "instruments.csv").unlink()
    p = _only_problem(copy)
    _assert_where(p, "instruments.csv", None, None)
    assert "missing" in p.message


def test_missing_optional_table_points_at_absent_tables(copy):
    (copy / "covid_responses.csv").unlink()
    p = _only_problem(copy)
    _assert_where(p, "covid_responses.csv", None, None)
    assert "absent_tables" in p.expected


def test_latin1_file(copy):
    path = copy / "sources.csv"
    text = path.read_text(encoding="utf-8")
    assert "ó" in text
    first = next(i for i, line in enumerate(text.split("\n"), start=1) if any(ord(c) > 127 for c in line))
    path.write_bytes(text.encode("latin-1", errors="replace"))
    p = _only_problem(copy)
    assert p.file == "sources.csv"
    assert "not UTF-8" in p.message and "Latin-1" in p.message and f"line {first}" in p.message
    assert "UTF-8" in p.hint


def test_invalid_json_in_datapackage(copy):
    path = copy / "datapackage.json"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines, start=1) if line.strip().startswith('"title"'))
    assert lines[n - 1].endswith(",")
    lines[n - 1] = lines[n - 1][:-1]
    path.write_text("\n".join(lines), encoding="utf-8")
    p = _only_problem(copy)
    assert p.file == "datapackage.json"
    assert "JSON" in p.message and f"line {n + 1}" in p.message


def test_missing_metadata_field(copy):
    path = copy / "datapackage.json"
    md = json.loads(path.read_text(encoding="utf-8"))
    del md["mgi"]["citation"]
    path.write_text(json.dumps(md), encoding="utf-8")
    p = _only_problem(copy)
    assert p.file == "datapackage.json" and "citation" in p.message


def test_resources_out_of_step(copy):
    path = copy / "datapackage.json"
    md = json.loads(path.read_text(encoding="utf-8"))
    md["resources"][0]["schema"]["fields"].pop()
    path.write_text(json.dumps(md), encoding="utf-8")
    p = _only_problem(copy)
    assert p.file == "datapackage.json" and "findings" in p.value and "mgi package" in p.hint


def test_changed_source_text(copy):
    src = copy / metadata(BASE)["mgi"]["source_file"]
    src.write_text(src.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    p = _only_problem(copy)
    assert p.file == src.name and "changed" in p.message


def test_quote_with_one_word_changed(copy):
    path = copy / "findings.csv"
    original = _rows(path)[7][7]
    assert "Constitution" in original and "guarantee" in original
    _set_cell(path, 8, "evidence", original.replace("guarantee", "ensure", 1))
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 8, "evidence")
    assert "not in the source" in p.message
    assert "Closest passage" in p.hint and original[:60] in p.hint
    assert "'ensure'" in p.hint and "'guarantee'" in p.hint


def test_quote_in_errata_is_checked(copy):
    _set_cell(copy / "errata.csv", 2, "source_says", "Law No. 124 (2021) amends the Migration Act")
    p = _only_problem(copy)
    _assert_where(p, "errata.csv", 2, "source_says")


# --- harmless spreadsheet habits are accepted ---------------------------------------------------------

def _typed_rows(folder: Path) -> dict:
    checked = check_profile(folder)
    assert checked.ok, "\n".join(p.format() for p in checked.problems)
    return checked.rows


def test_utf8_bom_is_accepted(copy, tmp_path):
    reference = _typed_rows(copy)
    for name in present_tables(BASE):
        path = copy / f"{name}.csv"
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _typed_rows(copy) == reference


def test_crlf_line_endings_are_accepted(copy):
    reference = _typed_rows(copy)
    for name in present_tables(BASE):
        path = copy / f"{name}.csv"
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert _typed_rows(copy) == reference


def test_spaces_around_values_are_accepted(copy):
    reference = _typed_rows(copy)
    for name in ("findings", "instruments", "statistics"):
        path = copy / f"{name}.csv"
        rows = _rows(path)
        _write(path, [rows[0]] + [[f" {c}  " if c else c for c in r] for r in rows[1:]])
    assert _typed_rows(copy) == reference


# --- the command line on broken and unknown profiles --------------------------------------------------

@pytest.fixture
def broken_home(tmp_path, monkeypatch) -> Path:
    """A profile folder holding a broken copy of XEX-2019 (unknown domain in findings.csv row 3)."""
    home = tmp_path / "profiles"
    home.mkdir()
    folder = copy_profile("XEX-2019", home)
    _set_cell(folder / "findings.csv", 3, "domain", "migrant_rights")
    monkeypatch.setenv("MGI_PROFILE_PATH", str(home))
    return home


def test_cli_validate_reports_a_broken_profile(broken_home, capsys):
    assert cli.main(["validate", "XEX-2019"]) == 1
    err = capsys.readouterr().err
    assert "findings.csv, row 3, column 'domain'" in err and "'migrant_rights'" in err
    assert "Traceback" not in err


def test_mgi_command_exits_non_zero_without_traceback(broken_home):
    env = dict(os.environ, MGI_PROFILE_PATH=str(broken_home))
    res = subprocess.run([str(Path(sys.executable).parent / "mgi"), "validate", "XEX-2019"], env=env,
                         capture_output=True, text=True, cwd=broken_home, timeout=300)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert "findings.csv, row 3, column 'domain'" in res.stderr


def test_cli_validate_accepts_the_fictional_profiles(monkeypatch, capsys):
    monkeypatch.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))
    assert cli.main(["validate", "-q", "XEX-2019", "XEX-2022"]) == 0
    assert "2 profile(s) valid" in capsys.readouterr().out


def test_cli_unknown_profile_lists_available_ones(monkeypatch, capsys):
    monkeypatch.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))
    assert cli.main(["validate", "XEX-1999"]) == 2
    err = capsys.readouterr().err
    assert "XEX-1999" in err
    for pid in PROFILE_IDS:
        assert pid in err
    assert "Traceback" not in err


@pytest.mark.parametrize("bad", ["../x", "/etc", "..", "XEX-2019/../PER-2021", "..\\x", ""])
def test_cli_refuses_paths_as_profile_ids(bad, monkeypatch, capsys):
    monkeypatch.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))
    assert cli.main(["validate", bad]) == 2
    err = capsys.readouterr().err
    assert "not a plain name" in err and "Traceback" not in err


def test_project_root_is_the_repository():
    assert (project_root() / "src" / "helpers" / "data" / "schema.py").is_file()
