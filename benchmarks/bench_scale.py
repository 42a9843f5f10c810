"""Measure how the project scales with the number of profiles (a benchmark, not a test).

Generates N FICTIONAL profiles, copies of the fictional test profiles (tests/profiles/XEX-2019 and XEX-2022), in a
temporary folder found through MGI_PROFILE_PATH (never in data/profiles): ids QAA-2022, QAB-2019, ... (ISO 3166
user-assigned codes, which no country has), each marked "FICTIONAL COPY" in its title and country. Then, for each N:

- validate: `mgi validate -q` of all N (fills the loader's cache);
- load_profiles: every profile as one dataset from the cache (a fresh Python process), and with an empty cache;
- export --all: the combined workbook, data package zip and Parquet files;
- corpus: `mgi run --notebook corpus` alone (the corpus report and the combined dataset beside it);
- cold runs of reports against the floor (one papermill CLI run of an empty notebook, a fresh process each time,
  times the number of reports): every report at the sizes given by --cold-all, with --jobs 1 and --jobs 2; one
  notebook (--subset-notebook) at the sizes given by --cold-subset, --jobs 2;
- after a cold run: a run with nothing changed, then one profile's findings.csv edited;
- memory: the largest resident set of any worker process and of any kernel during the cold runs (sampled from
  /proc every 0.2 s);
- the load average (1 min) before and after each measure: the machine is shared, so every figure carries it.

Usage:  nice .venv/bin/python benchmarks/bench_scale.py [--sizes 10,50,200] [--cold-all 10] [--cold-subset 50]
Results: benchmarks/results/scale.json (not in git); figures and their reading in benchmarks/SCALE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TEST_PROFILES = ROOT / "tests" / "profiles"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
EMPTY_NB = {"cells": [{"cell_type": "code", "execution_count": None, "id": "params",
                       "metadata": {"tags": ["parameters"]}, "outputs": [], "source": "profile = ''"}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def load() -> float:
    return round(os.getloadavg()[0], 2)


def generate(home: Path, n: int) -> list[str]:
    """n fictional copies: even ones of the second edition (XEX-2022), odd ones of the first (XEX-2019)."""
    ids = []
    for i in range(n):
        code = "Q" + LETTERS[i // 26 % 26] + LETTERS[i % 26]
        src = TEST_PROFILES / ("XEX-2022" if i % 2 == 0 else "XEX-2019")
        pid = f"{code}-{src.name[-4:]}"
        ids.append(pid)
        dest = home / pid
        if dest.exists():
            continue
        shutil.copytree(src, dest)
        meta = json.loads((dest / "datapackage.json").read_text(encoding="utf-8"))
        meta["title"] = f"FICTIONAL COPY {code} (benchmark) – " + meta["title"]
        meta["mgi"].update(profile_id=pid, iso3=code, country=f"Examplia {code} (fictional copy)",
                           country_short=f"Examplia {code}")
        (dest / "datapackage.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    return ids


class Memory:
    """The largest resident set (MiB) of any worker and of any kernel below a process, sampled from /proc."""

    def __init__(self, pid: int):
        self.pid, self.worker, self.kernel, self._stop = pid, 0.0, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def _children(pid: int) -> list[int]:
        out = []
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    out += [int(c) for c in f.read().split()]
        except OSError:
            pass
        return out

    @staticmethod
    def _rss(pid: int) -> tuple[float, str]:
        try:
            with open(f"/proc/{pid}/status") as f:
                rss = next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
            return rss / 1024, cmd
        except OSError:
            return 0.0, ""

    def _run(self) -> None:
        while not self._stop.is_set():
            todo = self._children(self.pid)
            while todo:
                p = todo.pop()
                rss, cmd = self._rss(p)
                if "ipykernel" in cmd:
                    self.kernel = max(self.kernel, rss)
                elif "multiprocessing" in cmd or "helpers" in cmd or "mgi" in cmd:
                    self.worker = max(self.worker, rss)
                todo += self._children(p)
            self._stop.wait(0.2)

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join()
        return {"worker_max_rss_mib": round(self.worker, 1), "kernel_max_rss_mib": round(self.kernel, 1)}


def timed(cmd: list[str], env: dict, memory: bool = False) -> dict:
    before = load()
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    mem = Memory(proc.pid) if memory else None
    out, err = proc.communicate()
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{out[-2000:]}\n{err[-2000:]}")
    res = {"s": round(elapsed, 2), "load_before": before, "load_after": load(), "stdout": out[-400:]}
    if mem:
        res.update(mem.stop())
    return res


def floor(tmp: Path, repeat: int) -> dict:
    """One papermill CLI run of an empty notebook in a fresh process: the least a report can cost."""
    nb = tmp / "empty.ipynb"
    nb.write_text(json.dumps(EMPTY_NB), encoding="utf-8")
    runs = [timed([str(BIN / "papermill"), "-k", "python3", "-p", "profile", "x", "--no-progress-bar", str(nb),
                   str(tmp / "empty-out.ipynb")], dict(os.environ)) for _ in range(repeat)]
    return {"s": statistics.median(r["s"] for r in runs), "runs_s": [r["s"] for r in runs],
            "load": [r["load_before"] for r in runs]}


def mgi_run(env: dict, out: Path, *args: str, memory: bool = False) -> dict:
    res = timed([str(BIN / "mgi"), "run", "--all", "--out", str(out), *args], env, memory=memory)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    per_nb: dict[str, list[float]] = {}
    for r in manifest["reports"]:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
        if r["status"] == "ok":
            per_nb.setdefault(r["notebook"], []).append(r["duration_s"])
    res.update(counts=counts, reports=len(manifest["reports"]),
               per_notebook_median_s={k: round(statistics.median(v), 2) for k, v in per_nb.items()})
    res.pop("stdout", None)
    return res


def in_python(env: dict, code: str) -> dict:
    res = timed([sys.executable, "-c", code], env)
    imports, work = res.pop("stdout").strip().splitlines()[-1].split()
    res["imports_s"], res["load_s"] = float(imports), float(work)
    return res


LOAD_CODE = ("import time; t = time.perf_counter(); import pandas; from helpers import load_profiles; "
             "i = time.perf_counter(); c = load_profiles(); assert len(c) > 0; "
             "print(round(i - t, 3), round(time.perf_counter() - i, 3))")


def measure(n: int, home: Path, tmp: Path, env: dict, *, cold_all: bool, cold_subset: bool, subset: str,
            floor_s: float) -> dict:
    ids = generate(home, n)
    shipped = sum(1 for d in (ROOT / "data" / "profiles").iterdir() if (d / "datapackage.json").is_file())
    res: dict = {"profiles": len(ids) + shipped, "fictional_copies": len(ids)}
    res["validate"] = timed([str(BIN / "mgi"), "validate", "-q", "--all"], env)
    res["validate"].pop("stdout", None)
    res["load_profiles_cached"] = in_python(env, LOAD_CODE)
    res["load_profiles_empty_cache"] = in_python(dict(env, MGI_CACHE_DIR=str(tmp / f"cache-{n}")), LOAD_CODE)
    res["export_all"] = timed([str(BIN / "mgi"), "export", "--all", "--out", str(tmp / f"export-{n}")], env)
    res["export_all"].pop("stdout", None)
    res["corpus_report"] = mgi_run(env, tmp / f"corpus-{n}", "--notebook", "corpus", "--jobs", "1", memory=True)
    if cold_all:
        for jobs in ("1", "2"):
            near = floor(tmp, 3)  # the floor measured just before, under the same load
            out = tmp / f"all-{n}-j{jobs}"
            r = mgi_run(env, out, "--jobs", jobs, memory=True)
            r["floor_near"] = near
            r["floor_s"] = round(near["s"] * r["reports"], 2)
            r["vs_floor"] = round(r["s"] / r["floor_s"], 2)
            r["floor_start_s"] = round(floor_s * r["reports"], 2)
            res[f"cold_all_jobs{jobs}"] = r
        res["jobs2_speedup"] = round(res["cold_all_jobs1"]["s"] / res["cold_all_jobs2"]["s"], 2)
        res.update(after_cold(env, home, tmp / f"all-{n}-j2", ids, "--jobs", "2"))
    if cold_subset:
        out = tmp / f"subset-{n}"
        near = floor(tmp, 3)
        r = mgi_run(env, out, "--notebook", subset, "--jobs", "2", memory=True)
        r["floor_near"] = near
        r["floor_s"] = round(near["s"] * r["reports"], 2)
        r["vs_floor_jobs2"] = round(r["s"] / r["floor_s"], 2)
        res[f"cold_{subset}_jobs2"] = r
        res.update({f"{k}_{subset}": v for k, v in after_cold(env, home, out, ids, "--notebook", subset,
                                                               "--jobs", "2").items()})
    return res


def after_cold(env: dict, home: Path, out: Path, ids: list[str], *args: str) -> dict:
    same = mgi_run(env, out, *args)
    f = home / ids[0] / "findings.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",", ", ", 1), encoding="utf-8")  # a harmless edit
    edited = mgi_run(env, out, *args)
    return {"nochange": same, "one_edited": edited}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,50,200")
    ap.add_argument("--cold-all", default="10", help="sizes at which every report is run cold (--jobs 1 and 2)")
    ap.add_argument("--cold-subset", default="50", help="sizes at which one notebook is run cold (--jobs 2)")
    ap.add_argument("--subset-notebook", default="overview")
    ap.add_argument("--floor-repeat", type=int, default=5)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    cold_all = {int(s) for s in args.cold_all.split(",") if s}
    cold_subset = {int(s) for s in args.cold_subset.split(",") if s}
    tmp = Path(tempfile.mkdtemp(prefix="mgi-scale-"))
    home = tmp / "profiles"
    home.mkdir()
    env = dict(os.environ, MGI_PROFILE_PATH=str(home), MGI_CACHE_DIR=str(tmp / "cache"))
    res: dict = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                             "platform": platform.platform(), "load_at_start": load()},
                 "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    try:
        res["floor"] = floor(tmp, args.floor_repeat)
        print(f"floor: {res['floor']}", flush=True)
        for n in sizes:  # generate() adds profiles: each size includes the ones before
            res[str(n)] = measure(n, home, tmp, env, cold_all=n in cold_all, cold_subset=n in cold_subset,
                                  subset=args.subset_notebook, floor_s=res["floor"]["s"])
            print(f"N={n}: {json.dumps(res[str(n)])}", flush=True)
            (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
            (ROOT / "benchmarks" / "results" / "scale.json").write_text(json.dumps(res, indent=2), encoding="utf-8")
        res["floor_end"] = floor(tmp, args.floor_repeat)  # the machine's load may have changed meanwhile
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    res["machine"]["load_at_end"] = load()
    res["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    (ROOT / "benchmarks" / "results" / "scale.json").write_text(json.dumps(res, indent=2), encoding="utf-8")
    print(json.dumps({k: v for k, v in res.items() if k in ("machine", "floor", "floor_end")}, indent=1))


if __name__ == "__main__":
    main()
