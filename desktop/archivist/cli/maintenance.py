"""Commands that look after the archive: reindex, check [--repair], log."""

from __future__ import annotations

import argparse

from archivist.cli.context import add_json_flag, error_line, print_json
from archivist.cli.progressbar import ProgressBar
from archivist.core.archive import Archive
from archivist.core.check import CheckReport
from archivist.core.ingest.log import ImportLog, RunSummary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("reindex", help="rebuild the search index from the catalogue")
    parser.set_defaults(func=cmd_reindex, rebuilds_index=True)  # no rebuild on opening: this command does it

    parser = subparsers.add_parser("check", help="verify catalogue, stored originals and index agree")
    parser.add_argument("--repair", action="store_true", help="fix what can be fixed and list the rest")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_check)

    parser = subparsers.add_parser("log", help="what past imports did with each file")
    parser.add_argument("--run", type=int, metavar="N", help="the entries of import run N (default: the newest)")
    parser.add_argument("--errors", action="store_true", help="only the files that could not be imported")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_log)


def cmd_reindex(args: argparse.Namespace, archive: Archive) -> int:
    bar = ProgressBar(label="Reindexing")
    count = archive.reindex(progress=bar)
    bar.finish()
    print(f"reindexed {count} document(s)")
    return 0


def cmd_check(args: argparse.Namespace, archive: Archive) -> int:
    """Exit 0 when the archive is consistent (after repairs, with --repair), 1 when a problem remains."""
    report = archive.check(repair=args.repair)
    if args.json:
        print_json(report.to_json())
    else:
        print(_check_summary(report))
    for problem in report.unfixed:
        error_line(f"{problem.kind}: {problem.detail}")
    return 0 if report.ok else 1


def _check_summary(report: CheckReport) -> str:
    checked = (f"checked {report.documents} document(s), {report.files} original(s), "
               f"{report.index_entries} index entr{'y' if report.index_entries == 1 else 'ies'}")
    if not report.problems:
        return f"{checked}: consistent"
    fixed = [problem for problem in report.problems if problem.fixed]
    lines = [f"{checked}: {len(report.problems)} problem(s), {len(fixed)} repaired"]
    lines += [f"  repaired {problem.kind}: {problem.detail}" for problem in fixed[:50]]
    if len(fixed) > 50:
        lines.append(f"  … and {len(fixed) - 50} more repaired")
    if report.unfixed and not report.repaired:
        lines.append("run `archivist check --repair` to fix what can be fixed")
    return "\n".join(lines)


def cmd_log(args: argparse.Namespace, archive: Archive) -> int:
    log = archive.import_log(args.run, errors_only=args.errors)
    if args.json:
        print_json(log.to_json())
    else:
        print(_log_text(log, args.run is not None))
    return 0


def _log_text(log: ImportLog, one_run: bool) -> str:
    if not log.runs:
        return "no imports yet"
    runs = [run for run in log.runs if run.id == log.run_id] if one_run else log.runs[:20]
    lines = [_run_line(run) for run in runs]
    if log.run_id is not None:
        lines.append(f"run {log.run_id}:")
        lines += [f"  {entry.status:<9} {entry.path}" + (f": {entry.message}" if entry.message else "")
                  for entry in log.entries]
    return "\n".join(lines)


def _run_line(run: RunSummary) -> str:
    started = run.started_at.isoformat(sep=" ", timespec="seconds")
    return (f"{run.id:>5}  {started}  {run.state:<11} imported {run.imported}, duplicates {run.duplicates}, "
            f"errors {run.errors}  ({', '.join(run.sources)[:80]})")
