"""Files helpers.draft.pdf refuses: each gets one line naming the file and the problem (PdfError), never a
traceback from the PDF library."""

from __future__ import annotations

import pytest

from helpers.draft.pdf import PdfError, convert_pdf
from pdf_samples import damaged_pdf, encrypted_pdf, html_saved_as_pdf, scanned_pdf, truncated_pdf


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("broken-pdfs")


def refusal(path) -> str:
    with pytest.raises(PdfError) as info:
        convert_pdf(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    assert info.value.path == path
    assert "Traceback" not in message and "pdfminer" not in message.lower()
    return message


def test_html_page_saved_as_pdf(folder):
    message = refusal(html_saved_as_pdf(folder))
    assert "not a PDF file" in message and "web page (HTML)" in message and "<!DOCTYPE html>" in message


def test_other_file_that_is_not_a_pdf(folder):
    path = folder / "notes.pdf"
    path.write_bytes(b"PK\x03\x04 a zip archive renamed")
    message = refusal(path)
    assert "not a PDF file" in message and "%PDF-" in message and "HTML" not in message


def test_truncated_pdf(folder):
    message = refusal(truncated_pdf(folder))
    assert "truncated" in message and "%%EOF" in message and "download it again" in message


def test_damaged_pdf(folder):
    assert "damaged" in refusal(damaged_pdf(folder))


def test_encrypted_pdf(folder):
    message = refusal(encrypted_pdf(folder))
    assert "encrypted with a password" in message and "unprotected copy" in message


def test_pdf_locked_only_against_editing_is_read(folder):
    """An owner password alone (no password to open) restricts editing, not reading: it converts."""
    conv = convert_pdf(encrypted_pdf(folder, user_password=""))
    assert "REPUBLIC OF EXAMPLIA | SECOND PROFILE 2022" in conv.paragraphs


def test_scan_without_text_layer(folder):
    message = refusal(scanned_pdf(folder))
    assert "it has no text layer" in message and "run OCR first" in message and "2 page(s)" in message


def test_empty_and_missing_files(folder):
    empty = folder / "empty.pdf"
    empty.write_bytes(b"")
    assert "empty" in refusal(empty)
    assert "no such file" in refusal(folder / "absent.pdf")
    assert "folder" in refusal(folder)


def test_problem_text_is_one_line_even_when_given_several():
    err = PdfError("x.pdf", "first\nsecond   third")
    assert str(err) == "x.pdf: first second third" and err.problem == "first second third"
