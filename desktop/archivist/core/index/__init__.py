"""The Whoosh full-text index: a cache of the catalogue that ``reindex`` rebuilds."""

from archivist.core.index.documents import IndexDocument
from archivist.core.index.facets import facet_counts
from archivist.core.index.index import SearchIndex
from archivist.core.index.related import RelatedHit, related_documents
from archivist.core.index.search import Hit, SearchResults, run_search
from archivist.core.index.snippets import Snippet

__all__ = [
    "Hit",
    "IndexDocument",
    "RelatedHit",
    "SearchIndex",
    "SearchResults",
    "Snippet",
    "facet_counts",
    "related_documents",
    "run_search",
]
