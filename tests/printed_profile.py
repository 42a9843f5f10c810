"""Lay a profile's source text out as a print PDF, the way IOM publishes MGI profiles (tests and benchmarks only).

The source texts of the profiles (data/profiles/*/, tests/profiles/*/) hold one paragraph per line, footnotes as
their own paragraphs beginning with superscript digits, and *Markdown emphasis*. This module turns such a text
into HTML and lets WeasyPrint (a real layout engine) set it for print: two columns, justified and hyphenated
(`hyphens: auto`, hyphenation dictionaries from pyphen, offline), running headers with the section title,
page numbers on the outer corner, footnotes at the foot of the page where they are called (`float: footnote`),
headings spanning both columns. `helpers.draft.pdf` must then read the text back as a person reads it.

Nothing here knows how the converter works: it only knows how the source texts are written.

    from printed_profile import build_pdf
    build_pdf(text, "out.pdf", running_title="MIGRATION GOVERNANCE INDICATORS | REPUBLIC OF EXAMPLIA")
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_ASCII = str.maketrans(SUPERSCRIPT, "0123456789")
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT}]+)\s+(.+)$", re.S)
_MARKER = re.compile(rf"[{SUPERSCRIPT}]+")
_EMPHASIS = re.compile(r"\*(?=\S)([^*\n]+?)(?<=\S)\*")
_URL = re.compile(r"(?:\b(?:https?://|www\.)|(?<!\S)[\w.-]+\.[a-z]{2,}/)[^\s<>\"]*[^\s<>\".,;:)]"
                  r"|(?<!\S)[^\s<>\"]*(?:/|%[0-9A-F]{2})[^\s<>\"]*[^\s<>\".,;:)]")


@dataclass(frozen=True)
class Layout:
    """How the page looks; the defaults resemble an MGI profile."""

    page_size: str = "A4"
    margins: str = "22mm 18mm 24mm 18mm"
    font_family: str = "DejaVu Sans"
    font_size: str = "9.5pt"
    line_height: str = "1.35"
    columns: int = 2
    column_gap: str = "7mm"
    lang: str = "en"
    footnote_size: str = "7.5pt"
    hyphens: str = "auto"  # "manual": lines break at spaces and at the hyphens the text has, nowhere else
    align: str = "justify"  # or "left": ragged right


def paragraphs(text: str) -> list[str]:
    """The source texts hold one paragraph per line (most with a blank line between them)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def heading_level(par: str) -> int:
    """1: a section title in capitals (spans both columns), 2: a sub-heading, 0: body text."""
    if len(par) > 110 or "\n" in par:
        return 0
    letters = [c for c in par if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and not par.endswith("."):
        return 1
    if re.match(r"^\d+(\.\d+)*\.?\s+\S", par) and not par.endswith("."):
        return 2
    if len(par) <= 70 and par[:1].isupper() and not re.search(r"[.;:,]$", par) and not _URL.search(par):
        return 2
    return 0


def _inline(text: str) -> str:
    """Escaped HTML for a run of text: emphasis, addresses that may break after '/' or '.', no auto hyphens."""
    out, pos = [], 0
    for m in _URL.finditer(text):
        out.append(_emph(text[pos:m.start()]))
        url = html.escape(m.group(0), quote=False)
        url = re.sub(r"([/.])(?=[^/.])", r"\1<wbr>", url)
        out.append(f'<span class="url">{url}</span>')
        pos = m.end()
    out.append(_emph(text[pos:]))
    return "".join(out)


def _emph(text: str) -> str:
    return _EMPHASIS.sub(lambda m: f"<em>{m.group(1)}</em>", html.escape(text, quote=False))


def _with_markers(text: str, notes: dict[int, str]) -> str:
    """Body text whose superscript markers become WeasyPrint footnotes (notes: marker offset -> footnote html)."""
    out, pos = [], 0
    for m in _MARKER.finditer(text):
        out.append(_inline(text[pos:m.start()]))
        n = m.group(0).translate(TO_ASCII)
        if m.start() in notes:
            out.append(f'<span class="fn" data-n="{n}">{notes[m.start()]}</span>')
        else:
            out.append(f"<sup>{n}</sup>")
        pos = m.end()
    out.append(_inline(text[pos:]))
    return "".join(out)


def profile_html(text: str, *, running_title: str, layout: Layout = Layout()) -> str:
    """The source text as a print-ready HTML document."""
    pars = paragraphs(text)
    calls: dict[int, dict[int, str]] = {}  # body paragraph index -> {marker offset: footnote html}
    trailing: dict[int, list[str]] = {}  # footnotes whose call the text does not print
    claimed: set[tuple[int, int]] = set()
    is_note = [bool(_FOOTNOTE.match(p)) for p in pars]
    for i, p in enumerate(pars):
        if not is_note[i]:
            continue
        number, body = _FOOTNOTE.match(p).groups()
        note_html = _inline(body)
        for j in range(i - 1, max(-1, i - 40), -1):
            if is_note[j]:
                continue
            hits = [m for m in _MARKER.finditer(pars[j]) if m.group(0) == number and (j, m.start()) not in claimed]
            if hits:
                claimed.add((j, hits[-1].start()))
                calls.setdefault(j, {})[hits[-1].start()] = note_html
                break
        else:
            body_before = [j for j in range(i) if not is_note[j]]
            trailing.setdefault(body_before[-1] if body_before else -1, []).append(
                f'<span class="fn nocall" data-n="{number.translate(TO_ASCII)}">{note_html}</span>')

    # Each run of text between two section titles is its own two-column box and the titles stand between
    # them across the page: WeasyPrint then keeps footnotes clear of the text (with one multi-column box
    # for the whole document and `column-span: all` titles, its footnote area overlaps the columns).
    blocks, run = [], []
    for i, p in enumerate(pars):
        if is_note[i]:
            continue
        level = heading_level(p)
        inner = _with_markers(p, calls.get(i, {})) + "".join(trailing.get(i, []))
        if level == 1:
            if run:
                blocks.append('<div class="columns">' + "\n".join(run) + "</div>")
                run = []
            cls = "" if "//" in p else ' class="section"'
            blocks.append(f"<h1{cls}>{inner}</h1>")
        elif level == 2:
            run.append(f"<h2>{inner}</h2>")
        else:
            run.append(f"<p>{inner}</p>")
    if run:
        blocks.append('<div class="columns">' + "\n".join(run) + "</div>")
    first = "".join(trailing.get(-1, []))
    body = "\n".join(blocks)
    return f"""<!DOCTYPE html>
<html lang="{layout.lang}"><head><meta charset="utf-8"><title>{html.escape(running_title)}</title>
<style>{stylesheet(running_title, layout)}</style></head>
<body><main>{first}
{body}
</main></body></html>
"""


def _css_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stylesheet(running_title: str, layout: Layout) -> str:
    return f"""
@page {{
  size: {layout.page_size}; margin: {layout.margins};
  @top-left {{ content: {_css_string(running_title)}; font: {layout.footnote_size} {layout.font_family}; }}
  @top-right {{ content: string(section); font: {layout.footnote_size} {layout.font_family}; }}
  @footnote {{ border-top: 0.5pt solid #555; padding-top: 1.5mm; margin-top: 3mm; }}
}}
@page :left {{ @bottom-left {{ content: counter(page); font: 8pt {layout.font_family}; }} }}
@page :right {{ @bottom-right {{ content: counter(page); font: 8pt {layout.font_family}; }} }}
html {{ font-family: {layout.font_family}; font-size: {layout.font_size}; line-height: {layout.line_height}; }}
main {{ text-align: {layout.align}; hyphens: {layout.hyphens}; hyphenate-character: "-"; }}
.columns {{ column-count: {layout.columns}; column-gap: {layout.column_gap}; }}
p {{ margin: 0 0 0.7em 0; }}
h1 {{ font-size: 12.5pt; font-weight: bold; margin: 0.6em 0 0.7em 0; text-align: left;
      hyphens: manual; break-after: avoid; }}
h1.section {{ string-set: section content(text); }}
h2 {{ font-size: 10pt; font-weight: bold; margin: 0.9em 0 0.45em 0; text-align: left; hyphens: manual;
      break-after: avoid; }}
sup {{ vertical-align: super; font-size: 65%; line-height: 0; }}
.fn {{ float: footnote; font-size: {layout.footnote_size}; line-height: 1.3; text-align: left; hyphens: manual;
       font-weight: normal; }}
.fn::footnote-call {{ content: attr(data-n); vertical-align: super; font-size: 65%; line-height: 0; }}
.fn.nocall::footnote-call {{ content: none; }}
.fn::footnote-marker {{ content: attr(data-n) " "; vertical-align: super; font-size: 70%; }}
.url {{ hyphens: manual; overflow-wrap: anywhere; }}
"""


def build_pdf(text: str, out: str | Path, *, running_title: str, layout: Layout = Layout()) -> Path:
    """Write the print PDF of a source text; returns its path. Needs WeasyPrint (a test dependency)."""
    import weasyprint  # imported here: the project itself never needs it

    out = Path(out)
    weasyprint.HTML(string=profile_html(text, running_title=running_title, layout=layout)).write_pdf(out)
    return out
