"""ranking.py against Whoosh itself: the same documents in the same order with the same scores, and the
exact number of matches, on an index with several segments, many-block posting lists and deleted documents."""

from __future__ import annotations

import pytest
from whoosh.collectors import TopCollector
from whoosh.searching import Searcher

from archivist.core.index.query import parse_query
from archivist.core.index.ranking import rank
from tests.core.test_ranking_support import DELETED, DOCUMENTS, parse, searcher  # noqa: F401 - a fixture


def exhaustive(searcher: Searcher, text: str) -> tuple[list[tuple[float, int]], int]:  # noqa: F811
    """Whoosh with its pruning turned off (it drops matches its own optimisations should not): every match
    scored document at a time."""
    query = parse(searcher, text)
    collector = TopCollector(limit=DOCUMENTS, usequality=False, replace=0)
    searcher.search_with_collector(query, collector)
    return [(hit.score, hit.docnum) for hit in collector.results()], sum(1 for _ in searcher.docs_for_query(query))


def rounded(hits: list[tuple[float, int]]) -> list[tuple[float, int]]:
    # Sums may be added in another order, so scores agree to ~1e-15; ties then go to the lower docnum.
    return sorted(((round(score, 9), docnum) for score, docnum in hits), key=lambda hit: (-hit[0], hit[1]))


@pytest.mark.parametrize(
    "query",
    [
        "oil", "opec", "rates", "title:wheat", "oil price", "japan china soviet union market", '"interest rates"',
        '"crude oil" opec', 'title:"crude oil"', "oil AND price", "oil NOT price", "oil NOT price NOT bank",
        "(oil OR grain) AND export*", "ex*", "proft~", "oil^3 price", '"interest rates"^2 dollar', "format:pdf oil",
        "format:text", "tag:farm grain", "date:2016 oil", "date:[2015-01 to 2016-06] bank", "year:2017",
        "nothingmatches", "nothingmatches oil", "oil OR nothingmatches", "(oil price) minister",
        "why did the bank of japan cut interest rates", "what did the minister say about the trade deficit?",
    ],
)
def test_same_hits_scores_and_total_as_whoosh(searcher: Searcher, query: str) -> None:  # noqa: F811
    ranking = rank(searcher, parse(searcher, query), DOCUMENTS)
    assert ranking is not None, query
    hits, total = exhaustive(searcher, query)
    assert rounded(ranking.hits) == rounded(hits)
    assert ranking.total == total
    assert not set(DELETED) & {int(searcher.stored_fields(docnum)["id"]) for _score, docnum in ranking.hits}


@pytest.mark.parametrize("limit", [1, 3, 10, 50])
@pytest.mark.parametrize("query", ["oil price opec", "why did the bank of japan cut rates", '"crude oil" opec'])
def test_the_best_few_are_the_top_of_the_full_ranking(searcher: Searcher, query: str, limit: int) -> None:  # noqa: F811
    # A coordinated OR works its factor out only for the documents that can make the best few.
    parsed = parse(searcher, query)
    full = rank(searcher, parsed, DOCUMENTS)
    top = rank(searcher, parsed, limit)
    assert full is not None and top is not None
    assert top.hits == full.hits[:limit] and top.total == full.total


@pytest.mark.parametrize("query", ["*", "title:*", '"crude oil"~3', "oil ANDMAYBE price"])
def test_queries_it_does_not_score_are_left_to_whoosh(searcher: Searcher, query: str) -> None:  # noqa: F811
    assert rank(searcher, parse(searcher, query), 10) is None


def test_dates_in_a_range_are_found(searcher: Searcher) -> None:  # noqa: F811
    ranking = rank(searcher, parse_query(searcher.schema, "date:2016"), DOCUMENTS)
    assert ranking is not None and ranking.total > 0
    assert {searcher.stored_fields(docnum)["id"] % 4 for _score, docnum in ranking.hits} == {2}  # 2014 + 2


@pytest.mark.parametrize("query", ['"interest rates"', '"crude oil" opec', "proft~", "ex*", "oil NOT price"])
def test_the_compared_queries_do_match(searcher: Searcher, query: str) -> None:  # noqa: F811
    ranking = rank(searcher, parse(searcher, query), 10)
    assert ranking is not None and 0 < ranking.total < DOCUMENTS
