"""The words of the COVID-19 report: every piece of data text escaped, every response with its quote, and a
plain statement when the profile has no COVID-19 section."""

from __future__ import annotations

import pandas as pd

from helpers.data.vocab import MEASURE_STATUS_LABELS, area_label
from helpers.data.wordrules import COVERAGE_RULE as RULE
from helpers.reports.common.display import quote_md
from helpers.reports.common.escape import esc
from helpers.reports.covid import analysis as C


def absent_md(profile) -> str:
    """What the reader sees instead of charts when the profile has no COVID-19 responses table."""
    reason = profile.absent_tables.get("covid_responses")
    why = f" The profile's metadata gives the reason: *{esc(reason)}*" if reason else \
        " The profile's metadata gives no reason."
    return ("**This profile has no COVID-19 section.** There is no table of COVID-19 responses for "
            f"{esc(profile.full_name)}, {esc(profile.mgi.get('edition', ''))}, so this report "
            f"shows no table and draws no chart.{why}\n")


def _ids(frame: pd.DataFrame) -> str:
    return ", ".join(esc(i) for i in frame["response_id"])


def intro_md(frame: pd.DataFrame) -> str:
    in_annex = frame["section"].str.startswith("COVID-19 annex").fillna(False)
    n, a = len(frame), int(in_annex.sum())
    status = C.by_status(frame)
    stated = ", ".join(f"{int(v)} {esc(MEASURE_STATUS_LABELS[k].lower())}" for k, v in status.items() if v)
    return (f"The profile reports **{n}** COVID-19 responses: {a} in its COVID-19 annex and {n - a} in the body of "
            f"the profile. Status as the profile supports it: {stated}.\n")


def coverage_md(frame: pd.DataFrame) -> str:
    cov = C.coverage(frame)
    parts = []
    for key in C.COVERAGE:
        rows = frame.loc[cov == key]
        label = esc(C.COVERAGE_LABELS[key])
        parts.append(f"- **{label}**: {len(rows)}" + (f" ({_ids(rows)})" if len(rows) else ""))
    return ("Whether a response covers migrants regardless of their migration status, as the profile's words say:\n\n"
            + "\n".join(parts) + "\n\n*Not stated* means the profile does not say; it is kept apart and never "
            "counted as *no*.\n")


def _phrases(phrases) -> str:
    return ", ".join(f"“{esc(p)}”" for p in phrases)


def coverage_rule_md() -> str:
    """How a response is coded covered, limited or not stated: the written rule of helpers.data.wordrules, the
    same one the codebook states and `mgi validate` checks."""
    return (f"**Covered** only where the quote says {esc(RULE.claim['true'])}, in words such as "
            f"{_phrases(RULE.examples('true', 3))}; **limited** only where it says {esc(RULE.claim['false'])}, "
            f"in words such as {_phrases(RULE.examples('false', 3))}; **not stated** otherwise. "
            f"Words such as {_phrases(RULE.weak_phrases())} are not enough on their own: they do not say that "
            "migrants without status or documents are included. (“…” stands for a few words; every phrase is listed "
            "in the codebook, and `mgi validate` refuses a *covered* or *limited* row whose quote has none of "
            "them.)\n")


def covered_quotes_md(frame: pd.DataFrame) -> str:
    """The quotes behind every 'covered' and 'limited' answer, with the words of the rule that justify each."""
    cov = C.coverage(frame)
    rows = frame.loc[cov != "not_stated"]
    if rows.empty:
        return "*No response states whether migrants are covered regardless of status.*\n"
    out = []
    for i, r in rows.iterrows():
        key = str(cov.loc[i])
        words = RULE.found("true" if key == "covered" else "false", r["evidence"])
        said = _phrases(words) or "none of the words of the rule"
        out.append(f"**{esc(r['response_id'])}** — {esc(C.COVERAGE_LABELS[key])} (words of the rule in the quote: "
                   f"{said}):\n\n" + quote_md(r["evidence"], r["section"]))
    return "\n".join(out)


def finished_md(frame: pd.DataFrame, instruments: pd.DataFrame | None = None) -> str:
    """Measures repealed, annulled or ended, with their end dates, the instruments that ended them (from the
    instruments table, when given) and quotes."""
    items = [it for it in C.timeline(frame) if it.finished]
    done = C.finished(frame)
    if done.empty:
        return "*The profile reports no COVID-19 measure as repealed, annulled or ended.*\n"
    lines = []
    for _, r in done.iterrows():
        it = next((i for i in items if i.response_id == r["response_id"]), None)
        when = esc(it.end_phrase()) if it else esc(f"{r['status']} (start date not stated)")
        inst = ", ".join(r["instruments"]) if r["instruments"] else "no instrument named"
        by = C.ended_by(instruments, list(r["instruments"] or []))
        by_text = f" by {esc(', '.join(by))}" if by else ""
        lines.append(f"**{esc(r['response_id'])}** ({esc(inst)}) — {esc(r['measure'])}: **{when}**{by_text}.\n\n"
                     + quote_md(r["evidence"], r["section"]))
    return "\n".join(lines)


def undated_md(frame: pd.DataFrame) -> str:
    rows = C.undated(frame)
    if rows.empty:
        return "Every response has a start date.\n"
    return (f"{len(rows)} responses have no date in the profile and are not placed on the timeline: "
            f"{_ids(rows)}.\n")


def shared_md(frame: pd.DataFrame) -> str:
    shared = C.shared_instruments(frame)
    if not shared:
        return ""
    parts = "; ".join(f"{esc(i)} ({esc(', '.join(ids))})" for i, ids in shared.items())
    return ("Counts are rows of the table. Some instruments are cited by more than one response — the profile may "
            f"describe one measure in its body and again in its annex, or two steps of one plan: {parts}.\n")


def areas_md(frame: pd.DataFrame) -> str:
    missing = C.areas_without_response(frame)
    if not missing:
        return "The profile reports at least one response in every area.\n"
    return ("No response is reported in: " + ", ".join(esc(area_label(a)) for a in missing)
            + ". That is what the profile reports, not evidence that nothing was done.\n")


def quotes_md(frame: pd.DataFrame) -> str:
    """Every response with its quote; a quote shared by several responses is shown once."""
    out = []
    for evidence, rows in frame.groupby("evidence", sort=False):
        heads = "; ".join(f"**{esc(r['response_id'])}** {esc(r['measure'])}" for _, r in rows.iterrows())
        out.append(heads + "\n\n" + quote_md(str(evidence), str(rows["section"].iloc[0])))
    return "\n".join(out)


def section_absent_md() -> str:
    return "*Not available: this profile has no COVID-19 section (see above). No chart is drawn.*\n"


def source_md(profile) -> str:
    return f"{esc(profile.source_line)}\n"
