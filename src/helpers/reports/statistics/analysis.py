"""The profile's figures (statistics.csv) as a reader needs them, and the few comparisons that are honest.

A figure keeps its qualifier ("over 50"), its reference date and the organisation the profile cites. Three
comparisons are made, and only these: one indicator at two reference dates (then vs now), figures stated
together at one date in one unit (a set), and a figure against a fixed international target. Anything that
would combine figures of different reference dates into one number (a share, a growth of two different
things) is refused with MixedDates, or made only on request and flagged as mixing dates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from helpers.data.schema import STAT_THEMES

THEME_LABELS = {
    "migrant_population": "Migrant population",
    "population_by_origin": "Migrants and refugees by origin",
    "recognition_agreements": "Recognition of degrees and diplomas",
    "cooperation_agreements": "Cooperation agreements",
    "roundtable": "Migration coordination body",
    "remittances": "Remittances",
    "employment_restrictions": "Limits on employing foreign workers",
    "residence": "Residence",
    "education": "Education",
    "programmes": "Programmes and schemes",
    "methodology": "About the MGI assessment",
    "labour_migration": "Labour migration",
    "refugees_asylum": "Refugees and asylum",
    "diaspora": "Diaspora",
    "return": "Return and reintegration",
    "trafficking": "Trafficking in persons",
    "border": "Border management",
    "health": "Health",
    "other": "Other figures",
}

UNIT_WORDS = {  # unit -> (singular, plural)
    "persons": ("person", "persons"), "percent": ("per cent", "per cent"), "countries": ("country", "countries"),
    "agreements": ("agreement", "agreements"), "entities": ("entity", "entities"), "years": ("year", "years"),
    "days": ("day", "days"), "months": ("month", "months"), "questions": ("question", "questions"),
    "indicators": ("indicator", "indicators"), "domains": ("domain", "domains"),
    "usd": ("US dollar", "US dollars"), "eur": ("euro", "euros"),
    "local_currency": ("unit of local currency", "units of local currency"),
}

QUALIFIER_WORDS = {
    "exact": "", "over": "over", "about": "about", "estimated": "an estimated", "up_to": "up to",
    "less_than": "less than", "target": "a target of",
}

LOWER_BOUND = ("over",)  # the true value is larger than the number printed
UPPER_BOUND = ("up_to", "less_than")  # the true value is at most the number printed
APPROXIMATE = ("about", "estimated")

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

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


class MixedDates(ValueError):
    """A comparison would combine figures of different reference dates into one number."""


class NotComparable(ValueError):
    """Two figures measure different things (indicator or unit), or one is not a measurement."""


# --- one figure ---------------------------------------------------------------------------------------

def _text(v) -> str | None:
    return None if v is None or pd.isna(v) or str(v).strip() == "" else str(v)


@dataclass(frozen=True)
class Quantity:
    """One row of statistics.csv, with what the reader needs to state it correctly."""

    statistic_id: str
    theme: str
    indicator: str
    label: str
    value: float
    unit: str
    qualifier: str
    reference_date: str | None
    source_org: str | None
    source_id: str | None
    section: str
    evidence: str

    @classmethod
    def from_row(cls, row) -> "Quantity":
        return cls(statistic_id=str(row["statistic_id"]), theme=str(row["theme"]), indicator=str(row["indicator"]),
                   label=str(row["label"]), value=float(row["value"]), unit=str(row["unit"]),
                   qualifier=str(row["qualifier"]), reference_date=_text(row["reference_date"]),
                   source_org=_text(row["source_org"]), source_id=_text(row["source_id"]),
                   section=str(row["section"]), evidence=str(row["evidence"]))

    @property
    def is_lower_bound(self) -> bool:
        return self.qualifier in LOWER_BOUND

    @property
    def is_upper_bound(self) -> bool:
        return self.qualifier in UPPER_BOUND

    @property
    def is_approximate(self) -> bool:
        return self.qualifier in APPROXIMATE

    @property
    def date_label(self) -> str:
        return date_label(self.reference_date) if self.reference_date else "no reference date"

    def phrase(self) -> str:
        """'over 50 countries', 'an estimated 1.2 million persons', 'up to 20 per cent'."""
        words = QUALIFIER_WORDS.get(self.qualifier, self.qualifier.replace("_", " "))
        return f"{words} {format_amount(self.value, self.unit)}".strip()

    def dated_phrase(self) -> str:
        return f"{self.phrase()} ({self.date_label})"


def quantities(stats: pd.DataFrame) -> list[Quantity]:
    return [Quantity.from_row(r) for _, r in stats.iterrows()]


def quantity(stats: pd.DataFrame, statistic_id: str) -> Quantity:
    rows = stats.loc[stats["statistic_id"] == statistic_id]
    if rows.empty:
        raise KeyError(f"No figure {statistic_id!r}; figures: {', '.join(stats['statistic_id'])}")
    return Quantity.from_row(rows.iloc[0])


# --- formatting ---------------------------------------------------------------------------------------

def date_key(d: str | None) -> tuple[int, int, int]:
    """Orders partial dates (2019 < 2021-09 < 2021-12); an undated figure sorts first."""
    if not d:
        return (0, 0, 0)
    parts = [int(p) for p in d.split("-")]
    return tuple(parts + [0] * (3 - len(parts)))  # type: ignore[return-value]


def date_label(d: str | None) -> str:
    """'2021-09' -> 'September 2021', '2021-07-09' -> '9 July 2021', '2020' -> '2020'."""
    if not d:
        return ""
    y, m, day = (list(date_key(d)))
    if m and day:
        return f"{day} {_MONTHS[m - 1]} {y}"
    if m:
        return f"{_MONTHS[m - 1]} {y}"
    return str(y)


def format_number(value: float) -> str:
    """1200000 -> '1.2 million', 1049970 -> '1,049,970', 3.36 -> '3.36'; never more precise than the data."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        n = int(value)
        if abs(n) >= 1_000_000 and n % 100_000 == 0:
            return f"{n / 1_000_000:g} million"
        return f"{n:,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def format_amount(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{format_number(value)} per cent"
    one, many = UNIT_WORDS.get(unit, (unit, unit))
    return f"{format_number(value)} {one if value == 1 else many}"


