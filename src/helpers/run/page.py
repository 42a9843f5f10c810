"""The page around a report: its title, a table of contents, unique anchors, and links to the index, the
profile's downloads and the report's own charts (templates/mgi_offline/index.html.j2 and toc.html.j2).

nbconvert names a heading's anchor after its text, so the five sub-headings repeated in each of the six domains
of `domain_progress` had one anchor each, six times over. Here every sub-heading's anchor starts with its
section's ("1.-Migrants'-rights--Updates-since-2019"), and what is still repeated gets a number; the table of
contents lists the sections and their sub-headings. Every value reaches the page through a template with
autoescape on.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
TOC_MARKER = "<!--mgi-table-of-contents-->"
TITLE_TAG = "report-title"  # the notebook's heading cell: the page shows the report's title and links instead
NOTEBOOK_ONLY_TAG = "notebook-only"  # notes for notebook users (parameters, how to run): not in the HTML report

_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)<a class="anchor-link" href="#([^"]*)">', re.DOTALL)


@dataclass
class Page:
    """What the page template needs, and the headings seen while the notebook's Markdown is rendered."""

    title: str
    index_href: str = ""
    downloads: list[tuple[str, str]] = field(default_factory=list)  # (label, href)
    charts: list[dict] = field(default_factory=list)  # {"name", "png", "svg"}
    headings: list[dict] = field(default_factory=list)  # {"level", "id", "text"}
    _used: set = field(default_factory=set)
    _section: str = ""

    def anchors(self, rendered: str) -> str:
        """A rendered Markdown fragment with unique anchors; records its headings for the table of contents."""
        return _HEADING.sub(self._anchor, rendered)

    def _anchor(self, m: re.Match) -> str:
        level, old, inner = int(m.group(1)), m.group(2), m.group(3)
        if level <= 2:
            new = old
            if level == 2:
                self._section = old
        else:
            new = f"{self._section}--{old}" if self._section else old
        base, n = new, 2
        while new in self._used:
            new, n = f"{base}-{n}", n + 1
        self._used.add(new)
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        if level in (2, 3):
            self.headings.append({"level": level, "id": new, "text": text})
        return f'<h{level} id="{html.escape(new)}">{inner}<a class="anchor-link" href="#{html.escape(new)}">'

    def toc(self) -> list[dict]:
        """Sections (h2), each with its sub-headings (h3)."""
        out: list[dict] = []
        for h in self.headings:
            if h["level"] == 2 or not out:
                out.append(dict(h, children=[]))
            else:
                out[-1]["children"].append(h)
        return out


def render_toc(page: Page) -> str:
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    return env.get_template("toc.html.j2").render(sections=page.toc())


def chart_links(charts_dir: Path, base: Path) -> list[dict]:
    """Every chart the report saved, PNG and (where written) SVG, as hrefs relative to the report's folder."""
    if not charts_dir.is_dir():
        return []
    out = []
    for png in sorted(charts_dir.glob("*.png")):
        svg = png.with_suffix(".svg")
        out.append({"name": png.stem.replace("_", " "), "png": png.relative_to(base).as_posix(),
                    "svg": svg.relative_to(base).as_posix() if svg.is_file() else ""})
    return out


def page_for(key: str, notebook: str, profile_ids: list[str], report_folder: Path, *, compare_key: str) -> Page:
    """The title and links of a report at <out>/<key>/<notebook>/<notebook>.html."""
    from helpers.data.loader import load_profile
    from helpers.export import DATA_FOLDER, default_name, link_label
    from helpers.reports.common.text import report_title

    profiles = [load_profile(p) for p in profile_ids]
    downloads = []
    for pid in profile_ids:
        prefix = "../" if key != compare_key else f"../../{pid}/"
        who = f"{pid}: " if len(profile_ids) > 1 else ""
        for name in (default_name(pid, "xlsx"), default_name(pid, "csv"), f"{DATA_FOLDER}/datapackage.json"):
            downloads.append((who + link_label(Path(name), pid), prefix + name))
    return Page(title=report_title(notebook, profiles), index_href="../../index.html", downloads=downloads,
                charts=chart_links(report_folder / "charts", report_folder))
