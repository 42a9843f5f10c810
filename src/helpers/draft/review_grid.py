"""The review grid of the notebook: one table's candidates at a time, filterable, decided in place.

`ReviewGrid` is plain Python (a pandas frame and calls that record decisions through helpers.draft.review), so
it is tested without a browser; `widget()` shows it in JupyterLab as an editable data grid (ipydatagrid): type
accept, edit or reject into the `decision` cell, or change a cell (that is an edit); every change is recorded in
draft/decisions.csv at once, checked like any other (a value the schema does not allow is refused and said in the
line under the grid). Bulk decisions are one call: `grid.accept_all_open()` or `grid.accept_all_open(rule=...)`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data.schema import TABLES_BY_NAME
from helpers.draft import review
from helpers.paths import BadParameter

SHOWN_HELP = ["review_rule", "review_hint", "decided_at"]
WIDE = {"evidence": 420, "summary": 300, "measure": 300, "title_en": 260, "label": 260, "review_hint": 260,
        "review_rule": 200, "section": 200}


class ReviewGrid:
    """The candidates of one table of a drafted profile, with their decisions."""

    def __init__(self, profile_dir: Path, table: str):
        if table not in TABLES_BY_NAME:
            raise BadParameter(f"Unknown table {table!r}: expected one of {', '.join(TABLES_BY_NAME)}.")
        self.path, self.table = Path(profile_dir), table
        self.fields = TABLES_BY_NAME[table].field_names
        self.pk = TABLES_BY_NAME[table].primary_key
        self.filters: dict[str, str | None] = {"decision": None, "rule": None, "text": None}
        self.messages: list[str] = []  # what the last changes in the widget did (or why they were refused)
        self._grid = None
        self._status = None

    # --- what is shown ---------------------------------------------------------------------------------

    def frame(self) -> pd.DataFrame:
        """Every candidate of the table: its decision ('open' when none), its cells as they stand now (with the
        earlier edits), the rule and hint, when it was decided; indexed by its row in the draft (n, from 1)."""
        decisions = review.load_decisions(self.path)
        rows = []
        for n, r in enumerate(review.candidates(self.path, self.table), start=1):
            d = decisions.get(r["review_key"])
            cells = {f: r.get(f, "") for f in self.fields} | review.edits_of(d)
            rows.append({"n": n, "decision": d["decision"] if d else review.OPEN, "review_key": r["review_key"]}
                        | cells | {"review_rule": r.get("review_rule", ""), "review_hint": r.get("review_hint", ""),
                                   "decided_at": (d or {}).get("decided_at", "")})
        columns = ["n", "decision", "review_key"] + self.fields + SHOWN_HELP
        return pd.DataFrame(rows, columns=columns).astype("string").astype({"n": "int64"}).set_index("n")

    def filter(self, decision: str | None = None, rule: str | None = None, text: str | None = None) -> "ReviewGrid":
        """Show only candidates with this decision ('open', 'accept', …), proposed by this rule, or containing
        this text in any cell (case ignored); None clears that filter. Returns the grid, to chain or display."""
        self.filters = {"decision": decision, "rule": rule, "text": text}
        self._refresh()
        return self

    def shown(self) -> pd.DataFrame:
        """The candidates the filters let through."""
        f = self.frame()
        if self.filters["decision"]:
            f = f.loc[f["decision"] == self.filters["decision"]]
        if self.filters["rule"]:
            f = f.loc[f["review_rule"] == self.filters["rule"]]
        if self.filters["text"]:
            needle = self.filters["text"].lower()
            hit = f.apply(lambda row: any(needle in str(v).lower() for v in row.values if not pd.isna(v)), axis=1)
            f = f.loc[hit.astype(bool)] if len(f) else f
        return f

    def rules(self) -> pd.DataFrame:
        """How many candidates each rule proposed, and how many of them are open (to choose a bulk decision)."""
        f = self.frame()
        out = f.groupby("review_rule").agg(candidates=("review_key", "size"),
                                           open=("decision", lambda s: int((s == review.OPEN).sum())))
        return out.sort_values("candidates", ascending=False)

    # --- deciding ----------------------------------------------------------------------------------------

    def _key(self, which: str | int) -> str:
        """A candidate by its row n, its id (finding_id, …) or its review key."""
        f = self.frame()
        if isinstance(which, int) and which in f.index:
            return str(f.loc[which, "review_key"])
        hit = f.loc[(f["review_key"] == str(which)) | (f[self.pk] == str(which))]
        if hit.empty:
            raise BadParameter(f"No {self.table} candidate with row, id or review key {which!r}.")
        return str(hit.iloc[0]["review_key"])

    def decide(self, which: str | int, decision: str, note: str | None = None, **cells: str) -> dict:
        return review.decide(self.path, self.table, self._key(which), decision, note, **cells)

    def accept(self, *which: str | int) -> int:
        return self._many(which, "accept")

    def reject(self, *which: str | int, note: str = "") -> int:
        return self._many(which, "reject", note)

    def reopen(self, *which: str | int) -> int:
        return self._many(which, review.OPEN)

    def edit(self, which: str | int, note: str | None = None, **cells: str) -> dict:
        """Change cells of one candidate (merged with its earlier edits)."""
        out = self.decide(which, "edit", note, **cells)
        self._refresh()
        return out

    def _many(self, which, decision: str, note: str | None = None) -> int:
        items = [review.Decision(self.table, self._key(w), decision, None, note) for w in which]
        review.apply_decisions(self.path, items)
        self._refresh()
        return len(items)

    def accept_all_open(self, rule: str | None = None) -> int:
        """Accept every open candidate of the table (or only those `rule` proposed); one write. Look first."""
        n = review.decide_all(self.path, self.table, "accept", rule=rule)
        self._refresh()
        return n

    def cell_changed(self, n: int, column: str, value) -> str:
        """What a change typed into the grid does: the decision column decides, any other cell is an edit.
        Returns the message shown under the grid (a refused value says why; nothing is recorded then)."""
        value = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()
        key = self._key(int(n))
        try:
            if column == "decision":
                review.decide(self.path, self.table, key, value.lower() or review.OPEN)
                msg = f"row {n}: {value or 'open'}"
            elif column in self.fields:
                review.decide(self.path, self.table, key, "edit", **{column: value})
                msg = f"row {n}: {column} edited"
            else:
                msg = f"row {n}: {column} is not a cell of the table (nothing recorded)"
        except BadParameter as exc:
            msg = f"row {n}: refused, nothing recorded: {str(exc).splitlines()[-1].strip()}"
        self.messages.append(msg)
        self._refresh(msg)
        return msg

    # --- the widget ----------------------------------------------------------------------------------------

    def widget(self):
        """An editable grid (ipydatagrid) of the shown candidates, with a status line; changes are recorded."""
        import ipywidgets
        from ipydatagrid import DataGrid

        self._grid = DataGrid(self.shown(), editable=True, selection_mode="cell", base_column_size=110,
                              column_widths={k: v for k, v in WIDE.items() if k in self.fields + SHOWN_HELP},
                              layout={"height": "480px"})
        self._grid.on_cell_change(self._on_cell_change)
        self._status = ipywidgets.HTML(value=self._summary())
        return ipywidgets.VBox([self._grid, self._status])

    def _on_cell_change(self, cell: dict) -> None:
        n = int(self._grid.data.index[cell["row"]])
        self.cell_changed(n, cell["column"], cell["value"])

    def _summary(self, msg: str = "") -> str:
        import html

        counts = self.frame()["decision"].value_counts().to_dict()
        shown = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
        return html.escape(f"{self.table}: {shown}" + (f" — {msg}" if msg else ""))

    def _refresh(self, msg: str = "") -> None:
        if self._grid is not None:
            self._grid.data = self.shown()
        if self._status is not None:
            self._status.value = self._summary(msg)
