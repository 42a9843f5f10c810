"""Where each paragraph of a profile's source text sits: its section label, footnote number and region.

The drafting of candidate rows (helpers.draft.extract) needs the `section` value the extraction spec
asks for ('2.2, footnote 13', 'Summary of updates since 2019 – Migrants' rights', 'Key sources – INEI');
the PDF conversion lost most layout, so the labels are recovered from the headings that survived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from functools import lru_cache

from helpers.data.domains import DOMAIN_IDS, DOMAINS
from helpers.data.quotes import collapse
from helpers.data.vocab import SECTION_LABELS as SECTION
from helpers.draft.language import Language, load_language, normalise_heading

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s*")
_LATEX_FOOTNOTE = re.compile(r"^\$\^[^$]*?(\d+)[^$]*\$\s*(?:\$\\,\$\s*)?")  # '$^{^{\rm 6}}$ $\,$' from the PDF
SUMMARY_PREFIX = SECTION["summary"].split("{")[0].strip()  # 'Summary of updates since'


@lru_cache(maxsize=16)
def _layout_patterns(lang: Language) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(numbered section heading, words of a Key sources entry, a printed heading prefix) from the language files."""
    prefixes = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in lang.printed_prefixes) or "(?!)"
    numbered = re.compile(r"^([1-6])\.([1-9])\.?\s+(?:(?i:" + prefixes + r")\s*)?(.+)$")
    words = [re.escape(w).replace(r"\ ", r"\s+") for w in lang.available_at + lang.not_online]
    entry = re.compile(r"\b(?:" + "|".join(words) + r")\b" if words else "(?!)")
    return numbered, entry, re.compile(r"^(?:" + prefixes + r")\s*", re.IGNORECASE)


def _entry_rx() -> re.Pattern:
    return _layout_patterns(load_language())[1]
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
    domain: str | None = None  # the domain whose section the block is in
    kind: str | None = None  # for a finding paragraph: update_since_baseline, well_developed, further_development
    summary_year: str | None = None  # the year of 'Summary of updates since <year>', once seen


_BULLETED = re.compile(r"^[•▪◦‣●·–—\ufffd]\s+")  # a bullet the PDF printed ('\ufffd': a glyph with no character)
_ADDRESS_LINE = re.compile(r"^(?:https?://|www\.)\S+$")  # the rest of an address a line break moved on


def is_boilerplate(b: "Block") -> bool:
    """The MGI method's own text, the same in every profile (introduction, conceptual framework, the MiGOF annex):
    read for the country's figures, never for instruments, partnerships or findings."""
    return b.region == "annex" or b.section.startswith((SECTION["introduction"], SECTION["conceptual_framework"]))


def is_key_source_entry(text: str) -> bool:
    t = _BULLETED.sub("", collapse(text))
    return bool(_entry_rx().search(t)) or t.startswith("- ") or bool(_YEAR_TAG.match(t)) or \
        bool(_ADDRESS_LINE.match(t))


def _is_org_heading(text: str) -> bool:
    t = collapse(text)
    return (0 < len(t.split()) <= 15 and not _entry_rx().search(t) and not t.startswith("- ")
            and not t.endswith(".") and t[:1].isupper() and not _FOOTNOTE.match(t))


def key_sources_lines(lines: list[str]) -> dict[int, str]:
    """0-based line index -> organisation heading, for every entry of the Key sources list.

    The list is the longest run of lines that are entries ('... Available at ...', '- ...', a year tag) or
    organisation headings directly followed by an entry; a 'KEY SOURCES' heading, when it survived the
    conversion, is where the search starts.
    """
    nonblank = [i for i, s in enumerate(lines) if s.strip()]
    start = 0
    lang = load_language()
    for i in nonblank:
        line = collapse(lines[i])
        if line.upper() == line and lang.heading_kind(normalise_heading(line)[1]) is not None \
                and lang.heading_kind(normalise_heading(line)[1])[0] == "key_sources" and len(line.split()) <= 3:
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
        elif i is not None and is_key_source_entry(text) and (org is not None or _entry_rx().search(text)):
            run[i] = org or ""
            entries += 1
        else:
            if entries >= 3 and entries > best_entries:
                best, best_entries = run, entries
            run, org, entries = {}, None, 0
    return best


