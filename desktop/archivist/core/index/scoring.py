"""Ranking: BM25 with Lucene's idf, and a coordination factor for free text of several words."""

from __future__ import annotations

from math import log

from whoosh.matching import Matcher, WrappingMatcher
from whoosh.query import Or, Query
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

# Robertson's standard BM25 parameters (the ones Lucene, Elasticsearch and Terrier ship).
K1 = 1.2
B = 0.75


class ArchivistBM25(BM25F):
    """BM25F whose idf stays positive however small the archive is.

    Whoosh's idf, log(N / (df + 1)) + 1, flattens the difference between rare and common words; Lucene's
    BM25 idf, log(1 + (N - df + 0.5) / (df + 0.5)), keeps it and is still > 0 for a word in every document
    of a two-document archive.
    """

    def __init__(self) -> None:
        super().__init__(B=B, K1=K1)

    def idf(self, searcher: Searcher, fieldname: str, text: bytes) -> float:
        parent = searcher.get_parent()
        return bm25_idf(parent.doc_count_all(), parent.doc_frequency(fieldname, text))


def bm25_idf(total: int, frequency: int) -> float:
    """Lucene's BM25 idf of a term in ``frequency`` of ``total`` documents."""
    return log(1 + (total - frequency + 0.5) / (frequency + 0.5))


class WordOr(Or):
    """The clauses of one word of free text (its title and body terms, its term in each candidate language, its
    exact form), OR-ed. Whoosh merges nested ORs of one class into one; this class's matcher is the binary tree
    of unions, which knows which terms match a document, as CoordOr's coordination factor needs (Whoosh's
    automatic choice took the preloaded array for three or more clauses, which does not)."""

    matcher_type = Or.DEFAULT_MATCHER


class CoordOr(Or):
    """An OR of the words of free text; a document's score is scaled by the share of words it holds.

    Whoosh's own OrGroup scale (the V-Twin "SQR" formula) counts term matchers, not words: a one-word query
    over title and body scores 0.0 when the word is in no title. This counts distinct words instead, like
    Lucene's classic coordination factor: score × (1 − scale + scale × matched / words).
    """

    # The binary tree of unions knows which terms match the current document; the preloaded array does not.
    matcher_type = Or.DEFAULT_MATCHER

    def __init__(self, subqueries: list[Query], boost: float = 1.0, minmatch: int = 0, scale: float | None = None):
        # Whoosh's own ``scale`` stays None so its SQR matcher is never added on top of ours.
        super().__init__(subqueries, boost=boost, minmatch=minmatch)
        self.coord = scale or 0.0

    def normalize(self) -> Query:
        normal = super().normalize()
        if isinstance(normal, CoordOr):
            normal.coord = self.coord
        return normal

    def apply(self, fn: object) -> Query:
        applied = super().apply(fn)
        if isinstance(applied, CoordOr):
            applied.coord = self.coord
        return applied

    def _matcher(self, subs: list[Query], searcher: Searcher, context: object) -> Matcher:
        matcher = super()._matcher(subs, searcher, context)
        words = {text for _field, text in self.iter_all_terms(phrases=True)}
        if self.coord and len(words) > 1:
            return CoordMatcher(matcher, len(words), self.coord)
        return matcher


class CoordMatcher(WrappingMatcher):
    """Scales the child's score by the share of the query's words the current document holds."""

    def __init__(self, child: Matcher, words: int, scale: float, boost: float = 1.0) -> None:
        super().__init__(child, boost=boost)
        self.words = words
        self.scale = scale

    def _replacement(self, newchild: Matcher) -> Matcher:
        return self.__class__(newchild, self.words, self.scale, self.boost)

    def supports_block_quality(self) -> bool:
        return False  # the factor depends on the document, so block maxima would be wrong

    def score(self) -> float:
        matched = {text for _field, text in self.child.matching_terms(self.child.id())}
        share = min(len(matched), self.words) / self.words
        return self.child.score() * (1 - self.scale + self.scale * share)
