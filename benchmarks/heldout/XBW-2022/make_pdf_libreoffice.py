"""Print layout of the fictional profile made with LibreOffice (headless) from a generated Flat ODT (one-column body in this profile).

Real footnotes (text:note, at the foot of the page), a table of contents (text:table-of-content whose index body is
filled with the page numbers found in a first conversion), one-column body pages with running head and page
number, Key Sources as bulleted lists under each organisation heading, hyperlinked web addresses.

Run: python3 make_pdf_libreoffice.py   (writes <stem>.fodt and <stem>-libreoffice.pdf next to this script)
"""
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import profile_blocks as pb  # noqa: E402

D = pb.load(HERE)
STEM = D["txt"].stem
COUNTRY = D["country_line"].split("|")[0].strip()
EDITION = D["country_line"].split("|")[1].strip()
RUNNING = f"{COUNTRY} | {D['title_line']} – {EDITION.title()}"

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')

STYLES = """
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="9.5pt" fo:language="en" fo:country="GB" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.18cm" fo:line-height="118%" fo:orphans="2" fo:widows="2"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:keep-with-next="always" fo:margin-top="0.35cm" fo:margin-bottom="0.15cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-weight="bold" fo:hyphenate="false" fo:color="#0b3d6b"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.3cm" fo:padding-bottom="0.08cm" fo:border-bottom="1.2pt solid #0b3d6b"/>
  <style:text-properties fo:font-size="14pt"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text">
  <style:text-properties fo:font-size="11.5pt"/>
 </style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text">
  <style:text-properties fo:font-size="10pt" fo:color="#1f5f99"/>
 </style:style>
 <style:style style:name="Source_20_org" style:display-name="Source org" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:keep-with-next="always" fo:margin-top="0.25cm" fo:margin-bottom="0.08cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Source_20_item" style:display-name="Source item" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="start" fo:margin-bottom="0.08cm" fo:line-height="112%"/>
  <style:text-properties fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.4cm" fo:margin-bottom="0.05cm" fo:text-align="justify"/>
  <style:text-properties fo:font-size="7.5pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="end" fo:padding-bottom="0.05cm" fo:border-bottom="0.5pt solid #0b3d6b"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="7.5pt" fo:color="#0b3d6b" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index">
  <style:text-properties fo:font-size="14pt"/>
 </style:style>
 <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard" style:class="index">
  <style:paragraph-properties fo:margin-top="0.15cm">
   <style:tab-stops><style:tab-stop style:position="16.5cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Contents_20_2" style:display-name="Contents 2" style:family="paragraph" style:parent-style-name="Standard" style:class="index">
  <style:paragraph-properties fo:margin-left="0.6cm">
   <style:tab-stops><style:tab-stop style:position="15.9cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Cover_20_notice" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:padding="0.25cm" fo:border="1.5pt solid #b00000" fo:margin-bottom="1.2cm" fo:background-color="#fff2f2"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:font-weight="bold" fo:color="#b00000" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Cover_20_title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="3cm" fo:margin-bottom="0.3cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="26pt" fo:font-weight="bold" fo:color="#0b3d6b" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Cover_20_sub" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="3cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="15pt" fo:color="#1f5f99" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Imprint" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.15cm" fo:text-align="justify"/>
  <style:text-properties fo:font-size="7.5pt"/>
 </style:style>
 <style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">
  <style:text-properties fo:color="#1f5f99"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document" text:citation-style-name="Fn_20_anchor" text:default-style-name="Footnote"/>
 <style:style style:name="Fn_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.45cm" fo:text-indent="-0.35cm" fo:margin-left="0.45cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Ital" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="PFront" style:family="paragraph" style:parent-style-name="Imprint" style:master-page-name="Front"/>
 <style:style style:name="PBody" style:family="paragraph" style:parent-style-name="Heading_20_1" style:master-page-name="Body"/>
 <style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Heading_20_1">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="Sect1" style:family="section"><style:section-properties style:editable="false"/></style:style>
 <style:page-layout style:name="pm_cover">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
 </style:page-layout>
 <style:page-layout style:name="pm_front">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.6cm" fo:margin-bottom="1.6cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
 <style:page-layout style:name="pm_body">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.6cm" fo:margin-bottom="1.6cm" fo:margin-left="2.4cm" fo:margin-right="2.4cm">
   <style:columns fo:column-count="1"/>
   <style:footnote-sep style:width="0.5pt" style:distance-before-sep="0.15cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="30%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm_cover" style:next-style-name="Front"/>
 <style:master-page style:name="Front" style:page-layout-name="pm_front">
  <style:header><text:p text:style-name="Header">RUNNING</text:p></style:header>
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">2</text:page-number></text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="Body" style:page-layout-name="pm_body">
  <style:header><text:p text:style-name="Header">RUNNING</text:p></style:header>
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">3</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
"""


def inline(s, notes=True):
    out = []
    for kind, t in pb.split_inline(s):
        if kind == "text":
            out.append(escape(t))
        elif kind == "italic":
            out.append(f'<text:span text:style-name="Ital">{escape(t)}</text:span>')
        elif kind == "url":
            href = t if t.startswith("http") else "https://" + t
            out.append(f'<text:a xlink:type="simple" xlink:href="{escape(href, {chr(34): "&quot;"})}" '
                       f'text:style-name="Internet_20_link">{escape(t)}</text:a>')
        elif kind == "mark":
            n = pb.sup_to_int(t)
            if notes and n in D["footnotes"]:
                body = inline(D["footnotes"][n], notes=False)
                out.append(f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}'
                           f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">{body}'
                           f'</text:p></text:note-body></text:note>')
            else:
                out.append(f'<text:span text:style-name="Fn_20_anchor">{escape(pb.sup_to_int(t).__str__())}</text:span>')
    return "".join(out)


