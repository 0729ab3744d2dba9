"""Opening the archive a command names, and small output helpers shared by the commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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
    archive = Archive.open(root, create=create)
    try:
        yield archive
    finally:
        archive.close()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")


def error_line(message: str) -> None:
    print(f"archivist: {message}", file=sys.stderr)
