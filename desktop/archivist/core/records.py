"""Plain values the Archive hands out: the GUI and CLI never hold ORM objects or sessions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from archivist.core.catalogue.models import Document
from archivist.core.extract.base import Heading, Page


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What a document list row shows."""

    id: int
    title: str
    authors: list[str]
    date: str | None
    site: str | None
    format: str
    text_state: str = "text"  # issue 14: text, ocr_pending, ocr_unavailable, no_text

    @classmethod
    def of(cls, document: Document) -> DocumentSummary:
        return cls(
            document.id, document.title, list(document.authors or []), document.issued, document.site,
            document.format, document.text_state or "text",
        )

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "authors": self.authors, "date": self.date,
                "format": self.format, "text_state": self.text_state}


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A document's full metadata."""

    id: int
    sha256: str
    format: str
    title: str
    authors: list[str]
    date: str | None
    date_precision: str | None
    publisher: str | None
    site: str | None
    url: str | None
    language: str | None
    citation_key: str | None
    csl_type: str | None
    source_path: str | None
    original_name: str
    size: int
    imported_at: datetime
    page_count: int
    text_version: str
    tags: list[str] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    text_state: str = "text"  # issue 14
    keywords: list[str] = field(default_factory=list)  # the file's own keywords (issue 17), not the user's tags
    extra: dict[str, Any] = field(default_factory=dict)  # further citable fields (DOI, pages, volume…: issue 17)

    @classmethod
    def of(cls, document: Document) -> DocumentRecord:
        return cls(
            id=document.id, sha256=document.sha256, format=document.format, title=document.title,
            authors=list(document.authors or []), date=document.issued,
            date_precision=document.issued_precision, publisher=document.publisher, site=document.site,
            url=document.url, language=document.language, citation_key=document.citation_key,
            csl_type=document.csl_type, source_path=document.source_path,
            original_name=document.original_name, size=document.size, imported_at=document.imported_at,
            page_count=document.page_count, text_version=document.text_version,
            tags=sorted(tag.name for tag in document.tags),
            collections=sorted(collection.name for collection in document.collections),
            text_state=document.text_state or "text",
            keywords=list((document.extra or {}).get("keywords") or []),
            extra=dict((document.extra or {}).get("csl") or {}),
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["imported_at"] = self.imported_at.isoformat(timespec="seconds") + "Z"
        return data


@dataclass(frozen=True, slots=True)
class DocumentContent:
    """A document's text with its page starts and headings."""

    text: str
    pages: list[Page]
    headings: list[Heading]


@dataclass(frozen=True, slots=True)
class ImportedItem:
    id: int
    path: str
    title: str


@dataclass(frozen=True, slots=True)
class DuplicateItem:
    id: int
    path: str


@dataclass(frozen=True, slots=True)
class ImportErrorItem:
    path: str
    error: str


@dataclass(slots=True)
class ImportResult:
    imported: list[ImportedItem] = field(default_factory=list)
    duplicates: list[DuplicateItem] = field(default_factory=list)
    errors: list[ImportErrorItem] = field(default_factory=list)
    updated: list[DuplicateItem] = field(default_factory=list)  # issue 17: records a library import brought up to date
    cancelled: bool = False
    run_id: int | None = None
    # issue 14: imported documents that have no text (yet), as {"id", "path", "text_state"}; OCR's pages read
    without_text: list[dict[str, Any]] = field(default_factory=list)
    ocr_pages: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": [asdict(item) for item in self.imported],
            "duplicates": [asdict(item) for item in self.duplicates],
            "errors": [asdict(item) for item in self.errors],
            "updated": [asdict(item) for item in self.updated],
            "cancelled": self.cancelled,
            "without_text": self.without_text,
        }
