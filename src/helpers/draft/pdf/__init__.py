"""PDF to text for MGI profiles: the text of a print PDF as a person reads it, one paragraph per line.

    from helpers.draft.pdf import convert_pdf, PdfError
    conversion = convert_pdf("profile.pdf")
    conversion.text      # paragraphs separated by a blank line
    conversion.record    # library and version, options, parameters, pages, the PDF's sha256

Two-column pages are read column by column; running headers, footers and page numbers are dropped;
words hyphenated at a line end are rejoined (real hyphens kept); a paragraph cut by a column or page break
is joined again, and the footnotes that interrupt it follow it as their own paragraphs, each beginning with
its number in superscript digits; footnote calls become superscript digits; addresses broken across lines
are joined; headings stand on their own lines; ligatures and odd spaces are normalised. The same PDF
always gives the same text. A file that cannot be converted raises PdfError, whose message is one line
naming the file and the problem.
"""

from .convert import CONVERTER, CONVERTER_VERSION, Conversion, Options, convert_pdf
from .errors import PdfError

__all__ = ["CONVERTER", "CONVERTER_VERSION", "Conversion", "Options", "PdfError", "convert_pdf"]
