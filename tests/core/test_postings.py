"""Posting lists read whole (postings.py) hold what Whoosh's own matchers step through, and the caches of
lists and expansions never serve a segment what was read from another."""

from __future__ import annotations

import pytest
from whoosh.query import FuzzyTerm, Prefix
from whoosh.searching import Searcher

from archivist.core.index.postings import (
    ExpansionCache,
    PostingCache,
    Postings,
    length_bytes,
    postings,
    read_postings,
    read_values,
)
from tests.core.test_ranking_support import searcher  # noqa: F401 - a fixture

TERMS = [("body", b"oil"), ("body", b"rate"), ("title", b"price"), ("body", b"talks"), ("format", b"pdf")]


def whoosh_postings(reader: object, fieldname: str, btext: bytes) -> list[tuple[int, float, bytes]]:
    """(id, weight, value) of every posting, deleted documents included, through Whoosh's matcher."""
    matcher = reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)  # type: ignore[attr-defined]
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


@pytest.mark.parametrize(("fieldname", "btext"), TERMS)
def test_a_list_read_whole_is_the_list_whoosh_steps_through(searcher: Searcher, fieldname: str, btext: bytes) -> None:  # noqa: F811
    for subsearcher, _offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        expected = whoosh_postings(reader, fieldname, btext)
        found = read_postings(reader, fieldname, btext)
        assert list(zip(found.ids, found.weights, strict=True)) == [(doc, weight) for doc, weight, _v in expected]
        wanted = {doc for doc, _weight, _value in expected[::3]}
        assert read_values(reader, fieldname, btext, wanted) == {
            doc: value for doc, _weight, value in expected if doc in wanted
        }


def test_some_lists_span_several_blocks(searcher: Searcher) -> None:  # noqa: F811
    reader = searcher.leaf_searchers()[0][0].reader()
    assert len(read_postings(reader, "body", b"oil").ids) > 128  # Whoosh's block size


def test_field_lengths_are_whooshs(searcher: Searcher) -> None:  # noqa: F811
    from whoosh.util.numeric import byte_to_length

    for subsearcher, _offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        codes = length_bytes(reader, "body")
        assert len(codes) == reader.doc_count_all()
        assert [byte_to_length(code) if code else None for code in codes] == [
            reader.doc_field_length(docnum, "body") for docnum in range(reader.doc_count_all())
        ]


def test_lists_are_cached_per_reader(searcher: Searcher) -> None:  # noqa: F811
    first, second = (subsearcher.reader() for subsearcher, _offset in searcher.leaf_searchers()[:2])
    once = postings(first, "body", b"oil")
    assert postings(first, "body", b"oil") is once
    assert postings(second, "body", b"oil") is not once


def test_the_cache_drops_the_oldest_lists_beyond_its_budget(searcher: Searcher) -> None:  # noqa: F811
    reader = searcher.leaf_searchers()[0][0].reader()
    cache = PostingCache(budget=10)
    cache.put(reader, "body", b"a", Postings([1, 2, 3, 4], [1.0] * 4))
    cache.put(reader, "body", b"b", Postings([1, 2, 3, 4], [1.0] * 4))
    assert cache.get(reader, "body", b"a") is not None  # now the most recent
    cache.put(reader, "body", b"c", Postings([1, 2, 3, 4], [1.0] * 4))
    assert cache.get(reader, "body", b"b") is None
    assert cache.get(reader, "body", b"a") is not None and cache.get(reader, "body", b"c") is not None
    cache.put(reader, "body", b"huge", Postings(list(range(11)), [1.0] * 11))
    assert cache.get(reader, "body", b"huge") is None
    cache.clear()
    assert cache.get(reader, "body", b"a") is None


def test_expansions_are_index_terms_in_bytes_and_remembered(searcher: Searcher) -> None:  # noqa: F811
    reader = searcher.leaf_searchers()[0][0].reader()
    cache = ExpansionCache(size=1)
    fuzzy = FuzzyTerm("body", "proft")
    assert cache.terms(reader, fuzzy) == [b"profit"]
    assert cache.terms(reader, fuzzy) is cache.terms(reader, fuzzy)
    assert set(cache.terms(reader, Prefix("body", "ex"))) == {b"export"}
    assert cache.terms(reader, fuzzy) == [b"profit"]  # recomputed: the cache holds one query
