"""A search for a word by its stem: the documents holding any of the stem's forms, scored as one term.

The index holds words as written (forms.py records each under its stem as it is indexed). ``Stem("body",
"price")`` matches "price", "prices", "priced"; ranking.py scores it as a single term would have been scored in a
stemmed index (the forms' frequencies added up, the idf of the documents holding any of them), as Lucene's
SynonymQuery does; Whoosh's own matchers (sorting by date, queries ranking.py leaves to Whoosh) score it the same
way through StemMatcher.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh.matching import Matcher, NullMatcher, UnionMatcher, WrappingMatcher
from whoosh.query import FuzzyTerm, MultiTerm
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from archivist.core.index.forms import Forms
from archivist.core.index.postings import EXPANSIONS, postings
from archivist.core.index.scoring import bm25_idf

_forms: ContextVar[Forms | None] = ContextVar("archivist_stem_forms", default=None)


@contextmanager
def stem_forms(forms: Forms | None) -> Iterator[None]:
    """The forms the queries parsed in the block expand their stems to (the index's forms.json)."""
    token = _forms.set(forms)
    try:
        yield
    finally:
        _forms.reset(token)


def forms_of(stem: str) -> tuple[str, ...]:
    """The stem's recorded forms; the stem itself only when none is recorded (an index without forms.json). A word
    that is its own stem is recorded under it when it occurs; adding the stem anyway matched another language's
    word, or a stop word the stem happens to spell (Turkish «neydi» → «ne»)."""
    recorded = (_forms.get() or {}).get(stem, ())
    return tuple(recorded) if recorded else (stem,)


class Stem(MultiTerm):
    """Documents holding any recorded form of ``text`` (a stem) in ``fieldname``."""

    def __init__(self, fieldname: str, text: str, forms: Sequence[str] | None = None, boost: float = 1.0) -> None:
        self.fieldname = fieldname
        self.text = text
        self.forms = tuple(forms) if forms is not None else forms_of(text)
        self.boost = boost
        self.startchar = self.endchar = None

    def __eq__(self, other: object) -> bool:
        return (type(other) is type(self) and self.fieldname == other.fieldname  # type: ignore[attr-defined]
                and self.text == other.text and self.forms == other.forms  # type: ignore[attr-defined]
                and self.boost == other.boost)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((Stem, self.fieldname, self.text, self.forms, self.boost))

    def __repr__(self) -> str:
        boost = f", boost={self.boost}" if self.boost != 1 else ""
        return f"Stem({self.fieldname!r}, {self.text!r}{boost})"

    def __str__(self) -> str:
        return f"{self.fieldname}:{self.text}~stem"

    def field(self) -> str:
        return self.fieldname

    def has_terms(self) -> bool:
        return True

    def terms(self, phrases: bool = False) -> Iterator[tuple[str, str]]:
        yield self.fieldname, self.text

    def _btexts(self, ixreader: IndexReader) -> Iterator[bytes]:
        """The forms this segment holds."""
        for form in self.forms:
            btext = form.encode("utf-8")
            if (self.fieldname, btext) in ixreader:
                yield btext

    def matcher(self, searcher: Searcher, context: Any = None) -> Matcher:
        """The forms' postings as one term's: frequencies added up, BM25 with the stem's idf (what ranking.py
        computes a list at a time)."""
        reader = searcher.reader()
        forms = EXPANSIONS.terms(reader, self)
        if not forms:
            return NullMatcher()
        matchers = [reader.postings(self.fieldname, form) for form in forms]
        while len(matchers) > 1:  # a balanced tree of unions
            matchers = [UnionMatcher(*matchers[i : i + 2]) if i + 1 < len(matchers) else matchers[i]
                        for i in range(0, len(matchers), 2)]
        weighting = context.weighting if context is not None else searcher.weighting
        if weighting is None:  # the score is not wanted (Whoosh's constant-score contexts)
            return matchers[0]
        scorer = weighting.scorer(searcher, self.fieldname, forms[0])
        if hasattr(scorer, "idf"):
            parent = searcher.get_parent()
            scorer.idf = bm25_idf(parent.doc_count_all(), stem_frequency(parent, self))
        return StemMatcher(matchers[0], scorer, self.fieldname, self.text.encode("utf-8"), self.boost)


class FuzzyStem(FuzzyTerm):
    """A fuzzy word (``airstrke~``): the forms of the stems within ``maxdist`` edits of its stem ("airstrk" →
    "airstrik": airstrike, airstrikes), as the fuzzy search of a stemmed index found them. The recorded stems are
    far fewer than the words as written and are compared in C (rapidfuzz); a word without a stem (a stop word)
    is compared with the words as written, as Whoosh does."""

    def __init__(self, fieldname: str, text: str, stem: str | None, boost: float = 1.0, maxdist: int = 1,
                 prefixlength: int = 1) -> None:
        super().__init__(fieldname, text, boost=boost, maxdist=maxdist, prefixlength=prefixlength)
        self.stem = stem
        self.forms = _forms.get() or {}

    def _btexts(self, ixreader: IndexReader) -> Iterator[bytes]:
        if not self.stem or not self.forms:
            return super()._btexts(ixreader)
        start = self.stem[: self.prefixlength]
        near = process.extract(self.stem, self.forms.keys(), scorer=Levenshtein.distance,
                               score_cutoff=self.maxdist, limit=None)
        found = dict.fromkeys(form.encode("utf-8") for stem, _distance, _key in near if stem.startswith(start)
                              for form in self.forms[stem])
        return iter([btext for btext in found if (self.fieldname, btext) in ixreader])


def stem_frequency(searcher: Searcher, stem: Stem) -> int:
    """Documents of the whole index holding any of the stem's forms (deleted ones counted, as Whoosh counts a
    term's)."""
    total = 0
    for subsearcher, _offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        lists = [postings(reader, stem.fieldname, form).ids for form in EXPANSIONS.terms(reader, stem)]
        total += len(lists[0]) if len(lists) == 1 else len(set().union(*lists))
    return total


class StemMatcher(WrappingMatcher):
    """The union of a stem's forms, scored as one term, and reported as the stem (one word of the query, whichever
    form matched: CoordOr counts words)."""

    def __init__(self, child: Matcher, scorer: Any, fieldname: str, stem: bytes, boost: float = 1.0) -> None:
        super().__init__(child, boost=boost)
        self.scorer = scorer
        self.fieldname = fieldname
        self.stem = stem

    def _replacement(self, newchild: Matcher) -> Matcher:
        return self.__class__(newchild, self.scorer, self.fieldname, self.stem, self.boost)

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:
        return float("inf")  # no bound is worked out: collectors never prune this matcher

    def replace(self, minquality: float = 0) -> Matcher:
        return self if self.is_active() else NullMatcher()  # its children have no scorer to prune by

    def score(self) -> float:
        return self.scorer.score(self.child) * self.boost  # type: ignore[no-any-return]

    def matching_terms(self, id: int | None = None) -> Iterator[tuple[str, bytes]]:
        if self.child.is_active() and (id is None or self.child.id() == id):
            yield self.fieldname, self.stem

    def term(self) -> tuple[str, bytes]:
        return self.fieldname, self.stem


__all__ = ["FuzzyStem", "Stem", "StemMatcher", "forms_of", "stem_forms", "stem_frequency"]
