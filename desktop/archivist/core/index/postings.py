"""Whole posting lists and field lengths read straight from a Whoosh segment, and caches of what was read.

Whoosh's matchers step through postings one at a time behind several Python method calls each; ranking.py
reads a term's list whole instead, one unpickled block of postings at a time. This module is the only one that
knows Whoosh's block layout (whoosh.codec.whoosh3); a matcher or column of any other kind is read through the
public one-posting-at-a-time interface, slower but the same.

Unpickling is most of the cost of reading a list (each block holds the positions too, pickled by Whoosh with
protocol 2, where every bytes value is a function call), so the ids and weights of recently read lists are
kept: the common words of successive queries ("oil", then "oil prices") are read once per searcher.
"""

from __future__ import annotations

import threading
import weakref
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.columns import NumericColumn
from whoosh.matching import Matcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import MultiTerm, Query
from whoosh.reading import IndexReader
from whoosh.util.numeric import length_to_byte

# Postings the cache keeps (ids and weights, 8 bytes each: about 32 MB); at 100,000 Reuters stories this
# is the lists of several dozen common words.
CACHE_BUDGET = 4_000_000


@dataclass(slots=True)
class Postings:
    """A term's postings in one segment: document numbers (ascending) and weights (term frequencies)."""

    ids: Sequence[int]
    weights: Sequence[float]


class PostingCache:
    """The ids and weights of recently read lists, oldest dropped beyond ``budget`` postings.

    Entries belong to a segment reader: a searcher made after the index changed has new readers, so a list is
    never served for a segment it was not read from.
    """

    def __init__(self, budget: int = CACHE_BUDGET) -> None:
        self.budget = budget
        self._entries: OrderedDict[tuple[int, str, bytes], tuple[weakref.ref[IndexReader], Postings]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()  # the GUI searches on worker threads

    def get(self, reader: IndexReader, fieldname: str, btext: bytes) -> Postings | None:
        key = (id(reader), fieldname, btext)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0]() is not reader:  # a dead reader's id may have been reused
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, reader: IndexReader, fieldname: str, btext: bytes, postings: Postings) -> None:
        if len(postings.ids) > self.budget:
            return
        key = (id(reader), fieldname, btext)
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= _cost(old[1])
            self._entries[key] = (weakref.ref(reader), postings)
            self._size += _cost(postings)
            while self._size > self.budget:
                _key, (_reader, dropped) = self._entries.popitem(last=False)
                self._size -= _cost(dropped)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0


def _cost(postings: Postings) -> int:
    return max(len(postings.ids), 1)  # an empty list (a term the segment lacks) is an entry too


CACHE = PostingCache()


