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
from archivist.core.language.detect import detect_language

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
    read_units: set[int | None] = field(default_factory=set)  # read while choosing the language

    def units(self) -> list[int | None]:
        """What is read in one Tesseract run: a PDF page each; an image file whole (a TIFF's pages at once)."""
        return list(self.pages) if self.format == "pdf" else [None]

    def units_left(self) -> list[int | None]:
        return [unit for unit in self.units() if unit not in self.read_units]


def workers() -> int:
    return max(1, os.cpu_count() or 1)


def choose_languages(job: OcrJob, cancelled: Cancelled) -> str:
    """The job's languages: as asked; else the script OSD sees on the first page, refined by the language of a first
    pass over that page (a French, Persian or Ukrainian scan read with its own pack, not English, Arabic or
    Russian's); else the default pack. When the first pass used the right pack, its pages are kept."""
    if job.languages:
        return tesseract.usable_languages(job.languages)
    first = job.units()[0]
    with tempfile.TemporaryDirectory(prefix="archivist-ocr-") as folder:
        image = page_image(job.source, job.format, first or 0, Path(folder), job.passwords)
        by_script = tesseract.usable_languages(tesseract.detect_languages(image, cancelled))
    first_pass = read_unit(job, first, by_script, cancelled)
    better = tesseract.pack_for_language(detect_language(" ".join(page.text for page in first_pass.values())))
    if better is not None and better != by_script:
        return better
    job.results.update(first_pass)
    job.read_units.add(first)
    return by_script


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
    return [pool.submit(read_unit, job, unit, languages, cancelled) for unit in job.units_left()]
