"""What the review notebook (notebooks/review_draft.ipynb) shows: each candidate of a table with its passage,
the cells the draft proposes, the rule that proposed it, and what is left to decide.

The notebook stays thin: it calls `open_review(profile, table)` and the methods below. With no profile it drafts
the fictional test profile XEX-2022 into a temporary folder, so that the notebook always runs (tests, nbval).
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.data.datapackage import DESCRIPTOR
from helpers.data.quotes import collapse
from helpers.data.schema import TABLES_BY_NAME
from helpers.draft import review
from helpers.draft.candidates import REVIEW, TABLE_ORDER
from helpers.paths import BadParameter, find_profile, project_root
from helpers.reports.common.display import esc

DEMO_PROFILE = "XEX-2022"
DEMO_SOURCE = Path("tests") / "profiles" / DEMO_PROFILE / "mgi-examplia-second-profile-2022.txt"


@dataclass
class Review:
    profile_id: str
    path: Path
    table: str
    demo: bool = False

    # --- what is there --------------------------------------------------------------------------------

    def candidates(self) -> pd.DataFrame:
        """The table's candidates with their decision ('open' when none), as strings."""
        rows = review.candidates(self.path, self.table)
        decisions = review.load_decisions(self.path)
        frame = pd.DataFrame(rows, dtype="string")
        if frame.empty:
            return frame
        frame["decision"] = [decisions.get(k, {}).get("decision", "open") for k in frame["review_key"]]
        return frame

    def counts_md(self) -> str:
        lines = ["| table | candidates | accepted | edited | rejected | open |", "|---|---:|---:|---:|---:|---:|"]
        for c in review.review_counts(self.path):
            name = f"**{c.table}**" if c.table == self.table else c.table
            lines.append(f"| {name} | {c.candidates} | {c.accepted} | {c.edited} | {c.rejected} | {c.open} |")
        where = "a temporary draft of the fictional profile " + DEMO_PROFILE if self.demo else str(self.path)
        return f"Review of **{esc(self.profile_id)}** ({esc(where)}):\n\n" + "\n".join(lines) + "\n"

    def to_decide_md(self, limit: int = 10) -> str:
        """The open candidates, each with its passage, the proposed cells and what the person must decide."""
        frame = self.candidates()
        if frame.empty:
            return f"*The draft has no {esc(self.table)} candidates.*\n"
        todo = frame.loc[frame["decision"] == "open"]
        if todo.empty:
            return f"*Every {esc(self.table)} candidate is decided.*\n"
        parts = [f"{len(todo)} {esc(self.table)} candidate(s) to decide; the first {min(limit, len(todo))}:\n"]
        for _, row in todo.head(limit).iterrows():
            parts.append(self.candidate_md(row))
        return "\n".join(parts)

    def candidate_md(self, row) -> str:
        table = TABLES_BY_NAME[self.table]
        required = {f.name for f in table.fields if f.required}
        cells = []
        missing = []
        for f in table.field_names:
            value = row.get(f)
            if f in ("evidence", "section"):
                continue
            if value is None or pd.isna(value) or value == "":
                if f in required:
                    missing.append(f)
                continue
            cells.append(f"`{f}` = {esc(value)}")
        hint = row.get("review_hint")
        lines = [f"#### {esc(row[table.primary_key])} · key `{esc(row['review_key'])}`",
                 f"*{esc(row.get('section', ''))}* — proposed by: {esc(row.get('review_rule', ''))}"
                 + (f" (matched: “{esc(row['review_matched'])}”)" if _filled(row.get("review_matched")) else ""),
                 "", self.passage_md(row), "", "; ".join(cells)]
        todo = []
        if missing:
            todo.append("fill " + ", ".join(f"`{m}`" for m in missing))
        if _filled(hint):
            todo.append(esc(hint))
        lines.append("\n**To decide:** accept, edit or reject" + ("; " + "; ".join(todo) if todo else "") + ".\n")
        return "\n".join(lines)

    def passage_md(self, row) -> str:
        """The paragraph the evidence comes from, with the evidence in bold."""
        before, ev, after = passage_parts(self._paragraphs(), row)
        return f"> {esc(before)}**{esc(ev)}**{esc(after)}" if ev else ""

    def _paragraphs(self) -> list[str]:
        if not hasattr(self, "_paras"):
            self._paras = source_paragraphs(self.path)
        return self._paras

    # --- deciding -------------------------------------------------------------------------------------

    def decide(self, key: str, decision: str, note: str | None = None, **edits: str) -> dict:
        return review.decide(self.path, self.table, key, decision, note, **edits)

    def accept_all_open(self, rule: str | None = None) -> int:
        """Accept every open candidate of the table (only those `rule` proposed, if given)."""
        return review.decide_all(self.path, self.table, "accept", rule=rule)

    def grid(self):
        """The table's candidates as a grid: filter, decide in place, bulk decisions (helpers.draft.review_grid)."""
        from helpers.draft.review_grid import ReviewGrid

        return ReviewGrid(self.path, self.table)


def source_paragraphs(profile_dir: Path) -> list[str]:
    """The paragraphs of a profile's source text, whitespace collapsed."""
    meta = json.loads((profile_dir / DESCRIPTOR).read_text(encoding="utf-8"))
    text = (profile_dir / meta["mgi"]["source_file"]).read_text(encoding="utf-8")
    return [collapse(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def passage_parts(paragraphs: list[str], row) -> tuple[str, str, str]:
    """(before, quote, after): the paragraph a candidate's quote comes from, split around the quote."""
    evidence = row.get("evidence") or row.get("review_entry") or row.get("source_says") or ""
    if not _filled(evidence):
        return "", "", ""
    ev = collapse(str(evidence))
    para = next((p for p in paragraphs if ev in p), ev)
    i = para.find(ev)
    return para[:i], ev, para[i + len(ev):]


def _filled(v) -> bool:
    """A cell with a value: not None, not pandas' NA, not empty."""
    return v is not None and not pd.isna(v) and str(v) != ""


def open_review(profile: str = "", table: str = "findings", *, home: Path | None = None) -> Review:
    """The review of a drafted profile; with no profile, a fresh draft of the fictional XEX-2022 in a temp folder."""
    if table not in TABLE_ORDER:
        raise BadParameter(f"Unknown table {table!r}: expected one of {', '.join(TABLE_ORDER)}.")
    if not profile:
        from helpers.draft.scaffold import new_profile

        tmp = Path(home) if home else Path(tempfile.mkdtemp(prefix="mgi-review-demo-"))
        drafted = new_profile(DEMO_PROFILE, project_root() / DEMO_SOURCE, home=tmp)
        return Review(DEMO_PROFILE, drafted.path, table, demo=True)
    path = find_profile(profile)
    if not (path / review.DRAFT_DIR).is_dir():
        raise BadParameter(f"{profile} has no {review.DRAFT_DIR}/ folder: nothing to review.")
    return Review(profile, path, table)


__all__ = ["Review", "open_review", "REVIEW"]
