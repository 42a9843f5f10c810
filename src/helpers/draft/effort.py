"""Review effort: how much of a draft a person can accept as it stands, row by row, against an answer key.

Every row of the key is paired with at most one candidate (the pairing that leaves the most cells right), with
the match rules of helpers.draft.evaluate (quotes compared as words, so that a draft made from a PDF's text
still meets the key's quotes). Then each key row is

- **accept**: a candidate matches it and every cell of the table's CELLS is right as drafted;
- **edit**: a candidate matches it but some of those cells are wrong (which ones is recorded);
- **hand**: no candidate is left for it: the person writes the row;

and each candidate that is paired with no key row is a **reject**. Free text that a person always writes (a
finding's summary, a figure's label, a COVID-19 measure, an erratum's extracts_use) is not a cell here; ids are
compared through the pairing (a candidate's instrument or source id stands for the key row it is paired with).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from helpers.draft.evaluate import (
    _norm_name, _rows, covid_match, erratum_match, finding_match, instrument_match, same_name, same_partner, same_source,
    same_value,
)
from helpers.draft.instruments import numbers_match

# The cells that must be right for a row to be accepted as drafted, per table (documented in REVIEW_EFFORT.md).
CELLS: dict[str, tuple[str, ...]] = {
    "findings": ("domain", "kind", "baseline_status", "instruments"),
    "instruments": ("type", "number", "year", "title", "after_baseline", "status", "covid_measure"),
    "statistics": ("value", "unit", "qualifier", "reference_date", "source_org", "source_id", "theme",
                   "indicator"),
    "covid_responses": ("area", "domains", "covers_regardless_of_status", "status", "date", "date_end",
                        "instruments"),
    "partnerships": ("name", "kind", "role", "year"),
    "sources": ("organisation", "year_tag", "title", "address", "online"),
    "errata": ("kind",),
}
TABLES = tuple(CELLS)
KEY_FILE = {t: f"{t}.csv" for t in TABLES}
# Key rows of the MGI method itself (90 indicators, 6 domains, 12 COVID-19 questions): the same in every profile,
# never drafted (issue 17); set aside, with any candidate that matches them.
SET_ASIDE_THEME = "methodology"


def _words(text: str) -> str:
    """A quote as its words only: case, punctuation, quotes and dashes, superscripts and spacing ignored."""
    return " ".join(re.findall(r"[^\W_]+", (text or "").casefold()))


def word_overlap(a: str, b: str) -> bool:
    a, b = _words(a), _words(b)
    return bool(a and b) and (a in b or b in a)


def _same_text(a: str, b: str) -> bool:
    return _words(a) == _words(b)


def _set(v: str) -> set[str]:
    return {x.strip() for x in (v or "").split(";") if x.strip()}


def _title_right(c: dict, k: dict) -> bool:
    """The drafted title is the key's English or original-language title (near-identical words)."""
    a = _norm_name(c.get("title_en", ""))
    for t in (k.get("title_en", ""), k.get("title_es", ""), k.get("title_original", "")):
        b = _norm_name(t)
        if a and b and (a == b or fuzz.ratio(a, b) >= 90 or fuzz.token_sort_ratio(a, b) >= 92):
            return True
    return False


@dataclass
class Pairing:
    """Which candidate stands for which key row: key index -> candidate index."""
    pairs: dict[int, int] = field(default_factory=dict)

    def ids(self, key: list[dict], cands: list[dict], key_id: str, cand_id: str) -> dict[str, str]:
        """candidate id -> the id of the key row it is paired with."""
        return {cands[ci][cand_id]: key[ki][key_id] for ki, ci in self.pairs.items()}


def _map_ids(value: str, mapping: dict[str, str]) -> set[str]:
    return {mapping.get(i, f"?{i}") for i in _set(value)}


def cell_errors(table: str, c: dict, k: dict, ctx: "Context") -> list[str]:
    """The cells of CELLS[table] the candidate has wrong against the key row."""
    wrong = []
    for cell in CELLS[table]:
        cv, kv = (c.get(cell) or "").strip(), (k.get(cell) or "").strip()
        if table == "instruments" and cell == "title":
            ok = _title_right(c, k)
        elif table == "instruments" and cell == "number":
            ok = (not cv and not kv) or bool(cv and kv and numbers_match(cv, kv))
        elif cell == "instruments":
            ok = _map_ids(cv, ctx.instrument_ids) == _set(kv)
        elif table == "statistics" and cell == "value":
            ok = same_value(c, k)
        elif table == "statistics" and cell == "source_id":
            ok = ctx.source_ids.get(cv, f"?{cv}") == kv if cv else not kv
        elif table == "statistics" and cell == "source_org":
            ok = (not cv and not kv) or bool(cv and kv and (_same_text(cv, kv) or same_name(cv, kv)))
        elif table == "statistics" and cell == "indicator":
            ok = ctx.same_grouping(c, k)
        elif cell in ("name", "organisation", "title"):
            ok = (not cv and not kv) or bool(cv and kv and (_same_text(cv, kv) or same_name(cv, kv)))
        elif cell == "domains":
            ok = _set(cv) == _set(kv)
        elif cell == "address":
            ok = cv.rstrip("/") == kv.rstrip("/")
        else:
            ok = cv == kv
        if not ok:
            wrong.append(cell)
    return wrong


