"""Plain values for highlights, notes and colours (the GUI and CLI never hold ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from archivist.core.catalogue.models import Color, Highlight, Note


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


@dataclass(frozen=True, slots=True)
class HighlightRecord:
    """A highlight with its note; ``orphan`` means it could not be found again after the text changed."""

    id: int
    document_id: int
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    page: str | None
    color: str
    note: str
    orphan: bool
    text_version: str
    created_at: datetime
    modified_at: datetime
    document_title: str = ""
    author: str | None = None  # who made the highlight, and its note (issue 19: team archives)
    note_author: str | None = None

    @classmethod
    def of(cls, highlight: Highlight, note: Note | None, document_title: str = "") -> HighlightRecord:
        return cls(
            id=highlight.id, document_id=highlight.document_id, quote=highlight.quote, prefix=highlight.prefix,
            suffix=highlight.suffix, start=highlight.start, end=highlight.end, page=highlight.page,
            color=highlight.color, note=note.text if note is not None else "", orphan=highlight.orphan,
            text_version=highlight.text_version, created_at=highlight.created_at,
            modified_at=max(highlight.modified_at, note.modified_at) if note is not None else highlight.modified_at,
            document_title=document_title, author=highlight.author,
            note_author=note.author if note is not None else None,
        )

    def to_json(self) -> dict[str, Any]:
        """DESIGN.md's shape (id, document_id, quote, page, color, note, orphan) plus offsets and times."""
        return {
            "id": self.id, "document_id": self.document_id, "quote": self.quote, "page": self.page,
            "color": self.color, "note": self.note, "orphan": self.orphan, "start": self.start, "end": self.end,
            "document_title": self.document_title, "created": _iso(self.created_at),
            "modified": _iso(self.modified_at), "author": self.author, "note_author": self.note_author,
        }


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """A Markdown note on a whole document."""

    document_id: int
    text: str
    created_at: datetime
    modified_at: datetime
    author: str | None = None  # issue 19

    @classmethod
    def of(cls, note: Note) -> NoteRecord:
        return cls(note.document_id, note.text, note.created_at, note.modified_at, note.author)

    def to_json(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "text": self.text, "created": _iso(self.created_at),
                "modified": _iso(self.modified_at), "author": self.author}


@dataclass(frozen=True, slots=True)
class ColorRecord:
    """A highlight colour: its fixed name, the meaning the user gave it, and how it is drawn."""

    name: str
    label: str
    rgb: str
    position: int

    @classmethod
    def of(cls, color: Color) -> ColorRecord:
        return cls(color.name, color.label, color.rgb, color.position)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "rgb": self.rgb}


@dataclass(slots=True)
class ReanchorReport:
    """What became of a document's highlights when its text was replaced: ids per re-anchoring step."""

    document_id: int
    text_changed: bool
    found: dict[str, list[int]] = field(default_factory=dict)
    orphaned: list[int] = field(default_factory=list)

    @property
    def refound(self) -> int:
        return sum(len(ids) for ids in self.found.values())

    def to_json(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "text_changed": self.text_changed, "found": self.found,
                "orphaned": self.orphaned}
