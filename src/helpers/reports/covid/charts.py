"""Charts of the COVID-19 responses: by area, coverage regardless of status, a timeline with instruments,
and the domains the responses touch. Each returns None when the profile has no responses table, so a notebook
never draws an empty chart. Never sets a matplotlib backend."""

from __future__ import annotations

import datetime
import textwrap

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter

from helpers.data.domains import DOMAIN_IDS
from helpers.data.vocab import area_label
from helpers.reports.common import style as charts
from helpers.reports.common.dates import PartialDate
from helpers.reports.common.escape import chart_text
from helpers.reports.common.style import count_barh, domain_tick, legend_below, stacked_barh
from helpers.data.wordrules import COVERAGE_RULE as RULE
from helpers.reports.covid import analysis as C

COVERAGE_COLOURS = {"covered": charts.OKABE_ITO[2], "limited": charts.OKABE_ITO[5], "not_stated": charts.GREY}
C_START = charts.OKABE_ITO[0]
C_FINISHED = charts.OKABE_ITO[5]


def _frame(profile):
    return profile.covid_responses if profile.has("covid_responses") else None


def area_chart(profile) -> Figure | None:
    """How many responses per area, each bar split by whether migrants are covered regardless of status."""
    frame = _frame(profile)
    if frame is None:
        return None
    counts = C.by_area(frame)
    fig, ax = charts.new_figure(height=1.6 + 0.42 * len(counts))
    stacked_barh(ax, counts, COVERAGE_COLOURS, C.COVERAGE_LABELS, [area_label(a) for a in counts.index])
    legend_below(ax, ncols=3)
    missing = C.areas_without_response(frame)
    note = f"{len(frame)} responses. Colour: whether the profile says the measure covers migrants regardless of " \
        "their status ('not stated' is not 'no')."
    if missing:
        note += " No response reported in: " + ", ".join(area_label(a) for a in missing) + "."
    shared = C.shared_instruments(frame)
    if shared:
        note += (" Bars count rows of the table; some rows cite the same instrument (" +
                 "; ".join(f"{i}: {', '.join(ids)}" for i, ids in shared.items()) + ").")
    return charts.finish(fig, ax, title="COVID-19 responses by area", profile=profile,
                         xlabel="Number of responses", ylabel="Area of the response", note=note)


def coverage_chart(profile) -> Figure | None:
    """Covered regardless of status / limited / not stated: three categories, 'not stated' never folded into 'no'."""
    frame = _frame(profile)
    if frame is None:
        return None
    counts = C.coverage_counts(frame)
    fig, ax = charts.new_figure(height=3.0)
    count_barh(ax, list(counts), [C.COVERAGE_LABELS[k] for k in counts.index],
               [COVERAGE_COLOURS[k] for k in counts.index], bold=True)
    ex_true = ", ".join(f"'{p}'" for p in RULE.examples("true"))
    ex_false = ", ".join(f"'{p}'" for p in RULE.examples("false"))
    weak = RULE.weak_phrases()[0]
    note = (f"'Covered' only where the quote says status or documents do not matter (e.g. {ex_true}; "
            f"'{weak}' is not enough); 'limited' where its words restrict coverage (e.g. {ex_false}); "
            "'not stated' where the profile does not say — which is not the same as 'no'.")
    return charts.finish(fig, ax, title="Do the COVID-19 responses cover migrants regardless of status?",
                         profile=profile, xlabel="Number of responses", ylabel="Coverage", note=note)


def domain_chart(profile) -> Figure | charts.Nothing | None:
    """Responses touching each MGI domain (a response may touch several)."""
    frame = _frame(profile)
    if frame is None:
        return None
    counts = C.by_domain(frame)
    if not int(counts.sum()):
        return charts.Nothing(f"No MGI domain is recorded for any of the {len(frame)} COVID-19 responses: there "
                              "is nothing to count per domain (which is not the same as none).")
    fig, ax = charts.new_figure(height=3.6)
    count_barh(ax, list(counts), [domain_tick(d) for d in DOMAIN_IDS], charts.OKABE_ITO[0], fontsize=9.5)
    note = (f"{len(frame)} responses; a response may touch several domains, so the bars add up to "
            f"{int(counts.sum())}. Domains are the editors' reading of each measure, recorded in the data.")
    return charts.finish(fig, ax, title="MGI domains the COVID-19 responses touch", profile=profile,
                         xlabel="Number of responses", ylabel="MGI domain", note=note)


