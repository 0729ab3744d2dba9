"""Running a query: ranked hits with snippets and pages, total count, the time it took, 'did you mean'."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from whoosh.query import Phrase, Query, Term
from whoosh.searching import Hit as WhooshHit

from archivist.core.index.index import SearchIndex
from archivist.core.index.query import parse_query
from archivist.core.index.schema import text_analyzer
from archivist.core.index.snippets import Snippet, TermMatcher, TextSource, make_snippets
from archivist.core.index.spelling import suggest

log = logging.getLogger("archivist.index")

SORTS = ("relevance", "date", "-date")
TEXT_FIELDS = ("title", "body")
# "Finds nothing or little": below this many hits a corrected query is offered when one exists.
SUGGEST_BELOW = 3


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


@dataclass(slots=True)
class QueryWords:
    """The title/body words of a parsed query: loose words, and phrases (sequences of index terms)."""

    loose: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)

    @classmethod
    def of(cls, query: Query) -> QueryWords:
        words = cls()
        words._walk(query)
        return words

    def _walk(self, query: Query) -> None:
        if isinstance(query, Phrase):
            if query.fieldname in TEXT_FIELDS:
                self.phrases.append(tuple(query.words))
        elif isinstance(query, Term):
            if query.fieldname in TEXT_FIELDS:
                self.loose.add(str(query.text))
        else:
            for child in query.children():
                self._walk(child)

    def matcher(self, result: WhooshHit) -> TermMatcher:
        """Mark the terms this hit matched (wildcards and fuzzy words expanded), phrase words only as phrases."""
        matched = {
            value.decode("utf-8") if isinstance(value, bytes) else str(value)
            for fieldname, value in result.matched_terms()
            if fieldname in TEXT_FIELDS
        }
        only_in_phrases = {word for phrase in self.phrases for word in phrase} - self.loose
        return TermMatcher(_ANALYZER, matched - only_in_phrases, self.phrases)


def run_search(
    index: SearchIndex,
    text: str,
    text_source: TextSource,
    limit: int = 20,
    sort: str = "relevance",
    snippets: bool = True,
    free_text: bool = False,
) -> SearchResults:
    """Search the index; ``text_source(id)`` gives the catalogue's text and pages for snippets.

    ``free_text`` searches the words only: operators, fields and punctuation lose their meaning.
    """
    started = time.perf_counter()
    searcher = index.searcher()
    query = parse_query(searcher.schema, text, free_text)
    kwargs: dict[str, object] = {"limit": max(limit, 1), "terms": snippets}
    if sort in ("date", "-date"):
        kwargs.update(sortedby="date", reverse=sort == "-date")
    results = searcher.search(query, **kwargs)
    words = QueryWords.of(query)
    hits: list[Hit] = []
    for result in results[:limit] if limit > 0 else []:
        # Sorted by date, Whoosh's "score" is the sort key, not a relevance score: report none.
        score = round(float(result.score or 0.0), 4) if sort == "relevance" else 0.0
        hit = Hit(int(result["id"]), result.get("title", ""), score)
        source = text_source(hit.id) if snippets else None
        if source is not None:
            hit.snippets = make_snippets(source[0], source[1], words.matcher(result))
        hits.append(hit)
    total = len(results)
    suggesting = total < SUGGEST_BELOW and not free_text
    suggestion = suggest(searcher.reader(), text, index.vocabulary()) if suggesting else None
    took = (time.perf_counter() - started) * 1000
    return SearchResults(text, total, hits, round(took, 2), suggestion)
