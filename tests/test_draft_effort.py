"""The review-effort measure (helpers.draft.effort): accept, edit, hand and reject, row by row, on small keys
built here, so that each rule is seen to count what it says."""

from __future__ import annotations

import csv
from pathlib import Path

from helpers.draft.candidates import header
from helpers.draft.effort import Context, cell_errors, review_effort, score_table, word_overlap


def _finding(fid, evidence, status="new", instruments="", domain="migrants_rights", kind="update_since_baseline"):
    return {"finding_id": fid, "domain": domain, "kind": kind, "baseline_status": status,
            "instruments": instruments, "evidence": evidence, "summary": "x", "section": "s"}


def test_accept_edit_hand_reject_counted_per_row():
    key = [_finding("F1", "Law No. 5 was adopted in 2020."), _finding("F2", "The plan remains in force.",
                                                                      "unchanged"),
           _finding("F3", "Nothing drafted for this one.")]
    cands = [_finding("C1", "Since 2019, Law No. 5 was adopted in 2020. It applies to all."),  # holds F1: accept
             _finding("C2", "The plan remains in force.", "not_stated"),  # F2 with a wrong status: edit
             _finding("C3", "A footnote matching no key row.")]  # reject
    e, pairing = score_table("findings", key, cands, Context())
    assert (e.accept, e.edit, e.hand, e.reject) == (1, 1, 1, 1)
    assert e.edited_cells == {"baseline_status": 1}
    assert pairing.pairs == {0: 0, 1: 1}


def test_one_candidate_serves_one_key_row_the_second_is_by_hand_and_marked_split():
    para = "First sentence of the paragraph here. Second sentence of the same paragraph."
    key = [_finding("F1", "First sentence of the paragraph here."),
           _finding("F2", "Second sentence of the same paragraph.")]
    e, _ = score_table("findings", key, [_finding("C1", para)], Context())
    assert (e.accept, e.hand, e.split, e.reject) == (1, 1, 1, 0)


def test_quotes_compared_as_words_so_a_pdf_text_meets_the_key():
    assert word_overlap("the Act’s scope – broadened", "The Act's scope - broadened in 2021.")
    assert not word_overlap("scope broadened", "scope was broadened")


def test_instrument_title_must_be_the_full_name():
    k = {"type": "act", "number": "3", "year": "1998", "title_en": "Nationality Act No. 3 of 1998", "title_es": "",
         "after_baseline": "false", "status": "not_stated", "covid_measure": "false"}
    short = dict(k, title_en="Act No. 3")
    assert cell_errors("instruments", short, k, Context()) == ["title"]
    assert cell_errors("instruments", dict(k, title_en="Nationality Act No. 3 of 1998"), k, Context()) == []


def test_ids_are_read_through_the_pairing_of_the_other_table():
    k = _finding("F1", "q", instruments="LAW-5;labour-code")
    c = _finding("C1", "q", instruments="LAW-5;labour-code-2008")
    ctx = Context(instrument_ids={"LAW-5": "LAW-5", "labour-code-2008": "labour-code"})
    assert cell_errors("findings", c, k, ctx) == []
    ctx.instrument_ids.pop("labour-code-2008")  # that candidate was paired with nothing: the id is wrong
    assert cell_errors("findings", c, k, ctx) == ["instruments"]


def _figure(value, indicator, evidence, **kw):
    row = {"statistic_id": "", "value": value, "indicator": indicator, "evidence": evidence, "unit": "persons",
           "qualifier": "exact", "reference_date": "", "source_org": "", "source_id": "", "theme": "t"}
    row.update(kw)
    return row


def test_indicator_right_when_it_groups_figures_as_the_key_does():
    key = [_figure("4", "agreements", "rose from 4 in 2018 to 9 in 2022"),
           _figure("9", "agreements", "rose from 4 in 2018 to 9 in 2022"),
           _figure("30", "population", "30 migrants")]
    same = [_figure("4", "t_a", key[0]["evidence"]), _figure("9", "t_a", key[0]["evidence"]),
            _figure("30", "t_b", "30 migrants")]
    e, _ = score_table("statistics", key, same, Context())
    assert e.accept == 3
    split = [_figure("4", "t_a", key[0]["evidence"]), _figure("9", "t_c", key[0]["evidence"]),
             _figure("30", "t_b", "30 migrants")]
    e, _ = score_table("statistics", key, split, Context())
    assert (e.accept, e.edit) == (1, 2) and e.edited_cells == {"indicator": 2}


def test_method_figures_of_the_key_are_set_aside(tmp_path: Path):
    key = [_figure("90", "mgi_indicator_count", "around 90 indicators", theme="methodology"),
           _figure("30", "population", "30 migrants")]
    cands = [_figure("90", "x", "around 90 indicators"), _figure("30", "y", "30 migrants")]
    e, _ = score_table("statistics", key, cands, Context())
    assert (e.scored_rows, e.accept, e.reject, e.set_aside) == (1, 1, 0, 1)


def _write(path: Path, columns, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def test_review_effort_reads_key_and_candidate_files(tmp_path: Path):
    key_dir, draft = tmp_path / "key", tmp_path / "draft"
    key_dir.mkdir()
    draft.mkdir()
    _write(key_dir / "findings.csv", list(_finding("", "")), [_finding("F1", "Law No. 5 was adopted.")])
    _write(draft / "findings.candidates.csv", header("findings"), [_finding("C1", "Law No. 5 was adopted.")])
    efforts = {e.table: e for e in review_effort(draft, key_dir)}
    assert list(efforts) == ["findings"]  # only the tables the key has
    assert efforts["findings"].accept == 1
