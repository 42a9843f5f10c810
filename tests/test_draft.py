"""`mgi new-profile`: the patterns that draft candidate rows, the scaffolding, its refusals, and the
evaluation of a draft against an answer key. Nothing is written into data/profiles: every test that
scaffolds points MGI_HOME at a temporary folder."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from helpers import cli
from helpers.draft.pdf import PdfError
from helpers.draft.scaffold import DRAFT_DIR, new_profile
from helpers.draft.evaluate import evaluate
from helpers.draft.extract import (
    draft_from_text, figure_candidates, instrument_candidates, key_source_entries, numbers_match,
    repair_address, sentences,
)
from helpers.data.datapackage import expected_resources
from helpers.paths import BadParameter, profiles_home, project_root
from helpers.data.quotes import SourceText
from helpers.data.schema import INSTRUMENTS, SOURCES, STATISTICS, TABLES
from helpers.draft.layout import source_blocks
from helpers.data.validate import check_profile

PERU = project_root() / "data" / "profiles" / "PER-2021" / "mgi-peru-second-profile-2021.txt"


def blocks(text: str, section: str = "4.1. Migration governance: Examples of well-developed areas"):
    """A synthetic profile: the text under one numbered section."""
    return source_blocks(f"INTRODUCTION\n\nIntro.\n\n{section}\n\n{text}\n")


def instruments(text: str):
    return {c.instrument_id: c for c in instrument_candidates(blocks(text))}


def figures(text: str):
    return figure_candidates(blocks(text))


# --- sentences ------------------------------------------------------------------------------------------

def test_sentences_do_not_split_after_no():
    text = "Law No. 31146 was adopted in 2021. It amends Decree Law No. 689. Done."
    assert sentences(text) == ["Law No. 31146 was adopted in 2021.", "It amends Decree Law No. 689.", "Done."]


# --- instruments: English ---------------------------------------------------------------------------

def test_english_supreme_decree_with_suffix_and_year():
    c = instruments("Supreme Decree No. 010-2020-IN (2020) offers a procedure.")["SD-010-2020-IN"]
    assert (c.type, c.number, c.year) == ("supreme_decree", "010-2020-IN", "2020")
    assert c.domains == ["wellbeing"]
    assert "Ministry of the Interior" in c.hint  # the suffix is a hint, not a filled issuing_body


@pytest.mark.parametrize("text, iid, typ, number", [
    ("The Legislative Decree No. 1350 applies.", "LD-1350", "legislative_decree", "1350"),
    ("It was amended by Emergency Decree No. 023-2019.", "EMD-023-2019", "emergency_decree", "023-2019"),
    ("Ministerial Resolution No. 266-2020-MINSA created a unit.", "MR-266-2020-MINSA", "ministerial_resolution",
     "266-2020-MINSA"),
    ("Superintendency Resolution No. 187-2019-SUNAFIL enacted it.", "RS-187-2019-SUNAFIL",
     "superintendency_resolution", "187-2019-SUNAFIL"),
    ("Migration Authority Resolution No. 000069-2021-MIGRACIONES extends it.", "RS-000069-2021-MIGRACIONES",
     "superintendency_resolution", "000069-2021-MIGRACIONES"),
    ("Decision No. 545 of CAN was solidified.", "CAN-DEC-545", "andean_decision", "545"),
    ("It fulfils Decree Law No. 19990 in full.", "DLAW-19990", "decree_law", "19990"),
    ("Law No. 31146 was approved.", "LAW-31146", "law", "31146"),
    ("Communiqué No. 479 of the Ministry applies.", "COMMUNIQUE-479", "communique", "479"),
])
def test_english_names(text, iid, typ, number):
    found = instruments(text)
    assert list(found) == [iid]
    assert (found[iid].type, found[iid].number) == (typ, number)


def test_title_and_year_in_parentheses():
    found = instruments("It is limited by Legislative Decree No. 689 (Law on the Hiring of Foreign Workers, 1991). "
                        "Law No. 26842 (General Health Law) (1997) guarantees it. "
                        "It follows Law No. 23330 of 2 December 1981. "
                        "Law No. 31146 was adopted in 2021 amending the Code.")
    assert (found["LD-689"].title_en, found["LD-689"].year) == ("Law on the Hiring of Foreign Workers", "1991")
    assert (found["LAW-26842"].title_en, found["LAW-26842"].year) == ("General Health Law", "1997")
    assert found["LAW-23330"].year == "1981"
    assert found["LAW-31146"].year == "2021"


# --- instruments: Spanish ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, iid", [
    ("Decreto Supremo No. 008-2016-MIMP, que aprueba el Plan.", "SD-008-2016-MIMP"),
    ("Decreto Supremo 007-2017-IN del reglamento.", "SD-007-2017-IN"),
    ("Decreto de Urgencia No. 090-2020, que establece medidas.", "EMD-090-2020"),
    ("Resolución de Superintendencia No. 000170-2021-MIGRACIONES, que deroga.", "RS-000170-2021-MIGRACIONES"),
    ("Resolución Ministerial No. 0207-2021-RE, Lineamientos.", "MR-0207-2021-RE"),
    ("Resolución Ministerial N° 204-2020-MINSA, que aprueba.", "MR-204-2020-MINSA"),
    ("Ley No. 28983, de igualdad de oportunidades.", "LAW-28983"),
    ("Decisión 545: Instrumento Andino de Migración Laboral.", "CAN-DEC-545"),
    ("Decreto Ley No. 19990 administrados por la ONP.", "DLAW-19990"),
    ("Decreto Legislativo No. 1057, que regula el régimen.", "LD-1057"),
    ("Expediente 00016-2020-PI/TC del Pleno.", "TC-00016-2020-PI-TC"),
])
def test_spanish_names(text, iid):
    assert list(instruments(text)) == [iid]


def test_mixed_case_suffix_is_upper_cased():
    found = instruments("Resolución Superintendencia No. 000069-2021-MiGRACIONES, Amplían plazo.")
    assert found["RS-000069-2021-MIGRACIONES"].number == "000069-2021-MIGRACIONES"


@pytest.mark.parametrize("text", [
    "The Law (2016) and its Regulations cover trafficking.",
    "The Migration Law 2017 is in force.",
    "The National Plan against Trafficking in Persons (2017–2021) applies.",
    "Decisions taken in 2021 were 12 in number.",
])
def test_no_numbered_instrument_without_a_number(text):
    assert {k: c for k, c in instruments(text).items() if c.number} == {}


def test_mentions_with_and_without_suffix_are_one_candidate():
    text = ("Migration Authority Resolution No. 000104-2020 was adopted in 2020. "
            "It was repealed by Migration Authority Resolution No. 000170-2021-MIGRACIONES. "
            "The register used Resolución de Superintendencia No. 000104-2020-MIGRACIONES.")
    found = instruments(text)
    assert sorted(found) == ["RS-000104-2020-MIGRACIONES", "RS-000170-2021-MIGRACIONES"]
    c = found["RS-000104-2020-MIGRACIONES"]
    assert c.mentions == 2 and c.year == "2020"
    assert "printed as 000104-2020 / 000104-2020-MIGRACIONES" in c.hint


def test_same_number_as_two_types_is_flagged():
    found = instruments("Legislative Decree No. 689 limits it. Decree Law No. 689 (1991) is cited too.")
    assert "decree_law" in found["LD-689"].hint and "legislative_decree" in found["DLAW-689"].hint


@pytest.mark.parametrize("a, b, same", [
    ("000104-2020", "000104-2020-MIGRACIONES", True),
    ("006-2021-IN", "006-2021", True),
    ("00016-2020-PI/TC", "00016-2020-PI-TC", True),
    ("010-2020-IN", "010-2021-IN", False),
    ("1350", "13500", False),
    ("", "1350", False),
])
def test_numbers_match(a, b, same):
    assert numbers_match(a, b) is same


# --- figures ----------------------------------------------------------------------------------------

def test_figures_with_reference_date_and_unit():
    fs = figures("As of December 2021, it comprises 23 government sectors and 4 observer institutions.")
    assert [(f.value, f.unit, f.qualifier, f.reference_date) for f in fs] == [
        (23, "entities", "exact", "2021-12"), (4, "entities", "exact", "2021-12")]
    assert all(f.evidence == "As of December 2021, it comprises 23 government sectors and 4 observer "
                             "institutions." for f in fs)


def test_estimated_millions_with_cited_organisation():
    f, = figures("It is estimated that in 2020 the country hosted a migrant population of 1.2 million people "
                 "(Migration Data Portal, 2021).")
    assert (f.value, f.unit, f.qualifier, f.reference_date) == (1_200_000, "persons", "estimated", "2020")
    assert (f.source_org, f.source_tag) == ("Migration Data Portal", "2021")


def test_each_number_takes_the_date_that_follows_it():
    fs = figures("The number of countries rose from 38 in the 2019 assessment to over 50 in December 2021.")
    assert [(f.value, f.qualifier, f.reference_date, f.unit) for f in fs] == [
        (38, "exact", "2019", "countries"), (50, "over", "2021-12", "countries")]


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("Citizens may remain for up to two years in the territory.", 2, "years", "up_to"),
    ("About 2 per cent of them were of foreign origin.", 2, "percent", "about"),
    ("The average cost represents 3.36 per cent of the remittance.", 3.36, "percent", "exact"),
    ("Performers staying for less than three months per year are exempt.", 3, "months", "less_than"),
    ("It must be rectified within a period of one year.", 1, "years", "up_to"),
    ("The population was estimated at 1,049,970 in total.", 1_049_970, "persons", "estimated"),
    ("Citizens of the four member countries may apply.", 4, "countries", "exact"),
])
def test_qualifier_and_unit_words(text, value, unit, qualifier):
    f, = figures(text)
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize("text", [
    "Law No. 31146 was adopted in 2021 under Article 3 of the Act.",
    "A communiqué was issued on 27 July 2021 about COVID-19.",
    "The data cover the period 1990–2019 in the 106th Session report.",
    "One area with potential for further development is detention.",
    "See page 14 and footnote 8 on target 10.7 of the agenda.",
])
def test_not_figures(text):
    assert figures(text) == []


# --- Key sources ------------------------------------------------------------------------------------

@pytest.mark.parametrize("printed, repaired", [
    ("www.cemla. org/x", "www.cemla.org/x"),
    ("https://t.com/r#:~:text=Remittances%20 in%20Peru", "https://t.com/r#:~:text=Remittances%20in%20Peru"),
    ("www.comunidadandina.org/ StaticFiles/DocOf/DEC545.pdf.", "www.comunidadandina.org/StaticFiles/DocOf/DEC545.pdf"),
    ("cdn. www.gob.pe/file/Plan%20Nacional%20 COVID-19.pdf", "cdn.www.gob.pe/file/Plan%20Nacional%20COVID-19.pdf"),
    ("https://play.google.com/store?id=pe. gob.migraciones", "https://play.google.com/store?id=pe.gob.migraciones"),
    ("www.example.org/a. Lima, Peru.", "www.example.org/a"),  # a following sentence is not swallowed
    ("www.example.org/plain", "www.example.org/plain"),
])
def test_repair_address(printed, repaired):
    assert repair_address(printed) == repaired


KEY_SOURCES = """INTRODUCTION

