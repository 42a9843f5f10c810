"""The migration_statistics and covid_responses notebooks run under papermill, from a folder other than
notebooks/, with their defaults, with an output folder for PNGs, with the fictional first and second profiles
(the first has no COVID-19 section), and with a bad profile that must stop them listing the profiles available."""

from __future__ import annotations

import papermill as pm
import pytest

from helpers.data.vocab import theme_label
from helpers.reports.statistics import analysis as figures
from helpers.reports.common.escape import esc
from helpers.data.loader import load_profile
from notebook_runs import images, pngs, run, shown_text

NOTEBOOKS = ("migration_statistics", "covid_responses")
COVID_PNGS = {"covid_by_area.png", "covid_coverage.png", "covid_timeline.png", "covid_by_domain.png"}


def expected_figure_pngs(profile) -> set[str]:
    """The charts the figures helpers plan for this profile (one per comparable group), plus the side by side."""
    stats = profile.statistics
    names = {p.name for t in figures.themes(stats) for p in figures.theme_plan(stats, t)}
    if figures.population_side_by_side(stats) is not None:
        names.add("figures_population_side_by_side")
    return {f"{n}.png" for n in names}


# --- migration_statistics -----------------------------------------------------------------------------------

# One run per notebook for the default profile (with an output folder), read by two tests each. Without an output
# folder nothing is saved: helpers.reports.common.style.show (test_reports_common.py) and the runs of
# tests/test_notebooks_progress.py without one.

def test_statistics_defaults_show_every_figure_with_its_quote(executed):
    nb = executed("migration_statistics", charts=True).nb
    text = shown_text(nb)
    profile = load_profile("PER-2021")
    for _, r in profile.statistics.iterrows():
        assert f'<td style="text-align: left;">{r["statistic_id"]}</td>' in text
        assert esc(r["evidence"]) in text
    for theme in figures.themes(profile.statistics):
        assert f"### {esc(theme_label(theme))}" in text
    # then vs now with a lower bound says "at least"; dates that differ are said to differ, no share computed
    assert any(c.now.is_lower_bound for c in figures.then_now_pairs(profile.statistics))
    assert "at least" in text and "different reference dates" in text
    assert "SDG target 10.c" in text
    assert images(nb) == len(expected_figure_pngs(profile))


def test_statistics_output_dir_saves_every_chart(executed):
    expected = expected_figure_pngs(load_profile("PER-2021"))
    assert expected and pngs(executed("migration_statistics", charts=True).charts) == expected


@pytest.mark.parametrize("pid", ["XEX-2019", "XEX-2022"])
def test_statistics_fictional_profiles(pid, fictional, tmp_path):
    charts_dir = tmp_path / "charts"
    nb = run("migration_statistics", tmp_path, profile=pid, output_dir=str(charts_dir))
    text = shown_text(nb)
    profile = load_profile(pid)
    assert "fictional" in text and "Examplia" in text
    for evidence in profile.statistics["evidence"]:
        assert esc(evidence) in text
    assert pngs(charts_dir) == expected_figure_pngs(profile)


# --- covid_responses -----------------------------------------------------------------------------------------

def test_covid_defaults_show_every_response_with_its_quote(executed):
    nb = executed("covid_responses", charts=True).nb
    text = shown_text(nb)
    profile = load_profile("PER-2021")
    for _, r in profile.covid_responses.iterrows():
        assert f'<td style="text-align: left;">{r["response_id"]}</td>' in text
        assert esc(r["evidence"]) in text
    assert "**Not stated**" in text and "never counted as *no*" in text
    for _, r in profile.covid_responses.loc[profile.covid_responses["status"] == "repealed"].iterrows():
        assert f"**{esc(r['response_id'])}**" in text and "repealed in" in text
    assert images(nb) == len(COVID_PNGS)


def test_covid_output_dir_saves_every_chart(executed):
    assert pngs(executed("covid_responses", charts=True).charts) == COVID_PNGS


def test_covid_first_profile_says_the_section_is_absent(fictional, tmp_path):
    charts_dir = tmp_path / "charts"
    nb = run("covid_responses", tmp_path, profile="XEX-2019", output_dir=str(charts_dir))
    text = shown_text(nb)
    reason = load_profile("XEX-2019").absent_tables["covid_responses"]
    assert "This profile has no COVID-19 section" in text and esc(reason) in text
    assert images(nb) == 0 and not pngs(charts_dir)  # no empty chart, nothing saved


def test_covid_second_fictional_profile(fictional, tmp_path):
    charts_dir = tmp_path / "charts"
    nb = run("covid_responses", tmp_path, profile="XEX-2022", output_dir=str(charts_dir))
    text = shown_text(nb)
    for _, r in load_profile("XEX-2022").covid_responses.iterrows():
        assert esc(r["evidence"]) in text
    assert esc("repealed (end date not stated)") in text  # a repeal the profile gives no date for
    assert pngs(charts_dir) == COVID_PNGS


# --- a bad parameter -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NOTEBOOKS)
def test_bad_profile_stops_with_the_profiles_available(name, tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as err:
        run(name, tmp_path, profile="XXX-1999")
    message = str(err.value)
    assert "Unknown profile 'XXX-1999'" in message and "PER-2021" in message
    assert "find_profile(profile)" in err.value.source  # stopped in the first code cell, before any work
