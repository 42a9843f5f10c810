"""`mgi migrate`: instruments.title_es becomes title_original with its title_language; every other cell unchanged."""

from __future__ import annotations

import csv
import json
import shutil

from helpers.cli import main
from helpers.data.validate import check_profile
from helpers.paths import project_root

XEX = project_root() / "tests" / "profiles" / "XEX-2022"


def _old_layout(folder):
    """XEX-2022 as it was before the change: title_es, no title_language."""
    p = folder / "instruments.csv"
    rows = list(csv.reader(p.open(encoding="utf-8", newline="")))
    k = rows[0].index("title_language")
    rows = [r[:k] + r[k + 1:] for r in rows]
    rows[0][rows[0].index("title_original")] = "title_es"
    with p.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return rows


def test_migrate_renames_and_names_languages(tmp_path, capsys):
    folder = tmp_path / "XEX-2022"
    shutil.copytree(XEX, folder)
    before = _old_layout(folder)
    assert not check_profile(folder).ok  # the old column is refused by the current schema
    version = json.loads((folder / "datapackage.json").read_text())["mgi"]["data_version"]
    assert main(["migrate", str(folder), "--detect", "--title-language", "es"]) == 0
    rows = list(csv.DictReader((folder / "instruments.csv").open(encoding="utf-8", newline="")))
    old = [dict(zip(before[0], r)) for r in before[1:]]
    assert [r["title_original"] for r in rows] == [r["title_es"] for r in old]
    assert all((r["title_language"] == "es") == bool(r["title_original"]) for r in rows)
    for r, o in zip(rows, old):
        assert {k: v for k, v in r.items() if not k.startswith("title_")} == \
            {k: v for k, v in o.items() if not k.startswith("title_")}
    meta = json.loads((folder / "datapackage.json").read_text())
    assert meta["mgi"]["data_version"] == f"{int(version.split('.')[0]) + 1}.0.0"
    assert check_profile(folder).ok
    # a second run finds nothing to do
    assert main(["migrate", str(folder), "--title-language", "es"]) == 0
    assert "nothing to migrate" in capsys.readouterr().out


def test_migrate_refuses_a_title_of_unknown_language(tmp_path, capsys):
    folder = tmp_path / "XEX-2022"
    shutil.copytree(XEX, folder)
    _old_layout(folder)
    original = (folder / "instruments.csv").read_bytes()
    assert main(["migrate", str(folder)]) == 1  # neither the words nor --title-language tell
    err = capsys.readouterr().err
    assert "instruments.csv: row" in err and "--title-language" in err
    assert (folder / "instruments.csv").read_bytes() == original  # nothing half-written


def test_title_language_required_with_title_original(tmp_path):
    folder = tmp_path / "XEX-2022"
    shutil.copytree(XEX, folder)
    p = folder / "instruments.csv"
    rows = list(csv.DictReader(p.open(encoding="utf-8", newline="")))
    n = next(i for i, r in enumerate(rows) if r["title_original"])
    rows[n]["title_language"] = ""
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    problems = check_profile(folder).problems
    assert [(pr.file, pr.row, pr.column) for pr in problems] == [("instruments.csv", n + 2, "title_language")]
