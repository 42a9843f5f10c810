"""Many profiles as one dataset: the seven tables as long DataFrames, every row carrying its profile.

    from helpers import load_profiles
    corpus = load_profiles()                       # every profile found (data/profiles and MGI_PROFILE_PATH)
    corpus = load_profiles(["PER-2021", "XEX-2022"], level="national", language="en")
    corpus.findings.groupby(["profile_id", "domain", "kind"]).size()
    corpus.profiles                                 # one row per profile: its metadata

Ids restart in every profile (F001 is in PER-2021 and in XEX-2022), so a row is identified by its profile and its
id together: `profile_id` plus the table's own key. Each profile comes from the loader's cache of validated
profiles (helpers.data.loader), so loading 200 profiles takes seconds once they have been validated.

What a profile *is* (level, language) is read in one place, `profile_facets`, from the profile's metadata
(`mgi.level`: national or local; `mgi.language`: the language the profile is written in); a profile that does
not say is national and in English.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.data.loader import Profile, load_profile
from helpers.data.schema import LEVELS, TABLES, TABLES_BY_NAME, TITLE_LANGUAGES
from helpers.paths import BadParameter, available_profiles, check_plain_name, find_profile

# the columns every row of a long table starts with, in this order
# (the assessment year is `assessment_year`: instruments and partnerships have a `year` of their own)
PROFILE_COLUMNS = ("profile_id", "iso3", "country", "edition", "assessment_year", "level")
DEFAULT_LEVEL = "national"
DEFAULT_LANGUAGE = "en"

PROFILE_FIELDS: dict[str, str] = {  # the profiles table: column -> meaning (the Fields sheet and the package say it)
    "profile_id": "Identifier of the profile (ISO3-assessment year); with a table's own id it identifies a row.",
    "iso3": "ISO 3166-1 alpha-3 code of the country (fictional test profiles use user-assigned codes such as XEX).",
    "country": "The country (or, for a local profile, the place) as the profile names it.",
    "country_short": "The short name titles and charts use.",
    "edition": "The edition as the profile names it ('Second Profile 2021').",
    "edition_number": "1 for a first profile, 2 for the second, ...",
    "assessment_year": "Year of the assessment.",
    "publication_year": "Year the profile was published.",
    "baseline_year": "Year of the earlier assessment this one reports updates against; empty for a first profile.",
    "level": "national, or local (a city or province profile). Profiles that do not say are national.",
    "locality": "The city or province a local profile assesses; empty for a national profile.",
    "locality_type": "What the locality is (city, province, ...); empty for a national profile.",
    "language": "Language of the source text (ISO 639-1). Profiles that do not say are taken to be in English (en).",
    "title": "Title of the profile's data package.",
    "citation": "How to cite the source profile.",
    "data_version": "Version of the profile's extracts.",
    "data_hash": "SHA-256 over the profile's datapackage.json and every file it lists: changes when the data does.",
    "fictional": "true for a fictional test profile: nothing in it is a fact about any country.",
    "absent_tables": "Tables the profile's edition does not have (e.g. no COVID-19 annex), ';'-separated.",
}


def profile_facets(mgi: dict) -> dict:
    """Level and language of a profile (its `mgi` metadata), the one place their defaults are decided: a
    profile that does not say is national and in English."""
    return {"level": str(mgi.get("level") or DEFAULT_LEVEL), "language": str(mgi.get("language") or DEFAULT_LANGUAGE)}


def profile_row(profile: Profile) -> dict:
    """One row of the profiles table."""
    mgi = profile.mgi
    return {
        "profile_id": profile.id, "iso3": mgi.get("iso3"), "country": mgi.get("country"),
        "country_short": profile.short_name, "edition": mgi.get("edition"),
        "edition_number": mgi.get("edition_number"), "assessment_year": mgi.get("assessment_year"),
        "publication_year": mgi.get("publication_year"), "baseline_year": mgi.get("baseline_year"),
        **profile_facets(mgi), "locality": mgi.get("locality"), "locality_type": mgi.get("locality_type"),
        "title": profile.title, "citation": mgi.get("citation"), "data_version": mgi.get("data_version"),
        "data_hash": profile.data_hash, "fictional": bool(mgi.get("fictional", False)),
        "absent_tables": ";".join(profile.absent_tables),
    }


_PROFILE_DTYPES = {"edition_number": "Int64", "assessment_year": "Int64", "publication_year": "Int64",
                   "baseline_year": "Int64", "fictional": "boolean"}


def profiles_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(PROFILE_FIELDS))
    for col in df.columns:
        df[col] = df[col].astype(_PROFILE_DTYPES.get(col, "string"))
    df.attrs["table"] = "profiles"
    return df


@dataclass
class Corpus:
    """Several profiles as one dataset: `profiles` (one row each) and one long frame per table."""

    profiles: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    members: list[Profile] = field(repr=False, default_factory=list)  # the loaded profiles, in order

    @property
    def ids(self) -> list[str]:
        return list(self.profiles["profile_id"])

    def __len__(self) -> int:
        return len(self.profiles)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in TABLES_BY_NAME:
            return self.__dict__["tables"][name]
        raise AttributeError(name)

    def key(self, table: str) -> list[str]:
        """The columns that identify a row of a long table: the profile and the table's own id."""
        return ["profile_id", TABLES_BY_NAME[table].primary_key]


