"""Fixtures shared by several test files: the fictional profiles on the search path, closing the figures a test
drew, and notebook executions shared by the tests that read one run."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from notebook_runs import run
from profile_cases import TEST_PROFILES


@pytest.fixture
def fictional(monkeypatch):
    """The fictional profiles (tests/profiles) on MGI_PROFILE_PATH; a papermill kernel inherits it too."""
    monkeypatch.setenv("MGI_PROFILE_PATH", str(TEST_PROFILES))


@pytest.fixture(autouse=True)
def _close_figures():
    """Every figure a test drew is closed after it, so that figures do not pile up across tests."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@dataclass(frozen=True)
class Executed:
    nb: object  # the executed notebook (nbformat)
    folder: Path  # where its kernel ran
    charts: Path | None  # its output_dir, when it was given one


@contextmanager
def _profile_path(fictional: bool):
    old = os.environ.get("MGI_PROFILE_PATH")
    if fictional:
        os.environ["MGI_PROFILE_PATH"] = str(TEST_PROFILES)
    else:
        os.environ.pop("MGI_PROFILE_PATH", None)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("MGI_PROFILE_PATH", None)
        else:
            os.environ["MGI_PROFILE_PATH"] = old


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """executed(name, *, fictional=False, charts=False, **parameters): notebooks/<name>.ipynb run once per
    session for those parameters, in a folder of its own (output_dir=<folder>/charts when charts is true, and
    the fictional profiles on the search path when fictional is true). Tests that read one run share it."""
    runs: dict[str, Executed] = {}

    def execute(name: str, *, fictional: bool = False, charts: bool = False, **parameters) -> Executed:
        key = repr((name, fictional, charts, sorted(parameters.items())))
        if key not in runs:
            folder = tmp_path_factory.mktemp(name)
            out = folder / "charts" if charts else None
            if out is not None:
                parameters = dict(parameters, output_dir=str(out))
            with _profile_path(fictional):
                nb = run(name, folder, **parameters)
            runs[key] = Executed(nb, folder, out)
        return runs[key]

    return execute
