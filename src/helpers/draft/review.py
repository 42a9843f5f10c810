"""Reviewing a draft: decisions on candidates, counts, and `mgi accept` writing the accepted rows into the tables.

Decisions live in <profile>/draft/decisions.csv, one row per candidate key (helpers.draft.candidates): accept,
edit (with the edited cells as JSON) or reject. A re-draft keeps the decisions of candidates whose key did not
change. `accept` writes every accepted or edited candidate (and nothing unreviewed) into the tables, keeps rows
a person wrote by hand, validates the result in a staging copy, and only then moves the tables into place.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from helpers.data.datapackage import DESCRIPTOR
from helpers.data.schema import TABLES_BY_NAME
from helpers.data.validate import check_profile
from helpers.draft.candidates import TABLE_ORDER, read_csv, write_csv
from helpers.errors import Problem
from helpers.paths import BadParameter

DRAFT_DIR = "draft"
DECISIONS = "decisions.csv"
DECISION_COLUMNS = ["review_key", "table", "decision", "edits", "note", "decided_at"]
CHOICES = ("accept", "edit", "reject")
ACCEPTED_LOG = "accepted.json"  # ids that accept wrote into each table, so a later accept replaces them


def candidates(profile_dir: Path, table: str) -> list[dict[str, str]]:
    if table not in TABLE_ORDER:
        raise BadParameter(f"Unknown table {table!r}: expected one of {', '.join(TABLE_ORDER)}.")
    return read_csv(profile_dir / DRAFT_DIR / f"{table}.candidates.csv")


def load_decisions(profile_dir: Path) -> dict[str, dict[str, str]]:
    return {r["review_key"]: r for r in read_csv(profile_dir / DRAFT_DIR / DECISIONS)}


def _save_decisions(profile_dir: Path, decisions: dict[str, dict[str, str]]) -> None:
    path = profile_dir / DRAFT_DIR / DECISIONS
    tmp = path.with_suffix(".csv.tmp")
    write_csv(tmp, DECISION_COLUMNS, list(decisions.values()))
    os.replace(tmp, path)


def decide(profile_dir: Path, table: str, key: str, decision: str, note: str = "", **edits: str) -> dict[str, str]:
    """Record a decision on one candidate; edit takes the changed cells as keyword arguments."""
    if decision not in CHOICES:
        raise BadParameter(f"Decision {decision!r}: expected one of {', '.join(CHOICES)}.")
    rows = {r["review_key"]: r for r in candidates(profile_dir, table)}
    if key not in rows:
        raise BadParameter(f"No {table} candidate has review_key {key!r} in {profile_dir / DRAFT_DIR}.")
    fields = set(TABLES_BY_NAME[table].field_names)
    unknown = sorted(set(edits) - fields)
    if unknown:
        raise BadParameter(f"{table} has no column {', '.join(unknown)}; columns: {', '.join(sorted(fields))}.")
    if decision == "edit" and not edits:
        raise BadParameter("An edit needs the changed cells, e.g. summary='...'.")
    if decision != "edit" and edits:
        decision = "edit"
    decisions = load_decisions(profile_dir)
    decisions[key] = {"review_key": key, "table": table, "decision": decision,
                      "edits": json.dumps(edits, ensure_ascii=False) if edits else "", "note": note,
                      "decided_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    _save_decisions(profile_dir, decisions)
    return decisions[key]


def decide_all(profile_dir: Path, table: str, decision: str = "accept", *, only_open: bool = True) -> int:
    """The same decision on every (open) candidate of a table; returns how many were decided."""
    decisions = load_decisions(profile_dir)
    n = 0
    for r in candidates(profile_dir, table):
        if only_open and r["review_key"] in decisions:
            continue
        decide(profile_dir, table, r["review_key"], decision)
        n += 1
    return n


@dataclass
class Counts:
    table: str
    candidates: int
    accepted: int
    edited: int
    rejected: int

    @property
    def open(self) -> int:
        return self.candidates - self.accepted - self.edited - self.rejected


def review_counts(profile_dir: Path) -> list[Counts]:
    decisions = load_decisions(profile_dir)
    out = []
    for table in TABLE_ORDER:
        keys = [r["review_key"] for r in candidates(profile_dir, table)]
        got = [decisions[k]["decision"] for k in keys if k in decisions]
        out.append(Counts(table, len(keys), got.count("accept"), got.count("edit"), got.count("reject")))
    return out


def counts_text(profile_id: str, counts: list[Counts], stale: int = 0) -> str:
    lines = [f"{profile_id}: review of the draft",
             f"  {'table':<16} {'candidates':>10} {'accepted':>9} {'edited':>7} {'rejected':>9} {'open':>5}"]
    for c in counts:
        lines.append(f"  {c.table:<16} {c.candidates:>10} {c.accepted:>9} {c.edited:>7} {c.rejected:>9} {c.open:>5}")
    if stale:
        lines.append(f"  {stale} decision(s) refer to candidates no longer in the draft (kept, not used).")
    return "\n".join(lines)


def stale_decisions(profile_dir: Path) -> int:
    keys = {r["review_key"] for t in TABLE_ORDER for r in candidates(profile_dir, t)}
    return sum(1 for k in load_decisions(profile_dir) if k not in keys)


# --- accept ------------------------------------------------------------------------------------------

def accepted_rows(profile_dir: Path, table: str) -> list[dict[str, str]]:
    """The accepted and edited candidates of a table as table rows (edits applied); never an open one."""
    decisions = load_decisions(profile_dir)
    fields = TABLES_BY_NAME[table].field_names
    out = []
    for r in candidates(profile_dir, table):
        d = decisions.get(r["review_key"])
        if not d or d["decision"] == "reject":
            continue
        row = {f: r.get(f, "") for f in fields}
        if d["decision"] == "edit" and d.get("edits"):
            row.update(json.loads(d["edits"]))
        out.append(row)
    return out


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
    for table, col, idcol in (("findings", "instruments", "finding_id"), ("covid_responses", "instruments",
                                                                            "response_id")):
        for r in rows.get(table, []):
            items = [i for i in (r.get(col) or "").split(";") if i]
            kept = [i for i in items if i in ids]
            if len(kept) != len(items):
                notes.append(f"{table} {r[idcol]}: dropped {', '.join(sorted(set(items) - set(kept)))} from "
                             f"{col} (not in instruments.csv)")
                r[col] = ";".join(kept)


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


def accept(profile_dir: Path) -> Accepted:
    """Write accepted candidates into the tables, validate in a staging copy, then move the tables into place."""
    if not (profile_dir / DRAFT_DIR).is_dir():
        raise BadParameter(f"{profile_dir} has no {DRAFT_DIR}/ folder: nothing to accept (draft with mgi new-profile).")
    meta = json.loads((profile_dir / DESCRIPTOR).read_text(encoding="utf-8"))
    absent = set((meta.get("mgi", {}).get("absent_tables") or {}))
    log_path = profile_dir / DRAFT_DIR / ACCEPTED_LOG
    log = json.loads(log_path.read_text(encoding="utf-8")) if log_path.is_file() else {}
    rows, written, kept, notes = {}, {}, {}, []
    for table in TABLE_ORDER:
        if table in absent:
            continue
        t = TABLES_BY_NAME[table]
        existing = read_csv(profile_dir / t.filename)
        mine = set(log.get(table, []))
        by_hand = [r for r in existing if r.get(t.primary_key) not in mine]
        new = accepted_rows(profile_dir, table)
        _unique_ids(new, t.primary_key, {r[t.primary_key] for r in by_hand})
        rows[table] = by_hand + new
        written[table], kept[table] = len(new), len(by_hand)
    _drop_dangling(rows, notes)
    open_ = sum(c.open for c in review_counts(profile_dir) if c.table not in absent)
    stage = Path(tempfile.mkdtemp(prefix=f".{profile_dir.name}.accept.", dir=profile_dir.parent))
    try:
        staged = stage / profile_dir.name
        shutil.copytree(profile_dir, staged, ignore=shutil.ignore_patterns(DRAFT_DIR))
        for table, rs in rows.items():
            t = TABLES_BY_NAME[table]
            write_csv(staged / t.filename, t.field_names, rs)
        checked = check_profile(staged)
        tables = {TABLES_BY_NAME[t].filename for t in rows}
        blocking = [p for p in checked.problems if p.file in tables]
        if blocking:
            raise AcceptFailed(blocking)
        for table in rows:  # each file replaced by an atomic rename; validation passed for all of them
            fn = TABLES_BY_NAME[table].filename
            os.replace(staged / fn, profile_dir / fn)
        log = {t: [r[TABLES_BY_NAME[t].primary_key] for r in accepted_rows_written(rows, t, written)] for t in rows}
        tmp = log_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(log, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, log_path)
        return Accepted(written, kept, open_, notes, [p for p in checked.problems if p.file not in tables])
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def accepted_rows_written(rows: dict[str, list[dict[str, str]]], table: str, written: dict[str, int]):
    return rows[table][len(rows[table]) - written[table]:] if written[table] else []


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
