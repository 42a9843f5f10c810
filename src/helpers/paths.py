"""Where things are, resolved from the project root, never from the working directory.

papermill and nbval start kernels in different folders; every path the project uses goes through here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# a national profile 'PER-2021'; a local (city or province) profile may add the place: 'COL-BOGOTA-2022'
PROFILE_ID = re.compile(r"^[A-Z]{3}(?:-[A-Z][A-Z0-9]{1,15})?-\d{4}$")
PLAIN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def project_root() -> Path:
    env = os.environ.get("MGI_HOME")
    return Path(env).resolve() if env else Path(__file__).resolve().parents[2]


def profiles_home() -> Path:
    return project_root() / "data" / "profiles"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def profile_search_path() -> list[Path]:
    """The shipped profiles, then any folders listed in MGI_PROFILE_PATH (os.pathsep-separated)."""
    extra = [Path(p).resolve() for p in os.environ.get("MGI_PROFILE_PATH", "").split(os.pathsep) if p.strip()]
    return [profiles_home()] + extra


def default_profile() -> str:
    """The profile a command uses when none is named: data/profiles/DEFAULT (data, not code, decides it)."""
    f = profiles_home() / "DEFAULT"
    named = f.read_text(encoding="utf-8").strip() if f.is_file() else ""
    if named:
        return named
    profiles = available_profiles()
    if len(profiles) == 1:
        return next(iter(profiles))
    raise BadParameter(f"No default profile ({f} is missing): name one of {', '.join(profiles) or 'none'}")


def available_profiles() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for base in profile_search_path():
        if not base.is_dir():
            continue
        for d in sorted(base.iterdir()):
            if (d / "datapackage.json").is_file() and d.name not in found:
                found[d.name] = d
    return found


class BadParameter(ValueError):
    """A parameter a person typed that cannot be used; the message lists what can."""


def check_plain_name(value: str, what: str) -> str:
    """Refuse anything that could walk out of a folder: separators, '..', absolute paths."""
    if not isinstance(value, str) or not PLAIN_NAME.match(value) or ".." in value:
        raise BadParameter(
            f"{what} {value!r} is not a plain name: use letters, digits, '-', '_' or '.', "
            "without '/', '\\' or '..'")
    return value


def find_profile(profile_id: str) -> Path:
    profiles = available_profiles()
    try:
        check_plain_name(profile_id, "Profile id")
    except BadParameter as exc:
        raise BadParameter(f"{exc}. Profiles available: {', '.join(profiles) or 'none'}") from None
    if profile_id not in profiles:
        listed = ", ".join(profiles) or "none"
        raise BadParameter(f"Unknown profile {profile_id!r}. Profiles available: {listed}. "
                           f"(Searched: {', '.join(str(p) for p in profile_search_path())})")
    return profiles[profile_id]
