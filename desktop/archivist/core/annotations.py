"""Highlights and notes, anchored to the text and re-anchored when it changes (the highlights issue).

A highlight keeps its quote, 32 characters of context on each side, its offsets, page, colour and the text
version it was anchored on; :mod:`archivist.core.anchoring` finds it again when the text is replaced.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from archivist.core.anchoring import Anchor, anchor_at, find_all, reanchor, trim_span
from archivist.core.annotation_records import ColorRecord, HighlightRecord, NoteRecord, ReanchorReport
from archivist.core.catalogue.models import Color, Document, DocumentText, Highlight, Note, utcnow
from archivist.core.errors import InvalidInputError, NotFoundError
from archivist.core.extract.base import Heading, Page, page_at
from archivist.core.text_version import text_version

if TYPE_CHECKING:
    from archivist.core.archive import Archive

log = logging.getLogger("archivist.annotations")


class Annotations:
    """Highlights and notes of one archive; reached as ``archive.annotations``."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    # -- colours ---------------------------------------------------------------------------------------
    def colors(self) -> list[ColorRecord]:
        with self.archive.sessions() as session:
            return [ColorRecord.of(row) for row in session.scalars(select(Color).order_by(Color.position))]

    def rename_color(self, name: str, label: str) -> ColorRecord:
        """Give a colour a new meaning (yellow = "Claim" by default); the colour's name stays."""
        label = label.strip()
        if not label:
            raise InvalidInputError("a colour needs a label")
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            color = session.get(Color, _color_name(session, name))
            assert color is not None
            color.label = label[:100]
            return ColorRecord.of(color)

    # -- highlights ------------------------------------------------------------------------------------
    def add_highlight(
        self,
        document_id: int,
        quote: str | None = None,
        start: int | None = None,
        end: int | None = None,
        color: str = "yellow",
        note: str | None = None,
        occurrence: int = 1,
    ) -> HighlightRecord:
        """Highlight a quote (found in the text, whitespace and case ignored) or the span ``[start, end)``."""
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            content = _content(session, document_id)
            if quote is not None:
                start, end = _locate_quote(content.text, quote, occurrence)
            elif start is None or end is None:
                raise InvalidInputError("give a quote, or a start and an end offset")
            else:
                start, end = _checked_span(content.text, start, end)
            highlight = Highlight(
                document_id=document_id, color=_color_name(session, color), orphan=False,
                text_version=text_version(content.text), created_at=utcnow(), modified_at=utcnow(),
            )
            _place(highlight, content, anchor_at(content.text, start, end))
            session.add(highlight)
            session.flush()
            note_row = _set_note(session, highlight, note) if note else None
            return HighlightRecord.of(highlight, note_row, _title(session, document_id))

    def highlight(self, highlight_id: int) -> HighlightRecord:
        with self.archive.sessions() as session:
            highlight = _highlight(session, highlight_id)
            note = _note_of(session, highlight_id)
            return HighlightRecord.of(highlight, note, _title(session, highlight.document_id))

    def highlights(
        self,
        document_id: int | None = None,
        color: str | None = None,
        text: str | None = None,
        orphans: bool | None = None,
    ) -> list[HighlightRecord]:
        """Highlights in reading order, filtered by document, colour, text in quote or note, orphan state."""
        query = (
            select(Highlight, Note, Document.title)
            .join(Document, Document.id == Highlight.document_id)
            .outerjoin(Note, Note.highlight_id == Highlight.id)
            .order_by(Highlight.document_id, Highlight.start, Highlight.id)
        )
        with self.archive.sessions() as session:
            if document_id is not None:
                self.archive._document(session, document_id)
                query = query.where(Highlight.document_id == document_id)
            if color:
                query = query.where(Highlight.color == _color_name(session, color))
            if text and text.strip():
                pattern = f"%{text.strip()}%"
                query = query.where(or_(Highlight.quote.ilike(pattern), Note.text.ilike(pattern)))
            if orphans is not None:
                query = query.where(Highlight.orphan == orphans)
            return [HighlightRecord.of(h, note, title) for h, note, title in session.execute(query)]

    def update_highlight(self, highlight_id: int, color: str | None = None, note: str | None = None) -> HighlightRecord:
        """Change a highlight's colour and/or note (an empty note removes it); None leaves a field as it is."""
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            highlight = _highlight(session, highlight_id)
            if color is not None:
                highlight.color = _color_name(session, color)
                highlight.modified_at = utcnow()
            note_row = _set_note(session, highlight, note) if note is not None else _note_of(session, highlight_id)
            session.flush()
            return HighlightRecord.of(highlight, note_row, _title(session, highlight.document_id))

    def delete_highlight(self, highlight_id: int) -> None:
        """Remove a highlight and its note."""
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            session.delete(_highlight(session, highlight_id))

    # -- document notes --------------------------------------------------------------------------------
    def document_note(self, document_id: int) -> NoteRecord | None:
        with self.archive.sessions() as session:
            self.archive._document(session, document_id)
            row = session.scalar(_document_note_query(document_id))
            return NoteRecord.of(row) if row is not None else None

    def set_document_note(self, document_id: int, text: str) -> NoteRecord | None:
        """Write the Markdown note on a whole document; empty text removes it."""
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            self.archive._document(session, document_id)
            row = session.scalar(_document_note_query(document_id))
            if not text.strip():
                if row is not None:
                    session.delete(row)
                return None
            if row is None:
                row = Note(document_id=document_id, highlight_id=None, text=text, created_at=utcnow())
                session.add(row)
            row.text, row.modified_at = text, utcnow()
            session.flush()
            return NoteRecord.of(row)

    # -- when the text changes -------------------------------------------------------------------------
    def replace_text(
        self,
        document_id: int,
        text: str,
        pages: Sequence[Page] | None = None,
        headings: Sequence[Heading] | None = None,
    ) -> ReanchorReport:
        """Give a document a new text (re-extraction, an edited version) and re-anchor its highlights.

        Highlights that cannot be found again become orphans: kept with their quote and listed, never deleted.
        """
        pages = list(pages) if pages else [Page(0, "1")]
        version = text_version(text)
        with self.archive.lock.hold():
            with self.archive.sessions.begin() as session:
                document = self.archive._document(session, document_id)
                content = _content(session, document_id)
                report = ReanchorReport(document_id, text_changed=content.text != text)
                content.text = text
                content.pages = [[page.start, page.label] for page in pages]
                content.headings = [[h.start, h.end, h.level] for h in headings or []]
                document.text_version, document.page_count = version, len(pages)
                for highlight in session.scalars(select(Highlight).where(Highlight.document_id == document_id)):
                    _reanchor_one(highlight, content, version, report)
            self.archive.index_documents([document_id])
        log.info("document %s: %d highlight(s) re-found, %d orphaned", document_id, report.refound,
                 len(report.orphaned))
        return report


