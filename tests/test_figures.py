"""figures, figure_text and figure_charts: qualifiers and dates carried, comparisons across dates refused or
flagged, sets and targets only where they are honest, every data text escaped, charts labelled."""

from __future__ import annotations

import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from helpers.reports.statistics import charts as FC
from helpers.reports.statistics import text as FT
from helpers.reports.statistics import analysis as F
from helpers.reports.common import figures as Q
from helpers.reports.common.dates import date_key, date_label
from helpers.reports.common.escape import chart_text
from stub_profiles import stats_frame, stub_profile


def row(sid, indicator, value, *, unit="countries", qualifier="exact", date=None, theme="recognition_agreements",
        label=None, org=None, evidence=None, section="4.1 Examples of well-developed areas"):
    return {"statistic_id": sid, "theme": theme, "indicator": indicator, "label": label or indicator.replace("_", " "),
            "value": value, "unit": unit, "qualifier": qualifier, "reference_date": date, "source_org": org,
            "source_id": None, "section": section, "evidence": evidence or f"Quote for {sid}."}


def q(**kw) -> Q.Quantity:
    args = dict(sid="ST001", indicator="agreements", value=50)
    args.update(kw)
    sid, indicator, value = args.pop("sid"), args.pop("indicator"), args.pop("value")
    return Q.Quantity.from_row(row(sid, indicator, value, **args))


# --- formatting and qualifiers ----------------------------------------------------------------------------

@pytest.mark.parametrize("value, text", [(1_200_000, "1.2 million"), (1_049_970, "1,049,970"), (104_700, "104,700"),
                                         (3.36, "3.36"), (2.0, "2"), (3_000_000, "3 million")])
def test_numbers_are_never_more_precise_than_the_data(value, text):
    assert Q.format_number(value) == text


def test_dates_keep_their_precision_and_order():
    assert date_label("2021-09") == "September 2021"
    assert date_label("2021-07-09") == "9 July 2021"
    assert date_label("2020") == "2020"
    assert sorted(["2021-12", "2019", "2021-09"], key=date_key) == ["2019", "2021-09", "2021-12"]


def test_over_qualifier_is_carried_into_every_phrase():
    over = q(qualifier="over", date="2021-12")
    assert over.is_lower_bound and not over.is_upper_bound
    assert over.phrase() == "over 50 countries"
    assert over.dated_phrase() == "over 50 countries (December 2021)"
    assert q(qualifier="up_to", unit="percent", value=20).phrase() == "up to 20 per cent"
    assert q(qualifier="estimated", unit="persons", value=1_200_000).phrase() == "an estimated 1.2 million persons"
    assert q(value=1, unit="years").phrase() == "1 year"
    assert q(date=None).date_label == "no reference date"


# --- then vs now ---------------------------------------------------------------------------------------------

def test_change_to_a_lower_bound_is_at_least():
    c = Q.change_between(q(sid="A", value=38, date="2019"), q(sid="B", value=50, qualifier="over", date="2021-12"))
    assert c.bound == "at_least"
    assert c.difference == 12
    assert c.growth_percent == pytest.approx(31.58, abs=0.01)
    assert c.change_phrase() == "at least +12 countries (at least +32%)"


def test_change_from_a_lower_bound_is_at_most_and_bounds_both_ways_are_indeterminate():
    assert Q.change_between(q(sid="A", value=38, qualifier="over", date="2019"),
                            q(sid="B", value=50, date="2021")).bound == "at_most"
    c = Q.change_between(q(sid="A", value=38, qualifier="over", date="2019"),
                         q(sid="B", value=50, qualifier="over", date="2021"))
    assert c.bound == "indeterminate" and "cannot be computed" in c.change_phrase()


def test_change_between_estimates_is_rounded_to_their_precision():
    c = Q.change_between(q(sid="A", unit="persons", value=104_700, qualifier="estimated", date="2010"),
                         q(sid="B", unit="persons", value=1_200_000, qualifier="estimated", date="2020"))
    assert c.approximate and c.rounded_difference() == 1_100_000
    assert c.change_phrase() == "about +1.1 million persons (about 11 times the 2010 figure)"