def toc_entries():
    return [(1 if b[0] == "h1" else 2, b[1]) for b in D["blocks"] if b[0] in ("h1", "h2")]


def build_fodt(pages):
    body = []
    body.append(f'<text:p text:style-name="Cover_20_notice">{escape(D["notice"])}</text:p>')
    body.append(f'<text:p text:style-name="Cover_20_title">{escape(D["title_line"])}</text:p>')
    body.append(f'<text:p text:style-name="Cover_20_sub">{escape(COUNTRY.title().replace(" Of ", " of "))} – '
                f'{escape(EDITION.title())}</text:p>')
    for k, ln in enumerate(D["imprint"]):
        body.append(f'<text:p text:style-name="{"Imprint"}">{inline(ln)}</text:p>')
    # table of contents on its own page (master page Front)
    body.append('<text:p text:style-name="PFront"/>')
    tpl = ''.join(
        f'<text:table-of-content-entry-template text:outline-level="{lv}" text:style-name="Contents_20_{lv}">'
        '<text:index-entry-link-start/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" '
        'style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/>'
        '</text:table-of-content-entry-template>' for lv in (1, 2))
    ents = ''.join(f'<text:p text:style-name="Contents_20_{lv}">{escape(t)}<text:tab/>{pages.get(t, "")}</text:p>'
                   for lv, t in toc_entries())
    body.append('<text:table-of-content text:style-name="Sect1" text:protected="true" text:name="Table of Contents1">'
                '<text:table-of-content-source text:outline-level="2" text:use-index-marks="false">'
                '<text:index-title-template text:style-name="Contents_20_Heading">TABLE OF CONTENTS</text:index-title-template>'
                f'{tpl}</text:table-of-content-source><text:index-body>'
                '<text:index-title text:style-name="Sect1" text:name="Table of Contents1_Head">'
                '<text:p text:style-name="Contents_20_Heading">TABLE OF CONTENTS</text:p></text:index-title>'
                f'{ents}</text:index-body></text:table-of-content>')
    first = True
    in_list = False
    for b in D["blocks"]:
        kind = b[0]
        if kind != "src_item" and in_list:
            body.append('</text:list>')
            in_list = False
        if kind == "fn":
            continue  # footnotes are set as text:note at their marker
        if kind == "h1":
            style = "PBody" if first else ("PBreak" if b[1].startswith(("SUMMARY", "MAIN", "KEY FINDINGS", "COVID", "KEY SOURCES")) else "Heading_20_1")
            first = False
            body.append(f'<text:h text:style-name="{style}" text:outline-level="1">{escape(b[1])}</text:h>')
        elif kind == "h2":
            body.append(f'<text:h text:style-name="Heading_20_2" text:outline-level="2">{escape(b[1])}</text:h>')
        elif kind == "h3":
            body.append(f'<text:h text:style-name="Heading_20_3" text:outline-level="3">{inline(b[1])}</text:h>')
        elif kind == "p":
            body.append(f'<text:p text:style-name="Text_20_body">{inline(b[1])}</text:p>')
        elif kind == "src_org":
            body.append(f'<text:p text:style-name="Source_20_org">{escape(b[1])}</text:p>')
        elif kind == "src_item":
            if not in_list:
                body.append('<text:list text:style-name="Bullets">')
                in_list = True
            body.append(f'<text:list-item><text:p text:style-name="Source_20_item">{inline(b[1])}</text:p></text:list-item>')
    if in_list:
        body.append('</text:list>')
    styles = STYLES.replace("RUNNING", escape(RUNNING))
    meta = (f'<office:meta><dc:title>{escape(D["title_line"])} – {escape(COUNTRY)} (FICTIONAL TEST DOCUMENT)</dc:title>'
            '<meta:generator>make_pdf_libreoffice.py (mgi-profiles held-out tests)</meta:generator></office:meta>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">{meta}{styles}'
            f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document>\n')


def convert(fodt, outdir):
    prof = tempfile.mkdtemp(prefix="lo_profile_")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to",
                    "pdf:writer_pdf_Export", "--outdir", str(outdir), str(fodt)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    shutil.rmtree(prof, ignore_errors=True)
    return Path(outdir) / (fodt.stem + ".pdf")


def heading_pages(pdf):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
    texts = []
    for p in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"], capture_output=True, text=True).stdout
        texts.append(re.sub(r"[\s-]+", "", t))
    pages = {}
    for lv, h in toc_entries():
        key = re.sub(r"[\s-]+", "", h)
        for p, t in enumerate(texts, 1):
            if "TABLEOFCONTENTS" in t and p <= 3:
                continue
            if key in t:
                pages[h] = p
                break
    return pages, n


def main():
    out_fodt = HERE / f"{STEM}.fodt"
    tmp = Path(tempfile.mkdtemp(prefix="lo_out_"))
    pages = {}
    for _ in range(3):
        out_fodt.write_text(build_fodt(pages), encoding="utf-8")
        pdf = convert(out_fodt, tmp)
        new, n = heading_pages(pdf)
        if new == pages:
            break
        pages = new
    out_fodt.write_text(build_fodt(pages), encoding="utf-8")
    pdf = convert(out_fodt, tmp)
    final = HERE / f"{STEM}-libreoffice.pdf"
    shutil.move(str(pdf), final)
    shutil.rmtree(tmp, ignore_errors=True)
    print("wrote", final, f"({n} pages)", pages)


if __name__ == "__main__":
    main()
