"""Skipping unchanged reports, --force, damaged output, failed reports never cached, --shard and merge-reports.

Every run here uses the stand-in project of tests/runner_standin.py with two profiles (PER-2021, XEX-2022) and two
notebooks (overview, compare_profiles): three jobs.
"""

from __future__ import annotations

import json
import shutil

import pytest

from helpers.paths import project_root
from helpers.run.files import recover_dirs, swap_dir
from helpers.run.keys import intact
from helpers.run.registry import plan_jobs, select_shard, shard_of
from runner_standin import MGI, environment, make_project, mgi_run

NOTEBOOKS = ("overview", "compare_profiles")
PROFILES = ("--profile", "PER-2021", "--profile", "XEX-2022")
JOBS = {("PER-2021", "overview"), ("XEX-2022", "overview"), ("_compare", "compare_profiles")}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    base = tmp_path_factory.mktemp("cache")
    root = make_project(base / "project")
    home = base / "home"  # a copy of the fictional profiles that tests may edit (copied again per test)
    shutil.copytree(project_root() / "tests" / "profiles", home)
    return root, home


@pytest.fixture(scope="module")
def first_run(project):
    root, home = project
    out = root / "first"
    res = mgi_run(environment(root, home), *PROFILES, out=out, notebooks=NOTEBOOKS)
    assert res.returncode == 0, res.stderr
    return out


@pytest.fixture()
def copy(project, first_run, tmp_path):
    """(env, out): a private copy of the first run's output and of the profiles it read."""
    root, home = project
    shutil.copytree(first_run, tmp_path / "reports")
    shutil.copytree(home, tmp_path / "home")
    return environment(root, tmp_path / "home"), tmp_path / "reports", tmp_path / "home"


def statuses(out) -> dict:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {(r["key"], r["notebook"]): r["status"] for r in manifest["reports"]}


def run(env, out, *args):
    res = mgi_run(env, *PROFILES, *args, out=out, notebooks=NOTEBOOKS)
    return res


def test_nothing_changed_nothing_rendered(copy, first_run):
    env, out, _ = copy
    reports = lambda: {p: p.stat().st_mtime_ns for p in out.glob("[!.]*/*/**/*") if p.is_file()}  # noqa: E731
    before = reports()
    assert len(before) >= 8
    res = run(env, out)
    assert res.returncode == 0, res.stderr
    assert statuses(out) == {job: "unchanged" for job in JOBS}
    assert "0 report(s) rendered, 3 unchanged" in res.stdout
    assert reports() == before
    first = json.loads((first_run / "manifest.json").read_text(encoding="utf-8"))["reports"]
    again = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reports"]
    assert {r["cache_key"] for r in first} == {r["cache_key"] for r in again}  # the manifest records each key
    index = (out / "index.html").read_text(encoding="utf-8")
    state = json.loads((out / ".state" / "PER-2021" / "overview.json").read_text())
    assert f"unchanged since {state['generated_at']}" in index
    rendered = json.loads((first_run / ".state" / "PER-2021" / "overview.json").read_text())
    assert state["duration_s"] == rendered["duration_s"] > 0  # the time of the render, not of the skip


def test_edited_profile_renders_its_reports_and_the_comparison(copy):
    env, out, home = copy
    f = home / "XEX-2022" / "findings.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",", ", ", 1), encoding="utf-8")  # a harmless edit
    res = run(env, out)
    assert res.returncode == 0, res.stderr
    assert statuses(out) == {("PER-2021", "overview"): "unchanged", ("XEX-2022", "overview"): "ok",
                             ("_compare", "compare_profiles"): "ok"}


def test_any_file_of_the_profile_folder_counts(copy):
    env, out, home = copy
    (home / "XEX-2022" / "NOTES.md").write_text("a note beside the tables\n", encoding="utf-8")
    assert run(env, out).returncode == 0
    assert statuses(out)[("XEX-2022", "overview")] == "ok"


def test_a_profile_made_invalid_is_not_skipped_and_keeps_its_last_good_report(copy):
    env, out, home = copy
    text = home / "XEX-2022" / "mgi-examplia-second-profile-2022.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # no longer the source it cites
    before = {p: p.read_bytes() for p in (out / "XEX-2022" / "overview").rglob("*") if p.is_file()}
    res = run(env, out)
    assert res.returncode == 1 and "XEX-2022: " in res.stderr and "data problem" in res.stderr
    assert ("XEX-2022", "overview") not in statuses(out)  # neither rendered nor vouched for
    assert {p: p.read_bytes() for p in (out / "XEX-2022" / "overview").rglob("*") if p.is_file()} == before


def test_force_renders_everything(copy):
    env, out, _ = copy
    assert run(env, out, "--force").returncode == 0
    assert statuses(out) == {job: "ok" for job in JOBS}


@pytest.mark.parametrize("damage", ["truncate html", "delete chart", "delete folder", "delete record"])
def test_missing_or_damaged_output_is_rendered_again(copy, damage):
    env, out, _ = copy
    folder = out / "PER-2021" / "overview"
    if damage == "truncate html":
        html = folder / "overview.html"
        html.write_bytes(html.read_bytes()[:1000])
    elif damage == "delete chart":
        (folder / "charts" / "standin.png").unlink()
    elif damage == "delete folder":
        shutil.rmtree(folder)
    else:
        (folder / "report.json").unlink()
    assert run(env, out).returncode == 0
    assert statuses(out) == {("PER-2021", "overview"): "ok", ("XEX-2022", "overview"): "unchanged",
                             ("_compare", "compare_profiles"): "unchanged"}
    state = json.loads((out / ".state" / "PER-2021" / "overview.json").read_text())
    assert intact(folder, state["cache_key"])


