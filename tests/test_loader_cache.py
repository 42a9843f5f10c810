"""The cache of validated profiles: a shortcut that can never hand out stale or broken data."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from helpers.data import loader
from helpers.paths import project_root
from helpers.errors import ProfileError


@pytest.fixture()
def copy(tmp_path, monkeypatch):
    home = tmp_path / "profiles"
    shutil.copytree(project_root() / "tests" / "profiles" / "XEX-2022", home / "XEX-2022")
    monkeypatch.setenv("MGI_PROFILE_PATH", str(home))
    monkeypatch.setenv("MGI_CACHE_DIR", str(tmp_path / "cache"))
    return home / "XEX-2022"


def test_a_cached_load_equals_a_fresh_one(copy):
    fresh = loader.load_profile("XEX-2022", use_cache=False)
    assert len(list(loader.cache_dir().glob("XEX-2022-*.pickle"))) == 1
    cached = loader.load_profile("XEX-2022")
    assert cached is not fresh
    for name, frame in fresh.tables.items():
        pd.testing.assert_frame_equal(cached.tables[name], frame)
    assert cached.metadata == fresh.metadata and cached.source.flat == fresh.source.flat


def test_a_changed_file_is_validated_again(copy):
    loader.load_profile("XEX-2022")
    f = copy / "findings.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",migrants_rights,", ",migrant_rights,", 1),
                 encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        loader.load_profile("XEX-2022")
    assert any(p.file == "findings.csv" and p.column == "domain" for p in info.value.problems)


def test_a_damaged_cache_entry_is_ignored(copy):
    loader.load_profile("XEX-2022")
    (entry,) = loader.cache_dir().glob("XEX-2022-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert len(loader.load_profile("XEX-2022").findings) > 0
    assert entry.read_bytes() != b"not a pickle"  # rewritten by the fresh validation


def test_an_unwritable_cache_only_costs_speed(copy, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MGI_CACHE_DIR", str(blocker / "cache"))
    assert len(loader.load_profile("XEX-2022").findings) > 0
