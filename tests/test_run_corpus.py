"""`mgi run --all` with two or more profiles renders the corpus report (the real notebook) and writes the combined
dataset beside it; the index lists every profile with its level, language, edition and data version, searchable
offline, and links the corpus report and the combined files. A single profile gets neither."""

from __future__ import annotations

import json
import shutil

import pytest

import browser

from helpers.export.combined import workbook_name, zip_name
from helpers.paths import project_root
from runner_standin import environment, make_project, mgi_run


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("corpus-run") / "project")
    shutil.copy(project_root() / "notebooks" / "corpus.ipynb", root / "notebooks" / "corpus.ipynb")
    return root, environment(root)


@pytest.fixture(scope="module")
def rendered(project):
    root, env = project
    out = root / "rendered"
    res = mgi_run(env, "--all", out=out, notebooks=("overview", "corpus"))
    assert res.returncode == 0, res.stderr
    return out


def test_corpus_report_and_combined_files(rendered):
    manifest = json.loads((rendered / "manifest.json").read_text(encoding="utf-8"))
    corpus = [r for r in manifest["reports"] if r["notebook"] == "corpus"]
    assert len(corpus) == 1 and corpus[0]["key"] == "_corpus" and corpus[0]["status"] == "ok"
    assert sorted(corpus[0]["parameters"]["profiles"]) == sorted(manifest["profiles"])
    html = (rendered / "_corpus" / "corpus" / "corpus.html").read_text(encoding="utf-8")
    assert "MGI profiles as one corpus" in html
    assert (rendered / "_corpus" / workbook_name()).is_file() and (rendered / "_corpus" / zip_name()).is_file()
    assert (rendered / "_corpus" / "parquet" / "findings.parquet").is_file()


def test_index_lists_profiles_searchable_offline_and_links_the_corpus(rendered):
    html = (rendered / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((rendered / "manifest.json").read_text(encoding="utf-8"))
    assert 'id="mgi-profiles"' in html and "searchPanes" in html and "_itables_" in html
    assert "https://" not in html.split("<table", 1)[0].split("<style>", 1)[0]  # nothing to fetch before it opens
    for pid in manifest["profiles"]:
        assert f"<b>{pid}</b>" in html and f'href="{pid}/overview/overview.html"' in html
    from helpers.data.corpus import profile_facets
    from profile_cases import PROFILES

    facets = [profile_facets(json.loads((PROFILES[pid] / "datapackage.json").read_text(encoding="utf-8"))["mgi"])
              for pid in manifest["profiles"]]
    for level in {f["level"] for f in facets}:
        assert html.count(f"<td>{level}</td>") == sum(f["level"] == level for f in facets)
    for language in {f["language"] for f in facets}:
        assert html.count(f"<td>{language}</td>") == sum(f["language"] == language for f in facets)
    assert 'href="_corpus/corpus/corpus.html"' in html
    assert f'href="_corpus/{workbook_name()}"' in html and f'href="_corpus/{zip_name()}"' in html


def test_nothing_changed_nothing_rendered_and_files_kept(project, rendered):
    root, env = project
    before = (rendered / "_corpus" / zip_name()).stat().st_mtime_ns
    res = mgi_run(env, "--all", out=rendered, notebooks=("overview", "corpus"))
    assert res.returncode == 0, res.stderr
    manifest = json.loads((rendered / "manifest.json").read_text(encoding="utf-8"))
    assert {r["status"] for r in manifest["reports"]} == {"unchanged"}
    assert (rendered / "_corpus" / zip_name()).stat().st_mtime_ns == before


def test_one_profile_has_no_corpus(project, tmp_path):
    root, env = project
    res = mgi_run(env, "--profile", "XEX-2019", out=tmp_path / "one", notebooks=("overview", "corpus"))
    assert res.returncode == 0, res.stderr
    assert not (tmp_path / "one" / "_corpus").exists()


@pytest.mark.skipif(browser.missing_reason() is not None, reason=str(browser.missing_reason()))
def test_index_searches_and_filters_offline_in_a_browser(rendered):
    with browser.chromium() as b:
        page = browser.offline_page(b)
        page.goto((rendered / "index.html").as_uri())
        page.wait_for_selector("#mgi-profiles.dataTable", timeout=20000)
        rows = lambda: page.locator("#mgi-profiles tbody tr").count()  # noqa: E731
        everyone = rows()
        assert everyone >= 3
        box = page.locator("#mgi-profiles tfoot input").nth(0)
        box.press_sequentially("XEX-2019")
        page.wait_for_timeout(300)
        assert rows() == 1 and "XEX-2019" in page.locator("#mgi-profiles tbody").inner_text()
        box.fill("")
        box.dispatch_event("change")
        page.locator(".dt-search input").press_sequentially("Peru")
        page.wait_for_timeout(300)
        assert rows() == 1 and "PER-2021" in page.locator("#mgi-profiles tbody").inner_text()
        assert page.locator(".dtsp-searchPane").count() == 3  # level, language, edition
        assert not page.network_requests and not page.errors


def test_longest_reports_are_started_first(tmp_path):
    """Without a previous run the reports that read every profile go first; after one, the longest first."""
    from helpers.run.index import state_path
    from helpers.run.registry import plan_jobs
    from helpers.run.runner import _by_expected_time

    jobs = plan_jobs(["XEX-2019", "XEX-2022"], ["overview", "domain_progress", "compare_profiles", "corpus"])
    first = [jobs[i].label for i in _by_expected_time(jobs, tmp_path)]
    assert set(first[:2]) == {"_compare/compare_profiles", "_corpus/corpus"}
    assert first[2:] == [j.label for j in jobs if not j.key.startswith("_")]  # then in plan order
    durations = {"XEX-2019/overview": 3, "XEX-2019/domain_progress": 20, "XEX-2022/overview": 4,
                 "XEX-2022/domain_progress": 18, "_compare/compare_profiles": 9, "_corpus/corpus": 12}
    for label, d in durations.items():
        key, nb = label.split("/")
        path = state_path(tmp_path, key, nb)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"duration_s": d}))
    assert [jobs[i].label for i in _by_expected_time(jobs, tmp_path)] == \
        sorted(durations, key=durations.get, reverse=True)


def test_many_profiles_get_the_corpus_report_not_the_side_by_side_comparison():
    from helpers.run.registry import COMPARE_MAX_PROFILES, plan_jobs

    few = [f"QA{chr(65 + i)}-2022" for i in range(COMPARE_MAX_PROFILES)]
    many = few + ["QZZ-2022"]
    nbs = ["overview", "compare_profiles", "corpus"]
    assert {j.label for j in plan_jobs(few, nbs) if j.key.startswith("_")} == {"_compare/compare_profiles",
                                                                               "_corpus/corpus"}
    assert {j.label for j in plan_jobs(many, nbs) if j.key.startswith("_")} == {"_corpus/corpus"}
    assert len(plan_jobs(many, nbs)) == len(many) + 1
