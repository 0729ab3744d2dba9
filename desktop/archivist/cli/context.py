"""Opening the archive a command names, and small output helpers shared by the commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from archivist.cli.progressbar import ProgressBar
from archivist.core.archive import Archive
from archivist.core.errors import NotFoundError
from archivist.core.paths import resolve_archive_dir


@contextmanager
def open_archive_for(args: argparse.Namespace) -> Iterator[Archive]:
    """The archive of ``--archive``/``ARCHIVIST_HOME``; only commands that add things create one."""
    root = resolve_archive_dir(args.archive)
    create = getattr(args, "creates_archive", False)
    if not create and not Archive.exists(root):
        raise NotFoundError(f"no archive at {root} (import something first, or give --archive DIR)")
    archive = Archive.open(root, create=create, check_index=False)
    try:
        if not getattr(args, "rebuilds_index", False):
            _check_index(archive)
        yield archive
    finally:
        archive.close()


def _check_index(archive: Archive) -> None:
    """Rebuild an index of an older version with progress, saying why (once after an upgrade: issue 15 changed
    the analysis); otherwise what ``Archive.open`` does, index what an interrupted import left out."""
    if archive.search_index.outdated():
        error_line(f"the search index was built by an older version of Archivist; rebuilding it for "
                   f"{archive.count()} document(s) (once)")
        bar = ProgressBar(label="Reindexing")
        archive.reindex(progress=bar)
        bar.finish()
    else:
        archive.repair_index()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")


def error_line(message: str) -> None:
    print(f"archivist: {message}", file=sys.stderr)
