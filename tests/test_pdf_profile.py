"""A profile started from its published PDF (`mgi new-profile ID --source FILE.pdf`) and `mgi pdf-to-text`:
the PDF kept byte for byte, its text beside it, the conversion recorded, both hashes validated, and nothing
written when the PDF cannot be converted."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from helpers import cli
from helpers.data.datapackage import DESCRIPTOR, expected_resources
from helpers.data.validate import check_profile
from helpers.draft.pdf import PdfError, convert_pdf
from helpers.draft.scaffold import DRAFT_DIR, new_profile
from helpers.paths import profiles_home, project_root
from pdf_samples import encrypted_pdf, html_saved_as_pdf, profile_pdf, scanned_pdf, truncated_pdf


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_HOME", str(tmp_path / "project"))
    monkeypatch.delenv("MGI_PROFILE_PATH", raising=False)
    assert profiles_home().is_relative_to(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def published():
    """XEX-2022 as a print PDF, with the kind of name a download has."""
    return profile_pdf("XEX-2022")


def test_new_profile_from_pdf_keeps_the_pdf_and_writes_its_text(home, published):
    pdf = home / "MGI Examplia second profile (2022).pdf"
    shutil.copyfile(published, pdf)
    d = new_profile("XEX-2022", pdf)
    folder = profiles_home() / "XEX-2022"
    assert d.path == folder and d.source_pdf == "MGI-Examplia-second-profile-2022.pdf"
    assert (folder / d.source_pdf).read_bytes() == pdf.read_bytes()
    text = (folder / "MGI-Examplia-second-profile-2022.txt").read_text(encoding="utf-8")
    conv = convert_pdf(pdf)
    assert text == conv.text and d.source_file == "MGI-Examplia-second-profile-2022.txt"
    mgi = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))["mgi"]
    assert mgi["source_file"] == d.source_file and mgi["source_sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert mgi["source_pdf"] == d.source_pdf
    assert mgi["source_pdf_sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert mgi["conversion"]["library"] == "pdfminer.six" and mgi["conversion"]["options"]["emphasis"] is True
    assert mgi["conversion"]["pages"] == conv.record["pages"]
    source_md = (folder / "SOURCE.md").read_text(encoding="utf-8")
    assert mgi["source_pdf_sha256"] in source_md and mgi["source_sha256"] in source_md
    assert f"mgi pdf-to-text {d.source_pdf} -o {d.source_file}" in source_md
    assert (folder / DRAFT_DIR / "instruments.candidates.csv").is_file()  # drafted from the converted text
    assert "Law No. 412" in (folder / DRAFT_DIR / "instruments.candidates.csv").read_text(encoding="utf-8")
    # validation: no problem with either file (the TODOs of a new profile aside)
    problems = [p.format() for p in check_profile(folder).problems]
    assert not [p for p in problems if d.source_pdf in p or d.source_file in p.split(":")[0]]


@pytest.mark.parametrize("make", [html_saved_as_pdf, truncated_pdf, encrypted_pdf, scanned_pdf])
def test_new_profile_from_a_bad_pdf_writes_nothing(home, tmp_path, make):
    bad = make(tmp_path)
    with pytest.raises(PdfError):
        new_profile("XEX-2022", bad)
    assert not profiles_home().exists() or list(profiles_home().iterdir()) == []


def test_cli_bad_pdf_is_one_line_and_exit_1(home, tmp_path, capsys):
    bad = encrypted_pdf(tmp_path)
    assert cli.main(["new-profile", "XEX-2022", "--source", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"mgi: {bad}: ") and "Traceback" not in err
    out = tmp_path / "out.txt"
    assert cli.main(["pdf-to-text", str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "encrypted" in err and not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_pdf_to_text(tmp_path, published, capsys):
    out, record = tmp_path / "x.txt", tmp_path / "x.json"
    assert cli.main(["pdf-to-text", str(published), "-o", str(out), "--record", str(record)]) == 0
    conv = convert_pdf(published)
    assert out.read_text(encoding="utf-8") == conv.text
    assert json.loads(record.read_text(encoding="utf-8")) == conv.record
    assert "paragraphs from 3 pages" in capsys.readouterr().out
    assert cli.main(["pdf-to-text", str(published), "-o", str(out)]) == 2  # never overwrites unasked
    assert "already exists" in capsys.readouterr().err
    assert cli.main(["pdf-to-text", str(published), "-o", str(out), "--force", "--no-emphasis"]) == 0


def test_validate_checks_the_pdf_hash(tmp_path, published):
    folder = tmp_path / "XEX-2022"
    shutil.copytree(project_root() / "tests" / "profiles" / "XEX-2022", folder)
    metadata = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    shutil.copyfile(published, folder / "published.pdf")
    conv = convert_pdf(published)
    metadata["mgi"].update({"source_pdf": "published.pdf", "source_pdf_sha256": conv.record["pdf_sha256"],
                            "conversion": {k: conv.record[k] for k in ("converter", "converter_version", "library",
                                                                       "library_version", "options")}})
    metadata["resources"] = expected_resources(metadata)
    (folder / DESCRIPTOR).write_text(json.dumps(metadata, indent=2, ensure_ascii=False), encoding="utf-8")
    assert check_profile(folder).ok
    with (folder / "published.pdf").open("ab") as f:
        f.write(b"\n% changed\n")
    problems = [p.format() for p in check_profile(folder).problems]
    assert len(problems) == 1 and "published.pdf" in problems[0] and "has changed" in problems[0]
    (folder / "published.pdf").unlink()
    assert "is missing" in check_profile(folder).problems[0].format()
    del metadata["mgi"]["conversion"]
    (folder / DESCRIPTOR).write_text(json.dumps(metadata, indent=2, ensure_ascii=False), encoding="utf-8")
    assert any("conversion" in p.format() for p in check_profile(folder).problems)
