"""PDF conversion on a held-out PDF: a fictional profile laid out with another engine (reportlab, by
benchmarks/heldout/XQA-2023/make_pdf.py) by someone who had not seen the converter; quotes of its answer key
found verbatim in the converted text. Usage: .venv/bin/python benchmarks/pdf_heldout.py
"""
import sys, time
from pathlib import Path
sys.path.insert(0, "benchmarks"); sys.path.insert(0, "tests"); sys.path.insert(0, "src")
import pdf_conversion as B
from helpers.draft.pdf import convert_pdf
folder = Path("benchmarks/heldout/XQA-2023")
pdf = folder / "mgi-qastara-second-profile-2023.pdf"
t0 = time.process_time(); conv = convert_pdf(pdf); cpu = time.process_time() - t0
quotes = B.evidence_quotes(folder)
n, missing = B.share(quotes, conv.text)
pn, _ = B.share(quotes, B.plain_extract(pdf))
hn, _ = B.share(quotes, B.rejoin_hyphens(B.plain_extract(pdf)))
print(f"pages {conv.record['pages']}; quotes {len(quotes)}; found {n} ({100*n/len(quotes):.1f}%); plain {pn} ({100*pn/len(quotes):.1f}%); hyphen-rejoin {hn} ({100*hn/len(quotes):.1f}%); cpu/page {cpu/conv.record['pages']:.3f}s")
for m in missing[:12]: print("MISSING", m[0], m[1][:160])
