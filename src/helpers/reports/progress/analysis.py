"""What changed in each MGI domain since the baseline assessment, as frames the notebooks show.

Counts and cited rows only: the MGI is not a ranking, so nothing here scores or orders domains by a count;
domains always come in MGI order (helpers.data.domains).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.data.domains import DOMAIN_IDS
from helpers.data.schema import BASELINE_STATUSES, FINDING_KINDS
from helpers.reports.common.counts import cites

ALL = "all"
DOMAIN_CHOICES: tuple[str, ...] = tuple(DOMAIN_IDS) + (ALL,)


def selected_domains(domain: str) -> list[str]:
    """The domains a notebook covers for its `domain` parameter, in MGI order."""
    return list(DOMAIN_IDS) if domain == ALL else [domain]


def no_baseline_reason(profile) -> str | None:
    """Why there is nothing to compare against, or None when the profile has a baseline with updates."""
    year = profile.mgi.get("baseline_year")
    if year is None:
        return (f"This is a first profile: there is no earlier MGI assessment of the {profile.place}, so there is "
                "no baseline to compare against.")
    findings = profile.findings
    if not (findings["kind"] == "update_since_baseline").any():
        return (f"The profile names a baseline assessment ({year}) but the extracts hold no updates since it, "
                "so there is no baseline comparison to show.")
    return None


def status_labels(profile) -> dict[str, str]:
    """Each baseline_status in plain words, naming the baseline year (charts and text share them)."""
    year = profile.mgi.get("baseline_year")
    ref = f"since {year}" if year is not None else "since the baseline"
    return {
        "new": f"New {ref}",
        "improved": f"Improved {ref}",
        "unchanged": "Unchanged (continues)",
        "gap_persisting": "Gap persisting from previous assessment",
        "not_stated": "Not stated against the baseline",
    }


def findings_of(findings: pd.DataFrame, domain: str, kind: str | None = None) -> pd.DataFrame:
    """A domain's findings (of one kind), in the order they appear in the source."""
    rows = findings["domain"] == domain
    if kind is not None:
        rows &= findings["kind"] == kind
    return findings.loc[rows]


def persisting_gaps(findings: pd.DataFrame, domain: str | None = None) -> pd.DataFrame:
    """Gaps the text says were already identified in the previous assessment and are still open."""
    rows = findings["baseline_status"] == "gap_persisting"
    if domain is not None:
        rows &= findings["domain"] == domain
    return findings.loc[rows]


def in_time_order(instruments: pd.DataFrame) -> pd.DataFrame:
    """By year, earliest first; rows without a year last; ties keep source order."""
    return instruments.sort_values("year", na_position="last", kind="stable")


def instruments_since_baseline(instruments: pd.DataFrame, domain: str | None = None) -> pd.DataFrame:
    """Instruments adopted or amended since the baseline (after_baseline true) in time order.

    after_baseline empty means the profile does not say: such rows are not counted as 'since the baseline'."""
    rows = instruments["after_baseline"].fillna(False).astype(bool)
    if domain is not None:
        rows &= cites(instruments, domain)
    return in_time_order(instruments.loc[rows])


def instruments_timing_unknown(instruments: pd.DataFrame, domain: str | None = None) -> pd.DataFrame:
    """Instruments whose timing against the baseline the profile does not state (after_baseline empty)."""
    rows = instruments["after_baseline"].isna()
    if domain is not None:
        rows &= cites(instruments, domain)
    return instruments.loc[rows]


def acted_on(instruments: pd.DataFrame) -> dict[str, dict[str, list[str]]]:
    """For each instrument, the instruments that amend, repeal, regulate or extend it (the relations read
    backwards), so a reader sees why an older instrument counts as changed since the baseline."""
    out: dict[str, dict[str, list[str]]] = {}
    for rel, word in (("amends", "amended"), ("repeals", "repealed"), ("regulates", "regulated"),
                      ("extends", "extended")):
        for actor, targets in zip(instruments["instrument_id"], instruments[rel]):
            for target in targets if isinstance(targets, list) else []:
                out.setdefault(target, {}).setdefault(word, []).append(actor)
    return out


def status_counts(findings: pd.DataFrame) -> pd.DataFrame:
    """Findings per domain (rows, MGI order) and baseline status (columns, schema order)."""
    counts = pd.crosstab(findings["domain"], findings["baseline_status"])
    counts = counts.reindex(index=list(DOMAIN_IDS), columns=list(BASELINE_STATUSES), fill_value=0)
    counts.index.name = "domain"
    counts.columns.name = "baseline_status"
    return counts


def kind_status_counts(findings: pd.DataFrame, domain: str) -> pd.DataFrame:
    """One domain's findings per kind (rows, schema order) and baseline status (columns)."""
    mine = findings_of(findings, domain)
    counts = pd.crosstab(mine["kind"], mine["baseline_status"])
    counts = counts.reindex(index=list(FINDING_KINDS), columns=list(BASELINE_STATUSES), fill_value=0)
    counts.index.name = "kind"
    counts.columns.name = "baseline_status"
    return counts


def since_baseline_counts(instruments: pd.DataFrame) -> pd.Series:
    """Per domain (MGI order): instruments adopted or amended since the baseline that its sections cite.

    An instrument cited in several domains counts in each."""
    since = instruments_since_baseline(instruments)
    return pd.Series({d: int(cites(since, d).sum()) for d in DOMAIN_IDS}, name="instruments_since_baseline",
                     dtype="Int64")


@dataclass
class DomainProgress:
    """Everything the domain_progress notebook shows for one domain."""

    domain: str
    updates: pd.DataFrame
    well_developed: pd.DataFrame
    further_development: pd.DataFrame
    persisting_gaps: pd.DataFrame
    instruments_since: pd.DataFrame
    instruments_timing_unknown: pd.DataFrame

    @property
    def years_unknown(self) -> int:
        return int(self.instruments_since["year"].isna().sum())


def domain_progress(profile, domain: str) -> DomainProgress:
    f, ins = profile.findings, profile.instruments
    return DomainProgress(
        domain=domain,
        updates=findings_of(f, domain, "update_since_baseline"),
        well_developed=findings_of(f, domain, "well_developed"),
        further_development=findings_of(f, domain, "further_development"),
        persisting_gaps=persisting_gaps(f, domain),
        instruments_since=instruments_since_baseline(ins, domain),
        instruments_timing_unknown=instruments_timing_unknown(ins, domain),
    )
