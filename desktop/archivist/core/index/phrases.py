"""How the parser reads words of free text and quoted phrases.

The index holds the words as written. A word of free text is stemmed in the query's candidate languages and
searches its stem's forms (stems.Stem); a quoted phrase (``"without any authorization"``) searches the words as
written, stop words included, in that order: stems would also match "without the author's consent". A phrase
with slop (``"coalition civilians"~5``) is a proximity search of the same words.
"""

from __future__ import annotations

from whoosh.analysis import Analyzer
from whoosh.qparser import PhrasePlugin
from whoosh.qparser.syntax import attach
from whoosh.query import Phrase, Query, Term

from archivist.core.index.analysis import exact_words
from archivist.core.index.normalise import is_cjk
from archivist.core.index.schema import text_analyzer
from archivist.core.index.scoring import WordOr
from archivist.core.index.stems import FuzzyStem, Stem

_STEMMING = text_analyzer()

# A CJK run of up to this many characters is a word (联合国): its bigrams OR-ed, as Lucene's and Elasticsearch's
# CJK analysis does, and where they stand together (a phrase of them in the exact-form field) it scores again, so
# the word itself ranks first. Bigrams alone, or the phrase alone (0.99x FTS5 on the Chinese headline set):
# both below. A longer run is a sentence without spaces: its bigrams OR-ed. Up to 4 characters, a stretch of 6-12
# characters copied from a paragraph (the sentence → paragraph set) came back at 0.99x FTS5; up to 32 (a clause),
# at 1.02x, the headline and question sets unchanged (benchmarks/multilingual_relevance.py, zh).
CJK_WORD = 32
# Question and function words of Chinese questions, as bigrams: a query's 什么/多少/如何 match nearly every
# paragraph and only push the one asked about down (free text only; a quoted phrase keeps them).
CJK_QUERY_STOP = frozenset({"什么", "多少", "如何", "为什", "怎么", "怎样", "哪些", "哪个", "是否", "是什",
                            "是多", "有多", "是哪", "有哪", "请问"})
# The weight of a word's term in a less likely candidate language (languages.query_candidates orders them).
ALTERNATIVE_BOOST = 0.5
# How much a body word's exact form adds where it occurs as typed: 0.3 raised MAP on Cranfield 0.443 → 0.446, CISI
# 0.182 → 0.192, and the sentence → paragraph sets (benchmarks/relevance.py, multilingual_relevance.py).
EXACT_BOOST = 0.3


def analysed(analyzer: Analyzer, text: str, removestops: bool = True) -> list[tuple[list[str], int, int]]:
    """The terms of ``text`` in query mode grouped by position: [(alternatives, startchar, endchar)]."""
    groups: list[tuple[list[str], int, int]] = []
    last = None
    for token in analyzer(text, mode="query", positions=True, chars=True, removestops=removestops):
        if token.pos == last and groups:
            if token.text not in groups[-1][0]:
                groups[-1][0].append(token.text)
        else:
            groups.append(([token.text], token.startchar, token.endchar))
            last = token.pos
    return groups


def word_query(fieldname: str, text: str, boost: float, removestops: bool, group: type) -> Query | None:
    """The query of one word of free text: its stem, the stems of its candidate languages OR-ed, a phrase of a
    short CJK run's bigrams, or (a word the tokeniser splits, "U.S.-led") its stems in the parser's group."""
    groups = analysed(_STEMMING, text, removestops)
    if removestops:
        groups = [group for group in groups if group[0][0] not in CJK_QUERY_STOP] or groups
    if not groups:
        return None
    parts: list[Query] = [
        _stem(fieldname, alternatives[0], boost) if len(alternatives) == 1
        else WordOr([_stem(fieldname, term, 1.0 if rank == 0 else ALTERNATIVE_BOOST)
                     for rank, term in enumerate(alternatives)], boost=boost)
        for alternatives, _start, _end in groups
    ]
    if len(parts) == 1:
        return _with_exact(parts[0], fieldname, text, boost)
    singles = [alternatives[0] for alternatives, _s, _e in groups if len(alternatives) == 1]
    if len(singles) == len(groups) and all(is_cjk(term[0]) for term in singles) and len(singles) < CJK_WORD:
        return WordOr([Phrase(fieldname, singles, boost=boost), group(parts)])
    return group(parts)


def fuzzy_query(fieldname: str, text: str, boost: float) -> Query:
    """A fuzzy word (``airstrke~``) of title or body: the forms of the stems near its stem (stems.FuzzyStem)."""
    words = exact_words(text)
    groups = analysed(_STEMMING, text)
    return FuzzyStem(fieldname, words[0] if words else text.lower(), groups[0][0][0] if groups else None, boost=boost)


def _stem(fieldname: str, term: str, boost: float) -> Query:
    """A CJK bigram is its own only form: a plain term."""
    return Term(fieldname, term, boost=boost) if is_cjk(term[0]) else Stem(fieldname, term, boost=boost)


def _with_exact(part: Query, fieldname: str, text: str, boost: float) -> Query:
    """A body word also scores where it occurs exactly as typed (its exact form), a little: of two paragraphs
    holding the word's stem, the one with the very form asked for comes first."""
    if not EXACT_BOOST or fieldname != "body":
        return part
    words = exact_words(text)
    if len(words) != 1 or is_cjk(words[0][0]):
        return part
    return WordOr([part, Term(fieldname, words[0], boost=boost * EXACT_BOOST)])


class ExactPhrasePlugin(PhrasePlugin):
    """Whoosh's phrase syntax, each word analysed as the index analysed it (exact forms, stop words kept)."""

    class ExactPhraseNode(PhrasePlugin.PhraseNode):
        def query(self, parser: object) -> Query:
            fieldname = self.fieldname or parser.fieldname  # type: ignore[attr-defined]
            schema = parser.schema  # type: ignore[attr-defined]
            if not schema or fieldname not in schema or not schema[fieldname].analyzer:
                return super().query(parser)
            groups = analysed(schema[fieldname].analyzer, self.text)
            start = self.textstartchar
            query = Phrase(fieldname, [alternatives[0] for alternatives, _s, _e in groups], slop=self.slop,
                           boost=self.boost, char_ranges=[(start + s, start + e) for _a, s, e in groups])
            return attach(query, self)

    class ExactPhraseTagger(PhrasePlugin.PhraseTagger):
        def create(self, parser: object, match: object) -> PhrasePlugin.PhraseNode:
            slop = match.group("slop")  # type: ignore[attr-defined]
            return ExactPhrasePlugin.ExactPhraseNode(match.group("text"), match.start("text"),  # type: ignore[attr-defined]
                                                     int(slop) if slop else 1)

    def taggers(self, parser: object) -> list[tuple[object, int]]:
        return [(self.ExactPhraseTagger(self.expr), 0)]


__all__ = ["ExactPhrasePlugin", "fuzzy_query", "word_query"]