Intro text.

Ministry of Health (MINSA)

- 2020a Resolución Ministerial No. 204-2020-MINSA, que aprueba la Guía. Available at www.gob.pe/minsa/ 204-2020.
- Nueva estrategia (Comunicado No. 479). 4 April. Available at www.gob.pe/x.
- n.d. Compendio de normas. Not available online.

La República

Migraciones: ¿qué trámites? 1 February. Available at https://larepublica.pe/a.

MiGOF: Migration Governance Framework

The MiGOF sets out 3 principles and 3 objectives.
"""


def test_key_sources_split_into_entries():
    entries = key_source_entries(source_blocks(KEY_SOURCES))
    assert [(e.source_id, e.organisation, e.year_tag, e.online) for e in entries] == [
        ("S-minsa-2020a", "Ministry of Health (MINSA)", "2020a", True),
        ("S-minsa-2", "Ministry of Health (MINSA)", "", True),
        ("S-minsa-nd", "Ministry of Health (MINSA)", "n.d.", False),
        ("S-la-republica-1", "La República", "", True),
    ]
    first = entries[0]
    assert first.title == "Resolución Ministerial No. 204-2020-MINSA, que aprueba la Guía."
    assert (first.address_as_printed, first.address) == ("www.gob.pe/minsa/ 204-2020", "www.gob.pe/minsa/204-2020")
    assert entries[2].title == "Compendio de normas." and entries[2].address == ""


def test_key_sources_are_not_read_for_figures_and_give_their_section():
    d = draft_from_text(KEY_SOURCES)
    assert d.figures == []  # the MiGOF annex's 3 principles and 3 objectives are the method's own numbers
    ins = {c.instrument_id: c for c in d.instruments}
    assert ins["MR-204-2020-MINSA"].section == "Key sources – Ministry of Health (MINSA)"
    assert ins["MR-204-2020-MINSA"].title_original.startswith("Resolución Ministerial No. 204-2020-MINSA, que aprueba")
    assert ins["COMMUNIQUE-479"].title_original == ""  # named inside another entry's title, not its own entry


# --- sections and footnotes -------------------------------------------------------------------------

LAYOUT = """INTRODUCTION

