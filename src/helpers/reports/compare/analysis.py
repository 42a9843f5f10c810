"""Two or more profiles side by side: their findings per domain, the instruments and figures they share and,
for editions of one country, what moved from 'further development' to 'well developed' and what persists.
The words and tables a reader sees are in compare/text.py.

Never a ranking and never a score across countries: the comparison shows each profile's own cited text and
counts. A figure keeps its reference date, qualifier and cited organisation; figures of different dates are
shown with both dates, and a change is computed only between editions of one country
(helpers.reports.common.figures).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, utils

from helpers.data.domains import DOMAIN_IDS
from helpers.data.loader import Profile, load_profile
from helpers.data.schema import FINDING_KINDS, number_key
from helpers.paths import BadParameter, available_profiles, check_plain_name, find_profile
from helpers.reports.common.dates import date_key
from helpers.reports.common.figures import Change, MixedDates, NotComparable, Quantity, change_between, quantities

DEFAULT_THRESHOLD = 60  # rapidfuzz token_set_ratio of two summaries, 0-100


# --- which profiles ---------------------------------------------------------------------------------

def resolve_profiles(profiles) -> list[str]:
    """[] means every profile available; otherwise each id must exist (the error lists the valid ones)."""
    if isinstance(profiles, str):
        profiles = [profiles]
    ids = list(profiles or [])
    if not ids:
        return list(available_profiles())
    seen = set()
    for pid in ids:
        check_plain_name(pid, "Profile id")
        find_profile(pid)  # BadParameter listing the profiles available
        if pid in seen:
            raise BadParameter(f"Profile {pid!r} is listed twice: list each profile once.")
        seen.add(pid)
    return ids


def check_threshold(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise BadParameter(f"similarity_threshold {value!r} is not a number from 0 to 100 (default "
                           f"{DEFAULT_THRESHOLD}: two summaries at least {DEFAULT_THRESHOLD}% alike).")
    return float(value)


def load_profiles(ids: list[str]) -> list[Profile]:
    return [load_profile(pid) for pid in ids]


def label(profile: Profile) -> str:
    return f"{profile.short_name} – {profile.mgi['edition']}"


# --- findings side by side --------------------------------------------------------------------------

def finding_counts(profiles: list[Profile]) -> pd.DataFrame:
    """Findings per domain (rows, MGI order), profile and kind (columns): counts, not scores."""
    cols = {}
    for p in profiles:
        f = p.findings
        for kind in FINDING_KINDS:
            cols[(p.id, kind)] = [int(((f["domain"] == d) & (f["kind"] == kind)).sum()) for d in DOMAIN_IDS]
    out = pd.DataFrame(cols, index=list(DOMAIN_IDS))
    out.columns = pd.MultiIndex.from_tuples(out.columns, names=["profile", "kind"])
    out.index.name = "domain"
    return out


# --- instruments --------------------------------------------------------------------------------------

def instrument_key(row) -> str:
    """What makes two profiles' instruments the same: type and number, or else the instrument_id."""
    number = row["number"]
    if number is not None and not pd.isna(number) and str(number).strip():
        return f"{row['type']}:{number_key(str(number))}"
    return f"id:{row['instrument_id']}"


def instrument_groups(profiles: list[Profile]) -> pd.DataFrame:
    """One row per instrument across the profiles: its id in each (empty where absent) and the domains any
    profile's sections cite it in. Matched on type and number, or on an identical instrument_id."""
    groups: dict[str, dict] = {}
    ids_to_key: dict[str, str] = {}
    for p in profiles:
        for _, r in p.instruments.iterrows():
            key = instrument_key(r)
            if key not in groups and f"id:{r['instrument_id']}" in ids_to_key:
                key = ids_to_key[f"id:{r['instrument_id']}"]  # same id, numbered in one profile only
            g = groups.setdefault(key, {"key": key, "title_en": r["title_en"], "type": r["type"],
                                        "number": r["number"], "domains": set()})
            ids_to_key.setdefault(f"id:{r['instrument_id']}", key)
            g[p.id] = r["instrument_id"]
            g[f"{p.id} year"] = r["year"]
            g["domains"] |= set(r["domains"] or [])
    rows = []
    for g in groups.values():
        g["domains"] = [d for d in DOMAIN_IDS if d in g["domains"]]
        g["profiles"] = [p.id for p in profiles if g.get(p.id)]
        rows.append(g)
    cols = ["key", "title_en", "type", "number", "domains", "profiles"]
    for p in profiles:
        cols += [p.id, f"{p.id} year"]
    out = pd.DataFrame(rows, columns=cols)
    for p in profiles:
        out[p.id] = out[p.id].astype("string")
        out[f"{p.id} year"] = out[f"{p.id} year"].astype("Int64")
    return out


