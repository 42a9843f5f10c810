"""Print PDF of a W2 held-out profile: writes <file>.fodt (Flat ODT) from the profile text and converts it
with LibreOffice headless. Title page, table of contents, running header, page numbers, real footnotes
(text:note), Key Sources as bulleted lists under organisation headings. Run in the profile folder:
    python3 make_pdf.py
"""
import os, re, subprocess, sys, glob, shutil
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
CONF = {
 "XVA-2023": dict(txt="mgi-valdoria-segundo-perfil-2023.txt", lang="es", country="ES",
                  header="REPÚBLICA DE VALDORIA | INDICADORES DE GOBERNANZA DE LA MIGRACIÓN 2023",
                  title="Indicadores de Gobernanza de la Migración (IGM)", subtitle="República de Valdoria – Segundo perfil 2023",
                  toc="ÍNDICE", ks="FUENTES PRINCIPALES", end_ks="ANEXOS", online=("Disponible en", "No disponible en línea")),
 "XPT-2022": dict(txt="mgi-portalva-perfil-2022.txt", lang="pt", country="PT",
                  header="REPÚBLICA DE PORTALVA | INDICADORES DE GOVERNANÇA DA MIGRAÇÃO 2022",
                  title="Indicadores de Governança da Migração", subtitle="República de Portalva – Perfil 2022",
                  toc="ÍNDICE", ks="PRINCIPAIS FONTES", end_ks="ANEXOS", online=("Disponível em", "Não disponível online")),
}
PID = os.path.basename(HERE)
C = CONF[PID]
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPD = {c: str(i) for i, c in enumerate(SUP)}
def supnum(s): return int("".join(SUPD[c] for c in s))

lines = [l.rstrip("\n") for l in open(os.path.join(HERE, C["txt"]), encoding="utf-8")]
paras = [l for l in lines if l.strip()]

# footnotes
notes = {}
body = []
for p in paras:
    m = re.match(f"^([{SUP}]+) (.*)$", p)
    if m:
        notes[supnum(m.group(1))] = m.group(2)
    else:
        body.append(p)

def inline(t):
    """escape, turn superscript markers into real footnotes"""
    out = []
    pos = 0
    for m in re.finditer(f"[{SUP}]+", t):
        out.append(escape(t[pos:m.start()]))
        n = supnum(m.group(0))
        if n in notes:
            out.append(f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation text:label="{n}">{n}</text:note-citation>'
                       f'<text:note-body><text:p text:style-name="Footnote"><text:s/>{escape(notes[n])}</text:p></text:note-body></text:note>')
        else:
            out.append(f'<text:span text:style-name="Sup">{n}</text:span>')
        pos = m.end()
    out.append(escape(t[pos:]))
    return "".join(out)

def is_h1(p):
    letters = [c for c in p if c.isalpha()]
    return len(p) < 120 and letters and all(c.isupper() for c in letters) and not p.startswith("DOCUMENTO") and not p.startswith("DOCUMENTO")

xml = []
P = lambda style, t: xml.append(f'<text:p text:style-name="{style}">{t}</text:p>')
H = lambda lvl, t: xml.append(f'<text:h text:style-name="H{lvl}" text:outline-level="{lvl}">{t}</text:h>')

# title page
i = 0
P("Warning", escape(body[0])); i = 1
P("Title", escape(C["title"])); P("Subtitle", escape(C["subtitle"]))
# imprint until the running title line (contains ' | ')
while " | " not in body[i]:
    P("Imprint", inline(body[i])); i += 1
i += 1  # running title
xml.append('<text:p text:style-name="PageBreak"/>')
P("Cover", escape(body[i])); i += 1   # big title line
# TOC
assert body[i] == C["toc"], body[i]
xml.append('<text:table-of-content text:style-name="Sect" text:protected="true" text:name="TOC"><text:table-of-content-source text:outline-level="1"/><text:index-body>')
xml.append(f'<text:index-title text:name="TOCt"><text:p text:style-name="TOCHead">{escape(C["toc"])}</text:p></text:index-title>')
i += 1
TOCNAMES = set()
while "//" in body[i]:
    name, page = body[i].split("//")
    TOCNAMES.add(name.strip())
    xml.append(f'<text:p text:style-name="TOCEntry">{escape(name.strip())}<text:tab/>{escape(page.strip())}</text:p>')
    i += 1
xml.append('</text:index-body></text:table-of-content>')

in_ks = False
items = []
def flush():
    global items
    if items:
        xml.append('<text:list text:style-name="Bullets">')
        for it in items:
            xml.append(f'<text:list-item><text:p text:style-name="KSItem">{inline(it)}</text:p></text:list-item>')
        xml.append('</text:list>')
        items = []
