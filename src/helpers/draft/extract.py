"""Candidate rows found in a profile's source text by patterns, for a person to review.

Nothing here is final data: every candidate carries its verbatim quote and the cells a pattern can fill
honestly (a number as printed, a year in parentheses, a qualifier word, an address with the conversion's
spaces removed). Cells that need judgement (status, theme, indicator, labels) stay empty.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from helpers.data.domains import DOMAIN_IDS
from helpers.draft.layout import Block, domain_of_section, source_blocks

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH_NUM = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_RE = "|".join(MONTHS)


# --- sentences ----------------------------------------------------------------------------------------

_ABBREVIATIONS = ("No.", "Nos.", "e.g.", "i.e.", "Art.", "p.", "pp.", "Mr.", "Ms.", "Dr.", "St.", "vs.", "n.d.",
                  "approx.", "Tel.", "cf.", "Co.", "Inc.", "N.")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-ZÁÉÍÓÚÑ¿¡\"“(*\d])")


def sentences(text: str) -> list[str]:
    """A paragraph cut into sentences; each is an exact substring of the paragraph."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start:m.start()]
        last_word = head.rsplit(" ", 1)[-1]
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", last_word):
            continue
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


# --- Key sources --------------------------------------------------------------------------------------

_YEAR_TAG = re.compile(r"^(\d{4}[a-z]?|n\.d\.)\s+")


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


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


def key_source_entries(blocks: list[Block]) -> list[SourceEntry]:
    """The Key sources list split into entries: heading, year tag, title, address (as printed and repaired)."""
    out: list[SourceEntry] = []
    counts: dict[str, int] = {}
    used: set[str] = set()
    for b in blocks:
        if b.region != "key_sources" or b.heading:
            continue
        org = b.organisation or ""
        counts[org] = counts.get(org, 0) + 1
        text = b.text
        m = _YEAR_TAG.match(text)
        year_tag = m.group(1) if m else ""
        rest = text[m.end():] if m else text
        online = True
        printed = ""
        if " Available at " in f" {rest} ":
            title, _, printed = rest.partition("Available at ")
            printed = printed.strip()
            printed = printed[:-1] if printed.endswith(".") else printed
        elif "Not available online" in rest:
            title = rest.split("Not available online")[0]
            online = False
        else:
            title = rest
        tag = year_tag.replace(".", "") if year_tag else str(counts[org])
        sid = f"S-{organisation_slug(org) or 'source'}-{tag}"
        if sid in used:
            sid = f"{sid}-{counts[org]}"
        used.add(sid)
        out.append(SourceEntry(sid, org, year_tag, title.strip(), repair_address(printed) if printed else "",
                               printed, online, text, b.line))
    return out


# --- instruments --------------------------------------------------------------------------------------

# (pattern, type, id prefix); longer names first so 'Decree Law' is not read as 'Law'
INSTRUMENT_NAMES: tuple[tuple[str, str, str], ...] = (
    (r"Legislative\s+Decree", "legislative_decree", "LD"),
    (r"Decreto\s+Legislativo", "legislative_decree", "LD"),
    (r"Decree\s+Law", "decree_law", "DLAW"),
    (r"Decreto\s+Ley", "decree_law", "DLAW"),
    (r"Supreme\s+Decree", "supreme_decree", "SD"),
    (r"Decreto\s+Supremo", "supreme_decree", "SD"),
    (r"(?:Emergency|Urgency)\s+Decree", "emergency_decree", "EMD"),
    (r"Decreto\s+de\s+Urgencia", "emergency_decree", "EMD"),
    (r"Ministerial\s+Resolution", "ministerial_resolution", "MR"),
    (r"Resoluci[óo]n\s+Ministerial", "ministerial_resolution", "MR"),
    (r"(?:Superintendency|Migration\s+Authority)\s+Resolution", "superintendency_resolution", "RS"),
    (r"Resoluci[óo]n\s+(?:de\s+)?Superintendencia", "superintendency_resolution", "RS"),
    (r"(?:Andean\s+)?Decision", "andean_decision", "CAN-DEC"),
    (r"Decisi[óo]n", "andean_decision", "CAN-DEC"),
    (r"Communiqu[ée]", "communique", "COMMUNIQUE"),
    (r"Comunicado", "communique", "COMMUNIQUE"),
    (r"Expediente", "court_ruling", "TC"),
    (r"Law", "law", "LAW"),
    (r"Ley", "law", "LAW"),
)
_NUMBER_MARK = r"(?:No\.|Nos\.|Nº\.?|N°\.?|N\.\s?º|number)"
_NUMBER = r"\d+(?:[-/]\d+)*(?:-?[A-Za-z]+(?:[-/][A-Za-z]+)*)?"
_INSTRUMENT = re.compile(
    r"(?<![\w-])(?P<name>" + "|".join(f"(?:{p})" for p, _, _ in INSTRUMENT_NAMES) + r")"
    r"(?:\s+(?P<mark>" + _NUMBER_MARK + r"))?\s*(?P<number>" + _NUMBER + r")(?![\w-])")
