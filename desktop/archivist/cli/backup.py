"""Commands for backup and restore: one file holding the catalogue and the originals."""

from __future__ import annotations

import argparse
from pathlib import Path

from archivist.core.archive import Archive
from archivist.core.backup import restore_backup, write_backup


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds backup and restore."""
    parser = subparsers.add_parser("backup", help="write the catalogue and originals to one file (a zip)")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.set_defaults(func=cmd_backup)

    parser = subparsers.add_parser("restore", help="restore a backup into a new archive folder")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("folder", type=Path, metavar="DIR", help="a new (or empty) folder")
    parser.set_defaults(func=cmd_restore, needs_archive=False)


def cmd_backup(args: argparse.Namespace, archive: Archive) -> int:
    report = write_backup(archive, args.file)
    print(f"backed up {report.documents} document(s) to {report.path} ({report.size / 1e6:.1f} MB)")
    return 0


def cmd_restore(args: argparse.Namespace, _archive: None) -> int:
    with restore_backup(args.file, args.folder) as archive:
        print(f"restored {archive.count()} document(s) into {args.folder}; the search index was rebuilt")
    return 0
