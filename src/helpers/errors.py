"""A data problem, phrased for the person who has to fix the file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the profile folder (or the folder itself)
    message: str  # what is wrong, in plain words
    row: int | None = None  # spreadsheet row number: the header is row 1
    column: str | None = None
    value: str | None = None  # what was found
    expected: str | None = None  # what was expected
    hint: str | None = None  # how to fix it, when that is not obvious

    def format(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        parts = [f"{where}: {self.message}"]
        if self.value is not None:
            shown = self.value if len(self.value) <= 160 else self.value[:157] + "..."
            parts.append(f"found {shown!r}")
        if self.expected:
            parts.append(f"expected {self.expected}")
        text = "; ".join(parts)
        if self.hint:
            text += f"\n    {self.hint}"
        return text


class ProfileError(Exception):
    """Raised when a profile cannot be used; carries every problem found, not just the first."""

    def __init__(self, profile_id: str, problems: list[Problem]):
        self.profile_id = profile_id
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        head = f"Profile {self.profile_id} has {n} problem{'s' if n != 1 else ''}:"
        return "\n".join([head] + ["  - " + p.format() for p in self.problems])