def test_a_failed_report_is_never_up_to_date(copy):
    env, out, _ = copy
    res = run(dict(env, MGI_TEST_FAIL="PER-2021"), out, "--force")
    assert res.returncode == 1
    # the last good report is still there, with a key that matches the inputs; it is still not taken as up to date
    assert run(dict(env, MGI_TEST_FAIL="PER-2021"), out).returncode == 1
    assert statuses(out)[("PER-2021", "overview")] == "failed"
    assert run(env, out).returncode == 0
    assert statuses(out)[("PER-2021", "overview")] == "ok"
    assert run(env, out).returncode == 0
    assert statuses(out)[("PER-2021", "overview")] == "unchanged"


def test_shards_hold_every_job_exactly_once_and_stay_put_when_a_profile_is_added():
    ids = [f"X{i:02d}-2020" for i in range(40)]
    notebooks = ["overview", "domain_progress", "migration_statistics", "covid_responses", "compare_profiles"]
    everything = [j.label for j in plan_jobs(ids, notebooks)]
    for n in (1, 2, 3, 7):
        parts = [[j.label for j in select_shard(plan_jobs(ids, notebooks), (i, n))] for i in range(1, n + 1)]
        assert sorted(label for part in parts for label in part) == sorted(everything)
        if n > 1:
            assert all(parts), "with 161 jobs no shard should be empty"
    more = plan_jobs(ids + ["X99-2020"], notebooks)
    assert all(shard_of(j.label, 4) == shard_of(j.label, 4) for j in more)
    moved = [j.label for j in plan_jobs(ids, notebooks)
             if shard_of(j.label, 4) != next(shard_of(k.label, 4) for k in more if k.label == j.label)]
    assert moved == []


def test_shards_run_apart_and_merge_into_one_folder(project, tmp_path):
    root, home = project
    env = environment(root, home)
    shards = [tmp_path / f"shard{i}" for i in (1, 2)]
    for i, s in enumerate(shards, 1):
        res = run(env, s, "--shard", f"{i}/2")
        assert res.returncode == 0, res.stderr
    ran = [set(statuses(s)) for s in shards]
    assert ran[0] | ran[1] == JOBS and not ran[0] & ran[1]
    out = tmp_path / "merged"
    res = subprocess_run(env, "merge-reports", str(out), *map(str, shards))
    assert res.returncode == 0, res.stderr
    merged = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted((r["key"], r["notebook"]) for r in merged["reports"]) == sorted(JOBS)
    assert len(merged["shards"]) == 2
    index = (out / "index.html").read_text(encoding="utf-8")
    for key, nb in JOBS:
        assert f'href="{key}/{nb}/{nb}.html"' in index
        state = json.loads((out / ".state" / key / f"{nb}.json").read_text())
        assert intact(out / key / nb, state["cache_key"])
    # the merged folder is a reports folder like any other: a run into it finds everything up to date
    assert run(env, out).returncode == 0
    assert set(statuses(out).values()) == {"unchanged"}
    # the same shard twice is refused (its jobs would be in two shards), and writes nothing
    res = subprocess_run(env, "merge-reports", str(tmp_path / "twice"), str(shards[0]), str(shards[0]))
    assert res.returncode == 2 and "shard 1/2 is given twice" in res.stderr
    assert not (tmp_path / "twice").exists()
    # a shard missing: refused with its name, nothing written (no index that silently lacks its reports)
    for given, missing in ((shards[0], "2/2"), (shards[1], "1/2")):
        res = subprocess_run(env, "merge-reports", str(tmp_path / "part"), str(given))
        assert res.returncode == 2, res.stdout + res.stderr
        assert f"incomplete set of shards: {missing} missing" in res.stderr and "Traceback" not in res.stderr
        assert not (tmp_path / "part").exists()
    # nor merged into a folder that already holds reports: it stays as it was
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    res = subprocess_run(env, "merge-reports", str(out), str(shards[1]))
    assert res.returncode == 2 and "1/2 missing" in res.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # a folder not written by --shard is not a shard
    res = subprocess_run(env, "merge-reports", str(tmp_path / "plain"), str(out))
    assert res.returncode == 2 and "not written by `mgi run --shard I/N`" in res.stderr
    res = subprocess_run(env, "merge-reports", str(tmp_path / "none"), str(tmp_path / "nope"))
    assert res.returncode == 2 and "has no manifest.json" in res.stderr


def subprocess_run(env, *args):
    import subprocess

    return subprocess.run(MGI + list(args), env=env, capture_output=True, text=True, timeout=120)


def test_swap_is_whole_and_a_half_done_swap_is_undone(tmp_path):
    parent = tmp_path / "reports"
    (parent / "P" / "overview").mkdir(parents=True)
    (parent / "P" / "overview" / "a.html").write_text("old")
    new = tmp_path / "new"
    new.mkdir()
    (new / "a.html").write_text("new")
    swap_dir(new, parent / "P" / "overview")
    assert (parent / "P" / "overview" / "a.html").read_text() == "new" and not new.exists()
    assert [p.name for p in (parent / "P").iterdir()] == ["overview"]
    # a run killed between the two renames of the fallback: the old folder aside, no report in place
    (parent / "P" / "overview").rename(parent / "P" / ".overview.old-abc123")
    recover_dirs(parent)
    assert (parent / "P" / "overview" / "a.html").read_text() == "new"
    # killed after the second rename: both there; the new one stays, the old one goes
    (parent / "P" / ".covid.old-def456").mkdir()
    (parent / "P" / "covid").mkdir()
    (parent / "P" / "covid" / "b.html").write_text("newer")
    recover_dirs(parent)
    assert sorted(p.name for p in (parent / "P").iterdir()) == ["covid", "overview"]
