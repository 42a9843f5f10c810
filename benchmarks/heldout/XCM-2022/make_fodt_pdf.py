"""Generate a Flat ODT (.fodt) print edition of a fictional MGI profile text and convert it with LibreOffice.

Usage: python3 make_pdf.py   (the per-profile copy sets CONFIG at the bottom)
A4, title page, table of contents (page numbers found by a first conversion), two-column body in a
text:section, real footnotes (text:note, at the page foot), Key Sources as bulleted lists under organisation
headings, running header and page numbers. Only the Python standard library, LibreOffice and pdftotext.
"""
import os, re, subprocess, sys, shutil, tempfile
from xml.sax.saxutils import escape

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPRE = re.compile("[" + SUP + "]+")
def supnum(s): return int(s.translate(str.maketrans(SUP, "0123456789")))

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')

STYLES = """
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="9.5pt" fo:language="{lang}" fo:country="{country}" fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.16cm" fo:line-height="118%"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="start" fo:keep-with-next="always" fo:margin-top="0.35cm" fo:margin-bottom="0.15cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-weight="bold" fo:hyphenate="false" fo:color="#0b3d6b"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1">
  <style:text-properties fo:font-size="13pt"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2">
  <style:text-properties fo:font-size="11pt"/>
 </style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3">
  <style:text-properties fo:font-size="9.5pt" fo:color="#333333"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.4cm" fo:margin-bottom="0.05cm" fo:line-height="105%"/>
  <style:text-properties fo:font-size="7.5pt"/>
 </style:style>
 <style:style style:name="Source" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="start" fo:margin-left="0.5cm" fo:text-indent="-0.5cm" fo:margin-bottom="0.1cm"/>
  <style:text-properties fo:font-size="8.5pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="ListPara" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="start" fo:margin-bottom="0.08cm"/>
 </style:style>
 <style:style style:name="SourceItem" style:family="paragraph" style:parent-style-name="Source">
  <style:paragraph-properties fo:margin-left="0cm" fo:text-indent="0cm"/>
 </style:style>
 <style:style style:name="TitleBig" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.4cm" fo:margin-bottom="0.4cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="22pt" fo:font-weight="bold" fo:color="#0b3d6b" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="TitleSmall" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="start" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="8.5pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Warning" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:padding="0.2cm" fo:border="1.5pt solid #b00000" fo:margin-bottom="0.6cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:font-weight="bold" fo:color="#b00000" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading_20_1"/>
 <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="start">
   <style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="10.5pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:border-bottom="0.5pt solid #0b3d6b" fo:padding-bottom="0.08cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="7.5pt" fo:color="#0b3d6b"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
 <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document" text:citation-style-name="Sup"/>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.45cm" fo:text-indent="-0.35cm" fo:margin-left="0.45cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.4cm" fo:margin-left="2cm" fo:margin-right="2cm" style:print-orientation="portrait">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="30%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Sect2" style:family="section">
  <style:section-properties text:dont-balance-text-columns="false">
   <style:columns fo:column-count="2" fo:column-gap="0.7cm"/>
  </style:section-properties>
 </style:style>
 <style:style style:name="PFirst" style:family="paragraph" style:parent-style-name="Warning" style:master-page-name="First"/>
 <style:style style:name="PBreakH1" style:family="paragraph" style:parent-style-name="Heading_20_1">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="PBreakToc" style:family="paragraph" style:parent-style-name="Contents_20_Heading">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="First" style:page-layout-name="pm1" style:next-style-name="Standard"/>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{header}</text:p></style:header>
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
"""

def inline(s):
    """escape, *italics*, **bold**"""
    out = escape(s)
    out = re.sub(r"\*\*(.+?)\*\*", r'<text:span text:style-name="Bold">\1</text:span>', out)
    out = re.sub(r"\*(.+?)\*", r'<text:span text:style-name="Italic">\1</text:span>', out)
    return out

