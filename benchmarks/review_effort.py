"""How much of a draft a reviewer can accept as it stands: accept / edit / write by hand / reject, per table (a
benchmark, not a test).

Each profile is drafted afresh as `mgi new-profile ID --source FILE` does, from its text and from every PDF in
its folder (converted with the project's converter), and the candidate files are scored row by row against the
profile's reviewed tables (helpers.draft.effort). PER-2021 is in-sample (the patterns were written from it),
tests/profiles/XEX-* are test profiles imitating its layout, benchmarks/heldout/<ID>/ were written by others who
had not seen the patterns.

Usage:  .venv/bin/python benchmarks/review_effort.py [PROFILE ...] [--heldout] [--text-only]
                                                     [--write SECTION] [--title TITLE]
        --heldout      the profiles of benchmarks/heldout/ (all of them, or those named)
        --write NAME   put the results in REVIEW_EFFORT.md under the section NAME ('current', 'baseline',
                       'first-run-XNR-2024', ...). A section whose name starts with 'first-run' or 'baseline' is
                       written once and never replaced (those figures were taken before anyone looked).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ["MGI_PROFILE_PATH"] = os.pathsep.join(
    p for p in (os.environ.get("MGI_PROFILE_PATH", ""), str(ROOT / "tests" / "profiles")) if p)

import subprocess  # noqa: E402

from helpers.draft.effort import CELLS, TableEffort, review_effort  # noqa: E402
from helpers.draft.scaffold import DRAFT_DIR, new_profile  # noqa: E402
from helpers.paths import find_profile  # noqa: E402

REPORT = ROOT / "benchmarks" / "REVIEW_EFFORT.md"
HELDOUT = ROOT / "benchmarks" / "heldout"
DEFAULT = ["PER-2021", "XEX-2019", "XEX-2022"]
FROZEN = ("first-run", "baseline")


def inputs(key_dir: Path, text_only: bool) -> list[tuple[str, Path]]:
    """(name, path) of every input: the profile's text, then each PDF in its folder."""
    meta = json.loads((key_dir / "datapackage.json").read_text(encoding="utf-8"))
    out = [("text", key_dir / meta["mgi"]["source_file"])]
    if not text_only:
        out += [(f"PDF {p.name}", p) for p in sorted(key_dir.glob("*.pdf"))]
    return out


def score(pid: str, key_dir: Path, source: Path) -> tuple[list[TableEffort], float, int]:
    """The efforts per table, the seconds `new-profile` took (converting a PDF included) and the PDF's pages."""
    with tempfile.TemporaryDirectory(prefix="mgi-effort-") as tmp:
        t0 = time.perf_counter()
        drafted = new_profile(pid, source, home=Path(tmp))
        seconds = time.perf_counter() - t0
        meta = json.loads((drafted.path / "datapackage.json").read_text(encoding="utf-8"))
        pages = int((meta["mgi"].get("conversion") or {}).get("pages") or 0)
        return review_effort(drafted.path / DRAFT_DIR, key_dir), seconds, pages


def status_right(efforts: list[TableEffort]) -> tuple[int, int, int]:
    """(findings whose drafted baseline_status is right, findings drafted, findings of the key): a finding written
    by hand counts as not right."""
    f = next((e for e in efforts if e.table == "findings"), None)
    if f is None:
        return 0, 0, 0
    return f.accept + f.edit - f.edited_cells.get("baseline_status", 0), f.accept + f.edit, f.scored_rows


def goals_row(pid: str, name: str, efforts: list[TableEffort], seconds: float, pages: int, follow_up: bool) -> str:
    """One line of the goals table: which goals of issue 17 this draft meets."""
    big = [e for e in efforts if e.scored_rows > 5]
    under = [f"{e.table} {_pct(e.pct(e.accept))}" for e in big if (e.pct(e.accept) or 0) < 0.85]
    rows = sum(e.scored_rows for e in efforts)
    cands = sum(e.candidates - e.set_aside for e in efforts)
    rej, hand = sum(e.reject for e in efforts), sum(e.hand for e in efforts)
    right, drafted, of = status_right(efforts)
    status = (f"{right}/{of} ({_pct(right / of if of else None)}); {_pct(right / drafted if drafted else None)} of "
              f"the {drafted} drafted") if follow_up else "— (first profile)"
    budget = 5 + 0.3 * pages
    return (f"| {pid} | {name} | {', '.join(under) or 'none'} | {_pct(rej / cands if cands else None)} | "
            f"{_pct(hand / rows if rows else None)} | {status} | {seconds:.1f} s (goal {budget:.1f} s) |")


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def table_lines(pid: str, name: str, efforts: list[TableEffort]) -> list[str]:
    lines = []
    for e in efforts:
        top = ", ".join(f"{c} {n}" for c, n in e.edited_cells.most_common(4)) or "—"
        aside = f" ({e.set_aside} set aside)" if e.set_aside else ""
        lines.append(f"| {pid} | {name} | {e.table} | {e.scored_rows} | {e.candidates}{aside} | "
                     f"{e.accept} ({_pct(e.pct(e.accept))}) | {e.edit} ({_pct(e.pct(e.edit))}) | "
                     f"{e.hand} ({_pct(e.pct(e.hand))}){f' ({e.split} split)' if e.split else ''} | {e.reject} ({_pct(e.pct(e.reject, True))}) | {top} |")
    return lines


