"""Writing export files so that a reader never finds half a file: write beside the target, then rename."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


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
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"cannot write into {target.parent}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, target)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        tmp_path.unlink(missing_ok=True)


def write_bytes_atomic(target: Path, data: bytes) -> Path:
    with atomic_output(target) as tmp:
        tmp.write_bytes(data)
    return target
