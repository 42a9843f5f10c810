"""Every evidence quote of every shipped profile is a verbatim passage of its source text.

Read directly from the CSVs (not through the loader) so that one broken table does not hide the quotes of
another; parametrized per profile, table and quote column so a failure names where to look.
"""

from __future__ import annotations

import pytest

from helpers.data.quotes import SourceText, collapse, first_difference
from profile_cases import PROFILE_IDS, quote_cases, read_table, source_flat, source_raw


@pytest.mark.parametrize(("pid", "table", "column"), quote_cases(), ids=lambda v: str(v))
def test_every_quote_is_in_the_source(pid, table, column):
    flat = source_flat(pid)
    rows = read_table(pid, table)
    missing = [(r["__row__"], r[column][:120]) for r in rows
               if r[column].strip() and collapse(r[column]) not in flat]
    assert not missing, f"{pid}/{table}.csv: quotes in column {column!r} not found in the source text: {missing}"


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_quote_cases_cover_every_table_with_evidence(pid):
    # a profile whose tables were all absent would make the parametrized test above pass vacuously
    tables = {t for p, t, _ in quote_cases() if p == pid}
    assert {"findings", "instruments", "statistics", "partnerships"} <= tables


@pytest.mark.parametrize("pid", PROFILE_IDS)
def test_required_evidence_is_never_empty(pid):
    for table in ("findings", "instruments", "statistics", "partnerships"):
        empty = [r["__row__"] for r in read_table(pid, table) if not r["evidence"].strip()]
        assert not empty, f"{pid}/{table}.csv rows without evidence: {empty}"


# --- the quote helpers themselves ---------------------------------------------------------------------

def test_collapse_joins_lines_and_runs_of_spaces():
    assert collapse("  a\n\n b\t c  ") == "a b c"


def test_source_text_contains_quotes_across_line_breaks():
    src = SourceText("First line of a\nparagraph.   Second  sentence.\n")
    assert src.contains("of a paragraph. Second sentence.")
    assert not src.contains("of a paragraph. Third sentence.")
    assert not src.contains("   ")  # an empty quote is never "found"


def test_closest_passage_and_first_difference_point_at_the_changed_word():
    pid = PROFILE_IDS[0]
    src = SourceText(source_raw(pid))
    words = collapse(source_raw(pid)).split(" ")
    original = " ".join(words[200:230])
    changed_words = original.split(" ")
    changed_words[10] = "XYZZY"
    quote = " ".join(changed_words)
    passage, score = src.closest(quote)
    assert original in passage or passage in original
    assert score > 90
    assert "'XYZZY'" in first_difference(quote, passage)


def test_locate_gives_the_raw_line_of_a_quote():
    raw = "title\n\nalpha beta\ngamma delta\n"
    assert SourceText(raw).locate("beta gamma") == 3
    assert SourceText(raw).locate("not there") is None
