"""'Did you mean': the query with each word the index does not know replaced by the nearest word it does."""

from __future__ import annotations

import re

from whoosh.reading import IndexReader

from archivist.core.index.schema import text_analyzer

# Quoted phrases and tokens with a field, wildcard or fuzzy mark ("author:x", "kill*", "manbjj~") are left
# alone; only plain words of letters are checked.
_TOKEN = re.compile(r'"[^"]*"|[^\s()]+')
MIN_LENGTH = 3
_OPERATORS = {"AND", "OR", "NOT", "TO"}
_ANALYZER = text_analyzer()
TEXT_FIELDS = ("body", "title")
MAX_EDITS = 2


def _term(word: str) -> str | None:
    tokens = [token.text for token in _ANALYZER(word)]
    return tokens[0] if tokens else None


def _known(reader: IndexReader, term: str) -> bool:
    return any((field, term) in reader for field in TEXT_FIELDS)


def nearest_word(reader: IndexReader, word: str) -> str | None:
    """The indexed word fewest edits away (one edit before two), the one in most documents first."""
    lowered = word.lower()
    for edits in range(1, MAX_EDITS + 1):
        found: set[str] = set()
        for field in TEXT_FIELDS:
            spelling_field = reader.schema[field].spelling_fieldname(field)
            # prefix=1: misspellings rarely change the first letter, and it keeps the scan small.
            found.update(reader.terms_within(spelling_field, lowered, edits, prefix=1))
        found.discard(lowered)
        if found:
            return max(sorted(found), key=lambda candidate: _frequency(reader, candidate))
    return None


def _frequency(reader: IndexReader, word: str) -> int:
    term = _term(word)
    return sum(reader.doc_frequency(field, term) for field in TEXT_FIELDS) if term else 0


def suggest(reader: IndexReader, query: str) -> str | None:
    """The query with unknown words corrected, or None when every word is known or nothing is near."""
    changed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group()
        if not word.isalpha() or len(word) < MIN_LENGTH or word in _OPERATORS:
            return word
        term = _term(word)
        if term is None or _known(reader, term):
            return word
        better = nearest_word(reader, word)
        if better is None:
            return word
        changed = True
        return better.capitalize() if word[0].isupper() else better

    corrected = _TOKEN.sub(replace, query)
    return corrected if changed else None
