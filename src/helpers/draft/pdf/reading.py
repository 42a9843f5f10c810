"""Reading a PDF into positioned glyphs with pdfminer.six, and refusing files that are not readable PDFs.

pdfminer.six interprets every page's content stream; its own layout analysis is switched off
(``laparams=None``) because the converter orders the text itself (columns, footnotes, running heads).
What comes out is, per page, the glyphs with their baseline, horizontal extent, font size and style.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PdfError

LIBRARY = "pdfminer.six"

# characters a PDF uses that a reader sees as something plainer
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_SPACES = dict.fromkeys(["\u00a0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
                         "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000", "\t"], " ")
_INVISIBLE = dict.fromkeys(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"], "")
_HYPHENS = {"\u2010": "-", "\u2011": "-"}  # typographic hyphen and non-breaking hyphen: a hyphen as typed
NORMALISE = str.maketrans({**_LIGATURES, **_SPACES, **_INVISIBLE, **_HYPHENS})
SOFT_HYPHEN = "\u00ad"
_CID = re.compile(r"^\(cid:\d+\)$")
_BOLD = re.compile(r"bold|black|heavy|semibold|demibold|extrabold", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique|slanted", re.IGNORECASE)


@dataclass(slots=True)
class Glyph:
    """One character as printed. y grows upwards (PDF space); ``base`` is the baseline."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    bold: bool
    italic: bool
    sup: bool = False  # set by the row builder: a raised, smaller glyph (a footnote call, an ordinal)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    images: int = 0
    unreadable: int = 0  # glyphs without a Unicode mapping: pdfminer's "(cid:N)"


@contextmanager
def _quiet_pdfminer():
    """pdfminer logs warnings about odd but readable files; the converter reports problems itself."""
    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def check_signature(path: Path, data: bytes) -> None:
    """Refuse what is not a PDF, or a PDF cut short, before pdfminer tries to make sense of it."""
    if not data:
        raise PdfError(path, "the file is empty (0 bytes)")
    head = data[:1024]
    if b"%PDF-" not in head:
        sample = head[:40].decode("latin-1").strip()
        sample = "".join(c if c.isprintable() else "." for c in sample)
        looks_html = re.search(rb"<(!doctype|html|head|body)\b", head, re.IGNORECASE)
        hint = ("it is a web page (HTML) saved under a .pdf name; download the PDF file itself"
                if looks_html else "it does not begin with the PDF signature %PDF-")
        raise PdfError(path, f"not a PDF file: {hint} (it begins {sample!r})")
    if b"%%EOF" not in data[-1024:]:
        raise PdfError(path, f"the PDF is truncated or damaged: it stops after {len(data)} bytes without the "
                             "end-of-file marker %%EOF; download it again")


def _font_style(fontname: str) -> tuple[bool, bool]:
    name = fontname.split("+", 1)[-1]  # drop the subset tag: ABCDEF+DejaVuSans-Bold
    return bool(_BOLD.search(name)), bool(_ITALIC.search(name))


def _page_glyphs(layout, page: Page) -> None:
    from pdfminer.layout import LTChar, LTImage

    styles: dict[str, tuple[bool, bool]] = {}
    found: list[tuple[Glyph, str, float]] = []  # glyph, font, bottom of its box
    stack = [layout]
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            a, b, c, d, _e, f = obj.matrix
            if not obj.upright or abs(b) > 1e-3 or abs(c) > 1e-3 or obj.size <= 0:
                continue  # rotated text (a vertical label, a watermark) is not part of the reading text
            text = obj.get_text()
            if _CID.match(text):
                page.unreadable += 1
                text = "\ufffd"
            text = text.translate(NORMALISE)
            if not text:
                continue
            if obj.fontname not in styles:
                styles[obj.fontname] = _font_style(obj.fontname)
            bold, italic = styles[obj.fontname]
            found.append((Glyph(text, obj.x0, obj.x1, f, obj.size, bold, italic), obj.fontname, obj.y0))
        elif isinstance(obj, LTImage):
            page.images += 1
        elif hasattr(obj, "__iter__"):
            stack.extend(reversed(list(obj)))
    # The baseline as printed: the matrix gives the text position, but a raised glyph (text rise) only moves
    # its box. Each font's usual box bottom below the baseline (its descent) turns box bottoms into baselines.
    descents: dict[str, Counter] = {}
    for g, font, y0 in found:
        descents.setdefault(font, Counter())[round((g.base - y0) / g.size, 3)] += 1
    usual = {font: counts.most_common(1)[0][0] for font, counts in descents.items()}
    for g, font, y0 in found:
        g.base = y0 + usual[font] * g.size
        page.glyphs.append(g)


def read_pages(path: Path, data: bytes) -> list[Page]:
    """Every page's glyphs; PdfError for encrypted, damaged or unreadable files."""
    import io

    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    pages: list[Page] = []
    with _quiet_pdfminer():
        try:
            doc = PDFDocument(PDFParser(io.BytesIO(data)))
        except PDFPasswordIncorrect:
            raise PdfError(path, "the PDF is encrypted with a password: open it with the password, save an "
                                 "unprotected copy and convert that") from None
        except PDFEncryptionError as exc:
            raise PdfError(path, f"the PDF is encrypted in a way that cannot be read ({exc})") from None
        except Exception as exc:  # pdfminer raises many kinds on a damaged file
            raise PdfError(path, f"the PDF is damaged and cannot be read ({_describe(exc)})") from None
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, device)
        number = 0
        try:
            for number, pdfpage in enumerate(PDFPage.create_pages(doc), start=1):
                interpreter.process_page(pdfpage)
                layout = device.get_result()
                x0, y0, x1, y1 = layout.bbox
                page = Page(number, x1 - x0, y1 - y0)
                _page_glyphs(layout, page)
                if x0 or y0:  # a media box that does not start at the origin
                    for g in page.glyphs:
                        g.x0, g.x1, g.base = g.x0 - x0, g.x1 - x0, g.base - y0
                pages.append(page)
        except PdfError:
            raise
        except Exception as exc:
            where = f"page {number + 1}" if number == len(pages) else f"page {number}"
            raise PdfError(path, f"the PDF is damaged and cannot be read at {where} ({_describe(exc)})") from None
    if not pages:
        raise PdfError(path, "the PDF has no pages")
    return pages


def _describe(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def check_text_layer(path: Path, pages: list[Page]) -> None:
    """Refuse a scan without a text layer, or text whose fonts carry no Unicode mapping."""
    printed = sum(1 for p in pages for g in p.glyphs if not g.text.isspace())
    if printed == 0:
        images = sum(1 for p in pages if p.images)
        what = (f"its {len(pages)} page(s) are images ({images} with a scanned picture)" if images
                else f"its {len(pages)} page(s) carry no text")
        raise PdfError(path, f"it has no text layer: {what}; run OCR first (for example ocrmypdf) and convert "
                             "the OCR'd PDF")
    unreadable = sum(p.unreadable for p in pages)
    if unreadable > 0.2 * printed:
        raise PdfError(path, f"its text cannot be read: {unreadable} of {printed} characters use fonts without "
                             "a Unicode mapping; run OCR first (for example ocrmypdf) and convert the OCR'd PDF")
