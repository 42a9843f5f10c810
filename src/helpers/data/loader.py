"""Loading a profile by id: validated pandas DataFrames per table, plus its metadata."""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.atomic import atomic_output
from helpers.data.datapackage import data_hash
from helpers.paths import find_profile, project_root
from helpers.errors import ProfileError
from helpers.data.quotes import SourceText
from helpers.data.schema import TABLES_BY_NAME, Table
from helpers.data.vocab import LOCALITY_WORDS

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


@dataclass
class Profile:
    id: str
    path: Path
    metadata: dict
    tables: dict[str, pd.DataFrame]
    source: SourceText

    @property
    def mgi(self) -> dict:
        return self.metadata["mgi"]

    @property
    def is_local(self) -> bool:
        """A local MGI profile (a city or province), not a national one (mgi.level)."""
        return self.mgi.get("level") == "local"

    @property
    def place(self) -> str:
        """What the profile assesses, in the words reports use: 'country', or for a local profile its
        locality_type ('city', 'province'...): "the city's first MGI profile"."""
        return LOCALITY_WORDS.get(self.mgi.get("locality_type", ""), "city") if self.is_local else "country"

    @property
    def country_name(self) -> str:
        """The country (of a local profile's city too): country_short when the metadata gives one."""
        return self.mgi.get("country_short") or self.mgi["country"]

    @property
    def short_name(self) -> str:
        """The place as titles and labels name it: the city or province of a local profile (locality_short, else
        locality); for a national profile country_short when the metadata gives one ('Peru' for 'Republic of
        Peru'), else the country."""
        if self.is_local:
            return self.mgi.get("locality_short") or self.mgi.get("locality") or self.country_name
        return self.country_name

    @property
    def place_key(self) -> str:
        """What editions of one place share: the country's iso3, and for a local profile its locality too (a city
        is set beside its country, never taken for an edition of it)."""
        return f"{self.mgi['iso3']}/{self.mgi.get('locality', '')}" if self.is_local else self.mgi["iso3"]

    @property
    def full_name(self) -> str:
        """'City of Carmora, Republic of Velsaria' for a local profile; the country for a national one."""
        if self.is_local:
            return f"{self.mgi.get('locality') or self.short_name}, {self.mgi['country']}"
        return self.mgi["country"]

    @property
    def title(self) -> str:
        return self.metadata["title"]

    @property
    def absent_tables(self) -> dict[str, str]:
        return dict(self.mgi.get("absent_tables") or {})

    def has(self, table: str) -> bool:
        return table in self.tables and len(self.tables[table]) > 0

    def __getattr__(self, name: str) -> pd.DataFrame:
        # profile.findings, profile.instruments, ... ; an absent table is an empty frame with its columns
        if name in TABLES_BY_NAME:
            tables = self.__dict__.get("tables", {})
            return tables[name] if name in tables else _frame(TABLES_BY_NAME[name], [])  # built only when absent
        raise AttributeError(name)

    @property
    def data_hash(self) -> str:
        return data_hash(self.path, self.metadata)

    @property
    def source_line(self) -> str:
        """The attribution every chart and table carries."""
        return f"Source: {self.mgi['citation']} Extracts: mgi-profiles, data v{self.mgi['data_version']}."


def _frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    cols: dict[str, pd.Series] = {}
    for f in table.fields:
        values = [r.get(f.name) for r in rows]
        if f.type == "list":
            cols[f.name] = pd.Series([list(v) if v else [] for v in values], dtype=object)
        else:
            cols[f.name] = pd.Series(values, dtype=_DTYPES.get(f.type, "string"))
    df = pd.DataFrame(cols)
    df.attrs["table"] = table.name
    return df


def load_profile(profile_id: str, *, use_cache: bool = True, path: Path | None = None) -> Profile:
    """The validated profile, or a ProfileError listing every problem (file, row, column, value, expected).

    A profile that validated once is kept in a cache keyed by the bytes of every file in its folder and of the
    code that validates it, so a report kernel does not validate (and import the validators) again; any change
    to the data or to that code makes a new key. `mgi validate` always validates afresh.
    """
    path = path or find_profile(profile_id)  # load_profiles passes the folder it found (one search for all)
    cache = _cache_file(profile_id, path)
    if use_cache and cache.is_file():
        try:
            with cache.open("rb") as f:
                cached = pickle.load(f)  # written by this project, below, into its own cache folder
            if isinstance(cached, Profile):
                cached.path = path
                return cached
        except Exception:  # an unreadable cache entry is only a missed shortcut
            pass
    from helpers.data.validate import check_profile  # imported here: a cache hit needs neither frictionless nor jsonschema

    checked = check_profile(path)
    if not checked.ok:
        raise ProfileError(profile_id, checked.problems)
    assert checked.source is not None
    tables = {name: _frame(TABLES_BY_NAME[name], rows) for name, rows in checked.rows.items()}
    profile = Profile(id=profile_id, path=path, metadata=checked.metadata, tables=tables, source=checked.source)
    _store(cache, profile)
    return profile


# --- the cache of validated profiles ------------------------------------------------------------------

# The key covers every module of the data layer (this folder), so no hand-kept list can fall out of step.
_DATA_LAYER = Path(__file__).resolve().parent


def cache_dir() -> Path:
    env = os.environ.get("MGI_CACHE_DIR")
    return Path(env) if env else project_root() / ".cache" / "profiles"


_VALIDATING_PACKAGES = ("pandas", "frictionless", "jsonschema", "charset-normalizer")


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """The code that validates and loads a profile: the data layer's modules and the versions of the packages it
    validates with, hashed once per process (the code a process has imported cannot change under it). A cache
    entry therefore stands for a complete validation of exactly these bytes by exactly this code."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for name in _VALIDATING_PACKAGES:
        try:
            h.update(f"{name}=={version(name)}\n".encode())
        except PackageNotFoundError:
            h.update(f"{name} missing\n".encode())
    for f in sorted(_DATA_LAYER.rglob("*.py")):
        h.update(f.relative_to(_DATA_LAYER).as_posix().encode() + b"\0" + f.read_bytes())
    return h.digest()


def _cache_file(profile_id: str, path: Path) -> Path:
    h = hashlib.sha256(_code_digest())
    for f in sorted(p for p in path.iterdir() if p.is_file()):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return cache_dir() / f"{profile_id}-{h.hexdigest()[:24]}.pickle"


def _store(cache: Path, profile: Profile) -> None:
    try:
        with atomic_output(cache) as tmp:  # atomic: kernels running side by side never read half a file
            with open(tmp, "wb") as f:
                pickle.dump(profile, f, protocol=pickle.HIGHEST_PROTOCOL)
        for old in cache.parent.glob(f"{profile.id}-*.pickle"):
            if old != cache:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):  # a read-only or full disk costs only speed
        pass
