"""The `mgi` command line: validate profiles, keep their descriptors in step, render reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers import __version__
from helpers.paths import BadParameter, available_profiles, default_profile, find_profile, project_root



def _print_summary(profile) -> None:
    import pandas as pd

    from helpers.reports.common.counts import domain_table, table_counts

    print(f"{profile.id}: {profile.title}")
    print(f"  data v{profile.mgi['data_version']}, source sha256 {profile.mgi['source_sha256'][:12]}…")
    quotes = sum(int(df["evidence"].notna().sum()) for name, df in profile.tables.items() if "evidence" in df)
    print(f"  {quotes} evidence quotes found verbatim in {profile.mgi['source_file']}")
    print("  per table:")
    for _, r in table_counts(profile).iterrows():
        rows = "—" if pd.isna(r["rows"]) else r["rows"]
        print(f"    {r['table']:<16} {rows!s:>5}  {r['note']}")
    print("  per domain (findings by kind; instruments and COVID-19 responses naming the domain):")
    dt = domain_table(profile)
    print("    " + dt.to_string().replace("\n", "\n    "))


def cmd_validate(args) -> int:
    from helpers.errors import ProfileError
    from helpers.data.loader import load_profile

    ids = list(available_profiles()) if args.all else (args.profiles or [default_profile()])
    failed = 0
    for pid in ids:
        try:
            profile = load_profile(pid, use_cache=False)
        except ProfileError as exc:
            failed += 1
            print(exc.report(), file=sys.stderr)
            continue
        if not args.quiet:
            _print_summary(profile)
            print()
    if failed:
        print(f"mgi validate: {failed} of {len(ids)} profile(s) have problems (listed above).", file=sys.stderr)
        return 1
    print(f"mgi validate: {len(ids)} profile(s) valid.")
    return 0


def cmd_package(args) -> int:
    from helpers.data.datapackage import write_descriptor

    for pid in args.profiles or [default_profile()]:
        path = write_descriptor(find_profile(pid))
        print(f"wrote {path.relative_to(project_root()) if path.is_relative_to(project_root()) else path}")
    return 0


def cmd_codebook(args) -> int:
    from helpers.data.codebook import render_codebook

    text = render_codebook()
    if args.check:
        current = Path(args.output).read_text(encoding="utf-8") if Path(args.output).is_file() else ""
        if current != text:
            print(f"{args.output} is out of date; run: mgi codebook", file=sys.stderr)
            return 1
        return 0
    Path(args.output).write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


def cmd_export(args) -> int:
    from helpers.errors import ProfileError
    from helpers.export import ExportError, default_name, export_profile

    pid = args.profile or default_profile()
    find_profile(pid)  # an unknown id is a BadParameter listing the profiles available
    out = Path(args.out) if args.out else Path(default_name(pid, args.format))
    try:
        path = export_profile(pid, args.format, out)
    except ProfileError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"mgi export: {pid} has data problems (listed above); nothing was written.", file=sys.stderr)
        return 1
    except ExportError as exc:
        print(f"mgi export: {exc}; nothing was written.", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def cmd_list(args) -> int:
    for pid, path in available_profiles().items():
        print(f"{pid}\t{path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mgi", description="Cited tables and reports from IOM MGI country profiles.")
    p.add_argument("--version", action="version", version=f"mgi {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="check profiles completely and print what they hold")
    v.add_argument("profiles", nargs="*", metavar="PROFILE", help="profile ids (default: the one named in data/profiles/DEFAULT)")
    v.add_argument("--all", action="store_true", help="every profile found")
    v.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    v.set_defaults(func=cmd_validate)

    k = sub.add_parser("package", help="rewrite the table schemas of datapackage.json from the project schema")
    k.add_argument("profiles", nargs="*", metavar="PROFILE")
    k.set_defaults(func=cmd_package)

    c = sub.add_parser("codebook", help="write docs/codebook.md from the project schema")
    c.add_argument("--output", default=str(project_root() / "docs" / "codebook.md"))
    c.add_argument("--check", action="store_true", help="fail if the codebook is out of date")
    c.set_defaults(func=cmd_codebook)

    x = sub.add_parser("export", help="write a profile as an Excel workbook or a zip of its CSV tables",
                       description="Export a validated profile: --format xlsx writes a workbook (About, Fields, one "
                                   "sheet per table); --format csv a zip of the data package (CSVs, datapackage.json, "
                                   "source text).")
    x.add_argument("profile", nargs="?", metavar="PROFILE", help="profile id (default: the one named in "
                   "data/profiles/DEFAULT)")
    x.add_argument("--format", choices=("xlsx", "csv"), default="xlsx", help="xlsx (default) or csv (a zip)")
    x.add_argument("--out", metavar="FILE", help="file to write (default: PROFILE.xlsx or PROFILE-csv.zip here)")
    x.set_defaults(func=cmd_export)

    ls = sub.add_parser("list", help="list the profiles found")
    ls.set_defaults(func=cmd_list)

    try:
        from helpers.run.runner import add_run_parser
        add_run_parser(sub)
    except ImportError:  # pragma: no cover - the runner arrives with the reports
        pass
    try:
        from helpers.draft.scaffold import add_new_profile_parser
        add_new_profile_parser(sub)
    except ImportError:  # pragma: no cover
        pass
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BadParameter as exc:
        print(f"mgi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mgi: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head or less, which closed early
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
