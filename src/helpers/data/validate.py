"""Checking a profile folder completely, reporting every problem at once.

Types, required cells, enumerations, patterns and primary keys are checked by frictionless against the
Table Schemas of helpers.data.schema; the checks frictionless cannot express (items of ';'-lists, references
between tables, quotes against the source text, the metadata) are done here on top.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# jsonschema (used here and by frictionless) compiles a large IRI grammar at import when the optional
# rfc3987-syntax package is present (about 1 s, measured with python -X importtime). No schema of this
# project uses the "iri" formats it serves, and jsonschema skips them when the import fails.
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]

import jsonschema  # noqa: E402
from frictionless import Resource, Schema  # noqa: E402

from helpers.data.csvfile import decode, read_rows  # noqa: E402
from helpers.data.datapackage import DESCRIPTOR, declared_version, expected_resources, present_tables, sha256_file, todo_fields
from helpers.errors import Problem
from helpers.data.quotes import SourceText, first_difference
from helpers.data.schema import METADATA_SCHEMA, TABLES_BY_NAME, Table


@dataclass
class Checked:
    """What validation learnt about a profile: its problems, and the typed rows when there are none."""

    path: Path
    metadata: dict = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    source: SourceText | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_profile(path: Path) -> Checked:
    out = Checked(path=path)
    out.metadata = _check_metadata(path, out.problems)
    if out.metadata is None:
        return out
    out.source = _check_source(path, out.metadata, out.problems)
    for name in present_tables(out.metadata):
        table = TABLES_BY_NAME[name]
        typed = _check_table(path, table, out.problems)
        if typed is not None:
            out.rows[name] = typed
    _check_references(out)
    if out.source is not None:
        _check_quotes(out)
    _check_words(out)
    return out


# --- metadata ----------------------------------------------------------------------------------------

def _check_metadata(path: Path, problems: list[Problem]) -> dict | None:
    dp = path / DESCRIPTOR
    if not dp.is_file():
        problems.append(Problem(DESCRIPTOR, "the file is missing", expected=f"{dp} with the profile's metadata"))
        return None
    text, enc_problems = decode(dp, DESCRIPTOR)
    if text is None:
        problems.extend(enc_problems)
        return None
    try:
        metadata = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(Problem(DESCRIPTOR, f"the JSON is invalid: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                                value=text.splitlines()[exc.lineno - 1].strip()[:120] if text.splitlines() else "",
                                hint="Check for a missing comma or quote, or a trailing comma before } or ]."))
        return None
    validator = jsonschema.Draft202012Validator(METADATA_SCHEMA)
    placeholders = todo_fields(metadata)
    for err in sorted(validator.iter_errors(metadata), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in err.path) or "(top level)"
        if where in placeholders:
            continue  # reported once below, in plain words
        problems.append(Problem(DESCRIPTOR, f"metadata field {where}: {err.message}",
                                value=None if err.validator == "required" else json.dumps(err.instance)[:120]))
    for where in placeholders:
        problems.append(Problem(DESCRIPTOR, f"metadata field {where} still says TODO",
                                expected="a real value in place of the placeholder left by mgi new-profile"))
    if not isinstance(metadata, dict) or not isinstance(metadata.get("mgi"), dict):
        return None
    mgi = metadata["mgi"]
    if mgi.get("profile_id") and mgi["profile_id"] != path.name:
        problems.append(Problem(DESCRIPTOR, "mgi.profile_id does not match the folder name",
                                value=mgi["profile_id"], expected=path.name))
    version = declared_version(metadata)
    if metadata.get("$schema") not in (None, version):
        problems.append(Problem(DESCRIPTOR, "$schema names a Data Package version other than the one the tables use",
                                value=metadata.get("$schema"), expected=version or "no $schema (Data Package v1)",
                                hint=f"Run: mgi package {path.name}"))
    expected = expected_resources(metadata)
    found = metadata.get("resources")
    if found != expected:
        names = {r.get("name") for r in found or [] if isinstance(r, dict)}
        diff = [r["name"] for r in expected if r not in (found or [])] + \
            [n for n in names if n not in {r["name"] for r in expected}]
        problems.append(Problem(DESCRIPTOR, "the resources (table schemas) differ from the project's schema",
                                value=", ".join(sorted(set(filter(None, diff)))),
                                expected="the schemas declared in src/helpers/data/schema.py",
                                hint=f"Run: mgi package {path.name}   (rewrites the resources, keeps the metadata)"))
    return metadata


def _check_source(path: Path, metadata: dict, problems: list[Problem]) -> SourceText | None:
    mgi = metadata["mgi"]
    name = mgi.get("source_file")
    if not name:
        return None
    src = path / name
    if not src.is_file():
        problems.append(Problem(name, "the source text is missing", expected="the unaltered text of the profile"))
        return None
    digest = sha256_file(src)
    if mgi.get("source_sha256") and digest != mgi["source_sha256"]:
        problems.append(Problem(name, "the source text has changed (its SHA-256 differs from the metadata)",
                                value=digest, expected=mgi["source_sha256"],
                                hint="The source must stay unaltered; restore it from the published text."))
    if mgi.get("source_pdf"):  # the published PDF the text was converted from
        pdf = path / mgi["source_pdf"]
        if not pdf.is_file():
            problems.append(Problem(mgi["source_pdf"], "the published PDF is missing",
                                    expected="the PDF the source text was converted from (mgi.source_pdf)"))
        elif mgi.get("source_pdf_sha256") and sha256_file(pdf) != mgi["source_pdf_sha256"]:
            problems.append(Problem(mgi["source_pdf"], "the published PDF has changed (its SHA-256 differs "
                                    "from the metadata)", value=sha256_file(pdf), expected=mgi["source_pdf_sha256"],
                                    hint="The PDF must stay unaltered; restore the published file."))
    text, enc = decode(src, name)
    if text is None:
        problems.extend(enc)
        return None
    return SourceText(text)


# --- tables ------------------------------------------------------------------------------------------

def _check_table(path: Path, table: Table, problems: list[Problem]) -> list[dict[str, Any]] | None:
    label = table.filename
    p = path / label
    if not p.is_file():
        problems.append(Problem(label, "the table is missing",
                                expected="the file, or mgi.absent_tables in datapackage.json saying why the "
                                         "profile has no such section" if table.optional else "the file"))
        return None
    rows, found = read_rows(p, table, label)
    problems.extend(found)
    if rows is None:
        return None
    if len(rows) < table.min_rows:
        problems.append(Problem(label, "the table has no rows", expected=f"at least {table.min_rows} row(s)"))
        return None
    row_numbers = [int(r.pop("__row__")) for r in rows]
    first_use: dict[str, int] = {}  # row where each id first appears, to name it in a duplicate's problem
    for r, n in zip(rows, row_numbers):
        first_use.setdefault(r[table.primary_key], n)
    data = [table.field_names] + [[r[k] for k in table.field_names] for r in rows]
    descriptor = table.schema_descriptor()
    descriptor.pop("foreignKeys", None)  # references between tables are checked in _check_references
    resource = Resource(data=data, schema=Schema.from_descriptor(descriptor))
    typed: list[dict[str, Any]] = []
    n_before = len(problems)
    with resource:
        for i, row in enumerate(resource.row_stream):
            srow = row_numbers[i]
            for err in row.errors:
                problems.append(_frictionless_problem(label, table, err, srow, first_use, rows[i]))
            rec = row.to_dict()
            rec["__row__"] = srow
            typed.append(rec)
    for rec in typed:
        for f in table.fields:
            if f.item_enum and rec.get(f.name):
                for item in rec[f.name]:
                    if item.strip() not in f.item_enum:
                        problems.append(Problem(label, "a list item is not an allowed value", row=rec["__row__"],
                                                column=f.name, value=item, expected=f.expected()))
            if f.type == "list" and rec.get(f.name):
                rec[f.name] = [i.strip() for i in rec[f.name] if i.strip()]
            if f.required_with and rec.get(f.required_with) not in (None, "") and rec.get(f.name) in (None, ""):
                problems.append(Problem(label, f"a cell is empty although {f.required_with} is given",
                                        row=rec["__row__"], column=f.name, expected=f.expected()))
    return typed if len(problems) == n_before else None


def _frictionless_problem(label: str, table: Table, err, srow: int, first_use: dict[str, int],
                          raw: dict[str, str]) -> Problem:
    name = getattr(err, "field_name", None)
    cell = getattr(err, "cell", None)
    f = table.field(name) if name in table.field_names else None
    if err.type == "primary-key":
        key = raw[table.primary_key]
        earlier = first_use.get(key)
        return Problem(label, f"duplicate {table.primary_key}: the same id is already used by row {earlier}"
                       if earlier and earlier != srow else f"duplicate {table.primary_key}", row=srow,
                       column=table.primary_key, value=key, expected="an id used only once")
    if err.type == "constraint-error" and f is not None and '"required"' in err.note:
        return Problem(label, "a required cell is empty", row=srow, column=name, expected=f.expected())
    if err.type in ("type-error", "constraint-error") and f is not None:
        what = "the value is not of the right type" if err.type == "type-error" else "the value is not allowed"
        return Problem(label, what, row=srow, column=name, value=cell, expected=f.expected())
    return Problem(label, f"{err.type}: {err.note}", row=srow, column=name, value=cell)


# --- references between tables -----------------------------------------------------------------------

def _check_references(out: Checked) -> None:
    ids = {name: {r[TABLES_BY_NAME[name].primary_key] for r in rows} for name, rows in out.rows.items()}
    for name, rows in out.rows.items():
        table = TABLES_BY_NAME[name]
        refs = [(f.name, f.item_ref, True) for f in table.fields if f.item_ref]
        refs += [(fk.fields, fk.table, False) for fk in table.foreign_keys]
        for col, target, is_list in refs:
            if target not in ids:
                continue  # the target table is broken or absent; its own problems are reported
            for r in rows:
                values = (r.get(col) or []) if is_list else ([r[col]] if r.get(col) else [])
                for v in values:
                    if v not in ids[target]:
                        out.problems.append(Problem(
                            table.filename, f"refers to an id that does not exist in {target}.csv", row=r["__row__"],
                            column=col, value=v,
                            expected=f"an existing {TABLES_BY_NAME[target].primary_key}"))


def _check_quotes(out: Checked) -> None:
    assert out.source is not None
    for name, rows in out.rows.items():
        table = TABLES_BY_NAME[name]
        for f in table.fields:
            if not f.quote:
                continue
            for r in rows:
                q = r.get(f.name)
                if not q or out.source.contains(q):
                    continue
                passage, score = out.source.closest(q)
                diff = first_difference(q, passage)
                out.problems.append(Problem(
                    table.filename, "the quote is not in the source text", row=r["__row__"], column=f.name, value=q,
                    expected="an exact passage of the source (whitespace may differ)",
                    hint=f"Closest passage ({score:.0f}% alike): {passage[:300]!r}" + (f"; {diff}" if diff else "")))


def _check_words(out: Checked) -> None:
    """A coded value that claims something (helpers.data.wordrules) must have the words for it in its quote."""
    for name, rows in out.rows.items():
        table = TABLES_BY_NAME[name]
        for f in table.fields:
            rule = f.words
            if rule is None:
                continue
            for r in rows:
                value = r.get(f.name)
                if value is None:
                    continue
                cell = {True: "true", False: "false"}.get(value, str(value))
                quote = r.get("evidence")
                if rule.justified(cell, quote):
                    continue
                out.problems.append(Problem(
                    table.filename, f"{f.name} is {cell}, but the quote has none of the words that justify it",
                    row=r["__row__"], column=f.name, value=cell, expected=rule.expected(cell),
                    hint=f"Quote (evidence): {str(quote)[:240]!r}. The rule is written in "
                         "src/helpers/data/wordrules.py and docs/codebook.md."))
