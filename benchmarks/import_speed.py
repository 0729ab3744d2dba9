"""Import speed: Archivist end to end through the CLI against raw Whoosh and SQLite FTS5 on the same texts.

    .venv/bin/python benchmarks/import_speed.py [--limit N] [--copies 2]

Reuters-21578 has 19,043 stories with a body; ``--copies 2`` (the default) repeats it with a marker line so
each file is new, giving ~38,000 documents. All three are timed in this one run on this machine.

Beside wall time it prints CPU time: the import's processes (the CLI, its extraction workers and its indexer,
read from /proc while they run) against raw Whoosh's own. Other programs on a shared machine stretch wall
times by whatever they happen to run; the CPU an import takes is far less disturbed by them.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.archives import archivist_exe
from benchmarks.corpus import write_reuters

CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _descendants(root: int) -> list[int]:
    """``root`` and every process under it (Linux /proc), the forkserver's children included."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _cpu_seconds(pid: int) -> float | None:
    """User + system time of ``pid`` itself (its children are counted on their own: the forkserver reaps the
    workers, and counting what it has reaped would count them twice)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def _system_seconds(pid: int) -> float:
    """The kernel's share of ``_cpu_seconds`` (stime): on this machine's ext4 creating files after many were
    deleted costs the creator kernel time that moves between runs by seconds."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[12]) / CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return 0.0


def _role(pid: int, root: int) -> str:
    """What an import's process is: the CLI (the importer), a process it started (the forkserver), or one the
    forkserver started (extraction workers and the indexer look alike from outside)."""
    if pid == root:
        return "importer"
    try:
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return "child"
    return "forkserver" if parent == root else "child"


def cli_import_cpu(folder: Path, archive: Path) -> tuple[float, float | None, dict[str, int]]:
    """``archivist import folder --json`` end to end: wall seconds, CPU seconds of all its processes (None
    where /proc is missing; what a process spends after the last look, at most 0.1 s, is missed), counts."""
    seen: dict[int, float] = {}
    roles: dict[int, str] = {}
    system: dict[int, float] = {}
    # files, not pipes: nothing reads a pipe while the import runs, and a full one would stop it
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen([archivist_exe(), "--archive", str(archive), "import", str(folder), "--json"],
                                   stdout=out, stderr=err, text=True)
        while process.poll() is None:
            if Path("/proc").is_dir():
                for pid in _descendants(process.pid):
                    cpu = _cpu_seconds(pid)
                    if cpu is not None:
                        seen[pid] = max(cpu, seen.get(pid, 0.0))
                        system[pid] = max(_system_seconds(pid), system.get(pid, 0.0))
                        roles.setdefault(pid, _role(pid, process.pid))
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode not in (0, 1) or not stdout.strip():  # 1: some files had errors
        sys.exit(f"archivist import failed ({process.returncode}): {stderr.strip()[-2000:]}")
    data = json.loads(stdout)
    counts = {key: len(data[key]) for key in ("imported", "duplicates", "errors")}
    if seen:
        # which process took the CPU: with 2 cores the indexer needs one and everything else must fit the other
        parts = sorted(((cpu, system[pid], roles[pid]) for pid, cpu in seen.items() if cpu >= 0.05), reverse=True)
        print("CPU by process (of which kernel): "
              + ", ".join(f"{role} {cpu:.1f} s ({kernel:.1f})" for cpu, kernel, role in parts))
    return elapsed, (sum(seen.values()) if seen else None), counts


def time_whoosh(paths: list[Path], folder: Path) -> tuple[float, float]:
    """The baseline: the same texts read from the same files into a stemming index with one writer (wall and
    CPU seconds)."""
    started, cpu = time.perf_counter(), time.process_time()
    schema = Schema(path=ID(stored=True, unique=True), title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
                    body=TEXT(analyzer=StemmingAnalyzer()))
    folder.mkdir()
    index = whoosh_index.create_in(str(folder), schema)
    writer = index.writer(limitmb=256)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        writer.add_document(path=str(path), title=text.split("\n", 1)[0], body=text)
    writer.commit()
    return time.perf_counter() - started, time.process_time() - cpu


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
        print(f"load average before: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")
        archivist, archivist_cpu, counts = cli_import_cpu(work / "files", work / "archive")
        whoosh, whoosh_cpu = time_whoosh(paths, work / "whoosh")
        fts5 = time_fts5(paths, work / "fts5.sqlite")
        print(f"archivist import (CLI, end to end): {archivist:8.1f} s  {len(paths) / archivist:7.0f} docs/s  {counts}")
        print(f"raw Whoosh (StemmingAnalyzer, 1 writer): {whoosh:8.1f} s  {len(paths) / whoosh:7.0f} docs/s")
        print(f"SQLite FTS5 (porter):               {fts5:8.1f} s  {len(paths) / fts5:7.0f} docs/s")
        print(f"ratio archivist / raw Whoosh: {archivist / whoosh:.2f}x   archivist / FTS5: {archivist / fts5:.1f}x")
        if archivist_cpu is not None:
            print(f"CPU: archivist {archivist_cpu:.1f} s (all its processes), raw Whoosh {whoosh_cpu:.1f} s; "
                  f"ratio {archivist_cpu / whoosh_cpu:.2f}x")
        print(f"load average after: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