@dataclass
class Context:
    """What one table's cells need from the others: id mappings, and the indicator grouping of figures."""
    instrument_ids: dict[str, str] = field(default_factory=dict)
    source_ids: dict[str, str] = field(default_factory=dict)
    figure_pairs: list[tuple[dict, dict]] = field(default_factory=list)  # (candidate, key row) paired

    def same_grouping(self, c: dict, k: dict) -> bool:
        """A drafted indicator is right when it groups figures as the key does: the same indicator as every
        paired figure of the key's indicator, and another one than every figure of another indicator."""
        ci, ki = c.get("indicator", ""), k.get("indicator", "")
        if not ci:
            return False
        for c2, k2 in self.figure_pairs:
            if c2 is c:
                continue
            if (k2.get("indicator", "") == ki) != (c2.get("indicator", "") == ci):
                return False
        return True


def _matcher(table: str):
    if table == "findings":
        return lambda c, k: word_overlap(c["evidence"], k["evidence"])  # domain and kind are cells here
    if table == "instruments":
        return instrument_match
    if table == "statistics":
        return lambda c, k: same_value(c, k) and word_overlap(c["evidence"], k["evidence"])
    if table == "covid_responses":
        return lambda c, k: covid_match(c, k, word_overlap)
    if table == "partnerships":
        return lambda c, k: same_partner(c["name"], k["name"])  # the role is a cell
    if table == "sources":
        return same_source
    return lambda c, k: erratum_match(c, k, word_overlap)


def pair(table: str, key: list[dict], cands: list[dict], ctx: Context) -> Pairing:
    """Pair key rows with candidates one to one: pairs with the fewest wrong cells first, then in order."""
    match = _matcher(table)
    scored = []
    for ki, k in enumerate(key):
        for ci, c in enumerate(cands):
            if match(c, k):  # the pairing that leaves the fewest wrong cells ('indicator' is judged after pairing)
                wrong = len([x for x in cell_errors(table, c, k, ctx) if x != "indicator"])
                scored.append((wrong, ki, ci))
    scored.sort()
    p, used = Pairing(), set()
    for _, ki, ci in scored:
        if ki not in p.pairs and ci not in used:
            p.pairs[ki] = ci
            used.add(ci)
    return p


@dataclass
class TableEffort:
    table: str
    key_rows: int
    candidates: int
    accept: int = 0
    edit: int = 0
    hand: int = 0
    reject: int = 0
    set_aside: int = 0  # key rows of the MGI method (and candidates matching them), not scored
    split: int = 0  # rows by hand whose words a candidate holds, paired with another key row (a split)
    edited_cells: Counter = field(default_factory=Counter)
    hand_rows: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    edits: list[str] = field(default_factory=list)

    @property
    def scored_rows(self) -> int:
        return self.accept + self.edit + self.hand

    @property
    def cells_right(self) -> int:
        """Scored cells right as drafted, over the key rows a candidate was paired with."""
        return (self.accept + self.edit) * len(CELLS[self.table]) - sum(self.edited_cells.values())

    def pct(self, n: int, of_candidates: bool = False) -> float | None:
        d = (self.candidates - self.set_aside) if of_candidates else self.scored_rows
        return n / d if d else None


def _label(table: str, row: dict) -> str:
    first = next((row[f] for f in (f"{table[:-1]}_id", "finding_id", "instrument_id", "statistic_id",
                                   "response_id", "partnership_id", "source_id", "erratum_id") if row.get(f)), "")
    text = row.get("evidence") or row.get("title") or row.get("source_says") or ""
    return f"{first}: {' '.join(text.split())[:70]}"


def score_table(table: str, key: list[dict], cands: list[dict], ctx: Context) -> tuple[TableEffort, Pairing]:
    aside_keys = {i for i, k in enumerate(key) if table == "statistics" and k.get("theme") == SET_ASIDE_THEME}
    p = pair(table, key, cands, ctx)
    match = _matcher(table)
    aside_cands = {ci for ci, c in enumerate(cands) if any(match(c, key[i]) for i in aside_keys)}
    e = TableEffort(table, len(key) - len(aside_keys), len(cands), set_aside=len(aside_cands))
    if table == "statistics":
        ctx.figure_pairs = [(cands[ci], key[ki]) for ki, ci in p.pairs.items() if ki not in aside_keys]
    for ki, k in enumerate(key):
        if ki in aside_keys:
            continue
        if ki not in p.pairs:
            e.hand += 1
            held = any(match(c, k) for c in cands)
            e.split += held
            e.hand_rows.append(_label(table, k) + (" (its candidate went to another key row)" if held else ""))
            continue
        wrong = cell_errors(table, cands[p.pairs[ki]], k, ctx)
        if wrong:
            e.edit += 1
            e.edited_cells.update(wrong)
            e.edits.append(f"{_label(table, k)} — {', '.join(wrong)}")
        else:
            e.accept += 1
    paired = set(p.pairs.values())
    for ci, c in enumerate(cands):
        if ci not in paired and ci not in aside_cands:
            e.reject += 1
            e.rejected.append(_label(table, c))
    return e, p


def review_effort(draft_dir: Path, key_dir: Path) -> list[TableEffort]:
    """The effort of reviewing the candidate files in draft_dir into the tables of the key folder key_dir."""
    ctx = Context()
    out: dict[str, TableEffort] = {}
    # instruments and sources first: findings, figures and COVID-19 responses refer to their ids
    for table in ("instruments", "sources", "findings", "statistics", "covid_responses", "partnerships", "errata"):
        if not (key_dir / KEY_FILE[table]).is_file():
            continue
        key = _rows(key_dir / KEY_FILE[table])
        cands = _rows(draft_dir / f"{table}.candidates.csv")
        out[table], p = score_table(table, key, cands, ctx)
        if table == "instruments":
            ctx.instrument_ids = p.ids(key, cands, "instrument_id", "instrument_id")
        if table == "sources":
            ctx.source_ids = p.ids(key, cands, "source_id", "source_id")
    return [out[t] for t in TABLES if t in out]
