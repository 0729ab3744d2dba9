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

TITLE_BOOST = 2.5

# Words: letters and digits, with inner apostrophes/periods kept ("U.S.", "don't"); same as Whoosh's default.
_WORDS = r"\w+(\.?\w+)*"


def text_analyzer() -> Analyzer:
    """Lowercase, fold accents ("école" → "ecole"), drop stop words, stem ("killed" → "kill")."""
    return (
        RegexTokenizer(_WORDS)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter()
        | StemFilter(cachesize=200_000)
    )


def name_analyzer() -> Analyzer:
    """For authors and sites: lowercase and accent-folded words, no stemming or stop words."""
    return RegexTokenizer(_WORDS) | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> Schema:
    analyzer = text_analyzer()
    return Schema(
        id=NUMERIC(int, bits=64, stored=True, unique=True, signed=False),
        title=TEXT(analyzer=analyzer, field_boost=TITLE_BOOST, stored=True, phrase=True),
        body=TEXT(analyzer=analyzer, stored=False, phrase=True),
        author=TEXT(analyzer=name_analyzer(), phrase=True),
        site=TEXT(analyzer=name_analyzer(), phrase=True),
        site_key=ID(stored=False, sortable=True),
        tag=KEYWORD(lowercase=True, commas=True, scorable=True, sortable=True),
        collection=KEYWORD(commas=True, sortable=True),
        format=ID(stored=True, sortable=True),
        date=DATETIME(sortable=True),
        year=NUMERIC(int, sortable=True),
    )