def unit_label(unit: str) -> str:
    return UNIT_WORDS.get(unit, (unit, unit))[1]


def theme_label(theme: str) -> str:
    return THEME_LABELS.get(theme, theme.replace("_", " ").capitalize())


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


# --- then vs now: one indicator at two reference dates -------------------------------------------------

@dataclass(frozen=True)
class Change:
    """The same indicator at two reference dates: the change and growth it implies, with its bounds."""

    then: Quantity
    now: Quantity

    @property
    def difference(self) -> float:
        return self.now.value - self.then.value

    @property
    def ratio(self) -> float | None:
        return None if self.then.value == 0 else self.now.value / self.then.value

    @property
    def growth_percent(self) -> float | None:
        r = self.ratio
        return None if r is None else (r - 1) * 100

    @property
    def bound(self) -> str:
        """exact | at_least | at_most | indeterminate: what a qualifier does to the computed change."""
        hi = {"now": self.now.is_lower_bound or self.then.is_upper_bound,
              "then": self.then.is_lower_bound or self.now.is_upper_bound}
        if hi["now"] and hi["then"]:
            return "indeterminate"
        if hi["now"]:
            return "at_least"
        if hi["then"]:
            return "at_most"
        return "exact"

    @property
    def approximate(self) -> bool:
        return self.then.is_approximate or self.now.is_approximate

    @property
    def same_source(self) -> bool:
        return self.then.source_org == self.now.source_org

    def rounded_difference(self) -> float:
        """The change, never more precise than the coarser of two approximate figures."""
        if not self.approximate:
            return self.difference
        step = max(_precision(self.then.value), _precision(self.now.value))
        return round(self.difference / step) * step

    def bound_word(self) -> str:
        return {"at_least": "at least ", "at_most": "at most ", "exact": "", "indeterminate": ""}[self.bound] + \
            ("about " if self.approximate and self.bound == "exact" else "")

    def change_phrase(self) -> str:
        """'at least +12 countries (at least +32%)', 'about +1.1 million persons (about 11 times the 2010 figure)'."""
        if self.bound == "indeterminate":
            return "a change that cannot be computed (both figures are bounds in opposite directions)"
        d = self.rounded_difference()
        sign = "+" if d >= 0 else "−"
        w = self.bound_word()
        out = f"{w}{sign}{format_amount(abs(d), self.now.unit)}"
        if self.now.unit == "percent":
            out = f"{w}{sign}{format_number(abs(d))} percentage points"
        elif self.ratio is not None and self.ratio >= 2:
            out += f" ({w}{_sig(self.ratio)} times the {self.then.date_label} figure)"
        elif self.growth_percent is not None:
            g = self.growth_percent
            out += f" ({w}{'+' if g >= 0 else '−'}{abs(g):.0f}%)"
        return out


def _precision(value: float) -> float:
    """The rounding step a printed figure implies: 1200000 -> 100000, 104700 -> 100, 3.36 -> 0.01."""
    if not float(value).is_integer():
        decimals = len(f"{value:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    n, step = abs(int(value)), 1
    while n and n % (step * 10) == 0:
        step *= 10
    return float(min(step, 10 ** max(len(str(n)) - 1, 0))) if n else 1.0


def _sig(x: float, digits: int = 2) -> str:
    if x == 0:
        return "0"
    return f"{round(x, digits - 1 - int(math.floor(math.log10(abs(x))))):g}"


def change_between(then: Quantity, now: Quantity) -> Change:
    """then -> now for one indicator; refuses different indicators or units, missing or equal dates."""
    if then.indicator != now.indicator:
        raise NotComparable(f"{then.statistic_id} ({then.indicator}) and {now.statistic_id} ({now.indicator}) "
                            "measure different things: no growth is computed between them")
    if then.unit != now.unit:
        raise NotComparable(f"{then.statistic_id} is in {then.unit} and {now.statistic_id} in {now.unit}")
    if "target" in (then.qualifier, now.qualifier):
        raise NotComparable("a target is not a measurement: no growth is computed from it")
    if not then.reference_date or not now.reference_date:
        missing = ", ".join(q.statistic_id for q in (then, now) if not q.reference_date)
        raise MixedDates(f"{missing} has no reference date: a change over time needs both dates")
    if date_key(then.reference_date) >= date_key(now.reference_date):
        raise MixedDates(f"{then.statistic_id} ({then.reference_date}) is not earlier than "
                         f"{now.statistic_id} ({now.reference_date})")
    return Change(then, now)


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
