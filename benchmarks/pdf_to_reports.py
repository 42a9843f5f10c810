"""From a published PDF to validated tables and rendered reports, with every drafted candidate accepted as it
stands (a benchmark of the whole path, not a test; a real profile is reviewed by a person).

For each profile folder given (a held-out profile: its PDF, and its datapackage.json for the metadata a person
would type), in a scratch project (MGI_HOME) that shares this project's notebooks:
  mgi new-profile ID --source <the PDF>   ->  every candidate accepted  ->  the metadata TODOs filled from the
  folder's datapackage.json  ->  mgi accept ID  ->  mgi validate ID  ->  mgi run --profile ID
and says what each step gave.

Usage:  .venv/bin/python benchmarks/pdf_to_reports.py benchmarks/heldout/XVA-2023 [...] [--notebook NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MGI = [sys.executable, "-m", "helpers"]


def run(args: list[str], env: dict) -> tuple[int, str]:
    p = subprocess.run(MGI + args, env=env, capture_output=True, text=True)
    return p.returncode, (p.stdout + p.stderr).strip()


def fill_todos(meta: dict, key: dict) -> None:
    """Every value still saying TODO takes the value the key's metadata gives for the same path."""
    def walk(node, ref):
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for k, v in list(items):
            r = ref.get(k) if isinstance(ref, dict) else (ref[k] if isinstance(ref, list) and k < len(ref) else None)
            if isinstance(v, str) and v.startswith("TODO"):
                node[k] = r
            else:
                walk(v, r)
    walk(meta, key)
    for k in ("level", "locality", "locality_short", "locality_type", "absent_tables"):
        if k in key.get("mgi", {}):
            meta["mgi"][k] = key["mgi"][k]
    if meta["mgi"].get("level") != "local":
        for k in ("locality", "locality_short", "locality_type"):
            meta["mgi"].pop(k, None)


def one(folder: Path, notebooks: list[str]) -> list[str]:
    key = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    pid = key["mgi"]["profile_id"]
    pdf = sorted(folder.glob("*.pdf"))[0]
    out = [f"### {pid} from {pdf.name}", ""]
    with tempfile.TemporaryDirectory(prefix="mgi-path-") as tmp:
        home = Path(tmp)
        (home / "data" / "profiles").mkdir(parents=True)
        (home / "data" / "profiles" / "DEFAULT").write_text(pid + "\n", encoding="utf-8")
        os.symlink(ROOT / "notebooks", home / "notebooks")
        env = dict(os.environ, MGI_HOME=str(home), PYTHONPATH=str(ROOT / "src"), MGI_PROFILE_PATH="")
        t0 = time.perf_counter()
        rc, msg = run(["new-profile", pid, "--source", str(pdf), "--country", key["mgi"]["country"]], env)
        out.append(f"- `mgi new-profile {pid} --source {pdf.name}`: exit {rc}, {time.perf_counter() - t0:.1f} s")
        if rc:
            return out + ["", "```", msg[-1500:], "```", ""]
        prof = home / "data" / "profiles" / pid
        sys.path.insert(0, str(ROOT / "src"))
        from helpers.data.schema import TABLES_BY_NAME
        from helpers.draft.candidates import TABLE_ORDER
        from helpers.draft.review import candidates, decide
        n = held = 0
        for t in TABLE_ORDER:
            if not (prof / "draft" / f"{t}.candidates.csv").is_file():
                continue
            required = [f.name for f in TABLES_BY_NAME[t].fields if f.required]
            for r in candidates(prof, t):
                if all((r.get(c) or "").strip() for c in required):
                    decide(prof, t, r["review_key"], "accept")
                    n += 1
                else:  # a person must fill a required cell the draft left empty (never guessed): not accepted here
                    decide(prof, t, r["review_key"], "reject", note="benchmark: a required cell is empty")
                    held += 1
        meta = json.loads((prof / "datapackage.json").read_text(encoding="utf-8"))
        fill_todos(meta, key)
        (prof / "datapackage.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        out.append(f"- accepted every candidate as drafted whose required cells the draft filled ({n}); {held} left for "
                   "a person (a required cell empty: a theme, unit or erratum decision the draft does not guess); "
                   "metadata TODOs filled from the key's datapackage.json")
        rc, msg = run(["accept", pid], env)
        out.append(f"- `mgi accept {pid}`: exit {rc}")
        if rc:
            return out + ["", "```", msg[-2500:], "```", ""]
        rc, msg = run(["validate", pid], env)
        out.append(f"- `mgi validate {pid}`: exit {rc}: " + (msg.splitlines()[-1] if msg else ""))
        if rc:
            return out + ["", "```", msg[-2500:], "```", ""]
        summary = [line for line in msg.splitlines() if line.strip().startswith(("findings", "instruments",
                   "statistics", "covid", "partnerships", "sources", "errata"))]
        out += ["", "```", *summary, "```"]
        t0 = time.perf_counter()
        args = ["run", "--profile", pid, "--jobs", "1", "--out", str(home / "reports")]
        for nb in notebooks:
            args += ["--notebook", nb]
        rc, msg = run(args, env)
        html = sorted(p.relative_to(home / "reports").as_posix() for p in (home / "reports").rglob("*.html"))
        out.append(f"- `mgi run --profile {pid}`: exit {rc}, {time.perf_counter() - t0:.0f} s; reports: "
                   + ", ".join(html))
        keep = ROOT / "reports" / "_pdf_to_reports" / pid
        if keep.exists():
            shutil.rmtree(keep)
        if (home / "reports").is_dir():
            shutil.copytree(home / "reports", keep)
            out.append(f"- reports kept in `{keep.relative_to(ROOT)}/` (not in git)")
        if rc:
            out += ["", "```", msg[-1500:], "```"]
    return out + [""]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--notebook", action="append", default=[])
    args = ap.parse_args()
    lines = []
    for f in args.folders:
        lines += one(Path(f).resolve(), args.notebook)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
