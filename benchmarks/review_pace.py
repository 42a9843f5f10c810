"""How long the review of a drafted profile takes with the review workbook and with the notebook's grid (a
benchmark, not a test).

The profile (default: the held-out XQA-2023, whose text the review tools were never tuned on) is drafted from its
text as `mgi new-profile` does. The reviewer's judgement is the profile's answer key (its reviewed tables): a
candidate whose quote overlaps a key row of its table is accepted when its cells equal the key's, edited (the
key's values typed into the cells that differ) otherwise; a candidate matching no key row is rejected. Those
decisions are then carried out as a person would, and every action is timed:

- workbook: `mgi review --workbook`, then in the workbook (openpyxl standing in for the spreadsheet program) the
  decisions and the typed cells, save, `mgi review --apply`, `mgi accept`
  ('accept' filled down each sheet's decision column once, then the rejects chosen and the edits typed);
- grid: through the grid widget's cell-change event (what the browser sends when a cell is typed into): the edits
  typed and the rejects chosen, then one bulk call `grid.accept_all_open()` per table; then `mgi accept`.

Measured: the number of actions of each kind and the machine time of each (what the person waits for). A person's
time is not measured here (no person did this review): the estimate multiplies the counted actions by the seconds
per action stated in PERSON_SECONDS, which are assumptions, printed with the result.

Usage:  .venv/bin/python benchmarks/review_pace.py [KEY_DIR] [--write]
        --write   put the results in benchmarks/REVIEW_PACE.md
"""

from __future__ import annotations

import argparse
from collections import Counter
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import openpyxl  # noqa: E402

from helpers.data.quotes import collapse  # noqa: E402
from helpers.data.schema import TABLES_BY_NAME  # noqa: E402
from helpers.draft import review  # noqa: E402
from helpers.draft.accept import AcceptFailed, accept  # noqa: E402
from helpers.draft.candidates import TABLE_ORDER, read_csv  # noqa: E402
from helpers.draft.review_grid import ReviewGrid  # noqa: E402
from helpers.draft.review_workbook import DECISION, apply_workbook, write_workbook  # noqa: E402
from helpers.draft.scaffold import new_profile  # noqa: E402

# Assumed seconds a person spends (not measured): reading one candidate (its passage, cells, rule and hint: every
# candidate is read, whichever the tool); typing one changed cell; one decision chosen in a drop-down or typed;
# one bulk action (fill 'accept' down a sheet's decision column, or one grid.accept_all_open() call).
PERSON_SECONDS = {"read": 15, "type_cell": 20, "choose": 3, "bulk": 10}
# cells a reviewer leaves as drafted even where the key's author wrote them otherwise: ids and references to ids
# (the draft's ids are as good as the key's) and the section label
KEEP = {"section", "instruments", "amends", "repeals", "regulates", "extends", "source_id"}
REPORT = ROOT / "benchmarks" / "REVIEW_PACE.md"


def _text(row: dict[str, str]) -> str:
    return collapse(row.get("evidence") or row.get("review_entry") or row.get("source_says") or "")


def _match(table: str, cand: dict[str, str], key_rows: list[dict[str, str]]) -> dict[str, str] | None:
    ev = _text(cand)
    if table == "sources":
        return next((k for k in key_rows if k.get("address") and k["address"] == cand.get("address")
                     or k.get("title") and k["title"] == cand.get("title")), None)
    if table == "errata":
        return next((k for k in key_rows if k["source_says"] and (k["source_says"] in cand.get("source_says", "")
                     or cand.get("source_says", "") in k["source_says"])), None)
    if not ev:
        return None
    hits = [k for k in key_rows if _text(k) and (_text(k) in ev or ev in _text(k))]
    if table in ("instruments", "statistics", "partnerships") and len(hits) > 1:
        pk_fields = {"instruments": ("number", "title_en"), "statistics": ("value",), "partnerships": ("name",)}
        exact = [k for k in hits if all(k.get(f) == cand.get(f) for f in pk_fields[table])]
        hits = exact or hits
    return hits[0] if hits else None


