"""Plain-text helpers of the drafting: sentences, web addresses, slugs, numbers and dates."""

from __future__ import annotations

import re
import unicodedata

from helpers.draft.language import load_language

def is_year(s: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", s))


def format_value(v: float) -> str:
    """A plain number: 1200000, 3.36 (never 1.2e6, never '1,200,000')."""
    if float(v).is_integer():
        return str(int(v))
    return repr(float(v))


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


# --- sentences ----------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s+(?=[A-ZÁÉÍÓÚÑ¿¡\"“(*\d])")


def sentences(text: str, abbreviations: frozenset[str] | None = None) -> list[str]:
    """A paragraph cut into sentences; each is an exact substring of the paragraph. A full stop after one of the
    language files' abbreviations ('No.', 'e.g.', 'núm.') does not end a sentence."""
    if abbreviations is None:
        abbreviations = load_language().abbreviations
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start:m.start()]
        last_word = head.rsplit(" ", 1)[-1].lstrip("([“\"")
        if last_word in abbreviations or re.fullmatch(r"[A-Z]\.", last_word):
            continue
        if re.fullmatch(r"[A-Za-zºª°]{1,3}\.", last_word) and text[m.end():m.end() + 1].isdigit():
            continue  # a number mark of any language: "Nr. 77", "Art. 3"
        end = m.start() + len(m.group(0).rstrip())  # keep a closing quote with its sentence
        out.append(text[start:end].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


# --- web addresses ------------------------------------------------------------------------------------

_JOIN_AFTER = re.compile(r"(?:[/\-_=&?#~:]|%[0-9A-Fa-f]{2})$")


def repair_address(printed: str) -> str:
    """The address without the spaces the PDF conversion put inside it.

    'www.cemla. org/x' -> 'www.cemla.org/x'; '%20 in%20' -> '%20in%20'; '/ Static' -> '/Static'. A break after
    a dot is joined only when the next piece starts in lower case or with a digit (so a following sentence
    is not swallowed); the final full stop of the entry is not part of the address.
    """
    pieces = printed.strip().split()
    if not pieces:
        return ""
    out = pieces[0]
    for p in pieces[1:]:
        if _JOIN_AFTER.search(out) or p.startswith("%") or (out.endswith(".") and re.match(r"[a-z0-9]", p)):
            out += p
        else:
            break
    return out[:-1] if out.endswith(".") else out