def _in_domain(groups: pd.DataFrame, domain: str | None) -> pd.Series:
    if domain is None:
        return pd.Series(True, index=groups.index)
    return groups["domains"].map(lambda ds: domain in ds).astype(bool)


def shared_instruments(groups: pd.DataFrame, domain: str | None = None) -> pd.DataFrame:
    """Instruments two or more of the profiles name (in the domain's sections, when a domain is given)."""
    return groups.loc[_in_domain(groups, domain) & (groups["profiles"].map(len) >= 2)]


def only_in(groups: pd.DataFrame, profile_id: str, domain: str | None = None) -> pd.DataFrame:
    """Instruments only this profile names."""
    return groups.loc[_in_domain(groups, domain) & groups["profiles"].map(lambda ps: ps == [profile_id])]


def instruments_view(frame: pd.DataFrame, profiles: list[Profile]) -> pd.DataFrame:
    """The columns a reader needs: title, type, number and, per profile, its id and the year it gives."""
    cols = {"title_en": "instrument", "type": "type", "number": "number"}
    for p in profiles:
        cols[p.id] = f"id in {p.id}"
        cols[f"{p.id} year"] = f"year in {p.id}"
    view = frame.loc[:, list(cols)].copy()
    for p in profiles:  # a year the profile does not give is 'not stated', never blank or zero
        present = view[p.id].notna()
        view[f"{p.id} year"] = [("not stated" if pd.isna(y) else str(int(y))) if has else ""
                                for y, has in zip(view[f"{p.id} year"], present)]
        view[p.id] = view[p.id].fillna("")
    return view.rename(columns=cols).reset_index(drop=True)


# --- figures --------------------------------------------------------------------------------------------

@dataclass
class SharedFigure:
    """One indicator as two or more profiles state it: every figure with its date, and the changes that
    may be computed (only between editions of one country, only between different dates)."""

    indicator: str
    label: str
    figures: list[tuple[Profile, Quantity]]  # in date order
    changes: list[tuple[Profile, Profile, Change]]  # (earlier, later, the change)
    notes: list[str]



def shared_figures(profiles: list[Profile]) -> list[SharedFigure]:
    """Indicators stated by two or more of the profiles, each figure with its date, in date order."""
    by_indicator: dict[str, list[tuple[Profile, Quantity]]] = {}
    for p in profiles:
        for q in quantities(p.statistics):
            by_indicator.setdefault(q.indicator, []).append((p, q))
    out = []
    for indicator, items in by_indicator.items():
        if len({p.id for p, _ in items}) < 2:
            continue
        country_order = {iso: i for i, iso in enumerate(dict.fromkeys(p.place_key for p in profiles))}
        items = sorted(items, key=lambda pq: (country_order[pq[0].place_key], date_key(pq[1].reference_date),
                                              pq[0].mgi["assessment_year"]))
        changes, notes = [], []
        countries = {p.place_key for p, _ in items}
        if len(countries) > 1:
            notes.append("The figures are of different countries: they are shown side by side with their dates; "
                         "no change is computed between countries.")
        for iso3 in sorted(countries):
            mine = [(p, q) for p, q in items if p.place_key == iso3]
            for (p1, q1), (p2, q2) in zip(mine, mine[1:]):
                if p1.id == p2.id:
                    continue  # two dates within one profile: that profile's own report shows them
                try:
                    changes.append((p1, p2, change_between(q1, q2)))
                except (MixedDates, NotComparable) as exc:
                    notes.append(f"No change computed between {p1.id} ({q1.date_label}) and {p2.id} "
                                 f"({q2.date_label}): {_why_not(p1, q1, p2, q2, exc)}.")
        labels = {q.label for _, q in items}
        # a label names its country ('Migrant population in Peru'): across countries say what is measured
        title = labels.pop() if len(labels) == 1 else indicator.replace("_", " ").capitalize()
        out.append(SharedFigure(indicator, title, items, changes, notes))
    return out


def _why_not(p1: Profile, q1: Quantity, p2: Profile, q2: Quantity, exc: Exception) -> str:
    undated = [p.id for p, q in ((p1, q1), (p2, q2)) if not q.reference_date]
    if undated:
        return (f"{' and '.join(undated)} {'gives' if len(undated) == 1 else 'give'} no reference date, so the "
                "two figures cannot be placed in time")
    if q1.unit != q2.unit:
        return f"{p1.id} states it in {q1.unit}, {p2.id} in {q2.unit}"
    if "target" in (q1.qualifier, q2.qualifier):
        return "a target is not a measurement"
    if q1.reference_date == q2.reference_date:
        return "both refer to the same date"
    return str(exc)


