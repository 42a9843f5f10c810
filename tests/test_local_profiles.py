"""Local (city) profiles: the metadata says what is assessed, the reports speak of the city, the comparison sets a
city beside its country (issue 19). Built from the fictional XEX-2019 in a temporary folder."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers.data.loader import load_profile
from helpers.data.validate import check_profile
from helpers.paths import PROFILE_ID, project_root
from helpers.reports.common.text import profile_intro_md

XEX = project_root() / "tests" / "profiles" / "XEX-2019"


def _local(tmp_path, **mgi) -> str:
    folder = tmp_path / "XEX-2019"
    shutil.copytree(XEX, folder)
    p = folder / "datapackage.json"
    meta = json.loads(p.read_text(encoding="utf-8"))
    meta["mgi"].update(mgi)
    p.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    return str(folder)


def test_a_local_profile_speaks_of_the_city(tmp_path, monkeypatch):
    _local(tmp_path, level="local", locality="City of Exampleton", locality_short="Exampleton", locality_type="city")
    assert check_profile(tmp_path / "XEX-2019").ok
    monkeypatch.setenv("MGI_PROFILE_PATH", str(tmp_path))
    city = load_profile("XEX-2019", use_cache=False)
    assert (city.is_local, city.place, city.short_name) == (True, "city", "Exampleton")
    assert city.full_name == "City of Exampleton, Republic of Examplia"
    assert city.place_key != city.mgi["iso3"]  # never an edition of its country
    intro = profile_intro_md(city)
    assert "city's first MGI profile" in intro and "City of Exampleton" in intro and "country" not in intro


def test_a_national_profile_is_still_the_country():
    peru = load_profile("PER-2021")
    assert (peru.is_local, peru.place, peru.short_name, peru.place_key) == (False, "country", "Peru", "PER")


@pytest.mark.parametrize("mgi, message", [
    ({"level": "local"}, "locality"),
    ({"level": "local", "locality": "Exampleton", "locality_type": "village"}, "locality_type"),
    ({"locality": "Exampleton"}, "locality"),  # a locality without level local
])
def test_local_metadata_is_validated(tmp_path, mgi, message):
    _local(tmp_path, **mgi)
    problems = check_profile(tmp_path / "XEX-2019").problems
    assert problems and all(p.file == "datapackage.json" for p in problems)
    assert any(message in p.message or message in str(p.value) for p in problems)


@pytest.mark.parametrize("pid, ok", [("PER-2021", True), ("COL-BOGOTA-2022", True), ("XCM-2022", True),
                                     ("COL-bogota-2022", False), ("COL-2022-X", False)])
def test_profile_ids_national_and_local(pid, ok):
    assert bool(PROFILE_ID.match(pid)) is ok
