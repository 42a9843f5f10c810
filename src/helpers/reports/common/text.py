"""The profile text every report shows: which profile this is, the six domains, what the errata flag.

Every piece of data text escaped; nothing country-specific (country, edition and years come from profile.mgi).
"""

from __future__ import annotations

import pandas as pd

from helpers.data.domains import DOMAINS
from helpers.data.vocab import ERRATUM_KIND_WORDS, LEVEL_LABELS
from helpers.reports.common.escape import esc


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def profile_intro_md(profile) -> str:
    """Which profile this is: country, edition, years, baseline and citation."""
    m = profile.mgi
    level = f" ({esc(LEVEL_LABELS['local'].lower())}: a {esc(profile.place)})" if profile.is_local else ""
    lines = [f"**{esc(profile.full_name)} — Migration Governance Indicators, {esc(m['edition'])}**{level} "
             f"(assessment {esc(m['assessment_year'])}, published {esc(m['publication_year'])})."]
    if m.get("baseline_year") is not None:
        title = f": *{esc(m['baseline_title'])}*" if m.get("baseline_title") else ""
        lines.append(f"Baseline: the previous MGI assessment of {esc(m['baseline_year'])}{title}.")
    else:
        lines.append(f"Baseline: none — this is the {esc(profile.place)}'s first MGI profile.")
    if m.get("fictional"):
        lines.append(f"**This profile is fictional** (test data): it describes no real {esc(profile.place)}.")
    lines.append(f"Cite as: {esc(m['citation'])}")
    return "\n\n".join(lines) + "\n"


def domains_md() -> str:
    """The six domains and the MiGOF principle or objective each is drawn from."""
    rows = ["| # | MGI domain | MiGOF principle or objective |", "|---|---|---|"]
    rows += [f"| {d.number} | {esc(d.label)} | {esc(d.migof)} |" for d in DOMAINS]
    return "\n".join(rows) + "\n"


def errata_intro_md(errata: pd.DataFrame) -> str:
    if errata.empty:
        return "*The errata table flags nothing: the extracts found no contradiction or slip in the source.*\n"
    kinds = errata["kind"].value_counts()
    parts = [plural(int(kinds[k]), w) for k, w in ERRATUM_KIND_WORDS.items() if k in kinds]
    return (f"The errata table flags {plural(len(errata), 'place')} where the source disagrees with itself or "
            f"has an evident slip ({', '.join(parts)}). The quotes in the extracts stay verbatim; the table says "
            "which value the extracts use and why.\n")


# What each report is called in its title, the browser's title bar and the index ("Peru – Progress per domain –
# MGI Second Profile 2021"); the notebook's own heading stays for notebook users.
REPORT_NAMES = {
    "overview": "Profile overview",
    "domain_progress": "Progress per domain",
    "migration_statistics": "Figures the profile states",
    "covid_responses": "COVID-19 responses",
    "compare_profiles": "Comparing profiles",
    "corpus": "MGI profiles as one corpus",
}
TITLE_LISTS_AT_MOST = 4  # profiles a title names one by one; beyond, it gives their number


def report_title(notebook: str, profiles) -> str:
    """'<country> – <report> – MGI <edition>' for one profile; for a comparison, the report then each edition."""
    name = REPORT_NAMES.get(notebook, notebook.replace("_", " "))
    if len(profiles) == 1:
        p = profiles[0]
        return f"{p.short_name} – {name} – MGI {p.mgi['edition']}"
    if notebook == "corpus" or len(profiles) > TITLE_LISTS_AT_MOST:
        return f"{name} – {len(profiles)} profiles"
    return f"{name} – " + " · ".join(f"{p.short_name} – MGI {p.mgi['edition']}" for p in profiles)
