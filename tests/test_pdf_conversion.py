"""helpers.draft.pdf on print PDFs made by a real layout engine from fictional texts (tests/pdf_samples.py):
the converted text must give back the source's paragraphs, one per line, whatever the columns, pages,
running heads, hyphenation and footnotes did to them. Each test first checks that its fixture really has
the difficulty it is about (read back with pdfminer.six's own layout analysis), so none passes vacuously."""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version

import pytest

from helpers.draft.pdf import Options, convert_pdf
from helpers.draft.pdf.joining import Vocabulary, join, render
from helpers.draft.pdf.reading import NORMALISE
from pdf_samples import (
    HARD_TITLE, URL, broken_words, hard_paragraphs, hard_pdf, layout_lines, profile_pdf, running_title,
    source_text, where,
)
from printed_profile import paragraphs

PROFILES = ["XEX-2019", "XEX-2022"]


@pytest.fixture(scope="module", params=PROFILES)
def profile(request):
    pid = request.param
    pdf = profile_pdf(pid)
    return pid, pdf, convert_pdf(pdf)


@pytest.fixture(scope="module")
def hard():
    pdf = hard_pdf("auto")
    return pdf, convert_pdf(pdf)


@pytest.fixture(scope="module")
def hard_manual():
    pdf = hard_pdf("manual")
    return pdf, convert_pdf(pdf)


def test_every_source_paragraph_comes_back_as_one_line(profile):
    pid, pdf, conv = profile
    expected = paragraphs(source_text(pid))
    assert conv.paragraphs == [p for p in conv.text.split("\n\n") if p.strip()] or conv.text.endswith("\n")
    missing = [p for p in expected if p not in conv.paragraphs]
    assert missing == [], f"{pid}: source paragraphs not found as converted paragraphs"
    assert len(conv.paragraphs) == len(expected)  # nothing added: no running head, page number, split paragraph


def test_text_format_is_one_paragraph_per_line_with_blank_lines(profile):
    _, _, conv = profile
    assert conv.text.endswith("\n") and not conv.text.endswith("\n\n")
    assert "\n\n\n" not in conv.text
    for block in conv.text.strip("\n").split("\n\n"):
        assert block and "\n" not in block and block == block.strip() and "  " not in block


def test_fixture_pages_have_two_columns_and_paragraphs_across_breaks(profile):
    pid, pdf, conv = profile
    assert conv.record["layout"]["pages_by_columns"] == {"2": conv.record["pages"]}
    crossing = [p for p in paragraphs(source_text(pid))
                if (w := where(pdf, p)) and w[0] != w[1]]
    assert crossing, f"{pid}: the fixture has no paragraph across a column or page break"
    for par in crossing:
        assert par in conv.paragraphs


def test_no_running_head_or_page_number_survives(profile):
    pid, pdf, conv = profile
    printed = [ln.text for ln in layout_lines(pdf)]
    assert any(t.startswith("MIGRATION GOVERNANCE INDICATORS | REPUBLIC") for t in printed)  # the fixture has them
    assert any(re.fullmatch(r"\d{1,2}", t) for t in printed)
    assert conv.record["layout"]["running_lines_removed"] >= 2 * conv.record["pages"]
    assert not any(running_title(pid) in p or "MIGRATION GOVERNANCE INDICATORS | REPUBLIC" in p
                   for p in conv.paragraphs)
    assert not any(re.fullmatch(r"\d{1,3}", p) for p in conv.paragraphs)
    # the section title in the running head appears as often as the source prints it, not once a page more
    source = source_text(pid)
    for title in ("FORMULATES POLICY USING EVIDENCE AND WHOLE-OF-GOVERNMENT APPROACH", "KEY SOURCES"):
        assert sum(p == title for p in conv.paragraphs) == sum(p == title for p in paragraphs(source))


