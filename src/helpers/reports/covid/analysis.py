"""The COVID-19 responses (covid_responses.csv) counted and placed in time, the way the annex states them.

Coverage of migrants regardless of status has three answers: covered, limited, and not stated — 'not stated'
is its own category and is never counted as 'no'. Measures that were repealed, annulled or ended keep their
end date. Partial dates ('2020', '2021-04') keep their precision: a year is a year, not 1 January.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.data.schema import COVID_AREAS, MEASURE_STATUSES
from helpers.data.vocab import MEASURE_STATUS_LABELS, area_label
from helpers.reports.common.counts import list_by_domain, ordered_crosstab
from helpers.reports.common.dates import PartialDate, partial_date

COVERAGE = ("covered", "limited", "not_stated")
COVERAGE_LABELS = {
    "covered": "Covered regardless of status",
    "limited": "Limited (e.g. to holders of certain documents)",
    "not_stated": "Not stated",
}

FINISHED = ("repealed", "annulled", "ended")  # measures that stopped: they keep their end date

# --- coverage regardless of status ----------------------------------------------------------------------

def coverage(frame: pd.DataFrame) -> pd.Series:
    """covered / limited / not_stated for each response (true / false / empty)."""
    flag = frame["covers_regardless_of_status"]
    out = pd.Series("not_stated", index=frame.index, dtype="string")
    out.loc[flag.eq(True).fillna(False).astype(bool)] = "covered"
    out.loc[flag.eq(False).fillna(False).astype(bool)] = "limited"
    return out


def coverage_counts(frame: pd.DataFrame) -> pd.Series:
    """Responses per coverage category, all three always listed (a zero there is a true zero)."""
    return coverage(frame).value_counts().reindex(list(COVERAGE), fill_value=0).astype("int64")


# --- areas and domains ----------------------------------------------------------------------------------

def by_area(frame: pd.DataFrame) -> pd.DataFrame:
    """Responses per area (rows in schema order, only areas with a response) and coverage (columns)."""
    if frame.empty:
        return pd.DataFrame(columns=list(COVERAGE), dtype="int64")
    return ordered_crosstab(frame["area"], coverage(frame), COVID_AREAS, COVERAGE, "area", "coverage")


def areas_without_response(frame: pd.DataFrame) -> list[str]:
    """Areas of the schema for which the profile reports no response (not: the country did nothing)."""
    present = set(frame["area"].dropna())
    return [a for a in COVID_AREAS if a not in present]


def by_domain(frame: pd.DataFrame) -> pd.Series:
    """Responses touching each domain (a response may touch several)."""
    return list_by_domain(frame, "domains")


def by_status(frame: pd.DataFrame) -> pd.Series:
    return frame["status"].value_counts().reindex(list(MEASURE_STATUSES), fill_value=0).astype("int64")


def shared_instruments(frame: pd.DataFrame) -> dict[str, list[str]]:
    """Instruments cited by more than one response (the same measure may be told in the body and the annex)."""
    seen: dict[str, list[str]] = {}
    for _, r in frame.iterrows():
        for i in r["instruments"] if isinstance(r["instruments"], list) else []:
            seen.setdefault(i, []).append(str(r["response_id"]))
    return {i: ids for i, ids in seen.items() if len(ids) > 1}


# --- time -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineItem:
    response_id: str
    area: str
    measure: str
    instruments: tuple[str, ...]
    start: PartialDate
    end: PartialDate | None
    status: str

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    def end_phrase(self) -> str:
        """'repealed in 2021', 'annulled on 9 July 2021', 'ended on 31 July 2021'; '' for one still running."""
        if self.end is None:
            return f"{self.status} (end date not stated)" if self.finished else ""
        word = self.status if self.finished else "until"
        prep = "in" if self.end.precision != "day" else "on"
        return f"{word} {prep} {self.end.label}" if self.finished else f"until {self.end.label}"


def timeline(frame: pd.DataFrame) -> list[TimelineItem]:
    """Dated responses in time order (start, then end); repealed, annulled and ended ones keep their end."""
    items = []
    for _, r in frame.iterrows():
        start = partial_date(r["date"])
        if start is None:
            continue
        items.append(TimelineItem(
            response_id=str(r["response_id"]), area=str(r["area"]), measure=str(r["measure"]),
            instruments=tuple(r["instruments"]) if isinstance(r["instruments"], list) else (),
            start=start, end=partial_date(r["date_end"]), status=str(r["status"])))
    return sorted(items, key=lambda i: (i.start.start, i.start.end, i.response_id))


def ended_by(instruments: pd.DataFrame, cited: list[str]) -> list[str]:
    """Instruments (from instruments.csv) that repeal or annul any of the cited ones, in table order."""
    if instruments is None or instruments.empty or not cited:
        return []
    out = []
    for _, r in instruments.iterrows():
        targets = r["repeals"] if isinstance(r["repeals"], list) else []
        if any(t in cited for t in targets) and r["instrument_id"] not in out:
            out.append(str(r["instrument_id"]))
    return out


def undated(frame: pd.DataFrame) -> pd.DataFrame:
    """Responses the profile gives no start date for: listed, never placed on the timeline."""
    return frame.loc[frame["date"].isna()].reset_index(drop=True)


def finished(frame: pd.DataFrame) -> pd.DataFrame:
    """Measures that were repealed, annulled or ended, with their end dates."""
    return frame.loc[frame["status"].isin(FINISHED)].reset_index(drop=True)


def time_span(items: list[TimelineItem]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Whole years covering every start and end (2020-01-01 to 2022-01-01 for measures of 2020-2021)."""
    lo = min(i.start.start for i in items)
    hi = max(max(i.start.end, i.end.end if i.end else i.start.end) for i in items)
    end_year = hi.year if (hi.month, hi.day) == (1, 1) else hi.year + 1
    return pd.Timestamp(lo.year, 1, 1), pd.Timestamp(end_year, 1, 1)


