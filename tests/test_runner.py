"""`mgi run` on a small stand-in project (tests/runner_standin.py): reports promoted only on success, failures
kept, nothing lost, clear errors."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time

import pytest

from helpers.paths import project_root
from runner_standin import MGI, environment, make_project, mgi_run


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("runner") / "project")
    return root, environment(root)


@pytest.fixture(scope="module")
def rendered(project):
    """One run of the overview for PER-2021 and XEX-2022, read by several tests (copy it before changing it)."""
    root, env = project
    out = root / "rendered"
    res = mgi_run(env, "--profile", "PER-2021", "--profile", "XEX-2022", out=out)
    assert res.returncode == 0, res.stderr
    return out, res


def _copy(out, tmp_path):
    shutil.copytree(out, tmp_path / "reports", symlinks=True)
    return tmp_path / "reports"


def test_run_renders_report_index_and_manifest(rendered):
    out, res = rendered
    html = (out / "PER-2021" / "overview" / "overview.html").read_text(encoding="utf-8")
    assert "data:image/png;base64" in html  # charts embedded: one self-contained file
    assert "MGI_TEST_SLEEP" not in html  # code hidden by default
    assert "<script" not in html.split("</head>")[0] or 'src="http' not in html, "report must open offline"
    assert "require.js" not in html and "MathJax" not in html.split("</head>")[0]
    assert (out / "PER-2021" / "overview" / "overview.ipynb").is_file()
    assert (out / "PER-2021" / "overview" / "charts" / "standin.png").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [(r["key"], r["status"]) for r in manifest["reports"]] == [("PER-2021", "ok"), ("XEX-2022", "ok")]
    assert all(len(r["cache_key"]) == 64 for r in manifest["reports"])
    assert manifest["inputs"]["profiles"]["PER-2021"]["data_hash"]
    assert manifest["packages"]["papermill"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="PER-2021/overview/overview.html"' in index and 'href="XEX-2022/overview/overview.html"' in index
    assert "Republic of Examplia" in index and "(fictional test profile)" in index
    assert not (out / ".staging").exists()  # the run's staging folders are gone
    # not on a terminal: plain log lines, no progress bar
    assert "[1/2] ok" in res.stdout and "[2/2] ok" in res.stdout


def test_index_escapes_values(rendered, tmp_path):
    from helpers.run.index import render_index, state_path

    out = _copy(rendered[0], tmp_path)
    p = state_path(out, "XEX-2022", "overview")
    record = json.loads(p.read_text(encoding="utf-8"))
    p.write_text(json.dumps(dict(record, last_status="failed", error="<script>alert(1)</script> & more")))
    page = render_index(out)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_keep_code_shows_the_code(project):
    root, env = project
    out = root / "keep-code"
    assert mgi_run(env, "--keep-code", out=out).returncode == 0
    assert "MGI_TEST_SLEEP" in (out / "PER-2021" / "overview" / "overview.html").read_text(encoding="utf-8")


def test_failure_keeps_last_good_report_and_failed_notebook(project, rendered, tmp_path):
    root, env = project
    out = _copy(rendered[0], tmp_path)
    good = {p: p.read_bytes() for p in (out / "PER-2021" / "overview").rglob("*") if p.is_file()}
    other = (out / "XEX-2022" / "overview" / "report.json").read_bytes()

    res = mgi_run(dict(env, MGI_TEST_FAIL="PER-2021"), "--force", "--profile", "PER-2021", "--profile", "XEX-2022",
                  out=out)
    assert res.returncode == 1
    assert {p: p.read_bytes() for p in (out / "PER-2021" / "overview").rglob("*") if p.is_file()} == good
    assert (out / "XEX-2022" / "overview" / "report.json").read_bytes() != other  # the other one still ran
    failed = out / "PER-2021" / "failed" / "overview.ipynb"
    assert "forced failure for PER-2021" in failed.read_text(encoding="utf-8")
    assert (out / "PER-2021" / "failed" / "overview.html").is_file()
    last = res.stderr.strip().splitlines()[-1]
    assert "FAILED PER-2021/overview" in last and str(failed) in last
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="PER-2021/failed/overview.ipynb"' in index and 'href="PER-2021/failed/overview.html"' in index
    assert "forced failure for PER-2021" in index


def test_invalid_profile_is_refused_before_any_kernel(project, tmp_path):
    root, env = project
    broken = tmp_path / "broken"
    shutil.copytree(project_root() / "tests" / "profiles" / "XEX-2019", broken / "XEX-2019")
    f = broken / "XEX-2019" / "findings.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",migrants_rights,", ",migrant_rights,", 1), encoding="utf-8")
    out = tmp_path / "reports"
    res = mgi_run(dict(env, MGI_PROFILE_PATH=str(broken)), "--profile", "XEX-2019", out=out)
    assert res.returncode == 1
    assert "findings.csv, row" in res.stderr and "migrant_rights" in res.stderr
    assert "Traceback" not in res.stderr
    assert not (out / "XEX-2019").exists()


def test_run_called_with_its_default_log_reports_problems(tmp_path, monkeypatch, capsys):
    """runner.run's default log takes err=True (it used to be print, a TypeError exactly when something failed)."""
    from helpers.run.runner import run

    broken = tmp_path / "broken"
    shutil.copytree(project_root() / "tests" / "profiles" / "XEX-2019", broken / "XEX-2019")
    f = broken / "XEX-2019" / "findings.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",migrants_rights,", ",migrant_rights,", 1), encoding="utf-8")
    monkeypatch.setenv("MGI_PROFILE_PATH", str(broken))
    assert run(["XEX-2019"], ["overview"], tmp_path / "reports", 1, 60, False) == 1
    err = capsys.readouterr().err
    assert "XEX-2019: 1 data problem(s)" in err and "FAILED" in err and "mgi validate XEX-2019" in err