def _long(table: str, members: list[Profile], rows: pd.DataFrame) -> pd.DataFrame:
    """One table of every member, the profile columns first: concatenated once, the profile columns looked up
    by profile_id (vectorised: 200 profiles take well under a second)."""
    t = TABLES_BY_NAME[table]
    own = [(p.id, p.tables[table]) for p in members if table in p.tables and len(p.tables[table])]
    if own:
        body = pd.concat([df for _, df in own], ignore_index=True)
        pids = pd.Index([pid for pid, df in own for _ in range(len(df))])
    else:  # no profile has a row: the columns, with their types
        body = _empty(t)
        pids = pd.Index([], dtype="string")
    meta = rows.set_index("profile_id")
    prefix = {"profile_id": pd.array(list(pids), dtype="string")}
    for c in PROFILE_COLUMNS[1:]:
        prefix[c] = pd.array(meta[c].reindex(pids).to_numpy(), dtype=rows[c].dtype)
    out = pd.concat([pd.DataFrame(prefix), body.reset_index(drop=True)], axis=1)
    out.attrs["table"] = table
    return out


def _empty(t) -> pd.DataFrame:
    from helpers.data.loader import _frame

    return _frame(t, [])


def resolve_ids(ids=None) -> list[str]:
    """None, [], 'all' or ['all']: every profile found; otherwise each id must exist and be listed once."""
    if isinstance(ids, str):
        ids = [ids]
    ids = list(ids or [])
    if not ids or ids == ["all"]:
        return list(available_profiles())
    seen: set[str] = set()
    found = available_profiles()
    for pid in ids:
        check_plain_name(pid, "Profile id")
        if pid not in found:
            find_profile(pid)  # BadParameter listing the profiles available
        if pid in seen:
            raise BadParameter(f"Profile {pid!r} is listed twice: list each profile once.")
        seen.add(pid)
    return ids


def _check_filter(value, allowed, what: str) -> str | None:
    if value in (None, "", "all"):
        return None
    if value not in allowed:
        raise BadParameter(f"Unknown {what} {value!r}. Valid values: {', '.join(allowed)} (or empty for every one)")
    return value


def load_profiles(ids=None, *, level: str | None = None, language: str | None = None,
                  use_cache: bool = True) -> Corpus:
    """The profiles asked for (default: every profile found), kept when they match `level` and `language`,
    as one Corpus. A profile with a data problem raises ProfileError, as load_profile does."""
    level = _check_filter(level, LEVELS, "level")
    language = _check_filter(language, TITLE_LANGUAGES, "language")
    members = []
    found = available_profiles()  # one search of the profile folders for all of them
    for pid in resolve_ids(ids):
        p = load_profile(pid, use_cache=use_cache, path=found[pid])
        facets = profile_facets(p.mgi)
        if (level is None or facets["level"] == level) and (language is None or facets["language"] == language):
            members.append(p)
    rows = profiles_frame([profile_row(p) for p in members])
    tables = {t.name: _long(t.name, members, rows) for t in TABLES}
    return Corpus(profiles=rows, tables=tables, members=members)


def stable_order(profiles: pd.DataFrame) -> list[str]:
    """Profile ids by country name, then year: an order that never depends on any count (not a ranking)."""
    ordered = profiles.sort_values(["country_short", "country", "assessment_year", "profile_id"],
                                   key=lambda s: s.str.casefold() if s.dtype == "string" else s)
    return list(ordered["profile_id"])
