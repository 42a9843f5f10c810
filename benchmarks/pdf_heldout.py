"""PDF conversion on held-out PDFs: fictional profiles printed by engines other than WeasyPrint (reportlab,
LibreOffice) by people who had not seen the converter. For every PDF of every held-out folder: the quotes of
its answer key found verbatim in the converted text, the footnotes called against those found (and the
converter's warnings), the Key sources entries and addresses against the key, CPU seconds a page.

Usage: .venv/bin/python benchmarks/pdf_heldout.py [FOLDER ...]   (default: every folder of benchmarks/heldout)
"""
from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks")); sys.path.insert(0, str(ROOT / "tests")); sys.path.insert(0, str(ROOT / "src"))
import pdf_conversion as B  # noqa: E402
from helpers.draft.layout import source_blocks  # noqa: E402
from helpers.draft.pdf import convert_pdf  # noqa: E402
from helpers.draft.sources import key_source_entries  # noqa: E402


def key_sources(folder: Path, text: str) -> tuple[int, int, int, int]:
    """(entries drafted, entries in the key, key addresses found, key addresses)."""
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as f:
        key = list(csv.DictReader(f))
    entries = key_source_entries(source_blocks(text))
    found = {e.address for e in entries}
    addresses = [r["address"] for r in key if r.get("address")]
    return len(entries), len(key), sum(a in found for a in addresses), len(addresses)


def main(folders: list[Path]) -> None:
    print("| profile | PDF | pages | quotes found | footnotes found / called | warnings | Key sources entries (key) | "
          "addresses found | CPU s a page |")
    print("|---|---|---:|---:|---:|---|---:|---:|---:|")
    for folder in folders:
        quotes = B.evidence_quotes(folder)
        for pdf in sorted(folder.glob("*.pdf")):
            t0 = time.process_time()
            conv = convert_pdf(pdf)
            cpu = time.process_time() - t0
            n, _missing = B.share(quotes, conv.text)
            layout = conv.record["layout"]
            notes = sum(1 for p in conv.paragraphs if p[:1] in "⁰¹²³⁴⁵⁶⁷⁸⁹")
            got, keyn, addr, addrn = key_sources(folder, conv.text)
            warn = "; ".join(w.split(":")[0] for w in conv.record["warnings"]) or "none"
            print(f"| {folder.name} | {pdf.name} | {conv.record['pages']} | {n}/{len(quotes)} ({100 * n / len(quotes):.1f} %) "
                  f"| {notes} / {layout['footnote_calls']} | {warn} | {got} ({keyn}) | {addr}/{addrn} "
                  f"| {cpu / conv.record['pages']:.3f} |")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    main(args or sorted(p for p in (ROOT / "benchmarks" / "heldout").iterdir() if p.is_dir() and any(p.glob("*.pdf"))))
