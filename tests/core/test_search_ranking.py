"""Searching with ranking.py: exact totals, one snippet matcher per query (expansions marked, words under NOT
left out), texts fetched for all hits at once."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.extract.base import Page
from archivist.core.index.index import SearchIndex
from archivist.core.index.matching import _covering_prefixes
from archivist.core.index.query import parse_query
from archivist.core.index.search import QueryWords, run_search
from tests.core.test_ranking_support import DOCUMENTS, document
from tests.core.test_search_support import search_setup  # noqa: F401 - a fixture

Setup = tuple[Archive, dict[Path, int]]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    index = SearchIndex(tmp_path_factory.mktemp("generated") / "index")
    rng = random.Random(1987)
    index.add(document(number, rng) for number in range(DOCUMENTS))
    yield index
    index.close()


def no_text(_document_ids: list[int]) -> dict[int, tuple[str, list[Page]]]:
    return {}


@pytest.mark.parametrize(
    "query", ["why did the bank of japan cut interest rates", "oil price opec", '"interest rates"^2 dollar']
)
def test_the_total_counts_every_matching_document(generated: SearchIndex, query: str) -> None:
    searcher = generated.searcher()
    parsed = parse_query(searcher.schema, query, forms=generated.forms())
    matching = sum(1 for _ in searcher.docs_for_query(parsed))
    assert run_search(generated, query, no_text, snippets=False).total == matching


def test_sorted_by_date_the_hits_are_the_same_documents(generated: SearchIndex) -> None:
    by_relevance = run_search(generated, "opec", no_text, limit=DOCUMENTS, snippets=False)
    by_date = run_search(generated, "opec", no_text, limit=DOCUMENTS, sort="date", snippets=False)
    assert by_date.total == by_relevance.total
    assert {hit.id for hit in by_date.hits} == {hit.id for hit in by_relevance.hits}
    assert all(hit.score == 0.0 for hit in by_date.hits)


def test_texts_of_all_hits_are_fetched_at_once(search_setup: Setup) -> None:  # noqa: F811
    archive, _ids = search_setup
    asked: list[list[int]] = []

    def texts(document_ids: list[int]) -> dict[int, tuple[str, list[Page]]]:
        asked.append(document_ids)
        return {document_id: (archive.content(document_id).text, [Page(0, "7")]) for document_id in document_ids}

    results = run_search(archive.search_index, "coalition", texts)
    assert asked == [[hit.id for hit in results.hits]] and len(results.hits) == 2
    assert all(snippet.page == "7" and snippet.marks for hit in results.hits for snippet in hit.snippets)


def marked(archive: Archive, query: str) -> set[str]:
    return {
        snippet.text[start:end].lower()
        for hit in archive.search(query).hits
        for snippet in hit.snippets
        for start, end in snippet.marks
    }


def test_prefix_and_fuzzy_words_are_marked_as_the_words_they_matched(search_setup: Setup) -> None:  # noqa: F811
    archive, _ids = search_setup
    assert {"venezuela", "venezuelan"} <= marked(archive, "venezuel*")
    assert marked(archive, "Manbjj~") == {"manbij"}


def test_words_under_not_are_left_out_of_the_matcher() -> None:
    from archivist.core.index.schema import build_schema

    words = QueryWords.of(parse_query(build_schema(), 'cocoa NOT bahia "crude oil" AND NOT copper'))
    assert words.loose == {"cocoa"} and words.phrases == [("crude", "oil")]


def test_a_short_prefix_covers_longer_ones() -> None:
    assert _covering_prefixes(["shipment", "ship", "shipper", "cargo", "car", "b"]) == ["ship", "car", "b"]


def test_related_documents_are_the_ones_whoosh_finds(generated: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    import archivist.core.index.related as related

    rng = random.Random(1987)
    documents = [document(number, rng) for number in range(DOCUMENTS)]
    for source in documents[1:60:7]:
        ours = related.related_documents(generated, source.id, source.body, 8)
        with monkeypatch.context() as patched:
            patched.setattr(related, "rank", lambda *_args: None)  # Whoosh's own search, as before ranking.py
            theirs = related.related_documents(generated, source.id, source.body, 8)
        assert ours and [(hit.id, hit.score, hit.terms) for hit in ours] == [
            (hit.id, hit.score, hit.terms) for hit in theirs
        ]
        assert source.id not in {hit.id for hit in ours}


@pytest.mark.parametrize("query", ["", "oil", '"interest rates" opec', "format:pdf oil", "date:2016", "tag:urgent"])
def test_facet_counts_are_whooshs(generated: SearchIndex, query: str) -> None:
    from whoosh.query import Every

    from archivist.core.index import facets

    searcher = generated.searcher()
    parsed = parse_query(searcher.schema, query, forms=generated.forms()) if query else Every()
    ours, theirs = facets._counts(searcher, parsed), facets._whoosh_counts(searcher, parsed)
    assert ours is not None
    for name in facets.FACET_FIELDS:
        by_value = name == "year"
        assert facets._sorted_counts(ours[name], by_value) == facets._sorted_counts(theirs[name], by_value)
    if not query:
        assert ("urgent", len(range(0, DOCUMENTS, 4))) in facets.facet_counts(generated, "")["tag"]


def test_facets_of_a_query_ranking_does_not_match_come_from_whoosh(generated: SearchIndex) -> None:
    from archivist.core.index.facets import facet_counts

    counts = facet_counts(generated, "title:*")
    assert counts["format"] and sum(count for _value, count in counts["format"]) == DOCUMENTS