# --- editions of one country ------------------------------------------------------------------------------

def edition_pairs(profiles: list[Profile]) -> list[tuple[Profile, Profile]]:
    """Consecutive editions of the same place (same iso3, and the same city for a local profile), earlier first."""
    by_country: dict[str, list[Profile]] = {}
    for p in profiles:
        by_country.setdefault(p.place_key, []).append(p)
    pairs = []
    for ps in by_country.values():
        ps = sorted(ps, key=lambda p: (p.mgi["assessment_year"], p.mgi["edition_number"]))
        pairs += list(zip(ps, ps[1:]))
    return pairs


def similarity(a: str, b: str) -> float:
    """How alike two summaries are, 0-100 (rapidfuzz token_set_ratio, case and punctuation ignored)."""
    return float(fuzz.token_set_ratio(a, b, processor=utils.default_process))


def _keys_of(profile: Profile) -> dict[str, str]:
    return {r["instrument_id"]: instrument_key(r) for _, r in profile.instruments.iterrows()}


MATCH_COLUMNS = ["domain", "earlier_id", "earlier_summary", "earlier_evidence", "earlier_section", "later_id",
                 "later_kind", "later_summary", "later_evidence", "later_section", "shared_instruments", "score",
                 "basis"]


def match_findings(earlier: Profile, later: Profile, later_kind: str,
                   threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Earlier 'further development' findings matched to the later edition's findings of later_kind in the same
    domain: they cite a shared instrument, or their summaries are at least threshold% alike."""
    ke, kl = _keys_of(earlier), _keys_of(later)
    fe = earlier.findings.loc[earlier.findings["kind"] == "further_development"]
    fl = later.findings.loc[later.findings["kind"] == later_kind]
    rows = []
    for _, a in fe.iterrows():
        for _, b in fl.loc[fl["domain"] == a["domain"]].iterrows():
            ia = {ke.get(i, f"id:{i}"): i for i in a["instruments"] or []}
            ib = {kl.get(i, f"id:{i}"): i for i in b["instruments"] or []}
            shared = [ib[k] for k in ia if k in ib]
            score = similarity(a["summary"], b["summary"])
            if not shared and score < threshold:
                continue
            basis = []
            if shared:
                basis.append("both cite " + ", ".join(shared))
            basis.append(f"summaries {score:.0f}% alike")
            rows.append({"domain": a["domain"], "earlier_id": a["finding_id"], "earlier_summary": a["summary"],
                         "earlier_evidence": a["evidence"], "earlier_section": a["section"],
                         "later_id": b["finding_id"], "later_kind": later_kind, "later_summary": b["summary"],
                         "later_evidence": b["evidence"], "later_section": b["section"], "shared_instruments": shared,
                         "score": score, "basis": "; ".join(basis)})
    out = pd.DataFrame(rows, columns=MATCH_COLUMNS)
    if not out.empty:
        order = {d: i for i, d in enumerate(DOMAIN_IDS)}
        out = out.sort_values(["domain", "earlier_id", "score"], key=lambda s: s.map(order) if s.name == "domain"
                              else (-s if s.name == "score" else s), kind="stable").reset_index(drop=True)
    return out


@dataclass
class EditionChange:
    earlier: Profile
    later: Profile
    moved: pd.DataFrame  # further_development -> well_developed
    persists: pd.DataFrame  # further_development -> further_development
    said_persisting: pd.DataFrame  # later findings whose text says the gap persists (gap_persisting)
    unmatched: pd.DataFrame  # earlier further_development findings with no match in the later edition


def edition_change(earlier: Profile, later: Profile, threshold: float = DEFAULT_THRESHOLD) -> EditionChange:
    moved = match_findings(earlier, later, "well_developed", threshold)
    persists = match_findings(earlier, later, "further_development", threshold)
    fl = later.findings
    said = fl.loc[fl["baseline_status"] == "gap_persisting"]
    fe = earlier.findings
    matched = set(moved["earlier_id"]) | set(persists["earlier_id"])
    unmatched = fe.loc[(fe["kind"] == "further_development") & ~fe["finding_id"].isin(matched)]
    return EditionChange(earlier, later, moved, persists, said, unmatched)