def test_growth_is_refused_across_different_indicators_or_units():
    with pytest.raises(Q.NotComparable, match="measure different things"):
        Q.change_between(q(sid="A", indicator="migrants", date="2020"), q(sid="B", indicator="venezuelans",
                                                                         date="2021-09"))
    with pytest.raises(Q.NotComparable):
        Q.change_between(q(sid="A", date="2019"), q(sid="B", unit="percent", date="2021"))


@pytest.mark.parametrize("then_date, now_date", [(None, "2021"), ("2019", None), ("2021", "2021"), ("2021-12", "2019")])
def test_growth_is_refused_without_two_ordered_reference_dates(then_date, now_date):
    with pytest.raises(Q.MixedDates):
        Q.change_between(q(sid="A", value=38, date=then_date), q(sid="B", value=50, date=now_date))


def test_then_now_pairs_take_earliest_and_latest_of_each_indicator():
    stats = stats_frame([
        row("ST001", "agreements", 40, date="2019"), row("ST002", "agreements", 45, date="2020"),
        row("ST003", "agreements", 50, qualifier="over", date="2021-12"),
        row("ST004", "members", 9, date="2021"),  # one date only: no pair
        row("ST005", "undated", 3), row("ST006", "undated", 4),  # no dates: no pair
    ])
    pairs = F.then_now_pairs(stats)
    assert [(c.then.statistic_id, c.now.statistic_id) for c in pairs] == [("ST001", "ST003")]
    assert F.series_ids(stats) == {"ST001", "ST003"}


# --- shares across dates --------------------------------------------------------------------------------

def test_share_across_reference_dates_is_refused():
    part = q(sid="V", indicator="venezuelans", unit="persons", value=1_049_970, date="2021-09")
    whole = q(sid="T", indicator="migrants", unit="persons", value=1_200_000, date="2020")
    with pytest.raises(Q.MixedDates, match="different dates"):
        F.share_of(part, whole)


def test_share_across_dates_on_request_is_flagged_as_mixing_dates():
    part = q(sid="V", indicator="venezuelans", unit="persons", value=600, date="2021-09")
    whole = q(sid="T", indicator="migrants", unit="persons", value=1200, date="2020")
    s = F.share_of(part, whole, allow_mixed_dates=True)
    assert s.mixed_dates and s.percent == 50
    assert "mixes reference dates" in s.caveat() and "September 2021" in s.caveat() and "2020" in s.caveat()


def test_share_at_one_date_is_not_flagged_but_undated_figures_are():
    part = q(sid="V", unit="persons", value=300, date="2020")
    whole = q(sid="T", unit="persons", value=1200, date="2020")
    s = F.share_of(part, whole)
    assert not s.mixed_dates and s.percent == 25 and s.caveat() == ""
    with pytest.raises(Q.MixedDates):
        F.share_of(q(sid="V", unit="persons", value=3), q(sid="T", unit="persons", value=12))


def test_side_by_side_population_figures_flag_their_different_dates():
    stats = stats_frame([
        row("ST001", "migrants", 104_700, unit="persons", qualifier="estimated", date="2010",
            theme="migrant_population"),
        row("ST002", "migrants", 1_200_000, unit="persons", qualifier="estimated", date="2020",
            theme="migrant_population", org="Portal"),
        row("ST003", "venezuelans", 1_049_970, unit="persons", qualifier="estimated", date="2021-09",
            theme="population_by_origin", org="R4V"),
    ])
    s = F.population_side_by_side(stats)
    assert [x.statistic_id for x in s.figures] == ["ST002", "ST003"]  # the latest of each indicator
    assert s.mixed_dates and s.mixed_sources
    md = FT.side_by_side_md(s)
    assert "different reference dates" in md and "no share" in md
    assert F.population_side_by_side(stats.iloc[:2]) is None  # one indicator: nothing to set side by side


# --- sets, caps and themes ------------------------------------------------------------------------------