def join_address_breaks(lines: list[str]) -> list[str]:
    """A web address broken onto the next line ('.../notices/' + 'extension-of-permits-2020.') joined to its
    entry; the emptied line keeps the line numbers. The joined text is what the collapsed source reads."""
    out = list(lines)
    for i in range(1, len(out)):
        prev, cur = out[i - 1].rstrip(), out[i].strip()
        if cur and prev and " " not in cur and re.search(r"(?:https?://|www\.)\S*$", prev) \
                and (re.search(r"[/\-_=&?#.]$", prev) or cur[:1].islower() or cur[:1].isdigit()):
            out[i - 1], out[i] = prev + " " + cur, ""
    return out


def _is_heading_like(text: str) -> bool:
    t = re.sub(r"[*_#]+", "", text).strip().rstrip(SUPERSCRIPTS)
    return 0 < len(t.split()) <= 25 and not t.endswith((".", ";", ",")) and not _FOOTNOTE.match(t) \
        and not _entry_rx().search(t)


def _is_subheading(text: str, following: str) -> bool:
    """A thematic subheading inside a findings section ('**Access to health**'): a short line without a full
    stop, followed by a paragraph."""
    t = re.sub(r"[*_#]+", "", text).strip().rstrip(SUPERSCRIPTS)
    return (0 < len(t.split()) <= 12 and not t.endswith((".", ";", ",", ":")) and t[:1].isupper()
            and len(following.split()) > len(t.split()) + 6 and not _FOOTNOTE.match(t) and " // " not in t)


def _printed_heading(text: str) -> str:
    """The heading as printed without Markdown markers and numbering."""
    t = re.sub(r"[*_#]+", "", text).strip()
    return re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s*[:–—-]?\s*", "", t).strip()


def _starts_findings(text: str, lang: Language) -> bool:
    """Is this line a well-developed / further-development heading (so the line before is a domain heading)?"""
    if not _is_heading_like(text):
        return False
    found = lang.heading_kind(lang.strip_prefixes(normalise_heading(text)[1]))
    return bool(found) and found[0] in ("well_developed", "further_development")


