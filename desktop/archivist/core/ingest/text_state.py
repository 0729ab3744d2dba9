"""Whether a catalogued document has its text (issue 14: every real document is kept, with or without text)."""

from __future__ import annotations

from archivist.core.extract.base import Extracted
from archivist.core.ingest import tesseract

TEXT = "text"
OCR_PENDING = "ocr_pending"  # scanned pages waiting for OCR; the document is findable by its metadata meanwhile
OCR_UNAVAILABLE = "ocr_unavailable"  # scanned pages, and no Tesseract to read them
NO_TEXT = "no_text"  # nothing to read: a Word file of pictures, a page OCR found empty
WAITING_FOR_OCR = frozenset({OCR_PENDING, OCR_UNAVAILABLE})

DESCRIPTIONS = {
    TEXT: "text",
    OCR_PENDING: "no text yet — waiting for OCR",
    OCR_UNAVAILABLE: f"no text yet — OCR unavailable: {tesseract.INSTALL_HINT}",
    NO_TEXT: "no text — findable by its title and metadata",
}


def state_of(extracted: Extracted) -> str:
    """The state a freshly read document is catalogued with."""
    if extracted.ocr_pages:
        return OCR_PENDING if tesseract.available() else OCR_UNAVAILABLE
    return TEXT if extracted.text.strip() else NO_TEXT


def describe(state: str) -> str:
    """A one-line description for people (the CLI's ``show``, the window's document list)."""
    return DESCRIPTIONS.get(state, state)
