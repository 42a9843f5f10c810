"""The review workbook: `mgi review ID --workbook review.xlsx` writes it, `mgi review ID --apply review.xlsx` reads
it back.

One sheet per table, one row per candidate: a `decision` drop-down (accept, edit, reject; empty = open), the
review key, the table's cells (as drafted, with the person's earlier edits) with drop-downs of the schema's allowed
values, then what helps decide: the paragraph the quote comes from (the quote in bold), the rule that proposed the
row, the words it matched, the hint, a note, and when the candidate was decided. Decided rows are shaded (the
shading follows the decision column as the person types), the header is frozen and filterable, every text is
stored as text (a cell beginning with '=' is never a formula), and the sheets print landscape, one page wide.

Reading it back, a changed cell is an edit and the decision column is the decision; everything is checked first
(an unknown decision, a value the schema does not allow, a row without its review key, a sheet that lost a column)
and refused naming the sheet and cell (`instruments!F14`) and the candidate's id and review key: then nothing is
applied. A workbook written and applied unchanged changes nothing; one saved by LibreOffice or Excel still applies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from helpers import atomic
from helpers.data.schema import TABLES_BY_NAME
from helpers.draft import review
from helpers.draft.candidates import EXTRA, TABLE_ORDER
from helpers.draft.review_view import passage_parts, source_paragraphs
from helpers.paths import BadParameter

ABOUT = "About"
LISTS = "lists"  # hidden sheet holding the allowed values the drop-downs offer
DECISION = "decision"
KEY = "review_key"
HELP = ["passage", "review_rule", "review_matched", "review_hint"]
NOTE, DECIDED_AT = "review_note", "decided_at"  # the decision's note (a table may have a note field)
RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")
FILL = {"accept": "#DDEEDD", "edit": "#FFF2CC", "reject": "#E7E6E6"}  # light: the text stays readable
OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
FIXED_DATE = dt.datetime(1980, 1, 1)
WRAPPED = {"passage", "evidence", "summary", "review_hint", "measure", "title_en", "label", "review_rule"}


class WorkbookRefused(Exception):
    """Problems of a review workbook, each naming sheet!cell and the candidate; nothing was applied."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def columns(table: str) -> list[str]:
    return [DECISION, KEY] + TABLES_BY_NAME[table].field_names + HELP + EXTRA.get(table, []) + [NOTE, DECIDED_AT]


def col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _current(row: dict[str, str], decision: dict[str, str] | None, fields: list[str]) -> dict[str, str]:
    """The cells as they stand: as drafted, with the person's earlier edits."""
    cells = {f: row.get(f, "") for f in fields}
    cells.update(review.edits_of(decision))
    return cells


# --- writing -----------------------------------------------------------------------------------------

def write_workbook(profile_dir: Path, target: Path) -> Path:
    import xlsxwriter

    profile_dir, target = Path(profile_dir), Path(target)
    if target.suffix.lower() != ".xlsx":
        raise BadParameter(f"--workbook {target}: give a file name ending in .xlsx")
    decisions = review.load_decisions(profile_dir)
    paragraphs = source_paragraphs(profile_dir)
    with atomic.atomic_output(target) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), OPTIONS)
        wb.set_properties({"title": f"Review of the draft of {profile_dir.name}", "created": FIXED_DATE})
        # every cell formatted as text ('@'), so that what a person types stays as typed: '2020-03' is not turned
        # into a date, '1.50' keeps its zero, a year stays four digits
        base = {"valign": "top", "font_size": 10, "num_format": "@"}
        fmt = {name: wb.add_format(base | extra) for name, extra in {
            "text": {}, "wrap": {"text_wrap": True}, "head": {"bold": True, "bg_color": "#D9E1F2", "border": 1,
                                                               "text_wrap": True},
            "risky": {"quote_prefix": True}, "edited": {"italic": True, "font_color": "#7F6000"},
            "edited_wrap": {"italic": True, "font_color": "#7F6000", "text_wrap": True},
            "bold": {"bold": True}}.items()}
        fills = {d: wb.add_format({"bg_color": c}) for d, c in FILL.items()}
        _about(wb, profile_dir, fmt)
        lists = wb.add_worksheet(LISTS)
        lists.hide()
        list_col = 0
        for table in TABLE_ORDER:
            rows = review.candidates(profile_dir, table)
            if not rows:
                continue
            ws = wb.add_worksheet(table)
            cols = columns(table)
            fields = TABLES_BY_NAME[table].field_names
            widths = {}
            for c, name in enumerate(cols):
                ws.write_string(0, c, name, fmt["head"])
                wide = name in WRAPPED
                widths[name] = 60 if name == "passage" else 40 if wide else 14 if name != KEY else 13
                ws.set_column(c, c, widths[name], fmt["wrap"] if wide else fmt["text"])
            ws.set_row(0, 30)
            for r, row in enumerate(rows, start=1):
                d = decisions.get(row[KEY])
                cells = _current(row, d, fields)
                ws.set_row(r, _height(row, cells, widths, paragraphs))
                edited = set(review.edits_of(d))
                for c, name in enumerate(cols):
                    if name == DECISION:
                        value = d["decision"] if d else ""
                    elif name in cells:
                        value = cells[name]
                    elif name == NOTE:
                        value = (d or {}).get("note", "")
                    elif name == DECIDED_AT:
                        value = (d or {}).get("decided_at", "")
                    elif name == "passage":
                        _passage(ws, r, c, row, paragraphs, fmt)
                        continue
                    else:
                        value = row.get(name, "")
                    f = fmt["edited_wrap" if name in WRAPPED else "edited"] if name in edited \
                        else fmt["wrap"] if name in WRAPPED else fmt["text"]
                    _text(ws, r, c, value, f, fmt)
            last = len(rows)
            ws.data_validation(1, 0, last, 0, {"validate": "list", "source": list(review.CHOICES),
                                               "error_title": "decision", "error_message":
                                               "accept, edit or reject (empty: still open)"})
            for c, name in enumerate(cols):
                values = review.allowed_values(table, name) if name in fields else None
                if values:
                    lists.write_string(0, list_col, f"{table}.{name}")
                    for i, v in enumerate(values, start=1):
                        lists.write_string(i, list_col, v)
                    ref = f"={LISTS}!${col_letter(list_col)}$2:${col_letter(list_col)}${len(values) + 1}"
                    ws.data_validation(1, c, last, c, {"validate": "list", "source": ref, "error_title": name,
                                                       "error_message": f"{name}: one of the allowed values "
                                                       "(see docs/codebook.md)"})
                    list_col += 1
            for choice, f in fills.items():  # decided rows shaded, following the decision cell
                ws.conditional_format(1, 0, last, len(cols) - 1, {"type": "formula", "criteria":
                                                                   f'=$A2="{choice}"', "format": f})
            ws.freeze_panes(1, 2)
            ws.autofilter(0, 0, last, len(cols) - 1)
            ws.set_landscape()
            ws.set_paper(9)  # A4
            ws.fit_to_pages(1, 0)
            ws.repeat_rows(0)
        wb.close()
    return target


