"""`mgi accept`: write the accepted candidates into the tables, all tables of the profile in one step.

The new profile folder is built complete beside the old one (a copy, the tables rewritten, draft/accepted.json
saying which rows accept wrote), validated, and only then swapped into place in one step (helpers.atomic): an
accept killed at any moment leaves the profile as it was or wholly new, and the next accept gives the same tables
as a single one. Rows a person wrote by hand in the tables are kept; every table is written in the order of its
ids (natural order: F9 before F10), drafted and hand-written rows alike. A row that does not validate is named
as the person knows it: the candidate's id and review key, or the row of the table for a row written by hand.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from filelock import FileLock

from helpers import atomic
from helpers.data.datapackage import DESCRIPTOR
from helpers.data.schema import TABLES_BY_NAME
from helpers.data.validate import check_profile
from helpers.draft import review
from helpers.draft.candidates import TABLE_ORDER, read_csv, write_csv
from helpers.errors import Problem
from helpers.paths import BadParameter

STEPS = ("start", "copied", "tables_written", "validated", "log_written", "swapped", "done")


def id_order(value: str) -> list:
    """Natural order of ids: 'F9' < 'F10' < 'F070'; text parts compared without case."""
    return [int(t) if i % 2 else t.lower() for i, t in enumerate(re.split(r"(\d+)", value or ""))]


@dataclass
class Accepted:
    written: dict[str, int]  # table -> rows written from the draft
    kept: dict[str, int]  # table -> rows kept that a person wrote by hand
    open: int  # candidates still undecided (not written)
    notes: list[str]
    remaining: list[Problem]  # problems outside the tables (metadata still TODO): not blocking


class AcceptFailed(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def _unique_ids(rows: list[dict[str, str]], key: str, taken: set[str]) -> None:
    for r in rows:
        base, n = r[key], 2
        while r[key] in taken:
            r[key] = f"{base}-{n}"
            n += 1
        taken.add(r[key])


def _drop_dangling(rows: dict[str, list[dict[str, str]]], notes: list[str]) -> None:
    """List cells naming instruments that are not in the instruments table are trimmed (and said)."""
    ids = {r["instrument_id"] for r in rows.get("instruments", [])}
    for table, col, idcol in (("findings", "instruments", "finding_id"),
                              ("covid_responses", "instruments", "response_id")):
        for r in rows.get(table, []):
            items = [i for i in (r.get(col) or "").split(";") if i]
            kept = [i for i in items if i in ids]
            if len(kept) != len(items):
                notes.append(f"{table} {r[idcol]}: dropped {', '.join(sorted(set(items) - set(kept)))} from "
                             f"{col} (not in instruments.csv)")
                r[col] = ";".join(kept)


def _same_row(a: dict[str, str], b: dict[str, str], fields: list[str], pk: str) -> bool:
    return all(a.get(f, "") == b.get(f, "") for f in fields if f != pk)


def _tables(profile_dir: Path, absent: set[str], log: dict) -> tuple[dict, dict, dict, dict, list[str]]:
    """The new rows of every table (sorted by id), where each came from, and the counts."""
    rows, origin, written, kept, notes = {}, {}, {}, {}, []
    for table in TABLE_ORDER:
        if table in absent:
            continue
        t = TABLES_BY_NAME[table]
        new = review.accepted_rows(profile_dir, table)
        mine = set(log.get(table, []))
        # a row accept wrote is replaced; so is an unlogged copy of a candidate (an accept before this one,
        # interrupted by an older version of this command, left its rows without the log)
        by_hand = [r for r in read_csv(profile_dir / t.filename) if r.get(t.primary_key) not in mine
                   and not any(_same_row(r, n, t.field_names, t.primary_key) for n in new)]
        _unique_ids(new, t.primary_key, {r[t.primary_key] for r in by_hand})
        both = [(r, None) for r in by_hand] + [(r, r["_review_key"]) for r in new]
        both.sort(key=lambda x: id_order(x[0][t.primary_key]))
        rows[table] = [r for r, _ in both]
        origin[table] = [k for _, k in both]
        written[table], kept[table] = len(new), len(by_hand)
    _drop_dangling(rows, notes)
    return rows, origin, written, kept, notes


def _as_the_person_sees_it(p: Problem, origin: dict[str, list[str | None]], rows: dict) -> Problem:
    """A problem in a staged table, named by the candidate (id and review key) it came from."""
    table = next((t for t in origin if TABLES_BY_NAME[t].filename == p.file), None)
    if table is None or p.row is None or not 2 <= p.row < len(origin[table]) + 2:
        return p
    key, row = origin[table][p.row - 2], rows[table][p.row - 2]
    pk = TABLES_BY_NAME[table].primary_key
    if key is None:
        return Problem(f"{p.file} (a row written by hand, {pk} {row.get(pk)})", p.message, None, p.column,
                       p.value, p.expected, p.hint)
    return Problem(f"{table} candidate {row.get(pk)} (review key {key})", p.message, None, p.column, p.value,
                   p.expected, p.hint or "edit or reject this candidate (mgi review --workbook, or the notebook)")


def _lock_path(profile_dir: Path) -> str:
    digest = hashlib.sha256(str(profile_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return str(Path(tempfile.gettempdir()) / f"mgi-accept-{digest}.lock")


def accept(profile_dir: Path, *, checkpoint: Callable[[str], None] | None = None) -> Accepted:
    """Write accepted candidates into the tables: build the whole new folder, validate it, swap it in.

    `checkpoint(step)` is called at each of STEPS (tests use it to kill the process there)."""
    step = checkpoint or (lambda name: None)
    profile_dir = Path(profile_dir)
    step("start")
    with FileLock(_lock_path(profile_dir)):  # two accepts of one profile at once: one waits
        atomic.recover_swap(profile_dir)  # an accept killed halfway: its leftovers go, the profile stays whole
        if not (profile_dir / review.DRAFT_DIR).is_dir():
            raise BadParameter(f"{profile_dir} has no {review.DRAFT_DIR}/ folder: nothing to accept (draft with "
                               "mgi new-profile).")
        meta = json.loads((profile_dir / DESCRIPTOR).read_text(encoding="utf-8"))
        absent = set((meta.get("mgi", {}).get("absent_tables") or {}))
        log_path = Path(review.DRAFT_DIR) / review.ACCEPTED_LOG
        log = json.loads((profile_dir / log_path).read_text(encoding="utf-8")) \
            if (profile_dir / log_path).is_file() else {}
        rows, origin, written, kept, notes = _tables(profile_dir, absent, log)
        open_ = sum(c.open for c in review.review_counts(profile_dir) if c.table not in absent)
        with atomic.staging_dir(profile_dir) as stage:
            staged = stage / profile_dir.name
            shutil.copytree(profile_dir, staged)
            step("copied")
            for table, rs in rows.items():
                t = TABLES_BY_NAME[table]
                write_csv(staged / t.filename, t.field_names, rs)
            step("tables_written")
            checked = check_profile(staged)
            tables = {TABLES_BY_NAME[t].filename for t in rows}
            blocking = [p for p in checked.problems if p.file in tables]
            if blocking:
                raise AcceptFailed([_as_the_person_sees_it(p, origin, rows) for p in blocking])
            step("validated")
            new_log = {t: [r[TABLES_BY_NAME[t].primary_key] for r, k in zip(rows[t], origin[t]) if k]
                       for t in rows}
            (staged / log_path).write_text(json.dumps(new_log, indent=1) + "\n", encoding="utf-8")
            step("log_written")
            atomic.swap_dir(staged, profile_dir)  # the tables, the log and the rest: old or new, in one step
            step("swapped")
    step("done")
    return Accepted(written, kept, open_, notes, [p for p in checked.problems if p.file not in tables])


def accept_text(profile_id: str, a: Accepted) -> str:
    lines = [f"mgi accept {profile_id}: tables written and valid"]
    for t, n in a.written.items():
        lines.append(f"  {t + '.csv':<22} {n:>4} rows from the draft" + (f", {a.kept[t]} kept" if a.kept[t] else ""))
    if a.open:
        lines.append(f"  {a.open} candidate(s) still open: not written (decide them, then accept again)")
    lines += [f"  note: {n}" for n in a.notes]
    if a.remaining:
        lines.append(f"  still to do outside the tables ({len(a.remaining)}):")
        lines += ["    " + p.format() for p in a.remaining[:20]]
    return "\n".join(lines)
