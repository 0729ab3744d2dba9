"""'Did you mean': the query with each word the index does not know replaced by the nearest word it does."""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh.reading import IndexReader

from archivist.core.index.analysis import exact_words
from archivist.core.index.forms import Forms
from archivist.core.index.schema import WORD_FIELDS, text_analyzer

# Quoted phrases and tokens with a field, wildcard or fuzzy mark ("author:x", "kill*", "manbjj~") are left
# alone; only plain words of letters are checked.
_TOKEN = re.compile(r'"[^"]*"|[^\s()]+')
MIN_LENGTH = 3
_OPERATORS = {"AND", "OR", "NOT", "TO"}
_ANALYZER = text_analyzer()
MAX_EDITS = 2


def _term(word: str) -> str | None:
    tokens = [token.text for token in _ANALYZER(word)]
    return tokens[0] if tokens else None


def _known(reader: IndexReader, word: str, forms: Forms) -> bool:
    """Whether the index holds the word, or another form of its stem."""
    term = _term(word)
    if term is None:
        return True  # a stop word: never corrected
    written = exact_words(word)
    candidates = {*forms.get(term, ()), term, *written[:1]}
    return any((field, form) in reader for field in WORD_FIELDS for form in candidates)


@functools.lru_cache(maxsize=4)
def _by_initial(words: frozenset[str]) -> dict[str, list[str]]:
    """The vocabulary's alphabetic words grouped by first letter, each group sorted."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for word in words:
        if word.isalpha():
            groups[word[0]].append(word)
    return {initial: sorted(group) for initial, group in groups.items()}


def nearest_word(reader: IndexReader, words: frozenset[str], word: str) -> str | None:
    """The word still in the index fewest edits away (one edit before two), the one in most documents first.

    Only words of the same first letter are compared: misspellings rarely change it, and it keeps the scan
    to a few thousand words even in a large archive.
    """
    lowered = word.lower()
    group = _by_initial(words).get(lowered[:1], [])
    near = process.extract(lowered, group, scorer=Levenshtein.distance, score_cutoff=MAX_EDITS, limit=None)
    for edits in range(1, MAX_EDITS + 1):
        found = [(candidate, _frequency(reader, candidate)) for candidate, distance, _ in near if distance == edits]
        found = [(candidate, frequency) for candidate, frequency in found if frequency > 0]
        if found:
            return max(sorted(found), key=lambda item: item[1])[0]
    return None


def _frequency(reader: IndexReader, word: str) -> int:
    """Documents holding ``word``; 0 when only deleted ones do (Whoosh counts those until segments merge)."""
    if _term(word) is None:
        return 0  # a stop word is never offered
    frequency = sum(reader.doc_frequency(field, word) for field in WORD_FIELDS)
    if frequency and reader.has_deletions() and not _live(reader, word):
        return 0
    return frequency


def _live(reader: IndexReader, term: str) -> bool:
    return any(
        (field, term) in reader
        and any(not reader.is_deleted(docnum) for docnum in reader.postings(field, term).all_ids())
        for field in WORD_FIELDS
    )


def suggest(reader: IndexReader, query: str, words: frozenset[str] = frozenset(),
            forms: Forms | None = None) -> str | None:
    """The query with unknown words corrected, or None when every word is known or nothing is near.

    ``words`` is the index's vocabulary (``SearchIndex.vocabulary()``): the real words suggestions come from;
    ``forms`` the forms of each stem (a word is known when any form of its stem is in the index).
    """
    changed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group()
        if not word.isalpha() or len(word) < MIN_LENGTH or word in _OPERATORS:
            return word
        if _known(reader, word, forms or {}):
            return word
        better = nearest_word(reader, words, word)
        if better is None:
            return word
        changed = True
        return better.capitalize() if word[0].isupper() else better

    corrected = _TOKEN.sub(replace, query)
    return corrected if changed else None
