"""Reviewing a drafted fictional profile entirely through the review workbook, as a person would: `mgi review
--workbook`, then cells and decisions changed in the workbook (openpyxl here; LibreOffice for the round trip),
`mgi review --apply`, `mgi accept`, `mgi validate`. Refusals name the sheet, the cell and the candidate, and apply
nothing. Every test works in a temporary project (MGI_HOME)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from helpers import cli
from helpers.data.loader import load_profile
from helpers.data.schema import TABLES_BY_NAME
from helpers.draft import review
from helpers.draft.candidates import TABLE_ORDER
from helpers.draft.review_workbook import DECISION, KEY, LISTS, col_letter
from helpers.draft.scaffold import new_profile
from test_draft_review import SOURCE, _fill_metadata


@pytest.fixture
def drafted(tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_HOME", str(tmp_path / "project"))
    monkeypatch.setenv("MGI_PROFILE_PATH", str(tmp_path / "project" / "data" / "profiles"))
    d = new_profile("XEX-2022", SOURCE)
    _fill_metadata(d.path)
    return d.path


def _write(tmp_path, capsys, name: str = "review.xlsx") -> Path:
    out = tmp_path / name
    assert cli.main(["review", "XEX-2022", "--workbook", str(out)]) == 0
    capsys.readouterr()
    return out


def _header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def _decisions_bytes(folder: Path) -> bytes | None:
    p = folder / "draft" / "decisions.csv"
    return p.read_bytes() if p.is_file() else None


def test_the_workbook_has_what_a_reviewer_needs(drafted, tmp_path, capsys):
    out = _write(tmp_path, capsys)
    wb = openpyxl.load_workbook(out)
    tables = [t for t in TABLE_ORDER if review.candidates(drafted, t)]
    assert [s for s in wb.sheetnames if s in TABLE_ORDER] == tables
    assert wb[LISTS].sheet_state == "hidden"
    ws = wb["findings"]
    head = _header(ws)
    assert head[:2] == [DECISION, KEY] and set(TABLES_BY_NAME["findings"].field_names) <= set(head)
    assert {"passage", "review_rule", "review_hint", "decided_at"} <= set(head)
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToHeight == 0 and ws.page_setup.fitToWidth in (None, 1)  # one page wide (1: default)
    rules = {tuple(str(r) for r in v.sqref.ranges)[0].split(":")[0]: v for v in ws.data_validations.dataValidation}
    assert rules["A2"].formula1 == '"accept,edit,reject"'  # the decision drop-down
    domain = col_letter(head.index("domain"))
    assert rules[f"{domain}2"].formula1.startswith(f"{LISTS}!")  # the schema's allowed values
    lists = {c[0].value: [x.value for x in c[1:] if x.value] for c in wb[LISTS].iter_cols()}
    assert lists["findings.domain"][0] == "migrants_rights" and "wellbeing" in lists["findings.domain"]
    cands = review.candidates(drafted, "findings")
    assert [ws.cell(r, 2).value for r in range(2, len(cands) + 2)] == [c["review_key"] for c in cands]
    assert all(c.data_type == "s" for row in ws.iter_rows(min_row=2) for c in row if c.value is not None)
    passage = ws.cell(2, head.index("passage") + 1).value
    assert cands[0]["evidence"] in str(passage)
    assert ws.conditional_formatting  # decided rows shaded, following the decision cell


def test_a_whole_review_through_the_workbook(drafted, tmp_path, capsys):
    out = _write(tmp_path, capsys)
    wb = openpyxl.load_workbook(out)
    edited_summary = "Foreign residents may work after six months instead of a year."
    rejected, edited = [], {}
    for table in [t for t in TABLE_ORDER if t in wb.sheetnames]:
        ws = wb[table]
        head = _header(ws)
        col = {name: i + 1 for i, name in enumerate(head)}
        for r in range(2, ws.max_row + 1):
            if table == "statistics" and r in (2, 3):
                ws.cell(r, col[DECISION]).value = "reject"  # two figures the reviewer does not keep
                ws.cell(r, col["review_note"]).value = "methodology, not a figure"
                rejected.append(ws.cell(r, col[KEY]).value)
            elif table == "errata":
                ws.cell(r, col["extracts_use"]).value = "the body's wording"  # a changed cell, no decision: edit
            elif table == "findings" and r == 2:
                ws.cell(r, col["summary"]).value = edited_summary
                ws.cell(r, col[DECISION]).value = "accept"  # accept with a changed cell: an edit
                edited[ws.cell(r, col[KEY]).value] = edited_summary
            else:
                ws.cell(r, col[DECISION]).value = "accept"
    wb.save(out)
    assert cli.main(["review", "XEX-2022", "--apply", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "Still open" not in shown
    counts = {c.table: c for c in review.review_counts(drafted)}
    assert all(c.open == 0 for c in counts.values())
    assert counts["statistics"].rejected == len(rejected) > 0  # rows (two may share one key)
    assert counts["errata"].edited == counts["errata"].candidates > 0
    assert counts["findings"].edited == 1
    assert {review.load_decisions(drafted)[k]["note"] for k in rejected} == {"methodology, not a figure"}
    decisions = review.load_decisions(drafted)
    assert all(d["decided_at"].endswith("Z") for d in decisions.values())
    # a round trip with no change changes nothing
    before = _decisions_bytes(drafted)
    again = tmp_path / "again.xlsx"
    assert cli.main(["review", "XEX-2022", "--workbook", str(again)]) == 0
    assert cli.main(["review", "XEX-2022", "--apply", str(again)]) == 0
    assert _decisions_bytes(drafted) == before
    assert cli.main(["accept", "XEX-2022"]) == 0
    assert cli.main(["validate", "XEX-2022"]) == 0
    profile = load_profile("XEX-2022", use_cache=False)
    assert edited_summary in set(profile.findings["summary"])
    assert set(profile.errata["extracts_use"]) == {"the body's wording"}
    assert len(profile.statistics) == len(review.candidates(drafted, "statistics")) - len(rejected)


def test_invalid_cells_are_refused_naming_sheet_cell_and_candidate_and_nothing_is_applied(drafted, tmp_path,
                                                                                           capsys):
    out = _write(tmp_path, capsys)
    wb = openpyxl.load_workbook(out)
    ws = wb["instruments"]
    head = _header(ws)
    status = head.index("status") + 1
    ws.cell(2, 1).value = "accept"  # a valid decision, which must not be applied either
    ws.cell(3, status).value = "valid until 2030"
    ws.cell(4, 1).value = "maybe"
    fws = wb["findings"]
    fws.cell(fws.max_row + 1, 1).value = "accept"  # a row added by hand, without review key
    wb.save(out)
    assert cli.main(["review", "XEX-2022", "--apply", str(out)]) == 1
    err = capsys.readouterr().err
    cands = review.candidates(drafted, "instruments")
    assert "nothing was applied" in err
    assert (f"instruments!{col_letter(status - 1)}3: instruments candidate {cands[1]['instrument_id']} "
            f"(review key {cands[1]['review_key']})") in err and "'valid until 2030'" in err
    assert f"instruments!A4: instruments candidate {cands[2]['instrument_id']}" in err and "'maybe'" in err
    assert f"findings!B{fws.max_row}: a row without review key" in err
    assert _decisions_bytes(drafted) is None  # not even the valid decision of row 2


def test_a_workbook_saved_by_libreoffice_still_applies(drafted, tmp_path, capsys):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: the round trip through it cannot be tested here")
    review.decide(drafted, "findings", review.candidates(drafted, "findings")[0]["review_key"], "edit",
                  summary="An earlier edit.")
    out = _write(tmp_path, capsys)
    wb = openpyxl.load_workbook(out)
    ws = wb["instruments"]
    head = _header(ws)
    ws.cell(2, 1).value = "reject"
    ws.cell(3, head.index("status") + 1).value = "in_force"
    wb.save(out)
    lo = tmp_path / "lo"
    res = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                          "--convert-to", "xlsx", "--outdir", str(lo), str(out)], capture_output=True, text=True,
                         timeout=180)
    assert res.returncode == 0 and (lo / out.name).is_file(), res.stderr
    assert cli.main(["review", "XEX-2022", "--apply", str(lo / out.name)]) == 0
    cands = review.candidates(drafted, "instruments")
    d = review.load_decisions(drafted)
    assert d[cands[0]["review_key"]]["decision"] == "reject"
    assert d[cands[1]["review_key"]]["decision"] == "edit" and '"status": "in_force"' in d[cands[1]["review_key"]]["edits"]
    assert "An earlier edit." in d[review.candidates(drafted, "findings")[0]["review_key"]]["edits"]
    # written again and saved by LibreOffice without a change: nothing changes
    before = _decisions_bytes(drafted)
    again = _write(tmp_path, capsys, "again.xlsx")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                    "--convert-to", "xlsx", "--outdir", str(lo), str(again)], capture_output=True, timeout=180)
    assert cli.main(["review", "XEX-2022", "--apply", str(lo / again.name)]) == 0
    assert _decisions_bytes(drafted) == before


def test_text_is_stored_as_text_never_as_a_formula(drafted, tmp_path, capsys):
    key = review.candidates(drafted, "findings")[0]["review_key"]
    review.decide(drafted, "findings", key, "edit", summary="=HYPERLINK(\"http://x\")")
    out = _write(tmp_path, capsys)
    ws = openpyxl.load_workbook(out)["findings"]
    cell = ws.cell(2, _header(ws).index("summary") + 1)
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\")" and cell.quotePrefix
    assert cli.main(["review", "XEX-2022", "--apply", str(out)]) == 0  # the text comes back unchanged
    assert review.edits_of(review.load_decisions(drafted)[key]) == {"summary": "=HYPERLINK(\"http://x\")"}


def test_clearing_a_decision_reopens_the_candidate(drafted, tmp_path, capsys):
    first = review.candidates(drafted, "partnerships")[0]
    review.decide(drafted, "partnerships", first["review_key"], "accept")
    out = _write(tmp_path, capsys)
    wb = openpyxl.load_workbook(out)
    assert wb["partnerships"].cell(2, 1).value == "accept"  # decided rows carry their decision
    wb["partnerships"].cell(2, 1).value = None
    wb.save(out)
    assert cli.main(["review", "XEX-2022", "--apply", str(out)]) == 0
    assert first["review_key"] not in review.load_decisions(drafted)
    assert f"Still open in partnerships" in capsys.readouterr().out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_a_workbook_is_never_overwritten_before_it_is_applied(drafted, tmp_path, capsys):
    out = _write(tmp_path, capsys)
    wb = openpyxl.load_workbook(out)
    wb["findings"].cell(2, 1).value = "accept"
    wb.save(out)
    saved = out.read_bytes()
    assert cli.main(["review", "XEX-2022", "--workbook", str(out)]) == 2  # would lose the decision typed in it
    assert "already exists" in capsys.readouterr().err and out.read_bytes() == saved
    # apply it and write it anew in one command: the decision is taken, then shown in the new workbook
    assert cli.main(["review", "XEX-2022", "--apply", str(out), "--workbook", str(out)]) == 0
    assert openpyxl.load_workbook(out)["findings"].cell(2, 1).value == "accept"
    assert len(review.load_decisions(drafted)) == 1
