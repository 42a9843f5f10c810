"""Pieces every report chart shares: domain tick labels, labelled stacked bars, the key, showing and saving.

Never sets a matplotlib backend.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from helpers.reports.common import style as charts
from helpers.data.domains import BY_ID

_DARK = {charts.OKABE_ITO[0], charts.OKABE_ITO[2], charts.OKABE_ITO[3], charts.OKABE_ITO[5], charts.OKABE_ITO[7]}


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
        bars = ax.barh(y, values, left=left, color=colour, label=labels[col], edgecolor="white", linewidth=0.8)
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center", fontsize=8.5,
                     color="white" if colour in _DARK else "black")
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(y, ticks)
    ax.invert_yaxis()
    ax.set_xlim(0, max(max(left, default=0), 1) * 1.04)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)


def legend_below(ax, ncols: int = 3) -> None:
    """The key under the x-axis label, centred on the bars, so it never hides a bar."""
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        # borderaxespad (in font sizes) clears the tick labels and the axis label whatever the axes' height
        ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), borderaxespad=4.3, ncols=ncols,
                  frameon=False, fontsize=8.5, handlelength=1.2, columnspacing=1.4)


def show(fig: Figure, output_dir: str, name: str) -> None:
    """Show the chart in the notebook, save it as PNG when output_dir is set, then free it.

    Returns nothing, so that the last line of a notebook cell does not print a file path into the report.
    """
    from IPython.display import Image, display

    if output_dir:
        # render once: the PNG written to disk is also the one shown (and embedded in the HTML report)
        path = charts.save_png(fig, output_dir, name)
        display(Image(data=path.read_bytes(), format="png", width=int(fig.get_figwidth() * 96),
                      metadata={"alt": name.replace("_", " ")}))
    else:
        display(fig)
    plt.close(fig)


def count_barh(ax, counts, ticks: list[str], colours, fontsize: float = 10, bold: bool = False) -> None:
    """Horizontal bars of whole counts, each labelled with its number, first item on top."""
    y = list(range(len(counts)))
    bars = ax.barh(y, [int(v) for v in counts], color=colours, height=0.6)
    ax.bar_label(bars, labels=[f" {int(v)}" for v in counts], fontsize=fontsize,
                 fontweight="bold" if bold else "normal")
    ax.set_yticks(y, ticks)
    ax.invert_yaxis()
    ax.set_xlim(0, max(int(max(counts, default=0)), 1) * 1.15)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)
