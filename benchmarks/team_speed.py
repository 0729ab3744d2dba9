"""Team archives (issue 19): import into PostgreSQL beside SQLite, a member's catch-up, search p95 on both.

    .venv/bin/python benchmarks/team_speed.py [--limit 10000] [--rounds 3]

Starts a throwaway PostgreSQL (as the team tests do), then, on the first ``--limit`` Reuters stories
(benchmarks/archives.py; the full news set is 38,086 files, ``--limit`` keeps the run short):

* import: ``archivist import`` end to end through the CLI into a local SQLite archive, and into member A's
  folder of a team catalogue on PostgreSQL with a shared store; the figure is PostgreSQL / SQLite;
* catch-up: member B connected before A imported; the time B's index takes to apply A's changes
  (``Archive.follow_changes``, what any command or the window does first), beside a full ``reindex`` of B;
* search: p95 of the search benchmark's 35 queries (top 20, snippets, warm) on the SQLite archive and on B.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.team.postgres_server import PASSWORD, Server, start_server

from archivist.core.archive import Archive
from benchmarks.archives import archivist_exe, bench_dir, bench_files, cli_import
from benchmarks.search_speed import QUERIES, percentile


def files_folder(limit: int) -> Path:
    """A folder of exactly ``limit`` story files (symlinks into the benchmark's cached files)."""
    folder = bench_dir() / f"team-files-{limit}"
    if not folder.is_dir() or len(list(folder.iterdir())) != limit:
        folder.mkdir(parents=True, exist_ok=True)
        for path in bench_files(limit)[:limit]:
            link = folder / path.name
            if not link.exists():
                link.symlink_to(path)
    return folder


def connect(server: Server, database: str, root: Path, store: Path | None = None) -> None:
    extra = ["--store", str(store)] if store is not None else []
    subprocess.run([archivist_exe(), "--archive", str(root), "connect", server.url(database), *extra],
                   check=True, capture_output=True)


def search_p95(archive: Archive, rounds: int) -> float:
    for query in QUERIES:
        archive.search(query)  # warm: the benchmark's "warm" figure
    times = [archive.search(query).took_ms for _round in range(rounds) for query in QUERIES]
    return percentile(times, 95)


def run(limit: int, rounds: int) -> None:
    folder = files_folder(limit)
    server = start_server()
    os.environ["PGPASSWORD"] = PASSWORD
    try:
        with TemporaryDirectory(prefix="archivist-team-bench-") as scratch:
            work = Path(scratch)
            database = server.new_database()
            connect(server, database, work / "a", work / "store")
            connect(server, database, work / "b")
            sqlite_seconds, sqlite_counts = cli_import(folder, work / "local")
            team_seconds, team_counts = cli_import(folder, work / "a")
            print(f"import of {limit:,} Reuters files through the CLI (--limit {limit}; the news set is 38,086):")
            print(f"  SQLite      {sqlite_seconds:7.1f} s  {limit / sqlite_seconds:6.0f} files/s  {sqlite_counts}")
            print(f"  PostgreSQL  {team_seconds:7.1f} s  {limit / team_seconds:6.0f} files/s  {team_counts}")
            print(f"  PostgreSQL / SQLite: {team_seconds / sqlite_seconds:.2f}x")

            with Archive.open(work / "b", check_index=False) as member:
                started = time.perf_counter()
                report = member.follow_changes()
                catch_up = time.perf_counter() - started
                assert report is not None and len(report.indexed) == team_counts["imported"], "B missed documents"
                started = time.perf_counter()
                member.reindex()
                rebuild = time.perf_counter() - started
                count = len(report.indexed)
                size = sum(path.stat().st_size for path in member.search_index.folder.rglob("*") if path.is_file())
                print(f"member B's index catching up with the {count:,} documents A imported: {catch_up:.1f} s "
                      f"({count / catch_up:.0f} documents/s); a full reindex of B: {rebuild:.1f} s "
                      f"(catch-up / reindex {catch_up / rebuild:.2f}x); B's index: {size / 1e6:.0f} MB")
                team_p95 = search_p95(member, rounds)
            with Archive.open(work / "local") as local:
                local_p95 = search_p95(local, rounds)
            print(f"search p95, {len(QUERIES)} queries x {rounds}, top 20 with snippets, warm: "
                  f"SQLite {local_p95:.1f} ms, team member {team_p95:.1f} ms ({team_p95 / local_p95:.2f}x)")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=10_000, help="how many news files (default 10,000)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    run(args.limit, args.rounds)


if __name__ == "__main__":
    main()
