"""Charts of the profile's figures, built from the plans of statistics/analysis.py: then vs now, sets stated together, legal caps,
a figure against the SDG remittance-cost target, population figures side by side with their dates.

Every chart carries each figure's qualifier and reference date; bounds are drawn as bounds (hatched, with an
arrow), and figures of different dates are never merged into one number. Never sets a matplotlib backend.
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from helpers.reports.common import style as charts
from helpers.reports.common.escape import chart_text
from helpers.data.vocab import theme_label
from helpers.reports.common import figures as Q
from helpers.reports.common.dates import date_label
from helpers.reports.statistics import analysis as F

C_THEN = charts.OKABE_ITO[4]  # sky blue
C_NOW = charts.OKABE_ITO[0]  # blue
C_BAR = charts.OKABE_ITO[0]
C_CAP = charts.OKABE_ITO[5]  # vermillion
C_TARGET = charts.OKABE_ITO[2]  # bluish green
REST = "#E6E6E6"
HATCH = "//"


def wrap(text: str, width: int = 42) -> str:
    """Text in lines of at most width characters (escaped where it is drawn: chart_text, charts.finish)."""
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _count_axis(ax, axis: str = "y", top: float | None = None) -> None:
    """Readable count ticks: few of them, in millions when the numbers are that large."""
    a = ax.yaxis if axis == "y" else ax.xaxis
    a.set_major_locator(MaxNLocator(nbins=5, integer=True))
    if top is not None and top >= 1_000_000:
        a.set_major_formatter(FuncFormatter(lambda v, _: "0" if v == 0 else f"{v / 1e6:g} million"))
    else:
        a.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 1 or v == 0 else f"{v:g}"))
    ax.grid(axis=axis, color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)


def _sources(qs) -> str:
    orgs = list(dict.fromkeys(q.source_org for q in qs if q.source_org))
    return "Figures cited by the profile from: " + "; ".join(orgs) + "." if orgs else \
        "The profile cites no source organisation for these figures."


# --- then vs now --------------------------------------------------------------------------------------

def then_now_chart(profile, change: Q.Change) -> Figure:
    """The same indicator at two dates, with the change it implies; a lower-bound figure is hatched, with an
    arrow saying the true value is higher."""
    then, now = change.then, change.now
    fig, ax = charts.new_figure(height=4.6)
    xs = [0, 1]
    values = [then.value, now.value]
    colours = [C_THEN, C_NOW]
    bars = ax.bar(xs, values, width=0.5, color=colours, edgecolor="white")
    top = max(values)
    for bar, q in zip(bars, (then, now)):
        if q.is_lower_bound or q.is_upper_bound:
            bar.set_hatch(HATCH)
            bar.set_edgecolor("white")
        x = bar.get_x() + bar.get_width() / 2
        y = q.value
        if q.is_lower_bound:
            ax.annotate("", xy=(x, y + top * 0.13), xytext=(x, y), arrowprops={"arrowstyle": "-|>", "lw": 1.6,
                                                                            "color": "black"})
            y += top * 0.13
        label = q.phrase() + ("\n(lower bound)" if q.is_lower_bound else "\n(upper bound)" if q.is_upper_bound else "")
        ax.text(x, y + top * 0.02, chart_text(label), ha="center", va="bottom", fontsize=10,
                fontweight="bold")
    ax.set_xticks(xs, [chart_text(f"{then.date_label}\n{then.source_org or 'no source cited'}"),
                       chart_text(f"{now.date_label}\n{now.source_org or 'no source cited'}")])
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylim(0, top * 1.62)
    _count_axis(ax, "y", top)
    ax.text(0.5, 0.97, chart_text("Change: " + change.change_phrase()), transform=ax.transAxes, ha="center", va="top",
            fontsize=10.5, bbox={"boxstyle": "round,pad=0.4", "facecolor": "#F7F7F7", "edgecolor": "#BBBBBB"})
    notes = []
    if change.bound == "at_least":
        notes.append(f"The {now.date_label} figure is a lower bound (\"{now.phrase()}\"): the hatched bar and the "
                     "arrow mark it, and the change is a minimum (\"at least\").")
    elif change.bound == "at_most":
        notes.append("One figure is a bound (hatched): the change is a maximum (\"at most\").")
    if change.approximate:
        notes.append("Figures are estimates; the change is rounded to their precision.")
    if not change.same_source:
        notes.append("The two figures come from different sources.")
    notes.append(_sources((then, now)))
    return charts.finish(fig, ax, title=wrap(f"{now.label}: {then.date_label} vs {now.date_label}", 80),
                         profile=profile, xlabel="Reference date (and source cited)",
                         ylabel=Q.unit_label(now.unit).capitalize(), note=" ".join(notes))


# --- sets of figures stated together -------------------------------------------------------------------

def set_chart(profile, frame, theme: str) -> Figure:
    """Figures stated together in one unit at one date, as bars; parts of a whole also show their share."""
    qs = Q.quantities(frame)
    labels = [q.label for q in qs]
    suffix = F.common_suffix(labels)
    short = [lab[: len(lab) - len(suffix)].strip() if suffix else lab for lab in labels]
    total = F.set_total(frame)
    unit = Q.unit_label(qs[0].unit)
    when = date_label(qs[0].reference_date) or "no reference date"
    fig, ax = charts.new_figure(height=1.2 + 0.75 * len(qs))
    y = list(range(len(qs)))
    ax.barh(y, [q.value for q in qs], color=C_BAR, height=0.6)
    for yi, q in zip(y, qs):
        text = q.phrase()
        if total:
            text += f"  ({q.value / total * 100:.0f}% of {Q.format_number(total)})"
        ax.text(q.value, yi, chart_text("  " + text), va="center", ha="left", fontsize=9.5)
    ax.set_yticks(y, [chart_text(wrap(s, 40)) for s in short])
    ax.invert_yaxis()
    ax.set_xlim(0, max(q.value for q in qs) * 1.45)
    _count_axis(ax, "x")
    if suffix:
        title = f"{unit.capitalize()} {suffix}, by category"
    else:
        title = f"{theme_label(theme)}: {unit} by category"
    note = f"All figures as of {when}, stated together in one passage of the profile." \
        if qs[0].reference_date else "Figures stated together in one passage of the profile (no reference date)."
    if total:
        note += (f" Together: {Q.format_amount(total, qs[0].unit)} (a sum computed by this report; shares are of "
                 "that sum).")
    note += " " + _sources(qs)
    xlabel = unit.capitalize() + (f", as of {when}" if qs[0].reference_date else "")
    return charts.finish(fig, ax, title=wrap(title, 75), profile=profile, xlabel=xlabel, ylabel="Figure",
                         note=note)


def caps_chart(profile, frame, theme: str) -> Figure:
    """Legal maxima in per cent, each drawn against the whole (100 per cent)."""
    qs = Q.quantities(frame)
    fig, ax = charts.new_figure(height=1.5 + 0.8 * len(qs))
    y = list(range(len(qs)))
    ax.barh(y, [100] * len(qs), color=REST, height=0.6, label="The rest of the whole (100 per cent)")
    ax.barh(y, [q.value for q in qs], color=C_CAP, height=0.6, label="Most the rule allows")
    for yi, q in zip(y, qs):
        ax.text(q.value + 1.5, yi, chart_text(q.phrase()), va="center", ha="left", fontsize=10, fontweight="bold")
    ax.set_yticks(y, [chart_text(wrap(q.label, 40)) for q in qs])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=2, frameon=False, fontsize=8.5)
    when = date_label(qs[0].reference_date) or "no reference date given"
    note = (f"Each bar is a legal maximum as the profile states it ({when}); the coloured part is the most "
            "allowed. " + _sources(qs))
    return charts.finish(fig, ax, title=f"{theme_label(theme)}: legal maxima", profile=profile,
                         xlabel="Per cent of the whole", ylabel="Legal limit", note=note)


# --- a figure against the SDG target ------------------------------------------------------------------

def target_chart(profile, t: F.TargetComparison) -> Figure:
    """The remittance-cost figure against the SDG 10.c target of less than 3 per cent: the zone that meets the
    target is shaded, the part of the bar beyond the target is drawn in another colour."""
    q = t.figure
    fig, ax = charts.new_figure(height=3.6)
    hi = max(q.value, t.target) * 1.7
    bounded = q.is_lower_bound or q.is_upper_bound
    ax.axvspan(0, t.target, color=C_TARGET, alpha=0.12, lw=0)
    ax.text(t.target / 2, 0.62, f"Meets the target\n(below {Q.format_number(t.target)}%)", ha="center",
            va="center", fontsize=9, color="#00664A")
    ax.barh([0], [min(q.value, t.target)], color=C_BAR, height=0.5, hatch=HATCH if bounded else None,
            edgecolor="white", label="Cost up to the target level")
    if q.value > t.target:
        ax.barh([0], [q.value - t.target], left=[t.target], color=C_CAP, height=0.5,
                hatch=HATCH if bounded else None, edgecolor="white", label="Cost above the target level")
    ax.axvline(t.target, color=C_TARGET, linestyle="--", linewidth=2)
    ax.text(t.target, 0.95, f"  SDG 10.c target: less than {Q.format_number(t.target)}%", color="#00664A",
            ha="left", va="top", fontsize=9.5, fontweight="bold")
    ax.text(max(q.value, t.target), 0, chart_text(f"  {q.phrase()}\n  {t.phrase()}"), va="center",
            ha="left", fontsize=10, fontweight="bold")
    ax.set_yticks([0], [chart_text(wrap(f"{q.label} ({q.date_label})", 30))])
    ax.set_ylim(-0.5, 1.0)
    ax.set_xlim(0, hi)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}%"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncols=2, frameon=False, fontsize=8.5)
    note = (f"Figure: {q.phrase()} ({q.date_label}), source cited by the profile: {q.source_org or 'none'}. "
            f"Target: {F.SDG_10C_CITATION} The profile's figure may not be measured as SDG indicator 10.c.1 is, "
            f"and the target is set for {F.SDG_10C_YEAR}: an indication, not a monitoring result.")
    return charts.finish(fig, ax, title=wrap(f"{q.label}, against the SDG 10.c target", 75), profile=profile,
                         xlabel="Cost, per cent of the amount sent", ylabel="Figure", note=note)


# --- population figures side by side ------------------------------------------------------------------

def side_by_side_chart(profile, s: F.SideBySide) -> Figure:
    """Population counts next to each other, each with its own date and source; no share is computed."""
    qs = list(s.figures)
    fig, ax = charts.new_figure(height=1.6 + 0.85 * len(qs))
    y = list(range(len(qs)))
    colours = [charts.OKABE_ITO[i % 6] for i in range(len(qs))]
    ax.barh(y, [q.value for q in qs], color=colours, height=0.6)
    for yi, q in zip(y, qs):
        ax.text(q.value, yi, chart_text(f"  {q.phrase()}\n  as of {q.date_label}"), va="center", ha="left",
                fontsize=9.5)
    ax.set_yticks(y, [chart_text(wrap(q.label, 36) + f"\n{q.date_label} · {q.source_org or 'no source cited'}")
                      for q in qs])
    ax.invert_yaxis()
    ax.set_xlim(0, max(q.value for q in qs) * 1.5)
    _count_axis(ax, "x", max(q.value for q in qs))
    distinct = list(dict.fromkeys(q.date_label for q in qs))
    dates = "; ".join(distinct)
    if s.mixed_dates:
        title = f"Population figures side by side – reference dates differ ({' vs '.join(distinct)})"
        note = (f"The figures refer to different dates ({dates}) and are not combined: no share or ratio is "
                "computed from them.")
    else:
        title = "Population figures side by side"
        note = f"All figures as of {dates}."
    if s.mixed_sources:
        note += " They come from different sources (named under each label)."
    return charts.finish(fig, ax, title=title, profile=profile, xlabel="Persons", ylabel="Population", note=note)


# --- a theme's charts ---------------------------------------------------------------------------------

def theme_charts(profile, theme: str) -> list[tuple[str, Figure]]:
    """(name, chart) for each plan of the theme; empty when the theme has no two comparable figures."""
    out = []
    for p in F.theme_plan(profile.statistics, theme):
        if p.kind == "then_now":
            out.append((p.name, then_now_chart(profile, p.change)))
        elif p.kind == "set":
            out.append((p.name, set_chart(profile, p.frame, theme)))
        elif p.kind == "caps":
            out.append((p.name, caps_chart(profile, p.frame, theme)))
        elif p.kind == "target":
            out.append((p.name, target_chart(profile, p.target)))
    return out

