"""Issue 17: the cells the drafter fills where the words decide them (figures, Key sources entries), each with the
rule that fired, and the cells it leaves empty with a hint where no rule does."""

from __future__ import annotations

from helpers.draft.candidates import candidate_rows
from helpers.draft.extract import draft_from_text

HEAD = "INTRODUCTION\n\nIntro.\n\n"
BODY = "4.1. Migration governance: Examples of well-developed areas\n\n"


def _figures(text: str, sources: str = ""):
    d = draft_from_text(HEAD + BODY + text + "\n" + sources)
    return d, {r["value"]: r for r in candidate_rows(d)["statistics"]}


def test_the_mgi_methods_own_numbers_are_no_candidates():
    _, rows = _figures("The MGI is a set of around 90 indicators grouped under 6 domains. It rests on 3 principles "
                       "and 3 objectives. The country hosted 30,000 refugees in 2021.")
    assert list(rows) == ["30000"]


def test_one_figure_at_two_dates_shares_one_indicator_and_each_takes_its_date():
    _, rows = _figures("The number of countries with which Norvalia has bilateral labour agreements rose from 4 in "
                       "2019 to 9 in 2023. The country hosted 30,000 refugees in 2021.")
    assert rows["4"]["indicator"] == rows["9"]["indicator"] != rows["30000"]["indicator"]
    assert (rows["4"]["reference_date"], rows["9"]["reference_date"]) == ("2019", "2023")
    assert "a change" in rows["9"]["review_matched"]


def test_label_is_cut_at_word_boundaries():
    _, rows = _figures("Under the programme introduced by the Ministry of Labour and Social Protection, the labour "
                       "agreements in force increased from 4 to 7 between the two assessments of the country.")
    for r in rows.values():
        label = r["label"]
        start, end = label.split()[0], label.split()[-1]
        assert r["evidence"].find(label.strip()) >= 0 and f" {start}" in f" {r['evidence']}"
        assert f"{end} " in f"{r['evidence']} " or r["evidence"].endswith(end)


def test_units_qualifiers_and_dates_from_the_words():
    _, rows = _figures("Remittance outflows reached QSR 41.2 billion (about USD 11 billion) in 2022. "
                       "Workers earning less than QSR 4,000 a month may not sponsor their families. "
                       "By the end of 2022, over 14,000 workers had been paid. "
                       "As at 31 December 2021, the country hosted over 52,000 refugees. "
                       "The Ministry aims to decide applications within 30 days.")
    assert rows["41200000000"]["unit"] == "local_currency" and rows["11000000000"]["unit"] == "usd"
    assert (rows["11000000000"]["qualifier"], rows["4000"]["unit"], rows["4000"]["qualifier"]) == \
        ("about", "local_currency", "less_than")  # 'a month' is a rate, not a duration
    assert (rows["14000"]["reference_date"], rows["14000"]["unit"]) == ("2022-12", "persons")
    assert rows["52000"]["reference_date"] == "2021-12-31"
    assert rows["30"]["qualifier"] == "target"


def test_no_date_next_to_a_figure_stays_empty_with_a_hint():
    _, rows = _figures("The online service launched in 2021 processes applications within 20 working days.")
    assert rows["20"]["reference_date"] == "" and "2021" in rows["20"]["review_hint"]


SOURCES = """KEY SOURCES

Ministry of Human Resources and Qastarization (MoHRQ)

2021 Annual report 2020. Available at https://example.org/a.

2023 Annual report 2022. Available at https://example.org/b.

Qastara Statistics Authority

2023 Labour force survey 2022. Available at https://example.org/c.
"""


def test_source_org_is_the_heading_and_source_id_the_entry_cited():
    _, rows = _figures("Over 96 per cent of workers were paid through the WPS (MoHRQ, 2023). According to the "
                       "Qastara Statistics Authority, non-nationals made up 71.4 per cent of the population.",
                       SOURCES)
    assert rows["96"]["source_org"] == "Ministry of Human Resources and Qastarization (MoHRQ)"
    assert rows["96"]["source_id"] == "S-mohrq-2023"  # the entry the year tag names, not the first one
    assert rows["71.4"]["source_org"] == "Qastara Statistics Authority"
    assert rows["71.4"]["source_id"] == "S-qastara-statistics-authority-2023"  # the heading's only entry


def test_source_id_left_empty_when_the_citation_does_not_say_which_entry():
    _, rows = _figures("According to the Ministry of Human Resources and Qastarization, 310,000 domestic workers were "
                       "registered.", SOURCES)
    r = rows["310000"]
    assert r["source_org"] == "Ministry of Human Resources and Qastarization (MoHRQ)" and r["source_id"] == ""
    assert "choose source_id" in r["review_hint"]


def test_bulleted_key_sources_are_one_entry_each_and_addresses_rejoin_their_entry():
    d = draft_from_text(HEAD + BODY + "Norvalia has laws.\n\n" + """KEY SOURCES

European Union

• 2001 Council Directive 2001/55/EC on temporary protection. Available at https://example.org/dir/2001/55. • 2011 Directive 2011/98/EU on a single permit.

Available at https://example.org/dir/2011/98.

\ufffd 2021a Directive (EU) 2021/1883 on highly qualified employment. Available at
https://example.org/dir/2021/1883.
""")
    got = [(e.organisation, e.year_tag, e.address) for e in d.sources]
    assert got == [("European Union", "2001", "https://example.org/dir/2001/55"),
                   ("European Union", "2011", "https://example.org/dir/2011/98"),
                   ("European Union", "2021a", "https://example.org/dir/2021/1883")]
