"""Reading a CSV that a person may have saved from a spreadsheet.

Harmless spreadsheet habits (a UTF-8 byte-order mark, Windows line endings, spaces around a value) are
accepted; anything that changes meaning (another encoding, another delimiter, a broken quote, a renamed
column) becomes a Problem naming the file, row and column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from charset_normalizer import from_bytes

from helpers.errors import Problem
from helpers.data.schema import Table

BOM = b"\xef\xbb\xbf"


# characters a Windows-1252 reading of a Western European spreadsheet export plausibly holds
_LATIN_TEXT = set("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ–—‘’‚“”„…«»°ºª§¿¡€·×\xa0")


def _guess_encoding(data: bytes) -> tuple[str, str | None]:
    """(name shown to a person, Python codec) of the encoding the bytes were probably saved in."""
    # charset_normalizer alone names exotic code pages (cp852, cp1250) for short Spanish or English
    # CSVs; the usual culprit is a spreadsheet saving as Windows-1252, so that reading is tried first.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data.count(b"\x00") > len(data) // 4:
        return "UTF-16", None
    try:
        high = [c for c in data.decode("cp1252") if ord(c) > 127]
    except UnicodeDecodeError:
        high = []
    if high and sum(c in _LATIN_TEXT for c in high) >= 0.9 * len(high):
        return "Windows-1252 (Latin-1)", "cp1252"
    best = from_bytes(data).best()
    if best is None:
        return "an unknown encoding", None
    enc = best.encoding.replace("_", "-")
    return {"cp1252": "Windows-1252 (Latin-1)", "latin-1": "Latin-1 (ISO-8859-1)",
            "iso8859-1": "Latin-1 (ISO-8859-1)", "utf-16": "UTF-16"}.get(enc, enc), best.encoding


def decode(path: Path, label: str) -> tuple[str | None, list[Problem]]:
    data = path.read_bytes()
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        name, codec = _guess_encoding(data)
        byte = f"0x{data[exc.start]:02X}"
        # the text around the first bad byte, read in the guessed encoding, shows a person where it is
        start = max(data.rfind(b"\n", 0, exc.start) + 1, exc.start - 40)
        end = data.find(b"\n", exc.start)
        end = min(len(data) if end < 0 else end, exc.start + 20)
        around = data[start:end].decode(codec or "utf-8", errors="replace").strip() if codec else None
        char = data[exc.start:exc.start + 1].decode(codec, errors="replace") if codec else ""
        shown = f"{byte}, {char!r} in {name.split(' (')[0]}" if char.strip() else byte
        return None, [Problem(
            label, f"the file is not UTF-8 (it looks like {name}); first byte that is not UTF-8 ({shown}) "
                   f"at line {line}",
            value=around, expected="a file saved as UTF-8",
            hint="Open it in your spreadsheet and save as 'CSV UTF-8 (comma delimited)'.")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_rows(path: Path, table: Table, label: str) -> tuple[list[dict[str, str]] | None, list[Problem]]:
    """Rows as dicts of stripped strings keyed by the schema's column names, or the problems that prevent it."""
    text, problems = decode(path, label)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem(label, "the file is empty", expected="a header row: " + ",".join(table.field_names))]

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    lines_read = 0  # physical lines consumed by the records parsed so far
    try:
        for rec in reader:
            records.append(rec)
            lines_read = reader.line_num
    except csv.Error as exc:
        start = sum(len(line) + 1 for line in text.split("\n")[:lines_read])
        cell, opened_at = _unclosed_cell(text, start)
        names = [h.strip() for h in records[0]] if records else []
        column = names[cell] if cell is not None and cell < len(names) else None
        what = f"the quote (\") that opens column '{column}' is never closed" if column else "a quote is never closed"
        # the start of the unclosed cell, up to the end of its line, lets a person find it in the file
        opened = text[opened_at + 1:].split("\n", 1)[0][:100] if opened_at is not None else None
        return None, [Problem(
            label, f"the CSV cannot be parsed: {what}; the cell runs on to line {reader.line_num} ({exc})",
            row=len(records) + 1, column=column, value=opened,
            expected='a closing quote (") at the end of the cell' if opened is not None else None,
            hint="Look for a quote character (\") that opens a cell and is never closed.")]
    # a cell that runs to the end of the file swallowing the rest is an unterminated quote
    header = [h.strip() for h in records[0]]
    expected = table.field_names
    if len(header) == 1 and len(expected) > 1:
        for delim in (";", "\t", "|"):
            if delim in header[0]:
                name = {";": "semicolon", "\t": "tab", "|": "pipe"}[delim]
                return None, [Problem(
                    label, f"the columns are separated by a {name}, not a comma", row=1, value=header[0][:80],
                    expected="comma-separated columns: " + ",".join(expected))]
    if header != expected:
        problems.extend(_header_problems(label, header, expected))
        return None, problems

    rows: list[dict[str, str]] = []
    for i, rec in enumerate(records[1:], start=2):
        if not any(c.strip() for c in rec):
            continue  # blank line left by a spreadsheet
        if len(rec) != len(expected):
            problems.append(Problem(
                label, f"the row has {len(rec)} cells but the header has {len(expected)}", row=i,
                value=",".join(rec)[:120],
                hint="A comma inside a value must be in a quoted cell; check for a missing or extra quote."))
            continue
        rows.append({k: v.strip() for k, v in zip(expected, rec)} | {"__row__": str(i)})
    long_cells = [(r["__row__"], k) for r in rows for k, v in r.items() if v.count("\n") > 8]
    for row, col in long_cells:
        problems.append(Problem(label, "a cell spans many lines: probably an unterminated quote swallowed the rows "
                                       "after it", row=int(row), column=col))
    return rows, problems


def _unclosed_cell(text: str, start: int) -> tuple[int | None, int | None]:
    """(index, offset of its opening quote) of the cell, in the record starting at offset start, whose quote is
    not properly closed; (None, None) when none is found."""
    i, cell, at_cell_start = start, 0, True
    while i < len(text):
        c = text[i]
        if at_cell_start and c == '"':
            k = i + 1
            while True:
                k = text.find('"', k)
                if k < 0:
                    return cell, i  # runs to the end of the file
                if not text.startswith('""', k):
                    break
                k += 2
            if text[k + 1:k + 2] not in (",", "\n", ""):
                return cell, i  # closed by a quote that belongs to a later cell
            i, at_cell_start = k + 1, False
            continue
        if c == ",":
            cell, at_cell_start = cell + 1, True
        elif c == "\n":
            return None, None
        else:
            at_cell_start = False
        i += 1
    return None, None


def _header_problems(label: str, header: list[str], expected: list[str]) -> list[Problem]:
    out: list[Problem] = []
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if len(missing) == 1 and len(extra) == 1:
        out.append(Problem(label, "a column is renamed", row=1, column=extra[0], value=extra[0],
                           expected=f"the column name {missing[0]!r}"))
        return out
    for c in missing:
        out.append(Problem(label, "a column is missing", row=1, column=c,
                           expected="the columns " + ",".join(expected)))
    for c in extra:
        out.append(Problem(label, "an extra column is present", row=1, column=c, value=c,
                           expected="only the columns " + ",".join(expected)))
    if not missing and not extra:
        out.append(Problem(label, "the columns are in the wrong order", row=1, value=",".join(header),
                           expected=",".join(expected)))
    return out
