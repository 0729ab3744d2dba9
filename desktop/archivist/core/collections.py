"""Collections beyond creating and filling one (Archive.create_collection, add_to_collection): rename, delete,
remove documents. Each returns the ``Changes`` it made; collection names are in the index, so the documents
concerned are indexed again.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from archivist.core.archive import Archive
from archivist.core.catalogue import Collection
from archivist.core.changes import Changes, of_documents
from archivist.core.errors import InvalidInputError, NotFoundError


def collection_named(archive: Archive, collection_id: int) -> str:
    with archive.sessions() as session:
        return _collection(session, collection_id).name


def create(archive: Archive, name: str) -> tuple[int, Changes]:
    return archive.create_collection(name), Changes(collections=True)


def add(archive: Archive, collection_id: int, document_ids: Iterable[int]) -> Changes:
    ids = list(document_ids)
    archive.add_to_collection(collection_id, ids)
    return of_documents(ids, collections=True)


def rename(archive: Archive, collection_id: int, name: str) -> Changes:
    name = name.strip()
    if not name:
        raise InvalidInputError("a collection needs a name")
    with archive.lock.hold():
        with archive.sessions.begin() as session:
            collection = _collection(session, collection_id)
            taken = session.scalar(select(Collection.id).where(Collection.name == name, Collection.id != collection_id))
            if taken is not None:
                raise InvalidInputError(f"a collection named {name!r} exists already")
            collection.name = name
            ids = [document.id for document in collection.documents]
        archive.index_documents(ids)
    return of_documents(ids, collections=True)


def delete(archive: Archive, collection_id: int) -> Changes:
    """Delete the collection; its documents stay in the archive."""
    with archive.lock.hold():
        with archive.sessions.begin() as session:
            collection = _collection(session, collection_id)
            ids = [document.id for document in collection.documents]
            session.delete(collection)
        archive.index_documents(ids)
    return of_documents(ids, collections=True)


def remove(archive: Archive, collection_id: int, document_ids: Iterable[int]) -> Changes:
    """Take documents out of the collection (not out of the archive)."""
    ids = set(document_ids)
    with archive.lock.hold():
        with archive.sessions.begin() as session:
            collection = _collection(session, collection_id)
            collection.documents = [document for document in collection.documents if document.id not in ids]
        archive.index_documents(sorted(ids))
    return of_documents(ids, collections=True)


def _collection(session: object, collection_id: int) -> Collection:
    collection = session.get(Collection, collection_id)  # type: ignore[attr-defined]
    if collection is None:
        raise NotFoundError(f"no collection with id {collection_id}")
    return collection
