"""The profile's figures (statistics.csv) as a reader needs them, and the few comparisons that are honest.

A figure keeps its qualifier ("over 50"), its reference date and the organisation the profile cites. Three
comparisons are made, and only these: one indicator at two reference dates (then vs now), figures stated
together at one date in one unit (a set), and a figure against a fixed international target. Anything that
would combine figures of different reference dates into one number (a share, a growth of two different
things) is refused with MixedDates, or made only on request and flagged as mixing dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers.data.schema import STAT_THEMES
from helpers.reports.common.dates import date_key
from helpers.reports.common.figures import (APPROXIMATE, LOWER_BOUND, UPPER_BOUND, Change, MixedDates,
                                            NotComparable, Quantity, change_between, format_number, quantities)

# Counts that can be added up when stated together, exactly, at one date (members of one body, say)
COUNT_UNITS = ("persons", "countries", "agreements", "entities")

# The SDG framework's remittance-cost target: a constant of the 2030 Agenda, not a figure of any profile.
SDG_10C_TARGET_PERCENT = 3.0
SDG_10C_CITATION = (
    "SDG target 10.c: reduce to less than 3 per cent the transaction costs of migrant remittances "
    "(and eliminate remittance corridors with costs higher than 5 per cent) by 2030. United Nations General "
    "Assembly, Transforming our world: the 2030 Agenda for Sustainable Development, A/RES/70/1 (2015).")
SDG_10C_INDICATOR = "SDG indicator 10.c.1 measures remittance costs as a proportion of the amount remitted."
SDG_10C_YEAR = 2030

# --- grouping -----------------------------------------------------------------------------------------

def themes(stats: pd.DataFrame) -> list[str]:
    """Themes the profile has figures for, in the schema's order."""
    present = set(stats["theme"].dropna())
    return [t for t in STAT_THEMES if t in present]


def theme_figures(stats: pd.DataFrame, theme: str) -> pd.DataFrame:
    """The theme's figures, in the order the profile states them."""
    return stats.loc[stats["theme"] == theme].reset_index(drop=True)


def overview(stats: pd.DataFrame) -> dict:
    """How many figures, themes, dated figures, figures citing an organisation, bounded figures."""
    return {
        "figures": len(stats),
        "themes": len(themes(stats)),
        "dated": int(stats["reference_date"].notna().sum()),
        "undated": int(stats["reference_date"].isna().sum()),
        "cited": int(stats["source_org"].notna().sum()),
        "bounds": int(stats["qualifier"].isin(LOWER_BOUND + UPPER_BOUND).sum()),
        "approximate": int(stats["qualifier"].isin(APPROXIMATE).sum()),
    }


def then_now_pairs(stats: pd.DataFrame) -> list[Change]:
    """Every indicator stated at two or more reference dates: the earliest against the latest."""
    out = []
    dated = stats.loc[stats["reference_date"].notna()]
    for indicator in dict.fromkeys(dated["indicator"]):
        qs = sorted(quantities(dated.loc[dated["indicator"] == indicator]),
                    key=lambda q: date_key(q.reference_date))
        if len({q.reference_date for q in qs}) >= 2:
            try:
                out.append(change_between(qs[0], qs[-1]))
            except NotComparable:
                continue
    return out


def series_ids(stats: pd.DataFrame) -> set[str]:
    """Figures that belong to a then-vs-now pair."""
    return {q.statistic_id for c in then_now_pairs(stats) for q in (c.then, c.now)}


# --- shares: only at one reference date ---------------------------------------------------------------

@dataclass(frozen=True)
class Share:
    part: Quantity
    whole: Quantity
    percent: float
    mixed_dates: bool

    def caveat(self) -> str:
        if not self.mixed_dates:
            return ""
        return (f"mixes reference dates: {self.part.statistic_id} is as of {self.part.date_label}, "
                f"{self.whole.statistic_id} as of {self.whole.date_label}")


def share_of(part: Quantity, whole: Quantity, *, allow_mixed_dates: bool = False) -> Share:
    """part / whole in per cent; refuses figures of different (or unknown) reference dates unless asked,
    and then flags the result as mixing dates."""
    if part.unit != whole.unit:
        raise NotComparable(f"{part.statistic_id} is in {part.unit} and {whole.statistic_id} in {whole.unit}")
    if whole.value == 0:
        raise NotComparable(f"{whole.statistic_id} is zero")
    same = part.reference_date is not None and part.reference_date == whole.reference_date
    if not same and not allow_mixed_dates:
        raise MixedDates(f"{part.statistic_id} ({part.date_label}) and {whole.statistic_id} ({whole.date_label}) "
                         "refer to different dates: a share of one in the other would mix them")
    return Share(part, whole, part.value / whole.value * 100, mixed_dates=not same)


# --- sets: figures stated together, one unit, one date -------------------------------------------------

