"""The Whoosh schema: one index document per archive document; the body is indexed, never stored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from archivist.core.index.analysis import WORDS, ExactAnalyzer, LanguageAnalyzer, pieces
from archivist.core.index.normalise import LATIN, fold_latin
from archivist.core.index.stemmers import ENGLISH_STOP_WORDS

# Bumped whenever the schema or the analysis changes: an index of another version is rebuilt (``archivist
# reindex``, or on opening the archive, with progress in the CLI).
# 4: no Whoosh spelling fields ("did you mean" reads index/vocabulary.txt), one fused analysis filter.
# 5: analysis by language (issue 15), exact-form fields for quoted phrases, the language of each document,
#    host names and file-name titles split into words.
# 6: title and body hold the words as written, with positions, and nothing stemmed: a word's search expands to
#    its stem's forms (forms.py, stems.py). The second, stemmed copy of every text cost 70% more indexing time.
# 7: Arabic proclitics, Ukrainian and Persian endings stemmed anew (light_stemming.py): recorded stems changed.
SCHEMA_VERSION = 7

STOP_WORDS = ENGLISH_STOP_WORDS
__all__ = ["SCHEMA_VERSION", "STOP_WORDS", "WORDS", "WORD_FIELDS", "build_schema", "exact_analyzer",
           "name_analyzer", "text_analyzer"]

# The fields of words: free text searches both, by stem (stems.Stem); quoted phrases, by exact forms.
WORD_FIELDS = ("title", "body")


def text_analyzer() -> LanguageAnalyzer:
    """Normalise for the script, drop stop words, stem in the document's (or query's) language: how a query's
    words become stems (the index itself holds exact forms)."""
    return LanguageAnalyzer()


def exact_analyzer() -> ExactAnalyzer:
    return ExactAnalyzer()


class NameAnalyzer(LanguageAnalyzer):
    """For authors and sites: normalised, accent-folded words, no stemming or stop words; a host name is split
    into its parts, so ``site:wikipedia`` finds en.wikipedia.org."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.stopped, token.boost = False, 1.0
        pos = start_pos
        for word, script, start, _end in pieces(value):
            offset = start
            for part in word.split("."):
                if part:
                    token.text = fold_latin(part) if script == LATIN else part
                    if keeporiginal:
                        token.original = part
                    if positions:
                        token.pos = pos
                    if chars:
                        token.startchar, token.endchar = start_char + offset, start_char + offset + len(part)
                    pos += 1
                    yield token
                offset += len(part) + 1


def name_analyzer() -> NameAnalyzer:
    return NameAnalyzer()


def build_schema() -> Schema:
    exact = exact_analyzer()
    names = name_analyzer()
    return Schema(
        id=NUMERIC(int, bits=64, stored=True, unique=True, signed=False),
        # The title's weight over the body is applied at query time (query.TITLE_BOOST), so it can be
        # tuned without rebuilding every index.
        # The words as written, with positions: a quoted phrase means those words in that order (issue 15); a
        # word of free text expands to its stem's forms, recorded as the analyzer first meets them (forms.py),
        # which are also the words "did you mean" offers (no spelling=True: a second copy of every text).
        title=TEXT(analyzer=exact, stored=True, phrase=True),
        body=TEXT(analyzer=exact, stored=False, phrase=True),
        author=TEXT(analyzer=names, phrase=True, multitoken_query="phrase"),
        site=TEXT(analyzer=names, phrase=True, multitoken_query="phrase"),
        site_key=ID(stored=False, sortable=True),
        # The document's language (ISO 639-1), as the analysis used it; the query reads the archive's
        # languages from this field's lexicon, and ``lang:ru`` narrows.
        lang=ID(stored=True),
        tag=KEYWORD(lowercase=True, commas=True, scorable=True, sortable=True),
        collection=KEYWORD(commas=True, sortable=True),
        format=ID(stored=True, sortable=True),
        date=DATETIME(sortable=True),
        year=NUMERIC(int, sortable=True),
    )
