"""The words around the figures: tables and sentences whose every piece of data text is escaped, every
figure stated with its qualifier, date and cited source, every quote shown once with its section."""

from __future__ import annotations

import pandas as pd

from helpers.data.vocab import QUALIFIER_WORDS, theme_label
from helpers.reports.common import figures as Q
from helpers.reports.common.dates import date_label
from helpers.reports.statistics import analysis as F
from helpers.reports.common.display import esc, quote_md


def cited_source(q: Q.Quantity) -> str:
    if q.source_org and q.source_id:
        return f"{q.source_org} (Key sources: {q.source_id})"
    return q.source_org or q.source_id or "none cited"


def figures_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per figure: what it measures, value, unit, qualifier, reference date, cited source, section.

    Shown with display.html_table, which escapes every cell."""
    rows = []
    for q in Q.quantities(frame):
        rows.append({
            "id": q.statistic_id, "figure": q.label, "value": Q.format_number(q.value),
            "unit": Q.unit_label(q.unit), "qualifier": q.qualifier.replace("_", " "),
            "as stated": q.phrase(), "reference date": date_label(q.reference_date) or "not stated",
            "cited source": cited_source(q), "section": q.section,
        })
    return pd.DataFrame(rows, columns=["id", "figure", "value", "unit", "qualifier", "as stated",
                                       "reference date", "cited source", "section"])


def overview_md(stats: pd.DataFrame) -> str:
    o = F.overview(stats)
    if not o["figures"]:
        return "*The profile states no figures.*\n"
    return (f"The profile states **{o['figures']}** figures in **{o['themes']}** themes. "
            f"{o['dated']} carry a reference date and {o['undated']} do not (the profile gives none); "
            f"{o['cited']} name the organisation the profile cites for them. "
            f"{o['bounds']} are bounds (\"over\", \"up to\", \"less than\") and {o['approximate']} are estimates "
            "or approximations; the report states each exactly as the profile qualifies it.\n")


def theme_heading_md(stats: pd.DataFrame, theme: str) -> str:
    n = len(F.theme_figures(stats, theme))
    return f"### {esc(theme_label(theme))}\n\n{n} figure{'s' if n != 1 else ''} (theme: *{esc(theme)}*).\n"


def figure_sentence_md(q: Q.Quantity) -> str:
    """A cited sentence: the figure as the profile qualifies it, its date and source, then the quote."""
    src = f"; source cited: {esc(q.source_org)}" if q.source_org else "; the profile cites no source for it"
    return (f"**{esc(q.statistic_id)}** — {esc(q.label)}: **{esc(q.phrase())}** "
            f"({esc(q.date_label)}{src}).\n\n" + quote_md(q.evidence, q.section))


def change_md(c: Q.Change) -> str:
    """What a then-vs-now chart shows, in words, with the caveats its figures carry."""
    lines = [f"**{esc(c.now.label)}**: from {esc(c.then.phrase())} ({esc(c.then.date_label)}) to "
             f"{esc(c.now.phrase())} ({esc(c.now.date_label)}) — {esc(c.change_phrase())}."]
    if c.bound == "at_least":
        lines.append("The change is a lower bound: the later figure is stated as a minimum "
                     f"(\"{esc(QUALIFIER_WORDS[c.now.qualifier] or c.now.qualifier)}\"), so the true change may be "
                     "larger.")
    elif c.bound == "at_most":
        lines.append("The change is an upper bound: a qualifier on one of the figures means the true change may be "
                     "smaller.")
    if c.approximate:
        lines.append("The figures are estimates or approximations; the change is rounded to their precision.")
    if not c.same_source:
        lines.append(f"The two figures come from different sources ({esc(c.then.source_org or 'none cited')}; "
                     f"{esc(c.now.source_org or 'none cited')}).")
    return " ".join(lines) + "\n"


def set_md(frame: pd.DataFrame) -> str:
    qs = Q.quantities(frame)
    when = date_label(qs[0].reference_date) or "no reference date"
    parts = "; ".join(f"{esc(q.label)}: {esc(q.phrase())}" for q in qs)
    text = f"Stated together ({esc(when)}): {parts}."
    total = F.set_total(frame)
    if total is not None:
        text += (f" Together {esc(Q.format_amount(total, qs[0].unit))} — a sum this report computes from the "
                 "figures above, all exact and of the same date.")
    if F.is_caps(frame):
        text += " Each is a legal maximum, drawn against the whole (100 per cent)."
    return text + "\n"


def target_md(t: F.TargetComparison) -> str:
    q = t.figure
    meets = {True: "meets", False: "does not meet", None: "cannot be placed against"}[t.meets_target]
    return (f"**{esc(q.label)}**: {esc(q.phrase())} ({esc(q.date_label)}; source cited: "
            f"{esc(q.source_org or 'none')}) — {esc(t.phrase())} of {Q.format_number(t.target)} per cent; "
            f"it {meets} the target as stated. The target is a constant of the SDG framework, not a figure of the "
            f"profile: *{esc(F.SDG_10C_CITATION)}* {esc(F.SDG_10C_INDICATOR)} The profile's figure may not be "
            "measured the way the SDG indicator is, and the target is set for "
            f"{F.SDG_10C_YEAR}: read the comparison as an indication, not as a monitoring result.\n")


def theme_reading_md(stats: pd.DataFrame, theme: str) -> str:
    """Under a theme's table: what its charts show in words, the figures with no chart as cited sentences,
    then each quote once with its section and the figures it supports."""
    frame = F.theme_figures(stats, theme)
    plans = F.theme_plan(stats, theme)
    out = []
    for p in plans:
        if p.kind == "then_now" and p.change is not None:
            out.append(change_md(p.change))
        elif p.kind in ("set", "caps") and p.frame is not None:
            out.append(set_md(p.frame))
        elif p.kind == "target" and p.target is not None:
            out.append(target_md(p.target))
    charted = F.charted_ids(stats, theme)
    alone = [q for q in Q.quantities(frame) if q.statistic_id not in charted]
    if alone:
        head = ("No chart: the theme has no two comparable figures (same unit and reference date, or the same "
                "indicator at two dates)." if not plans else "Not charted (not comparable with the figures above):")
        out.append(head + "\n\n" + "\n".join(figure_sentence_md(q) for q in alone))
    quoted = frame.loc[frame["statistic_id"].isin(charted)]
    if not quoted.empty:
        out.append("**Quotes** for the charted figures:\n\n" + quotes_md(quoted))
    return "\n".join(out)


def quotes_md(frame: pd.DataFrame) -> str:
    """Each distinct quote once, with its section and the ids of the figures it supports."""
    out = []
    for evidence, rows in frame.groupby("evidence", sort=False):
        ids = ", ".join(rows["statistic_id"])
        out.append(f"{esc(ids)}:\n\n" + quote_md(str(evidence), str(rows["section"].iloc[0])))
    return "\n".join(out)


def side_by_side_md(s: F.SideBySide) -> str:
    items = "; ".join(f"{esc(q.label)}: {esc(q.phrase())} ({esc(q.date_label)}, "
                      f"source cited: {esc(q.source_org or 'none')})" for q in s.figures)
    text = f"The latest population figures of the profile, side by side: {items}."
    if s.mixed_dates:
        text += (" **They refer to different reference dates**, so this report computes no share or ratio from "
                 "them: a share of one in the other would mix dates.")
    if s.mixed_sources:
        text += " They also come from different sources."
    quotes = "\n".join(quote_md(q.evidence, q.section) for q in
                       {q.evidence: q for q in s.figures}.values())
    return text + "\n\n" + quotes


_KIND_WORDS = {"then_now": "then vs now", "set": "figures stated together", "caps": "legal maxima",
               "target": "against the SDG 10.c target"}


def themes_table(stats: pd.DataFrame) -> pd.DataFrame:
    """Themes in the schema's order: how many figures, and whether they are charted or stated in sentences."""
    rows = []
    for theme in F.themes(stats):
        plans = F.theme_plan(stats, theme)
        kinds = ", ".join(dict.fromkeys(_KIND_WORDS[p.kind] for p in plans))
        rows.append({"theme": theme_label(theme), "figures": len(F.theme_figures(stats, theme)),
                     "shown as": f"chart: {kinds}" if plans else "cited sentences (no two comparable figures)"})
    return pd.DataFrame(rows, columns=["theme", "figures", "shown as"])


def sources_md(profile) -> str:
    used = bool(F.target_comparisons(profile.statistics))
    sdg = f"- {esc(F.SDG_10C_CITATION)} {esc(F.SDG_10C_INDICATOR)}\n" if used else \
        "- No chart of this profile uses the SDG 10.c target.\n"
    return sdg + f"- {esc(profile.source_line)}\n"
