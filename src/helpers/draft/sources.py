"""The Key sources list of a profile split into entries, and the entry a citation in the text points at."""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.draft.language import Language, load_language
from helpers.draft.layout import Block
from helpers.draft.text import repair_address, slug

# --- entries --------------------------------------------------------------------------------------

_YEAR_TAG = re.compile(r"^(\d{4}[a-z]?|n\.d\.)\s+")


def organisation_slug(organisation: str) -> str:
    """'National Institute of Statistics and Informatics (INEI)' -> 'inei'; otherwise the whole name."""
    m = re.search(r"\(([A-Za-z0-9]{2,})\)\s*$", organisation)
    return slug(m.group(1)) if m else slug(organisation)


@dataclass
class SourceEntry:
    source_id: str
    organisation: str
    year_tag: str
    title: str
    address: str
    address_as_printed: str
    online: bool
    quote: str
    line: int


def split_entry(rest: str, lang: Language) -> tuple[str, str, bool]:
    """(title, address as printed, online) of a Key sources entry: the words of the language files before an
    address ('Available at', 'Disponible en', 'Disponible à l'adresse', 'Disponível em') and for an entry
    without one ('Not available online', 'No disponible en línea'...)."""
    for words in lang.available_at:
        m = re.search(r"(?:^|\s)" + re.escape(words).replace(r"\ ", r"\s+") + r"\s*:?\s+", rest)
        if m:
            printed = rest[m.end():].strip()
            return rest[:m.start()].strip(), printed[:-1] if printed.endswith(".") else printed, True
    for words in lang.not_online:
        k = rest.find(words)
        if k >= 0:
            return rest[:k].strip(), "", False
    return rest.strip(), "", True


def key_source_entries(blocks: list[Block], lang: Language | None = None) -> list[SourceEntry]:
    """The Key sources list split into entries: heading, year tag, title, address (as printed and repaired)."""
    lang = lang or load_language()
    out: list[SourceEntry] = []
    counts: dict[str, int] = {}
    used: set[str] = set()
    for org, text, line in _entry_texts(blocks, lang):
        counts[org] = counts.get(org, 0) + 1
        m = _YEAR_TAG.match(text)
        year_tag = m.group(1) if m else ""
        rest = text[m.end():] if m else text
        title, printed, online = split_entry(rest, lang)
        tag = year_tag.replace(".", "") if year_tag else str(counts[org])
        sid = f"S-{organisation_slug(org) or 'source'}-{tag}"
        if sid in used:
            sid = f"{sid}-{counts[org]}"
        used.add(sid)
        out.append(SourceEntry(sid, org, year_tag, title.strip(), repair_address(printed) if printed else "",
                               printed, online, text, line))
    return out


_BULLET = r"[•▪◦‣●·–—\ufffd-]"  # \ufffd: a bullet glyph the PDF maps to no character


def _entry_texts(blocks: list[Block], lang: Language) -> list[tuple[str, str, int]]:
    """(organisation, entry text, line) for each Key sources entry: a paragraph holding several bulleted entries
    ('• 2001 … • 2011 …') is cut before each bullet, the bullet dropped, and a paragraph that only carries the
    address of the entry before it ('Available at …', after a page or column break) is joined to it."""
    tag = r"(?:\d{4}[a-z]?|n\.d\.)\s"
    cont = [re.escape(w).replace(r"\ ", r"\s+") for w in lang.available_at + lang.not_online]
    continues = re.compile(r"^(?:" + "|".join(cont) + r")\b") if cont else None
    out: list[tuple[str, str, int]] = []
    for b in blocks:
        if b.region != "key_sources" or b.heading:
            continue
        org = b.organisation or ""
        for piece in re.split(r"\s+(?=" + _BULLET + r"\s+" + tag + ")", b.text):
            piece = re.sub(r"^" + _BULLET + r"\s+(?=" + tag + ")", "", piece.strip())
            if not piece:
                continue
            if out and out[-1][0] == org and (continues is not None and continues.match(piece)
                                              or re.match(r"^(?:https?://|www\.)\S+$", piece)):
                out[-1] = (org, out[-1][1] + " " + piece, out[-1][2])
                continue
            out.append((org, piece, b.line))
    return out


def find_source_id(entries: list[SourceEntry], org: str, tag: str) -> str:
    """The Key sources entry a citation '(INEI, 2010)' points at, when exactly one fits."""
    if not org:
        return ""
    o = org.casefold()
    fits = [e for e in entries if e.organisation.casefold() == o or e.organisation.casefold().startswith(o)
            or organisation_slug(e.organisation) == slug(org)]
    if tag:
        tagged = [e for e in fits if e.year_tag == tag]
        if len(tagged) == 1:
            return tagged[0].source_id
    untagged = [e for e in fits if not e.year_tag]
    if len(fits) == 1 or (len(untagged) == 1 and len(fits) == len(untagged)):
        return fits[0].source_id
    return ""


def short_organisation(entries: list[SourceEntry], org: str) -> str:
    """The abbreviation the Key sources heading gives ('... from Venezuela (R4V)' -> 'R4V'), else as cited."""
    o = org.casefold()
    for e in entries:
        if e.organisation.casefold().startswith(o) and e.organisation.casefold() != o:
            m = re.search(r"\(([A-Za-z0-9]{2,})\)\s*$", e.organisation)
            if m:
                return m.group(1)
    return org



def _cites(organisation: str, cited: str) -> bool:
    o, c = organisation.casefold(), cited.casefold()
    return o == c or o.startswith(c) or organisation_slug(organisation) == slug(cited)


def spelled_out(raw: str, acronym: str, lang: Language | None = None) -> str:
    """'Ministry of Human Resources (MoHR)' where the text spells an acronym out before it in parentheses (the
    small words between its capitalised words are the language files' connectives)."""
    lang = lang or load_language()
    small = "|".join(re.escape(w) for w in sorted(lang.connectives, key=len, reverse=True)) or "(?!)"
    m = re.search(r"((?:[A-Z][\w’'-]*|" + small + r")(?:[ ,]+(?:[A-Z][\w’'-]*|" + small + r")){1,12})"
                  r"\s*\((?:[^()]*?,\s*)?" + re.escape(acronym) + r"\)", raw)
    if not m:
        return ""
    name = re.sub(r"^(?:(?i:" + small + r")\s+)+", "", m.group(1)).strip(" ,")
    return f"{name} ({acronym})" if len(name.split()) >= 2 else ""


def cite_source(f, entries: list[SourceEntry], raw: str) -> None:
    """A figure's source_org as its Key sources heading spells it (the acronym expanded), and the entry it cites
    (source_id) when the citation's year tag, or the heading having one entry, decides it; otherwise source_id
    stays empty with a hint."""
    if not f.source_org:
        return
    cited = f.source_org
    headings = [e for e in entries if _cites(e.organisation, cited)]
    if not headings:
        full = spelled_out(raw, cited) if re.fullmatch(r"[A-Za-z0-9-]{2,12}", cited) else ""
        f.source_org = full or cited
        f.source_tag = ""
        f.hint = "; ".join(filter(None, [f.hint, f"cites '{cited}', not a Key sources heading: source_id left empty"]))
        return
    f.source_org = headings[0].organisation
    f.source_id = find_source_id(entries, cited, f.source_tag)
    if not f.source_id:
        tags = ", ".join(e.year_tag or "no tag" for e in headings)
        f.hint = "; ".join(filter(None, [f.hint, f"'{cited}' has {len(headings)} Key sources entries ({tags}) and "
                                                  "the citation does not say which: choose source_id"]))
