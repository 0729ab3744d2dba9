"""Reading the pages of one document by OCR: the language chosen once, then every page in parallel.

Each page is one Tesseract process; a pool of threads keeps one running per core (the threads only render and
wait, the work is in the processes). A document's pages come back as they finish; the caller stores the
document when its last page is in.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from archivist.core.ingest import tesseract
from archivist.core.ingest.ocr_text import OcrPage, parse_tsv
from archivist.core.ingest.page_images import page_image

Cancelled = Callable[[], bool]


@dataclass(slots=True)
class OcrJob:
    """A document waiting for OCR: where its original is, its format and the pages (indices) to read."""

    document_id: int
    title: str
    source: Path
    format: str
    pages: list[int]
    labels: list[str]
    languages: str | None = None  # None: detected from the first page
    passwords: tuple[str, ...] = ()
    results: dict[int, OcrPage] = field(default_factory=dict)

    def units(self) -> list[int | None]:
        """What is read in one Tesseract run: a PDF page each; an image file whole (a TIFF's pages at once)."""
        return list(self.pages) if self.format == "pdf" else [None]


def workers() -> int:
    return max(1, os.cpu_count() or 1)


def choose_languages(job: OcrJob, cancelled: Cancelled) -> str:
    """The job's languages: as asked, else the script OSD sees on its first page, else the default pack."""
    if job.languages:
        return tesseract.usable_languages(job.languages)
    with tempfile.TemporaryDirectory(prefix="archivist-ocr-") as folder:
        first = job.pages[0] if job.format == "pdf" else 0
        image = page_image(job.source, job.format, first, Path(folder), job.passwords)
        found = tesseract.detect_languages(image, cancelled)
    return tesseract.usable_languages(found)


def read_unit(job: OcrJob, unit: int | None, languages: str, cancelled: Cancelled) -> dict[int, OcrPage]:
    """OCR one unit: {page index: OcrPage}."""
    with tempfile.TemporaryDirectory(prefix="archivist-ocr-") as folder:
        image = page_image(job.source, job.format, unit or 0, Path(folder), job.passwords)
        arguments = ["-l", languages, "--psm", "3"]
        if job.format == "pdf":
            arguments += ["--dpi", "300"]  # a PGM file says nothing of its resolution
        pages = parse_tsv(tesseract.run(image, [*arguments, "tsv"], cancelled))
    for page in pages:
        page.languages = languages
    if unit is not None:
        return {unit: pages[0] if pages else OcrPage(languages=languages)}
    return {index: page for index, page in enumerate(pages) if index in job.pages}


def submit(pool: ThreadPoolExecutor, job: OcrJob, languages: str,
           cancelled: Cancelled) -> list[Future[dict[int, OcrPage]]]:
    return [pool.submit(read_unit, job, unit, languages, cancelled) for unit in job.units()]
