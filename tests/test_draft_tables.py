"""Drafting whole texts: both layouts of findings, COVID-19 responses, errata candidates, refusing a text that is
not an MGI profile, and the language files as data (a new style is a data change)."""

from __future__ import annotations

import csv
import shutil

import pytest

from helpers import cli
from helpers.data.quotes import SourceText
from helpers.draft.extract import draft_from_text, instrument_candidates
from helpers.draft.language import LANG_DIR, load_language
from helpers.draft.layout import source_blocks
from helpers.draft.scaffold import new_profile
from helpers.paths import BadParameter, profiles_home

FIRST_PROFILE = """FICTIONAL TEST TEXT – NOT A REAL PUBLICATION

REPUBLIC OF TESTLAND | MIGRATION GOVERNANCE PROFILE 2020

INTRODUCTION

This fictional first profile presents the migration governance of Testland.

1. Adherence to international standards and fulfilment of migrants’ rights

Well-developed areas

**Access to health**

All migrants may use primary health care services on the same terms as citizens under the Health Act 2012.

Areas with potential for further development

Migrants must wait five years before they can apply for permanent residence in Testland.

2. Formulates Policy Using Evidence and Whole-of-Government Approach

WELL-DEVELOPED AREAS

The National Migration Council, created in 2015, brings together 12 ministries and meets twice a year.

AREAS WITH POTENTIAL FOR FURTHER DEVELOPMENT

Testland has no national migration strategy, and data on migrants are not disaggregated by sex.

KEY SOURCES

Ministry of Health

- 2012 Health Act. Available at www.example.org/health-act.
- 2015 Council decree. Available at www.example.org/council.
- 2016 Annual report. Available at www.example.org/report.
"""

FOLLOW_UP = """FICTIONAL TEST TEXT

SUMMARY OF UPDATES SINCE 2018

Migrants' rights

In 2020, the Ministry of Health launched a telemedicine service open to every resident of Testland.

Partnerships

In 2021, Testland held the presidency pro tempore of the Coastal Dialogue on Migration.

1.1. Migration governance: Examples of well-developed areas

The Political Constitution of Testland (1991) guarantees equality before the law for every person.

1.2. Areas with potential for further development

As identified in the previous assessment, migrants in detention have no access to free legal aid.¹

¹ The Constitution (1999) does not mention detention.

2.1. Migration governance: Examples of well-developed areas

Law No. 4512 (2019) created the Migration Board; Law No. 4512 is applied by every ministry and Law No. 4512 sets its budget. Law No. 4513 (2019) amended it.²⁰

PREPAREDNESS AND RESPONSE PROTOCOLS ON THE RISKS OF THE NOVEL CORONAVIRUS (COVID-19)

This annex summarizes key national COVID-19 policy responses from a migration governance perspective.

Emergency Decree No. 9-2020 (2020) granted free COVID-19 testing to every person in Testland, regardless of migration status.

Ministerial Resolution No. 45-2020-MI, adopted on 2 April 2020, extended residence permits; it was repealed in 2021 by Ministerial Resolution No. 12-2021-MI.

KEY SOURCES

Coastel Dialogue on Migration

- n.d. About. Available at www.example.org/cdm.
- 2019 Report. Available at www.example.org/cdm-2019.
- 2020 Report. Available at www.example.org/cdm-2020.
"""


def test_first_profile_layout_domains_kinds_and_subheadings():
    d = draft_from_text(FIRST_PROFILE)
    got = [(f.domain, f.kind, f.section) for f in d.findings]
    assert got == [
        ("migrants_rights", "well_developed", "Well-developed areas – Migrants' rights – Access to health"),
        ("migrants_rights", "further_development", "Areas with potential for further development – Migrants' rights"),
        ("whole_of_government", "well_developed", "WELL-DEVELOPED AREAS – Whole-of-government approach"),
        ("whole_of_government", "further_development",
         "AREAS WITH POTENTIAL FOR FURTHER DEVELOPMENT – Whole-of-government approach"),
    ]
    assert d.baseline_year is None
    assert {f.baseline_status for f in d.findings} == {"not_stated"}  # a first profile has no baseline
    assert all(f.rule.startswith("first profile") for f in d.findings)
    assert all(f.summary and f.hint.startswith("summary drafted") for f in d.findings)


def test_follow_up_profile_statuses_rules_and_summary_findings():
    d = draft_from_text(FOLLOW_UP)
    assert d.baseline_year == 2018
    by_start = {f.evidence[:13]: f for f in d.findings}
    assert (by_start["In 2020, the "].kind, by_start["In 2020, the "].baseline_status) == ("update_since_baseline",
                                                                                        "new")
    assert by_start["In 2020, the "].rule.startswith("a sentence opening with a year after the baseline")
    assert by_start["As identified"].baseline_status == "gap_persisting"
    assert by_start["The Political"].baseline_status == "not_stated"
    assert by_start["The Political"].rule == "no rule fired"


def test_covid_annex_and_body_candidates():
    d = draft_from_text(FOLLOW_UP)
    c1, c2 = d.covid
    assert (c1.area, c1.covers, c1.date, c1.status) == ("health_access", "true", "2020", "not_stated")
    assert c1.instruments == "EMD-9-2020"
    assert (c2.area, c2.date, c2.date_end, c2.status, c2.covers) == ("migration_status", "2020-04-02", "2021",
                                                                     "repealed", "")
    assert "start 2020-04-02 (day)" in c2.date_precision and "end 2021 (year)" in c2.date_precision
    assert not any("This annex summarizes" in c.evidence for c in d.covid)


