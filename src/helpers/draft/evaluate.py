"""How much of a hand-made profile the drafting patterns find: recall and precision per table.

The answer key is a reviewed profile folder (its instruments.csv, statistics.csv, sources.csv and errata.csv);
the draft is what `mgi new-profile` wrote into draft/. A candidate is 'false' when it matches no row of the
key; those that the key's errata.csv records as a slip of the source are counted apart, since a reviewer
needs to see them anyway.
"""

from __future__ import annotations

import csv
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from helpers.draft.scaffold import DRAFT_DIR, new_profile
from rapidfuzz import fuzz

from helpers.draft.instruments import numbers_match
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
    note: str = ""  # agreement of suggested cells among matched rows

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


def same_value(c: dict, k: dict) -> bool:
    a, b = _value(c.get("value")), _value(k.get("value"))
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def _norm_name(s: str) -> str:
    s = re.sub(r"\([^()]*\)", " ", s or "").replace("*", "")
    s = re.sub(r"[^\w]+", " ", s.casefold())
    words = [w for w in s.split() if w not in ("the", "of", "on", "and", "de", "la", "del", "du", "des")]
    return " ".join(words)


def same_name(a: str, b: str) -> bool:
    """Two printed names of one instrument or process: near-identical, or one holds the other's words in order
    when the shorter has three words or more."""
    a, b = _norm_name(a), _norm_name(b)
    if not a or not b:
        return False
    if max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) >= 85:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 3 and f" {short} " in f" {long_} "


def _acronyms(name: str) -> set[str]:
    """'Economic Community of West African States (ECOWAS/CEDEAO)' -> {'ECOWAS', 'CEDEAO'}."""
    inner = " ".join(re.findall(r"\(([^()]*)\)", name or ""))
    return {a for a in re.split(r"[\s/,;]+", inner) if re.fullmatch(r"[A-Z][A-Z0-9]{2,}", a)}


def same_partner(a: str, b: str) -> bool:
    """The same process: near-identical names, or one acronym in common (a name printed in the profile's
    language, 'Dialogue migratoire pour l'Afrique de l'Ouest (MIDWA)', against a key that gives it in English)."""
    return same_name(a, b) or bool(_acronyms(a) & _acronyms(b))


def instrument_match(c: dict, k: dict) -> bool:
    """Numbered rows by number, named rows by name (title_en, title_original or id) or the same id slug."""
    if (k.get("number") or "").strip():
        return bool((c.get("number") or "").strip()) and numbers_match(c["number"], k["number"])
    if (c.get("number") or "").strip():
        return False
    if c.get("instrument_id") and c["instrument_id"].casefold() == (k.get("instrument_id") or "").casefold():
        return True  # the same slug of type and year ('constitution-2015')
    names = [k.get("title_en", ""), k.get("title_original") or k.get("title_es", ""),
             (k.get("instrument_id") or "").replace("-", " ")]
    return any(same_name(c.get("title_en", ""), n) for n in names if n)


def finding_match(c: dict, k: dict, overlap=None) -> bool:
    """Same domain and kind, and the quotes overlap (a candidate paragraph holds the key's quote)."""
    return c["domain"] == k["domain"] and c["kind"] == k["kind"] and (overlap or _overlap)(c["evidence"],
                                                                                          k["evidence"])


def covid_match(c: dict, k: dict, overlap=None) -> bool:
    return (overlap or _overlap)(c["evidence"], k["evidence"])


def erratum_match(c: dict, k: dict, overlap=None) -> bool:
    """The questionable words overlap, either side of the key's conflict."""
    return any((overlap or _overlap)(a, b) for a in (c["source_says"], c.get("conflicts_with", ""))
               for b in (k.get("source_says", ""), k.get("conflicts_with", "")) if a and b)


def same_source(c: dict, k: dict) -> bool:
    """The same repaired address, or the same title."""
    if c.get("address") and c["address"] == k.get("address"):
        return True
    return bool(c.get("title")) and collapse(c["title"]).casefold() == collapse(k.get("title", "")).casefold()


def _agreement(key: list[dict], cands: list[dict], match, field_name: str) -> str:
    """How often a matched candidate's suggestion agrees with the key (first matching candidate per key row)."""
    pairs = []
    for k in key:
        c = next((c for c in cands if match(c, k)), None)
        if c is not None:
            pairs.append((c.get(field_name, ""), k.get(field_name, "")))
    if not pairs:
        return ""
    same = sum(1 for a, b in pairs if (a or "") == (b or ""))
    return f"{field_name} agrees with the key for {same} of {len(pairs)} matched rows ({100 * same / len(pairs):.0f}%)"


