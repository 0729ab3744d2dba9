"""The query language: Whoosh's own, over title and body, with field names a researcher would type."""

from __future__ import annotations

from whoosh.fields import Schema
from whoosh.qparser import (
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
    OrGroup,
)
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import Query

# Free text of several words: documents holding all of them score highest, documents missing one still
# come back (a natural-language question works), as DESIGN.md asks.
ALL_WORDS_BONUS = 0.9

FIELD_ALIASES = {
    "author": ["authors", "by"],
    "site": ["publisher", "source"],
    "tag": ["tags"],
    "format": ["type"],
    "date": ["issued", "when"],
}


def make_parser(schema: Schema) -> MultifieldParser:
    parser = MultifieldParser(["title", "body"], schema, group=OrGroup.factory(ALL_WORDS_BONUS))
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(DateParserPlugin(dateparser=None))
    from whoosh.qparser import FieldAliasPlugin

    parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
    return parser


def parse_query(schema: Schema, text: str) -> Query:
    """Whoosh parses leniently: a syntax error becomes literal words, never an exception."""
    return make_parser(schema).parse(text)
