"""The words and tables of a comparison of profiles: Markdown built with esc, HTML tables from the templates
(compare_findings.html.j2, compare_instruments.html.j2) with every value escaped, every finding with its quote."""

from __future__ import annotations

import pandas as pd

from helpers.data.domains import BY_ID
from helpers.data.loader import Profile
from helpers.data.schema import FINDING_KINDS
from helpers.data.vocab import KIND_HEADINGS
from helpers.reports.common.display import html_table, render
from helpers.reports.common.escape import esc
from helpers.reports.compare.analysis import EditionChange, SharedFigure, instruments_view, label, only_in, shared_instruments


def not_enough_md(ids: list[str], asked: list[str]) -> str | None:
    """What to tell the reader when fewer than two profiles can be compared, or None."""
    if len(ids) >= 2:
        return None
    have = ", ".join(f"`{esc(i)}`" for i in ids) or "none"
    how = ("Only one profile was given" if asked else "Only one profile is available") if ids else \
        "No profile is available"
    return (f"**Nothing to compare.** {how} ({have}); a comparison needs two or more. Give two or more ids in "
            "the `profiles` parameter, or make more profiles available (more folders can be listed in the "
            "`MGI_PROFILE_PATH` environment variable). The rest of this report is left empty.\n")


def profiles_md(profiles: list[Profile]) -> str:
    """Which profiles are compared, each with its citation."""
    rows = ["| profile | place | level | edition | assessment | baseline | cite as |", "|---|---|---|---|---|---|---|"]
    for p in profiles:
        m = p.mgi
        base = esc(m["baseline_year"]) if m.get("baseline_year") is not None else "none (first profile)"
        fict = " **(fictional test data)**" if m.get("fictional") else ""
        level = "local" if p.is_local else "national"
        rows.append(f"| `{esc(p.id)}` | {esc(p.full_name)}{fict} | {level} | {esc(m['edition'])} | "
                    f"{esc(m['assessment_year'])} | {base} | {esc(m['citation'])} |")
    return "\n".join(rows) + "\n"


def shared_figure_md(sf: SharedFigure) -> str:
    """The figures of one indicator as each profile states them, with both dates, then the changes."""
    lines = [f"**{esc(sf.label)}** (`{esc(sf.indicator)}`)", "",
             "| profile | reference date | figure | cited organisation | quote |", "|---|---|---|---|---|"]
    for p, q in sf.figures:
        lines.append(f"| `{esc(p.id)}` | {esc(q.date_label)} | {esc(q.phrase())} | {esc(q.source_org or '—')} | "
                     f"“{esc(q.evidence)}” — *{esc(q.section)}* |")
    lines.append("")
    for p1, p2, ch in sf.changes:
        lines.append(f"- From {esc(ch.then.date_label)} (`{esc(p1.id)}`: {esc(ch.then.phrase())}) to "
                     f"{esc(ch.now.date_label)} (`{esc(p2.id)}`: {esc(ch.now.phrase())}): "
                     f"{esc(ch.change_phrase())}." + (" The two editions cite different organisations."
                                                     if not ch.same_source else ""))
    for n in sf.notes:
        lines.append(f"- {esc(n)}")
    return "\n".join(lines) + "\n"


def matches_md(frame: pd.DataFrame, earlier: Profile, later: Profile, none: str) -> str:
    """Each match with both quotes and why it was matched, so that a reader can judge it."""
    if frame.empty:
        return f"*{esc(none)}*\n"
    out = []
    for _, r in frame.iterrows():
        out.append(
            f"- **{esc(BY_ID[r['domain']].label)}** — matched because {esc(r['basis'])}.\n"
            f"  - `{esc(earlier.id)}` {esc(r['earlier_id'])} (further development): {esc(r['earlier_summary'])}\n\n"
            f"    > “{esc(r['earlier_evidence'])}” — *{esc(r['earlier_section'])}*\n"
            f"  - `{esc(later.id)}` {esc(r['later_id'])} ({esc(KIND_HEADINGS[r['later_kind']].lower())}): "
            f"{esc(r['later_summary'])}\n\n"
            f"    > “{esc(r['later_evidence'])}” — *{esc(r['later_section'])}*\n")
    return "\n".join(out)


