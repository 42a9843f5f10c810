"""Writing report files safely: atomic replacement, folder swaps, a portable lock between concurrent runs."""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from importlib import metadata as importlib_metadata
from pathlib import Path

from filelock import FileLock

PACKAGES = ("pandas", "matplotlib", "papermill", "nbconvert", "nbformat", "ipykernel", "frictionless", "nbval",
            "jupyterlab", "mgi-profiles")
OLD_MARK = ".old-"  # a report folder moved aside during a swap: <dir>/.<name>.old-<id>


def atomic_write_text(path: Path, text: str) -> None:
    """Write beside the target, then rename over it: a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_bytes_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


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
    aside first and the new one renamed in; if the process dies between the two renames, `recover_dirs` (run
    under the lock before any promotion) renames the old folder back.
    """
    if dest.exists() and _exchange(src, dest):
        shutil.rmtree(src, ignore_errors=True)  # src now holds the old folder
        return
    old = dest.with_name(f".{dest.name}{OLD_MARK}{uuid.uuid4().hex[:6]}")
    if dest.exists():
        os.replace(dest, old)
    os.replace(src, dest)
    shutil.rmtree(old, ignore_errors=True)


def recover_dirs(parent: Path) -> None:
    """Finish or undo swaps that a killed run left half-done below `parent` (a folder of profile folders)."""
    if not parent.is_dir():
        return
    for old in parent.glob(f"*/.*{OLD_MARK}*"):
        name = old.name[1:].split(OLD_MARK)[0]
        target = old.with_name(name)
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)  # the new folder made it: the old one is garbage
        else:
            os.replace(old, target)  # killed between the two renames: the old report comes back


@contextmanager
def locked(lock_path: Path):
    """An exclusive lock (portable: filelock) held while a run promotes its reports or a merge writes."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(lock_path)):
        yield


def git_revision(root: Path) -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True,
                             timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    if not rev:
        return "unknown"
    return rev + ("-dirty" if dirty else "")


def package_versions() -> dict[str, str]:
    import platform

    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def remove_if_empty(path: Path) -> None:
    try:
        path.rmdir()
    except OSError:
        pass
