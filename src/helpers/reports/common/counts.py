"""What a profile holds, counted per table and per domain (for `mgi validate` and the overview notebook)."""

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
