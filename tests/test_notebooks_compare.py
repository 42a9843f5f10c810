"""The compare_profiles notebook under papermill, from a folder other than notebooks/: two editions of one
country, two different countries, the defaults (with and without the fictional profiles available), and bad
parameters that must stop it with the list of valid values."""

from __future__ import annotations

import papermill as pm
import pytest

from helpers.reports.compare import analysis as compare
from helpers.reports.common.escape import esc
from markupsafe import escape as html_escape
from helpers.data.loader import load_profile
from notebook_runs import images, shown_text
from notebook_runs import run as run_notebook
from profile_cases import TEST_PROFILES


def run(tmp_path, **parameters):
    return run_notebook("compare_profiles", tmp_path, **parameters)


def test_two_editions_of_one_country(fictional, tmp_path):
    charts = tmp_path / "charts"
    nb = run(tmp_path, profiles=["XEX-2019", "XEX-2022"], output_dir=str(charts))
    text = shown_text(nb)
    first, second = load_profile("XEX-2019"), load_profile("XEX-2022")
    for p in (first, second):  # every finding of both, with its quote
        for quote in p.findings["evidence"]:
            assert str(html_escape(quote)) in text
    ch = compare.edition_change(first, second, 60)
    assert not ch.moved.empty
    assert f"Moved: further development in XEX-2019 → well developed in XEX-2022 ({len(ch.moved)})" in text
    for quote in ch.moved["later_evidence"]:
        assert esc(quote) in text
    assert "Instruments both profiles name" in text
    saved = {p.name for p in charts.glob("*.png")}
    assert "compare_findings_by_kind.png" in saved and "compare_figure_migrant_population_total.png" in saved
    assert images(nb) == len(saved)


def test_two_countries(fictional, tmp_path):
    nb = run(tmp_path, profiles=["PER-2021", "XEX-2022"])
    text = shown_text(nb)
    assert "No two of these profiles are editions of the same country" in text
    assert "no change is computed between countries" in text
    assert "Moved:" not in text
    assert images(nb) == 1  # the findings chart; no figure is charted across countries


def test_defaults_in_a_fresh_clone(monkeypatch, tmp_path):
    """Only the shipped profiles: with one of them the report says there is nothing to compare, no error."""
    monkeypatch.delenv("MGI_PROFILE_PATH", raising=False)
    shipped = compare.resolve_profiles([])
    nb = run(tmp_path)
    text = shown_text(nb)
    if len(shipped) < 2:
        assert "Nothing to compare" in text and "two or more" in text
        assert images(nb) == 0 and "### 1." not in text
    else:  # pragma: no cover - once a second real profile ships
        assert all(f"`{pid}`" in text for pid in shipped) and "Nothing to compare" not in text


def test_defaults_compare_every_available_profile(fictional, tmp_path):
    nb = run(tmp_path)
    text = shown_text(nb)
    for pid in compare.resolve_profiles([]):
        assert f"`{pid}`" in text
    assert "XEX-2019 → XEX-2022" in text


@pytest.mark.parametrize("parameters, message, lists_profiles", [
    ({"profiles": ["XEX-2019", "NOPE-2020"]}, "Unknown profile 'NOPE-2020'. Profiles available: ", True),
    ({"profiles": ["XEX-2019", "XEX-2022"], "similarity_threshold": 150}, "from 0 to 100", False),
])
def test_bad_parameters_stop_with_valid_values(fictional, tmp_path, parameters, message, lists_profiles):
    with pytest.raises(pm.PapermillExecutionError) as info:
        run(tmp_path, **parameters)
    err = str(info.value)
    assert message in err
    if lists_profiles:
        assert all(pid in err for pid in ("PER-2021", "XEX-2019", "XEX-2022"))
