"""mgi export: the workbook a person opens in a spreadsheet, the zip of the data package, and their safety.

Everything is read back the way a spreadsheet would read it (openpyxl, zipfile) and compared with the
profile's own files and the schema, never with numbers written into the test.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from openpyxl.utils.escape import unescape

from helpers.data.datapackage import present_tables
from helpers.data.loader import load_profile
from helpers.data.schema import TABLES, TABLES_BY_NAME
from helpers.data.validate import check_profile
from helpers.export import download_links, export_profile, write_exports
from helpers.export import workbook as wbmod
from helpers.export.files import ExportError
from profile_cases import PROFILES, copy_profile, metadata

MGI = [sys.executable, "-m", "helpers"]

# Text a spreadsheet would run as a formula if it were stored as one (formula injection).
INJECTED = {
    ("findings", "F007", "summary"): '=HYPERLINK("http://example.org/x","click")',
    ("instruments", "LAW-101", "title_en"): "+SUM(1,2)",
    ("instruments", "LAW-412", "note"): "-2+3",
    ("statistics", "ST005", "label"): "@SUM(A1:A2)",
    ("covid_responses", "C01", "measure"): "=1+1 measure",
    ("errata", "E01", "reason"): "=cmd|' /C calc'!A0",
}
INJECTED_TITLE = "=2*3 profile title"


@pytest.fixture(scope="module")
def per_workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "per.xlsx"
    export_profile("PER-2021", "xlsx", path)
    return path, openpyxl.load_workbook(path)


def test_sheets_are_about_fields_then_every_table(per_workbook):
    _, wb = per_workbook
    assert wb.sheetnames == ["About", "Fields"] + present_tables(metadata("PER-2021"))


def test_every_row_and_column_of_every_table(per_workbook):
    _, wb = per_workbook
    prof = load_profile("PER-2021")
    for name in present_tables(prof.metadata):
        ws = wb[name]
        rows = list(ws.iter_rows(values_only=True))
        assert list(rows[0]) == TABLES_BY_NAME[name].field_names
        assert len(rows) - 1 == len(prof.tables[name]), name
        with (prof.path / TABLES_BY_NAME[name].filename).open(encoding="utf-8", newline="") as f:
            raw = list(csv.DictReader(f))
        pk = TABLES_BY_NAME[name].primary_key
        assert [r[0] for r in rows[1:]] == [r[pk] for r in raw]
        # evidence is verbatim, the same text as in the CSV
        if "evidence" in rows[0]:
            j = rows[0].index("evidence")
            assert [unescape(r[j]) for r in rows[1:]] == [r["evidence"].strip() for r in raw]


def test_numbers_stay_numbers_and_empty_stays_empty(per_workbook):
    _, wb = per_workbook
    prof = load_profile("PER-2021")
    ws = wb["statistics"]
    header = [c.value for c in ws[1]]
    values = [r[header.index("value")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(v, (int, float)) for v in values)
    assert values == pytest.approx(list(prof.statistics["value"].astype(float)))
    ws = wb["instruments"]
    header = [c.value for c in ws[1]]
    years = [r[header.index("year")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert years.count(None) == int(prof.instruments["year"].isna().sum()) > 0  # empty, never 0
    assert 0 not in years


def test_header_frozen_filterable_and_readable(per_workbook):
    _, wb = per_workbook
    for name in ["Fields"] + present_tables(metadata("PER-2021")):
        ws = wb[name]
        assert ws.freeze_panes and ws.freeze_panes[1] == "2", name  # row 1 stays in view
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", name
        assert all(c.font.b for c in ws[1]), name
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        assert all(8 <= w <= 61 for w in widths), (name, widths)
    ev = wb["findings"]
    col = [c.value for c in ev[1]].index("evidence") + 1
    assert ev.cell(2, col).alignment.wrap_text  # long text wraps


def print_scale(ws) -> float:
    """The scale a spreadsheet prints a sheet at when it fits every column on the page's width: the page's
    printable width over the columns' width, in pixels (a column of width w is about 7w + 5 px wide)."""
    paper_in = {9: (8.27, 11.69)}[int(ws.page_setup.paperSize)]
    page_in = paper_in[1] if ws.page_setup.orientation == "landscape" else paper_in[0]
    printable_px = (page_in - ws.page_margins.left - ws.page_margins.right) * 96
    columns_px = sum(7 * (ws.column_dimensions[c.column_letter].width or 8.43) + 5 for c in ws[1])
    return min(1.0, printable_px / columns_px)


