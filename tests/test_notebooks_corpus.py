"""The corpus notebook under papermill, from a folder other than notebooks/: every available profile (the shipped
one and the fictional ones), a filter that matches none, and a bad parameter that must stop it with the valid
values. What it shows is compared with the data (load_profiles), never with numbers written into the test."""

from __future__ import annotations

import json
import re

import papermill as pm
import pytest

from helpers import load_profiles
from helpers.reports.corpus import analysis
from notebook_runs import images, pngs, shown_text
from notebook_runs import run as run_notebook


def run(tmp_path, **parameters):
    return run_notebook("corpus", tmp_path, **parameters)


@pytest.fixture(scope="module")
def every_profile(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    from profile_cases import TEST_PROFILES

    mp.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))
    folder = tmp_path_factory.mktemp("corpus")
    nb = run(folder, output_dir=str(folder / "charts"))
    yield nb, folder / "charts", load_profiles()
    mp.undo()


def test_every_profile_and_every_chart(every_profile):
    nb, charts, data = every_profile
    text = shown_text(nb)
    n = data.profiles["iso3"].nunique()
    assert f"**{len(data)} profiles** of {n} {'country' if n == 1 else 'countries'} " in text
    for pid in data.ids:
        assert pid in text
    assert pngs(charts) == {"corpus_findings_heatmap.png", "corpus_instruments_by_type.png",
                            "corpus_instruments_by_year.png", "corpus_covid_by_area.png"}
    assert images(nb) == 4


def test_figures_table_holds_every_figure_with_its_quote(every_profile):
    nb, _, data = every_profile
    text = shown_text(nb)
    tables = [json.loads(json.loads(m)) for m in re.findall(r'"data_json": ("(?:[^"\\]|\\.)*")', text)]
    figures = next(t for t in tables if t and len(t[0]) == len(analysis.FIGURE_COLUMNS))
    at = analysis.FIGURE_COLUMNS.index("evidence")
    assert [row[at] for row in figures] == list(analysis.figures(data)["evidence"])
    assert sorted(row[at] for row in figures) == sorted(data.statistics["evidence"])


def test_profiles_listed_by_name_never_by_counts(every_profile):
    nb, _, data = every_profile
    counts = analysis.finding_counts(data)
    assert list(counts["well_developed"].index) == analysis.order(data)  # the stable order, whatever the counts
    first = data.profiles.loc[data.profiles["baseline_year"].isna(), "profile_id"]
    for pid in first:  # a first profile's updates since a baseline are not zero: there is no baseline
        assert counts["update_since_baseline"].loc[pid].isna().all()


def test_no_profile_matches(fictional, tmp_path):
    nb = run(tmp_path, level="local")
    text = shown_text(nb)
    assert "No profile matches" in text and "level `local`" in text
    assert images(nb) == 0


def test_two_profiles(fictional, tmp_path):
    nb = run(tmp_path, profiles=["XEX-2019", "XEX-2022"])
    text = shown_text(nb)
    assert "**2 profiles**" in text and "PER-2021" not in text
    assert images(nb) == 4


@pytest.mark.parametrize("parameters, message", [
    ({"profiles": ["XEX-2019", "NOPE-2020"]}, "Unknown profile 'NOPE-2020'. Profiles available: "),
    ({"level": "city"}, "Valid values: national, local"),
])
def test_bad_parameters_stop_with_valid_values(fictional, tmp_path, parameters, message):
    with pytest.raises(pm.PapermillExecutionError) as info:
        run(tmp_path, **parameters)
    assert message in str(info.value)
