"""Large benchmark archives (38k, 100k documents), built once through the CLI and kept between runs.

    .venv/bin/python benchmarks/archives.py 38000 100000     # build (or reuse) these archives

They live under ``$ARCHIVIST_BENCH_DIR`` (default ``~/.cache/archivist-bench``), one folder per size:
``files-<size>/`` holds the Reuters stories as ``.txt`` files (the corpus repeated with a marker line, so each
copy is a new document with a new id), ``archive-<size>/`` the archive imported from them. An archive built by
an older schema is rebuilt; a half-built one (no ``complete`` marker) too.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from filelock import FileLock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.corpus import reuters_stories, write_reuters

STORIES = 19_043  # Reuters-21578 stories with a body


def bench_dir() -> Path:
    return Path(os.environ.get("ARCHIVIST_BENCH_DIR", Path.home() / ".cache" / "archivist-bench"))


def bench_files(size: int) -> list[Path]:
    """``size`` story files (written on first use)."""
    folder = bench_dir() / f"files-{size}"
    bench_dir().mkdir(parents=True, exist_ok=True)
    with FileLock(str(bench_dir() / f"files-{size}.lock")):
        return _write_files(folder, size)


def _write_files(folder: Path, size: int) -> list[Path]:
    marker = folder / ".complete"
    if marker.is_file():
        return sorted(path for path in folder.iterdir() if path.suffix == ".txt")
    shutil.rmtree(folder, ignore_errors=True)
    paths = write_reuters(folder, limit=size, copies=math.ceil(size / STORIES))
    marker.write_text(str(len(paths)), encoding="ascii")
    return sorted(paths)


def bench_texts(size: int) -> list[str]:
    """The texts of the ``size`` story files, as written (for the FTS5 and raw-Whoosh baselines)."""
    return [path.read_text(encoding="utf-8") for path in bench_files(size)]


def archivist_exe() -> str:
    return str(Path(sys.executable).with_name("archivist"))


def cli_import(folder: Path, archive: Path) -> tuple[float, dict[str, int]]:
    """``archivist import folder --json`` end to end: seconds, and how many imported, duplicates, errors."""
    started = time.perf_counter()
    result = subprocess.run([archivist_exe(), "--archive", str(archive), "import", str(folder), "--json"],
                            capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1) or not result.stdout.strip():  # 1: some files had errors
        sys.exit(f"archivist import failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    data = json.loads(result.stdout)
    return elapsed, {key: len(data[key]) for key in ("imported", "duplicates", "errors")}


def bench_archive(size: int, quiet: bool = False) -> Path:
    """An archive of ``size`` Reuters documents, imported through the CLI (built on first use)."""
    archive = bench_dir() / f"archive-{size}"
    bench_dir().mkdir(parents=True, exist_ok=True)
    with FileLock(str(bench_dir() / f"archive-{size}.lock")):  # two benchmarks may ask at once
        return _build(archive, size, quiet)


def _build(archive: Path, size: int, quiet: bool) -> Path:
    marker = archive / ".bench-complete"
    if marker.is_file():
        return archive
    files = bench_files(size)
    shutil.rmtree(archive, ignore_errors=True)
    if not quiet:
        print(f"building a {size}-document archive in {archive} (once; kept for later runs)", flush=True)
    seconds, _counts = cli_import(files[0].parent, archive)
    marker.write_text(f"{seconds:.1f}", encoding="ascii")
    if not quiet:
        print(f"  built in {seconds:.0f} s", flush=True)
    return archive


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [38_000, 100_000]
    for size in sizes:
        print(bench_archive(size))


__all__ = ["bench_archive", "bench_dir", "bench_files", "bench_texts", "cli_import", "reuters_stories"]

if __name__ == "__main__":
    main()
