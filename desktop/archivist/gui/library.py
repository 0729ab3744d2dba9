"""What the document list and the sidebar show, read in one go on the reader thread.

The window never queries the catalogue for these on the GUI thread: on 100,000 documents the ids alone take
about 100 ms, and the window's first paint must not wait for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archivist.core.archive import Archive
from archivist.core.records import DocumentSummary

FacetCounts = dict[str, list[tuple[str, int]]]


@dataclass(frozen=True, slots=True)
class LibraryCounts:
    """The sidebar's library section: all documents, collections and tags with their counts."""

    total: int
    collections: list[tuple[int, str, int]]
    tags: list[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class Library:
    """The list's ids in order, the first rows' summaries (so their first paint reads nothing), the counts."""

    ids: list[int]
    counts: LibraryCounts
    first_rows: dict[int, DocumentSummary] = field(default_factory=dict)
    index_ready: bool = True  # False: the search index is missing or of an older version, so it needs a rebuild


def read_counts(archive: Archive, total: int | None = None) -> LibraryCounts:
    return LibraryCounts(archive.count() if total is None else total, archive.collections(), archive.tags())


def read_library(archive: Archive, collection: int | None, first_rows: int,
                 sort: tuple[str, bool] | None = None) -> Library:
    """The whole archive (``collection`` None) or one collection, newest first or sorted by (key, descending)."""
    if sort is not None:
        from archivist.core.sorting import sorted_ids

        ids = sorted_ids(archive, sort[0], sort[1], collection)
        counts = read_counts(archive, total=len(ids) if collection is None else None)
    elif collection is None:
        ids = archive.document_ids()
        counts = read_counts(archive, total=len(ids))
    else:
        ids = archive.collection_document_ids(collection)
        counts = read_counts(archive)
    return Library(ids, counts, archive.summaries(ids[:first_rows]), archive.search_index.exists())


def archive_facets(archive: Archive) -> FacetCounts:
    """Format, year and site counts of the whole archive, from the catalogue.

    Not from the index: a GROUP BY in SQLite is quick (80 ms on 100,000 documents) and opens no Whoosh
    searcher, which would be opened at start-up only for this. Sites are grouped as written, where the index
    folds their case.
    """
    from archivist.core.facets import catalogue_facets

    with archive.sessions() as session:
        return catalogue_facets(session, None)