def test_footnotes_are_own_paragraphs_with_superscript_numbers(profile):
    pid, _, conv = profile
    notes = [p for p in paragraphs(source_text(pid)) if re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+ ", p)]
    assert notes
    for note in notes:
        assert note in conv.paragraphs
    assert conv.record["layout"]["footnotes"] == len(notes)
    # calls in the running text are superscripts too
    calls = [p for p in conv.paragraphs if re.search(r"[a-z.)]([¹²³⁴⁵⁶⁷⁸⁹⁰]+)(\s|$)", p)]
    assert calls


def test_hyphenated_words_rejoined(profile):
    pid, pdf, conv = profile
    source = source_text(pid)
    breaks = [(a, b) for a, b in broken_words(pdf) if re.sub(r"\W", "", a + b) and
              re.search(rf"\b{re.escape(a)}{re.escape(b.rstrip('.,;:'))}", source)]
    assert len(breaks) >= 5, f"{pid}: the fixture hyphenates too few words to test"
    for a, b in breaks:
        assert f"{a}-{b}" not in conv.text


def test_a_paragraph_across_a_page_comes_back_whole_with_the_footnotes_after_it(hard):
    pdf, conv = hard
    pars = hard_paragraphs()
    long_par = next(p for p in pars if "²" in p and len(p) > 2000)
    follow = pars[pars.index("Ligatures and spaces") + 2]
    (start_page, _), (end_page, _) = where(pdf, long_par)
    assert start_page < end_page  # the fixture: the paragraph with the footnote calls runs onto the next page
    (f_start, _), (f_end, _) = where(pdf, follow)
    assert f_start < f_end
    assert long_par in conv.paragraphs and follow in conv.paragraphs
    note1, note2 = (p for p in pars if p.startswith(("¹ ", "² ")))
    i = conv.paragraphs.index(follow)
    # the footnotes stand at the foot of the page this paragraph runs off: they follow it, each on its own
    assert conv.paragraphs[i + 1: i + 3] == [note1, note2]


def test_all_hard_case_paragraphs_come_back(hard, hard_manual):
    for _, conv in (hard, hard_manual):
        assert [p for p in hard_paragraphs() if p not in conv.paragraphs] == []
        assert not any(HARD_TITLE in p for p in conv.paragraphs)


def test_real_hyphens_kept_at_line_ends(hard, hard_manual):
    pdf, conv = hard_manual
    breaks = set(broken_words(pdf))
    assert ("Pre", "Registration") in breaks and ("self", "employment") in breaks  # the fixture
    assert "PreRegistration" not in conv.text and "selfemployment" not in conv.text
    assert conv.text.count("Pre-Registration") == hard_paragraphs_count("Pre-Registration")
    assert conv.text.count("self-employment") == hard_paragraphs_count("self-employment")
    pdf, conv = hard
    assert any(ln.text.endswith("(2017–") for ln in layout_lines(pdf))  # the fixture: a break after a dash
    assert "2017– 2025" not in conv.text
    assert conv.text.count("(2017–2025)") == hard_paragraphs_count("(2017–2025)")


def hard_paragraphs_count(word: str) -> int:
    return sum(p.count(word) for p in hard_paragraphs())


def test_addresses_broken_across_lines_joined(hard):
    pdf, conv = hard
    pieces = [ln.text for ln in layout_lines(pdf) if "example.org" in ln.text and not ln.text.endswith(".pdf")]
    assert pieces  # the fixture: the address is cut at line ends
    assert conv.text.count(URL) == hard_paragraphs_count(URL)


def test_ligatures_and_odd_spaces_normalised(hard):
    _, conv = hard
    assert "Financial flows of 10 000 migrants were filed with a 5 per cent fee." in conv.paragraphs
    assert not set("\ufb01\ufb02\u00a0\u2009\u00ad") & set(conv.text)


def test_same_pdf_same_bytes_and_record(profile):
    _, pdf, conv = profile
    again = convert_pdf(pdf)
    assert again.text.encode() == conv.text.encode()
    assert again.record == conv.record


def test_record_says_how_the_text_was_made(profile):
    _, pdf, conv = profile
    r = conv.record
    assert r["library"] == "pdfminer.six" and r["library_version"] == version("pdfminer.six")
    assert r["pdf_sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert r["text_sha256"] == hashlib.sha256(conv.text.encode("utf-8")).hexdigest()
    from pypdf import PdfReader

    assert r["pages"] == len(PdfReader(str(pdf)).pages)
    assert r["options"] == {"emphasis": True, "drop_running_lines": True}
    assert r["parameters"]["gutter_min_width"] > 0


def test_running_lines_kept_when_asked(profile):
    pid, pdf, _ = profile
    conv = convert_pdf(pdf, Options(drop_running_lines=False))
    assert any(p.startswith("MIGRATION GOVERNANCE INDICATORS | REPUBLIC") for p in conv.paragraphs)


# --- the joining rules, on their own ---------------------------------------------------------------------

def _vocab(*lines: str) -> Vocabulary:
    v = Vocabulary()
    for ln in lines:
        v.add_line(ln, False, False)
    return v


@pytest.mark.parametrize("a, b, evidence, expected", [
    ("the regis-", "tration of", "registration is open", "the registration of"),  # the closed form elsewhere
    ("the self-", "employment of", "self-employment grew", "the self-employment of"),  # the hyphenated form
    ("the MIGRACIONES Pre-", "Registration app", "", "the MIGRACIONES Pre-Registration app"),  # a capital
    ("Decree No. 010-", "2020-IN", "", "Decree No. 010-2020-IN"),  # digits
    ("the one-", "year period", "", "the one-year period"),  # a number word leads a compound
    ("a follow-", "up assessment", "", "a follow-up assessment"),
    ("the na-", "tional plan", "", "the national plan"),  # no evidence: a typesetter's hyphen
    ("(2017–", "2025)", "", "(2017–2025)"),  # a dash joins without a space
    ("workers –", "20 per cent", "", "workers – 20 per cent"),
    ("and/", "or", "", "and/or"),
    ("at www.example.org/examplia/", "ley-412.", "", "at www.example.org/examplia/ley-412."),
    ("at www.example.", "org/examplia", "", "at www.example.org/examplia"),
    ("available at www.iom.int", "and elsewhere", "", "available at www.iom.int and elsewhere"),
    ("see www.iom.int.", "The Council", "", "see www.iom.int. The Council"),
    ("https://www.example.org/a/b-", "c.pdf", "", "https://www.example.org/a/b-c.pdf"),  # hyphen of the address
    ("inter\u00ad", "national", "", "international"),  # a soft hyphen is always a typesetter's
])
def test_join(a, b, evidence, expected):
    assert join(a, b, _vocab(evidence)) == expected


def test_render_emphasis_and_spaces():
    from helpers.draft.pdf.rows import EMPH_OFF, EMPH_ON

    text = f"the {EMPH_ON}Emprende{EMPH_OFF} {EMPH_ON}Seguro{EMPH_OFF} scheme,{EMPH_ON},{EMPH_OFF}  here"
    assert render(text) == "the *Emprende Seguro* scheme,, here"
    assert render(text, emphasis=False) == "the Emprende Seguro scheme,, here"


def test_characters_normalised():
    assert "\ufb01nancial \ufb02ows\u00a0of 5\u2009%\u200b \u2010 \u2011".translate(NORMALISE) == \
        "financial flows of 5 % - -"
