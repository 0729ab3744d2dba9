"""Fingerprints of a text for finding, across the archive, the documents that may share passages with it.

Whole-document MinHash/LSH estimates how alike two documents are overall, so one paragraph reused in a long
report barely moves it. Reuse is containment, not resemblance; so each document keeps the minimum hash of every
window of WINDOW consecutive five-word shingles ("winnowing", Schleimer, Wilkerson & Aiken 2003: a local
MinHash). Any run of GRAM + WINDOW - 1 = 8 identical words in two documents then yields at least one shared
fingerprint, however long the documents are, while only about 2 / (WINDOW + 1) of the shingles are stored.
"""

from __future__ import annotations

import zlib

from archivist.core.compare.tokens import tokenize

GRAM = 5
WINDOW = 4
_MULTIPLIER = 0x100000001B3  # FNV prime: spreads the five word hashes over the whole range
_MASK = (1 << 62) - 1  # SQLite integers are signed 64-bit


def shingle_hashes(words: list[str]) -> list[int]:
    """A stable hash (the same in every process: not Python's ``hash``) of every five-word shingle."""
    word_hashes = [zlib.crc32(word.encode("utf-8")) for word in words]
    hashes = []
    for index in range(len(word_hashes) - GRAM + 1):
        value = 0
        for word_hash in word_hashes[index : index + GRAM]:
            value = (value * _MULTIPLIER + word_hash) & _MASK
        hashes.append(value)
    return hashes


def winnow(hashes: list[int]) -> set[int]:
    """The minimum of every window of WINDOW consecutive hashes (all of them for a very short text)."""
    if len(hashes) <= WINDOW:
        return set(hashes)
    return {min(hashes[index : index + WINDOW]) for index in range(len(hashes) - WINDOW + 1)}


def fingerprints(text: str) -> set[int]:
    """The fingerprints of a text, computed on the same normalised words that alignment uses."""
    return winnow(shingle_hashes(tokenize(text).words))
