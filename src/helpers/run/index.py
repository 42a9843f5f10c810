"""reports/index.html from the state record of every report (Jinja2 template, every value escaped)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.run.files import atomic_write_text
from helpers.run.registry import KNOWN_NOTEBOOKS, is_cross

TEMPLATES = Path(__file__).parent / "templates"


def state_path(out: Path, key: str, notebook: str) -> Path:
    return out / ".state" / key / f"{notebook}.json"


def read_states(out: Path) -> list[dict]:
    records = []
    for path in sorted((out / ".state").glob("*/*.json")):
        try:
            records.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return records


def render_index(out: Path) -> str:
    from jinja2 import Environment, FileSystemLoader

    from helpers.export import download_links, exports_present

    records = read_states(out)
    rank = {name: i for i, name in enumerate(KNOWN_NOTEBOOKS)}
    records.sort(key=lambda r: (r.get("key", ""), rank.get(r.get("notebook"), len(rank)), r.get("notebook", "")))
    for r in records:
        failed = r.get("failed_notebook") or ""
        r["failed_html"] = failed[:-6] + ".html" if failed and (out / failed[:-6]).with_suffix(".html").is_file() \
            else ""
    manifest = {}
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    titles = {r["key"]: r for r in records if r.get("title")}  # one line per profile or comparison
    downloads = {key: download_links(exports_present(key, out / key), key, out) for key in titles}
    return env.get_template("index.html.j2").render(records=records, titles=titles, manifest=manifest,
                                                    downloads=downloads, profiles=profile_rows(records),
                                                    cross=[k for k in titles if is_cross(k)],
                                                    table_library=_table_library())


def profile_rows(records: list[dict]) -> list[dict]:
    """One row per profile for the index's searchable list: what it is, its reports and their status."""
    rows: dict[str, dict] = {}
    for r in records:
        if is_cross(r.get("key", "")):
            continue
        row = rows.setdefault(r["key"], {"key": r["key"], "reports": []})
        for field in ("title", "country", "edition", "level", "language", "data_version", "fictional"):
            if r.get(field) not in (None, "") and not row.get(field):
                row[field] = r[field]
        row["reports"].append({"notebook": r.get("notebook"), "html": r.get("html"), "status": r.get("last_status")})
    return list(rows.values())


def _table_library() -> dict:
    """The searchable-table library (DataTables, as itables ships it) embedded, so the index works offline: the
    loader's HTML, the global it resolves to and the event it sends when ready (named after the itables version)."""
    from markupsafe import Markup

    try:
        from itables import options
        from itables.javascript import generate_init_offline_itables_html
        from itables.version import __version__ as version
    except ImportError:  # the index still lists everything, without search
        return {}
    return {"html": Markup(generate_init_offline_itables_html(options.dt_bundle)),
            "name": "_itables_" + version.replace(".", "_").replace("-", "_"), "event": f"itables-{version}-ready"}


def write_index(out: Path) -> None:
    atomic_write_text(out / "index.html", render_index(out))


def publish(out: Path, manifest: dict) -> None:
    """The run's record (runs/<id>.json), the latest manifest and the index: what a run or a merge leaves."""
    text = json.dumps(manifest, indent=2)
    atomic_write_text(out / "runs" / f"{manifest['run_id']}.json", text)
    atomic_write_text(out / "manifest.json", text)
    write_index(out)
