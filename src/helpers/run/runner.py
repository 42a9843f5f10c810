"""`mgi run`: render every report, in parallel, without ever losing the last good one.

Each notebook runs in its own staging folder; only a report that executed and exported cleanly is
promoted into place with an atomic rename. A failure keeps the failed notebook beside the reports and
leaves the previous HTML byte-for-byte as it was.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import sys
import time
import uuid
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from helpers.paths import (BadParameter, available_profiles, check_plain_name, default_profile, find_profile, notebooks_dir,
                    project_root)
from helpers.data.datapackage import sha256_file
from helpers.run.files import atomic_write_text, git_revision, locked, package_versions, replace_dir, write_index

PER_PROFILE_NOTEBOOKS = ("overview", "domain_progress", "migration_statistics", "covid_responses")
CROSS_PROFILE_NOTEBOOKS = ("compare_profiles",)
COMPARE_KEY = "_compare"  # folder of reports that span profiles


@dataclass
class Job:
    key: str  # profile id, or COMPARE_KEY
    notebook: str
    parameters: dict
    staging: str
    timeout: int
    keep_code: bool

    @property
    def label(self) -> str:
        return f"{self.key}/{self.notebook}"


@dataclass
class Outcome:
    key: str
    notebook: str
    status: str  # ok | failed
    duration_s: float
    error: str = ""
    attempts: int = 1
    parameters: dict = field(default_factory=dict)


# --- the work done in a child process -----------------------------------------------------------------

_TRANSIENT = ("Address already in use", "Kernel died before replying to kernel_info",
              "Kernel didn't respond", "Timeout waiting for kernel_info reply")


def execute_job(job: Job) -> Outcome:
    """Execute one notebook with papermill into its staging folder, then export HTML there."""
    import papermill as pm

    start = time.monotonic()
    staging = Path(job.staging)
    staging.mkdir(parents=True, exist_ok=True)
    executed = staging / f"{job.notebook}.ipynb"
    params = dict(job.parameters, output_dir=str(staging / f"{job.notebook}_charts"))
    _send_stderr_to(staging / "kernel.log")  # kernel chatter goes to a log, not to the cron mail
    attempts = 0
    while True:
        attempts += 1
        try:
            pm.execute_notebook(
                str(notebooks_dir() / f"{job.notebook}.ipynb"), str(executed), parameters=params,
                kernel_name="python3", cwd=str(staging), execution_timeout=job.timeout, start_timeout=120,
                progress_bar=False, log_output=False, report_mode=False,
            )
            break
        except Exception as exc:  # papermill raises its own and the kernel's errors
            message = _short_error(exc)
            if attempts < 4 and any(t in message for t in _TRANSIENT) and not _ran_any_cell(executed):
                time.sleep(0.5 * attempts + (os.getpid() % 7) / 10)  # kernel start-up race: try again
                continue
            return Outcome(job.key, job.notebook, "failed", time.monotonic() - start, message, attempts, params)
    try:
        export_html(executed, staging / f"{job.notebook}.html", keep_code=job.keep_code)
    except Exception as exc:
        return Outcome(job.key, job.notebook, "failed", time.monotonic() - start, "HTML export failed: " +
                       _short_error(exc), attempts, params)
    return Outcome(job.key, job.notebook, "ok", time.monotonic() - start, "", attempts, params)


def _send_stderr_to(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)


def _ran_any_cell(executed: Path) -> bool:
    try:
        nb = json.loads(executed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return any(c.get("execution_count") for c in nb.get("cells", []) if c.get("cell_type") == "code")


def _short_error(exc: BaseException) -> str:
    """The last meaningful line of an error: a person reads it in a log, not a traceback."""
    ename = getattr(exc, "ename", None)
    evalue = getattr(exc, "evalue", None)
    if ename:
        return f"{ename}: {evalue}"
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[-1] if text else ''}"


def export_html(executed: Path, target: Path, *, keep_code: bool) -> None:
    """One self-contained HTML file: charts embedded as data URIs, code hidden unless asked for."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(executed), as_version=4)
    exporter = HTMLExporter(template_name="lab", exclude_input=not keep_code, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    body = _offline(body)
    target.write_text(body, encoding="utf-8")


def _offline(html: str) -> str:
    """Drop the CDN scripts nbconvert adds (MathJax, require.js): the reports use neither and must open offline."""
    import re

    return re.sub(r'<script[^>]+src="https?://[^"]+"[^>]*>\s*</script>', "", html)


# --- the parent process ------------------------------------------------------------------------------

def plan_jobs(profiles: list[str], notebooks: list[str], out: Path, run_id: str, timeout: int,
              keep_code: bool) -> list[Job]:
    staging_root = out / ".staging" / run_id
    jobs = []
    for pid in profiles:
        for nb in notebooks:
            if nb in PER_PROFILE_NOTEBOOKS:
                jobs.append(Job(pid, nb, {"profile": pid}, str(staging_root / pid / nb), timeout, keep_code))
    if len(profiles) >= 2:
        for nb in notebooks:
            if nb in CROSS_PROFILE_NOTEBOOKS:
                jobs.append(Job(COMPARE_KEY, nb, {"profiles": list(profiles)},
                                str(staging_root / COMPARE_KEY / nb), timeout, keep_code))
    return jobs


def promote(job: Job, outcome: Outcome, out: Path, data: dict) -> dict:
    """Move a finished job's files into place; return its state record for the index.

    `data` (title, data version and hash of the input) is recorded with a successful report, so the index says
    which data each report was made from even after the data changes.
    """
    staging = Path(job.staging)
    dest = out / job.key
    dest.mkdir(parents=True, exist_ok=True)
    state_path = out / ".state" / job.key / f"{job.notebook}.json"
    state_path.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(state_path.read_text(encoding="utf-8")) if state_path.is_file() else {}
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    record = dict(previous, key=job.key, notebook=job.notebook, last_attempt=now, last_status=outcome.status,
                  duration_s=round(outcome.duration_s, 2), parameters=job.parameters)
    if outcome.status == "ok":
        os.replace(staging / f"{job.notebook}.ipynb", dest / f"{job.notebook}.ipynb")
        charts = staging / f"{job.notebook}_charts"
        if charts.is_dir():
            replace_dir(charts, dest / f"{job.notebook}_charts")
        os.replace(staging / f"{job.notebook}.html", dest / f"{job.notebook}.html")  # atomic: last step
        failed = dest / "failed" / f"{job.notebook}.ipynb"
        if failed.exists():
            failed.unlink()
        record.update(data, generated_at=now, html=f"{job.key}/{job.notebook}.html", error="", failed_notebook="")
    else:
        failed_dir = dest / "failed"
        failed_dir.mkdir(parents=True, exist_ok=True)
        executed = staging / f"{job.notebook}.ipynb"
        if executed.exists():
            os.replace(executed, failed_dir / f"{job.notebook}.ipynb")
            record["failed_notebook"] = f"{job.key}/failed/{job.notebook}.ipynb"
            try:
                export_html(failed_dir / f"{job.notebook}.ipynb", failed_dir / f"{job.notebook}.html", keep_code=True)
            except Exception:  # the failed notebook itself is what matters; its HTML is a convenience
                pass
        else:
            record["failed_notebook"] = ""
        record["error"] = outcome.error
    atomic_write_text(state_path, json.dumps(record, indent=2))
    return record


def _profile_info(pid: str) -> dict:
    from helpers.data.datapackage import data_hash

    path = find_profile(pid)
    try:
        meta = json.loads((path / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # unreadable metadata: already reported as a data problem by check_profile
        meta = {}
    if not isinstance(meta, dict) or not isinstance(meta.get("mgi", {}), dict):
        meta = {}
    return {"profile": pid, "title": meta.get("title", pid), "data_version": meta.get("mgi", {}).get("data_version"),
            "data_hash": data_hash(path, meta), "fictional": meta.get("mgi", {}).get("fictional", False)}


def _report_data(job: Job, infos: dict[str, dict]) -> dict:
    keys = ("title", "data_version", "data_hash", "fictional")
    if job.key != COMPARE_KEY:
        return {k: infos[job.key][k] for k in keys}
    pids = job.parameters["profiles"]
    joined = hashlib.sha256("".join(infos[p]["data_hash"] for p in pids).encode()).hexdigest()
    return {"title": "Comparison of " + ", ".join(pids), "fictional": any(infos[p]["fictional"] for p in pids),
            "data_version": ", ".join(f"{p} v{infos[p]['data_version']}" for p in pids), "data_hash": joined}


def run(profiles: list[str], notebooks: list[str], out: Path, jobs: int, timeout: int, keep_code: bool,
        log=print) -> int:
    from helpers.data.loader import load_profile
    from helpers.errors import ProfileError

    run_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]
    started = time.time()
    _check_writable(out)
    _prune_stale_staging(out)

    # 1. every profile checked completely before any kernel starts (this also refreshes the loader's cache,
    #    so the kernels load the validated profile without validating it again)
    valid, invalid = [], {}
    for pid in profiles:
        try:
            load_profile(pid, use_cache=False)
            valid.append(pid)
        except ProfileError as exc:
            invalid[pid] = exc.problems
            log(f"{pid}: {len(exc.problems)} data problem(s); its reports are not run:", err=True)
            for p in exc.problems:
                log("  - " + p.format(), err=True)

    planned = plan_jobs(valid, notebooks, out, run_id, timeout, keep_code)
    outcomes: list[Outcome] = []
    records: list[dict] = []
    staging_root = out / ".staging" / run_id
    try:
        outcomes = _execute_all(planned, jobs, log)
        with locked(out / ".mgi.lock"):
            infos = {pid: _profile_info(pid) for pid in profiles}
            for job, outcome in zip(planned, outcomes):
                records.append(promote(job, outcome, out, _report_data(job, infos)))
            manifest = _manifest(run_id, started, profiles, notebooks, jobs, planned, outcomes, infos, invalid)
            atomic_write_text(out / "runs" / f"{run_id}.json", json.dumps(manifest, indent=2))
            atomic_write_text(out / "manifest.json", json.dumps(manifest, indent=2))
            write_index(out, order=PER_PROFILE_NOTEBOOKS + CROSS_PROFILE_NOTEBOOKS)
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
        _remove_if_empty(out / ".staging")

    failed = [r for r in records if r["last_status"] != "ok"]
    ok = len(records) - len(failed)
    log(f"mgi run: {ok} of {len(records)} report(s) rendered in {time.time() - started:.1f} s; "
        f"index: {out / 'index.html'}")
    if invalid:
        log(f"mgi run: FAILED — profile(s) with data problems, not rendered: {', '.join(invalid)} "
            f"(run: mgi validate {' '.join(invalid)})", err=True)
    for r in failed:
        kept = f"; failed notebook kept at {out / r['failed_notebook']}" if r.get("failed_notebook") else ""
        last_good = f"; last good report left as it was: {out / r['html']}" if r.get("html") else ""
        log(f"mgi run: FAILED {r['key']}/{r['notebook']}: {r['error']}{kept}{last_good}", err=True)
    return 1 if (failed or invalid) else 0


def _execute_all(planned: list[Job], jobs: int, log) -> list[Outcome]:
    if not planned:
        return []
    use_bar = sys.stderr.isatty()
    bar = None
    if use_bar:
        from tqdm import tqdm
        bar = tqdm(total=len(planned), unit="report", desc="mgi run", file=sys.stderr)
    results: dict[int, Outcome] = {}
    pool = ProcessPoolExecutor(max_workers=max(1, min(jobs, len(planned))))
    try:
        futures = {pool.submit(execute_job, job): i for i, job in enumerate(planned)}
        pending = set(futures)
        done_count = 0
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except Exception as exc:  # the worker process itself died
                    results[i] = Outcome(planned[i].key, planned[i].notebook, "failed", 0.0, _short_error(exc))
                done_count += 1
                o = results[i]
                if bar is not None:
                    bar.set_postfix_str(f"{o.key}/{o.notebook} {o.status}")
                    bar.update(1)
                else:
                    log(f"[{done_count}/{len(planned)}] {o.status:<6} {o.key}/{o.notebook} ({o.duration_s:.1f} s)")
    except BaseException:
        _kill_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if bar is not None:
            bar.close()
    return [results[i] for i in range(len(planned))]


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop worker processes and the kernels they started (each worker leads its own process group)."""
    for proc in list(getattr(pool, "_processes", {}).values()):
        try:
            os.kill(proc.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass


def _manifest(run_id, started, profiles, notebooks, jobs, planned, outcomes, infos, invalid) -> dict:
    return {
        "run_id": run_id,
        "started_at": datetime.fromtimestamp(started, timezone.utc).isoformat(timespec="seconds"),
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "duration_s": round(time.time() - started, 2),
        "command": sys.argv,
        "jobs": jobs,
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
             "duration_s": round(o.duration_s, 2), "attempts": o.attempts, "error": o.error}
            for j, o in zip(planned, outcomes)
        ],
    }


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


def _remove_if_empty(path: Path) -> None:
    try:
        path.rmdir()
    except OSError:
        pass


# --- command line ------------------------------------------------------------------------------------

def add_run_parser(sub) -> None:
    r = sub.add_parser("run", help="render the reports (HTML, executed notebooks, PNG charts, index, manifest)")
    g = r.add_mutually_exclusive_group()
    g.add_argument("--profile", action="append", dest="profiles", metavar="ID", help="profile id (repeatable)")
    g.add_argument("--all", action="store_true", help="every profile found")
    r.add_argument("--notebook", action="append", dest="notebooks", metavar="NAME",
                   help="notebook name without .ipynb (repeatable; default every notebook)")
    r.add_argument("--out", default=None, help="output folder (default reports/ in the project)")
    r.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel notebooks (default: cores)")
    r.add_argument("--timeout", type=int, default=600, help="seconds a notebook cell may run before it is stopped")
    r.add_argument("--keep-code", action="store_true", help="show the code in the HTML reports")
    r.set_defaults(func=cmd_run)


def cmd_run(args) -> int:
    if args.all:
        profiles = list(available_profiles())
    else:
        profiles = args.profiles or [default_profile()]
    for pid in profiles:
        find_profile(pid)  # refuses non-plain names, lists available profiles
    known = PER_PROFILE_NOTEBOOKS + CROSS_PROFILE_NOTEBOOKS
    notebooks = args.notebooks or [nb for nb in known if (notebooks_dir() / f"{nb}.ipynb").is_file()]
    for nb in notebooks:
        check_plain_name(nb, "Notebook name")
        if nb not in known or not (notebooks_dir() / f"{nb}.ipynb").is_file():
            raise BadParameter(f"Unknown notebook {nb!r}. Notebooks: {', '.join(known)}")
    if args.jobs < 1:
        raise BadParameter(f"--jobs must be at least 1, found {args.jobs}")
    out = Path(args.out).resolve() if args.out else project_root() / "reports"

    def log(msg: str, err: bool = False) -> None:
        print(msg, file=sys.stderr if err else sys.stdout, flush=True)

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    try:
        return run(profiles, notebooks, out, args.jobs, args.timeout, args.keep_code, log=log)
    except OSError as exc:
        reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        log(f"mgi run: cannot write {exc.filename or out}: {reason}. Reports already in place were left as they "
            "were; reports of this run that were not yet promoted are lost.", err=True)
        return 1
