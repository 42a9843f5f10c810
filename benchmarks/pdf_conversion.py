"""How well `mgi pdf-to-text` reads a print PDF: evidence quotes found verbatim, seconds per page (a benchmark).

Each profile's source text is laid out as a print PDF by a real layout engine (WeasyPrint, through
tests/printed_profile.py: two justified, hyphenated columns, running header with the section title, page
numbers, footnotes at the foot of the page, headings across the columns), converted back with
helpers.draft.pdf, and every quote of the profile's `evidence` columns is looked for in the converted text,
whitespace- and Markdown-insensitively (`*` emphasis removed on both sides, runs of whitespace made one
space). For scale, the same PDF is also read by pdfminer.six's plain `extract_text` (what a generic
converter gives), and by the same with words hyphenated at a line end rejoined.

Usage:  .venv/bin/python benchmarks/pdf_conversion.py [PROFILE ...] [--layouts] [--write] [--keep DIR]
        --write replaces the results section of benchmarks/PDF_CONVERSION.md; --keep DIR keeps the PDFs and texts
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
os.environ["MGI_PROFILE_PATH"] = os.pathsep.join(
    p for p in (os.environ.get("MGI_PROFILE_PATH", ""), str(ROOT / "tests" / "profiles")) if p)

from helpers.draft.pdf import convert_pdf  # noqa: E402
from helpers.paths import find_profile  # noqa: E402
from printed_profile import Layout, build_pdf  # noqa: E402

REPORT = ROOT / "benchmarks" / "PDF_CONVERSION.md"
START, END = "<!-- pdf-conversion:start -->", "<!-- pdf-conversion:end -->"
DEFAULT = ["PER-2021", "XEX-2019", "XEX-2022"]
REPEATS = 3  # conversions timed per PDF; the fastest counts (the machine is shared)
# other print layouts (--layouts): the rules were written against the default one
LAYOUTS = {
    "serif, US Letter": Layout(page_size="Letter", font_family="DejaVu Serif", font_size="10pt", column_gap="5mm",
                               margins="20mm 16mm 20mm 16mm"),
    "ragged right": Layout(align="left", font_size="9pt"),
    "one column": Layout(columns=1, font_size="10.5pt", margins="25mm 30mm"),
    "three columns, 8.5 pt": Layout(columns=3, font_size="8.5pt", column_gap="5mm", margins="18mm 14mm"),
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def evidence_quotes(folder: Path) -> list[tuple[str, str]]:
    """(table, quote) for every non-empty evidence cell of the profile's CSV files."""
    out = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            if "evidence" not in (reader.fieldnames or []):
                continue
            out += [(path.stem, row["evidence"]) for row in reader if (row.get("evidence") or "").strip()]
    return out


def running_title(text: str) -> str:
    """MIGRATION GOVERNANCE INDICATORS | <the source's 'COUNTRY | SECOND PROFILE 2021' line>."""
    for line in text.splitlines():
        if re.match(r"^[A-Z][A-Z .'-]+\|\s*(?:[A-Z]+\s+)?PROFILE\s+\d{4}$", line.strip()):
            return "MIGRATION GOVERNANCE INDICATORS | " + line.strip()
    return "MIGRATION GOVERNANCE INDICATORS"


