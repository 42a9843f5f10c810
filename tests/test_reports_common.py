"""reports/common and the data layer's words: the one escaping module, HTML tables from the template (escaped,
text left and numbers right), showing and saving a chart, the chart style escaping '$', the labels of every code,
the country's short name and the instrument number key."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.data import schema, vocab
from helpers.data.loader import load_profile
from helpers.reports.common import style
from helpers.reports.common.dates import PartialDate, date_label
from helpers.reports.common.display import html_table
from helpers.reports.common.escape import chart_text, esc
from stub_profiles import stub_profile


def _aligned(html: str) -> list[tuple[str, str]]:
    """(alignment, text) of every header and data cell."""
    return re.findall(r'<t[hd] style="text-align: (left|right);">(.*?)</t[hd]>', html)


def test_html_table_escapes_every_cell_and_aligns_text_left_numbers_right():
    df = pd.DataFrame({"measure": ["<script>alert(1)</script>", "a & b"],
                       "rows": pd.array([3, None], dtype="Int64"),
                       "value": ["1,049,970", "1.2 million"],
                       "instruments": [["LAW-1", "DS-2"], []]})
    html = html_table(df)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "a &amp; b" in html
    cells = _aligned(html)
    assert cells[:4] == [("left", "measure"), ("right", "rows"), ("right", "value"), ("left", "instruments")]
    assert cells[4:8] == [("left", "&lt;script&gt;alert(1)&lt;/script&gt;"), ("right", "3"),
                          ("right", "1,049,970"), ("left", "LAW-1; DS-2")]
    assert cells[9] == ("right", "")  # an empty count stays empty, never 0


def test_html_table_max_rows_and_index():
    df = pd.DataFrame({"n": [1, 2, 3]}, index=pd.Index(["a", "b", "c"], name="key"))
    html = html_table(df, index=True, max_rows=2)
    assert [t for _, t in _aligned(html)] == ["key", "n", "a", "1", "b", "2"]


def test_a_column_of_words_and_numbers_is_text():
    html = html_table(pd.DataFrame({"year": ["2021", "not stated"]}))
    assert {a for a, _ in _aligned(html)} == {"left"}


def test_esc_and_chart_text():
    assert esc("<b>*x*</b>") == r"&lt;b&gt;\*x\*&lt;/b&gt;"
    assert esc(None) == "" and esc(pd.NA) == ""
    assert chart_text("US$ 200") == r"US\$ 200" and chart_text(None) == ""


def test_every_chart_text_is_escaped_by_the_style(tmp_path):
    """A '$' in a profile's name, a title, an axis label, a note or a tick draws as a '$', not as mathematics."""
    prof = stub_profile()
    prof.metadata["mgi"]["country_short"] = "Test$land"
    fig, ax = style.new_figure()
    style.stacked_barh(ax, pd.DataFrame({"a": [1, 2]}), {"a": "#000000"}, {"a": "cost in US$"}, ["$1", "$2"])
    style.legend_below(ax)
    style.finish(fig, ax, title="Costs in $", profile=prof, xlabel="US$", ylabel="$ per person", note="$5 fee")
    texts = [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]
    drawn = "\n".join(texts)
    assert "Costs in \\$\nTest\\$land – MGI Test Profile 2030" in texts
    for s in ("US\\$", "\\$ per person", "\\$5 fee", "\\$1", "cost in US\\$"):
        assert s in drawn
    assert not re.search(r"(?<!\\)\$", drawn)
    assert style.save_png(fig, tmp_path, "dollars").is_file()  # draws without a mathtext error


def test_show_saves_only_with_an_output_dir(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    fig, _ = style.new_figure()
    style.show(fig, "", "nothing_saved")
    assert not list(tmp_path.rglob("*")) and len(shown) == 1
    fig, _ = style.new_figure()
    style.show(fig, str(tmp_path / "charts"), "saved")
    assert (tmp_path / "charts" / "saved.png").is_file() and len(shown) == 2
    assert shown[1].data == (tmp_path / "charts" / "saved.png").read_bytes()  # the PNG shown is the one saved
    with pytest.raises(ValueError, match="not a plain name"):
        style.show(style.new_figure()[0], str(tmp_path), "../out")


def test_every_code_of_the_schema_has_its_words():
    """The labels live next to the codes: the schema's allowed values are the vocabulary's keys, in order."""
    assert schema.FINDING_KINDS == tuple(vocab.KIND_LABELS) == tuple(vocab.KIND_HEADINGS)
    assert schema.STAT_THEMES == tuple(vocab.THEME_LABELS)
    assert schema.STAT_UNITS == tuple(vocab.UNIT_WORDS)
    assert schema.QUALIFIERS == tuple(vocab.QUALIFIER_WORDS)
    assert schema.COVID_AREAS == tuple(vocab.AREA_LABELS)
    assert schema.MEASURE_STATUSES == tuple(vocab.MEASURE_STATUS_LABELS)
    assert schema.ERRATUM_KINDS == tuple(vocab.ERRATUM_KIND_WORDS)
    assert vocab.type_label("supreme_decree") == "Supreme decree"
    assert vocab.unit_words("countries") == ("country", "countries") and vocab.unit_words("rank") == ("rank", "rank")


def test_months_are_said_once():
    assert date_label("2021-09") == "September 2021" and date_label("2021-07-09") == "9 July 2021"
    assert PartialDate.parse("2020-03").label == "March 2020" and PartialDate.parse("2020").label == "2020"
    assert [date_label(f"2020-{m:02d}").split()[0] for m in range(1, 13)] == list(vocab.MONTHS)


def test_short_name(fictional):
    per = load_profile("PER-2021")
    assert per.short_name == per.mgi.get("country_short", per.mgi["country"])
    prof = stub_profile()
    assert prof.short_name == "Testland"
    del prof.metadata["mgi"]["country_short"]
    assert prof.short_name == "Republic of Testland"


@pytest.mark.parametrize("a, b", [("00016-2020-PI/TC", "00016-2020-PI-TC"), ("010-2020-in", "010-2020-IN"),
                                  ("1350 ", "1350")])
def test_number_key(a, b):
    assert schema.number_key(a) == schema.number_key(b) == b


def test_a_title_names_few_profiles_and_counts_many():
    from types import SimpleNamespace

    from helpers.reports.common.text import TITLE_LISTS_AT_MOST, report_title

    def prof(name):
        return SimpleNamespace(short_name=name, mgi={"edition": "Profile 2020"})

    two = [prof("Peru"), prof("Examplia")]
    assert report_title("compare_profiles", two) == \
        "Comparing profiles – Peru – MGI Profile 2020 · Examplia – MGI Profile 2020"
    many = [prof(f"P{i}") for i in range(TITLE_LISTS_AT_MOST + 1)]
    assert report_title("compare_profiles", many) == f"Comparing profiles – {len(many)} profiles"
    assert report_title("corpus", two) == "MGI profiles as one corpus – 2 profiles"
    assert report_title("overview", two[:1]) == "Peru – Profile overview – MGI Profile 2020"
