"""The core pieces issue 16's window stands on: change reports, the catalogue watch, collections, saved searches
and sorting, each with the bad inputs a user can give."""

from __future__ import annotations

import pytest

from archivist.core import collections, saved_searches
from archivist.core.archive import Archive
from archivist.core.changes import CatalogueWatch, Changes, of_documents
from archivist.core.errors import InvalidInputError, NotFoundError
from archivist.core.sorting import sorted_ids


def test_changes_merge_and_say_what_they_touch() -> None:
    merged = of_documents([1], highlights=True) | of_documents([2], notes=True)
    assert merged.documents == {1, 2} and merged.highlights and merged.notes and not merged.metadata
    assert merged.touches(2) and not merged.touches(3) and not merged.touches(None)
    assert Changes.everything().touches(3) and merged.describe() == "highlights, notes"
    assert not Changes() and Changes(saved_searches=True)


def test_the_watch_notices_another_connections_commit(seeded_archive: Archive) -> None:
    watch = CatalogueWatch(seeded_archive.sessions.kw["bind"])
    assert not watch.changed()
    with Archive.open(seeded_archive.root) as other:  # another program on the same archive
        other.annotations.add_highlight(other.document_ids()[0], quote="coalition")
    assert watch.changed() and not watch.changed()  # once per commit
    watch.close()


def test_collections_rename_delete_remove_and_their_bad_inputs(seeded_archive: Archive) -> None:
    ids = seeded_archive.document_ids()
    first, _changes = collections.create(seeded_archive, "Syria")
    second, _changes = collections.create(seeded_archive, "Iraq")
    assert collections.add(seeded_archive, first, ids).documents == set(ids)
    with pytest.raises(InvalidInputError, match="exists already"):
        collections.rename(seeded_archive, second, "Syria")
    with pytest.raises(InvalidInputError, match="needs a name"):
        collections.rename(seeded_archive, first, "   ")
    with pytest.raises(NotFoundError):
        collections.rename(seeded_archive, 999, "Elsewhere")
    collections.rename(seeded_archive, first, "Syria 2016")
    collections.remove(seeded_archive, first, ids[:1])
    assert seeded_archive.collection_document_ids(first) == ids[1:]
    assert collections.delete(seeded_archive, first).collections
    assert [name for _id, name, _count in seeded_archive.collections()] == ["Iraq"]
    assert seeded_archive.count() == 2  # deleting a collection keeps its documents
    with pytest.raises(NotFoundError):
        collections.delete(seeded_archive, first)


def test_saved_searches_and_their_bad_inputs(seeded_archive: Archive) -> None:
    record, changes = saved_searches.save(seeded_archive, "Coalition", "coalition civilians")
    assert changes.saved_searches
    saved_searches.save(seeded_archive, "Coalition", "coalition NOT Manbij")  # the same name: replaced
    assert [(s.name, s.query) for s in saved_searches.saved_searches(seeded_archive)] == [
        ("Coalition", "coalition NOT Manbij")]
    with pytest.raises(InvalidInputError):
        saved_searches.save(seeded_archive, "", "coalition")
    with pytest.raises(InvalidInputError):
        saved_searches.save(seeded_archive, "Empty", "  ")
    saved_searches.delete(seeded_archive, record.id)
    with pytest.raises(NotFoundError):
        saved_searches.delete(seeded_archive, record.id)


def test_sorting_in_sql_and_a_bad_key(seeded_archive: Archive) -> None:
    ids = seeded_archive.document_ids()
    by_title = sorted_ids(seeded_archive, "title")
    titles = [seeded_archive.get(doc_id).title.lower() for doc_id in by_title]
    assert titles == sorted(titles) and sorted_ids(seeded_archive, "title", descending=True) == by_title[::-1]
    assert sorted_ids(seeded_archive, "title", among=ids[:1]) == ids[:1]
    collection, _changes = collections.create(seeded_archive, "One")
    collections.add(seeded_archive, collection, ids[1:])
    assert sorted_ids(seeded_archive, "date", collection_id=collection) == ids[1:]
    with pytest.raises(InvalidInputError, match="cannot sort by"):
        sorted_ids(seeded_archive, "colour")
