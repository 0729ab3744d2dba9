"""What every extractor returns, and the error it raises for a file it cannot read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from archivist.core.errors import ArchivistError


class ExtractionError(ArchivistError):
    """A file could not be read; the message is short, names the problem, and is shown per file."""


@dataclass(slots=True)
class Metadata:
    """Bibliographic metadata found in a file; every field may be missing.

    ``issued`` is an ISO date cut to its known precision: ``"2016"``, ``"2016-07"`` or ``"2016-07-29"``.
    ``authors`` are display names in order ("Jane Doe", or an organisation's name).
    """

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    issued: str | None = None
    publisher: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    # The file's own keywords or subjects (issue 17: kept as keywords, never made into the user's tags).
    keywords: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Page:
    """A page (or chapter, for EPUB) starting at character offset ``start`` of the text."""

    start: int
    label: str


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading spanning ``text[start:end]``; level 1 is the largest."""

    start: int
    end: int
    level: int


@dataclass(slots=True)
class Extracted:
    """The text of a document with its page boundaries, headings and metadata.

    Paragraphs in ``text`` are separated by a blank line. ``pages`` is sorted by ``start`` and the first
    page starts at 0; a format without pages has one page labelled "1".
    """

    format: str
    text: str
    pages: list[Page]
    metadata: Metadata
    headings: list[Heading] = field(default_factory=list)
    # Pages (indices into ``pages``) that have no text layer: scans and image-only pages, read later by OCR.
    ocr_pages: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the person importing gave for this import: passwords to try on locked PDFs, OCR languages
    (Tesseract's form, "ara+eng"; None lets the script be detected)."""

    passwords: tuple[str, ...] = ()
    ocr_languages: str | None = None


class Extractor(Protocol):
    """A module-level function that reads one format."""

    def __call__(self, path: Path) -> Extracted: ...


def single_page(text: str) -> list[Page]:
    """Page boundaries for a format without pages."""
    return [Page(0, "1")]


def pages_from_parts(parts: list[str], labels: list[str] | None = None) -> tuple[str, list[Page]]:
    """Join per-page texts with blank lines, returning the text and where each page starts."""
    pages: list[Page] = []
    chunks: list[str] = []
    offset = 0
    for number, part in enumerate(parts, start=1):
        label = labels[number - 1] if labels else str(number)
        pages.append(Page(offset, label))
        chunks.append(part)
        offset += len(part) + 2
    return "\n\n".join(chunks), pages or [Page(0, "1")]


def page_at(pages: list[Page], offset: int) -> str:
    """The label of the page holding character ``offset``."""
    from bisect import bisect_right

    starts = [page.start for page in pages]
    index = max(bisect_right(starts, offset) - 1, 0)
    return pages[index].label if pages else "1"
