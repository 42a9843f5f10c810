"""The numbers of the corpus report: per profile and domain the findings of each kind, instruments by type and
year, COVID-19 responses by area and coverage, the figures, and what each profile is.

Never a ranking: profiles are listed in a stable order (country name, then year: helpers.data.corpus.stable_order)
that no count changes, domains in MGI order, types and areas in the schema's order. Empty is not zero: a first
profile has no updates since a baseline, and a profile without a COVID-19 annex has no responses to count; both
are NA (shown as such), never 0.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.corpus import Corpus, load_profiles, stable_order
from helpers.data.domains import DOMAIN_IDS
from helpers.data.schema import FINDING_KINDS, INSTRUMENT_TYPES
from helpers.data.vocab import AREA_LABELS
from helpers.reports.common.figures import quantities

COVERAGE = ("covered", "not_covered", "not_stated")  # covers_regardless_of_status: true, false, empty


def load(profiles, level: str = "", language: str = "") -> Corpus:
    """The corpus the parameters ask for: [] or 'all' is every profile found, filtered by level and language."""
    return load_profiles(profiles or None, level=level or None, language=language or None)


def order(corpus: Corpus) -> list[str]:
    return stable_order(corpus.profiles)


def _meta(corpus: Corpus) -> pd.DataFrame:
    return corpus.profiles.set_index("profile_id")


def finding_counts(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """{kind: profiles (rows, stable order) x domains (MGI order)} of counts of findings. A profile without a
    baseline has NA in every domain for updates since the baseline: it has none to report, which is not zero."""
    f = corpus.findings
    ids = order(corpus)
    counts = f.groupby(["kind", "profile_id", "domain"]).size() if len(f) else pd.Series(dtype="int64")
    meta = _meta(corpus)
    out = {}
    for kind in FINDING_KINDS:
        frame = pd.DataFrame(0, index=pd.Index(ids, name="profile_id"), columns=list(DOMAIN_IDS), dtype="Int64")
        for pid in ids:
            for d in DOMAIN_IDS:
                frame.loc[pid, d] = int(counts.get((kind, pid, d), 0))
            if kind == "update_since_baseline" and pd.isna(meta.loc[pid, "baseline_year"]):
                frame.loc[pid, :] = pd.NA
        out[kind] = frame
    return out


def finding_counts_table(corpus: Corpus) -> pd.DataFrame:
    """The heat map's numbers as one table: a row per profile and domain (stable order, MGI order), a column per
    kind of finding; NA where a first profile has no baseline."""
    counts = finding_counts(corpus)
    rows = []
    for pid in order(corpus):
        for d in DOMAIN_IDS:
            rows.append({"profile_id": pid, "domain": d, **{k: counts[k].loc[pid, d] for k in FINDING_KINDS}})
    out = pd.DataFrame(rows, columns=["profile_id", "domain", *FINDING_KINDS])
    for k in FINDING_KINDS:
        out[k] = out[k].astype("Int64")
    return out


def instruments_by_type(corpus: Corpus) -> pd.DataFrame:
    """Per instrument type (schema order, types present only): instruments named and profiles naming one."""
    inst = corpus.instruments
    rows = []
    for t in INSTRUMENT_TYPES:
        sel = inst.loc[inst["type"] == t]
        if len(sel):
            rows.append({"type": t, "instruments": len(sel), "profiles": sel["profile_id"].nunique()})
    return pd.DataFrame(rows, columns=["type", "instruments", "profiles"])


def instruments_by_year(corpus: Corpus) -> tuple[pd.DataFrame, int]:
    """(per year of the instrument: instruments named and profiles naming one; instruments with no year)."""
    inst = corpus.instruments
    dated = inst.loc[inst["year"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=["year", "instruments", "profiles"]), len(inst)
    g = dated.groupby("year").agg(instruments=("instrument_id", "size"), profiles=("profile_id", "nunique"))
    g = g.reset_index()
    g["year"] = g["year"].astype(int)
    return g, int(inst["year"].isna().sum())


def covid_by_area(corpus: Corpus) -> pd.DataFrame:
    """Per area (vocabulary order, areas present only): responses by coverage of migrants regardless of status
    (covered, not covered, the profile does not say) and the profiles stating one."""
    c = corpus.covid_responses
    rows = []
    for area in AREA_LABELS:
        sel = c.loc[c["area"] == area]
        if not len(sel):
            continue
        cov = sel["covers_regardless_of_status"]
        rows.append({"area": area, "covered": int((cov == True).sum()),  # noqa: E712 (nullable boolean)
                     "not_covered": int((cov == False).sum()), "not_stated": int(cov.isna().sum()),  # noqa: E712
                     "profiles": sel["profile_id"].nunique()})
    return pd.DataFrame(rows, columns=["area", *COVERAGE, "profiles"])


def covid_profiles(corpus: Corpus) -> dict[str, list[str]]:
    """Which profiles have a COVID-19 annex ('with'), which declare it absent ('absent')."""
    meta = _meta(corpus)
    absent = [pid for pid in order(corpus) if "covid_responses" in str(meta.loc[pid, "absent_tables"]).split(";")]
    return {"with": [pid for pid in order(corpus) if pid not in absent], "absent": absent}


FIGURE_COLUMNS = ["profile_id", "country", "edition", "theme", "label", "figure", "value", "unit", "qualifier",
                  "reference_date", "source_org", "indicator", "evidence", "section"]


def figures(corpus: Corpus) -> pd.DataFrame:
    """Every figure of every profile, profiles in the stable order, each with its date, qualifier and source."""
    s = corpus.statistics
    rank = {pid: i for i, pid in enumerate(order(corpus))}
    s = s.assign(_o=s["profile_id"].map(rank)).sort_values(["_o", "statistic_id"], kind="stable")
    s = s.assign(figure=pd.Series([q.phrase() for q in quantities(s)], index=s.index, dtype="string"))
    return s[FIGURE_COLUMNS].reset_index(drop=True)


PROFILE_VIEW = ["profile_id", "country", "edition", "assessment_year", "baseline_year", "level", "language",
                "data_version", "fictional"]


def profiles_view(corpus: Corpus) -> pd.DataFrame:
    """What each profile is, in the stable order."""
    return _meta(corpus).loc[order(corpus)].reset_index()[PROFILE_VIEW]


def row_counts(corpus: Corpus) -> pd.DataFrame:
    """Rows per table and profile (NA where the profile declares the table absent)."""
    meta = _meta(corpus)
    ids = order(corpus)
    out = pd.DataFrame(index=pd.Index(ids, name="profile_id"))
    for name, df in corpus.tables.items():
        n = df.groupby("profile_id").size() if len(df) else pd.Series(dtype="int64")
        out[name] = pd.array([pd.NA if name in str(meta.loc[p, "absent_tables"]).split(";") else int(n.get(p, 0))
                              for p in ids], dtype="Int64")
    return out
