"""Migrations of profile folders from one version of the schema to the next (`mgi migrate`).

Each migration rewrites only what changed, in a staging copy of the file that replaces the original in one
step, and says what it did. Running one on a folder that is already migrated changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from helpers.data.datapackage import DESCRIPTOR, write_descriptor
from helpers.data.schema import TITLE_LANGUAGES

OLD_TITLE = "title_es"


@dataclass
class Migrated:
    path: Path
    changes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".migrating")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)


def title_original(folder: Path, language_of: Callable[[str], str | None], default: str | None = None,
                   bump: bool = True) -> Migrated:
    """instruments.csv: `title_es` becomes `title_original` with its language in `title_language`.

    `language_of(title)` names the language of one title (None when it cannot tell); `default` is used where it
    cannot. A title whose language is found by neither is reported and nothing is written.
    """
    out = Migrated(folder)
    p = folder / "instruments.csv"
    if not p.is_file():
        return out
    raw = p.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig", errors="strict")
    newline = "\r\n" if "\r\n" in text else "\n"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or OLD_TITLE not in rows[0]:
        return out
    header = rows[0]
    k = header.index(OLD_TITLE)
    header[k] = "title_original"
    has_language = "title_language" in header
    if not has_language:
        header.insert(k + 1, "title_language")
    for n, row in enumerate(rows[1:], start=2):
        if has_language or len(row) <= k:
            continue
        title = row[k].strip()
        code = ""
        if title:
            code = language_of(title) or default or ""
            if code not in TITLE_LANGUAGES:
                out.problems.append(f"{p}: row {n}: the language of {title[:60]!r} is not known "
                                    f"(give --title-language, one of {', '.join(TITLE_LANGUAGES)})")
        row.insert(k + 1, code)
    if out.problems:
        return out
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator=newline).writerows(rows)
    _write_atomic(p, ("\ufeff" if bom else "") + buf.getvalue())
    langs = sorted({r[k + 1] for r in rows[1:] if len(r) > k + 1 and r[k + 1]})
    out.changes.append(f"{p.name}: title_es -> title_original, title_language ({', '.join(langs) or 'no titles'})")
    dp = folder / DESCRIPTOR
    if dp.is_file():
        try:
            meta = json.loads(dp.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            return out  # a broken descriptor is the validator's to report
        mgi = meta.get("mgi") if isinstance(meta, dict) else None
        if bump and isinstance(mgi, dict) and isinstance(mgi.get("data_version"), str):
            parts = mgi["data_version"].split(".")
            if len(parts) == 3 and all(x.isdigit() for x in parts):
                mgi["data_version"] = f"{int(parts[0]) + 1}.0.0"  # a renamed field: a major version
                out.changes.append(f"{DESCRIPTOR}: data_version {'.'.join(parts)} -> {mgi['data_version']}")
                _write_atomic(dp, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
        if isinstance(meta, dict) and isinstance(meta.get("resources"), list):
            write_descriptor(folder)
            out.changes.append(f"{DESCRIPTOR}: table schemas rewritten")
    return out


def locality(folder: Path) -> Migrated:
    """A local profile described with ad-hoc keys (`city`, `city_short`, `city_country`, `city_country_code`) gets
    the schema's `locality`, `locality_short` and `locality_type`; the country keys are dropped when they repeat
    `country` and `iso3`, and kept (reported) when they disagree."""
    out = Migrated(folder)
    dp = folder / DESCRIPTOR
    if not dp.is_file():
        return out
    try:
        meta = json.loads(dp.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return out
    mgi = meta.get("mgi") if isinstance(meta, dict) else None
    if not isinstance(mgi, dict) or "city" not in mgi or "locality" in mgi:
        return out
    mgi["locality"] = mgi.pop("city")
    if "city_short" in mgi:
        mgi["locality_short"] = mgi.pop("city_short")
    mgi.setdefault("locality_type", "city")
    mgi.setdefault("level", "local")
    for key, same in (("city_country", "country"), ("city_country_code", "iso3")):
        if key in mgi and mgi[key] == mgi.get(same):
            del mgi[key]
        elif key in mgi:
            out.problems.append(f"{dp}: mgi.{key} {mgi[key]!r} differs from mgi.{same} {mgi.get(same)!r}: kept")
    _write_atomic(dp, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    out.changes.append(f"{DESCRIPTOR}: mgi.city -> locality ({mgi['locality']}, {mgi['locality_type']})")
    return out
