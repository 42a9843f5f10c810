"""Writing export files so that a reader never finds half a file: helpers.atomic, with errors for people."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from helpers import atomic


class ExportError(Exception):
    """An export that cannot be written, phrased for the person who asked for it (no traceback)."""


@contextmanager
def atomic_output(target: Path):
    """Yield a temporary path beside target; on success it replaces target in one rename, on failure it goes.

    A failed or interrupted export leaves the previous file (if any) exactly as it was.
    """
    target = Path(target)
    if target.is_dir():
        raise ExportError(f"{target} is a folder: give the name of the file to write, not a folder")
    try:
        with atomic.atomic_output(target) as tmp:
            yield tmp
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None


def write_bytes_atomic(target: Path, data: bytes) -> Path:
    with atomic_output(target) as tmp:
        tmp.write_bytes(data)
    return target
