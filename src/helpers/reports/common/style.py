"""The chart style every report shares, in one module: the Okabe–Ito colour-blind-safe palette, a title naming
the profile, labelled axes, a source line, domain tick labels, labelled bars, the key, showing and saving.

Every helper here that draws text escapes it with escape.chart_text (a '$' in the data must not start
mathematics), so callers pass plain text. Never sets a matplotlib backend.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from helpers.data.domains import BY_ID
from helpers.paths import check_plain_name
from helpers.reports.common.escape import chart_text

# Okabe & Ito (2008), safe for the common forms of colour blindness
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
GREY = "#8C8C8C"
_DARK = {OKABE_ITO[0], OKABE_ITO[2], OKABE_ITO[3], OKABE_ITO[5], OKABE_ITO[7]}  # take white labels

KIND_COLOURS = {
    "update_since_baseline": OKABE_ITO[0],
    "well_developed": OKABE_ITO[2],
    "further_development": OKABE_ITO[1],
}

REPORT_WIDTH = 9.0  # inches: readable at report and policy-brief width


# --- a figure: size, title, axes, source line ------------------------------------------------------------

def new_figure(height: float = 4.5, width: float = REPORT_WIDTH, **kwargs) -> tuple[Figure, object]:
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained", **kwargs)
    return fig, ax


def finish(fig: Figure, ax, *, title: str, profile=None, xlabel: str, ylabel: str, note: str | None = None,
           profiles=None, xlabel_all: bool = False) -> Figure:
    """Title naming the profile (or every profile compared), labelled axes, and the source line(s) under the
    chart. With several profiles, each source line starts with the profile's id."""
    axes = list(ax) if isinstance(ax, (list, tuple)) else [ax]
    if profiles is None:
        names = f"{profile.short_name} – MGI {profile.mgi['edition']}"
        sources = [profile.source_line]
    else:
        names = textwrap.fill(" · ".join(f"{p.id}: {p.short_name} – MGI {p.mgi['edition']}" for p in profiles),
                              width=92)
        sources = [f"{p.id} – {p.source_line}" for p in profiles]
    fig.suptitle(chart_text(f"{title}\n{names}"), fontsize=12, fontweight="bold", x=0.01, ha="left")
    for a in axes:
        a.spines[["top", "right"]].set_visible(False)
    for a in (axes if xlabel_all else axes[:1]):
        a.set_xlabel(chart_text(xlabel))
    axes[0].set_ylabel(chart_text(ylabel))
    lines = ([note] if note else []) + sources
    fig.text(0.01, -0.01, chart_text("\n".join(lines)), ha="left", va="top", fontsize=7.5, color="#444444",
             wrap=True)
    return fig


def save_png(fig: Figure, output_dir: str | Path | None, name: str) -> Path | None:
    """Write the chart as PNG (and SVG) when the notebook was given an output folder; the name must be plain."""
    if not output_dir:
        return None
    check_plain_name(name, "Chart name")
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    fig.savefig(path, dpi=150, bbox_inches="tight")
    fig.savefig(out / f"{name}.svg", bbox_inches="tight")  # the vector copy a report links, for print and briefs
    return path


@dataclass(frozen=True)
class Nothing:
    """What a chart function returns instead of a figure when nothing it would draw is recorded: bars of zero
    would say 'none' where the profile says nothing (empty is not zero). show() prints the sentence instead."""

    text: str


def show(fig: Figure | Nothing, output_dir: str, name: str) -> None:
    """Show the chart in the notebook, save it as PNG when output_dir is set, then free it; for Nothing, say in
    words that nothing is recorded (no chart file is written).

    Returns nothing, so that the last line of a notebook cell does not print a file path into the report.
    """
    from IPython.display import Image, Markdown, display

    if isinstance(fig, Nothing):
        from helpers.reports.common.escape import esc

        display(Markdown(f"*{esc(fig.text)}*"))
        return
    if output_dir:
        # render once: the PNG written to disk is also the one shown (and embedded in the HTML report)
        path = save_png(fig, output_dir, name)
        display(Image(data=path.read_bytes(), format="png", width=int(fig.get_figwidth() * 96),
                      metadata={"alt": name.replace("_", " ")}))
    else:
        display(fig)
    plt.close(fig)


# --- pieces of a chart ----------------------------------------------------------------------------------

def domain_tick(domain_id: str) -> str:
    """'1. Migrants' rights': the number keeps the MGI order visible on every axis."""
    d = BY_ID[domain_id]
    return f"{d.number}. {d.label}"


def stacked_barh(ax, counts: pd.DataFrame, colours: dict[str, str], labels: dict[str, str],
                 ticks: list[str]) -> None:
    """Horizontal stacked bars, first row at the top, each segment labelled with its count."""
    y = list(range(len(counts)))
    left = [0] * len(counts)
    for col in counts.columns:
        values = [int(v) for v in counts[col]]
        if not any(values):
            continue
        colour = colours[col]
        bars = ax.barh(y, values, left=left, color=colour, label=chart_text(labels[col]), edgecolor="white",
                       linewidth=0.8)
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center", fontsize=8.5,
                     color="white" if colour in _DARK else "black")
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(y, [chart_text(t) for t in ticks])
    ax.invert_yaxis()
    ax.set_xlim(0, max(max(left, default=0), 1) * 1.04)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)


def count_barh(ax, counts, ticks: list[str], colours, fontsize: float = 10, bold: bool = False) -> None:
    """Horizontal bars of whole counts, each labelled with its number, first item on top."""
    y = list(range(len(counts)))
    bars = ax.barh(y, [int(v) for v in counts], color=colours, height=0.6)
    ax.bar_label(bars, labels=[f" {int(v)}" for v in counts], fontsize=fontsize,
                 fontweight="bold" if bold else "normal")
    ax.set_yticks(y, [chart_text(t) for t in ticks])
    ax.invert_yaxis()
    ax.set_xlim(0, max(int(max(counts, default=0)), 1) * 1.15)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)


def legend_below(ax, ncols: int = 3, handles=None, fontsize: float = 8.5) -> None:
    """The key under the x-axis label, centred on the bars, so it never hides a bar nor sits on the labels.

    Call it after the axis label is set (style.finish sets it; a chart may set it first). The gap is measured:
    the distance from the axes to the bottom of the tick labels and the axis label, in points, which does not
    change when the layout resizes the axes (a fixed gap let a two-line date axis run into the key).
    """
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    else:
        labels = [h.get_label() for h in handles]
    if not handles:
        return
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    axes_bottom = ax.get_window_extent(renderer).y0
    axis = ax.xaxis.get_tightbbox(renderer)  # the tick labels and the axis label, ticks placed
    depth_pt = max(axes_bottom - axis.y0, 0) * 72 / fig.dpi if axis is not None else 0
    if not ax.xaxis.label.get_text():  # set later by finish(): room for one line of it
        depth_pt += plt.rcParams["axes.labelsize"] * 1.3 if isinstance(plt.rcParams["axes.labelsize"], (int, float)) \
            else plt.rcParams["font.size"] * 1.3 + ax.xaxis.labelpad
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), borderaxespad=depth_pt / fontsize + 0.8,
              ncols=ncols, frameon=False, fontsize=fontsize, handlelength=1.2, columnspacing=1.4)
