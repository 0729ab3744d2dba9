"""The catalogue's tables as SQLAlchemy 2 typed models: the archive's source of truth."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def current_author(context: Any) -> str | None:
    """Who is writing (issue 19): the name the catalogue engine was opened with (``database.open_catalogue``)."""
    return context.connection.info.get("archivist_author")


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


document_tags = Table(
    "document_tags",
    Base.metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)

document_collections = Table(
    "document_collections",
    Base.metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("collection_id", ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True),
)


class Document(Base):
    """One imported original. ``issued`` is an ISO date cut to its precision ("2016", "2016-07", "2016-07-29")."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[str] = mapped_column(String(16), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    authors: Mapped[list[str]] = mapped_column(default=list)
    issued: Mapped[str | None] = mapped_column(String(10), index=True)
    issued_precision: Mapped[str | None] = mapped_column(String(5))
    publisher: Mapped[str | None] = mapped_column(Text)
    site: Mapped[str | None] = mapped_column(Text, index=True)
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(32))
    citation_key: Mapped[str | None] = mapped_column(String(128), unique=True)
    citation_key_pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    csl_type: Mapped[str | None] = mapped_column(String(32))
    source_path: Mapped[str | None] = mapped_column(Text)
    original_name: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    page_count: Mapped[int] = mapped_column(Integer, default=1)
    text_version: Mapped[str] = mapped_column(String(64), default="")
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # issue 14: "text", "ocr_pending", "ocr_unavailable" (Tesseract missing) or "no_text" (core/ingest/text_state)
    text_state: Mapped[str] = mapped_column(String(16), default="text", server_default="text")

    content: Mapped[DocumentText] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=document_tags, back_populates="documents", lazy="selectin")
    collections: Mapped[list[Collection]] = relationship(
        secondary=document_collections, back_populates="documents", lazy="selectin"
    )


class DocumentText(Base):
    """The extracted text, kept apart so listing documents never loads it.

    ``pages`` is ``[[start, label], …]``; ``headings`` is ``[[start, end, level], …]``.
    """

    __tablename__ = "document_texts"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    pages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    headings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    ocr_pages: Mapped[list[Any] | None] = mapped_column(JSON)  # issue 14: page indices waiting for OCR

    document: Mapped[Document] = relationship(back_populates="content")


class PageWords(Base):
    """Where OCR found each word of a page (issue 14), so the page view can show a hit or a highlight.

    ``words`` is ``[[start, end, left, top, right, bottom], …]``: offsets into the document's text and the box as
    fractions of the page's width and height (top-left origin), whatever resolution the page was read at.
    """

    __tablename__ = "page_words"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    page: Mapped[int] = mapped_column(Integer, primary_key=True)  # index into the document's pages
    languages: Mapped[str] = mapped_column(String(64), default="")
    words: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    documents: Mapped[list[Document]] = relationship(secondary=document_tags, back_populates="tags")


class Collection(Base):
    __tablename__ = "collections"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    documents: Mapped[list[Document]] = relationship(
        secondary=document_collections, back_populates="collections"
    )


class SavedSearch(Base):
    """A query with its filters, named by the user and shown in the window's sidebar (issue 16)."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Color(Base):
    """A highlight colour with a meaning the user can rename (yellow = claim…)."""

    __tablename__ = "colors"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    label: Mapped[str] = mapped_column(String(100))
    rgb: Mapped[str] = mapped_column(String(7))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Highlight(Base):
    """A highlighted passage, anchored by offsets, quote and 32 characters of context on each side."""

    __tablename__ = "highlights"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[str | None] = mapped_column(String(32))
    color: Mapped[str] = mapped_column(ForeignKey("colors.name", onupdate="CASCADE"), default="yellow")
    text_version: Mapped[str] = mapped_column(String(64), default="")
    orphan: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    author: Mapped[str | None] = mapped_column(String(100), default=current_author)  # issue 19


class Note(Base):
    """Markdown text on a highlight, or on a whole document when ``highlight_id`` is None."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    highlight_id: Mapped[int | None] = mapped_column(
        ForeignKey("highlights.id", ondelete="CASCADE"), index=True, unique=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    author: Mapped[str | None] = mapped_column(String(100), default=current_author)  # issue 19


class ImportRun(Base):
    """One import: what was asked for and when; its entries say what became of each file."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    sources: Mapped[list[str]] = mapped_column(default=list)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    author: Mapped[str | None] = mapped_column(String(100), default=current_author)  # issue 19


class ImportLogEntry(Base):
    """Per file: ``ok``, ``duplicate`` or ``error`` with its message."""

    __tablename__ = "import_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_runs.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    path: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))


class Change(Base):
    """The change sequence of a team catalogue (issue 19): one row per changed row of a tracked table.

    Written by PostgreSQL triggers in the changing transaction (migration 0007); each member's search index
    applies the rows past the last id it saw. ``origin`` is the member folder that made the change.
    """

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # the table: documents, document_texts, highlights, notes…
    action: Mapped[str] = mapped_column(String(8))  # insert, update, delete
    entity_id: Mapped[int | None] = mapped_column(BigInteger)
    document_id: Mapped[int | None] = mapped_column(BigInteger)
    origin: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TeamSetting(Base):
    """Settings every member of a team catalogue shares, such as where the originals are stored."""

    __tablename__ = "team_settings"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Claim(Base):
    """A figure a document states (issue 18): value as written and normalised, what it counts, who says so.

    ``start``/``end`` are offsets into the document's text; ``what_key`` groups claims about one quantity
    across documents and ``source_key`` compares sources (None: the document's own voice).
    """

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    value: Mapped[str] = mapped_column(Text)
    normalized: Mapped[float] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(24), default="count")
    currency: Mapped[str | None] = mapped_column(String(8))
    qualifier: Mapped[str | None] = mapped_column(String(40))
    what: Mapped[str] = mapped_column(Text, default="")
    what_key: Mapped[str] = mapped_column(String(120), default="")
    source: Mapped[str | None] = mapped_column(Text)
    source_key: Mapped[str | None] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    page: Mapped[str | None] = mapped_column(String(32))
    scope: Mapped[str] = mapped_column(String(8), default="event")
    context: Mapped[str] = mapped_column(Text, default="")


class ClaimsPending(Base):
    """A document whose claims are still to be found: an import leaves the claims of its last files to be found
    while the index commits them, and records them here in the transaction that catalogues them, so a document
    whose import stopped before its claims were stored is found again (by the next import, or ``archivist claims
    --rebuild``)."""

    __tablename__ = "claims_pending"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


Index("ix_highlights_color", Highlight.color)
# The few documents whose text is not (yet) there: scans waiting for OCR, files without text (issue 14).
Index("ix_documents_text_state", Document.text_state, sqlite_where=Document.text_state != "text",
      postgresql_where=Document.text_state != "text")
# Pinned keys are read whenever a key is made (citations._keys_taken); few documents have one.
Index("ix_documents_pinned_key", Document.citation_key, sqlite_where=Document.citation_key_pinned,
      postgresql_where=Document.citation_key_pinned)
# The ledger groups every claim by quantity (issue 18): one covering index answers it without the table.
Index("ix_claims_ledger", Claim.what_key, Claim.unit, Claim.source_key, Claim.document_id, Claim.normalized)