def test_comparable_sets_need_one_unit_and_one_date():
    same = "As of 2021, it comprises 23 sectors and 18 entities."
    stats = stats_frame([
        row("ST001", "sectors", 23, unit="entities", date="2021-12", theme="roundtable", evidence=same),
        row("ST002", "civil", 18, unit="entities", date="2021-12", theme="roundtable", evidence=same),
        row("ST003", "other", 4, unit="entities", date="2020", theme="roundtable"),  # other date
        row("ST004", "days", 90, unit="days", date="2021-12", theme="roundtable"),  # other unit
    ])
    sets = F.comparable_sets(stats)
    assert [list(s["statistic_id"]) for s in sets] == [["ST001", "ST002"]]
    assert F.set_total(sets[0]) == 41


def test_undated_figures_are_comparable_only_when_stated_together():
    stats = stats_frame([
        row("ST001", "child_age", 5, unit="years", qualifier="less_than", theme="programmes"),
        row("ST002", "duration", 16, unit="years", theme="programmes"),
    ])
    assert F.comparable_sets(stats) == []
    assert F.theme_plan(stats, "programmes") == []
    md = FT.theme_reading_md(stats, "programmes")
    assert "No chart" in md and "less than 5 years" in md and "Quote for ST001." in md


def test_sums_only_for_exact_counts_and_caps_for_percentage_limits():
    quote = "limits of 20 per cent of workers and 30 per cent of payroll"
    caps = stats_frame([
        row("ST001", "workers_cap", 20, unit="percent", qualifier="up_to", theme="employment_restrictions",
            evidence=quote),
        row("ST002", "payroll_cap", 30, unit="percent", qualifier="up_to", theme="employment_restrictions",
            evidence=quote),
    ])
    assert F.set_total(caps) is None and F.is_caps(caps)
    assert [p.kind for p in F.theme_plan(caps, "employment_restrictions")] == ["caps"]
    bounded = stats_frame([row("ST001", "a", 20, unit="entities", qualifier="over", date="2021", evidence=quote),
                           row("ST002", "b", 30, unit="entities", date="2021", evidence=quote)])
    assert F.set_total(bounded) is None and not F.is_caps(bounded)


def test_common_suffix_is_said_once():
    labels = ["Government sectors in the Intersectoral Migration Roundtable",
              "Observer institutions in the Intersectoral Migration Roundtable"]
    assert F.common_suffix(labels) == "in the Intersectoral Migration Roundtable"
    assert F.common_suffix(["Signed agreements", "Agreements in negotiation"]) == ""


# --- the SDG 10.c target --------------------------------------------------------------------------------

def test_sdg_target_is_a_documented_constant():
    assert F.SDG_10C_TARGET_PERCENT == 3.0
    assert "SDG target 10.c: reduce to less than 3 per cent the transaction costs of migrant remittances" in \
        F.SDG_10C_CITATION


@pytest.mark.parametrize("value, qualifier, meets", [
    (3.36, "exact", False), (2.5, "exact", True), (3.0, "exact", False), (2.0, "over", None), (3.5, "over", False),
    (2.5, "up_to", True), (3.5, "up_to", None)])
def test_remittance_cost_against_the_target(value, qualifier, meets):
    t = F.TargetComparison(q(indicator="remittance_average_cost_share", unit="percent", value=value,
                             qualifier=qualifier, theme="remittances"))
    assert t.meets_target is meets
    assert t.gap_points == pytest.approx(value - 3.0)
    assert ("cannot be placed" in t.phrase()) == (meets is None)


def test_only_remittance_cost_figures_meet_the_target():
    stats = stats_frame([
        row("ST001", "remittance_average_cost_share", 3.36, unit="percent", date="2018-12", theme="remittances",
            org="CEMLA"),
        row("ST002", "remittance_programme_years", 16, unit="years", theme="remittances"),
    ])
    assert [t.figure.statistic_id for t in F.target_comparisons(stats)] == ["ST001"]
    md = FT.target_md(F.target_comparisons(stats)[0])
    assert "0.36 percentage points above" in md and "does not meet" in md and "10.c" in md


# --- text ---------------------------------------------------------------------------------------------------

