"""Putting what OCR read into the catalogue: a scanned document's pages get their text (the pages that had a text
layer keep theirs), its word boxes are stored per page, and the document is indexed again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update

from archivist.core.catalogue.models import Document, DocumentText, PageWords
from archivist.core.errors import ArchivistError
from archivist.core.extract.base import Extracted, Page
from archivist.core.ingest import text_state
from archivist.core.ingest.ocr_pages import OcrJob

if TYPE_CHECKING:
    from archivist.core.archive import Archive

# Tesseract's packs -> the ISO 639-1 codes the catalogue keeps (the first pack names the document's language).
ISO_LANGUAGES = {"eng": "en", "ara": "ar", "fra": "fr", "rus": "ru", "fas": "fa", "ukr": "uk", "tur": "tr",
                 "spa": "es", "chi_sim": "zh", "chi_tra": "zh", "deu": "de", "ell": "el", "heb": "he"}


def store_ocr(archive: Archive, job: OcrJob) -> bool:
    """Put a document's OCR text in the catalogue and the index; True when OCR found no text at all."""
    with archive.sessions() as session:
        content = session.get(DocumentText, job.document_id)
        if content is None:
            raise ArchivistError(f"document {job.document_id} is gone")
        texts = split_pages(content.text, content.pages)
    for index, page in job.results.items():
        texts[index] = page.text
    text, starts = join_pages(texts)
    pages = [Page(start, label) for start, label in zip(starts, job.labels, strict=True)]
    language = ISO_LANGUAGES.get(next(iter(job.results.values())).languages.split("+")[0]) if job.results else None
    with archive.lock.hold(), archive.sessions.begin() as session:
        if language:
            session.execute(update(Document).where(Document.id == job.document_id, Document.language.is_(None))
                            .values(language=language))
    archive.replace_text(job.document_id, text, pages)
    missing = [index for index in job.pages if index not in job.results]
    state = text_state.OCR_PENDING if missing else (text_state.TEXT if text.strip() else text_state.NO_TEXT)
    with archive.lock.hold(), archive.sessions.begin() as session:
        session.execute(update(DocumentText).where(DocumentText.document_id == job.document_id)
                        .values(ocr_pages=missing or None))
        session.execute(update(Document).where(Document.id == job.document_id).values(text_state=state))
        read = list(job.results)
        session.execute(delete(PageWords).where(PageWords.document_id == job.document_id, PageWords.page.in_(read)))
        session.add_all(PageWords(document_id=job.document_id, page=index, languages=page.languages,
                                  words=page.shifted(starts[index])) for index, page in job.results.items())
    return not text.strip()


def split_pages(text: str, pages: list[list[object]]) -> list[str]:
    """Each page's text again, from the joined text and the page starts (an empty page is "")."""
    starts = [int(str(start)) for start, _label in pages] or [0]
    ends = [*starts[1:], len(text)]
    return [text[start:end].removesuffix("\n\n").strip("\n") if end > start else "" for start, end in zip(starts, ends,
                                                                                                          strict=True)]


def join_pages(texts: list[str]) -> tuple[str, list[int]]:
    """Pages joined by a blank line; an empty page starts where the next text starts (as the PDF reader does)."""
    chunks: list[str] = []
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        if text:
            chunks.append(text)
            offset += len(text) + 2
    joined = "\n\n".join(chunks)
    return joined, [min(start, len(joined)) for start in starts]


def keep_ocr_text(archive: Archive, document_id: int, extracted: Extracted) -> Extracted:
    """``extracted`` (a fresh extraction of a stored original) with its scanned pages' text taken from the
    catalogue, where OCR put it: re-extracting a scan must not throw away what OCR read."""
    if not extracted.ocr_pages:
        return extracted
    with archive.sessions() as session:
        content = session.get(DocumentText, document_id)
        read = set(session.scalars(select(PageWords.page).where(PageWords.document_id == document_id)))
        if content is None or not read:
            return extracted
        old = split_pages(content.text, content.pages)
    new = split_pages(extracted.text, [[page.start, page.label] for page in extracted.pages])
    if len(old) != len(new):
        return extracted
    texts = [old[index] if index in read and index in extracted.ocr_pages else text for index, text in enumerate(new)]
    text, starts = join_pages(texts)
    pages = [Page(start, page.label) for start, page in zip(starts, extracted.pages, strict=True)]
    return Extracted(extracted.format, text, pages, extracted.metadata, [],
                     [index for index in extracted.ocr_pages if index not in read])


def word_boxes(archive: Archive, document_id: int) -> dict[int, list[list[float]]]:
    """Where OCR found each word, by page index: ``[[start, end, left, top, right, bottom], …]`` with offsets into
    the document's text and boxes as fractions of the page (for the page view to draw a hit or a highlight)."""
    with archive.sessions() as session:
        rows = session.execute(select(PageWords.page, PageWords.words).where(PageWords.document_id == document_id)
                               .order_by(PageWords.page))
        return {page: words for page, words in rows}
