"""datapackage.json: the profile's metadata (kept by hand) and its table schemas (written from helpers.data.schema).

The schemas inside each datapackage.json are generated, so the frictionless command line can validate a
profile folder on its own while the project still declares every field once.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from helpers.data.schema import TABLES, TABLES_BY_NAME

DESCRIPTOR = "datapackage.json"
TODO = "TODO"  # what `mgi new-profile` writes where a person must fill in the metadata

# The Data Package version a profile's package declares. List fields (findings.instruments, instruments.domains,
# ...) are a Data Package v2 feature, so a package that has one declares v2 with `$schema` at each level;
# v1 clients (datapackage-py, tableschema) do not know list fields: the combined export (helpers.export.combined)
# is their path, with plain-string list columns and link tables.
V2_PROFILES = {
    "package": "https://datapackage.org/profiles/2.0/datapackage.json",
    "resource": "https://datapackage.org/profiles/2.0/dataresource.json",
    "schema": "https://datapackage.org/profiles/2.0/tableschema.json",
}


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def present_tables(metadata: dict) -> list[str]:
    absent = metadata.get("mgi", {}).get("absent_tables", {}) or {}
    return [t.name for t in TABLES if t.name not in absent]


def uses_v2(metadata: dict) -> bool:
    """True when a table the package holds has a list field (a Data Package v2 feature)."""
    return any(f.type == "list" for name in present_tables(metadata) for f in TABLES_BY_NAME[name].fields)


def declared_version(metadata: dict) -> str | None:
    """The `$schema` the package's descriptor must carry: v2 where list fields are used, else none (v1)."""
    return V2_PROFILES["package"] if uses_v2(metadata) else None


def expected_resources(metadata: dict) -> list[dict]:
    mgi = metadata.get("mgi", {})
    v2 = uses_v2(metadata)
    resources: list[dict] = []
    for name in present_tables(metadata):
        t = TABLES_BY_NAME[name]
        schema = t.schema_descriptor()
        head = {"$schema": V2_PROFILES["resource"]} if v2 else {}
        resources.append(head | {
            "name": t.name, "type": "table", "path": t.filename, "scheme": "file", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": t.title, "description": t.description,
            "schema": ({"$schema": V2_PROFILES["schema"]} | schema) if v2 else schema,
        })
    if mgi.get("source_file"):
        resources.append({
            "name": "source-text", "type": "text", "path": mgi["source_file"], "scheme": "file", "format": "txt",
            "mediatype": "text/plain", "encoding": "utf-8",
            "title": "Source text of the profile (unaltered)",
            "description": "Text converted from the published PDF; every evidence quote is checked against it.",
            "hash": "sha256:" + mgi.get("source_sha256", ""),
        })
    if mgi.get("source_pdf"):
        resources.append({
            "name": "source-pdf", "type": "file", "path": mgi["source_pdf"], "scheme": "file", "format": "pdf",
            "mediatype": "application/pdf", "title": "The published PDF of the profile (unaltered)",
            "description": "The source text was converted from it; mgi.conversion says how.",
            "hash": "sha256:" + mgi.get("source_pdf_sha256", ""),
        })
    return resources


def write_descriptor(profile_dir: Path) -> Path:
    """Rewrite the resources of datapackage.json from the project's schema, keeping the metadata."""
    path = profile_dir / DESCRIPTOR
    metadata = declare(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def declare(metadata: dict) -> dict:
    """metadata with its resources written from the schema and the Data Package version it uses declared
    (`$schema` first, as the standard shows it); the rest of the metadata is kept as it was."""
    version = declared_version(metadata)
    rest = {k: v for k, v in metadata.items() if k != "$schema"}
    rest["resources"] = expected_resources(metadata)
    return ({"$schema": version} | rest) if version else rest


def data_hash(profile_dir: Path, metadata: dict) -> str:
    """One hash over the descriptor and every file it lists: it changes whenever the data changes."""
    h = hashlib.sha256()
    files = [DESCRIPTOR] + [r["path"] for r in metadata.get("resources", []) if isinstance(r.get("path"), str)]
    for name in files:
        p = profile_dir / name
        if p.is_file():
            h.update(name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def todo_fields(metadata, prefix: str = "") -> list[str]:
    """Paths of the metadata values still holding the TODO placeholder ('mgi/citation', 'licenses/1/name')."""
    if isinstance(metadata, str):
        return [prefix] if metadata.startswith(TODO) else []
    if isinstance(metadata, dict):
        items = [(k, v) for k, v in metadata.items() if not (k == "resources" and not prefix)]
    elif isinstance(metadata, list):
        items = list(enumerate(metadata))
    else:
        return []
    found: list[str] = []
    for k, v in items:
        found += todo_fields(v, f"{prefix}/{k}" if prefix else str(k))
    return found
