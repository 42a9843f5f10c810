"""The CSV export: the profile's data package as it is (CSVs, datapackage.json, source text and its notice).

Files are copied byte for byte, so the unpacked folder validates with `frictionless validate datapackage.json`
and every quote is still checked against the source text. The zip is deterministic: fixed member dates and
permissions, members in a fixed order.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from helpers.data.datapackage import DESCRIPTOR
from helpers.data.loader import Profile
from helpers.export.content import SOURCE_NOTICE
from helpers.export.files import atomic_output, write_bytes_atomic

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def package_files(profile: Profile) -> list[Path]:
    """The files of the data package, in order: descriptor, every resource it lists, the source notice."""
    names = [DESCRIPTOR] + [r["path"] for r in profile.metadata.get("resources", []) if isinstance(r.get("path"), str)]
    if (profile.path / SOURCE_NOTICE).is_file():
        names.append(SOURCE_NOTICE)
    seen, out = set(), []
    for n in names:
        p = profile.path / n
        if n not in seen and p.is_file():
            seen.add(n)
            out.append(p)
    return out


def zip_bytes(profile: Profile) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for p in package_files(profile):
            info = zipfile.ZipInfo(f"{profile.id}/{p.name}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, p.read_bytes())
    return buf.getvalue()


def write_csv_zip(profile: Profile, target: Path) -> Path:
    """The data package as one zip (a folder named after the profile), written atomically."""
    data = zip_bytes(profile)
    with atomic_output(Path(target)) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def copy_package(profile: Profile, folder: Path) -> list[Path]:
    """The data package's files copied into folder (each replaced atomically), for reports to link to; a file
    left there by an earlier version of the package (a renamed source text, say) is removed."""
    written = [write_bytes_atomic(folder / p.name, p.read_bytes()) for p in package_files(profile)]
    for old in folder.iterdir():
        if old.is_file() and old not in written and not old.name.startswith("."):
            old.unlink(missing_ok=True)
    return written