def comparable_sets(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """Groups of two or more figures with the same unit and the same reference date (undated figures only
    when the profile states them in the same passage), excluding figures of a then-vs-now pair."""
    series = series_ids(frame)
    rest = frame.loc[~frame["statistic_id"].isin(series) & (frame["qualifier"] != "target")]
    keys = [(r["unit"], r["reference_date"] if not pd.isna(r["reference_date"]) else "undated:" + r["evidence"])
            for _, r in rest.iterrows()]
    out = []
    for key in dict.fromkeys(keys):
        idx = [i for i, k in zip(rest.index, keys) if k == key]
        if len(idx) >= 2:
            out.append(rest.loc[idx].reset_index(drop=True))
    return out


def set_total(frame: pd.DataFrame) -> float | None:
    """The sum of a set, only where a sum means something: counts, all exact, one date, one passage."""
    if frame.empty or frame["unit"].nunique() != 1 or frame["unit"].iloc[0] not in COUNT_UNITS:
        return None
    if not (frame["qualifier"] == "exact").all() or frame["reference_date"].nunique(dropna=False) != 1:
        return None
    if frame["evidence"].nunique() != 1:
        return None
    return float(frame["value"].sum())


def is_caps(frame: pd.DataFrame) -> bool:
    """A set of percentage limits ('up to 20 per cent'): drawn against the whole (100 per cent)."""
    return bool((frame["unit"] == "percent").all() and frame["qualifier"].isin(UPPER_BOUND).all())


def common_suffix(labels: list[str], min_words: int = 3) -> str:
    """The words every label ends with ('in the Intersectoral ... Roundtable'), to say once, not on each bar."""
    if len(labels) < 2:
        return ""
    words = [re.split(r"\s+", lab.strip()) for lab in labels]
    n = 0
    while all(len(w) > n + 1 for w in words) and len({w[-1 - n] for w in words}) == 1:
        n += 1
    return " ".join(words[0][len(words[0]) - n:]) if n >= min_words else ""


# --- a figure against the SDG remittance-cost target ----------------------------------------------------

@dataclass(frozen=True)
class TargetComparison:
    figure: Quantity
    target: float = SDG_10C_TARGET_PERCENT

    @property
    def gap_points(self) -> float:
        return self.figure.value - self.target

    @property
    def meets_target(self) -> bool | None:
        """True below the target, False at or above it, None when the figure's bound leaves it open."""
        v, q = self.figure.value, self.figure
        if q.is_lower_bound:
            return False if v >= self.target else None
        if q.is_upper_bound:
            return True if (v < self.target or (q.qualifier == "less_than" and v <= self.target)) else None
        return v < self.target

    def phrase(self) -> str:
        """'0.36 percentage points above the target'; 'more than' / 'at least' where the figure is a bound."""
        gap = abs(self.gap_points)
        above = self.gap_points >= 0
        q = self.figure
        if (q.is_upper_bound and above) or (q.is_lower_bound and not above):
            return "cannot be placed against the target (the figure is a bound on the other side of it)"
        bound = "more than " if q.is_lower_bound else "at least " if q.is_upper_bound else ""
        return f"{bound}{format_number(round(gap, 4))} percentage points {'above' if above else 'below'} the target"


def remittance_cost_figures(stats: pd.DataFrame) -> list[Quantity]:
    """Remittance-cost figures in per cent: the ones SDG target 10.c speaks about."""
    rows = stats.loc[(stats["theme"] == "remittances") & (stats["unit"] == "percent")
                     & stats["indicator"].str.contains("cost", regex=False)]
    return quantities(rows)


def target_comparisons(stats: pd.DataFrame) -> list[TargetComparison]:
    return [TargetComparison(q) for q in remittance_cost_figures(stats)]


# --- population figures side by side (never a share across dates) ---------------------------------------

@dataclass(frozen=True)
class SideBySide:
    figures: tuple[Quantity, ...]

    @property
    def mixed_dates(self) -> bool:
        return len({q.reference_date for q in self.figures}) > 1

    @property
    def mixed_sources(self) -> bool:
        return len({q.source_org for q in self.figures}) > 1


def population_side_by_side(stats: pd.DataFrame) -> SideBySide | None:
    """The latest figure of each population count (unit persons), for showing side by side with their dates.

    None when the profile has fewer than two population indicators."""
    persons = stats.loc[stats["unit"] == "persons"]
    latest = []
    for indicator in dict.fromkeys(persons["indicator"]):
        qs = quantities(persons.loc[persons["indicator"] == indicator])
        latest.append(max(qs, key=lambda q: date_key(q.reference_date)))
    return SideBySide(tuple(latest)) if len(latest) >= 2 else None


# --- what each theme gets -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ChartPlan:
    kind: str  # then_now | set | caps | target
    name: str  # plain file name for the PNG
    change: Change | None = None
    frame: pd.DataFrame | None = None
    target: TargetComparison | None = None


def theme_plan(stats: pd.DataFrame, theme: str) -> list[ChartPlan]:
    """The charts a theme gets: one per then-vs-now pair, per set of comparable figures, per target
    comparison. Empty when the theme has no two comparable figures: the report then states them in words."""
    frame = theme_figures(stats, theme)
    plans: list[ChartPlan] = []
    for c in then_now_pairs(frame):
        plans.append(ChartPlan("then_now", f"figures_{theme}_{c.now.indicator}", change=c))
    for i, s in enumerate(comparable_sets(frame), start=1):
        kind = "caps" if is_caps(s) else "set"
        plans.append(ChartPlan(kind, f"figures_{theme}_{kind}_{i}", frame=s))
    for t in target_comparisons(frame):
        plans.append(ChartPlan("target", f"figures_{theme}_{t.figure.indicator}_sdg10c", target=t))
    return plans


def charted_ids(stats: pd.DataFrame, theme: str) -> set[str]:
    out: set[str] = set()
    for p in theme_plan(stats, theme):
        if p.change is not None:
            out |= {p.change.then.statistic_id, p.change.now.statistic_id}
        if p.frame is not None:
            out |= set(p.frame["statistic_id"])
        if p.target is not None:
            out.add(p.target.figure.statistic_id)
    return out