def totals(efforts: list[TableEffort]) -> str:
    rows = sum(e.scored_rows for e in efforts)
    cands = sum(e.candidates - e.set_aside for e in efforts)
    acc, hand, rej = (sum(getattr(e, a) for e in efforts) for a in ("accept", "hand", "reject"))
    return (f"all tables: {rows} key rows, {acc} accepted as drafted ({_pct(acc / rows if rows else None)}), "
            f"{hand} written by hand ({_pct(hand / rows if rows else None)}); {cands} candidates, {rej} rejected "
            f"({_pct(rej / cands if cands else None)})")


def details(pid: str, name: str, efforts: list[TableEffort]) -> list[str]:
    out = [f"<details><summary>{pid} from {name}: rows to edit, write by hand, reject</summary>", ""]
    for e in efforts:
        for title, items in (("edit (cells wrong)", e.edits), ("write by hand", e.hand_rows),
                             ("reject", e.rejected)):
            if items:
                out.append(f"- **{e.table}**, {title} ({len(items)}):")
                out += [f"  - {i}" for i in items]
    out += ["", "</details>", ""]
    return out


def results(profiles: list[str], heldout: bool, text_only: bool, title: str) -> str:
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip() or "?"
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True,
                           text=True).stdout.strip()
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [f"## {title}", "", f"Drafter of commit {head}{' with uncommitted changes in src/' if dirty else ''}, "
             f"scored {when}.", "",
             "| profile | input | table | key rows | candidates | accept | edit | hand | reject | cells most "
             "often edited |", "|---|---|---|---:|---:|---:|---:|---:|---:|---|"]
    summary, det, goals = [], [], []
    for pid in profiles:
        key_dir = HELDOUT / pid if heldout else find_profile(pid)
        meta = json.loads((key_dir / "datapackage.json").read_text(encoding="utf-8"))
        follow_up = bool(meta["mgi"].get("baseline_year"))
        for name, source in inputs(key_dir, text_only):
            efforts, seconds, pages = score(pid, key_dir, source)
            parts += table_lines(pid, name, efforts)
            right, drafted, of = status_right(efforts)
            status = f"; baseline_status right on {right} of {of} findings ({drafted} drafted)" if follow_up else ""
            summary.append(f"- {pid} from {name}: {totals(efforts)}{status}; `new-profile` took {seconds:.1f} s"
                           + (f" ({pages} pages)" if pages else ""))
            goals.append(goals_row(pid, name, efforts, seconds, pages, follow_up))
            det += details(pid, name, efforts)
    goal_head = ["Goals of issue 17 per draft (≥ 85 % accepted in every table of more than 5 rows; ≤ 15 % of "
                 "candidates rejected; ≤ 3 % of rows by hand; baseline_status right on ≥ 90 % of a follow-up "
                 "profile's findings; under 5 s plus 0.3 s a PDF page):", "",
                 "| profile | input | tables under 85 % accepted | rejected | by hand | baseline_status right | "
                 "new-profile |", "|---|---|---|---:|---:|---|---:|"]
    return "\n".join(parts + [""] + summary + [""] + goal_head + goals + [""] + det).rstrip() + "\n"


def write(section_name: str, section: str) -> bool:
    start, end = f"<!-- review-effort:{section_name}:start -->", f"<!-- review-effort:{section_name}:end -->"
    text = REPORT.read_text(encoding="utf-8")
    block = f"{start}\n\n{section}\n{end}"
    if start in text and end in text:
        if section_name.startswith(FROZEN):
            print(f"{REPORT.name}: section {section_name!r} is a record taken before looking; not replaced",
                  file=sys.stderr)
            return False
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    REPORT.write_text(text, encoding="utf-8")
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("profiles", nargs="*")
    ap.add_argument("--heldout", action="store_true", help="score profiles of benchmarks/heldout/")
    ap.add_argument("--text-only", action="store_true", help="skip the PDFs")
    ap.add_argument("--write", metavar="SECTION", help=f"write into {REPORT.relative_to(ROOT)}")
    ap.add_argument("--title", help="the section's heading")
    args = ap.parse_args()
    profiles = args.profiles or (sorted(p.name for p in HELDOUT.iterdir() if p.is_dir()) if args.heldout
                                 else DEFAULT)
    title = args.title or ("Held-out profiles" if args.heldout else "In-sample and test profiles")
    section = results(profiles, args.heldout, args.text_only, title)
    print(section)
    if args.write and write(args.write, section):
        print(f"wrote section {args.write!r} of {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