def _when(ax, y, d: PartialDate, colour, *, end: bool = False) -> None:
    """A partial date drawn as what it is: a mark for a day, a bracketed span ('sometime in') for a month or year."""
    if d.precision == "day":
        ax.plot([d.start], [y], marker="X" if end else "D", markersize=10 if end else 7, color=colour, zorder=4,
                linestyle="")
        return
    ax.barh([y], [d.end - d.start], left=[d.start], height=0.42, color=colour, alpha=0.08 if end else 0.16,
            linewidth=0, zorder=1)
    ax.plot([d.start, d.end], [y, y], color=colour, linewidth=1.6, marker="|", markersize=14,
            markeredgewidth=1.8, zorder=3, linestyle=":" if end else "-")


def timeline_chart(profile) -> Figure | None:
    """Dated measures on a time axis with their instruments; repealed, annulled and ended measures drawn in
    another colour up to their end date. Undated responses are named in the note, not placed."""
    frame = _frame(profile)
    if frame is None:
        return None
    items = C.timeline(frame)
    if not items:
        return None
    lo, hi = C.time_span(items)
    fig, ax = charts.new_figure(height=1.8 + 0.62 * len(items))
    for y, it in enumerate(items):
        colour = C_FINISHED if it.finished else C_START
        _when(ax, y, it.start, colour)
        start_text = f"started {'on' if it.start.precision == 'day' else 'in'} {it.start.label}"
        ax.annotate(start_text, (it.start.start, y), xytext=(0, 7), textcoords="offset points", ha="left",
                    va="bottom", fontsize=7.5, color="#555555")
        if it.end is not None:
            run_from = it.start.end if it.start.precision != "day" else it.start.start
            run_to = it.end.start
            if run_to > run_from:  # certainly in force between the latest start and the earliest end
                ax.plot([run_from, run_to], [y, y], color=colour, linewidth=4, solid_capstyle="butt", zorder=2)
            _when(ax, y, it.end, colour, end=True)
        label = it.end_phrase()
        if label:
            x = it.end.end if it.end is not None else it.start.end
            ax.annotate(chart_text(label), (x, y), xytext=(9, 0), textcoords="offset points", va="center", ha="left",
                        fontsize=8.5, color=colour, fontweight="bold")
    ticks = []
    for it in items:
        inst = ", ".join(it.instruments) if it.instruments else "no instrument named"
        ticks.append(chart_text(f"{it.response_id} · {area_label(it.area)}") + "\n"
                     + "\n".join(textwrap.wrap(chart_text(inst), 44)))
    ax.set_yticks(range(len(items)), ticks, fontsize=8.5)
    ax.set_ylim(len(items) - 0.4, -0.75)
    ax.set_xlim(lo - pd.Timedelta(days=20), hi + (hi - lo) * 0.24)
    quarters = pd.date_range(lo, hi, freq="QS")
    ax.xaxis.set_major_locator(FixedLocator(mdates.date2num(quarters.to_pydatetime())))
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda v, _: (lambda d: f"{d:%b}\n{d:%Y}" if d.month == 1 else f"{d:%b}")(mdates.num2date(v))))
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)
    for year in range(lo.year, hi.year + 1):
        ax.axvline(mdates.date2num(datetime.date(year, 1, 1)), color="#BBBBBB", linewidth=0.8)
    handles = [
        Patch(facecolor=C_START, label="In force, or status not stated"),
        Patch(facecolor=C_FINISHED, label="Repealed, annulled or ended"),
        Line2D([], [], color="#444444", linewidth=4, label="Certainly in force (from start to end)"),
        Line2D([], [], marker="D", color="#444444", linestyle="", label="Start, exact day"),
        Line2D([], [], marker="|", color="#444444", markersize=12, markeredgewidth=1.8, linewidth=1.6,
               label="Start known only to the month or year"),
        Line2D([], [], marker="X", color="#444444", linestyle="", markersize=9, label="End, exact day"),
        Line2D([], [], marker="|", color="#444444", markersize=12, markeredgewidth=1.8, linewidth=1.6,
               linestyle=":", label="End known only to the month or year"),
    ]
    # the key under the two-line date ticks and the axis label, at a measured distance (legend_below)
    legend_below(ax, ncols=2, handles=handles, fontsize=8)
    missing = C.undated(frame)
    note = ("Measures without an end are drawn at their start only: the profile does not say how long they "
            "lasted.")
    if not missing.empty:
        note += " Not on the timeline (the profile gives no date): " + ", ".join(missing["response_id"]) + "."
    return charts.finish(fig, ax, title=f"COVID-19 measures over time, {lo.year}–{hi.year - 1}", profile=profile,
                         xlabel="Date (as precise as the profile gives it)", ylabel="Response and the instruments that enact it", note=note)
