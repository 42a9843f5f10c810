"""Loading a profile by id: validated pandas DataFrames per table, plus its metadata."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .package import data_hash
from .paths import find_profile
from .problems import ProfileError
from .quotes import SourceText
from .schema import TABLES_BY_NAME, Table
from .validate import check_profile

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


@dataclass
class Profile:
    id: str
    path: Path
    metadata: dict
    tables: dict[str, pd.DataFrame]
    source: SourceText

    @property
    def mgi(self) -> dict:
        return self.metadata["mgi"]

    @property
    def title(self) -> str:
        return self.metadata["title"]

    @property
    def absent_tables(self) -> dict[str, str]:
        return dict(self.mgi.get("absent_tables") or {})

    def has(self, table: str) -> bool:
        return table in self.tables and len(self.tables[table]) > 0

    def __getattr__(self, name: str) -> pd.DataFrame:
        # profile.findings, profile.instruments, ... ; an absent table is an empty frame with its columns
        if name in TABLES_BY_NAME:
            tables = self.__dict__.get("tables", {})
            return tables.get(name, _frame(TABLES_BY_NAME[name], []))
        raise AttributeError(name)

    @property
    def data_hash(self) -> str:
        return data_hash(self.path, self.metadata)

    @property
    def source_line(self) -> str:
        """The attribution every chart and table carries."""
        return f"Source: {self.mgi['citation']} Extracts: mgi-profiles, data v{self.mgi['data_version']}."


def _frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    cols: dict[str, pd.Series] = {}
    for f in table.fields:
        values = [r.get(f.name) for r in rows]
        if f.type == "list":
            cols[f.name] = pd.Series([list(v) if v else [] for v in values], dtype=object)
        else:
            cols[f.name] = pd.Series(values, dtype=_DTYPES.get(f.type, "string"))
    df = pd.DataFrame(cols)
    df.attrs["table"] = table.name
    return df


def load_profile(profile_id: str) -> Profile:
    """The validated profile, or a ProfileError listing every problem (file, row, column, value, expected)."""
    path = find_profile(profile_id)
    checked = check_profile(path)
    if not checked.ok:
        raise ProfileError(profile_id, checked.problems)
    assert checked.source is not None
    tables = {name: _frame(TABLES_BY_NAME[name], rows) for name, rows in checked.rows.items()}
    return Profile(id=profile_id, path=path, metadata=checked.metadata, tables=tables, source=checked.source)