def judgement(folder: Path, key_dir: Path) -> dict[str, list[tuple[dict, str, dict]]]:
    """table -> (candidate, decision, edits) as the answer key says; each key row is used once."""
    out = {}
    for table in TABLE_ORDER:
        t = TABLES_BY_NAME[table]
        key_rows = read_csv(key_dir / t.filename)
        used: set[int] = set()
        decided = []
        for c in review.candidates(folder, table):
            k = _match(table, c, [r for i, r in enumerate(key_rows) if i not in used])
            if k is None:
                decided.append((c, "reject", {}))
                continue
            used.add(next(i for i, r in enumerate(key_rows) if r is k))
            edits = {f: k.get(f, "") for f in t.field_names
                     if f != t.primary_key and f not in KEEP and k.get(f, "") != c.get(f, "")
                     and review.cell_problem(table, f, k.get(f, "")) is None}
            decided.append((c, "edit" if edits else "accept", edits))
        out[table] = decided
    return out


def _draft(key_dir: Path, home: Path):
    meta = json.loads((key_dir / "datapackage.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    d = new_profile(meta["mgi"]["profile_id"], key_dir / meta["mgi"]["source_file"], home=home)
    # what a person types into datapackage.json first: here the key's own metadata
    mine = json.loads((d.path / "datapackage.json").read_text(encoding="utf-8"))
    for k in ("title", "description", "licenses", "sources"):
        mine[k] = meta[k]
    mine["mgi"].update({k: v for k, v in meta["mgi"].items() if k not in ("source_file", "source_sha256")})
    (d.path / "datapackage.json").write_text(json.dumps(mine, indent=2, ensure_ascii=False), encoding="utf-8")
    return d.path, time.perf_counter() - t0


def _accept(folder: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    try:
        a = accept(folder)
        outcome = f"valid; {sum(a.written.values())} rows written"
    except AcceptFailed as exc:
        outcome = f"refused with {len(exc.problems)} problem(s) to fix (first: {exc.problems[0].format()[:120]})"
    return time.perf_counter() - t0, outcome


def by_workbook(key_dir: Path, tmp: Path) -> dict:
    folder, draft_s = _draft(key_dir, tmp / "wb")
    decided = judgement(folder, key_dir)
    t0 = time.perf_counter()
    path = write_workbook(folder, tmp / "review.xlsx")
    write_s = time.perf_counter() - t0
    wb = openpyxl.load_workbook(path)
    choices = cells = 0
    t0 = time.perf_counter()
    bulk = bulk_rows = 0
    for table, items in decided.items():
        if table not in wb.sheetnames:
            continue
        ws = wb[table]
        head = [c.value for c in ws[1]]
        for r in range(2, len(items) + 2):  # one action: 'accept' filled down the decision column
            ws.cell(r, head.index(DECISION) + 1).value = "accept"
        bulk, bulk_rows = bulk + 1, bulk_rows + len(items)
        for r, (cand, decision, edits) in enumerate(items, start=2):
            if decision == "reject":
                ws.cell(r, head.index(DECISION) + 1).value = "reject"
                choices += 1
            for f, v in edits.items():  # a changed cell is an edit
                ws.cell(r, head.index(f) + 1).value = v
                cells += 1
    wb.save(path)
    typing_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    applied = apply_workbook(folder, path)
    apply_s = time.perf_counter() - t0
    accept_s, outcome = _accept(folder)
    return {"candidates": sum(len(v) for v in decided.values()), "choices": choices, "cells": cells,
            "bulk": bulk, "bulk_rows": bulk_rows, "machine": {"draft": draft_s, "write workbook": write_s,
                                                   "apply": apply_s, "accept": accept_s},
            "per_action_ms": 1000 * typing_s / max(1, choices + cells + bulk_rows), "applied": applied.text(),
            "accept": outcome, "decided": decided}


def by_grid(key_dir: Path, tmp: Path) -> dict:
    folder, draft_s = _draft(key_dir, tmp / "grid")
    decided = judgement(folder, key_dir)
    choices = cells = bulk = bulk_rows = 0
    waits: list[float] = []
    for table, items in decided.items():
        if not items:
            continue
        g = ReviewGrid(folder, table)
        box = g.filter(decision=None).widget()  # every candidate of the table in view
        grid = box.children[0]
        for n, (cand, decision, edits) in enumerate(items, start=1):
            for f, v in edits.items():  # typed into the cell: an edit
                t0 = time.perf_counter()
                grid.set_cell_value(f, n, v)
                waits.append(time.perf_counter() - t0)
                cells += 1
            if decision == "reject":
                t0 = time.perf_counter()
                grid.set_cell_value(DECISION, n, "reject")
                waits.append(time.perf_counter() - t0)
                choices += 1
        t0 = time.perf_counter()
        bulk_rows += g.accept_all_open()  # after looking: the rest of the table as drafted, one call
        waits.append(time.perf_counter() - t0)
        bulk += 1
    accept_s, outcome = _accept(folder)
    return {"candidates": sum(len(v) for v in decided.values()), "choices": choices, "cells": cells, "bulk": bulk,
            "bulk_rows": bulk_rows, "machine": {"draft": draft_s, "all grid actions": sum(waits),
                                                "accept": accept_s},
            "per_action_ms": 1000 * sum(waits) / max(1, len(waits)), "accept": outcome}


def person_minutes(r: dict) -> float:
    p = PERSON_SECONDS
    return (r["candidates"] * p["read"] + r["cells"] * p["type_cell"] + r["choices"] * p["choose"]
            + r["bulk"] * p["bulk"]) / 60


def report(pid: str, wb: dict, grid: dict) -> str:
    d = wb["decided"]
    n = {k: sum(1 for items in d.values() for _, x, _ in items if x == k) for k in ("accept", "edit", "reject")}
    lines = [f"## {pid} (held-out: the review tools were not tuned on it)", "",
             f"{wb['candidates']} candidates; the answer key says: accept {n['accept']}, edit {n['edit']} "
             f"({wb['cells']} cells to type), reject {n['reject']}. Cells to type by column: "
             + ", ".join(f"{t}.{f} {c}" for (t, f), c in Counter((t, f) for t, items in d.items()
                                                                   for _, _, e in items for f in e).most_common(8))
             + ".", "",
             "| path | decisions chosen one by one | cells typed | bulk calls (rows) | machine time of the actions "
             "| mean wait per action | mgi accept | person, estimated |",
             "|---|---:|---:|---:|---|---:|---|---:|"]
    for name, r in (("workbook", wb), ("grid", grid)):
        machine = ", ".join(f"{k} {v:.2f} s" for k, v in r["machine"].items())
        lines.append(f"| {name} | {r['choices']} | {r['cells']} | {r['bulk']} ({r['bulk_rows']}) | {machine} | "
                     f"{r['per_action_ms']:.0f} ms | {r['accept']} | {person_minutes(r):.0f} min |")
    lines += ["", f"Left as drafted even where the key differs: {', '.join(sorted(KEEP))} and the ids (the "
              "draft's are as good as the key's). Rows the draft missed (to be written by hand) are not counted.",
              "", "Person time is an estimate, not a measurement: counted actions × assumed seconds per action "
              f"({', '.join(f'{k} {v} s' for k, v in PERSON_SECONDS.items())}). The machine times are measured "
              "(time.perf_counter) on the 2-core shared machine this project runs on; for the workbook, 'mean "
              "wait per action' is the time openpyxl took to set one cell (the spreadsheet program's own time "
              "is not counted); for the grid it is the time from a typed cell to the decision being recorded "
              "(checked and written to draft/decisions.csv) and the grid refreshed.", ""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("key_dir", nargs="?", default=str(ROOT / "benchmarks" / "heldout" / "XQA-2023"))
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    key_dir = Path(args.key_dir)
    pid = json.loads((key_dir / "datapackage.json").read_text(encoding="utf-8"))["mgi"]["profile_id"]
    tmp = Path(tempfile.mkdtemp(prefix="mgi-pace-"))
    try:
        wb = by_workbook(key_dir, tmp)
        grid = by_grid(key_dir, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    text = report(pid, wb, grid)
    print(text)
    if args.write:
        head = ("# Review pace: the workbook and the grid\n\nWritten by `benchmarks/review_pace.py` (see its "
                "docstring for what is measured and what is assumed).\n\n")
        REPORT.write_text(head + text, encoding="utf-8")
        print(f"wrote {REPORT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
