"""Every profile as one dataset: one workbook, one data package zip and a Parquet file per table.

    mgi export --all [--out DIR]                 # every profile found
    mgi export --profile PER-2021 --profile XEX-2022 --out DIR

The long tables come from helpers.data.corpus (the profile columns first on every row). The data package is the
path for every client, old or new: it uses Data Package v1 features only (no list fields): a list cell is a
plain string of values separated by ';', and each many-to-many relation is also a tidy link table (finding ↔
instrument, response ↔ instrument, instrument ↔ domain, response ↔ domain, instrument ↔ instrument it amends,
repeals, regulates or extends), so a spreadsheet, SQL or datapackage-py reads them without splitting strings.
Every resource carries its `bytes` and `hash` (SHA-256). The Parquet files keep list columns as lists.

Every file is the same byte for byte for the same data (the zip has fixed dates; the workbook has fixed
document dates), and each is written beside its target and renamed into place, so a failed export leaves the
previous files as they were.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.data.corpus import PROFILE_COLUMNS, PROFILE_FIELDS, Corpus
from helpers.data.schema import LIST_DELIMITER, RELATIONS, TABLES, TABLES_BY_NAME, Field
from helpers.export.archive import ZIP_DATE
from helpers.export.files import atomic_output

BASENAME = "mgi-profiles"  # mgi-profiles.xlsx, mgi-profiles-datapackage.zip, parquet/<table>.parquet
PACKAGE_FOLDER = "mgi-profiles"  # the folder inside the zip
V1_PROFILE = "tabular-data-package"


def workbook_name() -> str:
    return f"{BASENAME}.xlsx"


def zip_name() -> str:
    return f"{BASENAME}-datapackage.zip"


PARQUET_FOLDER = "parquet"


# --- link tables: the many-to-many relations, one row per pair -------------------------------------------

@dataclass(frozen=True)
class Link:
    name: str
    table: str  # the table whose list field it unfolds
    fields: tuple[str, ...]  # the list fields unfolded (several: one column says which)
    item: str  # the column holding one item
    title: str
    description: str

    @property
    def parent_key(self) -> str:
        return TABLES_BY_NAME[self.table].primary_key

    @property
    def columns(self) -> list[str]:
        return ["profile_id", self.parent_key] + (["relation"] if len(self.fields) > 1 else []) + \
            [self.item, "position"]


def _links() -> tuple[Link, ...]:
    """One link table per list field of the schema; the four relations between instruments share one."""
    out: list[Link] = []
    for t in TABLES:
        lists = [f for f in t.fields if f.type == "list"]
        relations = tuple(f.name for f in lists if f.name in RELATIONS)
        for f in lists:
            if f.name in RELATIONS:
                continue
            item = "instrument_id" if f.item_ref == "instruments" else "domain"
            what = t.name.rstrip("s").replace("_", " ") if t.name != "covid_responses" else "COVID-19 response"
            out.append(Link(f"{t.name}_{f.name}", t.name, (f.name,), item,
                            f"{t.title}: {f.name}, one row per pair",
                            f"The '{f.name}' list of {t.name}.csv, one row per {what} and {item}. {f.description}"))
        if relations:
            out.append(Link("instrument_relations", t.name, relations, "target_instrument_id",
                            "Instruments: amends, repeals, regulates, extends, one row per pair",
                            "One row per instrument and each instrument it amends, repeals, regulates or extends "
                            "(relation says which), from the list columns of instruments.csv."))
    return tuple(out)


LINKS = _links()


def link_frame(corpus: Corpus, link: Link) -> pd.DataFrame:
    src = corpus.tables[link.table]
    rows = []
    for rec in src[["profile_id", link.parent_key, *link.fields]].itertuples(index=False, name=None):
        pid, key, *lists = rec
        for fname, values in zip(link.fields, lists):
            for i, v in enumerate(values or [], start=1):
                rows.append((pid, key, *([fname] if len(link.fields) > 1 else []), v, i))
    df = pd.DataFrame(rows, columns=link.columns)
    for c in link.columns:
        df[c] = df[c].astype("Int64" if c == "position" else "string")
    return df


# --- the frames written, in the order of the package -------------------------------------------------------

def frames(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """profiles, the seven long tables (list columns as lists), then the link tables."""
    out = {"profiles": corpus.profiles}
    out.update({t.name: corpus.tables[t.name] for t in TABLES})
    out.update({link.name: link_frame(corpus, link) for link in LINKS})
    return out


def plain(df: pd.DataFrame) -> pd.DataFrame:
    """A frame as v1 clients and spreadsheets read it: list cells as ';'-separated strings (empty list: empty)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: LIST_DELIMITER.join(map(str, v)) or None
                                    if isinstance(v, (list, tuple)) else v).astype("string")
    return out


