"""What the index stores for an archive document, built from catalogue values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from archivist.core.language.codes import primary_language

if TYPE_CHECKING:
    from archivist.core.catalogue.models import Document


@dataclass(slots=True)
class IndexDocument:
    """The fields of one archive document as the index needs them."""

    id: int
    title: str
    body: str
    format: str
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    tags: list[str] = field(default_factory=list)
    collections: list[int] = field(default_factory=list)
    issued: str | None = None
    language: str | None = None  # ISO 639-1; the analysis stems in it (index.add_fields)

    def fields(self) -> dict[str, object]:
        values: dict[str, object] = {
            "id": self.id,
            "title": self.title or "",
            "body": self.body,
            "format": self.format,
            "author": "; ".join(self.authors),
        }
        language = primary_language(self.language)
        if language:
            values["lang"] = language
        if self.site:
            values["site"] = self.site
            values["site_key"] = self.site.lower()
        if self.tags:
            values["tag"] = ",".join(tag.replace(",", " ") for tag in self.tags)
        if self.collections:
            values["collection"] = ",".join(str(number) for number in self.collections)
        when = issued_datetime(self.issued)
        if when is not None:
            values["date"] = when
            values["year"] = when.year
        return values


def issued_datetime(issued: str | None) -> datetime | None:
    """The first moment of an ISO date of any precision ("2016" → 2016-01-01)."""
    if not issued:
        return None
    parts = [int(part) for part in issued.split("-")[:3] if part.isdigit()]
    if not parts:
        return None
    while len(parts) < 3:
        parts.append(1)
    try:
        return datetime(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def index_entry(document: Document, text: str, collections: list[int], tags: list[str] | None = None) -> IndexDocument:
    """What the search index holds for a catalogued document (``tags``: names, instead of ``document.tags``)."""
    return IndexDocument(
        id=document.id, title=document.title, body=_with_keywords(text, document), format=document.format,
        authors=list(document.authors or []), site=document.site or document.publisher,
        tags=tags if tags is not None else [tag.name for tag in document.tags], collections=collections,
        issued=document.issued, language=document.language,
    )


def _with_keywords(text: str, document: Document) -> str:
    """The body with the file's own keywords after it, so they are searchable (issue 17) without a field of
    their own: the index body is not stored, and snippets are cut from the catalogue's text."""
    keywords = (document.extra or {}).get("keywords") or []
    return f"{text}\n\n{'; '.join(keywords)}" if keywords else text
