"""Print layout of the fictional profile made with reportlab (scratch venv /work/heldout/.venv).

A4; page 1 single-column title page with the fictional-document warning, imprint and a contents list with page
numbers; body pages in two justified, pyphen-hyphenated columns, running head with a rule, centred page number;
footnotes in small type across the foot of the page on which their marker is drawn (the space is reserved by
re-running the layout until the footnote placement is stable); Key Sources with bold organisation headings and
bulleted entries; long web addresses split inside the word.

Run: /work/heldout/.venv/bin/python make_pdf_reportlab.py
"""
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageBreak, PageTemplate,
                                Paragraph, Spacer, KeepTogether)
from reportlab.lib import colors

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import profile_blocks as pb  # noqa: E402

D = pb.load(HERE)
STEM = D["txt"].stem
COUNTRY = D["country_line"].split("|")[0].strip()
EDITION = D["country_line"].split("|")[1].strip()
RUNNING = f"{COUNTRY} | {D['title_line']} {EDITION.split()[-1]}"
OUT = HERE / f"{STEM}-reportlab.pdf"

W, H = A4
LM = RM = 1.8 * cm
TM, BM = 2.0 * cm, 1.8 * cm
GAP = 0.7 * cm
COLW = (W - LM - RM - GAP) / 2
BLUE = colors.HexColor("#0b3d6b")

HY = dict(hyphenationLang="en_GB", embeddedHyphenation=1, uriWasteReduce=0.25)
BODY = ParagraphStyle("body", fontName="Times-Roman", fontSize=9.6, leading=12.1, alignment=TA_JUSTIFY,
                      spaceAfter=4.5, **HY)
FOOT = ParagraphStyle("foot", fontName="Times-Roman", fontSize=7.4, leading=8.8, alignment=TA_JUSTIFY,
                      leftIndent=9, firstLineIndent=-9, spaceAfter=1.5, **HY)
H1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=14, leading=17, textColor=BLUE, spaceBefore=4,
                    spaceAfter=8, alignment=TA_LEFT)
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=11, leading=13.5, textColor=BLUE, spaceBefore=8,
                    spaceAfter=5, alignment=TA_LEFT)
H3 = ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=9.4, leading=11.5, textColor=colors.HexColor("#1f5f99"),
                    spaceBefore=6, spaceAfter=3, alignment=TA_LEFT)
ORG = ParagraphStyle("org", fontName="Helvetica-Bold", fontSize=8.6, leading=10.5, spaceBefore=6, spaceAfter=2)
SRC = ParagraphStyle("src", fontName="Times-Roman", fontSize=8.2, leading=9.8, alignment=TA_LEFT, spaceAfter=2.2,
                     **HY)
SRCB = ParagraphStyle("srcb", parent=SRC, leftIndent=10, bulletIndent=0)
NOTICE = ParagraphStyle("notice", fontName="Helvetica-Bold", fontSize=9, leading=11.5, textColor=colors.HexColor("#b00000"),
                        borderColor=colors.HexColor("#b00000"), borderWidth=1.2, borderPadding=7,
                        backColor=colors.HexColor("#fff2f2"), spaceAfter=26)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=25, leading=29, textColor=BLUE, spaceBefore=40)
SUB = ParagraphStyle("sub", fontName="Helvetica", fontSize=14, leading=18, textColor=colors.HexColor("#1f5f99"),
                     spaceAfter=26)
IMPR = ParagraphStyle("impr", fontName="Times-Roman", fontSize=7.6, leading=9.4, alignment=TA_JUSTIFY, spaceAfter=3)
TOC1 = ParagraphStyle("toc1", fontName="Helvetica-Bold", fontSize=9, leading=12)
TOC2 = ParagraphStyle("toc2", fontName="Helvetica", fontSize=8, leading=10, leftIndent=12)


SMALL = {"of", "and", "the", "to", "in", "a", "that", "on", "for", "with"}


