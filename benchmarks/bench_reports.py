"""Measure report generation on this machine, in one run (a benchmark, not a test).

1. cold: `mgi run` for one profile (fresh output folder) against the floor, as many papermill CLI executions of an
   empty notebook as the run has reports, each in a fresh process; `--jobs` default (the cores), `--jobs 1`, and
   the default without warm kernels (MGI_WARM_KERNELS=0);
2. a second run with nothing changed, against the cold run (goal: at most 10 %);
3. four profiles (the fictional XEX-2019 and XEX-2022 and two copies of XEX-2022): cold, then one edited: only its
   reports and the comparison are rendered again;
4. 50 generated profiles (copies of XEX-2022): `mgi validate --all`, then a cold run of the overview for all 50 and
   a run with nothing changed.

Usage:  .venv/bin/python benchmarks/bench_reports.py [--repeat 3] [--quick]
Copies are made in a temporary folder found through MGI_PROFILE_PATH; results go to benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))

from helpers.run.registry import PER_PROFILE_NOTEBOOKS  # noqa: E402

EMPTY_NB = {"cells": [{"cell_type": "code", "execution_count": None, "id": "params",
                       "metadata": {"tags": ["parameters"]}, "outputs": [], "source": "profile = ''"}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


CPU: dict[str, list[float]] = {}  # CPU seconds (user + system, the command and every process it waited for)


def timed(cmd: list[str], env: dict, ok=(0,), cpu: str = "") -> tuple[float, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    res = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu:
        CPU.setdefault(cpu, []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if res.returncode not in ok:
        sys.exit(f"command failed ({res.returncode}): {' '.join(cmd)}\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}")
    return elapsed, res


def floor(n: int, tmp: Path, cpu: str = "floor") -> float:
    """n papermill CLI executions of an empty notebook, one after the other, each a fresh process."""
    nb = tmp / "empty.ipynb"
    nb.write_text(json.dumps(EMPTY_NB), encoding="utf-8")
    total = 0.0
    for _ in range(n):
        total += timed([str(BIN / "papermill"), "-k", "python3", "-p", "profile", "x", "--no-progress-bar", str(nb),
                        str(tmp / "out.ipynb")], dict(os.environ), cpu=cpu)[0]
    return total


def mgi_run(ids: list[str], out: Path, env: dict, *extra: str, fresh: bool = False, cpu: str = "") -> tuple[float, dict]:
    cmd = [str(BIN / "mgi"), "run", "--out", str(out), *extra]
    for pid in ids:
        cmd += ["--profile", pid]
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
    elapsed, _ = timed(cmd, env, cpu=cpu)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for r in manifest["reports"]:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return elapsed, {"counts": counts, "rendered": sorted(f"{r['key']}/{r['notebook']}" for r in manifest["reports"]
                                                          if r["status"] == "ok"),
                     "per_notebook_s": {f"{r['key']}/{r['notebook']}": r["duration_s"] for r in manifest["reports"]}}


def copies(base: Path, ids: list[str], source: Path) -> list[str]:
    for pid in ids:
        dest = base / pid
        if dest.exists():
            continue
        shutil.copytree(source, dest)
        meta = json.loads((dest / "datapackage.json").read_text(encoding="utf-8"))
        meta["mgi"]["profile_id"] = pid
        (dest / "datapackage.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    return ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="repeats of measurement 1 (medians reported)")
    ap.add_argument("--quick", action="store_true", help="skip measurement 4 (50 profiles)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="mgi-bench-"))
    home = tmp / "profiles"
    home.mkdir()
    env = dict(os.environ, MGI_PROFILE_PATH=str(home))
    n = len(PER_PROFILE_NOTEBOOKS)
    res: dict = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                             "platform": platform.platform(), "load_before": os.getloadavg()}}
    try:
        floors, cold2, cold1, cold_nowarm = [], [], [], []
        for _ in range(args.repeat):  # interleaved: a shared machine's noise hits every side alike
            floors.append(floor(n, tmp))
            cold2.append(mgi_run(["PER-2021"], tmp / "r2", env, fresh=True, cpu="cold")[0])
            cold1.append(mgi_run(["PER-2021"], tmp / "r1", env, "--jobs", "1", fresh=True, cpu="cold_jobs1")[0])
            cold_nowarm.append(mgi_run(["PER-2021"], tmp / "r0", dict(env, MGI_WARM_KERNELS="0"), fresh=True,
                                       cpu="cold_no_warm")[0])
        res["floor_runs_s"], res["cold_jobs_default_runs_s"], res["cold_jobs1_runs_s"] = floors, cold2, cold1
        res["cold_no_warm_kernels_runs_s"] = cold_nowarm
        res["floor_s"], res["cold_s"], res["cold_jobs1_s"], res["cold_no_warm_s"] = map(
            statistics.median, (floors, cold2, cold1, cold_nowarm))
        res["cold_no_warm_vs_floor"] = res["cold_no_warm_s"] / res["floor_s"]
        res["cold_vs_floor"] = res["cold_s"] / res["floor_s"]
        res["cold_jobs1_vs_floor"] = res["cold_jobs1_s"] / res["floor_s"]
        last = json.loads((tmp / "r1" / "manifest.json").read_text(encoding="utf-8"))  # the last cold --jobs 1 run
        res["per_notebook_s"] = {r["notebook"]: r["duration_s"] for r in last["reports"]}
        res["cpu_s"] = {k: statistics.median(v) for k, v in CPU.items()}
        res["cpu_runs_s"] = dict(CPU)
        res["cpu_cold_vs_floor"] = res["cpu_s"]["cold"] / res["cpu_s"]["floor"]
        res["cpu_cold_no_warm_vs_floor"] = res["cpu_s"]["cold_no_warm"] / res["cpu_s"]["floor"]
        nochange = [mgi_run(["PER-2021"], tmp / "r2", env)[0] for _ in range(3)]
        res["nochange_runs_s"], res["nochange_s"] = nochange, statistics.median(nochange)
        res["nochange_vs_cold"] = res["nochange_s"] / res["cold_s"]

        xex = ROOT / "tests" / "profiles"
        for pid in ("XEX-2019", "XEX-2022"):
            shutil.copytree(xex / pid, home / pid)
        four = ["XEX-2019", "XEX-2022", *copies(home, ["XEY-2022", "XEZ-2022"], xex / "XEX-2022")]
        res["four_cold_s"], info = mgi_run(four, tmp / "r4", env)
        res["four_cold_counts"] = info["counts"]
        f = home / "XEY-2022" / "findings.csv"
        f.write_text(f.read_text(encoding="utf-8").replace(",", ", ", 1), encoding="utf-8")  # a harmless edit
        res["four_one_edited_s"], info = mgi_run(four, tmp / "r4", env)
        res["four_one_edited_counts"], res["four_one_edited_rendered"] = info["counts"], info["rendered"]

        if not args.quick:
            letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            fifty = copies(home, [f"Q{letters[i // 26]}{letters[i % 26]}-2022" for i in range(50)], xex / "XEX-2022")
            res["fifty_validate_s"] = timed([str(BIN / "mgi"), "validate", "-q", *fifty], env)[0]
            res["fifty_cold_overview_s"], info = mgi_run(fifty, tmp / "r50", env, "--notebook", "overview")
            res["fifty_cold_counts"] = info["counts"]
            res["fifty_nochange_s"], info = mgi_run(fifty, tmp / "r50", env, "--notebook", "overview")
            res["fifty_nochange_counts"] = info["counts"]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    res["machine"]["load_after"] = os.getloadavg()

    print(f"machine: {res['machine']}")
    print(f"1. cold, PER-2021 ({n} reports): default --jobs {res['cold_s']:.1f} s, --jobs 1 {res['cold_jobs1_s']:.1f} s;"
          f" floor ({n} papermill CLI runs of an empty notebook) {res['floor_s']:.1f} s; ratio "
          f"{res['cold_vs_floor']:.2f} (--jobs 1: {res['cold_jobs1_vs_floor']:.2f}; goal <= 1.3); medians of "
          f"{args.repeat}: {cold2} / {cold1} / floor {floors}")
    print(f"   CPU seconds (medians): {res['cpu_s']}; cold/floor {res['cpu_cold_vs_floor']:.2f}, without warm "
          f"kernels {res['cpu_cold_no_warm_vs_floor']:.2f}")
    print(f"   without warm kernels (MGI_WARM_KERNELS=0): {res['cold_no_warm_s']:.1f} s, ratio "
          f"{res['cold_no_warm_vs_floor']:.2f}; runs {cold_nowarm}")
    print("   per notebook (s, execution + HTML export, --jobs 1): " +
          ", ".join(f"{k} {v:.1f}" for k, v in res["per_notebook_s"].items()))
    print(f"2. nothing changed: {res['nochange_s']:.2f} s = {100 * res['nochange_vs_cold']:.0f} % of cold "
          f"(goal <= 10 %); runs {res['nochange_runs_s']}")
    print(f"3. four profiles: cold {res['four_cold_s']:.1f} s {res['four_cold_counts']}; one edited "
          f"{res['four_one_edited_s']:.1f} s {res['four_one_edited_counts']}: {res['four_one_edited_rendered']}")
    if not args.quick:
        print(f"4. 50 profiles: validate {res['fifty_validate_s']:.1f} s; overview cold "
              f"{res['fifty_cold_overview_s']:.1f} s {res['fifty_cold_counts']}; nothing changed "
              f"{res['fifty_nochange_s']:.2f} s {res['fifty_nochange_counts']}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(res, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
