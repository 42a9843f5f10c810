"""The one suite for broken inputs. The corpus tests/broken/: each folder is one broken (or harmlessly
different) copy of XEX-2022, run through the `mgi` command line (its entry, helpers.cli.main, in this process;
`mgi run` and the installed `mgi` script in processes of their own), whose message must name the file, row,
column and value a person has to fix; then the cases built in code (variants of a corpus case, and mistakes
that are easier to make in code than to keep as files), checked with the validator in-process.

See tests/broken/README.md for the layout of a case and how to add one.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import cli
from helpers.paths import project_root
from helpers.data.validate import check_profile
from profile_cases import copy_profile, metadata

CORPUS = project_root() / "tests" / "broken"
BASE = project_root() / "tests" / "profiles" / "XEX-2022"
PID = BASE.name
MARKERS = {"expected.json", "REMOVE"}  # files of a case that describe it rather than overlay the profile
KEYS = {"description", "file", "row", "column", "found", "exit_code", "message_contains"}
CASES = sorted(d.name for d in CORPUS.iterdir() if d.is_dir())
MGI = [sys.executable, "-m", "helpers"]

# the problems the corpus was asked to cover; a case may be added, none of these removed
REQUIRED = {
    "unterminated-quote", "semicolon-delimiter", "missing-column", "extra-column", "renamed-column",
    "year-not-a-year", "number-with-comma", "unknown-domain", "unknown-kind", "duplicate-id", "missing-reference",
    "empty-table", "missing-table", "latin1-file", "invalid-json", "changed-quote",
    "utf8-bom", "crlf-line-endings", "spaces-around-values",
    "covered-without-words",  # a coded judgement its quote's words do not support (helpers.data.wordrules)
}


def expected_of(case: str) -> dict:
    return json.loads((CORPUS / case / "expected.json").read_text(encoding="utf-8"))


def overlay_of(case: str) -> list[Path]:
    return sorted(p for p in (CORPUS / case).iterdir() if p.is_file() and p.name not in MARKERS)


def build(case: str, root: Path) -> Path:
    """root/profiles/XEX-2022: the base profile with the case's files laid over it and its listed files removed."""
    home = root / "profiles"
    folder = home / PID
    shutil.copytree(BASE, folder)
    for p in folder.iterdir():
        p.chmod(0o644)  # the source text is read-only in the repository
    for p in overlay_of(case):
        shutil.copyfile(p, folder / p.name)
    for name in expected_of(case).get("remove", []):
        (folder / name).unlink()
    return home


