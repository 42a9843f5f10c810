"""The written rule for covers_regardless_of_status (helpers.data.wordrules): the phrases match what they say,
`mgi validate` refuses a coded value whose quote lacks the words for it, and the codebook, the Table Schema and
the COVID-19 report all state the same rule."""

from __future__ import annotations

import csv
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from helpers.data.codebook import render_codebook
from helpers.data.datapackage import expected_resources
from helpers.data.schema import TABLES_BY_NAME
from helpers.data.validate import check_profile
from helpers.data.wordrules import COVERAGE_RULE as RULE, RULES, WordRule, compile_phrase
from helpers.reports.covid import charts as CC
from helpers.reports.covid import text as CT
from profile_cases import copy_profile, metadata
from stub_profiles import covid_frame, stub_profile

COL = RULE.column


def resp(rid: str, covered: bool | None, evidence: str) -> dict:
    return {"response_id": rid, "area": "health_access", "measure": f"Measure {rid}", "instruments": [],
            "date": None, "date_end": None, COL: covered, "status": "not_stated", "domains": ["migrants_rights"],
            "section": "COVID-19 annex", "evidence": evidence}


# --- the phrases ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, text", [
    ("irrespective of … status", "irrespective of the beneficiary's migration status"),
    ("regardless of … status", "regardless of status"),
    ("regardless of … status", "Regardless of their   migration\nstatus"),  # case and whitespace do not matter
    ("regardless of … status", "regardless of one two three four status"),  # four words between at most
])
def test_a_gap_phrase_matches_up_to_four_words_between(phrase, text):
    assert compile_phrase(phrase).search(text)


@pytest.mark.parametrize("text", [
    "regardless of their nationality or whether they have Comprehensive Health Insurance",  # no 'status'
    "regardless of nationality. Their status",  # the gap does not cross a full stop
    "regardless of one two three four five status",  # more than four words between
    "regardless of the statuses",  # whole words only
])
def test_a_gap_phrase_does_not_match_beyond_its_words(text):
    assert not compile_phrase("regardless of … status").search(text)


def test_phrases_match_whole_words_only():
    # 'irregular migrants' is not 'regular migrants'
    assert RULE.found("false", "the regularization of irregular migrants") == []
    assert RULE.found("false", "open to regular migrants only") == ["regular migrants"]


def test_a_phrase_must_have_words_around_the_gap():
    with pytest.raises(ValueError):
        compile_phrase("… status")


def test_equal_footing_with_nationals_does_not_justify_covered():
    quote = ("Since April 2021, migrants have also had access to COVID-19 immunization programmes on an equal "
             "footing with nationals, in accordance with the principles of Communiqué No. 479")
    assert not RULE.justified("true", quote)
    assert "on an equal footing with nationals" in RULE.weak_phrases()


@pytest.mark.parametrize("quote", [
    "to include persons affected by COVID-19, irrespective of the beneficiary's migration status.",
    "they could be enrolled to the scheme, even in the event that they do not have the relevant documentation.",
])
def test_the_words_of_the_peru_annex_justify_covered(quote):
    assert RULE.justified("true", quote)


def test_limited_needs_limiting_words_and_empty_needs_none():
    assert RULE.justified("false", "allowing Peruvians and foreigners in possession of Foreign National Identity Cards")
    assert not RULE.justified("false", "Financial services could continue to operate")
    assert not RULE.needs_words("") and RULE.justified("", "any words at all")


def test_no_phrase_justifies_both_answers():
    assert not set(RULE.all_phrases("true")) & set(RULE.all_phrases("false"))
    for value in RULE.phrases:
        for p in RULE.all_phrases(value):
            sample = "They are covered " + p.replace("…", "their migration") + " in the country."
            assert p in RULE.found(value, sample), p  # every phrase can match what it says


# --- one rule, stated once ---------------------------------------------------------------------------------

@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.column)
def test_each_rule_is_attached_to_the_column_it_names(rule: WordRule):
    field = TABLES_BY_NAME[rule.table].field(rule.column)
    assert field.words is rule and field.description == rule.describe()


