"""Comparing profiles: which profiles, findings side by side (escaped), shared instruments and figures (dates
always shown, changes only between editions of one country), and what moved or persists between editions."""

from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.reports.compare import analysis as compare
from helpers.reports.compare import charts as compare_charts
from helpers.reports.compare import text as compare_text
from helpers.reports.common.escape import esc
from markupsafe import escape as html_escape
from helpers.data.domains import DOMAIN_IDS
from helpers.paths import BadParameter
from profile_cases import TEST_PROFILES


@pytest.fixture
def editions(fictional):
    return compare.load_profiles(["XEX-2019", "XEX-2022"])


def with_table(profile, name: str, frame: pd.DataFrame, **changes):
    """A copy of a loaded profile with one table replaced (and, say, another id)."""
    tables = dict(profile.tables)
    tables[name] = frame
    return dataclasses.replace(profile, tables=tables, **changes)


# --- which profiles ---------------------------------------------------------------------------------

def test_empty_list_means_every_profile_available(monkeypatch):
    monkeypatch.delenv("MGI_PROFILE_PATH", raising=False)
    shipped = compare.resolve_profiles([])
    monkeypatch.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))
    fictional = {d.name for d in TEST_PROFILES.iterdir() if (d / "datapackage.json").is_file()}
    assert {"XEX-2019", "XEX-2022"} <= fictional
    assert set(compare.resolve_profiles([])) == set(shipped) | fictional


def test_explicit_ids_keep_their_order(fictional):
    assert compare.resolve_profiles(["XEX-2022", "XEX-2019"]) == ["XEX-2022", "XEX-2019"]
    assert compare.resolve_profiles("XEX-2022") == ["XEX-2022"]  # one id typed as a string


@pytest.mark.parametrize("bad, message", [
    (["XEX-2019", "NOPE-2020"], "Profiles available: .*XEX-2019"),
    (["XEX-2019", "XEX-2019"], "listed twice"),
    (["../XEX-2019", "XEX-2022"], "not a plain name"),
])
def test_bad_ids_are_refused(fictional, bad, message):
    with pytest.raises(BadParameter, match=message):
        compare.resolve_profiles(bad)


def test_not_enough_profiles_is_said_plainly():
    assert compare_text.not_enough_md(["A-1", "B-2"], []) is None
    one = compare_text.not_enough_md(["PER-2021"], [])
    assert "Nothing to compare" in one and "PER-2021" in one and "two or more" in one
    assert "Only one profile was given" in compare_text.not_enough_md(["PER-2021"], ["PER-2021"])
    assert "No profile is available" in compare_text.not_enough_md([], [])


@pytest.mark.parametrize("value", [-1, 100.5, "60", True, None])
def test_threshold_must_be_0_to_100(value):
    with pytest.raises(BadParameter, match="0 to 100"):
        compare.check_threshold(value)
    assert compare.check_threshold(0) == 0 and compare.check_threshold(100) == 100


# --- findings side by side ----------------------------------------------------------------------------

def test_findings_side_by_side_shows_every_finding_escaped(editions):
    first, second = editions
    f = second.findings.copy()
    target = f.index[(f["domain"] == "migrants_rights")][0]
    f.loc[target, "summary"] = "<script>alert('x')</script> & *bold*"
    second = with_table(second, "findings", f)
    out = compare_text.findings_side_by_side([first, second], "migrants_rights")
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp; *bold*" in out
    for p in (first, second):
        mine = p.findings.loc[p.findings["domain"] == "migrants_rights"]
        for quote in mine["evidence"]:
            assert str(html_escape(quote)) in out
    # a first profile has no updates since a baseline: said, not shown as empty
    assert "First profile: no baseline" in out


def test_finding_counts_add_up(editions):
    counts = compare.finding_counts(editions)
    assert list(counts.index) == list(DOMAIN_IDS)
    for p in editions:
        assert int(counts[p.id].to_numpy().sum()) == len(p.findings)


