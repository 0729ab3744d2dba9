"""What an operation changed, so every view refreshes from one report (Anki's OpChanges).

An operation returns (or the caller declares) a ``Changes``; the window hands it to one place that refreshes
the list, the sidebar, the readers and the highlights panel as it says. A change made elsewhere (the
``archivist`` command in a shell, a colleague's program) is noticed by ``CatalogueWatch`` and reported as
``Changes.everything()``, because SQLite cannot tell what another connection changed, only that it did.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine


@dataclass(frozen=True, slots=True)
class Changes:
    """The kinds of catalogue data an operation changed; ``documents`` names the documents it touched."""

    documents: frozenset[int] = field(default_factory=frozenset)
    document_list: bool = False  # documents were added or removed: the list's ids and counts change
    metadata: bool = False
    highlights: bool = False
    notes: bool = False
    tags: bool = False
    collections: bool = False
    saved_searches: bool = False
    text: bool = False  # a document's text changed (re-extraction): readers reload it

    @classmethod
    def everything(cls) -> Changes:
        """Another program changed the catalogue: all views re-read what they show."""
        return cls(document_list=True, metadata=True, highlights=True, notes=True, tags=True, collections=True,
                   saved_searches=True, text=True)

    def __or__(self, other: Changes) -> Changes:
        merged = {name: getattr(self, name) or getattr(other, name) for name in _FLAGS}
        return replace(self, documents=self.documents | other.documents, **merged)

    def __bool__(self) -> bool:
        return bool(self.documents) or any(getattr(self, name) for name in _FLAGS)

    def touches(self, document_id: int | None) -> bool:
        """True when the report concerns this document (or all of them)."""
        return document_id is not None and (document_id in self.documents or self == Changes.everything())

    def describe(self) -> str:
        """A short human list, for logs and the status bar: "highlights, notes"."""
        return ", ".join(name.replace("_", " ") for name in _FLAGS if getattr(self, name)) or "nothing"


_FLAGS = ("document_list", "metadata", "highlights", "notes", "tags", "collections", "saved_searches", "text")


def of_documents(ids: object, **kinds: bool) -> Changes:
    """``Changes(documents=frozenset(ids), **kinds)``, accepting any iterable of ids."""
    return Changes(documents=frozenset(int(i) for i in ids), **kinds)  # type: ignore[attr-defined]


class CatalogueWatch:
    """Notices commits made to the catalogue by other connections (another process, or another thread's engine).

    SQLite's ``PRAGMA data_version`` changes on a connection when any *other* connection commits; it is cheap
    (no table is read), so a window can ask it every second. On PostgreSQL there is no such counter; the watch
    then reports nothing and the team archive's change sequence is the way to learn of colleagues' changes.
    """

    def __init__(self, engine: Engine) -> None:
        self._connection: Connection | None = None
        if engine.dialect.name == "sqlite":
            self._connection = engine.connect()
        self._last = self._version()

    def _version(self) -> int | None:
        if self._connection is None:
            return None
        version = self._connection.execute(text("PRAGMA data_version")).scalar()
        self._connection.rollback()  # never hold a read transaction open between polls
        return int(version) if version is not None else None

    def changed(self) -> bool:
        """True once after each commit made through another connection since the last call."""
        version = self._version()
        if version == self._last:
            return False
        self._last = version
        return True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
