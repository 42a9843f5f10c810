"""Where each paragraph of a profile's source text sits: its section label, footnote number and region.

The drafting of candidate rows (helpers.draft.extract) needs the `section` value the extraction spec
asks for ('2.2, footnote 13', 'Summary of updates since 2019 – Migrants' rights', 'Key sources – INEI');
the PDF conversion lost most layout, so the labels are recovered from the headings that survived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from helpers.data.domains import DOMAINS
from helpers.data.quotes import collapse

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s*")
_LATEX_FOOTNOTE = re.compile(r"^\$\^[^$]*?(\d+)[^$]*\$\s*(?:\$\\,\$\s*)?")  # '$^{^{\rm 6}}$ $\,$' from the PDF
_NUMBERED = re.compile(r"^([1-6])\.([1-9])\.?\s+(?:Migration governance:\s*)?(.+)$")
_SUMMARY = re.compile(r"^SUMMARY OF UPDATES SINCE (\d{4})$", re.IGNORECASE)
_ENTRY = re.compile(r"\bAvailable at\b|\bNot available online\b")
_YEAR_TAG = re.compile(r"^(\d{4}[a-z]?|n\.d\.)\s")
HEADING = "\x00heading:"


@dataclass(frozen=True)
class Block:
    """One non-empty line of the source (the conversion writes one paragraph per line)."""

    line: int  # 1-based line number in the raw text
    text: str  # whitespace-collapsed, footnote marker removed: a substring of the collapsed source
    section: str  # the `section` value rows quoting this block carry
    region: str  # front, body, key_sources or annex
    heading: bool = False  # a heading line (not prose)
    footnote: str | None = None  # footnote number when the block is a footnote
    organisation: str | None = None  # Key sources: the heading the entry is listed under


def _norm_label(s: str) -> str:
    return collapse(s).replace("’", "'").casefold()


_DOMAIN_LABELS = {_norm_label(d.label): d.label for d in DOMAINS}


def is_key_source_entry(text: str) -> bool:
    t = collapse(text)
    return bool(_ENTRY.search(t)) or t.startswith("- ") or bool(_YEAR_TAG.match(t))


def _is_org_heading(text: str) -> bool:
    t = collapse(text)
    return (0 < len(t.split()) <= 15 and not _ENTRY.search(t) and not t.startswith("- ")
            and not t.endswith(".") and t[:1].isupper() and not _FOOTNOTE.match(t))


def key_sources_lines(lines: list[str]) -> dict[int, str]:
    """0-based line index -> organisation heading, for every entry of the Key sources list.

    The list is the longest run of lines that are entries ('... Available at ...', '- ...', a year tag) or
    organisation headings directly followed by an entry; a 'KEY SOURCES' heading, when it survived the
    conversion, is where the search starts.
    """
    nonblank = [i for i, s in enumerate(lines) if s.strip()]
    start = 0
    for i in nonblank:
        if collapse(lines[i]).upper() == "KEY SOURCES":
            start = i + 1
    idx = [i for i in nonblank if i >= start]
    best: dict[int, str] = {}
    best_entries = 0
    run: dict[int, str] = {}
    org: str | None = None
    entries = 0
    for k, i in enumerate(idx + [None]):
        text = lines[i] if i is not None else ""
        nxt = lines[idx[k + 1]] if k + 1 < len(idx) else ""
        if i is not None and _is_org_heading(text) and is_key_source_entry(nxt):
            org = collapse(text)
            run[i] = HEADING + org
        elif i is not None and is_key_source_entry(text) and (org is not None or _ENTRY.search(text)):
            run[i] = org or ""
            entries += 1
        else:
            if entries >= 3 and entries > best_entries:
                best, best_entries = run, entries
            run, org, entries = {}, None, 0
    return best


def source_blocks(raw: str) -> list[Block]:
    """Every non-empty line of the source with where it is."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ks = key_sources_lines(lines)
    blocks: list[Block] = []
    section, region = "Front matter", "front"
    summary_year: str | None = None
    in_summary = False
    for i, raw_line in enumerate(lines):
        text = collapse(raw_line)
        if not text:
            continue
        if i in ks:
            value = ks[i]
            if value.startswith(HEADING):
                org = value[len(HEADING):]
                blocks.append(Block(i + 1, text, f"Key sources – {org}", "key_sources", heading=True,
                                    organisation=org))
            else:
                blocks.append(Block(i + 1, text[2:] if text.startswith("- ") else text,
                                    f"Key sources – {value}" if value else "Key sources", "key_sources",
                                    organisation=value or None))
            section, region = "Key sources", "key_sources"
            continue
        heading = False
        upper = text.upper()
        m_num = _NUMBERED.match(text)
        if " // " in text:  # table of contents
            heading = True
        elif upper == "INTRODUCTION":
            section, region, in_summary, heading = "Introduction", "body", False, True
        elif upper == "CONCEPTUAL FRAMEWORK":
            section, region, in_summary, heading = "Conceptual framework", "body", False, True
        elif _SUMMARY.match(text):
            summary_year = _SUMMARY.match(text).group(1)
            section, region, in_summary, heading = f"Summary of updates since {summary_year}", "body", True, True
        elif in_summary and _norm_label(text) in _DOMAIN_LABELS:
            section = f"Summary of updates since {summary_year} – {_DOMAIN_LABELS[_norm_label(text)]}"
            heading = True
        elif m_num and len(m_num.group(3).split()) <= 12 and not m_num.group(3).endswith("."):
            section = f"{m_num.group(1)}.{m_num.group(2)} {m_num.group(3).strip()}"
            region, in_summary, heading = "body", False, True
        elif ("COVID-19" in upper or "CORONAVIRUS" in upper) and text == upper and len(text) < 160:
            section, region, in_summary, heading = "COVID-19 annex", "body", False, True
        elif re.match(r"^MiGOF\b.*Framework", text) or upper in ("ANNEX", "ANNEXES"):
            section, region, in_summary, heading = "Annex – MiGOF", "annex", False, True
        elif text == upper and any(c.isalpha() for c in text):
            heading = True  # a domain heading in capitals or a page title
        footnote = None
        body = text
        m_fn = _FOOTNOTE.match(text) or _LATEX_FOOTNOTE.match(text)
        if m_fn and not heading:
            footnote = m_fn.group(1).translate(_SUP_TO_DIGIT)
            body = text[m_fn.end():]
        where = section
        if footnote:
            base = section.split(" ", 1)[0] if re.match(r"^\d\.\d ", section) else section
            where = f"{base}, footnote {footnote}"
        blocks.append(Block(i + 1, body, where, region, heading=heading, footnote=footnote))
    return _lost_markers(blocks)


