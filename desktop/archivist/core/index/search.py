"""Running a query: ranked hits with snippets and pages, total count, the time it took, 'did you mean'."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from whoosh.query import AndNot, MultiTerm, Not, Phrase, Query, Term
from whoosh.searching import Searcher

from archivist.core.index.index import SearchIndex
from archivist.core.index.languages import query_candidates
from archivist.core.index.matching import TermMatcher, find_matches
from archivist.core.index.normalise import is_cjk
from archivist.core.index.postings import EXPANSIONS
from archivist.core.index.query import parse_query
from archivist.core.index.ranking import rank
from archivist.core.index.schema import WORD_FIELDS
from archivist.core.index.snippets import Snippet, TextsSource, make_snippets
from archivist.core.index.spelling import suggest
from archivist.core.index.stems import Stem

log = logging.getLogger("archivist.index")

SORTS = ("relevance", "date", "-date")
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


@dataclass(slots=True)
class QueryWords:
    """The title/body words of a parsed query: stems (any form of them is marked), exact forms (a word typed as
    a term of its own, a CJK bigram), and exact phrases (sequences of exact forms); the words of a proximity
    search ("…"~N) are exact forms, marked one by one.

    Words under a NOT are left out: no hit holds them. Wildcards, prefixes and fuzzy words are kept as queries
    and expanded to the index terms (exact forms) they match when the matcher is made."""

    loose: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    expanding: list[MultiTerm] = field(default_factory=list)
    languages: dict[str, list[str]] | None = None

    @classmethod
    def of(cls, query: Query, languages: dict[str, list[str]] | None = None) -> QueryWords:
        words = cls(languages=languages)
        words._walk(query)
        return words

    def _walk(self, query: Query) -> None:
        if isinstance(query, Not):
            return
        if isinstance(query, AndNot):
            self._walk(query.a)
        elif isinstance(query, Phrase):
            if query.fieldname in WORD_FIELDS:
                # A proximity search's words are marked one by one, as exact forms.
                if query.slop == 1 and tuple(query.words) not in self.phrases:
                    self.phrases.append(tuple(query.words))
                elif query.slop != 1:
                    self.exact.update(query.words)
        elif isinstance(query, Stem):
            if query.fieldname in WORD_FIELDS:
                self.loose.add(query.text)
        elif isinstance(query, Term):
            if query.fieldname in WORD_FIELDS:
                text = str(query.text)
                (self.loose if is_cjk(text[:1]) else self.exact).add(text)  # a CJK bigram is its own stem
        elif isinstance(query, MultiTerm):
            if query.field() in WORD_FIELDS:
                self.expanding.append(query)
        else:
            for child in query.children():
                self._walk(child)

    def matcher(self, searcher: Searcher) -> TermMatcher:
        """One matcher for every hit: the loose words and expansions, phrase words only as phrases.

        A word of the query that a hit lacks is simply not found in its text, so the hits need no matcher of
        their own, and the analysis of each word of the texts is cached across all of them."""
        expanded = {
            word.decode("utf-8")
            for query in self.expanding
            for subsearcher, _offset in searcher.leaf_searchers()
            for word in EXPANSIONS.terms(subsearcher.reader(), query)
        }
        return TermMatcher(self.loose, self.phrases, self.languages, self.exact | expanded)


def run_search(
    index: SearchIndex,
    text: str,
    texts: TextsSource,
    limit: int = 20,
    sort: str = "relevance",
    snippets: bool = True,
    free_text: bool = False,
) -> SearchResults:
    """Search the index; ``texts(ids)`` gives the catalogue's texts and pages of all hits for their snippets
    (one catalogue query, not one per hit).

    ``free_text`` searches the words only: operators, fields and punctuation lose their meaning.
    """
    started = time.perf_counter()
    searcher = index.searcher()
    languages = query_candidates(searcher.reader(), text)
    query = parse_query(searcher.schema, text, free_text, languages, index.forms())
    ranked, total = _ranked(searcher, query, max(limit, 1), sort)
    hits = [_hit(searcher, docnum, score, sort) for score, docnum in ranked[: max(limit, 0)]]
    if snippets and hits:
        matcher = QueryWords.of(query, languages).matcher(searcher)
        sources = texts([hit.id for hit in hits])
        for hit in hits:
            source = sources.get(hit.id)
            if source is not None:
                hit.snippets = make_snippets(source[0], source[1], matcher)
    suggestion = None
    if total < SUGGEST_BELOW and not free_text:
        suggestion = suggest(searcher.reader(), text, index.vocabulary(), index.forms())
    took = (time.perf_counter() - started) * 1000
    return SearchResults(text, total, hits, round(took, 2), suggestion)


def _ranked(searcher: Searcher, query: Query, limit: int, sort: str) -> tuple[list[tuple[float, int]], int]:
    """(score, document number) of the best ``limit`` hits, and how many documents match.

    By relevance, ranking.py scores whole posting lists; Whoosh's matchers run what it does not handle and
    the sorts by date."""
    if sort == "relevance":
        ranking = rank(searcher, query, limit)
        if ranking is not None:
            return ranking.hits, ranking.total
    options: dict[str, object] = {"limit": limit}
    if sort in ("date", "-date"):
        options.update(sortedby="date", reverse=sort == "-date")
    results = searcher.search(query, **options)
    return [(hit.score or 0.0, hit.docnum) for hit in results], len(results)


def _hit(searcher: Searcher, docnum: int, score: float, sort: str) -> Hit:
    stored = searcher.stored_fields(docnum)
    # Sorted by date, Whoosh's "score" is the sort key, not a relevance score: report none.
    return Hit(int(stored["id"]), stored.get("title", ""), round(float(score), 4) if sort == "relevance" else 0.0)


def match_spans(index: SearchIndex, text: str, query_text: str) -> list[tuple[int, int]]:
    """(start, end) offsets in ``text`` of what ``query_text`` matches, as the search marks it: each matched word,
    and each exact phrase as one match (the reader's marks)."""
    searcher = index.searcher()
    languages = query_candidates(searcher.reader(), query_text)
    query = parse_query(searcher.schema, query_text, languages=languages, forms=index.forms())
    matcher = QueryWords.of(query, languages).matcher(searcher)
    return [(start, end) for start, end, _key in find_matches(text, matcher)]
