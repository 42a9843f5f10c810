"""PDF files for the tests of helpers.draft.pdf, made once per test session (a few seconds) in a temporary folder.

- the fictional profiles' source texts (tests/profiles/XEX-*) laid out for print by WeasyPrint
  (tests/printed_profile.py);
- a fictional text written to put hard cases at line, column and page ends: real hyphens ("Pre-Registration",
  "self-employment", "2017–2025"), long addresses, a long paragraph with footnote calls, ligatures and odd spaces;
- broken files: an HTML page saved as .pdf, a truncated PDF, a damaged one, an encrypted one, a scan without
  a text layer.

`layout_lines` reads a PDF back with pdfminer.six's own layout analysis, independently of the converter, so that
the tests can check that a fixture really has what a test relies on (a paragraph across a page break, a word
hyphenated at a line end) instead of assuming it.
"""

from __future__ import annotations

import atexit
import io
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from printed_profile import SUPERSCRIPT, TO_ASCII, Layout, build_pdf, paragraphs

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "tests" / "profiles"


@lru_cache(maxsize=1)
def workdir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="mgi-pdf-tests-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def source_text(profile_id: str) -> str:
    folder = PROFILES / profile_id
    meta = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["mgi"]
    return (folder / meta["source_file"]).read_text(encoding="utf-8")


def running_title(profile_id: str) -> str:
    return f"MIGRATION GOVERNANCE INDICATORS | REPUBLIC OF EXAMPLIA | {profile_id}"


@lru_cache(maxsize=None)
def profile_pdf(profile_id: str) -> Path:
    return build_pdf(source_text(profile_id), workdir() / f"{profile_id}.pdf", running_title=running_title(profile_id))


# --- a text of hard cases -------------------------------------------------------------------------------

HARD_TITLE = "MIGRATION GOVERNANCE INDICATORS | EXAMPLIA | HARD CASES"
URL = "https://www.example.org/examplia/reports/regularization-and-documentation-statistics/annual-summary.pdf"
_SENTENCES = [
    "In {y}, the {f} National Migration Office registered {n} applications through the MIGRACIONES "
    "Pre-Registration portal.",
    "Programmes for {f} self-employment reached {n} migrants under the National Migration Strategy (2017–2025).",
    "Documentation and regularization procedures were {f} simplified for {n} foreign residents in {y}.",
    "The figures for {y} are {f} available at " + URL + " for reference.",
    "Consular assistance to {f} nationals abroad was extended to {n} persons in {y}.",
]
_FILLER = "new fictional regional municipal coastal northern provincial revised".split()


def _sentences(count: int, start: int) -> str:
    """Sentences whose words fall at ever other places of the lines (the fillers vary in length)."""
    out = []
    for i in range(start, start + count):
        filler = " ".join(_FILLER[: (i * 5) % len(_FILLER)])
        text = _SENTENCES[i % len(_SENTENCES)].format(n=1000 + 37 * i, y=2015 + i % 8, f=filler)
        out.append(" ".join(text.split()))
    return " ".join(out)


def hard_text() -> str:
    """The fictional text: one paragraph per line, a blank line between paragraphs, footnotes as in profiles."""
    long = _sentences(40, 0)
    half = len(long) // 2
    cut = long.index(". ", half) + 1
    pars = [
        "FICTIONAL TEST DOCUMENT – NOT A REAL PUBLICATION. Everything here is invented for the tests of mgi-profiles.",
        "REPUBLIC OF EXAMPLIA | HARD CASES 2024",
        "HYPHENS, ADDRESSES AND FOOTNOTES",
        _sentences(12, 1),
        "Long paragraph",
        long[:cut] + "¹" + long[cut:] + "²",
        "¹ The fictional portal opened in 2016; see " + URL + ".",
        "² Ibid.",
        "Ligatures and spaces",
        "Financial \ufb02ows of 10\u00a0000 migrants were \ufb01led with a 5\u2009per cent fee.",
        _sentences(30, 3),
        "END OF THE FICTIONAL TEST DOCUMENT.",
    ]
    return "\n\n".join(pars) + "\n"


def hard_paragraphs() -> list[str]:
    """What the converter should give back for hard_text(): its paragraphs with the odd characters plain."""
    plain = str.maketrans({"\ufb02": "fl", "\ufb01": "fi", "\u00a0": " ", "\u2009": " "})
    return [p.translate(plain) for p in paragraphs(hard_text())]


