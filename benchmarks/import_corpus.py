"""Import every real PDF, DOCX and EPUB of ../shared/corpus: counts per corpus (imported / errors by kind) and
the slowest files.

    .venv/bin/python benchmarks/import_corpus.py [--seconds N]

Each corpus is imported into a fresh archive through ``Archive.import_paths`` (worker processes, limits and
all); the per-file read times come from the same worker pool the importer uses.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from archivist.core.archive import Archive
from archivist.core.extract.limits import Limits
from archivist.core.ingest.workers import ExtractionPool

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPORA = ["pdf/pypdf-sample-files", "pdf/pypdf-resources", "pdf/pdfminer-samples", "docx/python-docx",
           "docx/mammoth", "epub/standardebooks"]
SUFFIXES = {".pdf", ".docx", ".epub"}


def error_kind(message: str) -> str:
    """An error message without its file-specific detail ("damaged PDF: xref 12" -> "damaged PDF")."""
    return re.split(r"[:(;]", message, maxsplit=1)[0].strip()


def corpus_files(name: str) -> list[Path]:
    return sorted(path for path in (CORPUS / name).rglob("*") if path.suffix.lower() in SUFFIXES)


def import_corpus(name: str, limits: Limits) -> tuple[int, Counter[str], int, float]:
    files = corpus_files(name)
    with tempfile.TemporaryDirectory() as folder, Archive.open(Path(folder) / "archive") as archive:
        archive.import_limits = limits
        started = time.monotonic()
        result = archive.import_paths(files)
        seconds = time.monotonic() - started
        assert archive.check().ok
    errors = Counter(error_kind(item.error) for item in result.errors)
    return len(result.imported), errors, len(result.duplicates), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=Limits().seconds, help="per-file time limit")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    limits = Limits(seconds=args.seconds)
    for name in CORPORA:
        imported, errors, duplicates, seconds = import_corpus(name, limits)
        total = imported + duplicates + sum(errors.values())
        print(f"{name}: {total} files, imported {imported}, duplicates {duplicates}, "
              f"errors {sum(errors.values())} in {seconds:.1f} s")
        for kind, count in errors.most_common():
            print(f"    {count:>3}  {kind}")
    timings: list[tuple[float, str]] = []
    all_files = [path for name in CORPORA for path in corpus_files(name)]
    with ExtractionPool[Path](limits) as pool:
        for path, outcome in pool.read(all_files, lambda path: path):
            timings.append((outcome.seconds, str(path.relative_to(CORPUS))))
    print("slowest files (read time in a worker):")
    for seconds, name in sorted(timings, reverse=True)[:5]:
        print(f"    {seconds:6.2f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
