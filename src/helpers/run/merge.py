"""`mgi merge-reports OUT SHARD_DIR...`: join the outputs of `mgi run --shard i/n` into one reports folder.

Each shard's manifest names the jobs that shard ran in its last run; those, and only those, are taken from it
(a shard folder restored from a cache may hold older reports of jobs that now belong to another shard). A job
named by two shards is refused, and so is an incomplete set: each shard's manifest records which of N it is
(`"shard": "2/4"`), and every one of 1..N must be given exactly once, or nothing is written. Reports are copied into a staging folder and swapped into place like a run's.
"""

from __future__ import annotations

import json
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

from helpers.atomic import copy_file
from helpers.paths import BadParameter
from helpers.run.files import atomic_write_text, locked, recover_dirs, remove_if_empty, swap_dir
from helpers.run.index import publish, state_path
from helpers.run.keys import intact

OK_STATUSES = ("ok", "unchanged")


def _manifest_of(shard: Path) -> dict:
    try:
        manifest = json.loads((shard / "manifest.json").read_text(encoding="utf-8"))
    except OSError:
        raise BadParameter(f"{shard} is not a reports folder: it has no manifest.json") from None
    except ValueError as exc:
        raise BadParameter(f"{shard / 'manifest.json'} is not valid JSON ({exc})") from None
    if not isinstance(manifest.get("reports"), list):
        raise BadParameter(f"{shard / 'manifest.json'}: expected a list under 'reports'")
    return manifest


def check_complete(shards: list[Path], manifests: list[dict]) -> None:
    """Every shard 1..N of one split, each once; otherwise a BadParameter naming what is missing or repeated."""
    given: dict[int, Path] = {}
    total = None
    for shard, manifest in zip(shards, manifests):
        text = manifest.get("shard")
        try:
            i, n = (int(part) for part in str(text).split("/"))
        except ValueError:
            raise BadParameter(f"{shard / 'manifest.json'}: this folder was not written by `mgi run --shard I/N` "
                               f"(its manifest records shard {text!r}); merge-reports joins the shards of one "
                               "split") from None
        if total is None:
            total = n
        elif n != total:
            raise BadParameter(f"{shard} is shard {i}/{n}, but {shards[0]} is of a split into {total}: "
                               "give the shards of one split")
        if i in given:
            raise BadParameter(f"shard {i}/{n} is given twice: {given[i]} and {shard}")
        given[i] = shard
    missing = [f"{i}/{total}" for i in range(1, (total or 0) + 1) if i not in given]
    if missing:
        raise BadParameter(f"incomplete set of shards: {', '.join(missing)} missing (given: "
                           + ", ".join(f"{i}/{total} {given[i]}" for i in sorted(given))
                           + "). Nothing was written; give every shard's folder.")


def merge_reports(out: Path, shards: list[Path], log) -> int:
    manifests = [_manifest_of(s) for s in shards]
    check_complete(shards, manifests)
    owner: dict[tuple[str, str], Path] = {}
    for shard, manifest in zip(shards, manifests):
        for r in manifest["reports"]:
            job = (r["key"], r["notebook"])
            if job in owner:
                raise BadParameter(f"{r['key']}/{r['notebook']} is in two shards: {owner[job]} and {shard}")
            owner[job] = shard
    out.mkdir(parents=True, exist_ok=True)
    staging = out / ".staging" / f"merge-{uuid.uuid4().hex[:8]}"
    problems = 0
    try:
        with locked(out / ".mgi.lock"):
            recover_dirs(out)
            for shard, manifest in zip(shards, manifests):
                for r in manifest["reports"]:
                    problems += not _take(shard, out, r, staging, log)
                for key in sorted({r["key"] for r in manifest["reports"]}):
                    _take_exports(shard, out, key)
            merged = _merged_manifest(shards, manifests)
            publish(out, merged)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        remove_if_empty(out / ".staging")
    failed = sum(r["status"] == "failed" for m in manifests for r in m["reports"])
    log(f"mgi merge-reports: {len(owner)} report(s) from {len(shards)} shard(s) into {out}; {failed} failed; "
        f"index: {out / 'index.html'}")
    return 1 if (failed or problems or any(m.get("invalid_profiles") for m in manifests)) else 0


def _take(shard: Path, out: Path, report: dict, staging: Path, log) -> bool:
    key, nb = report["key"], report["notebook"]
    state = json.loads(state_path(shard, key, nb).read_text(encoding="utf-8")) \
        if state_path(shard, key, nb).is_file() else {}
    if report["status"] in OK_STATUSES:
        src = shard / key / nb
        if not intact(src, report.get("cache_key", "")):
            log(f"mgi merge-reports: {shard}: {key}/{nb} is missing or damaged; not merged", err=True)
            return False
        copy = staging / key / nb
        shutil.copytree(src, copy)
        (out / key).mkdir(parents=True, exist_ok=True)
        swap_dir(copy, out / key / nb)
        for suffix in (".ipynb", ".html"):
            (out / key / "failed" / f"{nb}{suffix}").unlink(missing_ok=True)
        remove_if_empty(out / key / "failed")
    else:  # failed: bring the failed notebook; the last good report already in OUT (if any) stays
        previous = json.loads(state_path(out, key, nb).read_text(encoding="utf-8")) \
            if state_path(out, key, nb).is_file() else {}
        for suffix in (".ipynb", ".html"):
            src = shard / key / "failed" / f"{nb}{suffix}"
            if src.is_file():
                (out / key / "failed").mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, out / key / "failed" / f"{nb}{suffix}")
        kept = {k: previous[k] for k in ("generated_at", "html", "cache_key", "title", "data_version", "data_hash",
                                         "fictional") if k in previous and (out / key / nb).is_dir()}
        state = dict(state, **kept) if kept else {k: v for k, v in state.items() if k not in ("html", "cache_key")}
    atomic_write_text(state_path(out, key, nb), json.dumps(state, indent=2))
    return True


def _take_exports(shard: Path, out: Path, key: str) -> None:
    """The workbook, CSV zip and data package a shard wrote beside a profile's reports, each file replaced whole."""
    from helpers.export import exports_present

    for src in exports_present(key, shard / key):
        dest = out / src.relative_to(shard)
        dest.parent.mkdir(parents=True, exist_ok=True)
        copy_file(src, dest)


def _merged_manifest(shards: list[Path], manifests: list[dict]) -> dict:
    first = manifests[0]
    profiles: dict = {}
    invalid: dict = {}
    for m in manifests:
        profiles.update(m.get("inputs", {}).get("profiles", {}))
        invalid.update(m.get("invalid_profiles", {}))
    now = datetime.now(timezone.utc)
    return {
        "run_id": now.strftime("%Y%m%dT%H%M%SZ") + "-merge-" + uuid.uuid4().hex[:6],
        "finished_at": now.isoformat(timespec="seconds"),
        "code_revision": first.get("code_revision"),
        "shards": [{"folder": str(s), "run_id": m.get("run_id"), "shard": m.get("shard"),
                    "started_at": m.get("started_at"), "finished_at": m.get("finished_at"),
                    "duration_s": m.get("duration_s"), "code_revision": m.get("code_revision")}
                   for s, m in zip(shards, manifests)],
        "profiles": sorted({p for m in manifests for p in m.get("profiles", [])}),
        "inputs": {"profiles": profiles,
                   "notebooks": {k: v for m in manifests for k, v in m.get("inputs", {}).get("notebooks", {}).items()}},
        "packages": first.get("packages", {}),
        "invalid_profiles": invalid,
        "reports": [r for m in manifests for r in m["reports"]],
    }
