"""What a citation is made from: a document's metadata read once from the catalogue, as a plain value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Document, Note


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


def load_sources(session: Session, ids: list[int]) -> dict[int, CiteSource]:
    """CiteSources of the given documents that exist, by id (documents without a key get ``""``)."""
    notes = document_notes(session, ids)
    rows = session.scalars(select(Document).where(Document.id.in_(ids)))
    return {row.id: source_of(row, notes.get(row.id)) for row in rows}


def source_of(row: Document, note: str | None = None) -> CiteSource:
    return CiteSource(
        id=row.id, key=row.citation_key or "", format=row.format, csl_type=row.csl_type, title=row.title,
        authors=tuple(row.authors or ()), issued=row.issued, publisher=row.publisher, site=row.site,
        url=row.url, language=row.language, imported_at=row.imported_at, note=note,
    )


def document_notes(session: Session, ids: list[int]) -> dict[int, str]:
    """The user's notes on whole documents (``highlight_id`` NULL), joined per document in the order written."""
    query = (
        select(Note.document_id, Note.text)
        .where(Note.document_id.in_(ids), Note.highlight_id.is_(None))
        .order_by(Note.document_id, Note.id)
    )
    notes: dict[int, list[str]] = {}
    for document_id, text in session.execute(query):
        if text and text.strip():
            notes.setdefault(document_id, []).append(text.strip())
    return {document_id: "\n\n".join(texts) for document_id, texts in notes.items()}