Intro.

SUMMARY OF UPDATES SINCE 2019

Migrants' rights

Law No. 1 (2020) changed things.

2.2. Areas with potential for further development

A paragraph.¹³

¹³ It is estimated that in 2020 the country hosted 1.2 million people.

A footnote whose marker was lost.

¹⁵ The next footnote.
"""


def test_sections_footnotes_and_lost_markers():
    where = {b.text[:20]: b.section for b in source_blocks(LAYOUT) if not b.heading}
    assert where["Law No. 1 (2020) cha"] == "Summary of updates since 2019 – Migrants' rights"
    assert where["A paragraph.¹³"] == "2.2 Areas with potential for further development"
    assert where["It is estimated that"] == "2.2, footnote 13"
    assert where["A footnote whose mar"] == "2.2, footnote 14"
    assert where["The next footnote."] == "2.2, footnote 15"


@pytest.mark.parametrize("path", [PERU] + sorted((project_root() / "tests" / "profiles").glob("*/*.txt")),
                         ids=lambda p: p.parent.name)
def test_every_candidate_quote_is_verbatim(path):
    raw = path.read_text(encoding="utf-8")
    src = SourceText(raw)
    d = draft_from_text(raw)
    quotes = [c.evidence for c in d.instruments] + [f.evidence for f in d.figures] + [e.quote for e in d.sources]
    assert quotes and all(src.contains(q) for q in quotes), [q for q in quotes if not src.contains(q)][:3]


# --- scaffolding --------------------------------------------------------------------------------------

SOURCE_TEXT = """FICTIONAL TEST TEXT

