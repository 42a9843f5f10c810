"""The house style every chart shares: a title naming the profile, labelled axes, a source line,
and the Okabe–Ito colour-blind-safe palette. Never sets a matplotlib backend."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from helpers.paths import check_plain_name

# Okabe & Ito (2008), safe for the common forms of colour blindness
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
GREY = "#8C8C8C"

KIND_COLOURS = {
    "update_since_baseline": OKABE_ITO[0],
    "well_developed": OKABE_ITO[2],
    "further_development": OKABE_ITO[1],
}
KIND_LABELS = {
    "update_since_baseline": "Update since baseline",
    "well_developed": "Well-developed area",
    "further_development": "Potential for further development",
}

REPORT_WIDTH = 9.0  # inches: readable at report and policy-brief width


def new_figure(height: float = 4.5, width: float = REPORT_WIDTH, **kwargs) -> tuple[Figure, object]:
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained", **kwargs)
    return fig, ax


def finish(fig: Figure, ax, *, title: str, profile, xlabel: str, ylabel: str, note: str | None = None) -> Figure:
    """Title that names the profile, labelled axes, and the source line under the chart."""
    axes = ax if isinstance(ax, (list, tuple)) else [ax]
    fig.suptitle(f"{title}\n{profile.mgi['country_short'] if 'country_short' in profile.mgi else profile.mgi['country']}"
                 f" – MGI {profile.mgi['edition']}", fontsize=12, fontweight="bold", x=0.01, ha="left")
    for a in axes:
        a.spines[["top", "right"]].set_visible(False)
    axes[0].set_xlabel(xlabel)
    axes[0].set_ylabel(ylabel)
    lines = [profile.source_line]
    if note:
        lines.insert(0, note)
    fig.text(0.01, -0.01, "\n".join(lines), ha="left", va="top", fontsize=7.5, color="#444444", wrap=True)
    return fig


def save_png(fig: Figure, output_dir: str | Path | None, name: str) -> Path | None:
    """Write the chart as PNG when the notebook was given an output folder; the name must be a plain name."""
    if not output_dir:
        return None
    check_plain_name(name, "Chart name")
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    fig.savefig(path, dpi=150, bbox_inches="tight")
    return path
