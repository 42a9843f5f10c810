"""What counts as a word of a language in the drafting code (tests/test_language_files.py).

Strings the code matches text with — regular expressions (arguments of `re` functions), operands of `in`,
arguments of str.split/partition/startswith/endswith/find/index/replace, and module-level collections of
strings — must hold no word: words are data, in src/helpers/draft/lang/*.toml. Section labels the drafting
writes are the project's own (English) vocabulary and come from helpers.data.vocab, so they are not scanned.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

RE_FUNCS = {"compile", "search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split"}
STR_METHODS = {"split", "rsplit", "partition", "rpartition", "startswith", "endswith", "find", "rfind", "index",
               "rindex", "replace", "count"}
# regex syntax that looks like a word: group names, flags, escapes
_SYNTAX = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]|\[\^?[^\]]*\]|\{[\w,]*\}|\?P<|https?|www|ISBN")
WORD = re.compile(r"[^\W\d_]{3,}")


def _strings(node) -> list[str]:
    """Every literal string piece inside an expression (constants, f-string parts, concatenations)."""
    out = []
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            out.append(n.value)
    return out


def matcher_strings(path: Path) -> list[tuple[int, str]]:
    """(line, string) of every string the module matches text with (not a plain identifier: a dict key, a field
    or column name)."""
    return [(n, s) for n, s in _matcher_strings(path) if not s.isidentifier()]


def _matcher_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "re" \
                    and f.attr in RE_FUNCS:
                args = node.args[:1] if f.attr in ("sub", "subn") else node.args[:1]
                found += [(node.lineno, s) for a in args for s in _strings(a)]
            elif isinstance(f, ast.Attribute) and f.attr in STR_METHODS and node.args:
                found += [(node.lineno, s) for s in _strings(node.args[0])]
        elif isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            found += [(node.lineno, s) for s in _strings(node.left)]
        elif isinstance(node, ast.Assign) and node in tree.body and \
                isinstance(node.value, (ast.Dict, ast.Tuple, ast.List, ast.Set)):
            strings = _strings(node.value)
            if all(len(s.split()) <= 3 for s in strings):  # a table of words, not a constant of text (a licence)
                found += [(node.lineno, s) for s in strings]
    return found


def words_in(pattern: str) -> list[str]:
    return WORD.findall(_SYNTAX.sub(" ", pattern))


WORD_TABLES = {"number_words", "scales", "units", "qualifiers", "issuing_suffixes"}  # their keys are words


def _values(data, key: str = "") -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in _values(v, k)] + (list(data) if key in WORD_TABLES else [])
    if isinstance(data, list):
        return [s for v in data for s in _values(v)]
    return []


def project_words() -> set[str]:
    """The project's own vocabulary (table, field and code names): not words of a language."""
    from helpers.data import schema, vocab

    words: set[str] = set()
    for t in schema.TABLES:
        words |= set(WORD.findall(t.name.replace("_", " ")))
        for f in t.fields:
            words |= set(WORD.findall(f.name.replace("_", " ")))
            for code in (f.enum or ()) + (f.item_enum or ()):
                words |= set(WORD.findall(code.replace("_", " ")))
    for name in dir(vocab):
        value = getattr(vocab, name)
        if isinstance(value, dict):
            for k in value:
                words |= set(WORD.findall(str(k).replace("_", " ")))
    return {w.casefold() for w in words}


def language_words(folders: list[Path]) -> set[str]:
    """Every word the language and overlay files hold (in names, patterns and word lists), minus the project's
    own vocabulary."""
    import tomllib

    words: set[str] = set()
    for folder in folders:
        for p in folder.glob("*.toml"):
            data = tomllib.loads(p.read_text(encoding="utf-8"))
            for s in _values(data):
                words |= {w.casefold() for w in words_in(s)}
    return words - project_words()


def string_constants(path: Path) -> list[tuple[int, str]]:
    """(line, string) of every string constant of a module except docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]