REPUBLIC OF EXAMPLIA | SECOND PROFILE 2022

INTRODUCTION

An introduction.

SUMMARY OF UPDATES SINCE 2019

Migrants' rights

Law No. 412 (2021) amended the Migration Act. As of June 2022, the Board has 11 government agencies.

2.1. Migration governance: Examples of well-developed areas

The National Migration Office coordinates migration policy with the ministries of labour and health.

KEY SOURCES

National Migration Office

- 2021a Ley No. 412, que modifica la Ley No. 101. Available at www.example. org/ley-412.
- 2021b Estrategia Nacional. Available at www.example.org/estrategia.
- Resolución Ministerial No. 45-2020-MI. Not available online.
"""


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A project root of its own, so that new-profile writes under tmp_path, never into data/profiles."""
    monkeypatch.setenv("MGI_HOME", str(tmp_path / "project"))
    monkeypatch.delenv("MGI_PROFILE_PATH", raising=False)
    assert profiles_home().is_relative_to(tmp_path)
    return tmp_path


@pytest.fixture
def source(tmp_path) -> Path:
    p = tmp_path / "examplia.txt"
    p.write_bytes(SOURCE_TEXT.encode("utf-8"))
    return p


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_new_profile_scaffolds_folder(home, source):
    d = new_profile("XEX-2022", source, country="Republic of Examplia")
    folder = profiles_home() / "XEX-2022"
    assert d.path == folder
    assert (folder / "examplia.txt").read_bytes() == source.read_bytes()  # unaltered
    meta = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    mgi = meta["mgi"]
    assert mgi["source_sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert (mgi["profile_id"], mgi["iso3"], mgi["assessment_year"], mgi["country"], mgi["data_version"]) == (
        "XEX-2022", "XEX", 2022, "Republic of Examplia", "0.1.0")
    assert mgi["citation"] == "TODO" and "mgi/citation" in d.todo and "mgi/country" not in d.todo
    assert meta["resources"] == expected_resources(meta)
    # only candidates: none of the validated tables is written
    assert not any((folder / t.filename).exists() for t in TABLES)
    drafted = sorted(p.name for p in (folder / DRAFT_DIR).iterdir())
    assert drafted == sorted([f"{t.name}.candidates.csv" for t in TABLES] + ["metadata.candidates.csv"])
    for name, table in ((t.name, t) for t in TABLES):
        with (folder / DRAFT_DIR / f"{name}.candidates.csv").open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert header[:len(table.field_names)] == table.field_names  # same columns as the table, first
        assert all(h.startswith("review_") for h in header[len(table.field_names):])
    ins = _csv(folder / DRAFT_DIR / "instruments.candidates.csv")
    assert [r["instrument_id"] for r in ins if r["number"]] == ["LAW-412", "LAW-101", "MR-45-2020-MI"]
    assert [r["title_en"] for r in ins if not r["number"]] == ["Migration Act"]
    stats = _csv(folder / DRAFT_DIR / "statistics.candidates.csv")
    assert [(r["value"], r["unit"], r["reference_date"]) for r in stats] == [("11", "entities", "2022-06")]
    srcs = _csv(folder / DRAFT_DIR / "sources.candidates.csv")
    assert srcs[0]["address"] == "www.example.org/ley-412" and srcs[2]["online"] == "false"
    meta_rows = {r["field"]: r["value"] for r in _csv(folder / DRAFT_DIR / "metadata.candidates.csv")}
    assert meta_rows["mgi/edition"] == "Second Profile 2022" and meta_rows["mgi/baseline_year"] == "2019"
    assert meta_rows["mgi/country"] == "Republic of Examplia"


