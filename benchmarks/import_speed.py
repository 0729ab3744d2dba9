"""Import speed: Archivist end to end through the CLI against raw Whoosh and SQLite FTS5 on the same texts.

    .venv/bin/python benchmarks/import_speed.py [--limit N] [--copies 2]

Reuters-21578 has 19,043 stories with a body; ``--copies 2`` (the default) repeats it with a marker line so
each file is new, giving ~38,000 documents. All three are timed in this one run on this machine.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.archives import cli_import
from benchmarks.corpus import write_reuters


def time_whoosh(paths: list[Path], folder: Path) -> float:
    """The baseline: the same texts read from the same files into a stemming index with one writer."""
    started = time.perf_counter()
    schema = Schema(path=ID(stored=True, unique=True), title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
                    body=TEXT(analyzer=StemmingAnalyzer()))
    folder.mkdir()
    index = whoosh_index.create_in(str(folder), schema)
    writer = index.writer(limitmb=256)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        writer.add_document(path=str(path), title=text.split("\n", 1)[0], body=text)
    writer.commit()
    return time.perf_counter() - started


def time_fts5(paths: list[Path], database: Path) -> float:
    started = time.perf_counter()
    connection = sqlite3.connect(database)
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
    with connection:
        connection.executemany(
            "INSERT INTO docs(title, body) VALUES (?, ?)",
            ((text.split("\n", 1)[0], text) for text in (path.read_text(encoding="utf-8") for path in paths)),
        )
    connection.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--copies", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="archivist-bench-") as tmp:
        work = Path(tmp)
        paths = write_reuters(work / "files", limit=args.limit, copies=args.copies)
        megabytes = sum(path.stat().st_size for path in paths) / 1e6
        print(f"corpus: {len(paths)} files, {megabytes:.1f} MB (Reuters-21578 x{args.copies}); {os.cpu_count()} cores")
        archivist, counts = cli_import(work / "files", work / "archive")
        whoosh = time_whoosh(paths, work / "whoosh")
        fts5 = time_fts5(paths, work / "fts5.sqlite")
        print(f"archivist import (CLI, end to end): {archivist:8.1f} s  {len(paths) / archivist:7.0f} docs/s  {counts}")
        print(f"raw Whoosh (StemmingAnalyzer, 1 writer): {whoosh:8.1f} s  {len(paths) / whoosh:7.0f} docs/s")
        print(f"SQLite FTS5 (porter):               {fts5:8.1f} s  {len(paths) / fts5:7.0f} docs/s")
        print(f"ratio archivist / raw Whoosh: {archivist / whoosh:.2f}x   archivist / FTS5: {archivist / fts5:.1f}x")


if __name__ == "__main__":
    main()