def findings_list_md(frame: pd.DataFrame, profile: Profile, none: str) -> str:
    if frame.empty:
        return f"*{esc(none)}*\n"
    return "\n".join(
        f"- `{esc(profile.id)}` {esc(r['finding_id'])} ({esc(BY_ID[r['domain']].label)}): {esc(r['summary'])}\n\n"
        f"  > “{esc(r['evidence'])}” — *{esc(r['section'])}*\n" for _, r in frame.iterrows())


def findings_side_by_side(profiles: list[Profile], domain: str) -> str:
    """An HTML table: one column per profile, one row per kind of finding; every finding with its quote."""
    rows = []
    for kind in FINDING_KINDS:
        cells = []
        for p in profiles:
            f = p.findings
            mine = f.loc[(f["domain"] == domain) & (f["kind"] == kind)]
            if kind == "update_since_baseline" and p.mgi.get("baseline_year") is None:
                cells.append({"note": "First profile: no baseline, so no updates since one.", "findings": []})
            elif mine.empty:
                cells.append({"note": "None in this profile.", "findings": []})
            else:
                cells.append({"note": "", "findings": [
                    {k: r[k] for k in ("finding_id", "summary", "evidence", "section")} for _, r in mine.iterrows()]})
        rows.append({"heading": KIND_HEADINGS[kind], "cells": cells})
    return render("compare_findings.html.j2", profiles=[{"id": p.id, "label": label(p)} for p in profiles],
                  rows=rows)


def domain_instruments_html(groups: pd.DataFrame, profiles: list[Profile], domain: str) -> str:
    """The instruments the profiles share in a domain's sections, then those only one names (escaped tables)."""
    shared = shared_instruments(groups, domain)
    only = []
    for p in profiles:
        mine = only_in(groups, p.id, domain)
        only.append({"id": p.id, "count": len(mine), "table": html_table(instruments_view(mine, [p])) if not mine.empty
                     else ""})
    return render("compare_instruments.html.j2",
                  who="both profiles" if len(profiles) == 2 else "two or more of the profiles",
                  shared=html_table(instruments_view(shared, profiles)) if not shared.empty else "", only=only)


def edition_change_md(ch: EditionChange, threshold: float) -> str:
    """What moved and what persists between two editions, every match with both quotes and its reason."""
    e, l_ = ch.earlier, ch.later
    head = (f"### {esc(e.id)} → {esc(l_.id)}: {esc(e.full_name)}, {esc(e.mgi['edition'])} → "
            f"{esc(l_.mgi['edition'])}\n\n"
            f"Matches need a shared instrument or summaries at least {threshold:.0f}% alike, within one domain.\n")
    parts = [
        head,
        f"#### Moved: further development in {esc(e.id)} → well developed in {esc(l_.id)} ({len(ch.moved)})\n",
        matches_md(ch.moved, e, l_, "No finding matched."),
        f"#### Persists: further development in both ({len(ch.persists)})\n",
        matches_md(ch.persists, e, l_, "No finding matched."),
        f"#### The {esc(l_.id)} text itself says these gaps persist from the previous assessment "
        f"({len(ch.said_persisting)})\n",
        findings_list_md(ch.said_persisting, l_, "None: the later profile's text names no persisting gap."),
        f"#### Areas for further development in {esc(e.id)} that matched nothing in {esc(l_.id)} "
        f"({len(ch.unmatched)})\n",
        "Addressed, dropped or reworded: the profiles' text does not say which.\n",
        findings_list_md(ch.unmatched, e, "None: every one matched a finding of the later edition."),
    ]
    return "\n".join(parts)
