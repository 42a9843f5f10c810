"""How much of a hand-made profile the drafting patterns find: recall and precision per table.

The answer key is a reviewed profile folder (its instruments.csv, statistics.csv, sources.csv and errata.csv);
the draft is what `mgi new-profile` wrote into draft/. A candidate is 'false' when it matches no row of the
key; those that the key's errata.csv records as a slip of the source are counted apart, since a reviewer
needs to see them anyway.
"""

from __future__ import annotations

import csv
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from helpers.draft.scaffold import DRAFT_DIR, new_profile
from helpers.draft.extract import numbers_match
from helpers.paths import find_profile
from helpers.data.quotes import collapse


@dataclass
class TableScore:
    table: str
    match_rule: str
    key_rows: int
    candidates: int
    key_found: int  # key rows matched by at least one candidate
    candidates_matched: int  # candidates that match at least one key row
    missed: list[str] = field(default_factory=list)  # key rows no candidate found
    false: list[str] = field(default_factory=list)  # candidates matching no key row
    in_errata: list[str] = field(default_factory=list)  # false candidates the key's errata record as slips

    @property
    def recall(self) -> float | None:
        return self.key_found / self.key_rows if self.key_rows else None

    @property
    def precision(self) -> float | None:
        return self.candidates_matched / self.candidates if self.candidates else None


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _score(table: str, rule: str, key: list[dict], cands: list[dict], match, key_label, cand_label,
           errata_quotes: list[str] = ()) -> TableScore:
    hits = [[match(c, k) for k in key] for c in cands]
    key_found = sum(1 for j in range(len(key)) if any(h[j] for h in hits))
    matched = [any(h) for h in hits]
    false = [cand_label(c) for c, m in zip(cands, matched) if not m]
    in_errata = [cand_label(c) for c, m in zip(cands, matched)
                 if not m and any(_overlap(c.get("evidence", "") or c.get("review_entry", ""), q)
                                  or _overlap(c.get("review_printed_as", ""), q) for q in errata_quotes)]
    missed = [key_label(k) for j, k in enumerate(key) if not any(h[j] for h in hits)]
    return TableScore(table, rule, len(key), len(cands), key_found, sum(matched), missed, false, in_errata)


def _overlap(a: str, b: str) -> bool:
    a, b = collapse(a or ""), collapse(b or "")
    return bool(a and b) and (a in b or b in a)


def _value(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def _same_value(c: dict, k: dict) -> bool:
    a, b = _value(c.get("value")), _value(k.get("value"))
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def evaluate(draft_dir: Path, key_dir: Path) -> list[TableScore]:
    """Scores of the candidate files in draft_dir against the tables of the profile folder key_dir."""
    errata = _rows(key_dir / "errata.csv")
    errata_quotes = [e.get("source_says", "") for e in errata if e.get("kind") in ("slip", "contradiction")]
    scores: list[TableScore] = []

    key = [r for r in _rows(key_dir / "instruments.csv") if (r.get("number") or "").strip()]
    cands = _rows(draft_dir / "instruments.candidates.csv")
    scores.append(_score(
        "instruments", "numbered instruments of instruments.csv; same number (an issuing-body suffix may be "
        "missing on one side)", key, cands, lambda c, k: numbers_match(c["number"], k["number"]),
        lambda k: f"{k['instrument_id']} ({k['number']})",
        lambda c: f"{c['instrument_id']}: {c.get('review_printed_as', '')} — {c['section']}", errata_quotes))

    key = _rows(key_dir / "statistics.csv")
    cands = _rows(draft_dir / "statistics.candidates.csv")

    def fig_label(c):
        return f"{c['value']} {c['unit']} — {c.get('review_context') or c['evidence'][:80]} ({c['section']})"

    def key_fig(k):
        return f"{k['statistic_id']} {k['value']} {k['unit']} ({k['indicator']})"

    scores.append(_score("statistics", "same value", key, cands, _same_value, key_fig, fig_label))
    scores.append(_score("statistics", "same value in the same passage (the quotes overlap)", key, cands,
                         lambda c, k: _same_value(c, k) and _overlap(c["evidence"], k["evidence"]),
                         key_fig, fig_label))

    key = _rows(key_dir / "sources.csv")
    cands = _rows(draft_dir / "sources.candidates.csv")

    def same_source(c, k):
        if c.get("address") and c["address"] == k.get("address"):
            return True
        return bool(c.get("title")) and collapse(c["title"]).casefold() == collapse(k.get("title", "")).casefold()

    scores.append(_score("sources", "same repaired address or same title", key, cands, same_source,
                         lambda k: f"{k['source_id']}: {k['title'][:70]}",
                         lambda c: f"{c['source_id']}: {c['title'][:70]}"))
    key_addr = [k for k in key if k.get("address")]
    scores.append(_score("sources", "address repair: same repaired address (entries with an address)",
                         key_addr, [c for c in cands if c.get("address")],
                         lambda c, k: c["address"] == k["address"],
                         lambda k: f"{k['source_id']}: {k['address']}",
                         lambda c: f"{c['source_id']}: {c['address']}"))
    return scores


def draft_and_evaluate(profile_id: str) -> list[TableScore]:
    """Draft a profile afresh from its own source text (in a temporary folder) and score the draft against it."""
    key_dir = find_profile(profile_id)
    meta = json.loads((key_dir / "datapackage.json").read_text(encoding="utf-8"))
    source = key_dir / meta["mgi"]["source_file"]
    with tempfile.TemporaryDirectory(prefix="mgi-draft-") as tmp:
        drafted = new_profile(profile_id, source, home=Path(tmp))
        return evaluate(drafted.path / DRAFT_DIR, key_dir)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def scores_markdown(profile_id: str, scores: list[TableScore], *, details: bool = True) -> str:
    """A Markdown table of the scores, then what was missed and what was false."""
    lines = ["| table | match rule | rows in the key | candidates | key rows found | recall | "
             "candidates matching a key row | precision |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for s in scores:
        lines.append(f"| {s.table} | {s.match_rule} | {s.key_rows} | {s.candidates} | {s.key_found} | "
                     f"{_pct(s.recall)} | {s.candidates_matched} | {_pct(s.precision)} |")
    if details:
        for s in scores:
            if s.missed:
                lines.append(f"\n{profile_id} {s.table} ({s.match_rule}) — key rows not found:")
                lines += [f"- {m}" for m in s.missed]
            if s.false:
                errata = f"; {len(s.in_errata)} of them are slips the errata record" if s.in_errata else ""
                lines.append(f"\n{profile_id} {s.table} ({s.match_rule}) — false candidates ({len(s.false)}{errata}):")
                lines += [f"- {f}{' *(in errata.csv)*' if f in s.in_errata else ''}" for f in s.false]
    return "\n".join(lines) + "\n"
