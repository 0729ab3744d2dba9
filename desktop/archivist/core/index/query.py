"""The query language: Whoosh's own, over title and body, with field names a researcher would type."""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from whoosh.fields import Schema
from whoosh.qparser import (
    FieldAliasPlugin,
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldPlugin,
    OrGroup,
    PhrasePlugin,
    QueryParser,
)
from whoosh.qparser.dateparse import DateParserPlugin, DateRangeNode
from whoosh.query import And, CompoundQuery, FuzzyTerm, NullQuery, Or, Query, Term

from archivist.core.index.analysis import query_languages
from archivist.core.index.forms import Forms
from archivist.core.index.phrases import ExactPhrasePlugin, fuzzy_query, word_query
from archivist.core.index.schema import WORD_FIELDS, WORDS
from archivist.core.index.scoring import CoordOr, WordOr
from archivist.core.index.stems import stem_forms

log = logging.getLogger("archivist.index")

# A title match adds half a body match. The extractors keep the title line in the text, so a title word already
# counts in the body; the title field adds it again, boosted. 2.0 (the usual BM25F example) lowered MAP on
# Cranfield and CISI (benchmarks/relevance.py: 0.382 → 0.432 and 0.161 → 0.172 at 0.5); 0.25 was worse again.
TITLE_BOOST = 0.5

# Free text of several words: a document's score is scaled by 1 - c + c × (share of the words it holds), so
# documents holding all words rank first among equals and documents missing one still come back (DESIGN.md).
# Kept small: BM25 already rewards holding more words, and long questions rarely match every word.
COORD = 0.1

FIELD_ALIASES = {
    "author": ["authors", "by"],
    "site": ["publisher", "source"],
    "tag": ["tags"],
    "format": ["type"],
    "date": ["issued", "when"],
}

_WORD = re.compile(WORDS)


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def iso_bounds(text: str) -> tuple[datetime, datetime] | None:
    """The first and last moment of "2016", "2016-07" or "2016-07-29"; None for anything else."""
    match = _ISO.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return datetime(year, 1, 1), datetime(year, 12, 31, 23, 59, 59, 999999)  # type: ignore[arg-type]
        if day is None:
            last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
            return datetime(year, month, 1), datetime(year, month, last, 23, 59, 59, 999999)  # type: ignore[arg-type]
        return datetime(year, month, day), datetime(year, month, day, 23, 59, 59, 999999)  # type: ignore[arg-type]
    except ValueError:
        return None


class IsoDateParserPlugin(DateParserPlugin):
    """Whoosh's date plugin, but ``date:[2016-01 to 2017-06]`` ends with June 2017, not with 2017: Whoosh's
    English range parser drops the month of the end. ISO ends are read here; anything else goes to Whoosh."""

    def range_to_dt(self, node: object) -> object:
        start = iso_bounds(node.start) if node.start else None  # type: ignore[attr-defined]
        end = iso_bounds(node.end) if node.end else None  # type: ignore[attr-defined]
        if (node.start and start is None) or (node.end and end is None):  # type: ignore[attr-defined]
            return super().range_to_dt(node)
        ranged = DateRangeNode(
            node.fieldname, start[0] if start else None, end[1] if end else None, boost=node.boost  # type: ignore[attr-defined]
        )
        ranged.startchar, ranged.endchar = node.startchar, node.endchar  # type: ignore[attr-defined]
        return ranged


class CoordGroup(OrGroup):
    """The parser's default group: words OR-ed, scored by CoordOr."""

    qclass = CoordOr

    def __init__(self, nodes: list[object] | None = None, **kwargs: object) -> None:
        kwargs["scale"] = COORD
        super().__init__(nodes=nodes, **kwargs)


class WordGroup(OrGroup):
    """A word of free text spread over title and body (scoring.WordOr)."""

    qclass = WordOr


class LanguageParser(QueryParser):
    """Whoosh's parser, but a word of title or body is read by ``phrases.word_query``: searched by its stem, the
    stems of its candidate languages as alternatives, a short CJK run as a phrase of bigrams."""

    def term_query(self, fieldname: str, text: str, termclass: type, boost: float = 1.0, tokenize: bool = True,
                   removestops: bool = True) -> Query | None:
        if termclass is FuzzyTerm and fieldname in WORD_FIELDS:
            return fuzzy_query(fieldname, text, boost)
        if termclass is not Term or not tokenize or not self.schema or fieldname not in self.schema:
            return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        if fieldname not in WORD_FIELDS:
            return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        return word_query(fieldname, text, boost, removestops, self.group.qclass)


def make_parser(schema: Schema) -> QueryParser:
    """Whoosh's MultifieldParser over title and body, with LanguageParser's words and exact phrases."""
    parser = LanguageParser(None, schema, group=CoordGroup)
    parser.add_plugin(MultifieldPlugin(list(WORD_FIELDS), fieldboosts={"title": TITLE_BOOST}, group=WordGroup))
    parser.remove_plugin_class(PhrasePlugin)
    parser.add_plugin(ExactPhrasePlugin())
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(IsoDateParserPlugin(dateparser=None))
    parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
    return parser


def _is_words(clause: Query) -> bool:
    """A clause the parser spread over title and body: a word, phrase, wildcard or fuzzy word of free text."""
    if isinstance(clause, WordOr):  # made by the parser for a word only
        return True
    if not isinstance(clause, Or):
        return False
    fields = {sub.field() for sub in clause.subqueries}
    return len(fields) >= 2 and fields <= set(WORD_FIELDS)


def require_filters(query: Query) -> Query:
    """``author:guterres date:2017 coalition`` narrows: fielded clauses are required, words stay OR-ed."""
    if isinstance(query, CoordOr):
        filters = [require_filters(clause) for clause in query.subqueries if not _is_words(clause)]
        words = [clause for clause in query.subqueries if _is_words(clause)]
        if filters:
            if words:
                filters.append(CoordOr(words, scale=query.coord) if len(words) > 1 else words[0])
            return And(filters, boost=query.boost)
        return query
    if isinstance(query, CompoundQuery) and not _is_words(query):  # a word's own clauses are never filters
        return query.apply(require_filters)
    return query


def as_free_text(text: str) -> str:
    """Only the words, lowercased: no operator, field, phrase, wildcard or range survives."""
    return " ".join(match.group().lower() for match in _WORD.finditer(text))


def parse_query(schema: Schema, text: str, free_text: bool = False,
                languages: Mapping[str, Sequence[str]] | None = None, forms: Forms | None = None) -> Query:
    """Whoosh parses leniently (a syntax error becomes literal words); anything it still chokes on is
    searched as free text, so a query never ends in a traceback.

    ``languages``: the candidate languages of each script (languages.query_candidates) the words are analysed in;
    ``forms``: the index's forms of each stem (SearchIndex.forms()), which each word's stem expands to.
    """
    with query_languages(languages), stem_forms(forms):
        return _parse(schema, text, free_text)


def _parse(schema: Schema, text: str, free_text: bool) -> Query:
    parser = make_parser(schema)
    if free_text:
        return parser.parse(as_free_text(text))
    try:
        return require_filters(parser.parse(text))
    except Exception:  # any parser failure on user input falls back to plain words
        log.info("query %r did not parse; searching its words", text, exc_info=True)
        try:
            return parser.parse(as_free_text(text))
        except Exception:  # even the words failed: search nothing rather than raise
            return NullQuery