def smart_title(s):
    ws = s.lower().split()
    return " ".join(w if (i and w in SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(ws))


def inline(s, marks=True):
    out = []
    for kind, t in pb.split_inline(s):
        if kind == "text":
            out.append(escape(t))
        elif kind == "italic":
            out.append(f"<i>{escape(t)}</i>")
        elif kind == "url":
            href = t if t.startswith("http") else "https://" + t
            out.append(f'<a href="{escape(href)}" color="#1f5f99">{escape(t)}</a>')
        elif kind == "mark":
            n = pb.sup_to_int(t)
            out.append(f'<super rise="3.2" size="6.3">{n}</super>' if marks else escape(t))
    return "".join(out)


class FnPara(Paragraph):
    """A paragraph that records, when drawn, the footnotes whose markers it holds."""

    def __init__(self, text, style, notes=None, registry=None, **kw):
        super().__init__(text, style, **kw)
        self._notes, self._registry = list(notes or []), registry

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for p in parts:  # give each part the markers of its own lines
            p._registry = self._registry
            p._notes = [n for n in self._notes if _part_has(p, n)]
        if parts:  # a marker not found in any part goes with the last part (markers close paragraphs)
            seen = {n for p in parts for n in p._notes}
            parts[-1]._notes += [n for n in self._notes if n not in seen]
        return parts

    def draw(self):
        page = self.canv.getPageNumber()
        for n in self._notes:
            if n not in self._registry["placed"]:
                self._registry["placed"][n] = page
                self._registry["by_page"].setdefault(page, []).append(n)
        super().draw()


def _part_has(p, n):
    s = str(n)
    for f in getattr(p, "frags", []) or []:
        if getattr(f, "rise", 0) and getattr(f, "text", "") == s:
            return True
    bl = getattr(p, "blPara", None)
    if bl is not None:
        for line in getattr(bl, "lines", []):
            words = line[1] if isinstance(line, tuple) else getattr(line, "words", [])
            for w in words:
                for f in (w if isinstance(w, list) else [w]):
                    if getattr(f, "rise", 0) and getattr(f, "text", "") == s:
                        return True
    return False


def fn_height(nums):
    if not nums:
        return 0
    h = 10
    for n in nums:
        p = Paragraph(f"{n}&nbsp;&nbsp;{inline(D['footnotes'][n], marks=False)}", FOOT)
        h += p.wrap(W - LM - RM, H)[1] + FOOT.spaceAfter
    return h


class Doc(BaseDocTemplate):
    def __init__(self, path, reserve, registry, toc_pages):
        super().__init__(str(path), pagesize=A4, leftMargin=LM, rightMargin=RM, topMargin=TM, bottomMargin=BM,
                         title=f"{D['title_line']} – {COUNTRY} (FICTIONAL TEST DOCUMENT)",
                         author="mgi-profiles held-out tests (fictional)", creator="make_pdf_reportlab.py")
        self.reserve, self.registry, self.toc_pages = reserve, registry, toc_pages
        cover = PageTemplate("cover", [Frame(LM, BM, W - LM - RM, H - TM - BM, id="c")], onPage=self.cover_page)
        body = PageTemplate("body", self.body_frames(0), onPage=self.body_page, onPageEnd=self.page_end)
        self.addPageTemplates([cover, body])

    def body_frames(self, res):
        y0 = BM + res
        h = H - TM - BM - res - 0.5 * cm
        return [Frame(LM, y0, COLW, h, id="L", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
                Frame(LM + COLW + GAP, y0, COLW, h, id="R", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)]

    def cover_page(self, canv, doc):
        canv.saveState()
        canv.setFillColor(BLUE)
        canv.rect(0, H - 1.1 * cm, W, 1.1 * cm, stroke=0, fill=1)
        canv.restoreState()

    def body_page(self, canv, doc):
        res = self.reserve.get(doc.page, 0)
        self.pageTemplate.frames = self.body_frames(res)
        canv.saveState()
        canv.setFont("Helvetica", 7.4)
        canv.setFillColor(BLUE)
        canv.drawRightString(W - RM, H - 1.25 * cm, RUNNING)
        canv.setStrokeColor(BLUE)
        canv.setLineWidth(0.6)
        canv.line(LM, H - 1.4 * cm, W - RM, H - 1.4 * cm)
        canv.setFillColor(colors.black)
        canv.setFont("Helvetica", 8)
        canv.drawCentredString(W / 2, 1.0 * cm, str(doc.page))
        canv.restoreState()

    def page_end(self, canv, doc):
        nums = self.registry["by_page"].get(doc.page, [])
        if not nums:
            return
        y = BM + fn_height(nums) - 4
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.line(LM, y, LM + 4.5 * cm, y)
        y -= 5
        for n in nums:
            p = Paragraph(f"{n}&nbsp;&nbsp;{inline(D['footnotes'][n], marks=False)}", FOOT)
            w, h = p.wrap(W - LM - RM, H)
            p.drawOn(canv, LM, y - h)
            y -= h + FOOT.spaceAfter
        canv.restoreState()

    def afterFlowable(self, f):
        t = getattr(f, "_toc", None)
        if t:
            self.toc_pages[t] = self.page


def story(registry, toc_prev):
    s = [Paragraph(escape(D["notice"]), NOTICE), Paragraph(escape(D["title_line"]), TITLE),
         Paragraph(f"{escape(COUNTRY.title().replace(' Of ', ' of '))} – {escape(EDITION.title())}", SUB)]
    s.append(Paragraph("TABLE OF CONTENTS", H2))
    for b in D["blocks"]:
        if b[0] in ("h1", "h2"):
            pg = toc_prev.get(b[1], "")
            st = TOC1 if b[0] == "h1" else TOC2
            s.append(Paragraph(f"{escape(smart_title(b[1]) if b[0] == 'h2' else b[1])} <font color='#777777'>//</font> {pg}", st))
    s.append(Spacer(1, 16))
    for ln in D["imprint"]:
        s.append(Paragraph(inline(ln), IMPR))
    s += [NextPageTemplate("body"), PageBreak()]
    first = True
    for b in D["blocks"]:
        k = b[0]
        if k == "fn":
            continue
        if k == "h1":
            if not first and b[1].startswith(("SUMMARY", "MAIN", "KEY FINDINGS", "COVID", "KEY SOURCES")):
                s.append(PageBreak())
            first = False
            p = Paragraph(escape(b[1]), H1)
            p._toc = b[1]
            s.append(p)
        elif k == "h2":
            p = Paragraph(escape(b[1]), H2)
            p._toc = b[1]
            s.append(p)
        elif k == "h3":
            s.append(Paragraph(inline(b[1]), H3))
        elif k == "p":
            notes = [pb.sup_to_int(m) for m in pb.MARK_RE.findall(b[1]) if pb.sup_to_int(m) in D["footnotes"]]
            s.append(FnPara(inline(b[1]), BODY, notes, registry))
        elif k == "src_org":
            s.append(Paragraph(escape(b[1]), ORG))
        elif k == "src_item":
            if b[2]:
                s.append(Paragraph(inline(b[1]), SRCB, bulletText="•"))
            else:
                s.append(Paragraph(inline(b[1]), SRC))
    return s


def main():
    reserve, toc_pages = {}, {}
    for it in range(8):
        registry = {"placed": {}, "by_page": {}}
        new_toc = {}
        doc = Doc(OUT, reserve, registry, new_toc)
        doc.build(story(registry, toc_pages))
        need = {p: fn_height(ns) + 6 for p, ns in registry["by_page"].items()}
        stable = all(reserve.get(p, 0) >= need[p] for p in need) and new_toc == toc_pages
        # grow reservations monotonically so the loop settles
        for p, h in need.items():
            reserve[p] = max(reserve.get(p, 0), h)
        toc_pages = new_toc
        if stable:
            break
    missing = sorted(set(D["footnotes"]) - set(registry["placed"]))
    print("wrote", OUT, f"iterations={it + 1}", "footnotes by page:", registry["by_page"], "unplaced:", missing)


if __name__ == "__main__":
    main()
