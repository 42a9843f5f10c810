"""The one-page view of a profile: its instruments by year and by type, and what its errata flag."""

from __future__ import annotations

import pandas as pd

from helpers.data.schema import INSTRUMENT_TYPES
from helpers.reports.common.counts import ordered_crosstab

# after_baseline as three groups: 'not stated' is kept apart, never folded into 'before'
TIMING = ("since", "before", "not_stated")


def timing(instruments: pd.DataFrame) -> pd.Series:
    """since / before / not_stated for each instrument, from after_baseline (true / false / empty)."""
    ab = instruments["after_baseline"]
    out = pd.Series("not_stated", index=instruments.index, dtype="string")
    out.loc[ab.fillna(False).astype(bool)] = "since"
    out.loc[(~ab.fillna(True)).astype(bool)] = "before"
    return out


def instruments_by_year(instruments: pd.DataFrame) -> pd.DataFrame:
    """Instruments per year (rows, ascending, only years that have one) and timing (columns).

    Rows without a year are left out; count them with years_missing()."""
    dated = instruments.loc[instruments["year"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=list(TIMING), index=pd.Index([], name="year", dtype="Int64"), dtype="int64")
    counts = pd.crosstab(dated["year"].astype("int64"), timing(dated))
    counts = counts.reindex(columns=list(TIMING), fill_value=0).sort_index()
    counts.index.name = "year"
    counts.columns.name = "timing"
    return counts


def years_missing(instruments: pd.DataFrame) -> int:
    return int(instruments["year"].isna().sum())


def instruments_by_type(instruments: pd.DataFrame) -> pd.DataFrame:
    """Instruments per type (rows in schema order, types with none left out) and timing (columns)."""
    return ordered_crosstab(instruments["type"], timing(instruments), INSTRUMENT_TYPES, TIMING, "type", "timing")


def type_label(type_id: str) -> str:
    """'supreme_decree' -> 'Supreme decree'."""
    return type_id.replace("_", " ").capitalize()


ERRATA_COLUMNS = {"erratum_id": "Erratum", "kind": "Kind", "section": "Where", "source_says": "The source says",
                  "extracts_use": "The extracts use", "reason": "Why"}


def errata_view(errata: pd.DataFrame) -> pd.DataFrame:
    """What the errata flag, as a reader needs it: where, what the source says, what the extracts use, why."""
    return errata.loc[:, list(ERRATA_COLUMNS)].rename(columns=ERRATA_COLUMNS).reset_index(drop=True)


def domain_table_view(table: pd.DataFrame) -> pd.DataFrame:
    """summary.domain_table with headings a reader understands, domains kept in MGI order."""
    from helpers.reports.common.style import KIND_LABELS

    names = {"label": "MGI domain", **KIND_LABELS, "instruments": "Instruments cited",
             "covid_responses": "COVID-19 responses"}
    return table.rename(columns=names).reset_index(drop=True)


# The long tables a reader searches and sorts in the overview (columns named as in the CSVs and the codebook).
BROWSE_COLUMNS = {
    "findings": ["finding_id", "domain", "kind", "baseline_status", "summary", "instruments", "evidence", "section"],
    "instruments": ["instrument_id", "type", "number", "year", "title_en", "status", "domains", "after_baseline",
                    "covid_measure", "evidence", "section"],
    "sources": ["source_id", "organisation", "year_tag", "title", "address"],
}


def browse_tables(prof) -> list[tuple[str, pd.DataFrame]]:
    """(table name, its rows with the columns a reader searches) for each long table the profile has."""
    return [(name, prof.tables[name].loc[:, cols]) for name, cols in BROWSE_COLUMNS.items() if prof.has(name)]

