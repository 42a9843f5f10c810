"""Loading profiles by id: every shipped profile loads, with the dtypes, lists and metadata the notebooks use;
a broken or unknown profile stops with a message instead of a traceback."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data.loader import load_profile
from helpers.paths import BadParameter, available_profiles, find_profile
from helpers.errors import ProfileError
from helpers.data.schema import TABLES, TABLES_BY_NAME
from profile_cases import PROFILE_IDS, PROFILES, TEST_PROFILES, copy_profile, metadata, present_tables, read_table

_DTYPE = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


pytestmark = pytest.mark.usefixtures("fictional")  # every test here sees the fictional profiles too


def test_every_shipped_profile_is_found():
    assert set(PROFILE_IDS) <= set(available_profiles())
    assert "PER-2021" in PROFILE_IDS and {"XEX-2019", "XEX-2022"} <= set(PROFILE_IDS)


def test_per_2021_loads():
    profile = load_profile("PER-2021")
    assert profile.mgi["country_short"] == "Peru" and profile.mgi["baseline_year"] == 2019
    for name in present_tables("PER-2021"):
        assert profile.has(name) or TABLES_BY_NAME[name].min_rows == 0, name


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_profile_loads_with_every_row_and_declared_dtypes(pid):
    profile = load_profile(pid)
    assert profile.id == pid and profile.path == PROFILES[pid]
    assert profile.metadata == metadata(pid)
    for t in TABLES:
        df = getattr(profile, t.name)
        assert list(df.columns) == t.field_names
        expected_rows = len(read_table(pid, t.name)) if t.name in present_tables(pid) else 0
        assert len(df) == expected_rows, f"{pid}/{t.name}: {len(df)} rows loaded, {expected_rows} in the file"
        for f in t.fields:
            if f.type == "list":
                assert all(isinstance(v, list) for v in df[f.name]), f"{t.name}.{f.name} holds lists"
            else:
                assert str(df[f.name].dtype) == _DTYPE[f.type], f"{t.name}.{f.name}: {df[f.name].dtype}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_loaded_cells_match_the_csv(pid):
    profile = load_profile(pid)
    raw = read_table(pid, "findings")
    df = profile.findings
    assert list(df["finding_id"]) == [r["finding_id"] for r in raw]
    assert [";".join(v) for v in df["instruments"]] == [r["instruments"] for r in raw]
    inst = profile.instruments
    raw_inst = read_table(pid, "instruments")
    for (_, row), r in zip(inst.iterrows(), raw_inst):
        assert (pd.isna(row["year"]) and r["year"] == "") or row["year"] == int(r["year"])
        if r["after_baseline"] == "":
            assert pd.isna(row["after_baseline"]), "an empty boolean is not stated, not false"
        else:
            assert bool(row["after_baseline"]) is (r["after_baseline"] == "true")
    for (_, row), r in zip(profile.statistics.iterrows(), read_table(pid, "statistics")):
        assert row["value"] == float(r["value"])


def test_first_profile_has_no_covid_table_but_says_why():
    profile = load_profile("XEX-2019")
    assert profile.mgi["baseline_year"] is None and profile.mgi["fictional"] is True
    assert "covid_responses" in profile.absent_tables
    assert not profile.has("covid_responses")
    df = profile.covid_responses
    assert df.empty and list(df.columns) == TABLES_BY_NAME["covid_responses"].field_names
    assert profile.has("findings") and not profile.has("errata")
    assert (profile.findings["kind"] != "update_since_baseline").all()


def test_second_profile_shares_instruments_and_indicators_with_its_baseline():
    first, second = load_profile("XEX-2019"), load_profile("XEX-2022")
    assert second.mgi["baseline_year"] == first.mgi["assessment_year"]
    assert second.has("covid_responses") and second.absent_tables == {}
    shared = set(first.instruments["instrument_id"]) & set(second.instruments["instrument_id"])
    assert {"LAW-101", "constitution-1990"} <= shared
    both = set(first.statistics["indicator"]) & set(second.statistics["indicator"])
    assert "migrant_population_total" in both
    dates = lambda p: set(p.statistics.loc[p.statistics["indicator"] == "migrant_population_total", "reference_date"])
    assert dates(first).isdisjoint(dates(second))


def test_source_line_and_title_carry_the_citation():
    profile = load_profile("XEX-2022")
    assert profile.mgi["citation"] in profile.source_line
    assert profile.mgi["data_version"] in profile.source_line
    assert profile.title == metadata("XEX-2022")["title"]
    assert profile.source.contains(profile.findings["evidence"].iloc[0])


def test_unknown_table_attribute_is_an_attribute_error():
    profile = load_profile("XEX-2019")
    with pytest.raises(AttributeError):
        profile.no_such_table  # noqa: B018


def test_unknown_profile_lists_the_available_ones():
    with pytest.raises(BadParameter) as exc:
        load_profile("XEX-1999")
    for pid in PROFILE_IDS:
        assert pid in str(exc.value)


@pytest.mark.parametrize("bad", ["../x", "/etc", "..", "XEX-2019/../PER-2021"])
def test_path_like_ids_are_refused(bad):
    with pytest.raises(BadParameter, match="not a plain name"):
        find_profile(bad)


def test_broken_profile_raises_profile_error_listing_every_problem(tmp_path, monkeypatch):
    home = tmp_path / "profiles"
    home.mkdir()
    folder = copy_profile("XEX-2022", home)
    rows = (folder / "findings.csv").read_text(encoding="utf-8").replace(",well_developed,", ",well-developed,")
    (folder / "findings.csv").write_text(rows, encoding="utf-8")
    (folder / "sources.csv").unlink()
    monkeypatch.setenv("MGI_PROFILE_PATH", str(home))
    with pytest.raises(ProfileError) as exc:
        load_profile("XEX-2022")
    n_changed = rows.count(",well-developed,")
    files = [p.file for p in exc.value.problems]
    assert files.count("findings.csv") == n_changed and files.count("sources.csv") == 1
    report = exc.value.report()
    assert report.startswith("Profile XEX-2022 has") and "findings.csv, row" in report