def _height(row: dict[str, str], cells: dict[str, str], widths: dict[str, int], paragraphs: list[str]) -> float:
    """Points for a row whose wrapped cells show all their text (up to a cap; the cell holds it all anyway)."""
    texts = {name: cells.get(name, row.get(name, "")) or "" for name in widths if name in WRAPPED}
    texts["passage"] = "".join(passage_parts(paragraphs, row))
    lines = max((len(t) // max(1, int(widths[n] * 1.1)) + 1 for n, t in texts.items() if n in widths), default=1)
    return min(15 * lines, 180)


def _text(ws, r: int, c: int, value: str, f, fmt) -> None:
    value = "" if value is None else str(value)
    if value == "":
        return
    if value.startswith(RISKY_START):
        f = fmt["risky"]  # stored as text with Excel's quote prefix: never run as a formula
    ws.write_string(r, c, value, f)


def _passage(ws, r: int, c: int, row: dict[str, str], paragraphs: list[str], fmt) -> None:
    before, quote, after = passage_parts(paragraphs, row)
    if not quote:
        return
    parts = [p for p in ([fmt["wrap"], before] if before else []) + [fmt["bold"], quote]
             + ([fmt["wrap"], after] if after else [])]
    if before or after:
        ws.write_rich_string(r, c, *parts, fmt["wrap"])
    else:
        ws.write_string(r, c, quote, fmt["wrap"])


def _about(wb, profile_dir: Path, fmt) -> None:
    ws = wb.add_worksheet(ABOUT)
    lines = [
        ("profile", profile_dir.name),
        ("what", "The candidates drafted for this profile, one sheet per table. Nothing here is validated data."),
        ("decide", "In column A choose accept, edit or reject (empty: still open). Change a cell to edit it; "
                   "the drop-downs offer the allowed values (docs/codebook.md)."),
        ("check", "Read the passage (the quote in bold) and the rule that proposed the row; follow the hint."),
        ("apply", f"Save, then: mgi review {profile_dir.name} --apply <this file>. Everything is checked first; "
                  "a refused cell is named (sheet!cell) and nothing is applied."),
        ("then", f"mgi accept {profile_dir.name} writes the accepted rows into the tables and validates them."),
        ("do not", "rename sheets or columns, or add rows: write rows the draft missed into the CSV tables."),
    ]
    ws.set_column(0, 0, 12)
    ws.set_column(1, 1, 110, fmt["wrap"])
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    for i, (k, v) in enumerate(lines):
        ws.write_string(i, 0, k, fmt["bold"])
        ws.write_string(i, 1, v, fmt["wrap"])


# --- reading back ------------------------------------------------------------------------------------

def cell_text(value) -> str:
    """A cell as the text the tables hold, whichever program saved the workbook."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n")


@dataclass
class Applied:
    decided: int  # decisions taken or changed
    edited_cells: int
    withdrawn: int  # decisions cleared back to open

    def text(self) -> str:
        return (f"{self.decided} decision(s) recorded ({self.edited_cells} cell(s) edited), "
                f"{self.withdrawn} withdrawn")


def read_workbook(profile_dir: Path, path: Path) -> list[review.Decision]:
    """The decisions a workbook holds that differ from those recorded; WorkbookRefused listing every problem."""
    import openpyxl

    path = Path(path)
    if not path.is_file():
        raise BadParameter(f"--apply {path}: no such file")
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a file that is not a workbook: one line, no traceback
        raise BadParameter(f"--apply {path}: not an .xlsx workbook ({type(exc).__name__}: {exc})") from None
    decisions = review.load_decisions(profile_dir)
    problems: list[str] = []
    out: list[review.Decision] = []
    if ABOUT in wb.sheetnames:
        named = cell_text(next(wb[ABOUT].iter_rows(min_row=1, max_row=1, values_only=True), (None, None))[1])
        if named and named != profile_dir.name:
            raise WorkbookRefused([f"{ABOUT}!B1: this workbook is for {named}, not {profile_dir.name}"])
    for table in (t for t in TABLE_ORDER if t in wb.sheetnames):
        out += _read_sheet(wb[table], table, profile_dir, decisions, problems)
    wb.close()
    if problems:
        raise WorkbookRefused(problems)
    return out


def _read_sheet(ws, table: str, profile_dir: Path, decisions, problems: list[str]) -> list[review.Decision]:
    rows = ws.iter_rows(values_only=True)
    header = [cell_text(v) for v in next(rows, ())]
    fields = TABLES_BY_NAME[table].field_names
    missing = [c for c in [DECISION, KEY] + fields if c not in header]
    if missing:
        problems.append(f"{table}!1: column(s) {', '.join(missing)} missing from the header row (do not rename or "
                        "delete columns; write the workbook again with mgi review --workbook)")
        return []
    at = {name: header.index(name) for name in header if name}
    pk = TABLES_BY_NAME[table].primary_key
    cands: dict[str, list[dict[str, str]]] = {}
    for r in review.candidates(profile_dir, table):
        cands.setdefault(r[KEY], []).append(r)
    seen: dict[str, tuple[int, str]] = {}
    out = []
    for n, values in enumerate(rows, start=2):
        cells = {name: cell_text(values[i]) if i < len(values) else "" for name, i in at.items()}
        if not any(cells.values()):
            continue
        key = cells[KEY].strip()
        ref = f"{table}!{col_letter(at[KEY])}{n}"
        if not key:
            problems.append(f"{ref}: a row without review key; rows cannot be added in the workbook (write rows the "
                            f"draft missed into {TABLES_BY_NAME[table].filename})")
            continue
        same_key = cands.get(key)
        row = next((r for r in same_key if r[pk] == cells[pk]), same_key[0]) if same_key else None
        if row is None:
            problems.append(f"{ref}: review key {key!r} is not a {table} candidate of this draft (a workbook of "
                            "another draft? write it again with mgi review --workbook)")
            continue
        mine = cells[DECISION].strip().lower()
        if key in seen:  # the draft can hold two rows with one key (one figure printed twice in a sentence)
            if seen[key][1] != mine:
                problems.append(f"{table}!{col_letter(at[DECISION])}{n}: {review.who(table, row)} has the review key "
                                f"of row {seen[key][0]} too, which says {seen[key][1] or 'open'!r}: one key, one "
                                "decision")
                continue
        seen[key] = (n, mine)
        prev = decisions.get(key)
        now = _current(row, prev, fields)
        edits = {f: cells[f] for f in fields if cells[f] != now[f]}
        choice = cells[DECISION].strip().lower()
        dref = f"{table}!{col_letter(at[DECISION])}{n}"
        if choice not in review.CHOICES + ("",):
            problems.append(f"{dref}: {review.who(table, row)}: decision {cells[DECISION]!r}; expected accept, edit, "
                            "reject or empty (open)")
            continue
        for f, v in edits.items():
            if msg := review.cell_problem(table, f, v):
                problems.append(f"{table}!{col_letter(at[f])}{n}: {review.who(table, row)}: {msg}")
        note = cells.get(NOTE, (prev or {}).get("note", ""))
        before = prev["decision"] if prev else ""
        if not edits and choice == before and note == (prev or {}).get("note", ""):
            continue  # nothing changed on this row
        if not choice and not edits and not prev:
            continue  # only a note on an open candidate: kept for when it is decided
        where = f"{table}!{col_letter(at[next(iter(edits))]) if edits else col_letter(at[DECISION])}{n}"
        decision = choice or ("edit" if edits else review.OPEN)
        out.append(review.Decision(table, key, decision, edits, note, where=where))
    return out


def apply_workbook(profile_dir: Path, path: Path) -> Applied:
    """Check a whole review workbook, then record its decisions in one step; WorkbookRefused (nothing recorded)."""
    items = read_workbook(profile_dir, path)
    if items:
        try:
            review.apply_decisions(profile_dir, items)
        except BadParameter as exc:
            raise WorkbookRefused([line.strip() for line in str(exc).splitlines()[1:]]) from None
    return Applied(sum(1 for d in items if d.decision != review.OPEN), sum(len(d.edits or {}) for d in items),
                   sum(1 for d in items if d.decision == review.OPEN))
