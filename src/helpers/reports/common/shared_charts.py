"""Charts two reports show: findings per domain by kind (overview, progress) and the instruments cited by year
with the baseline marked (overview for the profile, progress for each domain).

The instrument chart colours each instrument by its timing against the baseline (after_baseline): since,
before, or not stated — an empty after_baseline is shown as 'not stated', never folded into 'before'.
Never sets a matplotlib backend.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from helpers.data.vocab import KIND_LABELS
from helpers.reports.common import style as charts
from helpers.reports.common.counts import (TIMING, findings_by_domain_kind, instruments_by_year, instruments_of,
                                           years_missing)
from helpers.reports.common.style import domain_tick, legend_below, stacked_barh


def findings_by_kind_chart(profile) -> Figure:
    """How many findings of each kind (updates, well-developed, further development) each domain has."""
    counts = findings_by_domain_kind(profile.findings)
    fig, ax = charts.new_figure(height=4.6)
    stacked_barh(ax, counts, charts.KIND_COLOURS, KIND_LABELS, [domain_tick(d) for d in counts.index])
    legend_below(ax)
    return charts.finish(fig, ax, title="Findings per MGI domain, by kind", profile=profile,
                         xlabel="Number of findings", ylabel="MGI domain",
                         note="Counts of findings, not scores: the MGI does not rank domains or countries.")


TIMING_COLOURS = {
    "since": charts.OKABE_ITO[0],  # blue
    "before": charts.OKABE_ITO[1],  # orange
    "not_stated": "#C8C8C8",  # light grey
}


def timing_colours(profile) -> dict[str, str]:
    """Without a baseline every instrument is 'not stated': draw it in a plain colour, not the grey of missing."""
    if profile.mgi.get("baseline_year") is None:
        return dict(TIMING_COLOURS, not_stated=charts.OKABE_ITO[4])
    return TIMING_COLOURS


def timing_labels(profile) -> dict[str, str]:
    year = profile.mgi.get("baseline_year")
    if year is None:
        return {"since": "Adopted or amended since the baseline", "before": "Adopted before the baseline",
                "not_stated": "Instrument (first profile: no baseline to compare against)"}
    return {
        "since": f"Adopted or amended in {year} or later",
        "before": f"Adopted before {year}, not amended since",
        "not_stated": "Timing not stated in the profile",
    }


def instruments_by_year_chart(profile, domain: str | None = None) -> Figure | None:
    """When the instruments the profile cites (or one domain cites) were adopted, the baseline marked.

    None when no instrument has a year: there is nothing to draw."""
    instruments = profile.instruments if domain is None else instruments_of(profile.instruments, domain)
    counts = instruments_by_year(instruments)
    if counts.empty:
        return None
    fig, ax = charts.new_figure(height=4.2)
    years = list(counts.index)
    bottom = [0] * len(years)
    labels, colours = timing_labels(profile), timing_colours(profile)
    for col in TIMING:
        values = [int(v) for v in counts[col]]
        if any(values):
            ax.bar(years, values, bottom=bottom, width=0.8, color=colours[col], label=labels[col],
                   edgecolor="white", linewidth=0.5)
            bottom = [a + b for a, b in zip(bottom, values)]
    baseline = profile.mgi.get("baseline_year")
    top = max(bottom)
    if baseline is not None:
        ax.axvline(baseline - 0.5, color=charts.OKABE_ITO[7], linestyle="--", linewidth=1)
        ax.annotate(f"Baseline assessment ({baseline})", xy=(baseline - 0.5, top * 1.08), xytext=(-4, 0),
                    textcoords="offset points", ha="right", va="center", fontsize=8.5)
    ax.set_ylim(0, top * 1.15 + 0.5)
    lo = min(years + ([baseline] if baseline is not None else []))
    hi = max(years + ([baseline] if baseline is not None else []))
    ax.set_xlim(lo - 1, hi + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)
    legend_below(ax, ncols=3)
    missing = years_missing(instruments)
    note = ("An instrument adopted earlier but amended since the baseline is drawn at the year the profile gives "
            "for it. ") if baseline is not None else ""
    if missing:
        note += f"{missing} instrument{'s' if missing != 1 else ''} without a year in the profile not shown."
    what = "Instruments cited" if domain is None else f"{domain_tick(domain)}: instruments cited"
    return charts.finish(fig, ax, title=f"{what}, by year given in the profile", profile=profile,
                         xlabel="Year of the instrument (as the profile gives it)", ylabel="Number of instruments",
                         note=note.strip() or None)
