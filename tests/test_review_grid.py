"""Reviewing a drafted fictional profile entirely through the review grid's Python API (what the notebook's grid
calls), and the editable grid widget driven as the browser drives it (a cell changed: ipydatagrid's cell-change
event), without a browser."""

from __future__ import annotations

import pytest

from helpers import cli
from helpers.data.loader import load_profile
from helpers.draft import review
from helpers.draft.candidates import TABLE_ORDER
from helpers.draft.review_grid import ReviewGrid
from helpers.paths import BadParameter


from test_review_workbook import drafted  # noqa: E402,F401  the same drafted fictional profile


def test_a_whole_review_through_the_grid(drafted, capsys):
    grids = {t: ReviewGrid(drafted, t) for t in TABLE_ORDER}
    # statistics: look at the figures, reject the first two as a reviewer would reject figures not worth keeping
    stats = grids["statistics"]
    no_unit = stats.shown().iloc[:2]
    assert len(no_unit) == 2
    assert stats.reject(*no_unit.index.tolist(), note="methodology, not a figure") == len(no_unit)
    # errata: what the extracts use, typed into the cell (an edit)
    for n in grids["errata"].shown().index:
        grids["errata"].edit(int(n), extracts_use="the body's wording")
    # findings: one edited, the rest accepted by rule
    f = grids["findings"]
    first = f.frame().iloc[0]
    f.edit(first["finding_id"], summary="Foreign residents may work after six months instead of a year.")
    f.edit(first["finding_id"], baseline_status="improved")  # merged with the earlier edit
    for rule in f.rules().index:
        f.accept_all_open(rule=rule)
    assert f.filter(decision="open").shown().empty
    for t in TABLE_ORDER:
        grids[t].accept_all_open()
    assert all(c.open == 0 for c in review.review_counts(drafted))
    assert cli.main(["accept", "XEX-2022"]) == 0
    assert cli.main(["validate", "XEX-2022"]) == 0
    profile = load_profile("XEX-2022", use_cache=False)
    row = profile.findings.loc[profile.findings["evidence"] == first["evidence"]].iloc[0]
    assert row["summary"].startswith("Foreign residents may work") and row["baseline_status"] == "improved"
    assert len(profile.statistics) == len(review.candidates(drafted, "statistics")) - len(no_unit)
    assert set(profile.errata["extracts_use"]) == {"the body's wording"}


def test_filters_show_one_table_at_a_time(drafted):
    g = ReviewGrid(drafted, "instruments")
    everything = g.shown()
    rule = g.rules().index[0]
    assert len(g.filter(rule=rule).shown()) == g.rules().loc[rule, "candidates"] < len(everything)
    word = everything.iloc[0]["instrument_id"]
    assert word in set(g.filter(text=word.lower()).shown()["instrument_id"])
    g.accept(everything.index[0])
    assert everything.index[0] not in g.filter(decision="open").shown().index
    assert list(g.filter(decision="accept").shown().index) == [everything.index[0]]
    with pytest.raises(BadParameter, match="Unknown table"):
        ReviewGrid(drafted, "tables")


def test_the_widget_records_what_is_typed_into_it(drafted):
    g = ReviewGrid(drafted, "instruments")
    box = g.filter(decision="open").widget()
    grid, status = box.children
    cands = review.candidates(drafted, "instruments")
    grid.set_cell_value("decision", 1, "reject")  # as the browser sends a changed cell
    grid.set_cell_value("status", 2, "in_force")
    before = dict(review.load_decisions(drafted))
    grid.set_cell_value("status", 3, "valid until 2030")
    assert review.load_decisions(drafted) == before  # refused: nothing recorded
    assert "refused" in g.messages[-1] and cands[2]["instrument_id"] in g.messages[-1] \
        and cands[2]["review_key"] in g.messages[-1]
    d = review.load_decisions(drafted)
    assert d[cands[0]["review_key"]]["decision"] == "reject"
    assert d[cands[1]["review_key"]]["decision"] == "edit" and review.edits_of(d[cands[1]["review_key"]]) == \
        {"status": "in_force"}
    assert 1 not in grid.data.index and 2 not in grid.data.index  # decided rows leave the 'open' view
    assert "reject: 1" in status.value and "edit: 1" in status.value
    grid.set_cell_value("decision", 4, "accept")
    assert review.load_decisions(drafted)[cands[3]["review_key"]]["decision"] == "accept"
