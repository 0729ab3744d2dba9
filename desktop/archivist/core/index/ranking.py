"""Ranking a query a posting list at a time, with the scores Whoosh's matchers give, many times faster.

Whoosh scores one document at a time through a tree of Python matcher objects, about a microsecond per posting
and tree node: a many-word question over a large archive took hundreds of milliseconds. Here each node of the
query becomes a {document number: score} map built from whole posting lists (postings.py) with set, dict and
map() operations that run in C, by Whoosh's own rules: BM25F per term (ArchivistBM25's idf), sums for OR and
AND, 1.0 for each NOT inside an AND, CoordOr's coordination factor, each boost where Whoosh applies it. Scores
agree to the last bits of a float (sums may be added in another order), so the hits come in Whoosh's order; the
total counts every matching document (Whoosh's own count misses some when it prunes many-word queries).

A query with a part not handled here (``Every``, a phrase with slop, ANDMAYBE…) gets None: Whoosh runs it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from heapq import nlargest
from itertools import accumulate, chain, compress, repeat
from operator import add, mul, neg, truediv
from pickle import loads

from whoosh.formats import Format, Positions
from whoosh.query import And, MultiTerm, Not, NullQuery, NumericRange, Or, Phrase, Prefix, Query, Term, Wildcard
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.reading import IndexReader
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from archivist.core.index.postings import EXPANSIONS, length_bytes, postings, read_values
from archivist.core.index.scoring import CoordOr, WordOr, bm25_idf
from archivist.core.index.stems import Stem, stem_frequency

Scores = dict[int, float]
# The index terms a clause holds wherever it matches, and the documents it matches (for CoordOr's word count).
Part = tuple[frozenset[bytes], Collection[int]]


class Unsupported(Exception):
    """A part of the query this module does not score the way Whoosh does."""


@dataclass(slots=True)
class Ranking:
    hits: list[tuple[float, int]]  # (score, document number), best first
    total: int


def rank(searcher: Searcher, query: Query, limit: int) -> Ranking | None:
    """The ``limit`` best documents and how many match, or None when Whoosh has to run the query.

    Ties go to the lower document number, as in Whoosh's collector."""
    if not supports(searcher):
        return None
    best: list[tuple[float, int]] = []
    total = 0
    norms: dict[str, list[float]] = {}  # the same for every segment
    frequencies: dict[Stem, int] = {}
    try:
        for subsearcher, offset in searcher.leaf_searchers():
            scorer = SegmentScorer(searcher, subsearcher.reader(), norms, frequencies)
            matching, scores = scorer.leaders(query, limit)
            total += matching
            best = nlargest(limit, chain(best, _best(scores, limit, offset)))
    except Unsupported:
        return None
    return Ranking([(score, -negated) for score, negated in best], total)


def supports(searcher: Searcher) -> bool:
    """The searcher scores with BM25F's own formula (ArchivistBM25 changes only the idf, which is asked for)."""
    weighting = searcher.weighting
    return isinstance(weighting, BM25F) and type(weighting).scorer is BM25F.scorer


def _best(scores: Scores, limit: int, offset: int) -> Iterable[tuple[float, int]]:
    """(score, −document number) of the ``limit`` best (and any tied with the last), for nlargest() to order."""
    documents = _leading(scores, limit)
    return zip(map(scores.__getitem__, documents), map(neg, map(offset.__add__, documents)), strict=True)


def _leading(scores: Scores, limit: int) -> list[int]:
    """The documents with the ``limit`` best scores, and any tied with the last: the cut is found among bare
    floats, so nothing is made for the many documents below it."""
    if limit <= 0:
        return []
    if len(scores) <= limit:
        return list(scores)
    cut = min(nlargest(limit, scores.values()))
    return list(compress(scores, map(cut.__le__, scores.values())))


def _boosted(scores: Scores, boost: float) -> Scores:
    if boost == 1.0:
        return scores
    return dict(zip(scores, map(mul, scores.values(), repeat(boost)), strict=True))