def test_codebook_and_table_schema_state_every_phrase():
    book = next(line for line in render_codebook().splitlines() if line.startswith(f"| `{COL}`"))
    assert "checked against the words of the row's quote" in book
    for value in RULE.phrases:
        assert all(f"'{p}'" in book for p in RULE.all_phrases(value))
    resource = next(r for r in expected_resources(metadata("XEX-2022")) if r["name"] == RULE.table)
    described = next(f for f in resource["schema"]["fields"] if f["name"] == COL)["description"]
    assert described == RULE.describe()


def test_report_explains_the_same_rule():
    md = CT.coverage_rule_md()
    for p in RULE.examples("true", 3) + RULE.examples("false", 3):
        assert p in md
    # 'on an equal footing with nationals' is named only as not enough, never as a reason for 'covered'
    covered_part = md.split("**limited**")[0]
    assert "equal footing" not in covered_part
    weak_sentence = next(s for s in md.split(". ") if "equal footing" in s)
    assert "not enough" in weak_sentence


def test_coverage_chart_note_no_longer_counts_equal_footing_as_covered():
    frame = covid_frame([resp("C01", True, "Care for all, regardless of migration status.")])
    fig = CC.coverage_chart(stub_profile(covid=frame))
    note = " ".join(t.get_text() for t in fig.texts)
    plt.close(fig)
    assert "regardless of … status" in note
    assert "'on an equal footing with nationals' is not enough" in note


def test_quotes_behind_each_answer_show_the_words_that_justify_it():
    frame = covid_frame([
        resp("C01", True, "Care for all, regardless of migration status."),
        resp("C02", False, "Open only to holders of residence permits."),
        resp("C03", None, "Vaccination on an equal footing with nationals."),
    ])
    md = CT.covered_quotes_md(frame)
    assert "**C01** — Covered regardless of status (words of the rule in the quote: “regardless of … status”)" \
        in md
    assert "“holders of”" in md and "C03" not in md


# --- mgi validate on a copy of the fictional profile ---------------------------------------------------------

@pytest.fixture
def copy(tmp_path) -> Path:
    return copy_profile("XEX-2022", tmp_path)


def _set(copy: Path, response_id: str, value: str) -> int:
    """Set the coverage cell of one response; return its spreadsheet row (header = row 1)."""
    path = copy / "covid_responses.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    j = rows[0].index(COL)
    n = next(i for i, r in enumerate(rows) if r[0] == response_id)
    rows[n][j] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return n + 1


def _problems(copy: Path):
    return check_profile(copy).problems


def test_the_fictional_profile_codes_by_the_rule(copy):
    assert check_profile(copy).ok  # C01 'regardless of migration status' true, C04 'holders of' false


@pytest.mark.parametrize("response_id", ["C02", "C03"])  # 'on an equal footing with nationals'; no words at all
def test_true_without_justifying_words_is_reported(copy, response_id):
    row = _set(copy, response_id, "true")
    [p] = _problems(copy)
    assert (p.file, p.row, p.column, p.value) == ("covid_responses.csv", row, COL, "true")
    text = p.format()
    assert text.startswith(f"covid_responses.csv, row {row}, column '{COL}': ")
    assert "none of the words that justify it" in text and "'regardless of … status'" in text
    assert "an empty cell when the quote does not say" in p.expected
    assert "Quote (evidence)" in p.hint


def test_false_without_limiting_words_is_reported(copy):
    row = _set(copy, "C01", "false")  # its quote widens coverage; nothing in it limits
    [p] = _problems(copy)
    assert (p.row, p.column, p.value) == (row, COL, "false") and "'holders of'" in p.expected


def test_empty_needs_no_words(copy):
    _set(copy, "C01", "")
    _set(copy, "C04", "")
    assert check_profile(copy).ok


def test_every_coded_row_of_every_shipped_profile_has_its_words():
    from profile_cases import PROFILE_IDS, present_tables, read_table
    checked = 0
    for pid in PROFILE_IDS:
        if RULE.table not in present_tables(pid):
            continue
        for r in read_table(pid, RULE.table):
            if r[COL]:
                assert RULE.justified(r[COL], r["evidence"]), (pid, r["response_id"], r[COL], r["evidence"])
                checked += 1
    assert checked >= 4, "the shipped profiles hold no coded row: this test would prove nothing"


def test_validator_leaves_a_profile_without_covid_table_alone(tmp_path):
    assert check_profile(copy_profile("XEX-2019", tmp_path)).ok  # it declares covid_responses absent
