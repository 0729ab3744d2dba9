"""What a citation is made from: a document's metadata read once from the catalogue, as a plain value."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Document, Highlight, Note


@dataclass(frozen=True, slots=True)
class CiteSource:
    """One document as the citation code sees it (no ORM object leaves the session)."""

    id: int
    key: str
    format: str
    csl_type: str | None
    title: str
    authors: tuple[str, ...]
    issued: str | None
    publisher: str | None
    site: str | None
    url: str | None
    language: str | None
    imported_at: datetime
    note: str | None
    # issue 17: citable fields beyond the columns (DOI, page, volume…, as CSL names them), the file's keywords,
    # and the CSL names a reference library gave (organisations stay organisations)
    extra: dict[str, Any] = field(default_factory=dict)
    keywords: tuple[str, ...] = ()
    names: tuple[dict[str, Any], ...] = ()


def load_sources(session: Session, ids: list[int], with_notes: bool = False) -> dict[int, CiteSource]:
    """CiteSources of the given documents that exist, by id (documents without a key get ``""``).

    Notes are private by default (issue 17: researchers share bibliographies, and a note about a source can
    endanger people): they are read only when ``with_notes`` asks for them.
    """
    notes = document_notes(session, ids) if with_notes else {}
    rows = session.scalars(select(Document).where(Document.id.in_(ids)))
    return {row.id: source_of(row, notes.get(row.id)) for row in rows}


def source_of(row: Document, note: str | None = None) -> CiteSource:
    return CiteSource(
        id=row.id, key=row.citation_key or "", format=row.format, csl_type=row.csl_type, title=row.title,
        authors=tuple(row.authors or ()), issued=row.issued, publisher=row.publisher, site=row.site,
        url=row.url, language=row.language, imported_at=row.imported_at, note=note,
        extra=dict((row.extra or {}).get("csl") or {}), keywords=tuple((row.extra or {}).get("keywords") or ()),
        names=tuple((row.extra or {}).get("csl_names") or ()),
    )


def document_notes(session: Session, ids: list[int]) -> dict[int, str]:
    """The user's notes per document, in the order written: notes on the whole document first, then each
    highlight's note after its quote and page (``"quote" (p. 3): note``)."""
    query = (
        select(Note.document_id, Note.text, Highlight.quote, Highlight.page)
        .join(Highlight, Note.highlight_id == Highlight.id, isouter=True)
        .where(Note.document_id.in_(ids))
        .order_by(Note.document_id, Note.highlight_id.is_not(None), Note.id)
    )
    notes: dict[int, list[str]] = {}
    for document_id, text, quote, page in session.execute(query):
        if text and text.strip():
            notes.setdefault(document_id, []).append(_note_text(text.strip(), quote, page))
    return {document_id: "\n\n".join(texts) for document_id, texts in notes.items()}


def _note_text(text: str, quote: str | None, page: str | None) -> str:
    if quote is None:
        return text
    where = f" (p. {page})" if page else ""
    return f"\"{' '.join(quote.split())}\"{where}: {text}"
