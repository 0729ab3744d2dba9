"""Commands that look after the archive: reindex."""

from __future__ import annotations

import argparse

from archivist.cli.progressbar import ProgressBar
from archivist.core.archive import Archive


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("reindex", help="rebuild the search index from the catalogue")
    parser.set_defaults(func=cmd_reindex)


def cmd_reindex(args: argparse.Namespace, archive: Archive) -> int:
    bar = ProgressBar(label="Reindexing")
    count = archive.reindex(progress=bar)
    bar.finish()
    print(f"reindexed {count} document(s)")
    return 0