def test_data_text_is_escaped_and_apostrophes_render():
    stats = stats_frame([row("ST001", "x", 3, label="Peru's <script>alert(1)</script> *bold*", theme="education",
                             org="<b>Org</b>", evidence="A quote with <img src=x onerror=alert(1)>.")])
    md = FT.theme_reading_md(stats, "education")
    assert "<script>" not in md and "<img" not in md and "<b>" not in md
    html = markdown2html_mistune(md)
    assert "<script>" not in html and "<img" not in html
    assert "Peru's" in html or "Peru&#x27;s" in html
    assert "&amp;#x27;" not in html  # the apostrophe never shows as an entity's text


def test_figures_table_carries_value_unit_qualifier_date_and_source():
    stats = stats_frame([row("ST001", "agreements", 50, qualifier="over", date="2021-12", org="Ministry")])
    t = FT.figures_table(stats)
    r = t.iloc[0]
    assert (r["value"], r["unit"], r["qualifier"], r["as stated"], r["reference date"], r["cited source"]) == \
        ("50", "countries", "over", "over 50 countries", "December 2021", "Ministry")
    assert FT.figures_table(stats_frame([row("ST001", "a", 1)])).iloc[0]["reference date"] == "not stated"


def test_change_text_says_at_least_for_a_lower_bound():
    c = Q.change_between(q(sid="A", value=38, date="2019"), q(sid="B", value=50, qualifier="over", date="2021-12"))
    md = FT.change_md(c)
    assert "at least" in md and "lower bound" in md and "over 50 countries" in md


# --- charts -------------------------------------------------------------------------------------------------

def _texts(fig) -> str:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_yticklabels()]
        out += [t.get_text() for t in ax.get_xticklabels()] + [ax.get_xlabel(), ax.get_ylabel()]
    if fig._suptitle is not None:
        out.append(fig._suptitle.get_text())
    return "\n".join(out)


def test_then_now_chart_marks_the_lower_bound():
    stats = stats_frame([row("ST001", "agreements", 38, date="2019"),
                         row("ST002", "agreements", 50, qualifier="over", date="2021-12")])
    prof = stub_profile(statistics=stats)
    [(name, fig)] = FC.theme_charts(prof, "recognition_agreements")
    assert name == "figures_recognition_agreements_agreements"
    text = _texts(fig)
    assert "Testland" in text and prof.source_line in text  # title names the profile; source line
    assert "at least +12" in text and "over 50 countries" in text and "lower bound" in text
    bars = fig.axes[0].patches
    assert [b.get_hatch() for b in bars] == [None, FC.HATCH]


def test_side_by_side_chart_says_the_dates_differ():
    stats = stats_frame([
        row("ST001", "migrants", 1_200_000, unit="persons", date="2020", theme="migrant_population"),
        row("ST002", "venezuelans", 1_049_970, unit="persons", date="2021-09", theme="population_by_origin"),
    ])
    fig = FC.side_by_side_chart(stub_profile(statistics=stats), F.population_side_by_side(stats))
    text = _texts(fig)
    assert "reference dates differ" in text and "no share" in text
    assert "2020" in text and "September 2021" in text


def test_target_chart_draws_the_three_per_cent_line():
    stats = stats_frame([row("ST001", "remittance_average_cost_share", 3.36, unit="percent", date="2018-12",
                             theme="remittances", org="CEMLA")])
    [(name, fig)] = FC.theme_charts(stub_profile(statistics=stats), "remittances")
    assert name.endswith("_sdg10c")
    ax = fig.axes[0]
    assert any(list(line.get_xdata()) == [3.0, 3.0] for line in ax.lines)
    assert "SDG target 10.c" in _texts(fig)


def test_a_theme_without_comparable_figures_gets_no_chart():
    stats = stats_frame([row("ST001", "a", 2, unit="years", theme="residence"),
                         row("ST002", "b", 4, unit="countries", theme="residence")])
    assert FC.theme_charts(stub_profile(statistics=stats), "residence") == []
    assert FT.themes_table(stats).iloc[0]["shown as"].startswith("cited sentences")


def test_dollar_signs_in_labels_stay_text():
    assert chart_text("US$ 200 and $5") == r"US\$ 200 and \$5"