def _reanchor_one(highlight: Highlight, content: DocumentText, version: str, report: ReanchorReport) -> None:
    anchor = Anchor(highlight.quote, highlight.prefix, highlight.suffix, highlight.start, highlight.end)
    found = reanchor(anchor, content.text)
    if found is None:
        # Keep the old offsets and text version: they say where, and on which text, it was last seen.
        highlight.orphan = True
        report.orphaned.append(highlight.id)
        return
    _place(highlight, content, anchor_at(content.text, found.start, found.end))
    highlight.orphan = False
    highlight.text_version = version
    report.found.setdefault(found.method, []).append(highlight.id)


def _place(highlight: Highlight, content: DocumentText, anchor: Anchor) -> None:
    """Store an anchor (quote, context, offsets, page) on a highlight row."""
    highlight.quote, highlight.prefix, highlight.suffix = anchor.quote, anchor.prefix, anchor.suffix
    highlight.start, highlight.end = anchor.start, anchor.end
    pages = [Page(int(start), str(label)) for start, label in content.pages] or [Page(0, "1")]
    highlight.page = page_at(pages, anchor.start)


def _locate_quote(text: str, quote: str, occurrence: int) -> tuple[int, int]:
    if not quote.strip():
        raise InvalidInputError("the quote is empty")
    if occurrence < 1:
        raise InvalidInputError("the occurrence counts from 1")
    spans = find_all(text, quote.strip())
    if not spans:
        shown = quote.strip() if len(quote.strip()) <= 60 else quote.strip()[:57] + "…"
        raise NotFoundError(f"the quote {shown!r} is not in the document")
    if occurrence > len(spans):
        raise InvalidInputError(f"the quote occurs {len(spans)} time(s), not {occurrence}")
    return trim_span(text, *spans[occurrence - 1])


def _checked_span(text: str, start: int, end: int) -> tuple[int, int]:
    if not 0 <= start < end <= len(text):
        raise InvalidInputError(f"the span {start}–{end} is not inside the text (0–{len(text)})")
    start, end = trim_span(text, start, end)
    if start == end:
        raise InvalidInputError("the selection holds only whitespace")
    return start, end


def _color_name(session: Session, name: str) -> str:
    """The colour named ``name`` or labelled so ("yellow" or "claim"), case ignored."""
    wanted = (name or "").strip().lower()
    for color in session.scalars(select(Color).order_by(Color.position)):
        if wanted in (color.name.lower(), color.label.lower()):
            return color.name
    names = ", ".join(session.scalars(select(Color.name).order_by(Color.position)))
    raise InvalidInputError(f"unknown colour {name!r}: use one of {names}")


def _content(session: Session, document_id: int) -> DocumentText:
    content = session.get(DocumentText, document_id)
    if content is None:
        raise NotFoundError(f"no document with id {document_id}")
    return content


def _highlight(session: Session, highlight_id: int) -> Highlight:
    highlight = session.get(Highlight, highlight_id)
    if highlight is None:
        raise NotFoundError(f"no highlight with id {highlight_id}")
    return highlight


def _title(session: Session, document_id: int) -> str:
    return session.scalar(select(Document.title).where(Document.id == document_id)) or ""


def _note_of(session: Session, highlight_id: int) -> Note | None:
    return session.scalar(select(Note).where(Note.highlight_id == highlight_id))


def _set_note(session: Session, highlight: Highlight, text: str) -> Note | None:
    """Write (or with empty text remove) a highlight's note."""
    row = _note_of(session, highlight.id)
    if not text.strip():
        if row is not None:
            session.delete(row)
        return None
    if row is None:
        row = Note(document_id=highlight.document_id, highlight_id=highlight.id, created_at=utcnow())
        session.add(row)
    row.text, row.modified_at = text, utcnow()
    session.flush()
    return row


def _document_note_query(document_id: int) -> Select[tuple[Note]]:
    return select(Note).where(Note.document_id == document_id, Note.highlight_id.is_(None)).order_by(Note.id)


def highlight_counts(archive: Archive) -> dict[int, int]:
    """Highlights per document id (for list badges)."""
    with archive.sessions() as session:
        query = select(Highlight.document_id, func.count(Highlight.id)).group_by(Highlight.document_id)
        return dict(session.execute(query).all())
