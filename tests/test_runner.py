"""`mgi run` on a small stand-in project: reports promoted only on success, failures kept, nothing lost.

The stand-in project (MGI_HOME) links the real profiles and holds one tiny notebook named like a real one, so
these tests exercise the runner itself in seconds; the real notebooks are run by the notebook tests.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from helpers.paths import project_root

MGI = [sys.executable, "-m", "helpers"]

NOTEBOOK_BODY = """\
import os, time
from helpers import load_profile
from helpers.reports.common.display import html_table
from IPython.display import HTML, display
import matplotlib.pyplot as plt
prof = load_profile(profile)
if os.environ.get("MGI_TEST_FAIL") == profile:
    raise RuntimeError("forced failure for " + profile)
if os.environ.get("MGI_TEST_SLEEP"):
    time.sleep(float(os.environ["MGI_TEST_SLEEP"]))
fig, ax = plt.subplots()
ax.bar([1, 2], [len(prof.findings), len(prof.instruments)])
ax.set_title("stand-in chart")
if output_dir:
    os.makedirs(output_dir, exist_ok=True)
    fig.savefig(os.path.join(output_dir, "standin.png"))
plt.show()
display(HTML(html_table(prof.findings[["finding_id", "summary"]].head(3))))
"""


def _make_project(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "data" / "profiles").symlink_to(project_root() / "data" / "profiles")
    (root / "notebooks").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('profile = "PER-2021"\noutput_dir = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(NOTEBOOK_BODY)]
    nbformat.write(nb, str(root / "notebooks" / "overview.ipynb"))
    return root


@pytest.fixture()
def standin(tmp_path, monkeypatch):
    root = _make_project(tmp_path / "project")
    env = dict(os.environ, MGI_HOME=str(root), MGI_PROFILE_PATH=str(project_root() / "tests" / "profiles"))
    env.pop("MGI_TEST_FAIL", None)
    return root, env


def _run(env, *args, out: Path, timeout=300):
    return subprocess.run(MGI + ["run", "--notebook", "overview", "--out", str(out), *args], env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_run_renders_report_index_and_manifest(standin):
    root, env = standin
    out = root / "reports"
    res = _run(env, out=out)
    assert res.returncode == 0, res.stderr
    html = (out / "PER-2021" / "overview.html").read_text(encoding="utf-8")
    assert "data:image/png;base64" in html  # charts embedded: one self-contained file
    assert "MGI_TEST_SLEEP" not in html  # code hidden by default
    assert not any(s in html for s in ('src="https://', "src='https://")), "report must open offline"
    assert (out / "PER-2021" / "overview.ipynb").is_file()
    assert (out / "PER-2021" / "overview_charts" / "standin.png").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["reports"][0]["status"] == "ok"
    assert manifest["inputs"]["profiles"]["PER-2021"]["data_hash"]
    assert manifest["packages"]["papermill"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="PER-2021/overview.html"' in index
    assert not list((out / ".staging").glob("*")) if (out / ".staging").exists() else True
    # not on a terminal: plain log lines, no progress bar
    assert "[1/1] ok" in res.stdout


def test_keep_code_shows_the_code(standin):
    root, env = standin
    out = root / "reports"
    assert _run(env, "--keep-code", out=out).returncode == 0
    assert "MGI_TEST_SLEEP" in (out / "PER-2021" / "overview.html").read_text(encoding="utf-8")


def test_failure_keeps_last_good_report_and_failed_notebook(standin):
    root, env = standin
    out = root / "reports"
    assert _run(env, "--profile", "PER-2021", "--profile", "XEX-2022", out=out).returncode == 0
    good = (out / "PER-2021" / "overview.html").read_bytes()
    good_other_mtime = (out / "XEX-2022" / "overview.html").stat().st_mtime_ns

    res = _run(dict(env, MGI_TEST_FAIL="PER-2021"), "--profile", "PER-2021", "--profile", "XEX-2022", out=out)
    assert res.returncode == 1
    assert (out / "PER-2021" / "overview.html").read_bytes() == good  # byte-for-byte
    assert (out / "XEX-2022" / "overview.html").stat().st_mtime_ns != good_other_mtime  # the other still ran
    failed = out / "PER-2021" / "failed" / "overview.ipynb"
    assert "forced failure for PER-2021" in failed.read_text(encoding="utf-8")
    last = res.stderr.strip().splitlines()[-1]
    assert "FAILED PER-2021/overview" in last and str(failed) in last
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="PER-2021/failed/overview.ipynb"' in index


def test_invalid_profile_is_refused_before_any_kernel(standin, tmp_path):
    root, env = standin
    broken = tmp_path / "broken"
    broken.mkdir()
    import shutil
    shutil.copytree(project_root() / "tests" / "profiles" / "XEX-2019", broken / "XEX-2019")
    f = broken / "XEX-2019" / "findings.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",migrants_rights,", ",migrant_rights,", 1), encoding="utf-8")
    env = dict(env, MGI_PROFILE_PATH=str(broken))
    out = root / "reports"
    res = _run(env, "--profile", "XEX-2019", out=out)
    assert res.returncode == 1
    assert "findings.csv, row" in res.stderr and "migrant_rights" in res.stderr
    assert "Traceback" not in res.stderr
    assert not (out / "XEX-2019").exists()


@pytest.mark.parametrize("bad", ["../PER-2021", "/etc", "PER-2021/..", "NOPE-2020"])
def test_bad_profile_ids_are_refused(standin, bad):
    root, env = standin
    res = _run(env, "--profile", bad, out=root / "reports")
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert "PER-2021" in res.stderr  # lists the profiles that exist, or says the id is not a plain name
    assert not (root / "reports").exists()


def test_bad_notebook_name_is_refused(standin):
    root, env = standin
    res = subprocess.run(MGI + ["run", "--notebook", "../../etc/passwd", "--out", str(root / "reports")], env=env,
                         capture_output=True, text=True)
    assert res.returncode == 2 and "not a plain name" in res.stderr


def test_read_only_output_folder_is_a_clear_error(standin, tmp_path):
    root, env = standin
    if os.geteuid() == 0:
        # root ignores permission bits: use a path below a regular file instead, which no one can create
        blocker = tmp_path / "file"
        blocker.write_text("x")
        out = blocker / "reports"
    else:  # pragma: no cover
        out = tmp_path / "ro"
        out.mkdir()
        out.chmod(0o555)
    res = _run(env, out=out)
    assert res.returncode == 2
    assert "Cannot write reports to" in res.stderr and "Traceback" not in res.stderr


def test_interrupted_run_leaves_previous_reports_untouched(standin):
    root, env = standin
    out = root / "reports"
    assert _run(env, out=out).returncode == 0
    before = {p: p.read_bytes() for p in (out / "PER-2021").rglob("*") if p.is_file()}
    proc = subprocess.Popen(MGI + ["run", "--notebook", "overview", "--out", str(out)],
                            env=dict(env, MGI_TEST_SLEEP="60"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not list((out / ".staging").glob("*/PER-2021/overview/*.ipynb")):
        time.sleep(0.3)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    after = {p: p.read_bytes() for p in (out / "PER-2021").rglob("*") if p.is_file()}
    assert after == before
    assert not list((out / ".staging").glob("*")) if (out / ".staging").exists() else True


def test_two_runs_at_once_do_not_corrupt_each_other(standin):
    root, env = standin
    out = root / "reports"
    cmd = MGI + ["run", "--notebook", "overview", "--out", str(out), "--jobs", "1"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for p in procs:
        p.communicate(timeout=300)
        assert p.returncode == 0
    html = (out / "PER-2021" / "overview.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>")
    json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(list((out / "runs").glob("*.json"))) == 2


def test_hanging_notebook_is_stopped_by_timeout(standin):
    root, env = standin
    out = root / "reports"
    res = _run(dict(env, MGI_TEST_SLEEP="120"), "--timeout", "5", out=out)
    assert res.returncode == 1
    assert "FAILED PER-2021/overview" in res.stderr
    assert "Timeout" in res.stderr or "timed out" in res.stderr.lower()


def test_index_names_the_data_a_report_was_made_from(standin, tmp_path):
    """After the data changes and a re-run fails, the index still shows the hash of the data behind the last good
    report, while the run manifest records the new input."""
    import shutil

    root, env = standin
    home = tmp_path / "home"
    shutil.copytree(project_root() / "tests" / "profiles" / "XEX-2022", home / "XEX-2022")
    env = dict(env, MGI_PROFILE_PATH=str(home))
    out = root / "reports"
    assert _run(env, "--profile", "XEX-2022", out=out).returncode == 0
    first = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    old_hash = first["inputs"]["profiles"]["XEX-2022"]["data_hash"]
    assert old_hash[:12] in (out / "index.html").read_text(encoding="utf-8")

    f = home / "XEX-2022" / "findings.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",", ", ", 1), encoding="utf-8")  # a harmless edit
    assert _run(dict(env, MGI_TEST_FAIL="XEX-2022"), "--profile", "XEX-2022", out=out).returncode == 1
    new_hash = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["inputs"]["profiles"]["XEX-2022"][
        "data_hash"]
    assert new_hash != old_hash
    index = (out / "index.html").read_text(encoding="utf-8")
    assert old_hash[:12] in index and new_hash[:12] not in index