def test_errata_candidates():
    d = draft_from_text(FOLLOW_UP)
    rules = {(e.rule, e.source_says) for e in d.errata}
    assert ("one instrument printed with two years", "Constitution (1999)") in rules
    assert ("one instrument printed with two numbers", "Law No. 4513") in rules  # printed once, 4512 thrice
    assert any(r == "marker without footnote" and s.endswith("²⁰") for r, s in rules)
    assert ("Key sources heading nearly matching a name in the text", "Coastel Dialogue on Migration") in rules
    src = SourceText(FOLLOW_UP)
    assert all(src.contains(e.source_says) and (not e.conflicts_with or src.contains(e.conflicts_with))
               for e in d.errata)


def test_a_footnote_without_marker_is_an_erratum_candidate():
    text = FOLLOW_UP.replace("free legal aid.¹", "free legal aid.")
    assert any(e.rule == "footnote without marker" for e in draft_from_text(text).errata)
    assert not any(e.rule == "footnote without marker" for e in draft_from_text(FOLLOW_UP).errata)


@pytest.mark.parametrize("text", [FIRST_PROFILE, FOLLOW_UP])
def test_every_quote_of_every_table_is_verbatim(text):
    d = draft_from_text(text)
    src = SourceText(text)
    quotes = ([f.evidence for f in d.findings] + [c.evidence for c in d.instruments] + [c.evidence for c in d.covid]
              + [p.evidence for p in d.partnerships] + [f.evidence for f in d.figures])
    assert quotes and all(src.contains(q) for q in quotes), [q for q in quotes if not src.contains(q)][:2]


# --- not an MGI profile --------------------------------------------------------------------------------

NOVEL = "CHAPTER ONE\n\nIt was a bright cold day in April, and the clocks were striking thirteen.\n\n" \
        "Law No. 12 (2020) was mentioned by nobody.\n"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_HOME", str(tmp_path / "project"))
    monkeypatch.delenv("MGI_PROFILE_PATH", raising=False)
    return tmp_path


def test_metadata_suggestions_for_a_first_profile_without_covid_annex(home, tmp_path):
    src = tmp_path / "first.txt"
    src.write_text(FIRST_PROFILE, encoding="utf-8")
    d = new_profile("XTL-2020", src)
    with (d.path / "draft" / "metadata.candidates.csv").open(encoding="utf-8") as f:
        rows = {r["field"]: r["value"] for r in csv.DictReader(f)}
    assert rows["mgi/absent_tables/covid_responses"] == "no COVID-19 annex in this edition"
    assert rows["mgi/baseline_year"].startswith("null")
    src.write_text(FOLLOW_UP, encoding="utf-8")
    d = new_profile("XTL-2022", src)
    with (d.path / "draft" / "metadata.candidates.csv").open(encoding="utf-8") as f:
        rows = {r["field"]: r["value"] for r in csv.DictReader(f)}
    assert "mgi/absent_tables/covid_responses" not in rows and rows["mgi/baseline_year"] == "2018"


def test_a_text_that_is_not_a_profile_is_refused_and_nothing_written(home, tmp_path, capsys):
    src = tmp_path / "novel.txt"
    src.write_text(NOVEL, encoding="utf-8")
    with pytest.raises(BadParameter, match="is not an MGI profile"):
        new_profile("XNV-2020", src)
    assert cli.main(["new-profile", "XNV-2020", "--source", str(src)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("mgi: novel.txt is not an MGI profile") and "\n" not in err and "Traceback" not in err
    assert not profiles_home().exists() or not any(profiles_home().iterdir())


# --- language files are data ------------------------------------------------------------------------

def test_a_new_naming_style_is_a_data_change(tmp_path):
    folder = tmp_path / "lang"
    shutil.copytree(LANG_DIR, folder)
    text = "The Migration Dekret Nr. 77/2019 applies to all migrants in the country."
    blocks = source_blocks(f"INTRODUCTION\n\nIntro.\n\n1.1. Well-developed areas\n\n{text}\n")
    assert not [c for c in instrument_candidates(blocks) if c.number]
    (folder / "de.toml").write_text(
        'language = "de"\n[instruments]\nnumber_marks = [\'Nr\\.\']\n'
        '[[instruments.numbered]]\nnames = [\'Dekret\']\ntype = "decree"\nprefix = "DEC"\n', encoding="utf-8")
    lang = load_language(str(folder))
    got = [(c.instrument_id, c.type, c.number, c.year) for c in instrument_candidates(source_blocks(
        f"INTRODUCTION\n\nIntro.\n\n1.1. Well-developed areas\n\n{text}\n", lang), lang) if c.number]
    assert got == [("DEC-77-2019", "decree", "77/2019", "2019")]


def test_a_broken_language_file_names_itself(tmp_path):
    folder = tmp_path / "lang"
    folder.mkdir()
    (folder / "en.toml").write_text("[headings\n", encoding="utf-8")
    with pytest.raises(ValueError, match="en.toml"):
        load_language(str(folder))
    (folder / "en.toml").write_text("[domains]\nmigrant_rights = ['x']\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"en\.toml: domains\.migrant_rights: unknown key \(expected one of: migrants_rights"):
        load_language(str(folder))


def test_the_language_files_ship_with_the_package():
    assert {p.name for p in LANG_DIR.glob("*.toml")} >= {"en.toml", "es.toml", "fr.toml"}
    assert set(load_language().files) >= {"en.toml", "es.toml", "fr.toml"}


def test_a_paragraph_cut_by_a_page_break_is_one_finding():
    d = draft_from_text("INTRODUCTION\n\nIntro.\n\n1.1. Migration governance: Examples of well-developed areas\n\n"
                        "The Refugees Act (2006) guarantees the right of asylum seekers to work and to move\n\n"
                        "freely within the territory of the country once their application has been registered.\n")
    (f,) = d.findings
    assert f.evidence.endswith("move freely within the territory of the country once their application has been "
                               "registered.") and "page break" in f.hint
