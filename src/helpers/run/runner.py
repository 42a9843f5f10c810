"""`mgi run`: render the reports that changed, in parallel, without ever losing the last good one.

Each job's key (helpers.run.keys) says what the report depends on; a report whose key matches and whose files are
intact is skipped. Every other notebook runs in its own staging folder, and only a report that executed and
exported cleanly is swapped into place as one folder (helpers.run.files.swap_dir). Its key is recorded in the state
and the manifest only after that swap, so the cache never vouches for a report that is not there.
"""

from __future__ import annotations

import errno
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import sys
import time
import uuid
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from datetime import datetime, timezone
from pathlib import Path

from helpers import atomic
from helpers.data.datapackage import sha256_file
from helpers.paths import BadParameter, find_profile, notebooks_dir, project_root
from helpers.run import kernels
from helpers.run.execute import Outcome, execute_job, export_files, export_html, report_dir, short_error
from helpers.run.files import (atomic_write_text, git_revision, locked, package_versions, recover_dirs,
                               remove_if_empty, swap_dir)
from helpers.run.index import publish, state_path
from helpers.run.keys import intact, profile_digests, report_key
from helpers.run.registry import COMPARE_KEY, CORPUS_KEY, Job, is_cross, plan_jobs, select_shard, set_staging

OK_STATUSES = ("ok", "unchanged")


def default_log(msg: str, err: bool = False) -> None:
    """Plain lines: progress to stdout, problems to stderr."""
    print(msg, file=sys.stderr if err else sys.stdout, flush=True)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _read_json(path: Path) -> dict:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
        return value if isinstance(value, dict) else {}
    except (OSError, ValueError):
        return {}


def up_to_date(job: Job, out: Path) -> bool:
    """Same key as the last good render, that render's files intact, and the last attempt did not fail."""
    state = _read_json(state_path(out, job.key, job.notebook))
    return (state.get("last_status") in OK_STATUSES and state.get("cache_key") == job.cache_key
            and intact(out / job.key / job.notebook, job.cache_key))


def promote(job: Job, outcome: Outcome, out: Path, data: dict) -> dict:
    """Move a finished job's report folder into place (or keep its failed notebook); return its state record.

    `data` (title, data version and hash of the input) is recorded with a successful report, so the index says
    which data each report was made from even after the data changes.
    """
    dest = out / job.key
    dest.mkdir(parents=True, exist_ok=True)
    path = state_path(out, job.key, job.notebook)
    previous = _read_json(path)
    now = _now()
    record = dict(previous, key=job.key, notebook=job.notebook, last_attempt=now, last_status=outcome.status,
                  parameters=job.parameters)
    if outcome.status != "unchanged":  # a skipped report keeps the duration of the run that rendered it
        record["duration_s"] = round(outcome.duration_s, 2)
    if outcome.status == "ok":
        swap_dir(report_dir(job), dest / job.notebook)  # one step: the old report or the new one, never a mix
        for suffix in (".ipynb", ".html"):
            (dest / "failed" / f"{job.notebook}{suffix}").unlink(missing_ok=True)
            (dest / f"{job.notebook}{suffix}").unlink(missing_ok=True)  # the layout before report folders
        shutil.rmtree(dest / f"{job.notebook}_charts", ignore_errors=True)
        remove_if_empty(dest / "failed")
        record.update(data, generated_at=now, html=f"{job.key}/{job.notebook}/{job.notebook}.html", error="",
                      failed_notebook="", cache_key=job.cache_key)
    elif outcome.status == "failed":
        failed_dir = dest / "failed"
        failed_dir.mkdir(parents=True, exist_ok=True)
        executed = report_dir(job) / f"{job.notebook}.ipynb"
        record["failed_notebook"] = ""
        if executed.exists():
            atomic.move(executed, failed_dir / f"{job.notebook}.ipynb")
            record["failed_notebook"] = f"{job.key}/failed/{job.notebook}.ipynb"
            try:
                export_html(failed_dir / f"{job.notebook}.ipynb", failed_dir / f"{job.notebook}.html", keep_code=True)
            except Exception:  # the failed notebook itself is what matters; its HTML is a convenience
                (failed_dir / f"{job.notebook}.html").unlink(missing_ok=True)
        record["error"] = outcome.error
    atomic_write_text(path, json.dumps(record, indent=2))  # the key is recorded only once the report is in place
    return record


def _profile_info(pid: str) -> dict:
    from helpers.data.datapackage import data_hash

    path = find_profile(pid)
    meta = _read_json(path / "datapackage.json")  # unreadable metadata is reported by the validation
    mgi = meta.get("mgi", {}) if isinstance(meta.get("mgi", {}), dict) else {}
    from helpers.data.corpus import profile_facets

    return {"profile": pid, "title": meta.get("title", pid), "data_version": mgi.get("data_version"),
            "data_hash": data_hash(path, meta), "fictional": mgi.get("fictional", False),
            "country": mgi.get("country", ""), "edition": mgi.get("edition", ""), **profile_facets(mgi)}


