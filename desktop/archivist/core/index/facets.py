"""Facet counts for the GUI's filters: how many matching documents per format, year, tag and site."""

from __future__ import annotations

from whoosh import sorting
from whoosh.query import Every, Query

from archivist.core.index.index import SearchIndex
from archivist.core.index.query import parse_query

# Facet name → index field; a tag list is counted once per tag, so a document may count under several.
FACET_FIELDS = {"format": "format", "year": "year", "tag": "tag", "site": "site_key"}


def facet_counts(index: SearchIndex, text: str | None) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value for the documents a query matches, most documents first (years newest
    first, like the catalogue's facets); an empty query counts the whole archive."""
    searcher = index.searcher()
    query: Query = parse_query(searcher.schema, text) if text and text.strip() else Every()
    groupedby = {
        name: sorting.FieldFacet(field, allow_overlap=name == "tag", maptype=sorting.Count)
        for name, field in FACET_FIELDS.items()
    }
    results = searcher.search(query, groupedby=groupedby, limit=1)
    return {name: _sorted_counts(results.groups(name), by_value=name == "year") for name in FACET_FIELDS}


def _sorted_counts(groups: dict[object, int], by_value: bool) -> list[tuple[str, int]]:
    counts = [(str(value), count) for value, count in groups.items() if value not in (None, "", b"")]
    if by_value:
        return sorted(counts, reverse=True)
    return sorted(counts, key=lambda item: (-item[1], item[0]))
