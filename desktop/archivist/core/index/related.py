"""'Related documents': a query of a document's key terms (Whoosh's more-like-this), the document excluded."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from whoosh.query import Or, Term

from archivist.core.index.index import SearchIndex
from archivist.core.index.schema import text_analyzer
from archivist.core.index.snippets import TermMatcher, find_matches

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
    key_terms = searcher.key_terms_from_text("body", text, numterms=KEY_TERMS)
    if not key_terms:
        return []
    query = Or([Term("body", term, boost=weight) for term, weight in key_terms])
    results = searcher.search(query, limit=limit, mask={docnum}, terms=True)
    words = surface_words(text, [term for term, _weight in key_terms])
    hits: list[RelatedHit] = []
    for result in results:
        shared = {value.decode() if isinstance(value, bytes) else value for _f, value in result.matched_terms()}
        ordered = [words[term] for term, _weight in key_terms if term in shared]
        hits.append(RelatedHit(int(result["id"]), result.get("title", ""), round(float(result.score or 0), 4), ordered))
    return hits


def surface_words(text: str, terms: list[str]) -> dict[str, str]:
    """The word a reader would recognise for each stemmed term: its most frequent form in ``text``."""
    forms: dict[str, Counter[str]] = {term: Counter() for term in terms}
    for start, end, term in find_matches(text, TermMatcher(text_analyzer(), terms)):
        forms[term][text[start:end].lower()] += 1
    return {term: (counts.most_common(1)[0][0] if counts else term) for term, counts in forms.items()}
