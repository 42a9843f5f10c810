"""mgi run writes the workbook, the CSV zip and the data package beside each profile's reports; the index links them."""

import json

from helpers.export import default_name
from helpers.run.execute import Outcome
from helpers.run.index import render_index, state_path
from helpers.run.registry import COMPARE_KEY, Job
from helpers.run.runner import _write_exports


def _job(key, nb="overview"):
    return Job(key=key, notebook=nb, parameters={}, profiles=(key,))


def test_exports_written_for_rendered_profiles_only_once_present(fictional, tmp_path):
    logged = []
    log = lambda msg, err=False: logged.append((msg, err))  # noqa: E731
    planned = [_job("XEX-2019"), _job("XEX-2022"), Job(COMPARE_KEY, "compare_profiles", {})]
    outcomes = [Outcome("XEX-2019", "overview", "ok", 1.0), Outcome("XEX-2022", "overview", "unchanged", 0.0),
                Outcome(COMPARE_KEY, "compare_profiles", "ok", 1.0)]
    assert _write_exports(planned, outcomes, {}, tmp_path, log) == []
    # unchanged but missing: written too; the comparison has no exports of its own
    for pid in ("XEX-2019", "XEX-2022"):
        assert (tmp_path / pid / default_name(pid, "xlsx")).is_file()
        assert (tmp_path / pid / "data" / "datapackage.json").is_file()
    assert not (tmp_path / COMPARE_KEY).exists()
    # unchanged and present: left alone
    workbook = tmp_path / "XEX-2022" / default_name("XEX-2022", "xlsx")
    workbook.write_bytes(b"kept")
    _write_exports(planned, outcomes, {}, tmp_path, log)
    assert workbook.read_bytes() == b"kept"
    assert not [m for m, err in logged if err]


def test_invalid_profile_gets_no_exports_and_a_failure_is_loud(fictional, tmp_path):
    logged = []
    log = lambda msg, err=False: logged.append((msg, err))  # noqa: E731
    outcomes = [Outcome("XEX-2019", "overview", "ok", 1.0)]
    assert _write_exports([_job("XEX-2019")], outcomes, {"XEX-2019": []}, tmp_path, log) == []
    assert not (tmp_path / "XEX-2019").exists()
    (tmp_path / "XEX-2019").write_text("a file where the folder should be")
    assert _write_exports([_job("XEX-2019")], outcomes, {}, tmp_path, log) == ["XEX-2019"]
    assert any(err and "FAILED exports of XEX-2019" in msg for msg, err in logged)


def test_index_links_each_export(fictional, tmp_path):
    _write_exports([_job("XEX-2019")], [Outcome("XEX-2019", "overview", "ok", 1.0)], {}, tmp_path,
                   lambda msg, err=False: None)
    state = state_path(tmp_path, "XEX-2019", "overview")
    state.parent.mkdir(parents=True)
    state.write_text(json.dumps({"key": "XEX-2019", "notebook": "overview", "title": "Examplia <first>",
                                 "last_status": "ok"}))
    html = render_index(tmp_path)
    assert 'href="XEX-2019/XEX-2019.xlsx">Excel workbook</a>' in html
    assert 'href="XEX-2019/XEX-2019-csv.zip"' in html
    assert 'href="XEX-2019/data/datapackage.json"' in html
    assert "Examplia &lt;first&gt;" in html


def test_every_warm_kernel_import_exists():
    """The modules a warm kernel imports at start-up are named as strings: a renamed module must fail here, not
    in every kernel of a run."""
    import importlib

    from helpers.run.kernels import WARM_IMPORTS

    for name in WARM_IMPORTS:
        importlib.import_module(name)
