"""Checks on the shipped data (references between tables, completeness against the source text) and the command
line on valid and unknown profiles. The validator on broken inputs is tested in one suite:
tests/test_broken_corpus.py (the corpus tests/broken/, and the cases built in code there)."""

from __future__ import annotations

import pytest

from helpers import cli
from helpers.data.domains import DOMAINS, DOMAIN_IDS, domain_label
from helpers.paths import project_root
from helpers.data.schema import RELATIONS, TABLES_BY_NAME
from profile_cases import (
    ENGLISH_IDS, INSTRUMENT_NUMBER, PROFILE_IDS, SECTION_HEADING, TEST_PROFILES, key_source_entries, metadata, numbers_in,
    present_tables, read_table, sentences, source_flat, source_raw, split_list,
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


@pytest.mark.parametrize("pid", ENGLISH_IDS)
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


@pytest.mark.parametrize("pid", ENGLISH_IDS)
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


@pytest.mark.parametrize("pid", ENGLISH_IDS)
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


@pytest.mark.parametrize("pid", ENGLISH_IDS)
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


# --- the command line on the fictional and unknown profiles (broken ones: tests/test_broken_corpus.py) --------------------------------------------------

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