def test_validate_says_what_is_missing(home, source):
    new_profile("XEX-2022", source)
    messages = [p.format() for p in check_profile(profiles_home() / "XEX-2022").problems]
    assert any("mgi/citation still says TODO" in m for m in messages)
    assert any("mgi/edition_number still says TODO" in m for m in messages)
    assert not any("is not of type" in m for m in messages)  # a placeholder is reported once, in plain words
    for t in TABLES:
        assert any(m.startswith(f"{t.filename}: the table is missing") for m in messages), t.name


def test_cli_new_profile(home, source, capsys):
    assert cli.main(["new-profile", "XEX-2022", "--source", str(source), "--iso3", "XEX", "--year", "2022"]) == 0
    out = capsys.readouterr().out
    assert "Drafted profile XEX-2022" in out and "Next steps" in out and "mgi validate XEX-2022" in out
    assert (profiles_home() / "XEX-2022" / "draft" / "instruments.candidates.csv").is_file()


@pytest.mark.parametrize("bad", ["xex-2022", "XEX-22", "XEX2022", "../XEX-2022", "XEX-2022/..", "XE-2022", ""])
def test_refuses_bad_ids(home, source, bad):
    with pytest.raises(BadParameter):
        new_profile(bad, source)
    assert not profiles_home().exists() or not any(profiles_home().iterdir())


def test_refuses_existing_folder(home, source):
    folder = profiles_home() / "XEX-2022"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BadParameter, match="already exists"):
        new_profile("XEX-2022", source)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in profiles_home().iterdir()) == ["XEX-2022"]  # no half-made folder left


def test_cli_refusal_is_a_message(home, source, capsys):
    (profiles_home() / "XEX-2022").mkdir(parents=True)
    assert cli.main(["new-profile", "XEX-2022", "--source", str(source)]) == 2
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("kwargs, message", [
    ({"iso3": "PER"}, "ISO3 code is XEX"),
    ({"year": 2021}, "assessment year is 2022"),
    ({"country": "  "}, "--country is empty"),
])
def test_refuses_options_that_contradict_the_id(home, source, kwargs, message):
    with pytest.raises(BadParameter, match=message):
        new_profile("XEX-2022", source, **kwargs)


def test_refuses_unusable_sources(home, tmp_path):
    with pytest.raises(BadParameter, match="not found"):
        new_profile("XEX-2022", tmp_path / "missing.txt")
    doc = tmp_path / "profile.docx"
    doc.write_bytes(b"PK\x03\x04")
    with pytest.raises(BadParameter, match="neither a .pdf nor a .txt"):
        new_profile("XEX-2022", doc)
    pdf = tmp_path / "profile.pdf"  # a PDF cut short: tests/test_pdf_profile.py has the other broken PDFs
    pdf.write_bytes(b"%PDF-1.7")
    with pytest.raises(PdfError, match="truncated"):
        new_profile("XEX-2022", pdf)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Resolución Ministerial".encode("latin-1"))
    with pytest.raises(BadParameter, match="not UTF-8"):
        new_profile("XEX-2022", latin)
    assert not (profiles_home() / "XEX-2022").exists()


def test_source_name_is_made_plain(home, tmp_path):
    odd = tmp_path / "MGI profile (2022).txt"
    odd.write_text(SOURCE_TEXT, encoding="utf-8")
    d = new_profile("XEX-2022", odd)
    assert d.source_file == "MGI-profile-2022.txt"
    assert (d.path / d.source_file).read_text(encoding="utf-8") == SOURCE_TEXT


# --- evaluation against an answer key ------------------------------------------------------------------

