"""What the analysis by language costs at import: CLI import time and index size, before and after, in one run.

    .venv/bin/python benchmarks/analysis_cost.py --before /tmp/before/desktop [--copies 2] [--limit N]

``--before`` is a checkout of the ``desktop/`` folder of the commit before the change (``git archive``); each
import runs the CLI's ``import`` with that source or with this one, on the same files: the Reuters
set (38,086 files with ``--copies 2``) and the multilingual corpus (../shared/corpus/multilingual, 8 languages).
Raw Whoosh over the same Reuters texts is timed in the same run as the peer the README's figure is a ratio to.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.corpus import write_reuters
from benchmarks.import_speed import time_whoosh

HERE = Path(__file__).resolve().parents[1] / "desktop"
CLI = "import sys; from archivist.cli import main; sys.exit(main(sys.argv[1:]))"
MULTILINGUAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "multilingual"


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def timed_import(source: Path, files: list[Path], archive: Path) -> tuple[float, int, int]:
    """Seconds, documents imported and index bytes of ``archivist import`` run from ``source``."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CLI, "--archive", str(archive), "import",
                             *map(str, files), "--json"], capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"import failed: {result.stderr[-1500:]}")
    imported = len(json.loads(result.stdout)["imported"])
    return seconds, imported, folder_size(archive / "index")


def compare(name: str, before: Path, files: list[Path], work: Path) -> None:
    rows = []
    for label, source in (("before", before), ("after", HERE)):
        archive = work / f"{name}-{label}"
        seconds, count, size = timed_import(source, files, archive)
        rows.append((label, seconds, count, size))
        shutil.rmtree(archive, ignore_errors=True)
    for label, seconds, count, size in rows:
        print(f"  {name:<13} {label:<6} {seconds:7.1f} s  {count:6d} docs  index {size / 1e6:7.1f} MB")
    (_l, s0, _c, z0), (_l2, s1, _c2, z1) = rows
    print(f"  {name:<13} after/before: import {s1 / s0:.2f}x, index size {z1 / z0:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the desktop/ folder of the earlier commit")
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="archivist-analysis-") as tmp:
        work = Path(tmp)
        multilingual = sorted(path for path in MULTILINGUAL.iterdir() if path.is_dir())
        print(f"multilingual: {sum(1 for folder in multilingual for _ in folder.iterdir())} files; "
              f"{os.cpu_count()} cores")
        compare("multilingual", args.before, multilingual, work)
        paths = write_reuters(work / "reuters", limit=args.limit, copies=args.copies)
        print(f"reuters: {len(paths)} files")
        compare("reuters", args.before, [work / "reuters"], work)
        whoosh = time_whoosh(paths, work / "whoosh")
        seconds = whoosh[0] if isinstance(whoosh, tuple) else whoosh  # (wall, CPU) since the import benchmark's change
        print(f"  raw Whoosh (StemmingAnalyzer, 1 writer) on the same texts: {seconds:.1f} s")


if __name__ == "__main__":
    main()
