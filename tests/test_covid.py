"""covid, covid_text and covid_charts: 'not stated' kept apart from 'no', partial dates kept partial, repealed
measures keep their end date, an absent section said plainly with no chart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.reports.common.dates import PartialDate
from helpers.reports.covid import analysis as C
from helpers.reports.covid import charts as CC
from helpers.reports.covid import text as CT
from helpers.data.domains import DOMAIN_IDS
from helpers.reports.common.style import GREY
from stub_profiles import covid_frame, instruments_frame, stub_profile


def resp(rid, area="health_access", *, covered=None, date=None, end=None, status="not_stated", instruments=None,
         domains=("migrants_rights",), evidence=None, section="COVID-19 annex", measure=None):
    return {"response_id": rid, "area": area, "measure": measure or f"Measure {rid}",
            "instruments": list(instruments or []), "date": date, "date_end": end,
            "covers_regardless_of_status": covered, "status": status, "domains": list(domains),
            "section": section, "evidence": evidence or f"Quote for {rid}."}


@pytest.fixture()
def frame():
    return covid_frame([
        resp("C01", covered=True, date="2020", instruments=["LD-1"]),
        resp("C02", "vaccination", covered=True, date="2021-04", instruments=["COM-2"]),
        resp("C03", "remittances_financial_services", covered=False, instruments=["wallet"],
             domains=("wellbeing",)),
        resp("C04", "migration_status", date="2020", end="2021", status="repealed", instruments=["RS-1", "RS-2"],
             domains=("safe_orderly_regular", "migrants_rights")),
        resp("C05", "response_planning", date="2020-11-09", end="2021-07-09", status="annulled",
             instruments=["MR-9", "MR-8"], domains=("mobility_crises",), section="5.1, footnote 20"),
        resp("C06", "response_planning", date="2021-07-09", instruments=["MR-8"], domains=("mobility_crises",),
             section="5.1, footnote 20"),
        resp("C07", "health_access", covered=True, date="2020", instruments=["LD-1"], section="1.1 Examples"),
    ])


# --- coverage ------------------------------------------------------------------------------------------------

def test_not_stated_coverage_is_never_counted_as_false(frame):
    counts = C.coverage_counts(frame)
    assert list(counts.index) == ["covered", "limited", "not_stated"]
    assert counts["covered"] == 3 and counts["limited"] == 1 and counts["not_stated"] == 3
    flag = frame["covers_regardless_of_status"]
    assert counts["limited"] == int(flag.eq(False).fillna(False).sum())  # only explicit false is 'limited'
    assert counts["not_stated"] == int(flag.isna().sum())


def test_all_three_coverage_categories_are_listed_even_when_empty():
    counts = C.coverage_counts(covid_frame([resp("C01")]))
    assert counts.to_dict() == {"covered": 0, "limited": 0, "not_stated": 1}


def test_by_area_follows_the_schema_order_and_splits_by_coverage(frame):
    counts = C.by_area(frame)
    assert list(counts.index) == ["health_access", "vaccination", "migration_status",
                                  "remittances_financial_services", "response_planning"]
    assert counts.loc["health_access"].to_dict() == {"covered": 2, "limited": 0, "not_stated": 0}
    assert "consular_assistance" in C.areas_without_response(frame)


def test_domains_count_each_domain_a_response_touches(frame):
    counts = C.by_domain(frame)
    assert list(counts.index) == list(DOMAIN_IDS)
    assert counts["migrants_rights"] == 4 and counts["mobility_crises"] == 2 and counts["partnerships"] == 0


def test_instruments_shared_by_several_responses_are_found(frame):
    assert C.shared_instruments(frame) == {"LD-1": ["C01", "C07"], "MR-8": ["C05", "C06"]}


# --- time -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end, precision, label", [
    ("2020", "2020-01-01", "2021-01-01", "year", "2020"),
    ("2021-04", "2021-04-01", "2021-05-01", "month", "April 2021"),
    ("2021-12", "2021-12-01", "2022-01-01", "month", "December 2021"),
    ("2021-07-09", "2021-07-09", "2021-07-10", "day", "9 July 2021"),
])
def test_partial_dates_cover_what_they_say(text, start, end, precision, label):
    d = PartialDate.parse(text)
    assert (d.start, d.end, d.precision, d.label) == (pd.Timestamp(start), pd.Timestamp(end), precision, label)


def test_repealed_and_annulled_measures_keep_their_end_date(frame):
    items = {i.response_id: i for i in C.timeline(frame)}
    assert items["C04"].finished and items["C04"].end.label == "2021"
    assert items["C04"].end_phrase() == "repealed in 2021"
    assert items["C05"].end_phrase() == "annulled on 9 July 2021"
    assert items["C01"].end is None and items["C01"].end_phrase() == ""
    done = C.finished(frame)
    assert list(done["response_id"]) == ["C04", "C05"]
    assert list(done["date_end"]) == ["2021", "2021-07-09"]


def test_a_repealed_measure_without_an_end_says_so():
    [item] = C.timeline(covid_frame([resp("C01", date="2020", status="repealed")]))
    assert item.end_phrase() == "repealed (end date not stated)"


def test_timeline_is_in_time_order_and_leaves_undated_out(frame):
    assert [i.response_id for i in C.timeline(frame)] == ["C01", "C04", "C07", "C05", "C02", "C06"]
    assert list(C.undated(frame)["response_id"]) == ["C03"]
    assert C.time_span(C.timeline(frame)) == (pd.Timestamp("2020-01-01"), pd.Timestamp("2022-01-01"))


def test_the_instrument_that_ended_a_measure_is_named():
    instruments = instruments_frame([
        {"instrument_id": "RS-1", "type": "superintendency_resolution", "title_en": "Suspends deadlines",
         "status": "repealed", "covid_measure": True, "section": "COVID-19 annex", "evidence": "q"},
        {"instrument_id": "RS-2", "type": "superintendency_resolution", "title_en": "Repeals RS-1",
         "status": "in_force", "repeals": ["RS-1"], "covid_measure": True, "section": "COVID-19 annex",
         "evidence": "q"},
    ])
    assert C.ended_by(instruments, ["RS-1", "RS-2"]) == ["RS-2"]
    assert C.ended_by(instruments, ["LD-1"]) == []
    md = CT.finished_md(covid_frame([resp("C04", date="2020", end="2021", status="repealed",
                                          instruments=["RS-1", "RS-2"])]), instruments)
    assert "repealed in 2021" in md and "by RS-2" in md


# --- text ------------------------------------------------------------------------------------------------------

def test_absent_section_is_said_plainly_with_its_reason():
    prof = stub_profile(absent={"covid_responses": "The first profile <b>predates</b> the annex."})
    md = CT.absent_md(prof)
    assert "no COVID-19 section" in md and "predates" in md and "<b>" not in md
    assert not prof.has("covid_responses")


def test_coverage_text_lists_not_stated_apart(frame):
    md = CT.coverage_md(frame)
    assert "**Not stated**: 3 (C04, C05, C06)" in md
    assert "never counted as *no*" in md
    table = C.coverage_table(frame)
    assert list(table["covers migrants regardless of status"]).count("Not stated") == 3


def test_response_text_is_escaped():
    f = covid_frame([resp("C01", measure="<script>x</script> *m*", evidence="A <img src=x> quote.")])
    md = CT.quotes_md(f)
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md


def test_intro_counts_annex_and_body(frame):
    md = CT.intro_md(frame)
    assert "**7** COVID-19 responses: 4 in its COVID-19 annex and 3 in the body" in md
    assert "1 repealed" in md and "1 annulled" in md


# --- charts ---------------------------------------------------------------------------------------------------

def test_no_chart_when_the_profile_has_no_covid_table():
    prof = stub_profile(absent={"covid_responses": "No annex."})
    for chart in (CC.area_chart, CC.coverage_chart, CC.timeline_chart, CC.domain_chart):
        assert chart(prof) is None


def test_coverage_chart_draws_not_stated_as_its_own_grey_bar(frame):
    fig = CC.coverage_chart(stub_profile(covid=frame))
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    assert widths == [3, 1, 3]
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "Not stated"
    assert ax.patches[-1].get_facecolor()[:3] == pytest.approx(plt.matplotlib.colors.to_rgb(GREY))


def test_timeline_draws_the_end_of_finished_measures(frame):
    fig = CC.timeline_chart(stub_profile(covid=frame))
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "annulled on 9 July 2021" in texts and "repealed in 2021" in texts
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[0].startswith("C01") and "LD-1" in ticks[0]  # measures labelled with their instruments
    assert any("C03" in t.get_text() for t in fig.texts)  # the undated response is named, not placed
    assert "Testland" in fig._suptitle.get_text()


def test_area_and_domain_charts_name_the_profile(frame):
    prof = stub_profile(covid=frame)
    for chart in (CC.area_chart, CC.domain_chart):
        fig = chart(prof)
        assert "Testland" in fig._suptitle.get_text()
        assert any(prof.source_line in t.get_text() for t in fig.texts)


def _saved_extents(fig):
    """Draw the figure as it is saved (constrained layout applied) and return the renderer."""
    fig.canvas.draw()
    return fig.canvas.get_renderer()


@pytest.mark.parametrize("chart", [CC.timeline_chart, CC.area_chart])
def test_the_key_sits_under_the_axis_label_not_on_it(frame, chart):
    """The timeline's two-line date ticks ran into its key: the key must lie wholly below the tick labels and the
    axis label, for a short and for a tall chart."""
    for rows in (frame.head(2), frame):
        fig = chart(stub_profile(covid=covid_frame(rows.to_dict("records"))))
        ax = fig.axes[0]
        r = _saved_extents(fig)
        legend = ax.get_legend().get_window_extent(r)
        axis = ax.xaxis.get_tightbbox(r)
        assert ax.xaxis.label.get_text()
        assert legend.y1 <= axis.y0 + 0.5, (chart.__name__, len(rows), legend, axis)
        plt.close(fig)


def test_a_domain_chart_with_no_domain_recorded_says_so_in_words(frame, monkeypatch):
    """All domains empty: not bars of zero ('the bars add up to 0'), a sentence; show() prints it, saves nothing."""
    from helpers.reports.common import style

    empty = covid_frame([dict(r, domains=[]) for r in frame.to_dict("records")])
    said = CC.domain_chart(stub_profile(covid=empty))
    assert isinstance(said, style.Nothing) and "No MGI domain is recorded" in said.text
    assert "add up to 0" not in said.text
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **k: shown.extend(objs))
    style.show(said, str(frame.attrs.get("out", "")) or "/nonexistent-never-written", "covid_by_domain")
    assert [type(o).__name__ for o in shown] == ["Markdown"] and "No MGI domain is recorded" in shown[0].data
    assert not __import__("os").path.exists("/nonexistent-never-written")
    assert isinstance(CC.domain_chart(stub_profile(covid=frame)), plt.Figure)  # with domains: a chart
