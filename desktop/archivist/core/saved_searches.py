"""Saved searches: a query (with its field filters, which are part of the query language) under a name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from archivist.core.archive import Archive
from archivist.core.catalogue.models import SavedSearch
from archivist.core.changes import Changes
from archivist.core.errors import InvalidInputError, NotFoundError


@dataclass(frozen=True, slots=True)
class SavedSearchRecord:
    id: int
    name: str
    query: str


def saved_searches(archive: Archive) -> list[SavedSearchRecord]:
    with archive.sessions() as session:
        rows = session.scalars(select(SavedSearch).order_by(func.lower(SavedSearch.name)))
        return [SavedSearchRecord(row.id, row.name, row.query) for row in rows]


def save(archive: Archive, name: str, query: str) -> tuple[SavedSearchRecord, Changes]:
    """Save ``query`` as ``name``; saving under a name that exists replaces its query."""
    name, query = name.strip(), query.strip()
    if not name or not query:
        raise InvalidInputError("a saved search needs a name and a query")
    with archive.lock.hold(), archive.sessions.begin() as session:
        row = session.scalar(select(SavedSearch).where(SavedSearch.name == name))
        if row is None:
            row = SavedSearch(name=name, query=query)
            session.add(row)
        else:
            row.query = query
        session.flush()
        return SavedSearchRecord(row.id, row.name, row.query), Changes(saved_searches=True)


def delete(archive: Archive, search_id: int) -> Changes:
    with archive.lock.hold(), archive.sessions.begin() as session:
        row = session.get(SavedSearch, search_id)
        if row is None:
            raise NotFoundError(f"no saved search with id {search_id}")
        session.delete(row)
    return Changes(saved_searches=True)
