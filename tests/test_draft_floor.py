"""A floor under drafting: the in-sample and test profiles (PER-2021, tests/profiles/XEX-*) are drafted afresh and
scored row by row (helpers.draft.effort); a pattern edit that loses rows found or rows right as drafted fails here
with the figures. The floors sit just under the figures of the drafter when they were set (benchmarks/
REVIEW_EFFORT.md); raise them when the drafter gets better, never lower them to let a regression through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.draft.effort import review_effort
from helpers.draft.scaffold import DRAFT_DIR, new_profile
from helpers.paths import project_root

ROOT = project_root()
PROFILES = {"PER-2021": ROOT / "data" / "profiles" / "PER-2021",
            "XEX-2019": ROOT / "tests" / "profiles" / "XEX-2019",
            "XEX-2022": ROOT / "tests" / "profiles" / "XEX-2022"}
# (profile, table): (key rows found by a candidate, key rows right as drafted, scored cells right) at least
FLOOR = {
    ("PER-2021", "findings"): (81, 33, 274),  # now 83, 35, 280 of 89 rows
    ("PER-2021", "instruments"): (79, 12, 434),  # now 81, 14, 443 of 98 rows
    ("PER-2021", "statistics"): (21, 9, 151),  # now 22, 10, 154 of 25 rows
    ("PER-2021", "covid_responses"): (11, 5, 68),  # now 12, 6, 70 of 17 rows
    ("PER-2021", "partnerships"): (8, 8, 34),  # now 9, 9, 36 of 11 rows
    ("PER-2021", "sources"): (78, 78, 392),  # now 80, 80, 400 of 80 rows
    ("PER-2021", "errata"): (6, 3, 2),  # now 7, 4, 4 of 31 rows
    ("XEX-2019", "findings"): (17, 16, 69),  # now 18, 17, 71 of 18 rows
    ("XEX-2019", "instruments"): (5, 1, 34),  # now 6, 2, 36 of 6 rows
    ("XEX-2019", "statistics"): (5, 5, 46),  # now 6, 6, 48 of 6 rows
    ("XEX-2019", "partnerships"): (1, 0, 4),  # now 2, 0, 6 of 2 rows
    ("XEX-2019", "sources"): (4, 4, 23),  # now 5, 5, 25 of 5 rows
    ("XEX-2019", "errata"): (0, 0, 0),  # now 0, 0, 0 of 0 rows
    ("XEX-2022", "findings"): (20, 16, 78),  # now 21, 17, 80 of 21 rows
    ("XEX-2022", "instruments"): (10, 0, 60),  # now 11, 1, 62 of 12 rows
    ("XEX-2022", "statistics"): (5, 5, 46),  # now 6, 6, 48 of 6 rows
    ("XEX-2022", "covid_responses"): (1, 0, 9),  # now 2, 0, 11 of 4 rows
    ("XEX-2022", "partnerships"): (1, 0, 4),  # now 2, 1, 6 of 2 rows
    ("XEX-2022", "sources"): (5, 5, 28),  # now 6, 6, 30 of 6 rows
    ("XEX-2022", "errata"): (0, 0, 0),  # now 1, 0, 0 of 1 rows
}


def _score(pid: str, tmp: Path) -> dict[str, tuple[int, int, int, int]]:
    key_dir = PROFILES[pid]
    meta = json.loads((key_dir / "datapackage.json").read_text(encoding="utf-8"))
    drafted = new_profile(pid, key_dir / meta["mgi"]["source_file"], home=tmp)
    return {e.table: (e.scored_rows, e.accept + e.edit, e.accept, e.cells_right)
            for e in review_effort(drafted.path / DRAFT_DIR, key_dir)}


def below_floor(pid: str, got: dict[str, tuple[int, int, int, int]], floor=FLOOR) -> list[str]:
    """The tables of a profile whose rows found, rows right or cells right fall under the floor (a table the
    floor names but the draft lacks counts as zero)."""
    out = []
    for (p, t), (f, r, c) in floor.items():
        rows, found, right, cells = got.get(t, (0, 0, 0, 0))
        if p == pid and (found < f or right < r or cells < c):
            out.append(f"{t}: found {found} (floor {f}), right {right} (floor {r}), cells {cells} (floor {c})")
    return out


def test_the_floor_check_names_what_fell():
    got = {"findings": (10, 9, 5, 30), "sources": (4, 4, 4, 20)}
    floor = {("X", "findings"): (9, 6, 30), ("X", "sources"): (4, 4, 20), ("X", "errata"): (1, 0, 0)}
    assert below_floor("X", got, floor) == ["findings: found 9 (floor 9), right 5 (floor 6), cells 30 (floor 30)",
                                            "errata: found 0 (floor 1), right 0 (floor 0), cells 0 (floor 0)"]
    assert below_floor("Y", got, floor) == []


@pytest.mark.parametrize("pid", sorted(PROFILES))
def test_drafting_keeps_its_floor(pid, tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_HOME", str(tmp_path))
    got = _score(pid, tmp_path)
    figures = "; ".join(f"{t}: {found}/{rows} found, {right} right as drafted, {cells} cells right"
                        for t, (rows, found, right, cells) in got.items())
    below = below_floor(pid, got)
    assert not below, f"{pid} drafted below its floor ({'; '.join(below)}). Figures now: {figures}"
    assert any(p == pid for p, _ in FLOOR), f"no floor set for {pid}; figures now: {figures}"