def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


@pytest.fixture
def answer_key(tmp_path) -> tuple[Path, Path]:
    key, draft = tmp_path / "key", tmp_path / "draft"
    key.mkdir()
    draft.mkdir()
    _write(key / "instruments.csv", INSTRUMENTS.field_names, [
        {"instrument_id": "SD-010-2020-IN", "number": "010-2020-IN"},
        {"instrument_id": "RS-000104-2020-MIGRACIONES", "number": "000104-2020-MIGRACIONES"},
        {"instrument_id": "LAW-9", "number": "9"},
        {"instrument_id": "constitution-1993", "number": ""},  # unnumbered: not drafted, not counted
    ])
    _write(key / "statistics.csv", STATISTICS.field_names, [
        {"statistic_id": "ST001", "value": "1200000", "evidence": "It hosted 1.2 million people."},
        {"statistic_id": "ST002", "value": "3.36", "evidence": "It costs 3.36 per cent."},
    ])
    _write(key / "sources.csv", SOURCES.field_names, [
        {"source_id": "S-a-1", "title": "Plan A.", "address": "www.a.org/x"},
        {"source_id": "S-b-1", "title": "Plan B.", "address": ""},
    ])
    _write(key / "errata.csv", ["erratum_id", "kind", "source_says"], [
        {"erratum_id": "E01", "kind": "contradiction", "source_says": "Law No. 21146 (2021) amends the Code"}])
    ins_header = INSTRUMENTS.field_names + ["review_printed_as"]
    _write(draft / "instruments.candidates.csv", ins_header, [
        {"instrument_id": "SD-010-2020-IN", "number": "010-2020-IN", "evidence": "x", "section": "1.1"},
        {"instrument_id": "RS-000104-2020", "number": "000104-2020", "evidence": "y", "section": "1.1"},
        {"instrument_id": "LAW-21146", "number": "21146", "section": "6.1, footnote 24",
         "evidence": "Law No. 21146 (2021) amends the Code.", "review_printed_as": "Law No. 21146"},
        {"instrument_id": "LAW-77", "number": "77", "evidence": "z", "section": "2.1"},
    ])
    _write(draft / "statistics.candidates.csv", STATISTICS.field_names, [
        {"value": "1200000", "unit": "persons", "section": "2.2", "evidence": "It hosted 1.2 million people."},
        {"value": "1200000", "unit": "persons", "section": "Summary", "evidence": "Again 1.2 million."},
        {"value": "3", "unit": "", "section": "Annex", "evidence": "3 principles."},
    ])
    _write(draft / "sources.candidates.csv", SOURCES.field_names, [
        {"source_id": "S-a-1", "title": "Another title.", "address": "www.a.org/x"},  # same address
        {"source_id": "S-b-1", "title": "Plan  B.", "address": ""},  # same title, whitespace aside
        {"source_id": "S-c-1", "title": "Plan C.", "address": "www.c.org"},
    ])
    return draft, key


def test_evaluate_counts_recall_and_precision(answer_key):
    draft, key = answer_key
    s = {(x.table, x.match_rule.split(" (")[0]): x for x in evaluate(draft, key)}
    ins = s[("instruments", "numbered: same number")]
    assert (ins.key_rows, ins.candidates, ins.key_found, ins.candidates_matched) == (3, 4, 2, 2)
    assert ins.recall == pytest.approx(2 / 3) and ins.precision == pytest.approx(2 / 4)
    assert ins.missed == ["LAW-9 (9)"]
    assert len(ins.false) == 2 and len(ins.in_errata) == 1 and ins.in_errata[0].startswith("LAW-21146")
    loose = s[("statistics", "same value")]
    assert (loose.key_found, loose.candidates_matched, loose.candidates) == (1, 2, 3)
    strict = s[("statistics", "same value in the same passage")]
    assert (strict.key_found, strict.candidates_matched) == (1, 1)
    assert strict.precision == pytest.approx(1 / 3) and strict.recall == pytest.approx(1 / 2)
    src = s[("sources", "same repaired address or same title")]
    assert (src.key_found, src.candidates_matched, src.recall, src.precision) == (2, 2, 1.0, pytest.approx(2 / 3))


def test_evaluate_without_candidates_gives_no_precision(tmp_path, answer_key):
    _, key = answer_key
    empty = tmp_path / "empty"
    empty.mkdir()
    for x in evaluate(empty, key):
        assert x.candidates == 0 and x.precision is None and x.key_found == 0
