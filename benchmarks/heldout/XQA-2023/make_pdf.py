"""Print the fictional XQA-2023 profile text as an A4 PDF in its own layout (reportlab, not WeasyPrint).

Layout: a single-column title page, then two justified, hyphenated columns with a running header and
a page-numbered footer; headings in bold larger type; footnotes at the foot of the page on which their
marker is printed (placed by re-running the layout until every page reserves the room its footnotes need).

Run:  /work/heldout/.venv/bin/python make_pdf.py   (needs reportlab and pyphen)
"""
from __future__ import annotations

import pathlib
import re
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Frame, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, Spacer)
from reportlab.lib.fonts import addMapping

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE / "mgi-qastara-second-profile-2023.txt"
OUTPUT = HERE / "mgi-qastara-second-profile-2023.pdf"
HEADER = "KINGDOM OF QASTARA | MIGRATION GOVERNANCE INDICATORS 2023"

FONTS = pathlib.Path("/usr/share/fonts/truetype/liberation")
for name, file in [("Serif", "LiberationSerif-Regular"), ("Serif-Bold", "LiberationSerif-Bold"),
                   ("Serif-Italic", "LiberationSerif-Italic"), ("Serif-BoldItalic", "LiberationSerif-BoldItalic"),
                   ("Sans", "LiberationSans-Regular"), ("Sans-Bold", "LiberationSans-Bold"),
                   ("Sans-Italic", "LiberationSans-Italic"), ("Sans-BoldItalic", "LiberationSans-BoldItalic")]:
    pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{file}.ttf")))
for fam in ("Serif", "Sans"):
    addMapping(fam, 0, 0, fam)
    addMapping(fam, 1, 0, f"{fam}-Bold")
    addMapping(fam, 0, 1, f"{fam}-Italic")
    addMapping(fam, 1, 1, f"{fam}-BoldItalic")

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 22 * mm, 20 * mm
GUTTER = 7 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X
COL_W = (TEXT_W - GUTTER) / 2
BODY_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
BLUE = colors.HexColor("#0b3a6e")

HYPH = dict(hyphenationLang="en_GB", embeddedHyphenation=1, uriWasteReduce=0.3, hyphenationMinWordLength=7)
BODY = ParagraphStyle("body", fontName="Serif", fontSize=9.6, leading=12.4, alignment=TA_JUSTIFY,
                      spaceAfter=5.5, **HYPH)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=11, firstLineIndent=-11, spaceAfter=3)
SOURCE_ENTRY = ParagraphStyle("source", parent=BODY, fontSize=8.4, leading=10.6, alignment=TA_LEFT,
                              leftIndent=10, firstLineIndent=-10, spaceAfter=3.2, splitLongWords=1,
                              hyphenationLang="", embeddedHyphenation=0, uriWasteReduce=0)  # long URLs wrap anywhere
H1 = ParagraphStyle("h1", fontName="Sans-Bold", fontSize=15, leading=18, textColor=BLUE, spaceBefore=4,
                    spaceAfter=9, keepWithNext=1)
H2 = ParagraphStyle("h2", fontName="Sans-Bold", fontSize=12.5, leading=15, textColor=BLUE, spaceBefore=8,
                    spaceAfter=6, keepWithNext=1)
H3 = ParagraphStyle("h3", fontName="Sans-Bold", fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=4,
                    keepWithNext=1)
H4 = ParagraphStyle("h4", fontName="Sans-Bold", fontSize=9, leading=11, spaceBefore=5, spaceAfter=2.5,
                    keepWithNext=1, textColor=BLUE)
FOOT = ParagraphStyle("foot", fontName="Serif", fontSize=7.4, leading=9, alignment=TA_JUSTIFY,
                      leftIndent=7, firstLineIndent=-7, **HYPH)
TITLE_SMALL = ParagraphStyle("ts", fontName="Sans", fontSize=8, leading=10.5, alignment=TA_JUSTIFY, spaceAfter=5)
TITLE_WARN = ParagraphStyle("tw", parent=TITLE_SMALL, fontName="Sans-Bold", textColor=colors.HexColor("#8a1c1c"),
                            borderColor=colors.HexColor("#8a1c1c"), borderWidth=0.8, borderPadding=5, spaceAfter=14)
