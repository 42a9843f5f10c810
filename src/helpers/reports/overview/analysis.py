"""The one-page view of a profile: its instruments by type, what its errata flag, the domain table's headings."""

from __future__ import annotations

import pandas as pd

from helpers.data.schema import INSTRUMENT_TYPES
from helpers.data.vocab import KIND_LABELS
from helpers.reports.common.counts import TIMING, ordered_crosstab, timing

def instruments_by_type(instruments: pd.DataFrame) -> pd.DataFrame:
    """Instruments per type (rows in schema order, types with none left out) and timing (columns)."""
    return ordered_crosstab(instruments["type"], timing(instruments), INSTRUMENT_TYPES, TIMING, "type", "timing")


ERRATA_COLUMNS = {"erratum_id": "Erratum", "kind": "Kind", "section": "Where", "source_says": "The source says",
                  "extracts_use": "The extracts use", "reason": "Why"}


def errata_view(errata: pd.DataFrame) -> pd.DataFrame:
    """What the errata flag, as a reader needs it: where, what the source says, what the extracts use, why."""
    return errata.loc[:, list(ERRATA_COLUMNS)].rename(columns=ERRATA_COLUMNS).reset_index(drop=True)


def domain_table_view(table: pd.DataFrame) -> pd.DataFrame:
    """counts.domain_table with headings a reader understands, domains kept in MGI order."""
    names = {"label": "MGI domain", **KIND_LABELS, "instruments": "Instruments cited",
             "covid_responses": "COVID-19 responses"}
    return table.rename(columns=names).reset_index(drop=True)


# The long tables a reader searches and sorts in the overview (columns named as in the CSVs and the codebook): the
# columns shown at first; every other column of the table is searched too and shown on demand.
BROWSE_COLUMNS = {
    "findings": ["finding_id", "domain", "kind", "baseline_status", "summary", "instruments", "evidence", "section"],
    "instruments": ["instrument_id", "type", "number", "year", "title_en", "title_original", "status", "domains",
                    "after_baseline", "covid_measure", "evidence", "section"],
    "sources": ["source_id", "organisation", "year_tag", "title", "address"],
}


def browse_tables(prof) -> list[tuple[str, pd.DataFrame, list[str]]]:
    """(table name, every column of its rows, the columns shown at first) for each long table the profile has."""
    out = []
    for name, cols in BROWSE_COLUMNS.items():
        if prof.has(name):
            table = prof.tables[name]
            out.append((name, table, [c for c in cols if c in table.columns]))
    return out
