"""The one error a conversion raises: a PDF that cannot be turned into text, said in one line."""

from __future__ import annotations

from pathlib import Path


class PdfError(Exception):
    """A PDF the converter refuses, and why: ``str(err)`` is one line naming the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = Path(path)
        self.problem = " ".join(str(problem).split())  # always one line
        super().__init__(f"{self.path}: {self.problem}")
