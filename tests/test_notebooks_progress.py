"""The domain_progress and overview notebooks run under papermill, from a folder other than notebooks/, with
their defaults, every domain, a first (fictional) profile, an output folder for PNGs, and bad parameters that
must stop them with the list of valid values."""

from __future__ import annotations

import re

import papermill as pm
import pytest

from helpers.reports.common.escape import esc
from helpers.data.domains import BY_ID, DOMAIN_IDS
from helpers.data.loader import load_profile
from notebook_runs import pngs, run, shown_text


def domain_headings(text: str) -> list[str]:
    return re.findall(r"^## \d\. .+$", text, flags=re.M)


# The default run (every domain of the default profile) has an output folder and is read by two tests; runs
# without an output folder check that nothing is saved (the second fictional profile and the first, below).

def test_domain_progress_defaults(executed):
    text = shown_text(executed("domain_progress", charts=True).nb)
    profile = load_profile("PER-2021")
    assert len(domain_headings(text)) == len(DOMAIN_IDS)
    assert f"### Updates since {profile.mgi['baseline_year']}" in text
    assert "Gaps persisting from the previous assessment" in text
    # every finding of the profile is shown with its quote
    for quote in profile.findings["evidence"]:
        assert esc(quote) in text


def assert_one_domain_with_its_charts(text: str, charts_dir, domain: str) -> None:
    headings = domain_headings(text)
    assert len(headings) == 1 and headings[0].startswith(f"## {BY_ID[domain].number}. ")
    saved = pngs(charts_dir)
    assert {"findings_by_kind.png", "findings_by_status.png", "instruments_since_baseline.png",
            f"{domain}_status.png"} <= saved
    assert not any(n.endswith("_status.png") and not n.startswith(domain) for n in saved - {"findings_by_status.png"})


def test_domain_progress_all_domains_save_their_charts(executed):
    """domain="all" with an output folder: every domain's charts, under its own name, and the summary charts."""
    charts = executed("domain_progress", charts=True).charts
    saved = pngs(charts)
    assert {"findings_by_kind.png", "findings_by_status.png", "instruments_since_baseline.png"} <= saved
    assert {f"{d}_status.png" for d in DOMAIN_IDS} <= saved
    assert saved - {"findings_by_kind.png", "findings_by_status.png", "instruments_since_baseline.png"} <= \
        {f"{d}_{what}.png" for d in DOMAIN_IDS for what in ("status", "instruments_by_year")}


def test_domain_progress_one_domain_saves_only_its_charts(tmp_path):
    """A domain other than 'all' shows that domain only (partnerships: through papermill's command line below)."""
    charts_dir = tmp_path / "charts"
    nb = run("domain_progress", tmp_path, domain="wellbeing", output_dir=str(charts_dir))
    assert_one_domain_with_its_charts(shown_text(nb), charts_dir, "wellbeing")


def test_domain_progress_first_profile_says_there_is_no_baseline(fictional, tmp_path):
    charts_dir = tmp_path / "charts"
    nb = run("domain_progress", tmp_path, profile="XEX-2019", output_dir=str(charts_dir))
    text = shown_text(nb)
    assert "No baseline to compare against" in text
    assert len(domain_headings(text)) == len(DOMAIN_IDS)
    assert "Gaps persisting" not in text
    assert pngs(charts_dir) == {"findings_by_kind.png"}  # no empty status or timeline charts


def test_domain_progress_second_fictional_profile(fictional, tmp_path):
    nb = run("domain_progress", tmp_path, profile="XEX-2022", domain="migrants_rights")
    text = shown_text(nb)
    assert "### Updates since 2019" in text and "Examplia" in text
    assert not list(tmp_path.rglob("*.png"))  # output_dir empty: nothing saved


# One run of the overview (default profile, an output folder) read by two tests. Without an output folder
# nothing is saved: the first profile's run below, and helpers.reports.common.style.show (test_reports_common.py).

def test_overview_defaults(executed):
    text = shown_text(executed("overview", charts=True).nb)
    profile = load_profile("PER-2021")
    assert "MiGOF principle or objective" in text  # the six domains, drawn from helpers.data.domains
    for erratum in profile.errata["erratum_id"]:  # a cell of the searchable table (its data, or its static copy)
        assert re.search(rf'<td[^>]*>{erratum}</td>|\\"{erratum}\\"', text), erratum


def test_overview_output_dir_saves_every_chart(executed):
    charts = executed("overview", charts=True).charts
    assert pngs(charts) == {"findings_by_kind.png", "instruments_by_year.png", "instruments_by_type.png"}


def test_overview_first_profile(fictional, tmp_path):
    text = shown_text(run("overview", tmp_path, profile="XEX-2019"))
    assert not list(tmp_path.rglob("*.png"))  # output_dir empty: nothing saved
    assert "flags nothing" in text  # errata with a header only
    assert "absent: " in text  # the COVID-19 table is declared absent, not counted as zero
    assert "first MGI profile" in text


@pytest.mark.parametrize("name", ["domain_progress", "overview"])
def test_bad_profile_stops_with_the_profiles_available(name, tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as err:
        run(name, tmp_path, profile="XXX-1999")
    assert "Unknown profile 'XXX-1999'" in str(err.value) and "PER-2021" in str(err.value)


def test_bad_domain_stops_with_the_valid_domains(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as err:
        run("domain_progress", tmp_path, domain="rights")
    message = str(err.value)
    assert "Unknown domain 'rights'" in message
    for d in (*DOMAIN_IDS, "all"):
        assert d in message
    assert "check_choice(domain" in err.value.source  # stopped in the first code cell, before any work


def test_papermill_command_line_renders_one_domain(tmp_path):
    """The notebook runs under papermill's own command line too, started from another folder."""
    import json
    import subprocess
    import sys

    from helpers.paths import notebooks_dir

    out = tmp_path / "partnerships.ipynb"
    res = subprocess.run([sys.executable, "-m", "papermill", str(notebooks_dir() / "domain_progress.ipynb"),
                          str(out), "-p", "domain", "partnerships", "-p", "output_dir", str(tmp_path / "png"),
                          "-k", "python3", "--no-progress-bar"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    nb = json.loads(out.read_text(encoding="utf-8"))
    text = "".join("".join(o.get("data", {}).get("text/markdown", "")) for c in nb["cells"]
                   for o in c.get("outputs", []))
    assert domain_headings(text) == [f"## 3. {BY_ID['partnerships'].label}"]
    assert_one_domain_with_its_charts(text, tmp_path / "png", "partnerships")
