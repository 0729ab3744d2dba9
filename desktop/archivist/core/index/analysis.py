"""The text analysis of the index in one filter: lowercase, fold accents, drop stop words, stem.

Whoosh chains these as four filters, each a Python generator the tokens pass through, and caches stems in
a pure-Python LFU cache that counts every call. Profiling an import of 2,000 Reuters stories showed the
analysis chain as the largest part of indexing; one generator and ``functools.lru_cache`` give the same
tokens (tests/core/test_analysis.py compares them with Whoosh's chain) for less than half the time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

from whoosh.analysis import Filter, Token
from whoosh.lang.porter import stem as porter_stem

from archivist.core.index import vocabulary

STEM_CACHE = 200_000


class FoldStopStem(Filter):
    """LowercaseFilter | CharsetFilter(charmap) | StopFilter(stoplist, minsize) | StemFilter, fused.

    Stop words are dropped and later positions renumbered, exactly as Whoosh's StopFilter does, so phrases
    match across a dropped word. A word stemmed for the first time is offered to ``vocabulary``, which
    keeps it while an index writer is recording (the words "did you mean" may suggest).
    """

    def __init__(self, stoplist: frozenset[str], charmap: Mapping[int, Any], minsize: int = 2) -> None:
        self.stops = frozenset(stoplist)
        self.charmap = dict(charmap)
        self.minsize = minsize
        self.clear()

    def clear(self) -> None:
        """Forget cached stems, so every word is offered to the vocabulary again."""
        self._stem = functools.lru_cache(maxsize=STEM_CACHE)(_stem_and_record)

    def __getstate__(self) -> dict[str, Any]:
        return {key: value for key, value in self.__dict__.items() if key != "_stem"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.clear()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FoldStopStem) and (self.stops, self.minsize) == (other.stops, other.minsize)

    def __hash__(self) -> int:
        return hash((FoldStopStem, self.minsize))

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        stem, stops, charmap, minsize = self._stem, self.stops, self.charmap, self.minsize
        pos: int | None = None
        for token in tokens:
            text = token.text.lower()
            if not text.isascii():
                text = text.translate(charmap)
            if len(text) >= minsize and text not in stops:
                if token.positions:
                    if pos is None:
                        pos = token.pos
                    else:
                        pos += 1
                        token.pos = pos
                token.stopped = False
                token.text = stem(text)
                yield token
            elif not token.removestops:
                token.text = text
                token.stopped = True
                yield token


def _stem_and_record(word: str) -> str:
    vocabulary.offer(word)
    return porter_stem(word)
