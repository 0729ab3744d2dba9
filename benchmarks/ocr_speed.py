"""OCR speed (issue 14): pages per second for a 50-page scan imported through Archivist, beside Tesseract run
directly on the same page images, in the same run.

    .venv/bin/python benchmarks/ocr_speed.py [--pages 50]

The scan is an image-only PDF made by rasterising the first pages of a real PDF from the shared corpus
(GeoTopo-komprimiert.pdf, a 117-page pdfLaTeX book). Archivist's figure is the whole import: cataloguing, the
script detection (OSD) on the first page, rendering every page at 300 dpi and Tesseract on both cores. The
peers are the ``tesseract`` program on the 300-dpi page images Archivist reads (rendered beforehand, outside the
timing) with the same options: two processes at a time with one thread each (as Archivist runs it), and one
process at a time with Tesseract's own threads.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.core.scans import image_only_pdf

from archivist.core.archive import Archive
from archivist.core.ingest import tesseract
from archivist.core.ingest.page_images import page_image

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf" / "pypdf-sample-files" \
    / "009-pdflatex-geotopo" / "GeoTopo-komprimiert.pdf"
ARGUMENTS = ["-l", "eng", "--psm", "3", "--dpi", "300", "tsv"]


def tesseract_directly(images: list[Path], processes: int, threads: str | None) -> float:
    """Seconds for the ``tesseract`` program over ``images``, ``processes`` at a time."""
    environment = dict(os.environ)
    if threads is not None:
        environment["OMP_THREAD_LIMIT"] = threads
    else:
        environment.pop("OMP_THREAD_LIMIT", None)

    def one(image: Path) -> None:
        subprocess.run([tesseract.program() or "tesseract", str(image), "stdout", *ARGUMENTS], env=environment,
                       capture_output=True, check=True)

    started = time.perf_counter()
    with ThreadPoolExecutor(processes) as pool:
        list(pool.map(one, images))
    return time.perf_counter() - started


def through_archivist(scan: Path, folder: Path) -> tuple[float, int]:
    started = time.perf_counter()
    with Archive.open(folder / "archive") as archive:
        result = archive.import_paths([scan])
    return time.perf_counter() - started, result.ocr_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    if not tesseract.available():
        sys.exit("Tesseract is not installed: " + tesseract.INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as tmp:
        folder = Path(tmp)
        scan = image_only_pdf(SOURCE, list(range(args.pages)), folder / "scan.pdf")
        images = [page_image(scan, "pdf", index, folder) for index in range(args.pages)]
        cores = os.cpu_count() or 1
        print(f"{args.pages}-page scan of {SOURCE.name}; {cores} cores; Tesseract {tesseract.program()}")
        seconds, pages = through_archivist(scan, folder)
        print(f"Archivist import (OSD + render + OCR + catalogue + index): {pages / seconds:.2f} pages/s "
              f"({seconds:.1f} s, {pages} pages read)")
        peers = [(f"tesseract, {cores} processes x 1 thread", cores, "1"),
                 ("tesseract, 1 process x its own threads", 1, None)]
        for label, processes, threads in peers:
            peer = tesseract_directly(images, processes, threads)
            print(f"{label}: {args.pages / peer:.2f} pages/s ({peer:.1f} s); Archivist at "
                  f"{(pages / seconds) / (args.pages / peer):.2f}x its speed")


if __name__ == "__main__":
    main()