_YEAR_PAREN = re.compile(r"^\s*\((?P<year>(?:19|20)\d{2})\)")
_TITLE_YEAR_PAREN = re.compile(r"^\s*\((?P<title>[^()]{4,}?)(?:,\s*(?P<year>(?:19|20)\d{2}))?\)(?:\s*\((?P<year2>(?:19|20)\d{2})\))?")
_OF_DATE = re.compile(r"^\s*\(?of\s+(?:\d{1,2}\s+)?(?:(?:" + _MONTH_RE + r")\s+)?(?P<year>(?:19|20)\d{2})\)?")
_ADOPTED = re.compile(r"^\s+(?:was|were)\s+(?:adopted|approved|enacted|issued|promulgated|published)\s+"
                      r"in\s+(?:(?:" + _MONTH_RE + r")\s+)?(?P<year>(?:19|20)\d{2})\b")
_OR_TITLE = re.compile(r"^,?\s+or\s+the\s+(?P<title>[A-Z][^,;()]{3,}?)\s*\((?P<year>(?:19|20)\d{2})\)")
_ON_TITLE = re.compile(r"^\s+on\s+the\s+(?P<title>[A-Z][^,;().]{3,}?)\s*(?=[,;.(]|$)"
                       r"(?:\((?:[^(),]*,\s*)?(?P<year>(?:19|20)\d{2})\))?")

ISSUING_SUFFIXES = {
    "IN": "Ministry of the Interior", "MINSA": "Ministry of Health", "RE": "Ministry of Foreign Affairs",
    "TR": "Ministry of Labour and Employment Promotion", "PCM": "Presidency of the Council of Ministers",
    "MIMP": "Ministry of Women and Vulnerable Populations", "MIGRACIONES": "National Migration Authority",
    "SUNAFIL": "National Superintendency of Labour Inspection",
}


def _kind(name: str) -> tuple[str, str]:
    for pattern, typ, prefix in INSTRUMENT_NAMES:
        if re.fullmatch(pattern, name):
            return typ, prefix
    raise ValueError(name)  # pragma: no cover - the regex only matches declared names


def normalize_number(number: str) -> str:
    """The number as a comparable key: upper case, '/' as '-', no spaces ('00016-2020-PI/TC' -> '00016-2020-PI-TC')."""
    return re.sub(r"\s+", "", number).upper().replace("/", "-")


