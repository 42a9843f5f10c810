"""Charts of progress since the baseline: findings by kind and by baseline status, per domain and across the six.

Counts only, domains always in MGI order (never sorted by a count): the MGI is not a ranking.
Every chart goes through charts.finish (title naming the profile, labelled axes, source line).
"""

from __future__ import annotations

from matplotlib.figure import Figure

from helpers.data.vocab import KIND_LABELS
from helpers.reports.common import style as charts
from helpers.reports.common.shared_charts import findings_by_kind_chart, instruments_by_year_chart
from helpers.reports.common.style import domain_tick, legend_below, stacked_barh
from helpers.reports.progress.analysis import (kind_status_counts, no_baseline_reason, since_baseline_counts,
                                               status_counts, status_labels)

STATUS_COLOURS = {
    "new": charts.OKABE_ITO[2],  # bluish green
    "improved": charts.OKABE_ITO[0],  # blue
    "unchanged": charts.OKABE_ITO[3],  # reddish purple
    "gap_persisting": charts.OKABE_ITO[5],  # vermilion
    "not_stated": "#C8C8C8",  # light grey: the text does not say
}


def findings_by_status_chart(profile) -> Figure:
    """How each domain's findings stand against the baseline assessment."""
    counts = status_counts(profile.findings)
    year = profile.mgi.get("baseline_year")
    fig, ax = charts.new_figure(height=4.8)
    stacked_barh(ax, counts, STATUS_COLOURS, status_labels(profile), [domain_tick(d) for d in counts.index])
    legend_below(ax, ncols=2)
    return charts.finish(fig, ax, title=f"Findings per MGI domain, by status against the {year} baseline",
                         profile=profile, xlabel="Number of findings", ylabel="MGI domain",
                         note="Status as the profile's own text states it; 'not stated' means the text does not "
                              "compare the finding with the baseline.")


def instruments_since_chart(profile) -> Figure:
    """How many instruments adopted or amended since the baseline each domain's sections cite."""
    counts = since_baseline_counts(profile.instruments).to_frame("since")
    year = profile.mgi.get("baseline_year")
    fig, ax = charts.new_figure(height=3.8)
    stacked_barh(ax, counts, {"since": charts.OKABE_ITO[0]}, {"since": f"Adopted or amended in {year} or later"},
                 [domain_tick(d) for d in counts.index])
    return charts.finish(fig, ax, title=f"Instruments adopted or amended in {year} or later, cited per domain",
                         profile=profile, xlabel="Number of instruments", ylabel="MGI domain",
                         note="An instrument cited in several domains counts in each. Not counted: instruments "
                              "whose timing the profile does not state, and those named only in Key sources.")


def domain_status_chart(profile, domain: str) -> Figure:
    """One domain: its findings of each kind, split by status against the baseline."""
    counts = kind_status_counts(profile.findings, domain)
    year = profile.mgi.get("baseline_year")
    fig, ax = charts.new_figure(height=3.4)
    stacked_barh(ax, counts, STATUS_COLOURS, status_labels(profile),
                 [KIND_LABELS[k] for k in counts.index])
    legend_below(ax, ncols=2)
    return charts.finish(fig, ax, title=f"{domain_tick(domain)}: findings by status against the {year} baseline",
                         profile=profile, xlabel="Number of findings", ylabel="Kind of finding",
                         note="Status as the profile's own text states it.")


def summary_charts(profile) -> list[tuple[str, Figure]]:
    """The charts across the six domains, by file name: without a baseline only the findings by kind."""
    out = [("findings_by_kind", findings_by_kind_chart(profile))]
    if no_baseline_reason(profile) is None:
        out.append(("findings_by_status", findings_by_status_chart(profile)))
        out.append(("instruments_since_baseline", instruments_since_chart(profile)))
    return out


def domain_charts(profile, domain: str) -> list[tuple[str, Figure]]:
    """One domain's charts, by file name; none without a baseline (they would be empty)."""
    if no_baseline_reason(profile) is not None:
        return []
    out = [(f"{domain}_status", domain_status_chart(profile, domain))]
    timeline = instruments_by_year_chart(profile, domain)
    if timeline is not None:
        out.append((f"{domain}_instruments_by_year", timeline))
    return out