def test_every_sheet_prints_landscape_fitted_to_the_width_with_its_header_repeated(per_workbook):
    """The page setup read back as a spreadsheet reads it (openpyxl), printed so that a person can see it
    (pytest -s): A4 landscape, every column on the width of one page, as many pages down as needed, the header
    row on every page, and text large enough to read (the instruments sheet printed at about 23 % before)."""
    _, wb = per_workbook
    for ws in wb.worksheets:
        ps = ws.page_setup
        fit = ws.sheet_properties.pageSetUpPr.fitToPage
        scale = print_scale(ws)
        print(f"{ws.title:16} orientation={ps.orientation} paper={ps.paperSize} fitToPage={fit} "
              f"fitToWidth={ps.fitToWidth or 1} fitToHeight={ps.fitToHeight} titles={ws.print_title_rows} "
              f"margins={ws.page_margins.left}/{ws.page_margins.right} in, columns={ws.max_column}, "
              f"print scale about {scale:.0%}")
        assert ps.orientation == "landscape" and int(ps.paperSize) == 9, ws.title
        assert fit and int(ps.fitToWidth or 1) == 1 and int(ps.fitToHeight) == 0, ws.title
        if ws.title != "About":  # a sheet of rows: its header repeats on every page
            assert ws.print_title_rows == "$1:$1", ws.title
        assert scale >= 0.5, f"{ws.title} prints at about {scale:.0%}"


def test_a_wide_sheet_is_narrowed_for_print_but_headings_stay_whole():
    header = ["instrument_id", "covers_regardless_of_status", "evidence"] + [f"c{i}" for i in range(15)]
    widths = [38.0, 31.0, 61.0] + [40.0] * 15
    fitted = wbmod.fit_print_width(widths, header)
    assert sum(fitted) <= wbmod.PRINT_WIDTH
    assert fitted[1] >= len("covers_regardless_of_status") and fitted[0] >= len("instrument_id")  # whole headings
    assert wbmod.fit_print_width([10.0, 20.0], ["a", "b"]) == [10.0, 20.0]  # a narrow sheet keeps its widths


def test_about_sheet_reads_citation_and_licences_from_the_metadata(per_workbook):
    _, wb = per_workbook
    md = metadata("PER-2021")
    text = "\n".join(f"{a or ''}\t{b or ''}" for a, b in wb["About"].iter_rows(values_only=True, max_col=2))
    assert wb.sheetnames[0] == "About"
    for needed in [md["title"], md["mgi"]["citation"], md["mgi"]["source_license"], md["mgi"]["data_version"],
                   md["mgi"]["source_sha256"]] + [lic["path"] for lic in md["licenses"]]:
        assert needed in text, needed
    assert "Licence of the source text and of the verbatim quotations" in text
    first_line = (PROFILES["PER-2021"] / "SOURCE.md").read_text(encoding="utf-8").split("\n\n")[1]
    assert first_line.split()[-1] in text  # the notice kept beside the source text is quoted


