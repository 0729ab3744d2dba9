"""The Whoosh schema: one index document per archive document; the body is indexed, never stored."""

from __future__ import annotations

from whoosh.analysis import STOP_WORDS as WHOOSH_STOP_WORDS
from whoosh.analysis import Analyzer, CharsetFilter, LowercaseFilter, RegexTokenizer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

from archivist.core.index.analysis import FoldStopStem

# Bumped whenever the schema or the analysis changes: an index of another version is rebuilt on open.
# 4: no Whoosh spelling fields ("did you mean" reads index/vocabulary.txt), one fused analysis filter.
SCHEMA_VERSION = 4

# Words: letters and digits, with inner apostrophes/periods kept ("U.S.", "don't"); same as Whoosh's default.
WORDS = r"\w+(\.?\w+)*"


# The standard English stop list (127 words, NLTK's) rather than Whoosh's 34: natural-language questions are
# full of "what", "which", "there", "been"; dropping them raised MAP on both relevance collections
# (benchmarks/relevance.py: Cranfield 0.432 → 0.443, CISI 0.172 → 0.182). Phrases still match across a
# dropped word because the stop filter renumbers positions.
STOP_WORDS = frozenset(stopwords_for_language("en")) | frozenset(WHOOSH_STOP_WORDS)


def text_analyzer() -> Analyzer:
    """Lowercase, fold accents ("école" → "ecole"), drop stop words, stem ("killed" → "kill")."""
    return RegexTokenizer(WORDS) | FoldStopStem(STOP_WORDS, accent_map)


def name_analyzer() -> Analyzer:
    """For authors and sites: lowercase and accent-folded words, no stemming or stop words."""
    return RegexTokenizer(WORDS) | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> Schema:
    analyzer = text_analyzer()
    return Schema(
        id=NUMERIC(int, bits=64, stored=True, unique=True, signed=False),
        # The title's weight over the body is applied at query time (query.TITLE_BOOST), so it can be
        # tuned without rebuilding every index.
        # No spelling=True: a second, unstemmed copy of the body cost 40% of indexing time. The words
        # "did you mean" offers are recorded as the analyzer first meets them (index/vocabulary.py).
        title=TEXT(analyzer=analyzer, stored=True, phrase=True),
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
