"""The document list in the order of a column the user clicked, sorted by the catalogue (SQL), ids only.

The window's list holds ids and reads rows lazily (gui/models/documents.py), so sorting 100,000 documents must
not read them: the database orders the ids and the list shows them as before. Ties keep the newest first.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Text, cast, func, select
from sqlalchemy.sql.elements import ColumnElement

from archivist.core.archive import Archive
from archivist.core.catalogue import Collection, Document
from archivist.core.errors import InvalidInputError

SORT_KEYS: dict[str, ColumnElement] = {
    "title": func.lower(Document.title),
    "authors": func.lower(cast(Document.authors, Text)),  # the JSON list's text: first author first
    "date": Document.issued,
    "site": func.lower(Document.site),
    "format": Document.format,
    "imported": Document.imported_at,
}


def sorted_ids(archive: Archive, key: str, descending: bool = False, collection_id: int | None = None,
               among: Sequence[int] | None = None) -> list[int]:
    """Ids of the archive (or of a collection, or of ``among``: search hits) ordered by ``key``."""
    if key not in SORT_KEYS:
        raise InvalidInputError(f"cannot sort by {key!r}; choose one of {', '.join(SORT_KEYS)}")
    column = SORT_KEYS[key]
    order = column.desc().nulls_last() if descending else column.asc().nulls_last()
    query = select(Document.id).order_by(order, Document.id.desc())
    if collection_id is not None:
        query = query.join(Document.collections).where(Collection.id == collection_id)
    if among is not None:
        query = query.where(Document.id.in_(list(among)))
    with archive.sessions() as session:
        return list(session.scalars(query))
