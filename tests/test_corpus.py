"""load_profiles: the seven tables as long frames with the profile on every row, the profiles table, filters by
level and language (defaults decided in one place), the declared Data Package version of each profile."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers import load_profiles
from helpers.data.corpus import PROFILE_COLUMNS, profile_facets, stable_order
from helpers.data.datapackage import V2_PROFILES, declared_version
from helpers.data.loader import load_profile
from helpers.data.schema import TABLES
from helpers.paths import BadParameter
from profile_cases import PROFILES, TEST_PROFILES


def test_every_row_of_every_profile_with_its_profile_columns(fictional):
    c = load_profiles(["XEX-2019", "XEX-2022"])
    assert c.ids == ["XEX-2019", "XEX-2022"]
    for t in TABLES:
        long = c.tables[t.name]
        assert list(long.columns) == list(PROFILE_COLUMNS) + t.field_names
        for pid in c.ids:
            own = getattr(load_profile(pid), t.name)
            rows = long.loc[long["profile_id"] == pid]
            assert len(rows) == len(own)
            assert list(rows[t.primary_key]) == list(own[t.primary_key])
            if len(rows):
                meta = load_profile(pid).mgi
                assert set(rows["iso3"]) == {meta["iso3"]} and set(rows["edition"]) == {meta["edition"]}
                assert set(rows["assessment_year"]) == {meta["assessment_year"]} and set(rows["level"]) == {"national"}
        assert not long.duplicated(c.key(t.name)).any()  # profile + own id identifies a row
    # ids restart in every profile: F001 twice, told apart by the profile
    assert (c.findings["finding_id"] == "F001").sum() == 2


def test_absent_table_has_no_rows_for_that_profile(fictional):
    c = load_profiles(["XEX-2019", "XEX-2022"])
    assert "XEX-2019" not in set(c.covid_responses["profile_id"])
    row = c.profiles.set_index("profile_id").loc["XEX-2019"]
    assert row["absent_tables"] == "covid_responses" and row["baseline_year"] is not None
    assert c.profiles["fictional"].all()


def test_all_and_default_are_every_profile(fictional):
    assert load_profiles().ids == load_profiles("all").ids == list(PROFILES)


def test_level_and_language_defaults_in_one_place():
    assert profile_facets({}) == {"level": "national", "language": "en"}
    assert profile_facets({"level": "local", "language": "es"}) == {"level": "local", "language": "es"}


def test_filters_follow_the_metadata(tmp_path, monkeypatch):
    """level / language read from the profile's metadata select profiles; an unknown value lists the valid ones."""
    shutil.copytree(TEST_PROFILES / "XEX-2022", tmp_path / "XEX-2022")
    shutil.copytree(TEST_PROFILES / "XEX-2019", tmp_path / "XEX-2019")
    meta_file = tmp_path / "XEX-2019" / "datapackage.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta["mgi"].update(level="local", language="es", locality="Examplia City", locality_type="city")
    meta_file.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    monkeypatch.setenv("MGI_PROFILE_PATH", str(tmp_path))
    monkeypatch.setenv("MGI_CACHE_DIR", str(tmp_path / "cache"))
    both = ["XEX-2019", "XEX-2022"]
    assert load_profiles(both, level="local").ids == ["XEX-2019"]
    assert load_profiles(both, language="en").ids == ["XEX-2022"]
    assert load_profiles(both, level="local", language="en").ids == []
    c = load_profiles(both)
    assert list(c.profiles["level"]) == ["local", "national"] and list(c.profiles["language"]) == ["es", "en"]
    assert set(c.findings.loc[c.findings["profile_id"] == "XEX-2019", "level"]) == {"local"}
    assert list(c.profiles["locality"].fillna("")) == ["Examplia City", ""]
    with pytest.raises(BadParameter, match="national, local"):
        load_profiles(level="city")
    with pytest.raises(BadParameter, match="Valid values: es, fr"):
        load_profiles(language="klingon")


def test_unknown_or_repeated_profile(fictional):
    with pytest.raises(BadParameter, match="Profiles available"):
        load_profiles(["XEX-2019", "NOPE-2020"])
    with pytest.raises(BadParameter, match="twice"):
        load_profiles(["XEX-2019", "XEX-2019"])


def test_stable_order_is_by_name_never_by_counts(fictional):
    c = load_profiles()
    order = stable_order(c.profiles)
    rows = c.profiles.set_index("profile_id")
    assert order == sorted(c.ids, key=lambda pid: (rows.loc[pid, "country_short"].casefold(),
                                                   rows.loc[pid, "assessment_year"], pid))


@pytest.mark.parametrize("pid", list(PROFILES))
def test_each_package_declares_the_version_it_uses(pid):
    meta = json.loads((PROFILES[pid] / "datapackage.json").read_text(encoding="utf-8"))
    assert declared_version(meta) == V2_PROFILES["package"]  # findings.instruments is a list field
    assert meta["$schema"] == V2_PROFILES["package"]
    tables = [r for r in meta["resources"] if r["type"] == "table"]
    assert all(r["$schema"] == V2_PROFILES["resource"] and r["schema"]["$schema"] == V2_PROFILES["schema"]
               for r in tables)
