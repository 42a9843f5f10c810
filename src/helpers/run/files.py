"""Writing report files safely: atomic replacement, folder swaps, a portable lock between concurrent runs."""

from __future__ import annotations

import hashlib
import subprocess
from contextlib import contextmanager
from importlib import metadata as importlib_metadata
from pathlib import Path

from filelock import FileLock

# the one atomic-write module (helpers.atomic); re-exported here for the runner, the merge and the index
from helpers.atomic import OLD_MARK, recover_dirs, swap_dir  # noqa: F401
from helpers.atomic import write_text as atomic_write_text  # noqa: F401

PACKAGES = ("pandas", "matplotlib", "papermill", "nbconvert", "nbformat", "ipykernel", "frictionless", "nbval",
            "jupyterlab", "mgi-profiles")


def sha256_bytes_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


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
