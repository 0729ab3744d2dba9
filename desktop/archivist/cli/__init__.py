"""The ``archivist`` command: the same core the GUI uses, driven from the shell.

Each command lives in a module of this package that exposes ``register(subparsers)``; the command's
function takes the parsed arguments and an open Archive and returns the exit status.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from archivist import __version__
from archivist.cli import (
    backup,
    citations,
    claims,
    compare,
    documents,
    edit,
    highlights,
    maintenance,
    ocr,
    search,
    team,
)
from archivist.cli.context import open_archive_for
from archivist.core.errors import ArchivistError

COMMAND_MODULES = [documents, search, highlights, citations, edit, compare, maintenance, backup, team, claims, ocr]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archivist",
        description="Archivist: an offline research archive. Import, search, highlight and cite your sources.",
    )
    parser.add_argument("--version", action="version", version=f"Archivist {__version__}")
    parser.add_argument("--archive", metavar="DIR", help="the archive folder (default: $ARCHIVIST_HOME or "
                        "the per-user data folder)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for module in COMMAND_MODULES:
        module.register(subparsers)
    gui = subparsers.add_parser("gui", help="open the desktop application")
    gui.set_defaults(func=None, needs_archive=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr,
                        format="%(name)s: %(message)s")
    if args.command == "gui":
        from archivist.gui.app import main as gui_main

        return gui_main(["--archive", args.archive] if args.archive else [])
    try:
        if not getattr(args, "needs_archive", True):
            return int(args.func(args, None))
        with open_archive_for(args) as archive:
            return int(args.func(args, archive))
    except ArchivistError as error:
        print(f"archivist: {error}", file=sys.stderr)
        return EXIT_PARTIAL
    except BrokenPipeError:  # `archivist list | head`: the reader went away, which is not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("archivist: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