# --- instruments ----------------------------------------------------------------------------------------

def test_instruments_shared_on_identical_id_or_type_and_number(editions):
    first, second = editions
    ins = second.instruments.copy()
    # the same law under another id in the later edition: still matched on type and number
    ins.loc[ins["instrument_id"] == "LAW-101", "instrument_id"] = "migration-act"
    second = with_table(second, "instruments", ins)
    groups = compare.instrument_groups([first, second])
    shared = compare.shared_instruments(groups)
    law = shared.loc[shared["number"] == "101"].iloc[0]
    assert (law[first.id], law[second.id]) == ("LAW-101", "migration-act")
    assert set(compare.shared_instruments(groups)[first.id]) == \
        set(first.instruments["instrument_id"]) & (set(second.instruments["instrument_id"]) | {"LAW-101"})
    only_later = set(compare.only_in(groups, second.id)[second.id])
    assert only_later == set(ins["instrument_id"]) - set(shared[second.id])
    # per domain: only instruments some profile's sections cite in that domain
    crisis = compare.only_in(groups, first.id, "mobility_crises")
    assert all("mobility_crises" in ds for ds in crisis["domains"])


def test_instruments_view_says_not_stated_for_a_missing_year(editions):
    groups = compare.instrument_groups(editions)
    view = compare.instruments_view(compare.shared_instruments(groups), editions)
    no_year = editions[0].instruments.loc[editions[0].instruments["year"].isna(), "instrument_id"]
    rows = view.loc[view[f"id in {editions[0].id}"].isin(no_year)]
    assert not rows.empty and (rows[f"year in {editions[0].id}"] == "not stated").all()


# --- figures --------------------------------------------------------------------------------------------

def test_shared_figures_keep_both_dates_and_change_only_within_a_country(fictional):
    profs = compare.load_profiles(["XEX-2019", "XEX-2022", "PER-2021"])
    shared = {sf.indicator: sf for sf in compare.shared_figures(profs)}
    assert shared
    for sf in shared.values():
        assert len({p.id for p, _ in sf.figures}) >= 2
        md = compare_text.shared_figure_md(sf)
        for _, q in sf.figures:  # every figure with its own date (or 'no reference date')
            assert esc(q.date_label) in md
        for p1, p2, ch in sf.changes:
            assert p1.mgi["iso3"] == p2.mgi["iso3"] and p1.id != p2.id
            assert ch.then.reference_date and ch.now.reference_date
            assert ch.then.reference_date != ch.now.reference_date
            assert esc(ch.then.date_label) in md and esc(ch.now.date_label) in md
        if len({p.mgi["iso3"] for p, _ in sf.figures}) > 1:
            assert "no change is computed between countries" in md
    pop = shared["migrant_population_total"]
    assert [(p1.id, p2.id) for p1, p2, _ in pop.changes] == [("XEX-2019", "XEX-2022")]
    assert pop.label == "Migrant population total"  # labels name a country; the heading must not


def test_undated_figure_gives_no_change_and_says_why(editions):
    shared = {sf.indicator: sf for sf in compare.shared_figures(editions)}
    board = shared["interagency_board_agencies"]
    assert board.changes == []
    assert any("XEX-2019 gives no reference date" in n for n in board.notes)


# --- editions of one country -------------------------------------------------------------------------------

def test_edition_pairs_same_country_earlier_first(fictional):
    profs = compare.load_profiles(["XEX-2022", "PER-2021", "XEX-2019"])
    assert [(a.id, b.id) for a, b in compare.edition_pairs(profs)] == [("XEX-2019", "XEX-2022")]


