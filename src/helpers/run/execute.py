"""The work done in a child process: execute one notebook with papermill, export it to one HTML file.

A job's staging folder holds the kernel's log and `report/`, the folder that becomes the report when it is
promoted: `<notebook>.ipynb`, `<notebook>.html`, `charts/*.png` and `report.json` (the key it was made with and
the hash of every file), so that the key travels with the files it vouches for.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from helpers.paths import notebooks_dir
from helpers.run import kernels
from helpers.run.keys import REPORT_RECORD, file_hashes
from helpers.run.page import NOTEBOOK_ONLY_TAG, TOC_MARKER, Page, page_for, render_toc
from helpers.run.registry import COMPARE_KEY, Job

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "mgi_offline"  # the lab template without its CDN scripts (templates/mgi_offline/index.html.j2)

_TRANSIENT = ("Address already in use", "Kernel died before replying to kernel_info",
              "Kernel didn't respond", "Timeout waiting for kernel_info reply")


@dataclass
class Outcome:
    key: str
    notebook: str
    status: str  # ok | failed | unchanged
    duration_s: float
    error: str = ""
    attempts: int = 1


def report_dir(job: Job) -> Path:
    return Path(job.staging) / "report"


def execute_job(job: Job) -> Outcome:
    """Execute one notebook with papermill into its staging folder, then export HTML there."""
    import papermill as pm

    start = time.monotonic()
    folder = report_dir(job)
    folder.mkdir(parents=True, exist_ok=True)
    executed = folder / f"{job.notebook}.ipynb"
    params = dict(job.parameters, output_dir=str(folder / "charts"))
    _send_stderr_to(Path(job.staging) / "kernel.log")  # kernel chatter goes to a log, not to the cron mail
    km = kernels.take()  # a kernel this worker started ahead (helpers.run.kernels), or None
    attempts = 0
    try:
        while True:
            attempts += 1
            try:
                pm.execute_notebook(
                    str(notebooks_dir() / f"{job.notebook}.ipynb"), str(executed), parameters=params,
                    kernel_name="python3", cwd=str(job.staging), execution_timeout=job.timeout, start_timeout=120,
                    progress_bar=False, log_output=False, report_mode=False, **({"km": km} if km else {}),
                )
                break
            except Exception as exc:  # papermill raises its own and the kernel's errors
                message = short_error(exc)
                if attempts < 4 and any(t in message for t in _TRANSIENT) and not _ran_any_cell(executed):
                    kernels.shutdown(km)
                    km = None
                    time.sleep(0.5 * attempts + (os.getpid() % 7) / 10)  # kernel start-up race: try again
                    continue
                return Outcome(job.key, job.notebook, "failed", time.monotonic() - start, message, attempts)
    finally:
        kernels.shutdown(km)
    try:
        page = page_for(job.key, job.notebook, list(job.profiles), folder, compare_key=COMPARE_KEY)
        export_html(executed, folder / f"{job.notebook}.html", keep_code=job.keep_code, page=page)
        record = {"key": job.cache_key, "report": job.label, "parameters": job.parameters,
                  "made_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "files": file_hashes(folder)}
        (folder / REPORT_RECORD).write_text(json.dumps(record, indent=2), encoding="utf-8")
    except Exception as exc:
        return Outcome(job.key, job.notebook, "failed", time.monotonic() - start,
                       "HTML export failed: " + short_error(exc), attempts)
    return Outcome(job.key, job.notebook, "ok", time.monotonic() - start, "", attempts)


def export_files(key: str, out: str, profiles: tuple[str, ...]) -> str:
    """In a worker: a profile's workbook, CSV zip and data package beside its reports, or (for the corpus folder)
    the combined dataset of `profiles`. Returns '' or the error in a line (the run reports it)."""
    from helpers.errors import ProfileError
    from helpers.export import ExportError, write_combined, write_exports
    from helpers.run.registry import CORPUS_KEY

    try:
        if key == CORPUS_KEY:
            write_combined(list(profiles), Path(out) / CORPUS_KEY)
        else:
            write_exports(key, Path(out) / key)
    except (ExportError, ProfileError, OSError) as exc:
        return short_error(exc)
    return ""


def _send_stderr_to(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)


def _ran_any_cell(executed: Path) -> bool:
    try:
        nb = json.loads(executed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return any(c.get("execution_count") for c in nb.get("cells", []) if c.get("cell_type") == "code")


def short_error(exc: BaseException) -> str:
    """The last meaningful line of an error: a person reads it in a log, not a traceback."""
    ename = getattr(exc, "ename", None)
    evalue = getattr(exc, "evalue", None)
    if ename:
        return f"{ename}: {evalue}"
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[-1] if text else ''}"


_EXPORTERS: dict[bool, object] = {}  # one exporter per worker process and option: templates load once
_PAGE: list[Page | None] = [None]  # the page being exported (its headings are collected while Markdown renders)


def _exporter(keep_code: bool):
    if keep_code not in _EXPORTERS:
        from jinja2 import pass_context
        from nbconvert import HTMLExporter
        from traitlets.config import Config

        config = Config()
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = {NOTEBOOK_ONLY_TAG}
        exporter = HTMLExporter(
            config=config, template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES)],
            exclude_input=not keep_code, exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True)
        plain = exporter.markdown2html

        @pass_context
        def markdown2html(context, source):  # nbconvert's, then anchors made unique (helpers.run.page)
            rendered = plain(context, source)
            return _PAGE[0].anchors(rendered) if _PAGE[0] is not None else rendered

        exporter.register_filter("markdown2html", markdown2html)
        _EXPORTERS[keep_code] = exporter
    return _EXPORTERS[keep_code]


def export_html(executed: Path, target: Path, *, keep_code: bool, page: Page | None = None) -> None:
    """One self-contained HTML file that opens offline: charts embedded as data URIs, code hidden unless asked;
    with a page, its title, links and table of contents, and the notebook-only cells left out."""
    import nbformat

    nb = nbformat.read(str(executed), as_version=4)
    resources = {}
    if page is not None:
        nb.metadata["title"] = page.title  # the browser's title (the lab template reads it)
        resources = {"mgi": page, "mgi_toc_marker": TOC_MARKER}
    _PAGE[0] = page
    try:
        body, _ = _exporter(keep_code).from_notebook_node(nb, resources=resources)
    finally:
        _PAGE[0] = None
    if page is not None:
        body = body.replace(TOC_MARKER, render_toc(page) if len(page.headings) >= 3 else "", 1)
    target.write_text(body, encoding="utf-8")
