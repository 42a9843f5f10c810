"""Partial dates as the profiles give them (YYYY, YYYY-MM, YYYY-MM-DD): ordered, labelled, and kept at their
precision — a year is a year, not 1 January."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.data.vocab import MONTHS


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
    y, m, day = date_key(d)
    if m and day:
        return f"{day} {MONTHS[m - 1]} {y}"
    if m:
        return f"{MONTHS[m - 1]} {y}"
    return str(y)


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, month or day: the interval it covers, and how precisely it is known."""

    text: str
    start: pd.Timestamp
    end: pd.Timestamp  # exclusive
    precision: str  # year | month | day

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        parts = [int(p) for p in str(text).split("-")]
        if len(parts) == 1:
            start = pd.Timestamp(parts[0], 1, 1)
            return cls(text, start, pd.Timestamp(parts[0] + 1, 1, 1), "year")
        if len(parts) == 2:
            start = pd.Timestamp(parts[0], parts[1], 1)
            return cls(text, start, start + pd.offsets.MonthBegin(1), "month")
        start = pd.Timestamp(parts[0], parts[1], parts[2])
        return cls(text, start, start + pd.Timedelta(days=1), "day")

    @property
    def label(self) -> str:
        return date_label(self.text)


def partial_date(v) -> PartialDate | None:
    """A cell as a PartialDate; None when empty."""
    return None if v is None or pd.isna(v) or not str(v).strip() else PartialDate.parse(str(v))
