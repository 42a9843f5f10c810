"""The `mgi` command line: validate profiles, keep their descriptors in step, render reports."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from helpers import __version__, atomic
from helpers.draft.pdf.errors import PdfError
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
    atomic.write_text(Path(args.output), text)
    print(f"wrote {args.output}")
    return 0


def cmd_export(args) -> int:
    from helpers.errors import ProfileError
    from helpers.export import ExportError, default_name, export_profile

    if args.all or args.profiles:
        return _export_combined(args)
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


def _export_combined(args) -> int:
    """mgi export --all | --profile ID ...: every profile asked for as one dataset (helpers.export.combined)."""
    from helpers.errors import ProfileError
    from helpers.export import ExportError, write_combined

    if args.profile:
        raise BadParameter("give profiles with --profile ID (repeatable) or --all, not as a positional id as well")
    ids = None if args.all else args.profiles
    out = Path(args.out) if args.out else Path("mgi-profiles-combined")
    try:
        paths = write_combined(ids, out, level=args.level, language=args.language)
    except ProfileError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"mgi export: {exc.profile_id} has data problems (listed above); nothing was written.",
              file=sys.stderr)
        return 1
    except ExportError as exc:
        print(f"mgi export: {exc}; nothing was written.", file=sys.stderr)
        return 1
    print(f"wrote {paths[0]}, {paths[1]} and {len(paths) - 2} Parquet files in {paths[2].parent}")
    return 0


def cmd_pdf_to_text(args) -> int:
    from helpers.draft.pdf import Options, convert_pdf

    pdf = Path(args.pdf)
    out = Path(args.output) if args.output else pdf.with_suffix(".txt")
    if out.resolve() == pdf.resolve():
        raise BadParameter(f"-o {out} would overwrite the PDF; give a .txt name.")
    if out.exists() and not args.force:
        raise BadParameter(f"{out} already exists; give another name with -o, or --force to replace it.")
    conv = convert_pdf(pdf, Options(emphasis=not args.no_emphasis, drop_running_lines=not args.keep_running_lines))
    written = [(out, conv.text)]
    if args.record:
        import json

        written.append((Path(args.record), json.dumps(conv.record, indent=2, ensure_ascii=False) + "\n"))
    for path, text in written:  # whole files or nothing: each written beside its target, then renamed
        atomic.write_text(path, text, newline="\n")
    r = conv.record
    print(f"wrote {out}: {len(conv.paragraphs)} paragraphs from {r['pages']} pages "
          f"({r['layout']['footnotes']} footnotes, {r['layout']['running_lines_removed']} running lines dropped; "
          f"{r['library']} {r['library_version']}, text sha256 {r['text_sha256'][:12]}…)")
    for warning in r.get("warnings", []):
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def cmd_list(args) -> int:
    for pid, path in available_profiles().items():
        print(f"{pid}\t{path}")
    return 0


# --- rendering reports (helpers.run) -----------------------------------------------------------------

def add_run_parsers(sub) -> None:
    r = sub.add_parser("run", help="render the reports that changed (HTML, executed notebooks, PNG charts, index, "
                                   "manifest)")
    g = r.add_mutually_exclusive_group()
    g.add_argument("--profile", action="append", dest="profiles", metavar="ID", help="profile id (repeatable)")
    g.add_argument("--all", action="store_true", help="every profile found")
    r.add_argument("--notebook", action="append", dest="notebooks", metavar="NAME",
                   help="notebook name without .ipynb (repeatable; default every notebook)")
    r.add_argument("--out", default=None, help="output folder (default reports/ in the project)")
    r.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel notebooks (default: cores)")
    r.add_argument("--timeout", type=int, default=600, help="seconds a notebook cell may run before it is stopped")
    r.add_argument("--keep-code", action="store_true", help="show the code in the HTML reports")
    r.add_argument("--force", action="store_true", help="render every report, also those that are up to date")
    r.add_argument("--shard", metavar="I/N", default=None,
                   help="render only the I-th of N parts of the jobs (split by a hash of each job; see merge-reports)")
    r.set_defaults(func=cmd_run)

    m = sub.add_parser("merge-reports", help="merge the output folders of `mgi run --shard` into one reports folder")
    m.add_argument("out", metavar="OUT", help="the reports folder to write (created if missing)")
    m.add_argument("shards", nargs="+", metavar="SHARD_DIR", help="output folders of the shards")
    m.set_defaults(func=cmd_merge_reports)


def _log(msg: str, err: bool = False) -> None:
    print(msg, file=sys.stderr if err else sys.stdout, flush=True)


def cmd_run(args) -> int:
    import errno
    import signal

    from helpers.run.registry import parse_shard, resolve_notebooks
    from helpers.run.runner import run

    profiles = list(available_profiles()) if args.all else (args.profiles or [default_profile()])
    for pid in profiles:
        find_profile(pid)  # refuses non-plain names, lists available profiles
    notebooks = resolve_notebooks(args.notebooks)
    if args.jobs < 1:
        raise BadParameter(f"--jobs must be at least 1, found {args.jobs}")
    shard = parse_shard(args.shard)
    out = Path(args.out).resolve() if args.out else project_root() / "reports"

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    try:
        return run(profiles, notebooks, out, args.jobs, args.timeout, args.keep_code, log=_log, force=args.force,
                   shard=shard)
    except OSError as exc:
        reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        _log(f"mgi run: cannot write {exc.filename or out}: {reason}. Reports already in place were left as they "
             "were; reports of this run that were not yet promoted are lost.", err=True)
        return 1


def cmd_migrate(args) -> int:
    """Bring profile folders to the current schema (today: title_es -> title_original + title_language)."""
    from helpers.data.migrate import locality, title_original
    from helpers.draft.language import detect_language

    def language_of(title: str) -> str | None:
        return detect_language(title, default=None) if args.detect else None

    failed = 0
    for target in args.profiles:
        folder = Path(target) if Path(target).is_dir() else find_profile(target)
        done = title_original(folder, language_of, args.title_language, bump=not args.no_bump)
        place = locality(folder)
        for line in done.problems + place.problems:
            print(line, file=sys.stderr)
        failed += bool(done.problems)
        for line in (done.changes + place.changes) or ["nothing to migrate"]:
            print(f"{folder.name}: {line}")
    return 1 if failed else 0


def cmd_merge_reports(args) -> int:
    from helpers.run.merge import merge_reports

    return merge_reports(Path(args.out).resolve(), [Path(s).resolve() for s in args.shards], _log)


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
    x.add_argument("--out", metavar="FILE", help="file to write (default: PROFILE.xlsx or PROFILE-csv.zip here); "
                   "with --all or --profile: the folder (default mgi-profiles-combined)")
    xg = x.add_mutually_exclusive_group()
    xg.add_argument("--all", action="store_true", help="every profile found, as one dataset: a workbook, a data "
                    "package zip with link tables, a Parquet file per table")
    xg.add_argument("--profile", action="append", dest="profiles", metavar="ID",
                    help="a profile of the combined dataset (repeatable)")
    x.add_argument("--level", choices=("national", "local"), help="with --all: only profiles of this level")
    x.add_argument("--language", metavar="CODE", help="with --all: only profiles in this language (en, es, ...)")
    x.set_defaults(func=cmd_export)

    ls = sub.add_parser("list", help="list the profiles found")
    ls.set_defaults(func=cmd_list)

    t = sub.add_parser(
        "pdf-to-text", help="the text of a profile's PDF as a person reads it, one paragraph per line",
        description="Convert a print PDF to text: columns read in order, running headers, footers and page "
                    "numbers dropped, hyphenation at line ends undone, paragraphs cut by column or page breaks "
                    "joined, footnotes as their own paragraphs. The same PDF always gives the same text.")
    t.add_argument("pdf", metavar="FILE.pdf")
    t.add_argument("-o", "--output", metavar="FILE.txt", help="where to write the text (default: FILE.txt)")
    t.add_argument("--record", metavar="FILE.json", help="also write how the text was made (library, options...)")
    t.add_argument("--force", action="store_true", help="replace an existing output file")
    t.add_argument("--no-emphasis", action="store_true", help="leave italics unmarked (default: *emphasis*)")
    t.add_argument("--keep-running-lines", action="store_true", help="keep running headers, footers, page numbers")
    t.set_defaults(func=cmd_pdf_to_text)

    mg = sub.add_parser("migrate", help="bring profile folders to the current schema (instruments.title_es -> "
                        "title_original with its title_language)")
    mg.add_argument("profiles", nargs="+", metavar="PROFILE", help="profile ids or folders")
    mg.add_argument("--title-language", metavar="CODE", help="language of the original titles (es, fr, pt...) "
                    "where the words of a title do not tell")
    mg.add_argument("--detect", action="store_true", help="name each title's language from its words "
                    "(the language files' common words), --title-language where they do not tell")
    mg.add_argument("--no-bump", action="store_true", help="keep data_version (a folder that is not released data)")
    mg.set_defaults(func=cmd_migrate)

    add_run_parsers(sub)
    add_draft_parsers(sub)
    return p


# --- drafting a new profile and reviewing the draft ------------------------------------------------------

def cmd_new_profile(args) -> int:
    from helpers.draft.scaffold import new_profile, redraft, summary_text

    if args.redraft:
        drafted, kept, stale = redraft(args.profile_id, args.source)
        print(summary_text(drafted))
        print(f"Re-drafted from {args.source}: {kept} decision(s) kept for unchanged candidates; {stale} no longer "
              "match a candidate (kept in draft/decisions.csv, not used).")
        return 0
    home = None
    if args.fictional:  # a made-up profile for tests: tests/profiles, marked fictional in its datapackage.json
        home = project_root() / "tests" / "profiles"
    drafted = new_profile(args.profile_id, args.source, country=args.country, iso3=args.iso3, year=args.year,
                          home=home, fictional=args.fictional)
    print(summary_text(drafted))
    return 0


def _draft_folder(profile_id: str) -> Path:
    from helpers.draft.review import DRAFT_DIR
    from helpers.paths import check_plain_name, profile_search_path

    check_plain_name(profile_id, "Profile id")
    for base in profile_search_path():  # a swap an accept left half-done (where no atomic exchange exists);
        atomic.recover_swap(base / profile_id, drop_stages=False)  # an accept running now keeps its stage
    path = find_profile(profile_id)
    if not (path / DRAFT_DIR).is_dir():
        raise BadParameter(f"{path} has no {DRAFT_DIR}/ folder: nothing to review (start with mgi new-profile).")
    return path


def cmd_review(args) -> int:
    from helpers.draft.review import counts_text, open_candidates, review_counts, stale_decisions

    path = _draft_folder(args.profile_id)
    if args.workbook and Path(args.workbook).exists() and not args.force and \
            Path(args.workbook).resolve() != Path(args.apply or "").resolve():
        raise BadParameter(f"{args.workbook} already exists and may hold decisions not yet applied: apply it first "
                           f"(mgi review {args.profile_id} --apply {args.workbook}), give another name, or --force.")
    if args.apply:  # first, so that --apply X --workbook X takes X's decisions, then writes X anew
        from helpers.draft.review_workbook import WorkbookRefused, apply_workbook

        try:
            done = apply_workbook(path, Path(args.apply))
        except WorkbookRefused as exc:
            print(f"mgi review {args.profile_id} --apply {args.apply}: nothing was applied:", file=sys.stderr)
            for line in exc.problems:
                print("  " + line, file=sys.stderr)
            return 1
        print(f"applied {args.apply}: {done.text()}")
    if args.workbook:
        from helpers.draft.review_workbook import write_workbook

        out = write_workbook(path, Path(args.workbook))
        print(f"wrote {out}: one sheet per table; choose accept, edit or reject in the 'decision' column, change "
              f"cells where needed, save, then: mgi review {args.profile_id} --apply {out}")
    print(counts_text(args.profile_id, review_counts(path), stale_decisions(path), open_candidates(path),
                      limit=args.open))
    return 0


def cmd_accept(args) -> int:
    from helpers.draft.review import AcceptFailed, accept, accept_text

    path = _draft_folder(args.profile_id)
    try:
        done = accept(path)
    except AcceptFailed as exc:
        print(f"mgi accept {args.profile_id}: the accepted rows do not validate; no table was changed:",
              file=sys.stderr)
        for problem in exc.problems:
            print("  " + problem.format(), file=sys.stderr)
        print(f"Edit or reject those candidates (mgi review {args.profile_id} --workbook review.xlsx, or "
              "notebooks/review_draft.ipynb), then run mgi accept again.", file=sys.stderr)
        return 1
    print(accept_text(args.profile_id, done))
    return 0


def add_draft_parsers(sub) -> None:
    p = sub.add_parser(
        "new-profile", help="start a profile folder from the published PDF or a source text, with candidate rows to review",
        description="Create data/profiles/ID/ with the source (a PDF is kept unaltered and its text written beside "
                    "it, the conversion recorded in datapackage.json and SOURCE.md; a .txt is copied unaltered), "
                    "a datapackage.json skeleton and "
                    "candidate rows for every table in draft/, found by patterns (findings, instruments, "
                    "figures, COVID-19 responses, partnerships, errata, Key sources). Never overwrites an "
                    "existing profile; a text that is not an MGI profile is refused.")
    p.add_argument("profile_id", metavar="ID", help="ISO3-YEAR, e.g. PER-2021 (year: the assessment year)")
    p.add_argument("--source", required=True, metavar="FILE.pdf|FILE.txt",
                   help="the published PDF, or the profile's text (UTF-8)")
    p.add_argument("--country", help="country name as the profile prints it (else TODO)")
    p.add_argument("--iso3", help="ISO 3166-1 alpha-3 code; must match the id")
    p.add_argument("--year", type=int, help="assessment year; must match the id")
    p.add_argument("--redraft", action="store_true",
                   help="draft an existing profile again from a corrected source text, keeping the decisions "
                        "taken on candidates that did not change")
    p.add_argument("--fictional", action="store_true",
                   help="a fictional profile for tests: written under tests/profiles/ and marked fictional")
    p.set_defaults(func=cmd_new_profile)

    r = sub.add_parser("review", help="count the draft's candidates per table: accepted, edited, rejected, open",
                       description="Counts of the review of a drafted profile (decisions in draft/decisions.csv; "
                                   "take them in notebooks/review_draft.ipynb).")
    r.add_argument("profile_id", metavar="ID")
    r.add_argument("--workbook", metavar="FILE.xlsx", help="write a review workbook: one sheet per table, a "
                   "decision drop-down per candidate, the cells with their allowed values, the passage and the rule")
    r.add_argument("--apply", metavar="FILE.xlsx", help="take the decisions and changed cells of a review workbook "
                   "(all or nothing: an invalid cell is refused naming its sheet and cell)")
    r.add_argument("--force", action="store_true", help="with --workbook: replace an existing file")
    r.add_argument("--open", type=int, default=10, metavar="N", help="list up to N open candidates per table "
                   "(default 10)")
    r.set_defaults(func=cmd_review)

    a = sub.add_parser("accept", help="write the accepted candidates into the tables, then validate",
                       description="Write every accepted or edited candidate of draft/ into the profile's tables "
                                   "(with ids; rows written by hand are kept; open candidates are not written), "
                                   "validate, and change nothing if the tables do not validate.")
    a.add_argument("profile_id", metavar="ID")
    a.set_defaults(func=cmd_accept)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BadParameter as exc:
        print(f"mgi: {exc}", file=sys.stderr)
        return 2
    except PdfError as exc:  # a PDF that cannot be converted: one line naming the file and the problem
        print(f"mgi: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("mgi: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head or less, which closed early
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
