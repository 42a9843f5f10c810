"""Charts of the corpus report, drawn with the shared style (reports/common/style.py): a title naming the
profiles, labelled axes, a source line, the Okabe–Ito palette (and a single-hue blue scale for the heat map,
readable in every common form of colour blindness). Counts only, profiles in a stable order: never a ranking.
Never sets a matplotlib backend."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from helpers.data.corpus import Corpus
from helpers.data.domains import BY_ID, DOMAIN_IDS
from helpers.data.schema import FINDING_KINDS
from helpers.data.vocab import KIND_HEADINGS, area_label, type_label
from helpers.reports.common import style
from helpers.reports.common.escape import chart_text
from helpers.reports.corpus import analysis

ANNOTATED = 60  # up to this many profiles, every cell of the heat map is labelled with its count
NAMED = 8  # up to this many profiles, a title names each one; beyond, it names the first and last and the count
HEAT = LinearSegmentedColormap.from_list("mgi_blues", ["#FFFFFF", "#9CC3E0", style.OKABE_ITO[0], "#003B5C"])
NA_COLOUR = "#E0E0E0"
COVERAGE_COLOURS = {"covered": style.OKABE_ITO[2], "not_covered": style.OKABE_ITO[5], "not_stated": style.GREY}
COVERAGE_LABELS = {"covered": "Covers migrants regardless of status", "not_covered": "Limited by status or documents",
                   "not_stated": "The profile does not say"}


def profile_label(corpus: Corpus, pid: str) -> str:
    row = corpus.profiles.set_index("profile_id").loc[pid]
    place = row["locality"] if isinstance(row["locality"], str) and row["locality"] else row["country_short"]
    return f"{pid} {place}"


def names(corpus: Corpus) -> str:
    """The profiles a chart shows, for its title."""
    ids = analysis.order(corpus)
    rows = corpus.profiles.set_index("profile_id")
    if len(ids) <= NAMED:
        text = " · ".join(f"{p}: {rows.loc[p, 'country_short']} – MGI {rows.loc[p, 'edition']}" for p in ids)
    else:
        text = (f"{len(ids)} profiles, {ids[0]} to {ids[-1]} by country name (each listed in the table "
                "'What each profile is')")
    return textwrap.fill(text, width=100)


def source_line(corpus: Corpus) -> str:
    """The attribution under every chart: each profile's citation when few, else where to find them."""
    if len(corpus) <= NAMED:
        by_id = {p.id: p for p in corpus.members}
        return "\n".join(f"{pid} – {by_id[pid].source_line}" for pid in analysis.order(corpus))
    versions = sorted({str(v) for v in corpus.profiles["data_version"]})
    return textwrap.fill(f"Sources: the {len(corpus)} MGI profiles listed in 'What each profile is', each cited "
                         f"there. Extracts: mgi-profiles, data v{', v'.join(versions)}.", width=140)


def _finish(fig: Figure, axes, corpus: Corpus, *, title: str, xlabel: str, ylabel: str, note: str = "") -> Figure:
    fig.suptitle(chart_text(f"{title}\n{names(corpus)}"), fontsize=12, fontweight="bold", x=0.01, ha="left")
    axes = list(axes) if isinstance(axes, (list, tuple, np.ndarray)) else [axes]
    for a in axes:
        a.spines[["top", "right"]].set_visible(False)
        a.set_xlabel(chart_text(xlabel))
    axes[0].set_ylabel(chart_text(ylabel))
    lines = ([textwrap.fill(note, width=140)] if note else []) + [source_line(corpus)]
    fig.text(0.01, -0.01, chart_text("\n".join(lines)), ha="left", va="top", fontsize=7.5, color="#444444")
    return fig


