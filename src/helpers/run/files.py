"""Writing report files safely: atomic replacement, a lock between concurrent runs, the index page."""

from __future__ import annotations

import fcntl
import html
import json
import os
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from importlib import metadata as importlib_metadata
from pathlib import Path

PACKAGES = ("pandas", "matplotlib", "papermill", "nbconvert", "nbformat", "ipykernel", "frictionless", "nbval",
            "jupyterlab", "mgi-profiles")


def atomic_write_text(path: Path, text: str) -> None:
    """Write beside the target, then rename over it: a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_dir(src: Path, dest: Path) -> None:
    """Swap a folder into place: rename the old one aside, rename the new one in, then delete the old."""
    old = dest.with_name(f".{dest.name}.old-{uuid.uuid4().hex[:6]}")
    if dest.exists():
        os.replace(dest, old)
    os.replace(src, dest)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def locked(lock_path: Path):
    """An exclusive lock held while a run promotes its reports, so two runs never interleave their writes."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def git_revision(root: Path) -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True,
                             timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    if not rev:
        return "unknown"
    return rev + ("-dirty" if dirty else "")


def package_versions() -> dict[str, str]:
    import platform

    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def write_index(out: Path, order: tuple[str, ...] = ()) -> None:
    """reports/index.html from every state record: all reports of every run, not only the last run's."""
    records = []
    for path in sorted((out / ".state").glob("*/*.json")):
        try:
            records.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    rank = {name: i for i, name in enumerate(order)}
    records.sort(key=lambda r: (r.get("key", ""), rank.get(r.get("notebook"), len(rank)), r.get("notebook", "")))
    manifest = {}
    if (out / "manifest.json").is_file():
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    e = lambda v: html.escape("" if v is None else str(v), quote=True)  # noqa: E731
    rows = []
    for r in records:
        status = r.get("last_status", "")
        report = f'<a href="{e(r["html"])}">{e(r["notebook"])}</a>' if r.get("html") else e(r["notebook"])
        failed = ""
        if r.get("failed_notebook"):
            failed = f' · <a href="{e(r["failed_notebook"])}">failed notebook</a>'
            if (out / r["failed_notebook"]).with_suffix(".html").is_file():
                failed += f' (<a href="{e(r["failed_notebook"][:-6] + ".html")}">as HTML</a>)'
        error = f'<div class="err">{e(r.get("error"))}</div>' if status != "ok" and r.get("error") else ""
        rows.append(
            f'<tr class="{e(status)}"><td>{e(r["key"])}</td><td>{report}{failed}{error}</td>'
            f'<td>{e(status)}</td><td>{e(r.get("generated_at", "never"))}</td><td>{e(r.get("last_attempt"))}</td>'
            f'<td>{e(r.get("data_version"))}<br><code>{e((r.get("data_hash") or "")[:12])}</code></td>'
            f'<td>{e(r.get("duration_s"))} s</td></tr>')
    titles = {r["key"]: r for r in records if r.get("title")}  # one line per profile or comparison
    profile_rows = "".join(
        f"<li><b>{e(key)}</b>: {e(r['title'])}{' (fictional test profile)' if r.get('fictional') else ''}</li>"
        for key, r in titles.items())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>MGI profile reports</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 1200px; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border-bottom: 1px solid #ddd; padding: .4em; text-align: left;
vertical-align: top; font-size: .92em; }} tr.failed td {{ background: #fde8e1; }} .err {{ color: #a03000; font-size: .85em; }}
code {{ font-size: .85em; }}
</style></head><body>
<h1>MGI profile reports</h1>
<p>Reports generated from cited extracts of IOM Migration Governance Indicators profiles. The MGI is not a ranking:
the reports show counts, statuses and the profile's own words.</p>
<ul>{profile_rows}</ul>
<p>Last run: {e(manifest.get("run_id"))} · finished {e(manifest.get("finished_at"))} · code revision
<code>{e(manifest.get("code_revision"))}</code> · <a href="manifest.json">run manifest (JSON)</a></p>
<table><thead><tr><th>Profile</th><th>Report</th><th>Last status</th><th>Last good report generated (UTC)</th>
<th>Last attempt (UTC)</th><th>Data version / hash</th><th>Duration</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
</body></html>
"""
    atomic_write_text(out / "index.html", page)
