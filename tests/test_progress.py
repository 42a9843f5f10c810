"""Progress since the baseline and the profile overview: the frames, the Markdown and the charts the two report
notebooks show, on small in-memory profiles (exact expectations) and on PER-2021 and the fictional XEX profiles
(results checked against the tables themselves)."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from helpers.reports.common import style as charts
from helpers.reports.progress import text as narrative
from helpers.reports.overview import analysis as overview
from helpers.reports.overview import charts as overview_charts
from helpers.reports.progress import analysis as progress
from helpers.reports.progress import charts as progress_charts
from helpers.reports.common import counts as summary
from helpers.reports.common.style import domain_tick
from helpers.reports.common import shared_charts
from helpers.reports.common import text as profile_text
from helpers.reports.common.escape import esc
from helpers.data.vocab import KIND_LABELS
from helpers.data.domains import DOMAIN_IDS, domain_label
from helpers.data.loader import Profile, _frame, load_profile
from helpers.data.schema import BASELINE_STATUSES, FINDING_KINDS, INSTRUMENT_TYPES, TABLES_BY_NAME
from profile_cases import TEST_PROFILES

matplotlib.use("Agg")  # the tests draw off-screen; the helpers themselves never choose a backend
import matplotlib.pyplot as plt  # noqa: E402

PALETTE = {c.lower() for c in charts.OKABE_ITO} | {c.lower() for c in progress_charts.STATUS_COLOURS.values()} \
    | {c.lower() for c in shared_charts.TIMING_COLOURS.values()}


# --- small in-memory profiles -------------------------------------------------------------------------

def finding(fid, domain, kind="well_developed", status="not_stated", summary_="A summary.", evidence="A quote.",
            instruments=None, section="1.1 Examples of well-developed areas"):
    return dict(finding_id=fid, domain=domain, kind=kind, section=section, summary=summary_,
                baseline_status=status, instruments=instruments or [], evidence=evidence)


def instrument(iid, year, after, domains, type_="law", title=None, **rel):
    return dict(instrument_id=iid, type=type_, number=None, year=year, title_en=title or f"Title of {iid}",
                domains=domains, status="in_force", after_baseline=after, covid_measure=False,
                section="1.1 Examples of well-developed areas", evidence=f"Quote about {iid}.",
                amends=rel.get("amends", []), repeals=rel.get("repeals", []), regulates=[], extends=[])


def make_profile(findings, instruments=(), errata=(), baseline_year=2019) -> Profile:
    mgi = {"country": "Testland Republic", "country_short": "Testland", "edition": "Second Profile 2030",
           "assessment_year": 2030, "publication_year": 2031, "baseline_year": baseline_year,
           "baseline_title": "MGI Profile 2019 – Testland" if baseline_year else None,
           "citation": "Test citation.", "data_version": "0.0.1", "absent_tables": {}, "domain_headings": {}}
    tables = {"findings": _frame(TABLES_BY_NAME["findings"], list(findings)),
              "instruments": _frame(TABLES_BY_NAME["instruments"], list(instruments)),
              "errata": _frame(TABLES_BY_NAME["errata"], list(errata))}
    return Profile(id="TST-2030", path=Path("."), metadata={"title": "Test", "mgi": mgi}, tables=tables,
                   source=None)


@pytest.fixture(scope="module")
def per():
    return load_profile("PER-2021")


@pytest.fixture(scope="module")
def xex():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))
        return {pid: load_profile(pid) for pid in ("XEX-2019", "XEX-2022")}


# --- parameters and baseline ---------------------------------------------------------------------------

def test_domain_choices_are_the_declared_ids_plus_all():
    assert progress.DOMAIN_CHOICES == tuple(DOMAIN_IDS) + ("all",)
    assert progress.selected_domains("all") == list(DOMAIN_IDS)
    assert progress.selected_domains("wellbeing") == ["wellbeing"]


def test_no_baseline_for_a_first_profile_or_without_updates(per, xex):
    first = make_profile([finding("F1", "wellbeing")], baseline_year=None)
    assert "first profile" in progress.no_baseline_reason(first)
    no_updates = make_profile([finding("F1", "wellbeing")], baseline_year=2019)
    assert "2019" in progress.no_baseline_reason(no_updates)
    with_update = make_profile([finding("F1", "wellbeing", kind="update_since_baseline", status="new")])
    assert progress.no_baseline_reason(with_update) is None
    assert progress.no_baseline_reason(per) is None
    assert progress.no_baseline_reason(xex["XEX-2022"]) is None
    assert "first profile" in progress.no_baseline_reason(xex["XEX-2019"])


# --- findings -------------------------------------------------------------------------------------------

def test_findings_of_filters_domain_and_kind_and_keeps_source_order():
    rows = [finding("F1", "wellbeing"), finding("F2", "partnerships"),
            finding("F3", "wellbeing", "further_development"), finding("F4", "wellbeing"),
            finding("F5", "wellbeing", "update_since_baseline")]
    f = make_profile(rows).findings
    assert list(progress.findings_of(f, "wellbeing")["finding_id"]) == ["F1", "F3", "F4", "F5"]
    assert list(progress.findings_of(f, "wellbeing", "well_developed")["finding_id"]) == ["F1", "F4"]
    assert progress.findings_of(f, "mobility_crises").empty


def test_persisting_gaps_are_only_rows_the_text_marks_gap_persisting(per):
    rows = [finding("F1", "wellbeing", "further_development", "gap_persisting"),
            finding("F2", "wellbeing", "further_development", "not_stated"),
            finding("F3", "partnerships", "further_development", "gap_persisting")]
    f = make_profile(rows).findings
    assert list(progress.persisting_gaps(f, "wellbeing")["finding_id"]) == ["F1"]
    assert list(progress.persisting_gaps(f)["finding_id"]) == ["F1", "F3"]
    for d in DOMAIN_IDS:
        gaps = progress.persisting_gaps(per.findings, d)
        expected = per.findings.loc[(per.findings["domain"] == d)
                                    & (per.findings["baseline_status"] == "gap_persisting"), "finding_id"]
        assert list(gaps["finding_id"]) == list(expected)


def test_status_counts_keep_mgi_domain_order_whatever_the_counts():
    # the last domain has the most findings and the first none: the order must not follow the counts
    rows = [finding(f"F{i}", "safe_orderly_regular", status="new") for i in range(5)]
    rows += [finding("F9", "partnerships", status="gap_persisting")]
    counts = progress.status_counts(make_profile(rows).findings)
    assert list(counts.index) == list(DOMAIN_IDS)
    assert list(counts.columns) == list(BASELINE_STATUSES)
    assert counts.loc["safe_orderly_regular", "new"] == 5 and counts.loc["partnerships", "gap_persisting"] == 1
    assert counts.loc["migrants_rights"].sum() == 0


def test_kind_status_counts_add_up_to_the_domain_findings(per):
    for d in DOMAIN_IDS:
        counts = progress.kind_status_counts(per.findings, d)
        assert list(counts.index) == list(FINDING_KINDS) and list(counts.columns) == list(BASELINE_STATUSES)
        mine = per.findings.loc[per.findings["domain"] == d]
        for kind in FINDING_KINDS:
            assert counts.loc[kind].sum() == (mine["kind"] == kind).sum()
        assert counts["gap_persisting"].sum() == (mine["baseline_status"] == "gap_persisting").sum()


# --- instruments ----------------------------------------------------------------------------------------

def _timeline_profile():
    return make_profile([finding("F1", "wellbeing", "update_since_baseline", "new")], [
        instrument("A-2021", 2021, True, ["wellbeing"]),
        instrument("B-none", None, True, ["wellbeing", "partnerships"]),
        instrument("C-2019", 2019, True, ["wellbeing"]),
        instrument("D-2020-before", 2020, False, ["wellbeing"]),
        instrument("E-unknown", 2019, None, ["wellbeing"]),
        instrument("F-other", 2020, True, ["partnerships"]),
        instrument("G-2019", 2019, True, ["wellbeing"]),
        instrument("H-keysources", 2020, True, []),
    ])


def test_instruments_since_baseline_in_time_order_unknown_years_last():
    ins = _timeline_profile().instruments
    since = progress.instruments_since_baseline(ins, "wellbeing")
    # after_baseline false (D) and empty (E) are not 'since'; F cites another domain; ties keep source order
    assert list(since["instrument_id"]) == ["C-2019", "G-2019", "A-2021", "B-none"]
    assert list(progress.instruments_since_baseline(ins, "partnerships")["instrument_id"]) == ["F-other", "B-none"]
    assert len(progress.instruments_since_baseline(ins)) == 6
    dp = progress.domain_progress(_timeline_profile(), "wellbeing")
    assert dp.years_unknown == 1
    assert list(dp.instruments_timing_unknown["instrument_id"]) == ["E-unknown"]


def test_instruments_since_baseline_on_per_2021(per):
    ins = per.instruments
    for d in DOMAIN_IDS:
        since = progress.instruments_since_baseline(ins, d)
        assert since["after_baseline"].fillna(False).all()
        assert since["domains"].map(lambda ds: d in ds).all()
        years = since["year"].dropna().tolist()
        assert years == sorted(years)
        assert since["year"].isna().sum() == 0 or since["year"].iloc[-1] is pd.NA
        expected = {i for i, ab, ds in zip(ins["instrument_id"], ins["after_baseline"], ins["domains"])
                    if ab is not pd.NA and bool(ab) and d in ds}
        assert set(since["instrument_id"]) == expected


def test_since_baseline_counts_count_a_shared_instrument_in_each_domain():
    counts = progress.since_baseline_counts(_timeline_profile().instruments)
    assert list(counts.index) == list(DOMAIN_IDS)
    assert counts["wellbeing"] == 4 and counts["partnerships"] == 2 and counts["migrants_rights"] == 0


def test_acted_on_reads_relations_backwards():
    p = make_profile([], [instrument("OLD", 2010, True, ["wellbeing"]),
                          instrument("NEW", 2021, True, ["wellbeing"], amends=["OLD"]),
                          instrument("GONE", 2015, False, ["wellbeing"]),
                          instrument("REP", 2020, True, ["wellbeing"], repeals=["GONE"])])
    assert progress.acted_on(p.instruments) == {"OLD": {"amended": ["NEW"]}, "GONE": {"repealed": ["REP"]}}


def test_timing_keeps_not_stated_apart_from_before():
    ins = _timeline_profile().instruments
    t = dict(zip(ins["instrument_id"], summary.timing(ins)))
    assert t["A-2021"] == "since" and t["D-2020-before"] == "before" and t["E-unknown"] == "not_stated"


def test_instruments_by_year_and_type():
    ins = _timeline_profile().instruments
    by_year = summary.instruments_by_year(ins)
    assert list(by_year.index) == [2019, 2020, 2021] and list(by_year.columns) == list(summary.TIMING)
    assert by_year.loc[2019].tolist() == [2, 0, 1] and by_year.loc[2020].tolist() == [2, 1, 0]
    assert int(by_year.to_numpy().sum()) + summary.years_missing(ins) == len(ins)
    ins.loc[ins["instrument_id"] == "A-2021", "type"] = "survey"
    by_type = overview.instruments_by_type(ins)
    assert list(by_type.index) == ["law", "survey"]  # schema order, types without instruments left out
    assert int(by_type.to_numpy().sum()) == len(ins)


def test_instruments_by_year_on_real_profiles(per, xex):
    for p in [per, *xex.values()]:
        by_year = summary.instruments_by_year(p.instruments)
        assert int(by_year.to_numpy().sum()) == p.instruments["year"].notna().sum()
        by_type = overview.instruments_by_type(p.instruments)
        assert list(by_type.index) == [t for t in INSTRUMENT_TYPES if t in set(p.instruments["type"])]


def test_errata_view_and_domain_table_view(per, xex):
    view = overview.errata_view(per.errata)
    assert list(view.columns) == list(overview.ERRATA_COLUMNS.values()) and len(view) == len(per.errata)
    assert view["The source says"].tolist() == per.errata["source_says"].tolist()
    assert overview.errata_view(xex["XEX-2019"].errata).empty
    table = overview.domain_table_view(summary.domain_table(per))
    assert table["MGI domain"].tolist() == [domain_label(d) for d in DOMAIN_IDS]
    assert KIND_LABELS["well_developed"] in table.columns


# --- Markdown -------------------------------------------------------------------------------------------

def test_findings_are_shown_with_summary_quote_and_section_escaped():
    p = make_profile([finding("F1", "wellbeing", "update_since_baseline", "improved",
                              summary_="Markup <script>alert(1)</script> stays text",
                              evidence="The migrants' *rights* [link](http://x) were expanded.",
                              section="Summary of updates since 2019 – Well-being of migrants")])
    md = narrative.domain_sections_md(p, progress.domain_progress(p, "wellbeing"), None)
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "> “The migrants&#x27; \\*rights\\* \\[link\\]\\(http://x\\) were expanded.”" in md
    assert "&\\#x27;" not in md  # the apostrophe entity is never broken into visible text
    assert "Summary of updates since 2019 – Well-being of migrants" in md
    assert "Improved since 2019" in md


def test_domain_sections_follow_the_brief_and_say_when_empty():
    p = _timeline_profile()
    md = narrative.domain_sections_md(p, progress.domain_progress(p, "wellbeing"), None)
    headings = re.findall(r"^### (.+)$", md, flags=re.M)
    assert headings == ["Updates since 2019", "Examples of well-developed areas",
                        "Areas with potential for further development", "Gaps persisting from the previous assessment",
                        "Instruments adopted or amended in 2019 or later, in time order"]
    assert "names no well-developed area" in md and "describes no gap" in md
    order = [md.index(f"(id: {i})") for i in ("C-2019", "G-2019", "A-2021", "B-none")]
    assert order == sorted(order)
    assert md.index("gives no year for the following 1 instrument") < md.index("(id: B-none)")
    assert "E-unknown" in md.split("does not say whether")[1]


def test_without_a_baseline_the_text_says_so_and_shows_no_status(xex):
    p = xex["XEX-2019"]
    reason = progress.no_baseline_reason(p)
    dp = progress.domain_progress(p, "migrants_rights")
    md = narrative.domain_sections_md(p, dp, reason)
    assert reason in md and "Gaps persisting" not in md and "Instruments adopted" not in md
    assert "Not stated against the baseline" not in md
    for quote in dp.well_developed["evidence"]:
        assert esc(quote) in md
    assert "update" not in narrative.domain_intro_md(p, dp).split("\n\n")[-1]
    assert narrative.no_baseline_md(None) == ""


def test_errata_intro_counts_by_kind(per, xex):
    assert "flags nothing" in profile_text.errata_intro_md(xex["XEX-2019"].errata)
    text = profile_text.errata_intro_md(per.errata)
    assert f"{len(per.errata)} place" in text


def test_profile_intro_comes_from_metadata(xex):
    md = profile_text.profile_intro_md(xex["XEX-2019"])
    assert "first MGI profile" in md and "fictional" in md
    md = profile_text.profile_intro_md(xex["XEX-2022"])
    assert "2019" in md and esc(xex["XEX-2022"].mgi["country"]) in md


# --- charts ---------------------------------------------------------------------------------------------

def _bar_colours(ax) -> set[str]:
    return {matplotlib.colors.to_hex(p.get_facecolor()).lower() for p in ax.patches}


def _house_style(fig, profile):
    title = fig._suptitle.get_text()
    assert profile.mgi["country_short"] in title and profile.mgi["edition"] in title
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel()
    assert any(profile.source_line in t.get_text() for t in fig.texts)
    assert _bar_colours(ax) <= PALETTE


def test_findings_by_kind_chart_counts_in_mgi_order(per):
    fig = progress_charts.findings_by_kind_chart(per)
    _house_style(fig, per)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [domain_tick(d) for d in DOMAIN_IDS]
    assert sum(p.get_width() for p in ax.patches) == len(per.findings)


def test_status_chart_and_domain_chart_add_up(per):
    fig = progress_charts.findings_by_status_chart(per)
    _house_style(fig, per)
    assert sum(p.get_width() for p in fig.axes[0].patches) == len(per.findings)
    for d in ("migrants_rights", "safe_orderly_regular"):
        fig = progress_charts.domain_status_chart(per, d)
        _house_style(fig, per)
        assert sum(p.get_width() for p in fig.axes[0].patches) == (per.findings["domain"] == d).sum()


def test_instruments_by_year_chart_marks_the_baseline(per):
    fig = overview_charts.instruments_by_year_chart(per)
    _house_style(fig, per)
    ax = fig.axes[0]
    assert sum(p.get_height() for p in ax.patches) == per.instruments["year"].notna().sum()
    lines = [ln.get_xdata()[0] for ln in ax.get_lines()]
    assert lines == [per.mgi["baseline_year"] - 0.5]
    undated = make_profile([], [instrument("X", None, True, ["wellbeing"])])
    assert overview_charts.instruments_by_year_chart(undated) is None


def test_instruments_by_type_chart(per):
    fig = overview_charts.instruments_by_type_chart(per)
    _house_style(fig, per)
    assert sum(p.get_width() for p in fig.axes[0].patches) == len(per.instruments)


def test_chart_sets_depend_on_the_baseline(per, xex):
    assert [n for n, _ in progress_charts.summary_charts(per)] == [
        "findings_by_kind", "findings_by_status", "instruments_since_baseline"]
    assert [n for n, _ in progress_charts.summary_charts(xex["XEX-2019"])] == ["findings_by_kind"]
    assert progress_charts.domain_charts(xex["XEX-2019"], "wellbeing") == []
    names = [n for n, _ in progress_charts.domain_charts(per, "wellbeing")]
    assert names == ["wellbeing_status", "wellbeing_instruments_by_year"]
    fig = overview_charts.instruments_by_year_chart(xex["XEX-2019"])
    assert not fig.axes[0].get_lines()  # no baseline line for a first profile
    assert _bar_colours(fig.axes[0]) == {charts.OKABE_ITO[4].lower()}


def test_instruments_since_chart_counts_per_domain(per):
    fig = progress_charts.instruments_since_chart(per)
    _house_style(fig, per)
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths == [int(v) for v in progress.since_baseline_counts(per.instruments)]
