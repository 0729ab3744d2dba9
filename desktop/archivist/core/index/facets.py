"""Facet counts for the GUI's filters: how many matching documents per format, year, tag and site.

The GUI asks for them beside every search. Whoosh's grouping visits each matching document in Python (a
third of a second for a common word in 19,000 documents); here the matching documents come as a set from
ranking.py and each facet value counts its documents in that set: one C-level intersection per value, with
the value's posting list read once and cached.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from whoosh import sorting
from whoosh.query import Every, Query
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from archivist.core.index.index import SearchIndex
from archivist.core.index.languages import query_candidates
from archivist.core.index.postings import postings
from archivist.core.index.query import parse_query
from archivist.core.index.ranking import SegmentScorer, Unsupported, supports

# Facet name → index field; a tag list is counted once per tag, so a document may count under several.
FACET_FIELDS = {"format": "format", "year": "year", "tag": "tag", "site": "site_key"}
# Each document has one value at most (its other terms, of numbers at lower precision, are not values).
OVERLAPPING = {"tag"}


def facet_counts(index: SearchIndex, text: str | None) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value for the documents a query matches, most documents first (years newest first,
    like the catalogue's facets); an empty query counts the whole archive."""
    searcher = index.searcher()
    query: Query = (parse_query(searcher.schema, text, languages=query_candidates(searcher.reader(), text),
                                forms=index.forms())
                    if text and text.strip() else Every())  # the documents run_search counts
    counts = _counts(searcher, query)
    if counts is None:
        counts = _whoosh_counts(searcher, query)
    return {name: _sorted_counts(counts[name], by_value=name == "year") for name in FACET_FIELDS}


def _counts(searcher: Searcher, query: Query) -> dict[str, Counter[object]] | None:
    """Counts from posting lists, or None when ranking.py cannot match the query."""
    if not isinstance(query, Every) and not supports(searcher):
        return None
    counts: dict[str, Counter[object]] = {name: Counter() for name in FACET_FIELDS}
    try:
        for subsearcher, _offset in searcher.leaf_searchers():
            reader = subsearcher.reader()
            matched = _matching(searcher, reader, query)
            for name, fieldname in FACET_FIELDS.items():
                for value, documents in _values(reader, fieldname):
                    counts[name][value] += len(matched.intersection(documents))
    except Unsupported:
        return None
    return counts


def _matching(searcher: Searcher, reader: IndexReader, query: Query) -> set[int]:
    """The live documents of one segment that ``query`` matches."""
    if isinstance(query, Every) and query.fieldname is None:
        documents = set(range(reader.doc_count_all()))
        if reader.has_deletions():
            documents.difference_update(reader.deleted_docs_set)  # type: ignore[attr-defined]
        return documents
    return set(SegmentScorer(searcher, reader).matches(query))


def _values(reader: IndexReader, fieldname: str) -> Iterator[tuple[object, Sequence[int]]]:
    """Each value of a field in the segment, with the documents that have it."""
    field = reader.schema[fieldname]
    for btext in field.sortable_terms(reader, fieldname):
        yield field.from_bytes(btext), postings(reader, fieldname, btext).ids


def _whoosh_counts(searcher: Searcher, query: Query) -> dict[str, Counter[object]]:
    groupedby = {
        name: sorting.FieldFacet(field, allow_overlap=name in OVERLAPPING, maptype=sorting.Count)
        for name, field in FACET_FIELDS.items()
    }
    results = searcher.search(query, groupedby=groupedby, limit=1)
    return {name: Counter(results.groups(name)) for name in FACET_FIELDS}


def _sorted_counts(groups: dict[object, int], by_value: bool) -> list[tuple[str, int]]:
    counts = [(str(value), count) for value, count in groups.items() if value not in (None, "", b"") and count]
    if by_value:
        return sorted(counts, reverse=True)
    return sorted(counts, key=lambda item: (-item[1], item[0]))
