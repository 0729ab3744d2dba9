"""PDF import speed in pages per second over the TeX manuals (Debian's texlive-latex-base-doc, ~270 PDFs).

    .venv/bin/python benchmarks/pdf_speed.py [--compare-pages 600] [--no-import]

In this one run: (a) ``archivist import --json`` of all the manuals end to end through the CLI (worker processes,
so every core is used), (b) single-process text extraction of a fixed sample of them with pypdf, the method used
before PDFium, and with today's extractor. The manuals come from /usr/share/doc/texlive-doc when the package is
installed, else from its .deb, fetched once with ``apt-get download`` (no root needed) into
``$ARCHIVIST_BENCH_DIR/texlive-latex-base-doc/`` and unpacked there.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.archives import bench_dir, cli_import

PACKAGE = "texlive-latex-base-doc"
INSTALLED = Path("/usr/share/doc/texlive-doc/latex/base")


def manuals() -> list[Path]:
    """The package's PDFs: the installed ones, else those of its .deb (downloaded and unpacked once)."""
    if any(INSTALLED.glob("*.pdf")):
        listing = subprocess.run(["dpkg-query", "-L", PACKAGE], capture_output=True, text=True, check=True).stdout
        return sorted(Path(line) for line in listing.splitlines() if line.endswith(".pdf") and Path(line).is_file())
    folder = bench_dir() / PACKAGE
    root = folder / "root"
    if not (root / ".complete").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        if not list(folder.glob(f"{PACKAGE}_*.deb")):
            subprocess.run(["apt-get", "download", PACKAGE], cwd=folder, check=True)
        deb = max(folder.glob(f"{PACKAGE}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        (root / ".complete").touch()
    return sorted(root.glob("**/*.pdf"))


def page_counts(paths: list[Path]) -> dict[Path, int]:
    """Pages per PDF as pypdf counts them, cached: pypdf walks every page tree, half a minute for these."""
    cache = bench_dir() / PACKAGE / "pages.json"
    known = json.loads(cache.read_text()) if cache.is_file() else {}
    counts: dict[Path, int] = {}
    for path in paths:
        key = f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}"
        counts[path] = known[key] if key in known else len(PdfReader(path).pages)
        known[key] = counts[path]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(known))
    return counts


def linked_folder(paths: list[Path], folder: Path) -> Path:
    """A folder holding only the PDFs (the package also has sources and READMEs), as links."""
    folder.mkdir()
    for number, path in enumerate(paths):
        (folder / f"{number:03d}-{path.name}").symlink_to(path)
    return folder


def pypdf_text(path: Path) -> int:
    """Text as pdf.py read it before PDFium: pypdf's extract_text page by page, normalised the same way."""
    from archivist.core.extract.pdf import normalise_page

    reader = PdfReader(path)
    if reader.is_encrypted:
        reader.decrypt("")
    return sum(len(normalise_page(page.extract_text() or "")) for page in reader.pages)


def pdfium_extract(path: Path) -> int:
    """Today's extractor: page text and labels through PDFium, metadata through PDFium and pypdf."""
    from archivist.core.extract.pdf import extract

    return len(extract(path).text)


def pdfium_text_only(path: Path) -> int:
    from archivist.core.extract.pdfium_text import read_pages

    return sum(len(text) for text in read_pages(path).texts)


def sample(counts: dict[Path, int], pages: int) -> list[Path]:
    """Files in a fixed random order until they hold ``pages`` pages: short news sheets and long sources alike."""
    order = sorted(counts)
    random.Random(1).shuffle(order)
    chosen: list[Path] = []
    total = 0
    for path in order:
        if total >= pages:
            break
        chosen.append(path)
        total += counts[path]
    return chosen


def time_reading(methods: list[Callable[[Path], int]], paths: list[Path]) -> list[float]:
    """Seconds each method takes over ``paths``; they take turns file by file, so a busy machine slows all alike."""
    seconds = [0.0] * len(methods)
    for path in paths:
        for number, read in enumerate(methods):
            started = time.perf_counter()
            read(path)
            seconds[number] += time.perf_counter() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare-pages", type=int, default=600, help="pages in the single-process sample")
    parser.add_argument("--no-import", action="store_true", help="skip the CLI import")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # pypdf's notes about fonts it works around
    paths = manuals()
    counts = page_counts(paths)
    pages = sum(counts.values())
    megabytes = sum(path.stat().st_size for path in paths) / 1e6
    print(f"corpus: {len(paths)} PDFs, {pages} pages, {megabytes:.0f} MB ({PACKAGE}); {os.cpu_count()} cores")
    if not args.no_import:
        with tempfile.TemporaryDirectory(prefix="archivist-bench-") as tmp:
            seconds, outcome = cli_import(linked_folder(paths, Path(tmp) / "pdfs"), Path(tmp) / "archive")
        print(f"archivist import (CLI, end to end, all cores): {seconds:6.1f} s  {pages / seconds:6.0f} pages/s  "
              f"{outcome}")
    chosen = sample(counts, args.compare_pages)
    chosen_pages = sum(counts[path] for path in chosen)
    print(f"single process, same {len(chosen)} PDFs ({chosen_pages} pages):")
    old, new, text_only = time_reading([pypdf_text, pdfium_extract, pdfium_text_only], chosen)
    print(f"  old: pypdf page text                   {old:6.1f} s  {chosen_pages / old:6.0f} pages/s")
    print(f"  new: the PDF extractor (PDFium text)   {new:6.1f} s  {chosen_pages / new:6.0f} pages/s  "
          f"({old / new:.1f}x the old)")
    print(f"       of which PDFium text alone        {text_only:6.1f} s  {chosen_pages / text_only:6.0f} pages/s")


if __name__ == "__main__":
    main()