def test_about_sheet_of_another_profile_says_its_own_licence(tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_PROFILE_PATH", str(PROFILES["XEX-2019"].parent))
    path = export_profile("XEX-2019", "xlsx", tmp_path / "x.xlsx")
    wb = openpyxl.load_workbook(path)
    text = "\n".join(str(v) for row in wb["About"].iter_rows(values_only=True) for v in row if v)
    md = metadata("XEX-2019")
    assert md["mgi"]["source_license"] in text and "FICTIONAL" in text
    assert "Peru" not in text and "IOM 2022" not in text
    for name, reason in md["mgi"]["absent_tables"].items():
        assert name not in wb.sheetnames and reason in text


def test_fields_sheet_is_the_schema(per_workbook):
    _, wb = per_workbook
    rows = list(wb["Fields"].iter_rows(values_only=True))
    assert rows[0] == ("table", "field", "type", "required", "allowed values", "meaning")
    expected = [(t.name, f.name, f.type) for t in TABLES for f in t.fields]
    assert [r[:3] for r in rows[1:]] == expected
    by_key = {(r[0], r[1]): r for r in rows[1:]}
    for t in TABLES:
        for f in t.fields:
            r = by_key[(t.name, f.name)]
            assert r[5].startswith(f.description) and (r[3] == "yes") == f.required
            for v in f.enum or ():
                assert v in r[4]


def test_workbook_is_deterministic(tmp_path, per_workbook):
    path, _ = per_workbook
    again = export_profile("PER-2021", "xlsx", tmp_path / "again.xlsx")
    assert again.read_bytes() == path.read_bytes()
    core = zipfile.ZipFile(again).read("docProps/core.xml").decode()
    assert "1980-01-01" in core


# --- formula injection ------------------------------------------------------------------------------------

def _set_cell(path: Path, row_id: str, column: str, text: str) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    j = rows[0].index(column)
    hit = [r for r in rows[1:] if r[0] == row_id]
    assert hit, f"{path.name} has no row {row_id}"
    hit[0][j] = text
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


@pytest.fixture(scope="module")
def injected_workbook(tmp_path_factory):
    home = tmp_path_factory.mktemp("inject")
    folder = copy_profile("XEX-2022", home)
    for (table, row_id, column), text in INJECTED.items():
        _set_cell(folder / f"{table}.csv", row_id, column, text)
    dp = folder / "datapackage.json"
    md = json.loads(dp.read_text(encoding="utf-8"))
    md["title"] = INJECTED_TITLE
    dp.write_text(json.dumps(md, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    checked = check_profile(folder)
    assert checked.ok, "\n".join(p.format() for p in checked.problems)
    out = home / "out" / "xex.xlsx"
    env = dict(os.environ, MGI_PROFILE_PATH=str(home))
    res = subprocess.run(MGI + ["export", "XEX-2022", "--format", "xlsx", "--out", str(out)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    return out


def test_no_cell_is_a_formula_and_the_text_is_intact(injected_workbook):
    wb = openpyxl.load_workbook(injected_workbook)
    formulas = [(ws.title, c.coordinate, c.value) for ws in wb for row in ws.iter_rows() for c in row
                if c.data_type == "f"]
    assert not formulas
    for (table, row_id, column), text in INJECTED.items():
        ws = wb[table]
        header = [c.value for c in ws[1]]
        cell = next(r[header.index(column)] for r in ws.iter_rows(min_row=2) if r[0].value == row_id)
        assert cell.value == text and cell.data_type == "s", (table, row_id, column)
        assert cell.quotePrefix, "a person editing the cell must still get text"
    about = [c for row in wb["About"].iter_rows() for c in row if c.value == INJECTED_TITLE]
    assert about and all(c.data_type == "s" and c.quotePrefix for c in about)


def test_no_formula_element_in_the_files_xml(injected_workbook):
    with zipfile.ZipFile(injected_workbook) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not [n for n in sheets if re.search(rb"<f[ >]", z.read(n))]


def test_tab_and_carriage_return_starts_are_text_too(tmp_path):
    """The loader strips values, so these cannot come from a CSV; the writer is tested with them directly."""
    values = ["\t=1+1", "\r=1+1", "\n@x", "-", "+", "=", "plain", "a\r\nb"]
    path = tmp_path / "t.xlsx"
    wb = xlsxwriter.Workbook(str(path), wbmod.OPTIONS)
    wbmod.write_table_sheet(wb, wbmod._Formats(wb), "t", ["v"], [[v] for v in values], source="test")
    wb.close()
    cells = [r[0] for r in openpyxl.load_workbook(path)["t"].iter_rows(min_row=2)]
    assert [unescape(c.value) for c in cells] == values
    assert all(c.data_type == "s" for c in cells)
    assert [bool(c.quotePrefix) for c in cells] == [v[:1] in "\t\r\n-+=@" for v in values]


# --- atomic writes and errors for people -----------------------------------------------------------------

def test_a_failed_export_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "p.xlsx"
    target.write_bytes(b"previous workbook")

    def boom(*a, **k):
        raise ExportError("findings.csv, row 2, column 'summary': too long")

    monkeypatch.setattr(wbmod, "write_about", boom)
    with pytest.raises(ExportError):
        export_profile("PER-2021", "xlsx", target)
    assert target.read_bytes() == b"previous workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["p.xlsx"]  # no temporary file left behind


def test_a_cell_too_long_for_a_spreadsheet_is_reported_with_its_place(tmp_path):
    path = tmp_path / "t.xlsx"
    wb = xlsxwriter.Workbook(str(path), wbmod.OPTIONS)
    with pytest.raises(ExportError, match=r"findings.csv, row 3, column 'summary': 40000 characters"):
        wbmod.write_table_sheet(wb, wbmod._Formats(wb), "t", ["summary"], [["ok"], ["x" * 40000]],
                                source="findings.csv")
    wb.close()


def test_cli_reports_data_problems_and_writes_nothing(tmp_path):
    folder = copy_profile("XEX-2022", tmp_path)
    _set_cell(folder / "findings.csv", "F007", "domain", "not_a_domain")
    out = tmp_path / "x.xlsx"
    res = subprocess.run(MGI + ["export", "XEX-2022", "--out", str(out)],
                         env=dict(os.environ, MGI_PROFILE_PATH=str(tmp_path)), capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 1
    assert "findings.csv" in res.stderr and "not_a_domain" in res.stderr and "nothing was written" in res.stderr
    assert "Traceback" not in res.stderr and not out.exists()


def test_cli_refuses_a_folder_and_an_unknown_profile(tmp_path):
    res = subprocess.run(MGI + ["export", "PER-2021", "--out", str(tmp_path)], capture_output=True, text=True)
    assert res.returncode == 1 and "is a folder" in res.stderr and "Traceback" not in res.stderr
    res = subprocess.run(MGI + ["export", "NOPE-2000"], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 2 and "PER-2021" in res.stderr and not list(tmp_path.iterdir())


# --- the CSV zip and the files beside the reports ----------------------------------------------------------

def test_csv_zip_holds_the_data_package_byte_for_byte(tmp_path):
    path = export_profile("PER-2021", "csv", tmp_path / "per.zip")
    src = PROFILES["PER-2021"]
    md = metadata("PER-2021")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        expected = ["datapackage.json"] + [r["path"] for r in md["resources"]] + ["SOURCE.md"]
        assert names == [f"PER-2021/{n}" for n in expected]
        for n in expected:
            assert z.read(f"PER-2021/{n}") == (src / n).read_bytes(), n
        z.extractall(tmp_path / "unzipped")
    assert check_profile(tmp_path / "unzipped" / "PER-2021").ok  # quotes still found in the source text
    again = export_profile("PER-2021", "csv", tmp_path / "again.zip")
    assert again.read_bytes() == path.read_bytes()


def test_write_exports_for_the_runner(tmp_path):
    stale = tmp_path / "PER-2021" / "data" / "old-source-name.txt"
    stale.parent.mkdir(parents=True)
    stale.write_text("from an earlier version of the package")
    paths = write_exports("PER-2021", tmp_path / "PER-2021")
    assert not stale.exists()
    assert all(p.is_file() and p.is_relative_to(tmp_path / "PER-2021") for p in paths)
    names = [p.name for p in paths]
    src = metadata("PER-2021")["mgi"]["source_file"]
    assert names[:4] == ["PER-2021.xlsx", "PER-2021-csv.zip", "datapackage.json", src]
    assert {t.filename for t in TABLES} <= set(names)
    links = dict((href, label) for label, href in download_links(paths, "PER-2021", tmp_path))
    assert links["PER-2021/PER-2021.xlsx"] == "Excel workbook"
    assert links[f"PER-2021/data/{src}"] == "source text"
    assert (tmp_path / "PER-2021" / "data" / "findings.csv").read_bytes() == \
        (PROFILES["PER-2021"] / "findings.csv").read_bytes()
    assert not [p for p in (tmp_path / "PER-2021").rglob("*.part")]