TITLE_BIG = ParagraphStyle("tb", fontName="Sans-Bold", fontSize=24, leading=29, textColor=BLUE, alignment=TA_LEFT,
                           spaceBefore=30, spaceAfter=6)
TITLE_SUB = ParagraphStyle("tsub", fontName="Sans", fontSize=14, leading=18, textColor=BLUE, spaceAfter=26)
CONTENTS_H = ParagraphStyle("ch", fontName="Sans-Bold", fontSize=11, leading=14, spaceAfter=6, textColor=BLUE)
CONTENTS = ParagraphStyle("c", fontName="Sans", fontSize=9.5, leading=14)

SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
SUP_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
NEW_PAGE = {"UPDATES SINCE THE 2020 ASSESSMENT", "MAIN FINDINGS", "MIGRATION GOVERNANCE AND THE COVID-19 PANDEMIC",
            "KEY SOURCES", "ANNEX: MiGOF"}
H1_SET = NEW_PAGE | {"OBJECTIVE", "INTRODUCTION", "CONCEPTUAL FRAMEWORK"}


def inline(text: str, *, register: bool = True) -> str:
    """Markdown-ish inline markup of the source text to reportlab paragraph markup."""
    out = escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"\*(.+?)\*", r"<i>\1</i>", out)

    def sup(m: re.Match) -> str:
        n = m.group(0).translate(SUP)
        hook = f'<onDraw name="fnmark" label="{n}"/>' if register else ""
        return f"{hook}<super>{n}</super>"
    return SUP_RUN.sub(sup, out)


def parse(text: str):
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    title, body, footnotes = [], [], {}
    first_body = paras.index("OBJECTIVE")
    title = paras[:first_body]
    in_sources = False
    for p in paras[first_body:]:
        m = re.match("^([⁰¹²³⁴⁵⁶⁷⁸⁹]+) (.*)$", p, re.S)
        if m:
            footnotes[m.group(1).translate(SUP)] = m.group(2)
            continue
        if p == "KEY SOURCES":
            in_sources = True
        elif p == "ANNEX: MiGOF":
            in_sources = False
        body.append((p, in_sources))
    return title, body, footnotes


def body_flowables(body):
    story = []
    for p, in_sources in body:
        lines = p.split("\n")
        if lines[0].startswith("- "):
            style = SOURCE_ENTRY if in_sources else ITEM
            for ln in lines:
                txt = inline(ln[2:])
                if in_sources:
                    txt = re.sub(r"^(\d{4}[a-z]?|n\.d\.) ", r"<b>\1</b> ", txt)
                    story.append(Paragraph(txt, style, bulletText="•"))
                else:
                    story.append(Paragraph(txt, style))
            continue
        if p in H1_SET:
            if p in NEW_PAGE:
                story.append(PageBreak())
            story.append(Paragraph(escape(p), H1))
        elif p in {"PRINCIPLES", "OBJECTIVES", "MGI", "MiGOF"}:
            story.append(Paragraph(escape(p), H3))
        elif re.match(r"^\d\. ", p):
            story.append(CondPageBreak(60 * mm))
            story.append(Paragraph(escape(p), H2))
        elif re.match(r"^\d\.\d ", p):
            story.append(Paragraph(escape(p), H3))
        elif not p.endswith(".") and len(p) < 90:
            story.append(Paragraph(escape(p), H4))
        elif in_sources:
            txt = re.sub(r"^(\d{4}[a-z]?|n\.d\.) ", r"<b>\1</b> ", inline(p))
            story.append(Paragraph(txt, SOURCE_ENTRY))
        else:
            story.append(Paragraph(inline(p), BODY))
    return story


def title_flowables(title):
    story = []
    for p in title:
        if p.startswith("FICTIONAL TEST DOCUMENT"):
            story.append(Paragraph(inline(p), TITLE_WARN))
        elif "|" in p:
            story.append(Paragraph(escape(p), TITLE_BIG))
        elif p == "MIGRATION GOVERNANCE INDICATORS":
            story.append(Paragraph(escape(p), TITLE_SUB))
        elif p == "CONTENTS":
            story.append(Paragraph(escape(p), CONTENTS_H))
        elif "//" in p:
            story.append(Paragraph(escape(p), CONTENTS))
        else:
            story.append(Paragraph(inline(p, register=False), TITLE_SMALL))
    return story


