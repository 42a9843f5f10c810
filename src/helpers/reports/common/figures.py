"""One figure of a profile (a row of statistics.csv) as a reader must be told it — with its qualifier ("over 50"),
its reference date and the organisation cited — and the one computation made between two figures: the change of
one indicator between two reference dates, with the bounds its qualifiers put on it. Shared by the statistics
report and the comparison of profiles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from helpers.data.vocab import QUALIFIER_WORDS, unit_words
from helpers.reports.common.dates import date_key, date_label

LOWER_BOUND = ("over",)  # the true value is larger than the number printed
UPPER_BOUND = ("up_to", "less_than")  # the true value is at most the number printed
APPROXIMATE = ("about", "estimated")


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


# --- formatting ---------------------------------------------------------------------------------------

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
    one, many = unit_words(unit)
    return f"{format_number(value)} {one if value == 1 else many}"


def unit_label(unit: str) -> str:
    return unit_words(unit)[1]


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
