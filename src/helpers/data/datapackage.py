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


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def present_tables(metadata: dict) -> list[str]:
    absent = metadata.get("mgi", {}).get("absent_tables", {}) or {}
    return [t.name for t in TABLES if t.name not in absent]


def expected_resources(metadata: dict) -> list[dict]:
    mgi = metadata.get("mgi", {})
    resources: list[dict] = []
    for name in present_tables(metadata):
        t = TABLES_BY_NAME[name]
        resources.append({
            "name": t.name, "type": "table", "path": t.filename, "scheme": "file", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": t.title, "description": t.description,
            "schema": t.schema_descriptor(),
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
    metadata = json.loads(path.read_text(encoding="utf-8"))
    metadata["resources"] = expected_resources(metadata)
    path.write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


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