def evaluate(draft_dir: Path, key_dir: Path) -> list[TableScore]:
    """Scores of the candidate files in draft_dir against the tables of the profile folder key_dir."""
    errata = _rows(key_dir / "errata.csv")
    errata_quotes = [e.get("source_says", "") for e in errata if e.get("kind") in ("slip", "contradiction")]
    scores: list[TableScore] = []

    key = _rows(key_dir / "findings.csv")
    cands = _rows(draft_dir / "findings.candidates.csv")

    s = _score("findings", "same domain and kind, quotes overlap (a paragraph holds the key's quote)", key, cands,
               finding_match, lambda k: f"{k['finding_id']} {k['domain']}/{k['kind']}: {k['evidence'][:70]}",
               lambda c: f"{c['finding_id']} {c['domain']}/{c['kind']}: {c['evidence'][:70]} ({c['section']})")
    s.note = _agreement(key, cands, finding_match, "baseline_status")
    scores.append(s)

    key_all = _rows(key_dir / "instruments.csv")
    cands = _rows(draft_dir / "instruments.candidates.csv")

    def ins_label(k):
        return f"{k['instrument_id']} ({k.get('number') or k.get('title_en', '')[:60]})"

    def cand_ins(c):
        return f"{c['instrument_id']}: {c.get('review_printed_as', '')[:70]} — {c['section']}"

    scores.append(_score("instruments", "all rows: numbered by number, named by name (title_en, title_original or id)",
                         key_all, cands, instrument_match, ins_label, cand_ins, errata_quotes))
    numbered = [c for c in cands if (c.get("number") or "").strip()]
    scores.append(_score(
        "instruments", "numbered: same number (an issuing-body suffix may be missing on one side)",
        [k for k in key_all if (k.get("number") or "").strip()], numbered, instrument_match, ins_label, cand_ins,
        errata_quotes))
    scores.append(_score("instruments", "named (no number): same name", [k for k in key_all if not
                         (k.get("number") or "").strip()], [c for c in cands if c not in numbered],
                         instrument_match, ins_label, cand_ins))

    key = _rows(key_dir / "statistics.csv")
    cands = _rows(draft_dir / "statistics.candidates.csv")

    def fig_label(c):
        return f"{c['value']} {c['unit']} — {c.get('review_context') or c['evidence'][:80]} ({c['section']})"

    def key_fig(k):
        return f"{k['statistic_id']} {k['value']} {k['unit']} ({k['indicator']})"

    scores.append(_score("statistics", "same value", key, cands, same_value, key_fig, fig_label))
    s = _score("statistics", "same value in the same passage (the quotes overlap)", key, cands,
               lambda c, k: same_value(c, k) and _overlap(c["evidence"], k["evidence"]), key_fig, fig_label)
    s.note = _agreement(key, cands, lambda c, k: same_value(c, k) and _overlap(c["evidence"], k["evidence"]),
                        "theme")
    scores.append(s)

    if (key_dir / "covid_responses.csv").is_file():
        key = _rows(key_dir / "covid_responses.csv")
        cands = _rows(draft_dir / "covid_responses.candidates.csv")

        s = _score("covid_responses", "quotes overlap", key, cands, covid_match,
                   lambda k: f"{k['response_id']} {k['area']}: {k['evidence'][:70]}",
                   lambda c: f"{c['response_id']} {c['area']}: {c['evidence'][:70]} ({c['section']})")
        s.note = "; ".join(filter(None, [_agreement(key, cands, covid_match, "area"),
                                         _agreement(key, cands, covid_match, "covers_regardless_of_status")]))
        scores.append(s)

    key = _rows(key_dir / "partnerships.csv")
    cands = _rows(draft_dir / "partnerships.candidates.csv")
    scores.append(_score("partnerships", "same role, same name (or acronym)", key, cands,
                         lambda c, k: c["role"] == k["role"] and same_partner(c["name"], k["name"]),
                         lambda k: f"{k['partnership_id']} ({k['role']})",
                         lambda c: f"{c['partnership_id']}: {c['evidence'][:70]}"))

    cands = _rows(draft_dir / "errata.candidates.csv")

    scores.append(_score("errata", "the questionable words overlap (either side of the conflict)", errata, cands,
                         erratum_match, lambda k: f"{k['erratum_id']} {k['kind']}: {k['source_says'][:60]}",
                         lambda c: f"{c['erratum_id']} {c['review_rule']}: {c['source_says'][:60]}"))

    key = _rows(key_dir / "sources.csv")
    cands = _rows(draft_dir / "sources.candidates.csv")

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


def draft_and_evaluate(profile_id: str, key_dir: Path | None = None, source: Path | None = None) -> list[TableScore]:
    """Draft a profile afresh from its own source text, or from `source` (its PDF), in a temporary folder, and
    score the draft against it."""
    key_dir = key_dir or find_profile(profile_id)
    meta = json.loads((key_dir / "datapackage.json").read_text(encoding="utf-8"))
    source = source or key_dir / meta["mgi"]["source_file"]
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
    notes = [f"- {s.table} ({s.match_rule}): {s.note}" for s in scores if s.note]
    if notes:
        lines += ["", "Suggested cells among matched rows:"] + notes
    return "\n".join(lines) + "\n"
