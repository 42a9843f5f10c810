"""Cache keys: a report is up to date when nothing it depends on changed and its files are intact.

A report's key is one hash over the notebook's bytes, the parameters, every file of each profile folder it reads,
the code of src/helpers/ (Python and templates), the HTML options, and the Python and package versions.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

from helpers.paths import find_profile, notebooks_dir
from helpers.run.files import sha256_bytes_of
from helpers.run.registry import Job

REPORT_RECORD = "report.json"  # inside each report folder: its key and the hash of every file it holds


def tree_digest(root: Path, *, skip_dirs: tuple[str, ...] = ()) -> str:
    """One hash over every file below root: relative paths and bytes, in a fixed order."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if not p.is_file() or any(part in skip_dirs for part in rel.parts) or p.suffix == ".pyc":
            continue
        h.update(rel.as_posix().encode("utf-8") + b"\0")
        h.update(sha256_bytes_of(p).encode("ascii"))
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The code the reports run: every file of the helpers package."""
    import helpers

    return tree_digest(Path(helpers.__file__).parent, skip_dirs=("__pycache__",))


@lru_cache(maxsize=1)
def environment_digest() -> str:
    """Python's version and every installed distribution with its version (the names of the *.dist-info folders
    on sys.path, such as pandas-3.1.1.dist-info: reading each one's metadata would cost a second)."""
    found = []
    for entry in sys.path:
        try:
            found += [name for name in os.listdir(entry or ".") if name.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
    return hashlib.sha256("\n".join([sys.version, *sorted(found)]).encode("utf-8")).hexdigest()


def profile_digests(profiles: list[str]) -> dict[str, str]:
    return {pid: tree_digest(find_profile(pid)) for pid in profiles}


def report_key(job: Job, profile_digest: dict[str, str]) -> str:
    parts = {
        "notebook": sha256_bytes_of(notebooks_dir() / f"{job.notebook}.ipynb"),
        "parameters": job.parameters,
        "profiles": {pid: profile_digest[pid] for pid in job.profiles},
        "code": code_digest(),
        "environment": environment_digest(),
        "keep_code": job.keep_code,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


def file_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): sha256_bytes_of(p) for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != REPORT_RECORD}


def intact(folder: Path, key: str) -> bool:
    """True when the report folder was made with this key and every file it recorded is there, unchanged."""
    try:
        record = json.loads((folder / REPORT_RECORD).read_text(encoding="utf-8"))
        files = record["files"]
        if record.get("key") != key or not files:
            return False
        return all(sha256_bytes_of(folder / rel) == digest for rel, digest in files.items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