def mgi(args: list[str], home: Path, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    """The real command line in a process of its own (for `mgi run`, which starts kernels)."""
    env = dict(os.environ, MGI_PROFILE_PATH=str(home))
    env.pop("MGI_HOME", None)
    return subprocess.run(MGI + args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def mgi_validate(monkeypatch, capsys, tmp_path):
    """`mgi validate ARGS` through the command line's own entry (helpers.cli.main, what `python -m helpers` and
    the `mgi` script call), in this process: the exit code and what it printed. Any exception it lets out fails
    the test, as a traceback would. The installed script itself is run in a process of its own below."""

    def validate(args: list[str], home: Path) -> subprocess.CompletedProcess:
        monkeypatch.setenv("MGI_PROFILE_PATH", str(home))
        monkeypatch.delenv("MGI_HOME", raising=False)
        monkeypatch.chdir(tmp_path)
        capsys.readouterr()
        code = cli.main(["validate", *args])
        out = capsys.readouterr()
        return subprocess.CompletedProcess(["mgi", "validate", *args], code, out.out, out.err)

    return validate


def problem_blocks(stderr: str) -> list[str]:
    """Each '  - ...' problem of the report with its indented hint lines."""
    blocks: list[str] = []
    for line in stderr.splitlines():
        if line.startswith("  - "):
            blocks.append(line[4:])
        elif line.startswith("    ") and blocks:
            blocks[-1] += "\n" + line.strip()
    return blocks


def where(e: dict) -> str:
    text = e["file"]
    if e["row"] is not None:
        text += f", row {e['row']}"
    if e["column"] is not None:
        text += f", column '{e['column']}'"
    return text + ": "


# --- the corpus itself is well formed ------------------------------------------------------------------

def test_corpus_holds_the_required_cases():
    assert REQUIRED <= set(CASES), f"missing cases: {sorted(REQUIRED - set(CASES))}"


@pytest.mark.parametrize("case", CASES)
def test_case_is_well_formed(case):
    e = expected_of(case)
    assert KEYS <= set(e), f"{case}/expected.json lacks {sorted(KEYS - set(e))}"
    assert e["description"].strip()
    assert e["exit_code"] in (0, 1)
    if e["exit_code"]:
        assert e["file"] and e["message_contains"], f"{case}: a failing case names its file and message"
    base_files = {p.name for p in BASE.iterdir()}
    overlay = overlay_of(case)
    assert overlay or e.get("remove"), f"{case}: the case changes nothing"
    for p in overlay:
        # a misspelt file name would be laid beside the profile and ignored: the case would prove nothing
        assert p.name in base_files, f"{case}/{p.name} is not a file of {PID}"
        assert p.read_bytes() != (BASE / p.name).read_bytes(), f"{case}/{p.name} is identical to the base file"
    removed = e.get("remove", [])
    assert all(name in base_files for name in removed), f"{case}: remove names a file {PID} does not have"
    marker = CORPUS / case / "REMOVE"
    listed = marker.read_text(encoding="utf-8").split() if marker.is_file() else []
    assert listed == removed, f"{case}: the REMOVE marker and expected.json 'remove' disagree"


def test_base_profile_is_valid(tmp_path, mgi_validate):
    # without the search path the id is unknown: no shipped profile shadows the copies the cases build
    res = mgi_validate(["-q", PID], tmp_path / "none")
    assert res.returncode == 2 and f"Unknown profile '{PID}'" in res.stderr, res.stderr
    home = tmp_path / "profiles"
    shutil.copytree(BASE, home / PID)
    res = mgi_validate(["-q", PID], home)
    assert res.returncode == 0, res.stderr


# --- every case through the command line ---------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
def test_mgi_validate_on_case(case, tmp_path, mgi_validate):
    e = expected_of(case)
    home = build(case, tmp_path)
    res = mgi_validate([PID], home)
    out = res.stdout + res.stderr
    assert "Traceback" not in out, out
    assert res.returncode == e["exit_code"], out
    for text in e["message_contains"]:
        assert text in out, f"{case}: {text!r} not in the output:\n{out}"
    if e["exit_code"] == 0:
        assert not problem_blocks(res.stderr), res.stderr
        return
    blocks = problem_blocks(res.stderr)
    assert len(blocks) == 1, f"{case}: expected exactly one problem, got:\n{res.stderr}"
    block = blocks[0]
    assert block.startswith(where(e)), f"{case}: expected the problem to start {where(e)!r}:\n{block}"
    if e["found"] is not None:
        assert "found " in block and e["found"] in block, f"{case}: found {e['found']!r} not shown:\n{block}"
    for text in e["message_contains"]:
        assert text in block, f"{case}: {text!r} not in the problem:\n{block}"


@pytest.mark.parametrize("case", [c for c in CASES if expected_of(c)["exit_code"] == 0])
def test_harmless_case_reads_the_same_rows(case, tmp_path):
    """A harmless habit is not only accepted: the rows read are exactly those of the base profile."""
    reference = check_profile(BASE)
    checked = check_profile(build(case, tmp_path) / PID)
    assert checked.ok, "\n".join(p.format() for p in checked.problems)
    assert checked.rows == reference.rows


# --- mgi run refuses a broken profile before any kernel starts ----------------------------------------

@pytest.mark.parametrize("case", ["unknown-domain", "latin1-file", "invalid-json"])
def test_mgi_run_stops_before_any_kernel(case, tmp_path):
    e = expected_of(case)
    home = build(case, tmp_path)
    out = tmp_path / "reports"
    start = time.monotonic()
    res = mgi(["run", "--profile", PID, "--out", str(out), "--jobs", "2"], home, tmp_path)
    elapsed = time.monotonic() - start
    text = res.stdout + res.stderr
    assert res.returncode == 1, text
    assert "Traceback" not in text, text
    assert where(e) in res.stderr and "not rendered" in res.stderr
    # no notebook ran: no report folder, no staging left, and the manifest lists no report
    assert not (out / PID).exists()
    assert not (out / ".staging").exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["reports"] == [] and PID in manifest["invalid_profiles"]
    assert elapsed < 30, f"mgi run took {elapsed:.0f} s on a broken profile: did a kernel start?"


# --- broken inputs built in code: the cases the corpus folders do not hold -------------------------------------------------------------------

@pytest.fixture
def copy(tmp_path) -> Path:
    return copy_profile(PID, tmp_path)


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write(path: Path, rows: list[list[str]], **fmt) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n", **fmt).writerows(rows)


def _set_cell(path: Path, row: int, column: str, value: str) -> str:
    """Set a cell by spreadsheet row number (header = row 1); return the old value."""
    rows = _rows(path)
    j = rows[0].index(column)
    old = rows[row - 1][j]
    rows[row - 1][j] = value
    _write(path, rows)
    return old


def _only_problem(folder: Path):
    problems = check_profile(folder).problems
    assert len(problems) == 1, "expected exactly one problem, got:\n" + "\n".join(p.format() for p in problems)
    return problems[0]


def _assert_where(p, file: str, row: int | None, column: str | None) -> None:
    assert (p.file, p.row, p.column) == (file, row, column), p.format()
    text = p.format()
    assert text.startswith(file)
    if row is not None:
        assert f"row {row}" in text
    if column is not None:
        assert f"column '{column}'" in text


def test_unterminated_quote_on_the_last_row(copy):
    """The corpus case unterminated-quote breaks a row in the middle; at the end of the file there is no next
    row for the parser to run into."""
    path = copy / "findings.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = len([x for x in lines if x])
    assert lines[n - 1].endswith('"')
    lines[n - 1] = lines[n - 1][:-1]
    path.write_text("\n".join(lines), encoding="utf-8")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", n, "evidence")
    assert "quote" in p.format().lower()


def test_columns_in_wrong_order(copy):
    path = copy / "findings.csv"
    rows = _rows(path)
    _write(path, [[r[1], r[0]] + r[2:] for r in rows])
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 1, None)
    assert "order" in p.message


def test_unknown_domain_in_a_list(copy):
    _set_cell(copy / "covid_responses.csv", 4, "domains", "safe_orderly_regular;health")
    p = _only_problem(copy)
    _assert_where(p, "covid_responses.csv", 4, "domains")
    assert p.value == "health" and "migrants_rights" in p.expected


def test_required_cell_empty(copy):
    _set_cell(copy / "findings.csv", 5, "summary", "")
    p = _only_problem(copy)
    _assert_where(p, "findings.csv", 5, "summary")
    assert "required" in p.message


def test_relation_to_missing_instrument(copy):
    path = copy / "instruments.csv"
    row = next(i for i, r in enumerate(_rows(path), start=1) if r[0] == "MR-12-2021-MI")
    _set_cell(path, row, "repeals", "MR-45-2020-XX")
    p = _only_problem(copy)
    _assert_where(p, "instruments.csv", row, "repeals")
    assert p.value == "MR-45-2020-XX"


def test_statistic_citing_missing_source(copy):
    _set_cell(copy / "statistics.csv", 6, "source_id", "S-nowhere-2021")
    p = _only_problem(copy)
    _assert_where(p, "statistics.csv", 6, "source_id")
    assert p.value == "S-nowhere-2021" and "sources.csv" in p.message


def test_empty_file(copy):
    (copy / "partnerships.csv").write_bytes(b"")
    p = _only_problem(copy)
    _assert_where(p, "partnerships.csv", None, None)
    assert "empty" in p.message and "partnership_id" in p.expected


def test_header_only_errata_is_accepted(tmp_path):
    folder = copy_profile("XEX-2019", tmp_path)
    assert len(_rows(folder / "errata.csv")) == 1
    assert check_profile(folder).ok


def test_missing_optional_table_points_at_absent_tables(copy):
    (copy / "covid_responses.csv").unlink()
    p = _only_problem(copy)
    _assert_where(p, "covid_responses.csv", None, None)
    assert "absent_tables" in p.expected


def test_missing_metadata_field(copy):
    path = copy / "datapackage.json"
    md = json.loads(path.read_text(encoding="utf-8"))
    del md["mgi"]["citation"]
    path.write_text(json.dumps(md), encoding="utf-8")
    p = _only_problem(copy)
    assert p.file == "datapackage.json" and "citation" in p.message


def test_resources_out_of_step(copy):
    path = copy / "datapackage.json"
    md = json.loads(path.read_text(encoding="utf-8"))
    md["resources"][0]["schema"]["fields"].pop()
    path.write_text(json.dumps(md), encoding="utf-8")
    p = _only_problem(copy)
    assert p.file == "datapackage.json" and "findings" in p.value and "mgi package" in p.hint


def test_changed_source_text(copy):
    src = copy / metadata(PID)["mgi"]["source_file"]
    src.write_text(src.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    p = _only_problem(copy)
    assert p.file == src.name and "changed" in p.message


def test_quote_in_errata_is_checked(copy):
    _set_cell(copy / "errata.csv", 2, "source_says", "Law No. 124 (2021) amends the Migration Act")
    p = _only_problem(copy)
    _assert_where(p, "errata.csv", 2, "source_says")


# --- the installed command on a broken profile ------------------------------------------------------------

@pytest.fixture
def broken_home(tmp_path, monkeypatch) -> Path:
    """A profile folder holding a broken copy of XEX-2019 (unknown domain in findings.csv row 3)."""
    home = tmp_path / "profiles"
    home.mkdir()
    folder = copy_profile("XEX-2019", home)
    _set_cell(folder / "findings.csv", 3, "domain", "migrant_rights")
    monkeypatch.setenv("MGI_PROFILE_PATH", str(home))
    return home


def test_the_mgi_entry_point_exits_non_zero_without_traceback(broken_home):
    """The corpus runs `python -m helpers`; the installed `mgi` script behaves the same."""
    env = dict(os.environ, MGI_PROFILE_PATH=str(broken_home))
    res = subprocess.run([str(Path(sys.executable).parent / "mgi"), "validate", "XEX-2019"], env=env,
                         capture_output=True, text=True, cwd=broken_home, timeout=300)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert "findings.csv, row 3, column 'domain'" in res.stderr