def build(cfg, pages=None):
    lines = [l.rstrip("\n") for l in open(cfg["txt"], encoding="utf-8")]
    paras = [l.strip() for l in lines if l.strip()]
    notes = {}
    for p in paras:
        m = re.match("^([" + SUP + "]+) (.*)$", p)
        if m: notes[supnum(m.group(1))] = m.group(2)
    toc_i = paras.index(cfg["toc_heading"])
    front = paras[:toc_i]
    j = toc_i + 1
    while " // " in paras[j]: j += 1
    body = paras[j:]
    heading = cfg["heading_level"]
    xml = []
    # title page
    xml.append(f'<text:p text:style-name="PFirst">{inline(front[0])}</text:p>')
    for p in front[1:]:
        if p in cfg["title_lines"]:
            xml.append(f'<text:p text:style-name="TitleBig">{inline(p)}</text:p>')
        else:
            xml.append(f'<text:p text:style-name="TitleSmall">{inline(p)}</text:p>')
    # TOC
    tocs = [p.split(" // ")[0] for p in paras[toc_i + 1:j]]
    xml.append('<text:table-of-content text:style-name="Sect1" text:protected="true" text:name="Table of Contents1">'
               '<text:table-of-content-source text:outline-level="1"><text:index-title-template text:style-name="Contents_20_Heading">'
               f'{escape(cfg["toc_heading"])}</text:index-title-template>'
               '<text:table-of-content-entry-template text:outline-level="1" text:style-name="Contents_20_1">'
               '<text:index-entry-chapter/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/>'
               '<text:index-entry-page-number/></text:table-of-content-entry-template></text:table-of-content-source><text:index-body>'
               f'<text:index-title text:name="Table of Contents1_Head"><text:p text:style-name="PBreakToc">{escape(cfg["toc_heading"])}</text:p></text:index-title>')
    for h in tocs:
        pg = (pages or {}).get(h, "")
        xml.append(f'<text:p text:style-name="Contents_20_1">{escape(h)}<text:tab/>{pg}</text:p>')
    xml.append('</text:index-body></text:table-of-content>')
    # body
    first_h1 = True
    in_sources = False
    out = []
    i = 0
    def with_notes(p):
        res = []
        pos = 0
        for m in SUPRE.finditer(p):
            res.append(inline(p[pos:m.start()]))
            n = supnum(m.group(0))
            if n in notes:
                res.append(f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
                           f'<text:note-body><text:p text:style-name="Footnote">{inline(notes[n])}</text:p></text:note-body></text:note>')
            else:  # a marker without a footnote: print it as a superscript
                res.append(f'<text:span text:style-name="Sup">{n}</text:span>')
            pos = m.end()
        res.append(inline(p[pos:]))
        return "".join(res)
    sect_open = False
    while i < len(body):
        p = body[i]
        if re.match("^[" + SUP + "]+ ", p):
            i += 1; continue
        lvl = heading(p, body[:i + 1])
        if lvl:
            if lvl == 1 and cfg.get("break_h1", True):
                if sect_open: out.append("</text:section>"); sect_open = False
                hs = "Heading_20_1" if cfg.get("no_break", lambda x: False)(p) else "PBreakH1"
                out.append(f'<text:h text:style-name="{hs}" text:outline-level="1">{escape(p)}</text:h>')
                out.append(f'<text:section text:style-name="Sect2" text:name="S{i}">'); sect_open = True
            else:
                out.append(f'<text:h text:style-name="Heading_20_{lvl}" text:outline-level="{lvl}">{escape(p)}</text:h>')
            in_sources = (p == cfg["sources_heading"]) or (in_sources and lvl != 1)
            i += 1; continue
        if p.startswith("- "):
            items = []
            while i < len(body) and body[i].startswith("- "):
                items.append(body[i][2:]); i += 1
            st = "SourceItem" if in_sources else "ListPara"
            out.append('<text:list text:style-name="Bullets">' + "".join(
                f'<text:list-item><text:p text:style-name="{st}">{fmt_source(x) if in_sources else with_notes(x)}</text:p></text:list-item>' for x in items) + '</text:list>')
            continue
        if in_sources:
            out.append(f'<text:p text:style-name="Source">{fmt_source(p)}</text:p>')
        else:
            out.append(f'<text:p text:style-name="Standard">{with_notes(p)}</text:p>')
        i += 1
    if sect_open: out.append("</text:section>")
    xml.extend(out)
    doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
           f'<office:meta><dc:title>{escape(cfg["title"])}</dc:title></office:meta>'
           + STYLES.format(header=escape(cfg["header"]), lang=cfg["lang"], country=cfg["country"])
           + '<office:body><office:text>' + "\n".join(xml) + '</office:text></office:body></office:document>')
    return doc

def fmt_source(x):
    m = re.match(r"^(\d{4}[a-z]?|n\.d\.) (.*)$", x)
    if m:
        return f'<text:span text:style-name="Bold">{escape(m.group(1))}</text:span> {inline(m.group(2))}'
    return inline(x)

def convert(fodt, outdir):
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outdir, fodt], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(outdir, os.path.splitext(os.path.basename(fodt))[0] + ".pdf")

def page_of_headings(pdf, headings):
    txt = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    pages = txt.split("\f")
    found = {}
    for h in headings:
        key = re.sub(r"\s+", " ", h)[:40]
        for n, pg in enumerate(pages[2:], start=3):  # skip title page and contents
            if any(l.strip().startswith(key[:30]) for l in pg.split("\n")):
                found[h] = n; break
    return found

def main(cfg):
    folder = cfg["folder"]
    stem = cfg["stem"]
    fodt = os.path.join(folder, stem + ".fodt")
    open(fodt, "w", encoding="utf-8").write(build(cfg))
    tmp = tempfile.mkdtemp()
    pdf1 = convert(fodt, tmp)
    body = [l.strip() for l in open(cfg["txt"], encoding="utf-8") if l.strip()]
    heads = [p.split(" // ")[0] for p in body if " // " in p]
    pages = page_of_headings(pdf1, heads)
    open(fodt, "w", encoding="utf-8").write(build(cfg, pages))
    pdf2 = convert(fodt, tmp)
    final = os.path.join(folder, stem + "-libreoffice.pdf")
    shutil.move(pdf2, final)
    shutil.rmtree(tmp, ignore_errors=True)
    print("wrote", final, "toc pages", pages)
