"""Charts of the overview: findings by kind and instruments by year (shared with the progress report, in
reports/common/shared_charts.py), and instruments by type.

The instrument charts colour each instrument by its timing against the baseline (after_baseline): since, before, or not stated —
an empty after_baseline is shown as 'not stated', never folded into 'before'.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from helpers.data.vocab import type_label
from helpers.reports.common import style as charts
from helpers.reports.common.shared_charts import (findings_by_kind_chart, instruments_by_year_chart,
                                                  timing_colours, timing_labels)
from helpers.reports.common.style import legend_below, stacked_barh
from helpers.reports.overview.analysis import instruments_by_type

# the overview's charts: two it shares with the progress report (reports/common/shared_charts.py), and its own
__all__ = ["findings_by_kind_chart", "instruments_by_year_chart", "instruments_by_type_chart"]

def instruments_by_type_chart(profile) -> Figure | None:
    """What kinds of instruments the profile cites, and which were adopted or amended since the baseline."""
    counts = instruments_by_type(profile.instruments)
    if counts.empty:
        return None
    fig, ax = charts.new_figure(height=max(3.0, 0.32 * len(counts) + 1.6))
    stacked_barh(ax, counts, timing_colours(profile), timing_labels(profile), [type_label(t) for t in counts.index])
    legend_below(ax, ncols=3)
    return charts.finish(fig, ax, title="Instruments cited, by type", profile=profile,
                         xlabel="Number of instruments", ylabel="Type of instrument")
