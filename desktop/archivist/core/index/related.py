"""'Related documents': a query of a document's key terms (Whoosh's more-like-this), the document excluded."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from whoosh.classify import Expander
from whoosh.query import Or, Term
from whoosh.searching import Searcher

from archivist.core.index.analysis import document_language
from archivist.core.index.index import SearchIndex
from archivist.core.index.matching import TermMatcher, find_matches
from archivist.core.index.postings import postings
from archivist.core.index.ranking import rank
from archivist.core.index.schema import text_analyzer
from archivist.core.index.stemmers import SCRIPT_OF_LANGUAGE

_STEMMING = text_analyzer()

KEY_TERMS = 12


@dataclass(slots=True)
class RelatedHit:
    """A related document; ``terms`` are the key words of the source document it shares."""

    id: int
    title: str
    score: float
    terms: list[str] = field(default_factory=list)


def related_documents(index: SearchIndex, document_id: int, text: str, limit: int = 10) -> list[RelatedHit]:
    """Documents sharing the key terms of ``text`` (the document's catalogue text: the body is not stored)."""
    searcher = index.searcher()
    docnum = searcher.document_number(id=document_id)
    if docnum is None or not text.strip() or limit <= 0:
        return []
    language = searcher.stored_fields(docnum).get("lang")
    with document_language(language):  # its stop words are the document's language's
        key_terms = _key_terms(searcher, text)
    if not key_terms:
        return []
    query = Or([Term("body", term, boost=weight) for term, weight in key_terms])
    words = surface_words(text, [term for term, _weight in key_terms], language)
    hits: list[RelatedHit] = []
    for other, score, shared in _ranked(searcher, query, docnum, limit):
        stored = searcher.stored_fields(other)
        ordered = [words[term] for term, _weight in key_terms if term in shared]
        hits.append(RelatedHit(int(stored["id"]), stored.get("title", ""), round(float(score or 0), 4), ordered))
    return hits


def _key_terms(searcher: Searcher, text: str) -> list[tuple[str, float]]:
    """Whoosh's more-like-this (Bo1) over the text's words as the index holds them, stop words left out."""
    expander = Expander(searcher.reader(), "body")
    expander.add(Counter(token.original for token in _STEMMING(text, keeporiginal=True)).items())
    return expander.expanded_terms(KEY_TERMS)


def _ranked(searcher: Searcher, query: Or, docnum: int, limit: int) -> list[tuple[int, float, set[str]]]:
    """(document number, score, the key terms it holds) of the best ``limit`` documents other than ``docnum``."""
    ranking = rank(searcher, query, limit + 1)
    if ranking is None:
        results = searcher.search(query, limit=limit, mask={docnum}, terms=True)
        return [(result.docnum, result.score, {_text(value) for _f, value in result.matched_terms()})
                for result in results]
    terms = [_text(term.text) for term in query.subqueries]  # type: ignore[attr-defined]
    others = [(other, score) for score, other in ranking.hits if other != docnum][:limit]
    return [(other, score, {term for term in terms if _holds(searcher, other, term)}) for other, score in others]


def _holds(searcher: Searcher, docnum: int, term: str) -> bool:
    """Whether the document has ``term`` in its body: a binary search of the term's posting list."""
    for subsearcher, offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        if offset <= docnum < offset + reader.doc_count_all():
            ids = postings(reader, "body", term.encode("utf-8")).ids
            place = bisect_left(ids, docnum - offset)
            return place < len(ids) and ids[place] == docnum - offset
    return False


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def surface_words(text: str, terms: list[str], language: str | None = None) -> dict[str, str]:
    """The word a reader would recognise for each key term (a word as the index holds it, normalised): its most
    frequent form in ``text`` as written."""
    forms: dict[str, Counter[str]] = {term: Counter() for term in terms}
    script = SCRIPT_OF_LANGUAGE.get(language or "")
    languages = {script: [language]} if script and language else None
    for start, end, term in find_matches(text, TermMatcher((), languages=languages, words=terms)):
        forms[term][text[start:end].lower()] += 1
    return {term: (counts.most_common(1)[0][0] if counts else term) for term, counts in forms.items()}