def numbers_match(a: str, b: str) -> bool:
    """Same number, or one is the other with an issuing-body suffix ('000104-2020' ~ '000104-2020-MIGRACIONES')."""
    a, b = normalize_number(a), normalize_number(b)
    if not a or not b:
        return False
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _is_year(s: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", s))


def _bare_number_ok(number: str) -> bool:
    """Without 'No.' only a hyphenated number ('007-2017-IN') or three or more digits that are not a year
    ('Decisión 545') are read as an instrument number."""
    if "-" in number or "/" in number:
        return True
    return number.isdigit() and len(number) >= 3 and not _is_year(number)


@dataclass
class Mention:
    type: str
    prefix: str
    number: str
    printed: str  # the words as printed: 'Supreme Decree No. 010-2020-IN'
    year: str
    title: str
    section: str
    quote: str
    line: int
    key_sources: bool
    start: int = 0  # where the mention starts in its quote


def instrument_mentions(blocks: list[Block]) -> list[Mention]:
    """Every mention of a numbered legal instrument (English or Spanish naming), in order of appearance."""
    out: list[Mention] = []
    for b in blocks:
        if b.heading or b.region == "front":
            continue
        # a Key sources entry is read up to its address, so that words inside a URL are not taken for names
        units = [b.text.split(" Available at ")[0]] if b.region == "key_sources" else sentences(b.text)
        for sent in units:
            for m in _INSTRUMENT.finditer(sent):
                typ, prefix = _kind(m.group("name").replace("\n", " "))
                number = m.group("number")
                if not m.group("mark") and not _bare_number_ok(number):
                    continue
                if typ == "law" and re.search(r"(?:Decree|Decreto)\s*$", sent[:m.start()]):
                    continue
                after = sent[m.end():]
                year, title = "", ""
                for pat in (_YEAR_PAREN, _OF_DATE, _OR_TITLE, _ON_TITLE, _TITLE_YEAR_PAREN):
                    mm = pat.match(after)
                    if not mm:
                        continue
                    gd = mm.groupdict()
                    year = gd.get("year") or gd.get("year2") or ""
                    title = (gd.get("title") or "").strip()
                    if title and _is_year(title):
                        title = ""
                    break
                if not year:
                    adopted = _ADOPTED.match(after)
                    year = adopted.group("year") if adopted else ""
                out.append(Mention(typ, prefix, number, m.group(0), year, title, b.section, sent, b.line,
                                   b.region == "key_sources", m.start()))
    return out


@dataclass
class InstrumentCandidate:
    instrument_id: str
    type: str
    number: str
    year: str = ""
    title_en: str = ""
    title_es: str = ""
    domains: list[str] = field(default_factory=list)
    section: str = ""
    evidence: str = ""
    printed: str = ""
    mentions: int = 0
    sections: list[str] = field(default_factory=list)
    hint: str = ""


def instrument_candidates(blocks: list[Block]) -> list[InstrumentCandidate]:
    """One candidate per distinct numbered instrument: its first body mention (Key sources if only there)."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    order: list[tuple[str, str]] = []
    for mn in instrument_mentions(blocks):
        key = None
        for k in order:  # the same instrument printed with or without its issuing-body suffix
            if k[0] == mn.type and numbers_match(k[1], mn.number):
                key = k
                break
        if key is None:
            key = (mn.type, normalize_number(mn.number))
            order.append(key)
            groups[key] = []
        groups[key].append(mn)
    out: list[InstrumentCandidate] = []
    by_number: dict[str, set[str]] = {}
    for typ, num in order:
        by_number.setdefault(num, set()).add(typ)
    for key in order:
        ms = groups[key]
        body = [m for m in ms if not m.key_sources]
        first = (body or ms)[0]
        longest = max((m.number for m in ms), key=len)
        number = longest.upper() if re.search(r"[a-z]", longest) and re.search(r"[A-Z]", longest) else longest
        hints = []
        years = [m.year for m in body if m.year] or [m.year for m in ms if m.year]
        year = years[0] if years else ""
        if not year:
            inner = [p for p in re.split(r"[-/]", number) if _is_year(p)]
            if inner:
                year = inner[0]
                hints.append("year read from the number")
        if len(set(years)) > 1:
            hints.append("mentions give different years: " + ", ".join(sorted(set(years))))
        numbers = sorted({m.number for m in ms})
        if len(numbers) > 1:
            hints.append("printed as " + " / ".join(numbers))
        suffix = re.search(r"-([A-Za-z]+)$", number)
        if suffix and suffix.group(1).upper() in ISSUING_SUFFIXES:
            hints.append(f"suffix -{suffix.group(1).upper()} usually means {ISSUING_SUFFIXES[suffix.group(1).upper()]}"
                         " (fill issuing_body only if the profile names it)")
        ks = [m for m in ms if m.key_sources and m.start <= 6]  # an entry about this instrument, not naming it
        title_es = ""
        if ks:
            rest = ks[0].quote.split(" Available at ")[0].split(" Not available online")[0]
            rest = _YEAR_TAG.sub("", rest)
            title_es = rest.rstrip(". ")
        domains = []
        for m in ms:
            d = domain_of_section(m.section)
            if d and d not in domains:
                domains.append(d)
        domains.sort(key=DOMAIN_IDS.index)
        title_en = next((m.title for m in body if m.title), "")
        if not body:
            hints.append("named only in Key sources")
        if len(by_number.get(key[1], ())) > 1:
            others = sorted(by_number[key[1]] - {key[0]})
            hints.append(f"the same number is also printed as another type ({', '.join(others)}): "
                         "one instrument or two? (record a contradiction in errata.csv)")
        sections = []
        for m in ms:
            if m.section not in sections:
                sections.append(m.section)
        out.append(InstrumentCandidate(
            instrument_id=f"{first.prefix}-{normalize_number(number)}", type=first.type, number=number, year=year,
            title_en=title_en, title_es=title_es, domains=domains, section=first.section, evidence=first.quote,
            printed=first.printed, mentions=len(ms), sections=sections, hint="; ".join(hints)))
    return out


# --- figures ------------------------------------------------------------------------------------------

_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100})
UNIT_WORDS: dict[str, str] = {
    "people": "persons", "persons": "persons", "migrants": "persons", "refugees": "persons",
    "nationals": "persons", "individuals": "persons", "inhabitants": "persons",
    "year": "years", "years": "years", "month": "months", "months": "months", "day": "days", "days": "days",
    "countries": "countries", "country": "countries", "states": "countries",
    "agreements": "agreements", "treaties": "agreements", "conventions": "agreements",
    "entities": "entities", "institutions": "entities", "sectors": "entities", "representations": "entities",
    "organizations": "entities", "organisations": "entities", "bodies": "entities", "agencies": "entities",
    "ministries": "entities", "authorities": "entities", "offices": "entities",
    "indicators": "indicators", "questions": "questions", "domains": "domains", "dimensions": "domains",
}
_TIME_UNITS = {"year", "years", "month", "months", "day", "days"}
QUALIFIER_WORDS: tuple[tuple[str, str], ...] = (
    ("more than", "over"), ("over", "over"), ("above", "over"), ("exceeding", "over"),
    ("approximately", "about"), ("approx.", "about"), ("about", "about"), ("around", "about"),
    ("roughly", "about"), ("nearly", "about"), ("almost", "about"), ("some", "about"),
    ("up to", "up_to"), ("within a period of", "up_to"), ("within", "up_to"), ("limited to", "up_to"),
    ("a maximum of", "up_to"), ("at most", "up_to"), ("no more than", "up_to"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("under", "less_than"), ("below", "less_than"),
)
_SKIP_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Nº|N°|article|articles|page|pages|footnote|footnotes|target|session|box|isbn|decree|law|"
    r"resolution|decision|communiqué|comunicado|ley|decreto|sentencia|expediente|pliego|chapter|paragraph|"
    r"annex|step|phase|goal|sdg|level|number)\.?\s*)$", re.IGNORECASE)
_DIGITS = re.compile(r"(?<![\w/\-–.,%#$^{}+*])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w/\-–%}$^*]|\.\*)")
_SCALE = re.compile(r"^\s+(million|billion|thousand)\b", re.IGNORECASE)
_PERCENT = re.compile(r"^\s*(?:per\s*cent|percent|%)", re.IGNORECASE)
_AS_OF = re.compile(r"\bas of\s+(?:(?P<month>" + _MONTH_RE + r")\s+)?(?P<year>(?:19|20)\d{2})", re.IGNORECASE)
_IN_DATE = re.compile(r"\bin\s+(?:the\s+)?(?:(?P<month>" + _MONTH_RE + r")\s+)?(?P<year>(?:19|20)\d{2})\b")
_CITED = re.compile(r"\((?P<org>[A-Z][^(),]{1,80}?),\s*(?P<tag>(?:19|20)\d{2}[a-z]?|n\.d\.)\)")
_ACCORDING = re.compile(r"according to (?:reports from |the website of |data from )?(?:the )?"
                        r"(?P<org>[A-Z][^,.()]{2,120}?)(?:\s*\((?P<tag>(?:19|20)\d{2}[a-z]?)\))?(?=[,.;]|$)")


@dataclass
class FigureCandidate:
    value: float
    unit: str
    qualifier: str
    reference_date: str
    source_org: str
    source_tag: str
    section: str
    evidence: str
    context: str
    hint: str = ""
    source_id: str = ""

    @property
    def value_text(self) -> str:
        return format_value(self.value)


def format_value(v: float) -> str:
    """A plain number: 1200000, 3.36 (never 1.2e6, never '1,200,000')."""
    if float(v).is_integer():
        return str(int(v))
    return repr(float(v))


def _date(month: str | None, year: str) -> str:
    return f"{year}-{_MONTH_NUM[month.lower()]:02d}" if month else year


def _qualifier(before: str, sentence: str) -> str:
    tail = before.lower().rstrip()
    for words, q in QUALIFIER_WORDS:
        if re.search(r"(?:^|\W)" + re.escape(words) + r"$", tail):
            return q
    return "estimated" if re.search(r"\bestimat", sentence, re.IGNORECASE) else "exact"


def _unit(after: str, sentence: str, previous: str) -> str:
    if _PERCENT.match(after):
        return "percent"
    words = re.findall(r"[A-Za-z]+", after[:60])
    for w in words[:4]:
        if w.lower() in UNIT_WORDS:
            return UNIT_WORDS[w.lower()]
    m = re.search(r"\bnumber of (\w+)", sentence, re.IGNORECASE)
    if m and m.group(1).lower() in UNIT_WORDS:
        return UNIT_WORDS[m.group(1).lower()]
    if previous:
        return previous
    if re.search(r"\bpopulation\b", sentence, re.IGNORECASE):
        return "persons"
    return ""


def _figure_spans(sentence: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, kind) for each figure in a sentence: digits, or a number word before a unit."""
    spans = []
    for m in _DIGITS.finditer(sentence):
        raw = m.group(0)
        after = sentence[m.end():]
        before = sentence[:m.start()]
        if re.match(r"^\.\d", after):  # part of a dotted code (41.22.717)
            continue
        if re.match(r"^(?:st|nd|rd|th)\b", after):
            continue
        if _SKIP_BEFORE.search(before):
            continue
        value = float(raw.replace(",", ""))
        scale = _SCALE.match(after)
        unit_after = re.match(r"^\s+([A-Za-z]+)", after)
        if "," not in raw and "." not in raw and _is_year(raw) and not scale and not _PERCENT.match(after) and (
                not (unit_after and unit_after.group(1).lower() in UNIT_WORDS)
                or re.search(r"\b(?:" + _MONTH_RE + r"|in|since|of|by|until|to)\s+$", before)):
            continue  # a year is a date, not a figure
        if value <= 31 and re.match(r"^\s+(?:" + _MONTH_RE + r")\b", after):
            continue  # the day of a date
        end = m.end()
        if scale:
            value *= {"million": 1e6, "billion": 1e9, "thousand": 1e3}[scale.group(1).lower()]
            end += scale.end()
        spans.append((m.start(), end, value, "digits"))
    for m in re.finditer(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b", sentence, re.IGNORECASE):
        after = sentence[m.end():]
        nxt = re.findall(r"[A-Za-z]+", after[:40])[:3]
        word = m.group(1).lower()
        units = [w.lower() for w in nxt if w.lower() in UNIT_WORDS]
        if not units or (word == "one" and units[0] not in _TIME_UNITS):
            continue
        # the unit must come right after the number or after one adjective ('four member countries')
        if nxt[0].lower() not in UNIT_WORDS and (len(nxt) < 2 or nxt[1].lower() not in UNIT_WORDS):
            continue
        spans.append((m.start(), m.end(), float(_WORD_NUMBERS[word]), "words"))
    return sorted(spans)


def figure_candidates(blocks: list[Block]) -> list[FigureCandidate]:
    """Every figure in the prose (not the front matter, headings or Key sources), one per number."""
    out: list[FigureCandidate] = []
    for b in blocks:
        if b.heading or b.region in ("front", "key_sources") or len(b.text.split()) < 4:
            continue
        for sent in sentences(b.text):
            spans = _figure_spans(sent)
            previous_unit = ""
            as_of = _AS_OF.search(sent)
            for k, (start, end, value, kind) in enumerate(spans):
                before, after = sent[:start], sent[end:]
                next_start = spans[k + 1][0] if k + 1 < len(spans) else len(sent)
                local = sent[end:next_start]
                date = ""
                hint = []
                m_local = _IN_DATE.search(local)
                if m_local:
                    date = _date(m_local.group("month"), m_local.group("year"))
                elif as_of:
                    date = _date(as_of.group("month"), as_of.group("year"))
                else:
                    m_any = _IN_DATE.search(sent)
                    if m_any:
                        date = _date(m_any.group("month"), m_any.group("year"))
                        hint.append("reference date taken from elsewhere in the sentence")
                unit = _unit(after, sent, previous_unit)
                previous_unit = unit or previous_unit
                org, tag = "", ""
                m_cite = _CITED.search(after) or _ACCORDING.search(after)
                if m_cite:
                    org, tag = m_cite.group("org").strip(), (m_cite.group("tag") or "")
                ctx_start = max(0, start - 40)
                context = ("…" if ctx_start else "") + sent[ctx_start:start] + "[" + sent[start:end] + "]" + \
                    sent[end:end + 40] + ("…" if end + 40 < len(sent) else "")
                if kind == "words":
                    hint.append("number written in words")
                out.append(FigureCandidate(value, unit, _qualifier(before, sent), date, org, tag, b.section, sent,
                                           context, "; ".join(hint)))
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


# --- everything at once -------------------------------------------------------------------------------

@dataclass
class Draft:
    blocks: list[Block]
    instruments: list[InstrumentCandidate]
    figures: list[FigureCandidate]
    sources: list[SourceEntry]


def draft_from_text(raw: str) -> Draft:
    blocks = source_blocks(raw)
    sources = key_source_entries(blocks)
    figures = figure_candidates(blocks)
    for f in figures:
        if not f.source_org:
            continue
        if not any(_cites(e.organisation, f.source_org) for e in sources):
            f.hint = "; ".join(filter(None, [f.hint, f"cites '{f.source_org}', not a Key sources heading"]))
            f.source_org, f.source_tag = "", ""
            continue
        f.source_id = find_source_id(sources, f.source_org, f.source_tag)
        f.source_org = short_organisation(sources, f.source_org)
    return Draft(blocks, instrument_candidates(blocks), figures, sources)


def _cites(organisation: str, cited: str) -> bool:
    o, c = organisation.casefold(), cited.casefold()
    return o == c or o.startswith(c) or organisation_slug(organisation) == slug(cited)