def _csv_cell(v):
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    return v.item() if isinstance(v, np.generic) else v


def csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV as the profiles' own: booleans as true/false, empty for missing, '\\n' line ends."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(df.columns))
    for row in plain(df).itertuples(index=False, name=None):
        w.writerow([_csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8")


# --- the descriptor ----------------------------------------------------------------------------------------

def _v1_field(f: Field, table: str) -> dict:
    d = f.descriptor()
    if f.type == "list":
        link = next(lk for lk in LINKS if lk.table == table and f.name in lk.fields)
        d = {"name": f.name, "type": "string",
             "description": f"{f.description} Values separated by '{LIST_DELIMITER}'; the same pairs, one per row, "
                            f"are in {link.name}.csv."}
    return d


_PROFILE_TYPES = {"edition_number": "integer", "assessment_year": "integer", "publication_year": "integer",
                  "baseline_year": "integer", "fictional": "boolean"}


def _profile_field(name: str) -> dict:
    d = {"name": name, "type": _PROFILE_TYPES.get(name, "string"), "description": PROFILE_FIELDS[name]}
    if d["type"] == "boolean":
        d.update(trueValues=["true"], falseValues=["false"])
    if name == "profile_id":
        d["constraints"] = {"required": True, "unique": True}
    return d


def _schema(name: str) -> dict:
    to_profiles = {"fields": ["profile_id"], "reference": {"resource": "profiles", "fields": ["profile_id"]}}
    if name == "profiles":
        return {"fields": [_profile_field(c) for c in PROFILE_FIELDS], "primaryKey": ["profile_id"],
                "missingValues": [""]}
    if name in TABLES_BY_NAME:
        t = TABLES_BY_NAME[name]
        fields = [_profile_field(c) for c in PROFILE_COLUMNS] + [_v1_field(f, name) for f in t.fields]
        for f in fields[:len(PROFILE_COLUMNS)]:
            f.pop("constraints", None)  # repeated on every row of the profile
        # a key to another table of the same profile is [profile_id, id]; where the id may be empty (a figure
        # without a Key sources entry) a composite key cannot say so, so it is stated in the field's description
        # (each profile's own package checks it)
        fks = [to_profiles] + [
            {"fields": ["profile_id", fk.fields], "reference": {"resource": fk.table,
                                                                "fields": ["profile_id", fk.ref_field]}}
            for fk in t.foreign_keys if t.field(fk.fields).required]
        for fk in t.foreign_keys:
            f = next(d for d in fields if d["name"] == fk.fields)
            if not t.field(fk.fields).required:
                f["description"] += f" When given, a {fk.ref_field} of {fk.table}.csv of the same profile."
        return {"fields": fields, "primaryKey": ["profile_id", t.primary_key], "foreignKeys": fks,
                "missingValues": [""]}
    link = next(lk for lk in LINKS if lk.name == name)
    parent = TABLES_BY_NAME[link.table]
    fields = [{"name": "profile_id", "type": "string", "description": PROFILE_FIELDS["profile_id"],
               "constraints": {"required": True}},
              {"name": link.parent_key, "type": "string", "description": f"The row of {parent.filename}.",
               "constraints": {"required": True}}]
    if len(link.fields) > 1:
        fields.append({"name": "relation", "type": "string", "description": "Which list the pair comes from.",
                       "constraints": {"required": True, "enum": list(link.fields)}})
    item = {"name": link.item, "type": "string", "constraints": {"required": True},
            "description": "An instrument of the same profile." if "instrument" in link.item else "An MGI domain."}
    if link.item == "domain":
        item["constraints"]["enum"] = list(TABLES_BY_NAME["instruments"].field("domains").item_enum)
    fields += [item, {"name": "position", "type": "integer", "description": "Place of the item in the list (1 first).",
                      "constraints": {"required": True, "minimum": 1}}]
    fks = [{"fields": ["profile_id", link.parent_key],
            "reference": {"resource": link.table, "fields": ["profile_id", link.parent_key]}}]
    if "instrument" in link.item:
        fks.append({"fields": ["profile_id", link.item],
                    "reference": {"resource": "instruments", "fields": ["profile_id", "instrument_id"]}})
    key = ["profile_id", link.parent_key] + (["relation"] if len(link.fields) > 1 else []) + [link.item]
    return {"fields": fields, "primaryKey": key, "foreignKeys": fks, "missingValues": [""]}


def _title(name: str) -> tuple[str, str]:
    if name == "profiles":
        return "Profiles", "One row per profile: what it is (country, edition, level, language) and its data version."
    if name in TABLES_BY_NAME:
        t = TABLES_BY_NAME[name]
        return t.title, f"{t.description} Every profile's rows, each starting with the profile columns."
    link = next(lk for lk in LINKS if lk.name == name)
    return link.title, link.description


def descriptor(corpus: Corpus, files: dict[str, bytes]) -> dict:
    """The combined package (Data Package v1: readable by v1 and v2 clients), with bytes and hash per resource."""
    members = corpus.members
    licences, seen = [], set()
    for p in members:
        for lic in p.metadata.get("licenses") or []:
            key = json.dumps(lic, sort_keys=True)
            if key not in seen:
                seen.add(key)
                licences.append(lic)
    resources = []
    for name, data in files.items():
        title, description = _title(name)
        resources.append({
            "name": name.replace("_", "-"), "path": f"{name}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "title": title,
            "description": description, "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "schema": _schema(name),
        })
    # foreign keys name resources by their resource name
    names = {n: n.replace("_", "-") for n in files}
    for r in resources:
        for fk in r["schema"].get("foreignKeys", []):
            fk["reference"]["resource"] = names[fk["reference"]["resource"]]
    fictional = [p.id for p in members if p.mgi.get("fictional")]
    description = (f"The cited extracts of {len(members)} MGI profile(s) as one dataset: a profiles table, the "
                   "seven tables with the profile columns on every row, and link tables for the many-to-many "
                   "relations. Every row except sources and errata carries a verbatim quote of its profile's "
                   "source text. The MGI is not a ranking: counts, statuses and quotes, no scores.")
    if fictional:
        description += (f" FICTIONAL test profiles included ({', '.join(fictional)}): nothing in them is a fact "
                        "about any country.")
    return {
        "profile": V1_PROFILE,
        "name": "mgi-profiles-combined",
        "title": f"MGI profiles: cited tabular extracts of {len(members)} profile(s)",
        "description": description,
        "licenses": licences,
        "sources": [{"title": p.mgi.get("citation", p.id)} for p in members],
        "keywords": ["migration governance indicators", "IOM", "MGI"],
        "mgi": {"profiles": [{"profile_id": p.id, "data_version": p.mgi.get("data_version"),
                              "data_hash": p.data_hash} for p in members]},
        "resources": resources,
    }


def package_files(corpus: Corpus) -> dict[str, bytes]:
    """{file name in the package: bytes}: the CSVs, then datapackage.json."""
    csvs = {name: csv_bytes(df) for name, df in frames(corpus).items()}
    desc = descriptor(corpus, csvs)
    out = {f"{name}.csv": data for name, data in csvs.items()}
    out["datapackage.json"] = (json.dumps(desc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return out


def zip_bytes(corpus: Corpus) -> bytes:
    files = package_files(corpus)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in ["datapackage.json"] + [n for n in files if n != "datapackage.json"]:
            info = zipfile.ZipInfo(f"{PACKAGE_FOLDER}/{name}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
    return buf.getvalue()


def write_zip(corpus: Corpus, target: Path) -> Path:
    data = zip_bytes(corpus)
    with atomic_output(Path(target)) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_parquet(corpus: Corpus, folder: Path) -> list[Path]:
    """One Parquet file per frame (pyarrow); list columns stay lists of strings."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    written = []
    for name, df in frames(corpus).items():
        arrays = {col: pa.array(list(df[col]), type=pa.list_(pa.string())) if df[col].dtype == object
                  else pa.array(df[col]) for col in df.columns}
        target = Path(folder) / f"{name}.parquet"
        with atomic_output(target) as tmp:
            pq.write_table(pa.table(arrays), tmp)
        written.append(target)
    return written
