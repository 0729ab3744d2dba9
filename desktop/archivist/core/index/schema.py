"""The Whoosh schema: one index document per archive document; the body is indexed, never stored."""

from __future__ import annotations

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.support.charset import accent_map

# Bumped whenever the schema or the analysis changes: an index of another version is rebuilt on open.
SCHEMA_VERSION = 2

# Words: letters and digits, with inner apostrophes/periods kept ("U.S.", "don't"); same as Whoosh's default.
WORDS = r"\w+(\.?\w+)*"


def text_analyzer() -> Analyzer:
    """Lowercase, fold accents ("école" → "ecole"), drop stop words, stem ("killed" → "kill")."""
    return (
        RegexTokenizer(WORDS)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter()
        | StemFilter(cachesize=200_000)
    )


def name_analyzer() -> Analyzer:
    """For authors and sites: lowercase and accent-folded words, no stemming or stop words."""
    return RegexTokenizer(WORDS) | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> Schema:
    analyzer = text_analyzer()
    return Schema(
        id=NUMERIC(int, bits=64, stored=True, unique=True, signed=False),
        # The title's weight over the body is applied at query time (query.TITLE_BOOST), so it can be
        # tuned without rebuilding every index.
        title=TEXT(analyzer=analyzer, stored=True, phrase=True, spelling=True),
        # spelling=True keeps the unstemmed words in a side field, so "did you mean" offers real words.
        body=TEXT(analyzer=analyzer, stored=False, phrase=True, spelling=True),
        author=TEXT(analyzer=name_analyzer(), phrase=True),
        site=TEXT(analyzer=name_analyzer(), phrase=True),
        site_key=ID(stored=False, sortable=True),
        tag=KEYWORD(lowercase=True, commas=True, scorable=True, sortable=True),
        collection=KEYWORD(commas=True, sortable=True),
        format=ID(stored=True, sortable=True),
        date=DATETIME(sortable=True),
        year=NUMERIC(int, sortable=True),
    )
