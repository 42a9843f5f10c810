"""Charts of a comparison of profiles: findings per domain and kind side by side, and one indicator across the
editions of one country. Counts and stated figures only, domains in MGI order: never a ranking or a score.
Never sets a matplotlib backend."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from helpers.data.domains import DOMAIN_IDS
from helpers.data.schema import FINDING_KINDS
from helpers.data.vocab import KIND_HEADINGS
from helpers.reports.common import style as charts
from helpers.reports.common.escape import chart_text
from helpers.reports.common.figures import format_number, unit_label
from helpers.reports.common.style import domain_tick
from helpers.reports.compare.analysis import SharedFigure, finding_counts


def profile_colours(profiles) -> dict[str, str]:
    return {p.id: charts.OKABE_ITO[i % len(charts.OKABE_ITO)] for i, p in enumerate(profiles)}


def findings_chart(profiles) -> Figure:
    """One panel per kind of finding; in each, one bar per profile for every domain (MGI order)."""
    counts = finding_counts(profiles)
    colours = profile_colours(profiles)
    n = len(profiles)
    height = max(4.2, 1.2 + 0.28 * n * len(DOMAIN_IDS))
    fig, axes = plt.subplots(1, len(FINDING_KINDS), figsize=(charts.REPORT_WIDTH, height), sharey=True,
                             layout="constrained")
    bar = 0.8 / n
    top = max(int(counts.to_numpy().max()), 1)
    for ax, kind in zip(axes, FINDING_KINDS):
        for i, p in enumerate(profiles):
            ys = [d + (i - (n - 1) / 2) * bar for d in range(len(DOMAIN_IDS))]
            if kind == "update_since_baseline" and p.mgi.get("baseline_year") is None:
                # a first profile has no baseline: nothing to count, which is not zero
                for y in ys:
                    ax.text(0.05, y, chart_text(f"{p.id}: no baseline"), va="center", fontsize=7, color="#666666")
                ax.barh([], [], color=colours[p.id], label=chart_text(p.id))
                continue
            values = [int(v) for v in counts[(p.id, kind)]]
            bars = ax.barh(ys, values, height=bar * 0.92, color=colours[p.id], label=chart_text(p.id))
            ax.bar_label(bars, labels=[str(v) for v in values], padding=2, fontsize=7.5)
        ax.set_title(chart_text(KIND_HEADINGS[kind]), fontsize=9.5, loc="left", wrap=True)
        ax.set_xlim(0, top * 1.25)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
        ax.set_axisbelow(True)
    axes[0].set_yticks(range(len(DOMAIN_IDS)), [chart_text(domain_tick(d)) for d in DOMAIN_IDS], fontsize=8.5)
    axes[0].invert_yaxis()
    handles, labels = axes[0].get_legend_handles_labels()
    axes[len(axes) // 2].legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), borderaxespad=3.6,
                                ncols=min(n, 4), frameon=False, fontsize=8.5, handlelength=1.2)
    firsts = [p.id for p in profiles if p.mgi.get("baseline_year") is None]
    note = ("Counts of findings, not scores: a longer bar means the profile says more about a domain, not that "
            "it is better governed. The MGI does not rank countries.")
    if firsts:
        note += f" {', '.join(firsts)}: first profile, so no updates since a baseline."
    return charts.finish(fig, list(axes), title="Findings per MGI domain and kind, profile by profile",
                         profiles=profiles, xlabel="Findings", ylabel="MGI domain", note=note, xlabel_all=True)


def figure_over_editions_charts(sf: SharedFigure, profiles) -> list[tuple[str, Figure]]:
    """One chart per country whose editions state the indicator: one bar per figure, labelled with its
    qualifier, its date and its profile. Only where two or more editions of the country state it, in one unit,
    and at least two of the figures are dated; figures of different countries are never drawn on one axis."""
    out = []
    countries = list(dict.fromkeys(p.place_key for p, _ in sf.figures))
    for iso3 in countries:
        items = [(p, q) for p, q in sf.figures if p.place_key == iso3]
        if len({p.id for p, _ in items}) < 2 or len({q.unit for _, q in items}) != 1:
            continue
        if sum(1 for _, q in items if q.reference_date) < 2:
            continue
        name = f"compare_figure_{sf.indicator}" + (f"_{iso3.lower()}" if len(countries) > 1 else "")
        out.append((name, _editions_chart(sf, items, profiles)))
    return out


def _editions_chart(sf: SharedFigure, items, profiles) -> Figure:
    colours = profile_colours(profiles)
    fig, ax = charts.new_figure(height=3.6)
    xs = list(range(len(items)))
    values = [q.value for _, q in items]
    bars = ax.bar(xs, values, color=[colours[p.id] for p, _ in items], width=0.6)
    ax.bar_label(bars, labels=[chart_text(q.phrase()) for _, q in items], padding=3, fontsize=8.5)
    ax.set_xticks(xs, [chart_text(f"{q.date_label or 'no reference date'}\n({p.id})") for p, q in items], fontsize=8.5)
    ax.set_ylim(0, max(values) * 1.25 or 1)
    ax.yaxis.set_major_formatter(lambda v, _pos: format_number(v))
    ids = {p.id for p, _ in items}
    shown = [p for p in profiles if p.id in ids]
    note = "Each bar is a figure as one edition states it, at its own reference date (the date is under the bar)."
    if any(q.qualifier != "exact" for _, q in items):
        note += " Qualifiers (over, about, up to, estimated) belong to the figure: the bar shows the number printed."
    title = items[-1][1].label
    return charts.finish(fig, ax, title=f"{title}, edition by edition", profiles=shown,
                         xlabel="Reference date (profile)", ylabel=unit_label(items[0][1].unit).capitalize(),
                         note=note, xlabel_all=True)
