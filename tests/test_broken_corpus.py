"""The corpus tests/broken/: each folder is one broken (or harmlessly different) copy of XEX-2022, run through
the real `mgi` command line, whose message must name the file, row, column and value a person has to fix.

See tests/broken/README.md for the layout of a case and how to add one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.paths import project_root
from helpers.data.validate import check_profile

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
    env = dict(os.environ, MGI_PROFILE_PATH=str(home))
    env.pop("MGI_HOME", None)
    return subprocess.run(MGI + args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


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


def test_base_profile_is_valid(tmp_path):
    # without the search path the id is unknown: no shipped profile shadows the copies the cases build
    res = mgi(["validate", "-q", PID], tmp_path / "none", tmp_path)
    assert res.returncode == 2 and f"Unknown profile '{PID}'" in res.stderr, res.stderr
    home = tmp_path / "profiles"
    shutil.copytree(BASE, home / PID)
    res = mgi(["validate", "-q", PID], home, tmp_path)
    assert res.returncode == 0, res.stderr


# --- every case through the real command line ---------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
def test_mgi_validate_on_case(case, tmp_path):
    e = expected_of(case)
    home = build(case, tmp_path)
    res = mgi(["validate", PID], home, tmp_path)
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
