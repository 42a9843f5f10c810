"""A profile started from its published PDF: the PDF kept byte for byte, its text beside it, the conversion recorded.

`mgi new-profile ID --source FILE.pdf` uses this; the folder layout it gives:

    <stem>.pdf   the published PDF, unaltered (mgi.source_pdf, mgi.source_pdf_sha256)
    <stem>.txt   its text as helpers.draft.pdf converts it (mgi.source_file, mgi.source_sha256): the quotes'
                 reference
    SOURCE.md    where the text comes from and how to make it again
    datapackage.json  mgi.conversion: converter, library and version, options, parameters, pages
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .convert import Conversion, Options, convert_pdf

_PLAIN = re.compile(r"^[A-Za-z0-9._-]+$")


def plain_stem(path: Path) -> str:
    """The file's stem as a plain name (letters, digits, . _ -) for the profile folder."""
    stem = path.stem if _PLAIN.match(path.stem) else re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.")
    return stem or "source"


@dataclass
class PdfSource:
    path: Path
    conversion: Conversion
    pdf_name: str
    text_name: str

    @classmethod
    def convert(cls, path: str | Path, options: Options = Options()) -> "PdfSource":
        """Convert the PDF (PdfError, one line, when it cannot be)."""
        path = Path(path)
        stem = plain_stem(path)
        return cls(path, convert_pdf(path, options), f"{stem}.pdf", f"{stem}.txt")

    @property
    def text(self) -> str:
        return self.conversion.text

    def metadata(self) -> dict:
        """The mgi.* fields that record the PDF and the conversion."""
        r = self.conversion.record
        return {
            "source_pdf": self.pdf_name,
            "source_pdf_sha256": r["pdf_sha256"],
            "conversion": {k: r[k] for k in ("converter", "converter_version", "library", "library_version",
                                             "options", "parameters", "pages")},
        }

    def write(self, folder: Path, profile_id: str) -> str:
        """Copy the PDF byte for byte, write its text and SOURCE.md into folder; the text's SHA-256."""
        shutil.copyfile(self.path, folder / self.pdf_name)
        if hashlib.sha256((folder / self.pdf_name).read_bytes()).hexdigest() != self.conversion.record["pdf_sha256"]:
            raise OSError(f"{self.path} changed while it was being converted; run the command again")
        data = self.text.encode("utf-8")
        (folder / self.text_name).write_bytes(data)
        (folder / "SOURCE.md").write_text(self.source_md(profile_id), encoding="utf-8")
        return hashlib.sha256(data).hexdigest()

    def _warnings_md(self) -> str:
        warnings = self.conversion.record.get("warnings", [])
        return "".join(f"\n**Check by hand:** {w}.\n" for w in warnings)

    def source_md(self, profile_id: str) -> str:
        r = self.conversion.record
        options = ", ".join(f"{k}={v}" for k, v in r["options"].items())
        parameters = ", ".join(f"{k}={v}" for k, v in r["parameters"].items())
        layout = r["layout"]
        return f"""# Source of {profile_id}

TODO: the publication (citation, where it was published, the date it was downloaded) and its licence.

## Files

- `{self.pdf_name}`: the published PDF, kept byte for byte (SHA-256 `{r['pdf_sha256']}`, {r['pdf_bytes']} bytes, \
{r['pages']} pages).
- `{self.text_name}`: its text, one paragraph per line (SHA-256 `{r['text_sha256']}`). Every evidence quote of \
the tables is checked against this file; `mgi validate {profile_id}` checks both SHA-256 digests.

## How the text was made

Converted by {r['converter']} v{r['converter_version']} (`mgi pdf-to-text`) with {r['library']} \
{r['library_version']}; options: {options}. Columns are read one after the other; running headers, footers and \
page numbers are dropped ({layout['running_lines_removed']} lines); words hyphenated at a line end are rejoined; \
paragraphs cut by a column or page break are joined; the footnotes ({layout['footnotes']}) are their own \
paragraphs after the paragraph their page ends in, each beginning with its number in superscript digits; the running text calls {layout.get('footnote_calls', '?')} distinct footnote numbers.
{self._warnings_md()}
The conversion is deterministic: `mgi pdf-to-text {self.pdf_name} -o {self.text_name}` with the same converter \
and library versions gives the same bytes. Parameters: {parameters}.

Read the text against the PDF where a quote matters: the conversion can misjudge a heading, a paragraph end at a \
column break, or a hyphen at a line end.
"""
