"""convert_pdf: a print PDF of a profile into its text, one paragraph per line, and a record of how it was made."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from . import checks, columns, furniture, notes, paragraphs, rows
from .errors import PdfError
from .reading import LIBRARY, check_signature, check_text_layer, read_pages

CONVERTER = "helpers.draft.pdf"
CONVERTER_VERSION = "2"  # raise when a change to the rules changes the text some PDF gives


@dataclass(frozen=True)
class Options:
    emphasis: bool = True  # italic runs as *Markdown emphasis*, as in the profiles' source texts
    drop_running_lines: bool = True  # running headers, footers and page numbers


@dataclass
class Conversion:
    text: str  # paragraphs separated by a blank line, ending in a newline
    record: dict = field(default_factory=dict)  # how it was made: library, version, options, pages, sha256

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]


def parameters() -> dict:
    """The thresholds the rules use, recorded with every conversion."""
    return {
        "baseline_tolerance": rows.BASELINE_TOLERANCE, "superscript_max_ratio": rows.SUPER_MAX_RATIO,
        "superscript_max_rise": rows.SUPER_MAX_RISE, "superscript_embed_gap": rows.EMBED_GAP, "word_gap": rows.WORD_GAP,
        "furniture_zone": furniture.ZONE, "furniture_fragment_gap": furniture.FRAGMENT_GAP,
        "gutter_min_width": columns.GUTTER_MIN_WIDTH, "gutter_max_crossing": columns.GUTTER_MAX_CROSSING,
        "gutter_min_side": columns.GUTTER_MIN_SIDE, "gutter_min_starts": columns.GUTTER_MIN_STARTS, "heading_min_ratio": notes.HEADING_MIN_RATIO,
        "note_max_ratio": notes.NOTE_MAX_RATIO, "paragraph_gap": paragraphs.PARAGRAPH_GAP,
        "full_line": paragraphs.FULL_LINE, "justified_share": paragraphs.JUSTIFIED_SHARE,
        "natural_slack": paragraphs.NATURAL_SLACK,
    }


def library_version() -> str:
    try:
        return version(LIBRARY)
    except PackageNotFoundError:  # pragma: no cover - installed without metadata
        import pdfminer

        return getattr(pdfminer, "__version__", "unknown")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PdfError(path, "no such file") from None
    except IsADirectoryError:
        raise PdfError(path, "is a folder, not a PDF file") from None
    except OSError as exc:
        raise PdfError(path, f"cannot be read ({exc.strerror or exc})") from None


def convert_pdf(path: str | Path, options: Options = Options()) -> Conversion:
    """The text of a print PDF as a person reads it; PdfError (one line) when the file cannot be converted."""
    path = Path(path)
    data = _read(path)
    check_signature(path, data)
    pages = read_pages(path, data)
    check_text_layer(path, pages)

    page_rows = [rows.build_rows(p.glyphs) for p in pages]
    removed: list[str] = []
    if options.drop_running_lines:
        page_rows, removed = furniture.drop_furniture(page_rows, [p.height for p in pages])
    size = columns.body_size(page_rows)
    width = Counter(round(p.width) for p in pages).most_common(1)[0][0]
    same_width = [r for p, rs in zip(pages, page_rows) if round(p.width) == width for r in rs]
    document_gutters = columns.find_gutters(same_width, size, width)

    body_rows = [r for rs in page_rows for r in rs if abs(r.size - size) < 0.3]
    body_bold = sum(r.bold for r in body_rows) / len(body_rows) if body_rows else 0.0

    def heading_like(row: rows.Row) -> bool:
        return notes.is_heading(row.size, row.bold, size, body_bold)

    lines_by_page: list[list[columns.Line]] = []
    column_counts: Counter = Counter()
    for page, rs in zip(pages, page_rows):
        gutters = columns.page_gutters(rs, size, page.width, document_gutters if round(page.width) == width else [])
        if rs:
            column_counts[str(len(gutters) + 1)] += 1
        lines_by_page.append(columns.reading_order(rs, gutters, page.number, options.emphasis, heading_like))
    every_line = [ln for lines in lines_by_page for ln in lines]
    kinds = notes.classify(every_line, size, body_bold)

    body: list[columns.Line] = []
    footnotes: dict[int, list[notes.Footnote]] = {}
    carry = None
    for page, lines in zip(pages, lines_by_page):
        page_body, page_notes = notes.split_notes(lines, kinds, carry)
        body.extend(page_body)
        if page_notes:
            footnotes[page.number] = page_notes
            carry = page_notes[-1]
    for fs in footnotes.values():  # footnote lines join as running text does
        for f in fs:
            for ln in f.lines:
                kinds[id(ln)] = "body"
    paras = paragraphs.paragraphs(body, footnotes, kinds, options.emphasis)
    text = "\n\n".join(paras) + "\n"
    check = checks.check_footnotes(paras)

    record = {
        "converter": CONVERTER,
        "converter_version": CONVERTER_VERSION,
        "library": LIBRARY,
        "library_version": library_version(),
        "options": asdict(options),
        "parameters": parameters(),
        "pdf_sha256": hashlib.sha256(data).hexdigest(),
        "pdf_bytes": len(data),
        "pages": len(pages),
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "layout": {
            "body_font_size": size,
            "pages_by_columns": dict(sorted(column_counts.items())),
            "running_lines_removed": len(removed),
            "footnotes": sum(len(fs) for fs in footnotes.values()),
            "footnote_calls": check.calls,
            "footnotes_without_call": check.uncalled,
            "calls_without_footnote": check.missing,
            "pages_without_text": [p.number for p in pages if not any(not g.text.isspace() for g in p.glyphs)],
        },
        "warnings": check.warnings,
    }
    return Conversion(text, record)

