"""Lay a profile's source text out with LibreOffice, the way a word processor prints it (tests and benchmarks only).

A second print producer beside WeasyPrint (`printed_profile.py`): the text becomes a Flat ODT document with a
title page, a table of contents, a two-column body, REAL footnotes (`text:note`, which LibreOffice sets at the
foot of the page where the call falls, often far from it), Key sources entries as a bulleted list under each
organisation, and long web addresses that wrap; `soffice --headless --convert-to pdf` then prints it.
`helpers.draft.pdf` must read the text back as a person reads it.

Nothing here knows how the converter works: it only knows how the source texts are written (one paragraph a
line, footnotes as paragraphs beginning with superscript digits, Key sources entries beginning with "- ").

    from printed_odt import build_pdf, soffice
    build_pdf(text, "out.pdf", title="MIGRATION GOVERNANCE INDICATORS | REPUBLIC OF EXAMPLIA")
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from printed_profile import SUPERSCRIPT, TO_ASCII, heading_level, paragraphs

_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT}]+)\s+(.+)$", re.S)
_MARKER = re.compile(rf"[{SUPERSCRIPT}]+")
_EMPHASIS = re.compile(r"\*(?=\S)([^*\n]+?)(?<=\S)\*")

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="{size}pt" fo:language="{lang}"
   fo:country="{country}" fo:hyphenate="{hyphenate}" fo:hyphenation-remain-char-count="3"
   fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{align}" fo:margin-bottom="2.4mm" fo:line-height="125%"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="5mm" fo:margin-bottom="3mm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:color="#0033a0"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="3mm" fo:margin-bottom="2mm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="10.5pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="60mm" fo:margin-bottom="10mm"/>
  <style:text-properties fo:font-size="20pt" fo:font-weight="bold" fo:color="#0033a0"/>
 </style:style>
 <style:style style:name="Contents" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="1mm"/>
 </style:style>
 <style:style style:name="Item" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-bottom="{item_gap}mm" fo:line-height="125%"/>
 </style:style>
 <style:style style:name="Entry" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-bottom="{item_gap}mm" fo:line-height="125%"
   fo:margin-left="5mm" fo:text-indent="-5mm"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-left="4mm" fo:text-indent="-4mm"/>
  <style:text-properties fo:font-size="{note_size}pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-size="7.5pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:text-properties fo:font-size="7.5pt" fo:color="#555555"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0"
  text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="16mm"
   fo:margin-bottom="14mm" fo:margin-left="18mm" fo:margin-right="18mm"/>
  <style:header-style><style:header-footer-properties fo:min-height="6mm" fo:margin-bottom="4mm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="6mm" fo:margin-top="4mm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Cols" style:family="section">
  <style:section-properties text:dont-balance-text-columns="false">
   <style:columns fo:column-count="{columns}" fo:column-gap="7mm"/>
  </style:section-properties>
 </style:style>
 <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Contents">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="Em" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="{bullet}">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="5mm"
     fo:text-indent="-4mm" fo:margin-left="5mm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
  <style:header><text:p text:style-name="Header">{running}</text:p></style:header>
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""

_TAIL = "</office:text></office:body></office:document>\n"


def soffice() -> str | None:
    """The LibreOffice program, where it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _inline(text: str, notes: dict[tuple[int, int], str], where: int) -> str:
    """ODF for paragraph `where`: emphasis, and each superscript call replaced by the footnote it calls
    (printed with the source's own number, which may restart in an annex)."""
    out, pos = [], 0
    for k, m in enumerate(_MARKER.finditer(text)):
        out.append(_emph(text[pos:m.start()]))
        body = notes.pop((where, k), None)
        if body is None:  # a superscript that calls no footnote stays as it is
            out.append(escape(m.group(0)))
        else:
            n = m.group(0).translate(TO_ASCII)
            out.append(f'<text:note text:id="ftn{where}_{k}" text:note-class="footnote">'
                       f'<text:note-citation text:label="{n}">{n}</text:note-citation><text:note-body>'
                       f'<text:p text:style-name="Footnote">{_emph(body)}</text:p></text:note-body></text:note>')
        pos = m.end()
    out.append(_emph(text[pos:]))
    return "".join(out)


