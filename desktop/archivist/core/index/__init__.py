"""The Whoosh full-text index: a cache of the catalogue that ``reindex`` rebuilds."""

from archivist.core.index.documents import IndexDocument
from archivist.core.index.index import SearchIndex
from archivist.core.index.search import Hit, SearchResults, run_search
from archivist.core.index.snippets import Snippet

__all__ = ["Hit", "IndexDocument", "SearchIndex", "SearchResults", "Snippet", "run_search"]