@lru_cache(maxsize=None)
def hard_pdf(hyphens: str = "auto") -> Path:
    """hyphens="auto": words hyphenated at line ends; "manual": lines break only at spaces and real hyphens."""
    return build_pdf(hard_text(), workdir() / f"hard-cases-{hyphens}.pdf", running_title=HARD_TITLE,
                     layout=Layout(hyphens=hyphens))


# --- what is printed where, read independently of the converter -----------------------------------------

@dataclass(frozen=True)
class PrintedLine:
    page: int
    box: int  # pdfminer's text box: lines of one box follow each other
    x0: float
    text: str


@lru_cache(maxsize=None)
def layout_lines(pdf: Path) -> tuple[PrintedLine, ...]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextBox, LTTextLine

    out = []
    for number, page in enumerate(extract_pages(str(pdf)), start=1):
        for b, box in enumerate(obj for obj in page if isinstance(obj, LTTextBox)):
            for line in box:
                text = " ".join(line.get_text().split()) if isinstance(line, LTTextLine) else ""
                if text:
                    out.append(PrintedLine(number, b, line.x0, text))
    return tuple(out)


def plain(text: str) -> str:
    return " ".join(text.translate(TO_ASCII).split())


def where(pdf: Path, par: str) -> tuple[tuple[int, bool], tuple[int, bool]] | None:
    """(page, in the left half) of a paragraph's first and of its last printed line, or None if not found."""
    target = plain(par)
    lines = layout_lines(pdf)
    starts = [ln for ln in lines if len(ln.text) > 12 and target.startswith(ln.text.rstrip("-"))]
    ends = [ln for ln in lines if len(ln.text) > 12 and target.endswith(ln.text)]
    for prev, ln in zip(lines, lines[1:]):  # a short last line: with the line before it
        two = (prev.text[:-1] if prev.text.endswith("-") else prev.text + " ") + ln.text
        if len(ln.text) <= 12 and (prev.page, prev.box) == (ln.page, ln.box) and target.endswith(two):
            ends.append(ln)
    if not starts or not ends:
        return None
    half = 595 / 2
    return (starts[0].page, starts[0].x0 < half), (ends[0].page, ends[0].x0 < half)


def broken_words(pdf: Path) -> list[tuple[str, str]]:
    """(line end, next line start) wherever a printed line ends in a letter and a hyphen."""
    lines = layout_lines(pdf)
    found = []
    for a, b in zip(lines, lines[1:]):
        if (a.page, a.box) != (b.page, b.box):
            continue
        m, n = re.search(r"(\S+)-$", a.text), re.match(r"(\S+)", b.text)
        if m and n and m.group(1)[-1:].isalpha():
            found.append((m.group(1), n.group(1)))
    return found


# --- broken inputs ---------------------------------------------------------------------------------------

def html_saved_as_pdf(folder: Path) -> Path:
    path = folder / "error-page.pdf"
    path.write_text("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
                    "<body><h1>Not Found</h1></body></html>\n", encoding="utf-8")
    return path


def truncated_pdf(folder: Path) -> Path:
    data = profile_pdf("XEX-2022").read_bytes()
    path = folder / "truncated.pdf"
    path.write_bytes(data[: len(data) * 3 // 5])
    return path


def damaged_pdf(folder: Path) -> Path:
    """Signature and end marker intact, the objects between them overwritten."""
    data = bytearray(profile_pdf("XEX-2022").read_bytes())
    body = slice(200, len(data) - 200)
    data[body] = bytes((i * 7919) % 251 for i in range(len(data[body])))
    path = folder / "damaged.pdf"
    path.write_bytes(bytes(data))
    return path


def encrypted_pdf(folder: Path, user_password: str = "secret") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(profile_pdf("XEX-2022"))))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    path = folder / ("encrypted.pdf" if user_password else "owner-locked.pdf")
    with path.open("wb") as f:
        writer.write(f)
    return path


def scanned_pdf(folder: Path) -> Path:
    """Two pages that are pictures of text, without a text layer (what a scanner makes)."""
    from PIL import Image, ImageDraw

    pages = []
    for n in range(2):
        img = Image.new("RGB", (620, 877), "white")
        draw = ImageDraw.Draw(img)
        for i in range(30):
            draw.text((40, 40 + 26 * i), f"Scanned line {i + 1} of page {n + 1} of a fictional profile", fill="black")
        pages.append(img)
    path = folder / "scanned.pdf"
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=72)
    path.write_bytes(buffer.getvalue())
    return path


__all__ = ["SUPERSCRIPT", "hard_paragraphs", "hard_pdf", "profile_pdf", "source_text", "where"]