def _calls(pars: list[str]) -> dict[tuple[int, int], str]:
    """(paragraph, n-th superscript in it) -> the footnote it calls: the nearest call before the footnote
    with the same number."""
    open_calls: dict[str, list[tuple[int, int]]] = {}
    out = {}
    for i, p in enumerate(pars):
        m = _FOOTNOTE.match(p)
        if m:
            calls = open_calls.get(m.group(1))
            if calls:
                out[calls.pop()] = m.group(2)
            continue
        for k, c in enumerate(_MARKER.finditer(p)):
            open_calls.setdefault(c.group(0), []).append((i, k))
    return out


def _emph(text: str) -> str:
    return _EMPHASIS.sub(lambda m: f'<text:span text:style-name="Em">{m.group(1)}</text:span>', escape(text)
                         ).replace("\t", " ")


def document(text: str, title: str, *, columns: int = 2, lang: str = "en", country: str = "GB",
             size: float = 9.5, note_size: float = 7.5, align: str = "justify", hyphenate: bool = False,
             bullet: str = "•", item_gap: float = 2.4) -> str:
    """The Flat ODT document of a source text. bullet: the list bullet ("" for entries set with a hanging
    indent and no bullet); item_gap: millimetres between list items (0: nothing but the line break)."""
    pars = paragraphs(text)
    notes = _calls(pars)
    called = set(notes.values())
    body = [(i, p) for i, p in enumerate(pars) if not _FOOTNOTE.match(p)]
    uncalled = [p for p in pars if (m := _FOOTNOTE.match(p)) and m.group(2) not in called]
    head = _HEAD.format(size=size, note_size=note_size, lang=lang, country=country, align=align,
                        hyphenate="true" if hyphenate else "false", columns=columns, bullet=bullet or "•", item_gap=item_gap,
                        running=escape(title))
    out = [head, f'<text:p text:style-name="Title">{escape(title)}</text:p>']
    chapters = [p for _, p in body if heading_level(p) == 1]
    out.append('<text:table-of-content text:name="Contents"><text:table-of-content-source text:outline-level="1">'
               '<text:index-title-template>Contents</text:index-title-template></text:table-of-content-source>'
               '<text:index-body><text:index-title text:name="Contents_Head">'
               '<text:p text:style-name="Break">Contents</text:p></text:index-title>')
    out += [f'<text:p text:style-name="Contents">{escape(c)}</text:p>' for c in chapters]
    out.append('</text:index-body></text:table-of-content>')
    out.append('<text:p text:style-name="Break"/><text:section text:style-name="Cols" text:name="Body">')
    in_list = False
    for i, p in body:
        bulleted = p.startswith("- ")
        if in_list and not bulleted:
            out.append("</text:list>")
            in_list = False
        level = heading_level(p)
        if bulleted and not bullet:
            out.append(f'<text:p text:style-name="Entry">{_inline(p[2:], notes, i)}</text:p>')
        elif bulleted:
            if not in_list:
                out.append('<text:list text:style-name="Bullets">')
                in_list = True
            out.append(f'<text:list-item><text:p text:style-name="Item">{_inline(p[2:], notes, i)}</text:p>'
                       '</text:list-item>')
        elif level:
            out.append(f'<text:h text:style-name="H{level}" text:outline-level="{level}">'
                       f'{_inline(p, notes, i)}</text:h>')
        else:
            out.append(f'<text:p text:style-name="Body">{_inline(p, notes, i)}</text:p>')
    if in_list:
        out.append("</text:list>")
    out.append("</text:section>")
    # footnotes no marker calls (a source slip): printed where they stand, as the source has them
    out += [f'<text:p text:style-name="Footnote">{_emph(p)}</text:p>' for p in uncalled]
    out.append(_TAIL)
    return "".join(out)


def build_pdf(text: str, out: str | Path, title: str, **layout) -> Path:
    """Print the source text to `out` with LibreOffice; RuntimeError where LibreOffice is missing or fails."""
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="mgi-odt-") as tmp:
        src = Path(tmp) / (out.stem + ".fodt")
        src.write_text(document(text, title, **layout), encoding="utf-8")
        profile = Path(tmp) / "lo-profile"
        done = subprocess.run([program, f"-env:UserInstallation=file://{profile}", "--headless",
                               "--convert-to", "pdf", "--outdir", tmp, str(src)],
                              capture_output=True, text=True, timeout=300)
        made = Path(tmp) / (out.stem + ".pdf")
        if done.returncode != 0 or not made.exists():
            raise RuntimeError(f"LibreOffice could not print {src.name}: {done.stderr.strip() or done.stdout.strip()}")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(made), out)
    return out
