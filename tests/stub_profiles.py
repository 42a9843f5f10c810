"""Small in-memory profiles for the figures and COVID-19 tests: typed frames exactly as the loader builds them."""

from __future__ import annotations

from pathlib import Path

from helpers.data.loader import Profile, _frame
from helpers.data.schema import TABLES_BY_NAME


def stats_frame(rows: list[dict]):
    return _frame(TABLES_BY_NAME["statistics"], rows)


def covid_frame(rows: list[dict]):
    return _frame(TABLES_BY_NAME["covid_responses"], rows)


def instruments_frame(rows: list[dict]):
    return _frame(TABLES_BY_NAME["instruments"], rows)


def stub_profile(*, statistics=None, covid=None, instruments=None, absent: dict | None = None) -> Profile:
    mgi = {"profile_id": "TST-2030", "country": "Republic of Testland", "country_short": "Testland",
           "edition": "Test Profile 2030", "citation": "Test citation.", "data_version": "0.0.1",
           "absent_tables": absent or {}}
    tables = {}
    if statistics is not None:
        tables["statistics"] = statistics
    if covid is not None:
        tables["covid_responses"] = covid
    if instruments is not None:
        tables["instruments"] = instruments
    return Profile(id="TST-2030", path=Path("."), metadata={"title": "Test", "mgi": mgi}, tables=tables,
                   source=None)