def _summed(maps: list[Scores]) -> Scores:
    """Documents in any map, with their scores added up."""
    maps = sorted((scores for scores in maps if scores), key=len, reverse=True)
    if not maps:
        return {}
    total = dict(maps[0])
    for scores in maps[1:]:
        # Each document once per map, so reading and writing ``total`` in one pass is safe.
        total.update(zip(scores, map(add, map(total.get, scores, repeat(0.0)), scores.values()), strict=True))
    return total


def _added(maps: list[Scores], documents: list[int]) -> map[float]:
    """The scores of ``documents`` (present in every map) added up."""
    totals: map[float] = map(maps[0].__getitem__, documents)
    for scores in maps[1:]:
        totals = map(add, totals, map(scores.__getitem__, documents))
    return totals


class SegmentScorer:
    """Scores queries over one segment; idf and average lengths come from the whole index, as in Whoosh."""

    def __init__(self, searcher: Searcher, reader: IndexReader, norms: dict[str, list[float]] | None = None,
                 frequencies: dict[Stem, int] | None = None) -> None:
        self.searcher = searcher
        self.reader = reader
        self.weighting: BM25F = searcher.weighting
        self._terms: dict[tuple[str, bytes], Scores] = {}
        self._codes: dict[str, bytes] = {}
        self._norms = {} if norms is None else norms
        self._frequencies = {} if frequencies is None else frequencies  # of stems, over the whole index
        # Results by query node; the node is kept so its id cannot be reused by another object meanwhile.
        self._memo: dict[int, tuple[Query, Scores]] = {}

    def matches(self, query: Query) -> Scores:
        """Every matching live document with its score."""
        return self._live(self.scores(query))

    def leaders(self, query: Query, limit: int) -> tuple[int, Scores]:
        """How many live documents match, and the scores of some of them that include the ``limit`` best.

        Of a coordinated OR (free text) the factor is worked out only for the documents that can make the
        ``limit`` best: it is at most 1, so a document whose sum is below the ``limit``-th best score of the
        leading sums after their factor cannot rise above it."""
        words = _coordination_words(query)
        if not words:
            scores = self.matches(query)
            return len(scores), scores
        sums = self._live(self._sum(query))  # type: ignore[arg-type]
        candidates = list(sums)
        if len(sums) > limit > 0:
            leading = self._coordinated(query, sums, words, _leading(sums, limit))  # type: ignore[arg-type]
            cut = min(nlargest(limit, leading.values()))
            candidates = list(compress(sums, map(cut.__le__, sums.values())))
        return len(sums), self._coordinated(query, sums, words, candidates)  # type: ignore[arg-type]

    def _live(self, scores: Scores) -> Scores:
        if not self.reader.has_deletions():
            return scores
        live = scores.keys() - self.reader.deleted_docs_set  # type: ignore[attr-defined]
        return dict(zip(live, map(scores.__getitem__, live), strict=True))

    def scores(self, query: Query) -> Scores:
        remembered = self._memo.get(id(query))
        if remembered is None or remembered[0] is not query:
            remembered = self._memo[id(query)] = (query, self._score(query))
        return remembered[1]

    def _score(self, query: Query) -> Scores:
        kind = type(query)
        if query is NullQuery:
            return {}
        if kind is Term:
            return self._term(query)  # type: ignore[arg-type]
        if kind in (Or, CoordOr, WordOr):
            return self._or(query)  # type: ignore[arg-type]
        if kind is And:
            return self._and(query)  # type: ignore[arg-type]
        if kind is Phrase:
            return self._phrase(query)  # type: ignore[arg-type]
        if kind is Stem:
            return self._stem(query)  # type: ignore[arg-type]
        if _expands(query):
            return self._multiterm(query)  # type: ignore[arg-type]
        if isinstance(query, NumericRange) and kind.matcher is NumericRange.matcher:
            return self._score(query._compile_query(self.reader))  # the terms of the range in this segment
        if kind is ConstantScoreQuery:
            documents = self.scores(query.child)  # type: ignore[attr-defined]
            return dict.fromkeys(documents, query.score)  # type: ignore[attr-defined]
        raise Unsupported(kind.__name__)

    # -- terms -----------------------------------------------------------------------------------------
    def _term(self, query: Term) -> Scores:
        schema = self.searcher.schema
        if query.fieldname not in schema:
            return {}
        try:
            btext = schema[query.fieldname].to_bytes(query.text)
        except ValueError:
            return {}
        return _boosted(self.term_scores(query.fieldname, btext), query.boost)

    def term_scores(self, fieldname: str, btext: bytes) -> Scores:
        key = (fieldname, btext)
        if key not in self._terms:
            self._terms[key] = self._read_term(fieldname, btext)
        return self._terms[key]

    def _read_term(self, fieldname: str, btext: bytes) -> Scores:
        found = postings(self.reader, fieldname, btext)
        if not found.ids:
            return {}
        if not self.searcher.schema[fieldname].scorable:
            return dict(zip(found.ids, found.weights, strict=True))  # WeightScorer: the weight is the score
        return self._bm25(fieldname, found.ids, found.weights, self.searcher.idf(fieldname, btext))

    def _stem(self, query: Stem) -> Scores:
        """The stem's forms scored as one term: their frequencies added up per document, with the idf of the
        documents holding any of them (as a stemmed index would have scored the stem)."""
        fieldname = query.fieldname
        if fieldname not in self.searcher.schema:
            return {}
        found = [postings(self.reader, fieldname, form) for form in self._expansions(query)]
        found = [each for each in found if each.ids]
        if not found:
            return {}
        if len(found) == 1:
            ids, weights = found[0].ids, found[0].weights
        else:
            frequencies: dict[int, float] = {}
            for each in sorted(found, key=lambda postings: len(postings.ids), reverse=True):
                frequencies.update(zip(each.ids, map(add, map(frequencies.get, each.ids, repeat(0.0)), each.weights),
                                       strict=True))
            ids, weights = list(frequencies), list(frequencies.values())
        single = len(self.searcher.leaf_searchers()) == 1  # then the documents just merged are the whole index's
        idf = bm25_idf(self.searcher.get_parent().doc_count_all(), len(ids) if single else self._stem_frequency(query))
        return _boosted(self._bm25(fieldname, ids, weights, idf), query.boost)

    def _stem_frequency(self, query: Stem) -> int:
        if query not in self._frequencies:
            self._frequencies[query] = stem_frequency(self.searcher, query)
        return self._frequencies[query]

    def _bm25(self, fieldname: str, ids: Sequence[int], weights: Sequence[float], idf: float) -> Scores:
        """BM25FScorer: idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * length / average))), in that order."""
        codes, norms = self._length_norms(fieldname)
        lengths = map(norms.__getitem__, map(codes.__getitem__, ids))
        ratios = map(truediv, map(mul, weights, repeat(self.weighting.K1 + 1)), map(add, weights, lengths))
        return dict(zip(ids, map(mul, repeat(idf), ratios), strict=True))

    def _length_norms(self, fieldname: str) -> tuple[bytes, list[float]]:
        """Each document's length code, and K1 * ((1 - B) + B * length / average) for each of the 256 codes."""
        if fieldname not in self._codes:
            self._codes[fieldname] = length_bytes(self.reader, fieldname)
        if fieldname not in self._norms:
            k1, b = self.weighting.K1, self.weighting._field_B.get(fieldname, self.weighting.B)
            average = self.searcher.avg_field_length(fieldname) or 1
            self._norms[fieldname] = [k1 * ((1 - b) + b * byte_to_length(code) / average) for code in range(256)]
        return self._codes[fieldname], self._norms[fieldname]

    def _multiterm(self, query: MultiTerm) -> Scores:
        fieldname = query.field()
        words = self._expansions(query)
        if len(words) == 1:  # Whoosh matches a lone expansion as a plain term, without the query's boost
            return self.term_scores(fieldname, words[0])
        return _boosted(_summed([self.term_scores(fieldname, word) for word in words]), query.boost)

    def _expansions(self, query: MultiTerm) -> list[bytes]:
        return EXPANSIONS.terms(self.reader, query)

    # -- phrases ---------------------------------------------------------------------------------------
    def _phrase(self, query: Phrase) -> Scores:
        """Documents with the words at consecutive positions, scored as the sum of the words' scores."""
        schema = self.searcher.schema
        if query.slop != 1 or not query.words:
            raise Unsupported("phrase with slop")
        if query.fieldname not in schema:
            return {}
        field = schema[query.fieldname]
        if not field.format or not field.format.supports("positions"):
            raise Unsupported("phrase over a field without positions")
        try:
            words = [field.to_bytes(word) for word in query.words]
        except ValueError:
            return {}
        maps = [self.term_scores(query.fieldname, word) for word in words]
        if not all(maps):
            return {}
        candidates = set(min(maps, key=len)).intersection(*maps)
        values = [read_values(self.reader, query.fieldname, word, candidates) for word in words]
        decode = _positions_decoder(field.format)
        found = [doc for doc in candidates if _consecutive([decode(value[doc]) for value in values])]
        return _boosted(dict(zip(found, _added(maps, found), strict=True)), query.boost)

    # -- compounds -------------------------------------------------------------------------------------
    def _or(self, query: Or) -> Scores:
        scores = self._sum(query)
        words = _coordination_words(query)
        return self._coordinated(query, scores, words, scores) if words else scores  # type: ignore[arg-type]

    def _sum(self, query: Or) -> Scores:
        """The OR's scores before any coordination: its subqueries' added up, times its boost."""
        subqueries = query.subqueries
        if query.minmatch or query.scale or any(isinstance(sub, Not) for sub in subqueries):
            raise Unsupported("Or with minmatch, scale or NOT")
        if len(subqueries) <= 1:  # Whoosh uses a lone subquery's matcher as it is: no boost, no coordination
            return self.scores(subqueries[0]) if subqueries else {}
        return _boosted(_summed(self._addends(subqueries)), query.boost)

    def _addends(self, subqueries: list[Query]) -> list[Scores]:
        """The maps an OR adds up, with nested plain ORs that have no boost opened up: one sum, not one per
        level (each word of free text is an OR of its title and body terms)."""
        maps: list[Scores] = []
        for sub in subqueries:
            if _plain_or(sub):
                maps.extend(self._addends(sub.subqueries))  # type: ignore[attr-defined]
            else:
                maps.append(self.scores(sub))
        return maps

    def _coordinated(self, query: CoordOr, scores: Scores, words: int, documents: Collection[int]) -> Scores:
        """CoordMatcher's factor for ``documents``: score × (1 − scale + scale × share of the query's words held)."""
        held, most = self._held(query, None if documents is scores else documents)
        scale = query.coord
        factors = [1 - scale + scale * (min(count, words) / words) for count in range(most + 1)]
        factor = map(factors.__getitem__, map(held.__getitem__, documents))
        return dict(zip(documents, map(mul, map(scores.__getitem__, documents), factor), strict=True))

    def _held(self, query: CoordOr, documents: Collection[int] | None) -> tuple[Counter[int], int]:
        """How many of the query's index terms each document holds (of ``documents``, or of all that match),
        and the most any can hold."""
        holders: dict[bytes, list[Collection[int]]] = {}
        for texts, matched in self.parts(query):
            for text in texts:
                holders.setdefault(text, []).append(matched)
        held: Counter[int] = Counter()
        for collections in holders.values():
            if documents is not None:  # a few: look each up
                found = set(filter(collections[0].__contains__, documents))
                for other in collections[1:]:
                    found.update(filter(other.__contains__, documents))
                held.update(found)
                continue
            # All: each document once per word, the biggest list (the body's) whole, the others' documents it lacks.
            collections.sort(key=len, reverse=True)
            held.update(iter(collections[0]))  # an iterator: given a dict, update() would add its scores
            if len(collections) > 1:
                held.update(set().union(*collections[1:]).difference(collections[0]))
        return held, len(holders)

    def _and(self, query: And) -> Scores:
        subqueries = query.subqueries
        if len(subqueries) <= 1:
            return self.scores(subqueries[0]) if subqueries else {}
        required = [self.scores(sub) for sub in subqueries if not isinstance(sub, Not)]
        excluded = [sub for sub in subqueries if isinstance(sub, Not)]
        if not required:
            raise Unsupported("And of NOTs only")
        documents = set(min(required, key=len)).intersection(*required)
        for sub in excluded:
            documents.difference_update(self.scores(sub.query))  # type: ignore[attr-defined]
        ordered = list(documents)
        totals = _added(required, ordered)
        for _sub in excluded:  # Whoosh's InverseMatcher scores each document it lets through 1.0
            totals = map(add, totals, repeat(1.0))
        return _boosted(dict(zip(ordered, totals, strict=True)), query.boost)

    # -- which words a document holds, for CoordOr ---------------------------------------------------------
    def parts(self, query: Query) -> list[Part]:
        """(the index terms a matching clause holds, the documents it matches) for each clause of ``query``:
        what Whoosh's ``matching_terms`` reports for a document."""
        kind = type(query)
        if kind is Term or kind is Phrase:
            documents = self.scores(query)
            if not documents:  # also when the field or a word is unknown
                return []
            words = [query.text] if kind is Term else query.words  # type: ignore[attr-defined]
            field = self.searcher.schema[query.fieldname]  # type: ignore[attr-defined]
            return [(frozenset(field.to_bytes(word) for word in words), documents)]
        if kind is Stem:  # one word, whichever of its forms a document holds
            documents = self.scores(query)
            return [(frozenset([query.text.encode("utf-8")]), documents)] if documents else []  # type: ignore[attr-defined]
        if kind in (Or, CoordOr, WordOr):
            return [part for sub in query.subqueries for part in self.parts(sub)]  # type: ignore[attr-defined]
        if kind is And:
            matched = self.scores(query).keys()
            required = [sub for sub in query.subqueries if not isinstance(sub, Not)]  # type: ignore[attr-defined]
            return [(texts, matched & documents) for sub in required for texts, documents in self.parts(sub)]
        if _expands(query):
            fieldname = query.field()
            return [(frozenset([word]), self.term_scores(fieldname, word)) for word in self._expansions(query)]  # type: ignore[arg-type]
        raise Unsupported(f"{kind.__name__} inside a coordinated OR")