def _report_data(job: Job, infos: dict[str, dict]) -> dict:
    keys = ("title", "data_version", "data_hash", "fictional", "country", "edition", "level", "language")
    if not is_cross(job.key):
        return {k: infos[job.key][k] for k in keys}
    pids = job.profiles
    joined = hashlib.sha256("".join(infos[p]["data_hash"] for p in pids).encode()).hexdigest()
    title = "Comparison of " + ", ".join(pids) if job.key == COMPARE_KEY else \
        f"Corpus of {len(pids)} profiles and their combined dataset"
    return {"title": title, "fictional": any(infos[p]["fictional"] for p in pids),
            "data_version": ", ".join(f"{p} v{infos[p]['data_version']}" for p in pids) if len(pids) <= 8 else
            f"{len(pids)} profiles (each one's version is listed with it)", "data_hash": joined}


def problems_of(pid: str) -> list:
    """A profile's data problems (empty when it is valid), validated completely; run in a worker process.

    A profile whose bytes were validated by this very code already (an entry of the loader's cache, keyed by
    every file of the folder, the data layer's code and the validating packages' versions) is not validated
    again: the entry exists only because that validation passed. `mgi validate` always validates afresh."""
    from helpers.data.loader import load_profile
    from helpers.errors import ProfileError

    try:
        load_profile(pid)
    except ProfileError as exc:
        return exc.problems
    return []