def test_moved_and_persisting_matches(editions):
    first, second = editions
    ch = compare.edition_change(first, second, 60)
    fe = first.findings.set_index("finding_id")
    fl = second.findings.set_index("finding_id")
    for frame, kind in ((ch.moved, "well_developed"), (ch.persists, "further_development")):
        assert not frame.empty
        for _, r in frame.iterrows():
            assert fe.loc[r["earlier_id"], "kind"] == "further_development"
            assert fl.loc[r["later_id"], "kind"] == kind
            assert fe.loc[r["earlier_id"], "domain"] == fl.loc[r["later_id"], "domain"] == r["domain"]
            assert r["shared_instruments"] or r["score"] >= 60
            assert r["earlier_evidence"] == fe.loc[r["earlier_id"], "evidence"]
            assert r["later_evidence"] == fl.loc[r["later_id"], "evidence"]
    # an instrument both cite is a match whatever the wording, and the reason says which
    by_instrument = ch.moved.loc[ch.moved["shared_instruments"].map(bool)]
    assert not by_instrument.empty and all("both cite" in b for b in by_instrument["basis"])
    # the rest of the earlier gaps are listed as unmatched, and nothing is both
    matched = set(ch.moved["earlier_id"]) | set(ch.persists["earlier_id"])
    gaps = set(fe.index[fe["kind"] == "further_development"])
    assert set(ch.unmatched["finding_id"]) == gaps - matched
    assert set(ch.said_persisting["finding_id"]) == set(fl.index[fl["baseline_status"] == "gap_persisting"])


def test_threshold_controls_similarity_matches(editions):
    first, second = editions
    strict = compare.match_findings(first, second, "well_developed", 101)
    assert strict["shared_instruments"].map(bool).all()  # only instrument matches remain
    loose = compare.match_findings(first, second, "well_developed", 0)
    fe, fl = first.findings, second.findings
    pairs = sum(((fe["kind"] == "further_development") & (fe["domain"] == d)).sum()
                * ((fl["kind"] == "well_developed") & (fl["domain"] == d)).sum() for d in DOMAIN_IDS)
    assert len(loose) == pairs  # every same-domain pair, none across domains


def test_similarity_is_symmetric_and_ignores_case():
    a, b = "Migration data are not published by sex.", "MIGRATION DATA are still not published by sex"
    assert compare.similarity(a, b) == compare.similarity(b, a) > 90
    assert compare.similarity(a, "Remittance costs fell.") < 40


def test_edition_change_md_cites_both_quotes_escaped(editions):
    first, second = editions
    f = first.findings.copy()
    gap = f.index[f["kind"] == "further_development"][0]
    f.loc[gap, "evidence"] = f.loc[gap, "evidence"] + " <b>markup</b>"
    first = with_table(first, "findings", f)
    md = compare_text.edition_change_md(compare.edition_change(first, second, 0), 0)
    assert "<b>" not in md and "&lt;b&gt;" in md
    assert "Moved: further development in XEX-2019" in md and "Persists" in md


# --- charts ---------------------------------------------------------------------------------------------

def test_findings_chart_names_every_profile(editions):
    fig = compare_charts.findings_chart(editions)
    try:
        title = fig._suptitle.get_text()
        assert all(p.id in title for p in editions)
        assert all(ax.get_xlabel() == "Findings" for ax in fig.axes)
        texts = " ".join(t.get_text() for t in fig.texts)
        assert all(p.source_line in texts for p in editions) and "not scores" in texts
        assert any("no baseline" in t.get_text() for ax in fig.axes for t in ax.texts)  # first profile
    finally:
        plt.close(fig)


def test_edition_charts_only_within_one_country(fictional):
    profs = compare.load_profiles(["XEX-2019", "XEX-2022", "PER-2021"])
    for sf in compare.shared_figures(profs):
        for name, fig in compare_charts.figure_over_editions_charts(sf, profs):
            try:
                ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
                shown = {t.split("(")[-1].rstrip(")") for t in ticks}
                assert len({p.mgi["iso3"] for p in profs if p.id in shown}) == 1
                assert name.startswith(f"compare_figure_{sf.indicator}")
            finally:
                plt.close(fig)