def _coordination_words(query: Query) -> int:
    """The number of words a CoordOr's factor shares out (iter_all_terms, as CoordOr counts them); 0 when the
    query gets no factor. Only a factor between 0 and 1 is applied by this module."""
    if type(query) is not CoordOr or not query.coord or len(query.subqueries) <= 1:  # type: ignore[attr-defined]
        return 0
    if not 0 < query.coord <= 1:  # type: ignore[attr-defined]
        raise Unsupported("coordination scale outside (0, 1]")
    words = len({text for _field, text in query.iter_all_terms(phrases=True)})
    return words if words > 1 else 0


def _plain_or(query: Query) -> bool:
    """An OR whose sum needs nothing of its own: no boost, coordination, minimum or NOT."""
    if type(query) not in (Or, WordOr) or query.boost != 1.0 or query.minmatch or query.scale:  # type: ignore[attr-defined]
        return False
    return not any(isinstance(sub, Not) for sub in query.subqueries)  # type: ignore[attr-defined]


def _expands(query: Query) -> bool:
    """A query Whoosh runs as the OR of the index terms it expands to (prefix, wildcard, fuzzy, range)."""
    if isinstance(query, Prefix):
        return query.text != ""  # "" matches every document
    if isinstance(query, Wildcard):
        return query.text != "*"
    return isinstance(query, MultiTerm) and type(query).matcher is MultiTerm.matcher


def _consecutive(positions: list[Iterable[int]]) -> bool:
    """The first word at some position p, the second at p + 1, and so on: Whoosh's phrase with slop 1."""
    starts = set(positions[0])
    for step, word in enumerate(positions[1:], 1):
        starts.intersection_update(map((-step).__add__, word))  # where this word's phrase would have started
    return bool(starts)


def _positions_decoder(format_: Format) -> Callable[[bytes], Iterable[int]]:
    """Whoosh's decoder of a posting's positions; for its plain Positions format the same done in C."""
    if type(format_) is not Positions:
        return format_.decoder("positions")  # type: ignore[no-any-return]

    def positions(value: bytes) -> Iterable[int]:
        # The value is the frequency (4 bytes) and the gaps between positions, pickled without its final STOP.
        return accumulate(loads(value[4:] if value.endswith(b".") else value[4:] + b"."))

    return positions
