"""How much of a reviewed profile `mgi new-profile` drafts: recall and precision per table (a benchmark, not a test).

Each profile is drafted afresh from its own source text into a temporary folder, and the candidate files are
compared with the profile's reviewed tables (helpers.draft.evaluate). PER-2021 is the answer key the patterns
were written against, so its figures are in-sample; the fictional test profiles (tests/profiles) were written
by someone else but imitate the Peru layout. The held-out profiles in benchmarks/heldout/ were written by
others who had not seen the patterns; their first run is recorded in DRAFT_RECALL.md and never rewritten.

Usage:  .venv/bin/python benchmarks/draft_recall.py [PROFILE ...] [--heldout] [--write]
        --heldout  score the held-out fictional profiles in benchmarks/heldout/<ID>/ instead (written by others
                   who had not seen the patterns); their results go into their own section
        --write    replaces the results section of benchmarks/DRAFT_RECALL.md
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ["MGI_PROFILE_PATH"] = os.pathsep.join(
    p for p in (os.environ.get("MGI_PROFILE_PATH", ""), str(ROOT / "tests" / "profiles")) if p)

import csv  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402

from helpers.draft.evaluate import draft_and_evaluate, scores_markdown  # noqa: E402
from helpers.draft.extract import draft_from_text  # noqa: E402
from helpers.draft.language import load_language  # noqa: E402
from helpers.paths import find_profile  # noqa: E402

REPORT = ROOT / "benchmarks" / "DRAFT_RECALL.md"
HELDOUT = ROOT / "benchmarks" / "heldout"
START, END = "<!-- draft-recall:start -->", "<!-- draft-recall:end -->"
HSTART, HEND = "<!-- draft-recall-heldout:start -->", "<!-- draft-recall-heldout:end -->"
DEFAULT = ["PER-2021", "XEX-2019", "XEX-2022"]

INTRO = """# How much of a profile `mgi new-profile` drafts

`mgi new-profile ID --source FILE.txt` writes candidate rows into `data/profiles/ID/draft/` (numbered legal
instruments, figures, the Key sources list); a person reviews them and copies the accepted rows into the
tables. This page measures those candidates against profiles whose tables were made and reviewed by hand.

- **recall**: share of the answer key's rows that at least one candidate matches;
- **precision**: share of candidates that match at least one row of the key (a *false candidate* matches none).

Match rules: instruments — the numbered rows of `instruments.csv`, same number (an issuing-body suffix may be
missing on one side: `000104-2020` ~ `000104-2020-MIGRACIONES`); figures — the same value as a row of
`statistics.csv` (loose), and the same value with overlapping quotes (strict: a figure repeated in the summary
of updates, or a methodology figure repeated in the annex, is then false); sources — the same repaired address
or the same title as a row of `sources.csv`.

**Read PER-2021 as in-sample**: the patterns were written while reading the Peru source text, so its scores say
the patterns do what they were written for, not how they do on a new profile. The fictional profiles in
`tests/profiles` were written independently of the patterns and are a first out-of-sample check, but they
are small and imitate the Peru layout. Unnumbered instruments (constitutions, codes, policies, plans,
programmes, digital systems) and the findings, partnerships, COVID-19 responses and errata are not drafted
at all: a person writes them (each profile below says how many unnumbered instruments that leaves).

Regenerate with `.venv/bin/python benchmarks/draft_recall.py --write`.
"""


def _profile(pid: str, key_dir: Path | None) -> list[str]:
    key_dir = key_dir or find_profile(pid)
    with (key_dir / "instruments.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    unnumbered = sum(1 for r in rows if not r["number"].strip())
    meta = json.loads((key_dir / "datapackage.json").read_text(encoding="utf-8"))
    raw = (key_dir / meta["mgi"]["source_file"]).read_text(encoding="utf-8")
    load_language()
    times = []
    for _ in range(3):  # drafting alone (all tables, in memory), best of three
        t0 = time.perf_counter()
        draft_from_text(raw)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    scores = draft_and_evaluate(pid, key_dir)
    seconds = time.perf_counter() - t0
    return [f"### {pid}", "", scores_markdown(pid, scores).rstrip(), "",
            f"{len(rows)} rows in instruments.csv, {unnumbered} of them without a number. Drafting every table "
            f"took {min(times):.2f} s (best of 3; {len(raw.splitlines())} lines of text); `new-profile` with "
            f"writing the files, plus scoring, {seconds:.2f} s (2-core machine, language files loaded once).", ""]


def pdf_results(pid: str, key_dir: Path) -> list[str]:
    """The same scores with the draft made from each PDF in the profile's folder (converted by mgi's converter)."""
    out = []
    for pdf in sorted(key_dir.glob("*.pdf")):
        t0 = time.perf_counter()
        scores = draft_and_evaluate(pid, key_dir, pdf)
        out += [f"### {pid} from the PDF {pdf.name}", "", scores_markdown(pid, scores, details=False).rstrip(), "",
                f"Converting, drafting and scoring took {time.perf_counter() - t0:.2f} s.", ""]
    return out


def results(profiles: list[str], heldout: bool = False, pdf: bool = False) -> str:
    start, end = (HSTART, HEND) if heldout else (START, END)
    title = "Held-out profiles after looking (no longer held-out: in-sample)" if heldout else \
        "In-sample results"
    parts = [start, "", f"## {title} ({date.today().isoformat()})", ""]
    for pid in profiles:
        parts += _profile(pid, HELDOUT / pid if heldout else None)
        if pdf:
            parts += pdf_results(pid, HELDOUT / pid if heldout else find_profile(pid))
    parts.append(end)
    return "\n".join(parts)


def write(section: str, heldout: bool = False) -> None:
    start, end = (HSTART, HEND) if heldout else (START, END)
    text = REPORT.read_text(encoding="utf-8") if REPORT.is_file() else INTRO
    if start in text and end in text:
        head, rest = text.split(start, 1)
        tail = rest.split(end, 1)[1]
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    REPORT.write_text(text, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("profiles", nargs="*")
    ap.add_argument("--heldout", action="store_true", help="score the profiles in benchmarks/heldout/")
    ap.add_argument("--write", action="store_true", help=f"update {REPORT.relative_to(ROOT)}")
    ap.add_argument("--pdf", action="store_true", help="also draft from each PDF in the profile's folder")
    args = ap.parse_args()
    profiles = args.profiles or (sorted(p.name for p in HELDOUT.iterdir() if p.is_dir()) if args.heldout
                                 else DEFAULT)
    section = results(profiles, args.heldout, args.pdf)
    print(section)
    if args.write:
        write(section, args.heldout)
        print(f"\nwrote {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
