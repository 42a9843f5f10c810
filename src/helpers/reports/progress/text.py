"""The Markdown of the progress report: every piece of data text escaped, every finding with its quote.

Nothing here is country-specific: country, edition and years come from profile.mgi.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.domains import BY_ID
from helpers.data.schema import RELATIONS
from helpers.data.vocab import KIND_HEADINGS, type_label
from helpers.reports.common.display import quote_md
from helpers.reports.common.escape import esc
from helpers.reports.common.text import plural
from helpers.reports.progress.analysis import DomainProgress, acted_on, no_baseline_reason, status_labels


def finding_md(row, labels: dict[str, str] | None) -> str:
    """One finding: its summary and status against the baseline (no status without a baseline), then its
    verbatim quote with the section it is in."""
    status = f" · *{esc(labels.get(row['baseline_status'], row['baseline_status']))}*" if labels else ""
    cited = row["instruments"] if isinstance(row["instruments"], list) else []
    inst = f" Instruments cited: {esc(', '.join(cited))}." if cited else ""
    return (f"**{esc(row['finding_id'])}**{status} — {esc(row['summary'])}{inst}\n\n"
            + quote_md(row["evidence"], row["section"]))


def findings_md(frame: pd.DataFrame, labels: dict[str, str] | None, none: str) -> str:
    if frame.empty:
        return f"*{none}*\n"
    return "\n".join(finding_md(r, labels) for _, r in frame.iterrows())


def instrument_md(row, relations: dict[str, dict[str, list[str]]] | None = None) -> str:
    """One instrument: year, title (with its type and number when the title lacks them), issuing body, status
    when stated, what it amends or repeals and what amended it, then its quote with its section."""
    year = "Year not stated" if pd.isna(row["year"]) else str(int(row["year"]))
    title = str(row["title_en"]).strip().rstrip(".")
    extra = []
    kind = type_label(str(row["type"]))
    if kind.casefold() not in title.casefold():
        extra.append(kind.lower())
    if not pd.isna(row["number"]) and str(row["number"]) not in title:
        extra.append(f"No. {row['number']}")
    head = f"**{esc(year)}** — {esc(title)}" + (f" ({esc(', '.join(extra))})" if extra else "") + "."
    parts = [head]
    if not pd.isna(row["issuing_body"]):
        parts.append(f"Issued by {esc(row['issuing_body'])}.")
    if row["status"] != "not_stated":
        parts.append(f"Status: {esc(str(row['status']).replace('_', ' '))}.")
    for rel in RELATIONS:
        ids = row[rel] if isinstance(row[rel], list) else []
        if ids:
            parts.append(f"{rel.capitalize()}: {esc(', '.join(ids))}.")
    for rel, by in ((relations or {}).get(row["instrument_id"]) or {}).items():
        parts.append(f"{rel.capitalize()} by: {esc(', '.join(by))}.")
    parts.append(f"(id: {esc(row['instrument_id'])})")
    return " ".join(parts) + "\n\n" + quote_md(row["evidence"], row["section"])


def instruments_md(frame: pd.DataFrame, none: str, relations: dict | None = None) -> str:
    """Instruments in the frame's order (time order); those without a year come last under their own note."""
    if frame.empty:
        return f"*{none}*\n"
    dated = frame.loc[frame["year"].notna()]
    undated = frame.loc[frame["year"].isna()]
    out = [instrument_md(r, relations) for _, r in dated.iterrows()]
    if not undated.empty:
        out.append(f"*The profile gives no year for the following {plural(len(undated), 'instrument')}; "
                   "they are listed last, in the order the profile names them.*\n")
        out += [instrument_md(r, relations) for _, r in undated.iterrows()]
    return "\n".join(out)


def no_baseline_md(reason: str | None) -> str:
    """The plain statement shown instead of charts that would be empty; nothing when there is a baseline."""
    return f"**No baseline to compare against.** {esc(reason)}\n" if reason else ""


def domain_intro_md(profile, dp: DomainProgress) -> str:
    """A domain's heading, its MiGOF principle or objective, the profile's heading for it and its counts."""
    d = BY_ID[dp.domain]
    heading = (profile.mgi.get("domain_headings") or {}).get(dp.domain)
    text = f"## {d.number}. {esc(d.label)}\n\nMiGOF: {esc(d.migof)}."
    if heading:
        text += f" The profile's heading for this domain: *{esc(heading)}*."
    counts = [f"{plural(len(dp.well_developed), 'example')} of well-developed areas",
              f"{plural(len(dp.further_development), 'area')} with potential for further development"]
    if no_baseline_reason(profile) is None:
        counts.insert(0, f"{plural(len(dp.updates), 'update')} since the baseline")
    text += f"\n\nIn the extracts this domain has {', '.join(counts[:-1])} and {counts[-1]}.\n"
    return text


def domain_sections_md(profile, dp: DomainProgress, no_baseline: str | None) -> str:
    """One domain's cited text: updates, well-developed areas, further development, persisting gaps and
    instruments since the baseline — or, without a baseline, the plain statement that there is none."""
    labels = None if no_baseline else status_labels(profile)
    year = profile.mgi.get("baseline_year")
    out = []
    if no_baseline:
        out.append(f"### Updates since the baseline\n\n*{esc(no_baseline)}*\n")
    else:
        out.append(f"### Updates since {esc(year)}\n")
        out.append(findings_md(dp.updates, labels, f"The profile records no update in this domain since {year}."))
    out.append("### Examples of well-developed areas\n")
    out.append(findings_md(dp.well_developed, labels, "The profile names no well-developed area in this domain."))
    out.append(f"### {KIND_HEADINGS['further_development']}\n")
    out.append(findings_md(dp.further_development, labels,
                           "The profile names no area with potential for further development in this domain."))
    if no_baseline:
        return "\n".join(out)
    out.append("### Gaps persisting from the previous assessment\n")
    out.append(findings_md(dp.persisting_gaps, labels,
                           "The profile's text describes no gap in this domain as already identified in the "
                           "previous assessment and still open."))
    out.append(f"### Instruments adopted or amended in {esc(year)} or later, in time order\n")
    out.append(instruments_md(dp.instruments_since,
                              f"No instrument cited in this domain is stated to have been adopted or amended in "
                              f"{year} or later.", acted_on(profile.instruments)))
    n_unknown = len(dp.instruments_timing_unknown)
    if n_unknown:
        ids = ", ".join(dp.instruments_timing_unknown["instrument_id"])
        out.append(f"*The profile does not say whether {plural(n_unknown, 'other instrument')} cited in this "
                   f"domain {'was' if n_unknown == 1 else 'were'} adopted or amended since {year}: {esc(ids)}.*\n")
    return "\n".join(out)
