"""The combined workbook: About, Fields, profiles, then one sheet per table with every profile's rows (the
profile columns first), then the link tables. Written with the same cell writer as a profile's workbook
(helpers.export.workbook): text is always text, never a formula; the file is the same for the same data."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from helpers.data.corpus import PROFILE_COLUMNS, PROFILE_FIELDS, Corpus
from helpers.data.domains import DOMAINS
from helpers.data.schema import TABLES_BY_NAME
from helpers.export.combined import LINKS, frames
from helpers.export.content import CONVENTIONS, FIELD_HEADER, code_licence, field_rows, licence_lines, \
    software_version, table_cells
from helpers.export.files import atomic_output
from helpers.export.workbook import FIXED_DATE, OPTIONS, _fit_rows, _Formats, _print_setup, write_cell, \
    write_table_sheet

KEY_NOTE = ("Ids restart in every profile (F001 is in several): a row is identified by profile_id and the "
            "table's own id together. The profile columns (" + ", ".join(PROFILE_COLUMNS) + ") start every row.")


def about_rows(corpus: Corpus, sheets: dict) -> list[tuple[str, str]]:
    members = corpus.members
    rows: list[tuple[str, str]] = [("Title", f"MGI profiles: cited tabular extracts of {len(members)} profile(s)")]
    fictional = [p.id for p in members if p.mgi.get("fictional")]
    if fictional:
        rows.append(("FICTIONAL", f"{', '.join(fictional)}: fictional test profile(s); nothing in them is a fact "
                                  "about any country."))
    rows.append(("Profiles", f"{len(members)}: " + ", ".join(p.id for p in members) + " (one row each in the "
                                                                                       "profiles sheet)"))
    for i, p in enumerate(members):
        rows.append(("Sources (cite as)" if i == 0 else "",
                     f"{p.id}: {p.mgi.get('citation', '')}" + (f" ISBN {p.mgi['isbn']}." if p.mgi.get("isbn") else "")
                     + f" Licence of the source text and quotations: {p.mgi.get('source_license', '')}."
                     + f" Extracts data v{p.mgi.get('data_version')} (hash {p.data_hash[:12]})."))
    seen: list[str] = []
    for p in members:
        seen += [line for line in licence_lines(p.metadata) if line not in seen]
    rows += [("Licences of the data packages" if i == 0 else "", line) for i, line in enumerate(seen)]
    rows += [("Software", f"mgi-profiles {software_version()}; {code_licence()}".rstrip("; ")),
             ("Conventions", CONVENTIONS), ("Keys", KEY_NOTE), ("", ""), ("Sheets", ""),
             ("About", "this sheet"), ("Fields", "every column of every sheet: type, allowed values, meaning")]
    for name, df in sheets.items():
        n = len(df)
        what = ("one row per profile" if name == "profiles" else
                TABLES_BY_NAME[name].title if name in TABLES_BY_NAME else
                next(lk.title for lk in LINKS if lk.name == name))
        rows.append((name, f"{what}: {n} row{'s' if n != 1 else ''}"))
    rows += [("", ""), ("Domains", "id, number, label, MiGOF")]
    rows += [(d.id, f"{d.number}. {d.label} ({d.migof})") for d in DOMAINS]
    return rows


def fields_rows() -> list[tuple[str, ...]]:
    rows = [("profiles" if c not in PROFILE_COLUMNS else "profiles and every table", c,
             "integer" if c in ("edition_number", "assessment_year", "publication_year", "baseline_year") else
             "boolean" if c == "fictional" else "string",
             "yes" if c == "profile_id" else "", "", PROFILE_FIELDS[c]) for c in PROFILE_FIELDS]
    for r in field_rows():
        table, field, ftype, req, allowed, meaning = r
        if ftype == "list":
            link = next(lk for lk in LINKS if lk.table == table and field in lk.fields)
            meaning += f" Values separated by ';'; one per row in the {link.name} sheet."
        rows.append((table, field, ftype, req, allowed, meaning))
    for lk in LINKS:
        for c in lk.columns:
            rows.append((lk.name, c, "integer" if c == "position" else "string", "yes", "",
                         lk.description if c == lk.item else
                         "Place of the item in the list (1 first)." if c == "position" else
                         "Which list the pair comes from." if c == "relation" else
                         f"Identifies the row of {lk.table} (with profile_id)."))
    return rows


def write_about(wb, fmt: _Formats, rows: list[tuple[str, str]]) -> None:
    ws = wb.add_worksheet("About")
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 110)
    ws.set_row(0, 40)
    write_cell(ws, fmt, 0, 0, rows[0][0], bold=True, font_size=14)
    write_cell(ws, fmt, 0, 1, rows[0][1], bold=True, font_size=14, text_wrap=True)
    for i, (label, text) in enumerate(rows[1:], start=2):
        write_cell(ws, fmt, i, 0, label, bold=True, text_wrap=True)
        write_cell(ws, fmt, i, 1, text, wrap=True, where=f"About sheet, {label or 'row ' + str(i + 1)}")
    _fit_rows(ws, [["", ""]] + [list(r) for r in rows[1:]], [30, 110], [True, True], first=1)
    _print_setup(ws, header_rows=0)
    ws.activate()


def write_combined_workbook(corpus: Corpus, target: Path) -> Path:
    sheets = frames(corpus)
    with atomic_output(Path(target)) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), OPTIONS)
        wb.set_properties({"title": f"MGI profiles: {len(corpus)} profile(s)", "author": "mgi-profiles",
                           "subject": "MGI profiles: cited tabular extracts, every profile in one workbook",
                           "created": FIXED_DATE,
                           "comments": "Generated by mgi export --all; see the About sheet for citations and "
                                       "licences."})
        fmt = _Formats(wb)
        try:
            write_about(wb, fmt, about_rows(corpus, sheets))
            write_table_sheet(wb, fmt, "Fields", list(FIELD_HEADER), [list(r) for r in fields_rows()],
                              source="Fields sheet")
            for name, df in sheets.items():
                write_table_sheet(wb, fmt, name, list(df.columns), table_cells(df), source=f"{name} sheet")
        finally:
            wb.close()
    return Path(target)