def _validate(profiles: list[str], log, jobs: int = 1) -> dict:
    """Check profiles completely before any kernel starts (this also fills the loader's cache for the kernels),
    on `jobs` processes when there are several profiles: with 200 profiles this is minutes on one core."""
    if not profiles:
        return {}
    if jobs > 1 and len(profiles) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(profiles))) as pool:
            found = dict(zip(profiles, pool.map(problems_of, profiles, chunksize=max(1, len(profiles) // (4 * jobs)))))
    else:
        found = {pid: problems_of(pid) for pid in profiles}
    invalid = {}
    for pid in profiles:
        if found[pid]:
            invalid[pid] = found[pid]
            log(f"{pid}: {len(found[pid])} data problem(s); its reports are not run:", err=True)
            for p in found[pid]:
                log("  - " + p.format(), err=True)
    return invalid


def _keyed(jobs: list[Job], digests: dict[str, str]) -> list[Job]:
    for job in jobs:
        job.cache_key = report_key(job, digests)
    return jobs


def plan(profiles: list[str], notebooks: list[str], out: Path, *, timeout: int, keep_code: bool, force: bool,
         shard: tuple[int, int] | None, log, workers: int = 1) -> tuple[list[Job], list[Job], dict]:
    """(jobs to render, jobs up to date, invalid profiles). Only profiles with something to render are validated:
    an up-to-date report was made from exactly these bytes by exactly this code, which validated them then."""
    jobs = select_shard(plan_jobs(profiles, notebooks, timeout=timeout, keep_code=keep_code), shard)
    digests = profile_digests(sorted({p for j in jobs for p in j.profiles}))
    _keyed(jobs, digests)
    fresh = [j for j in jobs if not force and up_to_date(j, out)]
    todo = [j for j in jobs if j not in fresh]
    invalid = _validate(sorted({p for j in todo for p in j.profiles}), log, workers)
    runnable = []
    for job in todo:
        bad = [p for p in job.profiles if p in invalid]
        if not bad:
            runnable.append(job)
        elif is_cross(job.key) and len(job.profiles) - len(bad) >= 2:  # compare the valid ones
            job.profiles = tuple(p for p in job.profiles if p not in invalid)
            job.parameters = {"profiles": list(job.profiles)}
            _keyed([job], digests)
            (fresh if not force and up_to_date(job, out) else runnable).append(job)
    return runnable, fresh, invalid


def run(profiles: list[str], notebooks: list[str], out: Path, jobs: int, timeout: int, keep_code: bool,
        log=default_log, *, force: bool = False, shard: tuple[int, int] | None = None) -> int:
    run_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]
    started = time.time()
    _absolute_search_paths()
    _check_writable(out)
    _prune_stale_staging(out)
    todo, fresh, invalid = plan(profiles, notebooks, out, timeout=timeout, keep_code=keep_code, force=force,
                                shard=shard, log=log, workers=jobs)
    staging_root = out / ".staging" / run_id
    set_staging(todo, staging_root)
    records: list[dict] = []
    try:
        early = _early_exports(todo, invalid)
        outcomes, export_failures = _execute_all(todo, jobs, log, exports=early, out=out)
        with locked(out / ".mgi.lock"):
            recover_dirs(out)  # swaps a killed run left half-done: the old report comes back
            planned = todo + fresh
            outcomes += [Outcome(j.key, j.notebook, "unchanged", 0.0) for j in fresh]
            involved = sorted({p for j in planned for p in j.profiles} | set(invalid))
            infos = {pid: _profile_info(pid) for pid in involved}
            for job, outcome in zip(planned, outcomes):
                records.append(promote(job, outcome, out, _report_data(job, infos)))
            export_failures += _write_exports(planned, outcomes, invalid, out, log, done=set(early))
            manifest = _manifest(run_id, started, profiles, notebooks, jobs, planned, outcomes, infos, invalid,
                                 shard)
            publish(out, manifest)
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
        remove_if_empty(out / ".staging")

    failed = [r for r in records if r["last_status"] == "failed"]
    rendered = sum(r["last_status"] == "ok" for r in records)
    log(f"mgi run: {rendered} report(s) rendered, {len(fresh)} unchanged, {len(failed)} failed in "
        f"{time.time() - started:.1f} s; index: {out / 'index.html'}")
    if invalid:
        log(f"mgi run: FAILED — profile(s) with data problems, not rendered: {', '.join(invalid)} "
            f"(run: mgi validate {' '.join(invalid)})", err=True)
    for r in failed:
        kept = f"; failed notebook kept at {out / r['failed_notebook']}" if r.get("failed_notebook") else ""
        last_good = f"; last good report left as it was: {out / r['html']}" if r.get("html") else ""
        log(f"mgi run: FAILED {r['key']}/{r['notebook']}: {r['error']}{kept}{last_good}", err=True)
    return 1 if (failed or invalid or export_failures) else 0


def _early_exports(todo: list[Job], invalid: dict) -> dict[str, tuple[str, ...]]:
    """The exports the workers write alongside the notebooks, after them in the queue (so they fill the time one
    worker would otherwise wait for the other's last notebook): each valid profile with a report to render, and
    the combined dataset when the corpus report is to render. {key: the profiles it covers}."""
    early = {j.key: (j.key,) for j in todo if not is_cross(j.key) and j.key not in invalid}
    early.update({j.key: j.profiles for j in todo if j.key == CORPUS_KEY})
    return early


def _write_exports(planned: list[Job], outcomes: list[Outcome], invalid: dict, out: Path, log,
                   done: set[str] = frozenset()) -> list[str]:
    """The workbook, the CSV zip and the data package beside each profile's reports: written again when one of the
    profile's reports was rendered in this run, or when they are missing, unless the workers already wrote them
    in this run (`done`). Returns the profiles that failed."""
    from helpers.errors import ProfileError
    from helpers.export import ExportError, default_name, write_exports

    rendered = {o.key for o in outcomes if o.status == "ok"}
    failures = [] if CORPUS_KEY in done else _write_combined(planned, rendered, out, log)
    for pid in sorted({j.key for j in planned if not is_cross(j.key)} - set(invalid) - set(done)):
        if pid not in rendered and (out / pid / default_name(pid, "xlsx")).is_file():
            continue
        try:
            write_exports(pid, out / pid)
        except (ExportError, ProfileError, OSError) as exc:
            log(f"mgi run: FAILED exports of {pid} (workbook, CSV zip, data package): {exc}", err=True)
            failures.append(pid)
    return failures


def _write_combined(planned: list[Job], rendered: set[str], out: Path, log) -> list[str]:
    """The combined dataset of every valid profile of the corpus report (workbook, data package zip, Parquet
    files) beside that report: written again when the report was rendered in this run, or when missing."""
    from helpers.errors import ProfileError
    from helpers.export import ExportError, combined_present, write_combined

    job = next((j for j in planned if j.key == CORPUS_KEY), None)
    if job is None or (CORPUS_KEY not in rendered and combined_present(out / CORPUS_KEY)):
        return []
    try:
        write_combined(list(job.profiles), out / CORPUS_KEY)
    except (ExportError, ProfileError, OSError) as exc:
        log(f"mgi run: FAILED the combined dataset (workbook, data package zip, Parquet): {exc}", err=True)
        return [CORPUS_KEY]
    return []


def _by_expected_time(planned: list[Job], out: Path) -> list[int]:
    """Indexes of the jobs, longest first (each report's duration when it was last rendered; unknown: the reports
    that read every profile first, then in plan order), so that a run does not end with one long report on one
    core while the other waits."""
    def expected(i: int) -> float:
        job = planned[i]
        d = _read_json(state_path(out, job.key, job.notebook)).get("duration_s")
        if isinstance(d, (int, float)) and not isinstance(d, bool):
            return float(d)
        return 1e6 if is_cross(job.key) else 0.0
    return sorted(range(len(planned)), key=expected, reverse=True)


def _execute_all(planned: list[Job], jobs: int, log, *, exports: dict[str, tuple[str, ...]] | None = None,
                 out: Path | None = None) -> tuple[list[Outcome], list[str]]:
    """Run the notebooks (longest first) and then the exports in a pool of `jobs` workers. Returns the outcomes,
    in the order of `planned`, and the keys whose exports failed (each logged)."""
    if not planned:
        return [], []
    exports = exports or {}
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(total=len(planned), unit="report", desc="mgi run", file=sys.stderr)
    results: dict[int, Outcome] = {}
    failed_exports: list[str] = []
    remaining, spares = multiprocessing.Value("i", len(planned)), multiprocessing.Value("i", 0)
    kernel_dir = str(Path(planned[0].staging).parents[1] / "kernels")  # <staging root>/kernels
    pool = ProcessPoolExecutor(max_workers=max(1, min(jobs, len(planned))), initializer=kernels.init_worker,
                               initargs=(kernel_dir, remaining, spares))
    try:
        order = _by_expected_time(planned, out) if out is not None else list(range(len(planned)))
        futures = {pool.submit(execute_job, planned[i]): i for i in order}
        export_futures = {pool.submit(export_files, key, str(out), profiles): key
                          for key, profiles in exports.items()} if out is not None else {}
        pending = set(futures) | set(export_futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                if fut in export_futures:
                    key = export_futures[fut]
                    try:
                        error = fut.result()
                    except Exception as exc:  # the worker process itself died
                        error = short_error(exc)
                    if error:
                        log(f"mgi run: FAILED exports of {key}: {error}", err=True)
                        failed_exports.append(key)
                    continue
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except Exception as exc:  # the worker process itself died
                    results[i] = Outcome(planned[i].key, planned[i].notebook, "failed", 0.0, short_error(exc))
                o = results[i]
                if bar is not None:
                    bar.set_postfix_str(f"{o.key}/{o.notebook} {o.status}")
                    bar.update(1)
                else:
                    log(f"[{len(results)}/{len(planned)}] {o.status:<6} {o.key}/{o.notebook} ({o.duration_s:.1f} s)")
    except BaseException:
        _kill_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if bar is not None:
            bar.close()
    return [results[i] for i in range(len(planned))], failed_exports


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop worker processes and the kernels they started."""
    for proc in list(getattr(pool, "_processes", {}).values()):
        try:
            os.kill(proc.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass


def _manifest(run_id, started, profiles, notebooks, jobs, planned, outcomes, infos, invalid, shard) -> dict:
    return {
        "run_id": run_id,
        "started_at": datetime.fromtimestamp(started, timezone.utc).isoformat(timespec="seconds"),
        "finished_at": _now(),
        "duration_s": round(time.time() - started, 2),
        "command": sys.argv,
        "jobs": jobs,
        "shard": f"{shard[0]}/{shard[1]}" if shard else None,
        "profiles": profiles,
        "notebooks": notebooks,
        "code_revision": git_revision(project_root()),
        "inputs": {
            "profiles": infos,
            "notebooks": {nb: sha256_file(notebooks_dir() / f"{nb}.ipynb") for nb in notebooks},
        },
        "packages": package_versions(),
        "invalid_profiles": {pid: [p.format() for p in probs] for pid, probs in invalid.items()},
        "reports": [
            {"key": j.key, "notebook": j.notebook, "parameters": j.parameters, "status": o.status,
             "cache_key": j.cache_key, "duration_s": round(o.duration_s, 2), "attempts": o.attempts,
             "error": o.error}
            for j, o in zip(planned, outcomes)
        ],
    }


def _absolute_search_paths() -> None:
    """Kernels start in staging folders: relative MGI_HOME / MGI_PROFILE_PATH mean what they meant here."""
    for name in ("MGI_HOME", "MGI_PROFILE_PATH"):
        if os.environ.get(name):
            os.environ[name] = os.pathsep.join(str(Path(p).resolve()) if p else p
                                               for p in os.environ[name].split(os.pathsep))


def _check_writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-probe-{uuid.uuid4().hex[:6]}"
        probe.write_bytes(b"x" * 4096)
        probe.unlink()
    except OSError as exc:
        reason = {errno.ENOSPC: "the disk is full", errno.EROFS: "the file system is read-only",
                  errno.EACCES: "permission denied", errno.EPERM: "permission denied"}.get(exc.errno, exc.strerror)
        raise BadParameter(f"Cannot write reports to {out}: {reason}. Nothing was changed.") from None


def _prune_stale_staging(out: Path, max_age_s: float = 86400) -> None:
    """Staging folders left by a run that was killed outright (kill -9) are removed after a day."""
    root = out / ".staging"
    if not root.is_dir():
        return
    for d in root.iterdir():
        try:
            if time.time() - d.stat().st_mtime > max_age_s:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            pass
