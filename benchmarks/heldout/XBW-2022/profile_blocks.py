"""Read a held-out profile text (one paragraph a line) into typed blocks for the PDF generators.

Shared by make_pdf_libreoffice.py and make_pdf_reportlab.py; it does not use any code of mgi-profiles.
"""
import re
from pathlib import Path

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPMAP = {c: str(i) for i, c in enumerate(SUP)}
FN_RE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+) (.*)$")
MARK_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
URL_RE = re.compile(r"(https?://[^\s]+|www\.[^\s]+)")
MAJOR = ("OBJECTIVE", "INTRODUCTION", "CONCEPTUAL FRAMEWORK", "SUMMARY OF UPDATES", "MAIN FINDINGS", "KEY FINDINGS",
         "COVID-19", "KEY SOURCES", "MIGRATION GOVERNANCE AND", "ANNEX", "METHODOLOGY", "COUNTRY CONTEXT")


def sup_to_int(s):
    return int("".join(SUPMAP[c] for c in s))


def is_caps(s):
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def load(folder):
    folder = Path(folder)
    txt = sorted(folder.glob("mgi-*.txt"))[0]
    lines = [ln.rstrip("\n") for ln in txt.read_text(encoding="utf-8").split("\n")]
    lines = [ln for ln in lines if ln.strip()]
    notice = lines[0]
    i = 1
    imprint = []
    while "|" not in lines[i]:
        imprint.append(lines[i])
        i += 1
    country_line = lines[i]
    title_line = lines[i + 1]
    i += 2
    if lines[i].startswith("TABLE OF CONTENTS"):
        i += 1
        while " // " in lines[i]:
            i += 1
    blocks, footnotes = [], {}
    section = None
    for ln in lines[i:]:
        s = ln.strip()
        m = FN_RE.match(s)
        if m:
            n = sup_to_int(m.group(1))
            footnotes[n] = m.group(2)
            blocks.append(("fn", n, m.group(2)))
            continue
        if is_caps(s) and len(s) < 140 and not s.startswith("- "):
            if s.startswith(MAJOR) or any(s.startswith(p) for p in MAJOR):
                section = s
                blocks.append(("h1", s))
            else:
                blocks.append(("h2", s))
            continue
        if section and section.startswith("KEY SOURCES"):
            body = s[2:] if s.startswith("- ") else s
            if s.startswith("- ") or " Available at " in body or body.endswith("Not available online."):
                blocks.append(("src_item", body, s.startswith("- ")))
            else:
                blocks.append(("src_org", s))
            continue
        if re.match(r"^\d\. [A-Z]", s) and not s.endswith("."):
            blocks.append(("h2", s))
            continue
        if re.match(r"^\d+\.\d+\.? ", s) or (s.endswith("?") and len(s) < 160):
            blocks.append(("h3", s))
            continue
        if section and (section.startswith("SUMMARY") or section.startswith("MAIN FINDINGS") or section.startswith("KEY FINDINGS")) \
                and len(s) < 70 and not s.endswith(".") and not s.endswith(":"):
            blocks.append(("h3", s))
            continue
        if len(s) < 70 and not s.endswith((".", ":", ";")) and section and section.startswith("COVID"):
            blocks.append(("h3", s))
            continue
        blocks.append(("p", s))
    return {"notice": notice, "imprint": imprint, "country_line": country_line, "title_line": title_line,
            "blocks": blocks, "footnotes": footnotes, "txt": txt}


def split_inline(s):
    """Yield (kind, text) with kind in text/italic/url/mark."""
    pos = 0
    pat = re.compile(r"(\*[^*]+\*)|(https?://[^\s]+[^\s.,;)]|www\.[^\s]+[^\s.,;)])|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
    for m in pat.finditer(s):
        if m.start() > pos:
            yield ("text", s[pos:m.start()])
        if m.group(1):
            yield ("italic", m.group(1)[1:-1])
        elif m.group(2):
            yield ("url", m.group(2))
        else:
            yield ("mark", m.group(3))
        pos = m.end()
    if pos < len(s):
        yield ("text", s[pos:])