first_h1 = True
USED = set()
H2NAMES = {"Áreas bem desenvolvidas", "Áreas com potencial de desenvolvimento"}
for p in body[i:]:
    if in_ks:
        if p == C["end_ks"]:
            flush(); in_ks = False
            xml.append('<text:p text:style-name="PageBreak"/>'); H(1, escape(p)); continue
        if p.startswith("- "):
            items.append(p[2:]); continue
        flush()
        if any(w in p for w in C["online"]) or re.match(r"^(\d{4}[a-z]?|n\.d\.) ", p):
            P("KSItem", inline(p))
        else:
            P("KSOrg", escape(p))
        continue
    if is_h1(p) and ((p in TOCNAMES and p not in USED) or len(p) > 40 or re.match(r"^\d\. ", p)):
        if p in TOCNAMES and p not in USED and not first_h1:
            xml.append('<text:p text:style-name="PageBreak"/>')
        USED.add(p)
        first_h1 = False
        H(1, escape(p))
        if p == C["ks"]:
            in_ks = True
        continue
    if re.match(r"^\d\.\d\. ", p) or p in H2NAMES:
        H(2, escape(p)); continue
    if is_h1(p) or len(p) < 70 and not p.endswith((".", ";", ":")) and not re.match(r"^(\d\.|\(i)", p):
        H(3, escape(p)); continue
    if re.match(r"^(\d\.|\([iv]+\)) ", p):
        P("ListPara", inline(p)); continue
    P("Body", inline(p))
flush()

L, CT = C["lang"], C["country"]
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="10.5pt" fo:language="{L}" fo:country="{CT}" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm" fo:line-height="115%"/></style:style>
 <style:style style:name="ListPara" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="0.8cm"/></style:style>
 <style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.4cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="15pt" fo:font-weight="bold" fo:color="#0033a0" fo:hyphenate="false"/></style:style>
 <style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="12pt" fo:font-weight="bold" fo:color="#0033a0" fo:hyphenate="false"/></style:style>
 <style:style style:name="H3" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
 <style:style style:name="Footnote" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/><style:text-properties fo:font-size="8pt"/></style:style>
 <style:style style:name="Warning" style:family="paragraph"><style:paragraph-properties fo:padding="0.3cm" fo:border="1.5pt solid #c00000" fo:margin-bottom="1cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:font-weight="bold" fo:color="#c00000"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-top="3cm" fo:text-align="center"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="24pt" fo:font-weight="bold" fo:color="#0033a0"/></style:style>
 <style:style style:name="Subtitle" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="3cm" fo:text-align="center"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="16pt"/></style:style>
 <style:style style:name="Imprint" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="8pt"/></style:style>
 <style:style style:name="Cover" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="1cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="18pt" fo:font-weight="bold" fo:color="#0033a0"/></style:style>
 <style:style style:name="TOCHead" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="TOCEntry" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.15cm">
  <style:tab-stops><style:tab-stop style:position="16.5cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt"/></style:style>
 <style:style style:name="KSOrg" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="KSItem" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="9.5pt" fo:hyphenate="false"/></style:style>
 <style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:border-bottom="0.5pt solid #0033a0" fo:padding-bottom="0.1cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="7.5pt" fo:color="#0033a0"/></style:style>
 <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt"/></style:style>
 <style:style style:name="FnAnchor" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
 <style:style style:name="FnNum" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="FnAnchor" text:citation-body-style-name="FnNum" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
 <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties>
 </text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="PageBreak" style:family="paragraph"><style:paragraph-properties fo:break-after="page"/></style:style>
 <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
 <style:style style:name="Sect" style:family="section"/>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21.0cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
 <style:header><text:p text:style-name="Header">{escape(C["header"])}</text:p></style:header>
 <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(xml)}
</office:text></office:body></office:document>
'''
base = os.path.splitext(C["txt"])[0]
fodt = os.path.join(HERE, base + ".fodt")
open(fodt, "w", encoding="utf-8").write(doc)
out = os.path.join(HERE, "_pdf_out"); os.makedirs(out, exist_ok=True)
subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file:///tmp/lo_w2_{PID}", "--convert-to", "pdf", "--outdir", out, fodt], check=True)
shutil.move(os.path.join(out, base + ".pdf"), os.path.join(HERE, base + "-libreoffice.pdf"))
os.rmdir(out)
print("wrote", base + "-libreoffice.pdf", "footnotes", len(notes))