# --- the table a reader sees ------------------------------------------------------------------------------

def coverage_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Each response and its coverage answer, grouped covered / limited / not stated."""
    cov = coverage(frame)
    out = pd.DataFrame({
        "covers migrants regardless of status": [COVERAGE_LABELS[str(c)] for c in cov],
        "id": frame["response_id"], "area": [area_label(str(a)) for a in frame["area"]],
        "measure": frame["measure"],
    })
    order = {k: i for i, k in enumerate(COVERAGE)}
    out["_order"] = [order[str(c)] for c in cov]
    return out.sort_values(["_order"], kind="stable").drop(columns="_order").reset_index(drop=True)


def responses_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per response, in words (escaped on display), with the domains and the verbatim quote."""
    cov = coverage(frame)
    rows = []
    for idx, r in frame.iterrows():
        start, end = partial_date(r["date"]), partial_date(r["date_end"])
        rows.append({
            "id": r["response_id"], "area": area_label(str(r["area"])), "measure": r["measure"],
            "instruments": ", ".join(r["instruments"]) if isinstance(r["instruments"], list) and r["instruments"]
            else "none named",
            "from": start.label if start else "not stated", "until": end.label if end else "",
            "status": MEASURE_STATUS_LABELS.get(str(r["status"]), str(r["status"])),
            "covers migrants regardless of status": COVERAGE_LABELS[str(cov.loc[idx])],
            "section": r["section"],
            "domains": ", ".join(r["domains"]) if isinstance(r["domains"], list) else "",
            "evidence": r["evidence"],
        })
    return pd.DataFrame(rows, columns=RESPONSES_SHOWN + ["domains", "evidence"])


# the columns of responses_table shown at first; the domains and the quote are searched too, shown on demand
RESPONSES_SHOWN = ["id", "area", "measure", "instruments", "from", "until", "status",
                   "covers migrants regardless of status", "section"]