def source_blocks(raw: str, lang: Language | None = None) -> list[Block]:
    """Every non-empty line of the source with where it is: section, region, domain and kind of finding."""
    lang = lang or load_language()
    lines = join_address_breaks(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    ks = key_sources_lines(lines)
    nonblank = [i for i, s in enumerate(lines) if s.strip()]
    next_line = {a: collapse(lines[b]) for a, b in zip(nonblank, nonblank[1:])}
    blocks: list[Block] = []
    numbered_rx, _, printed_prefix = _layout_patterns(lang)
    section, region = SECTION["front"], "front"
    summary_year: str | None = None
    mode = ""  # "summary", "findings" or "" (what the paragraphs under the current heading are)
    domain: str | None = None
    kind: str | None = None
    base = ""  # section label of the current findings heading, before any thematic subheading
    for i, raw_line in enumerate(lines):
        text = collapse(raw_line)
        if not text:
            continue
        if i in ks:
            value = ks[i]
            if value.startswith(HEADING):
                org = value[len(HEADING):]
                blocks.append(Block(i + 1, text, f"{SECTION['key_sources']} – {org}", "key_sources", heading=True,
                                    organisation=org))
            else:
                blocks.append(Block(i + 1, text[2:] if text.startswith("- ") else text,
                                    f"{SECTION['key_sources']} – {value}" if value else SECTION["key_sources"],
                                    "key_sources",
                                    organisation=value or None))
            section, region, mode, domain, kind = SECTION["key_sources"], "key_sources", "", None, None
            continue
        heading = False
        upper = text.upper()
        number, normal = normalise_heading(text)
        normal = lang.strip_prefixes(normal)
        found = lang.heading_kind(normal) if _is_heading_like(text) else None
        what = found[0] if found else None
        dom = lang.domain_of_heading(normal) if _is_heading_like(text) and not found else None
        covid_caps = bool(lang.covid_caps and lang.covid_caps.search(upper)) and text == upper and len(text) < 160
        if " // " in text:  # table of contents
            heading = True
        elif what in ("introduction", "conceptual_framework", "competences"):
            section = SECTION[what]
            region, mode, heading, domain, kind = "body", "", True, None, None
        elif what == "summary":
            summary_year = found[1].groupdict().get("year") or summary_year
            section = SECTION["summary"].format(year=summary_year) if summary_year else _printed_heading(text)
            region, mode, heading, domain, kind = "body", "summary", True, None, "update_since_baseline"
            base = section
        elif dom and mode == "summary" and not number and not _starts_findings(next_line.get(i, ""), lang):
            domain, heading = dom, True
            section = base = f"{base.split(' – ')[0]} – {DOMAINS[DOMAIN_IDS.index(dom)].label}"
        elif what in ("well_developed", "further_development"):
            m_dom = re.fullmatch(r"([1-6])\.([1-9])", number)
            if m_dom:
                domain = DOMAINS[int(m_dom.group(1)) - 1].id
            kind, mode, region, heading = what, "findings", "body", True
            printed = _printed_heading(text)
            printed = printed_prefix.sub("", printed)
            if m_dom:
                section = f"{number} {printed}"
            elif domain:
                section = f"{printed} – {DOMAINS[DOMAIN_IDS.index(domain)].label}"
            else:
                section = printed
            base = section
        elif dom:
            domain, kind, mode, region, heading = dom, None, "", "body", True
            section = base = DOMAINS[DOMAIN_IDS.index(dom)].label
        elif what == "covid_annex" or covid_caps:
            section, region, mode, heading, domain, kind = SECTION["covid_annex"], "body", "covid", True, None, None
        elif what == "annex" or (not what and (lang.heading_kind(normal) or ("",))[0] == "annex"):
            section, region, mode, heading, domain, kind = SECTION["annex"], "annex", "", True, None, None
        elif what == "key_sources":
            section, region, mode, heading, domain, kind = SECTION["key_sources"], "key_sources", "", True, None, None
        elif (m_num := numbered_rx.match(text)) and len(m_num.group(3).split()) <= 12 \
                and not m_num.group(3).endswith("."):
            section = f"{m_num.group(1)}.{m_num.group(2)} {m_num.group(3).strip()}"
            region, mode, heading, kind = "body", "", True, None
            domain = DOMAINS[int(m_num.group(1)) - 1].id
        elif text == upper and any(c.isalpha() for c in text):
            heading = True  # a page title or running header in capitals
        elif mode in ("findings", "summary") and _is_subheading(text, next_line.get(i, "")):
            heading = True
            section = f"{base} – {_printed_heading(text)}"
        footnote = None
        body = text
        m_fn = _FOOTNOTE.match(text) or _LATEX_FOOTNOTE.match(text)
        if m_fn and not heading:
            footnote = m_fn.group(1).translate(_SUP_TO_DIGIT)
            body = text[m_fn.end():]
        where = section
        if footnote:
            head = section.split(" ", 1)[0] if re.match(r"^\d\.\d ", section) else section
            where = SECTION["footnote"].format(section=head, number=footnote)
        in_findings = mode in ("findings", "summary") and not heading
        blocks.append(Block(i + 1, body, where, region, heading=heading, footnote=footnote,
                            domain=domain if region != "key_sources" else None,
                            kind=kind if in_findings else None,
                            summary_year=summary_year))
    return _lost_markers(blocks)


def is_mgi_profile(blocks: list[Block]) -> bool:
    """True when the text has the MGI structure: findings headings in at least two domains."""
    domains = {b.domain for b in blocks if b.kind and b.domain}
    return len(domains) >= 2


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
            base = prev.section.rsplit(SECTION["footnote"].format(section="", number=""), 1)[0]
            out[k] = replace(b, section=SECTION["footnote"].format(section=base, number=n + 1), footnote=str(n + 1),
                             kind=None)
    return out


def domain_of_section(section: str) -> str | None:
    """The domain id a section label belongs to ('2.2, footnote 13' -> whole_of_government), or None."""
    m = re.match(r"^([1-6])\.\d", section)
    if m:
        return DOMAINS[int(m.group(1)) - 1].id
    for d in DOMAINS:
        if section.startswith(SUMMARY_PREFIX) and section.endswith("– " + d.label):
            return d.id
    return None
