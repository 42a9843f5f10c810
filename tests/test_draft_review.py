"""Reviewing a draft: decisions kept by candidate key (also across a re-draft), counts, `mgi accept` writing only
decided rows and nothing at all when they do not validate, and the whole workflow from a fictional profile's
text to a profile that validates and renders. Every test works in a temporary project (MGI_HOME)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from helpers import cli
from helpers.data.loader import load_profile
from helpers.draft import review
from helpers.draft.candidates import TABLE_ORDER, candidate_key
from helpers.draft.review_view import open_review
from helpers.draft.scaffold import new_profile, redraft
from helpers.paths import BadParameter, profiles_home, project_root
from notebook_runs import run, shown_text

REAL_NOTEBOOKS = project_root() / "notebooks"  # read at import, before a test moves the project root
FICTIONAL = project_root() / "tests" / "profiles" / "XEX-2022"
SOURCE = FICTIONAL / "mgi-examplia-second-profile-2022.txt"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_HOME", str(tmp_path / "project"))
    monkeypatch.setenv("MGI_PROFILE_PATH", str(tmp_path / "project" / "data" / "profiles"))
    return tmp_path


def _fill_metadata(folder: Path) -> None:
    """What a person types into datapackage.json: here, the fictional profile's own metadata."""
    ref = json.loads((FICTIONAL / "datapackage.json").read_text(encoding="utf-8"))
    meta = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for k in ("title", "description", "licenses", "sources"):
        meta[k] = ref[k]
    for k, v in ref["mgi"].items():
        if k not in ("source_file", "source_sha256", "profile_id"):
            meta["mgi"][k] = v
    (folder / "datapackage.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _review_the_rest(folder: Path, *skip: str) -> None:
    """A scripted review of every table but `skip`: accept all, reject figures without a unit (MiGOF's 3 and 3),
    write what the extracts use for each erratum."""
    for t in TABLE_ORDER:
        if t not in skip:
            review.decide_all(folder, t, "accept")
    for s in review.candidates(folder, "statistics"):
        if not s["unit"] and "statistics" not in skip:
            review.decide(folder, "statistics", s["review_key"], "reject", note="methodology, not a figure")
    for e in review.candidates(folder, "errata"):
        if "errata" not in skip:
            review.decide(folder, "errata", e["review_key"], "edit", extracts_use="the body's wording")


@pytest.fixture
def drafted(home):
    d = new_profile("XEX-2022", SOURCE)
    _fill_metadata(d.path)
    return d.path


def test_candidate_key_is_stable_and_depends_on_quote_and_key_fields():
    row = {"evidence": "Law No. 1  (2020) applies.", "domain": "wellbeing", "kind": "well_developed"}
    same = dict(row, evidence="Law No. 1 (2020)\napplies.", summary="another summary")
    assert candidate_key("findings", row) == candidate_key("findings", same)  # whitespace, non-key cells
    assert candidate_key("findings", row) != candidate_key("findings", dict(row, kind="further_development"))
    assert candidate_key("findings", row) != candidate_key("covid_responses", row)


def test_decisions_and_counts(drafted, capsys):
    keys = [r["review_key"] for r in review.candidates(drafted, "findings")]
    review.decide(drafted, "findings", keys[0], "accept")
    review.decide(drafted, "findings", keys[1], "edit", summary="Edited summary.")
    review.decide(drafted, "findings", keys[2], "reject", note="not a finding")
    counts = {c.table: c for c in review.review_counts(drafted)}
    f = counts["findings"]
    assert (f.accepted, f.edited, f.rejected, f.open) == (1, 1, 1, len(keys) - 3)
    assert all(c.accepted == c.edited == c.rejected == 0 for t, c in counts.items() if t != "findings")
    assert cli.main(["review", "XEX-2022"]) == 0
    out = capsys.readouterr().out
    assert "findings" in out and f"{len(keys) - 3:>5}" in out
    with pytest.raises(BadParameter, match="has no column"):
        review.decide(drafted, "findings", keys[0], "edit", nonsense="x")
    with pytest.raises(BadParameter, match="No findings candidate"):
        review.decide(drafted, "findings", "000000000000", "accept")


def test_an_unreviewed_candidate_never_reaches_a_table(drafted):
    _review_the_rest(drafted, "findings")
    first, second = review.candidates(drafted, "findings")[:2]
    review.decide(drafted, "findings", first["review_key"], "accept")
    review.decide(drafted, "findings", second["review_key"], "edit", summary="My own summary.",
                  baseline_status="improved")
    done = review.accept(drafted)
    rows = _rows(drafted / "findings.csv")
    assert [r["evidence"] for r in rows] == [first["evidence"], second["evidence"]]
    assert rows[1]["summary"] == "My own summary." and rows[1]["baseline_status"] == "improved"
    assert done.written["findings"] == 2 and done.open == len(review.candidates(drafted, "findings")) - 2
    assert not [c for c in _rows(drafted / "findings.csv") if c["evidence"] not in (first["evidence"],
                                                                                   second["evidence"])]


def test_accept_changes_nothing_when_the_rows_do_not_validate(drafted, capsys):
    review.decide_all(drafted, "findings", "accept")
    key = review.candidates(drafted, "findings")[0]["review_key"]
    review.decide(drafted, "findings", key, "edit", domain="nowhere")
    before = {p.name: p.read_bytes() for p in drafted.iterdir() if p.is_file()}
    assert cli.main(["accept", "XEX-2022"]) == 1
    err = capsys.readouterr().err
    assert "no table was changed" in err and "findings.csv, row 2, column 'domain'" in err and "nowhere" in err
    assert {p.name: p.read_bytes() for p in drafted.iterdir() if p.is_file()} == before


def test_redraft_keeps_decisions_of_unchanged_candidates(drafted, tmp_path):
    findings = review.candidates(drafted, "findings")
    for r in findings:
        review.decide(drafted, "findings", r["review_key"], "accept")
    changed = findings[0]["evidence"]
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(SOURCE.read_text(encoding="utf-8").replace(changed, changed.replace(" ", "  ", 1)[:-1]
                                                                    + " (corrected)."), encoding="utf-8")
    d, kept, stale = redraft("XEX-2022", corrected)
    assert (kept, stale) == (len(findings) - 1, 1)
    counts = {c.table: c for c in review.review_counts(drafted)}["findings"]
    assert (counts.accepted, counts.open) == (len(findings) - 1, 1)
    assert (drafted / d.source_file).read_text(encoding="utf-8") == corrected.read_text(encoding="utf-8")


def test_end_to_end_new_profile_review_accept_validate_and_render(home, tmp_path, capsys):
    assert cli.main(["new-profile", "XEX-2022", "--source", str(SOURCE)]) == 0
    folder = profiles_home() / "XEX-2022"
    _fill_metadata(folder)
    f0 = review.candidates(folder, "findings")[0]  # edit one, reject some, accept the rest
    review.decide(folder, "findings", f0["review_key"], "edit", summary="Foreign residents may work after "
                  "six months instead of a year.")
    _review_the_rest(folder)
    assert cli.main(["accept", "XEX-2022"]) == 0
    assert "tables written and valid" in capsys.readouterr().out
    assert cli.main(["validate", "XEX-2022"]) == 0
    profile = load_profile("XEX-2022", use_cache=False)
    assert f0["evidence"] in set(profile.findings["evidence"])
    assert "Foreign residents may work after six months instead of a year." in set(profile.findings["summary"])
    assert len(profile.findings) == len(review.candidates(folder, "findings"))
    (home / "project" / "notebooks").symlink_to(REAL_NOTEBOOKS)  # the project's notebooks, this temp data
    nb = run("overview", tmp_path, profile="XEX-2022")
    assert "Republic of Examplia — Migration Governance Indicators, Second Profile 2022" in shown_text(nb)


def test_review_notebook_runs_on_a_fictional_draft_by_default(tmp_path):
    nb = run("review_draft", tmp_path, table="instruments", limit=3)
    text = shown_text(nb)
    assert "XEX-2022" in text and "To decide" in text and "candidate(s) to decide" in text


def test_review_view_shows_passage_and_what_is_left(drafted):
    r = open_review("XEX-2022", "statistics")
    md = r.to_decide_md(limit=50)
    assert "**To decide:**" in md
    # a required cell the draft leaves empty is named (an erratum's extracts_use is always the reviewer's)
    assert "fill `extracts_use`" in open_review("XEX-2022", "errata").to_decide_md(limit=50)
    key = review.candidates(drafted, "statistics")[0]["review_key"]
    r.decide(key, "reject")
    assert key not in r.to_decide_md(limit=50)
    with pytest.raises(BadParameter, match="Unknown table"):
        open_review("XEX-2022", "tables")