class ProfileDoc(BaseDocTemplate):
    def __init__(self, filename, footnotes, reserve):
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                         title="FICTIONAL – Migration Governance Indicators – Kingdom of Qastara Second Profile 2023",
                         author="mgi-profiles test suite (fictional)", subject="Fictional test document")
        self.footnotes, self.reserve = footnotes, reserve
        self.marks: dict[int, list[str]] = {}
        title = Frame(MARGIN_X, MARGIN_BOTTOM, TEXT_W, BODY_H, id="title")
        self.addPageTemplates([PageTemplate("title", [title]),
                               PageTemplate("body", self._columns(0), onPage=self._decorate)])

    def _columns(self, reserved):
        y = MARGIN_BOTTOM + reserved
        h = BODY_H - reserved
        return [Frame(MARGIN_X, y, COL_W, h, id="left", leftPadding=0, rightPadding=0),
                Frame(MARGIN_X + COL_W + GUTTER, y, COL_W, h, id="right", leftPadding=0, rightPadding=0)]

    def beforeDocument(self):
        self.canv.setNamedCB("fnmark", self.fnmark)

    # reportlab calls this from handle_pageBegin, before the first frame of the page is chosen
    def beforePage(self):
        if self.pageTemplate.id == "body":
            self.pageTemplate.frames = self._columns(self.reserve.get(self.page, 0))

    def fnmark(self, canv, kind, label):
        page = canv.getPageNumber()
        if label in self.footnotes and not any(label in v for v in self.marks.values()):
            self.marks.setdefault(page, []).append(label)

    def afterPage(self):
        labels = self.marks.get(self.page, [])
        if not labels:
            return
        canv = self.canv
        paras = [Paragraph(f"<super>{n}</super> {inline(self.footnotes[n], register=False)}", FOOT) for n in labels]
        heights = [p.wrap(TEXT_W, BODY_H)[1] for p in paras]
        y = MARGIN_BOTTOM + sum(heights) + 2 * (len(paras) - 1)
        canv.saveState()
        canv.setStrokeColor(colors.grey)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y + 5, MARGIN_X + 45 * mm, y + 5)
        canv.restoreState()
        for p, h in zip(paras, heights):
            y -= h
            p.drawOn(canv, MARGIN_X, y)
            y -= 2

    def needed(self):
        out = {}
        for page, labels in self.marks.items():
            paras = [Paragraph(f"<super>{n}</super> {inline(self.footnotes[n], register=False)}", FOOT) for n in labels]
            out[page] = sum(p.wrap(TEXT_W, BODY_H)[1] for p in paras) + 2 * (len(paras) - 1) + 14
        return out

    @staticmethod
    def _decorate(canv, doc):
        canv.saveState()
        canv.setFont("Sans-Bold", 7.5)
        canv.setFillColor(BLUE)
        canv.drawString(MARGIN_X, PAGE_H - 13 * mm, HEADER)
        canv.setStrokeColor(BLUE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, PAGE_H - 14.8 * mm, PAGE_W - MARGIN_X, PAGE_H - 14.8 * mm)
        canv.setFont("Sans", 8)
        canv.setFillColor(colors.black)
        canv.drawCentredString(PAGE_W / 2, 10 * mm, str(doc.page))
        canv.restoreState()


def build() -> int:
    title, body, footnotes = parse(SOURCE.read_text(encoding="utf-8"))
    reserve: dict[int, float] = {}
    for attempt in range(12):
        doc = ProfileDoc(str(OUTPUT), footnotes, reserve)
        story = title_flowables(title) + [NextPageTemplate("body"), PageBreak()] + body_flowables(body)
        doc.build(story)
        need = doc.needed()
        fits = all(need[p] <= reserve.get(p, 0) + 0.01 for p in need)
        if fits:
            missing = sorted(set(footnotes) - {n for v in doc.marks.values() for n in v}, key=int)
            assert not missing, f"footnotes without a printed marker: {missing}"
            print(f"{OUTPUT.name}: {doc.page} pages, footnotes on pages "
                  f"{ {p: v for p, v in sorted(doc.marks.items())} } (layout pass {attempt + 1})")
            return doc.page
        # first passes: reserve exactly what was needed; later: never shrink, so the layout settles
        reserve = need if attempt < 4 else {p: max(need.get(p, 0), reserve.get(p, 0)) for p in set(need) | set(reserve)}
    raise SystemExit("footnote layout did not settle")


if __name__ == "__main__":
    build()
