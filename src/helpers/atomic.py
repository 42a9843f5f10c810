"""The one way this project writes files and folders so that nobody ever sees half of one.

A file is written beside its target and renamed over it (a reader, or a kill, sees the old file or the new one);
a folder is built complete beside its target and swapped into place in one step. Every writer of the project
(tables and decisions of `mgi accept`, drafts of `mgi new-profile`, exports, reports, the run index, the loader's
cache, `mgi pdf-to-text`) goes through here. It imports nothing of the project, so every layer may use it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

OLD_MARK = ".old-"  # a folder moved aside during a swap: <dir>/.<name>.old-<id>
STAGE_MARK = ".stage-"  # a folder being built beside its target: <dir>/.<name>.stage-<random>


@contextmanager
def atomic_output(target: Path, *, suffix: str = ".part"):
    """Yield a temporary path beside `target`; on success it replaces `target` in one rename (after fsync), on
    any failure or interruption it is removed and `target` stays exactly as it was."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def write_text(path: Path, text: str, *, newline: str | None = None) -> Path:
    """Write a whole text file (UTF-8) or nothing."""
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline=newline) as f:
            f.write(text)
    return Path(path)


def write_bytes(path: Path, data: bytes) -> Path:
    """Write a whole binary file or nothing."""
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def copy_file(src: Path, dest: Path) -> Path:
    """Copy `src` over `dest` (metadata kept) so that `dest` is the old file or the whole copy."""
    with atomic_output(dest) as tmp:
        shutil.copy2(src, tmp)
    return Path(dest)


@contextmanager
def staging_dir(target: Path):
    """Yield an empty folder beside `target` (same file system, so it can be swapped in); removed at the end
    unless it was moved into place (`swap_dir`, `place_new_dir`)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGE_MARK}", dir=target.parent))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def leftover_stages(target: Path) -> list[Path]:
    """Staging folders a killed writer left beside `target` (nothing in them was ever in place)."""
    target = Path(target)
    return sorted(target.parent.glob(f".{target.name}{STAGE_MARK}*"))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return rc == 0


def swap_dir(src: Path, dest: Path) -> None:
    """Put folder `src` at `dest` so that a reader (or a kill) sees the old folder or the new one, never a mix.

    Where the kernel can exchange two paths atomically, that is one step. Elsewhere the old folder is renamed
    aside first and the new one renamed in; if the process dies between the two renames, `recover_swap(dest)`
    (or `recover_dirs` for a folder of such folders) renames the old folder back.
    """
    src, dest = Path(src), Path(dest)
    if not src.is_dir():
        raise FileNotFoundError(f"{src}: the new folder to swap in is not there")
    if dest.exists() and _exchange(src, dest):
        shutil.rmtree(src, ignore_errors=True)  # src now holds the old folder
        return
    old = dest.with_name(f".{dest.name}{OLD_MARK}{uuid.uuid4().hex[:6]}")
    if dest.exists():
        os.replace(dest, old)
    os.replace(src, dest)
    shutil.rmtree(old, ignore_errors=True)


def move(src: Path, dest: Path) -> None:
    """Move a finished file over `dest` in one rename (same file system)."""
    os.replace(src, dest)


def place_new_dir(src: Path, dest: Path) -> None:
    """Move a complete new folder to `dest`, which must not exist (FileExistsError if it appeared meanwhile)."""
    if Path(dest).exists():
        raise FileExistsError(str(dest))
    os.rename(src, dest)


def recover_swap(dest: Path, *, drop_stages: bool = True) -> None:
    """Finish or undo a swap of `dest` that a killed process left half-done, and (unless told not to: a writer
    may be building one right now) drop its leftover stages. Call it where no other writer of `dest` can run."""
    dest = Path(dest)
    for old in sorted(dest.parent.glob(f".{dest.name}{OLD_MARK}*")):
        if dest.exists():
            shutil.rmtree(old, ignore_errors=True)  # the new folder made it: the old one is garbage
        else:
            os.replace(old, dest)  # killed between the two renames: the old folder comes back
    for stage in leftover_stages(dest) if drop_stages else []:
        shutil.rmtree(stage, ignore_errors=True)


def recover_dirs(parent: Path) -> None:
    """`recover_swap` for every folder one level below the folders of `parent` (reports: <profile>/<report>)."""
    if not Path(parent).is_dir():
        return
    for old in Path(parent).glob(f"*/.*{OLD_MARK}*"):
        recover_swap(old.with_name(old.name[1:].split(OLD_MARK)[0]), drop_stages=False)
