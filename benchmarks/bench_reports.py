"""Measure report generation on this machine, in one run (a benchmark, not a test).

1. the full report set for one profile against the floor: as many papermill executions of an empty notebook;
2. four profiles with --jobs 1 against --jobs 2;
3. loading and validating one profile (cold process and warm);
4. how the time grows with the number of profiles (1, 2, 4, 8 copies).

Usage:  .venv/bin/python benchmarks/bench_reports.py [--quick]
Copies of the default profile are made in a temporary folder (found through MGI_PROFILE_PATH) with ids ZZA-2021, ...
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))

from helpers.run.runner import PER_PROFILE_NOTEBOOKS  # noqa: E402

EMPTY_NB = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {"tags": ["parameters"]},
                       "outputs": [], "source": "profile = ''"}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def copies(n: int, base: Path) -> list[str]:
    src = ROOT / "data" / "profiles" / "PER-2021"
    ids = []
    for i in range(n):
        pid = f"ZZ{string.ascii_uppercase[i]}-2021"
        dest = base / pid
        if not dest.exists():
            shutil.copytree(src, dest)
            meta = json.loads((dest / "datapackage.json").read_text(encoding="utf-8"))
            meta["mgi"]["profile_id"] = pid
            meta["mgi"]["fictional"] = True
            (dest / "datapackage.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        ids.append(pid)
    return ids


def timed(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    res = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if res.returncode != 0:
        sys.exit(f"command failed ({res.returncode}): {' '.join(cmd)}\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}")
    return elapsed


def floor(n: int, tmp: Path) -> float:
    """n sequential papermill executions of an empty notebook: kernel start-up, the part we cannot remove."""
    nb = tmp / "empty.ipynb"
    nb.write_text(json.dumps(EMPTY_NB), encoding="utf-8")
    code = ("import papermill as pm, sys\n"
            f"for i in range({n}):\n"
            f"    pm.execute_notebook({str(nb)!r}, {str(tmp / 'out.ipynb')!r}, parameters={{'profile': 'x'}},"
            " kernel_name='python3', progress_bar=False)\n")
    return timed([str(BIN / "python"), "-c", code], dict(os.environ))


def run_reports(ids: list[str], jobs: int, out: Path, env: dict) -> float:
    cmd = [str(BIN / "mgi"), "run", "--jobs", str(jobs), "--out", str(out)]
    for pid in ids:
        cmd += ["--profile", pid]
    for nb in PER_PROFILE_NOTEBOOKS:
        cmd += ["--notebook", nb]
    shutil.rmtree(out, ignore_errors=True)
    return timed(cmd, env)


def per_notebook(out: Path) -> dict[str, float]:
    """Seconds each notebook took in the last run (from the run manifest), to see where the time goes."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {r["notebook"]: r["duration_s"] for r in manifest["reports"]}


def load_times(env: dict) -> dict[str, float]:
    """Loading and validating (no cache), in a new process and in a warm one; and a load from the cache."""
    fresh = "from helpers import load_profile; load_profile('PER-2021', use_cache=False)"
    out = {"validate_cold_s": timed([str(BIN / "python"), "-c", fresh], env)}
    code = ("import time; from helpers import load_profile; load_profile('PER-2021', use_cache=False)\n"
            "t=time.perf_counter()\n"
            "for _ in range(5): load_profile('PER-2021', use_cache=False)\n"
            "print((time.perf_counter()-t)/5)")
    res = subprocess.run([str(BIN / "python"), "-c", code], env=env, capture_output=True, text=True, check=True)
    out["validate_warm_s"] = float(res.stdout.strip().splitlines()[-1])
    out["cached_cold_s"] = timed([str(BIN / "python"), "-c", "from helpers import load_profile; "
                                  "load_profile('PER-2021')"], env)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the 8-profile point of the growth curve")
    ap.add_argument("--repeat", type=int, default=3, help="repeats of measurement 1 (median reported)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="mgi-bench-"))
    env = dict(os.environ, MGI_PROFILE_PATH=str(tmp / "profiles"))
    (tmp / "profiles").mkdir()
    results: dict = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform(), "processor": platform.processor()}}
    try:
        n = len(PER_PROFILE_NOTEBOOKS)
        # interleaved repeats, medians: a shared machine's noise hits both sides alike
        floors, ones = [], []
        for _ in range(args.repeat):
            floors.append(floor(n, tmp))
            ones.append(run_reports(["PER-2021"], 1, tmp / "r1", env))
        results["floor_runs_s"], results["one_profile_runs_s"] = floors, ones
        results["floor_s"], results["one_profile_s"] = statistics.median(floors), statistics.median(ones)
        results["one_profile_vs_floor"] = results["one_profile_s"] / results["floor_s"]
        results["per_notebook_s"] = per_notebook(tmp / "r1")
        four = copies(4, tmp / "profiles")
        results["four_jobs1_s"] = run_reports(four, 1, tmp / "r4a", env)
        results["four_jobs2_s"] = run_reports(four, 2, tmp / "r4b", env)
        results["speedup_jobs2"] = results["four_jobs1_s"] / results["four_jobs2_s"]
        results.update(load_times(env))
        growth = {}
        for k in ([1, 2, 4] if args.quick else [1, 2, 4, 8]):
            growth[k] = run_reports(copies(k, tmp / "profiles"), 2, tmp / f"g{k}", env)
        results["growth_jobs2_s"] = growth
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"machine: {results['machine']}")
    print(f"1. report set, 1 profile x {n} notebooks, --jobs 1: {results['one_profile_s']:.1f} s; "
          f"floor ({n} empty notebooks): {results['floor_s']:.1f} s; ratio {results['one_profile_vs_floor']:.2f} "
          f"(goal <= 1.5); medians of {args.repeat}: report set {results['one_profile_runs_s']}, "
          f"floor {results['floor_runs_s']}")
    print("   per notebook (s, execution + HTML export): " +
          ", ".join(f"{k} {v:.1f}" for k, v in results["per_notebook_s"].items()))
    print(f"2. four profiles: --jobs 1 {results['four_jobs1_s']:.1f} s, --jobs 2 {results['four_jobs2_s']:.1f} s; "
          f"speed-up {results['speedup_jobs2']:.2f} (goal >= 1.6)")
    print(f"3. load + validate PER-2021: new process {results['validate_cold_s']:.2f} s (imports included), "
          f"warm {results['validate_warm_s'] * 1000:.0f} ms (goal well under 1 s); "
          f"from the cache in a new process {results['cached_cold_s']:.2f} s")
    print("4. growth with --jobs 2: " + ", ".join(f"{k} profile(s) {v:.1f} s ({v / k:.1f} s each)"
                                                 for k, v in results["growth_jobs2_s"].items()))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