@pytest.mark.parametrize("bad, says", [("../PER-2021", "'../PER-2021' is not a plain name"),
                                       ("/etc", "'/etc' is not a plain name"),
                                       ("PER-2021/..", "'PER-2021/..' is not a plain name"),
                                       ("NOPE-2020", "Unknown profile 'NOPE-2020'")])
def test_bad_profile_ids_are_refused(project, tmp_path, bad, says):
    root, env = project
    res = mgi_run(env, "--profile", bad, out=tmp_path / "reports")
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert says in res.stderr
    fictional = sorted(d.name for d in (project_root() / "tests" / "profiles").iterdir()
                       if (d / "datapackage.json").is_file())
    assert "Profiles available: " + ", ".join(["PER-2021", *fictional]) in res.stderr
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("args, says", [(["--notebook", "../../etc/passwd"], "not a plain name"),
                                        (["--notebook", "nope"], "Unknown notebook 'nope'"),
                                        (["--shard", "3/2"], "--shard 3/2"), (["--shard", "x"], "expects I/N"),
                                        (["--jobs", "0"], "--jobs must be at least 1")])
def test_bad_arguments_are_refused(project, tmp_path, args, says):
    root, env = project
    res = subprocess.run(MGI + ["run", *args, "--out", str(tmp_path / "reports")], env=env, capture_output=True,
                         text=True)
    assert res.returncode == 2 and says in res.stderr and "Traceback" not in res.stderr


def test_read_only_output_folder_is_a_clear_error(project, tmp_path):
    root, env = project
    if os.geteuid() == 0:
        # root ignores permission bits: use a path below a regular file instead, which no one can create
        blocker = tmp_path / "file"
        blocker.write_text("x")
        out = blocker / "reports"
    else:  # pragma: no cover
        out = tmp_path / "ro"
        out.mkdir()
        out.chmod(0o555)
    res = mgi_run(env, out=out)
    assert res.returncode == 2
    assert "Cannot write reports to" in res.stderr and "Traceback" not in res.stderr


def test_interrupted_run_leaves_previous_reports_untouched(project, rendered, tmp_path):
    root, env = project
    out = _copy(rendered[0], tmp_path)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    proc = subprocess.Popen(MGI + ["run", "--force", "--notebook", "overview", "--out", str(out)],
                            env=dict(env, MGI_TEST_SLEEP="60"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not list((out / ".staging").glob("*/PER-2021/overview/report/*.ipynb")):
        time.sleep(0.3)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and ".mgi.lock" not in p.name}
    assert after == {p: b for p, b in before.items() if ".mgi.lock" not in p.name}
    assert not (out / ".staging").exists()


def test_two_runs_at_once_do_not_corrupt_each_other(project, tmp_path):
    root, env = project
    out = tmp_path / "reports"
    cmd = MGI + ["run", "--notebook", "overview", "--out", str(out), "--jobs", "1"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    from helpers.run.keys import intact

    state = json.loads((out / ".state" / "PER-2021" / "overview.json").read_text(encoding="utf-8"))
    assert intact(out / "PER-2021" / "overview", state["cache_key"])  # one whole report, every file as recorded
    json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(list((out / "runs").glob("*.json"))) == 2
    assert not list((out / "PER-2021").glob(".*"))  # no folder left aside by a swap


def test_hanging_notebook_is_stopped_by_timeout(project, tmp_path):
    root, env = project
    res = mgi_run(dict(env, MGI_TEST_SLEEP="120"), "--timeout", "5", out=tmp_path / "reports")
    assert res.returncode == 1
    assert "FAILED PER-2021/overview" in res.stderr
    assert "Timeout" in res.stderr or "timed out" in res.stderr.lower()


def test_index_names_the_data_a_report_was_made_from(project, tmp_path):
    """After the data changes and a re-run fails, the index still shows the hash of the data behind the last good
    report, while the run manifest records the new input."""
    root, env = project
    home = tmp_path / "home"
    shutil.copytree(project_root() / "tests" / "profiles" / "XEX-2022", home / "XEX-2022")
    env = dict(env, MGI_PROFILE_PATH=str(home))
    out = tmp_path / "reports"
    assert mgi_run(env, "--profile", "XEX-2022", out=out).returncode == 0
    first = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    old_hash = first["inputs"]["profiles"]["XEX-2022"]["data_hash"]
    assert old_hash[:12] in (out / "index.html").read_text(encoding="utf-8")

    f = home / "XEX-2022" / "findings.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",", ", ", 1), encoding="utf-8")  # a harmless edit
    assert mgi_run(dict(env, MGI_TEST_FAIL="XEX-2022"), "--profile", "XEX-2022", out=out).returncode == 1
    new_hash = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["inputs"]["profiles"]["XEX-2022"][
        "data_hash"]
    assert new_hash != old_hash
    index = (out / "index.html").read_text(encoding="utf-8")
    assert old_hash[:12] in index and new_hash[:12] not in index
