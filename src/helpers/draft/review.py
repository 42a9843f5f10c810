"""Reviewing a draft: decisions on candidates, what is still open, and checking a cell a person typed.

Decisions live in <profile>/draft/decisions.csv, one row per candidate key (helpers.draft.candidates): accept,
edit (the edited cells as JSON) or reject, with the UTC time it was taken. A later edit of a candidate merges with
the earlier one cell by cell (a cell set back to the drafted value drops out of the edits); accepting an edited
candidate keeps its edits (pass `replace_edits=True` to start again from the draft). A re-draft keeps the
decisions of candidates whose key did not change. Every way of deciding (the notebook, the grid, the workbook)
goes through `apply_decisions`: all checked first, then written in one atomic step, or nothing at all.

`mgi accept` is in helpers.draft.accept (re-exported here).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from helpers import atomic
from helpers.data.schema import LIST_DELIMITER, TABLES_BY_NAME
from helpers.draft.candidates import TABLE_ORDER, read_csv, write_csv
from helpers.paths import BadParameter

DRAFT_DIR = "draft"
DECISIONS = "decisions.csv"
DECISION_COLUMNS = ["review_key", "table", "decision", "edits", "note", "decided_at"]
CHOICES = ("accept", "edit", "reject")
OPEN = "open"  # no decision (yet); `decide(..., "open")` withdraws one
ACCEPTED_LOG = "accepted.json"  # ids that accept wrote into each table, so a later accept replaces them


def candidates(profile_dir: Path, table: str) -> list[dict[str, str]]:
    if table not in TABLE_ORDER:
        raise BadParameter(f"Unknown table {table!r}: expected one of {', '.join(TABLE_ORDER)}.")
    return read_csv(profile_dir / DRAFT_DIR / f"{table}.candidates.csv")


def load_decisions(profile_dir: Path) -> dict[str, dict[str, str]]:
    return {r["review_key"]: r for r in read_csv(profile_dir / DRAFT_DIR / DECISIONS)}


def _save_decisions(profile_dir: Path, decisions: dict[str, dict[str, str]]) -> None:
    with atomic.atomic_output(profile_dir / DRAFT_DIR / DECISIONS) as tmp:
        write_csv(tmp, DECISION_COLUMNS, list(decisions.values()))


def now_utc() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def edits_of(decision: dict[str, str] | None) -> dict[str, str]:
    return json.loads(decision["edits"]) if decision and decision.get("edits") else {}


def who(table: str, row: dict[str, str]) -> str:
    """How a person finds a candidate: its table, id and review key."""
    pk = TABLES_BY_NAME[table].primary_key
    return f"{table} candidate {row.get(pk) or '(no id)'} (review key {row.get('review_key', '?')})"


# --- checking a cell ---------------------------------------------------------------------------------

_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def cell_problem(table: str, column: str, value: str) -> str | None:
    """What is wrong with a value typed into a cell of `table`.`column`, in plain words; None when it is fine.

    The schema's own rules (required, allowed values, type, pattern); quotes and references between tables are
    checked by `mgi accept`, which validates the whole profile."""
    f = next((f for f in TABLES_BY_NAME[table].fields if f.name == column), None)
    if f is None:
        return f"{table} has no column {column!r}"
    if value == "":
        return f"{column} is required: expected {f.expected()}" if f.required else None
    ok = True
    if f.enum:
        ok = value in f.enum
    elif f.type == "integer":
        ok = bool(_INTEGER.match(value))
    elif f.type == "number":
        ok = bool(_NUMBER.match(value))
    elif f.type == "boolean":
        ok = value in ("true", "false")
    elif f.type == "list" and f.item_enum:
        ok = all(i in f.item_enum for i in value.split(LIST_DELIMITER) if i)
    if ok and f.pattern and f.type != "list":
        ok = bool(re.match(f.pattern, value))
    if ok and f.minimum is not None and f.type in ("integer", "number"):
        ok = float(value) >= f.minimum
    return None if ok else f"{value!r} is not allowed in {column}: expected {f.expected()}"


def allowed_values(table: str, column: str) -> tuple[str, ...] | None:
    """The values a drop-down offers for a cell (allowed codes, or true/false); None for free text."""
    f = next(f for f in TABLES_BY_NAME[table].fields if f.name == column)
    if f.enum:
        return tuple(f.enum)
    if f.type == "boolean":
        return ("true", "false")
    return None


# --- deciding ----------------------------------------------------------------------------------------

@dataclass
class Decision:
    """One decision to take: on the candidate with `key`; `edits` are cells to change (merged with earlier ones)."""

    table: str
    key: str
    decision: str  # accept, edit, reject or open
    edits: dict[str, str] | None = None
    note: str | None = None  # None keeps the earlier note
    replace_edits: bool = False
    where: str = ""  # where the person typed it (a workbook cell), for the error message


def _merge(prev: dict[str, str] | None, d: Decision, row: dict[str, str], fields: list[str]) -> tuple[dict, list]:
    """The decision row to store, and the problems (plain words) that refuse it."""
    problems = []
    unknown = sorted(set(d.edits or {}) - set(fields))
    if unknown:
        problems.append(f"{d.table} has no column {', '.join(unknown)}; columns: {', '.join(fields)}")
    for col, value in (d.edits or {}).items():
        if col in fields and (msg := cell_problem(d.table, col, value)):
            problems.append(f"column '{col}': {msg}")
    merged = {} if d.replace_edits else edits_of(prev)
    merged.update({c: v for c, v in (d.edits or {}).items() if c in fields})
    merged = {c: v for c, v in merged.items() if v != row.get(c, "")}  # back to the drafted value: no edit
    decision = d.decision
    if decision not in CHOICES + (OPEN,):
        problems.append(f"decision {decision!r}: expected one of {', '.join(CHOICES)} (or empty for open)")
    elif decision in ("accept", "edit") and merged:
        decision = "edit"
    elif decision == "edit":
        problems.append("decision 'edit' but no cell differs from the draft: change a cell, or choose accept")
    note = (prev or {}).get("note", "") if d.note is None else d.note
    stored = {"review_key": d.key, "table": d.table, "decision": decision,
              "edits": json.dumps(merged, ensure_ascii=False) if merged else "", "note": note,
              "decided_at": now_utc()}
    return stored, problems


def apply_decisions(profile_dir: Path, items: list[Decision]) -> list[dict[str, str]]:
    """Check every decision, then store them all in one atomic write; BadParameter listing every problem (each
    naming the candidate, and the workbook cell where there is one) and nothing stored if any is refused."""
    decisions = load_decisions(profile_dir)
    rows: dict[str, dict[str, dict[str, str]]] = {}
    out, problems = [], []
    for d in items:
        if d.table not in rows:
            rows[d.table] = {r["review_key"]: r for r in candidates(profile_dir, d.table)}
        row = rows[d.table].get(d.key)
        if row is None:
            problems.append(f"{d.where + ': ' if d.where else ''}no {d.table} candidate has review key {d.key!r} "
                            f"in {profile_dir / DRAFT_DIR}")
            continue
        stored, bad = _merge(decisions.get(d.key), d, row, TABLES_BY_NAME[d.table].field_names)
        problems += [f"{d.where + ': ' if d.where else ''}{who(d.table, row)}: {p}" for p in bad]
        if stored["decision"] == OPEN:
            decisions.pop(d.key, None)
        else:
            decisions[d.key] = stored
        out.append(stored)
    if problems:
        raise BadParameter("nothing was recorded:\n  " + "\n  ".join(problems))
    _save_decisions(profile_dir, decisions)
    return out


def decide(profile_dir: Path, table: str, key: str, decision: str, note: str | None = None, *,
           replace_edits: bool = False, **edits: str) -> dict[str, str]:
    """Record a decision on one candidate; the changed cells as keyword arguments (merged with earlier edits)."""
    if decision not in CHOICES + (OPEN,):
        raise BadParameter(f"Decision {decision!r}: expected one of {', '.join(CHOICES)} (or {OPEN!r} to withdraw "
                           "a decision).")
    if key not in {r["review_key"] for r in candidates(profile_dir, table)}:
        raise BadParameter(f"No {table} candidate has review_key {key!r} in {profile_dir / DRAFT_DIR}.")
    if decision == "edit" and not edits and not edits_of(load_decisions(profile_dir).get(key)):
        raise BadParameter("An edit needs the changed cells, e.g. summary='...'.")
    return apply_decisions(profile_dir, [Decision(table, key, decision, {k: str(v) for k, v in edits.items()}, note,
                                                  replace_edits)])[0]


def decide_all(profile_dir: Path, table: str, decision: str = "accept", *, only_open: bool = True,
               rule: str | None = None) -> int:
    """The same decision on every (open) candidate of a table, or only on those proposed by `rule` (the
    candidates' review_rule); one write. Returns how many were decided."""
    decisions = load_decisions(profile_dir)
    todo = [Decision(table, r["review_key"], decision) for r in candidates(profile_dir, table)
            if not (only_open and r["review_key"] in decisions) and (rule is None or r.get("review_rule") == rule)]
    if todo:
        apply_decisions(profile_dir, todo)
    return len(todo)


# --- what is decided, what is open -------------------------------------------------------------------

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


def open_candidates(profile_dir: Path) -> dict[str, list[dict[str, str]]]:
    """table -> its candidates without a decision, in the draft's order."""
    decisions = load_decisions(profile_dir)
    return {t: [r for r in candidates(profile_dir, t) if r["review_key"] not in decisions] for t in TABLE_ORDER}


def counts_text(profile_id: str, counts: list[Counts], stale: int = 0,
                open_rows: dict[str, list[dict[str, str]]] | None = None, limit: int = 10) -> str:
    lines = [f"{profile_id}: review of the draft",
             f"  {'table':<16} {'candidates':>10} {'accepted':>9} {'edited':>7} {'rejected':>9} {'open':>5}"]
    for c in counts:
        lines.append(f"  {c.table:<16} {c.candidates:>10} {c.accepted:>9} {c.edited:>7} {c.rejected:>9} {c.open:>5}")
    if stale:
        lines.append(f"  {stale} decision(s) refer to candidates no longer in the draft (kept, not used).")
    for table, rows in (open_rows or {}).items():
        if not rows:
            continue
        pk = TABLES_BY_NAME[table].primary_key
        lines.append(f"Still open in {table} ({len(rows)}):")
        for r in rows[:limit]:
            lines.append(f"  {r.get(pk, ''):<14} key {r['review_key']}  {r.get('review_rule', '')[:70]}")
        if len(rows) > limit:
            lines.append(f"  … and {len(rows) - limit} more (mgi review {profile_id} --open {len(rows)})")
    return "\n".join(lines)


def stale_decisions(profile_dir: Path) -> int:
    keys = {r["review_key"] for t in TABLE_ORDER for r in candidates(profile_dir, t)}
    return sum(1 for k in load_decisions(profile_dir) if k not in keys)


def accepted_rows(profile_dir: Path, table: str) -> list[dict[str, str]]:
    """The accepted and edited candidates of a table as table rows (edits applied), each with its review key
    under '_review_key'; never an open one."""
    decisions = load_decisions(profile_dir)
    fields = TABLES_BY_NAME[table].field_names
    out = []
    for r in candidates(profile_dir, table):
        d = decisions.get(r["review_key"])
        if not d or d["decision"] == "reject":
            continue
        row = {f: r.get(f, "") for f in fields}
        if d["decision"] == "edit":
            row.update(edits_of(d))
        row["_review_key"] = r["review_key"]
        out.append(row)
    return out


def __getattr__(name: str):
    """`review.accept` and its results, re-exported from helpers.draft.accept (imported when first used)."""
    if name in ("AcceptFailed", "Accepted", "accept", "accept_text"):
        from helpers.draft import accept as _accept

        return getattr(_accept, name)
    raise AttributeError(name)
