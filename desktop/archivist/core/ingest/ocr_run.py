"""OCR of catalogued documents whose pages have no text: after an import, and by ``archivist ocr``.

A scan is catalogued first (findable by its title and metadata, state ``ocr_pending``); its pages are read here,
in parallel (core/ingest/ocr_pages), with progress per page and cancel; when a document's last page is in, its
text replaces the empty one (with real page boundaries), its word boxes are stored per page, and it is indexed.
A cancelled or failed page leaves the document waiting, for ``archivist ocr`` to finish.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select, update

from archivist.core.catalogue.models import Document, DocumentText
from archivist.core.errors import ArchivistError
from archivist.core.extract.base import ReadOptions
from archivist.core.ingest import tesseract, text_state
from archivist.core.ingest.ocr_pages import OcrJob, choose_languages, submit, workers
from archivist.core.ingest.ocr_store import store_ocr
from archivist.core.ingest.ocr_text import OcrPage
from archivist.core.jobs import CancelToken, Progress, ProgressCallback, no_progress

if TYPE_CHECKING:
    from archivist.core.archive import Archive

log = logging.getLogger("archivist.ocr")


@dataclass(slots=True)
class OcrReport:
    """What an OCR run did: documents given text, found empty, left waiting (with why), and pages read."""

    read: list[int] = field(default_factory=list)
    empty: list[int] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    pages: int = 0
    cancelled: bool = False

    def to_json(self) -> dict[str, object]:
        return {"read": self.read, "empty": self.empty, "pages": self.pages, "cancelled": self.cancelled,
                "errors": [{"id": doc_id, "error": error} for doc_id, error in self.errors]}


def waiting_documents(archive: Archive) -> list[int]:
    """Documents whose scanned pages still wait for OCR."""
    with archive.sessions() as session:
        query = select(Document.id).where(Document.text_state.in_(text_state.WAITING_FOR_OCR)).order_by(Document.id)
        return list(session.scalars(query))


def ocr_documents(archive: Archive, document_ids: Sequence[int] | None = None, options: ReadOptions | None = None,
                  progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> OcrReport:
    """Read the waiting pages of these documents (all waiting documents when None) by OCR."""
    cancel = cancel or CancelToken()
    report = OcrReport()
    jobs = _jobs(archive, list(document_ids) if document_ids is not None else None, options or ReadOptions(), report)
    if not jobs:
        return report
    if not tesseract.available():
        _set_state(archive, [job.document_id for job in jobs], text_state.OCR_UNAVAILABLE)
        report.errors += [(job.document_id, f"OCR unavailable: {tesseract.INSTALL_HINT}") for job in jobs]
        return report
    _Run(archive, jobs, progress, cancel, report).go()
    return report


class _Run:
    def __init__(self, archive: Archive, jobs: list[OcrJob], progress: ProgressCallback, cancel: CancelToken,
                 report: OcrReport) -> None:
        self.archive, self.jobs, self.progress, self.cancel, self.report = archive, jobs, progress, cancel, report
        self.total = sum(len(job.pages) for job in jobs)
        self.owner: dict[Future[dict[int, OcrPage]], OcrJob] = {}
        self.left: dict[int, int] = {}
        self.failed: dict[int, str] = {}

    def cancelled(self) -> bool:
        return self.cancel.cancelled

    def go(self) -> None:
        self.progress(Progress(0, self.total, "OCR: choosing the language"))
        with ThreadPoolExecutor(workers(), thread_name_prefix="archivist-ocr") as pool:
            for job in self.jobs:
                if self.cancelled():
                    break
                try:
                    languages = choose_languages(job, self.cancelled)
                except ArchivistError as error:
                    self.report.errors.append((job.document_id, str(error)))
                    continue
                futures = submit(pool, job, languages, self.cancelled)
                self._pages_done(job, len(job.read_units))
                self.left[job.document_id] = len(futures)
                self.owner.update({future: job for future in futures})
                if not futures:  # a one-page scan, read while its language was chosen
                    self._store(job)
                self._collect(block=False)
            while self.owner and not self.cancelled():
                self._collect(block=True)
            if self.cancelled():
                pool.shutdown(cancel_futures=True)
                self.report.cancelled = True

    def _collect(self, block: bool) -> None:
        done, _ = wait(list(self.owner), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for future in done:
            job = self.owner.pop(future)
            try:
                job.results.update(future.result())
            except tesseract.OcrCancelled:
                continue
            except (ArchivistError, OSError) as error:
                log.warning("document %s: a page could not be read: %s", job.document_id, error)
                self.failed[job.document_id] = str(error)
            self._pages_done(job, 1)
            self.left[job.document_id] -= 1
            if self.left[job.document_id] == 0:
                self._store(job)

    def _pages_done(self, job: OcrJob, units: int) -> None:
        if units:
            self.report.pages += units if job.format == "pdf" else len(job.pages)
            self.progress(Progress(self.report.pages, self.total, f"OCR: {job.title}"))

    def _store(self, job: OcrJob) -> None:
        error = self.failed.get(job.document_id)
        if error:
            self.report.errors.append((job.document_id, error))
        try:
            empty = store_ocr(self.archive, job)
        except ArchivistError as failure:
            self.report.errors.append((job.document_id, str(failure)))
            return
        (self.report.empty if empty else self.report.read).append(job.document_id)


def _jobs(archive: Archive, ids: list[int] | None, options: ReadOptions, report: OcrReport) -> list[OcrJob]:
    query = select(Document, DocumentText.ocr_pages, DocumentText.pages).join(
        DocumentText, DocumentText.document_id == Document.id)
    if ids is None:
        query = query.where(Document.text_state.in_(text_state.WAITING_FOR_OCR))
    else:
        query = query.where(Document.id.in_(ids))
    jobs: list[OcrJob] = []
    with archive.sessions() as session:
        rows = {document.id: (document, waiting, pages) for document, waiting, pages in session.execute(query)}
    for doc_id in ids if ids is not None else sorted(rows):
        if doc_id not in rows:
            report.errors.append((doc_id, f"no document with id {doc_id}"))
            continue
        document, waiting, pages = rows[doc_id]
        if not waiting:
            report.errors.append((doc_id, "has no pages waiting for OCR"))
            continue
        jobs.append(OcrJob(doc_id, document.title, archive.store.path_for(document.sha256), document.format,
                           [int(index) for index in waiting], [str(label) for _start, label in pages],
                           options.ocr_languages, options.passwords))
    return jobs


def _set_state(archive: Archive, ids: list[int], state: str) -> None:
    with archive.lock.hold(), archive.sessions.begin() as session:
        session.execute(update(Document).where(Document.id.in_(ids)).values(text_state=state))