class ExpansionCache:
    """The index terms prefix, wildcard and fuzzy queries expanded to in each segment, the last ``size`` per
    segment reader: a fuzzy word scans the whole lexicon, and ranking and snippets both need its terms."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._readers: weakref.WeakKeyDictionary[IndexReader, OrderedDict[Query, list[bytes]]] = (
            weakref.WeakKeyDictionary()
        )
        self._lock = threading.Lock()

    def terms(self, reader: IndexReader, query: MultiTerm) -> list[bytes]:
        with self._lock:
            known = self._readers.setdefault(reader, OrderedDict())
            if query in known:
                known.move_to_end(query)
                return known[query]
        # Outside the lock: a fuzzy word may take a while. Some queries give str, the lexicon holds bytes.
        to_bytes = reader.schema[query.field()].to_bytes
        found = [word if isinstance(word, bytes) else to_bytes(word) for word in query._btexts(reader) if word]
        with self._lock:
            known[query] = found
            while len(known) > self.size:
                known.popitem(last=False)
        return found

    def clear(self) -> None:
        with self._lock:
            self._readers.clear()


EXPANSIONS = ExpansionCache()


def postings(reader: IndexReader, fieldname: str, btext: bytes) -> Postings:
    """The ids and weights of every posting of a term in ``reader`` (none when the term is not there), deleted
    documents included (the caller drops them); from the cache when the list was read lately."""
    found = CACHE.get(reader, fieldname, btext)
    if found is None:
        # Asking the segment whether it has the term costs ~50 µs, so absence is cached too.
        found = read_postings(reader, fieldname, btext) if (fieldname, btext) in reader else Postings((), ())
        CACHE.put(reader, fieldname, btext, found)
    return found


def read_postings(reader: IndexReader, fieldname: str, btext: bytes) -> Postings:
    """Every posting of a term, read from the segment."""
    matcher = _matcher(reader, fieldname, btext)
    if isinstance(matcher, W3LeafMatcher):
        try:
            return _read_blocks(matcher)
        except AttributeError:  # another Whoosh release laid its blocks out differently
            matcher = _matcher(reader, fieldname, btext)
    found = Postings([], [])
    while matcher.is_active():
        found.ids.append(matcher.id())  # type: ignore[attr-defined]
        found.weights.append(matcher.weight())  # type: ignore[attr-defined]
        matcher.next()
    return found


def read_values(reader: IndexReader, fieldname: str, btext: bytes, wanted: Collection[int]) -> dict[int, bytes]:
    """The encoded values (positions) of a term's postings in the ``wanted`` documents, unpickling only the
    blocks that hold some of them."""
    matcher = _matcher(reader, fieldname, btext)
    if isinstance(matcher, W3LeafMatcher):
        try:
            return _read_block_values(matcher, wanted)
        except AttributeError:
            matcher = _matcher(reader, fieldname, btext)
    found: dict[int, bytes] = {}
    while matcher.is_active():
        if matcher.id() in wanted:
            found[matcher.id()] = matcher.value()
        matcher.next()
    return found


def _matcher(reader: IndexReader, fieldname: str, btext: bytes) -> Matcher:
    matcher = reader.postings(fieldname, btext)
    return matcher.child if isinstance(matcher, FilterMatcher) else matcher  # deletions: the caller's business


def _read_blocks(matcher: W3LeafMatcher) -> Postings:
    # Whoosh writes weights as 32-bit floats, so array("f") holds them exactly.
    ids, weights = array("I"), array("f")
    while True:
        ids.extend(_block_ids(matcher))
        matcher._read_weights()
        weights.extend(matcher._weights)
        if matcher._lastblock:
            return Postings(ids, weights)
        matcher._next_block()


def _read_block_values(matcher: W3LeafMatcher, wanted: Collection[int]) -> dict[int, bytes]:
    ordered = sorted(wanted)
    found: dict[int, bytes] = {}
    start = 0  # the wanted documents before ``start`` are in blocks already passed
    while start < len(ordered):
        end = bisect_right(ordered, matcher._maxid, start)  # the block info says which ids it holds
        if end > start:
            matcher._read_values()
            values = dict(zip(_block_ids(matcher), matcher._values, strict=True))
            found.update((doc, values[doc]) for doc in ordered[start:end] if doc in values)
            start = end
        if matcher._lastblock:
            break
        matcher._next_block()
    return found


def _block_ids(matcher: W3LeafMatcher) -> Iterable[int]:
    if matcher._data is None:
        matcher._read_data()
    ids = matcher._data[0]
    # Block ids are stored as gaps; accumulate() undoes that in C, Whoosh's delta_decode in Python.
    return ids if matcher._byteids else accumulate(ids)  # type: ignore[no-any-return]


def length_bytes(reader: IndexReader, fieldname: str) -> bytes:
    """Each document's length in ``fieldname`` as Whoosh's one-byte code (``byte_to_length`` decodes it), 0 for
    none; one read of the whole column."""
    count = reader.doc_count_all()
    try:
        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)  # type: ignore[attr-defined]
    except AttributeError:
        column = None
    if isinstance(column, NumericColumn.Reader) and column._fixedlen == 1:
        raw = column._dbfile.get(column._basepos, min(column._count, count))
        return raw + bytes(count - len(raw))
    return bytes(length_to_byte(reader.doc_field_length(docnum, fieldname) or 0) for docnum in range(count))
