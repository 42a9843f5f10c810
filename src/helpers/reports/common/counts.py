"""What a profile holds, counted per table and per domain (for `mgi validate` and the reports), and the
instruments a domain cites, by their timing against the baseline."""

from __future__ import annotations

import pandas as pd

from helpers.data.domains import DOMAIN_IDS, domain_label
from helpers.data.schema import FINDING_KINDS, TABLES


def table_counts(profile) -> pd.DataFrame:
    rows = []
    for t in TABLES:
        if t.name in profile.tables:
            rows.append({"table": t.name, "rows": len(profile.tables[t.name]), "note": ""})
        else:
            rows.append({"table": t.name, "rows": pd.NA, "note": "absent: " + profile.absent_tables.get(t.name, "")})
    return pd.DataFrame(rows).astype({"rows": "Int64"})


def findings_by_domain_kind(findings: pd.DataFrame) -> pd.DataFrame:
    """Findings counted per domain (rows, in domain order) and kind (columns); zero only where truly none."""
    counts = pd.crosstab(findings["domain"], findings["kind"])
    counts = counts.reindex(index=list(DOMAIN_IDS), columns=list(FINDING_KINDS), fill_value=0)
    counts.index.name = "domain"
    counts.columns.name = None
    return counts


def list_by_domain(frame: pd.DataFrame, column: str = "domains") -> pd.Series:
    """How many rows name each domain in a ';'-list column (a row may count for several domains)."""
    exploded = frame[column].explode().dropna()
    return exploded.value_counts().reindex(list(DOMAIN_IDS), fill_value=0).astype("Int64")


def domain_table(profile) -> pd.DataFrame:
    out = findings_by_domain_kind(profile.findings)
    out.insert(0, "label", [domain_label(d) for d in out.index])
    out["instruments"] = list_by_domain(profile.instruments)
    if profile.has("covid_responses"):
        out["covid_responses"] = list_by_domain(profile.covid_responses)
    return out


def ordered_crosstab(rows: pd.Series, columns: pd.Series, row_order, column_order, row_name: str,
                     column_name: str) -> pd.DataFrame:
    """Counts of rows x columns in the schema's order; rows with no count are left out, columns always kept."""
    counts = pd.crosstab(rows.astype("string"), columns)
    present = [r for r in row_order if r in counts.index]
    counts = counts.reindex(index=present, columns=list(column_order), fill_value=0)
    counts.index.name = row_name
    counts.columns.name = column_name
    return counts


# --- instruments: which a domain cites, and their timing against the baseline ----------------------------

def cites(instruments: pd.DataFrame, domain: str) -> pd.Series:
    """True for each instrument the domain's sections cite."""
    return instruments["domains"].map(lambda ds: isinstance(ds, list) and domain in ds).astype(bool)


def instruments_of(instruments: pd.DataFrame, domain: str) -> pd.DataFrame:
    """Every instrument the domain's sections cite."""
    return instruments.loc[cites(instruments, domain)]


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