def _lost_markers(blocks: list[Block]) -> list[Block]:
    """A paragraph right after footnote n, when the next numbered footnote is n+2, is footnote n+1 whose
    marker the conversion lost (the spec's 'number you can infer from sequence')."""
    out = list(blocks)
    for k, b in enumerate(out):
        if k == 0 or b.heading or b.footnote or b.region not in ("body", "annex"):
            continue
        prev = out[k - 1]
        if not prev.footnote or prev.region != b.region or not prev.footnote.isdigit():
            continue
        nxt = next((x for x in out[k + 1:] if x.footnote or x.region != b.region), None)
        if nxt is None or nxt.region != b.region or not nxt.footnote.isdigit():
            continue
        n = int(prev.footnote)
        if int(nxt.footnote) == n + 2:
            base = prev.section.rsplit(", footnote", 1)[0]
            out[k] = replace(b, section=f"{base}, footnote {n + 1}", footnote=str(n + 1))
    return out


def domain_of_section(section: str) -> str | None:
    """The domain id a section label belongs to ('2.2, footnote 13' -> whole_of_government), or None."""
    m = re.match(r"^([1-6])\.\d", section)
    if m:
        return DOMAINS[int(m.group(1)) - 1].id
    for d in DOMAINS:
        if section.startswith("Summary of updates") and section.endswith("– " + d.label):
            return d.id
    return None