def plain_extract(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def rejoin_hyphens(text: str) -> str:
    return re.sub(r"(\w)-\n(\w)", r"\1\2", text)


def share(quotes: list[tuple[str, str]], text: str) -> tuple[int, list[tuple[str, str]]]:
    flat = normalise(text)
    missed = [(t, q) for t, q in quotes if normalise(q) not in flat]
    return len(quotes) - len(missed), missed


def measure(pid: str, workdir: Path, layout: Layout = Layout(), tag: str = "") -> dict:
    folder = find_profile(pid)
    meta = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["mgi"]
    text = (folder / meta["source_file"]).read_text(encoding="utf-8")
    pdf = workdir / f"{pid}{tag}.pdf"
    build_pdf(text, pdf, running_title=running_title(text), layout=layout)
    times, cpu, conversions = [], [], []
    for _ in range(REPEATS):
        t0, c0 = time.perf_counter(), time.process_time()
        conversions.append(convert_pdf(pdf))
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    conv = conversions[0]
    (workdir / f"{pid}{tag}.txt").write_text(conv.text, encoding="utf-8")
    quotes = evidence_quotes(folder)
    found, missed = share(quotes, conv.text)
    plain = plain_extract(pdf)
    return {
        "profile": pid, "pages": conv.record["pages"], "quotes": len(quotes), "found": found, "missed": missed,
        "seconds": min(times), "per_page": min(times) / conv.record["pages"],
        "cpu_per_page": min(cpu) / conv.record["pages"], "load": os.getloadavg()[0],
        "deterministic": len({c.text for c in conversions}) == 1,
        "plain": share(quotes, plain)[0], "plain_rejoined": share(quotes, rejoin_hyphens(plain))[0],
        "record": conv.record,
    }


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f} %" if d else "—"


def layout_results(rows: list[tuple[str, dict]]) -> list[str]:
    parts = ["", "### Other layouts (`--layouts`)", "",
             "The same texts in print layouts the rules were not written against (one exception: two gutter rules "
             "were changed after the ragged-right layout first failed, so those rows are partly in-sample).",
             "", "| layout | profile | pages | quotes found verbatim | CPU s / page |", "|---|---|---:|---:|---:|"]
    for name, r in rows:
        parts.append(f"| {name} | {r['profile']} | {r['pages']} | {r['found']}/{r['quotes']} "
                     f"({pct(r['found'], r['quotes'])}) | {r['cpu_per_page']:.3f} |")
    return parts + [""]


def results(rows: list[dict], other: list[tuple[str, dict]] | None = None) -> str:
    lib = rows[0]["record"]
    parts = [START, "", f"## Results ({date.today().isoformat()})", "",
             f"Converter {lib['converter']} v{lib['converter_version']}, {lib['library']} {lib['library_version']}, "
             f"{REPEATS} conversions per PDF (fastest counted), 2 cores; CPU seconds are the process's own, wall "
             "seconds include waiting for a shared machine (load average at the time in the last column).", "",
             "| profile | pages | evidence quotes | found verbatim | plain extract_text | + hyphens rejoined "
             "| CPU s / page | wall s / page | same bytes every run | load |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    for r in rows:
        parts.append(f"| {r['profile']} | {r['pages']} | {r['quotes']} | {r['found']} ({pct(r['found'], r['quotes'])}) "
                     f"| {pct(r['plain'], r['quotes'])} | {pct(r['plain_rejoined'], r['quotes'])} "
                     f"| {r['cpu_per_page']:.3f} | {r['per_page']:.3f} | {'yes' if r['deterministic'] else 'NO'} "
                     f"| {r['load']:.1f} |")
    parts.append("")
    for r in rows:
        if r["missed"]:
            parts += [f"Quotes of {r['profile']} not found ({len(r['missed'])}):", ""]
            parts += [f"- `{t}`: {normalise(q)[:160]}{'…' if len(normalise(q)) > 160 else ''}" for t, q in r["missed"]]
            parts.append("")
    if other:
        parts += layout_results(other)
    parts.append(END)
    return "\n".join(parts)


def write(section: str) -> None:
    text = REPORT.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    REPORT.write_text(head + section + rest.split(END, 1)[1], encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("profiles", nargs="*", default=DEFAULT)
    ap.add_argument("--write", action="store_true", help=f"update {REPORT.relative_to(ROOT)}")
    ap.add_argument("--keep", metavar="DIR", help="keep the PDFs and converted texts in DIR")
    ap.add_argument("--layouts", action="store_true", help="also measure the texts in other print layouts")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        rows = [measure(pid, workdir) for pid in args.profiles]
        other = [(name, measure(pid, workdir, layout, f"-{i}")) for i, (name, layout) in enumerate(LAYOUTS.items())
                 for pid in args.profiles] if args.layouts else None
    section = results(rows, other)
    print(section)
    if args.write:
        write(section)
        print(f"\nwrote {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
