"""The words and tables of the corpus report: Markdown built with esc, searchable tables through
reports/common/display (itables, every value escaped)."""

from __future__ import annotations

from helpers.data.corpus import Corpus
from helpers.reports.common.escape import esc
from helpers.reports.common.text import plural
from helpers.reports.corpus import analysis


def nothing_md(corpus: Corpus, profiles, level: str, language: str) -> str | None:
    """What to tell the reader when no profile matches, or None."""
    if len(corpus):
        return None
    asked = []
    if profiles:
        asked.append("profiles " + ", ".join(f"`{esc(p)}`" for p in profiles))
    if level:
        asked.append(f"level `{esc(level)}`")
    if language:
        asked.append(f"language `{esc(language)}`")
    return (f"**No profile matches** ({'; '.join(asked) or 'none available'}). Change the `profiles`, `level` or "
            "`language` parameter. The rest of this report is left empty.\n")


def intro_md(corpus: Corpus) -> str:
    p = corpus.profiles
    countries = p["iso3"].nunique()
    levels = ", ".join(f"{esc(k)}: {v}" for k, v in p["level"].value_counts().sort_index().items())
    langs = ", ".join(f"{esc(k)}: {v}" for k, v in p["language"].value_counts().sort_index().items())
    fictional = list(p.loc[p["fictional"].fillna(False).astype(bool), "profile_id"])
    lines = [f"This report covers **{plural(len(p), 'profile')}** of {countries} "
             f"{'country' if countries == 1 else 'countries'} "
             f"(level — {levels}; language — {langs}). Profiles are listed by country name, then year, "
             "in every chart and table: an order no count changes."]
    if fictional:
        lines.append(f"**Fictional test profiles:** {', '.join(f'`{esc(x)}`' for x in fictional)} — they describe "
                     "no real country.")
    return "\n\n".join(lines) + "\n"


def counts_md(corpus: Corpus) -> str:
    c = analysis.row_counts(corpus)
    total = {name: int(c[name].sum()) for name in c.columns}
    return ("Across these profiles: " + ", ".join(f"{n} {esc(name.replace('_', ' '))}" for name, n in total.items())
            + " rows. Each row carries a verbatim quote of its profile (except Key sources and errata).\n")


def sources_md(corpus: Corpus) -> str:
    """Every profile's citation: the source line of every chart points here when the charts cannot list them."""
    return "\n".join(f"- `{esc(p.id)}`: {esc(p.mgi['citation'])} Extracts: data v{esc(p.mgi['data_version'])}."
                     for p in sorted(corpus.members, key=lambda m: analysis.order(corpus).index(m.id))) + "\n"
