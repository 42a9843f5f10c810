"""`mgi accept` never half-writes: killed at each of its steps (a real SIGKILL in a child process), the profile's
tables are all as they were or all new, and the next accept gives the same tables as one accept. Also: the one
atomic-write module's folder swap and its recovery, decisions merging cell by cell, the order of rows, and
what `mgi review` lists as open."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import atomic, cli
from helpers.data.schema import TABLES_BY_NAME
from helpers.draft import review
from helpers.draft.accept import STEPS, id_order
from helpers.draft.candidates import TABLE_ORDER
from helpers.draft.scaffold import new_profile
from helpers.paths import BadParameter
from test_draft_review import SOURCE, _fill_metadata, _review_the_rest

KILL_AT = """
import os, signal, sys
from pathlib import Path
from helpers.draft.accept import accept
def checkpoint(step):
    if step == sys.argv[2]:
        os.kill(os.getpid(), signal.SIGKILL)
accept(Path(sys.argv[1]), checkpoint=checkpoint)
"""


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_HOME", str(tmp_path / "project"))
    monkeypatch.setenv("MGI_PROFILE_PATH", str(tmp_path / "project" / "data" / "profiles"))
    return tmp_path


def _state(folder: Path) -> dict[str, bytes]:
    """What accept writes: every table and the log of the rows it wrote."""
    files = [TABLES_BY_NAME[t].filename for t in TABLE_ORDER] + [f"draft/{review.ACCEPTED_LOG}"]
    return {f: (folder / f).read_bytes() for f in files if (folder / f).is_file()}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def before_and_after(home):
    """A profile accepted once, then reviewed further and given a row by hand: its state before a second accept,
    and the state one uninterrupted second accept gives (in a copy)."""
    d = new_profile("XEX-2022", SOURCE)
    _fill_metadata(d.path)
    _review_the_rest(d.path)
    review.accept(d.path)
    findings = review.candidates(d.path, "findings")
    review.decide(d.path, "findings", findings[0]["review_key"], "reject", note="second thoughts")
    review.decide(d.path, "findings", findings[1]["review_key"], "edit", summary="Edited after the first accept.")
    rows = _rows(d.path / "findings.csv")
    hand = dict(rows[2], finding_id="F099", summary="A finding written by hand.")
    with (d.path / "findings.csv").open("a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, list(rows[0]), lineterminator="\n").writerow(hand)
    template = home / "template"
    shutil.copytree(d.path, template / "XEX-2022")
    ref = home / "reference" / "XEX-2022"
    shutil.copytree(d.path, ref)
    review.accept(ref)
    return template / "XEX-2022", _state(template / "XEX-2022"), _state(ref)


@pytest.mark.parametrize("step", STEPS)
def test_accept_killed_at_any_step_leaves_old_or_new_tables_and_accepting_again_gives_one_accept(
        before_and_after, home, step):
    template, before, after = before_and_after
    assert before != after
    folder = home / f"killed-{step}" / "XEX-2022"
    shutil.copytree(template, folder)
    res = subprocess.run([sys.executable, "-c", KILL_AT, str(folder), step], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == -signal.SIGKILL, res.stderr  # really killed there
    state = _state(folder)
    assert state in (before, after), f"killed at {step}: a mix of old and new tables"
    assert state == (after if STEPS.index(step) >= STEPS.index("swapped") else before)
    review.accept(folder)  # the next accept: as if there had been one
    assert _state(folder) == after
    assert not [p for p in folder.parent.iterdir() if p.name != "XEX-2022"]  # no stage or old copy left over


def test_accept_after_an_unlogged_one_does_not_double_the_tables(home):
    """Tables written by an accept whose log never made it (the bug of old versions): accept again, same rows."""
    d = new_profile("XEX-2022", SOURCE)
    _fill_metadata(d.path)
    _review_the_rest(d.path)
    review.accept(d.path)
    once = _state(d.path)
    (d.path / "draft" / review.ACCEPTED_LOG).unlink()
    review.accept(d.path)
    assert _state(d.path) == once


def test_rows_keep_the_order_of_their_ids_drafted_and_by_hand(home):
    d = new_profile("XEX-2022", SOURCE)
    _fill_metadata(d.path)
    _review_the_rest(d.path)
    review.accept(d.path)
    rows = _rows(d.path / "findings.csv")
    hand = dict(rows[3], finding_id="F099", summary="Written by hand, first in the file.")
    with (d.path / "findings.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows([hand] + rows)
    done = review.accept(d.path)
    ids = [r["finding_id"] for r in _rows(d.path / "findings.csv")]
    assert ids == sorted(ids, key=id_order) and ids[-1] == "F099" and done.kept["findings"] == 1
    assert [r["finding_id"] for r in review.candidates(d.path, "findings")] == ids[:-1]  # ids in the text's order
    assert id_order("F9") < id_order("F10") < id_order("F070")


def test_a_later_edit_merges_with_the_earlier_one_cell_by_cell(home):
    d = new_profile("XEX-2022", SOURCE)
    stat = next(s for s in review.candidates(d.path, "statistics") if s["unit"])
    key = stat["review_key"]
    review.decide(d.path, "statistics", key, "edit", qualifier="over")
    review.decide(d.path, "statistics", key, "edit", label="Foreign residents")
    dec = review.load_decisions(d.path)[key]
    assert review.edits_of(dec) == {"qualifier": "over", "label": "Foreign residents"}
    assert dec["decided_at"].endswith("Z") and len(dec["decided_at"]) == 20
    review.decide(d.path, "statistics", key, "accept")  # accepting keeps the edits
    assert review.load_decisions(d.path)[key]["decision"] == "edit"
    review.decide(d.path, "statistics", key, "edit", qualifier=stat["qualifier"])  # back to the draft's value
    assert review.edits_of(review.load_decisions(d.path)[key]) == {"label": "Foreign residents"}
    review.decide(d.path, "statistics", key, "accept", replace_edits=True)
    assert review.load_decisions(d.path)[key]["decision"] == "accept"
    review.decide(d.path, "statistics", key, "open")
    assert key not in review.load_decisions(d.path)
    with pytest.raises(BadParameter, match=r"statistics candidate ST\d+ \(review key [0-9a-f]{12}\)"):
        review.decide(d.path, "statistics", key, "edit", value="about 12")


def test_mgi_review_lists_what_is_still_open_per_table(home, capsys):
    d = new_profile("XEX-2022", SOURCE)
    review.decide_all(d.path, "findings", "accept")
    first = review.candidates(d.path, "instruments")[0]
    assert cli.main(["review", "XEX-2022", "--open", "100"]) == 0
    out = capsys.readouterr().out
    assert "Still open in findings" not in out
    assert f"Still open in instruments ({len(review.candidates(d.path, 'instruments'))})" in out
    assert first["instrument_id"] in out and first["review_key"] in out


def test_swap_dir_fallback_killed_between_its_renames_is_recovered(tmp_path, monkeypatch):
    dest = tmp_path / "P"
    dest.mkdir()
    (dest / "a.csv").write_text("old")
    with atomic.staging_dir(dest) as stage:
        (stage / "a.csv").write_text("new")
        monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)  # no atomic exchange on this system
        real = os.replace
        calls = []

        def dies_on_the_second(a, b):
            calls.append(a)
            if len(calls) == 2:
                raise KeyboardInterrupt  # killed between the two renames
            real(a, b)

        monkeypatch.setattr(atomic.os, "replace", dies_on_the_second)
        with pytest.raises(KeyboardInterrupt):
            atomic.swap_dir(stage, dest)
        monkeypatch.setattr(atomic.os, "replace", real)
    assert not dest.exists()  # the half-done state recover_swap is for
    atomic.recover_swap(dest)
    assert (dest / "a.csv").read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["P"]


def test_atomic_writes_leave_the_old_file_when_interrupted(tmp_path):
    target = tmp_path / "t.txt"
    atomic.write_text(target, "old")
    with pytest.raises(RuntimeError):
        with atomic.atomic_output(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("killed")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["t.txt"]


def test_every_writer_uses_the_one_atomic_module():
    """No module but helpers.atomic renames files over others or makes temporary files to do so."""
    src = Path(atomic.__file__).parent
    offenders = []
    for path in src.rglob("*.py"):
        if path.name == "atomic.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("os.replace(", "os.rename(", "mkstemp(", "NamedTemporaryFile("):
            if needle in text:
                offenders.append(f"{path.relative_to(src)}: {needle}")
    assert not offenders, offenders


def test_mgi_review_during_an_accept_leaves_the_accept_its_stage(home, capsys):
    """`mgi review` recovers a half-done swap but never removes a folder an accept is building right now."""
    d = new_profile("XEX-2022", SOURCE)
    with atomic.staging_dir(d.path) as stage:
        (stage / "being-built.txt").write_text("an accept is writing here")
        assert cli.main(["review", "XEX-2022"]) == 0
        assert (stage / "being-built.txt").is_file()
    with pytest.raises(FileNotFoundError):
        atomic.swap_dir(d.path.parent / "no-such-stage", d.path)  # never moves the old folder aside for nothing
    assert (d.path / "datapackage.json").is_file()