def findings_heatmap(corpus: Corpus) -> Figure:
    """Per profile (rows, by country name) and domain (columns, MGI order), the count of findings of each kind,
    one panel per kind. A first profile's updates since a baseline are 'n/a' (grey), not zero."""
    counts = analysis.finding_counts(corpus)
    ids = analysis.order(corpus)
    n = len(ids)
    height = max(3.8, 2.2 + 0.24 * n)
    fig, axes = plt.subplots(1, len(FINDING_KINDS), figsize=(style.REPORT_WIDTH, height), sharey=True,
                             layout="constrained")
    top = max([int(np.nanmax(c.to_numpy(dtype=float, na_value=np.nan))) for c in counts.values()
               if c.notna().to_numpy().any()] + [1])
    cmap = HEAT.copy()
    cmap.set_bad(NA_COLOUR)
    image = None
    for ax, kind in zip(axes, FINDING_KINDS):
        values = counts[kind].to_numpy(dtype=float, na_value=np.nan)
        image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0, vmax=top, aspect="auto",
                          interpolation="nearest")
        # each cell says its count up to ANNOTATED profiles (text layout is most of a chart's time: 3,600
        # labels for 200 profiles take over a minute); beyond, the table under the chart gives every count
        for i in range(n if n <= ANNOTATED else 0):
            for j in range(len(DOMAIN_IDS)):
                v = values[i, j]
                text = "n/a" if np.isnan(v) else str(int(v))
                ax.text(j, i, text, ha="center", va="center", fontsize=7 if n <= 30 else 6,
                        color="white" if not np.isnan(v) and v > top * 0.55 else "#222222")
        ax.set_xticks(range(len(DOMAIN_IDS)), [str(BY_ID[d].number) for d in DOMAIN_IDS], fontsize=8.5)
        ax.set_title(chart_text(KIND_HEADINGS[kind]), fontsize=9, loc="left", wrap=True)
    axes[0].set_yticks(range(n), [chart_text(profile_label(corpus, p)) for p in ids],
                       fontsize=8 if n <= 30 else 6.5)
    bar = fig.colorbar(image, ax=list(axes), shrink=min(1.0, 6 / max(height, 1)), pad=0.01)
    bar.set_label(chart_text("Findings"), fontsize=8.5)
    bar.locator = plt.MaxNLocator(integer=True)
    bar.update_ticks()
    key = "; ".join(f"{BY_ID[d].number}. {BY_ID[d].label}" for d in DOMAIN_IDS)
    note = (f"Domains: {key}. Counts of findings, not scores: a darker cell means the profile says more about a "
            "domain, not that it is better governed. Grey ('n/a'): a first profile has no baseline, so no updates "
            "since one." + ("" if n <= ANNOTATED else " Every count is in the table under this chart."))
    return _finish(fig, axes, corpus, title="Findings per profile, MGI domain and kind", xlabel="MGI domain",
                   ylabel="Profile (by country name)", note=note)


def instruments_by_type_chart(corpus: Corpus) -> Figure:
    """Instruments named, per type (the schema's order), across every profile."""
    by_type = analysis.instruments_by_type(corpus)
    fig, ax = style.new_figure(height=max(3.0, 1.6 + 0.28 * len(by_type)))
    ticks = [f"{type_label(t)} ({p} profile{'s' if p != 1 else ''})" for t, p in zip(by_type["type"],
                                                                                    by_type["profiles"])]
    style.count_barh(ax, list(by_type["instruments"]), ticks, style.OKABE_ITO[0], fontsize=8.5)
    return _finish(fig, ax, corpus, title="Instruments the profiles name, by type", xlabel="Instruments named",
                   ylabel="Type of instrument (profiles naming one)",
                   note="Each profile's instruments are counted once each; one law named by two profiles counts "
                        "twice. Types in the order of the codebook, not by number.")


def instruments_by_year_chart(corpus: Corpus) -> Figure:
    """Instruments named, per year the profiles give for them."""
    by_year, undated = analysis.instruments_by_year(corpus)
    fig, ax = style.new_figure(height=3.8)
    if len(by_year):
        bars = ax.bar(by_year["year"], by_year["instruments"], color=style.OKABE_ITO[0], width=0.8)
        if len(by_year) <= 40:
            ax.bar_label(bars, labels=[str(int(v)) for v in by_year["instruments"]], fontsize=7, padding=1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)
    note = f"{undated} instrument(s) have no year in their profile and are not shown (empty is not zero)."
    return _finish(fig, ax, corpus, title="Instruments the profiles name, by year", xlabel="Year the profile gives",
                   ylabel="Instruments named", note=note)


def covid_chart(corpus: Corpus) -> Figure:
    """COVID-19 responses per area, by whether they cover migrants regardless of status."""
    by_area = analysis.covid_by_area(corpus)
    fig, ax = style.new_figure(height=max(3.0, 1.8 + 0.36 * len(by_area)))
    ticks = [f"{area_label(a)} ({p} profile{'s' if p != 1 else ''})" for a, p in zip(by_area["area"],
                                                                                    by_area["profiles"])]
    style.stacked_barh(ax, by_area[list(analysis.COVERAGE)], COVERAGE_COLOURS, COVERAGE_LABELS, ticks)
    style.legend_below(ax, ncols=3)
    have = analysis.covid_profiles(corpus)
    note = (f"{len(have['with'])} profile(s) with a COVID-19 annex; {len(have['absent'])} without one "
            "(their responses are not counted as none). Coverage follows the written rule of the codebook.")
    return _finish(fig, ax, corpus, title="COVID-19 responses by area and coverage of migrants",
                   xlabel="COVID-19 responses", ylabel="Area (profiles stating one)", note=note)
