"""Running a query: ranked hits with snippets and pages, total count and the time it took."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from archivist.core.index.index import SearchIndex
from archivist.core.index.query import parse_query
from archivist.core.index.schema import text_analyzer
from archivist.core.index.snippets import Snippet, TermMatcher, TextSource, make_snippets

SORTS = ("relevance", "date", "-date")


@dataclass(slots=True)
class Hit:
    id: int
    title: str
    score: float
    snippets: list[Snippet] = field(default_factory=list)


@dataclass(slots=True)
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    took_ms: float
    suggestion: str | None = None


_ANALYZER = text_analyzer()


def _matched_text_terms(result: Hit | object) -> set[str]:
    """The title/body index terms this hit matched (wildcards and fuzzy terms already expanded)."""
    terms: set[str] = set()
    for fieldname, value in result.matched_terms():  # type: ignore[attr-defined]
        if fieldname in ("body", "title"):
            terms.add(value.decode("utf-8") if isinstance(value, bytes) else str(value))
    return terms


def run_search(
    index: SearchIndex,
    text: str,
    text_source: TextSource,
    limit: int = 20,
    sort: str = "relevance",
    snippets: bool = True,
) -> SearchResults:
    """Search the index; ``text_source(id)`` gives the catalogue's text and pages for snippets."""
    started = time.perf_counter()
    searcher = index.searcher()
    query = parse_query(searcher.schema, text)
    kwargs: dict[str, object] = {"limit": max(limit, 1), "terms": snippets}
    if sort in ("date", "-date"):
        kwargs.update(sortedby="date", reverse=sort == "-date")
    results = searcher.search(query, **kwargs)
    hits: list[Hit] = []
    for result in results[:limit] if limit > 0 else []:
        hit = Hit(int(result["id"]), result.get("title", ""), round(float(result.score or 0.0), 4))
        source = text_source(hit.id) if snippets else None
        if source is not None:
            matcher = TermMatcher(_ANALYZER, _matched_text_terms(result))
            hit.snippets = make_snippets(source[0], source[1], matcher)
        hits.append(hit)
    took = (time.perf_counter() - started) * 1000
    return SearchResults(text, len(results), hits, round(took, 2))
